/* numbers_words.c - the lexicon of number words: cardinals, scales, ordinals and
 * fraction denominators, and the few function words the number grammar reads
 * ("and", "point", "per cent", "out of"). Sorted byte-wise for binary search. */
#include "numbers.h"

#include <stdint.h>
#include <string.h>

/* clang-format off */
static const px_nword px_nw_table[] = {
    {"a", 1, PX_NW_A, 0, 1},
    {"an", 2, PX_NW_A, 0, 1},
    {"and", 3, PX_NW_AND, 0, 0},
    {"billion", 7, PX_NW_SCALE, 0, 1e9},
    {"billions", 8, PX_NW_SCALE, 1, 1e9},
    {"billionth", 9, PX_NW_ORD, 0, 1e9},
    {"billionths", 10, PX_NW_ORD, 1, 1e9},
    {"cent", 4, PX_NW_CENT, 0, 0},
    {"crore", 5, PX_NW_SCALE, 0, 1e7},
    {"crores", 6, PX_NW_SCALE, 1, 1e7},
    {"doz", 3, PX_NW_DOZEN, 1, 12},
    {"dozen", 5, PX_NW_DOZEN, 0, 12},
    {"dozens", 6, PX_NW_DOZEN, 1, 12},
    {"dozs", 4, PX_NW_DOZEN, 1, 12},
    {"dz", 2, PX_NW_DOZEN, 1, 12},
    {"dzs", 3, PX_NW_DOZEN, 1, 12},
    {"eight", 5, PX_NW_UNIT, 0, 8},
    {"eighteen", 8, PX_NW_TEEN, 0, 18},
    {"eighteenth", 10, PX_NW_ORD, 0, 18},
    {"eighteenths", 11, PX_NW_ORD, 1, 18},
    {"eighth", 6, PX_NW_ORD, 0, 8},
    {"eighths", 7, PX_NW_ORD, 1, 8},
    {"eightieth", 9, PX_NW_ORD, 0, 80},
    {"eightieths", 10, PX_NW_ORD, 1, 80},
    {"eighty", 6, PX_NW_TENS, 0, 80},
    {"eleven", 6, PX_NW_TEEN, 0, 11},
    {"eleventh", 8, PX_NW_ORD, 0, 11},
    {"elevenths", 9, PX_NW_ORD, 1, 11},
    {"fifteen", 7, PX_NW_TEEN, 0, 15},
    {"fifteenth", 9, PX_NW_ORD, 0, 15},
    {"fifteenths", 10, PX_NW_ORD, 1, 15},
    {"fifth", 5, PX_NW_ORD, 0, 5},
    {"fifths", 6, PX_NW_ORD, 1, 5},
    {"fiftieth", 8, PX_NW_ORD, 0, 50},
    {"fiftieths", 9, PX_NW_ORD, 1, 50},
    {"fifty", 5, PX_NW_TENS, 0, 50},
    {"first", 5, PX_NW_ORD, 0, 1},
    {"firsts", 6, PX_NW_ORD, 1, 1},
    {"five", 4, PX_NW_UNIT, 0, 5},
    {"fortieth", 8, PX_NW_ORD, 0, 40},
    {"fortieths", 9, PX_NW_ORD, 1, 40},
    {"forty", 5, PX_NW_TENS, 0, 40},
    {"four", 4, PX_NW_UNIT, 0, 4},
    {"fourteen", 8, PX_NW_TEEN, 0, 14},
    {"fourteenth", 10, PX_NW_ORD, 0, 14},
    {"fourteenths", 11, PX_NW_ORD, 1, 14},
    {"fourth", 6, PX_NW_ORD, 0, 4},
    {"fourths", 7, PX_NW_ORD, 1, 4},
    {"half", 4, PX_NW_HALF, 0, 2},
    {"halves", 6, PX_NW_HALF, 1, 2},
    {"hundred", 7, PX_NW_HUNDRED, 0, 100},
    {"hundreds", 8, PX_NW_HUNDRED, 1, 100},
    {"hundredth", 9, PX_NW_ORD, 0, 100},
    {"hundredths", 10, PX_NW_ORD, 1, 100},
    {"in", 2, PX_NW_IN, 0, 0},
    {"lakh", 4, PX_NW_SCALE, 0, 100000},
    {"lakhs", 5, PX_NW_SCALE, 1, 100000},
    {"million", 7, PX_NW_SCALE, 0, 1e6},
    {"millions", 8, PX_NW_SCALE, 1, 1e6},
    {"millionth", 9, PX_NW_ORD, 0, 1e6},
    {"millionths", 10, PX_NW_ORD, 1, 1e6},
    {"minus", 5, PX_NW_MINUS, 0, 0},
    {"naught", 6, PX_NW_ZERO, 0, 0},
    {"negative", 8, PX_NW_MINUS, 0, 0},
    {"nine", 4, PX_NW_UNIT, 0, 9},
    {"nineteen", 8, PX_NW_TEEN, 0, 19},
    {"nineteenth", 10, PX_NW_ORD, 0, 19},
    {"nineteenths", 11, PX_NW_ORD, 1, 19},
    {"ninetieth", 9, PX_NW_ORD, 0, 90},
    {"ninetieths", 10, PX_NW_ORD, 1, 90},
    {"ninety", 6, PX_NW_TENS, 0, 90},
    {"ninth", 5, PX_NW_ORD, 0, 9},
    {"ninths", 6, PX_NW_ORD, 1, 9},
    {"nought", 6, PX_NW_ZERO, 0, 0},
    {"of", 2, PX_NW_OF, 0, 0},
    {"one", 3, PX_NW_UNIT, 0, 1},
    {"out", 3, PX_NW_OUT, 0, 0},
    {"over", 4, PX_NW_OVER, 0, 0},
    {"pct", 3, PX_NW_PERCENT, 0, 0},
    {"per", 3, PX_NW_PER, 0, 0},
    {"percent", 7, PX_NW_PERCENT, 0, 0},
    {"percentage", 10, PX_NW_PERCENT, 0, 0},
    {"percents", 8, PX_NW_PERCENT, 0, 0},
    {"point", 5, PX_NW_POINT, 0, 0},
    {"points", 6, PX_NW_POINTS, 0, 0},
    {"quarter", 7, PX_NW_QUARTER, 0, 4},
    {"quarters", 8, PX_NW_QUARTER, 1, 4},
    {"second", 6, PX_NW_ORD, 0, 2},
    {"seconds", 7, PX_NW_ORD, 1, 2},
    {"seven", 5, PX_NW_UNIT, 0, 7},
    {"seventeen", 9, PX_NW_TEEN, 0, 17},
    {"seventeenth", 11, PX_NW_ORD, 0, 17},
    {"seventeenths", 12, PX_NW_ORD, 1, 17},
    {"seventh", 7, PX_NW_ORD, 0, 7},
    {"sevenths", 8, PX_NW_ORD, 1, 7},
    {"seventieth", 10, PX_NW_ORD, 0, 70},
    {"seventieths", 11, PX_NW_ORD, 1, 70},
    {"seventy", 7, PX_NW_TENS, 0, 70},
    {"six", 3, PX_NW_UNIT, 0, 6},
    {"sixteen", 7, PX_NW_TEEN, 0, 16},
    {"sixteenth", 9, PX_NW_ORD, 0, 16},
    {"sixteenths", 10, PX_NW_ORD, 1, 16},
    {"sixth", 5, PX_NW_ORD, 0, 6},
    {"sixths", 6, PX_NW_ORD, 1, 6},
    {"sixtieth", 8, PX_NW_ORD, 0, 60},
    {"sixtieths", 9, PX_NW_ORD, 1, 60},
    {"sixty", 5, PX_NW_TENS, 0, 60},
    {"ten", 3, PX_NW_TEEN, 0, 10},
    {"tens", 4, PX_NW_TENS_PL, 1, 10},
    {"tenth", 5, PX_NW_ORD, 0, 10},
    {"tenths", 6, PX_NW_ORD, 1, 10},
    {"third", 5, PX_NW_ORD, 0, 3},
    {"thirds", 6, PX_NW_ORD, 1, 3},
    {"thirteen", 8, PX_NW_TEEN, 0, 13},
    {"thirteenth", 10, PX_NW_ORD, 0, 13},
    {"thirteenths", 11, PX_NW_ORD, 1, 13},
    {"thirtieth", 9, PX_NW_ORD, 0, 30},
    {"thirtieths", 10, PX_NW_ORD, 1, 30},
    {"thirty", 6, PX_NW_TENS, 0, 30},
    {"thousand", 8, PX_NW_SCALE, 0, 1000},
    {"thousands", 9, PX_NW_SCALE, 1, 1000},
    {"thousandth", 10, PX_NW_ORD, 0, 1000},
    {"thousandths", 11, PX_NW_ORD, 1, 1000},
    {"three", 5, PX_NW_UNIT, 0, 3},
    {"trillion", 8, PX_NW_SCALE, 0, 1e12},
    {"trillions", 9, PX_NW_SCALE, 1, 1e12},
    {"trillionth", 10, PX_NW_ORD, 0, 1e12},
    {"trillionths", 11, PX_NW_ORD, 1, 1e12},
    {"twelfth", 7, PX_NW_ORD, 0, 12},
    {"twelfths", 8, PX_NW_ORD, 1, 12},
    {"twelve", 6, PX_NW_TEEN, 0, 12},
    {"twentieth", 9, PX_NW_ORD, 0, 20},
    {"twentieths", 10, PX_NW_ORD, 1, 20},
    {"twenty", 6, PX_NW_TENS, 0, 20},
    {"two", 3, PX_NW_UNIT, 0, 2},
    {"zero", 4, PX_NW_ZERO, 0, 0},
};
/* clang-format on */

/* Which second letters follow each first letter in the lexicon (bit 26: a
 * one-letter word): most words of a text fail this test and skip the search.
 * Derived from px_nw_table; px_nw_selfcheck() verifies it. */
static const uint32_t px_nw_pairs[26] = {
    0x04002000, 0x00000100, 0x00020010, 0x02004000,
    0x00000900, 0x00004100, 0x00000000, 0x00100001,
    0x00002000, 0x00000000, 0x00000000, 0x00000001,
    0x00000100, 0x00004111, 0x00302020, 0x00004014,
    0x00100000, 0x00000000, 0x00000110, 0x00420090,
    0x00000000, 0x00000000, 0x00000000, 0x00000000,
    0x00000000, 0x00000010,
};

/* Byte comparison of two short words (inlined: this runs for every word of the text). */
static inline int cmp_word(const char *a, size_t an, const char *b, size_t bn) {
  size_t m = an < bn ? an : bn;
  for (size_t i = 0; i < m; i++)
    if (a[i] != b[i]) return (unsigned char)a[i] - (unsigned char)b[i];
  return (int)an - (int)bn;
}

const px_nword *px_nw_lookup(const char *s, size_t n) {
  char low[16];
  if (n == 0 || n > 12) return NULL; /* the longest entry ("seventeenths") has 12 letters */
  unsigned c0 = px_lower((unsigned char)s[0]) - 'a', c1 = n > 1 ? px_lower((unsigned char)s[1]) - 'a' : 26;
  if (c0 >= 26 || c1 > 26 || !(px_nw_pairs[c0] >> c1 & 1)) return NULL;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (!px_is_alpha(c)) return NULL;
    low[i] = (char)px_lower(c);
  }
  size_t lo = 0, hi = sizeof px_nw_table / sizeof *px_nw_table;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const px_nword *e = &px_nw_table[mid];
    int c = cmp_word(e->word, e->len, low, n);
    if (c == 0) return e;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return NULL;
}

bool px_nw_selfcheck(void) {
  for (size_t i = 0; i < sizeof px_nw_table / sizeof *px_nw_table; i++) {
    const px_nword *e = &px_nw_table[i];
    if (px_nw_lookup(e->word, e->len) != e || strlen(e->word) != e->len) return false;
    if (i > 0 && strcmp(px_nw_table[i - 1].word, e->word) >= 0) return false;
  }
  return true;
}
