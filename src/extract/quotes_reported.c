/* quotes_reported.c - reported speech: "X said (that) ...", "X announced
 * ...", "according to X, ...", "..., X said." The reported clause is the
 * rest of the sentence after the cue (after "that" when it follows), or the
 * part before ", X said" / ", according to X" when the attribution comes
 * last. Cues that only introduce quoted words (class Q), cues right next to
 * a direct quote ("Q," X said), and agentless passives ("it was reported that") give none. */
#include "quotes.h"

#include <stdlib.h>

#define THAT_WINDOW 6 /* tokens between a cue and its "that" ("told reporters on Monday that") */
#define TAIL_MAX 8    /* tokens after a final "X said" ("said in a statement on Monday") */

static int cmp_size(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return x < y ? -1 : x > y;
}

static bool used(const size_t *v, size_t n, size_t tok) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (v[mid] < tok) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && v[lo] == tok;
}

/* Token of "that" within a few words after the cue, before any punctuation but a comma. */
static size_t that_after(const px_xctx *x, size_t from, size_t last) {
  for (size_t k = from; k < last && k - from < THAT_WINDOW; k++) {
    if (px_x_tok_is(x, k, "that")) return k;
    if (x->tok[k].kind == PX_TOK_PUNCT && !px_xq_tok_char(x, k, ',')) break;
  }
  return SIZE_MAX;
}

/* Last token of the sentence that is not closing punctuation. */
static size_t content_end(const px_xctx *x, size_t first, size_t last) {
  while (last > first && x->tok[last - 1].kind == PX_TOK_PUNCT && !px_xq_tok_qmark(x, last - 1)) last--;
  return last;
}

/* Fills clause and speaker phrase for the cue; false when it reports nothing. */
static bool reported_at(const px_xctx *x, size_t f, size_t l, const px_xq_cue *c, px_xq_item *it) {
  size_t ce = c->tok + c->ntok, end = content_end(x, f, l), cs = end, cend = end;
  if (c->cls == PX_SPEECH_A) {
    if (!px_xq_np_after(x, ce, l, false, &it->np)) return false;
    if (c->tok <= f + 1) { /* According to X, ... */
      cs = it->np.last + (px_xq_tok_char(x, it->np.last, ',') ? 1 : 0);
    } else { /* ..., according to X */
      cs = f;
      cend = c->tok;
      while (cend > cs && px_xq_tok_char(x, cend - 1, ',')) cend--;
    }
  } else if (px_xq_agent(x, c, l) || px_xq_cue_passive(x, c)) { /* agentless passives report no one */
    size_t b = px_xq_agent(x, c, l);
    if (!b || !px_xq_np_after(x, b, l, false, &it->np)) return false;
    cs = f;
  } else if (px_xq_participle(x, c)) {
    it->same_sentence = true; /* "adding that ...", not "reporting from the city" */
    size_t t = that_after(x, ce, l);
    if (t == SIZE_MAX) return false;
    cs = t + 1;
  } else {
    int r = px_xq_np_before(x, c->tok, f, &it->np);
    if (r == PX_XQ_SUBJECT && !px_xq_subject(x, f, c->tok, &it->np)) return false;
    bool inverted = false;
    if (r == PX_XQ_NONE) { /* "..., said X." closing the sentence */
      if (!(c->tok > f && px_xq_tok_char(x, c->tok - 1, ',') && px_xq_np_after(x, ce, l, true, &it->np) &&
            end - it->np.last <= 3))
        return false;
      inverted = true;
    }
    /* "the union, which says 1,800 jobs are at stake, has vowed": the clause ends with the relative clause */
    if (!inverted && c->tok > f &&
        px_x_tok_in(x, c->tok - 1, (const char *const[]){"which", "who", NULL}))
      for (size_t k = ce; k < cend; k++)
        if (px_xq_tok_char(x, k, ',')) {
          cend = k;
          break;
        }
    size_t t = that_after(x, ce, l);
    size_t a = inverted ? c->tok : it->np.first;
    bool last = a > f && px_xq_tok_char(x, a - 1, ',') && t == SIZE_MAX &&
                end - (inverted ? it->np.last : ce) <= TAIL_MAX;
    if (last) { /* "..., the ministry said." */
      cs = f;
      cend = a - 1;
    } else if (t != SIZE_MAX) {
      cs = t + 1;
    } else if (c->cls == PX_SPEECH_R) {
      cs = ce;
    } else {
      return false;
    }
  }
  while (cs < cend && x->tok[cs].kind == PX_TOK_PUNCT && !px_xq_tok_qmark(x, cs)) cs++; /* "that, with ..." */
  if (cs >= cend || cend > x->n_tok) return false;
  it->has_np = !it->same_sentence;
  it->start = x->tok[cs].start;
  it->end = x->tok[cend - 1].end;
  return true;
}

int px_xq_reported(const px_xctx *x, const px_xq_items *direct, px_xq_items *out) {
  size_t *cues = malloc((direct->n ? direct->n : 1) * sizeof *cues), nc = 0;
  if (!cues) return PX_ENOMEM;
  for (size_t i = 0; i < direct->n; i++)
    if (direct->v[i].adjacent) cues[nc++] = direct->v[i].cue.tok;
  qsort(cues, nc, sizeof *cues, cmp_size);
  const px_span *qr = x->qregions.v;
  size_t nq = x->qregions.n, qi = 0;
  int rc = PX_OK;
  size_t f = 0, l = 0;
  for (size_t s = 0; s < x->n_sent && !rc; s++, f = l) {
    /* the sentence's tokens, walking on from the previous sentence's */
    while (f < x->n_tok && x->tok[f].end <= x->sent[s].start) f++;
    for (l = f; l < x->n_tok && x->tok[l].start < x->sent[s].end;) l++;
    for (size_t i = f; i < l && !rc; i++) {
      size_t pos = x->tok[i].start;
      while (qi < nq && qr[qi].end <= pos) qi++;
      if (qi < nq && qr[qi].start <= pos) continue; /* inside quotation marks */
      px_xq_cue c;
      if (!px_xq_cue_at(x, i, &c)) continue;
      i += c.ntok - 1;
      if (c.cls == PX_SPEECH_Q || used(cues, nc, c.tok)) continue;
      px_xq_item it = {.kind = PX_QUOTE_REPORTED, .has_cue = true, .cue = c, .inherit = -1,
                       .sentence = (int32_t)s, .speaker = -1};
      if (reported_at(x, f, l, &c, &it)) rc = px_xq_items_push(out, &it);
    }
  }
  free(cues);
  return rc;
}
