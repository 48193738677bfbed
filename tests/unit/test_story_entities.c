/* test_story_entities.c - story stage 1: entities merged across documents.
 * The three "articles" were written for this test; the town, the brigade,
 * its commander and the agency are invented. Each outlet spells names its
 * own way: al-/el-/Al, Mohammed/Muhammad/Mohamed, Fateh/Fatah, an acronym
 * for the agency. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "parallax.h"

static const char *const texts[] = {
    "Rebels seize eastern Brennmark\n\n"
    "Rebels of the Red Valley Brigade seized the eastern district of Brennmark on Monday after heavy shelling. "
    "The rebels said they controlled the old bridge over the Lenna river.\n\n"
    "Mohammed al-Rashid, commander of the Red Valley Brigade, said the rebels would hold the district. "
    "The Jaish al-Fateh coalition said it had sent reinforcements. Anton Velkov said the army would return. "
    "The Green Dawn Movement said it backed the brigade.\n\n"
    "The United Relief Agency said 3,000 people had fled the town since Saturday.\n",

    "Army repels attack on Brennmark\n\n"
    "Terrorists of the Red Valley Brigade shelled the eastern district of Brennmark on Monday. "
    "Muhammad el-Rashid, the leader of the terrorists, was wounded in the fighting, the army said.\n\n"
    "General Anton Velkov said the town was calm. The URA said civilians were leaving the district.\n",

    "Opposition fighters hold Brennmark\n\n"
    "Opposition fighters from the Red Valley Brigade defended the eastern district of Brennmark on Monday. "
    "Mohamed Al Rashid said the regime forces were using heavy artillery. Velkov denied the claim. "
    "Jaish el-Fatah fighters joined the defence of the bridge. Green Dawn said on Monday it had sent help.\n\n"
    "The United Relief Agency (URA) said thousands had fled Brennmark.\n",
};

typedef struct fixture {
  px_corpus *c;
  px_story *s;
} fixture;

static int setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  f->c = px_corpus_new();
  static const char *const sources[] = {"Courier", "Herald", "Voice"};
  for (size_t i = 0; i < 3; i++) {
    px_doc *d = px_doc_new(texts[i], strlen(texts[i]));
    px_doc_set_meta(d, PX_META_SOURCE, sources[i]);
    px_doc_set_meta(d, PX_META_PUBLISHED, "2031-04-07");
    px_doc_set_meta(d, PX_META_ID, sources[i]);
    assert_int_equal(px_corpus_add(f->c, d), PX_OK);
  }
  assert_int_equal(px_story_build(f->c, NULL, &f->s), PX_OK);
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

/* The story entity of the entity of document d named `name`, or -1 (-2 when the document lacks it). */
static int32_t story_of(const fixture *f, size_t d, const char *name) {
  size_t n;
  const px_entity *e = px_doc_entities(px_corpus_doc(f->c, d), &n);
  for (size_t i = 0; i < n; i++)
    if (!strcmp(e[i].name, name)) return px_story_entity_of(f->s, d, (int32_t)i);
  return -2;
}

static void test_particles_and_transliterations(void **state) {
  const fixture *f = *state;
  int32_t a = story_of(f, 0, "Mohammed al-Rashid");
  assert_true(a >= 0);
  assert_int_equal(story_of(f, 1, "Muhammad el-Rashid"), a);
  assert_int_equal(story_of(f, 2, "Mohamed Al Rashid"), a);
  size_t n;
  const px_story_entity *e = px_story_entities(f->s, &n);
  assert_int_equal(e[a].doc_count, 3);
  assert_int_equal(e[a].type, PX_ENT_PERSON);
  int32_t j = story_of(f, 0, "Jaish al-Fateh");
  assert_true(j >= 0);
  assert_int_equal(story_of(f, 2, "Jaish el-Fatah"), j);
  int32_t g = story_of(f, 0, "Green Dawn Movement"); /* a movement's name without "Movement" */
  assert_true(g >= 0);
  assert_int_equal(story_of(f, 2, "Green Dawn"), g);
}

static void test_acronym_and_surname(void **state) {
  const fixture *f = *state;
  int32_t u = story_of(f, 0, "United Relief Agency");
  assert_true(u >= 0);
  assert_int_equal(story_of(f, 1, "URA"), u);
  assert_int_equal(story_of(f, 2, "United Relief Agency"), u);
  int32_t v = story_of(f, 0, "Anton Velkov");
  assert_true(v >= 0);
  assert_int_equal(story_of(f, 2, "Velkov"), v); /* a lone surname joins the one full name */
  size_t n, na;
  const px_story_entity *e = px_story_entities(f->s, &n);
  const px_story_alias *al = px_story_aliases(f->s, &na);
  assert_string_equal(e[u].name, "United Relief Agency");
  /* aliases: per document, the forms and their counts */
  int ura = 0;
  for (size_t i = e[u].first_alias; i < e[u].first_alias + e[u].alias_count; i++)
    if (!strcmp(al[i].text, "URA")) ura++;
  assert_int_equal(ura, 2);
}

static void test_groups_and_order(void **state) {
  const fixture *f = *state;
  size_t n;
  const px_story_entity *e = px_story_entities(f->s, &n);
  int32_t brigade = story_of(f, 0, "Red Valley Brigade"), town = story_of(f, 0, "Brennmark");
  assert_int_equal(story_of(f, 1, "Red Valley Brigade"), brigade);
  assert_int_equal(e[brigade].doc_count, 3);
  assert_int_equal(e[town].doc_count, 3);
  for (size_t i = 1; i < n; i++) { /* documents, then mentions, descending */
    assert_true(e[i - 1].doc_count >= e[i].doc_count);
    if (e[i - 1].doc_count == e[i].doc_count) assert_true(e[i - 1].mention_count >= e[i].mention_count);
  }
  /* group labels are kept per label, with the head lemmatised */
  int rebel = -1, terrorist = -1;
  for (size_t i = 0; i < n; i++) {
    if (e[i].type != PX_ENT_GROUP) continue;
    if (!strcmp(e[i].name, "rebel")) rebel = (int)i;
    if (!strcmp(e[i].name, "terrorist")) terrorist = (int)i;
  }
  assert_true(rebel >= 0 && terrorist >= 0 && rebel != terrorist);
  assert_int_equal(e[rebel].mention_count, 4);
  assert_int_equal(px_story_entity_of(f->s, 9, 0), -1);
}

/* No document, an empty one, and names that normalise to nothing or overflow a key. */
static void test_odd_inputs(void **state) {
  (void)state;
  px_corpus *c = px_corpus_new();
  px_story *s = NULL;
  assert_int_equal(px_story_build(c, NULL, &s), PX_OK);
  size_t n = 1;
  px_story_entities(s, &n);
  assert_int_equal(n, 0);
  px_story_actors(s, &n);
  assert_int_equal(n, 0);
  px_story_free(s);
  static const char odd[] =
      "Al- El- and Dr. met Ms. Al at the \xc3\x91o\xc3\xb1o Al-Ash-Sham Front on Monday. "
      "Sheikh Sheikh Al-Al said the U.N. and the UN and the U-N agreed. "
      "Rebels, rebels and REBELS fought soldiers against soldiers between rebels and rebels. "
      "The Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa Bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb "
      "Cccccccccccccccccccccccccccccccccccccccccccccccccccccc Ddddddddddddddddddddddddddddddddddddddddd Brigade "
      "fighters attacked.\n";
  const char *texts2[] = {"", odd, odd};
  for (size_t i = 0; i < 3; i++) {
    px_doc *d = px_doc_new(texts2[i], strlen(texts2[i]));
    px_doc_set_meta(d, PX_META_SOURCE, i ? "Odd" : "Empty");
    assert_int_equal(px_corpus_add(c, d), PX_OK);
  }
  assert_int_equal(px_story_build(c, NULL, &s), PX_OK);
  const px_story_entity *e = px_story_entities(s, &n);
  for (size_t i = 0; i < n; i++) {
    assert_non_null(e[i].name);
    assert_true(e[i].doc_count >= 1 && e[i].doc_count <= 2);
  }
  size_t ne;
  px_doc_entities(px_corpus_doc(c, 1), &ne);
  for (size_t i = 0; i < ne; i++) /* the two copies merge entity by entity */
    assert_int_equal(px_story_entity_of(s, 1, (int32_t)i), px_story_entity_of(s, 2, (int32_t)i));
  px_story_free(s);
  px_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_particles_and_transliterations),
      cmocka_unit_test(test_acronym_and_surname),
      cmocka_unit_test(test_groups_and_order),
      cmocka_unit_test(test_odd_inputs),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
