/* test_corroborate.c - supports between sources, exclusives, shared counts.
 * Every sentence here was invented for these tests (a flood in the made-up
 * town of Tarvik in the made-up country of Norland). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare/story.h"

/* The wire story the first two outlets run almost word for word. */
#define WIRE                                                                                                   \
  "Heavy rain sent the Morna river over its banks on Tuesday, flooding the lower town of Tarvik and forcing " \
  "2,400 residents from their homes, the Norland civil protection agency said."
#define BRIDGE \
  "Engineers from the national rail operator closed the bridge at Ostrel after cracks appeared in two of its piers."

static const char *const DOC_A = "Floodwaters cut off lower Tarvik\n\n" WIRE
                                 "\n\nMayor Ilona Draskovic opened the sports hall as a shelter for the night."
                                 "\n\nThe agency said the water was expected to fall by Thursday.";
static const char *const DOC_B = "Morna river floods Tarvik\n\n"
                                 "Heavy rain sent the Morna river over its banks late on Tuesday, flooding the lower "
                                 "town of Tarvik and forcing 2,400 residents from their homes, the Norland civil "
                                 "protection agency said.\n\n" BRIDGE
                                 "\n\nThe operator said trains would run on a diversion for at least a month.";
static const char *const DOC_C = "Evacuations in Tarvik\n\n"
                                 "The Morna river burst its banks in Tarvik on Tuesday after heavy rain, and 2,400 "
                                 "residents had to leave their homes in the lower town, according to the Norland "
                                 "civil protection agency.\n\n"
                                 "Mayor Ilona Draskovic said the sports hall would shelter families for the night."
                                 "\n\nA choir from the upper town sang for the volunteers filling sandbags.";

static void add_doc(px_corpus *c, const char *text, const char *source, const char *id) {
  px_doc *d = px_doc_new(text, strlen(text));
  assert_non_null(d);
  assert_int_equal(px_doc_set_meta(d, PX_META_SOURCE, source), PX_OK);
  assert_int_equal(px_doc_set_meta(d, PX_META_ID, id), PX_OK);
  assert_int_equal(px_doc_set_meta(d, PX_META_PUBLISHED, "2031-04-09"), PX_OK);
  assert_int_equal(px_corpus_add(c, d), PX_OK);
}

static px_corpus *three_outlets(void) {
  px_corpus *c = px_corpus_new();
  assert_non_null(c);
  add_doc(c, DOC_A, "Tarvik Herald", "a");
  add_doc(c, DOC_B, "Coastal Wire", "b");
  add_doc(c, DOC_C, "Norland Post", "c");
  return c;
}

/* The sentence of document `doc` that contains `words`, or -1. */
static int find_sentence(const px_story *s, uint32_t doc, const char *words) {
  size_t n = 0;
  px_doc_layer(px_corpus_doc(px_story_corpus(s), doc), PX_LAYER_SENTENCES, &n);
  for (uint32_t i = 0; i < n; i++) {
    size_t len = 0;
    const char *t = px_story_sentence(s, (px_sref){doc, i}, &len);
    char *copy = strndup(t, len);
    bool hit = strstr(copy, words) != NULL;
    free(copy);
    if (hit) return (int)i;
  }
  return -1;
}

/* The score of the support of (fd, fs) by (td, ts), or -1. */
static double support_score(const px_story *s, uint32_t fd, int fs, uint32_t td, int ts) {
  size_t n = 0;
  const px_support *sp = px_story_supports(s, &n);
  for (size_t i = 0; i < n; i++)
    if (sp[i].from.doc == fd && (int)sp[i].from.sentence == fs && sp[i].to.doc == td && (int)sp[i].to.sentence == ts)
      return sp[i].score;
  return -1;
}

static void test_wire_copy_is_supported(void **state) {
  (void)state;
  px_corpus *c = three_outlets();
  px_story *s = NULL;
  assert_int_equal(px_story_build(c, NULL, &s), PX_OK);
  int a = find_sentence(s, 0, "Heavy rain sent"), b = find_sentence(s, 1, "Heavy rain sent");
  int cc = find_sentence(s, 2, "burst its banks");
  assert_true(a >= 0 && b >= 0 && cc >= 0);
  double ab = support_score(s, 0, a, 1, b);
  assert_true(ab >= 0.85 && ab <= 1.0);                  /* near-identical wire copy */
  assert_true(fabs(support_score(s, 1, b, 0, a) - ab) < 1e-9); /* the score is symmetric */
  double ac = support_score(s, 0, a, 2, cc);             /* a rewrite of the same facts */
  assert_true(ac >= 0.35 && ac < ab);
  assert_true(px_story_shared(s, 0, 1) >= 1);
  assert_true(px_story_shared(s, 0, 2) >= 1);
  assert_int_equal(px_story_shared(s, 0, 0), 0);
  px_story_free(s);
  px_corpus_free(c);
}

static void test_supports_ordered_and_bounded(void **state) {
  (void)state;
  px_corpus *c = three_outlets();
  px_story *s = NULL;
  assert_int_equal(px_story_build(c, NULL, &s), PX_OK);
  size_t n = 0;
  const px_support *sp = px_story_supports(s, &n);
  assert_true(n >= 4);
  for (size_t i = 0; i < n; i++) {
    assert_true(sp[i].from.doc != sp[i].to.doc);
    assert_true(sp[i].score >= 0.35 && sp[i].score <= 1.0);
    if (i == 0) continue;
    const px_support *p = &sp[i - 1];
    bool same = p->from.doc == sp[i].from.doc && p->from.sentence == sp[i].from.sentence;
    assert_true(same ? p->score >= sp[i].score
                     : p->from.doc < sp[i].from.doc || (p->from.doc == sp[i].from.doc && p->from.sentence < sp[i].from.sentence));
  }
  px_story_free(s);
  px_corpus_free(c);
}

static void test_unrelated_sentence_is_exclusive(void **state) {
  (void)state;
  px_corpus *c = three_outlets();
  px_story *s = NULL;
  assert_int_equal(px_story_build(c, NULL, &s), PX_OK);
  int bridge = find_sentence(s, 1, "closed the bridge"), wire = find_sentence(s, 1, "Heavy rain sent");
  int choir = find_sentence(s, 2, "choir");
  size_t n = 0;
  const px_exclusive *ex = px_story_exclusives(s, &n);
  bool found_bridge = false, found_wire = false, found_choir = false;
  for (size_t i = 0; i < n; i++) {
    if (i) assert_true(ex[i - 1].ref.doc < ex[i].ref.doc ||
                       (ex[i - 1].ref.doc == ex[i].ref.doc && ex[i - 1].salience >= ex[i].salience));
    found_bridge |= ex[i].ref.doc == 1 && (int)ex[i].ref.sentence == bridge;
    found_wire |= ex[i].ref.doc == 1 && (int)ex[i].ref.sentence == wire;
    found_choir |= ex[i].ref.doc == 2 && (int)ex[i].ref.sentence == choir;
  }
  assert_true(found_bridge); /* a place name and 10+ content words no one else has */
  assert_false(found_wire);  /* supported by the other outlets */
  assert_false(found_choir); /* unsupported, but 7 content words and no fact: not notable */
  px_story_free(s);
  px_corpus_free(c);
}

/* max_support keeps the best sentence of each other document before a second one of any. */
static void test_max_support_spreads_over_documents(void **state) {
  (void)state;
  px_corpus *c = px_corpus_new();
  add_doc(c, WIRE "\n\n" WIRE, "One", "1"); /* the same sentence twice in one document */
  add_doc(c, WIRE, "Two", "2");
  add_doc(c, DOC_C, "Three", "3");
  px_story_opts o = {.max_support = 2};
  px_story *s = NULL;
  assert_int_equal(px_story_build(c, &o, &s), PX_OK);
  size_t n = 0;
  const px_support *sp = px_story_supports(s, &n);
  size_t from_two = 0;
  for (size_t i = 0; i < n; i++) {
    if (sp[i].from.doc != 1) continue;
    from_two++;
    if (from_two == 2) assert_int_not_equal(sp[i].to.doc, sp[i - 1].to.doc);
  }
  assert_int_equal(from_two, 2); /* one of document 1 (the best), one of document 3 */
  assert_int_equal(px_story_shared(s, 1, 0), 1);
  px_story_free(s);
  px_corpus_free(c);
}

/* Eight outlets print the wire sentence word for word: each copy gets five supports from five outlets. */
static void test_word_for_word_copies(void **state) {
  (void)state;
  px_corpus *c = px_corpus_new();
  static const char *const ids[] = {"1", "2", "3", "4", "5", "6", "7", "8"};
  for (size_t i = 0; i < 8; i++) add_doc(c, i == 3 ? DOC_C : WIRE "\n\n" BRIDGE, ids[i], ids[i]);
  px_story *s = NULL;
  assert_int_equal(px_story_build(c, NULL, &s), PX_OK);
  size_t n = 0;
  const px_support *sp = px_story_supports(s, &n);
  size_t per_doc[8] = {0};
  for (size_t i = 0; i < n; i++) {
    if (sp[i].from.doc == 3) continue;
    per_doc[sp[i].from.doc]++;
    assert_true(sp[i].score > 0.99);
    for (size_t j = i + 1; j < n && sp[j].from.doc == sp[i].from.doc && sp[j].from.sentence == sp[i].from.sentence; j++)
      assert_int_not_equal(sp[j].to.doc, sp[i].to.doc);
  }
  for (size_t d = 0; d < 8; d++)
    if (d != 3) assert_int_equal(per_doc[d], 10); /* two sentences, five supports each */
  for (size_t a = 0; a < 8; a++)
    for (size_t b = 0; b < 8; b++)
      if (a != b && a != 3 && b != 3) assert_int_equal(px_story_shared(s, a, b), 2);
  px_story_free(s);
  px_corpus_free(c);
}

/* Above 1000 documents the pair counts are not kept (ndocs^2 counters); supports still are. */
static void test_many_documents_no_shared(void **state) {
  (void)state;
  px_corpus *c = px_corpus_new();
  for (size_t i = 0; i < 1001; i++) add_doc(c, i % 2 ? WIRE : BRIDGE, "Outlet", "x");
  px_story *s = NULL;
  assert_int_equal(px_story_build(c, NULL, &s), PX_OK);
  size_t n = 0;
  px_story_supports(s, &n);
  assert_int_equal(n, 1001 * 5);
  assert_int_equal(px_story_shared(s, 0, 2), 0);
  assert_null(s->shared);
  px_story_free(s);
  px_corpus_free(c);
}

static void test_single_document(void **state) {
  (void)state;
  px_corpus *c = px_corpus_new();
  add_doc(c, DOC_B, "Coastal Wire", "b");
  px_story *s = NULL;
  assert_int_equal(px_story_build(c, NULL, &s), PX_OK);
  size_t n = 0, nx = 0;
  px_story_supports(s, &n);
  px_story_exclusives(s, &nx);
  assert_int_equal(n, 0);
  assert_true(nx >= 2);
  assert_int_equal(px_story_shared(s, 0, 0), 0);
  px_story_free(s);
  px_corpus_free(c);
}

static void test_empty_corpus(void **state) {
  (void)state;
  px_corpus *c = px_corpus_new();
  px_story *s = NULL;
  assert_int_equal(px_story_build(c, NULL, &s), PX_OK);
  size_t n = 1;
  px_story_supports(s, &n);
  assert_int_equal(n, 0);
  px_story_summary(s, &n);
  assert_int_equal(n, 0);
  px_story_free(s);
  px_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_wire_copy_is_supported),
      cmocka_unit_test(test_supports_ordered_and_bounded),
      cmocka_unit_test(test_unrelated_sentence_is_exclusive),
      cmocka_unit_test(test_max_support_spreads_over_documents),
      cmocka_unit_test(test_word_for_word_copies),
      cmocka_unit_test(test_many_documents_no_shared),
      cmocka_unit_test(test_single_document),
      cmocka_unit_test(test_empty_corpus),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
