/* test_sentences.c - px_split_sentences, px_find_paragraphs and their tables.
 * Every sentence here was written for these tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parallax.h"
#include "text/abbrev.h"
#include "text/text.h"

/* ---- helpers --------------------------------------------------------- */

/* Checks the span invariants: sorted, non-overlapping, non-empty, inside the
 * text, no white space at either end. */
static void check_spans(const char *text, size_t len, const px_span *sp, int n) {
  size_t prev_end = 0;
  for (int k = 0; k < n; k++) {
    assert_true(sp[k].start < sp[k].end);
    assert_true(sp[k].end <= len);
    assert_true(sp[k].start >= prev_end);
    unsigned char a = (unsigned char)text[sp[k].start], z = (unsigned char)text[sp[k].end - 1];
    assert_false(a == ' ' || a == '\n' || a == '\t' || a == '\r');
    assert_false(z == ' ' || z == '\n' || z == '\t' || z == '\r');
    prev_end = sp[k].end;
  }
}

/* One sentence with white-space runs collapsed to one space (as printed). */
static char *shown(const char *s, size_t n) {
  char *o = malloc(n + 1);
  size_t k = 0;
  bool sp = false;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      sp = k > 0;
      continue;
    }
    if (sp) o[k++] = ' ';
    sp = false;
    o[k++] = c;
  }
  o[k] = '\0';
  return o;
}

/* Splits `text` and compares with the NULL-terminated list of sentences. */
static void expect_split(const char *text, ...) {
  px_span *sp = NULL;
  size_t len = strlen(text);
  int n = px_split_sentences(text, len, &sp);
  assert_true(n >= 0);
  check_spans(text, len, sp, n);
  va_list ap;
  va_start(ap, text);
  int k = 0;
  bool ok = true;
  const char *want;
  while ((want = va_arg(ap, const char *)) != NULL) {
    if (k >= n) {
      ok = false;
      k++;
      continue;
    }
    char *got = shown(text + sp[k].start, sp[k].end - sp[k].start);
    if (strcmp(got, want) != 0) ok = false;
    free(got);
    k++;
  }
  va_end(ap);
  if (!ok || k != n) {
    fprintf(stderr, "text: %s\n", text);
    for (int j = 0; j < n; j++)
      fprintf(stderr, "  got [%.*s]\n", (int)(sp[j].end - sp[j].start), text + sp[j].start);
    fail_msg("expected %d sentences as listed, got %d", k, n);
  }
  free(sp);
}

#define SPLIT(text, ...) expect_split(text, __VA_ARGS__, (const char *)NULL)

/* ---- sentences ------------------------------------------------------- */

static void test_simple(void **state) {
  (void)state;
  SPLIT("The river froze. Nobody crossed it.", "The river froze.", "Nobody crossed it.");
  SPLIT("Is the bridge open? The sign says no.", "Is the bridge open?", "The sign says no.");
  SPLIT("Run! The dam has burst.", "Run!", "The dam has burst.");
  SPLIT("No terminator at all", "No terminator at all");
  SPLIT("  Padded with blanks.   ", "Padded with blanks.");
  SPLIT("Two blanks.  Then more.", "Two blanks.", "Then more.");
  px_span *sp = (px_span *)1;
  assert_int_equal(px_split_sentences("", 0, &sp), 0);
  free(sp);
  assert_int_equal(px_split_sentences(" \n\n\t ", 5, &sp), 0);
  free(sp);
}

static void test_titles_and_abbreviations(void **state) {
  (void)state;
  SPLIT("Mr. Okafor and Dr. Lindqvist met on Dec. 3 in the capital.",
        "Mr. Okafor and Dr. Lindqvist met on Dec. 3 in the capital.");
  SPLIT("Lt. Gen. Harlow took command. Sgt. Diaz stayed behind.", "Lt. Gen. Harlow took command.",
        "Sgt. Diaz stayed behind.");
  SPLIT("The deal closed in Dec. The buyers paid cash.", "The deal closed in Dec.", "The buyers paid cash.");
  SPLIT("Gov. Reyes and Sen. Park spoke after Prof. Adeyemi.",
        "Gov. Reyes and Sen. Park spoke after Prof. Adeyemi.");
  SPLIT("Shares of Vantor Inc. rose sharply. Tellus Corp. fell.", "Shares of Vantor Inc. rose sharply.",
        "Tellus Corp. fell.");
  SPLIT("She joined Brand & Co. It was her first job.", "She joined Brand & Co.", "It was her first job.");
  SPLIT("He bought paint, brushes, etc. and went home.", "He bought paint, brushes, etc. and went home.");
  SPLIT("He bought paint, brushes, etc. The bill was large.", "He bought paint, brushes, etc.",
        "The bill was large.");
  SPLIT("Read it, e.g. the second chapter, i.e. the long one.",
        "Read it, e.g. the second chapter, i.e. the long one.");
  SPLIT("The case was Doe v. Roe in the end.", "The case was Doe v. Roe in the end.");
  SPLIT("See p. 14 and pp. 20-22, fig. 3 and No. 7.", "See p. 14 and pp. 20-22, fig. 3 and No. 7.");
  SPLIT("He said no. The talks ended.", "He said no.", "The talks ended.");
  SPLIT("Ask Ravi and co. Someone there will know.", "Ask Ravi and co.", "Someone there will know.");
  SPLIT("She consults for Delmar Inc. Mr. Ford runs it.", "She consults for Delmar Inc.", "Mr. Ford runs it.");
  SPLIT("They met U.S. Rep. Ana Cruz.", "They met U.S. Rep. Ana Cruz.");
  SPLIT("Turn to pg. 8 first.", "Turn to pg. 8 first.");
  SPLIT("We hiked up Mt. Hood and down to St. Helens.", "We hiked up Mt. Hood and down to St. Helens.");
  SPLIT("That was Hal Brooks Jr.'s boat.", "That was Hal Brooks Jr.'s boat.");
}

static void test_multi_period(void **state) {
  (void)state;
  SPLIT("The U.S. Navy and the U.N. Security Council disagreed.",
        "The U.S. Navy and the U.N. Security Council disagreed.");
  SPLIT("Exports to the U.S. fell. The U.K. gained.", "Exports to the U.S. fell.", "The U.K. gained.");
  SPLIT("Most of the ore went to the U.S. The rest stayed home.", "Most of the ore went to the U.S.",
        "The rest stayed home.");
  SPLIT("Her parents moved to the U.S. He followed a year later.", "Her parents moved to the U.S.",
        "He followed a year later.");
  SPLIT("He has lived in the U.S. for a decade.", "He has lived in the U.S. for a decade.");
  SPLIT("A U.N. envoy arrived. U.N. staff left.", "A U.N. envoy arrived.", "U.N. staff left.");
  SPLIT("She holds a Ph.D. in botany.", "She holds a Ph.D. in botany.");
  SPLIT("The ferry leaves at 6 a.m. The crossing takes an hour.", "The ferry leaves at 6 a.m.",
        "The crossing takes an hour.");
  SPLIT("It closes at 9 P.M. on Fridays.", "It closes at 9 P.M. on Fridays.");
  SPLIT("By 7 a.m. Mrs. Ode had opened the shop. She closed it at 5 p.m. Mrs. Ode then left.",
        "By 7 a.m. Mrs. Ode had opened the shop.", "She closed it at 5 p.m.", "Mrs. Ode then left.");
  SPLIT("The vote is at 4 p.m. Tuesday.", "The vote is at 4 p.m. Tuesday.");
}

static void test_initials(void **state) {
  (void)state;
  SPLIT("George W. Bush met Franklin D. Roosevelt's grandson.",
        "George W. Bush met Franklin D. Roosevelt's grandson.");
  SPLIT("The poems of T. S. Eliot were read aloud.", "The poems of T. S. Eliot were read aloud.");
  SPLIT("The prize went to you and I. Did anyone object?", "The prize went to you and I.",
        "Did anyone object?");
  SPLIT("The plan failed, so they used plan B. It worked.", "The plan failed, so they used plan B.",
        "It worked.");
  SPLIT("Q. Where were you? A. At home.", "Q. Where were you?", "A. At home.");
}

static void test_numbers(void **state) {
  (void)state;
  SPLIT("Inflation reached 3.5 percent in March.", "Inflation reached 3.5 percent in March.");
  SPLIT("Install v2.0.1 of the driver. Then reboot.", "Install v2.0.1 of the driver.", "Then reboot.");
  SPLIT("The tank holds 40.5 litres. It leaks.", "The tank holds 40.5 litres.", "It leaks.");
  SPLIT("The fare is $12.50. Children ride free.", "The fare is $12.50.", "Children ride free.");
  SPLIT("The score was 3-1. Fans cheered.", "The score was 3-1.", "Fans cheered.");
  SPLIT("It rose 4.2%. Traders shrugged.", "It rose 4.2%.", "Traders shrugged.");
  SPLIT("The count was 600. How many voted?", "The count was 600.", "How many voted?");
  SPLIT("We counted 40 boats. 12 had sunk.", "We counted 40 boats.", "12 had sunk.");
  SPLIT("The date was 04.11.2019 and it rained.", "The date was 04.11.2019 and it rained.");
}

static void test_ellipses(void **state) {
  (void)state;
  SPLIT("Well... maybe later.", "Well... maybe later.");
  SPLIT("She waited... Nobody came.", "She waited...", "Nobody came.");
  SPLIT("She waited… Nobody came.", "She waited…", "Nobody came.");
  SPLIT("She waited.... Nobody came.", "She waited....", "Nobody came.");
  SPLIT("It was . . . strange . . . I cannot say more.", "It was . . . strange . . . I cannot say more.");
  SPLIT("The list ends here . . . . A new one starts.", "The list ends here . . . .", "A new one starts.");
  SPLIT("He stopped talking. . . . Then the bell rang.", "He stopped talking.", ". . . Then the bell rang.");
  SPLIT("\"Rain [...] fell on the roof [...]\" (Ortiz 12).", "\"Rain [...] fell on the roof [...]\" (Ortiz 12).");
}

static void test_quotes_and_brackets(void **state) {
  (void)state;
  SPLIT("\"We will rebuild the school,\" he said.", "\"We will rebuild the school,\" he said.");
  SPLIT("\"Stop!\" she said.", "\"Stop!\" she said.");
  SPLIT("\"Stop!\" The guard ran after him.", "\"Stop!\"", "The guard ran after him.");
  SPLIT("She turned around, “This is wrong.” Then she left.", "She turned around, “This is wrong.”",
        "Then she left.");
  SPLIT("She turned around, 'This is wrong.' she said.", "She turned around, 'This is wrong.' she said.");
  SPLIT("He asked, \"Why now?\" Nobody answered.", "He asked, \"Why now?\"", "Nobody answered.");
  SPLIT("\"The wall fell. We ran,\" the farmer recalled.", "\"The wall fell. We ran,\" the farmer recalled.");
  SPLIT("The mayor (She was re-elected in May.) opened the fair.",
        "The mayor (She was re-elected in May.) opened the fair.");
  SPLIT("The mayor opened the fair (as planned). Crowds came.", "The mayor opened the fair (as planned).",
        "Crowds came.");
  SPLIT("(This part is an aside.) The main point follows.", "(This part is an aside.)",
        "The main point follows.");
  SPLIT("The town was founded in 1820.[3] It grew fast.", "The town was founded in 1820.[3]", "It grew fast.");
  SPLIT("Wheat yields doubled.12 Rice did not.", "Wheat yields doubled.12", "Rice did not.");
  SPLIT("He shouted 'Fire!' and ran.", "He shouted 'Fire!' and ran.");
  SPLIT("They sang “Hallelujah!” in the hall.", "They sang “Hallelujah!” in the hall.");
}

static void test_exclamations_and_questions(void **state) {
  (void)state;
  SPLIT("Really?! You sold it?", "Really?!", "You sold it?");
  SPLIT("No!! Not again.", "No!!", "Not again.");
  SPLIT("Did it work?? Nobody knows.", "Did it work??", "Nobody knows.");
  SPLIT("She works at Yahoo! in sales.", "She works at Yahoo! in sales.");
  SPLIT("Stay calm! he said.", "Stay calm! he said.");
  SPLIT("Pack it up -- quickly! -- and go.", "Pack it up -- quickly! -- and go.");
  SPLIT("What next? - Nobody knew.", "What next?", "- Nobody knew.");
}

static void test_urls_and_emails(void **state) {
  (void)state;
  SPLIT("Write to ana.lopez@example.org. She answers fast.", "Write to ana.lopez@example.org.",
        "She answers fast.");
  SPLIT("The report is at https://example.org/files/report.pdf. Read it.",
        "The report is at https://example.org/files/report.pdf.", "Read it.");
  SPLIT("Visit www.example.com today.", "Visit www.example.com today.");
  SPLIT("Open www.test.Example.net in a browser.", "Open www.test.Example.net in a browser.");
  SPLIT("The file is notes.txt. It is short.", "The file is notes.txt.", "It is short.");
  SPLIT("The light failed.The room went dark.", "The light failed.", "The room went dark.");
  SPLIT("It rained on Monday.Mrs. Kay stayed in and sold 3,200.Nobody came.", "It rained on Monday.",
        "Mrs. Kay stayed in and sold 3,200.", "Nobody came.");
  SPLIT("Pi is about 3.14.It is not 3.15 though.", "Pi is about 3.14.It is not 3.15 though.");
}

static void test_lists(void **state) {
  (void)state;
  SPLIT("1. Boil the water 2. Add the rice 3. Wait", "1. Boil the water", "2. Add the rice", "3. Wait");
  SPLIT("1) Boil the water. 2) Add the rice.", "1) Boil the water.", "2) Add the rice.");
  SPLIT("a) salt b) pepper c) oil", "a) salt", "b) pepper", "c) oil");
  SPLIT("a. Boil the water b. Add the rice", "a. Boil the water", "b. Add the rice");
  SPLIT("(i) one thing (ii) another (iii) a third", "(i) one thing", "(ii) another", "(iii) a third");
  SPLIT("• Boil the water • Add the rice", "• Boil the water", "• Add the rice");
  SPLIT("• 4. Boil the water • 5. Add the rice", "• 4. Boil the water", "• 5. Add the rice");
  SPLIT("Step one is done. (b) Step two follows.", "Step one is done.", "(b) Step two follows.");
  SPLIT("1. rinse the rice 2. soak it", "1. rinse the rice", "2. soak it");
  SPLIT("- 1. Rinse - 2. Soak", "- 1. Rinse", "- 2. Soak");
  SPLIT("* a) Rinse * b) Soak", "* a) Rinse", "* b) Soak");
  SPLIT("Rinse it - twice - and soak it.", "Rinse it - twice - and soak it.");
  SPLIT("He paid for 1. above and not for 2. above.", "He paid for 1. above and not for 2. above.");
  SPLIT("It was John K. Moss. She was Ann L. Moss.", "It was John K. Moss.", "She was Ann L. Moss.");
  SPLIT("A. B. Cole wrote it.", "A. B. Cole wrote it.");
  SPLIT("A. Rinse the rice B. Soak it", "A. Rinse the rice", "B. Soak it");
  SPLIT("Supplies:\n- rope\n- water\n- a map", "Supplies:", "- rope", "- water", "- a map");
  SPLIT("The prize went to Dr.\nA. Osei of Accra.", "The prize went to Dr. A. Osei of Accra.");
  SPLIT("We packed the following.\n- rope\n- water.\n- a map", "We packed the following.", "- rope", "- water.",
        "- a map");
}

static void test_lines(void **state) {
  (void)state;
  /* hard-wrapped text: single line ends inside a sentence are not boundaries */
  SPLIT("The delegates argued for most of the afternoon about the\n"
        "wording of the final statement, and agreed only at dusk.\n"
        "The statement was published the next morning.",
        "The delegates argued for most of the afternoon about the wording of the final statement, and agreed "
        "only at dusk.",
        "The statement was published the next morning.");
  SPLIT("Prices at the market rose again this week as the drought\nContinued to hit farmers.",
        "Prices at the market rose again this week as the drought Continued to hit farmers.");
  /* headings, bylines and menu lines without final punctuation */
  SPLIT("Floods hit the valley\nBy Mara Quint\nThe river rose overnight.", "Floods hit the valley",
        "By Mara Quint", "The river rose overnight.");
  SPLIT("Floods hit the valley\n\nBy Mara Quint\n\nThe river rose overnight.", "Floods hit the valley",
        "By Mara Quint", "The river rose overnight.");
  SPLIT("home\nnews\nweather", "home", "news", "weather");
  SPLIT("apples\npear trees\nplums, cherries\n", "apples", "pear trees", "plums, cherries");
  SPLIT("The letter was\nwritten in a hurry.", "The letter was written in a hurry.");
  SPLIT("It was a grey \nmorning by the sea.", "It was a grey morning by the sea.");
  SPLIT("A blank line\n\nends a sentence", "A blank line", "ends a sentence");
  SPLIT("Windows line ends.\r\nStill fine.", "Windows line ends.", "Still fine.");
  SPLIT("A quote \"that opens\n\nand never closes. Here.", "A quote \"that opens", "and never closes.", "Here.");
}

static void test_unicode(void **state) {
  (void)state;
  SPLIT("Éric arrived. Ödön left.", "Éric arrived.", "Ödön left.");
  SPLIT("Full stop here．Next one．", "Full stop here．", "Next one．");
  SPLIT("第一句。第二句。", "第一句。", "第二句。");
  SPLIT("He said\u00a0hello. Then left.", "He said\u00a0hello.", "Then left.");
}

/* Arbitrary bytes: no crash, spans valid. */
static void test_arbitrary_bytes(void **state) {
  (void)state;
  static const char *odd[] = {
      "\xff\xfe. \xc3. \xe2\x80. \xf0\x9f. A.",
      ". . . .",
      "....",
      "!?!?",
      "\"'`“”‘’«»()[]{}",
      "(((((((((((((((((((((((((((((((((. A)))))))))))))))))))))))))))))))",
      "1.) 2.) a.) (iv) • ⁃",
      "\xe2",
      "\xe2\x80",
      "\xc2",
      "a\n\n\n\n\nb",
      "Mr.",
      "U.S.",
      "x.Y",
      ".Z",
      "\xef\xbc",
      "\xef\xbc\x8e",
  };
  for (size_t k = 0; k < sizeof odd / sizeof odd[0]; k++) {
    px_span *sp = NULL;
    size_t len = strlen(odd[k]);
    int n = px_split_sentences(odd[k], len, &sp);
    assert_true(n >= 0);
    check_spans(odd[k], len, sp, n);
    free(sp);
  }
  /* pseudo-random bytes, with and without NULs */
  uint32_t x = 12345;
  char buf[512];
  for (int round = 0; round < 2000; round++) {
    size_t len = (size_t)(x % sizeof buf);
    for (size_t i = 0; i < len; i++) {
      x = x * 1103515245u + 12345u;
      static const char pool[] = ".!? \n\"'()[]aZ1\xe2\x80\xa6\x9c\x9d\xc2\xa0\xef\xbc\x8e-•U.S";
      buf[i] = (x >> 16) % 3 ? pool[(x >> 8) % (sizeof pool - 1)] : (char)(x >> 24);
    }
    px_span *sp = NULL;
    int n = px_split_sentences(buf, len, &sp);
    assert_true(n >= 0);
    check_spans(buf, len, sp, n);
    free(sp);
  }
  px_span *sp = NULL;
  assert_int_equal(px_split_sentences(NULL, 3, &sp), PX_EARG);
  assert_int_equal(px_split_sentences("x", 1, NULL), PX_EARG);
}

/* Pathological input must stay linear (a quadratic scanner would time out). */
static void test_pathological(void **state) {
  (void)state;
  const size_t len = (size_t)4 << 20;
  char *buf = malloc(len);
  assert_non_null(buf);
  static const char *fills[] = {".", "a", "(", "\"", "'a ", " .", "\n", "(a)", "1. ", "a. ", "\xe2\x80\x9c",
                                "U.S. ", ". ", "! ", "[1]", "\xe2\x80\xa6", "\"a. ", "a) "};
  for (size_t f = 0; f < sizeof fills / sizeof fills[0]; f++) {
    size_t fl = strlen(fills[f]);
    for (size_t i = 0; i < len; i++) buf[i] = fills[f][i % fl];
    px_span *sp = NULL;
    int n = px_split_sentences(buf, len, &sp);
    assert_true(n >= 0);
    check_spans(buf, len, sp, n);
    free(sp);
  }
  free(buf);
}

/* ---- paragraphs ------------------------------------------------------ */

static void expect_paras(const char *text, bool headline, const uint32_t *kinds, const char **firsts, size_t n) {
  px_spanvec pv = {0};
  assert_int_equal(px_find_paragraphs(text, strlen(text), headline, &pv), PX_OK);
  if (pv.n != n) {
    for (size_t k = 0; k < pv.n; k++)
      fprintf(stderr, "  para %u [%.*s]\n", pv.v[k].kind, (int)(pv.v[k].end - pv.v[k].start),
              text + pv.v[k].start);
  }
  assert_int_equal(pv.n, n);
  for (size_t k = 0; k < n; k++) {
    size_t fl = strlen(firsts[k]);
    if (pv.v[k].kind != kinds[k] || pv.v[k].end - pv.v[k].start < fl ||
        memcmp(text + pv.v[k].start, firsts[k], fl) != 0)
      fail_msg("paragraph %zu: kind %u [%.*s], want kind %u starting [%s]", k, pv.v[k].kind,
               (int)(pv.v[k].end - pv.v[k].start), text + pv.v[k].start, kinds[k], firsts[k]);
  }
  px_spanvec_free(&pv);
}

static void test_paragraphs(void **state) {
  (void)state;
  const char *doc = "Storm closes the harbour\n"
                    "\n"
                    "By Lena Ortiz\n"
                    "\n"
                    "The harbour closed on Monday after the storm.\n"
                    "Ferries stayed in port.\n"
                    "\n"
                    "What the port authority expects\n"
                    "The authority expects to reopen on Friday. It\n"
                    "asked traders to be patient.\n"
                    "\n"
                    "Travellers should:\n"
                    "• check the timetable\n"
                    "• 2. call ahead\n"
                    "1. keep tickets\n"
                    "(b) stay calm\n";
  const uint32_t kinds[] = {PX_PARA_HEADLINE,  PX_PARA_BYLINE,    PX_PARA_TEXT,      PX_PARA_TEXT,
                            PX_PARA_HEADING,   PX_PARA_TEXT,      PX_PARA_TEXT,      PX_PARA_LIST_ITEM,
                            PX_PARA_LIST_ITEM, PX_PARA_LIST_ITEM, PX_PARA_LIST_ITEM};
  const char *firsts[] = {"Storm closes",   "By Lena Ortiz",    "The harbour closed", "Ferries stayed",
                          "What the port",  "The authority",    "Travellers should:", "• check",
                          "• 2. call",      "1. keep",          "(b) stay"};
  expect_paras(doc, true, kinds, firsts, 11);

  /* without the headline flag the first short line is a heading */
  const char *doc2 = "Storm closes the harbour\n\nThe harbour closed on Monday.\n";
  const uint32_t k2[] = {PX_PARA_HEADING, PX_PARA_TEXT};
  const char *f2[] = {"Storm closes", "The harbour"};
  expect_paras(doc2, false, k2, f2, 2);

  /* hard-wrapped paragraphs stay whole even where a line ends a sentence */
  const char *doc3 = "The river rose through the night and by dawn it had covered the\n"
                     "lower town. Families carried what they could to the school on the\n"
                     "hill, where volunteers had set up beds and a kitchen for them.\n"
                     "Officials said the water would fall by the weekend if the rain\n"
                     "stopped, but the forecast was for more storms on Thursday night.\n"
                     "\n"
                     "Short line.\n"
                     "Another paragraph.\n";
  const uint32_t k3[] = {PX_PARA_TEXT, PX_PARA_TEXT, PX_PARA_TEXT};
  const char *f3[] = {"The river rose", "Short line.", "Another paragraph."};
  expect_paras(doc3, false, k3, f3, 3);

  /* a sentence that starts with "By" is no byline; "By" + a date neither */
  const char *doc4 = "By then the roads were closed.\nBy 2020 nothing was left\n";
  const uint32_t k4[] = {PX_PARA_TEXT, PX_PARA_TEXT};
  const char *f4[] = {"By then", "By 2020"};
  expect_paras(doc4, false, k4, f4, 2);
  const char *doc5 = "By Omar Said | Coast News\nThe road reopened.\n";
  const uint32_t k5[] = {PX_PARA_BYLINE, PX_PARA_TEXT};
  const char *f5[] = {"By Omar Said | Coast News", "The road"};
  expect_paras(doc5, false, k5, f5, 2);

  /* empty and blank input */
  px_spanvec pv = {0};
  assert_int_equal(px_find_paragraphs("", 0, true, &pv), PX_OK);
  assert_int_equal(pv.n, 0);
  assert_int_equal(px_find_paragraphs(" \n\n \t\n", 6, true, &pv), PX_OK);
  assert_int_equal(pv.n, 0);
  px_spanvec_free(&pv);
}

/* A document's sentences never cross its paragraphs. */
static void test_segment(void **state) {
  (void)state;
  const char *text = "Harbour shut\n\nThe port closed. Ships waited.\nBy Ana Lee\n";
  px_doc *doc = px_doc_new(text, strlen(text));
  assert_non_null(doc);
  assert_int_equal(px_doc_set_meta(doc, PX_META_TITLE, "Harbour shut"), PX_OK);
  assert_int_equal(px_doc_segment(doc, 0), PX_OK);
  size_t np, ns;
  const px_span *p = px_doc_layer(doc, PX_LAYER_PARAGRAPHS, &np);
  const px_span *s = px_doc_layer(doc, PX_LAYER_SENTENCES, &ns);
  assert_int_equal(np, 3);
  assert_int_equal(p[0].kind, PX_PARA_HEADLINE);
  assert_int_equal(p[2].kind, PX_PARA_BYLINE);
  assert_int_equal(ns, 4);
  for (size_t k = 0; k < ns; k++) {
    const px_span *pp = &p[s[k].aux];
    assert_true(s[k].start >= pp->start && s[k].end <= pp->end);
  }
  px_doc_free(doc);
}

/* ---- tables and markers ---------------------------------------------- */

static void test_tables(void **state) {
  (void)state;
  assert_true(px_abbrev_tables_ok());
  assert_int_equal(px_abbrev_class("Mr", 2), PX_ABBR_TITLE);
  assert_int_equal(px_abbrev_class("mr", 2), PX_ABBR_NONE); /* titles need a capital */
  assert_int_equal(px_abbrev_class("INC", 3), PX_ABBR_ABBR);
  assert_int_equal(px_abbrev_class("no", 2), PX_ABBR_NUMBER);
  assert_int_equal(px_abbrev_class("e.g", 3), PX_ABBR_NEVER);
  assert_int_equal(px_abbrev_class("P.M", 3), PX_ABBR_TIME);
  assert_int_equal(px_abbrev_class("Mass", 4), PX_ABBR_CABBR);
  assert_int_equal(px_abbrev_class("mass", 4), PX_ABBR_NONE);
  assert_int_equal(px_abbrev_class("n\xc2\xb0", 3), PX_ABBR_NUMBER);
  assert_int_equal(px_abbrev_class("harbour", 7), PX_ABBR_NONE);
  assert_int_equal(px_abbrev_class("averyveryverylongword", 21), PX_ABBR_NONE);
  assert_true(px_sentence_starter("The", 3));
  assert_false(px_sentence_starter("the", 3));
  assert_false(px_sentence_starter("Army", 4));
}

static void test_markers(void **state) {
  (void)state;
  px_abbrev_marker m, m2;
  assert_int_equal(px_list_marker("1. x", 4, 0, &m), 2);
  assert_int_equal(m.kind, PX_MK_NUM);
  assert_int_equal(m.style, PX_MK_DOT);
  assert_int_equal(px_list_marker("2. y", 4, 0, &m2), 2);
  assert_true(px_marker_follows(&m, &m2));
  assert_int_equal(px_list_marker("(iv) x", 6, 0, &m), 4);
  assert_int_equal(m.roman, 4);
  assert_int_equal(px_list_marker("(v) y", 5, 0, &m2), 3);
  assert_true(px_marker_follows(&m, &m2));
  assert_int_equal(px_list_marker("b.) x", 5, 0, &m), 3);
  assert_int_equal(m.style, PX_MK_DOTPAREN);
  assert_int_equal(px_list_marker("\xe2\x80\xa2 3. x", 8, 0, &m), 6);
  assert_int_equal(m.bullet, 0x2022);
  assert_int_equal(px_list_marker("- x", 3, 0, &m), 1);
  assert_false(px_marker_starts_list(&m));
  assert_int_equal(px_list_marker("-x", 2, 0, NULL), 0);
  assert_int_equal(px_list_marker("1.5 x", 5, 0, NULL), 0);
  assert_int_equal(px_list_marker("2016. x", 7, 0, NULL), 0);
  assert_int_equal(px_list_marker("mix) x", 6, 0, NULL), 0);
  assert_int_equal(px_list_marker("A. Smith", 8, 0, &m), 2);
  assert_true(px_marker_starts_list(&m));
  assert_int_equal(px_list_marker("B. Smith", 8, 0, &m), 2);
  assert_false(px_marker_starts_list(&m));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_simple),
      cmocka_unit_test(test_titles_and_abbreviations),
      cmocka_unit_test(test_multi_period),
      cmocka_unit_test(test_initials),
      cmocka_unit_test(test_numbers),
      cmocka_unit_test(test_ellipses),
      cmocka_unit_test(test_quotes_and_brackets),
      cmocka_unit_test(test_exclamations_and_questions),
      cmocka_unit_test(test_urls_and_emails),
      cmocka_unit_test(test_lists),
      cmocka_unit_test(test_lines),
      cmocka_unit_test(test_unicode),
      cmocka_unit_test(test_arbitrary_bytes),
      cmocka_unit_test(test_pathological),
      cmocka_unit_test(test_paragraphs),
      cmocka_unit_test(test_segment),
      cmocka_unit_test(test_tables),
      cmocka_unit_test(test_markers),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
