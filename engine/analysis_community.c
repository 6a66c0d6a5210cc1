/* Communities and components on a view. */
#define _GNU_SOURCE /* qsort_r */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis_priv.h"

const char *const rg_community_methods[] = {"leiden", "louvain", "label-propagation", "components",
                                            NULL};

/* Fixed so that the randomised methods give the same partition every run. */
#define RG_COMMUNITY_SEED 20240601

bool rg_community_method_known(const char *method)
{
    for (size_t i = 0; rg_community_methods[i]; i++)
        if (strcmp(rg_community_methods[i], method) == 0) return true;
    return false;
}

typedef struct comm_info {
    size_t size;
    uint32_t first; /* view vertex of the member with the smallest id */
    uint32_t old;
} comm_info;

typedef struct renum_ctx {
    const rg_view *v;
    const rg_graph *g;
} renum_ctx;

static int cmp_comm(const void *a, const void *b, void *ctx)
{
    const comm_info *x = a, *y = b;
    const renum_ctx *c = ctx;
    if (x->size != y->size) return x->size > y->size ? -1 : 1;
    return strcmp(c->g->nodes[c->v->node[x->first]].id, c->g->nodes[c->v->node[y->first]].id);
}

/* Numbers communities by decreasing size, ties by smallest member id, so the
 * numbering depends on the partition only, not on the algorithm's labels. */
static size_t renumber(const rg_view *v, const rg_graph *g, const igraph_vector_int_t *mem,
                       uint32_t *out)
{
    size_t n = v->n, k = 0;
    for (size_t i = 0; i < n; i++)
        if ((size_t)VECTOR(*mem)[i] + 1 > k) k = (size_t)VECTOR(*mem)[i] + 1;
    comm_info *c = rg_calloc(k + 1, sizeof *c);
    for (size_t i = 0; i < k; i++)
        c[i].old = (uint32_t)i, c[i].first = RG_NONE;
    for (size_t i = 0; i < n; i++) {
        comm_info *ci = &c[VECTOR(*mem)[i]];
        ci->size++;
        if (ci->first == RG_NONE ||
            strcmp(g->nodes[v->node[i]].id, g->nodes[v->node[ci->first]].id) < 0)
            ci->first = (uint32_t)i;
    }
    size_t used = 0; /* drop empty labels */
    for (size_t i = 0; i < k; i++)
        if (c[i].size) c[used++] = c[i];
    renum_ctx ctx = {v, g};
    qsort_r(c, used, sizeof *c, cmp_comm, &ctx);
    uint32_t *map = rg_malloc((k + 1) * sizeof *map);
    for (size_t i = 0; i < used; i++)
        map[c[i].old] = (uint32_t)i;
    for (size_t i = 0; i < n; i++)
        out[i] = map[VECTOR(*mem)[i]];
    free(map);
    free(c);
    return used;
}

rg_status rg_view_communities(const rg_view *v, const rg_graph *g, const char *method,
                              uint32_t **membership, size_t *ncomm, double *modularity,
                              rg_error *err)
{
    rg_analysis_igraph_setup();
    if (!method) method = "leiden";
    if (!rg_community_method_known(method))
        return rg_error_set(err, RG_EUSAGE,
                            "unknown method '%s' (leiden, louvain, label-propagation, components)",
                            method);
    if (v->directed)
        return rg_error_set(err, RG_EUSAGE, "communities are found on undirected views");
    const igraph_vector_t *w = v->weighted ? &v->weight : NULL;
    if (w)
        for (size_t i = 0; i < v->m; i++)
            if (!(VECTOR(*w)[i] > 0) || !isfinite(VECTOR(*w)[i]))
                return rg_error_set(err, RG_EINPUT, "--weighted: weights must be positive");
    double total = 0;
    for (size_t i = 0; i < v->m; i++)
        total += w ? VECTOR(*w)[i] : 1.0;

    igraph_vector_int_t mem;
    igraph_vector_int_init(&mem, (igraph_integer_t)v->n);
    igraph_error_t ie = IGRAPH_SUCCESS;
    igraph_rng_seed(igraph_rng_default(), RG_COMMUNITY_SEED);
    if (strcmp(method, "components") == 0) {
        igraph_integer_t no;
        ie = igraph_connected_components(&v->ig, &mem, NULL, &no, IGRAPH_WEAK);
    } else if (total == 0) {
        /* No links: every vertex is its own community (the algorithms'
         * modularity objective is undefined). */
        for (size_t i = 0; i < v->n; i++)
            VECTOR(mem)[i] = (igraph_integer_t)i;
    } else if (strcmp(method, "leiden") == 0) {
        /* Leiden optimises modularity when node weights are the strengths
         * and the resolution is 1/(2m) (igraph's documentation). */
        igraph_vector_t nw;
        igraph_vector_init(&nw, 0);
        ie = igraph_strength(&v->ig, &nw, igraph_vss_all(), IGRAPH_ALL, false, w);
        igraph_integer_t k;
        if (ie == IGRAPH_SUCCESS)
            ie = igraph_community_leiden(&v->ig, w, &nw, 1.0 / (2.0 * total), 0.01, false, -1, &mem,
                                         &k, NULL);
        igraph_vector_destroy(&nw);
    } else if (strcmp(method, "louvain") == 0) {
        ie = igraph_community_multilevel(&v->ig, w, 1.0, &mem, NULL, NULL);
    } else {
        ie = igraph_community_label_propagation(&v->ig, &mem, IGRAPH_ALL, w, NULL, NULL);
    }
    if (ie != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&mem);
        return rg_error_set(err, RG_EINPUT, "%s failed: %s", method, igraph_strerror(ie));
    }
    uint32_t *out = rg_malloc((v->n + 1) * sizeof *out);
    size_t k = v->n ? renumber(v, g, &mem, out) : 0;
    if (modularity) {
        *modularity = NAN;
        if (total > 0) {
            for (size_t i = 0; i < v->n; i++)
                VECTOR(mem)[i] = out[i];
            igraph_real_t q;
            if (igraph_modularity(&v->ig, &mem, w, 1.0, false, &q) == IGRAPH_SUCCESS)
                *modularity = q;
        }
    }
    igraph_vector_int_destroy(&mem);
    *membership = out;
    if (ncomm) *ncomm = k;
    return RG_OK;
}

rg_status rg_analysis_store_communities_view(rg_graph *g, const char *method,
                                             const rg_view_opts *opts, double *modularity,
                                             rg_error *err)
{
    if (!method) method = "leiden";
    rg_view v;
    rg_status rc = rg_view_build(&v, g, opts, err);
    if (rc) return rc;
    uint32_t *mem;
    double q;
    rc = rg_view_communities(&v, g, method, &mem, NULL, &q, err);
    if (rc == RG_OK) {
        char buf[64];
        for (size_t i = 0; i < v.n; i++) {
            snprintf(buf, sizeof buf, "%u", mem[i]);
            rg_attrs_set(&g->nodes[v.node[i]].attrs, "community", buf);
        }
        rg_attrs_set(&g->attrs, "community_method", method);
        if (isfinite(q)) {
            snprintf(buf, sizeof buf, "%.17g", q);
            rg_attrs_set(&g->attrs, "modularity", buf);
        }
        if (modularity) *modularity = q;
        free(mem);
    }
    rg_view_free(&v);
    return rc;
}

rg_status rg_analysis_store_communities(rg_graph *g, const char *method, double *modularity,
                                        rg_error *err)
{
    return rg_analysis_store_communities_view(g, method, NULL, modularity, err);
}
