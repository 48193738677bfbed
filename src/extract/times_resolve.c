/* times_resolve.c - TIMEX3 values for matches (times.h: tx_m).
 *
 * Relative expressions resolve against the anchor (the publication date);
 * event-relative ones ("a week later", "the next morning") against the last
 * day the text mentioned. A day and month without a year take the year that
 * puts them closest to the anchor (or the year written earlier in the same
 * sentence); a bare month or weekday goes back or forward from the anchor as
 * the sentence's tense says. Without an anchor, values stay unresolved in
 * TIMEX3's own notation ("XXXX-12-13", "XXXX-WXX-1"): nothing is invented.
 */
#include "times.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VAL 32

static const char *const pod_suffix[] = {"", "TMO", "TAF", "TEV", "TNI"};
static const char *const season_code[] = {"", "SP", "SU", "FA", "WI"};

static bool year_ok(int y) { return y >= 1 && y <= 9999; }

static void put_day(char *out, int64_t days, int pod) {
  tx_date d = px_tx_civil(days);
  if (!year_ok(d.y)) snprintf(out, VAL, "XXXX-XX-XX%s", pod_suffix[pod]);
  else snprintf(out, VAL, "%04d-%02d-%02d%s", d.y, d.m, d.d, pod_suffix[pod]);
}

static void put_week(char *out, int64_t days, bool weekend) {
  int iy, w;
  px_tx_iso_week(days, &iy, &w);
  if (!year_ok(iy)) snprintf(out, VAL, "XXXX-WXX%s", weekend ? "-WE" : "");
  else snprintf(out, VAL, "%04d-W%02d%s", iy, w, weekend ? "-WE" : "");
}

/* Adds months to a (y, m) pair. */
static void add_months(int *y, int *m, int32_t months) {
  int64_t k = (int64_t)*y * 12 + (*m - 1) + months;
  *y = (int)(k >= 0 ? k / 12 : (k - 11) / 12);
  *m = (int)(k - (int64_t)*y * 12) + 1;
}

static int64_t anchor_days(const tx_state *st) {
  return px_tx_days(st->anchor.y, st->anchor.m ? st->anchor.m : 6, st->anchor.d ? st->anchor.d : 15);
}

static int pick_year_any(const tx_ctx *c, const tx_m *m, const tx_state *st, int mo, int d);

/* The year for a month (and day) written without one; 0 when the day exists in no year near
 * ("30 February"). "29 February" goes to the closest leap year. */
static int pick_year(const tx_ctx *c, const tx_m *m, const tx_state *st, int mo, int d) {
  int y = pick_year_any(c, m, st, mo, d);
  if (!d || d <= px_tx_month_len(y, mo)) return y;
  for (int k = 1; k <= 4; k++) {
    if (d <= px_tx_month_len(y - k, mo)) return y - k;
    if (d <= px_tx_month_len(y + k, mo)) return y + k;
  }
  return 0;
}

static int pick_year_any(const tx_ctx *c, const tx_m *m, const tx_state *st, int mo, int d) {
  int32_t sent = c->t[m->t0].sent;
  if (st->year_ctx && st->year_sent == sent) return st->year_ctx;
  const tx_date *a = &st->anchor;
  int am = a->m ? a->m : 6, ad = a->d ? a->d : 15;
  int dir = m->dir;
  if (!dir && !d) dir = px_tx_tense(c, m->t0);
  if (dir < 0 && m->dir) return mo < am ? a->y : a->y - 1;       /* "last September" */
  if (dir > 0 && m->dir) return mo > am ? a->y : a->y + 1;       /* "next March" */
  if (dir < 0) return mo <= am ? a->y : a->y - 1;                /* past tense: most recent */
  if (dir > 0) return mo >= am ? a->y : a->y + 1;                /* future tense: next */
  int64_t ref = px_tx_days(a->y, am, ad), best = 0;
  int by = a->y;
  for (int y = a->y - 1; y <= a->y + 1; y++) { /* closest; a tie goes to the past */
    int64_t dist = llabs(px_tx_days(y, mo, d ? d : 15) - ref);
    if (y == a->y - 1 || dist < best) best = dist, by = y;
  }
  return by;
}

/* Easter Sunday of year y (the anonymous Gregorian computus), as a day number. */
static int64_t easter(int y) {
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451, month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return px_tx_days(y, month, day);
}

static void resolve_cal(const tx_ctx *c, const tx_m *m, tx_state *st, char *val, int *used) {
  bool have = st->have_anchor;
  int y = m->y, mo = m->m, d = m->d;
  if (m->yrel) {
    if (!have) {
      snprintf(val, VAL, mo ? "XXXX-%02d" : "XXXX", mo);
      return;
    }
    y = st->anchor.y + m->y, *used = 1;
  }
  if (m->gran == G_DECADE) snprintf(val, VAL, "%03d", y);
  else if (m->gran == G_CENT) snprintf(val, VAL, "%02d", y);
  else if (m->gran == G_YEAR) snprintf(val, VAL, m->sub ? "FY%04d" : "%04d", y);
  else if (m->gran == G_HALF && !y && !have) snprintf(val, VAL, "XXXX-H%d", m->sub);
  else if (m->gran == G_HALF) {
    if (!y) y = pick_year(c, m, st, 6 * m->sub - 5, 0), *used = 1;
    snprintf(val, VAL, "%04d-H%d", y, m->sub);
  }
  else if (m->gran == G_QUARTER && !y && !have) snprintf(val, VAL, "XXXX-Q%d", m->sub);
  else if (m->gran == G_QUARTER) {
    if (!y) y = pick_year(c, m, st, 3 * m->sub - 2, 0), *used = 1; /* a quarter that has begun is past */
    snprintf(val, VAL, "%04d-Q%d", y, m->sub);
  }
  else if (m->gran == G_SEASON) snprintf(val, VAL, "%04d-%s", y, season_code[m->sub >= 1 && m->sub <= 4 ? m->sub : 0]);
  else if (m->gran == G_MONTH) {
    if (!y && !have) snprintf(val, VAL, "XXXX-%02d", mo);
    else {
      if (!y) y = pick_year(c, m, st, mo, 0), *used = 1;
      snprintf(val, VAL, "%04d-%02d", y, mo);
    }
  } else if (m->gran == G_DAY && m->m < 0) { /* Easter Sunday */
    if (!y && have) y = pick_year(c, m, st, 4, 5), *used = 1;
    if (!y) snprintf(val, VAL, "XXXX-XX-XX");
    else put_day(val, easter(y), m->pod);
  } else if (m->gran == G_DAY) {
    if (m->ymd_order == 2 && st->dm_order) {
      int tmp = mo;
      mo = d, d = tmp;
    }
    if ((!mo || m->mrel) && !have) snprintf(val, VAL, "XXXX-XX-%02d%s", d, pod_suffix[m->pod]);
    else if (!mo || m->mrel) { /* "the 27th", "Thursday the 21st", "20th of next month" */
      int64_t ref = anchor_days(st), best = ref, best_score = INT64_MAX;
      for (int k = -1; k <= 1; k++) { /* the closest month; with a weekday, one where the day falls on it */
        int yy = st->anchor.y, mm = st->anchor.m ? st->anchor.m : 6;
        add_months(&yy, &mm, m->mrel ? m->off : k);
        int64_t day = px_tx_days(yy, mm, d);
        int64_t score = llabs(day - ref) + (m->wd && px_tx_weekday(day) != m->wd ? 1000 : 0);
        if (score < best_score) best_score = score, best = day;
        if (m->mrel) break;
      }
      if (m->mrel) { /* "31st of this month" stays as written, like "31 June" */
        int yy = st->anchor.y, mm = st->anchor.m ? st->anchor.m : 6;
        add_months(&yy, &mm, m->off);
        snprintf(val, VAL, "%04d-%02d-%02d%s", yy, mm, d, pod_suffix[m->pod]);
      } else put_day(val, best, m->pod);
      *used = 1;
    } else {
      if (!y && have) y = pick_year(c, m, st, mo, d), *used = y != 0;
      if (!y) snprintf(val, VAL, "XXXX-%02d-%02d%s", mo, d, pod_suffix[m->pod]);
      else snprintf(val, VAL, "%04d-%02d-%02d%s", y, mo, d, pod_suffix[m->pod]); /* "31 June 2016" stays */
    }
  }
}

/* The base of an offset; false when there is none. An event-relative day offset needs the last day
 * mentioned; a month offset the last month or day; a year offset whatever was mentioned last. */
static bool rel_base(const tx_m *m, const tx_state *st, tx_date *b, int *used, char evt[11]) {
  bool day = m->gran == G_DAY || m->gran == G_WEEK || m->gran == G_WEEKEND || m->offd != 0;
  bool month = !day && m->gran >= G_HALF;
  if (m->event && !day && st->have_any && (st->any.m || !month)) *b = st->any, *used = 2;
  else if (m->event && st->have_last) *b = st->last, *used = 2;
  else if (st->have_anchor && (st->anchor.d || !day) && (st->anchor.m || m->gran <= G_YEAR)) *b = st->anchor, *used = 1;
  else return false;
  if (*used == 2)
    snprintf(evt, 11, b->d ? "%04d-%02d-%02d" : b->m ? "%04d-%02d" : "%04d", b->y, b->m, b->d);
  if (!b->m) b->m = 6;
  if (!b->d) b->d = 15;
  return true;
}

static void resolve_rel(const tx_ctx *c, const tx_m *m, tx_state *st, char *val, int *used, char evt[11]) {
  tx_date b;
  bool month_base = m->event && st->have_any && st->any.m && !st->any.d; /* "in November ... a year earlier" */
  if (!rel_base(m, st, &b, used, evt)) {
    static const char *const unres[] = {"", "XX", "XXX", "XXXX", "XXXX-HX", "XXXX-QX", "XXXX-XX", "XXXX-XX",
                                        "XXXX-WXX", "XXXX-WXX-WE", "XXXX-XX-XX", "XXXX-XX-XX"};
    snprintf(val, VAL, "%s%s", unres[m->gran], m->gran == G_DAY ? pod_suffix[m->pod] : "");
    if (m->gran == G_SEASON) snprintf(val, VAL, "XXXX-%s", season_code[m->sub >= 1 && m->sub <= 4 ? m->sub : 0]);
    return;
  }
  int y = b.y, mo = b.m;
  add_months(&y, &mo, m->off);
  int d = b.d > px_tx_month_len(y, mo) ? px_tx_month_len(y, mo) : b.d;
  int64_t days = px_tx_days(y, mo, d) + m->offd;
  tx_date r = px_tx_civil(days);
  switch (m->gran) {
  case G_DAY: put_day(val, days, m->pod); break;
  case G_WEEK: put_week(val, days, false); break;
  case G_WEEKEND:
    if (!m->wkrel) { /* "the weekend": the last one, or the next one in a future sentence */
      bool weekend_now = px_tx_weekday(days) >= 6;
      int tense = px_tx_tense(c, m->t0);
      days += tense > 0 ? (weekend_now ? 7 : 0) : (weekend_now ? 0 : -7);
    }
    put_week(val, days, true);
    break;
  case G_MONTH: snprintf(val, VAL, "%04d-%02d", r.y, r.m); break;
  case G_YEAR:
    if (*used == 2 && month_base && m->off % 12 == 0) snprintf(val, VAL, "%04d-%02d", r.y, r.m);
    else snprintf(val, VAL, "%04d", r.y);
    break;
  case G_DECADE: snprintf(val, VAL, "%03d", r.y / 10); break;
  case G_CENT: snprintf(val, VAL, "%02d", r.y / 100); break;
  case G_QUARTER: snprintf(val, VAL, "%04d-Q%d", r.y, (r.m - 1) / 3 + 1); break;
  case G_SEASON: {
    static const int start[] = {0, 3, 6, 9, 12};
    int s = start[m->sub >= 1 && m->sub <= 4 ? m->sub : 0], yy = b.y, off = m->off;
    if (m->dir == 2) { /* "the spring": the next one in a future sentence, else the last or current one */
      int tense = px_tx_tense(c, m->t0);
      off = tense > 0 ? (s > b.m ? 0 : 1) : (s <= b.m ? 0 : -1);
    }
    if (off == 0 && m->sub == SEA_WI && b.m <= 2) yy--;
    else if (off < 0) yy = s + 3 <= b.m ? b.y : b.y - 1;
    else if (off > 0) yy = s > b.m ? b.y : b.y + 1;
    snprintf(val, VAL, "%04d-%s", yy, season_code[m->sub >= 1 && m->sub <= 4 ? m->sub : 0]);
    break;
  }
  default: snprintf(val, VAL, "XXXX");
  }
}

static void resolve_wday(const tx_ctx *c, const tx_m *m, tx_state *st, char *val, int *used) {
  if (!st->have_anchor || !st->anchor.d) {
    snprintf(val, VAL, "XXXX-WXX-%d%s", m->wd, pod_suffix[m->pod]);
    return;
  }
  int64_t a = anchor_days(st), day;
  int aw = px_tx_weekday(a);
  *used = 1;
  if (m->wkrel) day = a - aw + 1 + 7 * m->nth + (m->wd - 1);
  else {
    int dir = m->dir ? m->dir : px_tx_tense(c, m->t0);
    int back = (aw - m->wd + 7) % 7, fwd = (m->wd - aw + 7) % 7;
    if (m->dir < 0 && back == 0) back = 7; /* "last Monday" said on a Monday */
    if (dir > 0) day = a + (fwd ? fwd : 7);
    else day = a - back;
  }
  put_day(val, day, m->pod);
}

static void resolve_nth(const tx_ctx *c, const tx_m *m, tx_state *st, char *val, int *used) {
  int y = m->y, mo = m->m;
  if (m->mrel) {
    if (!st->have_anchor || !st->anchor.m) {
      snprintf(val, VAL, "XXXX-XX");
      return;
    }
    y = st->anchor.y, mo = st->anchor.m, *used = 1;
    add_months(&y, &mo, m->off);
  } else if (!y) {
    if (!st->have_anchor) {
      if (m->wd) snprintf(val, VAL, "XXXX-%02d-WXX-%d-#%d", mo, m->wd, m->nth > 0 ? m->nth : 5);
      else snprintf(val, VAL, "XXXX-%02d", mo);
      return;
    }
    y = pick_year(c, m, st, mo, 0), *used = 1;
  }
  int wd = m->wd ? m->wd : 4; /* a week is the month's when its Thursday is */
  int64_t first = px_tx_days(y, mo, 1), day;
  if (m->nth > 0) day = first + (wd - px_tx_weekday(first) + 7) % 7 + 7 * (m->nth - 1);
  else {
    int64_t last = px_tx_days(y, mo, px_tx_month_len(y, mo));
    day = last - (px_tx_weekday(last) - wd + 7) % 7;
  }
  if (m->wd) put_day(val, day, m->pod);
  else put_week(val, day, false);
}

static void remember(const tx_ctx *c, const tx_m *m, tx_state *st, const char *val) {
  tx_date d;
  char head[11];
  size_t n = strspn(val, "0123456789-");
  if (n > 10) n = 10;
  memcpy(head, val, n);
  head[n] = '\0';
  if (m->type != PX_TIME_DATE || n < 4 || !px_tx_parse_date(head, &d)) return;
  const tx_tok *p = m->t0 > 0 ? &c->t[m->t0 - 1] : NULL;
  bool year_as_time = m->gran != G_YEAR || (p && tx_same_sent(p, &c->t[m->t0]) &&
                                            (tx_kw(p, K_IN) || tx_kw(p, K_SINCE) || tx_kw(p, K_DURING) ||
                                             tx_kw(p, K_UNTIL) || tx_kw(p, K_FROM) || tx_kw(p, K_BY)));
  if (m->op == OP_CAL && m->y && !m->yrel && m->gran != G_DECADE && m->gran != G_CENT && year_as_time)
    st->year_ctx = m->y, st->year_sent = c->t[m->t0].sent; /* "in 2012 ... on 19 July", not "the 1998 law" */
  if (m->gran != G_DAY && m->gran != G_MONTH && m->gran != G_YEAR) return;
  st->any = d, st->have_any = true;
  if (d.d) st->last = d, st->have_last = true, st->last_sent = c->t[m->t0].sent;
}

void px_tx_resolve(const tx_ctx *c, const tx_m *m, tx_state *st, char *val, char *vmax, int *anchor_used,
                   char evt[11]) {
  if (m->type == PX_TIME_TIME && m->gran == G_TIME && (m->op != OP_CAL || m->m)) { /* "5 p.m. Sunday" */
    tx_m day = *m;
    day.type = PX_TIME_DATE, day.gran = G_DAY;
    px_tx_resolve(c, &day, st, val, vmax, anchor_used, evt);
    size_t n = strlen(val);
    if (n == 10) snprintf(val + n, VAL - n, "T%02d:%02d", m->hh, m->mi);
    return;
  }
  *anchor_used = 0;
  vmax[0] = '\0';
  switch (m->op) {
  case OP_LIT:
    snprintf(val, VAL, "%s", m->lit);
    snprintf(vmax, VAL, "%s", m->lit2);
    return;
  case OP_REF: {
    int dir = m->dir;
    if (dir == 2) dir = px_tx_tense(c, m->t0) < 0 ? -1 : 1;
    snprintf(val, VAL, "%s", dir < 0 ? "PAST_REF" : dir > 0 ? "FUTURE_REF" : "PRESENT_REF");
    return;
  }
  case OP_CAL:
    if (m->gran == G_TIME) {
      bool same = st->have_last && st->last_sent == c->t[m->t0].sent;
      tx_date d = same ? st->last : st->anchor;
      if ((same || (st->have_anchor && d.d)) && year_ok(d.y))
        snprintf(val, VAL, "%04d-%02d-%02dT%02d:%02d", d.y, d.m, d.d, m->hh, m->mi), *anchor_used = !same;
      else snprintf(val, VAL, "XXXX-XX-XXT%02d:%02d", m->hh, m->mi);
      return;
    }
    resolve_cal(c, m, st, val, anchor_used);
    break;
  case OP_REL: resolve_rel(c, m, st, val, anchor_used, evt); break;
  case OP_WDAY: resolve_wday(c, m, st, val, anchor_used); break;
  case OP_NTH: resolve_nth(c, m, st, val, anchor_used); break;
  default: snprintf(val, VAL, "XXXX");
  }
  remember(c, m, st, val);
}
