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
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rg_data.h"
#include "rg_doc.h"
#include "rg_util.h"

#define MAX_RULE_LINE 400 /* longer lines are content */
#define MAX_FRAG_LINE 250 /* widget bars are short */

typedef enum { BP_LINE, BP_PREFIX, BP_CONTAINS, BP_FRAG, BP_CUT, BP_SPAN } bp_kind;

typedef struct bp_rule {
    bp_kind kind;
    const char *pat; /* into the static data file */
    size_t len;
    size_t minlen; /* the fewest text bytes a match consumes */
} bp_rule;

/* Rules of some kinds, indexed by the byte a match must start with: a
 * pattern opening with a literal can only match text that opens with it
 * (lower-cased), so each line or position is tried against the few rules
 * of its first byte and those opening with a wildcard, not against all. */
typedef struct bp_index {
    uint16_t *ids;     /* rule indices, grouped by first byte */
    size_t start[257]; /* literal-first rules of byte c: ids[start[c], start[c + 1]) */
    uint16_t *any;     /* rules opening with '*', '%' or ' ' */
    size_t nany;
} bp_index;

static bp_rule *bp_rules;
static size_t bp_nrules, bp_cap;
static bp_index bx_full, bx_cut, bx_frag; /* line: and prefix:, cut:, frag: */
/* contains: rules opening with two literals, by that pair (a bit set over
 * the 65536 byte pairs); the others are tried everywhere. */
static uint8_t bx_pair[65536 / 8];
static uint16_t *bx_contains_any, *bx_contains_pair;
static size_t bx_ncontains_any, bx_ncontains_pair;
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
            *r = (bp_rule){kinds[i].kind, line + k, n - k, 0};
            return;
        }
    }
}

static char lower(char c);

/* A pattern's first byte when it is a literal (lower-cased), else -1. */
static int literal_at(const char *p, size_t n)
{
    if (n == 0 || *p == '*' || *p == '%' || *p == ' ') return -1;
    return (unsigned char)lower(*p);
}

/* The fewest text bytes the pattern consumes: '*' none, anything else
 * (a literal, a whitespace run, %d or %w) at least one. */
static size_t pattern_minlen(const char *p, size_t n)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '*') continue;
        if (p[i] == '%' && i + 1 < n) i++;
        m++;
    }
    return m;
}

static void index_build(bp_index *x, bool (*want)(bp_kind))
{
    x->ids = rg_calloc(bp_nrules + 1, sizeof *x->ids);
    x->any = rg_calloc(bp_nrules + 1, sizeof *x->any);
    size_t count[257] = {0};
    for (size_t i = 0; i < bp_nrules; i++) {
        int c = literal_at(bp_rules[i].pat, bp_rules[i].len);
        if (!want(bp_rules[i].kind)) continue;
        if (c < 0)
            x->any[x->nany++] = (uint16_t)i;
        else
            count[c + 1]++;
    }
    for (size_t c = 0; c < 256; c++)
        x->start[c + 1] = x->start[c] + count[c + 1];
    size_t fill[256];
    memcpy(fill, x->start, sizeof fill);
    for (size_t i = 0; i < bp_nrules; i++) {
        int c = literal_at(bp_rules[i].pat, bp_rules[i].len);
        if (want(bp_rules[i].kind) && c >= 0) x->ids[fill[c]++] = (uint16_t)i;
    }
}

static bool kind_full(bp_kind k)
{
    return k == BP_LINE || k == BP_PREFIX;
}

static bool kind_cut(bp_kind k)
{
    return k == BP_CUT;
}

static bool kind_frag(bp_kind k)
{
    return k == BP_FRAG;
}

static void contains_build(void)
{
    bx_contains_any = rg_calloc(bp_nrules + 1, sizeof *bx_contains_any);
    bx_contains_pair = rg_calloc(bp_nrules + 1, sizeof *bx_contains_pair);
    for (size_t i = 0; i < bp_nrules; i++) {
        const bp_rule *r = &bp_rules[i];
        if (r->kind != BP_CONTAINS) continue;
        int a = literal_at(r->pat, r->len),
            b = r->len > 1 ? literal_at(r->pat + 1, r->len - 1) : -1;
        if (a < 0 || b < 0) {
            bx_contains_any[bx_ncontains_any++] = (uint16_t)i;
            continue;
        }
        bx_contains_pair[bx_ncontains_pair++] = (uint16_t)i;
        /* lines are looked up as they are: mark the pair in every case */
        for (int ua = 0; ua < 2; ua++)
            for (int ub = 0; ub < 2; ub++) {
                int ca = ua && a >= 'a' && a <= 'z' ? a - 32 : a;
                int cb = ub && b >= 'a' && b <= 'z' ? b - 32 : b;
                unsigned pair = (unsigned)ca << 8 | (unsigned)cb;
                bx_pair[pair >> 3] |= (uint8_t)(1u << (pair & 7));
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
    for (size_t i = 0; i < bp_nrules; i++)
        bp_rules[i].minlen = pattern_minlen(bp_rules[i].pat, bp_rules[i].len);
    index_build(&bx_full, kind_full);
    index_build(&bx_cut, kind_cut);
    index_build(&bx_frag, kind_frag);
    contains_build();
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

/* ---- rule selection ---- */

/* Can rule r's match open with byte c? A cheap necessary condition for the
 * rules of an index's wildcard list: %d needs a digit, %w a word byte. */
static bool may_open(const bp_rule *r, char c)
{
    if (r->len < 2 || r->pat[0] != '%') return true;
    if (r->pat[1] == 'd') return c >= '0' && c <= '9';
    if (r->pat[1] == 'w') return !is_space(c) && c != ',' && c != ';' && c != ':';
    return true;
}

/* Calls try(rule, s, n) for the rules of x that may match at s (whose
 * first byte, lower-cased, is c) until one returns true. */
static bool index_any(const bp_index *x, char c, const char *s, size_t n,
                      bool (*try)(const bp_rule *, const char *, size_t))
{
    unsigned char u = (unsigned char)c;
    for (size_t k = x->start[u]; k < x->start[u + 1]; k++) {
        const bp_rule *r = &bp_rules[x->ids[k]];
        if (n >= r->minlen && try(r, s, n)) return true;
    }
    for (size_t k = 0; k < x->nany; k++) {
        const bp_rule *r = &bp_rules[x->any[k]];
        if (n >= r->minlen && may_open(r, c) && try(r, s, n)) return true;
    }
    return false;
}

static bool try_full(const bp_rule *r, const char *s, size_t n)
{
    return r->kind == BP_LINE ? match_full(r, s, n) : match_prefix_at(r, s, n);
}

/* The contains: rules over the line s (any case): instead of searching
 * the line once per rule, one pass over the word starts looks the byte
 * pair there up in bx_pair (which holds every case of each pair) and
 * tries only the rules opening with it. */
static bool contains_line(const char *s, size_t n)
{
    if (bx_ncontains_any) {
        /* match_contains searches a lower-cased line */
        char low[MAX_RULE_LINE];
        for (size_t i = 0; i < n; i++)
            low[i] = lower(s[i]);
        for (size_t k = 0; k < bx_ncontains_any; k++)
            if (match_contains(&bp_rules[bx_contains_any[k]], low, n)) return true;
    }
    for (size_t i = 0; i + 1 < n; i++) {
        if (i > 0 && is_alnum(s[i - 1])) continue;
        unsigned pair = (unsigned)(unsigned char)s[i] << 8 | (unsigned char)s[i + 1];
        if (!(bx_pair[pair >> 3] >> (pair & 7) & 1)) continue;
        for (size_t k = 0; k < bx_ncontains_pair; k++) {
            const bp_rule *r = &bp_rules[bx_contains_pair[k]];
            if (lower(r->pat[0]) == lower(s[i]) && lower(r->pat[1]) == lower(s[i + 1]) &&
                match_prefix_at(r, s + i, n - i))
                return true;
        }
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

/* Marks in ends every end of a fragment rule's match at s + pos; false
 * (ends untouched) when no fragment rule can start there. */
static bool frag_ends(const char *s, size_t n, size_t pos, bool *ends)
{
    const bp_index *x = &bx_frag;
    unsigned char u = (unsigned char)lower(s[pos]);
    size_t lit = x->start[u + 1] - x->start[u], any = 0;
    for (size_t k = 0; k < x->nany; k++)
        any += may_open(&bp_rules[x->any[k]], s[pos]);
    if (!lit && !any) return false;
    memset(ends, 0, (MAX_FRAG_LINE + 1) * sizeof *ends);
    pm_ctx c = {PM_ENDS, s, ends};
    for (size_t k = x->start[u]; k < x->start[u + 1]; k++) {
        const bp_rule *r = &bp_rules[x->ids[k]];
        pm(&c, r->pat, r->pat + r->len, s + pos, s + n);
    }
    for (size_t k = 0; k < x->nany; k++) {
        const bp_rule *r = &bp_rules[x->any[k]];
        if (may_open(r, s[pos])) pm(&c, r->pat, r->pat + r->len, s + pos, s + n);
    }
    return true;
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
        if (!frag_ends(s, n, pos, ends)) continue;
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
    /* the matcher is ASCII case-insensitive itself (pm lower-cases both
     * sides), so the line is matched as it is */
    if (index_any(&bx_full, lower(line[0]), line, n, try_full) || contains_line(line, n))
        return true;
    return n <= MAX_FRAG_LINE && frag_line(line, n);
}

static bool cut_line(const char *s, size_t n)
{
    if (n == 0 || n > MAX_RULE_LINE) return false;
    while (n > 0 && s[n - 1] == ':')
        n--;
    return index_any(&bx_cut, lower(s[0]), s, n, match_full);
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
