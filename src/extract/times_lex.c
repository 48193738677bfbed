/* times_lex.c - the time lexicon: a static array sorted by bytes
 * (times_words.h, generated from data/times_words.txt by
 * tools/gen_times_words.sh), searched within the words of the same initial
 * letter. Each word has a main reading and, for a few, a second one
 * ("second" is an ordinal and a unit). */
#include "times.h"

#include <stdlib.h>
#include <string.h>

#include "times_words.h"

#define N_WORDS (sizeof table / sizeof *table)

static const char *const set_values[] = {"P1D", "P1W", "P1M", "P1Y", "PT1H", "P1D", "P2W", "P3M"};

const char *px_tx_set_value(int v) {
  return v >= 0 && (size_t)v < sizeof set_values / sizeof *set_values ? set_values[v] : "P1D";
}

const tx_word *px_tx_lookup(const char *w, size_t n) {
  if (n == 0 || n >= sizeof table[0].w || w[0] < 'a' || w[0] > 'z') return NULL;
  char key[sizeof table[0].w] = {0}; /* NUL-padded like the table: one memcmp a step */
  memcpy(key, w, n);
  size_t lo = tx_first[w[0] - 'a'], hi = tx_first[w[0] - 'a' + 1];
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int r = memcmp(table[mid].w, key, sizeof key);
    if (r == 0) return &table[mid];
    if (r < 0) lo = mid + 1;
    else hi = mid;
  }
  return NULL;
}

bool px_tx_table_ok(void) {
  for (size_t i = 1; i < N_WORDS; i++)
    if (strcmp(table[i - 1].w, table[i].w) >= 0) return false;
  for (size_t i = 0; i < N_WORDS; i++) {
    if (table[i].w[sizeof table[i].w - 1] != '\0') return false;
    int c = table[i].w[0] - 'a';
    if (c < 0 || c > 25 || i < tx_first[c] || i >= tx_first[c + 1]) return false;
  }
  return tx_first[26] == N_WORDS;
}
