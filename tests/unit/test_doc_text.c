/* Plain-text document loading: SHA-256, decoding (UTF-8, Windows-1252,
 * UTF-16, declared charsets), repairs and their warnings, metadata. */
#include "rg_test.h"

#include "doc_capture.h"
#include "rg_doc.h"

static void test_sha256(void)
{
    /* FIPS 180-4 / NIST examples, and the padding boundaries (55/56/63/64
     * and 119/120 bytes, where the length spills into a second block). */
    static const struct {
        char c;
        size_t n;
        const char *hex;
    } rep[] = {
        {'a', 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
        {'x', 55, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"},
        {'x', 56, "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"},
        {'x', 63, "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2"},
        {'x', 64, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"},
        {'x', 119, "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c"},
        {'x', 120, "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98"},
    };
    char hex[65];
    rg_sha256_hex("", 0, hex);
    RG_CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    rg_sha256_hex("abc", 3, hex);
    RG_CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    rg_sha256_hex(two, strlen(two), hex);
    RG_CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    for (size_t i = 0; i < sizeof rep / sizeof *rep; i++) {
        char *buf = malloc(rep[i].n);
        memset(buf, rep[i].c, rep[i].n);
        rg_sha256_hex(buf, rep[i].n, hex);
        RG_CHECK_STR(hex, rep[i].hex);
        free(buf);
    }
}

/* Loads bytes as a .txt document, capturing the warnings. */
static rg_status load(const char *path, const char *data, size_t len, rg_loaded_doc *d,
                      char **warnings)
{
    doc_capture c;
    rg_error err;
    doc_capture_begin(&c);
    rg_status rc = rg_doc_load(path, RG_FORMAT_TEXT, data, len, NULL, d, &err);
    char *w = doc_capture_end(&c);
    if (warnings)
        *warnings = w;
    else
        free(w);
    return rc;
}

static void test_cp1252(void)
{
    const char raw[] = "He said \x93hello\x94 to Ren\xe9 \x96 caf\xe9 \x80"
                       "5\r\nline two\r\n";
    rg_loaded_doc d;
    char *w;
    RG_CHECK(load("in/cp.txt", raw, sizeof raw - 1, &d, &w) == RG_OK);
    /* the CR of each CRLF becomes a space: lengths kept where they can be */
    RG_CHECK_STR(d.text, "He said \xE2\x80\x9Chello\xE2\x80\x9D to Ren\xC3\xA9 \xE2\x80\x93 "
                         "caf\xC3\xA9 \xE2\x82\xAC"
                         "5 \nline two \n");
    /* the offset map leads back to the input bytes */
    size_t src;
    const char *lt = strstr(d.text, "line two");
    RG_CHECK(lt && rg_doc_source_offset(&d, (size_t)(lt - d.text), &src) &&
             strncmp(raw + src, "line two", 8) == 0);
    const char *cafe = strstr(d.text, "caf");
    RG_CHECK(cafe && rg_doc_source_offset(&d, (size_t)(cafe - d.text), &src) &&
             strncmp(raw + src, "caf\xe9", 4) == 0);
    RG_CHECK(rg_doc_source_offset(&d, d.len, &src) && src == sizeof raw - 1);
    RG_CHECK(d.len == strlen(d.text));
    RG_CHECK(doc_count(w, "warning") == 1 && strstr(w, "in/cp.txt") && strstr(w, "Windows-1252"));
    free(w);
    rg_loaded_doc_free(&d);

    /* a byte Windows-1252 leaves undefined (0x81) rules it out: the bytes
     * are invalid UTF-8 then; a declared Windows-1252 maps it to U+FFFD */
    size_t n;
    char *s = rg_doc_decode("u.txt", "\x93x\x81y\x94", 5, NULL, &n, NULL, NULL);
    RG_CHECK_STR(s, "\xEF\xBF\xBDx\xEF\xBF\xBDy\xEF\xBF\xBD");
    free(s);
    s = rg_doc_decode("u.html", "\x93x\x81y\x94", 5, "windows-1252", &n, NULL, NULL);
    RG_CHECK_STR(s, "\xE2\x80\x9Cx\xEF\xBF\xBDy\xE2\x80\x9D");
    free(s);
}

static void test_invalid_utf8(void)
{
    /* Mostly valid UTF-8 (four accented letters) with two bad bytes on
     * line 2: stays UTF-8, the bad bytes become U+FFFD, one warning. */
    const char raw[] =
        "caf\xc3\xa9 na\xc3\xafve\nbad \xff here and \xc3 there r\xc3\xa9sum\xc3\xa9";
    rg_loaded_doc d;
    char *w;
    RG_CHECK(load("x/bad.txt", raw, sizeof raw - 1, &d, &w) == RG_OK);
    RG_CHECK_STR(d.text, "caf\xc3\xa9 na\xc3\xafve\nbad \xEF\xBF\xBD here and \xEF\xBF\xBD there "
                         "r\xc3\xa9sum\xc3\xa9");
    RG_CHECK(doc_count(w, "warning") == 1);
    RG_CHECK(strstr(w, "x/bad.txt:2:") != NULL);
    RG_CHECK(strstr(w, "offset 17") != NULL); /* the 0xff */
    RG_CHECK(strstr(w, "2 bytes") != NULL);
    free(w);
    rg_loaded_doc_free(&d);

    /* overlong encodings and surrogates are invalid too */
    size_t n;
    char *s = rg_doc_decode(
        "o.txt", "\xc0\xaf \xed\xa0\x80 \xe2\x82\xac \xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 21,
        NULL, &n, NULL, NULL);
    RG_CHECK(strstr(s, "\xE2\x82\xAC") != NULL && strstr(s, "\xc0\xaf") == NULL &&
             strstr(s, "\xed\xa0\x80") == NULL);
    free(s);
}

static void test_nul_and_controls(void)
{
    const char raw[] = "ab\0cd\0\0e\x1b"
                       "f\fg\xc2\xa0h\xe2\x80\x8bi\xc2\xadj";
    rg_loaded_doc d;
    char *w;
    RG_CHECK(load("nul.txt", raw, sizeof raw - 1, &d, &w) == RG_OK);
    /* NULs and the soft hyphen dropped; no-break (2 bytes) and zero-width
     * (3 bytes) spaces become as many ASCII spaces */
    RG_CHECK_STR(d.text, "abcde f\ng  h   ij");
    size_t src;
    RG_CHECK(rg_doc_source_offset(&d, 2, &src) && src == 3);   /* c */
    RG_CHECK(rg_doc_source_offset(&d, 4, &src) && src == 7);   /* e */
    RG_CHECK(rg_doc_source_offset(&d, 16, &src) && src == 21); /* j, after the soft hyphen */
    RG_CHECK(doc_count(w, "warning") == 1 && strstr(w, "nul.txt:1:") && strstr(w, "3 NUL") &&
             strstr(w, "offset 2"));
    free(w);
    rg_loaded_doc_free(&d);
}

static void test_empty_bom_crlf(void)
{
    rg_loaded_doc d;
    char *w;
    RG_CHECK(load("empty.txt", "", 0, &d, &w) == RG_OK);
    RG_CHECK(d.text && d.len == 0 && d.text[0] == '\0');
    RG_CHECK(d.doc.title == NULL && d.doc.date == NULL);
    RG_CHECK_STR(d.doc.id, "empty");
    RG_CHECK_STR(d.doc.sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    RG_CHECK(w[0] == '\0');
    free(w);
    rg_loaded_doc_free(&d);

    RG_CHECK(load("dir/sub/report.final.txt", "\xEF\xBB\xBFTitle line\r\nBody\rmore\r\n", 26, &d,
                  &w) == RG_OK);
    RG_CHECK_STR(d.text, "Title line \nBody\nmore \n");
    size_t src;
    RG_CHECK(rg_doc_source_offset(&d, 0, &src) && src == 3); /* after the BOM */
    RG_CHECK_STR(d.doc.title, "Title line");
    RG_CHECK_STR(d.doc.id, "report.final");
    RG_CHECK_STR(d.doc.path, "dir/sub/report.final.txt");
    RG_CHECK(w[0] == '\0');
    free(w);
    rg_loaded_doc_free(&d);

    /* UTF-16 with a byte-order mark, both byte orders */
    RG_CHECK(load("u16.txt", "\xFF\xFEH\0i\0\xE9\0", 8, &d, NULL) == RG_OK);
    RG_CHECK_STR(d.text, "Hi\xC3\xA9");
    RG_CHECK(!rg_doc_source_offset(&d, 0, &(size_t){0})); /* converted: no byte map */
    rg_loaded_doc_free(&d);
    RG_CHECK(load("u16be.txt", "\xFE\xFF\0H\0i", 6, &d, NULL) == RG_OK);
    RG_CHECK_STR(d.text, "Hi");
    rg_loaded_doc_free(&d);
    RG_CHECK(load("-", "x", 1, &d, NULL) == RG_OK);
    RG_CHECK_STR(d.doc.id, "stdin");
    rg_loaded_doc_free(&d);
}

static void test_declared_charset(void)
{
    size_t n;
    /* declared Latin-1: read byte by byte even though it is valid UTF-8 */
    char *s = rg_doc_decode("l.html", "caf\xc3\xa9", 5, "ISO-8859-1", &n, NULL, NULL);
    RG_CHECK_STR(s, "caf\xc3\x83\xc2\xa9");
    free(s);
    /* another charset goes through iconv: Arabic alef in Windows-1256 */
    s = rg_doc_decode("a.html", "\xc7 x", 3, "windows-1256", &n, NULL, NULL);
    RG_CHECK_STR(s, "\xd8\xa7 x");
    free(s);
    /* an unknown charset falls back to detection, with a warning */
    doc_capture c;
    doc_capture_begin(&c);
    s = rg_doc_decode("z.html", "ok", 2, "no-such-charset", &n, NULL, NULL);
    char *w = doc_capture_end(&c);
    RG_CHECK_STR(s, "ok");
    RG_CHECK(strstr(w, "z.html") && strstr(w, "no-such-charset"));
    free(w);
    free(s);
}

static void test_big_single_line(void)
{
    /* 5 MB of UTF-8 on one line ("café " repeated), one corrupt byte in the
     * middle: stays UTF-8, the byte becomes U+FFFD, one warning. */
    size_t n = 6u * 900000;
    char *raw = malloc(n);
    for (size_t i = 0; i < n; i++)
        raw[i] = "caf\xc3\xa9 "[i % 6];
    size_t bad = n / 2 + 1; /* an 'a' */
    raw[bad] = (char)0xff;
    rg_loaded_doc d;
    char *w;
    RG_CHECK(load("big.txt", raw, n, &d, &w) == RG_OK);
    /* the trailing space is trimmed; the bad byte is 3 bytes now */
    RG_CHECK(d.len == n + 2);
    RG_CHECK(memcmp(d.text, raw, bad) == 0);
    RG_CHECK(memcmp(d.text + bad, "\xEF\xBF\xBD", 3) == 0);
    RG_CHECK(memcmp(d.text + bad + 3, raw + bad + 1, n - bad - 2) == 0);
    RG_CHECK(doc_count(w, "warning") == 1 && strstr(w, "big.txt:1:") &&
             strstr(w, "offset 2700001"));
    RG_CHECK(d.doc.title && strlen(d.doc.title) <= 200 && strlen(d.doc.title) > 150 &&
             strncmp(d.doc.title, raw, strlen(d.doc.title)) == 0);
    free(w);
    free(raw);
    rg_loaded_doc_free(&d);

    /* ASCII with a byte that Windows-1252 does not define: not cp1252 */
    char *s = rg_doc_decode("c1.txt", "a\x81 b", 4, NULL, &n, NULL, NULL);
    RG_CHECK_STR(s, "a\xEF\xBF\xBD b");
    free(s);
}

static void test_title_and_date(void)
{
    const char *t = "\n\n   Ministry report on detentions   \n"
                    "Geneva, 9 Mar. 2021 - The commission said on 4 March 2021 that...\n";
    rg_loaded_doc d;
    RG_CHECK(load("t.txt", t, strlen(t), &d, NULL) == RG_OK);
    RG_CHECK_STR(d.doc.title, "Ministry report on detentions");
    RG_CHECK_STR(d.doc.date, "2021-03-09");
    rg_loaded_doc_free(&d);

    /* a date inside a sentence is an event, not the document's date */
    t = "The court met on 4 March 2021 to hear the case.\nIt adjourned.\n";
    RG_CHECK(load("t2.txt", t, strlen(t), &d, NULL) == RG_OK);
    RG_CHECK(d.doc.date == NULL);
    rg_loaded_doc_free(&d);

    char iso[11];
    const char *lines[][2] = {
        {"DAMASCUS, April 16, 2025 – text", "2025-04-16"},
        {"Published: 2021-03-09", "2021-03-09"},
        {"Posted on March 9, 2021 by admin", ""}, /* the line goes on: not a dateline */
        {"Posted on March 9, 2021", "2021-03-09"},
        {"Wednesday, 16 April 2025", "2025-04-16"},
        {"Beirut (AFP), 9 March 2021 (AFP) - x", "2021-03-09"},
        {"on 9 March 2021", ""},
        {"March 2021", ""},
        {"9 March", ""},
    };
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
        bool found = rg_doc_find_date(lines[i][0], strlen(lines[i][0]), iso);
        RG_CHECK(found == (lines[i][1][0] != '\0'));
        RG_CHECK_STR(iso, lines[i][1]);
    }
    /* a long first line: the title is cut at a word boundary */
    char longline[600];
    for (size_t i = 0; i < sizeof longline - 1; i++)
        longline[i] = "abcdefghi "[i % 10];
    longline[sizeof longline - 1] = '\0';
    RG_CHECK(load("long.txt", longline, strlen(longline), &d, NULL) == RG_OK);
    size_t tl = strlen(d.doc.title);
    RG_CHECK(tl <= 200 && tl >= 100 && longline[tl] == ' ' &&
             strncmp(d.doc.title, longline, tl) == 0);
    rg_loaded_doc_free(&d);
}

int main(void)
{
    test_sha256();
    test_cp1252();
    test_invalid_utf8();
    test_nul_and_controls();
    test_empty_bom_crlf();
    test_declared_charset();
    test_big_single_line();
    test_title_and_date();
    return rg_test_done();
}
