/* relgraph's own unweighted betweenness (analysis_brandes.c) against
 * igraph_betweenness on random graphs, directed and undirected, with one
 * thread and with several. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis_priv.h"
#include "rg_test.h"

static void compare(igraph_integer_t n, igraph_real_t p, bool directed, const char *threads)
{
    setenv("RG_THREADS", threads, 1);
    rg_graph g;
    rg_graph_init(&g);
    igraph_t r;
    igraph_erdos_renyi_game_gnp(&r, n, p, directed, false);
    for (igraph_integer_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "n%05lld", (long long)i);
        rg_graph_add_node(&g, id, RG_NODE_PERSON, id, NULL, NULL);
    }
    for (igraph_integer_t e = 0; e < igraph_ecount(&r); e++)
        rg_graph_add_edge(&g, (uint32_t)IGRAPH_FROM(&r, e), (uint32_t)IGRAPH_TO(&r, e), "member_of",
                          NULL, NULL, 1, NULL, NULL);
    igraph_destroy(&r);
    rg_view_opts o = {.kind = RG_VIEW_FULL, .directed = directed};
    rg_view v;
    RG_CHECK(rg_view_build(&v, &g, &o, NULL) == RG_OK);
    double *mine = malloc((size_t)n * sizeof *mine);
    rg_brandes_betweenness(&v, mine);
    igraph_vector_t ref;
    igraph_vector_init(&ref, 0);
    igraph_betweenness(&v.ig, &ref, igraph_vss_all(), directed, NULL);
    double worst = 0;
    for (igraph_integer_t i = 0; i < n; i++) {
        double d = fabs(mine[i] - VECTOR(ref)[i]) / fmax(1.0, fabs(VECTOR(ref)[i]));
        if (d > worst) worst = d;
    }
    RG_CHECK(worst < 1e-9);
    if (worst >= 1e-9)
        fprintf(stderr, "n=%lld directed=%d threads=%s: deviation %g\n", (long long)n, directed,
                threads, worst);
    igraph_vector_destroy(&ref);
    free(mine);
    rg_view_free(&v);
    rg_graph_free(&g);
}

/* Bit-identical scores whatever the number of threads. */
static void thread_independence(void)
{
    rg_graph g;
    rg_graph_init(&g);
    igraph_t r;
    igraph_barabasi_game(&r, 3000, 1.0, 3, NULL, true, 1.0, false, IGRAPH_BARABASI_PSUMTREE, NULL);
    for (igraph_integer_t i = 0; i < igraph_vcount(&r); i++) {
        char id[32];
        snprintf(id, sizeof id, "n%05lld", (long long)i);
        rg_graph_add_node(&g, id, RG_NODE_PERSON, id, NULL, NULL);
    }
    for (igraph_integer_t e = 0; e < igraph_ecount(&r); e++)
        rg_graph_add_edge(&g, (uint32_t)IGRAPH_FROM(&r, e), (uint32_t)IGRAPH_TO(&r, e), "member_of",
                          NULL, NULL, 1, NULL, NULL);
    igraph_destroy(&r);
    rg_view v;
    RG_CHECK(rg_view_build(&v, &g, NULL, NULL) == RG_OK);
    double *a = malloc(v.n * sizeof *a), *b = malloc(v.n * sizeof *b);
    setenv("RG_THREADS", "1", 1);
    rg_brandes_betweenness(&v, a);
    setenv("RG_THREADS", "3", 1);
    rg_brandes_betweenness(&v, b);
    RG_CHECK(memcmp(a, b, v.n * sizeof *a) == 0);
    free(a);
    free(b);
    rg_view_free(&v);
    rg_graph_free(&g);
}

int main(void)
{
    thread_independence();
    igraph_rng_seed(igraph_rng_default(), 7);
    compare(1, 0.0, false, "1");
    compare(2, 1.0, false, "1");
    compare(60, 0.05, false, "1"); /* several components */
    compare(300, 0.02, false, "1");
    compare(300, 0.02, false, "3"); /* threads share the sources */
    compare(300, 0.01, true, "1");
    compare(500, 0.01, true, "4");
    return rg_test_done();
}
