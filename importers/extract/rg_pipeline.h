/* rg_pipeline: text -> rg_extraction, the ANNIE-style chain of
 * rg_token (tokens) -> rg_sentence (sentences) -> rg_gazetteer lookups and
 * rg_ner rules (mentions, titles) -> rg_ortho (entities), plus dates.
 *
 * One pass over the text: the tokeniser feeds the splitter, each sentence
 * goes through the rules while its tokens are in a reused buffer, and only
 * mentions, annotations and sentence spans are kept, so memory grows with
 * what is found, not with the text.
 *
 * Ownership: the result's extraction owns a copy of the text; free it with
 * rg_extraction_free() and the extras with rg_pipeline_extras_free().
 */
#ifndef RG_PIPELINE_H
#define RG_PIPELINE_H

#include "rg_extract.h"
#include "rg_gazetteer.h"
#include "rg_ner.h"

/* What the pipeline found besides the extraction: titles and roles (for
 * relation rules). An annotation's `mention` indexes x->mentions. */
typedef struct rg_pipeline_extras {
    rg_ner_annotation *anns;
    size_t nanns;
} rg_pipeline_extras;

/* Runs the pipeline over text[0..len). gaz NULL = the built-in lexicons.
 * x must be initialised; its doc record is left to the caller. extras may
 * be NULL. */
void rg_pipeline_run(const rg_gazetteer *gaz, const char *text, size_t len, rg_extraction *x,
                     rg_pipeline_extras *extras);
/* The same, taking ownership of text (malloc'ed, text[len] == '\0'): it
 * becomes x->text without a copy. */
void rg_pipeline_run_owned(const rg_gazetteer *gaz, char *text, size_t len, rg_extraction *x,
                           rg_pipeline_extras *extras);
void rg_pipeline_extras_free(rg_pipeline_extras *e);

/* The gazetteer for a run: the built-in one, or a copy extended with the
 * user's lexicon file when path is non-NULL (caller frees it with
 * rg_gaz_free unless it is the built-in, i.e. when *owned is set). */
rg_status rg_pipeline_gazetteer(const char *lexicon_path, const rg_gazetteer **gaz, bool *owned,
                                rg_error *err);

#endif
