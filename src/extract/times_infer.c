/* times_infer.c - a publication date from the text, when none was given.
 *
 * Evidence, strongest first:
 *   - "at the time of writing" (or "as of writing") in a sentence with a day:
 *     that day is when the text was written;
 *   - else the latest day the text gives in full ("12 December 2016"), or as a
 *     day and month when the text gives a year for them (the year of its
 *     latest full date, else of its latest month and year) that the text
 *     gives as past: in a sentence in the past tense, or in a dateline or
 *     caption with no verb; not days in sentences about the future ("will
 *     vote on 5 December") or of no clear tense ("the council voting on 5
 *     December"), nor days something is set for ("a hearing set for 5 May");
 *   - "yesterday" or "last night" in that day's sentence moves it one day on.
 * A weekday written beside that day is checked and reported. With no such
 * day the text gives no support and nothing is inferred.
 */
#include "times.h"

#include <stdio.h>
#include <string.h>

/* Whether the sentence of token i says "at the time of writing" / "as of writing". */
static bool writing_time(const tx_ctx *c, int32_t sent, size_t from) {
  const tx_tok *t = c->t;
  size_t k = from;
  while (k > 0 && t[k - 1].sent == sent) k--;
  for (; k < c->n && t[k].sent == sent; k++) {
    if (!tx_word_is(c, &t[k], "writing")) continue;
    if (k >= 4 && tx_kw(&t[k - 1], K_OF) && tx_word_is(c, &t[k - 2], "time") && tx_kw(&t[k - 3], K_THE) &&
        tx_kw(&t[k - 4], K_AT))
      return true;
    if (k >= 2 && tx_kw(&t[k - 1], K_OF) && tx_kw(&t[k - 2], K_AS)) return true;
  }
  return false;
}

/* Whether the sentence `sent` (around token i) has "yesterday" or "last night". */
static bool day_after_cue(const tx_ctx *c, int32_t sent, size_t i) {
  const tx_tok *t = c->t;
  size_t k = i;
  while (k > 0 && t[k - 1].sent == sent) k--;
  for (; k < c->n && t[k].sent == sent; k++)
    if (tx_kw(&t[k], K_YESTERDAY) || (tx_kw(&t[k], K_LAST) && tx_is(&t[k + 1], TW_POD, POD_NI))) return true;
  return false;
}

/* Whether the day is given as past: its sentence is in the past tense, or it is a dateline or a
 * caption (a short sentence with no verb to tell). */
static bool reported_as_past(const tx_ctx *c, const tx_m *m) {
  int tense = px_tx_tense_near(c, m->t0, 40);
  if (tense) return tense < 0;
  int32_t s = c->t[m->t0].sent;
  return s >= 0 && (size_t)s < c->x->n_sent && c->x->sent[s].end - c->x->sent[s].start <= 80;
}

/* The year the text gives for days written without one. */
static int year_context(const tx_m *ms, size_t nm) {
  int64_t best_day = INT64_MIN, best_month = INT64_MIN;
  int yd = 0, ym = 0;
  for (size_t k = 0; k < nm; k++) {
    const tx_m *m = &ms[k];
    if (m->op != OP_CAL || !m->y || m->yrel || !m->m) continue;
    int64_t v = px_tx_days(m->y, m->m, m->d ? m->d : 1);
    if (m->gran == G_DAY && v > best_day) best_day = v, yd = m->y;
    if (m->gran == G_MONTH && v > best_month) best_month = v, ym = m->y;
  }
  return yd ? yd : ym;
}

bool px_tx_infer(const tx_ctx *c, const tx_m *ms, size_t nm, tx_date *out, char *evidence, size_t evsize) {
  int ctx_year = year_context(ms, nm);
  int64_t best = INT64_MIN;
  const tx_m *bm = NULL;
  bool by_writing = false;
  for (size_t k = 0; k < nm; k++) {
    const tx_m *m = &ms[k];
    if (m->op != OP_CAL || m->gran != G_DAY || !m->m || m->yrel || m->mrel || m->ymd_order == 2) continue;
    int y = m->y ? m->y : ctx_year;
    if (!y || !reported_as_past(c, m)) continue;
    if (m->t0 > 0 && tx_kw(&c->t[m->t0 - 1], K_FOR) && tx_same_sent(&c->t[m->t0 - 1], &c->t[m->t0]))
      continue; /* "a hearing set for 5 January": a date planned, not one reported */
    int64_t v = px_tx_days(y, m->m, m->d);
    bool w = writing_time(c, c->t[m->t0].sent, m->t0);
    if (by_writing && !w) continue;
    if ((w && !by_writing) || v > best) best = v, bm = m, by_writing = w;
  }
  if (!bm) return false;
  int32_t sent = c->t[bm->t0].sent;
  bool shift = day_after_cue(c, sent, bm->t0);
  *out = px_tx_civil(best + shift);
  const tx_tok *t = c->t;
  size_t n = t[bm->t1 - 1].e - t[bm->t0].s;
  if (n > 60) n = 60;
  int len = snprintf(evidence, evsize, "%s: \"%.*s\"%s%s",
                     by_writing ? "the day given as the time of writing" : "the latest date in the text", (int)n,
                     c->x->text + t[bm->t0].s, bm->y ? "" : " (year from the text's other dates)",
                     shift ? ", plus one day (\"yesterday\"/\"last night\" in its sentence)" : "");
  if (bm->wd && len > 0 && (size_t)len < evsize) {
    bool ok = px_tx_weekday(best) == bm->wd;
    snprintf(evidence + len, evsize - (size_t)len, "; its weekday %s", ok ? "agrees" : "disagrees");
  }
  return true;
}
