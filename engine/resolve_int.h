/* resolve_int: helpers shared by the resolver's source files (not installed
 * API; see rg_resolve.h for the public functions). */
#ifndef RG_RESOLVE_INT_H
#define RG_RESOLVE_INT_H

#include "rg_resolve.h"

/* A list of malloc'd tokens. */
typedef struct rs_toks {
    char **t;
    size_t n, cap;
} rs_toks;

void rs_toks_push(rs_toks *tk, const char *s, size_t n);
void rs_toks_free(rs_toks *tk);
/* Tokens joined by single spaces, skipping index `skip` (SIZE_MAX: none). */
char *rs_toks_join(const rs_toks *tk, size_t skip);

/* Person name -> transliteration skeletons in name order, titles and
 * particles dropped. */
void rs_person_tokens(const char *name, rs_toks *out);
/* Organisation name -> content tokens in name order ("the", stop words,
 * trailing designators dropped; spelling variants unified). */
void rs_org_tokens(const char *name, rs_toks *out);
/* The same, and in *head the index in out of the name's head noun: the last
 * content word before the first preposition ("Independent Commission on
 * Missing Persons" -> "commission", "Association of Caesar Families" ->
 * "association"), else the last word. */
void rs_org_tokens_head(const char *name, rs_toks *out, size_t *head);
/* Sorts and deduplicates tokens in place (organisation fingerprint order). */
void rs_toks_sort_unique(rs_toks *tk);

bool rs_is_stopword(const char *folded_token);
/* Words of rg_fold(name) (first 512 bytes); `fast` takes a utf8proc-free
 * path for printable ASCII that gives the same words. */
void rs_fold_tokens(const char *name, rs_toks *out, bool fast);
/* Does a person name of several words start with a title ("ASG Petit")? */
bool rs_person_has_title(const char *name);
/* Is a person "name" only titles and function words ("the Foreign
 * Secretary", "President")? Such a role is not resolved by rule. */
bool rs_person_is_role(const char *name);

/* One line of an alias file: `same` (names to merge, the first one the
 * preferred label) or `never` (names that must stay in different nodes),
 * optionally restricted to one node type. */
typedef struct rs_alias_line {
    size_t lineno;
    bool never;
    bool typed;
    rg_node_type type;
    char **names;  /* as written */
    char **folded; /* rg_fold()ed, for matching */
    size_t nnames;
} rs_alias_line;

struct rg_aliases {
    char *path;
    rs_alias_line *lines;
    size_t nlines, cap_lines;
};

#endif
