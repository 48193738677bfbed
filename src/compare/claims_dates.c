/* claims_dates.c - date claims: who dates which event when.
 *
 * A sentence that names a one-off event (a ceasefire, an agreement, talks,
 * a capture, a surrender) or the start or end of one ("the offensive began",
 * "talks broke down") and holds a DATE resolved to a day gives a date claim:
 * the event dated by that source. The event key is the event class, its
 * phase (began / ended) and the first place the sentence names (lower-cased,
 * so outlets that spell it alike meet even before entity merging), so
 * "the truce began on 3 May" and "a ceasefire took effect on 4 May" about
 * the same town meet and conflict. Repeated kinds of event (attacks,
 * killings, departures) are dated only with a phase, since two dates for
 * "an attack" are usually two attacks. Groups of one document are dropped:
 * the timeline shows single-source dates. */
#include "compare/claims.h"

#include "core/internal.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static bool one_off(px_evclass c) {
  return c == PX_EV_CEASEFIRE || c == PX_EV_AGREEMENT || c == PX_EV_TALKS || c == PX_EV_CONTROL ||
         c == PX_EV_SURRENDER;
}

/* The name of the first place entity mentioned in sentence `sent`, or NULL. */
static const char *first_place(const px_doc *doc, int32_t sent) {
  size_t nm = 0, ne = 0;
  const px_mention *m = px_doc_mentions(doc, &nm);
  const px_entity *e = px_doc_entities(doc, &ne);
  size_t lo = 0, hi = nm;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (m[mid].sentence < sent) lo = mid + 1;
    else hi = mid;
  }
  for (size_t i = lo; i < nm && m[i].sentence == sent; i++)
    if (m[i].entity >= 0 && (size_t)m[i].entity < ne && e[m[i].entity].type == PX_ENT_PLACE)
      return e[m[i].entity].name;
  return NULL;
}

typedef struct {
  px_evclass main, phase;
  size_t at; /* byte offset of the event word */
} sent_event;

/* The event and phase words of tokens [a, b). */
static sent_event find_event(px_story *s, const px_evlex *lx, const px_doc *doc, const px_span *tok, size_t ntok,
                             size_t a, size_t b) {
  sent_event ev = {PX_EV_NONE, PX_EV_NONE, 0};
  for (size_t k = a; k < b; k++) {
    px_evclass c = px_ev_token(lx, &s->terms, doc, tok, k, ntok);
    if (!c) continue;
    if (c == PX_EV_BEGIN || c == PX_EV_END) {
      if (!ev.phase) ev.phase = c;
    } else if (!ev.main || (one_off(c) && !one_off(ev.main))) {
      ev.main = c, ev.at = tok[k].start;
    }
  }
  return ev;
}

static int sentence_claim(px_story *s, const px_evlex *lx, px_cworkvec *out, uint32_t d, int32_t sent,
                          const px_time *tm, size_t ti, size_t tend) {
  const px_doc *doc = px_corpus_doc(s->corpus, d);
  size_t ntok = 0, a, b;
  const px_span *tok = px_doc_layer(doc, PX_LAYER_TOKENS, &ntok);
  px_c_sentence_tokens(doc, (size_t)sent, &a, &b);
  sent_event ev = find_event(s, lx, doc, tok, ntok, a, b);
  if (!ev.main || (!one_off(ev.main) && !ev.phase)) return PX_OK;
  const char *place = first_place(doc, sent);
  if (ev.main == PX_EV_CONTROL && !place) return PX_OK; /* capture of what? */
  /* the day-granular date nearest the event word */
  size_t best = SIZE_MAX, best_d = SIZE_MAX;
  long lo = 0, hi = 0;
  int gran = 0;
  for (size_t i = ti; i < tend; i++) {
    long l, h;
    int g;
    if (tm[i].type != PX_TIME_DATE || !px_c_date_days(tm[i].value, &l, &h, &g) || g != 3) continue;
    size_t dist = tm[i].start > ev.at ? tm[i].start - ev.at : ev.at - tm[i].start;
    if (dist < best_d) best_d = dist, best = i, lo = l, hi = h, gran = g;
  }
  if (best == SIZE_MAX) return PX_OK;
  px_cwork w;
  memset(&w, 0, sizeof w);
  char name[64] = "";
  if (place) {
    size_t n = strlen(place) < sizeof name - 1 ? strlen(place) : sizeof name - 1;
    for (size_t i = 0; i < n; i++) name[i] = (char)px_lower((unsigned char)place[i]);
    name[n] = '\0';
  }
  snprintf(w.key, sizeof w.key, "d|%d|%d|%s", (int)ev.main, (int)ev.phase, name);
  char buf[128];
  snprintf(buf, sizeof buf, "%s%s%s%s%s", px_ev_noun(ev.main), ev.phase ? " " : "",
           ev.phase ? px_ev_outcome(ev.phase) : "", place ? " in " : "", place ? place : "");
  char date[16];
  size_t dn = px_c_date_part(tm[best].value, date, sizeof date);
  w.measure = px_s_intern(s, buf, strlen(buf));
  const char *dv = px_s_intern(s, date, dn);
  const char *pub = px_doc_meta(doc, PX_META_PUBLISHED);
  if (!pub) pub = px_doc_published_inferred(doc, NULL);
  const char *as_of = pub ? px_s_intern(s, pub, strlen(pub)) : NULL;
  if (!w.measure || !dv || (pub && !as_of)) return PX_ENOMEM;
  long pl = LONG_MAX, ph = LONG_MAX;
  if (!as_of || !px_c_date_days(as_of, &pl, &ph, &gran)) pl = ph = LONG_MAX;
  w.day_lo = pl, w.day_hi = ph;
  w.lo = (double)lo, w.hi = (double)hi;
  w.claim = (px_claim){d, (uint32_t)sent, PX_CLAIM_DATE, (int32_t)best, tm[best].start, tm[best].end, NAN, NAN,
                       PX_APPROX_EXACT, NULL, dv, as_of, px_story_entity_of(s, d, px_doc_sentence_source(doc, (size_t)sent))};
  return PX_VEC_PUSH(*out, w);
}

int px_c_date_claims(px_story *s, const px_evlex *lx, px_cworkvec *out) {
  int rc = PX_OK;
  for (size_t d = 0; d < s->ndocs && rc == PX_OK; d++) {
    size_t nt = 0;
    const px_time *tm = px_doc_times(px_corpus_doc(s->corpus, d), &nt);
    for (size_t i = 0; i < nt && rc == PX_OK;) { /* one claim per sentence with dates */
      size_t j = i + 1;
      while (j < nt && tm[j].sentence == tm[i].sentence) j++;
      if (tm[i].sentence >= 0) rc = sentence_claim(s, lx, out, (uint32_t)d, tm[i].sentence, tm, i, j);
      i = j;
    }
  }
  return rc;
}
