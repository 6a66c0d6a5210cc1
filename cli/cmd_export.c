/* relgraph export GRAPH --to FORMAT -o OUT */
#include <string.h>

#include "cli.h"
#include "rg_export.h"

static const char usage[] =
    "usage: relgraph export GRAPH.json --to FORMAT -o OUT [options]\n"
    "\n"
    "Writes the graph in another format (docs/EXPORT.md). FORMAT is one of:\n"
    "  json       relgraph JSON              dot        Graphviz DOT\n"
    "  svg png pdf  rendered by Graphviz     graphml    GraphML (yEd, Gephi, networkx)\n"
    "  gexf       GEXF 1.3 (Gephi)           csv        OUT/nodes.csv + OUT/edges.csv\n"
    "  cytoscape  Cytoscape.js JSON          html       self-contained interactive page\n"
    "\n"
    "  -t, --to FORMAT      output format (required)\n"
    "  -o, --output OUT     output file ('-' for stdout), a directory for csv (required)\n"
    "      --size-by ATTR   scale nodes by a score attribute (pagerank, ...) or 'degree'\n"
    "      --color-by WHAT  'type' (default) or 'community'\n"
    "      --cluster WHAT   group nodes into boxes by 'type' or 'community' (dot, svg, ...)\n"
    "      --layout ENGINE  Graphviz layout for svg/png/pdf: dot, neato, fdp, sfdp, circo,\n"
    "                       twopi, osage, patchwork (default: neato, or sfdp above 150 nodes)\n"
    "      --top N          keep the N most central actors (by --size-by, else degree)\n"
    "      --title TEXT     title of the HTML page\n"
    "      --csv-header H   'gephi' (default) or 'neo4j' (neo4j-admin import headers)\n"
    "      --no-legend      no legend in dot/svg/png/pdf\n";

enum { O_TO, O_OUT, O_SIZE, O_COLOR, O_CLUSTER, O_LAYOUT, O_TOP, O_TITLE, O_CSVH, O_NOLEG, O_N };
static const rg_opt opts[O_N] = {
    [O_TO] = {"to", 't', true},         [O_OUT] = {"output", 'o', true},
    [O_SIZE] = {"size-by", 0, true},    [O_COLOR] = {"color-by", 0, true},
    [O_CLUSTER] = {"cluster", 0, true}, [O_LAYOUT] = {"layout", 0, true},
    [O_TOP] = {"top", 0, true},         [O_TITLE] = {"title", 0, true},
    [O_CSVH] = {"csv-header", 0, true}, [O_NOLEG] = {"no-legend", 0, false},
};

extern const rg_command rg_cmd_export;

static int run(int argc, char **argv)
{
    rg_args a;
    int rc = rg_parse_args(&rg_cmd_export, argc, argv, opts, O_N, &a);
    if (rc) return rc < 0 ? 0 : rc;
    rg_export_opts eo = {0};
    unsigned long top = 0;
    if (a.npositional != 1)
        rc = rg_usage_error(&rg_cmd_export, "expected one GRAPH file");
    else if (!a.values[O_TO])
        rc = rg_usage_error(&rg_cmd_export, "missing --to FORMAT");
    else if (!rg_export_format_known(a.values[O_TO]))
        rc = rg_usage_error(&rg_cmd_export, "unknown format '%s'", a.values[O_TO]);
    else if (!a.values[O_OUT])
        rc = rg_usage_error(&rg_cmd_export, "missing -o OUTPUT");
    else if (a.values[O_TOP] &&
             (!rg_parse_uint(a.values[O_TOP], &top) || top == 0 || top > 100000000))
        rc = rg_usage_error(&rg_cmd_export, "--top needs a positive number");
    eo.size_by = a.values[O_SIZE];
    eo.color_by = a.values[O_COLOR];
    eo.cluster = a.values[O_CLUSTER];
    eo.layout = a.values[O_LAYOUT];
    eo.top = (unsigned)top;
    eo.title = a.values[O_TITLE];
    eo.csv_header = a.values[O_CSVH];
    eo.no_legend = a.values[O_NOLEG] != NULL;
    rg_graph g;
    if (rc == 0 && (rc = rg_load_graph(a.positional[0], &g)) == 0) {
        rg_error err = {0};
        rg_status st = rg_export(&g, a.values[O_TO], a.values[O_OUT], &eo, &err);
        if (st == RG_EUSAGE)
            rc = rg_usage_error(&rg_cmd_export, "%s", err.msg);
        else if (st != RG_OK)
            rc = rg_fail(1, "%s", err.msg);
        rg_graph_free(&g);
    }
    rg_args_free(&a, O_N);
    return rc;
}

const rg_command rg_cmd_export = {
    "export", "write a graph as dot, svg, png, pdf, graphml, gexf, csv, cytoscape, json or html",
    usage, run};
