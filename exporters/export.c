#include <string.h>

#include "rg_export.h"
#include "rg_json.h"

const char *const rg_export_formats[] = {"json", "dot", NULL};

bool rg_export_format_known(const char *format)
{
    for (size_t i = 0; rg_export_formats[i]; i++)
        if (strcmp(rg_export_formats[i], format) == 0) return true;
    return false;
}

typedef rg_status (*stream_writer)(rg_graph *g, FILE *out, const rg_export_opts *o, rg_error *err);

static rg_status json_stream(rg_graph *g, FILE *out, const rg_export_opts *o, rg_error *err)
{
    (void)o;
    return rg_json_write(g, out, err);
}

static rg_status write_stream(rg_graph *g, const char *path, stream_writer w,
                              const rg_export_opts *opts, rg_error *err)
{
    rg_outfile o;
    rg_status rc = rg_outfile_open(&o, path, err);
    if (rc) return rc;
    rc = w(g, o.fp, opts, err);
    if (rc) {
        rg_outfile_abort(&o);
        return rc;
    }
    return rg_outfile_commit(&o, err);
}

rg_status rg_export(rg_graph *g, const char *format, const char *path, const rg_export_opts *opts,
                    rg_error *err)
{
    rg_export_opts none = {0};
    if (!opts) opts = &none;
    if (strcmp(format, "json") == 0) return write_stream(g, path, json_stream, opts, err);
    if (strcmp(format, "dot") == 0) return write_stream(g, path, rg_dot_write, opts, err);
    return rg_error_set(err, RG_EUSAGE, "unknown export format '%s'", format);
}
