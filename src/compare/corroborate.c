/* corroborate.c - story stage 4: which sentences of other sources state the
 * same thing as each sentence (supports), how many sentences each pair of
 * documents shares (shared), and, in exclusives.c, what only one source says.
 *
 * Similarity of sentence a (document A) and sentence b (document B != A):
 *
 *   text = TF-IDF cosine over Porter2 stems, stop words left out
 *          (w = (1 + ln tf) * ln(1 + N/df), N and df over sentences; index.h)
 *   ents = Dice overlap of the story entities they mention (2|A&B| / (|A|+|B|));
 *          before the entity stage merges them (px_story_entity_of gives -1),
 *          a document entity counts by its lower-cased canonical name
 *   vals = Dice overlap of the values of their quantities (equal numbers)
 *   score = (0.7 text + 0.2 ents + 0.1 vals) / (0.7 + 0.2 + 0.1), where a part
 *          neither sentence has (no entity, no quantity) is left out of both
 *          sums, so a verbatim copy of a sentence without numbers scores 1;
 *          when both sentences count the same kind of thing (quantity category
 *          or unit) and no value is in both, the
 *          score is multiplied by 0.8: "1,200 people were inside" and "no more
 *          than 400 remained inside" are the same topic with other figures, a
 *          contested point (the claims stage shows it), not a support.
 *
 * Cosine rather than BM25: it is symmetric and already on a 0..1 scale, and
 * is competitive for sentence novelty (Allan et al. 2003). A support needs
 * score >= opts.min_support (0.35) and text >= 0.25, so shared names and
 * numbers alone never make two sentences "the same". Sentences with fewer
 * than 4 non-stop words (datelines, "He declined to comment.") neither give
 * nor get support. Each sentence keeps at most opts.max_support supports:
 * the best sentence of each other document first, then the next best, so the
 * list shows as many sources as it can.
 *
 * Not quadratic: candidates come from the postings of a sentence's terms
 * (index.h), accumulating the dot product over the terms they share. Terms
 * in more than max(64, min(2000, 5 % of sentences)) sentences generate no
 * candidates (they would make every sentence a candidate of every other);
 * they still count in the exact cosine computed for the best 4 * max_support
 * + 16 candidates by that partial score (those with partial cosine >= 0.1).
 *
 * shared[a * ndocs + b] counts the sentences of a with a support from b
 * (before the max_support cut). It is ndocs^2 counters, so it is only kept
 * for at most 1000 documents; above that s->shared stays NULL and
 * px_story_shared() returns 0. */
#include "compare/corroborate.h"

#include "core/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MIN_TEXT 0.25
#define DISJOINT_VALUES 0.8
#define MAX_SHARED_DOCS 1000

/* A quantity's value and what it counts: its category, else a hash of its unit, else 0. */
typedef struct qval {
  double v;
  uint32_t cls;
} qval;

/* Per sentence: the sorted keys of its entities and the sorted values of its quantities. */
typedef struct feats {
  size_t *ent_off; /* n_sent + 1 */
  uint32_t *ent;
  size_t *val_off; /* n_sent + 1 */
  qval *val;
} feats;

typedef struct prefix_term {
  uint32_t term;
  float w;
} prefix_term;

typedef struct cand {
  uint32_t sent;
  double partial, score;
} cand;

static void feats_free(feats *f) {
  free(f->ent_off);
  free(f->ent);
  free(f->val_off);
  free(f->val);
}

static uint32_t name_hash(const char *p) {
  uint32_t h = 2166136261u;
  for (; p && *p; p++) h = (h ^ (unsigned char)px_lower((unsigned char)*p)) * 16777619u;
  return h;
}

/* A key for entity e of document d: its story entity, else a hash of its name. */
static uint32_t entity_key(const px_story *s, size_t d, const px_entity *ents, int32_t e) {
  int32_t se = px_story_entity_of(s, d, e);
  if (se >= 0) return (uint32_t)se;
  return 0x80000000u | (name_hash(ents[e].name) & 0x7fffffffu);
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

static int cmp_qval(const void *a, const void *b) {
  double x = ((const qval *)a)->v, y = ((const qval *)b)->v;
  return (x > y) - (x < y);
}

static uint32_t quantity_class(const px_quantity *q) {
  if (q->category != PX_QTY_OTHER) return (uint32_t)q->category;
  return q->unit ? 0x100u | name_hash(q->unit) : 0;
}

/* Counts per sentence into off[g + 1] (pass 0) or writes the keys at the cursors off[g] (pass 1). */
static void feats_pass(const px_story *s, feats *f, int pass) {
  const px_terms *t = &s->terms;
  for (size_t d = 0; d < s->ndocs; d++) {
    const px_doc *doc = px_corpus_doc(s->corpus, d);
    size_t nm = 0, ne = 0, nq = 0, base = t->sent_base[d], ns = t->sent_base[d + 1] - base;
    const px_mention *m = px_doc_mentions(doc, &nm);
    const px_entity *ents = px_doc_entities(doc, &ne);
    const px_quantity *q = px_doc_quantities(doc, &nq);
    for (size_t i = 0; i < nm; i++) {
      if (m[i].sentence < 0 || (size_t)m[i].sentence >= ns || m[i].entity < 0 || (size_t)m[i].entity >= ne) continue;
      size_t g = base + (size_t)m[i].sentence;
      if (pass == 0) f->ent_off[g + 1]++;
      else f->ent[f->ent_off[g]++] = entity_key(s, d, ents, m[i].entity);
    }
    for (size_t i = 0; i < nq; i++) {
      if (q[i].sentence < 0 || (size_t)q[i].sentence >= ns || isnan(q[i].value)) continue;
      size_t g = base + (size_t)q[i].sentence;
      if (pass == 0) f->val_off[g + 1]++;
      else f->val[f->val_off[g]++] = (qval){q[i].value, quantity_class(&q[i])};
    }
  }
}

/* Sorts each sentence's keys; duplicates stay (Dice over multisets is still 0..1). */
static int feats_build(const px_story *s, feats *f) {
  size_t ns = s->terms.n_sent;
  memset(f, 0, sizeof *f);
  f->ent_off = calloc(ns + 2, sizeof *f->ent_off);
  f->val_off = calloc(ns + 2, sizeof *f->val_off);
  if (!f->ent_off || !f->val_off) return PX_ENOMEM;
  feats_pass(s, f, 0);
  for (size_t g = 0; g < ns; g++) f->ent_off[g + 1] += f->ent_off[g], f->val_off[g + 1] += f->val_off[g];
  f->ent = malloc((f->ent_off[ns] + 1) * sizeof *f->ent);
  f->val = malloc((f->val_off[ns] + 1) * sizeof *f->val);
  if (!f->ent || !f->val) return PX_ENOMEM;
  feats_pass(s, f, 1); /* the cursors end at the next sentence's start: shift back */
  memmove(f->ent_off + 1, f->ent_off, ns * sizeof *f->ent_off);
  memmove(f->val_off + 1, f->val_off, ns * sizeof *f->val_off);
  f->ent_off[0] = f->val_off[0] = 0;
  for (size_t g = 0; g < ns; g++) {
    qsort(f->ent + f->ent_off[g], f->ent_off[g + 1] - f->ent_off[g], sizeof *f->ent, cmp_u32);
    qsort(f->val + f->val_off[g], f->val_off[g + 1] - f->val_off[g], sizeof *f->val, cmp_qval);
  }
  return PX_OK;
}

/* Dice overlap of two sorted multisets of keys. */
static double dice_u32(const uint32_t *a, size_t na, const uint32_t *b, size_t nb) {
  size_t i = 0, j = 0, common = 0;
  while (i < na && j < nb) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else common++, i++, j++;
  }
  return na + nb ? 2.0 * (double)common / (double)(na + nb) : 0;
}

static bool same_value(double x, double y) { return fabs(x - y) <= 1e-9 * fmax(1.0, fmax(fabs(x), fabs(y))); }

static double dice_values(const qval *a, size_t na, const qval *b, size_t nb) {
  size_t i = 0, j = 0, common = 0;
  while (i < na && j < nb) {
    if (same_value(a[i].v, b[j].v)) common++, i++, j++;
    else if (a[i].v < b[j].v) i++;
    else j++;
  }
  return na + nb ? 2.0 * (double)common / (double)(na + nb) : 0;
}

/* Do two value lists count the same kind of thing somewhere (same category or unit)? */
static bool same_class(const qval *a, size_t na, const qval *b, size_t nb) {
  for (size_t i = 0; i < na; i++)
    for (size_t j = 0; j < nb && a[i].cls; j++)
      if (a[i].cls == b[j].cls) return true;
  return false;
}

/* The combined score of g and h (formula in the header); *text gets the cosine. */
static double pair_score(const px_sindex *ix, const feats *f, size_t g, size_t h, double *text) {
  *text = px_sindex_cosine(ix, g, h);
  double num = PX_CORR_W_TEXT * *text, den = PX_CORR_W_TEXT;
  size_t ea = f->ent_off[g + 1] - f->ent_off[g], eb = f->ent_off[h + 1] - f->ent_off[h];
  if (ea + eb) {
    num += PX_CORR_W_ENTITIES * dice_u32(f->ent + f->ent_off[g], ea, f->ent + f->ent_off[h], eb);
    den += PX_CORR_W_ENTITIES;
  }
  size_t va = f->val_off[g + 1] - f->val_off[g], vb = f->val_off[h + 1] - f->val_off[h];
  double vals = 1;
  if (va + vb) {
    vals = dice_values(f->val + f->val_off[g], va, f->val + f->val_off[h], vb);
    num += PX_CORR_W_VALUES * vals;
    den += PX_CORR_W_VALUES;
  }
  /* both count the same kind of thing and no figure agrees: a contested point (claims.c) */
  bool disjoint = va && vb && vals == 0 && same_class(f->val + f->val_off[g], va, f->val + f->val_off[h], vb);
  return disjoint ? DISJOINT_VALUES * num / den : num / den;
}

static int cmp_score(const void *a, const void *b) {
  const cand *x = a, *y = b;
  if (x->score != y->score) return (x->score < y->score) - (x->score > y->score);
  return (x->sent > y->sent) - (x->sent < y->sent);
}

/* Working memory of the pass over sentences. */
typedef struct work {
  double *acc;      /* n_sent: partial dot products */
  uint32_t *touched; size_t n_touched;
  cand *cands; size_t n_cands;
  uint32_t *doc_stamp; /* ndocs: last sentence (+1) that counted this document */
  prefix_term *prefix; /* the longest sentence's terms */
  size_t df_cap, keep;
} work;

static int cmp_weight_desc(const void *a, const void *b) {
  const prefix_term *x = a, *y = b;
  return (x->w < y->w) - (x->w > y->w);
}

/* Accumulates the partial dot products of g with the sentences of other
 * documents that share one of its prefix terms: g's terms by weight, highest
 * first, until the rest have a norm below MIN_TEXT * |g|. A sentence sharing
 * none of them has cosine < MIN_TEXT (Cauchy-Schwarz), so it could not
 * support g anyway ("prefix filtering" in similarity joins). */
static void gather(const px_sindex *ix, work *w, size_t g) {
  const px_terms *t = ix->terms;
  uint32_t dg = ix->doc_of[g];
  size_t n = 0, np = 0;
  const px_sterm *it = px_terms_of(t, g, &n);
  const float *iw = ix->item_w + t->sent_off[g];
  for (size_t j = 0; j < n; j++)
    if (!t->stop[it[j].term]) w->prefix[np++] = (prefix_term){it[j].term, iw[j]};
  qsort(w->prefix, np, sizeof *w->prefix, cmp_weight_desc);
  double rest = 0, bound = MIN_TEXT * ix->norm[g];
  size_t cut = np;
  while (cut > 0 && rest + (double)w->prefix[cut - 1].w * w->prefix[cut - 1].w < bound * bound)
    rest += (double)w->prefix[cut - 1].w * w->prefix[cut - 1].w, cut--;
  w->n_touched = 0;
  for (size_t j = 0; j < cut; j++) {
    uint32_t id = w->prefix[j].term;
    if (t->df[id] > w->df_cap) continue;
    double wg = w->prefix[j].w;
    for (size_t p = ix->post_off[id]; p < ix->post_off[id + 1]; p++) {
      uint32_t h = ix->post[p].sent;
      if (ix->doc_of[h] == dg || ix->content[h] < PX_CORR_MIN_CONTENT) continue;
      if (w->acc[h] == 0) w->touched[w->n_touched++] = h;
      w->acc[h] += wg * ix->post[p].w;
    }
  }
}

/* Moves the k candidates with the highest partial score to the front (quickselect). */
static void select_top(cand *c, size_t n, size_t k) {
  size_t lo = 0, hi = n;
  while (hi - lo > 1) {
    double pivot = c[lo + (hi - lo) / 2].partial;
    size_t i = lo, j = hi - 1;
    while (i <= j) {
      while (c[i].partial > pivot) i++;
      while (c[j].partial < pivot) j--;
      if (i <= j) {
        cand tmp = c[i];
        c[i] = c[j], c[j] = tmp;
        i++;
        if (j == 0) break;
        j--;
      }
    }
    if (k <= j) hi = j + 1;
    else if (k >= i) lo = i;
    else return;
  }
}

/* Turns the touched sentences into scored candidates above the thresholds, best first. */
static void score_candidates(const px_story *s, const px_sindex *ix, const feats *f, work *w, size_t g) {
  w->n_cands = 0;
  for (size_t i = 0; i < w->n_touched; i++) {
    uint32_t h = w->touched[i];
    w->cands[w->n_cands++] = (cand){h, w->acc[h] / (ix->norm[g] * ix->norm[h]), 0};
    w->acc[h] = 0;
  }
  if (w->n_cands > w->keep) {
    select_top(w->cands, w->n_cands, w->keep);
    w->n_cands = w->keep;
  }
  size_t k = 0;
  for (size_t i = 0; i < w->n_cands; i++) {
    double text = 0, score = pair_score(ix, f, g, w->cands[i].sent, &text);
    if (text >= MIN_TEXT && score >= s->opts.min_support) w->cands[k] = w->cands[i], w->cands[k++].score = score;
  }
  w->n_cands = k;
  qsort(w->cands, w->n_cands, sizeof *w->cands, cmp_score);
}

/* Keeps up to max_support candidates, the best of each document first; pushes them as supports of g. */
static int keep_supports(px_story *s, const px_sindex *ix, work *w, size_t g) {
  size_t max = s->opts.max_support, kept = 0;
  uint32_t dg = ix->doc_of[g];
  px_sref from = {dg, (uint32_t)(g - s->terms.sent_base[dg])};
  /* pass 1 marks the best of each document (score < 0 marks "taken"), pass 2 fills up */
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < w->n_cands && kept < max; i++) {
      if (w->cands[i].score < 0) continue;
      uint32_t dh = ix->doc_of[w->cands[i].sent];
      bool seen = false;
      for (size_t j = 0; j < i && pass == 0; j++) seen |= ix->doc_of[w->cands[j].sent] == dh;
      if (seen) continue;
      w->cands[i].score = -w->cands[i].score - 1;
      kept++;
    }
  for (size_t i = 0; i < w->n_cands; i++) {
    if (w->cands[i].score >= 0) continue;
    uint32_t h = w->cands[i].sent, dh = ix->doc_of[h];
    px_support sup = {from, {dh, (uint32_t)(h - s->terms.sent_base[dh])}, -w->cands[i].score - 1};
    if (PX_VEC_PUSH(s->supports, sup)) return PX_ENOMEM;
  }
  return PX_OK;
}

/* Counts g's supporting documents into s->shared (every candidate, before the max_support cut). */
static void count_shared(px_story *s, const px_sindex *ix, work *w, size_t g) {
  if (!s->shared) return;
  uint32_t dg = ix->doc_of[g];
  for (size_t i = 0; i < w->n_cands; i++) {
    uint32_t dh = ix->doc_of[w->cands[i].sent];
    if (w->doc_stamp[dh] == g + 1) continue;
    w->doc_stamp[dh] = (uint32_t)(g + 1);
    s->shared[(size_t)dg * s->ndocs + dh]++;
  }
}

static int find_supports(px_story *s, const px_sindex *ix, const feats *f) {
  size_t ns = s->terms.n_sent;
  work w = {0};
  w.keep = 4 * s->opts.max_support + 16;
  size_t cap = ns / 20 < 2000 ? ns / 20 : 2000;
  w.df_cap = cap < 64 ? 64 : cap;
  w.acc = calloc(ns + 1, sizeof *w.acc);
  w.touched = malloc((ns + 1) * sizeof *w.touched);
  w.cands = malloc((ns + 1) * sizeof *w.cands);
  w.doc_stamp = calloc(s->ndocs + 1, sizeof *w.doc_stamp);
  size_t longest = 1;
  for (size_t g = 0; g < ns; g++)
    if (s->terms.sent_off[g + 1] - s->terms.sent_off[g] > longest) longest = s->terms.sent_off[g + 1] - s->terms.sent_off[g];
  w.prefix = malloc(longest * sizeof *w.prefix);
  int rc = w.acc && w.touched && w.cands && w.doc_stamp && w.prefix ? PX_OK : PX_ENOMEM;
  for (size_t g = 0; g < ns && rc == PX_OK; g++) {
    if (ix->content[g] < PX_CORR_MIN_CONTENT) continue;
    gather(ix, &w, g);
    score_candidates(s, ix, f, &w, g);
    /* the ids of sentences (uint32) and the stamps: a story beyond 4e9 sentences is not a concern */
    count_shared(s, ix, &w, g);
    rc = keep_supports(s, ix, &w, g);
  }
  free(w.acc);
  free(w.touched);
  free(w.cands);
  free(w.doc_stamp);
  free(w.prefix);
  return rc;
}

int px_s_corroborate(px_story *s) {
  if (s->ndocs >= 2 && s->ndocs <= MAX_SHARED_DOCS) {
    s->shared = calloc(s->ndocs * s->ndocs, sizeof *s->shared);
    if (!s->shared) return PX_ENOMEM;
  }
  px_sindex ix;
  int rc = px_sindex_build(&ix, &s->terms);
  if (rc != PX_OK) return rc;
  feats f;
  rc = feats_build(s, &f);
  if (rc == PX_OK) rc = find_supports(s, &ix, &f);
  if (rc == PX_OK) rc = px_s_exclusives(s, &ix);
  feats_free(&f);
  px_sindex_free(&ix);
  return rc;
}
