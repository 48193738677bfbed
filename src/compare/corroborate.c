/* corroborate.c - story stage 4: which sentences of other sources state the
 * same thing as each sentence (supports), how many sentences each pair of
 * documents shares (shared), and, in exclusives.c, what only one source says.
 *
 * Similarity of sentence a (document A) and sentence b (document B != A):
 *
 *   text = TF-IDF cosine over Porter2 stems, stop words left out
 *          (w = (1 + ln tf) * ln(1 + N/df), N and df over sentences; index.h);
 *          the words of names weigh half (0.5 w): names hold a sentence's
 *          rarest words, so "Minister Tomas Brekke thanked the officers" and
 *          "..., Minister Tomas Brekke told reporters" would look alike, and
 *          the entity part already counts the names
 *   ents = Dice overlap of the story entities they mention (2|A&B| / (|A|+|B|));
 *          before the entity stage merges them (px_story_entity_of gives -1),
 *          a document entity counts by its lower-cased canonical name
 *   vals = Dice overlap of the values of their quantities (equal numbers)
 *   score = (0.7 text + 0.2 ents + 0.1 vals) / (0.7 + 0.2 + 0.1), where a part
 *          one of the two sentences lacks (no entity, no quantity) is
 *          left out of both sums: it is evidence only when both can give it,
 *          so a verbatim copy scores 1 even where one copy says "he" and the
 *          other names the speaker; pronoun mentions are not counted;
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
 * (index.h), accumulating the dot product over the terms they share; a term
 * found in one document only gives none (a single long document costs
 * nothing). Only
 * the sentence's highest-weighted terms are walked: once the remaining
 * terms' norm is below 0.25 |a|, a sentence that shares none of the walked
 * ones has cosine < 0.25 and could not pass (prefix filtering). Terms in
 * more than max(64, min(2000, 5 % of sentences)) sentences generate no
 * candidates (they would make every sentence a candidate of every other);
 * they still count in the exact score. When all of a sentence's terms are
 * that common (every source tells the same short story), the rarest one is
 * walked anyway. At most 2048 postings are read per sentence; a list that
 * would overflow that is read in a window starting at a place that depends
 * on the sentence: a sentence reprinted with small edits in hundreds of
 * articles finds enough copies through its rarest terms already, and the
 * cost per sentence stays bounded. The exact score is computed for the best
 * 2 * max_support + 8 candidates by that partial dot product. Word-for-word
 * copies of a sentence (index.h links them) share one search: the copies
 * themselves come first, then the candidates found for the first copy; each
 * copy leaves out the sentences of its own document.
 *
 * shared[a * ndocs + b] counts the sentences of a with a support from b
 * (before the max_support cut). It is ndocs^2 counters, so it is only kept
 * for at most 1000 documents; above that s->shared stays NULL and
 * px_story_shared() returns 0. */
#include "compare/corroborate.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MIN_TEXT 0.25
#define WALK_BUDGET 2048 /* postings read per sentence, after which no further term is walked */
#define MAX_SHARED_DOCS 1000

typedef struct prefix_term {
  uint32_t term;
  float w;
} prefix_term;

typedef struct cand {
  uint32_t sent;
  double partial, score;
} cand;

static int cmp_score(const void *a, const void *b) {
  const cand *x = a, *y = b;
  if (x->score != y->score) return (x->score < y->score) - (x->score > y->score);
  return (x->sent > y->sent) - (x->sent < y->sent);
}

/* Working memory of the pass over sentences. */
typedef struct work {
  double *acc;      /* n_sent: partial dot products */
  uint32_t *touched; size_t n_touched;
  cand *pool; size_t n_pool;   /* the best candidates by partial score */
  cand *cands; size_t n_cands; /* those of one sentence, scored */
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
 * support g anyway ("prefix filtering" in similarity joins). Sentences of
 * document dg are left out (dg is UINT32_MAX for a sentence with identical
 * copies, whose pool serves every copy). */
/* Adds term id's contribution over `count` of its postings from `from` on (wrapping around). */
static void walk(const px_sindex *ix, work *w, uint32_t id, double wg, uint32_t dg, size_t from, size_t count) {
  size_t first = ix->post_off[id], n = ix->post_off[id + 1] - first;
  if (count > n) count = n;
  for (size_t k = 0; k < count; k++) {
    const px_posting *p = &ix->post[first + (from + k) % n];
    uint32_t h = p->sent;
    if (ix->doc_of[h] == dg || ix->content[h] < PX_CORR_MIN_CONTENT) continue;
    if (w->acc[h] == 0) w->touched[w->n_touched++] = h;
    w->acc[h] += wg * p->w;
  }
}

static void gather(const px_sindex *ix, work *w, size_t g, uint32_t dg) {
  const px_terms *t = ix->terms;
  size_t n = 0, np = 0;
  const px_sterm *it = px_terms_of(t, g, &n);
  const float *iw = ix->item_w + t->sent_off[g];
  for (size_t j = 0; j < n; j++)
    if (!t->stop[it[j].term]) w->prefix[np++] = (prefix_term){it[j].term, iw[j]};
  px_sort(w->prefix, np, sizeof *w->prefix, cmp_weight_desc);
  double rest = 0, bound = MIN_TEXT * ix->norm[g];
  size_t cut = np;
  while (cut > 0 && rest + (double)w->prefix[cut - 1].w * w->prefix[cut - 1].w < bound * bound)
    rest += (double)w->prefix[cut - 1].w * w->prefix[cut - 1].w, cut--;
  size_t walked = 0, rarest = cut;
  for (size_t j = 0; j < cut && walked < WALK_BUDGET; j++) {
    uint32_t id = w->prefix[j].term;
    if (t->ddf[id] < 2) continue; /* in one document only: no candidate from another */
    if (rarest == cut || t->df[id] < t->df[w->prefix[rarest].term]) rarest = j;
    if (t->df[id] > w->df_cap) continue;
    size_t count = t->df[id] < WALK_BUDGET - walked ? t->df[id] : WALK_BUDGET - walked;
    walk(ix, w, id, w->prefix[j].w, dg, count < t->df[id] ? (size_t)((g * 2654435761u) % t->df[id]) : 0, count);
    walked += count;
  }
  /* every term is common (a story whose sources all say the same): a window of the rarest one's postings */
  if (!walked && rarest < cut) {
    uint32_t id = w->prefix[rarest].term;
    walk(ix, w, id, w->prefix[rarest].w, dg, (size_t)((g * 2654435761u) % t->df[id]), WALK_BUDGET);
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

/* Keeps the best touched sentences by partial cosine in the pool and clears the accumulator. */
static void fill_pool(const px_sindex *ix, work *w, size_t g) {
  w->n_pool = 0;
  for (size_t i = 0; i < w->n_touched; i++) {
    uint32_t h = w->touched[i];
    w->pool[w->n_pool++] = (cand){h, w->acc[h] / (ix->norm[g] * ix->norm[h]), 0};
    w->acc[h] = 0;
  }
  if (w->n_pool > w->keep) {
    select_top(w->pool, w->n_pool, w->keep);
    w->n_pool = w->keep;
  }
}

/* The pool's sentences of other documents than g's that pass the thresholds, scored, best first. */
static void score_candidates(const px_story *s, const px_sindex *ix, const px_corr_feats *f, work *w, size_t g) {
  w->n_cands = 0;
  for (size_t i = 0; i < w->n_pool; i++) {
    uint32_t h = w->pool[i].sent;
    if (ix->doc_of[h] == ix->doc_of[g]) continue;
    double text = 0, score = px_corr_pair_score(ix, f, g, h, &text);
    if (text >= MIN_TEXT && score >= s->opts.min_support) w->cands[w->n_cands++] = (cand){h, w->pool[i].partial, score};
  }
  px_sort(w->cands, w->n_cands, sizeof *w->cands, cmp_score);
}

static int cmp_support(const void *a, const void *b) {
  const px_support *x = a, *y = b;
  if (x->from.doc != y->from.doc) return (x->from.doc > y->from.doc) - (x->from.doc < y->from.doc);
  if (x->from.sentence != y->from.sentence) return (x->from.sentence > y->from.sentence) - (x->from.sentence < y->from.sentence);
  if (x->score != y->score) return (x->score < y->score) - (x->score > y->score);
  if (x->to.doc != y->to.doc) return (x->to.doc > y->to.doc) - (x->to.doc < y->to.doc);
  return (x->to.sentence > y->to.sentence) - (x->to.sentence < y->to.sentence);
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

static int find_supports(px_story *s, const px_sindex *ix, const px_corr_feats *f) {
  size_t ns = s->terms.n_sent;
  work w = {0};
  w.keep = 2 * s->opts.max_support + 8;
  size_t cap = ns / 20 < 2000 ? ns / 20 : 2000;
  w.df_cap = cap < 64 ? 64 : cap;
  w.acc = calloc(ns + 1, sizeof *w.acc);
  w.touched = malloc((ns + 1) * sizeof *w.touched);
  w.pool = malloc((ns + 1) * sizeof *w.pool);
  w.cands = malloc((w.keep + 1) * sizeof *w.cands);
  w.doc_stamp = calloc(s->ndocs + 1, sizeof *w.doc_stamp);
  size_t longest = 1;
  for (size_t g = 0; g < ns; g++)
    if (s->terms.sent_off[g + 1] - s->terms.sent_off[g] > longest) longest = s->terms.sent_off[g + 1] - s->terms.sent_off[g];
  w.prefix = malloc(longest * sizeof *w.prefix);
  int rc = w.acc && w.touched && w.pool && w.cands && w.doc_stamp && w.prefix ? PX_OK : PX_ENOMEM;
  bool copies = false;
  for (size_t g = 0; g < ns && rc == PX_OK; g++) {
    if (ix->content[g] < PX_CORR_MIN_CONTENT || ix->dup_lead[g] != g) continue;
    bool group = ix->dup_next[g] != UINT32_MAX;
    copies |= group;
    w.n_touched = 0;
    for (size_t m = ix->dup_next[g]; m != UINT32_MAX; m = ix->dup_next[m]) /* copies first, whatever their terms' df */
      w.acc[m] = 1e30, w.touched[w.n_touched++] = (uint32_t)m;
    gather(ix, &w, g, group ? UINT32_MAX : ix->doc_of[g]);
    fill_pool(ix, &w, g);
    for (size_t m = g; m != UINT32_MAX && rc == PX_OK; m = ix->dup_next[m]) {
      score_candidates(s, ix, f, &w, m);
      count_shared(s, ix, &w, m);
      rc = keep_supports(s, ix, &w, m);
    }
  }
  /* copies were done with their first: put their supports back in sentence order */
  if (rc == PX_OK && copies) px_sort(s->supports.v, s->supports.n, sizeof *s->supports.v, cmp_support);
  free(w.acc);
  free(w.touched);
  free(w.pool);
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
  float *scale = px_corr_name_scale(s);
  if (!scale) return PX_ENOMEM;
  px_sindex ix;
  int rc = px_sindex_build(&ix, &s->terms, scale);
  free(scale);
  if (rc != PX_OK) return rc;
  px_corr_feats f;
  rc = px_corr_feats_build(s, &f);
  if (rc == PX_OK) rc = find_supports(s, &ix, &f);
  if (rc == PX_OK) rc = px_s_exclusives(s, &ix);
  px_corr_feats_free(&f);
  px_sindex_free(&ix);
  return rc;
}
