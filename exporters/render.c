#define _GNU_SOURCE /* memmem */
/* SVG, PNG and PDF rendered in-process with Graphviz's gvc: the styled graph
 * from rg_dot_build() is laid out (gvLayout) and drawn (gvRender) straight
 * into the output file. */
#include <graphviz/gvc.h>
#include <stdlib.h>
#include <string.h>

#include "rg_export_priv.h"

/* Beyond this many nodes the force-directed engines that are quadratic in
 * the node count (neato) get slow; sfdp's multilevel layout scales. */
#define RG_SMALL_GRAPH 150

const char *rg_render_pick_layout(const rg_graph *g, const rg_export_opts *o)
{
    if (o && o->layout) return o->layout;
    if (g->nnodes > RG_SMALL_GRAPH) return "sfdp";
    /* neato ignores clusters; dot draws them */
    if (o && o->cluster) return "dot";
    return "neato";
}

/* Cairo stamps PDFs with the current time (and cairo 1.16 ignores
 * SOURCE_DATE_EPOCH); the same graph must give the same bytes, so each
 * date is overwritten in place, same length, keeping xref offsets valid. */
static void pin_pdf_dates(char *data, size_t len)
{
    static const char *const keys[] = {"/CreationDate (D:", "/ModDate (D:"};
    static const char fixed[] = "19700101000000";
    for (size_t k = 0; k < 2; k++) {
        size_t kl = strlen(keys[k]);
        for (char *p = data; (p = memmem(p, len - (size_t)(p - data), keys[k], kl));) {
            p += kl;
            for (size_t i = 0; i < sizeof fixed - 1 && p < data + len; i++, p++)
                if (*p >= '0' && *p <= '9')
                    *p = fixed[i];
                else
                    break;
        }
    }
}

rg_status rg_render_write(rg_graph *g, FILE *out, const char *format, const rg_export_opts *opts,
                          rg_error *err)
{
    rg_export_opts none = {0};
    if (!opts) opts = &none;
    if (strcmp(format, "svg") && strcmp(format, "png") && strcmp(format, "pdf"))
        return rg_error_set(err, RG_EUSAGE, "cannot render '%s'", format);
    const char *engine = rg_render_pick_layout(g, opts);
    /* Graphviz reports through agerr to stderr; keep its warnings (font
     * substitutions, overlap removal) out of the user's way. */
    agseterr(AGERR);
    GVC_t *gvc = gvContext();
    Agraph_t *G = rg_dot_build(g, opts);
    rg_status rc = RG_OK;
    if (gvLayout(gvc, G, engine) != 0) {
        rc = rg_error_set(err, RG_EINPUT, "Graphviz layout '%s' failed", engine);
    } else {
        char *data = NULL;
        unsigned int len = 0;
        if (gvRenderData(gvc, G, format, &data, &len) != 0 || !data) {
            rc = rg_error_set(err, RG_EINPUT, "Graphviz could not render %s (plugin missing?)",
                              format);
        } else {
            if (strcmp(format, "pdf") == 0) pin_pdf_dates(data, len);
            if (fwrite(data, 1, len, out) != len)
                rc = rg_error_set(err, RG_EINPUT, "write error (%s)", format);
        }
        if (data) gvFreeRenderData(data);
        gvFreeLayout(gvc, G);
    }
    agclose(G);
    gvFreeContext(gvc);
    return rc;
}
