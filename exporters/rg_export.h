/* rg_export: writes a graph in the formats visualisation tools load.
 *
 * Every writer goes through rg_outfile (temp file + rename), so a failed
 * export never leaves a partial file behind. Formats: json (rg_json.h), dot
 * (Graphviz, built with cgraph).
 */
#ifndef RG_EXPORT_H
#define RG_EXPORT_H

#include <stdio.h>

#include "rg_graph.h"

typedef struct rg_export_opts {
    const char *size_by;  /* node attribute that scales node size, or NULL */
    const char *color_by; /* "type" (default) or "community" */
    const char *cluster;  /* NULL, "type" or "community" */
    const char *layout;   /* Graphviz engine for rendered formats, or NULL */
    unsigned top;         /* keep the N most central actors (0 = all) */
} rg_export_opts;

/* Names of the supported formats, NULL-terminated. */
extern const char *const rg_export_formats[];
bool rg_export_format_known(const char *format);

/* Writes g in `format` to `path` ("-" = stdout where the format allows). */
rg_status rg_export(rg_graph *g, const char *format, const char *path, const rg_export_opts *opts,
                    rg_error *err);

/* DOT through cgraph: shape and colour by node type, edge labels by relation
 * type, weight as pen width. */
rg_status rg_dot_write(rg_graph *g, FILE *out, const rg_export_opts *opts, rg_error *err);

#endif
