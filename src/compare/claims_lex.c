/* claims_lex.c - the event-verb lexicon of the claims and timeline stages,
 * and the date and interval arithmetic they share.
 *
 * The lexicon is general English news vocabulary for what numbers in
 * conflict, disaster and crime reporting count (people killed, evacuated,
 * detained; territory taken) and for the events a timeline dates (ceasefire,
 * agreement, talks, attack, begin, end). Words are matched by Porter2 stem
 * through the story's term index, so "evacuated", "evacuation" and
 * "evacuating" all hit "evacuate"; irregular forms are listed. Under 150
 * entries, so a static array rather than a generated table. */
#include "compare/claims.h"

#include "core/internal.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  const char *word;
  uint8_t cls;
} lex_entry;

static const lex_entry LEX[] = {
    {"evacuate", PX_EV_LEFT},      {"flee", PX_EV_LEFT},        {"fled", PX_EV_LEFT},
    {"leave", PX_EV_LEFT},         {"left", PX_EV_LEFT},        {"escape", PX_EV_LEFT},
    {"exodus", PX_EV_LEFT},        {"migrate", PX_EV_LEFT},     {"kill", PX_EV_KILLED},
    {"die", PX_EV_KILLED},         {"died", PX_EV_KILLED},      {"dead", PX_EV_KILLED},
    {"death", PX_EV_KILLED},       {"slain", PX_EV_KILLED},     {"surrender", PX_EV_SURRENDER},
    {"capitulate", PX_EV_SURRENDER}, {"control", PX_EV_CONTROL}, {"capture", PX_EV_CONTROL},
    {"retake", PX_EV_CONTROL},     {"retook", PX_EV_CONTROL},   {"retaken", PX_EV_CONTROL},
    {"recapture", PX_EV_CONTROL},  {"seize", PX_EV_CONTROL},    {"free", PX_EV_CONTROL},
    {"freed", PX_EV_CONTROL},      {"liberate", PX_EV_CONTROL}, {"hold", PX_EV_CONTROL},
    {"held", PX_EV_CONTROL},       {"regain", PX_EV_CONTROL},   {"restore", PX_EV_CONTROL},
    {"overran", PX_EV_CONTROL},    {"overrun", PX_EV_CONTROL},  {"conquer", PX_EV_CONTROL},
    {"fall", PX_EV_CONTROL},       {"fell", PX_EV_CONTROL},     {"lose", PX_EV_CONTROL},
    {"lost", PX_EV_CONTROL},       {"injure", PX_EV_INJURED},   {"wound", PX_EV_INJURED},
    {"hurt", PX_EV_INJURED},       {"detain", PX_EV_DETAINED},  {"arrest", PX_EV_DETAINED},
    {"imprison", PX_EV_DETAINED},  {"jail", PX_EV_DETAINED},    {"displace", PX_EV_DISPLACED},
    {"ceasefire", PX_EV_CEASEFIRE}, {"cease-fire", PX_EV_CEASEFIRE}, {"truce", PX_EV_CEASEFIRE},
    {"armistice", PX_EV_CEASEFIRE}, {"agreement", PX_EV_AGREEMENT}, {"deal", PX_EV_AGREEMENT},
    {"accord", PX_EV_AGREEMENT},   {"treaty", PX_EV_AGREEMENT}, {"talks", PX_EV_TALKS},
    {"negotiate", PX_EV_TALKS},    {"attack", PX_EV_ATTACK},    {"offensive", PX_EV_ATTACK},
    {"assault", PX_EV_ATTACK},     {"bomb", PX_EV_ATTACK},      {"shell", PX_EV_ATTACK},
    {"airstrike", PX_EV_ATTACK},   {"fight", PX_EV_ATTACK},     {"battle", PX_EV_ATTACK},
    {"clash", PX_EV_ATTACK},   {"begin", PX_EV_BEGIN},      {"began", PX_EV_BEGIN},
    {"begun", PX_EV_BEGIN},        {"start", PX_EV_BEGIN},      {"launch", PX_EV_BEGIN},
    {"resume", PX_EV_BEGIN},       {"end", PX_EV_END},          {"stop", PX_EV_END},
    {"halt", PX_EV_END},           {"collapse", PX_EV_END},     {"broke", PX_EV_END},
};

int px_evlex_build(px_evlex *lx, px_terms *t) {
  memset(lx, 0, sizeof *lx);
  lx->n = t->n_terms;
  lx->cls = calloc(lx->n ? lx->n : 1, 1);
  if (!lx->cls) return PX_ENOMEM;
  for (size_t i = 0; i < sizeof LEX / sizeof *LEX; i++) {
    uint32_t id = px_terms_lookup(t, LEX[i].word, strlen(LEX[i].word));
    if (id < lx->n && !lx->cls[id]) lx->cls[id] = LEX[i].cls;
  }
  lx->down = px_terms_lookup(t, "down", 4);
  lx->arms = px_terms_lookup(t, "arms", 4);
  lx->weapons = px_terms_lookup(t, "weapons", 7);
  lx->white = px_terms_lookup(t, "white", 5);
  lx->flag = px_terms_lookup(t, "flags", 5);
  return PX_OK;
}

void px_evlex_free(px_evlex *lx) {
  free(lx->cls);
  lx->cls = NULL;
}

static uint32_t tok_term(px_terms *t, const char *text, const px_span *tk) {
  if (tk->kind != PX_TOK_WORD) return UINT32_MAX;
  return px_terms_lookup(t, text + tk->start, tk->end - tk->start);
}

px_evclass px_ev_token(const px_evlex *lx, px_terms *t, const px_doc *doc, const px_span *tok, size_t k,
                       size_t ntok) {
  const char *text = px_doc_text(doc, NULL);
  const px_span *tk = &tok[k];
  if (tk->kind != PX_TOK_WORD) return PX_EV_NONE;
  bool opens = k == 0 || tok[k - 1].aux != tk->aux;
  if (!opens && px_is_upper((unsigned char)text[tk->start])) return PX_EV_NONE;
  uint32_t id = tok_term(t, text, tk);
  if (id == UINT32_MAX || id >= lx->n) return PX_EV_NONE;
  /* "laid down their arms", "raised white flags": surrender without the word */
  if (id == lx->down || id == lx->white) {
    for (size_t j = k + 1; j < ntok && j <= k + 3 && tok[j].aux == tk->aux; j++) {
      uint32_t w = tok_term(t, text, &tok[j]);
      if (w != UINT32_MAX && (w == lx->arms || w == lx->weapons || (id == lx->white && w == lx->flag)))
        return PX_EV_SURRENDER;
    }
    return PX_EV_NONE;
  }
  return (px_evclass)lx->cls[id];
}

bool px_ev_cumulative(px_evclass c) {
  return c == PX_EV_LEFT || c == PX_EV_KILLED || c == PX_EV_SURRENDER || c == PX_EV_CONTROL ||
         c == PX_EV_INJURED || c == PX_EV_DETAINED || c == PX_EV_DISPLACED;
}

const char *px_ev_outcome(px_evclass c) {
  static const char *const names[PX_EV__COUNT] = {
      "", "left or evacuated", "killed", "surrendered", "under control", "injured", "detained", "displaced",
      "ceasefire", "agreement", "talks", "attacked", "began", "ended"};
  return (unsigned)c < PX_EV__COUNT ? names[c] : "";
}

const char *px_ev_noun(px_evclass c) {
  static const char *const names[PX_EV__COUNT] = {
      "event", "evacuation", "killing", "surrender", "capture", "injury", "arrest", "displacement",
      "ceasefire", "agreement", "talks", "attack", "start", "end"};
  return (unsigned)c < PX_EV__COUNT ? names[c] : "event";
}

void px_c_sentence_tokens(const px_doc *doc, size_t sentence, size_t *first, size_t *last) {
  size_t ns = 0, nt = 0;
  const px_span *sents = px_doc_layer(doc, PX_LAYER_SENTENCES, &ns);
  const px_span *tok = px_doc_layer(doc, PX_LAYER_TOKENS, &nt);
  *first = *last = 0;
  if (!sents || !tok || sentence >= ns) return;
  size_t lo = 0, hi = nt, start = sents[sentence].start, end = sents[sentence].end;
  while (lo < hi) { /* first token starting at or after the sentence */
    size_t mid = lo + (hi - lo) / 2;
    if (tok[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  size_t e = lo;
  while (e < nt && tok[e].start < end) e++;
  *first = lo;
  *last = e;
}

bool px_c_date_days(const char *v, long *lo, long *hi, int *gran) {
  int64_t l, h;
  if (!px_date_span(v, &l, &h, gran) || *gran == PX_DATE_YEAR) return false; /* a bare year dates no claim */
  *lo = (long)l;
  *hi = (long)h;
  return true;
}

size_t px_c_date_part(const char *v, char *out, size_t size) {
  size_t n = 0;
  long lo, hi;
  int gran = 0;
  if (size && px_c_date_days(v, &lo, &hi, &gran)) n = gran == 3 ? 10 : gran == 2 ? 8 : 7;
  if (n >= size) n = size ? size - 1 : 0;
  if (size) {
    memcpy(out, v, n);
    out[n] = '\0';
  }
  return n;
}

void px_c_interval(double v, double vmax, px_approx a, bool vague, double *lo, double *hi) {
  *lo = *hi = v;
  if (vague) { /* "thousands" is 2000 .. several thousands */
    *lo = v * 0.5;
    *hi = v * 5;
    return;
  }
  switch (a) {
  case PX_APPROX_ABOUT: *lo = v * 0.9, *hi = v * 1.1; break;
  case PX_APPROX_MORE_THAN: *lo = v, *hi = v * 1.5; break;
  case PX_APPROX_LESS_THAN:
  case PX_APPROX_UP_TO: *lo = v * 0.5, *hi = v; break;
  case PX_APPROX_AT_LEAST: *lo = v, *hi = HUGE_VAL; break;
  case PX_APPROX_RANGE: *hi = isnan(vmax) ? v : vmax; break;
  default: break;
  }
  if (*lo > *hi) {
    double x = *lo;
    *lo = *hi, *hi = x;
  }
}
