/* Hostile input through rg_import_file(), the importers' public entry point,
 * for every format: empty, NUL bytes, binary junk, invalid UTF-8, UTF-16,
 * huge tokens and lines, deep nesting, truncation, broken CSV quoting and
 * ragged rows, dangling endpoints, duplicate ids, non-numeric weights, XML
 * entity tricks, size limits, missing files and directories.
 *
 * Every input is generated here into a temporary directory. For each, the
 * importer must (whatever else it decides):
 *   - return RG_OK or RG_EINPUT, within a time limit;
 *   - on error: name the file (and the line, for the cases that have one),
 *     and leave the target graph exactly as it was;
 *   - on success: give a graph whose JSON output reads back with the same
 *     numbers of documents, nodes and edges.
 * Some cases must be errors (truncated JSON, too deep, too big, ...): those
 * are marked MUST_FAIL. Importers that are still placeholders ("not
 * supported yet") are noted, and the file:line check is skipped for them. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdint.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "rg_import.h"
#include "rg_json.h"
#include "rg_test.h"

enum { ANY = 0, MUST_FAIL = 1, MUST_PASS = 2 };
#define WANT_LINE 4 /* an error must say file:LINE */

static char tmpdir[] = "/tmp/rg-hostile-import-XXXXXX";
static double time_limit = 30.0; /* seconds per input; RG_HOSTILE_TIME_LIMIT */
static int placeholders;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Deterministic junk (xorshift), so a failure is reproducible. */
static uint64_t rng = 0x9E3779B97F4A7C15ULL;
static uint8_t next_byte(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint8_t)(rng >> 24);
}

static char *write_case(const char *name, const void *data, size_t len)
{
    char *path = rg_sprintf("%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
        fprintf(stderr, "cannot write %s\n", path);
        exit(1);
    }
    return path;
}

static size_t round_trip_ok(rg_graph *g)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    rg_error err = {0};
    bool ok = rg_json_write(g, f, &err) == RG_OK;
    fclose(f);
    rg_graph back;
    rg_graph_init(&back);
    ok = ok && rg_json_read(&back, "round-trip.json", buf, len, NULL, &err) == RG_OK;
    if (!ok) fprintf(stderr, "  round trip: %s\n", err.msg);
    ok = ok && back.nnodes == g->nnodes && back.nedges == g->nedges && back.ndocs == g->ndocs;
    rg_graph_free(&back);
    free(buf);
    return ok;
}

/* Does msg contain "path:" followed by a digit? */
static bool names_line(const char *msg, const char *path)
{
    const char *p = strstr(msg, path);
    return p && p[strlen(path)] == ':' && p[strlen(path) + 1] >= '0' && p[strlen(path) + 1] <= '9';
}

/* Imports path into a graph holding one sentinel node and checks the rules
 * above. opts may be NULL. */
static void check_path(const char *what, const char *path, int flags, const rg_import_opts *opts)
{
    rg_graph g;
    rg_graph_init(&g);
    rg_error err = {0};
    uint32_t s;
    rg_graph_add_node(&g, "sentinel", RG_NODE_PLACE, "Sentinel", &s, &err);
    double t0 = now();
    rg_status rc = rg_import_file(&g, path, opts, &err);
    double dt = now() - t0;
    bool placeholder = rc && strstr(err.msg, "not supported yet");
    placeholders += placeholder;
    printf("%-28s %-36s %s %.2fs%s%s\n", what, strrchr(path, '/') ? strrchr(path, '/') + 1 : path,
           rc == RG_OK ? "ok   " : "error", dt, rc ? ": " : "", rc ? err.msg : "");
    if (dt > time_limit) fprintf(stderr, "  %s: took %.1fs (limit %.0fs)\n", path, dt, time_limit);
    RG_CHECK(dt <= time_limit);
    RG_CHECK(rc == RG_OK || rc == RG_EINPUT);
    if ((flags & 3) == MUST_FAIL && rc != RG_EINPUT) fprintf(stderr, "  %s: must fail\n", path);
    if ((flags & 3) == MUST_FAIL) RG_CHECK(rc == RG_EINPUT);
    if ((flags & 3) == MUST_PASS && !placeholder && rc != RG_OK)
        fprintf(stderr, "  %s: must pass\n", path);
    if ((flags & 3) == MUST_PASS && !placeholder) RG_CHECK(rc == RG_OK);
    if (rc != RG_OK) {
        RG_CHECK(strstr(err.msg, path) != NULL);
        if ((flags & WANT_LINE) && !placeholder) {
            if (!names_line(err.msg, path)) fprintf(stderr, "  no file:line in: %s\n", err.msg);
            RG_CHECK(names_line(err.msg, path));
        }
        /* unchanged: only the sentinel */
        RG_CHECK(g.nnodes == 1 && g.nedges == 0 && g.ndocs == 0 && g.attrs.n == 0);
    } else {
        RG_CHECK(rg_graph_find_node(&g, "sentinel") != RG_NONE);
        rg_graph_finalize(&g);
        RG_CHECK(round_trip_ok(&g));
    }
    rg_graph_free(&g);
}

static void check(const char *what, const char *name, const void *data, size_t len, int flags)
{
    char *path = write_case(name, data, len);
    check_path(what, path, flags, NULL);
    unlink(path);
    free(path);
}

static void check_str(const char *what, const char *name, const char *s, int flags)
{
    check(what, name, s, strlen(s), flags);
}

static char *repeat(const char *unit, size_t times, const char *head, const char *tail)
{
    rg_buf b = {0};
    rg_buf_puts(&b, head);
    for (size_t i = 0; i < times; i++)
        rg_buf_puts(&b, unit);
    rg_buf_puts(&b, tail);
    return rg_buf_detach(&b);
}

static const char *const exts[] = {"csv", "json", "graphml", "txt", "html"};

/* Cases that apply to every format, with content in the format's shape. */
static void every_format(void)
{
    for (size_t e = 0; e < sizeof exts / sizeof *exts; e++) {
        const char *x = exts[e];
        char name[64];
#define NAME(s) (snprintf(name, sizeof name, "%s.%s", s, x), name)
        check("empty file", NAME("empty"), "", 0, ANY);
        check("whitespace only", NAME("blank"), " \n\t\r\n", 5, ANY);
        static const char nul[] = "Id,Label\0,Type\nA\0B,Ahmed\0,person\n\0\0\0";
        check("NUL bytes", NAME("nul"), nul, sizeof nul - 1, ANY);
        size_t n = 1 << 16;
        uint8_t *junk = malloc(n);
        for (size_t i = 0; i < n; i++)
            junk[i] = next_byte();
        check("binary junk", NAME("binary"), junk, n, ANY);
        /* an ELF-ish / gzip-ish header then junk */
        memcpy(junk,
               "\x7f"
               "ELF\x02\x01\x01",
               7);
        check("executable", NAME("elf"), junk, n, ANY);
        memcpy(junk, "\x1f\x8b\x08\x00", 4);
        check("gzip", NAME("gz"), junk, 4096, ANY);
        free(junk);
        static const char utf16[] = "\xff\xfeI\0d\0,\0L\0a\0b\0e\0l\0\n\0a\0,\0A\0\n\0";
        check("UTF-16LE with BOM", NAME("utf16"), utf16, sizeof utf16 - 1, ANY);
        static const char latin1[] = "Id,Label,Type\nj,Jos\xe9 Mar\xed"
                                     "a G\xf3mez,person\n";
        check("Latin-1", NAME("latin1"), latin1, sizeof latin1 - 1, ANY);
        static const char bad8[] = "Id,Label,Type\n\xff\xfe,\xc0\xaf\xed\xa0\x80\x80,person\n"
                                   "b,ok \xe2\x82,person\nc,\xf4\x90\x80\x80\xe2";
        check("invalid UTF-8", NAME("badutf8"), bad8, sizeof bad8 - 1, ANY);
        char *tok = repeat("x", 4 << 20, "", "\n");
        check("4 MB token", NAME("token"), tok, strlen(tok), ANY);
        free(tok);
        char *line = repeat("Ahmed met Pedersen in Damascus, ", 1 << 17, "", "");
        check("4 MB single line", NAME("line"), line, strlen(line), ANY);
        free(line);
        char *lines = repeat("\n", 1 << 20, "", "");
        check("1M empty lines", NAME("newlines"), lines, strlen(lines), ANY);
        free(lines);
#undef NAME
    }
}

static void csv_cases(void)
{
    check_str("broken quoting", "quote.csv",
              "Id,Label,Type\na,\"Unterminated,person\nb,B,person\nc,C,place\n", ANY | WANT_LINE);
    check_str("quote mid-field", "midquote.csv", "Id,Label,Type\na,Ab\"c\"d,person\n", ANY);
    check_str("stray quote after field", "afterquote.csv", "Id,Label,Type\na,\"A\"x,person\n",
              ANY | WANT_LINE);
    check_str("ragged rows", "ragged.csv",
              "Source,Target,Type,Weight\na,b\na,b,member_of,1,extra,more\n,,\nc\n", ANY);
    check_str("header only", "header.csv", "Source,Target,Type,Weight\n", ANY);
    check_str("no known columns", "nocols.csv", "foo,bar\n1,2\n", ANY);
    check_str("duplicate ids", "dupids.csv", "Id,Label,Type\na,A,person\na,A2,place\n", ANY);
    check_str("duplicate header", "duphdr.csv", "Id,Id,Label\na,b,c\n", ANY);
    check_str("non-numeric weights", "weights.csv",
              "Source,Target,Type,Weight\na,b,member_of,heavy\nb,c,part_of,1e999\n"
              "c,d,part_of,nan\nd,e,part_of,-inf\ne,f,part_of,0x10\n",
              ANY);
    check_str("dangling endpoints", "dangling.csv",
              "Source,Target,Type\na,,member_of\n,b,part_of\n", ANY);
    check_str("bad edge type", "etype.csv", "Source,Target,Type\na,b,Not A Type!\n", ANY);
    check_str("CR line endings", "cr.csv", "Id,Label,Type\ra,A,person\rb,B,place\r", ANY);
    char *wide = repeat(",c", 100000, "Id", "\n1\n");
    check("100k columns", "wide.csv", wide, strlen(wide), ANY);
    free(wide);
    char *rows = repeat("a,b,member_of,1\n", 200000, "Source,Target,Type,Weight\n", "");
    check("200k identical edges", "rows.csv", rows, strlen(rows), ANY);
    free(rows);
    char *q = repeat("\"\"", 1 << 20, "Id,Label\na,\"", "\"\n");
    check("1M escaped quotes", "quotes.csv", q, strlen(q), ANY);
    free(q);
}

static void json_cases(void)
{
    static const char good[] =
        "{\"nodes\": [{\"id\": \"a\", \"type\": \"person\"}, {\"id\": \"b\", \"type\": "
        "\"place\"}],\n \"links\": [{\"source\": \"a\", \"target\": \"b\", \"type\": "
        "\"located_in\", \"weight\": 2}]}\n";
    check_str("valid graph", "good.json", good, MUST_PASS);
    for (size_t cut = 1; cut < sizeof good - 2; cut += 7) {
        char name[64];
        snprintf(name, sizeof name, "truncated%zu.json", cut);
        check("truncated", name, good, cut, MUST_FAIL | WANT_LINE);
    }
    char *deep = repeat("[", 100000, "{\"nodes\": ", "");
    check("100k-deep, unclosed", "deep.json", deep, strlen(deep), MUST_FAIL | WANT_LINE);
    free(deep);
    deep = repeat("{\"a\":", 300, "{\"nodes\": [], \"graph\": ", "1");
    char *closed = repeat("}", 301, deep, "");
    check("300-deep (limit 256)", "deep300.json", closed, strlen(closed), MUST_FAIL | WANT_LINE);
    free(deep);
    free(closed);
    check_str("dangling endpoint", "dangling.json",
              "{\"nodes\": [{\"id\": \"a\"}], \"links\": [{\"source\": \"a\", \"target\": "
              "\"nowhere\"}]}",
              MUST_FAIL);
    check_str("duplicate ids", "dupids.json", "{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"a\"}]}",
              MUST_FAIL);
    check_str("duplicate keys", "dupkeys.json", "{\"nodes\": [{\"id\": \"a\", \"id\": \"b\"}]}",
              MUST_FAIL | WANT_LINE);
    check_str("non-numeric weight", "weight.json",
              "{\"nodes\": [{\"id\": \"a\"}], \"links\": [{\"source\": \"a\", \"target\": \"a\", "
              "\"weight\": \"heavy\"}]}",
              MUST_FAIL);
    check_str("huge numbers", "huge.json",
              "{\"nodes\": [{\"id\": 123456789012345678901234567890}], \"links\": []}", ANY);
    check_str("1e400 weight", "inf.json",
              "{\"nodes\": [{\"id\": \"a\"}], \"links\": [{\"source\": \"a\", \"target\": \"a\", "
              "\"weight\": 1e400}]}",
              ANY);
    check_str("overflowing weights", "overflow.json",
              "{\"nodes\": [{\"id\": \"a\"}], \"links\": [{\"source\": \"a\", \"target\": \"a\", "
              "\"weight\": 1.7e308}, {\"source\": \"a\", \"target\": \"a\", \"weight\": 1.7e308}]}",
              ANY);
    check_str("negative counts and spans", "negative.json",
              "{\"nodes\": [{\"id\": \"a\", \"mentions\": -5, \"aliases\": [{\"name\": \"x\", "
              "\"count\": -1}], \"provenance\": [{\"doc\": \"d\", \"begin\": -1, \"end\": 2}]}]}",
              ANY);
    check_str("wrong shapes", "shapes.json",
              "{\"nodes\": [{\"id\": \"a\", \"aliases\": 5, \"documents\": {}, \"provenance\": "
              "\"x\"}], \"links\": [], \"graph\": []}",
              ANY);
    check_str("top-level array", "array.json", "[1, 2, 3]", MUST_FAIL);
    check_str("links not array", "links.json", "{\"nodes\": [], \"links\": {}}", MUST_FAIL);
    check_str("unknown node type", "ntype.json", "{\"nodes\": [{\"id\": \"a\", \"type\": \"x\"}]}",
              MUST_FAIL);
    check_str("escaped NUL", "escnul.json", "{\"nodes\": [{\"id\": \"a\\u0000b\"}]}", ANY);
    check_str("lone surrogate", "surrogate.json", "{\"nodes\": [{\"id\": \"\\ud800\"}]}",
              MUST_FAIL | WANT_LINE);
    check_str("trailing garbage", "trailing.json", "{\"nodes\": []} {\"nodes\": []}",
              MUST_FAIL | WANT_LINE);
    /* Many attributes, aliases and documents: must stay fast (no O(n^2)). */
    char *attrs = rg_strdup("{\"nodes\": [{\"id\": \"a\"");
    rg_buf b = {0};
    rg_buf_puts(&b, attrs);
    for (int i = 0; i < 50000; i++)
        rg_buf_printf(&b, ", \"k%d\": %d", i, i);
    rg_buf_puts(&b, "}]}");
    check("50k attributes on a node", "attrs.json", b.data, b.len, MUST_PASS);
    rg_buf_free(&b);
    free(attrs);
    rg_buf_puts(&b, "{\"nodes\": [{\"id\": \"a\", \"aliases\": [");
    for (int i = 0; i < 50000; i++)
        rg_buf_printf(&b, "%s\"alias %d\"", i ? ", " : "", i);
    rg_buf_puts(&b, "]}]}");
    check("50k aliases on a node", "aliases.json", b.data, b.len, MUST_PASS);
    rg_buf_free(&b);
    rg_buf_puts(&b, "{\"graph\": {\"documents\": [");
    for (int i = 0; i < 100000; i++)
        rg_buf_printf(&b, "%s{\"id\": \"d%d\"}", i ? ", " : "", i);
    rg_buf_puts(&b, "]}, \"nodes\": []}");
    check("100k documents", "docs.json", b.data, b.len, MUST_PASS);
    rg_buf_free(&b);
    rg_buf_puts(&b, "{\"nodes\": [{\"id\": \"a\"}], \"links\": [{\"source\": \"a\", \"target\": "
                    "\"a\", \"evidence\": [");
    for (int i = 0; i < 50000; i++)
        rg_buf_printf(&b, "%s{\"doc\": \"d\", \"begin\": %d, \"end\": %d}", i ? ", " : "", i, i);
    rg_buf_puts(&b, "]}]}");
    check("50k evidence on an edge", "evidence.json", b.data, b.len, MUST_PASS);
    rg_buf_free(&b);
}

static void graphml_cases(void)
{
    static const char good[] =
        "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        "<key id=\"t\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
        "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
        "<graph id=\"G\" edgedefault=\"directed\">\n"
        "<node id=\"a\"><data key=\"t\">person</data></node>\n"
        "<node id=\"b\"><data key=\"t\">place</data></node>\n"
        "<edge source=\"a\" target=\"b\"><data key=\"w\">2</data></edge>\n"
        "</graph>\n</graphml>\n";
    check_str("valid graph", "good.graphml", good, MUST_PASS);
    for (size_t cut = 10; cut < sizeof good - 12; cut += 23) {
        char name[64];
        snprintf(name, sizeof name, "truncated%zu.graphml", cut);
        check("truncated", name, good, cut, MUST_FAIL | WANT_LINE);
    }
    check_str("not XML", "notxml.graphml", "Id,Label\na,b\n", MUST_FAIL);
    check_str("mismatched tags", "mismatch.graphml",
              "<graphml><graph><node id=\"a\"></graph></node></graphml>", MUST_FAIL | WANT_LINE);
    check_str("dangling endpoint", "dangling.graphml",
              "<graphml><graph edgedefault=\"directed\"><node id=\"a\"/>"
              "<edge source=\"a\" target=\"nowhere\"/><edge source=\"a\"/></graph></graphml>",
              ANY);
    check_str("duplicate ids", "dupids.graphml",
              "<graphml><graph><node id=\"a\"/><node id=\"a\"/></graph></graphml>", ANY);
    check_str("non-numeric weight", "weight.graphml",
              "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>"
              "<graph><node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\">"
              "<data key=\"w\">heavy</data></edge><edge source=\"b\" target=\"a\">"
              "<data key=\"w\">1e999</data></edge></graph></graphml>",
              ANY);
    check_str("undeclared data key", "nokey.graphml",
              "<graphml><graph><node id=\"a\"><data key=\"zz\">1</data></node></graph></graphml>",
              ANY);
    char *deep = repeat("<node id=\"n\"><graph>", 20000, "<graphml><graph>", "");
    check("20k-deep nested graphs", "deep.graphml", deep, strlen(deep), MUST_FAIL);
    free(deep);
    /* Entity expansion ("billion laughs") must neither hang nor blow up. */
    check_str("billion laughs", "laughs.graphml",
              "<?xml version=\"1.0\"?><!DOCTYPE g [<!ENTITY a \"aaaaaaaaaa\">"
              "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c "
              "\"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
              "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e "
              "\"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
              "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g "
              "\"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">"
              "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\"><!ENTITY i "
              "\"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">]>"
              "<graphml><graph><node id=\"&i;\"/></graph></graphml>",
              ANY);
}

/* An external entity must never pull a local file into the graph. */
static void graphml_xxe(void)
{
    char *secret = write_case("secret.txt", "TOP-SECRET-CONTENT", 18);
    char *doc = rg_sprintf("<?xml version=\"1.0\"?><!DOCTYPE g [<!ENTITY x SYSTEM \"file://%s\">]>"
                           "<graphml><graph><node id=\"n&x;\"/></graph></graphml>",
                           secret);
    char *path = write_case("xxe.graphml", doc, strlen(doc));
    rg_graph g;
    rg_graph_init(&g);
    rg_error err = {0};
    rg_status rc = rg_import_file(&g, path, NULL, &err);
    printf("%-28s %-36s %s\n", "external entity (XXE)", "xxe.graphml", rc ? err.msg : "ok");
    RG_CHECK(rc == RG_OK || rc == RG_EINPUT);
    bool leaked = strstr(err.msg, "TOP-SECRET") != NULL;
    for (size_t i = 0; i < g.nnodes; i++)
        leaked |= strstr(g.nodes[i].id, "TOP-SECRET") != NULL;
    RG_CHECK(!leaked);
    rg_graph_free(&g);
    unlink(path);
    unlink(secret);
    free(path);
    free(secret);
    free(doc);
}

static void document_cases(void)
{
    char *deep = repeat("<div>", 100000, "<html><body>", "Ahmed met Pedersen.");
    check("100k nested divs", "deep.html", deep, strlen(deep), ANY);
    free(deep);
    deep = repeat("<b><i>", 50000, "<p>", "x");
    check("50k unclosed inline tags", "inline.html", deep, strlen(deep), ANY);
    free(deep);
    char *ents = repeat("&amp;&#0;&#xD800;&#x110000;&bogus;&", 50000, "<p>", "</p>");
    check("bad character references", "ents.html", ents, strlen(ents), ANY);
    free(ents);
    char *script = repeat("var x = '</p><p>';", 100000, "<script>", "");
    check("unterminated 1.8 MB script", "script.html", script, strlen(script), ANY);
    free(script);
    check_str("charset lies", "charset.html",
              "<meta charset=\"utf-16\"><p>Caf\xe9 \xff\xfe in Li\xe8ge</p>", ANY);
    check_str("attributes only", "attrs.html", "<a href=\"<<<\" title='>>>'>", ANY);
    char *sent = repeat("Mr. ", 500000, "", "Smith met Dr. Jones.");
    check("2 MB sentence of titles", "titles.txt", sent, strlen(sent), ANY);
    free(sent);
    char *caps = repeat("Ahmed Al Sharaa ", 200000, "", ".");
    check("3 MB capitalised name", "caps.txt", caps, strlen(caps), ANY);
    free(caps);
    char *dots = repeat(". ", 1000000, "", "");
    check("1M empty sentences", "dots.txt", dots, strlen(dots), ANY);
    free(dots);
}

static void file_cases(void)
{
    char *p = rg_sprintf("%s/does-not-exist.csv", tmpdir);
    check_path("missing file", p, MUST_FAIL, NULL);
    free(p);
    p = rg_sprintf("%s/dir.json", tmpdir);
    mkdir(p, 0755);
    check_path("directory named .json", p, MUST_FAIL, NULL);
    rmdir(p);
    free(p);
    check_str("unknown extension", "notes.pdf", "%PDF-1.4", MUST_FAIL);
    check_str("no extension", "README", "hello", MUST_FAIL);
    /* the size limit, just over and just at */
    char *big = repeat("{\"nodes\": []}       ", 1000, "", "");
    char *path = write_case("big.json", big, strlen(big));
    rg_import_opts o = {.max_bytes = strlen(big) - 1};
    check_path("over --max-bytes", path, MUST_FAIL, &o);
    o.max_bytes = strlen(big);
    /* exactly at the limit: must not be refused for size (it is invalid JSON) */
    rg_graph g;
    rg_graph_init(&g);
    rg_error err = {0};
    rg_import_file(&g, path, &o, &err);
    RG_CHECK(strstr(err.msg, "limit") == NULL);
    rg_graph_free(&g);
    unlink(path);
    free(path);
    free(big);
    if (geteuid() == 0) {
        printf("note: running as root, which reads any file: unreadable-file case skipped\n");
    } else {
        char *u = write_case("unreadable.json", "{\"nodes\": []}", 13);
        chmod(u, 0);
        check_path("unreadable file", u, MUST_FAIL, NULL);
        unlink(u);
        free(u);
    }
}

int main(void)
{
    if (!mkdtemp(tmpdir)) RG_SKIP("no temporary directory");
    const char *tl = getenv("RG_HOSTILE_TIME_LIMIT");
    if (tl && atof(tl) > 0) time_limit = atof(tl);
    rg_set_quiet(true);
    every_format();
    csv_cases();
    json_cases();
    graphml_cases();
    graphml_xxe();
    document_cases();
    file_cases();
    if (placeholders)
        printf("note: %d inputs went to importers that are still placeholders\n", placeholders);
    rmdir(tmpdir);
    return rg_test_done();
}
