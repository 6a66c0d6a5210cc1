/* rg_graph: nodes, implicit nodes, edges (identity, symmetric storage,
 * merging of weight and evidence), contraction, graph merge, and the
 * determinism of finalize (two insertion orders, identical JSON bytes). */
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

static uint32_t node(rg_graph *g, const char *id, rg_node_type t, const char *label)
{
    uint32_t i = RG_NONE;
    RG_CHECK(rg_graph_add_node(g, id, t, label, &i, NULL) == RG_OK);
    return i;
}

static uint32_t edge(rg_graph *g, const char *s, const char *t, const char *type, double w)
{
    uint32_t e = RG_NONE;
    RG_CHECK(rg_graph_add_edge(g, rg_graph_find_node(g, s), rg_graph_find_node(g, t), type, NULL,
                               NULL, w, &e, NULL) == RG_OK);
    return e;
}

static void test_nodes(void)
{
    rg_graph g;
    rg_graph_init(&g);
    uint32_t a = node(&g, NULL, RG_NODE_PERSON, "Anwar Raslan");
    RG_CHECK_STR(g.nodes[a].id, "person:anwar-raslan");
    RG_CHECK_STR(g.nodes[a].label, "Anwar Raslan");
    /* same id again: the same node */
    RG_CHECK(node(&g, "person:anwar-raslan", RG_NODE_PERSON, "A. Raslan") == a);
    RG_CHECK(g.nnodes == 1);
    /* same id, another type: refused with a message naming both */
    rg_error err = {0};
    RG_CHECK(rg_graph_add_node(&g, "person:anwar-raslan", RG_NODE_PLACE, "x", NULL, &err) ==
             RG_EINPUT);
    RG_CHECK(strstr(err.msg, "person") && strstr(err.msg, "place"));
    RG_CHECK(rg_graph_add_node(&g, "bad", (rg_node_type)99, "x", NULL, &err) == RG_EINPUT);
    RG_CHECK(g.nnodes == 1);

    rg_node_type t;
    RG_CHECK(rg_node_type_parse("Organization", &t) && t == RG_NODE_ORGANISATION);
    RG_CHECK(rg_node_type_parse("GPE", &t) && t == RG_NODE_PLACE);
    RG_CHECK(!rg_node_type_parse("family", &t));

    /* renaming keeps edges addressable by the new id */
    uint32_t b = node(&g, "b", RG_NODE_ORGANISATION, NULL);
    RG_CHECK_STR(g.nodes[b].label, "b"); /* no label: the id */
    uint32_t e = edge(&g, "person:anwar-raslan", "b", "member_of", 1);
    RG_CHECK(rg_graph_node_set_id(&g, b, "org:b", NULL) == RG_OK);
    RG_CHECK(rg_graph_find_node(&g, "b") == RG_NONE && rg_graph_find_node(&g, "org:b") == b);
    RG_CHECK(edge(&g, "person:anwar-raslan", "org:b", "member_of", 2) == e);
    RG_CHECK(g.nedges == 1 && g.edges[e].weight == 3);
    RG_CHECK(rg_graph_node_set_id(&g, b, "person:anwar-raslan", &err) == RG_EINPUT);
    rg_graph_free(&g);
}

static void test_implicit(void)
{
    rg_graph g;
    rg_graph_init(&g);
    uint32_t x = rg_graph_add_implicit_node(&g, "x", RG_NODE_ORGANISATION);
    RG_CHECK(g.nodes[x].implicit);
    RG_CHECK(rg_graph_add_implicit_node(&g, "x", RG_NODE_ORGANISATION) == x);
    /* an explicit definition completes it, even with another type */
    uint32_t y = node(&g, "x", RG_NODE_PERSON, "Mr X");
    RG_CHECK(y == x && !g.nodes[x].implicit && g.nodes[x].type == RG_NODE_PERSON);
    RG_CHECK_STR(g.nodes[x].label, "Mr X");
    /* after that, an implicit reference does not undo it */
    RG_CHECK(rg_graph_add_implicit_node(&g, "x", RG_NODE_ORGANISATION) == x);
    RG_CHECK(!g.nodes[x].implicit && g.nodes[x].type == RG_NODE_PERSON);

    /* across graphs: an edge-only graph merged after a node-only graph, and
     * the other way round, give the same typed node */
    rg_graph nodes, edges, m1, m2;
    rg_graph_init(&nodes), rg_graph_init(&edges), rg_graph_init(&m1), rg_graph_init(&m2);
    node(&nodes, "p", RG_NODE_PERSON, "Person P");
    rg_graph_add_implicit_node(&edges, "p", RG_NODE_ORGANISATION);
    rg_graph_add_implicit_node(&edges, "q", RG_NODE_ORGANISATION);
    edge(&edges, "p", "q", "member_of", 1);
    RG_CHECK(rg_graph_merge(&m1, &nodes, NULL) == RG_OK && rg_graph_merge(&m1, &edges, NULL) == 0);
    RG_CHECK(rg_graph_merge(&m2, &edges, NULL) == RG_OK && rg_graph_merge(&m2, &nodes, NULL) == 0);
    rg_graph_finalize(&m1), rg_graph_finalize(&m2);
    char *j1 = to_json(&m1), *j2 = to_json(&m2);
    RG_CHECK_STR(j1, j2);
    uint32_t p = rg_graph_find_node(&m2, "p");
    RG_CHECK(p != RG_NONE && m2.nodes[p].type == RG_NODE_PERSON && !m2.nodes[p].implicit);
    RG_CHECK_STR(m2.nodes[p].label, "Person P");
    free(j1), free(j2);
    rg_graph_free(&nodes), rg_graph_free(&edges), rg_graph_free(&m1), rg_graph_free(&m2);
    rg_graph_free(&g);
}

static void test_edges(void)
{
    rg_graph g;
    rg_graph_init(&g);
    node(&g, "a", RG_NODE_PERSON, NULL);
    node(&g, "b", RG_NODE_PERSON, NULL);
    /* symmetric: stored once, smaller id first, whatever the order given */
    uint32_t e1 = edge(&g, "b", "a", "communicated_with", 1);
    RG_CHECK_STR(g.nodes[g.edges[e1].source].id, "a");
    uint32_t e2 = edge(&g, "a", "b", "communicated_with", 2);
    RG_CHECK(e1 == e2 && g.nedges == 1 && g.edges[e1].weight == 3);
    /* directed relations keep their direction and are distinct per direction */
    uint32_t d1 = edge(&g, "b", "a", "head_of", 1), d2 = edge(&g, "a", "b", "head_of", 1);
    RG_CHECK(d1 != d2 && g.nedges == 3);
    RG_CHECK_STR(g.nodes[g.edges[d1].source].id, "b");
    /* role and date are part of the identity and of the key */
    uint32_t r1, r2, r3;
    uint32_t a = rg_graph_find_node(&g, "a"), b = rg_graph_find_node(&g, "b");
    RG_CHECK(rg_graph_add_edge(&g, a, b, "participant_in", "host", "2020-01", 1, &r1, NULL) == 0);
    RG_CHECK(rg_graph_add_edge(&g, a, b, "participant_in", "host", "2020-02", 1, &r2, NULL) == 0);
    RG_CHECK(rg_graph_add_edge(&g, a, b, "participant_in", "host", "2020-01", 1, &r3, NULL) == 0);
    RG_CHECK(r1 != r2 && r1 == r3 && g.edges[r1].weight == 2);
    RG_CHECK_STR(g.edges[r1].key, "participant_in:host@2020-01");
    /* evidence accumulates, the same sentence only once */
    rg_document doc = {.id = "d1"};
    uint32_t d = rg_graph_add_doc(&g, &doc);
    rg_graph_edge_add_evidence(&g, e1, d, 10, 20, "A wrote to B.");
    rg_graph_edge_add_evidence(&g, e1, d, 10, 20, "A wrote to B.");
    rg_graph_edge_add_evidence(&g, e1, d, 30, 40, "B answered A.");
    RG_CHECK(g.edges[e1].nevidence == 2);
    /* invalid types are refused */
    rg_error err = {0};
    RG_CHECK(rg_graph_add_edge(&g, a, b, "Head Of", NULL, NULL, 1, NULL, &err) == RG_EINPUT);
    RG_CHECK(strstr(err.msg, "Head Of") != NULL);
    RG_CHECK(rg_graph_add_edge(&g, a, 99, "head_of", NULL, NULL, 1, NULL, &err) == RG_EINPUT);
    RG_CHECK(rg_edge_type_valid("worked_for2") && !rg_edge_type_valid("2x") &&
             !rg_edge_type_valid(""));
    RG_CHECK(rg_edge_type_known("head_of") && !rg_edge_type_known("worked_for"));
    RG_CHECK(rg_edge_type_known("in_charge_of"));
    RG_CHECK(rg_edge_type_symmetric("allied_with") && !rg_edge_type_symmetric("member_of"));
    /* the igraph view follows the arrays */
    const igraph_t *ig = rg_graph_igraph(&g);
    RG_CHECK(igraph_vcount(ig) == 2 && igraph_ecount(ig) == (igraph_integer_t)g.nedges);
    node(&g, "c", RG_NODE_PLACE, NULL);
    RG_CHECK(igraph_vcount(rg_graph_igraph(&g)) == 3);
    rg_graph_free(&g);
}

static void test_contract(void)
{
    rg_graph g;
    rg_graph_init(&g);
    rg_document doc = {.id = "d"};
    uint32_t d = rg_graph_add_doc(&g, &doc);
    uint32_t a = node(&g, "a", RG_NODE_PERSON, "Ali");
    uint32_t a2 = node(&g, "a2", RG_NODE_PERSON, "Ali H.");
    node(&g, "o", RG_NODE_ORGANISATION, NULL);
    rg_graph_node_add_alias(&g, a, "Ali", 2);
    rg_graph_node_add_alias(&g, a2, "Ali", 1);
    rg_graph_node_add_alias(&g, a2, "Ali H.", 1);
    rg_attrs_set(&g.nodes[a].attrs, "born", "1960");
    rg_attrs_set(&g.nodes[a2].attrs, "born", "1961");
    rg_attrs_set(&g.nodes[a2].attrs, "rank", "colonel");
    rg_graph_node_add_mention(&g, a2, (rg_span){d, 5, 8});
    uint32_t e1 = edge(&g, "a", "o", "member_of", 1), e2 = edge(&g, "a2", "o", "member_of", 2);
    rg_graph_edge_add_evidence(&g, e1, d, 0, 10, "one");
    rg_graph_edge_add_evidence(&g, e2, d, 20, 30, "two");
    edge(&g, "a", "a2", "communicated_with", 1); /* becomes a self-loop: dropped */
    rg_graph_merge_nodes(&g, a, a2);
    RG_CHECK(g.nnodes == 2 && g.nedges == 1);
    a = rg_graph_find_node(&g, "a");
    RG_CHECK(rg_graph_find_node(&g, "a2") == RG_NONE);
    RG_CHECK(rg_graph_find_node(&g, "o") == 1); /* indices above the dropped node shift */
    RG_CHECK(g.edges[0].weight == 3 && g.edges[0].nevidence == 2);
    RG_CHECK_STR(rg_attrs_get(&g.nodes[a].attrs, "born"), "1960"); /* keep's value wins */
    RG_CHECK_STR(rg_attrs_get(&g.nodes[a].attrs, "rank"), "colonel");
    RG_CHECK(g.nodes[a].naliases == 2 && g.nodes[a].aliases[0].count == 3);
    RG_CHECK(g.nodes[a].mention_count == 1 && g.nodes[a].ndocs == 1);
    /* the merged graph still merges new observations into the same edge */
    RG_CHECK(edge(&g, "a", "o", "member_of", 1) == 0 && g.nedges == 1);
    rg_graph_free(&g);
}

/* Documents that share an id but are different files stay apart; the
 * same file met again (same path, or same sha256) is the same document. */
static void test_doc_collisions(void)
{
    rg_graph dst, a, b, c, d;
    rg_graph_init(&dst);
    rg_document da = {.id = "edges", .path = "x/edges.csv"};
    rg_document db = {.id = "edges", .path = "y/edges.csv"};
    rg_document dt1 = {.id = "report", .path = "x/report.txt", .sha256 = "11"};
    rg_document dt2 = {.id = "report", .path = "moved/report.txt", .sha256 = "11"};
    rg_graph *parts[4] = {&a, &b, &c, &d};
    const rg_document *docs[4] = {&da, &db, &dt1, &dt2};
    for (int i = 0; i < 4; i++) {
        rg_graph_init(parts[i]);
        uint32_t doc = rg_graph_add_doc(parts[i], docs[i]);
        uint32_t n = node(parts[i], "n", RG_NODE_PERSON, NULL);
        rg_graph_node_add_doc(parts[i], n, doc);
        RG_CHECK(rg_graph_merge(&dst, parts[i], NULL) == RG_OK);
    }
    /* b again, as when a built graph is rebuilt with its inputs */
    RG_CHECK(rg_graph_merge(&dst, &b, NULL) == RG_OK);
    RG_CHECK(dst.ndocs == 3);
    uint32_t e2 = rg_graph_find_doc(&dst, "edges-2");
    RG_CHECK(e2 != RG_NONE && !strcmp(dst.docs[e2].path, "y/edges.csv"));
    RG_CHECK(rg_graph_find_doc(&dst, "report-2") == RG_NONE); /* same sha256: same doc */
    RG_CHECK(dst.nnodes == 1 && dst.nodes[0].ndocs == 3);
    for (int i = 0; i < 4; i++)
        rg_graph_free(parts[i]);
    rg_graph_free(&dst);
}

/* The same content added in two different orders. */
static void build(rg_graph *g, bool reverse)
{
    static const char *const ids[] = {"z", "m", "a", "k"};
    static const char *const docs[] = {"doc-b", "doc-a"};
    rg_graph_init(g);
    for (int i = 0; i < 2; i++) {
        rg_document d = {.id = (char *)docs[reverse ? 1 - i : i], .title = "T"};
        rg_graph_add_doc(g, &d);
    }
    for (int i = 0; i < 4; i++) {
        const char *id = ids[reverse ? 3 - i : i];
        uint32_t n = node(g, id, RG_NODE_PERSON, id);
        rg_attrs_set(&g->nodes[n].attrs, "note", "n");
    }
    uint32_t ia = rg_graph_find_doc(g, "doc-a"), ib = rg_graph_find_doc(g, "doc-b");
    for (int i = 0; i < 6; i++) {
        int k = reverse ? 5 - i : i;
        const char *s = ids[k % 4], *t = ids[(k + 1) % 4];
        uint32_t e = edge(g, s, t, k % 2 ? "allied_with" : "member_of", 1);
        rg_graph_edge_add_evidence(g, e, k % 2 ? ia : ib, (uint32_t)k * 10, (uint32_t)k * 10 + 5,
                                   "s");
        uint32_t n = rg_graph_find_node(g, s);
        rg_graph_node_add_alias(g, n, k % 3 ? "alias-x" : "alias-y", 1);
        rg_graph_node_add_mention(g, n, (rg_span){k % 2 ? ia : ib, (uint32_t)k, (uint32_t)k + 1});
    }
}

static void test_determinism(void)
{
    rg_graph g1, g2;
    build(&g1, false);
    build(&g2, true);
    char *before1 = to_json(&g1), *before2 = to_json(&g2);
    RG_CHECK(strcmp(before1, before2) != 0); /* the orders really differ */
    rg_graph_finalize(&g1);
    rg_graph_finalize(&g2);
    char *j1 = to_json(&g1), *j2 = to_json(&g2);
    RG_CHECK(strcmp(j1, j2) == 0);
    RG_CHECK(g1.nedges == 4); /* k=4 and k=5 repeat the edges of k=0 and k=1 */
    RG_CHECK_STR(g1.nodes[0].id, "a");
    RG_CHECK_STR(g1.docs[0].id, "doc-a");
    /* finalize is idempotent */
    rg_graph_finalize(&g1);
    char *j3 = to_json(&g1);
    RG_CHECK(strcmp(j1, j3) == 0);
    free(before1), free(before2), free(j1), free(j2), free(j3);
    rg_graph_free(&g1);
    rg_graph_free(&g2);
}

int main(void)
{
    test_nodes();
    test_implicit();
    test_edges();
    test_contract();
    test_doc_collisions();
    test_determinism();
    return rg_test_done();
}
