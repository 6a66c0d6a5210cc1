/* The fast paths for large tables: the CSV importer's endpoint reuse, edge
 * types and keys interned per graph, the counting-sort edge order of
 * rg_graph_finalize, the strmap's hash tags, and folding undated edges.
 * Each is checked against the plain behaviour it replaced. */
#include "rg_csv.h"
#include "rg_events.h"
#include "rg_import.h"
#include "rg_test.h"

static unsigned long rnd_state = 42;
static unsigned rnd(unsigned n)
{
    rnd_state = rnd_state * 6364136223846793005UL + 1442695040888963407UL;
    return (unsigned)(rnd_state >> 33) % n;
}

/* The edge list of a finalized graph as text: "src>dst key weight" lines. */
static char *edge_text(const rg_graph *g)
{
    rg_buf b = {0};
    for (size_t i = 0; i < g->nedges; i++) {
        const rg_edge *e = &g->edges[i];
        rg_buf_printf(&b, "%s>%s %s %g\n", g->nodes[e->source].id, g->nodes[e->target].id, e->key,
                      e->weight);
    }
    return b.data ? rg_buf_detach(&b) : rg_strdup("");
}

/* A table whose rows repeat and alternate endpoints (grouped by source,
 * then interleaved, the same id in both columns, a repeated row) gives the
 * graph that adding each row's endpoints and edge one by one gives. */
static void test_csv_endpoints(void)
{
    const char *ids[] = {"a", "b", "c", "ab", "a ", "B"};
    rg_buf csv = {0};
    rg_buf_puts(&csv, "Source,Target,Relation\n");
    rg_graph ref;
    rg_graph_init(&ref);
    uint32_t doc = rg_csv_add_table_doc(&ref, "t.csv");
    for (int row = 0; row < 3000; row++) {
        /* runs of the same source, targets mostly random */
        const char *s = ids[(row / 7) % 6], *t = ids[rnd(6)];
        const char *rel = rnd(4) ? "member_of" : "head_of";
        if (!strcmp(s, "a ")) s = "a"; /* unquoted fields are trimmed */
        if (!strcmp(t, "a ")) t = "a";
        rg_buf_printf(&csv, "%s,%s,%s\n", s, t, rel);
        if (row % 100 == 5) rg_buf_printf(&csv, "%s,%s,%s\n", s, t, rel); /* again */
        for (int k = 0; k < (row % 100 == 5 ? 2 : 1); k++) {
            uint32_t a = rg_graph_add_implicit_node(&ref, s, RG_NODE_ORGANISATION);
            rg_graph_node_add_doc(&ref, a, doc);
            uint32_t c = rg_graph_add_implicit_node(&ref, t, RG_NODE_ORGANISATION);
            rg_graph_node_add_doc(&ref, c, doc);
            rg_graph_add_edge(&ref, a, c, rel, NULL, NULL, 1, NULL, NULL);
        }
    }
    rg_graph g;
    rg_graph_init(&g);
    rg_import_opts o = {.no_row_evidence = true};
    rg_error err = {0};
    RG_CHECK(rg_csv_import(&g, "t.csv", csv.data, csv.len, &o, &err) == RG_OK);
    rg_graph_finalize(&g);
    rg_graph_finalize(&ref);
    RG_CHECK(g.nnodes == ref.nnodes && g.nedges == ref.nedges);
    for (size_t i = 0; i < g.nnodes && i < ref.nnodes; i++) {
        RG_CHECK_STR(g.nodes[i].id, ref.nodes[i].id);
        RG_CHECK(g.nodes[i].ndocs == 1 && g.nodes[i].implicit);
    }
    char *x = edge_text(&g), *y = edge_text(&ref);
    RG_CHECK_STR(x, y);
    free(x), free(y);
    rg_graph_free(&g), rg_graph_free(&ref);
    rg_buf_free(&csv);
}

/* Source,Target only (the importer reads ahead to prefetch): quoted
 * cells, CRLF and CR line ends, padded cells, long lines, a last line
 * without a break; the same graph as adding the rows one by one. */
static void test_csv_read_ahead(void)
{
    rg_buf csv = {0};
    rg_buf_puts(&csv, "Source,Target\r\n");
    rg_graph ref;
    rg_graph_init(&ref);
    uint32_t doc = rg_csv_add_table_doc(&ref, "t.csv");
    char s[600], d[32];
    for (int row = 0; row < 5000; row++) {
        snprintf(s, sizeof s, "v%u", rnd(300));
        snprintf(d, sizeof d, "v%u", rnd(300));
        if (row % 997 == 3) memset(s + strlen(s), 'x', 550), s[560] = '\0'; /* > 512 bytes */
        switch (rnd(5)) {
        case 0:
            rg_buf_printf(&csv, "\"%s\",%s\n", s, d);
            break;
        case 1:
            rg_buf_printf(&csv, " %s , %s \r\n", s, d);
            break;
        case 2:
            rg_buf_printf(&csv, "%s,%s\r", s, d);
            break;
        default:
            rg_buf_printf(&csv, "%s,%s\n", s, d);
            break;
        }
        uint32_t a = rg_graph_add_implicit_node(&ref, s, RG_NODE_ORGANISATION);
        rg_graph_node_add_doc(&ref, a, doc);
        uint32_t b = rg_graph_add_implicit_node(&ref, d, RG_NODE_ORGANISATION);
        rg_graph_node_add_doc(&ref, b, doc);
        rg_graph_add_edge(&ref, a, b, "related_to", NULL, NULL, 1, NULL, NULL);
    }
    rg_buf_puts(&csv, "v1,v2"); /* no final line break */
    uint32_t a = rg_graph_add_implicit_node(&ref, "v1", RG_NODE_ORGANISATION);
    uint32_t b = rg_graph_add_implicit_node(&ref, "v2", RG_NODE_ORGANISATION);
    rg_graph_node_add_doc(&ref, a, doc), rg_graph_node_add_doc(&ref, b, doc);
    rg_graph_add_edge(&ref, a, b, "related_to", NULL, NULL, 1, NULL, NULL);
    rg_graph g;
    rg_graph_init(&g);
    rg_import_opts o = {.no_row_evidence = true};
    rg_error err = {0};
    RG_CHECK(rg_csv_import(&g, "t.csv", csv.data, csv.len, &o, &err) == RG_OK);
    rg_graph_finalize(&g);
    rg_graph_finalize(&ref);
    RG_CHECK(g.nnodes == ref.nnodes && g.nedges == ref.nedges);
    char *x = edge_text(&g), *y = edge_text(&ref);
    RG_CHECK_STR(x, y);
    free(x), free(y);
    rg_graph_free(&g), rg_graph_free(&ref);
    rg_buf_free(&csv);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* finalize: edges in (source id, target id, key) order, every identity
 * once, weights of repeats summed, whatever the order of insertion. */
static void test_finalize_order(void)
{
    const char *types[] = {"member_of", "head_of", "allied_with", "related_to"};
    const char *dates[] = {NULL, "2020", "2021-05"};
    rg_graph g;
    rg_graph_init(&g);
    char id[32];
    for (int i = 0; i < 500; i++) {
        snprintf(id, sizeof id, "n%d", rnd(100000));
        rg_graph_add_node(&g, id, RG_NODE_PERSON, id, NULL, NULL);
    }
    char **tuples = rg_malloc(20000 * sizeof *tuples);
    for (int i = 0; i < 20000; i++) {
        uint32_t s = rnd((unsigned)g.nnodes), t = rnd((unsigned)g.nnodes), e;
        const char *ty = types[rnd(4)], *d = dates[rnd(3)];
        RG_CHECK(rg_graph_add_edge(&g, s, t, ty, NULL, d, 1, &e, NULL) == RG_OK);
        tuples[i] = rg_sprintf("%s>%s %s", g.nodes[g.edges[e].source].id,
                               g.nodes[g.edges[e].target].id, g.edges[e].key);
    }
    qsort(tuples, 20000, sizeof *tuples, cmp_str);
    size_t distinct = 0;
    for (int i = 0; i < 20000; i++)
        distinct += i == 0 || strcmp(tuples[i], tuples[i - 1]) != 0;
    rg_graph_finalize(&g);
    RG_CHECK(g.nedges == distinct);
    double total = 0;
    bool ordered = true;
    for (size_t i = 0; i < g.nedges; i++) {
        const rg_edge *e = &g.edges[i];
        total += e->weight;
        if (i == 0) continue;
        const rg_edge *p = &g.edges[i - 1];
        int c = strcmp(g.nodes[p->source].id, g.nodes[e->source].id);
        if (!c) c = strcmp(g.nodes[p->target].id, g.nodes[e->target].id);
        if (!c) c = strcmp(p->key, e->key);
        if (c >= 0) ordered = false;
    }
    RG_CHECK(ordered);
    RG_CHECK(total == 20000);
    for (int i = 0; i < 20000; i++)
        free(tuples[i]);
    free(tuples);
    rg_graph_free(&g);
}

/* Interned types and keys: shared within a graph, copied into another by
 * merge (the source graph can go), replaced by fold_undated without a
 * double free. */
static void test_interned(void)
{
    rg_graph g, h;
    rg_graph_init(&g);
    rg_graph_init(&h);
    uint32_t a, b, c, e1, e2, e3;
    rg_graph_add_node(&g, "a", RG_NODE_PERSON, "A", &a, NULL);
    rg_graph_add_node(&g, "b", RG_NODE_ORGANISATION, "B", &b, NULL);
    rg_graph_add_node(&g, "c", RG_NODE_ORGANISATION, "C", &c, NULL);
    rg_graph_add_edge(&g, a, b, "member_of", NULL, NULL, 1, &e1, NULL);
    rg_graph_add_edge(&g, a, c, "member_of", NULL, NULL, 1, &e2, NULL);
    rg_graph_add_edge(&g, a, b, "member_of", NULL, "2020-01-01", 1, &e3, NULL);
    RG_CHECK(g.edges[e1].type == g.edges[e2].type && g.edges[e1].key == g.edges[e2].key);
    RG_CHECK_STR(g.edges[e3].key, "member_of@2020-01-01");
    RG_CHECK(rg_graph_merge(&h, &g, NULL) == RG_OK);
    rg_graph_free(&g);
    RG_CHECK(h.nedges == 3);
    /* the undated a>b edge folds into its dated sibling; a>c has none */
    RG_CHECK(rg_edges_fold_undated(&h) == 1);
    rg_graph_finalize(&h);
    char *t = edge_text(&h);
    RG_CHECK_STR(t, "a>b member_of@2020-01-01 2\na>c member_of 1\n");
    free(t);
    /* nothing dated: nothing folded, nothing changed */
    RG_CHECK(rg_edges_fold_undated(&h) == 0);
    rg_graph_free(&h);
}

/* strmap: many similar keys, deletions (backward shift with stored
 * tags), re-insertions. */
static void test_strmap(void)
{
    rg_strmap m;
    rg_strmap_init(&m);
    char k[32];
    for (uint32_t i = 0; i < 20000; i++) {
        snprintf(k, sizeof k, "n%u", i);
        rg_strmap_put(&m, k, i);
    }
    for (uint32_t i = 0; i < 20000; i += 3) {
        snprintf(k, sizeof k, "n%u", i);
        RG_CHECK(rg_strmap_del(&m, k));
    }
    bool ok = m.len == 20000 - 6667;
    for (uint32_t i = 0; i < 20000; i++) {
        uint32_t v = RG_NONE;
        snprintf(k, sizeof k, "n%u", i);
        bool got = rg_strmap_get(&m, k, &v);
        if (got != (i % 3 != 0) || (got && v != i)) ok = false;
    }
    RG_CHECK(ok);
    RG_CHECK(!rg_strmap_get(&m, "n20000", NULL) && !rg_strmap_del(&m, "nope"));
    rg_strmap_put(&m, "n0", 7);
    uint32_t v = 0;
    RG_CHECK(rg_strmap_get(&m, "n0", &v) && v == 7);
    rg_strmap_free(&m);
}

int main(void)
{
    test_csv_endpoints();
    test_csv_read_ahead();
    test_finalize_order();
    test_interned();
    test_strmap();
    return rg_test_done();
}
