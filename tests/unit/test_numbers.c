/* test_numbers.c - px_find_numbers() (the number recognizer) and the number
 * ranges of quantities_approx.c. Every sentence here was written for these tests. */
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

#include "extract/numbers.h"
#include "extract/quantities_approx.h"
#include "parallax.h"

/* ---- helpers --------------------------------------------------------- */

static bool near(double a, double b) { return fabs(a - b) <= 1e-9 * fmax(1.0, fabs(b)); }

/* Finds the numbers of `text` and compares them, in order, with the
 * (text, value) pairs that follow, ended by NULL. Ordinals and digits glued
 * to letters are left out unless `all`. */
static void expect_v(bool all, const char *text, va_list ap) {
  px_number *v = NULL;
  int n = px_find_numbers(text, strlen(text), &v);
  assert_true(n >= 0);
  int k = 0;
  for (;;) {
    const char *want = va_arg(ap, const char *);
    if (!want) break;
    double value = va_arg(ap, double);
    while (k < n && !all && (v[k].flags & (PX_NUM_ORDINAL | PX_NUM_ATTACHED))) k++;
    if (k >= n) fail_msg("\"%s\": missing \"%s\"", text, want);
    size_t len = v[k].end - v[k].start;
    if (strlen(want) != len || memcmp(text + v[k].start, want, len) != 0)
      fail_msg("\"%s\": got \"%.*s\", expected \"%s\"", text, (int)len, text + v[k].start, want);
    if (!near(v[k].value, value)) fail_msg("\"%s\": \"%s\" = %.10g, expected %.10g", text, want, v[k].value, value);
    k++;
  }
  while (k < n && !all && (v[k].flags & (PX_NUM_ORDINAL | PX_NUM_ATTACHED))) k++;
  if (k < n) fail_msg("\"%s\": unexpected \"%.*s\"", text, (int)(v[k].end - v[k].start), text + v[k].start);
  free(v);
}

static void expect(const char *text, ...) {
  va_list ap;
  va_start(ap, text);
  expect_v(false, text, ap);
  va_end(ap);
}

/* The flags of the only number found in `text`. */
static unsigned flags_of(const char *text) {
  px_number *v = NULL;
  int n = px_find_numbers(text, strlen(text), &v);
  if (n != 1) fail_msg("\"%s\": %d numbers", text, n);
  unsigned f = v[0].flags;
  free(v);
  return f;
}

/* ---- digits ----------------------------------------------------------- */

static void test_digits(void **state) {
  (void)state;
  expect("The port handled 1,324 crates and 3.5 tonnes.", "1,324", 1324.0, "3.5", 3.5, NULL);
  expect("Rates fell by .08 points to -9.2 overnight.", ".08", 0.08, "-9.2", -9.2, NULL);
  expect("Some 1 234 567 litres, or 40\xC2\xA0" "000 barrels, or 12\xE2\x80\xAF" "500 more.", "1 234 567", 1234567.0,
         "40\xC2\xA0" "000", 40000.0, "12\xE2\x80\xAF" "500", 12500.0, NULL);
  expect("Exponents: 1e10 and 2.5e-3 and 1.3x10^6.", "1e10", 1e10, "2.5e-3", 0.0025, "1.3x10^6", 1.3e6, NULL);
  expect("The ferry sold 10k tickets, 2.33 k meals and 10M views.", "10k", 1e4, "2.33 k", 2330.0, "10M", 1e7, NULL);
  expect("It cost 1.2b in total and 2 million in fees, or 1,674.5 million.", "1.2b", 1.2e9, "2 million", 2e6,
         "1,674.5 million", 1674.5e6, NULL);
  expect("Nine ships and 4.800 units", "Nine", 9.0, "4.800", 4.8, NULL);
  expect("The lists 22,24,26 differ from 22,240,260.", "22", 22.0, "24", 24.0, "26", 26.0, "22,240,260", 22240260.0,
         NULL);
  expect("Digits in R2P, G20 or someone are no numbers.", NULL);
}

static void test_money_and_percent(void **state) {
  (void)state;
  expect("Donors gave $20, \xC2\xA3" "5 and \xE2\x82\xAC" "3 million.", "20", 20.0, "5", 5.0, "3 million", 3e6, NULL);
  expect("A target of US$ 1MM and $1.2bn and $5m.", "1MM", 1e6, "1.2bn", 1.2e9, "5m", 5e6, NULL);
  expect("Turnout was 98%, then 40 percent, 40 per cent and forty percent.", "98%", 98.0, "40 percent", 40.0,
         "40 per cent", 40.0, "forty percent", 40.0, NULL);
  assert_true(flags_of("a rise of 3 percentage points") & PX_NUM_POINTS);
  assert_true(flags_of("about 40 per cent") & PX_NUM_PERCENT);
  assert_true(flags_of("a share of %40") & PX_NUM_PERCENT);
}

/* ---- words ------------------------------------------------------------ */

static void test_words(void **state) {
  (void)state;
  expect("twenty-one boats and one hundred and three nets", "twenty-one", 21.0, "one hundred and three", 103.0, NULL);
  expect("Three hundred and thirty one gulls", "Three hundred and thirty one", 331.0, NULL);
  expect("two thousand and five hundred crates and a million hopes", "two thousand and five hundred", 2500.0,
         "a million", 1e6, NULL);
  expect("a dozen eggs, half a dozen pies and three dozens of rolls", "a dozen", 12.0, "half a dozen", 6.0,
         "three dozens", 36.0, NULL);
  expect("nought, zero and minus five point five", "nought", 0.0, "zero", 0.0, "minus five point five", -5.5, NULL);
  expect("3 hundred and 21 sacks, then 4 thousand 3 hundred", "3 hundred and 21", 321.0, "4 thousand 3 hundred",
         4300.0, NULL);
  expect("one two three", "one", 1.0, "two", 2.0, "three", 3.0, NULL);
  expect("five and a half million and two million and a half", "five and a half million", 5.5e6,
         "two million and a half", 2.5e6, NULL);
}

static void test_fractions(void **state) {
  (void)state;
  expect("two thirds of the quay and a third of the nets", "two thirds", 2.0 / 3, "a third", 1.0 / 3, NULL);
  expect("one and a half tons, a quarter, five eighths", "one and a half", 1.5, "a quarter", 0.25, "five eighths",
         0.625, NULL);
  expect("one over three, one out of three, one in five", "one over three", 1.0 / 3, "one out of three", 1.0 / 3,
         "one in five", 0.2, NULL);
  expect("3/4 of them and 2 1/4 miles and -4/5", "3/4", 0.75, "2 1/4", 2.25, "-4/5", -0.8, NULL);
  expect("\xC2\xBE of the load and \xC2\xBD a loaf", "\xC2\xBE", 0.75, "\xC2\xBD", 0.5, NULL);
  expect("more than half the harbour", "half", 0.5, NULL);
  expect("two-thirds and one-eighth", "two-thirds", 2.0 / 3, "one-eighth", 0.125, NULL);
}

static void test_vague(void **state) {
  (void)state;
  expect("Dozens came, then hundreds, then thousands.", "Dozens", 24.0, "hundreds", 200.0, "thousands", 2000.0,
         NULL);
  expect("tens of thousands and hundreds of thousands and millions", "tens of thousands", 20000.0,
         "hundreds of thousands", 200000.0, "millions", 2e6, NULL);
  assert_true(flags_of("Dozens of gulls") & PX_NUM_VAGUE);
  assert_false(flags_of("three dozens") & PX_NUM_VAGUE);
}

/* ---- what is not a number, and flags ---------------------------------- */

static void test_not_numbers(void **state) {
  (void)state;
  expect("The one you mentioned is gone. Which one? That one is fine.", NULL);
  expect("A previous version, a next step, an hour.", NULL);
  expect("the old quarter and a second look", NULL);
  expect("Visit https://example.org/2016/12/13/report-30%25 today.", NULL);
  assert_true(flags_of("the 13th day") & PX_NUM_ORDINAL);
  assert_true(flags_of("the third day") & PX_NUM_ORDINAL);
  assert_true(flags_of("the twenty-first century") & PX_NUM_ORDINAL);
  assert_true(flags_of("a 29km road") & PX_NUM_ATTACHED);
  assert_true(flags_of("a five-year plan") & PX_NUM_COMPOUND);
  assert_true(flags_of("a 24-hour pause") & PX_NUM_COMPOUND);
  px_number *v = NULL;
  const char *chains = "on 2016-12-13 and 192.168.1.2 at 10:30 or 5/17/2018";
  int n = px_find_numbers(chains, strlen(chains), &v);
  assert_int_equal(n, 12);
  for (int k = 0; k < n; k++) assert_true(v[k].flags & PX_NUM_CHAINED);
  free(v);
  expect("A A A", NULL);
}

static void test_ranges_in_digits(void **state) {
  (void)state;
  px_number *v = NULL;
  const char *t = "between 10-15 boats, 5k-20k fish, 2014-15 season";
  int n = px_find_numbers(t, strlen(t), &v);
  assert_int_equal(n, 4);
  assert_true(v[0].flags & PX_NUM_RANGE);
  assert_true(near(v[0].value, 10) && near(v[0].value_max, 15));
  assert_true(v[1].flags & PX_NUM_RANGE);
  assert_true(near(v[1].value, 5000) && near(v[1].value_max, 20000));
  assert_true(v[2].flags & PX_NUM_CHAINED);
  assert_true(isnan(v[3].value_max));
  free(v);
}

/* The interval px_x_number_ranges() gives for the only range in `text`. */
static void expect_range(const char *text, const char *span, double lo, double hi, bool lo_open, bool hi_open) {
  px_number *v = NULL;
  int n = px_find_numbers(text, strlen(text), &v);
  assert_true(n >= 0);
  px_numrange *r = NULL;
  int m = px_x_number_ranges(text, strlen(text), v, (size_t)n, &r);
  if (m != 1) fail_msg("\"%s\": %d ranges", text, m);
  size_t len = r[0].end - r[0].start;
  if (strlen(span) != len || memcmp(text + r[0].start, span, len) != 0)
    fail_msg("\"%s\": got \"%.*s\"", text, (int)len, text + r[0].start);
  assert_true(isinf(lo) ? isinf(r[0].lo) : near(r[0].lo, lo));
  assert_true(isinf(hi) ? isinf(r[0].hi) : near(r[0].hi, hi));
  if (!isinf(lo)) assert_int_equal(r[0].lo_open, lo_open);
  if (!isinf(hi)) assert_int_equal(r[0].hi_open, hi_open);
  free(r);
  free(v);
}

static void test_number_ranges(void **state) {
  (void)state;
  expect_range("It holds between 20 and 30 boats.", "between 20 and 30", 20, 30, false, true);
  expect_range("It holds more than 40 boats.", "more than 40", 40, INFINITY, true, true);
  expect_range("It holds up to 700 boats.", "up to 700", -INFINITY, 700, true, false);
  expect_range("It holds 500 or more boats.", "500 or more", 500, INFINITY, false, true);
  expect_range("It holds at least 12 boats.", "at least 12", 12, INFINITY, false, true);
  expect_range("It holds more than 10 and less than 40 boats.", "more than 10 and less than 40", 10, 40, true, true);
  expect_range("It holds from two to three thousand boats.", "from two to three thousand", 2000, 3000, false, true);
  expect_range("x>10", ">10", 10, INFINITY, true, true);
  expect_range("Gulls took control over 98% of it and nearly 40 more.", "nearly 40", -INFINITY, 40, true, true);
}

/* ---- robustness ------------------------------------------------------- */

static char *repeat(const char *unit, size_t times) {
  size_t n = strlen(unit);
  char *s = malloc(n * times + 1);
  for (size_t i = 0; i < times; i++) memcpy(s + i * n, unit, n);
  s[n * times] = '\0';
  return s;
}

static void run_fast(const char *s) {
  clock_t t0 = clock();
  px_number *v = NULL;
  int n = px_find_numbers(s, strlen(s), &v);
  assert_true(n >= 0);
  px_numrange *r = NULL;
  int m = px_x_number_ranges(s, strlen(s), v, (size_t)n, &r);
  assert_true(m >= 0);
  free(r);
  free(v);
  assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 2.0);
}

static void test_pathological(void **state) {
  (void)state;
  const char *units[] = {"1", "hundred ", "one ", "1,", "1 ", "-", "a ", "tens of ", "and ", "1/", "1-", "1.",
                         "dozens ", "half a ", "twenty-", "\xC2\xA0" "1", "percent of ", "one and a half ", "9e", "%",
                         "999,", "999 ", "1e9999 ", ".5", "\xC2\xBD"};
  for (size_t k = 0; k < sizeof units / sizeof *units; k++) {
    char *s = repeat(units[k], 100000);
    run_fast(s);
    free(s);
  }
  assert_int_equal(px_find_numbers("", 0, &(px_number *){NULL}), 0);
  assert_int_equal(px_find_numbers(NULL, 5, &(px_number *){NULL}), 0);
  assert_int_equal(px_find_numbers("x", 1, NULL), PX_EARG);
}

static void test_lexicon(void **state) {
  (void)state;
  assert_true(px_nw_selfcheck());
  assert_non_null(px_nw_lookup("Seventeenths", 12));
  assert_null(px_nw_lookup("someone", 7));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_digits),         cmocka_unit_test(test_money_and_percent),
      cmocka_unit_test(test_words),          cmocka_unit_test(test_fractions),
      cmocka_unit_test(test_vague),          cmocka_unit_test(test_not_numbers),
      cmocka_unit_test(test_ranges_in_digits), cmocka_unit_test(test_number_ranges),
      cmocka_unit_test(test_pathological),   cmocka_unit_test(test_lexicon),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
