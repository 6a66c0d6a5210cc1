#include "rg_ortho.h"

#include <stdlib.h>
#include <string.h>

#include "rg_token.h"
#include "rg_util.h"

/* rg_ortho_key's work; *cut tells whether cap cut the key short. */
static size_t key_compute(const char *s, size_t n, char *buf, size_t cap, bool *cut)
{
    rg_tokenizer tz;
    rg_tokenizer_init(&tz, s, n);
    rg_token t;
    size_t o = 0;
    bool first = true;
    while (rg_tokenizer_next(&tz, &t)) {
        char f[RG_TOKEN_MAX * 3];
        size_t fn = rg_token_fold(s + t.begin, t.end - t.begin, f, sizeof f);
        if (first && fn == 3 && memcmp(f, "the", 3) == 0) {
            first = false;
            continue;
        }
        first = false;
        if (t.kind == RG_TOK_PUNCT && (t.cp == ',' || t.cp == '.')) continue;
        if (o + fn + 2 >= cap) {
            *cut = true;
            break;
        }
        if (o) buf[o++] = ' ';
        memcpy(buf + o, f, fn);
        o += fn;
    }
    buf[o] = 0;
    return o;
}

/* Keys are asked for again and again (a document names its actors many
 * times; link_roles keys every title before each role) and are a pure
 * function of the name's bytes: a small direct-mapped cache per thread,
 * kept across documents (fixed size: it stays in cache and costs no
 * allocation), remembers the keys of short names that cap did not cut.
 * A remembered key of length kn is what any cap > kn + 2 gives: the
 * length check before each token then never fails. */
typedef struct key_memo {
    uint8_t rn, kn; /* rn = 0: empty */
    char raw[46];
    char key[80]; /* kn bytes and a NUL */
} key_memo;

enum { MEMO_SLOTS = 512 };
static _Thread_local key_memo memo[MEMO_SLOTS];

static size_t memo_slot(const char *s, size_t n)
{
    uint64_t a = 0, b = 0;
    if (n >= 8) {
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
    } else {
        for (size_t i = 0; i < n; i++)
            a |= (uint64_t)(unsigned char)s[i] << (8 * i);
    }
    uint64_t h = a * 0x9E3779B97F4A7C15ull ^ (b + n) * 0xC2B2AE3D27D4EB4Full;
    return (size_t)(h >> 40) & (MEMO_SLOTS - 1);
}

size_t rg_ortho_key(const char *s, size_t n, char *buf, size_t cap)
{
    bool cut = false;
    if (n == 0 || n > sizeof memo->raw || cap == 0) return key_compute(s, n, buf, cap, &cut);
    key_memo *e = &memo[memo_slot(s, n)];
    if (e->rn == n && (size_t)e->kn + 2 < cap && memcmp(e->raw, s, n) == 0) {
        memcpy(buf, e->key, (size_t)e->kn + 1);
        return e->kn;
    }
    size_t kn = key_compute(s, n, buf, cap, &cut);
    if (cut || kn + 1 > sizeof e->key) return kn;
    e->rn = (uint8_t)n;
    e->kn = (uint8_t)kn;
    memcpy(e->raw, s, n);
    memcpy(e->key, buf, kn + 1);
    return kn;
}

typedef struct ent {
    int type;
    bool strong;   /* typed by a rule that is not a guess */
    int best_rank; /* of the mention naming it, see rank() */
    uint32_t best; /* mention index */
    char *key;     /* folded key of the naming mention */
} ent;

typedef struct ortho {
    const char *text;
    const rg_ner_mention *m;
    ent *e;
    size_t ne, cap;
    rg_strmap keys; /* every mention key -> entity */
} ortho;

static bool is_org(int t)
{
    return t == RG_MENTION_ORGANISATION || t == RG_MENTION_INSTITUTION;
}

/* How well a mention names its entity: full names beat short names beat
 * acronyms beat nominal mentions. */
static int rank(const rg_ner_mention *m, const char *key)
{
    int words = 1;
    for (const char *p = key; *p; p++)
        words += *p == ' ';
    if (m->flags & RG_NM_NOMINAL) return 0;
    if (m->flags & RG_NM_ACRONYM) return 1;
    return 2 + (words > 20 ? 20 : words);
}

static const char *skip_article(const char *w)
{
    if (strncmp(w, "al-", 3) == 0 || strncmp(w, "el-", 3) == 0) return w + 3;
    return w;
}

/* Word `which` (0 = first, -1 = last) of a key, copied into buf. */
static void key_word(const char *key, int which, char *buf, size_t cap)
{
    const char *b = key, *e;
    if (which < 0) {
        const char *sp = strrchr(key, ' ');
        b = sp ? sp + 1 : key;
    }
    e = strchr(b, ' ');
    size_t n = e ? (size_t)(e - b) : strlen(b);
    if (n >= cap) n = cap - 1;
    memcpy(buf, b, n);
    buf[n] = 0;
}

static bool stop_word(const char *w, size_t n)
{
    static const char *const sw[] = {"of", "and", "the", "for", "in", "on", "to", "&", "-"};
    for (size_t i = 0; i < sizeof sw / sizeof *sw; i++)
        if (strlen(sw[i]) == n && memcmp(sw[i], w, n) == 0) return true;
    return false;
}

/* Initials of a key's content words: "international impartial and
 * independent mechanism" -> "iiim". */
static void initials(const char *key, char *buf, size_t cap)
{
    size_t o = 0;
    for (const char *p = key; *p && o + 1 < cap;) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n && !stop_word(p, n) && ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')))
            buf[o++] = *p;
        p += n + (e ? 1 : 0);
    }
    buf[o] = 0;
}

static bool has_word(const char *key, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = key; (p = strstr(p, w)) != NULL; p++) {
        bool left = p == key || p[-1] == ' ';
        bool right = p[n] == 0 || p[n] == ' ';
        if (left && right) return true;
    }
    return false;
}

#define SEARCH_LIMIT 128 /* entities looked back at for fuzzy rules */

static uint32_t match_acronym(const ortho *o, const char *key)
{
    char ini[64];
    for (size_t k = o->ne, seen = 0; k-- > 0 && seen < SEARCH_LIMIT; seen++) {
        if (!is_org(o->e[k].type)) continue;
        initials(o->e[k].key, ini, sizeof ini);
        if (strlen(ini) >= 2 && strcmp(ini, key) == 0) return (uint32_t)k;
    }
    return RG_NONE;
}

static uint32_t match_nominal(const ortho *o, const char *key)
{
    char head[128];
    key_word(key, -1, head, sizeof head);
    for (size_t k = o->ne, seen = 0; k-- > 0 && seen < SEARCH_LIMIT; seen++) {
        if (!is_org(o->e[k].type)) continue;
        const rg_ner_mention *bm = &o->m[o->e[k].best];
        if ((bm->flags & RG_NM_NOMINAL) && !strchr(o->e[k].key, ' ')) continue;
        if (has_word(o->e[k].key, head)) return (uint32_t)k;
    }
    return RG_NONE;
}

/* "the city": the place named last, if any. */
static uint32_t match_place(const ortho *o)
{
    for (size_t k = o->ne, seen = 0; k-- > 0 && seen < SEARCH_LIMIT; seen++)
        if (o->e[k].type == RG_MENTION_PLACE && o->e[k].strong &&
            !(o->m[o->e[k].best].flags & RG_NM_NOMINAL))
            return (uint32_t)k;
    return RG_NONE;
}

/* A one-word name and exactly one earlier person with that first or last name. */
static uint32_t match_person_part(const ortho *o, const char *key)
{
    uint32_t found = RG_NONE;
    char w[128];
    for (size_t k = o->ne, seen = 0; k-- > 0 && seen < SEARCH_LIMIT; seen++) {
        if (o->e[k].type != RG_MENTION_PERSON || !strchr(o->e[k].key, ' ')) continue;
        bool hit = false;
        key_word(o->e[k].key, -1, w, sizeof w);
        if (strcmp(skip_article(w), skip_article(key)) == 0) hit = true;
        key_word(o->e[k].key, 0, w, sizeof w);
        if (strcmp(w, key) == 0) hit = true;
        if (!hit) continue;
        if (found != RG_NONE && found != k) return RG_NONE; /* ambiguous: veto */
        found = (uint32_t)k;
    }
    return found;
}

/* Is every word of a also a word of b? */
static bool words_within(const char *a, const char *b)
{
    char w[128];
    for (const char *p = a; *p;) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n >= sizeof w) return false;
        memcpy(w, p, n);
        w[n] = 0;
        if (!has_word(b, w)) return false;
        p += n + (e ? 1 : 0);
    }
    return true;
}

/* "Syrian Coalition" and "Syrian National Coalition". */
static uint32_t match_first_last(const ortho *o, const char *key)
{
    char a0[128], a1[128], b0[128], b1[128];
    int words = 1;
    for (const char *p = key; *p; p++)
        words += *p == ' ';
    if (words > 2) return RG_NONE; /* "Air Intelligence Branch" is not "Air Force ... Branch" */
    key_word(key, 0, a0, sizeof a0);
    key_word(key, -1, a1, sizeof a1);
    for (size_t k = o->ne, seen = 0; k-- > 0 && seen < SEARCH_LIMIT; seen++) {
        if (!is_org(o->e[k].type)) continue;
        key_word(o->e[k].key, 0, b0, sizeof b0);
        key_word(o->e[k].key, -1, b1, sizeof b1);
        if (strcmp(a0, b0) == 0 && strcmp(a1, b1) == 0 &&
            (words_within(key, o->e[k].key) || words_within(o->e[k].key, key)))
            return (uint32_t)k;
    }
    return RG_NONE;
}

static bool compatible(int a, int b)
{
    return a == b || a == RG_NER_UNTYPED || b == RG_NER_UNTYPED || (is_org(a) && is_org(b));
}

/* "association of caesar families" -> "caesar families association" (the
 * orthomatcher's reversal around a preposition); "" when not of that form. */
static void reversed(const char *key, char *buf, size_t cap)
{
    buf[0] = 0;
    const char *of = strstr(key, " of ");
    if (!of || strstr(of + 4, " of ") || strlen(key) + 1 > cap) return;
    snprintf(buf, cap, "%s %.*s", of + 4, (int)(of - key), key);
}

/* known: the entity key maps to in o->keys, RG_NONE when absent. */
static uint32_t find(const ortho *o, size_t i, const char *key, uint32_t known,
                     const uint32_t *entity_of)
{
    const rg_ner_mention *m = &o->m[i];
    uint32_t k;
    if (m->alias_of != RG_NONE && m->alias_of < i && entity_of[m->alias_of] != RG_NONE)
        return entity_of[m->alias_of];
    if (known != RG_NONE && compatible(o->e[known].type, m->type)) return known;
    bool one_word = strchr(key, ' ') == NULL;
    char rev[512];
    reversed(key, rev, sizeof rev);
    if (rev[0] && is_org(m->type) && rg_strmap_get(&o->keys, rev, &k) && is_org(o->e[k].type))
        return k;
    if ((m->flags & RG_NM_ACRONYM) && (k = match_acronym(o, key)) != RG_NONE) return k;
    if ((m->flags & RG_NM_NOMINAL) && m->type == RG_MENTION_PLACE) return match_place(o);
    if ((m->flags & RG_NM_NOMINAL) && (k = match_nominal(o, key)) != RG_NONE) return k;
    if (one_word &&
        (m->type == RG_MENTION_PERSON || m->type == RG_NER_UNTYPED || (m->flags & RG_NM_WEAK)) &&
        (k = match_person_part(o, key)) != RG_NONE)
        return k;
    if (!one_word && is_org(m->type) && !(m->flags & RG_NM_NOMINAL) &&
        (k = match_first_last(o, key)) != RG_NONE)
        return k;
    if (!one_word && is_org(m->type) && !(m->flags & RG_NM_NOMINAL)) {
        /* a second spelling of a name whose acronym was seen: "IIIM" */
        char ini[64];
        initials(key, ini, sizeof ini);
        if (strlen(ini) >= 3 && rg_strmap_get(&o->keys, ini, &k) && is_org(o->e[k].type)) return k;
    }
    return RG_NONE;
}

static uint32_t new_entity(ortho *o, size_t i, const char *key)
{
    ent *e = RG_PUSH(o->e, o->ne, o->cap);
    e->type = o->m[i].type;
    e->strong = !(o->m[i].flags & RG_NM_WEAK);
    e->best = (uint32_t)i;
    e->best_rank = rank(&o->m[i], key);
    e->key = rg_strdup(key);
    return (uint32_t)(o->ne - 1);
}

static void join(ortho *o, uint32_t k, size_t i, const char *key)
{
    ent *e = &o->e[k];
    const rg_ner_mention *m = &o->m[i];
    bool strong = !(m->flags & RG_NM_WEAK) && m->type != RG_NER_UNTYPED;
    if ((e->type == RG_NER_UNTYPED || (!e->strong && strong)) && m->type != RG_NER_UNTYPED) {
        e->type = m->type;
        e->strong = strong;
    }
    int r = rank(m, key);
    if (r > e->best_rank) {
        e->best_rank = r;
        e->best = (uint32_t)i;
        free(e->key);
        e->key = rg_strdup(key);
    }
}

/* The display name of a mention: its name span with runs of white space
 * made single spaces. */
static char *name_of(const char *text, const rg_ner_mention *m)
{
    rg_buf b = {0};
    bool sp = false;
    for (uint32_t p = m->name_begin; p < m->name_end; p++) {
        char c = text[p];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            sp = true;
            continue;
        }
        if (sp && b.len) rg_buf_putc(&b, ' ');
        sp = false;
        rg_buf_putc(&b, c);
    }
    if (!b.data) rg_buf_puts(&b, "");
    return rg_buf_detach(&b);
}

void rg_ortho_resolve(const char *text, const rg_ner_mention *m, size_t n, rg_extraction *x,
                      uint32_t *entity_of, uint8_t *type_of)
{
    ortho o = {.text = text, .m = m};
    rg_strmap_init(&o.keys);
    char key[512];
    for (size_t i = 0; i < n; i++) {
        if (m[i].alias_of != RG_NONE && m[i].alias_of > i) { /* resolved below */
            entity_of[i] = RG_NONE;
            continue;
        }
        rg_ortho_key(text + m[i].name_begin, m[i].name_end - m[i].name_begin, key, sizeof key);
        if (!key[0]) {
            entity_of[i] = RG_NONE;
            continue;
        }
        /* one lookup of the key serves find and the update below */
        uint32_t known;
        if (!rg_strmap_get(&o.keys, key, &known)) known = RG_NONE;
        uint32_t k = find(&o, i, key, known, entity_of);
        /* "the city" with no city before it; "the commission" with no
         * commission: a lower-case reference that refers to nothing named */
        bool lower = text[m[i].name_begin] >= 'a' && text[m[i].name_begin] <= 'z';
        if (k == RG_NONE && (m[i].flags & RG_NM_NOMINAL) &&
            (m[i].type == RG_MENTION_PLACE ||
             (m[i].type == RG_MENTION_INSTITUTION && lower && !strchr(key, ' ')))) {
            entity_of[i] = RG_NONE;
            continue;
        }
        if (k == RG_NONE)
            k = new_entity(&o, i, key);
        else
            join(&o, k, i, key);
        entity_of[i] = k;
        if (known != k) rg_strmap_put(&o.keys, key, k);
        char rev[512];
        reversed(key, rev, sizeof rev);
        if (rev[0] && is_org(m[i].type)) rg_strmap_put(&o.keys, rev, k);
    }
    /* Mentions that point forward: "The Foreign Secretary, Boris Johnson". */
    for (size_t i = n; i-- > 0;)
        if (m[i].alias_of != RG_NONE && m[i].alias_of > i) entity_of[i] = entity_of[m[i].alias_of];
    /* Number the surviving entities in order of first mention. */
    uint32_t *final = rg_malloc((o.ne + 1) * sizeof *final);
    for (size_t k = 0; k < o.ne; k++)
        final[k] = RG_NONE;
    for (size_t i = 0; i < n; i++) {
        uint32_t k = entity_of[i];
        if (k == RG_NONE || o.e[k].type == RG_NER_UNTYPED) {
            entity_of[i] = RG_NONE;
            continue;
        }
        if (final[k] == RG_NONE) {
            char *name = name_of(text, &m[o.e[k].best]);
            final[k] = rg_extraction_add_entity(x, (rg_node_type)o.e[k].type, name);
            free(name);
        }
        type_of[i] = (uint8_t)o.e[k].type;
        entity_of[i] = final[k];
    }
    free(final);
    for (size_t k = 0; k < o.ne; k++)
        free(o.e[k].key);
    free(o.e);
    rg_strmap_free(&o.keys);
}
