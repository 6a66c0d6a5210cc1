/* bench_resolve: cross-document entity resolution at scale.
 *
 * Generates a synthetic corpus graph at run time: A actors (persons,
 * organisations, places with made-up names), each written in several ways
 * (particles, transliteration, titles, bare surnames, word order, "the",
 * typos, acronyms), spread over documents as extracted document entities
 * with spans, until M mentions exist. Then times rg_resolve_graph() and
 * scores the result against the known actors: split actors (one actor in
 * several nodes) and fused nodes (several actors in one node).
 *
 * usage: bench_resolve [MENTIONS [ACTORS]]     (default 1000000 100000)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rg_resolve.h"

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint32_t rnd(uint32_t n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng % n);
}

static double clock_s(clockid_t id)
{
    struct timespec t;
    clock_gettime(id, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}
static double now(void)
{
    return clock_s(CLOCK_MONOTONIC);
}
/* CPU time too: on a shared machine wall time overstates the work. */
static double cpu(void)
{
    return clock_s(CLOCK_PROCESS_CPUTIME_ID);
}

/* A made-up capitalised word of `syl` syllables. */
static void word(char *out, int syl)
{
    static const char cons[] = "bdfhjklmnrstwz", vow[] = "aiu";
    size_t k = 0;
    for (int i = 0; i < syl; i++) {
        out[k++] = cons[rnd(sizeof cons - 1)];
        out[k++] = vow[rnd(sizeof vow - 1)];
        if (rnd(3) == 0) out[k++] = cons[rnd(sizeof cons - 1)];
    }
    out[k] = '\0';
    out[0] = (char)(out[0] - 'a' + 'A');
}

typedef struct actor {
    rg_node_type type;
    char *forms[8];
    int nforms;
} actor;

/* Spelling variants of a surname the resolver should unify: "ou" for "u",
 * "ee" for "i", doubled consonant. */
static char *translit(const char *s)
{
    rg_buf b = {0};
    for (const char *p = s; *p; p++) {
        if (*p == 'u') rg_buf_puts(&b, "ou");
        else if (*p == 'i' && p[1] != 'i') rg_buf_puts(&b, "ee");
        else rg_buf_putc(&b, *p);
    }
    return rg_buf_detach(&b);
}

static void make_person(actor *a)
{
    char g[32], s[32];
    word(g, 2);
    word(s, 3);
    char *t = translit(s);
    a->type = RG_NODE_PERSON;
    a->forms[a->nforms++] = rg_sprintf("%s al-%s", g, s);
    a->forms[a->nforms++] = rg_sprintf("%s Al %s", g, t);
    a->forms[a->nforms++] = rg_sprintf("%s %s", g, s);
    a->forms[a->nforms++] = rg_sprintf("Minister %s", s);
    a->forms[a->nforms++] = rg_sprintf("%c. %s", g[0], s);
    free(t);
}

static void make_org(actor *a)
{
    static const char *const kinds[] = {"Association", "Network", "Council", "Committee",
                                        "Centre", "Foundation"};
    char w1[32], w2[32];
    word(w1, 3);
    word(w2, 3);
    const char *k = kinds[rnd(6)];
    a->type = RG_NODE_ORGANISATION;
    a->forms[a->nforms++] = rg_sprintf("%s %s %s", w1, w2, k);
    a->forms[a->nforms++] = rg_sprintf("%s of %s %s", k, w1, w2);
    a->forms[a->nforms++] = rg_sprintf("the %s %s %s", w1, w2, k);
    /* a typo: one letter of the longer word dropped */
    char typo[32];
    const char *lw = strlen(w1) >= strlen(w2) ? w1 : w2;
    size_t at = 1 + rnd((uint32_t)strlen(lw) - 2);
    memcpy(typo, lw, at);
    strcpy(typo + at, lw + at + 1);
    a->forms[a->nforms++] = lw == w1 ? rg_sprintf("%s %s %s", typo, w2, k)
                                     : rg_sprintf("%s %s %s", w1, typo, k);
    a->forms[a->nforms++] = rg_sprintf("%c%c%c", w1[0], w2[0], k[0]); /* acronym */
}

static void make_place(actor *a)
{
    char w[32];
    word(w, 3);
    a->type = RG_NODE_PLACE;
    a->forms[a->nforms++] = rg_sprintf("%s", w);
    a->forms[a->nforms++] = rg_sprintf("the %s", w);
}

int main(int argc, char **argv)
{
    unsigned long mentions = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000000;
    unsigned long nactors = argc > 2 ? strtoul(argv[2], NULL, 10) : 100000;
    rg_set_quiet(true);
    double t0 = now();
    actor *actors = rg_calloc(nactors, sizeof *actors);
    for (size_t i = 0; i < nactors; i++) {
        uint32_t k = rnd(10);
        if (k < 4) make_person(&actors[i]);
        else if (k < 8) make_org(&actors[i]);
        else make_place(&actors[i]);
    }
    /* truth: (type, form) -> actor, or RG_NONE - 1 when two actors share it */
    rg_strmap truth;
    rg_strmap_init(&truth);
    for (size_t i = 0; i < nactors; i++)
        for (int f = 0; f < actors[i].nforms; f++) {
            char *k = rg_sprintf("%d|%s", actors[i].type, actors[i].forms[f]);
            uint32_t v;
            rg_strmap_put(&truth, k, rg_strmap_get(&truth, k, &v) && v != i ? RG_NONE - 1
                                                                              : (uint32_t)i);
            free(k);
        }

    rg_graph g;
    rg_graph_init(&g);
    unsigned long made = 0;
    uint32_t docno = 0;
    while (made < mentions) {
        char id[32];
        snprintf(id, sizeof id, "doc%06u", docno++);
        rg_document d = {.id = id};
        uint32_t doc = rg_graph_add_doc(&g, &d);
        for (int e = 0; e < 10 && made < mentions; e++) {
            actor *a = &actors[rnd((uint32_t)nactors)];
            const char *form = a->forms[rnd((uint32_t)a->nforms)];
            uint32_t node;
            rg_graph_add_node(&g, NULL, a->type, form, &node, NULL);
            uint32_t k = 1 + rnd(8);
            rg_graph_node_add_alias(&g, node, form, k);
            for (uint32_t m = 0; m < k; m++) {
                rg_graph_node_add_mention(&g, node, (rg_span){doc, 100 * e + m, 100 * e + m + 5});
                made++;
            }
        }
    }
    double t1 = now(), c1 = cpu();
    size_t before = g.nnodes;
    rg_resolve_stats st;
    rg_resolve_opts o = {.stats = &st};
    rg_error err = {0};
    if (rg_resolve_graph(&g, &o, &err) != RG_OK) {
        fprintf(stderr, "bench_resolve: %s\n", err.msg);
        return 1;
    }
    double t2 = now(), c2 = cpu();

    /* score: fused nodes hold several actors; split actors sit in several nodes */
    uint32_t *home = rg_malloc(nactors * sizeof *home);
    for (size_t i = 0; i < nactors; i++) home[i] = RG_NONE;
    size_t fused = 0, split = 0, seen = 0;
    for (size_t n = 0; n < g.nnodes; n++) {
        uint32_t who = RG_NONE;
        bool several = false;
        for (size_t a = 0; a < g.nodes[n].naliases; a++) {
            char *k = rg_sprintf("%d|%s", g.nodes[n].type, g.nodes[n].aliases[a].name);
            uint32_t v;
            if (rg_strmap_get(&truth, k, &v) && v < RG_NONE - 1) {
                if (who != RG_NONE && who != v) several = true;
                who = v;
                if (home[v] == RG_NONE) home[v] = (uint32_t)n, seen++;
                else if (home[v] != n && home[v] != RG_NONE - 1) home[v] = RG_NONE - 1, split++;
            }
            free(k);
        }
        fused += several;
    }
    printf("bench_resolve: %lu mentions, %u documents, %lu actors\n", made, docno, nactors);
    printf("  generate   %.2f s\n", t1 - t0);
    printf("  resolve    %.2f s wall, %.2f s CPU  (%.0f mentions/s of CPU, %.0f nodes/s)\n",
           t2 - t1, c2 - c1, (double)made / (c2 - c1), (double)before / (c2 - c1));
    printf("  nodes      %zu -> %zu\n", before, g.nnodes);
    printf("  merges     key %zu, typo %zu, acronym %zu, short %zu, middle %zu, initial %zu, "
           "surname %zu; ambiguous left alone %zu\n",
           st.merges[RG_RULE_KEY], st.merges[RG_RULE_TYPO], st.merges[RG_RULE_ACRONYM],
           st.merges[RG_RULE_SHORT], st.merges[RG_RULE_MIDDLE], st.merges[RG_RULE_INITIAL],
           st.merges[RG_RULE_SURNAME], st.ambiguous);
    printf("  quality    %zu actors seen, %zu split (%.2f%%), %zu fused nodes (%.3f%%)\n", seen,
           split, seen ? 100.0 * (double)split / (double)seen : 0.0, fused,
           g.nnodes ? 100.0 * (double)fused / (double)g.nnodes : 0.0);
    rg_graph_free(&g);
    rg_strmap_free(&truth);
    for (size_t i = 0; i < nactors; i++)
        for (int f = 0; f < actors[i].nforms; f++) free(actors[i].forms[f]);
    free(actors);
    free(home);
    return 0;
}
