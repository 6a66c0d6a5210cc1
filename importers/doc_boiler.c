/* Boilerplate removal (rg_doc_strip_boilerplate): line rules from
 * data/doc/boilerplate.txt (pattern syntax documented there) and the
 * structural breadcrumb rule. Works on lines: a boilerplate line never
 * holds content worth keeping, and a whole-line decision is easy to audit.
 * Dropped lines are blanked with spaces in place, so offsets are unchanged.
 * Only short lines (at most MAX_RULE_LINE bytes) are ever tested against
 * patterns, which bounds the matcher's backtracking.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem */
#endif
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rg_data.h"
#include "rg_doc.h"

#define MAX_RULE_LINE 400 /* longer lines are content */
#define MAX_FRAG_LINE 250 /* widget bars are short */

typedef enum { BP_LINE, BP_PREFIX, BP_CONTAINS, BP_FRAG, BP_CUT, BP_SPAN } bp_kind;

typedef struct bp_rule {
    bp_kind kind;
    const char *pat; /* into the static data file */
    size_t len;
} bp_rule;

static bp_rule *bp_rules;
static size_t bp_nrules, bp_cap;
static pthread_once_t bp_once = PTHREAD_ONCE_INIT;

static void bp_add(const char *line, size_t n)
{
    static const struct {
        const char *name;
        bp_kind kind;
    } kinds[] = {{"line:", BP_LINE}, {"prefix:", BP_PREFIX}, {"contains:", BP_CONTAINS},
                 {"frag:", BP_FRAG}, {"cut:", BP_CUT},       {"span:", BP_SPAN}};
    while (n && (line[n - 1] == ' ' || line[n - 1] == '\r'))
        n--;
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
        size_t k = strlen(kinds[i].name);
        if (n > k && strncmp(line, kinds[i].name, k) == 0) {
            bp_rule *r = RG_PUSH(bp_rules, bp_nrules, bp_cap);
            *r = (bp_rule){kinds[i].kind, line + k, n - k};
            return;
        }
    }
}

static void bp_load(void)
{
    size_t len = 0;
    const char *data = rg_data_get("doc/boilerplate.txt", &len);
    for (size_t i = 0; data && i < len;) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - data) : len;
        if (end > i && data[i] != '#') bp_add(data + i, end - i);
        i = end + 1;
    }
}

/* ---- the pattern matcher ---- */

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool is_alnum(char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c;
}

typedef enum { PM_FULL, PM_PREFIX, PM_ENDS } pm_mode;

typedef struct pm_ctx {
    pm_mode mode;
    const char *base;
    bool *ends; /* PM_ENDS: ends[i] set for every match ending at base + i */
} pm_ctx;

/* Matches pattern [p, pe) against text at s (text ends at se). */
static bool pm(pm_ctx *c, const char *p, const char *pe, const char *s, const char *se)
{
    while (p < pe) {
        if (*p == '*') {
            for (size_t k = (size_t)(se - s) + 1; k-- > 0;)
                if (pm(c, p + 1, pe, s + k, se)) return true;
            return false;
        }
        if (*p == ' ') {
            if (s == se || !is_space(*s)) return false;
            while (s < se && is_space(*s))
                s++;
            p++;
            continue;
        }
        if (*p == '%' && p + 1 < pe && (p[1] == 'd' || p[1] == 'w')) {
            const char *t = s;
            if (p[1] == 'd') {
                while (t < se &&
                       (((*t >= '0' && *t <= '9')) || (t > s && (*t == ',' || *t == '.') &&
                                                       t + 1 < se && t[1] >= '0' && t[1] <= '9')))
                    t++;
            } else {
                while (t < se && !is_space(*t) && *t != ',' && *t != ';' && *t != ':')
                    t++;
            }
            if (t == s) return false;
            s = t, p += 2;
            continue;
        }
        if (*p == '%' && p + 1 < pe) p++; /* %% and %* are literal */
        if (s == se || lower(*s) != lower(*p)) return false;
        s++, p++;
    }
    if (c->mode == PM_FULL) return s == se;
    if (c->mode == PM_PREFIX) return s == se || !is_alnum(*s) || !is_alnum(pe[-1]);
    c->ends[s - c->base] = true;
    return false;
}

static bool match_full(const bp_rule *r, const char *s, size_t n)
{
    pm_ctx c = {PM_FULL, s, NULL};
    return pm(&c, r->pat, r->pat + r->len, s, s + n);
}

static bool match_prefix_at(const bp_rule *r, const char *s, size_t n)
{
    pm_ctx c = {PM_PREFIX, s, NULL};
    return pm(&c, r->pat, r->pat + r->len, s, s + n);
}

/* s is the lower-cased line (see rule_line): candidate starts are found
 * with memchr on the pattern's first character when it is a literal. */
static bool match_contains(const bp_rule *r, const char *s, size_t n)
{
    char first = lower(r->pat[0]);
    bool literal = first != '*' && first != '%' && first != ' ';
    for (size_t i = 0; i < n; i++) {
        if (literal) {
            const char *p = memchr(s + i, first, n - i);
            if (!p) return false;
            i = (size_t)(p - s);
        }
        if ((i == 0 || !is_alnum(s[i - 1])) && match_prefix_at(r, s + i, n - i)) return true;
    }
    return false;
}

/* ---- widget lines made of fragments ---- */

/* Separator at s: returns its byte length or 0. */
static size_t sep_len(const char *s, const char *se)
{
    static const char *const seps[] = {
        " ",           "\t", "|", "/", "-", ":", ",", "\xC2\xB7", "\xE2\x80\xA2", "\xE2\x80\x93",
        "\xE2\x80\x94"};
    for (size_t i = 0; i < sizeof seps / sizeof *seps; i++) {
        size_t k = strlen(seps[i]);
        if ((size_t)(se - s) >= k && memcmp(s, seps[i], k) == 0) return k;
    }
    return 0;
}

/* True when the whole line is widget fragments and separators, with at
 * least one fragment: dynamic programming over reachable positions. */
static bool frag_line(const char *s, size_t n)
{
    bool reach[MAX_FRAG_LINE + 1] = {false}, ends[MAX_FRAG_LINE + 1];
    reach[0] = true;
    bool any = false;
    for (size_t pos = 0; pos < n; pos++) {
        if (!reach[pos]) continue;
        size_t k = sep_len(s + pos, s + n);
        if (k) {
            reach[pos + k] = true;
            continue;
        }
        memset(ends, 0, sizeof ends);
        pm_ctx c = {PM_ENDS, s, ends};
        for (size_t i = 0; i < bp_nrules; i++)
            if (bp_rules[i].kind == BP_FRAG)
                pm(&c, bp_rules[i].pat, bp_rules[i].pat + bp_rules[i].len, s + pos, s + n);
        for (size_t e = pos + 1; e <= n; e++)
            if (ends[e] && (e == n || sep_len(s + e, s + n))) reach[e] = any = true;
    }
    return any && reach[n];
}

/* ---- line classification ---- */

typedef struct line {
    size_t begin, end; /* trimmed content */
    size_t raw_begin, raw_end;
    bool drop;
} line;

static bool rule_line(const char *line, size_t n)
{
    if (n == 0 || n > MAX_RULE_LINE) return false;
    /* matching is ASCII case-insensitive: lower-case the line once */
    char s[MAX_RULE_LINE];
    for (size_t i = 0; i < n; i++)
        s[i] = lower(line[i]);
    for (size_t i = 0; i < bp_nrules; i++) {
        const bp_rule *r = &bp_rules[i];
        if ((r->kind == BP_LINE && match_full(r, s, n)) ||
            (r->kind == BP_PREFIX && match_prefix_at(r, s, n)) ||
            (r->kind == BP_CONTAINS && match_contains(r, s, n)))
            return true;
    }
    return n <= MAX_FRAG_LINE && frag_line(s, n);
}

static bool cut_line(const char *s, size_t n)
{
    if (n == 0 || n > MAX_RULE_LINE) return false;
    while (n > 0 && s[n - 1] == ':')
        n--;
    for (size_t i = 0; i < bp_nrules; i++)
        if (bp_rules[i].kind == BP_CUT && match_full(&bp_rules[i], s, n)) return true;
    return false;
}

/* Case-insensitive: does [s, s+n) end with [t, t+m)? */
static bool ends_with(const char *s, size_t n, const char *t, size_t m)
{
    if (m == 0 || m > n) return false;
    for (size_t i = 0; i < m; i++)
        if (lower(s[n - m + i]) != lower(t[i])) return false;
    return true;
}

/* Breadcrumbs among the first lines: "Home > News > ..." (or with / | » ›
 * between the steps) or "Home <section
 * names> <title>" where a following line repeats the title. */
static void drop_breadcrumbs(const char *text, line *lines, size_t nlines)
{
    size_t seen = 0;
    for (size_t i = 0; i < nlines && seen < 5; i++) {
        line *l = &lines[i];
        if (l->drop || l->end == l->begin) continue;
        seen++;
        const char *s = text + l->begin;
        size_t n = l->end - l->begin;
        if (n < 5 || n > MAX_RULE_LINE || strncasecmp(s, "home", 4) != 0 || is_alnum(s[4]))
            continue;
        bool crumbs = memchr(s, '>', n) || memchr(s, '|', n) || memchr(s, '/', n) ||
                      memmem(s, n, "\xC2\xBB", 2) || memmem(s, n, "\xE2\x80\xBA", 3);
        for (size_t j = i + 1, k = 0; j < nlines && k < 3 && !crumbs; j++) {
            const line *t = &lines[j];
            if (t->end == t->begin) continue;
            k++;
            crumbs = t->end - t->begin >= 10 && t->end - t->begin < n &&
                     ends_with(s, n, text + t->begin, t->end - t->begin);
        }
        if (crumbs) l->drop = true;
    }
}

/* ---- placeholders ---- */

/* Case-insensitive search of [t, t+m) in [s, s+n); candidates are found
 * with memchr on the first byte (both cases of a letter). */
static const char *find_ci(const char *s, size_t n, const char *t, size_t m)
{
    if (m == 0 || m > n) return NULL;
    char a = lower(t[0]), b = a >= 'a' && a <= 'z' ? (char)(a - 32) : a;
    for (size_t i = 0; i + m <= n;) {
        const char *pa = memchr(s + i, a, n - m + 1 - i);
        const char *pb = a != b ? memchr(s + i, b, n - m + 1 - i) : NULL;
        const char *p = !pa ? pb : !pb ? pa : pa < pb ? pa : pb;
        if (!p) return NULL;
        size_t k = 1;
        while (k < m && lower(p[k]) == lower(t[k]))
            k++;
        if (k == m) return p;
        i = (size_t)(p - s) + 1;
    }
    return NULL;
}

/* Blanks every span-rule occurrence in place. */
static void blank_spans(char *text, size_t len)
{
    for (size_t i = 0; i < bp_nrules; i++) {
        const bp_rule *r = &bp_rules[i];
        if (r->kind != BP_SPAN) continue;
        const char *hit;
        size_t from = 0;
        while ((hit = find_ci(text + from, len - from, r->pat, r->len))) {
            size_t at = (size_t)(hit - text);
            memset(text + at, ' ', r->len);
            from = at + r->len;
        }
    }
}

/* ---- lines ---- */

static line *split_lines(const char *text, size_t len, size_t *nlines)
{
    line *lines = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) : len;
        line *l = RG_PUSH(lines, n, cap);
        l->raw_begin = i, l->raw_end = end, l->drop = false;
        l->begin = i, l->end = end;
        while (l->begin < l->end && is_space(text[l->begin]))
            l->begin++;
        while (l->end > l->begin && is_space(text[l->end - 1]))
            l->end--;
        i = end + 1;
    }
    *nlines = n;
    return lines;
}

static void classify(const char *text, size_t len, line *lines, size_t nlines)
{
    for (size_t i = 0; i < nlines; i++) {
        line *l = &lines[i];
        if (l->raw_begin * 3 >= len && cut_line(text + l->begin, l->end - l->begin)) {
            for (size_t j = i; j < nlines; j++)
                lines[j].drop = true;
            break;
        }
        l->drop = rule_line(text + l->begin, l->end - l->begin);
    }
    drop_breadcrumbs(text, lines, nlines);
}

/* Blanks the dropped lines' bytes, keeping their newlines. */
static void blank_dropped(char *text, const line *lines, size_t nlines)
{
    for (size_t i = 0; i < nlines; i++)
        if (lines[i].drop)
            memset(text + lines[i].raw_begin, ' ', lines[i].raw_end - lines[i].raw_begin);
}

void rg_doc_strip_boilerplate(char *text, size_t len)
{
    pthread_once(&bp_once, bp_load);
    blank_spans(text, len);
    size_t nlines;
    line *lines = split_lines(text, len, &nlines);
    classify(text, len, lines, nlines);
    blank_dropped(text, lines, nlines);
    free(lines);
}
