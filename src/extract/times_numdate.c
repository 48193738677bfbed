/* times_numdate.c - dates in digits ("2016-12-13", "12/13/2016", "21/04/16",
 * "13.5.2015", "2019-sep-1", "4/22" after "on"), years used as years ("in
 * 2012", not "2,000 people" or "1070 Apartments"), decades ("the 1990s") and
 * clock times ("10:30 a.m.", "5 p.m.", "noon"). */
#include "times.h"

#include <string.h>

static void set_day(tx_m *m, int y, int mo, int d) {
  m->op = OP_CAL, m->type = PX_TIME_DATE, m->gran = G_DAY;
  m->y = (int16_t)y, m->m = (int8_t)mo, m->d = (int8_t)d;
}

static bool small(const tx_tok *t) { return tx_digits(t) && t->nd <= 2 && !(t->tf & TT_DECADE); }

/* A two-digit year: 00-49 are 20xx, 50-99 are 19xx. */
static int two_digit_year(int v) { return v < 50 ? 2000 + v : 1900 + v; }

/* Groups of a number token with dots ("13.5.2015"): up to 3, each value and digit count. */
static int dot_groups(const tx_ctx *c, const tx_tok *t, int v[3], int nd[3]) {
  const char *s = c->x->text + t->s;
  size_t n = t->e - t->s;
  int g = 0;
  v[0] = nd[0] = 0;
  for (size_t k = 0; k < n; k++) {
    if (s[k] == '.') {
      if (++g > 2) return -1;
      v[g] = nd[g] = 0;
    } else if (px_is_digit((unsigned char)s[k])) {
      if (nd[g] < 5) v[g] = v[g] * 10 + (s[k] - '0');
      nd[g]++;
    } else return -1;
  }
  return g + 1;
}

/* Month and day from "a/b" (month first, as the US writes it, unless a > 12). *order: 1 month first
 * for sure, 2 either way (resolution follows the document's other numeric dates), 3 day first for sure. */
static bool valid_md(int a, int b, int *mo, int *d, uint8_t *order) {
  if (a >= 1 && a <= 12 && b >= 1 && b <= 31) {
    *mo = a, *d = b, *order = b <= 12 && a != b ? 2 : 1;
    return true;
  }
  if (b >= 1 && b <= 12 && a >= 13 && a <= 31) {
    *mo = b, *d = a, *order = 3;
    return true;
  }
  return false;
}

/* A date context before token i: "on", "in", "for", "by", "until", "since", "from", a weekday, "(". */
static bool date_context(const tx_tok *t, size_t i) {
  if (i == 0 || !tx_same_sent(&t[i - 1], &t[i])) return false;
  const tx_tok *p = &t[i - 1];
  return tx_kw(p, K_ON) || tx_kw(p, K_IN) || tx_kw(p, K_FOR) || tx_kw(p, K_BY) || tx_kw(p, K_UNTIL) ||
         tx_kw(p, K_SINCE) || tx_kw(p, K_FROM) || (p->cls == TW_WDAY && !(p->lf & TF_PLURAL)) || tx_punct(p, '(');
}

static bool ends_here(const tx_tok *t, size_t k) {
  return (t[k].kind == PX_TOK_PUNCT && !((t[k].cp == '/' || t[k].cp == '-') && t[k].glued) && !tx_punct(&t[k], '%')) ||
         !tx_same_sent(&t[k - 1], &t[k]);
}

/* "13.5.2015", "2015.5.13", and "4.22" after "on". */
static size_t dotted(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = &c->t[i];
  int v[3], nd[3], mo, d;
  uint8_t order;
  int g = dot_groups(c, t, v, nd);
  if (g == 3 && nd[0] == 4 && nd[1] <= 2 && nd[2] <= 2 && v[1] >= 1 && v[1] <= 12 && v[2] >= 1 && v[2] <= 31) {
    set_day(m, v[0], v[1], v[2]);
    return i + 1;
  }
  if (g == 3 && nd[2] == 4 && nd[0] <= 2 && nd[1] <= 2 && v[1] >= 1 && v[1] <= 12 && v[0] >= 1 && v[0] <= 31) {
    set_day(m, v[2], v[1], v[0]); /* day.month.year, as Europe writes it */
    return i + 1;
  }
  bool wday = i > 0 && c->t[i - 1].cls == TW_WDAY && tx_same_sent(&c->t[i - 1], t);
  if (g == 2 && nd[0] <= 2 && (nd[1] == 2 || (wday && nd[1] == 1)) && date_context(c->t, i) &&
      !tx_kw(&c->t[i - 1], K_AT) && (wday || ends_here(c->t, i + 1)) && valid_md(v[0], v[1], &mo, &d, &order)) {
    set_day(m, 0, mo, d);
    return i + 1;
  }
  return 0;
}

/* "2016-12-13", "2015/08/12", "2019-sep-1", "2018-7-6". */
static size_t iso(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  if (!px_tx_year_tok(&t[i])) return 0;
  int32_t sep = t[i + 1].cp;
  if (!(tx_punct(&t[i + 1], '-') || tx_punct(&t[i + 1], '/')) || !t[i + 1].glued || !t[i + 2].glued) return 0;
  int mo;
  if (small(&t[i + 2])) mo = t[i + 2].num;
  else if (t[i + 2].cls == TW_MONTH) mo = t[i + 2].val;
  else return 0;
  if (!tx_punct(&t[i + 3], sep) || !t[i + 3].glued || !t[i + 4].glued || !small(&t[i + 4])) return 0;
  int d = t[i + 4].num;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || (tx_punct(&t[i + 5], sep) && t[i + 5].glued)) return 0;
  set_day(m, t[i].num, mo, d);
  return i + 5;
}

/* "12,2016" or "12,16" as one number token: the year after the comma, else 0. */
static int comma_year(const tx_ctx *c, const tx_tok *t) {
  if (t->kind != PX_TOK_NUMBER || t->sep != ',' || t->nd > 2) return 0;
  const char *s = c->x->text + t->s + t->nd + 1;
  size_t n = t->e - t->s - t->nd - 1;
  if (n != 2 && n != 4) return 0;
  int v = 0;
  for (size_t k = 0; k < n; k++) {
    if (!px_is_digit((unsigned char)s[k])) return 0;
    v = v * 10 + (s[k] - '0');
  }
  return n == 4 ? v : two_digit_year(v);
}

/* "12/13/2016", "21/04/16", "9-18-15", "11/12,2016", "4/22", "22/04", "4-22" after "on". */
static size_t slashed(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  if (!small(&t[i])) return 0;
  const tx_tok *s1 = &t[i + 1];
  if (!(tx_punct(s1, '/') || tx_punct(s1, '-')) || !s1->glued || !t[i + 2].glued) return 0;
  int y2 = comma_year(c, &t[i + 2]);
  if (y2 > 0) { /* "11/12,2016": the tokenizer keeps "12,2016" together */
    int mo2, d2;
    uint8_t order2;
    if (!valid_md(t[i].num, t[i + 2].num, &mo2, &d2, &order2) || !small(&t[i])) return 0;
    set_day(m, y2, mo2, d2);
    m->ymd_order = order2;
    return i + 3;
  }
  if (!small(&t[i + 2])) return 0;
  if (i > 0 && t[i].glued && (t[i - 1].kind == PX_TOK_NUMBER || tx_punct(&t[i - 1], '/'))) return 0;
  int mo, d, y = 0;
  uint8_t order;
  if (!valid_md(t[i].num, t[i + 2].num, &mo, &d, &order)) return 0;
  size_t k = i + 3;
  const tx_tok *s2 = &t[k];
  if ((tx_punct(s2, s1->cp) || tx_punct(s2, ',')) && s2->glued && t[k + 1].glued && tx_digits(&t[k + 1]) &&
      (t[k + 1].nd == 4 || t[k + 1].nd == 2)) {
    y = t[k + 1].nd == 4 ? t[k + 1].num : two_digit_year(t[k + 1].num);
    k += 2;
    if ((tx_punct(&t[k], '/') || tx_punct(&t[k], '-')) && t[k].glued) return 0; /* longer: an id */
  } else {
    if ((tx_punct(s2, '/') || tx_punct(s2, '-')) && s2->glued) return 0;
    bool ctx = date_context(t, i) && !tx_kw(&t[i - 1], K_AT);
    if (tx_punct(s1, '-') && !ctx) return 0;                    /* "3-1" is a score */
    if (!ctx && (!ends_here(t, k) || (t[i].num < t[i + 2].num && t[i + 2].num <= 16))) return 0; /* 3/4 */
  }
  set_day(m, y, mo, d);
  m->ymd_order = order;
  return k;
}

size_t px_tx_numeric_date(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = &c->t[i];
  if (t->kind != PX_TOK_NUMBER) return 0;
  if (t->sep == '.') return dotted(c, i, m);
  size_t e = iso(c, i, m);
  return e ? e : slashed(c, i, m);
}

/* Words after which a four-digit number is a year whatever follows. */
static bool year_intro(const tx_tok *p) {
  static const uint8_t kw[] = {K_IN, K_SINCE, K_BY, K_UNTIL, K_FROM, K_DURING, K_THROUGH, K_BEFORE, K_AFTER,
                               K_OF, K_EARLY, K_LATE, K_MID, K_BETWEEN, K_TO, K_FISCAL, K_END};
  return p->cls == TW_KW && memchr(kw, p->val, sizeof kw) != NULL;
}

/* Whether the number at i is used as a year. */
static bool year_context(const tx_ctx *c, size_t i) {
  const tx_tok *t = c->t;
  const tx_tok *p = i > 0 && tx_same_sent(&t[i - 1], &t[i]) ? &t[i - 1] : NULL, *n = &t[i + 1];
  bool intro = p && year_intro(p);
  if (p && (p->kind == PX_TOK_SYMBOL || tx_punct(p, '#'))) return false; /* $2012, #2012 */
  if (p && p->kind == PX_TOK_WORD && p->e - p->s <= 6) {
    const char *w = c->x->text + p->s;
    size_t wn = p->e - p->s;
    if ((wn == 2 && strncmp(w, "No", 2) == 0) || (wn == 3 && strncmp(w, "Nos", 3) == 0) ||
        (wn == 6 && strncmp(w, "number", 6) == 0) || (wn == 6 && strncmp(w, "Number", 6) == 0))
      return false;
  }
  if (p && tx_punct(p, '.') && i >= 2 && t[i - 2].e - t[i - 2].s == 2 && strncmp(c->x->text + t[i - 2].s, "No", 2) == 0)
    return false;
  if (n->kind == PX_TOK_SYMBOL || tx_punct(n, '%') || tx_kw(n, K_TZ)) return false; /* "2030 GMT" is a time */
  if (n->kind == PX_TOK_NUMBER && tx_same_sent(n, &t[i])) return false;
  if (p && p->kind == PX_TOK_WORD && (p->tf & TT_CAP) && p->cls == TW_NONE) return false; /* "Room 1984", "Euro 2016" */
  if (t[i].num < 1900 || t[i].num > 2099) {
    if (!intro || t[i].num < 1000) return false;
  }
  if (intro || !tx_same_sent(n, &t[i]) || n->kind != PX_TOK_WORD) return true;
  if (n->cls != TW_NONE || (n->tf & TT_POSS)) return true; /* a time word, a preposition, "the" */
  if (n->tf & TT_CAP) return false;                          /* "1970 Apartments": a name */
  bool det = p && (tx_kw(p, K_THE) || (p->tf & TT_POSS) || tx_kw(p, K_THIS) || tx_kw(p, K_THAT));
  if (det) return true; /* "the 2012 election" */
  static const char *const fn[] = {"when", "while", "but", "that", "which", "who", "where", "he", "she", "it",
                                   "they", "we", "was", "were", "is", "are", "had", "has", "have", "with",
                                   "also", "amid", "despite", "alone", "onwards", "onward", "saw", NULL};
  for (const char *const *w = fn; *w; w++) {
    size_t wn = strlen(*w);
    if (n->e - n->s == wn && strncmp(c->x->text + n->s, *w, wn) == 0) return true;
  }
  return false;
}

/* "2012", "the 1990s", "'90s", "fiscal 2016", "fiscal year 2016". */
size_t px_tx_year(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  if (tx_kw(&t[i], K_FISCAL)) {
    size_t k = i + 1 + (tx_is(&t[i + 1], TW_UNIT, U_YEAR) && !(t[i + 1].lf & TF_PLURAL));
    if (!px_tx_year_tok(&t[k]) || !tx_same_sent(&t[i], &t[k])) return 0;
    m->op = OP_CAL, m->type = PX_TIME_DATE, m->gran = G_YEAR, m->y = (int16_t)t[k].num, m->sub = 1;
    return k + 1;
  }
  size_t j = i + (tx_kw(&t[i], K_THE) ? 1 : 0);
  if (tx_punct(&t[j], '\'') || tx_punct(&t[j], 0x2019)) j++;
  const tx_tok *d = &t[j];
  if (d->kind == PX_TOK_NUMBER && (d->tf & TT_DECADE) && d->num % 10 == 0 && tx_same_sent(&t[i], d)) {
    m->op = OP_CAL, m->type = PX_TIME_DATE, m->gran = G_DECADE;
    if (d->nd == 4) m->y = (int16_t)(d->num / 10);
    else if (d->num >= 20) m->y = (int16_t)(190 + d->num / 10);
    else return 0;
    return j + 1;
  }
  if (j != i || !px_tx_year_tok(&t[i]) || !year_context(c, i)) return 0;
  bool range_end = tx_digits(&t[i + 2]) && t[i + 2].nd == 2 && t[i + 2].num > 12; /* 1992-95 */
  if (((tx_punct(&t[i + 1], '-') || tx_punct(&t[i + 1], '/')) && t[i + 1].glued && t[i + 2].kind == PX_TOK_NUMBER &&
       !px_tx_year_tok(&t[i + 2]) && !range_end) ||
      (i > 1 && t[i].glued && (tx_punct(&t[i - 1], '/') || tx_punct(&t[i - 1], '-')) && t[i - 2].kind == PX_TOK_NUMBER))
    return 0;
  m->op = OP_CAL, m->type = PX_TIME_DATE, m->gran = G_YEAR, m->y = (int16_t)t[i].num;
  return i + 1;
}

/* "10:30", "10:30 a.m.", "5 p.m.", "5pm", "noon", "midnight", with a time zone. */
size_t px_tx_match_time(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  int hh = -1, mi = 0;
  size_t k = i;
  const tx_tok *p = i > 0 && tx_same_sent(&t[i - 1], &t[i]) ? &t[i - 1] : NULL;
  bool intro = p && (tx_kw(p, K_AT) || tx_kw(p, K_BY) || tx_kw(p, K_UNTIL) || tx_kw(p, K_FROM) ||
                     tx_kw(p, K_ABOUT) || tx_kw(p, K_BEFORE) || tx_kw(p, K_AFTER) || tx_kw(p, K_SINCE) ||
                     tx_kw(p, K_TO) || tx_kw(p, K_AND) || px_tx_year_tok(p)); /* "13/12/2016 10:31" */
  if (tx_kw(&t[i], K_NOON) || tx_kw(&t[i], K_MIDNIGHT)) {
    if (!intro) return 0;
    hh = tx_kw(&t[i], K_NOON) ? 12 : 24;
    k = i + 1;
  } else if (t[i].kind == PX_TOK_NUMBER && (t[i].sep == ':' || t[i].sep == '.') && t[i].nd <= 2) {
    /* 10:30, and 10.30 before am/pm as British papers write it */
    const char *s = c->x->text + t[i].s;
    size_t n = t[i].e - t[i].s, q = t[i].nd;
    if (n != q + 3 || !px_is_digit((unsigned char)s[q + 1]) || !px_is_digit((unsigned char)s[q + 2])) return 0;
    if (t[i].sep == '.' && !tx_kw(&t[i + 1], K_AM) && !tx_kw(&t[i + 1], K_PM)) return 0;
    hh = t[i].num, mi = (s[q + 1] - '0') * 10 + (s[q + 2] - '0');
    if (hh > 24 || mi > 59) return 0;
    k = i + 1;
  } else if (tx_digits(&t[i]) && t[i].nd == 4 && tx_kw(&t[i + 1], K_TZ) && t[i].num % 100 < 60 &&
             t[i].num / 100 <= 24) { /* 1530 GMT */
    hh = t[i].num / 100, mi = t[i].num % 100;
    k = i + 1;
  } else if (small(&t[i]) && t[i].num >= 1 && t[i].num <= 12 && (tx_kw(&t[i + 1], K_AM) || tx_kw(&t[i + 1], K_PM))) {
    hh = t[i].num;
    k = i + 1;
  } else return 0;
  bool ampm = false;
  if (tx_kw(&t[k], K_AM) || tx_kw(&t[k], K_PM)) {
    if (hh > 12) return 0;
    if (tx_kw(&t[k], K_PM) && hh < 12) hh += 12;
    if (tx_kw(&t[k], K_AM) && hh == 12) hh = 0;
    ampm = true, k++;
  }
  bool tz = tx_kw(&t[k], K_TZ);
  if (tz) k++;
  if (!ampm && !tz && !intro) return 0;
  /* "5 p.m. Sunday", "10:30 on 3 May": the day is part of the expression */
  tx_m d;
  memset(&d, 0, sizeof d);
  size_t q = k + (tx_kw(&t[k], K_ON) || tx_punct(&t[k], ',')), e = 0; /* "10:31 GMT, 13 Dec 2016" */
  if (tx_same_sent(&t[i], &t[q]) && (t[q].cls == TW_WDAY || t[q].cls == TW_MONTH || t[q].kind == PX_TOK_NUMBER ||
                                     tx_kw(&t[q], K_TODAY) || tx_kw(&t[q], K_YESTERDAY) || tx_kw(&t[q], K_TOMORROW))) {
    e = px_tx_match_date(c, q, &d);
    tx_m r;
    memset(&r, 0, sizeof r);
    size_t er = px_tx_match_rel(c, q, &r);
    if (er > e && (r.op == OP_WDAY || (r.op == OP_REL && r.gran == G_DAY && !r.pod))) e = er, d = r;
    if (e && !((d.op == OP_CAL && d.gran == G_DAY) || d.op == OP_WDAY || d.op == OP_REL)) e = 0;
  }
  if (e) {
    *m = d;
    m->pod = 0, m->mod = 0;
    k = e;
  } else m->op = OP_CAL;
  m->type = PX_TIME_TIME, m->gran = G_TIME, m->hh = (int8_t)hh, m->mi = (int8_t)mi;
  return k;
}
