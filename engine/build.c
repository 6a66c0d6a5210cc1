#include "rg_build.h"

#include <stdio.h>

#include "rg_events.h"

rg_status rg_build(rg_graph *g, char *const *paths, size_t n, const rg_build_opts *opts,
                   size_t *nfailed, rg_error *err)
{
    rg_build_opts none = {0};
    if (!opts) opts = &none;
    size_t failed = 0;
    rg_status last = RG_OK;
    for (size_t i = 0; i < n; i++) {
        rg_error e = {0};
        rg_status rc = rg_import_file(g, paths[i], opts->import, &e);
        if (rc == RG_OK) continue;
        failed++;
        last = rc;
        if (opts->on_error) opts->on_error(e.msg, opts->ctx);
        rg_error_set(err, rc, "%s", e.msg);
        if (!opts->keep_going) break;
    }
    if (nfailed) *nfailed = failed;
    if (failed && !opts->keep_going) return last;

    if (!opts->no_resolve) {
        rg_resolve_opts ro = {.aliases = opts->aliases,
                              .aliases_path = opts->import ? opts->import->aliases : NULL};
        rg_error e = {0};
        rg_status rc = rg_resolve_graph(g, &ro, &e);
        if (rc) return rg_error_set(err, rc, "%s", e.msg);
    }
    /* events are compared by their participants, so after resolution */
    rg_events_merge(g);
    rg_edges_fold_undated(g); /* after the merge, which may date events */
    rg_graph_finalize(g);
    return last;
}
