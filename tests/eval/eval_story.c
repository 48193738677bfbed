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
 * Totals are micro-averaged over the facts. Exits 1 below a floor, 77
 * (skipped) when no gold is found.
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

/* Floors, from the scores when last measured less a margin (see the closing
 * notes in the issue tracker). Raise them when the scores go up. */
#define FLOOR_FOUND 0.0
#define FLOOR_TOGETHER 0.0

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
    double found = ratio(t.found, t.gold), together = ratio(t.together, t.found);
    printf("  total: found %.3f (%zu/%zu), together %.3f, as_of %.3f, speaker %.3f\n", found, t.found, t.gold,
           together, ratio(t.as_of, t.found), ratio(t.speaker, t.found));
    if (found < FLOOR_FOUND || together < FLOOR_TOGETHER) {
      printf("%s: below the floor (found %.2f, together %.2f)\n", name, FLOOR_FOUND, FLOOR_TOGETHER);
      rc = 1;
    }
  }
  px_story_free(st);
  px_corpus_free(c);
  for (size_t i = 0; i < na; i++) free(arts[i].raw), free(arts[i].map.doc_start), free(arts[i].map.raw_start);
  free(arts);
  return rc;
}

int main(int argc, char **argv) {
  const char *dir = NULL;
  for (int a = 1; a < argc; a++) {
    if (strcmp(argv[a], "-v") == 0) verbose = 1;
    else dir = argv[a];
  }
  if (!dir) {
    fprintf(stderr, "usage: eval_story [-v] DIR\n");
    return 2;
  }
  char root[4096];
  snprintf(root, sizeof root, "%s/../corpus", dir);
  DIR *dh = opendir(root);
  if (!dh) {
    printf("skipped: no reference corpus at %s\n", root);
    return 77;
  }
  int status = 0, found = 0;
  struct dirent *de;
  while ((de = readdir(dh))) {
    if (de->d_name[0] == '.') continue;
    char cdir[4096 + 256], gpath[4096 + 300];
    snprintf(cdir, sizeof cdir, "%s/%s", root, de->d_name);
    snprintf(gpath, sizeof gpath, "%s/gold.json", cdir);
    json_error_t err;
    json_t *gold = json_load_file(gpath, 0, &err);
    if (!gold) continue;
    if (!json_object_get(gold, "story_facts")) {
      json_decref(gold);
      continue;
    }
    found++;
    if (score_corpus(cdir, de->d_name, gold)) status = 1;
    json_decref(gold);
  }
  closedir(dh);
  if (!found) {
    printf("skipped: no gold.json with story_facts under %s\n", root);
    return 77;
  }
  return status;
}
