/* rg_events: one node per real-world event across documents.
 *
 * Each document's extractor creates its own event nodes (rg_relate.h). Two
 * documents often report the same meeting or agreement; once actors are
 * resolved, rg_events_merge() merges event nodes that have the same
 * event_type, compatible dates (equal, or one a prefix of the other such as
 * 2025-04 and 2025-04-16, or one unknown) and overlapping participants (they
 * share at least two actors and half of the smaller participant set;
 * one-participant events only on the same known day). Candidate pairs come from a participant
 * index, so the cost grows with the number of participant edges, not with the square of the number
 * of events.
 *
 * It then gives every event a readable, deterministic label and id from its
 * kind, date and participants: "Meeting 2025-04-16: Asaad al-Shibani, Robert
 * Petit". Places never count as participants.
 */
#ifndef RG_EVENTS_H
#define RG_EVENTS_H

#include "rg_graph.h"

/* Returns the number of event nodes merged away. */
size_t rg_events_merge(rg_graph *g);

/* One relation reported by two documents, one of which gives no date
 * ("X met Y" next to "on 16 April X met Y"), arrives as two edges: an
 * undated one and a dated one. rg_edges_fold_undated() folds each undated
 * edge into its dated sibling (same source, target, type and role) when
 * there is exactly one such date; with two or more dates (a post held in
 * 2011 and in 2016) the undated edge stays apart, as it cannot be placed.
 * Evidence and weights add up. Returns the number of edges folded away. */
size_t rg_edges_fold_undated(rg_graph *g);

#endif
