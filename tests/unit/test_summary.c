/* test_summary.c - the extractive multi-perspective summary. Every sentence
 * here was invented for these tests (a flood in the made-up town of Tarvik). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare/story.h"

static const char *const DOCS[][2] = {
    {"Tarvik Herald",
     "Floodwaters cut off lower Tarvik\n\n"
     "Heavy rain sent the Morna river over its banks on Tuesday, flooding the lower town of Tarvik and forcing "
     "2,400 residents from their homes, the Norland civil protection agency said.\n\n"
     "Mayor Ilona Draskovic opened the sports hall as a shelter for the night.\n\n"
     "A pharmacist on Quay Street said she had lost stock worth 30,000 crowns to the water."},
    {"Coastal Wire",
     "Morna river floods Tarvik\n\n"
     "Heavy rain sent the Morna river over its banks late on Tuesday, flooding the lower town of Tarvik and "
     "forcing 2,400 residents from their homes, the Norland civil protection agency said.\n\n"
     "Engineers from the national rail operator closed the bridge at Ostrel after cracks appeared in two of its "
     "piers.\n\n"
     "Is this the worst flood in living memory?"},
    {"Norland Post",
     "Evacuations in Tarvik\n\n"
     "The Morna river burst its banks in Tarvik on Tuesday after heavy rain, and 2,400 residents had to leave "
     "their homes in the lower town, according to the Norland civil protection agency.\n\n"
     "Mayor Ilona Draskovic said the sports hall would shelter families for the night.\n\n"
     "Volunteers from the Tarvik rowing club carried 40 elderly residents to boats on Wednesday."},
};

static px_story *build(px_corpus **cp) {
  px_corpus *c = px_corpus_new();
  assert_non_null(c);
  for (size_t i = 0; i < sizeof DOCS / sizeof *DOCS; i++) {
    px_doc *d = px_doc_new(DOCS[i][1], strlen(DOCS[i][1]));
    assert_non_null(d);
    assert_int_equal(px_doc_set_meta(d, PX_META_SOURCE, DOCS[i][0]), PX_OK);
    assert_int_equal(px_doc_set_meta(d, PX_META_PUBLISHED, "2031-04-09"), PX_OK);
    assert_int_equal(px_corpus_add(c, d), PX_OK);
  }
  px_story *s = NULL;
  assert_int_equal(px_story_build(c, NULL, &s), PX_OK);
  *cp = c;
  return s;
}

static bool sentence_has(const px_story *s, px_sref r, const char *words) {
  size_t len = 0;
  const char *t = px_story_sentence(s, r, &len);
  char *copy = strndup(t, len);
  bool hit = strstr(copy, words) != NULL;
  free(copy);
  return hit;
}

static void test_agreed_picks_the_fact_three_sources_share(void **state) {
  (void)state;
  px_corpus *c;
  px_story *s = build(&c);
  size_t n = 0, nr = 0;
  const px_summary_item *it = px_story_summary(s, &n);
  const px_sref *refs = px_story_refs(s, &nr);
  assert_true(n >= 2);
  assert_int_equal(it[0].section, PX_SUMMARY_AGREED);
  assert_null(it[0].topic);
  assert_int_equal(it[0].group, -1);
  assert_true(sentence_has(s, it[0].ref, "2,400 residents"));
  /* its refs: the sentence first, then one sentence of each other outlet */
  assert_int_equal(it[0].ref_count, 3);
  assert_true(it[0].first_ref + it[0].ref_count <= nr);
  assert_int_equal(refs[it[0].first_ref].doc, it[0].ref.doc);
  assert_int_equal(refs[it[0].first_ref].sentence, it[0].ref.sentence);
  bool docs[3] = {false, false, false};
  for (size_t k = 0; k < it[0].ref_count; k++) docs[refs[it[0].first_ref + k].doc] = true;
  assert_true(docs[0] && docs[1] && docs[2]);
  /* the other versions of the same fact are not repeated; the question is never a summary line */
  for (size_t i = 1; i < n; i++) {
    if (it[i].section != PX_SUMMARY_AGREED) continue;
    assert_false(sentence_has(s, it[i].ref, "2,400 residents"));
  }
  for (size_t i = 0; i < n; i++) {
    assert_false(sentence_has(s, it[i].ref, "living memory"));
    assert_int_not_equal(it[i].ref.sentence, 0); /* the titles: not full sentences */
  }
  px_story_free(s);
  px_corpus_free(c);
}

static void test_sections_in_order_with_exclusives(void **state) {
  (void)state;
  px_corpus *c;
  px_story *s = build(&c);
  size_t n = 0;
  const px_summary_item *it = px_story_summary(s, &n);
  bool bridge = false;
  unsigned per_doc[3] = {0, 0, 0};
  for (size_t i = 0; i < n; i++) {
    if (i) assert_true(it[i - 1].section <= it[i].section);
    if (it[i].section != PX_SUMMARY_EXCLUSIVE) continue;
    assert_int_equal(it[i].ref_count, 1);
    per_doc[it[i].ref.doc]++;
    bridge |= sentence_has(s, it[i].ref, "closed the bridge");
  }
  assert_true(bridge);
  for (size_t d = 0; d < 3; d++) assert_true(per_doc[d] >= 1 && per_doc[d] <= 2);
  px_story_free(s);
  px_corpus_free(c);
}

/* Claims are the claims stage's work: here they are set by hand and the summary stage run again. */
static void push_claim(px_story *s, uint32_t doc, uint32_t sentence, double value, const char *as_of) {
  px_claim cl = {.doc = doc, .sentence = sentence, .kind = PX_CLAIM_QUANTITY, .fact = -1, .value = value,
                 .value_max = NAN, .as_of = as_of, .speaker = -1};
  assert_int_equal(PX_VEC_PUSH(s->claims, cl), PX_OK);
}

static void push_group(px_story *s, const char *measure, px_verdict v, size_t first) {
  px_claim_group g = {.measure = measure, .kind = PX_CLAIM_QUANTITY, .verdict = v, .first_claim = first,
                      .claim_count = s->claims.n - first};
  assert_int_equal(PX_VEC_PUSH(s->groups, g), PX_OK);
}

static void test_contested_one_line_per_version(void **state) {
  (void)state;
  px_corpus *c;
  px_story *s = build(&c);
  s->claims.n = s->groups.n = s->pairs.n = s->summary.n = 0;
  push_claim(s, 0, 3, 30000, NULL);
  push_claim(s, 2, 3, 40, "2031-04-08");
  push_group(s, "stock lost", PX_VERDICT_AGREE, 0); /* agreement: not contested */
  push_claim(s, 2, 1, 2300, "2031-04-08");
  push_claim(s, 0, 1, 2400, "2031-04-09");
  push_claim(s, 2, 3, 2400, "2031-04-09");
  push_group(s, "residents evacuated", PX_VERDICT_PROGRESSION, 2);
  push_claim(s, 1, 2, 2, NULL);
  push_claim(s, 0, 2, 3, NULL);
  push_group(s, "piers cracked", PX_VERDICT_CONFLICT, 5);
  push_claim(s, 1, 1, 2400, NULL);
  push_claim(s, 1, 2, 2500, NULL);
  push_group(s, "residents in one outlet", PX_VERDICT_CONFLICT, 7); /* one document: nothing to compare */
  assert_int_equal(px_s_summary(s), PX_OK);
  size_t n = 0, nr = 0;
  const px_summary_item *it = px_story_summary(s, &n);
  const px_sref *refs = px_story_refs(s, &nr);
  const px_summary_item *con[8];
  size_t nc = 0;
  for (size_t i = 0; i < n; i++)
    if (it[i].section == PX_SUMMARY_CONTESTED) {
      assert_true(nc < 8);
      con[nc++] = &it[i];
    }
  assert_int_equal(nc, 4); /* conflict first (docs 0 and 1), then the progression (docs 0 and 2) */
  assert_string_equal(con[0]->topic, "piers cracked");
  assert_int_equal(con[0]->group, 2);
  assert_int_equal(con[0]->ref.doc, 0);
  assert_int_equal(con[1]->ref.doc, 1);
  assert_string_equal(con[2]->topic, "residents evacuated");
  assert_int_equal(con[2]->group, 1);
  assert_int_equal(con[2]->ref.doc, 0);
  assert_int_equal(con[3]->ref.doc, 2);
  assert_int_equal(con[3]->ref.sentence, 3); /* doc 2's latest claim (as_of 04-09) */
  assert_int_equal(con[3]->ref_count, 2);    /* both of its claim sentences */
  assert_int_equal(refs[con[3]->first_ref].sentence, 1);
  assert_int_equal(refs[con[3]->first_ref + 1].sentence, 3);
  assert_true(con[3]->first_ref + con[3]->ref_count <= nr);
  px_story_free(s);
  px_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_agreed_picks_the_fact_three_sources_share),
      cmocka_unit_test(test_sections_in_order_with_exclusives),
      cmocka_unit_test(test_contested_one_line_per_version),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
