/* rg_ner: the rule grammar that finds names in a sentence and types them.
 *
 * Input: one sentence's tokens (rg_sentence) over the document text and the
 * gazetteer (rg_gazetteer). Output, appended to the rg_ner state for the
 * whole document: mentions (span, type, the name inside the span) and
 * annotations (titles and roles such as "Foreign Minister" or "the head of",
 * kept for the relation rules that come later).
 *
 * The rules, in the order they are tried (docs/EXTRACTION.md):
 *  1. list items: a numbered or bulleted line that is a short capitalised
 *     name is one name, by default an organisation (signatory lists);
 *  2. nominal groups from the lexicon: "the regime", "coalition forces";
 *  3. capitalised chunks, joined across connectors ("of", "for", "and the",
 *     "in") when a head noun makes them an organisation's name, then:
 *     leading sentence-initial common words and stop words are dropped;
 *     titles before a name make a person ("Maj. Gen. Ali Mamlouk"); a title
 *     followed by "of" is a role whose object is analysed on its own;
 *     an institution or organisation head noun types the chunk; a place head
 *     or prefix makes a place ("Tigris River", "Mount Sinjar"); known names
 *     from the gazetteer; given names and particles make a person;
 *     all-capital words are acronyms (organisations); other unknown names
 *     take their type from context (a location preposition before: place;
 *     "said" after: person) or are left untyped for the orthographic matcher;
 *  4. a demonym or name followed by a group noun ("Iraqi forces",
 *     "the Syrian government", "the Assad regime");
 *  5. an acronym in parentheses right after a name is that name's alias;
 *  6. a known country acting as a state becomes an institution: premodifier
 *     of a body or state noun ("U.S. Marines", "UK officials"), subject of
 *     a state verb ("The UK remains"); after a location preposition or as a
 *     possessive it stays a place.
 * Month names, pronouns and sentence-initial common words are never names.
 *
 * Memory: per-sentence scratch arrays are reused; the only growth is the
 * document's mention and annotation arrays.
 */
#ifndef RG_NER_H
#define RG_NER_H

#include "rg_gazetteer.h"
#include "rg_token.h"

/* Mention types are rg_mention_type values; this one is "a name of unknown
 * type" (resolved by rg_ortho or dropped). */
#define RG_NER_UNTYPED 15

enum {
    RG_NM_ACRONYM = 1,  /* all-capital short form */
    RG_NM_NOMINAL = 2,  /* "the regime", "the Mechanism": refers back when it can */
    RG_NM_WEAK = 4,     /* type guessed from context */
    RG_NM_LIST = 8,     /* a list item */
    RG_NM_KNOWN = 16,   /* from the gazetteer */
    RG_NM_GROUP = 32,   /* demonym + group noun */
    RG_NM_ROLE = 64,    /* a role standing for a person named before: "the Foreign Secretary" */
    RG_NM_NESTED = 128, /* a known name inside a longer mention or title */
};

typedef struct rg_ner_mention {
    uint32_t begin, end;           /* the span reported */
    uint32_t name_begin, name_end; /* the name inside it (no "the", no title) */
    uint32_t sentence;
    uint32_t alias_of; /* mention this one abbreviates ("(IIIM)"), or RG_NONE */
    uint8_t type;      /* rg_mention_type or RG_NER_UNTYPED */
    uint8_t flags;     /* RG_NM_* */
} rg_ner_mention;

typedef enum {
    RG_ANN_TITLE, /* a title or role before a name: "Foreign Minister" */
    RG_ANN_ROLE,  /* a role standing alone or before "of": "the head of", "the Minister" */
} rg_ann_kind;

typedef struct rg_ner_annotation {
    uint32_t begin, end, sentence;
    uint32_t mention; /* the person it qualifies, or RG_NONE */
    uint8_t kind;     /* rg_ann_kind */
} rg_ner_annotation;

/* Per-token scratch (see ner.c). */
typedef struct rg_ner_tok rg_ner_tok;

typedef struct rg_ner {
    const rg_gazetteer *gaz;
    const char *text;
    rg_ner_mention *mentions;
    size_t nmentions, cap_mentions;
    rg_ner_annotation *anns;
    size_t nanns, cap_anns;
    /* scratch for the current sentence */
    rg_ner_tok *tk;
    size_t cap_tk;
    char *fold;
    size_t cap_fold;
    struct rg_ner_memo *memo; /* recent one-token gazetteer lookups (ner.c) */
    size_t memo_slots;        /* a power of two */
    const rg_token *toks;
    size_t ntoks;
    uint32_t sentence;
    bool headline;
} rg_ner;

/* text[0..len) is the document (len sizes the caches). */
void rg_ner_init(rg_ner *r, const rg_gazetteer *gaz, const char *text, size_t len);
void rg_ner_free(rg_ner *r);
/* Runs the rules over one sentence, appending to r->mentions/anns. */
void rg_ner_sentence(rg_ner *r, const rg_token *toks, size_t n, uint32_t sentence);

#endif
