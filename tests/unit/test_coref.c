/* Pronominal coreference (rg_coref.h): pronoun mentions, their type and
 * antecedent, and that they never become nodes or aliases. */
#include <stdlib.h>
#include <string.h>

#include "extract/rg_pipeline.h"
#include "rg_test.h"

static rg_extraction x;

static void run(const char *text)
{
    rg_extraction_free(&x);
    rg_extraction_init(&x);
    rg_pipeline_run(NULL, text, strlen(text), &x, NULL);
}

/* The n-th (0-based) pronoun mention whose surface is s, or NULL. */
static const rg_xmention *pronoun(const char *s, int nth)
{
    for (size_t i = 0; i < x.nmentions; i++) {
        const rg_xmention *m = &x.mentions[i];
        if (!(m->flags & RG_XM_PRONOUN)) continue;
        if (m->end - m->begin == strlen(s) && memcmp(x.text + m->begin, s, strlen(s)) == 0 &&
            nth-- == 0)
            return m;
    }
    return NULL;
}

static const char *antecedent(const rg_xmention *m)
{
    return m && m->entity != RG_NONE ? x.entities[m->entity].name : NULL;
}

static bool sorted(void)
{
    for (size_t i = 1; i < x.nmentions; i++)
        if (x.mentions[i].begin < x.mentions[i - 1].begin) return false;
    return true;
}

static void test_person(void)
{
    run("Quentin Petrov arrived in Vienna on Monday. He met the delegates. "
        "Later he left for Rome with her.");
    const rg_xmention *he = pronoun("He", 0);
    RG_CHECK(he && he->type == RG_MENTION_PERSON);
    RG_CHECK_STR(antecedent(he), "Quentin Petrov");
    RG_CHECK_STR(antecedent(pronoun("he", 0)), "Quentin Petrov");
    RG_CHECK(pronoun("her", 0) && pronoun("her", 0)->type == RG_MENTION_PERSON);
    RG_CHECK(sorted());
    /* no person before: a person mention without antecedent */
    run("He arrived late.");
    he = pronoun("He", 0);
    RG_CHECK(he && he->type == RG_MENTION_PERSON && he->entity == RG_NONE);
}

static void test_speaker(void)
{
    /* "I" in a quote is its speaker, named after the quote */
    run("Vienna is cold. \"I am glad to be here,\" said Marta Lindqvist.");
    const rg_xmention *i = pronoun("I", 0);
    RG_CHECK(i && i->type == RG_MENTION_PERSON);
    RG_CHECK_STR(antecedent(i), "Marta Lindqvist");
    /* a roman numeral is no pronoun */
    run("The Treaty entered Phase I after the war.");
    RG_CHECK(pronoun("I", 0) == NULL);
}

static void test_organisation(void)
{
    /* a quoted "we": the body named next to the speaker */
    run("Vienna is cold. Marta Lindqvist, director of the Northern Relief Association, said: "
        "\"We will stay as long as our help is needed.\"");
    const rg_xmention *we = pronoun("We", 0);
    RG_CHECK(we && we->type == RG_MENTION_ORGANISATION);
    RG_CHECK_STR(antecedent(we), "Northern Relief Association");
    /* an unquoted "we": the institution the document names most */
    run("The Ministry of Harbours published a plan. The Ministry of Harbours expects that we "
        "will finish in May.");
    RG_CHECK_STR(antecedent(pronoun("we", 0)), "Ministry of Harbours");
    run("Marta Lindqvist, director of the Northern Relief Association, said: \"We will stay "
        "as long as our help is needed.\"");
    RG_CHECK(pronoun("our", 0) != NULL);
    run("The Lakeside Workers Union met the Harbour Authority. They agreed to talk again.");
    const rg_xmention *they = pronoun("They", 0);
    RG_CHECK(they &&
             (they->type == RG_MENTION_INSTITUTION || they->type == RG_MENTION_ORGANISATION));
    RG_CHECK(antecedent(they) != NULL);
    /* all-capital "US" and "IT" are no pronouns; "it" and "their" are not resolved */
    run("The US sent IT experts. It was their choice.");
    RG_CHECK(pronoun("US", 0) == NULL && pronoun("IT", 0) == NULL);
    RG_CHECK(pronoun("It", 0) == NULL && pronoun("their", 0) == NULL);
}

/* Pronouns make no node and no alias; relations may use them. */
static void test_graph(void)
{
    run("Quentin Petrov arrived in Vienna. He met Marta Lindqvist.");
    size_t entities = x.nentities;
    RG_CHECK(pronoun("He", 0) != NULL);
    rg_graph gr, *g = &gr;
    rg_graph_init(g);
    rg_error err = {0};
    x.doc.id = strdup("d1");
    RG_CHECK(rg_graph_add_extraction(g, &x, &err) == RG_OK);
    size_t people = 0;
    bool alias_he = false;
    for (size_t i = 0; i < g->nnodes; i++) {
        if (g->nodes[i].type == RG_NODE_PERSON) people++;
        for (size_t a = 0; a < g->nodes[i].naliases; a++)
            if (strcmp(g->nodes[i].aliases[a].name, "He") == 0) alias_he = true;
    }
    RG_CHECK(people == 2);
    RG_CHECK(!alias_he);
    RG_CHECK(entities == x.nentities);
    rg_graph_free(g);
}

/* The n-th nominal mention whose surface is s, or NULL. */
static const rg_xmention *nominal(const char *s)
{
    for (size_t i = 0; i < x.nmentions; i++) {
        const rg_xmention *m = &x.mentions[i];
        if ((m->flags & RG_XM_NOMINAL) && m->end - m->begin == strlen(s) &&
            memcmp(x.text + m->begin, s, strlen(s)) == 0)
            return m;
    }
    return NULL;
}

static void test_nominals(void)
{
    run("Aircraft destroyed an ZORBA-held warehouse and three supply routes near the river. "
        "Hundreds of civilians fled while Syrians waited at the border.");
    const rg_xmention *m = nominal("an ZORBA-held warehouse");
    RG_CHECK(m && m->type == RG_MENTION_PLACE && m->entity == RG_NONE);
    m = nominal("three supply routes");
    RG_CHECK(m && m->type == RG_MENTION_PLACE);
    m = nominal("civilians");
    RG_CHECK(m && m->type == RG_MENTION_ORGANISATION);
    m = nominal("Syrians");
    RG_CHECK(m && m->type == RG_MENTION_ORGANISATION);
    RG_CHECK(nominal("the border") != NULL);
    RG_CHECK(sorted());
    /* a nominal inside a name is no nominal of its own; nominals make no entity */
    size_t before = x.nentities;
    run("The Northern Relief Association thanked its volunteers.");
    RG_CHECK(nominal("Association") == NULL);
    RG_CHECK(nominal("its volunteers") != NULL);
    for (size_t i = 0; i < x.nmentions; i++)
        if (x.mentions[i].flags & RG_XM_NOMINAL) RG_CHECK(x.mentions[i].entity == RG_NONE);
    (void)before;
    /* determiner chains, adjectives by their ending, one phrase at a time;
     * a pronoun inside a nominal is no mention of its own */
    run("We thank our partners, and the two leaders met international partners.");
    RG_CHECK(nominal("our partners") != NULL && pronoun("our", 0) == NULL);
    RG_CHECK(nominal("the two leaders") != NULL);
    RG_CHECK(nominal("international partners") != NULL);
    RG_CHECK(sorted());
}

int main(void)
{
    test_nominals();
    test_person();
    test_speaker();
    test_organisation();
    test_graph();
    rg_extraction_free(&x);
    return rg_test_done();
}
