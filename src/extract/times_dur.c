/* times_dur.c - durations and sets.
 *
 * Durations: "five years", "24 months", "two and a half years", "an hour and a
 * half", "five-year", "24-hour", "month-long", "the last 24 hours", "the next
 * few days", "several more months", "a matter of days", "another week", "all
 * day", bare plurals ("for years", "days of fighting"), ranges ("two or three
 * days": P2D..P3D). Hedges ("about", "over") are added by times.c.
 * Sets: "weekly", "daily", "every day", "every two weeks", "on Mondays",
 * "per day", and "a month" after an amount ("£5 a month", "twice a week").
 */
#include "times.h"

#include <stdio.h>
#include <string.h>

static void lit(tx_m *m, int type, const char *v, const char *vmax) {
  m->op = OP_LIT, m->type = (uint8_t)type;
  snprintf(m->lit, sizeof m->lit, "%s", v);
  snprintf(m->lit2, sizeof m->lit2, "%s", vmax ? vmax : "");
}

static void lit_amount(tx_m *m, const tx_amount *a) {
  char v[20], hi[20];
  px_tx_dur_value(a, false, v, sizeof v);
  if (a->vmax > 0) px_tx_dur_value(a, true, hi, sizeof hi);
  lit(m, PX_TIME_DURATION, v, a->vmax > 0 ? hi : NULL);
}

/* Words before a bare plural unit that make it something other than a vague duration
 * ("the days", "their years", "early years"). */
static bool bare_blocked(const tx_ctx *c, size_t i) {
  static const char *const det[] = {"the", "these", "those", "their", "his", "her", "its", "our", "my",
                                    "your", "whose", "what", "which", "early", "final", "last", "first",
                                    "recent", "past", "coming", "following", "next", "previous", "same",
                                    "other", "such", "school", "old", "golden", "light", "happy", "better",
                                    "dark", "darkest", "good", "great", "best", "latter", "later", "earlier",
                                    "younger", "formative", "teenage", "student", "college", "glory", NULL};
  const tx_tok *t = c->t;
  if (i == 0 || !tx_same_sent(&t[i - 1], &t[i])) return false;
  const tx_tok *p = &t[i - 1];
  if ((p->tf & TT_POSS) || p->kind == PX_TOK_NUMBER || p->cls == TW_ORD) return true;
  if (p->kind != PX_TOK_WORD) return false;
  for (const char *const *w = det; *w; w++)
    if (tx_word_is(c, p, *w)) return true;
  return false;
}

/* "the last 24 hours", "the past week", "the next few days", "the following weeks", "past six years". */
static size_t span_dur(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  bool the = tx_kw(&t[i], K_THE);
  size_t j = i + the;
  const tx_tok *w = &t[j];
  if (!the && tx_kw(w, K_LAST) && i > 0 && tx_same_sent(&t[i - 1], w) &&
      (tx_kw(&t[i - 1], K_TO) || tx_word_is(c, &t[i - 1], "will") || tx_word_is(c, &t[i - 1], "would") ||
       tx_word_is(c, &t[i - 1], "could") || tx_word_is(c, &t[i - 1], "can") || tx_word_is(c, &t[i - 1], "may") ||
       tx_word_is(c, &t[i - 1], "might") || tx_word_is(c, &t[i - 1], "not") || tx_word_is(c, &t[i - 1], "did")))
    return 0; /* the verb: "meant to last 72 hours" */
  bool back = tx_kw(w, K_LAST) || tx_kw(w, K_PAST) || tx_kw(w, K_PREVIOUS);
  bool fwd = tx_kw(w, K_NEXT) || tx_kw(w, K_COMING) || tx_kw(w, K_FOLLOWING);
  bool first = the && w->cls == TW_ORD && w->val == 1;
  if (!back && !fwd && !first) return 0;
  tx_amount a;
  size_t k = px_tx_amount(c, j + 1, &a, true);
  if (k == j + 1) { /* a singular unit: "the past week", "the last hour" */
    int u = tx_valof(&t[j + 1], TW_UNIT);
    if (!the || u < U_MIN || u > U_CENTURY || (t[j + 1].lf & (TF_PLURAL | TF_ABBR))) return 0;
    if (tx_kw(w, K_FOLLOWING) || tx_kw(w, K_PREVIOUS) || (tx_kw(w, K_NEXT) && u == U_DAY)) return 0; /* dates */
    if (tx_kw(&t[j + 2], K_OF)) return 0; /* "the last week of November" */
    memset(&a, 0, sizeof a);
    a.v[u] = 1, a.unit = (uint8_t)u, a.units = 1;
    k = j + 2;
  } else if (!the && a.vague && !tx_kw(&t[j + 1], K_FEW) && !tx_kw(&t[j + 1], K_A)) return 0;
  if (first && a.vague) return 0;
  lit_amount(m, &a);
  return k;
}

/* "five years", "24-hour", "two or three days", "several more months", "a matter of days", "years". */
static size_t amount_dur(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  size_t j = i;
  if (tx_kw(&t[i], K_A) && tx_kw(&t[i + 1], K_MATTER) && tx_kw(&t[i + 2], K_OF)) j = i + 3;
  else if (tx_kw(&t[i], K_ANOTHER) || tx_kw(&t[i], K_ALL)) { /* another hour, all day, full-week */
    size_t k = i + 1 + (tx_punct(&t[i + 1], '-') && t[i + 1].glued);
    int u = tx_valof(&t[k], TW_UNIT);
    if (u < U_MIN || u > U_CENTURY || (t[k].lf & (TF_PLURAL | TF_ABBR)) || !tx_same_sent(&t[i], &t[k])) return 0;
    tx_amount a = {.unit = (uint8_t)u, .units = 1};
    a.v[u] = 1;
    lit_amount(m, &a);
    return k + 1;
  }
  tx_amount a;
  bool bare = (t[j].lf & TF_PLURAL) && t[j].cls == TW_UNIT && !bare_blocked(c, j);
  size_t k = px_tx_amount(c, j, &a, bare);
  if (k == j) return 0;
  if (a.vague && !bare && t[j].cls == TW_UNIT) return 0;
  /* ages: "five-year-old", "61 years old" */
  if (tx_kw(&t[k], K_OLD) && !a.vague) k++;
  else if (tx_punct(&t[k], '-') && t[k].glued && tx_kw(&t[k + 1], K_OLD) && t[k + 1].glued) k += 2;
  else if (tx_punct(&t[k], '-') && t[k].glued && tx_kw(&t[k + 1], K_LONG) && t[k + 1].glued) {
    if (tx_kw(&t[j], K_A)) return 0; /* "a month-long strike": the article is the noun's */
    k += 2;
  }
  lit_amount(m, &a);
  return k;
}

/* "month-long", "year-long", "years-long". */
static size_t long_dur(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  int u = tx_valof(&t[i], TW_UNIT);
  if (u < U_MIN || u > U_CENTURY || (t[i].lf & TF_ABBR)) return 0;
  if (!tx_punct(&t[i + 1], '-') || !t[i + 1].glued || !tx_kw(&t[i + 2], K_LONG) || !t[i + 2].glued) return 0;
  tx_amount a = {.unit = (uint8_t)u, .units = 1, .vague = (t[i].lf & TF_PLURAL) != 0};
  a.v[u] = 1;
  lit_amount(m, &a);
  return i + 3;
}

/* Whether an amount comes just before token i, in its clause: "£5 a month", "$12 million a day",
 * "2 percent a year", "twice a week", "three times a day", "seven days a week". */
static bool amount_before(const tx_ctx *c, size_t i) {
  const tx_tok *t = c->t;
  for (size_t k = i, steps = 0; k > 0 && steps < 3; steps++) {
    const tx_tok *p = &t[--k];
    if (!tx_same_sent(p, &t[i]) || (p->kind == PX_TOK_PUNCT && !tx_punct(p, '%'))) return false;
    if (p->kind == PX_TOK_NUMBER || p->cls == TW_NUM || tx_kw(p, K_ONCE) || tx_kw(p, K_TWICE) ||
        tx_kw(p, K_HUNDRED) || tx_kw(p, K_THOUSAND))
      return true;
    if (tx_kw(p, K_A) || tx_kw(p, K_THE) || tx_kw(p, K_FOR) || tx_kw(p, K_IN)) return false;
  }
  return false;
}

/* Sets: "weekly", "every day", "each year", "every two weeks", "every other day", "every Monday",
 * "on Mondays", "per day", "£5 a month". */
static size_t set_expr(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  char v[20];
  if (t[i].cls == TW_SET) {
    bool mid_sentence = i > 0 && tx_same_sent(&t[i - 1], &t[i]) && t[i - 1].kind == PX_TOK_WORD;
    if ((t[i].tf & TT_CAP) && mid_sentence) return 0; /* "The Daily Planet" */
    if ((t[i].tf & TT_CAP) && (t[i + 1].tf & TT_CAP) && t[i + 1].kind == PX_TOK_WORD) return 0;
    /* a newspaper: "the daily Gazette", "the Vestrian weekly al-Nour" */
    const tx_tok *nx = &t[i + 1];
    bool name_next = nx->kind == PX_TOK_WORD && tx_same_sent(nx, &t[i]) &&
                     ((nx->tf & TT_CAP) || ((tx_word_is(c, nx, "al") || tx_word_is(c, nx, "el")) &&
                                            tx_punct(nx + 1, '-') && nx[1].glued));
    if (name_next && mid_sentence && (tx_kw(&t[i - 1], K_THE) || (t[i - 1].tf & TT_CAP))) return 0;
    lit(m, PX_TIME_SET, px_tx_set_value(t[i].val), NULL);
    return i + 1;
  }
  if (t[i].cls == TW_WDAY && (t[i].lf & TF_PLURAL)) {
    snprintf(v, sizeof v, "XXXX-WXX-%d", t[i].val);
    lit(m, PX_TIME_SET, v, NULL);
    return i + 1;
  }
  bool every = tx_kw(&t[i], K_EVERY) || tx_kw(&t[i], K_EACH);
  bool per = tx_kw(&t[i], K_PER);
  bool a_unit = tx_kw(&t[i], K_A) && amount_before(c, i);
  if (!every && !per && !a_unit) return 0;
  size_t k = i + 1;
  double n = 1;
  if (every && tx_kw(&t[k], K_OTHER)) n = 2, k++;
  else if (every) {
    size_t k2 = px_tx_number(c, k, &n, false);
    if (k2 > k && (t[k2].lf & TF_PLURAL)) k = k2;
    else n = 1;
  }
  if (every && t[k].cls == TW_WDAY && !(t[k].lf & (TF_PLURAL | TF_ABBR))) {
    snprintf(v, sizeof v, "XXXX-WXX-%d", t[k].val);
    lit(m, PX_TIME_SET, v, NULL);
    return k + 1;
  }
  int u = tx_valof(&t[k], TW_UNIT);
  if (u < U_MIN || u > U_CENTURY || (t[k].lf & TF_ABBR) || t[k].cls == TW_ORD || !tx_same_sent(&t[i], &t[k]))
    return 0;
  if (n == 1 && (t[k].lf & TF_PLURAL)) return 0;
  tx_amount a = {.unit = (uint8_t)u, .units = 1};
  a.v[u] = n;
  px_tx_dur_value(&a, false, v, sizeof v);
  lit(m, PX_TIME_SET, v, NULL);
  return k + 1;
}

size_t px_tx_match_dur(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_matcher f[] = {set_expr, span_dur, amount_dur, long_dur};
  return px_tx_longest(c, i, m, f, sizeof f / sizeof *f);
}
