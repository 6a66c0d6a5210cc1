/* rg_build: the build pipeline every command that makes a graph shares.
 *
 *   import each input (rg_import_file: documents through extraction and
 *   relation rules, tables as they are) -> resolve entities across documents
 *   (rg_resolve.h) -> merge events reported by several documents
 *   (rg_events.h) -> canonical order (rg_graph_finalize).
 *
 * `relgraph build`, `relgraph report` and the analysis commands given
 * non-JSON inputs all go through rg_build(), so one input gives one graph
 * whichever command read it.
 */
#ifndef RG_BUILD_H
#define RG_BUILD_H

#include "rg_graph.h"
#include "rg_import.h"
#include "rg_resolve.h"

/* Called once per input that fails, with the error message. */
typedef void (*rg_build_report)(const char *msg, void *ctx);

typedef struct rg_build_opts {
    const rg_import_opts *import; /* NULL = defaults */
    const rg_aliases *aliases;    /* analyst's forced/forbidden merges, or NULL */
    bool no_resolve;              /* keep every extracted spelling apart */
    bool keep_going;              /* go on after a failing input */
    rg_build_report on_error;     /* NULL: failures only reach *err */
    void *ctx;
} rg_build_opts;

/* Builds into g (initialised by the caller, usually empty). Returns RG_OK
 * when every input was read; otherwise the last failure's status and message
 * in err, *nfailed (may be NULL) inputs failed, and g holds what was read
 * (the whole pipeline ran) only when keep_going is set. */
rg_status rg_build(rg_graph *g, char *const *paths, size_t n, const rg_build_opts *opts,
                   size_t *nfailed, rg_error *err);

#endif
