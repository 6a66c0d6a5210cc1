/* Names, shortest paths, neighbourhoods, subgraphs and summary statistics. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis_priv.h"

/* ---- names ------------------------------------------------------------ */

static bool folded_eq(const char *a, const char *folded_b)
{
    char *fa = rg_fold(a, strlen(a));
    bool eq = fa && strcmp(fa, folded_b) == 0;
    free(fa);
    return eq;
}

rg_status rg_resolve_name(const rg_graph *g, const char *name, uint32_t *node, rg_error *err)
{
    uint32_t id = rg_graph_find_node(g, name);
    if (id != RG_NONE) {
        *node = id;
        return RG_OK;
    }
    char *f = rg_fold(name, strlen(name));
    uint32_t *hits = NULL;
    size_t nh = 0, cap = 0;
    for (size_t i = 0; f && *f && i < g->nnodes; i++) {
        const rg_node *n = &g->nodes[i];
        bool hit = n->label && folded_eq(n->label, f);
        for (size_t k = 0; !hit && k < n->naliases; k++)
            hit = folded_eq(n->aliases[k].name, f);
        if (hit) *RG_PUSH(hits, nh, cap) = (uint32_t)i;
    }
    free(f);
    rg_status rc = RG_OK;
    if (nh == 1) {
        *node = hits[0];
    } else if (nh == 0) {
        rc = rg_error_set(err, RG_EINPUT, "no node with id, label or alias '%s'", name);
    } else {
        rg_buf b = {0};
        rg_buf_printf(&b, "'%s' is ambiguous; candidates:", name);
        for (size_t i = 0; i < nh && i < 20; i++) {
            const rg_node *n = &g->nodes[hits[i]];
            rg_buf_printf(&b, "\n  %s  (%s, %s)", n->id, n->label ? n->label : "",
                          rg_node_type_name(n->type));
        }
        if (nh > 20) rg_buf_printf(&b, "\n  ... and %zu more", nh - 20);
        rc = rg_error_set(err, RG_EINPUT, "%s", b.data);
        rg_buf_free(&b);
    }
    free(hits);
    return rc;
}

/* ---- shortest paths ----------------------------------------------------- */

typedef struct path_search {
    const rg_view *v;
    const rg_graph *g;
    const double *ds, *dt; /* distance from the source, to the target */
    double total;
    uint32_t target;
    size_t max;
    uint32_t *stack;
    size_t depth;
    rg_path *paths;
    size_t npaths, cap;
} path_search;

static double link_len(const rg_view *v, igraph_integer_t e)
{
    return v->weighted ? VECTOR(v->weight)[e] : 1.0;
}

static bool close_to(double a, double b)
{
    return fabs(a - b) <= 1e-9 * (fabs(a) + fabs(b) + 1.0);
}

typedef struct step {
    uint32_t vertex;
    const char *id;
} step;

static int cmp_step(const void *a, const void *b)
{
    const step *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->vertex > y->vertex) - (x->vertex < y->vertex);
}

/* Depth-first along the shortest-path DAG (links where ds[u] + len + dt[w]
 * equals the total), neighbours in id order, so paths come out sorted by
 * their id sequences and the search stops after `max` of them. */
static void dfs(path_search *s, uint32_t u)
{
    s->stack[s->depth++] = u;
    if (u == s->target) {
        rg_path *p = RG_PUSH(s->paths, s->npaths, s->cap);
        p->len = s->depth;
        p->nodes = rg_malloc(s->depth * sizeof *p->nodes);
        for (size_t i = 0; i < s->depth; i++)
            p->nodes[i] = s->v->node[s->stack[i]];
        s->depth--;
        return;
    }
    igraph_vector_int_t inc;
    igraph_vector_int_init(&inc, 0);
    igraph_incident(&s->v->ig, &inc, u, s->v->directed ? IGRAPH_OUT : IGRAPH_ALL);
    size_t k = (size_t)igraph_vector_int_size(&inc), ns = 0;
    step *next = rg_malloc((k + 1) * sizeof *next);
    for (size_t i = 0; i < k; i++) {
        igraph_integer_t e = VECTOR(inc)[i];
        uint32_t w = (uint32_t)IGRAPH_OTHER(&s->v->ig, e, u);
        double len = link_len(s->v, e);
        if (close_to(s->ds[u] + len, s->ds[w]) && close_to(s->ds[w] + s->dt[w], s->total)) {
            bool dup = false; /* (parallel links do not exist in a view; be safe) */
            for (size_t j = 0; j < ns && !dup; j++)
                dup = next[j].vertex == w;
            if (!dup) next[ns++] = (step){w, s->g->nodes[s->v->node[w]].id};
        }
    }
    igraph_vector_int_destroy(&inc);
    qsort(next, ns, sizeof *next, cmp_step);
    for (size_t i = 0; i < ns && s->npaths < s->max; i++)
        dfs(s, next[i].vertex);
    free(next);
    s->depth--;
}

static igraph_error_t distances_from(const rg_view *v, uint32_t src, igraph_neimode_t mode,
                                     double *out)
{
    igraph_matrix_t m;
    igraph_matrix_init(&m, 0, 0);
    igraph_error_t ie =
        v->weighted ? igraph_distances_dijkstra(&v->ig, &m, igraph_vss_1(src), igraph_vss_all(),
                                                &v->weight, mode)
                    : igraph_distances(&v->ig, &m, igraph_vss_1(src), igraph_vss_all(), mode);
    for (size_t i = 0; ie == IGRAPH_SUCCESS && i < v->n; i++)
        out[i] = MATRIX(m, 0, i);
    igraph_matrix_destroy(&m);
    return ie;
}

static rg_status in_view(const rg_view *v, const rg_graph *g, uint32_t node, uint32_t *vx,
                         rg_error *err)
{
    *vx = v->vertex[node];
    if (*vx == RG_NONE)
        return rg_error_set(err, RG_EINPUT, "'%s' (%s) is not in the %s graph", g->nodes[node].id,
                            rg_node_type_name(g->nodes[node].type), rg_view_kind_name(v->kind));
    return RG_OK;
}

rg_status rg_view_paths(const rg_view *v, const rg_graph *g, uint32_t from, uint32_t to,
                        size_t max_paths, rg_path **paths, size_t *npaths, double *length,
                        rg_error *err)
{
    rg_analysis_igraph_setup();
    uint32_t s, t;
    rg_status rc;
    if ((rc = in_view(v, g, from, &s, err)) || (rc = in_view(v, g, to, &t, err))) return rc;
    if (v->weighted)
        for (size_t i = 0; i < v->m; i++)
            if (!(VECTOR(v->weight)[i] > 0))
                return rg_error_set(err, RG_EINPUT, "--weighted: weights must be positive");
    double *ds = rg_malloc((v->n + 1) * sizeof *ds), *dt = rg_malloc((v->n + 1) * sizeof *dt);
    igraph_error_t ie = distances_from(v, s, IGRAPH_OUT, ds);
    if (ie == IGRAPH_SUCCESS) ie = distances_from(v, t, IGRAPH_IN, dt);
    *paths = NULL;
    *npaths = 0;
    *length = INFINITY;
    if (ie != IGRAPH_SUCCESS) {
        rc = rg_error_set(err, RG_EINPUT, "shortest paths failed: %s", igraph_strerror(ie));
    } else if (isfinite(ds[t])) {
        path_search ps = {.v = v,
                          .g = g,
                          .ds = ds,
                          .dt = dt,
                          .total = ds[t],
                          .target = t,
                          .max = max_paths ? max_paths : 1};
        ps.stack = rg_malloc((v->n + 1) * sizeof *ps.stack);
        dfs(&ps, s);
        free(ps.stack);
        *paths = ps.paths;
        *npaths = ps.npaths;
        *length = ds[t];
    }
    free(ds);
    free(dt);
    return rc;
}

void rg_paths_free(rg_path *paths, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(paths[i].nodes);
    free(paths);
}

/* ---- why two nodes are linked ------------------------------------------- */

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static bool is_participation(const rg_graph *g, const rg_edge *e, uint32_t actor, uint32_t *event)
{
    if (strcmp(e->type, "participant_in") != 0) return false;
    if (e->source == actor && !rg_is_actor(g, e->target))
        *event = e->target;
    else if (e->target == actor && !rg_is_actor(g, e->source))
        *event = e->source;
    else
        return false;
    return true;
}

uint32_t *rg_view_link_edges(const rg_view *v, const rg_graph *g, uint32_t a, uint32_t b, size_t *n)
{
    uint32_t *out = NULL, *ea = NULL, *eb = NULL;
    size_t no = 0, co = 0, na = 0, ca = 0, nb = 0, cb = 0;
    for (size_t i = 0; i < g->nedges; i++) {
        const rg_edge *e = &g->edges[i];
        if (!rg_view_edge_ok(v->filter, g, (uint32_t)i)) continue;
        if ((e->source == a && e->target == b) || (e->source == b && e->target == a)) {
            *RG_PUSH(out, no, co) = (uint32_t)i;
            continue;
        }
        uint32_t ev;
        if (v->kind != RG_VIEW_ACTORS) continue;
        if (is_participation(g, e, a, &ev))
            *RG_PUSH(ea, na, ca) = (uint32_t)i;
        else if (is_participation(g, e, b, &ev))
            *RG_PUSH(eb, nb, cb) = (uint32_t)i;
    }
    /* Shared events: keep the participations of both actors in them. */
    for (size_t i = 0; i < na; i++) {
        uint32_t evi = RG_NONE, evj = RG_NONE; /* set: ea, eb hold participations */
        is_participation(g, &g->edges[ea[i]], a, &evi);
        bool shared = false;
        for (size_t j = 0; j < nb; j++) {
            is_participation(g, &g->edges[eb[j]], b, &evj);
            if (evi == evj) {
                shared = true;
                bool seen = false;
                for (size_t k = 0; k < no && !seen; k++)
                    seen = out[k] == eb[j];
                if (!seen) *RG_PUSH(out, no, co) = eb[j];
            }
        }
        if (shared) *RG_PUSH(out, no, co) = ea[i];
    }
    free(ea);
    free(eb);
    if (no) qsort(out, no, sizeof *out, cmp_u32);
    *n = no;
    return out;
}

/* ---- neighbourhoods ------------------------------------------------------ */

uint32_t *rg_view_ego(const rg_view *v, const rg_graph *g, uint32_t center, unsigned radius,
                      size_t *n)
{
    rg_analysis_igraph_setup();
    *n = 0;
    uint32_t c = v->vertex[center];
    if (c == RG_NONE) return NULL;
    bool *sel = rg_calloc(g->nnodes + 1, sizeof *sel);
    igraph_vector_int_list_t nb;
    igraph_vector_int_list_init(&nb, 0);
    if (igraph_neighborhood(&v->ig, &nb, igraph_vss_1(c), (igraph_integer_t)radius, IGRAPH_ALL,
                            0) == IGRAPH_SUCCESS) {
        igraph_vector_int_t *vs = igraph_vector_int_list_get_ptr(&nb, 0);
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(vs); i++)
            sel[v->node[VECTOR(*vs)[i]]] = true;
    }
    igraph_vector_int_list_destroy(&nb);
    if (v->kind == RG_VIEW_ACTORS) {
        /* Events that two selected actors share are what links them. */
        uint32_t *cnt = rg_calloc(g->nnodes + 1, sizeof *cnt),
                 *last = rg_malloc((g->nnodes + 1) * sizeof *last);
        for (size_t i = 0; i < g->nnodes; i++)
            last[i] = RG_NONE;
        for (size_t i = 0; i < g->nedges; i++) {
            const rg_edge *e = &g->edges[i];
            uint32_t ev;
            if (!rg_view_edge_ok(v->filter, g, (uint32_t)i)) continue;
            uint32_t actor = rg_is_actor(g, e->source) ? e->source : e->target;
            if (!sel[actor] || !is_participation(g, e, actor, &ev)) continue;
            if (last[ev] != actor) cnt[ev]++; /* count distinct actors (edges are sorted) */
            last[ev] = actor;
        }
        for (size_t i = 0; i < g->nnodes; i++)
            if (cnt[i] >= 2) sel[i] = true;
        free(cnt);
        free(last);
    }
    uint32_t *out = rg_malloc((g->nnodes + 1) * sizeof *out);
    for (size_t i = 0; i < g->nnodes; i++)
        if (sel[i]) out[(*n)++] = (uint32_t)i;
    free(sel);
    return out;
}

void rg_graph_subgraph(rg_graph *dst, const rg_graph *src, const uint32_t *keep, size_t nkeep)
{
    uint32_t *map = rg_malloc((src->nnodes + 1) * sizeof *map);
    uint32_t *dmap = rg_malloc((src->ndocs + 1) * sizeof *dmap);
    for (size_t i = 0; i < src->nnodes; i++)
        map[i] = RG_NONE;
    for (size_t i = 0; i < src->ndocs; i++)
        dmap[i] = RG_NONE;
#define DOC(d) (dmap[d] != RG_NONE ? dmap[d] : (dmap[d] = rg_graph_add_doc(dst, &src->docs[d])))
    for (size_t i = 0; i < src->attrs.n; i++)
        rg_attrs_set(&dst->attrs, src->attrs.items[i].key, src->attrs.items[i].value);
    for (size_t k = 0; k < nkeep; k++) {
        const rg_node *n = &src->nodes[keep[k]];
        uint32_t idx;
        if (rg_graph_add_node(dst, n->id, n->type, n->label, &idx, NULL) != RG_OK) continue;
        map[keep[k]] = idx;
        for (size_t i = 0; i < n->naliases; i++)
            rg_graph_node_add_alias(dst, idx, n->aliases[i].name, n->aliases[i].count);
        for (size_t i = 0; i < n->nmentions; i++) {
            rg_span sp = n->mentions[i];
            sp.doc = DOC(sp.doc);
            rg_graph_node_add_mention(dst, idx, sp);
        }
        for (size_t i = 0; i < n->ndocs; i++)
            rg_graph_node_add_doc(dst, idx, DOC(n->docs[i]));
        if (n->mention_count > dst->nodes[idx].mention_count)
            dst->nodes[idx].mention_count = n->mention_count;
        for (size_t i = 0; i < n->attrs.n; i++)
            rg_attrs_set(&dst->nodes[idx].attrs, n->attrs.items[i].key, n->attrs.items[i].value);
    }
    for (size_t i = 0; i < src->nedges; i++) {
        const rg_edge *e = &src->edges[i];
        if (map[e->source] == RG_NONE || map[e->target] == RG_NONE) continue;
        uint32_t ei;
        if (rg_graph_add_edge(dst, map[e->source], map[e->target], e->type, e->role, e->date,
                              e->weight, &ei, NULL) != RG_OK)
            continue;
        for (size_t k = 0; k < e->nevidence; k++) {
            const rg_evidence *x = &e->evidence[k];
            rg_graph_edge_add_evidence(dst, ei, DOC(x->doc), x->begin, x->end, x->text);
        }
        for (size_t k = 0; k < e->attrs.n; k++)
            rg_attrs_set(&dst->edges[ei].attrs, e->attrs.items[k].key, e->attrs.items[k].value);
    }
#undef DOC
    free(map);
    free(dmap);
    rg_graph_finalize(dst);
}

/* ---- statistics ---------------------------------------------------------- */

rg_status rg_view_stats_compute(const rg_view *v, rg_view_stats *s, rg_error *err)
{
    rg_analysis_igraph_setup();
    memset(s, 0, sizeof *s);
    s->n = v->n;
    s->m = v->m;
    double n = (double)v->n, m = (double)v->m;
    s->density = v->n > 1 ? (v->directed ? 1.0 : 2.0) * m / (n * (n - 1)) : 0.0;
    s->mean_degree = v->n ? (v->directed ? 1.0 : 2.0) * m / n : 0.0;
    s->diameter = NAN;
    if (v->n == 0) return RG_OK;
    igraph_vector_int_t csize, cores;
    igraph_vector_int_init(&csize, 0);
    igraph_vector_int_init(&cores, 0);
    igraph_integer_t no = 0;
    igraph_real_t diam = NAN, tr = 0;
    igraph_error_t ie = igraph_connected_components(&v->ig, NULL, &csize, &no, IGRAPH_WEAK);
    if (ie == IGRAPH_SUCCESS)
        ie = igraph_diameter(&v->ig, &diam, NULL, NULL, NULL, NULL, v->directed, true);
    if (ie == IGRAPH_SUCCESS)
        ie = igraph_transitivity_undirected(&v->ig, &tr, IGRAPH_TRANSITIVITY_ZERO);
    if (ie == IGRAPH_SUCCESS) ie = igraph_coreness(&v->ig, &cores, IGRAPH_ALL);
    if (ie == IGRAPH_SUCCESS) {
        s->components = (size_t)no;
        for (igraph_integer_t i = 0; i < no; i++)
            if ((size_t)VECTOR(csize)[i] > s->largest) s->largest = (size_t)VECTOR(csize)[i];
        s->diameter = diam;
        s->transitivity = tr;
        for (size_t i = 0; i < v->n; i++)
            if (VECTOR(cores)[i] > s->max_core) s->max_core = (int)VECTOR(cores)[i];
    }
    igraph_vector_int_destroy(&csize);
    igraph_vector_int_destroy(&cores);
    if (ie != IGRAPH_SUCCESS)
        return rg_error_set(err, RG_EINPUT, "statistics failed: %s", igraph_strerror(ie));
    return RG_OK;
}
