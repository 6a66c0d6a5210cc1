/* Cross-document event merging and labelling on small graphs built here. */
#include "rg_events.h"
#include "rg_test.h"

static uint32_t node(rg_graph *g, rg_node_type t, const char *label)
{
    uint32_t i;
    rg_graph_add_node(g, NULL, t, label, &i, NULL);
    return i;
}

static uint32_t event(rg_graph *g, const char *name, const char *type, const char *date)
{
    uint32_t e = node(g, RG_NODE_EVENT, name);
    rg_attrs_set(&g->nodes[e].attrs, "event_type", type);
    if (date) rg_attrs_set(&g->nodes[e].attrs, "date", date);
    return e;
}

static void part(rg_graph *g, const char *actor, rg_node_type t, const char *ev, const char *role)
{
    char *aid = rg_node_make_id(t, actor), *eid = rg_node_make_id(RG_NODE_EVENT, ev);
    rg_graph_add_edge(g, rg_graph_find_node(g, aid), rg_graph_find_node(g, eid), "participant_in",
                      role, NULL, 1, NULL, NULL);
    free(aid);
    free(eid);
}

static size_t count_events(const rg_graph *g)
{
    size_t n = 0;
    for (size_t i = 0; i < g->nnodes; i++)
        n += g->nodes[i].type == RG_NODE_EVENT;
    return n;
}

static void build(rg_graph *g, bool reversed)
{
    rg_graph_init(g);
    const char *people[] = {"Asma Karim", "Rafael Ortiz", "Lena Berg", "Tomas Weller"};
    for (int k = 0; k < 4; k++)
        node(g, RG_NODE_PERSON, people[reversed ? 3 - k : k]);
    node(g, RG_NODE_PLACE, "Amman");
    node(g, RG_NODE_ORGANISATION, "Truth Network");
    /* doc 1 and doc 2 report the same meeting; doc 2 knows only the month */
    event(g, "Meeting: doc one", "meeting", "2026-03-03");
    event(g, "Meeting: doc two", "meeting", "2026-03");
    /* another meeting the same day between other people */
    event(g, "Meeting: doc three", "meeting", "2026-03-03");
    /* same people, but an agreement, and a meeting a year later */
    event(g, "Agreement: doc four", "agreement", "2026-03-03");
    event(g, "Meeting: doc five", "meeting", "2027-01-10");
    part(g, "Asma Karim", RG_NODE_PERSON, "Meeting: doc one", "host");
    part(g, "Rafael Ortiz", RG_NODE_PERSON, "Meeting: doc one", "visitor");
    part(g, "Amman", RG_NODE_PLACE, "Meeting: doc one", "location");
    part(g, "Asma Karim", RG_NODE_PERSON, "Meeting: doc two", "attendee");
    part(g, "Rafael Ortiz", RG_NODE_PERSON, "Meeting: doc two", "attendee");
    part(g, "Lena Berg", RG_NODE_PERSON, "Meeting: doc three", "attendee");
    part(g, "Tomas Weller", RG_NODE_PERSON, "Meeting: doc three", "attendee");
    part(g, "Amman", RG_NODE_PLACE, "Meeting: doc three", "location");
    part(g, "Asma Karim", RG_NODE_PERSON, "Agreement: doc four", "signatory");
    part(g, "Rafael Ortiz", RG_NODE_PERSON, "Agreement: doc four", "signatory");
    part(g, "Asma Karim", RG_NODE_PERSON, "Meeting: doc five", "attendee");
    part(g, "Truth Network", RG_NODE_ORGANISATION, "Meeting: doc five", "attendee");
}

/* Undated relations fold into their one dated sibling, not into one of two. */
static void test_fold_undated(void)
{
    rg_graph g;
    rg_graph_init(&g);
    uint32_t a = node(&g, RG_NODE_PERSON, "Asma Karim"), b = node(&g, RG_NODE_PERSON, "Lena Berg");
    uint32_t o = node(&g, RG_NODE_INSTITUTION, "Water Ministry");
    uint32_t d = rg_graph_add_doc(&g, &(rg_document){.id = (char *)"d1"});
    uint32_t e1, e2, e3, e4, e5;
    /* a met b: once undated (doc one), once dated (doc two) */
    rg_graph_add_edge(&g, a, b, "communicated_with", NULL, NULL, 1, &e1, NULL);
    rg_graph_add_edge(&g, b, a, "communicated_with", NULL, "2026-03-03", 1, &e2, NULL);
    rg_graph_edge_add_evidence(&g, e1, d, 0, 10, "A met B.");
    rg_graph_edge_add_evidence(&g, e2, d, 20, 40, "On 3 March A met B.");
    /* a held a post in two years: the undated mention cannot be placed */
    rg_graph_add_edge(&g, a, o, "official_of", NULL, NULL, 1, &e3, NULL);
    rg_graph_add_edge(&g, a, o, "official_of", NULL, "2011", 1, &e4, NULL);
    rg_graph_add_edge(&g, a, o, "official_of", NULL, "2016", 1, &e5, NULL);
    RG_CHECK(g.nedges == 5);
    RG_CHECK(rg_edges_fold_undated(&g) == 1);
    RG_CHECK(g.nedges == 4);
    size_t met = 0, undated_posts = 0;
    for (size_t i = 0; i < g.nedges; i++) {
        const rg_edge *e = &g.edges[i];
        if (!strcmp(e->type, "communicated_with")) {
            met++;
            RG_CHECK_STR(e->date, "2026-03-03");
            RG_CHECK(e->weight == 2 && e->nevidence == 2);
        } else if (!e->date) {
            undated_posts++;
        }
    }
    RG_CHECK(met == 1 && undated_posts == 1);
    RG_CHECK(rg_edges_fold_undated(&g) == 0);
    rg_graph_free(&g);
}

int main(void)
{
    test_fold_undated();
    rg_graph g, h;
    build(&g, false);
    RG_CHECK(count_events(&g) == 5);
    RG_CHECK(rg_events_merge(&g) == 1);
    RG_CHECK(count_events(&g) == 4);
    /* the merged meeting keeps the precise date and both documents' roles */
    char *id = rg_node_make_id(RG_NODE_EVENT, "Meeting 2026-03-03: Asma Karim, Rafael Ortiz");
    uint32_t m = rg_graph_find_node(&g, id);
    RG_CHECK(m != RG_NONE);
    if (m != RG_NONE) {
        RG_CHECK_STR(rg_attrs_get(&g.nodes[m].attrs, "date"), "2026-03-03");
        size_t roles = 0;
        for (size_t i = 0; i < g.nedges; i++)
            roles += g.edges[i].target == m;
        RG_CHECK(roles == 5); /* host, visitor, location, 2 x attendee */
    }
    free(id);
    /* places do not name events; the other meeting keeps its own node */
    id = rg_node_make_id(RG_NODE_EVENT, "Meeting 2026-03-03: Lena Berg, Tomas Weller");
    RG_CHECK(rg_graph_find_node(&g, id) != RG_NONE);
    free(id);

    /* the result does not depend on the order nodes were created in */
    build(&h, true);
    rg_events_merge(&h);
    rg_graph_finalize(&g);
    rg_graph_finalize(&h);
    RG_CHECK(g.nnodes == h.nnodes && g.nedges == h.nedges);
    for (size_t i = 0; i < g.nnodes && i < h.nnodes; i++)
        RG_CHECK_STR(g.nodes[i].id, h.nodes[i].id);
    rg_graph_free(&g);
    rg_graph_free(&h);
    return rg_test_done();
}
