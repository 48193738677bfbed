/* times_cal.c - calendar arithmetic on day numbers (proleptic Gregorian,
 * days since 1970-01-01), never mktime: no time zone, no locale, any year. */
#include "times.h"

#include <stdlib.h>

/* Months and days out of range are fine: callers normalise through px_tx_civil(). */
int64_t px_tx_days(int y, int m, int d) { return px_days_from_civil(y, m, d); }

tx_date px_tx_civil(int64_t z) {
  tx_date t;
  px_civil_from_days(z, &t.y, &t.m, &t.d);
  return t;
}

int px_tx_weekday(int64_t days) {
  int64_t w = (days + 3) % 7; /* 1970-01-01 was a Thursday */
  if (w < 0) w += 7;
  return (int)w + 1;
}

int px_tx_month_len(int y, int m) {
  static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 30;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return len[m - 1] + (m == 2 && leap);
}

/* ISO 8601 week: the week (Monday to Sunday) belongs to the year of its Thursday. */
void px_tx_iso_week(int64_t days, int *iso_year, int *week) {
  int64_t thursday = days - px_tx_weekday(days) + 4;
  tx_date t = px_tx_civil(thursday);
  *iso_year = t.y;
  *week = (int)((thursday - px_tx_days(t.y, 1, 1)) / 7) + 1;
}

int64_t px_tx_iso_monday(int iso_year, int week) {
  int64_t jan4 = px_tx_days(iso_year, 1, 4);
  return jan4 - px_tx_weekday(jan4) + 1 + (int64_t)(week - 1) * 7;
}

static int digits(const char *s, int n) {
  int v = 0;
  for (int k = 0; k < n; k++) {
    if (!px_is_digit((unsigned char)s[k])) return -1;
    v = v * 10 + (s[k] - '0');
  }
  return v;
}

bool px_tx_parse_date(const char *s, tx_date *d) {
  if (!s) return false;
  int y = digits(s, 4);
  if (y < 0) return false;
  *d = (tx_date){y, 0, 0};
  if (s[4] == '\0') return true;
  if (s[4] != '-' || (d->m = digits(s + 5, 2)) < 1 || d->m > 12) return false;
  if (s[7] == '\0') return true;
  if (s[7] != '-' || (d->d = digits(s + 8, 2)) < 1 || d->d > 31) return false;
  return s[10] == '\0' || s[10] == 'T' || s[10] == ' ';
}
