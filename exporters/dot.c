#include <graphviz/cgraph.h>
#include <stdlib.h>
#include <string.h>

#include "rg_export.h"

/* Per-type style: Graphviz shapes and a colour-blind-safe palette
 * (Okabe-Ito), so types stay distinguishable in print and on screen. */
static const struct {
    const char *shape, *fill;
} type_style[RG_NODE_NTYPES] = {
    [RG_NODE_PERSON] = {"ellipse", "#E69F00"},   [RG_NODE_ORGANISATION] = {"box", "#56B4E9"},
    [RG_NODE_INSTITUTION] = {"house", "#009E73"}, [RG_NODE_PLACE] = {"octagon", "#F0E442"},
    [RG_NODE_EVENT] = {"diamond", "#CC79A7"},
};

static void set(void *obj, char *name, const char *value)
{
    agsafeset(obj, name, (char *)value, "");
}

rg_status rg_dot_write(rg_graph *g, FILE *out, const rg_export_opts *opts, rg_error *err)
{
    (void)opts;
    Agraph_t *G = agopen("relgraph", Agdirected, NULL);
    set(G, "overlap", "false");
    set(G, "splines", "true");
    set(G, "fontname", "Helvetica");
    Agnode_t **nodes = rg_calloc(g->nnodes + 1, sizeof *nodes);
    for (size_t i = 0; i < g->nnodes; i++) {
        const rg_node *n = &g->nodes[i];
        nodes[i] = agnode(G, n->id, 1);
        set(nodes[i], "label", n->label);
        set(nodes[i], "shape", type_style[n->type].shape);
        set(nodes[i], "style", "filled");
        set(nodes[i], "fillcolor", type_style[n->type].fill);
        set(nodes[i], "fontname", "Helvetica");
        set(nodes[i], "type", rg_node_type_name(n->type));
    }
    for (size_t i = 0; i < g->nedges; i++) {
        const rg_edge *e = &g->edges[i];
        Agedge_t *ae = agedge(G, nodes[e->source], nodes[e->target], e->key, 1);
        char buf[64];
        set(ae, "label", e->role ? e->role : e->type);
        set(ae, "type", e->type);
        snprintf(buf, sizeof buf, "%g", e->weight);
        set(ae, "weight", buf);
        double pw = e->weight < 1 ? 1 : e->weight > 8 ? 8 : e->weight;
        snprintf(buf, sizeof buf, "%.2f", pw);
        set(ae, "penwidth", buf);
        set(ae, "fontname", "Helvetica");
        set(ae, "fontsize", "9");
        if (rg_edge_type_symmetric(e->type)) set(ae, "dir", "none");
    }
    int rc = agwrite(G, out);
    agclose(G);
    free(nodes);
    if (rc != 0) return rg_error_set(err, RG_EINPUT, "cannot write DOT");
    return RG_OK;
}
