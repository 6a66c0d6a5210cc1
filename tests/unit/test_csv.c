/* CSV tables: the RFC 4180 reader (quoting, line breaks, delimiters, BOM),
 * node and edge tables in Gephi's convention, and errors that name the file
 * and line. */
#include <unistd.h>

#include "rg_csv.h"
#include "rg_import.h"
#include "rg_test.h"

/* Reads all records of `text`, joining fields with '|' and records with
 * '/'; on error returns "ERR:" and the message. */
static char *records(const char *text, size_t len)
{
    rg_csv_reader r;
    rg_error err = {0};
    rg_buf out = {0};
    bool more = true;
    rg_status rc = rg_csv_reader_init(&r, "t.csv", text, len, &err);
    while (rc == RG_OK && (rc = rg_csv_next(&r, &more, &err)) == RG_OK && more) {
        if (out.len) rg_buf_putc(&out, '/');
        for (size_t i = 0; i < r.nfields; i++) {
            if (i) rg_buf_putc(&out, '|');
            rg_buf_puts(&out, r.fields[i]);
        }
    }
    rg_csv_reader_free(&r);
    if (rc) {
        rg_buf_free(&out);
        return rg_sprintf("ERR:%s", err.msg);
    }
    return rg_buf_detach(&out);
}

static void check_rec(const char *text, const char *want)
{
    char *got = records(text, strlen(text));
    RG_CHECK_STR(got, want);
    free(got);
}

static void test_reader(void)
{
    check_rec("a,b,c\n1,2,3\n", "a|b|c/1|2|3");
    check_rec("a,b\r\n1,2\r\n", "a|b/1|2");                   /* CRLF */
    check_rec("a,b\r1,2", "a|b/1|2");                         /* CR, no final newline */
    check_rec("\xef\xbb\xbfId,Label\nx,y\n", "Id|Label/x|y"); /* BOM */
    check_rec("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n", "a|b/x, y|say \"hi\"");
    check_rec("a,b\n\"line one\r\nline two\",z\n", "a|b/line one\nline two|z");
    check_rec("a,b\n\n  \n1,2\n\n", "a|b/1|2");     /* blank lines skipped */
    check_rec("a,b\n , \n", "a|b/|");               /* but a row of empty fields is a row */
    check_rec("a,b\n  x  ,  \"y\"  \n", "a|b/x|y"); /* spaces trimmed around fields */
    check_rec("a,b\n\"\",\n", "a|b/|");
    check_rec("a;b;c\n1;2,5;3\n", "a|b|c/1|2,5|3");         /* ';' when the header has no comma */
    check_rec("a\tb\n1\t2\n", "a|b/1|2");                   /* tab */
    check_rec("a\tb\tc;d\n1\t2\t3;4\n", "a|b|c;d/1|2|3;4"); /* more tabs than ';' */
    check_rec("\"x,y\";z\n1;2\n", "x,y|z/1|2"); /* a comma inside quotes is not a delimiter */
    check_rec("a,b\n5\" screen,x\n", "a|b/5\" screen|x"); /* stray quote kept as text */
    check_rec("", "");
}

static void check_err(const char *text, size_t len, const char *want)
{
    char *got = records(text, len ? len : strlen(text));
    if (strncmp(got, "ERR:", 4) != 0 || !strstr(got, want)) {
        fprintf(stderr, "got '%s', wanted an error with '%s'\n", got, want);
        rg_test_fail++;
    } else {
        rg_test_pass++;
    }
    free(got);
}

static void test_reader_errors(void)
{
    check_err("a,b\n1,2\n\"open,3\n4,5\n", 0, "t.csv:3: unterminated quoted field");
    check_err("a,b\n\"x\"y,2\n", 0, "t.csv:2: unexpected text after a closing quote");
    /* line numbers count the line breaks inside quoted fields */
    check_err("a,b\n\"1\n2\n3\",x\n\"q\"z,1\n", 0, "t.csv:5:");
    check_err("a,b\n1,\xff\n", 0, "t.csv:2: invalid UTF-8");
    check_err("a,b\n1,2\n3\0,4\n", 13, "t.csv:3: NUL byte");
    check_err("\xff\xfe"
              "a\0,\0b\0",
              8, "UTF-16");
}

static rg_status import(rg_graph *g, const char *text, rg_error *err)
{
    rg_graph_init(g);
    rg_error_clear(err);
    return rg_csv_import(g, "t.csv", text, strlen(text), NULL, err);
}

static const rg_node *get_node(const rg_graph *g, const char *id)
{
    uint32_t i = rg_graph_find_node(g, id);
    return i == RG_NONE ? NULL : &g->nodes[i];
}

static void test_node_table(void)
{
    rg_graph g;
    rg_error err;
    const char *t = "ID,Label,Type,Aliases,Born,Notes\n"
                    "p1,Anwar Raslan,Person,A. Raslan|Raslan,1963,\"Colonel, Branch 251\"\n"
                    "o1,\"Branch 251\",,,,\n"
                    "pl1,Douma,location,,,\n"
                    "i1,Higher Regional Court,institution,,,\n";
    RG_CHECK(import(&g, t, &err) == RG_OK);
    RG_CHECK(g.nnodes == 4 && g.nedges == 0);
    const rg_node *p = get_node(&g, "p1"), *o = get_node(&g, "o1");
    RG_CHECK(p && p->type == RG_NODE_PERSON && strcmp(p->label, "Anwar Raslan") == 0);
    RG_CHECK(p && p->naliases == 2 && strcmp(p->aliases[1].name, "Raslan") == 0);
    RG_CHECK(p && p->attrs.n == 2);
    RG_CHECK_STR(p ? rg_attrs_get(&p->attrs, "Notes") : NULL, "Colonel, Branch 251");
    RG_CHECK(o && o->type == RG_NODE_ORGANISATION && o->attrs.n == 0); /* default; no empty attrs */
    RG_CHECK(get_node(&g, "pl1") && get_node(&g, "pl1")->type == RG_NODE_PLACE);
    RG_CHECK(get_node(&g, "i1") && get_node(&g, "i1")->type == RG_NODE_INSTITUTION);
    RG_CHECK(g.ndocs == 1 && strcmp(g.docs[0].id, "t") == 0 && p && p->ndocs == 1);
    rg_graph_free(&g);

    /* a duplicate id merges (warning), the later row's values win */
    rg_set_quiet(true);
    RG_CHECK(import(&g, "Id,Label,Rank\nx,First,1\ny,,\nx,Second,\n", &err) == RG_OK);
    rg_set_quiet(false);
    p = get_node(&g, "x");
    RG_CHECK(g.nnodes == 2 && p && strcmp(p->label, "Second") == 0);
    RG_CHECK_STR(p ? rg_attrs_get(&p->attrs, "Rank") : NULL, "1");
    RG_CHECK_STR(get_node(&g, "y") ? get_node(&g, "y")->label : NULL, "y"); /* no label: id */
    rg_graph_free(&g);

    /* a short row is padded (warning), a Name column serves as label */
    rg_set_quiet(true);
    RG_CHECK(import(&g, "Id,Name,Type\nx,Only a name\n", &err) == RG_OK);
    rg_set_quiet(false);
    RG_CHECK(g.nnodes == 1 && strcmp(g.nodes[0].label, "Only a name") == 0);
    rg_graph_free(&g);
}

static const rg_edge *find_edge(const rg_graph *g, const char *s, const char *t, const char *type)
{
    for (size_t i = 0; i < g->nedges; i++) {
        const rg_edge *e = &g->edges[i];
        if (!strcmp(g->nodes[e->source].id, s) && !strcmp(g->nodes[e->target].id, t) &&
            !strcmp(e->type, type))
            return e;
    }
    return NULL;
}

static void test_edge_table(void)
{
    rg_graph g;
    rg_error err;
    const char *t = "Source,Target,Type,Weight,Date,Role,Label,Confidence\n"
                    "a,b,Directed,2,,,member of,high\n"
                    "a,b,Directed,1.5,,,Member Of,\n" /* same relation again: weights add */
                    "c,d,Undirected,,,,,\n"
                    "a,e,head_of,,2011-04,,,\n"
                    "a,ev,participant_in,,2020-01-02,defendant,Trial,\n";
    RG_CHECK(import(&g, t, &err) == RG_OK);
    const rg_edge *e = find_edge(&g, "a", "b", "member_of");
    RG_CHECK(e && e->weight == 3.5);
    RG_CHECK_STR(e ? rg_attrs_get(&e->attrs, "directed") : NULL, "true");
    RG_CHECK_STR(e ? rg_attrs_get(&e->attrs, "Confidence") : NULL, "high");
    e = find_edge(&g, "c", "d", "related_to"); /* no relation given */
    RG_CHECK(e && e->weight == 1);
    RG_CHECK_STR(e ? rg_attrs_get(&e->attrs, "directed") : NULL, "false");
    e = find_edge(&g, "a", "e", "head_of"); /* Type holding a relation */
    RG_CHECK_STR(e ? e->date : NULL, "2011-04");
    RG_CHECK(e && rg_attrs_get(&e->attrs, "directed") == NULL);
    e = find_edge(&g, "a", "ev", "participant_in");
    RG_CHECK_STR(e ? e->role : NULL, "defendant");
    RG_CHECK_STR(e ? rg_attrs_get(&e->attrs, "Label") : NULL, "Trial"); /* unused Label kept */
    RG_CHECK(g.nedges == 4 && g.nnodes == 6);
    /* endpoints are implicit nodes until a node table defines them */
    const rg_node *a = get_node(&g, "a");
    RG_CHECK(a && a->implicit);
    rg_graph nodes;
    RG_CHECK(import(&nodes, "Id,Label,Type\na,Alice,person\n", &err) == RG_OK);
    RG_CHECK(rg_graph_merge(&g, &nodes, &err) == RG_OK);
    a = get_node(&g, "a");
    RG_CHECK(a && !a->implicit && a->type == RG_NODE_PERSON && !strcmp(a->label, "Alice"));
    rg_graph_free(&nodes);
    rg_graph_free(&g);

    /* Relation column first; ';' delimiter with a decimal comma weight */
    RG_CHECK(import(&g, "source;target;relation;type;weight\nx;y;Allied with;Undirected;0,5\n",
                    &err) == RG_OK);
    e = find_edge(&g, "x", "y", "allied_with");
    RG_CHECK(e && e->weight == 0.5);
    rg_graph_free(&g);
}

static void check_import_err(const char *text, const char *want)
{
    rg_graph g;
    rg_error err;
    rg_set_quiet(true);
    rg_status rc = import(&g, text, &err);
    rg_set_quiet(false);
    if (rc != RG_EINPUT || !strstr(err.msg, want)) {
        fprintf(stderr, "rc %d, message '%s', wanted '%s'\n", rc, err.msg, want);
        rg_test_fail++;
    } else {
        rg_test_pass++;
    }
    rg_graph_free(&g);
}

static void test_table_errors(void)
{
    check_import_err("", "t.csv: empty file");
    check_import_err("\n\n", "t.csv: empty file");
    check_import_err("Name,Label\nx,y\n", "t.csv:1: header needs an Id column");
    check_import_err("Source,Weight\nx,1\n", "t.csv:1: an edge table needs both Source and Target");
    check_import_err("Id,Label,id\n", "t.csv:1: column 'id' appears twice");
    check_import_err("Id,Label\nx,y\nz,w,extra\n", "t.csv:3: 3 fields but the header has 2");
    check_import_err("Id,Type\nx,person\n,place\n", "t.csv:3: empty Id");
    check_import_err("Id,Type\nx,peson\n", "t.csv:2: unknown node type 'peson'");
    check_import_err("Id,Type\nx,person\nx,place\n", "t.csv:3:");
    check_import_err("Source,Target,Weight\na,b,1\na,b,heavy\n", "t.csv:3: Weight 'heavy'");
    check_import_err("Source,Target,Weight\na,b,-1\n", "t.csv:2: Weight '-1'");
    check_import_err("Source,Target,Weight\na,b,nan\n", "t.csv:2: Weight 'nan'");
    check_import_err("Source,Target\na,\n", "t.csv:2: empty Target");
    check_import_err("Source,Target,Relation\na,b,عضو\n", "t.csv:2: 'عضو' cannot be a relation");
    check_import_err("Source,Target,Relation\na,b,2nd\n", "t.csv:2:");
    /* a quoted field spanning lines: the error is on the line where the row starts */
    check_import_err("Source,Target,Weight\n\"a\nb\",c,1\nd,e,x\n", "t.csv:4: Weight 'x'");
}

/* Whatever the bytes, the importer returns OK or a named error, never
 * crashes or hangs (run under ASan in the sanitizer build). */
static void test_hostile(void)
{
    rg_graph g;
    rg_error err;
    /* a huge field */
    size_t n = 4 << 20;
    char *big = rg_malloc(n + 64);
    strcpy(big, "Id,Label\nx,\"");
    size_t k = strlen(big);
    memset(big + k, 'a', n);
    strcpy(big + k + n, "\"\n");
    rg_graph_init(&g);
    RG_CHECK(rg_csv_import(&g, "t.csv", big, strlen(big), NULL, &err) == RG_OK);
    RG_CHECK(g.nnodes == 1 && strlen(g.nodes[0].label) == n);
    rg_graph_free(&g);
    free(big);

    uint64_t x = 0x9E3779B97F4A7C15ULL;
    static const char alphabet[] = "\"\",;\t\r\n aIdSourceTarget\xc3\xa9\xff\0";
    char buf[200];
    int bad = 0;
    rg_set_quiet(true);
    for (int it = 0; it < 3000; it++) {
        size_t len = (size_t)(x % sizeof buf);
        for (size_t i = 0; i < len; i++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            buf[i] = alphabet[x % (sizeof alphabet - 1)];
        }
        if (it % 2 == 0 && len > 10) memcpy(buf, it % 4 ? "Id,Type\n" : "Source,Target\n", 8);
        rg_graph_init(&g);
        rg_status rc = rg_csv_import(&g, "t.csv", buf, len, NULL, &err);
        if (rc != RG_OK && (rc != RG_EINPUT || strncmp(err.msg, "t.csv", 5) != 0)) bad++;
        rg_graph_free(&g);
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    }
    rg_set_quiet(false);
    RG_CHECK(bad == 0);
}

/* Through rg_import_file: a bad table leaves the target graph unchanged. */
static void test_import_file(void)
{
    char dir[] = "/tmp/rg_test_csv.XXXXXX";
    RG_CHECK(mkdtemp(dir) != NULL);
    char *good = rg_sprintf("%s/nodes.csv", dir), *bad = rg_sprintf("%s/edges.csv", dir);
    FILE *f = fopen(good, "w");
    fputs("Id,Type\na,person\n", f);
    fclose(f);
    f = fopen(bad, "w");
    fputs("Source,Target\nx,y\nq,\"unterminated\n", f);
    fclose(f);
    rg_graph g;
    rg_graph_init(&g);
    rg_error err = {0};
    RG_CHECK(rg_import_file(&g, good, NULL, &err) == RG_OK);
    RG_CHECK(rg_import_file(&g, bad, NULL, &err) == RG_EINPUT);
    char *where = rg_sprintf("%s:3:", bad);
    RG_CHECK(strstr(err.msg, where) != NULL);
    RG_CHECK(g.nnodes == 1 && g.nedges == 0 && g.ndocs == 1); /* nothing of the bad file */
    free(where);
    rg_graph_free(&g);
    unlink(good), unlink(bad), rmdir(dir);
    free(good), free(bad);
}

static void test_helpers(void)
{
    char *t = rg_csv_edge_type("  Head of / Chief ");
    RG_CHECK_STR(t, "head_of_chief");
    free(t);
    RG_CHECK(rg_csv_edge_type("--") == NULL);
    double w;
    RG_CHECK(rg_csv_weight("", &w) && w == 1);
    RG_CHECK(rg_csv_weight("2.5e1", &w) && w == 25);
    RG_CHECK(!rg_csv_weight("0x10", &w) && !rg_csv_weight("inf", &w) &&
             !rg_csv_weight("1,2,3", &w));
}

int main(void)
{
    test_reader();
    test_reader_errors();
    test_node_table();
    test_edge_table();
    test_table_errors();
    test_hostile();
    test_import_file();
    test_helpers();
    return rg_test_done();
}
