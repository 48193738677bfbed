/* timeline.c - story stage 5: one dated list of events across sources.
 *
 * Candidates: every sentence with an event word (claims_lex.c: capture,
 * evacuate, ceasefire, talks, attack, begin, end...) and a DATE resolved to
 * a day, ISO week or month (not a year: "since 2012" dates background, not
 * an event; not after "since"). The date nearest the event word dates it.
 *
 * Clustering: two candidates tell the same event when they share an event
 * class and their sentences are similar: cosine over tf-idf weighted stems
 * (content words and numbers of the shared term index) >= 0.30 across
 * documents, >= 0.50 within one. Pairs are found through an inverted index
 * over each candidate's four rarest terms (df >= 2), with each posting list
 * cut at 32 entries, so the work is linear in the candidates, never all
 * pairs. Candidates of different documents dated to the same day with a
 * shared event class merge at a cosine of 0.15 (the date agrees, so less
 * wording must), each compared with the next 16 of its day. Candidates are
 * merged with union-find.
 *
 * Each cluster is one event: its date is the one most sources give (ties:
 * the earliest), it is disputed when two documents give dates that do not
 * overlap (2016-12 and 2016-12-04 overlap; the 4th and the 5th do not), its
 * description is the clause around the event word of a source giving that
 * date, trimmed to ~120 bytes. Events are ordered by date. */
#include "compare/claims.h"

#include "core/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { RARE_TERMS = 4, MAX_POSTING = 32, MAX_DESC = 120, SAME_DAY_WINDOW = 16 };
static const double MIN_COS_CROSS = 0.30, MIN_COS_SAME = 0.50, MIN_COS_SAME_DAY = 0.15;

typedef struct {
  uint32_t doc, sentence;
  size_t g;           /* global sentence */
  int32_t time;       /* index in the doc's times */
  long lo, hi;        /* date as days */
  uint32_t classes;   /* bit per px_evclass present */
  size_t at;          /* byte offset of the main event word */
  double norm;
  size_t root;
} cand;

static size_t find(cand *c, size_t i) {
  while (c[i].root != i) i = c[i].root = c[c[i].root].root;
  return i;
}

static double weight(const px_terms *t, const px_sterm *x) {
  if (t->stop[x->term]) return 0;
  return (double)x->tf * px_terms_idf(t, x->term);
}

static double cosine(const px_terms *t, const cand *a, const cand *b) {
  size_t na, nb;
  const px_sterm *x = px_terms_of(t, a->g, &na), *y = px_terms_of(t, b->g, &nb);
  double dot = 0;
  for (size_t i = 0, j = 0; i < na && j < nb;) {
    if (x[i].term < y[j].term) i++;
    else if (x[i].term > y[j].term) j++;
    else dot += weight(t, &x[i]) * weight(t, &y[j]), i++, j++;
  }
  return a->norm > 0 && b->norm > 0 ? dot / (a->norm * b->norm) : 0;
}

/* The candidate of sentence `sent` (its times are tm[ti..tend)); false when it has none. */
static bool candidate(px_story *s, const px_evlex *lx, uint32_t d, const px_time *tm, size_t ti, size_t tend,
                      cand *out) {
  const px_doc *doc = px_corpus_doc(s->corpus, d);
  const char *text = px_doc_text(doc, NULL);
  int32_t sent = tm[ti].sentence;
  size_t ntok = 0, a, b;
  const px_span *tok = px_doc_layer(doc, PX_LAYER_TOKENS, &ntok);
  px_c_sentence_tokens(doc, (size_t)sent, &a, &b);
  uint32_t classes = 0;
  size_t at_main = SIZE_MAX, at_phase = SIZE_MAX; /* the first event word, the first begin/end word */
  for (size_t k = a; k < b; k++) {
    px_evclass c = px_ev_token(lx, &s->terms, doc, tok, k, ntok);
    if (!c) continue;
    classes |= 1u << c;
    size_t *at = c == PX_EV_BEGIN || c == PX_EV_END ? &at_phase : &at_main;
    if (*at == SIZE_MAX) *at = tok[k].start;
  }
  if (!classes) return false;
  size_t at = at_main != SIZE_MAX ? at_main : at_phase;
  size_t best = SIZE_MAX, best_d = SIZE_MAX;
  long lo = 0, hi = 0;
  for (size_t i = ti; i < tend; i++) {
    long l, h;
    int g;
    if (tm[i].type != PX_TIME_DATE || !px_c_date_days(tm[i].value, &l, &h, &g)) continue;
    size_t p = tm[i].start;
    while (p > 0 && text[p - 1] == ' ') p--;
    if (p >= 5 && strncmp(text + p - 5, "since", 5) == 0) continue;
    size_t dist = tm[i].start > at ? tm[i].start - at : at - tm[i].start;
    if (dist < best_d) best_d = dist, best = i, lo = l, hi = h;
  }
  if (best == SIZE_MAX) return false;
  *out = (cand){d, (uint32_t)sent, px_terms_sent(&s->terms, d, (size_t)sent), (int32_t)best, lo, hi, classes,
                at, 0, 0};
  size_t n;
  const px_sterm *x = px_terms_of(&s->terms, out->g, &n);
  for (size_t i = 0; i < n; i++) out->norm += weight(&s->terms, &x[i]) * weight(&s->terms, &x[i]);
  out->norm = sqrt(out->norm);
  return true;
}

typedef struct {
  uint32_t term;
  uint32_t cand;
} posting;

static int cmp_posting(const void *a, const void *b) {
  const posting *x = a, *y = b;
  if (x->term != y->term) return x->term < y->term ? -1 : 1;
  return (x->cand > y->cand) - (x->cand < y->cand);
}

/* Unions candidates that share a rare term, an event class and enough words. */
static int cluster(px_story *s, cand *c, size_t n) {
  const px_terms *t = &s->terms;
  PX_VEC(posting) post = {0};
  for (size_t i = 0; i < n; i++) {
    size_t nt;
    const px_sterm *x = px_terms_of(t, c[i].g, &nt);
    uint32_t top[RARE_TERMS];
    size_t k = 0;
    for (size_t j = 0; j < nt; j++) { /* keep the RARE_TERMS terms of lowest df (>= 2) */
      uint32_t term = x[j].term;
      if (t->stop[term] || t->df[term] < 2) continue;
      size_t p = k < RARE_TERMS ? k++ : RARE_TERMS;
      while (p > 0 && t->df[top[p - 1]] > t->df[term]) {
        if (p < RARE_TERMS) top[p] = top[p - 1];
        p--;
      }
      if (p < RARE_TERMS) top[p] = term;
    }
    for (size_t j = 0; j < k; j++) {
      posting p = {top[j], (uint32_t)i};
      if (PX_VEC_PUSH(post, p)) {
        free(post.v);
        return PX_ENOMEM;
      }
    }
  }
  px_sort(post.v, post.n, sizeof *post.v, cmp_posting);
  for (size_t i = 0; i < post.n;) {
    size_t j = i + 1;
    while (j < post.n && post.v[j].term == post.v[i].term) j++;
    size_t end = j - i > MAX_POSTING ? i + MAX_POSTING : j;
    for (size_t a = i; a < end; a++)
      for (size_t b = a + 1; b < end; b++) {
        cand *x = &c[post.v[a].cand], *y = &c[post.v[b].cand];
        if (!(x->classes & y->classes) || find(c, post.v[a].cand) == find(c, post.v[b].cand)) continue;
        double min = x->doc == y->doc ? MIN_COS_SAME : MIN_COS_CROSS;
        if (cosine(t, x, y) >= min) c[find(c, post.v[a].cand)].root = find(c, post.v[b].cand);
      }
    i = j;
  }
  free(post.v);
  return PX_OK;
}

/* Is text[i] a separator inside a number ("1,519") within [a, b)? */
static bool digit_comma(const char *text, size_t a, size_t b, size_t i) {
  return i > a && i + 1 < b && px_is_digit((unsigned char)text[i - 1]) && px_is_digit((unsigned char)text[i + 1]);
}

typedef struct {
  long lo, hi;
  uint32_t i;
} dayref;

static int cmp_dayref(const void *a, const void *b) {
  const dayref *x = a, *y = b;
  if (x->lo != y->lo) return x->lo < y->lo ? -1 : 1;
  if (x->hi != y->hi) return x->hi < y->hi ? -1 : 1;
  return (x->i > y->i) - (x->i < y->i);
}

/* Candidates of other documents dated to the same day with the same kind of
 * event need less shared wording: the agreeing date is evidence too. Each is
 * compared with the next SAME_DAY_WINDOW of its day. */
static int cluster_same_day(px_story *s, cand *c, size_t n) {
  dayref *r = malloc((n ? n : 1) * sizeof *r);
  if (!r) return PX_ENOMEM;
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (c[i].lo == c[i].hi) r[k++] = (dayref){c[i].lo, c[i].hi, (uint32_t)i};
  px_sort(r, k, sizeof *r, cmp_dayref);
  for (size_t a = 0; a < k; a++)
    for (size_t b = a + 1; b < k && b <= a + SAME_DAY_WINDOW && r[b].lo == r[a].lo; b++) {
      cand *x = &c[r[a].i], *y = &c[r[b].i];
      if (x->doc == y->doc || !(x->classes & y->classes) || find(c, r[a].i) == find(c, r[b].i)) continue;
      if (cosine(&s->terms, x, y) >= MIN_COS_SAME_DAY) c[find(c, r[a].i)].root = find(c, r[b].i);
    }
  free(r);
  return PX_OK;
}

/* The clause of doc text around byte `at` inside the sentence, trimmed to MAX_DESC bytes; interned. */
static const char *describe(px_story *s, const cand *c) {
  const px_doc *doc = px_corpus_doc(s->corpus, c->doc);
  const char *text = px_doc_text(doc, NULL);
  size_t ns = 0;
  const px_span *sents = px_doc_layer(doc, PX_LAYER_SENTENCES, &ns);
  size_t a = sents[c->sentence].start, b = sents[c->sentence].end, at = c->at;
  size_t lo = at, hi = at;
  while (lo > a && !(strchr(",;:(", text[lo - 1]) && !digit_comma(text, a, b, lo - 1))) lo--;
  while (hi < b && !(strchr(",;:)", text[hi]) && !digit_comma(text, a, b, hi))) hi++;
  if (hi - lo < 32) lo = a, hi = b; /* too short a clause: the sentence */
  while (lo < hi && px_is_space((unsigned char)text[lo])) lo++;
  while (hi > lo && (px_is_space((unsigned char)text[hi - 1]) || text[hi - 1] == '.')) hi--;
  if (hi - lo > MAX_DESC) {
    hi = lo + MAX_DESC;
    while (hi > lo && text[hi] != ' ') hi--; /* at a word boundary, so never inside a UTF-8 sequence */
    if (hi == lo) {
      hi = lo + MAX_DESC;
      while (hi > lo && ((unsigned char)text[hi] & 0xC0) == 0x80) hi--;
    }
  }
  return px_s_intern(s, text + lo, hi - lo);
}

static int cmp_cand(const void *a, const void *b) {
  const cand *x = a, *y = b;
  if (x->root != y->root) return x->root < y->root ? -1 : 1;
  if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
  return (x->sentence > y->sentence) - (x->sentence < y->sentence);
}

typedef struct {
  size_t first, n; /* range of the sorted candidates */
  size_t pick;     /* the candidate whose date and words stand for the event */
  bool disputed;
} cluster_t;

static int cmp_cluster(const void *a, const void *b, const cand *c) {
  const cluster_t *x = a, *y = b;
  const cand *p = &c[x->pick], *q = &c[y->pick];
  if (p->lo != q->lo) return p->lo < q->lo ? -1 : 1;
  if (p->hi != q->hi) return p->hi < q->hi ? -1 : 1;
  return (x->first > y->first) - (x->first < y->first);
}

/* Sorts clusters by date (a merge sort: the order depends on the candidates, which qsort cannot pass). */
static void sort_clusters(cluster_t *v, cluster_t *tmp, size_t n, const cand *c) {
  if (n < 2) return;
  size_t h = n / 2;
  sort_clusters(v, tmp, h, c);
  sort_clusters(v + h, tmp, n - h, c);
  size_t i = 0, j = h, k = 0;
  while (i < h && j < n) tmp[k++] = cmp_cluster(&v[j], &v[i], c) < 0 ? v[j++] : v[i++];
  while (i < h) tmp[k++] = v[i++];
  while (j < n) tmp[k++] = v[j++];
  memcpy(v, tmp, n * sizeof *v);
}

/* Chooses the date most sources give (ties: earliest) and whether documents disagree. */
static void settle(cluster_t *cl, const cand *c) {
  size_t best = cl->first, best_votes = 0;
  cl->disputed = false;
  for (size_t i = cl->first; i < cl->first + cl->n; i++) {
    size_t votes = 0;
    for (size_t j = cl->first; j < cl->first + cl->n && j < cl->first + 256; j++) {
      votes += c[j].lo == c[i].lo && c[j].hi == c[i].hi;
      if (c[j].doc != c[i].doc && (c[j].hi < c[i].lo || c[i].hi < c[j].lo)) cl->disputed = true;
    }
    if (votes > best_votes || (votes == best_votes && c[i].lo < c[best].lo)) best = i, best_votes = votes;
    if (i >= cl->first + 256) break; /* huge clusters: the first sources decide */
  }
  cl->pick = best;
}

static int emit(px_story *s, const cand *c, const cluster_t *cl) {
  char date[16];
  px_event ev = {NULL, describe(s, &c[cl->pick]), cl->disputed, s->event_sources.n, cl->n};
  for (size_t i = cl->first; i < cl->first + cl->n; i++) {
    const px_doc *doc = px_corpus_doc(s->corpus, c[i].doc);
    size_t nt;
    const px_time *tm = px_doc_times(doc, &nt);
    size_t dn = px_c_date_part(tm[c[i].time].value, date, sizeof date);
    px_event_source src = {{c[i].doc, c[i].sentence}, px_s_intern(s, date, dn), tm[c[i].time].start,
                           tm[c[i].time].end};
    if (!src.date || PX_VEC_PUSH(s->event_sources, src)) return PX_ENOMEM;
    if (i == cl->pick) ev.date = src.date;
  }
  if (!ev.event || !ev.date) return PX_ENOMEM;
  return PX_VEC_PUSH(s->events, ev);
}

static int build_events(px_story *s, cand *c, size_t n) {
  for (size_t i = 0; i < n; i++) c[i].root = find(c, i);
  px_sort(c, n, sizeof *c, cmp_cand);
  PX_VEC(cluster_t) cls = {0};
  int rc = PX_OK;
  for (size_t i = 0; i < n && rc == PX_OK;) {
    size_t j = i + 1;
    while (j < n && c[j].root == c[i].root) j++;
    cluster_t cl = {i, j - i, i, false};
    settle(&cl, c);
    rc = PX_VEC_PUSH(cls, cl);
    i = j;
  }
  cluster_t *tmp = rc == PX_OK && cls.n ? malloc(cls.n * sizeof *tmp) : NULL;
  if (cls.n && !tmp) rc = PX_ENOMEM;
  if (rc == PX_OK) sort_clusters(cls.v, tmp, cls.n, c);
  for (size_t i = 0; i < cls.n && rc == PX_OK; i++) rc = emit(s, c, &cls.v[i]);
  free(tmp);
  free(cls.v);
  return rc;
}

int px_s_timeline(px_story *s) {
  px_evlex lx;
  int rc = px_evlex_build(&lx, &s->terms);
  PX_VEC(cand) c = {0};
  for (size_t d = 0; d < s->ndocs && rc == PX_OK; d++) {
    size_t nt = 0;
    const px_time *tm = px_doc_times(px_corpus_doc(s->corpus, d), &nt);
    for (size_t i = 0; i < nt && rc == PX_OK;) {
      size_t j = i + 1;
      while (j < nt && tm[j].sentence == tm[i].sentence) j++;
      cand x;
      if (tm[i].sentence >= 0 && candidate(s, &lx, (uint32_t)d, tm, i, j, &x)) {
        x.root = c.n;
        rc = PX_VEC_PUSH(c, x);
      }
      i = j;
    }
  }
  if (rc == PX_OK) rc = cluster(s, c.v, c.n);
  if (rc == PX_OK) rc = cluster_same_day(s, c.v, c.n);
  if (rc == PX_OK) rc = build_events(s, c.v, c.n);
  free(c.v);
  px_evlex_free(&lx);
  return rc;
}
