#include "rg_import.h"

rg_status rg_document_import(rg_graph *g, const char *path, rg_format format, const char *data,
                             size_t len, const rg_import_opts *opts, rg_error *err)
{
    (void)g, (void)format, (void)data, (void)len, (void)opts;
    return rg_error_set(err, RG_EINPUT, "%s: document input is not supported yet", path);
}
