#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "rg_events.h"

/* Union-find over node indices, the smaller id winning so the surviving
 * node does not depend on input order. */
static uint32_t find(uint32_t *parent, uint32_t i)
{
    while (parent[i] != i)
        i = parent[i] = parent[parent[i]];
    return i;
}

static void unite(const rg_graph *g, uint32_t *parent, uint32_t a, uint32_t b)
{
    a = find(parent, a);
    b = find(parent, b);
    if (a == b) return;
    if (strcmp(g->nodes[a].id, g->nodes[b].id) < 0)
        parent[b] = a;
    else
        parent[a] = b;
}

static bool dates_compatible(const char *a, const char *b)
{
    if (!a || !b || !*a || !*b) return true;
    size_t n = strlen(a), m = strlen(b);
    return strncmp(a, b, n < m ? n : m) == 0;
}

static const char *attr(const rg_graph *g, uint32_t n, const char *k)
{
    return rg_attrs_get(&g->nodes[n].attrs, k);
}

/* Participants of every event: a CSR-like list built from the edges. */
typedef struct parts {
    uint32_t *start; /* per node: offset into list; start[n+1] end */
    uint32_t *list;  /* participant node indices, sorted per event */
} parts;

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static bool is_participation(const rg_graph *g, const rg_edge *e)
{
    return strcmp(e->type, "participant_in") == 0 && g->nodes[e->target].type == RG_NODE_EVENT &&
           g->nodes[e->source].type != RG_NODE_PLACE && g->nodes[e->source].type != RG_NODE_EVENT;
}

static void build_parts(const rg_graph *g, parts *p)
{
    size_t n = g->nnodes;
    p->start = rg_calloc(n + 2, sizeof *p->start);
    for (size_t i = 0; i < g->nedges; i++)
        if (is_participation(g, &g->edges[i])) p->start[g->edges[i].target + 2]++;
    for (size_t i = 2; i < n + 2; i++)
        p->start[i] += p->start[i - 1];
    p->list = rg_malloc((p->start[n + 1] + 1) * sizeof *p->list);
    for (size_t i = 0; i < g->nedges; i++)
        if (is_participation(g, &g->edges[i]))
            p->list[p->start[g->edges[i].target + 1]++] = g->edges[i].source;
    /* start[k+1] now holds the end of k's run (= start of k+1) */
    for (size_t i = 0; i < n; i++) {
        uint32_t *l = p->list + p->start[i];
        size_t len = p->start[i + 1] - p->start[i], k = 0;
        qsort(l, len, sizeof *l, cmp_u32);
        for (size_t j = 0; j < len; j++) /* drop duplicates (several roles) */
            if (k == 0 || l[k - 1] != l[j]) l[k++] = l[j];
        for (size_t j = k; j < len; j++)
            l[j] = UINT32_MAX;
    }
}

static size_t nparts(const parts *p, uint32_t ev)
{
    size_t n = 0;
    for (uint32_t k = p->start[ev]; k < p->start[ev + 1] && p->list[k] != UINT32_MAX; k++)
        n++;
    return n;
}

static bool overlapping(const rg_graph *g, const parts *p, uint32_t a, uint32_t b)
{
    size_t na = nparts(p, a), nb = nparts(p, b), shared = 0;
    bool actor = false;
    const uint32_t *x = p->list + p->start[a], *y = p->list + p->start[b];
    for (size_t i = 0, j = 0; i < na && j < nb;) {
        if (x[i] < y[j])
            i++;
        else if (x[i] > y[j])
            j++;
        else {
            shared++;
            rg_node_type t = g->nodes[x[i]].type;
            actor |= t == RG_NODE_PERSON || t == RG_NODE_ORGANISATION || t == RG_NODE_INSTITUTION;
            i++, j++;
        }
    }
    size_t small = na < nb ? na : nb;
    /* Two participants in common make the same event; one is enough only
     * for two one-participant events on the same known day. */
    if (!actor || shared * 2 < small) return false;
    if (shared >= 2) return true;
    const char *da = attr(g, a, "date"), *db = attr(g, b, "date");
    return small == 1 && na == nb && da && db && strlen(da) == 10 && strcmp(da, db) == 0;
}

static bool same_event(const rg_graph *g, const parts *p, uint32_t a, uint32_t b)
{
    const char *ta = attr(g, a, "event_type"), *tb = attr(g, b, "event_type");
    if (!ta || !tb || strcmp(ta, tb) != 0) return false;
    if (!dates_compatible(attr(g, a, "date"), attr(g, b, "date"))) return false;
    return overlapping(g, p, a, b);
}

static int cmp_label(const void *a, const void *b, void *ctx)
{
    const rg_graph *g = ctx;
    return strcmp(g->nodes[*(const uint32_t *)a].label, g->nodes[*(const uint32_t *)b].label);
}

/* "Meeting 2025-04-16: A, B, C +2" */
static char *event_label(const rg_graph *g, const parts *p, uint32_t ev)
{
    const char *type = attr(g, ev, "event_type");
    const char *date = attr(g, ev, "date");
    rg_buf b = {0};
    if (type) {
        rg_buf_putc(&b, (char)toupper((unsigned char)type[0]));
        for (const char *s = type + 1; *s; s++)
            rg_buf_putc(&b, *s == '_' ? ' ' : *s);
    } else {
        rg_buf_puts(&b, "Event");
    }
    if (date) rg_buf_printf(&b, " %s", date);
    size_t n = nparts(p, ev);
    uint32_t *who = rg_malloc((n + 1) * sizeof *who);
    memcpy(who, p->list + p->start[ev], n * sizeof *who);
    qsort_r(who, n, sizeof *who, cmp_label, (void *)g);
    for (size_t i = 0; i < n && i < 3; i++)
        rg_buf_printf(&b, "%s%s", i ? ", " : ": ", g->nodes[who[i]].label);
    if (n > 3) rg_buf_printf(&b, " +%zu", n - 3);
    free(who);
    return rg_buf_detach(&b);
}

static void relabel(rg_graph *g)
{
    parts p;
    build_parts(g, &p);
    /* labels first, then ids, in id order so collisions resolve the same way */
    for (uint32_t i = 0; i < g->nnodes; i++) {
        if (g->nodes[i].type != RG_NODE_EVENT || nparts(&p, i) == 0) continue;
        char *label = event_label(g, &p, i);
        rg_graph_node_add_alias(g, i, g->nodes[i].label, 0);
        rg_graph_node_set_label(g, i, label);
        char *id = rg_node_make_id(RG_NODE_EVENT, label);
        for (int k = 2; rg_graph_node_set_id(g, i, id, NULL) != RG_OK; k++) {
            free(id);
            char *base = rg_node_make_id(RG_NODE_EVENT, label);
            id = rg_sprintf("%s-%d", base, k);
            free(base);
        }
        free(id);
        free(label);
    }
    free(p.start);
    free(p.list);
}

size_t rg_events_merge(rg_graph *g)
{
    size_t n = g->nnodes, merged = 0;
    parts p;
    build_parts(g, &p);
    uint32_t *parent = rg_malloc((n + 1) * sizeof *parent);
    for (uint32_t i = 0; i < n; i++)
        parent[i] = i;

    /* Blocking: events sharing a participant are candidates. Index the
     * events of each participant via the participation edges. */
    uint32_t *evstart = rg_calloc(n + 2, sizeof *evstart);
    for (uint32_t ev = 0; ev < n; ev++)
        for (uint32_t k = p.start[ev]; k < p.start[ev + 1] && p.list[k] != UINT32_MAX; k++)
            evstart[p.list[k] + 2]++;
    for (size_t i = 2; i < n + 2; i++)
        evstart[i] += evstart[i - 1];
    uint32_t *evs = rg_malloc((evstart[n + 1] + 1) * sizeof *evs);
    for (uint32_t ev = 0; ev < n; ev++)
        for (uint32_t k = p.start[ev]; k < p.start[ev + 1] && p.list[k] != UINT32_MAX; k++)
            evs[evstart[p.list[k] + 1]++] = ev;
    for (uint32_t a = 0; a < n; a++) {
        uint32_t *l = evs + evstart[a];
        size_t len = evstart[a + 1] - evstart[a];
        /* a participant of thousands of events (a country) blocks nothing useful */
        if (len > 200) continue;
        for (size_t i = 0; i < len; i++)
            for (size_t j = i + 1; j < len; j++)
                if (find(parent, l[i]) != find(parent, l[j]) && same_event(g, &p, l[i], l[j])) {
                    unite(g, parent, l[i], l[j]);
                    merged++;
                }
    }
    free(evs);
    free(evstart);
    free(p.start);
    free(p.list);
    if (merged) {
        for (uint32_t i = 0; i < n; i++)
            parent[i] = find(parent, i);
        /* keep the most precise date among the merged nodes */
        for (uint32_t i = 0; i < n; i++) {
            const char *d = attr(g, i, "date"), *r = attr(g, parent[i], "date");
            if (d && (!r || strlen(d) > strlen(r)))
                rg_attrs_set(&g->nodes[parent[i]].attrs, "date", d);
        }
        rg_graph_contract(g, parent);
    }
    free(parent);
    relabel(g);
    return merged;
}

/* ---- undated relations ---------------------------------------------- */

/* Source, target, type and role of an edge: what its siblings share. */
static char *edge_stem(const rg_graph *g, const rg_edge *e)
{
    return rg_sprintf("%s\x1f%s\x1f%s\x1f%s", g->nodes[e->source].id, g->nodes[e->target].id,
                      e->type, e->role ? e->role : "");
}

size_t rg_edges_fold_undated(rg_graph *g)
{
    /* stem -> the one dated edge with that stem, or UINT32_MAX when the
     * stem has edges of two different dates */
    rg_strmap dated;
    rg_strmap_init(&dated);
    for (size_t i = 0; i < g->nedges; i++) {
        if (!g->edges[i].date) continue;
        char *stem = edge_stem(g, &g->edges[i]);
        uint32_t at;
        if (!rg_strmap_get(&dated, stem, &at))
            rg_strmap_put(&dated, stem, (uint32_t)i);
        else if (at != UINT32_MAX && strcmp(g->edges[at].date, g->edges[i].date) != 0)
            rg_strmap_put(&dated, stem, UINT32_MAX);
        free(stem);
    }
    /* no dated edge: nothing to fold into (spares a stem per edge) */
    if (dated.len == 0) {
        rg_strmap_free(&dated);
        return 0;
    }
    size_t folded = 0;
    for (size_t i = 0; i < g->nedges; i++) {
        rg_edge *e = &g->edges[i];
        if (e->date) continue;
        char *stem = edge_stem(g, e);
        uint32_t at;
        if (rg_strmap_get(&dated, stem, &at) && at != UINT32_MAX) {
            /* takes the sibling's date and key (docs/FORMAT.md: the key is
             * type[:role]@date), so that contraction folds the two */
            e->date = rg_strdup(g->edges[at].date);
            e->key = g->edges[at].key; /* interned: shared, not freed */
            folded++;
        }
        free(stem);
    }
    rg_strmap_free(&dated);
    if (folded) {
        uint32_t *same = rg_malloc((g->nnodes + 1) * sizeof *same);
        for (size_t i = 0; i < g->nnodes; i++)
            same[i] = (uint32_t)i;
        rg_graph_contract(g, same); /* folds edges that now share their key */
        free(same);
    }
    return folded;
}
