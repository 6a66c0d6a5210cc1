/* relgraph build INPUT... -o GRAPH.json */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rg_build.h"
#include "rg_import.h"
#include "rg_json.h"
#include "rg_resolve.h"

static const char usage[] =
    "usage: relgraph build INPUT... -o GRAPH.json [options]\n"
    "\n"
    "Reads documents (.txt .text .md .html .htm) and tables (.csv .json .graphml),\n"
    "directories walked recursively, and writes one merged graph as relgraph JSON.\n"
    "\n"
    "  -o, --output FILE    where to write the graph ('-' for stdout); required\n"
    "  -k, --keep-going     build from the readable inputs when some fail (exit 1)\n"
    "      --co-mentions    also link actors named in the same sentence\n"
    "      --lexicon FILE   extra lexicon for entity extraction (docs/EXTRACTION.md)\n"
    "      --aliases FILE   forced and forbidden merges for entity resolution\n"
    "                       (docs/RESOLUTION.md)\n"
    "      --no-resolve     keep one node per document entity (no cross-document merging)\n"
    "      --max-bytes N    refuse input files larger than N bytes (default 268435456)\n"
    "      --max-depth N    nesting limit for JSON, HTML and GraphML (default 256)\n"
    "      --max-name N     cut node ids, labels, aliases to N bytes (default 4096)\n"
    "      --max-doc-bytes N  largest text/HTML document to extract from (default 33554432)\n"
    "  -q, --quiet          no warnings\n";

enum {
    O_OUT,
    O_KEEP,
    O_CO,
    O_LEX,
    O_ALIASES,
    O_NORES,
    O_MAXB,
    O_MAXD,
    O_MAXDOC,
    O_MAXNAME,
    O_QUIET,
    O_N
};
static const rg_opt opts[O_N] = {
    [O_OUT] = {"output", 'o', true},      [O_KEEP] = {"keep-going", 'k', false},
    [O_CO] = {"co-mentions", 0, false},   [O_LEX] = {"lexicon", 0, true},
    [O_ALIASES] = {"aliases", 0, true},   [O_MAXB] = {"max-bytes", 0, true},
    [O_MAXD] = {"max-depth", 0, true},    [O_MAXDOC] = {"max-doc-bytes", 0, true},
    [O_MAXNAME] = {"max-name", 0, true},  [O_QUIET] = {"quiet", 'q', false},
    [O_NORES] = {"no-resolve", 0, false},
};

extern const rg_command rg_cmd_build;

static void report_error(const char *msg, void *ctx)
{
    (void)ctx;
    rg_fail(1, "%s", msg);
}

static int run(int argc, char **argv)
{
    rg_args a;
    int rc = rg_parse_args(&rg_cmd_build, argc, argv, opts, O_N, &a);
    if (rc) return rc < 0 ? 0 : rc;
    rg_import_opts io = {0};
    unsigned long v;
    if (!a.values[O_OUT])
        rc = rg_usage_error(&rg_cmd_build, "missing -o OUTPUT");
    else if (a.npositional == 0)
        rc = rg_usage_error(&rg_cmd_build, "no inputs");
    else if (a.values[O_MAXB] && !rg_parse_uint(a.values[O_MAXB], &v))
        rc = rg_usage_error(&rg_cmd_build, "--max-bytes needs a number");
    else if (a.values[O_MAXDOC] && (!rg_parse_uint(a.values[O_MAXDOC], &v) || v == 0))
        rc = rg_usage_error(&rg_cmd_build, "--max-doc-bytes needs a positive number");
    else if (a.values[O_MAXD] && !rg_parse_uint(a.values[O_MAXD], &v))
        rc = rg_usage_error(&rg_cmd_build, "--max-depth needs a number");
    else if (a.values[O_MAXNAME] && (!rg_parse_uint(a.values[O_MAXNAME], &v) || v == 0))
        rc = rg_usage_error(&rg_cmd_build, "--max-name needs a positive number");
    if (rc) {
        rg_args_free(&a, O_N);
        return rc;
    }
    if (a.values[O_MAXB] && rg_parse_uint(a.values[O_MAXB], &v)) io.max_bytes = v;
    if (a.values[O_MAXD] && rg_parse_uint(a.values[O_MAXD], &v)) io.max_depth = v;
    if (a.values[O_MAXDOC] && rg_parse_uint(a.values[O_MAXDOC], &v)) io.max_doc_bytes = v;
    if (a.values[O_MAXNAME] && rg_parse_uint(a.values[O_MAXNAME], &v)) io.max_name = v;
    io.co_mentions = a.values[O_CO] != NULL;
    io.lexicon = a.values[O_LEX];
    io.aliases = a.values[O_ALIASES];
    rg_set_quiet(a.values[O_QUIET] != NULL);

    /* The alias file is read first so that a mistake in it costs no import. */
    rg_aliases *aliases = NULL;
    if (a.values[O_ALIASES] && !a.values[O_NORES]) {
        rg_error err = {0};
        if (rg_aliases_load(a.values[O_ALIASES], &aliases, &err) != RG_OK) {
            rg_args_free(&a, O_N);
            return rg_fail(1, "%s", err.msg);
        }
    }
    char **inputs;
    size_t n;
    if (rg_collect_inputs(a.positional, a.npositional, &inputs, &n) != 0) {
        rg_aliases_free(aliases);
        rg_args_free(&a, O_N);
        return 1;
    }
    rg_graph g;
    rg_graph_init(&g);
    rg_build_opts bo = {.import = &io,
                        .aliases = aliases,
                        .no_resolve = a.values[O_NORES] != NULL,
                        .keep_going = a.values[O_KEEP] != NULL,
                        .on_error = report_error};
    size_t nfailed = 0;
    rg_error err = {0};
    rg_status brc = rg_build(&g, inputs, n, &bo, &nfailed, &err);
    int failed = (int)nfailed;
    if (brc != RG_OK && nfailed == 0) { /* the pipeline after import failed */
        rg_fail(1, "%s", err.msg);
        failed = 1;
    } else if (!failed || a.values[O_KEEP]) {
        if (rg_json_write_file(&g, a.values[O_OUT], &err) != RG_OK) {
            rg_fail(1, "%s", err.msg);
            failed++;
        }
    }
    if (failed && a.values[O_KEEP]) rg_fail(1, "%d input(s) failed", failed);
    rg_graph_free(&g);
    rg_aliases_free(aliases);
    rg_free_list(inputs, n);
    rg_args_free(&a, O_N);
    return failed ? 1 : 0;
}

const rg_command rg_cmd_build = {"build", "build a graph from documents and tables", usage, run};
