/* numbers.c - px_find_numbers(): the scan for number starts, digit numbers
 * (signs, fractions "3/4" and "2 1/4", ranges "10-15", chains such as dates
 * and addresses, spaced multipliers "2.33 k"), percentages, and the driver.
 * Word numbers are read by numbers_card.c, atoms by numbers_lex.c.
 *
 * The scan moves forward over whole words and digit runs, so a number never
 * starts inside a word ("someone", "R2P") and the whole pass is linear. */
#include "numbers.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct nvec {
  px_number *v;
  size_t n, cap;
} nvec;

static int push(nvec *v, const px_nparse *r) {
  if (v->n == v->cap) {
    size_t cap = v->cap ? v->cap * 2 : 64;
    px_number *nv = realloc(v->v, cap * sizeof *nv);
    if (!nv) return PX_ENOMEM;
    v->v = nv;
    v->cap = cap;
  }
  v->v[v->n++] = (px_number){r->start, r->end, r->value, r->vmax, r->flags};
  return PX_OK;
}

/* A multiplier written as its own word after digits: "2.33 k", "10 bln", "1,674.5 G". */
static double spaced_multiplier(const px_nlex *lx, const px_natom *w) {
  if (w->kind != PX_NA_OTHER || !w->spaced) return 0;
  const char *s = lx->s + w->start;
  size_t n = w->end - w->start;
#define IS(lit) (n == sizeof lit - 1 && memcmp(s, lit, n) == 0)
  if (IS("k") || IS("K")) return 1e3;
  if (IS("M") || IS("MM") || IS("mln") || IS("mil")) return 1e6;
  if (IS("G") || IS("B") || IS("bn") || IS("bln") || IS("Bn")) return 1e9;
  if (IS("T") || IS("tn") || IS("tln") || IS("trn")) return 1e12;
#undef IS
  return 0;
}

static bool plain_int(const px_natom *a) {
  return a->kind == PX_NA_DIGITS && !(a->dflags & ~(unsigned)PX_ND_GROUPED) && a->int_digits > 0;
}

/* The digit atom right after a tight symbol `cp` at `pos`, if any. */
static bool tight_digits_after(const px_nlex *lx, size_t pos, int32_t cp, px_natom *sym, px_natom *d) {
  px_na_read(lx, pos, sym);
  if (!px_na_sym(sym, cp) || sym->spaced) return false;
  px_na_read(lx, sym->end, d);
  return d->kind == PX_NA_DIGITS && !d->spaced;
}

/* "3/4", "-4/5"; a longer chain ("5/17/2018") or a/b with a >= b ("24/7") is a chain. */
static bool slash(const px_nlex *lx, const px_natom *a, px_nparse *r) {
  px_natom sl, b, sl2, c;
  if (!tight_digits_after(lx, a->end, '/', &sl, &b)) return false;
  if (!tight_digits_after(lx, b.end, '/', &sl2, &c) && plain_int(a) && plain_int(&b) &&
      !(a->dflags & PX_ND_GROUPED) && a->value < b.value) {
    r->value = a->value / b.value;
    r->end = b.end;
    r->flags |= PX_NUM_FRACTION;
  } else {
    r->flags |= PX_NUM_CHAINED;
  }
  return true;
}

/* "10-15", "1000 – 5000", "5k-20k", "20~100", "2-3 million": a range when the
 * second is larger and no third part follows; else a chain ("2016-12-13"). */
static bool dash(const px_nlex *lx, const px_natom *a, px_nparse *r) {
  static const int32_t dashes[] = {'-', 0x2013, '~'};
  px_natom d, b;
  px_na_read(lx, a->end, &d);
  int32_t cp = 0;
  for (size_t k = 0; k < 3; k++)
    if (px_na_sym(&d, dashes[k])) cp = dashes[k];
  if (!cp) return false;
  px_na_read(lx, d.end, &b);
  if (b.kind != PX_NA_DIGITS || b.spaced != d.spaced || (b.dflags & (PX_ND_ATTACHED | PX_ND_ORDINAL))) return false;
  px_natom d2, c;
  px_na_read(lx, b.end, &d2);
  if (px_na_sym(&d2, cp) && !d2.spaced) {
    px_na_read(lx, d2.end, &c);
    if (c.kind == PX_NA_DIGITS && !c.spaced) {
      r->flags |= PX_NUM_CHAINED;
      return true;
    }
  }
  px_nparse hi;
  if (!px_nc_parse(lx, &b, &hi)) {
    hi.value = b.value;
    hi.end = b.end;
    hi.flags = b.dflags & PX_ND_SUFFIX ? PX_NUM_MULTIPLIER : 0;
  }
  double lo = a->value;
  if ((hi.flags & PX_NUM_MULTIPLIER) && !(a->dflags & PX_ND_SUFFIX) && b.value > lo && lo * (hi.value / b.value) < hi.value)
    lo *= hi.value / b.value; /* "2-3 million" */
  if (!(hi.value > lo) || (hi.flags & (PX_NUM_FRACTION | PX_NUM_ORDINAL))) {
    if (!d.spaced) r->flags |= PX_NUM_CHAINED;
    return !d.spaced;
  }
  r->value = lo;
  r->vmax = hi.value;
  r->end = hi.end;
  r->flags |= PX_NUM_RANGE | (hi.flags & (PX_NUM_MULTIPLIER | PX_NUM_WORDS));
  return true;
}

/* A number that begins with the digit atom `a`. */
static bool digit_number(const px_nlex *lx, const px_natom *a, px_nparse *r) {
  const char *s = lx->s;
  memset(r, 0, sizeof *r);
  r->start = a->start;
  r->end = a->end;
  r->value = a->value;
  r->vmax = NAN;
  if (a->dflags & PX_ND_HUGE) return false;
  if (a->dflags & PX_ND_ORDINAL) r->flags |= PX_NUM_ORDINAL;
  if (a->dflags & PX_ND_ATTACHED) r->flags |= PX_NUM_ATTACHED;
  if (a->dflags & PX_ND_SUFFIX) r->flags |= PX_NUM_MULTIPLIER;
  size_t p = a->start;
  if ((a->dflags & PX_ND_DOTTED) ||
      (p >= 2 && strchr("-/:.", s[p - 1]) && s[p - 1] && px_is_alnum((unsigned char)s[p - 2])))
    r->flags |= PX_NUM_CHAINED; /* "2016-12-13", "5/17/2018", "10:30", "SCP-173" */
  if (r->flags & (PX_NUM_ORDINAL | PX_NUM_ATTACHED | PX_NUM_CHAINED)) return true;
  px_natom n, sl, y;
  px_na_read(lx, a->end, &n);
  if (px_na_sym(&n, ':') && !n.spaced && tight_digits_after(lx, a->end, ':', &sl, &y)) {
    r->flags |= PX_NUM_CHAINED;
    return true;
  }
  if (slash(lx, a, r) || dash(lx, a, r)) return true;
  if (a->dflags & PX_ND_SUFFIX) return true;
  double m = spaced_multiplier(lx, &n);
  if (m > 0) {
    r->value *= m;
    r->end = n.end;
    r->flags |= PX_NUM_MULTIPLIER;
    return true;
  }
  if (n.kind == PX_NA_VULGAR && !n.spaced && plain_int(a)) { /* "2½" */
    r->value += n.value;
    r->end = n.end;
    return true;
  }
  if (plain_int(a) && !(a->dflags & PX_ND_GROUPED) && n.kind == PX_NA_DIGITS && n.spaced && plain_int(&n) &&
      tight_digits_after(lx, n.end, '/', &sl, &y) && plain_int(&y) && n.value < y.value) {
    px_natom sl2, z; /* "2 1/4" */
    if (!tight_digits_after(lx, y.end, '/', &sl2, &z)) {
      r->value += n.value / y.value;
      r->end = y.end;
      return true;
    }
  }
  if (!(a->dflags & PX_ND_EXP)) px_nc_parse(lx, a, r);
  return true;
}

/* Percent sign or word after a number: "98%", "40 percent", "40 per cent", "3 percentage points". */
static void percent_after(const px_nlex *lx, px_nparse *r) {
  px_natom a, b;
  px_na_read(lx, r->end, &a);
  if (px_na_sym(&a, '%') || px_na_is(&a, PX_NW_PERCENT)) {
    r->end = a.end;
  } else if (px_na_is(&a, PX_NW_PER)) {
    px_na_read(lx, a.end, &b);
    if (!px_na_is(&b, PX_NW_CENT)) return;
    r->end = b.end;
  } else {
    return;
  }
  r->flags |= PX_NUM_PERCENT;
  px_na_read(lx, r->end, &a);
  if (px_na_is(&a, PX_NW_POINTS) || px_na_is(&a, PX_NW_POINT)) {
    r->end = a.end;
    r->flags |= PX_NUM_POINTS;
  }
}

/* Hyphened to a following word ("five-year", "24-hour"): a modifier. */
static void compound_after(const px_nlex *lx, px_nparse *r) {
  px_natom h, w;
  px_na_read(lx, r->end, &h);
  if (!px_na_sym(&h, '-') || h.spaced) return;
  px_na_read(lx, h.end, &w);
  if (!w.spaced && (w.kind == PX_NA_OTHER || (w.kind == PX_NA_WORD && w.w->cls > PX_NW_QUARTER)))
    r->flags |= PX_NUM_COMPOUND;
}

/* The previous word before `pos` (ASCII letters, blanks skipped), lower-cased into buf. */
static size_t prev_word(const char *s, size_t pos, char *buf, size_t cap) {
  size_t e = pos;
  while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t')) e--;
  size_t b = e;
  while (b > 0 && px_is_alpha((unsigned char)s[b - 1]) && e - b < cap - 1) b--;
  if (b > 0 && px_is_alpha((unsigned char)s[b - 1])) return 0;
  for (size_t k = b; k < e; k++) buf[k - b] = (char)px_lower((unsigned char)s[k]);
  buf[e - b] = '\0';
  return e - b;
}

/* "one" as a pronoun: "the one you mentioned", "which one", "that one". */
static bool pronoun_one(const px_nlex *lx, const px_nparse *r) {
  if (r->end - r->start != 3 || px_lower((unsigned char)lx->s[r->start]) != 'o') return false;
  static const char *const det[] = {"the", "this", "that", "which", "each", "every", "any", "no",
                                    "another", "what", "whichever", "such", "no-one", NULL};
  char w[16];
  if (!prev_word(lx->s, r->start, w, sizeof w)) return false;
  for (const char *const *d = det; *d; d++)
    if (strcmp(w, *d) == 0) return true;
  return false;
}

/* A sign before digits: "-9.2", "−5", "+1"; spaced ("- 1 4/5") only at the start of a line. */
static bool signed_number(const px_nlex *lx, size_t pos, px_nparse *r) {
  const char *s = lx->s;
  size_t p = pos, n = s[p] == '-' || s[p] == '+' ? 1 : 3;
  if (px_na_alnum_before(s, p) || (p > 0 && strchr("-/.,:", s[p - 1]) && s[p - 1])) return false;
  size_t b = px_na_blank(s, lx->len, p + n);
  if (b > 0) {
    size_t q = p;
    while (q > 0 && (s[q - 1] == ' ' || s[q - 1] == '\t')) q--;
    if (q > 0 && s[q - 1] != '\n') return false;
  }
  size_t d = p + n + b;
  if (d >= lx->len || !(px_is_digit((unsigned char)s[d]) || (s[d] == '.' && d + 1 < lx->len && px_is_digit((unsigned char)s[d + 1]))))
    return false;
  px_natom a;
  px_na_digits(lx, d, &a);
  if (!digit_number(lx, &a, r)) return false;
  if (s[p] == '+') return true;
  r->start = pos;
  r->value = -r->value;
  if (r->flags & PX_NUM_RANGE) r->flags &= ~(unsigned)PX_NUM_RANGE, r->vmax = NAN, r->value = -a.value;
  return true;
}

/* A number starting with a word: "twenty", "minus five", "percent of 10". */
static bool word_number(const px_nlex *lx, const px_natom *a, px_nparse *r) {
  int cls = a->w->cls;
  if (cls == PX_NW_MINUS || cls == PX_NW_PERCENT || cls == PX_NW_PER) {
    px_natom b, c;
    px_na_read(lx, a->end, &b);
    if (cls == PX_NW_PER) {
      if (!px_na_is(&b, PX_NW_CENT)) return false;
      px_na_read(lx, b.end, &b);
    }
    if (cls != PX_NW_MINUS) { /* "percent of 10" */
      if (!px_na_is(&b, PX_NW_OF)) return false;
      px_na_read(lx, b.end, &b);
    }
    if (!b.spaced) return false;
    if (b.kind == PX_NA_DIGITS) {
      if (!digit_number(lx, &b, r)) return false;
    } else if (b.kind != PX_NA_WORD || b.w->cls == PX_NW_MINUS || b.w->cls == PX_NW_PERCENT || !px_nc_parse(lx, &b, r)) {
      return false;
    }
    if (r->flags & (PX_NUM_ORDINAL | PX_NUM_CHAINED | PX_NUM_ATTACHED)) return false;
    r->start = a->start;
    r->flags |= PX_NUM_WORDS;
    if (cls == PX_NW_MINUS) {
      r->value = -r->value;
      (void)c;
    } else {
      r->flags |= PX_NUM_PERCENT;
    }
    return true;
  }
  return px_nc_parse(lx, a, r);
}

/* Where a URL starting at `pos` ends ("http://", "https://", "www."), or pos. */
static size_t url_end(const char *s, size_t len, size_t pos, size_t wl) {
  bool url = (wl == 4 && len - pos > 7 && memcmp(s + pos, "http://", 7) == 0) ||
             (wl == 5 && len - pos > 8 && memcmp(s + pos, "https://", 8) == 0) ||
             (wl == 3 && len - pos > 4 && (s[pos] == 'w' || s[pos] == 'W') && s[pos + 3] == '.' &&
              px_lower((unsigned char)s[pos + 1]) == 'w' && px_lower((unsigned char)s[pos + 2]) == 'w');
  if (!url) return pos;
  size_t p = pos;
  while (p < len && !px_is_space((unsigned char)s[p])) p++;
  return p;
}

static size_t alnum_run(const char *s, size_t len, size_t pos) {
  size_t p = pos;
  while (p < len && (px_is_alnum((unsigned char)s[p]) || (unsigned char)s[p] >= 0x80)) {
    if ((unsigned char)s[p] >= 0x80) {
      size_t q = p;
      if (!px_cp_is_letter(px_utf8_next(s, len, &q))) break;
      p = q;
    } else {
      p++;
    }
  }
  return p > pos ? p - pos : 1;
}

/* Tries a number at `pos`; *skip gets how far to move when there is none. */
static bool number_at(const px_nlex *lx, size_t pos, px_nparse *r, size_t *skip) {
  const char *s = lx->s;
  size_t len = lx->len;
  unsigned char c = (unsigned char)s[pos];
  *skip = 1;
  if (px_is_digit(c)) {
    *skip = alnum_run(s, len, pos);
    if (px_na_alnum_before(s, pos)) return false; /* "R2P", "G20" */
    px_natom a;
    px_na_digits(lx, pos, &a);
    if (a.end > pos + *skip) *skip = a.end - pos; /* a rejected "999,999,...": never read its groups again */
    return digit_number(lx, &a, r);
  }
  if (px_is_alpha(c) || c >= 0xC3) {
    size_t wl = px_na_word_len(s, len, pos);
    if (wl == 0) goto symbol;
    *skip = wl;
    size_t u = url_end(s, len, pos, wl);
    if (u > pos) {
      *skip = u - pos;
      return false;
    }
    if (px_na_alnum_before(s, pos) || wl > 12 || c >= 0x80) return false;
    const px_nword *w = px_nw_lookup(s + pos, wl);
    if (!w || w->cls == PX_NW_AND || w->cls == PX_NW_OF || w->cls == PX_NW_IN || w->cls == PX_NW_OUT ||
        w->cls == PX_NW_OVER || w->cls == PX_NW_POINT || w->cls == PX_NW_POINTS || w->cls == PX_NW_CENT)
      return false; /* most words: no number starts here */
    px_natom a;
    px_na_read(lx, pos, &a);
    return a.kind == PX_NA_WORD && word_number(lx, &a, r);
  }
symbol:
  if (c == '-' || c == '+' || (c == 0xE2 && pos + 2 < len && (unsigned char)s[pos + 1] == 0x88 && (unsigned char)s[pos + 2] == 0x92))
    return signed_number(lx, pos, r);
  if (c == '.' && pos + 1 < len && px_is_digit((unsigned char)s[pos + 1]) && !px_na_alnum_before(s, pos) &&
      !(pos > 0 && s[pos - 1] == '.')) {
    px_natom a;
    px_na_digits(lx, pos, &a);
    return digit_number(lx, &a, r);
  }
  if (c == '%' && pos + 1 < len && px_is_digit((unsigned char)s[pos + 1]) && !px_na_alnum_before(s, pos)) {
    px_natom a; /* "%40" */
    px_na_digits(lx, pos + 1, &a);
    if (!digit_number(lx, &a, r) || (r->flags & (PX_NUM_CHAINED | PX_NUM_ATTACHED | PX_NUM_ORDINAL))) return false;
    r->start = pos;
    r->flags |= PX_NUM_PERCENT;
    return true;
  }
  if (c >= 0xC2) {
    px_natom a;
    px_na_read(lx, pos, &a);
    *skip = a.end > pos ? a.end - pos : 1;
    if (a.kind != PX_NA_VULGAR || a.start != pos) return false;
    memset(r, 0, sizeof *r);
    *r = (px_nparse){pos, a.end, a.value, NAN, PX_NUM_FRACTION};
    return true;
  }
  return false;
}

int px_find_numbers(const char *text, size_t len, px_number **out) {
  if (!out) return PX_EARG;
  *out = NULL;
  if (!text) return 0;
  px_nlex lx = {text, len};
  nvec v = {0};
  size_t pos = 0;
  while (pos < len) {
    px_nparse r;
    size_t skip;
    if (!number_at(&lx, pos, &r, &skip)) {
      pos += skip;
      continue;
    }
    if (!(r.flags & (PX_NUM_ORDINAL | PX_NUM_ATTACHED | PX_NUM_CHAINED | PX_NUM_PERCENT))) percent_after(&lx, &r);
    if (!(r.flags & PX_NUM_PERCENT)) compound_after(&lx, &r);
    bool finite = r.end > r.start && isfinite(r.value) && (isnan(r.vmax) || isfinite(r.vmax));
    if (finite && !pronoun_one(&lx, &r) && push(&v, &r) != PX_OK) {
      free(v.v);
      return PX_ENOMEM;
    }
    pos = r.end > pos ? r.end : pos + 1;
  }
  *out = v.v;
  return (int)v.n;
}
