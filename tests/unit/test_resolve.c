/* Entity resolution: name keys, each resolver rule on synthetic graphs
 * (including the pairs that must not merge), the alias file, determinism. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rg_json.h"
#include "rg_resolve.h"
#include "resolve_int.h"
#include "rg_test.h"

/* ---- helpers ------------------------------------------------------------- */

/* One document entity: type, label, document; its aliases are the label
 * and the '|'-separated extra names, one mention each. */
typedef struct ent {
    const char *type, *label, *doc, *aliases;
} ent;

static uint32_t add_ent(rg_graph *g, const ent *e, uint32_t serial)
{
    rg_document d = {.id = (char *)e->doc};
    uint32_t doc = rg_graph_add_doc(g, &d);
    rg_node_type t;
    rg_node_type_parse(e->type, &t);
    char *id = rg_sprintf("%s#%s#%u", e->doc, e->label, serial);
    uint32_t idx;
    rg_graph_add_node(g, id, t, e->label, &idx, NULL);
    free(id);
    rg_graph_node_add_alias(g, idx, e->label, 1);
    rg_graph_node_add_mention(g, idx, (rg_span){doc, serial * 100, serial * 100 + 5});
    if (e->aliases) {
        char *copy = rg_strdup(e->aliases);
        uint32_t k = 1;
        for (char *a = strtok(copy, "|"); a; a = strtok(NULL, "|"), k++) {
            rg_graph_node_add_alias(g, idx, a, 1);
            rg_graph_node_add_mention(
                g, idx, (rg_span){doc, serial * 100 + k * 10, serial * 100 + k * 10 + 3});
        }
        free(copy);
    }
    return idx;
}

static void build(rg_graph *g, const ent *e, size_t n)
{
    rg_graph_init(g);
    for (size_t i = 0; i < n; i++)
        add_ent(g, &e[i], (uint32_t)i);
}

/* Node holding alias `name` (exact), or RG_NONE. */
static uint32_t holder(const rg_graph *g, const char *name)
{
    for (size_t i = 0; i < g->nnodes; i++)
        for (size_t a = 0; a < g->nodes[i].naliases; a++)
            if (strcmp(g->nodes[i].aliases[a].name, name) == 0) return (uint32_t)i;
    return RG_NONE;
}

static bool together(const rg_graph *g, const char *a, const char *b)
{
    uint32_t x = holder(g, a), y = holder(g, b);
    return x != RG_NONE && x == y;
}

static bool apart(const rg_graph *g, const char *a, const char *b)
{
    uint32_t x = holder(g, a), y = holder(g, b);
    return x != RG_NONE && y != RG_NONE && x != y;
}

static rg_status resolve(rg_graph *g, const char *aliases_text, rg_resolve_stats *st, rg_error *err)
{
    rg_aliases *al = NULL;
    if (aliases_text) {
        rg_status rc =
            rg_aliases_parse("test.aliases", aliases_text, strlen(aliases_text), &al, err);
        if (rc) return rc;
    }
    rg_resolve_opts o = {.aliases = al, .stats = st};
    rg_status rc = rg_resolve_graph(g, &o, err);
    rg_aliases_free(al);
    return rc;
}

#define RESOLVED(g, ents)                                                                          \
    do {                                                                                           \
        build(&(g), ents, sizeof ents / sizeof *ents);                                             \
        RG_CHECK(resolve(&(g), NULL, NULL, NULL) == RG_OK);                                        \
    } while (0)

static bool key_cmp(rg_node_type t, const char *a, const char *b, bool want_same)
{
    char *x = rg_name_key(t, a), *y = rg_name_key(t, b);
    bool s = strcmp(x, y) == 0;
    if (s != want_same) fprintf(stderr, "  key(%s) = '%s', key(%s) = '%s'\n", a, x, b, y);
    free(x);
    free(y);
    return s;
}
#define same_key(t, a, b) key_cmp(t, a, b, true)
#define diff_key(t, a, b) (!key_cmp(t, a, b, false))

/* ---- name keys ------------------------------------------------------------ */

static void test_keys(void)
{
    rg_node_type P = RG_NODE_PERSON, O = RG_NODE_ORGANISATION, L = RG_NODE_PLACE;
    /* folding, particles and hyphens, transliteration */
    RG_CHECK(same_key(P, "Asaad al-Shibani", "ASAAD AL SHIBANI"));
    RG_CHECK(same_key(P, "Asaad al-Shibani", "Asaad Al Shaibani"));
    RG_CHECK(same_key(P, "Mohammed Ali", "Muhammad Ali"));
    RG_CHECK(same_key(P, "Mohamed Ali", "Muhammad Ali"));
    RG_CHECK(same_key(P, "Abdel Salam Mahmoud", "Abd al-Salam Mahmoud"));
    RG_CHECK(same_key(P, "Abdelsalam Mahmoud", "Abd al-Salam Mahmud"));
    RG_CHECK(same_key(P, "Hussein Ali", "Husayn Ali"));
    RG_CHECK(same_key(P, "José Müller", "Jose Muller"));
    RG_CHECK(same_key(P, "Petit, Robert", "Robert Petit"));
    RG_CHECK(same_key(P, "Foreign Minister Asaad al-Shibani", "Asaad al-Shibani"));
    RG_CHECK(diff_key(P, "Bashar al-Assad", "Maher al-Assad"));
    RG_CHECK(diff_key(P, "Jamil Hassan", "Jamal Hassan"));
    /* organisations: order, stop words, designators */
    RG_CHECK(same_key(O, "Caesar Families Association", "Association of Caesar Families"));
    RG_CHECK(same_key(O, "International, Impartial and Independent Mechanism",
                      "Independent International Impartial Mechanism"));
    RG_CHECK(same_key(O, "Acme Ltd.", "ACME Limited"));
    RG_CHECK(same_key(O, "Freie Deutsch Syrische Gesellschaft e.V.",
                      "Freie Deutsch Syrische Gesellschaft"));
    RG_CHECK(same_key(O, "Syrian Civil Defence", "Syrian Civil Defense"));
    RG_CHECK(diff_key(O, "International Criminal Court", "International Court of Justice"));
    RG_CHECK(diff_key(O, "Syrian National Coalition", "Syrian Network for Human Rights"));
    /* countries */
    RG_CHECK(same_key(L, "Syria", "the Syrian Arab Republic"));
    RG_CHECK(same_key(L, "Syria", "SY"));
    RG_CHECK(same_key(L, "Iran", "Islamic Republic of Iran"));
    RG_CHECK(same_key(L, "Republic of Korea", "South Korea"));
    RG_CHECK(diff_key(L, "us", "US")); /* codes only in capitals */
    RG_CHECK(diff_key(L, "Syria", "Damascus"));
    RG_CHECK_STR(rg_name_country("the Netherlands"), "NL");
    RG_CHECK(rg_name_country("Syrian National Coalition") == NULL);
    char *s = rg_name_surname("ASG Petit"), *gv = rg_name_given("ASG Petit");
    RG_CHECK_STR(s, "patit");
    RG_CHECK(gv == NULL);
    free(s);
    free(gv);
    char *k = rg_name_key(P, "President");
    RG_CHECK_STR(k, "prasidant"); /* a lone title stays: something must be left */
    free(k);
}

static void test_acronyms_and_distance(void)
{
    char *a = rg_name_as_acronym("the I.I.I.M.");
    RG_CHECK_STR(a, "iiim");
    free(a);
    RG_CHECK(rg_name_as_acronym("Iiim") == NULL);
    RG_CHECK(rg_name_as_acronym("Syria") == NULL);
    RG_CHECK(rg_name_acronym_of("IIIM", "International, Impartial and Independent Mechanism"));
    RG_CHECK(rg_name_acronym_of("SNHR", "Syrian Network for Human Rights"));
    RG_CHECK(rg_name_acronym_of("ICJ", "the International Court of Justice"));
    RG_CHECK(!rg_name_acronym_of("ICC", "International Court of Justice"));
    char *out[3];
    size_t n = rg_name_acronyms("Syrian Network for Human Rights (SNHR)", out);
    RG_CHECK(n == 2);
    for (size_t i = 0; i < n; i++)
        free(out[i]);
    RG_CHECK(rg_edit_distance("families", "fmilies", 2) == 1);
    RG_CHECK(rg_edit_distance("network", "netwrok", 2) == 1); /* transposition */
    RG_CHECK(rg_edit_distance("network", "observatory", 2) == 3);
    RG_CHECK(rg_edit_distance("müller", "muller", 2) == 1); /* code points, not bytes */
    RG_CHECK(rg_edit_distance("", "abc", 5) == 3);
    /* pairwise form for the in-document matcher */
    RG_CHECK(rg_name_match(RG_NODE_PERSON, "Robert Petit", "ASG Petit"));
    RG_CHECK(rg_name_match(RG_NODE_PERSON, "R. Petit", "Robert Petit"));
    RG_CHECK(!rg_name_match(RG_NODE_PERSON, "Marie Petit", "Robert Petit"));
    RG_CHECK(rg_name_match(RG_NODE_ORGANISATION, "IIIM",
                           "International, Impartial and Independent Mechanism"));
    RG_CHECK(rg_name_match(RG_NODE_ORGANISATION, "Syrian Coalition", "Syrian National Coalition"));
    RG_CHECK(rg_name_match(RG_NODE_ORGANISATION, "Caesar Fmilies Association",
                           "Association of Caesar Families"));
    RG_CHECK(!rg_name_match(RG_NODE_ORGANISATION, "International Criminal Court",
                            "International Court of Justice"));
    RG_CHECK(rg_name_match(RG_NODE_PLACE, "Syria", "the Syrian Arab Republic"));
}

/* The ASCII fast path of the tokenizer gives rg_fold()'s words. */
static void test_fold_fast_path(void)
{
    unsigned seed = 7;
    int same = 0;
    for (int i = 0; i < 20000; i++) {
        char s[24];
        size_t n = 1 + i % 23;
        for (size_t k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            s[k] = (char)(0x20 + (seed >> 16) % 95);
        }
        s[n] = '\0';
        rs_toks a = {0}, b = {0};
        rs_fold_tokens(s, &a, true);
        rs_fold_tokens(s, &b, false);
        char *ja = rs_toks_join(&a, SIZE_MAX), *jb = rs_toks_join(&b, SIZE_MAX);
        if (strcmp(ja, jb) == 0)
            same++;
        else if (i - same < 5)
            fprintf(stderr, "  fold paths differ on '%s': '%s' / '%s'\n", s, ja, jb);
        free(ja);
        free(jb);
        rs_toks_free(&a);
        rs_toks_free(&b);
    }
    RG_CHECK(same == 20000);
}

/* ---- resolver rules ---------------------------------------------------------- */

static void test_persons(void)
{
    rg_graph g;
    const ent e1[] = {
        {"person", "Asaad al-Shibani", "d1", "Minister al-Shibani"},
        {"person", "Asaad Al Shaibani", "d2", NULL},
        {"person", "Mohammed Ali Hamid", "d1", NULL},
        {"person", "Muhammad Ali Hamid", "d2", NULL},
        {"person", "Mohamed Ali Hamid", "d3", NULL},
        {"person", "Abdel Salam Mahmoud", "d1", NULL},
        {"person", "Abd al-Salam Mahmoud", "d3", NULL},
    };
    RESOLVED(g, e1);
    RG_CHECK(g.nnodes == 3);
    RG_CHECK(together(&g, "Asaad al-Shibani", "Asaad Al Shaibani"));
    RG_CHECK(together(&g, "Mohammed Ali Hamid", "Mohamed Ali Hamid"));
    RG_CHECK(together(&g, "Abdel Salam Mahmoud", "Abd al-Salam Mahmoud"));
    rg_graph_free(&g);

    /* a bare surname binds to the only full name with it */
    const ent e2[] = {
        {"person", "Robert Petit", "d1", NULL},
        {"person", "ASG Petit", "d2", NULL},
        {"person", "Petit", "d3", NULL},
        {"person", "R. Petit", "d4", NULL},
    };
    RESOLVED(g, e2);
    RG_CHECK(g.nnodes == 1);
    RG_CHECK_STR(g.nodes[0].label, "Robert Petit");
    RG_CHECK_STR(g.nodes[0].id, "person:robert-petit");
    RG_CHECK(g.nodes[0].ndocs == 4 && g.nodes[0].nmentions == 4);
    rg_graph_free(&g);

    /* two people sharing a surname: neither absorbs the bare surname */
    const ent e3[] = {
        {"person", "Bashar al-Assad", "d1", NULL}, {"person", "Maher al-Assad", "d2", NULL},
        {"person", "Assad", "d3", NULL},           {"person", "Ali Mamlouk", "d1", NULL},
        {"person", "Hassan Mamlouk", "d2", NULL},  {"person", "M. Mamlouk", "d3", NULL},
    };
    rg_resolve_stats st;
    build(&g, e3, sizeof e3 / sizeof *e3);
    RG_CHECK(resolve(&g, NULL, &st, NULL) == RG_OK);
    RG_CHECK(g.nnodes == 6);
    RG_CHECK(st.ambiguous >= 1);
    rg_graph_free(&g);

    /* middle names: merge when only one middle name is in play */
    const ent e4[] = {
        {"person", "Bashar Hafez al-Assad", "d1", NULL},
        {"person", "Bashar al-Assad", "d2", NULL},
        {"person", "Ali Hassan Mamlouk", "d1", NULL},
        {"person", "Ali Ahmad Mamlouk", "d2", NULL},
        {"person", "Ali Mamlouk", "d3", NULL},
    };
    RESOLVED(g, e4);
    RG_CHECK(together(&g, "Bashar Hafez al-Assad", "Bashar al-Assad"));
    RG_CHECK(apart(&g, "Ali Hassan Mamlouk", "Ali Ahmad Mamlouk"));
    RG_CHECK(apart(&g, "Ali Mamlouk", "Ali Ahmad Mamlouk"));
    RG_CHECK(apart(&g, "Ali Mamlouk", "Ali Hassan Mamlouk"));
    RG_CHECK(g.nnodes == 4);
    rg_graph_free(&g);
}

static void test_organisations(void)
{
    rg_graph g;
    const ent e1[] = {
        {"organisation", "Caesar Families Association", "d1", NULL},
        {"organisation", "Association of Caesar Families", "d2", NULL},
        {"organisation", "Caesar Fmilies Association", "d3", NULL},
        {"organisation", "Association of Caesar Families", "d4", NULL},
        {"organisation", "International, Impartial and Independent Mechanism", "d1", "IIIM"},
        {"organisation", "Independent International Impartial Mechanism", "d2", NULL},
        {"organisation", "IIIM", "d3", NULL},
        {"organisation", "Syrian National Coalition", "d1", NULL},
        {"organisation", "Syrian Coalition", "d2", NULL},
        {"organisation", "Syrian Network for Human Rights", "d2", NULL},
        {"organisation", "Syrian Netwrok for Human Rights", "d3", NULL},
        {"organisation", "Syrian Observatory for Human Rights", "d3", NULL},
        {"organisation", "International Criminal Court", "d1", NULL},
        {"organisation", "International Court of Justice", "d1", NULL},
        {"organisation", "ICJ", "d2", NULL},
        {"organisation", "Syrian Forum", "d1", NULL},
        {"organisation", "Syrian Form", "d2", NULL},
    };
    rg_resolve_stats st;
    build(&g, e1, sizeof e1 / sizeof *e1);
    RG_CHECK(resolve(&g, NULL, &st, NULL) == RG_OK);
    RG_CHECK(together(&g, "Caesar Families Association", "Caesar Fmilies Association"));
    RG_CHECK(together(&g, "Caesar Families Association", "Association of Caesar Families"));
    RG_CHECK_STR(g.nodes[holder(&g, "Caesar Fmilies Association")].label,
                 "Association of Caesar Families");
    RG_CHECK(together(&g, "IIIM", "Independent International Impartial Mechanism"));
    RG_CHECK(together(&g, "IIIM", "International, Impartial and Independent Mechanism"));
    RG_CHECK(together(&g, "Syrian Coalition", "Syrian National Coalition"));
    RG_CHECK(together(&g, "Syrian Network for Human Rights", "Syrian Netwrok for Human Rights"));
    RG_CHECK(apart(&g, "Syrian Network for Human Rights", "Syrian Observatory for Human Rights"));
    RG_CHECK(apart(&g, "Syrian Network for Human Rights", "Syrian National Coalition"));
    RG_CHECK(apart(&g, "International Criminal Court", "International Court of Justice"));
    RG_CHECK(together(&g, "ICJ", "International Court of Justice"));
    RG_CHECK(apart(&g, "Syrian Forum", "Syrian Form")); /* too short for typos */
    RG_CHECK(st.merges[RG_RULE_TYPO] >= 2 && st.merges[RG_RULE_ACRONYM] >= 2 &&
             st.merges[RG_RULE_SHORT] == 1);
    RG_CHECK(g.nnodes == 9);
    rg_graph_free(&g);

    /* ambiguity: an acronym with two expansions, a short form with two
     * longer names; typos switched off */
    const ent e2[] = {
        {"organisation", "International Criminal Court", "d1", NULL},
        {"organisation", "International Chamber of Commerce", "d2", NULL},
        {"organisation", "ICC", "d3", NULL},
        {"organisation", "Syrian National Coalition", "d1", NULL},
        {"organisation", "Syrian Opposition Coalition", "d2", NULL},
        {"organisation", "Syrian Coalition", "d3", NULL},
        {"organisation", "Caesar Families Association", "d1", NULL},
        {"organisation", "Caesar Fmilies Association", "d3", NULL},
    };
    build(&g, e2, sizeof e2 / sizeof *e2);
    rg_resolve_opts o = {.no_typos = true, .stats = &st};
    RG_CHECK(rg_resolve_graph(&g, &o, NULL) == RG_OK);
    RG_CHECK(g.nnodes == 8);
    RG_CHECK(st.ambiguous >= 2);
    rg_graph_free(&g);

    /* short forms are two words against three: a three-word name is a name
     * of its own ("Royal Air Force"), and word order counts (found on re3d);
     * a bare head noun is the one body of the document with that head
     * ("the Association" after "Association of Caesar Families") */
    const ent e4[] = {
        {"organisation", "Royal Jordanian Air Force", "d1", NULL},
        {"organisation", "Royal Air Force", "d2", NULL},
        {"institution", "Office of Foreign Assets Control", "d1", NULL},
        {"institution", "Foreign Office", "d2", NULL},
        {"organisation", "Association", "d3", NULL},
        {"organisation", "Association of Caesar Families", "d3", NULL},
    };
    RESOLVED(g, e4);
    RG_CHECK(g.nnodes == 5);
    RG_CHECK(together(&g, "Association", "Association of Caesar Families"));
    RG_CHECK(apart(&g, "Foreign Office", "Office of Foreign Assets Control"));
    rg_graph_free(&g);

    /* organisation and institution may meet; the type with more mentions wins */
    const ent e3[] = {
        {"institution", "Syrian Ministry of Foreign Affairs", "d1", "Foreign Ministry"},
        {"organisation", "Ministry of Foreign Affairs, Syrian", "d2", NULL},
    };
    RESOLVED(g, e3);
    RG_CHECK(g.nnodes == 1 && g.nodes[0].type == RG_NODE_INSTITUTION);
    rg_graph_free(&g);
}

static void test_places_and_types(void)
{
    rg_graph g;
    const ent e1[] = {
        {"place", "Syria", "d1", NULL},
        {"place", "the Syrian Arab Republic", "d2", NULL},
        {"place", "SY", "d3", NULL},
        {"organisation", "Syrian National Coalition", "d1", NULL},
        {"organisation", "Syria", "d4", NULL},
        {"person", "Jordan", "d1", NULL},
        {"place", "Jordan", "d2", NULL},
        {"place", "Damascus", "d1", NULL},
        {"event", "meeting", "d1", NULL},
        {"event", "meeting", "d2", NULL},
    };
    RESOLVED(g, e1);
    uint32_t syria = holder(&g, "SY");
    RG_CHECK(syria != RG_NONE && together(&g, "SY", "the Syrian Arab Republic"));
    RG_CHECK(syria != RG_NONE && g.nodes[syria].type == RG_NODE_PLACE);
    RG_CHECK(syria != RG_NONE && strcmp(g.nodes[syria].label, "Syrian Arab Republic") == 0);
    RG_CHECK(apart(&g, "Syria", "Syrian National Coalition"));
    RG_CHECK(g.nnodes == 8); /* syria(place), SNC, syria(org), 2 jordans, damascus, 2 events */
    rg_graph_free(&g);

    /* descriptions bound in one document ("the city", "the Foreign
     * Secretary") chain nothing across documents (found on re3d) */
    const ent e2[] = {
        {"place", "Mosul", "d1", "the city"},
        {"place", "Raqqa", "d2", "the city"},
        {"place", "Dayr Az Zawr", "d1", "Deir ez-Zor"},
        {"place", "Deir ez-Zor", "d2", NULL},
        {"person", "The Foreign Secretary", "d1", NULL},
        {"person", "Foreign Secretary", "d2", NULL},
        {"person", "Defence Secretary", "d3", NULL},
        {"person", "Boris Johnson", "d1", "the Foreign Secretary"},
        {"person", "Johnson", "d2", NULL},
    };
    RESOLVED(g, e2);
    RG_CHECK(apart(&g, "Mosul", "Raqqa"));
    RG_CHECK(together(&g, "Dayr Az Zawr", "Deir ez-Zor")); /* a proper-name alias */
    RG_CHECK(apart(&g, "Foreign Secretary", "Defence Secretary"));
    RG_CHECK(apart(&g, "The Foreign Secretary", "Defence Secretary"));
    RG_CHECK(together(&g, "Boris Johnson", "Johnson"));
    RG_CHECK(g.nnodes == 7);
    rg_graph_free(&g);
}

/* ---- provenance, edges, ids ------------------------------------------------------- */

static void test_provenance_and_ids(void)
{
    rg_graph g;
    const ent e[] = {
        {"person", "Asaad al-Shibani", "d1", "al-Shibani"},
        {"person", "Asaad Al Shaibani", "d2", NULL},
        {"organisation", "IIIM", "d2", NULL},
        {"organisation", "International, Impartial and Independent Mechanism", "d1", NULL},
        {"person", "Robert Petit", "d9", NULL},
    };
    build(&g, e, sizeof e / sizeof *e);
    /* the kept node's id is taken by a bystander: the merged one gets -2 */
    uint32_t by;
    rg_graph_add_node(&g, "person:asaad-al-shaibani", RG_NODE_PERSON, "Somebody Else", &by, NULL);
    uint32_t e1, e2;
    RG_CHECK(rg_graph_add_edge(&g, 0, 2, "official_of", NULL, NULL, 1, &e1, NULL) == RG_OK);
    RG_CHECK(rg_graph_add_edge(&g, 1, 3, "official_of", NULL, NULL, 1, &e2, NULL) == RG_OK);
    rg_graph_edge_add_evidence(&g, e1, 0, 0, 10, "one");
    rg_graph_edge_add_evidence(&g, e2, 1, 0, 10, "two");
    RG_CHECK(resolve(&g, NULL, NULL, NULL) == RG_OK);
    rg_graph_finalize(&g);
    RG_CHECK(g.nnodes == 4);
    uint32_t p = holder(&g, "al-Shibani");
    RG_CHECK(p != RG_NONE && g.nodes[p].nmentions == 3 && g.nodes[p].ndocs == 2);
    RG_CHECK(p != RG_NONE && g.nodes[p].mention_count == 3);
    RG_CHECK(p != RG_NONE && strcmp(g.nodes[p].id, "person:asaad-al-shaibani-2") == 0);
    RG_CHECK(rg_graph_find_node(&g, "person:asaad-al-shaibani") != RG_NONE);
    uint32_t m = holder(&g, "IIIM");
    RG_CHECK(m != RG_NONE &&
             strcmp(g.nodes[m].id, "organisation:international-impartial-and-independent-"
                                   "mechanism") == 0);
    /* the two official_of edges became one with both pieces of evidence */
    RG_CHECK(g.nedges == 1 && g.edges[0].weight == 2 && g.edges[0].nevidence == 2);
    RG_CHECK(g.edges[0].source == p && g.edges[0].target == m);
    /* the untouched node keeps its id */
    RG_CHECK(rg_graph_find_node(&g, "d9#Robert Petit#4") != RG_NONE);
    rg_graph_free(&g);
}

/* ---- alias file ----------------------------------------------------------------- */

static void test_aliases(void)
{
    rg_graph g;
    const ent e[] = {
        {"organisation", "Daesh", "d1", NULL},       {"organisation", "Islamic State", "d2", NULL},
        {"organisation", "ISIS", "d3", NULL},        {"person", "Asaad al-Shibani", "d1", NULL},
        {"person", "Asaad Al Shaibani", "d2", NULL}, {"place", "Syria", "d1", NULL},
        {"organisation", "Syria", "d2", NULL},
    };
    build(&g, e, sizeof e / sizeof *e);
    const char *txt = "# analyst decisions\n"
                      "same: Islamic State = Daesh = ISIS\n"
                      "\n"
                      "never person: Asaad al-Shibani != Asaad Al Shaibani\n"
                      "same place: Syrian Arab Republic = Syria\n";
    rg_resolve_stats st;
    rg_error err = {0};
    RG_CHECK(resolve(&g, txt, &st, &err) == RG_OK);
    RG_CHECK(together(&g, "Daesh", "ISIS") && together(&g, "Daesh", "Islamic State"));
    RG_CHECK_STR(g.nodes[holder(&g, "ISIS")].label, "Islamic State");
    RG_CHECK(apart(&g, "Asaad al-Shibani", "Asaad Al Shaibani"));
    RG_CHECK(st.vetoed >= 1 && st.merges[RG_RULE_FORCED] == 2);
    RG_CHECK(g.nnodes == 5); /* typed 'same place' leaves the organisation Syria alone */
    /* a same: line relabels even a node it merges with nothing; ids stay */
    for (size_t i = 0; i < g.nnodes; i++)
        if (g.nodes[i].type == RG_NODE_PLACE) {
            RG_CHECK_STR(g.nodes[i].label, "Syrian Arab Republic");
            RG_CHECK_STR(g.nodes[i].id, "d1#Syria#5");
        } else if (strcmp(g.nodes[i].label, "Syria") == 0) {
            RG_CHECK(g.nodes[i].type == RG_NODE_ORGANISATION);
        }
    rg_graph_free(&g);

    /* a same: line against a never: line is an error naming both lines */
    build(&g, e, sizeof e / sizeof *e);
    size_t before = g.nnodes;
    RG_CHECK(resolve(&g, "never: Daesh != ISIS\nsame: Daesh = Islamic State = ISIS\n", NULL,
                     &err) == RG_EINPUT);
    RG_CHECK(strstr(err.msg, "test.aliases:2:") != NULL && strstr(err.msg, "line 1") != NULL);
    RG_CHECK(g.nnodes == before); /* unchanged */
    rg_graph_free(&g);

    static const struct {
        const char *text, *want;
    } bad[] = {
        {"same: A = B\nmerge: A = B\n", "test.aliases:2: unknown directive 'merge'"},
        {"same: A\n", "test.aliases:1: expected at least two names"},
        {"\n\nsame: A = = B\n", "test.aliases:3: empty name"},
        {"never: A = B\n", "test.aliases:1: 'never' needs names separated by '!='"},
        {"same: A != B\n", "test.aliases:1: 'same' takes '='"},
        {"same animal: A = B\n", "test.aliases:1: unknown type 'animal'"},
        {"A = B\n", "test.aliases:1: expected 'same: A = B'"},
        {"same: A = ...\n", "test.aliases:1: name '...' has no letters"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        rg_aliases *a = NULL;
        rg_error er = {0};
        RG_CHECK(rg_aliases_parse("test.aliases", bad[i].text, strlen(bad[i].text), &a, &er) ==
                 RG_EINPUT);
        RG_CHECK(a == NULL);
        if (!strstr(er.msg, bad[i].want)) fprintf(stderr, "  got: %s\n", er.msg);
        RG_CHECK(strstr(er.msg, bad[i].want) != NULL);
    }
    rg_aliases *a = NULL;
    rg_error er = {0};
    RG_CHECK(rg_aliases_load("/nonexistent/aliases.txt", &a, &er) == RG_EINPUT);
    RG_CHECK(strstr(er.msg, "/nonexistent/aliases.txt") != NULL);
}

/* ---- determinism ------------------------------------------------------------------ */

static char *graph_text(rg_graph *g)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    rg_json_write(g, f, NULL);
    fclose(f);
    return buf;
}

static void test_determinism(void)
{
    const ent e[] = {
        {"person", "Robert Petit", "d1", "ASG Petit"},
        {"person", "Petit", "d2", NULL},
        {"person", "Asaad al-Shibani", "d1", NULL},
        {"person", "Asaad Al Shaibani", "d2", NULL},
        {"person", "Asaad Al-Shibani", "d3", NULL},
        {"organisation", "IIIM", "d1", NULL},
        {"organisation", "International, Impartial and Independent Mechanism", "d2", NULL},
        {"organisation", "Independent International Impartial Mechanism", "d3", NULL},
        {"organisation", "Caesar Families Association", "d1", NULL},
        {"organisation", "Association of Caesar Families", "d2", NULL},
        {"organisation", "Caesar Fmilies Association", "d3", NULL},
        {"organisation", "Syrian National Coalition", "d1", NULL},
        {"organisation", "Syrian Coalition", "d2", NULL},
        {"place", "Syria", "d1", NULL},
        {"place", "Syrian Arab Republic", "d2", NULL},
    };
    enum { N = sizeof e / sizeof *e };
    const char *al = "never: Asaad Al Shaibani != Asaad Al-Shibani\n";
    char *first = NULL;
    unsigned seed = 12345;
    for (int round = 0; round < 12; round++) {
        size_t perm[N];
        for (size_t i = 0; i < N; i++)
            perm[i] = i;
        for (size_t i = N - 1; i > 0 && round > 0; i--) { /* Fisher-Yates, fixed seed */
            seed = seed * 1103515245u + 12345u;
            size_t j = (seed >> 8) % (i + 1);
            size_t t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        rg_graph g;
        rg_graph_init(&g);
        /* same serial per entity so that ids and spans do not depend on order */
        for (size_t i = 0; i < N; i++)
            add_ent(&g, &e[perm[i]], (uint32_t)perm[i]);
        RG_CHECK(resolve(&g, al, NULL, NULL) == RG_OK);
        rg_graph_finalize(&g);
        char *text = graph_text(&g);
        if (!first)
            first = text;
        else {
            RG_CHECK(strcmp(first, text) == 0);
            free(text);
        }
        rg_graph_free(&g);
    }
    free(first);
}

/* Hostile names: megabyte labels, thousands of words and aliases, invalid
 * UTF-8, empty strings. Must stay fast and merge only what is equal. */
static void test_hostile(void)
{
    rg_graph g;
    rg_graph_init(&g);
    rg_document d = {.id = "h"};
    uint32_t doc = rg_graph_add_doc(&g, &d);
    rg_buf big = {0};
    for (int i = 0; i < 100000; i++)
        rg_buf_puts(&big, i % 7 ? "al Ab-dul " : "Mohammed bin ");
    const char *labels[] = {big.data,
                            big.data,
                            "",
                            "\xff\xfe\x80 broken",
                            "\xff\xfe\x80 broken",
                            "(((",
                            "A.B.C.D.E.F.G.H.I.J.K.L"};
    rg_node_type types[] = {RG_NODE_PERSON,      RG_NODE_ORGANISATION, RG_NODE_PERSON,
                            RG_NODE_PERSON,      RG_NODE_ORGANISATION, RG_NODE_ORGANISATION,
                            RG_NODE_ORGANISATION};
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
        char id[16];
        snprintf(id, sizeof id, "h%zu", i);
        uint32_t n;
        RG_CHECK(rg_graph_add_node(&g, id, types[i], labels[i], &n, NULL) == RG_OK);
        rg_graph_node_add_mention(&g, n, (rg_span){doc, 0, 1});
    }
    uint32_t many;
    rg_graph_add_node(&g, "many", RG_NODE_ORGANISATION, "Many Aliases Association", &many, NULL);
    for (int i = 0; i < 20000; i++) {
        char a[48];
        snprintf(a, sizeof a, "Alias %d of Many Aliases Association", i);
        rg_graph_node_add_alias(&g, many, a, 1);
    }
    rg_resolve_stats st;
    rg_resolve_opts o = {.stats = &st};
    RG_CHECK(rg_resolve_graph(&g, &o, NULL) == RG_OK);
    RG_CHECK(g.nnodes == 8); /* nothing merged: types differ or names are junk */
    rg_buf_free(&big);
    rg_graph_free(&g);
}

/* HEAD: a short designation joins the one long name with its head noun in a
 * shared document; STATE: one state's body named by adjective or by name. */
static void test_head_and_state(void)
{
    rg_graph g;
    const ent e[] = {
        {"institution", "Independent Oversight Mechanism", "d1", NULL},
        {"institution", "UN Mechanism", "d1", "the Mechanism"},
        {"institution", "Eastern Mechanism", "d1", NULL},
        {"institution", "Joint Monitoring Mechanism", "d2", NULL},
        {"institution", "Independent Oversight Mechanism", "d2", NULL},
        {"institution", "Review Mechanism", "d2", NULL},
        {"institution", "Mechanism", "d3", NULL},
        {"organisation", "Valdoran Democratic Coalition", "d4", NULL},
        {"organisation", "Valdoran coalition", "d4", NULL},
        {"institution", "Iraqi Ministry of Water Resources", "d5", NULL},
        {"institution", "Ministry of Water Resources of the Republic of Iraq", "d6", NULL},
        {"institution", "Iranian Ministry of Water Resources", "d6", NULL},
        {"institution", "Syrian Ministry of Foreign Affairs", "d7", NULL},
        {"institution", "Ministry of Foreign Affairs and Expatriates of the Syrian Arab Republic",
         "d8", NULL},
        {"institution", "Canadian Ministry of Foreign Affairs", "d8", NULL},
        /* the head noun comes before the first preposition */
        {"institution", "Independent Commission on Missing Persons", "d9", NULL},
        {"institution", "Commission", "d9", NULL},
        {"institution", "Board of Inquiry on Valdora", "d10", NULL},
        {"institution", "Board of Trustees of the Fund", "d10", NULL},
        {"institution", "Board", "d10", NULL},
        {"institution", "Tribunal of Appeal on Refugees", "d11", NULL},
        {"institution", "Tribunal", "d12", NULL},
    };
    RESOLVED(g, e);
    RG_CHECK(together(&g, "Commission", "Independent Commission on Missing Persons"));
    RG_CHECK(apart(&g, "Board", "Board of Inquiry on Valdora"));
    RG_CHECK(apart(&g, "Board", "Board of Trustees of the Fund"));
    RG_CHECK(apart(&g, "Tribunal", "Tribunal of Appeal on Refugees"));
    RG_CHECK(together(&g, "UN Mechanism", "Independent Oversight Mechanism"));
    RG_CHECK(apart(&g, "Eastern Mechanism", "Independent Oversight Mechanism"));
    RG_CHECK(apart(&g, "Review Mechanism", "Independent Oversight Mechanism"));
    RG_CHECK(apart(&g, "Review Mechanism", "Joint Monitoring Mechanism"));
    RG_CHECK(apart(&g, "Mechanism", "Independent Oversight Mechanism"));
    RG_CHECK(together(&g, "Valdoran coalition", "Valdoran Democratic Coalition"));
    RG_CHECK(together(&g, "Iraqi Ministry of Water Resources",
                      "Ministry of Water Resources of the Republic of Iraq"));
    RG_CHECK(apart(&g, "Iraqi Ministry of Water Resources", "Iranian Ministry of Water Resources"));
    RG_CHECK(together(&g, "Syrian Ministry of Foreign Affairs",
                      "Ministry of Foreign Affairs and Expatriates of the Syrian Arab Republic"));
    RG_CHECK(
        apart(&g, "Syrian Ministry of Foreign Affairs", "Canadian Ministry of Foreign Affairs"));
    rg_graph_free(&g);
}

int main(void)
{
    test_keys();
    test_acronyms_and_distance();
    test_fold_fast_path();
    test_persons();
    test_organisations();
    test_head_and_state();
    test_places_and_types();
    test_provenance_and_ids();
    test_aliases();
    test_determinism();
    test_hostile();
    return rg_test_done();
}
