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

/* Lines are assembled in a buffer and written in blocks of about 64 KB:
 * fputc per byte and printf's format parsing cost a tenth of the command's
 * time on entity-dense text. Write errors surface at rg_outfile_commit. */
typedef struct sink {
    FILE *f;
    rg_buf b;
} sink;

static void put(sink *o, const char *s)
{
    rg_buf_append(&o->b, s, strlen(s));
}

static void put_uint(sink *o, uint32_t v)
{
    char t[12];
    size_t n = 0;
    do
        t[n++] = (char)('0' + v % 10);
    while (v /= 10);
    while (n)
        rg_buf_putc(&o->b, t[--n]);
}

/* A JSON string: runs of bytes that need no escape are copied at once. */
static void put_json(sink *o, const char *s, size_t n)
{
    rg_buf_putc(&o->b, '"');
    for (size_t i = 0; i < n;) {
        size_t run = i;
        while (run < n && (unsigned char)s[run] >= 0x20 && s[run] != '"' && s[run] != '\\')
            run++;
        rg_buf_append(&o->b, s + i, run - i);
        if (run == n) break;
        unsigned char c = (unsigned char)s[run];
        char esc[8];
        if (c == '"' || c == '\\')
            snprintf(esc, sizeof esc, "\\%c", c);
        else if (c == '\n' || c == '\t' || c == '\r')
            snprintf(esc, sizeof esc, "\\%c", c == '\n' ? 'n' : c == '\t' ? 't' : 'r');
        else
            snprintf(esc, sizeof esc, "\\u%04x", c);
        put(o, esc);
        i = run + 1;
    }
    rg_buf_putc(&o->b, '"');
}

static void put_str(sink *o, const char *s)
{
    put_json(o, s, strlen(s));
}

static void end_line(sink *o)
{
    put(o, "}\n");
    if (o->b.len >= 65536) {
        fwrite(o->b.data, 1, o->b.len, o->f);
        o->b.len = 0;
    }
}

static void print_mentions(sink *o, const rg_extraction *x)
{
    char **ids = rg_calloc(x->nentities + 1, sizeof *ids);
    for (size_t i = 0; i < x->nmentions; i++) {
        const rg_xmention *m = &x->mentions[i];
        put(o, "{\"doc\":");
        put_str(o, x->doc.id);
        put(o, ",\"kind\":\"entity\",\"type\":\"");
        put(o, rg_mention_type_name(m->type));
        put(o, "\",\"begin\":");
        put_uint(o, m->begin);
        put(o, ",\"end\":");
        put_uint(o, m->end);
        put(o, ",\"text\":");
        put_json(o, x->text + m->begin, m->end - m->begin);
        if (m->entity != RG_NONE && m->entity < x->nentities) {
            if (!ids[m->entity])
                ids[m->entity] =
                    rg_node_make_id(x->entities[m->entity].type, x->entities[m->entity].name);
            put(o, ",\"entity\":");
            put_str(o, ids[m->entity]);
        } else if (m->flags & (RG_XM_PRONOUN | RG_XM_NOMINAL)) {
            put(o, ",\"entity\":null"); /* no antecedent, or no named actor */
        }
        if (m->flags & RG_XM_PRONOUN) put(o, ",\"pronoun\":true");
        if (m->flags & RG_XM_NOMINAL) put(o, ",\"nominal\":true");
        if (m->value) {
            put(o, ",\"value\":");
            put_str(o, m->value);
        }
        end_line(o);
    }
    for (size_t i = 0; i < x->nentities; i++)
        free(ids[i]);
    free(ids);
}

static void put_span(sink *o, const char *key, const rg_xmention *m)
{
    put(o, key);
    put(o, "{\"begin\":");
    put_uint(o, m->begin);
    put(o, ",\"end\":");
    put_uint(o, m->end);
    put(o, "}");
}

/* Relation lines for the relations between two mentioned actors (events
 * have no span of their own, and co-mentions claim nothing). */
static void print_relations(sink *o, const rg_extraction *x)
{
    for (size_t i = 0; i < x->nrelations; i++) {
        const rg_xrelation *r = &x->relations[i];
        if (r->source_mention >= x->nmentions || r->target_mention >= x->nmentions) continue;
        if (strcmp(r->type, "participant_in") == 0 || strcmp(r->type, "co_mentioned") == 0)
            continue;
        put(o, "{\"doc\":");
        put_str(o, x->doc.id);
        put(o, ",\"kind\":\"relation\",\"type\":\"");
        put(o, r->type);
        put(o, "\"");
        put_span(o, ",\"source\":", &x->mentions[r->source_mention]);
        put_span(o, ",\"target\":", &x->mentions[r->target_mention]);
        if (r->date) {
            put(o, ",\"date\":\"");
            put(o, r->date);
            put(o, "\"");
        }
        put(o, ",\"sentence\":");
        const rg_xsentence *se = &x->sentences[r->sentence];
        put_json(o, x->text + se->begin, se->end - se->begin);
        end_line(o);
    }
}

static int run_one(sink *o, const char *path, const rg_import_opts *io)
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
    print_mentions(o, &x);
    print_relations(o, &x);
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
    sink o = {out.fp, {0}};
    for (size_t i = 0; i < n; i++)
        failed |= run_one(&o, inputs[i], &io);
    if (o.b.len) fwrite(o.b.data, 1, o.b.len, o.f);
    rg_buf_free(&o.b);
    if (rg_outfile_commit(&out, &err) != RG_OK) failed = rg_fail(1, "%s", err.msg);
    rg_free_list(inputs, n);
    rg_args_free(&a, O_N);
    return failed ? 1 : 0;
}

const rg_command rg_cmd_mentions = {"mentions", "print the entity mentions found in documents",
                                    usage, run};
