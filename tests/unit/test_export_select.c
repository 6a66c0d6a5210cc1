/* Exporter helpers: scores, ranking, --top selection, option checks,
 * colours, layout choice, evidence text, and the CSV directory writer. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rg_export.h"
#include "rg_test.h"

/* a -> b, a -> c, a -> d, b -> c, plus e isolated; pagerank favours e. */
static void make(rg_graph *g)
{
    rg_graph_init(g);
    rg_document d = {.id = "doc1", .path = "doc1.txt"};
    uint32_t doc = rg_graph_add_doc(g, &d);
    const char *ids[] = {"person:a", "person:b", "organisation:c", "place:d", "person:e"};
    rg_node_type types[] = {RG_NODE_PERSON, RG_NODE_PERSON, RG_NODE_ORGANISATION, RG_NODE_PLACE,
                            RG_NODE_PERSON};
    const char *pr[] = {"0.3", "0.25", "0.2", "0.1", "0.9"};
    uint32_t idx[5];
    for (int i = 0; i < 5; i++) {
        rg_graph_add_node(g, ids[i], types[i], strchr(ids[i], ':') + 1, &idx[i], NULL);
        rg_attrs_set(&g->nodes[idx[i]].attrs, "pagerank", pr[i]);
        rg_attrs_set(&g->nodes[idx[i]].attrs, "community", i < 3 ? "0" : "1");
    }
    uint32_t e;
    rg_graph_add_edge(g, idx[0], idx[1], "communicated_with", NULL, NULL, 1, &e, NULL);
    rg_graph_edge_add_evidence(g, e, doc, 0, 10, "A met\nB.");
    rg_graph_edge_add_evidence(g, e, doc, 20, 30, "A called B.");
    rg_graph_add_edge(g, idx[0], idx[2], "member_of", NULL, "2020", 2, NULL, NULL);
    rg_graph_add_edge(g, idx[0], idx[3], "located_in", NULL, NULL, 1, NULL, NULL);
    rg_graph_add_edge(g, idx[1], idx[2], "member_of", NULL, NULL, 1, NULL, NULL);
    rg_graph_finalize(g);
}

static char *slurp(const char *path)
{
    char *data = NULL;
    size_t len;
    if (rg_read_file(path, &data, &len, 0, NULL) != RG_OK) return NULL;
    return data;
}

int main(void)
{
    rg_graph g;
    make(&g);
    uint32_t a = rg_graph_find_node(&g, "person:a"), e = rg_graph_find_node(&g, "person:e");

    /* degree and attribute scores */
    double *deg = rg_export_scores(&g, NULL);
    RG_CHECK(deg[a] == 3 && deg[e] == 0);
    RG_CHECK(deg[rg_graph_find_node(&g, "organisation:c")] == 2);
    double *pr = rg_export_scores(&g, "pagerank");
    RG_CHECK(pr[e] == 0.9 && pr[a] == 0.3);
    uint32_t *order = rg_export_rank(&g, deg);
    RG_CHECK(order[0] == a && order[4] == e);
    /* ties (b and c have degree 2) broken by index, i.e. by id */
    RG_CHECK(order[1] < order[2] && deg[order[1]] == deg[order[2]]);
    free(order);

    /* --top 2 by degree: a and one of the degree-2 nodes, edges among them */
    rg_graph top;
    rg_graph_init(&top);
    rg_export_top(&g, 2, NULL, &top);
    RG_CHECK(top.nnodes == 2);
    RG_CHECK(rg_graph_find_node(&top, "person:a") != RG_NONE);
    RG_CHECK(rg_graph_find_node(&top, "organisation:c") != RG_NONE); /* "o" < "p" */
    RG_CHECK(top.nedges == 1 && strcmp(top.edges[0].type, "member_of") == 0);
    RG_CHECK_STR(top.edges[0].date, "2020");
    RG_CHECK_STR(rg_attrs_get(&top.nodes[rg_graph_find_node(&top, "person:a")].attrs, "pagerank"),
                 "0.3");
    rg_graph_free(&top);
    /* --top 2 by pagerank: e and a, with the evidence of their edges kept */
    rg_graph_init(&top);
    rg_export_top(&g, 2, "pagerank", &top);
    RG_CHECK(top.nnodes == 2 && rg_graph_find_node(&top, "person:e") != RG_NONE);
    RG_CHECK(top.nedges == 0);
    rg_graph_free(&top);
    rg_graph_init(&top);
    rg_export_top(&g, 3, "pagerank", &top); /* e, a, then b (0.25) */
    RG_CHECK(top.nnodes == 3 && rg_graph_find_node(&top, "person:b") != RG_NONE);
    RG_CHECK(top.nedges == 1 && top.edges[0].nevidence == 2 && top.ndocs == 1);
    char *ev = rg_export_evidence(&top, &top.edges[0], 1);
    RG_CHECK_STR(ev, "[doc1] A met B.\n(+1 more)");
    free(ev);
    rg_graph_free(&top);

    /* option checks */
    rg_error err = {0};
    rg_export_opts o = {0};
    RG_CHECK(rg_export_check_opts(&g, &o, &err) == RG_OK);
    o.size_by = "betweenness";
    RG_CHECK(rg_export_check_opts(&g, &o, &err) == RG_EUSAGE && strstr(err.msg, "betweenness"));
    o.size_by = "degree";
    RG_CHECK(rg_export_check_opts(&g, &o, &err) == RG_OK);
    o.layout = "spring";
    RG_CHECK(rg_export_check_opts(&g, &o, &err) == RG_EUSAGE);
    o.layout = "sfdp";
    o.color_by = "colour";
    RG_CHECK(rg_export_check_opts(&g, &o, &err) == RG_EUSAGE);
    o.color_by = "community";
    o.cluster = "community";
    RG_CHECK(rg_export_check_opts(&g, &o, &err) == RG_OK);
    rg_graph bare;
    rg_graph_init(&bare);
    uint32_t x;
    rg_graph_add_node(&bare, "person:x", RG_NODE_PERSON, "X", &x, NULL);
    RG_CHECK(rg_export_check_opts(&bare, &o, &err) == RG_EUSAGE && strstr(err.msg, "community"));

    /* colours: stable per community, by type otherwise */
    RG_CHECK(strcmp(rg_export_community_color("3"), rg_export_community_color("3")) == 0);
    RG_CHECK(strcmp(rg_export_community_color("3"), rg_export_community_color("4")) != 0);
    RG_CHECK_STR(rg_export_node_color(&g.nodes[a], NULL), rg_export_type_color(RG_NODE_PERSON));
    RG_CHECK_STR(rg_export_node_color(&g.nodes[a], &o), rg_export_community_color("0"));

    /* layout engine by size */
    rg_export_opts lo = {0};
    RG_CHECK_STR(rg_render_pick_layout(&g, &lo), "neato");
    lo.cluster = "type";
    RG_CHECK_STR(rg_render_pick_layout(&g, &lo), "dot");
    for (int i = 0; i < 200; i++) {
        char id[32];
        snprintf(id, sizeof id, "place:p%03d", i);
        rg_graph_add_node(&bare, id, RG_NODE_PLACE, id, NULL, NULL);
    }
    RG_CHECK_STR(rg_render_pick_layout(&bare, &lo), "sfdp");
    lo.layout = "circo";
    RG_CHECK_STR(rg_render_pick_layout(&bare, &lo), "circo");
    rg_graph_free(&bare);

    /* CSV directory: created, two files, read back */
    char dir[] = "/tmp/rg_export_csvXXXXXX";
    RG_CHECK(mkdtemp(dir) != NULL);
    char *out = rg_sprintf("%s/out", dir);
    RG_CHECK(rg_export(&g, "csv", out, NULL, &err) == RG_OK);
    char *np = rg_sprintf("%s/nodes.csv", out), *ep = rg_sprintf("%s/edges.csv", out);
    char *nodes = slurp(np), *edges = slurp(ep);
    RG_CHECK(
        nodes &&
        strncmp(nodes, "Id,Label,type,aliases,mentions,documents,pagerank,community\r\n", 61) == 0);
    RG_CHECK(nodes && strstr(nodes, "\r\nperson:e,e,person,"));
    RG_CHECK(edges && strstr(edges, "person:a,person:b,Undirected,e"));
    RG_CHECK(edges && strstr(edges, ",[doc1] A met B. | [doc1] A called B."));
    free(nodes);
    free(edges);
    /* a file where the directory should be: error, nothing written */
    char *file = rg_sprintf("%s/file", dir);
    FILE *f = fopen(file, "w");
    if (f) fclose(f);
    RG_CHECK(rg_export(&g, "csv", file, NULL, &err) == RG_EINPUT);
    RG_CHECK(rg_export(&g, "csv", "-", NULL, &err) == RG_EUSAGE);
    RG_CHECK(rg_export(&g, "nope", out, NULL, &err) == RG_EUSAGE);
    unlink(np);
    unlink(ep);
    rmdir(out);
    unlink(file);
    rmdir(dir);
    free(np);
    free(ep);
    free(file);
    free(out);

    free(deg);
    free(pr);
    rg_graph_free(&g);
    return rg_test_done();
}
