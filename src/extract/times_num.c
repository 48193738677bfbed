/* times_num.c - numbers as time expressions write them: digits ("24", "3.5",
 * "1,000"), words ("two", "twenty-four", "twenty one", "a hundred"), halves
 * ("two and a half", "an hour and a half" is read by the duration patterns),
 * days of the month ("13", "13th", "thirteenth", "twenty-first"), years. */
#include "times.h"

#include <stdlib.h>
#include <string.h>

bool px_tx_year_tok(const tx_tok *t) {
  return t->kind == PX_TOK_NUMBER && t->sep == 0 && t->nd == 4 && !(t->tf & TT_DECADE) && t->num >= 1000 &&
         t->num <= 2999;
}

/* Value of a digit token: "24", "3.5", "1,000" (NAN-free: -1 when not a plain number). */
static double digit_value(const tx_ctx *c, const tx_tok *t) {
  if (t->kind != PX_TOK_NUMBER || (t->tf & TT_DECADE) || t->sep == ':') return -1;
  const char *s = c->x->text + t->s;
  size_t n = t->e - t->s;
  double v = 0, scale = 0;
  int dots = 0;
  for (size_t k = 0; k < n; k++) {
    char ch = s[k];
    if (px_is_digit((unsigned char)ch)) {
      if (scale > 0) v += (ch - '0') * scale, scale /= 10;
      else v = v * 10 + (ch - '0');
    } else if (ch == '.') {
      if (++dots > 1) return -1; /* 13.5.2015 is a date, not a number */
      scale = 0.1;
    } else if (ch != ',') return -1;
    if (v > 1e9) return -1;
  }
  return v;
}

/* Word numbers: "two", "twenty", "twenty-four", "twenty one", "twenty and four", "a hundred". */
static size_t word_number(const tx_ctx *c, size_t i, double *v, bool allow_a) {
  const tx_tok *t = c->t;
  size_t j = i;
  double val;
  if (tx_cls(&t[j], TW_NUM) && t[j].cls != TW_ORD) val = tx_valof(&t[j], TW_NUM), j++;
  else if (allow_a && tx_kw(&t[j], K_A) && tx_kw(&t[j + 1], K_HUNDRED)) val = 1, j++;
  else return i;
  if (val >= 20 && (t[i].lf & TF_TENS)) { /* twenty-four, twenty four, twenty and four */
    size_t k = j;
    if (tx_punct(&t[k], '-') && t[k].glued) k++;
    else if (tx_kw(&t[k], K_AND) && tx_cls(&t[k + 1], TW_NUM) && t[k + 1].val < 10) k++;
    if (tx_cls(&t[k], TW_NUM) && t[k].cls == TW_NUM && t[k].val < 10 && tx_same_sent(&t[i], &t[k]))
      val += t[k].val, j = k + 1;
  }
  if (tx_kw(&t[j], K_HUNDRED) && !(t[j].lf & TF_PLURAL) && val < 10) val *= 100, j++;
  *v = val;
  return j;
}

size_t px_tx_number(const tx_ctx *c, size_t i, double *v, bool allow_a) {
  const tx_tok *t = c->t;
  size_t j = i;
  double val = digit_value(c, &t[i]);
  if (val >= 0) j = i + 1;
  else if ((j = word_number(c, i, &val, allow_a)) == i) {
    if (allow_a && tx_kw(&t[i], K_A) && !tx_kw(&t[i + 1], K_FEW) && !tx_kw(&t[i + 1], K_COUPLE))
      val = 1, j = i + 1;
    else if (allow_a && tx_kw(&t[i], K_A) && tx_kw(&t[i + 1], K_COUPLE) && tx_kw(&t[i + 2], K_OF))
      val = 2, j = i + 3;
    else if (tx_kw(&t[i], K_COUPLE) && tx_kw(&t[i + 1], K_OF)) val = 2, j = i + 2;
    else if (tx_kw(&t[i], K_DOZEN) && !(t[i].lf & TF_PLURAL)) val = 12, j = i + 1;
    else return i;
  }
  /* "two and a half", "two and half" */
  if (tx_kw(&t[j], K_AND) && tx_kw(&t[j + 1], K_A) && tx_kw(&t[j + 2], K_HALF)) val += 0.5, j += 3;
  else if (tx_kw(&t[j], K_AND) && tx_kw(&t[j + 1], K_HALF) && !tx_kw(&t[j + 2], K_A)) val += 0.5, j += 2;
  /* hyphenated: two-and-a-half */
  else if (tx_punct(&t[j], '-') && t[j].glued && tx_kw(&t[j + 1], K_AND) && tx_punct(&t[j + 2], '-') &&
           tx_kw(&t[j + 3], K_A) && tx_punct(&t[j + 4], '-') && tx_kw(&t[j + 5], K_HALF))
    val += 0.5, j += 6;
  *v = val;
  return j;
}

size_t px_tx_day(const tx_ctx *c, size_t i, int *d) {
  const tx_tok *t = c->t;
  if (t[i].kind == PX_TOK_NUMBER && tx_digits(&t[i]) && t[i].nd <= 2 && !(t[i].tf & TT_DECADE)) {
    if (t[i].num < 1 || t[i].num > 31) return i;
    *d = t[i].num;
    return i + 1;
  }
  if (t[i].cls == TW_ORD) {
    if (t[i].val < 1 || t[i].val > 31) return i;
    *d = t[i].val;
    return i + 1;
  }
  if (t[i].cls == TW_NUM && (t[i].lf & TF_TENS) && t[i].val <= 30) { /* twenty-first, twenty first, twenty one */
    size_t k = i + 1;
    if (tx_punct(&t[k], '-') && t[k].glued) k++;
    if ((t[k].cls == TW_ORD || t[k].cls == TW_NUM) && t[k].val >= 1 && t[k].val <= 9 && t[k].kind == PX_TOK_WORD &&
        tx_same_sent(&t[i], &t[k]) && t[i].val + t[k].val <= 31) {
      *d = t[i].val + t[k].val;
      return k + 1;
    }
    *d = t[i].val;
    return i + 1;
  }
  if (t[i].cls == TW_NUM && t[i].val >= 1 && t[i].val <= 31) {
    *d = t[i].val;
    return i + 1;
  }
  return i;
}

/* A year in words: "two thousand (and) eighteen", "nineteen seventy-eight", "nineteen zero one",
 * "twenty sixteen". Returns the token after it, or i. */
size_t px_tx_word_year(const tx_ctx *c, size_t i, int *y) {
  const tx_tok *t = c->t;
  if (t[i].cls != TW_NUM || t[i].kind != PX_TOK_WORD) return i;
  if (t[i].val == 2 && tx_kw(&t[i + 1], K_THOUSAND) && !(t[i + 1].lf & TF_PLURAL)) {
    size_t k = i + 2 + (tx_kw(&t[i + 2], K_AND) ? 1 : 0);
    double v;
    size_t e = t[k].kind == PX_TOK_WORD ? word_number(c, k, &v, false) : k;
    if (e > k && v < 100) {
      *y = 2000 + (int)v;
      return e;
    }
    *y = 2000;
    return i + 2;
  }
  if ((t[i].val < 10 || t[i].val > 20) || (t[i].lf & TF_TENS && t[i].val != 20)) return i;
  size_t k = i + 1;
  int low;
  double v;
  if (t[k].cls == TW_NUM && t[k].val == 0 && t[k + 1].cls == TW_NUM && t[k + 1].val < 10 && t[k + 1].val > 0)
    low = t[k + 1].val, k += 2; /* nineteen zero one */
  else if (t[k].kind == PX_TOK_WORD && (k = word_number(c, i + 1, &v, false)) > i + 1 && v >= 10 && v < 100)
    low = (int)v;
  else return i;
  if (!tx_same_sent(&t[i], &t[k - 1])) return i;
  *y = t[i].val * 100 + low;
  return k;
}
