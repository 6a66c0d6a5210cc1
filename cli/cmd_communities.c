/* relgraph communities GRAPH --method M [-o OUT.json] */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rg_analysis.h"
#include "rg_export.h"

static const char usage[] =
    "usage: relgraph communities GRAPH [--method M] [-o OUT] [options]\n"
    "\n"
    "Partitions the actors into communities, prints each node's community and the\n"
    "partition's modularity, and with -o writes the graph back with a 'community'\n"
    "attribute on each node (exporters colour by it). Randomised methods use a\n"
    "fixed seed: the same graph gives the same partition.\n"
    "\n"
    "  -m, --method M       leiden (default; modularity, resolution 1), louvain,\n"
    "                       label-propagation, components (connected components)\n"
    "  -o, --output FILE    write the graph with community attributes (.json or .dot)\n"
    "  -f, --format F       what to print: table (default), csv (id,label,type,community),\n"
    "                       json, none\n"
    "  -w, --weighted       use link weights\n"
    "  -g, --graph G        actors (default), full, bipartite\n"
    "  -e, --edges LIST     only these edge types\n"
    "      --since DATE     drop edges dated before DATE\n"
    "      --until DATE     drop edges dated after DATE\n"
    "      --min-weight W   drop links lighter than W\n"
    "  -q, --quiet          no warnings\n";

enum {
    O_METHOD,
    O_OUT,
    O_FORMAT,
    O_WEIGHTED,
    O_GRAPH,
    O_EDGES,
    O_SINCE,
    O_UNTIL,
    O_MINW,
    O_QUIET,
    O_N
};
static const rg_opt opts[O_N] = {
    [O_METHOD] = {"method", 'm', true}, [O_OUT] = {"output", 'o', true},
    [O_FORMAT] = {"format", 'f', true}, [O_WEIGHTED] = {"weighted", 'w', false},
    [O_GRAPH] = {"graph", 'g', true},   [O_EDGES] = {"edges", 'e', true},
    [O_SINCE] = {"since", 0, true},     [O_UNTIL] = {"until", 0, true},
    [O_MINW] = {"min-weight", 0, true}, [O_QUIET] = {"quiet", 'q', false},
};

extern const rg_command rg_cmd_communities;

static const char *format_of(const char *path)
{
    const char *dot = strrchr(path, '.');
    return dot && strcmp(dot, ".dot") == 0 ? "dot" : "json";
}

static void print_result(const rg_graph *g, const char *fmt, const char *method, double q,
                         size_t ncomm)
{
    const char *qs = isfinite(q) ? "" : " (undefined: no links)";
    if (strcmp(fmt, "none") == 0) return;
    if (strcmp(fmt, "json") == 0) {
        json_t *root = json_object(), *mem = json_array();
        json_object_set_new(root, "method", json_string(method));
        json_object_set_new(root, "modularity", isfinite(q) ? json_real(q) : json_null());
        json_object_set_new(root, "communities", json_integer((json_int_t)ncomm));
        for (size_t i = 0; i < g->nnodes; i++) {
            const char *c = rg_attrs_get(&g->nodes[i].attrs, "community");
            if (!c) continue;
            json_t *o = json_object();
            json_object_set_new(o, "id", json_string(g->nodes[i].id));
            json_object_set_new(o, "label", json_string(g->nodes[i].label));
            json_object_set_new(o, "type", json_string(rg_node_type_name(g->nodes[i].type)));
            json_object_set_new(o, "community", json_integer(atoll(c)));
            json_array_append_new(mem, o);
        }
        json_object_set_new(root, "membership", mem);
        json_dumpf(root, stdout, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17));
        fputc('\n', stdout);
        json_decref(root);
        return;
    }
    bool csv = strcmp(fmt, "csv") == 0;
    if (csv)
        puts("id,label,type,community");
    else
        printf("# %s: %zu communities, modularity %.6f%s\n", method, ncomm, q, qs);
    for (size_t i = 0; i < g->nnodes; i++) {
        const char *c = rg_attrs_get(&g->nodes[i].attrs, "community");
        if (!c) continue;
        const rg_node *n = &g->nodes[i];
        if (csv) {
            bool quote = strpbrk(n->label, ",\"\n") != NULL;
            printf("%s,", n->id);
            if (quote) {
                putchar('"');
                for (const char *p = n->label; *p; p++) {
                    if (*p == '"') putchar('"');
                    putchar(*p);
                }
                putchar('"');
            } else {
                fputs(n->label, stdout);
            }
            printf(",%s,%s\n", rg_node_type_name(n->type), c);
        } else {
            printf("%4s  %-12s  %s  (%s)\n", c, rg_node_type_name(n->type), n->label, n->id);
        }
    }
}

static int run(int argc, char **argv)
{
    const rg_command *cmd = &rg_cmd_communities;
    rg_args a;
    int rc = rg_parse_args(cmd, argc, argv, opts, O_N, &a);
    if (rc) return rc < 0 ? 0 : rc;
    rg_set_quiet(a.values[O_QUIET] != NULL);
    const char *method = a.values[O_METHOD] ? a.values[O_METHOD] : "leiden";
    const char *fmt = a.values[O_FORMAT] ? a.values[O_FORMAT] : "table";
    rg_error err = {0};
    rg_view_opts vo;
    if (a.npositional != 1)
        rc = rg_usage_error(cmd, "expected one GRAPH file");
    else if (!rg_community_method_known(method))
        rc = rg_usage_error(cmd,
                            "unknown method '%s' (leiden, louvain, label-propagation, "
                            "components)",
                            method);
    else if (strcmp(fmt, "table") && strcmp(fmt, "csv") && strcmp(fmt, "json") &&
             strcmp(fmt, "none"))
        rc = rg_usage_error(cmd, "unknown format '%s' (table, csv, json, none)", fmt);
    else if (rg_view_opts_parse(&vo, a.values[O_GRAPH], a.values[O_EDGES], a.values[O_SINCE],
                                a.values[O_UNTIL], a.values[O_MINW], false,
                                a.values[O_WEIGHTED] != NULL, &err))
        rc = rg_usage_error(cmd, "%s", err.msg);
    rg_graph g;
    if (rc == 0 &&
        (rc = rg_analysis_load(&g, a.positional[0], &err) ? rg_fail(1, "%s", err.msg) : 0) == 0) {
        double q;
        if (rg_analysis_store_communities_view(&g, method, &vo, &q, &err)) {
            rc = rg_fail(err.code, "%s: %s", a.positional[0], err.msg);
        } else {
            size_t ncomm = 0;
            for (size_t i = 0; i < g.nnodes; i++) {
                const char *c = rg_attrs_get(&g.nodes[i].attrs, "community");
                if (c && (size_t)atoll(c) + 1 > ncomm) ncomm = (size_t)atoll(c) + 1;
            }
            print_result(&g, fmt, method, q, ncomm);
            if (a.values[O_OUT] &&
                rg_export(&g, format_of(a.values[O_OUT]), a.values[O_OUT], NULL, &err))
                rc = rg_fail(1, "%s", err.msg);
        }
        rg_graph_free(&g);
    }
    rg_args_free(&a, O_N);
    return rc;
}

const rg_command rg_cmd_communities = {"communities", "find communities (leiden, louvain, ...)",
                                       usage, run};
