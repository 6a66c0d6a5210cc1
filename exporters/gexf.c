/* GEXF 1.3 (gexf.net/1.3) for Gephi: typed attributes (<attributes
 * class="node">), viz:color by type or community and viz:size by the
 * --size-by score (degree when none), edge weights and parallel edges with
 * unique ids. No <meta lastmodifieddate>, so the output is reproducible. */
#include <stdlib.h>
#include <string.h>

#include "rg_export_priv.h"

static const char *const node_fixed[] = {"type", "aliases", "mentions", "documents", "label", NULL};
static const char *const edge_fixed[] = {"type",     "role",      "date",  "weight", "key",
                                         "evidence", "symmetric", "label", NULL};

static void attr_decl(FILE *f, const char *id, const char *title, const char *type)
{
    fprintf(f, "      <attribute id=\"%s\" title=\"", id);
    rg_export_xml_text(f, title);
    fprintf(f, "\" type=\"%s\"/>\n", type);
}

static void attval(FILE *f, const char *id, const char *value)
{
    fprintf(f, "          <attvalue for=\"%s\" value=\"", id);
    rg_export_xml_text(f, value);
    fputs("\"/>\n", f);
}

static void rgb(const char *hex, unsigned *r, unsigned *g, unsigned *b)
{
    *r = *g = *b = 0xBB;
    if (hex && hex[0] == '#' && strlen(hex) == 7) sscanf(hex + 1, "%2x%2x%2x", r, g, b);
}

rg_status rg_gexf_write(rg_graph *g, FILE *f, const rg_export_opts *opts, rg_error *err)
{
    rg_export_opts none = {0};
    if (!opts) opts = &none;
    size_t nnk, nek;
    rg_export_key *nk = rg_export_attr_keys(g, false, node_fixed, &nnk);
    rg_export_key *ek = rg_export_attr_keys(g, true, edge_fixed, &nek);
    double *scores = rg_export_scores(g, opts->size_by);
    double *norm = rg_export_normalise(scores, g->nnodes);
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
          "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
          "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
          "version=\"1.3\">\n",
          f);
    fputs("  <meta>\n    <creator>relgraph " RG_VERSION "</creator>\n  </meta>\n", f);
    fputs("  <graph defaultedgetype=\"directed\" mode=\"static\">\n", f);
    fputs("    <attributes class=\"node\" mode=\"static\">\n", f);
    attr_decl(f, "type", "type", "string");
    attr_decl(f, "aliases", "aliases", "string");
    attr_decl(f, "mentions", "mentions", "integer");
    attr_decl(f, "documents", "documents", "string");
    char id[32], num[32];
    for (size_t i = 0; i < nnk; i++) {
        snprintf(id, sizeof id, "na%zu", i);
        attr_decl(f, id, nk[i].name, nk[i].numeric ? "double" : "string");
    }
    fputs("    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n", f);
    attr_decl(f, "type", "type", "string");
    attr_decl(f, "role", "role", "string");
    attr_decl(f, "date", "date", "string");
    /* not "key": networkx passes attribute names as add_edge() keywords */
    attr_decl(f, "key", "edge_key", "string");
    attr_decl(f, "evidence", "evidence", "string");
    attr_decl(f, "symmetric", "symmetric", "boolean");
    for (size_t i = 0; i < nek; i++) {
        snprintf(id, sizeof id, "ea%zu", i);
        attr_decl(f, id, ek[i].name, ek[i].numeric ? "double" : "string");
    }
    fputs("    </attributes>\n    <nodes>\n", f);
    for (size_t i = 0; i < g->nnodes; i++) {
        const rg_node *n = &g->nodes[i];
        fputs("      <node id=\"", f);
        rg_export_xml_text(f, n->id);
        fputs("\" label=\"", f);
        rg_export_xml_text(f, n->label);
        fputs("\">\n        <attvalues>\n", f);
        attval(f, "type", rg_node_type_name(n->type));
        rg_buf b = {0};
        rg_buf_puts(&b, "");
        for (size_t a = 0; a < n->naliases; a++)
            rg_buf_printf(&b, "%s%s", a ? "; " : "", n->aliases[a].name);
        attval(f, "aliases", b.data);
        snprintf(num, sizeof num, "%u", n->mention_count);
        attval(f, "mentions", num);
        b.len = 0;
        b.data[0] = 0;
        for (size_t d = 0; d < n->ndocs; d++)
            rg_buf_printf(&b, "%s%s", d ? "; " : "", g->docs[n->docs[d]].id);
        attval(f, "documents", b.data);
        rg_buf_free(&b);
        for (size_t k = 0; k < nnk; k++) {
            const char *v = rg_attrs_get(&n->attrs, nk[k].name);
            if (!v) continue;
            snprintf(id, sizeof id, "na%zu", k);
            attval(f, id, v);
        }
        fputs("        </attvalues>\n", f);
        unsigned r, gr, bl;
        rgb(rg_export_node_color(n, opts), &r, &gr, &bl);
        fprintf(f, "        <viz:color r=\"%u\" g=\"%u\" b=\"%u\"/>\n", r, gr, bl);
        fprintf(f, "        <viz:size value=\"%s\"/>\n", rg_export_num(num, 5 + 35 * norm[i]));
        fputs("      </node>\n", f);
    }
    fputs("    </nodes>\n    <edges>\n", f);
    for (size_t i = 0; i < g->nedges; i++) {
        const rg_edge *e = &g->edges[i];
        fprintf(f, "      <edge id=\"%zu\" source=\"", i);
        rg_export_xml_text(f, g->nodes[e->source].id);
        fputs("\" target=\"", f);
        rg_export_xml_text(f, g->nodes[e->target].id);
        fputs("\" label=\"", f);
        rg_export_xml_text(f, e->role ? e->role : e->type);
        fprintf(f, "\" weight=\"%s\">\n        <attvalues>\n", rg_export_num(num, e->weight));
        attval(f, "type", e->type);
        if (e->role) attval(f, "role", e->role);
        if (e->date) attval(f, "date", e->date);
        attval(f, "key", e->key);
        char *ev = rg_export_evidence(g, e, 1000);
        if (*ev) attval(f, "evidence", ev);
        free(ev);
        attval(f, "symmetric", rg_edge_type_symmetric(e->type) ? "true" : "false");
        for (size_t k = 0; k < nek; k++) {
            const char *v = rg_attrs_get(&e->attrs, ek[k].name);
            if (!v) continue;
            snprintf(id, sizeof id, "ea%zu", k);
            attval(f, id, v);
        }
        fputs("        </attvalues>\n      </edge>\n", f);
    }
    fputs("    </edges>\n  </graph>\n</gexf>\n", f);
    free(nk);
    free(ek);
    free(norm);
    free(scores);
    if (ferror(f)) return rg_error_set(err, RG_EINPUT, "write error (GEXF)");
    return RG_OK;
}
