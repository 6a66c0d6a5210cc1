/* relgraph stats GRAPH: counts by type, density, components, diameter. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rg_analysis.h"

static const char usage[] =
    "usage: relgraph stats GRAPH... [options]\n"
    "\n"
    "Summarises a graph: nodes by type, edges by relation type, documents, and for\n"
    "the analysed view (actors by default) its links, density, mean degree,\n"
    "connected components, diameter (longest shortest path, in links, within a\n"
    "component), transitivity and largest k-core.\n"
    "\n"
    "  -f, --format F       table (default) or json\n"
    "      --directed       directed view (needs --graph full)\n"
    "  -g, --graph G        actors (default), full, bipartite\n"
    "  -e, --edges LIST     only these edge types\n"
    "      --since DATE     drop edges dated before DATE\n"
    "      --until DATE     drop edges dated after DATE\n"
    "      --min-weight W   drop links lighter than W\n"
    "  -q, --quiet          no warnings\n";

enum { O_FORMAT, O_DIRECTED, O_GRAPH, O_EDGES, O_SINCE, O_UNTIL, O_MINW, O_QUIET, O_N };
static const rg_opt opts[O_N] = {
    [O_FORMAT] = {"format", 'f', true}, [O_DIRECTED] = {"directed", 0, false},
    [O_GRAPH] = {"graph", 'g', true},   [O_EDGES] = {"edges", 'e', true},
    [O_SINCE] = {"since", 0, true},     [O_UNTIL] = {"until", 0, true},
    [O_MINW] = {"min-weight", 0, true}, [O_QUIET] = {"quiet", 'q', false},
};

extern const rg_command rg_cmd_stats;

typedef struct count {
    const char *name;
    size_t n;
} count;

static int cmp_count(const void *a, const void *b)
{
    return strcmp(((const count *)a)->name, ((const count *)b)->name);
}

/* Edge counts by relation type, sorted by type name. */
static count *edge_types(const rg_graph *g, size_t *nc)
{
    rg_strmap m;
    rg_strmap_init(&m);
    count *c = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < g->nedges; i++) {
        uint32_t k;
        if (!rg_strmap_get(&m, g->edges[i].type, &k)) {
            k = (uint32_t)n;
            rg_strmap_put(&m, g->edges[i].type, k);
            *RG_PUSH(c, n, cap) = (count){g->edges[i].type, 0};
        }
        c[k].n++;
    }
    rg_strmap_free(&m);
    if (n) qsort(c, n, sizeof *c, cmp_count);
    *nc = n;
    return c;
}

static void print_stats(const rg_graph *g, const rg_view *v, const rg_view_stats *s, bool json)
{
    size_t bytype[RG_NODE_NTYPES] = {0}, nc;
    for (size_t i = 0; i < g->nnodes; i++)
        bytype[g->nodes[i].type]++;
    count *c = edge_types(g, &nc);
    if (json) {
        json_t *root = json_object(), *nt = json_object(), *et = json_object(), *vw = json_object();
        json_object_set_new(root, "nodes", json_integer((json_int_t)g->nnodes));
        json_object_set_new(root, "edges", json_integer((json_int_t)g->nedges));
        json_object_set_new(root, "documents", json_integer((json_int_t)g->ndocs));
        for (int t = 0; t < RG_NODE_NTYPES; t++)
            json_object_set_new(nt, rg_node_type_name((rg_node_type)t),
                                json_integer((json_int_t)bytype[t]));
        json_object_set_new(root, "node_types", nt);
        for (size_t i = 0; i < nc; i++)
            json_object_set_new(et, c[i].name, json_integer((json_int_t)c[i].n));
        json_object_set_new(root, "edge_types", et);
        json_object_set_new(vw, "graph", json_string(rg_view_kind_name(v->kind)));
        json_object_set_new(vw, "directed", json_boolean(v->directed));
        json_object_set_new(vw, "nodes", json_integer((json_int_t)s->n));
        json_object_set_new(vw, "links", json_integer((json_int_t)s->m));
        json_object_set_new(vw, "density", json_real(s->density));
        json_object_set_new(vw, "mean_degree", json_real(s->mean_degree));
        json_object_set_new(vw, "components", json_integer((json_int_t)s->components));
        json_object_set_new(vw, "largest_component", json_integer((json_int_t)s->largest));
        json_object_set_new(vw, "diameter",
                            isfinite(s->diameter) ? json_real(s->diameter) : json_null());
        json_object_set_new(vw, "transitivity", json_real(s->transitivity));
        json_object_set_new(vw, "max_core", json_integer(s->max_core));
        json_object_set_new(root, "view", vw);
        json_dumpf(root, stdout, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17));
        putchar('\n');
        json_decref(root);
    } else {
        printf("nodes        %zu\n", g->nnodes);
        for (int t = 0; t < RG_NODE_NTYPES; t++)
            printf("  %-18s %zu\n", rg_node_type_name((rg_node_type)t), bytype[t]);
        printf("edges        %zu\n", g->nedges);
        for (size_t i = 0; i < nc; i++)
            printf("  %-18s %zu\n", c[i].name, c[i].n);
        printf("documents    %zu\n", g->ndocs);
        printf("%s graph%s\n", rg_view_kind_name(v->kind), v->directed ? " (directed)" : "");
        printf("  nodes              %zu\n", s->n);
        printf("  links              %zu\n", s->m);
        printf("  density            %.6g\n", s->density);
        printf("  mean degree        %.6g\n", s->mean_degree);
        printf("  components         %zu (largest %zu)\n", s->components, s->largest);
        if (isfinite(s->diameter))
            printf("  diameter           %g\n", s->diameter);
        else
            printf("  diameter           undefined (no nodes)\n");
        printf("  transitivity       %.6g\n", s->transitivity);
        printf("  largest k-core     %d\n", s->max_core);
    }
    free(c);
}

static int run(int argc, char **argv)
{
    const rg_command *cmd = &rg_cmd_stats;
    rg_args a;
    int rc = rg_parse_args(cmd, argc, argv, opts, O_N, &a);
    if (rc) return rc < 0 ? 0 : rc;
    rg_set_quiet(a.values[O_QUIET] != NULL);
    const char *fmt = a.values[O_FORMAT] ? a.values[O_FORMAT] : "table";
    rg_error err = {0};
    rg_view_opts vo;
    if (a.npositional == 0)
        rc = rg_usage_error(cmd, "expected a GRAPH file");
    else if (strcmp(fmt, "table") && strcmp(fmt, "json"))
        rc = rg_usage_error(cmd, "unknown format '%s' (table, json)", fmt);
    else if (rg_view_opts_parse(&vo, a.values[O_GRAPH], a.values[O_EDGES], a.values[O_SINCE],
                                a.values[O_UNTIL], a.values[O_MINW], a.values[O_DIRECTED] != NULL,
                                false, &err))
        rc = rg_usage_error(cmd, "%s", err.msg);
    else if (vo.directed && vo.kind != RG_VIEW_FULL)
        rc = rg_usage_error(cmd, "--directed needs --graph full");
    rg_graph g;
    if (rc == 0) {
        if (rg_analysis_load_scores(&g, a.positional, a.npositional, &err)) {
            rc = rg_fail(1, "%s", err.msg);
        } else {
            rg_view v;
            rg_view_stats s;
            if (rg_view_build(&v, &g, &vo, &err)) {
                rc = rg_fail(err.code, "%s", err.msg);
            } else {
                if (rg_view_stats_compute(&v, &s, &err))
                    rc = rg_fail(1, "%s", err.msg);
                else
                    print_stats(&g, &v, &s, strcmp(fmt, "json") == 0);
                rg_view_free(&v);
            }
            rg_graph_free(&g);
        }
    }
    rg_args_free(&a, O_N);
    return rc;
}

const rg_command rg_cmd_stats = {"stats", "counts by type, density, components, diameter", usage,
                                 run};
