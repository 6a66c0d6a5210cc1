#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rg_json.h"
#include "rg_json_pull.h"

/* Keys the format itself uses; any other scalar member of a node, link or
 * the graph object is kept as a string attribute. */
static const char *const node_keys[] = {"id",       "type",      "label",      "aliases",
                                        "mentions", "documents", "provenance", NULL};
static const char *const link_keys[] = {"source", "target", "key",      "type", "role",
                                        "date",   "weight", "evidence", NULL};

static bool reserved(const char *const *keys, const char *k)
{
    for (; *keys; keys++)
        if (strcmp(*keys, k) == 0) return true;
    return false;
}

/* Scalar JSON value as an attribute string; NULL for arrays/objects/null
 * (and for RG_JV_NONE, an absent member). */
static char *scalar_str(const rg_json_pull *jp, size_t i)
{
    if (i == RG_JV_NONE) return NULL;
    const rg_jv *v = &jp->v[i];
    switch (v->type) {
    case RG_JV_STRING:
        return rg_strdup(rg_jv_str(jp, i));
    case RG_JV_INT:
        return rg_sprintf("%lld", v->u.i);
    case RG_JV_REAL:
        return rg_sprintf("%.17g", v->u.d);
    case RG_JV_TRUE:
        return rg_strdup("true");
    case RG_JV_FALSE:
        return rg_strdup("false");
    default:
        return NULL;
    }
}

static bool is_type(const rg_json_pull *jp, size_t i, rg_jv_type t)
{
    return i != RG_JV_NONE && jp->v[i].type == t;
}

/* Children of container i: for (c = first_child(i); c < end_of(i); c = next(c)). */
#define FOR_CHILDREN(jp, i, c)                                                                     \
    for (size_t c = (i) + 1; (i) != RG_JV_NONE && c < (jp)->v[i].end; c = (jp)->v[c].end)

static void read_attrs(rg_attrs *a, const rg_json_pull *jp, size_t obj, const char *const *keys)
{
    if (!is_type(jp, obj, RG_JV_OBJECT)) return;
    FOR_CHILDREN(jp, obj, c)
    {
        const char *k = rg_jv_key(jp, c);
        if (keys && reserved(keys, k)) continue;
        char *s = scalar_str(jp, c);
        if (s) rg_attrs_set(a, k, s);
        free(s);
    }
}

static const char *get_str(const rg_json_pull *jp, size_t o, const char *k)
{
    return rg_jv_str(jp, rg_jv_get(jp, o, k));
}

/* The members of "graph" (its tree is at index 0). */
static rg_status read_docs(rg_graph *g, const rg_json_pull *jp, const char *path, rg_error *err)
{
    size_t docs = rg_jv_get(jp, 0, "documents");
    if (docs == RG_JV_NONE) return RG_OK;
    if (!is_type(jp, docs, RG_JV_ARRAY))
        return rg_error_set(err, RG_EINPUT, "%s: graph.documents must be an array", path);
    size_t i = 0;
    FOR_CHILDREN(jp, docs, d)
    {
        rg_document doc = {0};
        doc.id = (char *)get_str(jp, d, "id");
        if (!doc.id)
            return rg_error_set(err, RG_EINPUT, "%s: document #%zu has no string \"id\"", path, i);
        doc.title = (char *)get_str(jp, d, "title");
        doc.date = (char *)get_str(jp, d, "date");
        doc.path = (char *)get_str(jp, d, "path");
        doc.sha256 = (char *)get_str(jp, d, "sha256");
        rg_graph_add_doc(g, &doc);
        i++;
    }
    return RG_OK;
}

/* A document reference by id; unknown ids are added as bare documents so
 * provenance is never silently dropped. */
static uint32_t doc_ref(rg_graph *g, const char *id)
{
    uint32_t d = rg_graph_find_doc(g, id);
    if (d != RG_NONE) return d;
    rg_document doc = {.id = (char *)id};
    return rg_graph_add_doc(g, &doc);
}

static bool get_u32(const rg_json_pull *jp, size_t o, const char *k, uint32_t *out)
{
    size_t v = rg_jv_get(jp, o, k);
    if (!is_type(jp, v, RG_JV_INT) || jp->v[v].u.i < 0 || jp->v[v].u.i > UINT32_MAX) return false;
    *out = (uint32_t)jp->v[v].u.i;
    return true;
}

/* Aliases, documents, provenance and the mention count of node idx, whose
 * object is the tree's root. */
static rg_status read_node_lists(rg_graph *g, const rg_json_pull *jp, uint32_t idx,
                                 const char *path, rg_error *err)
{
    size_t al = rg_jv_get(jp, 0, "aliases");
    if (is_type(jp, al, RG_JV_ARRAY)) FOR_CHILDREN(jp, al, a)
        {
            if (is_type(jp, a, RG_JV_STRING))
                rg_graph_node_add_alias(g, idx, rg_jv_str(jp, a), 1);
            else if (get_str(jp, a, "name")) {
                size_t c = rg_jv_get(jp, a, "count");
                rg_graph_node_add_alias(g, idx, get_str(jp, a, "name"),
                                        is_type(jp, c, RG_JV_INT) ? (uint32_t)jp->v[c].u.i : 1);
            }
        }
    size_t docs = rg_jv_get(jp, 0, "documents");
    if (is_type(jp, docs, RG_JV_ARRAY)) FOR_CHILDREN(jp, docs, d)
    if (is_type(jp, d, RG_JV_STRING)) rg_graph_node_add_doc(g, idx, doc_ref(g, rg_jv_str(jp, d)));
    size_t prov = rg_jv_get(jp, 0, "provenance"), k = 0;
    if (is_type(jp, prov, RG_JV_ARRAY)) FOR_CHILDREN(jp, prov, p)
        {
            rg_span sp;
            const char *doc = get_str(jp, p, "doc");
            if (!doc || !get_u32(jp, p, "begin", &sp.begin) || !get_u32(jp, p, "end", &sp.end))
                return rg_error_set(err, RG_EINPUT,
                                    "%s: node '%s': provenance #%zu needs doc, begin, end", path,
                                    g->nodes[idx].id, k);
            sp.doc = doc_ref(g, doc);
            rg_graph_node_add_mention(g, idx, sp);
            k++;
        }
    size_t mc = rg_jv_get(jp, 0, "mentions");
    if (is_type(jp, mc, RG_JV_INT) && jp->v[mc].u.i >= (long long)g->nodes[idx].nmentions)
        g->nodes[idx].mention_count = (uint32_t)jp->v[mc].u.i;
    return RG_OK;
}

/* Node #i, whose value is the tree's root. */
static rg_status read_node(rg_graph *g, const rg_json_pull *jp, size_t i, const char *path,
                           rg_error *err)
{
    if (!is_type(jp, 0, RG_JV_OBJECT))
        return rg_error_set(err, RG_EINPUT, "%s: node #%zu is not an object", path, i);
    char *id = scalar_str(jp, rg_jv_get(jp, 0, "id"));
    if (!id) return rg_error_set(err, RG_EINPUT, "%s: node #%zu has no \"id\"", path, i);
    const char *ts = get_str(jp, 0, "type");
    rg_node_type type = RG_NODE_ORGANISATION;
    if (ts && !rg_node_type_parse(ts, &type)) {
        rg_status rc = rg_error_set(err, RG_EINPUT,
                                    "%s: node '%s': unknown type '%s' (expected person, "
                                    "organisation, institution, place or event)",
                                    path, id, ts);
        free(id);
        return rc;
    }
    if (rg_graph_find_node(g, id) != RG_NONE) {
        rg_status rc = rg_error_set(err, RG_EINPUT, "%s: duplicate node id '%s'", path, id);
        free(id);
        return rc;
    }
    const char *label = get_str(jp, 0, "label");
    uint32_t idx;
    rg_status rc = rg_graph_add_node(g, id, type, label ? label : id, &idx, err);
    free(id);
    if (rc) return rc;
    rc = read_node_lists(g, jp, idx, path, err);
    if (rc) return rc;
    read_attrs(&g->nodes[idx].attrs, jp, 0, node_keys);
    return RG_OK;
}

/* The endpoints of link #i (the tree's root): node indices and ids (*s,
 * *t: the caller frees them), or an error (nothing to free). */
static rg_status link_ends(rg_graph *g, const rg_json_pull *jp, size_t i, const char *path,
                           uint32_t *si, uint32_t *ti, char **s_id, char **t_id, rg_error *err)
{
    char *s = scalar_str(jp, rg_jv_get(jp, 0, "source"));
    char *t = scalar_str(jp, rg_jv_get(jp, 0, "target"));
    *si = s ? rg_graph_find_node(g, s) : RG_NONE;
    *ti = t ? rg_graph_find_node(g, t) : RG_NONE;
    rg_status rc = RG_OK;
    if (!s || !t)
        rc = rg_error_set(err, RG_EINPUT, "%s: link #%zu needs \"source\" and \"target\"", path, i);
    else if (*si == RG_NONE || *ti == RG_NONE)
        rc = rg_error_set(err, RG_EINPUT, "%s: link #%zu: no node with id '%s'", path, i,
                          *si == RG_NONE ? s : t);
    if (rc) {
        free(s);
        free(t);
        return rc;
    }
    *s_id = s, *t_id = t;
    return RG_OK;
}

/* The edge of link #i between nodes si and ti (ids s and t), with its
 * weight, evidence and attributes. */
static rg_status add_link_edge(rg_graph *g, const rg_json_pull *jp, size_t i, const char *path,
                               uint32_t si, uint32_t ti, const char *s, const char *t,
                               rg_error *err)
{
    rg_status rc;
    const char *type = get_str(jp, 0, "type");
    size_t w = rg_jv_get(jp, 0, "weight");
    bool is_int = is_type(jp, w, RG_JV_INT);
    if (w != RG_JV_NONE && !is_int && !is_type(jp, w, RG_JV_REAL))
        return rg_error_set(err, RG_EINPUT, "%s: link #%zu: weight is not a number", path, i);
    double weight = w == RG_JV_NONE ? 1.0 : is_int ? (double)jp->v[w].u.i : jp->v[w].u.d;
    uint32_t e;
    rc = rg_graph_add_edge_ids(g, si, ti, s, t, type ? type : "related_to", get_str(jp, 0, "role"),
                               get_str(jp, 0, "date"), weight, &e, err);
    if (rc) {
        char why[sizeof err->msg];
        snprintf(why, sizeof why, "%s", err ? err->msg : "");
        return rg_error_set(err, rc, "%s: link #%zu: %s", path, i, why);
    }
    size_t ev = rg_jv_get(jp, 0, "evidence"), k = 0;
    if (is_type(jp, ev, RG_JV_ARRAY)) FOR_CHILDREN(jp, ev, x)
        {
            uint32_t b, en;
            const char *doc = get_str(jp, x, "doc");
            if (!doc || !get_u32(jp, x, "begin", &b) || !get_u32(jp, x, "end", &en))
                return rg_error_set(err, RG_EINPUT,
                                    "%s: link #%zu: evidence #%zu needs doc, begin, end", path, i,
                                    k);
            rg_graph_edge_add_evidence(g, e, doc_ref(g, doc), b, en, get_str(jp, x, "text"));
            k++;
        }
    read_attrs(&g->edges[e].attrs, jp, 0, link_keys);
    return RG_OK;
}

static rg_status read_link(rg_graph *g, const rg_json_pull *jp, size_t i, const char *path,
                           rg_error *err)
{
    if (!is_type(jp, 0, RG_JV_OBJECT))
        return rg_error_set(err, RG_EINPUT, "%s: link #%zu is not an object", path, i);
    uint32_t si, ti;
    char *s, *t;
    rg_status rc = link_ends(g, jp, i, path, &si, &ti, &s, &t, err);
    if (rc) return rc;
    rc = add_link_edge(g, jp, i, path, si, ti, s, t, err);
    free(s);
    free(t);
    return rc;
}

/* Enforces the --max-depth limit (rg_import_opts.max_depth) before parsing;
 * jansson's own limit (2048) is fixed. Brackets inside strings do not count.
 * Returns RG_OK or an error naming the line and column. */
static rg_status check_depth(const char *path, const char *data, size_t len, size_t max,
                             rg_error *err)
{
    size_t depth = 0, line = 1, col = 0;
    bool in_str = false, esc = false;
    for (size_t i = 0; i < len; i++) {
        char c = data[i];
        col++;
        if (c == '\n') line++, col = 0;
        if (in_str) {
            if (esc)
                esc = false;
            else if (c == '\\')
                esc = true;
            else if (c == '"')
                in_str = false;
        } else if (c == '"') {
            in_str = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max)
                return rg_error_set(err, RG_EINPUT,
                                    "%s:%zu:%zu: nested deeper than %zu levels (see --max-depth)",
                                    path, line, col, max);
        } else if ((c == ']' || c == '}') && depth > 0) {
            depth--;
        }
    }
    return RG_OK;
}

/* A syntax error: jansson's message (line, column, what), so errors read
 * exactly as they did when jansson parsed the whole document. Should
 * jansson accept what the pull parser rejected, the parser's own reason is
 * reported, with the line and column it stopped at. */
static rg_status syntax_error(const rg_json_pull *jp, const char *path, rg_error *err)
{
    json_error_t je;
    json_t *root = json_loadb(jp->data, (size_t)(jp->end - jp->data),
                              JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
    if (!root)
        return rg_error_set(err, RG_EINPUT, "%s:%d:%d: invalid JSON: %s", path, je.line, je.column,
                            je.text);
    json_decref(root);
    size_t line = 1, col = 0;
    for (const char *p = jp->data; p < jp->fail; p++) {
        if (*p == '\n')
            line++, col = 0;
        else if ((*p & 0xC0) != 0x80)
            col++; /* characters, as jansson counts */
    }
    return rg_error_set(err, RG_EINPUT, "%s:%zu:%zu: invalid JSON: %s", path, line, col + 1,
                        jp->why);
}

/* The root's shape: "nodes" an array, "links" (or "edges") absent or an
 * array. *links is where the links array starts, or NULL. */
static rg_status check_root(const rg_json_pull *jp, const char *path, const char **links,
                            rg_error *err)
{
    const char *nodes = jp->member[RG_JSON_NODES];
    *links = jp->member[RG_JSON_LINKS] ? jp->member[RG_JSON_LINKS] : jp->member[RG_JSON_EDGES];
    if (!nodes || *nodes != '[')
        return rg_error_set(err, RG_EINPUT,
                            "%s: not a relgraph/node-link graph: no \"nodes\" array", path);
    if (*links && **links != '[')
        return rg_error_set(err, RG_EINPUT, "%s: \"links\" must be an array", path);
    return RG_OK;
}

static rg_status read_graph_member(rg_graph *g, rg_json_pull *jp, const char *path, rg_error *err)
{
    if (!jp->member[RG_JSON_GRAPH]) return RG_OK;
    rg_json_pull_parse_at(jp, jp->member[RG_JSON_GRAPH]);
    if (!is_type(jp, 0, RG_JV_OBJECT)) return RG_OK;
    rg_status rc = read_docs(g, jp, path, err);
    if (rc == RG_OK) {
        static const char *const gkeys[] = {"relgraph", "documents", NULL};
        read_attrs(&g->attrs, jp, 0, gkeys);
    }
    return rc;
}

/* The validated document's graph, documents, nodes and links, in that
 * order (the order in which a DOM reader checked them). */
/* Sizes the graph once for the arrays' element counts (growing arrays of
 * 100k nodes and links by doubling copied them over and over), bounded by
 * what the file can hold: a node takes 8 bytes at least, a link 23. */
static void reserve(rg_graph *g, const rg_json_pull *jp, const char *links)
{
    size_t len = (size_t)(jp->end - jp->data);
    size_t nn = jp->member_len[RG_JSON_NODES], nl = 0;
    if (links)
        nl = jp->member_len[links == jp->member[RG_JSON_LINKS] ? RG_JSON_LINKS : RG_JSON_EDGES];
    rg_graph_reserve_nodes(g, nn < len / 8 ? nn : len / 8);
    rg_graph_reserve_edges(g, nl < len / 23 ? nl : len / 23);
}

static rg_status read_all(rg_graph *g, rg_json_pull *jp, const char *path, rg_error *err)
{
    const char *links;
    rg_status rc = check_root(jp, path, &links, err);
    if (rc == RG_OK) reserve(g, jp, links);
    if (rc == RG_OK) rc = read_graph_member(g, jp, path, err);
    size_t i = 0;
    if (rc == RG_OK && rg_json_pull_array_begin(jp, jp->member[RG_JSON_NODES]))
        while (rg_json_pull_array_next(jp))
            if ((rc = read_node(g, jp, i++, path, err))) break;
    i = 0;
    if (rc == RG_OK && links && rg_json_pull_array_begin(jp, links))
        while (rg_json_pull_array_next(jp))
            if ((rc = read_link(g, jp, i++, path, err))) break;
    return rc;
}

rg_status rg_json_read(rg_graph *g, const char *path, const char *data, size_t len,
                       const rg_import_opts *opts, rg_error *err)
{
    if (check_depth(path, data, len, rg_import_max_depth(opts), err)) return RG_EINPUT;
    rg_json_pull jp;
    rg_json_pull_init(&jp, data, len);
    rg_status rc =
        rg_json_pull_validate(&jp) ? read_all(g, &jp, path, err) : syntax_error(&jp, path, err);
    rg_json_pull_free(&jp);
    return rc;
}

rg_status rg_json_read_file(rg_graph *g, const char *path, rg_error *err)
{
    char *data;
    size_t len;
    rg_status rc = rg_read_file(path, &data, &len, 0, err);
    if (rc) return rc;
    rc = rg_json_read(g, path, data, len, NULL, err);
    free(data);
    return rc;
}
