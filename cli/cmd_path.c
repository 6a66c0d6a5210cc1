/* relgraph path GRAPH A B: shortest chains between two actors, with evidence. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rg_analysis.h"

static const char usage[] =
    "usage: relgraph path GRAPH A B [options]\n"
    "\n"
    "Prints the shortest chains linking A and B and, for each hop, the relations\n"
    "that make it with their evidence sentences. A and B are node ids, labels or\n"
    "aliases (case and accents ignored); an ambiguous name lists the candidates.\n"
    "\n"
    "  -n, --max N          print at most N paths (default 10)\n"
    "  -f, --format F       text (default) or json\n"
    "  -w, --weighted       link weights as distances (default: hops)\n"
    "      --directed       follow edge direction (needs --graph full)\n"
    "  -g, --graph G        actors (default), full, bipartite\n"
    "  -e, --edges LIST     only these edge types\n"
    "      --since DATE     drop edges dated before DATE\n"
    "      --until DATE     drop edges dated after DATE\n"
    "      --min-weight W   drop links lighter than W\n"
    "  -q, --quiet          no warnings\n"
    "\n"
    "Exit status: 0 a path was found, 1 no path (or bad input), 2 usage error.\n";

enum {
    O_MAX,
    O_FORMAT,
    O_WEIGHTED,
    O_DIRECTED,
    O_GRAPH,
    O_EDGES,
    O_SINCE,
    O_UNTIL,
    O_MINW,
    O_QUIET,
    O_N
};
static const rg_opt opts[O_N] = {
    [O_MAX] = {"max", 'n', true},
    [O_FORMAT] = {"format", 'f', true},
    [O_WEIGHTED] = {"weighted", 'w', false},
    [O_DIRECTED] = {"directed", 0, false},
    [O_GRAPH] = {"graph", 'g', true},
    [O_EDGES] = {"edges", 'e', true},
    [O_SINCE] = {"since", 0, true},
    [O_UNTIL] = {"until", 0, true},
    [O_MINW] = {"min-weight", 0, true},
    [O_QUIET] = {"quiet", 'q', false},
};

extern const rg_command rg_cmd_path;

static const char *name_of(const rg_graph *g, uint32_t n)
{
    return g->nodes[n].label ? g->nodes[n].label : g->nodes[n].id;
}

static void print_edge_text(const rg_graph *g, const rg_edge *e)
{
    printf("      %s -%s%s%s-> %s", name_of(g, e->source), e->type, e->role ? ":" : "",
           e->role ? e->role : "", name_of(g, e->target));
    if (e->date) printf(" (%s)", e->date);
    putchar('\n');
    for (size_t k = 0; k < e->nevidence; k++)
        printf("        \"%s\" [%s]\n", e->evidence[k].text ? e->evidence[k].text : "",
               g->docs[e->evidence[k].doc].id);
    if (e->nevidence == 0) puts("        (no evidence sentence recorded)");
}

static json_t *edge_json(const rg_graph *g, const rg_edge *e)
{
    json_t *o = json_object(), *ev = json_array();
    json_object_set_new(o, "source", json_string(g->nodes[e->source].id));
    json_object_set_new(o, "target", json_string(g->nodes[e->target].id));
    json_object_set_new(o, "type", json_string(e->type));
    if (e->role) json_object_set_new(o, "role", json_string(e->role));
    if (e->date) json_object_set_new(o, "date", json_string(e->date));
    for (size_t k = 0; k < e->nevidence; k++) {
        json_t *x = json_object();
        json_object_set_new(x, "doc", json_string(g->docs[e->evidence[k].doc].id));
        json_object_set_new(x, "text", json_string(e->evidence[k].text ? e->evidence[k].text : ""));
        json_array_append_new(ev, x);
    }
    json_object_set_new(o, "evidence", ev);
    return o;
}

static void print_paths(const rg_graph *g, const rg_view *v, const rg_path *p, size_t np,
                        double len, bool json)
{
    json_t *root = json ? json_object() : NULL, *arr = json ? json_array() : NULL;
    if (json) {
        json_object_set_new(root, "source", json_string(g->nodes[p[0].nodes[0]].id));
        json_object_set_new(root, "target", json_string(g->nodes[p[0].nodes[p[0].len - 1]].id));
        json_object_set_new(root, "length", json_real(len));
    } else {
        printf("%zu shortest path%s of length %g\n", np, np == 1 ? "" : "s", len);
    }
    for (size_t i = 0; i < np; i++) {
        json_t *hops = json ? json_array() : NULL;
        if (!json) {
            printf("\npath %zu:", i + 1);
            for (size_t k = 0; k < p[i].len; k++)
                printf("%s %s", k ? " --" : "", name_of(g, p[i].nodes[k]));
            putchar('\n');
        }
        for (size_t k = 0; k + 1 < p[i].len; k++) {
            uint32_t a = p[i].nodes[k], b = p[i].nodes[k + 1];
            size_t ne;
            uint32_t *es = rg_view_link_edges(v, g, a, b, &ne);
            json_t *hop = json ? json_object() : NULL, *hes = json ? json_array() : NULL;
            if (!json) printf("  %s -- %s\n", name_of(g, a), name_of(g, b));
            for (size_t j = 0; j < ne; j++) {
                if (json)
                    json_array_append_new(hes, edge_json(g, &g->edges[es[j]]));
                else
                    print_edge_text(g, &g->edges[es[j]]);
            }
            if (json) {
                json_object_set_new(hop, "from", json_string(g->nodes[a].id));
                json_object_set_new(hop, "to", json_string(g->nodes[b].id));
                json_object_set_new(hop, "relations", hes);
                json_array_append_new(hops, hop);
            }
            free(es);
        }
        if (json) {
            json_t *o = json_object(), *ns = json_array();
            for (size_t k = 0; k < p[i].len; k++)
                json_array_append_new(ns, json_string(g->nodes[p[i].nodes[k]].id));
            json_object_set_new(o, "nodes", ns);
            json_object_set_new(o, "hops", hops);
            json_array_append_new(arr, o);
        }
    }
    if (json) {
        json_object_set_new(root, "paths", arr);
        json_dumpf(root, stdout, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
        putchar('\n');
        json_decref(root);
    }
}

static int find_paths(const rg_args *a, const rg_view_opts *vo, unsigned long max, bool json)
{
    rg_error err = {0};
    rg_graph g;
    if (rg_analysis_load(&g, a->positional[0], &err)) return rg_fail(1, "%s", err.msg);
    int rc = 0;
    uint32_t from, to;
    rg_view v;
    if (rg_resolve_name(&g, a->positional[1], &from, &err) ||
        rg_resolve_name(&g, a->positional[2], &to, &err)) {
        rg_graph_free(&g);
        return rg_fail(1, "%s: %s", a->positional[0], err.msg);
    }
    if (rg_view_build(&v, &g, vo, &err)) {
        rg_graph_free(&g);
        return rg_fail(err.code, "%s", err.msg);
    }
    rg_path *p;
    size_t np;
    double len;
    if (rg_view_paths(&v, &g, from, to, max, &p, &np, &len, &err)) {
        rc = rg_fail(1, "%s: %s", a->positional[0], err.msg);
    } else if (np == 0) {
        rc = rg_fail(1, "no path between '%s' and '%s' in the %s graph", g.nodes[from].id,
                     g.nodes[to].id, rg_view_kind_name(v.kind));
    } else {
        print_paths(&g, &v, p, np, len, json);
        rg_paths_free(p, np);
    }
    rg_view_free(&v);
    rg_graph_free(&g);
    return rc;
}

static int run(int argc, char **argv)
{
    const rg_command *cmd = &rg_cmd_path;
    rg_args a;
    int rc = rg_parse_args(cmd, argc, argv, opts, O_N, &a);
    if (rc) return rc < 0 ? 0 : rc;
    rg_set_quiet(a.values[O_QUIET] != NULL);
    unsigned long max = 10;
    const char *fmt = a.values[O_FORMAT] ? a.values[O_FORMAT] : "text";
    rg_error err = {0};
    rg_view_opts vo;
    if (a.npositional != 3)
        rc = rg_usage_error(cmd, "expected GRAPH A B");
    else if (a.values[O_MAX] && (!rg_parse_uint(a.values[O_MAX], &max) || max == 0))
        rc = rg_usage_error(cmd, "--max needs a positive number");
    else if (strcmp(fmt, "text") && strcmp(fmt, "json"))
        rc = rg_usage_error(cmd, "unknown format '%s' (text, json)", fmt);
    else if (rg_view_opts_parse(&vo, a.values[O_GRAPH], a.values[O_EDGES], a.values[O_SINCE],
                                a.values[O_UNTIL], a.values[O_MINW], a.values[O_DIRECTED] != NULL,
                                a.values[O_WEIGHTED] != NULL, &err))
        rc = rg_usage_error(cmd, "%s", err.msg);
    else if (vo.directed && vo.kind != RG_VIEW_FULL)
        rc = rg_usage_error(cmd, "--directed needs --graph full");
    if (rc == 0) rc = find_paths(&a, &vo, max, strcmp(fmt, "json") == 0);
    rg_args_free(&a, O_N);
    return rc;
}

const rg_command rg_cmd_path = {"path", "shortest chains between two actors, with evidence", usage,
                                run};
