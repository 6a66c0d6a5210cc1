#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "rg_json.h"

/* jansson refuses strings that are not valid UTF-8 (json_string() returns
 * NULL, and json_object_set_new() an invalid key, so the member silently
 * disappears, leaving e.g. a node without an id). Importers should never let
 * such bytes in; should one slip through, the output stays well-formed:
 * invalid bytes become U+FFFD, with a warning. Returns NULL when s is valid. */
static char *utf8_repair(const char *s)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t n = (utf8proc_ssize_t)strlen(s), i = 0, k;
    utf8proc_int32_t cp;
    while (i < n && (k = utf8proc_iterate(p + i, n - i, &cp)) > 0) i += k;
    if (i == n) return NULL;
    rg_buf b = {0};
    rg_buf_append(&b, s, (size_t)i);
    while (i < n) {
        k = utf8proc_iterate(p + i, n - i, &cp);
        if (k > 0) rg_buf_append(&b, p + i, (size_t)k);
        else rg_buf_puts(&b, "\xEF\xBF\xBD");
        i += k > 0 ? k : 1;
    }
    char *fixed = rg_buf_detach(&b);
    rg_warn("invalid UTF-8 in '%s' written as U+FFFD", fixed);
    return fixed;
}

static json_t *jstr(const char *s)
{
    char *fixed = s ? utf8_repair(s) : NULL;
    json_t *j = json_string(fixed ? fixed : s ? s : "");
    free(fixed);
    return j;
}

static void put_attrs(json_t *obj, const rg_attrs *a)
{
    for (size_t i = 0; i < a->n; i++) {
        char *fixed = utf8_repair(a->items[i].key);
        const char *key = fixed ? fixed : a->items[i].key;
        if (!json_object_get(obj, key)) json_object_set_new(obj, key, jstr(a->items[i].value));
        free(fixed);
    }
}

static json_t *doc_json(const rg_document *d)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", jstr(d->id));
    if (d->title) json_object_set_new(o, "title", jstr(d->title));
    if (d->date) json_object_set_new(o, "date", jstr(d->date));
    if (d->path) json_object_set_new(o, "path", jstr(d->path));
    if (d->sha256) json_object_set_new(o, "sha256", jstr(d->sha256));
    return o;
}

static json_t *node_json(const rg_graph *g, const rg_node *n)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", jstr(n->id));
    json_object_set_new(o, "type", jstr(rg_node_type_name(n->type)));
    json_object_set_new(o, "label", jstr(n->label));
    json_t *al = json_array();
    for (size_t i = 0; i < n->naliases; i++) {
        json_t *a = json_object();
        json_object_set_new(a, "name", jstr(n->aliases[i].name));
        json_object_set_new(a, "count", json_integer(n->aliases[i].count));
        json_array_append_new(al, a);
    }
    json_object_set_new(o, "aliases", al);
    json_object_set_new(o, "mentions", json_integer(n->mention_count));
    json_t *docs = json_array();
    for (size_t i = 0; i < n->ndocs; i++)
        json_array_append_new(docs, jstr(g->docs[n->docs[i]].id));
    json_object_set_new(o, "documents", docs);
    json_t *prov = json_array();
    for (size_t i = 0; i < n->nmentions; i++) {
        json_t *p = json_object();
        json_object_set_new(p, "doc", jstr(g->docs[n->mentions[i].doc].id));
        json_object_set_new(p, "begin", json_integer(n->mentions[i].begin));
        json_object_set_new(p, "end", json_integer(n->mentions[i].end));
        json_array_append_new(prov, p);
    }
    json_object_set_new(o, "provenance", prov);
    put_attrs(o, &n->attrs);
    return o;
}

static json_t *edge_json(const rg_graph *g, const rg_edge *e)
{
    json_t *o = json_object();
    json_object_set_new(o, "source", jstr(g->nodes[e->source].id));
    json_object_set_new(o, "target", jstr(g->nodes[e->target].id));
    json_object_set_new(o, "key", jstr(e->key));
    json_object_set_new(o, "type", jstr(e->type));
    if (e->role) json_object_set_new(o, "role", jstr(e->role));
    if (e->date) json_object_set_new(o, "date", jstr(e->date));
    json_object_set_new(o, "weight", json_real(isfinite(e->weight) ? e->weight : 0.0));
    json_t *ev = json_array();
    for (size_t i = 0; i < e->nevidence; i++) {
        json_t *x = json_object();
        json_object_set_new(x, "doc", jstr(g->docs[e->evidence[i].doc].id));
        json_object_set_new(x, "begin", json_integer(e->evidence[i].begin));
        json_object_set_new(x, "end", json_integer(e->evidence[i].end));
        json_object_set_new(x, "text", jstr(e->evidence[i].text));
        json_array_append_new(ev, x);
    }
    json_object_set_new(o, "evidence", ev);
    put_attrs(o, &e->attrs);
    return o;
}

static json_t *graph_json(const rg_graph *g)
{
    json_t *root = json_object();
    json_object_set_new(root, "directed", json_true());
    json_object_set_new(root, "multigraph", json_true());
    json_t *gr = json_object();
    json_object_set_new(gr, "relgraph", json_string(RG_VERSION));
    json_t *docs = json_array();
    for (size_t i = 0; i < g->ndocs; i++)
        json_array_append_new(docs, doc_json(&g->docs[i]));
    json_object_set_new(gr, "documents", docs);
    put_attrs(gr, &g->attrs);
    json_object_set_new(root, "graph", gr);
    json_t *nodes = json_array();
    for (size_t i = 0; i < g->nnodes; i++)
        json_array_append_new(nodes, node_json(g, &g->nodes[i]));
    json_object_set_new(root, "nodes", nodes);
    json_t *links = json_array();
    for (size_t i = 0; i < g->nedges; i++)
        json_array_append_new(links, edge_json(g, &g->edges[i]));
    json_object_set_new(root, "links", links);
    return root;
}

rg_status rg_json_write(const rg_graph *g, FILE *out, rg_error *err)
{
    json_t *root = graph_json(g);
    int rc = json_dumpf(root, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17));
    json_decref(root);
    fputc('\n', out);
    if (rc != 0 || ferror(out)) return rg_error_set(err, RG_EINPUT, "cannot write JSON");
    return RG_OK;
}

rg_status rg_json_write_file(const rg_graph *g, const char *path, rg_error *err)
{
    rg_outfile o;
    rg_status rc = rg_outfile_open(&o, path, err);
    if (rc) return rc;
    rc = rg_json_write(g, o.fp, err);
    if (rc) {
        rg_error_set(err, rc, "%s: cannot write JSON", path);
        rg_outfile_abort(&o);
        return rc;
    }
    return rg_outfile_commit(&o, err);
}
