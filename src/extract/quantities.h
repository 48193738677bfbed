/* quantities.h - the pieces of the quantities stage (quantities*.c): what
 * px_x_quantities() in quantities.c calls to decide whether a number counts
 * something, what it counts and what it is a share of. */
#ifndef PX_QUANTITIES_H
#define PX_QUANTITIES_H

#include "extract.h"

/* Lexicon classes (data/quantity_nouns.txt, data/units.txt). */
typedef enum px_qn_class {
  PX_QN_OTHER = 0,
  PX_QN_PEOPLE,
  PX_QN_PLACES,
  PX_QN_TERRITORY,
  PX_QN_ORGANISATIONS,
  PX_QN_OBJECTS,
  PX_QN_MONEY,
  PX_QN_TIME,
  PX_QN_PART /* part, portion, side: territory when a share is taken of it */
} px_qn_class;

typedef struct px_qnoun {
  const char *w;
  unsigned char len;
  unsigned char cls; /* px_qn_class */
} px_qnoun;

typedef struct px_qunit {
  const char *w;
  unsigned char len;
  const char *unit;  /* "km", "usd" */
  unsigned char cls; /* px_qn_class */
} px_qunit;

/* The class of a singular noun (any case), PX_QN_OTHER when unknown. */
px_qn_class px_qn_noun_class(const char *w, size_t n);
/* The unit entry of a word after a number ("kilometres"), or NULL. */
const px_qunit *px_qn_unit(const char *w, size_t n);
/* The public category of a lexicon class. */
px_qty_category px_qn_category(px_qn_class c);
/* Whether a word looks like a plural noun ("fighters", "people", "gunmen"). */
bool px_qn_plural(const char *w, size_t n);
/* Writes the singular of a word into out (case kept; "children" -> "child",
 * "Babies" -> "Baby"); returns its length (< cap). */
size_t px_qn_singular(const char *w, size_t n, char *out, size_t cap);
/* Whether token i is a function word that ends a noun phrase. */
bool px_qn_stop_word(const px_xctx *x, size_t i);
/* Token i is one of the NULL-terminated lower-case words (lower-cases once). */
bool px_qn_tok_in(const px_xctx *x, size_t i, const char *const *words);
/* First token starting at or after pos (n_tok when none). */
size_t px_qn_tok_from(const px_xctx *x, size_t pos);
/* Whether the sentence containing token i is written in title case (a headline). */
bool px_qn_title_case(const px_xctx *x, size_t i);

/* What a number counts. */
typedef struct px_qhead {
  const char *unit;   /* interned or static; NULL when unknown */
  px_qn_class cls;
  size_t end;         /* end of the quantity's span when a unit word belongs to it, else 0 */
  bool capitalised;   /* the counted noun is capitalised ... */
  bool plural;        /* ... and plural (a people name: "Vestrians") */
} px_qhead;

/* A currency sign or code before `start` ("$", "US$", "£", "EUR"): its unit
 * code, *sign_start set; NULL when none. */
const char *px_qn_currency_before(const px_xctx *x, size_t start, size_t *sign_start);
/* A unit word after `pos` ("kilometres", "square miles", "dollars", "km2");
 * sets h (unit, class, end) and returns true when found. */
bool px_qn_unit_after(const px_xctx *x, size_t pos, px_qhead *h);
/* The counted noun after `pos` ("people", "rebel-held neighbourhoods", "of the
 * residents" when `after_of`); `singular` when the number is one. */
bool px_qn_counted_noun(px_xctx *x, size_t pos, bool singular, bool after_of, px_qhead *h);
/* When the text names no noun after the number (start..end) but a verb or
 * the clause's end follows ("more than 1,000 have fled"): the noun of "the
 * number of X" or the nearest plural people noun earlier in the sentence. */
bool px_qn_implied_noun(px_xctx *x, size_t start, size_t end, px_qhead *h);

/* What "others" in "three others" stands for: the nearest plural noun of a
 * known class earlier in the sentence ("the old docks ... three others"). */
bool px_qn_antecedent(px_xctx *x, size_t start, px_qhead *h);

/* The noun phrase a share is taken of ("98% of the city" -> "the city";
 * "half the city"), from `pos` on; sets *of_start, *of_end and the class of
 * its head. False when there is none. */
bool px_qn_of_phrase(const px_xctx *x, size_t pos, bool direct, size_t *of_start, size_t *of_end, px_qn_class *cls);

/* Whether number nums[i] is not a quantity: a year, a day of a month, a
 * duration, a label ("page 5"), a list marker, part of a name, "one" as a
 * pronoun (quantities_filter.c). `end` is where the number expression ends. */
bool px_qn_excluded(const px_xctx *x, const px_number *nums, size_t n, size_t i, size_t end);
/* Whether a time unit follows `pos` ("years", "-hour"): a duration. */
bool px_qn_time_after(const px_xctx *x, size_t pos);

#endif
