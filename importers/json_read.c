#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rg_json.h"

/* Keys the format itself uses; any other scalar member of a node, link or
 * the graph object is kept as a string attribute. */
static const char *const node_keys[] = {"id",        "type",      "label", "aliases", "mentions",
                                        "documents", "provenance", NULL};
static const char *const link_keys[] = {"source", "target", "key",      "type",
                                        "role",   "date",   "weight",   "evidence", NULL};

static bool reserved(const char *const *keys, const char *k)
{
    for (; *keys; keys++)
        if (strcmp(*keys, k) == 0) return true;
    return false;
}

/* Scalar JSON value as an attribute string; NULL for arrays/objects/null. */
static char *scalar_str(json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_STRING: return rg_strdup(json_string_value(v));
    case JSON_INTEGER: return rg_sprintf("%lld", (long long)json_integer_value(v));
    case JSON_REAL: return rg_sprintf("%.17g", json_real_value(v));
    case JSON_TRUE: return rg_strdup("true");
    case JSON_FALSE: return rg_strdup("false");
    default: return NULL;
    }
}

static void read_attrs(rg_attrs *a, json_t *obj, const char *const *keys)
{
    const char *k;
    json_t *v;
    json_object_foreach(obj, k, v)
    {
        if (keys && reserved(keys, k)) continue;
        char *s = scalar_str(v);
        if (s) rg_attrs_set(a, k, s);
        free(s);
    }
}

static const char *get_str(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static rg_status read_docs(rg_graph *g, json_t *gr, const char *path, rg_error *err)
{
    json_t *docs = json_object_get(gr, "documents");
    if (!docs) return RG_OK;
    if (!json_is_array(docs))
        return rg_error_set(err, RG_EINPUT, "%s: graph.documents must be an array", path);
    size_t i;
    json_t *d;
    json_array_foreach(docs, i, d)
    {
        rg_document doc = {0};
        doc.id = (char *)get_str(d, "id");
        if (!doc.id)
            return rg_error_set(err, RG_EINPUT, "%s: document #%zu has no string \"id\"", path, i);
        doc.title = (char *)get_str(d, "title");
        doc.date = (char *)get_str(d, "date");
        doc.path = (char *)get_str(d, "path");
        doc.sha256 = (char *)get_str(d, "sha256");
        rg_graph_add_doc(g, &doc);
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

static bool get_u32(json_t *o, const char *k, uint32_t *out)
{
    json_t *v = json_object_get(o, k);
    if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > UINT32_MAX)
        return false;
    *out = (uint32_t)json_integer_value(v);
    return true;
}

static rg_status read_node(rg_graph *g, json_t *n, size_t i, const char *path, rg_error *err)
{
    if (!json_is_object(n)) return rg_error_set(err, RG_EINPUT, "%s: node #%zu is not an object", path, i);
    json_t *idv = json_object_get(n, "id");
    char *id = idv ? scalar_str(idv) : NULL;
    if (!id) return rg_error_set(err, RG_EINPUT, "%s: node #%zu has no \"id\"", path, i);
    const char *ts = get_str(n, "type");
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
    const char *label = get_str(n, "label");
    uint32_t idx;
    rg_status rc = rg_graph_add_node(g, id, type, label ? label : id, &idx, err);
    free(id);
    if (rc) return rc;
    json_t *al = json_object_get(n, "aliases"), *a;
    size_t k;
    json_array_foreach(al, k, a)
    {
        if (json_is_string(a)) rg_graph_node_add_alias(g, idx, json_string_value(a), 1);
        else if (get_str(a, "name")) {
            json_t *c = json_object_get(a, "count");
            rg_graph_node_add_alias(g, idx, get_str(a, "name"),
                                    json_is_integer(c) ? (uint32_t)json_integer_value(c) : 1);
        }
    }
    json_t *docs = json_object_get(n, "documents"), *d;
    json_array_foreach(docs, k, d) if (json_is_string(d))
        rg_graph_node_add_doc(g, idx, doc_ref(g, json_string_value(d)));
    json_t *prov = json_object_get(n, "provenance"), *p;
    json_array_foreach(prov, k, p)
    {
        rg_span sp;
        const char *doc = get_str(p, "doc");
        if (!doc || !get_u32(p, "begin", &sp.begin) || !get_u32(p, "end", &sp.end))
            return rg_error_set(err, RG_EINPUT, "%s: node '%s': provenance #%zu needs doc, begin, end",
                                path, g->nodes[idx].id, k);
        sp.doc = doc_ref(g, doc);
        rg_graph_node_add_mention(g, idx, sp);
    }
    json_t *mc = json_object_get(n, "mentions");
    if (json_is_integer(mc) && json_integer_value(mc) >= (json_int_t)g->nodes[idx].nmentions)
        g->nodes[idx].mention_count = (uint32_t)json_integer_value(mc);
    read_attrs(&g->nodes[idx].attrs, n, node_keys);
    return RG_OK;
}

static rg_status read_link(rg_graph *g, json_t *l, size_t i, const char *path, rg_error *err)
{
    if (!json_is_object(l)) return rg_error_set(err, RG_EINPUT, "%s: link #%zu is not an object", path, i);
    json_t *sv = json_object_get(l, "source"), *tv = json_object_get(l, "target");
    char *s = sv ? scalar_str(sv) : NULL, *t = tv ? scalar_str(tv) : NULL;
    uint32_t si = s ? rg_graph_find_node(g, s) : RG_NONE, ti = t ? rg_graph_find_node(g, t) : RG_NONE;
    rg_status rc = RG_OK;
    if (!s || !t)
        rc = rg_error_set(err, RG_EINPUT, "%s: link #%zu needs \"source\" and \"target\"", path, i);
    else if (si == RG_NONE || ti == RG_NONE)
        rc = rg_error_set(err, RG_EINPUT, "%s: link #%zu: no node with id '%s'", path, i,
                          si == RG_NONE ? s : t);
    free(s);
    free(t);
    if (rc) return rc;
    const char *type = get_str(l, "type");
    json_t *w = json_object_get(l, "weight");
    if (w && !json_is_number(w))
        return rg_error_set(err, RG_EINPUT, "%s: link #%zu: weight is not a number", path, i);
    uint32_t e;
    rc = rg_graph_add_edge(g, si, ti, type ? type : "related_to", get_str(l, "role"),
                           get_str(l, "date"), w ? json_number_value(w) : 1.0, &e, err);
    if (rc) {
        char why[sizeof err->msg];
        snprintf(why, sizeof why, "%s", err ? err->msg : "");
        return rg_error_set(err, rc, "%s: link #%zu: %s", path, i, why);
    }
    json_t *ev = json_object_get(l, "evidence"), *x;
    size_t k;
    json_array_foreach(ev, k, x)
    {
        uint32_t b, en;
        const char *doc = get_str(x, "doc");
        if (!doc || !get_u32(x, "begin", &b) || !get_u32(x, "end", &en))
            return rg_error_set(err, RG_EINPUT, "%s: link #%zu: evidence #%zu needs doc, begin, end",
                                path, i, k);
        rg_graph_edge_add_evidence(g, e, doc_ref(g, doc), b, en, get_str(x, "text"));
    }
    read_attrs(&g->edges[e].attrs, l, link_keys);
    return RG_OK;
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
            if (esc) esc = false;
            else if (c == '\\') esc = true;
            else if (c == '"') in_str = false;
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

rg_status rg_json_read(rg_graph *g, const char *path, const char *data, size_t len,
                       const rg_import_opts *opts, rg_error *err)
{
    if (check_depth(path, data, len, rg_import_max_depth(opts), err)) return RG_EINPUT;
    json_error_t je;
    json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
    if (!root)
        return rg_error_set(err, RG_EINPUT, "%s:%d:%d: invalid JSON: %s", path, je.line, je.column,
                            je.text);
    rg_status rc = RG_OK;
    json_t *nodes = json_object_get(root, "nodes");
    json_t *links = json_object_get(root, "links");
    if (!links) links = json_object_get(root, "edges"); /* networkx >= 3.4 naming */
    json_t *gr = json_object_get(root, "graph");
    if (!json_is_object(root) || !json_is_array(nodes))
        rc = rg_error_set(err, RG_EINPUT, "%s: not a relgraph/node-link graph: no \"nodes\" array",
                          path);
    else if (links && !json_is_array(links))
        rc = rg_error_set(err, RG_EINPUT, "%s: \"links\" must be an array", path);
    if (rc == RG_OK && json_is_object(gr)) {
        rc = read_docs(g, gr, path, err);
        if (rc == RG_OK) {
            static const char *const gkeys[] = {"relgraph", "documents", NULL};
            read_attrs(&g->attrs, gr, gkeys);
        }
    }
    size_t i;
    json_t *v;
    if (rc == RG_OK) json_array_foreach(nodes, i, v) if ((rc = read_node(g, v, i, path, err))) break;
    if (rc == RG_OK && links)
        json_array_foreach(links, i, v) if ((rc = read_link(g, v, i, path, err))) break;
    json_decref(root);
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
