/* attribution.c - source of claim for every sentence and every quantity.
 *
 * A sentence takes the speaker of the quote or reported clause that covers
 * most of it ("X said that ...", "according to X, ...", a sentence inside
 * a direct quote); else the outlet speaks in its own voice (-1). A block
 * the outlet introduces as another's text ("..., as reported by X, reads as
 * follows:") lends X to the following paragraphs' sentences that have no
 * source of their own, up to a separator line or a quoted paragraph.
 *
 * A quantity inside quoted words takes the quote's speaker; else the
 * outermost reported clause holding it ("according to X, the army said it
 * took 40%": X, the source the outlet cites); else the block's source when
 * its sentence is in one; in the title of a cited piece, "('Title',
 * Outlet, date)", the outlet; else none (the outlet's voice, which includes
 * the subject of an attribution: "officials of two groups said ..."). */
#include "extract.h"

#include <stdlib.h>

#define BLOCK_PARAS 20 /* paragraphs a "reads as follows:" block may run over */
#define NEST 16        /* enclosing spans looked at for one quantity */

/* Whether the sentence ends with a colon (closing spaces aside). */
static bool ends_colon(const px_xctx *x, int32_t s) {
  size_t e = x->sent[s].end;
  while (e > x->sent[s].start && px_is_space((unsigned char)x->text[e - 1])) e--;
  return e > x->sent[s].start && x->text[e - 1] == ':';
}

/* What a paragraph is to a block: 0 text, 1 blank, 2 a separator line ("* * *"). */
static int para_class(const px_xctx *x, size_t p) {
  bool marks = false;
  for (size_t i = x->para[p].start; i < x->para[p].end;) {
    int32_t c = px_utf8_next(x->text, x->para[p].end, &i);
    if (px_cp_is_letter(c) || (c >= '0' && c <= '9')) return 0;
    if (!px_cp_is_space(c)) marks = true;
  }
  return marks ? 2 : 1;
}


static void cover_sentences(const px_xctx *x, const px_quote *q, int32_t *src, size_t *cover) {
  int32_t s = px_x_sentence_at(x, q->start);
  if (s < 0) return;
  for (size_t k = (size_t)s; k < x->n_sent && x->sent[k].start < q->end; k++) {
    size_t a = q->start > x->sent[k].start ? q->start : x->sent[k].start;
    size_t b = q->end < x->sent[k].end ? q->end : x->sent[k].end;
    if (b > a && b - a > cover[k]) {
      cover[k] = b - a;
      src[k] = q->speaker;
    }
  }
}

/* "as reported by X, sounds as follows:" then paragraphs of X's text. */
static void block(const px_xctx *x, const px_quote *q, int32_t *src, int32_t *blk) {
  int32_t s = q->sentence;
  if (q->kind != PX_QUOTE_REPORTED || s < 0 || !ends_colon(x, s)) return;
  size_t p = px_x_paragraph_at(x, x->sent[s].start);
  if (p >= x->n_para || px_x_sentence_at(x, x->para[p].end - 1) != s) return;
  bool first = true;
  for (size_t k = p + 1; k < x->n_para && k <= p + BLOCK_PARAS; k++) {
    int cls = para_class(x, k);
    if (cls == 2) break;
    if (cls == 1) continue;
    if (first && px_x_in_quote(x, x->para[k].end - 1)) break; /* a quoted block: the quotes stage's */
    first = false;
    int32_t a = px_x_sentence_at(x, x->para[k].start);
    for (size_t t = a < 0 ? x->n_sent : (size_t)a; t < x->n_sent && x->sent[t].start < x->para[k].end; t++) {
      if (src[t] < 0) src[t] = q->speaker;
      blk[t] = q->speaker;
    }
  }
}

typedef struct by_start {
  size_t start, idx;
} by_start;

static int cmp_start(const void *a, const void *b) {
  const by_start *p = a, *r = b;
  if (p->start != r->start) return p->start < r->start ? -1 : 1;
  return p->idx < r->idx ? -1 : p->idx > r->idx;
}

/* The entity of a mention starting in bytes [a, b), or -1. */
static int32_t mention_at(const px_xctx *x, size_t a, size_t b) {
  size_t n;
  const px_mention *m = px_doc_mentions(x->doc, &n);
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (m[mid].start < a) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && m[lo].start < b && m[lo].kind != PX_MENTION_PRONOUN ? m[lo].entity : -1;
}

static bool is_mark(int32_t c, bool open) {
  return open ? c == 0x2018 || c == 0x201C || c == '\'' || c == '"' : c == 0x2019 || c == 0x201D || c == '\'' || c == '"';
}

/* A number in the title of a cited piece, "('Title', Outlet, 7 May 2016)": the outlet's. */
static int32_t citation_source(const px_xctx *x, size_t pos) {
  size_t lo = pos > 300 ? pos - 300 : 0, open = SIZE_MAX, i = pos, at;
  while (i > lo) { /* the parenthesis the number is in */
    int32_t c = px_utf8_prev(x->text, i, &at);
    if (c == ')' || c == '\n') return -1;
    i = at;
    if (c == '(') {
      open = at;
      break;
    }
  }
  if (open == SIZE_MAX) return -1;
  size_t k = open + 1;
  if (k >= x->len || !is_mark(px_utf8_next(x->text, x->len, &k), true)) return -1;
  for (size_t end = pos + 300 < x->len ? pos + 300 : x->len; k < end;) { /* the title's closing mark, then ", Outlet" */
    size_t m = k;
    int32_t c = px_utf8_next(x->text, end, &k);
    if (c == ')' || c == '\n') return -1;
    if (m > pos && is_mark(c, false) && k + 1 < end && x->text[k] == ',') {
      size_t s = k + 1;
      while (s < end && x->text[s] == ' ') s++;
      size_t e = s;
      while (e < end && x->text[e] != ',' && x->text[e] != ')') e++;
      return e > s ? mention_at(x, s, e) : -1;
    }
  }
  return -1;
}

static int32_t quantity_source(const px_xctx *x, const px_quote *q, const by_start *idx, size_t n, size_t pos,
                               const int32_t *blk) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (idx[mid].start <= pos) lo = mid + 1;
    else hi = mid;
  }
  int32_t quoted = -1, reported = -1;
  for (size_t k = lo, steps = 0; k > 0 && steps < NEST; k--, steps++) {
    const px_quote *c = &q[idx[k - 1].idx];
    if (pos >= c->end) continue;
    if (c->kind == PX_QUOTE_REPORTED) reported = c->speaker; /* walking back: the outermost wins */
    else if (quoted < 0) quoted = c->speaker;
  }
  if (quoted >= 0) return quoted;
  int32_t cited = citation_source(x, pos); /* a cited title is more specific than the clause around it */
  if (cited >= 0) return cited;
  if (reported >= 0) return reported;
  /* outside every attributed clause: the subject of "X, with 3 staff, said"
   * is the outlet's, unless the sentence is in a block the outlet lends */
  int32_t s = px_x_sentence_at(x, pos);
  return s >= 0 ? blk[s] : -1;
}

int px_x_attribution(px_xctx *x) {
  size_t nq, ns, nqt;
  const px_quote *q = px_doc_quotes(x->doc, &nq);
  int32_t *src = px_doc_sentence_sources_mut(x->doc, &ns);
  if (!src || ns != x->n_sent) return PX_OK;
  size_t *cover = calloc(ns ? ns : 1, sizeof *cover);
  int32_t *blk = malloc((ns ? ns : 1) * sizeof *blk);
  by_start *idx = malloc((nq ? nq : 1) * sizeof *idx);
  size_t n = 0;
  if (!cover || !idx || !blk) {
    free(cover);
    free(idx);
    free(blk);
    return PX_ENOMEM;
  }
  for (size_t i = 0; i < ns; i++) blk[i] = -1;
  for (size_t i = 0; i < nq; i++) {
    if (q[i].speaker < 0) continue;
    cover_sentences(x, &q[i], src, cover);
    idx[n++] = (by_start){q[i].start, i};
  }
  for (size_t i = 0, last = SIZE_MAX; i < nq; i++)
    if (q[i].speaker >= 0 && (size_t)q[i].sentence != last) { /* one block per introducing sentence */
      last = (size_t)q[i].sentence;
      block(x, &q[i], src, blk);
    }
  qsort(idx, n, sizeof *idx, cmp_start);
  px_quantity *qt = px_doc_quantities_mut(x->doc, &nqt);
  for (size_t i = 0; i < nqt; i++) qt[i].source = quantity_source(x, q, idx, n, qt[i].start, blk);
  free(cover);
  free(idx);
  free(blk);
  return PX_OK;
}
