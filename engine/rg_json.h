/* rg_json: relgraph's native graph format, node-link JSON (docs/FORMAT.md).
 *
 * Loadable as is by networkx's node_link_graph() and by D3:
 *   {"directed": true, "multigraph": true,
 *    "graph": {"relgraph": VERSION, "documents": [...], attributes...},
 *    "nodes": [{"id", "type", "label", "aliases", "mentions", "documents",
 *               "provenance", attributes...}],
 *    "links": [{"source", "target", "key", "type", "role", "date", "weight",
 *               "evidence", attributes...}]}
 * Writing then reading gives back the same graph (lossless round trip).
 * Reading is strict about structure and reports the file, line and column.
 * The reader is in importers/json_read.c (streaming: importers/rg_json_pull.h,
 * one node or link object in memory at a time), the writer in
 * exporters/json_write.c.
 */
#ifndef RG_JSON_H
#define RG_JSON_H

#include <stdio.h>

#include "rg_graph.h"
#include "rg_import.h"

rg_status rg_json_read(rg_graph *g, const char *path, const char *data, size_t len,
                       const rg_import_opts *opts, rg_error *err);
rg_status rg_json_read_file(rg_graph *g, const char *path, rg_error *err);

rg_status rg_json_write(const rg_graph *g, FILE *out, rg_error *err);
/* Atomic: temp file + rename; "-" writes to stdout. */
rg_status rg_json_write_file(const rg_graph *g, const char *path, rg_error *err);

#endif
