/* Decoding of raw document bytes into clean UTF-8 (rg_doc_decode).
 *
 * Encoding choice, in order: a UTF-16 BOM (converted with iconv); a charset
 * the caller names (HTML <meta charset>; converted with iconv unless it is
 * UTF-8 or a Latin-1 family name); otherwise the bytes are checked as UTF-8
 * and, when they are not valid UTF-8, invalid sequences outnumber valid
 * multi-byte ones and no byte is undefined in Windows-1252 (0x81, 0x8D,
 * 0x8F, 0x90, 0x9D), read as Windows-1252 (a superset of Latin-1's
 * printable range; "smart quotes" 0x93/0x94 usually give such files away).
 * Otherwise invalid bytes become U+FFFD with one warning per file.
 *
 * Clean-up done while writing the output, keeping byte lengths wherever it
 * can so that clean UTF-8 comes out byte for byte (offsets then index the
 * input file too): the CR of a CRLF becomes a space and a lone CR a LF;
 * other C0 controls become spaces (form feed and vertical tab LFs);
 * no-break, zero-width and other Unicode spaces become as many ASCII spaces
 * as they had bytes. Dropped, with the offset map recording the shift: NUL
 * bytes (one warning), a leading BOM, inner BOMs and soft hyphens.
 */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rg_doc.h"

/* Windows-1252 bytes 0x80-0x9F; 0 = undefined (becomes U+FFFD). */
static const unsigned short cp1252_high[32] = {
    0x20ac, 0,      0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017d, 0,      0,      0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
    0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0,      0x017e, 0x0178};

/* Length of the valid UTF-8 sequence at p (1-4) with its code point, or 0
 * when the bytes there are not valid UTF-8 (overlong forms, surrogates and
 * values above U+10FFFF are invalid). */
static size_t utf8_next(const unsigned char *p, size_t n, unsigned *cp)
{
    unsigned c = p[0];
    if (c < 0x80) return *cp = c, 1;
    size_t len;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2, min = 0x80, c &= 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, min = 0x800, c &= 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, min = 0x10000, c &= 0x07;
    else
        return 0;
    if (n < len) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        c = c << 6 | (p[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    return *cp = c, len;
}

static void put_utf8(rg_buf *b, unsigned cp)
{
    char s[4];
    size_t n;
    if (cp < 0x80)
        s[0] = (char)cp, n = 1;
    else if (cp < 0x800)
        s[0] = (char)(0xC0 | cp >> 6), s[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
    else if (cp < 0x10000) {
        s[0] = (char)(0xE0 | cp >> 12), s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        s[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
    } else {
        s[0] = (char)(0xF0 | cp >> 18), s[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        s[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), s[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
    }
    rg_buf_append(b, s, n);
}

/* The output writer: applies the clean-up rules to one code point at a time
 * and counts what it repaired, for the warnings. */
typedef struct writer {
    rg_buf out;
    size_t nuls, first_nul;
    size_t base;          /* offset of the decoded bytes in the raw input */
    bool map;             /* keep the offset map (no iconv conversion) */
    rg_doc_segment *segs; /* text offset -> source offset, see rg_doc.h */
    size_t nsegs, cap_segs;
} writer;

static bool unicode_space(unsigned cp)
{
    return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000 || cp == 0x1680;
}

/* Starts a new map segment when the distance between text and source
 * offsets changes. */
static void map_at(writer *w, size_t src)
{
    if (!w->map) return;
    src += w->base;
    if (w->nsegs) {
        const rg_doc_segment *last = &w->segs[w->nsegs - 1];
        if (w->out.len - last->text == src - last->src) return;
    }
    *RG_PUSH(w->segs, w->nsegs, w->cap_segs) = (rg_doc_segment){w->out.len, src};
}

static void put_spaces(rg_buf *b, size_t n)
{
    rg_buf_append(b, "    ", n < 4 ? n : 4);
}

/* Writes one code point read at source offset `at`; `lf_next` says a line
 * feed follows (so a CR is half of a CRLF). The rules keep byte lengths
 * where they can, so clean UTF-8 input comes out byte for byte. The line
 * of the first NUL is counted afterwards, from its offset. */
static void emit(writer *w, unsigned cp, size_t at, bool lf_next)
{
    if (cp == 0) {
        if (w->nuls++ == 0) w->first_nul = at;
        return;
    }
    if (cp == 0xFEFF || cp == 0xAD) return; /* invisible: dropped */
    map_at(w, at);
    if (cp == '\r') cp = lf_next ? ' ' : '\n';
    if (cp == '\f' || cp == '\v') cp = '\n';
    if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F) cp = ' ';
    if (cp == 0x2028 || cp == 0x2029) {
        rg_buf_append(&w->out, "\n  ", 3);
    } else if (unicode_space(cp)) {
        put_spaces(&w->out, cp < 0x800 ? 2 : 3);
    } else {
        put_utf8(&w->out, cp);
    }
}

static size_t count_lines(const char *p, size_t upto)
{
    size_t line = 1;
    for (size_t i = 0; i < upto; i++)
        line += p[i] == '\n';
    return line;
}

/* Counts valid multi-byte sequences and invalid bytes, and whether any
 * byte is undefined in Windows-1252, to tell UTF-8 from Windows-1252. */
#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

static uint64_t load8(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static bool cp1252_undefined(unsigned char c)
{
    return c >= 0x80 && c < 0xA0 && !cp1252_high[c - 0x80];
}

/* Counts valid multi-byte sequences and invalid bytes, and whether any
 * byte is undefined in Windows-1252, to tell UTF-8 from Windows-1252.
 * One pass: ASCII is skipped eight bytes at a time, and the steps over
 * the other bytes visit each of them once for the Windows-1252 test. */
static void utf8_census(const unsigned char *p, size_t n, size_t *valid, size_t *invalid,
                        bool *cp1252_ok)
{
    *valid = *invalid = 0;
    *cp1252_ok = true;
    for (size_t i = 0; i < n;) {
        if (i + 8 <= n && !(load8(p + i) & HIGHS)) {
            i += 8;
            continue;
        }
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        unsigned cp;
        size_t k = utf8_next(p + i, n - i, &cp);
        if (k == 0)
            (*invalid)++, k = 1;
        else if (k > 1)
            (*valid)++;
        for (size_t q = 0; q < k; q++)
            if (cp1252_undefined(p[i + q])) *cp1252_ok = false;
        i += k;
    }
}

static void decode_cp1252(writer *w, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned cp = p[i];
        if (cp >= 0x80 && cp < 0xA0) cp = cp1252_high[cp - 0x80] ? cp1252_high[cp - 0x80] : 0xFFFD;
        emit(w, cp, i, i + 1 < n && p[i + 1] == '\n');
    }
}

/* Length of the prefix of p made of bytes emit() passes through unchanged
 * (printable ASCII, tab, line feed). */
static size_t plain_run(const unsigned char *p, size_t n)
{
    size_t k = 0;
    for (;;) {
        /* eight bytes at a time while none is below 0x20 or above 0x7E */
        while (k + 8 <= n) {
            uint64_t v = load8(p + k);
            uint64_t below = (v - ONES * 0x20) & ~v & HIGHS;
            uint64_t above = ((v + ONES * (127 - 0x7E)) | v) & HIGHS;
            if (below | above) break;
            k += 8;
        }
        size_t stop = k + 8 < n ? k + 8 : n;
        while (k < stop && ((p[k] >= 0x20 && p[k] < 0x7F) || p[k] == '\n' || p[k] == '\t'))
            k++;
        if (k < stop || k == n) return k;
    }
}

/* UTF-8 with invalid bytes replaced; returns the count, *first the offset
 * of the first one. */
static size_t decode_utf8(writer *w, const unsigned char *p, size_t n, size_t *first)
{
    size_t bad = 0;
    rg_grow(&w->out.data, &w->out.cap, w->out.len + n + 1, 1);
    w->out.data[w->out.len] = '\0';
    for (size_t i = 0; i < n;) {
        /* Fast path: a run of printable ASCII, tabs and line feeds needs no
         * clean-up and keeps the text/source distance, so it is copied in
         * one append after one map check. */
        size_t run = plain_run(p + i, n - i);
        if (run) {
            map_at(w, i);
            rg_buf_append(&w->out, (const char *)p + i, run);
            i += run;
            continue;
        }
        unsigned cp;
        size_t k = utf8_next(p + i, n - i, &cp);
        if (k == 0) {
            if (bad++ == 0) *first = i;
            cp = 0xFFFD, k = 1;
        }
        emit(w, cp, i, i + k < n && p[i + k] == '\n');
        i += k;
    }
    return bad;
}

/* Converts with iconv into UTF-8; false when the charset is unknown or the
 * input does not convert (the caller then falls back to auto-detection). */
static bool iconv_to_utf8(const char *charset, const char *in, size_t n, rg_buf *out)
{
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1) return false;
    rg_grow(&out->data, &out->cap, n * 3 + 16, 1);
    char *ip = (char *)in, *op = out->data;
    size_t il = n, ol = out->cap - 1;
    bool ok = true;
    while (il > 0 && ok) {
        if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1) break;
        if (errno == E2BIG) {
            size_t used = (size_t)(op - out->data);
            rg_grow(&out->data, &out->cap, out->cap * 2, 1);
            op = out->data + used, ol = out->cap - used - 1;
        } else
            ok = false;
    }
    iconv_close(cd);
    out->len = (size_t)(op - out->data);
    out->data[out->len] = '\0';
    return ok;
}

static bool is_utf8_name(const char *cs)
{
    return !strcasecmp(cs, "utf-8") || !strcasecmp(cs, "utf8") || !strcasecmp(cs, "us-ascii") ||
           !strcasecmp(cs, "ascii");
}

static bool is_latin_name(const char *cs)
{
    static const char *const names[] = {"windows-1252", "cp1252",    "iso-8859-1", "latin1",
                                        "latin-1",      "iso8859-1", "iso_8859-1"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (!strcasecmp(cs, names[i])) return true;
    return false;
}

/* The bytes to decode after a BOM or declared-charset conversion: either
 * the input itself or *conv (UTF-8 produced by iconv). Returns the mode:
 * 0 auto, 1 forced Windows-1252. */
static int pre_convert(const char *path, const char *data, size_t len, const char *charset,
                       rg_buf *conv, const char **p, size_t *n)
{
    const unsigned char *u = (const unsigned char *)data;
    *p = data, *n = len;
    const char *from = NULL;
    size_t skip = 0;
    if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
        from = "UTF-16LE", skip = 2;
    else if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF)
        from = "UTF-16BE", skip = 2;
    else if (charset && is_latin_name(charset))
        return 1;
    else if (charset && !is_utf8_name(charset))
        from = charset;
    if (!from) return 0;
    if (iconv_to_utf8(from, data + skip, len - skip, conv)) {
        *p = conv->data, *n = conv->len;
    } else {
        rg_warn("%s: could not convert from %s; reading the bytes as UTF-8", path, from);
        conv->len = 0;
    }
    return 0;
}

char *rg_doc_decode(const char *path, const char *data, size_t len, const char *charset,
                    size_t *out_len, rg_doc_segment **segs, size_t *nsegs)
{
    rg_buf conv = {0};
    const char *p;
    size_t n;
    int mode = pre_convert(path, data, len, charset, &conv, &p, &n);
    const unsigned char *u = (const unsigned char *)p;
    writer w = {.map = p == data && segs != NULL};
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) u += 3, n -= 3, w.base = 3;

    size_t valid, invalid;
    bool cp1252_ok;
    utf8_census(u, n, &valid, &invalid, &cp1252_ok);
    if (mode == 1 || (invalid > 0 && invalid > valid && cp1252_ok)) {
        if (mode != 1)
            rg_warn("%s: not valid UTF-8; decoded as Windows-1252 (%zu non-UTF-8 bytes)", path,
                    invalid);
        decode_cp1252(&w, u, n);
    } else {
        size_t first = 0, bad = decode_utf8(&w, u, n, &first);
        if (bad)
            rg_warn("%s:%zu: invalid UTF-8 at byte offset %zu; %zu bytes replaced by U+FFFD", path,
                    count_lines((const char *)u, first), first + w.base, bad);
    }
    if (w.nuls)
        rg_warn("%s:%zu: %zu NUL bytes dropped (first at byte offset %zu)", path,
                count_lines((const char *)u, w.first_nul), w.nuls, w.first_nul + w.base);
    rg_buf_free(&conv);
    if (segs) *segs = w.segs, *nsegs = w.nsegs;
    *out_len = w.out.len;
    return rg_buf_detach(&w.out);
}
