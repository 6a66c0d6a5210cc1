/* GraphML with typed attribute keys (<key attr.type="double">), readable by
 * yEd, Gephi, igraph and networkx. Structure: one directed <graph>, node ids
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

rg_status rg_graphml_write(rg_graph *g, FILE *f, const rg_export_opts *opts, rg_error *err)
{
    (void)opts;
    size_t nnk, nek;
    rg_export_key *nk = rg_export_attr_keys(g, false, node_fixed, &nnk);
    rg_export_key *ek = rg_export_attr_keys(g, true, edge_fixed, &nek);
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
          "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
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
        key_line(f, id, "node", nk[i].name, nk[i].numeric ? "double" : "string");
    }
    key_line(f, "e_type", "edge", "type", "string");
    key_line(f, "e_role", "edge", "role", "string");
    key_line(f, "e_date", "edge", "date", "string");
    key_line(f, "e_weight", "edge", "weight", "double");
    key_line(f, "e_key", "edge", "key", "string");
    key_line(f, "e_evidence", "edge", "evidence", "string");
    key_line(f, "e_symmetric", "edge", "symmetric", "boolean");
    for (size_t i = 0; i < nek; i++) {
        snprintf(id, sizeof id, "ea%zu", i);
        key_line(f, id, "edge", ek[i].name, ek[i].numeric ? "double" : "string");
    }
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
        fputs("    </edge>\n", f);
    }
    fputs("  </graph>\n</graphml>\n", f);
    free(nk);
    free(ek);
    if (ferror(f)) return rg_error_set(err, RG_EINPUT, "write error (GraphML)");
    return RG_OK;
}
