/* Test helper for the document-loader tests: runs a loader call with
 * stderr redirected to a temporary file and hands back what was written,
 * so tests can assert on rg_warn() output (count, file name, offsets). */
#ifndef DOC_CAPTURE_H
#define DOC_CAPTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct doc_capture {
    int saved;
    FILE *tmp;
} doc_capture;

static inline void doc_capture_begin(doc_capture *c)
{
    fflush(stderr);
    c->saved = dup(2);
    c->tmp = tmpfile();
    if (c->tmp) dup2(fileno(c->tmp), 2);
}

/* Restores stderr; returns the captured text (caller frees). */
static inline char *doc_capture_end(doc_capture *c)
{
    fflush(stderr);
    dup2(c->saved, 2);
    close(c->saved);
    if (!c->tmp) return strdup("");
    long n = ftell(c->tmp);
    char *s = calloc(1, n > 0 ? (size_t)n + 1 : 1);
    rewind(c->tmp);
    if (n > 0 && fread(s, 1, (size_t)n, c->tmp) != (size_t)n) s[0] = '\0';
    fclose(c->tmp);
    return s;
}

/* Number of occurrences of needle in s. */
static inline int doc_count(const char *s, const char *needle)
{
    int n = 0;
    for (const char *p = s; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

#endif
