/* html_date.c - dates in metadata values, URLs and bylines.
 *
 * Every date is kept as written (its local date): converting a timestamp to
 * UTC first would move late-evening stories to the next day. Years outside
 * PX_DATE_MIN_YEAR..PX_DATE_MAX_YEAR are not news-article dates (the web
 * has no news from before it; later years are typos or placeholders).
 */
#include "html.h"

#include <string.h>

#define PX_DATE_MIN_YEAR 1990
#define PX_DATE_MAX_YEAR 2100

static int digits(const char *s, size_t n, size_t at, size_t k) {
  if (at + k > n) return -1;
  int v = 0;
  for (size_t i = at; i < at + k; i++) {
    if (!px_is_digit((unsigned char)s[i])) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

/* Writes YYYY-MM-DD (or YYYY-MM when d is 0); the parts are in range. */
static void put_date(char out[11], int y, int m, int d) {
  const int parts[3] = {y, m, d};
  const int widths[3] = {4, 2, 2};
  size_t k = 0;
  for (int p = 0; p < (d ? 3 : 2); p++) {
    if (p) out[k++] = '-';
    for (int w = widths[p] - 1, v = parts[p]; w >= 0; w--, v /= 10) out[k + (size_t)w] = (char)('0' + v % 10);
    k += (size_t)widths[p];
  }
  out[k] = '\0';
}

static bool make(int y, int m, int d, char out[11]) {
  static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < PX_DATE_MIN_YEAR || y > PX_DATE_MAX_YEAR || m < 1 || m > 12) return false;
  if (d == 0) { /* month precision */
    put_date(out, y, m, 0);
    return true;
  }
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d < 1 || d > mdays[m - 1] || (m == 2 && d == 29 && !leap)) return false;
  put_date(out, y, m, d);
  return true;
}

bool px_html_date_iso(const char *s, size_t n, char out[11]) {
  size_t i = 0;
  while (i < n && px_is_space((unsigned char)s[i])) i++;
  int y = digits(s, n, i, 4);
  if (y < 0) return false;
  if (i + 4 < n && (s[i + 4] == '-' || s[i + 4] == '/') && i + 10 <= n && s[i + 7] == s[i + 4]) {
    int m = digits(s, n, i + 5, 2), d = digits(s, n, i + 8, 2);
    if (m < 0 || d < 0 || (i + 10 < n && px_is_digit((unsigned char)s[i + 10]))) return false;
    return make(y, m, d, out);
  }
  if (i + 8 <= n && digits(s, n, i, 8) >= 0 && (i + 8 == n || !px_is_digit((unsigned char)s[i + 8])))
    return make(y, digits(s, n, i + 4, 2), digits(s, n, i + 6, 2), out); /* 20191118 */
  return false;
}

/* A path segment boundary in a URL. */
static bool sep(char c) { return c == '/' || c == '-' || c == '_' || c == '.'; }

bool px_html_date_url(const char *url, char out[11]) {
  if (!url) return false;
  const char *p = strstr(url, "://");
  p = p ? strchr(p + 3, '/') : url; /* the path only: a host name has no date */
  if (!p) return false;
  size_t n = strcspn(p, "?#");
  for (size_t i = 0; i + 5 <= n; i++) {
    if (!sep(p[i]) || digits(p, n, i + 1, 4) < 0) continue;
    int y = digits(p, n, i + 1, 4);
    size_t j = i + 5;
    if (j < n && sep(p[j])) { /* /2019/11/18/ or /2019-11-18 or /2019/11/ */
      int m = digits(p, n, j + 1, 2), d = -1;
      if (m < 0 || (j + 3 < n && !sep(p[j + 3]))) continue;
      if (j + 3 < n && p[j + 3] == p[j] && (d = digits(p, n, j + 4, 2)) >= 0 && (j + 6 == n || sep(p[j + 6])))
        return make(y, m, d, out);
      if (make(y, m, 0, out)) return true;
    } else if (digits(p, n, i + 1, 8) >= 0 && (i + 9 == n || sep(p[i + 9]))) { /* /20191118/ */
      if (make(y, digits(p, n, i + 5, 2), digits(p, n, i + 7, 2), out)) return true;
    }
  }
  return false;
}

static int month_of(const char *w, size_t n) {
  static const char *const names[12] = {"january", "february", "march",     "april",   "may",      "june",
                                        "july",    "august",   "september", "october", "november", "december"};
  if (n < 3) return 0;
  for (int m = 0; m < 12; m++) {
    size_t k = strlen(names[m]);
    if (n > k || (n < k && !(n == 3 || (n == 4 && m == 8)))) continue; /* full name, or Jan / Sept */
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) ok = px_lower((unsigned char)w[i]) == (unsigned char)names[m][i];
    if (ok) return m + 1;
  }
  return 0;
}

/* Reads a number of 1-2 digits (day) or 4 (year) at s[*i]. */
static int number_at(const char *s, size_t n, size_t *i, size_t *len) {
  size_t j = *i;
  int v = 0;
  while (j < n && px_is_digit((unsigned char)s[j]) && j - *i < 5) v = v * 10 + (s[j++] - '0');
  *len = j - *i;
  if (j < n && px_is_digit((unsigned char)s[j])) return -1;
  *i = j;
  return v;
}

static void skip_filler(const char *s, size_t n, size_t *i) {
  while (*i < n && (px_is_space((unsigned char)s[*i]) || s[*i] == ',' || s[*i] == '.')) (*i)++;
  if (*i + 1 < n && ((s[*i] == 's' && s[*i + 1] == 't') || (s[*i] == 'n' && s[*i + 1] == 'd') ||
                     (s[*i] == 'r' && s[*i + 1] == 'd') || (s[*i] == 't' && s[*i + 1] == 'h')))
    *i += 2; /* 1st, 2nd, 3rd, 18th */
  while (*i < n && (px_is_space((unsigned char)s[*i]) || s[*i] == ',' || s[*i] == '.')) (*i)++;
}

/* "November 18, 2019" or "Nov. 18 2019" with the month word at s[i, i + k). */
static bool month_first(const char *s, size_t n, size_t j, int m, char out[11]) {
  size_t len;
  skip_filler(s, n, &j);
  int d = number_at(s, n, &j, &len);
  if (d < 1 || len > 2) return false;
  skip_filler(s, n, &j);
  int y = number_at(s, n, &j, &len);
  return len == 4 && make(y, m, d, out);
}

bool px_html_date_text(const char *s, size_t n, char out[11]) {
  for (size_t i = 0; i < n; i++) {
    /* a word starts after a non-letter, or at a capital after a small letter ("DoeNovember") */
    bool start = !i || !px_is_alpha((unsigned char)s[i - 1]) ||
                 (px_is_upper((unsigned char)s[i]) && px_is_lower((unsigned char)s[i - 1]));
    if (!px_is_alpha((unsigned char)s[i]) || !start) continue;
    size_t k = i;
    while (k < n && px_is_alpha((unsigned char)s[k])) k++;
    int m = month_of(s + i, k - i);
    if (!m) continue;
    if (month_first(s, n, k, m, out)) return true;
    /* "18 November 2019": a day before the month */
    size_t j = i;
    while (j > 0 && (px_is_space((unsigned char)s[j - 1]) || s[j - 1] == '.')) j--;
    size_t e = j;
    while (j > 0 && px_is_digit((unsigned char)s[j - 1]) && e - j < 3) j--;
    size_t len;
    int d = e > j ? number_at(s, n, &j, &len) : -1;
    size_t y_at = k;
    skip_filler(s, n, &y_at);
    int y = number_at(s, n, &y_at, &len);
    if (d >= 1 && len == 4 && make(y, m, d, out)) return true;
  }
  return false;
}

bool px_html_date_prev_day(const char *date, char out[11]) {
  size_t n = strlen(date);
  int y = digits(date, n, 0, 4), m = digits(date, n, 5, 2), d = digits(date, n, 8, 2);
  if (n != 10 || y < 0 || m < 1 || d < 1) return false;
  if (--d == 0) {
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (--m == 0) m = 12, y--;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    d = mdays[m - 1] + (m == 2 && leap);
  }
  return make(y, m, d, out);
}
