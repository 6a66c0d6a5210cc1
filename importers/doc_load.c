/* rg_doc_load: decode -> (HTML: main content) -> boilerplate removal ->
 * metadata. See rg_doc.h for the contract; the stages live in doc_text.c,
 * doc_html.c and doc_boiler.c, dates in date.c. */
#include <stdlib.h>
#include <string.h>

#include "rg_date.h"
#include "rg_doc.h"

#define TITLE_MAX 200

/* File name without directory and extension ("-" reads stdin: "stdin"). */
static char *doc_id(const char *path)
{
    if (!path || !*path || strcmp(path, "-") == 0) return rg_strdup("stdin");
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot > base ? (size_t)(dot - base) : strlen(base);
    return n ? rg_strndup(base, n) : rg_strdup("document");
}

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* s trimmed and cut to at most TITLE_MAX bytes, at a word boundary when
 * there is one in the second half, never inside a UTF-8 sequence. */
static char *title_clip(const char *s, size_t n)
{
    while (n && is_ws(*s))
        s++, n--;
    while (n && is_ws(s[n - 1]))
        n--;
    if (n > TITLE_MAX) {
        size_t cut = TITLE_MAX;
        while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
            cut--;
        size_t w = cut;
        while (w > TITLE_MAX / 2 && !is_ws(s[w]))
            w--;
        n = w > TITLE_MAX / 2 ? w : cut;
        while (n && is_ws(s[n - 1]))
            n--;
    }
    return n ? rg_strndup(s, n) : NULL;
}

static char *first_line_title(const char *text, size_t len)
{
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) : len;
        char *t = title_clip(text + i, end - i);
        if (t) return t;
        i = end + 1;
    }
    return NULL;
}

/* Decodes an HTML page (honouring its declared charset) and extracts its
 * main content; the text is decoded once more to apply the same clean-up
 * to what entities produced. */
static rg_status load_html(const char *path, const char *data, size_t len, size_t max_depth,
                           rg_doc_html *h, rg_error *err)
{
    char *charset = rg_doc_html_charset(data, len);
    size_t n;
    char *utf8 = rg_doc_decode(path, data, len, charset, &n, NULL, NULL);
    free(charset);
    rg_status rc = rg_doc_html_text(path, utf8, n, max_depth, h, err);
    free(utf8);
    if (rc) return rc;
    char *clean = rg_doc_decode(path, h->text, h->len, NULL, &n, NULL, NULL);
    free(h->text);
    h->text = clean, h->len = n;
    return RG_OK;
}

rg_status rg_doc_load(const char *path, rg_format format, const char *data, size_t len,
                      const rg_import_opts *opts, rg_loaded_doc *out, rg_error *err)
{
    /* size limits are applied when the file is read; --max-depth here */
    memset(out, 0, sizeof *out);
    rg_doc_html h = {0};
    if (format == RG_FORMAT_HTML) {
        rg_status rc = load_html(path, data, len, rg_import_max_depth(opts), &h, err);
        if (rc) return rc;
    } else {
        h.text = rg_doc_decode(path, data, len, NULL, &h.len, &out->segs, &out->nsegs);
    }
    /* the decoded text is ours: blank its boilerplate in place and keep it */
    rg_doc_strip_boilerplate(h.text, h.len);
    out->text = h.text, out->len = h.len;
    h.text = NULL;
    char sha[65];
    rg_sha256_hex(data, len, sha);
    out->doc.sha256 = rg_strdup(sha);
    out->doc.id = doc_id(path);
    out->doc.path = rg_strdup(path);
    out->doc.title =
        h.title ? title_clip(h.title, strlen(h.title)) : first_line_title(out->text, out->len);
    char iso[11];
    if (h.date)
        out->doc.date = rg_strdup(h.date);
    else if (rg_doc_find_date(out->text, out->len, iso))
        out->doc.date = rg_strdup(iso);
    rg_doc_html_free(&h);
    return RG_OK;
}

void rg_loaded_doc_free(rg_loaded_doc *d)
{
    if (!d) return;
    free(d->doc.id);
    free(d->doc.title);
    free(d->doc.date);
    free(d->doc.path);
    free(d->doc.sha256);
    free(d->text);
    free(d->segs);
    memset(d, 0, sizeof *d);
}

bool rg_doc_source_offset(const rg_loaded_doc *d, size_t off, size_t *src)
{
    if (!d->segs || d->nsegs == 0 || off > d->len) return false;
    /* the last segment starting at or before off (binary search) */
    size_t lo = 0, hi = d->nsegs;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->segs[mid].text <= off)
            lo = mid;
        else
            hi = mid;
    }
    *src = d->segs[lo].src + (off - d->segs[lo].text);
    return true;
}
