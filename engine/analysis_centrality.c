/* Centralities on a view, scaled to networkx's definitions (docs/ANALYSIS.md). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* qsort_r */
#endif
#include <dlfcn.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis_priv.h"

/* igraph's PRPACK solver sums in an OpenMP loop, so the last digits of
 * PageRank changed from run to run with the number of threads. relgraph
 * promises the same result whatever the thread count, so PRPACK gets one
 * thread. libgomp comes in with igraph; the setter is looked up at run time
 * so that relgraph neither links OpenMP itself nor fails where igraph was
 * built without it. */
static void openmp_single_thread(void)
{
    void *sym = dlsym(RTLD_DEFAULT, "omp_set_num_threads");
    void (*set)(int);
    memcpy(&set, &sym, sizeof set);
    if (set) set(1);
}

const char *const rg_measure_names[] = {"degree",    "strength", "betweenness",
                                        "closeness", "harmonic", "eigenvector",
                                        "pagerank",  "kcore",    NULL};

bool rg_measure_parse(const char *s, rg_measure *m)
{
    for (int i = 0; rg_measure_names[i]; i++)
        if (strcmp(rg_measure_names[i], s) == 0) {
            *m = (rg_measure)i;
            return true;
        }
    return false;
}

/* Shortest-path measures read weights as distances, which must be positive;
 * PageRank and eigenvector read them as strengths, which must not be
 * negative. */
static rg_status check_weights(const rg_view *v, bool strictly_positive, rg_error *err)
{
    for (size_t i = 0; i < v->m; i++) {
        double w = VECTOR(v->weight)[i];
        if (!isfinite(w) || w < 0 || (strictly_positive && w == 0))
            return rg_error_set(err, RG_EINPUT,
                                "--weighted: a link has weight %g; weights must be %s", w,
                                strictly_positive ? "positive" : "non-negative");
    }
    return RG_OK;
}

static rg_status ig_fail(igraph_error_t ie, const char *what, rg_error *err)
{
    return rg_error_set(err, RG_EINPUT, "%s failed: %s", what, igraph_strerror(ie));
}

rg_status rg_view_measure(const rg_view *v, rg_measure m, double **scores, rg_error *err)
{
    rg_analysis_igraph_setup();
    size_t n = v->n;
    double *out = rg_calloc(n + 1, sizeof *out);
    const igraph_vector_t *w = v->weighted ? &v->weight : NULL;
    igraph_neimode_t in_mode = v->directed ? IGRAPH_IN : IGRAPH_ALL;
    igraph_vector_t res;
    igraph_vector_int_t ires;
    igraph_vector_init(&res, 0);
    igraph_vector_int_init(&ires, 0);
    igraph_error_t ie = IGRAPH_SUCCESS;
    rg_status rc = RG_OK;
    double nm1 = (double)n - 1;

    switch (m) {
    case RG_M_DEGREE: /* networkx degree_centrality: degree / (n - 1) */
        ie = igraph_degree(&v->ig, &ires, igraph_vss_all(), IGRAPH_ALL, false);
        for (size_t i = 0; ie == IGRAPH_SUCCESS && i < n; i++)
            out[i] = n <= 1 ? 1.0 : (double)VECTOR(ires)[i] / nm1;
        break;
    case RG_M_STRENGTH: /* networkx G.degree(weight="weight") */
        ie = igraph_strength(&v->ig, &res, igraph_vss_all(), IGRAPH_ALL, false, &v->weight);
        for (size_t i = 0; ie == IGRAPH_SUCCESS && i < n; i++)
            out[i] = VECTOR(res)[i];
        break;
    case RG_M_BETWEENNESS: {
        if (w && (rc = check_weights(v, true, err))) break;
        if (w) {
            ie = igraph_betweenness(&v->ig, &res, igraph_vss_all(), v->directed, w);
        } else {
            igraph_vector_resize(&res, (igraph_integer_t)n);
            rg_brandes_betweenness(v, VECTOR(res));
        }
        /* networkx normalises by the number of ordered pairs not involving
         * the vertex, (n-1)(n-2); igraph counts undirected pairs once. */
        double scale = n > 2 ? (v->directed ? 1.0 : 2.0) / (nm1 * ((double)n - 2)) : 1.0;
        for (size_t i = 0; ie == IGRAPH_SUCCESS && i < n; i++)
            out[i] = VECTOR(res)[i] * scale;
        break;
    }
    case RG_M_CLOSENESS: {
        if (w && (rc = check_weights(v, true, err))) break;
        igraph_bool_t all;
        ie = igraph_closeness(&v->ig, &res, &ires, &all, igraph_vss_all(), in_mode, w, false);
        /* igraph gives 1 / (sum of distances to the r reachable vertices);
         * networkx's Wasserman-Faust form is (r / sum) * (r / (n - 1)). */
        for (size_t i = 0; ie == IGRAPH_SUCCESS && i < n; i++) {
            double r = (double)VECTOR(ires)[i], c = VECTOR(res)[i];
            out[i] = (r > 0 && n > 1 && isfinite(c)) ? c * r * r / nm1 : 0.0;
        }
        break;
    }
    case RG_M_HARMONIC: /* sum of 1/d over incoming shortest paths */
        if (w && (rc = check_weights(v, true, err))) break;
        ie = igraph_harmonic_centrality(&v->ig, &res, igraph_vss_all(), in_mode, w, false);
        for (size_t i = 0; ie == IGRAPH_SUCCESS && i < n; i++)
            out[i] = VECTOR(res)[i];
        break;
    case RG_M_EIGENVECTOR: {
        if (w && (rc = check_weights(v, false, err))) break;
        if (n == 0) break;
        igraph_real_t value;
        ie = igraph_eigenvector_centrality(&v->ig, &res, &value, v->directed, true, w, NULL);
        /* networkx scales to unit Euclidean norm; igraph to maximum 1. */
        double norm = 0;
        for (size_t i = 0; ie == IGRAPH_SUCCESS && i < n; i++)
            norm += VECTOR(res)[i] * VECTOR(res)[i];
        norm = sqrt(norm);
        for (size_t i = 0; ie == IGRAPH_SUCCESS && i < n; i++)
            out[i] = norm > 0 ? fabs(VECTOR(res)[i]) / norm : 0.0;
        break;
    }
    case RG_M_PAGERANK: {
        if (w && (rc = check_weights(v, false, err))) break;
        if (n == 0) break;
        igraph_real_t value;
        openmp_single_thread();
        ie = igraph_pagerank(&v->ig, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value, igraph_vss_all(),
                             v->directed, 0.85, w, NULL);
        for (size_t i = 0; ie == IGRAPH_SUCCESS && i < n; i++)
            out[i] = VECTOR(res)[i];
        break;
    }
    case RG_M_KCORE: /* networkx core_number: degree = in + out */
        ie = igraph_coreness(&v->ig, &ires, IGRAPH_ALL);
        for (size_t i = 0; ie == IGRAPH_SUCCESS && i < n; i++)
            out[i] = (double)VECTOR(ires)[i];
        break;
    default:
        rc = rg_error_set(err, RG_EUSAGE, "unknown measure");
        break;
    }
    igraph_vector_destroy(&res);
    igraph_vector_int_destroy(&ires);
    if (rc == RG_OK && ie != IGRAPH_SUCCESS) rc = ig_fail(ie, rg_measure_names[m], err);
    if (rc) {
        free(out);
        return rc;
    }
    *scores = out;
    return RG_OK;
}

typedef struct rank_ctx {
    const rg_view *v;
    const rg_graph *g;
    const double *s;
} rank_ctx;

static int cmp_rank(const void *a, const void *b, void *ctx)
{
    const rank_ctx *c = ctx;
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    double sx = isnan(c->s[x]) ? -INFINITY : c->s[x], sy = isnan(c->s[y]) ? -INFINITY : c->s[y];
    if (sx != sy) return sx > sy ? -1 : 1;
    return strcmp(c->g->nodes[c->v->node[x]].id, c->g->nodes[c->v->node[y]].id);
}

uint32_t *rg_view_rank(const rg_view *v, const rg_graph *g, const double *scores)
{
    uint32_t *order = rg_malloc((v->n + 1) * sizeof *order);
    for (size_t i = 0; i < v->n; i++)
        order[i] = (uint32_t)i;
    rank_ctx c = {v, g, scores};
    qsort_r(order, v->n, sizeof *order, cmp_rank, &c);
    return order;
}

rg_status rg_analysis_store_measure(rg_graph *g, const char *measure, const rg_view_opts *opts,
                                    rg_error *err)
{
    rg_measure m;
    if (!measure || !rg_measure_parse(measure, &m))
        return rg_error_set(err, RG_EUSAGE, "unknown measure '%s'", measure ? measure : "(null)");
    rg_view v;
    rg_status rc = rg_view_build(&v, g, opts, err);
    if (rc) return rc;
    double *s;
    rc = rg_view_measure(&v, m, &s, err);
    if (rc == RG_OK) {
        for (size_t i = 0; i < v.n; i++) {
            char buf[64];
            snprintf(buf, sizeof buf, "%.17g", s[i]);
            rg_attrs_set(&g->nodes[v.node[i]].attrs, rg_measure_names[m], buf);
        }
        free(s);
    }
    rg_view_free(&v);
    return rc;
}
