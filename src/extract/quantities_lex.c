/* quantities_lex.c - word knowledge of the quantities stage: the noun and unit
 * lexicons (generated from data/), plural and singular forms by general English
 * rules plus irregulars, the function words that end a noun phrase, and token
 * helpers. */
#include "quantities.h"

#include <string.h>

#include "quantities_table.h"

/* Lower-cases n bytes into buf (cap bytes); false when it does not fit. */
static bool lower_into(const char *w, size_t n, char *buf, size_t cap) {
  if (n == 0 || n >= cap) return false;
  for (size_t k = 0; k < n; k++) buf[k] = (char)px_lower((unsigned char)w[k]);
  buf[n] = '\0';
  return true;
}

static int cmp_key(const char *key, size_t klen, const char *w, size_t n) {
  size_t m = klen < n ? klen : n;
  int c = memcmp(key, w, m);
  return c ? c : (int)klen - (int)n;
}

px_qn_class px_qn_noun_class(const char *w, size_t n) {
  char low[48];
  if (!lower_into(w, n, low, sizeof low)) return PX_QN_OTHER;
  size_t lo = 0, hi = sizeof px_qnoun_table / sizeof *px_qnoun_table;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = cmp_key(px_qnoun_table[mid].w, px_qnoun_table[mid].len, low, n);
    if (c == 0) return (px_qn_class)px_qnoun_table[mid].cls;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  const char *h = memchr(w, '-', n); /* "asylum-seeker": its last part */
  if (h) {
    const char *last = w + n;
    while (last > w && last[-1] != '-') last--;
    return px_qn_noun_class(last, (size_t)(w + n - last));
  }
  return PX_QN_OTHER;
}

const px_qunit *px_qn_unit(const char *w, size_t n) {
  char low[24];
  if (!lower_into(w, n, low, sizeof low)) return NULL;
  size_t lo = 0, hi = sizeof px_qunit_table / sizeof *px_qunit_table;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = cmp_key(px_qunit_table[mid].w, px_qunit_table[mid].len, low, n);
    if (c == 0) return &px_qunit_table[mid];
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return NULL;
}

px_qty_category px_qn_category(px_qn_class c) {
  switch (c) {
  case PX_QN_PEOPLE: return PX_QTY_PEOPLE;
  case PX_QN_PLACES: return PX_QTY_PLACES;
  case PX_QN_TERRITORY: return PX_QTY_TERRITORY;
  case PX_QN_PART: return PX_QTY_OTHER; /* "two sides": territory only as what a share is of */
  case PX_QN_ORGANISATIONS: return PX_QTY_ORGANISATIONS;
  case PX_QN_OBJECTS: return PX_QTY_OBJECTS;
  case PX_QN_MONEY: return PX_QTY_MONEY;
  default: return PX_QTY_OTHER;
  }
}

static bool in_list(const char *low, const char *const *list) {
  for (; *list; list++)
    if (strcmp(low, *list) == 0) return true;
  return false;
}

/* Irregular plurals and their singulars; invariant nouns map to themselves. */
static const char *const irregular[][2] = {
    {"aircraft", "aircraft"}, {"analyses", "analysis"}, {"axes", "axis"},       {"bases", "base"},
    {"calves", "calf"},       {"cattle", "cattle"},     {"children", "child"},  {"crises", "crisis"},
    {"criteria", "criterion"}, {"data", "data"},        {"deer", "deer"},       {"feet", "foot"},
    {"fish", "fish"},         {"geese", "goose"},       {"halves", "half"},     {"headquarters", "headquarters"},
    {"knives", "knife"},      {"leaves", "leaf"},       {"lives", "life"},      {"loaves", "loaf"},
    {"media", "media"},       {"men", "man"},           {"mice", "mouse"},      {"oases", "oasis"},
    {"people", "people"},     {"personnel", "personnel"}, {"phenomena", "phenomenon"}, {"police", "police"},
    {"selves", "self"},       {"series", "series"},     {"sheep", "sheep"},     {"shelves", "shelf"},
    {"species", "species"},   {"staff", "staff"},       {"teeth", "tooth"},     {"theses", "thesis"},
    {"thieves", "thief"},     {"wives", "wife"},        {"wolves", "wolf"},     {"women", "woman"},
};

static const char *irregular_singular(const char *low) {
  for (size_t k = 0; k < sizeof irregular / sizeof *irregular; k++)
    if (strcmp(low, irregular[k][0]) == 0) return irregular[k][1];
  return NULL;
}

static bool ends(const char *low, size_t n, const char *suf) {
  size_t m = strlen(suf);
  return n >= m && memcmp(low + n - m, suf, m) == 0;
}

bool px_qn_plural(const char *w, size_t n) {
  char low[48];
  if (!lower_into(w, n, low, sizeof low)) return false;
  static const char *const not_plural[] = {"news", "series", "species", "this", "has", "was", "is", "its", "his",
                                           "as", "us", "yes", "less", "across", "unless", "plus", "thus", "towards",
                                           "besides", "perhaps", "always", "sometimes", "afterwards", "whereas",
                                           "chaos", "lens", "gas", "bus", "alas", "atlas", "canvas", "bias", NULL};
  if (irregular_singular(low)) return !in_list(low, not_plural);
  if (ends(low, n, "men") && n > 4) return true; /* gunmen, servicemen */
  if (n < 3 || low[n - 1] != 's' || in_list(low, not_plural)) return false;
  return !(ends(low, n, "ss") || ends(low, n, "us") || ends(low, n, "is") || ends(low, n, "ous") ||
           ends(low, n, "'s") || ends(low, n, "ics"));
}

/* Copies the singular stem (n bytes of w, then `add`) keeping w's case. */
static size_t emit(const char *w, size_t keep, const char *add, char *out, size_t cap) {
  size_t a = strlen(add);
  if (keep + a >= cap) return 0;
  memcpy(out, w, keep);
  memcpy(out + keep, add, a);
  out[keep + a] = '\0';
  return keep + a;
}

size_t px_qn_singular(const char *w, size_t n, char *out, size_t cap) {
  char low[48];
  if (!lower_into(w, n, low, sizeof low)) return emit(w, n < cap ? n : 0, "", out, cap);
  const char *irr = irregular_singular(low);
  if (irr) { /* keep a capital initial: "Children" -> "Child" */
    size_t k = emit(irr, strlen(irr), "", out, cap);
    if (k && px_is_upper((unsigned char)w[0])) out[0] = (char)(out[0] - 32);
    return k;
  }
  static const char *const ies_s[] = {"movies", "cookies", "zombies", "sorties", "calories", "rookies", "pies",
                                      "ties", "lies", "dies", "brownies", "hippies", "prairies", NULL};
  static const char *const oes_s[] = {"shoes", "toes", "canoes", "foes", "oboes", "hoes", NULL};
  if (ends(low, n, "men") && n > 4) return emit(w, n - 2, "an", out, cap);
  if (!px_qn_plural(w, n)) return emit(w, n, "", out, cap);
  if (ends(low, n, "ies") && n > 4 && !in_list(low, ies_s)) return emit(w, n - 3, "y", out, cap);
  if (ends(low, n, "sses") || ends(low, n, "shes") || ends(low, n, "ches") || ends(low, n, "xes") ||
      ends(low, n, "zzes"))
    return emit(w, n - 2, "", out, cap);
  if (ends(low, n, "uses") && !ends(low, n, "ouses") && !ends(low, n, "auses") && !ends(low, n, "urses") &&
      !ends(low, n, "fuses") && !ends(low, n, "cuses"))
    return emit(w, n - 2, "", out, cap); /* buses, viruses, campuses */
  if (ends(low, n, "oes") && !in_list(low, oes_s)) return emit(w, n - 2, "", out, cap); /* heroes */
  return emit(w, n - 1, "", out, cap);
}

/* Function words, and common verbs, that end a noun phrase; sorted (LC_ALL=C) for binary search. */
static const char *const stop_words[] = {
      "a", "about", "above", "according", "across", "added", "after", "against", "ago", "all", "alone",
      "already", "also", "although", "among", "amongst", "an", "and", "any", "apiece", "appeared", "are",
      "around", "arrived", "as", "at", "away", "back", "be", "became", "because", "been", "before", "began",
      "behind", "being", "below", "beside", "between", "beyond", "both", "but", "by", "came", "can", "could",
      "did", "died", "do", "does", "down", "dropped", "during", "each", "earlier", "even", "every", "fell",
      "fled", "for", "from", "gave", "got", "grew", "had", "has", "have", "having", "he", "her", "here", "him",
      "his", "hit", "i", "if", "in", "including", "inside", "instead", "into", "is", "it", "its", "joined",
      "just", "kept", "killed", "later", "least", "left", "less", "like", "lived", "lost", "made", "may", "me",
      "met", "might", "more", "most", "must", "my", "near", "no", "nor", "not", "now", "of", "off", "on",
      "only", "onto", "or", "our", "out", "outside", "over", "paid", "per", "ran", "remained", "reported",
      "respectively", "returned", "rose", "said", "saw", "say", "says", "seemed", "sent", "shall", "she",
      "should", "since", "so", "some", "spent", "stayed", "still", "stood", "struck", "than", "that", "the",
      "their", "them", "then", "there", "these", "they", "this", "those", "though", "thought", "through", "to",
      "told", "too", "took", "toward", "towards", "under", "until", "up", "upon", "us", "very", "via", "was",
      "we", "went", "were", "what", "when", "where", "whereas", "whether", "which", "while", "whilst", "who",
      "whom", "whose", "will", "with", "within", "without", "won", "would", "you", "your",
};

bool px_qn_stop_word(const px_xctx *x, size_t i) {
  char low[16];
  if (i >= x->n_tok || !lower_into(x->text + x->tok[i].start, px_x_tok_len(x, i), low, sizeof low)) return false;
  size_t lo = 0, hi = sizeof stop_words / sizeof *stop_words;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(stop_words[mid], low);
    if (c == 0) return true;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

bool px_qn_tok_in(const px_xctx *x, size_t i, const char *const *words) {
  char low[24];
  if (i >= x->n_tok || !lower_into(x->text + x->tok[i].start, px_x_tok_len(x, i), low, sizeof low)) return false;
  for (; *words; words++)
    if ((*words)[0] == low[0] && strcmp(*words, low) == 0) return true;
  return false;
}

size_t px_qn_tok_from(const px_xctx *x, size_t pos) {
  size_t lo = 0, hi = x->n_tok;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (x->tok[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

bool px_qn_title_case(const px_xctx *x, size_t i) {
  if (i >= x->n_tok || x->tok[i].aux >= x->n_sent) return false;
  const px_span *sent = &x->sent[x->tok[i].aux];
  size_t words = 0, caps = 0, first = px_qn_tok_from(x, sent->start), k = first;
  for (; k < x->n_tok && x->tok[k].start < sent->end && k < first + 40; k++) {
    if (x->tok[k].kind != PX_TOK_WORD || px_x_tok_len(x, k) < 4) continue;
    words++;
    caps += px_x_tok_capitalised(x, k);
  }
  bool longer = k < x->n_tok && x->tok[k].start < sent->end; /* a headline is short; a table is not one */
  return !longer && words >= 4 && caps * 10 >= words * 7;
}
