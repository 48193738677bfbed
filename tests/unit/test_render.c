/* test_render.c - the JSON and Markdown renderers. JSON output is parsed back
 * with jansson and checked against docs/schema.md. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parallax.h"

/* ---- helpers --------------------------------------------------------- */

typedef struct {
  char *data;
  size_t len;
} output;

/* Renders `c` as JSON (or Markdown) into memory. */
static output render(const px_corpus *c, unsigned flags, bool markdown) {
  output o = {NULL, 0};
  FILE *f = open_memstream(&o.data, &o.len);
  assert_non_null(f);
  int rc = markdown ? px_render_markdown(c, f, flags) : px_render_json(c, f, flags);
  assert_int_equal(rc, PX_OK);
  assert_int_equal(fclose(f), 0);
  return o;
}

/* Parses JSON output; fails the test when it is not valid JSON. */
static json_t *parse(const output *o) {
  json_error_t err;
  json_t *root = json_loadb(o->data, o->len, JSON_REJECT_DUPLICATES, &err);
  if (!root) fail_msg("invalid JSON at line %d column %d: %s\n%.*s", err.line, err.column, err.text,
                      (int)(o->len < 2000 ? o->len : 2000), o->data);
  assert_true(json_is_object(root));
  return root;
}

static json_t *get(json_t *obj, const char *key) {
  json_t *v = json_object_get(obj, key);
  if (!v) fail_msg("no field \"%s\"", key);
  return v;
}

static void expect_json_str(json_t *obj, const char *key, const char *want) {
  json_t *v = get(obj, key);
  if (!want) {
    if (!json_is_null(v)) fail_msg("\"%s\" should be null", key);
    return;
  }
  if (!json_is_string(v)) fail_msg("\"%s\" should be a string", key);
  if (strcmp(json_string_value(v), want) != 0)
    fail_msg("\"%s\" is \"%s\", want \"%s\"", key, json_string_value(v), want);
}

static json_int_t get_int(json_t *obj, const char *key) {
  json_t *v = get(obj, key);
  if (!json_is_integer(v)) fail_msg("\"%s\" should be an integer", key);
  return json_integer_value(v);
}

static px_doc *doc_of(const char *text) {
  px_doc *d = px_doc_new(text, strlen(text));
  assert_non_null(d);
  return d;
}

/* Two documents: one with every field set, segmented, with removed lines; one bare. */
static const char text_a[] =
    "Ferry service resumes\n"
    "\n"
    "The ferry between the islands ran again on Sunday. About 1,200 passengers used it.\n"
    "\n"
    "Fares stay at $4.50, the operator said.";

static px_corpus *two_docs(void) {
  px_corpus *c = px_corpus_new();
  assert_non_null(c);
  px_doc *a = doc_of(text_a);
  assert_int_equal(px_doc_set_meta(a, PX_META_ID, "ferry"), PX_OK);
  assert_int_equal(px_doc_set_meta(a, PX_META_SOURCE, "Island Courier"), PX_OK);
  assert_int_equal(px_doc_set_meta(a, PX_META_URL, "https://example.org/ferry"), PX_OK);
  assert_int_equal(px_doc_set_meta(a, PX_META_PUBLISHED, "2016-12-14"), PX_OK);
  assert_int_equal(px_doc_set_meta(a, PX_META_TITLE, "Ferry service resumes"), PX_OK);
  assert_int_equal(px_doc_set_meta(a, PX_META_PATH, "story/ferry.txt"), PX_OK);
  assert_int_equal(px_doc_set_meta(a, PX_META_FORMAT, "text"), PX_OK);
  assert_int_equal(px_doc_add_removed(a, "Share on Facebook", 17, "share"), PX_OK);
  assert_int_equal(px_doc_add_removed(a, "Add your comment", 16, "comments"), PX_OK);
  assert_int_equal(px_doc_segment(a, PX_SEGMENT_TOKENS), PX_OK);
  assert_int_equal(px_corpus_add(c, a), PX_OK);

  px_doc *b = doc_of("Bare document without metadata.");
  assert_int_equal(px_doc_set_meta(b, PX_META_ID, "bare"), PX_OK);
  assert_int_equal(px_corpus_add(c, b), PX_OK); /* not segmented */
  return c;
}

/* Checks that the spans of `layer` are in range and slice the text right. */
static void check_spans(json_t *doc, const px_doc *d, px_layer_id id, const char *key) {
  size_t len, n;
  const char *text = px_doc_text(d, &len);
  const px_span *s = px_doc_layer(d, id, &n);
  json_t *arr = get(doc, key);
  assert_true(json_is_array(arr));
  assert_int_equal(json_array_size(arr), n);
  const char *jtext = json_string_value(get(doc, "text"));
  assert_int_equal(json_string_length(get(doc, "text")), len);
  size_t i;
  json_t *sp;
  json_array_foreach(arr, i, sp) {
    json_int_t start = get_int(sp, "start"), end = get_int(sp, "end");
    assert_true(0 <= start && start <= end && (size_t)end <= len);
    assert_int_equal(start, s[i].start);
    assert_int_equal(end, s[i].end);
    /* the slice of the JSON text is the slice of the document text */
    assert_memory_equal(jtext + start, text + start, (size_t)(end - start));
  }
}

/* ---- JSON ------------------------------------------------------------ */

static void test_json_top_level(void **state) {
  (void)state;
  px_corpus *c = two_docs();
  output o = render(c, PX_RENDER_TEXT, false);
  assert_true(o.len > 0);
  assert_int_equal(o.data[o.len - 1], '\n');
  json_t *root = parse(&o);
  expect_json_str(root, "schema", "parallax/1");
  expect_json_str(root, "generator", "parallax " PX_VERSION_STRING);
  json_t *docs = get(root, "documents");
  assert_true(json_is_array(docs));
  assert_int_equal(json_array_size(docs), 2);
  json_decref(root);
  free(o.data);
  px_corpus_free(c);

  /* An empty corpus. */
  c = px_corpus_new();
  o = render(c, PX_RENDER_PRETTY, false);
  root = parse(&o);
  assert_int_equal(json_array_size(get(root, "documents")), 0);
  json_decref(root);
  free(o.data);
  px_corpus_free(c);
}

static void test_json_metadata(void **state) {
  (void)state;
  px_corpus *c = two_docs();
  output o = render(c, PX_RENDER_TEXT, false);
  json_t *root = parse(&o);
  json_t *docs = get(root, "documents");

  json_t *a = json_array_get(docs, 0);
  expect_json_str(a, "id", "ferry");
  expect_json_str(a, "source", "Island Courier");
  expect_json_str(a, "url", "https://example.org/ferry");
  expect_json_str(a, "published", "2016-12-14");
  expect_json_str(a, "title", "Ferry service resumes");
  expect_json_str(a, "path", "story/ferry.txt");
  expect_json_str(a, "format", "text");
  assert_int_equal(get_int(a, "length"), strlen(text_a));
  expect_json_str(a, "text", text_a);
  json_t *removed = get(a, "removed");
  assert_int_equal(json_array_size(removed), 2);
  expect_json_str(json_array_get(removed, 0), "text", "Share on Facebook");
  expect_json_str(json_array_get(removed, 0), "reason", "share");
  expect_json_str(json_array_get(removed, 1), "text", "Add your comment");
  expect_json_str(json_array_get(removed, 1), "reason", "comments");
  /* no tokens unless asked for */
  assert_null(json_object_get(a, "tokens"));

  /* Unset fields are null, not missing; layers not computed are null. */
  json_t *b = json_array_get(docs, 1);
  expect_json_str(b, "id", "bare");
  static const char *const unset[] = {"source", "url", "published", "title", "path", "format"};
  for (size_t i = 0; i < sizeof unset / sizeof *unset; i++) expect_json_str(b, unset[i], NULL);
  assert_true(json_is_null(get(b, "paragraphs")));
  assert_true(json_is_null(get(b, "sentences")));
  assert_int_equal(json_array_size(get(b, "removed")), 0);
  json_decref(root);
  free(o.data);

  /* Without PX_RENDER_TEXT there is no text, but the length and spans remain. */
  o = render(c, 0, false);
  root = parse(&o);
  a = json_array_get(get(root, "documents"), 0);
  assert_null(json_object_get(a, "text"));
  assert_int_equal(get_int(a, "length"), strlen(text_a));
  assert_true(json_is_array(get(a, "sentences")));
  json_decref(root);
  free(o.data);
  px_corpus_free(c);
}

static void test_json_spans(void **state) {
  (void)state;
  px_corpus *c = two_docs();
  const px_doc *d = px_corpus_doc(c, 0);
  output o = render(c, PX_RENDER_TEXT | PX_RENDER_TOKENS, false);
  json_t *root = parse(&o);
  json_t *a = json_array_get(get(root, "documents"), 0);
  check_spans(a, d, PX_LAYER_PARAGRAPHS, "paragraphs");
  check_spans(a, d, PX_LAYER_SENTENCES, "sentences");
  check_spans(a, d, PX_LAYER_TOKENS, "tokens");

  json_t *paras = get(a, "paragraphs"), *sents = get(a, "sentences"), *toks = get(a, "tokens");
  assert_int_equal(json_array_size(paras), 3);
  expect_json_str(json_array_get(paras, 0), "kind", "headline");
  expect_json_str(json_array_get(paras, 1), "kind", "text");
  expect_json_str(json_array_get(paras, 2), "kind", "text");
  /* sentences name a paragraph that holds them */
  size_t i;
  json_t *s;
  json_array_foreach(sents, i, s) {
    json_int_t p = get_int(s, "paragraph");
    assert_true(p >= 0 && (size_t)p < json_array_size(paras));
    json_t *para = json_array_get(paras, (size_t)p);
    assert_true(get_int(para, "start") <= get_int(s, "start") && get_int(s, "end") <= get_int(para, "end"));
  }
  /* tokens name their sentence, have a kind and (words only) a stem */
  static const char *const kinds[] = {"word", "number", "punct", "symbol", "url", "email"};
  bool saw_number = false, saw_stem = false;
  json_t *t;
  json_array_foreach(toks, i, t) {
    json_int_t si = get_int(t, "sentence");
    assert_true(si >= 0 && (size_t)si < json_array_size(sents));
    const char *kind = json_string_value(get(t, "kind"));
    assert_non_null(kind);
    bool known = false;
    for (size_t k = 0; k < 6; k++) known |= strcmp(kind, kinds[k]) == 0;
    assert_true(known);
    json_t *stem = get(t, "stem");
    if (strcmp(kind, "word") != 0) assert_true(json_is_null(stem));
    else assert_true(json_is_string(stem));
    if (json_is_string(stem) && strcmp(json_string_value(stem), "passeng") == 0) saw_stem = true;
    if (strcmp(kind, "number") == 0) {
      json_int_t st = get_int(t, "start"), en = get_int(t, "end");
      if (en - st == 5 && memcmp(text_a + st, "1,200", 5) == 0) saw_number = true;
    }
  }
  assert_true(saw_number);
  assert_true(saw_stem); /* "passengers" */
  json_decref(root);
  free(o.data);
  px_corpus_free(c);
}

static void test_json_escaping(void **state) {
  (void)state;
  /* quotes, backslashes, every kind of control character, DEL, non-ASCII */
  static const char tricky[] =
      "He said \"no\" \\ then left.\n\ttab\rcr\bbs\ffeed\x01\x1f\x7f end. "
      "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80 \xE2\x80\xA8 line-sep </script>";
  px_corpus *c = px_corpus_new();
  px_doc *d = doc_of(tricky);
  assert_int_equal(px_doc_set_meta(d, PX_META_TITLE, "A \"quoted\" \\title\\ with\ttab and \xC3\xA9"), PX_OK);
  assert_int_equal(px_doc_set_meta(d, PX_META_SOURCE, "Line\nbreak"), PX_OK);
  assert_int_equal(px_doc_add_removed(d, "\"Share\"\\", 8, "share"), PX_OK);
  assert_int_equal(px_doc_segment(d, PX_SEGMENT_TOKENS), PX_OK);
  assert_int_equal(px_corpus_add(c, d), PX_OK);

  for (int pretty = 0; pretty < 2; pretty++) {
    output o = render(c, PX_RENDER_TEXT | PX_RENDER_TOKENS | (pretty ? PX_RENDER_PRETTY : 0), false);
    /* No raw control character: only the newlines of the layout. */
    size_t newlines = 0;
    for (size_t i = 0; i < o.len; i++) {
      unsigned char ch = (unsigned char)o.data[i];
      if (ch < 0x20 || ch == 0x7F) {
        if (ch != '\n') fail_msg("raw control byte 0x%02x at %zu", ch, i);
        newlines++;
      }
    }
    if (!pretty) assert_int_equal(newlines, 1); /* compact: one line */
    assert_non_null(strstr(o.data, "\\\"no\\\" \\\\ then"));
    assert_non_null(strstr(o.data, "\\u0001"));
    assert_non_null(strstr(o.data, "\\u007f"));
    json_t *root = parse(&o);
    json_t *doc = json_array_get(get(root, "documents"), 0);
    /* round trip: every byte comes back */
    json_t *t = get(doc, "text");
    assert_int_equal(json_string_length(t), sizeof tricky - 1);
    assert_memory_equal(json_string_value(t), tricky, sizeof tricky - 1);
    expect_json_str(doc, "title", "A \"quoted\" \\title\\ with\ttab and \xC3\xA9");
    expect_json_str(doc, "source", "Line\nbreak");
    expect_json_str(json_array_get(get(doc, "removed"), 0), "text", "\"Share\"\\");
    check_spans(doc, d, PX_LAYER_SENTENCES, "sentences");
    check_spans(doc, d, PX_LAYER_TOKENS, "tokens");
    json_decref(root);
    free(o.data);
  }
  px_corpus_free(c);
}

static void test_json_invalid_utf8_stays_valid(void **state) {
  (void)state;
  /* px_doc_new and px_doc_set_meta take bytes as they are; a file name or an
   * option need not be UTF-8. The output must still be JSON. */
  px_corpus *c = px_corpus_new();
  px_doc *d = doc_of("Bad \xFF byte and a cut \xE2\x82");
  assert_int_equal(px_doc_set_meta(d, PX_META_PATH, "dir/caf\xE9.txt"), PX_OK);
  assert_int_equal(px_doc_set_meta(d, PX_META_SOURCE, "\xC0\x80"), PX_OK);
  assert_int_equal(px_corpus_add(c, d), PX_OK);
  output o = render(c, PX_RENDER_TEXT, false);
  json_t *root = parse(&o);
  json_t *doc = json_array_get(get(root, "documents"), 0);
  expect_json_str(doc, "path", "dir/caf\xEF\xBF\xBD.txt");
  expect_json_str(doc, "source", "\xEF\xBF\xBD"); /* one per sequence, as px_text_clean */
  expect_json_str(doc, "text", "Bad \xEF\xBF\xBD byte and a cut \xEF\xBF\xBD");
  json_decref(root);
  free(o.data);
  px_corpus_free(c);
}

static void test_json_pretty_equals_compact(void **state) {
  (void)state;
  px_corpus *c = two_docs();
  output compact = render(c, PX_RENDER_TEXT | PX_RENDER_TOKENS, false);
  output pretty = render(c, PX_RENDER_TEXT | PX_RENDER_TOKENS | PX_RENDER_PRETTY, false);
  json_t *a = parse(&compact), *b = parse(&pretty);
  assert_true(json_equal(a, b));
  /* compact is one line; pretty is indented over several */
  assert_null(memchr(compact.data, '\n', compact.len - 1));
  assert_non_null(strstr(pretty.data, "\n  \"documents\": ["));
  assert_true(pretty.len > compact.len);
  json_decref(a);
  json_decref(b);
  free(compact.data);
  free(pretty.data);
  px_corpus_free(c);
}

static void test_json_write_error(void **state) {
  (void)state;
  FILE *f = fopen("/dev/full", "w");
  if (!f) skip();
  px_corpus *c = two_docs();
  assert_int_equal(px_render_json(c, f, PX_RENDER_TEXT), PX_EIO);
  assert_int_equal(px_render_markdown(c, f, 0), PX_EIO);
  fclose(f);
  px_corpus_free(c);
}

/* ---- Markdown -------------------------------------------------------- */

static void test_markdown(void **state) {
  (void)state;
  px_corpus *c = two_docs();
  output o = render(c, 0, true);
  char *md = o.data;
  assert_non_null(strstr(md, "# 2 documents\n"));
  assert_non_null(strstr(md, "## 1. Ferry service resumes\n"));
  assert_non_null(strstr(md, "- source: Island Courier\n"));
  assert_non_null(strstr(md, "- published: 2016-12-14\n"));
  assert_non_null(strstr(md, "The ferry between the islands ran again on Sunday."));
  assert_non_null(strstr(md, "Fares stay at $4.50, the operator said."));
  /* the second document has no title */
  assert_non_null(strstr(md, "## 2. (untitled)\n"));
  free(md);
  px_corpus_free(c);
}

static void test_markdown_escaping(void **state) {
  (void)state;
  px_corpus *c = px_corpus_new();
  px_doc *d = doc_of("Prices *rose* by 5_000 [citation] <b>bold</b> #1 a|b `code` back\\slash and\n"
                     "still the same sentence.");
  assert_int_equal(px_doc_set_meta(d, PX_META_TITLE, "*Breaking*: [live] #updates"), PX_OK);
  assert_int_equal(px_doc_set_meta(d, PX_META_SOURCE, "The_Daily <Post>"), PX_OK);
  assert_int_equal(px_doc_segment(d, 0), PX_OK);
  assert_int_equal(px_corpus_add(c, d), PX_OK);
  output o = render(c, 0, true);
  char *md = o.data;
  assert_non_null(strstr(md, "## 1. \\*Breaking\\*: \\[live\\] \\#updates\n"));
  assert_non_null(strstr(md, "- source: The\\_Daily \\<Post\\>\n"));
  /* a sentence is one line: its newline became a space */
  assert_non_null(strstr(md, "Prices \\*rose\\* by 5\\_000 \\[citation\\] \\<b\\>bold\\</b\\> \\#1 a\\|b "
                             "\\`code\\` back\\\\slash and still the same sentence.\n"));
  /* no unescaped special character is left in that line */
  const char *line = strstr(md, "Prices");
  for (const char *p = line; *p && *p != '\n'; p++)
    if (strchr("*_[]<>#|`", *p) && p[-1] != '\\') fail_msg("unescaped '%c' in: %.80s", *p, line);
  free(md);
  px_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_json_top_level),
      cmocka_unit_test(test_json_metadata),
      cmocka_unit_test(test_json_spans),
      cmocka_unit_test(test_json_escaping),
      cmocka_unit_test(test_json_invalid_utf8_stays_valid),
      cmocka_unit_test(test_json_pretty_equals_compact),
      cmocka_unit_test(test_json_write_error),
      cmocka_unit_test(test_markdown),
      cmocka_unit_test(test_markdown_escaping),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
