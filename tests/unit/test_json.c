/* The native JSON format: write -> read -> write gives identical bytes with
 * every kind of content (documents, aliases, provenance, evidence,
 * attributes, unicode), networkx-style input is accepted, and bad input is
 * refused with a message naming the file (and line for syntax errors). */
#include "rg_graph.h"
#include "rg_json.h"
#include "rg_test.h"

static char *to_json(const rg_graph *g)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    RG_CHECK(rg_json_write(g, f, NULL) == RG_OK);
    fclose(f);
    return buf;
}

static rg_status from_json(rg_graph *g, const char *text, rg_error *err)
{
    rg_graph_init(g);
    return rg_json_read(g, "mem.json", text, strlen(text), NULL, err);
}

static void rich_graph(rg_graph *g)
{
    rg_graph_init(g);
    rg_document d1 = {.id = "report-2019",
                      .title = "Rapport « Césarée »",
                      .date = "2019-03-01",
                      .path = "in/report-2019.html",
                      .sha256 = "ab12"};
    rg_document d2 = {.id = "table", .path = "in/table.csv"};
    uint32_t a = rg_graph_add_doc(g, &d1), b = rg_graph_add_doc(g, &d2);
    uint32_t p, o, ev;
    rg_graph_add_node(g, NULL, RG_NODE_PERSON, "ʿAbd al-Raḥmān Ḥasan", &p, NULL);
    rg_graph_add_node(g, "org:1", RG_NODE_ORGANISATION, "فرع فلسطين", &o, NULL);
    rg_graph_add_node(g, "event:x", RG_NODE_EVENT, "Trial \"Koblenz\"\n2021", &ev, NULL);
    rg_graph_node_add_alias(g, p, "ʿAbd al-Raḥmān Ḥasan", 3);
    rg_graph_node_add_alias(g, p, "Hasan", 1);
    rg_graph_node_add_mention(g, p, (rg_span){a, 10, 31});
    rg_graph_node_add_mention(g, p, (rg_span){a, 100, 105});
    rg_graph_node_add_doc(g, o, b);
    g->nodes[o].mention_count = 7; /* more mentions than recorded spans */
    rg_attrs_set(&g->nodes[p].attrs, "rank", "Brigadier");
    rg_attrs_set(&g->nodes[p].attrs, "emoji", "🙂 \t tab");
    uint32_t e;
    rg_graph_add_edge(g, p, o, "head_of", NULL, "2011-04", 2.5, &e, NULL);
    rg_graph_edge_add_evidence(g, e, a, 0, 40, "Ḥasan headed Branch 235 (“Palestine”).");
    rg_attrs_set(&g->edges[e].attrs, "directed", "true");
    rg_graph_add_edge(g, p, ev, "participant_in", "defendant", NULL, 1.0 / 3.0, &e, NULL);
    rg_graph_add_edge(g, o, o, "part_of", NULL, NULL, 1e-9, &e, NULL); /* a self-loop */
    rg_attrs_set(&g->attrs, "title", "Test graph");
    rg_graph_finalize(g);
}

static void test_round_trip(void)
{
    rg_graph g, h, k;
    rich_graph(&g);
    char *j1 = to_json(&g);
    rg_error err = {0};
    RG_CHECK(from_json(&h, j1, &err) == RG_OK);
    char *j2 = to_json(&h);
    RG_CHECK_STR(j1, j2);
    /* and through finalize again: still the same */
    rg_graph_finalize(&h);
    char *j3 = to_json(&h);
    RG_CHECK_STR(j1, j3);
    /* the content really is there (not a vacuous empty round trip) */
    RG_CHECK(h.ndocs == 2 && h.nnodes == 3 && h.nedges == 3);
    uint32_t p = rg_graph_find_node(&h, "person:abd-al-rahman-hasan");
    RG_CHECK(p != RG_NONE);
    if (p != RG_NONE) {
        RG_CHECK(h.nodes[p].naliases == 2 && h.nodes[p].aliases[0].count == 3);
        RG_CHECK(h.nodes[p].nmentions == 2 && h.nodes[p].mentions[1].begin == 100);
        RG_CHECK_STR(rg_attrs_get(&h.nodes[p].attrs, "emoji"), "🙂 \t tab");
    }
    uint32_t o = rg_graph_find_node(&h, "org:1");
    RG_CHECK(o != RG_NONE && h.nodes[o].mention_count == 7);
    RG_CHECK(strstr(j1, "\"label\": \"فرع فلسطين\"") != NULL); /* UTF-8, not \u escapes */
    RG_CHECK(strstr(j1, "\"weight\": 0.33333333333333331") != NULL);
    RG_CHECK(strstr(j1, "\"sha256\": \"ab12\"") != NULL);
    /* reading twice into the same graph from two files merges */
    RG_CHECK(from_json(&k, j1, &err) == RG_OK);
    RG_CHECK(rg_json_read(&k, "again.json", j1, strlen(j1), NULL, &err) == RG_EINPUT);
    RG_CHECK(strstr(err.msg, "again.json") && strstr(err.msg, "duplicate node"));
    free(j1), free(j2), free(j3);
    rg_graph_free(&g), rg_graph_free(&h), rg_graph_free(&k);
}

/* networkx's node_link_data output: integer ids, no relgraph fields. */
static void test_networkx_input(void)
{
    const char *nx = "{\"directed\": false, \"multigraph\": false, \"graph\": {},"
                     " \"nodes\": [{\"id\": 0, \"club\": \"Mr. Hi\"}, {\"id\": 1}],"
                     " \"links\": [{\"source\": 0, \"target\": 1, \"weight\": 4}]}";
    rg_graph g;
    rg_error err = {0};
    RG_CHECK(from_json(&g, nx, &err) == RG_OK);
    RG_CHECK(g.nnodes == 2 && g.nedges == 1);
    RG_CHECK_STR(g.nodes[0].id, "0");
    RG_CHECK(g.nodes[0].type == RG_NODE_ORGANISATION);
    RG_CHECK_STR(rg_attrs_get(&g.nodes[0].attrs, "club"), "Mr. Hi");
    RG_CHECK(g.nedges == 1 && g.edges[0].weight == 4);
    RG_CHECK_STR(g.edges[0].type, "related_to");
    rg_graph_free(&g);
}

static void check_bad(const char *text, const char *want)
{
    rg_graph g;
    rg_error err = {0};
    RG_CHECK(from_json(&g, text, &err) == RG_EINPUT);
    RG_CHECK(strstr(err.msg, "mem.json") != NULL);
    if (!strstr(err.msg, want)) {
        fprintf(stderr, "message '%s' lacks '%s'\n", err.msg, want);
        rg_test_fail++;
    }
    rg_graph_free(&g);
}

static void test_bad_input(void)
{
    check_bad("{\"nodes\": [\n{\"id\": \"a\"},\n]}", "mem.json:3:"); /* line of the error */
    check_bad("[]", "no \"nodes\" array");
    check_bad("{\"nodes\": [{\"type\": \"person\"}]}", "has no \"id\"");
    check_bad("{\"nodes\": [{\"id\": \"a\", \"type\": \"family\"}]}", "unknown type 'family'");
    check_bad("{\"nodes\": [{\"id\": \"a\"}], \"links\": [{\"source\": \"a\", \"target\": \"b\"}]}",
              "no node with id 'b'");
    check_bad("{\"nodes\": [{\"id\": \"a\"}], \"links\": [{\"source\": \"a\", \"target\": \"a\","
              " \"weight\": \"heavy\"}]}",
              "weight is not a number");
    check_bad("{\"nodes\": [{\"id\": \"a\"}], \"links\": [{\"source\": \"a\", \"target\": \"a\","
              " \"type\": \"Head Of\"}]}",
              "invalid edge type");
    check_bad("{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"a\"}]}", "duplicate node id 'a'");
    check_bad("{\"nodes\": [{\"id\": \"a\", \"provenance\": [{\"doc\": \"d\"}]}]}",
              "provenance #0 needs doc, begin, end");
}

/* Strings that are not valid UTF-8 (from a Latin-1 table, say) must not make
 * the writer silently drop a field: the output stays valid and complete. */
static void test_invalid_utf8_written(void)
{
    rg_graph g, h;
    rg_graph_init(&g);
    uint32_t n;
    rg_graph_add_node(&g, "x", RG_NODE_PERSON, "Jos\xe9", &n, NULL);
    rg_attrs_set(&g.nodes[n].attrs, "city", "S\xe3o Paulo");
    char *j = to_json(&g);
    rg_error err = {0};
    RG_CHECK(from_json(&h, j, &err) == RG_OK);
    RG_CHECK(h.nnodes == 1 && h.nodes[0].label && strncmp(h.nodes[0].label, "Jos", 3) == 0);
    RG_CHECK(h.nnodes == 1 && rg_attrs_get(&h.nodes[0].attrs, "city") != NULL);
    free(j);
    rg_graph_free(&g), rg_graph_free(&h);
}

int main(void)
{
    test_round_trip();
    test_networkx_input();
    test_bad_input();
    test_invalid_utf8_written();
    return rg_test_done();
}
