/* Private to the analysis module (engine/analysis_*.c): the parsed edge
 * filter a view keeps so that later questions about it (which typed edges
 * make this link?) apply the same filters. */
#ifndef RG_ANALYSIS_PRIV_H
#define RG_ANALYSIS_PRIV_H

#include "rg_analysis.h"

typedef struct rg_view_filter {
    bool has_types;
    char **types;
    size_t ntypes, cap_types;
    char *since, *until;
    double min_weight;
} rg_view_filter;

/* Installs relgraph's igraph error and warning handlers (once). */
void rg_analysis_igraph_setup(void);

/* Does typed edge `e` pass the view's type and date filters? */
bool rg_view_edge_ok(const rg_view_filter *f, const rg_graph *g, uint32_t e);

bool rg_is_actor(const rg_graph *g, uint32_t node);

/* Unweighted betweenness, unnormalised as igraph_betweenness() returns it
 * (analysis_brandes.c). out has v->n entries. Threads: RG_THREADS or the
 * number of CPUs. */
void rg_brandes_betweenness(const rg_view *v, double *out);

#endif
