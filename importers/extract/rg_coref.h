/* rg_coref: pronominal coreference, after GATE ANNIE's pronominal
 * coreference module (ANCHORS.md). Runs after rg_ortho, over the named
 * mentions of one document, and adds pronoun mentions linked to the entity
 * they stand for:
 *
 *  - he, him, she, her, himself, herself: the nearest person named
 *    before, within three sentences;
 *  - I, me, my, myself: the speaker of the quote (a person in the same
 *    sentence), else the nearest person named before;
 *  - we, our, ourselves: an organisation: in a quote, the organisation or
 *    institution named closest to the quote's speaker ("X, commander of
 *    Y, said: 'We ...'"); else the institution the document names most
 *    (the voice of a press release), else unresolved;
 *  - they, them: the nearest organisation or institution named before,
 *    within two sentences.
 * "his", "its", "their", "us" and "it" are not resolved: on re3d-dev they
 * stand for an actor too rarely (precision under 0.3).
 *
 * A pronoun mention has flag RG_XM_PRONOUN, the type of its class (person or
 * organisation; the antecedent's type when there is one) and entity RG_NONE
 * when no antecedent qualifies. Pronouns never create entities, so they make
 * no graph nodes; the relation rules see a resolved pronoun as a mention of
 * its antecedent.
 */
#ifndef RG_COREF_H
#define RG_COREF_H

#include "rg_extract.h"
#include "rg_gazetteer.h"

/* Adds pronoun mentions to x, whose mentions must be sorted by begin (and
 * stay so). remap, when not NULL, has one slot per mention present on entry
 * and receives each one's new index. Returns the number of pronouns added. */
size_t rg_coref_pronouns(rg_extraction *x, uint32_t *remap);

/* Nominal mentions: common-noun phrases that stand for an actor or a place
 * without naming it ("an ISIL fighting position", "three supply caches",
 * "the civilians", "Syrians", "a senior commander"). A head noun from
 * data/lexicon/nominal-heads.txt gives the type (groups of people are
 * organisations, facilities and areas places, roles persons); the phrase
 * runs back over capitalised or hyphenated premodifiers and, when a
 * determiner or number opens it, over the words between. A capitalised
 * demonym plural ("Syrians") is a group too. Words inside a named mention
 * are skipped. Each phrase is a mention with flag RG_XM_NOMINAL and entity
 * RG_NONE: it refers to no named actor, so it makes no node and the
 * relation rules skip it. Same contract as rg_coref_pronouns; gaz NULL =
 * the built-in gazetteer (for demonyms). */
size_t rg_coref_nominals(rg_extraction *x, const rg_gazetteer *gaz, uint32_t *remap);

#endif
