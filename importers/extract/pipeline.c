#include "rg_pipeline.h"

#include <stdlib.h>
#include <string.h>

#include "rg_ortho.h"
#include "rg_sentence.h"

rg_status rg_pipeline_gazetteer(const char *lexicon_path, const rg_gazetteer **gaz, bool *owned,
                                rg_error *err)
{
    *owned = false;
    *gaz = rg_gaz_builtin();
    if (!lexicon_path) return RG_OK;
    rg_gazetteer *g = rg_gaz_clone(*gaz);
    rg_status rc = rg_gaz_load_file(g, lexicon_path, err);
    if (rc) {
        rg_gaz_free(g);
        return rc;
    }
    *gaz = g;
    *owned = true;
    return RG_OK;
}

/* Keeps mentions in text order and drops any that overlaps the one before
 * (rules never should produce these; this keeps the output well-formed). */
static size_t tidy(rg_ner_mention *m, size_t n, uint32_t *remap)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (o && m[i].begin < m[o - 1].end) {
            remap[i] = RG_NONE;
            continue;
        }
        remap[i] = (uint32_t)o;
        m[o] = m[i];
        if (m[o].alias_of != RG_NONE) m[o].alias_of = remap[m[o].alias_of];
        o++;
    }
    return o;
}

static void add_mentions(rg_extraction *x, const rg_ner_mention *m, size_t n,
                         const uint32_t *entity_of, const uint8_t *type_of, uint32_t *xidx)
{
    for (size_t i = 0; i < n; i++) {
        xidx[i] = RG_NONE;
        if (entity_of[i] == RG_NONE) continue;
        xidx[i] = rg_extraction_add_mention(x, (rg_mention_type)type_of[i], m[i].begin, m[i].end,
                                            m[i].sentence, entity_of[i]);
    }
}

static void keep_annotations(rg_ner *r, const uint32_t *remap, const uint32_t *xidx,
                             rg_pipeline_extras *extras)
{
    for (size_t i = 0; i < r->nanns; i++) {
        uint32_t m = r->anns[i].mention;
        if (m != RG_NONE) m = remap[m];
        r->anns[i].mention = m == RG_NONE ? RG_NONE : xidx[m];
    }
    extras->anns = r->anns;
    extras->nanns = r->nanns;
    r->anns = NULL;
    r->nanns = r->cap_anns = 0;
}

void rg_pipeline_run(const rg_gazetteer *gaz, const char *text, size_t len, rg_extraction *x,
                     rg_pipeline_extras *extras)
{
    if (!gaz) gaz = rg_gaz_builtin();
    free(x->text);
    x->text = rg_strndup(text, len);
    x->len = len;
    rg_ner r;
    rg_ner_init(&r, gaz, x->text);
    rg_splitter sp;
    rg_splitter_init(&sp, x->text, len, gaz);
    rg_token *toks = NULL;
    size_t cap = 0, n;
    while ((n = rg_splitter_next(&sp, &toks, &cap)) > 0) {
        uint32_t s = rg_extraction_add_sentence(x, toks[0].begin, toks[n - 1].end);
        rg_ner_sentence(&r, toks, n, s);
    }
    free(toks);
    size_t nm = r.nmentions;
    uint32_t *remap = rg_malloc((nm + 1) * sizeof *remap);
    nm = tidy(r.mentions, nm, remap);
    uint32_t *entity_of = rg_malloc((nm + 1) * sizeof *entity_of);
    uint32_t *xidx = rg_malloc((nm + 1) * sizeof *xidx);
    uint8_t *type_of = rg_malloc(nm + 1);
    rg_ortho_resolve(x->text, r.mentions, nm, x, entity_of, type_of);
    add_mentions(x, r.mentions, nm, entity_of, type_of, xidx);
    if (extras) {
        /* remap maps old ner indices to tidied ones; annotations hold old ones */
        keep_annotations(&r, remap, xidx, extras);
    }
    free(remap);
    free(entity_of);
    free(xidx);
    free(type_of);
    rg_ner_free(&r);
}

void rg_pipeline_extras_free(rg_pipeline_extras *e)
{
    free(e->anns);
    memset(e, 0, sizeof *e);
}
