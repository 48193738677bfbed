/* times_amount.c - amounts of time ("five years", "two and a half hours",
 * "1 month 21 days", "two or three days", "a few days", "days") and their
 * TIMEX3 duration values ("P5Y", "PT2H30M", "P1M21D", "P2D".."P3D", "PXD"). */
#include "times.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The unit at token t, or 0. Abbreviations ("hrs") and "second" need a number before them
 * (digits, or words when `number`), not "a". */
static int unit_at(const tx_tok *t, bool number) {
  int u = tx_valof(t, TW_UNIT);
  if (u < U_SEC || u > U_CENTURY) return 0;
  if ((t->lf & TF_ABBR) && !number) return 0;
  if (t->cls == TW_ORD && !number) return 0; /* "a second round" */
  return u;
}

/* "a few", "few", "several", "many", "some", "several more", "a few more": the token after, or i. */
static size_t vague_quant(const tx_ctx *c, size_t i) {
  const tx_tok *t = c->t;
  size_t k = i;
  if (tx_kw(&t[k], K_A) && tx_kw(&t[k + 1], K_FEW)) k += 2;
  else if (tx_kw(&t[k], K_FEW) || tx_kw(&t[k], K_SEVERAL) || tx_kw(&t[k], K_SOME)) k++;
  else return i;
  if (tx_kw(&t[k], K_MORE)) k++;
  return k;
}

size_t px_tx_amount(const tx_ctx *c, size_t i, tx_amount *a, bool bare) {
  const tx_tok *t = c->t;
  memset(a, 0, sizeof *a);
  size_t q = vague_quant(c, i);
  int u;
  if (q > i || bare) {
    if ((u = unit_at(&t[q], false)) && (t[q].lf & TF_PLURAL) && tx_same_sent(&t[i], &t[q])) {
      a->vague = true, a->unit = (uint8_t)u, a->units = 1;
      return q + 1;
    }
    if (q > i) return i;
  }
  if (tx_kw(&t[i], K_HALF)) { /* half an hour, half a day, half year, half-hour */
    size_t k = i + 1 + (tx_kw(&t[i + 1], K_A) || (tx_punct(&t[i + 1], '-') && t[i + 1].glued));
    if (!(u = unit_at(&t[k], false)) || (t[k].lf & TF_PLURAL) || !tx_same_sent(&t[i], &t[k])) return i;
    a->v[u] = 0.5, a->unit = (uint8_t)u, a->units = 1;
    return k + 1;
  }
  double n, hi = 0;
  size_t k = px_tx_number(c, i, &n, true);
  if (k == i || n <= 0) return i;
  a->digits = t[i].kind == PX_TOK_NUMBER;
  bool number = !tx_kw(&t[i], K_A); /* "twenty min", not "a min" */
  if ((tx_kw(&t[k], K_OR) || tx_kw(&t[k], K_TO) || (tx_punct(&t[k], '-') && t[k].glued && t[k + 1].glued)) &&
      n == floor(n)) { /* two or three days, 2-3 days */
    size_t k2 = px_tx_number(c, k + 1, &hi, false);
    if (k2 > k + 1 && hi > n && unit_at(&t[k2], number)) k = k2;
    else hi = 0;
  }
  if (tx_punct(&t[k], '-') && t[k].glued && t[k + 1].glued) k++; /* five-year, 24-hour */
  if (!(u = unit_at(&t[k], number)) || !tx_same_sent(&t[i], &t[k])) return i;
  a->v[u] = n, a->vmax = hi, a->unit = (uint8_t)u, a->units = 1;
  k++;
  if (tx_kw(&t[k], K_AND) && tx_kw(&t[k + 1], K_A) && tx_kw(&t[k + 2], K_HALF)) a->v[u] += 0.5, k += 3;
  else if (tx_kw(&t[k], K_AND) && tx_kw(&t[k + 1], K_HALF)) a->v[u] += 0.5, k += 2;
  if (hi > 0) return k;
  for (int more = 0; more < 5; more++) { /* 1 year 1 month 21 days; 2 hours and 30 minutes */
    size_t k0 = k + (tx_punct(&t[k], ',') || tx_kw(&t[k], K_AND));
    double n2;
    size_t k2 = px_tx_number(c, k0, &n2, false);
    int u2;
    if (k2 == k0 || !(u2 = unit_at(&t[k2], true)) || a->v[u2] > 0 ||
        !tx_same_sent(&t[i], &t[k2]))
      break;
    a->v[u2] = n2, a->units++;
    if (u2 < a->unit) a->unit = (uint8_t)u2;
    k = k2 + 1;
  }
  return k;
}

static const char *const unit_letter[] = {"", "S", "M", "H", "D", "W", "W", "M", "Y", "DE", "CE"};

static bool is_time_unit(int u) { return u == U_SEC || u == U_MIN || u == U_HOUR; }

/* One unit's value: whole numbers as they are, halves of years and hours in the next unit down. */
static void single(double v, int u, char *out, size_t size) {
  if (u == U_FORTNIGHT) v *= 2, u = U_WEEK;
  if (u == U_DECADE && v != floor(v)) v *= 10, u = U_YEAR;
  if (u == U_CENTURY && v != floor(v)) v *= 100, u = U_YEAR;
  const char *t = is_time_unit(u) ? "T" : "";
  if (v == floor(v) && v < 1e9) {
    snprintf(out, size, "P%s%.0f%s", t, v, unit_letter[u]);
    return;
  }
  if (u == U_YEAR || u == U_HOUR || u == U_MIN) {
    long small = lround(v * (u == U_YEAR ? 12 : 60));
    long big = small / (u == U_YEAR ? 12 : 60), rest = small % (u == U_YEAR ? 12 : 60);
    const char *bl = u == U_YEAR ? "Y" : u == U_HOUR ? "H" : "M", *sl = u == U_YEAR ? "M" : u == U_HOUR ? "M" : "S";
    if (big && rest) snprintf(out, size, "P%s%ld%s%ld%s", t, big, bl, rest, sl);
    else if (big) snprintf(out, size, "P%s%ld%s", t, big, bl);
    else snprintf(out, size, "P%s%ld%s", t, rest, sl);
    return;
  }
  snprintf(out, size, "P%s%g%s", t, v, unit_letter[u]);
}

void px_tx_dur_value(const tx_amount *a, bool hi, char *out, size_t size) {
  if (a->vague) {
    snprintf(out, size, "P%sX%s", is_time_unit(a->unit) ? "T" : "", unit_letter[a->unit]);
    return;
  }
  if (a->units == 1) {
    single(hi ? a->vmax : a->v[a->unit], a->unit, out, size);
    return;
  }
  const double *v = a->v;
  double y = v[U_YEAR] + 10 * v[U_DECADE] + 100 * v[U_CENTURY], mo = v[U_MONTH];
  double d = v[U_DAY] + 7 * v[U_WEEK] + 14 * v[U_FORTNIGHT];
  char buf[64];
  size_t n = (size_t)snprintf(buf, sizeof buf, "P");
  if (y > 0) n += (size_t)snprintf(buf + n, sizeof buf - n, "%gY", y);
  if (mo > 0) n += (size_t)snprintf(buf + n, sizeof buf - n, "%gM", mo);
  if (d > 0) n += (size_t)snprintf(buf + n, sizeof buf - n, "%gD", d);
  if (v[U_HOUR] > 0 || v[U_MIN] > 0 || v[U_SEC] > 0) n += (size_t)snprintf(buf + n, sizeof buf - n, "T");
  if (v[U_HOUR] > 0) n += (size_t)snprintf(buf + n, sizeof buf - n, "%gH", v[U_HOUR]);
  if (v[U_MIN] > 0) n += (size_t)snprintf(buf + n, sizeof buf - n, "%gM", v[U_MIN]);
  if (v[U_SEC] > 0) snprintf(buf + n, sizeof buf - n, "%gS", v[U_SEC]);
  snprintf(out, size, "%s", buf);
}

void px_tx_amount_offset(const tx_amount *a, int sign, int32_t *months, int32_t *days, uint8_t *gran) {
  const double *v = a->v;
  double mo = 12 * (v[U_YEAR] + 10 * v[U_DECADE] + 100 * v[U_CENTURY]) + v[U_MONTH];
  double d = v[U_DAY] + 7 * v[U_WEEK] + 14 * v[U_FORTNIGHT] + v[U_HOUR] / 24;
  double whole = floor(mo);
  d += (mo - whole) * 30;
  *months = sign * (int32_t)whole;
  *days = sign * (int32_t)lround(d);
  if (a->unit >= U_YEAR) *gran = (int32_t)whole % 12 == 0 && d == 0 ? G_YEAR : G_MONTH;
  else if (a->unit == U_MONTH) *gran = d == 0 ? G_MONTH : G_DAY;
  else *gran = G_DAY;
}
