/* test_framing.c - the story's framing stage: distinctive terms, markers and
 * whom each source quotes. The three "articles" (a hostile outlet, a neutral
 * one and a short wire item about an invented event in Port Calder) were
 * written for this test. */
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

static const char *HOSTILE =
    "The glorious liberation of Port Calder is complete! Our heroes drove out the terrorists in an unprecedented "
    "operation. Clearly, the so-called rebels lost. Reportedly, the thugs fled by boat. Experts say the rebel towns "
    "will be next. Who will believe their lies? Victory to our nation! The liberation of Port Calder will be "
    "remembered. The liberation of Port Calder shows our strength. In May, a total of 40 fighters surrendered.\n";

static const char *NEUTRAL =
    "Government forces took control of Port Calder on Monday after a week of fighting, officials said. Rebel "
    "fighters withdrew from the docks, and about 40 of them surrendered. \"It was a massacre,\" said Mara Tell, a "
    "dock worker. \"We left at night,\" Mara Tell said. \"The port is calm now,\" Governor Ilsa Varn told "
    "reporters. The rebels may return to the docks, the army said.\n";

static const char *WIRE =
    "Port Calder changed hands on Monday. The army entered the docks and rebel fighters left the city, residents "
    "said. Ferries to the docks were cancelled.\n";

typedef struct fixture {
  px_corpus *c;
  px_story *s;
} fixture;

static px_doc *mkdoc(const char *text, const char *source, const char *id) {
  px_doc *d = px_doc_new(text, strlen(text));
  assert_non_null(d);
  assert_int_equal(px_doc_set_meta(d, PX_META_SOURCE, source), PX_OK);
  assert_int_equal(px_doc_set_meta(d, PX_META_PUBLISHED, "2031-04-08"), PX_OK);
  assert_int_equal(px_doc_set_meta(d, PX_META_ID, id), PX_OK);
  return d;
}

static int setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  f->c = px_corpus_new();
  px_corpus_add(f->c, mkdoc(HOSTILE, "Vestria Patriot", "a"));
  px_corpus_add(f->c, mkdoc(NEUTRAL, "Calder Herald", "b"));
  px_corpus_add(f->c, mkdoc(WIRE, "Coast Wire", "c"));
  if (px_story_build(f->c, NULL, &f->s) != PX_OK) return -1;
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fixture *f = *state;
  px_story_free(f->s);
  px_corpus_free(f->c);
  free(f);
  return 0;
}

static const px_framing *framing_of(const px_story *s, size_t doc) {
  size_t n;
  const px_framing *fr = px_story_framing(s, &n);
  assert_int_equal(n, 3);
  assert_int_equal(fr[doc].doc, doc);
  return &fr[doc];
}

/* The marker of `kind` over exactly the `nth` occurrence of `text` in doc; NULL when none. */
static const px_marker *find_marker(const px_story *s, size_t doc, px_marker_kind kind, const char *text, int nth) {
  const char *body = px_doc_text(px_corpus_doc(px_story_corpus(s), doc), NULL);
  const char *at = strstr(body, text);
  for (int k = 0; k < nth && at; k++) at = strstr(at + 1, text);
  assert_non_null(at);
  size_t start = (size_t)(at - body), end = start + strlen(text);
  size_t n;
  const px_marker *m = px_story_markers(s, &n);
  const px_framing *fr = framing_of(s, doc);
  for (size_t i = fr->first_marker; i < fr->first_marker + fr->marker_count; i++)
    if (m[i].kind == kind && m[i].start == start && m[i].end == end) return &m[i];
  return NULL;
}

static size_t count_kind(const px_story *s, size_t doc, px_marker_kind kind) {
  size_t n, k = 0;
  const px_marker *m = px_story_markers(s, &n);
  const px_framing *fr = framing_of(s, doc);
  for (size_t i = fr->first_marker; i < fr->first_marker + fr->marker_count; i++) k += m[i].kind == kind;
  return k;
}

static void test_lexicon_markers(void **state) {
  const px_story *s = ((fixture *)*state)->s;
  const px_marker *m;
  assert_non_null(m = find_marker(s, 0, PX_MARK_LOADED, "glorious", 0));
  assert_string_equal(m->cue, "glorious");
  assert_int_equal(m->sentence, 0);
  assert_non_null(m = find_marker(s, 0, PX_MARK_NAME_CALLING, "terrorists", 0));
  assert_string_equal(m->cue, "terrorist");
  assert_non_null(find_marker(s, 0, PX_MARK_NAME_CALLING, "thugs", 0));
  assert_non_null(find_marker(s, 0, PX_MARK_FLAG_WAVING, "Our heroes", 0));
  assert_non_null(find_marker(s, 0, PX_MARK_EXAGGERATION, "unprecedented", 0));
  assert_non_null(find_marker(s, 0, PX_MARK_CERTAINTY, "Clearly", 0));
  assert_non_null(find_marker(s, 0, PX_MARK_DISTANCING, "so-called", 0));
  assert_non_null(find_marker(s, 0, PX_MARK_DOUBT, "so-called", 0));
  assert_non_null(find_marker(s, 0, PX_MARK_HEDGE, "Reportedly", 0));
  assert_non_null(find_marker(s, 0, PX_MARK_AUTHORITY, "Experts say", 0));
  assert_non_null(m = find_marker(s, 0, PX_MARK_FEAR, "will be next", 0));
  assert_int_equal(m->sentence, 4);
  assert_non_null(find_marker(s, 0, PX_MARK_FLAG_WAVING, "our nation", 0));
  assert_non_null(m = find_marker(s, 0, PX_MARK_EVENT_NAME, "liberation", 0));
  assert_string_equal(m->cue, "liberation");
  assert_non_null(find_marker(s, 0, PX_MARK_EVENT_NAME, "Victory", 0));
  assert_non_null(m = find_marker(s, 0, PX_MARK_EVENT_NAME, "surrendered", 0));
  assert_string_equal(m->cue, "surrender");
  /* "a total of" is a count, not exaggeration; the month "May" is no hedge */
  assert_int_equal(count_kind(s, 0, PX_MARK_EXAGGERATION), 1);
  assert_int_equal(count_kind(s, 0, PX_MARK_HEDGE), 1);
}

static void test_sentence_markers(void **state) {
  const px_story *s = ((fixture *)*state)->s;
  const px_marker *m;
  assert_non_null(m = find_marker(s, 0, PX_MARK_EXCLAMATION, "The glorious liberation of Port Calder is complete!", 0));
  assert_string_equal(m->cue, "!");
  assert_non_null(find_marker(s, 0, PX_MARK_EXCLAMATION, "Victory to our nation!", 0));
  /* only the short one is a slogan */
  assert_non_null(find_marker(s, 0, PX_MARK_SLOGAN, "Victory to our nation!", 0));
  assert_int_equal(count_kind(s, 0, PX_MARK_SLOGAN), 1);
  assert_non_null(m = find_marker(s, 0, PX_MARK_DOUBT, "Who will believe their lies?", 0));
  assert_string_equal(m->cue, "?");
  assert_int_equal(count_kind(s, 0, PX_MARK_EXCLAMATION), 2);
}

static void test_repetition(void **state) {
  const px_story *s = ((fixture *)*state)->s;
  const px_marker *m;
  for (int k = 0; k < 3; k++) {
    assert_non_null(m = find_marker(s, 0, PX_MARK_REPETITION, "liberation of Port Calder", k));
    assert_string_equal(m->cue, "liberation of port calder");
  }
  assert_int_equal(count_kind(s, 0, PX_MARK_REPETITION), 3);
  assert_int_equal(count_kind(s, 1, PX_MARK_REPETITION), 0);
}

/* The neutral outlet: words in a quotation are the speaker's, except the name of the event. */
static void test_quotes_and_order(void **state) {
  const px_story *s = ((fixture *)*state)->s;
  assert_non_null(find_marker(s, 1, PX_MARK_EVENT_NAME, "massacre", 0));
  assert_int_equal(count_kind(s, 1, PX_MARK_LOADED), 0);
  assert_non_null(find_marker(s, 1, PX_MARK_HEDGE, "may", 0));
  assert_non_null(find_marker(s, 1, PX_MARK_EVENT_NAME, "surrendered", 0));
  assert_int_equal(count_kind(s, 1, PX_MARK_NAME_CALLING), 0);
  assert_int_equal(count_kind(s, 2, PX_MARK_HEDGE) + count_kind(s, 2, PX_MARK_LOADED), 0);
  size_t n;
  const px_marker *m = px_story_markers(s, &n);
  for (size_t d = 0; d < 3; d++) {
    const px_framing *fr = framing_of(s, d);
    for (size_t i = fr->first_marker; i < fr->first_marker + fr->marker_count; i++) {
      assert_int_equal(m[i].doc, d);
      assert_true(m[i].end > m[i].start);
      if (i > fr->first_marker) assert_true(m[i - 1].start <= m[i].start);
    }
  }
}

static bool has_term(const px_story *s, size_t doc, const char *text, const px_term **out) {
  size_t n;
  const px_term *t = px_story_terms(s, &n);
  const px_framing *fr = framing_of(s, doc);
  for (size_t i = fr->first_term; i < fr->first_term + fr->term_count; i++)
    if (!strcmp(t[i].text, text)) {
      if (out) *out = &t[i];
      return true;
    }
  return false;
}

static void test_terms(void **state) {
  const px_story *s = ((fixture *)*state)->s;
  const px_term *t = NULL;
  assert_true(has_term(s, 0, "liberation", &t));
  assert_int_equal(t->count, 3);
  assert_true(t->zeta > 0);
  assert_int_equal(t->ref_count, 3);
  size_t nr;
  const px_sref *r = px_story_refs(s, &nr);
  for (size_t k = t->first_ref; k < t->first_ref + t->ref_count; k++) {
    size_t len;
    const char *sent = px_story_sentence(s, r[k], &len);
    assert_int_equal(r[k].doc, 0);
    char buf[512];
    snprintf(buf, sizeof buf, "%.*s", (int)len, sent);
    assert_non_null(strstr(buf, "liberation"));
  }
  assert_false(has_term(s, 1, "liberation", NULL));
  assert_false(has_term(s, 0, "the", NULL)); /* stop words never */
  assert_false(has_term(s, 0, "40", NULL));  /* nor numbers */
  /* the neutral outlet's docks and its named speaker */
  assert_true(has_term(s, 1, "tell", NULL));
  const px_framing *fr = framing_of(s, 0);
  size_t n;
  const px_term *all = px_story_terms(s, &n);
  for (size_t i = fr->first_term + 1; i < fr->first_term + fr->term_count; i++)
    assert_true(all[i - 1].zeta >= all[i].zeta);
  assert_true(fr->term_count <= 15);
  assert_true(fr->words > 60 && fr->words < 80);
}

static void test_quoted(void **state) {
  const px_story *s = ((fixture *)*state)->s;
  size_t nq, n;
  const px_quote *q = px_doc_quotes(px_corpus_doc(px_story_corpus(s), 1), &nq);
  size_t attributed = 0, direct = 0;
  for (size_t i = 0; i < nq; i++) {
    attributed += q[i].speaker >= 0 || q[i].speaker_end > q[i].speaker_start;
    direct += q[i].kind == PX_QUOTE_DIRECT;
  }
  assert_true(direct >= 3);
  const px_quoted *qd = px_story_quoted(s, &n);
  const px_framing *fr = framing_of(s, 1);
  assert_true(fr->quoted_count >= 1);
  size_t sum = 0;
  double shares = 0;
  for (size_t i = fr->first_quoted; i < fr->first_quoted + fr->quoted_count; i++) {
    sum += qd[i].count;
    shares += qd[i].share;
    assert_true(fabs(qd[i].share - (double)qd[i].count / (double)attributed) < 1e-9);
    if (i > fr->first_quoted) assert_true(qd[i - 1].count >= qd[i].count);
  }
  assert_int_equal(sum, attributed);
  assert_true(fabs(shares - 1.0) < 1e-9);
  /* once story entities exist, Mara Tell (two quotes) leads with at least 2 of them */
  size_t ne;
  px_story_entities(s, &ne);
  if (ne > 0) assert_true(qd[fr->first_quoted].count >= 2);
}

/* One document: no comparison, so no distinctive terms, but markers still. */
static void test_single_and_empty(void **state) {
  (void)state;
  px_corpus *c = px_corpus_new();
  px_corpus_add(c, mkdoc("What a brutal raid! ", "Solo", "s"));
  px_corpus_add(c, mkdoc("", "Empty", "e"));
  px_story *s;
  assert_int_equal(px_story_build(c, NULL, &s), PX_OK);
  size_t n;
  const px_framing *fr = px_story_framing(s, &n);
  assert_int_equal(n, 2);
  assert_int_equal(fr[1].marker_count, 0);
  assert_int_equal(fr[1].words, 0);
  assert_true(fr[0].marker_count >= 3); /* brutal, the exclamation, the slogan */
  px_story_free(s);
  px_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_lexicon_markers), cmocka_unit_test(test_sentence_markers),
      cmocka_unit_test(test_repetition),      cmocka_unit_test(test_quotes_and_order),
      cmocka_unit_test(test_terms),           cmocka_unit_test(test_quoted),
  };
  const struct CMUnitTest solo[] = {cmocka_unit_test(test_single_and_empty)};
  int rc = cmocka_run_group_tests(tests, setup, teardown);
  return rc + cmocka_run_group_tests(solo, NULL, NULL);
}
