/* The engine alone against bare igraph on a large graph, in one process:
 * reads an edge list ("a b" per line, as bare_igraph generate writes),
 * builds relgraph's typed graph from it, then times
 *   engine: rg_view_build (actor view) + rg_view_measure
 *   bare:   igraph_create + the igraph call (same scaling)
 * and checks that the scores agree. Loading into the typed graph is timed
 * separately: it is the importers' and the graph model's cost, not the
 * engine's.
 *
 *   engine_large pagerank|betweenness EDGES.txt */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rg_analysis.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* CPU time of the process (all threads): a fairer clock on a busy machine. */
static double cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fputs("usage: engine_large pagerank|betweenness EDGES.txt\n", stderr);
        return 2;
    }
    rg_measure m;
    if (!rg_measure_parse(argv[1], &m)) return 2;
    FILE *in = fopen(argv[2], "r");
    if (!in) return 1;
    double t0 = now();
    igraph_vector_int_t ev;
    igraph_vector_int_init(&ev, 0);
    long long a, b, maxv = -1;
    while (fscanf(in, "%lld %lld", &a, &b) == 2) {
        igraph_vector_int_push_back(&ev, a);
        igraph_vector_int_push_back(&ev, b);
        if (a > maxv) maxv = a;
        if (b > maxv) maxv = b;
    }
    fclose(in);
    size_t n = (size_t)(maxv + 1), ne = (size_t)igraph_vector_int_size(&ev) / 2;
    /* Zero-padded ids: the typed graph's id order is the numeric order. */
    rg_graph g;
    rg_graph_init(&g);
    for (size_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "n%09zu", i);
        rg_graph_add_node(&g, id, RG_NODE_PERSON, id, NULL, NULL);
    }
    for (size_t e = 0; e < ne; e++)
        rg_graph_add_edge(&g, (uint32_t)VECTOR(ev)[2 * e], (uint32_t)VECTOR(ev)[2 * e + 1],
                          "member_of", NULL, NULL, 1, NULL, NULL);
    double t1 = now(), c1 = cpu();

    rg_view v;
    rg_error err = {0};
    double *score;
    if (rg_view_build(&v, &g, NULL, &err) || rg_view_measure(&v, m, &score, &err)) {
        fprintf(stderr, "engine_large: %s\n", err.msg);
        return 1;
    }
    double t2 = now(), c2 = cpu();

    igraph_t ig;
    igraph_vector_t res;
    igraph_vector_init(&res, 0);
    igraph_create(&ig, &ev, (igraph_integer_t)n, IGRAPH_UNDIRECTED);
    if (m == RG_M_PAGERANK) {
        igraph_real_t value;
        igraph_pagerank(&ig, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value, igraph_vss_all(), false,
                        0.85, NULL, NULL);
    } else {
        igraph_betweenness(&ig, &res, igraph_vss_all(), false, NULL);
        for (size_t i = 0; i < n; i++)
            VECTOR(res)[i] *= 2.0 / ((double)(n - 1) * (double)(n - 2));
    }
    double t3 = now(), c3 = cpu();
    double worst = 0;
    for (size_t i = 0; i < n; i++) {
        double d = fabs(score[v.vertex[i]] - VECTOR(res)[i]) / fmax(1.0, fabs(VECTOR(res)[i]));
        if (d > worst) worst = d;
    }
    printf("%s on %zu nodes, %zu edges: typed graph built in %.2f s; engine (view + %s) %.2f s "
           "(cpu %.2f s); bare igraph (create + call) %.2f s (cpu %.2f s); engine/bare %.2fx "
           "(cpu %.2fx); max deviation %.1e\n",
           argv[1], n, ne, t1 - t0, argv[1], t2 - t1, c2 - c1, t3 - t2, c3 - c2,
           (t2 - t1) / (t3 - t2), (c2 - c1) / (c3 - c2), worst);
    free(score);
    rg_view_free(&v);
    rg_graph_free(&g);
    igraph_vector_destroy(&res);
    igraph_destroy(&ig);
    igraph_vector_int_destroy(&ev);
    return 0;
}
