/* rg_import: reads input files into a graph, choosing the importer by the
 * file's extension.
 *
 *   .csv            node or edge table (rg_csv.h): Gephi's spreadsheet convention
 *   .json           relgraph graph JSON (rg_json.h)
 *   .graphml        GraphML
 *   .txt .text .md  plain-text documents, run through the extraction pipeline
 *   .html .htm      HTML documents, main content extracted, same pipeline
 *
 * Each file is read into its own graph first and merged into the target only
 * when it was read without error (the first file into an empty target is
 * read in place, and the target emptied again on error), so a bad file
 * never leaves half its content behind. Errors name the file (and the line where there is one).
 */
#ifndef RG_IMPORT_H
#define RG_IMPORT_H

#include "rg_graph.h"

typedef enum {
    RG_FORMAT_UNKNOWN,
    RG_FORMAT_CSV,
    RG_FORMAT_JSON,
    RG_FORMAT_GRAPHML,
    RG_FORMAT_TEXT,
    RG_FORMAT_HTML,
} rg_format;

rg_format rg_import_format_of(const char *path);

/* Limits and switches shared by the importers. Zero values mean defaults. */
typedef struct rg_import_opts {
    size_t max_bytes;     /* largest input file; default 256 MiB */
    size_t max_depth;     /* nesting depth of JSON/HTML/GraphML; default 256 (HTML: flattened) */
    size_t max_doc_bytes; /* largest text/HTML document to extract from; default 32 MiB */
    size_t max_name;      /* longest node id, label or alias in bytes; default 4096 */
    bool co_mentions;     /* add co_mentioned edges between actors in a sentence */
    const char *lexicon;  /* extra lexicon file for the extractor, or NULL */
    const char *aliases;  /* analyst's alias file for entity resolution, or NULL */
    /* Scores only (rank, stats): CSV edge rows are not kept as evidence
     * (a copy of every row's text), which nothing computed there reads. */
    bool no_row_evidence;
} rg_import_opts;

size_t rg_import_max_bytes(const rg_import_opts *o);
size_t rg_import_max_depth(const rg_import_opts *o);
size_t rg_import_max_doc_bytes(const rg_import_opts *o);
size_t rg_import_max_name(const rg_import_opts *o);

/* Reads one file into g (merging). On error g is unchanged. Names longer
 * than rg_import_max_name() are cut, with warnings naming the file and line. */
rg_status rg_import_file(rg_graph *g, const char *path, const rg_import_opts *opts, rg_error *err);

/* The per-format entry points rg_import_file() dispatches to. Each reads
 * `data` (the whole file, NUL-terminated, `len` bytes) into the fresh graph
 * g; `path` is only for messages and document records. */
rg_status rg_csv_import(rg_graph *g, const char *path, const char *data, size_t len,
                        const rg_import_opts *opts, rg_error *err);
rg_status rg_graphml_import(rg_graph *g, const char *path, const char *data, size_t len,
                            const rg_import_opts *opts, rg_error *err);
/* Text and HTML documents: loaded, run through the extraction pipeline and
 * added as an extraction (rg_extract.h). */
rg_status rg_document_import(rg_graph *g, const char *path, rg_format format, const char *data,
                             size_t len, const rg_import_opts *opts, rg_error *err);

#endif
