/* test_render_html.c - the HTML report (src/render/html*.c): every section
 * rendered from a story whose arrays the test fills itself, links to the
 * sentences, "nothing found" lines for empty sections, and markup injected
 * in an article, its metadata or the story's strings always escaped. The
 * stories are invented (the harbour strike of "Port Merrow", "Ostland"). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "compare/story.h"
#include "render/html_escape.h"

static const char *const texts[3] = {
    "Police cleared the Port Merrow docks on Sunday. About 200 people were detained, the ministry said. "
    "Strikers called it a brutal raid.",
    "Riot police stormed the docks at dawn on Sunday. Officials said 212 people were detained. "
    "The union said the raid was unprecedented.",
    "Merrow Today says <script>alert(1)</script> happened. "
    "A reader wrote <img src=x onerror=\"alert(2)\"> and </style><b>bold</b> then javascript:alert(3) here. "
    "Between 150 and 180 protesters were detained on Saturday, 'volunteers' said."};

static const char *const sources[3] = {"Merrow Courier", "Ostland Post", "Evil \"<Outlet>\" & 'Co'"};

/* Renders into memory; the result is NUL-terminated. */
static char *render(const px_corpus *c, const px_story *s) {
  char *data = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&data, &len);
  assert_non_null(f);
  assert_int_equal(px_render_html(c, s, f, 0), PX_OK);
  assert_int_equal(fclose(f), 0);
  assert_non_null(data);
  return data;
}

static px_corpus *corpus3(void) {
  px_corpus *c = px_corpus_new();
  assert_non_null(c);
  for (int i = 0; i < 3; i++) {
    px_doc *d = px_doc_new(texts[i], strlen(texts[i]));
    assert_non_null(d);
    char id[8];
    snprintf(id, sizeof id, "a%d", i);
    assert_int_equal(px_doc_set_meta(d, PX_META_ID, id), PX_OK);
    assert_int_equal(px_doc_set_meta(d, PX_META_SOURCE, sources[i]), PX_OK);
    assert_int_equal(px_doc_set_meta(d, PX_META_PUBLISHED, i == 2 ? "2026-05-04" : "2026-05-03"), PX_OK);
    if (i == 2) {
      assert_int_equal(px_doc_set_meta(d, PX_META_URL, "javascript:alert(5)"), PX_OK);
      assert_int_equal(px_doc_set_meta(d, PX_META_TITLE, "Headline\"><script>alert(6)</script>"), PX_OK);
    }
    assert_int_equal(px_corpus_add(c, d), PX_OK);
  }
  return c;
}

/* Byte offsets of `needle` in document `doc`. */
static void span_of(const px_story *s, uint32_t doc, const char *needle, size_t *start, size_t *end) {
  size_t len;
  const char *t = px_doc_text(px_corpus_doc(px_story_corpus(s), doc), &len);
  const char *p = strstr(t, needle);
  assert_non_null(p);
  *start = (size_t)(p - t);
  *end = *start + strlen(needle);
}

static const char *in(px_story *s, const char *str) { return px_s_intern(s, str, strlen(str)); }

static size_t refs(px_story *s, uint32_t doc, uint32_t sentence) {
  size_t first = s->refs.n;
  assert_int_equal(px_s_push_ref(s, doc, sentence), PX_OK);
  return first;
}

static void fill_claims(px_story *s) {
  px_claim c = {.doc = 0, .sentence = 1, .kind = PX_CLAIM_QUANTITY, .fact = 0, .value = 200, .value_max = NAN,
                .approx = PX_APPROX_ABOUT, .unit = "people", .as_of = "2026-05-03", .speaker = 0};
  span_of(s, 0, "About 200 people", &c.start, &c.end);
  assert_int_equal(PX_VEC_PUSH(s->claims, c), PX_OK);
  c = (px_claim){.doc = 1, .sentence = 1, .value = 212, .value_max = NAN, .unit = "people", .as_of = "2026-05-03",
                 .speaker = -1};
  span_of(s, 1, "212 people", &c.start, &c.end);
  assert_int_equal(PX_VEC_PUSH(s->claims, c), PX_OK);
  c = (px_claim){.doc = 2, .sentence = 2, .value = 150, .value_max = 180, .unit = in(s, "<i>protesters</i>"),
                 .as_of = "2026-W18", .speaker = -1};
  span_of(s, 2, "Between 150 and 180 protesters", &c.start, &c.end);
  assert_int_equal(PX_VEC_PUSH(s->claims, c), PX_OK);
  px_claim_group g = {.measure = in(s, "people detained <script>x</script>"), .kind = PX_CLAIM_QUANTITY,
                      .verdict = PX_VERDICT_CONFLICT, .first_claim = 0, .claim_count = 3, .first_pair = 0,
                      .pair_count = 1};
  assert_int_equal(PX_VEC_PUSH(s->groups, g), PX_OK);
  px_claim_pair p = {.a = 0, .b = 1, .relation = PX_VERDICT_CONFLICT};
  assert_int_equal(PX_VEC_PUSH(s->pairs, p), PX_OK);
  c = (px_claim){.doc = 0, .sentence = 0, .kind = PX_CLAIM_DATE, .fact = 0, .value = NAN, .value_max = NAN,
                 .date = "2026-05-03", .speaker = -1};
  span_of(s, 0, "on Sunday", &c.start, &c.end);
  assert_int_equal(PX_VEC_PUSH(s->claims, c), PX_OK);
  g = (px_claim_group){.measure = "date of the raid", .kind = PX_CLAIM_DATE, .verdict = PX_VERDICT_SINGLE,
                       .first_claim = 3, .claim_count = 1};
  assert_int_equal(PX_VEC_PUSH(s->groups, g), PX_OK);
}

static void fill_labels(px_story *s) {
  px_story_entity e = {.type = PX_ENT_PERSON, .name = in(s, "Mayor <b>Ivo Renn</b>"), .doc_count = 1,
                       .mention_count = 1};
  assert_int_equal(PX_VEC_PUSH(s->entities, e), PX_OK);
  px_actor a = {.name = "strikers", .entity = 0, .evidence = in(s, "same sentences <script>y</script>"),
                .first_label = 0, .label_count = 3};
  assert_int_equal(PX_VEC_PUSH(s->actors, a), PX_OK);
  px_label l = {.doc = 0, .text = "striker", .count = 2, .tone = PX_TONE_NEUTRAL, .first_ref = refs(s, 0, 2),
                .ref_count = 1};
  assert_int_equal(PX_VEC_PUSH(s->labels, l), PX_OK);
  l = (px_label){.doc = 1, .text = "union", .count = 1, .tone = PX_TONE_SYMPATHETIC, .first_ref = refs(s, 1, 2),
                 .ref_count = 1};
  assert_int_equal(PX_VEC_PUSH(s->labels, l), PX_OK);
  l = (px_label){.doc = 2, .text = in(s, "<img src=x onerror=alert(4)>"), .count = 1, .tone = PX_TONE_HOSTILE,
                 .first_ref = refs(s, 2, 1), .ref_count = 1};
  assert_int_equal(PX_VEC_PUSH(s->labels, l), PX_OK);
}

static void fill_rest(px_story *s) {
  px_support sup = {.from = {0, 1}, .to = {1, 1}, .score = 0.62};
  assert_int_equal(PX_VEC_PUSH(s->supports, sup), PX_OK);
  px_exclusive ex = {.ref = {2, 0}, .salience = 1.5};
  assert_int_equal(PX_VEC_PUSH(s->exclusives, ex), PX_OK);
  px_event ev = {.date = "2026-05-03", .event = in(s, "police cleared the docks <b>"), .disputed = true,
                 .first_source = 0, .source_count = 2};
  assert_int_equal(PX_VEC_PUSH(s->events, ev), PX_OK);
  px_event_source es = {.ref = {0, 0}, .date = "2026-05-03"};
  span_of(s, 0, "on Sunday", &es.start, &es.end);
  assert_int_equal(PX_VEC_PUSH(s->event_sources, es), PX_OK);
  es = (px_event_source){.ref = {2, 2}, .date = "2026-05-02"};
  span_of(s, 2, "on Saturday", &es.start, &es.end);
  assert_int_equal(PX_VEC_PUSH(s->event_sources, es), PX_OK);
  px_term t = {.text = in(s, "riot</style>"), .count = 1, .zeta = 2.5, .first_ref = refs(s, 1, 0), .ref_count = 1};
  assert_int_equal(PX_VEC_PUSH(s->terms_out, t), PX_OK);
  px_marker m = {.kind = PX_MARK_LOADED, .doc = 2, .sentence = 0, .cue = "script"};
  span_of(s, 2, "<script>alert(1)</script>", &m.start, &m.end);
  assert_int_equal(PX_VEC_PUSH(s->markers, m), PX_OK);
  m = (px_marker){.kind = PX_MARK_EXAGGERATION, .doc = 1, .sentence = 2, .cue = "unprecedented"};
  span_of(s, 1, "unprecedented", &m.start, &m.end);
  assert_int_equal(PX_VEC_PUSH(s->markers, m), PX_OK);
  px_quoted q = {.entity = 0, .actor = 0, .count = 1, .share = 0.5};
  assert_int_equal(PX_VEC_PUSH(s->quoted, q), PX_OK);
  for (uint32_t d = 0; d < 3; d++) {
    px_framing f = {.doc = d, .words = 20 + d};
    if (d == 1) f.first_term = 0, f.term_count = 1, f.first_marker = 1, f.marker_count = 1;
    if (d == 2) f.first_marker = 0, f.marker_count = 1, f.first_quoted = 0, f.quoted_count = 1;
    assert_int_equal(PX_VEC_PUSH(s->framing, f), PX_OK);
  }
  px_summary_item it = {.section = PX_SUMMARY_AGREED, .ref = {0, 0}, .group = -1, .first_ref = refs(s, 0, 0),
                        .ref_count = 2};
  refs(s, 1, 0);
  assert_int_equal(PX_VEC_PUSH(s->summary, it), PX_OK);
  it = (px_summary_item){.section = PX_SUMMARY_CONTESTED, .topic = s->groups.v[0].measure, .ref = {0, 1}, .group = 0,
                         .first_ref = refs(s, 0, 1), .ref_count = 1};
  assert_int_equal(PX_VEC_PUSH(s->summary, it), PX_OK);
  it.ref = (px_sref){2, 2};
  it.first_ref = refs(s, 2, 2);
  assert_int_equal(PX_VEC_PUSH(s->summary, it), PX_OK);
  it = (px_summary_item){.section = PX_SUMMARY_EXCLUSIVE, .ref = {2, 0}, .group = -1, .first_ref = refs(s, 2, 0),
                         .ref_count = 1};
  assert_int_equal(PX_VEC_PUSH(s->summary, it), PX_OK);
  free(s->shared);
  s->shared = calloc(9, sizeof *s->shared);
  assert_non_null(s->shared);
  s->shared[0 * 3 + 1] = 1;
}

/* Empties every array a stage may have filled: the story as if nothing was found. */
static void clear(px_story *s) {
  s->entities.n = s->aliases.n = s->actors.n = s->labels.n = s->claims.n = s->groups.n = s->pairs.n = 0;
  s->supports.n = s->exclusives.n = s->events.n = s->event_sources.n = s->framing.n = 0;
  s->terms_out.n = s->markers.n = s->quoted.n = s->summary.n = s->refs.n = 0;
}

static void expect(const char *html, const char *needle) {
  if (!strstr(html, needle)) fail_msg("the page lacks: %s", needle);
}
static void expect_not(const char *html, const char *needle) {
  if (strstr(html, needle)) fail_msg("the page should not contain: %s", needle);
}
static size_t occurrences(const char *html, const char *needle) {
  size_t n = 0;
  for (const char *p = html; (p = strstr(p, needle)); p++) n++;
  return n;
}

static void test_every_section(void **state) {
  (void)state;
  px_corpus *c = corpus3();
  px_story *s = NULL;
  assert_int_equal(px_story_build(c, NULL, &s), PX_OK);
  clear(s);
  size_t ns = 0;
  px_doc_layer(px_corpus_doc(c, 2), PX_LAYER_SENTENCES, &ns);
  assert_int_equal(ns, 3); /* the test's refs assume three sentences */
  fill_labels(s);
  fill_claims(s);
  fill_rest(s);
  char *html = render(c, s);
  /* PX_HTML_DUMP=FILE keeps the page, to look at it in a browser */
  const char *dump = getenv("PX_HTML_DUMP");
  FILE *df = dump ? fopen(dump, "w") : NULL;
  if (df) fputs(html, df), fclose(df);
  /* the page and its policy */
  expect(html, "<!DOCTYPE html>");
  expect(html, "content=\"default-src 'none'; style-src 'unsafe-inline';");
  for (const char *const *id = (const char *const[]){"summary", "sources", "claims", "labels", "timeline", "framing",
                                                        NULL};
       *id; id++) {
    char want[64];
    snprintf(want, sizeof want, "<section id=\"%s\">", *id);
    expect(html, want);
  }
  /* sources: one column per document, every sentence addressable */
  expect(html, "id=\"d0-s0\"");
  expect(html, "id=\"d2-s2\"");
  expect(html, "class=\"sent excl\" id=\"d2-s0\"");
  /* claims and markers marked inside their sentences, the words around them kept */
  expect(html, "<span class=\"n\">2</span><mark class=\"cq\" title=\"quantity claim\">About 200 people</mark> were");
  expect(html, "Merrow Today says <mark class=\"mark\" title=\"loaded\">&lt;script&gt;alert(1)&lt;/script&gt;</mark> "
               "happened.");
  expect(html, "docks <mark class=\"cd\" title=\"date claim\">on Sunday</mark>.");
  expect(html, "href=\"#d1-s1\" style=\"color:#d55e00\" title=\"Ostland Post \xc2\xa7" "2 (0.62)\"");
  /* summary, claims (a chart whose points link to sentences, a legend), labels, timeline, framing */
  expect(html, "<h3 id=\"summary-agreed\">");
  expect(html, "<strong>people detained &lt;script&gt;x&lt;/script&gt;</strong><ul>");
  expect(html, "<svg viewBox=");
  expect(html, "<a href=\"#d2-s2\"><title>");
  expect(html, "<div class=\"legend\">");
  expect(html, "<span class=\"verdict v-conflict\">conflict</span>");
  expect(html, "\xe2\x80\x9c" "About 200 people\xe2\x80\x9d");
  expect(html, "says Mayor &lt;b&gt;Ivo Renn&lt;/b&gt;");
  expect(html, "tone-hostile");
  expect(html, "tone-sympathetic");
  expect(html, "&lt;img src=x onerror=alert(4)&gt;");
  expect(html, "dates differ");
  expect(html, "(\xe2\x80\x9con Saturday\xe2\x80\x9d)");
  expect(html, ">exaggeration</td><td class=\"num\">1</td>");
  expect(html, "riot&lt;/style&gt;");
  expect(html, "(50%)");
  /* injected markup is text, never a tag */
  expect(html, "&lt;script&gt;alert(1)&lt;/script&gt;");
  expect(html, "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;");
  expect(html, "Evil &quot;&lt;Outlet&gt;&quot; &amp; &#39;Co&#39;");
  expect(html, "Headline&quot;&gt;&lt;script&gt;alert(6)&lt;/script&gt;");
  expect_not(html, "<script");
  expect_not(html, "<img");
  expect_not(html, "<b>");
  expect_not(html, "<i>");
  expect_not(html, "href=\"javascript:");
  expect(html, "javascript:alert(5)"); /* the URL is shown, not linked */
  assert_int_equal(occurrences(html, "</style>"), 1);
  assert_int_equal(occurrences(html, "<style>"), 1);
  free(html);
  px_story_free(s);
  px_corpus_free(c);
}

static void test_empty_sections(void **state) {
  (void)state;
  px_corpus *c = corpus3();
  px_story *s = NULL;
  assert_int_equal(px_story_build(c, NULL, &s), PX_OK);
  clear(s);
  char *html = render(c, s);
  expect(html, "Nothing found that most sources agree on.");
  expect(html, "Nothing found that the sources dispute.");
  expect(html, "No notable claim found in one source only.");
  expect(html, "No claims found that several sources make.");
  expect(html, "No actors with labels found.");
  expect(html, "No dated events found.");
  expect(html, "No framing found.");
  expect(html, "id=\"d1-s2\""); /* the sources are still there */
  free(html);
  /* without a story: the sources alone, every other section saying it is empty */
  html = render(c, NULL);
  expect(html, "id=\"d0-s0\"");
  expect(html, "No dated events found.");
  expect_not(html, "Shared sentences");
  free(html);
  px_story_free(s);
  px_corpus_free(c);
}

static void test_empty_corpus_and_write_error(void **state) {
  (void)state;
  px_corpus *c = px_corpus_new();
  char *html = render(c, NULL);
  expect(html, "0 sources compared");
  expect(html, "No documents.");
  expect(html, "</html>\n");
  free(html);
  FILE *full = fopen("/dev/full", "w");
  if (full) {
    assert_int_equal(px_render_html(c, NULL, full, 0), PX_EIO);
    fclose(full);
  }
  px_corpus_free(c);
}

static void test_duplicate_sources_named_apart(void **state) {
  (void)state;
  px_corpus *c = px_corpus_new();
  for (int i = 0; i < 3; i++) {
    px_doc *d = px_doc_new("The bridge opened. Traffic moved.", 33);
    if (i < 2) px_doc_set_meta(d, PX_META_SOURCE, "Daily Lamp");
    assert_int_equal(px_corpus_add(c, d), PX_OK);
  }
  char *html = render(c, NULL);
  expect(html, ">Daily Lamp (1)</span>");
  expect(html, ">Daily Lamp (2)</span>");
  expect(html, ">doc 3</span>");
  free(html);
  px_corpus_free(c);
}

static void test_escape(void **state) {
  (void)state;
  px_buf b = {0};
  const char in[] = "  a<b>&\"'\n\n  c\x01\x7f d  ";
  px_html_esc(&b, in, sizeof in - 1);
  assert_string_equal(px_buf_cstr(&b), "a&lt;b&gt;&amp;&quot;&#39; c d");
  b.len = 0;
  px_html_escs(&b, NULL, "<none>");
  assert_string_equal(px_buf_cstr(&b), "&lt;none&gt;");
  b.len = 0;
  px_html_esc(&b, "caf\xc3\xa9 \xe2\x80\x94 ok", 13);
  assert_string_equal(px_buf_cstr(&b), "caf\xc3\xa9 \xe2\x80\x94 ok");
  b.len = 0;
  px_html_esc_piece(&b, "  a \n b  ", 9);
  assert_string_equal(px_buf_cstr(&b), " a b ");
  px_buf_free(&b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_every_section),
      cmocka_unit_test(test_empty_sections),
      cmocka_unit_test(test_empty_corpus_and_write_error),
      cmocka_unit_test(test_duplicate_sources_named_apart),
      cmocka_unit_test(test_escape),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
