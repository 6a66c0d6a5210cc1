/* relgraph ego GRAPH A --radius N -o OUT: the neighbourhood of one actor. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rg_analysis.h"
#include "rg_export.h"

static const char usage[] =
    "usage: relgraph ego GRAPH A [--radius N] -o OUT [options]\n"
    "\n"
    "Writes the subgraph of the nodes within N links of A (an id, label or alias),\n"
    "with every relation among them and its evidence. In the actor graph the events\n"
    "two selected actors share are kept too. OUT is relgraph JSON, or DOT when it\n"
    "ends in .dot.\n"
    "\n"
    "  -r, --radius N       links away from A (default 1)\n"
    "  -o, --output FILE    where to write ('-' for stdout JSON); required\n"
    "  -g, --graph G        actors (default), full, bipartite\n"
    "  -e, --edges LIST     only these edge types count as links\n"
    "      --since DATE     drop edges dated before DATE\n"
    "      --until DATE     drop edges dated after DATE\n"
    "      --min-weight W   drop links lighter than W\n"
    "  -q, --quiet          no warnings\n";

enum { O_RADIUS, O_OUT, O_GRAPH, O_EDGES, O_SINCE, O_UNTIL, O_MINW, O_QUIET, O_N };
static const rg_opt opts[O_N] = {
    [O_RADIUS] = {"radius", 'r', true}, [O_OUT] = {"output", 'o', true},
    [O_GRAPH] = {"graph", 'g', true},   [O_EDGES] = {"edges", 'e', true},
    [O_SINCE] = {"since", 0, true},     [O_UNTIL] = {"until", 0, true},
    [O_MINW] = {"min-weight", 0, true}, [O_QUIET] = {"quiet", 'q', false},
};

extern const rg_command rg_cmd_ego;

static int write_ego(const rg_args *a, const rg_view_opts *vo, unsigned radius)
{
    rg_error err = {0};
    rg_graph g;
    if (rg_analysis_load(&g, a->positional[0], &err)) return rg_fail(1, "%s", err.msg);
    uint32_t center;
    rg_view v;
    int rc = 0;
    if (rg_resolve_name(&g, a->positional[1], &center, &err)) {
        rc = rg_fail(1, "%s: %s", a->positional[0], err.msg);
    } else if (rg_view_build(&v, &g, vo, &err)) {
        rc = rg_fail(err.code, "%s", err.msg);
    } else {
        size_t n;
        uint32_t *keep = rg_view_ego(&v, &g, center, radius, &n);
        if (!keep) {
            rc = rg_fail(1, "'%s' (%s) is not in the %s graph", g.nodes[center].id,
                         rg_node_type_name(g.nodes[center].type), rg_view_kind_name(v.kind));
        } else {
            rg_graph sub;
            rg_graph_init(&sub);
            rg_graph_subgraph(&sub, &g, keep, n);
            const char *out = a->values[O_OUT], *dot = strrchr(out, '.');
            const char *fmt = dot && strcmp(dot, ".dot") == 0 ? "dot" : "json";
            if (rg_export(&sub, fmt, out, NULL, &err)) rc = rg_fail(1, "%s", err.msg);
            rg_graph_free(&sub);
            free(keep);
        }
        rg_view_free(&v);
    }
    rg_graph_free(&g);
    return rc;
}

static int run(int argc, char **argv)
{
    const rg_command *cmd = &rg_cmd_ego;
    rg_args a;
    int rc = rg_parse_args(cmd, argc, argv, opts, O_N, &a);
    if (rc) return rc < 0 ? 0 : rc;
    rg_set_quiet(a.values[O_QUIET] != NULL);
    unsigned long radius = 1;
    rg_error err = {0};
    rg_view_opts vo;
    if (a.npositional != 2)
        rc = rg_usage_error(cmd, "expected GRAPH A");
    else if (!a.values[O_OUT])
        rc = rg_usage_error(cmd, "missing -o OUTPUT");
    else if (a.values[O_RADIUS] && (!rg_parse_uint(a.values[O_RADIUS], &radius) || radius > 1000))
        rc = rg_usage_error(cmd, "--radius needs a number from 0 to 1000");
    else if (rg_view_opts_parse(&vo, a.values[O_GRAPH], a.values[O_EDGES], a.values[O_SINCE],
                                a.values[O_UNTIL], a.values[O_MINW], false, false, &err))
        rc = rg_usage_error(cmd, "%s", err.msg);
    if (rc == 0) rc = write_ego(&a, &vo, (unsigned)radius);
    rg_args_free(&a, O_N);
    return rc;
}

const rg_command rg_cmd_ego = {"ego", "the neighbourhood of one actor, as a graph", usage, run};
