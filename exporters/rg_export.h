/* rg_export: writes a graph in the formats visualisation tools load.
 *
 * Formats (docs/EXPORT.md):
 *   json       relgraph node-link JSON (rg_json.h)
 *   dot        Graphviz, built with cgraph: shape and colour by type or
 *              community, size by a score, clusters, tooltips, a legend
 *   svg png pdf  the same graph laid out and rendered in-process by gvc
 *   graphml    typed attribute keys (yEd, Gephi, igraph, networkx)
 *   gexf       GEXF 1.3 with viz colours and sizes (Gephi)
 *   csv        a directory with nodes.csv and edges.csv (Gephi's spreadsheet
 *              convention; neo4j-admin import headers with csv_header=neo4j)
 *   cytoscape  Cytoscape.js elements JSON
 *   html       one self-contained page (cytoscape.js embedded, no network)
 *
 * Every writer goes through rg_outfile (temp file + rename), so a failed
 * export never leaves a partial file behind. The same graph and options give
 * byte-identical output.
 *
 * Scores: centralities and communities are string node attributes set by the
 * analysis engine ("pagerank", "community", ...). `size_by` names such an
 * attribute (or "degree", computed here from the edges); `top` keeps the N
 * highest-scoring nodes by size_by (degree when size_by is NULL).
 */
#ifndef RG_EXPORT_H
#define RG_EXPORT_H

#include <stdio.h>

#include "rg_graph.h"

typedef struct rg_export_opts {
    const char *size_by;    /* node attribute that scales node size, "degree", or NULL */
    const char *color_by;   /* "type" (default) or "community" */
    const char *cluster;    /* NULL, "type" or "community" */
    const char *layout;     /* Graphviz engine for rendered formats, or NULL = by size */
    unsigned top;           /* keep the N most central actors (0 = all) */
    const char *title;      /* HTML page title; NULL = "relgraph" */
    const char *csv_header; /* "gephi" (default) or "neo4j" */
    bool no_legend;         /* DOT and renderings: leave the legend out */
} rg_export_opts;

/* Names of the supported formats, NULL-terminated. */
extern const char *const rg_export_formats[];
bool rg_export_format_known(const char *format);

/* Layout engines accepted by opts.layout, NULL-terminated. */
extern const char *const rg_export_layouts[];

/* Checks the options against the graph: known values, attributes present.
 * RG_EUSAGE with a message otherwise. rg_export() calls it. */
rg_status rg_export_check_opts(const rg_graph *g, const rg_export_opts *opts, rg_error *err);

/* Writes g in `format` to `path` ("-" = stdout where the format allows; csv
 * needs a directory path, created if missing). */
rg_status rg_export(rg_graph *g, const char *format, const char *path, const rg_export_opts *opts,
                    rg_error *err);

/* Per-node scores for ranking and sizing: the node attribute `attr` read as
 * a number (missing or non-numeric = 0), or the degree (edge ends at the
 * node, self-loops count twice) when attr is NULL or "degree". Caller frees. */
double *rg_export_scores(const rg_graph *g, const char *attr);

/* Node indices ordered by score, highest first, ties by index (= by id after
 * rg_graph_finalize). Caller frees. */
uint32_t *rg_export_rank(const rg_graph *g, const double *scores);

/* out = the `top` highest-ranked nodes of g by `rank_by` (see
 * rg_export_scores), with every attribute, and the edges among them. out
 * must be freshly initialised; the caller frees it. */
void rg_export_top(const rg_graph *g, unsigned top, const char *rank_by, rg_graph *out);

/* Styling shared by all formats: fill colour ("#RRGGBB") and Graphviz shape
 * per node type, a colour per community (by number, else by hash), and node
 * colour under opts (type or community). */
const char *rg_export_type_color(rg_node_type t);
const char *rg_export_type_shape(rg_node_type t);
const char *rg_export_community_color(const char *community);
const char *rg_export_node_color(const rg_node *n, const rg_export_opts *opts);

/* Scores mapped linearly onto [0, 1] (all 0.5 when they are all equal). */
double *rg_export_normalise(const double *scores, size_t n);

/* The edge's evidence sentences, at most `max` of them, one a line, each
 * prefixed with its document id. Caller frees; "" when there is none. */
char *rg_export_evidence(const rg_graph *g, const rg_edge *e, size_t max);

/* Stream writers behind rg_export (no top-N selection: rg_export does it). */
rg_status rg_dot_write(rg_graph *g, FILE *out, const rg_export_opts *opts, rg_error *err);
/* format: "svg", "png" or "pdf"; laid out with opts->layout or by size. */
rg_status rg_render_write(rg_graph *g, FILE *out, const char *format, const rg_export_opts *opts,
                          rg_error *err);
const char *rg_render_pick_layout(const rg_graph *g, const rg_export_opts *opts);
rg_status rg_graphml_write(rg_graph *g, FILE *out, const rg_export_opts *opts, rg_error *err);
rg_status rg_gexf_write(rg_graph *g, FILE *out, const rg_export_opts *opts, rg_error *err);
rg_status rg_cytoscape_write(rg_graph *g, FILE *out, const rg_export_opts *opts, rg_error *err);
rg_status rg_html_write(rg_graph *g, FILE *out, const rg_export_opts *opts, rg_error *err);
/* Writes DIR/nodes.csv and DIR/edges.csv: both to temp files, then both
 * renamed into place. */
rg_status rg_csv_export_dir(rg_graph *g, const char *dir, const rg_export_opts *opts,
                            rg_error *err);

#endif
