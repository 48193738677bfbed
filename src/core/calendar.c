/* calendar.c - day numbers of the proleptic Gregorian calendar (days since
 * 1970-01-01) and the days a TIMEX3-style date covers. Pure arithmetic: no
 * mktime, time zone or locale; any year. Shared by the times extractor, the
 * claims and timeline stages and the HTML charts. */
#include "internal.h"

#include <string.h>

/* Howard Hinnant's days_from_civil. Months and days out of range are fine
 * (the result runs on into the next month or year). */
int64_t px_days_from_civil(int64_t y, int m, int d) {
  int64_t yy = y - (m <= 2);
  int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
  int64_t yoe = yy - era * 400;
  int64_t mp = (m + 9) % 12;
  int64_t doy = (153 * mp + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/* Its inverse (civil_from_days). */
void px_civil_from_days(int64_t z, int *y, int *m, int *d) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* The value of n decimal digits, or -1. */
static int digits(const char *s, size_t n) {
  int v = 0;
  for (size_t i = 0; i < n; i++) {
    if (!px_is_digit((unsigned char)s[i])) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

bool px_date_span(const char *v, int64_t *lo, int64_t *hi, int *gran) {
  if (!v || strlen(v) < 4) return false;
  int y = digits(v, 4);
  if (y < 0) return false;
  if (v[4] == '\0') {
    *lo = px_days_from_civil(y, 1, 1);
    *hi = px_days_from_civil(y + 1, 1, 1) - 1;
    *gran = PX_DATE_YEAR;
    return true;
  }
  if (strlen(v) < 7 || v[4] != '-') return false;
  if (v[5] == 'W') {
    int w = digits(v + 6, 2);
    if (w < 1 || w > 53) return false;
    int64_t jan4 = px_days_from_civil(y, 1, 4);
    int64_t wd = ((jan4 + 3) % 7 + 7) % 7; /* 0 = Monday (1970-01-01 was a Thursday) */
    *lo = jan4 - wd + (int64_t)(w - 1) * 7;
    *hi = *lo + 6;
    *gran = PX_DATE_WEEK;
    return true;
  }
  int m = digits(v + 5, 2);
  if (m < 1 || m > 12) return false;
  if (v[7] == '-' && px_is_digit((unsigned char)v[8])) {
    int d = digits(v + 8, 2);
    if (d < 1 || d > 31) return false;
    *lo = *hi = px_days_from_civil(y, m, d);
    *gran = PX_DATE_DAY;
    return true;
  }
  if (v[7] != '\0' && v[7] != 'T' && v[7] != '-') return false;
  *lo = px_days_from_civil(y, m, 1);
  *hi = px_days_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - 1;
  *gran = PX_DATE_MONTH;
  return true;
}
