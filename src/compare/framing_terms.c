/* framing_terms.c - the words that set one source apart from the others.
 *
 * Method: the log-odds ratio with an informative Dirichlet prior (Monroe,
 * Colaresi & Quinn 2008, "Fightin' Words"). For stem w, document i against
 * the pooled other documents j, counts y, totals n and prior alpha_w:
 *
 *   delta_w = ln[(y_i + a_w) / (n_i + a0 - y_i - a_w)] - ln[(y_j + a_w) / (n_j + a0 - y_j - a_w)]
 *   var_w   = 1 / (y_i + a_w) + 1 / (y_j + a_w),   zeta_w = delta_w / sqrt(var_w)
 *
 * The prior is the whole story: a_w = a0 * cf_w / N (cf_w the stem's count in
 * all documents, N all their words). a0 = min(1000, N): 1000 pseudo-words
 * shrink rare words (a stem used twice by one source and never by the others
 * is not distinctive on its own) without drowning a short story's counts. Raw
 * log-odds would favour rare words and raw frequency differences would favour
 * function words; the prior fixes both, and stop words and numbers are left
 * out anyway.
 *
 * Kept: the top s->opts.framing_terms stems with zeta > 1.96 (95 %). With a
 * few hundred words per article often fewer pass, so the list is filled up
 * with the best remaining stems of positive zeta that the document uses at
 * least twice (prior-art.md: "show the top k with counts"); the zeta shown
 * lets a reader tell the two apart. Each term carries up to PX_TERM_REFS
 * sentences that use it.
 *
 * Linear: one pass over the document's own sentence term lists counts y_i
 * (y_j = cf - y_i), and one more pass finds the sentences of the kept terms. */
#include "compare/framing.h"

#include "core/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define PX_TERM_REFS 5
#define PX_TERM_ALPHA0 1000.0
#define PX_TERM_Z 1.96

typedef struct cand {
  uint32_t term, count;
  double zeta;
} cand;

static int cmp_cand(const void *a, const void *b) {
  const cand *x = a, *y = b;
  if (x->zeta != y->zeta) return x->zeta < y->zeta ? 1 : -1;
  if (x->count != y->count) return x->count < y->count ? 1 : -1;
  return (x->term > y->term) - (x->term < y->term);
}

/* A surface form worth showing: at least two bytes and one letter. */
static bool showable(const char *w) {
  if (!w || !w[0] || !w[1]) return false;
  for (; *w; w++)
    if (px_is_alpha((unsigned char)*w) || (unsigned char)*w >= 0x80) return true;
  return false;
}

static double zeta_of(double yi, double yj, double ni, double nj, double a, double a0) {
  double li = log((yi + a) / (ni + a0 - yi - a));
  double lj = log((yj + a) / (nj + a0 - yj - a));
  return (li - lj) / sqrt(1.0 / (yi + a) + 1.0 / (yj + a));
}

/* Scores the document's stems into *out (n of them), sorted best first. */
static int score(px_story *s, const px_frame_doc *fd, uint32_t *count, cand **out, size_t *n) {
  const px_terms *t = &s->terms;
  size_t g0 = t->sent_base[fd->d], g1 = t->sent_base[fd->d + 1];
  size_t distinct = 0;
  for (size_t g = g0; g < g1; g++) {
    size_t m;
    const px_sterm *it = px_terms_of(t, g, &m);
    for (size_t k = 0; k < m; k++) {
      if (count[it[k].term] == 0) distinct++;
      count[it[k].term] += it[k].tf;
    }
  }
  double N = 0;
  for (size_t d = 0; d < t->n_docs; d++) N += t->doc_words[d];
  double ni = t->doc_words[fd->d], nj = N - ni, a0 = N < PX_TERM_ALPHA0 ? N : PX_TERM_ALPHA0;
  cand *c = malloc((distinct ? distinct : 1) * sizeof *c);
  int rc = c ? PX_OK : PX_ENOMEM;
  size_t nc = 0;
  for (size_t g = g0; g < g1; g++) {
    size_t m;
    const px_sterm *it = px_terms_of(t, g, &m);
    for (size_t k = 0; k < m; k++) {
      uint32_t w = it[k].term, y = count[w];
      if (y == 0) continue; /* seen already */
      count[w] = 0;
      if (!c || t->stop[w] || t->number[w] || !showable(t->surface[w])) continue;
      double a = a0 * t->cf[w] / N;
      double z = zeta_of(y, (double)(t->cf[w] - y), ni, nj, a, a0);
      if (isfinite(z)) c[nc++] = (cand){w, y, z}; /* not finite: the document is (nearly) all of the story */
    }
  }
  px_sort(c, nc, sizeof *c, cmp_cand);
  *out = c;
  *n = nc;
  return rc;
}

/* Which candidates to keep (see the header): their number. */
static size_t choose(cand *c, size_t nc, size_t k) {
  size_t pass = 0;
  while (pass < nc && pass < k && c[pass].zeta > PX_TERM_Z) pass++;
  size_t kept = pass;
  for (size_t i = pass; i < nc && kept < k && c[i].zeta > 0; i++)
    if (c[i].count >= 2) c[kept++] = c[i];
  return kept;
}

int px_frame_terms(px_story *s, const px_frame_doc *fd, uint32_t *count, uint32_t *mark) {
  const px_terms *t = &s->terms;
  cand *c = NULL;
  size_t nc = 0;
  int rc = score(s, fd, count, &c, &nc);
  if (rc) return rc;
  size_t kept = choose(c, nc, s->opts.framing_terms);
  /* sentences of each kept term: one pass over the document */
  uint32_t(*sents)[PX_TERM_REFS] = calloc(kept ? kept : 1, sizeof *sents);
  uint32_t *nsent = calloc(kept ? kept : 1, sizeof *nsent);
  if (!sents || !nsent) rc = PX_ENOMEM;
  for (size_t i = 0; i < kept; i++) mark[c[i].term] = (uint32_t)i;
  size_t g0 = t->sent_base[fd->d], g1 = t->sent_base[fd->d + 1];
  for (size_t g = g0; g < g1 && rc == PX_OK; g++) {
    size_t m;
    const px_sterm *it = px_terms_of(t, g, &m);
    for (size_t k = 0; k < m; k++) {
      uint32_t slot = mark[it[k].term];
      if (slot != UINT32_MAX && nsent[slot] < PX_TERM_REFS) sents[slot][nsent[slot]++] = (uint32_t)(g - g0);
    }
  }
  for (size_t i = 0; i < kept; i++) mark[c[i].term] = UINT32_MAX;
  for (size_t i = 0; i < kept && rc == PX_OK; i++) {
    const char *w = t->surface[c[i].term];
    px_term out = {px_s_intern(s, w, strlen(w)), c[i].count, c[i].zeta, s->refs.n, nsent[i]};
    if (!out.text) rc = PX_ENOMEM;
    for (size_t r = 0; r < nsent[i] && rc == PX_OK; r++) rc = px_s_push_ref(s, fd->d, sents[i][r]);
    if (rc == PX_OK) rc = PX_VEC_PUSH(s->terms_out, out);
  }
  free(sents);
  free(nsent);
  free(c);
  return rc;
}
