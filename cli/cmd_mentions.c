/* relgraph mentions INPUT... : the extraction pipeline's mentions as JSON lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "extract/rg_document_extract.h"
#include "rg_import.h"

static const char usage[] =
    "usage: relgraph mentions INPUT... [options]\n"
    "\n"
    "Runs entity extraction over documents (.txt .text .md .html .htm; directories\n"
    "walked recursively) and prints one JSON object a line per mention, ordered by\n"
    "document then position:\n"
    "  {\"doc\": ID, \"kind\": \"entity\", \"type\": TYPE, \"begin\": B, \"end\": E,\n"
    "   \"text\": SURFACE, \"entity\": NODE_ID}\n"
    "Offsets are UTF-8 byte offsets into the document text (end exclusive); NODE_ID is\n"
    "the id the node gets in `relgraph build`. Dates carry \"value\" (ISO 8601) instead.\n"
    "Then one line per relation between two mentioned actors (docs/RELATIONS.md):\n"
    "  {\"doc\": ID, \"kind\": \"relation\", \"type\": TYPE, \"source\": {\"begin\", \"end\"},\n"
    "   \"target\": {\"begin\", \"end\"}, \"sentence\": TEXT}\n"
    "\n"
    "  -o, --output FILE    write here instead of stdout\n"
    "      --lexicon FILE   extra lexicon (docs/EXTRACTION.md: NAME<TAB>type a line)\n"
    "      --max-bytes N    refuse input files larger than N bytes (default 268435456)\n"
    "  -q, --quiet          no warnings\n";

enum { O_OUT, O_LEX, O_MAXB, O_QUIET, O_N };
static const rg_opt opts[O_N] = {
    [O_OUT] = {"output", 'o', true},
    [O_LEX] = {"lexicon", 0, true},
    [O_MAXB] = {"max-bytes", 0, true},
    [O_QUIET] = {"quiet", 'q', false},
};

extern const rg_command rg_cmd_mentions;

static void json_str(FILE *f, const char *s, size_t n)
{
    fputc('"', f);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", f);
        else if (c == '\t')
            fputs("\\t", f);
        else if (c == '\r')
            fputs("\\r", f);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void print_mentions(FILE *f, const rg_extraction *x)
{
    char **ids = rg_calloc(x->nentities + 1, sizeof *ids);
    for (size_t i = 0; i < x->nmentions; i++) {
        const rg_xmention *m = &x->mentions[i];
        fputs("{\"doc\":", f);
        json_str(f, x->doc.id, strlen(x->doc.id));
        fprintf(f, ",\"kind\":\"entity\",\"type\":\"%s\",\"begin\":%u,\"end\":%u,\"text\":",
                rg_mention_type_name(m->type), m->begin, m->end);
        json_str(f, x->text + m->begin, m->end - m->begin);
        if (m->entity != RG_NONE && m->entity < x->nentities) {
            if (!ids[m->entity])
                ids[m->entity] =
                    rg_node_make_id(x->entities[m->entity].type, x->entities[m->entity].name);
            fputs(",\"entity\":", f);
            json_str(f, ids[m->entity], strlen(ids[m->entity]));
        } else if (m->flags & (RG_XM_PRONOUN | RG_XM_NOMINAL)) {
            fputs(",\"entity\":null", f); /* no antecedent, or no named actor */
        }
        if (m->flags & RG_XM_PRONOUN) fputs(",\"pronoun\":true", f);
        if (m->flags & RG_XM_NOMINAL) fputs(",\"nominal\":true", f);
        if (m->value) {
            fputs(",\"value\":", f);
            json_str(f, m->value, strlen(m->value));
        }
        fputs("}\n", f);
    }
    for (size_t i = 0; i < x->nentities; i++)
        free(ids[i]);
    free(ids);
}

/* Relation lines for the relations between two mentioned actors (events
 * have no span of their own, and co-mentions claim nothing). */
static void print_relations(FILE *f, const rg_extraction *x)
{
    for (size_t i = 0; i < x->nrelations; i++) {
        const rg_xrelation *r = &x->relations[i];
        if (r->source_mention >= x->nmentions || r->target_mention >= x->nmentions) continue;
        if (strcmp(r->type, "participant_in") == 0 || strcmp(r->type, "co_mentioned") == 0)
            continue;
        const rg_xmention *s = &x->mentions[r->source_mention],
                          *t = &x->mentions[r->target_mention];
        fputs("{\"doc\":", f);
        json_str(f, x->doc.id, strlen(x->doc.id));
        fprintf(f,
                ",\"kind\":\"relation\",\"type\":\"%s\",\"source\":{\"begin\":%u,\"end\":%u},"
                "\"target\":{\"begin\":%u,\"end\":%u}",
                r->type, s->begin, s->end, t->begin, t->end);
        if (r->date) fprintf(f, ",\"date\":\"%s\"", r->date);
        fputs(",\"sentence\":", f);
        const rg_xsentence *se = &x->sentences[r->sentence];
        json_str(f, x->text + se->begin, se->end - se->begin);
        fputs("}\n", f);
    }
}

static int run_one(FILE *f, const char *path, const rg_import_opts *io)
{
    rg_format fmt = rg_import_format_of(path);
    if (fmt != RG_FORMAT_TEXT && fmt != RG_FORMAT_HTML) fmt = RG_FORMAT_TEXT;
    char *data;
    size_t len;
    rg_error err = {0};
    if (rg_read_file(path, &data, &len, rg_import_max_bytes(io), &err) != RG_OK)
        return rg_fail(1, "%s", err.msg);
    rg_extraction x;
    rg_status rc = rg_document_extract(path, fmt, data, len, io, &x, &err);
    free(data);
    if (rc != RG_OK) return rg_fail(1, "%s", err.msg);
    print_mentions(f, &x);
    print_relations(f, &x);
    rg_extraction_free(&x);
    return 0;
}

static int run(int argc, char **argv)
{
    rg_args a;
    int rc = rg_parse_args(&rg_cmd_mentions, argc, argv, opts, O_N, &a);
    if (rc) return rc < 0 ? 0 : rc;
    rg_import_opts io = {0};
    unsigned long v;
    if (a.npositional == 0)
        rc = rg_usage_error(&rg_cmd_mentions, "no inputs");
    else if (a.values[O_MAXB] && !rg_parse_uint(a.values[O_MAXB], &v))
        rc = rg_usage_error(&rg_cmd_mentions, "--max-bytes needs a number");
    if (rc) {
        rg_args_free(&a, O_N);
        return rc;
    }
    if (a.values[O_MAXB]) io.max_bytes = v;
    io.lexicon = a.values[O_LEX];
    rg_set_quiet(a.values[O_QUIET] != NULL);
    if (io.lexicon) { /* report a bad lexicon once, before any output */
        const rg_gazetteer *g;
        rg_error err = {0};
        if (rg_document_gazetteer(io.lexicon, &g, &err) != RG_OK) {
            rg_args_free(&a, O_N);
            return rg_fail(1, "%s", err.msg);
        }
    }
    char **inputs;
    size_t n;
    if (rg_collect_inputs(a.positional, a.npositional, &inputs, &n) != 0) {
        rg_args_free(&a, O_N);
        return 1;
    }
    rg_outfile out;
    rg_error err = {0};
    const char *dest = a.values[O_OUT] ? a.values[O_OUT] : "-";
    if (rg_outfile_open(&out, dest, &err) != RG_OK) {
        rg_free_list(inputs, n);
        rg_args_free(&a, O_N);
        return rg_fail(1, "%s", err.msg);
    }
    int failed = 0;
    for (size_t i = 0; i < n; i++)
        failed |= run_one(out.fp, inputs[i], &io);
    if (rg_outfile_commit(&out, &err) != RG_OK) failed = rg_fail(1, "%s", err.msg);
    rg_free_list(inputs, n);
    rg_args_free(&a, O_N);
    return failed ? 1 : 0;
}

const rg_command rg_cmd_mentions = {"mentions", "print the entity mentions found in documents",
                                    usage, run};
