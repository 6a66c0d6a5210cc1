/* Gazetteer: folding, prefixes, categories, lexicon files, built-in data. */
#include <stdlib.h>
#include <string.h>

#include "extract/rg_gazetteer.h"
#include "rg_test.h"

static void test_add_lookup(void)
{
    rg_gazetteer *g = rg_gaz_new();
    rg_gaz_add(g, "Ministry of Foreign Affairs", 27, RG_GAZ_INST);
    rg_gaz_add(g, "Élysée", strlen("Élysée"), RG_GAZ_INST);
    RG_CHECK(rg_gaz_lookup_phrase(g, "ministry  of FOREIGN affairs") & RG_GAZ_INST);
    RG_CHECK(rg_gaz_lookup_phrase(g, "ministry of") == RG_GAZ_PREFIX);
    RG_CHECK(rg_gaz_lookup_phrase(g, "ministry of defence") == 0);
    RG_CHECK(rg_gaz_lookup_phrase(g, "Elysee") & RG_GAZ_INST);
    RG_CHECK(g->max_tokens == 4);
    for (int i = 0; i < 5000; i++) { /* growth keeps every key */
        char k[32];
        snprintf(k, sizeof k, "name%d", i);
        rg_gaz_add(g, k, strlen(k), RG_GAZ_ORG);
    }
    RG_CHECK(rg_gaz_lookup_phrase(g, "name4999") & RG_GAZ_ORG);
    RG_CHECK(rg_gaz_lookup_phrase(g, "Ministry of Foreign Affairs") & RG_GAZ_INST);
    rg_gaz_free(g);
}

static void test_load(void)
{
    rg_gazetteer *g = rg_gaz_new();
    rg_error err = {0};
    const char *lex = "# comment\n\nBaytna Syria\torganisation\nKesh Malek\r\nJordan\tperson\n";
    RG_CHECK(rg_gaz_load(g, lex, strlen(lex), RG_GAZ_ORG, "t.txt", &err) == RG_OK);
    RG_CHECK(rg_gaz_lookup_phrase(g, "Baytna Syria") & RG_GAZ_ORG);
    RG_CHECK(rg_gaz_lookup_phrase(g, "kesh malek") & RG_GAZ_ORG);
    RG_CHECK(rg_gaz_lookup_phrase(g, "Jordan") & RG_GAZ_PERSON);
    const char *bad = "X\torganisation\nY\tnonsense\n";
    RG_CHECK(rg_gaz_load(g, bad, strlen(bad), 0, "bad.txt", &err) == RG_EINPUT);
    RG_CHECK(strstr(err.msg, "bad.txt:2") != NULL);
    const char *untyped = "Z\n";
    RG_CHECK(rg_gaz_load(g, untyped, 2, 0, "u.txt", &err) == RG_EINPUT);
    rg_gaz_free(g);
}

static void test_builtin(void)
{
    const rg_gazetteer *g = rg_gaz_builtin();
    RG_CHECK(rg_gaz_lookup_phrase(g, "Syria") & RG_GAZ_COUNTRY);
    RG_CHECK(rg_gaz_lookup_phrase(g, "Syrian Arab Republic") & RG_GAZ_PLACE);
    RG_CHECK(rg_gaz_lookup_phrase(g, "Netherlands") & RG_GAZ_PLACE);
    RG_CHECK(rg_gaz_lookup_phrase(g, "Syrian") & RG_GAZ_DEMONYM);
    RG_CHECK(rg_gaz_lookup_phrase(g, "Foreign Minister") & RG_GAZ_TITLE);
    RG_CHECK(rg_gaz_lookup_phrase(g, "Assistant Secretary-General") & RG_GAZ_TITLE);
    RG_CHECK(rg_gaz_lookup_phrase(g, "Maj. Gen.") & RG_GAZ_TITLE);
    RG_CHECK(rg_gaz_lookup_phrase(g, "ministry") & RG_GAZ_INST_HEAD);
    RG_CHECK(rg_gaz_lookup_phrase(g, "network") & RG_GAZ_ORG_HEAD);
    RG_CHECK(rg_gaz_lookup_phrase(g, "Asaad") & RG_GAZ_GIVEN);
    RG_CHECK(rg_gaz_lookup_phrase(g, "bin") & RG_GAZ_PARTICLE);
    RG_CHECK(rg_gaz_lookup_phrase(g, "during") & RG_GAZ_COMMON);
    RG_CHECK(rg_gaz_lookup_phrase(g, "March") & RG_GAZ_STOP);
    RG_CHECK(rg_gaz_lookup_phrase(g, "UN") & RG_GAZ_INST);
    RG_CHECK(rg_gaz_lookup_phrase(g, "the regime") & RG_GAZ_NOMINAL_ORG);
    RG_CHECK(rg_gaz_lookup_phrase(g, "Gen") & RG_GAZ_ABBREV);
    /* a user lexicon extends a copy, never the shared table */
    rg_gazetteer *c = rg_gaz_clone(g);
    rg_gaz_add(c, "Kesh Malek", 10, RG_GAZ_ORG);
    RG_CHECK(rg_gaz_lookup_phrase(c, "Kesh Malek") & RG_GAZ_ORG);
    RG_CHECK(rg_gaz_lookup_phrase(c, "Syria") & RG_GAZ_COUNTRY);
    RG_CHECK(!(rg_gaz_lookup_phrase(g, "Kesh Malek") & RG_GAZ_ORG));
    rg_gaz_free(c);
}

int main(void)
{
    test_add_lookup();
    test_load();
    test_builtin();
    return rg_test_done();
}
