#include "rg_token.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "rg_util.h"

size_t rg_utf8_next(const char *s, size_t n, int32_t *cp)
{
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    utf8proc_int32_t v;
    utf8proc_ssize_t k =
        utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)(n < 4 ? n : 4), &v);
    if (k <= 0) {
        *cp = -1;
        return 1;
    }
    *cp = v;
    return (size_t)k;
}

bool rg_cp_is_letter(int32_t cp)
{
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp < 0) return false;
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
}

bool rg_cp_is_upper(int32_t cp)
{
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    if (cp < 0) return false;
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static bool cp_is_digit(int32_t cp)
{
    if (cp < 0x80) return cp >= '0' && cp <= '9';
    return cp > 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

static bool cp_is_space(int32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
               cp == 0;
    if (cp < 0) return false;
    if (cp == 0xFEFF || cp == 0x200B || cp == 0x200E || cp == 0x200F) return true;
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

static bool cp_is_wordch(int32_t cp)
{
    return rg_cp_is_letter(cp) || cp_is_digit(cp);
}

static bool is_hyphen(int32_t cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

static bool is_apos(int32_t cp)
{
    return cp == '\'' || cp == 0x2019;
}

void rg_tokenizer_init(rg_tokenizer *tz, const char *s, size_t len)
{
    tz->s = s;
    tz->len = len;
    tz->pos = 0;
}

/* Code point at p without advancing (-2 past the end). */
static int32_t peek(const rg_tokenizer *tz, size_t p, size_t *k)
{
    if (p >= tz->len) {
        *k = 0;
        return -2;
    }
    int32_t cp;
    *k = rg_utf8_next(tz->s + p, tz->len - p, &cp);
    return cp;
}

/* Skips white space, counting line breaks into t. ASCII white space, by
 * far the most common, is tested without decoding. */
static void skip_space(rg_tokenizer *tz, rg_token *t)
{
    unsigned nl = 0;
    bool sp = false;
    const char *s = tz->s;
    size_t p = tz->pos, len = tz->len;
    while (p < len) {
        unsigned char c = (unsigned char)s[p];
        if (c < 0x80) {
            if (c == '\n')
                nl++;
            else if (!cp_is_space(c))
                break;
            sp = true;
            p++;
            continue;
        }
        int32_t cp;
        size_t k = rg_utf8_next(s + p, len - p, &cp);
        if (!cp_is_space(cp)) break;
        sp = true;
        p += k;
    }
    tz->pos = p;
    t->nl = (uint8_t)(nl > 255 ? 255 : nl);
    t->space = sp;
}

/* "U.S.", "e.V.": single letters each followed by a period, at least two. */
static size_t dotted_len(const rg_tokenizer *tz, size_t p)
{
    size_t q = p, n = 0, k, k2;
    for (;;) {
        int32_t a = peek(tz, q, &k);
        if (a < 0 || !rg_cp_is_letter(a)) break;
        if (peek(tz, q + k, &k2) != '.') break;
        q += k + 1;
        n++;
    }
    return n >= 2 ? q - p : 0;
}

static uint8_t word_shape(const char *s, size_t n)
{
    unsigned up = 0, low = 0, dig = 0, letters = 0;
    bool first_up = false, first = true, name = false;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'a' && c <= 'z' && !first) { /* the common case */
            letters++;
            low++;
            i++;
            continue;
        }
        int32_t cp;
        size_t k = rg_utf8_next(s + i, n - i, &cp);
        if (rg_cp_is_letter(cp)) {
            bool u = rg_cp_is_upper(cp);
            if (first) first_up = u;
            first = false;
            letters++;
            if (u)
                up++;
            else if (utf8proc_category(cp) == UTF8PROC_CATEGORY_LL)
                low++;
        } else if (cp_is_digit(cp)) {
            dig++;
            first = false;
        } else if (is_hyphen(cp) && !first_up && up == 0 && i + k < n) {
            int32_t nx;
            rg_utf8_next(s + i + k, n - i - k, &nx);
            if (rg_cp_is_upper(nx) && letters <= 3) name = true;
        }
        i += k;
    }
    uint8_t sh = 0;
    if (dig) sh |= RG_SHAPE_DIGIT;
    if (name) sh |= RG_SHAPE_NAME;
    if (letters == 0) return sh;
    if (up >= 2 && low == 0)
        sh |= RG_SHAPE_ALLCAPS;
    else if (up == 1 && low == 0 && letters == 1)
        sh |= RG_SHAPE_UPINIT;
    else if (first_up)
        sh |= RG_SHAPE_UPINIT;
    else if (up == 0)
        sh |= RG_SHAPE_LOWER;
    else
        sh |= RG_SHAPE_MIXED;
    return sh;
}

/* Should a hyphen split "ISIL-held" or "counter-ISIL" (an acronym glued to
 * an ordinary word), while "al-Assad" and "Secretary-General" stay whole? */
static bool split_hyphen(unsigned up, unsigned low, int32_t next)
{
    if (up >= 2 && low == 0) return !rg_cp_is_upper(next);
    return up == 0 && low >= 4 && rg_cp_is_upper(next);
}

/* Scans a word from tz->pos; returns its end. */
static size_t scan_word(const rg_tokenizer *tz, size_t p)
{
    size_t start = p, k, k2;
    unsigned up = 0, low = 0; /* letters of the current hyphen-separated part */
    for (;;) {
        if (p - start >= RG_TOKEN_MAX) break;
        /* ASCII letters and digits, the common case, without decoding */
        unsigned char c = p < tz->len ? (unsigned char)tz->s[p] : 0;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            up += c >= 'A' && c <= 'Z';
            low += c >= 'a' && c <= 'z';
            p++;
            continue;
        }
        int32_t cp = peek(tz, p, &k);
        if (cp >= 0 && cp_is_wordch(cp)) {
            if (rg_cp_is_upper(cp))
                up++;
            else if (rg_cp_is_letter(cp))
                low++;
            p += k;
            continue;
        }
        if (cp >= 0 && (is_hyphen(cp) || is_apos(cp)) && p > start) {
            int32_t nx = peek(tz, p + k, &k2);
            if (nx < 0 || !cp_is_wordch(nx)) break;
            if (is_apos(cp) && (nx == 's' || nx == 'S')) {
                size_t k3;
                int32_t after = peek(tz, p + k + k2, &k3);
                if (after < 0 || !cp_is_wordch(after)) break; /* possessive */
            }
            if (is_hyphen(cp) && split_hyphen(up, low, nx)) break;
            up = low = 0;
            p += k;
            continue;
        }
        break;
    }
    return p;
}

static size_t scan_number(const rg_tokenizer *tz, size_t p)
{
    size_t start = p, k, k2;
    for (;;) {
        if (p - start >= RG_TOKEN_MAX) break;
        int32_t cp = peek(tz, p, &k);
        if (cp >= 0 && cp_is_digit(cp)) {
            p += k;
            continue;
        }
        if ((cp == ',' || cp == '.') && cp_is_digit(peek(tz, p + 1, &k2))) {
            p += 1;
            continue;
        }
        break;
    }
    return p;
}

static bool ascii_alpha(unsigned char c)
{
    return (unsigned char)((c | 32) - 'a') < 26;
}

static bool ascii_digit(unsigned char c)
{
    return (unsigned char)(c - '0') < 10;
}

/* Per ASCII byte, what it adds to a word's packed letter counts: lower
 * case in bits 0-9, upper case in 10-19, digits in 20-29 (a word of the
 * fast path is shorter than 1024 bytes); 0 ends the word. Bytes from 0x80
 * are 0 too (the table stops at 0x7F: zero-initialised). */
#define L 1u
#define U (1u << 10)
#define D (1u << 20)
static const uint32_t word_inc[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, D, D, D, D, D, D, D, D, D, D, 0, 0, 0, 0, 0, 0,
    0, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, 0, 0, 0, 0, 0,
    0, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, 0, 0, 0, 0, 0,
};
#undef L
#undef U
#undef D

/* Shape of an ASCII word of letters and digits that starts with a letter,
 * from its letter counts: what word_shape computes for such a word. */
static uint8_t ascii_shape(bool first_up, unsigned up, unsigned low, unsigned dig)
{
    uint8_t sh = dig ? RG_SHAPE_DIGIT : 0;
    if (up >= 2 && low == 0) return sh | RG_SHAPE_ALLCAPS;
    if (first_up) return sh | RG_SHAPE_UPINIT; /* includes a lone capital */
    return sh | (up == 0 ? RG_SHAPE_LOWER : RG_SHAPE_MIXED);
}

/* The common tokens without decoding: an ASCII punctuation mark, an ASCII
 * word of letters and digits or an ASCII number, each ended by an ASCII
 * byte that cannot extend it (no hyphen or apostrophe after a word, no
 * letter after a number, no period after a one-letter word, which may be
 * "U.S."). Anything else, and tokens near RG_TOKEN_MAX, take the general
 * path. Returns false when it did not handle the token. */
static bool ascii_token(rg_tokenizer *tz, rg_token *t)
{
    const char *s = tz->s;
    size_t p = tz->pos, len = tz->len, q = p;
    unsigned char c = (unsigned char)s[p];
    if (c >= 0x80) return false;
    size_t lim = len - p > RG_TOKEN_MAX - 1 ? p + RG_TOKEN_MAX - 1 : len;
    if (ascii_alpha(c)) {
        uint32_t counts = 0;
        for (; q < lim; q++) {
            uint32_t inc = word_inc[(unsigned char)s[q]];
            if (!inc) break;
            counts += inc;
        }
        unsigned low = counts & 1023, up = (counts >> 10) & 1023, dig = counts >> 20;
        if (q < len) {
            unsigned char d = (unsigned char)s[q];
            if (q == lim || d >= 0x80 || d == '-' || d == '\'' || (d == '.' && q - p == 1))
                return false;
        }
        t->kind = RG_TOK_WORD;
        t->shape = ascii_shape(c <= 'Z', up, low, dig);
    } else if (ascii_digit(c)) {
        for (; q < lim; q++) {
            unsigned char d = (unsigned char)s[q];
            if (ascii_digit(d)) continue;
            if ((d == ',' || d == '.') && q + 1 < len) {
                unsigned char e = (unsigned char)s[q + 1];
                if (e >= 0x80) return false; /* maybe a digit of another script */
                if (ascii_digit(e)) continue;
            }
            break;
        }
        if (q < len) {
            unsigned char d = (unsigned char)s[q];
            if (q == lim || d >= 0x80 || ascii_alpha(d)) return false;
        }
        t->kind = RG_TOK_NUM;
        t->shape = RG_SHAPE_DIGIT;
    } else {
        q = p + 1;
        t->kind = RG_TOK_PUNCT;
        t->shape = 0;
    }
    t->cp = c;
    t->begin = (uint32_t)p;
    t->end = (uint32_t)q;
    tz->pos = q;
    return true;
}

bool rg_tokenizer_next(rg_tokenizer *tz, rg_token *t)
{
    skip_space(tz, t);
    if (tz->pos >= tz->len) return false;
    if (ascii_token(tz, t)) return true;
    size_t k;
    int32_t cp = peek(tz, tz->pos, &k);
    size_t p = tz->pos, end;
    t->cp = cp < 0 ? 0xFFFD : (uint32_t)cp;
    t->shape = 0;
    if (cp >= 0 && cp_is_digit(cp)) {
        end = scan_number(tz, p);
        size_t k2;
        int32_t nx = peek(tz, end, &k2);
        if (nx >= 0 && rg_cp_is_letter(nx)) end = scan_word(tz, p); /* "1st", "3rd" */
        t->kind = RG_TOK_NUM;
    } else if (cp >= 0 && rg_cp_is_letter(cp)) {
        size_t d = dotted_len(tz, p);
        end = d ? p + d : scan_word(tz, p);
        if (d) { /* "U.S.-led" */
            size_t k2, k3;
            int32_t h = peek(tz, end, &k2);
            if (is_hyphen(h) && rg_cp_is_letter(peek(tz, end + k2, &k3)))
                end = scan_word(tz, end + k2);
        }
        t->kind = RG_TOK_WORD;
    } else {
        end = p + k;
        t->kind = RG_TOK_PUNCT;
    }
    if (end <= p) end = p + (k ? k : 1);
    t->begin = (uint32_t)p;
    t->end = (uint32_t)end;
    if (t->kind != RG_TOK_PUNCT) t->shape = word_shape(tz->s + p, end - p);
    tz->pos = end;
    return true;
}

size_t rg_tokenize(const char *s, size_t len, rg_token **out)
{
    rg_tokenizer tz;
    rg_tokenizer_init(&tz, s, len);
    rg_token *arr = NULL, t;
    size_t n = 0, cap = 0;
    while (rg_tokenizer_next(&tz, &t))
        *RG_PUSH(arr, n, cap) = t;
    *out = arr;
    return n;
}

static size_t put_utf8(char *buf, size_t o, size_t cap, int32_t cp)
{
    utf8proc_uint8_t tmp[4];
    utf8proc_ssize_t k = utf8proc_encode_char(cp, tmp);
    if (k <= 0 || o + (size_t)k >= cap) return o;
    memcpy(buf + o, tmp, (size_t)k);
    return o + (size_t)k;
}

size_t rg_token_fold(const char *s, size_t n, char *buf, size_t cap)
{
    size_t o = 0;
    if (cap == 0) return 0;
    for (size_t i = 0; i < n && o + 1 < cap;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            buf[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        int32_t cp;
        i += rg_utf8_next(s + i, n - i, &cp);
        if (cp < 0) continue;
        if (cp == 0x2019 || cp == 0x2018) {
            buf[o++] = '\'';
            continue;
        }
        if (cp >= 0x2010 && cp <= 0x2015) {
            buf[o++] = '-';
            continue;
        }
        utf8proc_int32_t dst[8];
        int last = 0;
        utf8proc_ssize_t m = utf8proc_decompose_char(
            cp, dst, 8, UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK, &last);
        if (m < 0 || m > 8) continue;
        for (utf8proc_ssize_t j = 0; j < m; j++)
            o = put_utf8(buf, o, cap, dst[j]);
    }
    buf[o] = 0;
    return o;
}
