/* eval_gold.c - scores the fact layers against a hand-annotated reference corpus.
 *
 *   eval_gold [-v] DIR
 *
 * DIR is the evaluation directory (../shared/eval); the corpora are read from
 * DIR/../corpus/NAME/gold.json (format: ../shared/corpus/README.md), each
 * article from the file the gold names, through the normal pipeline
 * (px_ingest_path with its sidecar, px_doc_analyze). Boilerplate removal drops
 * whole lines, so document offsets map back to the file's bytes line by line;
 * a gold item on a dropped line counts as missed.
 *
 * Each gold item is matched to at most one predicted item whose byte span
 * overlaps it. Scores, with every zone and without the `boilerplate` zone
 * (which a tool that removes boilerplate is expected to miss):
 *   quantities  P and R of items with value, approx and unit right (the gold's
 *               `alt` values accepted); also the share with the right speaker
 *   times       P, R and F1 of items with the TIMEX3 value right (or an `alt`)
 *   groups      P and R of group-label mentions by span; head agreement
 *   quotes      recall of quote + speaker pairs: the quote span overlaps and the
 *               speaker mention or name agrees; precision of direct and partial
 *               quote spans (reported speech has no gold)
 * Exits 1 when a score is below its floor, 77 (skipped) when no gold is found.
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

/* Floors: the scores without boilerplate when last measured (quantities P 1.000
 * R 1.000, times F1 0.995, quotes R 0.915, groups R 0.914), less a margin of
 * about two points for rule changes that trade one case for another. Raise
 * them when the scores go up; never lower them to let a regression pass. */
#define FLOOR_QTY_P 0.97
#define FLOOR_QTY_R 0.97
#define FLOOR_TIME_F1 0.97
#define FLOOR_QUOTE_R 0.89
#define FLOOR_GROUP_R 0.89

static int verbose;

/* ---- gold items ---- */

static const char *jstr(json_t *o, const char *k) {
  json_t *v = json_object_get(o, k);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

static size_t jsize(json_t *o, const char *k) { return (size_t)json_integer_value(json_object_get(o, k)); }

static bool is_boilerplate(json_t *item) {
  const char *z = jstr(item, "zone");
  return z && strcmp(z, "boilerplate") == 0;
}

/* The gold value of field `k` or one of its `alt` values equals `want`. */
static bool gold_str_ok(json_t *item, const char *k, const char *want) {
  const char *g = jstr(item, k);
  if (g && want && strcmp(g, want) == 0) return true;
  if (!g && !want && json_is_null(json_object_get(item, k))) return true;
  json_t *alt = json_object_get(json_object_get(item, "alt"), k);
  if (json_is_string(alt)) return want && strcmp(json_string_value(alt), want) == 0;
  if (json_is_null(alt)) return !want;
  size_t i;
  json_t *v;
  json_array_foreach(alt, i, v) if (json_is_string(v) && want && strcmp(json_string_value(v), want) == 0) return true;
  return false;
}

static bool num_ok(double gold, double got) { return fabs(gold - got) <= 0.001 * fmax(1.0, fabs(gold)); }

static bool gold_num_ok(json_t *item, double got) {
  if (num_ok(json_number_value(json_object_get(item, "value")), got)) return true;
  json_t *alt = json_object_get(json_object_get(item, "alt"), "value");
  if (json_is_number(alt)) return num_ok(json_number_value(alt), got);
  size_t i;
  json_t *v;
  json_array_foreach(alt, i, v) if (json_is_number(v) && num_ok(json_number_value(v), got)) return true;
  return false;
}

/* ---- scores ---- */

typedef struct score {
  size_t gold, pred, matched, right, extra; /* extra: a second criterion (speaker, head) */
} score;

typedef struct scores {
  score qty[2], time[2], group[2], quote[2]; /* [0] every zone, [1] without boilerplate */
} scores;

static void add(score s[2], bool boiler, size_t gold, size_t pred, size_t matched, size_t right, size_t extra) {
  for (int z = 0; z < 2; z++) {
    if (z == 1 && boiler) continue;
    s[z].gold += gold;
    s[z].pred += pred;
    s[z].matched += matched;
    s[z].right += right;
    s[z].extra += extra;
  }
}

static double ratio(size_t a, size_t b) { return b ? (double)a / (double)b : 0.0; }
static double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

/* A predicted span in file bytes, and whether a gold item took it. */
typedef struct pred {
  size_t start, end;
  size_t index;
  bool used;
} pred;

/* The first unused prediction overlapping [start, end). */
static pred *match(pred *p, size_t n, size_t start, size_t end) {
  for (size_t i = 0; i < n; i++)
    if (!p[i].used && p[i].start < end && start < p[i].end) {
      p[i].used = true;
      return &p[i];
    }
  return NULL;
}

/* Predictions of one layer as file spans (quantities, times, group mentions, quotes). */
static pred *predictions(const px_doc *d, const line_map *m, int layer, size_t *n) {
  size_t cnt = 0;
  const px_quantity *q = px_doc_quantities(d, layer == 0 ? &cnt : NULL);
  const px_time *t = px_doc_times(d, layer == 1 ? &cnt : NULL);
  const px_mention *mn = px_doc_mentions(d, layer == 2 ? &cnt : NULL);
  const px_quote *qt = px_doc_quotes(d, layer == 3 ? &cnt : NULL);
  pred *p = calloc(cnt ? cnt : 1, sizeof *p);
  size_t k = 0;
  for (size_t i = 0; p && i < cnt; i++) {
    size_t s, e;
    if (layer == 0) s = q[i].start, e = q[i].end;
    else if (layer == 1) s = t[i].start, e = t[i].end;
    else if (layer == 2) {
      if (mn[i].kind != PX_MENTION_GROUP) continue;
      s = mn[i].start, e = mn[i].end;
    } else {
      if (qt[i].kind == PX_QUOTE_REPORTED) continue; /* the gold has quotes in quotation marks only */
      s = qt[i].start, e = qt[i].end;
    }
    if (e <= s) continue;
    p[k++] = (pred){to_raw(m, s), to_raw(m, e - 1) + 1, i, false};
  }
  *n = k;
  return p;
}

static const char *entity_name(const px_doc *d, int32_t e) {
  size_t n;
  const px_entity *ents = px_doc_entities(d, &n);
  return e >= 0 && (size_t)e < n ? ents[e].name : NULL;
}

/* Case-insensitive containment either way ("A rebel fighter" in "A rebel fighter reached by X"). */
static bool loosely_same(const char *a, size_t an, const char *b) {
  if (!a || !b || !an) return false;
  size_t bn = strlen(b);
  const char *hay = an >= bn ? a : b, *needle = an >= bn ? b : a;
  size_t hn = an >= bn ? an : bn, nn = an >= bn ? bn : an;
  for (size_t i = 0; i + nn <= hn; i++)
    if (strncasecmp(hay + i, needle, nn) == 0) return true;
  return false;
}

static void show(const char *what, const char *doc, json_t *item, const char *detail) {
  if (verbose) printf("  %-8s %s line %zu: %s%s%s\n", what, doc, jsize(item, "line"), jstr(item, "text"),
                      detail ? " -- " : "", detail ? detail : "");
}

static void score_quantities(scores *s, const char *id, const px_doc *d, json_t *gold, pred *p, size_t np) {
  size_t n, i;
  const px_quantity *q = px_doc_quantities(d, &n);
  json_t *item;
  json_array_foreach(gold, i, item) {
    pred *m = match(p, np, jsize(item, "byte_start"), jsize(item, "byte_end"));
    bool right = false, speaker = false;
    char why[160] = "missed";
    if (m) {
      const px_quantity *x = &q[m->index];
      right = gold_num_ok(item, x->value) && gold_str_ok(item, "approx", px_approx_name(x->approx)) &&
              gold_str_ok(item, "unit", x->unit);
      speaker = gold_str_ok(item, "speaker", entity_name(d, x->source));
      snprintf(why, sizeof why, "got %g %s %s", x->value, px_approx_name(x->approx), x->unit ? x->unit : "-");
    }
    if (!right) show("qty", id, item, why);
    add(s->qty, is_boilerplate(item), 1, 0, m != NULL, right, right && speaker);
  }
  for (size_t k = 0; k < np; k++) {
    add(s->qty, false, 0, 1, 0, 0, 0);
    if (!p[k].used && verbose) printf("  qty+     %s: %.*s\n", id, (int)(q[p[k].index].end - q[p[k].index].start),
                                      px_doc_text(d, NULL) + q[p[k].index].start);
  }
}

static void score_times(scores *s, const char *id, const px_doc *d, json_t *gold, pred *p, size_t np) {
  size_t n, i;
  const px_time *t = px_doc_times(d, &n);
  json_t *item;
  json_array_foreach(gold, i, item) {
    pred *m = match(p, np, jsize(item, "byte_start"), jsize(item, "byte_end"));
    bool right = m && gold_str_ok(item, "value", t[m->index].value);
    if (!right) show("time", id, item, m ? t[m->index].value : "missed");
    add(s->time, is_boilerplate(item), 1, 0, m != NULL, right, 0);
  }
  for (size_t k = 0; k < np; k++) {
    add(s->time, false, 0, 1, 0, 0, 0);
    if (!p[k].used && verbose) printf("  time+    %s: %.*s = %s\n", id, (int)(t[p[k].index].end - t[p[k].index].start),
                                      px_doc_text(d, NULL) + t[p[k].index].start, t[p[k].index].value);
  }
}

static void score_groups(scores *s, const char *id, const px_doc *d, json_t *gold, pred *p, size_t np) {
  size_t n, ne, i;
  const px_mention *mn = px_doc_mentions(d, &n);
  const px_entity *e = px_doc_entities(d, &ne);
  json_t *item;
  json_array_foreach(gold, i, item) {
    pred *m = match(p, np, jsize(item, "byte_start"), jsize(item, "byte_end"));
    int32_t ent = m ? mn[m->index].entity : -1;
    const char *head = ent >= 0 && (size_t)ent < ne ? e[ent].head : NULL;
    bool head_ok = head && gold_str_ok(item, "head", head);
    if (!m) show("group", id, item, "missed");
    add(s->group, is_boilerplate(item), 1, 0, m != NULL, m != NULL, head_ok);
  }
  for (size_t k = 0; k < np; k++) add(s->group, false, 0, 1, 0, 0, 0);
}

static void score_quotes(scores *s, const char *id, const px_doc *d, json_t *gold, pred *p, size_t np) {
  size_t n, i, len;
  const px_quote *q = px_doc_quotes(d, &n);
  const char *text = px_doc_text(d, &len);
  json_t *item;
  json_array_foreach(gold, i, item) {
    pred *m = match(p, np, jsize(item, "byte_start"), jsize(item, "byte_end"));
    bool right = false;
    if (m) {
      const px_quote *x = &q[m->index];
      right = loosely_same(text + x->speaker_start, x->speaker_end - x->speaker_start, jstr(item, "speaker_mention"));
      const char *name = entity_name(d, x->speaker);
      if (!right && name) right = loosely_same(name, strlen(name), jstr(item, "speaker"));
    }
    char why[200] = "missed";
    if (m) snprintf(why, sizeof why, "speaker %.*s", (int)(q[m->index].speaker_end - q[m->index].speaker_start),
                    text + q[m->index].speaker_start);
    if (!right) show("quote", id, item, why);
    add(s->quote, is_boilerplate(item), 1, 0, m != NULL, right, 0);
  }
  for (size_t k = 0; k < np; k++) add(s->quote, false, 0, 1, 0, 0, 0);
}

/* Scores one document; 0, or -1 when it could not be read. */
static int score_doc(scores *s, const char *dir, const char *id, json_t *g) {
  char path[8192];
  snprintf(path, sizeof path, "%s/%s", dir, jstr(g, "file") ? jstr(g, "file") : "");
  size_t raw_len;
  char *raw = read_file(path, &raw_len);
  px_corpus *c = px_corpus_new();
  px_ingest_opts o = {0};
  if (!raw || !c || px_ingest_path(c, path, &o) != 0 || px_corpus_count(c) != 1 ||
      px_doc_analyze(px_corpus_doc(c, 0), NULL) != PX_OK) {
    fprintf(stderr, "eval_gold: %s: could not read or analyse\n", path);
    free(raw);
    px_corpus_free(c);
    return -1;
  }
  const px_doc *d = px_corpus_doc(c, 0);
  size_t len;
  const char *text = px_doc_text(d, &len);
  line_map m = {0};
  int rc = map_lines(&m, text, len, raw, raw_len);
  if (rc) fprintf(stderr, "eval_gold: %s: the text does not map back to the file\n", path);
  json_t *layers[4] = {json_object_get(g, "quantities"), json_object_get(g, "times"),
                       json_object_get(g, "group_labels"), json_object_get(g, "quotes")};
  void (*const scorers[4])(scores *, const char *, const px_doc *, json_t *, pred *, size_t) = {
      score_quantities, score_times, score_groups, score_quotes};
  for (int l = 0; !rc && l < 4; l++) {
    size_t np;
    pred *p = predictions(d, &m, l, &np);
    if (p) scorers[l](s, id, d, layers[l], p, np);
    free(p);
  }
  const char *evidence, *inferred = px_doc_published_inferred(d, &evidence);
  if (!px_doc_meta(d, PX_META_PUBLISHED))
    printf("  %s: no date given; inferred %s (gold: published %s, %s precision; anchor %s)%s%s\n", id,
           inferred ? inferred : "nothing", jstr(g, "published"), jstr(g, "published_precision"), jstr(g, "anchor"),
           evidence ? ": " : "", evidence ? evidence : "");
  free(m.doc_start);
  free(m.raw_start);
  free(raw);
  px_corpus_free(c);
  return rc;
}

static int report(const char *name, const scores *s) {
  const char *zone[2] = {"all zones", "without boilerplate"};
  int below = 0;
  for (int z = 0; z < 2; z++) {
    const score *q = &s->qty[z], *t = &s->time[z], *g = &s->group[z], *u = &s->quote[z];
    double qp = ratio(q->right, q->pred), qr = ratio(q->right, q->gold);
    double tp = ratio(t->right, t->pred), tr = ratio(t->right, t->gold);
    double gp = ratio(g->matched, g->pred), gr = ratio(g->matched, g->gold);
    double ur = ratio(u->right, u->gold), up = ratio(u->matched, u->pred);
    printf("%s (%s):\n", name, zone[z]);
    printf("  quantities: P %.3f R %.3f (value+approx+unit; %zu gold, %zu found, %zu spans matched; speaker right "
           "in %zu)\n", qp, qr, q->gold, q->pred, q->matched, q->extra);
    printf("  times:      P %.3f R %.3f F1 %.3f (value; %zu gold, %zu found, %zu spans matched)\n", tp, tr,
           f1(tp, tr), t->gold, t->pred, t->matched);
    printf("  groups:     P %.3f R %.3f (span; %zu gold, %zu found; head right in %zu)\n", gp, gr, g->gold, g->pred,
           g->extra);
    printf("  quotes:     speaker+quote R %.3f, quote span P %.3f (%zu gold, %zu found, %zu spans matched)\n", ur,
           up, u->gold, u->pred, u->matched);
    if (z == 1)
      below = qp < FLOOR_QTY_P || qr < FLOOR_QTY_R || f1(tp, tr) < FLOOR_TIME_F1 || ur < FLOOR_QUOTE_R ||
              gr < FLOOR_GROUP_R;
  }
  if (below)
    printf("%s: below the floor (quantities P %.2f R %.2f, times F1 %.2f, quotes R %.2f, groups R %.2f)\n", name,
           FLOOR_QTY_P, FLOOR_QTY_R, FLOOR_TIME_F1, FLOOR_QUOTE_R, FLOOR_GROUP_R);
  return below;
}

/* Scores one corpus: 0, or 1 when a document could not be read or a score is below its floor. */
static int score_corpus(const char *cdir, const char *name, json_t *gold) {
  int status = 0;
  scores s = {0};
  const char *id;
  json_t *g;
  json_object_foreach(json_object_get(gold, "documents"), id, g) if (score_doc(&s, cdir, id, g)) status = 1;
  if (report(name, &s)) status = 1;
  return status;
}

int main(int argc, char **argv) {
  const char *dir = eval_args(argc, argv, "eval_gold", &verbose);
  return dir ? each_gold(dir, "documents", score_corpus) : 2;
}
