/* xctx.c - helpers every extractor shares: token and sentence lookup, quote regions. */
#include "extract.h"

#include <string.h>

/* Index of the first of `n` ordered spans that ends after `pos` (n when none). */
static size_t first_ending_after(const px_span *s, size_t n, size_t pos) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (s[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

size_t px_x_token_at(const px_xctx *x, size_t pos) { return first_ending_after(x->tok, x->n_tok, pos); }

size_t px_x_paragraph_at(const px_xctx *x, size_t pos) { return first_ending_after(x->para, x->n_para, pos); }

int32_t px_x_sentence_at(const px_xctx *x, size_t pos) {
  size_t lo = first_ending_after(x->sent, x->n_sent, pos);
  return lo < x->n_sent && x->sent[lo].start <= pos ? (int32_t)lo : -1;
}

bool px_x_in_quote(const px_xctx *x, size_t pos) {
  const px_span *r = x->qregions.v;
  size_t lo = first_ending_after(r, x->qregions.n, pos);
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
