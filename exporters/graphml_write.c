/* GraphML with typed attribute keys (<key attr.type="double">), readable by
 * yEd, Gephi, igraph and networkx. For yEd, each node and edge also carries
 * yFiles graphics (y:ShapeNode: label, fill colour, shape, size by the
 * --size-by score, nodes on a grid so they do not open stacked; edge label
 * and arrow), which other readers ignore (networkx takes the label, shape
 * and position from it). Structure: one directed <graph>, node ids
 * as in relgraph, edges numbered e0.. in canonical order (parallel edges
 * allowed), relgraph's own edge key kept as the "key" data. */
#include <stdlib.h>
#include <string.h>

#include "rg_export_priv.h"

static const char *const node_fixed[] = {"label", "type", "aliases", "mentions", "documents", NULL};
static const char *const edge_fixed[] = {"type", "role",     "date",      "weight",
                                         "key",  "evidence", "symmetric", NULL};

static void key_line(FILE *f, const char *id, const char *dom, const char *name, const char *type)
{
    fprintf(f, "  <key id=\"%s\" for=\"%s\" attr.name=\"", id, dom);
    rg_export_xml_text(f, name);
    fprintf(f, "\" attr.type=\"%s\"/>\n", type);
}

static void data(FILE *f, const char *indent, const char *key, const char *value)
{
    fprintf(f, "%s<data key=\"%s\">", indent, key);
    rg_export_xml_text(f, value);
    fputs("</data>\n", f);
}

/* yEd has no "house" shape: institutions are hexagons there. */
static const char *yed_shape(rg_node_type t)
{
    static const char *const shapes[RG_NODE_NTYPES] = {[RG_NODE_PERSON] = "ellipse",
                                                       [RG_NODE_ORGANISATION] = "rectangle",
                                                       [RG_NODE_INSTITUTION] = "hexagon",
                                                       [RG_NODE_PLACE] = "octagon",
                                                       [RG_NODE_EVENT] = "diamond"};
    return (unsigned)t < RG_NODE_NTYPES ? shapes[t] : "ellipse";
}

static void yed_node(FILE *f, const rg_node *n, double norm, size_t i, size_t cols,
                     const rg_export_opts *opts)
{
    double size = 30 + 60 * norm;
    fprintf(f,
            "      <data key=\"n_yfiles\"><y:ShapeNode><y:Geometry height=\"%.1f\" "
            "width=\"%.1f\" x=\"%zu\" y=\"%zu\"/><y:Fill color=\"%s\" transparent=\"false\"/>"
            "<y:NodeLabel>",
            size, size, (i % cols) * 150, (i / cols) * 150, rg_export_node_color(n, opts));
    rg_export_xml_text(f, n->label);
    fprintf(f, "</y:NodeLabel><y:Shape type=\"%s\"/></y:ShapeNode></data>\n", yed_shape(n->type));
}

rg_status rg_graphml_write(rg_graph *g, FILE *f, const rg_export_opts *opts, rg_error *err)
{
    rg_export_opts none = {0};
    if (!opts) opts = &none;
    double *scores = rg_export_scores(g, opts->size_by);
    double *norm = rg_export_normalise(scores, g->nnodes);
    size_t cols = 1;
    while (cols * cols < g->nnodes)
        cols++;
    size_t nnk, nek;
    rg_export_key *nk = rg_export_attr_keys(g, false, node_fixed, &nnk);
    rg_export_key *ek = rg_export_attr_keys(g, true, edge_fixed, &nek);
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
          "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
          "xmlns:y=\"http://www.yworks.com/xml/graphml\" "
          "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
          f);
    /* fixed keys: n_* for nodes, e_* for edges, g_* graph; attributes na*, ea* */
    key_line(f, "n_label", "node", "label", "string");
    key_line(f, "n_type", "node", "type", "string");
    key_line(f, "n_aliases", "node", "aliases", "string");
    key_line(f, "n_mentions", "node", "mentions", "int");
    key_line(f, "n_documents", "node", "documents", "string");
    char id[32];
    for (size_t i = 0; i < nnk; i++) {
        snprintf(id, sizeof id, "na%zu", i);
        key_line(f, id, "node", nk[i].name,
                 nk[i].integer   ? "long"
                 : nk[i].numeric ? "double"
                                 : "string");
    }
    fputs("  <key id=\"n_yfiles\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n", f);
    key_line(f, "e_type", "edge", "type", "string");
    key_line(f, "e_role", "edge", "role", "string");
    key_line(f, "e_date", "edge", "date", "string");
    key_line(f, "e_weight", "edge", "weight", "double");
    key_line(f, "e_key", "edge", "key", "string");
    key_line(f, "e_evidence", "edge", "evidence", "string");
    key_line(f, "e_symmetric", "edge", "symmetric", "boolean");
    for (size_t i = 0; i < nek; i++) {
        snprintf(id, sizeof id, "ea%zu", i);
        key_line(f, id, "edge", ek[i].name,
                 ek[i].integer   ? "long"
                 : ek[i].numeric ? "double"
                                 : "string");
    }
    fputs("  <key id=\"e_yfiles\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n", f);
    for (size_t i = 0; i < g->attrs.n; i++) {
        snprintf(id, sizeof id, "g%zu", i);
        key_line(f, id, "graph", g->attrs.items[i].key, "string");
    }
    fputs("  <graph id=\"relgraph\" edgedefault=\"directed\">\n", f);
    for (size_t i = 0; i < g->attrs.n; i++) {
        snprintf(id, sizeof id, "g%zu", i);
        data(f, "    ", id, g->attrs.items[i].value);
    }
    for (size_t i = 0; i < g->nnodes; i++) {
        const rg_node *n = &g->nodes[i];
        fputs("    <node id=\"", f);
        rg_export_xml_text(f, n->id);
        fputs("\">\n", f);
        data(f, "      ", "n_label", n->label);
        data(f, "      ", "n_type", rg_node_type_name(n->type));
        rg_buf b = {0};
        rg_buf_puts(&b, "");
        for (size_t a = 0; a < n->naliases; a++)
            rg_buf_printf(&b, "%s%s", a ? "; " : "", n->aliases[a].name);
        data(f, "      ", "n_aliases", b.data);
        fprintf(f, "      <data key=\"n_mentions\">%u</data>\n", n->mention_count);
        b.len = 0;
        b.data[0] = 0;
        for (size_t d = 0; d < n->ndocs; d++)
            rg_buf_printf(&b, "%s%s", d ? "; " : "", g->docs[n->docs[d]].id);
        data(f, "      ", "n_documents", b.data);
        rg_buf_free(&b);
        for (size_t k = 0; k < nnk; k++) {
            const char *v = rg_attrs_get(&n->attrs, nk[k].name);
            if (!v) continue;
            snprintf(id, sizeof id, "na%zu", k);
            data(f, "      ", id, v);
        }
        yed_node(f, n, norm[i], i, cols, opts);
        fputs("    </node>\n", f);
    }
    for (size_t i = 0; i < g->nedges; i++) {
        const rg_edge *e = &g->edges[i];
        fprintf(f, "    <edge id=\"e%zu\" source=\"", i);
        rg_export_xml_text(f, g->nodes[e->source].id);
        fputs("\" target=\"", f);
        rg_export_xml_text(f, g->nodes[e->target].id);
        fputs("\">\n", f);
        data(f, "      ", "e_type", e->type);
        if (e->role) data(f, "      ", "e_role", e->role);
        if (e->date) data(f, "      ", "e_date", e->date);
        char num[32];
        fprintf(f, "      <data key=\"e_weight\">%s</data>\n", rg_export_num(num, e->weight));
        data(f, "      ", "e_key", e->key);
        char *ev = rg_export_evidence(g, e, 1000);
        if (*ev) data(f, "      ", "e_evidence", ev);
        free(ev);
        data(f, "      ", "e_symmetric", rg_edge_type_symmetric(e->type) ? "true" : "false");
        for (size_t k = 0; k < nek; k++) {
            const char *v = rg_attrs_get(&e->attrs, ek[k].name);
            if (!v) continue;
            snprintf(id, sizeof id, "ea%zu", k);
            data(f, "      ", id, v);
        }
        fputs("      <data key=\"e_yfiles\"><y:PolyLineEdge><y:Arrows source=\"none\" "
              "target=\"",
              f);
        fputs(rg_edge_type_symmetric(e->type) ? "none" : "standard", f);
        fputs("\"/><y:EdgeLabel>", f);
        rg_export_xml_text(f, e->role ? e->role : e->type);
        fputs("</y:EdgeLabel></y:PolyLineEdge></data>\n", f);
        fputs("    </edge>\n", f);
    }
    fputs("  </graph>\n</graphml>\n", f);
    free(nk);
    free(ek);
    free(norm);
    free(scores);
    if (ferror(f)) return rg_error_set(err, RG_EINPUT, "write error (GraphML)");
    return RG_OK;
}
