/* test_html.c - HTML ingest: charsets, entities, white space, blocks and their
 * kinds, boilerplate removal, metadata and its provenance, JSONL "html"
 * records, and the author list of a document. Every page is written here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parallax.h"

/* ---- helpers ------------------------------------------------------------ */

typedef struct {
  int errors, warnings;
  char last[512];
} diags;

static void on_diag(void *ud, px_severity sev, int code, const char *where, const char *msg) {
  diags *d = ud;
  (void)code;
  (void)where;
  if (sev == PX_ERROR) d->errors++;
  else d->warnings++;
  snprintf(d->last, sizeof d->last, "%s", msg);
}

/* Ingests `len` bytes as `name` (an .html name: HTML); the corpus holds the result. */
static px_corpus *ingest_n(const char *name, const char *page, size_t len, diags *dg, unsigned flags) {
  px_corpus *c = px_corpus_new();
  assert_non_null(c);
  px_ingest_opts o = {.diag = on_diag, .diag_userdata = dg, .text_flags = flags};
  px_ingest_buffer(c, name, page, len, &o);
  return c;
}

static px_corpus *ingest(const char *page, diags *dg) { return ingest_n("page.html", page, strlen(page), dg, 0); }

/* The only document of a corpus. */
static px_doc *only(px_corpus *c) {
  assert_int_equal(px_corpus_count(c), 1);
  return px_corpus_doc(c, 0);
}

static void expect_str(const char *got, const char *want) {
  if (!want) {
    assert_null(got);
    return;
  }
  assert_non_null(got);
  assert_string_equal(got, want);
}

static bool has_removed(const px_doc *d, const char *needle, const char *reason) {
  for (size_t i = 0; i < px_doc_removed_count(d); i++) {
    const char *why;
    const char *t = px_doc_removed(d, i, &why);
    if (strstr(t, needle) && (!reason || strcmp(why, reason) == 0)) return true;
  }
  return false;
}

/* A paragraph long enough to count as article text, numbered. */
#define PROSE(n)                                                                                           \
  "<p>Paragraph " #n " of the article says what happened, where it happened, and who said so, "          \
  "in words that read like a sentence.</p>"

/* ---- charsets ------------------------------------------------------------- */

static void test_meta_charset_windows_1252(void **state) {
  (void)state;
  diags dg = {0};
  const char page[] = "<html><head><meta charset=\"windows-1252\"></head><body>"
                      "<p>Le caf\xe9 \x93ouvert\x94 d\xe8s l'aube \x96 pr\xe8s du march\xe9, "
                      "dit le patron.</p></body></html>";
  px_corpus *c = ingest(page, &dg);
  expect_str(px_doc_text(only(c), NULL),
             "Le caf\xc3\xa9 \xe2\x80\x9couvert\xe2\x80\x9d d\xc3\xa8s l'aube \xe2\x80\x93 "
             "pr\xc3\xa8s du march\xc3\xa9, "
             "dit le patron.");
  assert_int_equal(dg.errors + dg.warnings, 0);
  px_corpus_free(c);
}

static void test_http_equiv_latin1_means_1252(void **state) {
  (void)state;
  diags dg = {0};
  const char page[] = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
                      "<p>Smart \x93quotes\x94 and na\xefve bytes, as old pages had them.</p>";
  px_corpus *c = ingest(page, &dg);
  expect_str(px_doc_text(only(c), NULL),
             "Smart \xe2\x80\x9cquotes\xe2\x80\x9d and na\xc3\xafve bytes, as old pages had them.");
  px_corpus_free(c);
}

static void test_no_charset_invalid_utf8_is_1252(void **state) {
  (void)state;
  diags dg = {0};
  px_corpus *c = ingest("<p>No declaration, and the bytes are not UTF-8: na\xefve.</p>", &dg);
  expect_str(px_doc_text(only(c), NULL), "No declaration, and the bytes are not UTF-8: na\xc3\xafve.");
  assert_int_equal(dg.warnings, 0);
  px_corpus_free(c);
}

static void test_utf8_bom(void **state) {
  (void)state;
  diags dg = {0};
  /* the BOM wins over a wrong declaration */
  px_corpus *c = ingest("\xef\xbb\xbf<meta charset=\"iso-8859-1\"><p>Z\xc3\xbcrich \xe2\x82\xac 5</p>", &dg);
  expect_str(px_doc_text(only(c), NULL), "Z\xc3\xbcrich \xe2\x82\xac 5");
  px_corpus_free(c);
}

static void test_utf16_bom(void **state) {
  (void)state;
  diags dg = {0};
  const char page[] = "\xff\xfe<\0p\0>\0O\0u\0i\0 \0\xe9\0<\0/\0p\0>\0";
  px_corpus *c = ingest_n("page.html", page, sizeof page - 1, &dg, 0);
  expect_str(px_doc_text(only(c), NULL), "Oui \xc3\xa9");
  px_corpus_free(c);
}

static void test_declared_utf8_invalid_bytes(void **state) {
  (void)state;
  diags dg = {0};
  const char page[] = "<meta charset=\"utf-8\"><p>Broken \xff byte.</p>";
  px_corpus *c = ingest(page, &dg);
  expect_str(px_doc_text(only(c), NULL), "Broken \xef\xbf\xbd byte.");
  assert_int_equal(dg.warnings, 1);
  assert_non_null(strstr(dg.last, "warning: "));
  px_corpus_free(c);
  /* with --strict: an error, no document */
  dg = (diags){0};
  c = ingest_n("page.html", page, strlen(page), &dg, PX_TEXT_STRICT);
  assert_int_equal(px_corpus_count(c), 0);
  assert_int_equal(dg.errors, 1);
  px_corpus_free(c);
}

/* ---- text ------------------------------------------------------------------ */

static void test_entities(void **state) {
  (void)state;
  diags dg = {0};
  px_corpus *c = ingest("<p>Fish &amp; chips cost &pound;5 &mdash; &ldquo;cheap&rdquo; at the caf&eacute;, "
                        "&#x201C;hex&#x201D; &#8216;dec&#8217; &lt;tag&gt;</p>",
                        &dg);
  expect_str(px_doc_text(only(c), NULL),
             "Fish & chips cost \xc2\xa3" "5 \xe2\x80\x94 \xe2\x80\x9c" "cheap\xe2\x80\x9d at the caf\xc3\xa9, "
             "\xe2\x80\x9chex\xe2\x80\x9d \xe2\x80\x98" "dec\xe2\x80\x99 <tag>");
  px_corpus_free(c);
}

static void test_special_spaces(void **state) {
  (void)state;
  diags dg = {0};
  /* U+00A0 is a space; U+00AD, U+200B, U+200D, U+2060 and U+FEFF go */
  px_corpus *c = ingest("<p>no&nbsp;break, soft&shy;hyphen, zero&#8203;width, jo&#x200D;in, "
                        "wo&#x2060;rd, b&#xFEFF;om</p>",
                        &dg);
  expect_str(px_doc_text(only(c), NULL), "no break, softhyphen, zerowidth, join, word, bom");
  px_corpus_free(c);
}

static void test_whitespace_and_br(void **state) {
  (void)state;
  diags dg = {0};
  px_corpus *c = ingest("<div>  Many     spaces\nand\ttabs   <b>bold</b><i>italic</i>  end. </div>"
                        "<p>Line one<br>  line two<br/><br>A new block after two breaks.</p>"
                        "<pre>  kept\n   as   is</pre>",
                        &dg);
  expect_str(px_doc_text(only(c), NULL), "Many spaces and tabs bolditalic end.\n\n"
                                         "Line one\nline two\n\n"
                                         "A new block after two breaks.\n\n"
                                         "kept\n   as   is");
  px_corpus_free(c);
}

static void test_lists_and_headings(void **state) {
  (void)state;
  diags dg = {0};
  px_corpus *c = ingest("<article><h1>Storm hits the coast</h1>" PROSE(1) "<h2>What comes next</h2>"
                        "<ul><li>Roads reopen on Friday.</li><li>Schools stay shut.</li></ul>" PROSE(2) "</article>",
                        &dg);
  px_doc *d = only(c);
  const char *t = px_doc_text(d, NULL);
  /* the headline is the title, not text */
  expect_str(px_doc_meta(d, PX_META_TITLE), "Storm hits the coast");
  assert_null(strstr(t, "Storm hits"));
  size_t n;
  const px_span *p = px_doc_layer(d, PX_LAYER_PARAGRAPHS, &n);
  assert_non_null(p);
  assert_int_equal(n, 5);
  static const uint32_t kinds[] = {PX_PARA_TEXT, PX_PARA_HEADING, PX_PARA_LIST_ITEM, PX_PARA_LIST_ITEM, PX_PARA_TEXT};
  for (size_t i = 0; i < n; i++) assert_int_equal(p[i].kind, kinds[i]);
  assert_int_equal(p[1].end - p[1].start, strlen("What comes next"));
  assert_memory_equal(t + p[2].start, "Roads reopen on Friday.", p[2].end - p[2].start);
  /* segmenting keeps the kinds ingest set */
  assert_int_equal(px_doc_segment(d, 0), PX_OK);
  assert_int_equal(px_doc_layer(d, PX_LAYER_PARAGRAPHS, NULL)[3].kind, PX_PARA_LIST_ITEM);
  px_corpus_free(c);
}

static void test_table_rows(void **state) {
  (void)state;
  diags dg = {0};
  px_corpus *c = ingest("<article>" PROSE(1) "<table><tr><th>Pos.</th><th>Name</th><th>Points</th></tr>"
                        "<tr><td>1</td><td>Ann Driver</td><td>5040</td></tr>"
                        "<tr><td>2</td><td>Bob Racer</td><td>5035</td></tr></table></article>",
                        &dg);
  const char *t = px_doc_text(only(c), NULL);
  assert_non_null(strstr(t, "\n\nPos.\tName\tPoints\n\n1\tAnn Driver\t5040\n\n2\tBob Racer\t5035"));
  px_corpus_free(c);
}

static void test_layout_table(void **state) {
  (void)state;
  diags dg = {0};
  /* an old page laid out in a table: the story's cell, not the menu or the counter beside it */
  px_corpus *c = ingest("<table><tr><td><a href=\"/\">Home</a><br><a href=\"/a\">Archive</a></td><td>"
                        "The village fair opened on Saturday with two hundred stalls, a band, and a tug of war.<br><br>"
                        "Organisers said attendance was the highest in ten years, helped by the fine weather.<br><br>"
                        "Next year the fair will run for two days, the committee said, and add a market.</td>"
                        "<td>Visitors: 1234<br><a href=\"/guestbook\">Sign the guestbook</a></td></tr></table>",
                        &dg);
  expect_str(px_doc_text(only(c), NULL),
             "The village fair opened on Saturday with two hundred stalls, a band, and a tug of war.\n\n"
             "Organisers said attendance was the highest in ten years, helped by the fine weather.\n\n"
             "Next year the fair will run for two days, the committee said, and add a market.");
  px_corpus_free(c);
}

static void test_short_story_keeps_rules(void **state) {
  (void)state;
  diags dg = {0};
  /* a short story: retrying without the rules would only add the comments */
  px_corpus *c = ingest("<body><div id=\"story\">Councillors voted on Tuesday to close the old pool, ending a campaign "
                        "that lasted three years.<br><br>A new leisure centre is planned, but no site has been "
                        "chosen.</div>"
                        "<div id=\"comments\"><div class=\"comment\">What a shame, I learned to swim there as a child "
                        "and so did my children, it is a real loss for the town.</div></div></body>",
                        &dg);
  assert_null(strstr(px_doc_text(only(c), NULL), "What a shame"));
  px_corpus_free(c);
}

static void test_hidden_and_scripts(void **state) {
  (void)state;
  diags dg = {0};
  px_corpus *c = ingest("<body><script>document.write('script text')</script><style>p { color: red }</style>"
                        "<noscript>Please enable JavaScript.</noscript><template><p>template</p></template>"
                        "<!-- a comment --><svg><text>drawing</text></svg>"
                        "<p hidden>hidden attribute</p><p style=\"display: none\">display none</p>"
                        "<span class=\"sr-only\">screen reader only</span>" PROSE(1) "</body>",
                        &dg);
  const char *t = px_doc_text(only(c), NULL);
  static const char *const gone[] = {"script text", "color", "JavaScript", "template", "comment", "drawing",
                                     "hidden attribute", "display none", "screen reader"};
  for (size_t i = 0; i < sizeof gone / sizeof *gone; i++) assert_null(strstr(t, gone[i]));
  assert_non_null(strstr(t, "Paragraph 1 of the article"));
  px_corpus_free(c);
}

/* ---- boilerplate ------------------------------------------------------------ */

static const char page_with_furniture[] =
    "<html><head><title>Ferry service resumes | Harbour Times</title></head><body>"
    "<header class=\"site-header\"><div class=\"logo\">Harbour Times</div>"
    "<nav class=\"main-nav\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li>"
    "<li><a href=\"/sport\">Sport</a></li></ul></nav></header>"
    "<div class=\"cookie-banner\"><p>We use cookies to improve your experience. Accept?</p></div>"
    "<main><article class=\"post\"><h1>Ferry service resumes</h1>"
    "<div class=\"byline\">By Ann Smith</div>"
    "<div class=\"entry-content\">" PROSE(1) PROSE(2)
    "<figure><img src=\"f.jpg\"><figcaption>The ferry leaves the harbour. Photo: Jo Roe</figcaption></figure>"
    PROSE(3)
    "<div class=\"share-buttons\"><a href=\"#\">Facebook</a> <a href=\"#\">Twitter</a> <a href=\"#\">Email</a></div>"
    PROSE(4)
    "<div class=\"donate-box\"><p>Independent journalism needs your support. Please donate today, "
    "any amount helps us keep going.</p></div>"
    PROSE(5) "</div>"
    "<div class=\"related-articles\"><h3>Related stories</h3><ul>"
    "<li><a href=\"/a\">Bridge closed for repairs over the weekend</a></li>"
    "<li><a href=\"/b\">New timetable for buses from Monday</a></li></ul></div>"
    "<section id=\"comments\"><h3>3 comments</h3><div class=\"comment\"><p>Great news, I have waited for this "
    "for a long time, thank you, and see you on board.</p></div></section>"
    "</article>"
    "<aside class=\"sidebar\"><h3>Most read</h3><ol><li><a href=\"/c\">Storm warning for the coast</a></li>"
    "</ol></aside></main>"
    "<footer class=\"site-footer\"><p>Copyright 2024 Harbour Times. All rights reserved.</p></footer>"
    "</body></html>";

static void test_article_behind_dialog(void **state) {
  (void)state;
  diags dg = {0};
  /* the page hides its body with aria-hidden while a dialog shows: the body is still the article */
  px_corpus *c = ingest("<body><div class=\"dialog\"><p>Please accept our terms.</p></div>"
                        "<div id=\"page\" aria-hidden=\"true\">" PROSE(1) PROSE(2) PROSE(3) PROSE(4) PROSE(5)
                        "<span class=\"sr-only\">Opens in a new window</span></div></body>",
                        &dg);
  const char *t = px_doc_text(only(c), NULL);
  assert_non_null(strstr(t, "Paragraph 1 of"));
  assert_non_null(strstr(t, "Paragraph 5 of"));
  px_corpus_free(c);
}

static void test_boilerplate_removed(void **state) {
  (void)state;
  diags dg = {0};
  px_corpus *c = ingest(page_with_furniture, &dg);
  px_doc *d = only(c);
  const char *t = px_doc_text(d, NULL);
  for (int i = 1; i <= 5; i++) {
    char want[32];
    snprintf(want, sizeof want, "Paragraph %d of", i);
    assert_non_null(strstr(t, want));
  }
  static const char *const gone[] = {"Home",       "cookies", "Ferry service resumes", "By Ann Smith",
                                     "Photo",      "Twitter", "donate",                "Bridge closed",
                                     "Great news", "comments", "Most read",            "Storm warning",
                                     "Copyright"};
  for (size_t i = 0; i < sizeof gone / sizeof *gone; i++)
    if (strstr(t, gone[i])) fail_msg("\"%s\" is in the text:\n%s", gone[i], t);
  /* what was dropped inside the article's region is listed with a reason */
  assert_true(has_removed(d, "Facebook", "share"));
  assert_true(has_removed(d, "donate", "appeal"));
  assert_true(has_removed(d, "Photo: Jo Roe", "credit"));
  expect_str(px_doc_meta(d, PX_META_TITLE), "Ferry service resumes");
  expect_str(px_doc_author(d, 0), "Ann Smith");
  px_corpus_free(c);
}

static void test_split_article(void **state) {
  (void)state;
  diags dg = {0};
  /* the body in two chunks, each in its own nest of wrappers, an advert between them */
  px_corpus *c = ingest("<body><div class=\"page\"><article><div class=\"grid\"><div class=\"col\"><div>" PROSE(1)
                        PROSE(2) PROSE(3) PROSE(6) "</div></div></div><div class=\"ad-slot\"><p>Advertisement</p></div>"
                        "<div class=\"grid grid-2\"><div class=\"col\"><div>" PROSE(4) PROSE(5) PROSE(7)
                        "</div></div></div></article>"
                        "<div class=\"sidebar\"><ul><li><a href=\"/x\">Elsewhere</a></li></ul></div></div></body>",
                        &dg);
  const char *t = px_doc_text(only(c), NULL);
  assert_non_null(strstr(t, "Paragraph 1 of"));
  assert_non_null(strstr(t, "Paragraph 5 of"));
  assert_null(strstr(t, "Advertisement"));
  assert_null(strstr(t, "Elsewhere"));
  px_corpus_free(c);
}

static void test_wrapper_named_after_sidebar(void **state) {
  (void)state;
  diags dg = {0};
  /* a layout class naming the sidebar on the article's own wrapper does not drop the article */
  px_corpus *c = ingest("<body><div class=\"container with-sidebar\"><div class=\"col\">" PROSE(1) PROSE(2) PROSE(3)
                        "</div><div class=\"sidebar\"><p>Sidebar text that is long enough to be read as a paragraph, "
                        "but it is not the article.</p></div></div></body>",
                        &dg);
  const char *t = px_doc_text(only(c), NULL);
  assert_non_null(strstr(t, "Paragraph 3 of"));
  assert_null(strstr(t, "Sidebar text"));
  px_corpus_free(c);
}

static void test_furniture_lines(void **state) {
  (void)state;
  diags dg = {0};
  px_corpus *c = ingest("<article>" PROSE(1) "<p>The new bridge at dusk. (Agency/Jo Roe)</p>" PROSE(2)
                        "<blockquote class=\"post\"><p>The bridge is open, come and see it!</p>"
                        "<p>\xe2\x80\x94 Mayor Kim (@mayorkim) November 1, 2019</p></blockquote>" PROSE(3)
                        "<p>Follow our coverage of the bridge at https://example.org/bridge</p>"
                        "<p>PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019</p></article>",
                        &dg);
  px_doc *d = only(c);
  const char *t = px_doc_text(d, NULL);
  assert_null(strstr(t, "at dusk"));
  assert_true(has_removed(d, "at dusk", "credit"));
  assert_non_null(strstr(t, "Mayor Kim (@mayorkim) November 1, 2019")); /* a quoted post keeps its signature */
  assert_true(has_removed(d, "Follow our coverage", "share"));
  assert_true(has_removed(d, "PUBLISHED:", "byline"));
  px_corpus_free(c);
}

static void test_appeal_only_at_the_end(void **state) {
  (void)state;
  diags dg = {0};
  /* money talk between paragraphs is the story; the same words closing the article are an appeal */
  px_corpus *c = ingest("<article>" PROSE(1) "<p>We are moving our subscription to the next level: for a monthly fee, "
                        "members get unlimited tickets, the company's founder said.</p>" PROSE(2)
                        "<p>Please support our journalism. Donate today: your support keeps us independent.</p></article>",
                        &dg);
  px_doc *d = only(c);
  assert_non_null(strstr(px_doc_text(d, NULL), "unlimited tickets"));
  assert_true(has_removed(d, "Donate today", "appeal"));
  px_corpus_free(c);
}

static void test_no_text(void **state) {
  (void)state;
  diags dg = {0};
  px_corpus *c = ingest("<html><head><title>Only a title</title></head><body><script>x()</script>"
                        "<img src=\"a.png\"></body></html>",
                        &dg);
  assert_int_equal(px_corpus_count(c), 0);
  assert_int_equal(dg.errors, 1);
  assert_string_equal(dg.last, "no article text found in the page");
  px_corpus_free(c);
}

/* ---- metadata -------------------------------------------------------------------- */

static void test_jsonld_metadata(void **state) {
  (void)state;
  diags dg = {0};
  px_corpus *c = ingest(
      "<html lang=\"en-GB\"><head><script type=\"application/ld+json\">"
      "{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Valley Echo\"},"
      "{\"@type\":\"NewsArticle\",\"headline\":\"Mill to reopen\",\"datePublished\":\"2024-05-02T21:30:00-05:00\","
      "\"dateModified\":\"2024-05-03T08:00:00Z\",\"description\":\"The old mill reopens.\","
      "\"author\":[{\"@type\":\"Person\",\"name\":\"Jo Lee\"},{\"@type\":\"Person\",\"name\":\"Sam Park\"},"
      "{\"@type\":\"Organization\",\"name\":\"Valley Echo\"}],"
      "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Valley Echo\"},"
      "\"mainEntityOfPage\":{\"@id\":\"https://example.org/mill\"}}]}</script>"
      "<title>Mill to reopen - Valley Echo</title></head><body>" PROSE(1) "</body></html>",
      &dg);
  px_doc *d = only(c);
  expect_str(px_doc_meta(d, PX_META_TITLE), "Mill to reopen");
  expect_str(px_doc_meta(d, PX_META_TITLE_FROM), "json-ld");
  /* the date as written: the page's local date, not converted to UTC */
  expect_str(px_doc_meta(d, PX_META_PUBLISHED), "2024-05-02");
  expect_str(px_doc_meta(d, PX_META_PUBLISHED_FROM), "json-ld");
  expect_str(px_doc_meta(d, PX_META_MODIFIED), "2024-05-03");
  expect_str(px_doc_meta(d, PX_META_MODIFIED_FROM), "json-ld");
  expect_str(px_doc_meta(d, PX_META_AUTHORS), "Jo Lee; Sam Park");
  expect_str(px_doc_meta(d, PX_META_AUTHORS_FROM), "json-ld");
  assert_int_equal(px_doc_author_count(d), 2);
  expect_str(px_doc_author(d, 1), "Sam Park");
  expect_str(px_doc_meta(d, PX_META_SITE), "Valley Echo");
  expect_str(px_doc_meta(d, PX_META_SITE_FROM), "json-ld");
  expect_str(px_doc_meta(d, PX_META_SOURCE), "Valley Echo");
  expect_str(px_doc_meta(d, PX_META_URL), "https://example.org/mill");
  expect_str(px_doc_meta(d, PX_META_URL_FROM), "json-ld");
  expect_str(px_doc_meta(d, PX_META_LANG), "en-GB");
  expect_str(px_doc_meta(d, PX_META_LANG_FROM), "html-lang");
  expect_str(px_doc_meta(d, PX_META_DESCRIPTION), "The old mill reopens.");
  expect_str(px_doc_meta(d, PX_META_FORMAT), "html");
  px_corpus_free(c);
}

/* Story lines too short to score as paragraphs, and a teaser full of commas. */
#define LINE(n) "On day " #n " the tide was high. "
#define LINES(d) LINE(d##0) LINE(d##1) LINE(d##2) LINE(d##3) LINE(d##4) LINE(d##5) LINE(d##6) LINE(d##7)
#define P(n) "<p>" LINE(n) "</p>"
#define PS(d) P(d##0) P(d##1) P(d##2) P(d##3) P(d##4) P(d##5) P(d##6) P(d##7)
#define TEASER                                                                                               \
  "<p>Sun, sea, sand, shells, shops, cafes, hotels, piers, parks, gardens, museums, galleries, walks, "     \
  "tours, boats, and more, all in one place, all summer long, for all the family, book now, today.</p>"

static void test_jsonld_body_guides(void **state) {
  (void)state;
  diags dg = {0};
  /* the page's blocks alone point to the teasers; the JSON-LD articleBody names the story */
  px_corpus *c = ingest("<head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"articleBody\": \""
                        LINES(1) LINES(2) LINES(3) LINES(4) LINES(5) "\"}</script></head><body>"
                        "<div class=\"left\"><div class=\"box\">" TEASER TEASER TEASER TEASER "</div></div>"
                        "<div class=\"right\"><div class=\"story\">" PS(1) PS(2) PS(3) PS(4) PS(5)
                        "</div></div></body>",
                        &dg);
  const char *t = px_doc_text(only(c), NULL);
  assert_non_null(strstr(t, "On day 10 the tide"));
  assert_non_null(strstr(t, "On day 57 the tide"));
  assert_null(strstr(t, "book now"));
  px_corpus_free(c);
}

static void test_meta_tags_and_broken_jsonld(void **state) {
  (void)state;
  diags dg = {0};
  px_corpus *c = ingest("<head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": "
                        "</script><meta property=\"og:title\" content=\"Bridge  opens\">"
                        "<meta property=\"article:published_time\" content=\"2023-07-04T09:00:00+01:00\">"
                        "<meta property=\"og:site_name\" content=\"River News\">"
                        "<meta property=\"og:locale\" content=\"en_US\">"
                        "<link rel=\"canonical\" href=\"https://example.org/bridge\"></head><body>" PROSE(1) "</body>",
                        &dg);
  px_doc *d = only(c);
  expect_str(px_doc_meta(d, PX_META_TITLE), "Bridge opens");
  expect_str(px_doc_meta(d, PX_META_TITLE_FROM), "og:title");
  expect_str(px_doc_meta(d, PX_META_PUBLISHED), "2023-07-04");
  expect_str(px_doc_meta(d, PX_META_PUBLISHED_FROM), "article:published_time");
  expect_str(px_doc_meta(d, PX_META_URL), "https://example.org/bridge");
  expect_str(px_doc_meta(d, PX_META_URL_FROM), "link-canonical");
  expect_str(px_doc_meta(d, PX_META_LANG), "en-US");
  expect_str(px_doc_meta(d, PX_META_LANG_FROM), "og:locale");
  assert_int_equal(dg.errors + dg.warnings, 0);
  px_corpus_free(c);
}

static void test_title_site_name_stripped(void **state) {
  (void)state;
  diags dg = {0};
  px_corpus *c = ingest("<head><title>Wind farm approved after long hearings | Northern Post</title>"
                        "<meta property=\"og:site_name\" content=\"The Northern Post\"></head><body>" PROSE(1)
                        "</body>",
                        &dg);
  expect_str(px_doc_meta(only(c), PX_META_TITLE), "Wind farm approved after long hearings");
  expect_str(px_doc_meta(only(c), PX_META_TITLE_FROM), "title");
  px_corpus_free(c);
  /* no site name given: a short last part is taken as the site's */
  c = ingest("<head><title>Wind farm approved after long hearings - Northern Post</title></head><body>" PROSE(1)
             "</body>",
             &dg);
  expect_str(px_doc_meta(only(c), PX_META_TITLE), "Wind farm approved after long hearings");
  expect_str(px_doc_meta(only(c), PX_META_SITE), "Northern Post");
  expect_str(px_doc_meta(only(c), PX_META_SITE_FROM), "title");
  px_corpus_free(c);
}

static void test_author_never_the_site(void **state) {
  (void)state;
  diags dg = {0};
  px_corpus *c = ingest("<head><meta property=\"og:site_name\" content=\"Northern Post\">"
                        "<meta name=\"author\" content=\"Northern Post\"></head><body>" PROSE(1) "</body>",
                        &dg);
  assert_int_equal(px_doc_author_count(only(c)), 0);
  assert_null(px_doc_meta(only(c), PX_META_AUTHORS));
  assert_null(px_doc_meta(only(c), PX_META_AUTHORS_FROM));
  px_corpus_free(c);
  c = ingest("<head><meta property=\"og:site_name\" content=\"Northern Post\"></head><body><article>"
             "<p class=\"byline\">By Kim Ray and Northern Post staff</p>" PROSE(1) "</article></body>",
             &dg);
  expect_str(px_doc_meta(only(c), PX_META_AUTHORS), "Kim Ray");
  expect_str(px_doc_meta(only(c), PX_META_AUTHORS_FROM), "byline");
  px_corpus_free(c);
}

static void test_date_from_url(void **state) {
  (void)state;
  diags dg = {0};
  px_corpus *c = ingest("<head><link rel=\"canonical\" href=\"https://example.org/news/2019/11/18/ferry-story/\">"
                        "</head><body>" PROSE(1) "</body>",
                        &dg);
  expect_str(px_doc_meta(only(c), PX_META_PUBLISHED), "2019-11-18");
  expect_str(px_doc_meta(only(c), PX_META_PUBLISHED_FROM), "url");
  px_corpus_free(c);
}

static void test_utc_timestamp_past_midnight(void **state) {
  (void)state;
  diags dg = {0};
  /* 01:30 UTC on the 19th, in a URL dated the 18th: the page's own day is the 18th */
  px_corpus *c = ingest("<head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
                        "\"datePublished\": \"2019-11-19T01:30:00Z\"}</script>"
                        "<link rel=\"canonical\" href=\"https://example.org/2019/11/18/late-vote/\">"
                        "</head><body>" PROSE(1)
                        "</body>",
                        &dg);
  expect_str(px_doc_meta(only(c), PX_META_PUBLISHED), "2019-11-18");
  expect_str(px_doc_meta(only(c), PX_META_PUBLISHED_FROM), "url");
  px_corpus_free(c);
  /* with a time zone of its own, the timestamp's date stands */
  c = ingest("<head><meta property=\"article:published_time\" content=\"2019-11-19T01:30:00+02:00\">"
             "<link rel=\"canonical\" href=\"https://example.org/2019/11/18/late-vote/\"></head><body>" PROSE(1)
             "</body>",
             &dg);
  expect_str(px_doc_meta(only(c), PX_META_PUBLISHED), "2019-11-19");
  px_corpus_free(c);
}

static void test_byline_with_date(void **state) {
  (void)state;
  diags dg = {0};
  px_corpus *c = ingest("<body><article><div class=\"byline\"><span>By </span><a href=\"/a\">Rosa Diaz</a>"
                        "<span>November 15, 2019</span></div>" PROSE(1) PROSE(2) "</article></body>",
                        &dg);
  px_doc *d = only(c);
  expect_str(px_doc_meta(d, PX_META_AUTHORS), "Rosa Diaz");
  expect_str(px_doc_meta(d, PX_META_PUBLISHED), "2019-11-15");
  expect_str(px_doc_meta(d, PX_META_PUBLISHED_FROM), "byline");
  assert_null(strstr(px_doc_text(d, NULL), "Rosa"));
  px_corpus_free(c);
}

static void test_no_date_from_script(void **state) {
  (void)state;
  diags dg = {0};
  px_corpus *c = ingest("<head><script>var meta = {datePublished: \"2019-11-18\"}; "
                        "document.write('<meta property=\"article:published_time\" content=\"2019-11-18\">');"
                        "</script></head><body><script>var published_time = '2019-11-18T10:00:00Z';</script>" PROSE(1)
                        "</body>",
                        &dg);
  assert_null(px_doc_meta(only(c), PX_META_PUBLISHED));
  assert_null(px_doc_meta(only(c), PX_META_PUBLISHED_FROM));
  px_corpus_free(c);
}

static void test_input_metadata_wins(void **state) {
  (void)state;
  /* a JSONL record with "html": the record's fields win over the page's */
  const char line[] = "{\"id\": \"r1\", \"title\": \"Record title\", \"source\": \"Record Source\", "
                      "\"html\": \"<head><title>Page title</title><meta property='og:site_name' content='Page Site'>"
                      "</head><p>The record's page has a paragraph of text, long enough to be an article.</p>\"}\n";
  px_corpus *c = px_corpus_new();
  px_ingest_opts o = {0};
  assert_int_equal(px_ingest_buffer(c, "feed.jsonl", line, strlen(line), &o), 0);
  px_doc *d = only(c);
  expect_str(px_doc_meta(d, PX_META_ID), "r1");
  expect_str(px_doc_meta(d, PX_META_TITLE), "Record title");
  expect_str(px_doc_meta(d, PX_META_TITLE_FROM), "input");
  expect_str(px_doc_meta(d, PX_META_SOURCE), "Record Source");
  expect_str(px_doc_meta(d, PX_META_SITE), "Page Site");
  expect_str(px_doc_meta(d, PX_META_FORMAT), "jsonl");
  expect_str(px_doc_text(d, NULL), "The record's page has a paragraph of text, long enough to be an article.");
  px_corpus_free(c);
}

/* ---- the author list of a document -------------------------------------------------- */

static void test_doc_authors(void **state) {
  (void)state;
  px_doc *d = px_doc_new("x", 1);
  assert_int_equal(px_doc_author_count(d), 0);
  assert_int_equal(px_doc_add_author(d, "Ann Smith"), PX_OK);
  assert_int_equal(px_doc_add_author(d, "Lee; Park"), PX_OK);
  assert_int_equal(px_doc_add_author(d, ""), PX_EARG);
  expect_str(px_doc_meta(d, PX_META_AUTHORS), "Ann Smith; Lee, Park");
  assert_int_equal(px_doc_author_count(d), 2);
  expect_str(px_doc_author(d, 1), "Lee, Park");
  assert_null(px_doc_author(d, 2));
  assert_int_equal(px_doc_set_meta(d, PX_META_AUTHORS, "A; B; C"), PX_OK);
  assert_int_equal(px_doc_author_count(d), 3);
  expect_str(px_doc_author(d, 2), "C");
  assert_int_equal(px_doc_set_meta(d, PX_META_AUTHORS, NULL), PX_OK);
  assert_int_equal(px_doc_author_count(d), 0);
  px_doc_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_meta_charset_windows_1252),
      cmocka_unit_test(test_http_equiv_latin1_means_1252),
      cmocka_unit_test(test_no_charset_invalid_utf8_is_1252),
      cmocka_unit_test(test_utf8_bom),
      cmocka_unit_test(test_utf16_bom),
      cmocka_unit_test(test_declared_utf8_invalid_bytes),
      cmocka_unit_test(test_entities),
      cmocka_unit_test(test_special_spaces),
      cmocka_unit_test(test_whitespace_and_br),
      cmocka_unit_test(test_lists_and_headings),
      cmocka_unit_test(test_table_rows),
      cmocka_unit_test(test_layout_table),
      cmocka_unit_test(test_short_story_keeps_rules),
      cmocka_unit_test(test_hidden_and_scripts),
      cmocka_unit_test(test_article_behind_dialog),
      cmocka_unit_test(test_boilerplate_removed),
      cmocka_unit_test(test_split_article),
      cmocka_unit_test(test_wrapper_named_after_sidebar),
      cmocka_unit_test(test_furniture_lines),
      cmocka_unit_test(test_appeal_only_at_the_end),
      cmocka_unit_test(test_no_text),
      cmocka_unit_test(test_jsonld_metadata),
      cmocka_unit_test(test_jsonld_body_guides),
      cmocka_unit_test(test_meta_tags_and_broken_jsonld),
      cmocka_unit_test(test_title_site_name_stripped),
      cmocka_unit_test(test_author_never_the_site),
      cmocka_unit_test(test_date_from_url),
      cmocka_unit_test(test_utc_timestamp_past_midnight),
      cmocka_unit_test(test_byline_with_date),
      cmocka_unit_test(test_no_date_from_script),
      cmocka_unit_test(test_input_metadata_wins),
      cmocka_unit_test(test_doc_authors),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
