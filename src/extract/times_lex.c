/* times_lex.c - the time lexicon: a static array sorted by bytes
 * (times_words.h, generated from data/times_words.txt by
 * tools/gen_times_words.sh) with a hash table over it. Each word has a main reading and, for a few, a second one
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
  if (n == 0 || n > 13) return NULL;
  char key[sizeof table[0].w] = {0}; /* NUL-padded like the table: two 8-byte compares */
  memcpy(key, w, n);
  uint32_t h = 0;
  for (size_t k = 0; k < n; k++) h = (h * 31 + (unsigned char)w[k]) % 1048573;
  uint64_t k0, k1, t0, t1;
  memcpy(&k0, key, 8), memcpy(&k1, key + 8, 8);
  for (uint32_t s = h & 1023;; s = (s + 1) & 1023) {
    int i = tx_slot[s];
    if (i < 0) return NULL;
    memcpy(&t0, table[i].w, 8), memcpy(&t1, table[i].w + 8, 8);
    if (t0 == k0 && t1 == k1) return &table[i];
  }
}

bool px_tx_table_ok(void) {
  for (size_t i = 1; i < N_WORDS; i++)
    if (strcmp(table[i - 1].w, table[i].w) >= 0) return false;
  for (size_t i = 0; i < N_WORDS; i++) {
    if (table[i].w[sizeof table[i].w - 1] != '\0') return false;
    int c = table[i].w[0] - 'a';
    if (c < 0 || c > 25 || i < tx_first[c] || i >= tx_first[c + 1]) return false;
  }
  for (size_t i = 0; i < N_WORDS; i++) /* every word is found through the hash table */
    if (px_tx_lookup(table[i].w, strlen(table[i].w)) != &table[i]) return false;
  return tx_first[26] == N_WORDS;
}
