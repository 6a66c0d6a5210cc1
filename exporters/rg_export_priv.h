/* Private to exporters/: pieces one writer builds and another reuses. */
#ifndef RG_EXPORT_PRIV_H
#define RG_EXPORT_PRIV_H

#include <graphviz/cgraph.h>
#include <jansson.h>

#include "rg_export.h"

/* The styled cgraph graph that dot.c writes and render.c lays out. The
 * caller agclose()s it. */
Agraph_t *rg_dot_build(rg_graph *g, const rg_export_opts *opts);

/* The Cytoscape.js document {"data", "directed", "multigraph", "elements"}
 * that cytoscape.c writes and html.c inlines. The caller json_decref()s. */
json_t *rg_cytoscape_json(rg_graph *g, const rg_export_opts *opts);

/* True when s is a complete finite number (strtod). */
bool rg_export_is_number(const char *s, double *v);

/* A copy of s with invalid UTF-8 bytes replaced by U+FFFD (graphs built from
 * mis-encoded files may hold them; XML, JSON and DOT consumers reject them).
 * Caller frees. */
char *rg_export_utf8(const char *s);

/* Shortest of %.15g / %.17g that reads back as exactly v. */
const char *rg_export_num(char buf[32], double v);

/* XML character data / attribute value: &<>"' escaped, and the control
 * characters XML 1.0 forbids dropped. */
void rg_export_xml_text(FILE *f, const char *s);

/* Node (edges=false) or edge attribute keys of g in order of first
 * appearance, skipping those in `reserved` (NULL-terminated) and each marked
 * numeric when every value given is a finite number. Caller frees the array
 * (the names point into g). */
typedef struct rg_export_key {
    const char *name;
    bool numeric;
} rg_export_key;
rg_export_key *rg_export_attr_keys(const rg_graph *g, bool edges, const char *const *reserved,
                                   size_t *n);

#endif
