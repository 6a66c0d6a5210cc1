#include "rg_ner.h"

#include <stdlib.h>
#include <string.h>

#include "rg_extract.h"
#include "rg_util.h"

/* What the gazetteer says about token i, computed once per sentence:
 * the single token's categories and the longest phrase of each kind that
 * starts at i. */
struct rg_ner_tok {
    uint64_t fh;         /* rg_gaz_hash_token of the folded form */
    uint64_t h1;         /* hash of the one-token key: rg_gaz_hash_next(RG_GAZ_HASH0, fh) */
    uint32_t foff, flen; /* folded form in r->fold */
    uint32_t bits;       /* categories of the token alone */
    uint32_t ent_bits;   /* of the longest known name starting here */
    uint8_t ent_len, nom_len, title_len, grp_len, prep_len;
    uint32_t nom_bits;
    bool cap; /* capitalised word: "Syria", "IIIM", "al-Assad" */
};

/* A direct-mapped cache of one-token lookups: a document repeats its words,
 * and the gazetteer's table and keys are megabytes, so most probes there
 * miss the cache while this one stays in it. Keys longer than MEMO_KEY go
 * to the gazetteer directly. */
#define MEMO_KEY 19

struct rg_ner_memo {
    uint64_t h;
    uint32_t bits;
    uint8_t len;
    char key[MEMO_KEY];
};

void rg_ner_init(rg_ner *r, const rg_gazetteer *gaz, const char *text, size_t len)
{
    memset(r, 0, sizeof *r);
    r->gaz = gaz;
    r->text = text;
    /* the memo grows with the document (a vocabulary does too) from 8 KB
     * for a short text to 256 KB, so short documents pay little for it */
    r->memo_slots = 256;
    while (r->memo_slots < 8192 && r->memo_slots * 128 < len)
        r->memo_slots *= 2;
}

void rg_ner_free(rg_ner *r)
{
    free(r->mentions);
    free(r->anns);
    free(r->tk);
    free(r->fold);
    free(r->memo);
    memset(r, 0, sizeof *r);
}

/* ---- token helpers ---------------------------------------------------- */

static const char *fold_of(const rg_ner *r, size_t i)
{
    return r->fold + r->tk[i].foff;
}

static bool tok_is(const rg_ner *r, size_t i, const char *w)
{
    if (i >= r->ntoks) return false;
    size_t n = strlen(w);
    return r->tk[i].flen == n && memcmp(fold_of(r, i), w, n) == 0;
}

static bool is_punct(const rg_ner *r, size_t i, uint32_t cp)
{
    return i < r->ntoks && r->toks[i].kind == RG_TOK_PUNCT && r->toks[i].cp == cp;
}

static bool cap(const rg_ner *r, size_t i)
{
    return i < r->ntoks && r->tk[i].cap;
}

static bool allcaps(const rg_ner *r, size_t i)
{
    return i < r->ntoks && (r->toks[i].shape & RG_SHAPE_ALLCAPS);
}

static uint32_t bits(const rg_ner *r, size_t i)
{
    return i < r->ntoks ? r->tk[i].bits : 0;
}

/* Lower-case connector inside a name ("of", "for", "and", "the"). */
static bool connector(const rg_ner *r, size_t i)
{
    return i < r->ntoks && !r->tk[i].cap && (r->tk[i].bits & RG_GAZ_CONNECTOR);
}

static bool opener(uint32_t cp)
{
    return cp == '"' || cp == 0x201C || cp == 0x2018 || cp == '(' || cp == ':' || cp == 0x2022 ||
           cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == '*' || cp == '[' || cp == '\'';
}

/* First word of the sentence, or right after an opening quote, colon or bullet. */
static bool initial(const rg_ner *r, size_t i)
{
    size_t k = i;
    while (k > 0 && r->toks[k - 1].kind != RG_TOK_WORD) {
        if (r->toks[k - 1].kind == RG_TOK_PUNCT && opener(r->toks[k - 1].cp)) return true;
        k--;
    }
    return k == 0;
}

/* ---- per-sentence preparation ---------------------------------------- */

/* Folds every token once into r->fold, each followed by a space, so the
 * folded tokens i..j are already the gazetteer key of that phrase (keys
 * join folded tokens with single spaces, and a fold never holds a space):
 * scan_phrases then looks phrases up without copying or rehashing. ASCII
 * tokens, most of them, are lower-cased here without rg_token_fold. */
static void fold_tokens(rg_ner *r)
{
    size_t need = 0;
    for (size_t i = 0; i < r->ntoks; i++)
        need += (r->toks[i].end - r->toks[i].begin) * 3 + 2;
    if (need > r->cap_fold) {
        r->cap_fold = need * 2;
        r->fold = rg_realloc(r->fold, r->cap_fold);
    }
    if (!r->memo) r->memo = rg_calloc(r->memo_slots, sizeof *r->memo);
    size_t off = 0;
    for (size_t i = 0; i < r->ntoks; i++) {
        const rg_token *t = &r->toks[i];
        const char *s = r->text + t->begin;
        size_t len = t->end - t->begin, n = 0;
        char *out = r->fold + off;
        unsigned char high = 0;
        for (size_t k = 0; k < len; k++) {
            unsigned char c = (unsigned char)s[k];
            high |= c;
            out[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        n = high < 0x80 ? len : rg_token_fold(s, len, out, len * 3 + 2);
        r->tk[i].foff = (uint32_t)off;
        r->tk[i].flen = (uint32_t)n;
        r->tk[i].fh = rg_gaz_hash_token(out, n);
        /* scan_phrases looks this token up after all are folded: start
         * loading its memo slot now */
        uint64_t h = r->tk[i].h1 = rg_gaz_hash_next(RG_GAZ_HASH0, r->tk[i].fh);
        __builtin_prefetch(&r->memo[h & (r->memo_slots - 1)]);
        out[n] = ' ';
        off += n + 1;
    }
}

/* Bits of the one-token key (hash h) through r->memo. */
static uint32_t lookup_token(rg_ner *r, uint64_t h, const char *key, size_t n)
{
    if (n > MEMO_KEY) return rg_gaz_lookup_hashed(r->gaz, h, key, n);
    struct rg_ner_memo *m = &r->memo[h & (r->memo_slots - 1)];
    if (m->h == h && m->len == n && memcmp(m->key, key, n) == 0) return m->bits;
    uint32_t b = rg_gaz_lookup_hashed(r->gaz, h, key, n);
    m->h = h;
    m->len = (uint8_t)n;
    m->bits = b;
    memcpy(m->key, key, n);
    return b;
}

/* May a known name spanning tokens i..j match here? Acronyms need all
 * capitals ("WHO" but not "who"); other names need a capital at the end
 * and at the start (or "the"/"al" there). */
static bool case_ok(const rg_ner *r, size_t i, size_t j, uint32_t b)
{
    if ((b & RG_GAZ_ACRONYM) && !(b & RG_GAZ_ANYCASE)) return i == j && allcaps(r, i);
    if (!r->tk[j].cap && r->toks[j].kind != RG_TOK_PUNCT) return false;
    return r->tk[i].cap || tok_is(r, i, "the") || tok_is(r, i, "al");
}

/* Longest phrases of each kind starting at token i. */
static void scan_phrases(rg_ner *r, size_t i)
{
    uint64_t h = RG_GAZ_HASH0;
    rg_ner_tok *t = &r->tk[i];
    const char *key = fold_of(r, i);
    for (size_t j = i; j < r->ntoks && j - i < r->gaz->max_tokens; j++) {
        size_t fl = r->tk[j].flen;
        /* phrases longer than 1 KB were never looked up: keep it so */
        size_t before = j > i ? r->tk[j].foff - 1 - t->foff : 0;
        if (before + fl + 1 >= 1024) break;
        size_t kn = r->tk[j].foff + fl - t->foff;
        h = j == i ? t->h1 : rg_gaz_hash_next(h, r->tk[j].fh);
        if (j > i && !rg_gaz_may_have_phrase(r->gaz, h)) break; /* as if b == 0 */
        uint32_t b =
            j == i ? lookup_token(r, h, key, kn) : rg_gaz_lookup_hashed(r->gaz, h, key, kn);
        if (!b) break;
        uint8_t len = (uint8_t)(j - i + 1);
        if (j == i) t->bits = b;
        if ((b & RG_GAZ_ENTITY) && case_ok(r, i, j, b)) {
            t->ent_len = len;
            t->ent_bits = b;
        }
        if (b & (RG_GAZ_NOMINAL_ORG | RG_GAZ_NOMINAL_INST | RG_GAZ_NOMINAL_PLACE)) {
            t->nom_len = len;
            t->nom_bits = b;
        }
        if (b & RG_GAZ_TITLE) t->title_len = len;
        if (b & RG_GAZ_GROUP_NOUN) t->grp_len = len;
        if (b & RG_GAZ_LOC_PREP) t->prep_len = len;
        if (!(b & RG_GAZ_PREFIX)) break;
    }
    /* an acronym entry never applies to lower-case text */
    if ((t->bits & RG_GAZ_ACRONYM) && !(t->bits & RG_GAZ_ANYCASE) && !allcaps(r, i))
        t->bits &= ~(uint32_t)RG_GAZ_ENTITY;
}

static void prepare(rg_ner *r, const rg_token *toks, size_t n)
{
    r->toks = toks;
    r->ntoks = n;
    if (n > r->cap_tk) {
        r->cap_tk = n * 2;
        r->tk = rg_realloc(r->tk, r->cap_tk * sizeof *r->tk);
    }
    memset(r->tk, 0, n * sizeof *r->tk);
    fold_tokens(r);
    unsigned words = 0, lower = 0, all = 0, caps = 0;
    for (size_t i = 0; i < n; i++) {
        const rg_token *t = &toks[i];
        r->tk[i].cap = t->kind == RG_TOK_WORD &&
                       (t->shape & (RG_SHAPE_UPINIT | RG_SHAPE_ALLCAPS | RG_SHAPE_NAME));
        if (t->kind == RG_TOK_WORD) {
            all++;
            caps += (t->shape & RG_SHAPE_ALLCAPS) != 0;
        }
        if (t->kind == RG_TOK_WORD && t->end - t->begin >= 4) {
            words++;
            if (t->shape & RG_SHAPE_LOWER) lower++;
        }
    }
    for (size_t i = 0; i < n; i++)
        scan_phrases(r, i);
    /* Headlines ("Joint Statement: Towards Accountability...") capitalise
     * every word, so capitals say nothing there. */
    bool ends = toks[n - 1].kind == RG_TOK_PUNCT &&
                (toks[n - 1].cp == '.' || toks[n - 1].cp == '!' || toks[n - 1].cp == '?');
    r->headline = (!ends && words >= 4 && lower * 5 <= words) || (all >= 3 && caps == all);
}

/* ---- output ----------------------------------------------------------- */

static uint32_t emit(rg_ner *r, size_t s, size_t e, size_t ns, size_t ne, int type, int flags)
{
    rg_ner_mention *m = RG_PUSH(r->mentions, r->nmentions, r->cap_mentions);
    m->begin = r->toks[s].begin;
    m->end = r->toks[e - 1].end;
    m->name_begin = r->toks[ns].begin;
    m->name_end = r->toks[ne - 1].end;
    m->sentence = r->sentence;
    m->alias_of = RG_NONE;
    m->type = (uint8_t)type;
    m->flags = (uint8_t)flags;
    return (uint32_t)(r->nmentions - 1);
}

static void annotate(rg_ner *r, size_t s, size_t e, rg_ann_kind kind, uint32_t mention)
{
    if (s >= e) return;
    rg_ner_annotation *a = RG_PUSH(r->anns, r->nanns, r->cap_anns);
    a->begin = r->toks[s].begin;
    a->end = r->toks[e - 1].end;
    a->sentence = r->sentence;
    a->mention = mention;
    a->kind = (uint8_t)kind;
}

static int known_type(uint32_t b)
{
    if (b & RG_GAZ_PERSON) return RG_MENTION_PERSON;
    if (b & RG_GAZ_INST) return RG_MENTION_INSTITUTION;
    if (b & RG_GAZ_ORG) return RG_MENTION_ORGANISATION;
    if (b & RG_GAZ_PLACE) return RG_MENTION_PLACE;
    return RG_NER_UNTYPED;
}

/* Organisations and institutions include a preceding "the" in their span
 * (re3d and most annotation guides do), places and persons do not. */
static void emit_typed(rg_ner *r, size_t the, size_t s, size_t e, int type, int flags)
{
    size_t b =
        (the != SIZE_MAX && (type == RG_MENTION_ORGANISATION || type == RG_MENTION_INSTITUTION))
            ? the
            : s;
    emit(r, b, e, s, e, type, flags);
}

/* Known names inside a longer mention or a title ("the Kurdistan Regional
 * Government", "Minister for the Middle East", "the Assad regime") are
 * mentions of their own, nested in the longer one. */
static void emit_nested_mask(rg_ner *r, size_t s, size_t e, uint32_t mask)
{
    for (size_t k = s; k < e;) {
        const rg_ner_tok *t = &r->tk[k];
        if (t->ent_len && k + t->ent_len <= e && !(k == s && k + t->ent_len == e) && t->cap &&
            !(t->bits & RG_GAZ_STOP) && (t->ent_bits & mask)) {
            int type = known_type(t->ent_bits);
            emit(r, k, k + t->ent_len, k, k + t->ent_len, type, RG_NM_NESTED | RG_NM_KNOWN);
            k += t->ent_len;
        } else {
            k++;
        }
    }
}

/* Inside a name only places and persons nest ("Human Rights Organization in
 * Syria", "the Assad regime"); inside a title, institutions too. */
static void emit_nested(rg_ner *r, size_t s, size_t e)
{
    emit_nested_mask(r, s, e, RG_GAZ_PLACE | RG_GAZ_PERSON);
}

static void emit_nested_title(rg_ner *r, size_t s, size_t e)
{
    emit_nested_mask(r, s, e, RG_GAZ_PLACE | RG_GAZ_PERSON | RG_GAZ_INST | RG_GAZ_ORG);
}

/* ---- chunks ------------------------------------------------------------ */

/* Does [s, e) hold a word that licenses connectors ("Ministry of", "Center
 * for", "Minister for")? */
static bool has_head(const rg_ner *r, size_t s, size_t e, uint32_t mask)
{
    for (size_t k = s; k < e; k++) {
        if (!r->tk[k].cap) continue;
        if (r->tk[k].bits & mask) return true;
        if (r->tk[k].ent_bits & (RG_GAZ_ORG | RG_GAZ_INST)) return true;
        if (r->tk[k].title_len) return true;
    }
    return false;
}

/* May the chunk [s, e) continue across the connector at e? Returns the
 * index of the next name word, or 0. */
static size_t connect(const rg_ner *r, size_t s, size_t e)
{
    size_t k = e + 1;
    if (tok_is(r, k, "the") || tok_is(r, k, "al")) k++;
    if (!cap(r, k) || r->headline) return 0;
    if ((r->tk[k].bits & RG_GAZ_STOP) && !r->tk[k].ent_len) return 0; /* "on Tuesday" */
    if ((r->tk[k].bits & RG_GAZ_DEMONYM) && !cap(r, k + 1)) return 0; /* "on the Syrian issue" */
    uint32_t b = r->tk[e].bits;
    if ((b & RG_GAZ_PARTICLE) && !(b & RG_GAZ_CONNECTOR)) return k; /* "bin", "van" */
    if (!(b & RG_GAZ_CONNECTOR)) return 0;
    if (tok_is(r, e, "the")) return 0;
    uint32_t heads = RG_GAZ_ORG_HEAD | RG_GAZ_INST_HEAD;
    if (tok_is(r, e, "in") || tok_is(r, e, "to")) {
        /* "X Network in Damascus" is where X is, not its name */
        if (r->tk[k].ent_len && (r->tk[k].ent_bits & RG_GAZ_PLACE) && !cap(r, k + r->tk[k].ent_len))
            return 0;
        return (e - s >= 3 && has_head(r, s, e, RG_GAZ_ORG_HEAD)) ? k : 0;
    }
    if (tok_is(r, e, "and") || tok_is(r, e, "&")) {
        /* "Center for Media and Freedom of Expression", not "France and Germany" */
        if (!has_head(r, s, e, heads)) return 0;
        if (r->tk[k].ent_len && (r->tk[k].ent_bits & RG_GAZ_PLACE) == 0) return 0;
        if (r->tk[k].bits & (RG_GAZ_GIVEN | RG_GAZ_PARTICLE))
            return 0; /* "... Branch and Abdel Salam" */
        /* "X Network and the Y Observatory", "X Centre for A and B Rights
         * and the Y for Z Network": a second name with a head of its own,
         * possibly across its own connectors */
        for (size_t j = k; j < r->ntoks && j < k + 10 && (r->tk[j].cap || connector(r, j)); j++) {
            if (tok_is(r, j, "and")) break;
            if (r->tk[j].cap && (r->tk[j].bits & heads)) return 0;
        }
        return k;
    }
    if (has_head(r, s, e, heads | RG_GAZ_PLACE_PRE)) return k;
    /* "Mothers for Peace Network", "Families of Victims Association": the
     * head comes after the connector, at the end of the next capitalised run
     * (not "Members of the Security Council": a name of its own) */
    if ((tok_is(r, e, "for") || tok_is(r, e, "of")) && k == e + 1 && r->tk[k].ent_len == 0) {
        size_t j = k;
        while (j < r->ntoks && j < k + 6 && r->tk[j].cap)
            j++;
        if (j > k && (r->tk[j - 1].bits & heads) && !(r->tk[j - 1].bits & RG_GAZ_STOP)) return k;
    }
    return 0;
}

static bool possessive(const rg_ner *r, size_t e)
{
    return e + 1 < r->ntoks && r->toks[e].kind == RG_TOK_PUNCT &&
           (r->toks[e].cp == '\'' || r->toks[e].cp == 0x2019) && tok_is(r, e + 1, "s");
}

/* End of the capitalised chunk starting at s. */
static size_t chunk_end(const rg_ner *r, size_t s)
{
    size_t e = s;
    while (e < r->ntoks && e - s < 24) {
        if (r->tk[e].ent_len > 1 && (e == s || cap(r, e))) { /* a known phrase may hold anything */
            e += r->tk[e].ent_len;
            continue;
        }
        if (r->tk[e].title_len > 1 && (e == s || cap(r, e))) {
            e += r->tk[e].title_len;
            continue;
        }
        if (cap(r, e)) {
            e++;
            continue;
        }
        /* "Maj. Gen.", "Stephen J. Townsend": a period glued to an
         * abbreviation or an initial inside a name */
        if (e > s && is_punct(r, e, '.') && r->toks[e].begin == r->toks[e - 1].end &&
            cap(r, e + 1) &&
            ((bits(r, e - 1) & RG_GAZ_ABBREV) || r->toks[e - 1].end - r->toks[e - 1].begin == 1)) {
            e++;
            continue;
        }
        /* "the National Anti-Terrorist Prosecutor's Office": a body's
         * office named after the body, one name across the possessive */
        if (e > s && possessive(r, e) && cap(r, e - 1) && (bits(r, e - 1) & RG_GAZ_INST_HEAD) &&
            cap(r, e + 2) && (bits(r, e + 2) & RG_GAZ_INST_HEAD)) {
            e += 2;
            continue;
        }
        if (e > s && r->toks[e].kind == RG_TOK_WORD) {
            size_t k = connect(r, s, e);
            if (k) {
                e = k;
                continue;
            }
        }
        break;
    }
    if (e > r->ntoks) e = r->ntoks;
    while (e > s && !cap(r, e - 1) && r->toks[e - 1].kind != RG_TOK_PUNCT)
        e--;
    while (e > s && r->toks[e - 1].kind == RG_TOK_PUNCT)
        e--;
    return e > s ? e : s + 1;
}

/* The type a head noun gives [s, e): institution, organisation, place or -1.
 * The head is the last one before the first "of"/"for"/"in" ("Ministry of
 * Foreign Affairs", "Syrian Center for Media"); a place head ends the name
 * ("Tigris River") or a place prefix starts it ("Mount Sinjar"). */
static int head_type(const rg_ner *r, size_t s, size_t e)
{
    size_t conn = e;
    for (size_t k = s + 1; k < e; k++)
        if (!r->tk[k].cap && (r->tk[k].bits & RG_GAZ_CONNECTOR) && !tok_is(r, k, "and") &&
            !tok_is(r, k, "the") && !tok_is(r, k, "&")) {
            conn = k;
            break;
        }
    int t = -1;
    for (size_t k = s; k < conn; k++) {
        if (!r->tk[k].cap) continue;
        if (r->tk[k].bits & RG_GAZ_INST_HEAD)
            t = RG_MENTION_INSTITUTION;
        else if (r->tk[k].bits & RG_GAZ_ORG_HEAD)
            t = RG_MENTION_ORGANISATION;
    }
    if (t >= 0) return t;
    if ((r->tk[conn - 1].cap && (r->tk[conn - 1].bits & RG_GAZ_PLACE_HEAD) && conn - s >= 2) ||
        (r->tk[s].bits & RG_GAZ_PLACE_PRE && e - s >= 2))
        return RG_MENTION_PLACE;
    for (size_t k = conn; k < e; k++) {
        if (!r->tk[k].cap) continue;
        if (r->tk[k].bits & RG_GAZ_INST_HEAD) return RG_MENTION_INSTITUTION;
        if (r->tk[k].bits & RG_GAZ_ORG_HEAD) return RG_MENTION_ORGANISATION;
    }
    return -1;
}

static bool loc_prep_before(const rg_ner *r, size_t s)
{
    if (s >= 1 && (bits(r, s - 1) & RG_GAZ_LOC_PREP)) return true;
    return s >= 2 && r->tk[s - 2].prep_len == 2;
}

/* "in Qamenas, Sarmin and Talamenes": a name listed right after a place. */
static bool after_place_list(const rg_ner *r, size_t s)
{
    if (s < 2 || r->nmentions == 0) return false;
    if (!is_punct(r, s - 1, ',') && !tok_is(r, s - 1, "and")) return false;
    size_t k = s - 1;
    if (tok_is(r, k, "and") && is_punct(r, k - 1, ',')) k--;
    const rg_ner_mention *m = &r->mentions[r->nmentions - 1];
    return m->sentence == r->sentence && m->type == RG_MENTION_PLACE &&
           m->end == r->toks[k - 1].end;
}

/* '..., said Russell.': a reporting verb right before the name. */
static bool person_cue_before(const rg_ner *r, size_t s)
{
    return s >= 1 && !r->tk[s - 1].cap && (bits(r, s - 1) & RG_GAZ_PERSON_CUE);
}

static bool person_cue_after(const rg_ner *r, size_t e)
{
    if (e < r->ntoks && (bits(r, e) & RG_GAZ_PERSON_CUE)) return true;
    return is_punct(r, e, ',') && (bits(r, e + 1) & RG_GAZ_PERSON_CUE);
}

static bool any_given(const rg_ner *r, size_t s, size_t e)
{
    for (size_t k = s; k < e; k++)
        if (bits(r, k) & RG_GAZ_GIVEN) return true;
    return false;
}

/* A given name anywhere ("Zahid Mohammed Rawi") or a name particle. */
static bool person_evidence(const rg_ner *r, size_t s, size_t e)
{
    if (e - s < 2) return false;
    if (any_given(r, s, e)) return true;
    for (size_t k = s; k < e; k++) {
        if ((r->toks[k].shape & RG_SHAPE_NAME) || (bits(r, k) & RG_GAZ_PARTICLE)) return true;
    }
    return false;
}

static void analyze(rg_ner *r, size_t s, size_t e, size_t the);

/* Drops what cannot start a name: lower-case words, stop words, and
 * sentence-initial common words ("During", "Both"). Returns the new start;
 * *the tracks a "the" right before it. */
/* "Arabic-speaking", "Jordanian-born", "Kurdish-led": a capitalised word
 * hyphenated to a lower-case participle describes what follows. */
static bool participle_prefix(const rg_ner *r, size_t i)
{
    const char *t = r->text + r->toks[i].begin;
    size_t n = r->toks[i].end - r->toks[i].begin;
    const char *h = NULL;
    for (size_t k = 1; k + 1 < n; k++)
        if (t[k] == '-') h = t + k + 1;
    if (!h || *h < 'a' || *h > 'z') return false;
    size_t m = (size_t)(t + n - h);
    return (m > 3 && memcmp(h + m - 3, "ing", 3) == 0) ||
           (m > 2 && memcmp(h + m - 2, "ed", 2) == 0) || (m == 4 && memcmp(h, "born", 4) == 0) ||
           (m == 3 && memcmp(h, "led", 3) == 0);
}

static size_t strip_start(const rg_ner *r, size_t s, size_t e, size_t *the)
{
    const uint32_t keep = RG_GAZ_GIVEN | RG_GAZ_DEMONYM | RG_GAZ_INST_HEAD | RG_GAZ_ORG_HEAD |
                          RG_GAZ_PARTICLE | RG_GAZ_PLACE_PRE;
    while (s < e) {
        const rg_ner_tok *t = &r->tk[s];
        bool drop = !t->cap || participle_prefix(r, s);
        /* "Operator 1st Class Charles Keating": the end of a rank */
        if (s > 0 && r->toks[s - 1].kind == RG_TOK_NUM && tok_is(r, s, "class")) drop = true;
        if (!drop && (t->bits & RG_GAZ_STOP) && !t->ent_len && !t->title_len) drop = true;
        if (!drop && (t->bits & RG_GAZ_COMMON) && !(t->bits & keep) && !t->ent_len &&
            !t->title_len && !allcaps(r, s) && (initial(r, s) || r->headline))
            drop = true;
        if (!drop) break;
        *the = tok_is(r, s, "the") ? s : SIZE_MAX;
        s++;
    }
    return s;
}

/* Titles before a name: "Syrian Foreign Minister Asaad al-Shibani",
 * "Maj. Gen. Ali Mamlouk", "the Director of the National Security Bureau". */
static bool titled(rg_ner *r, size_t s, size_t e, size_t the)
{
    size_t p = s;
    if (r->tk[p].title_len == 0 || r->tk[p].ent_len > r->tk[p].title_len) {
        bool prefix =
            (bits(r, p) & RG_GAZ_DEMONYM) ||
            (r->tk[p].ent_len && (r->tk[p].ent_bits & (RG_GAZ_PLACE | RG_GAZ_ORG | RG_GAZ_INST)));
        if (!prefix) return false;
        p += r->tk[p].ent_len ? r->tk[p].ent_len : 1;
        if (p >= e || r->tk[p].title_len == 0 || r->tk[p].ent_len > r->tk[p].title_len)
            return false;
    }
    if (p > s && r->tk[s].ent_len == p - s) /* "US" in "US Secretary of State John Kerry" */
        emit(r, s, p, s, p, known_type(r->tk[s].ent_bits), RG_NM_KNOWN);
    size_t q = p;
    while (q < e && r->tk[q].title_len && r->tk[q].ent_len <= r->tk[q].title_len)
        q += r->tk[q].title_len;
    if (q > e) q = e;
    size_t ab = the != SIZE_MAX ? the : s;
    if (q == e) {
        annotate(r, ab, e, RG_ANN_ROLE, RG_NONE);
        emit_nested_title(r, p, e);
        return true;
    }
    if (!r->tk[q].cap) { /* "the head of X": a role, then X */
        /* "Minister for the Middle East", "Special Envoy for Syria": after
         * "for" the portfolio is part of the office's name, so the role
         * spans it (and stands for the person named next to it) */
        annotate(r, ab, tok_is(r, q, "for") && r->tk[e - 1].cap ? e : q, RG_ANN_ROLE, RG_NONE);
        emit_nested_title(r, p, q);
        size_t k = q + 1, th = SIZE_MAX;
        if (tok_is(r, k, "the")) th = k++;
        if (k < e) analyze(r, k, e, th);
        return true;
    }
    size_t ne = q;
    while (ne < e && (r->tk[ne].cap || (bits(r, ne) & RG_GAZ_PARTICLE) || is_punct(r, ne, '.')))
        ne++;
    while (ne > q && r->toks[ne - 1].kind == RG_TOK_PUNCT)
        ne--;
    if (r->tk[q].ent_len == ne - q && !(r->tk[q].ent_bits & RG_GAZ_PERSON)) {
        annotate(r, ab, q, RG_ANN_ROLE, RG_NONE); /* "Commander U.S. Central Command" */
        analyze(r, q, e, SIZE_MAX);
        return true;
    }
    emit_nested_title(r, p, q);
    if (q > p && connector(r, q - 1)) { /* "the Head of Air Intelligence Branch" */
        annotate(r, ab, q - 1, RG_ANN_ROLE, RG_NONE);
        analyze(r, q, e, SIZE_MAX);
        return true;
    }
    /* "President Hollande", "Mr Ellwood": a title with a lone surname is
     * part of how the person is named here; a full name stands alone */
    size_t mb = (ne - q == 1 && !(bits(r, q) & RG_GAZ_GIVEN)) ? p : q;
    uint32_t m = emit(r, mb, ne, q, ne, RG_MENTION_PERSON, 0);
    annotate(r, ab, q, RG_ANN_TITLE, m);
    if (ne < e) analyze(r, ne, e, SIZE_MAX);
    return true;
}

/* "Gulf War", "Caesar Act", "Operation Matador": names of things and
 * events. The head is the last word before the first connector. */
static bool thing(const rg_ner *r, size_t s, size_t e)
{
    if (bits(r, s) & RG_GAZ_THING_PRE && r->tk[s].cap && e - s >= 2) return true;
    size_t k = s;
    while (k + 1 < e && !connector(r, k + 1))
        k++;
    return k > s && r->tk[k].cap && (bits(r, k) & RG_GAZ_THING) && !r->tk[s].ent_len;
}

/* One unknown name: type from its shape and context, or untyped. */
static void unknown(rg_ner *r, size_t s, size_t e, size_t the)
{
    if (r->headline) return;
    if (e - s == 1) {
        uint32_t b = bits(r, s);
        size_t len = r->toks[s].end - r->toks[s].begin;
        if (allcaps(r, s) && len >= 2 && len <= 10 && !(b & RG_GAZ_STOP) &&
            !(len >= 4 && (b & RG_GAZ_COMMON))) {
            emit_typed(r, the, s, e, RG_MENTION_ORGANISATION, RG_NM_ACRONYM);
            return;
        }
        if (b & (RG_GAZ_STOP | RG_GAZ_DEMONYM | RG_GAZ_TITLE)) return;
        if ((b & (RG_GAZ_ORG_HEAD | RG_GAZ_INST_HEAD)) && !initial(r, s)) {
            /* a capitalised head noun alone ("the Coalition's aircraft",
             * "Army units") names a body: nominal, resolved like "the Mechanism" */
            int type = (b & RG_GAZ_INST_HEAD) ? RG_MENTION_INSTITUTION : RG_MENTION_ORGANISATION;
            emit_typed(r, the, s, e, type, RG_NM_NOMINAL);
            return;
        }
        if (b & RG_GAZ_COMMON) { /* "Cook said": only as a short form of a name seen before */
            emit(r, s, e, s, e, RG_NER_UNTYPED, RG_NM_WEAK);
            return;
        }
        if (r->toks[s].shape & RG_SHAPE_DIGIT) return;
    }
    if (loc_prep_before(r, s) || after_place_list(r, s))
        emit(r, s, e, s, e, RG_MENTION_PLACE, RG_NM_WEAK);
    else if (person_cue_after(r, e) || person_cue_before(r, s))
        emit(r, s, e, s, e, RG_MENTION_PERSON, RG_NM_WEAK);
    else {
        bool common = false;
        for (size_t k = s; k < e; k++)
            if (bits(r, k) & (RG_GAZ_COMMON | RG_GAZ_DEMONYM)) common = true;
        if (e - s >= 2 && !common)
            emit(r, s, e, s, e, RG_MENTION_PERSON, RG_NM_WEAK);
        else
            emit_typed(r, the, s, e, e - s >= 2 ? RG_MENTION_ORGANISATION : RG_NER_UNTYPED,
                       RG_NM_WEAK);
    }
}

static void analyze(rg_ner *r, size_t s, size_t e, size_t the)
{
    s = strip_start(r, s, e, &the);
    while (e > s && !r->tk[e - 1].cap && r->toks[e - 1].kind != RG_TOK_PUNCT)
        e--;
    if (s >= e) return;
    const rg_ner_tok *t = &r->tk[s];
    if (the != SIZE_MAX && r->tk[the].ent_len == e - the) { /* "the Netherlands" */
        emit(r, the, e, s, e, known_type(r->tk[the].ent_bits), RG_NM_KNOWN);
        return;
    }
    if (t->ent_len == e - s) {
        int type = known_type(t->ent_bits);
        emit_typed(r, the, s, e, type, RG_NM_KNOWN);
        return;
    }
    if (titled(r, s, e, the)) return;
    if (thing(r, s, e)) {
        emit_nested(r, s, e);
        return;
    }
    int h = e - s >= 2 ? head_type(r, s, e) : -1;
    if (h >= 0) {
        emit_typed(r, the, s, e, h, 0);
        emit_nested(r, s, e);
        return;
    }
    if (t->ent_len > 0 && t->ent_len < e - s) {
        emit_typed(r, the, s, s + t->ent_len, known_type(t->ent_bits), RG_NM_KNOWN);
        analyze(r, s + t->ent_len, e, SIZE_MAX);
        return;
    }
    if (t->bits & RG_GAZ_DEMONYM) {
        if (e - s > 1) analyze(r, s + 1, e, SIZE_MAX);
        return;
    }
    if (person_evidence(r, s, e)) {
        /* "near Al Huwayjah": an Arabic article after a location preposition
         * starts a place name, unless a given name starts a person's */
        bool place = loc_prep_before(r, s) && !any_given(r, s, e);
        emit(r, s, e, s, e, place ? RG_MENTION_PLACE : RG_MENTION_PERSON, place ? RG_NM_WEAK : 0);
        return;
    }
    unknown(r, s, e, the);
}

/* ---- sentence-level rules --------------------------------------------- */

static bool bullet(uint32_t cp)
{
    return cp == 0x2022 || cp == 0xB7 || cp == '-' || cp == '*' || cp == 0x2013 || cp == 0x25AA ||
           cp == 0x2023 || cp == 0x25E6 || cp == 0x25CF || cp == 0x2043;
}

/* "12. Syrian Network for Human Rights", "• Women Now": a list item that
 * is a short capitalised name is one name (signatory lists). */
static bool list_item(rg_ner *r)
{
    size_t n = r->ntoks, s;
    if (n >= 3 && r->toks[0].kind == RG_TOK_NUM && (is_punct(r, 1, '.') || is_punct(r, 1, ')')))
        s = 2;
    else if (n >= 2 && r->toks[0].kind == RG_TOK_PUNCT && bullet(r->toks[0].cp))
        s = 1;
    else
        return false;
    size_t e = n;
    while (e > s && r->toks[e - 1].kind == RG_TOK_PUNCT && r->toks[e - 1].cp != ')')
        e--;
    if (e <= s || !cap(r, s)) return false;
    unsigned words = 0, caps = 0;
    for (size_t k = s; k < e; k++) {
        if (r->toks[k].kind == RG_TOK_PUNCT &&
            (r->toks[k].cp == ':' || r->toks[k].cp == ',' || r->toks[k].cp == ';' ||
             (r->toks[k].cp == '.' && k + 1 < e && r->toks[k + 1].space)))
            return false;
        if (r->toks[k].kind != RG_TOK_WORD || connector(r, k)) continue;
        words++;
        if (r->tk[k].cap) caps++;
    }
    if (words == 0 || words > 12 || caps * 10 < words * 7) return false;
    if (e - s == 1 && (r->tk[s].bits & (RG_GAZ_STOP | RG_GAZ_COMMON)) && !r->tk[s].ent_len)
        return false; /* "-ENDS-", "- Note" */
    const rg_ner_tok *t = &r->tk[s];
    int type = t->ent_len == e - s ? known_type(t->ent_bits) : head_type(r, s, e);
    if (type < 0 || type == RG_NER_UNTYPED) type = RG_MENTION_ORGANISATION;
    emit(r, s, e, s, e, type, RG_NM_LIST);
    emit_nested(r, s, e);
    return true;
}

/* "(IIIM)" right after a name: the acronym is an alias of that name. */
/* Do the capitals of the acronym token spell the initials of the capitalised
 * words of mention m? */
static bool initials_agree(const rg_ner *r, const rg_ner_mention *m, size_t acr)
{
    char ini[32], let[32];
    size_t ni = 0, nl = 0;
    for (size_t k = 0; k < r->ntoks && ni + 1 < sizeof ini; k++)
        if (r->toks[k].begin >= m->name_begin && r->toks[k].end <= m->name_end && r->tk[k].cap)
            ini[ni++] = (char)(r->toks[k].cp < 128 ? r->toks[k].cp : '?');
    for (uint32_t p = r->toks[acr].begin; p < r->toks[acr].end && nl + 1 < sizeof let; p++)
        if (r->text[p] >= 'A' && r->text[p] <= 'Z') let[nl++] = r->text[p];
    for (size_t k = 0; k < ni; k++)
        if (ini[k] >= 'a' && ini[k] <= 'z') ini[k] = (char)(ini[k] - 32);
    return ni == nl && memcmp(ini, let, ni) == 0;
}

static bool paren_acronym(rg_ner *r, size_t i)
{
    if (!is_punct(r, i, '(') || !is_punct(r, i + 2, ')') || !cap(r, i + 1)) return false;
    if (!allcaps(r, i + 1) && !(r->toks[i + 1].shape & RG_SHAPE_MIXED)) return false;
    if (r->nmentions == 0 || i == 0) return false;
    rg_ner_mention *prev = &r->mentions[r->nmentions - 1];
    if (prev->sentence != r->sentence || prev->end != r->toks[i - 1].end) return false;
    int type = prev->type;
    /* "al-Qaeda in Iraq (AQI)": a place or person before the brackets is
     * only expanded when the letters agree */
    if (type != RG_MENTION_ORGANISATION && type != RG_MENTION_INSTITUTION &&
        !initials_agree(r, prev, i + 1))
        return false;
    uint32_t pi = (uint32_t)(r->nmentions - 1);
    uint32_t m = emit(r, i + 1, i + 2, i + 1, i + 2, type, RG_NM_ACRONYM);
    r->mentions[m].alias_of = pi;
    return true;
}

static bool group_org(const rg_ner *r, size_t g)
{
    return tok_is(r, g, "regime") || tok_is(r, g, "rebels") || tok_is(r, g, "fighters") ||
           tok_is(r, g, "coalition") || tok_is(r, g, "opposition") || tok_is(r, g, "militia") ||
           tok_is(r, g, "militias");
}

/* "Iraqi forces", "the Syrian government", "the Assad regime". Returns
 * the end of the group mention, or 0. */
static size_t group(rg_ner *r, size_t s, size_t e, size_t the)
{
    size_t g = e; /* "Assad's regime" */
    if (g + 1 < r->ntoks && r->toks[g].kind == RG_TOK_PUNCT &&
        (r->toks[g].cp == '\'' || r->toks[g].cp == 0x2019) && tok_is(r, g + 1, "s"))
        g += 2;
    if (g >= r->ntoks || r->tk[g].grp_len == 0 || r->tk[g].cap || e - s > 3) return 0;
    if (head_type(r, s, e) >= 0) return 0;
    bool state = (bits(r, s) & RG_GAZ_DEMONYM) || (r->tk[s].ent_bits & RG_GAZ_COUNTRY);
    if (!state && (bits(r, s) & (RG_GAZ_COMMON | RG_GAZ_STOP))) return 0;
    if (state && g != e) return 0; /* "Syria's government" stays a place */
    /* "the Syrian coalition", but not "the counter-ISIL coalition" */
    if (!state && (tok_is(r, g, "coalition") || tok_is(r, g, "opposition"))) return 0;
    size_t ge = g + r->tk[g].grp_len;
    int type = (group_org(r, g) || !state) ? RG_MENTION_ORGANISATION : RG_MENTION_INSTITUTION;
    size_t b = the != SIZE_MAX ? the : s;
    emit(r, b, ge, s, ge, type, RG_NM_GROUP);
    if (!state && !r->tk[s].ent_len && !(bits(r, s) & RG_GAZ_COMMON) && e - s <= 2 &&
        !allcaps(r, s))
        emit(r, s, e, s, e, RG_MENTION_PERSON, RG_NM_NESTED | RG_NM_WEAK); /* "the Asad regime" */
    else
        emit_nested(r, s, e);
    return ge;
}

/* "the Association of Caesar Families" is a name, not the nominal "the
 * Association". */
static bool nominal_continues(const rg_ner *r, size_t i)
{
    size_t last = i + r->tk[i].nom_len - 1;
    if (!cap(r, last)) return false;
    size_t s = last;
    while (s > i && cap(r, s - 1))
        s--;
    return chunk_end(r, s) > last + 1;
}

static size_t nominal(rg_ner *r, size_t i)
{
    const rg_ner_tok *t = &r->tk[i];
    int type = (t->nom_bits & RG_GAZ_NOMINAL_PLACE)  ? RG_MENTION_PLACE
               : (t->nom_bits & RG_GAZ_NOMINAL_INST) ? RG_MENTION_INSTITUTION
                                                     : RG_MENTION_ORGANISATION;
    size_t e = i + t->nom_len, ns = i;
    if (tok_is(r, i, "the") && t->nom_len > 1) ns = i + 1;
    /* "the government of Iraq": the nominal names the state's body */
    if (type == RG_MENTION_INSTITUTION && tok_is(r, e, "of") && e + 1 < r->ntoks &&
        r->tk[e + 1].ent_len && (r->tk[e + 1].ent_bits & RG_GAZ_COUNTRY) &&
        case_ok(r, e + 1, e + r->tk[e + 1].ent_len, r->tk[e + 1].ent_bits)) {
        size_t ce = e + 1 + r->tk[e + 1].ent_len;
        emit(r, i, ce, ns, ce, type, 0);
        emit(r, e + 1, ce, e + 1, ce, RG_MENTION_PLACE, RG_NM_KNOWN | RG_NM_NESTED);
        return ce;
    }
    emit(r, i, e, ns, e, type, RG_NM_NOMINAL);
    emit_nested(r, ns, e);
    return e;
}

/* "the Syria-Iraq border", "the Iran-Iraq War": a hyphenated word whose
 * parts are all known places names each of them. */
static bool hyphen_places(rg_ner *r, size_t i)
{
    const rg_token *t = &r->toks[i];
    if (!r->tk[i].cap || r->tk[i].ent_len || !memchr(r->text + t->begin, '-', t->end - t->begin))
        return false;
    uint32_t parts[8][2];
    size_t np = 0;
    for (uint32_t b = t->begin, p = t->begin; p <= t->end; p++) {
        if (p < t->end && r->text[p] != '-') continue;
        if (np == 8 || p == b) return false;
        char f[RG_TOKEN_MAX * 3];
        size_t fn = rg_token_fold(r->text + b, p - b, f, sizeof f);
        uint32_t gb = rg_gaz_lookup(r->gaz, f, fn);
        if (!(gb & RG_GAZ_PLACE) || !rg_cp_is_upper((unsigned char)r->text[b])) return false;
        parts[np][0] = b;
        parts[np++][1] = p;
        b = p + 1;
    }
    if (np < 2) return false;
    for (size_t k = 0; k < np; k++) {
        rg_ner_mention *m = RG_PUSH(r->mentions, r->nmentions, r->cap_mentions);
        m->begin = m->name_begin = parts[k][0];
        m->end = m->name_end = parts[k][1];
        m->sentence = r->sentence;
        m->alias_of = RG_NONE;
        m->type = RG_MENTION_PLACE;
        m->flags = RG_NM_KNOWN;
    }
    return true;
}

/* ---- countries acting as states ---------------------------------------- */

/* Index of the token starting at byte b, or SIZE_MAX. */
static size_t tok_at(const rg_ner *r, uint32_t b)
{
    size_t lo = 0, hi = r->ntoks;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (r->toks[mid].begin < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < r->ntoks && r->toks[lo].begin == b ? lo : SIZE_MAX;
}

/* Does the country named by tokens [s, e) act as a state here? As the
 * premodifier of a body or of what a state does ("U.S. Central Command",
 * "UK Government", "U.S. Marines", "U.S. strikes", "U.S. officials"), yes.
 * After a location preposition ("in Iraq", "across Syria"), as a possessive
 * ("Iraq's communities") or alone, it stays a place. */
static bool state_actor(const rg_ner *r, size_t s, size_t e)
{
    if (possessive(r, e) || e >= r->ntoks || r->headline) return false;
    if (r->toks[e].kind != RG_TOK_WORD || after_place_list(r, s)) return false;
    /* "to U.S. officials": the premodifier wins over the preposition */
    if (!r->tk[e].cap && (bits(r, e) & RG_GAZ_STATE_CUE)) return true;
    if (loc_prep_before(r, s)) return false;
    if (!r->tk[e].cap) {
        /* the subject of its clause: first in the sentence, or after
         * "The", a comma or "and" ("The UK remains", "France and Russia
         * agreed"), not the object of a preposition ("the Government of
         * Iraq has") */
        size_t p = s > 0 && tok_is(r, s - 1, "the") ? s - 1 : s;
        bool subject =
            p == 0 || initial(r, p) || is_punct(r, p - 1, ',') || tok_is(r, p - 1, "and");
        return subject && (bits(r, e) & RG_GAZ_STATE_VERB);
    }
    /* a capitalised word after the country: a body or an office of that
     * state, unless it is itself a place, a month or a day ("Syria
     * December"), or the country ends a title ("Minister for Iraq Affairs") */
    uint32_t b = bits(r, e) | r->tk[e].ent_bits;
    if (b & (RG_GAZ_PLACE | RG_GAZ_STOP | RG_GAZ_DEMONYM)) return false;
    if (s > 0 && r->tk[s - 1].cap) return false;
    const uint32_t body = RG_GAZ_INST_HEAD | RG_GAZ_ORG_HEAD | RG_GAZ_TITLE | RG_GAZ_INST |
                          RG_GAZ_ORG | RG_GAZ_STATE_CUE | RG_GAZ_GROUP_NOUN;
    for (size_t k = e; k < r->ntoks && k < e + 4 && r->tk[k].cap; k++)
        if ((bits(r, k) | r->tk[k].ent_bits) & body || r->tk[k].title_len) return true;
    return false;
}

/* Retypes the countries of this sentence's mentions (from index `first`)
 * that act as states: institutions (docs/EXTRACTION.md). */
static void state_actors(rg_ner *r, size_t first)
{
    for (size_t k = first; k < r->nmentions; k++) {
        rg_ner_mention *m = &r->mentions[k];
        if (m->type != RG_MENTION_PLACE || !(m->flags & RG_NM_KNOWN)) continue;
        size_t s = tok_at(r, m->begin);
        if (s == SIZE_MAX || !(r->tk[s].ent_bits & RG_GAZ_COUNTRY)) continue;
        size_t e = s + r->tk[s].ent_len;
        if (e > r->ntoks || r->toks[e - 1].end != m->end) continue;
        if (!state_actor(r, s, e)) continue;
        m->type = RG_MENTION_INSTITUTION;
        if (s > 0 && tok_is(r, s - 1, "the")) m->begin = r->toks[s - 1].begin; /* "The UK" */
    }
}

void rg_ner_sentence(rg_ner *r, const rg_token *toks, size_t n, uint32_t sentence)
{
    size_t first = r->nmentions;
    if (n == 0) return;
    r->sentence = sentence;
    prepare(r, toks, n);
    if (list_item(r)) return;
    size_t i = 0;
    while (i < n) {
        if (paren_acronym(r, i)) {
            i += 3;
            continue;
        }
        if (r->tk[i].nom_len && !(r->tk[i].cap && r->tk[i].ent_len > r->tk[i].nom_len) &&
            !nominal_continues(r, i)) {
            i = nominal(r, i);
            continue;
        }
        if (!r->tk[i].cap || hyphen_places(r, i)) {
            i++;
            continue;
        }
        size_t the = (i > 0 && tok_is(r, i - 1, "the")) ? i - 1 : SIZE_MAX;
        size_t e = chunk_end(r, i);
        size_t ge = group(r, i, e, the);
        if (ge)
            e = ge;
        else
            analyze(r, i, e, the);
        i = e > i ? e : i + 1;
    }
    state_actors(r, first);
}
