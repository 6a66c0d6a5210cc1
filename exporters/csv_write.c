/* CSV export: DIR/nodes.csv and DIR/edges.csv.
 *
 * Default headers follow Gephi's spreadsheet import (nodes: Id, Label;
 * edges: Source, Target, Type = Directed/Undirected, Id, Label, Weight),
 * further columns are attributes. csv_header = "neo4j" writes the same
 * columns under neo4j-admin import's typed headers (id:ID, :LABEL,
 * :START_ID, :END_ID, :TYPE, weight:double) so that
 *   neo4j-admin database import full --nodes=nodes.csv --relationships=edges.csv
 * loads them. RFC 4180 quoting; one line per record (line breaks inside
 * values become spaces, evidence sentences are joined with " | "). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "rg_export_priv.h"

static const char *const node_fixed[] = {"Id",       "Label",     "type", "aliases",
                                         "mentions", "documents", NULL};
static const char *const edge_fixed[] = {"Source",   "Target", "Type", "Id",  "Label",    "Weight",
                                         "relation", "role",   "date", "key", "evidence", NULL};

static void field(FILE *f, const char *value, bool first)
{
    if (!first) fputc(',', f);
    if (!value) return;
    char *valid = rg_export_utf8(value), *s = valid;
    bool quote = *s == ' ' || (*s && s[strlen(s) - 1] == ' ') || strpbrk(s, ",\"\r\n") != NULL;
    if (!quote) {
        fputs(s, f);
        free(valid);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputs("\"\"", f);
        else
            fputc(*s == '\n' || *s == '\r' ? ' ' : *s, f);
    }
    fputc('"', f);
    free(valid);
}

static void header_col(FILE *f, const char *name, const char *neo, bool neo4j, bool first)
{
    field(f, neo4j ? neo : name, first);
}

/* The header columns of the free attributes, then the end of the header
 * line; neo4j-admin wants numeric columns typed ("weight:double"). */
static void attr_header(FILE *f, const rg_export_key *keys, size_t nk, bool neo4j)
{
    for (size_t k = 0; k < nk; k++) {
        char *h = neo4j && keys[k].numeric
                      ? rg_sprintf("%s:%s", keys[k].name, keys[k].integer ? "long" : "double")
                      : rg_strdup(keys[k].name);
        field(f, h, false);
        free(h);
    }
    fputs("\r\n", f);
}

static void write_nodes(const rg_graph *g, FILE *f, bool neo4j)
{
    size_t nk;
    rg_export_key *keys = rg_export_attr_keys(g, false, node_fixed, &nk);
    header_col(f, "Id", "id:ID", neo4j, true);
    header_col(f, "Label", "label", neo4j, false);
    header_col(f, "type", ":LABEL", neo4j, false);
    header_col(f, "aliases", "aliases", neo4j, false);
    header_col(f, "mentions", "mentions:int", neo4j, false);
    header_col(f, "documents", "documents", neo4j, false);
    attr_header(f, keys, nk, neo4j);
    rg_buf b = {0};
    for (size_t i = 0; i < g->nnodes; i++) {
        const rg_node *n = &g->nodes[i];
        field(f, n->id, true);
        field(f, n->label, false);
        field(f, rg_node_type_name(n->type), false);
        b.len = 0;
        rg_buf_puts(&b, "");
        for (size_t a = 0; a < n->naliases; a++)
            rg_buf_printf(&b, "%s%s", a ? "; " : "", n->aliases[a].name);
        field(f, b.data, false);
        fprintf(f, ",%u", n->mention_count);
        b.len = 0;
        b.data[0] = 0;
        for (size_t d = 0; d < n->ndocs; d++)
            rg_buf_printf(&b, "%s%s", d ? "; " : "", g->docs[n->docs[d]].id);
        field(f, b.data, false);
        for (size_t k = 0; k < nk; k++)
            field(f, rg_attrs_get(&n->attrs, keys[k].name), false);
        fputs("\r\n", f);
    }
    rg_buf_free(&b);
    free(keys);
}

static void write_edges(const rg_graph *g, FILE *f, bool neo4j)
{
    size_t nk;
    rg_export_key *keys = rg_export_attr_keys(g, true, edge_fixed, &nk);
    header_col(f, "Source", ":START_ID", neo4j, true);
    header_col(f, "Target", ":END_ID", neo4j, false);
    header_col(f, "Type", "direction", neo4j, false);
    header_col(f, "Id", "id", neo4j, false);
    header_col(f, "Label", "label", neo4j, false);
    header_col(f, "Weight", "weight:double", neo4j, false);
    header_col(f, "relation", ":TYPE", neo4j, false);
    header_col(f, "role", "role", neo4j, false);
    header_col(f, "date", "date", neo4j, false);
    header_col(f, "key", "key", neo4j, false);
    header_col(f, "evidence", "evidence", neo4j, false);
    attr_header(f, keys, nk, neo4j);
    char num[32];
    for (size_t i = 0; i < g->nedges; i++) {
        const rg_edge *e = &g->edges[i];
        field(f, g->nodes[e->source].id, true);
        field(f, g->nodes[e->target].id, false);
        field(f, rg_edge_type_symmetric(e->type) ? "Undirected" : "Directed", false);
        fprintf(f, ",e%zu", i);
        field(f, e->role ? e->role : e->type, false);
        field(f, rg_export_num(num, e->weight), false);
        field(f, e->type, false);
        field(f, e->role, false);
        field(f, e->date, false);
        field(f, e->key, false);
        char *ev = rg_export_evidence(g, e, 1000);
        rg_buf b = {0};
        rg_buf_puts(&b, "");
        for (char *p = ev; *p; p++)
            if (*p == '\n')
                rg_buf_puts(&b, " | "); /* one record per line */
            else
                rg_buf_putc(&b, *p);
        field(f, b.data, false);
        rg_buf_free(&b);
        free(ev);
        for (size_t k = 0; k < nk; k++)
            field(f, rg_attrs_get(&e->attrs, keys[k].name), false);
        fputs("\r\n", f);
    }
    free(keys);
}

rg_status rg_csv_export_dir(rg_graph *g, const char *dir, const rg_export_opts *opts, rg_error *err)
{
    if (strcmp(dir, "-") == 0)
        return rg_error_set(err, RG_EUSAGE, "csv export writes a directory; '-' is not one");
    struct stat st;
    if (stat(dir, &st) == 0) {
        if (!S_ISDIR(st.st_mode))
            return rg_error_set(err, RG_EINPUT, "%s: exists and is not a directory", dir);
    } else if (mkdir(dir, 0777) != 0) {
        return rg_error_set(err, RG_EINPUT, "%s: cannot create directory: %s", dir,
                            strerror(errno));
    }
    bool neo4j = opts && opts->csv_header && strcmp(opts->csv_header, "neo4j") == 0;
    char *np = rg_sprintf("%s/nodes.csv", dir), *ep = rg_sprintf("%s/edges.csv", dir);
    rg_outfile no, eo;
    rg_status rc = rg_outfile_open(&no, np, err);
    if (rc == RG_OK && (rc = rg_outfile_open(&eo, ep, err)) != RG_OK) rg_outfile_abort(&no);
    if (rc == RG_OK) {
        write_nodes(g, no.fp, neo4j);
        write_edges(g, eo.fp, neo4j);
        /* Both temp files complete before either is renamed into place. */
        if (fflush(no.fp) || ferror(no.fp) || fflush(eo.fp) || ferror(eo.fp)) {
            rc = rg_error_set(err, RG_EINPUT, "%s: write error: %s", dir, strerror(errno));
            rg_outfile_abort(&no);
            rg_outfile_abort(&eo);
        } else if ((rc = rg_outfile_commit(&no, err)) != RG_OK) {
            rg_outfile_abort(&eo);
        } else {
            rc = rg_outfile_commit(&eo, err);
        }
    }
    free(np);
    free(ep);
    return rc;
}
