/* Boilerplate removal on generated pages in the styles of other sites:
 * the rules are patterns, not the seeds' sentences. Content that merely
 * resembles boilerplate must stay. */
#include "rg_test.h"

#include "doc_capture.h"
#include "rg_doc.h"

/* Strips boilerplate and checks that it was done in place: same length,
 * every byte kept or blanked, newlines kept. Returns the squeezed content
 * (see doc_capture.h). */
static char *strip(const char *t)
{
    size_t len = strlen(t);
    char *s = rg_strndup(t, len);
    rg_doc_strip_boilerplate(s, len);
    bool in_place = strlen(s) == len;
    for (size_t i = 0; in_place && i < len; i++)
        in_place = s[i] == t[i] || (s[i] == ' ' && t[i] != '\n');
    RG_CHECK(in_place);
    char *q = doc_squeeze(s);
    free(s);
    return q;
}

static void check_strip(const char *in, const char *want)
{
    char *got = strip(in);
    RG_CHECK_STR(got, want);
    free(got);
}

/* Two content lines long enough to push later lines past the first third. */
#define L1                                                                                         \
    "The tribunal heard evidence from former detainees about the conditions in the facility, "     \
    "and the prosecution presented documents seized from the branch."
#define L2                                                                                         \
    "Lawyers for the victims said the judgment would be appealed if the sentence was lenient."
#define BODY L1 "\n" L2 "\n"
#define BODY_OUT L1 "\n" L2 /* as returned: no trailing newline */

static void test_header_lines(void)
{
    check_strip("Home > News > Syria\n\nVerdict in Koblenz\n\n" BODY,
                "Verdict in Koblenz\n" BODY_OUT);
}

static void test_bylines_and_widgets(void)
{
    char *s = strip("Verdict in Koblenz\n"
                    "By Jane Doe\n"
                    "by j.smith\n"
                    "1,204 views | Share | Print\n"
                    "Share this: Facebook Twitter WhatsApp\n"
                    "Reading time: 4 min\n"
                    "5 min read\n"
                    "This article is also available in: French, German\n"
                    "Font size: A A A\n" BODY
                    "By signing the protocol, the association seeks to push the file forward.\n"
                    "Share prices fell in Damascus after the announcement.\n");
    RG_CHECK_STR(s, "Verdict in Koblenz\n" BODY
                    "By signing the protocol, the association seeks to push the file forward.\n"
                    "Share prices fell in Damascus after the announcement.");
    free(s);
}

static void test_breadcrumbs(void)
{
    char *s = strip("Home \xC2\xBB Reports \xC2\xBB Syria\n"
                    "Detention report published\n" BODY);
    RG_CHECK(strncmp(s, "Detention report published\n", 27) == 0);
    free(s);
    /* "Home <sections> <title>" with the title repeated below */
    s = strip("Home Reports Country reports Detention in Syria: a report\n\n"
              "Detention in Syria: a report\n" BODY);
    RG_CHECK(strncmp(s, "Detention in Syria: a report\n", 29) == 0);
    free(s);
    s = strip("You are here: Home / Reports\nHome / Reports / Syria\nDetention report\n" BODY);
    RG_CHECK(strncmp(s, "Detention report\n", 17) == 0);
    free(s);
    /* "Home Office" is an institution, not a breadcrumb */
    s = strip("Home Office officials said on Monday that asylum claims would be reviewed.\n" BODY);
    RG_CHECK(strncmp(s, "Home Office officials said", 26) == 0);
    free(s);
}

static void test_notices_and_cookies(void)
{
    char *s =
        strip("We use cookies to improve your experience on our website.\n"
              "Accept all cookies | Cookie settings\n"
              "Skip to content\n" BODY "This article has been translated from Arabic by our team.\n"
              "The publisher has not verified the information in this report.\n"
              "Copyright \xC2\xA9 2024 Example Org. All rights reserved.\n");
    RG_CHECK_STR(s, BODY_OUT);
    free(s);
}

static void test_cuts(void)
{
    /* "Related articles" late in the page: it and what follows are cut */
    char *s = strip(BODY "\nRelated articles:\nAnother story about something\nA third one\n");
    RG_CHECK_STR(s, BODY_OUT);
    free(s);
    /* the same heading at the top of a page is not a footer */
    s = strip("Related\n" BODY BODY);
    RG_CHECK(strncmp(s, "Related\n", 8) == 0);
    free(s);
    /* a press release: media contact line removed, section after it kept,
     * "- ENDS -" cuts */
    s = strip(BODY "For media enquiries, contact the press office.\n"
                   "About the Commission\nThe Commission was established in 2011.\n"
                   "- ENDS -\nNotes to editors go here.\n");
    RG_CHECK(strstr(s, "media enquiries") == NULL && strstr(s, "About the Commission\n") &&
             strstr(s, "established in 2011.") && strstr(s, "ENDS") == NULL &&
             strstr(s, "Notes to editors") == NULL);
    free(s);
    /* comment sections */
    s = strip(BODY "3 Comments\nAhmad says: great article\n");
    RG_CHECK(strstr(s, "Ahmad") == NULL && strstr(s, "Comments") == NULL);
    free(s);
    s = strip(BODY "Leave a Reply\nYour email address will not be published.\nName *\n");
    RG_CHECK(strstr(s, "Leave") == NULL && strstr(s, "Name") == NULL);
    free(s);
}

static void test_spans_and_blanks(void)
{
    check_strip("Contact: [email protected] or call.\n\n\n\nNext paragraph.\n  \n",
                "Contact: or call.\nNext paragraph.");
    /* a line that was only a placeholder disappears */
    check_strip("A\n[email protected]\nB", "A\nB");
    /* a long line that mentions cookies is content */
    const char *longline = "In its report the authority wrote that we use cookies only as an "
                           "example of tracking, and went on to discuss the surveillance of "
                           "activists by the security branches, the interception of their "
                           "messages, the pressure on their families abroad, the confiscation of "
                           "their property and the bans on travel that followed their release "
                           "from detention, all documented by the commission over many years of "
                           "work with survivors and their lawyers in several countries.";
    char *s = strip(longline);
    RG_CHECK_STR(s, longline);
    free(s);
    check_strip("", "");
    check_strip("\n\n\n", "");
}

int main(void)
{
    test_header_lines();
    test_bylines_and_widgets();
    test_breadcrumbs();
    test_notices_and_cookies();
    test_cuts();
    test_spans_and_blanks();
    return rg_test_done();
}
