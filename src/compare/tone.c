/* tone.c - the tone of an actor label from the lexicon of contested terms
 * (data/tone.txt, compiled into tone_table.h by tools/gen_tone.sh).
 * A two-word entry ("freedom fighter", "illegal alien") decides for both its
 * words; the other words, and the parts of hyphened words ("terror-linked"),
 * are looked up alone. The label takes the strongest tone found: hostile,
 * then sympathetic, then neutral; a label with no listed word is neutral. */
#include "compare/labels_ctx.h"

#include <string.h>

typedef struct px_tone_entry {
  const char *term;
  px_tone tone;
} px_tone_entry;

#include "compare/tone_table.h"

/* The tone of term[0..n), or -1 when it is not listed (binary search). */
static int lookup(const char *term, size_t n) {
  size_t lo = 0, hi = sizeof px_tone_table / sizeof *px_tone_table;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const char *t = px_tone_table[mid].term;
    size_t tl = strlen(t);
    int c = memcmp(t, term, tl < n ? tl : n);
    if (c == 0) c = tl < n ? -1 : tl > n;
    if (c == 0) return (int)px_tone_table[mid].tone;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

int px_s_term_tone(const char *term, size_t len) { return lookup(term, len); }

static px_tone stronger(px_tone a, int b) {
  if (b < 0) return a;
  if (a == PX_TONE_HOSTILE || b == PX_TONE_HOSTILE) return PX_TONE_HOSTILE;
  return a == PX_TONE_SYMPATHETIC || b == PX_TONE_SYMPATHETIC ? PX_TONE_SYMPATHETIC : PX_TONE_NEUTRAL;
}

/* A single word, or failing that its hyphened parts. */
static int word_tone(const char *w, size_t n) {
  int t = lookup(w, n);
  if (t >= 0 || !memchr(w, '-', n)) return t;
  px_tone best = PX_TONE_NEUTRAL;
  int found = -1;
  for (size_t i = 0, b = 0; i <= n; i++)
    if (i == n || w[i] == '-') {
      int p = i > b ? lookup(w + b, i - b) : -1;
      if (p >= 0) best = stronger(best, p), found = 0;
      b = i + 1;
    }
  return found < 0 ? -1 : (int)best;
}

px_tone px_s_label_tone(const char *label) {
  px_tone tone = PX_TONE_NEUTRAL;
  size_t n = strlen(label);
  for (size_t i = 0; i < n;) {
    while (i < n && label[i] == ' ') i++;
    size_t b = i;
    while (i < n && label[i] != ' ') i++;
    if (i == b) break;
    size_t j = i + 1, e2 = j; /* try this word with the next one */
    while (e2 < n && label[e2] != ' ') e2++;
    int pair = i < n && e2 > j ? lookup(label + b, e2 - b) : -1;
    if (pair >= 0) {
      tone = stronger(tone, pair);
      i = e2;
    } else tone = stronger(tone, word_tone(label + b, i - b));
  }
  return tone;
}
