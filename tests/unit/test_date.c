/* Tests for rg_date: absolute forms, resolution against an anchor, the
 * scanner, and the calendar helpers. */
#include "rg_test.h"

#include "rg_date.h"

/* The ISO value of the date at the start of s, or "<none>" / "<unresolved>". */
static const char *abs_iso(const char *s, const char *anchor, size_t *n)
{
    static char iso[11];
    *n = rg_date_match_at(s, strlen(s), 0, anchor, iso);
    if (!*n) return "<none>";
    return iso[0] ? iso : "<unresolved>";
}

static void check_abs(const char *s, const char *anchor, const char *want, size_t want_len)
{
    size_t n;
    const char *got = abs_iso(s, anchor, &n);
    RG_CHECK_STR(got, want);
    if (want_len != (size_t)-1 && n != want_len) {
        fprintf(stderr, "length of date in \"%s\": %zu, expected %zu\n", s, n, want_len);
        rg_test_fail++;
    } else
        rg_test_pass++;
}

static void test_absolute(void)
{
    check_abs("April 16, 2025 – Assistant", NULL, "2025-04-16", 14);
    check_abs("15 November 2018\n", NULL, "2018-11-15", 16);
    check_abs("2021-03-09T10:00", NULL, "2021-03-09", 10);
    check_abs("2021/03/09", NULL, "2021-03-09", 10);
    check_abs("March 9, 2021.", NULL, "2021-03-09", 13);
    check_abs("9 Mar. 2021", NULL, "2021-03-09", 11);
    check_abs("9 Mar 2021", NULL, "2021-03-09", 10);
    check_abs("9th of March, 2021", NULL, "2021-03-09", 18);
    check_abs("March 2011.", NULL, "2011-03", 10);
    check_abs("December 21,  2016, the", NULL, "2016-12-21", 18);
    check_abs("Wednesday, April 16, 2025", NULL, "2025-04-16", 25);
    check_abs("Sept. 11, 2001", NULL, "2001-09-11", 14);
    check_abs("16\xC2\xA0"
              "April 2025",
              NULL, "2025-04-16", 14);
    /* not dates */
    check_abs("2011 was", NULL, "<none>", 0);
    check_abs("31 February 2021", NULL, "<none>", 0);
    check_abs("32 March 2021", NULL, "<none>", 0);
    check_abs("2021-13-01", NULL, "<none>", 0);
    check_abs("may 2021", NULL, "<none>", 0);
    check_abs("Marches 2021", NULL, "<none>", 0);
    check_abs("09/03/2021", NULL, "<none>", 0);
    check_abs("March 20115", NULL, "<none>", 0);
    check_abs("Wednesday, the ministry", NULL, "<none>", 0);
    /* a position inside a word is not a word start */
    char iso[11];
    RG_CHECK(rg_date_match_at("x15 November 2018", 17, 1, NULL, iso) == 0);
    RG_CHECK(rg_date_match_at("a 15 November 2018", 18, 2, NULL, iso) == 16);
}

static void test_no_year(void)
{
    /* Seed 003's "Tuesday 9 March": a Tuesday in 2021. */
    check_abs("Tuesday 9 March, the", "2021-03-20", "2021-03-09", 15);
    check_abs("Tuesday 9 March", NULL, "<unresolved>", 15);
    /* closest year to the anchor */
    check_abs("28 December", "2021-01-05", "2020-12-28", 11);
    check_abs("March 4, under", "2021-03-20", "2021-03-04", 7);
    /* the weekday decides between candidate years: 9 March 2021 was a
     * Tuesday, 9 March 2022 a Wednesday */
    check_abs("Wednesday 9 March", "2021-09-10", "2022-03-09", 17);
    check_abs("Tuesday 9 March", "2021-09-10", "2021-03-09", 15);
    /* 29 February exists only in leap years */
    check_abs("29 February", "2021-06-01", "2020-02-29", 11);
}

static const char *rel(const char *s, const char *anchor)
{
    static char iso[11];
    size_t n = rg_date_relative_at(s, strlen(s), 0, anchor, iso);
    if (!n) return "<none>";
    return iso[0] ? iso : "<unresolved>";
}

static void test_relative(void)
{
    /* 2025-04-16 is a Wednesday. */
    RG_CHECK(rg_date_weekday(2025, 4, 16) == 3);
    RG_CHECK_STR(rel("Wednesday held talks", "2025-04-16"), "2025-04-16");
    RG_CHECK_STR(rel("Monday", "2025-04-16"), "2025-04-14");
    RG_CHECK_STR(rel("Thursday", "2025-04-16"), "2025-04-10");
    RG_CHECK_STR(rel("last Wednesday", "2025-04-16"), "2025-04-09");
    RG_CHECK_STR(rel("next Wednesday", "2025-04-16"), "2025-04-23");
    RG_CHECK_STR(rel("next Friday", "2025-04-16"), "2025-04-18");
    RG_CHECK_STR(rel("yesterday", "2025-03-01"), "2025-02-28");
    RG_CHECK_STR(rel("Yesterday", "2024-03-01"), "2024-02-29");
    RG_CHECK_STR(rel("tomorrow", "2024-12-31"), "2025-01-01");
    RG_CHECK_STR(rel("today", "2024-12-31"), "2024-12-31");
    RG_CHECK_STR(rel("last month", "2025-01-10"), "2024-12");
    RG_CHECK_STR(rel("last year", "2025-01-10"), "2024");
    RG_CHECK_STR(rel("Wednesday", NULL), "<unresolved>");
    RG_CHECK_STR(rel("wednesday", "2025-04-16"), "<none>");
    RG_CHECK_STR(rel("Wed", "2025-04-16"), "<none>");
    RG_CHECK_STR(rel("lastly", "2025-04-16"), "<none>");
    /* a weekday inside a name is no date; after "On" it is */
    char iso[11];
    const char *t = "after Bloody Sunday and Good Friday; On Monday, and Since Friday";
    RG_CHECK(rg_date_relative_at(t, strlen(t), 13, "2025-04-16", iso) == 0);
    RG_CHECK(rg_date_relative_at(t, strlen(t), 29, "2025-04-16", iso) == 0);
    RG_CHECK(rg_date_relative_at(t, strlen(t), 40, "2025-04-16", iso) == 6);
    RG_CHECK_STR(iso, "2025-04-14");
    RG_CHECK(rg_date_relative_at(t, strlen(t), 58, "2025-04-16", iso) == 6);
    RG_CHECK_STR(iso, "2025-04-11");
}

typedef struct found {
    size_t n;
    rg_date_match m[16];
} found;

static bool collect(const rg_date_match *m, void *ctx)
{
    found *f = ctx;
    if (f->n < 16) f->m[f->n++] = *m;
    return true;
}

static void test_scanner(void)
{
    const char *t = "The Syrian government on Wednesday held talks. During a visit in "
                    "December 2024, and on 9 March, 2021-03-09 and between 2014 and 2018.";
    found f = {0};
    size_t n = rg_date_find_all(t, strlen(t), "2025-04-16", collect, &f);
    RG_CHECK(n == 4 && f.n == 4);
    if (f.n == 4) {
        RG_CHECK(strncmp(t + f.m[0].begin, "Wednesday", f.m[0].end - f.m[0].begin) == 0);
        RG_CHECK_STR(f.m[0].iso, "2025-04-16");
        RG_CHECK(f.m[0].relative);
        RG_CHECK(strncmp(t + f.m[1].begin, "December 2024", 13) == 0 &&
                 f.m[1].end - f.m[1].begin == 13);
        RG_CHECK_STR(f.m[1].iso, "2024-12");
        RG_CHECK(!f.m[1].relative);
        RG_CHECK_STR(f.m[2].iso, "2025-03-09");
        RG_CHECK(f.m[2].relative);
        RG_CHECK_STR(f.m[3].iso, "2021-03-09");
    }
    /* the callback can stop the scan */
    found g = {0};
    RG_CHECK(rg_date_find_all(t, strlen(t), NULL, collect, &g) == 4);
    RG_CHECK(g.n == 4 && g.m[0].iso[0] == '\0');
}

static bool stop_first(const rg_date_match *m, void *ctx)
{
    (*(int *)ctx)++;
    return false;
}

static void test_scanner_stop_and_garbage(void)
{
    int calls = 0;
    const char *t = "1 May 2020 and 2 May 2020";
    RG_CHECK(rg_date_find_all(t, strlen(t), NULL, stop_first, &calls) == 1 && calls == 1);
    /* arbitrary bytes: no crash, and a truncated date at the end */
    char junk[512];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (char)(i * 37 + 11);
    found f = {0};
    rg_date_find_all(junk, sizeof junk, "2020-01-01", collect, &f);
    char iso[11];
    RG_CHECK(rg_date_match_at("16 April 20", 11, 0, NULL, iso) == 8);
    RG_CHECK(iso[0] == '\0');
}

static void test_calendar(void)
{
    int y, m, d;
    RG_CHECK(rg_date_parse_iso("2000-02-29", &y, &m, &d) && y == 2000 && m == 2 && d == 29);
    RG_CHECK(!rg_date_parse_iso("1900-02-29", &y, &m, &d));
    RG_CHECK(!rg_date_parse_iso("2021-3-9", &y, &m, &d));
    RG_CHECK(rg_date_weekday(1970, 1, 1) == 4);
    RG_CHECK(rg_date_weekday(2021, 3, 9) == 2);
    y = 2020, m = 12, d = 31;
    rg_date_add_days(&y, &m, &d, 60);
    RG_CHECK(y == 2021 && m == 3 && d == 1);
    rg_date_add_days(&y, &m, &d, -366);
    RG_CHECK(y == 2020 && m == 2 && d == 29);
}

int main(void)
{
    test_absolute();
    test_no_year();
    test_relative();
    test_scanner();
    test_scanner_stop_and_garbage();
    test_calendar();
    return rg_test_done();
}
