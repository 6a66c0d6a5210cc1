#include "rg_pipeline.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rg_coref.h"
#include "rg_date.h"
#include "rg_ortho.h"
#include "rg_sentence.h"

rg_status rg_pipeline_gazetteer(const char *lexicon_path, const rg_gazetteer **gaz, bool *owned,
                                rg_error *err)
{
    *owned = false;
    *gaz = rg_gaz_builtin();
    if (!lexicon_path) return RG_OK;
    rg_gazetteer *g = rg_gaz_clone(*gaz);
    rg_status rc = rg_gaz_load_file(g, lexicon_path, err);
    if (rc) {
        rg_gaz_free(g);
        return rc;
    }
    *gaz = g;
    *owned = true;
    return RG_OK;
}

/* Roles that stand for a person named before with the same title word:
 * "Foreign Secretary Boris Johnson ... The Foreign Secretary said". Each
 * becomes a mention pointing (alias_of) at the titled person's mention. */
/* "The Foreign Secretary, Boris Johnson, said" and "Boris Johnson, the
 * Foreign Secretary,": a person mention next to the role across a comma. */
static uint32_t appositive(const rg_ner *r, const rg_ner_annotation *ra)
{
    /* mentions come in text order: start at the first one past the role */
    size_t lo = 0, hi = r->nmentions;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (r->mentions[mid].begin < ra->end)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t from = lo > 8 ? lo - 8 : 0, to = lo + 8 < r->nmentions ? lo + 8 : r->nmentions;
    for (size_t i = from; i < to; i++) {
        const rg_ner_mention *m = &r->mentions[i];
        if (m->sentence != ra->sentence || m->type != RG_MENTION_PERSON) continue;
        uint32_t a = m->end <= ra->begin ? m->end : ra->end;
        uint32_t b = m->end <= ra->begin ? ra->begin : m->begin;
        if (b < a || b - a > 4) continue;
        bool comma = false, other = false;
        for (uint32_t p = a; p < b; p++) {
            if (r->text[p] == ',')
                comma = true;
            else if (r->text[p] != ' ')
                other = true;
        }
        if (comma && !other) return (uint32_t)i;
    }
    return RG_NONE;
}

static void add_role(rg_ner *r, const rg_ner_annotation *ra, uint32_t person)
{
    rg_ner_mention *m = RG_PUSH(r->mentions, r->nmentions, r->cap_mentions);
    m->begin = m->name_begin = ra->begin;
    m->end = m->name_end = ra->end;
    m->sentence = ra->sentence;
    m->alias_of = person;
    m->type = RG_MENTION_PERSON;
    m->flags = RG_NM_ROLE;
}

/* The last word of each title annotation's key (rg_ortho_key), made on
 * first use: every role compares itself with up to 256 titles before it,
 * so recomputing the keys there cost more than the rest of the linking. */
typedef struct title_words {
    rg_buf words;  /* the last words, back to back */
    uint32_t *off; /* per annotation: offset in words, or RG_NONE if not made yet */
    uint16_t *len;
} title_words;

static const char *title_last(const rg_ner *r, title_words *tw, size_t b, size_t *len)
{
    if (tw->off[b] == RG_NONE) {
        char tkey[256];
        const rg_ner_annotation *ta = &r->anns[b];
        rg_ortho_key(r->text + ta->begin, ta->end - ta->begin, tkey, sizeof tkey);
        const char *tl = strrchr(tkey, ' ');
        tl = tl ? tl + 1 : tkey;
        size_t n = strlen(tl);
        tw->off[b] = (uint32_t)tw->words.len;
        tw->len[b] = (uint16_t)n;
        rg_buf_append(&tw->words, tl, n);
    }
    *len = tw->len[b];
    return tw->words.data + tw->off[b];
}

static void link_roles(rg_ner *r)
{
    char key[256];
    title_words tw = {0};
    tw.off = rg_malloc((r->nanns + 1) * sizeof *tw.off);
    tw.len = rg_malloc((r->nanns + 1) * sizeof *tw.len);
    for (size_t a = 0; a < r->nanns; a++)
        tw.off[a] = RG_NONE;
    for (size_t a = 0; a < r->nanns; a++) {
        const rg_ner_annotation *ra = &r->anns[a];
        if (ra->kind != RG_ANN_ROLE) continue;
        size_t n = rg_ortho_key(r->text + ra->begin, ra->end - ra->begin, key, sizeof key);
        if (!n || !(r->text[ra->end - 1] & 0x80 ||
                    (r->text[ra->end - 1] >= 'a' && r->text[ra->end - 1] <= 'z')))
            continue;
        const char *last = strrchr(key, ' ');
        last = last ? last + 1 : key;
        size_t lastn = strlen(last);
        bool linked = false;
        uint32_t ap = appositive(r, ra);
        if (ap != RG_NONE) {
            add_role(r, ra, ap);
            continue;
        }
        for (size_t b = a, seen = 0; b-- > 0 && seen++ < 256;) {
            const rg_ner_annotation *ta = &r->anns[b];
            if (ta->kind != RG_ANN_TITLE || ta->mention == RG_NONE) continue;
            size_t tn;
            const char *tl = title_last(r, &tw, b, &tn);
            if (tn != lastn || (tn && memcmp(tl, last, tn) != 0)) continue;
            add_role(r, ra, ta->mention);
            linked = true;
            break;
        }
        /* "The Foreign Secretary met...": an office named with at least two
         * capitalised words stands for its holder, a person of this
         * document even when the text never names them */
        size_t b = ra->begin;
        if (ra->end - b > 4 && strncasecmp(r->text + b, "the ", 4) == 0) b += 4;
        if (!linked && last != key && r->text[b] >= 'A' && r->text[b] <= 'Z') {
            add_role(r, ra, RG_NONE);
            r->mentions[r->nmentions - 1].name_begin = (uint32_t)b;
        }
    }
    rg_buf_free(&tw.words);
    free(tw.off);
    free(tw.len);
}

static int cmp_span(const void *a, const void *b)
{
    const rg_ner_mention *x = *(rg_ner_mention *const *)a, *y = *(rg_ner_mention *const *)b;
    if (x->begin != y->begin) return x->begin < y->begin ? -1 : 1;
    if (x->end != y->end) return x->end > y->end ? -1 : 1;
    return x < y ? -1 : x > y;
}

/* The rules emit mentions almost in text order (a nested one may come
 * before its outer one), so an insertion sort is about linear here; past a
 * budget of moves it hands over to qsort. cmp_span is a total order (ties
 * go by address), so both give the same order. */
static void sort_spans(rg_ner_mention **a, size_t n)
{
    size_t budget = 4 * n + 64;
    for (size_t i = 1; i < n; i++) {
        rg_ner_mention *v = a[i];
        size_t j = i;
        while (j > 0 && cmp_span(&a[j - 1], &v) > 0) {
            a[j] = a[j - 1];
            j--;
            if (--budget == 0) {
                a[j] = v;
                qsort(a, n, sizeof *a, cmp_span);
                return;
            }
        }
        a[j] = v;
    }
}

/* Puts r->mentions in the order idx gives (position k takes old mention
 * idx[k]) in place, following the permutation's cycles; idx ends up the
 * identity. A sorted copy of a large document's mentions cost as much in
 * page faults as the copying. */
static void permute(rg_ner_mention *a, uint32_t *idx, size_t n)
{
    for (size_t s = 0; s < n; s++) {
        if (idx[s] == s) continue;
        rg_ner_mention tmp = a[s];
        size_t k = s;
        for (;;) {
            size_t j = idx[k];
            idx[k] = (uint32_t)k;
            if (j == s) {
                a[k] = tmp;
                break;
            }
            a[k] = a[j];
            k = j;
        }
    }
}

/* Sorts mentions by (begin, longest first) and drops any that overlaps a
 * kept one without being nested in it, so the output is well-formed.
 * remap[old index] = new index or RG_NONE; alias links follow. */
static size_t tidy(rg_ner *r, uint32_t *remap)
{
    size_t n = r->nmentions;
    rg_ner_mention **order = rg_malloc((n + 1) * sizeof *order);
    for (size_t i = 0; i < n; i++)
        order[i] = &r->mentions[i];
    sort_spans(order, n);
    uint32_t *idx = rg_malloc((n + 1) * sizeof *idx);
    for (size_t k = 0; k < n; k++) {
        idx[k] = (uint32_t)(order[k] - r->mentions);
        remap[idx[k]] = (uint32_t)k; /* old index -> sorted position */
    }
    free(order);
    permute(r->mentions, idx, n);
    /* compact in place: the kept mention k goes to o <= k; idx[k] becomes
     * its final index or RG_NONE */
    rg_ner_mention *out = r->mentions;
    size_t o = 0, outer = SIZE_MAX;
    for (size_t k = 0; k < n; k++) {
        rg_ner_mention m = out[k];
        idx[k] = RG_NONE;
        if (outer != SIZE_MAX && m.begin < out[outer].end) {
            /* names nest in names flagged so, and in roles ("Minister for
             * the Middle East") */
            bool inside = m.end <= out[outer].end &&
                          ((m.flags & RG_NM_NESTED) || (out[outer].flags & RG_NM_ROLE));
            bool same = m.begin == out[o - 1].begin && m.end == out[o - 1].end;
            if (!inside || same) continue;
            idx[k] = (uint32_t)o;
            out[o++] = m;
            continue;
        }
        idx[k] = (uint32_t)o;
        outer = o;
        out[o++] = m;
    }
    for (size_t i = 0; i < n; i++)
        remap[i] = idx[remap[i]];
    for (size_t i = 0; i < o; i++)
        if (out[i].alias_of != RG_NONE) out[i].alias_of = remap[out[i].alias_of];
    free(idx);
    r->nmentions = o;
    return o;
}

static void add_mentions(rg_extraction *x, const rg_ner_mention *m, size_t n,
                         const uint32_t *entity_of, const uint8_t *type_of, uint32_t *xidx)
{
    for (size_t i = 0; i < n; i++) {
        xidx[i] = RG_NONE;
        if (entity_of[i] == RG_NONE) continue;
        xidx[i] = rg_extraction_add_mention(x, (rg_mention_type)type_of[i], m[i].begin, m[i].end,
                                            m[i].sentence, entity_of[i]);
    }
}

static void keep_annotations(rg_ner *r, const uint32_t *remap, const uint32_t *xidx,
                             rg_pipeline_extras *extras)
{
    for (size_t i = 0; i < r->nanns; i++) {
        uint32_t m = r->anns[i].mention;
        if (m != RG_NONE) m = remap[m];
        r->anns[i].mention = m == RG_NONE ? RG_NONE : xidx[m];
    }
    extras->anns = r->anns;
    extras->nanns = r->nanns;
    r->anns = NULL;
    r->nanns = r->cap_anns = 0;
}

/* Dates (rg_date): absolute ones and relative ones anchored on the
 * document's date, as mentions with their ISO value. */
typedef struct date_ctx {
    rg_extraction *x;
    size_t sentence; /* moves forward: dates come in text order */
} date_ctx;

static bool add_date(const rg_date_match *dm, void *p)
{
    date_ctx *c = p;
    rg_extraction *x = c->x;
    while (c->sentence + 1 < x->nsentences && x->sentences[c->sentence].end <= dm->begin)
        c->sentence++;
    uint32_t s = x->nsentences ? (uint32_t)c->sentence : RG_NONE;
    uint32_t m = rg_extraction_add_mention(x, RG_MENTION_DATE, (uint32_t)dm->begin,
                                           (uint32_t)dm->end, s, RG_NONE);
    if (dm->iso[0]) x->mentions[m].value = rg_strdup(dm->iso);
    return true;
}

static int cmp_xmention(const void *a, const void *b)
{
    const rg_xmention *x = a, *y = b;
    if (x->begin != y->begin) return x->begin < y->begin ? -1 : 1;
    if (x->end != y->end) return x->end > y->end ? -1 : 1;
    return (x->type == RG_MENTION_DATE) - (y->type == RG_MENTION_DATE);
}

static bool strictly_sorted(const rg_xmention *m, size_t from, size_t to)
{
    for (size_t i = from + 1; i < to; i++)
        if (cmp_xmention(&m[i - 1], &m[i]) >= 0) return false;
    return true;
}

/* Sorts the mentions by merging the entity mentions [0, first) with the
 * dates after them, each run already in text order, instead of a qsort
 * that moved 40-byte records around. Only when no two mentions compare
 * equal, so the order is the one qsort gives; else returns false having
 * changed nothing. pos[old index] = new index. */
static bool merge_dates(rg_extraction *x, size_t first, uint32_t *pos)
{
    const rg_xmention *m = x->mentions;
    size_t o = x->nmentions, a = 0, b = first, k = 0;
    if (!strictly_sorted(m, 0, first) || !strictly_sorted(m, first, o)) return false;
    rg_xmention *out = rg_malloc((o + 1) * sizeof *out);
    while (a < first || b < o) {
        int c = a == first ? 1 : b == o ? -1 : cmp_xmention(&m[a], &m[b]);
        if (c == 0) {
            free(out);
            return false;
        }
        size_t from = c < 0 ? a++ : b++;
        pos[from] = (uint32_t)k;
        out[k++] = m[from];
    }
    free(x->mentions);
    x->mentions = out;
    x->cap_mentions = o + 1;
    return true;
}

/* Annotations follow their mentions to new positions. */
static void follow(rg_pipeline_extras *extras, const uint32_t *pos)
{
    if (extras)
        for (size_t i = 0; i < extras->nanns; i++)
            if (extras->anns[i].mention != RG_NONE)
                extras->anns[i].mention = pos[extras->anns[i].mention];
}

/* Adds the dates that overlap no entity mention and sorts all mentions by
 * position. Annotations keep pointing at their mentions (via old -> new). */
static void add_dates(rg_extraction *x, rg_pipeline_extras *extras)
{
    size_t first = x->nmentions;
    date_ctx c = {x, 0};
    rg_date_find_all(x->text, x->len, x->doc.date, add_date, &c);
    size_t o = first;
    for (size_t i = first, k = 0; i < x->nmentions; i++) {
        rg_xmention *d = &x->mentions[i];
        while (k < first && x->mentions[k].end <= d->begin)
            k++;
        bool clash = false;
        for (size_t j = k; j < first && x->mentions[j].begin < d->end; j++)
            clash = true;
        if (clash) {
            free(d->value);
            continue;
        }
        x->mentions[o++] = *d;
    }
    x->nmentions = o;
    if (o == first) return;
    uint32_t *pos = rg_malloc((o + 1) * sizeof *pos);
    if (merge_dates(x, first, pos)) {
        follow(extras, pos);
        free(pos);
        return;
    }
    /* tag entity mentions with their old index to follow them through the sort */
    char **vals = rg_malloc((o + 1) * sizeof *vals);
    for (size_t i = 0; i < o; i++) {
        vals[i] = x->mentions[i].value;
        x->mentions[i].value = (char *)(uintptr_t)(i + 1); /* old index, restored below */
    }
    if (o) qsort(x->mentions, o, sizeof *x->mentions, cmp_xmention);
    for (size_t i = 0; i < o; i++) {
        size_t old = (size_t)(uintptr_t)x->mentions[i].value - 1;
        pos[old] = (uint32_t)i;
        x->mentions[i].value = vals[old];
    }
    follow(extras, pos);
    free(pos);
    free(vals);
}

void rg_pipeline_run(const rg_gazetteer *gaz, const char *text, size_t len, rg_extraction *x,
                     rg_pipeline_extras *extras)
{
    rg_pipeline_run_owned(gaz, rg_strndup(text, len), len, x, extras);
}

void rg_pipeline_run_owned(const rg_gazetteer *gaz, char *text, size_t len, rg_extraction *x,
                           rg_pipeline_extras *extras)
{
    if (!gaz) gaz = rg_gaz_builtin();
    free(x->text);
    x->text = text;
    x->len = len;
    rg_ner r;
    rg_ner_init(&r, gaz, x->text, len);
    rg_splitter sp;
    rg_splitter_init(&sp, x->text, len, gaz);
    rg_token *toks = NULL;
    size_t cap = 0, n;
    while ((n = rg_splitter_next(&sp, &toks, &cap)) > 0) {
        uint32_t s = rg_extraction_add_sentence(x, toks[0].begin, toks[n - 1].end);
        rg_ner_sentence(&r, toks, n, s);
    }
    free(toks);
    link_roles(&r);
    uint32_t *remap = rg_malloc((r.nmentions + 1) * sizeof *remap);
    size_t nm = tidy(&r, remap);
    uint32_t *entity_of = rg_malloc((nm + 1) * sizeof *entity_of);
    uint32_t *xidx = rg_malloc((nm + 1) * sizeof *xidx);
    uint8_t *type_of = rg_malloc(nm + 1);
    rg_ortho_resolve(x->text, r.mentions, nm, x, entity_of, type_of);
    add_mentions(x, r.mentions, nm, entity_of, type_of, xidx);
    if (extras) {
        /* remap maps old ner indices to tidied ones; annotations hold old ones */
        keep_annotations(&r, remap, xidx, extras);
    }
    /* nominal phrases ("the civilians"), then pronouns ("he", "we") linked
     * to the entities just made; annotations follow their mentions */
    for (int stage = 0; stage < 2; stage++) {
        uint32_t *moved = rg_malloc((x->nmentions + 1) * sizeof *moved);
        size_t added = stage == 0 ? rg_coref_nominals(x, gaz, moved) : rg_coref_pronouns(x, moved);
        if (added && extras)
            for (size_t i = 0; i < extras->nanns; i++)
                if (extras->anns[i].mention != RG_NONE)
                    extras->anns[i].mention = moved[extras->anns[i].mention];
        free(moved);
    }
    add_dates(x, extras);
    free(remap);
    free(entity_of);
    free(xidx);
    free(type_of);
    rg_ner_free(&r);
}

void rg_pipeline_extras_free(rg_pipeline_extras *e)
{
    free(e->anns);
    memset(e, 0, sizeof *e);
}
