/* HTML to text (rg_doc_html_text): libxml2's forgiving HTML parser builds the
 * tree; the main content is chosen (the <article> with the most text, else
 * <main>/role=main, else <body>) and walked without recursion, so nesting
 * depth costs no stack. Page furniture is dropped by tag, role, class/id and
 * hidden attributes (rules in data/doc/html.txt); block elements give line
 * breaks; whitespace is collapsed; entities are decoded by the parser.
 *
 * The title comes from <title> (or the <h1> when the title merely wraps it
 * with a site name), the date from publication <meta> tags or a <time>
 * element.
 */
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rg_data.h"
#include "rg_date.h"
#include "rg_doc.h"

/* ---- rules from data/doc/html.txt: a set of "kind:word" strings ---- */

static rg_strmap html_rules;
static pthread_once_t html_rules_once = PTHREAD_ONCE_INIT;

static void rules_add_line(const char *line, size_t n)
{
    const char *colon = memchr(line, ':', n);
    if (!colon || line[0] == '#') return;
    char *kind = rg_strndup(line, (size_t)(colon - line));
    const char *p = colon + 1, *end = line + n;
    while (p < end) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
            p++;
        const char *w = p;
        while (p < end && *p != ' ' && *p != '\t' && *p != '\r')
            p++;
        if (p > w) {
            char *key = rg_sprintf("%s:%.*s", kind, (int)(p - w), w);
            rg_strmap_put(&html_rules, key, 1);
            free(key);
        }
    }
    free(kind);
}

static void rules_load(void)
{
    rg_strmap_init(&html_rules);
    size_t len = 0;
    const char *data = rg_data_get("doc/html.txt", &len);
    for (size_t i = 0; data && i < len;) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - data) : len;
        rules_add_line(data + i, end - i);
        i = end + 1;
    }
}

/* Is the (lower-cased, at most 63 bytes) word listed under kind? */
static bool rule_has(const char *kind, const char *word, size_t n)
{
    pthread_once(&html_rules_once, rules_load);
    char key[96];
    size_t k = strlen(kind);
    if (n > 63 || k > 30) return false;
    memcpy(key, kind, k);
    key[k++] = ':';
    for (size_t i = 0; i < n; i++)
        key[k + i] = (char)(word[i] >= 'A' && word[i] <= 'Z' ? word[i] | 0x20 : word[i]);
    key[k + n] = '\0';
    uint32_t v;
    return rg_strmap_get(&html_rules, key, &v);
}

/* ---- element classification ---- */

static const char *name_of(const xmlNode *n)
{
    return (const char *)n->name;
}

static char *attr(const xmlNode *n, const char *a)
{
    return (char *)xmlGetProp(n, (const xmlChar *)a);
}

/* A class/id value names furniture when one of its tokens, or one of the
 * token's '-'/'_' parts, is a drop-name word, unless the token starts with
 * a keep-prefix. */
static bool token_is_furniture(const char *t, size_t n)
{
    for (size_t k = 1; k <= n && k < 12; k++)
        if ((t[k - 1] == '-' || t[k - 1] == '_') && rule_has("keep-prefix", t, k)) return false;
    if (rule_has("drop-name", t, n)) return true;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && t[j] != '-' && t[j] != '_')
            j++;
        if (j > i && j - i < n && rule_has("drop-name", t + i, j - i)) return true;
        i = j + 1;
    }
    return false;
}

static bool names_furniture(const char *v)
{
    if (!v) return false;
    for (const char *p = v; *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        const char *t = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            p++;
        if (p > t && token_is_furniture(t, (size_t)(p - t))) return true;
    }
    return false;
}

/* style="display: none" and friends, with spaces ignored. */
static bool style_hidden(const char *s)
{
    if (!s) return false;
    char buf[256];
    size_t n = 0;
    for (; *s && n + 1 < sizeof buf; s++)
        if (*s != ' ' && *s != '\t') buf[n++] = (char)(*s >= 'A' && *s <= 'Z' ? *s | 0x20 : *s);
    buf[n] = '\0';
    return strstr(buf, "display:none") || strstr(buf, "visibility:hidden");
}

static bool attr_is_furniture(const xmlNode *n)
{
    char *cls = attr(n, "class"), *id = attr(n, "id"), *role = attr(n, "role");
    char *aria = attr(n, "aria-hidden"), *style = attr(n, "style");
    bool drop = names_furniture(cls) || names_furniture(id) ||
                (role && rule_has("drop-role", role, strlen(role))) ||
                (aria && strcasecmp(aria, "true") == 0) || style_hidden(style) ||
                xmlHasProp(n, (const xmlChar *)"hidden");
    xmlFree(cls), xmlFree(id), xmlFree(role), xmlFree(aria), xmlFree(style);
    return drop;
}

/* Whether an element (not the content root itself) is dropped. `outer`
 * says the walk is over the whole body rather than an article/main. */
static bool is_dropped(const xmlNode *n, bool outer)
{
    const char *name = name_of(n);
    size_t len = strlen(name);
    if (rule_has("drop", name, len)) return true;
    if (outer && rule_has("drop-outer", name, len)) return true;
    return attr_is_furniture(n);
}

/* ---- text output with whitespace collapsing ---- */

/* The --max-depth limit for one page and where it was first exceeded. */
typedef struct html_limit {
    size_t max_depth;
    long deep_line; /* line of the first element deeper than max_depth; 0 none */
} html_limit;

typedef struct html_out {
    rg_buf b;
    html_limit *lim;
    int pending_nl; /* line breaks requested before the next text */
    bool space;     /* whitespace seen since the last text byte */
} html_out;

static void out_break(html_out *o, int n)
{
    if (n > o->pending_nl) o->pending_nl = n;
    o->space = false;
}

static void out_text(html_out *o, const char *s)
{
    while (*s) {
        unsigned char c = (unsigned char)*s;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            o->space = true, s++;
            continue;
        }
        if (c == 0xC2 && (unsigned char)s[1] == 0xA0) { /* no-break space */
            o->space = true, s += 2;
            continue;
        }
        if (o->pending_nl && o->b.len) {
            rg_buf_append(&o->b, "\n\n", o->pending_nl > 1 ? 2 : 1);
        } else if (o->space && o->b.len && o->b.data[o->b.len - 1] != '\n') {
            rg_buf_putc(&o->b, ' ');
        }
        o->pending_nl = 0, o->space = false;
        /* the run up to the next whitespace in one append */
        const char *e = s + 1;
        while (*e && *e != ' ' && *e != '\t' && *e != '\n' && *e != '\r' && *e != '\f' &&
               !((unsigned char)e[0] == 0xC2 && (unsigned char)e[1] == 0xA0))
            e++;
        rg_buf_append(&o->b, s, (size_t)(e - s));
        s = e;
    }
}

/* The break an element makes: 2 blank line, 1 line break, 0 none; table
 * cells and the like make a space (-1). */
static int break_of(const xmlNode *n)
{
    const char *name = name_of(n);
    size_t len = strlen(name);
    if (rule_has("cell", name, len)) return -1;
    if (rule_has("para", name, len)) return 2;
    if (rule_has("block", name, len)) return 1;
    return 0;
}

/* Entering a node: emits its text or its leading break. Returns whether
 * to walk into its children. */
static bool walk_enter(html_out *o, const xmlNode *n, bool outer)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content) out_text(o, (const char *)n->content);
        return false;
    }
    if (n->type != XML_ELEMENT_NODE || is_dropped(n, outer)) return false;
    int br = break_of(n);
    if (br > 0)
        out_break(o, br);
    else if (br < 0)
        o->space = true;
    return true;
}

static void walk_leave(html_out *o, const xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE) return;
    int br = break_of(n);
    if (br > 0)
        out_break(o, br);
    else if (br < 0)
        o->space = true;
}

/* Past --max-depth an element is flattened: dropped elements (scripts,
 * furniture) still go, the others only separate words, like table cells. */
static bool walk_enter_flat(html_out *o, const xmlNode *n, bool outer)
{
    if (n->type != XML_ELEMENT_NODE) return walk_enter(o, n, outer);
    if (is_dropped(n, outer)) return false;
    if (!o->lim->deep_line) o->lim->deep_line = xmlGetLineNo(n) > 0 ? xmlGetLineNo(n) : 1;
    o->space = true;
    return true;
}

static void walk_leave_at(html_out *o, const xmlNode *n, bool flat)
{
    if (!flat)
        walk_leave(o, n);
    else if (n->type == XML_ELEMENT_NODE)
        o->space = true;
}

/* Element nesting level of n: the root element is 1. */
static size_t depth_of(const xmlNode *n)
{
    size_t d = 0;
    for (; n && n->type == XML_ELEMENT_NODE; n = n->parent)
        d++;
    return d;
}

/* Pre-order walk of root's subtree with explicit parent links: no stack.
 * `depth` is the level of the node at hand, for the --max-depth limit. */
static void walk(html_out *o, const xmlNode *root, bool outer)
{
    const xmlNode *n = root->children;
    size_t depth = depth_of(root) + 1, max = o->lim->max_depth;
    while (n) {
        bool enter = depth > max ? walk_enter_flat(o, n, outer) : walk_enter(o, n, outer);
        if (enter && n->children) {
            n = n->children;
            depth++;
            continue;
        }
        if (enter) walk_leave_at(o, n, depth > max);
        while (!n->next) {
            n = n->parent;
            depth--;
            if (!n || n == root) return;
            walk_leave_at(o, n, depth > max);
        }
        n = n->next;
    }
}

static char *extract(html_limit *lim, const xmlNode *root, bool outer, size_t *len)
{
    html_out o = {.lim = lim};
    walk(&o, root, outer);
    *len = o.b.len;
    return rg_buf_detach(&o.b);
}

/* ---- finding things in the tree ---- */

/* Next element in document order after n (within the whole tree). */
static const xmlNode *next_node(const xmlNode *n)
{
    if (n->children && n->type == XML_ELEMENT_NODE) return n->children;
    while (n && !n->next)
        n = n->parent;
    return n ? n->next : NULL;
}

/* The next node after n's subtree, within root's subtree. */
static const xmlNode *skip_in(const xmlNode *n, const xmlNode *root)
{
    while (n != root && !n->next)
        n = n->parent;
    return n == root ? NULL : n->next;
}

/* The same as next_node, confined to root's subtree. */
static const xmlNode *next_in(const xmlNode *n, const xmlNode *root)
{
    if (n->children && n->type == XML_ELEMENT_NODE) return n->children;
    return skip_in(n, root);
}

static bool is_elem(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcasecmp(name_of(n), name) == 0;
}

static bool role_main(const xmlNode *n)
{
    char *role = attr(n, "role");
    bool m = role && strcasecmp(role, "main") == 0;
    xmlFree(role);
    return m;
}

/* The content root, whether it is the whole page (`outer`: site headers
 * are dropped then) and its text. */
typedef struct root_choice {
    const xmlNode *root;
    bool outer;
    char *text;
    size_t len;
} root_choice;

/* Picks the <article> with the most text when it holds a fair share of the
 * page's text, else <main> (or role=main), else <body>. The texts computed
 * to decide are kept, not recomputed. */
static void choose_root(html_limit *lim, const xmlNode *top, root_choice *c)
{
    const xmlNode *body = NULL, *main_el = NULL, *best = NULL;
    char *best_text = NULL;
    size_t best_len = 0, articles = 0;
    for (const xmlNode *n = top; n; n = next_node(n)) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (!body && is_elem(n, "body")) body = n;
        if (!main_el && (is_elem(n, "main") || role_main(n))) main_el = n;
        if (is_elem(n, "article") && articles++ < 32) {
            size_t len;
            char *t = extract(lim, n, false, &len);
            if (len > best_len)
                free(best_text), best = n, best_text = t, best_len = len;
            else
                free(t);
        }
    }
    c->root = main_el ? main_el : body ? body : top;
    c->outer = !main_el;
    c->text = extract(lim, c->root, c->outer, &c->len);
    if (best && best_len * 5 >= c->len) {
        free(c->text);
        *c = (root_choice){best, false, best_text, best_len};
    } else {
        free(best_text);
    }
}

/* Collapsed text content of an element, or NULL when empty. */
static char *text_of(html_limit *lim, const xmlNode *n)
{
    size_t len;
    char *s = extract(lim, n, false, &len);
    if (len == 0) {
        free(s);
        return NULL;
    }
    return s;
}

static char *find_title(html_limit *lim, const xmlNode *top, const xmlNode *root, bool outer)
{
    char *title = NULL, *h1 = NULL;
    for (const xmlNode *n = top; n && !title; n = next_node(n))
        if (is_elem(n, "title")) title = text_of(lim, n);
    /* the first <h1> of the content, not one in a dropped site header */
    for (const xmlNode *n = root; n && !h1;) {
        if (n != root && n->type == XML_ELEMENT_NODE && is_dropped(n, outer)) {
            n = skip_in(n, root);
            continue;
        }
        if (is_elem(n, "h1")) h1 = text_of(lim, n);
        n = next_in(n, root);
    }
    /* "Headline | Site" wraps the <h1>: keep the headline. */
    if (h1 && (!title || strstr(title, h1))) {
        free(title);
        return h1;
    }
    free(h1);
    return title;
}

/* A date from a value starting with YYYY-MM-DD. */
static char *iso_prefix(const char *v)
{
    int y, m, d;
    if (!v || strlen(v) < 10) return NULL;
    char buf[11];
    memcpy(buf, v, 10);
    buf[10] = '\0';
    return rg_date_parse_iso(buf, &y, &m, &d) ? rg_strdup(buf) : NULL;
}

static char *meta_date(const xmlNode *n)
{
    static const char *const keys[] = {"property", "name", "itemprop"};
    char *date = NULL;
    for (size_t i = 0; i < 3 && !date; i++) {
        char *k = attr(n, keys[i]);
        if (k && rule_has("date-meta", k, strlen(k))) {
            char *c = attr(n, "content");
            date = iso_prefix(c);
            xmlFree(c);
        }
        xmlFree(k);
    }
    return date;
}

static char *find_date(const xmlNode *top, const xmlNode *root)
{
    for (const xmlNode *n = top; n; n = next_node(n)) {
        if (!is_elem(n, "meta")) continue;
        char *d = meta_date(n);
        if (d) return d;
    }
    for (const xmlNode *n = root; n; n = next_in(n, root)) {
        if (!is_elem(n, "time")) continue;
        char *v = attr(n, "datetime");
        char *d = iso_prefix(v);
        xmlFree(v);
        if (d) return d;
    }
    return NULL;
}

rg_status rg_doc_html_text(const char *path, const char *utf8, size_t len, size_t max_depth,
                           rg_doc_html *out, rg_error *err)
{
    memset(out, 0, sizeof *out);
    if (len > INT32_MAX)
        return rg_error_set(err, RG_EINPUT, "%s: HTML document too large (%zu bytes)", path, len);
    /* XML_PARSE_HUGE lifts libxml2's nesting limit (256), which otherwise
     * silently drops everything after the first deep spot; the tree walk
     * below needs no stack, and libxml2 frees trees iteratively. */
    int flags = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                HTML_PARSE_IGNORE_ENC | HTML_PARSE_NOBLANKS | XML_PARSE_HUGE | XML_PARSE_BIG_LINES;
    htmlDocPtr doc = len ? htmlReadMemory(utf8, (int)len, path, "UTF-8", flags) : NULL;
    const xmlNode *top = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!top) {
        if (doc) xmlFreeDoc(doc);
        out->text = rg_strdup("");
        return RG_OK; /* an empty page is an empty document */
    }
    html_limit lim = {.max_depth = max_depth ? max_depth : SIZE_MAX};
    root_choice c;
    choose_root(&lim, top, &c);
    out->text = c.text, out->len = c.len;
    out->title = find_title(&lim, top, c.root, c.outer);
    if (lim.deep_line)
        rg_warn("%s:%ld: elements nested deeper than %zu levels; their text is kept, their "
                "nesting flattened (see --max-depth)",
                path, lim.deep_line, max_depth);
    out->date = find_date(top, c.root);
    xmlFreeDoc(doc);
    return RG_OK;
}

void rg_doc_html_free(rg_doc_html *h)
{
    free(h->text);
    free(h->title);
    free(h->date);
    memset(h, 0, sizeof *h);
}

/* <meta charset="..."> or http-equiv content="...; charset=..." in the
 * first 4 KiB; NULL when none. Caller frees. */
char *rg_doc_html_charset(const char *data, size_t len)
{
    size_t n = len < 4096 ? len : 4096;
    for (size_t i = 0; i + 8 < n; i++) {
        if (strncasecmp(data + i, "charset=", 8) != 0) continue;
        size_t j = i + 8;
        while (j < n && (data[j] == '"' || data[j] == '\'' || data[j] == ' '))
            j++;
        size_t k = j;
        while (k < n && (data[k] == '-' || data[k] == '_' || data[k] == '.' || data[k] == ':' ||
                         (data[k] >= '0' && data[k] <= '9') ||
                         ((data[k] | 0x20) >= 'a' && (data[k] | 0x20) <= 'z')))
            k++;
        if (k > j && k - j < 40) return rg_strndup(data + j, k - j);
    }
    return NULL;
}
