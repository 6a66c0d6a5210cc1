/* rg_graph: relgraph's typed property multigraph.
 *
 * Nodes are actors and events: a closed vocabulary of types (person,
 * organisation, institution, place, event). Edges are typed relations from
 * the documented vocabulary in docs/FORMAT.md (head_of, member_of, ...);
 * user-defined edge types are accepted when they are lower-case identifiers.
 *
 * Storage: nodes, edges and documents live in plain arrays owned by the graph
 * and are addressed by uint32 index. Pointers into those arrays are valid
 * until the next call that adds to the same array, so keep indices, not
 * pointers. Node ids are unique (a hash map from id to index); an edge's
 * identity is (source, target, type, role, date): adding it again merges the
 * weights and evidence into the existing edge, which is how repeated
 * observations accumulate.
 *
 * igraph_t holds the structure for analysis: rg_graph_igraph() builds it on
 * demand from the edge arrays (vertex i = node i, edge j = edge j, directed)
 * and caches it until the graph changes. Attributes stay in the typed tables
 * here; the engine's algorithms map igraph results back by index.
 *
 * Determinism: rg_graph_finalize() sorts nodes by id and edges by (source
 * id, target id, key), so the same inputs give the same graph in the same
 * order whatever order they were read in.
 *
 * Ownership: the graph owns every string stored in it (setters copy their
 * arguments). rg_graph_free() releases everything.
 */
#ifndef RG_GRAPH_H
#define RG_GRAPH_H

#include <igraph.h>

#include "rg_util.h"

typedef enum {
    RG_NODE_PERSON,
    RG_NODE_ORGANISATION,
    RG_NODE_INSTITUTION,
    RG_NODE_PLACE,
    RG_NODE_EVENT,
    RG_NODE_NTYPES
} rg_node_type;

const char *rg_node_type_name(rg_node_type t);
/* Accepts the canonical names and common synonyms (organization, org,
 * location, loc, gpe, ...), case-insensitively. Returns false if unknown. */
bool rg_node_type_parse(const char *s, rg_node_type *t);

/* Edge types the engine knows; others must match [a-z][a-z0-9_]*. */
extern const char *const rg_edge_types[];
bool rg_edge_type_known(const char *type);
bool rg_edge_type_valid(const char *type);
/* Symmetric relations (communicated_with, allied_with, co_mentioned, ...)
 * are stored once with source id < target id. */
bool rg_edge_type_symmetric(const char *type);

/* Ordered key/value list; keys unique. */
typedef struct rg_attr {
    char *key, *value;
} rg_attr;
typedef struct rg_attrs {
    rg_attr *items;
    size_t n, cap;
    rg_strmap *index; /* private: key -> position, built once n is large */
} rg_attrs;
void rg_attrs_set(rg_attrs *a, const char *key, const char *value);
const char *rg_attrs_get(const rg_attrs *a, const char *key);
void rg_attrs_free(rg_attrs *a);

typedef struct rg_document {
    char *id;     /* file name without directory and extension, unique */
    char *title;  /* may be NULL */
    char *date;   /* ISO 8601, may be NULL */
    char *path;   /* as given on the command line */
    char *sha256; /* hex, may be NULL for tables */
} rg_document;

/* A place in a document: byte offsets into its text, end exclusive. */
typedef struct rg_span {
    uint32_t doc, begin, end;
} rg_span;

/* Why an edge exists: the sentence that says so. */
typedef struct rg_evidence {
    uint32_t doc, begin, end; /* the sentence's byte span */
    char *text;               /* the sentence */
} rg_evidence;

typedef struct rg_alias {
    char *name;
    uint32_t count;
} rg_alias;

typedef struct rg_node {
    char *id;
    rg_node_type type;
    char *label;
    rg_alias *aliases; /* every surface form seen, label included */
    size_t naliases, cap_aliases;
    rg_attrs attrs;
    uint32_t mention_count;
    rg_span *mentions; /* provenance of each mention */
    size_t nmentions, cap_mentions;
    uint32_t *docs; /* sorted, unique document indices */
    size_t ndocs, cap_docs;
    /* Created only as an edge endpoint (e.g. an edge table without a node
     * table): its type and label are placeholders that the first explicit
     * add_node of the same id replaces. */
    bool implicit;
    rg_strmap *alias_index; /* private: name -> position, built once naliases is large */
} rg_node;

typedef struct rg_edge {
    uint32_t source, target; /* node indices */
    /* type and key are shared: interned in the graph (see edge_strs), never
     * freed or changed in place by themselves; role and date are the edge's. */
    char *type;
    char *role; /* participant_in: host, visitor, signatory, ...; else NULL */
    char *date; /* ISO 8601 or NULL */
    char *key;  /* unique among edges between the same pair: type[:role][@date] */
    double weight;
    rg_evidence *evidence;
    size_t nevidence, cap_evidence;
    rg_attrs attrs;
    rg_strmap *evidence_index; /* private: "doc:begin" -> position, once large */
} rg_edge;

typedef struct rg_graph {
    rg_document *docs;
    size_t ndocs, cap_docs;
    rg_node *nodes;
    size_t nnodes, cap_nodes;
    rg_edge *edges;
    size_t nedges, cap_edges;
    rg_attrs attrs; /* graph-level attributes */
    /* private */
    rg_strmap node_ids, doc_ids;
    /* Edge identities (source index, target index, key): open addressing,
     * slot = high 32 bits of the hash << 32 | (edge index + 1), 0 = empty
     * (the hash bits spare most probes a visit to the edge). Keyed by node
     * indices, not ids, so adding an edge allocates nothing for the lookup;
     * rebuilt whenever node indices change (contract, finalize). */
    uint64_t *edge_slots;
    size_t edge_cap;
    /* Edge types and keys, one copy of each distinct string (a table of
     * 10M edges has a handful of types): no allocation per edge. edges'
     * type and key point here; rg_graph_intern() adds to it. */
    rg_strmap edge_str_ids; /* string -> position in edge_strs */
    char **edge_strs;
    size_t nedge_strs, cap_edge_strs;
    igraph_t ig;
    bool ig_valid;
} rg_graph;

void rg_graph_init(rg_graph *g);
void rg_graph_free(rg_graph *g);

/* Documents: added once per id; returns the index of the existing one. The
 * fields are copied. */
uint32_t rg_graph_add_doc(rg_graph *g, const rg_document *d);
uint32_t rg_graph_find_doc(const rg_graph *g, const char *id);

/* Nodes. add_node returns the existing index when the id exists already
 * (RG_EINPUT if its type differs, unless the existing node is implicit: then
 * it takes the new type and label). id NULL derives "type:slug(label)".
 * add_implicit_node adds (or finds) a placeholder endpoint node. */
rg_status rg_graph_add_node(rg_graph *g, const char *id, rg_node_type type, const char *label,
                            uint32_t *index, rg_error *err);
uint32_t rg_graph_add_implicit_node(rg_graph *g, const char *id, rg_node_type type);
uint32_t rg_graph_find_node(const rg_graph *g, const char *id); /* RG_NONE if absent */
char *rg_node_make_id(rg_node_type type, const char *name);     /* caller frees */
void rg_graph_node_add_alias(rg_graph *g, uint32_t node, const char *name, uint32_t count);
void rg_graph_node_add_mention(rg_graph *g, uint32_t node, rg_span span);
void rg_graph_node_add_doc(rg_graph *g, uint32_t node, uint32_t doc);
void rg_graph_node_set_label(rg_graph *g, uint32_t node, const char *label);
/* Changes a node's id; RG_EINPUT when another node has it. */
rg_status rg_graph_node_set_id(rg_graph *g, uint32_t node, const char *id, rg_error *err);

/* Edges. type must be rg_edge_type_valid; role and date may be NULL.
 * An existing edge with the same identity gets weight added instead. */
rg_status rg_graph_add_edge(rg_graph *g, uint32_t source, uint32_t target, const char *type,
                            const char *role, const char *date, double weight, uint32_t *index,
                            rg_error *err);
/* The graph's shared copy of an edge type or key (see edge_strs), valid
 * until rg_graph_free(): what rg_edge.type and .key must point to. */
char *rg_graph_intern(rg_graph *g, const char *s);
/* The same for a caller that holds the endpoints' ids (exactly the nodes'
 * ids; NULL: look them up): a symmetric edge's direction is decided
 * without visiting both nodes, which a 10M-row import does at random. */
rg_status rg_graph_add_edge_ids(rg_graph *g, uint32_t source, uint32_t target,
                                const char *source_id, const char *target_id, const char *type,
                                const char *role, const char *date, double weight, uint32_t *index,
                                rg_error *err);
/* Room for `more` nodes (an importer that knows its node count). */
void rg_graph_reserve_nodes(rg_graph *g, size_t more);
/* A hint (no effect on the graph): starts loading the identity table slot
 * of edge (source, target, key), for a caller that will add it soon. */
void rg_graph_prefetch_edge(const rg_graph *g, uint32_t source, uint32_t target, const char *key);
/* Room for `more` edges (an importer that knows its row count): saves
 * growing the edge array and the identity table step by step. */
void rg_graph_reserve_edges(rg_graph *g, size_t more);
/* Adds evidence unless the same (doc, begin) is already recorded. */
void rg_graph_edge_add_evidence(rg_graph *g, uint32_t edge, uint32_t doc, uint32_t begin,
                                uint32_t end, const char *text);

/* Merges node `drop` into `keep`: aliases, mentions, documents, attributes
 * (keep's win) and edges are moved; drop is deleted and indices above it
 * shift down by one. Self-loops created by the merge are dropped. */
void rg_graph_merge_nodes(rg_graph *g, uint32_t keep, uint32_t drop);

/* Batch form: rep[i] is the node that node i merges into (rep[i] == i keeps
 * it); representatives must map to themselves. O(nodes + edges). */
void rg_graph_contract(rg_graph *g, const uint32_t *rep);

/* Merges all of src into dst (documents, nodes by id, edges, attributes). */
rg_status rg_graph_merge(rg_graph *dst, const rg_graph *src, rg_error *err);

/* Cuts node ids, labels and aliases longer than max bytes to at most max
 * bytes at a UTF-8 character boundary (--max-name). report (may be NULL)
 * is called before each cut with what is cut ("node id", "label", "alias")
 * and the full name. RG_EINPUT when two ids become the same: the graph is
 * then partly cut, for the caller to discard. */
typedef void (*rg_name_cut_fn)(void *ctx, const char *what, const char *name);
rg_status rg_graph_cut_names(rg_graph *g, size_t max, rg_name_cut_fn report, void *ctx,
                             rg_error *err);

/* Sorts into canonical order (see above) and sorts aliases by count. */
void rg_graph_finalize(rg_graph *g);

/* The igraph view (see above). Owned by g; do not destroy. */
const igraph_t *rg_graph_igraph(rg_graph *g);

/* Deep copy of one document record into another, and release of one. */
void rg_document_copy(rg_document *dst, const rg_document *src);
void rg_document_free(rg_document *d);

#endif
