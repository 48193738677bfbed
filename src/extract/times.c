/* times.c - the times stage (TIMEX3): finds time expressions token by token,
 * infers a publication date when none is known, resolves each value and
 * stores it (times.h describes the parts). Also px_find_times(), the same
 * recognizer on a bare string. */
#include "times.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The longest match of any family at i (dates before relative dates before durations on a tie). */
size_t px_tx_longest(const tx_ctx *c, size_t i, tx_m *m, const tx_matcher *f, size_t n) {
  size_t best = 0;
  tx_m cand;
  for (size_t k = 0; k < n; k++) {
    memset(&cand, 0, sizeof cand);
    size_t e = f[k](c, i, &cand);
    if (e > best) best = e, *m = cand;
  }
  return best;
}

static size_t core(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_matcher f[] = {px_tx_match_date, px_tx_match_rel, px_tx_match_dur,
                                                          px_tx_match_time};
  return px_tx_longest(c, i, m, f, sizeof f / sizeof *f);
}

/* "the beginning of", "the end of", "the middle of", "early", "late", "mid-", "the late":
 * the token after the prefix (i when none) and the mod in *mod. */
static size_t date_prefix(const tx_ctx *c, size_t i, int *mod) {
  const tx_tok *t = c->t;
  size_t j = i + tx_kw(&t[i], K_THE);
  if ((tx_kw(&t[j], K_BEGINNING) || tx_kw(&t[j], K_END) || tx_kw(&t[j], K_MIDDLE)) && tx_kw(&t[j + 1], K_OF)) {
    *mod = tx_kw(&t[j], K_BEGINNING) ? PX_MOD_START : tx_kw(&t[j], K_END) ? PX_MOD_END : PX_MOD_MID;
    return j + 2;
  }
  if (tx_kw(&t[j], K_EARLY) || tx_kw(&t[j], K_LATE) || tx_kw(&t[j], K_MID)) {
    *mod = tx_kw(&t[j], K_EARLY) ? PX_MOD_START : tx_kw(&t[j], K_LATE) ? PX_MOD_END : PX_MOD_MID;
    return j + 1 + (tx_punct(&t[j + 1], '-') && t[j + 1].glued);
  }
  return i;
}

/* "the year", "the month", "the week" after "the end of": the current one. */
static size_t the_unit(const tx_ctx *c, size_t j, tx_m *m) {
  const tx_tok *t = c->t;
  int u = tx_valof(&t[j + 1], TW_UNIT);
  if (!tx_kw(&t[j], K_THE) || (t[j + 1].lf & (TF_PLURAL | TF_ABBR))) return 0;
  static const uint8_t gran[] = {[U_WEEK] = G_WEEK, [U_MONTH] = G_MONTH, [U_YEAR] = G_YEAR, [U_DECADE] = G_DECADE,
                                 [U_CENTURY] = G_CENT};
  if (u < 0 || (size_t)u >= sizeof gran || !gran[u]) return 0;
  m->op = OP_REL, m->type = PX_TIME_DATE, m->gran = gran[u];
  return j + 2;
}

/* Hedges before a duration: "about", "over", "more than", "less than", "at least", "up to", "nearly". */
static size_t hedge_prefix(const tx_ctx *c, size_t i, int *mod) {
  const tx_tok *t = c->t;
  size_t j = i;
  if (tx_kw(&t[j], K_JUST) || tx_kw(&t[j], K_WELL)) j++;
  if (tx_kw(&t[j], K_ABOUT) || tx_kw(&t[j], K_SOME)) *mod = PX_MOD_APPROX, j++;
  else if (tx_kw(&t[j], K_NEARLY) || tx_kw(&t[j], K_UNDER)) *mod = PX_MOD_LESS_THAN, j++;
  else if (tx_kw(&t[j], K_OVER) && i > 0 && tx_same_sent(&t[i - 1], &t[i]) && t[i - 1].kind != PX_TOK_PUNCT)
    *mod = PX_MOD_MORE_THAN, j++; /* "for over a year"; "Over 24 months, ..." is a preposition */
  else if (tx_kw(&t[j], K_MORE) && tx_kw(&t[j + 1], K_THAN)) *mod = PX_MOD_MORE_THAN, j += 2;
  else if (tx_kw(&t[j], K_LESS) && tx_kw(&t[j + 1], K_THAN)) *mod = PX_MOD_LESS_THAN, j += 2;
  else if (tx_kw(&t[j], K_AT) && tx_kw(&t[j + 1], K_LEAST)) *mod = PX_MOD_MORE_THAN, j += 2;
  else if (tx_kw(&t[j], K_UP) && tx_kw(&t[j + 1], K_TO)) *mod = PX_MOD_LESS_THAN, j += 2;
  else if (tx_kw(&t[j], K_NO) && tx_kw(&t[j + 1], K_MORE) && tx_kw(&t[j + 2], K_THAN)) *mod = PX_MOD_LESS_THAN, j += 3;
  else return i;
  return tx_same_sent(&t[i], &t[j]) ? j : i;
}

/* A weekday with a date after it: "this Friday (June 15)", "next Friday, 22 June", "this friday-jun-15".
 * The date gives the value. Returns the new end, or e. */
static size_t weekday_then_date(const tx_ctx *c, size_t e, tx_m *m) {
  const tx_tok *t = c->t;
  size_t k = e;
  bool paren = tx_punct(&t[k], '(');
  if (paren || tx_punct(&t[k], ',') || (tx_punct(&t[k], '-') && t[k].glued)) k++;
  else return e;
  if (!tx_same_sent(&t[e - 1], &t[k])) return e;
  tx_m d;
  memset(&d, 0, sizeof d);
  size_t de = px_tx_match_date(c, k, &d);
  if (!de || d.op != OP_CAL || d.gran != G_DAY || !d.m) return e;
  if (paren && !tx_punct(&t[de++], ')')) return e;
  int wd = m->wd;
  *m = d;
  m->wd = (int8_t)wd;
  return de;
}

size_t px_tx_match(const tx_ctx *c, size_t i, tx_m *m) {
  const tx_tok *t = c->t;
  size_t best = core(c, i, m), j, e;
  if (best && m->op == OP_WDAY && !m->pod) best = weekday_then_date(c, best, m);
  int mod = 0;
  tx_m alt;
  if ((j = date_prefix(c, i, &mod)) > i && tx_same_sent(&t[i], &t[j])) {
    memset(&alt, 0, sizeof alt);
    e = the_unit(c, j, &alt);
    if (!e) e = core(c, j, &alt);
    if (e > best && alt.type == PX_TIME_DATE && alt.op != OP_REF && !alt.mod)
      *m = alt, m->mod = (uint8_t)mod, best = e;
  }
  if ((j = hedge_prefix(c, i, &mod)) > i && !tx_kw(&t[j], K_THE)) {
    memset(&alt, 0, sizeof alt);
    e = core(c, j, &alt);
    if (e > best && alt.type == PX_TIME_DURATION) *m = alt, m->mod = (uint8_t)mod, best = e;
  }
  return best;
}

/* Keywords that can start an expression; the others ("of", "in", "and"...) only occur inside one. */
static const uint8_t starter_kw[] = {
    K_A, K_THE, K_TODAY, K_YESTERDAY, K_TOMORROW, K_TONIGHT, K_LATER, K_EARLIER, K_THIS, K_LAST, K_NEXT,
    K_PAST, K_PREVIOUS, K_COMING, K_FOLLOWING, K_RECENT, K_EVERY, K_EACH, K_PER, K_BEGINNING, K_END, K_MIDDLE,
    K_MID, K_EARLY, K_LATE, K_ABOUT, K_NEARLY, K_OVER, K_MORE, K_LESS, K_UNDER, K_AT, K_UP, K_FEW, K_SEVERAL,
    K_SOME, K_COUPLE, K_HALF, K_QUARTER, K_ALL, K_ANOTHER, K_SAME, K_THAT, K_THESE, K_NOON, K_MIDNIGHT,
    K_DOZEN, K_JUST, K_WELL, K_NO, K_FINAL, K_CURRENT, K_HOLIDAY, K_NEW, K_FISCAL};

/* Whether token t can start an expression: words outside the lexicon cannot, and a keyword such as
 * "the", "a", "about" only before a time word, a number or a hyphen ("the weekend", "mid-June"). */
static bool may_start(const tx_tok *t) {
  if (t->kind == PX_TOK_WORD) {
    if (t->cls != TW_KW) return t->cls != TW_NONE;
    if (!memchr(starter_kw, t->val, sizeof starter_kw)) return false;
    if (t->val == K_TODAY || t->val == K_YESTERDAY || t->val == K_TOMORROW || t->val == K_TONIGHT ||
        t->val == K_NOON || t->val == K_MIDNIGHT || t->val == K_HOLIDAY)
      return true;
    const tx_tok *n = t + 1;
    return n->cls != TW_NONE || n->kind == PX_TOK_NUMBER || tx_punct(n, '-') || tx_punct(n, '\'') ||
           tx_punct(n, 0x2019);
  }
  return t->kind == PX_TOK_NUMBER || tx_punct(t, '\'') || tx_punct(t, 0x2019);
}

typedef struct mvec {
  tx_m *v;
  size_t n, cap;
} mvec;

static int find_all(const tx_ctx *c, mvec *out) {
  const tx_tok *t = c->t;
  for (size_t i = 0; i < c->n;) {
    tx_m m;
    size_t e = may_start(&t[i]) ? px_tx_match(c, i, &m) : 0;
    bool name = false;
    for (size_t k = i; k < e && !name; k++) name = t[k].tf & TT_NAME;
    if (!e || name) {
      i++;
      continue;
    }
    m.t0 = i, m.t1 = e;
    if (out->n == out->cap) {
      size_t cap = out->cap ? out->cap * 2 : 64;
      tx_m *p = realloc(out->v, cap * sizeof *p);
      if (!p) return PX_ENOMEM;
      out->v = p, out->cap = cap;
    }
    out->v[out->n++] = m;
    i = e;
  }
  return PX_OK;
}

/* Numeric dates that read either way follow the document's unambiguous ones. */
static int day_first_vote(const mvec *ms) {
  int md = 0, dm = 0;
  for (size_t k = 0; k < ms->n; k++) md += ms->v[k].ymd_order == 1, dm += ms->v[k].ymd_order == 3;
  return dm > md;
}

static int store(px_xctx *x, const tx_ctx *c, const mvec *ms, tx_state *st) {
  const char *doc_anchor = x->anchor ? px_doc_intern(x->doc, x->anchor, strlen(x->anchor)) : NULL;
  if (x->anchor && !doc_anchor) return PX_ENOMEM;
  for (size_t k = 0; k < ms->n; k++) {
    const tx_m *m = &ms->v[k];
    char val[32], vmax[32], evt[11] = "";
    int used;
    px_tx_resolve(c, m, st, val, vmax, &used, evt);
    const tx_tok *last = &c->t[m->t1 - 1];
    size_t end = last->e;
    if (last->tf & TT_POSS) end -= x->text[end - 2] == '\'' ? 2 : 4; /* "today's": the possessive is not in */
    px_time tm = {.start = c->t[m->t0].s, .end = end, .type = (px_time_type)m->type, .mod = (px_time_mod)m->mod};
    tm.value = px_doc_intern(x->doc, val, strlen(val));
    tm.value_max = vmax[0] ? px_doc_intern(x->doc, vmax, strlen(vmax)) : NULL;
    tm.anchor = used == 2 ? px_doc_intern(x->doc, evt, strlen(evt)) : used == 1 ? doc_anchor : NULL;
    if (!tm.value || (vmax[0] && !tm.value_max) || (used == 2 && !tm.anchor)) return PX_ENOMEM;
    tm.sentence = px_x_sentence_at(x, tm.start);
    tm.in_quote = px_x_in_quote(x, tm.start);
    if (px_doc_push_time(x->doc, &tm) < 0) return PX_ENOMEM;
  }
  return PX_OK;
}

/* An inferred date moves on to the latest day an event-relative expression in a past-tense
 * sentence reaches from an explicit date ("by 7 December ... and a week later it announced"):
 * the text reports that day as past. */
static void later_events(const tx_ctx *c, const mvec *ms, tx_state *st, char *evidence, size_t evsize) {
  tx_state dry = *st;
  int64_t best = px_tx_days(st->anchor.y, st->anchor.m, st->anchor.d);
  const tx_m *bm = NULL;
  for (size_t k = 0; k < ms->n; k++) {
    const tx_m *m = &ms->v[k];
    char val[32], vmax[32], evt[11] = "";
    int used;
    px_tx_resolve(c, m, &dry, val, vmax, &used, evt);
    tx_date d;
    if (used != 2 || m->gran != G_DAY || strlen(val) != 10 || !px_tx_parse_date(val, &d)) continue;
    int64_t v = px_tx_days(d.y, d.m, d.d);
    if (v > best && px_tx_tense(c, m->t0) < 0) best = v, bm = m;
  }
  if (!bm) return;
  st->anchor = px_tx_civil(best);
  size_t len = strlen(evidence), n = c->t[bm->t1 - 1].e - c->t[bm->t0].s;
  snprintf(evidence + len, evsize - len, "; then \"%.*s\" reports a later day as past", (int)(n > 40 ? 40 : n),
           c->x->text + c->t[bm->t0].s);
}

int px_x_times(px_xctx *x) {
  tx_tok *t;
  size_t n;
  int rc = px_tx_tokens(x, &t, &n);
  if (rc) return rc;
  tx_ctx c = {x, t, n};
  mvec ms = {0};
  rc = find_all(&c, &ms);
  tx_state st = {.dm_order = day_first_vote(&ms), .last_sent = -1, .year_sent = -1};
  if (!rc && x->anchor && px_tx_parse_date(x->anchor, &st.anchor)) st.have_anchor = true;
  else if (!rc) {
    x->anchor = NULL;
    char evidence[256];
    if (px_tx_infer(&c, ms.v, ms.n, &st.anchor, evidence, sizeof evidence)) {
      st.have_anchor = true;
      later_events(&c, &ms, &st, evidence, sizeof evidence);
      snprintf(x->anchor_buf, sizeof x->anchor_buf, "%04d-%02d-%02d", st.anchor.y, st.anchor.m, st.anchor.d);
      x->anchor = x->anchor_buf;
      rc = px_doc_set_published_inferred(x->doc, x->anchor_buf, evidence);
    }
  }
  if (!rc) rc = store(x, &c, &ms, &st);
  free(ms.v);
  free(t);
  return rc;
}

int px_find_times(const char *text, size_t len, const char *reference_date, px_time **out) {
  if (!out || (!text && len)) return PX_EARG;
  *out = NULL;
  px_doc *doc = px_doc_new(text ? text : "", len);
  if (!doc) return PX_ENOMEM;
  int rc = px_doc_segment(doc, PX_SEGMENT_TOKENS);
  px_xctx x = {.doc = doc};
  x.text = px_doc_text(doc, &x.len);
  x.para = px_doc_layer(doc, PX_LAYER_PARAGRAPHS, &x.n_para);
  x.sent = px_doc_layer(doc, PX_LAYER_SENTENCES, &x.n_sent);
  x.tok = px_doc_layer(doc, PX_LAYER_TOKENS, &x.n_tok);
  if (reference_date && px_parse_date(reference_date, x.anchor_buf) == PX_OK) x.anchor = x.anchor_buf;
  if (!rc) rc = px_x_times(&x);
  size_t n = 0, strings = 0;
  const px_time *tm = rc ? NULL : px_doc_times(doc, &n);
  for (size_t k = 0; k < n; k++)
    strings += strlen(tm[k].value) + 1 + (tm[k].value_max ? strlen(tm[k].value_max) + 1 : 0) +
               (tm[k].anchor ? strlen(tm[k].anchor) + 1 : 0);
  char *block = rc ? NULL : malloc(n * sizeof(px_time) + strings + 1);
  if (!rc && !block) rc = PX_ENOMEM;
  if (!rc) { /* one block: the structs, then their strings */
    px_time *res = (px_time *)(void *)block;
    char *s = block + n * sizeof(px_time);
    for (size_t k = 0; k < n; k++) {
      res[k] = tm[k];
      const char **f[3] = {&res[k].value, &res[k].value_max, &res[k].anchor};
      for (int q = 0; q < 3; q++) {
        if (!*f[q]) continue;
        size_t l = strlen(*f[q]) + 1;
        memcpy(s, *f[q], l);
        *f[q] = s, s += l;
      }
    }
    *out = res;
  }
  px_doc_free(doc);
  return rc ? rc : (int)n;
}
