/* The streaming JSON reader (importers/json_pull.c, json_read.c): valid
 * documents, every kind of syntax error with its line, nesting limits, huge
 * strings, and a differential check against jansson (which the reader
 * replaced): on mutated documents both must accept and reject the same
 * inputs, and decode accepted ones to the same values. */
#include <jansson.h>
#include <math.h>

#include "rg_json.h"
#include "rg_json_pull.h"
#include "rg_test.h"

static rg_status read_text(rg_graph *g, const char *text, size_t len, size_t max_depth,
                           rg_error *err)
{
    rg_graph_init(g);
    rg_import_opts o = {.max_depth = max_depth};
    return rg_json_read(g, "mem.json", text, len, &o, err);
}

/* ---- tree against jansson's DOM -------------------------------------- */

static bool same_value(const rg_json_pull *jp, size_t i, json_t *v);

static bool same_children(const rg_json_pull *jp, size_t i, json_t *v)
{
    size_t n = 0;
    for (size_t c = i + 1; c < jp->v[i].end; c = jp->v[c].end, n++) {
        if (json_is_array(v)) {
            if (!same_value(jp, c, json_array_get(v, n))) return false;
        } else {
            json_t *m = json_object_get(v, rg_jv_key(jp, c));
            if (!m || !same_value(jp, c, m)) return false;
        }
    }
    return n == (json_is_array(v) ? json_array_size(v) : json_object_size(v));
}

static bool same_value(const rg_json_pull *jp, size_t i, json_t *v)
{
    if (!v) return false;
    const rg_jv *x = &jp->v[i];
    switch (x->type) {
    case RG_JV_NULL:
        return json_is_null(v);
    case RG_JV_TRUE:
        return json_is_true(v);
    case RG_JV_FALSE:
        return json_is_false(v);
    case RG_JV_INT:
        return json_is_integer(v) && json_integer_value(v) == x->u.i;
    case RG_JV_REAL:
        return json_is_real(v) &&
               memcmp(&x->u.d, &(double){json_real_value(v)}, sizeof(double)) == 0;
    case RG_JV_STRING:
        /* C-string semantics, as the reader uses strings (\u0000 ends one) */
        return json_is_string(v) && strcmp(rg_jv_str(jp, i), json_string_value(v)) == 0;
    case RG_JV_ARRAY:
        return json_is_array(v) && same_children(jp, i, v);
    case RG_JV_OBJECT:
        return json_is_object(v) && same_children(jp, i, v);
    }
    return false;
}

/* Validates text with both parsers; returns whether they agree (and, for a
 * valid document, whether the decoded trees agree). */
static bool agrees(const char *text, size_t len)
{
    rg_json_pull jp;
    rg_json_pull_init(&jp, text, len);
    bool mine = rg_json_pull_validate(&jp);
    json_error_t je;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
    bool ok = mine == (root != NULL);
    if (ok && mine) {
        const char *p = text;
        while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
            p++;
        rg_json_pull_parse_at(&jp, p);
        ok = same_value(&jp, 0, root);
    }
    if (!ok) {
        fprintf(stderr, "disagreement (pull %s, jansson %s: %s) on %zu bytes: '",
                mine ? "ok" : "bad", root ? "ok" : "bad", root ? "" : je.text, len);
        fwrite(text, 1, len < 200 ? len : 200, stderr);
        fputs("'\n", stderr);
    }
    json_decref(root);
    rg_json_pull_free(&jp);
    return ok;
}

static void test_values(void)
{
    static const char *const docs[] = {
        "{}",
        "[]",
        " [1, -0, 0.5, -1.5e3, 1E+2, 2e-400, 9223372036854775807] ",
        "[-9223372036854775808]",
        "{\"a\": true, \"b\": false, \"c\": null}",
        "[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"]",
        "[\"\\u00e9\\u20AC\\ud83d\\ude00\"]",
        "[\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"]",
        "{\"a\\u0000b\": 1}",
        "[\"nul \\u0000 inside\"]",
        "{\"\\u0061\": 1, \"b\": {\"a\": [{}, []]}}",
        "\t\r\n[1]\n",
    };
    for (size_t i = 0; i < sizeof docs / sizeof *docs; i++)
        RG_CHECK(agrees(docs[i], strlen(docs[i])));
}

static void test_invalid(void)
{
    static const char *const docs[] = {
        "",
        "1",
        "\"s\"",
        "null",
        "[1,]",
        "{\"a\":1,}",
        "[01]",
        "[1.]",
        "[.5]",
        "[1e]",
        "[-]",
        "[+1]",
        "[tru]",
        "[truex]",
        "[nul]",
        "[\"\\x\"]",
        "[\"\\u12G4\"]",
        "[\"\\ud83d\"]",
        "[\"\\ud83d\\u0041\"]",
        "[\"\\ude00\"]",
        "[\"a\nb\"]",
        "[\"\x01\"]",
        "[\"\xc0\xaf\"]",
        "[\"\xed\xa0\x80\"]",
        "[\"\xf4\x90\x80\x80\"]",
        "[\"\xe2\x82\"]",
        "[\"\x80\"]",
        "[9223372036854775808]",
        "[-9223372036854775809]",
        "[1e400]",
        "{\"a\":1,\"a\":2}",
        "{\"a\":1,\"\\u0061\":2}",
        "{1:2}",
        "{\"a\" 1}",
        "[1 2]",
        "[1]]",
        "[1] x",
        "{\"a\\u0000\":1,\"a\\u0000\":2}",
        "[\"unterminated",
        "{\"a\":",
        "[",
    };
    for (size_t i = 0; i < sizeof docs / sizeof *docs; i++)
        RG_CHECK(agrees(docs[i], strlen(docs[i])));
    RG_CHECK(agrees("[\"a\0b\"]", 7)); /* raw NUL byte in a string */
    RG_CHECK(agrees("[1]\0", 4));      /* and after the document */
}

/* Duplicate keys past the linear scan (hash set) and a key repeated only
 * after many others. */
static void test_many_keys(void)
{
    rg_buf b = {0};
    rg_buf_puts(&b, "{");
    for (int i = 0; i < 1000; i++)
        rg_buf_printf(&b, "%s\"k%d\": %d", i ? ", " : "", i, i);
    size_t open = b.len;
    rg_buf_puts(&b, "}");
    RG_CHECK(agrees(b.data, b.len));
    b.len = open;
    rg_buf_puts(&b, ", \"k999\": 1}");
    RG_CHECK(agrees(b.data, b.len));
    b.len = open;
    rg_buf_puts(&b, ", \"k\\u0031\": 1}"); /* "k1", escaped */
    RG_CHECK(agrees(b.data, b.len));
    rg_buf_free(&b);
}

/* jansson refuses values nested deeper than 2048 (a scalar counts); the
 * pull parser must draw the line at the same place. */
static void test_depth_limit(void)
{
    for (int k = 2045; k <= 2050; k++)
        for (int scalar = 0; scalar < 2; scalar++) {
            rg_buf b = {0};
            for (int i = 0; i < k; i++)
                rg_buf_putc(&b, '[');
            if (scalar) rg_buf_putc(&b, '1');
            for (int i = 0; i < k; i++)
                rg_buf_putc(&b, ']');
            RG_CHECK(agrees(b.data, b.len));
            rg_buf_free(&b);
        }
    /* --max-depth: the reader's own limit, with the line of the bracket */
    rg_graph g;
    rg_error err = {0};
    const char *deep = "{\"nodes\": [\n[[[[[[1]]]]]]]}";
    RG_CHECK(read_text(&g, deep, strlen(deep), 4, &err) == RG_EINPUT);
    RG_CHECK(strstr(err.msg, "mem.json:2:") && strstr(err.msg, "--max-depth"));
    rg_graph_free(&g);
    /* beyond jansson's limit with a large --max-depth: an error, no crash */
    rg_buf b = {0};
    rg_buf_puts(&b, "{\"nodes\": ");
    for (int i = 0; i < 100000; i++)
        rg_buf_putc(&b, '[');
    RG_CHECK(read_text(&g, b.data, b.len, 1000000, &err) == RG_EINPUT);
    RG_CHECK(strstr(err.msg, "mem.json:1:") && strstr(err.msg, "depth"));
    rg_graph_free(&g);
    rg_buf_free(&b);
}

/* Syntax errors: file, line and column as jansson words them. */
static void check_syntax(const char *text, const char *want)
{
    rg_graph g;
    rg_error err = {0};
    RG_CHECK(read_text(&g, text, strlen(text), 0, &err) == RG_EINPUT);
    if (!strstr(err.msg, want)) {
        fprintf(stderr, "message '%s' lacks '%s'\n", err.msg, want);
        rg_test_fail++;
    } else {
        rg_test_pass++;
    }
    rg_graph_free(&g);
}

static void test_error_lines(void)
{
    check_syntax("{\"nodes\": [\n{\"id\": \"a\"},\n]}", "mem.json:3:1: invalid JSON");
    check_syntax("{\"nodes\": [\n\n{\"id\": \"a\" \"type\": 1}]}", "mem.json:3:");
    check_syntax("{\"nodes\": [{\"id\": \"a\"}],\n\"nodes\": []}", "mem.json:2:");
    check_syntax("{\"nodes\": [{\"id\": \"\\q\"}]}", "mem.json:1:");
    check_syntax("{\"nodes\": [\n{\"id\": \"\\ud800\"}]}", "mem.json:2:");
    check_syntax("{\"nodes\": [\n\n\n{\"id\": 1e999}]}", "mem.json:4:");
    check_syntax("{\"nodes\": [\n{\"id\": \"\xff\"}]}", "mem.json:2:");
    check_syntax("{\"nodes\": [\n{\"id\": \"a\"}]} trailing", "mem.json:2:");
    check_syntax("{\"nodes\": [{\"id\": \"a", "mem.json:1:");
    check_syntax("", "mem.json:1:0: invalid JSON");
    check_syntax("[1, 2]\n\n{", "mem.json:3:");
}

/* Semantic errors come after syntax: a syntax error late in the file wins
 * over a bad node early in it (as when a DOM was built first). */
static void test_error_order(void)
{
    check_syntax("{\"nodes\": [{\"type\": \"person\"}],\n\"links\": [}", "mem.json:2:");
    check_syntax("{\"nodes\": [{\"id\": \"a\"}], \"links\": {}}", "\"links\" must be an array");
    check_syntax("{\"links\": [], \"nodes\": {}}", "no \"nodes\" array");
    check_syntax("{\"nodes\": [1]}", "node #0 is not an object");
    check_syntax("{\"nodes\": [{\"id\": null}]}", "node #0 has no \"id\"");
    check_syntax("{\"nodes\": [{\"id\": \"a\"}], \"links\": [{\"source\": \"a\"}]}",
                 "link #0 needs \"source\" and \"target\"");
    check_syntax("{\"nodes\": [{\"id\": \"a\"}], \"links\": [[]]}", "link #0 is not an object");
    check_syntax("{\"graph\": {\"documents\": [{}]}, \"nodes\": []}",
                 "document #0 has no string \"id\"");
    check_syntax("{\"graph\": {\"documents\": 1}, \"nodes\": []}",
                 "graph.documents must be an array");
    check_syntax("{\"nodes\": [{\"id\": \"a\"}], \"edges\": [{\"source\": \"a\", \"target\": "
                 "\"a\", \"evidence\": [{\"doc\": \"d\", \"begin\": -1, \"end\": 2}]}]}",
                 "link #0: evidence #0 needs doc, begin, end");
}

/* Members in any order, "links" after or before "nodes", extra members,
 * numbers and booleans as ids and attributes, escapes in values. */
static void test_semantics(void)
{
    const char *doc =
        "{\"links\": [{\"weight\": 2, \"target\": 2, \"source\": \"n\\u00e9\", \"note\": "
        "\"x\\ty\", \"n\": 1.5, \"ok\": true, \"skip\": [1], \"nul\": null}],\n"
        " \"extra\": {\"nodes\": 5},\n"
        " \"nodes\": [{\"id\": \"n\\u00e9\", \"type\": \"person\", \"big\": 12345678901234,"
        " \"aliases\": [\"N\", {\"name\": \"Ne\", \"count\": 3}, 7], \"documents\": [\"d1\"],"
        " \"provenance\": [{\"doc\": \"d1\", \"begin\": 0, \"end\": 4}], \"mentions\": 9},"
        " {\"id\": 2, \"label\": \"Two\"}],\n"
        " \"graph\": {\"relgraph\": 1, \"name\": \"g\", \"documents\": [{\"id\": \"d1\", "
        "\"title\": \"T\"}]}}";
    rg_graph g;
    rg_error err = {0};
    RG_CHECK(read_text(&g, doc, strlen(doc), 0, &err) == RG_OK);
    RG_CHECK(g.nnodes == 2 && g.nedges == 1 && g.ndocs == 1);
    if (g.nnodes == 2 && g.nedges == 1) {
        RG_CHECK_STR(g.nodes[0].id, "n\xc3\xa9");
        RG_CHECK(g.nodes[0].type == RG_NODE_PERSON && g.nodes[0].mention_count == 9);
        RG_CHECK_STR(rg_attrs_get(&g.nodes[0].attrs, "big"), "12345678901234");
        RG_CHECK(g.nodes[0].nmentions == 1 && g.nodes[0].ndocs == 1);
        RG_CHECK_STR(g.nodes[1].id, "2");
        RG_CHECK_STR(g.nodes[1].label, "Two");
        const rg_edge *e = &g.edges[0];
        /* related_to is symmetric: stored from the smaller id ("2") */
        RG_CHECK(e->weight == 2 && e->source == 1 && e->target == 0);
        RG_CHECK_STR(rg_attrs_get(&e->attrs, "note"), "x\ty");
        RG_CHECK_STR(rg_attrs_get(&e->attrs, "n"), "1.5");
        RG_CHECK_STR(rg_attrs_get(&e->attrs, "ok"), "true");
        RG_CHECK(rg_attrs_get(&e->attrs, "skip") == NULL && rg_attrs_get(&e->attrs, "nul") == NULL);
        /* attribute order is the file's */
        RG_CHECK(e->attrs.n == 3 && strcmp(e->attrs.items[0].key, "note") == 0 &&
                 strcmp(e->attrs.items[2].key, "ok") == 0);
        RG_CHECK_STR(rg_attrs_get(&g.attrs, "name"), "g");
        RG_CHECK_STR(g.docs[0].title, "T");
    }
    rg_graph_free(&g);
}

/* A 20 MB string value and a 1 MB id survive intact. */
static void test_huge_strings(void)
{
    size_t n = 20u << 20;
    rg_buf b = {0};
    rg_buf_puts(&b, "{\"nodes\": [{\"id\": \"");
    for (size_t i = 0; i < (1u << 20); i++)
        rg_buf_putc(&b, (char)('a' + i % 26));
    rg_buf_puts(&b, "\", \"text\": \"");
    for (size_t i = 0; i < n / 2; i++)
        rg_buf_puts(&b, i % 1000 ? "x" : "\\n");
    rg_buf_puts(&b, "\"}]}");
    rg_graph g;
    rg_error err = {0};
    RG_CHECK(read_text(&g, b.data, b.len, 0, &err) == RG_OK);
    RG_CHECK(g.nnodes == 1 && strlen(g.nodes[0].id) == (1u << 20));
    const char *t = g.nnodes ? rg_attrs_get(&g.nodes[0].attrs, "text") : NULL;
    RG_CHECK(t && strlen(t) == n / 2 && t[0] == '\n' && t[1] == 'x');
    rg_graph_free(&g);
    rg_buf_free(&b);
}

/* Random mutations of small documents: the accepted sets must be equal. */
static void test_differential(void)
{
    static const char *const seeds[] = {
        ("{\"nodes\": [{\"id\": \"a\", \"type\": \"person\"}], \"links\": [{\"source\": \"a\", "
         "\"target\": \"a\", \"weight\": 1.5e2}]}"),
        "[\"\\u00e9\\ud83d\\ude00\", -0.0e-1, 123, true, false, null, {\"k\": [[], {}]}]",
        "{\"a\": \"caf\xc3\xa9\", \"b\": \"\\\"\\\\/\\b\", \"c\": 9223372036854775807}",
    };
    static const char *const bits[] = {
        "\"",   "\\",   "\\u",      "\\ud800", "\\udc00", "{",     "}",   "[",  "]",
        ",",    ":",    "0",        "-",       "e",       ".",     " ",   "\n", "\xc3",
        "\xa9", "\x80", "\xf0\x9f", "true",    "null",    "1e999", "\x00"};
    unsigned long x = 12345;
    int bad = 0;
    for (int it = 0; it < 200000 && bad < 5; it++) {
        const char *s = seeds[it % 3];
        char buf[512];
        size_t len = strlen(s);
        memcpy(buf, s, len);
        int nmut = 1 + (int)((x = x * 6364136223846793005UL + 1442695040888963407UL) >> 61);
        for (int m = 0; m < nmut; m++) {
            x = x * 6364136223846793005UL + 1442695040888963407UL;
            size_t at = (size_t)(x >> 33) % (len + 1), op = (x >> 20) % 4;
            if (op == 0 && len) { /* delete a byte */
                if (at == len) at--;
                memmove(buf + at, buf + at + 1, len - at - 1);
                len--;
            } else if (op == 1 && len) { /* flip a byte */
                if (at == len) at--;
                buf[at] = (char)(x >> 8);
            } else if (op == 2 && len > 1) { /* truncate */
                len = at ? at : 1;
            } else { /* insert a token */
                const char *b = bits[(x >> 40) % (sizeof bits / sizeof *bits)];
                size_t bl = *b ? strlen(b) : 1;
                if (len + bl >= sizeof buf) continue;
                memmove(buf + at + bl, buf + at, len - at);
                memcpy(buf + at, b, bl);
                len += bl;
            }
        }
        if (!agrees(buf, len)) bad++;
    }
    RG_CHECK(bad == 0);
}

int main(void)
{
    test_values();
    test_invalid();
    test_many_keys();
    test_depth_limit();
    test_error_lines();
    test_error_order();
    test_semantics();
    test_huge_strings();
    test_differential();
    return rg_test_done();
}
