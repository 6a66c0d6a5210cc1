/* Views: the simple igraph graphs analyses run on (see rg_analysis.h). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* qsort_r */
#endif
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis_priv.h"
#include "rg_build.h"
#include "rg_import.h"
#include "rg_json.h"

static void igraph_warn_to_rg(const char *reason, const char *file, int line)
{
    (void)file, (void)line;
    rg_warn("igraph: %s", reason);
}

void rg_analysis_igraph_setup(void)
{
    /* igraph's default error handler aborts the process; relgraph reports
     * errors instead, and igraph's warnings go through rg_warn (so -q
     * silences them). */
    static bool done;
    if (done) return;
    done = true;
    igraph_set_error_handler(igraph_error_handler_printignore);
    igraph_set_warning_handler(igraph_warn_to_rg);
}

bool rg_view_kind_parse(const char *s, rg_view_kind *kind)
{
    static const char *const names[] = {"actors", "full", "bipartite"};
    for (int i = 0; i < 3; i++)
        if (strcmp(s, names[i]) == 0) {
            *kind = (rg_view_kind)i;
            return true;
        }
    return false;
}

const char *rg_view_kind_name(rg_view_kind kind)
{
    return kind == RG_VIEW_FULL ? "full" : kind == RG_VIEW_BIPARTITE ? "bipartite" : "actors";
}

/* ---- filters --------------------------------------------------------- */

/* A date bound is a year, optionally with month and day: YYYY[-MM[-DD]]. */
static bool date_ok(const char *s)
{
    size_t n = strlen(s);
    if (n != 4 && n != 7 && n != 10) return false;
    for (size_t i = 0; i < n; i++) {
        bool dash = i == 4 || i == 7;
        if (dash ? s[i] != '-' : !isdigit((unsigned char)s[i])) return false;
    }
    return true;
}

static rg_status filter_parse(rg_view_filter *f, const rg_view_opts *o, rg_error *err)
{
    memset(f, 0, sizeof *f);
    f->min_weight = o->min_weight;
    if (o->since && !date_ok(o->since))
        return rg_error_set(err, RG_EUSAGE, "bad --since date '%s' (expected YYYY[-MM[-DD]])",
                            o->since);
    if (o->until && !date_ok(o->until))
        return rg_error_set(err, RG_EUSAGE, "bad --until date '%s' (expected YYYY[-MM[-DD]])",
                            o->until);
    if (!isfinite(o->min_weight) || o->min_weight < 0)
        return rg_error_set(err, RG_EUSAGE, "--min-weight must be a non-negative number");
    f->since = rg_strdup(o->since);
    f->until = rg_strdup(o->until);
    if (!o->edge_types) return RG_OK;
    f->has_types = true;
    char *list = rg_strdup(o->edge_types), *save = NULL;
    for (char *t = strtok_r(list, ", ", &save); t; t = strtok_r(NULL, ", ", &save)) {
        if (!rg_edge_type_valid(t)) {
            rg_status rc = rg_error_set(err, RG_EUSAGE, "bad edge type '%s' in --edges", t);
            free(list);
            return rc;
        }
        *RG_PUSH(f->types, f->ntypes, f->cap_types) = rg_strdup(t);
    }
    free(list);
    return RG_OK;
}

static void filter_free(rg_view_filter *f)
{
    if (!f) return;
    for (size_t i = 0; i < f->ntypes; i++)
        free(f->types[i]);
    free(f->types);
    free(f->since);
    free(f->until);
    free(f);
}

/* The date an edge happened: its own, else its event endpoint's "date". */
static const char *edge_date(const rg_graph *g, const rg_edge *e)
{
    if (e->date) return e->date;
    if (g->nodes[e->target].type == RG_NODE_EVENT)
        return rg_attrs_get(&g->nodes[e->target].attrs, "date");
    if (g->nodes[e->source].type == RG_NODE_EVENT)
        return rg_attrs_get(&g->nodes[e->source].attrs, "date");
    return NULL;
}

bool rg_view_edge_ok(const rg_view_filter *f, const rg_graph *g, uint32_t ei)
{
    const rg_edge *e = &g->edges[ei];
    if (f->has_types) {
        bool found = false;
        for (size_t i = 0; i < f->ntypes && !found; i++)
            found = strcmp(f->types[i], e->type) == 0;
        if (!found) return false;
    }
    const char *d = (f->since || f->until) ? edge_date(g, e) : NULL;
    if (!d) return true; /* undated edges are kept */
    /* ISO dates compare as strings; a bound that is a prefix (a year, a
     * month) covers the whole period, hence the prefix comparison. */
    if (f->since && strncmp(d, f->since, strlen(f->since)) < 0) return false;
    if (f->until && strncmp(d, f->until, strlen(f->until)) > 0) return false;
    return true;
}

bool rg_is_actor(const rg_graph *g, uint32_t node)
{
    return g->nodes[node].type != RG_NODE_EVENT;
}

/* ---- links ------------------------------------------------------------ */

typedef struct link {
    uint32_t u, v;
    double w;
} link;

typedef struct links {
    link *items;
    size_t n, cap;
} links;

static void add_link(links *L, uint32_t u, uint32_t v, double w, bool directed)
{
    if (u == v) return; /* no self-loops in a view */
    if (!directed && u > v) {
        uint32_t t = u;
        u = v;
        v = t;
    }
    link *l = RG_PUSH(L->items, L->n, L->cap);
    l->u = u;
    l->v = v;
    l->w = w;
}

static int cmp_link_v(const void *a, const void *b)
{
    const link *x = a, *y = b;
    return (x->v > y->v) - (x->v < y->v);
}

/* Sorts one source's links by target. Most buckets hold a handful of
 * links: insertion sort (no call per comparison) below 24, qsort above. */
static void sort_bucket(link *b, size_t k)
{
    if (k > 24) {
        qsort(b, k, sizeof *b, cmp_link_v);
        return;
    }
    for (size_t i = 1; i < k; i++) {
        link x = b[i];
        size_t j = i;
        while (j && b[j - 1].v > x.v) {
            b[j] = b[j - 1];
            j--;
        }
        b[j] = x;
    }
}

/* The merged links: parallel links (same u, v) summed, lighter than
 * min_weight dropped, in (u, v) order, written straight into igraph's edge
 * and weight vectors (no intermediate array). */
typedef struct merged {
    igraph_vector_int_t ev;
    igraph_vector_t w;
    size_t m;
} merged;

/* Merges parallel links (weights add): counting sort by source, then each
 * bucket sorted by target. Linear in links plus small sorts, which matters
 * for 10M-edge graphs. Consumes L. */
static void merge_links(links *L, size_t n, double min_weight, merged *out)
{
    size_t *start = rg_calloc(n + 2, sizeof *start);
    for (size_t i = 0; i < L->n; i++)
        start[L->items[i].u + 1]++;
    for (size_t i = 0; i < n; i++)
        start[i + 1] += start[i];
    link *sorted = rg_malloc((L->n + 1) * sizeof *sorted);
    size_t *pos = rg_malloc((n + 1) * sizeof *pos);
    memcpy(pos, start, n * sizeof *pos);
    for (size_t i = 0; i < L->n; i++)
        sorted[pos[L->items[i].u]++] = L->items[i];
    free(pos);
    free(L->items);
    L->items = NULL;
    igraph_vector_int_init(&out->ev, (igraph_integer_t)(2 * L->n));
    igraph_vector_init(&out->w, (igraph_integer_t)L->n);
    igraph_integer_t *ev = VECTOR(out->ev);
    double *w = VECTOR(out->w);
    rg_huge_hint(ev, 2 * L->n * sizeof *ev);
    rg_huge_hint(w, L->n * sizeof *w);
    size_t m = 0;
    for (size_t u = 0; u < n; u++) {
        link *b = sorted + start[u];
        size_t k = start[u + 1] - start[u];
        sort_bucket(b, k);
        for (size_t i = 0; i < k;) {
            link l = b[i++];
            while (i < k && b[i].v == l.v)
                l.w += b[i++].w;
            if (min_weight > 0 && l.w < min_weight) continue;
            ev[2 * m] = l.u, ev[2 * m + 1] = l.v, w[m] = l.w;
            m++;
        }
    }
    free(start);
    free(sorted);
    igraph_vector_int_resize(&out->ev, (igraph_integer_t)(2 * m));
    igraph_vector_resize(&out->w, (igraph_integer_t)m);
    out->m = m;
}

typedef struct pair {
    uint32_t event, actor;
} pair;

static int cmp_pair(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    if (x->event != y->event) return x->event < y->event ? -1 : 1;
    return (x->actor > y->actor) - (x->actor < y->actor);
}

/* Actor view: co-participation. Each event links every pair of its
 * (distinct) participants once. */
static void add_event_links(links *L, const rg_graph *g, const rg_view_filter *f,
                            const uint32_t *vertex)
{
    pair *ps = NULL;
    size_t np = 0, cap = 0;
    for (size_t i = 0; i < g->nedges; i++) {
        const rg_edge *e = &g->edges[i];
        if (strcmp(e->type, "participant_in") != 0 || !rg_view_edge_ok(f, g, (uint32_t)i)) continue;
        bool se = !rg_is_actor(g, e->source), te = !rg_is_actor(g, e->target);
        if (se == te) continue;
        pair *p = RG_PUSH(ps, np, cap);
        p->event = se ? e->source : e->target;
        p->actor = vertex[se ? e->target : e->source];
    }
    if (np) qsort(ps, np, sizeof *ps, cmp_pair);
    for (size_t i = 0; i < np;) {
        size_t j = i;
        while (j < np && ps[j].event == ps[i].event)
            j++;
        for (size_t a = i; a < j; a++) {
            if (a > i && ps[a].actor == ps[a - 1].actor) continue;
            for (size_t b = a + 1; b < j; b++) {
                if (ps[b].actor == ps[b - 1].actor) continue;
                add_link(L, ps[a].actor, ps[b].actor, 1.0, false);
            }
        }
        i = j;
    }
    free(ps);
}

static int cmp_node_id(const void *a, const void *b, void *ctx)
{
    const rg_graph *g = ctx;
    return strcmp(g->nodes[*(const uint32_t *)a].id, g->nodes[*(const uint32_t *)b].id);
}

/* Node indices sorted by id; finalized graphs are sorted already (checked
 * in one pass, so they cost no sort). */
static uint32_t *id_order(const rg_graph *g)
{
    uint32_t *o = rg_malloc((g->nnodes + 1) * sizeof *o);
    bool sorted = true;
    for (size_t i = 0; i < g->nnodes; i++) {
        o[i] = (uint32_t)i;
        if (i && sorted && strcmp(g->nodes[i - 1].id, g->nodes[i].id) > 0) sorted = false;
    }
    if (!sorted) qsort_r(o, g->nnodes, sizeof *o, cmp_node_id, (void *)g);
    return o;
}

rg_status rg_view_build(rg_view *v, const rg_graph *g, const rg_view_opts *opts, rg_error *err)
{
    rg_analysis_igraph_setup();
    rg_view_opts defaults = {0};
    if (!opts) opts = &defaults;
    memset(v, 0, sizeof *v);
    if (opts->directed && opts->kind != RG_VIEW_FULL)
        return rg_error_set(err, RG_EUSAGE,
                            "--directed needs --graph full (the %s view is undirected)",
                            rg_view_kind_name(opts->kind));
    rg_view_filter *f = rg_calloc(1, sizeof *f);
    rg_status rc = filter_parse(f, opts, err);
    if (rc) {
        filter_free(f);
        return rc;
    }
    v->filter = f;
    v->kind = opts->kind;
    v->directed = opts->directed;
    v->weighted = opts->weighted;

    /* Vertices in node id order, whatever the order of the input file, so
     * that order-sensitive algorithms (Leiden, label propagation) give the
     * same answer for the same graph. */
    uint32_t *ids = id_order(g);
    v->vertex = rg_malloc((g->nnodes + 1) * sizeof *v->vertex);
    v->node = rg_malloc((g->nnodes + 1) * sizeof *v->node);
    for (size_t k = 0; k < g->nnodes; k++) {
        uint32_t i = ids[k];
        bool in = opts->kind != RG_VIEW_ACTORS || rg_is_actor(g, i);
        v->vertex[i] = in ? (uint32_t)v->n : RG_NONE;
        if (in) v->node[v->n++] = i;
    }
    free(ids);

    /* one link per edge, usually: sized once (growing a 160 MB array by
     * doubling costs copies and page faults) */
    links L = {0};
    rg_grow(&L.items, &L.cap, g->nedges + 1, sizeof *L.items);
    for (size_t i = 0; i < g->nedges; i++) {
        const rg_edge *e = &g->edges[i];
        uint32_t s = v->vertex[e->source], t = v->vertex[e->target];
        if (s == RG_NONE || t == RG_NONE || !rg_view_edge_ok(f, g, (uint32_t)i)) continue;
        if (opts->kind == RG_VIEW_BIPARTITE &&
            rg_is_actor(g, e->source) == rg_is_actor(g, e->target))
            continue;
        add_link(&L, s, t, e->weight, v->directed);
        if (v->directed && rg_edge_type_symmetric(e->type)) add_link(&L, t, s, e->weight, true);
    }
    if (opts->kind == RG_VIEW_ACTORS) add_event_links(&L, g, f, v->vertex);
    merged M;
    merge_links(&L, v->n, f->min_weight, &M);
    v->m = M.m;
    v->weight = M.w;
    igraph_error_t ie = igraph_create(&v->ig, &M.ev, (igraph_integer_t)v->n, v->directed);
    igraph_vector_int_destroy(&M.ev);
    if (ie != IGRAPH_SUCCESS) {
        igraph_vector_destroy(&v->weight);
        free(v->node);
        free(v->vertex);
        filter_free(f);
        memset(v, 0, sizeof *v);
        return rg_error_set(err, RG_EINPUT, "cannot build the analysis graph: %s",
                            igraph_strerror(ie));
    }
    return RG_OK;
}

void rg_view_free(rg_view *v)
{
    if (!v->node) return;
    igraph_destroy(&v->ig);
    igraph_vector_destroy(&v->weight);
    free(v->node);
    free(v->vertex);
    filter_free(v->filter);
    memset(v, 0, sizeof *v);
}

rg_status rg_view_opts_parse(rg_view_opts *o, const char *graph, const char *edges,
                             const char *since, const char *until, const char *min_weight,
                             bool directed, bool weighted, rg_error *err)
{
    memset(o, 0, sizeof *o);
    if (graph && !rg_view_kind_parse(graph, &o->kind))
        return rg_error_set(err, RG_EUSAGE, "unknown --graph '%s' (actors, full, bipartite)",
                            graph);
    o->edge_types = edges;
    o->since = since;
    o->until = until;
    o->directed = directed;
    o->weighted = weighted;
    if (min_weight) {
        char *end;
        o->min_weight = strtod(min_weight, &end);
        if (end == min_weight || *end || !isfinite(o->min_weight) || o->min_weight < 0)
            return rg_error_set(err, RG_EUSAGE,
                                "--min-weight needs a non-negative number, not '%s'", min_weight);
    }
    rg_view_filter f;
    rg_status rc = filter_parse(&f, o, err);
    for (size_t i = 0; i < f.ntypes; i++)
        free(f.types[i]);
    free(f.types);
    free(f.since);
    free(f.until);
    return rc;
}

static rg_status load(rg_graph *g, const char *path, const rg_build_opts *bo, rg_error *err)
{
    rg_graph_init(g);
    rg_status rc;
    if (rg_import_format_of(path) == RG_FORMAT_JSON || strcmp(path, "-") == 0) {
        /* Native JSON is read directly (no scratch copy): graphs analysed
         * here may have millions of edges. Node order is the file's; every
         * result that depends on order breaks ties by id instead. */
        rc = rg_json_read_file(g, path, err);
    } else {
        /* any other input goes through the whole build pipeline (resolution,
         * events), so it gives the graph `relgraph build` would */
        char *paths[1] = {(char *)path};
        rc = rg_build(g, paths, 1, bo, NULL, err);
    }
    if (rc) rg_graph_free(g);
    return rc;
}

static rg_status load_many(rg_graph *g, char *const *paths, size_t n, const rg_build_opts *bo,
                           rg_error *err)
{
    if (n == 1) return load(g, paths[0], bo, err);
    rg_graph_init(g);
    rg_status rc = rg_build(g, paths, n, bo, NULL, err);
    if (rc) rg_graph_free(g);
    return rc;
}

rg_status rg_analysis_load(rg_graph *g, const char *path, rg_error *err)
{
    return load(g, path, NULL, err);
}

rg_status rg_analysis_load_many(rg_graph *g, char *const *paths, size_t n, rg_error *err)
{
    return load_many(g, paths, n, NULL, err);
}

rg_status rg_analysis_load_scores(rg_graph *g, char *const *paths, size_t n, rg_error *err)
{
    static const rg_import_opts io = {.no_row_evidence = true};
    static const rg_build_opts bo = {.import = &io};
    return load_many(g, paths, n, &bo, err);
}
