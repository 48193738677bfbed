/* eval_story.c - scores the story's claim groups against the gold
 * `story_facts` of a reference corpus.
 *
 *   eval_story [-v] DIR
 *
 * DIR is the evaluation directory (../shared/eval); each corpus is read from
 * DIR/../corpus/NAME: every article the gold lists, in the gold's order,
 * through the normal pipeline (px_ingest_path with its sidecar), then
 * px_story_build(). A gold story fact lists, for one measure (e.g. the share
 * of a city under one side's control), the claims each article makes:
 * {doc, text, occurrence, value or value_pct, as_of, speaker}. Items marked
 * `derived` (a value the annotator computed) and items without a number
 * are not claims a tool can find, and are left out.
 *
 * A gold item is found when a claim of the same document overlaps its span
 * (the occurrence-th match of its text in the file). Scores per fact:
 *   found     share of gold items that are claims of some group
 *   together  share of the found items in the fact's main group (the story
 *             group holding most of them): how well grouping keeps one
 *             measure together across sources
 *   as_of     share of found items whose as_of equals the gold's
 *   speaker   share of found items whose speaker agrees with the gold's
 *             (null = the outlet's own voice)
 *   verdict   the main group's verdict (the gold facts are progressions
 *             or disagreements over time; printed, not scored)
 * Totals are micro-averaged over the facts.
 *
 * Actor labels: each gold group label (a span with its `side` and `tone`) is
 * looked up in the actor table: the group mention at its span, its story
 * entity, the actor holding that document's label of that name. Over every
 * pair of found labels from two different sources, pairwise precision and
 * recall of "same actor" against "same gold side" say how well the table
 * aligns one side's labels across sources ("rebels" in one, "terrorists" in
 * another); tone agreement is counted on the found labels. Printed; the
 * floors are on the claim scores.
 * Exits 1 below a floor, 77 (skipped) when no gold is found.
 */
#include "parallax.h"

#include <dirent.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "goldmap.h"

/* Floors: the scores when last measured (found 0.955, together 1.000, as_of
 * 0.905, speaker 0.857) less a margin of a few points for rule changes that
 * trade one case for another. Raise them when the scores go up; never lower
 * them to let a regression pass. */
#define FLOOR_FOUND 0.93
#define FLOOR_TOGETHER 0.95
#define FLOOR_AS_OF 0.85
#define FLOOR_SPEAKER 0.80

static int verbose;

typedef struct article {
  const char *id;
  char *raw;
  size_t raw_len;
  line_map map;
} article;

static const char *jstr(json_t *o, const char *k) {
  json_t *v = json_object_get(o, k);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

/* The raw-file span of the occurrence-th match of `text`, or false. */
static bool gold_span(const article *a, const char *text, size_t occurrence, size_t *start, size_t *end) {
  size_t n = strlen(text), pos = 0;
  for (size_t k = 0; k < (occurrence ? occurrence : 1); k++) {
    const char *at = find(a->raw + pos, a->raw_len - pos, text, n);
    if (!at) return false;
    *start = (size_t)(at - a->raw);
    pos = *start + 1;
  }
  *end = *start + n;
  return true;
}

/* Loose name agreement: equal ignoring case, or one contains the other's last word. */
static bool same_speaker(const char *gold, const char *got) {
  if (!gold || !got) return !gold && !got;
  if (strcasecmp(gold, got) == 0) return true;
  const char *g = strrchr(gold, ' '), *o = strrchr(got, ' ');
  g = g ? g + 1 : gold;
  o = o ? o + 1 : got;
  return strcasecmp(g, o) == 0;
}

typedef struct totals {
  size_t gold, found, together, as_of, speaker;
} totals;

/* The claim of document `doc` overlapping raw span [s, e), or -1. */
static long find_claim(const px_story *st, const article *arts, size_t doc, size_t s, size_t e) {
  size_t nc = 0;
  const px_claim *c = px_story_claims(st, &nc);
  for (size_t i = 0; i < nc; i++) {
    if (c[i].doc != doc) continue;
    size_t cs = to_raw(&arts[doc].map, c[i].start), ce = to_raw(&arts[doc].map, c[i].end ? c[i].end - 1 : 0) + 1;
    if (cs < e && s < ce) return (long)i;
  }
  return -1;
}

/* The group holding claim i. */
static size_t group_of(const px_story *st, size_t i) {
  size_t ng = 0;
  const px_claim_group *g = px_story_claim_groups(st, &ng);
  for (size_t k = 0; k < ng; k++)
    if (i >= g[k].first_claim && i < g[k].first_claim + g[k].claim_count) return k;
  return (size_t)-1;
}

static void score_fact(const px_story *st, const article *arts, size_t na, const char *name, json_t *fact,
                       totals *t) {
  size_t ng = 0, nc = 0, ne = 0;
  const px_claim_group *groups = px_story_claim_groups(st, &ng);
  const px_claim *claims = px_story_claims(st, &nc);
  const px_story_entity *ents = px_story_entities(st, &ne);
  size_t *votes = calloc(ng + 1, sizeof *votes);
  totals f = {0};
  json_t *items = json_object_get(fact, "items"), *it;
  size_t idx;
  long *hit = calloc(json_array_size(items) + 1, sizeof *hit);
  if (!votes || !hit) exit(2);
  json_array_foreach(items, idx, it) {
    hit[idx] = -1;
    json_t *v = json_object_get(it, "value_pct");
    if (!v) v = json_object_get(it, "value");
    if (!json_is_number(v) || json_is_true(json_object_get(it, "derived"))) continue;
    size_t doc = na, s, e;
    for (size_t k = 0; k < na; k++)
      if (jstr(it, "doc") && strcmp(arts[k].id, jstr(it, "doc")) == 0) doc = k;
    if (doc == na || !gold_span(&arts[doc], jstr(it, "text") ? jstr(it, "text") : "",
                                (size_t)json_integer_value(json_object_get(it, "occurrence")), &s, &e))
      continue;
    f.gold++;
    hit[idx] = find_claim(st, arts, doc, s, e);
    if (hit[idx] < 0) {
      if (verbose) printf("    missed %s: %s \"%s\"\n", name, jstr(it, "doc"), jstr(it, "text"));
      continue;
    }
    f.found++;
    size_t g = group_of(st, (size_t)hit[idx]);
    votes[g < ng ? g : ng]++;
    const px_claim *c = &claims[hit[idx]];
    if (c->as_of && jstr(it, "as_of") && strcmp(c->as_of, jstr(it, "as_of")) == 0) f.as_of++;
    const char *who = c->speaker >= 0 && (size_t)c->speaker < ne ? ents[c->speaker].name : NULL;
    if (same_speaker(jstr(it, "speaker"), who)) f.speaker++;
    if (verbose)
      printf("    %s: %s \"%s\" -> group %ld, as_of %s (gold %s), speaker %s (gold %s)\n", name, jstr(it, "doc"),
             jstr(it, "text"), g < ng ? (long)g : -1L, c->as_of ? c->as_of : "-", jstr(it, "as_of"),
             who ? who : "-", jstr(it, "speaker") ? jstr(it, "speaker") : "-");
  }
  size_t main = ng;
  for (size_t g = 0; g < ng; g++)
    if (votes[g] && (main == ng || votes[g] > votes[main])) main = g;
  f.together = main < ng ? votes[main] : 0;
  if (f.gold) {
    printf("  %-28s found %zu/%zu, together %zu/%zu, as_of %zu/%zu, speaker %zu/%zu; main group: %s (%s, %zu "
           "claims)\n", name, f.found, f.gold, f.together, f.found, f.as_of, f.found, f.speaker, f.found,
           main < ng ? groups[main].measure : "none", main < ng ? px_verdict_name(groups[main].verdict) : "-",
           main < ng ? groups[main].claim_count : 0);
  }
  t->gold += f.gold, t->found += f.found, t->together += f.together, t->as_of += f.as_of,
      t->speaker += f.speaker;
  free(votes);
  free(hit);
}

static double ratio(size_t a, size_t b) { return b ? (double)a / (double)b : 0.0; }

/* The actor holding document doc's label for story entity e, or -1. */
static long actor_of(const px_story *st, size_t doc, int32_t e) {
  size_t na = 0, nl = 0, ne = 0;
  const px_actor *a = px_story_actors(st, &na);
  const px_label *l = px_story_labels(st, &nl);
  const px_story_entity *ents = px_story_entities(st, &ne);
  if (e < 0 || (size_t)e >= ne || !ents[e].name) return -1;
  for (size_t i = 0; i < na; i++)
    for (size_t k = a[i].first_label; k < a[i].first_label + a[i].label_count && k < nl; k++)
      if (l[k].doc == doc && l[k].text && strcmp(l[k].text, ents[e].name) == 0) return (long)i;
  return -1;
}

typedef struct found_label {
  size_t doc;
  long actor;
  const char *side;
} found_label;

static void score_labels(const px_story *st, const article *arts, size_t na, json_t *docs) {
  size_t cap = 0, n = 0, gold = 0, tone_right = 0;
  found_label *f = NULL;
  for (size_t d = 0; d < na; d++) {
    const px_doc *doc = px_corpus_doc(px_story_corpus(st), d);
    size_t nm = 0, nl = 0;
    const px_mention *m = px_doc_mentions(doc, &nm);
    const px_label *labels = px_story_labels(st, &nl);
    json_t *items = json_object_get(json_object_get(docs, arts[d].id), "group_labels"), *it;
    size_t idx;
    json_array_foreach(items, idx, it) {
      const char *side = jstr(it, "side");
      if (!side) continue;
      gold++;
      size_t gs = (size_t)json_integer_value(json_object_get(it, "byte_start"));
      size_t ge = (size_t)json_integer_value(json_object_get(it, "byte_end"));
      long actor = -1;
      for (size_t i = 0; i < nm && actor < 0; i++) {
        if (m[i].kind != PX_MENTION_GROUP) continue;
        size_t ms = to_raw(&arts[d].map, m[i].start), me = to_raw(&arts[d].map, m[i].end - 1) + 1;
        if (ms < ge && gs < me) actor = actor_of(st, d, px_story_entity_of(st, d, m[i].entity));
      }
      if (actor < 0) continue;
      size_t na2 = 0;
      const px_actor *a = px_story_actors(st, &na2);
      for (size_t k = a[actor].first_label; k < a[actor].first_label + a[actor].label_count; k++)
        if (labels[k].doc == d && jstr(it, "tone") && strcmp(px_tone_name(labels[k].tone), jstr(it, "tone")) == 0) {
          tone_right++;
          break;
        }
      if (n == cap && !(f = realloc(f, (cap = cap ? cap * 2 : 64) * sizeof *f))) exit(2);
      f[n++] = (found_label){d, actor, side};
    }
  }
  size_t both = 0, same_gold = 0, same_sys = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++) {
      if (f[i].doc == f[j].doc) continue;
      bool g = strcmp(f[i].side, f[j].side) == 0, sy = f[i].actor == f[j].actor;
      same_gold += g, same_sys += sy, both += g && sy;
    }
  size_t na3 = 0;
  px_story_actors(st, &na3);
  printf("  actor labels: %zu of %zu gold labels in the table, tone right in %zu; %zu actors; across sources, "
         "same actor vs same side: pairwise P %.3f R %.3f\n",
         n, gold, tone_right, na3, ratio(both, same_sys), ratio(both, same_gold));
  free(f);
}

/* Scores one corpus; 0, 1 below a floor, -1 when it could not be read. */
static int score_corpus(const char *cdir, const char *name, json_t *gold) {
  json_t *docs = json_object_get(gold, "documents"), *g;
  size_t na = json_object_size(docs), k = 0;
  article *arts = calloc(na + 1, sizeof *arts);
  px_corpus *c = px_corpus_new();
  const char *id;
  int rc = 0;
  if (!arts || !c) exit(2);
  json_object_foreach(docs, id, g) {
    char path[8192];
    snprintf(path, sizeof path, "%s/%s", cdir, jstr(g, "file") ? jstr(g, "file") : "");
    px_ingest_opts o = {0};
    arts[k].id = id;
    arts[k].raw = read_file(path, &arts[k].raw_len);
    if (!arts[k].raw || px_ingest_path(c, path, &o) != 0 || px_corpus_count(c) != k + 1) {
      fprintf(stderr, "eval_story: %s: could not read\n", path);
      rc = -1;
      break;
    }
    k++;
  }
  px_story *st = NULL;
  if (!rc && px_story_build(c, NULL, &st) != PX_OK) rc = -1;
  for (size_t i = 0; !rc && i < na; i++) {
    size_t len;
    const char *text = px_doc_text(px_corpus_doc(c, i), &len);
    if (map_lines(&arts[i].map, text, len, arts[i].raw, arts[i].raw_len)) rc = -1;
  }
  if (!rc) {
    totals t = {0};
    printf("%s story facts:\n", name);
    const char *fname;
    json_t *fact;
    json_object_foreach(json_object_get(gold, "story_facts"), fname, fact) score_fact(st, arts, na, fname, fact, &t);
    score_labels(st, arts, na, docs);
    double found = ratio(t.found, t.gold), together = ratio(t.together, t.found);
    printf("  total: found %.3f (%zu/%zu), together %.3f, as_of %.3f, speaker %.3f\n", found, t.found, t.gold,
           together, ratio(t.as_of, t.found), ratio(t.speaker, t.found));
    if (found < FLOOR_FOUND || together < FLOOR_TOGETHER || ratio(t.as_of, t.found) < FLOOR_AS_OF ||
        ratio(t.speaker, t.found) < FLOOR_SPEAKER) {
      printf("%s: below the floor (found %.2f, together %.2f, as_of %.2f, speaker %.2f)\n", name, FLOOR_FOUND,
             FLOOR_TOGETHER, FLOOR_AS_OF, FLOOR_SPEAKER);
      rc = 1;
    }
  }
  px_story_free(st);
  px_corpus_free(c);
  for (size_t i = 0; i < na; i++) free(arts[i].raw), free(arts[i].map.doc_start), free(arts[i].map.raw_start);
  free(arts);
  return rc;
}

/* each_gold's callback: 0 or 1 (below a floor, or unreadable). */
static int story_corpus(const char *cdir, const char *name, json_t *gold) {
  return score_corpus(cdir, name, gold) != 0;
}

int main(int argc, char **argv) {
  const char *dir = eval_args(argc, argv, "eval_story", &verbose);
  return dir ? each_gold(dir, "story_facts", story_corpus) : 2;
}
