/* times_rel.c - dates relative to the publication date or to the last date
 * the text mentioned: "today", "yesterday morning", "last night", "Monday",
 * "last Sunday", "next week on Friday", "this year", "last September", "this
 * summer", "the weekend", "a month ago", "two days from tomorrow", "a week
 * later" and "the next morning" (event-relative), "days later" and "recent
 * days" (PAST_REF/FUTURE_REF), "the morning of 23 November". */
#include "times.h"

#include <string.h>

static void rel(tx_m *m, bool event, int32_t months, int32_t days, uint8_t gran) {
  m->op = OP_REL, m->type = PX_TIME_DATE, m->event = event, m->off = months, m->offd = days, m->gran = gran;
}

static void ref(tx_m *m, int dir) { m->op = OP_REF, m->type = PX_TIME_DATE, m->dir = (int8_t)dir; }

static bool pod_at(const tx_tok *t, const tx_tok *prev) {
  return t->cls == TW_POD && !(t->lf & TF_PLURAL) && tx_same_sent(t, prev);
}

/* Whether token k ends a clause (punctuation or the end of the sentence). */
static bool clause_end(const tx_tok *t, size_t k) {
  return tx_clause_end(t, k) || tx_kw(&t[k], K_AND) || tx_kw(&t[k], K_BUT);
}

/* Generic "today" ("today's climate", "until today", "the world of today") versus the day
 * ("said today", "voters go to the polls today"). */
static bool generic_today(const tx_ctx *c, size_t i) {
  const tx_tok *t = c->t;
  if (t[i].tf & TT_POSS) return true;
  return i > 0 && tx_same_sent(&t[i - 1], &t[i]) &&
         (tx_kw(&t[i - 1], K_UNTIL) || tx_kw(&t[i - 1], K_SINCE) || tx_kw(&t[i - 1], K_TO) || tx_kw(&t[i - 1], K_OF));
}

/* today, yesterday, tomorrow, tonight, with a part of the day; "earlier today". */
static size_t deictic(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  bool el = (tx_kw(&t[i], K_EARLIER) || tx_kw(&t[i], K_LATER)) &&
            (tx_kw(&t[i + 1], K_TODAY) || tx_kw(&t[i + 1], K_TONIGHT));
  size_t j = i + el;
  int off;
  if (tx_kw(&t[j], K_YESTERDAY)) off = -1;
  else if (tx_kw(&t[j], K_TOMORROW)) off = 1;
  else if (tx_kw(&t[j], K_TODAY) || tx_kw(&t[j], K_TONIGHT)) off = 0;
  else return 0;
  rel(m, false, 0, off, G_DAY);
  size_t k = j + 1;
  if (tx_kw(&t[j], K_TONIGHT)) m->pod = POD_NI;
  else if (!(t[j].tf & TT_POSS) && pod_at(&t[k], &t[j])) m->pod = t[k].val, k++;
  if (tx_kw(&t[j], K_TODAY) && !el && !m->pod && generic_today(c, j)) ref(m, 0);
  return k;
}

/* "the day before yesterday", "the day after tomorrow", and event-relative "the day before",
 * "the night before", "the week after" at a clause end. */
static size_t day_around(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  if (!tx_kw(&t[i], K_THE)) return 0;
  int u = tx_valof(&t[i + 1], TW_UNIT);
  bool night = tx_is(&t[i + 1], TW_POD, POD_NI);
  if (!(u == U_DAY || u == U_WEEK || u == U_MONTH || u == U_YEAR || night) || (t[i + 1].lf & TF_PLURAL)) return 0;
  int sign = tx_kw(&t[i + 2], K_BEFORE) ? -1 : tx_kw(&t[i + 2], K_AFTER) ? 1 : 0;
  if (!sign) return 0;
  const tx_tok *w = &t[i + 3];
  if (u == U_DAY && (tx_kw(w, K_YESTERDAY) || tx_kw(w, K_TOMORROW) || tx_kw(w, K_TODAY))) {
    int base = tx_kw(w, K_YESTERDAY) ? -1 : tx_kw(w, K_TOMORROW) ? 1 : 0;
    rel(m, false, 0, base + sign, G_DAY);
    return i + 4;
  }
  if (!clause_end(t, i + 3)) return 0;
  if (night) rel(m, true, 0, sign, G_DAY), m->pod = POD_NI;
  else if (u == U_DAY) rel(m, true, 0, sign, G_DAY);
  else if (u == U_WEEK) rel(m, true, 0, 7 * sign, G_WEEK);
  else rel(m, true, u == U_MONTH ? sign : 12 * sign, 0, u == U_MONTH ? G_MONTH : G_YEAR);
  return i + 3;
}

/* "a month ago", "two days later", "a week earlier", "two weeks from now", "three days after today",
 * "days later", "weeks ago". */
static size_t offset_expr(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  tx_amount a;
  size_t k = px_tx_amount(c, i, &a, true);
  if (k == i || a.vmax > 0 || !tx_same_sent(&t[i], &t[k])) return 0;
  const tx_tok *w = &t[k];
  int32_t mo, d;
  uint8_t gran;
  if (tx_kw(w, K_FROM) || ((tx_kw(w, K_AFTER) || tx_kw(w, K_BEFORE)) &&
                           (tx_kw(&t[k + 1], K_TODAY) || tx_kw(&t[k + 1], K_TOMORROW) || tx_kw(&t[k + 1], K_YESTERDAY)))) {
    const tx_tok *b = &t[k + 1];
    int base = tx_kw(b, K_TOMORROW) ? 1 : tx_kw(b, K_YESTERDAY) ? -1 : 0;
    if (!(tx_kw(b, K_NOW) || tx_kw(b, K_TODAY) || base) || a.vague) return 0;
    px_tx_amount_offset(&a, tx_kw(w, K_BEFORE) ? -1 : 1, &mo, &d, &gran);
    rel(m, false, mo, d + base, base ? G_DAY : gran);
    return k + 2;
  }
  int sign;
  bool event;
  if (tx_kw(w, K_AGO)) sign = -1, event = false;
  else if (tx_kw(w, K_HENCE)) sign = 1, event = false;
  else if (tx_kw(w, K_LATER) || (tx_kw(w, K_AFTER) && clause_end(t, k + 1))) sign = 1, event = true;
  else if (tx_kw(w, K_EARLIER) || (tx_kw(w, K_BEFORE) && clause_end(t, k + 1))) sign = -1, event = true;
  else return 0;
  if (a.vague || a.unit < U_DAY) { /* "weeks ago", "days later", "hours later" */
    ref(m, sign < 0 ? -1 : 0);
    m->dir = sign < 0 ? -1 : 2; /* later: FUTURE_REF unless the clause is in the past */
    return k + 1;
  }
  px_tx_amount_offset(&a, sign, &mo, &d, &gran);
  rel(m, event, mo, d, gran);
  return k + 1;
}

/* A weekday: "Monday", "last Sunday", "this Friday", "next Sunday", "Friday next week",
 * "next week on Friday", "Tuesday of next week", "Monday morning". */
static size_t weekday_expr(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  size_t j = i;
  int dir = 0, wk = 0;
  bool wkrel = false;
  if (tx_kw(&t[j], K_THIS) || tx_kw(&t[j], K_NEXT) || tx_kw(&t[j], K_LAST) || tx_kw(&t[j], K_PAST) ||
      tx_kw(&t[j], K_PREVIOUS) || tx_kw(&t[j], K_COMING)) {
    int off = tx_kw(&t[j], K_THIS) ? 0 : tx_kw(&t[j], K_NEXT) ? 1 : tx_kw(&t[j], K_COMING) ? 2 : -1;
    if (tx_kw(&t[j], K_THIS) && tx_kw(&t[j + 1], K_COMING)) off = 2, j++;
    if (tx_is(&t[j + 1], TW_UNIT, U_WEEK) && !(t[j + 1].lf & TF_PLURAL) && off < 2) { /* next week (on) Friday */
      size_t k = j + 2 + tx_kw(&t[j + 2], K_ON);
      if (t[k].cls != TW_WDAY) return 0;
      wkrel = true, wk = off, j = k;
    } else if (off == 2) dir = 1, j++;
    else if (off < 0) dir = -1, j++;
    else wkrel = true, wk = off, j++;
  }
  const tx_tok *w = &t[j];
  if (w->cls != TW_WDAY || (w->lf & TF_PLURAL) || !tx_same_sent(&t[i], w)) return 0;
  if ((w->lf & TF_ABBR) && ((w->lf & TF_AMBIG) || (j == i && !(i > 0 && tx_kw(&t[i - 1], K_ON))))) return 0;
  size_t k = j + 1;
  if (!wkrel && j == i) { /* Friday (of) next week / this week / last week */
    size_t q = k + tx_kw(&t[k], K_OF);
    int off = tx_kw(&t[q], K_THIS) ? 0 : tx_kw(&t[q], K_NEXT) ? 1 : tx_kw(&t[q], K_LAST) ? -1 : 9;
    if (off != 9 && tx_is(&t[q + 1], TW_UNIT, U_WEEK) && !(t[q + 1].lf & TF_PLURAL)) wkrel = true, wk = off, k = q + 2;
  }
  m->op = OP_WDAY, m->type = PX_TIME_DATE, m->gran = G_DAY, m->wd = (int8_t)w->val, m->dir = (int8_t)dir;
  m->wkrel = wkrel, m->nth = (int8_t)wk;
  if (pod_at(&t[k], w) && k == j + 1) m->pod = t[k].val, k++;
  return k;
}

/* "this year", "last month", "next week", "this weekend", "last night", "this morning",
 * "last September", "this summer", "earlier this year". */
static size_t this_unit(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  size_t j = i + ((tx_kw(&t[i], K_EARLIER) || tx_kw(&t[i], K_LATER)) ? 1 : 0);
  int off;
  if (tx_kw(&t[j], K_THIS) && tx_kw(&t[j + 1], K_PAST)) off = -1, j++; /* "this past weekend" */
  else if (tx_kw(&t[j], K_THIS) || tx_kw(&t[j], K_CURRENT)) off = 0;
  else if (tx_kw(&t[j], K_LAST) || tx_kw(&t[j], K_PREVIOUS) || (tx_kw(&t[j], K_PAST) && j == i)) off = -1;
  else if (tx_kw(&t[j], K_NEXT) || tx_kw(&t[j], K_COMING)) off = 1;
  else return 0;
  if (j == i && i > 0 && tx_kw(&t[i - 1], K_THE) && tx_same_sent(&t[i - 1], &t[i]) && !tx_kw(&t[i], K_CURRENT))
    return 0; /* "the last year" is a duration */
  const tx_tok *w = &t[j + 1];
  if (!tx_same_sent(&t[j], w) || (w->lf & TF_PLURAL)) return 0;
  int u = tx_valof(w, TW_UNIT);
  if (w->cls == TW_POD) {
    if (off == 1) return 0;
    if (off == -1 && w->val != POD_NI && w->val != POD_EV) return 0;
    rel(m, false, 0, off, G_DAY);
    m->pod = w->val;
  } else if (w->cls == TW_MONTH && !(w->lf & (TF_ABBR | TF_AMBIG))) {
    m->op = OP_CAL, m->type = PX_TIME_DATE, m->gran = G_MONTH, m->m = (int8_t)w->val;
    if (off == 0) m->yrel = 1, m->y = 0;
    else m->dir = (int8_t)off;
  } else if (w->cls == TW_SEASON && !(w->lf & TF_AMBIG && !(w->tf & TT_CAP) && off == 0)) {
    rel(m, false, off, 0, G_SEASON);
    m->sub = (int8_t)w->val;
  } else if (u == U_WEEK) rel(m, false, 0, 7 * off, G_WEEK);
  else if (u == U_WEEKEND) rel(m, false, 0, 7 * off, G_WEEKEND), m->wkrel = 1;
  else if (u == U_MONTH) rel(m, false, off, 0, G_MONTH);
  else if (u == U_YEAR) rel(m, false, 12 * off, 0, G_YEAR);
  else if (u == U_DECADE) rel(m, false, 120 * off, 0, G_DECADE);
  else if (u == U_CENTURY) rel(m, false, 1200 * off, 0, G_CENT);
  else if (tx_kw(w, K_QUARTER)) rel(m, false, 3 * off, 0, G_QUARTER);
  else return 0;
  if (w->tf & TT_NAME) return 0;
  return j + 2;
}

/* "the current quarter", "the current year"; "the year", "the month", "the quarter" after "in", "for",
 * "during", "of", "throughout" ("earlier in the year", "profit for the quarter"): the current one. */
static size_t the_current(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  if (!tx_kw(&t[i], K_THE)) return 0;
  if (tx_kw(&t[i + 1], K_CURRENT)) {
    size_t e = this_unit(c, i + 1, m);
    return e && m->op == OP_REL ? e : 0;
  }
  const tx_tok *p = i > 0 && tx_same_sent(&t[i - 1], &t[i]) ? &t[i - 1] : NULL, *w = &t[i + 1], *n = &t[i + 2];
  if (!p || !(tx_kw(p, K_IN) || tx_kw(p, K_FOR) || tx_kw(p, K_DURING) || tx_kw(p, K_OF) || tx_kw(p, K_THROUGH)))
    return 0;
  if ((w->lf & TF_PLURAL) || !tx_same_sent(w, &t[i])) return 0;
  if (tx_same_sent(w, n) && (tx_kw(n, K_BEFORE) || tx_kw(n, K_AFTER) || tx_kw(n, K_EARLIER) || tx_kw(n, K_LATER) ||
                             tx_kw(n, K_AGO) || tx_kw(n, K_THAT) || tx_kw(n, K_OF) || tx_kw(n, K_IN) ||
                             tx_kw(n, K_FOLLOWING) || tx_word_is(c, n, "when") || tx_word_is(c, n, "which") ||
                             tx_word_is(c, n, "ending") || tx_word_is(c, n, "ended") || tx_punct(n, '-')))
    return 0; /* "the year before", "the year in which", "the year-long" */
  if (w->tf & TT_POSS) return 0;
  if (tx_is(w, TW_UNIT, U_YEAR)) rel(m, false, 0, 0, G_YEAR);
  else if (tx_is(w, TW_UNIT, U_MONTH)) rel(m, false, 0, 0, G_MONTH);
  else if (tx_kw(w, K_QUARTER)) rel(m, false, 0, 0, G_QUARTER);
  else return 0;
  return i + 2;
}

/* Event-relative: "the next day", "the following morning", "the previous week", "that day",
 * "the same day", "next day"; "the weekend" (by tense). */
static size_t event_expr(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  bool the = tx_kw(&t[i], K_THE);
  size_t j = i + the;
  const tx_tok *q = &t[j], *w = &t[j + 1];
  if (the && tx_is(q, TW_UNIT, U_WEEKEND) && !(q->lf & TF_PLURAL)) {
    rel(m, false, 0, 0, G_WEEKEND);
    return j + 1;
  }
  int off;
  if (tx_kw(q, K_FOLLOWING) && the) off = 1;
  else if (tx_kw(q, K_NEXT)) off = 1;
  else if (tx_kw(q, K_PREVIOUS) && the) off = -1;
  else if ((tx_kw(q, K_SAME) && the) || (tx_kw(q, K_THAT) && !the)) off = 0;
  else return 0;
  if (!tx_same_sent(q, w) || (w->lf & TF_PLURAL)) return 0;
  int u = tx_valof(w, TW_UNIT);
  bool next = tx_kw(q, K_NEXT);
  if (w->cls == TW_POD) rel(m, true, 0, off, G_DAY), m->pod = w->val;
  else if (u == U_DAY) rel(m, true, 0, off, G_DAY);
  else if (next) return 0; /* "the next week" is a duration */
  else if (u == U_WEEK) rel(m, true, 0, 7 * off, G_WEEK);
  else if (u == U_MONTH) rel(m, true, off, 0, G_MONTH);
  else if (u == U_YEAR) rel(m, true, 12 * off, 0, G_YEAR);
  else return 0;
  return j + 2;
}

/* "recent days", "recent weeks" (PAST_REF); "these days" (PRESENT_REF). */
static size_t vague_ref(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  bool recent = tx_kw(&t[i], K_RECENT), these = tx_kw(&t[i], K_THESE);
  if (!recent && !these) return 0;
  int u = tx_valof(&t[i + 1], TW_UNIT);
  if (u < U_DAY || u > U_DECADE || !(t[i + 1].lf & TF_PLURAL) || !tx_same_sent(&t[i], &t[i + 1])) return 0;
  if (these && u != U_DAY) return 0;
  ref(m, recent ? -1 : 0);
  return i + 2;
}

/* "the spring", "the summer" (not "the fall of the city", "the spring offensive"): by tense. */
static size_t the_season(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  const tx_tok *w = &t[i + 1];
  if (!tx_kw(&t[i], K_THE) || w->cls != TW_SEASON || (w->lf & TF_PLURAL) || !tx_same_sent(&t[i], w)) return 0;
  const tx_tok *n = &t[i + 2];
  if (tx_same_sent(w, n) && n->kind == PX_TOK_WORD && (n->cls == TW_NONE || tx_kw(n, K_OF))) return 0;
  rel(m, false, 0, 0, G_SEASON);
  m->sub = (int8_t)w->val, m->dir = 2;
  return i + 2;
}

/* "year-end", "by month-end", "quarter-end": the end of the current one. */
static size_t unit_end(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  int u = tx_valof(&t[i], TW_UNIT);
  bool q = tx_kw(&t[i], K_QUARTER);
  if (!(u == U_YEAR || u == U_MONTH || u == U_WEEK || q) || (t[i].lf & TF_PLURAL)) return 0;
  if (!tx_punct(&t[i + 1], '-') || !t[i + 1].glued || !tx_kw(&t[i + 2], K_END) || !t[i + 2].glued) return 0;
  rel(m, false, 0, 0, q ? G_QUARTER : u == U_YEAR ? G_YEAR : u == U_MONTH ? G_MONTH : G_WEEK);
  m->mod = PX_MOD_END;
  return i + 3;
}

/* "the morning of 23 November", "the night of Monday". */
static size_t pod_of(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  if (!tx_kw(&t[i], K_THE) || t[i + 1].cls != TW_POD || (t[i + 1].lf & TF_PLURAL) || !tx_kw(&t[i + 2], K_OF))
    return 0;
  size_t e = px_tx_match_date(c, i + 3, m);
  if (!e) e = weekday_expr(c, i + 3, m);
  if (!e || m->gran != G_DAY || m->pod) return 0;
  m->pod = t[i + 1].val;
  return e;
}

size_t px_tx_match_rel(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_matcher f[] = {deictic,   day_around, offset_expr, weekday_expr,
                                                          this_unit, event_expr, vague_ref,   pod_of, the_season, the_current, unit_end};
  return px_tx_longest(c, i, m, f, sizeof f / sizeof *f);
}
