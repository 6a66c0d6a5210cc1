/* Relation rules on sentences written for this test. Mentions are marked by
 * hand (the entity extractor is tested on its own), so each case checks one
 * rule: the relations and events it must produce, and the ones it must not. */
#include "rg_relate.h"
#include "rg_test.h"

typedef struct mark {
    const char *surface;
    rg_mention_type type;
    const char *entity; /* canonical name; mentions with one name share an entity */
} mark;

/* Builds an extraction: sentences split at ". " and newlines, every
 * occurrence of each surface string marked as a mention. */
static void make(rg_extraction *x, const char *text, const mark *marks, size_t nmarks)
{
    rg_extraction_init(x);
    x->text = rg_strdup(text);
    x->len = strlen(text);
    x->doc.id = rg_strdup("t");
    x->doc.title = rg_strdup("Test document");
    x->doc.date = rg_strdup("2026-03-03");
    uint32_t b = 0;
    for (uint32_t i = 0; i <= x->len; i++) {
        bool end = i == x->len || text[i] == '\n' || (text[i] == '.' && text[i + 1] == ' ');
        if (end) {
            uint32_t e = i < x->len && text[i] == '.' ? i + 1 : i;
            if (e > b) rg_extraction_add_sentence(x, b, e);
            b = i + 1;
        }
    }
    for (size_t k = 0; k < nmarks; k++) {
        uint32_t ent = RG_NONE;
        for (size_t e = 0; e < x->nentities; e++)
            if (strcmp(x->entities[e].name, marks[k].entity) == 0) ent = (uint32_t)e;
        if (ent == RG_NONE && marks[k].type != RG_MENTION_DATE)
            ent = rg_extraction_add_entity(x, (rg_node_type)marks[k].type, marks[k].entity);
        size_t n = strlen(marks[k].surface);
        for (const char *p = strstr(text, marks[k].surface); p;
             p = strstr(p + n, marks[k].surface)) {
            uint32_t mb = (uint32_t)(p - text), s = 0;
            while (s + 1 < x->nsentences && x->sentences[s].end <= mb)
                s++;
            rg_extraction_add_mention(x, marks[k].type, mb, mb + (uint32_t)n, s, ent);
        }
    }
}

static const char *ename(const rg_extraction *x, uint32_t e)
{
    return x->entities[e].name;
}

/* Counts relations of `type` from entity named s to entity named t (either
 * direction when t is NULL-terminated with '*' prefix not used). */
static int count_rel(const rg_extraction *x, const char *type, const char *s, const char *t)
{
    int n = 0;
    for (size_t i = 0; i < x->nrelations; i++) {
        const rg_xrelation *r = &x->relations[i];
        if (strcmp(r->type, type) != 0) continue;
        if (r->source >= x->nentities || r->target >= x->nentities) continue; /* unnamed */
        const char *a = ename(x, r->source), *b = ename(x, r->target);
        if ((strcmp(a, s) == 0 && strcmp(b, t) == 0)) n++;
    }
    return n;
}

static int count_role(const rg_extraction *x, const char *actor, const char *event_type,
                      const char *role)
{
    int n = 0;
    for (size_t i = 0; i < x->nrelations; i++) {
        const rg_xrelation *r = &x->relations[i];
        if (strcmp(r->type, "participant_in") != 0 || !r->role || strcmp(r->role, role) != 0)
            continue;
        const char *et = rg_attrs_get(&x->entities[r->target].attrs, "event_type");
        if (strcmp(ename(x, r->source), actor) == 0 && et && strcmp(et, event_type) == 0) n++;
    }
    return n;
}

static void test_meeting_and_roles(void)
{
    static const char text[] =
        "The chair of the Independent Commission on Missing Persons, Elena Marchetti, met "
        "Jordanian Foreign Minister Karim Haddad in Amman on Tuesday. Omar Zein, the director "
        "of the Syrian Archive, said the talks were useful.";
    static const mark m[] = {
        {"Independent Commission on Missing Persons", RG_MENTION_INSTITUTION, "ICMP"},
        {"Elena Marchetti", RG_MENTION_PERSON, "Elena Marchetti"},
        {"Karim Haddad", RG_MENTION_PERSON, "Karim Haddad"},
        {"Amman", RG_MENTION_PLACE, "Amman"},
        {"Omar Zein", RG_MENTION_PERSON, "Omar Zein"},
        {"Syrian Archive", RG_MENTION_ORGANISATION, "Syrian Archive"},
    };
    rg_extraction x;
    make(&x, text, m, sizeof m / sizeof *m);
    rg_relate_document(&x, NULL);
    RG_CHECK(count_rel(&x, "head_of", "Elena Marchetti", "ICMP") == 1);
    RG_CHECK(count_rel(&x, "communicated_with", "Elena Marchetti", "Karim Haddad") == 1);
    RG_CHECK(count_role(&x, "Elena Marchetti", "meeting", "attendee") == 1);
    RG_CHECK(count_role(&x, "Karim Haddad", "meeting", "attendee") == 1);
    RG_CHECK(count_rel(&x, "head_of", "Omar Zein", "Syrian Archive") == 1);
    /* the place where they met is not a participant */
    RG_CHECK(count_role(&x, "Amman", "meeting", "attendee") == 0);
    RG_CHECK(count_rel(&x, "communicated_with", "Karim Haddad", "Amman") == 0);
    /* every relation cites its sentence */
    for (size_t i = 0; i < x.nrelations; i++)
        RG_CHECK(x.relations[i].sentence < x.nsentences);
    rg_extraction_free(&x);
}

static void test_receive_sign_partof(void)
{
    static const char text[] =
        "The head of the Justice Now Coalition, Rami Aziz, received the Dutch envoy, Anna de "
        "Vries, at the coalition headquarters. The Families for Truth Network signed a "
        "memorandum of understanding with the Syrian Archive. The Commission is a United "
        "Nations body. The Commission said the Syrian Archive is a partner.";
    static const mark m[] = {
        {"Justice Now Coalition", RG_MENTION_ORGANISATION, "Justice Now Coalition"},
        {"Rami Aziz", RG_MENTION_PERSON, "Rami Aziz"},
        {"Anna de Vries", RG_MENTION_PERSON, "Anna de Vries"},
        {"Families for Truth Network", RG_MENTION_ORGANISATION, "Families for Truth Network"},
        {"Syrian Archive", RG_MENTION_ORGANISATION, "Syrian Archive"},
        {"Commission", RG_MENTION_INSTITUTION, "Commission"},
        {"United Nations", RG_MENTION_INSTITUTION, "United Nations"},
    };
    rg_extraction x;
    make(&x, text, m, sizeof m / sizeof *m);
    rg_relate_document(&x, NULL);
    RG_CHECK(count_rel(&x, "head_of", "Rami Aziz", "Justice Now Coalition") == 1);
    RG_CHECK(count_rel(&x, "communicated_with", "Rami Aziz", "Anna de Vries") == 1);
    RG_CHECK(count_role(&x, "Rami Aziz", "meeting", "host") == 1);
    RG_CHECK(count_role(&x, "Anna de Vries", "meeting", "visitor") == 1);
    RG_CHECK(count_rel(&x, "cooperates_with", "Families for Truth Network", "Syrian Archive") == 1);
    RG_CHECK(count_role(&x, "Syrian Archive", "agreement", "signatory") == 1);
    RG_CHECK(count_rel(&x, "part_of", "Commission", "United Nations") == 1);
    /* "X said the Y is a partner" is not part_of: Y is a partner, not a body head */
    RG_CHECK(count_rel(&x, "part_of", "Commission", "Syrian Archive") == 0);
    rg_extraction_free(&x);
}

static void test_warrants_and_signatories(void)
{
    static const char text[] =
        "Paris, 28 September 2026\n"
        "The Paris court issued arrest warrants against Nabil Khoury, Rami Aziz and Samir "
        "Haddad.\n"
        "Signatory organisations:\n"
        "1. Families for Truth Network\n"
        "2. Syrian Archive\n"
        "- Justice Now Coalition\n";
    static const mark m[] = {
        {"Paris court", RG_MENTION_INSTITUTION, "Paris court"},
        {"Nabil Khoury", RG_MENTION_PERSON, "Nabil Khoury"},
        {"Rami Aziz", RG_MENTION_PERSON, "Rami Aziz"},
        {"Samir Haddad", RG_MENTION_PERSON, "Samir Haddad"},
        {"Families for Truth Network", RG_MENTION_ORGANISATION, "Families for Truth Network"},
        {"Syrian Archive", RG_MENTION_ORGANISATION, "Syrian Archive"},
        {"Justice Now Coalition", RG_MENTION_ORGANISATION, "Justice Now Coalition"},
    };
    rg_extraction x;
    make(&x, text, m, sizeof m / sizeof *m);
    rg_relate_document(&x, NULL);
    RG_CHECK(count_role(&x, "Paris court", "legal_action", "issuer") == 1);
    RG_CHECK(count_role(&x, "Nabil Khoury", "legal_action", "target") == 1);
    RG_CHECK(count_role(&x, "Rami Aziz", "legal_action", "target") == 1);
    RG_CHECK(count_role(&x, "Samir Haddad", "legal_action", "target") == 1);
    RG_CHECK(count_role(&x, "Families for Truth Network", "statement", "signatory") == 1);
    RG_CHECK(count_role(&x, "Syrian Archive", "statement", "signatory") == 1);
    RG_CHECK(count_role(&x, "Justice Now Coalition", "statement", "signatory") == 1);
    rg_extraction_free(&x);
}

static void test_fight_alias_and_graph(void)
{
    static const char text[] =
        "The Northern Front attacked positions of the Border Army near the river. The "
        "International Commission for Missing Persons (ICMP) opened an office. Ali Nour said "
        "the Border Army had left. The Alliance of the North, led by Omar Salim, said that "
        "members of the alliance include the Northern Front and the River Brigade. Fighters "
        "from the River Brigade left.";
    static const mark m[] = {
        {"Northern Front", RG_MENTION_ORGANISATION, "Northern Front"},
        {"Border Army", RG_MENTION_ORGANISATION, "Border Army"},
        {"International Commission for Missing Persons", RG_MENTION_INSTITUTION, "ICMP full"},
        {"ICMP", RG_MENTION_INSTITUTION, "ICMP short"},
        {"Ali Nour", RG_MENTION_PERSON, "Ali Nour"},
        {"Alliance of the North", RG_MENTION_ORGANISATION, "Alliance of the North"},
        {"Omar Salim", RG_MENTION_PERSON, "Omar Salim"},
        {"alliance", RG_MENTION_ORGANISATION, "Alliance of the North"},
        {"River Brigade", RG_MENTION_ORGANISATION, "River Brigade"},
        {"Fighters", RG_MENTION_ORGANISATION, "Fighters"},
    };
    rg_extraction x;
    make(&x, text, m, sizeof m / sizeof *m);
    rg_relate_opts o = {.co_mentions = true};
    rg_relate_document(&x, &o);
    RG_CHECK(count_rel(&x, "fighting_against", "Northern Front", "Border Army") == 1);
    RG_CHECK(count_rel(&x, "same_as", "ICMP full", "ICMP short") == 1);
    /* "said" is no relation cue */
    RG_CHECK(count_rel(&x, "fighting_against", "Ali Nour", "Border Army") == 0);
    RG_CHECK(count_rel(&x, "co_mentioned", "Ali Nour", "Border Army") == 1);
    RG_CHECK(count_rel(&x, "head_of", "Omar Salim", "Alliance of the North") == 1);
    RG_CHECK(count_rel(&x, "member_of", "Northern Front", "Alliance of the North") == 1);
    RG_CHECK(count_rel(&x, "member_of", "River Brigade", "Alliance of the North") == 1);
    RG_CHECK(count_rel(&x, "member_of", "Fighters", "River Brigade") == 1);
    RG_CHECK(count_rel(&x, "member_of", "Omar Salim", "Alliance of the North") == 0);

    /* into a graph: the edge carries its sentence as evidence */
    rg_graph g;
    rg_graph_init(&g);
    rg_error err = {0};
    RG_CHECK(rg_graph_add_extraction(&g, &x, &err) == RG_OK);
    char *a = rg_node_make_id(RG_NODE_ORGANISATION, "Northern Front");
    uint32_t na = rg_graph_find_node(&g, a);
    RG_CHECK(na != RG_NONE);
    int found = 0;
    for (size_t i = 0; i < g.nedges; i++)
        if (g.edges[i].source == na && strcmp(g.edges[i].type, "fighting_against") == 0 &&
            g.edges[i].nevidence == 1 && strstr(g.edges[i].evidence[0].text, "attacked"))
            found++;
    RG_CHECK(found == 1);
    free(a);
    rg_graph_free(&g);
    rg_extraction_free(&x);
}

/* Fighting and control: subjects past locations and prepositions,
 * coordinated subjects (who are then allies), relative clauses, passives. */
static void test_fight_control_allies(void)
{
    static const char text[] =
        "Near Dorvan, two strikes engaged the Red Hand Brigade. The Northern Front, the Lakeside "
        "Guard and Velmaria are committed to defeating the Red Hand Brigade. The Hill Squadron, "
        "which flies missions against the Red Hand Brigade, returned. Port Avel was captured by "
        "the Red Hand Brigade. The Red Hand Brigade controls Kessen. Saleh Amrani was killed by "
        "the Northern Front. Rima Tal was killed in Kessen. They mourned the fall of Dorvan to "
        "the Red Hand Brigade. The Relief Council is supporting the Hill Squadron. The Coast "
        "Watch, as part of the Relief Council, is working to defeat the Kessen Militia. Omar Dal "
        "was killed yesterday in northern Velmaria. Contacts with Red Hand Brigade attack "
        "planners and Kessen Militia members were cut. The Harbour Trust is assisting the "
        "Lakeside Guard to defeat the Kessen Militia. Clashes between the Northern Front and "
        "the Lakeside Guard killed Omar Dal. The Relief Council, which controls the Harbour Trust, "
        "grew. The Hill Squadron will continue to strike the Kessen Militia.";
    static const mark m[] = {
        {"Dorvan", RG_MENTION_PLACE, "Dorvan"},
        {"Red Hand Brigade", RG_MENTION_ORGANISATION, "Red Hand Brigade"},
        {"Northern Front", RG_MENTION_ORGANISATION, "Northern Front"},
        {"Lakeside Guard", RG_MENTION_ORGANISATION, "Lakeside Guard"},
        {"Velmaria", RG_MENTION_PLACE, "Velmaria"},
        {"Hill Squadron", RG_MENTION_ORGANISATION, "Hill Squadron"},
        {"Port Avel", RG_MENTION_PLACE, "Port Avel"},
        {"Kessen", RG_MENTION_PLACE, "Kessen"},
        {"Saleh Amrani", RG_MENTION_PERSON, "Saleh Amrani"},
        {"Rima Tal", RG_MENTION_PERSON, "Rima Tal"},
        {"Relief Council", RG_MENTION_ORGANISATION, "Relief Council"},
        {"Coast Watch", RG_MENTION_ORGANISATION, "Coast Watch"},
        {"Kessen Militia", RG_MENTION_ORGANISATION, "Kessen Militia"},
        {"Omar Dal", RG_MENTION_PERSON, "Omar Dal"},
        {"Harbour Trust", RG_MENTION_ORGANISATION, "Harbour Trust"},
    };
    rg_extraction x;
    make(&x, text, m, sizeof m / sizeof *m);
    rg_relate_document(&x, NULL);
    RG_CHECK(count_rel(&x, "fighting_against", "Coast Watch", "Kessen Militia") == 1);
    RG_CHECK(count_rel(&x, "fighting_against", "Relief Council", "Kessen Militia") == 1);
    RG_CHECK(count_rel(&x, "allied_with", "Coast Watch", "Relief Council") == 1);
    RG_CHECK(count_rel(&x, "fighting_against", "Omar Dal", "Velmaria") == 0);
    RG_CHECK(count_rel(&x, "fighting_against", "Red Hand Brigade", "Kessen Militia") == 0);
    RG_CHECK(count_rel(&x, "head_of", "Relief Council", "Harbour Trust") == 1);
    RG_CHECK(count_rel(&x, "fighting_against", "Hill Squadron", "Kessen Militia") == 1);
    /* the one assisted fights, and so does its helper */
    RG_CHECK(count_rel(&x, "fighting_against", "Lakeside Guard", "Kessen Militia") == 1);
    RG_CHECK(count_rel(&x, "fighting_against", "Harbour Trust", "Kessen Militia") == 1);
    RG_CHECK(count_rel(&x, "allied_with", "Harbour Trust", "Lakeside Guard") == 1);
    const char *rhb = "Red Hand Brigade";
    RG_CHECK(count_rel(&x, "fighting_against", "Dorvan", rhb) == 0);
    RG_CHECK(count_rel(&x, "fighting_against", "Northern Front", rhb) == 1);
    RG_CHECK(count_rel(&x, "fighting_against", "Lakeside Guard", rhb) == 1);
    RG_CHECK(count_rel(&x, "fighting_against", "Velmaria", rhb) == 1);
    /* once, from the coordinated subject; "clashes between" them makes no allies */
    RG_CHECK(count_rel(&x, "allied_with", "Northern Front", "Lakeside Guard") == 1);
    RG_CHECK(count_rel(&x, "allied_with", "Lakeside Guard", "Velmaria") == 1);
    RG_CHECK(count_rel(&x, "fighting_against", "Hill Squadron", rhb) == 1);
    RG_CHECK(count_rel(&x, "in_charge_of", rhb, "Port Avel") == 1);
    RG_CHECK(count_rel(&x, "in_charge_of", rhb, "Kessen") == 1);
    RG_CHECK(count_rel(&x, "fighting_against", rhb, "Kessen") == 0);
    RG_CHECK(count_rel(&x, "fighting_against", "Northern Front", "Saleh Amrani") == 1);
    RG_CHECK(count_rel(&x, "fighting_against", "Rima Tal", "Kessen") == 0);
    RG_CHECK(count_rel(&x, "in_charge_of", rhb, "Dorvan") == 1);
    RG_CHECK(count_rel(&x, "allied_with", "Relief Council", "Hill Squadron") == 1);
    rg_extraction_free(&x);
}

/* Roles in appositions, service, unit chains, lists, meetings of a pair,
 * title appositions and aliases, and a state issuing warrants. */
static void test_roles_units_aliases(void)
{
    static const char text[] =
        "Tomas Varga, commander, Hill Squadron, spoke. Lena Ostrova, a Northern Front commander "
        "in Dorvan, was arrested. Mark Oduya, Lakeside Guard commander, said it.\n"
        "The Coast Watch Commander, Pavel Ilic, spoke. Ana Bell was assigned to the 4th Signal "
        "Battalion, 9th Support Brigade. The Relief Council, which includes the Dorvan Aid Group "
        "and the Harbour Trust, met. Strikes in Velmaria include the Harbour Trust.\n"
        "Tomas Varga and Lena Ostrova met on Monday. Mark Oduya met the Velmarian Interior "
        "Minister, Ivo Petran, in Dorvan. The Northern Front (NF) left. Hadi Salem (born 1970), "
        "also known as Abu Nour, fled.\n"
        "We welcome the Velmarian prosecutor's decision to issue arrest warrants against Saleh "
        "Amrani.\n"
        "Nadia Roe, commander, Coast Watch, met Ivo Petran. The Harbour Trust flies missions "
        "against the Northern Front as part of the Relief Council.";
    static const mark m[] = {
        {"Tomas Varga", RG_MENTION_PERSON, "Tomas Varga"},
        {"Hill Squadron", RG_MENTION_ORGANISATION, "Hill Squadron"},
        {"Lena Ostrova", RG_MENTION_PERSON, "Lena Ostrova"},
        {"Northern Front", RG_MENTION_ORGANISATION, "Northern Front"},
        {"NF", RG_MENTION_ORGANISATION, "Northern Front"},
        {"Dorvan", RG_MENTION_PLACE, "Dorvan"},
        {"Mark Oduya", RG_MENTION_PERSON, "Mark Oduya"},
        {"Lakeside Guard", RG_MENTION_ORGANISATION, "Lakeside Guard"},
        {"Coast Watch", RG_MENTION_ORGANISATION, "Coast Watch"},
        {"Pavel Ilic", RG_MENTION_PERSON, "Pavel Ilic"},
        {"Ana Bell", RG_MENTION_PERSON, "Ana Bell"},
        {"4th Signal Battalion", RG_MENTION_ORGANISATION, "4th Signal Battalion"},
        {"9th Support Brigade", RG_MENTION_ORGANISATION, "9th Support Brigade"},
        {"Relief Council", RG_MENTION_ORGANISATION, "Relief Council"},
        {"Dorvan Aid Group", RG_MENTION_ORGANISATION, "Dorvan Aid Group"},
        {"Harbour Trust", RG_MENTION_ORGANISATION, "Harbour Trust"},
        {"Velmaria", RG_MENTION_PLACE, "Velmaria"},
        {"the Velmarian Interior Minister", RG_MENTION_PERSON, "Velmarian Interior Minister"},
        {"Ivo Petran", RG_MENTION_PERSON, "Ivo Petran"},
        {"Hadi Salem", RG_MENTION_PERSON, "Hadi Salem"},
        {"Abu Nour", RG_MENTION_PERSON, "Abu Nour"},
        {"Saleh Amrani", RG_MENTION_PERSON, "Saleh Amrani"},
        {"Nadia Roe", RG_MENTION_PERSON, "Nadia Roe"},
    };
    rg_extraction x;
    make(&x, text, m, sizeof m / sizeof *m);
    rg_relate_document(&x, NULL);
    /* the body in a person's apposition is not the subject */
    RG_CHECK(count_rel(&x, "communicated_with", "Nadia Roe", "Ivo Petran") == 1);
    RG_CHECK(count_rel(&x, "communicated_with", "Coast Watch", "Ivo Petran") == 0);
    RG_CHECK(count_rel(&x, "part_of", "Northern Front", "Relief Council") == 0);
    RG_CHECK(count_rel(&x, "fighting_against", "Harbour Trust", "Northern Front") == 1);
    RG_CHECK(count_rel(&x, "head_of", "Tomas Varga", "Hill Squadron") == 1);
    RG_CHECK(count_rel(&x, "member_of", "Lena Ostrova", "Northern Front") == 1);
    RG_CHECK(count_rel(&x, "head_of", "Lena Ostrova", "Northern Front") == 0);
    RG_CHECK(count_rel(&x, "head_of", "Mark Oduya", "Lakeside Guard") == 1);
    RG_CHECK(count_rel(&x, "head_of", "Pavel Ilic", "Coast Watch") == 1);
    RG_CHECK(count_rel(&x, "member_of", "Ana Bell", "4th Signal Battalion") == 1);
    RG_CHECK(count_rel(&x, "part_of", "4th Signal Battalion", "9th Support Brigade") == 1);
    RG_CHECK(count_rel(&x, "member_of", "Dorvan Aid Group", "Relief Council") == 1);
    RG_CHECK(count_rel(&x, "member_of", "Harbour Trust", "Relief Council") == 1);
    RG_CHECK(count_rel(&x, "member_of", "Harbour Trust", "Velmaria") == 0);
    RG_CHECK(count_rel(&x, "communicated_with", "Tomas Varga", "Lena Ostrova") == 1);
    RG_CHECK(count_rel(&x, "communicated_with", "Mark Oduya", "Velmarian Interior Minister") == 1);
    RG_CHECK(count_rel(&x, "communicated_with", "Mark Oduya", "Ivo Petran") == 1);
    RG_CHECK(count_rel(&x, "same_as", "Velmarian Interior Minister", "Ivo Petran") == 1);
    RG_CHECK(count_rel(&x, "same_as", "Northern Front", "Northern Front") == 1);
    RG_CHECK(count_rel(&x, "same_as", "Hadi Salem", "Abu Nour") == 1);
    RG_CHECK(count_role(&x, "Velmaria", "legal_action", "issuer") == 1);
    RG_CHECK(count_role(&x, "Saleh Amrani", "legal_action", "target") == 1);
    RG_CHECK(count_rel(&x, "opposed_to", "Velmaria", "Saleh Amrani") == 1);
    rg_extraction_free(&x);
}

/* Acronyms of names split over two mentions, portfolios, countries as the
 * counterpart of a meeting and as modifiers. */
static void test_acronyms_countries(void)
{
    static const char text[] =
        "The Front of Resistance in Velmaria (FRV) grew. Minister for the Kessen Region, Ana "
        "Voss, spoke. Mark Oduya pressed Velmaria to act. Mark Oduya met Dorvan Secretary of "
        "State Lio Ban. Rosa Lind, an artillery crew chief in the Coast Watch, spoke. Ben Ode, a "
        "lawyer in Dorvan, spoke. Ivo Sand, who said that members of the Coast Watch left, "
        "spoke. The Tanker Crews from the 507th Support Wing left. Lio Ban commands the Tanker "
        "Crews. The Coast Watch, under the command of Kai Oru, sailed. Ben Ode led the talks "
        "with Velmaria. He fought in the Velmaria-Dorvan War and praised the Dorvan-Velmaria "
        "partnership. The Tanker Crews joined the Coast Watch. Ben Ode joined Lio Ban for talks. "
        "The Coast Watch, represented by Ana Voss, signed. Velmaria, led by Lio Ban, voted. They "
        "reached the Kessen Region, the Coast Watch's stronghold.";
    static const mark m[] = {
        {"Front of Resistance", RG_MENTION_ORGANISATION, "Front of Resistance"},
        {"Velmaria", RG_MENTION_PLACE, "Velmaria"},
        {"FRV", RG_MENTION_ORGANISATION, "FRV"},
        {"Kessen Region", RG_MENTION_PLACE, "Kessen Region"},
        {"Ana Voss", RG_MENTION_PERSON, "Ana Voss"},
        {"Mark Oduya", RG_MENTION_PERSON, "Mark Oduya"},
        {"Dorvan", RG_MENTION_PLACE, "Dorvan"},
        {"Lio Ban", RG_MENTION_PERSON, "Lio Ban"},
        {"Rosa Lind", RG_MENTION_PERSON, "Rosa Lind"},
        {"Coast Watch", RG_MENTION_ORGANISATION, "Coast Watch"},
        {"Ben Ode", RG_MENTION_PERSON, "Ben Ode"},
        {"Ivo Sand", RG_MENTION_PERSON, "Ivo Sand"},
        {"Tanker Crews", RG_MENTION_ORGANISATION, "Tanker Crews"},
        {"Kai Oru", RG_MENTION_PERSON, "Kai Oru"},
        {"Support Wing", RG_MENTION_ORGANISATION, "Support Wing"},
    };
    rg_extraction x;
    make(&x, text, m, sizeof m / sizeof *m);
    rg_relate_document(&x, NULL);
    RG_CHECK(count_rel(&x, "same_as", "Front of Resistance", "FRV") == 1);
    RG_CHECK(count_rel(&x, "same_as", "Velmaria", "FRV") == 0);
    RG_CHECK(count_rel(&x, "official_of", "Ana Voss", "Kessen Region") == 0);
    RG_CHECK(count_rel(&x, "communicated_with", "Mark Oduya", "Velmaria") == 1);
    RG_CHECK(count_rel(&x, "communicated_with", "Mark Oduya", "Dorvan") == 0);
    /* a role after modifiers in an apposition; indefinite: a member */
    RG_CHECK(count_rel(&x, "member_of", "Rosa Lind", "Coast Watch") == 1);
    RG_CHECK(count_rel(&x, "head_of", "Rosa Lind", "Coast Watch") == 0);
    RG_CHECK(count_rel(&x, "member_of", "Ben Ode", "Dorvan") == 0);
    RG_CHECK(count_rel(&x, "member_of", "Ivo Sand", "Coast Watch") == 0);
    RG_CHECK(count_rel(&x, "member_of", "Tanker Crews", "Support Wing") == 1);
    RG_CHECK(count_rel(&x, "head_of", "Lio Ban", "Tanker Crews") == 1);
    RG_CHECK(count_rel(&x, "head_of", "Kai Oru", "Coast Watch") == 1);
    RG_CHECK(count_rel(&x, "head_of", "Ben Ode", "Velmaria") == 0);
    RG_CHECK(count_rel(&x, "fighting_against", "Velmaria", "Dorvan") == 1);
    RG_CHECK(count_rel(&x, "allied_with", "Dorvan", "Velmaria") == 1);
    RG_CHECK(count_rel(&x, "member_of", "Tanker Crews", "Coast Watch") == 1);
    RG_CHECK(count_rel(&x, "communicated_with", "Ben Ode", "Lio Ban") == 1);
    RG_CHECK(count_rel(&x, "member_of", "Ben Ode", "Lio Ban") == 0);
    RG_CHECK(count_rel(&x, "represents", "Ana Voss", "Coast Watch") == 1);
    RG_CHECK(count_rel(&x, "head_of", "Lio Ban", "Velmaria") == 1);
    RG_CHECK(count_rel(&x, "in_charge_of", "Coast Watch", "Kessen Region") == 1);
    rg_extraction_free(&x);
}

/* Marks every mention whose surface is `surface` as unnamed: a nominal or a
 * pronoun without antecedent (entity RG_NONE), as the extractor makes them. */
static void unname(rg_extraction *x, const char *surface, uint32_t flag)
{
    size_t n = strlen(surface);
    for (size_t i = 0; i < x->nmentions; i++) {
        rg_xmention *m = &x->mentions[i];
        if (m->end - m->begin == n && strncmp(x->text + m->begin, surface, n) == 0) {
            m->entity = RG_NONE;
            m->flags = flag;
        }
    }
}

/* Relations of `type` between the mentions with these surfaces (by span: an
 * unnamed argument has no entity). */
static int count_span(const rg_extraction *x, const char *type, const char *s, const char *t)
{
    int n = 0;
    for (size_t i = 0; i < x->nrelations; i++) {
        const rg_xrelation *r = &x->relations[i];
        if (strcmp(r->type, type) != 0 || r->source_mention >= x->nmentions ||
            r->target_mention >= x->nmentions)
            continue;
        const rg_xmention *a = &x->mentions[r->source_mention],
                          *b = &x->mentions[r->target_mention];
        if (a->end - a->begin == strlen(s) && strncmp(x->text + a->begin, s, strlen(s)) == 0 &&
            b->end - b->begin == strlen(t) && strncmp(x->text + b->begin, t, strlen(t)) == 0)
            n++;
    }
    return n;
}

static void test_unnamed_lists_agreements(void)
{
    static const char text[] =
        "We will continue to strike the Tarn Legion. The Tarn Legion killed forty villagers. "
        "The Tarn Legion shelled the old market. The Tarn Legion attacked our convoy. "
        "Partner nations which have conducted strikes in Dorvan include Velmaria, Ostrel and "
        "Kamen. The Foreign Minister joined the Defence Secretary and regional partners for "
        "talks on the crisis. They welcomed the agreement reached on Monday between the Coastal "
        "Government, led by Anna Vos, and the Hill Region, represented by Piet Mol. Velmaria "
        "joined together to counter the Tarn Legion. The Tarn Legion, the armed group, fled.";
    static const mark m[] = {
        {"We", RG_MENTION_ORGANISATION, "we"},
        {"Tarn Legion", RG_MENTION_ORGANISATION, "Tarn Legion"},
        {"forty villagers", RG_MENTION_PERSON, "villagers"},
        {"the old market", RG_MENTION_PLACE, "market"},
        {"our", RG_MENTION_ORGANISATION, "ours"},
        {"Partner nations", RG_MENTION_ORGANISATION, "partners"},
        {"Dorvan", RG_MENTION_PLACE, "Dorvan"},
        {"Velmaria", RG_MENTION_PLACE, "Velmaria"},
        {"Ostrel", RG_MENTION_PLACE, "Ostrel"},
        {"Kamen", RG_MENTION_PLACE, "Kamen"},
        {"Foreign Minister", RG_MENTION_PERSON, "Foreign Minister"},
        {"Defence Secretary", RG_MENTION_PERSON, "Defence Secretary"},
        {"regional partners", RG_MENTION_ORGANISATION, "regional partners"},
        {"Coastal Government", RG_MENTION_INSTITUTION, "Coastal Government"},
        {"Anna Vos", RG_MENTION_PERSON, "Anna Vos"},
        {"Hill Region", RG_MENTION_INSTITUTION, "Hill Region"},
        {"Piet Mol", RG_MENTION_PERSON, "Piet Mol"},
        {"the armed group", RG_MENTION_ORGANISATION, "armed group"},
    };
    rg_extraction x;
    make(&x, text, m, sizeof m / sizeof *m);
    unname(&x, "We", RG_XM_PRONOUN);
    /* "our": a pronoun resolved to its antecedent, used as a determiner */
    for (size_t i = 0; i < x.nmentions; i++)
        if (x.mentions[i].end - x.mentions[i].begin == 3 &&
            strncmp(x.text + x.mentions[i].begin, "our", 3) == 0)
            x.mentions[i].flags = RG_XM_PRONOUN;
    static const char *const nominals[] = {"forty villagers", "the old market", "Partner nations",
                                           "regional partners", "the armed group"};
    for (size_t i = 0; i < sizeof nominals / sizeof *nominals; i++)
        unname(&x, nominals[i], RG_XM_NOMINAL);
    rg_relate_document(&x, NULL);
    /* an unresolved pronoun subject and a nominal object, reported by span */
    RG_CHECK(count_span(&x, "fighting_against", "We", "Tarn Legion") == 1);
    RG_CHECK(count_span(&x, "fighting_against", "Tarn Legion", "forty villagers") == 1);
    /* ... but no graph edge: no entity on the unnamed side */
    for (size_t i = 0; i < x.nrelations; i++) {
        const rg_xrelation *r = &x.relations[i];
        if (r->source_mention < x.nmentions && x.mentions[r->source_mention].entity == RG_NONE)
            RG_CHECK(r->source == RG_NONE);
    }
    /* an unnamed place is no party; a possessive pronoun argues nothing */
    RG_CHECK(count_span(&x, "fighting_against", "Tarn Legion", "the old market") == 0);
    RG_CHECK(count_span(&x, "fighting_against", "Tarn Legion", "our") == 0);
    /* a nominal in apposition is no synonym */
    RG_CHECK(count_span(&x, "same_as", "Tarn Legion", "the armed group") == 0);
    /* the body a relative clause describes includes the list */
    RG_CHECK(count_span(&x, "member_of", "Velmaria", "Partner nations") == 1);
    RG_CHECK(count_span(&x, "member_of", "Kamen", "Partner nations") == 1);
    RG_CHECK(count_rel(&x, "member_of", "Ostrel", "Dorvan") == 0);
    /* joined A and B for talks */
    RG_CHECK(count_rel(&x, "communicated_with", "Foreign Minister", "Defence Secretary") == 1);
    RG_CHECK(count_span(&x, "communicated_with", "Foreign Minister", "regional partners") == 1);
    /* an agreement between two bodies binds them, not the people leading them */
    RG_CHECK(count_rel(&x, "communicated_with", "Coastal Government", "Hill Region") == 1);
    RG_CHECK(count_rel(&x, "communicated_with", "Anna Vos", "Piet Mol") == 0);
    RG_CHECK(count_role(&x, "Hill Region", "agreement", "signatory") == 1);
    /* "joined together to counter Y": Y is countered, not met */
    RG_CHECK(count_rel(&x, "communicated_with", "Velmaria", "Tarn Legion") == 0);
    rg_extraction_free(&x);
}

int main(void)
{
    test_meeting_and_roles();
    test_receive_sign_partof();
    test_warrants_and_signatories();
    test_fight_alias_and_graph();
    test_fight_control_allies();
    test_roles_units_aliases();
    test_acronyms_countries();
    test_unnamed_lists_agreements();
    return rg_test_done();
}
