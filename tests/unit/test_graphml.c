/* GraphML import: networkx-style and yEd-style files, keys with defaults,
 * directedness, edges before nodes, nested graphs, and refusals (entities,
 * depth, broken XML, unknown nodes) with file:line. */
#include "rg_import.h"
#include "rg_test.h"

static rg_status import(rg_graph *g, const char *text, const rg_import_opts *o, rg_error *err)
{
    rg_graph_init(g);
    rg_error_clear(err);
    return rg_graphml_import(g, "t.graphml", text, strlen(text), o, err);
}

static const rg_node *get_node(const rg_graph *g, const char *id)
{
    uint32_t i = rg_graph_find_node(g, id);
    return i == RG_NONE ? NULL : &g->nodes[i];
}

/* As networkx 2.8 writes it (write_graphml of an undirected Graph). */
static const char networkx_file[] =
    "<?xml version='1.0' encoding='utf-8'?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
    "  <key id=\"d4\" for=\"graph\" attr.name=\"name\" attr.type=\"string\" />\n"
    "  <key id=\"d3\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\" />\n"
    "  <key id=\"d2\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\" />\n"
    "  <key id=\"d1\" for=\"node\" attr.name=\"wealth\" attr.type=\"long\" />\n"
    "  <key id=\"d0\" for=\"node\" attr.name=\"type\" attr.type=\"string\" />\n"
    "  <key id=\"d5\" for=\"node\" attr.name=\"label\" attr.type=\"string\" />\n"
    "  <graph edgedefault=\"undirected\">\n"
    "    <data key=\"d4\">Florence</data>\n"
    "    <node id=\"Medici\">\n"
    "      <data key=\"d0\">organisation</data>\n"
    "      <data key=\"d1\">103</data>\n"
    "      <data key=\"d5\">Medici &amp; sons</data>\n"
    "    </node>\n"
    "    <node id=\"Ridolfi\"><data key=\"d0\">Organization</data></node>\n"
    "    <node id=\"Cosimo\"><data key=\"d0\">person</data></node>\n"
    "    <edge source=\"Medici\" target=\"Ridolfi\">\n"
    "      <data key=\"d2\">marriage</data>\n"
    "      <data key=\"d3\">2.5</data>\n"
    "    </edge>\n"
    "    <edge source=\"Cosimo\" target=\"Medici\" directed=\"true\">\n"
    "      <data key=\"d2\">Head of</data>\n"
    "    </edge>\n"
    "  </graph>\n"
    "</graphml>\n";

static void test_networkx(void)
{
    rg_graph g;
    rg_error err;
    RG_CHECK(import(&g, networkx_file, NULL, &err) == RG_OK);
    RG_CHECK(g.nnodes == 3 && g.nedges == 2);
    const rg_node *m = get_node(&g, "Medici"), *c = get_node(&g, "Cosimo");
    RG_CHECK(m && m->type == RG_NODE_ORGANISATION && !strcmp(m->label, "Medici & sons"));
    RG_CHECK_STR(m ? rg_attrs_get(&m->attrs, "wealth") : NULL, "103");
    RG_CHECK(m && rg_attrs_get(&m->attrs, "type") == NULL); /* mapped, not an attribute */
    RG_CHECK(c && c->type == RG_NODE_PERSON && !strcmp(c->label, "Cosimo"));
    RG_CHECK_STR(rg_attrs_get(&g.attrs, "name"), "Florence");
    const rg_edge *e = &g.edges[0];
    RG_CHECK_STR(e->type, "marriage");
    RG_CHECK(e->weight == 2.5);
    RG_CHECK_STR(rg_attrs_get(&e->attrs, "directed"), "false"); /* edgedefault */
    e = &g.edges[1];
    RG_CHECK_STR(e->type, "head_of");
    RG_CHECK_STR(g.nodes[e->source].id, "Cosimo");
    RG_CHECK_STR(rg_attrs_get(&e->attrs, "directed"), "true"); /* per-edge override */
    RG_CHECK(g.ndocs == 1 && !strcmp(g.docs[0].id, "t"));
    rg_graph_free(&g);
}

/* yEd: labels inside graphics data, defaults, edges listed before nodes,
 * a nested graph, a hyperedge. */
static const char yed_file[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
    "xmlns:y=\"http://www.yworks.com/xml/graphml\">\n"
    "  <key for=\"node\" id=\"d6\" yfiles.type=\"nodegraphics\"/>\n"
    "  <key for=\"edge\" id=\"d10\" yfiles.type=\"edgegraphics\"/>\n"
    "  <key attr.name=\"description\" for=\"node\" id=\"d5\"><default>none</default></key>\n"
    "  <graph edgedefault=\"directed\" id=\"G\">\n"
    "    <edge id=\"e0\" source=\"n0\" target=\"n1\"><data key=\"d10\"><y:PolyLineEdge>"
    "<y:EdgeLabel>member of</y:EdgeLabel></y:PolyLineEdge></data></edge>\n"
    "    <node id=\"n0\"><data key=\"d6\"><y:ShapeNode><y:NodeLabel>\n  Ana Díaz  \n"
    "</y:NodeLabel></y:ShapeNode></data></node>\n"
    "    <node id=\"n1\"><data key=\"d5\">a party</data>\n"
    "      <graph id=\"n1:\" edgedefault=\"directed\"><node id=\"n1::n0\"/></graph>\n"
    "    </node>\n"
    "    <edge source=\"n1::n0\" target=\"n1\"/>\n"
    "    <hyperedge><endpoint node=\"n0\"/><endpoint node=\"n1\"/></hyperedge>\n"
    "  </graph>\n"
    "</graphml>\n";

static void test_yed(void)
{
    rg_graph g;
    rg_error err;
    rg_set_quiet(true); /* the hyperedge warning */
    RG_CHECK(import(&g, yed_file, NULL, &err) == RG_OK);
    rg_set_quiet(false);
    RG_CHECK(g.nnodes == 3 && g.nedges == 2);
    const rg_node *a = get_node(&g, "n0"), *p = get_node(&g, "n1");
    RG_CHECK_STR(a ? a->label : NULL, "Ana Díaz");
    RG_CHECK_STR(a ? rg_attrs_get(&a->attrs, "description") : NULL, "none"); /* default */
    RG_CHECK_STR(p ? rg_attrs_get(&p->attrs, "description") : NULL, "a party");
    RG_CHECK(get_node(&g, "n1::n0") != NULL); /* nested graph flattened */
    RG_CHECK(g.nedges == 2 && !strcmp(g.edges[0].type, "member_of"));
    RG_CHECK(g.nedges == 2 && !strcmp(g.edges[1].type, "related_to"));
    rg_graph_free(&g);
}

static void check_err(const char *text, const rg_import_opts *o, const char *want)
{
    rg_graph g;
    rg_error err;
    rg_status rc = import(&g, text, o, &err);
    if (rc != RG_EINPUT || !strstr(err.msg, want)) {
        fprintf(stderr, "rc %d, message '%s', wanted '%s'\n", rc, err.msg, want);
        rg_test_fail++;
    } else {
        rg_test_pass++;
    }
    rg_graph_free(&g);
}

static void test_errors(void)
{
    check_err("", NULL, "t.graphml:1: invalid XML");
    check_err("<graphml>\n<graph>\n<node id=\"a\">\n</graph>\n</graphml>\n", NULL,
              "t.graphml:4: invalid XML");
    check_err("<?xml version=\"1.0\"?>\n<gexf><graph/></gexf>\n", NULL, "t.graphml:2: not GraphML");
    /* entity declarations are refused before anything is expanded */
    check_err("<?xml version=\"1.0\"?>\n<!DOCTYPE g [<!ENTITY a \"aaaaaaaaaa\">"
              "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
              "<graphml><graph><node id=\"&b;\"/></graph></graphml>\n",
              NULL, "entity declarations are not allowed");
    check_err("<graphml>\n<graph>\n<node/>\n</graph></graphml>", NULL,
              "t.graphml:3: <node> without id");
    check_err("<graphml><graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"b\"/>\n"
              "</graph></graphml>",
              NULL, "t.graphml:3: edge target 'b' is not a node");
    check_err("<graphml><key id=\"k\" for=\"node\" attr.name=\"type\"/><graph>\n"
              "<node id=\"a\"><data key=\"k\">family</data></node></graph></graphml>",
              NULL, "t.graphml:2: node 'a': unknown type 'family'");
    check_err("<graphml><graph>\n<node id=\"a\"><data key=\"nope\">x</data></node></graph>"
              "</graphml>",
              NULL, "t.graphml:2: <data> refers to undeclared key 'nope'");
    check_err("<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\"/><graph>\n"
              "<node id=\"a\"/>\n<edge source=\"a\" target=\"a\"><data key=\"w\">many</data>"
              "</edge></graph></graphml>",
              NULL, "t.graphml:3: weight 'many'");
    /* the depth limit comes from the options */
    rg_import_opts o = {.max_depth = 3};
    check_err("<graphml><graph><node id=\"a\"><data key=\"x\"><y/></data></node></graph>"
              "</graphml>",
              &o, "nested deeper than 3");
}

static void test_external_dtd_not_loaded(void)
{
    /* NONET and no DTD loading: the file is read without fetching anything */
    rg_graph g;
    rg_error err;
    RG_CHECK(import(&g,
                    "<!DOCTYPE g SYSTEM \"http://example.invalid/x.dtd\">\n<graphml><graph>"
                    "<node id=\"a\"/></graph></graphml>\n",
                    NULL, &err) == RG_OK);
    RG_CHECK(g.nnodes == 1);
    rg_graph_free(&g);
}

int main(void)
{
    test_networkx();
    test_yed();
    test_errors();
    test_external_dtd_not_loaded();
    return rg_test_done();
}
