#include "rg_extract.h"

#include <stdlib.h>
#include <string.h>

const char *rg_mention_type_name(rg_mention_type t)
{
    return t == RG_MENTION_DATE ? "date" : rg_node_type_name((rg_node_type)t);
}

void rg_extraction_init(rg_extraction *x)
{
    memset(x, 0, sizeof *x);
}

void rg_extraction_free(rg_extraction *x)
{
    rg_document_free(&x->doc);
    free(x->text);
    free(x->sentences);
    for (size_t i = 0; i < x->nentities; i++) {
        free(x->entities[i].name);
        rg_attrs_free(&x->entities[i].attrs);
    }
    free(x->entities);
    for (size_t i = 0; i < x->nmentions; i++) free(x->mentions[i].value);
    free(x->mentions);
    for (size_t i = 0; i < x->nrelations; i++) {
        free(x->relations[i].type);
        free(x->relations[i].role);
        free(x->relations[i].date);
    }
    free(x->relations);
    memset(x, 0, sizeof *x);
}

uint32_t rg_extraction_add_sentence(rg_extraction *x, uint32_t begin, uint32_t end)
{
    rg_xsentence *s = RG_PUSH(x->sentences, x->nsentences, x->cap_sentences);
    s->begin = begin;
    s->end = end;
    return (uint32_t)(x->nsentences - 1);
}

uint32_t rg_extraction_add_entity(rg_extraction *x, rg_node_type type, const char *name)
{
    rg_xentity *e = RG_PUSH(x->entities, x->nentities, x->cap_entities);
    memset(e, 0, sizeof *e);
    e->type = type;
    e->name = rg_strdup(name);
    return (uint32_t)(x->nentities - 1);
}

uint32_t rg_extraction_add_mention(rg_extraction *x, rg_mention_type type, uint32_t begin,
                                   uint32_t end, uint32_t sentence, uint32_t entity)
{
    rg_xmention *m = RG_PUSH(x->mentions, x->nmentions, x->cap_mentions);
    memset(m, 0, sizeof *m);
    m->type = type;
    m->begin = begin;
    m->end = end;
    m->sentence = sentence;
    m->entity = entity;
    return (uint32_t)(x->nmentions - 1);
}

uint32_t rg_extraction_add_relation(rg_extraction *x, const char *type, const char *role,
                                    uint32_t source, uint32_t target, uint32_t sentence)
{
    rg_xrelation *r = RG_PUSH(x->relations, x->nrelations, x->cap_relations);
    memset(r, 0, sizeof *r);
    r->type = rg_strdup(type);
    r->role = rg_strdup(role);
    r->source = source;
    r->target = target;
    r->source_mention = r->target_mention = RG_NONE;
    r->sentence = sentence;
    return (uint32_t)(x->nrelations - 1);
}

static char *sentence_text(const rg_extraction *x, uint32_t s)
{
    if (s >= x->nsentences) return rg_strdup("");
    const rg_xsentence *se = &x->sentences[s];
    return rg_strndup(x->text + se->begin, se->end - se->begin);
}

rg_status rg_graph_add_extraction(rg_graph *g, const rg_extraction *x, rg_error *err)
{
    uint32_t doc = rg_graph_add_doc(g, &x->doc);
    uint32_t *node_of = rg_malloc((x->nentities + 1) * sizeof *node_of);
    rg_status rc = RG_OK;
    for (size_t i = 0; i < x->nentities && rc == RG_OK; i++) {
        const rg_xentity *e = &x->entities[i];
        rc = rg_graph_add_node(g, NULL, e->type, e->name, &node_of[i], err);
        if (rc) break;
        for (size_t a = 0; a < e->attrs.n; a++)
            rg_attrs_set(&g->nodes[node_of[i]].attrs, e->attrs.items[a].key,
                         e->attrs.items[a].value);
        rg_graph_node_add_doc(g, node_of[i], doc);
    }
    for (size_t i = 0; i < x->nmentions && rc == RG_OK; i++) {
        const rg_xmention *m = &x->mentions[i];
        if (m->entity == RG_NONE || m->entity >= x->nentities) continue;
        if (m->flags & RG_XM_PRONOUN) continue; /* "he" is no alias of its antecedent */
        char *surface = rg_strndup(x->text + m->begin, m->end - m->begin);
        rg_graph_node_add_alias(g, node_of[m->entity], surface, 1);
        rg_graph_node_add_mention(g, node_of[m->entity], (rg_span){doc, m->begin, m->end});
        free(surface);
    }
    for (size_t i = 0; i < x->nrelations && rc == RG_OK; i++) {
        const rg_xrelation *r = &x->relations[i];
        if (r->source >= x->nentities || r->target >= x->nentities) continue;
        if (r->source == r->target) continue; /* e.g. an acronym defined in place */
        uint32_t e;
        rc = rg_graph_add_edge(g, node_of[r->source], node_of[r->target], r->type, r->role,
                               r->date, 1.0, &e, err);
        if (rc) break;
        if (r->sentence < x->nsentences) {
            char *text = sentence_text(x, r->sentence);
            const rg_xsentence *se = &x->sentences[r->sentence];
            rg_graph_edge_add_evidence(g, e, doc, se->begin, se->end, text);
            free(text);
            /* an event is mentioned by the sentences that report it */
            rg_node *ev = &g->nodes[node_of[r->target]];
            bool seen = false;
            for (size_t k = 0; k < ev->nmentions && !seen; k++)
                seen = ev->mentions[k].doc == doc && ev->mentions[k].begin == se->begin;
            if (ev->type == RG_NODE_EVENT && !seen)
                rg_graph_node_add_mention(g, node_of[r->target], (rg_span){doc, se->begin, se->end});
        }
    }
    free(node_of);
    return rc;
}
