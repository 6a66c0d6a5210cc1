/* rg_relate: relations and events from one document's extraction result.
 *
 * Runs after entity extraction: reads the text, sentences and actor mentions
 * of an rg_extraction and appends relations (rg_xrelation, evidence = the
 * sentence) and event entities to it. Arguments come from the sentence's
 * surface structure between two actor mentions: appositions ("X, the head of
 * Y"), titles ("the head of Y, X"; "Y director X"), verbs with their subject
 * on the left and object on the right ("X met Y", "X received Y", "X signed a
 * protocol with Y"), prepositions ("arrest warrants against X, Y and Z",
 * "established by Y") and parenthesised aliases ("Y (YY)"). Cue phrases live
 * in data/relate/cues.txt.
 *
 * Events become entities of type event with attributes event_type (meeting,
 * agreement, statement, legal_action, establishment), date (ISO 8601 when
 * known: a date mention in the sentence, else the document date) and are
 * linked by participant_in relations carrying a role (host, visitor,
 * attendee, signatory, issuer, target, founder, subject).
 *
 * Nominal mentions and pronouns without antecedent (RG_XM_NOMINAL,
 * RG_XM_PRONOUN with entity RG_NONE) argue too, in a second pass: such a
 * relation has RG_NONE as that side's entity and only its mention index, so
 * it is reported by span (relgraph mentions) and makes no graph edge.
 *
 * Actor-to-actor relations: head_of, official_of, member_of, represents,
 * part_of, communicated_with, cooperates_with, allied_with,
 * fighting_against, same_as; and with opts->co_mentions, co_mentioned between
 * every pair of actors in a sentence.
 */
#ifndef RG_RELATE_H
#define RG_RELATE_H

#include "rg_extract.h"

typedef struct rg_relate_opts {
    bool co_mentions;
} rg_relate_opts;

/* Appends relations and events to x. Thread-safe: shared data (the cue
 * table) is loaded once. */
void rg_relate_document(rg_extraction *x, const rg_relate_opts *opts);

#endif
