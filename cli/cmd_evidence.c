/* relgraph evidence GRAPH A B: the sentences behind the links of two actors. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rg_analysis.h"

static const char usage[] =
    "usage: relgraph evidence GRAPH A B [options]\n"
    "\n"
    "Prints every relation that links A and B (direct relations, and events both\n"
    "take part in) with the sentences that say so: document, byte offsets and text.\n"
    "A and B are node ids, labels or aliases (case and accents ignored); an\n"
    "ambiguous name lists the candidates.\n"
    "\n"
    "  -f, --format F       text (default) or json\n"
    "  -e, --edges LIST     only these edge types\n"
    "      --since DATE     drop relations dated before DATE\n"
    "      --until DATE     drop relations dated after DATE\n"
    "\n"
    "Exit status: 0 links found, 1 none (or bad input), 2 usage error.\n";

enum { O_FORMAT, O_EDGES, O_SINCE, O_UNTIL, O_N };
static const rg_opt opts[O_N] = {
    [O_FORMAT] = {"format", 'f', true},
    [O_EDGES] = {"edges", 'e', true},
    [O_SINCE] = {"since", 0, true},
    [O_UNTIL] = {"until", 0, true},
};

extern const rg_command rg_cmd_evidence;

static json_t *evidence_json(const rg_graph *g, const rg_edge *e)
{
    json_t *o = json_object(), *arr = json_array();
    json_object_set_new(o, "source", json_string(g->nodes[e->source].id));
    json_object_set_new(o, "target", json_string(g->nodes[e->target].id));
    json_object_set_new(o, "type", json_string(e->type));
    if (e->role) json_object_set_new(o, "role", json_string(e->role));
    if (e->date) json_object_set_new(o, "date", json_string(e->date));
    for (size_t k = 0; k < e->nevidence; k++) {
        const rg_evidence *ev = &e->evidence[k];
        json_t *x = json_object();
        json_object_set_new(x, "doc", json_string(g->docs[ev->doc].id));
        json_object_set_new(x, "begin", json_integer(ev->begin));
        json_object_set_new(x, "end", json_integer(ev->end));
        json_object_set_new(x, "text", json_string(ev->text ? ev->text : ""));
        json_array_append_new(arr, x);
    }
    json_object_set_new(o, "evidence", arr);
    return o;
}

static void evidence_text(const rg_graph *g, const rg_edge *e)
{
    printf("%s -[%s%s%s]-> %s", g->nodes[e->source].label, e->type, e->role ? ":" : "",
           e->role ? e->role : "", g->nodes[e->target].label);
    if (e->date) printf("  (%s)", e->date);
    putchar('\n');
    for (size_t k = 0; k < e->nevidence; k++) {
        const rg_evidence *ev = &e->evidence[k];
        printf("  %s [%u-%u]: %s\n", g->docs[ev->doc].id, ev->begin, ev->end,
               ev->text ? ev->text : "");
    }
    if (e->nevidence == 0) puts("  (no sentence recorded: the link came from a table)");
}

static int report(const rg_graph *g, const uint32_t *edges, size_t n, bool json)
{
    if (json) {
        json_t *arr = json_array();
        for (size_t i = 0; i < n; i++)
            json_array_append_new(arr, evidence_json(g, &g->edges[edges[i]]));
        json_dumpf(arr, stdout, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
        putchar('\n');
        json_decref(arr);
    } else {
        for (size_t i = 0; i < n; i++)
            evidence_text(g, &g->edges[edges[i]]);
    }
    return n ? 0 : 1;
}

static int run(int argc, char **argv)
{
    rg_args a;
    int rc = rg_parse_args(&rg_cmd_evidence, argc, argv, opts, O_N, &a);
    if (rc) return rc < 0 ? 0 : rc;
    const char *fmt = a.values[O_FORMAT] ? a.values[O_FORMAT] : "text";
    rg_view_opts vo;
    rg_error err = {0};
    if (a.npositional != 3)
        rc = rg_usage_error(&rg_cmd_evidence, "expected GRAPH A B");
    else if (strcmp(fmt, "text") != 0 && strcmp(fmt, "json") != 0)
        rc = rg_usage_error(&rg_cmd_evidence, "unknown format '%s'", fmt);
    else if (rg_view_opts_parse(&vo, NULL, a.values[O_EDGES], a.values[O_SINCE], a.values[O_UNTIL],
                                NULL, false, false, &err) != RG_OK)
        rc = rg_usage_error(&rg_cmd_evidence, "%s", err.msg);
    rg_graph g;
    if (rc == 0 && rg_analysis_load(&g, a.positional[0], &err) != RG_OK) {
        rc = rg_fail(1, "%s", err.msg);
    } else if (rc == 0) {
        uint32_t x, y;
        rg_view v;
        if (rg_resolve_name(&g, a.positional[1], &x, &err) != RG_OK ||
            rg_resolve_name(&g, a.positional[2], &y, &err) != RG_OK) {
            rc = rg_fail(1, "%s", err.msg);
        } else if (rg_view_build(&v, &g, &vo, &err) != RG_OK) {
            rc = rg_fail(1, "%s", err.msg);
        } else {
            size_t n;
            uint32_t *edges = rg_view_link_edges(&v, &g, x, y, &n);
            rc = report(&g, edges, n, strcmp(fmt, "json") == 0);
            if (rc)
                fprintf(stderr, "relgraph: no relation links '%s' and '%s'\n", g.nodes[x].label,
                        g.nodes[y].label);
            free(edges);
            rg_view_free(&v);
        }
        rg_graph_free(&g);
    }
    rg_args_free(&a, O_N);
    return rc;
}

const rg_command rg_cmd_evidence = {
    "evidence", "print the sentences behind the links of two actors", usage, run};
