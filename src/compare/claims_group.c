/* claims_group.c - groups claims by measure and gives each group a verdict.
 *
 * Grouping sorts the claims by their measure key (then as_of, doc), so equal
 * keys are adjacent: O(n log n), never all pairs. Within a group each claim
 * is compared with the next claim of ANOTHER document in as_of order (or,
 * when no other document follows, with the next claim of its own), so a
 * group of n claims gets at most n - 1 pairs. A pair's relation:
 *   - agree: the value intervals overlap (hedges widen them, px_c_interval);
 *   - conflict: disjoint values at the same time (as_of intervals overlap,
 *     e.g. 2016-12 and 2016-12-04, or a week and one of its days), or a
 *     cumulative measure that shrinks later;
 *   - progression: disjoint values at different times (a cumulative measure
 *     must grow); values ten times apart on different days are another
 *     scope (one incident against a total) and are not paired.
 * A figure dated only by its publication date may be older than one the
 * text dates to that day, so a smaller undated cumulative figure precedes a
 * dated one.
 * Date claims compare the dates given for the event: overlapping dates
 * agree, different ones conflict.
 * Group verdict: conflict if a pair across documents conflicts at the same
 * stated date (or both undated, same day), or if shrinking pairs (a
 * cumulative figure lower on a later or less precisely dated report) are at
 * least as many as growing ones; else progression if any pair progresses,
 * else agree when two or more documents agree, else single. */
#include "compare/claims.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static int cmp_work(const void *a, const void *b) {
  const px_cwork *x = a, *y = b;
  int c = strcmp(x->key, y->key);
  if (c) return c;
  if (x->day_lo != y->day_lo) return x->day_lo < y->day_lo ? -1 : 1;
  if (x->claim.doc != y->claim.doc) return x->claim.doc < y->claim.doc ? -1 : 1;
  return (x->claim.start > y->claim.start) - (x->claim.start < y->claim.start);
}

/* The relation of claims a and b (a not later than b); PX_VERDICT_SINGLE: not comparable. */
static px_verdict relation(const px_cwork *a, const px_cwork *b) {
  bool overlap = a->lo <= b->hi && b->lo <= a->hi;
  if (a->claim.kind == PX_CLAIM_DATE) return overlap ? PX_VERDICT_AGREE : PX_VERDICT_CONFLICT;
  if (overlap) return PX_VERDICT_AGREE;
  bool unknown = a->day_lo == LONG_MAX || b->day_lo == LONG_MAX;
  bool same_time = unknown || (a->day_lo <= b->day_hi && b->day_lo <= a->day_hi);
  bool grows = b->lo > a->hi;
  if (same_time) {
    /* a figure dated only by its publication may be older than a dated one
     * of the same day: a smaller cumulative figure then precedes it */
    if (a->cumulative && a->stated != b->stated) {
      const px_cwork *undated = a->stated ? b : a, *dated = a->stated ? a : b;
      if (undated->hi < dated->lo) return PX_VERDICT_PROGRESSION;
    }
    return PX_VERDICT_CONFLICT;
  }
  /* an order of magnitude apart on different days: another scope (one
   * incident against a total), not comparable */
  double small = grows ? a->hi : b->hi, big = grows ? b->lo : a->lo;
  if (small * 10 < big) return PX_VERDICT_SINGLE;
  if (a->cumulative && !grows) return PX_VERDICT_CONFLICT; /* a cumulative count shrinks */
  return PX_VERDICT_PROGRESSION;
}

typedef struct {
  size_t first, n, ndocs;
} run;

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

/* Number of distinct documents among w[0..n) (0 when out of memory). */
static size_t count_docs(const px_cwork *w, size_t n) {
  uint32_t *d = malloc(n * sizeof *d);
  if (!d) return 0;
  for (size_t i = 0; i < n; i++) d[i] = w[i].claim.doc;
  px_sort(d, n, sizeof *d, cmp_u32);
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += i == 0 || d[i] != d[i - 1];
  free(d);
  return k;
}

static int cmp_run(const void *a, const void *b) {
  const run *x = a, *y = b;
  if (x->ndocs != y->ndocs) return x->ndocs > y->ndocs ? -1 : 1;
  if (x->n != y->n) return x->n > y->n ? -1 : 1;
  return (x->first > y->first) - (x->first < y->first);
}

static int emit(px_story *s, const px_cwork *w, const run *r) {
  px_claim_group g = {w[0].measure, w[0].claim.kind, PX_VERDICT_SINGLE, s->claims.n, r->n, s->pairs.n, 0};
  for (size_t i = 0; i < r->n; i++)
    if (PX_VEC_PUSH(s->claims, w[i].claim)) return PX_ENOMEM;
  size_t conflict = 0, shrink = 0, progression = 0, agree = 0;
  for (size_t i = 0; i + 1 < r->n; i++) {
    size_t j = i + 1;
    while (j < r->n && w[j].claim.doc == w[i].claim.doc) j++;
    bool cross = j < r->n;
    if (!cross) {
      j = i + 1;
      if (w[j].day_lo == w[i].day_lo) continue; /* same source, same time: restatement or detail */
    }
    px_claim_pair p = {g.first_claim + i, g.first_claim + j, relation(&w[i], &w[j])};
    if (p.relation == PX_VERDICT_SINGLE || (p.relation == PX_VERDICT_CONFLICT && !cross)) continue;
    if (PX_VEC_PUSH(s->pairs, p)) return PX_ENOMEM;
    bool same_time = w[i].day_lo <= w[j].day_hi && w[j].day_lo <= w[i].day_hi;
    if (p.relation == PX_VERDICT_CONFLICT) {
      /* hard conflict: same stated date, or both undated news of one day */
      if (w[i].claim.kind == PX_CLAIM_DATE || (same_time && w[i].stated == w[j].stated)) conflict++;
      else shrink++;
    }
    progression += p.relation == PX_VERDICT_PROGRESSION;
    agree += p.relation == PX_VERDICT_AGREE;
  }
  g.pair_count = s->pairs.n - g.first_pair;
  /* a shrinking count on another day is a conflict unless the group mostly grows */
  g.verdict = conflict || (shrink && shrink >= progression) ? PX_VERDICT_CONFLICT
              : progression                                 ? PX_VERDICT_PROGRESSION
              : agree && r->ndocs >= 2                      ? PX_VERDICT_AGREE
                                                            : PX_VERDICT_SINGLE;
  return PX_VEC_PUSH(s->groups, g);
}

int px_c_group(px_story *s, px_cwork *w, size_t n) {
  if (n == 0) return PX_OK;
  px_sort(w, n, sizeof *w, cmp_work);
  PX_VEC(run) runs = {0};
  int rc = PX_OK;
  for (size_t i = 0; i < n && rc == PX_OK;) {
    size_t j = i + 1;
    bool event_like = w[i].event_like;
    while (j < n && strcmp(w[j].key, w[i].key) == 0) event_like |= w[j++].event_like;
    run r = {i, j - i, count_docs(w + i, j - i)};
    if (r.ndocs == 0) rc = PX_ENOMEM;
    else if (r.ndocs >= 2 || event_like) rc = PX_VEC_PUSH(runs, r);
    i = j;
  }
  if (rc == PX_OK) px_sort(runs.v, runs.n, sizeof *runs.v, cmp_run);
  for (size_t i = 0; i < runs.n && rc == PX_OK; i++) rc = emit(s, w + runs.v[i].first, &runs.v[i]);
  free(runs.v);
  return rc;
}
