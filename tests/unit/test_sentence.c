/* Sentence splitter: abbreviations, initials, line breaks, list numbers. */
#include <stdlib.h>
#include <string.h>

#include "extract/rg_gazetteer.h"
#include "extract/rg_sentence.h"
#include "rg_test.h"

static size_t split(const char *s, uint32_t (**sp)[2])
{
    return rg_sentence_split(s, strlen(s), rg_gaz_builtin(), sp);
}

static int starts_with(const char *s, uint32_t (*sp)[2], size_t n, size_t i, const char *w)
{
    return i < n && strncmp(s + sp[i][0], w, strlen(w)) == 0;
}

static void test_abbrev(void)
{
    const char *s = "Mr. Petit met Gen. Votel and Maj. Gen. Ali Mamlouk. Col. John Dorrian spoke. "
                    "The U.S. and the U.N. agreed. Freie Gesellschaft e.V. in Hamburg signed. "
                    "Lt. Gen. Stephen J. Townsend left! Was it over? Yes.";
    uint32_t(*sp)[2];
    size_t n = split(s, &sp);
    RG_CHECK(n == 7);
    RG_CHECK(starts_with(s, sp, n, 0, "Mr. Petit"));
    RG_CHECK(starts_with(s, sp, n, 1, "Col. John"));
    RG_CHECK(starts_with(s, sp, n, 2, "The U.S."));
    RG_CHECK(starts_with(s, sp, n, 3, "Freie"));
    RG_CHECK(starts_with(s, sp, n, 4, "Lt. Gen."));
    RG_CHECK(starts_with(s, sp, n, 5, "Was"));
    RG_CHECK(starts_with(s, sp, n, 6, "Yes"));
    free(sp);
}

static void test_lines(void)
{
    const char *s = "Signatory Organizations\n\n  1. Syrian Archive\n  2. Women Now\n"
                    "a sentence that runs\non to the next line.\n\u201cQuoted.\u201d Next one.";
    uint32_t(*sp)[2];
    size_t n = split(s, &sp);
    RG_CHECK(n == 6);
    RG_CHECK(starts_with(s, sp, n, 1, "1. Syrian Archive"));
    RG_CHECK(starts_with(s, sp, n, 2, "2. Women Now"));
    RG_CHECK(starts_with(s, sp, n, 3, "a sentence that runs\non"));
    RG_CHECK(starts_with(s, sp, n, 5, "Next"));
    free(sp);
}

static void test_empty_and_long(void)
{
    uint32_t(*sp)[2];
    RG_CHECK(rg_sentence_split("", 0, rg_gaz_builtin(), &sp) == 0);
    free(sp);
    size_t len = 20000;
    char *s = malloc(len + 1);
    for (size_t i = 0; i < len; i += 2)
        s[i] = 'w', s[i + 1] = ' ';
    s[len] = 0;
    size_t n = rg_sentence_split(s, len, rg_gaz_builtin(), &sp);
    RG_CHECK(n >= len / 2 / RG_SENTENCE_MAX); /* cut, never one giant sentence */
    free(sp);
    free(s);
}

int main(void)
{
    test_abbrev();
    test_lines();
    test_empty_and_long();
    return rg_test_done();
}
