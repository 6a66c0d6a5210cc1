/* Orthographic matcher: short forms, acronyms, nominals, vetoes. */
#include <stdlib.h>
#include <string.h>

#include "extract/rg_ortho.h"
#include "extract/rg_pipeline.h"
#include "rg_test.h"

static rg_extraction x;

static void run(const char *text)
{
    rg_extraction_free(&x);
    rg_extraction_init(&x);
    rg_pipeline_run(NULL, text, strlen(text), &x, NULL);
}

/* Entity name of the n-th (0-based) mention whose surface is s, or NULL. */
static const char *entity_of(const char *s, int nth)
{
    for (size_t i = 0; i < x.nmentions; i++) {
        const rg_xmention *m = &x.mentions[i];
        if (m->end - m->begin == strlen(s) && memcmp(x.text + m->begin, s, strlen(s)) == 0 &&
            nth-- == 0)
            return m->entity == RG_NONE ? NULL : x.entities[m->entity].name;
    }
    return NULL;
}

static void test_person_parts(void)
{
    run("Assistant Secretary-General Quentin Petrov arrived. ASG Petrov met officials. "
        "Petrov said it went well.");
    RG_CHECK_STR(entity_of("Quentin Petrov", 0), "Quentin Petrov");
    RG_CHECK_STR(entity_of("ASG Petrov", 0), "Quentin Petrov"); /* title + surname */
    RG_CHECK_STR(entity_of("Petrov", 0), "Quentin Petrov");
    RG_CHECK(x.nentities == 1);
    /* veto: two persons share the surname, the short form stays unresolved */
    run("Yasser Haddad and Omar Haddad spoke. Haddad left.");
    RG_CHECK(entity_of("Haddad", 0) == NULL);
}

static void test_acronyms_nominals(void)
{
    run("The International Verification Mechanism was created in 2016. The IVM collects "
        "evidence. The Mechanism reports to the UN General Assembly.");
    const char *full = "International Verification Mechanism";
    RG_CHECK_STR(entity_of("The International Verification Mechanism", 0), full);
    RG_CHECK_STR(entity_of("The IVM", 0), full);
    RG_CHECK_STR(entity_of("The Mechanism", 0), full);
    RG_CHECK_STR(entity_of("the UN General Assembly", 0), "UN General Assembly");
}

static void test_org_short(void)
{
    run("The Syrian National Coalition met envoys. Later the Syrian Coalition issued a "
        "statement, and the coalition said more.");
    RG_CHECK_STR(entity_of("the Syrian Coalition", 0), "Syrian National Coalition");
    RG_CHECK_STR(entity_of("the coalition", 0), "Syrian National Coalition");
    run("The Syrian Network for Peace and the Syrian Observatory for Peace met.");
    RG_CHECK(x.nentities == 2);
}

static void test_roles(void)
{
    run("Foreign Secretary Zack Hollow visited. The Foreign Secretary said he was pleased.");
    RG_CHECK_STR(entity_of("The Foreign Secretary", 0), "Zack Hollow");
    run("Mosul was retaken. Families returned to the city.");
    RG_CHECK_STR(entity_of("the city", 0), "Mosul");
    run("Families returned to the city.");
    RG_CHECK(x.nentities == 0); /* nominal mentions only (test_coref.c), no entity */
}

static void test_key(void)
{
    char buf[64];
    rg_ortho_key("The  International,\nImpartial", 29, buf, sizeof buf);
    RG_CHECK_STR(buf, "international impartial");
}

int main(void)
{
    test_person_parts();
    test_acronyms_nominals();
    test_org_short();
    test_roles();
    test_key();
    rg_extraction_free(&x);
    return rg_test_done();
}
