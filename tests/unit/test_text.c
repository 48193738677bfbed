/* test_text.c - the text layer: cleaning (UTF-8 repair, line ends, NFC),
 * stemming and tokens. Sentence boundaries are tested in test_sentences.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "parallax.h"

#define REPL "\xEF\xBF\xBD" /* U+FFFD */

/* ---- px_text_clean --------------------------------------------------- */

typedef struct {
  int rc;
  char *out;
  size_t out_len, n_invalid, first_invalid;
} cleaned;

static cleaned clean(const char *in, size_t len, unsigned flags) {
  cleaned c = {0, NULL, 0, 12345, 12345};
  c.rc = px_text_clean(in, len, flags, &c.out, &c.out_len, &c.n_invalid, &c.first_invalid);
  if (c.rc == PX_OK) {
    assert_non_null(c.out);
    assert_int_equal(strlen(c.out), c.out_len); /* NUL-terminated, no NUL inside */
  }
  return c;
}

/* Cleans `in` (len bytes) and checks the output, the number of invalid
 * sequences and (when any) the offset of the first. */
static void expect_clean(const char *in, size_t len, const char *want, size_t n_invalid,
                         size_t first_invalid) {
  cleaned c = clean(in, len, 0);
  assert_int_equal(c.rc, PX_OK);
  if (c.out_len != strlen(want) || memcmp(c.out, want, c.out_len) != 0)
    fail_msg("clean gave \"%s\", want \"%s\"", c.out, want);
  assert_int_equal(c.n_invalid, n_invalid);
  if (n_invalid) assert_int_equal(c.first_invalid, first_invalid);
  free(c.out);
}

#define EXPECT_CLEAN(lit, want, n, first) expect_clean(lit, sizeof(lit) - 1, want, n, first)

static void test_clean_ascii_passthrough(void **state) {
  (void)state;
  const char *s = "Plain ASCII text, with tabs\tand\nnewlines. 42 & 7% <b>\n";
  EXPECT_CLEAN("Plain ASCII text, with tabs\tand\nnewlines. 42 & 7% <b>\n", s, 0, 0);
  EXPECT_CLEAN("", "", 0, 0);
  /* Only len bytes are read. */
  expect_clean("abcdef", 3, "abc", 0, 0);
}

static void test_clean_bom(void **state) {
  (void)state;
  EXPECT_CLEAN("\xEF\xBB\xBFHeadline\n", "Headline\n", 0, 0);
  EXPECT_CLEAN("\xEF\xBB\xBF", "", 0, 0);
  /* Only a leading BOM is dropped; U+FEFF later on is a (valid) character. */
  EXPECT_CLEAN("a\xEF\xBB\xBF" "b", "a\xEF\xBB\xBF" "b", 0, 0);
}

static void test_clean_controls(void **state) {
  (void)state;
  /* form feed and vertical tab break lines; other control characters are dropped (not invalid) */
  EXPECT_CLEAN("a\x01" "b\fc\vd\x1b[0m", "ab\nc\nd[0m", 0, 0);
}

static void test_clean_line_ends(void **state) {
  (void)state;
  EXPECT_CLEAN("one\r\ntwo\r\n", "one\ntwo\n", 0, 0);
  EXPECT_CLEAN("one\rtwo\r", "one\ntwo\n", 0, 0);
  EXPECT_CLEAN("a\r\r\nb", "a\n\nb", 0, 0);
  EXPECT_CLEAN("a\n\rb", "a\n\nb", 0, 0);
  EXPECT_CLEAN("\r\n\r\n", "\n\n", 0, 0);
}

static void test_clean_invalid_sequences(void **state) {
  (void)state;
  /* lone continuation bytes: one U+FFFD each */
  EXPECT_CLEAN("ab\x80" "cd", "ab" REPL "cd", 1, 2);
  EXPECT_CLEAN("\xBF\x80", REPL REPL, 2, 0);
  /* after a valid two-byte character */
  EXPECT_CLEAN("caf\xC3\xA9\xA9!", "caf\xC3\xA9" REPL "!", 1, 5);
  /* truncated 2-, 3- and 4-byte sequences, in the middle and at the end */
  EXPECT_CLEAN("x\xC3y", "x" REPL "y", 1, 1);
  EXPECT_CLEAN("xy\xC3", "xy" REPL, 1, 2);
  EXPECT_CLEAN("cost \xE2\x82 each", "cost " REPL " each", 1, 5);
  EXPECT_CLEAN("end\xE2\x82", "end" REPL, 1, 3);
  EXPECT_CLEAN("smile \xF0\x9F\x98!", "smile " REPL "!", 1, 6);
  EXPECT_CLEAN("\xF0\x9F\x98", REPL, 1, 0);
  /* One U+FFFD per maximal subpart (Unicode's recommended practice): a lead
   * byte keeps only the continuation bytes that could still have made it valid. */
  /* overlong encodings */
  EXPECT_CLEAN("a\xC0\x80" "b", "a" REPL REPL "b", 2, 1);
  EXPECT_CLEAN("a\xC1\xBF" "b", "a" REPL REPL "b", 2, 1);
  EXPECT_CLEAN("a\xE0\x80\xAF" "b", "a" REPL REPL REPL "b", 3, 1);
  EXPECT_CLEAN("a\xF0\x80\x80\xAF" "b", "a" REPL REPL REPL REPL "b", 4, 1);
  /* UTF-16 surrogates encoded in UTF-8 */
  EXPECT_CLEAN("s\xED\xA0\x80t", "s" REPL REPL REPL "t", 3, 1);
  EXPECT_CLEAN("s\xED\xBF\xBFt", "s" REPL REPL REPL "t", 3, 1);
  /* beyond U+10FFFF and bytes that never start a sequence */
  EXPECT_CLEAN("q\xF4\x90\x80\x80r", "q" REPL REPL REPL REPL "r", 4, 1);
  EXPECT_CLEAN("q\xF5\x80\x80\x80r", "q" REPL REPL REPL REPL "r", 4, 1);
  /* a truncated sequence followed by a valid character */
  EXPECT_CLEAN("\xE2\x82\xC3\xA9", REPL "\xC3\xA9", 1, 0);
  EXPECT_CLEAN("q\xFFr", "q" REPL "r", 1, 1);
  EXPECT_CLEAN("q\xFEr", "q" REPL "r", 1, 1);
  /* NUL: document text is a C string */
  EXPECT_CLEAN("nul\0byte", "nul" REPL "byte", 1, 3);
  /* several: counted, the first one's offset kept */
  EXPECT_CLEAN("ok \x80 and \xFF and \xC3", "ok " REPL " and " REPL " and " REPL, 3, 3);
  /* offsets count input bytes, including a dropped BOM and CR LF */
  EXPECT_CLEAN("\xEF\xBB\xBF" "a\r\nb\x80", "a\nb" REPL, 1, 7);
  /* the highest valid code points are kept */
  EXPECT_CLEAN("\xF4\x8F\xBF\xBF\xED\x9F\xBF\xEF\xBF\xBD", "\xF4\x8F\xBF\xBF\xED\x9F\xBF\xEF\xBF\xBD", 0, 0);
}

static void test_clean_strict(void **state) {
  (void)state;
  static const char in[] = "Good text, then \xC3( and more";
  cleaned c = clean(in, sizeof in - 1, PX_TEXT_STRICT);
  assert_int_equal(c.rc, PX_EUTF8);
  assert_int_equal(c.first_invalid, 16);
  assert_null(c.out);

  static const char nul[] = "ab\0cd";
  c = clean(nul, sizeof nul - 1, PX_TEXT_STRICT);
  assert_int_equal(c.rc, PX_EUTF8);
  assert_int_equal(c.first_invalid, 2);

  /* Strict mode accepts valid text and still normalises it. */
  static const char ok[] = "\xEF\xBB\xBFna\xC3\xAFve\r\ncafe\xCC\x81";
  c = clean(ok, sizeof ok - 1, PX_TEXT_STRICT);
  assert_int_equal(c.rc, PX_OK);
  assert_string_equal(c.out, "na\xC3\xAFve\ncaf\xC3\xA9");
  assert_int_equal(c.n_invalid, 0);
  free(c.out);
}

static void test_clean_null_counters(void **state) {
  (void)state;
  char *out = NULL;
  size_t len = 0;
  assert_int_equal(px_text_clean("a\x80", 2, 0, &out, &len, NULL, NULL), PX_OK);
  assert_string_equal(out, "a" REPL);
  assert_int_equal(len, 4);
  free(out);
}

static void test_clean_nfc(void **state) {
  (void)state;
  /* e + COMBINING ACUTE ACCENT -> U+00E9 */
  EXPECT_CLEAN("cafe\xCC\x81 au lait", "caf\xC3\xA9 au lait", 0, 0);
  /* A + ring + acute -> U+01FA */
  EXPECT_CLEAN("A\xCC\x8A\xCC\x81", "\xC7\xBA", 0, 0);
  /* combining marks are reordered canonically: dot below (220) before dot above (230) */
  EXPECT_CLEAN("q\xCC\x87\xCC\xA3", "q\xCC\xA3\xCC\x87", 0, 0);
  /* ANGSTROM SIGN and OHM SIGN are singletons that NFC replaces */
  EXPECT_CLEAN("\xE2\x84\xAB", "\xC3\x85", 0, 0);
  EXPECT_CLEAN("10 \xE2\x84\xA6", "10 \xCE\xA9", 0, 0);
  /* Hangul: leading consonant + vowel -> U+AC00, + trailing consonant -> U+AC01 */
  EXPECT_CLEAN("\xE1\x84\x80\xE1\x85\xA1", "\xEA\xB0\x80", 0, 0);
  EXPECT_CLEAN("\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8", "\xEA\xB0\x81", 0, 0);
  /* a precomposed LV syllable + trailing consonant */
  EXPECT_CLEAN("\xEA\xB0\x80\xE1\x86\xA8", "\xEA\xB0\x81", 0, 0);
  /* a replaced sequence next to a combining mark */
  EXPECT_CLEAN("\xFF" "e\xCC\x81", REPL "\xC3\xA9", 1, 0);
}

static void test_clean_nfc_unchanged(void **state) {
  (void)state;
  /* Already NFC: curly quotes, dashes, accented letters, Greek, CJK, emoji, Hangul. */
  static const char *const texts[] = {
      "\xE2\x80\x9CIt\xE2\x80\x99s over,\xE2\x80\x9D she said \xE2\x80\x94 caf\xC3\xA9 na\xC3\xAFve.",
      ("\xC3\x89l\xC3\xA8ve \xC3\xA0 l\xE2\x80\x99\xC3\xA9" "cole"),
      "\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1 \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x98\x80",
      "\xEA\xB0\x80\xEA\xB0\x81 \xED\x95\x9C",
      "\xC3\x85ngstr\xC3\xB6m",
  };
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
    expect_clean(texts[i], strlen(texts[i]), texts[i], 0, 0);
}

/* ---- px_stem --------------------------------------------------------- */

static void expect_stem(px_stemmer *st, const char *word, const char *want) {
  char buf[64];
  int n = px_stem(st, word, strlen(word), buf, sizeof buf);
  if (n < 0) fail_msg("px_stem(\"%s\") = %d", word, n);
  assert_int_equal(n, strlen(want));
  if (strcmp(buf, want) != 0) fail_msg("px_stem(\"%s\") = \"%s\", want \"%s\"", word, buf, want);
}

static void test_stem_english(void **state) {
  (void)state;
  px_stemmer *st = px_stemmer_new();
  assert_non_null(st);
  expect_stem(st, "running", "run");
  expect_stem(st, "Rebels", "rebel");
  expect_stem(st, "militants", "milit"); /* Porter2: -s, then -ant in R2 */
  expect_stem(st, "RUNNING", "run");
  expect_stem(st, "generously", "generous");
  expect_stem(st, "protests", "protest");
  expect_stem(st, "protested", "protest");
  expect_stem(st, "negotiations", "negoti");
  expect_stem(st, "the", "the");
  expect_stem(st, "", "");
  /* typographic apostrophe = ASCII apostrophe */
  expect_stem(st, "don\xE2\x80\x99t", "don't");
  /* only len bytes are stemmed */
  char buf[16];
  assert_int_equal(px_stem(st, "runningXYZ", 7, buf, sizeof buf), 3);
  assert_string_equal(buf, "run");
  px_stemmer_free(st);
  px_stemmer_free(NULL);
}

static void test_stem_lowercases_non_ascii(void **state) {
  (void)state;
  px_stemmer *st = px_stemmer_new();
  assert_non_null(st);
  expect_stem(st, "\xC3\x89T\xC3\x89", "\xC3\xA9t\xC3\xA9");                 /* ÉTÉ -> été */
  expect_stem(st, "\xC3\xA9t\xC3\xA9", "\xC3\xA9t\xC3\xA9");
  expect_stem(st, "\xC3\x89LECTIONS", "\xC3\xA9lection");                     /* ÉLECTIONS */
  expect_stem(st, "\xC3\x89lections", "\xC3\xA9lection");
  expect_stem(st, "\xCE\x91\xCE\x98\xCE\x97\xCE\x9D\xCE\x91", "\xCE\xB1\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1"); /* ΑΘΗΝΑ */
  px_stemmer_free(st);
}

static void test_stem_small_buffer(void **state) {
  (void)state;
  px_stemmer *st = px_stemmer_new();
  assert_non_null(st);
  char buf[8];
  memset(buf, 'Z', sizeof buf);
  /* "run" needs 4 bytes with its NUL */
  assert_int_equal(px_stem(st, "running", 7, buf, 3), 3); /* 3 >= 3: too small */
  assert_int_equal(px_stem(st, "running", 7, NULL, 0), 3); /* size query */
  assert_int_equal(px_stem(st, "running", 7, buf, 4), 3);
  assert_string_equal(buf, "run");
  /* a long stem and a buffer one byte short */
  const char *w = "internationalization"; /* -> "internation" (11) */
  int need = px_stem(st, w, strlen(w), NULL, 0);
  assert_true(need > 0);
  char big[64];
  assert_int_equal(px_stem(st, w, strlen(w), big, (size_t)need), need);
  assert_int_equal(px_stem(st, w, strlen(w), big, (size_t)need + 1), need);
  assert_int_equal(strlen(big), (size_t)need);
  /* bad arguments */
  assert_true(px_stem(NULL, "a", 1, buf, sizeof buf) < 0);
  assert_true(px_stem(st, NULL, 3, buf, sizeof buf) < 0);
  px_stemmer_free(st);
}

/* ---- tokens ---------------------------------------------------------- */

typedef struct {
  const char *text;
  px_token_kind kind;
} tok;

/* Segments `text` with tokens and compares the tokens with want[0, n). */
static void expect_tokens(const char *text, const tok *want, size_t n) {
  px_doc *d = px_doc_new(text, strlen(text));
  assert_non_null(d);
  assert_int_equal(px_doc_segment(d, PX_SEGMENT_TOKENS), PX_OK);
  size_t nt, ns;
  const px_span *t = px_doc_layer(d, PX_LAYER_TOKENS, &nt);
  const px_span *s = px_doc_layer(d, PX_LAYER_SENTENCES, &ns);
  assert_non_null(t);
  assert_non_null(s);
  const char *doc = px_doc_text(d, NULL);
  for (size_t i = 0; i < nt && i < n; i++) {
    size_t len = t[i].end - t[i].start;
    if (len != strlen(want[i].text) || memcmp(doc + t[i].start, want[i].text, len) != 0)
      fail_msg("token %zu is \"%.*s\", want \"%s\"", i, (int)len, doc + t[i].start, want[i].text);
    if (t[i].kind != (uint32_t)want[i].kind)
      fail_msg("token %zu \"%s\" has kind %u, want %d", i, want[i].text, t[i].kind, (int)want[i].kind);
    /* aux is the index of the sentence that holds the token */
    assert_true(t[i].aux < ns);
    assert_true(s[t[i].aux].start <= t[i].start && t[i].end <= s[t[i].aux].end);
    if (i) assert_true(t[i].aux >= t[i - 1].aux && t[i].start >= t[i - 1].end);
  }
  if (nt != n) fail_msg("%zu tokens, want %zu", nt, n);
  px_doc_free(d);
}

/* The number of tokens of one kind in `text`. */
static size_t count_kind(const char *text, px_token_kind kind) {
  px_doc *d = px_doc_new(text, strlen(text));
  assert_non_null(d);
  assert_int_equal(px_doc_segment(d, PX_SEGMENT_TOKENS), PX_OK);
  size_t nt, k = 0;
  const px_span *t = px_doc_layer(d, PX_LAYER_TOKENS, &nt);
  for (size_t i = 0; i < nt; i++) k += t[i].kind == (uint32_t)kind;
  px_doc_free(d);
  return k;
}

#define EXPECT_TOKENS(text, ...)                                                                    \
  do {                                                                                              \
    static const tok want_[] = {__VA_ARGS__};                                                       \
    expect_tokens(text, want_, sizeof want_ / sizeof *want_);                                       \
  } while (0)

#define W(s) {s, PX_TOK_WORD}
#define N(s) {s, PX_TOK_NUMBER}
#define P(s) {s, PX_TOK_PUNCT}
#define S(s) {s, PX_TOK_SYMBOL}
#define U(s) {s, PX_TOK_URL}
#define E(s) {s, PX_TOK_EMAIL}

static void test_tokens_words_and_numbers(void **state) {
  (void)state;
  EXPECT_TOKENS("The ferry carried 1,324 passengers, 3.5 times more than at 10:30 yesterday.",
                W("The"), W("ferry"), W("carried"), N("1,324"), W("passengers"), P(","), N("3.5"),
                W("times"), W("more"), W("than"), W("at"), N("10:30"), W("yesterday"), P("."));
  /* A separator not between digits is punctuation. */
  EXPECT_TOKENS("In 2016, 40. Then 7",
                W("In"), N("2016"), P(","), N("40"), P("."), W("Then"), N("7"));
  /* letters glued to digits make a word */
  EXPECT_TOKENS("the 5th lap of 10km", W("the"), W("5th"), W("lap"), W("of"), W("10km"));
}

static void test_tokens_abbreviations_and_apostrophes(void **state) {
  (void)state;
  EXPECT_TOKENS("U.S. envoys met at 9 a.m. today",
                W("U.S."), W("envoys"), W("met"), W("at"), N("9"), W("a.m."), W("today"));
  /* typographic and ASCII apostrophes and hyphens inside words */
  EXPECT_TOKENS("The mayor\xE2\x80\x99s well-known plan isn't new",
                W("The"), W("mayor\xE2\x80\x99s"), W("well-known"), W("plan"), W("isn't"), W("new"));
  /* an apostrophe or hyphen not followed by a letter ends the word */
  EXPECT_TOKENS("the rebels\xE2\x80\x99 base - gone",
                W("the"), W("rebels"), P("\xE2\x80\x99"), W("base"), P("-"), W("gone"));
  /* non-ASCII letters and combining marks belong to words */
  EXPECT_TOKENS("Caf\xC3\xA9 \xC3\x89lys\xC3\xA9" "e \xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1",
                W("Caf\xC3\xA9"), W("\xC3\x89lys\xC3\xA9" "e"), W("\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1"));
}

static void test_tokens_urls_and_emails(void **state) {
  (void)state;
  EXPECT_TOKENS("Write to desk@valley-post.example or see https://example.org/a/b?id=7, then www.example.com.",
                W("Write"), W("to"), E("desk@valley-post.example"), W("or"), W("see"),
                U("https://example.org/a/b?id=7"), P(","), W("then"), U("www.example.com"), P("."));
  /* at the end of a sentence, the period is not part of the address */
  EXPECT_TOKENS("Write to desk@example.org. Or news@example.org!",
                W("Write"), W("to"), E("desk@example.org"), P("."), W("Or"), E("news@example.org"), P("!"));
  EXPECT_TOKENS("(http://example.net/x_(y)) ok",
                P("("), U("http://example.net/x_(y)"), P(")"), W("ok"));
  /* not addresses: no dot in the domain, nothing before the @, a dot right after it */
  static const char *const not_email[] = {"user@localhost", "@example.org", "name@.example.org"};
  for (size_t i = 0; i < sizeof not_email / sizeof *not_email; i++)
    assert_int_equal(count_kind(not_email[i], PX_TOK_EMAIL), 0);
}

static void test_tokens_punctuation_and_symbols(void **state) {
  (void)state;
  EXPECT_TOKENS("Wait... what?! \xE2\x80\x9CNo\xE2\x80\x9D \xE2\x80\x94 (maybe); ok\xE2\x80\xA6",
                W("Wait"), P("..."), W("what"), P("?"), P("!"), P("\xE2\x80\x9C"), W("No"),
                P("\xE2\x80\x9D"), P("\xE2\x80\x94"), P("("), W("maybe"), P(")"), P(";"), W("ok"),
                P("\xE2\x80\xA6"));
  EXPECT_TOKENS("a -- b", W("a"), P("--"), W("b"));
  /* symbols: currency, percent, ampersand, plus */
  EXPECT_TOKENS("$5 or \xC2\xA3" "3, 7% & more +1",
                S("$"), N("5"), W("or"), S("\xC2\xA3"), N("3"), P(","), N("7"), S("%"), S("&"),
                W("more"), S("+"), N("1"));
}

static void test_tokens_whitespace(void **state) {
  (void)state;
  /* no-break spaces and other Unicode spaces separate tokens and are not tokens */
  EXPECT_TOKENS("10\xC2\xA0km and\xE2\x80\x83more\n\nnext",
                N("10"), W("km"), W("and"), W("more"), W("next"));
  expect_tokens("   ", NULL, 0);
}

static void test_segment_keeps_layers(void **state) {
  (void)state;
  /* px_doc_segment adds only missing layers; a second call changes nothing. */
  const char *text = "Headline here\n\nFirst paragraph. Second sentence.\n\nLast one.";
  px_doc *d = px_doc_new(text, strlen(text));
  assert_non_null(d);
  assert_int_equal(px_doc_segment(d, 0), PX_OK);
  assert_null(px_doc_layer(d, PX_LAYER_TOKENS, NULL));
  size_t np, ns, np2, ns2, nt;
  const px_span *p = px_doc_layer(d, PX_LAYER_PARAGRAPHS, &np);
  const px_span *s = px_doc_layer(d, PX_LAYER_SENTENCES, &ns);
  assert_int_equal(np, 3);
  assert_true(ns >= 3);
  /* without a title, the first paragraph is not a headline (a short line on its own is a heading) */
  assert_int_equal(p[0].kind, PX_PARA_HEADING);
  assert_int_equal(px_doc_segment(d, PX_SEGMENT_TOKENS), PX_OK);
  assert_ptr_equal(px_doc_layer(d, PX_LAYER_PARAGRAPHS, &np2), p);
  assert_ptr_equal(px_doc_layer(d, PX_LAYER_SENTENCES, &ns2), s);
  assert_int_equal(np2, np);
  assert_int_equal(ns2, ns);
  assert_non_null(px_doc_layer(d, PX_LAYER_TOKENS, &nt));
  assert_int_equal(nt, 11);
  /* sentences name their paragraph */
  for (size_t i = 0; i < ns; i++) {
    assert_true(s[i].aux < np);
    assert_true(p[s[i].aux].start <= s[i].start && s[i].end <= p[s[i].aux].end);
  }
  px_doc_free(d);

  /* With the title set, the first line is the headline. */
  d = px_doc_new(text, strlen(text));
  assert_non_null(d);
  assert_int_equal(px_doc_set_meta(d, PX_META_TITLE, "Headline here"), PX_OK);
  assert_int_equal(px_doc_segment(d, 0), PX_OK);
  p = px_doc_layer(d, PX_LAYER_PARAGRAPHS, &np);
  assert_int_equal(np, 3);
  assert_int_equal(p[0].kind, PX_PARA_HEADLINE);
  assert_int_equal(p[0].start, 0);
  assert_int_equal(p[0].end, strlen("Headline here"));
  assert_int_equal(p[1].kind, PX_PARA_TEXT);
  px_doc_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_clean_ascii_passthrough),
      cmocka_unit_test(test_clean_bom),
      cmocka_unit_test(test_clean_controls),
      cmocka_unit_test(test_clean_line_ends),
      cmocka_unit_test(test_clean_invalid_sequences),
      cmocka_unit_test(test_clean_strict),
      cmocka_unit_test(test_clean_null_counters),
      cmocka_unit_test(test_clean_nfc),
      cmocka_unit_test(test_clean_nfc_unchanged),
      cmocka_unit_test(test_stem_english),
      cmocka_unit_test(test_stem_lowercases_non_ascii),
      cmocka_unit_test(test_stem_small_buffer),
      cmocka_unit_test(test_tokens_words_and_numbers),
      cmocka_unit_test(test_tokens_abbreviations_and_apostrophes),
      cmocka_unit_test(test_tokens_urls_and_emails),
      cmocka_unit_test(test_tokens_punctuation_and_symbols),
      cmocka_unit_test(test_tokens_whitespace),
      cmocka_unit_test(test_segment_keeps_layers),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
