/* test_times.c - the times stage (TIMEX3): extents, types, values, mods,
 * resolution against an anchor and against the last date mentioned,
 * publication-date inference, exclusions, and pathological inputs.
 * Every sentence here was written for these tests (the places are invented). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "extract/extract.h"
#include "extract/times.h"
#include "parallax.h"

/* ---- helpers --------------------------------------------------------- */

/* One expected expression: its text (its first occurrence in the sentence), type, value, and
 * optionally mod, value_max and the anchor it was resolved against (T, TM, TR, TA below). */
typedef struct want {
  const char *expr, *type, *value, *mod, *vmax, *anchor;
} want;

static const px_time *find(const px_time *t, int n, const char *text, const char *expr) {
  const char *p = strstr(text, expr);
  if (!p) fail_msg("\"%s\" is not in the test sentence", expr);
  size_t s = (size_t)(p - text), e = s + strlen(expr);
  for (int k = 0; k < n; k++)
    if (t[k].start == s && t[k].end == e) return &t[k];
  return NULL;
}

static void print_all(const char *text, const px_time *t, int n) {
  for (int k = 0; k < n; k++)
    print_message("  found [%.*s] %s %s\n", (int)(t[k].end - t[k].start), text + t[k].start,
                  px_time_type_name(t[k].type), t[k].value);
}

/* Runs the recognizer on `text` against `anchor` and checks every wanted expression. */
static void expect(const char *text, const char *anchor, const want *w, size_t nw) {
  px_time *t;
  int n = px_find_times(text, strlen(text), anchor, &t);
  assert_true(n >= 0);
  for (size_t k = 0; k < nw; k++) {
    const px_time *f = find(t, n, text, w[k].expr);
    if (!f) {
      print_all(text, t, n);
      fail_msg("\"%s\" not found in: %s", w[k].expr, text);
    }
    if (strcmp(px_time_type_name(f->type), w[k].type) != 0 || strcmp(f->value, w[k].value) != 0) {
      print_all(text, t, n);
      fail_msg("\"%s\": got %s %s, want %s %s", w[k].expr, px_time_type_name(f->type), f->value, w[k].type,
               w[k].value);
    }
    const char *mod = px_time_mod_name(f->mod);
    if (w[k].mod ? !mod || strcmp(mod, w[k].mod) != 0 : mod != NULL)
      fail_msg("\"%s\": mod %s, want %s", w[k].expr, mod ? mod : "none", w[k].mod ? w[k].mod : "none");
    if (w[k].vmax ? !f->value_max || strcmp(f->value_max, w[k].vmax) != 0 : f->value_max != NULL)
      fail_msg("\"%s\": value_max %s", w[k].expr, f->value_max ? f->value_max : "none");
    if (w[k].anchor && (!f->anchor || strcmp(f->anchor, w[k].anchor) != 0))
      fail_msg("\"%s\": anchor %s, want %s", w[k].expr, f->anchor ? f->anchor : "none", w[k].anchor);
  }
  free(t);
}

#define T(e, ty, v) {e, ty, v, NULL, NULL, NULL}
#define TM(e, ty, v, mod) {e, ty, v, mod, NULL, NULL}
#define TR(e, ty, v, vmax) {e, ty, v, NULL, vmax, NULL}
#define TA(e, ty, v, anchor) {e, ty, v, NULL, NULL, anchor}

#define EXPECT(text, anchor, ...)                                                                                 \
  do {                                                                                                            \
    const want w_[] = {__VA_ARGS__};                                                                              \
    expect(text, anchor, w_, sizeof w_ / sizeof *w_);                                                             \
  } while (0)

/* Checks that no expression overlaps `word` (first occurrence) in `text`. */
static void expect_none(const char *text, const char *word) {
  px_time *t;
  int n = px_find_times(text, strlen(text), "2016-05-02", &t);
  assert_true(n >= 0);
  const char *p = strstr(text, word);
  assert_non_null(p);
  size_t s = (size_t)(p - text), e = s + strlen(word);
  for (int k = 0; k < n; k++)
    if (t[k].start < e && s < t[k].end) {
      print_all(text, t, n);
      fail_msg("\"%s\" should not be a time expression in: %s", word, text);
    }
  free(t);
}

/* ---- absolute dates ---------------------------------------------------- */

static void test_absolute(void **state) {
  (void)state;
  const char *a = "2016-12-14";
  EXPECT("The harbour of Port Calder closed on 23 June 2012 and reopened in June 2014.", a,
         T("23 June 2012", "DATE", "2012-06-23"), T("June 2014", "DATE", "2014-06"));
  EXPECT("Talks in Vestria resumed on Dec. 13, and by 2 December the ferries had stopped.", a,
         T("Dec. 13", "DATE", "2016-12-13"), T("2 December", "DATE", "2016-12-02"));
  EXPECT("The dockers struck in mid-November and again at the beginning of 2015.", a,
         TM("mid-November", "DATE", "2016-11", "MID"), TM("the beginning of 2015", "DATE", "2015", "START"));
  EXPECT("By the second week in December the strikers had won; the first week of August 2016 was calm.", a,
         T("the second week in December", "DATE", "2016-W49"), T("the first week of August 2016", "DATE", "2016-W31"));
  EXPECT("In the last week of November the cranes stood still until the end of September 2016.", a,
         T("the last week of November", "DATE", "2016-W47"),
         TM("the end of September 2016", "DATE", "2016-09", "END"));
  EXPECT("The council met on January 12, 2016, and again on 2016-03-04 and 05/17/2016.", a,
         T("January 12, 2016", "DATE", "2016-01-12"), T("2016-03-04", "DATE", "2016-03-04"),
         T("05/17/2016", "DATE", "2016-05-17"));
  EXPECT("The ledger is dated 13.5.2015; the port grew in the 1990s and was founded in 1921.", a,
         T("13.5.2015", "DATE", "2015-05-13"), T("the 1990s", "DATE", "199"), T("1921", "DATE", "1921"));
  EXPECT("On the morning of 23 November the mayor of Port Calder resigned.", a,
         T("the morning of 23 November", "DATE", "2016-11-23TMO"));
  EXPECT("The union, formed in September this year, met Tuesday, 13 December.", a,
         T("September this year", "DATE", "2016-09"), T("Tuesday, 13 December", "DATE", "2016-12-13"));
  EXPECT("Fares rose in the first half of 2016 and in the summer of 2015.", a,
         T("the first half of 2016", "DATE", "2016-H1"), T("the summer of 2015", "DATE", "2015-SU"));
  EXPECT("The treaty of Calder was signed on September the twenty-first nineteen seventy eight.", a,
         T("September the twenty-first nineteen seventy eight", "DATE", "1978-09-21"));
  EXPECT("The port shuts on Christmas Eve and after New Year's Day; Easter comes late.", a,
         T("Christmas Eve", "DATE", "2016-12-24"), T("New Year's Day", "DATE", "2017-01-01"),
         T("Easter", "DATE", "2017-04-16"));
  EXPECT("The 20th century built the docks; the log says 15-May-11.", a, T("The 20th century", "DATE", "19"),
         T("15-May-11", "DATE", "2011-05-15"));
  EXPECT("The ship left at 5 p.m. Sunday and the pilot boarded at 10:30.", a,
         T("5 p.m. Sunday", "TIME", "2016-12-11T17:00"), T("10:30", "TIME", "2016-12-11T10:30"));
}

/* ---- relative to the publication date ----------------------------------- */

static void test_relative(void **state) {
  (void)state;
  const char *a = "2016-11-28"; /* a Monday */
  EXPECT("The dockers said on Monday that they had won.", a, T("Monday", "DATE", "2016-11-28"));
  EXPECT("The harbour board will vote on Friday.", a, T("Friday", "DATE", "2016-12-02"));
  EXPECT("The ferry sank on Saturday.", a, T("Saturday", "DATE", "2016-11-26"));
  EXPECT("Last night people slept in the streets of Port Calder.", a,
         TA("Last night", "DATE", "2016-11-27TNI", "2016-11-28"));
  EXPECT("This year the port lost money, and in September the cranes were sold.", a,
         T("This year", "DATE", "2016"), T("September", "DATE", "2016-09"));
  EXPECT("Nobody expected this a month ago, the mayor said yesterday.", a, T("a month ago", "DATE", "2016-10"),
         T("yesterday", "DATE", "2016-11-27"));
  EXPECT("The strikers occupied the quay over the weekend.", a, T("the weekend", "DATE", "2016-W47-WE"));
  EXPECT("Weeks ago they agreed; in recent days the talks failed.", a, T("Weeks ago", "DATE", "PAST_REF"),
         T("recent days", "DATE", "PAST_REF"));
  EXPECT("The minister said today that the port would reopen.", a, T("today", "DATE", "2016-11-28"));
  EXPECT("Port Calder is struggling in today's climate, and its future remains open until today.", a,
         T("today", "DATE", "PRESENT_REF"));
  EXPECT("Last Sunday the pier burned; last week the ferry sank; next month a new one arrives.", a,
         T("Last Sunday", "DATE", "2016-11-27"), T("last week", "DATE", "2016-W47"),
         T("next month", "DATE", "2016-12"));
  EXPECT("This past weekend the fair opened in Port Calder.", a, T("This past weekend", "DATE", "2016-W47-WE"));
  EXPECT("Two and a half years ago the port was busy.", a, T("Two and a half years ago", "DATE", "2014-05"));
  EXPECT("Talks collapsed late last year and resumed earlier this month.", a,
         TM("late last year", "DATE", "2015", "END"), T("earlier this month", "DATE", "2016-11"));
}

/* A December date read in January belongs to the previous year, and so on. */
static void test_year_boundary(void **state) {
  (void)state;
  const char *a = "2017-01-05"; /* a Thursday in ISO week 2017-W01 */
  EXPECT("The ferry was sold on 28 December.", a, T("28 December", "DATE", "2016-12-28"));
  EXPECT("The ferry will sail on 3 February.", a, T("3 February", "DATE", "2017-02-03"));
  EXPECT("The strike began in December.", a, T("December", "DATE", "2016-12"));
  EXPECT("The dockers walked out on Friday.", a, T("Friday", "DATE", "2016-12-30"));
  EXPECT("Last week the port was closed; last month it lost money; this year it may recover.", a,
         T("Last week", "DATE", "2016-W52"), T("last month", "DATE", "2016-12"), T("this year", "DATE", "2017"));
}

/* "a week later" and "the next morning" resolve against the last date the text mentioned. */
static void test_event_relative(void **state) {
  (void)state;
  const char *a = "2016-04-20";
  EXPECT("By 7 March the navy held the coast, and a week later it held the islands.", a,
         T("7 March", "DATE", "2016-03-07"), TA("a week later", "DATE", "2016-03-14", "2016-03-07"));
  EXPECT("The ceasefire ended on Dec. 13, 2015. The convoy was to leave by the next morning.", a,
         TA("the next morning", "DATE", "2015-12-14TMO", "2015-12-13"));
  EXPECT("The pier reopened on 2 April. Two days earlier the mayor had resigned; the following day he left.", a,
         TA("Two days earlier", "DATE", "2016-03-31", "2016-04-02"),
         TA("the following day", "DATE", "2016-04-01", "2016-03-31"));
  EXPECT("The harbour closed on 2 December 2015 and the plan was dropped days later.", a,
         T("days later", "DATE", "PAST_REF"));
  EXPECT("With no date before it, the next day is the day after publication.", a,
         T("the next day", "DATE", "2016-04-21"));
}

/* ---- durations and sets ------------------------------------------------- */

static void test_durations(void **state) {
  (void)state;
  const char *a = "2016-12-14";
  EXPECT("After five years of war and a 24-hour pause, the two and a half years of siege ended.", a,
         T("five years", "DURATION", "P5Y"), T("24-hour", "DURATION", "PT24H"),
         T("two and a half years", "DURATION", "P2Y6M"));
  EXPECT("In the last 24 hours and within the next few days, after several more months of talks.", a,
         T("the last 24 hours", "DURATION", "PT24H"), T("the next few days", "DURATION", "PXD"),
         T("several more months", "DURATION", "PXM"));
  EXPECT("Over 24 months the five-year plan and a month-long strike lasted for over a year.", a,
         T("24 months", "DURATION", "P24M"), T("five-year", "DURATION", "P5Y"), T("month-long", "DURATION", "P1M"),
         TM("over a year", "DURATION", "P1Y", "MORE_THAN"));
  EXPECT("The fighters will leave in the next two or three days, the last two days were calm.", a,
         TR("the next two or three days", "DURATION", "P2D", "P3D"),
         T("the last two days", "DURATION", "P2D"));
  EXPECT("The crossing takes an hour and a half, about three weeks by road, and ten minutes by air.", a,
         T("an hour and a half", "DURATION", "PT1H30M"), TM("about three weeks", "DURATION", "P3W", "APPROX"),
         T("ten minutes", "DURATION", "PT10M"));
  EXPECT("Months of siege will take years to repair, after days of clashes.", a,
         T("Months", "DURATION", "PXM"), T("years", "DURATION", "PXY"), T("days", "DURATION", "PXD"));
}

static void test_sets(void **state) {
  (void)state;
  const char *a = "2016-12-14";
  EXPECT("The preacher gave a weekly sermon and the paper appeared daily.", a, T("weekly", "SET", "P1W"),
         T("daily", "SET", "P1D"));
  EXPECT("Thousands read it every day; support us for as little as £5 a month.", a, T("every day", "SET", "P1D"),
         T("a month", "SET", "P1M"));
  EXPECT("The ferry sails every two weeks and the council meets on Mondays.", a,
         T("every two weeks", "SET", "P2W"), T("Mondays", "SET", "XXXX-WXX-1"));
}

/* Forms of business and wire news. */
static void test_business(void **state) {
  (void)state;
  const char *a = "1999-10-27"; /* a Wednesday */
  EXPECT("Calder Shipping said Tuesday that third-quarter profit fell and it expects the fourth quarter to recover.",
         a, T("Tuesday", "DATE", "1999-10-26"), T("third-quarter", "DATE", "1999-Q3"),
         T("the fourth quarter", "DATE", "1999-Q4"));
  EXPECT("Sales in fiscal 1998 rose, and by year-end the second half should be stronger.", a,
         T("fiscal 1998", "DATE", "FY1998"), TM("year-end", "DATE", "1999", "END"),
         T("the second half", "DATE", "1999-H2"));
  EXPECT("Earlier in the year, the board met at 10.30am and again at 2030 GMT on Monday.", a,
         T("the year", "DATE", "1999"), T("10.30am", "TIME", "1999-10-27T10:30"),
         T("2030 GMT on Monday", "TIME", "1999-10-25T20:30"));
  EXPECT("Exports fell 2% in September from a year earlier, and the firm earns $3 million a day.", a,
         TA("a year earlier", "DATE", "1998-09", "1999-09"), T("a day", "SET", "P1D"));
  EXPECT("Over 24 months the yard grew; the strike, meant to last 72 hours, lasted over a week.", a,
         T("24 months", "DURATION", "P24M"), T("72 hours", "DURATION", "PT72H"),
         TM("over a week", "DURATION", "P1W", "MORE_THAN"));
}

/* ---- what is not a time expression -------------------------------------- */

static void test_exclusions(void **state) {
  (void)state;
  expect_none("The port is now closed.", "now");
  expect_none("The port is currently closed.", "currently");
  expect_none("The port was recently closed.", "recently");
  expect_none("At the time, nobody in Port Calder knew.", "time");
  expect_none("Cranes worked round the clock.", "clock");
  expect_none("An eleventh-hour deal saved the port.", "eleventh-hour");
  expect_none("At the time of writing the port remains closed.", "writing");
  expect_none("Every time they tried to leave, the gates shut.", "Every time");
  expect_none("More than 2,000 people marched.", "2,000");
  expect_none("They gathered near the 1070 Towers.", "1070");
  expect_none("Fighting around the 1970 Apartments went on.", "1970");
  expect_none("The file No. 1999 was lost.", "1999");
  expect_none("Around 2000 soldiers were deployed.", "2000");
  expect_none("The president may visit the port.", "may");
  expect_none("The score was 3-1 and three-quarters of them left.", "3-1");
  expect_none("For the first time, the fall of the city seemed near.", "fall");
  expect_none("A 65th brigade arrived; he finished second.", "second");
  expect_none("The Vestrian daily Gazetta reported it.", "daily");
}

/* ---- publication date inference (px_doc_analyze) ------------------------ */

static px_doc *analyzed(const char *text, const char *published) {
  px_doc *d = px_doc_new(text, strlen(text));
  assert_non_null(d);
  if (published) assert_int_equal(px_doc_set_meta(d, PX_META_PUBLISHED, published), PX_OK);
  assert_int_equal(px_doc_analyze(d, NULL), PX_OK);
  return d;
}

static const px_time *doc_time(const px_doc *d, const char *expr) {
  size_t n, len;
  const px_time *t = px_doc_times(d, &n);
  const char *text = px_doc_text(d, &len);
  const char *p = strstr(text, expr);
  assert_non_null(p);
  for (size_t k = 0; k < n; k++)
    if (t[k].start == (size_t)(p - text) && t[k].end == (size_t)(p - text) + strlen(expr)) return &t[k];
  fail_msg("\"%s\" not found", expr);
  return NULL;
}

static void test_inference(void **state) {
  (void)state;
  /* Support: explicit dates; a future date does not count; relative values follow the guess. */
  px_doc *d = analyzed("Port Calder news\n\nThe dockers struck on 12 April 2015. On 3 May 2015 the port closed. "
                       "The council will vote on 9 May 2015. Yesterday the mayor resigned.",
                       NULL);
  const char *ev = NULL, *inf = px_doc_published_inferred(d, &ev);
  assert_non_null(inf);
  assert_string_equal(inf, "2015-05-03");
  assert_non_null(ev);
  assert_non_null(strstr(ev, "3 May 2015"));
  assert_string_equal(doc_time(d, "Yesterday")->value, "2015-05-02");
  px_doc_free(d);

  /* "at the time of writing" beats a later date; a day-month takes the text's year. */
  d = analyzed("Vestria report\n\nThe strike began on 2 March 2014. On 20 March, at the time of writing, the "
               "quays are still empty. A ruling is due on 28 March.",
               NULL);
  inf = px_doc_published_inferred(d, &ev);
  assert_non_null(inf);
  assert_string_equal(inf, "2014-03-20");
  assert_non_null(strstr(ev, "writing"));
  px_doc_free(d);

  /* A later day the text reports as past, counted from an explicit date. */
  d = analyzed("Vestria report\n\nBy 7 March 2014 the rebels held the coast, and a week later the navy "
               "announced its withdrawal.",
               NULL);
  inf = px_doc_published_inferred(d, &ev);
  assert_non_null(inf);
  assert_string_equal(inf, "2014-03-14");
  px_doc_free(d);

  /* No support: nothing inferred, values stay unresolved. */
  d = analyzed("Port Calder news\n\nOn Monday the council met. On 13 December it voted, and last night it "
               "adjourned for a week.",
               NULL);
  assert_null(px_doc_published_inferred(d, NULL));
  assert_string_equal(doc_time(d, "Monday")->value, "XXXX-WXX-1");
  assert_string_equal(doc_time(d, "13 December")->value, "XXXX-12-13");
  assert_string_equal(doc_time(d, "last night")->value, "XXXX-XX-XXTNI");
  assert_string_equal(doc_time(d, "a week")->value, "P1W");
  px_doc_free(d);

  /* A given date wins, and nothing is inferred. */
  d = analyzed("Port Calder news\n\nOn 12 April 2015 the dockers struck, the mayor said on Monday.", "2015-04-20");
  assert_null(px_doc_published_inferred(d, NULL));
  const px_time *t = doc_time(d, "Monday");
  assert_string_equal(t->value, "2015-04-20");
  assert_string_equal(t->anchor, "2015-04-20");
  px_doc_free(d);
}

/* Sentence index and quotation marks come from the document layers. */
static void test_doc_fields(void **state) {
  (void)state;
  px_doc *d = analyzed("Port Calder news\n\nThe port closed in 2014. \"We will reopen on Friday,\" the mayor said.",
                       "2016-05-02");
  const px_time *a = doc_time(d, "2014"), *b = doc_time(d, "Friday");
  assert_false(a->in_quote);
  assert_true(b->in_quote);
  assert_true(b->sentence > a->sentence);
  assert_string_equal(b->value, "2016-05-06");
  px_doc_free(d);
}

/* Expressions inside a name the entities stage found are skipped. */
static void test_names(void **state) {
  (void)state;
  const char *text = "They met at the May Day Hall on 3 May 2015.";
  px_doc *d = px_doc_new(text, strlen(text));
  assert_int_equal(px_doc_segment(d, PX_SEGMENT_TOKENS), PX_OK);
  const char *name = strstr(text, "May Day Hall");
  px_mention mn = {.start = (size_t)(name - text), .end = (size_t)(name - text) + 12, .entity = 0,
                   .kind = PX_MENTION_NAME, .head_start = 0, .head_end = 0};
  assert_true(px_doc_push_mention(d, &mn) >= 0);
  px_xctx x = {.doc = d};
  x.text = px_doc_text(d, &x.len);
  x.sent = px_doc_layer(d, PX_LAYER_SENTENCES, &x.n_sent);
  x.tok = px_doc_layer(d, PX_LAYER_TOKENS, &x.n_tok);
  assert_int_equal(px_x_times(&x), PX_OK);
  size_t n;
  const px_time *t = px_doc_times(d, &n);
  assert_int_equal(n, 1);
  assert_string_equal(t[0].value, "2015-05-03");
  px_doc_free(d);
}

/* ---- the raw recognizer, tables, robustness ----------------------------- */

static void test_find_times_api(void **state) {
  (void)state;
  px_time *t = (px_time *)(void *)1;
  assert_int_equal(px_find_times("", 0, NULL, &t), 0);
  assert_non_null(t);
  free(t);
  assert_int_equal(px_find_times(NULL, 5, NULL, &t), PX_EARG);
  assert_int_equal(px_find_times("x", 1, NULL, NULL), PX_EARG);
  assert_true(px_tx_table_ok());
  /* calendar arithmetic */
  assert_int_equal(px_tx_days(1970, 1, 1), 0);
  tx_date c = px_tx_civil(px_tx_days(2016, 2, 29) + 1);
  assert_int_equal(c.m, 3);
  assert_int_equal(c.d, 1);
  int y, w;
  px_tx_iso_week(px_tx_days(2017, 1, 1), &y, &w);
  assert_int_equal(y, 2016);
  assert_int_equal(w, 52);
  assert_int_equal(px_tx_weekday(px_tx_days(2016, 12, 14)), 3);
}

static void test_pathological(void **state) {
  (void)state;
  const size_t n = 100000;
  const char *pieces[] = {"June ", "1", "five-", "the last ", "on Monday ", "23 June 2012 ", "- ", "2016-"};
  for (size_t p = 0; p < sizeof pieces / sizeof *pieces; p++) {
    size_t pl = strlen(pieces[p]);
    char *s = malloc(n * pl + 1);
    assert_non_null(s);
    for (size_t k = 0; k < n; k++) memcpy(s + k * pl, pieces[p], pl);
    s[n * pl] = '\0';
    clock_t t0 = clock();
    px_time *t;
    int got = px_find_times(s, n * pl, "2016-12-14", &t);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_true(got >= 0);
    assert_true(secs < 20); /* linear: well under a second without sanitizers */
    for (int k = 0; k < got; k++) assert_true(t[k].start < t[k].end && t[k].end <= n * pl);
    free(t);
    free(s);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_absolute),       cmocka_unit_test(test_relative),
      cmocka_unit_test(test_year_boundary),  cmocka_unit_test(test_event_relative),
      cmocka_unit_test(test_durations),      cmocka_unit_test(test_sets),
      cmocka_unit_test(test_business),       cmocka_unit_test(test_exclusions),
      cmocka_unit_test(test_inference),
      cmocka_unit_test(test_doc_fields),     cmocka_unit_test(test_names),
      cmocka_unit_test(test_find_times_api), cmocka_unit_test(test_pathological),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
