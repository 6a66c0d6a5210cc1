/* GraphML import with libxml2 (docs/FORMAT.md, "GraphML").
 *
 * The file is parsed into a tree with the network off, no external DTD and
 * no entity substitution; a document type with entity declarations is
 * refused outright (the "billion laughs" family). Then:
 *   <key id for attr.name attr.type> declarations -> a table of keys,
 *   <node id> with <data key> values: a data named type/label gives the node
 *     type/label, any other becomes an attribute; yEd's nodegraphics data
 *     gives the label when there is no label data;
 *   <edge source target [directed]> (read after all nodes, since GraphML may
 *     list edges first): relation/type/label give the relation type, weight,
 *     role and date the edge fields, others attributes; directedness comes
 *     from the edge or the graph's edgedefault and is kept as `directed`.
 * Nested graphs are flattened; hyperedges are skipped with a warning.
 */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rg_csv.h"
#include "rg_import.h"

enum { FOR_ALL, FOR_NODE, FOR_EDGE, FOR_GRAPH, FOR_OTHER };

typedef struct gkey {
    char *id, *name, *dflt;
    int domain;
    bool yfiles_graphics; /* yEd nodegraphics / edgegraphics */
} gkey;

typedef struct pending_edge {
    xmlNode *el;
    bool directed;
} pending_edge;

typedef struct gml {
    rg_graph *g;
    const char *path;
    uint32_t doc;
    gkey *keys;
    size_t nkeys, cap_keys;
    rg_strmap keymap; /* key id -> index */
    pending_edge *edges;
    size_t nedges, cap_edges;
    rg_strmap seen; /* node id -> line of first definition */
} gml;

static bool named(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static long line_of(const xmlNode *n)
{
    return xmlGetLineNo((xmlNode *)n);
}

/* An attribute's value (caller frees), NULL when absent. */
static char *attr(const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp((xmlNode *)n, (const xmlChar *)name);
    if (!v) return NULL;
    char *s = rg_strdup((const char *)v);
    xmlFree(v);
    return s;
}

/* Text content with surrounding white space trimmed; caller frees. */
static char *text_of(const xmlNode *n)
{
    xmlChar *v = xmlNodeGetContent((xmlNode *)n);
    const char *s = v ? (const char *)v : "";
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    size_t len = strlen(s);
    while (len && strchr(" \t\r\n", s[len - 1]))
        len--;
    char *r = rg_strndup(s, len);
    xmlFree(v);
    return r;
}

static const xmlNode *find_desc(const xmlNode *n, const char *name)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (named(c, name)) return c;
        const xmlNode *d = c->type == XML_ELEMENT_NODE ? find_desc(c, name) : NULL;
        if (d) return d;
    }
    return NULL;
}

/* ---- parsing and checks ------------------------------------------------- */

/* The parser's first error is the meaningful one (later ones follow from
 * it), so a structured error handler keeps the first. The handler is
 * libxml2's per-thread state, set only around the parse. */
typedef struct first_error {
    int line;
    char msg[512];
    bool set;
} first_error;

static void on_xml_error(void *ctx, xmlError *e)
{
    first_error *f = ctx;
    if (f->set || !e || e->level < XML_ERR_ERROR) return;
    f->set = true;
    f->line = e->line;
    snprintf(f->msg, sizeof f->msg, "%s", e->message ? e->message : "unreadable");
    size_t n = strlen(f->msg);
    while (n && (f->msg[n - 1] == '\n' || f->msg[n - 1] == ' '))
        f->msg[--n] = '\0';
}

static rg_status parse(const char *path, const char *data, size_t len, xmlDoc **out, rg_error *err)
{
    *out = NULL;
    if (len > INT_MAX)
        return rg_error_set(err, RG_EINPUT, "%s: too large for the XML parser", path);
    xmlParserCtxt *ctx = xmlNewParserCtxt();
    if (!ctx) return rg_error_set(err, RG_EINPUT, "%s: cannot create an XML parser", path);
    first_error fe = {0};
    xmlSetStructuredErrorFunc(&fe, on_xml_error);
    int flags = XML_PARSE_NONET | XML_PARSE_BIG_LINES;
    xmlDoc *doc = xmlCtxtReadMemory(ctx, data, (int)len, path, NULL, flags);
    xmlSetStructuredErrorFunc(NULL, NULL);
    rg_status rc = RG_OK;
    if (!doc || !ctx->wellFormed) {
        rc = rg_error_set(err, RG_EINPUT, "%s:%d: invalid XML: %s", path, fe.set ? fe.line : 1,
                          fe.set ? fe.msg : "unreadable");
        if (doc) xmlFreeDoc(doc);
        doc = NULL;
    }
    xmlFreeParserCtxt(ctx);
    *out = doc;
    return rc;
}

static rg_status check_depth(const xmlNode *n, size_t depth, size_t max, const char *path,
                             rg_error *err)
{
    if (depth > max)
        return rg_error_set(err, RG_EINPUT, "%s:%ld: elements nested deeper than %zu", path,
                            line_of(n), max);
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        rg_status rc = check_depth(c, depth + 1, max, path, err);
        if (rc) return rc;
    }
    return RG_OK;
}

static rg_status check_doc(xmlDoc *doc, const char *path, size_t max_depth, rg_error *err)
{
    if (doc->intSubset && doc->intSubset->entities)
        return rg_error_set(err, RG_EINPUT, "%s: entity declarations are not allowed in GraphML",
                            path);
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!named(root, "graphml"))
        return rg_error_set(err, RG_EINPUT, "%s:%ld: not GraphML (the root element is '%s')", path,
                            root ? line_of(root) : 0L, root ? (const char *)root->name : "missing");
    return check_depth(root, 1, max_depth, path, err);
}

/* ---- keys --------------------------------------------------------------- */

static int domain_of(const char *s)
{
    if (!s || strcmp(s, "all") == 0) return FOR_ALL;
    if (strcmp(s, "node") == 0) return FOR_NODE;
    if (strcmp(s, "edge") == 0) return FOR_EDGE;
    if (strcmp(s, "graph") == 0) return FOR_GRAPH;
    return FOR_OTHER;
}

static rg_status read_key(gml *x, const xmlNode *k, rg_error *err)
{
    char *id = attr(k, "id");
    if (!id) return rg_error_set(err, RG_EINPUT, "%s:%ld: <key> without id", x->path, line_of(k));
    char *f = attr(k, "for"), *yt = attr(k, "yfiles.type");
    gkey *key = RG_PUSH(x->keys, x->nkeys, x->cap_keys);
    memset(key, 0, sizeof *key);
    key->id = id;
    key->domain = domain_of(f);
    key->name = attr(k, "attr.name");
    if (!key->name) key->name = rg_strdup(id);
    key->yfiles_graphics =
        yt && (strcmp(yt, "nodegraphics") == 0 || strcmp(yt, "edgegraphics") == 0);
    for (const xmlNode *c = k->children; c; c = c->next)
        if (named(c, "default")) key->dflt = text_of(c);
    rg_strmap_put(&x->keymap, id, (uint32_t)(x->nkeys - 1));
    free(f);
    free(yt);
    return RG_OK;
}

/* The key a <data> element refers to; NULL (after an error) if none. */
static const gkey *data_key(gml *x, const xmlNode *d, rg_error *err)
{
    char *k = attr(d, "key");
    uint32_t i;
    const gkey *key = NULL;
    if (!k)
        rg_error_set(err, RG_EINPUT, "%s:%ld: <data> without key", x->path, line_of(d));
    else if (!rg_strmap_get(&x->keymap, k, &i))
        rg_error_set(err, RG_EINPUT, "%s:%ld: <data> refers to undeclared key '%s'", x->path,
                     line_of(d), k);
    else
        key = &x->keys[i];
    free(k);
    return key;
}

/* A data element's value: yEd graphics give their label text. */
static char *data_value(const gkey *k, const xmlNode *d, bool node)
{
    if (!k->yfiles_graphics) return text_of(d);
    const xmlNode *l = find_desc(d, node ? "NodeLabel" : "EdgeLabel");
    return l ? text_of(l) : rg_strdup("");
}

/* Collects an element's data as name -> value (defaults first, so data
 * given overrides them). */
static rg_status collect_data(gml *x, const xmlNode *el, int domain, rg_attrs *out, rg_error *err)
{
    for (size_t i = 0; i < x->nkeys; i++)
        if (x->keys[i].dflt && (x->keys[i].domain == domain || x->keys[i].domain == FOR_ALL))
            rg_attrs_set(out, x->keys[i].name, x->keys[i].dflt);
    for (const xmlNode *c = el->children; c; c = c->next) {
        if (!named(c, "data")) continue;
        const gkey *k = data_key(x, c, err);
        if (!k) return RG_EINPUT;
        char *v = data_value(k, c, domain == FOR_NODE);
        /* yEd graphics carry the label under a key of their own */
        const char *name = k->yfiles_graphics ? "\x01graphics" : k->name;
        if (*v) rg_attrs_set(out, name, v);
        free(v);
    }
    return RG_OK;
}

/* ---- nodes and edges ------------------------------------------------------ */

static const char *take(const rg_attrs *a, const char *name)
{
    for (size_t i = 0; i < a->n; i++)
        if (strcasecmp(a->items[i].key, name) == 0) return a->items[i].value;
    return NULL;
}

static rg_status read_node(gml *x, const xmlNode *n, rg_error *err)
{
    long line = line_of(n);
    char *id = attr(n, "id");
    if (!id || !*id) {
        free(id);
        return rg_error_set(err, RG_EINPUT, "%s:%ld: <node> without id", x->path, line);
    }
    rg_attrs d = {0};
    rg_status rc = collect_data(x, n, FOR_NODE, &d, err);
    const char *ts = take(&d, "type"), *label = take(&d, "label");
    if (!label) label = take(&d, "\x01graphics");
    rg_node_type type = RG_NODE_ORGANISATION;
    uint32_t first, idx;
    if (rc == RG_OK && ts && !rg_node_type_parse(ts, &type))
        rc = rg_error_set(err, RG_EINPUT,
                          "%s:%ld: node '%s': unknown type '%s' (expected person, organisation, "
                          "institution, place or event)",
                          x->path, line, id, ts);
    if (rc == RG_OK && rg_strmap_get(&x->seen, id, &first))
        rg_warn("%s:%ld: node '%s' already defined on line %u; attributes merged", x->path, line,
                id, first);
    else if (rc == RG_OK)
        rg_strmap_put(&x->seen, id, (uint32_t)line);
    rg_error why = {0};
    if (rc == RG_OK && rg_graph_add_node(x->g, id, type, label, &idx, &why))
        rc = rg_error_set(err, RG_EINPUT, "%s:%ld: %s", x->path, line, why.msg);
    if (rc == RG_OK) {
        if (label && *label) rg_graph_node_set_label(x->g, idx, label);
        for (size_t i = 0; i < d.n; i++) {
            const char *k = d.items[i].key;
            if (strcasecmp(k, "type") && strcasecmp(k, "label") && k[0] != '\x01')
                rg_attrs_set(&x->g->nodes[idx].attrs, k, d.items[i].value);
        }
        rg_graph_node_add_doc(x->g, idx, x->doc);
    }
    rg_attrs_free(&d);
    free(id);
    return rc;
}

static bool edge_directed(const xmlNode *e, bool dflt)
{
    char *d = attr(e, "directed");
    bool r = d ? strcmp(d, "true") == 0 || strcmp(d, "1") == 0 : dflt;
    free(d);
    return r;
}

/* Walks a graph element: nodes now (nested graphs flattened), edges later. */
static rg_status walk_graph(gml *x, const xmlNode *graph, rg_error *err)
{
    char *ed = attr(graph, "edgedefault");
    bool directed = !ed || strcmp(ed, "undirected") != 0;
    free(ed);
    rg_status rc = RG_OK;
    for (const xmlNode *c = graph->children; c && rc == RG_OK; c = c->next) {
        if (named(c, "node")) {
            rc = read_node(x, c, err);
            for (const xmlNode *s = c->children; s && rc == RG_OK; s = s->next)
                if (named(s, "graph")) rc = walk_graph(x, s, err);
        } else if (named(c, "edge")) {
            pending_edge *p = RG_PUSH(x->edges, x->nedges, x->cap_edges);
            p->el = (xmlNode *)c;
            p->directed = edge_directed(c, directed);
        } else if (named(c, "hyperedge")) {
            rg_warn("%s:%ld: hyperedge skipped (relgraph has binary relations only)", x->path,
                    line_of(c));
        }
    }
    return rc;
}

static rg_status endpoint(gml *x, const xmlNode *e, const char *which, uint32_t *out, rg_error *err)
{
    char *id = attr(e, which);
    *out = id ? rg_graph_find_node(x->g, id) : RG_NONE;
    rg_status rc = RG_OK;
    if (!id)
        rc = rg_error_set(err, RG_EINPUT, "%s:%ld: <edge> without %s", x->path, line_of(e), which);
    else if (*out == RG_NONE)
        rc = rg_error_set(err, RG_EINPUT, "%s:%ld: edge %s '%s' is not a node of the file", x->path,
                          line_of(e), which, id);
    free(id);
    return rc;
}

static bool edge_field(const char *k)
{
    static const char *const f[] = {"relation", "type", "label", "weight", "role", "date", NULL};
    for (const char *const *p = f; *p; p++)
        if (strcasecmp(*p, k) == 0) return true;
    return k[0] == '\x01';
}

static rg_status read_edge(gml *x, const pending_edge *p, rg_error *err)
{
    const xmlNode *e = p->el;
    long line = line_of(e);
    uint32_t s, t, idx;
    rg_status rc = endpoint(x, e, "source", &s, err);
    if (rc == RG_OK) rc = endpoint(x, e, "target", &t, err);
    if (rc) return rc;
    rg_attrs d = {0};
    rc = collect_data(x, e, FOR_EDGE, &d, err);
    const char *rel = take(&d, "relation"), *w = take(&d, "weight");
    if (!rel) rel = take(&d, "type");
    if (!rel) rel = take(&d, "label");
    if (!rel) rel = take(&d, "\x01graphics");
    char *type = rel ? rg_csv_edge_type(rel) : rg_strdup("related_to");
    double weight = 1;
    if (rc == RG_OK && !type)
        rc = rg_error_set(err, RG_EINPUT,
                          "%s:%ld: '%s' cannot be a relation type (it needs Latin letters, e.g. "
                          "member_of)",
                          x->path, line, rel);
    if (rc == RG_OK && !rg_csv_weight(w ? w : "", &weight))
        rc = rg_error_set(err, RG_EINPUT, "%s:%ld: weight '%s' is not a non-negative number",
                          x->path, line, w);
    rg_error why = {0};
    if (rc == RG_OK &&
        rg_graph_add_edge(x->g, s, t, type, take(&d, "role"), take(&d, "date"), weight, &idx, &why))
        rc = rg_error_set(err, RG_EINPUT, "%s:%ld: %s", x->path, line, why.msg);
    if (rc == RG_OK) {
        rg_attrs *at = &x->g->edges[idx].attrs;
        rg_attrs_set(at, "directed", p->directed ? "true" : "false");
        for (size_t i = 0; i < d.n; i++)
            if (!edge_field(d.items[i].key)) rg_attrs_set(at, d.items[i].key, d.items[i].value);
    }
    free(type);
    rg_attrs_free(&d);
    return rc;
}

/* Graph-level data of the top-level graphs become graph attributes. */
static rg_status read_graphs(gml *x, const xmlNode *root, rg_error *err)
{
    rg_status rc = RG_OK;
    for (const xmlNode *c = root->children; c && rc == RG_OK; c = c->next) {
        if (named(c, "key")) rc = read_key(x, c, err);
    }
    for (const xmlNode *c = root->children; c && rc == RG_OK; c = c->next) {
        if (!named(c, "graph")) continue;
        rg_attrs d = {0};
        rc = collect_data(x, c, FOR_GRAPH, &d, err);
        for (size_t i = 0; rc == RG_OK && i < d.n; i++)
            if (d.items[i].key[0] != '\x01')
                rg_attrs_set(&x->g->attrs, d.items[i].key, d.items[i].value);
        rg_attrs_free(&d);
        if (rc == RG_OK) rc = walk_graph(x, c, err);
    }
    for (size_t i = 0; i < x->nedges && rc == RG_OK; i++)
        rc = read_edge(x, &x->edges[i], err);
    return rc;
}

static void gml_free(gml *x)
{
    for (size_t i = 0; i < x->nkeys; i++) {
        free(x->keys[i].id);
        free(x->keys[i].name);
        free(x->keys[i].dflt);
    }
    free(x->keys);
    free(x->edges);
    rg_strmap_free(&x->keymap);
    rg_strmap_free(&x->seen);
}

rg_status rg_graphml_import(rg_graph *g, const char *path, const char *data, size_t len,
                            const rg_import_opts *opts, rg_error *err)
{
    xmlDoc *doc = NULL;
    rg_status rc = parse(path, data, len, &doc, err);
    if (rc == RG_OK) rc = check_doc(doc, path, rg_import_max_depth(opts), err);
    if (rc == RG_OK) {
        gml x = {.g = g, .path = path};
        rg_strmap_init(&x.keymap);
        rg_strmap_init(&x.seen);
        x.doc = rg_csv_add_table_doc(g, path);
        rc = read_graphs(&x, xmlDocGetRootElement(doc), err);
        gml_free(&x);
    }
    if (doc) xmlFreeDoc(doc);
    return rc;
}
