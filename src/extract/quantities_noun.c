/* quantities_noun.c - what a number counts: a currency before it ("$", "£"), a
 * unit word after it ("kilometres squared", "dollars"), or the head noun of the
 * noun phrase that follows ("12 rebel-held neighbourhoods" -> neighbourhood,
 * "thousands of residents" -> resident), singularised. When the text names no
 * noun, the noun it implies ("the number of factions rose to 31"). */
#include "quantities.h"

#include <string.h>

static bool tok_word(const px_xctx *x, size_t i) { return i < x->n_tok && x->tok[i].kind == PX_TOK_WORD; }

/* Only blanks between a and b. */
static bool blanks_between(const px_xctx *x, size_t a, size_t b) {
  for (size_t p = a; p < b; p++) {
    unsigned char c = (unsigned char)x->text[p];
    if (!(c == ' ' || c == '\t' || c == 0xC2 || c == 0xA0)) return false;
  }
  return a <= b;
}

const char *px_qn_currency_before(const px_xctx *x, size_t start, size_t *sign_start) {
  const char *s = x->text;
  size_t p = start;
  if (p >= 1 && s[p - 1] == ' ') p--;
  else if (p >= 2 && (unsigned char)s[p - 2] == 0xC2 && (unsigned char)s[p - 1] == 0xA0) p -= 2;
  if (p >= 1 && s[p - 1] == '$') {
    size_t b = p - 1;
    while (b > 0 && px_is_upper((unsigned char)s[b - 1]) && p - 1 - b < 2) b--;
    if (b > 0 && px_is_alpha((unsigned char)s[b - 1])) b = p - 1;
    *sign_start = b;
    size_t n = p - 1 - b;
    if (n == 1 && s[b] == 'A') return "aud";
    if ((n == 1 && s[b] == 'C') || (n == 2 && memcmp(s + b, "CA", 2) == 0)) return "cad";
    if (n == 2 && memcmp(s + b, "HK", 2) == 0) return "hkd";
    if (n == 2 && memcmp(s + b, "NZ", 2) == 0) return "nzd";
    if (n == 1 && s[b] == 'S') return "sgd";
    return "usd";
  }
  static const struct {
    const char *sign;
    const char *unit;
  } signs[] = {{"\xC2\xA3", "gbp"},     {"\xE2\x82\xAC", "eur"}, {"\xC2\xA5", "jpy"},
               {"\xE2\x82\xB9", "inr"}, {"\xE2\x82\xBD", "rub"}, {"\xE2\x82\xBA", "try"}};
  for (size_t k = 0; k < sizeof signs / sizeof *signs; k++) {
    size_t n = strlen(signs[k].sign);
    if (p >= n && memcmp(s + p - n, signs[k].sign, n) == 0) {
      *sign_start = p - n;
      return signs[k].unit;
    }
  }
  static const char *const codes[] = {"USD", "GBP", "EUR", "JPY", "CHF", "CNY", "INR", "RUB", "CAD", "AUD"};
  static const char *const units[] = {"usd", "gbp", "eur", "jpy", "chf", "cny", "inr", "rub", "cad", "aud"};
  if (p < start && p >= 3 && (p == 3 || !px_is_alpha((unsigned char)s[p - 4]))) /* "USD 5" */
    for (size_t k = 0; k < sizeof codes / sizeof *codes; k++)
      if (memcmp(s + p - 3, codes[k], 3) == 0) {
        *sign_start = p - 3;
        return units[k];
      }
  return NULL;
}

/* "km" -> "km2": the area unit of a length unit, or NULL. */
static const char *area_of(const char *unit) {
  static const char *const len[] = {"km", "mile", "m", "ft", "yd", "cm", NULL};
  static const char *const area[] = {"km2", "mile2", "m2", "ft2", "yd2", "cm2"};
  for (size_t k = 0; len[k]; k++)
    if (strcmp(unit, len[k]) == 0) return area[k];
  return NULL;
}

bool px_qn_unit_after(const px_xctx *x, size_t pos, px_qhead *h) {
  size_t j = px_qn_tok_from(x, pos);
  if (j >= x->n_tok || !blanks_between(x, pos, x->tok[j].start)) return false;
  bool square = px_x_tok_is(x, j, "square") || px_x_tok_is(x, j, "sq");
  if (square) j += 1 + (j + 1 < x->n_tok && px_x_tok_is(x, j + 1, "."));
  if (px_x_tok_is(x, j, "us") && px_x_tok_is(x, j + 1, "dollars")) j++;
  if (!tok_word(x, j)) return false;
  const px_qunit *u = px_qn_unit(x->text + x->tok[j].start, px_x_tok_len(x, j));
  if (!u) return false;
  size_t end = x->tok[j].end;
  const char *s = x->text;
  bool area = square;
  if (px_x_tok_is(x, j + 1, "squared")) {
    area = true;
    end = x->tok[j + 1].end;
  } else if (end + 1 < x->len && (unsigned char)s[end] == 0xC2 && (unsigned char)s[end + 1] == 0xB2) {
    area = true; /* km² */
    end += 2;
  } else if (end < x->len && s[end] == '2' && (end + 1 >= x->len || !px_is_alnum((unsigned char)s[end + 1]))) {
    area = true; /* km2 */
    end += 1;
  }
  h->unit = u->unit;
  h->cls = (px_qn_class)u->cls;
  if (area) {
    const char *a = area_of(u->unit);
    if (!a) return false;
    h->unit = a;
    h->cls = PX_QN_TERRITORY;
  }
  h->end = end;
  h->capitalised = false;
  return true;
}

/* Sets h from the head word at token i. */
static bool head_from(px_xctx *x, size_t i, px_qhead *h) {
  const char *w = x->text + x->tok[i].start;
  size_t n = px_x_tok_len(x, i);
  char lemma[64];
  size_t m = px_qn_singular(w, n, lemma, sizeof lemma);
  if (m == 0) return false;
  const px_qunit *u = px_qn_unit(w, n);
  if (u) {
    h->unit = u->unit;
    h->cls = (px_qn_class)u->cls;
  } else {
    h->unit = px_doc_intern(x->doc, lemma, m);
    if (!h->unit) return false;
    h->cls = px_qn_noun_class(lemma, m);
  }
  h->capitalised = px_x_tok_capitalised(x, i) && !px_qn_title_case(x, i);
  h->plural = px_qn_plural(w, n);
  h->end = 0;
  return true;
}

static const char *const determiners[] = {"the", "these", "those", "their", "its", "his", "her", "our",
                                          "your", "my", "all", "such", NULL};

bool px_qn_counted_noun(px_xctx *x, size_t pos, bool singular, bool after_of, px_qhead *h) {
  size_t k = px_qn_tok_from(x, pos);
  if (after_of) {
    if (!px_x_tok_is(x, k, "of")) return false;
    k++;
    while (k < x->n_tok && px_qn_tok_in(x, k, determiners)) k++;
    if (k < x->n_tok && x->tok[k].kind == PX_TOK_NUMBER) k++; /* "11 of the 12 ports" */
  }
  size_t run[6], nr = 0;
  for (size_t j = k; j < x->n_tok && nr < 6; j++) {
    if (nr > 0 && !singular && (px_x_tok_is(x, j, "and") || px_x_tok_is(x, j, "or")) && tok_word(x, j + 1) &&
        !px_qn_stop_word(x, j + 1))
      continue; /* "false or misleading claims" */
    if (!tok_word(x, j) || px_qn_stop_word(x, j)) break;
    run[nr++] = j;
  }
  if (nr == 0) return false;
  if (!singular) {
    for (size_t r = 0; r < nr; r++)
      if (px_qn_plural(x->text + x->tok[run[r]].start, px_x_tok_len(x, run[r]))) return head_from(x, run[r], h);
    return false;
  }
  size_t last = run[0];
  for (size_t r = 1; r < nr; r++) { /* "one hospital remains open": stop at a likely verb */
    const char *w = x->text + x->tok[run[r]].start;
    size_t n = px_x_tok_len(x, run[r]);
    if ((n > 2 && w[n - 1] == 's') || (n > 3 && w[n - 2] == 'e' && w[n - 1] == 'd')) break;
    last = run[r];
  }
  return head_from(x, last, h);
}

/* After a number with no noun, what makes the noun implied: a verb or the end
 * of a clause ("more than 1,000 have fled", "rose to 31, including").
 * "999 and rising" names no noun. */
static bool clause_goes_on(const px_xctx *x, size_t k) {
  static const char *const verbs[] = {"have", "has", "had", "were", "was", "are", "is", "will", "would", "could",
                                      "can", "may", "might", "must", "should", "did", "do", "does", "including",
                                      "remain", "remained", "among", NULL};
  if (k >= x->n_tok) return true;
  if (x->tok[k].kind == PX_TOK_PUNCT) return !px_x_tok_is(x, k, "-");
  if (x->tok[k].kind != PX_TOK_WORD) return false;
  size_t n = px_x_tok_len(x, k);
  const char *w = x->text + x->tok[k].start;
  return px_qn_tok_in(x, k, verbs) || (n > 3 && w[n - 2] == 'e' && w[n - 1] == 'd');
}

bool px_qn_implied_noun(px_xctx *x, size_t start, size_t end, px_qhead *h) {
  int32_t s = px_x_sentence_at(x, start);
  if (s < 0 || !clause_goes_on(x, px_qn_tok_from(x, end))) return false;
  size_t first = px_qn_tok_from(x, x->sent[s].start), k = px_qn_tok_from(x, start);
  size_t lo = k > first + 60 ? k - 60 : first;
  for (size_t j = k; j-- > lo;) { /* "the number of factions ... rose to 31" */
    if (px_x_tok_is(x, j, "number") && px_x_tok_is(x, j + 1, "of") && px_qn_counted_noun(x, x->tok[j].end, false, true, h))
      return true;
  }
  for (size_t j = k; j-- > lo;) { /* "fighters ... and more than 1,000 have fled" */
    if (!tok_word(x, j)) continue;
    const char *w = x->text + x->tok[j].start;
    size_t n = px_x_tok_len(x, j);
    char lemma[64];
    if (!px_qn_plural(w, n)) continue;
    size_t m = px_qn_singular(w, n, lemma, sizeof lemma);
    if (m && px_qn_noun_class(lemma, m) == PX_QN_PEOPLE) return head_from(x, j, h);
  }
  return false;
}

bool px_qn_antecedent(px_xctx *x, size_t start, px_qhead *h) {
  int32_t s = px_x_sentence_at(x, start);
  if (s < 0) return false;
  size_t first = px_qn_tok_from(x, x->sent[s].start), k = px_qn_tok_from(x, start);
  size_t lo = k > first + 40 ? k - 40 : first;
  for (size_t j = k; j-- > lo;) { /* "seized the old docks and captured three others" */
    if (!tok_word(x, j) || px_x_tok_is(x, j, "others")) continue;
    const char *w = x->text + x->tok[j].start;
    size_t n = px_x_tok_len(x, j);
    char lemma[64];
    if (!px_qn_plural(w, n)) continue;
    size_t m = px_qn_singular(w, n, lemma, sizeof lemma);
    px_qn_class c = m ? px_qn_noun_class(lemma, m) : PX_QN_OTHER;
    if (c == PX_QN_PEOPLE || c == PX_QN_PLACES || c == PX_QN_ORGANISATIONS || c == PX_QN_OBJECTS)
      return head_from(x, j, h);
  }
  return false;
}
