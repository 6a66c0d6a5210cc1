/* rg_doc: loads a text or HTML document into clean UTF-8 text with its
 * metadata, ready for the extraction pipeline.
 *
 * - plain text: UTF-8 expected; a UTF-8 BOM is dropped; Windows-1252 or
 *   Latin-1 input is detected and converted; invalid bytes are replaced by
 *   U+FFFD with a warning (never fatal); NUL bytes are dropped with a warning.
 * - HTML: parsed with libxml2's HTML parser; the main content's text is kept
 *   (script, style, nav, header, footer, aside, form and hidden elements
 *   dropped), block elements become line breaks. libxml2's nesting limit
 *   is lifted (the tree is walked without recursion); elements nested
 *   deeper than opts->max_depth (--max-depth) are flattened: their text is
 *   kept as running text, with a warning naming the file and line.
 * - page boilerplate is removed from both: cookie banners, "Leave a Comment",
 *   share/download/font-size widgets, view counters, bylines, translation and
 *   disclaimer notices, "Related Publications" and what follows such footers.
 *   Rules: data/doc/boilerplate.txt (its syntax is described at its top)
 *   plus structural rules (breadcrumbs repeating the title). Removed lines
 *   and placeholders are blanked with spaces in place (newlines kept), so
 *   the text keeps its length and offsets keep pointing where they did.
 * - metadata: id (file name without directory and extension), title (HTML
 *   <title>/<h1>, else the first non-empty line, trimmed and cut to about
 *   200 bytes at a word boundary), date as ISO 8601 (HTML publication
 *   <meta>/<time>, else rg_doc_find_date), path, sha256 of the raw input.
 * - the text returned: valid UTF-8, no NUL, no CR (a CRLF's CR becomes a
 *   space), Unicode spaces as ASCII spaces (as many as they had bytes).
 *   For a UTF-8 text file without NUL bytes or BOM it has the file's length
 *   and every byte at the file's offset (only blanked boilerplate, CRs and
 *   Unicode spaces differ), so offsets into it are offsets into the file;
 *   in every other text case rg_doc_source_offset() maps them back.
 * - errors: damaged input is repaired with warnings, never refused; only an
 *   HTML file over 2 GiB fails (RG_EINPUT naming the file).
 *
 * Ownership: rg_loaded_doc owns its text, offset map and document record;
 * rg_loaded_doc_free() releases them. Functions returning char * hand the
 * string to the caller.
 */
#ifndef RG_DOC_H
#define RG_DOC_H

#include "rg_graph.h"
#include "rg_import.h"

/* Offset map from text to input bytes: segment i covers text offsets from
 * segs[i].text up to segs[i + 1].text, where text offset t came from input
 * byte segs[i].src + (t - segs[i].text). */
typedef struct rg_doc_segment {
    size_t text, src;
} rg_doc_segment;

typedef struct rg_loaded_doc {
    rg_document doc;
    char *text; /* NUL-terminated UTF-8; offsets in mentions index into it */
    size_t len;
    rg_doc_segment *segs; /* NULL for HTML and charset-converted input */
    size_t nsegs;
} rg_loaded_doc;

rg_status rg_doc_load(const char *path, rg_format format, const char *data, size_t len,
                      const rg_import_opts *opts, rg_loaded_doc *out, rg_error *err);
void rg_loaded_doc_free(rg_loaded_doc *d);

/* The input byte offset that text offset `off` came from (off == len maps
 * to the input's end). False when the text has no byte correspondence
 * with its input (HTML, UTF-16 or another converted charset). */
bool rg_doc_source_offset(const rg_loaded_doc *d, size_t off, size_t *src);

/* ---- The stages of rg_doc_load, exposed for tests and reuse ---- */

/* Raw bytes to clean UTF-8 (see doc_text.c for the rules). charset is a
 * declared encoding (HTML <meta>) or NULL. Warnings name path. Never fails;
 * caller frees the result. When segs is non-NULL it receives the offset map
 * (caller frees; NULL with *nsegs = 0 after a charset conversion). */
char *rg_doc_decode(const char *path, const char *data, size_t len, const char *charset,
                    size_t *out_len, rg_doc_segment **segs, size_t *nsegs);

/* The charset an HTML page declares in its first 4 KiB, or NULL. Caller
 * frees. */
char *rg_doc_html_charset(const char *data, size_t len);

/* Main-content text of an HTML page given as UTF-8, with the page's title
 * and publication date when it has them (NULL otherwise). */
typedef struct rg_doc_html {
    char *text;
    size_t len;
    char *title, *date;
} rg_doc_html;
/* Elements nested deeper than max_depth (the root element is level 1) are
 * flattened: their text is kept, their boundaries become spaces (no line
 * breaks), with one warning naming the file and the line of the first. */
rg_status rg_doc_html_text(const char *path, const char *utf8, size_t len, size_t max_depth,
                           rg_doc_html *out, rg_error *err);
void rg_doc_html_free(rg_doc_html *h);

/* Blanks the boilerplate lines and placeholders of text[0, len) in place
 * (rules above): dropped bytes become spaces, newlines stay, so offsets
 * into the text are unchanged. */
void rg_doc_strip_boilerplate(char *text, size_t len);

/* The date a document states for itself, as "YYYY-MM-DD", or false:
 * 1. a dateline among the first 8 non-empty lines: a full date at the start
 *    of the line, or after a short place/label prefix ending in ',' or ':'
 *    or a word like "published"/"on", followed by the line's end or a dash,
 *    colon, bar or parenthesis ("Damascus, April 16, 2025 –");
 * 2. else the first line anywhere that is nothing but such a date
 *    ("15 November 2018" closing a statement).
 * Dates in running sentences are events, not the document's date. */
bool rg_doc_find_date(const char *text, size_t len, char iso[11]);

/* SHA-256 of a buffer as 64 lower-case hex digits plus NUL. */
void rg_sha256_hex(const void *data, size_t len, char out[65]);

#endif
