/* relgraph rank GRAPH --measure M: actors ordered by a centrality. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "rg_analysis.h"

static const char usage[] =
    "usage: relgraph rank GRAPH... [--measure M] [options]\n"
    "\n"
    "Ranks the nodes of GRAPH (relgraph JSON, or inputs 'build' reads, such as\n"
    "nodes.csv edges.csv, merged) by a\n"
    "centrality. Scores follow networkx's definitions (docs/ANALYSIS.md); ties are\n"
    "broken by node id.\n"
    "\n"
    "  -m, --measure M      degree (default), strength, betweenness, closeness,\n"
    "                       harmonic, eigenvector, pagerank, kcore\n"
    "  -t, --type LIST      only rank these node types (person,organisation,...)\n"
    "  -n, --top N          print the N first (default: all)\n"
    "  -f, --format F       table (default), csv (rank,id,label,type,score), json\n"
    "  -o, --output FILE    write there instead of stdout\n"
    "  -w, --weighted       use link weights (distances for path-based measures)\n"
    "      --directed       keep edge direction (needs --graph full)\n"
    "  -g, --graph G        actors (default), full, bipartite\n"
    "  -e, --edges LIST     only these edge types (head_of,participant_in,...)\n"
    "      --since DATE     drop edges dated before DATE (YYYY[-MM[-DD]])\n"
    "      --until DATE     drop edges dated after DATE\n"
    "      --min-weight W   drop links lighter than W\n"
    "      --timing         print load/projection/compute times to stderr\n"
    "  -q, --quiet          no warnings\n";

enum {
    O_MEASURE,
    O_TYPE,
    O_TOP,
    O_FORMAT,
    O_OUT,
    O_WEIGHTED,
    O_DIRECTED,
    O_GRAPH,
    O_EDGES,
    O_SINCE,
    O_UNTIL,
    O_MINW,
    O_TIMING,
    O_QUIET,
    O_N
};
static const rg_opt opts[O_N] = {
    [O_MEASURE] = {"measure", 'm', true},  [O_TYPE] = {"type", 't', true},
    [O_TOP] = {"top", 'n', true},          [O_FORMAT] = {"format", 'f', true},
    [O_OUT] = {"output", 'o', true},       [O_WEIGHTED] = {"weighted", 'w', false},
    [O_DIRECTED] = {"directed", 0, false}, [O_GRAPH] = {"graph", 'g', true},
    [O_EDGES] = {"edges", 'e', true},      [O_SINCE] = {"since", 0, true},
    [O_UNTIL] = {"until", 0, true},        [O_MINW] = {"min-weight", 0, true},
    [O_TIMING] = {"timing", 0, false},     [O_QUIET] = {"quiet", 'q', false},
};

extern const rg_command rg_cmd_rank;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Node types to keep: a bit per rg_node_type; false on an unknown name. */
static bool parse_types(const char *list, unsigned *mask, const char **bad)
{
    *mask = 0;
    char *s = rg_strdup(list), *save = NULL;
    bool ok = true;
    for (char *t = strtok_r(s, ", ", &save); t && ok; t = strtok_r(NULL, ", ", &save)) {
        rg_node_type ty;
        if (rg_node_type_parse(t, &ty))
            *mask |= 1u << ty;
        else {
            static char name[64];
            snprintf(name, sizeof name, "%s", t);
            *bad = name;
            ok = false;
        }
    }
    free(s);
    return ok;
}

typedef struct ranking {
    const rg_graph *g;
    const rg_view *v;
    const double *score;
    const uint32_t *order; /* view vertices, ranked */
    size_t n;
    const char *measure;
} ranking;

static void write_table(FILE *f, const ranking *r)
{
    int wl = 5;
    for (size_t i = 0; i < r->n; i++) {
        int l = (int)strlen(r->g->nodes[r->v->node[r->order[i]]].label);
        if (l > wl) wl = l > 40 ? 40 : l;
    }
    fprintf(f, "%4s  %-14s  %-12s  %-*s  %s\n", "rank", r->measure, "type", wl, "label", "id");
    for (size_t i = 0; i < r->n; i++) {
        const rg_node *nd = &r->g->nodes[r->v->node[r->order[i]]];
        fprintf(f, "%4zu  %-14.8g  %-12s  %-*s  %s\n", i + 1, r->score[r->order[i]],
                rg_node_type_name(nd->type), wl, nd->label, nd->id);
    }
}

static void write_csv(FILE *f, const ranking *r)
{
    fputs("rank,id,label,type,score\n", f);
    for (size_t i = 0; i < r->n; i++) {
        const rg_node *nd = &r->g->nodes[r->v->node[r->order[i]]];
        fprintf(f, "%zu,", i + 1);
        rg_csv_field(f, nd->id);
        fputc(',', f);
        rg_csv_field(f, nd->label);
        fprintf(f, ",%s,%.17g\n", rg_node_type_name(nd->type), r->score[r->order[i]]);
    }
}

static void write_json(FILE *f, const ranking *r, const rg_view_opts *vo)
{
    json_t *root = json_object(), *arr = json_array();
    json_object_set_new(root, "measure", json_string(r->measure));
    json_object_set_new(root, "graph", json_string(rg_view_kind_name(vo->kind)));
    json_object_set_new(root, "weighted", json_boolean(vo->weighted));
    json_object_set_new(root, "directed", json_boolean(vo->directed));
    json_object_set_new(root, "nodes", json_integer((json_int_t)r->v->n));
    json_object_set_new(root, "links", json_integer((json_int_t)r->v->m));
    for (size_t i = 0; i < r->n; i++) {
        const rg_node *nd = &r->g->nodes[r->v->node[r->order[i]]];
        double s = r->score[r->order[i]];
        json_t *o = json_object();
        json_object_set_new(o, "rank", json_integer((json_int_t)(i + 1)));
        json_object_set_new(o, "id", json_string(nd->id));
        json_object_set_new(o, "label", json_string(nd->label));
        json_object_set_new(o, "type", json_string(rg_node_type_name(nd->type)));
        json_object_set_new(o, "score", isfinite(s) ? json_real(s) : json_null());
        json_array_append_new(arr, o);
    }
    json_object_set_new(root, "ranking", arr);
    json_dumpf(root, f, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17));
    fputc('\n', f);
    json_decref(root);
}

static int check_args(const rg_args *a, rg_measure *m, unsigned *types, unsigned long *top)
{
    const rg_command *c = &rg_cmd_rank;
    const char *bad = NULL;
    const char *fmt = a->values[O_FORMAT];
    if (a->npositional == 0) return rg_usage_error(c, "expected a GRAPH file");
    if (a->values[O_MEASURE] && !rg_measure_parse(a->values[O_MEASURE], m))
        return rg_usage_error(c, "unknown measure '%s'", a->values[O_MEASURE]);
    if (a->values[O_TYPE] && !parse_types(a->values[O_TYPE], types, &bad))
        return rg_usage_error(c, "unknown node type '%s' in --type", bad);
    if (a->values[O_TOP] && !rg_parse_uint(a->values[O_TOP], top))
        return rg_usage_error(c, "--top needs a number");
    if (fmt && strcmp(fmt, "table") && strcmp(fmt, "csv") && strcmp(fmt, "json"))
        return rg_usage_error(c, "unknown format '%s' (table, csv, json)", fmt);
    return 0;
}

static int rank_graph(const rg_args *a, rg_measure m, unsigned types, unsigned long top)
{
    bool timing = a->values[O_TIMING] != NULL;
    rg_error err = {0};
    rg_view_opts vo;
    if (rg_view_opts_parse(&vo, a->values[O_GRAPH], a->values[O_EDGES], a->values[O_SINCE],
                           a->values[O_UNTIL], a->values[O_MINW], a->values[O_DIRECTED] != NULL,
                           a->values[O_WEIGHTED] != NULL, &err))
        return rg_usage_error(&rg_cmd_rank, "%s", err.msg);
    if (vo.directed && vo.kind != RG_VIEW_FULL)
        return rg_usage_error(&rg_cmd_rank, "--directed needs --graph full");
    double t0 = now();
    rg_graph g;
    if (rg_analysis_load_scores(&g, a->positional, a->npositional, &err))
        return rg_fail(1, "%s", err.msg);
    double t1 = now();
    rg_view v;
    int rc = 0;
    if (rg_view_build(&v, &g, &vo, &err)) {
        rc = rg_fail(err.code, "%s", err.msg);
        rg_graph_free(&g);
        return rc;
    }
    double t2 = now(), *score = NULL;
    if (rg_view_measure(&v, m, &score, &err)) rc = rg_fail(1, "%s: %s", a->positional[0], err.msg);
    double t3 = now();
    if (rc == 0) {
        uint32_t *order = rg_view_rank(&v, &g, score);
        size_t n = 0;
        for (size_t i = 0; i < v.n && (!top || n < top); i++)
            if (!types || (types >> g.nodes[v.node[order[i]]].type & 1)) order[n++] = order[i];
        ranking r = {&g, &v, score, order, n, rg_measure_names[m]};
        rg_outfile out;
        const char *path = a->values[O_OUT] ? a->values[O_OUT] : "-";
        const char *fmt = a->values[O_FORMAT] ? a->values[O_FORMAT] : "table";
        if (rg_outfile_open(&out, path, &err)) {
            rc = rg_fail(1, "%s", err.msg);
        } else {
            if (strcmp(fmt, "csv") == 0)
                write_csv(out.fp, &r);
            else if (strcmp(fmt, "json") == 0)
                write_json(out.fp, &r, &vo);
            else
                write_table(out.fp, &r);
            if (rg_outfile_commit(&out, &err)) rc = rg_fail(1, "%s", err.msg);
        }
        free(order);
    }
    if (timing)
        fprintf(stderr, "timing: load %.3f s, project %.3f s, %s %.3f s (%zu nodes, %zu links)\n",
                t1 - t0, t2 - t1, rg_measure_names[m], t3 - t2, v.n, v.m);
    free(score);
    rg_view_free(&v);
    rg_graph_free(&g);
    return rc;
}

static int run(int argc, char **argv)
{
    rg_args a;
    int rc = rg_parse_args(&rg_cmd_rank, argc, argv, opts, O_N, &a);
    if (rc) return rc < 0 ? 0 : rc;
    rg_measure m = RG_M_DEGREE;
    unsigned types = 0;
    unsigned long top = 0;
    rg_set_quiet(a.values[O_QUIET] != NULL);
    rc = check_args(&a, &m, &types, &top);
    if (rc == 0) rc = rank_graph(&a, m, types, top);
    rg_args_free(&a, O_N);
    return rc;
}

const rg_command rg_cmd_rank = {"rank", "rank actors by centrality", usage, run};
