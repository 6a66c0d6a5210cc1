/* Hostile data at the graph level, below any importer: whatever bytes an
 * importer lets through, the graph model and the JSON writer must not crash,
 * hang, or write a corrupt file, and a failed merge must leave the target
 * graph unchanged (rg_import_file promises "on error g is unchanged"). */
#include <stdint.h>
#include <time.h>
#include <unistd.h>

#include "rg_json.h"
#include "rg_test.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static char tmpdir[] = "/tmp/rg-hostile-graph-XXXXXX";

/* Invalid UTF-8 in every kind of string the graph stores must still give a
 * JSON file that reads back with every node and edge (jansson drops invalid
 * strings, which used to write nodes without "id"). */
static void invalid_utf8_written_readable(void)
{
    rg_graph g;
    rg_graph_init(&g);
    rg_error err = {0};
    uint32_t a, b, e;
    rg_document d = {.id = "doc\xff", .title = "T\xc3", .path = "p\xed\xa0\x80.txt"};
    uint32_t di = rg_graph_add_doc(&g, &d);
    RG_CHECK(rg_graph_add_node(&g, "person:a\xff", RG_NODE_PERSON, "Al\xe9", &a, &err) == RG_OK);
    RG_CHECK(rg_graph_add_node(&g, "org:b", RG_NODE_ORGANISATION, "B\xc0\xaf", &b, &err) == RG_OK);
    rg_graph_node_add_alias(&g, a, "\xf8\x88\x80\x80\x80", 2);
    rg_graph_node_add_mention(&g, a, (rg_span){di, 0, 3});
    rg_attrs_set(&g.nodes[b].attrs, "k\xfe", "v\xff");
    RG_CHECK(rg_graph_add_edge(&g, a, b, "member_of", "r\x80", "2025\xff", 1, &e, &err) == RG_OK);
    rg_graph_edge_add_evidence(&g, e, di, 0, 3, "Al\xe9 is in B");
    rg_graph_finalize(&g);

    char *path = rg_sprintf("%s/utf8.json", tmpdir);
    RG_CHECK(rg_json_write_file(&g, path, &err) == RG_OK);
    rg_graph back;
    rg_graph_init(&back);
    rg_status rc = rg_json_read_file(&back, path, &err);
    if (rc != RG_OK) fprintf(stderr, "read back: %s\n", err.msg);
    RG_CHECK(rc == RG_OK);
    RG_CHECK(back.nnodes == 2 && back.nedges == 1 && back.ndocs == 1);
    if (back.nnodes == 2) {
        RG_CHECK_STR(back.nodes[1].id, "person:a\xef\xbf\xbd");
        RG_CHECK(rg_attrs_get(&back.nodes[0].attrs, "k\xef\xbf\xbd") != NULL);
    }
    rg_graph_free(&back);
    unlink(path);
    free(path);
    rg_graph_free(&g);
}

/* A merge that fails half-way (a node id with another type) must leave the
 * target as it was. */
static void failed_merge_leaves_target_unchanged(void)
{
    rg_graph dst, src;
    rg_graph_init(&dst);
    rg_graph_init(&src);
    rg_error err = {0};
    uint32_t i, j;
    rg_graph_add_node(&dst, "x", RG_NODE_PERSON, "X", &i, &err);
    rg_document d = {.id = "d2"};
    rg_graph_add_doc(&src, &d);
    rg_graph_add_node(&src, "a", RG_NODE_PERSON, "A", &i, &err);
    rg_graph_add_node(&src, "x", RG_NODE_PLACE, "X", &j, &err);
    rg_graph_add_edge(&src, i, j, "located_in", NULL, NULL, 1, NULL, &err);
    rg_error_clear(&err);
    RG_CHECK(rg_graph_merge(&dst, &src, &err) == RG_EINPUT);
    RG_CHECK(strstr(err.msg, "'x'") != NULL);
    RG_CHECK(dst.nnodes == 1 && dst.nedges == 0 && dst.ndocs == 0);
    RG_CHECK(rg_graph_find_node(&dst, "a") == RG_NONE);
    rg_graph_free(&dst);
    rg_graph_free(&src);
}

/* Huge numbers of documents, nodes and edges: finalize must stay close to
 * n log n (an input file can hold hundreds of thousands of documents). */
static void many_documents_finalize_fast(void)
{
    rg_graph g;
    rg_graph_init(&g);
    const size_t n = 200000;
    for (size_t k = 0; k < n; k++) {
        char id[32];
        snprintf(id, sizeof id, "d%07zu", n - k); /* reverse order: worst case for naive sorts */
        rg_document d = {.id = id};
        rg_graph_add_doc(&g, &d);
    }
    double t0 = now();
    rg_graph_finalize(&g);
    double dt = now() - t0;
    printf("finalize of %zu documents: %.2fs\n", n, dt);
    RG_CHECK(dt < 10.0);
    RG_CHECK(g.ndocs == n && strcmp(g.docs[0].id, "d0000001") == 0);
    rg_graph_free(&g);
}

/* Many attributes, aliases and evidence records: insertion stays fast, and
 * lookups stay right after the lists are reordered (finalize sorts aliases). */
static void large_lists(void)
{
    rg_graph g;
    rg_graph_init(&g);
    rg_error err = {0};
    uint32_t a, e;
    rg_graph_add_node(&g, "a", RG_NODE_PERSON, "A", &a, &err);
    rg_graph_add_edge(&g, a, a, "related_to", NULL, NULL, 1, &e, &err);
    const int n = 100000;
    double t0 = now();
    for (int i = 0; i < n; i++) {
        char k[32];
        snprintf(k, sizeof k, "k%d", i);
        rg_attrs_set(&g.nodes[a].attrs, k, k);
        rg_graph_node_add_alias(&g, a, k, (uint32_t)(i % 7) + 1);
        rg_graph_edge_add_evidence(&g, e, 0, (uint32_t)i, (uint32_t)i + 1, k);
    }
    double dt = now() - t0;
    printf("100k attributes, aliases, evidence: %.2fs\n", dt);
    RG_CHECK(dt < 10.0);
    rg_document d = {.id = "d"};
    rg_graph_add_doc(&g, &d);
    rg_graph_finalize(&g); /* reorders aliases and evidence */
    rg_graph_node_add_alias(&g, 0, "k77", 100);
    rg_graph_edge_add_evidence(&g, 0, 0, 77, 78, "again");
    rg_attrs_set(&g.nodes[0].attrs, "k5", "five");
    RG_CHECK(g.nodes[0].naliases == (size_t)n && g.edges[0].nevidence == (size_t)n);
    RG_CHECK(g.nodes[0].attrs.n == (size_t)n);
    RG_CHECK_STR(rg_attrs_get(&g.nodes[0].attrs, "k5"), "five");
    RG_CHECK(rg_attrs_get(&g.nodes[0].attrs, "nope") == NULL);
    bool found = false;
    for (size_t i = 0; i < g.nodes[0].naliases; i++)
        if (strcmp(g.nodes[0].aliases[i].name, "k77") == 0)
            found = g.nodes[0].aliases[i].count == 100 + 77 % 7 + 1;
    RG_CHECK(found);
    rg_graph_free(&g);
}

/* Extremely long names and NUL-free binary junk as ids. */
static void long_and_binary_names(void)
{
    rg_graph g;
    rg_graph_init(&g);
    rg_error err = {0};
    size_t n = 4 << 20;
    char *big = malloc(n + 1);
    for (size_t k = 0; k < n; k++)
        big[k] = (char)(1 + k % 255);
    big[n] = '\0';
    uint32_t a, b;
    RG_CHECK(rg_graph_add_node(&g, big, RG_NODE_PERSON, big, &a, &err) == RG_OK);
    RG_CHECK(rg_graph_add_node(&g, NULL, RG_NODE_PLACE, big, &b, &err) == RG_OK);
    RG_CHECK(rg_graph_add_edge(&g, a, b, "located_in", big, NULL, 1, NULL, &err) == RG_OK);
    rg_graph_finalize(&g);
    char *path = rg_sprintf("%s/long.json", tmpdir);
    RG_CHECK(rg_json_write_file(&g, path, &err) == RG_OK);
    rg_graph back;
    rg_graph_init(&back);
    RG_CHECK(rg_json_read_file(&back, path, &err) == RG_OK);
    RG_CHECK(back.nnodes == 2 && back.nedges == 1);
    rg_graph_free(&back);
    unlink(path);
    free(path);
    free(big);
    rg_graph_free(&g);
}

int main(void)
{
    if (!mkdtemp(tmpdir)) RG_SKIP("no temporary directory");
    rg_set_quiet(true);
    invalid_utf8_written_readable();
    failed_merge_leaves_target_unchanged();
    many_documents_finalize_fast();
    large_lists();
    long_and_binary_names();
    rmdir(tmpdir);
    return rg_test_done();
}
