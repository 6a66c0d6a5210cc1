/* relgraph report INPUT... -o DIR: the main job in one command. Builds the
 * graph from documents and tables, ranks the actors, finds communities, and
 * writes DIR/graph.json, graph.dot, graph.svg, ranking.csv and index.html,
 * then prints a short summary (counts, top actors) on stdout. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "rg_build.h"
#include "rg_analysis.h"
#include "rg_export.h"
#include "rg_import.h"
#include "rg_json.h"

static const char usage[] =
    "usage: relgraph report INPUT... -o DIR [options]\n"
    "\n"
    "Builds the graph from documents and tables (as 'relgraph build'), ranks the\n"
    "actors, finds communities and writes into DIR (created if missing):\n"
    "  graph.json    the graph with scores and communities (relgraph JSON)\n"
    "  graph.dot     Graphviz diagram: size by score, colour by community\n"
    "  graph.svg     the diagram rendered (the --diagram-top most central actors)\n"
    "  ranking.csv   rank,id,label,type,SCORE,degree,community\n"
    "  index.html    interactive page, opens offline\n"
    "and prints a summary (counts, communities, top actors) on stdout.\n"
    "\n"
    "  -o, --output DIR        output directory (required)\n"
    "  -m, --measure M         centrality for ranking and sizes (default pagerank;\n"
    "                          see relgraph rank)\n"
    "  -c, --communities M     leiden (default), louvain, label-propagation, components\n"
    "      --diagram-top N     at most N actors in graph.dot/graph.svg (default 150;\n"
    "                          0 = all)\n"
    "  -n, --top N             actors listed in the summary (default 10)\n"
    "      --title TEXT        title of index.html\n"
    "  -k, --keep-going        report on the readable inputs when some fail (exit 1)\n"
    "      --co-mentions       also link actors named in the same sentence\n"
    "      --lexicon FILE      extra lexicon for entity extraction\n"
    "      --aliases FILE      forced and forbidden merges for entity resolution\n"
    "  -q, --quiet             no warnings\n";

enum {
    O_OUT,
    O_MEASURE,
    O_COMM,
    O_DTOP,
    O_TOP,
    O_TITLE,
    O_KEEP,
    O_CO,
    O_LEX,
    O_ALIASES,
    O_QUIET,
    O_N
};
static const rg_opt opts[O_N] = {
    [O_OUT] = {"output", 'o', true},       [O_MEASURE] = {"measure", 'm', true},
    [O_COMM] = {"communities", 'c', true}, [O_DTOP] = {"diagram-top", 0, true},
    [O_TOP] = {"top", 'n', true},          [O_TITLE] = {"title", 0, true},
    [O_KEEP] = {"keep-going", 'k', false}, [O_CO] = {"co-mentions", 0, false},
    [O_LEX] = {"lexicon", 0, true},        [O_ALIASES] = {"aliases", 0, true},
    [O_QUIET] = {"quiet", 'q', false},
};

extern const rg_command rg_cmd_report;

static bool any_attr(const rg_graph *g, const char *attr)
{
    for (size_t i = 0; i < g->nnodes; i++)
        if (rg_attrs_get(&g->nodes[i].attrs, attr)) return true;
    return false;
}

/* A CSV field always quoted (ids and labels may hold commas or quotes). */
static void quoted(rg_buf *b, const char *s)
{
    rg_buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"')
            rg_buf_puts(b, "\"\"");
        else
            rg_buf_putc(b, *s == '\n' || *s == '\r' ? ' ' : *s);
    }
    rg_buf_putc(b, '"');
}

/* ranking.csv: the nodes that received a score (the analysed actors), best
 * first, ties by id; the degree from the edge arrays alongside. */
static rg_status write_ranking(const rg_graph *g, const char *path, const char *measure,
                               rg_error *err)
{
    rg_outfile o;
    rg_status rc = rg_outfile_open(&o, path, err);
    if (rc) return rc;
    double *scores = rg_export_scores(g, measure);
    double *deg = rg_export_scores(g, "degree");
    uint32_t *order = rg_export_rank(g, scores);
    fprintf(o.fp, "rank,id,label,type,%s,degree,community\r\n", measure);
    size_t rank = 0;
    for (size_t k = 0; k < g->nnodes; k++) {
        const rg_node *n = &g->nodes[order[k]];
        const char *score = rg_attrs_get(&n->attrs, measure);
        if (!score) continue;
        const char *comm = rg_attrs_get(&n->attrs, "community");
        rg_buf b = {0};
        rg_buf_printf(&b, "%zu,", ++rank);
        quoted(&b, n->id);
        rg_buf_putc(&b, ',');
        quoted(&b, n->label);
        rg_buf_printf(&b, ",%s,%s,%g,%s\r\n", rg_node_type_name(n->type), score, deg[order[k]],
                      comm ? comm : "");
        fputs(b.data, o.fp);
        rg_buf_free(&b);
    }
    free(order);
    free(deg);
    free(scores);
    return rg_outfile_commit(&o, err);
}

static void summary(const rg_graph *g, const char *dir, const char *measure, const char *method,
                    double modularity, bool have_comm, unsigned top, unsigned diagram_nodes)
{
    size_t per_type[RG_NODE_NTYPES] = {0};
    for (size_t i = 0; i < g->nnodes; i++)
        per_type[g->nodes[i].type]++;
    printf("relgraph report: %zu document%s, %zu node%s, %zu link%s\n", g->ndocs,
           g->ndocs == 1 ? "" : "s", g->nnodes, g->nnodes == 1 ? "" : "s", g->nedges,
           g->nedges == 1 ? "" : "s");
    printf("  ");
    for (int t = 0; t < RG_NODE_NTYPES; t++)
        printf("%s%zu %s", t ? ", " : "", per_type[t], rg_node_type_name(t));
    printf("\n");
    if (have_comm) {
        uint32_t ncomm = 0;
        for (size_t i = 0; i < g->nnodes; i++) {
            unsigned long c;
            const char *s = rg_attrs_get(&g->nodes[i].attrs, "community");
            if (s && rg_parse_uint(s, &c) && c + 1 > ncomm) ncomm = (uint32_t)c + 1;
        }
        printf("  %u communit%s (%s, modularity %.3f)\n", ncomm, ncomm == 1 ? "y" : "ies", method,
               modularity);
    }
    double *scores = rg_export_scores(g, measure);
    uint32_t *order = rg_export_rank(g, scores);
    printf("top actors by %s:\n", measure);
    unsigned shown = 0;
    for (size_t k = 0; k < g->nnodes && shown < top; k++) {
        const rg_node *n = &g->nodes[order[k]];
        if (!rg_attrs_get(&n->attrs, measure)) continue;
        printf("  %2u. %-40s %-12s %.4f\n", ++shown, n->label, rg_node_type_name(n->type),
               scores[order[k]]);
    }
    if (!shown) printf("  (none)\n");
    free(order);
    free(scores);
    if (diagram_nodes < g->nnodes)
        printf("graph.dot and graph.svg show the %u most central of %zu nodes\n", diagram_nodes,
               g->nnodes);
    printf("wrote %s/graph.json, graph.dot, graph.svg, ranking.csv, index.html\n", dir);
}

static int make_dir(const char *dir)
{
    struct stat st;
    if (stat(dir, &st) == 0) {
        if (S_ISDIR(st.st_mode)) return 0;
        return rg_fail(1, "%s: exists and is not a directory", dir);
    }
    if (mkdir(dir, 0777) != 0)
        return rg_fail(1, "%s: cannot create directory: %s", dir, strerror(errno));
    return 0;
}

static void report_error(const char *msg, void *ctx)
{
    (void)ctx;
    rg_fail(1, "%s", msg);
}

static int report(rg_args *a, rg_import_opts *io, unsigned dtop, unsigned top)
{
    const char *dir = a->values[O_OUT];
    const char *measure = a->values[O_MEASURE] ? a->values[O_MEASURE] : "pagerank";
    const char *method = a->values[O_COMM] ? a->values[O_COMM] : "leiden";
    char **inputs;
    size_t n;
    if (rg_collect_inputs(a->positional, a->npositional, &inputs, &n) != 0) return 1;
    if (n == 0) {
        rg_free_list(inputs, n);
        return rg_fail(1, "no readable inputs (documents .txt .md .html, tables .csv .json)");
    }
    rg_graph g;
    rg_graph_init(&g);
    rg_build_opts bo = {
        .import = io, .keep_going = a->values[O_KEEP] != NULL, .on_error = report_error};
    size_t nfailed = 0;
    rg_error berr = {0};
    rg_status brc = rg_build(&g, inputs, n, &bo, &nfailed, &berr);
    rg_free_list(inputs, n);
    int failed = (int)nfailed;
    if (brc != RG_OK && (nfailed == 0 || !a->values[O_KEEP])) {
        if (nfailed == 0) rg_fail(1, "%s", berr.msg);
        rg_graph_free(&g);
        return 1;
    }
    rg_error err = {0};
    double modularity = 0;
    int rc = 0;
    if (rg_analysis_store_measure(&g, measure, NULL, &err) != RG_OK ||
        rg_analysis_store_communities(&g, method, &modularity, &err) != RG_OK)
        rc = rg_fail(1, "%s", err.msg);
    if (rc == 0) rc = make_dir(dir);
    bool have_score = any_attr(&g, measure), have_comm = any_attr(&g, "community");
    rg_export_opts eo = {0};
    eo.size_by = have_score ? measure : NULL;
    eo.color_by = have_comm ? "community" : "type";
    eo.title = a->values[O_TITLE] ? a->values[O_TITLE] : "relgraph report";
    rg_export_opts diagram = eo;
    diagram.top = dtop && dtop < g.nnodes ? dtop : 0;
    char *path = NULL;
    static const char *const files[] = {"graph.json", "graph.dot", "graph.svg", "ranking.csv",
                                        "index.html"};
    for (size_t f = 0; f < 5 && rc == 0; f++) {
        free(path);
        path = rg_sprintf("%s/%s", dir, files[f]);
        rg_status st;
        switch (f) {
        case 0:
            st = rg_json_write_file(&g, path, &err);
            break;
        case 1:
            st = rg_export(&g, "dot", path, &diagram, &err);
            break;
        case 2:
            st = rg_export(&g, "svg", path, &diagram, &err);
            break;
        case 3:
            st = write_ranking(&g, path, measure, &err);
            break;
        default:
            st = rg_export(&g, "html", path, &eo, &err);
            break;
        }
        if (st != RG_OK) rc = rg_fail(1, "%s", err.msg);
    }
    free(path);
    if (rc == 0)
        summary(&g, dir, measure, method, modularity, have_comm, top,
                diagram.top ? diagram.top : (unsigned)g.nnodes);
    rg_graph_free(&g);
    if (rc == 0 && failed) rc = rg_fail(1, "%d input(s) failed", failed);
    return rc;
}

static int run(int argc, char **argv)
{
    rg_args a;
    int rc = rg_parse_args(&rg_cmd_report, argc, argv, opts, O_N, &a);
    if (rc) return rc < 0 ? 0 : rc;
    unsigned long dtop = 150, top = 10;
    rg_measure m;
    if (!a.values[O_OUT])
        rc = rg_usage_error(&rg_cmd_report, "missing -o DIR");
    else if (a.npositional == 0)
        rc = rg_usage_error(&rg_cmd_report, "no inputs");
    else if (a.values[O_MEASURE] && !rg_measure_parse(a.values[O_MEASURE], &m))
        rc = rg_usage_error(&rg_cmd_report, "unknown measure '%s'", a.values[O_MEASURE]);
    else if (a.values[O_COMM] && !rg_community_method_known(a.values[O_COMM]))
        rc = rg_usage_error(&rg_cmd_report, "unknown community method '%s'", a.values[O_COMM]);
    else if (a.values[O_DTOP] && !rg_parse_uint(a.values[O_DTOP], &dtop))
        rc = rg_usage_error(&rg_cmd_report, "--diagram-top needs a number");
    else if (a.values[O_TOP] && !rg_parse_uint(a.values[O_TOP], &top))
        rc = rg_usage_error(&rg_cmd_report, "--top needs a number");
    if (rc == 0) {
        rg_import_opts io = {0};
        io.co_mentions = a.values[O_CO] != NULL;
        io.lexicon = a.values[O_LEX];
        io.aliases = a.values[O_ALIASES];
        rg_set_quiet(a.values[O_QUIET] != NULL);
        rc = report(&a, &io, dtop > 100000000 ? 100000000 : (unsigned)dtop,
                    top > 100000 ? 100000 : (unsigned)top);
    }
    rg_args_free(&a, O_N);
    return rc;
}

const rg_command rg_cmd_report = {
    "report", "build, rank, find communities and write graph, diagram, ranking and page", usage,
    run};
