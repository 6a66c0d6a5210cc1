/* Document import: load the text (rg_doc), run the extraction pipeline
 * (extract/rg_pipeline.h), optionally link actors named in one sentence,
 * and add the result to the graph. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "extract/rg_document_extract.h"
#include "relate/rg_relate.h"
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

rg_status rg_document_extract(const char *path, rg_format format, const char *data, size_t len,
                              const rg_import_opts *opts, rg_extraction *x, rg_error *err)
{
    if (len > rg_import_max_doc_bytes(opts))
        return rg_error_set(err, RG_EINPUT,
                            "%s: document of %zu bytes is over the extraction limit of %zu bytes "
                            "(split it, or raise --max-doc-bytes)",
                            path, len, rg_import_max_doc_bytes(opts));
    const rg_gazetteer *gaz;
    rg_status rc = rg_document_gazetteer(opts ? opts->lexicon : NULL, &gaz, err);
    if (rc) return rc;
    rg_loaded_doc d;
    rc = rg_doc_load(path, format, data, len, opts, &d, err);
    if (rc) return rc;
    rg_extraction_init(x);
    rg_document_copy(&x->doc, &d.doc);
    /* the loader blanks boilerplate in place: for a UTF-8 text file its
     * offsets are the file's (rg_doc.h) */
    rg_pipeline_run_owned(gaz, d.text, d.len, x, NULL);
    d.text = NULL;
    rg_loaded_doc_free(&d);
    /* relations and events from the sentences' structure (rg_relate.h) */
    rg_relate_opts ro = {.co_mentions = opts && opts->co_mentions};
    rg_relate_document(x, &ro);
    return RG_OK;
}

rg_status rg_document_import(rg_graph *g, const char *path, rg_format format, const char *data,
                             size_t len, const rg_import_opts *opts, rg_error *err)
{
    rg_extraction x;
    rg_status rc = rg_document_extract(path, format, data, len, opts, &x, err);
    if (rc) return rc;
    rc = rg_graph_add_extraction(g, &x, err);
    rg_extraction_free(&x);
    return rc;
}
