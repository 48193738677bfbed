/* test_facts_render.c - the fact store (core/facts.c) and how the fact layers
 * render: JSON (parsed back with jansson), JSON Lines and Markdown. The facts
 * are pushed by hand, so these tests do not depend on the extractors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/internal.h"

static const char TEXT[] = "Mayor Ana Velt said 40% of Port Calder was flooded on Monday.";

/* A segmented document with one fact of each kind, as the extractors would store them. */
static px_corpus *make_corpus(px_doc **out) {
  px_corpus *c = px_corpus_new();
  px_doc *d = px_doc_new(TEXT, strlen(TEXT));
  assert_non_null(c);
  assert_non_null(d);
  assert_int_equal(px_doc_set_meta(d, PX_META_ID, "velt"), PX_OK);
  assert_int_equal(px_corpus_add(c, d), PX_OK);
  assert_int_equal(px_doc_segment(d, PX_SEGMENT_TOKENS), PX_OK);
  assert_int_equal(px_doc_init_sentence_sources(d, 1), PX_OK);
  const char *name = px_doc_intern(d, "Ana Velt", 8);
  assert_non_null(name);
  px_entity e = {.type = PX_ENT_PERSON, .name = name, .role = px_doc_intern(d, "Mayor", 5), .mention_count = 1};
  assert_int_equal(px_doc_push_entity(d, &e), 0);
  px_mention m = {.start = 6, .end = 14, .entity = 0, .kind = PX_MENTION_NAME, .head_start = 6, .head_end = 14};
  assert_int_equal(px_doc_push_mention(d, &m), 0);
  px_quantity q = {.start = 20, .end = 23, .value = 40, .value_max = NAN, .approx = PX_APPROX_EXACT,
                   .unit = "percent", .category = PX_QTY_TERRITORY, .of_start = 27, .of_end = 38, .source = 0};
  assert_int_equal(px_doc_push_quantity(d, &q), 0);
  px_time t = {.start = 54, .end = 60, .type = PX_TIME_DATE, .value = px_doc_intern(d, "2025-11-17", 10),
               .anchor = "2025-11-19"};
  assert_int_equal(px_doc_push_time(d, &t), 0);
  px_quote u = {.start = 20, .end = 60, .kind = PX_QUOTE_REPORTED, .speaker = 0, .speaker_start = 6,
                .speaker_end = 14, .verb_start = 15, .verb_end = 19, .verb = "say"};
  assert_int_equal(px_doc_push_quote(d, &u), 0);
  size_t ns;
  px_doc_sentence_sources_mut(d, &ns)[0] = 0;
  assert_int_equal(ns, 1);
  px_doc_set_analyzed(d);
  *out = d;
  return c;
}

static char *render(const px_corpus *c, int what, size_t *len) {
  char *buf = NULL;
  FILE *f = open_memstream(&buf, len);
  assert_non_null(f);
  int rc = what == 0 ? px_render_json(c, f, 0) : what == 1 ? px_render_annotations(c, f, PX_ANNOTATE_ALL)
                                                            : px_render_markdown(c, f, 0);
  assert_int_equal(rc, PX_OK);
  fclose(f);
  return buf;
}

static void test_store(void **state) {
  (void)state;
  px_doc *d;
  px_corpus *c = make_corpus(&d);
  size_t n;
  assert_non_null(px_doc_quantities(d, &n));
  assert_int_equal(n, 1);
  assert_string_equal(px_doc_times(d, &n)[0].value, "2025-11-17");
  assert_string_equal(px_doc_entities(d, &n)[0].name, "Ana Velt");
  assert_int_equal(px_doc_sentence_source(d, 0), 0);
  assert_int_equal(px_doc_sentence_source(d, 7), -1); /* out of range: none */
  assert_null(px_doc_published_inferred(d, NULL));
  assert_int_equal(px_doc_set_published_inferred(d, "2025-11-19", "latest date in the text"), PX_OK);
  const char *ev;
  assert_string_equal(px_doc_published_inferred(d, &ev), "2025-11-19");
  assert_string_equal(ev, "latest date in the text");
  /* a fresh document has no fact layers */
  px_doc *empty = px_doc_new("x", 1);
  assert_null(px_doc_quantities(empty, &n));
  assert_int_equal(n, 0);
  assert_int_equal(px_doc_sentence_source(empty, 0), -1);
  px_doc_free(empty);
  px_corpus_free(c);
}

static void test_json(void **state) {
  (void)state;
  px_doc *d;
  px_corpus *c = make_corpus(&d);
  size_t len;
  char *out = render(c, 0, &len);
  json_error_t err;
  json_t *root = json_loadb(out, len, JSON_REJECT_DUPLICATES, &err);
  assert_non_null(root);
  json_t *doc = json_array_get(json_object_get(root, "documents"), 0);
  json_t *q = json_array_get(json_object_get(doc, "quantities"), 0);
  assert_string_equal(json_string_value(json_object_get(q, "text")), "40%");
  assert_true(json_number_value(json_object_get(q, "value")) == 40);
  assert_true(json_is_null(json_object_get(q, "value_max")));
  assert_string_equal(json_string_value(json_object_get(q, "approx")), "exact");
  assert_string_equal(json_string_value(json_object_get(q, "category")), "territory");
  assert_string_equal(json_string_value(json_object_get(json_object_get(q, "of"), "text")), "Port Calder");
  assert_string_equal(json_string_value(json_object_get(json_object_get(q, "source_of_claim"), "name")), "Ana Velt");
  json_t *t = json_array_get(json_object_get(doc, "times"), 0);
  assert_string_equal(json_string_value(json_object_get(t, "text")), "Monday");
  assert_string_equal(json_string_value(json_object_get(t, "value")), "2025-11-17");
  assert_true(json_is_null(json_object_get(t, "mod")));
  json_t *e = json_array_get(json_object_get(doc, "entities"), 0);
  assert_string_equal(json_string_value(json_object_get(e, "role")), "Mayor");
  json_t *m = json_array_get(json_object_get(e, "mentions"), 0);
  assert_string_equal(json_string_value(json_object_get(m, "text")), "Ana Velt");
  json_t *u = json_array_get(json_object_get(doc, "quotes"), 0);
  assert_string_equal(json_string_value(json_object_get(u, "kind")), "reported");
  assert_string_equal(json_string_value(json_object_get(json_object_get(u, "verb_text"), "text")), "said");
  json_t *s = json_array_get(json_object_get(doc, "sentences"), 0);
  assert_int_equal(json_integer_value(json_object_get(json_object_get(s, "source_of_claim"), "entity")), 0);
  json_decref(root);
  free(out);
  px_corpus_free(c);
}

static void test_annotations_and_markdown(void **state) {
  (void)state;
  px_doc *d;
  px_corpus *c = make_corpus(&d);
  size_t len;
  char *out = render(c, 1, &len);
  /* four records (quantity, time, mention, quote), one a line, each valid JSON */
  size_t lines = 0;
  for (char *p = out, *nl; (nl = strchr(p, '\n')); p = nl + 1, lines++) {
    json_error_t err;
    json_t *rec = json_loadb(p, (size_t)(nl - p), 0, &err);
    assert_non_null(rec);
    assert_string_equal(json_string_value(json_object_get(rec, "doc")), "velt");
    json_decref(rec);
  }
  assert_int_equal(lines, 4);
  assert_true(len > 0 && out[len - 1] == '\n');
  assert_non_null(strstr(out, "\"layer\":\"entities\",\"start\":6,\"end\":14,\"text\":\"Ana Velt\",\"kind\":\"name\""));
  free(out);
  out = render(c, 2, &len);
  assert_non_null(strstr(out, "- **40%** percent = 40 (exact, territory) of Port Calder, according to Ana Velt [s1]"));
  assert_non_null(strstr(out, "**Monday** DATE 2025-11-17 [s1]"));
  free(out);
  px_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_store),
      cmocka_unit_test(test_json),
      cmocka_unit_test(test_annotations_and_markdown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
