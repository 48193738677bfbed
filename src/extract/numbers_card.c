/* numbers_card.c - cardinals in words: "three hundred and thirty one",
 * "4 thousand 3 hundred and 21", "a dozen", "three lakh crore".
 *
 * A cardinal is read with an accumulator (total of finished scale groups,
 * current group below a thousand, its part below a hundred) and the class of
 * the last element, which says what may follow: a unit after a tens word, a
 * scale smaller than the last scale, a number after "and" only after hundred
 * or a scale. Anything else ends the number, so "three two" is two numbers. */
#include "numbers.h"

#include <math.h>
#include <string.h>

double px_nc_value(const px_ncard *c) { return c->total + c->group; }

bool px_nc_plain_digits(const px_natom *a) {
  return a->kind == PX_NA_DIGITS &&
         !(a->dflags & (PX_ND_ORDINAL | PX_ND_ATTACHED | PX_ND_SUFFIX | PX_ND_EXP | PX_ND_DOTTED | PX_ND_HUGE));
}

/* A digit element: first, after a scale ("4 thousand 3 hundred"), or after
 * "hundred and" ("3 hundred and 21"). */
static bool take_digits(px_ncard *c, const px_natom *a, bool after_and) {
  double v = a->value;
  int last = c->last;
  bool integer = !(a->dflags & (PX_ND_DECIMAL | PX_ND_GROUPED));
  if (last == PX_NL_NONE) {
    c->group = v;
  } else if (((last == PX_NL_SCALE && !after_and) || (last == PX_NL_HUNDRED && after_and)) && integer && v >= 1 &&
             v < (last == PX_NL_HUNDRED ? 100 : fmin(c->min_scale, 1000))) {
    c->group += v;
  } else {
    return false;
  }
  c->low = v < 100 ? v : 0;
  c->last = PX_NL_DIGIT;
  c->digits = true;
  return true;
}

/* Classes after which a multiplier (hundred, a scale, dozen) may come. */
static bool can_multiply(int last) {
  return last == PX_NL_A || last == PX_NL_UNIT || last == PX_NL_TEEN || last == PX_NL_TENS || last == PX_NL_DIGIT;
}

static bool take_scale(px_ncard *c, double v, bool after_and) {
  int last = c->last;
  if (last == PX_NL_SCALE && c->group == 0 && v > c->min_scale && !after_and) {
    c->total *= v; /* "three lakh crore" */
  } else if ((can_multiply(last) || last == PX_NL_HUNDRED || last == PX_NL_DOZEN) && c->group > 0 && v < c->min_scale) {
    c->total += c->group * v;
    c->group = c->low = 0;
    c->has_hundred = false;
  } else {
    return false;
  }
  c->min_scale = v;
  c->last = PX_NL_SCALE;
  return true;
}

/* A word element ("twenty", "hundred", "million", "dozen", "a"). */
static bool take_word(px_ncard *c, const px_nword *w, bool after_and) {
  double v = w->value;
  int last = c->last;
  switch (w->cls) {
  case PX_NW_ZERO:
    if (last != PX_NL_NONE) return false;
    c->group = 0;
    c->last = PX_NL_ZERO;
    return true;
  case PX_NW_UNIT:
  case PX_NW_TEEN:
  case PX_NW_TENS: {
    int cls = w->cls == PX_NW_UNIT ? PX_NL_UNIT : w->cls == PX_NW_TEEN ? PX_NL_TEEN : PX_NL_TENS;
    if (!(last == PX_NL_NONE || last == PX_NL_HUNDRED || last == PX_NL_SCALE || (cls == PX_NL_UNIT && last == PX_NL_TENS)))
      return false;
    if (cls == PX_NL_TENS) {
      c->before_tens = px_nc_value(c);
      c->tens_split = (last == PX_NL_HUNDRED || last == PX_NL_SCALE) && !after_and;
    }
    c->group += v;
    c->low += v;
    c->last = cls;
    return true;
  }
  case PX_NW_HUNDRED:
    if (c->has_hundred || !can_multiply(last) || (last == PX_NL_DIGIT ? c->group >= 1000 : c->group >= 100)) return false;
    c->group *= 100;
    c->low = 0;
    c->has_hundred = true;
    c->last = PX_NL_HUNDRED;
    return true;
  case PX_NW_SCALE: return take_scale(c, v, after_and);
  case PX_NW_DOZEN:
    if (!can_multiply(last)) return false;
    c->group = c->has_hundred ? c->group - c->low + c->low * 12 : c->group * 12;
    c->low = 0;
    c->last = PX_NL_DOZEN;
    return true;
  case PX_NW_A:
    if (last != PX_NL_NONE) return false;
    c->group = 1;
    c->started_a = true;
    c->last = PX_NL_A;
    return true;
  default: return false;
  }
}

/* Takes one element if it may follow; leaves `c` unchanged otherwise. */
static bool card_take(px_ncard *c, const px_natom *a, bool after_and) {
  if (px_nc_plain_digits(a)) {
    if (!take_digits(c, a, after_and)) return false;
  } else if (a->kind == PX_NA_WORD) {
    if (!take_word(c, a->w, after_and)) return false;
    c->words = true;
  } else {
    return false;
  }
  if (c->n == 0) c->start = a->start;
  c->n++;
  c->end = a->end;
  return true;
}

static void card_init(px_ncard *c) {
  memset(c, 0, sizeof *c);
  c->min_scale = INFINITY;
}

/* Reads a whole cardinal from `a` on. False when `a` cannot start one. */
bool px_nc_run(const px_nlex *lx, const px_natom *a, px_ncard *c) {
  card_init(c);
  if (!card_take(c, a, false)) return false;
  for (int guard = 0; guard < 64; guard++) {
    px_natom n;
    px_na_read(lx, c->end, &n);
    if ((px_na_sym(&n, '-') || px_na_sym(&n, 0x2013)) && c->last == PX_NL_TENS) {
      px_natom u; /* "twenty-one", "fifty - two" */
      px_na_read(lx, n.end, &u);
      if (px_na_is(&u, PX_NW_UNIT) && u.spaced == n.spaced && card_take(c, &u, false)) continue;
      break;
    }
    if (px_na_is(&n, PX_NW_AND)) {
      if (!(c->last == PX_NL_HUNDRED || c->last == PX_NL_SCALE || c->last == PX_NL_TENS)) break;
      px_natom e;
      px_na_read(lx, n.end, &e);
      px_ncard save = *c;
      if (!card_take(c, &e, true)) break;
      px_natom h;
      px_na_read(lx, c->end, &h);
      if (px_na_is(&h, PX_NW_HUNDRED) && c->has_hundred) { /* "3 hundred and 2 hundred": two numbers */
        *c = save;
        break;
      }
      c->has_and = true;
      c->and_before = px_nc_value(&save);
      c->and_n = c->n;
      c->and_cls = c->last;
      continue;
    }
    if (n.kind == PX_NA_WORD || n.kind == PX_NA_DIGITS) {
      if ((n.spaced || n.kind == PX_NA_WORD) && card_take(c, &n, false)) continue;
    }
    break;
  }
  return c->last != PX_NL_A || c->n > 1;
}
