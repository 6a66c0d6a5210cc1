/* rg_gazetteer: lexicon lookup over folded token sequences.
 *
 * A gazetteer maps a phrase ("foreign minister", "united nations", "al-")
 * to a set of category bits (RG_GAZ_*). Phrases are tokenised with
 * rg_token and folded with rg_token_fold, and the key is the folded tokens
 * joined by single spaces, so lookups made while scanning a sentence need
 * no allocation: the caller hashes the folded tokens incrementally
 * (rg_gaz_hash_token, rg_gaz_hash_next) and probes the table. Every proper prefix of a
 * multi-token phrase is stored with RG_GAZ_PREFIX, so a longest-match scan
 * stops as soon as no longer phrase can match.
 *
 * Storage: open addressing over (hash, key offset, key length, bits); keys
 * live in one arena. Built once from the data files compiled into the
 * library (data/lexicon/, see docs/EXTRACTION.md for the format) and from
 * user lexicon files (--lexicon).
 *
 * Ownership: rg_gaz_builtin() returns a shared, immutable table built on
 * first use (thread-safe); rg_gaz_new()/rg_gaz_free() make private ones.
 */
#ifndef RG_GAZETTEER_H
#define RG_GAZETTEER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "rg_util.h"

enum {
    RG_GAZ_PREFIX = 1u << 0,         /* a proper prefix of a longer phrase */
    RG_GAZ_PLACE = 1u << 1,          /* known place: country, city, region */
    RG_GAZ_COUNTRY = 1u << 2,        /* a country (also RG_GAZ_PLACE) */
    RG_GAZ_ORG = 1u << 3,            /* known organisation */
    RG_GAZ_INST = 1u << 4,           /* known institution */
    RG_GAZ_PERSON = 1u << 5,         /* known person */
    RG_GAZ_DEMONYM = 1u << 6,        /* "Syrian", "Dutch" */
    RG_GAZ_GIVEN = 1u << 7,          /* given name */
    RG_GAZ_TITLE = 1u << 8,          /* title or role: "Foreign Minister", "Maj. Gen." */
    RG_GAZ_INST_HEAD = 1u << 9,      /* ministry, court, council, ... */
    RG_GAZ_ORG_HEAD = 1u << 10,      /* association, network, ... */
    RG_GAZ_PLACE_HEAD = 1u << 11,    /* river, province, ... ("Tigris River") */
    RG_GAZ_PLACE_PRE = 1u << 12,     /* mount, lake, ... ("Mount Sinjar") */
    RG_GAZ_PARTICLE = 1u << 13,      /* name particles: al, bin, abu, van, de */
    RG_GAZ_COMMON = 1u << 14,        /* a common English word (lower case in wamerican) */
    RG_GAZ_NOMINAL_ORG = 1u << 15,   /* "the regime", "rebels": a group as organisation */
    RG_GAZ_NOMINAL_INST = 1u << 16,  /* "the government", "the Army" */
    RG_GAZ_STOP = 1u << 17,          /* never an entity on its own: pronouns, months, days */
    RG_GAZ_LOC_PREP = 1u << 18,      /* in, near, at: a following unknown name is a place */
    RG_GAZ_ABBREV = 1u << 19,        /* abbreviation taking a period: Mr, Gen, Col */
    RG_GAZ_GROUP_NOUN = 1u << 20,    /* lower-case head after a demonym/name: government, forces */
    RG_GAZ_IGNORE = 1u << 21,        /* user: never an entity */
    RG_GAZ_CONNECTOR = 1u << 22,     /* of, for, and, the: inside organisation names */
    RG_GAZ_PERSON_CUE = 1u << 23,    /* said, told: a preceding unknown name is a person */
    RG_GAZ_ACRONYM = 1u << 24,       /* set for one-token all-capital entries ("UN", "WHO"):
                                        they match only all-capital text */
    RG_GAZ_ANYCASE = 1u << 25,       /* the same key also listed in another case ("Daesh") */
    RG_GAZ_NOMINAL_PLACE = 1u << 26, /* "the city", "the town": refers to a place named before */
    RG_GAZ_THING = 1u << 27,         /* war, act, convention: the name is no actor */
    RG_GAZ_THING_PRE = 1u << 28,     /* Operation, HMS: the name is no actor */
    RG_GAZ_STATE_CUE = 1u << 29,     /* strikes, officials: after a country, the country acts */
    RG_GAZ_STATE_VERB = 1u << 30,    /* remains, agreed: after a country as subject, it acts */
};

#define RG_GAZ_ENTITY (RG_GAZ_PLACE | RG_GAZ_ORG | RG_GAZ_INST | RG_GAZ_PERSON)

/* One slot: 16 bytes, so the built-in table (about 90k keys at a load of
 * at most one half) stays near 4 MB; every page of it is touched once when
 * it is built, and page faults were a tenth of extraction time. `hash` is
 * the upper half of the 64-bit key hash (the lower half picks the slot). */
typedef struct rg_gaz_entry {
    uint32_t hash, off, bits;
    uint16_t len;
} rg_gaz_entry;

#define RG_GAZ_FILTER_BITS (1u << 16)

typedef struct rg_gazetteer {
    rg_gaz_entry *slots;
    size_t cap, n;
    rg_buf keys;
    unsigned max_tokens; /* longest phrase, in tokens */
    /* one bit per hash of the keys of two or more tokens (a few thousand):
     * most phrases a sentence scan tries are in no lexicon, and this 8 KB
     * filter rejects them without touching the table */
    uint64_t phrase_filter[RG_GAZ_FILTER_BITS / 64];
    /* the built-in table's slots and keys start out in one huge-page
     * mapping (gazetteer.c); either moves to the heap if it has to grow */
    void *region;
    size_t region_len;
    bool slots_in_region, keys_in_region;
} rg_gazetteer;

#define RG_GAZ_MAX_TOKENS 12

rg_gazetteer *rg_gaz_new(void);
void rg_gaz_free(rg_gazetteer *g);
/* Deep copy (to extend the built-in table with user lexicons). */
rg_gazetteer *rg_gaz_clone(const rg_gazetteer *g);

/* The built-in table from data/lexicon/ (never free it). */
const rg_gazetteer *rg_gaz_builtin(void);

/* Adds a phrase (raw text, tokenised and folded here) with bits. */
void rg_gaz_add(rg_gazetteer *g, const char *phrase, size_t len, uint32_t bits);

/* Loads a lexicon: one entry per line, '#' comments, blank lines skipped.
 * A line is "phrase" (takes default_bits) or "phrase<TAB>category" where
 * category is one of the names accepted by rg_gaz_category(). `name` is
 * for messages. Unknown categories are an error naming the line. */
rg_status rg_gaz_load(rg_gazetteer *g, const char *data, size_t len, uint32_t default_bits,
                      const char *name, rg_error *err);
rg_status rg_gaz_load_file(rg_gazetteer *g, const char *path, rg_error *err);

/* Category name ("person", "organisation", "institution", "place",
 * "country", "title", "given_name", "demonym", "ignore", ...) to bits. */
bool rg_gaz_category(const char *name, uint32_t *bits);

/* Key hashing, token by token: a key's hash combines the hashes of its
 * space-separated parts (the folded tokens), so a scan over a sentence
 * hashes each token once and extends a phrase's hash with one step:
 * h = RG_GAZ_HASH0; for each token, h = rg_gaz_hash_next(h,
 * rg_gaz_hash_token(folded, n)). rg_gaz_hash_key(key, n) gives the same
 * value for the joined key. */
#define RG_GAZ_HASH0 1469598103934665603ull
uint64_t rg_gaz_hash_key(const char *key, size_t n);

/* Word-at-a-time mixing instead of byte-wise FNV: folded tokens are short,
 * and each is hashed once per sentence (ner.c), so this is the hot part. */
static inline uint64_t rg_gaz_hash_token(const char *s, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    for (; n >= 8; s += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
        h ^= h >> 31;
    }
    uint64_t w = 0;
    for (size_t i = 0; i < n; i++)
        w |= (uint64_t)(unsigned char)s[i] << (8 * i);
    h = (h ^ w) * 0x94d049bb133111ebull;
    return h ^ (h >> 29);
}

static inline uint64_t rg_gaz_hash_next(uint64_t h, uint64_t token_hash)
{
    h = (h ^ token_hash) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
    h *= 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 29);
}

/* False when no key of two or more tokens has hash h (so looking up such
 * a key would give 0); true when one may. */
static inline bool rg_gaz_may_have_phrase(const rg_gazetteer *g, uint64_t h)
{
    uint32_t b = (uint32_t)(h >> 40) & (RG_GAZ_FILTER_BITS - 1);
    return (g->phrase_filter[b / 64] >> (b % 64)) & 1;
}

/* Bits of a key with a precomputed hash; 0 when absent. */
uint32_t rg_gaz_lookup_hashed(const rg_gazetteer *g, uint64_t h, const char *key, size_t n);
uint32_t rg_gaz_lookup(const rg_gazetteer *g, const char *key, size_t n);
/* Folds and joins the tokens of `phrase` first, then looks it up. */
uint32_t rg_gaz_lookup_phrase(const rg_gazetteer *g, const char *phrase);

#endif
