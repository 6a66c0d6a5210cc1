/* rg_resolve: entity resolution across documents.
 *
 * Documents name one actor in many ways ("IIIM", "International, Impartial
 * and Independent Mechanism"; "Asaad al-Shibani", "Asaad Al Shaibani";
 * "Syria", "the Syrian Arab Republic"). After all inputs are imported, the
 * graph holds one node per (document-level) entity; rg_resolve_graph()
 * clusters the nodes that name the same actor and contracts each cluster
 * into one node, keeping every surface form as an alias with its count and
 * every mention's provenance.
 *
 * Two layers:
 *
 * (a) Name keys and comparisons (rg_name_*). Pure functions on one or two
 *     names, also used by the in-document matcher of the extractor:
 *     fingerprints (case, accent and punctuation folding; titles, particles,
 *     "the" and stop words dropped; transliteration skeletons for person
 *     names; sorted tokens for organisations; ISO 3166-1 codes for
 *     countries), acronyms, and a bounded edit distance. Their data (stop
 *     words, titles, particles, transliteration rules, company designators,
 *     country names) are files under data/resolve/, compiled in.
 *
 * (b) The resolver. Candidate pairs come only from blocking keys (equal
 *     fingerprints, acronyms, token-deletion neighbourhoods, first + last
 *     token, surname): sorting (key, node) records keeps it O(M log M) in the
 *     number of keys, never all pairs. Rules and vetoes are documented in
 *     docs/RESOLUTION.md. The result does not depend on input order: nodes
 *     are ranked by id, every decision of a stage is taken on the clusters as
 *     they were when the stage began, and unions are applied in rank order.
 *
 * Ownership: functions returning char * hand ownership to the caller.
 */
#ifndef RG_RESOLVE_H
#define RG_RESOLVE_H

#include "rg_graph.h"

/* ---- (a) names ---------------------------------------------------------- */

/* Fingerprint of a name for its node type; equal keys = same name.
 *   person:       titles, particles dropped; "Last, First" reordered;
 *                 tokens reduced to transliteration skeletons, in order
 *                 ("Asaad Al Shaibani" -> "asad shibani")
 *   organisation,
 *   institution:  "the", stop words and trailing company designators dropped,
 *                 spelling variants unified, tokens sorted and deduplicated
 *                 ("Association of Caesar Families" -> "association caesar
 *                 families")
 *   place:        "iso:SY" for any name of a country (ISO 3166-1 names,
 *                 codes when written in capitals, data/resolve/countries*);
 *                 else the folded name without a leading "the"
 *   event:        the folded name
 * Returns "" when nothing is left (e.g. a bare title). */
char *rg_name_key(rg_node_type type, const char *name);

/* Person name parts on the skeleton level; NULL when the name has no such
 * part. given = first token, surname = last token; a one-token name has a
 * surname and no given name. */
char *rg_name_surname(const char *person_name);
char *rg_name_given(const char *person_name);

/* If `name` is written as an acronym ("IIIM", "U.N.", "the ICC"), returns
 * it lower-cased without dots ("iiim"); else NULL. */
char *rg_name_as_acronym(const char *name);

/* Acronyms an organisation name can be abbreviated to: initials of its
 * words without stop words, and with them ("Syrian Network for Human
 * Rights" -> "snhr", "snfhr"). A trailing "(ACRONYM)" is returned too.
 * Fills out[0..2], returns how many (0 for names of one word). */
size_t rg_name_acronyms(const char *name, char *out[3]);

/* True when `acronym` (any case, dots allowed) abbreviates `expansion`. */
bool rg_name_acronym_of(const char *acronym, const char *expansion);

/* ISO 3166-1 alpha-2 code of a country name ("the Syrian Arab Republic" ->
 * "SY"), or NULL. Returns a static string. */
const char *rg_name_country(const char *name);

/* Optimal-string-alignment distance (Levenshtein plus adjacent
 * transpositions) between two UTF-8 strings, counted in code points; returns
 * max + 1 as soon as the distance exceeds max. O(len * (2 max + 1)). */
int rg_edit_distance(const char *a, const char *b, int max);

/* The pairwise form of the resolver's rules, for two names of one type
 * within one context (e.g. one document): same key, acronym of, a typo in
 * one token of a long organisation name, short organisation form with the
 * same first and last words, person surname / initial + surname / given +
 * surname with extra middle names. Unlike the resolver it cannot check that
 * a short form is unambiguous: callers must (GATE-style: a short name that
 * matches two different full names binds to neither). */
bool rg_name_match(rg_node_type type, const char *a, const char *b);

/* ---- analyst's alias file ------------------------------------------------ */

/* Parsed --aliases file (format in docs/RESOLUTION.md):
 *     # comment
 *     same: NAME = NAME [= NAME]...          forced merge, first name = label
 *     same person: NAME = NAME               ... only nodes of that type
 *     never: NAME != NAME                    these must never share a node
 *     never organisation: NAME != NAME
 * Names match a node's id, label or any alias, after folding. */
typedef struct rg_aliases rg_aliases;

rg_status rg_aliases_load(const char *path, rg_aliases **out, rg_error *err);
/* `path` only names the source in messages. */
rg_status rg_aliases_parse(const char *path, const char *data, size_t len, rg_aliases **out,
                           rg_error *err);
void rg_aliases_free(rg_aliases *a);

/* ---- (b) the resolver --------------------------------------------------- */

/* Rules that merged clusters, for reports and tests. */
typedef enum {
    RG_RULE_FORCED,  /* same: line of the alias file */
    RG_RULE_KEY,     /* equal fingerprints */
    RG_RULE_TYPO,    /* one token one edit apart in a long organisation name */
    RG_RULE_ACRONYM, /* acronym and its unique expansion */
    RG_RULE_SHORT,   /* organisation short form (first and last words) */
    RG_RULE_MIDDLE,  /* person with and without middle names */
    RG_RULE_INITIAL, /* person initial + surname */
    RG_RULE_SURNAME, /* bare surname with its unique full name */
    RG_RULE_N
} rg_resolve_rule;

typedef struct rg_resolve_stats {
    size_t nodes_before, nodes_after;
    size_t merges[RG_RULE_N]; /* unions made by each rule */
    size_t vetoed;            /* unions refused by a never: line */
    size_t ambiguous;         /* short forms left alone: several candidates */
} rg_resolve_stats;

typedef struct rg_resolve_opts {
    const char *aliases_path;  /* --aliases FILE, or NULL */
    const rg_aliases *aliases; /* already loaded (wins over aliases_path) */
    bool no_typos;             /* switch the edit-distance rule off */
    rg_resolve_stats *stats;   /* filled when non-NULL */
} rg_resolve_opts;

/* Clusters and contracts g's nodes as described above; merged nodes get the
 * canonical label (the fullest well-formed name) and id
 * rg_node_make_id(type, label), made unique with "-2", "-3"... Nodes left
 * alone keep their id. Implicit nodes and events are never merged by rule.
 * opts may be NULL. Errors: an unreadable or malformed alias file, a same:
 * line that contradicts a never: line (messages name file:line). On error g
 * is unchanged. */
rg_status rg_resolve_graph(rg_graph *g, const rg_resolve_opts *opts, rg_error *err);

#endif
