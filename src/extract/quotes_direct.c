/* quotes_direct.c - words in quotation marks, with the cue and the phrase
 * that attribute them.
 *
 * For each quote (regions joined over paragraphs), in order:
 *   1. a cue right before the opening mark: X said: "Q" / X told Y "Q";
 *   2. a cue right after the closing mark: "Q," X said / "Q," said X;
 *      or a name after a dash: "Q" - Jane Doe;
 *   3. the nearest cue earlier in the sentence: X said the city was "freed";
 *   4. a sentence ending in a colon just before: X summed it up: "Q";
 *   5. a follow-up: a full quote after one with a speaker in the same
 *      paragraph, or a quoted paragraph after a paragraph ending in one;
 *   6. juxtaposition: X rejects the plan, "Q ..." (the sentence's subject).
 * Quotes with none of these are scare quotes or unattributed boxes and are
 * left out, as are quoted names ("the "Free Army" brigade"). */
#include "quotes.h"

#include <stdlib.h>
#include <string.h>

#define PRE_WINDOW 60  /* tokens scanned back from a quote for its cue */
#define POST_WINDOW 24 /* tokens scanned after a quote for "X said" */

int px_xq_items_push(px_xq_items *it, const px_xq_item *item) {
  if (it->n == it->cap) {
    size_t cap = it->cap ? it->cap * 2 : 32;
    px_xq_item *p = realloc(it->v, cap * sizeof *p);
    if (!p) return PX_ENOMEM;
    it->v = p;
    it->cap = cap;
  }
  it->v[it->n++] = *item;
  return PX_OK;
}

bool px_xq_participle(const px_xctx *x, const px_xq_cue *cue) {
  size_t n = px_x_tok_len(x, cue->tok);
  const char *t = x->text + x->tok[cue->tok].start;
  if (n < 5 || memcmp(t + n - 3, "ing", 3) != 0 || cue->cls == PX_SPEECH_A) return false;
  size_t k = cue->tok;
  while (k > 0 && cue->tok - k < 3 && px_xq_is_skip(x, k - 1) && !(px_xq_word(x, k - 1) & PX_W_BE)) k--;
  return !(k > 0 && (px_xq_word(x, k - 1) & PX_W_BE));
}

/* One quote, regions joined over paragraphs, and the tokens around it. */
typedef struct lquote {
  size_t start, end; /* quoted text */
  size_t ot, ct;     /* opening and closing mark tokens (ct == n_tok when unclosed) */
  size_t s_first;    /* first token of the sentence where the quote starts */
  size_t e_last;     /* one past the last token of the sentence where it ends */
  int32_t sent;
} lquote;

static size_t sent_first_tok(const px_xctx *x, int32_t s) { return px_x_token_at(x, x->sent[s].start); }
static size_t sent_end_tok(const px_xctx *x, int32_t s) { return px_x_token_at(x, x->sent[s].end); }

/* A short quote of capitalised words with no closing punctuation: a name or title. */
static bool quoted_name(const px_xctx *x, const lquote *q) {
  size_t words = 0, first = q->ot + 1;
  for (size_t k = first; k < x->n_tok && x->tok[k].start < q->end; k++) {
    if (x->tok[k].kind == PX_TOK_PUNCT) {
      char c = x->text[x->tok[k].start];
      if (c == ',' || c == '.' || c == '!' || c == '?') return false;
      continue;
    }
    if (x->tok[k].kind != PX_TOK_WORD && x->tok[k].kind != PX_TOK_NUMBER) continue;
    if (++words > 6) return false;
    if (px_x_tok_len(x, k) >= 4 && !px_x_tok_capitalised(x, k) && x->tok[k].kind == PX_TOK_WORD) return false;
  }
  if (words == 0 || !(px_x_tok_capitalised(x, first) || x->tok[first].kind == PX_TOK_NUMBER)) return false;
  return true;
}

/* A quote right after a naming word: 'a formation called "X"', 'with the title, "X."',
 * 'the so-called "X"' (a scare quote even after a speech verb). */
static bool named_by(const px_xctx *x, const lquote *q) {
  static const char *const w[] = {"title", "titled", "entitled", "named", "dubbed", "called", "nicknamed",
                                  "headlined", "slogan", "motto", "codenamed", "hashtag", "so-called", NULL};
  size_t k = q->ot;
  if (k > 0 && (px_xq_tok_char(x, k - 1, ',') || px_xq_tok_char(x, k - 1, ':'))) k--;
  return k > 0 && px_x_tok_in(x, k - 1, w);
}

/* A cue ending within 3 tokens before token `at` (after a comma, colon or "that"). */
static bool cue_right_before(const px_xctx *x, size_t at, size_t lo, px_xq_cue *cue) {
  size_t k = at;
  if (k > lo && (px_xq_tok_char(x, k - 1, ',') || px_xq_tok_char(x, k - 1, ':'))) k--;
  if (k > lo && px_x_tok_is(x, k - 1, "that")) k--;
  for (size_t j = k; j > lo && k - j < 3; j--)
    if (px_xq_cue_at(x, j - 1, cue) && j - 1 + cue->ntok <= k) return true;
  return false;
}

/* The nearest cue before token `at`, not before `lo`. */
static bool cue_before(const px_xctx *x, size_t at, size_t lo, px_xq_cue *cue) {
  for (size_t j = at; j > lo && at - j < PRE_WINDOW; j--)
    if (!px_xq_tok_qmark(x, j - 1) && px_xq_cue_at(x, j - 1, cue) && j - 1 + cue->ntok <= at) return true;
  return false;
}

/* "Q," X said / "Q," said X: the cue after the closing mark. */
static bool cue_after(const px_xctx *x, const lquote *q, px_xq_cue *cue) {
  if (q->ct >= x->n_tok) return false;
  size_t k = q->ct + 1;
  bool sep = k < x->n_tok && (px_xq_tok_char(x, k, ',') || px_xq_tok_dash(x, k));
  size_t qe = q->end, cp_at;
  int32_t last = 0;
  while (qe > q->start && px_cp_is_space(last = px_utf8_prev(x->text, qe, &cp_at))) qe = cp_at;
  bool inner = last == ',' || last == '?' || last == '!' || last == 0x2014 || last == 0x2013 || last == 0x2026;
  if (!sep && !inner) return false;
  while (k < q->e_last && (px_xq_tok_char(x, k, ',') || px_xq_tok_dash(x, k))) k++;
  for (size_t j = k; j < q->e_last && j - k < POST_WINDOW; j++) {
    if (x->tok[j].kind == PX_TOK_PUNCT && !px_xq_tok_char(x, j, ',') && !px_xq_tok_char(x, j, '(') &&
        !px_xq_tok_char(x, j, ')'))
      return false;
    if (px_xq_cue_at(x, j, cue)) return true;
  }
  return false;
}

/* Fills the speaker phrase of `it` from its cue; false when the cue has none. */
static bool np_for_cue(const px_xctx *x, const lquote *q, px_xq_item *it, bool after_quote) {
  const px_xq_cue *c = &it->cue;
  size_t ce = c->tok + c->ntok;
  int32_t cs = px_x_sentence_at(x, x->tok[c->tok].start);
  size_t sf = cs >= 0 ? sent_first_tok(x, cs) : 0, sl = cs >= 0 ? sent_end_tok(x, cs) : x->n_tok;
  size_t hi = !after_quote && q->ot > c->tok && q->ot < sl ? q->ot : sl;
  size_t lo = after_quote ? q->ct + 1 : sf;
  if (c->cls == PX_SPEECH_A) return px_xq_np_after(x, ce, hi, false, &it->np);
  if (px_xq_agent(x, c, hi) || px_xq_cue_passive(x, c)) {
    size_t b = px_xq_agent(x, c, hi);
    return b && px_xq_np_after(x, b, hi, false, &it->np);
  }
  if (px_xq_participle(x, c)) {
    it->same_sentence = true;
    return false;
  }
  /* "Q," said X: the verb comes first after the quote */
  bool inverted = false;
  if (after_quote) {
    size_t k = q->ct + 1;
    while (k < c->tok && (px_xq_tok_char(x, k, ',') || px_xq_tok_dash(x, k))) k++;
    inverted = k == c->tok;
  }
  if (inverted) return px_xq_np_after(x, ce, sl, true, &it->np);
  int r = px_xq_np_before(x, c->tok, lo, &it->np);
  if (r == PX_XQ_SUBJECT) return px_xq_subject(x, sf, c->tok, &it->np);
  return r == PX_XQ_FOUND;
}

/* "Q" - Jane Doe: a name after a dash closing the sentence. */
static bool dash_byline(const px_xctx *x, const lquote *q, px_xq_np *np) {
  size_t k = q->ct + 1;
  if (q->ct >= x->n_tok || !px_xq_tok_dash(x, k) || !px_x_tok_capitalised(x, k + 1)) return false;
  if (!px_xq_np_after(x, k + 1, q->e_last, true, np)) return false;
  size_t rest = np->last;
  while (rest < q->e_last && x->tok[rest].kind == PX_TOK_PUNCT && !px_xq_tok_qmark(x, rest)) rest++;
  return rest == q->e_last;
}

/* A quote in the writer's sentence ("called it a "victory"") or a full one. */
static px_quote_kind quote_kind(const px_xctx *x, const lquote *q) {
  size_t first = q->ot + 1;
  if (first < x->n_tok && x->tok[first].kind == PX_TOK_WORD && px_x_tok_capitalised(x, first)) return PX_QUOTE_DIRECT;
  size_t words = 0;
  for (size_t k = first; k < x->n_tok && x->tok[k].start < q->end && words < 12; k++)
    words += x->tok[k].kind == PX_TOK_WORD || x->tok[k].kind == PX_TOK_NUMBER;
  bool introduced = q->ot > 0 && (px_xq_tok_char(x, q->ot - 1, ',') || px_xq_tok_char(x, q->ot - 1, ':') ||
                                  px_x_tok_is(x, q->ot - 1, "that"));
  return introduced && words >= 12 ? PX_QUOTE_DIRECT : PX_QUOTE_PARTIAL;
}


/* Whether item `prev` is a full quote with a speaker closing the paragraph before
 * the one starting at token `ot` (only blank paragraphs in between). */
static bool closes_previous_para(const px_xctx *x, const px_xq_item *prev, size_t ot) {
  if (prev->kind != PX_QUOTE_DIRECT) return false;
  size_t p = px_x_paragraph_at(x, x->tok[ot].start), pp = px_x_paragraph_at(x, prev->start);
  if (pp >= p || p - pp > 3) return false;
  for (size_t k = pp + 1; k < p; k++)
    if (px_x_token_at(x, x->para[k].start) < px_x_token_at(x, x->para[k].end)) return false;
  int32_t last = px_x_sentence_at(x, x->para[pp].end - 1);
  int32_t ps = px_x_sentence_at(x, prev->end > prev->start ? prev->end - 1 : prev->start);
  return last >= 0 && ps == last;
}

static bool starts_capital(const px_xctx *x, const lquote *q) {
  return q->ot + 1 < x->n_tok && x->tok[q->ot + 1].kind == PX_TOK_WORD && px_x_tok_capitalised(x, q->ot + 1);
}

/* A subject that can speak without a cue: a pronoun, a name, a person or a text ("the statement"). */
static bool speaker_like(const px_xctx *x, const px_xq_np *np) {
  if (px_xq_is_pronoun(x, np->first) && np->last == np->first + 1) return true;
  for (size_t k = np->first; k < np->head_last; k++)
    if (px_xq_is_person_noun(x, k) || px_xq_is_doc_noun(x, k) || (k > np->first && px_x_tok_capitalised(x, k)) ||
        (k == np->first && px_x_tok_capitalised(x, k) && !px_xq_is_det(x, k)))
      return true;
  return false;
}

/* Attribution without a cue: colon, follow-up or juxtaposition (steps 4-6). */
static bool no_cue(const px_xctx *x, const lquote *q, const px_xq_items *out, px_xq_item *it) {
  const px_xq_item *prev = out->n ? &out->v[out->n - 1] : NULL;
  if (q->ot > 0 && px_xq_tok_char(x, q->ot - 1, ':')) {
    int32_t cs = px_x_sentence_at(x, x->tok[q->ot - 1].start);
    size_t lo = cs >= 0 ? sent_first_tok(x, cs) : q->ot - 1;
    if (cue_before(x, q->ot - 1, lo, &it->cue)) {
      it->has_cue = true;
      return np_for_cue(x, q, it, false);
    }
    /* no cue: only a named or personal subject speaks ("The rules are simple:" introduces no one) */
    return px_xq_subject(x, lo, q->ot - 1, &it->np) && speaker_like(x, &it->np);
  }
  if (prev && prev->sentence == q->sent) { /* another fragment of the same attributed sentence */
    it->inherit = (int32_t)(out->n - 1);
    return true;
  }
  bool opens_sentence = q->ot == q->s_first;
  if (prev && opens_sentence && starts_capital(x, q) && prev->kind == PX_QUOTE_DIRECT &&
      px_x_paragraph_at(x, prev->start) == px_x_paragraph_at(x, q->start)) {
    it->inherit = (int32_t)(out->n - 1);
    return true;
  }
  size_t p = px_x_paragraph_at(x, q->start);
  if (prev && p < x->n_para && q->ot == px_x_token_at(x, x->para[p].start) && closes_previous_para(x, prev, q->ot)) {
    it->inherit = (int32_t)(out->n - 1);
    return true;
  }
  if (q->ot > q->s_first && px_xq_tok_char(x, q->ot - 1, ',') && starts_capital(x, q) &&
      px_xq_subject(x, q->s_first, q->ot - 1, &it->np) && speaker_like(x, &it->np))
    return true;
  return false;
}

/* Decides the cue and speaker phrase of one quote; false when it is left out. */
static bool attribute(const px_xctx *x, const lquote *q, size_t lo_pre, const px_xq_items *out, px_xq_item *it) {
  bool found = false;
  if (cue_right_before(x, q->ot, lo_pre, &it->cue)) {
    it->has_cue = it->adjacent = true;
    found = np_for_cue(x, q, it, false);
  } else if (cue_after(x, q, &it->cue)) {
    it->has_cue = it->adjacent = true;
    found = np_for_cue(x, q, it, true);
  } else if (dash_byline(x, q, &it->np)) {
    it->has_np = true;
    return true;
  } else if (cue_before(x, q->ot, lo_pre, &it->cue)) {
    it->has_cue = true;
    found = np_for_cue(x, q, it, false);
  } else {
    found = no_cue(x, q, out, it);
    if (found && it->inherit < 0) it->has_np = true;
    return found;
  }
  if (it->same_sentence) return true;
  if (found) {
    it->has_np = true;
    return true;
  }
  /* a cue whose speaker is elsewhere: a fragment after an attributed one */
  const px_xq_item *prev = out->n ? &out->v[out->n - 1] : NULL;
  if (prev && prev->sentence == q->sent && it->cue.cls != PX_SPEECH_A) {
    it->inherit = (int32_t)(out->n - 1);
    return true;
  }
  return false;
}

int px_xq_direct(const px_xctx *x, px_xq_items *out) {
  const px_span *R = x->qregions.v;
  size_t nr = x->qregions.n, prev_close = 0;
  for (size_t r = 0; r < nr;) {
    lquote q = {.start = R[r].start, .end = R[r].end};
    size_t r2 = r + 1;
    while (r2 < nr && R[r2].kind == 1) q.end = R[r2++].end;
    bool closed = R[r2 - 1].aux == 0;
    r = r2;
    if (q.start == 0 || q.end <= q.start) continue;
    q.ot = px_x_token_at(x, q.start - 1);
    q.ct = closed ? px_x_token_at(x, q.end) : x->n_tok;
    if (q.ot >= x->n_tok || q.ot + 1 >= x->n_tok || x->tok[q.ot + 1].start >= q.end) continue; /* no words */
    q.sent = px_x_sentence_at(x, x->tok[q.ot].start);
    int32_t se = px_x_sentence_at(x, closed && q.ct < x->n_tok ? x->tok[q.ct].start : q.end - 1);
    if (q.sent < 0 || se < 0) continue;
    q.s_first = sent_first_tok(x, q.sent);
    q.e_last = sent_end_tok(x, se);
    size_t lo_pre = prev_close > q.s_first ? prev_close : q.s_first;
    px_xq_cue cue;
    if (named_by(x, &q) || (quoted_name(x, &q) && !cue_right_before(x, q.ot, lo_pre, &cue))) continue;
    px_xq_item it = {.start = q.start, .end = q.end, .inherit = -1, .sentence = q.sent, .speaker = -1};
    if (!attribute(x, &q, lo_pre, out, &it)) continue;
    prev_close = closed ? q.ct + 1 : q.ot + 1; /* the cue of the next quote is after this one */
    it.kind = quote_kind(x, &q);
    if (px_xq_items_push(out, &it)) return PX_ENOMEM;
  }
  return PX_OK;
}
