/* Nominal mentions (rg_coref.h): common-noun phrases that stand for an
 * actor or a place without naming it. Heads and determiners come from
 * data/lexicon/nominal-heads.txt. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "coref_int.h"
#include "rg_coref.h"
#include "rg_data.h"
#include "rg_token.h"

enum { N_ORG = 1, N_PLACE, N_PERSON, N_DET, N_BREAK };

static rg_strmap heads;
static pthread_once_t heads_once = PTHREAD_ONCE_INIT;

/* A copy of heads for the lookup of every lower-case word: keyed by the
 * folded bytes and their length (no strlen, a cheap hash, one cache line
 * a probe). Read-only once built. */
typedef struct head_slot {
    uint32_t hash;
    uint8_t len, val;
    const char *key; /* into heads; NULL = empty */
} head_slot;

static head_slot *head_tab;
static size_t head_mask;
/* Bytes that always continue a word in words_of: ASCII letters and
 * digits, and every byte of a multi-byte character. */
static bool word_byte[256];

/* Words that end a noun phrase to the left: prepositions, conjunctions,
 * auxiliaries and the like. */
static const char *const breaks[] = {
    "of",    "in",     "on",      "at",     "to",      "for",     "with",   "by",
    "from",  "into",   "and",     "or",     "but",     "as",      "than",   "is",
    "are",   "was",    "were",    "be",     "been",    "has",     "have",   "had",
    "will",  "would",  "can",     "could",  "may",     "might",   "must",   "should",
    "not",   "which",  "who",     "whose",  "where",   "when",    "while",  "if",
    "near",  "across", "inside",  "over",   "under",   "after",   "before", "against",
    "about", "during", "through", "within", "without", "between", "said",   "says",
};

static void load_heads_map(void);

/* A hash of s[0, n) from its first and last eight bytes and its length:
 * two multiplications instead of one per byte (heads are short words). */
static uint32_t head_hash(const char *s, size_t n)
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
    return (uint32_t)(h >> 32 ^ h);
}

static void head_tab_build(void)
{
    size_t cap = 16;
    while (cap < heads.len * 4)
        cap *= 2;
    head_tab = rg_calloc(cap, sizeof *head_tab);
    head_mask = cap - 1;
    for (size_t i = 0; i < heads.cap; i++) {
        const rg_strmap_slot *sl = &heads.slots[i];
        size_t n = sl->key ? strlen(sl->key) : 0;
        if (!n || n > 255) continue;
        uint32_t h = head_hash(sl->key, n);
        size_t k = h & head_mask;
        while (head_tab[k].key)
            k = (k + 1) & head_mask;
        head_tab[k] = (head_slot){h, (uint8_t)n, (uint8_t)sl->val, sl->key};
    }
}

/* The N_* value of the folded word f[0, n), or 0. */
static uint32_t head_get(const char *f, size_t n)
{
    uint32_t h = head_hash(f, n);
    for (size_t k = h & head_mask; head_tab[k].key; k = (k + 1) & head_mask) {
        const head_slot *sl = &head_tab[k];
        if (sl->hash == h && sl->len == n && memcmp(sl->key, f, n) == 0) return sl->val;
    }
    return 0;
}

static void load_heads(void)
{
    for (int d = 0; d < 256; d++)
        word_byte[d] =
            (d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z') || (d >= '0' && d <= '9') || d >= 0x80;
    load_heads_map();
    head_tab_build();
}

static void load_heads_map(void)
{
    rg_strmap_init(&heads);
    for (size_t k = 0; k < sizeof breaks / sizeof *breaks; k++)
        rg_strmap_put(&heads, breaks[k], N_BREAK);
    size_t len;
    const char *d = rg_data_get("lexicon/nominal-heads.txt", &len);
    if (!d) return;
    for (const char *p = d, *end = d + len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *tab = memchr(p, '\t', (size_t)(le - p));
        if (*p != '#' && tab && tab > p) {
            char w[64], c[16];
            size_t wn = (size_t)(tab - p), cn = (size_t)(le - tab - 1);
            if (wn < sizeof w && cn < sizeof c) {
                memcpy(w, p, wn);
                w[wn] = 0;
                memcpy(c, tab + 1, cn);
                c[cn] = 0;
                uint32_t v = strcmp(c, "organisation") == 0 ? N_ORG
                             : strcmp(c, "place") == 0      ? N_PLACE
                             : strcmp(c, "person") == 0     ? N_PERSON
                             : strcmp(c, "det") == 0        ? N_DET
                                                            : 0;
                if (v) rg_strmap_put(&heads, w, v);
            }
        }
        p = le + 1;
    }
}

/* One word of the sentence being scanned. */
typedef struct word {
    uint32_t b, e;
    uint32_t cls;  /* N_* of the lower-case word, or 0 */
    bool cap;      /* starts with a capital */
    bool hyphen;   /* "ISIL-held" */
    bool taken;    /* inside a mention found before */
    bool within;   /* ... that lies within the word ("ISIL" in "ISIL-held") */
    bool number;   /* digits */
    bool brk;      /* a word no noun phrase runs across */
    bool demonyms; /* "Syrians", "Iraqis": a demonym's plural */
} word;

typedef struct nomscan {
    rg_extraction *x;
    const rg_gazetteer *gaz;
    word *w;
    size_t nw, cap;
    rg_xmention *out;
    size_t nout, capout;
    size_t upto;     /* named mentions [0, upto) are in maxend */
    uint32_t maxend; /* the largest end among them */
} nomscan;

/* Folds t[0, n) (n < cap) into buf as rg_token_fold does, NUL-terminated;
 * *klen receives the length of the key up to the first NUL. Plain ASCII
 * (no NUL, nothing above 0x7F), almost every word, is lower-cased here. */
static size_t fold_word(const char *t, size_t n, char *buf, size_t cap, size_t *klen)
{
    size_t i = 0;
    for (; i < n; i++) {
        unsigned char ch = (unsigned char)t[i];
        if (ch == 0 || ch >= 0x80) break;
        buf[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    if (i == n) {
        buf[n] = 0;
        *klen = n;
        return n;
    }
    size_t fn = rg_token_fold(t, n, buf, cap);
    buf[fn < cap ? fn : cap - 1] = 0;
    *klen = strlen(buf);
    return fn;
}

/* wd->hyphen is set by words_of, which sees every '-' it takes in. */
static void fill_word(nomscan *c, word *wd)
{
    const char *t = c->x->text;
    char f[64];
    size_t n = wd->e - wd->b;
    wd->cap = t[wd->b] >= 'A' && t[wd->b] <= 'Z';
    wd->number = t[wd->b] >= '0' && t[wd->b] <= '9';
    /* a number is neither a lower-case word nor a capitalised one */
    if (n >= sizeof f || wd->number) return;
    size_t kn;
    size_t fn = fold_word(t + wd->b, n, f, sizeof f, &kn);
    uint32_t v = !wd->cap ? head_get(f, kn) : 0;
    if (v == N_BREAK)
        wd->brk = true;
    else if (v)
        wd->cls = v;
    /* "Syrians", "Iraqis": the plural of a demonym is a group */
    if (wd->cap && fn > 3 && f[fn - 1] == 's' &&
        (rg_gaz_lookup(c->gaz, f, fn - 1) & RG_GAZ_DEMONYM))
        wd->demonyms = true;
}

static void emit(nomscan *c, size_t from, size_t to, uint32_t s, rg_mention_type type)
{
    rg_xmention *m = RG_PUSH(c->out, c->nout, c->capout);
    memset(m, 0, sizeof *m);
    m->type = type;
    m->begin = c->w[from].b;
    m->end = c->w[to].e;
    m->sentence = s;
    m->entity = RG_NONE;
    m->flags = RG_XM_NOMINAL;
}

/* The phrase ending at head h: back over capitalised or hyphenated
 * premodifiers ("ISIL", "ISIL-held") and, when a determiner or number
 * opens it within three words, over the lower-case words between ("an
 * ISIL fighting position", "three supply caches"). */
static bool det_like(const word *w)
{
    return w->cls == N_DET || w->number;
}

static bool ends_with(const char *t, size_t n, const char *suf, size_t m)
{
    return n > m + 2 && memcmp(t + n - m, suf, m) == 0;
}

/* "international", "tactical", "Syrian"-like endings of English adjectives. */
static bool adjective(const nomscan *c, const word *w)
{
#define SUF(s)                                                                                     \
    {                                                                                              \
        s, sizeof s - 1                                                                            \
    }
    static const struct {
        const char *s;
        size_t n;
    } sufs[] = {SUF("al"),   SUF("ic"),   SUF("ive"), SUF("ous"), SUF("ary"),
                SUF("ian"),  SUF("ish"),  SUF("ese"), SUF("ern"), SUF("ful"),
                SUF("less"), SUF("ible"), SUF("able")};
#undef SUF
    const char *t = c->x->text + w->b;
    size_t n = w->e - w->b;
    for (size_t k = 0; k < sizeof sufs / sizeof *sufs; k++)
        if (ends_with(t, n, sufs[k].s, sufs[k].n)) return true;
    return false;
}

/* floor: the first word after the previous phrase of this sentence. */
static size_t phrase_start(const nomscan *c, size_t h, size_t floor)
{
    size_t start = h;
    for (size_t k = h, steps = 0; k-- > floor && steps < 4; steps++) {
        const word *w = &c->w[k];
        if (w->brk || (w->cls && w->cls != N_DET) ||
            (w->taken && !(w->within && (w->cap || w->hyphen))))
            break;
        if (c->w[k + 1].b - w->e > 1) break; /* punctuation between */
        if (det_like(w)) {
            /* "the two leaders", "all three" */
            if (k > floor && det_like(&c->w[k - 1]) && w->b - c->w[k - 1].e == 1) k--;
            return k;
        }
        /* an adjective by its ending joins ("international partners"); any
         * other lower-case word needs a determiner before it */
        if (!w->cap && !w->hyphen && !adjective(c, w)) continue;
        start = k;
    }
    return start;
}

/* Finds the nominal phrases among the words of sentence s. */
static void scan(nomscan *c, uint32_t s)
{
    size_t floor = 0;
    for (size_t h = 0; h < c->nw; h++) {
        word *w = &c->w[h];
        if (w->taken) continue;
        rg_mention_type type;
        if (w->demonyms)
            type = RG_MENTION_ORGANISATION;
        else if (w->cls == N_ORG)
            type = RG_MENTION_ORGANISATION;
        else if (w->cls == N_PLACE)
            type = RG_MENTION_PLACE;
        else if (w->cls == N_PERSON)
            type = RG_MENTION_PERSON;
        else
            continue;
        /* compounds: the head is the last of adjacent heads ("supply route",
         * "coalition forces", "hospital complex") */
        size_t e = h;
        while (e + 1 < c->nw && !c->w[e + 1].taken && c->w[e + 1].cls && c->w[e + 1].cls != N_DET &&
               c->w[e + 1].b - c->w[e].e == 1)
            e++;
        if (e != h) {
            uint32_t cl = c->w[e].cls;
            type = cl == N_ORG     ? RG_MENTION_ORGANISATION
                   : cl == N_PLACE ? RG_MENTION_PLACE
                                   : RG_MENTION_PERSON;
        }
        size_t b = phrase_start(c, h, floor);
        emit(c, b, e, s, type);
        h = e;
        floor = e + 1;
    }
}

/* Where words_of's search for mentions overlapping a word at p starts:
 * eight before next, as mentions nested in a longer one may end before
 * it; but next itself when no mention before next ends after p (their
 * largest end, kept up as next moves on), as those then cannot overlap.
 * Most words thus look at one mention, not nine. */
static size_t window_start(nomscan *c, size_t next, uint32_t p)
{
    const rg_xmention *mm = c->x->mentions;
    for (; c->upto < next; c->upto++)
        if (mm[c->upto].end > c->maxend) c->maxend = mm[c->upto].end;
    if (c->maxend <= p) return next;
    return next >= 8 ? next - 8 : 0;
}

/* Splits sentence s into words, marking those inside named mentions. */
static void words_of(nomscan *c, uint32_t s, size_t *next)
{
    const char *t = c->x->text;
    const rg_xmention *mm = c->x->mentions;
    size_t named = c->x->nmentions;
    uint32_t p = c->x->sentences[s].begin, end = c->x->sentences[s].end;
    c->nw = 0;
    while (p < end) {
        unsigned char ch = (unsigned char)t[p];
        bool alnum =
            (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
        if (!alnum) {
            p++;
            continue;
        }
        uint32_t e = p;
        bool hyphen = false; /* a '-' joins the word only below */
        for (;;) {
            /* letters, digits and non-ASCII bytes first, in a tight loop */
            while (e < end && word_byte[(unsigned char)t[e]])
                e++;
            if (e >= end) break;
            unsigned char d = (unsigned char)t[e];
            bool in = ((d == '-' || d == '.') && e + 1 < end && t[e + 1] != ' ') ||
                      (d == ',' && e + 1 < end && t[e + 1] >= '0' && t[e + 1] <= '9' &&
                       t[p] >= '0' && t[p] <= '9') ||          /* "30,000" */
                      (d == '.' && memchr(t + p, '.', e - p)); /* "U.S." */
            if (!in) break;
            hyphen |= d == '-';
            e++;
        }
        word *w = RG_PUSH(c->w, c->nw, c->cap);
        memset(w, 0, sizeof *w);
        w->b = p;
        w->e = e;
        w->hyphen = hyphen;
        while (*next < named && mm[*next].end <= p)
            (*next)++;
        w->within = true;
        for (size_t k = window_start(c, *next, p); k < named && mm[k].begin < e; k++)
            if (mm[k].end > p && mm[k].type != RG_MENTION_DATE) {
                w->taken = true;
                if (mm[k].begin < p || mm[k].end > e) w->within = false;
            }
        fill_word(c, w);
        p = e;
    }
}

size_t rg_coref_nominals(rg_extraction *x, const rg_gazetteer *gaz, uint32_t *remap)
{
    pthread_once(&heads_once, load_heads);
    nomscan c = {.x = x, .gaz = gaz ? gaz : rg_gaz_builtin()};
    size_t next = 0;
    for (uint32_t s = 0; s < x->nsentences; s++) {
        words_of(&c, s, &next);
        scan(&c, s);
    }
    size_t added = c.nout;
    rg_coref_merge(x, c.out, c.nout, remap);
    free(c.out);
    free(c.w);
    return added;
}
