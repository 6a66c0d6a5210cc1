/* relgraph entities GRAPH: the resolved actors of a graph with their
 * aliases, mention and document counts. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* qsort_r */
#endif
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "usage: relgraph entities GRAPH.json [options]\n"
    "\n"
    "Lists the graph's entities (nodes) with their type, canonical label, number of\n"
    "mentions, number of documents and every alias with its count, most mentioned\n"
    "first (ties by id).\n"
    "\n"
    "  -f, --format FMT     table (default), csv or json\n"
    "  -t, --type TYPES     only these node types (comma-separated)\n"
    "  -o, --output FILE    where to write ('-' = stdout, the default)\n";

enum { O_FMT, O_TYPE, O_OUT, O_N };
static const rg_opt opts[O_N] = {
    [O_FMT] = {"format", 'f', true},
    [O_TYPE] = {"type", 't', true},
    [O_OUT] = {"output", 'o', true},
};

extern const rg_command rg_cmd_entities;

static int cmp_entity(const void *a, const void *b, void *ctx)
{
    const rg_node *nodes = ctx;
    const rg_node *x = &nodes[*(const uint32_t *)a], *y = &nodes[*(const uint32_t *)b];
    if (x->mention_count != y->mention_count) return x->mention_count > y->mention_count ? -1 : 1;
    return strcmp(x->id, y->id);
}

/* "name (count); name (count)" */
static char *alias_list(const rg_node *n)
{
    rg_buf b = {0};
    rg_buf_puts(&b, "");
    for (size_t i = 0; i < n->naliases; i++)
        rg_buf_printf(&b, "%s%s (%u)", i ? "; " : "", n->aliases[i].name, n->aliases[i].count);
    return rg_buf_detach(&b);
}

/* Display width of a UTF-8 string, in code points. */
static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xc0) != 0x80;
    return w;
}

static void pad(FILE *f, const char *s, size_t w)
{
    fputs(s, f);
    for (size_t k = width(s); k < w; k++)
        fputc(' ', f);
}

static void write_table(FILE *f, const rg_graph *g, const uint32_t *idx, size_t n)
{
    size_t wid = 2, wtype = 4, wlabel = 5;
    for (size_t i = 0; i < n; i++) {
        const rg_node *nd = &g->nodes[idx[i]];
        if (width(nd->id) > wid) wid = width(nd->id);
        if (width(rg_node_type_name(nd->type)) > wtype) wtype = width(rg_node_type_name(nd->type));
        if (width(nd->label) > wlabel) wlabel = width(nd->label);
    }
    pad(f, "ID", wid + 2);
    pad(f, "TYPE", wtype + 2);
    pad(f, "LABEL", wlabel + 2);
    fputs("MENTIONS  DOCS  ALIASES\n", f);
    for (size_t i = 0; i < n; i++) {
        const rg_node *nd = &g->nodes[idx[i]];
        char *al = alias_list(nd);
        pad(f, nd->id, wid + 2);
        pad(f, rg_node_type_name(nd->type), wtype + 2);
        pad(f, nd->label, wlabel + 2);
        fprintf(f, "%8u  %4zu  %s\n", nd->mention_count, nd->ndocs, al);
        free(al);
    }
}

static void write_csv(FILE *f, const rg_graph *g, const uint32_t *idx, size_t n)
{
    fputs("id,type,label,mentions,documents,aliases\n", f);
    for (size_t i = 0; i < n; i++) {
        const rg_node *nd = &g->nodes[idx[i]];
        char *al = alias_list(nd);
        rg_csv_field(f, nd->id);
        fprintf(f, ",%s,", rg_node_type_name(nd->type));
        rg_csv_field(f, nd->label);
        fprintf(f, ",%u,%zu,", nd->mention_count, nd->ndocs);
        rg_csv_field(f, al);
        fputc('\n', f);
        free(al);
    }
}

static int write_json(FILE *f, const rg_graph *g, const uint32_t *idx, size_t n)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++) {
        const rg_node *nd = &g->nodes[idx[i]];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(nd->id));
        json_object_set_new(o, "type", json_string(rg_node_type_name(nd->type)));
        json_object_set_new(o, "label", json_string(nd->label));
        json_object_set_new(o, "mentions", json_integer(nd->mention_count));
        json_object_set_new(o, "documents", json_integer((json_int_t)nd->ndocs));
        json_t *docs = json_array(), *al = json_array();
        for (size_t k = 0; k < nd->ndocs; k++)
            json_array_append_new(docs, json_string(g->docs[nd->docs[k]].id));
        json_object_set_new(o, "document_ids", docs);
        for (size_t k = 0; k < nd->naliases; k++) {
            json_t *a = json_object();
            json_object_set_new(a, "name", json_string(nd->aliases[k].name));
            json_object_set_new(a, "count", json_integer(nd->aliases[k].count));
            json_array_append_new(al, a);
        }
        json_object_set_new(o, "aliases", al);
        json_array_append_new(arr, o);
    }
    int rc = json_dumpf(arr, f, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    fputc('\n', f);
    json_decref(arr);
    return rc;
}

/* Parses "person,place" into a type mask; false on an unknown type. */
static bool parse_types(const char *s, bool mask[RG_NODE_NTYPES], char **bad)
{
    char *copy = rg_strdup(s);
    bool ok = true;
    for (char *t = strtok(copy, ","); t && ok; t = strtok(NULL, ",")) {
        rg_node_type ty;
        if (rg_node_type_parse(t, &ty))
            mask[ty] = true;
        else
            ok = false, *bad = rg_strdup(t);
    }
    free(copy);
    return ok;
}

static int run(int argc, char **argv)
{
    rg_args a;
    int rc = rg_parse_args(&rg_cmd_entities, argc, argv, opts, O_N, &a);
    if (rc) return rc < 0 ? 0 : rc;
    const char *fmt = a.values[O_FMT] ? a.values[O_FMT] : "table";
    bool mask[RG_NODE_NTYPES] = {0};
    char *bad = NULL;
    if (a.npositional != 1)
        rc = rg_usage_error(&rg_cmd_entities, "expected one GRAPH file");
    else if (strcmp(fmt, "table") && strcmp(fmt, "csv") && strcmp(fmt, "json"))
        rc = rg_usage_error(&rg_cmd_entities, "unknown format '%s' (table, csv or json)", fmt);
    else if (a.values[O_TYPE] && !parse_types(a.values[O_TYPE], mask, &bad))
        rc = rg_usage_error(&rg_cmd_entities, "unknown type '%s'", bad);
    free(bad);
    if (!a.values[O_TYPE])
        for (int t = 0; t < RG_NODE_NTYPES; t++)
            mask[t] = true;
    rg_graph g;
    if (rc == 0 && (rc = rg_load_graph(a.positional[0], &g)) == 0) {
        uint32_t *idx = rg_malloc((g.nnodes + 1) * sizeof *idx);
        size_t n = 0;
        for (size_t i = 0; i < g.nnodes; i++)
            if (mask[g.nodes[i].type]) idx[n++] = (uint32_t)i;
        if (n) qsort_r(idx, n, sizeof *idx, cmp_entity, g.nodes);
        rg_outfile o;
        rg_error err = {0};
        const char *out = a.values[O_OUT] ? a.values[O_OUT] : "-";
        if (rg_outfile_open(&o, out, &err) != RG_OK) {
            rc = rg_fail(1, "%s", err.msg);
        } else {
            if (strcmp(fmt, "table") == 0)
                write_table(o.fp, &g, idx, n);
            else if (strcmp(fmt, "csv") == 0)
                write_csv(o.fp, &g, idx, n);
            else if (write_json(o.fp, &g, idx, n) != 0)
                rc = 1;
            if (rc) {
                rg_outfile_abort(&o);
                rg_fail(1, "%s: cannot write", out);
            } else if (rg_outfile_commit(&o, &err) != RG_OK) {
                rc = rg_fail(1, "%s", err.msg);
            }
        }
        free(idx);
        rg_graph_free(&g);
    }
    rg_args_free(&a, O_N);
    return rc;
}

const rg_command rg_cmd_entities = {"entities", "list entities with aliases and counts", usage,
                                    run};
