#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <utf8proc.h>

#include "rg_export_priv.h"
#include "rg_json.h"

const char *const rg_export_formats[] = {"json", "dot", "svg",       "png",  "pdf", "graphml",
                                         "gexf", "csv", "cytoscape", "html", NULL};

const char *const rg_export_layouts[] = {"dot",   "neato", "fdp",       "sfdp", "circo",
                                         "twopi", "osage", "patchwork", NULL};

static bool in_list(const char *const *list, const char *s)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(list[i], s) == 0) return true;
    return false;
}

bool rg_export_format_known(const char *format)
{
    return in_list(rg_export_formats, format);
}

bool rg_export_is_number(const char *s, double *v)
{
    if (!s || !*s) return false;
    char *end;
    errno = 0;
    double d = strtod(s, &end);
    if (*end || errno || !isfinite(d)) return false;
    if (v) *v = d;
    return true;
}

static bool any_node_has(const rg_graph *g, const char *attr)
{
    for (size_t i = 0; i < g->nnodes; i++)
        if (rg_attrs_get(&g->nodes[i].attrs, attr)) return true;
    return false;
}

rg_status rg_export_check_opts(const rg_graph *g, const rg_export_opts *o, rg_error *err)
{
    if (o->color_by && strcmp(o->color_by, "type") && strcmp(o->color_by, "community"))
        return rg_error_set(err, RG_EUSAGE, "--color-by must be 'type' or 'community', not '%s'",
                            o->color_by);
    if (o->cluster && strcmp(o->cluster, "type") && strcmp(o->cluster, "community"))
        return rg_error_set(err, RG_EUSAGE, "--cluster must be 'type' or 'community', not '%s'",
                            o->cluster);
    if (o->layout && !in_list(rg_export_layouts, o->layout))
        return rg_error_set(err, RG_EUSAGE,
                            "unknown layout '%s' (dot, neato, fdp, sfdp, circo, twopi, osage, "
                            "patchwork)",
                            o->layout);
    if (o->csv_header && strcmp(o->csv_header, "gephi") && strcmp(o->csv_header, "neo4j"))
        return rg_error_set(err, RG_EUSAGE, "--csv-header must be 'gephi' or 'neo4j', not '%s'",
                            o->csv_header);
    /* Scores come from `relgraph rank`/`communities`: asking for one the graph
     * lacks is a mistake worth reporting, not a silent uniform size. */
    if (o->size_by && strcmp(o->size_by, "degree") && g->nnodes && !any_node_has(g, o->size_by))
        return rg_error_set(err, RG_EUSAGE,
                            "no node has the attribute '%s' (compute it first, e.g. relgraph "
                            "rank --measure %s)",
                            o->size_by, o->size_by);
    bool need_comm = (o->color_by && strcmp(o->color_by, "community") == 0) ||
                     (o->cluster && strcmp(o->cluster, "community") == 0);
    if (need_comm && g->nnodes && !any_node_has(g, "community"))
        return rg_error_set(err, RG_EUSAGE,
                            "no node has a 'community' attribute (run relgraph communities "
                            "first)");
    return RG_OK;
}

double *rg_export_scores(const rg_graph *g, const char *attr)
{
    double *s = rg_calloc(g->nnodes + 1, sizeof *s);
    if (!attr || strcmp(attr, "degree") == 0) {
        for (size_t i = 0; i < g->nedges; i++) {
            s[g->edges[i].source] += 1;
            s[g->edges[i].target] += 1;
        }
        return s;
    }
    for (size_t i = 0; i < g->nnodes; i++) {
        double v;
        if (rg_export_is_number(rg_attrs_get(&g->nodes[i].attrs, attr), &v)) s[i] = v;
    }
    return s;
}

static const double *sort_scores;
static int cmp_rank(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    if (sort_scores[x] != sort_scores[y]) return sort_scores[x] > sort_scores[y] ? -1 : 1;
    return (x > y) - (x < y);
}

uint32_t *rg_export_rank(const rg_graph *g, const double *scores)
{
    uint32_t *order = rg_malloc((g->nnodes + 1) * sizeof *order);
    for (size_t i = 0; i < g->nnodes; i++)
        order[i] = (uint32_t)i;
    sort_scores = scores;
    if (g->nnodes) qsort(order, g->nnodes, sizeof *order, cmp_rank);
    sort_scores = NULL;
    return order;
}

void rg_export_top(const rg_graph *g, unsigned top, const char *rank_by, rg_graph *out)
{
    double *scores = rg_export_scores(g, rank_by);
    uint32_t *order = rg_export_rank(g, scores);
    size_t keep = top < g->nnodes ? top : g->nnodes;
    /* Kept nodes in their original (id) order, so the copy stays canonical. */
    uint32_t *map = rg_malloc((g->nnodes + 1) * sizeof *map);
    for (size_t i = 0; i < g->nnodes; i++)
        map[i] = RG_NONE;
    for (size_t i = 0; i < keep; i++)
        map[order[i]] = 0;
    /* A shallow view of g holding only the kept nodes and the edges among
     * them (indices remapped), merged into `out`: rg_graph_merge does the
     * deep copy of every field, so nothing is copied by hand here. */
    rg_graph view;
    memset(&view, 0, sizeof view);
    view.docs = g->docs;
    view.ndocs = g->ndocs;
    view.attrs = g->attrs;
    view.nodes = rg_malloc((keep + 1) * sizeof *view.nodes);
    view.edges = rg_malloc((g->nedges + 1) * sizeof *view.edges);
    for (size_t i = 0; i < g->nnodes; i++)
        if (map[i] != RG_NONE) {
            map[i] = (uint32_t)view.nnodes;
            view.nodes[view.nnodes++] = g->nodes[i];
        }
    for (size_t i = 0; i < g->nedges; i++) {
        const rg_edge *e = &g->edges[i];
        if (map[e->source] == RG_NONE || map[e->target] == RG_NONE) continue;
        rg_edge *v = &view.edges[view.nedges++];
        *v = *e;
        v->source = map[e->source];
        v->target = map[e->target];
    }
    rg_graph_merge(out, &view, NULL); /* cannot fail: ids and types come from a valid graph */
    rg_graph_finalize(out);
    free(view.nodes);
    free(view.edges);
    free(map);
    free(order);
    free(scores);
}

/* Okabe-Ito palette, colour-blind safe, one colour per node type. */
static const struct {
    const char *shape, *fill;
} type_style[RG_NODE_NTYPES] = {
    [RG_NODE_PERSON] = {"ellipse", "#E69F00"},    [RG_NODE_ORGANISATION] = {"box", "#56B4E9"},
    [RG_NODE_INSTITUTION] = {"house", "#009E73"}, [RG_NODE_PLACE] = {"octagon", "#F0E442"},
    [RG_NODE_EVENT] = {"diamond", "#CC79A7"},
};

const char *rg_export_type_color(rg_node_type t)
{
    return (unsigned)t < RG_NODE_NTYPES ? type_style[t].fill : "#BBBBBB";
}

const char *rg_export_type_shape(rg_node_type t)
{
    return (unsigned)t < RG_NODE_NTYPES ? type_style[t].shape : "ellipse";
}

/* Communities: light qualitative colours (Paul Tol's "light" scheme and
 * ColorBrewer pastels) so black labels stay readable on every fill. */
static const char *const comm_palette[] = {
    "#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99",
    "#BBCC33", "#CCBBEE", "#F4A582", "#92C5DE", "#B8E186", "#DDDDDD",
};
#define NCOMM (sizeof comm_palette / sizeof *comm_palette)

const char *rg_export_community_color(const char *community)
{
    if (!community || !*community) return "#DDDDDD";
    double v;
    if (rg_export_is_number(community, &v) && v >= 0 && v == floor(v))
        return comm_palette[(unsigned long long)v % NCOMM];
    return comm_palette[rg_hash64(community, strlen(community)) % NCOMM];
}

const char *rg_export_node_color(const rg_node *n, const rg_export_opts *o)
{
    if (o && o->color_by && strcmp(o->color_by, "community") == 0)
        return rg_export_community_color(rg_attrs_get(&n->attrs, "community"));
    return rg_export_type_color(n->type);
}

double *rg_export_normalise(const double *s, size_t n)
{
    double *out = rg_malloc((n + 1) * sizeof *out);
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < lo) lo = s[i];
        if (s[i] > hi) hi = s[i];
    }
    for (size_t i = 0; i < n; i++)
        out[i] = hi > lo ? (s[i] - lo) / (hi - lo) : 0.5;
    return out;
}

char *rg_export_evidence(const rg_graph *g, const rg_edge *e, size_t max)
{
    rg_buf b = {0};
    rg_buf_puts(&b, "");
    for (size_t i = 0; i < e->nevidence && i < max; i++) {
        if (i) rg_buf_putc(&b, '\n');
        const rg_evidence *ev = &e->evidence[i];
        if (ev->doc < g->ndocs) rg_buf_printf(&b, "[%s] ", g->docs[ev->doc].id);
        /* one sentence per line: inner line breaks become spaces */
        for (const char *p = ev->text ? ev->text : ""; *p; p++)
            rg_buf_putc(&b, *p == '\n' || *p == '\r' ? ' ' : *p);
    }
    if (e->nevidence > max) rg_buf_printf(&b, "\n(+%zu more)", e->nevidence - max);
    return rg_buf_detach(&b);
}

typedef rg_status (*stream_writer)(rg_graph *g, FILE *out, const rg_export_opts *o, rg_error *err);

static rg_status json_stream(rg_graph *g, FILE *out, const rg_export_opts *o, rg_error *err)
{
    (void)o;
    return rg_json_write(g, out, err);
}

static rg_status svg_stream(rg_graph *g, FILE *out, const rg_export_opts *o, rg_error *err)
{
    return rg_render_write(g, out, "svg", o, err);
}

static rg_status png_stream(rg_graph *g, FILE *out, const rg_export_opts *o, rg_error *err)
{
    return rg_render_write(g, out, "png", o, err);
}

static rg_status pdf_stream(rg_graph *g, FILE *out, const rg_export_opts *o, rg_error *err)
{
    return rg_render_write(g, out, "pdf", o, err);
}

static const struct {
    const char *name;
    stream_writer w;
} writers[] = {
    {"json", json_stream},   {"dot", rg_dot_write},
    {"svg", svg_stream},     {"png", png_stream},
    {"pdf", pdf_stream},     {"graphml", rg_graphml_write},
    {"gexf", rg_gexf_write}, {"cytoscape", rg_cytoscape_write},
    {"html", rg_html_write},
};

static rg_status write_stream(rg_graph *g, const char *path, stream_writer w,
                              const rg_export_opts *opts, rg_error *err)
{
    rg_outfile o;
    rg_status rc = rg_outfile_open(&o, path, err);
    if (rc) return rc;
    rc = w(g, o.fp, opts, err);
    if (rc) {
        rg_outfile_abort(&o);
        /* writers do not know the file name; the message must carry it */
        if (err && strncmp(err->msg, path, strlen(path)) != 0) {
            char *msg = rg_sprintf("%s: %s", path, err->msg);
            rg_error_set(err, rc, "%s", msg);
            free(msg);
        }
        return rc;
    }
    return rg_outfile_commit(&o, err);
}

static rg_status export_graph(rg_graph *g, const char *format, const char *path,
                              const rg_export_opts *opts, rg_error *err)
{
    if (strcmp(format, "csv") == 0) return rg_csv_export_dir(g, path, opts, err);
    for (size_t i = 0; i < sizeof writers / sizeof *writers; i++)
        if (strcmp(writers[i].name, format) == 0)
            return write_stream(g, path, writers[i].w, opts, err);
    return rg_error_set(err, RG_EUSAGE, "unknown export format '%s'", format);
}

rg_status rg_export(rg_graph *g, const char *format, const char *path, const rg_export_opts *opts,
                    rg_error *err)
{
    rg_export_opts none = {0};
    if (!opts) opts = &none;
    if (!rg_export_format_known(format))
        return rg_error_set(err, RG_EUSAGE, "unknown export format '%s'", format);
    rg_status rc = rg_export_check_opts(g, opts, err);
    if (rc) return rc;
    if (!opts->top || opts->top >= g->nnodes) return export_graph(g, format, path, opts, err);
    rg_graph sub;
    rg_graph_init(&sub);
    rg_export_top(g, opts->top, opts->size_by, &sub);
    rc = export_graph(&sub, format, path, opts, err);
    rg_graph_free(&sub);
    return rc;
}

char *rg_export_utf8(const char *s)
{
    rg_buf b = {0};
    rg_buf_puts(&b, "");
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)(s ? s : "");
    size_t n = strlen((const char *)p);
    for (size_t i = 0; i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k > 0 && cp != 0xFFFE && cp != 0xFFFF) {
            rg_buf_append(&b, p + i, (size_t)k);
            i += (size_t)k;
        } else {
            rg_buf_puts(&b, "\xef\xbf\xbd");
            i++;
        }
    }
    return rg_buf_detach(&b);
}

void rg_export_xml_text(FILE *f, const char *text)
{
    char *s = rg_export_utf8(text);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '&':
            fputs("&amp;", f);
            break;
        case '<':
            fputs("&lt;", f);
            break;
        case '>':
            fputs("&gt;", f);
            break;
        case '"':
            fputs("&quot;", f);
            break;
        case '\'':
            fputs("&apos;", f);
            break;
        case '\n':
            fputs("&#10;", f);
            break; /* survives attribute normalisation */
        case '\t':
            fputs("&#9;", f);
            break;
        case '\r':
            fputs("&#13;", f);
            break;
        default:
            if (*p >= 0x20) fputc(*p, f);
        }
    }
    free(s);
}

rg_export_key *rg_export_attr_keys(const rg_graph *g, bool edges, const char *const *reserved,
                                   size_t *n)
{
    rg_export_key *keys = NULL;
    size_t nk = 0, cap = 0;
    rg_strmap seen;
    rg_strmap_init(&seen);
    size_t count = edges ? g->nedges : g->nnodes;
    for (size_t i = 0; i < count; i++) {
        const rg_attrs *a = edges ? &g->edges[i].attrs : &g->nodes[i].attrs;
        for (size_t j = 0; j < a->n; j++) {
            const char *k = a->items[j].key;
            if (reserved && in_list(reserved, k)) continue;
            double v = 0;
            const char *val = a->items[j].value, *digits = val + (*val == '-');
            /* "0123" (a code, not a quantity) keeps its leading zero as text */
            bool num = rg_export_is_number(val, &v) &&
                       !(digits[0] == '0' && digits[1] >= '0' && digits[1] <= '9');
            bool whole = num && v == floor(v) && fabs(v) < 1e15 && !strpbrk(val, ".eE");
            uint32_t at;
            if (rg_strmap_get(&seen, k, &at)) {
                if (!num) keys[at].numeric = false;
                if (!whole) keys[at].integer = false;
                continue;
            }
            rg_strmap_put(&seen, k, (uint32_t)nk);
            rg_export_key *key = RG_PUSH(keys, nk, cap);
            key->name = k;
            key->numeric = num;
            key->integer = whole;
        }
    }
    rg_strmap_free(&seen);
    for (size_t i = 0; i < nk; i++)
        keys[i].integer = keys[i].integer && keys[i].numeric;
    *n = nk;
    return keys;
}

const char *rg_export_num(char buf[32], double v)
{
    if (!isfinite(v)) v = 0;
    snprintf(buf, 32, "%.15g", v);
    if (strtod(buf, NULL) != v) snprintf(buf, 32, "%.17g", v);
    return buf;
}
