#include "rg_import.h"

/* GraphML import is not written yet; refused with a clear error. */
rg_status rg_graphml_import(rg_graph *g, const char *path, const char *data, size_t len,
                            const rg_import_opts *opts, rg_error *err)
{
    (void)g, (void)data, (void)len, (void)opts;
    return rg_error_set(err, RG_EINPUT, "%s: GraphML input is not supported yet", path);
}
