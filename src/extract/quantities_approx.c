/* quantities_approx.c - hedges and comparisons around numbers (quantities_approx.h).
 *
 * The words just before a number are matched against a phrase table, longest
 * match first ("no more than" before "more than"); the words just after
 * against a few trailing phrases ("or more", "or so"). Two numbers joined by
 * "between .. and", "from .. to", "to", "through" or "or" make a range. Only
 * the text next to the numbers is read, so this is linear in the numbers. */
#include "quantities_approx.h"
#include "numbers.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A word or comparison sign next to a number, lower-cased. */
typedef struct hw {
  size_t start, end;
  char low[16];
} hw;

/* A phrase as its words, in reading order. */
typedef struct phrase {
  const char *w[6];
  unsigned char n;
  px_hedge_kind kind;
} phrase;

static const phrase before_phrases[] = {
    {{"more", "than"}, 2, PX_H_GT}, {{"over"}, 1, PX_H_GT}, {{"above"}, 1, PX_H_GT}, {{"greater", "than"}, 2, PX_H_GT},
    {{"higher", "than"}, 2, PX_H_GT}, {{"larger", "than"}, 2, PX_H_GT}, {{"bigger", "than"}, 2, PX_H_GT}, {{"in", "excess", "of"}, 3, PX_H_GT},
    {{"upwards", "of"}, 2, PX_H_GT}, {{"exceeding"}, 1, PX_H_GT}, {{"exceed"}, 1, PX_H_GT}, {{"exceeds"}, 1, PX_H_GT},
    {{"surpass"}, 1, PX_H_GT}, {{"surpassing"}, 1, PX_H_GT}, {{"just", "over"}, 2, PX_H_GT}, {{"well", "over"}, 2, PX_H_GT},
    {{">"}, 1, PX_H_GT},
    {{"at", "least"}, 2, PX_H_GE}, {{"no", "less", "than"}, 3, PX_H_GE}, {{"no", "fewer", "than"}, 3, PX_H_GE}, {{"not", "less", "than"}, 3, PX_H_GE},
    {{"not", "fewer", "than"}, 3, PX_H_GE}, {{"as", "little", "as"}, 3, PX_H_GE}, {{"as", "few", "as"}, 3, PX_H_GE}, {{"a", "minimum", "of"}, 3, PX_H_GE},
    {{"greater", "than", "or", "equal", "to"}, 5, PX_H_GE}, {{"more", "than", "or", "equal", "to"}, 5, PX_H_GE}, {{"higher", "than", "or", "equal", "to"}, 5, PX_H_GE},
    {{"larger", "than", "or", "equal", "to"}, 5, PX_H_GE}, {{"bigger", "or", "equal", "than"}, 4, PX_H_GE}, {{"greater", "or", "equal", "than"}, 4, PX_H_GE},
    {{"higher", "or", "equal", "than"}, 4, PX_H_GE}, {{"larger", "or", "equal", "than"}, 4, PX_H_GE}, {{"more", "or", "equal", "than"}, 4, PX_H_GE},
    {{"equal", "to", "or", "more", "than"}, 5, PX_H_GE}, {{"equal", "to", "or", "greater", "than"}, 5, PX_H_GE}, {{"equal", "or", "more", "than"}, 4, PX_H_GE},
    {{"equal", "or", "greater", "than"}, 4, PX_H_GE}, {{"at", "least", "or", "equal", "to"}, 5, PX_H_GE}, {{">", "="}, 2, PX_H_GE}, {{"\xE2\x89\xA5"}, 1, PX_H_GE},
    {{"less", "than"}, 2, PX_H_LT}, {{"fewer", "than"}, 2, PX_H_LT}, {{"under"}, 1, PX_H_LT}, {{"below"}, 1, PX_H_LT},
    {{"lower", "than"}, 2, PX_H_LT}, {{"smaller", "than"}, 2, PX_H_LT}, {{"nearly"}, 1, PX_H_LT}, {{"almost"}, 1, PX_H_LT},
    {{"just", "under"}, 2, PX_H_LT}, {{"just", "below"}, 2, PX_H_LT}, {{"close", "to"}, 2, PX_H_LT}, {{"<"}, 1, PX_H_LT},
    {{"up", "to"}, 2, PX_H_LE}, {{"as", "much", "as"}, 3, PX_H_LE}, {{"as", "many", "as"}, 3, PX_H_LE}, {{"at", "most"}, 2, PX_H_LE},
    {{"no", "more", "than"}, 3, PX_H_LE}, {{"not", "more", "than"}, 3, PX_H_LE}, {{"a", "maximum", "of"}, 3, PX_H_LE}, {{"as", "high", "as"}, 3, PX_H_LE},
    {{"no", "greater", "than"}, 3, PX_H_LE}, {{"less", "than", "or", "equal", "to"}, 5, PX_H_LE}, {{"fewer", "than", "or", "equal", "to"}, 5, PX_H_LE},
    {{"lower", "than", "or", "equal", "to"}, 5, PX_H_LE}, {{"smaller", "than", "or", "equal", "to"}, 5, PX_H_LE}, {{"less", "or", "equal", "than"}, 4, PX_H_LE},
    {{"smaller", "or", "equal", "than"}, 4, PX_H_LE}, {{"lower", "or", "equal", "than"}, 4, PX_H_LE}, {{"equal", "to", "or", "less", "than"}, 5, PX_H_LE},
    {{"equal", "to", "or", "fewer", "than"}, 5, PX_H_LE}, {{"equal", "or", "less", "than"}, 4, PX_H_LE}, {{"<", "="}, 2, PX_H_LE}, {{"\xE2\x89\xA4"}, 1, PX_H_LE},
    {{"about"}, 1, PX_H_ABOUT}, {{"around"}, 1, PX_H_ABOUT}, {{"roughly"}, 1, PX_H_ABOUT}, {{"some"}, 1, PX_H_ABOUT},
    {{"approximately"}, 1, PX_H_ABOUT}, {{"an", "estimated"}, 2, PX_H_ABOUT}, {{"estimated"}, 1, PX_H_ABOUT}, {{"circa"}, 1, PX_H_ABOUT},
    {{"approx"}, 1, PX_H_ABOUT}, {{"an", "approximate"}, 2, PX_H_ABOUT}, {{"just", "about"}, 2, PX_H_ABOUT},
    {{"equal", "to"}, 2, PX_H_EQ}, {{"equals"}, 1, PX_H_EQ}, {{"equals", "to"}, 2, PX_H_EQ}, {{"equaling"}, 1, PX_H_EQ},
    {{"equaling", "to"}, 2, PX_H_EQ}, {{"equalling"}, 1, PX_H_EQ}, {{"exactly"}, 1, PX_H_EQ}, {{"="}, 1, PX_H_EQ},
};

static const phrase after_phrases[] = {
    {{"or", "more"}, 2, PX_H_GE}, {{"and", "more"}, 2, PX_H_GE}, {{"or", "greater"}, 2, PX_H_GE}, {{"or", "above"}, 2, PX_H_GE},
    {{"or", "higher"}, 2, PX_H_GE}, {{"and", "above"}, 2, PX_H_GE}, {{"and", "over"}, 2, PX_H_GE}, {{"or", "over"}, 2, PX_H_GE},
    {{"or", "less"}, 2, PX_H_LE}, {{"or", "fewer"}, 2, PX_H_LE}, {{"or", "lower"}, 2, PX_H_LE}, {{"or", "below"}, 2, PX_H_LE},
    {{"and", "below"}, 2, PX_H_LE}, {{"and", "under"}, 2, PX_H_LE}, {{"or", "so"}, 2, PX_H_ABOUT},
};

static bool is_blank_before(const char *s, size_t p, size_t *q) {
  if (p >= 1 && (s[p - 1] == ' ' || s[p - 1] == '\t')) return *q = p - 1, true;
  if (p >= 2 && (unsigned char)s[p - 2] == 0xC2 && (unsigned char)s[p - 1] == 0xA0) return *q = p - 2, true;
  return false;
}

/* Comparison signs: < > = and the two-byte-lead signs <= >= as U+2264, U+2265. */
static size_t sign_len_at(const char *s, size_t len, size_t p) {
  if (s[p] == '<' || s[p] == '>' || s[p] == '=') return 1;
  if (p + 2 < len && (unsigned char)s[p] == 0xE2 && (unsigned char)s[p + 1] == 0x89 &&
      ((unsigned char)s[p + 2] == 0xA4 || (unsigned char)s[p + 2] == 0xA5))
    return 3;
  return 0;
}

static void set_low(hw *w, const char *s) {
  size_t n = w->end - w->start;
  if (n >= sizeof w->low) n = sizeof w->low - 1;
  for (size_t k = 0; k < n; k++) w->low[k] = (char)px_lower((unsigned char)s[w->start + k]);
  w->low[n] = '\0';
}

/* Up to `max` words before `pos`, nearest first; stops at punctuation, digits, line breaks. */
static int words_before(const char *s, size_t len, size_t pos, hw *w, int max) {
  int n = 0;
  size_t p = pos;
  while (n < max) {
    size_t q;
    while (is_blank_before(s, p, &q)) p = q;
    if (p == 0) break;
    size_t e = p, b = p;
    while (b > 0 && px_is_alpha((unsigned char)s[b - 1])) b--;
    if (b == e) {
      if (s[b - 1] == '<' || s[b - 1] == '>' || s[b - 1] == '=') b--;
      else if (b >= 3 && sign_len_at(s, len, b - 3) == 3) b -= 3;
      else break;
    } else if (b > 0 && ((unsigned char)s[b - 1] >= 0x80 || s[b - 1] == '-' || s[b - 1] == '\'')) {
      break; /* part of a longer word */
    }
    if (e - b >= sizeof w[n].low) break;
    w[n].start = b;
    w[n].end = e;
    set_low(&w[n], s);
    n++;
    p = b;
  }
  return n;
}

/* Up to `max` words after `pos`. */
static int words_after(const char *s, size_t len, size_t pos, hw *w, int max) {
  int n = 0;
  size_t p = pos;
  while (n < max && p < len) {
    p += px_na_blank(s, len, p);
    if (p >= len) break;
    size_t b = p, e = p;
    while (e < len && px_is_alpha((unsigned char)s[e])) e++;
    if (e == b) {
      size_t k = sign_len_at(s, len, b);
      if (!k) break;
      e = b + k;
    }
    if (e - b >= sizeof w[n].low) break;
    w[n].start = b;
    w[n].end = e;
    set_low(&w[n], s);
    n++;
    p = e;
  }
  return n;
}

static bool is_sign(const hw *w) { return !px_is_alpha((unsigned char)w->low[0]); }

/* Matches phrase `ph` against words (nearest first when `backward`). Returns its word count. */
static int match_phrase(const phrase *ph, const hw *w, int n, bool backward) {
  int k = ph->n;
  if (k > n) return 0;
  for (int i = 0; i < k; i++) {
    const hw *x = &w[backward ? k - 1 - i : i];
    if (x->low[0] != ph->w[i][0] || strcmp(x->low, ph->w[i]) != 0) return 0;
  }
  return k;
}

/* The scale word or suffix a number ends with ("3 million", "3m"): its value, else 0. */
static double trailing_scale(const char *s, const px_number *y) {
  size_t e = y->end, b = e;
  while (b > y->start && px_is_alpha((unsigned char)s[b - 1])) b--;
  size_t n = e - b;
  const char *w = s + b;
  static const struct {
    const char *w;
    double v;
  } sc[] = {{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12}, {"k", 1e3}, {"K", 1e3},
            {"m", 1e6},        {"M", 1e6},       {"mn", 1e6},      {"bn", 1e9},        {"b", 1e9}, {"tn", 1e12}};
  for (size_t k = 0; k < sizeof sc / sizeof *sc; k++)
    if (strlen(sc[k].w) == n && px_is_alpha((unsigned char)w[0]) &&
        (n > 2 ? strncmp(w, sc[k].w, n) == 0 || (px_lower((unsigned char)w[0]) == sc[k].w[0] && strncmp(w + 1, sc[k].w + 1, n - 1) == 0)
               : strncmp(w, sc[k].w, n) == 0))
      return sc[k].v;
  return 0;
}

/* Blanks only between a and b. */
static bool only_blanks(const char *s, size_t len, size_t a, size_t b) {
  return a <= b && a + px_na_blank(s, len, a) >= b;
}

/* A change is stated before `pos` ("rose from", "fell by", "going from"). */
static bool change_before(const char *s, size_t len, size_t pos) {
  static const char *const change[] = {"rose", "rise", "rises", "rising", "risen", "fell", "fall", "falls",
                                       "falling", "fallen", "increased", "increase", "increases", "increasing",
                                       "decreased", "decrease", "decreasing", "grew", "grow", "grown", "growing",
                                       "dropped", "drop", "dropping", "climbed", "climb", "climbing", "jumped",
                                       "jump", "declined", "decline", "declining", "went", "going", "gone", "cut",
                                       "raised", "lowered", "reduced", "doubled", "tripled", "halved", "shrank",
                                       "soared", "surged", "slid", "plunged", "up", "down", "by", "changed",
                                       "moved", "moving", "expanded", NULL};
  hw w[2];
  int n = words_before(s, len, pos, w, 2);
  for (int k = 0; k < n && k < 2; k++) {
    if (k == 1 && strcmp(w[0].low, "from") != 0) break;
    for (const char *const *c = change; *c; c++)
      if (strcmp(w[k].low, *c) == 0) return true;
  }
  return false;
}

/* Only a hyphen or a dash (and blanks) between a and b. */
static bool dash_between(const char *s, size_t len, size_t a, size_t b) {
  size_t p = a + px_na_blank(s, len, a);
  if (p < b && s[p] == '-') p++;
  else if (p + 3 <= b && (memcmp(s + p, "\xE2\x80\x93", 3) == 0 || memcmp(s + p, "\xE2\x80\x94", 3) == 0)) p += 3;
  else return false;
  return p + px_na_blank(s, len, p) == b;
}

/* Where a currency sign right before `p` begins ("$", "£", "€"), else p. */
static size_t currency_start(const char *s, size_t p) {
  if (p >= 1 && s[p - 1] == '$') return p - 1;
  if (p >= 2 && (unsigned char)s[p - 2] == 0xC2 && ((unsigned char)s[p - 1] == 0xA3 || (unsigned char)s[p - 1] == 0xA5))
    return p - 2;
  if (p >= 3 && memcmp(s + p - 3, "\xE2\x82\xAC", 3) == 0) return p - 3;
  return p;
}

/* "between 5 and 10", "from 5 to 10", "5 to 10", "two or three", "5 through 10". */
static bool two_number_range(const char *s, size_t len, const px_number *nums, size_t n, size_t i, size_t from,
                             px_hedge *h) {
  if (i + 1 >= n) return false;
  const px_number *x = &nums[i], *y = &nums[i + 1];
  const unsigned bad = PX_NUM_CHAINED | PX_NUM_ATTACHED | PX_NUM_RANGE;
  if ((x->flags | y->flags) & bad) return false;
  bool ord = x->flags & PX_NUM_ORDINAL;
  if (ord != !!(y->flags & PX_NUM_ORDINAL)) return false;
  hw wa[3], wb[3];
  if ((x->flags & y->flags & PX_NUM_PERCENT) && dash_between(s, len, x->end, y->start)) { /* "97%-98%" */
    *h = (px_hedge){PX_H_RANGE, from, y->end, x->value, y->value, i + 1};
    return y->value > x->value;
  }
  int na = words_after(s, len, x->end, wa, 2);
  if (na == 0) return false;
  size_t q = wa[0].end;
  if (ord && na > 1 && strcmp(wa[1].low, "the") == 0) q = wa[1].end;
  if (!only_blanks(s, len, q, y->start) && !only_blanks(s, len, q, currency_start(s, y->start))) return false;
  int nb = words_before(s, len, from, wb, 2), off = ord && nb > 0 && strcmp(wb[0].low, "the") == 0;
  const char *before = nb > off ? wb[off].low : "";
  const char *c = wa[0].low;
  size_t start = from;
  if (strcmp(c, "and") == 0) {
    if (strcmp(before, "between") != 0) return false;
    start = wb[off].start;
  } else if (strcmp(c, "to") == 0 || strcmp(c, "through") == 0) {
    if (strcmp(before, "from") == 0) start = wb[off].start;
    if (change_before(s, len, start)) return false; /* "rose from 10 to 20": two values, not a range */
  } else if (strcmp(c, "or") == 0) {
    if ((x->flags & PX_NUM_WORDS) != (y->flags & PX_NUM_WORDS) || (y->flags & PX_NUM_VAGUE)) return false;
  } else {
    return false;
  }
  double lo = x->value, hi = y->value, sc = trailing_scale(s, y);
  if (sc > 0 && trailing_scale(s, x) == 0 && lo * sc <= hi) lo *= sc; /* "2 to 3 million" */
  if (!(hi > lo)) return false;
  h->kind = PX_H_RANGE;
  h->start = start;
  h->end = y->end;
  h->lo = lo;
  h->hi = hi;
  h->second = i + 1;
  return true;
}

/* Whether the next number starts right after `pos` (then a trailing "or more than" is its hedge). */
static bool number_next(const char *s, size_t len, const px_number *nums, size_t n, size_t i, size_t pos) {
  return i + 1 < n && only_blanks(s, len, pos, nums[i + 1].start);
}

/* "or more", "or so", "300-plus", "300+", "300-odd" after the number. */
static px_hedge_kind after_hedge(const char *s, size_t len, const px_number *nums, size_t n, size_t i,
                                 px_hedge_kind before, size_t *end) {
  size_t e = nums[i].end;
  if (e < len && s[e] == '+' && !(e + 1 < len && px_is_digit((unsigned char)s[e + 1]))) return *end = e + 1, PX_H_GT;
  if (e + 4 < len && s[e] == '-' && (strncmp(s + e + 1, "plus", 4) == 0 || strncmp(s + e + 1, "odd", 3) == 0)) {
    size_t k = s[e + 1] == 'p' ? 5 : 4;
    if (e + k >= len || !px_is_alpha((unsigned char)s[e + k])) return *end = e + k, s[e + 1] == 'p' ? PX_H_GT : PX_H_ABOUT;
  }
  hw wa[4];
  int na = words_after(s, len, e, wa, 4);
  if (na >= 2 && strcmp(wa[0].low, "or") == 0 && strcmp(wa[1].low, "equal") == 0 &&
      (before == PX_H_GT || before == PX_H_LT)) {
    size_t f = na >= 3 && strcmp(wa[2].low, "to") == 0 ? wa[2].end : wa[1].end;
    if (number_next(s, len, nums, n, i, f)) return PX_H_NONE;
    *end = f;
    return before == PX_H_GT ? PX_H_GE : PX_H_LE;
  }
  for (size_t k = 0; k < sizeof after_phrases / sizeof *after_phrases; k++) {
    int m = match_phrase(&after_phrases[k], wa, na, false);
    if (!m) continue;
    size_t f = wa[m - 1].end;
    if (m < na && strcmp(wa[m].low, "than") == 0) f = wa[m].end;
    if (number_next(s, len, nums, n, i, f)) return PX_H_NONE;
    *end = f;
    return after_phrases[k].kind;
  }
  return PX_H_NONE;
}

/* A preposition that some word before governs is no hedge: "control over 98%",
 * "took over six districts", "concerns about three developments". */
static bool governed(const char *prep, const char *before) {
  static const char *const over[] = {
      "control", "authority", "power", "sovereignty", "jurisdiction", "hold", "grip", "sway", "influence",
      "dominance", "supremacy", "victory", "victories", "lead", "advantage", "edge", "concern", "concerns",
      "fears", "dispute", "disputes", "talks", "row", "clash", "clashes", "protest", "protests", "tension",
      "tensions", "anger", "outrage", "debate", "battle", "battles", "fight", "fighting", "war", "take", "takes",
      "took", "taken", "taking", "hand", "handed", "turn", "turned", "rule", "ruled", "preside", "presided",
      "fought", "argued", "won", "claim", "claimed", "prevail", "prevailed", "priority", "preference", NULL};
  static const char *const about[] = {
      "concern", "concerns", "concerned", "worry", "worries", "worried", "fear", "fears", "feared", "talk",
      "talks", "talked", "talking", "speak", "speaks", "spoke", "spoken", "know", "knows", "knew", "known",
      "think", "thinks", "thought", "care", "cares", "cared", "learn", "learned", "learnt", "hear", "heard",
      "ask", "asked", "asking", "write", "wrote", "written", "complain", "complained", "story", "stories",
      "question", "questions", "information", "doubt", "doubts", "warn", "warned", "warning", "debate", "argue",
      "argued", "joke", "joked", "something", "nothing", "anything", "everything", "uncertainty", "sure",
      "unsure", "clear", "serious", "honest", "happy", "angry", "nervous", "anxious", "optimistic",
      "pessimistic", "bring", "brought", "came", "come", NULL};
  static const char *const around[] = {"travel", "travelled", "traveled", "move", "moved", "walk", "walked",
                                       "look", "looked", "turn", "turned", "spread", "built", NULL};
  const char *const *list = strcmp(prep, "over") == 0 ? over : strcmp(prep, "about") == 0 ? about
                           : strcmp(prep, "around") == 0 ? around : NULL;
  for (; list && *list; list++)
    if (strcmp(before, *list) == 0) return true;
  return false;
}

void px_x_hedge(const char *s, size_t len, const px_number *nums, size_t n, size_t i, size_t from, px_hedge *h) {
  const px_number *x = &nums[i];
  *h = (px_hedge){PX_H_NONE, from, x->end, x->value, x->value, SIZE_MAX};
  if (x->flags & PX_NUM_RANGE) {
    h->kind = PX_H_RANGE;
    h->hi = x->value_max;
    return;
  }
  if (two_number_range(s, len, nums, n, i, from, h)) return;
  hw wb[8];
  int nb = words_before(s, len, from, wb, 7);
  int off = (x->flags & PX_NUM_ORDINAL) && nb > 0 && strcmp(wb[0].low, "the") == 0;
  int best = 0;
  px_hedge_kind kind = PX_H_NONE;
  for (size_t k = 0; k < sizeof before_phrases / sizeof *before_phrases; k++) {
    int m = match_phrase(&before_phrases[k], wb + off, nb - off, true);
    if (m > best) {
      best = m;
      kind = before_phrases[k].kind;
    }
  }
  if (best && off + best < nb && is_sign(&wb[off + best]) && is_sign(&wb[off])) best = 0, kind = PX_H_NONE; /* "<>30" */
  if (best == 1 && off + 1 < nb && governed(wb[off].low, wb[off + 1].low)) best = 0, kind = PX_H_NONE;
  size_t start = best ? wb[off + best - 1].start : from, end = x->end;
  px_hedge_kind after = after_hedge(s, len, nums, n, i, kind, &end);
  if (after == PX_H_GE || after == PX_H_LE) {
    if (kind != PX_H_EQ && kind != PX_H_GT && kind != PX_H_LT) start = from;
    kind = after;
  } else if (after != PX_H_NONE && kind == PX_H_NONE) {
    kind = after;
  } else {
    end = x->end;
  }
  h->kind = kind;
  h->start = start;
  h->end = end;
}

px_approx px_x_hedge_approx(px_hedge_kind k) {
  switch (k) {
  case PX_H_ABOUT: return PX_APPROX_ABOUT;
  case PX_H_GT: return PX_APPROX_MORE_THAN;
  case PX_H_GE: return PX_APPROX_AT_LEAST;
  case PX_H_LT: return PX_APPROX_LESS_THAN;
  case PX_H_LE: return PX_APPROX_UP_TO;
  case PX_H_RANGE: return PX_APPROX_RANGE;
  default: return PX_APPROX_EXACT;
  }
}

/* Lower and upper bounds joined by "and", "but" or a comma make one interval. */
static bool joinable(const char *s, size_t len, const px_numrange *a, const px_numrange *b) {
  bool a_lower = isinf(a->hi) && !isinf(a->lo), b_upper = isinf(b->lo) && !isinf(b->hi);
  bool a_upper = isinf(a->lo) && !isinf(a->hi), b_lower = isinf(b->hi) && !isinf(b->lo);
  if (!((a_lower && b_upper) || (a_upper && b_lower))) return false;
  double lo = a_lower ? a->lo : b->lo, hi = a_lower ? b->hi : a->hi;
  if (!(lo < hi)) return false;
  size_t p = a->end;
  p += px_na_blank(s, len, p);
  if (p < len && s[p] == ',') p++;
  hw w[2];
  int n = words_after(s, len, p, w, 1);
  if (n == 1 && (strcmp(w[0].low, "and") == 0 || strcmp(w[0].low, "but") == 0)) p = w[0].end;
  return only_blanks(s, len, p, b->start);
}

int px_x_number_ranges(const char *s, size_t len, const px_number *nums, size_t n, px_numrange **out) {
  *out = NULL;
  px_numrange *r = malloc((n + 1) * sizeof *r);
  if (!r) return PX_ENOMEM;
  size_t m = 0;
  for (size_t i = 0; i < n; i++) {
    if (nums[i].flags & (PX_NUM_ATTACHED | PX_NUM_CHAINED)) continue;
    px_hedge h;
    px_x_hedge(s, len, nums, n, i, nums[i].start, &h);
    double v = nums[i].value;
    px_numrange x = {h.start, h.end, -INFINITY, INFINITY, true, true};
    switch (h.kind) {
    case PX_H_GT: x.lo = v; break;
    case PX_H_GE: x.lo = v, x.lo_open = false; break;
    case PX_H_LT: x.hi = v; break;
    case PX_H_LE: x.hi = v, x.hi_open = false; break;
    case PX_H_EQ: x.lo = x.hi = v, x.lo_open = x.hi_open = false; break;
    case PX_H_RANGE: x.lo = h.lo, x.hi = h.hi, x.lo_open = false; break;
    default: continue;
    }
    if (m > 0 && joinable(s, len, &r[m - 1], &x)) {
      px_numrange *a = &r[m - 1];
      if (isinf(a->hi)) a->hi = x.hi, a->hi_open = x.hi_open;
      else a->lo = x.lo, a->lo_open = x.lo_open;
      a->end = x.end;
    } else {
      r[m++] = x;
    }
    if (h.second != SIZE_MAX) i = h.second;
  }
  *out = r;
  return (int)m;
}
