#include "rg_sentence.h"

#include <stdlib.h>
#include <string.h>

#include "rg_util.h"

void rg_splitter_init(rg_splitter *sp, const char *s, size_t len, const rg_gazetteer *gaz)
{
    rg_tokenizer_init(&sp->tz, s, len);
    sp->gaz = gaz;
    sp->has_look = rg_tokenizer_next(&sp->tz, &sp->look);
}

static bool is_terminal(uint32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

static bool is_closer(uint32_t cp)
{
    return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 ||
           cp == 0xBB;
}

/* Can `t` begin a sentence after a terminal period? */
static bool starts_sentence(const rg_token *t)
{
    if (t->kind == RG_TOK_NUM) return true;
    if (t->kind == RG_TOK_WORD) return (t->shape & (RG_SHAPE_UPINIT | RG_SHAPE_ALLCAPS)) != 0;
    uint32_t c = t->cp;
    return c == '"' || c == 0x201C || c == '(' || c == '[' || c == 0x2022 || c == '-' || c == '*' ||
           c == 0x2018 || c == '\'' || c == 0x2013 || c == 0x2014;
}

/* Is the period after word token w part of an abbreviation? */
static bool abbrev_before(const rg_splitter *sp, const rg_token *w)
{
    if (w->kind != RG_TOK_WORD) return false;
    size_t n = w->end - w->begin;
    const char *s = sp->tz.s + w->begin;
    if (n <= 4 && (w->shape & RG_SHAPE_UPINIT)) { /* an initial: "J." */
        int32_t cp;
        if (rg_utf8_next(s, n, &cp) == n) return true;
    }
    char f[RG_TOKEN_MAX * 2];
    size_t fn = rg_token_fold(s, n, f, sizeof f);
    return (rg_gaz_lookup(sp->gaz, f, fn) & RG_GAZ_ABBREV) != 0;
}

/* Is the line that ends with token prev a long line of prose: HARD_WRAP
 * bytes or more, with at least three lower-case words (a title-case heading
 * has few)? Looks back at most 256 bytes. */
#define HARD_WRAP 50

static bool prose_line(const rg_splitter *sp, const rg_token *prev)
{
    const char *s = sp->tz.s;
    size_t b = prev->end, k = 0;
    unsigned lower = 0;
    while (b > 0 && s[b - 1] != '\n' && k < 256) {
        b--;
        k++;
        if (s[b] >= 'a' && s[b] <= 'z' && (b == 0 || s[b - 1] == ' ')) lower++;
    }
    return prev->end - b >= HARD_WRAP && lower >= 3;
}

/* Does a line break before `next` end the sentence whose last token is prev?
 * A blank line always does. A single line break does not when the text runs
 * on (lower-case word or comma before, lower-case word after), nor inside a
 * hard-wrapped paragraph: a long line of prose (prose_line) that does not
 * end a sentence, followed by a word ("Foreign Minister\nZafir ...").
 * Headings and list items are short or start with a bullet or number, so
 * they stay sentences of their own. */
static bool line_break_ends(const rg_splitter *sp, const rg_token *prev, const rg_token *next)
{
    if (next->nl >= 2) return true;
    bool prev_runs =
        (prev->kind == RG_TOK_WORD && (prev->shape & RG_SHAPE_LOWER)) || prev->cp == ',';
    bool next_runs = next->kind == RG_TOK_WORD && (next->shape & RG_SHAPE_LOWER);
    if (prev_runs && next_runs) return false;
    bool prev_open = prev->kind == RG_TOK_WORD || prev->cp == ',' || prev->cp == ';' ||
                     prev->cp == '-' || prev->cp == 0x2013 || prev->cp == ')';
    return !(prev_open && next->kind == RG_TOK_WORD && prose_line(sp, prev));
}

/* Does a sentence end between toks[n-1] and next? */
static bool boundary(const rg_splitter *sp, const rg_token *toks, size_t n, const rg_token *next)
{
    const rg_token *prev = &toks[n - 1];
    if (next->nl) return line_break_ends(sp, prev, next);
    size_t i = n;
    while (i > 0 && toks[i - 1].kind == RG_TOK_PUNCT && is_closer(toks[i - 1].cp))
        i--;
    if (i == 0 || toks[i - 1].kind != RG_TOK_PUNCT || !is_terminal(toks[i - 1].cp)) return false;
    if (!starts_sentence(next) || !next->space) return false; /* "e.V", "3.5" */
    if (n == 2 && toks[0].kind == RG_TOK_NUM) return false;   /* "12. Women Now": a list number */
    if (toks[i - 1].cp == '.' && i == n && i >= 2 && toks[i - 2].end == toks[i - 1].begin &&
        abbrev_before(sp, &toks[i - 2]))
        return false;
    return true;
}

size_t rg_splitter_next(rg_splitter *sp, rg_token **toks, size_t *cap)
{
    size_t n = 0;
    if (!sp->has_look) return 0;
    /* a sentence has at most RG_SENTENCE_MAX tokens: make room once */
    rg_grow(toks, cap, RG_SENTENCE_MAX, sizeof **toks);
    rg_token *a = *toks;
    a[n++] = sp->look;
    for (;;) {
        rg_token t;
        sp->has_look = rg_tokenizer_next(&sp->tz, &t);
        if (!sp->has_look) break;
        if (boundary(sp, a, n, &t) || n >= RG_SENTENCE_MAX) {
            sp->look = t;
            break;
        }
        a[n++] = t;
    }
    return n;
}

size_t rg_sentence_split(const char *s, size_t len, const rg_gazetteer *gaz, uint32_t (**spans)[2])
{
    rg_splitter sp;
    rg_splitter_init(&sp, s, len, gaz);
    rg_token *toks = NULL;
    size_t cap = 0, n, ns = 0, scap = 0;
    uint32_t(*out)[2] = NULL;
    while ((n = rg_splitter_next(&sp, &toks, &cap)) > 0) {
        uint32_t *p = *RG_PUSH(out, ns, scap);
        p[0] = toks[0].begin;
        p[1] = toks[n - 1].end;
    }
    free(toks);
    *spans = out;
    return ns;
}
