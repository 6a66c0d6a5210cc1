/* NER rules: one synthetic sentence per rule, with negatives. */
#include <stdlib.h>
#include <string.h>

#include "extract/rg_pipeline.h"
#include "rg_test.h"

static rg_extraction x;
static rg_pipeline_extras ex;

static void run(const char *text)
{
    rg_extraction_free(&x);
    rg_pipeline_extras_free(&ex);
    rg_extraction_init(&x);
    rg_pipeline_run(NULL, text, strlen(text), &x, &ex);
}

/* Type of the mention whose surface is exactly `s`, or -1. */
static int type_of(const char *s)
{
    for (size_t i = 0; i < x.nmentions; i++) {
        const rg_xmention *m = &x.mentions[i];
        if (m->end - m->begin == strlen(s) && memcmp(x.text + m->begin, s, strlen(s)) == 0)
            return (int)m->type;
    }
    return -1;
}

/* Type of `s` or of "the s" (organisations' spans include the article). */
static int type_the(const char *s)
{
    char buf[256];
    snprintf(buf, sizeof buf, "the %s", s);
    int t = type_of(s);
    return t >= 0 ? t : type_of(buf);
}

/* Is any name mention (not a date, not a pronoun: test_coref.c) overlapping
 * the first occurrence of s? */
static int touched(const char *s)
{
    const char *p = strstr(x.text, s);
    if (!p) return 0;
    uint32_t b = (uint32_t)(p - x.text), e = b + (uint32_t)strlen(s);
    for (size_t i = 0; i < x.nmentions; i++)
        if (x.mentions[i].begin < e && b < x.mentions[i].end &&
            x.mentions[i].type != RG_MENTION_DATE && !(x.mentions[i].flags & RG_XM_PRONOUN))
            return 1;
    return 0;
}

static int has_annotation(const char *s)
{
    for (size_t i = 0; i < ex.nanns; i++)
        if (ex.anns[i].end - ex.anns[i].begin == strlen(s) &&
            memcmp(x.text + ex.anns[i].begin, s, strlen(s)) == 0)
            return 1;
    return 0;
}

static void test_connectors(void)
{
    run("Members of the Association of Detainees and the Missing in Sednaya Prison spoke to the "
        "Syrian Center for Media and Freedom of Expression on Monday.");
    RG_CHECK(type_the("Association of Detainees and the Missing in Sednaya Prison") ==
             RG_MENTION_ORGANISATION);
    RG_CHECK(type_the("Syrian Center for Media and Freedom of Expression") ==
             RG_MENTION_ORGANISATION);
    RG_CHECK(!touched("Monday"));
    run("Officials of the Syrian Ministry of Foreign Affairs met France and Germany.");
    RG_CHECK(type_the("Syrian Ministry of Foreign Affairs") == RG_MENTION_INSTITUTION);
    RG_CHECK(type_of("France") == RG_MENTION_PLACE && type_of("Germany") == RG_MENTION_PLACE);
}

static void test_acronym(void)
{
    run("A delegation from the Impartial Documentation Mechanism (IDM) arrived. The IDM said "
        "nothing.");
    RG_CHECK(type_of("IDM") == RG_MENTION_INSTITUTION);
    uint32_t e1 = RG_NONE, e2 = RG_NONE;
    for (size_t i = 0; i < x.nmentions; i++) {
        if (x.mentions[i].end - x.mentions[i].begin == 3)
            e2 = x.mentions[i].entity;
        else
            e1 = x.mentions[i].entity;
    }
    RG_CHECK(e1 != RG_NONE && e1 == e2);
    run("He joined ZORBA last year.");
    RG_CHECK(type_of("ZORBA") == RG_MENTION_ORGANISATION);
    RG_CHECK(!touched("He"));
}

static void test_titles(void)
{
    run("The meeting brought together Syrian Foreign Minister Asaad al-Shibani and Maj. Gen. "
        "Ali Mamlouk.");
    RG_CHECK(type_of("Asaad al-Shibani") == RG_MENTION_PERSON);
    RG_CHECK(type_of("Ali Mamlouk") == RG_MENTION_PERSON);
    RG_CHECK(has_annotation("Syrian Foreign Minister"));
    RG_CHECK(has_annotation("Maj. Gen."));
    RG_CHECK(!touched("Syrian Foreign"));
    run("Zorblat Quenfee, the head of the Northern Water Agency, resigned.");
    RG_CHECK(type_of("Zorblat Quenfee") == RG_MENTION_PERSON);
    RG_CHECK(type_of("the Northern Water Agency") == RG_MENTION_INSTITUTION);
}

static void test_list(void)
{
    run("Signatories\n\n  1. Quorra Relief\n  2. Mena Hope Group\n  3. Zindel\n"
        "\u2022 Vantor Alliance\n- Independent: works without instructions.\n");
    RG_CHECK(type_of("Quorra Relief") == RG_MENTION_ORGANISATION);
    RG_CHECK(type_of("Mena Hope Group") == RG_MENTION_ORGANISATION);
    RG_CHECK(type_of("Zindel") == RG_MENTION_ORGANISATION);
    RG_CHECK(type_of("Vantor Alliance") == RG_MENTION_ORGANISATION);
    RG_CHECK(!touched("Independent"));
    RG_CHECK(!touched("Signatories"));
}

static void test_nominals(void)
{
    run("Rebels attacked the town. The regime and coalition forces answered; the Army waited.");
    RG_CHECK(type_of("The regime") == RG_MENTION_ORGANISATION);
    RG_CHECK(type_of("coalition forces") == RG_MENTION_ORGANISATION);
    RG_CHECK(type_of("the Army") == RG_MENTION_INSTITUTION);
    run("Iraqi forces and the Syrian government met the Assad regime.");
    RG_CHECK(type_of("Iraqi forces") == RG_MENTION_INSTITUTION);
    RG_CHECK(type_of("the Syrian government") == RG_MENTION_INSTITUTION);
    RG_CHECK(type_of("the Assad regime") == RG_MENTION_ORGANISATION);
}

static void test_places(void)
{
    run("Strikes hit targets near Qarzabad and along the Zafra River, south of Mount Kelbo.");
    RG_CHECK(type_of("Qarzabad") == RG_MENTION_PLACE);
    RG_CHECK(type_of("Zafra River") == RG_MENTION_PLACE);
    RG_CHECK(type_of("Mount Kelbo") == RG_MENTION_PLACE);
    run("During March, Damascus and the Netherlands talked.");
    RG_CHECK(type_of("Damascus") == RG_MENTION_PLACE);
    RG_CHECK(type_of("the Netherlands") == RG_MENTION_PLACE); /* the article is part of it */
    RG_CHECK(!touched("During") && !touched("March"));
    run("Fighters crossed the Syria-Iraq border.");
    RG_CHECK(type_of("Syria") == RG_MENTION_PLACE && type_of("Iraq") == RG_MENTION_PLACE);
}

static void test_things_roles(void)
{
    run("During the Gulf War, Operation Quarry Lion and the Caesar Act were debated. "
        "The Foreign Secretary met the Syrian Network for Human Rights in Damascus.");
    RG_CHECK(!touched("Gulf War") && !touched("Quarry Lion") && !touched("Caesar Act"));
    RG_CHECK(type_of("The Foreign Secretary") == RG_MENTION_PERSON); /* an office for its holder */
    RG_CHECK(type_of("the Syrian Network for Human Rights") == RG_MENTION_ORGANISATION);
    RG_CHECK(type_of("Damascus") == RG_MENTION_PLACE);
    run("Forces loyal to Bashar Zarkawi followed Zarkawi\xE2\x80\x99s regime, then the Zorba "
        "regime.");
    RG_CHECK(type_of("Zarkawi\xE2\x80\x99s regime") == RG_MENTION_ORGANISATION);
    RG_CHECK(type_of("the Zorba regime") == RG_MENTION_ORGANISATION);
    RG_CHECK(type_of("Zorba") == RG_MENTION_PERSON); /* nested: the man the regime is named after */
}

static void test_dates(void)
{
    run("The statement of 15 November 2018 was read in Geneva.");
    RG_CHECK(type_of("15 November 2018") == RG_MENTION_DATE);
    int found = 0;
    for (size_t i = 0; i < x.nmentions; i++)
        if (x.mentions[i].type == RG_MENTION_DATE && x.mentions[i].value &&
            strcmp(x.mentions[i].value, "2018-11-15") == 0 && x.mentions[i].entity == RG_NONE)
            found = 1;
    RG_CHECK(found);
    /* relative dates resolve against the document date */
    rg_extraction_free(&x);
    rg_extraction_init(&x);
    x.doc.date = rg_strdup("2025-04-16");
    const char *t = "On Monday the delegation met officials.";
    rg_pipeline_run(NULL, t, strlen(t), &x, NULL);
    size_t dates = 0; /* "officials" is a nominal mention (test_coref.c) */
    for (size_t i = 0; i < x.nmentions; i++)
        if (x.mentions[i].type == RG_MENTION_DATE) {
            dates++;
            RG_CHECK(x.mentions[i].value && strcmp(x.mentions[i].value, "2025-04-14") == 0);
        }
    RG_CHECK(dates == 1);
}

static void test_negatives(void)
{
    run("He said They would go. However, Both sides agreed in May. It was over. "
        "JOINT STATEMENT ON THE CRISIS");
    size_t names = 0;
    for (size_t i = 0; i < x.nmentions; i++)
        names += !(x.mentions[i].flags & RG_XM_PRONOUN);
    RG_CHECK(names == 0);
    run("Yesterday Quentin Zabrowski said the talks failed.");
    RG_CHECK(type_of("Quentin Zabrowski") == RG_MENTION_PERSON);
    RG_CHECK(!touched("Yesterday"));
}

int main(void)
{
    test_connectors();
    test_acronym();
    test_titles();
    test_list();
    test_nominals();
    test_places();
    test_negatives();
    test_things_roles();
    test_dates();
    rg_extraction_free(&x);
    rg_pipeline_extras_free(&ex);
    return rg_test_done();
}
