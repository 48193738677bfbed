/* test_quantities.c - the quantities stage (px_doc_quantities after px_doc_analyze).
 * Every sentence here was written for these tests; places and people are invented. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parallax.h"

/* ---- helpers --------------------------------------------------------- */

static px_doc *analyze(const char *text) {
  px_doc *d = px_doc_new(text, strlen(text));
  assert_non_null(d);
  assert_int_equal(px_doc_set_meta(d, PX_META_PUBLISHED, "2031-05-02"), PX_OK);
  assert_int_equal(px_doc_analyze(d, NULL), PX_OK);
  return d;
}

static const px_quantity *find(px_doc *d, const char *span) {
  size_t n, len = strlen(span);
  const char *t = px_doc_text(d, NULL);
  const px_quantity *q = px_doc_quantities(d, &n);
  for (size_t i = 0; i < n; i++)
    if (q[i].end - q[i].start == len && memcmp(t + q[i].start, span, len) == 0) return &q[i];
  return NULL;
}

static void dump(px_doc *d) {
  size_t n;
  const char *t = px_doc_text(d, NULL);
  const px_quantity *q = px_doc_quantities(d, &n);
  for (size_t i = 0; i < n; i++)
    fprintf(stderr, "  [%.*s] %g %s %s %s\n", (int)(q[i].end - q[i].start), t + q[i].start, q[i].value,
            px_approx_name(q[i].approx), q[i].unit ? q[i].unit : "-", px_qty_category_name(q[i].category));
}

/* The quantity spanning `span` has these fields (`of` NULL: none; value_max NAN: no range). */
static void expect_q(px_doc *d, const char *span, double value, double value_max, px_approx approx, const char *unit,
                     px_qty_category cat, const char *of) {
  const px_quantity *q = find(d, span);
  if (!q) {
    dump(d);
    fail_msg("no quantity \"%s\"", span);
  }
  if (fabs(q->value - value) > 1e-3 * fmax(1, fabs(value))) fail_msg("\"%s\": value %g, expected %g", span, q->value, value);
  if (isnan(value_max)) assert_true(isnan(q->value_max));
  else assert_true(fabs(q->value_max - value_max) < 1e-6 * fmax(1, value_max));
  if (q->approx != approx) fail_msg("\"%s\": approx %s, expected %s", span, px_approx_name(q->approx), px_approx_name(approx));
  if (unit == NULL) assert_null(q->unit);
  else if (!q->unit || strcmp(q->unit, unit) != 0) fail_msg("\"%s\": unit %s, expected %s", span, q->unit ? q->unit : "NULL", unit);
  if (q->category != cat)
    fail_msg("\"%s\": category %s, expected %s", span, px_qty_category_name(q->category), px_qty_category_name(cat));
  const char *t = px_doc_text(d, NULL);
  size_t ol = q->of_end - q->of_start;
  if (of == NULL) {
    if (ol) fail_msg("\"%s\": of \"%.*s\", expected none", span, (int)ol, t + q->of_start);
  } else if (strlen(of) != ol || memcmp(t + q->of_start, of, ol) != 0) {
    fail_msg("\"%s\": of \"%.*s\", expected \"%s\"", span, (int)ol, t + q->of_start, of);
  }
  assert_true(q->source >= -1); /* the attribution stage, after this one, may set it */
  assert_true(q->sentence >= 0);
}

static size_t count(px_doc *d) {
  size_t n;
  px_doc_quantities(d, &n);
  return n;
}

static void expect_none(const char *text) {
  px_doc *d = analyze(text);
  if (count(d)) {
    dump(d);
    fail_msg("\"%s\": expected no quantity", text);
  }
  px_doc_free(d);
}

#define NO_MAX NAN

/* ---- counts ------------------------------------------------------------ */

static void test_counts(void **state) {
  (void)state;
  px_doc *d = analyze("Calder evacuation\n\nSome 3,179 people, including 1,519 children and 138 newborn babies, left "
                      "Port Calder. Twenty buses waited at the gate, and six rebel-held neighbourhoods emptied. "
                      "Two harbour officials said 12 rebel-held neighborhoods remained.");
  expect_q(d, "Some 3,179", 3179, NO_MAX, PX_APPROX_ABOUT, "people", PX_QTY_PEOPLE, NULL);
  expect_q(d, "1,519", 1519, NO_MAX, PX_APPROX_EXACT, "child", PX_QTY_PEOPLE, NULL);
  expect_q(d, "138", 138, NO_MAX, PX_APPROX_EXACT, "baby", PX_QTY_PEOPLE, NULL);
  expect_q(d, "Twenty", 20, NO_MAX, PX_APPROX_EXACT, "bus", PX_QTY_OBJECTS, NULL);
  expect_q(d, "six", 6, NO_MAX, PX_APPROX_EXACT, "neighbourhood", PX_QTY_PLACES, NULL);
  expect_q(d, "Two", 2, NO_MAX, PX_APPROX_EXACT, "official", PX_QTY_PEOPLE, NULL);
  expect_q(d, "12", 12, NO_MAX, PX_APPROX_EXACT, "neighborhood", PX_QTY_PLACES, NULL);
  assert_int_equal(count(d), 7);
  px_doc_free(d);

  d = analyze("At least 63 Vestrian organisations and 15 factions signed; 1500 fighters and 2,000 soldiers stayed, "
              "with three axes, four boxes and two wolves.");
  expect_q(d, "At least 63", 63, NO_MAX, PX_APPROX_AT_LEAST, "organisation", PX_QTY_ORGANISATIONS, NULL);
  expect_q(d, "15", 15, NO_MAX, PX_APPROX_EXACT, "faction", PX_QTY_ORGANISATIONS, NULL);
  expect_q(d, "1500", 1500, NO_MAX, PX_APPROX_EXACT, "fighter", PX_QTY_PEOPLE, NULL);
  expect_q(d, "2,000", 2000, NO_MAX, PX_APPROX_EXACT, "soldier", PX_QTY_PEOPLE, NULL);
  expect_q(d, "three", 3, NO_MAX, PX_APPROX_EXACT, "axis", PX_QTY_PLACES, NULL);
  expect_q(d, "four", 4, NO_MAX, PX_APPROX_EXACT, "box", PX_QTY_OBJECTS, NULL);
  expect_q(d, "two", 2, NO_MAX, PX_APPROX_EXACT, "wolf", PX_QTY_OTHER, NULL);
  px_doc_free(d);
}

static void test_vague_and_implied(void **state) {
  (void)state;
  px_doc *d = analyze("Thousands of residents marched while dock workers came out in their tens of thousands. "
                      "Dozens of fighters were hurt and hundreds of miles of road closed. "
                      "Crane drivers stopped work, and more than 1,000 have joined them. "
                      "The number of unions later rose to 31. Three others were arrested. Crews seized the old "
                      "docks and took two others.");
  expect_q(d, "Thousands", 2000, NO_MAX, PX_APPROX_ABOUT, "resident", PX_QTY_PEOPLE, NULL);
  expect_q(d, "tens of thousands", 20000, NO_MAX, PX_APPROX_ABOUT, "worker", PX_QTY_PEOPLE, NULL);
  expect_q(d, "Dozens", 24, NO_MAX, PX_APPROX_ABOUT, "fighter", PX_QTY_PEOPLE, NULL);
  expect_q(d, "hundreds", 200, NO_MAX, PX_APPROX_ABOUT, "mile", PX_QTY_OTHER, NULL);
  expect_q(d, "more than 1,000", 1000, NO_MAX, PX_APPROX_MORE_THAN, "driver", PX_QTY_PEOPLE, NULL);
  expect_q(d, "31", 31, NO_MAX, PX_APPROX_EXACT, "union", PX_QTY_ORGANISATIONS, NULL);
  expect_q(d, "Three", 3, NO_MAX, PX_APPROX_EXACT, "other", PX_QTY_OTHER, NULL);
  expect_q(d, "two", 2, NO_MAX, PX_APPROX_EXACT, "dock", PX_QTY_PLACES, NULL);
  px_doc_free(d);

  d = analyze("Thousands of Vestrians left, and a million citizens stayed.");
  expect_q(d, "Thousands", 2000, NO_MAX, PX_APPROX_ABOUT, "Vestrian", PX_QTY_PEOPLE, NULL);
  expect_q(d, "a million", 1e6, NO_MAX, PX_APPROX_EXACT, "citizen", PX_QTY_PEOPLE, NULL);
  px_doc_free(d);
}

/* ---- hedges and ranges ------------------------------------------------- */

static void test_approx(void **state) {
  (void)state;
  px_doc *d = analyze("About 40 vessels, roughly 50 cranes, nearly 70 barges, almost 80 tugs, over 90 gulls, "
                      "fewer than 10 pilots, under 12 divers, up to 700 crates and as many as 800 sacks arrived. "
                      "As little as \xC2\xA3" "5 a month helps; 300 or more dockers agreed.");
  expect_q(d, "About 40", 40, NO_MAX, PX_APPROX_ABOUT, "vessel", PX_QTY_OBJECTS, NULL);
  expect_q(d, "roughly 50", 50, NO_MAX, PX_APPROX_ABOUT, "crane", PX_QTY_OTHER, NULL);
  expect_q(d, "nearly 70", 70, NO_MAX, PX_APPROX_LESS_THAN, "barge", PX_QTY_OTHER, NULL);
  expect_q(d, "almost 80", 80, NO_MAX, PX_APPROX_LESS_THAN, "tug", PX_QTY_OTHER, NULL);
  expect_q(d, "over 90", 90, NO_MAX, PX_APPROX_MORE_THAN, "gull", PX_QTY_OTHER, NULL);
  expect_q(d, "fewer than 10", 10, NO_MAX, PX_APPROX_LESS_THAN, "pilot", PX_QTY_PEOPLE, NULL);
  expect_q(d, "under 12", 12, NO_MAX, PX_APPROX_LESS_THAN, "diver", PX_QTY_OTHER, NULL);
  expect_q(d, "up to 700", 700, NO_MAX, PX_APPROX_UP_TO, "crate", PX_QTY_OBJECTS, NULL);
  expect_q(d, "as many as 800", 800, NO_MAX, PX_APPROX_UP_TO, "sack", PX_QTY_OTHER, NULL);
  expect_q(d, "As little as \xC2\xA3" "5", 5, NO_MAX, PX_APPROX_AT_LEAST, "gbp", PX_QTY_MONEY, NULL);
  expect_q(d, "300 or more", 300, NO_MAX, PX_APPROX_AT_LEAST, "docker", PX_QTY_OTHER, NULL);
  px_doc_free(d);

  /* prepositions that a word before governs are no hedges */
  d = analyze("Crews took control over 98% of the pier and had concerns about three new cranes; "
              "they later took over six warehouses.");
  expect_q(d, "98%", 98, NO_MAX, PX_APPROX_EXACT, "percent", PX_QTY_TERRITORY, "the pier");
  expect_q(d, "three", 3, NO_MAX, PX_APPROX_EXACT, "crane", PX_QTY_OTHER, NULL);
  expect_q(d, "six", 6, NO_MAX, PX_APPROX_EXACT, "warehouse", PX_QTY_OTHER, NULL);
  px_doc_free(d);
}

static void test_ranges(void **state) {
  (void)state;
  px_doc *d = analyze("Between 5 and 10 barges sank, two or three trawlers drifted, 10-15 tugs waited and "
                      "2 to 3 million tonnes spilled.");
  expect_q(d, "Between 5 and 10", 5, 10, PX_APPROX_RANGE, "barge", PX_QTY_OTHER, NULL);
  expect_q(d, "two or three", 2, 3, PX_APPROX_RANGE, "trawler", PX_QTY_OTHER, NULL);
  expect_q(d, "10-15", 10, 15, PX_APPROX_RANGE, "tug", PX_QTY_OTHER, NULL);
  expect_q(d, "2 to 3 million tonnes", 2e6, 3e6, PX_APPROX_RANGE, "tonne", PX_QTY_OTHER, NULL);
  assert_int_equal(count(d), 4);
  px_doc_free(d);
}

/* ---- shares, units, money ---------------------------------------------- */

static void test_shares(void **state) {
  (void)state;
  px_doc *d = analyze("Militias hold 98% of East Calder while crews cleared half the port. Nearly a third of the "
                      "territory they had held was lost, and about 40 percent of the eastern part of the city "
                      "fell. Two thirds of voters and 60% of export income were counted, as was 70% of E. Calder.");
  expect_q(d, "98%", 98, NO_MAX, PX_APPROX_EXACT, "percent", PX_QTY_TERRITORY, "East Calder");
  expect_q(d, "half", 0.5, NO_MAX, PX_APPROX_EXACT, "fraction", PX_QTY_TERRITORY, "the port");
  expect_q(d, "Nearly a third", 1.0 / 3, NO_MAX, PX_APPROX_LESS_THAN, "fraction", PX_QTY_TERRITORY,
           "the territory they had held");
  expect_q(d, "about 40 percent", 40, NO_MAX, PX_APPROX_ABOUT, "percent", PX_QTY_TERRITORY,
           "the eastern part of the city");
  expect_q(d, "Two thirds", 2.0 / 3, NO_MAX, PX_APPROX_EXACT, "fraction", PX_QTY_PEOPLE, "voters");
  expect_q(d, "60%", 60, NO_MAX, PX_APPROX_EXACT, "percent", PX_QTY_MONEY, "export income");
  expect_q(d, "70%", 70, NO_MAX, PX_APPROX_EXACT, "percent", PX_QTY_TERRITORY, "E. Calder");
  px_doc_free(d);

  d = analyze("Roughly 40 percent of the land previously controlled by the guild, and 70% of the quay previously "
              "under foreign control, changed hands.");
  expect_q(d, "Roughly 40 percent", 40, NO_MAX, PX_APPROX_ABOUT, "percent", PX_QTY_TERRITORY,
           "the land previously controlled by the guild");
  expect_q(d, "70%", 70, NO_MAX, PX_APPROX_EXACT, "percent", PX_QTY_TERRITORY,
           "the quay previously under foreign control");
  px_doc_free(d);
}

static void test_units_and_money(void **state) {
  (void)state;
  px_doc *d = analyze("The flood covered around 20 kilometers squared of farmland, 5 square miles of marsh and "
                      "11 kilometers of road; the convoy drove 29km north. The fund raised $20 million, "
                      "\xE2\x82\xAC" "3 million and 500 dollars.");
  expect_q(d, "around 20 kilometers squared", 20, NO_MAX, PX_APPROX_ABOUT, "km2", PX_QTY_TERRITORY, "farmland");
  expect_q(d, "5 square miles", 5, NO_MAX, PX_APPROX_EXACT, "mile2", PX_QTY_TERRITORY, "marsh");
  expect_q(d, "11 kilometers", 11, NO_MAX, PX_APPROX_EXACT, "km", PX_QTY_OTHER, NULL);
  expect_q(d, "29km", 29, NO_MAX, PX_APPROX_EXACT, "km", PX_QTY_OTHER, NULL);
  expect_q(d, "$20 million", 2e7, NO_MAX, PX_APPROX_EXACT, "usd", PX_QTY_MONEY, NULL);
  expect_q(d, "\xE2\x82\xAC" "3 million", 3e6, NO_MAX, PX_APPROX_EXACT, "eur", PX_QTY_MONEY, NULL);
  expect_q(d, "500 dollars", 500, NO_MAX, PX_APPROX_EXACT, "usd", PX_QTY_MONEY, NULL);
  px_doc_free(d);
}

/* ---- "one", quotes --------------------------------------------------- */

static void test_one(void **state) {
  (void)state;
  px_doc *d = analyze("The tower was run by just one man, and more than one harbour commander resigned after "
                      "only one failed vote.");
  expect_q(d, "one", 1, NO_MAX, PX_APPROX_EXACT, "man", PX_QTY_PEOPLE, NULL);
  expect_q(d, "more than one", 1, NO_MAX, PX_APPROX_MORE_THAN, "commander", PX_QTY_PEOPLE, NULL);
  assert_int_equal(count(d), 3);
  px_doc_free(d);
  expect_none("One chapter may be closing, as one official put it; one of the cranes fell.");
  expect_none("The one you mentioned is gone, but only one which floats will do. No one came.");
}

static void test_in_quote(void **state) {
  (void)state;
  px_doc *d = analyze("\xE2\x80\x9CWe lost 700 fighters,\xE2\x80\x9D the captain said. Later 40 more arrived.");
  const px_quantity *q = find(d, "700");
  assert_non_null(q);
  assert_true(q->in_quote);
  assert_int_equal(q->sentence, 0);
  q = find(d, "40");
  assert_non_null(q);
  assert_false(q->in_quote);
  assert_int_equal(q->sentence, 1);
  px_doc_free(d);
}

/* ---- exclusions -------------------------------------------------------- */

static void test_exclusions(void **state) {
  (void)state;
  expect_none("In 2012 the 65th Brigade moved on 23 November and again on Dec. 13, and on March 4.");
  expect_none("The strike lasted five years, then two days, then a 24-hour pause, a five-year plan and 3 hours.");
  expect_none("They met at 10:30 and at 3 pm on 2031-05-02, or 5/17/2031.");
  expect_none("See page 5, No. 3 and #4, then Route 66 and the \xE2\x80\x9C" "1070 Apartments\xE2\x80\x9D area.");
  expect_none("Visit 5Pillars or R2P; call 020 7946 0000; the score was 3-1.");
  expect_none("It rose three times; the second half was quiet; a third country joined; half-hearted efforts.");
  expect_none("Related\n\n1. Calder docks reopen\n2. Vestria votes\n\nA A A");
  expect_none("Several, many, few and numerous boats; twice as many; both crews.");
  expect_none("The next two or three days and the last 24 hours and hundreds of years.");
}

static void test_more_rules(void **state) {
  (void)state;
  /* an age in apposition, labels after a capitalised word, scores */
  expect_none("\"We stayed,\" said crane driver Piet Laskaris, 52, in Week 13.\n\nGulls 3, Terns 1: a close game.");
  /* a change is two values, not a range */
  px_doc *d = analyze("Tolls rose from 10 to 20 ducats, and 11 of the 12 ports made more than 300 false or misleading "
                      "claims. The two sides met; turnout was 97%\xE2\x80\x93" "98%.");
  expect_q(d, "10", 10, NO_MAX, PX_APPROX_EXACT, NULL, PX_QTY_OTHER, NULL);
  expect_q(d, "20", 20, NO_MAX, PX_APPROX_EXACT, "ducat", PX_QTY_OTHER, NULL);
  expect_q(d, "11", 11, NO_MAX, PX_APPROX_EXACT, "port", PX_QTY_PLACES, NULL);
  expect_q(d, "more than 300", 300, NO_MAX, PX_APPROX_MORE_THAN, "claim", PX_QTY_OTHER, NULL);
  expect_q(d, "two", 2, NO_MAX, PX_APPROX_EXACT, "side", PX_QTY_OTHER, NULL);
  expect_q(d, "97%\xE2\x80\x93" "98%", 97, 98, PX_APPROX_RANGE, "percent", PX_QTY_OTHER, NULL);
  px_doc_free(d);
  d = analyze("Officers held three suspects, aged 19, 22 and 31. One in five children is poor, the water hit "
              "45 degrees, and nearly 60 per cent of the 1,700 dockers voted.");
  expect_q(d, "three", 3, NO_MAX, PX_APPROX_EXACT, "suspect", PX_QTY_PEOPLE, NULL);
  expect_q(d, "One in five", 0.2, NO_MAX, PX_APPROX_EXACT, "fraction", PX_QTY_OTHER, NULL);
  expect_q(d, "45 degrees", 45, NO_MAX, PX_APPROX_EXACT, "degree", PX_QTY_OTHER, NULL);
  expect_q(d, "nearly 60 per cent", 60, NO_MAX, PX_APPROX_LESS_THAN, "percent", PX_QTY_OTHER, "the 1,700 dockers");
  expect_q(d, "1,700", 1700, NO_MAX, PX_APPROX_EXACT, "docker", PX_QTY_OTHER, NULL);
  assert_int_equal(count(d), 5);
  px_doc_free(d);
}

static void test_headline(void **state) {
  (void)state;
  px_doc *d = analyze("Twenty Buses Leave Port Calder As Talks Go On\n\nThe talks went on.");
  expect_q(d, "Twenty", 20, NO_MAX, PX_APPROX_EXACT, "Bus", PX_QTY_OBJECTS, NULL);
  px_doc_free(d);
}

/* ---- robustness -------------------------------------------------------- */

static char *repeat(const char *unit, size_t times) {
  size_t n = strlen(unit);
  char *s = malloc(n * times + 1);
  for (size_t i = 0; i < times; i++) memcpy(s + i * n, unit, n);
  s[n * times] = '\0';
  return s;
}

static void test_pathological(void **state) {
  (void)state;
  const char *units[] = {"1", "hundred ", "one ", "1,000 people ", "98% of the city ", "between 1 and 2 ",
                         "thousands of ", "more than ", "the number of fighters rose to 5 ", "-", "half the "};
  for (size_t k = 0; k < sizeof units / sizeof *units; k++) {
    char *s = repeat(units[k], 100000);
    clock_t t0 = clock();
    px_doc *d = analyze(s);
    assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 10.0);
    px_doc_free(d);
    free(s);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_counts),  cmocka_unit_test(test_vague_and_implied), cmocka_unit_test(test_approx),
      cmocka_unit_test(test_ranges),  cmocka_unit_test(test_shares),            cmocka_unit_test(test_units_and_money),
      cmocka_unit_test(test_one),     cmocka_unit_test(test_in_quote),          cmocka_unit_test(test_exclusions),
      cmocka_unit_test(test_more_rules), cmocka_unit_test(test_headline), cmocka_unit_test(test_pathological),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
