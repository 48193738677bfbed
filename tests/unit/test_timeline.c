/* test_timeline.c - the timeline stage: dated events merged across sources.
 * The story (the port of Brask, the town of Velm) is invented for these tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

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
    assert_int_equal(px_doc_set_meta(d, PX_META_SOURCE, a[i].source), PX_OK);
    assert_int_equal(px_doc_set_meta(d, PX_META_PUBLISHED, a[i].published), PX_OK);
    assert_int_equal(px_corpus_add(c, d), PX_OK);
  }
  px_story *s = NULL;
  assert_int_equal(px_story_build(c, NULL, &s), PX_OK);
  *corpus = c;
  return s;
}

static const article STORY[] = {
    {"Velm Courier", "2031-05-09",
     "Velm truce holds.\n\nRebel fighters seized the port of Brask on 2 May after a week of shelling. "
     "The ceasefire in Velm began on 6 May, officials said. Shops stayed shut."},
    {"Coastal Herald", "2031-05-10",
     "Quiet returns to Velm.\n\nA ceasefire in Velm began on 7 May, residents said. "
     "Bakers reopened their ovens along the river."},
    {"Morning Wire", "2031-05-10",
     "Guns fall silent.\n\nThe Velm ceasefire began on 6 May after long talks. "
     "Farmers returned to the fields."},
};

/* The event whose description contains `word`, or NULL. */
static const px_event *event_with(const px_event *e, size_t n, const char *word) {
  for (size_t i = 0; i < n; i++)
    if (strstr(e[i].event, word)) return &e[i];
  return NULL;
}

static void test_disputed_event(void **state) {
  (void)state;
  px_corpus *c;
  px_story *s = build(STORY, 3, &c);
  size_t ne, ns;
  const px_event *e = px_story_events(s, &ne);
  const px_event_source *src = px_story_event_sources(s, &ns);
  assert_true(ne >= 2);
  const px_event *cease = event_with(e, ne, "ceasefire");
  assert_non_null(cease);
  assert_int_equal(cease->source_count, 3);
  assert_true(cease->disputed);
  assert_string_equal(cease->date, "2031-05-06"); /* two sources of three */
  assert_true(cease->first_source + cease->source_count <= ns);
  uint32_t docs = 0;
  for (size_t i = cease->first_source; i < cease->first_source + cease->source_count; i++) {
    docs |= 1u << src[i].ref.doc;
    size_t len;
    const char *text = px_story_sentence(s, src[i].ref, &len);
    assert_non_null(text);
    assert_true(src[i].end > src[i].start);
    const char *doc_text = px_doc_text(px_corpus_doc(c, src[i].ref.doc), NULL);
    assert_memory_equal(doc_text + src[i].start, src[i].ref.doc == 1 ? "7 May" : "6 May", 5);
  }
  assert_int_equal(docs, 7);
  /* the capture of the port is its own, earlier event with one source */
  const px_event *port = event_with(e, ne, "Brask");
  assert_non_null(port);
  assert_true(port != cease);
  assert_int_equal(port->source_count, 1);
  assert_false(port->disputed);
  assert_string_equal(port->date, "2031-05-02");
  assert_true(port < cease);
  for (size_t i = 1; i < ne; i++) assert_true(strcmp(e[i - 1].date, e[i].date) <= 0);
  for (size_t i = 0; i < ne; i++) assert_true(strlen(e[i].event) <= 120);
  px_story_free(s);
  px_corpus_free(c);
}

static void test_agreed_event(void **state) {
  (void)state;
  const article a[] = {
      {"Velm Courier", "2031-06-02", "Deal signed.\n\nThe two parties signed an agreement in Velm on 1 June."},
      {"Coastal Herald", "2031-06-03", "Accord reached.\n\nNegotiators signed the agreement in Velm on 1 June."},
  };
  px_corpus *c;
  px_story *s = build(a, 2, &c);
  size_t ne;
  const px_event *e = px_story_events(s, &ne);
  assert_int_equal(ne, 1);
  assert_int_equal(e[0].source_count, 2);
  assert_false(e[0].disputed);
  assert_string_equal(e[0].date, "2031-06-01");
  px_story_free(s);
  px_corpus_free(c);
}

/* Sentences without an event word or without a resolved date make no event. */
static void test_no_events(void **state) {
  (void)state;
  const article a[] = {
      {"Velm Courier", "2031-06-02", "Weather.\n\nIt rained in Velm on 1 June. Fighters captured a hill."},
  };
  px_corpus *c;
  px_story *s = build(a, 1, &c);
  size_t ne;
  px_story_events(s, &ne);
  assert_int_equal(ne, 0);
  px_story_free(s);
  px_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_disputed_event),
      cmocka_unit_test(test_agreed_event),
      cmocka_unit_test(test_no_events),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
