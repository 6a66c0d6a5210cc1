/* rg_analysis: the analysis engine. Centralities, communities, components,
 * shortest paths and summary statistics, computed with igraph on a *view* of
 * the typed graph (docs/ANALYSIS.md has every definition).
 *
 * Views. The typed graph mixes actors (person, organisation, institution,
 * place) and events. An analysis runs on one of three projections, built
 * fresh as a simple igraph_t (no parallel edges, no self-loops):
 *   - actors (default): the actors; two actors are linked when they share an
 *     event (both participant_in it) or have a direct relation. The weight of
 *     the link is the number of shared events plus the weights of the direct
 *     relations (a relation observed k times has weight k).
 *   - full: every node and relation; parallel relations merge, weights add.
 *     Directed only on request (symmetric relation types then point both ways).
 *   - bipartite: actors and events, linked by the relations between an actor
 *     and an event.
 * View vertices are the nodes in id order, whatever the input order.
 * Filters apply to the typed graph's edges before projecting: edge types, a
 * date window (an edge's date, else its event's "date" attribute; undated
 * edges are kept), then links lighter than min_weight are dropped.
 *
 * Scores follow networkx's definitions and defaults so that they can be
 * checked against it (tests/py/test_centrality_networkx.py).
 *
 * Ownership: rg_view_build() fills a view that rg_view_free() releases;
 * functions returning arrays hand them to the caller (free()).
 */
#ifndef RG_ANALYSIS_H
#define RG_ANALYSIS_H

#include <igraph.h>

#include "rg_graph.h"

typedef enum { RG_VIEW_ACTORS, RG_VIEW_FULL, RG_VIEW_BIPARTITE } rg_view_kind;

typedef struct rg_view_opts {
    rg_view_kind kind;      /* default RG_VIEW_ACTORS */
    const char *edge_types; /* comma-separated edge types to keep; NULL = all */
    const char *since;      /* ISO 8601 date or prefix (inclusive); NULL = open */
    const char *until;      /* ISO 8601 date or prefix (inclusive); NULL = open */
    double min_weight;      /* drop links lighter than this; 0 = keep all */
    bool directed;          /* full view only */
    bool weighted;          /* measures use weights (see docs/ANALYSIS.md) */
} rg_view_opts;

/* Fills o from option strings as the CLI takes them (each NULL = default):
 * --graph, --edges, --since, --until, --min-weight. RG_EUSAGE with a
 * message naming the option on a bad value. */
rg_status rg_view_opts_parse(rg_view_opts *o, const char *graph, const char *edges,
                             const char *since, const char *until, const char *min_weight,
                             bool directed, bool weighted, rg_error *err);

/* Loads any input relgraph reads into an empty graph: relgraph JSON as is,
 * other formats (CSV, GraphML, documents) through rg_import_file() and
 * rg_graph_finalize(). */
rg_status rg_analysis_load(rg_graph *g, const char *path, rg_error *err);
/* Several inputs (e.g. a node table and an edge table) merged into one
 * graph; a single input is rg_analysis_load(). */
rg_status rg_analysis_load_many(rg_graph *g, char *const *paths, size_t n, rg_error *err);
/* The same for commands that only compute scores and write no graph (rank,
 * stats): CSV rows are not copied into edge evidence. Same nodes, edges and
 * weights, so the same scores. */
rg_status rg_analysis_load_scores(rg_graph *g, char *const *paths, size_t n, rg_error *err);

/* Parses "actors", "full", "bipartite". */
bool rg_view_kind_parse(const char *s, rg_view_kind *kind);
const char *rg_view_kind_name(rg_view_kind kind);

typedef struct rg_view {
    igraph_t ig;
    igraph_vector_t weight; /* per view edge, > 0 */
    uint32_t *node;         /* view vertex -> graph node index */
    uint32_t *vertex;       /* graph node -> view vertex, RG_NONE when absent */
    size_t n, m;            /* vertices, edges */
    bool directed, weighted;
    rg_view_kind kind;
    struct rg_view_filter *filter; /* private: the parsed edge filters */
} rg_view;

/* Builds the view of g described by opts (NULL = defaults). RG_EUSAGE for
 * options that contradict each other (directed actor view, unknown edge
 * type syntax, bad dates). */
rg_status rg_view_build(rg_view *v, const rg_graph *g, const rg_view_opts *opts, rg_error *err);
void rg_view_free(rg_view *v);

/* ---- centrality ------------------------------------------------------ */

typedef enum {
    RG_M_DEGREE,
    RG_M_STRENGTH,
    RG_M_BETWEENNESS,
    RG_M_CLOSENESS,
    RG_M_HARMONIC,
    RG_M_EIGENVECTOR,
    RG_M_PAGERANK,
    RG_M_KCORE,
    RG_M_N
} rg_measure;

extern const char *const rg_measure_names[]; /* NULL-terminated, rg_measure order */
bool rg_measure_parse(const char *s, rg_measure *m);

/* One score per view vertex (caller frees). RG_EINPUT when --weighted
 * shortest paths meet a non-positive weight. */
rg_status rg_view_measure(const rg_view *v, rg_measure m, double **scores, rg_error *err);

/* Vertex order of a ranking: score descending, ties by node id ascending.
 * Returns a permutation of the view's vertices (caller frees). */
uint32_t *rg_view_rank(const rg_view *v, const rg_graph *g, const double *scores);

/* Computes `measure` on the view (opts NULL = defaults) and stores each
 * node's score as the node attribute named after the measure ("%.17g").
 * Nodes outside the view get no attribute. */
rg_status rg_analysis_store_measure(rg_graph *g, const char *measure, const rg_view_opts *opts,
                                    rg_error *err);

/* ---- communities ----------------------------------------------------- */

/* Methods: "leiden" (modularity objective, resolution 1), "louvain",
 * "label-propagation", "components". Randomised methods seed igraph's RNG
 * with a fixed value: same graph, same partition. Communities are numbered
 * 0.. by decreasing size, ties by smallest member id. */
extern const char *const rg_community_methods[];
bool rg_community_method_known(const char *method);

/* membership: one community per view vertex (caller frees); modularity and
 * ncomm may be NULL. Modularity is computed on the undirected view. */
rg_status rg_view_communities(const rg_view *v, const rg_graph *g, const char *method,
                              uint32_t **membership, size_t *ncomm, double *modularity,
                              rg_error *err);

/* Runs `method` (NULL = leiden) on the default actor view and stores node
 * attribute "community" (nodes outside the view get none) and graph
 * attributes "community_method" and "modularity". */
rg_status rg_analysis_store_communities(rg_graph *g, const char *method, double *modularity,
                                        rg_error *err);
/* Same with an explicit view. */
rg_status rg_analysis_store_communities_view(rg_graph *g, const char *method,
                                             const rg_view_opts *opts, double *modularity,
                                             rg_error *err);

/* ---- names, paths, neighbourhoods ------------------------------------ */

/* Resolves a name to a node: exact id first, then label or alias compared
 * folded (rg_fold). RG_EINPUT when nothing or several nodes match; the
 * message then lists the candidates. */
rg_status rg_resolve_name(const rg_graph *g, const char *name, uint32_t *node, rg_error *err);

/* All shortest paths between two graph nodes in the view, each a list of
 * graph node indices; sorted by their id sequences; at most max_paths.
 * *npaths = 0 when there is no path. Caller frees with rg_paths_free. */
typedef struct rg_path {
    uint32_t *nodes;
    size_t len;
} rg_path;
rg_status rg_view_paths(const rg_view *v, const rg_graph *g, uint32_t from, uint32_t to,
                        size_t max_paths, rg_path **paths, size_t *npaths, double *length,
                        rg_error *err);
void rg_paths_free(rg_path *paths, size_t n);

/* Why two actors are linked in the view: the typed graph's edges that make
 * the link (direct relations between a and b, and for the actor view the
 * participant_in edges of both to each shared event). Returns edge indices
 * (caller frees); the list is sorted and respects the view's filters. */
uint32_t *rg_view_link_edges(const rg_view *v, const rg_graph *g, uint32_t a, uint32_t b,
                             size_t *n);

/* Nodes within `radius` hops of `center` in the view (graph node indices,
 * sorted, center included). For the actor view, the events that link two of
 * them are added. Caller frees. */
uint32_t *rg_view_ego(const rg_view *v, const rg_graph *g, uint32_t center, unsigned radius,
                      size_t *n);

/* Copies the nodes `keep` (sorted graph indices) and the edges among them,
 * with their documents, evidence and attributes, into the empty graph dst. */
void rg_graph_subgraph(rg_graph *dst, const rg_graph *src, const uint32_t *keep, size_t nkeep);

/* ---- statistics ------------------------------------------------------ */

typedef struct rg_view_stats {
    size_t n, m;
    double density;      /* networkx density() */
    size_t components;   /* weakly connected */
    size_t largest;      /* vertices in the largest component */
    double diameter;     /* longest finite shortest path (hops) */
    double transitivity; /* networkx transitivity() on the undirected view */
    double mean_degree;
    int max_core;
} rg_view_stats;

rg_status rg_view_stats_compute(const rg_view *v, rg_view_stats *s, rg_error *err);

#endif
