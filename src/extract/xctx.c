/* xctx.c - helpers every extractor shares: token and sentence lookup, quote regions. */
#include "extract.h"

#include <string.h>

size_t px_x_token_at(const px_xctx *x, size_t pos) {
  size_t lo = 0, hi = x->n_tok;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (x->tok[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

int32_t px_x_sentence_at(const px_xctx *x, size_t pos) {
  size_t lo = 0, hi = x->n_sent;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (x->sent[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo < x->n_sent && x->sent[lo].start <= pos ? (int32_t)lo : -1;
}

bool px_x_in_quote(const px_xctx *x, size_t pos) {
  const px_span *r = x->qregions.v;
  size_t lo = 0, hi = x->qregions.n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (r[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo < x->qregions.n && r[lo].start <= pos;
}

bool px_x_tok_is(const px_xctx *x, size_t i, const char *word) {
  if (i >= x->n_tok) return false;
  size_t n = px_x_tok_len(x, i);
  if (strlen(word) != n) return false;
  const char *t = x->text + x->tok[i].start;
  for (size_t k = 0; k < n; k++)
    if (px_lower((unsigned char)t[k]) != (unsigned char)word[k]) return false;
  return true;
}

bool px_x_tok_in(const px_xctx *x, size_t i, const char *const *words) {
  for (; *words; words++)
    if (px_x_tok_is(x, i, *words)) return true;
  return false;
}

bool px_x_tok_capitalised(const px_xctx *x, size_t i) {
  if (i >= x->n_tok) return false;
  size_t p = x->tok[i].start;
  return px_cp_is_upper(px_utf8_next(x->text, x->len, &p));
}
