/* quotes_np.c - the noun phrase that names a speaker next to a speech cue.
 *
 * There is no parser: a phrase is grown token by token from the cue outwards
 * and stops at punctuation, at clause words ("that", "which", "and", "was"),
 * at another cue, and at a determiner that is not preceded by a preposition
 * ("the news the minister said" starts at the second "the"; "an official in
 * the group said" runs on through "in the"). Every scan is bounded by a
 * fixed number of tokens so long sentences stay linear. */
#include "quotes.h"

#define MAX_CHUNK 16 /* tokens in one phrase */
#define MAX_PAREN 20 /* tokens inside a parenthesis a phrase may span */

static bool is_word(const px_xctx *x, size_t i) {
  return i < x->n_tok && (x->tok[i].kind == PX_TOK_WORD || x->tok[i].kind == PX_TOK_NUMBER);
}

static bool ends_with(const px_xctx *x, size_t i, const char *suf, size_t n) {
  size_t len = px_x_tok_len(x, i);
  if (len <= n + 2) return false;
  const char *t = x->text + x->tok[i].end - n;
  for (size_t k = 0; k < n; k++)
    if (px_lower((unsigned char)t[k]) != (unsigned char)suf[k]) return false;
  return true;
}

/* "and" joining two capitalised words ("Save the Children and Care International"). */
static bool name_and(const px_xctx *x, size_t j, size_t lo, size_t hi) {
  return px_x_tok_is(x, j, "and") && j > lo && j + 1 < hi && px_x_tok_capitalised(x, j - 1) &&
         px_x_tok_capitalised(x, j + 1);
}

/* Punctuation that belongs to the word before it: the apostrophe of "the
 * dockworkers' union" and the period of "St. Mary's" or "Gen. Doe". */
static bool glued(const px_xctx *x, size_t j) {
  if (j == 0 || j >= x->n_tok || x->tok[j].kind != PX_TOK_PUNCT || x->tok[j].start != x->tok[j - 1].end ||
      x->tok[j - 1].kind != PX_TOK_WORD)
    return false;
  const char *t = x->text + x->tok[j].start;
  size_t n = px_x_tok_len(x, j), pn = px_x_tok_len(x, j - 1);
  if ((n == 1 && t[0] == '\'') || (n == 3 && (unsigned char)t[0] == 0xE2 && (unsigned char)t[2] == 0x99))
    return x->text[x->tok[j - 1].end - 1] == 's';
  /* an abbreviation's period, when the sentence goes on after it */
  return n == 1 && t[0] == '.' && pn <= 4 && px_x_tok_capitalised(x, j - 1) && j + 1 < x->n_tok &&
         px_x_tok_capitalised(x, j + 1) &&
         px_x_sentence_at(x, x->tok[j + 1].start) == px_x_sentence_at(x, x->tok[j - 1].start);
}

/* Start of the phrase that ends at token e (exclusive), not before lo. */
static size_t chunk_back(const px_xctx *x, size_t e, size_t lo) {
  size_t k = e, count = 0;
  while (k > lo && count < MAX_CHUNK) {
    size_t j = k - 1;
    if (px_xq_tok_char(x, j, ')')) { /* "Prophet Muhammad (peace be upon him)" */
      size_t p = j;
      while (p > lo && j - p < MAX_PAREN && !px_xq_tok_char(x, p, '(')) p--;
      if (!px_xq_tok_char(x, p, '(') || p == lo) break;
      k = p;
      count++;
      continue;
    }
    if (glued(x, j) && j - 1 >= lo) {
      k = j - 1;
      count++;
      continue;
    }
    if (!is_word(x, j)) break;
    if (px_xq_is_break(x, j) && !name_and(x, j, lo, e)) break;
    /* an adverb is no part of a phrase ("... now with a straight face said"), but "the first" is */
    if (px_xq_is_skip(x, j) && !(j > lo && px_xq_is_det(x, j - 1))) break;
    px_xq_cue cue; /* another cue ends the phrase, but a participle may be in an apposition ("X, reporting from Y,") */
    if (px_xq_cue_at(x, j, &cue) && (cue.cls == PX_SPEECH_A || !ends_with(x, j, "ing", 3))) break;
    /* a participle opening the clause: "Relaying this news the minister ..." */
    if (ends_with(x, j, "ing", 3) && j + 1 < e && (px_xq_tok_lower(x, j) || j == lo) &&
        (px_xq_is_det(x, j + 1) || !px_xq_tok_lower(x, j + 1)))
      break;
    k = j;
    count++;
    if (px_xq_is_det(x, j) && !(j > lo && px_xq_is_prep(x, j - 1))) break;
  }
  while (k < e && px_xq_is_prep(x, k)) k++;
  return k;
}

/* A capitalised adjective of nationality ("Vestrian", "Lurish", "Calderese"). */
static bool nationality(const px_xctx *x, size_t i) {
  return ends_with(x, i, "an", 2) || ends_with(x, i, "ese", 3) || ends_with(x, i, "ish", 3) ||
         ends_with(x, i, "i", 1);
}

/* End of the phrase starting at token s (exclusive), not reaching hi. */
static size_t chunk_fwd(const px_xctx *x, size_t s, size_t hi, bool subject) {
  size_t k = s, content = 0;
  bool cap_run = false;
  while (k < hi && k - s < MAX_CHUNK) {
    if (px_xq_tok_char(x, k, '(')) {
      size_t p = k;
      while (p < hi && p - k < MAX_PAREN && !px_xq_tok_char(x, p, ')')) p++;
      if (p >= hi || !px_xq_tok_char(x, p, ')')) break;
      k = p + 1;
      continue;
    }
    if (!is_word(x, k)) break;
    px_xq_cue cue;
    /* "and" joins two phrases ("local and international groups"), not a phrase and a clause */
    bool joins = content && (px_x_tok_is(x, k, "and") || px_x_tok_is(x, k, "or")) && k + 1 < hi &&
                 is_word(x, k + 1) && !px_xq_is_break(x, k + 1) && !px_xq_is_skip(x, k + 1) &&
                 !px_xq_is_pronoun(x, k + 1) && !px_xq_cue_at(x, k + 1, &cue);
    if (px_xq_is_break(x, k) && !name_and(x, k, s, hi) && !joins) break;
    if (k > s && px_xq_cue_at(x, k, &cue)) break;
    if (content && px_xq_is_skip(x, k)) break;
    /* a determiner inside a phrase follows a preposition: "observers the plan has failed" is a clause */
    if (content && px_xq_is_det(x, k) && !px_xq_is_prep(x, k - 1) && !px_x_tok_is(x, k - 1, "and") &&
        !px_x_tok_is(x, k - 1, "or"))
      break;
    bool lower = px_xq_tok_lower(x, k);
    bool func = px_xq_is_det(x, k) || px_xq_is_prep(x, k);
    /* "said the ministry in a statement", "said X on Monday" */
    if (content && px_xq_is_prep(x, k) && !px_x_tok_is(x, k, "of") && !px_x_tok_is(x, k, "for") &&
        (px_x_tok_in(x, k + 1, (const char *const[]){"a", "an", "monday", "tuesday", "wednesday", "thursday",
                                                      "friday", "saturday", "sunday", NULL})))
      break;
    if (subject && content && lower && !func) {
      /* in a subject, "-ed" is a verb; so is a lower-case word after a name
       * ("Smith made"), unless the capitalised word was an adjective of
       * nationality ("the Vestrian discourse") or the word is a plural noun
       * ("Vestrian forces") rather than a verb with an object ("Smith sees no") */
      if (ends_with(x, k, "ed", 2)) break;
      bool object = px_xq_is_det(x, k + 1) || px_xq_is_pronoun(x, k + 1) ||
                    px_x_tok_in(x, k + 1, (const char *const[]){"no", "that", "him", "her", "them", "us", NULL});
      if (ends_with(x, k, "s", 1) && object) break;
      if (cap_run && !nationality(x, k - 1) && !ends_with(x, k, "s", 1)) break;
    }
    if (!func) {
      content++;
      cap_run = !lower;
    }
    k++;
    if (k < hi && glued(x, k)) k++;
  }
  while (k > s && (px_xq_is_prep(x, k - 1) || px_xq_is_det(x, k - 1))) k--;
  return k;
}

/* A phrase with at least one word that is not a determiner or preposition. */
static bool has_content(const px_xctx *x, size_t a, size_t b) {
  for (size_t k = a; k < b; k++)
    if (is_word(x, k) && !px_xq_is_det(x, k) && !px_xq_is_prep(x, k)) return true;
  return false;
}

/* Words that never name a speaker. */
static bool bad_np(const px_xctx *x, size_t a, size_t b) {
  static const char *const w[] = {"there", "here", "what", "this", "that", "these", "those", "which", "who",
                                  "nothing", "something", "everything", "anything", "nobody", "i", "you",
                                  "one", "all", "others", "some", "many", "most", "few", "both", "another",
                                  "none", "long", "much", "well", "far", NULL};
  return b == a + 1 && px_x_tok_in(x, a, w);
}

/* "X, the minister," before the separator at token c (a comma): fills np. */
static bool appos_back(const px_xctx *x, size_t c, size_t lo, px_xq_np *np) {
  size_t a = chunk_back(x, c, lo);
  if (a == c || !has_content(x, a, c)) return false;
  if (a > lo && px_xq_tok_char(x, a - 1, ',')) {
    size_t n = chunk_back(x, a - 1, lo);
    if (n < a - 1 && has_content(x, n, a - 1) && !bad_np(x, n, a - 1)) {
      /* an apposition opening with a participle or preposition is a clause, and a
       * lone lower-case word an adverb ("X, however, said"): keep the name only */
      bool clause = ends_with(x, a, "ing", 3) || px_xq_is_prep(x, a) || (c == a + 1 && px_xq_tok_lower(x, a));
      *np = (px_xq_np){n, clause ? a - 1 : c, a - 1};
      return true;
    }
  }
  return false;
}

/* Auxiliaries and control words between a subject and "to" + cue ("was able to report"). */
static bool control_word(const px_xctx *x, size_t i) {
  static const char *const w[] = {"able", "going", "about", "expected", "set", "due", "likely", "ready",
                                  "willing", "continued", "continues", "went", "goes", "on", "wants",
                                  "wanted", "tried", "tries", "sought", "seeks", "decided", "refused",
                                  "appeared", "seemed", "seems", "appears", "keen", "eager", "quick",
                                  "used", "began", "begins", "started", NULL};
  return px_x_tok_in(x, i, w) || px_xq_is_skip(x, i);
}

int px_xq_np_before(const px_xctx *x, size_t verb, size_t lo, px_xq_np *np) {
  size_t j = verb;
  while (j > lo && verb - j < 4 && px_xq_is_skip(x, j - 1)) j--;
  if (j > lo && px_x_tok_is(x, j - 1, "to")) {
    size_t t = j - 1, k = t;
    while (k > lo && t - k < 4 && control_word(x, k - 1)) k--;
    if (k == t) return PX_XQ_SUBJECT;
    j = k;
  }
  if (j > lo && (px_x_tok_is(x, j - 1, "and") || px_x_tok_is(x, j - 1, "but"))) return PX_XQ_SUBJECT;
  if (j > lo && px_xq_tok_char(x, j - 1, ',')) {
    if (appos_back(x, j - 1, lo, np)) return PX_XQ_FOUND;
    /* "The mayor, who has been in office since May, said": the phrase before ", who" */
    for (size_t k = j - 1; k > lo + 1 && j - k < 20; k--) {
      if (x->tok[k - 1].kind == PX_TOK_PUNCT && !px_xq_tok_char(x, k - 1, ',')) break;
      if (px_x_tok_in(x, k - 1, (const char *const[]){"who", "which", NULL}) && px_xq_tok_char(x, k - 2, ',')) {
        if (appos_back(x, k - 2, lo, np)) {
          np->last = np->head_last;
          return PX_XQ_FOUND;
        }
        size_t n = chunk_back(x, k - 2, lo);
        if (n == k - 2 || !has_content(x, n, k - 2) || bad_np(x, n, k - 2)) return PX_XQ_NONE;
        *np = (px_xq_np){n, k - 2, k - 2};
        return PX_XQ_FOUND;
      }
    }
    return PX_XQ_NONE;
  }
  if (j > lo && px_xq_tok_dash(x, j - 1)) return PX_XQ_SUBJECT; /* "The group - a ... - said" */
  size_t c = chunk_back(x, j, lo);
  /* only a prepositional phrase before the verb ("X, ..., now with a smile said"): the subject is further back */
  if (c < j && c > lo && px_xq_is_prep(x, c - 1)) return PX_XQ_SUBJECT;
  /* "a resident who fled said", "X, who said" */
  size_t r = c;
  if (r > lo && px_x_tok_in(x, r - 1, (const char *const[]){"who", "which", NULL}) && j - r < 8) {
    size_t w = r - 1;
    if (w > lo && px_xq_tok_char(x, w - 1, ',')) {
      if (!appos_back(x, w - 1, lo, np)) {
        size_t n = chunk_back(x, w - 1, lo);
        if (n == w - 1 || !has_content(x, n, w - 1)) return PX_XQ_NONE;
        *np = (px_xq_np){n, w - 1, w - 1};
      }
      return PX_XQ_FOUND;
    }
    size_t n = chunk_back(x, w, lo);
    if (n == w || !has_content(x, n, w)) return PX_XQ_NONE;
    *np = (px_xq_np){n, j, w};
    return PX_XQ_FOUND;
  }
  if (c == j || !has_content(x, c, j) || bad_np(x, c, j)) return PX_XQ_NONE;
  *np = (px_xq_np){c, j, j};
  return PX_XQ_FOUND;
}

bool px_xq_np_after(const px_xctx *x, size_t from, size_t hi, bool appos, px_xq_np *np) {
  size_t e = chunk_fwd(x, from, hi, false);
  if (e == from || !has_content(x, from, e) || bad_np(x, from, e)) return false;
  *np = (px_xq_np){from, e, e};
  if (appos && e + 1 < hi && px_xq_tok_char(x, e, ',') && !px_xq_tok_qmark(x, e + 1)) {
    size_t a = chunk_fwd(x, e + 1, hi, false);
    bool closed = a >= hi || px_xq_tok_char(x, a, ',') || px_xq_tok_char(x, a, '.');
    if (a > e + 1 && closed && has_content(x, e + 1, a)) np->last = a;
  }
  return true;
}

/* Words that open a sentence with a clause or phrase before its subject. */
static bool opener(const px_xctx *x, size_t i) {
  static const char *const w[] = {"as", "when", "while", "after", "before", "although", "though", "if",
                                  "since", "because", "despite", "regarding", "following", "in", "on",
                                  "at", "by", "during", "over", "under", "for", "with", "amid", "unlike",
                                  "like", "once", "until", "whilst", "according", "speaking", "asked",
                                  "to", "from", "within", "without", "whatever", "whether", NULL};
  return px_x_tok_in(x, i, w) || (is_word(x, i) && (ends_with(x, i, "ing", 3) || ends_with(x, i, "ed", 2)));
}

bool px_xq_subject(const px_xctx *x, size_t first, size_t hi, px_xq_np *np) {
  static const char *const conj[] = {"and", "but", "meanwhile", "however", "yet", "so", "then", "still",
                                     "also", "now", "moreover", "furthermore", "indeed", NULL};
  size_t k = first;
  while (k < hi && k - first < 3 && (px_x_tok_in(x, k, conj) || px_xq_tok_char(x, k, ','))) k++;
  if (k < hi && opener(x, k)) {
    size_t c = k;
    while (c < hi && c - k < 30 && !px_xq_tok_char(x, c, ',')) c++;
    if (c >= hi || !px_xq_tok_char(x, c, ',')) return false;
    k = c + 1;
  }
  if (k >= hi) return false;
  if (px_xq_is_pronoun(x, k)) {
    *np = (px_xq_np){k, k + 1, k + 1};
    return true;
  }
  size_t e = chunk_fwd(x, k, hi, true);
  if (e == k || !has_content(x, k, e) || bad_np(x, k, e)) return false;
  *np = (px_xq_np){k, e, e};
  if (e + 1 < hi && px_xq_tok_char(x, e, ',')) {
    size_t a = chunk_fwd(x, e + 1, hi, false);
    if (a > e + 1 && a < hi && px_xq_tok_char(x, a, ',') && has_content(x, e + 1, a)) np->last = a;
  }
  return true;
}
