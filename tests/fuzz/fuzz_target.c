#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "fuzz_target.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rg_export.h"
#include "rg_import.h"
#include "rg_json.h"
#include "rg_resolve.h"
#ifdef RG_HAVE_DOC_LOAD
#include "rg_doc.h"
#endif

const char *const rg_fuzz_targets[] = {"csv",  "json",    "graphml", "text",
                                       "html", "doctext", "dochtml", NULL};

/* A broken promise: say which, then abort so libFuzzer saves the input. */
#define PROMISE(cond, ...)                                                                         \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz: broken promise: %s: ", #cond);                                  \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

static void check_error(rg_status rc, const rg_error *err, const char *path)
{
    PROMISE(rc == RG_OK || rc == RG_EINPUT, "status %d", (int)rc);
    if (rc == RG_OK) return;
    PROMISE(err->msg[0] != '\0', "empty error message");
    PROMISE(strstr(err->msg, path) != NULL, "message does not name the file: %s", err->msg);
}

/* Writes g as JSON into memory and reads it back: same counts, or the
 * importer produced a graph whose output would be corrupt. */
static void check_round_trip(rg_graph *g)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    PROMISE(f != NULL, "open_memstream");
    rg_error err = {0};
    rg_status rc = rg_json_write(g, f, &err);
    fclose(f);
    PROMISE(rc == RG_OK, "JSON write failed: %s", err.msg);
    rg_graph back;
    rg_graph_init(&back);
    rc = rg_json_read(&back, "round-trip.json", buf, len, NULL, &err);
    PROMISE(rc == RG_OK, "written JSON does not read back: %s", err.msg);
    PROMISE(back.ndocs == g->ndocs && back.nnodes == g->nnodes && back.nedges == g->nedges,
            "round trip changed the graph: docs %zu->%zu nodes %zu->%zu edges %zu->%zu", g->ndocs,
            back.ndocs, g->nnodes, back.nnodes, g->nedges, back.nedges);
    rg_graph_free(&back);
    free(buf);

    f = fopen("/dev/null", "w");
    PROMISE(f != NULL, "/dev/null");
    rc = rg_dot_write(g, f, NULL, &err);
    fclose(f);
    PROMISE(rc == RG_OK, "DOT write failed: %s", err.msg);
}

static void import(rg_format format, const char *path, const char *data, size_t size)
{
    rg_import_opts opts = {0};
    rg_error err = {0};
    rg_graph part, g;
    rg_graph_init(&part);
    rg_graph_init(&g);
    rg_status rc = RG_OK;
    switch (format) {
    case RG_FORMAT_CSV:
        rc = rg_csv_import(&part, path, data, size, &opts, &err);
        break;
    case RG_FORMAT_JSON:
        rc = rg_json_read(&part, path, data, size, &opts, &err);
        break;
    case RG_FORMAT_GRAPHML:
        rc = rg_graphml_import(&part, path, data, size, &opts, &err);
        break;
    default:
        rc = rg_document_import(&part, path, format, data, size, &opts, &err);
        break;
    }
    check_error(rc, &err, path);
    if (rc == RG_OK) {
        rc = rg_graph_merge(&g, &part, &err);
        PROMISE(rc == RG_OK, "merge into an empty graph failed: %s", err.msg);
        /* as `relgraph build` does: cross-document entity resolution
         * (RG_FUZZ_RESOLVE=0 leaves it out, to fuzz past a known bug there) */
        const char *res = getenv("RG_FUZZ_RESOLVE");
        if (!res || strcmp(res, "0") != 0) {
            rc = rg_resolve_graph(&g, NULL, &err);
            PROMISE(rc == RG_OK, "entity resolution failed without an alias file: %s", err.msg);
        }
        rg_graph_finalize(&g);
        check_round_trip(&g);
    }
    rg_graph_free(&part);
    rg_graph_free(&g);
}

#ifdef RG_HAVE_DOC_LOAD
static bool valid_utf8(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (k == 0 || i + k > n) return false;
        for (size_t j = 1; j < k; j++)
            if ((s[i + j] & 0xC0) != 0x80) return false;
        i += k;
    }
    return true;
}

static void doc_load(rg_format format, const char *path, const char *data, size_t size)
{
    rg_import_opts opts = {0};
    rg_error err = {0};
    rg_loaded_doc d;
    memset(&d, 0, sizeof d);
    rg_status rc = rg_doc_load(path, format, data, size, &opts, &d, &err);
    check_error(rc, &err, path);
    if (rc != RG_OK) return;
    PROMISE(d.text != NULL && d.doc.id != NULL, "loaded document without text or id");
    PROMISE(strlen(d.text) == d.len, "text has %zu bytes but strlen %zu", d.len, strlen(d.text));
    PROMISE(valid_utf8((const unsigned char *)d.text, d.len), "text is not valid UTF-8");
    rg_loaded_doc_free(&d);
}
#endif

int rg_fuzz_one(const char *target, const uint8_t *data, size_t size)
{
    static const struct {
        const char *name, *path;
        rg_format format;
        bool doc_load;
    } map[] = {
        {"csv", "fuzz-input.csv", RG_FORMAT_CSV, false},
        {"json", "fuzz-input.json", RG_FORMAT_JSON, false},
        {"graphml", "fuzz-input.graphml", RG_FORMAT_GRAPHML, false},
        {"text", "fuzz-input.txt", RG_FORMAT_TEXT, false},
        {"html", "fuzz-input.html", RG_FORMAT_HTML, false},
        {"doctext", "fuzz-input.txt", RG_FORMAT_TEXT, true},
        {"dochtml", "fuzz-input.html", RG_FORMAT_HTML, true},
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++) {
        if (strcmp(map[i].name, target) != 0) continue;
        /* Importers get the whole file NUL-terminated, as rg_read_file gives it. */
        char *buf = malloc(size + 1);
        if (!buf) abort();
        if (size) memcpy(buf, data, size);
        buf[size] = '\0';
        rg_set_quiet(true);
        int ret = 0;
        if (!map[i].doc_load) import(map[i].format, map[i].path, buf, size);
#ifdef RG_HAVE_DOC_LOAD
        else
            doc_load(map[i].format, map[i].path, buf, size);
#else
        else
            ret = -1;
#endif
        free(buf);
        return ret;
    }
    return -1;
}
