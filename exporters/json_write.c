#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "rg_json.h"

/* jansson refuses strings that are not valid UTF-8 (json_string() returns
 * NULL, and json_object_set_new() an invalid key, so the member silently
 * disappears, leaving e.g. a node without an id). Importers should never let
 * such bytes in; should one slip through, the output stays well-formed:
 * invalid bytes become U+FFFD, with a warning. Returns NULL when s is valid. */
static char *utf8_repair(const char *s)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t n = (utf8proc_ssize_t)strlen(s), i = 0, k;
    utf8proc_int32_t cp;
    while (i < n) {
        if (p[i] < 0x80) { /* ASCII needs no decoding */
            i++;
            continue;
        }
        if ((k = utf8proc_iterate(p + i, n - i, &cp)) <= 0) break;
        i += k;
    }
    if (i == n) return NULL;
    rg_buf b = {0};
    rg_buf_append(&b, s, (size_t)i);
    while (i < n) {
        k = utf8proc_iterate(p + i, n - i, &cp);
        if (k > 0)
            rg_buf_append(&b, p + i, (size_t)k);
        else
            rg_buf_puts(&b, "\xEF\xBF\xBD");
        i += k > 0 ? k : 1;
    }
    char *fixed = rg_buf_detach(&b);
    rg_warn("invalid UTF-8 in '%s' written as U+FFFD", fixed);
    return fixed;
}

/* ---- the writer ----------------------------------------------------------
 * Output is streamed, not built as a jansson tree first (the tree cost a
 * third of `relgraph build` and most of its memory for a large graph), in
 * exactly the layout json_dumpf gave with JSON_INDENT(1), keys in insertion
 * order and 17 significant digits for reals, so files stay byte-identical.
 * Text is assembled in a buffer and written in blocks of about 64 KB. */

enum { JW_MAX_DEPTH = 8 };

typedef struct jw {
    FILE *f;
    rg_buf b;
    int depth;
    bool empty[JW_MAX_DEPTH]; /* per open level: no member written yet */
    bool failed;
} jw;

static void jw_flush(jw *w)
{
    if (w->b.len && fwrite(w->b.data, 1, w->b.len, w->f) != w->b.len) w->failed = true;
    w->b.len = 0;
}

static void jw_raw(jw *w, const char *s, size_t n)
{
    rg_buf_append(&w->b, s, n);
    if (w->b.len >= 65536) jw_flush(w);
}

static void jw_puts(jw *w, const char *s)
{
    jw_raw(w, s, strlen(s));
}

/* A line break and one space per level, as JSON_INDENT(1). */
static void jw_indent(jw *w, int depth)
{
    rg_buf_putc(&w->b, '\n');
    for (int i = 0; i < depth; i++)
        rg_buf_putc(&w->b, ' ');
}

/* A string with jansson's escapes: quote, backslash, \b \f \n \r \t and
 * \u00XX for other control bytes; everything else as is (valid UTF-8). */
static void jw_string(jw *w, const char *s)
{
    char *fixed = s ? utf8_repair(s) : NULL;
    const char *p = fixed ? fixed : s ? s : "";
    rg_buf_putc(&w->b, '"');
    for (;;) {
        size_t run = 0;
        while (p[run] && (unsigned char)p[run] >= 0x20 && p[run] != '"' && p[run] != '\\')
            run++;
        jw_raw(w, p, run);
        p += run;
        if (!*p) break;
        char esc[8];
        switch (*p) {
        case '"':
            strcpy(esc, "\\\"");
            break;
        case '\\':
            strcpy(esc, "\\\\");
            break;
        case '\b':
            strcpy(esc, "\\b");
            break;
        case '\f':
            strcpy(esc, "\\f");
            break;
        case '\n':
            strcpy(esc, "\\n");
            break;
        case '\r':
            strcpy(esc, "\\r");
            break;
        case '\t':
            strcpy(esc, "\\t");
            break;
        default:
            snprintf(esc, sizeof esc, "\\u%04X", (unsigned char)*p);
        }
        jw_puts(w, esc);
        p++;
    }
    rg_buf_putc(&w->b, '"');
    free(fixed);
}

/* The format nests five levels at most (root, nodes, node, aliases, alias). */
static void jw_open(jw *w, char c)
{
    rg_buf_putc(&w->b, c);
    w->empty[++w->depth] = true;
}

static void jw_close(jw *w, char c)
{
    if (!w->empty[w->depth]) jw_indent(w, w->depth - 1);
    rg_buf_putc(&w->b, c);
    w->depth--;
}

/* Before an array element or object member: the separator and indent. */
static void jw_next(jw *w)
{
    if (!w->empty[w->depth]) rg_buf_putc(&w->b, ',');
    w->empty[w->depth] = false;
    jw_indent(w, w->depth);
}

static void jw_key(jw *w, const char *key)
{
    jw_next(w);
    jw_string(w, key);
    jw_raw(w, ": ", 2);
}

static void jw_key_string(jw *w, const char *key, const char *value)
{
    jw_key(w, key);
    jw_string(w, value);
}

static void jw_key_int(jw *w, const char *key, long long v)
{
    char t[32];
    jw_key(w, key);
    jw_raw(w, t, (size_t)snprintf(t, sizeof t, "%lld", v));
}

/* A real as jansson writes one: %.17g, ".0" added when it would read back
 * as an integer, the exponent without '+' or leading zeros. */
static void jw_key_real(jw *w, const char *key, double v)
{
    char t[64];
    int n = snprintf(t, sizeof t, "%.17g", v);
    if (n < 0 || n >= (int)sizeof t - 3) n = snprintf(t, sizeof t, "0.0");
    if (!strchr(t, '.') && !strchr(t, 'e')) {
        strcpy(t + n, ".0");
        n += 2;
    }
    char *e = strchr(t, 'e');
    if (e) {
        char *start = e + 1, *end = start + 1;
        if (*start == '-') start++;
        while (*end == '0')
            end++;
        if (end != start) {
            memmove(start, end, (size_t)(t + n - end) + 1);
            n -= (int)(end - start);
        }
    }
    jw_key(w, key);
    jw_raw(w, t, (size_t)n);
}

/* Attributes after an object's own members: a key already written (a
 * member of the object, or an earlier attribute once repaired) is skipped,
 * as json_object_get did before. `own` lists the object's member names. */
static void jw_attrs(jw *w, const rg_attrs *a, const char *const *own, size_t nown)
{
    rg_strmap seen;
    rg_strmap_init(&seen);
    for (size_t i = 0; i < nown; i++)
        rg_strmap_put(&seen, own[i], 0);
    for (size_t i = 0; i < a->n; i++) {
        char *fixed = utf8_repair(a->items[i].key);
        const char *key = fixed ? fixed : a->items[i].key;
        if (!rg_strmap_get(&seen, key, NULL)) {
            rg_strmap_put(&seen, key, 0);
            jw_key_string(w, key, a->items[i].value);
        }
        free(fixed);
    }
    rg_strmap_free(&seen);
}

static void write_doc(jw *w, const rg_document *d)
{
    jw_next(w);
    jw_open(w, '{');
    jw_key_string(w, "id", d->id);
    if (d->title) jw_key_string(w, "title", d->title);
    if (d->date) jw_key_string(w, "date", d->date);
    if (d->path) jw_key_string(w, "path", d->path);
    if (d->sha256) jw_key_string(w, "sha256", d->sha256);
    jw_close(w, '}');
}

static void write_node(jw *w, const rg_graph *g, const rg_node *n)
{
    static const char *const own[] = {"id",       "type",      "label",     "aliases",
                                      "mentions", "documents", "provenance"};
    jw_next(w);
    jw_open(w, '{');
    jw_key_string(w, "id", n->id);
    jw_key_string(w, "type", rg_node_type_name(n->type));
    jw_key_string(w, "label", n->label);
    jw_key(w, "aliases");
    jw_open(w, '[');
    for (size_t i = 0; i < n->naliases; i++) {
        jw_next(w);
        jw_open(w, '{');
        jw_key_string(w, "name", n->aliases[i].name);
        jw_key_int(w, "count", (long long)n->aliases[i].count);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_key_int(w, "mentions", (long long)n->mention_count);
    jw_key(w, "documents");
    jw_open(w, '[');
    for (size_t i = 0; i < n->ndocs; i++) {
        jw_next(w);
        jw_string(w, g->docs[n->docs[i]].id);
    }
    jw_close(w, ']');
    jw_key(w, "provenance");
    jw_open(w, '[');
    for (size_t i = 0; i < n->nmentions; i++) {
        jw_next(w);
        jw_open(w, '{');
        jw_key_string(w, "doc", g->docs[n->mentions[i].doc].id);
        jw_key_int(w, "begin", (long long)n->mentions[i].begin);
        jw_key_int(w, "end", (long long)n->mentions[i].end);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_attrs(w, &n->attrs, own, sizeof own / sizeof *own);
    jw_close(w, '}');
}

static void write_edge(jw *w, const rg_graph *g, const rg_edge *e)
{
    const char *own[8] = {"source", "target", "key", "type"};
    size_t nown = 4;
    jw_next(w);
    jw_open(w, '{');
    jw_key_string(w, "source", g->nodes[e->source].id);
    jw_key_string(w, "target", g->nodes[e->target].id);
    jw_key_string(w, "key", e->key);
    jw_key_string(w, "type", e->type);
    if (e->role) jw_key_string(w, own[nown++] = "role", e->role);
    if (e->date) jw_key_string(w, own[nown++] = "date", e->date);
    jw_key_real(w, own[nown++] = "weight", isfinite(e->weight) ? e->weight : 0.0);
    jw_key(w, own[nown++] = "evidence");
    jw_open(w, '[');
    for (size_t i = 0; i < e->nevidence; i++) {
        jw_next(w);
        jw_open(w, '{');
        jw_key_string(w, "doc", g->docs[e->evidence[i].doc].id);
        jw_key_int(w, "begin", (long long)e->evidence[i].begin);
        jw_key_int(w, "end", (long long)e->evidence[i].end);
        jw_key_string(w, "text", e->evidence[i].text);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_attrs(w, &e->attrs, own, nown);
    jw_close(w, '}');
}

rg_status rg_json_write(const rg_graph *g, FILE *out, rg_error *err)
{
    static const char *const graph_own[] = {"relgraph", "documents"};
    jw w = {.f = out};
    jw_open(&w, '{');
    jw_key(&w, "directed");
    jw_puts(&w, "true");
    jw_key(&w, "multigraph");
    jw_puts(&w, "true");
    jw_key(&w, "graph");
    jw_open(&w, '{');
    jw_key_string(&w, "relgraph", RG_VERSION);
    jw_key(&w, "documents");
    jw_open(&w, '[');
    for (size_t i = 0; i < g->ndocs; i++)
        write_doc(&w, &g->docs[i]);
    jw_close(&w, ']');
    jw_attrs(&w, &g->attrs, graph_own, 2);
    jw_close(&w, '}');
    jw_key(&w, "nodes");
    jw_open(&w, '[');
    for (size_t i = 0; i < g->nnodes; i++)
        write_node(&w, g, &g->nodes[i]);
    jw_close(&w, ']');
    jw_key(&w, "links");
    jw_open(&w, '[');
    for (size_t i = 0; i < g->nedges; i++)
        write_edge(&w, g, &g->edges[i]);
    jw_close(&w, ']');
    jw_close(&w, '}');
    rg_buf_putc(&w.b, '\n');
    jw_flush(&w);
    rg_buf_free(&w.b);
    if (w.failed || ferror(out)) return rg_error_set(err, RG_EINPUT, "cannot write JSON");
    return RG_OK;
}

rg_status rg_json_write_file(const rg_graph *g, const char *path, rg_error *err)
{
    rg_outfile o;
    rg_status rc = rg_outfile_open(&o, path, err);
    if (rc) return rc;
    rc = rg_json_write(g, o.fp, err);
    if (rc) {
        rg_error_set(err, rc, "%s: cannot write JSON", path);
        rg_outfile_abort(&o);
        return rc;
    }
    return rg_outfile_commit(&o, err);
}
