/* Tokeniser: offsets, shapes, abbreviations, hyphens, robustness. */
#include <stdlib.h>
#include <string.h>

#include "extract/rg_token.h"
#include "rg_test.h"

static size_t toks(const char *s, rg_token **t)
{
    return rg_tokenize(s, strlen(s), t);
}

static int has_tok(const char *s, const rg_token *t, size_t n, const char *want)
{
    for (size_t i = 0; i < n; i++)
        if (t[i].end - t[i].begin == strlen(want) &&
            memcmp(s + t[i].begin, want, strlen(want)) == 0)
            return (int)i;
    return -1;
}

static void test_basic(void)
{
    const char *s = "Foreign Minister Asaad al-Shibani met the IIIM in Damascus.";
    rg_token *t;
    size_t n = toks(s, &t);
    RG_CHECK(n == 10);
    RG_CHECK(t[0].begin == 0 && t[0].end == 7 && (t[0].shape & RG_SHAPE_UPINIT));
    int k = has_tok(s, t, n, "al-Shibani");
    RG_CHECK(k >= 0 && (t[k].shape & RG_SHAPE_NAME));
    k = has_tok(s, t, n, "IIIM");
    RG_CHECK(k >= 0 && (t[k].shape & RG_SHAPE_ALLCAPS));
    k = has_tok(s, t, n, "met");
    RG_CHECK(k >= 0 && (t[k].shape & RG_SHAPE_LOWER));
    RG_CHECK(t[n - 1].kind == RG_TOK_PUNCT && t[n - 1].cp == '.');
    free(t);
}

static void test_abbreviations(void)
{
    const char *s = "U.S. forces and the U.N. met Freie Gesellschaft e.V. in Hamburg; Gen. Votel";
    rg_token *t;
    size_t n = toks(s, &t);
    RG_CHECK(has_tok(s, t, n, "U.S.") >= 0);
    RG_CHECK(has_tok(s, t, n, "U.N.") >= 0);
    RG_CHECK(has_tok(s, t, n, "e.V.") >= 0);
    RG_CHECK(has_tok(s, t, n, "Gen") >= 0); /* the period is the splitter's business */
    free(t);
}

static void test_hyphens_possessives(void)
{
    const char *s = "ISIL-held buildings, counter-ISIL operations, Syria\xE2\x80\x99s people, "
                    "Secretary-General, U.S.-led coalition, O'Brien";
    rg_token *t;
    size_t n = toks(s, &t);
    RG_CHECK(has_tok(s, t, n, "ISIL") >= 0 && has_tok(s, t, n, "held") >= 0);
    RG_CHECK(has_tok(s, t, n, "counter") >= 0);
    RG_CHECK(has_tok(s, t, n, "Syria") >= 0);
    RG_CHECK(has_tok(s, t, n, "Secretary-General") >= 0);
    RG_CHECK(has_tok(s, t, n, "U.S.-led") >= 0);
    RG_CHECK(has_tok(s, t, n, "O'Brien") >= 0);
    free(t);
}

static void test_numbers_lines(void)
{
    const char *s = "12. Women Now\n\n  3,000 people on 15 November 2018";
    rg_token *t;
    size_t n = toks(s, &t);
    RG_CHECK(t[0].kind == RG_TOK_NUM && t[1].cp == '.');
    int k = has_tok(s, t, n, "3,000");
    RG_CHECK(k >= 0 && t[k].kind == RG_TOK_NUM && t[k].nl == 2);
    free(t);
}

/* Invalid UTF-8, NUL bytes and one huge word: no crash, every token inside
 * the text, offsets increasing, long words cut. */
static void test_robust(void)
{
    size_t len = 3 * 1000 * 1000;
    char *s = malloc(len);
    for (size_t i = 0; i < len; i++)
        s[i] = 'a';
    s[10] = '\0';
    s[20] = (char)0xC3; /* truncated sequence */
    s[30] = (char)0xFF;
    rg_tokenizer tz;
    rg_tokenizer_init(&tz, s, len);
    rg_token t;
    size_t n = 0, last = 0, longest = 0;
    int ok = 1;
    while (rg_tokenizer_next(&tz, &t)) {
        if (t.begin < last || t.end <= t.begin || t.end > len) ok = 0;
        if (t.end - t.begin > longest) longest = t.end - t.begin;
        last = t.end;
        n++;
    }
    RG_CHECK(ok);
    RG_CHECK(n > 1000);
    RG_CHECK(longest <= RG_TOKEN_MAX + 4);
    free(s);
}

static void test_fold(void)
{
    char buf[64];
    const char *s = "Al-Shibani\xE2\x80\x99s \xC3\x89LYS\xC3\x89\x45";
    size_t n = rg_token_fold(s, strlen(s), buf, sizeof buf);
    RG_CHECK(n > 0);
    RG_CHECK_STR(buf, "al-shibani's elysee");
    n = rg_token_fold("ABCDEFGH", 8, buf, 4); /* truncates safely */
    RG_CHECK(n == 3 && strcmp(buf, "abc") == 0);
}

int main(void)
{
    test_basic();
    test_abbreviations();
    test_hyphens_possessives();
    test_numbers_lines();
    test_robust();
    test_fold();
    return rg_test_done();
}
