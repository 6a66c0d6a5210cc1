/* rg_document_extract: one document file -> rg_extraction, the glue used by
 * `relgraph build` (through rg_document_import) and `relgraph mentions`.
 * Implemented in importers/document.c. */
#ifndef RG_DOCUMENT_EXTRACT_H
#define RG_DOCUMENT_EXTRACT_H

#include "rg_import.h"
#include "rg_pipeline.h"

/* Loads the document (data, len are the raw file bytes) and runs the
 * pipeline with the built-in lexicons plus opts->lexicon. x is initialised
 * here; the caller frees it with rg_extraction_free(). */
rg_status rg_document_extract(const char *path, rg_format format, const char *data, size_t len,
                              const rg_import_opts *opts, rg_extraction *x, rg_error *err);

/* The gazetteer for a lexicon path (NULL = built-in), cached per path. */
rg_status rg_document_gazetteer(const char *lexicon, const rg_gazetteer **gaz, rg_error *err);

/* File name without directory and extension (caller frees). */
char *rg_document_id(const char *path);

#endif
