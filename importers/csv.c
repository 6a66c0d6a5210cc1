/* CSV node and edge tables (rg_csv.h, docs/FORMAT.md "CSV tables"). */
#include "rg_csv.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "rg_import.h"

/* ---- encoding and the record reader -------------------------------------- */

/* Finds the first NUL byte or invalid UTF-8 sequence; returns false and its
 * line when there is one. */
static bool check_encoding(const char *data, size_t len, size_t *bad_line, bool *nul)
{
    size_t line = 1;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)data;
    for (size_t i = 0; i < len;) {
        if (p[i] < 0x80) {
            if (p[i] == 0) {
                *bad_line = line, *nul = true;
                return false;
            }
            if (p[i] == '\n') line++;
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
        if (k <= 0) {
            *bad_line = line, *nul = false;
            return false;
        }
        i += (size_t)k;
    }
    return true;
}

/* Counts a character in the first line, outside quotes. */
static size_t count_in_header(const char *d, size_t len, char c)
{
    size_t n = 0;
    bool q = false;
    for (size_t i = 0; i < len && (q || (d[i] != '\n' && d[i] != '\r')); i++) {
        if (d[i] == '"')
            q = !q;
        else if (!q && d[i] == c)
            n++;
    }
    return n;
}

rg_status rg_csv_reader_init(rg_csv_reader *r, const char *path, const char *data, size_t len,
                             rg_error *err)
{
    memset(r, 0, sizeof *r);
    r->path = path;
    r->line = 1;
    if (len >= 2 &&
        ((data[0] == '\xff' && data[1] == '\xfe') || (data[0] == '\xfe' && data[1] == '\xff')))
        return rg_error_set(err, RG_EINPUT, "%s: the file is UTF-16; save it as UTF-8", path);
    if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) data += 3, len -= 3, r->bom = 3;
    size_t bad;
    bool nul;
    if (!check_encoding(data, len, &bad, &nul))
        return rg_error_set(err, RG_EINPUT,
                            nul ? "%s:%zu: NUL byte (is this a binary or UTF-16 file?)"
                                : "%s:%zu: invalid UTF-8 (convert the file to UTF-8, e.g. "
                                  "iconv -f WINDOWS-1252 -t UTF-8)",
                            path, bad);
    r->data = data;
    r->len = len;
    size_t commas = count_in_header(data, len, ','), semis = count_in_header(data, len, ';'),
           tabs = count_in_header(data, len, '\t');
    r->delim = commas ? ',' : (semis || tabs) ? (semis >= tabs ? ';' : '\t') : ',';
    return RG_OK;
}

void rg_csv_reader_free(rg_csv_reader *r)
{
    free(r->fields);
    free(r->offs);
    rg_buf_free(&r->store);
    memset(r, 0, sizeof *r);
}

static bool at_eol(const rg_csv_reader *r)
{
    return r->pos >= r->len || r->data[r->pos] == '\n' || r->data[r->pos] == '\r';
}

/* Consumes one line break (LF, CRLF or CR) if there is one. */
static void eat_eol(rg_csv_reader *r)
{
    if (r->pos < r->len && r->data[r->pos] == '\r') r->pos++;
    if (r->pos < r->len && r->data[r->pos] == '\n') r->pos++;
    r->line++;
}

static bool is_blank(const rg_csv_reader *r, char c)
{
    return (c == ' ' || c == '\t') && c != r->delim;
}

/* A quoted field; r->pos is just after the opening quote. */
static rg_status read_quoted(rg_csv_reader *r, rg_error *err)
{
    size_t start_line = r->line;
    for (;;) {
        if (r->pos >= r->len)
            return rg_error_set(err, RG_EINPUT,
                                "%s:%zu: unterminated quoted field (the quote opened here is "
                                "never closed)",
                                r->path, start_line);
        char c = r->data[r->pos];
        if (c == '"') {
            if (r->pos + 1 < r->len && r->data[r->pos + 1] == '"') {
                rg_buf_putc(&r->store, '"');
                r->pos += 2;
                continue;
            }
            r->pos++;
            break;
        }
        if (c == '\r' || c == '\n') { /* a line break inside quotes becomes "\n" */
            eat_eol(r);
            rg_buf_putc(&r->store, '\n');
            continue;
        }
        rg_buf_putc(&r->store, c);
        r->pos++;
    }
    while (r->pos < r->len && is_blank(r, r->data[r->pos]))
        r->pos++;
    if (!at_eol(r) && r->data[r->pos] != r->delim)
        return rg_error_set(err, RG_EINPUT,
                            "%s:%zu: unexpected text after a closing quote (a quote inside a "
                            "quoted field must be doubled: \"\")",
                            r->path, r->line);
    return RG_OK;
}

/* An unquoted field: up to the delimiter or line end, trimmed. */
static void read_plain(rg_csv_reader *r)
{
    size_t start = r->store.len, from = r->pos;
    while (!at_eol(r) && r->data[r->pos] != r->delim)
        r->pos++;
    rg_buf_append(&r->store, r->data + from, r->pos - from); /* one append, not one per byte */
    while (r->store.len > start && is_blank(r, r->store.data[r->store.len - 1]))
        r->store.data[--r->store.len] = '\0';
}

/* Reads one record (possibly blank) into the store. */
static rg_status read_record(rg_csv_reader *r, bool *blank, rg_error *err)
{
    r->store.len = 0;
    r->nfields = 0;
    r->row_line = r->line;
    r->row_begin = r->pos;
    bool quoted_any = false;
    for (;;) {
        while (r->pos < r->len && is_blank(r, r->data[r->pos]))
            r->pos++;
        *RG_PUSH(r->offs, r->nfields, r->cap_offs) = r->store.len;
        if (r->pos < r->len && r->data[r->pos] == '"') {
            r->pos++;
            quoted_any = true;
            rg_status rc = read_quoted(r, err);
            if (rc) return rc;
        } else {
            read_plain(r);
        }
        rg_buf_putc(&r->store, '\0');
        if (r->pos < r->len && r->data[r->pos] == r->delim) {
            r->pos++;
            continue;
        }
        r->row_end = r->pos;
        eat_eol(r);
        break;
    }
    *blank = r->nfields == 1 && !quoted_any && r->store.data[0] == '\0';
    return RG_OK;
}

rg_status rg_csv_next(rg_csv_reader *r, bool *more, rg_error *err)
{
    bool blank = true;
    while (blank) {
        if (r->pos >= r->len) {
            r->nfields = 0;
            *more = false;
            return RG_OK;
        }
        rg_status rc = read_record(r, &blank, err);
        if (rc) return rc;
    }
    rg_grow(&r->fields, &r->cap_fields, r->nfields, sizeof *r->fields);
    for (size_t i = 0; i < r->nfields; i++)
        r->fields[i] = r->store.data + r->offs[i];
    *more = true;
    return RG_OK;
}

/* ---- value helpers ----------------------------------------------------- */

char *rg_csv_edge_type(const char *label)
{
    rg_buf b = {0};
    bool sep = false;
    for (const unsigned char *p = (const unsigned char *)label; *p; p++) {
        if (isalnum(*p) && *p < 0x80) {
            if (sep && b.len) rg_buf_putc(&b, '_');
            rg_buf_putc(&b, (char)tolower(*p));
            sep = false;
        } else {
            sep = true;
        }
    }
    char *t = rg_buf_detach(&b);
    if (!rg_edge_type_valid(t) || strlen(label) > 256) {
        free(t);
        return NULL;
    }
    return t;
}

bool rg_csv_weight(const char *s, double *out)
{
    if (!*s) {
        *out = 1.0;
        return true;
    }
    char tmp[64];
    size_t n = strlen(s);
    if (n >= sizeof tmp) return false;
    memcpy(tmp, s, n + 1);
    char *comma = strchr(tmp, ',');
    if (comma && !strchr(comma + 1, ',') && !strchr(tmp, '.')) *comma = '.';
    char *end;
    double v = strtod(tmp, &end);
    if (end == tmp || *end || !isfinite(v) || v < 0) return false;
    /* strtod also accepts hex and "inf"/"nan": only plain decimals here */
    for (const char *p = tmp; *p; p++)
        if (!strchr("0123456789.eE+-", *p)) return false;
    *out = v;
    return true;
}

uint32_t rg_csv_add_table_doc(rg_graph *g, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    char *id = rg_strndup(base, dot && dot > base ? (size_t)(dot - base) : strlen(base));
    rg_document d = {.id = id, .path = (char *)path};
    uint32_t idx = rg_graph_add_doc(g, &d);
    free(id);
    return idx;
}

/* ---- tables -------------------------------------------------------------- */

/* Column roles; COL_ATTR columns become attributes named by their header. */
enum {
    COL_ATTR,
    COL_ID,
    COL_LABEL,
    COL_TYPE,
    COL_ALIASES,
    COL_SOURCE,
    COL_TARGET,
    COL_RELATION,
    COL_WEIGHT,
    COL_DATE,
    COL_ROLE,
    COL_SKIP
};

typedef struct table {
    rg_csv_reader r;
    rg_graph *g;
    uint32_t doc;
    bool edges;
    bool no_row_evidence; /* rg_import_opts.no_row_evidence */
    char *last_label;     /* the last relation cell and its edge type (NULL if invalid) */
    char *last_type;
    size_t ncols;
    char **names; /* header names (pointers into `header`) */
    char *header; /* copy of the header row's bytes */
    int *role;
    int col[COL_SKIP]; /* column of each role, -1 when absent */
    size_t warnings;
    bool ahead, ahead_symmetric; /* read_ahead applies; related_to is symmetric */
    uint64_t *done;              /* edge tables: bit n = node n has this table as a document */
    size_t ndone;                /* words allocated */
    rg_buf last_end[2];          /* the previous row's Source and Target ids ("" none) */
    uint32_t last_node[2];       /* and their nodes */
} table;

static int find_col(const table *t, const char *name)
{
    for (size_t i = 0; i < t->ncols; i++)
        if (strcasecmp(t->names[i], name) == 0) return (int)i;
    return -1;
}

static void assign(table *t, int role, const char *name)
{
    int c = find_col(t, name);
    if (c >= 0 && t->col[role] < 0 && t->role[c] == COL_ATTR) {
        t->col[role] = c;
        t->role[c] = role;
    }
}

/* Names the JSON format uses itself: such columns cannot be attributes. */
static bool reserved_name(const table *t, const char *name)
{
    static const char *const node_keys[] = {"id",       "type",      "label",      "aliases",
                                            "mentions", "documents", "provenance", NULL};
    static const char *const edge_keys[] = {"source", "target", "key",      "type", "role",
                                            "date",   "weight", "evidence", NULL};
    for (const char *const *k = t->edges ? edge_keys : node_keys; *k; k++)
        if (strcasecmp(*k, name) == 0) return true;
    return false;
}

static rg_status read_header(table *t, rg_error *err)
{
    const char *path = t->r.path;
    bool more;
    rg_status rc = rg_csv_next(&t->r, &more, err);
    if (rc) return rc;
    if (!more) return rg_error_set(err, RG_EINPUT, "%s: empty file (expected a header line)", path);
    t->ncols = t->r.nfields;
    t->header = rg_malloc(t->r.store.len + 1);
    memcpy(t->header, t->r.store.data, t->r.store.len);
    t->names = rg_calloc(t->ncols, sizeof *t->names);
    t->role = rg_calloc(t->ncols, sizeof *t->role);
    for (int k = 0; k < COL_SKIP; k++)
        t->col[k] = -1;
    /* duplicate names, case-insensitively; a hash set so that a header of
     * 100,000 columns costs no more than reading it */
    rg_strmap seen;
    rg_strmap_init(&seen);
    rc = RG_OK;
    for (size_t i = 0; i < t->ncols && rc == RG_OK; i++) {
        t->names[i] = t->header + t->r.offs[i];
        if (!*t->names[i]) {
            t->role[i] = COL_SKIP;
            continue;
        }
        char *lower = rg_strdup(t->names[i]);
        for (char *c = lower; *c; c++)
            *c = (char)tolower((unsigned char)*c);
        if (rg_strmap_get(&seen, lower, NULL))
            rc = rg_error_set(err, RG_EINPUT, "%s:%zu: column '%s' appears twice", path,
                              t->r.row_line, t->names[i]);
        rg_strmap_put(&seen, lower, (uint32_t)i);
        free(lower);
    }
    rg_strmap_free(&seen);
    return rc;
}

static rg_status classify(table *t, rg_error *err)
{
    const char *path = t->r.path;
    bool src = find_col(t, "source") >= 0, tgt = find_col(t, "target") >= 0,
         id = find_col(t, "id") >= 0;
    /* A node table may cite its source in a Source column: with an Id and
     * only one of Source/Target, it is a node table with that attribute. */
    if (src != tgt && !id)
        return rg_error_set(err, RG_EINPUT,
                            "%s:%zu: an edge table needs both Source and Target columns", path,
                            t->r.row_line);
    t->edges = src && tgt;
    if (!t->edges && !id)
        return rg_error_set(err, RG_EINPUT,
                            "%s:%zu: header needs an Id column (node table) or Source and Target "
                            "columns (edge table)",
                            path, t->r.row_line);
    if (t->edges) {
        assign(t, COL_SOURCE, "source");
        assign(t, COL_TARGET, "target");
        assign(t, COL_TYPE, "type");
        assign(t, COL_RELATION, "relation");
        assign(t, COL_LABEL, "label");
        assign(t, COL_WEIGHT, "weight");
        assign(t, COL_DATE, "date");
        assign(t, COL_ROLE, "role");
    } else {
        assign(t, COL_ID, "id");
        assign(t, COL_LABEL, "label");
        if (t->col[COL_LABEL] < 0) assign(t, COL_LABEL, "name");
        assign(t, COL_TYPE, "type");
        assign(t, COL_ALIASES, "aliases");
    }
    /* What is left of the format's own names are the columns relgraph's CSV
     * export derives (mentions, documents, key, evidence): ignored, as is an
     * edge table's Id (Gephi and relgraph number edges; relgraph keys them
     * by type, role and date instead). */
    for (size_t i = 0; i < t->ncols; i++)
        if (t->role[i] == COL_ATTR &&
            (reserved_name(t, t->names[i]) || (t->edges && !strcasecmp(t->names[i], "id"))))
            t->role[i] = COL_SKIP;
    return RG_OK;
}

/* The row's value in a role's column, "" when the column is absent. */
static const char *cell(const table *t, int role)
{
    int c = t->col[role];
    return c >= 0 && (size_t)c < t->r.nfields ? t->r.fields[c] : "";
}

/* Pads short rows (with a warning) and refuses long ones. */
static rg_status check_width(table *t, rg_error *err)
{
    rg_csv_reader *r = &t->r;
    if (r->nfields > t->ncols) {
        for (size_t i = t->ncols; i < r->nfields; i++)
            if (*r->fields[i])
                return rg_error_set(err, RG_EINPUT,
                                    "%s:%zu: %zu fields but the header has %zu columns", r->path,
                                    r->row_line, r->nfields, t->ncols);
        r->nfields = t->ncols; /* trailing empty fields: harmless */
    }
    if (r->nfields < t->ncols) {
        if (t->warnings++ < 10)
            rg_warn("%s:%zu: %zu fields but the header has %zu columns; the missing ones are "
                    "empty",
                    r->path, r->row_line, r->nfields, t->ncols);
        rg_grow(&r->fields, &r->cap_fields, t->ncols, sizeof *r->fields);
        while (r->nfields < t->ncols)
            r->fields[r->nfields++] = (char *)"";
    }
    return RG_OK;
}

static void add_attrs(table *t, rg_attrs *a)
{
    for (size_t i = 0; i < t->ncols; i++)
        if (t->role[i] == COL_ATTR && *t->r.fields[i]) rg_attrs_set(a, t->names[i], t->r.fields[i]);
}

/* Aliases: separated by '|' or ';' (relgraph's CSV export writes "; "). */
static void add_aliases(table *t, uint32_t node)
{
    const char *s = cell(t, COL_ALIASES);
    while (*s) {
        size_t n = strcspn(s, "|;");
        const char *next = s[n] ? s + n + 1 : s + n;
        while (n && *s == ' ')
            s++, n--;
        while (n && s[n - 1] == ' ')
            n--;
        if (n) {
            char *a = rg_strndup(s, n);
            rg_graph_node_add_alias(t->g, node, a, 1);
            free(a);
        }
        s = next;
    }
}

static rg_status node_row(table *t, rg_strmap *seen, rg_error *err)
{
    const char *path = t->r.path, *id = cell(t, COL_ID), *ts = cell(t, COL_TYPE);
    size_t line = t->r.row_line;
    if (!*id) return rg_error_set(err, RG_EINPUT, "%s:%zu: empty Id", path, line);
    rg_node_type type = RG_NODE_ORGANISATION;
    if (*ts && !rg_node_type_parse(ts, &type))
        return rg_error_set(err, RG_EINPUT,
                            "%s:%zu: unknown node type '%s' (expected person, organisation, "
                            "institution, place or event)",
                            path, line, ts);
    uint32_t first;
    if (rg_strmap_get(seen, id, &first))
        rg_warn("%s:%zu: node '%s' already defined on line %u; attributes merged", path, line, id,
                first);
    else
        rg_strmap_put(seen, id, (uint32_t)line);
    const char *label = cell(t, COL_LABEL);
    uint32_t idx;
    rg_error why = {0};
    if (rg_graph_add_node(t->g, id, type, *label ? label : NULL, &idx, &why))
        return rg_error_set(err, RG_EINPUT, "%s:%zu: %s", path, line, why.msg);
    if (*label) rg_graph_node_set_label(t->g, idx, label);
    add_aliases(t, idx);
    add_attrs(t, &t->g->nodes[idx].attrs);
    rg_graph_node_add_doc(t->g, idx, t->doc);
    return RG_OK;
}

/* Records the table as one of node n's documents. A bit per node says it
 * is done already: the bitmap stays in cache where the nodes (visited at
 * random, 20M times for a 10M-row table) do not. */
static void add_doc_once(table *t, uint32_t n)
{
    size_t w = n / 64;
    if (w >= t->ndone) {
        size_t old = t->ndone;
        rg_grow(&t->done, &t->ndone, w + 1, sizeof *t->done);
        memset(t->done + old, 0, (t->ndone - old) * sizeof *t->done);
    }
    uint64_t bit = (uint64_t)1 << (n % 64);
    if (t->done[w] & bit) return;
    t->done[w] |= bit;
    rg_graph_node_add_doc(t->g, n, t->doc);
}

/* Edge lists come grouped (all edges of one source, then the next): the
 * endpoint of the previous row in the same column is checked before the
 * id map, and needs no document added again. which: 0 source, 1 target. */
static uint32_t endpoint(table *t, int which, const char *id)
{
    rg_buf *last = &t->last_end[which];
    if (last->len && strcmp(last->data, id) == 0) return t->last_node[which];
    uint32_t n = rg_graph_add_implicit_node(t->g, id, RG_NODE_ORGANISATION);
    add_doc_once(t, n);
    last->len = 0;
    rg_buf_puts(last, id);
    t->last_node[which] = n;
    return n;
}

/* The relation type: Relation, else Type (unless it says Directed or
 * Undirected: that is the edge's directedness), else Label. *used is the
 * cell that gave it (NULL for the default related_to). *type is owned by
 * the table (the last type is cached: tables repeat a few relation names
 * over millions of rows). */
static rg_status edge_type(table *t, const char **type, const char **directed, const char **used,
                           rg_error *err)
{
    const char *ts = cell(t, COL_TYPE);
    *directed = NULL;
    *used = NULL;
    if (strcasecmp(ts, "directed") == 0)
        *directed = "true";
    else if (strcasecmp(ts, "undirected") == 0)
        *directed = "false";
    const char *cand[3] = {cell(t, COL_RELATION), *directed ? "" : ts, cell(t, COL_LABEL)};
    for (int i = 0; i < 3 && !*used; i++)
        if (*cand[i]) *used = cand[i];
    if (!*used) {
        *type = "related_to";
        return RG_OK;
    }
    if (!t->last_label || strcmp(t->last_label, *used) != 0) {
        free(t->last_label);
        free(t->last_type);
        t->last_label = rg_strdup(*used);
        t->last_type = rg_csv_edge_type(*used);
    }
    *type = t->last_type;
    if (!*type)
        return rg_error_set(err, RG_EINPUT,
                            "%s:%zu: '%s' cannot be a relation type (it needs Latin letters, "
                            "e.g. member_of)",
                            t->r.path, t->r.row_line, *used);
    return RG_OK;
}

/* Type and Label cells that did not give the relation type (nor the
 * directedness) stay attributes, so no value is silently dropped, unless
 * they only repeat the relation or the role (as relgraph's CSV export
 * writes them). */
static void keep_unused(table *t, rg_attrs *a, const char *used, const char *directed,
                        const char *type)
{
    int roles[2] = {COL_TYPE, COL_LABEL};
    for (int i = 0; i < 2; i++) {
        const char *v = cell(t, roles[i]);
        if (!*v || v == used || (roles[i] == COL_TYPE && directed)) continue;
        if (!strcasecmp(v, cell(t, COL_ROLE))) continue;
        char *norm = rg_csv_edge_type(v);
        bool same = norm && !strcmp(norm, type);
        free(norm);
        if (!same) rg_attrs_set(a, t->names[t->col[roles[i]]], v);
    }
}

/* The row is the edge's evidence: its byte span in the file and its text,
 * so `relgraph path` and `evidence` can point at the table line. */
static void add_row_evidence(table *t, uint32_t edge)
{
    const rg_csv_reader *r = &t->r;
    if (r->row_end + r->bom > UINT32_MAX) return;
    char *text = rg_strndup(r->data + r->row_begin, r->row_end - r->row_begin);
    rg_graph_edge_add_evidence(t->g, edge, t->doc, (uint32_t)(r->row_begin + r->bom),
                               (uint32_t)(r->row_end + r->bom), text);
    free(text);
}

static rg_status edge_row(table *t, rg_error *err)
{
    const char *path = t->r.path, *s = cell(t, COL_SOURCE), *d = cell(t, COL_TARGET);
    size_t line = t->r.row_line;
    if (!*s || !*d)
        return rg_error_set(err, RG_EINPUT, "%s:%zu: empty %s", path, line,
                            *s ? "Target" : "Source");
    double w;
    if (!rg_csv_weight(cell(t, COL_WEIGHT), &w))
        return rg_error_set(err, RG_EINPUT, "%s:%zu: Weight '%s' is not a non-negative number",
                            path, line, cell(t, COL_WEIGHT));
    const char *type, *directed, *used;
    rg_status rc = edge_type(t, &type, &directed, &used, err);
    if (rc) return rc;
    uint32_t a = endpoint(t, 0, s), b = endpoint(t, 1, d), e;
    rg_error why = {0};
    /* the cells are the endpoints' ids (nodes were found by them) */
    rc = rg_graph_add_edge_ids(t->g, a, b, s, d, type, cell(t, COL_ROLE), cell(t, COL_DATE), w, &e,
                               &why);
    if (rc == RG_OK) {
        rg_attrs *at = &t->g->edges[e].attrs;
        if (directed) rg_attrs_set(at, "directed", directed);
        keep_unused(t, at, used, directed, type);
        add_attrs(t, at);
        if (!t->no_row_evidence) add_row_evidence(t, e);
    }
    return rc ? rg_error_set(err, rc, "%s:%zu: %s", path, line, why.msg) : RG_OK;
}

/* ---- reading ahead ---------------------------------------------------
 * On a 10M-row edge table the time goes to waiting for memory: the id
 * map's slot and key for each endpoint, then the edge identity table's
 * slot, each a cache miss in a table of hundreds of MB. While row r is
 * added, the plain bytes of rows r+1 and r+2 are looked at (no quotes,
 * fields split on the delimiter and trimmed as the reader does) and the
 * memory they will need is prefetched: the id map slots for row r+2; for
 * row r+1 (whose slots are loaded by now) its probable nodes and the edge
 * table slot. These are hints only: a wrong guess costs a wasted load,
 * never a different result. Only for tables whose edges are all
 * related_to (no Type, Relation, Label, Role or Date column), so that the
 * edge key is known. */

/* The Source and Target cells of the plain line at data[pos]; false when
 * it is not plain (quotes, no line break within 512 bytes) or they are
 * empty. *next = where the following line starts. */
static bool raw_ends(const table *t, size_t pos, const char **s, size_t *sl, const char **d,
                     size_t *dl, size_t *next)
{
    const char *data = t->r.data, *end = data + t->r.len, *p = data + pos;
    if (pos >= t->r.len) return false;
    size_t span = (size_t)(end - p) < 512 ? (size_t)(end - p) : 512;
    const char *eol = memchr(p, '\n', span);
    if (!eol) return false;
    *next = (size_t)(eol - data) + 1;
    if (eol > p && eol[-1] == '\r') eol--;
    if (memchr(p, '"', (size_t)(eol - p))) return false;
    int col = 0, cs = t->col[COL_SOURCE], ct = t->col[COL_TARGET];
    *sl = *dl = 0;
    for (const char *f = p;; col++) {
        const char *e = memchr(f, t->r.delim, (size_t)(eol - f));
        if (!e) e = eol;
        const char *a = f, *b = e;
        while (a < b && *a == ' ')
            a++;
        while (b > a && b[-1] == ' ')
            b--;
        if (col == cs) *s = a, *sl = (size_t)(b - a);
        if (col == ct) *d = a, *dl = (size_t)(b - a);
        if (e == eol) break;
        f = e + 1;
    }
    return *sl && *dl;
}

/* strcmp of two cells (no NULs in CSV). */
static int cmp_cells(const char *a, size_t al, const char *b, size_t bl)
{
    int c = memcmp(a, b, al < bl ? al : bl);
    return c ? c : (al > bl) - (al < bl);
}

static void read_ahead(table *t)
{
    const rg_strmap *ids = &t->g->node_ids;
    const char *s, *d;
    size_t sl, dl, next;
    if (!raw_ends(t, t->r.pos, &s, &sl, &d, &dl, &next)) return;
    uint32_t a, b;
    if (rg_strmap_peek(ids, s, sl, &a) && rg_strmap_peek(ids, d, dl, &b) && a < t->g->nnodes &&
        b < t->g->nnodes) {
        if (t->ahead_symmetric && cmp_cells(s, sl, d, dl) > 0) {
            uint32_t x = a;
            a = b, b = x;
        }
        rg_graph_prefetch_edge(t->g, a, b, "related_to");
    }
    if (!raw_ends(t, next, &s, &sl, &d, &dl, &next)) return;
    rg_strmap_prefetch(ids, s, sl);
    rg_strmap_prefetch(ids, d, dl);
}

/* Whether read_ahead applies (see above). */
static bool can_read_ahead(const table *t)
{
    static const int typed[] = {COL_TYPE, COL_RELATION, COL_LABEL, COL_ROLE, COL_DATE};
    for (size_t i = 0; i < sizeof typed / sizeof *typed; i++)
        if (t->col[typed[i]] >= 0) return false;
    return t->edges;
}

static void table_free(table *t)
{
    rg_csv_reader_free(&t->r);
    free(t->names);
    free(t->header);
    free(t->role);
    free(t->last_label);
    free(t->last_type);
    free(t->done);
    rg_buf_free(&t->last_end[0]);
    rg_buf_free(&t->last_end[1]);
}

rg_status rg_csv_import(rg_graph *g, const char *path, const char *data, size_t len,
                        const rg_import_opts *opts, rg_error *err)
{
    table t = {.g = g, .no_row_evidence = opts && opts->no_row_evidence};
    rg_status rc = rg_csv_reader_init(&t.r, path, data, len, err);
    if (rc == RG_OK) rc = read_header(&t, err);
    if (rc == RG_OK) rc = classify(&t, err);
    if (rc) {
        table_free(&t);
        return rc;
    }
    t.doc = rg_csv_add_table_doc(g, path);
    if (t.edges) { /* one edge a line at most: size the graph once */
        size_t lines = 0;
        for (const char *p = data; (p = memchr(p, '\n', (size_t)(data + len - p))); p++)
            lines++;
        /* bounded: a hostile file of blank lines must not reserve gigabytes */
        rg_graph_reserve_edges(g, lines < ((size_t)1 << 24) ? lines + 1 : (size_t)1 << 24);
    }
    rg_strmap seen;
    rg_strmap_init(&seen);
    t.ahead = can_read_ahead(&t);
    t.ahead_symmetric = rg_edge_type_symmetric("related_to");
    bool more = true;
    while (rc == RG_OK && (rc = rg_csv_next(&t.r, &more, err)) == RG_OK && more) {
        if (t.ahead) read_ahead(&t);
        rc = check_width(&t, err);
        if (rc == RG_OK) rc = t.edges ? edge_row(&t, err) : node_row(&t, &seen, err);
    }
    if (t.warnings > 10)
        rg_warn("%s: %zu short rows in all (only the first 10 reported)", path, t.warnings);
    rg_strmap_free(&seen);
    table_free(&t);
    return rc;
}
