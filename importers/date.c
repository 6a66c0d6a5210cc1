#include "rg_date.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rg_data.h"

/* The name table parsed from data/doc/dates.txt: each entry is a lower-case
 * name, what it names (month 1-12 or weekday 0-6) and whether it is an
 * abbreviation written with a trailing dot in the data file (the dot is then
 * optional in the text). */
typedef struct date_name {
    char name[16];
    size_t len;
    int value;
    bool month; /* else weekday */
    bool abbrev;
} date_name;

static date_name names[128];
static size_t nnames;
/* The entries by first letter, in table order (name_at returns the first
 * that matches), and per first letter a bit set of the lengths of the
 * words that can start a date there: after a capital, names and relative
 * words; after a lower-case letter, relative words only (names must be
 * capitalised). Words of other lengths are rejected without looking
 * further. */
static uint8_t by_first[26][128];
static uint8_t nby_first[26];
static uint32_t lens_upper[26], lens_lower[26];
/* Byte classes for the scanner: C_LOWER, C_UPPER, C_DIGIT, 0 for others. */
enum { C_LOWER = 1, C_UPPER = 2, C_DIGIT = 4 };
static uint8_t byte_class[256];
/* The words themselves, packed (pack_word), in two small open-addressing
 * sets: after a capital, names and relative words; after a lower-case
 * letter, relative words. 0 marks an empty slot. */
enum { WORD_SET = 256 };
static uint64_t words_upper[WORD_SET], words_lower[WORD_SET];
static pthread_once_t names_once = PTHREAD_ONCE_INIT;

static void names_add(const char *word, size_t n, int value, bool month)
{
    if (nnames == sizeof names / sizeof *names || n == 0) return;
    date_name *e = &names[nnames];
    e->abbrev = word[n - 1] == '.';
    if (e->abbrev) n--;
    if (n == 0 || n >= sizeof e->name) return;
    for (size_t i = 0; i < n; i++)
        e->name[i] = (char)(word[i] | 0x20);
    e->name[n] = '\0';
    e->len = n;
    e->value = value;
    e->month = month;
    nnames++;
}

/* Parses one data line "month 3 march mar." into table entries. */
static void names_parse_line(const char *line, size_t n)
{
    char buf[256];
    if (n >= sizeof buf || n == 0 || line[0] == '#') return;
    memcpy(buf, line, n);
    buf[n] = '\0';
    char *save = NULL;
    char *kind = strtok_r(buf, " \t\r", &save);
    char *num = kind ? strtok_r(NULL, " \t\r", &save) : NULL;
    if (!num) return;
    bool month = strcmp(kind, "month") == 0;
    if (!month && strcmp(kind, "weekday") != 0) return;
    int value = atoi(num);
    for (char *w; (w = strtok_r(NULL, " \t\r", &save));)
        names_add(w, strlen(w), value, month);
}

static const char *const relative_words[] = {"today", "yesterday", "tomorrow", "last", "next"};

static void start_len_add(uint32_t *lens, const char *w, size_t n)
{
    if (w[0] >= 'a' && w[0] <= 'z' && n < 32) lens[w[0] - 'a'] |= 1u << n;
}

/* Letters a-z (either case) five bits each, at most 12; 0 otherwise. */
static uint64_t pack_word(const char *w, size_t n)
{
    if (n == 0 || n > 12) return 0;
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned c = (unsigned)((unsigned char)w[i] | 0x20) - 'a';
        if (c >= 26) return 0;
        v = v << 5 | (c + 1);
    }
    return v;
}

static size_t word_slot(uint64_t v)
{
    return (size_t)((v * 0x9E3779B97F4A7C15ull) >> 56) & (WORD_SET - 1);
}

static void word_set_add(uint64_t *set, const char *w, size_t n)
{
    uint64_t v = pack_word(w, n);
    if (!v) return;
    size_t k = word_slot(v);
    while (set[k] && set[k] != v)
        k = (k + 1) & (WORD_SET - 1);
    set[k] = v;
}

static bool word_set_has(const uint64_t *set, uint64_t v)
{
    for (size_t k = word_slot(v); set[k]; k = (k + 1) & (WORD_SET - 1))
        if (set[k] == v) return true;
    return false;
}

static void names_index(void)
{
    for (int c = 0; c < 256; c++)
        byte_class[c] = c >= 'a' && c <= 'z'   ? C_LOWER
                        : c >= 'A' && c <= 'Z' ? C_UPPER
                        : c >= '0' && c <= '9' ? C_DIGIT
                                               : 0;
    for (size_t i = 0; i < nnames; i++) {
        int c = names[i].name[0] - 'a';
        if (c < 0 || c >= 26) continue; /* name_at wants a capital letter */
        by_first[c][nby_first[c]++] = (uint8_t)i;
        start_len_add(lens_upper, names[i].name, names[i].len);
        word_set_add(words_upper, names[i].name, names[i].len);
    }
    for (size_t i = 0; i < sizeof relative_words / sizeof *relative_words; i++) {
        start_len_add(lens_upper, relative_words[i], strlen(relative_words[i]));
        start_len_add(lens_lower, relative_words[i], strlen(relative_words[i]));
        word_set_add(words_upper, relative_words[i], strlen(relative_words[i]));
        word_set_add(words_lower, relative_words[i], strlen(relative_words[i]));
    }
}

static void names_load(void)
{
    size_t len = 0;
    const char *data = rg_data_get("doc/dates.txt", &len);
    if (data) {
        for (size_t i = 0; i < len;) {
            const char *nl = memchr(data + i, '\n', len - i);
            size_t end = nl ? (size_t)(nl - data) : len;
            names_parse_line(data + i, end - i);
            i = end + 1;
        }
    }
    names_index();
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_alnum(char c)
{
    return is_alpha(c) || is_digit(c);
}

/* ---- calendar ---- */

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : d[m - 1];
}

bool rg_date_valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= month_days(y, m);
}

/* Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int rg_date_weekday(int y, int m, int d)
{
    long z = days_from_civil(y, m, d);
    return (int)((z % 7 + 11) % 7); /* 1970-01-01 was a Thursday */
}

void rg_date_add_days(int *y, int *m, int *d, long days)
{
    civil_from_days(days_from_civil(*y, *m, *d) + days, y, m, d);
}

bool rg_date_parse_iso(const char *s, int *y, int *m, int *d)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !is_digit(s[i])) return false;
    *y = atoi(s);
    *m = atoi(s + 5);
    *d = atoi(s + 8);
    return rg_date_valid(*y, *m, *d);
}

/* Formats a date as ISO 8601; d = 0 gives "YYYY-MM", m = 0 "YYYY". Values
 * are in range by construction; the wide buffer keeps the compiler's
 * truncation analysis quiet. */
static void iso_fmt(char iso[11], int y, int m, int d)
{
    char buf[48];
    if (m == 0)
        snprintf(buf, sizeof buf, "%04d", y);
    else if (d == 0)
        snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    else
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    size_t n = strlen(buf) < 10 ? strlen(buf) : 10;
    memcpy(iso, buf, n);
    iso[n] = '\0';
}

/* ---- tokens ---- */

/* A month (month = true) or weekday name at text[pos]: capitalised, whole
 * word; an abbreviation may carry its dot. Returns the length or 0. */
static size_t name_at(const char *t, size_t len, size_t pos, bool month, bool full_only, int *value)
{
    if (pos >= len || t[pos] < 'A' || t[pos] > 'Z') return 0;
    size_t n = 0;
    while (pos + n < len && is_alpha(t[pos + n]))
        n++;
    if (pos + n < len && is_digit(t[pos + n])) return 0;
    int first = (t[pos] | 0x20) - 'a';
    for (size_t i = 0; i < nby_first[first]; i++) {
        const date_name *e = &names[by_first[first][i]];
        if (e->len != n || e->month != month || (full_only && e->abbrev)) continue;
        size_t k = 0;
        while (k < n && (t[pos + k] | 0x20) == e->name[k])
            k++;
        if (k < n) continue;
        *value = e->value;
        if (e->abbrev && pos + n < len && t[pos + n] == '.') n++;
        return n;
    }
    return 0;
}

/* Spaces, tabs and no-break spaces (U+00A0) between the parts of a date.
 * Returns the number of bytes skipped. */
static size_t skip_ws(const char *t, size_t len, size_t pos)
{
    size_t p = pos;
    for (;;) {
        if (p < len && (t[p] == ' ' || t[p] == '\t'))
            p++;
        else if (p + 1 < len && (unsigned char)t[p] == 0xC2 && (unsigned char)t[p + 1] == 0xA0)
            p += 2;
        else
            break;
    }
    return p - pos;
}

/* A day number 1-31 with an optional ordinal suffix ("9", "09", "21st"). */
static size_t day_at(const char *t, size_t len, size_t pos, int *day)
{
    size_t n = 0;
    int v = 0;
    while (pos + n < len && is_digit(t[pos + n]) && n < 3)
        v = v * 10 + (t[pos + n++] - '0');
    if (n == 0 || n > 2 || v < 1 || v > 31) return 0;
    if (pos + n + 1 < len) {
        char a = (char)(t[pos + n] | 0x20), b = (char)(t[pos + n + 1] | 0x20);
        if ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
            (a == 't' && b == 'h'))
            n += 2;
    }
    if (pos + n < len && is_alnum(t[pos + n])) return 0;
    *day = v;
    return n;
}

/* A four-digit year 1000-2999, not part of a longer number. */
static size_t year_at(const char *t, size_t len, size_t pos, int *year)
{
    if (pos + 4 > len) return 0;
    for (int i = 0; i < 4; i++)
        if (!is_digit(t[pos + i])) return 0;
    if (pos + 4 < len && is_alnum(t[pos + 4])) return 0;
    /* "2021-03-09" after "9 March, " is another date, not this one's year */
    if (pos + 5 < len && (t[pos + 4] == '-' || t[pos + 4] == '/') && is_digit(t[pos + 5])) return 0;
    int v = atoi((char[5]){t[pos], t[pos + 1], t[pos + 2], t[pos + 3], 0});
    if (v < 1000 || v > 2999) return 0;
    *year = v;
    return 4;
}

/* Skips an optional comma then spaces; returns bytes skipped. */
static size_t skip_comma_ws(const char *t, size_t len, size_t pos)
{
    size_t p = pos;
    if (p < len && t[p] == ',') p++;
    return p - pos + skip_ws(t, len, p);
}

/* ---- absolute forms ---- */

typedef struct parsed {
    int y, m, d, wday; /* y or d 0 when absent; wday -1 when absent */
} parsed;

/* "2021-03-09" or "2021/03/09". */
static size_t iso_at(const char *t, size_t len, size_t pos, parsed *p)
{
    if (pos + 10 > len) return 0;
    const char *s = t + pos;
    char sep = s[4];
    if ((sep != '-' && sep != '/') || s[7] != sep) return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !is_digit(s[i])) return 0;
    if (pos + 10 < len && is_digit(t[pos + 10])) return 0;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    if (!rg_date_valid(y, m, d) || y < 1000) return 0;
    p->y = y, p->m = m, p->d = d;
    return 10;
}

/* "16 April 2025", "16th of April, 2025", "9 March" (no year). */
static size_t dmy_at(const char *t, size_t len, size_t pos, parsed *p)
{
    size_t n = day_at(t, len, pos, &p->d);
    if (!n) return 0;
    size_t q = pos + n;
    size_t ws = skip_ws(t, len, q);
    if (!ws) return 0;
    q += ws;
    if (q + 2 < len && t[q] == 'o' && t[q + 1] == 'f' && t[q + 2] == ' ')
        q += 2 + skip_ws(t, len, q + 2);
    size_t mn = name_at(t, len, q, true, false, &p->m);
    if (!mn) return 0;
    q += mn;
    size_t end = q;
    size_t sep = skip_comma_ws(t, len, q);
    size_t yn = sep ? year_at(t, len, q + sep, &p->y) : 0;
    if (yn) end = q + sep + yn;
    return end - pos;
}

/* "April 16, 2025", "March 9th 2021", "March 4" (no year), "March 2011". */
static size_t mdy_at(const char *t, size_t len, size_t pos, parsed *p)
{
    size_t mn = name_at(t, len, pos, true, false, &p->m);
    if (!mn) return 0;
    size_t q = pos + mn;
    size_t sep = skip_comma_ws(t, len, q);
    if (!sep) return 0;
    size_t yn = year_at(t, len, q + sep, &p->y);
    if (yn) return q + sep + yn - pos; /* month year */
    size_t ws = skip_ws(t, len, q);
    if (!ws) return 0;
    size_t dn = day_at(t, len, q + ws, &p->d);
    if (!dn) return 0;
    q += ws + dn;
    size_t end = q;
    sep = skip_comma_ws(t, len, q);
    yn = sep ? year_at(t, len, q + sep, &p->y) : 0;
    if (yn) end = q + sep + yn;
    return end - pos;
}

/* For a day and month without year: the year next to the anchor's that
 * puts the date closest to the anchor, preferring one whose weekday agrees. */
static bool resolve_year(parsed *p, const char *anchor)
{
    int ay, am, ad;
    if (!rg_date_parse_iso(anchor, &ay, &am, &ad)) return false;
    long a = days_from_civil(ay, am, ad), best = -1;
    int best_y = 0;
    for (int pass = 0; pass < 2 && !best_y; pass++) {
        for (int y = ay - 1; y <= ay + 1; y++) {
            if (!rg_date_valid(y, p->m, p->d)) continue;
            if (pass == 0 && p->wday >= 0 && rg_date_weekday(y, p->m, p->d) != p->wday) continue;
            long dist = labs(days_from_civil(y, p->m, p->d) - a);
            if (best < 0 || dist < best) best = dist, best_y = y;
        }
    }
    if (!best_y) return false;
    p->y = best_y;
    return true;
}

/* A weekday name (abbreviations allowed) followed by a comma/space, as the
 * prefix of a date. */
static size_t weekday_prefix(const char *t, size_t len, size_t pos, int *wday)
{
    size_t n = name_at(t, len, pos, false, false, wday);
    if (!n) return 0;
    size_t sep = skip_comma_ws(t, len, pos + n);
    return sep ? n + sep : 0;
}

static size_t absolute_at(const char *t, size_t len, size_t pos, parsed *p)
{
    size_t n = iso_at(t, len, pos, p);
    if (!n) n = dmy_at(t, len, pos, p);
    if (!n) {
        *p = (parsed){0, 0, 0, p->wday};
        n = mdy_at(t, len, pos, p);
    }
    return n;
}

/* Can a word of n letters starting with c start a date (lens_upper,
 * lens_lower)? */
static bool may_start_word(char c, size_t n)
{
    if (n >= 32) return false;
    if (c >= 'A' && c <= 'Z') return lens_upper[c - 'A'] >> n & 1;
    if (c >= 'a' && c <= 'z') return lens_lower[c - 'a'] >> n & 1;
    return false;
}

/* A digit run of one or two (a day) or of four before '-' or '/' (ISO). */
static bool may_start_number(const char *t, size_t len, size_t pos)
{
    size_t k = 0;
    while (pos + k < len && k < 5 && is_digit(t[pos + k]))
        k++;
    return k <= 2 || (k == 4 && pos + 4 < len && (t[pos + 4] == '-' || t[pos + 4] == '/'));
}

/* A cheap necessary condition for a date at the word start text[pos]: a
 * day or ISO number, or a letter word that may_start_word accepts. Most
 * words fail it. */
static bool may_start_at(const char *t, size_t len, size_t pos)
{
    if (is_digit(t[pos])) return may_start_number(t, len, pos);
    size_t n = 0;
    while (pos + n < len && n < 32 && is_alpha(t[pos + n]))
        n++;
    return may_start_word(t[pos], n);
}

size_t rg_date_match_at(const char *text, size_t len, size_t pos, const char *anchor, char iso[11])
{
    iso[0] = '\0';
    if (!text || pos >= len || (pos > 0 && is_alnum(text[pos - 1]))) return 0;
    pthread_once(&names_once, names_load);
    /* every absolute form opens with a digit or a capitalised name */
    char c = text[pos];
    if (!is_digit(c) && (c < 'A' || c > 'Z')) return 0;
    if (!may_start_at(text, len, pos)) return 0;
    parsed p = {0, 0, 0, -1};
    size_t wn = weekday_prefix(text, len, pos, &p.wday);
    size_t n = absolute_at(text, len, pos + wn, &p);
    if (!n && wn) return 0;
    if (!n) return 0;
    if (p.d && !p.y && !resolve_year(&p, anchor)) return wn + n; /* unresolved, still a date */
    if (p.d && !rg_date_valid(p.y, p.m, p.d)) return 0;
    if (p.d)
        iso_fmt(iso, p.y, p.m, p.d);
    else
        iso_fmt(iso, p.y, p.m, 0);
    return wn + n;
}

/* ---- relative expressions ---- */

/* Case-insensitive whole-word match of a lower-case ASCII word at pos. */
static size_t word_at(const char *t, size_t len, size_t pos, const char *w)
{
    size_t n = strlen(w);
    if (pos + n > len) return 0;
    for (size_t i = 0; i < n; i++)
        if ((t[pos + i] | 0x20) != w[i]) return 0;
    if (pos + n < len && is_alnum(t[pos + n])) return 0;
    return n;
}

/* Is the word before pos capitalised and joined to it by one space, as in
 * "Bloody Sunday", "Ash Wednesday" or "Good Friday" (names of events, not
 * dates)? Words that introduce a date ("On Monday", "Since Friday") do not
 * count. */
static bool in_name(const char *t, size_t pos)
{
    static const char *const intro[] = {"on",      "since", "by",     "until", "till", "every",
                                        "this",    "from",  "before", "after", "and",  "or",
                                        "between", "last",  "next",   "that"};
    if (pos < 2 || t[pos - 1] != ' ' || !is_alpha(t[pos - 2])) return false;
    size_t b = pos - 1;
    while (b > 0 && is_alpha(t[b - 1]))
        b--;
    if (t[b] < 'A' || t[b] > 'Z') return false;
    for (size_t i = 0; i < sizeof intro / sizeof *intro; i++)
        if (word_at(t, pos - 1, b, intro[i]) == pos - 1 - b) return false;
    return true;
}

/* "last"/"next"/"" + full weekday name, resolved as documented in rg_date.h. */
static size_t weekday_rel_at(const char *t, size_t len, size_t pos, const int *a, char iso[11])
{
    int dir = 0; /* -1 last, +1 next, 0 on-or-before */
    size_t q = pos, w;
    if ((w = word_at(t, len, q, "last")) || (w = word_at(t, len, q, "next"))) {
        dir = (t[q] | 0x20) == 'l' ? -1 : 1;
        size_t ws = skip_ws(t, len, q + w);
        if (!ws) return 0;
        q += w + ws;
    }
    int wd;
    size_t n = name_at(t, len, q, false, true, &wd);
    if (!n || (dir == 0 && in_name(t, pos))) return 0;
    if (a) {
        int y = a[0], m = a[1], d = a[2], aw = rg_date_weekday(y, m, d);
        long delta = dir > 0 ? -(long)((wd - aw + 7) % 7) : (aw - wd + 7) % 7;
        if (dir > 0 && delta == 0) delta = -7;
        if (dir < 0 && delta == 0) delta = 7;
        rg_date_add_days(&y, &m, &d, -delta);
        iso_fmt(iso, y, m, d);
    }
    return q + n - pos;
}

/* rg_date_relative_at with the anchor already parsed (have: a is valid). */
static size_t relative_at(const char *text, size_t len, size_t pos, bool have, const int a[3],
                          char iso[11])
{
    iso[0] = '\0';
    if (!text || pos >= len || (pos > 0 && is_alnum(text[pos - 1]))) return 0;
    static const struct {
        const char *w;
        int days;
    } simple[] = {{"today", 0}, {"yesterday", -1}, {"tomorrow", 1}};
    for (size_t i = 0; i < sizeof simple / sizeof *simple; i++) {
        size_t n = word_at(text, len, pos, simple[i].w);
        if (!n) continue;
        if (have) {
            int y = a[0], m = a[1], d = a[2];
            rg_date_add_days(&y, &m, &d, simple[i].days);
            iso_fmt(iso, y, m, d);
        }
        return n;
    }
    size_t n = word_at(text, len, pos, "last");
    size_t ws = n ? skip_ws(text, len, pos + n) : 0;
    if (ws) {
        size_t k;
        if ((k = word_at(text, len, pos + n + ws, "month"))) {
            if (have) iso_fmt(iso, a[1] == 1 ? a[0] - 1 : a[0], a[1] == 1 ? 12 : a[1] - 1, 0);
            return n + ws + k;
        }
        if ((k = word_at(text, len, pos + n + ws, "year"))) {
            if (have) iso_fmt(iso, a[0] - 1, 0, 0);
            return n + ws + k;
        }
    }
    return weekday_rel_at(text, len, pos, have ? a : NULL, iso);
}

size_t rg_date_relative_at(const char *text, size_t len, size_t pos, const char *anchor,
                           char iso[11])
{
    int a[3];
    bool have = rg_date_parse_iso(anchor, &a[0], &a[1], &a[2]);
    pthread_once(&names_once, names_load);
    return relative_at(text, len, pos, have, a, iso);
}

/* ---- scanner ---- */

/* May a date start at the word t[pos, end) (a word start) whose byte
 * classes are `classes` (or-ed)? A word of letters must be all letters (a
 * name or relative word followed by a digit is none) and pass
 * may_start_word; a number must pass may_start_number. */
static bool word_may_start(const char *t, size_t len, size_t pos, size_t end, unsigned classes)
{
    if (is_digit(t[pos])) return may_start_number(t, len, pos);
    if ((classes & C_DIGIT) || !may_start_word(t[pos], end - pos)) return false;
    /* the word itself must be a name or a relative word ("The" has the
     * length and first letter of "Thu", "May" is one) */
    uint64_t v = pack_word(t + pos, end - pos);
    if (!v) return true; /* not packable: let the matchers decide */
    return word_set_has(t[pos] >= 'A' && t[pos] <= 'Z' ? words_upper : words_lower, v);
}

size_t rg_date_find_all(const char *text, size_t len, const char *anchor, rg_date_cb cb, void *ctx)
{
    size_t count = 0;
    int a[3];
    bool have = rg_date_parse_iso(anchor, &a[0], &a[1], &a[2]);
    pthread_once(&names_once, names_load);
    const unsigned char *u = (const unsigned char *)text;
    for (size_t pos = 0; pos < len;) {
        if (!byte_class[u[pos]]) {
            pos++;
            continue;
        }
        /* no date starts inside a word: whatever fails here skips to the
         * word's end */
        size_t end = pos;
        unsigned classes = 0;
        for (unsigned k; end < len && (k = byte_class[u[end]]); end++)
            classes |= k;
        if ((pos > 0 && is_alnum(text[pos - 1])) || !word_may_start(text, len, pos, end, classes)) {
            pos = end;
            continue;
        }
        rg_date_match m = {.begin = pos};
        size_t n = rg_date_match_at(text, len, pos, anchor, m.iso);
        if (n) {
            /* A date without year is relative to the anchor. */
            parsed p = {0, 0, 0, -1};
            size_t wn = weekday_prefix(text, len, pos, &p.wday);
            absolute_at(text, len, pos + wn, &p);
            m.relative = p.d && !p.y;
        } else {
            n = relative_at(text, len, pos, have, a, m.iso);
            m.relative = true;
        }
        if (!n) {
            pos = end;
            continue;
        }
        m.end = pos + n;
        count++;
        if (!cb(&m, ctx)) break;
        pos += n;
    }
    return count;
}
