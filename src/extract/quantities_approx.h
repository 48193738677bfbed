/* quantities_approx.h - hedges and comparisons around numbers ("more than 1,000",
 * "up to 40%", "between 5 and 10", "500 or more"), read from the words next to
 * each number found by px_find_numbers(). Used by the quantities stage and by
 * tests/eval/eval_numbers.c (ranges). */
#ifndef PX_QUANTITIES_APPROX_H
#define PX_QUANTITIES_APPROX_H

#include "core/internal.h"

#include <stdint.h>

/* What a hedge says about the true value v relative to the number n. */
typedef enum px_hedge_kind {
  PX_H_NONE = 0,
  PX_H_ABOUT, /* about, around, some, roughly: v ~ n */
  PX_H_GT,    /* more than, over, above: v > n */
  PX_H_GE,    /* at least, no less than, or more: v >= n */
  PX_H_LT,    /* less than, under, nearly, almost: v < n */
  PX_H_LE,    /* up to, as much as, at most, or less: v <= n */
  PX_H_EQ,    /* equal to, exactly */
  PX_H_RANGE  /* between n and m, n to m, n or m, n-m */
} px_hedge_kind;

typedef struct px_hedge {
  px_hedge_kind kind;
  size_t start, end; /* the whole expression: hedge words, number(s), trailing words ("or more") */
  double lo, hi;     /* PX_H_RANGE: the two ends */
  size_t second;     /* PX_H_RANGE over two numbers: index of the second, else SIZE_MAX */
} px_hedge;

/* The hedge of nums[i] (sorted, non-overlapping numbers of `s`); `start` is
 * where the number's expression begins (before a currency sign: "as little as
 * £5"), normally nums[i].start. */
void px_x_hedge(const char *s, size_t len, const px_number *nums, size_t n, size_t i, size_t start, px_hedge *h);

/* The px_approx a hedge kind maps to (the corpus guidelines' table). */
px_approx px_x_hedge_approx(px_hedge_kind k);

/* A number range as an interval: "more than 30" (30, inf), "between 20 and 30" [20, 30). */
typedef struct px_numrange {
  size_t start, end;
  double lo, hi; /* -INFINITY / INFINITY when open-ended */
  bool lo_open, hi_open;
} px_numrange;

/* The comparisons and ranges among `nums` as intervals, lower and upper bounds
 * joined by "and" or "but" merged ("more than 10 and less than 40" (10, 40)).
 * Sets *out (caller frees) and returns the count, or PX_ENOMEM. */
int px_x_number_ranges(const char *s, size_t len, const px_number *nums, size_t n, px_numrange **out);

#endif
