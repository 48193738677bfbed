/* unicode.c - decoding and classifying code points of (valid) document text. */
#include "internal.h"

#include <utf8proc.h>

int32_t px_utf8_next(const char *s, size_t len, size_t *i) {
  const unsigned char *p = (const unsigned char *)s + *i;
  size_t left = len - *i;
  unsigned char c = p[0];
  if (c < 0x80 || left < 2) {
    *i += 1;
    return c;
  }
  if ((c & 0xE0) == 0xC0) {
    *i += 2;
    return ((c & 0x1F) << 6) | (p[1] & 0x3F);
  }
  if ((c & 0xF0) == 0xE0 && left >= 3) {
    *i += 3;
    return ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  }
  if (left >= 4) {
    *i += 4;
    return ((int32_t)(c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
  }
  *i += 1;
  return 0xFFFD;
}

int32_t px_utf8_prev(const char *s, size_t i, size_t *start) {
  size_t j = i;
  while (j > 0 && j + 4 > i) {
    j--;
    if (((unsigned char)s[j] & 0xC0) != 0x80) break;
  }
  size_t k = j;
  int32_t cp = px_utf8_next(s, i, &k);
  if (start) *start = j;
  return cp;
}

bool px_cp_is_letter(int32_t cp) {
  if (cp < 0x80) return px_is_alpha((unsigned char)cp);
  utf8proc_category_t c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool px_cp_is_upper(int32_t cp) {
  if (cp < 0x80) return px_is_upper((unsigned char)cp);
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool px_cp_is_lower(int32_t cp) {
  if (cp < 0x80) return px_is_lower((unsigned char)cp);
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

bool px_cp_is_space(int32_t cp) {
  if (cp < 0x80) return px_is_space((unsigned char)cp);
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP ||
         cp == 0x85;
}
