/* rg_util: the small shared toolbox of relgraph.
 *
 * - rg_error: how every fallible library call reports failure. Functions
 *   return an rg_status (0 = success) and, when given a non-NULL rg_error,
 *   fill it with a message that names the file and line where there is one.
 * - allocation helpers that abort with a message on out-of-memory (a graph
 *   tool that cannot allocate a few bytes has nothing sensible left to do).
 * - rg_buf: a growable byte buffer; rg_strmap: string -> index hash map.
 * - rg_outfile: outputs are written to a temporary file in the target
 *   directory and renamed into place on commit, so a failed run never leaves
 *   a partial file and never clobbers a good earlier output.
 *
 * Ownership: every init/open function has a matching free, commit or abort; a
 * function returning `char *` hands ownership to the caller (free()).
 */
#ifndef RG_UTIL_H
#define RG_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Status codes double as the CLI's exit codes. */
typedef enum {
    RG_OK = 0,
    RG_EINPUT = 1, /* bad input data, unreadable or unwritable file */
    RG_EUSAGE = 2, /* bad arguments or options */
} rg_status;

#define RG_NONE UINT32_MAX

typedef struct rg_error {
    rg_status code;
    char msg[1024];
} rg_error;

/* Formats the message into err (when non-NULL) and returns code. */
rg_status rg_error_set(rg_error *err, rg_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void rg_error_clear(rg_error *err);

/* Warnings (data repaired or skipped) go to stderr unless silenced. */
void rg_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void rg_set_quiet(bool quiet);

void *rg_malloc(size_t n);
void *rg_calloc(size_t n, size_t size);
void *rg_realloc(void *p, size_t n);
/* Asks for transparent huge pages on a big block (>= 4 MiB) not yet
 * touched, e.g. one igraph allocated; the rg_ allocators do it themselves. */
void rg_huge_hint(void *p, size_t n);
char *rg_strdup(const char *s); /* NULL stays NULL */
char *rg_strndup(const char *s, size_t n);
char *rg_sprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grows *items (of element size `size`) so that it holds at least `need`.
 * The check is inline because RG_PUSH runs it for every token and mention;
 * only the rare reallocation is a call. */
void rg_grow_slow(void *items_ptr, size_t *cap, size_t need, size_t size);
static inline void rg_grow(void *items_ptr, size_t *cap, size_t need, size_t size)
{
    if (need > *cap) rg_grow_slow(items_ptr, cap, need, size);
}
#define RG_PUSH(arr, n, cap) (rg_grow(&(arr), &(cap), (n) + 1, sizeof *(arr)), &(arr)[(n)++])

/* Growable byte buffer, always NUL-terminated once anything was appended. */
typedef struct rg_buf {
    char *data;
    size_t len, cap;
} rg_buf;

void rg_buf_append(rg_buf *b, const void *p, size_t n);
void rg_buf_puts(rg_buf *b, const char *s);
/* Inline: writers call it for every byte they escape or format. */
static inline void rg_buf_putc(rg_buf *b, char c)
{
    rg_grow(&b->data, &b->cap, b->len + 2, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}
void rg_buf_printf(rg_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *rg_buf_detach(rg_buf *b); /* caller frees; b is reset */
void rg_buf_free(rg_buf *b);

/* Open-addressing hash map from NUL-terminated strings (copied) to uint32. */
/* A slot: the key's hash bits (compared before the key), its value and the
 * key (NULL = empty), together so that a probe touches one cache line. */
typedef struct rg_strmap_slot {
    uint32_t tag, val;
    char *key;
} rg_strmap_slot;
typedef struct rg_strmap {
    rg_strmap_slot *slots;
    size_t cap, len;
} rg_strmap;

void rg_strmap_init(rg_strmap *m);
void rg_strmap_free(rg_strmap *m);
bool rg_strmap_get(const rg_strmap *m, const char *key, uint32_t *val);
void rg_strmap_put(rg_strmap *m, const char *key, uint32_t val); /* insert or replace */
bool rg_strmap_del(rg_strmap *m, const char *key);
/* Hints for a caller that knows which keys it will look up next (a table
 * importer reading ahead): prefetch starts loading key's home slot; peek
 * returns the value of the first slot whose hash bits match key's (without
 * comparing keys: usually, not surely, key's value) and starts loading
 * that slot's key. Neither changes the map. */
void rg_strmap_prefetch(const rg_strmap *m, const char *key, size_t len);
bool rg_strmap_peek(const rg_strmap *m, const char *key, size_t len, uint32_t *val);

uint64_t rg_hash64(const void *p, size_t n); /* FNV-1a */

/* Reads a whole file. max_bytes = 0 means no limit. "-" reads stdin. */
rg_status rg_read_file(const char *path, char **data, size_t *len, size_t max_bytes, rg_error *err);

/* Atomic output. path "-" writes to stdout directly. */
typedef struct rg_outfile {
    FILE *fp;
    char *path;
    char *tmp;
} rg_outfile;

rg_status rg_outfile_open(rg_outfile *o, const char *path, rg_error *err);
rg_status rg_outfile_commit(rg_outfile *o, rg_error *err); /* flush, fsync, rename */
void rg_outfile_abort(rg_outfile *o);                      /* remove the temp file */

/* Lower-case ASCII slug of a UTF-8 string, accents stripped ("Asaad al-Shibani"
 * -> "asaad-al-shibani"). Caller frees. */
char *rg_slug(const char *s);

/* Case, accent and punctuation folded form used for comparing names: NFKC,
 * casefold, marks stripped, punctuation and dashes to single spaces. */
char *rg_fold(const char *s, size_t n);

#endif
