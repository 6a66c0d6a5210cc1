#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "rg_import.h"
#include "rg_json.h"

int rg_fail(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("relgraph: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return code;
}

int rg_usage_error(const rg_command *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "relgraph %s: ", cmd->name);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nTry 'relgraph help %s'.\n", cmd->name);
    va_end(ap);
    return 2;
}

int rg_parse_args(const rg_command *cmd, int argc, char **argv, const rg_opt *opts, size_t nopts,
                  rg_args *out)
{
    struct option *lo = calloc(nopts + 2, sizeof *lo);
    char shorts[128];
    size_t sl = 1;
    shorts[0] = ':';
    shorts[sl++] = 'h';
    for (size_t i = 0; i < nopts; i++) {
        lo[i].name = opts[i].name;
        lo[i].has_arg = opts[i].takes_value ? required_argument : no_argument;
        lo[i].val = 256 + (int)i;
        if (opts[i].short_name && sl + 2 < sizeof shorts) {
            shorts[sl++] = opts[i].short_name;
            if (opts[i].takes_value) shorts[sl++] = ':';
        }
    }
    lo[nopts].name = "help";
    lo[nopts].val = 'h';
    shorts[sl] = '\0';

    memset(out, 0, sizeof *out);
    out->values = calloc(nopts + 1, sizeof *out->values);
    out->positional = calloc((size_t)argc + 1, sizeof *out->positional);
    optind = 1;
    opterr = 0;
    int c, rc = 0;
    while (rc == 0 && (c = getopt_long(argc, argv, shorts, lo, NULL)) != -1) {
        if (c == 'h') {
            fputs(cmd->usage, stdout);
            rc = -1;
            break;
        }
        if (c == '?') {
            rc = optopt ? rg_usage_error(cmd, "unknown option '-%c'", optopt)
                        : rg_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
            break;
        }
        if (c == ':') {
            rc = rg_usage_error(cmd, "option '%s' needs a value", argv[optind - 1]);
            break;
        }
        size_t i;
        if (c >= 256) {
            i = (size_t)(c - 256);
        } else {
            for (i = 0; i < nopts && opts[i].short_name != c; i++)
                ;
        }
        if (i >= nopts) continue;
        const char *v = opts[i].takes_value ? optarg : "1";
        if (out->values[i] && opts[i].takes_value) {
            char *j = rg_sprintf("%s,%s", out->values[i], v);
            free(out->values[i]);
            out->values[i] = j;
        } else {
            free(out->values[i]);
            out->values[i] = rg_strdup(v);
        }
    }
    for (int i = optind; rc == 0 && i < argc; i++)
        out->positional[out->npositional++] = argv[i];
    free(lo);
    if (rc != 0) {
        rg_args_free(out, nopts);
        return rc < 0 ? -1 : rc;
    }
    return 0;
}

void rg_args_free(rg_args *a, size_t nopts)
{
    if (a->values)
        for (size_t i = 0; i < nopts; i++)
            free(a->values[i]);
    free(a->values);
    free(a->positional);
    memset(a, 0, sizeof *a);
}

bool rg_parse_uint(const char *s, unsigned long *out)
{
    if (!s || !*s) return false;
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || *end || *s == '-') return false;
    *out = v;
    return true;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk(const char *dir, char ***out, size_t *n, size_t *cap, int depth)
{
    if (depth > 64) return rg_fail(1, "%s: directories nested too deeply", dir);
    DIR *d = opendir(dir);
    if (!d) return rg_fail(1, "%s: cannot open directory: %s", dir, strerror(errno));
    char **names = NULL;
    size_t nn = 0, nc = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.') continue;
        *RG_PUSH(names, nn, nc) = rg_sprintf("%s/%s", dir, de->d_name);
    }
    closedir(d);
    if (nn) qsort(names, nn, sizeof *names, cmp_str);
    int rc = 0;
    for (size_t i = 0; i < nn; i++) {
        struct stat st;
        if (rc == 0 && stat(names[i], &st) == 0) {
            if (S_ISDIR(st.st_mode)) {
                rc = walk(names[i], out, n, cap, depth + 1);
            } else if (rg_import_format_of(names[i]) != RG_FORMAT_UNKNOWN) {
                *RG_PUSH(*out, *n, *cap) = names[i];
                names[i] = NULL;
            }
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

int rg_collect_inputs(char **paths, size_t npaths, char ***out, size_t *nout)
{
    size_t n = 0, cap = 0;
    char **list = NULL;
    for (size_t i = 0; i < npaths; i++) {
        struct stat st;
        if (strcmp(paths[i], "-") != 0 && stat(paths[i], &st) != 0) {
            /* A missing input file is a failing input like any other: its
             * importer reports it, so --keep-going still builds the rest. */
            if (rg_import_format_of(paths[i]) != RG_FORMAT_UNKNOWN) {
                *RG_PUSH(list, n, cap) = rg_strdup(paths[i]);
                continue;
            }
            rg_free_list(list, n);
            return rg_fail(1, "%s: %s", paths[i], strerror(errno));
        }
        if (strcmp(paths[i], "-") != 0 && S_ISDIR(st.st_mode)) {
            if (walk(paths[i], &list, &n, &cap, 0) != 0) {
                rg_free_list(list, n);
                return 1;
            }
        } else {
            *RG_PUSH(list, n, cap) = rg_strdup(paths[i]);
        }
    }
    *out = list;
    *nout = n;
    return 0;
}

void rg_free_list(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

void rg_csv_field(FILE *f, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"') fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

int rg_load_graph(const char *path, rg_graph *g)
{
    rg_error err = {0};
    rg_graph_init(g);
    if (rg_json_read_file(g, path, &err) != RG_OK) {
        rg_graph_free(g);
        return rg_fail(1, "%s", err.msg);
    }
    return 0;
}
