/* quantities_filter.c - numbers that count nothing: years ("in 2012"), days of
 * a month ("23 November", "Dec. 13"), durations and times of day ("five years",
 * "24-hour", "3 pm"), multiplicatives ("three times"), labels ("page 5",
 * "No. 3"), list markers ("1." opening an item), codes with leading zeros, and
 * numbers inside names ("Route 66", "the “1070 Apartments” area"). The times
 * and entities stages run first; their spans are honoured too. */
#include "quantities.h"

#include <string.h>

static const char *const months[] = {"january", "february", "march", "april", "may", "june", "july", "august",
                                     "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                                     "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", NULL};

static bool month_at(const px_xctx *x, size_t j) {
  return j < x->n_tok && px_x_tok_capitalised(x, j) && px_qn_tok_in(x, j, months);
}

static bool is_word(const px_xctx *x, size_t j) { return j < x->n_tok && x->tok[j].kind == PX_TOK_WORD; }

/* Index of the token just before the one starting at or after pos, or SIZE_MAX. */
static size_t tok_before(const px_xctx *x, size_t pos) {
  size_t k = px_qn_tok_from(x, pos);
  return k > 0 ? k - 1 : SIZE_MAX;
}

bool px_qn_time_after(const px_xctx *x, size_t pos) {
  size_t k = px_qn_tok_from(x, pos);
  if (k < x->n_tok && px_x_tok_is(x, k, "-") && x->tok[k].start == pos) k++;
  if (!is_word(x, k)) return false;
  const char *w = x->text + x->tok[k].start;
  size_t n = px_x_tok_len(x, k);
  const char *h = memchr(w, '-', n); /* "years-long" */
  if (h) n = (size_t)(h - w);
  char lemma[32];
  size_t m = px_qn_singular(w, n, lemma, sizeof lemma);
  static const char *const clock[] = {"am", "pm", "a.m.", "p.m.", "gmt", "utc", "o'clock", "hrs", NULL};
  return (m && px_qn_noun_class(lemma, m) == PX_QN_TIME) || px_qn_tok_in(x, k, clock);
}

/* A year: four digits 1000..2100 not followed by a plural noun or a unit. */
static bool year(const px_xctx *x, const px_number *q) {
  if (q->flags || q->end - q->start != 4 || q->value < 1000 || q->value > 2100 || q->value != (double)(long)q->value)
    return false;
  size_t k = px_qn_tok_from(x, q->end);
  if (is_word(x, k) && !px_x_tok_capitalised(x, k) && px_qn_plural(x->text + x->tok[k].start, px_x_tok_len(x, k)))
    return false; /* "2000 soldiers" */
  px_qhead h;
  return !px_qn_unit_after(x, q->end, &h);
}

/* A day of a month: "23 November", "November 23", "Dec. 13". */
static bool day_of_month(const px_xctx *x, const px_number *q) {
  if ((q->flags & ~(unsigned)PX_NUM_CHAINED) || q->value < 1 || q->value > 31 || q->end - q->start > 2) return false;
  size_t k = px_qn_tok_from(x, q->end), b = tok_before(x, q->start);
  if (month_at(x, k) || (k + 1 < x->n_tok && px_x_tok_is(x, k, "of") && month_at(x, k + 1))) return true;
  if (b != SIZE_MAX && px_x_tok_is(x, b, ".") && b > 0) b--;
  return b != SIZE_MAX && month_at(x, b);
}

/* A label or reference number: "page 5", "No. 3", "#4". */
static bool label(const px_xctx *x, const px_number *q) {
  static const char *const labels[] = {"page", "p", "pp", "chapter", "no", "nos", "no.", "number", "version",
                                       "level", "phase", "stage", "episode", "article", "section", "paragraph",
                                       "clause", "line", "item", "figure", "fig", "table", "room", "gate",
                                       "platform", "flight", "route", "highway", "resolution", "amendment", "grade",
                                       "class", "category", "type", "model", "size", "vol", "volume", "issue",
                                       "exhibit", "part", "step", "round", "apartment", "suite", NULL};
  size_t b = tok_before(x, q->start);
  if (b == SIZE_MAX || (q->flags & PX_NUM_WORDS)) return false;
  if (px_x_tok_is(x, b, "#") || px_x_tok_is(x, b, "\xE2\x84\x96")) return true;
  if (px_x_tok_is(x, b, ".") && b > 0) b--; /* "No. 3", "p. 5" */
  return px_qn_tok_in(x, b, labels);
}

/* An item marker: "1." or "2)" opening a paragraph or a line. */
static bool list_marker(const px_xctx *x, const px_number *q) {
  size_t p = q->start;
  while (p > 0 && (x->text[p - 1] == ' ' || x->text[p - 1] == '\t')) p--;
  if (p > 0 && x->text[p - 1] != '\n') return false;
  return q->end < x->len && (x->text[q->end] == '.' || x->text[q->end] == ')') &&
         (q->end + 1 >= x->len || px_is_space((unsigned char)x->text[q->end + 1]));
}

static bool all_caps(const px_xctx *x, size_t j) {
  for (size_t p = x->tok[j].start; p < x->tok[j].end; p++)
    if (px_is_lower((unsigned char)x->text[p])) return false;
  return true;
}

static bool quote_mark(const px_xctx *x, size_t j) {
  static const char *const q[] = {"\"", "'", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99", NULL};
  return j < x->n_tok && x->tok[j].kind == PX_TOK_PUNCT && px_qn_tok_in(x, j, q);
}

/* An age in apposition: "Piet Laskaris, 52, said" or "(52)" after a name;
 * or after "aged": "aged 19, 22 and 31". */
static bool age(const px_xctx *x, const px_number *q) {
  if (q->flags || q->value < 1 || q->value > 120) return false;
  size_t k = px_qn_tok_from(x, q->end), b = tok_before(x, q->start);
  for (size_t j = b, steps = 0; j != SIZE_MAX && steps < 8; j--, steps++) {
    if (px_x_tok_is(x, j, "aged") || px_x_tok_is(x, j, "ages") || px_x_tok_is(x, j, "age")) return true;
    if (!(x->tok[j].kind == PX_TOK_NUMBER || px_x_tok_is(x, j, ",") || px_x_tok_is(x, j, "and") ||
          px_x_tok_is(x, j, "or") || px_x_tok_is(x, j, "between")) || j == 0)
      break;
  }
  if (b == SIZE_MAX || b == 0 || k >= x->n_tok) return false;
  bool comma = px_x_tok_is(x, b, ",") && (px_x_tok_is(x, k, ",") || px_x_tok_is(x, k, "."));
  bool paren = px_x_tok_is(x, b, "(") && px_x_tok_is(x, k, ")");
  return (comma || paren) && is_word(x, b - 1) && px_x_tok_capitalised(x, b - 1) && !all_caps(x, b - 1);
}

/* A number inside a name: "Route 66", "“1070 Apartments”", "5 Broken Cameras". */
static bool in_name(const px_xctx *x, const px_number *q) {
  size_t k = px_qn_tok_from(x, q->end), b = tok_before(x, q->start);
  size_t first = px_qn_tok_from(x, q->start);
  if (first < x->n_tok && px_qn_title_case(x, first)) return false;
  static const char *const adverbs[] = {"nearly", "almost", "roughly", "approximately", "estimated", "exactly",
                                        "another", "yesterday", "today", "tomorrow", "overall", "altogether",
                                        "meanwhile", "monday", "tuesday", "wednesday", "thursday", "friday",
                                        "saturday", "sunday", "last", "next", "first", "total", "fully", NULL};
  if (b != SIZE_MAX && is_word(x, b) && px_x_tok_capitalised(x, b) && !all_caps(x, b) && x->tok[b].end < q->start &&
      !px_qn_stop_word(x, b) && !px_qn_tok_in(x, b, adverbs) && !month_at(x, b))
    return true; /* "Route 66", "Week 13", "Blues 3, Lightning 1" */
  if (!is_word(x, k) || !px_x_tok_capitalised(x, k) || all_caps(x, k)) return false;
  bool opened = b != SIZE_MAX && quote_mark(x, b) && x->tok[b].end == q->start;
  bool run = (is_word(x, k + 1) && px_x_tok_capitalised(x, k + 1) && !px_qn_stop_word(x, k + 1)) ||
             (quote_mark(x, k + 1) && x->tok[k + 1].start == x->tok[k].end);
  return opened || run;
}

/* Overlaps a time expression or a name the earlier stages found. */
static bool overlaps_layers(const px_xctx *x, const px_number *q) {
  size_t n;
  const px_time *t = px_doc_times(x->doc, &n);
  size_t lo = 0, hi = n;
  while (lo < hi) { /* first time ending after q->start */
    size_t mid = lo + (hi - lo) / 2;
    if (t[mid].end <= q->start) lo = mid + 1;
    else hi = mid;
  }
  for (size_t i = lo; i < n && i < lo + 4; i++)
    if (t[i].start < q->end && q->start < t[i].end) return true;
  const px_mention *m = px_doc_mentions(x->doc, &n);
  lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (m[mid].start < q->start) lo = mid + 1;
    else hi = mid;
  }
  for (size_t i = lo > 8 ? lo - 8 : 0; i < n && i < lo + 2; i++)
    if (m[i].kind == PX_MENTION_NAME && m[i].start < q->end && q->start < m[i].end) return true;
  return false;
}

/* Digits right next to other digits: a phone number or a code ("020 7946 0000"). */
static bool digit_run(const px_xctx *x, const px_number *nums, size_t n, size_t i) {
  const unsigned words = PX_NUM_WORDS | PX_NUM_PERCENT;
  if (nums[i].flags & words) return false;
  for (size_t k = i > 0 ? i - 1 : i + 1; k <= i + 1 && k < n; k += 2) {
    const px_number *a = k < i ? &nums[k] : &nums[i], *b = k < i ? &nums[i] : &nums[k];
    if (nums[k].flags & words) continue;
    size_t p = a->end;
    while (p < b->start && (x->text[p] == ' ' || x->text[p] == '\t')) p++;
    if (p == b->start && b->start > a->end) return true;
  }
  return false;
}

bool px_qn_excluded(const px_xctx *x, const px_number *nums, size_t n, size_t i, size_t end) {
  const px_number *q = &nums[i];
  if (digit_run(x, nums, n, i)) return true;
  size_t t = px_x_token_at(x, q->start);
  if (t < x->n_tok && (x->tok[t].kind == PX_TOK_URL || x->tok[t].kind == PX_TOK_EMAIL)) return true;
  if (!(q->flags & PX_NUM_WORDS) && x->text[q->start] == '0' && q->end - q->start > 1 &&
      px_is_digit((unsigned char)x->text[q->start + 1]))
    return true; /* "007", "020 7946" */
  if (year(x, q) || day_of_month(x, q) || label(x, q) || list_marker(x, q) || age(x, q)) return true;
  if (!(q->flags & PX_NUM_PERCENT) && px_qn_time_after(x, end)) return true;
  size_t k = px_qn_tok_from(x, end);
  if (px_x_tok_is(x, k, "times") || px_x_tok_is(x, k, "fold")) return true;
  return in_name(x, q) || overlaps_layers(x, q);
}
