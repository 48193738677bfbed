/* claims.h - helpers shared by the claims (claims*.c) and timeline stages:
 * the event-verb lexicon, date arithmetic on TIMEX values and the verdict
 * rules. Internal to src/compare. */
#ifndef PX_COMPARE_CLAIMS_H
#define PX_COMPARE_CLAIMS_H

#include "compare/story.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What an event word says happened. The first group (up to PX_EV_DISPLACED)
 * are measurable outcomes that numbers count; the rest only date events. */
typedef enum px_evclass {
  PX_EV_NONE = 0,
  PX_EV_LEFT,      /* evacuate, leave, flee */
  PX_EV_KILLED,    /* kill, die */
  PX_EV_SURRENDER, /* surrender, lay down arms */
  PX_EV_CONTROL,   /* capture, retake, seize, liberate, hold */
  PX_EV_INJURED,   /* injure, wound */
  PX_EV_DETAINED,  /* detain, arrest */
  PX_EV_DISPLACED, /* displace */
  PX_EV_CEASEFIRE, /* ceasefire, truce */
  PX_EV_AGREEMENT, /* agreement, deal, accord */
  PX_EV_TALKS,     /* talks, negotiations */
  PX_EV_ATTACK,    /* attack, offensive, strike, bombing */
  PX_EV_BEGIN,     /* begin, start, launch (a phase of another event) */
  PX_EV_END,       /* end, stop, collapse (a phase of another event) */
  PX_EV__COUNT
} px_evclass;

/* The event classes of the corpus's terms, by term id (built once per story). */
typedef struct px_evlex {
  uint8_t *cls;       /* [n_terms]: px_evclass of a term's stem, 0 if none */
  uint32_t down, arms, weapons, white, flag; /* term ids of phrase parts ("lay down arms") */
  size_t n;
} px_evlex;

int px_evlex_build(px_evlex *lx, px_terms *t);
void px_evlex_free(px_evlex *lx);

/* The event class of token k of `doc` (global sentence index g known), or PX_EV_NONE.
 * Capitalised words are names ("Free ... Army") unless they open the sentence. */
px_evclass px_ev_token(const px_evlex *lx, px_terms *t, const px_doc *doc, const px_span *tok, size_t k,
                       size_t ntok);
/* Does the class name an outcome that only grows over time (cumulative counts)? */
bool px_ev_cumulative(px_evclass c);
/* "killed", "left or evacuated", "under control"... */
const char *px_ev_outcome(px_evclass c);
/* Noun of a dated event ("ceasefire", "capture"...). */
const char *px_ev_noun(px_evclass c);

/* Tokens of sentence `sentence`: [*first, *last). */
void px_c_sentence_tokens(const px_doc *doc, size_t sentence, size_t *first, size_t *last);

/* A TIMEX value as an interval of days (days since 1970-01-01), for
 * YYYY-MM-DD, YYYY-MM, YYYY-Www (and their T... or -WE suffixes). *gran: 3 day,
 * 2 week, 1 month. false for anything else (years, durations, PRESENT_REF). */
bool px_c_date_days(const char *v, long *lo, long *hi, int *gran);
/* Copies the date part of a TIMEX value ("2016-12-14TMO" -> "2016-12-14", "2016-W47-WE" -> "2016-W47"). */
size_t px_c_date_part(const char *v, char *out, size_t size);

/* A claim value as an interval [lo, hi] under its hedge. */
void px_c_interval(double v, double vmax, px_approx a, bool vague, double *lo, double *hi);

/* Working data of a claim while grouping. */
typedef struct px_cwork {
  char key[96];       /* measure key; claims with equal keys form a group */
  const char *measure;/* display name (static or story-owned) */
  bool cumulative, event_like;
  bool stated;        /* as_of comes from the text, not from the publication date */
  long day_lo, day_hi;/* as_of as days; day_lo = LONG_MAX when unknown */
  double lo, hi;      /* value interval */
  px_claim claim;
} px_cwork;

/* Sorts the work claims by key, as_of, doc and appends the groups (with their
 * claims and pairs) to the story, most documents first. A group of one
 * document is kept only when one of its claims is event_like (date claims
 * never are: a date one source gives is the timeline's). Frees nothing. */
int px_c_group(px_story *s, px_cwork *w, size_t n);

typedef PX_VEC(px_cwork) px_cworkvec;

/* Adds the date claims of the story's documents to `out` (claims_dates.c). */
int px_c_date_claims(px_story *s, const px_evlex *lx, px_cworkvec *out);

#endif
