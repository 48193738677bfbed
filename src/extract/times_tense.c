/* times_tense.c - which way a sentence looks in time, for bare weekdays,
 * months and vague "later": the nearest tense marker around an expression.
 * Past: "was", "said", "ago", irregular past forms, words in -ed (not after a
 * determiner: "the besieged city"). Future: "will", "'ll", "would", "plans",
 * "scheduled", "due", "tomorrow". Anything else says nothing. */
#include "times.h"

#include <stdlib.h>
#include <string.h>

static const char *const past[] = {
    "ago", "arose", "ate", "awoke", "became", "began", "beheld", "bled", "blew", "bore", "bought", "bound",
    "broke", "brought", "built", "came", "caught", "chose", "clung", "crept", "dealt", "did", "drew", "drove",
    "dug", "fed", "fell", "felt", "fled", "flew", "forbade", "foresaw", "forgave", "forgot", "fought",
    "found", "froze", "gave", "got", "grew", "had", "heard", "held", "hid", "hung", "kept", "knew", "laid",
    "lay", "led", "left", "lit", "lost", "made", "meant", "met", "misled", "mistook", "outran", "overcame",
    "overran", "oversaw", "overthrew", "overtook", "paid", "ran", "rebuilt", "retook", "rode", "rose", "said",
    "sank", "sat", "saw", "sent", "shook", "shot", "shrank", "slept", "slid", "sold", "sought", "spat",
    "spent", "split", "spoke", "sprang", "spun", "stole", "stood", "strode", "strove", "struck", "stuck",
    "stung", "swam", "swept", "swore", "swung", "taught", "thought", "threw", "told", "took", "tore",
    "understood", "undertook", "upheld", "was", "went", "wept", "were", "withdrew", "withheld", "withstood",
    "woke", "won", "wore", "wound", "wrote", "yesterday"};

static const char *const future[] = {"gonna", "shall", "tomorrow", "upcoming", "will", "won't", "wont", "would"};

/* Future only before "to" ("plans to", "is due to", "expected to"): as nouns they say nothing. */
static const char *const future_to[] = {"aim", "aims", "due", "expected", "expects", "going", "intend", "intends",
                                        "plan", "planned", "planning", "plans", "scheduled", "set"};

/* Words in -ed that are not past tenses (or mostly adjectives). */
static const char *const not_past[] = {
    "advanced", "aged", "alleged", "armed", "based", "bed", "beloved", "bleed", "blessed", "breed",
    "concerned", "creed", "crooked", "cursed", "deed", "detailed", "dogged", "embed", "exceed", "experienced",
    "feed", "greed", "hundred", "indeed", "interested", "jagged", "learned", "limited", "naked", "need",
    "proceed", "qualified", "ragged", "red", "rugged", "sacred", "seed", "shed", "sophisticated", "speed",
    "steed", "succeed", "supposed", "talented", "tired", "united", "used", "weed", "wicked", "wretched"};

static int cmp(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

static bool in(const char *w, const char *const *list, size_t n) {
  return bsearch(&w, list, n, sizeof *list, cmp) != NULL;
}

#define IN(w, list) in(w, list, sizeof list / sizeof *list)

/* -1 past, +1 future, 0 nothing, for token k. */
static int marker(const tx_ctx *c, size_t k) {
  const tx_tok *t = &c->t[k];
  if (t->kind != PX_TOK_WORD) return 0;
  const char *s = c->x->text + t->s;
  size_t n = t->e - t->s, m = 0;
  char w[20];
  for (size_t q = 0; q < n && m + 1 < sizeof w; q++) {
    unsigned char ch = (unsigned char)s[q];
    if (ch == 0xE2 && q + 2 < n && (unsigned char)s[q + 1] == 0x80 && (unsigned char)s[q + 2] == 0x99) {
      w[m++] = '\'', q += 2; /* a curly apostrophe */
      continue;
    }
    if (ch >= 0x80) return 0;
    w[m++] = (char)px_lower(ch);
  }
  if (m + 1 >= sizeof w) return 0;
  w[m] = '\0';
  if (m > 3 && strcmp(w + m - 3, "'ll") == 0) return 1;
  if (IN(w, future)) return 1;
  if (IN(w, future_to)) { /* "plans to", "is expected", "are scheduled" */
    const tx_tok *p = k > 0 ? t - 1 : NULL;
    bool is = p && tx_same_sent(p, t) &&
              (tx_word_is(c, p, "is") || tx_word_is(c, p, "are") || tx_word_is(c, p, "be") || tx_word_is(c, p, "'s"));
    return tx_kw(t + 1, K_TO) || tx_kw(t + 1, K_FOR) || is ? 1 : 0;
  }
  if (strcmp(w, "must") == 0 || strcmp(w, "should") == 0 || strcmp(w, "might") == 0) return 1;
  if (tx_kw(t, K_NEXT) || tx_kw(t, K_COMING)) return 1;
  if (IN(w, past)) return -1;
  if (m >= 5 && w[m - 2] == 'e' && w[m - 1] == 'd' && !IN(w, not_past) && !(t->tf & TT_CAP)) {
    const tx_tok *p = k > 0 ? t - 1 : NULL;
    if (p && tx_same_sent(p, t) && (tx_kw(p, K_THE) || tx_kw(p, K_A) || (p->tf & TT_POSS) || tx_kw(p, K_THIS)))
      return 0;
    if (p && tx_same_sent(p, t) && (tx_word_is(c, p, "be") || tx_word_is(c, p, "been") || tx_word_is(c, p, "being") ||
                                    tx_word_is(c, p, "is") || tx_word_is(c, p, "are")))
      return 0; /* a passive: "will be reviewed" says nothing by itself */
    if (tx_kw(t + 1, K_BY) && tx_same_sent(t, t + 1)) return 0; /* a participle: "a statement proposed by" */
    return -1;
  }
  return 0;
}

int px_tx_tense_near(const tx_ctx *c, size_t i, size_t window) {
  const tx_tok *t = c->t;
  for (size_t k = i, steps = 0; k > 0 && steps < window; steps++) {
    k--;
    if (!tx_same_sent(&t[k], &t[i])) break;
    int v = marker(c, k);
    if (v) return v;
  }
  for (size_t k = i + 1, steps = 0; k < c->n && steps < window; k++, steps++) {
    if (!tx_same_sent(&t[k], &t[i])) break;
    int v = marker(c, k);
    if (v) return v;
  }
  return 0;
}

int px_tx_tense(const tx_ctx *c, size_t i) { return px_tx_tense_near(c, i, 15); }
