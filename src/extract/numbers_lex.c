/* numbers_lex.c - the atoms of the number recognizer (numbers.h): digit numbers
 * with their separators, exponents and suffixes, vulgar fractions, words and
 * symbols. Everything here reads forward from a position and is linear in
 * what it reads. */
#include "numbers.h"

#include <math.h>
#include <string.h>

size_t px_na_blank(const char *s, size_t len, size_t pos) {
  size_t p = pos;
  while (p < len) {
    unsigned char c = (unsigned char)s[p];
    if (c == ' ' || c == '\t') {
      p++;
    } else if (c == 0xC2 && p + 1 < len && (unsigned char)s[p + 1] == 0xA0) {
      p += 2; /* U+00A0 no-break space */
    } else if (c == 0xE2 && p + 2 < len && (unsigned char)s[p + 1] == 0x80 &&
               ((unsigned char)s[p + 2] <= 0x8A || (unsigned char)s[p + 2] == 0xAF)) {
      p += 3; /* U+2000..U+200A (thin, hair ...), U+202F narrow no-break space */
    } else {
      break;
    }
  }
  return p - pos;
}

bool px_na_alnum_before(const char *s, size_t pos) {
  if (pos == 0) return false;
  unsigned char c = (unsigned char)s[pos - 1];
  if (c < 0x80) return px_is_alnum(c);
  return px_cp_is_letter(px_utf8_prev(s, pos, NULL));
}

size_t px_na_word_len(const char *s, size_t len, size_t pos) {
  size_t p = pos;
  while (p < len) {
    unsigned char c = (unsigned char)s[p];
    if (c < 0x80) {
      if (!px_is_alpha(c)) break;
      p++;
      continue;
    }
    size_t q = p;
    if (!px_cp_is_letter(px_utf8_next(s, len, &q))) break;
    p = q;
  }
  return p - pos;
}

/* 10^e for the exponents digit numbers need. */
static double pow10i(int e) {
  static const double t[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  if (e >= 0 && e <= 22) return t[e];
  if (e < 0 && e >= -22) return 1.0 / t[-e];
  return pow(10.0, e);
}

/* A digit accumulator: up to 19 significant digits, the rest as a power of ten. */
typedef struct acc {
  unsigned long long mant;
  int nsig;
  int exp10;
} acc;

static void acc_int(acc *a, unsigned d) {
  if (a->nsig < 19) {
    a->mant = a->mant * 10 + d;
    if (a->mant) a->nsig++;
  } else {
    a->exp10++;
  }
}

static void acc_frac(acc *a, unsigned d) {
  if (a->nsig < 19) {
    a->mant = a->mant * 10 + d;
    if (a->mant) a->nsig++;
    a->exp10--;
  }
}

static bool dig(const char *s, size_t len, size_t p) { return p < len && px_is_digit((unsigned char)s[p]); }

/* Number of digits at p. */
static size_t run(const char *s, size_t len, size_t p) {
  size_t q = p;
  while (q < len && px_is_digit((unsigned char)s[q])) q++;
  return q - p;
}

/* Thousands groups after the first group ("1,234,567", "40 000", "1 234 567"):
 * each separator is followed by exactly three digits. */
static size_t groups(const char *s, size_t len, size_t p, acc *a, bool *grouped) {
  while (p + 3 < len && s[p] == ',' && run(s, len, p + 1) == 3) {
    for (int k = 1; k <= 3; k++) acc_int(a, (unsigned)(s[p + k] - '0'));
    p += 4;
    *grouped = true;
  }
  if (*grouped) return p;
  size_t sep = px_na_blank(s, len, p);
  unsigned char c0 = sep ? (unsigned char)s[p] : 0;
  if (!((sep == 1 && c0 == ' ') || (sep == 2 && c0 == 0xC2) || (sep == 3 && c0 == 0xE2)))
    return p; /* one blank character only: "1 234", U+00A0, U+2009, U+202F */
  size_t q = p;
  while (px_na_blank(s, len, q) == sep && memcmp(s + q, s + p, sep) == 0 && run(s, len, q + sep) == 3 &&
         !(q + sep + 3 < len && (s[q + sep + 3] == '/' || px_is_alpha((unsigned char)s[q + sep + 3])))) {
    for (size_t k = 0; k < 3; k++) acc_int(a, (unsigned)(s[q + sep + k] - '0'));
    q += sep + 3;
    *grouped = true;
  }
  return q;
}

/* Exponent forms after the mantissa: 1e10, 12.32e+14, 1.1^23, 2.5^-1, 1.3x10^6. */
static size_t exponent(const char *s, size_t len, size_t p, double *v, bool *done) {
  *done = false;
  size_t q = p;
  bool power = false;
  if (q < len && (s[q] == 'e' || s[q] == 'E')) {
    q++;
  } else if (q < len && s[q] == '^') {
    q++;
    power = true;
  } else if (q + 3 < len && s[q] == 'x' && s[q + 1] == '1' && s[q + 2] == '0' && s[q + 3] == '^') {
    q += 4;
  } else {
    return p;
  }
  int neg = 0;
  while (q < len && (s[q] == '+' || s[q] == '-') && q - p < 8) neg ^= s[q++] == '-';
  size_t n = run(s, len, q);
  if (n == 0 || n > 4) return p;
  if (q + n < len && px_is_alpha((unsigned char)s[q + n])) return p;
  int e = 0;
  for (size_t k = 0; k < n; k++) e = e * 10 + (s[q + k] - '0');
  if (neg) e = -e;
  if (power) *v = pow(*v, e);
  else *v *= pow10i(e);
  *done = true;
  return q + n;
}

/* A currency symbol right before `pos` ("$5m" is five million, "5m" five metres). */
static bool currency_before(const char *s, size_t pos) {
  if (pos >= 1 && s[pos - 1] == '$') return true;
  if (pos >= 2 && (unsigned char)s[pos - 2] == 0xC2 &&
      ((unsigned char)s[pos - 1] == 0xA3 || (unsigned char)s[pos - 1] == 0xA5))
    return true; /* pound, yen */
  return pos >= 3 && memcmp(s + pos - 3, "\xE2\x82\xAC", 3) == 0; /* euro */
}

/* Letters glued to the digits: an ordinal suffix, a multiplier, or something else. */
static void suffix(const char *s, size_t len, size_t start, px_natom *a) {
  size_t p = a->end, n = px_na_word_len(s, len, p);
  if (n == 0) return;
  const char *w = s + p;
  bool ascii = true;
  for (size_t k = 0; k < n; k++) ascii &= (unsigned char)w[k] < 0x80;
  double mult = 0;
  if (ascii && n == 2 && !(a->dflags & (PX_ND_DECIMAL | PX_ND_EXP))) {
    char c0 = (char)px_lower((unsigned char)w[0]), c1 = (char)px_lower((unsigned char)w[1]);
    if ((c0 == 's' && c1 == 't') || (c0 == 'n' && c1 == 'd') || (c0 == 'r' && c1 == 'd') ||
        (c0 == 't' && c1 == 'h')) {
      a->dflags |= PX_ND_ORDINAL;
      a->end = p + n;
      return;
    }
  }
#define IS(lit) (n == sizeof lit - 1 && memcmp(w, lit, n) == 0)
  if (IS("k") || IS("K")) mult = 1e3;
  else if (IS("M") || IS("MM") || IS("mil") || IS("mln") || IS("Mn") || IS("mn")) mult = 1e6;
  else if (IS("m") && currency_before(s, start)) mult = 1e6;
  else if (IS("G") || IS("B") || IS("b") || IS("bn") || IS("Bn") || IS("BN") || IS("bln")) mult = 1e9;
  else if (IS("T") || IS("tn") || IS("tln") || IS("trn")) mult = 1e12;
#undef IS
  if (mult > 0) {
    a->value *= mult;
    a->dflags |= PX_ND_SUFFIX;
    a->end = p + n;
  } else {
    a->dflags |= PX_ND_ATTACHED;
  }
}

void px_na_digits(const px_nlex *lx, size_t pos, px_natom *a) {
  const char *s = lx->s;
  size_t len = lx->len, p = pos;
  memset(a, 0, sizeof *a);
  a->kind = PX_NA_DIGITS;
  a->start = pos;
  acc ac = {0, 0, 0};
  bool dotted = pos >= 2 && s[pos - 1] == '.' && px_is_digit((unsigned char)s[pos - 2]);
  size_t first = run(s, len, p);
  for (size_t k = 0; k < first; k++) acc_int(&ac, (unsigned)(s[p + k] - '0'));
  p += first;
  a->int_digits = (unsigned)first;
  bool grouped = false, euro = false;
  if (!dotted && first >= 1 && first <= 3) p = groups(s, len, p, &ac, &grouped);
  if (grouped) a->dflags |= PX_ND_GROUPED;
  if (!dotted && !grouped && first >= 1 && first <= 3 && p + 5 < len && s[p] == '.' && run(s, len, p + 1) == 3 &&
      s[p + 4] == ',' && run(s, len, p + 5) >= 1 && run(s, len, p + 5) <= 2) {
    /* 1.111,11: dots group thousands, the comma is the decimal mark */
    for (int k = 1; k <= 3; k++) acc_int(&ac, (unsigned)(s[p + k] - '0'));
    p += 4;
    a->dflags |= PX_ND_GROUPED;
    grouped = euro = true;
  }
  if (!dotted && p + 1 < len && s[p] == '.' && dig(s, len, p + 1)) {
    size_t n = run(s, len, p + 1);
    if (first > 0 && p + 1 + n + 1 < len && s[p + 1 + n] == '.' && dig(s, len, p + 2 + n)) {
      dotted = true; /* 192.168.1.2: a chain, not a decimal */
    } else {
      for (size_t k = 0; k < n; k++) acc_frac(&ac, (unsigned)(s[p + 1 + k] - '0'));
      p += 1 + n;
      a->dflags |= PX_ND_DECIMAL;
    }
  } else if (!dotted && p + 1 < len && s[p] == ',' && first >= 1 && ((first <= 3 && !grouped) || euro) &&
             run(s, len, p + 1) >= 1 && run(s, len, p + 1) <= 2) {
    /* decimal comma ("1,3", "5,00", "1.111,11"), not a list ("22,24,26") */
    size_t n = run(s, len, p + 1);
    bool list = (p + 1 + n + 1 < len && s[p + 1 + n] == ',' && dig(s, len, p + 2 + n)) ||
                (pos >= 2 && s[pos - 1] == ',' && px_is_digit((unsigned char)s[pos - 2]));
    if (!list) {
      for (size_t k = 0; k < n; k++) acc_frac(&ac, (unsigned)(s[p + 1 + k] - '0'));
      p += 1 + n;
      a->dflags |= PX_ND_DECIMAL;
    }
  }
  if (dotted) a->dflags |= PX_ND_DOTTED;
  if (first > 24) a->dflags |= PX_ND_HUGE;
  a->value = (double)ac.mant * pow10i(ac.exp10);
  a->end = p;
  if (!dotted) {
    bool done;
    p = exponent(s, len, p, &a->value, &done);
    if (done) {
      a->dflags |= PX_ND_EXP;
      a->end = p;
    }
  }
  suffix(s, len, pos, a);
  if (!isfinite(a->value) || a->value > 1e300) a->dflags |= PX_ND_HUGE; /* "1e9999", hundreds of digit groups */
}

/* Vulgar fractions U+00BC..U+00BE and U+2150..U+215E. */
static double vulgar(const char *s, size_t len, size_t p, size_t *n) {
  unsigned char c = (unsigned char)s[p];
  if (c == 0xC2 && p + 1 < len) {
    unsigned char d = (unsigned char)s[p + 1];
    *n = 2;
    if (d == 0xBC) return 0.25;
    if (d == 0xBD) return 0.5;
    if (d == 0xBE) return 0.75;
  }
  if (c == 0xE2 && p + 2 < len && (unsigned char)s[p + 1] == 0x85) {
    static const double v[] = {1.0 / 7, 1.0 / 9, 0.1,   1.0 / 3, 2.0 / 3, 0.2,   0.4,   0.6,
                               0.8,     1.0 / 6, 5.0 / 6, 0.125, 0.375,   0.625, 0.875};
    unsigned char d = (unsigned char)s[p + 2];
    *n = 3;
    if (d >= 0x90 && d <= 0x9E) return v[d - 0x90];
  }
  return -1;
}

void px_na_read(const px_nlex *lx, size_t pos, px_natom *a) {
  const char *s = lx->s;
  size_t len = lx->len;
  size_t b = px_na_blank(s, len, pos), p = pos + b;
  if (p >= len || s[p] == '\n' || s[p] == '\r' || s[p] == '\f' || s[p] == '\v') {
    memset(a, 0, sizeof *a);
    a->start = a->end = p;
    return;
  }
  unsigned char c = (unsigned char)s[p];
  if (px_is_digit(c) || (c == '.' && dig(s, len, p + 1) && !px_na_alnum_before(s, p))) {
    px_na_digits(lx, p, a);
    a->spaced = b > 0;
    return;
  }
  memset(a, 0, sizeof *a);
  a->start = p;
  a->spaced = b > 0;
  size_t n = 0;
  double v = c >= 0x80 ? vulgar(s, len, p, &n) : -1;
  if (v >= 0) {
    a->kind = PX_NA_VULGAR;
    a->value = v;
    a->end = p + n;
    return;
  }
  n = px_na_word_len(s, len, p);
  if (n > 0) {
    a->kind = PX_NA_OTHER;
    a->end = p + n;
    bool glued = p + n < len && (s[p + n] == '\'' || (p + n + 2 < len && memcmp(s + p + n, "\xE2\x80\x99", 3) == 0));
    if (!glued) a->w = px_nw_lookup(s + p, n);
    if (a->w) {
      a->kind = PX_NA_WORD;
      a->value = a->w->value;
    }
    return;
  }
  a->kind = PX_NA_SYM;
  size_t q = p;
  a->cp = px_utf8_next(s, len, &q);
  a->end = q;
}
