/* Test helper for the document-loader tests: runs a loader call with
 * stderr redirected to a temporary file and hands back what was written,
 * so tests can assert on rg_warn() output (count, file name, offsets). */
#ifndef DOC_CAPTURE_H
#define DOC_CAPTURE_H

#include <stdbool.h>
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

/* The text's content, layout aside: each line with runs of spaces and tabs
 * made one space and trimmed, blank lines left out, lines joined by '\n'.
 * Loaded texts keep blanked boilerplate as spaces; this is what a reader
 * sees. Caller frees. */
static inline char *doc_squeeze(const char *t)
{
    size_t n = strlen(t), k = 0;
    char *out = malloc(n + 1);
    bool line_has = false, space = false;
    for (size_t i = 0; i <= n; i++) {
        char c = t[i];
        if (c == '\n' || c == '\0') {
            if (line_has) out[k++] = '\n';
            line_has = space = false;
        } else if (c == ' ' || c == '\t') {
            space = line_has;
        } else {
            if (space) out[k++] = ' ';
            out[k++] = c;
            line_has = true, space = false;
        }
    }
    if (k && out[k - 1] == '\n') k--;
    out[k] = '\0';
    return out;
}

#endif
