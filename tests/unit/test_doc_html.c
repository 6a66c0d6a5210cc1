/* HTML document loading: main content, dropped furniture, entities,
 * whitespace, title and date, charsets, deep nesting and broken markup. */
#include "rg_test.h"

#include "doc_capture.h"
#include "rg_doc.h"

static rg_status load(const char *path, const char *html, size_t len, rg_loaded_doc *d)
{
    rg_error err;
    doc_capture c;
    doc_capture_begin(&c);
    rg_status rc = rg_doc_load(path, RG_FORMAT_HTML, html, len, NULL, d, &err);
    free(doc_capture_end(&c));
    return rc;
}

static bool has(const rg_loaded_doc *d, const char *s)
{
    return strstr(d->text, s) != NULL;
}

static const char *page =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
    "<title>Talks in Damascus | Example News</title>"
    "<meta property=\"article:published_time\" content=\"2025-04-16T10:00:00Z\">"
    "<script>var x = \"<p>SCRIPTTEXT</p>\";</script><style>p{color:red} STYLETEXT</style></head>"
    "<body><header><div class=\"logo\">SITEHEADER</div><nav><a href=\"/\">Home</a> "
    "<a>NAVLINK</a></nav></header>"
    "<div class=\"cookie-banner\">COOKIEDIV uses cookies. <button>Accept</button></div>"
    "<main><article class=\"post-12 type-post tag-social-media\">"
    "<h1>Talks in Damascus</h1><div class=\"entry-meta\">METADIV</div>"
    "<p>The minister met Robert&nbsp;Petit &amp; his team &mdash; &ldquo;a good "
    "meeting&rdquo;&#33;</p>\n<p>Second   paragraph\n   with a line break<br>after it.</p>"
    "<ul><li>One</li><li>Two</li></ul>"
    "<div class=\"has-sidebar layout\"><p>Layout div content.</p></div>"
    "<div class=\"sharedaddy sd-sharing\">SHAREDIV Twitter Facebook</div>"
    "<div id=\"comments\" class=\"comments-area\"><h3>Leave a Reply</h3><p>COMMENTTEXT</p></div>"
    "<form><input value=\"x\">FORMTEXT</form><iframe>IFRAMETEXT</iframe>"
    "<svg><text>SVGTEXT</text></svg><noscript>NOSCRIPTTEXT</noscript>"
    "<p hidden>HIDDENATTR</p><p style=\"display: none\">DISPLAYNONE</p>"
    "<p aria-hidden=\"true\">ARIAHIDDEN</p><div role=\"navigation\">ROLENAV</div>"
    "</article></main><aside class=\"sidebar\"><h2>Related</h2><a>ASIDETEXT</a></aside>"
    "<footer>FOOTERTEXT</footer></body></html>";

static void test_page(void)
{
    rg_loaded_doc d;
    RG_CHECK(load("site/talks.html", page, strlen(page), &d) == RG_OK);
    static const char *const gone[] = {"SCRIPTTEXT", "STYLETEXT",   "SITEHEADER",   "NAVLINK",
                                       "COOKIEDIV",  "METADIV",     "SHAREDIV",     "COMMENTTEXT",
                                       "FORMTEXT",   "IFRAMETEXT",  "SVGTEXT",      "NOSCRIPTTEXT",
                                       "HIDDENATTR", "DISPLAYNONE", "ARIAHIDDEN",   "ROLENAV",
                                       "ASIDETEXT",  "FOOTERTEXT",  "Leave a Reply"};
    for (size_t i = 0; i < sizeof gone / sizeof *gone; i++) {
        if (has(&d, gone[i])) fprintf(stderr, "survived: %s\n", gone[i]);
        RG_CHECK(!has(&d, gone[i]));
    }
    /* entities decoded, no-break space made a space, whitespace collapsed,
     * <br> a line break, blocks on their own lines */
    RG_CHECK_STR(d.text, "Talks in Damascus\n\n"
                         "The minister met Robert Petit & his team \xE2\x80\x94 "
                         "\xE2\x80\x9C"
                         "a good meeting\xE2\x80\x9D!\n\n"
                         "Second paragraph with a line break\nafter it.\n\n"
                         "One\nTwo\n\n"
                         "Layout div content.");
    RG_CHECK(d.len == strlen(d.text));
    RG_CHECK_STR(d.doc.title, "Talks in Damascus");
    RG_CHECK_STR(d.doc.date, "2025-04-16");
    RG_CHECK_STR(d.doc.id, "talks");
    RG_CHECK(d.doc.sha256 && strlen(d.doc.sha256) == 64);
    rg_loaded_doc_free(&d);
}

static void test_no_article(void)
{
    /* No <article>/<main>: the body, without its header, nav and footer;
     * title from <h1> when there is no <title>; the date from a dateline. */
    const char *h = "<html><body><header><h1>SITE NAME</h1></header>"
                    "<div id=\"main-menu\">MENU</div>"
                    "<div class=\"content\"><h1>Report on detentions</h1>"
                    "<p>Geneva, 9 March 2021 &ndash; The commission said&hellip;</p>"
                    "<p>More text <b>bold</b><i>italic</i> end.</p>"
                    "<div class=\"breadcrumbs\">Home &gt; Reports</div></div>"
                    "<footer>Footer</footer></body></html>";
    rg_loaded_doc d;
    RG_CHECK(load("r.htm", h, strlen(h), &d) == RG_OK);
    RG_CHECK_STR(d.text, "Report on detentions\n\n"
                         "Geneva, 9 March 2021 \xE2\x80\x93 The commission said\xE2\x80\xA6\n\n"
                         "More text bolditalic end.");
    RG_CHECK_STR(d.doc.title, "Report on detentions");
    RG_CHECK_STR(d.doc.date, "2021-03-09");
    rg_loaded_doc_free(&d);
}

static void test_articles_and_time(void)
{
    /* Several <article>s: the one with the most text; <time datetime>. */
    const char *h = "<html><head><title>Site</title></head><body>"
                    "<article><p>Teaser one.</p></article>"
                    "<article><h1>Main story</h1><time datetime=\"2019-07-01\">1 July</time>"
                    "<p>The long main story text goes on for a while, longer than the "
                    "teasers around it.</p></article>"
                    "<article><p>Teaser two.</p></article></body></html>";
    rg_loaded_doc d;
    RG_CHECK(load("a.html", h, strlen(h), &d) == RG_OK);
    RG_CHECK(has(&d, "The long main story") && !has(&d, "Teaser"));
    RG_CHECK_STR(d.doc.date, "2019-07-01");
    /* <title> does not contain the h1: the <title> wins */
    RG_CHECK_STR(d.doc.title, "Site");
    rg_loaded_doc_free(&d);
}

static void test_deep_nesting(void)
{
    /* 100,000 nested elements: no stack overflow, nothing lost. */
    size_t depth = 100000;
    rg_buf b = {0};
    rg_buf_puts(&b, "<html><body><article><p>Start text.</p>");
    for (size_t i = 0; i < depth; i++)
        rg_buf_puts(&b, i % 2 ? "<span>" : "<div>");
    rg_buf_puts(&b, "deep text");
    for (size_t i = depth; i-- > 0;)
        rg_buf_puts(&b, i % 2 ? "</span>" : "</div>");
    rg_buf_puts(&b, "<p>End text.</p></article></body></html>");
    rg_loaded_doc d;
    RG_CHECK(load("deep.html", b.data, b.len, &d) == RG_OK);
    RG_CHECK(has(&d, "Start text.") && has(&d, "deep text") && has(&d, "End text."));
    rg_loaded_doc_free(&d);
    /* never closed at all */
    b.len = 0;
    for (size_t i = 0; i < depth; i++)
        rg_buf_puts(&b, "<b><i>");
    rg_buf_puts(&b, "bottom");
    RG_CHECK(load("deep2.html", b.data, b.len, &d) == RG_OK);
    RG_CHECK_STR(d.text, "bottom");
    rg_loaded_doc_free(&d);
    rg_buf_free(&b);
}

static void test_broken_and_empty(void)
{
    rg_loaded_doc d;
    RG_CHECK(load("e.html", "", 0, &d) == RG_OK);
    RG_CHECK(d.len == 0 && d.text[0] == '\0' && d.doc.title == NULL);
    rg_loaded_doc_free(&d);

    const char *h = "<p>unclosed <b>bold <i>it</p></div></div><p>after &bogus; &#xZZ; &lt;tag";
    RG_CHECK(load("b.html", h, strlen(h), &d) == RG_OK);
    RG_CHECK(has(&d, "unclosed bold it") && has(&d, "after &bogus;") && has(&d, "<tag"));
    rg_loaded_doc_free(&d);

    /* bytes that are no HTML at all, NULs included */
    char junk[4096];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (char)((i * 131 + 7) % 256);
    RG_CHECK(load("junk.html", junk, sizeof junk, &d) == RG_OK);
    RG_CHECK(d.len == strlen(d.text));
    rg_loaded_doc_free(&d);
}

/* A page in the shape WordPress news sites produce (written for this
 * test): site chrome, breadcrumbs, byline, view counter, PDF and language
 * widgets, font-size buttons, sharing, related posts, comment form, cookie
 * notice. Only the statement, its date line and its list stay. */
static const char *wp_page =
    "<!DOCTYPE html>\n"
    "<html lang=\"en-US\"><head><meta charset=\"UTF-8\"><title>Joint Statement: Ending Impunity "
    "&#8211; Example Network</title>\n"
    "<meta property=\"og:title\" content=\"Joint Statement\"><link rel=\"stylesheet\" "
    "href=\"x.css\">\n"
    "<script type=\"application/ld+json\">{\"@type\":\"Article\"}</script></head>\n"
    "<body class=\"post-template-default single single-post postid-123 has-sidebar\">\n"
    "<div id=\"page\" class=\"site\"><a class=\"skip-link screen-reader-text\" "
    "href=\"#content\">Skip to content</a>\n"
    "<header id=\"masthead\" class=\"site-header\"><div class=\"site-branding\"><p "
    "class=\"site-title\">Example Network</p></div>\n"
    "<nav id=\"site-navigation\" class=\"main-navigation\"><ul id=\"primary-menu\" "
    "class=\"menu\"><li>Home</li><li>About</li></ul></nav></header>\n"
    "<div id=\"content\" class=\"site-content\"><div class=\"breadcrumbs\"><a>Home</a> <a>Press "
    "releases &amp; statements</a> Joint Statement: Ending Impunity</div>\n"
    "<div id=\"primary\" class=\"content-area\"><main id=\"main\" class=\"site-main\">\n"
    "<article id=\"post-123\" class=\"post-123 post type-post status-publish format-standard "
    "hentry category-press-releases\">\n"
    "<header class=\"entry-header\"><h1 class=\"entry-title\">Joint Statement: Ending "
    "Impunity</h1>\n"
    "<div class=\"entry-meta\"><span class=\"byline\">by <span class=\"author "
    "vcard\">admin.x</span></span></div></header>\n"
    "<div class=\"post-views\">235 views</div>\n"
    "<div class=\"pdf-download\"><a>Download as PDF</a></div>\n"
    "<div class=\"wpml-ls-statics-post_translations\">This post is also available in: "
    "<a>Arabic</a>, <a>Kurdish</a></div>\n"
    "<div class=\"font-size-widget\">Font Size <a>A</a> <a>A</a> <a>A</a></div>\n"
    "<div class=\"entry-content\"><p>We, the undersigning organisations, welcome the decision of 5 "
    "November 2018 to issue arrest warrants.</p>\n"
    "<p>15 November 2018</p>\n"
    "<h3>Signatory Organizations</h3><ol><li>First Organisation for Human Rights</li><li>Second "
    "Center</li></ol>\n"
    "<div class=\"sharedaddy sd-sharing-enabled\"><h3 class=\"sd-title\">Share "
    "this:</h3><ul><li>Twitter</li><li>Facebook</li></ul></div>\n"
    "<div class=\"jp-relatedposts\"><h3>Related</h3><p>Other statement</p></div>\n"
    "</div></article>\n"
    "<div id=\"comments\" class=\"comments-area\"><div id=\"respond\"><h3>Leave a "
    "Comment</h3><p>Your email address will not be published. Required fields are marked *</p>\n"
    "<form><textarea></textarea></form></div></div>\n"
    "</main></div><aside id=\"secondary\" class=\"widget-area\"><section class=\"widget\">Recent "
    "Posts</section></aside></div>\n"
    "<div class=\"cookie-notice\">This website uses cookies. <a>Accept</a></div>\n"
    "<footer class=\"site-footer\">© 2024 Example Network</footer></div></body></html>\n";

static void test_wordpress_like(void)
{
    rg_loaded_doc d;
    RG_CHECK(load("wp.html", wp_page, strlen(wp_page), &d) == RG_OK);
    char *q = doc_squeeze(d.text);
    RG_CHECK_STR(q, "Joint Statement: Ending Impunity\n"
                    "We, the undersigning organisations, welcome the decision of 5 November 2018 "
                    "to issue arrest warrants.\n"
                    "15 November 2018\n"
                    "Signatory Organizations\n"
                    "First Organisation for Human Rights\n"
                    "Second Center");
    free(q);
    RG_CHECK_STR(d.doc.title, "Joint Statement: Ending Impunity");
    RG_CHECK_STR(d.doc.date, "2018-11-15");
    rg_loaded_doc_free(&d);
}

static void test_table(void)
{
    const char *h = "<table><tr><th>Name</th><th>Role</th></tr><tr><td>Ali</td><td>Head"
                    "</td></tr></table><p>x<span>y</span>z</p>";
    rg_loaded_doc d;
    RG_CHECK(load("tab.html", h, strlen(h), &d) == RG_OK);
    RG_CHECK_STR(d.text, "Name Role\nAli Head\n\nxyz");
    rg_loaded_doc_free(&d);
}

static void test_charsets(void)
{
    char *cs = rg_doc_html_charset("<meta charset=\"Windows-1252\">", 29);
    RG_CHECK_STR(cs, "Windows-1252");
    free(cs);
    const char *m = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">";
    cs = rg_doc_html_charset(m, strlen(m));
    RG_CHECK_STR(cs, "iso-8859-1");
    free(cs);
    RG_CHECK(rg_doc_html_charset("<p>no charset</p>", 17) == NULL);

    rg_loaded_doc d;
    const char *h = "<html><head><meta charset=windows-1252></head><body><p>caf\xe9 "
                    "\x93quoted\x94</p></body></html>";
    RG_CHECK(load("c.html", h, strlen(h), &d) == RG_OK);
    RG_CHECK_STR(d.text, "caf\xc3\xa9 \xE2\x80\x9Cquoted\xE2\x80\x9D");
    rg_loaded_doc_free(&d);
    /* undeclared and not UTF-8: detected as Windows-1252 */
    h = "<p>Ren\xe9 said \x93yes\x94</p>";
    RG_CHECK(load("c2.html", h, strlen(h), &d) == RG_OK);
    RG_CHECK_STR(d.text, "Ren\xc3\xa9 said \xE2\x80\x9Cyes\xE2\x80\x9D");
    rg_loaded_doc_free(&d);
    /* a UTF-8 page that declares UTF-8 */
    h = "<meta charset=utf-8><p>Tr\xc3\xa8s bien</p>";
    RG_CHECK(load("c3.html", h, strlen(h), &d) == RG_OK);
    RG_CHECK_STR(d.text, "Tr\xc3\xa8s bien");
    rg_loaded_doc_free(&d);
}

static void test_boilerplate_in_html(void)
{
    /* Boilerplate that survives the DOM rules is caught on the text. */
    const char *h = "<html><body><article><h1>Statement on the trial</h1>"
                    "<p>by jdoe</p><p>1,024 views | Print | Share</p>"
                    "<p>The court in Koblenz convicted the officer of crimes against humanity. "
                    "The verdict was the first of its kind anywhere in the world.</p>"
                    "<p>Witnesses described the conditions in the branch in detail.</p>"
                    "<p>Contact us at [email&#160;protected] for details.</p>"
                    "<p>Related Articles</p><p>Another story title</p></article></body></html>";
    rg_loaded_doc d;
    RG_CHECK(load("s.html", h, strlen(h), &d) == RG_OK);
    RG_CHECK(!has(&d, "jdoe") && !has(&d, "views") && !has(&d, "Related") &&
             !has(&d, "Another story") && !has(&d, "protected"));
    char *q = doc_squeeze(d.text);
    RG_CHECK(strstr(q, "The court in Koblenz") && strstr(q, "Witnesses described") &&
             strstr(q, "Contact us at for details."));
    free(q);
    RG_CHECK(!rg_doc_source_offset(&d, 0, &(size_t){0})); /* HTML: no byte map */
    rg_loaded_doc_free(&d);
}

int main(void)
{
    test_page();
    test_no_article();
    test_articles_and_time();
    test_deep_nesting();
    test_broken_and_empty();
    test_table();
    test_wordpress_like();
    test_charsets();
    test_boilerplate_in_html();
    return rg_test_done();
}
