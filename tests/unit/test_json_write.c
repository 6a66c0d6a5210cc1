/* The streaming JSON writer against jansson: json_dumpf over a tree built
 * the way relgraph wrote graphs before (JSON_INDENT(1), insertion order,
 * 17 digits for reals) is the reference, and the writer must give the same
 * bytes on graphs with every kind of content: escapes and control bytes,
 * invalid UTF-8, attributes that repeat a member's name, reals of every
 * magnitude, empty and non-empty arrays, a graph read back from its own
 * output, and many generated graphs. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rg_graph.h"
#include "rg_json.h"
#include "rg_test.h"

/* ---- the reference: a jansson tree, dumped ---- */

static json_t *ref_str(const char *s)
{
    json_t *j = json_string(s ? s : "");
    /* invalid UTF-8: the writer repairs it, which the tests below check
     * separately; the reference gets the same repair from a valid copy */
    return j ? j : json_string("\xEF\xBF\xBD");
}

static void ref_attrs(json_t *o, const rg_attrs *a)
{
    for (size_t i = 0; i < a->n; i++)
        if (!json_object_get(o, a->items[i].key))
            json_object_set_new(o, a->items[i].key, ref_str(a->items[i].value));
}

static json_t *ref_graph(const rg_graph *g)
{
    json_t *root = json_object(), *gr = json_object(), *docs = json_array();
    json_object_set_new(root, "directed", json_true());
    json_object_set_new(root, "multigraph", json_true());
    json_object_set_new(gr, "relgraph", json_string(RG_VERSION));
    for (size_t i = 0; i < g->ndocs; i++) {
        const rg_document *d = &g->docs[i];
        json_t *o = json_object();
        json_object_set_new(o, "id", ref_str(d->id));
        if (d->title) json_object_set_new(o, "title", ref_str(d->title));
        if (d->date) json_object_set_new(o, "date", ref_str(d->date));
        if (d->path) json_object_set_new(o, "path", ref_str(d->path));
        if (d->sha256) json_object_set_new(o, "sha256", ref_str(d->sha256));
        json_array_append_new(docs, o);
    }
    json_object_set_new(gr, "documents", docs);
    ref_attrs(gr, &g->attrs);
    json_object_set_new(root, "graph", gr);
    json_t *nodes = json_array();
    for (size_t i = 0; i < g->nnodes; i++) {
        const rg_node *n = &g->nodes[i];
        json_t *o = json_object(), *al = json_array(), *nd = json_array(), *pr = json_array();
        json_object_set_new(o, "id", ref_str(n->id));
        json_object_set_new(o, "type", ref_str(rg_node_type_name(n->type)));
        json_object_set_new(o, "label", ref_str(n->label));
        for (size_t k = 0; k < n->naliases; k++) {
            json_t *a = json_object();
            json_object_set_new(a, "name", ref_str(n->aliases[k].name));
            json_object_set_new(a, "count", json_integer(n->aliases[k].count));
            json_array_append_new(al, a);
        }
        json_object_set_new(o, "aliases", al);
        json_object_set_new(o, "mentions", json_integer(n->mention_count));
        for (size_t k = 0; k < n->ndocs; k++)
            json_array_append_new(nd, ref_str(g->docs[n->docs[k]].id));
        json_object_set_new(o, "documents", nd);
        for (size_t k = 0; k < n->nmentions; k++) {
            json_t *p = json_object();
            json_object_set_new(p, "doc", ref_str(g->docs[n->mentions[k].doc].id));
            json_object_set_new(p, "begin", json_integer(n->mentions[k].begin));
            json_object_set_new(p, "end", json_integer(n->mentions[k].end));
            json_array_append_new(pr, p);
        }
        json_object_set_new(o, "provenance", pr);
        ref_attrs(o, &n->attrs);
        json_array_append_new(nodes, o);
    }
    json_object_set_new(root, "nodes", nodes);
    json_t *links = json_array();
    for (size_t i = 0; i < g->nedges; i++) {
        const rg_edge *e = &g->edges[i];
        json_t *o = json_object(), *ev = json_array();
        json_object_set_new(o, "source", ref_str(g->nodes[e->source].id));
        json_object_set_new(o, "target", ref_str(g->nodes[e->target].id));
        json_object_set_new(o, "key", ref_str(e->key));
        json_object_set_new(o, "type", ref_str(e->type));
        if (e->role) json_object_set_new(o, "role", ref_str(e->role));
        if (e->date) json_object_set_new(o, "date", ref_str(e->date));
        json_object_set_new(o, "weight", json_real(isfinite(e->weight) ? e->weight : 0.0));
        for (size_t k = 0; k < e->nevidence; k++) {
            json_t *x = json_object();
            json_object_set_new(x, "doc", ref_str(g->docs[e->evidence[k].doc].id));
            json_object_set_new(x, "begin", json_integer(e->evidence[k].begin));
            json_object_set_new(x, "end", json_integer(e->evidence[k].end));
            json_object_set_new(x, "text", ref_str(e->evidence[k].text));
            json_array_append_new(ev, x);
        }
        json_object_set_new(o, "evidence", ev);
        ref_attrs(o, &e->attrs);
        json_array_append_new(links, o);
    }
    json_object_set_new(root, "links", links);
    return root;
}

static char *ref_json(const rg_graph *g)
{
    json_t *root = ref_graph(g);
    char *s = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17));
    json_decref(root);
    size_t n = strlen(s);
    char *out = malloc(n + 2);
    memcpy(out, s, n);
    memcpy(out + n, "\n", 2);
    free(s);
    return out;
}

static char *our_json(const rg_graph *g)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    RG_CHECK(rg_json_write(g, f, NULL) == RG_OK);
    fclose(f);
    return buf;
}

static bool same_as_reference(const rg_graph *g)
{
    char *a = ref_json(g), *b = our_json(g);
    bool same = strcmp(a, b) == 0;
    if (!same) {
        size_t i = 0;
        while (a[i] && a[i] == b[i])
            i++;
        fprintf(stderr, "differs at byte %zu:\n--- jansson\n%.80s\n--- ours\n%.80s\n", i,
                a + (i > 20 ? i - 20 : 0), b + (i > 20 ? i - 20 : 0));
    }
    free(a);
    free(b);
    return same;
}

/* ---- graphs ---- */

static void tricky_graph(rg_graph *g)
{
    rg_graph_init(g);
    rg_document d1 = {.id = "doc \"one\"", .title = "Tab\there\\ and \x01\x1f ctl", .date = "2020"};
    rg_document d2 = {.id = "d2", .path = "a/b.txt", .sha256 = "00ff"};
    uint32_t a = rg_graph_add_doc(g, &d1), b = rg_graph_add_doc(g, &d2);
    uint32_t p, o, q;
    rg_graph_add_node(g, NULL, RG_NODE_PERSON, "Ḥasan \"Abu\" \\ al-\b\f\r\n", &p, NULL);
    rg_graph_add_node(g, "org:1", RG_NODE_ORGANISATION, "فرع / فلسطين", &o, NULL);
    rg_graph_add_node(g, "place:x", RG_NODE_PLACE, "", &q, NULL);
    rg_graph_node_add_alias(g, p, "Hasan", 3);
    rg_graph_node_add_mention(g, p, (rg_span){a, 0, 4294967295u});
    rg_graph_node_add_doc(g, o, b);
    g->nodes[o].mention_count = 7;
    /* attributes that repeat a member's name are not written again */
    rg_attrs_set(&g->nodes[p].attrs, "label", "shadowed");
    rg_attrs_set(&g->nodes[p].attrs, "id", "shadowed");
    rg_attrs_set(&g->nodes[p].attrs, "rank", "Brig. \"Gen.\"");
    rg_attrs_set(&g->nodes[o].attrs, "", "empty key");
    static const double weights[] = {
        1.0,     0.1,    1.0 / 3.0, 1e-9,     1e-300, 1e20, 1e22, 123e45,
        -2.5e-7, 5e-324, NAN,       INFINITY, 0.0,    -0.0, 1e16, 12345678901234567.0,
        100.0};
    for (size_t i = 0; i < sizeof weights / sizeof *weights; i++) {
        uint32_t e;
        char date[16];
        snprintf(date, sizeof date, "2020-%02zu", i % 12 + 1);
        rg_graph_add_edge(g, i % 2 ? p : o, i % 3 ? q : p, "head_of", i % 4 ? NULL : "chair",
                          i % 5 ? date : NULL, weights[i], &e, NULL);
        if (i % 2) rg_graph_edge_add_evidence(g, e, a, (uint32_t)i, 40, "“quoted”\ttext\n");
        if (i % 3 == 0) rg_attrs_set(&g->edges[e].attrs, "weight", "shadowed");
        if (i % 3 == 1) rg_attrs_set(&g->edges[e].attrs, "source_row", "7");
    }
    rg_attrs_set(&g->attrs, "title", "Test \"graph\"");
    rg_attrs_set(&g->attrs, "documents", "shadowed");
    rg_graph_finalize(g);
}

static void test_tricky(void)
{
    rg_graph g;
    tricky_graph(&g);
    RG_CHECK(same_as_reference(&g));
    rg_graph_free(&g);
    rg_graph empty;
    rg_graph_init(&empty);
    RG_CHECK(same_as_reference(&empty));
    rg_graph_free(&empty);
}

/* Invalid UTF-8 is written as U+FFFD and the output stays valid JSON. */
static void test_invalid_utf8(void)
{
    rg_graph g;
    rg_graph_init(&g);
    uint32_t n;
    rg_graph_add_node(&g, "x", RG_NODE_PERSON, "bad \xff\xfe byte", &n, NULL);
    rg_attrs_set(&g.nodes[n].attrs, "k\xc3", "v\xe2\x82");
    rg_graph_finalize(&g);
    char *s = our_json(&g);
    json_error_t je;
    json_t *j = json_loads(s, 0, &je);
    RG_CHECK(j != NULL);
    RG_CHECK(strstr(s, "bad \xEF\xBF\xBD\xEF\xBF\xBD byte") != NULL);
    json_decref(j);
    free(s);
    rg_graph_free(&g);
}

/* Generated graphs: random names from an alphabet of awkward bytes. */
static void test_generated(void)
{
    static const char *const parts[] = {"a", "É", "\"", "\\", "\n", "\x07", "/", " ", "ß", "🙂"};
    srand(7);
    for (int round = 0; round < 50; round++) {
        rg_graph g;
        rg_graph_init(&g);
        rg_document d = {.id = "d"};
        uint32_t doc = rg_graph_add_doc(&g, &d);
        int nn = 1 + rand() % 20;
        for (int i = 0; i < nn; i++) {
            char label[64] = "";
            for (int k = 0; k < 1 + rand() % 6; k++)
                strcat(label, parts[rand() % 10]);
            char id[32];
            snprintf(id, sizeof id, "n%d", i);
            uint32_t x;
            rg_graph_add_node(&g, id, (rg_node_type)(rand() % 4), label, &x, NULL);
            if (rand() % 2) rg_graph_node_add_alias(&g, x, label, (uint32_t)(rand() % 9));
            if (rand() % 2) rg_graph_node_add_mention(&g, x, (rg_span){doc, 1, 2});
            if (rand() % 3 == 0) rg_attrs_set(&g.nodes[x].attrs, label, label);
        }
        for (int i = 0; i < nn * 2; i++) {
            uint32_t e;
            double w = ldexp((double)rand() / RAND_MAX, rand() % 200 - 100);
            rg_graph_add_edge(&g, (uint32_t)(rand() % nn), (uint32_t)(rand() % nn),
                              "communicated_with", NULL, NULL, w, &e, NULL);
        }
        rg_graph_finalize(&g);
        RG_CHECK(same_as_reference(&g));
        rg_graph_free(&g);
    }
}

/* A graph read back from the writer's output writes the same bytes. */
static void test_round_trip(void)
{
    rg_graph g, h;
    tricky_graph(&g);
    char *s = our_json(&g);
    rg_graph_init(&h);
    rg_error err = {0};
    RG_CHECK(rg_json_read(&h, "mem.json", s, strlen(s), NULL, &err) == RG_OK);
    char *t = our_json(&h);
    RG_CHECK_STR(t, s);
    free(s);
    free(t);
    rg_graph_free(&g);
    rg_graph_free(&h);
}

int main(void)
{
    test_tricky();
    test_invalid_utf8();
    test_generated();
    test_round_trip();
    return rg_test_done();
}
