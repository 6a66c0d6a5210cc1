/* rg_json_pull: a small pull parser for relgraph JSON (used by json_read.c).
 *
 * Why not jansson's DOM: a graph file is two big arrays of small objects.
 * Building the whole tree (a malloc'ed value and a hash table per object)
 * cost 2 s of a 2.4 s PageRank run on 100k nodes. Here the document is read
 * in two passes over the caller's buffer, without a tree of the whole:
 *
 * 1. rg_json_pull_validate() checks the whole document against exactly the
 *    grammar jansson accepts with JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL
 *    (root an object or array, strict numbers with jansson's range limits,
 *    valid UTF-8, escapes and surrogate pairs, no NUL in keys, no duplicate
 *    keys, nesting at most RG_JSON_PULL_MAX_DEPTH values), and records where
 *    the root object's "nodes", "links", "edges" and "graph" values start.
 *    Syntax errors therefore come before any semantic error, as with a DOM.
 * 2. The reader then walks an array element by element; each element is
 *    parsed into a small flat tree (rg_jv, below) that is reused for the next.
 *
 * Tree layout: values in document order (pre-order); a container's children
 * follow it, and v[i].end is the index one past its last descendant, so the
 * next sibling of i is v[i].end. Strings are decoded (escapes, surrogates)
 * into one NUL-separated buffer; a string with \u0000 reads as a C string up
 * to its first NUL, as jansson's json_string_value() does.
 *
 * Ownership: the parser borrows the input buffer (which must outlive it) and
 * owns the tree and strings, valid until the next parse or
 * rg_json_pull_free().
 */
#ifndef RG_JSON_PULL_H
#define RG_JSON_PULL_H

#include <stdbool.h>
#include <stddef.h>

#include "rg_util.h"

/* jansson's JSON_PARSER_MAX_DEPTH: values (scalars included) nested deeper
 * than this are an error. */
#define RG_JSON_PULL_MAX_DEPTH 2048
#define RG_JV_NONE ((size_t)-1)

typedef enum {
    RG_JV_NULL,
    RG_JV_TRUE,
    RG_JV_FALSE,
    RG_JV_INT,
    RG_JV_REAL,
    RG_JV_STRING,
    RG_JV_ARRAY,
    RG_JV_OBJECT
} rg_jv_type;

typedef struct rg_jv {
    rg_jv_type type;
    size_t end; /* index one past the last descendant */
    size_t key; /* member of an object: offset of its key in strs; else RG_JV_NONE */
    union {
        long long i; /* RG_JV_INT */
        double d;    /* RG_JV_REAL */
        size_t str;  /* RG_JV_STRING: offset in strs */
    } u;
} rg_jv;

/* Root object members recorded by validation. */
enum { RG_JSON_NODES, RG_JSON_LINKS, RG_JSON_EDGES, RG_JSON_GRAPH, RG_JSON_NMEMBERS };

typedef struct rg_json_pull {
    const char *data, *p, *end; /* input, cursor, end of input */
    rg_jv *v;                   /* tree of the last value parsed */
    size_t nv, cap_v;
    rg_buf strs;                          /* decoded strings of the tree */
    rg_buf keys;                          /* validation: decoded keys of the open objects */
    rg_buf num;                           /* scratch: one number token, NUL-terminated */
    bool build;                           /* parsing into the tree (else validating) */
    bool first;                           /* array iteration: before the first element */
    const char *fail;                     /* validation: where it failed */
    const char *why;                      /* validation: what failed (static text) */
    const char *member[RG_JSON_NMEMBERS]; /* start of the root members' values, or NULL */
    size_t member_len[RG_JSON_NMEMBERS];  /* their element counts, when arrays */
    int pending;                          /* validation: member whose value is being read */
} rg_json_pull;

void rg_json_pull_init(rg_json_pull *jp, const char *data, size_t len);
void rg_json_pull_free(rg_json_pull *jp);

/* Pass 1: true if the whole document is valid (see above); else jp->fail
 * and jp->why say where and why. */
bool rg_json_pull_validate(rg_json_pull *jp);

/* Pass 2 (validated input only). Array iteration from the '[' at `at`:
 * begin returns false for an empty array; next parses the next element into
 * the tree (index 0) and returns false after the last one. */
bool rg_json_pull_array_begin(rg_json_pull *jp, const char *at);
bool rg_json_pull_array_next(rg_json_pull *jp);
/* Parses the one value at `at` into the tree (index 0). */
void rg_json_pull_parse_at(rg_json_pull *jp, const char *at);

/* Tree access. get: the member `key` of object i, RG_JV_NONE if absent or
 * i is not an object. str: the string value (NULL if not a string). key:
 * member i's key. */
size_t rg_jv_get(const rg_json_pull *jp, size_t i, const char *key);
const char *rg_jv_str(const rg_json_pull *jp, size_t i);
const char *rg_jv_key(const rg_json_pull *jp, size_t i);

#endif
