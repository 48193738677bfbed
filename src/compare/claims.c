/* claims.c - story stage 3: claims and claim groups.
 *
 * A claim is a number a source states about the event (a px_quantity) or a
 * date it gives an event (claims_dates.c), with the date it refers to
 * (as_of) and who says it. Claims about the same measure are grouped across
 * sources and each group gets a verdict (claims_group.c).
 *
 * The measure of a quantity is a key of (what is counted, what happened to
 * it):
 *   - a share (percent, fraction) of territory -> "share of territory under
 *     control": reports of a front line moving, whatever the place is called
 *     ("40 percent of the east", "half of the neighbourhoods");
 *   - an area of territory -> "area under control";
 *   - people -> "people" or "fighters" (by the counted noun) + the outcome of
 *     the nearest event word (claims_lex.c): "people left or evacuated",
 *     "fighters surrendered", "people killed";
 *   - other counts with an event word -> "<noun>s <outcome>".
 * Counts without an event word ("two officials", "three neighbourhoods")
 * say nothing comparable and are left out. The event word is searched
 * after the number first (subject counts: "78,000 civilians were evacuated"),
 * then before it ("killed at least 40 people"), within a few tokens.
 *
 * as_of is the nearest DATE of the sentence resolved to a day, week or month
 * (not one after "since"), else the document's publication date. */
#include "compare/claims.h"

#include "core/internal.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { FORWARD_WINDOW = 12, BACKWARD_WINDOW = 7 }; /* words, not punctuation */

/* Nouns that count fighters rather than civilians (lemmas). Sorted. */
static const char *const FIGHTER_NOUNS[] = {
    "combatant", "fighter", "guerrilla", "gunman", "insurgent", "jihadi", "jihadist", "militant",
    "militiaman", "rebel", "soldier", "terrorist", "troop"};

static int cmp_str(const void *k, const void *e) { return strcmp(k, *(const char *const *)e); }

static bool fighter_noun(const char *unit) {
  return unit && bsearch(unit, FIGHTER_NOUNS, sizeof FIGHTER_NOUNS / sizeof *FIGHTER_NOUNS,
                         sizeof *FIGHTER_NOUNS, cmp_str);
}

/* The event class nearest the quantity's tokens [qa, qb) in the sentence tokens [a, b). */
static px_evclass near_event(const px_evlex *lx, px_terms *t, const px_doc *doc, const px_span *tok, size_t ntok,
                             size_t a, size_t b, size_t qa, size_t qb) {
  const char *text = px_doc_text(doc, NULL);
  for (size_t k = qb, n = 0; k < b && n < FORWARD_WINDOW; k++) {
    if (tok[k].kind == PX_TOK_PUNCT && (text[tok[k].start] == ';' || text[tok[k].start] == ':')) break;
    n += tok[k].kind == PX_TOK_WORD || tok[k].kind == PX_TOK_NUMBER;
    px_evclass c = px_ev_token(lx, t, doc, tok, k, ntok);
    if (c && c <= PX_EV_DISPLACED) return c;
  }
  for (size_t k = qa, n = 0; k > a && n < BACKWARD_WINDOW;) {
    k--;
    n += tok[k].kind == PX_TOK_WORD || tok[k].kind == PX_TOK_NUMBER;
    if (tok[k].kind == PX_TOK_PUNCT && (text[tok[k].start] == ';' || text[tok[k].start] == ':')) break;
    px_evclass c = px_ev_token(lx, t, doc, tok, k, ntok);
    if (c && c <= PX_EV_DISPLACED) return c;
  }
  return PX_EV_NONE;
}

/* Is there a clause break (, ; : or a dash) in text[a..b)? */
static bool clause_break(const char *text, size_t a, size_t b) {
  for (size_t i = a; i < b; i++) {
    if (text[i] == ',' && i > a && i + 1 < b && px_is_digit((unsigned char)text[i - 1]) &&
        px_is_digit((unsigned char)text[i + 1]))
      continue; /* "1,519" */
    if (text[i] == ',' || text[i] == ';' || text[i] == ':' || text[i] == '(' || text[i] == ')') return true;
  }
  return false;
}

/* The index in times[] of the as_of date for a fact at bytes [at, end) of
 * sentence `sent`, or -1: the nearest date of the same clause, else the
 * nearest before the fact (narrative order: "by Monday ..., and a week
 * later ... 93%"), else the nearest after it. */
static int32_t as_of_time(const px_doc *doc, const px_time *tm, size_t nt, int32_t sent, size_t at, size_t end) {
  const char *text = px_doc_text(doc, NULL);
  size_t lo = 0, hi = nt;
  while (lo < hi) { /* times are in text order, so a sentence's times are adjacent */
    size_t mid = lo + (hi - lo) / 2;
    if (tm[mid].sentence < sent) lo = mid + 1;
    else hi = mid;
  }
  int32_t best = -1;
  size_t best_d = SIZE_MAX;
  for (size_t i = lo; i < nt && tm[i].sentence == sent; i++) {
    long a, b;
    int gran;
    if (tm[i].type != PX_TIME_DATE || !px_c_date_days(tm[i].value, &a, &b, &gran)) continue;
    size_t p = tm[i].start;
    while (p > 0 && text[p - 1] == ' ') p--;
    if (p >= 5 && strncmp(text + p - 5, "since", 5) == 0) continue;
    bool before = tm[i].end <= at;
    size_t d = before ? at - tm[i].end : tm[i].start > end ? tm[i].start - end : 0;
    bool same = before ? !clause_break(text, tm[i].end, at) : !clause_break(text, end, tm[i].start);
    /* rank: same clause, then before, then after; then distance */
    size_t rank = (same ? 0 : before ? 1 : 2) * ((size_t)1 << 40) + d;
    if (rank < best_d) best_d = rank, best = (int32_t)i;
  }
  return best;
}

/* Does the sentence (tokens [a, b)) speak in the present ("has", "are", "now")? */
static bool present(const char *text, const px_span *tok, size_t a, size_t b) {
  static const char *const words[] = {"am", "are", "has", "have", "is", "now", "remain", "remains"};
  for (size_t k = a; k < b; k++) {
    size_t len = tok[k].end - tok[k].start;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
      if (len == strlen(words[i]) && strncasecmp(text + tok[k].start, words[i], len) == 0) return true;
  }
  return false;
}

/* Do sentence i and the one before it share a paragraph? */
static bool same_paragraph(const px_doc *doc, size_t i) {
  size_t ns = 0;
  const px_span *sents = px_doc_layer(doc, PX_LAYER_SENTENCES, &ns);
  return i > 0 && i < ns && sents[i].aux == sents[i - 1].aux;
}

/* The lower-cased last word of text[a..b) into out (the head of an "of" phrase). */
static void last_word(const char *text, size_t a, size_t b, char *out, size_t size) {
  size_t e = b;
  while (e > a && !px_is_alpha((unsigned char)text[e - 1])) e--;
  size_t st = e;
  while (st > a && (px_is_alpha((unsigned char)text[st - 1]) || text[st - 1] == '-')) st--;
  size_t n = e - st < size - 1 ? e - st : size - 1;
  for (size_t i = 0; i < n; i++) out[i] = (char)px_lower((unsigned char)text[st + i]);
  out[n] = '\0';
}

static bool vague_span(const char *text, size_t a, size_t b, px_approx ap) {
  if (ap != PX_APPROX_ABOUT || b <= a || text[b - 1] != 's') return false;
  for (size_t i = a; i < b; i++)
    if (px_is_digit((unsigned char)text[i])) return false;
  return true;
}

/* A plural for a display string: "neighbourhood" -> "neighbourhoods", "city" -> "cities". */
static void plural(const char *w, char *out, size_t size) {
  size_t n = strlen(w);
  if (n && w[n - 1] == 'y' && n >= 2 && !strchr("aeiou", w[n - 2]))
    snprintf(out, size, "%.*sies", (int)(n - 1), w);
  else if (n && w[n - 1] == 's') snprintf(out, size, "%s", w);
  else snprintf(out, size, "%s%s", w, "s");
}

typedef struct {
  px_story *s;
  const px_evlex *lx;
  px_cworkvec *out;
  const px_doc *doc;
  uint32_t d;
  const char *published; /* story-owned */
  long pub_lo, pub_hi;
} qctx;

/* Sets key, measure and flags of a quantity claim: 1, 0 when it is not a claim, or PX_ENOMEM. */
static int measure_of(qctx *c, const px_quantity *q, px_evclass ev, bool unit_ev, px_cwork *w) {
  const char *text = px_doc_text(c->doc, NULL);
  bool share = q->unit && (strcmp(q->unit, "percent") == 0 || strcmp(q->unit, "fraction") == 0);
  char buf[96];
  if (share && q->category == PX_QTY_TERRITORY) {
    snprintf(w->key, sizeof w->key, "q|share|territory");
    w->measure = "share of territory under control";
    ev = PX_EV_CONTROL;
  } else if (q->category == PX_QTY_TERRITORY) {
    snprintf(w->key, sizeof w->key, "q|area|%s", q->unit ? q->unit : "");
    snprintf(buf, sizeof buf, "area under control (%s)", q->unit ? q->unit : "");
    w->measure = px_s_intern(c->s, buf, strlen(buf));
    ev = PX_EV_CONTROL;
  } else if (!ev) {
    return 0;
  } else if (share) {
    char head[40];
    last_word(text, q->of_start, q->of_end, head, sizeof head);
    snprintf(w->key, sizeof w->key, "q|share|%s|%d", head, (int)ev);
    snprintf(buf, sizeof buf, "share of %s %s", head[0] ? head : "total", px_ev_outcome(ev));
    w->measure = px_s_intern(c->s, buf, strlen(buf));
  } else if (q->category == PX_QTY_PEOPLE || q->category == PX_QTY_OTHER) {
    if (q->category == PX_QTY_OTHER && !unit_ev) return 0;
    const char *who = fighter_noun(q->unit) ? "fighters" : "people";
    snprintf(w->key, sizeof w->key, "q|people|%s|%d", who, (int)ev);
    snprintf(buf, sizeof buf, "%s %s", who, px_ev_outcome(ev));
    w->measure = px_s_intern(c->s, buf, strlen(buf));
  } else {
    if (!q->unit) return 0;
    char pl[64];
    plural(q->unit, pl, sizeof pl);
    snprintf(w->key, sizeof w->key, "q|%d|%.40s|%d", (int)q->category, q->unit, (int)ev);
    snprintf(buf, sizeof buf, "%s %s", pl, px_ev_outcome(ev));
    w->measure = px_s_intern(c->s, buf, strlen(buf));
  }
  w->cumulative = px_ev_cumulative(ev);
  w->event_like = true;
  return w->measure ? 1 : PX_ENOMEM;
}

/* A part of a count already given ("3,000 people, including 1,500 children",
 * "among them 100 babies"): a detail of the claim before it, not a claim. */
static bool part_of_count(const char *text, const px_span *tok, size_t a, size_t qa) {
  for (size_t k = qa, n = 0; k > a && n < 2; n++) {
    k--;
    size_t len = tok[k].end - tok[k].start;
    const char *w = text + tok[k].start;
    if ((len == 9 && strncasecmp(w, "including", 9) == 0) || (len == 5 && strncasecmp(w, "among", 5) == 0))
      return true;
    if (tok[k].kind != PX_TOK_WORD || n == 1) break;
    if (!(len == 4 && strncasecmp(w, "them", 4) == 0)) break; /* "among them N" */
  }
  return false;
}

static int quantity_claim(qctx *c, const px_quantity *q, size_t qi, const px_time *tm, size_t nt) {
  size_t ntok = 0, a, b;
  const px_span *tok = px_doc_layer(c->doc, PX_LAYER_TOKENS, &ntok);
  const char *text = px_doc_text(c->doc, NULL);
  if (q->sentence < 0 || isnan(q->value)) return PX_OK;
  px_c_sentence_tokens(c->doc, (size_t)q->sentence, &a, &b);
  size_t qa = a, qb;
  while (qa < b && tok[qa].start < q->start) qa++;
  qb = qa;
  while (qb < b && tok[qb].start < q->end) qb++;
  if (part_of_count(text, tok, a, qa)) return PX_OK;
  px_evclass ev = near_event(c->lx, &c->s->terms, c->doc, tok, ntok, a, b, qa, qb);
  bool unit_ev = false;
  if (q->unit) { /* the counted noun may name the event itself ("thousands of evacuations") */
    uint32_t id = px_terms_lookup(&c->s->terms, q->unit, strlen(q->unit));
    unit_ev = id < c->lx->n && c->lx->cls[id] && c->lx->cls[id] <= PX_EV_DISPLACED;
    if (unit_ev) ev = (px_evclass)c->lx->cls[id];
  }
  px_cwork w;
  memset(&w, 0, sizeof w);
  int m = measure_of(c, q, ev, unit_ev, &w);
  if (m <= 0) return m;
  bool pct = q->unit && strcmp(q->unit, "fraction") == 0;
  double scale = pct ? 100.0 : 1.0;
  px_c_interval(q->value * scale, q->value_max * scale, q->approx, vague_span(text, q->start, q->end, q->approx),
                &w.lo, &w.hi);
  int32_t ti = as_of_time(c->doc, tm, nt, q->sentence, q->start, q->end);
  if (ti < 0 && q->sentence > 0 && same_paragraph(c->doc, (size_t)q->sentence) && !present(text, tok, a, b)) {
    /* a past-tense narrative keeps the date of the sentence before it
     * ("In the second week ... . Over the month, 78,000 were evacuated.");
     * the present and present perfect speak as of publication */
    size_t ns = 0;
    const px_span *sents = px_doc_layer(c->doc, PX_LAYER_SENTENCES, &ns);
    ti = as_of_time(c->doc, tm, nt, q->sentence - 1, sents[q->sentence].start, sents[q->sentence].start);
  }
  char date[16];
  int gran;
  w.day_lo = c->pub_lo, w.day_hi = c->pub_hi;
  const char *as_of = c->published;
  if (ti >= 0) {
    size_t n = px_c_date_part(tm[ti].value, date, sizeof date);
    as_of = px_s_intern(c->s, date, n);
    if (!as_of) return PX_ENOMEM;
    px_c_date_days(tm[ti].value, &w.day_lo, &w.day_hi, &gran);
    w.stated = true;
  }
  w.claim = (px_claim){c->d, (uint32_t)q->sentence, PX_CLAIM_QUANTITY, (int32_t)qi, q->start, q->end,
                       q->value, q->value_max, q->approx, NULL, NULL, as_of,
                       px_story_entity_of(c->s, c->d, q->source)};
  if (q->unit && !(w.claim.unit = px_s_intern(c->s, q->unit, strlen(q->unit)))) return PX_ENOMEM;
  return PX_VEC_PUSH(*c->out, w);
}

/* The publication date of a document (story-owned) and its day interval. */
static int published(px_story *s, const px_doc *doc, const char **out, long *lo, long *hi) {
  const char *p = px_doc_meta(doc, PX_META_PUBLISHED);
  if (!p) p = px_doc_published_inferred(doc, NULL);
  int gran;
  *out = NULL;
  *lo = *hi = LONG_MAX;
  if (!p || !px_c_date_days(p, lo, hi, &gran)) {
    *lo = *hi = LONG_MAX;
    return PX_OK;
  }
  *out = px_s_intern(s, p, strlen(p));
  return *out ? PX_OK : PX_ENOMEM;
}

int px_s_claims(px_story *s) {
  px_evlex lx;
  int rc = px_evlex_build(&lx, &s->terms);
  px_cworkvec work = {0};
  for (size_t d = 0; d < s->ndocs && rc == PX_OK; d++) {
    qctx c = {s, &lx, &work, px_corpus_doc(s->corpus, d), (uint32_t)d, NULL, 0, 0};
    rc = published(s, c.doc, &c.published, &c.pub_lo, &c.pub_hi);
    size_t nq = 0, nt = 0;
    const px_quantity *q = px_doc_quantities(c.doc, &nq);
    const px_time *tm = px_doc_times(c.doc, &nt);
    for (size_t i = 0; i < nq && rc == PX_OK; i++) rc = quantity_claim(&c, &q[i], i, tm, nt);
  }
  if (rc == PX_OK) rc = px_c_date_claims(s, &lx, &work);
  if (rc == PX_OK) rc = px_c_group(s, work.v, work.n);
  free(work.v);
  px_evlex_free(&lx);
  return rc;
}
