/* Cytoscape.js elements JSON:
 *   {"data": {graph attributes}, "directed": true, "multigraph": true,
 *    "elements": {"nodes": [{"data": {...}}], "edges": [{"data": {...}}]}}
 * Cytoscape.js (cy.add / cytoscape({elements})) and Cytoscape desktop read
 * "elements"; networkx's cytoscape_graph() reads the whole document
 * ("value" is the node key it uses, "name" the label). Node data carries
 * style hints (color, shape, size) so a page can draw it without rules. */
#include <stdlib.h>
#include <string.h>

#include "rg_export_priv.h"

/* Cytoscape.js shape names for relgraph's Graphviz shapes. */
static const char *cy_shape(rg_node_type t)
{
    static const char *const shapes[RG_NODE_NTYPES] = {[RG_NODE_PERSON] = "ellipse",
                                                       [RG_NODE_ORGANISATION] = "round-rectangle",
                                                       [RG_NODE_INSTITUTION] = "pentagon",
                                                       [RG_NODE_PLACE] = "octagon",
                                                       [RG_NODE_EVENT] = "diamond"};
    return (unsigned)t < RG_NODE_NTYPES ? shapes[t] : "ellipse";
}

/* jansson refuses invalid UTF-8 (json_string returns NULL and the member
 * would vanish): such bytes become U+FFFD. */
static json_t *jstr(const char *s)
{
    json_t *v = json_string(s ? s : "");
    if (v) return v;
    char *fixed = rg_export_utf8(s);
    v = json_string(fixed);
    free(fixed);
    return v;
}

static void put_attrs(json_t *obj, const rg_attrs *a)
{
    for (size_t i = 0; i < a->n; i++)
        if (!json_object_get(obj, a->items[i].key))
            json_object_set_new(obj, a->items[i].key, jstr(a->items[i].value));
}

static json_t *node_data(const rg_graph *g, size_t i, double norm, const rg_export_opts *o)
{
    const rg_node *n = &g->nodes[i];
    json_t *d = json_object();
    json_object_set_new(d, "id", jstr(n->id));
    json_object_set_new(d, "value", jstr(n->id));
    json_object_set_new(d, "name", jstr(n->label));
    json_object_set_new(d, "label", jstr(n->label));
    json_object_set_new(d, "type", jstr(rg_node_type_name(n->type)));
    json_t *al = json_array();
    for (size_t a = 0; a < n->naliases; a++)
        json_array_append_new(al, jstr(n->aliases[a].name));
    json_object_set_new(d, "aliases", al);
    json_object_set_new(d, "mentions", json_integer(n->mention_count));
    json_t *docs = json_array();
    for (size_t k = 0; k < n->ndocs; k++)
        json_array_append_new(docs, jstr(g->docs[n->docs[k]].id));
    json_object_set_new(d, "documents", docs);
    json_object_set_new(d, "color", jstr(rg_export_node_color(n, o)));
    json_object_set_new(d, "shape", jstr(cy_shape(n->type)));
    json_object_set_new(d, "size", json_real((double)(long)(200 + 600 * norm) / 10));
    put_attrs(d, &n->attrs);
    return json_pack("{s:o}", "data", d);
}

static json_t *edge_data(const rg_graph *g, size_t i)
{
    const rg_edge *e = &g->edges[i];
    json_t *d = json_object();
    char id[32];
    snprintf(id, sizeof id, "e%zu", i);
    json_object_set_new(d, "id", jstr(id));
    json_object_set_new(d, "source", jstr(g->nodes[e->source].id));
    json_object_set_new(d, "target", jstr(g->nodes[e->target].id));
    json_object_set_new(d, "key", jstr(e->key));
    json_object_set_new(d, "type", jstr(e->type));
    json_object_set_new(d, "label", jstr(e->role ? e->role : e->type));
    if (e->role) json_object_set_new(d, "role", jstr(e->role));
    if (e->date) json_object_set_new(d, "date", jstr(e->date));
    json_object_set_new(d, "weight", json_real(e->weight));
    json_object_set_new(d, "symmetric", json_boolean(rg_edge_type_symmetric(e->type)));
    json_t *ev = json_array();
    for (size_t k = 0; k < e->nevidence; k++) {
        const rg_evidence *x = &e->evidence[k];
        json_t *o = json_object();
        json_object_set_new(o, "doc", jstr(x->doc < g->ndocs ? g->docs[x->doc].id : ""));
        json_object_set_new(o, "text", jstr(x->text));
        json_array_append_new(ev, o);
    }
    json_object_set_new(d, "evidence", ev);
    put_attrs(d, &e->attrs);
    return json_pack("{s:o}", "data", d);
}

json_t *rg_cytoscape_json(rg_graph *g, const rg_export_opts *o)
{
    rg_export_opts none = {0};
    if (!o) o = &none;
    double *scores = rg_export_scores(g, o->size_by);
    double *norm = rg_export_normalise(scores, g->nnodes);
    json_t *nodes = json_array(), *edges = json_array();
    for (size_t i = 0; i < g->nnodes; i++)
        json_array_append_new(nodes, node_data(g, i, norm[i], o));
    for (size_t i = 0; i < g->nedges; i++)
        json_array_append_new(edges, edge_data(g, i));
    json_t *gd = json_object();
    json_object_set_new(gd, "name", jstr("relgraph"));
    put_attrs(gd, &g->attrs);
    if (o->size_by) json_object_set_new(gd, "size_by", jstr(o->size_by));
    if (o->color_by) json_object_set_new(gd, "color_by", jstr(o->color_by));
    free(norm);
    free(scores);
    return json_pack("{s:o,s:b,s:b,s:{s:o,s:o}}", "data", gd, "directed", 1, "multigraph", 1,
                     "elements", "nodes", nodes, "edges", edges);
}

rg_status rg_cytoscape_write(rg_graph *g, FILE *out, const rg_export_opts *opts, rg_error *err)
{
    json_t *doc = rg_cytoscape_json(g, opts);
    int rc = json_dumpf(doc, out, JSON_INDENT(1) | JSON_REAL_PRECISION(15));
    json_decref(doc);
    if (rc != 0 || fputc('\n', out) == EOF)
        return rg_error_set(err, RG_EINPUT, "write error (Cytoscape JSON)");
    return RG_OK;
}
