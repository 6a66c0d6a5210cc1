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

static void load_heads(void)
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
} nomscan;

static void fill_word(nomscan *c, word *wd)
{
    const char *t = c->x->text;
    char f[64];
    size_t n = wd->e - wd->b;
    wd->cap = t[wd->b] >= 'A' && t[wd->b] <= 'Z';
    wd->number = t[wd->b] >= '0' && t[wd->b] <= '9';
    wd->hyphen = memchr(t + wd->b, '-', n) != NULL;
    if (n >= sizeof f) return;
    size_t fn = rg_token_fold(t + wd->b, n, f, sizeof f);
    f[fn < sizeof f ? fn : sizeof f - 1] = 0;
    uint32_t v = 0;
    bool lower = !wd->cap && !wd->number;
    if (lower && rg_strmap_get(&heads, f, &v)) {
        if (v == N_BREAK)
            wd->brk = true;
        else
            wd->cls = v;
    }
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

static bool ends_with(const char *t, size_t n, const char *suf)
{
    size_t m = strlen(suf);
    return n > m + 2 && memcmp(t + n - m, suf, m) == 0;
}

/* "international", "tactical", "Syrian"-like endings of English adjectives. */
static bool adjective(const nomscan *c, const word *w)
{
    static const char *const sufs[] = {"al",  "ic",  "ive", "ous",  "ary",  "ian", "ish",
                                       "ese", "ern", "ful", "less", "ible", "able"};
    const char *t = c->x->text + w->b;
    size_t n = w->e - w->b;
    for (size_t k = 0; k < sizeof sufs / sizeof *sufs; k++)
        if (ends_with(t, n, sufs[k])) return true;
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
        while (e < end) {
            unsigned char d = (unsigned char)t[e];
            bool in = (d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z') || (d >= '0' && d <= '9') ||
                      d >= 0x80 || ((d == '-' || d == '.') && e + 1 < end && t[e + 1] != ' ') ||
                      (d == ',' && e + 1 < end && t[e + 1] >= '0' && t[e + 1] <= '9' &&
                       t[p] >= '0' && t[p] <= '9') ||          /* "30,000" */
                      (d == '.' && memchr(t + p, '.', e - p)); /* "U.S." */
            if (!in) break;
            e++;
        }
        word *w = RG_PUSH(c->w, c->nw, c->cap);
        memset(w, 0, sizeof *w);
        w->b = p;
        w->e = e;
        while (*next < named && mm[*next].end <= p)
            (*next)++;
        /* a mention may start before *next when nested ones end earlier */
        w->within = true;
        for (size_t k = *next >= 8 ? *next - 8 : 0; k < named && mm[k].begin < e; k++)
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
