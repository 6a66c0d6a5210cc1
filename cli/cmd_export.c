/* relgraph export GRAPH --to FORMAT -o OUT */
#include <string.h>

#include "cli.h"
#include "rg_export.h"

static const char usage[] = "usage: relgraph export GRAPH.json --to FORMAT -o OUT\n"
                            "\n"
                            "Writes the graph in another format. FORMAT is one of: json, dot.\n"
                            "\n"
                            "  -t, --to FORMAT      output format (required)\n"
                            "  -o, --output FILE    output file ('-' for stdout; required)\n";

enum { O_TO, O_OUT, O_N };
static const rg_opt opts[O_N] = {[O_TO] = {"to", 't', true}, [O_OUT] = {"output", 'o', true}};

extern const rg_command rg_cmd_export;

static int run(int argc, char **argv)
{
    rg_args a;
    int rc = rg_parse_args(&rg_cmd_export, argc, argv, opts, O_N, &a);
    if (rc) return rc < 0 ? 0 : rc;
    if (a.npositional != 1)
        rc = rg_usage_error(&rg_cmd_export, "expected one GRAPH file");
    else if (!a.values[O_TO])
        rc = rg_usage_error(&rg_cmd_export, "missing --to FORMAT");
    else if (!rg_export_format_known(a.values[O_TO]))
        rc = rg_usage_error(&rg_cmd_export, "unknown format '%s'", a.values[O_TO]);
    else if (!a.values[O_OUT])
        rc = rg_usage_error(&rg_cmd_export, "missing -o OUTPUT");
    rg_graph g;
    if (rc == 0 && (rc = rg_load_graph(a.positional[0], &g)) == 0) {
        rg_error err = {0};
        if (rg_export(&g, a.values[O_TO], a.values[O_OUT], NULL, &err) != RG_OK)
            rc = rg_fail(1, "%s", err.msg);
        rg_graph_free(&g);
    }
    rg_args_free(&a, O_N);
    return rc;
}

const rg_command rg_cmd_export = {"export", "write a graph as json or dot", usage, run};
