/* rg_csv: node and edge tables in Gephi's spreadsheet convention
 * (docs/FORMAT.md, "CSV tables"), and the helpers the table importers share.
 *
 * The reader is RFC 4180: fields separated by a delimiter, optionally quoted
 * with '"' (a quoted field may hold delimiters, line breaks and doubled
 * quotes ""), records ended by LF, CRLF or CR. A UTF-8 byte order mark is
 * dropped. The delimiter is ',' unless the header line holds none, in which
 * case ';' or TAB (whichever the header holds more of). Unquoted fields are
 * trimmed of surrounding spaces; blank lines are skipped.
 *
 * rg_csv_import() (declared in rg_import.h) reads a table into a graph:
 *   node table (an Id column, no Source/Target): Id, Label, Type, Aliases,
 *     anything else becomes a node attribute;
 *   edge table (Source and Target columns): Source, Target, Type (Directed /
 *     Undirected, or a relation type), Relation, Label, Weight, Date, Role,
 *     anything else becomes an edge attribute.
 *
 * Ownership: an rg_csv_reader borrows the data it reads (which must outlive
 * it) and owns the current row; rg_csv_reader_free() releases the row.
 */
#ifndef RG_CSV_H
#define RG_CSV_H

#include "rg_graph.h"

typedef struct rg_csv_reader {
    const char *path; /* for messages */
    const char *data;
    size_t len, pos;
    size_t line; /* 1-based line of the next byte */
    char delim;
    /* the current row: n fields, valid until the next call */
    char **fields;
    size_t nfields, cap_fields;
    size_t row_line; /* line where the current row starts */
    rg_buf store;    /* the row's field bytes, NUL-separated */
    size_t *offs;
    size_t cap_offs;
} rg_csv_reader;

/* Checks the encoding (UTF-8, no NUL bytes; UTF-16 is refused with a hint),
 * skips a BOM and detects the delimiter from the first line. */
rg_status rg_csv_reader_init(rg_csv_reader *r, const char *path, const char *data, size_t len,
                             rg_error *err);
/* Reads the next non-blank record into r->fields / r->nfields. Sets *more to
 * false at the end of the data. Errors (an unterminated quote, text after a
 * closing quote) name the file and line. */
rg_status rg_csv_next(rg_csv_reader *r, bool *more, rg_error *err);
void rg_csv_reader_free(rg_csv_reader *r);

/* A free-text relation label as an edge type: lower-cased, runs of anything
 * but ASCII letters and digits turned into one '_' ("Head of" -> "head_of").
 * Returns NULL when the result is not a valid edge type (rg_edge_type_valid:
 * empty, starting with a digit, non-Latin script, longer than 64). Caller
 * frees. */
char *rg_csv_edge_type(const char *label);

/* Parses a weight: a finite, non-negative decimal number (a decimal comma is
 * accepted). Empty text is weight 1. */
bool rg_csv_weight(const char *s, double *out);

/* Records a table file as a document of g (id = file name without directory
 * and extension, path as given) and returns its index. */
uint32_t rg_csv_add_table_doc(rg_graph *g, const char *path);

#endif
