/* times_date.c - calendar dates written with a month name: "23 June 2012",
 * "the 4th of March", "Dec. 13", "January 12, 2016", "May twenty-first",
 * "June 2014", "September this year", a bare "September"; a weekday before a
 * date ("Tuesday, 13 December"); "the 27th"; "the second week in December",
 * "the first Friday of July", "the first half of 2016"; seasons with a year.
 * Numeric dates, years, decades and clock times are in times_numdate.c. */
#include "times.h"

#include <string.h>

size_t px_tx_numeric_date(const tx_ctx *c, size_t i, tx_m *m); /* times_numdate.c */
size_t px_tx_year(const tx_ctx *c, size_t i, tx_m *m);

static size_t month_ref(const tx_ctx *c, size_t k, tx_m *m);

static void set_day(tx_m *m, int y, int mo, int d) {
  m->op = OP_CAL, m->type = PX_TIME_DATE, m->gran = G_DAY;
  m->y = (int16_t)y, m->m = (int8_t)mo, m->d = (int8_t)d;
}

/* Words that may follow "5 December, 2016": anything but a lower-case noun
 * that would make "2016" a count ("On 5 December, 2000 people marched"). */
static bool after_year_ok(const tx_ctx *c, size_t k) {
  static const char *const fn[] = {"when", "while", "but", "that", "which", "who", "where", "he", "she", "it",
                                   "they", "we", "was", "were", "is", "are", "had", "has", "have", "with",
                                   "also", "amid", "despite", "alone", NULL};
  const tx_tok *t = &c->t[k];
  if (t->kind != PX_TOK_WORD || (t->tf & TT_CAP) || t->cls != TW_NONE || !tx_same_sent(t, t - 1)) return true;
  for (const char *const *w = fn; *w; w++) {
    size_t n = strlen(*w);
    if (t->e - t->s == n && strncmp(c->x->text + t->s, *w, n) == 0) return true;
  }
  return false;
}

/* A year after a day and month at j: [","] ["of"] YEAR. Returns the token after it, or j. */
static size_t year_after(const tx_ctx *c, size_t j, int *y) {
  const tx_tok *t = c->t;
  size_t k = j;
  bool comma = tx_punct(&t[k], ',');
  if (comma) k++;
  if (tx_kw(&t[k], K_OF)) k++;
  size_t wy = tx_same_sent(&t[j - 1], &t[k]) ? px_tx_word_year(c, k, y) : k;
  if (wy > k) return wy; /* "January 21, two thousand and eighteen" */
  if (!px_tx_year_tok(&t[k]) || !tx_same_sent(&t[j - 1], &t[k])) return j;
  if ((tx_punct(&t[k + 1], '-') || tx_punct(&t[k + 1], '/')) && t[k + 1].glued) return j;
  if (comma && !after_year_ok(c, k + 1)) return j;
  *y = t[k].num;
  return k + 1;
}

/* "this year", "last year", "next year" after a month: the year relative to the anchor. */
static size_t rel_year_after(const tx_ctx *c, size_t j, tx_m *m) {
  const tx_tok *t = c->t;
  size_t k = j + (tx_kw(&t[j], K_OF) ? 1 : 0);
  int off;
  if (tx_kw(&t[k], K_THIS)) off = 0;
  else if (tx_kw(&t[k], K_LAST)) off = -1;
  else if (tx_kw(&t[k], K_NEXT)) off = 1;
  else return j;
  if (!tx_is(&t[k + 1], TW_UNIT, U_YEAR) || (t[k + 1].lf & TF_PLURAL)) return j;
  m->yrel = 1, m->y = (int16_t)off;
  return k + 2;
}

/* "23 June 2012", "1st jan", "the fourth of May", "16. Nov. 2016", "28-nov". */
static size_t day_month(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  size_t j = i + (tx_kw(&t[i], K_THE) ? 1 : 0);
  int d, y = 0;
  size_t k = px_tx_day(c, j, &d);
  if (k == j) return 0;
  bool digit_day = px_is_digit((unsigned char)c->x->text[t[j].s]);
  if (digit_day && (tx_punct(&t[k], '.') || tx_punct(&t[k], '-')) && t[k].glued && t[k + 1].cls == TW_MONTH) k++;
  bool of = tx_kw(&t[k], K_OF);
  if (of) k++;
  if (digit_day || of) { /* "the 20th of next month", "31st of this month", "the 20th next month" */
    tx_m r = {0};
    size_t e = month_ref(c, k, &r);
    if (e > k && r.mrel && !tx_kw(&t[k], K_THE)) {
      set_day(m, 0, 0, d);
      m->mrel = 1, m->off = r.off;
      return e;
    }
  }
  const tx_tok *mt = &t[k];
  if (mt->cls != TW_MONTH || !tx_same_sent(&t[j], mt)) return 0;
  if (!digit_day && !of) return 0; /* "fourth of May", not "first May" */
  if ((mt->lf & TF_AMBIG) && !(mt->tf & TT_CAP) && !of) return 0; /* "5 may" */
  k++;
  size_t end = k;
  if (tx_punct(&t[k], '.') && t[k].glued && (mt->lf & TF_ABBR)) k++; /* "Nov." kept only before a year */
  size_t ky = year_after(c, k, &y);
  if (ky > k) end = ky;
  else if (tx_punct(&t[k], '-') && t[k].glued && t[k + 1].glued && tx_digits(&t[k + 1]) &&
           (t[k + 1].nd == 4 || t[k + 1].nd == 2) && !(t[k + 1].tf & TT_DECADE)) /* 28-nov-2016, 15-May-11 */
    y = t[k + 1].nd == 4 ? t[k + 1].num : (t[k + 1].num < 50 ? 2000 : 1900) + t[k + 1].num, end = k + 2;
  set_day(m, y, mt->val, d);
  return end;
}

/* "Dec. 13", "January 12, 2016", "Jan-1", "May the eleventh", "June 2014", "September this year", "September". */
static size_t month_first(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  const tx_tok *mt = &t[i];
  if (mt->cls != TW_MONTH) return 0;
  bool abbr = mt->lf & TF_ABBR, ambig = mt->lf & TF_AMBIG, cap = mt->tf & TT_CAP;
  size_t k = i + 1;
  if (tx_punct(&t[k], '.') && t[k].glued) k++;
  bool sep = (tx_punct(&t[k], '-') || tx_punct(&t[k], '/')) && t[k].glued;
  if (sep) k++;
  else if (tx_punct(&t[k], ',') && t[k + 1].cls == TW_ORD) k++; /* "October, 1st" */
  bool the = !sep && tx_kw(&t[k], K_THE);
  if (the) k++;
  int d = 0, y = 0;
  size_t kd = tx_same_sent(mt, &t[k]) ? px_tx_day(c, k, &d) : k;
  bool word_day = kd > k && t[k].kind == PX_TOK_WORD && t[k].cls == TW_NUM && !(t[k].lf & TF_TENS);
  if (kd > k && word_day && !the) kd = k; /* "May five": no */
  if (kd > k && ambig && !cap && t[k].kind == PX_TOK_NUMBER) kd = k; /* "may 5" */
  if (kd > k && t[kd].kind == PX_TOK_SYMBOL) kd = k;                 /* "March 3%" */
  if (kd > k) {
    size_t ky = year_after(c, kd, &y);
    set_day(m, y, mt->val, d);
    return ky;
  }
  if (sep) return 0;
  /* month and year, or the month alone */
  k = i + 1;
  size_t kdot = k + (tx_punct(&t[k], '.') && t[k].glued && abbr ? 1 : 0);
  size_t ky = year_after(c, kdot, &y);
  m->op = OP_CAL, m->type = PX_TIME_DATE, m->gran = G_MONTH, m->m = mt->val;
  if (ky > kdot) {
    m->y = (int16_t)y;
    return ky;
  }
  size_t kr = rel_year_after(c, k, m);
  if (kr > k) return kr;
  if (abbr || (ambig && !cap)) return 0;
  if (ambig) { /* "March", "May": only after a word that introduces a date */
    const tx_tok *p = &t[i - (i > 0)];
    if (i == 0 || !tx_same_sent(p, mt) || p->cls != TW_KW) return 0;
    static const uint8_t intro[] = {K_IN, K_SINCE, K_UNTIL, K_BY, K_DURING, K_OF, K_FROM, K_THROUGH, K_BEFORE,
                                    K_AFTER, K_EARLY, K_LATE, K_MID, K_BETWEEN, K_AND, K_OR, K_TO, K_END};
    if (!memchr(intro, p->val, sizeof intro)) return 0;
  }
  m->y = 0;
  return i + 1;
}

/* "Tuesday, 13 December", "Monday January 12th, 2016", "friday 7/6", "this friday (jun-15)", "Thursday the 21st". */
static size_t weekday_date(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  if (t[i].cls != TW_WDAY || (t[i].lf & TF_PLURAL)) return 0;
  size_t k = i + 1;
  if (tx_punct(&t[k], ',') || (tx_punct(&t[k], '-') && t[k].glued)) k++;
  bool paren = tx_punct(&t[k], '(');
  if (paren) k++;
  if (!tx_same_sent(&t[i], &t[k])) return 0;
  size_t e = day_month(c, k, m);
  if (!e) e = month_first(c, k, m);
  if (!e) e = px_tx_numeric_date(c, k, m);
  if (e && m->gran == G_DAY && m->m) {
    if (paren) {
      if (!tx_punct(&t[e], ')')) return 0;
      e++;
    }
    m->wd = (int8_t)t[i].val;
    return e;
  }
  int d;
  if (!paren && tx_kw(&t[k], K_THE) && (e = px_tx_day(c, k + 1, &d)) > k + 1 &&
      (t[k + 1].cls == TW_ORD || t[k + 1].kind == PX_TOK_NUMBER || t[k + 1].cls == TW_NUM) &&
      !(tx_cls(&t[e], TW_UNIT) || t[e].cls == TW_POD)) { /* not "Sunday, the 13th day of ..." */
    set_day(m, 0, 0, d);
    m->wd = (int8_t)t[i].val;
    return e;
  }
  return 0;
}

/* Whether token k ends a clause (times.h: closing punctuation or the end of the sentence). */
static bool clause_end(const tx_tok *t, size_t k) { return tx_clause_end(t, k); }

/* "the 27th", "on the 21st", "on 15", "for the second": a day of the current month, only at a clause end. */
static size_t bare_day(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  if (i == 0 || !tx_same_sent(&t[i - 1], &t[i])) return 0;
  bool the = tx_kw(&t[i], K_THE);
  size_t j = i + the;
  int d;
  size_t k = px_tx_day(c, j, &d);
  if (k == j || !clause_end(t, k) || tx_punct(&t[k], '%')) return 0;
  bool prep = tx_kw(&t[i - 1], K_ON) || tx_kw(&t[i - 1], K_FOR) || tx_kw(&t[i - 1], K_BY) ||
              tx_kw(&t[i - 1], K_UNTIL) || tx_kw(&t[i - 1], K_SINCE);
  if (!prep) return 0;
  if (!the && t[j].kind != PX_TOK_NUMBER && t[j].cls != TW_ORD && !(t[j].lf & TF_TENS)) return 0;
  if (!the && t[j].kind == PX_TOK_NUMBER && !tx_kw(&t[i - 1], K_ON)) return 0;
  set_day(m, 0, 0, d);
  return k;
}

/* A month reference after "of"/"in": MONTH [YEAR], "this/next/last/previous month", "the month". */
static size_t month_ref(const tx_ctx *c, size_t k, tx_m *m) {
  const tx_tok *t = c->t;
  if (t[k].cls == TW_MONTH && !(t[k].lf & TF_ABBR)) {
    int y = 0;
    size_t e = year_after(c, k + 1, &y);
    m->m = t[k].val, m->y = (int16_t)y;
    return e;
  }
  int off = 99;
  if (tx_kw(&t[k], K_THIS) || tx_kw(&t[k], K_THE)) off = 0;
  else if (tx_kw(&t[k], K_NEXT)) off = 1;
  else if (tx_kw(&t[k], K_LAST) || tx_kw(&t[k], K_PREVIOUS)) off = -1;
  if (off == 99 || !tx_is(&t[k + 1], TW_UNIT, U_MONTH) || (t[k + 1].lf & TF_PLURAL)) return k;
  m->mrel = 1, m->off = off;
  return k + 2;
}

/* "the second week in December", "the last week of November", "the first Friday of July",
 * "second Sunday", "the first half of 2016", "the third quarter of 2015". */
static size_t nth_of(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  size_t j = i + (tx_kw(&t[i], K_THE) ? 1 : 0);
  int nth;
  if (t[j].cls == TW_ORD && t[j].val >= 1 && t[j].val <= 5) nth = t[j].val;
  else if (tx_kw(&t[j], K_LAST) || tx_kw(&t[j], K_FINAL)) nth = -1;
  else return 0;
  const tx_tok *u = &t[j + 1];
  bool week = tx_is(u, TW_UNIT, U_WEEK) && !(u->lf & TF_PLURAL);
  bool wday = u->cls == TW_WDAY && !(u->lf & (TF_PLURAL | TF_ABBR));
  if (tx_punct(u, '-') && u->glued && tx_kw(u + 1, K_QUARTER) && u[1].glued) u++, j++; /* fourth-quarter */
  bool half = tx_kw(u, K_HALF) || tx_kw(u, K_QUARTER);
  if (!week && !wday && !half) return 0;
  size_t k = j + 2;
  m->op = OP_NTH, m->type = PX_TIME_DATE, m->nth = (int8_t)nth, m->wd = wday ? (int8_t)u->val : 0;
  m->gran = week ? G_WEEK : G_DAY;
  if (half) { /* of a year */
    if (nth < 1 || nth > (tx_kw(u, K_HALF) ? 2 : 4)) return 0;
    int y = 0;
    m->op = OP_CAL, m->gran = tx_kw(u, K_HALF) ? G_HALF : G_QUARTER, m->sub = (int8_t)nth, m->nth = 0;
    if (!tx_kw(&t[k], K_OF)) { /* "the third quarter", "fourth-quarter profit", "the second half": this year's */
      if (m->gran == G_HALF && j == i) return 0;
      if (px_tx_year_tok(&t[k]) && tx_same_sent(u, &t[k])) m->y = (int16_t)t[k].num, k++;
      return k;
    }
    if (px_tx_year_tok(&t[k + 1])) y = t[k + 1].num, k += 2;
    else if ((k = rel_year_after(c, k + 1, m)) == 0 || !m->yrel) return 0;
    if (!m->yrel) m->y = (int16_t)y;
    return k;
  }
  if (tx_kw(&t[k], K_OF) || tx_kw(&t[k], K_IN)) {
    size_t e = month_ref(c, k + 1, m);
    if (e > k + 1 && tx_same_sent(&t[i], &t[e - 1])) return e;
  }
  /* "second Sunday" alone: of the current month, at a clause end */
  if (!wday || j != i || t[j].cls != TW_ORD || !clause_end(t, k)) return 0;
  m->mrel = 1, m->off = 0;
  return k;
}

/* "the 20th century", "the twenty-first century": TIMEX3 writes the century's first two digits. */
static size_t century(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  size_t j = i + (tx_kw(&t[i], K_THE) ? 1 : 0);
  int n;
  size_t k = px_tx_day(c, j, &n);
  if (k == j || !(t[k - 1].cls == TW_ORD) || !tx_is(&t[k], TW_UNIT, U_CENTURY) || (t[k].lf & TF_PLURAL)) return 0;
  m->op = OP_CAL, m->type = PX_TIME_DATE, m->gran = G_CENT, m->y = (int16_t)(n - 1);
  return k + 1;
}

/* Holidays with a fixed date, and Easter: "Christmas", "Christmas Eve", "New Year's Day", "Halloween". */
static size_t holiday(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  static const struct {
    const char *w1, *w2;
    int8_t m, d;
  } h[] = {{"christmas", "eve", 12, 24}, {"christmas", "day", 12, 25}, {"christmas", NULL, 12, 25},
           {"boxing", "day", 12, 26},    {"halloween", NULL, 10, 31},  {"valentine", "day", 2, 14},
           {"easter", "sunday", -1, 0},  {"easter", NULL, -1, 0}};
  if (!(t[i].tf & TT_CAP)) return 0;
  size_t k = i;
  if (tx_word_is(c, &t[i], "new") && tx_is(&t[i + 1], TW_UNIT, U_YEAR) && (t[i + 1].tf & TT_POSS) &&
      (tx_word_is(c, &t[i + 2], "day") || tx_word_is(c, &t[i + 2], "eve"))) {
    bool eve = tx_word_is(c, &t[i + 2], "eve");
    m->op = OP_CAL, m->type = PX_TIME_DATE, m->gran = G_DAY, m->m = eve ? 12 : 1, m->d = eve ? 31 : 1;
    k = i + 3;
  }
  for (size_t q = 0; k == i && q < sizeof h / sizeof *h; q++) {
    if (!tx_base_is(c, &t[i], h[q].w1)) continue;
    if (h[q].w2 && !(tx_word_is(c, &t[i + 1], h[q].w2) && (t[i + 1].tf & TT_CAP))) continue;
    m->op = OP_CAL, m->type = PX_TIME_DATE, m->gran = G_DAY, m->m = h[q].m, m->d = h[q].d;
    k = i + 1 + (h[q].w2 != NULL);
  }
  if (k == i) return 0;
  int y;
  size_t e = year_after(c, k, &y);
  if (e > k) m->y = (int16_t)y;
  return e;
}

/* "summer 2015", "the summer of 2015", "spring of 2014". */
static size_t season_year(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  size_t j = i + (tx_kw(&t[i], K_THE) ? 1 : 0);
  if (t[j].cls != TW_SEASON || (t[j].lf & TF_PLURAL)) return 0;
  size_t k = j + 1 + (tx_kw(&t[j + 1], K_OF) ? 1 : 0);
  if (!px_tx_year_tok(&t[k]) || !tx_same_sent(&t[j], &t[k])) return 0;
  m->op = OP_CAL, m->type = PX_TIME_DATE, m->gran = G_SEASON, m->sub = (int8_t)t[j].val, m->y = (int16_t)t[k].num;
  return k + 1;
}

size_t px_tx_match_date(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_matcher f[] = {
      day_month, month_first, weekday_date, nth_of, season_year, bare_day, px_tx_numeric_date, px_tx_year,
      century,   holiday};
  return px_tx_longest(c, i, m, f, sizeof f / sizeof *f);
}
