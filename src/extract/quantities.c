/* quantities.c - the quantities stage: every number that counts or measures
 * something (corpus guidelines, docs/schema.md), with its hedge, unit or
 * counted noun, coarse category and what it is a share of.
 *
 * px_find_numbers() reads the numbers of the whole text once; each is then
 * judged from the words around it: its hedge and range (quantities_approx.c),
 * whether it counts anything at all (quantities_filter.c), what it counts
 * (quantities_noun.c) and what it is a part of (quantities_of.c). */
#include "quantities.h"
#include "quantities_approx.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* "one" by itself is a count only as "just one", "only one", "more than one",
 * "at least one" or in a range ("one or two"); elsewhere it is a pronoun or
 * an indefinite determiner ("one of the", "one official said"). */
static bool bare_one(const px_xctx *x, const px_number *v) {
  if (!(v->flags & PX_NUM_WORDS) || v->value != 1 || v->end - v->start != 3) return false;
  const char *t = x->text + v->start;
  return px_lower((unsigned char)t[0]) == 'o' && px_lower((unsigned char)t[1]) == 'n' && px_lower((unsigned char)t[2]) == 'e';
}

static bool one_counts(const px_xctx *x, const px_number *v, px_hedge_kind k) {
  size_t j = px_qn_tok_from(x, v->end);
  if (j >= x->n_tok || x->tok[j].kind != PX_TOK_WORD || px_qn_stop_word(x, j)) return false; /* "one of", "one which" */
  if (k == PX_H_GT || k == PX_H_GE || k == PX_H_RANGE || k == PX_H_EQ) return true;
  size_t b = px_qn_tok_from(x, v->start);
  if (b < 1 || !(px_x_tok_is(x, b - 1, "just") || px_x_tok_is(x, b - 1, "only"))) return false;
  return !(b >= 2 && px_x_tok_is(x, b - 2, "the"));
}

/* A share word needs what it is a share of: "half the city", "a third of the
 * territory", "more than half"; not "the second half", "a third country". */
static bool share_counts(const px_xctx *x, const px_number *v, px_hedge_kind k) {
  const char *t = x->text + v->start;
  bool half = v->end - v->start == 4 && px_lower((unsigned char)t[0]) == 'h';
  bool a_share = px_lower((unsigned char)t[0]) == 'a' && (t[1] == ' ' || px_lower((unsigned char)t[1]) == 'n');
  if (!half && !a_share) return true;
  if (k != PX_H_NONE && k != PX_H_EQ) return true;
  size_t j = px_qn_tok_from(x, v->end), b = px_qn_tok_from(x, v->start);
  static const char *const after_half[] = {"of", "the", "its", "their", "his", "her", "our", "your", "my", "a",
                                           "an", "all", "these", "those", "this", "that", NULL};
  static const char *const before_half[] = {"a", "the", "first", "second", "other", "and", "one", NULL};
  if (half) return px_qn_tok_in(x, j, after_half) && !(b > 0 && px_qn_tok_in(x, b - 1, before_half));
  return px_x_tok_is(x, j, "of");
}

/* Digits glued to a unit: "29km", "5kg". */
static bool glued_unit(const px_xctx *x, const px_number *v, px_qhead *h) {
  size_t p = v->end, e = p;
  while (e < x->len && px_is_alpha((unsigned char)x->text[e])) e++;
  const px_qunit *u = px_qn_unit(x->text + p, e - p);
  if (!u || u->cls == PX_QN_MONEY) return false;
  h->unit = u->unit;
  h->cls = (px_qn_class)u->cls;
  h->end = e;
  if (e < x->len && x->text[e] == '2' && strcmp(u->unit, "km") == 0) h->unit = "km2", h->cls = PX_QN_TERRITORY, h->end++;
  return true;
}

static px_qty_category share_category(px_qn_class c) {
  return c == PX_QN_PLACES || c == PX_QN_TERRITORY || c == PX_QN_PART ? PX_QTY_TERRITORY : px_qn_category(c);
}

/* What nums[i] counts: unit, category and `of`; false when it counts nothing. */
static bool what(px_xctx *x, const px_number *v, const char *currency, px_quantity *q) {
  px_qhead h = {0};
  bool fraction = (v->flags & PX_NUM_FRACTION) && q->value <= 1;
  size_t end = q->end;
  if (v->flags & PX_NUM_PERCENT) {
    q->unit = v->flags & PX_NUM_POINTS ? "percentage point" : "percent";
  } else if (fraction) {
    q->unit = "fraction";
  } else if (currency) {
    q->unit = currency;
    q->category = PX_QTY_MONEY;
  } else if ((v->flags & PX_NUM_ATTACHED) ? glued_unit(x, v, &h) : px_qn_unit_after(x, end, &h)) {
    q->unit = h.unit;
    q->category = px_qn_category(h.cls);
    if (h.end > end) end = h.end;
  } else if (v->flags & PX_NUM_ATTACHED) {
    return false;
  } else {
    bool one = q->value == 1 && !(v->flags & PX_NUM_VAGUE);
    bool found = (v->flags & PX_NUM_VAGUE) ? px_qn_counted_noun(x, end, false, true, &h)
                                           : px_qn_counted_noun(x, end, one, false, &h) ||
                                                 px_qn_counted_noun(x, end, false, true, &h);
    if (!found) found = px_qn_implied_noun(x, q->start, end, &h);
    if (found && strcmp(h.unit, "other") == 0) px_qn_antecedent(x, q->start, &h); /* "three others" */
    if (found && h.cls == PX_QN_TIME) return false; /* "hundreds of years" */
    q->unit = found ? h.unit : NULL;
    q->category = found ? px_qn_category(h.cls) : PX_QTY_OTHER;
    if (found && h.cls == PX_QN_OTHER && h.capitalised && h.plural) q->category = PX_QTY_PEOPLE; /* "thousands of Vestrians" */
  }
  q->end = end;
  bool share = (v->flags & PX_NUM_PERCENT) || fraction || q->category == PX_QTY_TERRITORY;
  px_qn_class oc;
  if (share && px_qn_of_phrase(x, end, fraction, &q->of_start, &q->of_end, &oc)) {
    if (oc == PX_QN_TIME) return false; /* "half of the year" */
    if ((v->flags & PX_NUM_PERCENT) || fraction) q->category = share_category(oc);
  }
  return true;
}

/* Builds the quantity of nums[i]; *skip gets the index of the last number it used. */
static bool build(px_xctx *x, const px_number *nums, size_t n, size_t i, px_quantity *q, size_t *skip) {
  const px_number *v = &nums[i], *last = v;
  *skip = i;
  if (v->flags & (PX_NUM_ORDINAL | PX_NUM_CHAINED | PX_NUM_COMPOUND)) return false;
  size_t start = v->start;
  const char *currency = px_qn_currency_before(x, v->start, &start);
  px_hedge h;
  px_x_hedge(x->text, x->len, nums, n, i, start, &h);
  memset(q, 0, sizeof *q);
  q->value = v->value;
  q->value_max = NAN;
  if (h.kind == PX_H_RANGE) {
    q->value = h.lo;
    q->value_max = h.hi;
    if (h.second != SIZE_MAX) {
      last = &nums[h.second];
      *skip = h.second;
      if (nums[h.second].flags & PX_NUM_PERCENT) q->value_max = h.hi; /* "5 to 10 percent" */
    }
  }
  if (px_qn_excluded(x, nums, n, i, last->end) || (last != v && px_qn_excluded(x, nums, n, *skip, last->end)))
    return false;
  if (bare_one(x, v) && !one_counts(x, v, h.kind)) return false;
  if ((v->flags & PX_NUM_FRACTION) && !share_counts(x, v, h.kind)) return false;
  q->start = h.start < start ? h.start : start;
  q->end = h.end > last->end ? h.end : last->end;
  px_number unit_of = *v;
  if (last != v) unit_of.flags |= last->flags & PX_NUM_PERCENT;
  if (!what(x, &unit_of, currency, q)) return false;
  q->approx = px_x_hedge_approx(h.kind);
  if ((v->flags & PX_NUM_VAGUE) && q->approx == PX_APPROX_EXACT) q->approx = PX_APPROX_ABOUT;
  q->sentence = px_x_sentence_at(x, q->start);
  q->source = -1;
  q->in_quote = px_x_in_quote(x, v->start);
  return true;
}

int px_x_quantities(px_xctx *x) {
  px_number *nums = NULL;
  int n = px_find_numbers(x->text, x->len, &nums);
  if (n < 0) return n;
  int rc = PX_OK;
  for (size_t i = 0; i < (size_t)n && rc == PX_OK; i++) {
    px_quantity q;
    size_t skip;
    if (build(x, nums, (size_t)n, i, &q, &skip) && px_doc_push_quantity(x->doc, &q) < 0) rc = PX_ENOMEM;
    i = skip;
  }
  free(nums);
  return rc;
}
