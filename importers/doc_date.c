/* rg_doc_find_date: the date a document gives itself (a dateline or a date
 * line), as opposed to the dates of the events it reports. The rules are
 * stated in rg_doc.h. */
#include <string.h>
#include <strings.h>

#include "rg_date.h"
#include "rg_doc.h"

#define DATELINE_LINES 8   /* non-empty lines searched for a dateline */
#define DATELINE_PREFIX 40 /* longest place/label before the date */

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool is_alpha(char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Labels that introduce a publication date ("Published: ", "Posted on"). */
static bool label_word(const char *w, size_t n)
{
    static const char *const words[] = {"published", "posted", "updated",  "dated",
                                        "date",      "issued", "released", "on"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strlen(words[i]) == n && strncasecmp(w, words[i], n) == 0) return true;
    return false;
}

/* What precedes the date: nothing, a short place ending in ',' or a label
 * ending in ':' ("Damascus, ", "Date: "), or label words ("Posted on"). A
 * lone "on" is a sentence ("talks on 9 March 2021"), not a label. */
static bool prefix_ok(const char *s, size_t n)
{
    while (n && is_ws(s[n - 1]))
        n--;
    if (n == 0) return true;
    if (n > DATELINE_PREFIX) return false;
    if (s[n - 1] == ',' || s[n - 1] == ':') return true;
    size_t words = 0, i = n;
    while (i > 0) {
        size_t end = i;
        while (i > 0 && is_alpha(s[i - 1]))
            i--;
        if (i == end || !label_word(s + i, end - i)) return false;
        if (end - i == 2 && words == 0 && i == 0) return false; /* just "on" */
        words++;
        while (i > 0 && is_ws(s[i - 1]))
            i--;
    }
    return words > 0;
}

/* What follows: the line's end (perhaps after a full stop), or a dash,
 * colon, bar, slash or parenthesis opening the story. */
static bool suffix_ok(const char *s, size_t n, bool strict)
{
    while (n && is_ws(*s))
        s++, n--;
    if (n == 0 || (n == 1 && *s == '.')) return true;
    if (strict) return false;
    static const char *const seps[] = {"-", ":", "|", "(", "/", "\xE2\x80\x93", "\xE2\x80\x94"};
    for (size_t i = 0; i < sizeof seps / sizeof *seps; i++)
        if (strncmp(s, seps[i], strlen(seps[i])) == 0) return true;
    return false;
}

/* A full date in this line placed as a dateline (strict: alone on it). */
static bool line_date(const char *s, size_t n, bool strict, char iso[11])
{
    size_t limit = n < DATELINE_PREFIX + 24 ? n : DATELINE_PREFIX + 24;
    for (size_t p = 0; p < limit; p++) {
        if (p > 0 && !is_ws(s[p - 1]) && s[p - 1] != ',' && s[p - 1] != ':' && s[p - 1] != '(')
            continue;
        size_t m = rg_date_match_at(s, n, p, NULL, iso);
        if (!m) continue;
        if (strlen(iso) == 10 && prefix_ok(s, p) && suffix_ok(s + p + m, n - p - m, strict))
            return true;
        p += m - 1;
    }
    iso[0] = '\0';
    return false;
}

bool rg_doc_find_date(const char *text, size_t len, char iso[11])
{
    for (int pass = 0; pass < 2; pass++) {
        size_t nonempty = 0;
        for (size_t i = 0; i < len;) {
            const char *nl = memchr(text + i, '\n', len - i);
            size_t end = nl ? (size_t)(nl - text) : len;
            size_t b = i;
            while (b < end && is_ws(text[b]))
                b++;
            i = end + 1;
            if (b == end) continue;
            if (pass == 0 && nonempty++ == DATELINE_LINES) break;
            if (line_date(text + b, end - b, pass == 1, iso)) return true;
        }
    }
    iso[0] = '\0';
    return false;
}
