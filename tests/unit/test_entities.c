/* test_entities.c - the entities stage: names, types, roles, aliases, acronyms, group nouns.
 * Every sentence here was written for these tests; the people, towns and bodies are invented
 * (the countries are real, as the gazetteer knows them). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "extract/entities.h"
#include "parallax.h"

static px_doc *analyze(const char *text) {
  px_doc *d = px_doc_new(text, strlen(text));
  assert_non_null(d);
  assert_int_equal(px_doc_analyze(d, NULL), PX_OK);
  return d;
}

/* The entity with this name, or NULL. */
static const px_entity *entity(px_doc *d, const char *name) {
  size_t n;
  const px_entity *e = px_doc_entities(d, &n);
  for (size_t i = 0; i < n; i++)
    if (!strcmp(e[i].name, name)) return &e[i];
  return NULL;
}

/* The mention texts of entity e, joined with '|'. */
static char *mentions_of(px_doc *d, const px_entity *e) {
  size_t ne, nm;
  const px_entity *E = px_doc_entities(d, &ne);
  const px_mention *M = px_doc_mentions(d, &nm);
  const char *t = px_doc_text(d, NULL);
  static char buf[1024];
  buf[0] = '\0';
  for (size_t m = 0; m < nm; m++)
    if (M[m].entity == (int32_t)(e - E)) {
      if (buf[0]) strcat(buf, "|");
      strncat(buf, t + M[m].start, M[m].end - M[m].start);
    }
  return buf;
}

/* The group labels in text order, joined with '|' as "label/head". */
static char *groups(px_doc *d) {
  size_t ne, nm;
  const px_entity *E = px_doc_entities(d, &ne);
  const px_mention *M = px_doc_mentions(d, &nm);
  const char *t = px_doc_text(d, NULL);
  static char buf[2048];
  buf[0] = '\0';
  for (size_t m = 0; m < nm; m++) {
    if (M[m].kind != PX_MENTION_GROUP) continue;
    if (buf[0]) strcat(buf, "|");
    strncat(buf, t + M[m].start, M[m].end - M[m].start);
    strcat(buf, "/");
    strcat(buf, E[M[m].entity].head);
  }
  return buf;
}

static void expect_groups(const char *text, const char *want) {
  px_doc *d = analyze(text);
  assert_string_equal(groups(d), want);
  px_doc_free(d);
}

static void test_tables(void **state) {
  (void)state;
  assert_true(px_lex_tables_ok());
  assert_true(px_lex_classes("Ministry", 8) & PX_LX_ORG);
  assert_true(px_lex_classes("said", 4) & PX_LX_SPEECH);
  assert_int_equal(px_lex_classes("zzqx", 4), 0);
  int link = 0;
  assert_true(px_gz_classes("France", 6, &link) & PX_GZ_COUNTRY);
  assert_string_equal(px_gz_country(link), "France");
  assert_true(px_gz_classes("French", 6, &link) & PX_GZ_DEMONYM);
  assert_string_equal(px_gz_country(link), "France");
  assert_true(px_gz_classes("Norwegian", 9, &link) & PX_GZ_DEMONYM);
  assert_string_equal(px_gz_country(link), "Norway");
  assert_true(px_gz_classes("UN", 2, &link) & PX_GZ_ACRONYM);
  assert_string_equal(px_gz_expansion(link), "United Nations");
  assert_true(px_gz_classes("Mexico City", 11, NULL) & PX_GZ_CITY);
  assert_true(px_gz_classes("Margaret", 8, NULL) & PX_GZ_FIRST);
  const px_group_noun *g = px_lex_group("Gunmen", 6);
  assert_non_null(g);
  assert_string_equal(g->lemma, "gunman");
  assert_null(px_lex_group("allies", 6));
}

static void test_people_roles(void **state) {
  (void)state;
  px_doc *d = analyze("Norwegian Foreign Minister Halvard Brusk arrived in Tarsa on Monday. "
                      "Brusk said the talks would go on.\n\n"
                      "The plan was drawn up by Ilsa Marnow, the French Minister of Trade, "
                      "and approved by union leader Corin Vate.");
  const px_entity *e = entity(d, "Halvard Brusk");
  assert_non_null(e);
  assert_int_equal(e->type, PX_ENT_PERSON);
  assert_string_equal(e->role, "Foreign Minister");
  assert_string_equal(e->affiliation, "Norway");
  assert_int_equal(e->mention_count, 2);
  assert_string_equal(mentions_of(d, e), "Halvard Brusk|Brusk");
  e = entity(d, "Ilsa Marnow");
  assert_non_null(e);
  assert_int_equal(e->type, PX_ENT_PERSON);
  assert_string_equal(e->role, "Minister of Trade");
  assert_string_equal(e->affiliation, "France");
  e = entity(d, "Corin Vate");
  assert_non_null(e);
  assert_string_equal(e->role, "union leader");
  assert_null(entity(d, "Norwegian Foreign Minister Halvard Brusk"));
  px_doc_free(d);
}

static void test_types(void **state) {
  (void)state;
  px_doc *d = analyze("Talks between the Harbour Workers' Union and the Ministry of Transport "
                      "resumed in Mexico City on Tuesday. Delegates from Kenya joined them, "
                      "and Mr Dovan Ressel of the Coastal Freight Authority spoke first.");
  const px_entity *e = entity(d, "Harbour Workers' Union");
  assert_non_null(e);
  assert_int_equal(e->type, PX_ENT_ORGANISATION);
  assert_non_null(e = entity(d, "Ministry of Transport"));
  assert_int_equal(e->type, PX_ENT_ORGANISATION);
  assert_non_null(e = entity(d, "Mexico City"));
  assert_int_equal(e->type, PX_ENT_PLACE);
  assert_non_null(e = entity(d, "Kenya"));
  assert_int_equal(e->type, PX_ENT_PLACE);
  assert_non_null(e = entity(d, "Dovan Ressel"));
  assert_int_equal(e->type, PX_ENT_PERSON);
  assert_non_null(e = entity(d, "Coastal Freight Authority"));
  assert_int_equal(e->type, PX_ENT_ORGANISATION);
  /* Sentence starts and months are not names. */
  assert_null(entity(d, "Talks"));
  assert_null(entity(d, "Delegates"));
  assert_null(entity(d, "Tuesday"));
  px_doc_free(d);

  /* Unknown single words: the words around them make them places. */
  d = analyze("Crews reached the village of Ostrel and flooded farms near Varnik. The Selva river rose, "
              "and aid arrived in Tamsk from Corvane.");
  assert_non_null(e = entity(d, "Ostrel"));
  assert_int_equal(e->type, PX_ENT_PLACE);
  assert_non_null(e = entity(d, "Varnik"));
  assert_int_equal(e->type, PX_ENT_PLACE);
  assert_non_null(e = entity(d, "Selva"));
  assert_int_equal(e->type, PX_ENT_PLACE);
  assert_non_null(e = entity(d, "Tamsk"));
  assert_int_equal(e->type, PX_ENT_PLACE);
  assert_non_null(e = entity(d, "Corvane")); /* "from" is no cue: "from Reuters" */
  assert_int_not_equal(e->type, PX_ENT_PLACE);
  px_doc_free(d);
}

static void test_aliases(void **state) {
  (void)state;
  px_doc *d = analyze("The Norwegian Defence Ministry said on Friday that Tarek al-Homsi had left. "
                      "Norway's Defense Ministry later denied it, and the Defence Ministry "
                      "declined to comment further. Witnesses said al-Homsi was seen near the "
                      "border, and Homsi's lawyer agreed.");
  const px_entity *e = entity(d, "Norwegian Defence Ministry");
  assert_non_null(e);
  assert_int_equal(e->type, PX_ENT_ORGANISATION);
  assert_int_equal(e->mention_count, 3);
  assert_string_equal(e->affiliation, "Norway");
  e = entity(d, "Tarek al-Homsi");
  assert_non_null(e);
  assert_int_equal(e->type, PX_ENT_PERSON);
  assert_string_equal(mentions_of(d, e), "Tarek al-Homsi|al-Homsi|Homsi");
  px_doc_free(d);
}

static void test_acronyms(void **state) {
  (void)state;
  px_doc *d = analyze("The Coastal Monitoring Network (CMN) counted 40 ships. A CMN spokesman "
                      "said the U.N. had been told, and the UN envoy to the region agreed. "
                      "The Vestrian Press Agency reported the figure; VPA staff confirmed it. "
                      "Officials in the U.S. declined to comment.");
  const px_entity *e = entity(d, "Coastal Monitoring Network");
  assert_non_null(e);
  assert_string_equal(mentions_of(d, e), "Coastal Monitoring Network|CMN|CMN");
  e = entity(d, "United Nations");
  assert_non_null(e);
  assert_int_equal(e->type, PX_ENT_ORGANISATION);
  assert_string_equal(mentions_of(d, e), "U.N.|UN");
  e = entity(d, "Vestrian Press Agency");
  assert_non_null(e);
  assert_string_equal(mentions_of(d, e), "Vestrian Press Agency|VPA");
  e = entity(d, "United States");
  assert_non_null(e);
  assert_int_equal(e->type, PX_ENT_PLACE);
  /* Acronym mentions have their kind. */
  size_t nm;
  const px_mention *M = px_doc_mentions(d, &nm);
  int acr = 0;
  for (size_t m = 0; m < nm; m++) acr += M[m].kind == PX_MENTION_ACRONYM;
  assert_int_equal(acr, 5); /* CMN CMN U.N. UN VPA */
  px_doc_free(d);
}

static void test_groups(void **state) {
  (void)state;
  expect_groups("Rebels fired on government forces near the bridge, and armed opposition groups "
                "said the militants had withdrawn.",
                "Rebels/rebel|government forces/force|armed opposition groups/group|militants/militant");
  /* Modifiers: pairs of adjectives, X-backed compounds; no determiners, numbers or possessives. */
  expect_groups("Foreign and local militias joined the three US-backed insurgents and Tarsa's "
                "fighters.",
                "Foreign and local militias/militia|US-backed insurgents/insurgent|fighters/fighter");
  /* Adjectival uses and relational nouns are not labels. */
  expect_groups("The rebel-held district lay near regime positions, where rebel commanders and "
                "their allies met.",
                "");
  /* A noun that modifies the head is part of the label. */
  expect_groups("A rebel fighter told the regime's envoy that the regime had lost.",
                "rebel fighter/fighter|regime/regime|regime/regime");
  /* "group" needs a modifier that makes it an actor; verbs are not heads. */
  expect_groups("A human rights group said armed groups were to blame. It forces us to act.",
                "armed groups/group");
  expect_groups("Police detained 40 protesters and riot police dispersed the rioters.",
                "Police/police|protesters/protester|riot police/police|rioters/rioter");
}

static void test_group_entities(void **state) {
  (void)state;
  px_doc *d = analyze("Government forces advanced. Later government forces withdrew, and the "
                      "gunmen fled. One gunman was caught.");
  size_t ne, nm;
  const px_entity *E = px_doc_entities(d, &ne);
  const px_mention *M = px_doc_mentions(d, &nm);
  const px_entity *e = entity(d, "Government forces");
  assert_non_null(e);
  assert_int_equal(e->type, PX_ENT_GROUP);
  assert_string_equal(e->head, "force");
  assert_int_equal(e->mention_count, 2);
  assert_non_null(e = entity(d, "gunmen"));
  assert_int_equal(e->mention_count, 2); /* "gunmen" and "gunman": one label by lemma */
  /* Mentions are in text order, with heads inside their spans. */
  for (size_t m = 0; m < nm; m++) {
    if (m) assert_true(M[m - 1].start <= M[m].start);
    assert_true(M[m].head_start >= M[m].start && M[m].head_end <= M[m].end);
    assert_true(M[m].entity >= 0 && (size_t)M[m].entity < ne);
    assert_true(E[M[m].entity].first_mention <= m);
  }
  px_doc_free(d);
}

static void test_in_quote(void **state) {
  (void)state;
  px_doc *d = analyze("\"The terrorists will be defeated,\" said Mara Vollen.");
  size_t nm;
  const px_mention *M = px_doc_mentions(d, &nm);
  assert_true(nm >= 2);
  assert_int_equal(M[0].kind, PX_MENTION_GROUP);
  assert_true(M[0].in_quote);
  assert_int_equal(M[0].sentence, 0);
  px_doc_free(d);
}

static char *repeat(const char *unit, size_t times) {
  size_t n = strlen(unit);
  char *s = malloc(n * times + 1);
  for (size_t i = 0; i < times; i++) memcpy(s + i * n, unit, n);
  s[n * times] = '\0';
  return s;
}

static void test_pathological(void **state) {
  (void)state;
  const char *units[] = {"Vostra ", "the ", "Ministry of ", "armed and ", "U.N. ", "al-X "};
  for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
    char *s = repeat(units[u], 100000);
    clock_t t0 = clock();
    px_doc *d = analyze(s);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    size_t n;
    px_doc_mentions(d, &n);
    assert_true(secs < 5.0);
    px_doc_free(d);
    free(s);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_tables),        cmocka_unit_test(test_people_roles),
      cmocka_unit_test(test_types),         cmocka_unit_test(test_aliases),
      cmocka_unit_test(test_acronyms),      cmocka_unit_test(test_groups),
      cmocka_unit_test(test_group_entities), cmocka_unit_test(test_in_quote),
      cmocka_unit_test(test_pathological),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
