/* HTML export: one self-contained page (data/html/viewer.html) that opens
 * with no network. The template's markers are replaced by the page title,
 * the stylesheet and the viewer script (data/html/viewer.css, viewer.js),
 * the cytoscape.js library embedded at build time (js/, see CMakeLists.txt),
 * and the graph as Cytoscape.js JSON inside <script type="application/json">.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rg_data.h"
#include "rg_export_priv.h"

/* JSON inside a <script> element ends at the first "</script"; writing
 * every '<' as \u003c (valid only inside JSON strings, which is the only
 * place JSON has one) makes that, and "<!--", impossible. */
static void script_json(FILE *f, const char *s)
{
    for (; *s; s++)
        if (*s == '<')
            fputs("\\u003c", f);
        else
            fputc(*s, f);
}

static bool contains_ci(const char *hay, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (strncasecmp(hay + i, needle, k) == 0) return true;
    return false;
}

rg_status rg_html_write(rg_graph *g, FILE *f, const rg_export_opts *opts, rg_error *err)
{
    rg_export_opts none = {0};
    if (!opts) opts = &none;
    size_t tlen, clen, jlen, llen;
    const char *tpl = rg_data_get("html/viewer.html", &tlen);
    const char *css = rg_data_get("html/viewer.css", &clen);
    const char *app = rg_data_get("html/viewer.js", &jlen);
    const char *lib = rg_data_get("js/cytoscape.min.js", &llen);
    if (!tpl || !css || !app)
        return rg_error_set(err, RG_EINPUT, "HTML export: viewer template missing from the build");
    if (!lib)
        return rg_error_set(err, RG_EINPUT,
                            "HTML export: relgraph was built without cytoscape.js (run "
                            "scripts/install-deps.sh, then rebuild)");
    if (contains_ci(lib, llen, "</script") || contains_ci(app, jlen, "</script"))
        return rg_error_set(err, RG_EINPUT, "HTML export: embedded script contains </script");
    json_t *doc = rg_cytoscape_json(g, opts);
    char *json = json_dumps(doc, JSON_COMPACT | JSON_REAL_PRECISION(15));
    json_decref(doc);
    if (!json) return rg_error_set(err, RG_EINPUT, "HTML export: graph is not valid UTF-8");
    const char *title = opts->title ? opts->title : "relgraph";
    for (const char *p = tpl; *p;) {
        const char *m = strstr(p, "@@");
        if (!m) {
            fputs(p, f);
            break;
        }
        fwrite(p, 1, (size_t)(m - p), f);
        const char *end = strstr(m + 2, "@@");
        size_t n = end ? (size_t)(end - m - 2) : 0;
        if (!end) {
            fputs(m, f);
            break;
        }
        if (n == 5 && !strncmp(m + 2, "TITLE", 5))
            rg_export_xml_text(f, title);
        else if (n == 5 && !strncmp(m + 2, "STYLE", 5))
            fwrite(css, 1, clen, f);
        else if (n == 3 && !strncmp(m + 2, "APP", 3))
            fwrite(app, 1, jlen, f);
        else if (n == 7 && !strncmp(m + 2, "LIBRARY", 7))
            fwrite(lib, 1, llen, f);
        else if (n == 5 && !strncmp(m + 2, "GRAPH", 5))
            script_json(f, json);
        else
            fwrite(m, 1, n + 4, f);
        p = end + 2;
    }
    free(json);
    if (ferror(f)) return rg_error_set(err, RG_EINPUT, "write error (HTML)");
    return RG_OK;
}
