/* resolve_names: name keys and comparisons (rg_resolve.h, part a).
 *
 * The word lists and rules come from data/resolve/ (compiled in) and are
 * parsed once, on first use, into the tables below. */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "rg_data.h"
#include "resolve_int.h"

/* A substring rewrite of translit.txt; collapse = the collapse-doubles step. */
typedef struct rewrite {
    char *from, *to;
    size_t from_len;
    bool at_start, at_end, collapse;
} rewrite;

/* Tables: word sets map to 1; `names` and `spelling` map a variant to an
 * index into `canon`; `countries` maps a folded name, `codes` a lower-case
 * alpha-2/alpha-3 code, to an index into `alpha2`. */
static struct {
    rg_strmap stop, titles, particles, designators, names, spelling, countries, codes;
    char **canon;
    size_t ncanon, cap_canon;
    char **splits;
    size_t nsplits, cap_splits;
    rewrite *rules;
    size_t nrules, cap_rules;
    char (*alpha2)[3];
    size_t nalpha2, cap_alpha2;
} T;

static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

/* Calls fn(path, lineno, line, ctx) for each non-empty, non-comment line. */
static void each_line(const char *path, void (*fn)(const char *, size_t, char *))
{
    size_t len;
    const char *data = rg_data_get(path, &len);
    if (!data) {
        rg_warn("data/%s: missing from this build", path);
        return;
    }
    char *copy = rg_strndup(data, len);
    size_t lineno = 0;
    for (char *line = copy, *next; line; line = next) {
        next = strchr(line, '\n');
        if (next) *next++ = '\0';
        lineno++;
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\r' || line[n - 1] == ' '))
            line[--n] = '\0';
        while (*line == ' ')
            line++;
        if (*line && *line != '#') fn(path, lineno, line);
    }
    free(copy);
}

static rg_strmap *current_set;
static void add_set_line(const char *path, size_t lineno, char *line)
{
    (void)path, (void)lineno;
    char *f = rg_fold(line, strlen(line));
    if (*f) rg_strmap_put(current_set, f, 1);
    free(f);
}

static void load_set(rg_strmap *set, const char *path)
{
    rg_strmap_init(set);
    current_set = set;
    each_line(path, add_set_line);
}

static uint32_t add_canon(const char *s)
{
    *RG_PUSH(T.canon, T.ncanon, T.cap_canon) = rg_strdup(s);
    return (uint32_t)(T.ncanon - 1);
}

/* "CANON VARIANT..." into map (words folded). */
static void add_class(rg_strmap *map, char *words)
{
    uint32_t idx = RG_NONE;
    for (char *w = strtok(words, " \t"); w; w = strtok(NULL, " \t")) {
        char *f = rg_fold(w, strlen(w));
        if (*f) {
            if (idx == RG_NONE) idx = add_canon(f);
            rg_strmap_put(map, f, idx);
        }
        free(f);
    }
}

static void add_spelling_line(const char *path, size_t lineno, char *line)
{
    (void)path, (void)lineno;
    add_class(&T.spelling, line);
}

static void add_translit_line(const char *path, size_t lineno, char *line)
{
    if (strncmp(line, "name:", 5) == 0) {
        add_class(&T.names, line + 5);
    } else if (strncmp(line, "split:", 6) == 0) {
        char *w = strtok(line + 6, " \t");
        if (w) *RG_PUSH(T.splits, T.nsplits, T.cap_splits) = rg_strdup(w);
    } else if (strcmp(line, "collapse-doubles") == 0) {
        rewrite *r = RG_PUSH(T.rules, T.nrules, T.cap_rules);
        memset(r, 0, sizeof *r);
        r->collapse = true;
    } else if (strncmp(line, "rewrite:", 8) == 0) {
        char *from = strtok(line + 8, " \t"), *to = strtok(NULL, " \t");
        if (!from || !to) {
            rg_warn("data/%s:%zu: rewrite needs FROM and TO", path, lineno);
            return;
        }
        rewrite *r = RG_PUSH(T.rules, T.nrules, T.cap_rules);
        memset(r, 0, sizeof *r);
        if (*from == '^') r->at_start = true, from++;
        size_t fl = strlen(from);
        if (fl && from[fl - 1] == '$') r->at_end = true, from[--fl] = '\0';
        r->from = rg_strdup(from);
        r->from_len = fl;
        r->to = rg_strdup(strcmp(to, "-") == 0 ? "" : to);
    } else {
        rg_warn("data/%s:%zu: unknown line", path, lineno);
    }
}

static void add_country_line(const char *path, size_t lineno, char *line)
{
    /* ALPHA2 [ALPHA3] NAME...: tab-separated; a 3-letter capital field right
     * after the alpha-2 code of countries.tsv is the alpha-3 code. */
    char *fields[64];
    size_t nf = 0;
    for (char *f = strtok(line, "\t"); f && nf < 64; f = strtok(NULL, "\t"))
        fields[nf++] = f;
    if (nf < 2 || strlen(fields[0]) != 2) {
        rg_warn("data/%s:%zu: expected ALPHA2 and names", path, lineno);
        return;
    }
    char lower[4] = {0};
    for (int i = 0; i < 2; i++)
        lower[i] = (char)tolower((unsigned char)fields[0][i]);
    uint32_t idx;
    if (!rg_strmap_get(&T.codes, lower, &idx)) {
        idx = (uint32_t)T.nalpha2;
        char *a = *RG_PUSH(T.alpha2, T.nalpha2, T.cap_alpha2);
        memcpy(a, fields[0], 2);
        a[2] = '\0';
        rg_strmap_put(&T.codes, lower, idx);
    }
    size_t first = 1;
    if (strstr(path, "extra") == NULL && nf >= 3 && strlen(fields[1]) == 3) {
        for (int i = 0; i < 3; i++)
            lower[i] = (char)tolower((unsigned char)fields[1][i]);
        rg_strmap_put(&T.codes, lower, idx);
        first = 2;
    }
    for (size_t i = first; i < nf; i++) {
        char *f = rg_fold(fields[i], strlen(fields[i]));
        const char *k = strncmp(f, "the ", 4) == 0 ? f + 4 : f;
        if (*k) rg_strmap_put(&T.countries, k, idx);
        free(f);
    }
}

static void load_tables(void)
{
    load_set(&T.stop, "resolve/stopwords.txt");
    load_set(&T.titles, "resolve/titles.txt");
    load_set(&T.particles, "resolve/particles.txt");
    load_set(&T.designators, "resolve/designators.txt");
    rg_strmap_init(&T.names);
    rg_strmap_init(&T.spelling);
    rg_strmap_init(&T.countries);
    rg_strmap_init(&T.codes);
    each_line("resolve/translit.txt", add_translit_line);
    each_line("resolve/spelling.txt", add_spelling_line);
    each_line("resolve/countries.tsv", add_country_line);
    each_line("resolve/countries_extra.tsv", add_country_line);
}

static void tables(void)
{
    pthread_once(&tables_once, load_tables);
}

/* ---- token lists ------------------------------------------------------ */

void rs_toks_push(rs_toks *tk, const char *s, size_t n)
{
    *RG_PUSH(tk->t, tk->n, tk->cap) = rg_strndup(s, n);
}

void rs_toks_free(rs_toks *tk)
{
    for (size_t i = 0; i < tk->n; i++)
        free(tk->t[i]);
    free(tk->t);
    memset(tk, 0, sizeof *tk);
}

static void toks_remove(rs_toks *tk, size_t i)
{
    free(tk->t[i]);
    memmove(tk->t + i, tk->t + i + 1, (tk->n - i - 1) * sizeof *tk->t);
    tk->n--;
}

char *rs_toks_join(const rs_toks *tk, size_t skip)
{
    rg_buf b = {0};
    rg_buf_puts(&b, "");
    for (size_t i = 0; i < tk->n; i++) {
        if (i == skip) continue;
        if (b.len) rg_buf_putc(&b, ' ');
        rg_buf_puts(&b, tk->t[i]);
    }
    return rg_buf_detach(&b);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void rs_toks_sort_unique(rs_toks *tk)
{
    if (tk->t) qsort(tk->t, tk->n, sizeof *tk->t, cmp_str);
    size_t k = 0;
    for (size_t i = 0; i < tk->n; i++) {
        if (k && strcmp(tk->t[k - 1], tk->t[i]) == 0)
            free(tk->t[i]);
        else
            tk->t[k++] = tk->t[i];
    }
    tk->n = k;
}

/* Folded tokens of a name. */
/* Names are compared on their first RS_NAME_MAX bytes (cut at a character
 * boundary): nothing longer is a name, and it keeps hostile input linear. */
enum { RS_NAME_MAX = 512 };

static size_t name_len(const char *name)
{
    size_t n = strnlen(name, RS_NAME_MAX + 1);
    if (n <= RS_NAME_MAX) return n;
    n = RS_NAME_MAX;
    while (n > 0 && ((unsigned char)name[n] & 0xc0) == 0x80)
        n--;
    return n;
}

/* rg_fold() for printable ASCII, without utf8proc: letters and digits
 * lower-cased, apostrophes dropped, anything else separates words. Returns
 * false (nothing added) when the name has other bytes. */
static bool fold_tokens_ascii(const char *name, size_t n, rs_toks *out)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)name[i] < 0x20 || (unsigned char)name[i] > 0x7e) return false;
    char buf[RS_NAME_MAX + 1];
    size_t k = 0;
    for (size_t i = 0; i <= n; i++) {
        char c = i < n ? name[i] : ' ';
        if (c == '\'' || c == '`') continue; /* rg_fold drops these too */
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            buf[k++] = c;
        else if (c >= 'A' && c <= 'Z')
            buf[k++] = (char)(c - 'A' + 'a');
        else if (k) {
            rs_toks_push(out, buf, k);
            k = 0;
        }
    }
    return true;
}

void rs_fold_tokens(const char *name, rs_toks *out, bool fast)
{
    size_t n = name_len(name);
    if (fast && fold_tokens_ascii(name, n, out)) return;
    char *f = rg_fold(name, n);
    for (char *p = f; *p;) {
        char *sp = strchr(p, ' ');
        size_t n = sp ? (size_t)(sp - p) : strlen(p);
        if (n) rs_toks_push(out, p, n);
        p += n;
        while (*p == ' ')
            p++;
    }
    free(f);
}

bool rs_is_stopword(const char *tok)
{
    tables();
    uint32_t v;
    return rg_strmap_get(&T.stop, tok, &v);
}

static bool in_set(const rg_strmap *set, const char *tok)
{
    uint32_t v;
    return rg_strmap_get(set, tok, &v);
}

/* ---- persons ----------------------------------------------------------- */

static bool is_suffix(const char *s)
{
    static const char *const sfx[] = {"jr", "sr", "ii", "iii", "iv", NULL};
    for (size_t i = 0; sfx[i]; i++)
        if (strcmp(s, sfx[i]) == 0) return true;
    return false;
}

/* "Petit, Robert" -> "Robert Petit" (one comma, a name after it). */
static char *uninvert(const char *name)
{
    const char *c = strchr(name, ',');
    if (!c || strchr(c + 1, ',')) return rg_strdup(name);
    char *after = rg_fold(c + 1, strlen(c + 1));
    bool swap = *after && !is_suffix(after);
    free(after);
    if (!swap) return rg_strdup(name);
    return rg_sprintf("%s %.*s", c + 1, (int)(c - name), name);
}

static char *apply_rewrites(const char *tok)
{
    rg_buf cur = {0};
    rg_buf_puts(&cur, tok);
    for (size_t r = 0; r < T.nrules; r++) {
        const rewrite *rw = &T.rules[r];
        rg_buf out = {0};
        rg_buf_puts(&out, "");
        const char *s = cur.data;
        size_t n = cur.len;
        for (size_t i = 0; i < n;) {
            if (rw->collapse) {
                if (!(i > 0 && s[i] == s[i - 1] && isalpha((unsigned char)s[i])))
                    rg_buf_putc(&out, s[i]);
                i++;
                continue;
            }
            bool hit = i + rw->from_len <= n && memcmp(s + i, rw->from, rw->from_len) == 0 &&
                       (!rw->at_start || i == 0) && (!rw->at_end || i + rw->from_len == n);
            if (hit && rw->from_len) {
                rg_buf_puts(&out, rw->to);
                i += rw->from_len;
            } else {
                rg_buf_putc(&out, s[i++]);
            }
        }
        rg_buf_free(&cur);
        cur = out;
    }
    return rg_buf_detach(&cur);
}

/* One folded token -> skeleton (class lookup, then rewrites). */
static char *skeleton(const char *tok)
{
    uint32_t idx;
    const char *base = rg_strmap_get(&T.names, tok, &idx) ? T.canon[idx] : tok;
    return apply_rewrites(base);
}

void rs_person_tokens(const char *name, rs_toks *out)
{
    tables();
    char *un = uninvert(name);
    rs_toks tk = {0};
    rs_fold_tokens(un, &tk, true);
    free(un);
    while (tk.n > 1 && in_set(&T.titles, tk.t[0]))
        toks_remove(&tk, 0);
    for (size_t i = 0; i < tk.n && tk.n > 1;) {
        if (in_set(&T.particles, tk.t[i]))
            toks_remove(&tk, i);
        else
            i++;
    }
    while (tk.n > 1 && is_suffix(tk.t[tk.n - 1]))
        toks_remove(&tk, tk.n - 1);
    for (size_t i = 0; i < tk.n; i++) {
        const char *t = tk.t[i];
        size_t split = 0;
        for (size_t s = 0; s < T.nsplits && !split; s++) {
            size_t pl = strlen(T.splits[s]);
            if (strlen(t) > pl + 2 && strncmp(t, T.splits[s], pl) == 0) split = pl;
        }
        if (split) {
            char *pre = rg_strndup(t, split);
            char *a = skeleton(pre), *b = skeleton(t + split);
            *RG_PUSH(out->t, out->n, out->cap) = a;
            *RG_PUSH(out->t, out->n, out->cap) = b;
            free(pre);
        } else {
            *RG_PUSH(out->t, out->n, out->cap) = skeleton(t);
        }
    }
    rs_toks_free(&tk);
}

bool rs_person_has_title(const char *name)
{
    tables();
    rs_toks tk = {0};
    rs_fold_tokens(name, &tk, true);
    bool t = tk.n > 1 && in_set(&T.titles, tk.t[0]);
    rs_toks_free(&tk);
    return t;
}

bool rs_person_is_role(const char *name)
{
    tables();
    rs_toks tk = {0};
    rs_fold_tokens(name, &tk, true);
    bool role = true;
    for (size_t i = 0; i < tk.n && role; i++)
        role =
            in_set(&T.titles, tk.t[i]) || in_set(&T.particles, tk.t[i]) || in_set(&T.stop, tk.t[i]);
    rs_toks_free(&tk);
    return role;
}

static char *person_key(const char *name)
{
    rs_toks tk = {0};
    rs_person_tokens(name, &tk);
    char *k = rs_toks_join(&tk, SIZE_MAX);
    rs_toks_free(&tk);
    return k;
}

char *rg_name_surname(const char *name)
{
    rs_toks tk = {0};
    rs_person_tokens(name, &tk);
    char *s = tk.n ? rg_strdup(tk.t[tk.n - 1]) : NULL;
    rs_toks_free(&tk);
    return s;
}

char *rg_name_given(const char *name)
{
    rs_toks tk = {0};
    rs_person_tokens(name, &tk);
    char *s = tk.n > 1 ? rg_strdup(tk.t[0]) : NULL;
    rs_toks_free(&tk);
    return s;
}

/* ---- organisations ------------------------------------------------------- */

/* Prepositions that end an organisation name's head: "Commission on ...",
 * "Association of ...", "Network for ...". */
static bool head_preposition(const char *t)
{
    static const char *const preps[] = {"of", "on", "for", "in", "to", NULL};
    for (size_t i = 0; preps[i]; i++)
        if (strcmp(t, preps[i]) == 0) return true;
    return false;
}

void rs_org_tokens(const char *name, rs_toks *out)
{
    size_t head;
    rs_org_tokens_head(name, out, &head);
}

void rs_org_tokens_head(const char *name, rs_toks *out, size_t *head)
{
    tables();
    size_t start = out->n;
    *head = SIZE_MAX;
    /* A trailing "(ACRONYM)" is an annotation, not part of the name. */
    const char *open = strrchr(name, '(');
    char *base = NULL;
    if (open && open > name && strchr(open, ')')) {
        char *acr = rg_strndup(open + 1, (size_t)(strchr(open, ')') - open - 1));
        char *a = rg_name_as_acronym(acr);
        if (a) base = rg_strndup(name, (size_t)(open - name));
        free(a);
        free(acr);
    }
    rs_toks tk = {0};
    rs_fold_tokens(base ? base : name, &tk, true);
    free(base);
    if (tk.n > 1 && strcmp(tk.t[0], "the") == 0) toks_remove(&tk, 0);
    /* trailing designators, in one or two tokens ("e v") */
    for (bool again = true; again && tk.n > 1;) {
        again = false;
        if (in_set(&T.designators, tk.t[tk.n - 1])) {
            toks_remove(&tk, tk.n - 1);
            again = true;
        } else if (tk.n > 2) {
            char *two = rg_sprintf("%s %s", tk.t[tk.n - 2], tk.t[tk.n - 1]);
            if (in_set(&T.designators, two)) {
                toks_remove(&tk, tk.n - 1);
                toks_remove(&tk, tk.n - 1);
                again = true;
            }
            free(two);
        }
    }
    size_t content = 0;
    for (size_t i = 0; i < tk.n; i++)
        content += !in_set(&T.stop, tk.t[i]);
    for (size_t i = 0; i < tk.n; i++) {
        if (content && in_set(&T.stop, tk.t[i])) {
            if (*head == SIZE_MAX && out->n > start && head_preposition(tk.t[i]))
                *head = out->n - 1;
            continue;
        }
        uint32_t idx;
        const char *t = rg_strmap_get(&T.spelling, tk.t[i], &idx) ? T.canon[idx] : tk.t[i];
        rs_toks_push(out, t, strlen(t));
    }
    if (*head == SIZE_MAX) *head = out->n > 0 ? out->n - 1 : 0;
    rs_toks_free(&tk);
}

static char *org_key(const char *name)
{
    rs_toks tk = {0};
    rs_org_tokens(name, &tk);
    rs_toks_sort_unique(&tk);
    char *k = rs_toks_join(&tk, SIZE_MAX);
    rs_toks_free(&tk);
    return k;
}

char *rg_name_as_acronym(const char *name)
{
    while (*name == ' ')
        name++;
    if (strncmp(name, "the ", 4) == 0 || strncmp(name, "The ", 4) == 0) name += 4;
    size_t n = strlen(name);
    while (n && name[n - 1] == ' ')
        n--;
    char buf[16];
    size_t k = 0, upper = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)name[i];
        if (c == '.' || c == '&') continue;
        if (!(isupper(c) || isdigit(c)) || k >= 10) return NULL;
        upper += isupper(c) != 0;
        buf[k++] = (char)tolower(c);
    }
    if (upper < 2) return NULL;
    return rg_strndup(buf, k);
}

size_t rg_name_acronyms(const char *name, char *out[3])
{
    tables();
    size_t n = 0;
    const char *open = strrchr(name, '(');
    if (open && strchr(open, ')')) {
        char *inside = rg_strndup(open + 1, (size_t)(strchr(open, ')') - open - 1));
        char *a = rg_name_as_acronym(inside);
        if (a) out[n++] = a;
        free(inside);
    }
    char *base = n ? rg_strndup(name, (size_t)(open - name)) : rg_strdup(name);
    rs_toks tk = {0};
    rs_fold_tokens(base, &tk, true);
    free(base);
    if (tk.n > 1 && strcmp(tk.t[0], "the") == 0) toks_remove(&tk, 0);
    rg_buf content = {0}, all = {0};
    size_t ncontent = 0;
    for (size_t i = 0; i < tk.n; i++) {
        /* a token's first code point; for Latin text, its first byte */
        rg_buf_putc(&all, tk.t[i][0]);
        if (!in_set(&T.stop, tk.t[i])) {
            rg_buf_putc(&content, tk.t[i][0]);
            ncontent++;
        }
    }
    rs_toks_free(&tk);
    if (ncontent >= 2) {
        char *c = rg_buf_detach(&content), *a = rg_buf_detach(&all);
        bool dup_c = false;
        for (size_t i = 0; i < n; i++)
            dup_c |= strcmp(out[i], c) == 0;
        if (dup_c)
            free(c);
        else
            out[n++] = c;
        bool dup_a = false;
        for (size_t i = 0; i < n; i++)
            dup_a |= strcmp(out[i], a) == 0;
        if (dup_a)
            free(a);
        else
            out[n++] = a;
    } else {
        rg_buf_free(&content);
        rg_buf_free(&all);
    }
    return n;
}

bool rg_name_acronym_of(const char *acronym, const char *expansion)
{
    char *a = rg_name_as_acronym(acronym);
    if (!a) { /* accept lower case too: "iiim" */
        rg_buf b = {0};
        rg_buf_puts(&b, "");
        for (const char *p = acronym; *p; p++)
            if (isalnum((unsigned char)*p)) rg_buf_putc(&b, (char)tolower((unsigned char)*p));
        a = rg_buf_detach(&b);
    }
    char *out[3];
    size_t n = rg_name_acronyms(expansion, out);
    bool hit = false;
    for (size_t i = 0; i < n; i++) {
        hit |= *a && strcmp(out[i], a) == 0;
        free(out[i]);
    }
    free(a);
    return hit;
}

/* ---- places ------------------------------------------------------------ */

const char *rg_name_country(const char *name)
{
    tables();
    char *f = rg_fold(name, strlen(name));
    const char *k = strncmp(f, "the ", 4) == 0 ? f + 4 : f;
    uint32_t idx;
    bool found = rg_strmap_get(&T.countries, k, &idx);
    free(f);
    if (!found) {
        /* ISO codes only when written in capitals: "US" but not "us". */
        char *a = rg_name_as_acronym(name);
        found = a && strlen(a) <= 3 && rg_strmap_get(&T.codes, a, &idx);
        free(a);
    }
    return found ? T.alpha2[idx] : NULL;
}

static char *place_key(const char *name)
{
    const char *code = rg_name_country(name);
    if (code) return rg_sprintf("iso:%s", code);
    char *f = rg_fold(name, strlen(name));
    if (strncmp(f, "the ", 4) == 0) memmove(f, f + 4, strlen(f + 4) + 1);
    return f;
}

char *rg_name_key(rg_node_type type, const char *name)
{
    switch (type) {
    case RG_NODE_PERSON:
        return person_key(name);
    case RG_NODE_ORGANISATION:
    case RG_NODE_INSTITUTION:
        return org_key(name);
    case RG_NODE_PLACE:
        return place_key(name);
    default:
        return rg_fold(name, strlen(name));
    }
}

/* ---- edit distance ----------------------------------------------------- */

static size_t decode(const char *s, int32_t *out, size_t cap)
{
    size_t n = 0;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t len = (utf8proc_ssize_t)strlen(s);
    while (len > 0 && n < cap) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p, len, &cp);
        if (k <= 0) {
            cp = *p;
            k = 1;
        }
        out[n++] = cp;
        p += k;
        len -= k;
    }
    return n;
}

int rg_edit_distance(const char *a, const char *b, int max)
{
    enum { CAP = 256 };
    int32_t x[CAP], y[CAP];
    size_t n = decode(a, x, CAP), m = decode(b, y, CAP);
    if ((n > m ? n - m : m - n) > (size_t)max) return max + 1;
    /* Three rolling rows of the optimal-string-alignment table. */
    int *prev2 = rg_malloc((m + 1) * sizeof *prev2), *prev = rg_malloc((m + 1) * sizeof *prev),
        *cur = rg_malloc((m + 1) * sizeof *cur);
    for (size_t j = 0; j <= m; j++)
        prev[j] = (int)j;
    int result = -1;
    for (size_t i = 1; i <= n && result < 0; i++) {
        cur[0] = (int)i;
        int rowmin = cur[0];
        for (size_t j = 1; j <= m; j++) {
            int cost = x[i - 1] != y[j - 1];
            int v = prev[j - 1] + cost;
            if (prev[j] + 1 < v) v = prev[j] + 1;
            if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
            if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] &&
                prev2[j - 2] + 1 < v)
                v = prev2[j - 2] + 1;
            cur[j] = v;
            if (v < rowmin) rowmin = v;
        }
        if (rowmin > max) result = max + 1;
        int *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    if (result < 0) result = prev[m] > max ? max + 1 : prev[m];
    free(prev2);
    free(prev);
    free(cur);
    return result;
}

/* ---- pairwise matching ----------------------------------------------------- */

static bool has_digit(const char *s)
{
    for (; *s; s++)
        if (isdigit((unsigned char)*s)) return true;
    return false;
}

/* Organisation typo rule: same number (3 to 16) of content tokens, all equal
 * but one pair, which is one edit apart, at least 5 code points long, digit-free; the
 * whole name at least 12 bytes. Tokens must be sorted. */
static bool org_typo(const rs_toks *x, const rs_toks *y)
{
    if (x->n != y->n || x->n < 3 || x->n > 16) return false;
    size_t len = 0;
    for (size_t i = 0; i < x->n; i++)
        len += strlen(x->t[i]);
    if (len < 12) return false;
    /* Remove one token from each so that the rests are equal. */
    for (size_t i = 0; i < x->n; i++) {
        for (size_t j = 0; j < y->n; j++) {
            char *rx = rs_toks_join(x, i), *ry = rs_toks_join(y, j);
            bool same_rest = strcmp(rx, ry) == 0;
            free(rx);
            free(ry);
            if (same_rest && strcmp(x->t[i], y->t[j]) != 0 && strlen(x->t[i]) >= 5 &&
                strlen(y->t[j]) >= 5 && !has_digit(x->t[i]) && !has_digit(y->t[j]) &&
                rg_edit_distance(x->t[i], y->t[j], 1) <= 1)
                return true;
        }
    }
    return false;
}

/* Is s (in order) a subsequence of l? */
static bool subsequence(const rs_toks *s, const rs_toks *l)
{
    size_t k = 0;
    for (size_t i = 0; i < l->n && k < s->n; i++)
        if (strcmp(l->t[i], s->t[k]) == 0) k++;
    return k == s->n;
}

static bool org_match(const char *a, const char *b)
{
    char *ka = org_key(a), *kb = org_key(b);
    bool same = *ka && strcmp(ka, kb) == 0;
    free(ka);
    free(kb);
    if (same) return true;
    if (rg_name_acronym_of(a, b) || rg_name_acronym_of(b, a)) {
        char *x = rg_name_as_acronym(a), *y = rg_name_as_acronym(b);
        bool one = (x != NULL) != (y != NULL);
        free(x);
        free(y);
        if (one) return true;
    }
    rs_toks x = {0}, y = {0};
    rs_org_tokens(a, &x);
    rs_org_tokens(b, &y);
    const rs_toks *s = x.n <= y.n ? &x : &y, *l = x.n <= y.n ? &y : &x;
    bool m = s->n == 2 && l->n == 3 && strcmp(s->t[0], l->t[0]) == 0 &&
             strcmp(s->t[1], l->t[2]) == 0; /* "Syrian Coalition" */
    if (!m) {
        rs_toks_sort_unique(&x);
        rs_toks_sort_unique(&y);
        m = org_typo(&x, &y);
    }
    rs_toks_free(&x);
    rs_toks_free(&y);
    return m;
}

static bool person_match(const char *a, const char *b)
{
    rs_toks x = {0}, y = {0};
    rs_person_tokens(a, &x);
    rs_person_tokens(b, &y);
    bool m = false;
    if (x.n && y.n) {
        const rs_toks *s = x.n <= y.n ? &x : &y, *l = x.n <= y.n ? &y : &x;
        bool same_last = strcmp(s->t[s->n - 1], l->t[l->n - 1]) == 0;
        if (s->n == 1)
            m = same_last && l->n >= 2;             /* bare surname */
        else if (same_last && strlen(s->t[0]) == 1) /* initial + surname */
            m = s->n == 2 && l->t[0][0] == s->t[0][0];
        else if (same_last && strcmp(s->t[0], l->t[0]) == 0) /* middle names */
            m = s->n == l->n ? subsequence(s, l) : s->n == 2;
    }
    rs_toks_free(&x);
    rs_toks_free(&y);
    return m;
}

bool rg_name_match(rg_node_type type, const char *a, const char *b)
{
    switch (type) {
    case RG_NODE_PERSON:
        return person_match(a, b);
    case RG_NODE_ORGANISATION:
    case RG_NODE_INSTITUTION:
        return org_match(a, b);
    default: {
        char *ka = rg_name_key(type, a), *kb = rg_name_key(type, b);
        bool m = *ka && strcmp(ka, kb) == 0;
        free(ka);
        free(kb);
        return m;
    }
    }
}
