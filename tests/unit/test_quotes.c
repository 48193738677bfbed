/* test_quotes.c - the quotes stage: direct, partial and reported speech and
 * their speakers. Every sentence here was written for these tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parallax.h"

/* ---- helpers --------------------------------------------------------- */

/* The mention layer stays consistent after the stage adds speakers to it:
 * ordered by start, each entity's first mention and count right, group
 * mentions only for group labels (entities with a head). */
static void check_mentions(const px_doc *d) {
  size_t ne, nm;
  const px_entity *e = px_doc_entities(d, &ne);
  const px_mention *m = px_doc_mentions(d, &nm);
  size_t *count = calloc(ne ? ne : 1, sizeof *count);
  assert_non_null(count);
  for (size_t i = 0; i < nm; i++) {
    if (i) assert_true(m[i - 1].start <= m[i].start);
    assert_true(m[i].entity >= 0 && (size_t)m[i].entity < ne);
    if (count[m[i].entity]++ == 0) assert_int_equal(e[m[i].entity].first_mention, i);
    if (m[i].kind == PX_MENTION_GROUP) assert_non_null(e[m[i].entity].head);
  }
  for (size_t k = 0; k < ne; k++) assert_int_equal(e[k].mention_count, count[k]);
  free(count);
}

static px_doc *run(const char *text) {
  px_doc *d = px_doc_new(text, strlen(text));
  assert_non_null(d);
  assert_int_equal(px_doc_analyze(d, NULL), PX_OK);
  check_mentions(d);
  return d;
}

static bool span_is(const px_doc *d, size_t start, size_t end, const char *want) {
  size_t len;
  const char *t = px_doc_text(d, &len);
  return end >= start && end - start == strlen(want) && memcmp(t + start, want, end - start) == 0;
}

/* The quote (of any kind) whose words are exactly `words`, or NULL. */
static const px_quote *find(const px_doc *d, const char *words) {
  size_t n;
  const px_quote *q = px_doc_quotes(d, &n);
  for (size_t i = 0; i < n; i++)
    if (span_is(d, q[i].start, q[i].end, words)) return &q[i];
  return NULL;
}

static const char *speaker_name(const px_doc *d, const px_quote *q) {
  size_t n;
  const px_entity *e = px_doc_entities(d, &n);
  return q->speaker >= 0 && (size_t)q->speaker < n ? e[q->speaker].name : NULL;
}

/* Checks one quote: kind, speaker's name, how the text names it, verb lemma (NULL: none). */
static void expect(const px_doc *d, const char *words, px_quote_kind kind, const char *name, const char *mention,
                   const char *verb) {
  const px_quote *q = find(d, words);
  if (!q) fail_msg("no quote [%s]", words);
  assert_int_equal(q->kind, kind);
  const char *got = speaker_name(d, q);
  if (!got || strcmp(got, name) != 0) fail_msg("[%s]: speaker %s, want %s", words, got ? got : "(none)", name);
  if (mention && !span_is(d, q->speaker_start, q->speaker_end, mention)) {
    size_t len;
    const char *t = px_doc_text(d, &len);
    fail_msg("[%s]: speaker mention [%.*s], want [%s]", words, (int)(q->speaker_end - q->speaker_start),
             t + q->speaker_start, mention);
  }
  if (verb) assert_string_equal(q->verb, verb);
  else assert_null(q->verb);
}

static size_t count_kind(const px_doc *d, px_quote_kind kind) {
  size_t n, c = 0;
  const px_quote *q = px_doc_quotes(d, &n);
  for (size_t i = 0; i < n; i++) c += q[i].kind == kind;
  return c;
}

/* ---- attribution patterns -------------------------------------------- */

static void test_after(void **state) {
  (void)state;
  px_doc *d = run("\"We will rebuild the harbour,\" Mayor Lena Ostrova said on Monday.\n\n"
                  "\"The talks have failed,\" said Piet Rasmussen, a spokesman for the dockworkers.\n\n"
                  "\"Nobody told us anything,\" a crane driver from the north quay told the Calder Courier.\n");
  expect(d, "We will rebuild the harbour,", PX_QUOTE_DIRECT, "Lena Ostrova", "Mayor Lena Ostrova", "say");
  expect(d, "The talks have failed,", PX_QUOTE_DIRECT, "Piet Rasmussen",
         "Piet Rasmussen, a spokesman for the dockworkers", "say");
  expect(d, "Nobody told us anything,", PX_QUOTE_DIRECT, "crane driver", "a crane driver from the north quay",
         "tell");
  assert_int_equal(count_kind(d, PX_QUOTE_REPORTED), 0); /* "Q," X said reports nothing more */
  px_doc_free(d);
}

static void test_before(void **state) {
  (void)state;
  px_doc *d = run("The harbour master said: \"No ship will leave before Friday.\"\n\n"
                  "Ostrova told the Calder Courier: \"We have no money left.\"\n\n"
                  "In the words of Governor Anton Weiss, \"the port is the heart of the province.\"\n\n"
                  "Our late founder Mira Quell (who built the first crane) said:\"Work is prayer.\"\n");
  expect(d, "No ship will leave before Friday.", PX_QUOTE_DIRECT, "harbour master", "The harbour master", "say");
  expect(d, "We have no money left.", PX_QUOTE_DIRECT, "Ostrova", "Ostrova", "tell");
  expect(d, "the port is the heart of the province.", PX_QUOTE_PARTIAL, "Anton Weiss", "Governor Anton Weiss",
         "in the words of");
  expect(d, "Work is prayer.", PX_QUOTE_DIRECT, "Mira Quell", "Our late founder Mira Quell (who built the first crane)",
         "say");
  px_doc_free(d);
}

static void test_dash_and_apposition(void **state) {
  (void)state;
  px_doc *d = run("\"We are not leaving the quay\" \xE2\x80\x94 Ilse Varga.\n\n"
                  "Tomas Brekke, the interior minister, said the operation was \"proportionate\" and lawful.\n");
  expect(d, "We are not leaving the quay", PX_QUOTE_DIRECT, "Ilse Varga", "Ilse Varga", NULL);
  expect(d, "proportionate", PX_QUOTE_PARTIAL, "Tomas Brekke", "Tomas Brekke, the interior minister", "say");
  px_doc_free(d);
}

static void test_multi_paragraph(void **state) {
  (void)state;
  /* the news convention: the first paragraph stays open, the next reopens */
  px_doc *d = run("\xE2\x80\x9CThe first part of the statement runs on without a closing mark.\n\n"
                  "\xE2\x80\x9CThe second paragraph ends here,\xE2\x80\x9D said Jane Doe.\n\n"
                  "The report sums it up:\n\n"
                  "\xE2\x80\x9CThree unions have joined the strike.\n\n"
                  "Their leaders meet again on Friday.\xE2\x80\x9D (Calder Courier, 3 May)\n");
  const char *text = px_doc_text(d, NULL);
  size_t n;
  const px_quote *q = px_doc_quotes(d, &n);
  const px_quote *first = NULL, *block = NULL;
  for (size_t i = 0; i < n; i++) {
    if (span_is(d, q[i].start, q[i].start + 14, "The first part")) first = &q[i];
    if (span_is(d, q[i].start, q[i].start + 12, "Three unions")) block = &q[i];
  }
  assert_non_null(first);
  const char *tail = "The second paragraph ends here,";
  assert_true(span_is(d, first->end - strlen(tail), first->end, tail));
  assert_string_equal(speaker_name(d, first), "Jane Doe");
  assert_int_equal(first->kind, PX_QUOTE_DIRECT);
  assert_non_null(block); /* a block quote whose inner paragraph has no marks */
  const char *block_tail = "again on Friday.";
  assert_true(span_is(d, block->end - strlen(block_tail), block->end, block_tail));
  assert_string_equal(speaker_name(d, block), "report");
  assert_non_null(strstr(text + block->start, "Their leaders"));
  px_doc_free(d);
}

static void test_follow_ups(void **state) {
  (void)state;
  px_doc *d = run("\"Rates will rise,\" said Omar Castell, the governor of the central bank.\n\n"
                  "\"We have no choice,\" he added.\n\n"
                  "\"We will appeal,\" Doe said. \"The ruling is unjust.\"\n\n"
                  "Maria Lund chairs the harbour board. \"The board meets in June,\" she said.\n");
  expect(d, "Rates will rise,", PX_QUOTE_DIRECT, "Omar Castell", "Omar Castell, the governor of the central bank",
         "say");
  expect(d, "We have no choice,", PX_QUOTE_DIRECT, "Omar Castell", "he", "add");
  expect(d, "The ruling is unjust.", PX_QUOTE_DIRECT, "Doe", NULL, NULL);
  expect(d, "The board meets in June,", PX_QUOTE_DIRECT, "Maria Lund", "she", "say");
  /* the resolved pronouns are mentions of their entities, and mentions stay in order */
  size_t nm;
  const px_mention *m = px_doc_mentions(d, &nm);
  size_t pronouns = 0;
  for (size_t i = 0; i < nm; i++) {
    if (i) assert_true(m[i - 1].start <= m[i].start);
    pronouns += m[i].kind == PX_MENTION_PRONOUN;
  }
  assert_int_equal(pronouns, 2);
  px_doc_free(d);
}

static void test_partial(void **state) {
  (void)state;
  px_doc *d = run("The minister called the strike a \xE2\x80\x9C" "criminal blockade\xE2\x80\x9D and promised action.\n\n"
                  "The ministry said 300 workers had been \"escorted\" from the terminal, adding that \"order "
                  "has been restored.\"\n");
  expect(d, "criminal blockade", PX_QUOTE_PARTIAL, "minister", "The minister", "call");
  expect(d, "escorted", PX_QUOTE_PARTIAL, "ministry", "The ministry", "say");
  expect(d, "order has been restored.", PX_QUOTE_PARTIAL, "ministry", "The ministry", "add");
  px_doc_free(d);
}

static void test_scare_quotes_excluded(void **state) {
  (void)state;
  px_doc *d = run("The so-called \"peace plan\" was never published.\n\n"
                  "Residents of the \xE2\x80\x9C" "Free Quay\xE2\x80\x9D district gathered at the \"North Gate\".\n\n"
                  "A new alliance was formed, called \xE2\x80\x9C" "Calder United\xE2\x80\x9D, in March.\n\n"
                  "Meanwhile the \"friends\" of the port, as unions called them, stayed away.\n");
  size_t n;
  px_doc_quotes(d, &n);
  assert_int_equal(n, 0);
  px_doc_free(d);
}

static void test_box_excluded(void **state) {
  (void)state;
  /* a quoted sidebar with no attribution, after a paragraph without quotes */
  px_doc *d = run("The port has twelve berths and four cranes.\n\n"
                  "\xE2\x80\x9CThe harbour charter allows the board to close the port in an emergency, but only "
                  "for seven days at a time.\xE2\x80\x9D\n\n"
                  "Work resumed on Monday.\n");
  size_t n;
  px_doc_quotes(d, &n);
  assert_int_equal(n, 0);
  px_doc_free(d);
}

/* ---- reported speech -------------------------------------------------- */

static void test_reported(void **state) {
  (void)state;
  px_doc *d = run("The Port Authority said that 30 berths were working again.\n\n"
                  "Twelve officers were hurt, the ministry said.\n\n"
                  "According to the Harbour Pilots Guild, 40 ships are waiting offshore.\n\n"
                  "About 200 people were detained, according to the police.\n\n"
                  "Ostrova told reporters on Monday that the port would reopen.\n\n"
                  "It was reported that the cranes were damaged.\n\n"
                  "The union announced a new strike.\n");
  expect(d, "30 berths were working again", PX_QUOTE_REPORTED, "Port Authority", "The Port Authority", "say");
  expect(d, "Twelve officers were hurt", PX_QUOTE_REPORTED, "ministry", "the ministry", "say");
  expect(d, "40 ships are waiting offshore", PX_QUOTE_REPORTED, "Harbour Pilots Guild", "the Harbour Pilots Guild",
         "according to");
  expect(d, "About 200 people were detained", PX_QUOTE_REPORTED, "police", "the police", "according to");
  expect(d, "the port would reopen", PX_QUOTE_REPORTED, "Ostrova", "Ostrova", "tell");
  expect(d, "a new strike", PX_QUOTE_REPORTED, "union", "The union", "announce");
  assert_null(find(d, "the cranes were damaged")); /* agentless passive: no one to attribute */
  px_doc_free(d);
}

static void test_speaker_phrases(void **state) {
  (void)state;
  px_doc *d = run("The mayor, who has been in office since 2019, told the council that the city could not pay.\n\n"
                  "In a statement, the Vestrian Shipping Council warned that prices would rise.\n\n"
                  "According to figures released by the port office, 2,400 containers are waiting.\n\n"
                  "The union, however, said the vote was over.\n\n"
                  "Critics say the so-called \"emergency law\" goes too far.\n\n"
                  "The same dockers who blocked the gates now with a smile insist that wages must rise.\n\n"
                  "The Calder Observatory for Press Freedom said two reporters were held. Both were freed on "
                  "Sunday, the Observatory said.\n");
  expect(d, "the city could not pay", PX_QUOTE_REPORTED, "mayor", "The mayor", "tell");
  expect(d, "prices would rise", PX_QUOTE_REPORTED, "Vestrian Shipping Council", "the Vestrian Shipping Council",
         "warn");
  expect(d, "2,400 containers are waiting", PX_QUOTE_REPORTED, "port office", NULL, "according to");
  expect(d, "the vote was over", PX_QUOTE_REPORTED, "union", "The union", "say");
  assert_null(find(d, "emergency law")); /* a scare quote inside reported speech */
  expect(d, "wages must rise", PX_QUOTE_REPORTED, "same dockers", "The same dockers", "insist");
  /* the short form is the body that spoke before */
  expect(d, "two reporters were held", PX_QUOTE_REPORTED, "Calder Observatory for Press Freedom", NULL, "say");
  expect(d, "Both were freed on Sunday", PX_QUOTE_REPORTED, "Calder Observatory for Press Freedom", "the Observatory",
         "say");
  px_doc_free(d);
}

static void test_coordinated_clauses(void **state) {
  (void)state;
  px_doc *d = run("By May the port office was able to report that 70 ships had left, and a week later the head "
                  "of the coast guard, Admiral Rosa Fenn, announced that the lanes were clear.\n");
  expect(d, "70 ships had left", PX_QUOTE_REPORTED, "port office", NULL, "report");
  expect(d, "the lanes were clear", PX_QUOTE_REPORTED, "Rosa Fenn", NULL, "announce");
  px_doc_free(d);
}

/* ---- robustness -------------------------------------------------------- */

static void test_pathological(void **state) {
  (void)state;
  const size_t reps = 100000;
  const char *units[] = {"\"a\" ", "Doe said ", "\xE2\x80\x9C", "he said \"x,\" "};
  for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
    size_t ul = strlen(units[u]);
    char *text = malloc(reps * ul + 2);
    assert_non_null(text);
    for (size_t i = 0; i < reps; i++) memcpy(text + i * ul, units[u], ul);
    text[reps * ul] = '.';
    text[reps * ul + 1] = 0;
    clock_t t0 = clock();
    px_doc *d = px_doc_new(text, reps * ul + 1);
    assert_int_equal(px_doc_analyze(d, NULL), PX_OK);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    if (secs > 10) fail_msg("unit %zu took %.1f s", u, secs);
    px_doc_free(d);
    free(text);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_after),
      cmocka_unit_test(test_before),
      cmocka_unit_test(test_dash_and_apposition),
      cmocka_unit_test(test_multi_paragraph),
      cmocka_unit_test(test_follow_ups),
      cmocka_unit_test(test_partial),
      cmocka_unit_test(test_scare_quotes_excluded),
      cmocka_unit_test(test_box_excluded),
      cmocka_unit_test(test_reported),
      cmocka_unit_test(test_speaker_phrases),
      cmocka_unit_test(test_coordinated_clauses),
      cmocka_unit_test(test_pathological),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
