/* test_labels.c - story stage 2: the actor label table. Invented stories:
 * three outlets call one armed group "rebels", "terrorists" and "opposition
 * fighters" around the same invented brigade and town, and its opponents
 * "government troops", "the army" and "regime forces"; three more call a
 * crowd "protesters", "rioters" and "demonstrators" facing the police. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "compare/labels_ctx.h"
#include "parallax.h"

static const char *const war[] = {
    "Rebels seize eastern Brennmark\n\n"
    "Rebels of the Red Valley Brigade seized the eastern district of Brennmark on Monday after heavy shelling, "
    "residents said. The rebels said they controlled the old bridge over the Lenna river.\n\n"
    "Government troops fought the rebels near the railway station for most of the day. The army said its "
    "soldiers had retaken two villages north of Brennmark.\n\n"
    "Mohammed al-Rashid, commander of the Red Valley Brigade, said the rebels would hold the eastern district. "
    "Al-Rashid accused the government troops of shelling homes in the east.\n\n"
    "The United Relief Agency said 3,000 people had fled the town since Saturday.\n",

    "Army repels terrorist attack on Brennmark\n\n"
    "Terrorists of the Red Valley Brigade shelled the eastern district of Brennmark on Monday. The terrorists "
    "attacked the old bridge and the railway station, the Defence Ministry said.\n\n"
    "The army repelled the terrorists and secured two villages north of Brennmark, General Anton Velkov said. "
    "Muhammad el-Rashid, the leader of the terrorists, was wounded in the fighting, the army said.\n\n"
    "The URA said civilians were leaving the eastern district.\n",

    "Opposition fighters hold the east of Brennmark\n\n"
    "Opposition fighters from the Red Valley Brigade defended the eastern district of Brennmark against regime "
    "forces on Monday. Regime forces shelled the old bridge and homes in the east for hours.\n\n"
    "The opposition fighters said they still held the railway station. Mohamed Al Rashid said the regime forces "
    "were using heavy artillery against homes. General Velkov denied the claim.\n\n"
    "The United Relief Agency (URA) said thousands had fled Brennmark.\n",
};

static const char *const protest[] = {
    "Thousands march in Port Aldane\n\n"
    "Protesters marched from the harbour to the town hall in Port Aldane on Saturday to oppose the new fuel tax. "
    "Police fired tear gas at the protesters near Mercer Square. The protesters chanted against the tax.\n",

    "Rioters clash with police in Port Aldane\n\n"
    "Rioters smashed shop windows near Mercer Square in Port Aldane on Saturday during a march against the fuel "
    "tax. Police arrested twelve rioters after the rioters threw stones at officers near the town hall.\n",

    "Port Aldane rallies against the fuel tax\n\n"
    "Peaceful demonstrators filled Mercer Square in Port Aldane on Saturday, demanding that the fuel tax be "
    "dropped. Police charged the demonstrators near the town hall. The demonstrators sang and marched to the "
    "harbour.\n",
};

typedef struct fixture {
  px_corpus *c;
  px_story *s;
} fixture;

static fixture *build(const char *const *texts, size_t n) {
  fixture *f = calloc(1, sizeof *f);
  f->c = px_corpus_new();
  static const char *const sources[] = {"Courier", "Herald", "Voice"};
  for (size_t i = 0; i < n; i++) {
    px_doc *d = px_doc_new(texts[i], strlen(texts[i]));
    px_doc_set_meta(d, PX_META_SOURCE, sources[i]);
    px_doc_set_meta(d, PX_META_PUBLISHED, "2031-04-07");
    px_doc_set_meta(d, PX_META_ID, sources[i]);
    assert_int_equal(px_corpus_add(f->c, d), PX_OK);
  }
  assert_int_equal(px_story_build(f->c, NULL, &f->s), PX_OK);
  return f;
}

static int setup(void **state) {
  fixture **f = calloc(2, sizeof *f);
  f[0] = build(war, 3);
  f[1] = build(protest, 3);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fixture **f = *state;
  for (int i = 0; i < 2; i++) {
    px_story_free(f[i]->s);
    px_corpus_free(f[i]->c);
    free(f[i]);
  }
  free(f);
  return 0;
}

/* The actor holding label `text` of document `doc` (its label in *out), or -1. */
static int actor_of(const px_story *s, uint32_t doc, const char *text, const px_label **out) {
  size_t na, nl;
  const px_actor *a = px_story_actors(s, &na);
  const px_label *l = px_story_labels(s, &nl);
  for (size_t i = 0; i < na; i++)
    for (size_t j = a[i].first_label; j < a[i].first_label + a[i].label_count; j++)
      if (l[j].doc == doc && !strcmp(l[j].text, text)) {
        if (out) *out = &l[j];
        return (int)i;
      }
  return -1;
}

static void test_one_side_three_labels(void **state) {
  const px_story *s = ((fixture **)*state)[0]->s;
  const px_label *rebel, *terrorist, *opp;
  int a = actor_of(s, 0, "rebel", &rebel);
  assert_true(a >= 0);
  assert_int_equal(actor_of(s, 1, "terrorist", &terrorist), a);
  assert_int_equal(actor_of(s, 2, "opposition fighter", &opp), a);
  assert_int_equal(rebel->count, 5); /* the headline counts too */
  assert_int_equal(terrorist->count, 4);
  assert_int_equal(opp->count, 3);
  assert_int_equal(rebel->tone, PX_TONE_NEUTRAL);
  assert_int_equal(terrorist->tone, PX_TONE_HOSTILE);
  assert_int_equal(opp->tone, PX_TONE_NEUTRAL);
  /* the brigade named with every label anchors the actor and is one of its labels */
  size_t na, ne;
  const px_actor *ac = px_story_actors(s, &na);
  const px_story_entity *e = px_story_entities(s, &ne);
  assert_true(ac[a].entity >= 0);
  assert_string_equal(e[ac[a].entity].name, "Red Valley Brigade");
  assert_true(actor_of(s, 1, "Red Valley Brigade", NULL) == a);
  assert_string_equal(ac[a].name, "rebel");
  assert_non_null(strstr(ac[a].evidence, "Red Valley Brigade"));
}

static void test_sides_stay_apart(void **state) {
  const px_story *s = ((fixture **)*state)[0]->s;
  int rebels = actor_of(s, 0, "rebel", NULL);
  int troops = actor_of(s, 0, "government troop", NULL), army = actor_of(s, 1, "army", NULL);
  int regime = actor_of(s, 2, "regime force", NULL);
  assert_true(troops >= 0 && army >= 0 && regime >= 0);
  assert_true(troops != rebels && army != rebels && regime != rebels);
  /* the labels that fight the same actor are one side */
  assert_int_equal(army, troops);
  assert_int_equal(regime, troops);
  const px_label *l;
  actor_of(s, 2, "regime force", &l);
  assert_int_equal(l->tone, PX_TONE_HOSTILE);
  size_t na;
  const px_actor *ac = px_story_actors(s, &na);
  assert_non_null(strstr(ac[troops].evidence, "kept apart"));
}

static void test_refs_and_order(void **state) {
  const px_story *s = ((fixture **)*state)[0]->s;
  const px_label *t;
  actor_of(s, 1, "terrorist", &t);
  size_t nr, na, nl;
  const px_sref *r = px_story_refs(s, &nr);
  assert_int_equal(t->ref_count, 4); /* four sentences use it */
  for (size_t i = t->first_ref; i < t->first_ref + t->ref_count; i++) {
    size_t len;
    const char *sent = px_story_sentence(s, r[i], &len);
    assert_int_equal(r[i].doc, 1);
    char buf[400] = {0};
    memcpy(buf, sent, len < sizeof buf - 1 ? len : sizeof buf - 1);
    assert_non_null(strstr(buf, "errorists"));
  }
  const px_actor *a = px_story_actors(s, &na);
  const px_label *l = px_story_labels(s, &nl);
  size_t covered = 0;
  for (size_t i = 0; i < na; i++) {
    assert_int_equal(a[i].first_label, covered); /* contiguous */
    covered += a[i].label_count;
    for (size_t j = a[i].first_label + 1; j < a[i].first_label + a[i].label_count; j++)
      assert_true(l[j - 1].doc < l[j].doc || (l[j - 1].doc == l[j].doc && l[j - 1].count >= l[j].count));
  }
  assert_int_equal(covered, nl);
}

static void test_crowd_and_police(void **state) {
  const px_story *s = ((fixture **)*state)[1]->s;
  const px_label *rioter, *peaceful;
  int crowd = actor_of(s, 0, "protester", NULL);
  assert_true(crowd >= 0);
  assert_int_equal(actor_of(s, 1, "rioter", &rioter), crowd);
  assert_int_equal(rioter->tone, PX_TONE_HOSTILE);
  int police = actor_of(s, 0, "police", NULL);
  assert_true(police >= 0 && police != crowd);
  int dem = actor_of(s, 2, "peaceful demonstrator", &peaceful);
  if (dem < 0) dem = actor_of(s, 2, "demonstrator", &peaceful);
  assert_int_equal(dem, crowd);
}

/* Forces named after a person are hostile; the person's own name is not a label. */
static void test_personalised_forces(void **state) {
  (void)state;
  static const char *const one[] = {
      "General Anton Velkov ordered the assault on Brennmark on Monday. Al-Velkov forces shelled the eastern "
      "district for six hours, and Velkov forces took the bridge. The rebels said government troops had also "
      "fired on the bridge.\n"};
  fixture *f = build(one, 1);
  size_t nl;
  const px_label *l = px_story_labels(f->s, &nl);
  int seen = 0;
  for (size_t i = 0; i < nl; i++) {
    if (strstr(l[i].text, "velkov")) assert_int_equal(l[i].tone, PX_TONE_HOSTILE), seen++;
    if (!strcmp(l[i].text, "government troop")) assert_int_equal(l[i].tone, PX_TONE_NEUTRAL), seen++;
  }
  assert_int_equal(seen, 3);
  px_story_free(f->s);
  px_corpus_free(f->c);
  free(f);
}

static void test_tone_lexicon(void **state) {
  (void)state;
  assert_int_equal(px_s_label_tone("rebel"), PX_TONE_NEUTRAL);
  assert_int_equal(px_s_label_tone("government force"), PX_TONE_NEUTRAL);
  assert_int_equal(px_s_label_tone("regime force"), PX_TONE_HOSTILE);
  assert_int_equal(px_s_label_tone("freedom fighter"), PX_TONE_SYMPATHETIC);
  assert_int_equal(px_s_label_tone("peaceful protester"), PX_TONE_SYMPATHETIC);
  assert_int_equal(px_s_label_tone("illegal alien"), PX_TONE_HOSTILE);
  assert_int_equal(px_s_label_tone("asylum seeker"), PX_TONE_NEUTRAL);
  assert_int_equal(px_s_label_tone("terror-linked group"), PX_TONE_HOSTILE);
  assert_int_equal(px_s_label_tone("resident"), PX_TONE_NEUTRAL);
  assert_int_equal(px_s_label_tone(""), PX_TONE_NEUTRAL);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_one_side_three_labels), cmocka_unit_test(test_sides_stay_apart),
      cmocka_unit_test(test_refs_and_order),        cmocka_unit_test(test_crowd_and_police),
      cmocka_unit_test(test_personalised_forces),  cmocka_unit_test(test_tone_lexicon),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
