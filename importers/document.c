/* Document import: load the text (rg_doc), run the extraction pipeline
 * (extract/rg_pipeline.h), optionally link actors named in one sentence,
 * and add the result to the graph. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "extract/rg_document_extract.h"
#include "rg_doc.h"
#include "rg_extract.h"
#include "rg_import.h"

/* The user's lexicon is loaded once per path and reused for every
 * document of the run. */
static pthread_mutex_t lex_lock = PTHREAD_MUTEX_INITIALIZER;
static char *lex_path;
static rg_gazetteer *lex_gaz;

rg_status rg_document_gazetteer(const char *lexicon, const rg_gazetteer **gaz, rg_error *err)
{
    if (!lexicon) {
        *gaz = rg_gaz_builtin();
        return RG_OK;
    }
    pthread_mutex_lock(&lex_lock);
    rg_status rc = RG_OK;
    if (!lex_path || strcmp(lex_path, lexicon) != 0) {
        const rg_gazetteer *g;
        bool owned;
        rc = rg_pipeline_gazetteer(lexicon, &g, &owned, err);
        if (rc == RG_OK) {
            if (lex_gaz) rg_gaz_free(lex_gaz);
            free(lex_path);
            lex_gaz = owned ? (rg_gazetteer *)g : NULL;
            lex_path = rg_strdup(lexicon);
        }
    }
    *gaz = lex_gaz ? lex_gaz : rg_gaz_builtin();
    pthread_mutex_unlock(&lex_lock);
    return rc;
}

char *rg_document_id(const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    const char *dot = strrchr(b, '.');
    return dot && dot > b ? rg_strndup(b, (size_t)(dot - b)) : rg_strdup(b);
}

/* Hash of a line's ASCII letters and digits, lower-cased: what survives the
 * loader's character-level repairs (dropped marks, replaced bytes). 0 when
 * the line has none. */
static uint64_t skeleton_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            h = (h ^ c) * 1099511628211ull;
            any = true;
        }
    }
    return any ? (h ? h : 1) : 0;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static bool valid_utf8(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (c == 0 || k == 0 || i + k > n) return false;
        for (size_t j = 1; j < k; j++)
            if (((unsigned char)s[i + j] & 0xC0) != 0x80) return false;
        i += k;
    }
    return true;
}

/* The loader deletes boilerplate lines and collapses blank runs, so its
 * offsets are not the file's. Users (and `relgraph mentions`) want offsets
 * into the file they gave, so for valid UTF-8 text the original is used with
 * the lines the loader dropped blanked to spaces in place: a line is kept
 * when its skeleton (skeleton_hash) is that of a line of the loaded text. NULL when the
 * input is not valid UTF-8 (the loaded, repaired text is used then). */
static char *blank_dropped(const char *orig, size_t olen, const char *kept, size_t klen)
{
    if (!valid_utf8(orig, olen)) return NULL;
    uint64_t *kept_h = NULL;
    size_t nk = 0, cap = 0;
    for (size_t k = 0; k < klen;) {
        const char *nl = memchr(kept + k, '\n', klen - k);
        size_t e = nl ? (size_t)(nl - kept) : klen;
        uint64_t h = skeleton_hash(kept + k, e - k);
        if (h) *RG_PUSH(kept_h, nk, cap) = h;
        k = e + 1;
    }
    if (nk) qsort(kept_h, nk, sizeof *kept_h, cmp_u64);
    char *out = rg_malloc(olen + 1);
    memcpy(out, orig, olen);
    out[olen] = 0;
    for (size_t p = 0; p < olen;) {
        const char *nl = memchr(orig + p, '\n', olen - p);
        size_t e = nl ? (size_t)(nl - orig) : olen;
        uint64_t h = skeleton_hash(orig + p, e - p);
        if (h && !(nk && bsearch(&h, kept_h, nk, sizeof *kept_h, cmp_u64)))
            for (size_t i = p; i < e; i++)
                out[i] = ' ';
        p = e + 1;
    }
    free(kept_h);
    return out;
}

rg_status rg_document_extract(const char *path, rg_format format, const char *data, size_t len,
                              const rg_import_opts *opts, rg_extraction *x, rg_error *err)
{
    const rg_gazetteer *gaz;
    rg_status rc = rg_document_gazetteer(opts ? opts->lexicon : NULL, &gaz, err);
    if (rc) return rc;
    rg_loaded_doc d;
    rc = rg_doc_load(path, format, data, len, opts, &d, err);
    if (rc) return rc;
    rg_extraction_init(x);
    rg_document_copy(&x->doc, &d.doc);
    char *same = format == RG_FORMAT_TEXT ? blank_dropped(data, len, d.text, d.len) : NULL;
    if (same)
        rg_pipeline_run(gaz, same, len, x, NULL);
    else
        rg_pipeline_run(gaz, d.text, d.len, x, NULL);
    free(same);
    rg_loaded_doc_free(&d);
    return RG_OK;
}

/* co_mentioned relations between the distinct actors of each sentence. */
static void add_co_mentions(rg_extraction *x)
{
    size_t nm = x->nmentions;
    uint32_t *ents = rg_malloc((nm + 1) * sizeof *ents);
    for (size_t i = 0; i < nm;) {
        size_t j = i, k = 0;
        uint32_t s = x->mentions[i].sentence;
        for (; j < nm && x->mentions[j].sentence == s; j++) {
            uint32_t e = x->mentions[j].entity;
            if (e == RG_NONE) continue;
            bool seen = false;
            for (size_t q = 0; q < k; q++)
                seen |= ents[q] == e;
            if (!seen) ents[k++] = e;
        }
        for (size_t a = 0; a < k; a++)
            for (size_t b = a + 1; b < k; b++)
                rg_extraction_add_relation(x, "co_mentioned", NULL, ents[a], ents[b], s);
        i = j;
    }
    free(ents);
}

rg_status rg_document_import(rg_graph *g, const char *path, rg_format format, const char *data,
                             size_t len, const rg_import_opts *opts, rg_error *err)
{
    rg_extraction x;
    rg_status rc = rg_document_extract(path, format, data, len, opts, &x, err);
    if (rc) return rc;
    if (opts && opts->co_mentions) add_co_mentions(&x);
    rc = rg_graph_add_extraction(g, &x, err);
    rg_extraction_free(&x);
    return rc;
}
