/* rg_token: a UTF-8 tokeniser with byte offsets and token shapes, the first
 * stage of the extraction pipeline (docs/EXTRACTION.md).
 *
 * Tokens are words (letters, digits and marks, with inner hyphens and
 * apostrophes: "al-Shibani", "O'Brien"; a possessive "'s" is its own token),
 * dotted abbreviations ("U.S.", "e.V."), numbers ("2,000", "3.5") and single
 * punctuation or symbol code points. Each token records how many line breaks
 * and whether any white space precede it, which the sentence splitter and the
 * list rule read.
 *
 * The tokeniser is an iterator over the caller's text: it allocates nothing,
 * never reads past `len`, treats NUL as white space and every byte of invalid
 * UTF-8 as a one-byte symbol, and cuts words longer than RG_TOKEN_MAX bytes,
 * so any input (binary, one 100 MB line) is tokenised in one linear pass.
 */
#ifndef RG_TOKEN_H
#define RG_TOKEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RG_TOKEN_MAX 256

typedef enum { RG_TOK_WORD, RG_TOK_NUM, RG_TOK_PUNCT } rg_tok_kind;

/* Shape of a word token (orthography, as in GATE's tokeniser). */
enum {
    RG_SHAPE_LOWER = 1,   /* "minister" */
    RG_SHAPE_UPINIT = 2,  /* "Minister", "McDonald", "al-Assad" counts via RG_SHAPE_NAME */
    RG_SHAPE_ALLCAPS = 4, /* "IIIM", "U.S." (two or more letters, no lower case) */
    RG_SHAPE_MIXED = 8,   /* "iPhone", "eV" */
    RG_SHAPE_DIGIT = 16,  /* has a digit */
    RG_SHAPE_NAME = 32,   /* lower-case particle glued to a capital: "al-Assad", "el-Sisi" */
};

typedef struct rg_token {
    uint32_t begin, end; /* byte offsets, end exclusive */
    uint32_t cp;         /* first code point */
    uint8_t kind;        /* rg_tok_kind */
    uint8_t shape;       /* RG_SHAPE_* bits, words only */
    uint8_t nl;          /* line breaks in the white space before (capped at 255) */
    uint8_t space;       /* any white space before */
} rg_token;

typedef struct rg_tokenizer {
    const char *s;
    size_t len, pos;
} rg_tokenizer;

void rg_tokenizer_init(rg_tokenizer *tz, const char *s, size_t len);
/* Fills *t with the next token; false at the end of the text. */
bool rg_tokenizer_next(rg_tokenizer *tz, rg_token *t);

/* Convenience for tests and tools: all tokens of a text in a new array
 * (caller frees); returns the count. */
size_t rg_tokenize(const char *s, size_t len, rg_token **out);

/* Case- and accent-folded form of s[0..n) into buf (at most cap-1 bytes,
 * NUL-terminated): lower case, marks stripped, curly apostrophes and dashes
 * made ASCII. Returns the folded length. Allocates nothing. */
size_t rg_token_fold(const char *s, size_t n, char *buf, size_t cap);

/* Decodes one code point at s[0..n); returns its byte length (>= 1) and
 * sets *cp (-1 for an invalid byte). */
size_t rg_utf8_next(const char *s, size_t n, int32_t *cp);

bool rg_cp_is_letter(int32_t cp);
bool rg_cp_is_upper(int32_t cp);

#endif
