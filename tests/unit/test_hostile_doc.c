/* Hostile documents through rg_doc_load(), the text/HTML loader in front of
 * the extraction pipeline: invalid UTF-8, NUL bytes, binary junk, UTF-16,
 * Latin-1, huge tokens and lines, deeply nested and broken HTML. Inputs are
 * generated here. For each: RG_OK or RG_EINPUT within a time limit; on
 * success clean UTF-8 text without NUL bytes whose length is right, a
 * document id, and a warning when bytes were repaired (rg_doc.h promises
 * "invalid bytes are replaced by U+FFFD with a warning", "NUL bytes are
 * dropped with a warning"); on error a message naming the file. */
#include <time.h>
#include <unistd.h>

#include "rg_doc.h"
#include "rg_test.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static bool valid_utf8(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (k == 0 || i + k > n) return false;
        for (size_t j = 1; j < k; j++)
            if ((s[i + j] & 0xC0) != 0x80) return false;
        i += k;
    }
    return true;
}

/* Captures what rg_warn() writes to stderr during one call. */
static FILE *capture;
static int saved_stderr = -1;
static void capture_begin(void)
{
    fflush(stderr);
    capture = tmpfile();
    saved_stderr = dup(2);
    dup2(fileno(capture), 2);
}
static char *capture_end(void)
{
    fflush(stderr);
    dup2(saved_stderr, 2);
    close(saved_stderr);
    rg_buf b = {0};
    char chunk[4096];
    size_t n;
    rewind(capture);
    while ((n = fread(chunk, 1, sizeof chunk, capture)) > 0)
        rg_buf_append(&b, chunk, n);
    fclose(capture);
    return rg_buf_detach(&b);
}

static double time_limit = 30.0;

/* want_warning: the input has bytes that must be repaired (text only). */
static void check(const char *what, const char *path, rg_format f, const char *data, size_t len,
                  bool want_warning)
{
    rg_import_opts opts = {0};
    rg_error err = {0};
    rg_loaded_doc d;
    memset(&d, 0, sizeof d);
    capture_begin();
    double t0 = now();
    rg_status rc = rg_doc_load(path, f, data, len, &opts, &d, &err);
    double dt = now() - t0;
    char *warnings = capture_end();
    printf("%-30s %-14s %s %.2fs %s\n", what, path, rc ? "error" : "ok   ", dt, rc ? err.msg : "");
    RG_CHECK(dt <= time_limit);
    RG_CHECK(rc == RG_OK || rc == RG_EINPUT);
    if (rc != RG_OK) {
        RG_CHECK(strstr(err.msg, path) != NULL);
    } else {
        RG_CHECK(d.text != NULL && d.doc.id != NULL);
        if (d.text) {
            RG_CHECK(strlen(d.text) == d.len);
            RG_CHECK(valid_utf8((const unsigned char *)d.text, d.len));
        }
        if (want_warning) {
            if (!strstr(warnings, path))
                fprintf(stderr, "  %s: no warning naming the file\n", what);
            RG_CHECK(strstr(warnings, "warning") != NULL && strstr(warnings, path) != NULL);
        }
        rg_loaded_doc_free(&d);
    }
    free(warnings);
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

#define CHECK_LIT(what, path, f, lit, warn) check(what, path, f, lit, sizeof lit - 1, warn)

int main(void)
{
    const char *tl = getenv("RG_HOSTILE_TIME_LIMIT");
    if (tl && atof(tl) > 0) time_limit = atof(tl);
    static const rg_format fs[] = {RG_FORMAT_TEXT, RG_FORMAT_HTML};
    static const char *const paths[] = {"hostile.txt", "hostile.html"};
    for (int i = 0; i < 2; i++) {
        rg_format f = fs[i];
        const char *p = paths[i];
        bool text = f == RG_FORMAT_TEXT;
        CHECK_LIT("empty", p, f, "", false);
        CHECK_LIT("NUL bytes", p, f, "Ahmed\0 met\0\0 Pedersen.\0", text);
        CHECK_LIT("invalid UTF-8", p, f, "Ahmed \xc3\x28 met \xed\xa0\x80 in \xf4\x90\x80\x80.",
                  false);
        CHECK_LIT("lone bytes", p, f, "\xff\xfe\xfd\x80\x80", false);
        CHECK_LIT("UTF-16LE", p, f,
                  "\xff\xfe"
                  "A\0h\0m\0e\0d\0",
                  false);
        CHECK_LIT("UTF-16BE", p, f, "\xfe\xff\0A\0h\0m\0e\0d", false);
        CHECK_LIT("Latin-1", p, f,
                  "Jos\xe9 G\xf3mez met the Pr\xe9"
                  "fet in Li\xe8ge.",
                  false);
        CHECK_LIT("UTF-8 BOM only", p, f, "\xef\xbb\xbf", false);
        CHECK_LIT("truncated sequence at end", p, f, "Damascus \xe2\x80", false);
        size_t n = 1 << 16;
        char *junk = malloc(n);
        unsigned x = 12345;
        for (size_t k = 0; k < n; k++)
            junk[k] = (char)((x = x * 1103515245u + 12345u) >> 16);
        check("binary junk", p, f, junk, n, false);
        free(junk);
        char *tok = repeat("x", 4 << 20, "", "");
        check("4 MB token", p, f, tok, strlen(tok), false);
        free(tok);
        char *line = repeat("Ahmed met Pedersen in Damascus. ", 1 << 17, "", "");
        check("4 MB single line", p, f, line, strlen(line), false);
        free(line);
        char *nl = repeat("\r\n", 1 << 20, "", "");
        check("1M CRLF", p, f, nl, strlen(nl), false);
        free(nl);
    }
    char *deep = repeat("<div>", 200000, "<html><body>", "Ahmed met Pedersen.");
    check("200k nested divs", "deep.html", RG_FORMAT_HTML, deep, strlen(deep), false);
    free(deep);
    deep = repeat("<table><tr><td>", 50000, "", "x");
    check("50k nested tables", "tables.html", RG_FORMAT_HTML, deep, strlen(deep), false);
    free(deep);
    deep = repeat("<b><i><u>", 100000, "<p>", "x");
    check("300k unclosed inline tags", "inline.html", RG_FORMAT_HTML, deep, strlen(deep), false);
    free(deep);
    deep = repeat("</div>", 100000, "<p>a</p>", "");
    check("100k stray end tags", "stray.html", RG_FORMAT_HTML, deep, strlen(deep), false);
    free(deep);
    char *ents = repeat("&amp;&#0;&#xD800;&#x110000;&bogus;&", 50000, "<p>", "</p>");
    check("bad character references", "ents.html", RG_FORMAT_HTML, ents, strlen(ents), false);
    free(ents);
    char *cmt = repeat("<!-- ", 100000, "<p>", "x");
    check("100k unclosed comments", "comments.html", RG_FORMAT_HTML, cmt, strlen(cmt), false);
    free(cmt);
    char *attr = repeat("a", 2 << 20, "<p title=\"", "\">x</p>");
    check("2 MB attribute", "attr.html", RG_FORMAT_HTML, attr, strlen(attr), false);
    free(attr);
    CHECK_LIT("charset lies", "charset.html", RG_FORMAT_HTML,
              "<meta charset=\"utf-16\"><p>Caf\xe9 \xff\xfe in Li\xe8ge</p>", false);
    CHECK_LIT("unknown charset", "charset2.html", RG_FORMAT_HTML,
              "<meta charset=\"x-no-such-charset-\xff\"><p>text</p>", false);
    CHECK_LIT("XML entities", "xxe.html", RG_FORMAT_HTML,
              "<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><p>&x;</p>", false);
    return rg_test_done();
}
