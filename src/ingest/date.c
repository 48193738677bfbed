/* date.c - validating publication dates given by users, sidecars and records. */
#include "../core/internal.h"

#include <string.h>

static int num(const char *s, int n) {
  int v = 0;
  for (int i = 0; i < n; i++) {
    if (!px_is_digit((unsigned char)s[i])) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

static int days_in_month(int y, int m) {
  static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : d[m - 1];
}

int px_parse_date(const char *s, char out[11]) {
  if (!s) return PX_EDATE;
  size_t n = strlen(s);
  int y = n >= 4 ? num(s, 4) : -1;
  if (y < 1) return PX_EDATE;
  if (n == 4) {
    memcpy(out, s, 5);
    return PX_OK;
  }
  if (n < 7 || s[4] != '-') return PX_EDATE;
  int m = num(s + 5, 2);
  if (m < 1 || m > 12) return PX_EDATE;
  if (n == 7) {
    memcpy(out, s, 8);
    return PX_OK;
  }
  if (n < 10 || s[7] != '-') return PX_EDATE;
  int d = num(s + 8, 2);
  if (d < 1 || d > days_in_month(y, m)) return PX_EDATE;
  if (n > 10 && s[10] != 'T' && s[10] != ' ') return PX_EDATE; /* a timestamp may follow */
  memcpy(out, s, 10);
  out[10] = '\0';
  return PX_OK;
}
