/* rg_ortho: in-document orthographic coreference, after GATE's
 * orthomatcher (ANCHORS.md). Groups the mentions rg_ner found in one
 * document into entities: every mention of one actor -> one rg_xentity.
 *
 * Rules, each matching a mention backwards to the nearest earlier entity:
 *  - the same folded name (case, accents, "the" ignored);
 *  - an acronym defined in parentheses ("... Mechanism (IIIM)") or equal to
 *    the initials of an organisation's name;
 *  - a nominal mention ("the Mechanism", "the regime", "the Coalition") and
 *    an organisation or institution whose name holds its head noun;
 *  - a single name and the first or last name of a person ("Petit" ->
 *    "Robert Petit", "Farhan" -> "Yasser Al-Farhan"), only when exactly one
 *    person fits (the veto of the orthomatcher);
 *  - organisations with the same first and last words ("Syrian Coalition"
 *    -> "Syrian National Coalition").
 * An untyped name takes the type of the entity it matches; untyped names
 * that match nothing are dropped. Each entity is named by its fullest
 * well-formed mention (the longest non-acronym, non-nominal name).
 */
#ifndef RG_ORTHO_H
#define RG_ORTHO_H

#include "rg_extract.h"
#include "rg_ner.h"

/* Appends the entities to x and sets entity_of[i] for each mention i (an
 * index into x->entities, or RG_NONE when the mention is dropped) and
 * type_of[i] (the entity's type). Mentions must be sorted by begin. */
void rg_ortho_resolve(const char *text, const rg_ner_mention *m, size_t n, rg_extraction *x,
                      uint32_t *entity_of, uint8_t *type_of);

/* Folded key of a name: tokens folded and joined by single spaces, a
 * leading "the" dropped. Writes at most cap-1 bytes; returns the length. */
size_t rg_ortho_key(const char *s, size_t n, char *buf, size_t cap);

#endif
