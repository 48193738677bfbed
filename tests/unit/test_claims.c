/* test_claims.c - the claims stage: quantities and event dates grouped by
 * measure across sources, with verdicts. Every story here is invented for
 * these tests (the city of Tarrow, the town of Velm). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parallax.h"

typedef struct {
  const char *source, *published, *text;
} article;

static px_story *build(const article *a, size_t n, px_corpus **corpus) {
  px_corpus *c = px_corpus_new();
  assert_non_null(c);
  for (size_t i = 0; i < n; i++) {
    px_doc *d = px_doc_new(a[i].text, strlen(a[i].text));
    assert_non_null(d);
    char id[16];
    snprintf(id, sizeof id, "doc%zu", i);
    assert_int_equal(px_doc_set_meta(d, PX_META_ID, id), PX_OK);
    assert_int_equal(px_doc_set_meta(d, PX_META_SOURCE, a[i].source), PX_OK);
    if (a[i].published) assert_int_equal(px_doc_set_meta(d, PX_META_PUBLISHED, a[i].published), PX_OK);
    assert_int_equal(px_corpus_add(c, d), PX_OK);
  }
  px_story *s = NULL;
  assert_int_equal(px_story_build(c, NULL, &s), PX_OK);
  assert_non_null(s);
  *corpus = c;
  return s;
}

/* The group whose measure contains `word`, or NULL. */
static const px_claim_group *group_with(const px_story *s, const char *word) {
  size_t n;
  const px_claim_group *g = px_story_claim_groups(s, &n);
  for (size_t i = 0; i < n; i++)
    if (strstr(g[i].measure, word)) return &g[i];
  return NULL;
}

/* Pairs, claims and groups are consistent: ranges inside the arrays, claims ordered by as_of. */
static void check_ranges(const px_story *s) {
  size_t ng, nc, np;
  const px_claim_group *g = px_story_claim_groups(s, &ng);
  const px_claim *c = px_story_claims(s, &nc);
  const px_claim_pair *p = px_story_claim_pairs(s, &np);
  for (size_t i = 0; i < ng; i++) {
    assert_true(g[i].first_claim + g[i].claim_count <= nc);
    assert_true(g[i].first_pair + g[i].pair_count <= np);
    assert_true(g[i].pair_count < g[i].claim_count || g[i].claim_count == 0);
    for (size_t j = g[i].first_pair; j < g[i].first_pair + g[i].pair_count; j++) {
      assert_true(p[j].a >= g[i].first_claim && p[j].a < g[i].first_claim + g[i].claim_count);
      assert_true(p[j].b >= g[i].first_claim && p[j].b < g[i].first_claim + g[i].claim_count);
      assert_true(p[j].a < p[j].b);
    }
    for (size_t j = g[i].first_claim + 1; j < g[i].first_claim + g[i].claim_count; j++)
      if (c[j - 1].as_of && c[j].as_of && g[i].kind == PX_CLAIM_QUANTITY)
        assert_true(strcmp(c[j - 1].as_of, c[j].as_of) <= 0 || strchr(c[j].as_of, 'W') ||
                    strchr(c[j - 1].as_of, 'W'));
  }
}

static void test_progression(void **state) {
  (void)state;
  const article a[] = {
      {"Daily Lantern", "2031-03-02",
       "Army advances in Tarrow.\n\nGovernment troops captured about 30 percent of the city of Tarrow on 1 March, "
       "officials said. Residents stayed indoors."},
      {"Harbour Post", "2031-03-06",
       "Tarrow front shifts.\n\nBy 5 March the army had retaken 55% of the city, the defence ministry said. "
       "Aid lorries waited at the checkpoint."},
      {"Morning Wire", "2031-03-10",
       "Tarrow nearly taken.\n\nOn 9 March government forces controlled 90 percent of Tarrow, a monitoring group "
       "said. Shops reopened in the west."},
  };
  px_corpus *c;
  px_story *s = build(a, 3, &c);
  check_ranges(s);
  const px_claim_group *g = group_with(s, "share of territory");
  assert_non_null(g);
  assert_int_equal(g->kind, PX_CLAIM_QUANTITY);
  assert_int_equal(g->claim_count, 3);
  assert_int_equal(g->verdict, PX_VERDICT_PROGRESSION);
  size_t nc;
  const px_claim *cl = px_story_claims(s, &nc);
  assert_string_equal(cl[g->first_claim].as_of, "2031-03-01");
  assert_string_equal(cl[g->first_claim + 1].as_of, "2031-03-05");
  assert_string_equal(cl[g->first_claim + 2].as_of, "2031-03-09");
  assert_int_equal(cl[g->first_claim].doc, 0);
  assert_int_equal(cl[g->first_claim].approx, PX_APPROX_ABOUT);
  assert_true(fabs(cl[g->first_claim + 2].value - 90) < 1e-9);
  assert_int_equal(g->pair_count, 2);
  const px_claim_pair *p = px_story_claim_pairs(s, NULL);
  assert_int_equal(p[g->first_pair].relation, PX_VERDICT_PROGRESSION);
  px_story_free(s);
  px_corpus_free(c);
}

static void test_conflict_and_agree(void **state) {
  (void)state;
  const article a[] = {
      {"Velm Courier", "2031-05-05",
       "Crackdown in Velm.\n\nPolice detained 200 protesters in Velm on 4 May, according to lawyers. "
       "At least 12 people were killed in the clashes, doctors said."},
      {"Coastal Herald", "2031-05-05",
       "Mass arrests in Velm.\n\nSecurity forces arrested 900 protesters in Velm on 4 May, a rights group said. "
       "Twelve people died on Sunday, the hospital said."},
  };
  px_corpus *c;
  px_story *s = build(a, 2, &c);
  check_ranges(s);
  const px_claim_group *g = group_with(s, "detained");
  assert_non_null(g);
  assert_int_equal(g->claim_count, 2);
  assert_int_equal(g->verdict, PX_VERDICT_CONFLICT);
  size_t nc;
  const px_claim *cl = px_story_claims(s, &nc);
  assert_true(fabs(cl[g->first_claim].value - 200) < 1e-9);
  assert_true(fabs(cl[g->first_claim + 1].value - 900) < 1e-9);
  assert_string_equal(cl[g->first_claim].as_of, "2031-05-04");
  const px_claim_group *k = group_with(s, "killed");
  assert_non_null(k);
  assert_int_equal(k->claim_count, 2);
  assert_int_equal(k->verdict, PX_VERDICT_AGREE);
  for (size_t i = k->first_claim; i < k->first_claim + 2; i++)
    assert_int_equal(cl[i].approx, cl[i].doc == 0 ? PX_APPROX_AT_LEAST : PX_APPROX_EXACT);
  px_story_free(s);
  px_corpus_free(c);
}

static void test_date_claims(void **state) {
  (void)state;
  const article a[] = {
      {"Velm Courier", "2031-05-09", "Truce holds.\n\nThe ceasefire in Velm began on 6 May, officials said."},
      {"Coastal Herald", "2031-05-09", "Quiet returns.\n\nA ceasefire began in Velm on 7 May, residents said."},
      {"Morning Wire", "2031-05-09", "Guns fall silent.\n\nThe truce in Velm began on 6 May after talks."},
  };
  px_corpus *c;
  px_story *s = build(a, 3, &c);
  check_ranges(s);
  size_t ng;
  const px_claim_group *g = px_story_claim_groups(s, &ng);
  const px_claim_group *d = NULL;
  for (size_t i = 0; i < ng; i++)
    if (g[i].kind == PX_CLAIM_DATE) d = &g[i];
  assert_non_null(d);
  assert_int_equal(d->claim_count, 3);
  assert_int_equal(d->verdict, PX_VERDICT_CONFLICT);
  assert_non_null(strstr(d->measure, "ceasefire"));
  const px_claim *cl = px_story_claims(s, NULL);
  size_t on6 = 0;
  for (size_t i = d->first_claim; i < d->first_claim + d->claim_count; i++) {
    assert_null(cl[i].unit);
    on6 += strcmp(cl[i].date, "2031-05-06") == 0;
  }
  assert_int_equal(on6, 2);
  px_story_free(s);
  px_corpus_free(c);
}

/* Numbers that count nothing that happened form no group; an empty corpus is fine. */
static void test_noise(void **state) {
  (void)state;
  const article a[] = {
      {"Velm Courier", "2031-05-09", "Council meets.\n\nThe council has 14 members and two officials spoke."},
      {"Coastal Herald", "2031-05-09", "Council session.\n\nThree officials spoke to 40 members of the council."},
  };
  px_corpus *c;
  px_story *s = build(a, 2, &c);
  size_t ng;
  px_story_claim_groups(s, &ng);
  assert_int_equal(ng, 0);
  px_story_free(s);
  px_corpus_free(c);
  s = build(a, 0, &c);
  px_story_claim_groups(s, &ng);
  assert_int_equal(ng, 0);
  px_story_free(s);
  px_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_progression),
      cmocka_unit_test(test_conflict_and_agree),
      cmocka_unit_test(test_date_claims),
      cmocka_unit_test(test_noise),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
