/* quantities_of.c - what a share is taken of: the noun phrase after "of" ("98%
 * of East Port" -> "East Port", "a third of the territory they had held"), or
 * right after "half" ("half the city"). The phrase keeps its determiner and
 * one nested "of" ("the eastern part of the city") and stops at punctuation,
 * a preposition, a conjunction or a verb; a relative clause ("they had held"),
 * a participle's agent ("controlled by the militants") or an adverb's phrase
 * ("previously under occupation") stays attached. */
#include "quantities.h"

#include <string.h>

static const char *const np_start[] = {"the", "a", "an", "its", "their", "his", "her", "our", "your", "my",
                                       "this", "that", "these", "those", "all", NULL};
static const char *const subject[] = {"they", "he", "she", "we", "i", "you", "it", NULL};

static bool is_word(const px_xctx *x, size_t j) { return j < x->n_tok && x->tok[j].kind == PX_TOK_WORD; }

static bool ends_with(const px_xctx *x, size_t j, const char *suf) {
  size_t n = px_x_tok_len(x, j), m = strlen(suf);
  return n > m + 1 && memcmp(x->text + x->tok[j].end - m, suf, m) == 0;
}

/* After a noun: an adverb ("previously") or a participle before "by" or a
 * preposition ("controlled by", "held in") is no head. */
static bool adverb_or_participle(const px_xctx *x, size_t j, size_t head) {
  if (head == SIZE_MAX) return false;
  if (ends_with(x, j, "ly")) return true;
  return (ends_with(x, j, "ed") || px_x_tok_is(x, j, "held")) && j + 1 < x->n_tok && px_qn_stop_word(x, j + 1);
}

/* In "of the eastern city" or "of East Port", the word before j modifies j;
 * in "of the city fell" it does not (the phrase has ended). */
static bool modifier_before(const px_xctx *x, size_t j) {
  size_t p = j - 1;
  if (px_x_tok_capitalised(x, p) && px_x_tok_capitalised(x, j)) return true;
  static const char *const suf[] = {"ern", "ed", "al", "ian", "ic", "ive", "ful", "ous", "ing", "ese", "ish", "ary", NULL};
  for (const char *const *s = suf; *s; s++)
    if (ends_with(x, p, *s)) return true;
  return memchr(x->text + x->tok[p].start, '-', px_x_tok_len(x, p)) != NULL; /* "rebel-held" */
}

/* Words of a plain noun phrase from k on (determiners only first); returns one past the last. */
static size_t plain_np(const px_xctx *x, size_t k, size_t limit) {
  size_t j = k;
  while (j < x->n_tok && j < limit && is_word(x, j) && (!px_qn_stop_word(x, j) || (j == k && px_qn_tok_in(x, j, np_start))))
    j++;
  return j;
}

bool px_qn_of_phrase(const px_xctx *x, size_t pos, bool direct, size_t *of_start, size_t *of_end, px_qn_class *cls) {
  size_t k = px_qn_tok_from(x, pos);
  if (px_x_tok_is(x, k, "of")) k++;
  else if (!direct || !px_qn_tok_in(x, k, np_start)) return false;
  size_t limit = k + 16, j = k, last = SIZE_MAX, head = SIZE_MAX, nested_words = 0;
  bool nested = false, head_done = false;
  for (; j < x->n_tok && j < limit; j++) {
    if (px_x_tok_is(x, j, "of") && !nested && last != SIZE_MAX && is_word(x, j + 1)) {
      nested = true;
      continue;
    }
    if (is_word(x, j)) {
      bool first = j == k || px_x_tok_is(x, j - 1, "of");
      bool det = first && px_qn_tok_in(x, j, np_start);
      if (px_qn_stop_word(x, j) && !det) break;
      if (nested && !det && nested_words++ > 0 && !modifier_before(x, j)) break; /* "of the city | fell" */
      if (last != SIZE_MAX && ends_with(x, j, "ed") && px_qn_plural(x->text + x->tok[last].start, px_x_tok_len(x, last)))
        break; /* "of the workers | voted" */
      last = j;
      if (!nested && !head_done && !det && !adverb_or_participle(x, j, head)) head = j;
      if (head != SIZE_MAX && head != j && ends_with(x, j, "ly")) head_done = true; /* "the territory previously ..." */
      continue;
    }
    if (x->tok[j].kind == PX_TOK_NUMBER && last != SIZE_MAX) {
      last = j;
      continue;
    }
    if (px_x_tok_is(x, j, ".") && last == j - 1 && px_x_tok_len(x, last) == 1 && px_x_tok_capitalised(x, last) &&
        px_x_tok_capitalised(x, j + 1)) /* "E. Port" */
      continue;
    break;
  }
  if (last == SIZE_MAX || head == SIZE_MAX) return false;
  if (px_qn_tok_in(x, j, subject) && j == last + 1) { /* "the territory they had held": auxiliaries, one verb */
    static const char *const aux[] = {"had", "has", "have", "was", "were", "is", "are", "would", "will", "could",
                                      "can", "once", "previously", "still", "already", "had", "been", NULL};
    size_t e = j + 1;
    while (e < x->n_tok && e < j + 5 && px_qn_tok_in(x, e, aux)) e++;
    if (is_word(x, e) && !px_qn_stop_word(x, e)) last = e;
  } else if (px_x_tok_is(x, j, "by") && j == last + 1 && (ends_with(x, last, "ed") || px_x_tok_is(x, last, "held"))) {
    size_t e = plain_np(x, j + 1, j + 8); /* "controlled by the militants" */
    if (e > j + 1) last = e - 1;
  } else if (j == last + 1 && ends_with(x, last, "ly") && is_word(x, j) && px_qn_stop_word(x, j)) {
    size_t e = plain_np(x, j + 1, j + 8); /* "previously under foreign occupation" */
    if (e > j + 1) last = e - 1;
  }
  *of_start = x->tok[k].start;
  *of_end = x->tok[last].end;
  const char *w = x->text + x->tok[head].start;
  size_t n = px_x_tok_len(x, head);
  char lemma[64];
  size_t m = px_qn_singular(w, n, lemma, sizeof lemma);
  *cls = m ? px_qn_noun_class(lemma, m) : PX_QN_OTHER;
  if (*cls == PX_QN_OTHER && px_x_tok_capitalised(x, head) && !px_qn_title_case(x, head))
    *cls = px_qn_plural(w, n) ? PX_QN_PEOPLE : PX_QN_TERRITORY; /* "of Vestrians", "of East Port" */
  return true;
}
