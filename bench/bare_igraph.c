/* The baseline relgraph's engine is measured against: a bare C program that
 * reads an edge list with igraph and calls igraph directly, with the same
 * scaling relgraph applies, and writes one score per line.
 *
 *   bare_igraph betweenness|pagerank EDGES.txt OUT
 *   bare_igraph generate N M SEED EDGES.txt EDGES.csv   (Barabasi-Albert)
 *
 * Prints "load S compute S" (seconds) to stderr: load is reading the edge
 * list into memory, compute is igraph_create plus the call, so that it
 * compares with relgraph's projection (which builds igraph's graph) plus
 * its call. */
#include <igraph.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int generate(int argc, char **argv)
{
    if (argc != 7) return 2;
    igraph_integer_t n = atoll(argv[2]), m = atoll(argv[3]);
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)atoll(argv[4]));
    igraph_t g;
    /* psumtree without multiple edges: a simple BA graph like networkx's */
    if (igraph_barabasi_game(&g, n, 1.0, m, NULL, true, 1.0, false, IGRAPH_BARABASI_PSUMTREE, NULL))
        return 1;
    FILE *txt = fopen(argv[5], "w"), *csv = fopen(argv[6], "w");
    if (!txt || !csv) return 1;
    fputs("Source,Target\n", csv);
    for (igraph_integer_t e = 0; e < igraph_ecount(&g); e++) {
        long long a = IGRAPH_FROM(&g, e), b = IGRAPH_TO(&g, e);
        fprintf(txt, "%lld %lld\n", a, b);
        fprintf(csv, "n%lld,n%lld\n", a, b);
    }
    fclose(txt);
    fclose(csv);
    igraph_destroy(&g);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "generate") == 0) return generate(argc, argv);
    if (argc != 4) {
        fputs("usage: bare_igraph betweenness|pagerank EDGES.txt OUT\n", stderr);
        return 2;
    }
    double t0 = now();
    FILE *in = fopen(argv[2], "r");
    if (!in) return 1;
    igraph_vector_int_t edges;
    igraph_vector_int_init(&edges, 0);
    long long a, b;
    while (fscanf(in, "%lld %lld", &a, &b) == 2) {
        igraph_vector_int_push_back(&edges, (igraph_integer_t)a);
        igraph_vector_int_push_back(&edges, (igraph_integer_t)b);
    }
    fclose(in);
    double t1 = now();
    igraph_t g;
    if (igraph_create(&g, &edges, 0, IGRAPH_UNDIRECTED)) return 1;
    igraph_vector_int_destroy(&edges);
    igraph_vector_t res;
    igraph_vector_init(&res, 0);
    igraph_integer_t n = igraph_vcount(&g);
    if (strcmp(argv[1], "betweenness") == 0) {
        igraph_betweenness(&g, &res, igraph_vss_all(), false, NULL);
        double scale = n > 2 ? 2.0 / ((double)(n - 1) * (double)(n - 2)) : 1.0;
        for (igraph_integer_t i = 0; i < n; i++)
            VECTOR(res)[i] *= scale;
    } else {
        igraph_real_t value;
        igraph_pagerank(&g, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value, igraph_vss_all(), false,
                        0.85, NULL, NULL);
    }
    double t2 = now();
    FILE *out = fopen(argv[3], "w");
    for (igraph_integer_t i = 0; i < n; i++)
        fprintf(out, "%lld,%.17g\n", (long long)i, VECTOR(res)[i]);
    fclose(out);
    fprintf(stderr, "load %.3f compute %.3f\n", t1 - t0, t2 - t1);
    igraph_vector_destroy(&res);
    igraph_destroy(&g);
    return 0;
}
