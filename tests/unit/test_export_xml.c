/* GraphML, GEXF and Cytoscape JSON stay well-formed whatever the strings
 * hold: markup, quotes, control characters, invalid UTF-8. Read back with
 * libxml2 and jansson, the values come back (U+FFFD for invalid bytes). */
#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rg_export.h"
#include "rg_test.h"

static const char *hostile = "A <b>&amp;</b> \"q\" 'a' \x01\x1f tab\there \xff\xfe end";
static const char *cleaned = "A <b>&amp;</b> \"q\" 'a'  tab\there \xef\xbf\xbd\xef\xbf\xbd end";

static char *xpath_str(xmlDocPtr doc, const char *ns, const char *uri, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(ctx, (const xmlChar *)ns, (const xmlChar *)uri);
    xmlXPathObjectPtr r = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
    char *out = r ? (char *)xmlXPathCastToString(r) : NULL;
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(ctx);
    return out;
}

int main(void)
{
    rg_graph g;
    rg_graph_init(&g);
    rg_document d = {.id = "doc<1>", .path = "x"};
    uint32_t doc = rg_graph_add_doc(&g, &d), a, b, e;
    rg_graph_add_node(&g, "person:a&b", RG_NODE_PERSON, hostile, &a, NULL);
    rg_graph_add_node(&g, "place:\"q\"", RG_NODE_PLACE, "Q", &b, NULL);
    rg_attrs_set(&g.nodes[a].attrs, "note", hostile);
    rg_attrs_set(&g.nodes[a].attrs, "pagerank", "0.5");
    rg_attrs_set(&g.nodes[b].attrs, "pagerank", "0.25");
    rg_attrs_set(&g.nodes[a].attrs, "code", "007"); /* leading zero: text */
    rg_attrs_set(&g.nodes[b].attrs, "code", "5");
    rg_attrs_set(&g.nodes[a].attrs, "count", "3");
    rg_attrs_set(&g.nodes[b].attrs, "count", "-4");
    rg_graph_add_edge(&g, a, b, "located_in", NULL, NULL, 1, &e, NULL);
    rg_graph_edge_add_evidence(&g, e, doc, 0, 5, hostile);
    rg_graph_finalize(&g);

    char dir[] = "/tmp/rg_export_xmlXXXXXX";
    RG_CHECK(mkdtemp(dir) != NULL);
    char *gml = rg_sprintf("%s/g.graphml", dir), *gexf = rg_sprintf("%s/g.gexf", dir),
         *cy = rg_sprintf("%s/g.json", dir);
    rg_error err = {0};
    RG_CHECK(rg_export(&g, "graphml", gml, NULL, &err) == RG_OK);
    RG_CHECK(rg_export(&g, "gexf", gexf, NULL, &err) == RG_OK);
    RG_CHECK(rg_export(&g, "cytoscape", cy, NULL, &err) == RG_OK);

    xmlDocPtr x = xmlReadFile(gml, NULL, XML_PARSE_NONET);
    RG_CHECK(x != NULL);
    if (x) {
        const char *ns = "http://graphml.graphdrawing.org/xmlns";
        char *v =
            xpath_str(x, "g", ns, "string(//g:node[@id='person:a&b']/g:data[@key='n_label'])");
        RG_CHECK_STR(v, cleaned);
        xmlFree(v);
        v = xpath_str(x, "g", ns, "string(//g:key[@attr.name='pagerank']/@attr.type)");
        RG_CHECK_STR(v, "double");
        xmlFree(v);
        v = xpath_str(x, "g", ns, "string(//g:key[@attr.name='code']/@attr.type)");
        RG_CHECK_STR(v, "string");
        xmlFree(v);
        v = xpath_str(x, "g", ns, "string(//g:key[@attr.name='count']/@attr.type)");
        RG_CHECK_STR(v, "long");
        xmlFree(v);
        v = xpath_str(x, "g", ns, "string(//g:key[@attr.name='note']/@attr.type)");
        RG_CHECK_STR(v, "string");
        xmlFree(v);
        v = xpath_str(x, "g", ns, "string(//g:edge/g:data[@key='e_evidence'])");
        char *want = rg_sprintf("[doc<1>] %s", cleaned);
        RG_CHECK_STR(v, want);
        free(want);
        xmlFree(v);
        xmlFreeDoc(x);
    }
    x = xmlReadFile(gexf, NULL, XML_PARSE_NONET);
    RG_CHECK(x != NULL);
    if (x) {
        const char *ns = "http://gexf.net/1.3";
        char *v = xpath_str(x, "x", ns, "string(//x:node[@id='person:a&b']/@label)");
        RG_CHECK_STR(v, cleaned);
        xmlFree(v);
        v = xpath_str(x, "x", ns, "string(//x:edge/@target)");
        RG_CHECK_STR(v, "place:\"q\"");
        xmlFree(v);
        v = xpath_str(x, "v", "http://gexf.net/1.3/viz", "count(//v:color)");
        RG_CHECK_STR(v, "2");
        xmlFree(v);
        xmlFreeDoc(x);
    }
    json_error_t je;
    json_t *j = json_load_file(cy, 0, &je);
    RG_CHECK(j != NULL);
    if (j) {
        json_t *n0 = json_object_get(
            json_array_get(json_object_get(json_object_get(j, "elements"), "nodes"), 0), "data");
        RG_CHECK_STR(json_string_value(json_object_get(n0, "label")),
                     "A <b>&amp;</b> \"q\" 'a' \x01\x1f tab\there \xef\xbf\xbd\xef\xbf\xbd end");
        json_decref(j);
    }
    unlink(gml);
    unlink(gexf);
    unlink(cy);
    rmdir(dir);
    free(gml);
    free(gexf);
    free(cy);
    rg_graph_free(&g);
    return rg_test_done();
}
