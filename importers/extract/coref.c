#include "rg_coref.h"

#include <stdlib.h>
#include <string.h>

#include "coref_int.h"
#include "rg_util.h"

/* Byte classes: alpha(), wordch(), and the bytes that may open a quote. */
enum { T_ALPHA = 1, T_WORD = 2, T_QUOTE = 4 };

/* Pronoun classes; what each stands for is in rg_coref.h. */
typedef enum { P_NONE, P_HE, P_I, P_WE, P_THEY } pclass;

typedef struct pronoun {
    const char *word;
    size_t len;
    pclass cls;
} pronoun;

/* Measured on re3d-dev, where the gold marks pronouns that stand for an
 * actor: "his", "its", "their", "us" and "it" stand for an actor too
 * rarely (precision under 0.3: "his" before a body part or a role, "their"
 * for people who are no organisation, "it" for a thing), so they are left
 * out. */
#define PR(w, c)                                                                                   \
    {                                                                                              \
        w, sizeof w - 1, c                                                                         \
    }
static const pronoun pronouns[] = {
    PR("he", P_HE),        PR("him", P_HE),     PR("himself", P_HE), PR("she", P_HE),
    PR("her", P_HE),       PR("herself", P_HE), PR("i", P_I),        PR("me", P_I),
    PR("my", P_I),         PR("myself", P_I),   PR("we", P_WE),      PR("our", P_WE),
    PR("ourselves", P_WE), PR("they", P_THEY),  PR("them", P_THEY),
};
#undef PR

static bool alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool wordch(unsigned char c)
{
    return alpha(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c >= 0x80;
}

/* The class of the word text[b, e): lower case, or capitalised ("He"),
 * never all capitals ("US", "IT", "WE" in a heading); "I" alone. */
static pclass classify(const char *text, uint32_t b, uint32_t e, const uint16_t *lens)
{
    size_t n = e - b;
    if (n == 1) return text[b] == 'I' ? P_I : P_NONE;
    /* only a pronoun's first letter and length are worth a closer look */
    unsigned f = (unsigned)((unsigned char)text[b] | 0x20) - 'a';
    if (n > 15 || f >= 26 || !(lens[f] >> n & 1)) return P_NONE;
    char w[16];
    for (size_t k = 0; k < n; k++) {
        char c = text[b + k];
        if (k > 0 && c >= 'A' && c <= 'Z') return P_NONE;
        w[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    for (size_t k = 0; k < sizeof pronouns / sizeof *pronouns; k++)
        if (pronouns[k].len == n && memcmp(pronouns[k].word, w, n) == 0) return pronouns[k].cls;
    return P_NONE;
}

static bool is_actor(const rg_xmention *m)
{
    return m->entity != RG_NONE && !(m->flags & RG_XM_PRONOUN) &&
           (m->type == RG_MENTION_PERSON || m->type == RG_MENTION_ORGANISATION ||
            m->type == RG_MENTION_INSTITUTION || m->type == RG_MENTION_PLACE);
}

static bool is_body(rg_mention_type t)
{
    return t == RG_MENTION_ORGANISATION || t == RG_MENTION_INSTITUTION;
}

typedef struct coref {
    rg_extraction *x;
    uint16_t lens[26]; /* by first letter: bit n set when a pronoun has n letters */
    uint8_t tab[256];  /* byte classes for scan_sentence: T_* */
    size_t nnamed;     /* mentions x had on entry (sorted by begin) */
    rg_xmention *out;  /* pronouns found, in text order */
    size_t nout, cap;
    uint32_t speaker; /* the organisation the document speaks for, or RG_NONE */
} coref;

/* The nearest named mention before mention index `before` whose sentence is
 * at least `min_sentence`, and that `want` accepts. */
static const rg_xmention *back(const coref *c, size_t before, uint32_t min_sentence,
                               bool (*want)(const rg_xmention *))
{
    for (size_t k = before; k-- > 0;) {
        const rg_xmention *m = &c->x->mentions[k];
        if (m->sentence < min_sentence) break;
        if (is_actor(m) && want(m)) return m;
    }
    return NULL;
}

static bool want_person(const rg_xmention *m)
{
    return m->type == RG_MENTION_PERSON;
}

static bool want_body(const rg_xmention *m)
{
    return is_body(m->type);
}

/* The person speaking in sentence s: a person mention of that sentence
 * outside the quote ("..., said X"), the first one otherwise. */
static const rg_xmention *speaker_in(const coref *c, size_t from, uint32_t s)
{
    const rg_xmention *first = NULL;
    for (size_t k = from; k < c->nnamed && c->x->mentions[k].sentence == s; k++) {
        const rg_xmention *m = &c->x->mentions[k];
        if (is_actor(m) && m->type == RG_MENTION_PERSON && !first) first = m;
    }
    return first;
}

/* The first mention index of sentence s, searching back from `from`. */
static size_t sentence_start(const coref *c, size_t from, uint32_t s)
{
    size_t k = from < c->nnamed ? from : c->nnamed;
    while (k > 0 && c->x->mentions[k - 1].sentence >= s)
        k--;
    return k;
}

/* The body a quoted "we" speaks for: the organisation or institution named
 * closest to the quote's speaker ("Gen. X, commander of U.S. Central
 * Command, said: 'We ...'"), in the speaker's sentence and within 80 bytes.
 * The speaker is a person of this sentence or of the one before. */
static const rg_xmention *speaker_body(const coref *c, size_t next, uint32_t s)
{
    for (uint32_t t = s + 1; t-- > 0 && t + 2 > s;) {
        size_t first = sentence_start(c, next, t);
        const rg_xmention *sp = speaker_in(c, first, t);
        if (!sp) continue;
        const rg_xmention *best = NULL;
        uint32_t bestd = 81;
        for (size_t k = first; k < c->nnamed && c->x->mentions[k].sentence == t; k++) {
            const rg_xmention *m = &c->x->mentions[k];
            if (!is_actor(m) || !is_body(m->type)) continue;
            uint32_t d = m->begin >= sp->end   ? m->begin - sp->end
                         : sp->begin >= m->end ? sp->begin - m->end
                                               : 0;
            if (d < bestd) {
                bestd = d;
                best = m;
            }
        }
        return best;
    }
    return NULL;
}

/* The institution the document names most: the voice of "we" in a
 * government statement or press release. Needs two mentions at least.
 * Organisations are left out: in a report the organisation named most is
 * as often the enemy it reports on ("ISIL") as the author. */
static uint32_t document_voice(const rg_extraction *x)
{
    if (!x->nentities) return RG_NONE;
    uint32_t *count = rg_calloc(x->nentities, sizeof *count);
    uint32_t best = RG_NONE;
    for (size_t i = 0; i < x->nmentions; i++) {
        const rg_xmention *m = &x->mentions[i];
        if (!is_actor(m) || m->type != RG_MENTION_INSTITUTION) continue;
        count[m->entity]++;
        if (best == RG_NONE || count[m->entity] > count[best] ||
            (count[m->entity] == count[best] && m->entity < best))
            best = m->entity;
    }
    if (best != RG_NONE && count[best] < 2) best = RG_NONE;
    free(count);
    return best;
}

/* Sentence-initial "I" in a numbered heading ("Phase I", "World War I")
 * is a numeral: "I" must not follow a capitalised word. */
static bool roman_numeral(const char *text, uint32_t b, uint32_t sb)
{
    uint32_t p = b;
    while (p > sb && text[p - 1] == ' ')
        p--;
    if (p == b || p == sb) return false;
    uint32_t q = p;
    while (q > sb && wordch((unsigned char)text[q - 1]))
        q--;
    return q < p && text[q] >= 'A' && text[q] <= 'Z';
}

static void add(coref *c, pclass cls, uint32_t b, uint32_t e, uint32_t s, size_t next, bool quoted)
{
    const rg_extraction *x = c->x;
    const rg_xmention *a = NULL;
    rg_mention_type type = RG_MENTION_ORGANISATION;
    uint32_t win = s >= 3 ? s - 3 : 0, win2 = s >= 2 ? s - 2 : 0;
    switch (cls) {
    case P_HE:
        type = RG_MENTION_PERSON;
        a = back(c, next, win, want_person);
        break;
    case P_I:
        if (roman_numeral(x->text, b, x->sentences[s].begin)) return;
        type = RG_MENTION_PERSON;
        if (quoted) {
            size_t first = next;
            while (first > 0 && x->mentions[first - 1].sentence == s)
                first--;
            a = speaker_in(c, first, s);
        }
        if (!a) a = back(c, next, win, want_person);
        break;
    case P_WE:
        if (quoted) a = speaker_body(c, next, s);
        break;
    case P_THEY:
        a = back(c, next, win2, want_body);
        break;
    default:
        return;
    }
    rg_xmention *m = RG_PUSH(c->out, c->nout, c->cap);
    memset(m, 0, sizeof *m);
    m->begin = b;
    m->end = e;
    m->sentence = s;
    m->flags = RG_XM_PRONOUN;
    if (cls == P_WE && !a) {
        m->entity = c->speaker;
        m->type = c->speaker != RG_NONE ? (rg_mention_type)x->entities[c->speaker].type : type;
    } else {
        m->entity = a ? a->entity : RG_NONE;
        m->type = a ? a->type : type;
    }
}

/* Scans the words of sentence s for pronouns. *next moves over the named
 * mentions in step with the scan; a word inside a named mention is no
 * pronoun. *quoted carries the quotation state across sentences. */
static void scan_sentence(coref *c, uint32_t s, size_t *next, bool *quoted)
{
    const char *t = c->x->text;
    uint32_t p = c->x->sentences[s].begin, end = c->x->sentences[s].end;
    const rg_xmention *mm = c->x->mentions;
    const uint8_t *tab = c->tab;
    while (p < end) {
        unsigned char ch = (unsigned char)t[p];
        unsigned cl = tab[ch];
        if (cl & T_QUOTE) {
            if (ch == '"') {
                *quoted = !*quoted;
                p++;
                continue;
            }
            if (ch == 0xE2 && p + 2 < end && (unsigned char)t[p + 1] == 0x80) {
                unsigned char k = (unsigned char)t[p + 2];
                if (k == 0x9C) *quoted = true;  /* “ */
                if (k == 0x9D) *quoted = false; /* ” */
                p += 3;
                continue;
            }
        }
        if (!(cl & T_ALPHA) || (p > 0 && (tab[(unsigned char)t[p - 1]] & T_WORD))) {
            p++;
            continue;
        }
        uint32_t e = p + 1;
        while (e < end && (tab[(unsigned char)t[e]] & T_ALPHA))
            e++;
        bool whole = e >= end || !(tab[(unsigned char)t[e]] & T_WORD);
        /* the word itself first: few are pronouns, and *next (which only
         * moves forward) can catch up at the next one that is */
        pclass cls = whole ? classify(t, p, e, c->lens) : P_NONE;
        if (cls != P_NONE) {
            while (*next < c->nnamed && mm[*next].begin < p)
                (*next)++;
            bool inside = false;
            for (size_t k = *next + 1; k-- > 0 && k + 8 >= *next;)
                if (k < c->nnamed && mm[k].begin <= p && mm[k].end > p) inside = true;
            if (!inside) add(c, cls, p, e, s, *next, *quoted);
        }
        p = e;
    }
    /* a paragraph break ends any quotation left open */
    if (end + 1 < c->x->len && t[end] == '\n' && t[end + 1] == '\n') *quoted = false;
}

/* Does old mention a come before added mention b in the merged order? */
static bool goes_first(const rg_xmention *a, const rg_xmention *b)
{
    return a->begin < b->begin || (a->begin == b->begin && a->end >= b->end);
}

void rg_coref_merge(rg_extraction *x, const rg_xmention *add, size_t nadd, uint32_t *remap)
{
    size_t n = x->nmentions, total = n + nadd;
    if (!nadd) {
        if (remap)
            for (size_t i = 0; i < n; i++)
                remap[i] = (uint32_t)i;
        return;
    }
    /* Merged in place from the back, into room made at the end of the
     * array: no second copy of a document's mentions (a 10 MB document
     * has hundreds of thousands). Order: by begin, the longer first at the
     * same begin (as rg_pipeline's tidy), an old mention before an added one
     * that starts and ends with it. */
    rg_grow(&x->mentions, &x->cap_mentions, total + 1, sizeof *x->mentions);
    rg_xmention *m = x->mentions;
    size_t i = n, j = nadd, o = total;
    while (j > 0) {
        /* the old mentions that go after add[j - 1] move as one block */
        const rg_xmention *b = &add[j - 1];
        size_t r = 0;
        while (r < i && !goes_first(&m[i - 1 - r], b))
            r++;
        if (r) {
            memmove(m + o - r, m + i - r, r * sizeof *m);
            if (remap)
                for (size_t q = 0; q < r; q++)
                    remap[i - r + q] = (uint32_t)(o - r + q);
            i -= r, o -= r;
        }
        m[--o] = add[--j];
    }
    if (remap)
        for (size_t k = 0; k < i; k++)
            remap[k] = (uint32_t)k;
    x->nmentions = total;
}

size_t rg_coref_pronouns(rg_extraction *x, uint32_t *remap)
{
    coref c = {.x = x, .nnamed = x->nmentions};
    for (size_t k = 0; k < sizeof pronouns / sizeof *pronouns; k++)
        c.lens[pronouns[k].word[0] - 'a'] |= (uint16_t)(1u << pronouns[k].len);
    for (unsigned b = 0; b < 256; b++)
        c.tab[b] = (uint8_t)((alpha((unsigned char)b) ? T_ALPHA : 0) |
                             (wordch((unsigned char)b) ? T_WORD : 0) |
                             (b == '"' || b == 0xE2 ? T_QUOTE : 0));
    c.speaker = document_voice(x);
    size_t next = 0;
    bool quoted = false;
    for (uint32_t s = 0; s < x->nsentences; s++)
        scan_sentence(&c, s, &next, &quoted);
    size_t added = c.nout;
    rg_coref_merge(x, c.out, c.nout, remap);
    free(c.out);
    return added;
}
