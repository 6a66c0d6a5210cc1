/* rg_date: date expressions in English text, as ISO 8601 values.
 *
 * Absolute dates (rg_date_match_at) recognised at a byte position:
 *   "16 April 2025", "16th of April, 2025", "9 Mar. 2021"   day month year
 *   "April 16, 2025", "March 9th 2021"                     month day year
 *   "2021-03-09", "2021/03/09"                              ISO-like
 *   "March 2011"                                            month year -> "2011-03"
 *   "Tuesday 9 March", "Wednesday, April 16, 2025"          weekday prefixes
 *   "9 March", "March 4"                                    no year: see below
 * A bare year ("in 2011") is not a date here; numeric "09/03/2021" is not
 * matched either (day/month order is ambiguous). Month and weekday names
 * come from data/doc/dates.txt and must be capitalised in the text.
 *
 * Dates without a year and relative expressions need an anchor date (the
 * document's date, "YYYY-MM-DD"); without one they are reported unresolved
 * (iso empty). Resolution rules:
 *   - day and month without year: the year (anchor's year -1, 0 or +1) that
 *     puts the date closest to the anchor; when a weekday is given, a year
 *     where the weekday agrees is preferred.
 *   - "on Wednesday", "Wednesday": the most recent Wednesday on or before
 *     the anchor (news reports past events; a document dated on a Wednesday
 *     that says "on Wednesday" means that day).
 *     A weekday after a capitalised word ("Bloody Sunday", "Good Friday")
 *     is part of a name, not a date, unless that word is "On", "Since", ...
 *   - "last Wednesday": the most recent Wednesday strictly before the anchor;
 *     "next Wednesday": the first Wednesday strictly after it.
 *   - "today", "yesterday", "tomorrow": the anchor, -1 day, +1 day.
 *   - "last month": "YYYY-MM" of the month before the anchor's; "last
 *     year": "YYYY". ("last week" has no ISO date value and is not matched.)
 *
 * All functions are pure (no allocation, no global state besides the
 * lazily parsed, read-only name table) and safe on any bytes.
 */
#ifndef RG_DATE_H
#define RG_DATE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct rg_date_match {
    size_t begin, end; /* byte span of the expression in the text, end exclusive */
    char iso[11];      /* "YYYY-MM-DD", "YYYY-MM" or "YYYY"; "" when unresolved */
    bool relative;     /* needed the anchor ("on Wednesday", "9 March") */
} rg_date_match;

/* Recognises an absolute date starting exactly at text[pos] (which must be at
 * a word start). Returns its byte length (0 when there is none) and writes
 * its value to iso (NUL-terminated). Dates without a year are resolved
 * against anchor (may be NULL: then iso is ""). */
size_t rg_date_match_at(const char *text, size_t len, size_t pos, const char *anchor, char iso[11]);

/* Recognises a relative expression at text[pos] ("yesterday", "last
 * Wednesday", a weekday name) and resolves it against anchor (may be NULL:
 * iso ""). Returns its byte length or 0. "on" before a weekday is not part
 * of the match: the caller decides about context. */
size_t rg_date_relative_at(const char *text, size_t len, size_t pos, const char *anchor,
                           char iso[11]);

/* Calls cb for every date mention in text, left to right, non-overlapping
 * (absolute dates first, then relative ones at the same place). cb returns
 * false to stop. Returns the number of mentions reported. */
typedef bool (*rg_date_cb)(const rg_date_match *m, void *ctx);
size_t rg_date_find_all(const char *text, size_t len, const char *anchor, rg_date_cb cb, void *ctx);

/* Calendar helpers. rg_date_parse_iso accepts "YYYY-MM-DD" only. */
bool rg_date_parse_iso(const char *s, int *y, int *m, int *d);
bool rg_date_valid(int y, int m, int d);
int rg_date_weekday(int y, int m, int d); /* 0 = Sunday */
/* Adds days (may be negative) to a valid date. */
void rg_date_add_days(int *y, int *m, int *d, long days);

#endif
