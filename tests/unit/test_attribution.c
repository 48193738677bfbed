/* test_attribution.c - source of claim for sentences and quantities.
 * Every sentence here was written for these tests.
 *
 * Quantities come from their own stage, which runs before attribution; to
 * test attribution alone, these tests run the stages by hand and push the
 * quantities themselves before calling px_x_attribution(). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"

/* ---- helpers --------------------------------------------------------- */

typedef struct fixture {
  px_doc *doc;
  px_xctx x;
} fixture;

/* Segments `text` and runs the stages up to quotes. */
static void setup(fixture *f, const char *text) {
  f->doc = px_doc_new(text, strlen(text));
  assert_non_null(f->doc);
  assert_int_equal(px_doc_segment(f->doc, PX_SEGMENT_TOKENS), PX_OK);
  px_xctx *x = &f->x;
  *x = (px_xctx){.doc = f->doc};
  x->text = px_doc_text(f->doc, &x->len);
  x->para = px_doc_layer(f->doc, PX_LAYER_PARAGRAPHS, &x->n_para);
  x->sent = px_doc_layer(f->doc, PX_LAYER_SENTENCES, &x->n_sent);
  x->tok = px_doc_layer(f->doc, PX_LAYER_TOKENS, &x->n_tok);
  assert_int_equal(px_doc_init_sentence_sources(f->doc, x->n_sent), PX_OK);
  assert_int_equal(px_x_quotemarks(x), PX_OK);
  assert_int_equal(px_x_entities(x), PX_OK);
  assert_int_equal(px_x_quotes(x), PX_OK);
}

static void teardown(fixture *f) {
  px_spanvec_free(&f->x.qregions);
  px_doc_free(f->doc);
}

/* Pushes a quantity over the first occurrence of `words`. */
static void push_quantity(fixture *f, const char *words) {
  const char *at = strstr(f->x.text, words);
  assert_non_null(at);
  px_quantity q = {.start = (size_t)(at - f->x.text), .value = 1, .value_max = NAN, .source = -1};
  q.end = q.start + strlen(words);
  q.sentence = px_x_sentence_at(&f->x, q.start);
  q.in_quote = px_x_in_quote(&f->x, q.start);
  assert_true(px_doc_push_quantity(f->doc, &q) >= 0);
}

static const char *entity_name(const fixture *f, int32_t e) {
  size_t n;
  const px_entity *ents = px_doc_entities(f->doc, &n);
  return e >= 0 && (size_t)e < n ? ents[e].name : NULL;
}

/* The source of the quantity over `words`, by name (NULL: the outlet's voice). */
static const char *quantity_source(const fixture *f, const char *words) {
  size_t n;
  const px_quantity *q = px_doc_quantities(f->doc, &n);
  const char *at = strstr(f->x.text, words);
  for (size_t i = 0; i < n; i++)
    if (q[i].start == (size_t)(at - f->x.text)) return entity_name(f, q[i].source);
  fail_msg("no quantity [%s]", words);
  return NULL;
}

/* The source of the sentence containing `words`, by name. */
static const char *sentence_source(const fixture *f, const char *words) {
  const char *at = strstr(f->x.text, words);
  assert_non_null(at);
  int32_t s = px_x_sentence_at(&f->x, (size_t)(at - f->x.text));
  assert_true(s >= 0);
  return entity_name(f, px_doc_sentence_source(f->doc, (size_t)s));
}

static void expect_name(const char *got, const char *want) {
  if (!want) {
    if (got) fail_msg("source %s, want none", got);
    return;
  }
  if (!got || strcmp(got, want) != 0) fail_msg("source %s, want %s", got ? got : "(none)", want);
}

/* ---- tests -------------------------------------------------------------- */

static void test_sentences(void **state) {
  (void)state;
  fixture f;
  setup(&f, "The strike began in March. The Port Authority said that 30 berths were working again.\n\n"
            "\"We will not give up the quay,\" said Ilse Varga, the union leader.\n\n"
            "According to the harbour police, the gates were reopened at dawn. Ships began to move.\n");
  assert_int_equal(px_x_attribution(&f.x), PX_OK);
  expect_name(sentence_source(&f, "The strike began"), NULL);
  expect_name(sentence_source(&f, "30 berths"), "Port Authority");
  expect_name(sentence_source(&f, "We will not give up"), "Ilse Varga");
  expect_name(sentence_source(&f, "the gates were reopened"), "harbour police");
  expect_name(sentence_source(&f, "Ships began"), NULL);
  teardown(&f);
}

static void test_quantities(void **state) {
  (void)state;
  fixture f;
  setup(&f, "Officials of two unions said 400 workers had joined the strike.\n\n"
            "\"More than 3,000 containers are stuck,\" said Omar Castell, a shipping agent.\n\n"
            "According to the Calder Courier, the ministry announced that 90 percent of berths were open.\n\n"
            "Twelve ships left on Monday. Six more are expected, the harbour master said.\n\n"
            "The board counted 55 cranes, and a week later the port office reported that 14 of them were "
            "broken.\n");
  push_quantity(&f, "two");
  push_quantity(&f, "400");
  push_quantity(&f, "More than 3,000");
  push_quantity(&f, "90 percent");
  push_quantity(&f, "Twelve");
  push_quantity(&f, "Six");
  push_quantity(&f, "55");
  push_quantity(&f, "14");
  assert_int_equal(px_x_attribution(&f.x), PX_OK);
  expect_name(quantity_source(&f, "two"), NULL); /* part of how the speaker is named */
  expect_name(quantity_source(&f, "400"), "Officials");
  expect_name(quantity_source(&f, "More than 3,000"), "Omar Castell");
  expect_name(quantity_source(&f, "90 percent"), "Calder Courier"); /* the source the outlet cites */
  expect_name(quantity_source(&f, "Twelve"), NULL);
  expect_name(quantity_source(&f, "Six"), "harbour master");
  expect_name(quantity_source(&f, "55"), NULL);
  expect_name(quantity_source(&f, "14"), "port office");
  teardown(&f);
}

static void test_block(void **state) {
  (void)state;
  fixture f;
  setup(&f, "Meanwhile the other side of the story, as reported by the Calder Courier, reads as follows:\n\n"
            "Nearly 2,000 dockworkers marched to the city hall on Sunday.\n\n"
            "The union said 150 of its members were arrested.\n\n"
            "* * *\n\n"
            "Readers can judge for themselves; 9 readers wrote in.\n");
  push_quantity(&f, "2,000");
  push_quantity(&f, "150");
  push_quantity(&f, "9");
  assert_int_equal(px_x_attribution(&f.x), PX_OK);
  expect_name(sentence_source(&f, "Nearly 2,000"), "Calder Courier");
  expect_name(quantity_source(&f, "2,000"), "Calder Courier");
  expect_name(quantity_source(&f, "150"), "union"); /* its own attribution is more specific */
  expect_name(sentence_source(&f, "Readers can judge"), NULL); /* the separator ends the block */
  expect_name(quantity_source(&f, "9"), NULL);
  teardown(&f);
}

static void test_citation(void **state) {
  (void)state;
  fixture f;
  setup(&f, "The strike is over, and the port says so (\xE2\x80\x98" "Calder port back to 90% capacity\xE2\x80\x99, "
            "Calder Courier, 7 May 2016). Some 40 ships sailed (Calder Courier, 8 May 2016).\n");
  push_quantity(&f, "90%");
  push_quantity(&f, "40");
  assert_int_equal(px_x_attribution(&f.x), PX_OK);
  expect_name(quantity_source(&f, "90%"), "Calder Courier"); /* in the cited piece's title */
  expect_name(quantity_source(&f, "40"), NULL);              /* the outlet's own sentence */
  teardown(&f);
}

static void test_analyze(void **state) {
  (void)state;
  /* the whole pipeline fills sentence sources too */
  const char *text = "Weiss said the vote would be held in June. Nobody objected.\n";
  px_doc *d = px_doc_new(text, strlen(text));
  assert_int_equal(px_doc_analyze(d, NULL), PX_OK);
  size_t n;
  const px_entity *e = px_doc_entities(d, &n);
  int32_t s0 = px_doc_sentence_source(d, 0);
  assert_true(s0 >= 0 && (size_t)s0 < n);
  assert_string_equal(e[s0].name, "Weiss");
  assert_int_equal(px_doc_sentence_source(d, 1), -1);
  px_doc_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_sentences),
      cmocka_unit_test(test_quantities),
      cmocka_unit_test(test_block),
      cmocka_unit_test(test_citation),
      cmocka_unit_test(test_analyze),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
