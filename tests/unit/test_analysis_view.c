/* Views (projections and filters), rankings, stored results, names, paths,
 * neighbourhoods and statistics on small graphs whose answers are known. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rg_analysis.h"
#include "rg_test.h"

static uint32_t node(rg_graph *g, const char *id, rg_node_type t, const char *label)
{
    uint32_t i;
    rg_graph_add_node(g, id, t, label, &i, NULL);
    return i;
}

static uint32_t edge(rg_graph *g, uint32_t s, uint32_t t, const char *type, const char *role,
                     const char *date, double w)
{
    uint32_t e;
    rg_error err = {0};
    if (rg_graph_add_edge(g, s, t, type, role, date, w, &e, &err) != RG_OK) {
        fprintf(stderr, "add_edge: %s\n", err.msg);
        exit(1);
    }
    return e;
}

/* Link weight between graph nodes a and b in view v, 0 when absent. */
static double link_w(const rg_view *v, uint32_t a, uint32_t b)
{
    igraph_integer_t eid;
    uint32_t x = v->vertex[a], y = v->vertex[b];
    if (x == RG_NONE || y == RG_NONE) return -1;
    igraph_get_eid(&v->ig, &eid, x, y, v->directed, false);
    return eid < 0 ? 0 : VECTOR(v->weight)[eid];
}

/* Four people, an organisation, two events:
 *   e1 (2020-05-01): alice (two roles), bob, carol
 *   e2 (2023-02-02): bob, carol
 *   alice head_of org (2021), bob allied_with carol (undated, weight 2)
 *   dave: isolated */
typedef struct fixture {
    rg_graph g;
    uint32_t alice, bob, carol, dave, org, e1, e2;
} fixture;

static void build(fixture *f)
{
    rg_graph *g = &f->g;
    rg_graph_init(g);
    f->alice = node(g, "person:alice", RG_NODE_PERSON, "Alice Martin");
    f->bob = node(g, "person:bob", RG_NODE_PERSON, "Bob");
    f->carol = node(g, "person:carol", RG_NODE_PERSON, "Carol");
    f->dave = node(g, "person:dave", RG_NODE_PERSON, "Dave");
    f->org = node(g, "organisation:acme", RG_NODE_ORGANISATION, "Acme");
    f->e1 = node(g, "event:e1", RG_NODE_EVENT, "Meeting one");
    f->e2 = node(g, "event:e2", RG_NODE_EVENT, "Meeting two");
    rg_attrs_set(&g->nodes[f->e1].attrs, "date", "2020-05-01");
    rg_attrs_set(&g->nodes[f->e2].attrs, "date", "2023-02-02");
    rg_graph_node_add_alias(g, f->alice, "A. Martin", 1);
    edge(g, f->alice, f->e1, "participant_in", "host", NULL, 1);
    edge(g, f->alice, f->e1, "participant_in", "signatory", NULL, 1);
    edge(g, f->bob, f->e1, "participant_in", NULL, NULL, 1);
    edge(g, f->carol, f->e1, "participant_in", NULL, NULL, 1);
    edge(g, f->bob, f->e2, "participant_in", NULL, NULL, 1);
    edge(g, f->carol, f->e2, "participant_in", NULL, NULL, 1);
    uint32_t h = edge(g, f->alice, f->org, "head_of", NULL, "2021-06-01", 1);
    rg_graph_edge_add_evidence(g, h, rg_graph_add_doc(g, &(rg_document){.id = "d1"}), 0, 10,
                               "Alice heads Acme.");
    edge(g, f->bob, f->carol, "allied_with", NULL, NULL, 2);
}

static void test_actor_projection(fixture *f)
{
    rg_view v;
    RG_CHECK(rg_view_build(&v, &f->g, NULL, NULL) == RG_OK);
    RG_CHECK(v.n == 5); /* events are not actors */
    RG_CHECK(v.vertex[f->e1] == RG_NONE && v.vertex[f->dave] != RG_NONE);
    RG_CHECK(!v.directed);
    RG_CHECK(link_w(&v, f->alice, f->bob) == 1);  /* one shared event, roles not counted twice */
    RG_CHECK(link_w(&v, f->bob, f->carol) == 4);  /* two events + allied_with weight 2 */
    RG_CHECK(link_w(&v, f->alice, f->org) == 1);  /* direct relation */
    RG_CHECK(link_w(&v, f->dave, f->alice) == 0); /* isolated, but present */
    RG_CHECK(v.m == 4);
    rg_view_free(&v);
}

static void test_filters(fixture *f)
{
    rg_view v;
    rg_view_opts o = {.edge_types = "head_of"};
    RG_CHECK(rg_view_build(&v, &f->g, &o, NULL) == RG_OK);
    RG_CHECK(v.m == 1 && link_w(&v, f->alice, f->org) == 1);
    rg_view_free(&v);

    /* Window 2021-2022: e1 (2020) and e2 (2023) drop out by their event's
     * date; head_of (2021-06-01) stays; allied_with is undated and stays. */
    rg_view_opts w = {.since = "2021", .until = "2022-12"};
    RG_CHECK(rg_view_build(&v, &f->g, &w, NULL) == RG_OK);
    RG_CHECK(link_w(&v, f->alice, f->bob) == 0);
    RG_CHECK(link_w(&v, f->bob, f->carol) == 2);
    RG_CHECK(link_w(&v, f->alice, f->org) == 1);
    rg_view_free(&v);

    /* until is inclusive of the whole period it names */
    rg_view_opts u = {.until = "2020-05"};
    RG_CHECK(rg_view_build(&v, &f->g, &u, NULL) == RG_OK);
    RG_CHECK(link_w(&v, f->alice, f->bob) == 1 && link_w(&v, f->alice, f->org) == 0);
    rg_view_free(&v);

    rg_view_opts mw = {.min_weight = 2};
    RG_CHECK(rg_view_build(&v, &f->g, &mw, NULL) == RG_OK);
    RG_CHECK(v.m == 1 && link_w(&v, f->bob, f->carol) == 4);
    rg_view_free(&v);

    rg_error err = {0};
    rg_view_opts bad = {.since = "May 2020"};
    RG_CHECK(rg_view_build(&v, &f->g, &bad, &err) == RG_EUSAGE && strstr(err.msg, "--since"));
    rg_view_opts badt = {.edge_types = "head_of,Not A Type"};
    RG_CHECK(rg_view_build(&v, &f->g, &badt, &err) == RG_EUSAGE && strstr(err.msg, "Not"));
    rg_view_opts dir = {.directed = true};
    RG_CHECK(rg_view_build(&v, &f->g, &dir, &err) == RG_EUSAGE);

    rg_view_opts po;
    RG_CHECK(rg_view_opts_parse(&po, "full", NULL, NULL, NULL, "1.5", true, true, &err) == RG_OK);
    RG_CHECK(po.kind == RG_VIEW_FULL && po.min_weight == 1.5 && po.directed && po.weighted);
    RG_CHECK(rg_view_opts_parse(&po, "everything", NULL, NULL, NULL, NULL, 0, 0, &err) ==
             RG_EUSAGE);
    RG_CHECK(rg_view_opts_parse(&po, NULL, NULL, NULL, NULL, "-1", 0, 0, &err) == RG_EUSAGE);
}

static void test_full_and_bipartite(fixture *f)
{
    rg_view v;
    rg_view_opts full = {.kind = RG_VIEW_FULL};
    RG_CHECK(rg_view_build(&v, &f->g, &full, NULL) == RG_OK);
    RG_CHECK(v.n == 7);
    RG_CHECK(link_w(&v, f->alice, f->e1) == 2); /* two roles: parallel edges merge, weights add */
    RG_CHECK(link_w(&v, f->e1, f->alice) == 2); /* undirected */
    rg_view_free(&v);

    rg_view_opts dir = {.kind = RG_VIEW_FULL, .directed = true};
    RG_CHECK(rg_view_build(&v, &f->g, &dir, NULL) == RG_OK);
    RG_CHECK(link_w(&v, f->alice, f->org) == 1 && link_w(&v, f->org, f->alice) == 0);
    /* symmetric relation types point both ways */
    RG_CHECK(link_w(&v, f->bob, f->carol) == 2 && link_w(&v, f->carol, f->bob) == 2);
    rg_view_free(&v);

    rg_view_opts bip = {.kind = RG_VIEW_BIPARTITE};
    RG_CHECK(rg_view_build(&v, &f->g, &bip, NULL) == RG_OK);
    RG_CHECK(v.n == 7 && v.m == 5); /* actor-event links only */
    RG_CHECK(link_w(&v, f->bob, f->carol) == 0 && link_w(&v, f->alice, f->org) == 0);
    rg_view_free(&v);
}

static void test_rank_and_store(fixture *f)
{
    rg_view v;
    RG_CHECK(rg_view_build(&v, &f->g, NULL, NULL) == RG_OK);
    double *s;
    RG_CHECK(rg_view_measure(&v, RG_M_DEGREE, &s, NULL) == RG_OK);
    /* degrees: alice 3 (bob, carol, org), bob 2, carol 2, dave 0, org 1; n-1 = 4 */
    RG_CHECK(fabs(s[v.vertex[f->alice]] - 0.75) < 1e-12);
    uint32_t *order = rg_view_rank(&v, &f->g, s);
    RG_CHECK_STR(f->g.nodes[v.node[order[0]]].id, "person:alice");
    RG_CHECK_STR(f->g.nodes[v.node[order[1]]].id, "person:bob"); /* tie with carol: by id */
    RG_CHECK_STR(f->g.nodes[v.node[order[2]]].id, "person:carol");
    RG_CHECK_STR(f->g.nodes[v.node[order[4]]].id, "person:dave");
    free(order);
    free(s);
    RG_CHECK(rg_view_measure(&v, RG_M_STRENGTH, &s, NULL) == RG_OK);
    RG_CHECK(s[v.vertex[f->bob]] == 5 && s[v.vertex[f->carol]] == 5);
    free(s);
    rg_view_free(&v);

    rg_error err = {0};
    RG_CHECK(rg_analysis_store_measure(&f->g, "pagerank", NULL, &err) == RG_OK);
    const char *pr = rg_attrs_get(&f->g.nodes[f->alice].attrs, "pagerank");
    RG_CHECK(pr && atof(pr) > 0 && atof(pr) < 1);
    RG_CHECK(rg_attrs_get(&f->g.nodes[f->e1].attrs, "pagerank") == NULL);
    RG_CHECK(rg_analysis_store_measure(&f->g, "fame", NULL, &err) == RG_EUSAGE);

    double q;
    RG_CHECK(rg_analysis_store_communities(&f->g, NULL, &q, &err) == RG_OK);
    const char *ca = rg_attrs_get(&f->g.nodes[f->alice].attrs, "community");
    const char *cd = rg_attrs_get(&f->g.nodes[f->dave].attrs, "community");
    RG_CHECK(ca && cd && strcmp(ca, cd) != 0); /* dave is alone */
    RG_CHECK_STR(rg_attrs_get(&f->g.attrs, "community_method"), "leiden");
    RG_CHECK(isfinite(q) && rg_attrs_get(&f->g.attrs, "modularity"));
    RG_CHECK(rg_analysis_store_communities(&f->g, "magic", &q, &err) == RG_EUSAGE);
}

static void test_names_paths_ego(fixture *f)
{
    rg_graph *g = &f->g;
    uint32_t n;
    rg_error err = {0};
    RG_CHECK(rg_resolve_name(g, "person:bob", &n, &err) == RG_OK && n == f->bob);
    RG_CHECK(rg_resolve_name(g, "alice  MARTIN", &n, &err) == RG_OK && n == f->alice);
    RG_CHECK(rg_resolve_name(g, "a. martin", &n, &err) == RG_OK && n == f->alice);
    RG_CHECK(rg_resolve_name(g, "Zed", &n, &err) == RG_EINPUT);
    uint32_t b2 = node(g, "person:bob-2", RG_NODE_PERSON, "Bob");
    RG_CHECK(rg_resolve_name(g, "bob", &n, &err) == RG_EINPUT && strstr(err.msg, "person:bob-2") &&
             strstr(err.msg, "ambiguous"));
    (void)b2;

    rg_view v;
    RG_CHECK(rg_view_build(&v, g, NULL, NULL) == RG_OK);
    rg_path *p;
    size_t np;
    double len;
    RG_CHECK(rg_view_paths(&v, g, f->org, f->carol, 10, &p, &np, &len, &err) == RG_OK);
    RG_CHECK(np == 1 && len == 2 && p[0].len == 3 && p[0].nodes[1] == f->alice);
    rg_paths_free(p, np);
    RG_CHECK(rg_view_paths(&v, g, f->org, f->dave, 10, &p, &np, &len, &err) == RG_OK && np == 0);
    RG_CHECK(rg_view_paths(&v, g, f->org, f->e1, 10, &p, &np, &len, &err) == RG_EINPUT);

    size_t ne;
    uint32_t *es = rg_view_link_edges(&v, g, f->alice, f->bob, &ne);
    RG_CHECK(ne == 3); /* alice's two roles in e1 and bob's participation */
    for (size_t i = 0; i < ne; i++)
        RG_CHECK_STR(g->edges[es[i]].type, "participant_in");
    free(es);
    es = rg_view_link_edges(&v, g, f->alice, f->org, &ne);
    RG_CHECK(ne == 1 && g->edges[es[0]].nevidence == 1);
    free(es);

    size_t nk;
    uint32_t *keep = rg_view_ego(&v, g, f->org, 1, &nk);
    RG_CHECK(nk == 2); /* org and alice: no event links two of them */
    free(keep);
    keep = rg_view_ego(&v, g, f->alice, 1, &nk);
    /* alice, bob, carol, org, and e1 (shared); e2 links bob and carol too */
    RG_CHECK(nk == 6);
    rg_graph sub;
    rg_graph_init(&sub);
    rg_graph_subgraph(&sub, g, keep, nk);
    RG_CHECK(sub.nnodes == 6 && rg_graph_find_node(&sub, "person:dave") == RG_NONE);
    RG_CHECK(sub.nedges == 8 && sub.ndocs == 1);
    rg_graph_free(&sub);
    free(keep);

    rg_view_stats st;
    RG_CHECK(rg_view_stats_compute(&v, &st, &err) == RG_OK);
    RG_CHECK(st.n == 6 && st.m == 4 && st.components == 3 && st.largest == 4);
    RG_CHECK(st.diameter == 2 && st.max_core == 2);
    RG_CHECK(fabs(st.density - 8.0 / 30.0) < 1e-12);
    RG_CHECK(fabs(st.transitivity - 3.0 / 5.0) < 1e-12); /* 1 triangle, 5 connected triples */
    rg_view_free(&v);
}

/* Several shortest paths come out sorted by their id sequences, and --max
 * bounds them. A 2x3 grid of ladders: s - {a,b,c} - t. */
static void test_many_paths(void)
{
    rg_graph g;
    rg_graph_init(&g);
    uint32_t s = node(&g, "s", RG_NODE_PERSON, "S"), t = node(&g, "t", RG_NODE_PERSON, "T");
    const char *mid[] = {"c", "a", "b"};
    for (int i = 0; i < 3; i++) {
        uint32_t m = node(&g, mid[i], RG_NODE_PERSON, mid[i]);
        edge(&g, s, m, "member_of", NULL, NULL, 1);
        edge(&g, m, t, "member_of", NULL, NULL, i == 0 ? 5 : 1);
    }
    rg_view v;
    RG_CHECK(rg_view_build(&v, &g, NULL, NULL) == RG_OK);
    rg_path *p;
    size_t np;
    double len;
    RG_CHECK(rg_view_paths(&v, &g, s, t, 10, &p, &np, &len, NULL) == RG_OK && np == 3);
    RG_CHECK_STR(g.nodes[p[0].nodes[1]].id, "a");
    RG_CHECK_STR(g.nodes[p[2].nodes[1]].id, "c");
    rg_paths_free(p, np);
    RG_CHECK(rg_view_paths(&v, &g, s, t, 2, &p, &np, &len, NULL) == RG_OK && np == 2);
    rg_paths_free(p, np);
    rg_view_free(&v);
    /* weighted: c's heavy link is long, so two paths of length 2 remain */
    rg_view_opts w = {.weighted = true};
    RG_CHECK(rg_view_build(&v, &g, &w, NULL) == RG_OK);
    RG_CHECK(rg_view_paths(&v, &g, s, t, 10, &p, &np, &len, NULL) == RG_OK && np == 2 && len == 2);
    rg_paths_free(p, np);
    rg_view_free(&v);
    rg_graph_free(&g);
}

int main(void)
{
    rg_set_quiet(true);
    fixture f;
    build(&f);
    test_actor_projection(&f);
    test_filters(&f);
    test_full_and_bipartite(&f);
    test_rank_and_store(&f);
    test_names_paths_ego(&f);
    rg_graph_free(&f.g);
    test_many_paths();
    return rg_test_done();
}
