/* resolve_graph: cross-document entity resolution (rg_resolve.h, part b).
 *
 * Nodes are ranked by id; a union-find over ranks (the root of a cluster is
 * its smallest rank) collects the merges. Candidate pairs come from blocking
 * records (hash of a key, rank, aux) sorted by key: only records with equal
 * keys are ever compared, so work grows with the number of keys, not with
 * the square of the number of nodes. Stages run in a fixed order; rules that
 * depend on uniqueness ("the only full name with this surname") look at the
 * clusters as they were when the stage began and apply their unions
 * afterwards, so the outcome does not depend on the order of the records.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* qsort_r */
#endif
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "resolve_int.h"
#include "rg_data.h"

enum { CLS_PERSON, CLS_ORG, CLS_PLACE, CLS_NONE = 255 };

static int node_class(const rg_node *n)
{
    if (n->implicit) return CLS_NONE;
    switch (n->type) {
    case RG_NODE_PERSON:
        return CLS_PERSON;
    case RG_NODE_ORGANISATION:
    case RG_NODE_INSTITUTION:
        return CLS_ORG; /* extractors confuse the two */
    case RG_NODE_PLACE:
        return CLS_PLACE;
    default:
        return CLS_NONE;
    }
}

/* A blocking record: key hash, then two payload words (sorted on too). */
typedef struct rec {
    uint64_t h;
    uint32_t a, b;
} rec;

typedef struct recs {
    rec *r;
    size_t n, cap;
} recs;

static void recs_push(recs *v, uint64_t h, uint32_t a, uint32_t b)
{
    *RG_PUSH(v->r, v->n, v->cap) = (rec){h, a, b};
}

static int cmp_rec(const void *x, const void *y)
{
    const rec *p = x, *q = y;
    if (p->h != q->h) return p->h < q->h ? -1 : 1;
    if (p->a != q->a) return p->a < q->a ? -1 : 1;
    return (p->b > q->b) - (p->b < q->b);
}

static uint64_t hash_str(const char *s)
{
    return rg_hash64(s, strlen(s));
}

/* What the resolver knows about one node (by rank). */
typedef struct ninfo {
    int cls;
    /* persons: skeleton tokens of the label */
    rs_toks ptok;
    bool initial; /* "R. Petit" */
    /* organisations: content tokens of the label, in order and sorted */
    rs_toks otok, osorted;
    size_t ohead; /* index in otok of the head noun (rs_org_tokens_head) */
    bool label_acronym;
    bool expands; /* some name of the node is a multi-word name */
} ninfo;

typedef struct resolver {
    rg_graph *g;
    size_t n;
    uint32_t *node_at; /* rank -> node index */
    uint32_t *parent;
    uint32_t **tags; /* per root: never-line tags (line << 8 | name index) */
    size_t *ntags;
    ninfo *info;
    rg_resolve_stats st;
    const rg_aliases *aliases;
    uint32_t *label_line; /* per rank: first same: line naming it, or RG_NONE */
    const char *err_path;
} resolver;

/* ---- union-find with vetoes ----------------------------------------------- */

static uint32_t find(resolver *R, uint32_t x)
{
    while (R->parent[x] != x) {
        R->parent[x] = R->parent[R->parent[x]];
        x = R->parent[x];
    }
    return x;
}

/* The never-line tags of root a and root b clash: same line, other name. */
static bool vetoed(const resolver *R, uint32_t a, uint32_t b, uint32_t *line)
{
    for (size_t i = 0; i < R->ntags[a]; i++)
        for (size_t j = 0; j < R->ntags[b]; j++)
            if ((R->tags[a][i] >> 8) == (R->tags[b][j] >> 8) &&
                (R->tags[a][i] & 0xff) != (R->tags[b][j] & 0xff)) {
                if (line) *line = R->tags[a][i] >> 8;
                return true;
            }
    return false;
}

/* Returns 1 merged, 0 already together, -1 vetoed. */
static int unite(resolver *R, uint32_t a, uint32_t b, rg_resolve_rule rule, uint32_t *vline)
{
    a = find(R, a);
    b = find(R, b);
    if (a == b) return 0;
    if (vetoed(R, a, b, vline)) {
        R->st.vetoed++;
        return -1;
    }
    if (b < a) {
        uint32_t t = a;
        a = b;
        b = t;
    }
    R->parent[b] = a;
    if (R->ntags[b]) {
        R->tags[a] = rg_realloc(R->tags[a], (R->ntags[a] + R->ntags[b]) * sizeof **R->tags);
        memcpy(R->tags[a] + R->ntags[a], R->tags[b], R->ntags[b] * sizeof **R->tags);
        R->ntags[a] += R->ntags[b];
        free(R->tags[b]);
        R->tags[b] = NULL;
        R->ntags[b] = 0;
    }
    R->st.merges[rule]++;
    return 1;
}

static rg_node *node_r(const resolver *R, uint32_t r)
{
    return &R->g->nodes[R->node_at[r]];
}

/* ---- node information and exact keys ---------------------------------------- */

static bool same_token(const rs_toks *a, size_t i, const rs_toks *b, size_t j)
{
    return i < a->n && j < b->n && strcmp(a->t[i], b->t[j]) == 0;
}

/* Adds key "cls|key" for rank r to the exact-key records; `pool` keeps the
 * strings so that equal hashes can be checked for equal keys. */
static void add_key(recs *keys, char ***pool, size_t *npool, size_t *cap, int cls, const char *k,
                    uint32_t r)
{
    if (!*k) return;
    char *full = rg_sprintf("%d|%s", cls, k);
    recs_push(keys, hash_str(full), r, (uint32_t)*npool);
    *RG_PUSH(*pool, *npool, *cap) = full;
}

/* Is an alias a proper name ("the Syrian Coalition", "Mosul") rather than
 * a description bound in one document ("the city", "the regime")? Its
 * first letter after an article is upper case, or not Latin at all. */
static bool proper(const char *name)
{
    if (strncmp(name, "the ", 4) == 0 || strncmp(name, "The ", 4) == 0) name += 4;
    unsigned char c = (unsigned char)*name;
    return !(c >= 'a' && c <= 'z');
}

static void build_info(resolver *R, recs *keys, char ***pool, size_t *npool)
{
    size_t cap = 0;
    for (uint32_t r = 0; r < R->n; r++) {
        const rg_node *nd = node_r(R, r);
        ninfo *in = &R->info[r];
        in->cls = node_class(nd);
        if (in->cls == CLS_NONE) continue;
        if (in->cls == CLS_PERSON && rs_person_is_role(nd->label)) {
            in->cls = CLS_NONE; /* "the Foreign Secretary": whose? */
            continue;
        }
        if (in->cls == CLS_PERSON) {
            rs_person_tokens(nd->label, &in->ptok);
            in->initial = in->ptok.n >= 2 && strlen(in->ptok.t[0]) == 1;
            char *k = rs_toks_join(&in->ptok, SIZE_MAX);
            add_key(keys, pool, npool, &cap, in->cls, k, r);
            free(k);
            /* other spellings of the same full name (same given name) */
            for (size_t i = 0; i < nd->naliases; i++) {
                if (strcmp(nd->aliases[i].name, nd->label) == 0 || !proper(nd->aliases[i].name))
                    continue;
                rs_toks t = {0};
                rs_person_tokens(nd->aliases[i].name, &t);
                if (t.n >= 2 && same_token(&t, 0, &in->ptok, 0)) {
                    char *ka = rs_toks_join(&t, SIZE_MAX);
                    add_key(keys, pool, npool, &cap, in->cls, ka, r);
                    free(ka);
                }
                rs_toks_free(&t);
            }
        } else if (in->cls == CLS_ORG) {
            char *acr = rg_name_as_acronym(nd->label);
            in->label_acronym = acr != NULL;
            free(acr);
            rs_org_tokens_head(nd->label, &in->otok, &in->ohead);
            for (size_t i = 0; i < in->otok.n; i++)
                rs_toks_push(&in->osorted, in->otok.t[i], strlen(in->otok.t[i]));
            rs_toks_sort_unique(&in->osorted);
            in->expands = !in->label_acronym && in->otok.n >= 2;
            char *k = rs_toks_join(&in->osorted, SIZE_MAX);
            add_key(keys, pool, npool, &cap, in->cls, k, r);
            free(k);
            for (size_t i = 0; i < nd->naliases; i++) {
                if (strcmp(nd->aliases[i].name, nd->label) == 0 || !proper(nd->aliases[i].name))
                    continue;
                rs_toks t = {0};
                rs_org_tokens(nd->aliases[i].name, &t);
                /* Other spellings as full as the label only: a short form
                 * bound in one document ("Foreign Ministry") may name
                 * another body elsewhere (the stage SHORT handles those). */
                if (t.n >= 2 && t.n >= in->otok.n) {
                    rs_toks_sort_unique(&t);
                    char *ka = rs_toks_join(&t, SIZE_MAX);
                    add_key(keys, pool, npool, &cap, in->cls, ka, r);
                    free(ka);
                    in->expands = true;
                }
                rs_toks_free(&t);
            }
        } else {
            char *k = rg_name_key(RG_NODE_PLACE, nd->label);
            add_key(keys, pool, npool, &cap, in->cls, k, r);
            free(k);
            for (size_t i = 0; i < nd->naliases; i++) {
                if (strcmp(nd->aliases[i].name, nd->label) == 0 || !proper(nd->aliases[i].name))
                    continue;
                char *ka = rg_name_key(RG_NODE_PLACE, nd->aliases[i].name);
                add_key(keys, pool, npool, &cap, in->cls, ka, r);
                free(ka);
            }
        }
    }
}

/* Stage KEY: equal keys merge. */
static void stage_keys(resolver *R, recs *keys, char **pool)
{
    if (keys->r) qsort(keys->r, keys->n, sizeof *keys->r, cmp_rec);
    for (size_t i = 0; i < keys->n;) {
        size_t j = i + 1;
        while (j < keys->n && keys->r[j].h == keys->r[i].h)
            j++;
        for (size_t k = i + 1; k < j; k++)
            if (strcmp(pool[keys->r[k].b], pool[keys->r[i].b]) == 0)
                unite(R, keys->r[i].a, keys->r[k].a, RG_RULE_KEY, NULL);
        i = j;
    }
}

/* ---- stage TYPO ------------------------------------------------------------- */

static bool has_digit(const char *s)
{
    for (; *s; s++)
        if (*s >= '0' && *s <= '9') return true;
    return false;
}

static size_t toks_len(const rs_toks *t)
{
    size_t n = 0;
    for (size_t i = 0; i < t->n; i++)
        n += strlen(t->t[i]);
    return n;
}

/* Bytes of the UTF-8 sequence starting at s. */
static size_t cp_len(const char *s)
{
    unsigned char c = (unsigned char)*s;
    size_t k = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    for (size_t i = 1; i < k; i++)
        if (!s[i]) return i;
    return k;
}

static bool typo_token_ok(const char *t)
{
    return strlen(t) >= 5 && !has_digit(t);
}

/* Records (hash(rest, deletion variant of token i), rank, i) for the
 * symmetric deletion neighbourhood: two tokens one edit apart share a
 * variant, so only records with equal hashes need comparing. */
static void stage_typo(resolver *R)
{
    recs v = {0};
    for (uint32_t r = 0; r < R->n; r++) {
        const ninfo *in = &R->info[r];
        /* long names only, three words or more (in shorter ones a letter
         * is a large part of the name and distinct bodies differ by one),
         * and not absurdly long ones (keys grow with words x letters) */
        if (in->cls != CLS_ORG || in->label_acronym || in->osorted.n < 3 || in->osorted.n > 16 ||
            toks_len(&in->osorted) < 12)
            continue;
        for (size_t i = 0; i < in->osorted.n; i++) {
            const char *t = in->osorted.t[i];
            if (!typo_token_ok(t)) continue;
            char *rest = rs_toks_join(&in->osorted, i);
            rg_buf b = {0};
            size_t tl = strlen(t);
            for (size_t d = 0; d <= tl; d += d < tl ? cp_len(t + d) : 1) {
                b.len = 0;
                rg_buf_puts(&b, rest);
                rg_buf_putc(&b, '\x1f');
                if (d < tl) {
                    rg_buf_append(&b, t, d);
                    rg_buf_puts(&b, t + d + cp_len(t + d));
                } else {
                    rg_buf_puts(&b, t);
                }
                recs_push(&v, rg_hash64(b.data, b.len), r, (uint32_t)i);
            }
            rg_buf_free(&b);
            free(rest);
        }
    }
    if (v.r) qsort(v.r, v.n, sizeof *v.r, cmp_rec);
    for (size_t i = 0; i < v.n;) {
        size_t j = i + 1;
        while (j < v.n && v.r[j].h == v.r[i].h)
            j++;
        /* Compare pairs in the run; runs are small (tokens one edit apart
         * around one shared rest), bounded to keep the worst case linear. */
        size_t end = j - i > 64 ? i + 64 : j;
        for (size_t x = i; x < end; x++) {
            for (size_t y = x + 1; y < end; y++) {
                uint32_t a = v.r[x].a, b = v.r[y].a;
                if (find(R, a) == find(R, b)) continue;
                const rs_toks *ta = &R->info[a].osorted, *tb = &R->info[b].osorted;
                const char *wa = ta->t[v.r[x].b], *wb = tb->t[v.r[y].b];
                if (ta->n != tb->n || strcmp(wa, wb) == 0) continue;
                char *ra = rs_toks_join(ta, v.r[x].b), *rb = rs_toks_join(tb, v.r[y].b);
                if (strcmp(ra, rb) == 0 && rg_edit_distance(wa, wb, 1) <= 1)
                    unite(R, a, b, RG_RULE_TYPO, NULL);
                free(ra);
                free(rb);
            }
        }
        i = j;
    }
    free(v.r);
}

/* ---- stage ACRONYM -------------------------------------------------------- */

/* Snapshot of every rank's root. */
static uint32_t *snapshot(resolver *R)
{
    uint32_t *root = rg_malloc((R->n + 1) * sizeof *root);
    for (uint32_t r = 0; r < R->n; r++)
        root[r] = find(R, r);
    return root;
}

typedef struct pair {
    uint32_t a, b;
} pair;

typedef struct pairs {
    pair *p;
    size_t n, cap;
} pairs;

static void apply_pairs(resolver *R, pairs *ps, rg_resolve_rule rule)
{
    for (size_t i = 0; i < ps->n; i++)
        unite(R, ps->p[i].a, ps->p[i].b, rule, NULL);
    free(ps->p);
    memset(ps, 0, sizeof *ps);
}

/* Records (hash(acronym), kind << 31 | root, pool index): kind 0 = a
 * cluster with a name that abbreviates to the acronym, kind 1 = a cluster
 * whose names are all acronyms. An acronym-only cluster joins the expansion
 * when exactly one cluster expands to it. */
static void stage_acronym(resolver *R)
{
    uint32_t *root = snapshot(R);
    bool *expands = rg_calloc(R->n + 1, sizeof *expands);
    for (uint32_t r = 0; r < R->n; r++)
        if (R->info[r].cls == CLS_ORG && R->info[r].expands) expands[root[r]] = true;
    recs v = {0};
    char **pool = NULL;
    size_t npool = 0, cap = 0;
    for (uint32_t r = 0; r < R->n; r++) {
        if (R->info[r].cls != CLS_ORG) continue;
        const rg_node *nd = node_r(R, r);
        for (size_t i = 0; i <= nd->naliases; i++) {
            const char *name = i == 0 ? nd->label : nd->aliases[i - 1].name;
            char *a = rg_name_as_acronym(name);
            if (a) {
                if (!expands[root[r]]) {
                    recs_push(&v, hash_str(a), 1u << 31 | root[r], (uint32_t)npool);
                    *RG_PUSH(pool, npool, cap) = a;
                } else {
                    free(a);
                }
                continue;
            }
            char *out[3];
            size_t k = rg_name_acronyms(name, out);
            for (size_t j = 0; j < k; j++) {
                recs_push(&v, hash_str(out[j]), root[r], (uint32_t)npool);
                *RG_PUSH(pool, npool, cap) = out[j];
            }
        }
    }
    if (v.r) qsort(v.r, v.n, sizeof *v.r, cmp_rec);
    pairs ps = {0};
    for (size_t i = 0; i < v.n;) {
        size_t j = i + 1;
        while (j < v.n && v.r[j].h == v.r[i].h)
            j++;
        uint32_t exp = RG_NONE;
        size_t nexp = 0;
        bool pure = false;
        for (size_t k = i; k < j; k++) {
            if (strcmp(pool[v.r[k].b], pool[v.r[i].b]) != 0) continue;
            uint32_t who = v.r[k].a & 0x7fffffffu;
            if (v.r[k].a >> 31)
                pure = true;
            else if (who != exp)
                exp = who, nexp++;
        }
        if (nexp == 1) {
            for (size_t k = i; k < j; k++)
                if ((v.r[k].a >> 31) && strcmp(pool[v.r[k].b], pool[v.r[i].b]) == 0)
                    *RG_PUSH(ps.p, ps.n, ps.cap) = (pair){exp, v.r[k].a & 0x7fffffffu};
        } else if (nexp > 1 && pure) {
            R->st.ambiguous++;
        }
        i = j;
    }
    apply_pairs(R, &ps, RG_RULE_ACRONYM);
    for (size_t i = 0; i < npool; i++)
        free(pool[i]);
    free(pool);
    free(v.r);
    free(expands);
    free(root);
}

/* ---- stage SHORT (organisations) ------------------------------------------ */

static uint64_t first_last_hash(const char *tag, const rs_toks *t)
{
    char *k = rg_sprintf("%s|%s|%s", tag, t->t[0], t->t[t->n - 1]);
    uint64_t h = hash_str(k);
    free(k);
    return h;
}

/* A two-word organisation name ("Syrian Coalition") joins the one cluster
 * holding a three-word name with the same first and last words ("Syrian
 * National Coalition"); with two such clusters it stays alone. */
static void stage_short(resolver *R)
{
    enum { MAX_RUN = 512 };
    uint32_t *root = snapshot(R);
    size_t *maxn = rg_calloc(R->n + 1, sizeof *maxn);
    for (uint32_t r = 0; r < R->n; r++)
        if (R->info[r].cls == CLS_ORG && R->info[r].otok.n > maxn[root[r]])
            maxn[root[r]] = R->info[r].otok.n;
    recs v = {0};
    for (uint32_t r = 0; r < R->n; r++) {
        const ninfo *in = &R->info[r];
        if (in->cls == CLS_ORG && !in->label_acronym && in->otok.n >= 2)
            recs_push(&v, first_last_hash("o", &in->otok), root[r], r);
    }
    if (v.r) qsort(v.r, v.n, sizeof *v.r, cmp_rec);
    pairs ps = {0};
    for (size_t i = 0; i < v.n;) {
        size_t j = i + 1;
        while (j < v.n && v.r[j].h == v.r[i].h)
            j++;
        if (j - i > MAX_RUN) {
            R->st.ambiguous++;
            i = j;
            continue;
        }
        for (size_t x = i; x < j; x++) {
            const rs_toks *s = &R->info[v.r[x].b].otok;
            uint32_t sr = v.r[x].a;
            /* two words, the cluster's fullest name; only once per cluster */
            if (s->n != 2 || maxn[sr] != 2) continue;
            if (x > i && v.r[x - 1].a == sr) continue;
            uint32_t cand = RG_NONE;
            size_t ncand = 0;
            for (size_t y = i; y < j; y++) {
                const rs_toks *l = &R->info[v.r[y].b].otok;
                uint32_t lr = v.r[y].a;
                /* all words but one: "Royal Air Force" is a name of its own,
                 * not a short form of "Royal Jordanian Air Force" */
                if (lr == sr || lr == cand || l->n != 3) continue;
                if (!same_token(s, 0, l, 0) || !same_token(s, 1, l, 2)) continue;
                cand = lr;
                ncand++;
            }
            if (ncand == 1)
                *RG_PUSH(ps.p, ps.n, ps.cap) = (pair){cand, sr};
            else if (ncand > 1)
                R->st.ambiguous++;
        }
        i = j;
    }
    apply_pairs(R, &ps, RG_RULE_SHORT);
    free(v.r);
    free(maxn);
    free(root);
}

/* ---- stage HEAD (organisations) ------------------------------------------- */

/* Do two nodes share a document? (Both lists are sorted.) */
static bool share_doc(const rg_node *a, const rg_node *b)
{
    for (size_t i = 0, j = 0; i < a->ndocs && j < b->ndocs;) {
        if (a->docs[i] == b->docs[j]) return true;
        if (a->docs[i] < b->docs[j])
            i++;
        else
            j++;
    }
    return false;
}

/* Is the first word of a name written as an acronym ("UN Mechanism")? */
static bool acronym_word(const char *name)
{
    if (strncmp(name, "the ", 4) == 0 || strncmp(name, "The ", 4) == 0) name += 4;
    size_t n = 0;
    while (name[n] && name[n] != ' ') {
        if (!isupper((unsigned char)name[n]) && name[n] != '.') return false;
        n++;
    }
    return n >= 2 && n <= 6 && name[n] == ' ';
}

/* A short designation ("UN Mechanism", "the Mechanism", "Syrian
 * coalition") of one or two words, its cluster's fullest name, joins the
 * one cluster that has a name of three or more words ending in the same
 * head noun and shares a document with it: a head-noun anaphor of the
 * body the document defines. A second word must be one of the long name's
 * words or an acronym ("UN"). Two candidate clusters: it stays alone. */
static void stage_head(resolver *R)
{
    enum { MAX_RUN = 512 };
    uint32_t *root = snapshot(R);
    size_t *maxn = rg_calloc(R->n + 1, sizeof *maxn);
    for (uint32_t r = 0; r < R->n; r++)
        if (R->info[r].cls == CLS_ORG && R->info[r].otok.n > maxn[root[r]])
            maxn[root[r]] = R->info[r].otok.n;
    recs v = {0};
    for (uint32_t r = 0; r < R->n; r++) {
        const ninfo *in = &R->info[r];
        if (in->cls == CLS_ORG && !in->label_acronym && in->otok.n >= 3) {
            /* under its last word and, when a preposition follows it, its
             * head noun ("Commission" of "Commission on Missing Persons") */
            char *k = rg_sprintf("h|%s", in->otok.t[in->otok.n - 1]);
            recs_push(&v, hash_str(k), root[r], r);
            free(k);
            if (in->ohead + 1 < in->otok.n) {
                k = rg_sprintf("h|%s", in->otok.t[in->ohead]);
                recs_push(&v, hash_str(k), root[r], r);
                free(k);
            }
        }
    }
    if (v.r) qsort(v.r, v.n, sizeof *v.r, cmp_rec);
    /* members of each cluster: ranks grouped by root (counting sort) */
    size_t *first = rg_calloc(R->n + 2, sizeof *first);
    uint32_t *members = rg_malloc((R->n + 1) * sizeof *members);
    for (uint32_t r = 0; r < R->n; r++)
        first[root[r] + 1]++;
    for (size_t i = 0; i < R->n; i++)
        first[i + 1] += first[i];
    size_t *fill = rg_malloc((R->n + 1) * sizeof *fill);
    memcpy(fill, first, (R->n + 1) * sizeof *fill);
    for (uint32_t r = 0; r < R->n; r++)
        members[fill[root[r]]++] = r;
    free(fill);
    pairs ps = {0};
    for (uint32_t r = 0; r < R->n; r++) {
        const ninfo *in = &R->info[r];
        if (in->cls != CLS_ORG || in->label_acronym || in->otok.n < 1 || in->otok.n > 2 ||
            maxn[root[r]] > 2)
            continue;
        const rg_node *a = node_r(R, r);
        char *k = rg_sprintf("h|%s", in->otok.t[in->otok.n - 1]);
        uint64_t h = hash_str(k);
        free(k);
        /* binary search for the run of long names with this head */
        size_t lo = 0, hi = v.n;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (v.r[mid].h < h)
                lo = mid + 1;
            else
                hi = mid;
        }
        size_t end = lo;
        while (end < v.n && v.r[end].h == h)
            end++;
        if (end - lo > MAX_RUN) {
            R->st.ambiguous++;
            continue;
        }
        uint32_t cand = RG_NONE;
        size_t ncand = 0;
        for (size_t y = lo; y < end; y++) {
            uint32_t lr = v.r[y].a, rank = v.r[y].b;
            const rs_toks *l = &R->info[rank].otok;
            if (lr == root[r] || lr == cand) continue;
            const char *word = in->otok.t[in->otok.n - 1];
            size_t lh = strcmp(l->t[l->n - 1], word) == 0 ? l->n - 1 : R->info[rank].ohead;
            if (strcmp(l->t[lh], word) != 0) continue;
            /* the anaphor and the body's long name appear in one document;
             * any name of the body's cluster will do */
            bool shared = false;
            for (size_t m = first[lr]; m < first[lr + 1] && !shared; m++)
                shared = share_doc(a, node_r(R, members[m]));
            if (!shared) continue;
            if (in->otok.n == 2 && !acronym_word(a->label)) {
                bool inside = false;
                for (size_t t = 0; t < l->n && !inside; t++)
                    inside = t != lh && strcmp(l->t[t], in->otok.t[0]) == 0;
                if (!inside) continue;
            }
            cand = lr;
            ncand++;
        }
        if (ncand == 1)
            *RG_PUSH(ps.p, ps.n, ps.cap) = (pair){cand, root[r]};
        else if (ncand > 1)
            R->st.ambiguous++;
    }
    apply_pairs(R, &ps, RG_RULE_SHORT);
    free(first);
    free(members);
    free(v.r);
    free(maxn);
    free(root);
}

/* ---- stage STATE (a state's bodies) ------------------------------------- */

/* The country of a nationality adjective ("syrian" -> SY), from the
 * irregular table data/relate/demonyms.txt or by trimming a suffix
 * ("syrian" -> "syria", "iraqi" -> "iraq", "canadian" -> "canada"). */
static const char *demonym_country(const char *w)
{
    size_t len, n = strlen(w);
    const char *data = rg_data_get("relate/demonyms.txt", &len);
    for (const char *p = data, *end = data ? data + len : NULL; p && p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *tab = memchr(p, '\t', (size_t)(le - p));
        if (*p != '#' && tab && (size_t)(tab - p) == n && strncasecmp(p, w, n) == 0) {
            char *c = rg_strndup(tab + 1, (size_t)(le - tab - 1));
            const char *code = rg_name_country(c);
            free(c);
            return code;
        }
        p = le + 1;
    }
    if (n < 5) return NULL;
    const char *code = NULL;
    char buf[64];
    static const struct {
        const char *suffix, *add;
    } trims[] = {{"n", ""}, {"i", ""}, {"ian", "a"}, {"ian", ""}, {"ese", "a"}, {"an", ""}};
    for (size_t i = 0; i < sizeof trims / sizeof *trims && !code; i++) {
        size_t sl = strlen(trims[i].suffix);
        if (n <= sl + 2 || n >= sizeof buf - 2 || strcmp(w + n - sl, trims[i].suffix) != 0)
            continue;
        snprintf(buf, sizeof buf, "%.*s%s", (int)(n - sl), w, trims[i].add);
        code = rg_name_country(buf);
    }
    return code;
}

/* A country named inside an organisation's tokens ("syrian", "syrian arab
 * republic"): its code, and the other tokens (sorted) in *rest. */
static const char *state_of(const rs_toks *t, rs_toks *rest)
{
    for (size_t w = t->n < 4 ? t->n : 4; w >= 1; w--)
        for (size_t b = 0; b + w <= t->n; b++) {
            rs_toks span = {.t = t->t + b, .n = w};
            char *joined = rs_toks_join(&span, SIZE_MAX);
            const char *code = w == 1 ? demonym_country(joined) : NULL;
            if (!code) code = rg_name_country(joined);
            free(joined);
            if (!code) continue;
            for (size_t i = 0; i < t->n; i++)
                if (i < b || i >= b + w) rs_toks_push(rest, t->t[i], strlen(t->t[i]));
            rs_toks_sort_unique(rest);
            return code;
        }
    return NULL;
}

static bool toks_subset(const rs_toks *a, const rs_toks *b)
{
    size_t j = 0;
    for (size_t i = 0; i < a->n; i++) {
        while (j < b->n && strcmp(b->t[j], a->t[i]) < 0)
            j++;
        if (j == b->n || strcmp(b->t[j], a->t[i]) != 0) return false;
    }
    return true;
}

typedef struct state_name {
    const char *code;
    rs_toks rest;
    uint32_t root;
} state_name;

static int cmp_state(const void *a, const void *b)
{
    const state_name *x = a, *y = b;
    int c = strcmp(x->code, y->code);
    if (c) return c;
    return (x->root > y->root) - (x->root < y->root);
}

/* Two names of one state's body: the same country, named by adjective or
 * by name ("Syrian Ministry of Foreign Affairs" / "Ministry of Foreign
 * Affairs and Expatriates of the Syrian Arab Republic"), the other words
 * of one (two or more) all among the other's, which adds at most two.
 * Joins only when the shorter fits one cluster. */
static void stage_state(resolver *R)
{
    enum { MAX_RUN = 512 };
    uint32_t *root = snapshot(R);
    state_name *v = NULL;
    size_t n = 0, cap = 0;
    for (uint32_t r = 0; r < R->n; r++) {
        const ninfo *in = &R->info[r];
        if (in->cls != CLS_ORG || in->label_acronym || in->otok.n < 3) continue;
        rs_toks rest = {0};
        const char *code = state_of(&in->otok, &rest);
        if (!code || rest.n < 2) {
            rs_toks_free(&rest);
            continue;
        }
        *RG_PUSH(v, n, cap) = (state_name){code, rest, root[r]};
    }
    if (v) qsort(v, n, sizeof *v, cmp_state);
    pairs ps = {0};
    for (size_t i = 0, g0 = 0, g1 = 0; i < n; i++) {
        if (i == g1) {
            /* the run of one country's bodies */
            g0 = i;
            for (g1 = i; g1 < n && strcmp(v[g1].code, v[i].code) == 0; g1++)
                ;
        }
        if (g1 - g0 > MAX_RUN) {
            R->st.ambiguous++;
            i = g1 - 1;
            continue;
        }
        uint32_t cand = RG_NONE;
        size_t ncand = 0;
        for (size_t j = g0; j < g1; j++) {
            if (v[j].root == v[i].root || v[j].root == cand) continue;
            if (v[j].rest.n < v[i].rest.n || v[j].rest.n > v[i].rest.n + 2) continue;
            if (!toks_subset(&v[i].rest, &v[j].rest)) continue;
            cand = v[j].root;
            ncand++;
        }
        if (ncand == 1)
            *RG_PUSH(ps.p, ps.n, ps.cap) = (pair){cand, v[i].root};
        else if (ncand > 1)
            R->st.ambiguous++;
    }
    apply_pairs(R, &ps, RG_RULE_SHORT);
    for (size_t i = 0; i < n; i++)
        rs_toks_free(&v[i].rest);
    free(v);
    free(root);
}

/* ---- stages for persons ---------------------------------------------------- */

static char *middle_of(const rs_toks *t)
{
    rg_buf b = {0};
    rg_buf_puts(&b, "");
    for (size_t i = 1; i + 1 < t->n; i++) {
        if (b.len) rg_buf_putc(&b, ' ');
        rg_buf_puts(&b, t->t[i]);
    }
    return rg_buf_detach(&b);
}

static bool full_person(const ninfo *in)
{
    return in->cls == CLS_PERSON && in->ptok.n >= 2 && !in->initial;
}

/* MIDDLE: same given name and surname; people with and without middle names
 * merge when at most one distinct middle name is in play. */
static void stage_middle(resolver *R)
{
    recs v = {0};
    for (uint32_t r = 0; r < R->n; r++)
        if (full_person(&R->info[r])) recs_push(&v, first_last_hash("p", &R->info[r].ptok), r, 0);
    if (v.r) qsort(v.r, v.n, sizeof *v.r, cmp_rec);
    pairs ps = {0};
    for (size_t i = 0; i < v.n;) {
        size_t j = i + 1;
        while (j < v.n && v.r[j].h == v.r[i].h)
            j++;
        char *mid = NULL;
        bool several = false;
        for (size_t k = i; k < j && !several; k++) {
            char *m = middle_of(&R->info[v.r[k].a].ptok);
            if (*m) {
                if (!mid)
                    mid = m, m = NULL;
                else
                    several = strcmp(mid, m) != 0;
            }
            free(m);
        }
        free(mid);
        if (several)
            R->st.ambiguous++;
        else
            for (size_t k = i + 1; k < j; k++)
                *RG_PUSH(ps.p, ps.n, ps.cap) = (pair){v.r[i].a, v.r[k].a};
        i = j;
    }
    /* verify first/last equality (hash collisions) before applying */
    size_t k = 0;
    for (size_t i = 0; i < ps.n; i++) {
        const rs_toks *a = &R->info[ps.p[i].a].ptok, *b = &R->info[ps.p[i].b].ptok;
        if (same_token(a, 0, b, 0) && same_token(a, a->n - 1, b, b->n - 1)) ps.p[k++] = ps.p[i];
    }
    ps.n = k;
    apply_pairs(R, &ps, RG_RULE_MIDDLE);
    free(v.r);
}

/* INITIAL and SURNAME: a partial name (kind 1) joins the one full-name
 * cluster (kind 0) sharing its key; several full names: left alone. */
static void stage_partial(resolver *R, bool initials)
{
    uint32_t *root = snapshot(R);
    bool *has_full = rg_calloc(R->n + 1, sizeof *has_full);
    bool *has_multi = rg_calloc(R->n + 1, sizeof *has_multi);
    for (uint32_t r = 0; r < R->n; r++) {
        if (full_person(&R->info[r])) has_full[root[r]] = true;
        if (R->info[r].cls == CLS_PERSON && R->info[r].ptok.n >= 2) has_multi[root[r]] = true;
    }
    recs v = {0};
    for (uint32_t r = 0; r < R->n; r++) {
        const ninfo *in = &R->info[r];
        if (in->cls != CLS_PERSON || in->ptok.n == 0) continue;
        const char *last = in->ptok.t[in->ptok.n - 1];
        char *k = NULL;
        uint32_t kind = 0;
        if (initials) {
            if (in->ptok.n < 2) continue;
            k = rg_sprintf("i|%.1s|%s", in->ptok.t[0], last);
            if (in->initial) {
                if (has_full[root[r]]) {
                    free(k);
                    continue;
                }
                kind = 1;
            }
        } else {
            k = rg_sprintf("s|%s", last);
            if (in->ptok.n == 1) {
                if (has_multi[root[r]]) {
                    free(k);
                    continue;
                }
                kind = 1;
            }
        }
        recs_push(&v, hash_str(k), kind << 31 | root[r], r);
        free(k);
    }
    if (v.r) qsort(v.r, v.n, sizeof *v.r, cmp_rec);
    pairs ps = {0};
    for (size_t i = 0; i < v.n;) {
        size_t j = i + 1;
        while (j < v.n && v.r[j].h == v.r[i].h)
            j++;
        uint32_t full = RG_NONE, fullnode = RG_NONE;
        size_t nfull = 0;
        bool partial = false;
        for (size_t k = i; k < j; k++) {
            if (v.r[k].a >> 31)
                partial = true;
            else if (v.r[k].a != full)
                full = v.r[k].a, fullnode = v.r[k].b, nfull++;
        }
        if (nfull == 1) {
            const rs_toks *f = &R->info[fullnode].ptok;
            for (size_t k = i; k < j; k++) {
                if (!(v.r[k].a >> 31)) continue;
                const rs_toks *p = &R->info[v.r[k].b].ptok;
                bool ok =
                    same_token(p, p->n - 1, f, f->n - 1) && (!initials || p->t[0][0] == f->t[0][0]);
                if (ok) *RG_PUSH(ps.p, ps.n, ps.cap) = (pair){full, v.r[k].a & 0x7fffffffu};
            }
        } else if (nfull > 1 && partial) {
            R->st.ambiguous++;
        }
        i = j;
    }
    apply_pairs(R, &ps, initials ? RG_RULE_INITIAL : RG_RULE_SURNAME);
    free(v.r);
    free(has_full);
    free(has_multi);
    free(root);
}

/* ---- forced merges and vetoes (alias file) ---------------------------------- */

typedef struct hit {
    uint32_t line, name, rank;
} hit;

static int cmp_hit(const void *x, const void *y)
{
    const hit *p = x, *q = y;
    if (p->line != q->line) return p->line < q->line ? -1 : 1;
    if (p->name != q->name) return p->name < q->name ? -1 : 1;
    return (p->rank > q->rank) - (p->rank < q->rank);
}

/* Every (line, name, node) where the name equals the node's id, or its
 * label or an alias after folding; honours a line's type. */
static void alias_hits(resolver *R, hit **out, size_t *nout)
{
    const rg_aliases *A = R->aliases;
    rg_strmap byname; /* folded or raw name -> first entry; entries chain */
    rg_strmap_init(&byname);
    size_t total = 0;
    for (size_t l = 0; l < A->nlines; l++)
        total += A->lines[l].nnames;
    uint32_t *next = rg_malloc((2 * total + 1) * sizeof *next);
    uint32_t *ln = rg_malloc((2 * total + 1) * sizeof *ln),
             *nm = rg_malloc((2 * total + 1) * sizeof *nm);
    size_t e = 0;
    for (size_t l = 0; l < A->nlines; l++) {
        for (size_t k = 0; k < A->lines[l].nnames; k++) {
            const char *keys[2] = {A->lines[l].folded[k], A->lines[l].names[k]};
            for (int w = 0; w < 2; w++) {
                char *key = rg_sprintf("%c%s", w ? 'r' : 'f', keys[w]);
                uint32_t head;
                next[e] = rg_strmap_get(&byname, key, &head) ? head : RG_NONE;
                ln[e] = (uint32_t)l;
                nm[e] = (uint32_t)k;
                rg_strmap_put(&byname, key, (uint32_t)e);
                e++;
                free(key);
            }
        }
    }
    size_t n = 0, cap = 0;
    hit *hits = NULL;
    for (uint32_t r = 0; r < R->n; r++) {
        const rg_node *nd = node_r(R, r);
        for (size_t i = 0; i <= nd->naliases + 1; i++) {
            char *key;
            if (i == 0)
                key = rg_sprintf("r%s", nd->id);
            else {
                const char *s = i == 1 ? nd->label : nd->aliases[i - 2].name;
                char *f = rg_fold(s, strlen(s));
                key = rg_sprintf("f%s", f);
                free(f);
            }
            uint32_t at;
            if (rg_strmap_get(&byname, key, &at)) {
                for (; at != RG_NONE; at = next[at]) {
                    const rs_alias_line *L = &A->lines[ln[at]];
                    if (L->typed && L->type != nd->type) continue;
                    *RG_PUSH(hits, n, cap) = (hit){ln[at], nm[at], r};
                }
            }
            free(key);
        }
    }
    if (hits) qsort(hits, n, sizeof *hits, cmp_hit);
    size_t k = 0; /* dedupe */
    for (size_t i = 0; i < n; i++)
        if (!k || cmp_hit(&hits[k - 1], &hits[i]) != 0) hits[k++] = hits[i];
    *out = hits;
    *nout = k;
    free(next);
    free(ln);
    free(nm);
    rg_strmap_free(&byname);
}

static rg_status stage_forced(resolver *R, rg_error *err)
{
    hit *hits;
    size_t n;
    alias_hits(R, &hits, &n);
    const rg_aliases *A = R->aliases;
    /* vetoes first, so that a forced merge can be checked against them */
    for (size_t i = 0; i < n; i++) {
        if (!A->lines[hits[i].line].never) continue;
        uint32_t r = hits[i].rank, tag = hits[i].line << 8 | (hits[i].name & 0xff);
        R->tags[r] = rg_realloc(R->tags[r], (R->ntags[r] + 1) * sizeof **R->tags);
        R->tags[r][R->ntags[r]++] = tag;
    }
    rg_status rc = RG_OK;
    for (size_t i = 0; i < n && rc == RG_OK; i++) {
        const rs_alias_line *L = &A->lines[hits[i].line];
        if (L->never) continue;
        if (R->label_line[hits[i].rank] == RG_NONE) R->label_line[hits[i].rank] = hits[i].line;
        /* the first hit of the line anchors the others */
        size_t first = i;
        while (first > 0 && hits[first - 1].line == hits[i].line)
            first--;
        uint32_t vline;
        if (first != i && unite(R, hits[first].rank, hits[i].rank, RG_RULE_FORCED, &vline) < 0)
            rc = rg_error_set(err, RG_EINPUT,
                              "%s:%zu: 'same' merges '%s' and '%s', which line %zu says must "
                              "never merge",
                              A->path, L->lineno, node_r(R, hits[first].rank)->label,
                              node_r(R, hits[i].rank)->label, A->lines[vline].lineno);
    }
    free(hits);
    return rc;
}

/* ---- canonical labels, types and ids ---------------------------------------- */

typedef struct cand {
    const char *name;
    bool wellformed;
    size_t ntok, support, len;
} cand;

static bool better(const cand *a, const cand *b)
{
    if (a->wellformed != b->wellformed) return a->wellformed;
    if (a->ntok != b->ntok) return a->ntok > b->ntok;
    if (a->support != b->support) return a->support > b->support;
    if (a->len != b->len) return a->len > b->len;
    return strcmp(a->name, b->name) < 0;
}

static size_t content_tokens(int cls, const char *name)
{
    rs_toks t = {0};
    if (cls == CLS_PERSON)
        rs_person_tokens(name, &t);
    else if (cls == CLS_ORG)
        rs_org_tokens(name, &t);
    else {
        char *f = rg_fold(name, strlen(name));
        size_t n = 0;
        for (char *p = f; *p; p++)
            n += *p == ' ';
        n += *f != 0;
        if (strncmp(f, "the ", 4) == 0) n--;
        free(f);
        return n;
    }
    size_t n = t.n;
    rs_toks_free(&t);
    return n;
}

/* A name starting with a title ("ASG Petit"), or an acronym, is not a
 * well-formed label when a plain full name exists. */
static bool well_formed(int cls, const char *name)
{
    char *a = rg_name_as_acronym(name);
    bool acronym = a != NULL;
    free(a);
    if (acronym) return false;
    return cls != CLS_PERSON || !rs_person_has_title(name);
}

typedef struct lname {
    const char *name;
    char *key;
    uint32_t count;
} lname;

static int cmp_lname_name(const void *x, const void *y)
{
    return strcmp(((const lname *)x)->name, ((const lname *)y)->name);
}

static size_t words(const char *s)
{
    size_t n = *s != 0;
    for (; *s; s++)
        n += *s == ' ';
    return n;
}

static int cmp_lname_key(const void *x, const void *y)
{
    const lname *p = x, *q = y;
    int c = strcmp(p->key, q->key);
    return c ? c : strcmp(p->name, q->name);
}

/* The fullest well-formed name among the members' labels and aliases:
 * well-formed first, then most content words, then most mentions spelling
 * the same name (a typo loses to its correct spelling), then longest, then
 * the first in byte order. */
static char *canonical_label(resolver *R, const uint32_t *members, size_t k, int cls)
{
    rg_node_type kt = cls == CLS_PERSON  ? RG_NODE_PERSON
                      : cls == CLS_ORG   ? RG_NODE_ORGANISATION
                      : cls == CLS_PLACE ? RG_NODE_PLACE
                                         : RG_NODE_EVENT;
    lname *ln = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < k; i++) {
        const rg_node *nd = node_r(R, members[i]);
        *RG_PUSH(ln, n, cap) = (lname){nd->label, NULL, 0};
        for (size_t a = 0; a < nd->naliases; a++)
            *RG_PUSH(ln, n, cap) = (lname){nd->aliases[a].name, NULL, nd->aliases[a].count};
    }
    /* one entry per distinct name, counts summed; then one key per name */
    if (ln) qsort(ln, n, sizeof *ln, cmp_lname_name);
    size_t d = 0;
    for (size_t i = 0; i < n; i++) {
        if (d && strcmp(ln[d - 1].name, ln[i].name) == 0)
            ln[d - 1].count += ln[i].count;
        else
            ln[d++] = ln[i];
    }
    n = d;
    for (size_t i = 0; i < n; i++)
        ln[i].key = rg_name_key(kt, ln[i].name);
    if (ln) qsort(ln, n, sizeof *ln, cmp_lname_key);
    cand best = {0};
    bool have = false;
    for (size_t i = 0; i < n;) {
        size_t j = i, support = 0;
        while (j < n && strcmp(ln[j].key, ln[i].key) == 0)
            support += ln[j++].count;
        for (size_t x = i; x < j; x++) {
            /* "the Syrian Arab Republic": a lower-case article belongs to the
             * sentence, not to the name ("The Day After" keeps its own) */
            const char *nm = ln[x].name;
            if (strncmp(nm, "the ", 4) == 0 && nm[4]) nm += 4;
            /* person and organisation keys are their content words */
            size_t ntok = cls == CLS_PLACE ? content_tokens(cls, nm) : words(ln[x].key);
            /* a sentence-initial "The" does not make a name fuller */
            size_t len = strlen(nm) - (strncmp(nm, "The ", 4) == 0 ? 4 : 0);
            cand c = {nm, well_formed(cls, nm), ntok, support, len};
            if (!have || better(&c, &best)) best = c, have = true;
        }
        i = j;
    }
    char *label = rg_strdup(best.name);
    for (size_t i = 0; i < n; i++)
        free(ln[i].key);
    free(ln);
    return label;
}

/* The type with most mentions among the members (organisation and
 * institution may meet); ties go to the first type in rg_node_type order. */
static rg_node_type cluster_type(resolver *R, const uint32_t *members, size_t k)
{
    uint64_t count[RG_NODE_NTYPES] = {0};
    for (size_t i = 0; i < k; i++) {
        const rg_node *nd = node_r(R, members[i]);
        count[nd->type] += nd->mention_count ? nd->mention_count : 1;
    }
    rg_node_type best = node_r(R, members[0])->type;
    for (int t = 0; t < RG_NODE_NTYPES; t++)
        if (count[t] > count[best] || (count[t] == count[best] && t < (int)best))
            best = (rg_node_type)t;
    return best;
}

typedef struct newid {
    char *want;
    const char *old;
    uint32_t index; /* after contraction */
} newid;

static int cmp_newid(const void *x, const void *y)
{
    const newid *p = x, *q = y;
    int c = strcmp(p->want, q->want);
    return c ? c : strcmp(p->old, q->old);
}

/* Gives merged nodes the id of their canonical label, unique among all
 * nodes; rebuilds the graph's maps through an identity contraction. */
static void assign_ids(rg_graph *g, const bool *merged)
{
    rg_strmap taken;
    rg_strmap_init(&taken);
    newid *ids = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < g->nnodes; i++) {
        if (merged[i])
            *RG_PUSH(ids, n, cap) = (newid){rg_node_make_id(g->nodes[i].type, g->nodes[i].label),
                                            g->nodes[i].id, (uint32_t)i};
        else
            rg_strmap_put(&taken, g->nodes[i].id, 1);
    }
    if (ids) qsort(ids, n, sizeof *ids, cmp_newid);
    char **final = rg_malloc((n + 1) * sizeof *final);
    for (size_t i = 0; i < n; i++) {
        char *id = rg_strdup(ids[i].want);
        uint32_t v;
        for (unsigned k = 2; rg_strmap_get(&taken, id, &v); k++) {
            free(id);
            id = rg_sprintf("%s-%u", ids[i].want, k);
        }
        rg_strmap_put(&taken, id, 1);
        final[i] = id;
    }
    for (size_t i = 0; i < n; i++) {
        free(g->nodes[ids[i].index].id);
        g->nodes[ids[i].index].id = final[i];
        free(ids[i].want);
    }
    uint32_t *ident = rg_malloc((g->nnodes + 1) * sizeof *ident);
    for (size_t i = 0; i < g->nnodes; i++)
        ident[i] = (uint32_t)i;
    rg_graph_contract(g, ident);
    free(ident);
    free(final);
    free(ids);
    rg_strmap_free(&taken);
}

static void contract_clusters(resolver *R)
{
    rg_graph *g = R->g;
    size_t n = R->n;
    uint32_t *root = snapshot(R);
    /* members of each root, in rank order (counting sort) */
    size_t *start = rg_calloc(n + 2, sizeof *start);
    for (size_t r = 0; r < n; r++)
        start[root[r] + 1]++;
    for (size_t r = 0; r < n; r++)
        start[r + 1] += start[r];
    uint32_t *order = rg_malloc((n + 1) * sizeof *order);
    size_t *fill = rg_malloc((n + 1) * sizeof *fill);
    memcpy(fill, start, (n + 1) * sizeof *fill);
    for (uint32_t r = 0; r < n; r++)
        order[fill[root[r]]++] = r;

    uint32_t *rep = rg_malloc((g->nnodes + 1) * sizeof *rep);
    bool *merged = rg_calloc(g->nnodes + 1, sizeof *merged);
    for (size_t i = 0; i < g->nnodes; i++)
        rep[i] = (uint32_t)i;
    bool any = false;
    for (uint32_t rt = 0; rt < n; rt++) {
        size_t k = start[rt + 1] - start[rt];
        if (k == 1 && R->label_line[rt] != RG_NONE) /* analyst's label, id kept */
            rg_graph_node_set_label(g, R->node_at[rt],
                                    R->aliases->lines[R->label_line[rt]].names[0]);
        if (k < 2) continue;
        any = true;
        const uint32_t *members = order + start[rt];
        uint32_t keep = R->node_at[rt];
        for (size_t i = 0; i < k; i++)
            rep[R->node_at[members[i]]] = keep;
        uint32_t line = RG_NONE;
        for (size_t i = 0; i < k; i++)
            if (R->label_line[members[i]] < line) line = R->label_line[members[i]];
        rg_node_type type = cluster_type(R, members, k);
        int cls = node_class(&(rg_node){.type = type});
        char *label = line != RG_NONE ? rg_strdup(R->aliases->lines[line].names[0])
                                      : canonical_label(R, members, k, cls);
        rg_graph_node_set_label(g, keep, label);
        free(label);
        g->nodes[keep].type = type;
        g->nodes[keep].implicit = false;
        merged[keep] = true;
    }
    if (any) {
        /* contraction keeps representatives in index order */
        size_t m = 0;
        for (size_t i = 0; i < g->nnodes; i++)
            if (rep[i] == i) merged[m++] = merged[i];
        rg_graph_contract(g, rep);
        assign_ids(g, merged);
    }
    free(rep);
    free(merged);
    free(order);
    free(fill);
    free(start);
    free(root);
}

/* ---- entry point ----------------------------------------------------------- */

static int cmp_rank(const void *a, const void *b, void *ctx)
{
    const rg_node *nodes = ctx;
    return strcmp(nodes[*(const uint32_t *)a].id, nodes[*(const uint32_t *)b].id);
}

rg_status rg_resolve_graph(rg_graph *g, const rg_resolve_opts *opts, rg_error *err)
{
    static const rg_resolve_opts none = {0};
    if (!opts) opts = &none;
    rg_aliases *owned = NULL;
    const rg_aliases *A = opts->aliases;
    if (!A && opts->aliases_path) {
        rg_status rc = rg_aliases_load(opts->aliases_path, &owned, err);
        if (rc) return rc;
        A = owned;
    }
    resolver R = {.g = g, .n = g->nnodes, .aliases = A};
    size_t n = R.n;
    R.node_at = rg_malloc((n + 1) * sizeof *R.node_at);
    R.parent = rg_malloc((n + 1) * sizeof *R.parent);
    R.label_line = rg_malloc((n + 1) * sizeof *R.label_line);
    for (uint32_t r = 0; r < n; r++) {
        R.node_at[r] = r;
        R.parent[r] = r;
        R.label_line[r] = RG_NONE;
    }
    qsort_r(R.node_at, n, sizeof *R.node_at, cmp_rank, g->nodes);
    R.tags = rg_calloc(n + 1, sizeof *R.tags);
    R.ntags = rg_calloc(n + 1, sizeof *R.ntags);
    R.info = rg_calloc(n + 1, sizeof *R.info);
    R.st.nodes_before = n;

    rg_status rc = A ? stage_forced(&R, err) : RG_OK;
    if (rc == RG_OK) {
        recs keys = {0};
        char **pool = NULL;
        size_t npool = 0;
        build_info(&R, &keys, &pool, &npool);
        stage_keys(&R, &keys, pool);
        for (size_t i = 0; i < npool; i++)
            free(pool[i]);
        free(pool);
        free(keys.r);
        if (!opts->no_typos) stage_typo(&R);
        stage_acronym(&R);
        stage_short(&R);
        stage_head(&R);
        stage_state(&R);
        stage_middle(&R);
        stage_partial(&R, true);
        stage_partial(&R, false);
        contract_clusters(&R);
    }
    R.st.nodes_after = g->nnodes;
    if (opts->stats) *opts->stats = R.st;

    for (size_t r = 0; r < n; r++) {
        rs_toks_free(&R.info[r].ptok);
        rs_toks_free(&R.info[r].otok);
        rs_toks_free(&R.info[r].osorted);
        free(R.tags[r]);
    }
    free(R.info);
    free(R.tags);
    free(R.ntags);
    free(R.node_at);
    free(R.parent);
    free(R.label_line);
    rg_aliases_free(owned);
    return rc;
}
