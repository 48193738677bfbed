/* test_core.c - the document model, corpus, status texts and date parsing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "parallax.h"

/* ---- status codes ---------------------------------------------------- */

static void test_strerror_every_code(void **state) {
  (void)state;
  static const int codes[] = {PX_OK,     PX_ENOMEM, PX_EIO,    PX_ENOENT, PX_EBINARY,
                              PX_EUTF8,  PX_EEMPTY, PX_EJSON,  PX_ETOOBIG, PX_EARG,
                              PX_ENOINPUT, PX_EFORMAT, PX_EDATE};
  const size_t n = sizeof codes / sizeof *codes;
  for (size_t i = 0; i < n; i++) {
    const char *s = px_strerror(codes[i]);
    assert_non_null(s);
    assert_true(strlen(s) > 0);
    for (size_t j = 0; j < i; j++) {
      if (strcmp(s, px_strerror(codes[j])) == 0)
        fail_msg("codes %d and %d share the text \"%s\"", codes[i], codes[j], s);
    }
  }
  /* An unknown negative code still has a text, and it is not one of the above. */
  const char *unknown = px_strerror(-1000);
  assert_non_null(unknown);
  assert_true(strlen(unknown) > 0);
  for (size_t j = 1; j < n; j++) assert_string_not_equal(unknown, px_strerror(codes[j]));
}

static void test_version(void **state) {
  (void)state;
  assert_string_equal(px_version(), PX_VERSION_STRING);
  assert_string_equal(PX_SCHEMA, "parallax/1");
}

/* ---- documents ------------------------------------------------------- */

static void test_doc_new_copies_text(void **state) {
  (void)state;
  char text[] = "The ferry left at dawn.";
  px_doc *d = px_doc_new(text, strlen(text));
  assert_non_null(d);
  text[0] = 'X'; /* the document keeps its own copy */
  size_t len = 0;
  const char *t = px_doc_text(d, &len);
  assert_int_equal(len, strlen("The ferry left at dawn."));
  assert_string_equal(t, "The ferry left at dawn.");
  assert_int_equal(t[len], '\0'); /* NUL-terminated */
  px_doc_free(d);

  /* Only `len` bytes are taken. */
  d = px_doc_new("abcdef", 3);
  assert_non_null(d);
  assert_string_equal(px_doc_text(d, &len), "abc");
  assert_int_equal(len, 3);
  px_doc_free(d);

  /* An empty document. */
  d = px_doc_new("", 0);
  assert_non_null(d);
  assert_string_equal(px_doc_text(d, &len), "");
  assert_int_equal(len, 0);
  px_doc_free(d);

  px_doc_free(NULL); /* a no-op */
}

static void test_doc_meta(void **state) {
  (void)state;
  px_doc *d = px_doc_new("x", 1);
  assert_non_null(d);
  for (int k = 0; k < PX_META__COUNT; k++) assert_null(px_doc_meta(d, (px_meta_key)k));

  char value[] = "Harbour Gazette";
  assert_int_equal(px_doc_set_meta(d, PX_META_SOURCE, value), PX_OK);
  value[0] = 'Z'; /* copied */
  assert_string_equal(px_doc_meta(d, PX_META_SOURCE), "Harbour Gazette");

  assert_int_equal(px_doc_set_meta(d, PX_META_SOURCE, "Valley Post"), PX_OK);
  assert_string_equal(px_doc_meta(d, PX_META_SOURCE), "Valley Post");
  assert_int_equal(px_doc_set_meta(d, PX_META_TITLE, "Bridge reopens"), PX_OK);
  assert_string_equal(px_doc_meta(d, PX_META_TITLE), "Bridge reopens");

  /* NULL unsets. */
  assert_int_equal(px_doc_set_meta(d, PX_META_SOURCE, NULL), PX_OK);
  assert_null(px_doc_meta(d, PX_META_SOURCE));
  assert_string_equal(px_doc_meta(d, PX_META_TITLE), "Bridge reopens");

  /* Out-of-range keys. */
  assert_int_equal(px_doc_set_meta(d, PX_META__COUNT, "x"), PX_EARG);
  assert_null(px_doc_meta(d, PX_META__COUNT));
  px_doc_free(d);
}

static void test_meta_and_layer_names(void **state) {
  (void)state;
  static const char *const want[PX_META__COUNT] = {
      "id",          "source",     "url",          "published",      "title",         "path",
      "format",      "authors",    "modified",     "site",           "lang",          "description",
      "title_from",  "authors_from", "published_from", "modified_from", "site_from", "url_from",
      "lang_from",   "description_from"};
  for (int k = 0; k < PX_META__COUNT; k++) assert_string_equal(px_meta_name((px_meta_key)k), want[k]);
  assert_string_equal(px_layer_name(PX_LAYER_PARAGRAPHS), "paragraphs");
  assert_string_equal(px_layer_name(PX_LAYER_SENTENCES), "sentences");
  assert_string_equal(px_layer_name(PX_LAYER_TOKENS), "tokens");
  assert_non_null(px_meta_name(PX_META__COUNT));
  assert_non_null(px_layer_name(PX_LAYER__COUNT));
}

static void test_doc_layers(void **state) {
  (void)state;
  const char *text = "One two. Three four.";
  px_doc *d = px_doc_new(text, strlen(text));
  assert_non_null(d);
  size_t n = 99;
  assert_null(px_doc_layer(d, PX_LAYER_SENTENCES, &n));
  assert_int_equal(n, 0);

  px_span s[2] = {{0, 8, 0, 0}, {9, 20, 0, 0}};
  assert_int_equal(px_doc_add_layer(d, PX_LAYER_SENTENCES, s, 2), PX_OK);
  s[0].start = 5; /* copied */
  const px_span *got = px_doc_layer(d, PX_LAYER_SENTENCES, &n);
  assert_non_null(got);
  assert_int_equal(n, 2);
  assert_int_equal(got[0].start, 0);
  assert_int_equal(got[0].end, 8);
  assert_int_equal(got[1].start, 9);
  assert_int_equal(got[1].end, 20);

  /* A second add of the same layer is refused and changes nothing. */
  px_span other = {0, 3, 0, 0};
  assert_int_equal(px_doc_add_layer(d, PX_LAYER_SENTENCES, &other, 1), PX_EARG);
  got = px_doc_layer(d, PX_LAYER_SENTENCES, &n);
  assert_int_equal(n, 2);
  assert_int_equal(got[0].end, 8);
  /* Also when the first one was empty. */
  assert_int_equal(px_doc_add_layer(d, PX_LAYER_TOKENS, NULL, 0), PX_OK);
  assert_int_equal(px_doc_add_layer(d, PX_LAYER_TOKENS, &other, 1), PX_EARG);

  /* An unknown layer id. */
  assert_int_equal(px_doc_add_layer(d, PX_LAYER__COUNT, &other, 1), PX_EARG);
  assert_null(px_doc_layer(d, PX_LAYER__COUNT, &n));
  assert_int_equal(n, 0);
  px_doc_free(d);
}

static void test_doc_layer_rejects_bad_spans(void **state) {
  (void)state;
  const char *text = "0123456789";
  px_doc *d = px_doc_new(text, 10);
  assert_non_null(d);

  px_span unsorted[2] = {{5, 7, 0, 0}, {1, 3, 0, 0}};
  assert_int_equal(px_doc_add_layer(d, PX_LAYER_PARAGRAPHS, unsorted, 2), PX_EARG);
  px_span past_end[1] = {{4, 11, 0, 0}};
  assert_int_equal(px_doc_add_layer(d, PX_LAYER_PARAGRAPHS, past_end, 1), PX_EARG);
  px_span start_past_end[1] = {{11, 11, 0, 0}};
  assert_int_equal(px_doc_add_layer(d, PX_LAYER_PARAGRAPHS, start_past_end, 1), PX_EARG);
  px_span backwards[1] = {{6, 2, 0, 0}};
  assert_int_equal(px_doc_add_layer(d, PX_LAYER_PARAGRAPHS, backwards, 1), PX_EARG);
  /* A refused layer stays unset, so a correct one can still be added. */
  assert_null(px_doc_layer(d, PX_LAYER_PARAGRAPHS, NULL));

  /* Touching the end, empty spans and equal starts are fine. */
  px_span ok[3] = {{0, 0, 1, 7}, {0, 10, 2, 8}, {10, 10, 3, 9}};
  assert_int_equal(px_doc_add_layer(d, PX_LAYER_PARAGRAPHS, ok, 3), PX_OK);
  size_t n;
  const px_span *got = px_doc_layer(d, PX_LAYER_PARAGRAPHS, &n);
  assert_int_equal(n, 3);
  assert_int_equal(got[2].kind, 3);
  assert_int_equal(got[2].aux, 9);
  px_doc_free(d);
}

static void test_doc_empty_layer_not_null(void **state) {
  (void)state;
  px_doc *d = px_doc_new("", 0);
  assert_non_null(d);
  assert_int_equal(px_doc_add_layer(d, PX_LAYER_SENTENCES, NULL, 0), PX_OK);
  size_t n = 42;
  const px_span *s = px_doc_layer(d, PX_LAYER_SENTENCES, &n);
  assert_non_null(s);
  assert_int_equal(n, 0);
  /* A layer never added is still NULL. */
  assert_null(px_doc_layer(d, PX_LAYER_PARAGRAPHS, NULL));
  px_doc_free(d);

  /* The same through px_doc_segment on an empty text. */
  d = px_doc_new("", 0);
  assert_non_null(d);
  assert_int_equal(px_doc_segment(d, PX_SEGMENT_TOKENS), PX_OK);
  for (int id = 0; id < PX_LAYER__COUNT; id++) {
    n = 42;
    assert_non_null(px_doc_layer(d, (px_layer_id)id, &n));
    assert_int_equal(n, 0);
  }
  px_doc_free(d);
}

static void test_doc_removed(void **state) {
  (void)state;
  px_doc *d = px_doc_new("body", 4);
  assert_non_null(d);
  assert_int_equal(px_doc_removed_count(d), 0);
  assert_null(px_doc_removed(d, 0, NULL));

  assert_int_equal(px_doc_add_removed(d, "Add your comment here", 16, "comments"), PX_OK);
  assert_int_equal(px_doc_add_removed(d, "Share on Facebook", 17, "share"), PX_OK);
  assert_int_equal(px_doc_removed_count(d), 2);
  const char *reason = NULL;
  assert_string_equal(px_doc_removed(d, 0, &reason), "Add your comment"); /* only len bytes */
  assert_string_equal(reason, "comments");
  assert_string_equal(px_doc_removed(d, 1, &reason), "Share on Facebook");
  assert_string_equal(reason, "share");
  assert_string_equal(px_doc_removed(d, 1, NULL), "Share on Facebook");
  reason = "untouched";
  assert_null(px_doc_removed(d, 2, &reason));
  assert_string_equal(reason, "untouched");
  assert_null(px_doc_removed(d, (size_t)-1, NULL));
  px_doc_free(d);
}

/* ---- corpus ---------------------------------------------------------- */

static void test_corpus(void **state) {
  (void)state;
  px_corpus *c = px_corpus_new();
  assert_non_null(c);
  assert_int_equal(px_corpus_count(c), 0);
  assert_null(px_corpus_doc(c, 0));

  /* Enough documents to make the corpus grow more than once. */
  enum { N = 40 };
  px_doc *docs[N];
  for (int i = 0; i < N; i++) {
    char t[32];
    int len = snprintf(t, sizeof t, "document %d", i);
    docs[i] = px_doc_new(t, (size_t)len);
    assert_non_null(docs[i]);
    assert_int_equal(px_corpus_add(c, docs[i]), PX_OK);
    assert_int_equal(px_corpus_count(c), (size_t)i + 1);
  }
  for (int i = 0; i < N; i++) {
    char t[32];
    snprintf(t, sizeof t, "document %d", i);
    assert_ptr_equal(px_corpus_doc(c, (size_t)i), docs[i]);
    assert_string_equal(px_doc_text(px_corpus_doc(c, (size_t)i), NULL), t);
  }
  assert_null(px_corpus_doc(c, N));
  assert_int_equal(px_corpus_add(c, NULL), PX_EARG);
  assert_int_equal(px_corpus_count(c), N);
  px_corpus_free(c); /* frees the documents too (ASan/valgrind would notice leaks) */
  px_corpus_free(NULL);
}

/* ---- dates ----------------------------------------------------------- */

static void expect_date(const char *in, const char *want) {
  char out[11];
  memset(out, 'Z', sizeof out);
  int rc = px_parse_date(in, out);
  if (rc != PX_OK) fail_msg("px_parse_date(\"%s\") = %d, want PX_OK", in, rc);
  assert_string_equal(out, want);
}

static void expect_bad_date(const char *in) {
  char out[11];
  int rc = px_parse_date(in, out);
  if (rc != PX_EDATE) fail_msg("px_parse_date(\"%s\") = %d, want PX_EDATE", in ? in : "(null)", rc);
}

static void test_parse_date_valid(void **state) {
  (void)state;
  expect_date("2016-12-14", "2016-12-14");
  expect_date("2016-01-01", "2016-01-01");
  expect_date("1999-12-31", "1999-12-31");
  expect_date("2016-02-29", "2016-02-29"); /* leap year */
  expect_date("2000-02-29", "2000-02-29"); /* divisible by 400 */
  expect_date("2016-04-30", "2016-04-30");
  expect_date("2016-12", "2016-12");       /* month only */
  expect_date("2016-01", "2016-01");
  expect_date("2016", "2016");             /* year only */
  expect_date("2016-12-14T10:00:00Z", "2016-12-14"); /* timestamps keep their date */
  expect_date("2016-12-14T23:59:59+02:00", "2016-12-14");
  expect_date("2016-12-14 08:30", "2016-12-14");
}

static void test_parse_date_invalid(void **state) {
  (void)state;
  expect_bad_date("2016-02-30");
  expect_bad_date("2015-02-29"); /* not a leap year */
  expect_bad_date("1900-02-29"); /* divisible by 100, not 400 */
  expect_bad_date("2016-04-31");
  expect_bad_date("2016-13-01");
  expect_bad_date("2016-00-10");
  expect_bad_date("2016-12-00");
  expect_bad_date("2016-12-32");
  expect_bad_date("2016-13");
  expect_bad_date("yesterday");
  expect_bad_date("");
  expect_bad_date(NULL);
  expect_bad_date("0000");
  expect_bad_date("16-12-14");
  expect_bad_date("2016/12/14");
  expect_bad_date("2016-1-14");
  expect_bad_date("2016-12-1");
  expect_bad_date("2016-12-14x");
  expect_bad_date("2016-12x");
  expect_bad_date("2016 ");
  expect_bad_date(" 2016-12-14");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_strerror_every_code),
      cmocka_unit_test(test_version),
      cmocka_unit_test(test_doc_new_copies_text),
      cmocka_unit_test(test_doc_meta),
      cmocka_unit_test(test_meta_and_layer_names),
      cmocka_unit_test(test_doc_layers),
      cmocka_unit_test(test_doc_layer_rejects_bad_spans),
      cmocka_unit_test(test_doc_empty_layer_not_null),
      cmocka_unit_test(test_doc_removed),
      cmocka_unit_test(test_corpus),
      cmocka_unit_test(test_parse_date_valid),
      cmocka_unit_test(test_parse_date_invalid),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
