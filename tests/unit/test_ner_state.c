/* Countries acting as states (ner.c state_actors, docs/EXTRACTION.md): a
 * country stays a place after a location preposition or as a possessive,
 * and becomes an institution as the premodifier of a body or of what a
 * state does, or as the subject of a state verb. */
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

/* Type of the n-th mention whose surface is exactly s, or -1. */
static int type_of(const char *s, int nth)
{
    for (size_t i = 0; i < x.nmentions; i++) {
        const rg_xmention *m = &x.mentions[i];
        if (m->end - m->begin == strlen(s) && memcmp(x.text + m->begin, s, strlen(s)) == 0 &&
            nth-- == 0)
            return (int)m->type;
    }
    return -1;
}

static void test_premodifier(void)
{
    run("Two U.S. airstrikes hit a depot near the border.");
    RG_CHECK(type_of("U.S.", 0) == RG_MENTION_INSTITUTION);
    run("The convoy was stopped by U.S. Marines at dawn.");
    RG_CHECK(type_of("U.S.", 0) == RG_MENTION_INSTITUTION);
    run("She spoke to UK officials on Friday.");
    RG_CHECK(type_of("UK", 0) == RG_MENTION_INSTITUTION);
    /* a premodifier of a thing that is no actor stays a place */
    run("Delegates discussed the Syria crisis for hours.");
    RG_CHECK(type_of("Syria", 0) == RG_MENTION_PLACE);
}

static void test_place(void)
{
    run("Aid workers travelled across Syria and into Iraq last week.");
    RG_CHECK(type_of("Syria", 0) == RG_MENTION_PLACE);
    RG_CHECK(type_of("Iraq", 0) == RG_MENTION_PLACE);
    run("Flooding damaged Iraq's roads.");
    RG_CHECK(type_of("Iraq", 0) == RG_MENTION_PLACE);
    /* "in France will" is where, not who */
    run("Talks in France will resume.");
    RG_CHECK(type_of("France", 0) == RG_MENTION_PLACE);
}

static void test_subject(void)
{
    run("The UK remains committed to the talks.");
    RG_CHECK(type_of("The UK", 0) == RG_MENTION_INSTITUTION); /* the article joins the body */
    run("Yesterday France and Russia agreed on a truce.");
    RG_CHECK(type_of("Russia", 0) == RG_MENTION_INSTITUTION);
    /* the object of a preposition is no subject */
    run("The envoy for Syria said nothing.");
    RG_CHECK(type_of("Syria", 0) == RG_MENTION_PLACE);
}

int main(void)
{
    test_premodifier();
    test_place();
    test_subject();
    rg_extraction_free(&x);
    return rg_test_done();
}
