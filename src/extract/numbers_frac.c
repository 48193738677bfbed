/* numbers_frac.c - what a word number can be besides a plain cardinal:
 * fractions ("two thirds", "one and a half", "one over three", "a hundredth"),
 * decimals read out ("five point five"), vague plurals ("dozens", "tens of
 * thousands"), "half a dozen", ordinals ("twenty-first"); and px_nc_parse(),
 * the entry for numbers that begin with a word. */
#include "numbers.h"

#include <math.h>
#include <string.h>

/* A denominator word after `c` ("fifths", "-eighth", "quarters"). The value
 * is *whole + *frac; "thirty-fifths" and "one hundred thirty fifths" (100/35)
 * take the tens word into the denominator; "one hundred and three quarters" is
 * 100 3/4 but "one hundred and thirty fifths" 130/5. *ordinal is set for a
 * compound ordinal with no numerator ("twenty-first"). */
static bool denominator(const px_nlex *lx, const px_ncard *c, double *whole, double *frac, size_t *end, bool *ordinal) {
  px_natom n;
  px_na_read(lx, c->end, &n);
  bool hyphen = false, tight = false;
  if (px_na_sym(&n, '-')) {
    tight = !n.spaced;
    px_na_read(lx, n.end, &n);
    tight = tight && !n.spaced;
    hyphen = true;
  }
  *ordinal = false;
  *whole = 0;
  if (!(px_na_is(&n, PX_NW_ORD) || px_na_is(&n, PX_NW_HALF) || px_na_is(&n, PX_NW_QUARTER))) return false;
  double rank = n.w->value, num = px_nc_value(c);
  bool unit_ord = n.w->cls == PX_NW_ORD && rank < 10;
  *end = n.end;
  if (c->last == PX_NL_TENS && unit_ord && ((hyphen && tight) || (!hyphen && c->tens_split))) {
    double den = num - c->before_tens + rank;
    if (c->before_tens == 0) { /* "twenty-first": an ordinal */
      *ordinal = hyphen && !n.w->plural;
      *frac = den;
      return *ordinal;
    }
    *frac = c->before_tens / den;
    return true;
  }
  if (n.w->cls == PX_NW_ORD && (rank <= 2 || (rank >= 1000 && !c->started_a))) return false;
  if (c->last == PX_NL_A && c->n == 1 && n.w->plural) return false;
  bool pow10 = rank == 100 || rank == 1000;
  if (c->has_and && (pow10 ? num - c->and_before < 100 : c->n == c->and_n && c->and_cls == PX_NL_UNIT)) {
    *whole = c->and_before;
    num -= c->and_before;
  }
  *frac = num / rank;
  return num > 0;
}

/* "and a half", "and three fifths", "and fifty-four hundredths": the fraction part after "and". */
static bool and_fraction(const px_nlex *lx, size_t pos, double *frac, size_t *end) {
  px_natom a;
  px_na_read(lx, pos, &a);
  if (!px_na_is(&a, PX_NW_AND)) return false;
  px_na_read(lx, a.end, &a);
  px_ncard f;
  if (!(px_na_is(&a, PX_NW_A) || px_na_is(&a, PX_NW_UNIT) || px_na_is(&a, PX_NW_TEEN) || px_na_is(&a, PX_NW_TENS)))
    return false;
  if (!px_nc_run(lx, &a, &f) && !px_na_is(&a, PX_NW_A)) return false;
  if (f.has_hundred || f.total > 0) return false;
  double whole;
  bool ord;
  return denominator(lx, &f, &whole, frac, end, &ord) && !ord && whole == 0;
}

/* A scale word right after `pos` ("half | million"): its value, or 0. */
static double scale_after(const px_nlex *lx, size_t pos, size_t *end, bool with_a) {
  px_natom a;
  px_na_read(lx, pos, &a);
  if (with_a && px_na_is(&a, PX_NW_OF)) px_na_read(lx, a.end, &a);
  if (with_a) {
    if (!px_na_is(&a, PX_NW_A)) return 0;
    px_na_read(lx, a.end, &a);
  }
  if (a.kind != PX_NA_WORD || a.w->plural) return 0;
  if (a.w->cls != PX_NW_SCALE && !(with_a && (a.w->cls == PX_NW_DOZEN || a.w->cls == PX_NW_HUNDRED))) return 0;
  *end = a.end;
  return a.w->value;
}

/* Words that end a ratio: "2000 over 3 years" is no fraction. */
static bool word_follows(const px_nlex *lx, size_t pos) {
  px_natom a;
  px_na_read(lx, pos, &a);
  return a.kind == PX_NA_WORD || a.kind == PX_NA_OTHER;
}

/* A time unit follows: "5 in 24 hours" is no ratio. */
static bool time_follows(const px_nlex *lx, size_t pos) {
  static const char *const units[] = {"second", "minute", "hour", "day", "week", "month", "year", "decade", NULL};
  px_natom a;
  px_na_read(lx, pos, &a);
  if (a.kind != PX_NA_OTHER && a.kind != PX_NA_WORD) return false;
  size_t n = a.end - a.start;
  if (n > 1 && px_lower((unsigned char)lx->s[a.end - 1]) == 's') n--;
  for (const char *const *u = units; *u; u++) {
    size_t m = strlen(*u), k = 0;
    while (k < m && k < n && px_lower((unsigned char)lx->s[a.start + k]) == (unsigned char)(*u)[k]) k++;
    if (k == m && m == n) return true;
  }
  return false;
}

/* "one over three", "one out of three", "one in five": num / den. */
static bool ratio(const px_nlex *lx, const px_ncard *c, px_nparse *r) {
  px_natom a, d;
  px_na_read(lx, c->end, &a);
  int kind = px_na_is(&a, PX_NW_OVER) ? 1 : px_na_is(&a, PX_NW_OUT) ? 2 : px_na_is(&a, PX_NW_IN) ? 3 : 0;
  if (!kind) return false;
  px_na_read(lx, a.end, &d);
  if (kind == 2) {
    if (!px_na_is(&d, PX_NW_OF)) return false;
    px_na_read(lx, d.end, &d);
  }
  if (!d.spaced) return false;
  px_ncard e;
  if (!(px_nc_plain_digits(&d) || px_na_is(&d, PX_NW_UNIT) || px_na_is(&d, PX_NW_TEEN) || px_na_is(&d, PX_NW_TENS) ||
        px_na_is(&d, PX_NW_A)) ||
      !px_nc_run(lx, &d, &e))
    return false;
  double num = px_nc_value(c), den = px_nc_value(&e);
  if (num <= 0 || den <= 0) return false;
  if (kind == 1 && word_follows(lx, e.end)) return false;
  if (kind >= 2 && num >= den) return false;
  if (kind == 3 && (time_follows(lx, e.end) || (e.digits && den >= 1000 && den <= 2100))) return false;
  r->value = num / den;
  r->end = e.end;
  r->flags |= PX_NUM_FRACTION | (e.words ? PX_NUM_WORDS : 0);
  return true;
}

/* "five point five", "two hundred point seventy-one", "nought point nought three". */
static bool spoken_decimal(const px_nlex *lx, const px_ncard *c, px_nparse *r) {
  px_natom a;
  px_na_read(lx, c->end, &a);
  if (!px_na_is(&a, PX_NW_POINT) || c->digits || c->last == PX_NL_A || c->last == PX_NL_DOZEN) return false;
  double frac = 0, scale = 0.1;
  size_t end = 0;
  for (int k = 0; k < 20; k++) {
    px_natom d;
    px_na_read(lx, end ? end : a.end, &d);
    if (d.kind != PX_NA_WORD) break;
    int cls = d.w->cls;
    if (cls == PX_NW_ZERO || cls == PX_NW_UNIT) {
      frac += d.value * scale;
      scale /= 10;
      end = d.end;
    } else if (cls == PX_NW_TEEN || cls == PX_NW_TENS) {
      double v = d.value;
      end = d.end;
      px_natom h, u;
      px_na_read(lx, d.end, &h);
      if (cls == PX_NW_TENS && px_na_sym(&h, '-')) {
        px_na_read(lx, h.end, &u);
        if (px_na_is(&u, PX_NW_UNIT)) {
          v += u.value;
          end = u.end;
        }
      }
      frac += v * scale / 10;
      scale /= 100;
    } else {
      break;
    }
  }
  if (!end) return false;
  r->value = px_nc_value(c) + frac;
  r->end = end;
  return true;
}

/* "dozens" 24, "hundreds" 200, "thousands" 2000, "tens of thousands" 20000,
 * "hundreds of thousands" 200000: twice the unit, as the guidelines map them. */
static bool vague(const px_nlex *lx, const px_natom *a, px_nparse *r) {
  double base = a->w->value;
  if (a->w->cls == PX_NW_DOZEN && strcmp(a->w->word, "dozens") != 0) return false;
  r->end = a->end;
  px_natom o, s;
  px_na_read(lx, a->end, &o);
  if (px_na_is(&o, PX_NW_OF) && (base == 10 || base == 100)) {
    px_na_read(lx, o.end, &s);
    if (px_na_is(&s, PX_NW_SCALE) && s.w->plural && s.value > base) {
      r->value = 2 * base * s.value;
      r->end = s.end;
      r->flags = PX_NUM_VAGUE | PX_NUM_WORDS;
      return true;
    }
  }
  if (base == 10) return false; /* "tens" alone */
  r->value = 2 * base;
  r->flags = PX_NUM_VAGUE | PX_NUM_WORDS;
  return true;
}

/* "half", "half a dozen", "half a million", "quarter million". */
static bool share_word(const px_nlex *lx, const px_natom *a, px_nparse *r) {
  if (a->w->plural) return false;
  double f = 1.0 / a->w->value;
  size_t end;
  double s = scale_after(lx, a->end, &end, true);
  if (s == 0) s = scale_after(lx, a->end, &end, false);
  r->flags = PX_NUM_WORDS;
  if (s > 0) {
    r->value = f * s;
    r->end = end;
    return true;
  }
  if (a->w->cls == PX_NW_QUARTER) return false; /* "the old quarter" */
  r->value = f;
  r->end = a->end;
  r->flags |= PX_NUM_FRACTION;
  return true;
}

/* After a word cardinal: a second cardinal ending in tens or hundred and an
 * ordinal make the denominator ("twenty | twenty fifths", "one | one hundred fifth"). */
static bool split_denominator(const px_nlex *lx, const px_ncard *c, px_nparse *r) {
  px_natom b, o;
  px_na_read(lx, c->end, &b);
  if (c->digits || !b.spaced || !(px_na_is(&b, PX_NW_UNIT) || px_na_is(&b, PX_NW_TEEN) || px_na_is(&b, PX_NW_TENS)))
    return false;
  px_ncard d;
  if (!px_nc_run(lx, &b, &d) || !(d.last == PX_NL_TENS || d.last == PX_NL_HUNDRED) || d.has_and) return false;
  px_na_read(lx, d.end, &o);
  if (d.last == PX_NL_HUNDRED && px_na_is(&o, PX_NW_AND)) px_na_read(lx, o.end, &o);
  if (d.last == PX_NL_TENS && px_na_sym(&o, '-') && !o.spaced) px_na_read(lx, o.end, &o); /* "one twenty-fifth" */
  if (!px_na_is(&o, PX_NW_ORD) || o.value >= 10) return false;
  r->value = px_nc_value(c) / (px_nc_value(&d) + o.value);
  r->end = o.end;
  r->flags |= PX_NUM_FRACTION;
  return true;
}

/* What follows a cardinal: a denominator, "and a half", a ratio, a spoken decimal. */
static void after_card(const px_nlex *lx, const px_ncard *c, px_nparse *r) {
  double whole, frac, cv = px_nc_value(c);
  size_t end, e2 = 0;
  bool ord;
  if (!c->digits && denominator(lx, c, &whole, &frac, &end, &ord)) {
    r->end = end;
    if (ord) {
      r->value = frac;
      r->flags |= PX_NUM_ORDINAL;
      return;
    }
    double s = scale_after(lx, end, &e2, true);
    if (s == 0) s = scale_after(lx, end, &e2, false);
    if (s > 0) {
      r->end = e2; /* "two thirds of a million" */
    } else if (whole > 0 && c->min_scale >= 1e6 && whole == c->total) {
      s = c->min_scale; /* "five billion and three quarters" */
    }
    r->value = s > 0 ? whole + frac * s : whole + frac;
    if (whole == 0 && s == 0) r->flags |= PX_NUM_FRACTION;
    return;
  }
  if (c->last != PX_NL_ZERO && and_fraction(lx, c->end, &frac, &end)) {
    double s = scale_after(lx, end, &e2, false);
    r->end = end;
    r->flags |= PX_NUM_WORDS;
    if (s > 0 && c->last == PX_NL_SCALE && c->min_scale > s) { /* "one billion and a half million" */
      r->value = cv + frac * s;
      r->end = e2;
    } else if (s > 0 && c->total == 0 && !c->has_hundred) { /* "five and a half million" */
      r->value = (cv + frac) * s;
      r->end = e2;
    } else if (c->last == PX_NL_SCALE && c->min_scale >= 1e6) { /* "one million and a half" */
      r->value = cv + frac * c->min_scale;
    } else {
      r->value = cv + frac;
    }
    return;
  }
  if (ratio(lx, c, r) || spoken_decimal(lx, c, r) || split_denominator(lx, c, r)) return;
}

bool px_nc_parse(const px_nlex *lx, const px_natom *a, px_nparse *r) {
  memset(r, 0, sizeof *r);
  r->start = a->start;
  r->end = a->end;
  r->vmax = NAN;
  if (a->kind == PX_NA_WORD) {
    const px_nword *w = a->w;
    switch (w->cls) {
    case PX_NW_TENS_PL: return vague(lx, a, r);
    case PX_NW_HUNDRED:
    case PX_NW_SCALE:
    case PX_NW_DOZEN: return w->plural && vague(lx, a, r);
    case PX_NW_HALF:
    case PX_NW_QUARTER: return share_word(lx, a, r);
    case PX_NW_ORD:
      if (w->plural) return false;
      r->value = w->value;
      r->flags = PX_NUM_ORDINAL | PX_NUM_WORDS;
      return true;
    case PX_NW_A: { /* "a" only before a scale or a denominator: "a dozen", "a third" (fast path) */
      px_natom b;
      px_na_read(lx, a->end, &b);
      if (b.kind != PX_NA_WORD || !(b.w->cls == PX_NW_HUNDRED || b.w->cls == PX_NW_SCALE || b.w->cls == PX_NW_DOZEN ||
                                    b.w->cls == PX_NW_ORD || b.w->cls == PX_NW_HALF || b.w->cls == PX_NW_QUARTER ||
                                    b.w->cls == PX_NW_TENS))
        return false;
      break;
    }
    case PX_NW_ZERO:
    case PX_NW_UNIT:
    case PX_NW_TEEN:
    case PX_NW_TENS: break;
    default: return false;
    }
  } else if (!px_nc_plain_digits(a)) {
    return false;
  }
  px_ncard c;
  bool full = px_nc_run(lx, a, &c);
  r->value = px_nc_value(&c);
  r->end = c.end;
  if (c.words) r->flags |= PX_NUM_WORDS;
  if (c.words && c.digits && (c.min_scale < INFINITY || c.has_hundred || c.last == PX_NL_DOZEN))
    r->flags |= PX_NUM_MULTIPLIER;
  if (!full) { /* "a" alone: only "a half", "a third", "a twenty-first" */
    double whole, frac;
    size_t end;
    bool ord;
    if (denominator(lx, &c, &whole, &frac, &end, &ord) && !ord) {
      r->value = frac;
      r->end = end;
      r->flags |= PX_NUM_FRACTION;
      size_t e2;
      double s = scale_after(lx, end, &e2, false);
      if (s > 0) {
        r->value *= s;
        r->end = e2;
        r->flags &= ~(unsigned)PX_NUM_FRACTION;
      }
      return true;
    }
    px_natom t, h, o;
    px_na_read(lx, c.end, &t);
    if (!px_na_is(&t, PX_NW_TENS)) return false;
    px_na_read(lx, t.end, &h);
    px_na_read(lx, h.end, &o);
    if (!px_na_sym(&h, '-') || h.spaced || o.spaced || !px_na_is(&o, PX_NW_ORD) || o.value >= 10) return false;
    r->value = 1.0 / (t.value + o.value);
    r->end = o.end;
    r->flags |= PX_NUM_FRACTION;
    return true;
  }
  after_card(lx, &c, r);
  return true;
}
