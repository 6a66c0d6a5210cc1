/* resolve_aliases: the analyst's --aliases file (format: docs/RESOLUTION.md). */
#include <stdlib.h>
#include <string.h>

#include "resolve_int.h"

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

static void line_free(rs_alias_line *l)
{
    for (size_t i = 0; i < l->nnames; i++) {
        free(l->names[i]);
        free(l->folded[i]);
    }
    free(l->names);
    free(l->folded);
}

void rg_aliases_free(rg_aliases *a)
{
    if (!a) return;
    for (size_t i = 0; i < a->nlines; i++)
        line_free(&a->lines[i]);
    free(a->lines);
    free(a->path);
    free(a);
}

/* Splits body on sep into trimmed, non-empty names. */
static rg_status split_names(rs_alias_line *l, char *body, const char *sep, const char *path,
                             rg_error *err)
{
    size_t cap = 0, capf = 0, nf = 0, seplen = strlen(sep);
    for (char *p = body;;) {
        char *at = strstr(p, sep);
        if (at) *at = '\0';
        char *name = trim(p);
        if (!*name)
            return rg_error_set(err, RG_EINPUT, "%s:%zu: empty name (names are separated by '%s')",
                                path, l->lineno, sep);
        char *f = rg_fold(name, strlen(name));
        if (!*f) {
            free(f);
            return rg_error_set(err, RG_EINPUT, "%s:%zu: name '%s' has no letters or digits", path,
                                l->lineno, name);
        }
        *RG_PUSH(l->names, l->nnames, cap) = rg_strdup(name);
        *RG_PUSH(l->folded, nf, capf) = f;
        if (!at) break;
        p = at + seplen;
    }
    if (l->nnames < 2)
        return rg_error_set(err, RG_EINPUT, "%s:%zu: expected at least two names separated by '%s'",
                            path, l->lineno, sep);
    return RG_OK;
}

static rg_status parse_line(rg_aliases *a, char *line, size_t lineno, rg_error *err)
{
    const char *path = a->path;
    char *colon = strchr(line, ':');
    if (!colon)
        return rg_error_set(err, RG_EINPUT, "%s:%zu: expected 'same: A = B' or 'never: A != B'",
                            path, lineno);
    *colon = '\0';
    char *head = trim(line), *body = colon + 1;
    rs_alias_line l = {.lineno = lineno};
    char *sp = strpbrk(head, " \t");
    char *type = NULL;
    if (sp) {
        *sp = '\0';
        type = trim(sp + 1);
    }
    if (strcmp(head, "same") == 0)
        l.never = false;
    else if (strcmp(head, "never") == 0)
        l.never = true;
    else
        return rg_error_set(err, RG_EINPUT,
                            "%s:%zu: unknown directive '%s' (expected 'same' or 'never')", path,
                            lineno, head);
    if (type && *type) {
        if (!rg_node_type_parse(type, &l.type))
            return rg_error_set(err, RG_EINPUT,
                                "%s:%zu: unknown type '%s' (expected person, organisation, "
                                "institution, place or event)",
                                path, lineno, type);
        l.typed = true;
    }
    rg_status rc;
    if (!l.never && strstr(body, "!="))
        rc = rg_error_set(err, RG_EINPUT, "%s:%zu: 'same' takes '=', not '!='", path, lineno);
    else if (l.never && !strstr(body, "!="))
        rc = rg_error_set(err, RG_EINPUT, "%s:%zu: 'never' needs names separated by '!='", path,
                          lineno);
    else
        rc = split_names(&l, body, l.never ? "!=" : "=", path, err);
    if (rc) {
        line_free(&l);
        return rc;
    }
    *RG_PUSH(a->lines, a->nlines, a->cap_lines) = l;
    return RG_OK;
}

rg_status rg_aliases_parse(const char *path, const char *data, size_t len, rg_aliases **out,
                           rg_error *err)
{
    rg_aliases *a = rg_calloc(1, sizeof *a);
    a->path = rg_strdup(path);
    char *copy = rg_strndup(data, len);
    rg_status rc = RG_OK;
    size_t lineno = 0;
    for (char *line = copy, *next; line && rc == RG_OK; line = next) {
        next = strchr(line, '\n');
        if (next) *next++ = '\0';
        lineno++;
        char *t = trim(line);
        if (lineno == 1 && strncmp(t, "\xef\xbb\xbf", 3) == 0) t = trim(t + 3); /* BOM */
        if (!*t || *t == '#') continue;
        rc = parse_line(a, t, lineno, err);
    }
    free(copy);
    if (rc == RG_OK && strlen(data) != len)
        rc = rg_error_set(err, RG_EINPUT, "%s: contains a NUL byte", path);
    if (rc) {
        rg_aliases_free(a);
        return rc;
    }
    *out = a;
    return RG_OK;
}

rg_status rg_aliases_load(const char *path, rg_aliases **out, rg_error *err)
{
    char *data;
    size_t len;
    rg_status rc = rg_read_file(path, &data, &len, (size_t)64 << 20, err);
    if (rc) return rc;
    rc = rg_aliases_parse(path, data, len, out, err);
    free(data);
    return rc;
}
