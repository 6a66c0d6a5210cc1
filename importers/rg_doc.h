/* rg_doc: loads a text or HTML document into clean UTF-8 text with its
 * metadata, ready for the extraction pipeline.
 *
 * - plain text: UTF-8 expected; a UTF-8 BOM is dropped; Windows-1252 or
 *   Latin-1 input is detected and converted; invalid bytes are replaced by
 *   U+FFFD with a warning (never fatal); NUL bytes are dropped with a warning.
 * - HTML: parsed with libxml2's HTML parser; the main content's text is kept
 *   (script, style, nav, header, footer, aside, form and hidden elements
 *   dropped), block elements become line breaks.
 * - page boilerplate is removed from both: cookie banners, "Leave a Comment",
 *   share/download/font-size widgets, view counters, bylines, translation and
 *   disclaimer notices, "Related Publications" and what follows such footers.
 *   Removed lines are blanked with spaces in place (so offsets still point
 *   into the same text), never turned into entities.
 * - metadata: id (file name without directory and extension), title (HTML
 *   <title>/<h1>, else the first non-empty line), date where the text states
 *   one ("Damascus, April 16, 2025 –", "15 November 2018") as ISO 8601, path,
 *   sha256 of the raw input bytes.
 *
 * Ownership: rg_loaded_doc owns its text and document record;
 * rg_loaded_doc_free() releases them.
 */
#ifndef RG_DOC_H
#define RG_DOC_H

#include "rg_graph.h"
#include "rg_import.h"

typedef struct rg_loaded_doc {
    rg_document doc;
    char *text; /* NUL-terminated UTF-8; offsets in mentions index into it */
    size_t len;
} rg_loaded_doc;

rg_status rg_doc_load(const char *path, rg_format format, const char *data, size_t len,
                      const rg_import_opts *opts, rg_loaded_doc *out, rg_error *err);
void rg_loaded_doc_free(rg_loaded_doc *d);

/* SHA-256 of a buffer as 64 lower-case hex digits plus NUL. */
void rg_sha256_hex(const void *data, size_t len, char out[65]);

#endif
