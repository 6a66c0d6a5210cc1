/* rg_sentence: splits a token stream into sentences.
 *
 * A sentence ends at '.', '!', '?' or '…' (with any closing quotes or
 * brackets after it) when the next token starts a sentence (capital letter,
 * digit, quote, bullet), unless the period belongs to an abbreviation from
 * lexicon/abbreviations.txt ("Mr.", "Gen.", "Maj.", "Col.") or to an initial
 * ("J. Townsend"). Dotted abbreviations ("U.S.", "U.N.", "e.V.") are single
 * tokens and never end a sentence except at a line break. A blank line
 * always ends one; a single line break ends one unless the text just runs on
 * (a lower-case word or comma before it and a lower-case word after it), so
 * headings, list items and signatory lines are sentences of their own.
 * Sentences longer than RG_SENTENCE_MAX tokens are cut, which bounds the
 * work and memory of the later stages.
 *
 * The splitter pulls tokens from an rg_tokenizer and hands each sentence's
 * tokens over in a caller-owned array that is reused from one sentence to
 * the next: no allocation per token.
 */
#ifndef RG_SENTENCE_H
#define RG_SENTENCE_H

#include "rg_gazetteer.h"
#include "rg_token.h"

#define RG_SENTENCE_MAX 512

typedef struct rg_splitter {
    rg_tokenizer tz;
    const rg_gazetteer *gaz;
    rg_token look; /* the first token of the next sentence */
    bool has_look;
} rg_splitter;

void rg_splitter_init(rg_splitter *sp, const char *s, size_t len, const rg_gazetteer *gaz);

/* Next sentence's tokens into *toks (grown as needed; the caller frees it
 * once at the end). Returns the token count, 0 at the end of the text. */
size_t rg_splitter_next(rg_splitter *sp, rg_token **toks, size_t *cap);

/* All sentence spans of a text as (begin, end) byte pairs in a new array
 * (caller frees); returns the count. For tests and tools. */
size_t rg_sentence_split(const char *s, size_t len, const rg_gazetteer *gaz, uint32_t (**spans)[2]);

#endif
