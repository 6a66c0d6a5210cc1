#include "rg_graph.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char *const node_type_names[RG_NODE_NTYPES] = {"person", "organisation", "institution",
                                                            "place", "event"};

const char *rg_node_type_name(rg_node_type t)
{
    return (unsigned)t < RG_NODE_NTYPES ? node_type_names[t] : "unknown";
}

bool rg_node_type_parse(const char *s, rg_node_type *t)
{
    static const struct {
        const char *name;
        rg_node_type type;
    } syn[] = {
        {"person", RG_NODE_PERSON},
        {"per", RG_NODE_PERSON},
        {"people", RG_NODE_PERSON},
        {"organisation", RG_NODE_ORGANISATION},
        {"organization", RG_NODE_ORGANISATION},
        {"org", RG_NODE_ORGANISATION},
        {"institution", RG_NODE_INSTITUTION},
        {"publicbody", RG_NODE_INSTITUTION},
        {"place", RG_NODE_PLACE},
        {"location", RG_NODE_PLACE},
        {"loc", RG_NODE_PLACE},
        {"gpe", RG_NODE_PLACE},
        {"country", RG_NODE_PLACE},
        {"city", RG_NODE_PLACE},
        {"event", RG_NODE_EVENT},
    };
    for (size_t i = 0; i < sizeof syn / sizeof *syn; i++) {
        if (strcasecmp(s, syn[i].name) == 0) {
            *t = syn[i].type;
            return true;
        }
    }
    return false;
}

const char *const rg_edge_types[] = {"head_of",
                                     "in_charge_of",
                                     "member_of",
                                     "official_of",
                                     "part_of",
                                     "represents",
                                     "participant_in",
                                     "located_in",
                                     "allied_with",
                                     "cooperates_with",
                                     "opposed_to",
                                     "fighting_against",
                                     "communicated_with",
                                     "co_mentioned",
                                     "related_to",
                                     "same_as",
                                     NULL};

static const char *const symmetric_types[] = {
    "allied_with",  "cooperates_with", "opposed_to", "communicated_with",
    "co_mentioned", "related_to",      "same_as",    NULL};

static bool in_list(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (strcmp(*list, s) == 0) return true;
    return false;
}

bool rg_edge_type_known(const char *type)
{
    return in_list(rg_edge_types, type);
}

bool rg_edge_type_valid(const char *type)
{
    if (!type || !(*type >= 'a' && *type <= 'z')) return false;
    for (const char *p = type; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_')) return false;
    return strlen(type) <= 64;
}

bool rg_edge_type_symmetric(const char *type)
{
    return in_list(symmetric_types, type);
}

/* ---- list indexes ------------------------------------------------------ */

/* Attributes, aliases and evidence are small lists searched linearly; past
 * INDEX_MIN entries a hash index (key -> position) built on demand keeps a
 * hostile input (a node with 100,000 attributes or aliases) from turning
 * every insertion into a scan. A hit is checked against the list and the
 * index rebuilt when the list changed behind its back (e.g. sorting). */
#define INDEX_MIN 16
typedef const char *(*key_at_fn)(const void *items, size_t i, char tmp[32]);

static void index_rebuild(rg_strmap **idx, const void *items, size_t n, key_at_fn key_at)
{
    char tmp[32];
    if (!*idx) *idx = rg_calloc(1, sizeof **idx);
    rg_strmap_free(*idx);
    for (size_t i = 0; i < n; i++)
        rg_strmap_put(*idx, key_at(items, i, tmp), (uint32_t)i);
}

static uint32_t index_find(rg_strmap **idx, const void *items, size_t n, key_at_fn key_at,
                           const char *key)
{
    char tmp[32];
    uint32_t pos;
    if (n < INDEX_MIN) {
        for (size_t i = 0; i < n; i++)
            if (strcmp(key_at(items, i, tmp), key) == 0) return (uint32_t)i;
        return RG_NONE;
    }
    if (!*idx || (*idx)->len != n) index_rebuild(idx, items, n, key_at);
    if (!rg_strmap_get(*idx, key, &pos)) return RG_NONE;
    if (pos < n && strcmp(key_at(items, pos, tmp), key) == 0) return pos;
    index_rebuild(idx, items, n, key_at);
    return rg_strmap_get(*idx, key, &pos) ? pos : RG_NONE;
}

/* After appending key at pos: keep an existing index in step. */
static void index_added(rg_strmap *idx, const char *key, size_t pos)
{
    if (idx) rg_strmap_put(idx, key, (uint32_t)pos);
}

static void index_free(rg_strmap **idx)
{
    if (*idx) rg_strmap_free(*idx);
    free(*idx);
    *idx = NULL;
}

static const char *attr_key_at(const void *items, size_t i, char tmp[32])
{
    (void)tmp;
    return ((const rg_attr *)items)[i].key;
}

static const char *alias_key_at(const void *items, size_t i, char tmp[32])
{
    (void)tmp;
    return ((const rg_alias *)items)[i].name;
}

static const char *evidence_key_at(const void *items, size_t i, char tmp[32])
{
    const rg_evidence *ev = &((const rg_evidence *)items)[i];
    snprintf(tmp, 32, "%u:%u", (unsigned)ev->doc, (unsigned)ev->begin);
    return tmp;
}

/* ---- attributes ------------------------------------------------------ */

void rg_attrs_set(rg_attrs *a, const char *key, const char *value)
{
    uint32_t i = index_find(&a->index, a->items, a->n, attr_key_at, key);
    if (i != RG_NONE) {
        free(a->items[i].value);
        a->items[i].value = rg_strdup(value);
        return;
    }
    rg_attr *it = RG_PUSH(a->items, a->n, a->cap);
    it->key = rg_strdup(key);
    it->value = rg_strdup(value);
    index_added(a->index, key, a->n - 1);
}

const char *rg_attrs_get(const rg_attrs *a, const char *key)
{
    /* the index is a cache: building it does not change the attributes */
    rg_strmap **idx = (rg_strmap **)&a->index;
    uint32_t i = index_find(idx, a->items, a->n, attr_key_at, key);
    return i != RG_NONE ? a->items[i].value : NULL;
}

void rg_attrs_free(rg_attrs *a)
{
    for (size_t i = 0; i < a->n; i++) {
        free(a->items[i].key);
        free(a->items[i].value);
    }
    free(a->items);
    index_free(&a->index);
    memset(a, 0, sizeof *a);
}

/* ---- lifecycle ------------------------------------------------------- */

void rg_graph_init(rg_graph *g)
{
    memset(g, 0, sizeof *g);
    rg_strmap_init(&g->node_ids);
    rg_strmap_init(&g->doc_ids);
}

void rg_document_copy(rg_document *dst, const rg_document *src)
{
    dst->id = rg_strdup(src->id);
    dst->title = rg_strdup(src->title);
    dst->date = rg_strdup(src->date);
    dst->path = rg_strdup(src->path);
    dst->sha256 = rg_strdup(src->sha256);
}

void rg_document_free(rg_document *d)
{
    free(d->id);
    free(d->title);
    free(d->date);
    free(d->path);
    free(d->sha256);
    memset(d, 0, sizeof *d);
}

static void node_free(rg_node *n)
{
    free(n->id);
    free(n->label);
    for (size_t i = 0; i < n->naliases; i++)
        free(n->aliases[i].name);
    free(n->aliases);
    rg_attrs_free(&n->attrs);
    free(n->mentions);
    free(n->docs);
    index_free(&n->alias_index);
}

/* type and key belong to the graph's intern table */
static void edge_free(rg_edge *e)
{
    free(e->role);
    free(e->date);
    for (size_t i = 0; i < e->nevidence; i++)
        free(e->evidence[i].text);
    free(e->evidence);
    rg_attrs_free(&e->attrs);
    index_free(&e->evidence_index);
}

void rg_graph_free(rg_graph *g)
{
    for (size_t i = 0; i < g->ndocs; i++)
        rg_document_free(&g->docs[i]);
    for (size_t i = 0; i < g->nnodes; i++)
        node_free(&g->nodes[i]);
    for (size_t i = 0; i < g->nedges; i++)
        edge_free(&g->edges[i]);
    free(g->docs);
    free(g->nodes);
    free(g->edges);
    rg_attrs_free(&g->attrs);
    rg_strmap_free(&g->node_ids);
    free(g->edge_slots);
    rg_strmap_free(&g->doc_ids);
    for (size_t i = 0; i < g->nedge_strs; i++)
        free(g->edge_strs[i]);
    free(g->edge_strs);
    rg_strmap_free(&g->edge_str_ids);
    if (g->ig_valid) igraph_destroy(&g->ig);
    memset(g, 0, sizeof *g);
}

static void invalidate(rg_graph *g)
{
    if (g->ig_valid) {
        igraph_destroy(&g->ig);
        g->ig_valid = false;
    }
}

/* ---- documents ------------------------------------------------------- */

uint32_t rg_graph_add_doc(rg_graph *g, const rg_document *d)
{
    uint32_t idx;
    if (rg_strmap_get(&g->doc_ids, d->id, &idx)) return idx;
    idx = (uint32_t)g->ndocs;
    rg_document *nd = RG_PUSH(g->docs, g->ndocs, g->cap_docs);
    rg_document_copy(nd, d);
    rg_strmap_put(&g->doc_ids, d->id, idx);
    return idx;
}

uint32_t rg_graph_find_doc(const rg_graph *g, const char *id)
{
    uint32_t idx;
    return rg_strmap_get(&g->doc_ids, id, &idx) ? idx : RG_NONE;
}

/* ---- nodes ----------------------------------------------------------- */

char *rg_node_make_id(rg_node_type type, const char *name)
{
    /* TYPE ":" SLUG, assembled by hand: printf's format parsing showed in
     * the profile of `relgraph mentions`, which makes one id per entity */
    char *slug = rg_slug(name);
    const char *t = rg_node_type_name(type), *tail = *slug ? slug : "unnamed";
    size_t nt = strlen(t), ns = strlen(tail);
    char *id = rg_malloc(nt + ns + 2);
    memcpy(id, t, nt);
    id[nt] = ':';
    memcpy(id + nt + 1, tail, ns + 1);
    free(slug);
    return id;
}

rg_status rg_graph_add_node(rg_graph *g, const char *id, rg_node_type type, const char *label,
                            uint32_t *index, rg_error *err)
{
    char *made = id ? NULL : rg_node_make_id(type, label ? label : "");
    const char *key = id ? id : made;
    uint32_t idx;
    if (rg_strmap_get(&g->node_ids, key, &idx)) {
        free(made);
        if (g->nodes[idx].implicit && (unsigned)type < RG_NODE_NTYPES) {
            g->nodes[idx].implicit = false;
            g->nodes[idx].type = type;
            if (label && *label) rg_graph_node_set_label(g, idx, label);
        }
        if (g->nodes[idx].type != type)
            return rg_error_set(err, RG_EINPUT, "node '%s' is both %s and %s", key,
                                rg_node_type_name(g->nodes[idx].type), rg_node_type_name(type));
        if (index) *index = idx;
        return RG_OK;
    }
    if ((unsigned)type >= RG_NODE_NTYPES) {
        free(made);
        return rg_error_set(err, RG_EINPUT, "node '%s': invalid type", key);
    }
    idx = (uint32_t)g->nnodes;
    rg_node *n = RG_PUSH(g->nodes, g->nnodes, g->cap_nodes);
    memset(n, 0, sizeof *n);
    n->id = made ? made : rg_strdup(id);
    n->type = type;
    n->label = rg_strdup(label && *label ? label : n->id);
    rg_strmap_put(&g->node_ids, n->id, idx);
    invalidate(g);
    if (index) *index = idx;
    return RG_OK;
}

uint32_t rg_graph_add_implicit_node(rg_graph *g, const char *id, rg_node_type type)
{
    uint32_t idx = rg_graph_find_node(g, id);
    if (idx != RG_NONE) return idx;
    rg_graph_add_node(g, id, type, id, &idx, NULL);
    g->nodes[idx].implicit = true;
    return idx;
}

uint32_t rg_graph_find_node(const rg_graph *g, const char *id)
{
    uint32_t idx;
    return rg_strmap_get(&g->node_ids, id, &idx) ? idx : RG_NONE;
}

static void node_alias_add(rg_node *n, const char *name, uint32_t count)
{
    uint32_t i = index_find(&n->alias_index, n->aliases, n->naliases, alias_key_at, name);
    if (i != RG_NONE) {
        n->aliases[i].count += count;
        return;
    }
    rg_alias *a = RG_PUSH(n->aliases, n->naliases, n->cap_aliases);
    a->name = rg_strdup(name);
    a->count = count;
    index_added(n->alias_index, name, n->naliases - 1);
}

void rg_graph_node_add_alias(rg_graph *g, uint32_t node, const char *name, uint32_t count)
{
    node_alias_add(&g->nodes[node], name, count);
}

void rg_graph_node_add_doc(rg_graph *g, uint32_t node, uint32_t doc)
{
    rg_node *n = &g->nodes[node];
    size_t lo = 0, hi = n->ndocs;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (n->docs[mid] < doc)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < n->ndocs && n->docs[lo] == doc) return;
    rg_grow(&n->docs, &n->cap_docs, n->ndocs + 1, sizeof *n->docs);
    memmove(n->docs + lo + 1, n->docs + lo, (n->ndocs - lo) * sizeof *n->docs);
    n->docs[lo] = doc;
    n->ndocs++;
}

void rg_graph_node_add_mention(rg_graph *g, uint32_t node, rg_span span)
{
    rg_node *n = &g->nodes[node];
    *RG_PUSH(n->mentions, n->nmentions, n->cap_mentions) = span;
    n->mention_count++;
    rg_graph_node_add_doc(g, node, span.doc);
}

void rg_graph_node_set_label(rg_graph *g, uint32_t node, const char *label)
{
    free(g->nodes[node].label);
    g->nodes[node].label = rg_strdup(label);
}

rg_status rg_graph_node_set_id(rg_graph *g, uint32_t node, const char *id, rg_error *err)
{
    uint32_t other;
    if (rg_strmap_get(&g->node_ids, id, &other))
        return other == node ? RG_OK
                             : rg_error_set(err, RG_EINPUT, "node id '%s' already in use", id);
    rg_strmap_del(&g->node_ids, g->nodes[node].id);
    free(g->nodes[node].id);
    g->nodes[node].id = rg_strdup(id);
    rg_strmap_put(&g->node_ids, id, node);
    /* edge identities are keyed by node index: nothing to update */
    return RG_OK;
}

/* ---- edges ----------------------------------------------------------- */

/* The edge key type[:role][@date], written into buf when it fits (the
 * usual case: no allocation per edge looked up), else allocated. */
static char *edge_key(char *buf, size_t size, const char *type, const char *role, const char *date)
{
    size_t lt = strlen(type), lr = role && *role ? strlen(role) : 0,
           ld = date && *date ? strlen(date) : 0;
    size_t need = lt + (lr ? lr + 1 : 0) + (ld ? ld + 1 : 0) + 1;
    char *k = need <= size ? buf : rg_malloc(need), *p = k;
    memcpy(p, type, lt);
    p += lt;
    if (lr) *p++ = ':', memcpy(p, role, lr), p += lr;
    if (ld) *p++ = '@', memcpy(p, date, ld), p += ld;
    *p = '\0';
    return k;
}

/* ---- edge identity table (rg_graph.edge_slots) ---------------------- */

static uint64_t edge_hash(uint32_t s, uint32_t t, const char *key)
{
    uint64_t h = rg_hash64(key, strlen(key)) ^ (((uint64_t)s << 32 | t) * 0x9E3779B97F4A7C15ULL);
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 29;
    return h;
}

#define EDGE_TAG(h) ((h)&0xFFFFFFFF00000000ULL)

/* The slot holding edge (s, t, key), or the empty slot where it belongs;
 * *tag receives the hash bits to store with it. Only edges [0, n) of
 * g->edges may be in the table. */
static size_t edge_slot(const rg_graph *g, uint32_t s, uint32_t t, const char *key, uint64_t *tag)
{
    size_t mask = g->edge_cap - 1;
    uint64_t h = edge_hash(s, t, key);
    *tag = EDGE_TAG(h);
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        uint64_t v = g->edge_slots[i];
        if (!v) return i;
        if (EDGE_TAG(v) != *tag) continue;
        const rg_edge *e = &g->edges[(uint32_t)v - 1];
        if (e->source == s && e->target == t && strcmp(e->key, key) == 0) return i;
    }
}

void rg_graph_prefetch_edge(const rg_graph *g, uint32_t source, uint32_t target, const char *key)
{
    if (g->edge_cap)
        __builtin_prefetch(&g->edge_slots[edge_hash(source, target, key) & (g->edge_cap - 1)]);
}

/* Edge index + 1 in a slot, 0 when empty. */
static uint32_t slot_edge(const rg_graph *g, size_t slot)
{
    return (uint32_t)g->edge_slots[slot];
}

/* Empties the table and sizes it for `count` edges (load <= 1/2). */
static void edge_index_clear(rg_graph *g, size_t count)
{
    size_t cap = 16;
    while (cap < 2 * count + 2)
        cap *= 2;
    free(g->edge_slots);
    g->edge_slots = rg_calloc(cap, sizeof *g->edge_slots);
    g->edge_cap = cap;
}

/* Re-indexes edges [0, n), sized for at least `count` edges. */
static void edge_index_rebuild(rg_graph *g, size_t n, size_t count)
{
    edge_index_clear(g, count > n ? count : n);
    for (size_t i = 0; i < n; i++) {
        const rg_edge *e = &g->edges[i];
        uint64_t tag;
        size_t slot = edge_slot(g, e->source, e->target, e->key, &tag);
        g->edge_slots[slot] = tag | (i + 1);
    }
}

/* Makes room for one more edge after edges [0, n) (and builds the table
 * when it was dropped, edge_cap 0). */
static void edge_index_reserve(rg_graph *g, size_t n)
{
    if (2 * (n + 1) >= g->edge_cap) edge_index_rebuild(g, n, 2 * n + 16);
}

void rg_graph_reserve_nodes(rg_graph *g, size_t more)
{
    rg_grow(&g->nodes, &g->cap_nodes, g->nnodes + more + 1, sizeof *g->nodes);
}

void rg_graph_reserve_edges(rg_graph *g, size_t more)
{
    size_t need = g->nedges + more;
    if (need > UINT32_MAX - 1) return; /* indices are uint32: let add_edge fail as it does */
    rg_grow(&g->edges, &g->cap_edges, need + 1, sizeof *g->edges);
    if (2 * (need + 1) >= g->edge_cap) edge_index_rebuild(g, g->nedges, need);
}

char *rg_graph_intern(rg_graph *g, const char *s)
{
    uint32_t i;
    if (rg_strmap_get(&g->edge_str_ids, s, &i)) return g->edge_strs[i];
    *RG_PUSH(g->edge_strs, g->nedge_strs, g->cap_edge_strs) = rg_strdup(s);
    rg_strmap_put(&g->edge_str_ids, s, (uint32_t)(g->nedge_strs - 1));
    return g->edge_strs[g->nedge_strs - 1];
}

rg_status rg_graph_add_edge(rg_graph *g, uint32_t source, uint32_t target, const char *type,
                            const char *role, const char *date, double weight, uint32_t *index,
                            rg_error *err)
{
    return rg_graph_add_edge_ids(g, source, target, NULL, NULL, type, role, date, weight, index,
                                 err);
}

rg_status rg_graph_add_edge_ids(rg_graph *g, uint32_t source, uint32_t target,
                                const char *source_id, const char *target_id, const char *type,
                                const char *role, const char *date, double weight, uint32_t *index,
                                rg_error *err)
{
    if (source >= g->nnodes || target >= g->nnodes)
        return rg_error_set(err, RG_EINPUT, "edge endpoint out of range");
    if (!rg_edge_type_valid(type))
        return rg_error_set(err, RG_EINPUT,
                            "invalid edge type '%s' (expected a lower-case identifier)",
                            type ? type : "");
    if (!source_id || !target_id) source_id = g->nodes[source].id, target_id = g->nodes[target].id;
    if (rg_edge_type_symmetric(type) && strcmp(source_id, target_id) > 0) {
        uint32_t t = source;
        source = target;
        target = t;
    }
    char buf[256];
    char *key = edge_key(buf, sizeof buf, type, role, date);
    edge_index_reserve(g, g->nedges);
    uint64_t tag;
    size_t slot = edge_slot(g, source, target, key, &tag);
    uint32_t idx;
    if (slot_edge(g, slot)) {
        idx = slot_edge(g, slot) - 1;
        g->edges[idx].weight += weight;
        if (key != buf) free(key);
        if (index) *index = idx;
        return RG_OK;
    }
    idx = (uint32_t)g->nedges;
    rg_edge *e = RG_PUSH(g->edges, g->nedges, g->cap_edges);
    memset(e, 0, sizeof *e);
    e->source = source;
    e->target = target;
    e->type = rg_graph_intern(g, type);
    e->role = role && *role ? rg_strdup(role) : NULL;
    e->date = date && *date ? rg_strdup(date) : NULL;
    e->key = rg_graph_intern(g, key);
    if (key != buf) free(key);
    e->weight = weight;
    g->edge_slots[slot] = tag | (idx + 1);
    invalidate(g);
    if (index) *index = idx;
    return RG_OK;
}

static void edge_evidence_add(rg_edge *e, uint32_t doc, uint32_t begin, uint32_t end,
                              const char *text)
{
    char key[32];
    snprintf(key, sizeof key, "%u:%u", (unsigned)doc, (unsigned)begin);
    if (index_find(&e->evidence_index, e->evidence, e->nevidence, evidence_key_at, key) != RG_NONE)
        return;
    rg_evidence *ev = RG_PUSH(e->evidence, e->nevidence, e->cap_evidence);
    ev->doc = doc;
    ev->begin = begin;
    ev->end = end;
    ev->text = rg_strdup(text ? text : "");
    index_added(e->evidence_index, key, e->nevidence - 1);
}

void rg_graph_edge_add_evidence(rg_graph *g, uint32_t edge, uint32_t doc, uint32_t begin,
                                uint32_t end, const char *text)
{
    edge_evidence_add(&g->edges[edge], doc, begin, end, text);
}

/* ---- name length limit ------------------------------------------------- */

/* s cut to at most max bytes, not inside a UTF-8 sequence. Caller frees. */
static char *utf8_cut(const char *s, size_t max)
{
    size_t k = max;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    return rg_strndup(s, k);
}

rg_status rg_graph_cut_names(rg_graph *g, size_t max, rg_name_cut_fn report, void *ctx,
                             rg_error *err)
{
    for (size_t i = 0; i < g->nnodes; i++) {
        rg_node *n = &g->nodes[i];
        if (strlen(n->id) > max) {
            if (report) report(ctx, "node id", n->id);
            char *cut = utf8_cut(n->id, max);
            uint32_t other = rg_graph_find_node(g, cut);
            rg_status rc = RG_OK;
            if (other != RG_NONE)
                rc = rg_error_set(err, RG_EINPUT,
                                  "two node ids are the same in their first %zu bytes (cut "
                                  "by --max-name): '%.60s...'",
                                  max, cut);
            else
                rc = rg_graph_node_set_id(g, (uint32_t)i, cut, err);
            free(cut);
            if (rc) return rc;
        }
        if (strlen(n->label) > max) {
            if (report) report(ctx, "label", n->label);
            char *cut = utf8_cut(n->label, max);
            rg_graph_node_set_label(g, (uint32_t)i, cut);
            free(cut);
        }
        bool long_alias = false;
        for (size_t a = 0; a < n->naliases && !long_alias; a++)
            long_alias = strlen(n->aliases[a].name) > max;
        if (!long_alias) continue;
        /* cut aliases may coincide: rebuild the list, merging counts */
        rg_alias *old = n->aliases;
        size_t nold = n->naliases;
        n->aliases = NULL;
        n->naliases = n->cap_aliases = 0;
        index_free(&n->alias_index);
        for (size_t a = 0; a < nold; a++) {
            if (strlen(old[a].name) > max) {
                if (report) report(ctx, "alias", old[a].name);
                char *cut = utf8_cut(old[a].name, max);
                node_alias_add(n, cut, old[a].count);
                free(cut);
            } else {
                node_alias_add(n, old[a].name, old[a].count);
            }
            free(old[a].name);
        }
        free(old);
    }
    return RG_OK;
}

/* ---- merging and ordering ---------------------------------------------- */

static void rebuild_maps(rg_graph *g)
{
    rg_strmap_free(&g->node_ids);
    rg_strmap_init(&g->node_ids);
    for (size_t i = 0; i < g->nnodes; i++)
        rg_strmap_put(&g->node_ids, g->nodes[i].id, (uint32_t)i);
    /* The edge identity table is rebuilt lazily, by the next add_edge:
     * analysis never adds an edge after finalize, and re-inserting ten
     * million edges costs seconds. */
    free(g->edge_slots);
    g->edge_slots = NULL;
    g->edge_cap = 0;
    invalidate(g);
}

static void move_node_into(rg_graph *g, rg_node *keep, rg_node *drop)
{
    (void)g;
    for (size_t i = 0; i < drop->naliases; i++)
        node_alias_add(keep, drop->aliases[i].name, drop->aliases[i].count);
    for (size_t i = 0; i < drop->attrs.n; i++)
        if (!rg_attrs_get(&keep->attrs, drop->attrs.items[i].key))
            rg_attrs_set(&keep->attrs, drop->attrs.items[i].key, drop->attrs.items[i].value);
    for (size_t i = 0; i < drop->nmentions; i++)
        *RG_PUSH(keep->mentions, keep->nmentions, keep->cap_mentions) = drop->mentions[i];
    keep->mention_count += drop->mention_count;
    /* merge sorted doc lists */
    for (size_t i = 0; i < drop->ndocs; i++) {
        size_t k = 0;
        while (k < keep->ndocs && keep->docs[k] < drop->docs[i])
            k++;
        if (k < keep->ndocs && keep->docs[k] == drop->docs[i]) continue;
        rg_grow(&keep->docs, &keep->cap_docs, keep->ndocs + 1, sizeof *keep->docs);
        memmove(keep->docs + k + 1, keep->docs + k, (keep->ndocs - k) * sizeof *keep->docs);
        keep->docs[k] = drop->docs[i];
        keep->ndocs++;
    }
}

/* Moves edge src's weight and evidence into dst. */
static void fold_edge(rg_edge *dst, rg_edge *src)
{
    dst->weight += src->weight;
    for (size_t i = 0; i < src->nevidence; i++) {
        const rg_evidence *ev = &src->evidence[i];
        edge_evidence_add(dst, ev->doc, ev->begin, ev->end, ev->text);
    }
}

void rg_graph_contract(rg_graph *g, const uint32_t *rep)
{
    size_t n = g->nnodes;
    uint32_t *newidx = rg_malloc(n * sizeof *newidx);
    for (size_t i = 0; i < n; i++)
        if (rep[i] != i) move_node_into(g, &g->nodes[rep[i]], &g->nodes[i]);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (rep[i] == i) {
            newidx[i] = (uint32_t)k;
            g->nodes[k++] = g->nodes[i];
        } else {
            node_free(&g->nodes[i]);
        }
    }
    for (size_t i = 0; i < n; i++)
        newidx[i] = newidx[rep[i]];
    g->nnodes = k;

    /* Re-point edges; drop self-loops made by the merge; fold duplicates.
     * The identity table is rebuilt on the fly over the kept edges [0, m). */
    edge_index_clear(g, g->nedges);
    size_t m = 0;
    for (size_t i = 0; i < g->nedges; i++) {
        rg_edge e = g->edges[i];
        bool was_loop = e.source == e.target;
        e.source = newidx[e.source];
        e.target = newidx[e.target];
        if (e.source == e.target && !was_loop) {
            edge_free(&e);
            continue;
        }
        if (rg_edge_type_symmetric(e.type) &&
            strcmp(g->nodes[e.source].id, g->nodes[e.target].id) > 0) {
            uint32_t t = e.source;
            e.source = e.target;
            e.target = t;
        }
        uint64_t tag;
        size_t slot = edge_slot(g, e.source, e.target, e.key, &tag);
        if (slot_edge(g, slot)) {
            fold_edge(&g->edges[slot_edge(g, slot) - 1], &e);
            edge_free(&e);
        } else {
            g->edges[m] = e;
            g->edge_slots[slot] = tag | ++m;
        }
    }
    g->nedges = m;
    free(newidx);
    rebuild_maps(g);
}

/* Two inputs may share a file name (a/edges.csv, b/edges.csv) and so a
 * document id. The same id names the same document only when the records
 * agree (sha256 when both have one, else path); otherwise the newcomer
 * takes the first id-N that is free or names that same document. */
static bool same_doc(const rg_document *a, const rg_document *b)
{
    if (a->sha256 && b->sha256) return strcmp(a->sha256, b->sha256) == 0;
    if (a->path && b->path) return strcmp(a->path, b->path) == 0;
    return true;
}

static uint32_t merge_doc(rg_graph *dst, const rg_document *d)
{
    uint32_t idx = rg_graph_find_doc(dst, d->id);
    if (idx == RG_NONE || same_doc(&dst->docs[idx], d)) return rg_graph_add_doc(dst, d);
    for (unsigned n = 2;; n++) {
        char *id = rg_sprintf("%s-%u", d->id, n);
        idx = rg_graph_find_doc(dst, id);
        if (idx == RG_NONE || same_doc(&dst->docs[idx], d)) {
            rg_document renamed = *d;
            renamed.id = id;
            idx = rg_graph_add_doc(dst, &renamed);
            free(id);
            return idx;
        }
        free(id);
    }
}

void rg_graph_merge_nodes(rg_graph *g, uint32_t keep, uint32_t drop)
{
    if (keep == drop) return;
    uint32_t *rep = rg_malloc(g->nnodes * sizeof *rep);
    for (size_t i = 0; i < g->nnodes; i++)
        rep[i] = (uint32_t)i;
    rep[drop] = keep;
    rg_graph_contract(g, rep);
    free(rep);
}

rg_status rg_graph_merge(rg_graph *dst, const rg_graph *src, rg_error *err)
{
    /* Check the only conflict that can fail the merge before touching dst,
     * so that a failed merge leaves dst unchanged. */
    for (size_t i = 0; i < src->nnodes; i++) {
        const rg_node *sn = &src->nodes[i];
        uint32_t d = sn->implicit ? RG_NONE : rg_graph_find_node(dst, sn->id);
        if (d != RG_NONE && !dst->nodes[d].implicit && dst->nodes[d].type != sn->type)
            return rg_error_set(err, RG_EINPUT, "node '%s' is both %s and %s", sn->id,
                                rg_node_type_name(dst->nodes[d].type), rg_node_type_name(sn->type));
    }
    uint32_t *docmap = rg_malloc((src->ndocs + 1) * sizeof *docmap);
    uint32_t *nodemap = rg_malloc((src->nnodes + 1) * sizeof *nodemap);
    rg_status rc = RG_OK;
    for (size_t i = 0; i < src->ndocs; i++)
        docmap[i] = merge_doc(dst, &src->docs[i]);
    for (size_t i = 0; i < src->nnodes && rc == RG_OK; i++) {
        const rg_node *sn = &src->nodes[i];
        if (sn->implicit)
            nodemap[i] = rg_graph_add_implicit_node(dst, sn->id, sn->type);
        else
            rc = rg_graph_add_node(dst, sn->id, sn->type, sn->label, &nodemap[i], err);
        if (rc) break;
        rg_node *dn = &dst->nodes[nodemap[i]];
        for (size_t a = 0; a < sn->naliases; a++)
            rg_graph_node_add_alias(dst, nodemap[i], sn->aliases[a].name, sn->aliases[a].count);
        for (size_t a = 0; a < sn->attrs.n; a++)
            rg_attrs_set(&dn->attrs, sn->attrs.items[a].key, sn->attrs.items[a].value);
        for (size_t a = 0; a < sn->nmentions; a++) {
            rg_span sp = sn->mentions[a];
            sp.doc = docmap[sp.doc];
            rg_graph_node_add_mention(dst, nodemap[i], sp);
        }
        /* mention_count may exceed recorded spans (tables give counts) */
        dst->nodes[nodemap[i]].mention_count += sn->mention_count - (uint32_t)sn->nmentions;
        for (size_t a = 0; a < sn->ndocs; a++)
            rg_graph_node_add_doc(dst, nodemap[i], docmap[sn->docs[a]]);
    }
    for (size_t i = 0; i < src->nedges && rc == RG_OK; i++) {
        const rg_edge *se = &src->edges[i];
        uint32_t ei;
        rc = rg_graph_add_edge(dst, nodemap[se->source], nodemap[se->target], se->type, se->role,
                               se->date, se->weight, &ei, err);
        if (rc) break;
        for (size_t a = 0; a < se->nevidence; a++) {
            const rg_evidence *ev = &se->evidence[a];
            rg_graph_edge_add_evidence(dst, ei, docmap[ev->doc], ev->begin, ev->end, ev->text);
        }
        for (size_t a = 0; a < se->attrs.n; a++)
            rg_attrs_set(&dst->edges[ei].attrs, se->attrs.items[a].key, se->attrs.items[a].value);
    }
    for (size_t a = 0; a < src->attrs.n && rc == RG_OK; a++)
        if (!rg_attrs_get(&dst->attrs, src->attrs.items[a].key))
            rg_attrs_set(&dst->attrs, src->attrs.items[a].key, src->attrs.items[a].value);
    free(docmap);
    free(nodemap);
    return rc;
}

static int cmp_alias(const void *a, const void *b)
{
    const rg_alias *x = a, *y = b;
    if (x->count != y->count) return x->count > y->count ? -1 : 1;
    return strcmp(x->name, y->name);
}

static int cmp_span(const void *a, const void *b)
{
    const rg_span *x = a, *y = b;
    if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
    if (x->begin != y->begin) return x->begin < y->begin ? -1 : 1;
    return (x->end > y->end) - (x->end < y->end);
}

static int cmp_evidence(const void *a, const void *b)
{
    const rg_evidence *x = a, *y = b;
    if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
    return (x->begin > y->begin) - (x->begin < y->begin);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* qsort() with an empty array that was never allocated: passing NULL is
 * undefined even for zero elements (qsort's base is declared nonnull). */
static void sort_array(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    if (n > 1) qsort(base, n, size, cmp);
}

/* Orders document indices by the documents' ids (context: the doc array). */
static int cmp_doc_idx(const void *a, const void *b, void *ctx)
{
    const rg_document *docs = ctx;
    return strcmp(docs[*(const uint32_t *)a].id, docs[*(const uint32_t *)b].id);
}

/* A node index with the first 8 bytes of its id, big-endian (so that
 * comparing the numbers compares those bytes as strcmp does). */
typedef struct id_key {
    uint64_t prefix;
    uint32_t node;
} id_key;

static int cmp_id_key(const void *a, const void *b, void *ctx)
{
    const id_key *x = a, *y = b;
    if (x->prefix != y->prefix) return x->prefix < y->prefix ? -1 : 1;
    const rg_node *nodes = ctx;
    return strcmp(nodes[x->node].id, nodes[y->node].id);
}

/* norder = node indices sorted by id. Sorting indices with strcmp visited
 * two random ids per comparison (20M cache misses for 1M nodes); most
 * comparisons are decided by the first 8 bytes, kept next to the index. */
static void order_nodes(const rg_graph *g, uint32_t *norder)
{
    size_t n = g->nnodes;
    id_key *keys = rg_malloc((n + 1) * sizeof *keys);
    for (size_t i = 0; i < n; i++) {
        const unsigned char *id = (const unsigned char *)g->nodes[i].id;
        uint64_t p = 0;
        size_t k = 0;
        for (; k < 8 && id[k]; k++)
            p = p << 8 | id[k];
        keys[i].prefix = k ? p << (8 * (8 - k)) : 0; /* shorter ids pad with NULs */
        keys[i].node = (uint32_t)i;
    }
    qsort_r(keys, n, sizeof *keys, cmp_id_key, g->nodes);
    for (size_t i = 0; i < n; i++)
        norder[i] = keys[i].node;
    free(keys);
}

/* Edges compare by endpoint ids; endpoints are re-indexed before sorting so
 * comparing indices is comparing ids. */
static int cmp_edge(const void *a, const void *b)
{
    const rg_edge *x = a, *y = b;
    if (x->source != y->source) return x->source < y->source ? -1 : 1;
    if (x->target != y->target) return x->target < y->target ? -1 : 1;
    return strcmp(x->key, y->key);
}

static int cmp_edge_idx(const void *a, const void *b, void *ctx)
{
    const rg_edge *edges = ctx;
    return cmp_edge(&edges[*(const uint32_t *)a], &edges[*(const uint32_t *)b]);
}

/* Puts the edges in the order `order` gives (order[k] = the edge that goes
 * to position k), in place along the permutation's cycles; order ends up
 * the identity. */
static void permute_edges(rg_edge *edges, uint32_t *order, size_t m)
{
    for (size_t k = 0; k < m; k++) {
        if (order[k] == k) continue;
        rg_edge tmp = edges[k];
        size_t j = k;
        while (order[j] != k) {
            size_t from = order[j];
            edges[j] = edges[from];
            order[j] = (uint32_t)j;
            j = from;
        }
        edges[j] = tmp;
        order[j] = (uint32_t)j;
    }
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Sorts one source's edges, given as target << 32 | edge index: by target
 * without visiting the edges (insertion sort for the usual handful), then
 * runs of one target (parallel edges, rare) by key. */
static void sort_source_edges(const rg_graph *g, uint64_t *b, size_t k)
{
    if (k > 32) {
        qsort(b, k, sizeof *b, cmp_u64);
    } else {
        for (size_t i = 1; i < k; i++) {
            uint64_t x = b[i];
            size_t j = i;
            while (j && b[j - 1] > x) {
                b[j] = b[j - 1];
                j--;
            }
            b[j] = x;
        }
    }
    for (size_t i = 0; i < k;) {
        size_t j = i + 1;
        while (j < k && b[j] >> 32 == b[i] >> 32)
            j++;
        if (j - i > 1) {
            uint32_t *idx = rg_malloc((j - i) * sizeof *idx);
            for (size_t r = i; r < j; r++)
                idx[r - i] = (uint32_t)b[r];
            qsort_r(idx, j - i, sizeof *idx, cmp_edge_idx, g->edges);
            for (size_t r = i; r < j; r++)
                b[r] = (b[r] >> 32) << 32 | idx[r - i];
            free(idx);
        }
        i = j;
    }
}

/* Canonical edge order (cmp_edge). Sorting the edge structs themselves
 * (10M of them, over 100 bytes each) moved gigabytes and needed a copy of
 * the array: instead edges are bucketed by source (a counting sort), each
 * source's few edges sorted by (target, key) on packed integers, and the
 * edges permuted once. Identities are unique, so the order is the same
 * total order qsort gave. */
static void sort_edges(rg_graph *g)
{
    size_t m = g->nedges, n = g->nnodes;
    if (m < 2) return;
    uint32_t *start = rg_calloc(n + 2, sizeof *start);
    for (size_t i = 0; i < m; i++)
        start[g->edges[i].source + 2]++;
    for (size_t s = 2; s < n + 2; s++)
        start[s] += start[s - 1];
    uint64_t *packed = rg_malloc(m * sizeof *packed);
    for (size_t i = 0; i < m; i++) {
        const rg_edge *e = &g->edges[i];
        packed[start[e->source + 1]++] = (uint64_t)e->target << 32 | (uint32_t)i;
    }
    /* source s's edges are now packed[start[s] .. start[s + 1]) */
    for (size_t s = 0; s < n; s++)
        if (start[s + 1] - start[s] > 1)
            sort_source_edges(g, packed + start[s], start[s + 1] - start[s]);
    free(start);
    uint32_t *order = rg_malloc(m * sizeof *order);
    for (size_t i = 0; i < m; i++)
        order[i] = (uint32_t)packed[i];
    free(packed);
    permute_edges(g->edges, order, m);
    free(order);
}

void rg_graph_finalize(rg_graph *g)
{
    /* Documents keep their order of arrival but are sorted by id so that
     * input order does not matter; doc indices are remapped everywhere. */
    size_t nd = g->ndocs;
    uint32_t *dorder = rg_malloc((nd + 1) * sizeof *dorder),
             *dnew = rg_malloc((nd + 1) * sizeof *dnew);
    for (size_t i = 0; i < nd; i++)
        dorder[i] = (uint32_t)i;
    /* n log n: one input file may hold hundreds of thousands of documents */
    qsort_r(dorder, nd, sizeof *dorder, cmp_doc_idx, g->docs);
    rg_document *docs = rg_malloc((nd + 1) * sizeof *docs);
    for (size_t i = 0; i < nd; i++) {
        docs[i] = g->docs[dorder[i]];
        dnew[dorder[i]] = (uint32_t)i;
    }
    free(g->docs);
    g->docs = docs;
    g->cap_docs = nd;
    rg_strmap_free(&g->doc_ids);
    rg_strmap_init(&g->doc_ids);
    for (size_t i = 0; i < nd; i++)
        rg_strmap_put(&g->doc_ids, g->docs[i].id, (uint32_t)i);

    size_t n = g->nnodes;
    for (size_t i = 0; i < n; i++) {
        rg_node *nd_ = &g->nodes[i];
        for (size_t k = 0; k < nd_->nmentions; k++)
            nd_->mentions[k].doc = dnew[nd_->mentions[k].doc];
        for (size_t k = 0; k < nd_->ndocs; k++)
            nd_->docs[k] = dnew[nd_->docs[k]];
        sort_array(nd_->docs, nd_->ndocs, sizeof *nd_->docs, cmp_u32);
        sort_array(nd_->aliases, nd_->naliases, sizeof *nd_->aliases, cmp_alias);
        sort_array(nd_->mentions, nd_->nmentions, sizeof *nd_->mentions, cmp_span);
    }
    uint32_t *norder = rg_malloc((n + 1) * sizeof *norder),
             *nnew = rg_malloc((n + 1) * sizeof *nnew);
    order_nodes(g, norder);
    rg_node *nodes = rg_malloc((n + 1) * sizeof *nodes);
    for (size_t i = 0; i < n; i++) {
        nodes[i] = g->nodes[norder[i]];
        nnew[norder[i]] = (uint32_t)i;
    }
    free(g->nodes);
    g->nodes = nodes;
    g->cap_nodes = n;
    free(norder);
    for (size_t i = 0; i < g->nedges; i++) {
        rg_edge *e = &g->edges[i];
        e->source = nnew[e->source];
        e->target = nnew[e->target];
        for (size_t k = 0; k < e->nevidence; k++)
            e->evidence[k].doc = dnew[e->evidence[k].doc];
        sort_array(e->evidence, e->nevidence, sizeof *e->evidence, cmp_evidence);
    }
    sort_edges(g);
    free(nnew);
    free(dorder);
    free(dnew);
    rebuild_maps(g);
}

const igraph_t *rg_graph_igraph(rg_graph *g)
{
    if (g->ig_valid) return &g->ig;
    igraph_vector_int_t ev;
    igraph_vector_int_init(&ev, (igraph_integer_t)(2 * g->nedges));
    for (size_t i = 0; i < g->nedges; i++) {
        VECTOR(ev)[2 * i] = g->edges[i].source;
        VECTOR(ev)[2 * i + 1] = g->edges[i].target;
    }
    igraph_create(&g->ig, &ev, (igraph_integer_t)g->nnodes, IGRAPH_DIRECTED);
    igraph_vector_int_destroy(&ev);
    g->ig_valid = true;
    return &g->ig;
}
