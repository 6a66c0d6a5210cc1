#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rg_data.h"
#include "rg_relate.h"
#include "rg_resolve.h"

/* ---- cue table --------------------------------------------------------- */

typedef enum {
    CUE_HEAD,
    CUE_OFFICIAL,
    CUE_MEMBER,
    CUE_ENVOY,
    CUE_MEET,
    CUE_HOST,
    CUE_SIGN,
    CUE_FIGHT,
    CUE_ALLY,
    CUE_COOP,
    CUE_PARTOF,
    CUE_ALIAS,
    CUE_WARRANT,
    CUE_FOUND,
    CUE_STATEMENT,
    CUE_UNIT,
    CUE_CONTROL,
    CUE_SERVE,
    CUE_AUTHORITY,
    CUE_LEAD,
    CUE_NCATS
} cue_cat;

static const char *const cue_names[CUE_NCATS] = {
    "head",      "official", "member",  "envoy",  "meet",      "host",    "sign",
    "fight",     "ally",     "coop",    "partof", "alias",     "warrant", "found",
    "statement", "unit",     "control", "serve",  "authority", "lead"};

typedef struct cue {
    cue_cat cat;
    char *phrase;
    size_t len;
    size_t wlen; /* the phrase's leading run of word bytes (word_char) */
} cue;

/* Loaded once from data/relate/cues.txt; read-only afterwards, so the
 * extractor may run on several documents at once. */
static cue *cues;
static size_t ncues;
/* cues sorted by category (stable: file order within one); the cues of
 * category c are cues[cat_first[c], cat_first[c + 1]) */
static size_t cat_first[CUE_NCATS + 1];
/* The scans' index, by the cue's leading run of word bytes: a cue can
 * match at a position only where the text's run of word bytes is the
 * same (the phrase ends on a word boundary, and a non-word byte in it
 * ends the run in the text too), so a scan hashes each word it passes and
 * tries only the cues with that first word. The cues whose first word
 * hashes to bucket h are cues[by_word[k]] for k in [word_first[h],
 * word_first[h + 1]), in cue order (a bucket may hold other words too:
 * matches are verified); word_mask[h] has bit c set when one of them is
 * of category c. */
#define CUE_WORD_BUCKETS 4096
static uint16_t *by_word;
static uint32_t word_first[CUE_WORD_BUCKETS + 1];
static uint32_t word_mask[CUE_WORD_BUCKETS];

/* word_char's answers by byte, filled once by load_cues (every caller
 * runs after it): the cue scans ask it for every byte they pass. */
static bool word_tab[256];

/* word_tab with the apostrophe too: count_words' bytes of a word */
static uint8_t wordq_tab[256];
/* norm()'s treatment of each byte for norm_sentence: the byte written
 * (ASCII lower-cased), or NORM_SPACE, or NORM_E2 (the first byte of a
 * typographic apostrophe, written as is when the rest does not follow). */
enum { NORM_SPACE = 0x100, NORM_E2 = 0x200 };
static uint16_t norm_tab[256];

static void fill_word_tab(void)
{
    for (int u = 0; u < 256; u++) {
        word_tab[u] = (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z') ||
                      u == '-' || u >= 0x80;
        wordq_tab[u] = word_tab[u] || u == '\'';
        norm_tab[u] = (uint16_t)(u >= 'A' && u <= 'Z' ? u + ('a' - 'A') : u);
        if (u == ' ' || (u >= '\t' && u <= '\r')) norm_tab[u] = NORM_SPACE;
    }
    norm_tab[0xE2] = NORM_E2;
}

/* category masks (word_mask, scan_cues) are 32 bits */
_Static_assert(CUE_NCATS <= 32, "cue categories fit a mask");

#define FNV_INIT 2166136261u
#define FNV_STEP(h, b) (((h) ^ (unsigned char)(b)) * 16777619u)

static pthread_once_t cues_once = PTHREAD_ONCE_INIT;

/* RG_RELATE_TRACE set in the environment: every relation is also written to
 * stderr with the rule that made it (doc, rule, type, source and target byte
 * spans), to measure each rule's precision against a gold set. */
static bool trace;

/* Irregular nationality adjectives (data/relate/demonyms.txt). */
typedef struct demonym {
    char *adj, *country;
} demonym;
static demonym *demonyms;
static size_t ndemonyms;
/* Lower-cased adjective -> its rows in demonyms (first row; rows of one
 * adjective are adjacent after load_demonyms sorts them). */
static rg_strmap demonym_index;

/* Lower-cased copy of s[0, n) into key; false when it does not fit. */
static bool lower_key(const char *s, size_t n, char *key, size_t cap)
{
    if (n >= cap) return false;
    for (size_t i = 0; i < n; i++)
        key[i] = (char)tolower((unsigned char)s[i]);
    key[n] = '\0';
    return true;
}

static int cmp_demonym(const void *a, const void *b)
{
    return strcasecmp(((const demonym *)a)->adj, ((const demonym *)b)->adj);
}

static void load_demonyms(void)
{
    size_t len, cap = 0;
    const char *data = rg_data_get("relate/demonyms.txt", &len);
    if (!data) return;
    for (const char *p = data, *end = data + len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *tab = memchr(p, '\t', (size_t)(le - p));
        if (*p != '#' && tab) {
            demonym *d = RG_PUSH(demonyms, ndemonyms, cap);
            d->adj = rg_strndup(p, (size_t)(tab - p));
            d->country = rg_strndup(tab + 1, (size_t)(le - tab - 1));
        }
        p = le + 1;
    }
    qsort(demonyms, ndemonyms, sizeof *demonyms, cmp_demonym);
    rg_strmap_init(&demonym_index);
    for (size_t k = ndemonyms; k-- > 0;) {
        char key[64];
        if (lower_key(demonyms[k].adj, strlen(demonyms[k].adj), key, sizeof key))
            rg_strmap_put(&demonym_index, key, (uint32_t)k);
    }
}

static bool word_char(char c);

static unsigned cue_bucket(const cue *q)
{
    uint32_t h = FNV_INIT;
    for (size_t i = 0; i < q->wlen; i++)
        h = FNV_STEP(h, q->phrase[i]);
    return h & (CUE_WORD_BUCKETS - 1);
}

static void index_words(void)
{
    by_word = rg_malloc((ncues + 1) * sizeof *by_word);
    /* counting sort by bucket, stable: cue order within a bucket */
    static uint32_t fill[CUE_WORD_BUCKETS + 1];
    for (size_t i = 0; i < ncues; i++) {
        cues[i].wlen = 0;
        while (cues[i].wlen < cues[i].len && word_char(cues[i].phrase[cues[i].wlen]))
            cues[i].wlen++;
        if (cues[i].len) fill[cue_bucket(&cues[i]) + 1]++;
    }
    for (unsigned h = 0; h < CUE_WORD_BUCKETS; h++)
        fill[h + 1] += fill[h];
    memcpy(word_first, fill, sizeof word_first);
    for (size_t i = 0; i < ncues; i++)
        if (cues[i].len) {
            by_word[fill[cue_bucket(&cues[i])]++] = (uint16_t)i;
            word_mask[cue_bucket(&cues[i])] |= 1u << cues[i].cat;
        }
}

/* Orders the cues by category, keeping file order within one (find_cue
 * prefers the earliest of equally long cues), and fills cat_first. */
static void group_cues(void)
{
    cue *sorted = rg_malloc((ncues + 1) * sizeof *sorted);
    size_t k = 0;
    for (int c = 0; c < CUE_NCATS; c++) {
        cat_first[c] = k;
        for (size_t i = 0; i < ncues; i++)
            if (cues[i].cat == (cue_cat)c) sorted[k++] = cues[i];
    }
    cat_first[CUE_NCATS] = k;
    free(cues);
    cues = sorted;
    index_words();
}

static void load_cues(void)
{
    fill_word_tab();
    trace = getenv("RG_RELATE_TRACE") != NULL;
    load_demonyms();
    size_t len, cap = 0;
    const char *data = rg_data_get("relate/cues.txt", &len);
    if (!data) return;
    const char *p = data, *end = data + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *tab = memchr(p, '\t', (size_t)(le - p));
        if (*p != '#' && tab) {
            for (int c = 0; c < CUE_NCATS; c++) {
                if (cue_names[c] && (size_t)(tab - p) == strlen(cue_names[c]) &&
                    memcmp(p, cue_names[c], (size_t)(tab - p)) == 0) {
                    cue *q = RG_PUSH(cues, ncues, cap);
                    q->cat = (cue_cat)c;
                    q->phrase = rg_strndup(tab + 1, (size_t)(le - tab - 1));
                    q->len = strlen(q->phrase);
                }
            }
        }
        p = le + 1;
    }
    group_cues();
}

/* tolower in the C locale (the library never sets another) */
static char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
}

static bool word_char(char c)
{
    return word_tab[(unsigned char)c];
}

/* A match of cues[idx] at offset at: is it better than the best so far
 * (longer, or as long and earlier in cues.txt)? Of equally long cues the
 * earliest in the file wins, at its first occurrence. */
typedef struct cue_hit {
    int32_t at;        /* -1: none (sentences are far shorter than 2 GB) */
    uint16_t len, idx; /* cue indices are 16 bits already (by_first) */
} cue_hit;

static inline void cue_try(cue_hit *best, const char *s, const char *h, size_t idx)
{
    const cue *q = &cues[idx];
    if (q->len < best->len || (q->len == best->len && best->at >= 0 && idx >= best->idx)) return;
    /* strncmp(h, phrase, len), inline: a NUL in h differs from the phrase */
    for (size_t j = 0; j < q->len; j++)
        if (h[j] != q->phrase[j]) return;
    if (word_char(h[q->len])) return;
    *best = (cue_hit){(int32_t)(h - s), (uint16_t)q->len, (uint16_t)idx};
}

/* Scans s once for the categories in mask (bit c for category c);
 * best[c] of the others is left as none. A cue may start at s and after
 * every non-word byte; at each such position the run of word bytes is
 * hashed on the way to the next one (index_words). */
static void scan_cues(const char *s, uint32_t mask, cue_hit best[CUE_NCATS])
{
    for (int c = 0; c < CUE_NCATS; c++)
        best[c] = (cue_hit){-1, 0, 0};
    for (const char *h = s; *h;) {
        uint32_t hv = FNV_INIT;
        const char *w = h;
        for (; word_char(*w); w++)
            hv = FNV_STEP(hv, *w);
        size_t wl = (size_t)(w - h);
        unsigned bk = hv & (CUE_WORD_BUCKETS - 1);
        if (word_mask[bk] & mask)
            for (uint32_t k = word_first[bk]; k < word_first[bk + 1]; k++) {
                const cue *q = &cues[by_word[k]];
                if (q->wlen == wl && (mask >> q->cat & 1)) cue_try(&best[q->cat], s, h, by_word[k]);
            }
        /* the byte after a word byte starts nothing */
        h = wl == 0 ? h + 1 : *w ? w + 1 : w;
    }
}

#define ALL_CUES ((1u << CUE_NCATS) - 1)

/* Scans s once for every category. */
static void scan_all_cues(const char *s, cue_hit best[CUE_NCATS])
{
    scan_cues(s, ALL_CUES, best);
}

/* The rules ask about the same short strings (the gap between two
 * mentions, the words before one) for one category after another, and
 * whether it breaks a clause, so the answers for the last few strings are
 * kept: all categories' cues, found in one scan, and clause_break's. The
 * memo holds copies of the strings, not pointers, so a freed and reused
 * buffer cannot give a stale answer; it is per thread. */
#define MEMO_MAX 1024
#define MEMO_N 4
typedef struct str_memo {
    size_t len; /* 0: empty slot */
    char s[MEMO_MAX];
    bool scanned;  /* best[] filled */
    int8_t clause; /* clause_break's answer, -1 not asked yet */
    cue_hit best[CUE_NCATS];
} str_memo;
static _Thread_local str_memo memos[MEMO_N];
static _Thread_local unsigned memo_next;

/* The memo slot of s, n = strlen(s) with 0 < n < MEMO_MAX; a new one is
 * claimed (oldest first) with nothing answered yet. */
static str_memo *memo_of(const char *s, size_t n)
{
    for (int i = 0; i < MEMO_N; i++)
        if (memos[i].len == n && memcmp(memos[i].s, s, n) == 0) return &memos[i];
    str_memo *m = &memos[memo_next++ % MEMO_N];
    memcpy(m->s, s, n);
    m->len = n;
    m->scanned = false;
    m->clause = -1;
    return m;
}

/* find_cue of one category without the memo: for a long string asked
 * about one or two categories (a whole sentence), cheaper than a scan for
 * all of them. */
static long find_cue_in(const char *s, cue_cat cat, size_t *mlen)
{
    cue_hit best[CUE_NCATS] = {{-1, 0, 0}};
    if (cat < CUE_NCATS) scan_cues(s, 1u << cat, best);
    if (mlen) *mlen = cat < CUE_NCATS ? best[cat].len : 0;
    return cat < CUE_NCATS ? best[cat].at : -1;
}

/* Finds the longest cue of category `cat` in s on word boundaries; returns
 * its offset (-1 if none) and the match length in *mlen. */
static long find_cue(const char *s, cue_cat cat, size_t *mlen)
{
    cue_hit best = {-1, 0, 0};
    size_t n = strlen(s);
    /* CUE_NCATS is the "no category" answer of role_in and friends */
    if (cat < CUE_NCATS && n > 0 && n < MEMO_MAX) {
        str_memo *m = memo_of(s, n);
        if (!m->scanned) scan_all_cues(s, m->best);
        m->scanned = true;
        best = m->best[cat];
    } else {
        return find_cue_in(s, cat, mlen);
    }
    if (mlen) *mlen = best.len;
    return best.at;
}

static bool has_cue(const char *s, cue_cat cat)
{
    return find_cue(s, cat, NULL) >= 0;
}

/* ---- text helpers ------------------------------------------------------ */

/* Lower-cased copy of text[b, e) with runs of white space folded to one
 * space, the typographic apostrophe mapped to ', trimmed. Case and space are
 * ASCII only, as isspace/tolower in the C locale: bytes of other
 * characters are copied. The result is never longer than the span, so it is
 * written straight into one allocation (this runs for every actor pair). */
static char *norm(const char *text, uint32_t b, uint32_t e)
{
    char *out = rg_malloc((size_t)(e > b ? e - b : 0) + 1);
    size_t n = 0;
    bool space = false;
    for (uint32_t i = b; i < e; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == 0xE2 && i + 2 < e && (unsigned char)text[i + 1] == 0x80 &&
            ((unsigned char)text[i + 2] == 0x99 || (unsigned char)text[i + 2] == 0x98)) {
            c = '\'';
            i += 2;
        }
        if (c == ' ' || (c >= '\t' && c <= '\r')) {
            space = n > 0;
            continue;
        }
        if (space) out[n++] = ' ';
        space = false;
        out[n++] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    out[n] = '\0';
    return out;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0 && (n == m || !word_char(s[n - m - 1]));
}

/* ends_with on s[0, n), suffix of m bytes */
static bool ends_with_nm(const char *s, size_t n, const char *suffix, size_t m)
{
    return n >= m && memcmp(s + n - m, suffix, m) == 0 && (n == m || !word_char(s[n - m - 1]));
}

/* ends_with on s[0, n) */
static bool ends_with_n(const char *s, size_t n, const char *suffix)
{
    return ends_with_nm(s, n, suffix, strlen(suffix));
}

static bool starts_with(const char *s, const char *prefix)
{
    size_t m = strlen(prefix);
    return strncmp(s, prefix, m) == 0 && !word_char(s[m]);
}

static size_t count_words(const char *s)
{
    size_t n = 0;
    for (unsigned in = 0; *s; s++) {
        unsigned w = wordq_tab[(unsigned char)*s];
        n += w & ~in;
        in = w;
    }
    return n;
}

/* ---- the per-document state ---------------------------------------------- */

/* A text between two neighbouring actors (or a sentence edge and an
 * actor), normalised, with answers about it kept as they are asked: every
 * pair rule reads its gap, and neighbouring pairs read it as their pre or
 * post text. */
typedef struct gap {
    const char *s;
    uint32_t len;
    uint32_t b, e; /* the raw span: text[b, e) */
    int32_t words; /* count_words, -1 not asked yet */
    int8_t clause; /* clause_break, -1 not asked yet */
    int8_t loc;    /* ends_locative, -1 not asked yet */
    bool scanned;  /* best[] filled */
    cue_hit best[CUE_NCATS];
} gap;

typedef struct gaps {
    gap *v;
    gap *last;     /* gap_at's last answer: the rules ask about one gap in a row */
    size_t n, cap; /* v[0, n] */
    size_t used;   /* bytes of arena in use */
    char *arena;   /* the gaps' strings, each NUL-terminated */
    size_t arena_cap;
} gaps;

typedef struct actor {
    uint32_t mention;
    uint32_t entity;
    rg_node_type type;
    uint32_t begin, end;
} actor;

typedef struct ctx {
    rg_extraction *x;
    const rg_relate_opts *opts;
    actor *actors; /* actors of the current sentence, in text order */
    size_t nactors, cap_actors;
    /* The same with unnamed actors (nominals, pronouns without antecedent:
     * entity RG_NONE). The rules run over `actors` (named only) first, then
     * once more over this list with `unnamed_pass` set, which keeps only
     * the relations that the unnamed actors add, of the types listed in
     * `unnamed_types` (see collect_actors, unnamed_pass). */
    actor *all;
    size_t nall, cap_all;
    bool unnamed_pass;
    const char *const *unnamed_types;
    uint32_t sentence;
    const char *date; /* the current sentence's date, or the document's */
    /* Per-document indexes of x->entities, so that rules do not scan every
     * entity of a long document for each sentence (that made extraction
     * quadratic). Entities are only appended while relating (events), so
     * the indexes are brought up to date from `indexed` onwards. */
    size_t indexed;            /* entities [0, indexed) are in the lists */
    uint32_t *places, *events; /* entity indices, in entity order */
    size_t nplaces, cap_places, nevents, cap_events;
    /* The places by prefix_key of their names, for title_body: the first
     * place of each key (its position in places) in place_heads, then
     * place_next[k] = the next one's position + 1 (0: none), in order;
     * place_tail[h] = the last of the key whose first is h. */
    rg_strmap place_heads;
    bool place_heads_ready;
    uint32_t *place_next, *place_tail;
    size_t cap_place_next, cap_place_tail;
    uint32_t ministry[16]; /* per portfolio: entity + 1, 0 = unknown yet */
    bool ministry_done[16];
    /* The current sentence, normalised once (norm_sentence): sn, and for
     * each raw offset sb + j, lo[j] = the length of the normalised text
     * before it, so that the normalisation of any span of the sentence is
     * a substring of sn (sn_span) found without scanning or allocating. */
    char *sn;
    uint32_t *lo;
    size_t sn_cap;
    uint32_t sb, se;
    bool sn_nul; /* sn holds a NUL byte: sn_span declines */
    /* The texts between the actors of `actors` (gaps.v[k] before actor k)
     * and of `all`; g is the table of the list the rules run over. */
    gaps named_gaps, all_gaps, *g;
    /* the sentence's warrant and found cues, found in one scan */
    cue_hit sent_cues[CUE_NCATS];
} ctx;

/* lo value of a byte inside a typographic apostrophe: norm() of a span
 * starting or ending there copies the character's bytes instead of
 * mapping it, so such a span is no substring of sn. */
#define SN_BAD UINT32_MAX

static bool is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* norm_sentence's output of the non-space byte at in[j] (of len):
 * returns the index after it. */
static inline uint32_t norm_put(const unsigned char *in, uint32_t j, uint32_t len, char *out,
                                uint32_t *n, uint32_t *lo)
{
    unsigned t = norm_tab[in[j]];
    if (t == NORM_E2) {
        t = 0xE2;
        if (j + 2 < len && in[j + 1] == 0x80 && (in[j + 2] == 0x99 || in[j + 2] == 0x98)) {
            lo[j + 1] = lo[j + 2] = SN_BAD;
            out[(*n)++] = '\'';
            return j + 3;
        }
    }
    out[(*n)++] = (char)t;
    return j + 1;
}

/* Fills c->sn and lo for the current sentence, in the same pass as norm()
 * over the sentence: a span's normalisation then starts at the output
 * position of its first non-space byte and ends where the output stood at
 * its end (trailing space is only written before a later byte). */
static void norm_sentence(ctx *c)
{
    const rg_xsentence *se = &c->x->sentences[c->sentence];
    const unsigned char *text = (const unsigned char *)c->x->text;
    uint32_t b = se->begin, e = se->end > se->begin ? se->end : se->begin, len = e - b;
    if (c->sn_cap < (size_t)len + 1) {
        c->sn_cap = (size_t)len + 1;
        free(c->sn);
        free(c->lo);
        c->sn = rg_malloc(c->sn_cap);
        c->lo = rg_malloc(c->sn_cap * sizeof *c->lo);
    }
    c->sb = b;
    c->se = e;
    /* locals, restrict: the byte stores to out must not make the compiler
     * reload c->lo or reread text for every byte */
    char *restrict out = c->sn;
    uint32_t *restrict lo = c->lo;
    const unsigned char *restrict in = text + b;
    uint32_t n = 0;
    for (uint32_t j = 0; j < len;) {
        unsigned t = norm_tab[in[j]];
        lo[j] = n;
        if (t < 0x100) { /* the common case: a byte written as it is or lower-cased */
            out[n++] = (char)t;
            j++;
            continue;
        }
        if (t == NORM_E2) {
            j = norm_put(in, j, len, out, &n, lo);
            continue;
        }
        /* a run of space: one space, written only before a later byte and
         * after an earlier one; the text before that byte ends before it */
        do
            lo[j++] = n;
        while (j < len && norm_tab[in[j]] == NORM_SPACE);
        if (j == len) break;
        lo[j] = n;
        if (n > 0) out[n++] = ' ';
        j = norm_put(in, j, len, out, &n, lo);
    }
    out[n] = '\0';
    lo[len] = n;
    /* a NUL byte in the text (the loaders drop them) would end norm()'s
     * strings early: then every span is normalised on its own */
    c->sn_nul = strlen(out) != n;
}

/* norm(text, b, e) as sn[*from, *to), or false when it is not one. */
static bool sn_span(const ctx *c, uint32_t b, uint32_t e, uint32_t *from, uint32_t *to)
{
    if (e <= b) {
        *from = *to = 0;
        return true;
    }
    if (b < c->sb || e > c->se || c->sn_nul) return false;
    uint32_t j = b - c->sb, f = c->lo[j], t = c->lo[e - c->sb];
    if (f == SN_BAD || t == SN_BAD) return false;
    /* the span's first non-space byte follows the space written before it
     * (if any text came before); at b itself, when the byte before b was
     * space, or later, when b is space (past the end: the span is empty) */
    const char *text = c->x->text;
    if (f > 0 &&
        (is_space((unsigned char)text[b]) || (j > 0 && is_space((unsigned char)text[b - 1]))))
        f++;
    *from = f < t ? f : t;
    *to = t;
    return true;
}

/* strlen(norm(text, sentence begin, e)) */
static size_t sn_len_to(const ctx *c, uint32_t e)
{
    uint32_t f, t;
    if (sn_span(c, c->sb, e, &f, &t)) return t - f;
    char *s = norm(c->x->text, c->sb, e);
    size_t n = strlen(s);
    free(s);
    return n;
}

/* norm(text, b, e) into buf when it fits (cap bytes with the NUL), else
 * into an allocation; the caller frees the result when it is not buf. */
static char *sn_copy(const ctx *c, uint32_t b, uint32_t e, char *buf, size_t cap)
{
    uint32_t f, t;
    if (!sn_span(c, b, e, &f, &t) || t - f >= cap) return norm(c->x->text, b, e);
    memcpy(buf, c->sn + f, t - f);
    buf[t - f] = '\0';
    return buf;
}

/* Appends gap k's index, norm(text, b, e) and a NUL to g's arena at
 * *used; returns the string's offset there and its length in *len. */
static size_t arena_put(ctx *c, gaps *g, size_t *used, uint32_t k, uint32_t b, uint32_t e,
                        uint32_t *len)
{
    uint32_t f, t;
    char *slow = NULL;
    const char *src;
    if (sn_span(c, b, e, &f, &t)) {
        src = c->sn + f;
        *len = t - f;
    } else {
        src = slow = norm(c->x->text, b, e);
        *len = (uint32_t)strlen(slow);
    }
    size_t need = *used + sizeof k + *len + 1;
    if (need > g->arena_cap) {
        g->arena_cap = need * 2;
        g->arena = rg_realloc(g->arena, g->arena_cap);
    }
    memcpy(g->arena + *used, &k, sizeof k);
    size_t at = *used + sizeof k;
    memcpy(g->arena + at, src, *len);
    g->arena[at + *len] = '\0';
    *used = at + *len + 1;
    free(slow);
    return at;
}

/* The normalised texts between the actors of c->actors into g (see
 * gaps): v[0] before the first, v[k] after actor k-1 (empty when the next
 * one starts inside it), v[n] after the last, up to the sentence's end. */
static void build_gaps(ctx *c, gaps *g)
{
    size_t n = c->nactors, used = 0;
    rg_grow(&g->v, &g->cap, n + 1, sizeof *g->v);
    for (size_t k = 0; k <= n; k++) {
        uint32_t b = k ? c->actors[k - 1].end : c->sb;
        uint32_t e = k < n ? c->actors[k].begin : c->se;
        if (e < b) e = b;
        gap *v = &g->v[k];
        v->b = b;
        v->e = e;
        v->s = (const char *)(uintptr_t)arena_put(c, g, &used, (uint32_t)k, b, e, &v->len);
        v->words = -1;
        v->clause = -1;
        v->loc = -1;
        v->scanned = false;
    }
    g->n = n;
    g->used = used;
    g->last = NULL;
    /* the arena may have moved while it grew: offsets become pointers now */
    for (size_t k = 0; k <= n; k++)
        g->v[k].s = g->arena + (uintptr_t)g->v[k].s;
    c->g = g;
}

/* The answers already found about gaps of `from` copied to the gaps of
 * `to` with the same span (the same text): the unnamed pass reads most
 * gaps of the named one again. Both lists' gap ends (the next actor's
 * start) ascend, so one walk pairs them; an empty gap is not worth it. */
static void share_answers(const gaps *from, gaps *to)
{
    size_t j = 0;
    for (size_t k = 0; k <= to->n; k++) {
        gap *t = &to->v[k];
        if (t->len == 0) continue;
        while (j <= from->n && from->v[j].e < t->e)
            j++;
        for (size_t i = j; i <= from->n && from->v[i].e == t->e; i++)
            if (from->v[i].b == t->b) {
                const gap *f = &from->v[i];
                t->words = f->words;
                t->clause = f->clause;
                t->loc = f->loc;
                t->scanned = f->scanned;
                if (f->scanned) memcpy(t->best, f->best, sizeof t->best);
                break;
            }
    }
}

/* The first four bytes of s[0, n) (stopping at a NUL), lower-cased, as
 * one number: demonym_of without a table row needs four shared bytes. */
static uint32_t prefix_key(const char *s, size_t n)
{
    uint32_t key = 0;
    for (size_t i = 0; i < 4 && i < n && s[i]; i++)
        key |= (uint32_t)(unsigned char)ascii_lower(s[i]) << (8 * i);
    return key;
}

/* prefix_key as a string: its bytes up to the first zero */
static void prefix_key_str(uint32_t key, char out[5])
{
    for (int i = 0; i < 4; i++)
        out[i] = (char)(key >> (8 * i));
    out[4] = '\0';
}

/* Adds place position k to the chain of its key (see place_heads). */
static void chain_place(ctx *c, uint32_t k, uint32_t key)
{
    char ks[5];
    prefix_key_str(key, ks);
    if (!c->place_heads_ready) {
        rg_strmap_init(&c->place_heads);
        c->place_heads_ready = true;
    }
    rg_grow(&c->place_next, &c->cap_place_next, (size_t)k + 1, sizeof *c->place_next);
    rg_grow(&c->place_tail, &c->cap_place_tail, (size_t)k + 1, sizeof *c->place_tail);
    c->place_next[k] = 0;
    uint32_t h;
    if (rg_strmap_get(&c->place_heads, ks, &h)) {
        c->place_next[c->place_tail[h]] = k + 1;
        c->place_tail[h] = k;
    } else {
        rg_strmap_put(&c->place_heads, ks, k);
        c->place_tail[k] = k;
    }
}

static void index_entities(ctx *c)
{
    for (; c->indexed < c->x->nentities; c->indexed++) {
        rg_node_type t = c->x->entities[c->indexed].type;
        if (t == RG_NODE_PLACE) {
            chain_place(c, (uint32_t)c->nplaces,
                        prefix_key(c->x->entities[c->indexed].name, SIZE_MAX));
            *RG_PUSH(c->places, c->nplaces, c->cap_places) = (uint32_t)c->indexed;
        } else if (t == RG_NODE_EVENT)
            *RG_PUSH(c->events, c->nevents, c->cap_events) = (uint32_t)c->indexed;
    }
}

static bool is_body(rg_node_type t)
{
    return t == RG_NODE_ORGANISATION || t == RG_NODE_INSTITUTION || t == RG_NODE_PLACE;
}

static bool is_agent(rg_node_type t)
{
    return t == RG_NODE_PERSON || t == RG_NODE_ORGANISATION || t == RG_NODE_INSTITUTION;
}

/* In the unnamed pass, a relation the named pass did not make: one named
 * and one unnamed actor, of a type whose rules read an unnamed argument
 * as well as a name ("X attacked the convoy", "we will strike ISIL"). A
 * nominal is no synonym or ally of anything in particular. */
static bool unnamed_relation(const char *const *types, const char *type, const actor *s,
                             const actor *t)
{
    if ((s->entity == RG_NONE) == (t->entity == RG_NONE)) return false;
    /* "their defensive positions", "besieged areas": an unnamed place is
     * where things happen, neither a party nor a member */
    if ((s->entity == RG_NONE ? s : t)->type == RG_NODE_PLACE) return false;
    for (size_t i = 0; types[i]; i++)
        if (strcmp(type, types[i]) == 0) return true;
    return false;
}

static void relate_(ctx *c, const char *rule, const char *type, const char *role, const actor *s,
                    const actor *t)
{
    /* one entity may be named twice in place ("Y (YY)"): the two names are
     * still synonyms, though the graph keeps no self-loop */
    if (s->entity == t->entity && (strcmp(type, "same_as") != 0 || s->mention == t->mention))
        return;
    if (c->unnamed_pass && !unnamed_relation(c->unnamed_types, type, s, t)) return;
    if (trace)
        fprintf(stderr, "RG_RELATE\t%s\t%s\t%s\t%u\t%u\t%u\t%u\n", c->x->doc.id, rule, type,
                s->begin, s->end, t->begin, t->end);
    uint32_t r = rg_extraction_add_relation(c->x, type, role, s->entity, t->entity, c->sentence);
    c->x->relations[r].source_mention = s->mention;
    c->x->relations[r].target_mention = t->mention;
    if (c->date) c->x->relations[r].date = rg_strdup(c->date);
}

#define relate(c, ...) relate_(c, __func__, __VA_ARGS__)

/* Words that put the next mention in a locative or source phrase ("near
 * Mosul", "in the Karrada district", "from Tiyas airfield"): such a place
 * is where something happened, not who did it or to whom. */
/* A word with its length, for lists the rules test often. */
typedef struct lword {
    const char *s;
    size_t n;
} lword;
#define LW(x)                                                                                      \
    {                                                                                              \
        x, sizeof x - 1                                                                            \
    }

static bool ends_locative(const char *s)
{
    static const lword locs[] = {LW("in"),     LW("near"),       LW("at"),      LW("into"),
                                 LW("across"), LW("around"),     LW("outside"), LW("inside"),
                                 LW("from"),   LW("throughout"), LW("towards"), LW("toward"),
                                 LW("within"), LW("over"),       LW("on"),      LW("to")};
    static const lword dirs[] = {LW("northern"),     LW("southern"),     LW("eastern"),
                                 LW("western"),      LW("central"),      LW("northwestern"),
                                 LW("northeastern"), LW("southwestern"), LW("southeastern"),
                                 LW("north"),        LW("south"),        LW("east"),
                                 LW("west")};
    /* the last 63 bytes only, their start a word boundary (as when this
     * copied them into a buffer of 64) */
    size_t n = strlen(s);
    if (n >= 64) s += n - 63, n = 63;
    for (int round = 0; round < 2; round++) {
        while (n && s[n - 1] == ' ')
            n--;
        if (ends_with_nm(s, n, "the", 3)) n -= 3;
        for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++)
            if (ends_with_nm(s, n, dirs[i].s, dirs[i].n)) n -= dirs[i].n;
    }
    while (n && s[n - 1] == ' ')
        n--;
    for (size_t i = 0; i < sizeof locs / sizeof *locs; i++)
        if (ends_with_nm(s, n, locs[i].s, locs[i].n)) return true;
    return false;
}

static bool clause_break(const char *gap);

/* The gap whose text s is (the very pointer, not a copy), or NULL: the
 * rules pass gaps on as strings, and the answers about a gap are kept in
 * its entry. The arena stores each gap's index right before its text. */
static gap *gap_at(ctx *c, const char *s)
{
    gaps *g = c->g;
    uint32_t k;
    if (!g) return NULL;
    if (g->last && g->last->s == s) return g->last;
    if (s < g->arena + sizeof k || s >= g->arena + g->used) return NULL;
    memcpy(&k, s - sizeof k, sizeof k);
    if (k > g->n || g->v[k].s != s) return NULL;
    g->last = &g->v[k];
    return g->last;
}

/* count_words(s), kept when s is a gap */
static size_t gwords(ctx *c, const char *s)
{
    gap *v = gap_at(c, s);
    if (!v) return count_words(s);
    if (v->words < 0) v->words = (int32_t)count_words(s);
    return (size_t)v->words;
}

/* clause_break(s), kept when s is a gap */
static bool gclause(ctx *c, const char *s)
{
    gap *v = gap_at(c, s);
    if (!v) return clause_break(s);
    if (v->clause < 0) v->clause = clause_break(s);
    return v->clause;
}

/* ends_locative(s), kept when s is a gap */
static bool gloc(ctx *c, const char *s)
{
    gap *v = gap_at(c, s);
    if (!v) return ends_locative(s);
    if (v->loc < 0) v->loc = ends_locative(s);
    return v->loc;
}

/* find_cue(s, cat, mlen), all categories found in one scan and kept when
 * s is a gap */
static long gcue(ctx *c, const char *s, cue_cat cat, size_t *mlen)
{
    gap *v = gap_at(c, s);
    if (!v || cat >= CUE_NCATS) return find_cue(s, cat, mlen);
    if (!v->scanned) scan_all_cues(s, v->best);
    v->scanned = true;
    if (mlen) *mlen = v->best[cat].len;
    return v->best[cat].at;
}

static bool ghas(ctx *c, const char *s, cue_cat cat)
{
    return gcue(c, s, cat, NULL) >= 0;
}

/* Normalised text between the previous actor (or the sentence start) and
 * actor k. */
static const char *text_before(ctx *c, size_t k)
{
    return c->g->v[k].s;
}

/* The length of s without a final " the" (or "the" alone): the rules look
 * past an article before a name. */
static size_t strip_the(const char *s)
{
    size_t n = strlen(s);
    if (ends_with_n(s, n, "the")) n = n >= 4 ? n - 4 : 0;
    return n;
}

/* A place named where something happened rather than as an actor. */
static bool place_as_location(ctx *c, size_t k)
{
    if (c->actors[k].type != RG_NODE_PLACE) return false;
    const char *pre = text_before(c, k);
    bool loc = gloc(c, pre);
    /* "in Syria's Idlib province": a place of a location */
    if (!loc && k > 0 && strcmp(pre, "'s") == 0) loc = place_as_location(c, k - 1);
    return loc;
}

static const char *role_relation(cue_cat cat)
{
    switch (cat) {
    case CUE_HEAD:
        return "head_of";
    case CUE_OFFICIAL:
        return "official_of";
    case CUE_MEMBER:
        return "member_of";
    case CUE_ENVOY:
        return "represents";
    default:
        return NULL;
    }
}

/* The role category named in s (head before official before member: "head
 * of delegation" is a head), or CUE_NCATS. */
static cue_cat role_in(const char *s)
{
    static const cue_cat order[] = {CUE_HEAD, CUE_ENVOY, CUE_OFFICIAL, CUE_MEMBER};
    for (size_t i = 0; i < sizeof order / sizeof *order; i++)
        if (has_cue(s, order[i])) return order[i];
    return CUE_NCATS;
}

/* ---- events -------------------------------------------------------------- */

/* Label for an event from its document: "<Kind> in <doc title>" keeps
 * events of different documents apart until resolution compares them. */
static char *event_label(ctx *c, const char *kind)
{
    const char *t = c->x->doc.title ? c->x->doc.title : c->x->doc.id;
    return rg_sprintf("%s: %.80s", kind, t ? t : "document");
}

/* Finds or creates this document's event of a type. Events of one type and
 * date within a document are one event (an article reports one meeting from
 * several angles). A new event is named event_label(kind); the label is
 * only made then. */
static uint32_t event_for(ctx *c, const char *event_type, const char *kind)
{
    rg_extraction *x = c->x;
    index_entities(c);
    for (size_t k = 0; k < c->nevents; k++) {
        size_t i = c->events[k];
        const rg_xentity *e = &x->entities[i];
        const char *t = rg_attrs_get(&e->attrs, "event_type");
        const char *d = rg_attrs_get(&e->attrs, "date");
        bool same_date = (!d && !c->date) || (d && c->date && strcmp(d, c->date) == 0);
        if (t && strcmp(t, event_type) == 0 && same_date) return (uint32_t)i;
    }
    char *label = event_label(c, kind);
    char *name = c->date ? rg_sprintf("%s (%s)", label, c->date) : rg_strdup(label);
    free(label);
    uint32_t ev = rg_extraction_add_entity(x, RG_NODE_EVENT, name);
    free(name);
    rg_attrs_set(&x->entities[ev].attrs, "event_type", event_type);
    if (c->date) rg_attrs_set(&x->entities[ev].attrs, "date", c->date);
    if (x->doc.title) rg_attrs_set(&x->entities[ev].attrs, "source_title", x->doc.title);
    return ev;
}

static void participate(ctx *c, uint32_t ev, const actor *a, const char *role)
{
    uint32_t r =
        rg_extraction_add_relation(c->x, "participant_in", role, a->entity, ev, c->sentence);
    c->x->relations[r].source_mention = a->mention;
    if (c->date) c->x->relations[r].date = rg_strdup(c->date);
}

/* ---- rules on a pair of neighbouring actors ------------------------------ */

/* How far back (in actors) a subject or a coordinated list is looked for:
 * keeps a sentence of thousands of names (a table without full stops)
 * linear. */
enum { MAX_BACK = 24 };

static bool clause_break(const char *gap);
static size_t apposed(ctx *c, size_t i);
static const actor *subject_before(ctx *c, size_t i);
static size_t subject_index(ctx *c, size_t i);

/* Does s open with a role cue within its first `words` words (after
 * modifiers: "gang leader", "senior commander")? Returns the category or
 * CUE_NCATS. The cue must end a word run, not start a clause. */
static cue_cat role_opening(const char *s, int words)
{
    char buf[128];
    size_t n = 0;
    for (int w = 0; s[n] && n + 1 < sizeof buf; n++)
        if (s[n] == ' ' && ++w == words) break;
    if (n >= sizeof buf) n = sizeof buf - 1;
    memcpy(buf, s, n);
    buf[n] = 0;
    if (strchr(buf, ',')) *strchr(buf, ',') = 0;
    return role_in(buf);
}

/* "X, an ISIL commander" (a member), "X, the ISIL leader" (its head), "X,
 * 407th Group commander": a role whose body is named inside the apposition. */
static bool rule_apposed_role(ctx *c, const actor *p, const actor *q, const char *gap,
                              const char *post)
{
    if (p->type != RG_NODE_PERSON || !is_body(q->type)) return false;
    bool indefinite = strcmp(gap, ", a") == 0 || strcmp(gap, ", an") == 0;
    bool definite = strcmp(gap, ", the") == 0 || strcmp(gap, ",") == 0;
    if (!indefinite && !definite) return false;
    const char *r = post;
    if (starts_with(r, "'s")) r += 2;
    while (*r == ' ')
        r++;
    cue_cat cat = role_opening(r, 3);
    const char *rel = role_relation(cat);
    if (!rel) return false;
    relate(c, indefinite ? "member_of" : rel, NULL, p, q);
    return true;
}

/* "The Foreign Secretary, Boris Johnson, said", "Ibrahim al-Jaafari, the
 * Iraqi Foreign Minister": two person mentions in apposition, one of them a
 * title, name one person. A list ("A, B and C") is not an apposition. */
static bool rule_title_apposition(ctx *c, size_t i, const char *gap, const char *post)
{
    const actor *p = &c->actors[i], *q = &c->actors[i + 1];
    if (p->type != RG_NODE_PERSON || q->type != RG_NODE_PERSON || strcmp(gap, ",") != 0)
        return false;
    if (starts_with(post, "and") || starts_with(post, ", and") ||
        (post[0] == ',' && i + 2 < c->nactors && c->actors[i + 2].type == RG_NODE_PERSON &&
         count_words(post) <= 1))
        return false;
    char *a = norm(c->x->text, p->begin, p->end), *b = norm(c->x->text, q->begin, q->end);
    bool title = false;
    for (char *t = a; t && !title; t = t == a ? b : NULL) {
        const char *w = t;
        if (starts_with(w, "the")) w += 4;
        cue_cat cat = role_in(w);
        title = cat != CUE_NCATS && cat != CUE_MEMBER;
    }
    free(a);
    free(b);
    if (!title) return false;
    relate(c, "same_as", NULL, p, q);
    return true;
}

/* "X was assigned to Y", "airmen deployed from Y": service in a body */
static bool rule_serve(ctx *c, const actor *p, const actor *q, const char *gap)
{
    if (p->type != RG_NODE_PERSON && p->type != RG_NODE_ORGANISATION) return false;
    if (q->type != RG_NODE_ORGANISATION && q->type != RG_NODE_INSTITUTION) return false;
    if (gwords(c, gap) > 6 || !ghas(c, gap, CUE_SERVE) || gclause(c, gap)) return false;
    relate(c, "member_of", NULL, p, q);
    return true;
}

/* The last word of an actor's name, lower-cased, in buf. */
static void last_word(ctx *c, const actor *a, char *buf, size_t n)
{
    uint32_t b = a->end;
    while (b > a->begin && c->x->text[b - 1] != ' ')
        b--;
    char *w = norm(c->x->text, b, a->end);
    snprintf(buf, n, "%s", w);
    free(w);
}

/* "2nd Battalion, 5th Special Forces Group": a unit, then the unit it
 * belongs to, both ending in a unit word (cues.txt, unit). */
static bool rule_unit_chain(ctx *c, const actor *p, const actor *q, const char *gap)
{
    if (!is_agent(p->type) || !is_agent(q->type) || p->type == RG_NODE_PERSON ||
        q->type == RG_NODE_PERSON || strcmp(gap, ",") != 0)
        return false;
    char a[64], b[64];
    last_word(c, p, a, sizeof a);
    last_word(c, q, b, sizeof b);
    if (find_cue(a, CUE_UNIT, NULL) != 0 || find_cue(b, CUE_UNIT, NULL) != 0) return false;
    relate(c, "part_of", NULL, p, q);
    return true;
}

/* "the Iran-Iraq War", "a strong U.S.-Iraq partnership", "UK-France talks":
 * two actors joined by a hyphen before a noun saying how they relate. */
static bool rule_hyphen_pair(ctx *c, const actor *p, const actor *q, const char *gap,
                             const char *post)
{
    if (!is_agent(p->type) && p->type != RG_NODE_PLACE) return false;
    if (!is_agent(q->type) && q->type != RG_NODE_PLACE) return false;
    if (strcmp(gap, "-") != 0 && strcmp(gap, "\xe2\x80\x93") != 0) return false;
    static const struct {
        const char *noun, *type;
    } nouns[] = {{"war", "fighting_against"},         {"conflict", "fighting_against"},
                 {"border war", "fighting_against"},  {"partnership", "allied_with"},
                 {"alliance", "allied_with"},         {"cooperation", "cooperates_with"},
                 {"co-operation", "cooperates_with"}, {"talks", "communicated_with"},
                 {"summit", "communicated_with"},     {"dialogue", "communicated_with"},
                 {"meeting", "communicated_with"}};
    const char *w = post;
    /* one modifier may come between: "the Iran-Iraq border war" */
    for (int round = 0; round < 2; round++) {
        for (size_t i = 0; i < sizeof nouns / sizeof *nouns; i++)
            if (starts_with(w, nouns[i].noun)) {
                relate(c, nouns[i].type, NULL, p, q);
                return true;
            }
        while (*w && *w != ' ')
            w++;
        while (*w == ' ')
            w++;
    }
    return false;
}

static bool list_gap(const char *gap);
static bool modifier(ctx *c, const actor *a);

/* "X joined A and B for talks": X met every one of them. */
static bool join_talks(ctx *c, size_t s, size_t i)
{
    static const char *const talks[] = {"for talks", "for a meeting", "for discussions", "in talks",
                                        NULL};
    size_t last = i + 1;
    for (; last + 1 < c->nactors; last++)
        if (!list_gap(c->g->v[last + 1].s)) break;
    const char *post = c->g->v[last + 1].s;
    bool hit = false;
    for (size_t k = 0; talks[k] && !hit; k++)
        hit = starts_with(post, talks[k]);
    if (!hit) return false;
    for (size_t k = i + 1; k <= last; k++)
        relate(c, "communicated_with", NULL, &c->actors[s], &c->actors[k]);
    return true;
}

/* "X joined the Y", "fighters continue to join the Y": joining a body is
 * membership; joining people "for talks" is a meeting (join_talks), and
 * joining a person otherwise is left to the meeting rule. */
static bool rule_join(ctx *c, size_t i, const char *gap)
{
    const actor *q = &c->actors[i + 1];
    static const char *const verbs[] = {"joined", "join", "joins", "joining", NULL};
    /* the gap's first 255 bytes (it was copied into a buffer of 256),
     * without a final "the"; the verb test comes first as the cheapest */
    size_t gl = strlen(gap);
    if (gl > 255) gl = 255;
    if (ends_with_n(gap, gl, "the")) gl = gl >= 4 ? gl - 4 : 0;
    /* a verb (all word bytes) ends the text on a word boundary exactly
     * when it is the whole run of word bytes at the end */
    size_t w = gl;
    while (w > 0 && word_char(gap[w - 1]))
        w--;
    bool hit = false;
    for (size_t k = 0; verbs[k] && !hit; k++)
        hit = strlen(verbs[k]) == gl - w && memcmp(gap + w, verbs[k], gl - w) == 0;
    if (!hit) return false;
    if (gclause(c, gap) || gwords(c, gap) > 6) return false;
    size_t s = subject_index(c, i);
    if (s == SIZE_MAX || c->actors[s].type == RG_NODE_PLACE) return false;
    if (join_talks(c, s, i)) return true;
    if (q->type != RG_NODE_ORGANISATION && q->type != RG_NODE_INSTITUTION) return false;
    if (modifier(c, q)) return false; /* "joined US Secretary of State X": a person */
    relate(c, "member_of", NULL, &c->actors[s], q);
    return true;
}

/* "X and Y met", "X and Y discussed ...": the pair talked */
static bool rule_pair_met(ctx *c, size_t i, const char *gap, const char *post)
{
    const actor *p = &c->actors[i], *q = &c->actors[i + 1];
    if (strcmp(gap, "and") != 0 || !is_agent(p->type) || !is_agent(q->type)) return false;
    const char *v = post;
    static const char *const aux[] = {"also", "have", "had", "then", "today", NULL};
    for (size_t k = 0; aux[k]; k++)
        if (starts_with(v, aux[k])) {
            v += strlen(aux[k]);
            while (*v == ' ')
                v++;
        }
    if (find_cue(v, CUE_MEET, NULL) != 0) return false;
    relate(c, "communicated_with", NULL, p, q);
    if (c->unnamed_pass) return true; /* no event for a nominal */
    uint32_t ev = event_for(c, "meeting", "Meeting");
    participate(c, ev, p, "attendee");
    participate(c, ev, q, "attendee");
    return true;
}

/* "from", "from the", "from the 507th" (a unit number the name left out) */
static bool from_gap(const char *gap)
{
    if (!starts_with(gap, "from")) return false;
    const char *g = gap + 4;
    while (*g == ' ')
        g++;
    if (starts_with(g, "the")) g += 3;
    while (*g == ' ')
        g++;
    if (isdigit((unsigned char)*g)) {
        while (isalnum((unsigned char)*g))
            g++;
        while (*g == ' ')
            g++;
    }
    return *g == 0;
}

/* "X, the head of Y" / "X, director of Y" / "X from the Y" */
static bool rule_apposition(ctx *c, const actor *p, const actor *q, const char *gap)
{
    if (p->type != RG_NODE_PERSON || !is_body(q->type)) return false;
    bool in_body = q->type != RG_NODE_PLACE && (ends_with(gap, "in") || ends_with(gap, "in the"));
    if (gap[0] == ',' && gwords(c, gap) <= 7 &&
        (ends_with(gap, "of") || ends_with(gap, "of the") || ends_with(gap, "at the") ||
         ends_with(gap, "for the") || ends_with(gap, "for") || ends_with(gap, "at") || in_body)) {
        /* the role noun must open the apposition, after at most two
         * modifiers: ", the former head of", ", an artillery crew chief in"
         * yes; ", said that members of" no */
        bool indefinite = false;
        const char *r = gap + 1;
        static const char *const skip[] = {"the",     "a",      "an",  "its",     "former", "then",
                                           "current", "acting", "new", "interim", NULL};
        for (bool again = true; again;) {
            again = false;
            while (*r == ' ')
                r++;
            for (size_t k = 0; skip[k]; k++)
                if (starts_with(r, skip[k])) {
                    indefinite |= k == 1 || k == 2;
                    r += strlen(skip[k]);
                    again = true;
                }
        }
        cue_cat cat = role_in(r);
        const char *rel = role_relation(cat);
        long at = rel ? find_cue(r, cat, NULL) : -1;
        if (at > 0) {
            char *mods = rg_strndup(r, (size_t)at);
            static const char *const verbs[] = {" said ",  " says ", " told ", " that ", " who ",
                                                " which ", " and ",  " when ", " was ",  " is ",
                                                " has ",   " had ",  " were ", NULL};
            char padded[256];
            snprintf(padded, sizeof padded, " %s ", mods);
            bool ok = count_words(mods) <= 2 && !strchr(mods, ',');
            for (size_t k = 0; verbs[k] && ok; k++)
                ok = !strstr(padded, verbs[k]);
            free(mods);
            if (!ok) at = -1;
        }
        if (at >= 0) {
            /* "X, a commander in Y": one of its commanders, not its head */
            relate(c, indefinite && cat == CUE_HEAD ? "member_of" : rel, NULL, p, q);
            return true;
        }
    }
    /* "X, commander, Y": the role alone between two commas */
    size_t gl = strlen(gap);
    if (gap[0] == ',' && gl > 2 && gap[gl - 1] == ',' && gwords(c, gap) <= 3) {
        char *mid = rg_strndup(gap + 1, gl - 2);
        char *m = mid;
        while (*m == ' ')
            m++;
        size_t ml = strlen(m);
        while (ml && m[ml - 1] == ' ')
            m[--ml] = 0;
        cue_cat cat = role_in(m);
        const char *rel = role_relation(cat);
        size_t mlen = 0;
        bool whole = rel && !strchr(m, ',') && find_cue(m, cat, &mlen) == 0 && mlen == ml;
        free(mid);
        if (whole) {
            relate(c, rel, NULL, p, q);
            return true;
        }
    }
    if (from_gap(gap) || strcmp(gap, "of the") == 0) {
        relate(c, "member_of", NULL, p, q);
        return true;
    }
    return false;
}

/* "militants from ISIL", "units of the X": a group drawn from a body */
static bool rule_from(ctx *c, const actor *p, const actor *q, const char *gap)
{
    if (p->type != RG_NODE_ORGANISATION || !is_agent(q->type)) return false;
    if (!from_gap(gap)) return false;
    relate(c, "member_of", NULL, p, q);
    return true;
}

/* "X leads Y", "X commanded Y" (a person's verb of leading, cues.txt lead);
 * "Y, under the command of X" */
static bool rule_lead(ctx *c, size_t i, const char *gap)
{
    const actor *p = &c->actors[i], *q = &c->actors[i + 1];
    /* cheap necessary conditions first: "under the command of" before a
     * person, or a cue of leading before a body */
    bool under = q->type == RG_NODE_PERSON && is_agent(p->type) && p->type != RG_NODE_PERSON;
    if (!under && (q->type == RG_NODE_PERSON || !is_agent(q->type))) return false;
    if (gwords(c, gap) > 6 || (!under && !ghas(c, gap, CUE_LEAD)) || gclause(c, gap)) return false;
    if (under &&
        (ends_with(gap, "under the command of") || ends_with(gap, "under the leadership of"))) {
        relate(c, "head_of", NULL, q, p);
        return true;
    }
    size_t mlen;
    long at = gcue(c, gap, CUE_LEAD, &mlen);
    if (at < 0 || q->type == RG_NODE_PERSON || !is_agent(q->type)) return false;
    /* the verb is the last thing before the object ("leads the Y") */
    const char *rest = gap + at + mlen;
    while (*rest == ' ')
        rest++;
    if (*rest && strcmp(rest, "the") != 0) return false;
    const actor *s = subject_before(c, i);
    if (!s || s->type != RG_NODE_PERSON) return false;
    relate(c, "head_of", NULL, s, q);
    return true;
}

/* "X, led by Y", "X, headed by Y" */
static bool rule_led_by(ctx *c, const actor *p, const actor *q, const char *gap)
{
    /* a state may be led ("the Federal Government of Iraq, led by Prime
     * Minister X" names Iraq) unless it is a location */
    if (!is_agent(q->type) || !strstr(gap, " by")) return false; /* every cue has " by" */
    bool body = is_agent(p->type) ||
                (p->type == RG_NODE_PLACE && !place_as_location(c, (size_t)(p - c->actors)));
    if (!body || !is_agent(q->type) || gwords(c, gap) > 6 || gclause(c, gap)) return false;
    static const char *const cues_[] = {"led by",      "headed by", "commanded by",   "chaired by",
                                        "directed by", "run by",    "represented by", NULL};
    for (size_t i = 0; cues_[i]; i++) {
        const char *h = strstr(gap, cues_[i]);
        if (h && (h == gap || !word_char(h[-1]))) {
            /* "represented by X": X speaks for it */
            relate(c, strcmp(cues_[i], "represented by") == 0 ? "represents" : "head_of", NULL, q,
                   p);
            return true;
        }
    }
    return false;
}

/* "the head of Y, X" (role before the body, name after a comma) */
static bool rule_role_then_name(ctx *c, const actor *p, const actor *q, const char *pre,
                                const char *gap)
{
    if (!is_body(p->type) || q->type != RG_NODE_PERSON) return false;
    if (strcmp(gap, ",") != 0) return false;
    if (!(ends_with(pre, "of") || ends_with(pre, "of the") || ends_with(pre, "for the")))
        return false;
    /* "Minister for the Middle East": a portfolio, not a body */
    if (p->type == RG_NODE_PLACE && ends_with(pre, "for the")) return false;
    /* the role noun must sit right before "of": look at the last 5 words */
    size_t n = strlen(pre);
    const char *tail = pre;
    for (int words = 0; n > 0 && words < 6; n--)
        if (pre[n - 1] == ' ') {
            words++;
            tail = pre + n;
        }
    if (n == 0) tail = pre;
    const char *rel = role_relation(role_in(tail));
    if (!rel) return false;
    relate(c, rel, NULL, q, p);
    return true;
}

/* "Y director X", "Y's foreign minister X", "Syrian Foreign Minister X"
 * where Y is the body right before the title. */
static bool rule_body_title_name(ctx *c, const actor *p, const actor *q, const char *gap)
{
    if (!is_body(p->type) || q->type != RG_NODE_PERSON) return false;
    /* "Y Commander, X": the title may be set off by a comma */
    char buf[128];
    /* snprintf(buf, sizeof buf, "%s", gap) without the formatting */
    size_t bl = strlen(gap);
    if (bl >= sizeof buf) bl = sizeof buf - 1;
    memcpy(buf, gap, bl);
    buf[bl] = '\0';
    if (bl && buf[bl - 1] == ',') buf[--bl] = 0;
    while (bl && buf[bl - 1] == ' ')
        buf[--bl] = 0;
    gap = buf;
    if (!*gap || gwords(c, gap) > 4 || strchr(gap, ',')) return false;
    const char *g = gap;
    if (starts_with(g, "'s")) g += 2;
    while (*g == ' ')
        g++;
    cue_cat cat = role_in(g);
    const char *rel = role_relation(cat);
    if (!rel) return false;
    /* the whole gap must be the title: every word a role word or modifier */
    relate(c, rel, NULL, q, p);
    return true;
}

/* "X is a Y organisation", "X, part of Y" */
static bool rule_part_of(ctx *c, const actor *p, const actor *q, const char *gap, const char *post)
{
    if (p->type == RG_NODE_PERSON || q->type == RG_NODE_PERSON) return false;
    bool country = p->type == RG_NODE_PLACE; /* "the UK, as part of the Coalition" */
    if (country && (q->type == RG_NODE_PLACE || strstr(gap, "is a"))) return false;
    while (*gap == ')' || *gap == ' ')
        gap++; /* "X (XX) is a Y organisation" */
    if (strcmp(gap, "is a") == 0 || strcmp(gap, "is an") == 0) {
        static const char *const heads[] = {"organisation", "organization", "body",   "agency",
                                            "entity",       "institution",  "organ",  "programme",
                                            "program",      "unit",         "member", NULL};
        for (size_t i = 0; heads[i]; i++)
            if (starts_with(post, heads[i])) {
                relate(c, "part_of", NULL, p, q);
                return true;
            }
        return false;
    }
    if (gwords(c, gap) > 6) return false; /* tested below; the cheapest first */
    size_t mlen;
    long at = gcue(c, gap, CUE_PARTOF, &mlen);
    if (at >= 0 && starts_with(gap, "as part of")) {
        /* "missions against Y as part of Z": the mission's subject is part of Z */
        const char *pre = text_before(c, (size_t)(p - c->actors));
        static const char *const preps[] = {"against", "of", "for", "to", "with", "by", "on", NULL};
        size_t pl = strip_the(pre);
        bool object = false;
        for (size_t k = 0; preps[k] && !object; k++)
            object = ends_with_n(pre, pl, preps[k]);
        if (object) return false;
    }
    if (at >= 0 && gwords(c, gap) <= 6 && strncmp(gap + at, "is a", 4) != 0 && !gclause(c, gap)) {
        relate(c, country ? "member_of" : "part_of", NULL, p, q);
        return true;
    }
    return false;
}

/* "Y (YY)" and "X, also known as Y" */
/* "al-Qaeda in Iraq (AQI)": the acronym spells a name that spans two
 * mentions; the first stands for the whole name. */
static bool rule_split_acronym(ctx *c, size_t i, const char *gap, const char *post)
{
    const actor *p = &c->actors[i], *q = &c->actors[i + 1];
    if (i == 0 || strcmp(gap, "(") != 0 || post[0] != ')') return false;
    const actor *a = &c->actors[i - 1];
    if (!is_agent(a->type) || a->type == RG_NODE_PERSON) return false;
    const char *link = c->g->v[i].s;
    bool joined = strcmp(link, "in") == 0 || strcmp(link, "of") == 0 || strcmp(link, "of the") == 0;
    if (!joined) return false;
    char *name = rg_strndup(c->x->text + a->begin, p->end - a->begin);
    char *acr = rg_strndup(c->x->text + q->begin, q->end - q->begin);
    bool ok = rg_name_acronym_of(acr, name);
    free(name);
    free(acr);
    if (!ok) return false;
    relate(c, "same_as", NULL, a, q);
    return true;
}

static bool rule_alias(ctx *c, const actor *p, const actor *q, const char *gap, const char *post)
{
    bool same_kind = p->type == q->type || (is_agent(p->type) && is_agent(q->type) &&
                                            p->type != RG_NODE_PERSON && q->type != RG_NODE_PERSON);
    if (!same_kind) return false;
    if ((strcmp(gap, "(") == 0 || strcmp(gap, "'s (") == 0) && post[0] == ')') {
        relate(c, "same_as", NULL, p, q);
        return true;
    }
    /* a parenthesis right after the name (a native spelling, dates) is
     * passed over: "X (Arabic: ...), also known as Y" */
    if (gap[0] == '(' && strchr(gap, ')')) gap = strchr(gap, ')') + 1;
    while (*gap == ' ')
        gap++;
    if ((gap[0] == ',' || gap[0] == '(') && gwords(c, gap) <= 3 && ghas(c, gap, CUE_ALIAS)) {
        relate(c, "same_as", NULL, p, q);
        return true;
    }
    return false;
}

/* The sentence's subject for a verb cue found right after actor index i:
 * the nearest person or body at or before i that is not the object of a
 * preposition ("Robert Petit, leading a delegation from the IIIM, ... met"
 * has Petit as subject); places are passed over. */
/* "X, commander, Y met", "X, the head of Y, met": the body named in a
 * person's apposition is not the subject; the person is. Returns the index
 * of that person, or k. */
static size_t apposition_owner(ctx *c, size_t k)
{
    if (k == 0 || c->actors[k - 1].type != RG_NODE_PERSON || c->actors[k].type == RG_NODE_PERSON)
        return k;
    const char *r = text_before(c, k);
    bool owner = false;
    if (*r == ',') {
        r++;
        while (*r == ' ')
            r++;
        if (starts_with(r, "the")) r += 3;
        while (*r == ' ')
            r++;
        owner = count_words(r) <= 5 && find_cue(r, role_in(r), NULL) == 0;
    }
    return owner ? k - 1 : k;
}

static const actor *subject_before(ctx *c, size_t i)
{
    static const lword preps[] = {LW("from"), LW("from the"), LW("of"), LW("of the"),
                                  LW("with"), LW("with the"), LW("by"), LW("by the"),
                                  LW("for"),  LW("for the"),  LW("in"), LW("in the"),
                                  LW("at"),   LW("at the"),   LW("to"), LW("to the")};
    const actor *fallback = NULL;
    for (size_t k = i + 1; k-- > 0 && i - k < MAX_BACK;) {
        const actor *a = &c->actors[k];
        if (!is_agent(a->type)) continue;
        /* "X (XX)": the acronym stands where X does */
        if (k && c->actors[k - 1].entity == a->entity) continue;
        const char *pre = text_before(c, k);
        size_t n = strlen(pre);
        bool object = false;
        for (size_t j = 0; j < sizeof preps / sizeof *preps && !object; j++)
            object = ends_with_nm(pre, n, preps[j].s, preps[j].n);
        if (!object) return &c->actors[apposition_owner(c, k)];
        if (!fallback) fallback = a;
    }
    return fallback;
}

static bool clause_break_scan(const char *gap);

/* Words between two actors that end the first one's clause, or make it the
 * speaker rather than an actor of the verb ("X said that Y met Z"). */
static bool clause_break(const char *gap)
{
    size_t n = strlen(gap);
    if (n == 0 || n >= MEMO_MAX) return clause_break_scan(gap);
    str_memo *m = memo_of(gap, n);
    if (m->clause < 0) m->clause = clause_break_scan(gap);
    return m->clause;
}

/* Is the word w[0, n) of padded text, spaces around it, one of the stop
 * words, or does it open one of the stop phrases at rest (the text after
 * it)? The phrases are ", and" and "according to". */
static bool stop_word(const char *w, size_t n, const char *rest)
{
    static const lword stops[] = {LW("which"),   LW("while"),     LW("but"),      LW("after"),
                                  LW("before"),  LW("said"),      LW("says"),     LW("told"),
                                  LW("stated"),  LW("announced"), LW("reported"), LW("since"),
                                  LW("because"), LW("although"),  LW("whose")};
    if (w[n - 1] == ',' && strncmp(rest, " and ", 5) == 0) return true;
    if (n == 9 && memcmp(w, "according", 9) == 0 && strncmp(rest, " to ", 4) == 0) return true;
    for (size_t i = 0; i < sizeof stops / sizeof *stops; i++)
        if (stops[i].n == n && memcmp(stops[i].s, w, n) == 0) return true;
    return false;
}

static bool clause_break_scan(const char *gap)
{
    if (strchr(gap, ';') || strchr(gap, '"') || strstr(gap, "\xe2\x80\x9c")) return true;
    /* punctuation stuck to a word ("said," "said:") still ends the word */
    char padded[512];
    size_t n = 0;
    padded[n++] = ' ';
    for (const char *g = gap; *g && n + 3 < sizeof padded; g++) {
        bool punct = (*g == ',' || *g == ':') && n > 1 && padded[n - 1] != ' ';
        if (punct) padded[n++] = ' ';
        padded[n++] = *g;
    }
    padded[n++] = ' ';
    padded[n] = 0;
    /* one pass over the words (runs of non-space, each with a space before
     * and after it) instead of one strstr per stop: " which " is found by
     * strstr exactly where a word is "which" */
    for (const char *p = padded; *p;) {
        while (*p == ' ')
            p++;
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        if (p > w && stop_word(w, (size_t)(p - w), p)) return true;
    }
    return false;
}

/* A name used as a modifier of the next word ("US Secretary of State",
 * "UK-France co-operation"): not an actor in its own right. */
static bool modifier(ctx *c, const actor *a)
{
    const char *t = c->x->text + a->end;
    if (a->end < c->x->len && *t == '-') return true;
    return a->end + 1 < c->x->len && *t == ' ' && isupper((unsigned char)t[1]);
}

/* "X met Y", "X held talks with Y", "X received Y", "meeting with Y" */
static bool rule_meet(ctx *c, size_t i, const char *gap)
{
    const actor *q = &c->actors[i + 1];
    /* the word count first: a long gap is never scanned for cues */
    if (gwords(c, gap) > 12) return false;
    size_t cl = 0;
    long cue = gcue(c, gap, CUE_HOST, &cl);
    bool host = cue >= 0;
    if (!host) cue = gcue(c, gap, CUE_MEET, &cl);
    if (cue < 0) return false;
    if (gclause(c, gap) || gwords(c, gap) > 12) return false;
    /* "joined together to counter Y", "hosted at servers with Y": Y is the
     * object of another verb or of a place phrase, not the one met */
    const char *rest = gap + cue + (long)cl;
    if (strstr(rest, " to ") || starts_with(rest, " at")) return false;
    const actor *s = subject_before(c, i);
    if (!s || s->entity == q->entity) return false;
    /* "joined US Secretary of State X": the person is the one met */
    if (q->type == RG_NODE_INSTITUTION && modifier(c, q)) return false;
    /* "visited Damascus", "met in Amman": a place visited is no counterpart;
     * "pressed Russia", "held talks with Iraq": a country is */
    if (q->type == RG_NODE_PLACE && !ghas(c, gap, CUE_HOST) &&
        (strstr(gap, "visit") || gloc(c, gap) || place_as_location(c, i + 1) || modifier(c, q)))
        return false;
    relate(c, "communicated_with", NULL, s, q);
    if (c->unnamed_pass) return true; /* no event for a nominal */
    uint32_t ev = event_for(c, "meeting", "Meeting");
    participate(c, ev, s, host ? "host" : "attendee");
    participate(c, ev, q, host ? "visitor" : "attendee");
    /* "met the Iraqi Foreign Minister, Ibrahim al-Jaafari": both name the visitor */
    size_t ap = apposed(c, i + 1);
    if (ap != SIZE_MAX) {
        relate(c, "communicated_with", NULL, s, &c->actors[ap]);
        participate(c, ev, &c->actors[ap], host ? "visitor" : "attendee");
    }
    return true;
}

/* "X signed a protocol of cooperation with Y" */
static bool rule_sign(ctx *c, size_t i, const char *gap)
{
    const actor *q = &c->actors[i + 1];
    if (gwords(c, gap) > 14 || !ghas(c, gap, CUE_SIGN) || gclause(c, gap)) return false;
    if (!strstr(gap, "with") && !strstr(gap, "between")) return false;
    const actor *s = subject_before(c, i);
    if (!s || s->entity == q->entity || !is_agent(q->type)) return false;
    relate(c, "cooperates_with", NULL, s, q);
    if (c->unnamed_pass) return true;
    uint32_t ev = event_for(c, "agreement", "Agreement");
    participate(c, ev, s, "signatory");
    participate(c, ev, q, "signatory");
    return true;
}

/* The subject of a verb cue after actor i, as an index into c->actors, or
 * SIZE_MAX: like subject_before, but a country may act ("the UK
 * supported ..."), unless it is named as a location ("in Syria, ..."). */
static size_t subject_index(ctx *c, size_t i)
{
    static const char *const preps[] = {"from", "of", "with", "by", "for", "to", "against", NULL};
    size_t fallback = SIZE_MAX;
    for (size_t k = i + 1; k-- > 0 && i - k < MAX_BACK;) {
        const actor *a = &c->actors[k];
        if (k < i) {
            /* the subject stays in the verb's clause */
            const char *gap = c->g->v[k + 1].s;
            bool brk = gclause(c, gap) || strchr(gap, '"') || strstr(gap, "\xe2\x80\x9c");
            if (brk) break;
        }
        if (!is_agent(a->type) && a->type != RG_NODE_PLACE) continue;
        if (place_as_location(c, k)) continue;
        if (k && c->actors[k - 1].entity == a->entity) continue;
        const char *pre = text_before(c, k);
        size_t n = strip_the(pre);
        bool object = false;
        for (size_t j = 0; preps[j] && !object; j++)
            object = ends_with_n(pre, n, preps[j]);
        if (!object) return apposition_owner(c, k);
        if (fallback == SIZE_MAX && a->type != RG_NODE_PLACE) fallback = k;
    }
    return fallback;
}

/* The gap between two members of a coordinated list: ",", "and", ", and",
 * optionally followed by an article and one modifier ("the wider"). */
static bool list_gap(const char *gap)
{
    const char *g = gap;
    if (*g == ',') g++;
    while (*g == ' ')
        g++;
    if (starts_with(g, "and")) g += 3;
    while (*g == ' ')
        g++;
    if (g == gap) return false;
    if (starts_with(g, "the")) {
        g += 3;
        while (*g == ' ')
            g++;
        return count_words(g) <= 1;
    }
    return *g == 0;
}

/* Relates every member of the coordinated list that ends with actor k (the
 * subject: "The UK, the Coalition and Iraq are committed to defeating Y")
 * to t; k itself included. */
static void relate_list(ctx *c, const char *type, size_t k, const actor *t, bool reverse)
{
    size_t first = k;
    for (size_t j = k + 1; j-- > 0 && k - j < MAX_BACK;) {
        const actor *a = &c->actors[j];
        if (j < k) {
            if (!list_gap(c->g->v[j + 1].s) || (!is_agent(a->type) && a->type != RG_NODE_PLACE) ||
                place_as_location(c, j))
                break;
        }
        first = j;
        if (reverse)
            relate(c, type, NULL, t, a);
        else
            relate(c, type, NULL, a, t);
    }
    /* several actors fighting one enemy together are allies ("the UK, the
     * Coalition and Iraq are committed to defeating Y") */
    const char *pre = text_before(c, first);
    bool between =
        ends_with_n(pre, strip_the(pre), "between"); /* "clashes between A and B": foes */
    if (strcmp(type, "fighting_against") == 0 && !between)
        for (size_t a = first; a < k; a++)
            for (size_t b = a + 1; b <= k; b++)
                relate(c, "allied_with", NULL, &c->actors[a], &c->actors[b]);
}

/* Actor i+1 named again in an apposition right after it ("met the Iraqi
 * Foreign Minister, Ibrahim al-Jaafari"): its index, or SIZE_MAX. */
static size_t apposed(ctx *c, size_t i)
{
    if (i + 1 >= c->nactors) return SIZE_MAX;
    const actor *a = &c->actors[i], *b = &c->actors[i + 1];
    if (b->type != a->type || b->entity == a->entity) return SIZE_MAX;
    return strcmp(c->g->v[i + 1].s, ",") == 0 ? i + 1 : SIZE_MAX;
}

/* "X attacked Y", "X conducted strikes against Y", "X and Z are committed
 * to defeating Y", "Y was killed by X"; with a place as the thing taken,
 * "X captured Y" / "Y was captured by X" is control (in_charge_of). */
static bool rule_fight(ctx *c, size_t i, const char *gap)
{
    const actor *q = &c->actors[i + 1];
    /* more than 15 words: more than 14 after a relative pronoun too (g
     * below), so false whatever the cues; tested first as the cheapest */
    if (gwords(c, gap) > 15) return false;
    size_t mlen;
    long at = gcue(c, gap, CUE_FIGHT, &mlen);
    long ctl = gcue(c, gap, CUE_CONTROL, NULL);
    if (at < 0 && ctl < 0) return false;
    /* "X, which flies missions against Y": the relative pronoun is X */
    bool relative = starts_with(gap, ", which") || starts_with(gap, ", who");
    const char *g = relative ? strchr(gap + 2, ' ') : gap;
    if (!g) g = "";
    if (gclause(c, g) || gwords(c, g) > 14 || ghas(c, g, CUE_WARRANT)) return false;
    /* "X in its fight against Y", "X, in their efforts to defeat Y": X
     * itself, even as the object of a preposition ("support for X in the
     * fight against Y") */
    static const char *const own[] = {"in the fight",
                                      "in their fight",
                                      "in its fight",
                                      "in their efforts",
                                      "in its efforts",
                                      "in the campaign",
                                      NULL};
    bool self = relative;
    for (size_t k = 0; own[k] && !self; k++) {
        const char *h = strstr(gap, own[k]);
        if (!h || (h > gap && !isspace((unsigned char)h[-1]))) continue;
        char *before = rg_strndup(gap, (size_t)(h - gap));
        self = count_words(before) <= 1 && !strchr(before, ',');
        free(before);
    }
    size_t s = self && !place_as_location(c, i) ? i : subject_index(c, i);
    bool passive = ends_with(gap, "by") || ends_with(gap, "by the");
    if (s == SIZE_MAX && !passive) return false;
    const actor *subj = s == SIZE_MAX ? NULL : &c->actors[s];
    if (passive) {
        /* passive: the actor after "by" did it to the one just before; the
         * verb stands right before "by" ("was killed in a raid by" too) */
        if (!is_agent(q->type) || gwords(c, gap) > 8) return false;
        long v = at >= 0 ? at + (long)mlen : -1;
        size_t cl;
        long cv = gcue(c, gap, CUE_CONTROL, &cl);
        if (cv >= 0 && (v < 0 || cv + (long)cl > v)) v = cv + (long)cl;
        const char *after = gap + v;
        while (*after == ' ')
            after++;
        if (!starts_with(after, "by") &&
            !((starts_with(after, "in") || starts_with(after, "during")) &&
              count_words(after) <= 6))
            return false;
        size_t k = i;
        while (k > 0 && place_as_location(c, k))
            k--;
        if (place_as_location(c, k)) return false;
        subj = &c->actors[k];
        if (ctl >= 0 && subj->type == RG_NODE_PLACE)
            relate(c, "in_charge_of", NULL, q, subj);
        else if (at >= 0)
            relate(c, "fighting_against", NULL, q, subj);
        else
            return false;
        return true;
    }
    /* "attacks in Syria", "the fight for Mosul": where, not whom */
    if (q->type == RG_NODE_PLACE &&
        (gloc(c, gap) || ends_with(gap, "for") || ends_with(gap, "for the")))
        return false;
    if (q->type == RG_NODE_PLACE && ctl >= 0) {
        relate(c, "in_charge_of", NULL, subj, q);
        return true;
    }
    /* "the Operational Command, which controls all Iraqi security forces":
     * control of a force (captured fighters are fought, not commanded) */
    if (ctl >= 0 && at < 0 && strstr(gap + ctl, "control") && q->type != RG_NODE_PERSON &&
        subj->type != RG_NODE_PLACE) {
        relate(c, "head_of", NULL, subj, q); /* commands the force */
        return true;
    }
    if (at < 0) return false;
    /* an unnamed object is the verb's own ("ISIL killed 70 members"), not
     * a noun further on ("strikes ... to give all Iraqis hope") */
    if (c->unnamed_pass && q->entity == RG_NONE && count_words(gap + at + mlen) > 1) return false;
    relate_list(c, "fighting_against", s, q, false);
    /* "X is assisting Y to defeat Z", "X stands by Y to defeat Z", "X
     * supported Y in its efforts to defeat Z": the one supported fights Z
     * too (and its supporter, when Y is the subject found) */
    {
        size_t helped = s == i ? SIZE_MAX : i;
        size_t by = s;
        if (s == i && i > 0) {
            helped = i;
            by = subject_index(c, i - 1);
        }
        if (helped != SIZE_MAX && by != SIZE_MAX && by != helped) {
            const char *before = text_before(c, helped);
            char *pre = rg_strndup(before, strip_the(before));
            size_t mlen2;
            long ac = find_cue(pre, CUE_ALLY, &mlen2);
            bool ally = ac >= 0 && pre[ac + (long)mlen2] == 0 && !clause_break(pre);
            free(pre);
            if (ally && !place_as_location(c, helped)) {
                /* the subject found already has its relation */
                relate(c, "fighting_against", NULL, &c->actors[helped == s ? by : helped], q);
            }
        }
    }
    /* "X, as part of Y, ... to defeat Z", "X, together with Y, attacked Z":
     * the companions named between subject and verb fight too, as allies */
    for (size_t k = s + 1; k <= i; k++) {
        const actor *a = &c->actors[k];
        if (!is_agent(a->type) || a->type == RG_NODE_PERSON) continue;
        const char *pre = text_before(c, k);
        bool with = ends_with(pre, "part of") || ends_with(pre, "part of the") ||
                    ends_with(pre, "together with") || ends_with(pre, "together with the") ||
                    ends_with(pre, "alongside") || ends_with(pre, "alongside the");
        if (!with) continue;
        relate(c, "fighting_against", NULL, a, q);
        relate(c, "allied_with", NULL, subj, a);
    }
    size_t ap = apposed(c, i + 1);
    if (ap != SIZE_MAX) relate(c, "fighting_against", NULL, subj, &c->actors[ap]);
    return true;
}

/* "Raqqa, a self-proclaimed ISIL capital", "Raqqah, ISIL's stronghold": the
 * place is held by the body whose capital or stronghold it is called. */
static bool rule_capital(ctx *c, const actor *p, const actor *q, const char *gap, const char *post)
{
    if (p->type != RG_NODE_PLACE || !is_agent(q->type) || q->type == RG_NODE_PERSON) return false;
    if (gap[0] != ',') return false;
    static const char *const mods[] = {
        "a", "an", "the", "self-proclaimed", "de facto", "main", "last", "former", NULL};
    const char *g = gap + 1;
    for (bool again = true; again;) {
        again = false;
        while (*g == ' ')
            g++;
        for (size_t k = 0; mods[k]; k++)
            if (starts_with(g, mods[k])) {
                g += strlen(mods[k]);
                again = true;
            }
    }
    if (*g) return false;
    const char *w = post;
    if (starts_with(w, "'s")) w += 2;
    for (bool again = true; again;) {
        again = false;
        while (*w == ' ')
            w++;
        for (size_t k = 0; mods[k]; k++)
            if (starts_with(w, mods[k])) {
                w += strlen(mods[k]);
                again = true;
            }
    }
    if (!starts_with(w, "capital") && !starts_with(w, "stronghold") &&
        !starts_with(w, "headquarters"))
        return false;
    relate(c, "in_charge_of", NULL, q, p);
    return true;
}

/* "the fall of Y to X": X took Y */
static bool rule_fall(ctx *c, const actor *p, const actor *q, const char *pre, const char *gap)
{
    if (p->type != RG_NODE_PLACE || !is_agent(q->type)) return false;
    if ((strcmp(gap, "to") != 0 && strcmp(gap, "to the") != 0) || !ends_with(pre, "fall of"))
        return false;
    relate(c, "in_charge_of", NULL, q, p);
    return true;
}

static bool rule_verb_pair(ctx *c, size_t i, const char *gap)
{
    const actor *q = &c->actors[i + 1];
    /* the word count, then the cues (found once per gap), then the rest */
    if (gwords(c, gap) > 10) return false;
    if (!ghas(c, gap, CUE_COOP) && !ghas(c, gap, CUE_ALLY)) return false;
    if (gclause(c, gap)) return false;
    if (q->type == RG_NODE_PLACE && gloc(c, gap)) return false;
    const char *type = ghas(c, gap, CUE_COOP)   ? "cooperates_with"
                       : ghas(c, gap, CUE_ALLY) ? "allied_with"
                                                : NULL;
    if (!type) return false;
    size_t s = subject_index(c, i);
    if (s == SIZE_MAX) return false;
    if (starts_with(gap, "in support of") && i + 1 < c->nactors) {
        /* "In support of Y, X conducted strikes": the subject follows */
        return false;
    }
    relate_list(c, type, s, q, false);
    return true;
}

/* The first row of nationality adjective adj[0, n) in the demonym table,
 * or SIZE_MAX. Looked up once per word, then tried against every place. */
static size_t demonym_row(const char *adj, size_t n)
{
    char key[64];
    uint32_t row;
    if (lower_key(adj, n, key, sizeof key) && rg_strmap_get(&demonym_index, key, &row)) return row;
    return SIZE_MAX;
}

/* Does place name `place` belong to nationality adjective `adj` ("Syrian"
 * -> "Syria", "Canadian" -> "Canada", "French" -> "France" by the table)?
 * row: demonym_row(adj, n). */
static bool demonym_of(const char *adj, size_t n, size_t row, const char *place)
{
    if (row != SIZE_MAX)
        for (size_t i = row; i < ndemonyms && strncasecmp(demonyms[i].adj, adj, n) == 0 &&
                             demonyms[i].adj[n] == '\0';
             i++)
            if (strcasecmp(demonyms[i].country, place) == 0) return true;
    /* k >= 4 below needs four shared bytes: most places fail at the first
     * (this runs for every place of the document and every capitalised
     * word of a title) */
    if (n < 4 || ascii_lower(adj[0]) != ascii_lower(place[0])) return false;
    size_t k = 0;
    while (k < n && place[k] && ascii_lower(adj[k]) == ascii_lower(place[k]))
        k++;
    if (k < 4) return false;
    size_t pl = strlen(place);
    /* most of both words shared, and the place name is one word */
    return k >= 4 && k + 1 >= pl && !strchr(place, ' ') && n <= pl + 4;
}

/* The entity a title before a person points at: a ministry whose portfolio
 * the title names ("Foreign Minister" -> "Ministry of Foreign Affairs",
 * "Foreign Ministry"), else the country of a nationality adjective in the
 * title ("Canadian envoy" -> Canada). Returns the entity or RG_NONE. */
static uint32_t title_body(ctx *c, const char *title_raw, size_t n, const char *title_norm)
{
    rg_extraction *x = c->x;
    static const char *const portfolios[] = {
        "foreign",   "defence", "defense", "interior", "justice", "finance", "health",
        "education", "economy", "energy",  "oil",      "trade",   NULL};
    for (size_t k = 0; portfolios[k]; k++) {
        if (!strstr(title_norm, portfolios[k]) || !strstr(title_norm, "minister")) continue;
        if (!c->ministry_done[k]) {
            /* the document's first ministry of this portfolio, looked up once */
            c->ministry_done[k] = true;
            for (size_t e = 0; e < x->nentities && !c->ministry[k]; e++) {
                if (x->entities[e].type != RG_NODE_INSTITUTION) continue;
                char *f = norm(x->entities[e].name, 0, (uint32_t)strlen(x->entities[e].name));
                if (strstr(f, "ministry") && strstr(f, portfolios[k]))
                    c->ministry[k] = (uint32_t)e + 1;
                free(f);
            }
        }
        if (c->ministry[k]) return c->ministry[k] - 1;
    }
    index_entities(c);
    /* capitalised words of the title, tried as nationality adjectives */
    for (size_t i = 0; i < n;) {
        while (i < n && !isupper((unsigned char)title_raw[i]))
            i++;
        size_t b = i;
        while (i < n && isalpha((unsigned char)title_raw[i]))
            i++;
        if (i - b < 3) continue;
        size_t row = demonym_row(title_raw + b, i - b);
        if (row != SIZE_MAX) {
            for (size_t k = 0; k < c->nplaces; k++)
                if (demonym_of(title_raw + b, i - b, row, x->entities[c->places[k]].name))
                    return c->places[k];
            continue;
        }
        /* without a row of the table only a place sharing the word's first
         * four bytes can match: only the places of its key are tried */
        char ks[5];
        uint32_t k;
        prefix_key_str(prefix_key(title_raw + b, i - b), ks);
        if (!c->place_heads_ready || !rg_strmap_get(&c->place_heads, ks, &k)) continue;
        for (;; k = c->place_next[k] - 1) {
            if (demonym_of(title_raw + b, i - b, row, x->entities[c->places[k]].name))
                return c->places[k];
            if (!c->place_next[k]) break;
        }
    }
    return RG_NONE;
}

/* "Syrian Foreign Minister X", "the Canadian envoy, X": a title right
 * before a person, naming its body only through a nationality or a
 * portfolio. */
static void rule_title_person(ctx *c, size_t i)
{
    const actor *p = &c->actors[i];
    if (p->type != RG_NODE_PERSON) return;
    uint32_t from = i ? c->actors[i - 1].end : c->x->sentences[c->sentence].begin;
    if (p->begin - from > 200) from = p->begin - 200;
    /* the last few words before the name */
    uint32_t b = p->begin;
    while (b > from && (c->x->text[b - 1] == ' ' || c->x->text[b - 1] == ','))
        b--;
    uint32_t t = b;
    for (int words = 0; t > from && words < 4; t--)
        if (c->x->text[t - 1] == ' ' && ++words == 4) break;
    while (t < b && c->x->text[t] == ' ')
        t++;
    char tbuf[256];
    char *tn = sn_copy(c, t, b, tbuf, sizeof tbuf);
    cue_cat cat = role_in(tn);
    const char *rel = role_relation(cat);
    size_t mlen;
    long at = rel ? find_cue(tn, cat, &mlen) : -1;
    /* the title must end right before the name */
    if (at >= 0 && (size_t)at + mlen == strlen(tn)) {
        uint32_t body = title_body(c, c->x->text + t, b - t, tn);
        if (body != RG_NONE) {
            uint32_t r = rg_extraction_add_relation(c->x, rel, NULL, p->entity, body, c->sentence);
            c->x->relations[r].source_mention = p->mention;
            if (c->date) c->x->relations[r].date = rg_strdup(c->date);
        }
    }
    if (tn != tbuf) free(tn);
}

/* ---- rules over a whole sentence ----------------------------------------- */

/* Position (in the normalised sentence) of actor a's start. */
static size_t norm_pos(ctx *c, const actor *a)
{
    return sn_len_to(c, a->begin);
}

/* "brought together A and B", "talks between A and B": every person after
 * the cue meets every other (bodies when no person is named). */
/* Offset in the normalised sentence just after actor a. */
static size_t norm_end(ctx *c, const actor *a)
{
    return sn_len_to(c, a->end);
}

/* How many of c->actors are people, agents and organisations or
 * institutions: the sentence rules need some, and test that before
 * searching the sentence. */
typedef struct actor_counts {
    size_t persons, agents, bodies;
} actor_counts;

static actor_counts count_actors(const ctx *c)
{
    actor_counts n = {0, 0, 0};
    for (size_t i = 0; i < c->nactors; i++) {
        rg_node_type t = c->actors[i].type;
        n.persons += t == RG_NODE_PERSON;
        n.agents += is_agent(t);
        n.bodies += is_agent(t) && t != RG_NODE_PERSON;
    }
    return n;
}

static void rule_coordination(ctx *c, const char *sent_norm)
{
    /* at least two agents are picked below */
    if (count_actors(c).agents < 2) return;
    long at = -1;
    const char *h = strstr(sent_norm, "brought together");
    if (h) at = h - sent_norm;
    /* the nouns below count only with " between " after them */
    if (at < 0 && !strstr(sent_norm, " between ")) return;
    /* "talks between", "the agreement reached yesterday between": a few
     * words may come between the noun and "between" */
    const char *nouns[] = {"talks", "meeting", "meetings", "agreement", "discussions"};
    for (size_t i = 0; i < sizeof nouns / sizeof *nouns && at < 0; i++) {
        h = strstr(sent_norm, nouns[i]);
        const char *b = h ? strstr(h, " between ") : NULL;
        if (!b) continue;
        char *mid = rg_strndup(h, (size_t)(b - h));
        if (count_words(mid) <= 4 && !strchr(mid, ',')) at = b + 1 - sent_norm;
        free(mid);
    }
    if (at < 0) return;
    /* the coordinated phrase ends at the first clause mark after the cue;
     * an apposition ("and the head of the Mechanism, Robert Petit") stays */
    long end = (long)strlen(sent_norm);
    static const char *const ends[] = {";",       " to ",  " regarding ", " on ",
                                       " about ", " for ", ", alongside", NULL};
    for (size_t i = 0; ends[i]; i++) {
        const char *h = strstr(sent_norm + at, ends[i]);
        if (h && h - sent_norm < end) end = h - sent_norm;
    }
    actor *pick[6];
    size_t n = 0;
    /* people meet; an agreement binds the bodies they lead ("the agreement
     * between the Government, led by X, and the Region, represented by Y") */
    bool agreement = strstr(sent_norm, "agreement") != NULL;
    for (int round = 0; round < 2 && n < 2; round++) {
        int want_person = agreement ? round : !round;
        n = 0;
        for (size_t i = 0; i < c->nactors && n < 6; i++) {
            const actor *a = &c->actors[i];
            long pos = (long)norm_pos(c, a);
            if (pos > at && pos < end &&
                (want_person ? a->type == RG_NODE_PERSON
                             : is_agent(a->type) && (!agreement || a->type != RG_NODE_PERSON)))
                pick[n++] = &c->actors[i];
        }
    }
    if (n < 2) return;
    bool meeting = !agreement;
    uint32_t ev =
        event_for(c, meeting ? "meeting" : "agreement", meeting ? "Meeting" : "Agreement");
    for (size_t a = 0; a < n; a++) {
        participate(c, ev, pick[a], meeting ? "attendee" : "signatory");
        for (size_t b = a + 1; b < n; b++)
            /* an agreement reached "between" two parties was negotiated
             * by them: they communicated (signing one "with" a partner is
             * cooperation, rule_sign) */
            relate(c, "communicated_with", NULL, pick[a], pick[b]);
    }
}

/* "The Alliance, which includes A, B and C", "members of the alliance
 * include A and B", "the international community, including A and B":
 * every actor listed right after the cue belongs to the body named just
 * before it. The body must be an organisation or institution ("strikes in
 * Iraq include Australia" lists no members of Iraq) and sit at most a few
 * words before the cue. */
static void rule_include(ctx *c, const char *sent_norm)
{
    static const char *const cues_[] = {" include ", " includes ", " including ", NULL};
    /* the body is an organisation or institution (below); every cue
     * starts with " includ" */
    if (count_actors(c).bodies == 0 || !strstr(sent_norm, " includ")) return;
    for (size_t k = 0; cues_[k]; k++) {
        const char *h = strstr(sent_norm, cues_[k]);
        if (!h) continue;
        long at = h - sent_norm;
        size_t whole = SIZE_MAX;
        for (size_t i = 0; i < c->nactors; i++)
            if ((long)norm_pos(c, &c->actors[i]) < at) whole = i;
        /* "Coalition nations which have conducted strikes in Iraq include
         * A, B": the body is the one the relative clause describes */
        long far = 24;
        if (whole != SIZE_MAX && place_as_location(c, whole)) {
            const char *which = strstr(sent_norm, " which ");
            size_t k = SIZE_MAX;
            for (size_t i = 0; which && which - sent_norm < at && i < whole; i++)
                if ((long)norm_end(c, &c->actors[i]) <= which - sent_norm) k = i;
            if (k != SIZE_MAX) {
                if (which - sent_norm - (long)norm_end(c, &c->actors[k]) <= 1) {
                    whole = k;
                    far = 80;
                }
            }
        }
        if (whole == SIZE_MAX || !is_agent(c->actors[whole].type) ||
            c->actors[whole].type == RG_NODE_PERSON || place_as_location(c, whole))
            continue;
        const actor *w = &c->actors[whole];
        /* the unnamed pass adds unnamed bodies ("Coalition nations"); a
         * body's unnamed parts ("ISIL targets, which include three tactical
         * units") are no members */
        if (c->unnamed_pass && w->entity != RG_NONE) continue;
        /* words between the body and the cue: "which", "members of the ... " */
        long wend = (long)norm_pos(c, w) + (long)(w->end - w->begin);
        if (at - wend > far) continue;
        size_t first = whole + 1; /* the first actor after the cue */
        while (first < c->nactors && (long)norm_pos(c, &c->actors[first]) < at)
            first++;
        for (size_t i = first; i < c->nactors; i++) {
            const actor *a = &c->actors[i];
            if (i == first &&
                (long)norm_pos(c, a) > at + (long)strlen(cues_[k]) + (long)strlen("the ")) {
                break; /* the list starts right after the cue */
            }
            if (i > first && !list_gap(c->g->v[i].s)) break;
            if (a->type == RG_NODE_PERSON || a->entity == w->entity) break;
            relate(c, "member_of", NULL, a, w);
        }
    }
}

/* "the French prosecutor's decision to issue arrest warrants": a
 * nationality adjective before an authority (cues.txt, authority) names the
 * state acting, when the document names that country and no actor stands
 * between the phrase and the cue. Fills *out (no mention of its own). */
static bool state_issuer(ctx *c, const char *cue, size_t cue_len, const actor *issuer, actor *out)
{
    const rg_xsentence *se = &c->x->sentences[c->sentence];
    char *raw = rg_strndup(c->x->text + se->begin, se->end - se->begin);
    char *what = rg_strndup(cue, cue_len);
    char *h = strcasestr(raw, what);
    uint32_t limit = h ? se->begin + (uint32_t)(h - raw) : se->end;
    free(what);
    free(raw);
    uint32_t from = issuer ? issuer->end : se->begin;
    const char *t = c->x->text;
    bool found = false;
    for (uint32_t i = from; i < limit && !found; i++) {
        if (!isupper((unsigned char)t[i]) || (i > from && word_char(t[i - 1]))) continue;
        uint32_t e = i;
        while (e < limit && isalpha((unsigned char)t[e]))
            e++;
        /* the authority: the next one or two words */
        uint32_t w = e;
        while (w < limit && t[w] == ' ')
            w++;
        uint32_t we = w;
        for (int words = 0; we < limit && words < 2; words++) {
            while (we < limit && (isalpha((unsigned char)t[we]) || t[we] == '\''))
                we++;
            if (words == 0 && we < limit && t[we] == ' ') we++;
        }
        char *auth = norm(t, w, we);
        bool authority = find_cue(auth, CUE_AUTHORITY, NULL) == 0;
        free(auth);
        if (!authority) continue;
        index_entities(c);
        size_t row = demonym_row(t + i, e - i);
        for (size_t k = 0; k < c->nplaces && !found; k++) {
            if (!demonym_of(t + i, e - i, row, c->x->entities[c->places[k]].name)) continue;
            *out = (actor){RG_NONE, c->places[k], RG_NODE_PLACE, i, e};
            found = true;
        }
    }
    return found;
}

/* "X issued arrest warrants against A, B and C" */
static void rule_warrant(ctx *c, const char *sent_norm)
{
    size_t mlen = c->sent_cues[CUE_WARRANT].len;
    long at = c->sent_cues[CUE_WARRANT].at;
    if (at < 0) return;
    const actor *issuer = NULL;
    actor *targets[16];
    size_t nt = 0;
    for (size_t i = 0; i < c->nactors; i++) {
        actor *a = &c->actors[i];
        size_t pos = norm_pos(c, a);
        if ((long)pos < at && is_agent(a->type))
            issuer = a;
        else if ((long)pos >= at && a->type == RG_NODE_PERSON && nt < 16)
            targets[nt++] = a;
    }
    if (nt == 0) return;
    actor state;
    if (state_issuer(c, sent_norm + at, mlen, issuer, &state)) issuer = &state;
    uint32_t ev = event_for(c, "legal_action", "Legal action");
    char *what = rg_strndup(sent_norm + at, mlen);
    rg_attrs_set(&c->x->entities[ev].attrs, "action", what);
    free(what);
    if (issuer) participate(c, ev, issuer, "issuer");
    for (size_t i = 0; i < nt; i++) {
        if (issuer && issuer->entity == targets[i]->entity) continue;
        participate(c, ev, targets[i], "target");
        if (issuer) relate(c, "opposed_to", NULL, issuer, targets[i]);
    }
}

/* "in 2016" within a few words after a cue: a year the date scanner does
 * not report on its own (a bare year is too ambiguous elsewhere). */
static bool year_after(const char *s, char year[5])
{
    for (int words = 0; *s && words < 6; s++) {
        if (*s == ' ') words++;
        if (strncmp(s, " in ", 4) == 0 && (s[4] == '1' || s[4] == '2') &&
            isdigit((unsigned char)s[5]) && isdigit((unsigned char)s[6]) &&
            isdigit((unsigned char)s[7]) && !isalnum((unsigned char)s[8])) {
            memcpy(year, s + 4, 4);
            year[4] = 0;
            return true;
        }
    }
    return false;
}

/* "X was established in 2016 by the UN General Assembly";
 * "Y adopted its resolution establishing X" */
static void rule_found(ctx *c, const char *sent_norm)
{
    long at = c->sent_cues[CUE_FOUND].at;
    if (at < 0) return;
    const char *by = strstr(sent_norm + at, " by ");
    /* without a "by" phrase only "Y adopted a resolution establishing X"
     * says who founded what; "X, established in 2011 to ..." does not */
    if (!by && strncmp(sent_norm + at, "establishing", 12) != 0) return;
    const actor *founder = NULL, *founded = NULL;
    for (size_t i = 0; i < c->nactors; i++) {
        actor *a = &c->actors[i];
        if (!is_agent(a->type)) continue;
        long pos = (long)norm_pos(c, a);
        if (by && pos >= by - sent_norm && !founder)
            founder = a;
        else if (!by && pos < at)
            founder = a;
        else if (by && pos < at && !founded)
            founded = a;
        else if (!by && pos > at && !founded)
            founded = a;
    }
    if (!founder || !founded || founder->entity == founded->entity) return;
    const char *saved = c->date;
    char year[5];
    if (year_after(sent_norm + at, year)) c->date = year;
    uint32_t ev = event_for(c, "establishment", "Establishment");
    participate(c, ev, founder, "founder");
    participate(c, ev, founded, "subject");
    c->date = saved;
}

static void co_mentions(ctx *c)
{
    for (size_t i = 0; i < c->nactors; i++)
        for (size_t j = i + 1; j < c->nactors; j++)
            if (c->actors[i].entity != c->actors[j].entity)
                relate(c, "co_mentioned", NULL, &c->actors[i], &c->actors[j]);
}

/* ---- signatory lists ------------------------------------------------------ */

/* A statement's signatories: after a line announcing them ("Signatory
 * Organizations", "Signatories:", "Signed by"), every organisation that
 * starts a list line is a signatory of the document's statement. */
/* The header line announcing signatories: the end of the first short
 * line holding "signator", else "undersign", else "signed by" (in any
 * case), or NULL. Every key holds "sign", so one pass over the text looks
 * for that and tries the keys around it, instead of one strcasestr over
 * the whole document per key. */
static const char *signatory_header(const char *text)
{
    static const struct {
        const char *s;
        size_t n, sign; /* length, offset of "sign" */
    } keys[] = {{"signator", 8, 0}, {"undersign", 9, 5}, {"signed by", 9, 0}};
    enum { NKEYS = sizeof keys / sizeof *keys };
    const char *hdr[NKEYS] = {NULL};
    bool done[NKEYS] = {false}; /* found, or no line end after it */
    size_t len = strlen(text);
    /* "sign" at i covers exactly one offset j = 3 mod 4 (i <= j <= i + 3),
     * so only those bytes are read first: the letter there says where
     * "sign" would start */
    for (size_t j = 3; j < len && !hdr[0]; j += 4) {
        size_t at;
        switch (ascii_lower(text[j])) {
        case 's':
            at = 0;
            break;
        case 'i':
            at = 1;
            break;
        case 'g':
            at = 2;
            break;
        case 'n':
            at = 3;
            break;
        default:
            continue;
        }
        size_t i = j - at;
        if (i + 4 > len || ascii_lower(text[i]) != 's' || ascii_lower(text[i + 1]) != 'i' ||
            ascii_lower(text[i + 2]) != 'g' || ascii_lower(text[i + 3]) != 'n')
            continue;
        for (size_t k = 0; k < NKEYS; k++) {
            if (done[k] || i < keys[k].sign) continue;
            const char *p = text + i - keys[k].sign;
            if ((size_t)(p - text) + keys[k].n > len || strncasecmp(p, keys[k].s, keys[k].n) != 0)
                continue;
            const char *ls = p;
            while (ls > text && ls[-1] != '\n')
                ls--;
            const char *le = strchr(p, '\n');
            done[k] = !le || le - ls < 60;
            /* a header line is short and ends the line: not a sentence about signing */
            if (le && le - ls < 60) hdr[k] = le;
        }
    }
    for (size_t k = 0; k < NKEYS; k++)
        if (hdr[k]) return hdr[k];
    return NULL;
}

static void rule_signatories(ctx *c)
{
    rg_extraction *x = c->x;
    const char *hdr = signatory_header(x->text);
    if (!hdr) return;
    uint32_t from = (uint32_t)(hdr - x->text);
    uint32_t ev = RG_NONE;
    for (size_t i = 0; i < x->nmentions; i++) {
        const rg_xmention *m = &x->mentions[i];
        if (m->begin < from || m->entity == RG_NONE) continue;
        if (m->type != RG_MENTION_ORGANISATION && m->type != RG_MENTION_INSTITUTION) continue;
        /* the mention must start its line, after a bullet or a number */
        const char *p = x->text + m->begin;
        while (p > x->text && p[-1] != '\n' &&
               (isspace((unsigned char)p[-1]) || isdigit((unsigned char)p[-1]) || p[-1] == '.' ||
                p[-1] == ')' || p[-1] == '-' || p[-1] == '*' || (unsigned char)p[-1] >= 0x80))
            p--;
        if (p > x->text && p[-1] != '\n') continue;
        if (ev == RG_NONE) {
            c->sentence = m->sentence;
            ev = event_for(c, "statement", "Statement");
        }
        actor a = {(uint32_t)i, m->entity, (rg_node_type)m->type, m->begin, m->end};
        c->sentence = m->sentence;
        participate(c, ev, &a, "signatory");
    }
}

/* ---- driver ---------------------------------------------------------------- */

/* "our homeland", "their positions": a possessive pronoun qualifies the
 * noun after it, which is what the sentence is about; it argues nothing. */
static bool possessive(const rg_extraction *x, const rg_xmention *m)
{
    static const char *const det[] = {"our", "their", "its", "his", "my", "your", NULL};
    if (!(m->flags & RG_XM_PRONOUN) || m->end - m->begin > 5) return false;
    char w[8];
    size_t n = m->end - m->begin;
    for (size_t i = 0; i < n; i++)
        w[i] = (char)tolower((unsigned char)x->text[m->begin + i]);
    w[n] = 0;
    for (size_t i = 0; det[i]; i++)
        if (strcmp(w, det[i]) == 0) return true;
    return false;
}

static bool only_space(const char *text, uint32_t b, uint32_t e)
{
    for (; b < e; b++)
        if (!isspace((unsigned char)text[b])) return false;
    return true;
}

static void collect_actors(ctx *c, const uint32_t *order, size_t n, size_t *cursor)
{
    rg_extraction *x = c->x;
    c->nactors = c->nall = 0;
    c->date = x->doc.date;
    bool have_date = false;
    while (*cursor < n && x->mentions[order[*cursor]].sentence == c->sentence) {
        const rg_xmention *m = &x->mentions[order[*cursor]];
        bool nested = c->nactors && m->begin < c->actors[c->nactors - 1].end;
        if (m->type == RG_MENTION_DATE) {
            /* the sentence's first full date; later ones are usually background */
            if (m->value && strlen(m->value) >= 7 && !have_date) {
                c->date = m->value;
                have_date = true;
            }
        } else if (m->type != RG_MENTION_EVENT && !possessive(x, m)) {
            actor a = {order[*cursor], m->entity, (rg_node_type)m->type, m->begin, m->end};
            bool named = m->entity != RG_NONE;
            if (named && !nested) *RG_PUSH(c->actors, c->nactors, c->cap_actors) = a;
            /* Nominals ("the convoy") and pronouns without antecedent
             * argue too: their relations are reported by span (relgraph
             * mentions) and make no graph edge, since
             * rg_graph_add_extraction() skips a relation without both
             * entities. A name inside a nominal ("Daesh" in "Daesh
             * fighters") is the better argument and replaces it. */
            bool unnamed = !named && (m->flags & (RG_XM_NOMINAL | RG_XM_PRONOUN));
            actor *last = c->nall ? &c->all[c->nall - 1] : NULL;
            bool inside = last && m->begin < last->end;
            /* "the vile organisation ISIL": a name right after a nominal
             * says who it is, and argues alone */
            bool names_last = named && last && last->entity == RG_NONE &&
                              (inside || only_space(x->text, last->end, m->begin));
            if (names_last)
                *last = a;
            else if ((named || unnamed) && !inside)
                *RG_PUSH(c->all, c->nall, c->cap_all) = a;
        }
        (*cursor)++;
    }
}

/* The pair rules over c->actors, whose gaps are c->g. */
static void relate_pairs(ctx *c)
{
    const gap *between = c->g->v;
    for (size_t i = 0; i + 1 < c->nactors; i++) {
        const actor *p = &c->actors[i], *q = &c->actors[i + 1];
        if (q->begin < p->end) continue; /* nested mentions */
        const char *pre = between[i].s, *gap = between[i + 1].s, *post = between[i + 2].s;
        bool done = rule_alias(c, p, q, gap, post) || rule_split_acronym(c, i, gap, post) ||
                    rule_apposition(c, p, q, gap) || rule_apposed_role(c, p, q, gap, post) ||
                    rule_serve(c, p, q, gap) || rule_title_apposition(c, i, gap, post) ||
                    rule_hyphen_pair(c, p, q, gap, post) || rule_capital(c, p, q, gap, post) ||
                    rule_unit_chain(c, p, q, gap) || rule_pair_met(c, i, gap, post) ||
                    rule_role_then_name(c, p, q, pre, gap) || rule_body_title_name(c, p, q, gap) ||
                    rule_part_of(c, p, q, gap, post) || rule_from(c, p, q, gap) ||
                    rule_led_by(c, p, q, gap) || rule_lead(c, i, gap) || rule_join(c, i, gap) ||
                    rule_meet(c, i, gap) || rule_sign(c, i, gap) || rule_fall(c, p, q, pre, gap) ||
                    rule_fight(c, i, gap) || rule_verb_pair(c, i, gap);
        (void)done;
    }
}

static uint32_t *mention_order(const rg_extraction *x);

/* The pair rules once more, over the sentence's actors with its unnamed
 * ones, keeping only the relations these add (relate_). */
static void unnamed_pass(ctx *c, const char *sent_norm)
{
    /* the pair rules: "X attacked the convoy", "we will strike ISIL", "X met
     * officials"; a nominal is no synonym or ally of anything in particular */
    static const char *const pair_types[] = {"fighting_against", "communicated_with", NULL};
    /* "Coalition nations which ... include A, B and C" */
    static const char *const include_types[] = {"member_of", NULL};
    actor *named = c->actors;
    size_t n = c->nactors;
    c->actors = c->all;
    c->nactors = c->nall;
    c->unnamed_pass = true;
    c->unnamed_types = pair_types;
    build_gaps(c, &c->all_gaps);
    share_answers(&c->named_gaps, &c->all_gaps);
    relate_pairs(c);
    c->unnamed_types = include_types;
    rule_include(c, sent_norm);
    c->unnamed_pass = false;
    c->actors = named;
    c->nactors = n;
    c->g = &c->named_gaps;
}

void rg_relate_document(rg_extraction *x, const rg_relate_opts *opts)
{
    pthread_once(&cues_once, load_cues);
    rg_relate_opts none = {0};
    ctx c = {.x = x, .opts = opts ? opts : &none};
    uint32_t *order = mention_order(x);
    size_t n = x->nmentions, cursor = 0;
    while (cursor < n) {
        c.sentence = x->mentions[order[cursor]].sentence;
        if (c.sentence >= x->nsentences) {
            cursor++;
            continue;
        }
        collect_actors(&c, order, n, &cursor);
        if (c.nactors < 1) continue;
        norm_sentence(&c);
        build_gaps(&c, &c.named_gaps);
        const char *sn = c.sn;
        for (size_t i = 0; i < c.nactors; i++)
            rule_title_person(&c, i);
        if (c.nactors >= 2) {
            relate_pairs(&c);
            rule_coordination(&c, sn);
            if (c.opts->co_mentions) co_mentions(&c);
        }
        if (c.nall > c.nactors && c.nall >= 2) unnamed_pass(&c, sn);
        rule_include(&c, sn);
        /* a warrant needs a person as target, a foundation two agents: the
         * sentence is searched only for the cues that may come to something */
        actor_counts ac = count_actors(&c);
        uint32_t mask =
            (ac.persons ? 1u << CUE_WARRANT : 0) | (ac.agents >= 2 ? 1u << CUE_FOUND : 0);
        if (mask)
            scan_cues(sn, mask, c.sent_cues);
        else
            for (int k = 0; k < CUE_NCATS; k++)
                c.sent_cues[k] = (cue_hit){-1, 0, 0};
        rule_warrant(&c, sn);
        rule_found(&c, sn);
    }
    rule_signatories(&c);
    free(order);
    free(c.actors);
    free(c.all);
    free(c.places);
    free(c.place_next);
    free(c.place_tail);
    if (c.place_heads_ready) rg_strmap_free(&c.place_heads);
    free(c.events);
    free(c.sn);
    free(c.lo);
    for (gaps *g = &c.named_gaps; g; g = g == &c.named_gaps ? &c.all_gaps : NULL) {
        free(g->v);
        free(g->arena);
    }
}

/* Mentions sorted by (sentence, begin) without touching x->mentions, whose
 * indices relations refer to. */
static int cmp_mention_r(const void *a, const void *b, void *ctx_)
{
    const rg_extraction *x = ctx_;
    const rg_xmention *m = &x->mentions[*(const uint32_t *)a];
    const rg_xmention *n = &x->mentions[*(const uint32_t *)b];
    if (m->sentence != n->sentence) return m->sentence < n->sentence ? -1 : 1;
    if (m->begin != n->begin) return m->begin < n->begin ? -1 : 1;
    return (m->end < n->end) - (m->end > n->end);
}

static uint32_t *mention_order(const rg_extraction *x)
{
    uint32_t *order = rg_malloc((x->nmentions + 1) * sizeof *order);
    for (size_t i = 0; i < x->nmentions; i++)
        order[i] = (uint32_t)i;
    /* the mentions usually come in text order already: then, with no two
     * equal, any sort leaves them as they are */
    bool sorted = true;
    for (size_t i = 1; i < x->nmentions && sorted; i++)
        sorted = cmp_mention_r(&order[i - 1], &order[i], (void *)x) < 0;
    if (x->nmentions && !sorted)
        qsort_r(order, x->nmentions, sizeof *order, cmp_mention_r, (void *)x);
    return order;
}
