/* abbrev.c - abbreviation and sentence-starter tables, list markers. */
#include "abbrev.h"

#include <string.h>

#include "abbrev_table.h" /* generated from data/abbreviations.txt */

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Byte-wise order: memcmp over the common prefix, then the shorter first
 * (the order of `LC_ALL=C sort`). */
static int keycmp(const char *a, size_t an, const char *b, size_t bn) {
  int c = memcmp(a, b, an < bn ? an : bn);
  if (c) return c;
  return (an > bn) - (an < bn);
}

px_abbr_class px_abbrev_class(const char *s, size_t n) {
  char low[16];
  if (n == 0 || n >= sizeof low) return PX_ABBR_NONE;
  for (size_t i = 0; i < n; i++) low[i] = (char)px_lower((unsigned char)s[i]);
  size_t lo = 0, hi = COUNT(px_abbr_table);
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const px_abbr_entry *e = &px_abbr_table[mid];
    int c = keycmp(low, n, e->key, e->len);
    if (c == 0) {
      bool cap = px_is_upper((unsigned char)s[0]);
      if ((e->cls == PX_ABBR_TITLE || e->cls == PX_ABBR_CABBR) && !cap) return PX_ABBR_NONE;
      return (px_abbr_class)e->cls;
    }
    if (c < 0) hi = mid;
    else lo = mid + 1;
  }
  return PX_ABBR_NONE;
}

bool px_sentence_starter(const char *s, size_t n) {
  if (n == 0 || n > 16 || !px_is_upper((unsigned char)s[0])) return false;
  size_t lo = 0, hi = COUNT(px_starter_table);
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const px_word_entry *e = &px_starter_table[mid];
    int c = keycmp(s, n, e->key, e->len);
    if (c == 0) return true;
    if (c < 0) hi = mid;
    else lo = mid + 1;
  }
  return false;
}

bool px_abbrev_tables_ok(void) {
  for (size_t i = 1; i < COUNT(px_abbr_table); i++) {
    const px_abbr_entry *a = &px_abbr_table[i - 1], *b = &px_abbr_table[i];
    if (keycmp(a->key, a->len, b->key, b->len) >= 0 || strlen(b->key) != b->len) return false;
  }
  for (size_t i = 1; i < COUNT(px_starter_table); i++) {
    const px_word_entry *a = &px_starter_table[i - 1], *b = &px_starter_table[i];
    if (keycmp(a->key, a->len, b->key, b->len) >= 0 || strlen(b->key) != b->len) return false;
  }
  return true;
}

/* ---- list markers ---------------------------------------------------- */

/* A bullet at text[i]: its code point, *n its length in bytes; 0 if none. */
static int32_t bullet_at(const char *t, size_t len, size_t i, size_t *n) {
  unsigned char c = (unsigned char)t[i];
  if (c == '-' || c == '*' || c == '+') {
    *n = 1;
    return c;
  }
  if (c != 0xE2 || i + 2 >= len) return 0;
  unsigned char b1 = (unsigned char)t[i + 1], b2 = (unsigned char)t[i + 2];
  int32_t cp = ((int32_t)(c & 0x0F) << 12) | ((int32_t)(b1 & 0x3F) << 6) | (b2 & 0x3F);
  if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return 0;
  switch (cp) {
  case 0x2022: /* • */
  case 0x2023: /* ‣ */
  case 0x2043: /* ⁃ */
  case 0x2013: /* – */
  case 0x2014: /* — */
  case 0x2219: /* ∙ */
  case 0x25A0: /* ■ */
  case 0x25AA: /* ▪ */
  case 0x25CB: /* ○ */
  case 0x25CF: /* ● */
  case 0x25E6: /* ◦ */
    *n = 3;
    return cp;
  default:
    return 0;
  }
}

static bool is_dash_bullet(int32_t cp) { return cp == '-' || cp == 0x2013 || cp == 0x2014; }

/* White space that may follow a marker: ASCII blanks and line ends, NBSP. */
static bool ws_or_end(const char *t, size_t len, size_t i) {
  if (i >= len) return true;
  unsigned char c = (unsigned char)t[i];
  if (px_is_space(c)) return true;
  return c == 0xC2 && i + 1 < len && (unsigned char)t[i + 1] == 0xA0;
}

/* Value of a roman numeral of 1-4 letters i, v, x of one case (1..39), or 0. */
static int32_t roman_value(const char *s, size_t n) {
  static const char *units[] = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
  if (n == 0 || n > 4) return 0;
  bool up = px_is_upper((unsigned char)s[0]);
  char low[5];
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (px_is_upper(c) != up) return 0;
    c = px_lower(c);
    if (c != 'i' && c != 'v' && c != 'x') return 0;
    low[i] = (char)c;
  }
  /* canonical form: x* then a unit */
  size_t k = 0;
  int32_t v = 0;
  while (k < n && low[k] == 'x' && v < 30) {
    v += 10;
    k++;
  }
  for (int u = 0; u < 10; u++) {
    size_t ul = strlen(units[u]);
    if (ul == n - k && memcmp(units[u], low + k, ul) == 0) {
      v += u;
      return v > 0 ? v : 0;
    }
  }
  return 0;
}

/* An enumerator at text[i]: 1.  1.)  1)  (1)  a.  a)  (a)  iv)  (iv)  IV. */
static size_t enumerator_at(const char *t, size_t len, size_t i, px_abbrev_marker *m) {
  size_t k = i;
  bool parens = false;
  if (k < len && t[k] == '(') {
    parens = true;
    k++;
  }
  size_t s = k;
  while (k < len && px_is_alnum((unsigned char)t[k]) && k - s < 5) k++;
  size_t n = k - s;
  if (n == 0 || k >= len) return 0;
  const char *w = t + s;
  bool digits = true, letters = true;
  for (size_t j = 0; j < n; j++) {
    if (!px_is_digit((unsigned char)w[j])) digits = false;
    if (!px_is_alpha((unsigned char)w[j])) letters = false;
  }
  px_abbrev_marker r = {0};
  if (digits && n <= 3) {
    r.kind = PX_MK_NUM;
    r.num = 0;
    for (size_t j = 0; j < n; j++) r.num = r.num * 10 + (w[j] - '0');
  } else if (letters) {
    r.roman = roman_value(w, n);
    if (n == 1) {
      r.kind = px_is_upper((unsigned char)w[0]) ? PX_MK_UPPER : PX_MK_LOWER;
      r.num = px_lower((unsigned char)w[0]) - 'a' + 1;
    } else if (r.roman) {
      r.kind = px_is_upper((unsigned char)w[0]) ? PX_MK_UPPER : PX_MK_LOWER;
    } else {
      return 0;
    }
  } else {
    return 0;
  }
  if (parens) {
    if (t[k] != ')') return 0;
    k++;
    r.style = PX_MK_PARENS;
  } else if (t[k] == ')') {
    k++;
    r.style = PX_MK_PAREN;
  } else if (t[k] == '.') {
    k++;
    r.style = PX_MK_DOT;
    if (k < len && t[k] == ')') {
      k++;
      r.style = PX_MK_DOTPAREN;
    }
  } else {
    return 0;
  }
  if (!ws_or_end(t, len, k)) return 0;
  if (m) *m = r;
  return k - i;
}

size_t px_list_marker(const char *text, size_t len, size_t i, px_abbrev_marker *m) {
  if (i >= len) return 0;
  px_abbrev_marker r = {0};
  size_t k = i, bn = 0;
  int32_t b = bullet_at(text, len, i, &bn);
  if (b) {
    k += bn;
    if (b < 0x80 && !(k < len && (text[k] == ' ' || text[k] == '\t'))) return 0;
    r.style = PX_MK_BULLET;
    r.bullet = b;
    size_t e = k;
    while (e < len && (text[e] == ' ' || text[e] == '\t')) e++;
    px_abbrev_marker en;
    size_t el = enumerator_at(text, len, e, &en);
    if (el) {
      en.bullet = b;
      r = en;
      k = e + el;
    } else if (!ws_or_end(text, len, k) && b >= 0x80 && is_dash_bullet(b)) {
      return 0; /* a dash glued to a word is punctuation, not a bullet */
    }
  } else {
    size_t el = enumerator_at(text, len, i, &r);
    if (!el) return 0;
    k += el;
  }
  if (m) *m = r;
  return k - i;
}

bool px_marker_starts_list(const px_abbrev_marker *m) {
  /* a dash or an asterisk alone is punctuation in running text; with an
   * enumerator after it ("- 1.") the enumerator carries the list */
  bool weak = is_dash_bullet(m->bullet) || m->bullet == '*' || m->bullet == '+';
  if (m->bullet && (!weak || m->kind == 0)) return !weak;
  /* "B." is more likely an initial than an item: only "A." and "I." open a list */
  if (m->kind == PX_MK_UPPER && m->style == PX_MK_DOT) return m->num == 1 || m->roman == 1;
  return m->style != 0 && m->kind != 0;
}

bool px_marker_follows(const px_abbrev_marker *prev, const px_abbrev_marker *next) {
  if (prev->kind == 0 || next->kind == 0) return prev->bullet && prev->bullet == next->bullet;
  if (prev->style != next->style || prev->kind != next->kind) return false;
  if (prev->kind == PX_MK_NUM) return prev->num + 1 == next->num;
  if (prev->num && next->num && prev->num + 1 == next->num) return true;
  return prev->roman && next->roman && prev->roman + 1 == next->roman;
}
