#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rg_export_priv.h"

static void set(void *obj, char *name, const char *value)
{
    agsafeset(obj, name, (char *)value, "");
}

/* Graphviz treats labels and tooltips as escString: a backslash starts an
 * escape (\N = node name, \n = newline), so literal backslashes are doubled
 * and newlines written as \n. */
static char *esc(const char *text)
{
    rg_buf b = {0};
    rg_buf_puts(&b, "");
    char *valid = rg_export_utf8(text);
    for (const char *s = valid; *s; s++) {
        if (*s == '\\')
            rg_buf_puts(&b, "\\\\");
        else if (*s == '\n')
            rg_buf_puts(&b, "\\n");
        else if (*s != '\r')
            rg_buf_putc(&b, *s);
    }
    free(valid);
    return rg_buf_detach(&b);
}

static void set_esc(void *obj, char *name, const char *value)
{
    char *e = esc(value);
    set(obj, name, e);
    free(e);
}

/* HTML-like labels (the legend) need &, <, > and " escaped. */
static void html_text(rg_buf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&':
            rg_buf_puts(b, "&amp;");
            break;
        case '<':
            rg_buf_puts(b, "&lt;");
            break;
        case '>':
            rg_buf_puts(b, "&gt;");
            break;
        case '"':
            rg_buf_puts(b, "&quot;");
            break;
        default:
            rg_buf_putc(b, *s);
        }
    }
}

static char *node_tooltip(const rg_node *n, const rg_export_opts *o)
{
    rg_buf b = {0};
    rg_buf_printf(&b, "%s (%s)", n->label, rg_node_type_name(n->type));
    if (n->naliases > 1) {
        rg_buf_puts(&b, "\naliases: ");
        for (size_t i = 0; i < n->naliases && i < 8; i++)
            rg_buf_printf(&b, "%s%s", i ? "; " : "", n->aliases[i].name);
    }
    for (size_t i = 0; i < n->attrs.n; i++)
        rg_buf_printf(&b, "\n%s: %s", n->attrs.items[i].key, n->attrs.items[i].value);
    (void)o;
    return rg_buf_detach(&b);
}

/* Graphviz attribute names that node attributes must not overwrite. */
static bool reserved(const char *key)
{
    static const char *const names[] = {
        "label",    "shape",    "style",   "color",       "fillcolor", "width",     "height",
        "fontsize", "fontname", "tooltip", "type",        "pos",       "weight",    "penwidth",
        "dir",      "id",       "URL",     "href",        "class",     "fixedsize", "group",
        "xlabel",   "image",    "margin",  "peripheries", NULL};
    for (size_t i = 0; names[i]; i++)
        if (strcmp(names[i], key) == 0) return true;
    /* keep DOT attribute names plain identifiers */
    if (!((*key >= 'a' && *key <= 'z') || (*key >= 'A' && *key <= 'Z') || *key == '_')) return true;
    for (const char *p = key; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '_'))
            return true;
    return false;
}

static bool types_present(const rg_graph *g, bool present[RG_NODE_NTYPES])
{
    memset(present, 0, RG_NODE_NTYPES * sizeof *present);
    for (size_t i = 0; i < g->nnodes; i++)
        present[g->nodes[i].type] = true;
    return g->nnodes > 0;
}

/* Community names are numbers from the engine: numeric order, then text. */
static int cmp_community(const void *a, const void *b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    char *ex, *ey;
    double dx = strtod(x, &ex), dy = strtod(y, &ey);
    bool nx = *x && !*ex, ny = *y && !*ey;
    if (nx && ny && dx != dy) return dx < dy ? -1 : 1;
    if (nx != ny) return nx ? -1 : 1;
    return strcmp(x, y);
}

/* The legend is the graph's own HTML-like label (a table under the
 * drawing), so it works with every layout engine, clusters or not. */
static void add_legend(Agraph_t *G, const rg_graph *g, const rg_export_opts *o)
{
    bool present[RG_NODE_NTYPES];
    if (!types_present(g, present)) return;
    bool by_comm = o->color_by && strcmp(o->color_by, "community") == 0;
    rg_buf b = {0};
    rg_buf_puts(&b, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\">"
                    "<TR><TD COLSPAN=\"2\"><B>legend</B></TD></TR>");
    for (int t = 0; t < RG_NODE_NTYPES; t++) {
        if (!present[t]) continue;
        rg_buf_printf(&b, "<TR><TD BGCOLOR=\"%s\" WIDTH=\"20\"></TD><TD ALIGN=\"LEFT\">",
                      by_comm ? "#FFFFFF" : rg_export_type_color(t));
        html_text(&b, rg_node_type_name(t));
        rg_buf_printf(&b, " (%s)</TD></TR>", rg_export_type_shape(t));
    }
    if (by_comm) {
        /* one swatch per community, numerically sorted, at most 12 */
        rg_strmap seen;
        rg_strmap_init(&seen);
        const char **comms = rg_calloc(g->nnodes + 1, sizeof *comms);
        size_t nc = 0;
        for (size_t i = 0; i < g->nnodes; i++) {
            const char *c = rg_attrs_get(&g->nodes[i].attrs, "community");
            if (!c || rg_strmap_get(&seen, c, NULL)) continue;
            rg_strmap_put(&seen, c, 0);
            comms[nc++] = c;
        }
        if (nc) qsort(comms, nc, sizeof *comms, cmp_community);
        for (size_t i = 0; i < nc && i < 12; i++) {
            rg_buf_printf(&b, "<TR><TD BGCOLOR=\"%s\"></TD><TD ALIGN=\"LEFT\">community ",
                          rg_export_community_color(comms[i]));
            html_text(&b, comms[i]);
            rg_buf_puts(&b, "</TD></TR>");
        }
        if (nc > 12)
            rg_buf_printf(&b, "<TR><TD></TD><TD ALIGN=\"LEFT\">(+%zu more)</TD></TR>", nc - 12);
        free(comms);
        rg_strmap_free(&seen);
    }
    if (o->size_by) {
        rg_buf_puts(&b, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">size: ");
        html_text(&b, o->size_by);
        rg_buf_puts(&b, "</TD></TR>");
    }
    rg_buf_puts(&b, "</TABLE>");
    char *html = agstrdup_html(G, b.data);
    agsafeset(G, "label", html, "");
    agstrfree(G, html);
    set(G, "labelloc", "b");
    set(G, "labeljust", "l");
    rg_buf_free(&b);
}

/* Subgraph (cluster) for a node, or the root when not clustering. */
static Agraph_t *cluster_of(Agraph_t *G, const rg_node *n, const rg_export_opts *o)
{
    if (!o->cluster) return G;
    const char *key;
    if (strcmp(o->cluster, "type") == 0)
        key = rg_node_type_name(n->type);
    else if (!(key = rg_attrs_get(&n->attrs, "community")))
        return G;
    char *name = rg_sprintf("cluster_%s", key);
    Agraph_t *sub = agsubg(G, name, 0);
    if (!sub) {
        sub = agsubg(G, name, 1);
        char *label = rg_sprintf("%s%s", strcmp(o->cluster, "type") ? "community " : "", key);
        set_esc(sub, "label", label);
        free(label);
        set(sub, "style", "rounded");
        set(sub, "color", "#888888");
    }
    free(name);
    return sub;
}

Agraph_t *rg_dot_build(rg_graph *g, const rg_export_opts *o)
{
    Agraph_t *G = agopen("relgraph", Agdirected, NULL);
    set(G, "overlap", "false");
    /* spline routing is quadratic; straight lines keep big graphs tractable */
    set(G, "splines", g->nnodes <= 300 ? "true" : "false");
    set(G, "outputorder", "edgesfirst");
    set(G, "fontname", "Helvetica");
    Agnode_t **nodes = rg_calloc(g->nnodes + 1, sizeof *nodes);
    double *scores = o->size_by ? rg_export_scores(g, o->size_by) : NULL;
    double *norm = scores ? rg_export_normalise(scores, g->nnodes) : NULL;
    for (size_t i = 0; i < g->nnodes; i++) {
        const rg_node *n = &g->nodes[i];
        char *id = rg_export_utf8(n->id);
        nodes[i] = agnode(G, id, 1);
        free(id);
        Agraph_t *sub = cluster_of(G, n, o);
        if (sub != G) agsubnode(sub, nodes[i], 1);
        set_esc(nodes[i], "label", n->label);
        set(nodes[i], "shape", rg_export_type_shape(n->type));
        set(nodes[i], "style", "filled");
        set(nodes[i], "fillcolor", rg_export_node_color(n, o));
        set(nodes[i], "fontname", "Helvetica");
        set(nodes[i], "type", rg_node_type_name(n->type));
        char *tip = node_tooltip(n, o);
        set_esc(nodes[i], "tooltip", tip);
        free(tip);
        if (norm) {
            char buf[32];
            snprintf(buf, sizeof buf, "%.2f", 0.5 + 1.5 * norm[i]);
            set(nodes[i], "width", buf);
            snprintf(buf, sizeof buf, "%.2f", 0.3 + 0.9 * norm[i]);
            set(nodes[i], "height", buf);
            snprintf(buf, sizeof buf, "%.1f", 10 + 10 * norm[i]);
            set(nodes[i], "fontsize", buf);
        }
        for (size_t a = 0; a < n->attrs.n; a++)
            if (!reserved(n->attrs.items[a].key))
                set_esc(nodes[i], n->attrs.items[a].key, n->attrs.items[a].value);
    }
    for (size_t i = 0; i < g->nedges; i++) {
        const rg_edge *e = &g->edges[i];
        Agedge_t *ae = agedge(G, nodes[e->source], nodes[e->target], e->key, 1);
        char buf[64];
        set_esc(ae, "label", e->role ? e->role : e->type);
        set(ae, "type", e->type);
        /* dot wants integer weights >= 0; the exact weight is in the tooltip */
        long iw = e->weight >= 1 ? lround(e->weight) : 1;
        snprintf(buf, sizeof buf, "%ld", iw > 1000 ? 1000 : iw);
        set(ae, "weight", buf);
        double pw = e->weight < 1 ? 1 : e->weight > 8 ? 8 : e->weight;
        snprintf(buf, sizeof buf, "%.2f", pw);
        set(ae, "penwidth", buf);
        set(ae, "fontname", "Helvetica");
        set(ae, "fontsize", "9");
        if (rg_edge_type_symmetric(e->type)) set(ae, "dir", "none");
        if (e->date) set(ae, "date", e->date);
        /* the tooltip carries why the edge exists: its evidence sentences */
        char *ev = rg_export_evidence(g, e, 3);
        char wbuf[32];
        snprintf(wbuf, sizeof wbuf, "%g", e->weight);
        char *tip = rg_sprintf("%s %s %s (weight %s)%s%s", g->nodes[e->source].label,
                               e->role ? e->role : e->type, g->nodes[e->target].label, wbuf,
                               *ev ? "\n" : "", ev);
        set_esc(ae, "tooltip", tip);
        free(tip);
        free(ev);
    }
    if (!o->no_legend) add_legend(G, g, o);
    free(norm);
    free(scores);
    free(nodes);
    return G;
}

rg_status rg_dot_write(rg_graph *g, FILE *out, const rg_export_opts *opts, rg_error *err)
{
    rg_export_opts none = {0};
    Agraph_t *G = rg_dot_build(g, opts ? opts : &none);
    int rc = agwrite(G, out);
    agclose(G);
    if (rc != 0) return rg_error_set(err, RG_EINPUT, "cannot write DOT");
    return RG_OK;
}
