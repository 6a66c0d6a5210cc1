#include "rg_import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rg_json.h"

rg_format rg_import_format_of(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash)) return RG_FORMAT_UNKNOWN;
    static const struct {
        const char *ext;
        rg_format f;
    } map[] = {
        {".csv", RG_FORMAT_CSV},   {".json", RG_FORMAT_JSON}, {".graphml", RG_FORMAT_GRAPHML},
        {".txt", RG_FORMAT_TEXT},  {".text", RG_FORMAT_TEXT}, {".md", RG_FORMAT_TEXT},
        {".html", RG_FORMAT_HTML}, {".htm", RG_FORMAT_HTML},
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (strcasecmp(dot, map[i].ext) == 0) return map[i].f;
    return RG_FORMAT_UNKNOWN;
}

size_t rg_import_max_bytes(const rg_import_opts *o)
{
    return o && o->max_bytes ? o->max_bytes : (size_t)256 << 20;
}

/* Extraction reads a document as one unit (sentences, coreference); a
 * "document" of more than 32 MiB is a dump to split, not an article, and
 * would hold a core for minutes. */
size_t rg_import_max_doc_bytes(const rg_import_opts *o)
{
    return o && o->max_doc_bytes ? o->max_doc_bytes : (size_t)32 << 20;
}

/* A name is a few words; 4 KiB is already a paragraph, and every name is
 * copied into aliases, keys and outputs. */
size_t rg_import_max_name(const rg_import_opts *o)
{
    return o && o->max_name ? o->max_name : 4096;
}

/* Context of the --max-name warnings for one file. */
typedef struct name_cuts {
    const char *path, *data;
    size_t len, max, n;
} name_cuts;

/* Warns about a name being cut, with the line where it first appears in the
 * file (found by its bytes, else its first 64; escaped names may have none). */
static void report_cut(void *ctx, const char *what, const char *name)
{
    name_cuts *c = ctx;
    if (c->n++ >= 10) return;
    const char *at = memmem(c->data, c->len, name, strlen(name));
    if (!at) at = memmem(c->data, c->len, name, strlen(name) < 64 ? strlen(name) : 64);
    size_t nl = 0;
    for (const char *p = c->data; at && p < at; p++)
        nl += *p == '\n';
    char line[32] = "";
    if (at) snprintf(line, sizeof line, ":%zu", nl + 1);
    rg_warn("%s%s: %s of %zu bytes cut to %zu bytes (see --max-name)", c->path, line, what,
            strlen(name), c->max);
}

size_t rg_import_max_depth(const rg_import_opts *o)
{
    return o && o->max_depth ? o->max_depth : 256;
}

static bool graph_is_empty(const rg_graph *g)
{
    return g->nnodes == 0 && g->nedges == 0 && g->ndocs == 0 && g->attrs.n == 0;
}

rg_status rg_import_file(rg_graph *g, const char *path, const rg_import_opts *opts, rg_error *err)
{
    rg_format f = rg_import_format_of(path);
    if (f == RG_FORMAT_UNKNOWN)
        return rg_error_set(err, RG_EINPUT,
                            "%s: unknown input format (expected .csv, .json, .graphml, .txt, "
                            ".text, .md, .html or .htm)",
                            path);
    char *data;
    size_t len;
    rg_status rc = rg_read_file(path, &data, &len, rg_import_max_bytes(opts), err);
    if (rc) return rc;

    /* Read into a scratch graph; merge only on success. The first input
     * into an empty graph is read in place instead (copying millions of
     * edges costs as much as reading them): on failure the graph is simply
     * emptied again, which is the state it was in. */
    bool direct = graph_is_empty(g);
    rg_graph part;
    rg_graph_init(&part);
    rg_graph *into = direct ? g : &part;
    switch (f) {
    case RG_FORMAT_CSV:
        rc = rg_csv_import(into, path, data, len, opts, err);
        break;
    case RG_FORMAT_JSON:
        rc = rg_json_read(into, path, data, len, opts, err);
        break;
    case RG_FORMAT_GRAPHML:
        rc = rg_graphml_import(into, path, data, len, opts, err);
        break;
    case RG_FORMAT_TEXT:
    case RG_FORMAT_HTML:
        rc = rg_document_import(into, path, f, data, len, opts, err);
        break;
    default:
        break;
    }
    if (rc == RG_OK) {
        name_cuts cuts = {path, data, len, rg_import_max_name(opts), 0};
        rg_error cerr = {0};
        rc = rg_graph_cut_names(into, cuts.max, report_cut, &cuts, &cerr);
        if (rc) rg_error_set(err, rc, "%s: %s", path, cerr.msg);
        if (cuts.n > 10)
            rg_warn("%s: %zu names cut in all (only the first 10 reported)", path, cuts.n);
    }
    free(data);
    if (direct) {
        if (rc) {
            rg_graph_free(g);
            rg_graph_init(g);
        }
    } else if (rc == RG_OK) {
        rg_error merr = {0};
        rc = rg_graph_merge(g, &part, &merr);
        if (rc) rg_error_set(err, rc, "%s: %s", path, merr.msg);
    }
    rg_graph_free(&part);
    return rc;
}
