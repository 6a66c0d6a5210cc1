/* rg_extract: the plain result of processing one document, and how it is
 * merged into a graph.
 *
 * A document importer + extraction pipeline turns one document into an
 * rg_extraction without touching any shared state, so documents can be
 * processed independently (in parallel, or sharded across machines) and the
 * results merged afterwards, in a fixed order, with rg_graph_add_extraction().
 *
 * Within one document, mentions that refer to the same actor are grouped into
 * one rg_xentity (in-document coreference: "Robert Petit", "ASG Petit",
 * "Petit"). Cross-document resolution happens later, on the graph
 * (see rg_resolve.h).
 *
 * Ownership: an rg_extraction owns all its arrays and strings;
 * rg_extraction_free() releases them. `text` is the document's normalised
 * UTF-8 text; every offset in the result is a byte offset into it.
 */
#ifndef RG_EXTRACT_H
#define RG_EXTRACT_H

#include "rg_graph.h"

/* Mention types: the graph's node types plus dates (which are not nodes). */
typedef enum {
    RG_MENTION_PERSON = RG_NODE_PERSON,
    RG_MENTION_ORGANISATION = RG_NODE_ORGANISATION,
    RG_MENTION_INSTITUTION = RG_NODE_INSTITUTION,
    RG_MENTION_PLACE = RG_NODE_PLACE,
    RG_MENTION_EVENT = RG_NODE_EVENT,
    RG_MENTION_DATE,
} rg_mention_type;

const char *rg_mention_type_name(rg_mention_type t);

typedef struct rg_xsentence {
    uint32_t begin, end;
} rg_xsentence;

/* An actor or event of this document. */
typedef struct rg_xentity {
    rg_node_type type;
    char *name; /* the fullest well-formed name seen in the document */
    rg_attrs attrs; /* events: "event_type", "date", "place"; anything else */
} rg_xentity;

/* rg_xmention.flags */
enum {
    /* A pronoun ("he", "we", "their") standing for the actor `entity`, found
     * by pronominal coreference (importers/extract/rg_coref.h); entity is
     * RG_NONE when no antecedent was found. Such a mention never makes a
     * node nor an alias: rg_graph_add_extraction() skips it, while the
     * relation rules may use it as a mention of its antecedent. */
    RG_XM_PRONOUN = 1,
    /* A common-noun phrase standing for an actor or place it does not name
     * ("the civilians", "an ISIL fighting position"); entity is RG_NONE
     * (rg_coref.h). */
    RG_XM_NOMINAL = 2,
};

typedef struct rg_xmention {
    rg_mention_type type;
    uint32_t begin, end; /* byte span of the surface text */
    uint32_t sentence;   /* index into sentences */
    uint32_t entity;     /* index into entities; RG_NONE for dates and unresolved pronouns */
    char *value;         /* dates: ISO 8601 value when resolved; else NULL */
    uint32_t flags;      /* RG_XM_* */
} rg_xmention;

typedef struct rg_xrelation {
    char *type;      /* edge type, see rg_graph.h */
    char *role;      /* participant_in roles; else NULL */
    char *date;      /* ISO 8601 or NULL */
    uint32_t source, target;                 /* entity indices */
    uint32_t source_mention, target_mention; /* mention indices (RG_NONE when implied) */
    uint32_t sentence;                       /* the evidence */
} rg_xrelation;

typedef struct rg_extraction {
    rg_document doc;
    char *text;
    size_t len;
    rg_xsentence *sentences;
    size_t nsentences, cap_sentences;
    rg_xentity *entities;
    size_t nentities, cap_entities;
    rg_xmention *mentions;
    size_t nmentions, cap_mentions;
    rg_xrelation *relations;
    size_t nrelations, cap_relations;
} rg_extraction;

void rg_extraction_init(rg_extraction *x);
void rg_extraction_free(rg_extraction *x);

/* Appenders; strings are copied. Return the new element's index. */
uint32_t rg_extraction_add_sentence(rg_extraction *x, uint32_t begin, uint32_t end);
uint32_t rg_extraction_add_entity(rg_extraction *x, rg_node_type type, const char *name);
uint32_t rg_extraction_add_mention(rg_extraction *x, rg_mention_type type, uint32_t begin,
                                   uint32_t end, uint32_t sentence, uint32_t entity);
uint32_t rg_extraction_add_relation(rg_extraction *x, const char *type, const char *role,
                                    uint32_t source, uint32_t target, uint32_t sentence);

/* Adds the document, one node per entity (id from type and name, so equal
 * names across documents meet), aliases and mentions with their spans
 * (pronoun mentions excepted: a pronoun is no name of its node), and
 * one edge per relation with its sentence as evidence. */
rg_status rg_graph_add_extraction(rg_graph *g, const rg_extraction *x, rg_error *err);

#endif
