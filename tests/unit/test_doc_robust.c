/* Robustness of the document loader on damaged input: a fixed-seed stream of
 * mutations (byte flips, NULs, stray UTF-8 lead bytes, markup characters,
 * truncation) of a text page and an HTML page. Every load must succeed and
 * keep the loader's promises: valid UTF-8 without NUL or CR, the stated
 * length, a short title, and for text an offset map that is monotonic and
 * stays inside the input. Run under -fsanitize=address,undefined too. */
#include "rg_test.h"

#include <stdint.h>

#include "doc_capture.h"
#include "rg_doc.h"

static uint64_t rng = 0x9E3779B97F4A7C15u;

static uint32_t next_rand(void)
{
    rng = rng * 6364136223846793005u + 1442695040888963407u;
    return (uint32_t)(rng >> 33);
}

static bool valid_utf8(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned c = s[i], k, cp, min;
        if (c < 0x80)
            k = 1, cp = c, min = 0;
        else if (c >= 0xC2 && c <= 0xDF)
            k = 2, cp = c & 0x1F, min = 0x80;
        else if (c >= 0xE0 && c <= 0xEF)
            k = 3, cp = c & 0x0F, min = 0x800;
        else if (c >= 0xF0 && c <= 0xF4)
            k = 4, cp = c & 0x07, min = 0x10000;
        else
            return false;
        if (i + k > n) return false;
        for (unsigned j = 1; j < k; j++) {
            if ((s[i + j] & 0xC0) != 0x80) return false;
            cp = cp << 6 | (s[i + j] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += k;
    }
    return true;
}

static const char *text_page =
    "Home > News > Syria\r\n\r\nVerdict in Koblenz\r\nby jdoe\r\n"
    "1,204 views | Share | Print\r\n"
    "Koblenz, 13 January 2022 \xE2\x80\x93 The court convicted the former officer of crimes "
    "against humanity.\r\nWitnesses described the branch on Tuesday.\r\n"
    "Related articles\r\nAnother story\r\n";

static const char *html_page =
    "<html><head><title>Verdict | News</title><meta charset=utf-8></head><body><nav>Menu</nav>"
    "<article><h1>Verdict</h1><p>Koblenz, 13 January 2022 &ndash; The court convicted the "
    "officer.</p><div class=\"share\">Share</div><table><tr><td>a</td><td>b</td></tr></table>"
    "<p>Witnesses &amp; lawyers spoke.<br>More.</p></article><footer>F</footer></body></html>";

static char *mutate(const char *src, size_t *len)
{
    size_t n = strlen(src);
    char *s = malloc(n * 2 + 16);
    memcpy(s, src, n);
    static const char inserts[] = {0,    (char)0xFF, (char)0xC3, (char)0xE2, '<', '>',       '&',
                                   '\r', '\n',       (char)0x93, ';',        '#', (char)0xA0};
    int edits = 1 + (int)(next_rand() % 8);
    for (int e = 0; e < edits && n > 0; e++) {
        size_t at = next_rand() % n;
        switch (next_rand() % 4) {
        case 0:
            s[at] = (char)(next_rand() & 0xFF);
            break;
        case 1:
            memmove(s + at + 1, s + at, n - at);
            s[at] = inserts[next_rand() % sizeof inserts];
            n++;
            break;
        case 2:
            memmove(s + at, s + at + 1, n - at - 1), n--;
            break;
        default:
            if (next_rand() % 4 == 0) n = at; /* truncated */
        }
    }
    *len = n;
    return s;
}

static bool map_ok(const rg_loaded_doc *d, size_t input_len)
{
    for (size_t i = 0; i < d->nsegs; i++) {
        if (d->segs[i].src > input_len || d->segs[i].text > d->len) return false;
        if (i && (d->segs[i].text <= d->segs[i - 1].text || d->segs[i].src < d->segs[i - 1].src))
            return false;
    }
    return true;
}

static void check_one(const char *src, rg_format f, int round)
{
    size_t len;
    char *in = mutate(src, &len);
    rg_loaded_doc d;
    rg_error err;
    doc_capture c;
    doc_capture_begin(&c);
    rg_status rc = rg_doc_load("m.in", f, in, len, NULL, &d, &err);
    free(doc_capture_end(&c));
    bool ok = rc == RG_OK && d.text && strlen(d.text) == d.len &&
              valid_utf8((const unsigned char *)d.text, d.len) && !memchr(d.text, '\r', d.len) &&
              (!d.doc.title || strlen(d.doc.title) <= 200) && d.doc.sha256 &&
              strlen(d.doc.sha256) == 64 && map_ok(&d, len);
    if (!ok)
        fprintf(stderr, "round %d (%s): a promise broken\n", round,
                f == RG_FORMAT_HTML ? "html" : "text");
    RG_CHECK(ok);
    if (rc == RG_OK) rg_loaded_doc_free(&d);
    free(in);
}

int main(void)
{
    for (int round = 0; round < 400; round++) {
        check_one(text_page, RG_FORMAT_TEXT, round);
        check_one(html_page, RG_FORMAT_HTML, round);
    }
    return rg_test_done();
}
