/* times.h - internals of the times stage (TIMEX3), shared by times*.c.
 *
 * The stage works in four steps over a token stream of its own (tx_tok):
 *   1. times_lex.c    splits the document tokens where dates hide inside one
 *                     token ("five-year", "Jan-1", "3h", "22april") and tags
 *                     each piece from a static sorted word table;
 *   2. times_date.c, times_rel.c, times_dur.c   match patterns at each token
 *                     and record what they found in a tx_m: calendar fields,
 *                     an offset from an anchor, a weekday, a literal value;
 *   3. times_infer.c  guesses a publication date when none was given;
 *   4. times_resolve.c turns each tx_m into a TIMEX3 value against the
 *                     document anchor or the last date the text mentioned,
 *                     with calendar arithmetic from times_cal.c.
 */
#ifndef PX_TIMES_H
#define PX_TIMES_H

#include "extract.h"

#include <stdint.h>

/* ---- lexicon (times_lex.c) ---- */

/* Word classes. */
enum { TW_NONE = 0, TW_MONTH, TW_WDAY, TW_NUM, TW_ORD, TW_UNIT, TW_POD, TW_SEASON, TW_KW, TW_SET };

/* Lexicon flags. */
enum {
  TF_ABBR = 1,   /* an abbreviation ("Dec", "Tues", "hrs"): needs a number or a date beside it */
  TF_AMBIG = 2,  /* also a common word ("may", "march", "fall", "sun") */
  TF_PLURAL = 4, /* "days", "Mondays" */
  TF_TENS = 8    /* twenty, thirty...: can take a unit word after it ("twenty one") */
};

/* Units (TW_UNIT values), in increasing size. */
enum { U_NONE = 0, U_SEC, U_MIN, U_HOUR, U_DAY, U_WEEK, U_FORTNIGHT, U_MONTH, U_YEAR, U_DECADE, U_CENTURY, U_WEEKEND };

/* Parts of the day (TW_POD values) and their TIMEX3 suffixes. */
enum { POD_NONE = 0, POD_MO, POD_AF, POD_EV, POD_NI };

/* Seasons (TW_SEASON values). */
enum { SEA_SP = 1, SEA_SU, SEA_FA, SEA_WI };

/* Keywords (TW_KW values). */
enum {
  K_NONE = 0, K_A, K_THE, K_OF, K_IN, K_ON, K_AT, K_FOR, K_TO, K_AND, K_OR, K_FROM, K_BY, K_SINCE, K_UNTIL,
  K_DURING, K_WITHIN, K_THROUGH, K_BETWEEN, K_TODAY, K_YESTERDAY, K_TOMORROW, K_TONIGHT, K_NOW, K_AGO,
  K_LATER, K_EARLIER, K_BEFORE, K_AFTER, K_HENCE, K_THIS, K_LAST, K_NEXT, K_PAST, K_PREVIOUS, K_COMING,
  K_FOLLOWING, K_RECENT, K_EVERY, K_EACH, K_PER, K_BEGINNING, K_END, K_MIDDLE, K_MID, K_EARLY, K_LATE,
  K_ABOUT, K_NEARLY, K_OVER, K_MORE, K_LESS, K_THAN, K_UNDER, K_LEAST, K_UP, K_FEW, K_SEVERAL, K_SOME,
  K_COUPLE, K_MATTER, K_HALF, K_QUARTER, K_FISCAL, K_ALL, K_ANOTHER, K_LONG, K_OLD, K_SAME, K_THAT,
  K_THESE, K_THOSE, K_NOON, K_MIDNIGHT, K_AM, K_PM, K_TZ, K_TIMES, K_ONCE, K_TWICE, K_OTHER, K_BUSINESS,
  K_DOZEN, K_BUT, K_HOLIDAY, K_NEW, K_JUST, K_WELL, K_AS, K_NO, K_FINAL, K_CURRENT, K_HUNDRED, K_THOUSAND,
  K__COUNT
};

/* Values of TW_SET words (weekly, daily...): index into px_tx_set_value(). */
const char *px_tx_set_value(int v);

/* One entry of the word table. */
typedef struct tx_word {
  char w[16];         /* the word, NUL-padded (13 letters at most) */
  uint8_t cls, val;   /* main reading */
  uint8_t cls2, val2; /* second reading ("second": ordinal and unit), or TW_NONE */
  uint8_t flags;      /* TF_* */
} tx_word;

/* The entry for a lower-case ASCII word, or NULL. */
const tx_word *px_tx_lookup(const char *w, size_t n);
/* Whether the table is sorted and unique (for the unit test). */
bool px_tx_table_ok(void);

/* ---- the stage's token stream ---- */

enum { TT_CAP = 1, TT_NAME = 2, TT_POSS = 4, TT_DECADE = 8, TT_PART = 16 };

typedef struct tx_tok {
  size_t s, e;      /* bytes in the document */
  int32_t sent;     /* sentence index (-2 for the padding after the end) */
  uint8_t kind;     /* px_token_kind */
  uint8_t glued;    /* no white space between the previous token and this one */
  uint8_t cls, val, cls2, val2, lf; /* from the word table (TW_NONE when not a time word) */
  uint8_t tf;       /* TT_* */
  uint8_t nd;       /* NUMBER: digits in the first run of digits */
  char sep;         /* NUMBER: the character after the first run (',', '.', ':') or 0 */
  int32_t num;      /* NUMBER: value of the first run of digits (capped); ORD: the ordinal */
  int32_t cp;       /* PUNCT/SYMBOL: the first code point */
} tx_tok;

/* Extra tokens of padding after the end, so patterns may look ahead freely. */
#define TX_PAD 24

/* Builds the token stream of the whole document (n + TX_PAD entries, malloc'd). */
int px_tx_tokens(const px_xctx *x, tx_tok **out, size_t *n);

/* ---- matches ---- */

/* How a match is resolved. */
enum {
  OP_CAL = 1, /* calendar fields (year may be unknown: taken from the anchor) */
  OP_REL,     /* an offset from the anchor or the last mentioned date */
  OP_WDAY,    /* a weekday near the anchor */
  OP_NTH,     /* the n-th weekday or week of a month */
  OP_REF,     /* PRESENT_REF / PAST_REF / FUTURE_REF */
  OP_LIT      /* a literal value (durations, sets) */
};

/* Granularity of a date value. */
enum { G_NONE = 0, G_CENT, G_DECADE, G_YEAR, G_HALF, G_QUARTER, G_SEASON, G_MONTH, G_WEEK, G_WEEKEND, G_DAY, G_TIME };

typedef struct tx_m {
  size_t t0, t1;   /* tokens [t0, t1) */
  uint8_t type;    /* px_time_type */
  uint8_t mod;     /* px_time_mod */
  uint8_t op;      /* OP_* */
  uint8_t gran;    /* G_* of the result */
  uint8_t pod;     /* POD_*: part of the day appended to a day */
  uint8_t event;   /* OP_REL: 1 = from the last date mentioned, 0 = from the anchor */
  int8_t dir;      /* -1 past, +1 future, 0 decide by tense */
  int8_t nth;      /* OP_NTH: 1..5, -1 last; OP_WDAY: week offset when wkrel */
  uint8_t wkrel;   /* OP_WDAY: weekday of this/next/last week (ISO week offset in nth) */
  uint8_t ymd_order; /* numeric dates: 1 month first, 2 either way, 3 day first (times_numdate.c); 0 other */
  int16_t y;       /* year, or 0 when unknown (decade: 199, century: 19) */
  int8_t m, d;     /* month 1-12, day 1-31, or 0 */
  int8_t sub;      /* season, quarter or half; ISO week for G_WEEK */
  int8_t wd;       /* weekday 1-7 (Monday = 1) */
  int8_t hh, mi;   /* G_TIME: hour and minute (hh -1 when none) */
  int8_t yrel;     /* OP_CAL/OP_NTH: the year (and month when mrel) is relative to the anchor */
  int8_t mrel;     /* OP_NTH: month offset from the anchor's month when 1 */
  int32_t off;     /* OP_REL: offset in months; OP_CAL/OP_NTH with mrel: month offset */
  int32_t offd;    /* OP_REL: offset in days */
  char lit[20], lit2[20]; /* OP_LIT: value and value_max ("" when none) */
} tx_m;

/* Matching context. */
typedef struct tx_ctx {
  const px_xctx *x;
  const tx_tok *t;
  size_t n;
} tx_ctx;

/* Token helpers. */
static inline bool tx_is(const tx_tok *t, int cls, int val) {
  return (t->cls == cls && t->val == val) || (t->cls2 == cls && t->val2 == val);
}
static inline bool tx_kw(const tx_tok *t, int k) { return tx_is(t, TW_KW, k); }
static inline bool tx_cls(const tx_tok *t, int cls) { return t->cls == cls || t->cls2 == cls; }
static inline int tx_valof(const tx_tok *t, int cls) { return t->cls == cls ? t->val : t->cls2 == cls ? t->val2 : -1; }
static inline bool tx_punct(const tx_tok *t, int32_t cp) {
  return (t->kind == PX_TOK_PUNCT || t->kind == PX_TOK_SYMBOL) && t->cp == cp;
}
static inline bool tx_same_sent(const tx_tok *a, const tx_tok *b) { return a->sent == b->sent && a->sent >= 0; }
/* Token t is the ASCII word w (lower case) in any case. */
static inline bool tx_word_is(const tx_ctx *c, const tx_tok *t, const char *w) {
  size_t n = t->e - t->s, k = 0;
  const char *s = c->x->text + t->s;
  for (; k < n && w[k]; k++)
    if (px_lower((unsigned char)s[k]) != (unsigned char)w[k]) return false;
  return k == n && !w[k];
}
/* Whether token k ends a clause: closing punctuation or the end of the sentence (an opening
 * quotation mark or bracket starts something that belongs to what comes before). */
static inline bool tx_clause_end(const tx_tok *t, size_t k) {
  if (!tx_same_sent(&t[k - 1], &t[k])) return true;
  if (t[k].kind != PX_TOK_PUNCT) return false;
  int32_t cp = t[k].cp;
  return !(cp == '(' || cp == '[' || cp == '{' || cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x2018 ||
           cp == 0xAB);
}
/* Like tx_word_is, without a possessive ("Valentine's" is "valentine"). */
static inline bool tx_base_is(const tx_ctx *c, const tx_tok *t, const char *w) {
  size_t n = t->e - t->s, k = 0;
  const char *s = c->x->text + t->s;
  if (t->tf & TT_POSS) n -= s[n - 2] == '\'' ? 2 : 4;
  for (; k < n && w[k]; k++)
    if (px_lower((unsigned char)s[k]) != (unsigned char)w[k]) return false;
  return k == n && !w[k];
}
/* A plain run of digits (no separators). */
static inline bool tx_digits(const tx_tok *t) { return t->kind == PX_TOK_NUMBER && t->sep == 0 && t->nd > 0; }

/* Numbers written in words or digits ("two", "24", "twenty-four", "twenty one", "a"):
 * reads at i, returns the token after it (i when none) and the value in *v.
 * Halves: "two and a half" gives 2.5 (times_dur.c). */
size_t px_tx_number(const tx_ctx *c, size_t i, double *v, bool allow_a);
/* A day of the month 1-31 as digits, an ordinal or ordinal words at i ("13", "13th", "thirteenth",
 * "twenty-first", "twenty first"). Returns the token after it or i; *d gets the day. */
size_t px_tx_day(const tx_ctx *c, size_t i, int *d);
/* A year in words after a date ("two thousand and eighteen", "nineteen seventy eight"). */
size_t px_tx_word_year(const tx_ctx *c, size_t i, int *y);
/* A four-digit year at i (1000-2999, a plain run of digits). */
bool px_tx_year_tok(const tx_tok *t);

/* An amount of time: "five years", "two and a half hours", "1 month 21 days", "two or three days",
 * "a few days", "days" (times_amount.c). */
typedef struct tx_amount {
  double v[U_WEEKEND]; /* amount per unit, indexed by U_SEC..U_CENTURY */
  double vmax;         /* a range's high end ("two or three days": 3), else 0 */
  uint8_t unit;        /* the finest unit used */
  uint8_t units;       /* how many units are named */
  bool vague;          /* no number: "days", "a few days", "several more months" */
  bool digits;         /* the number was written in digits */
} tx_amount;

/* Reads an amount at i; returns the token after it, or i. `bare` lets a plural unit alone count
 * ("days"); vague amounts ("a few days") are always read. */
size_t px_tx_amount(const tx_ctx *c, size_t i, tx_amount *a, bool bare);
/* TIMEX3 duration of an amount ("P5Y", "P2Y6M", "PT24H", "PXD"); `hi` takes the range's high end. */
void px_tx_dur_value(const tx_amount *a, bool hi, char *out, size_t size);
/* The amount as an offset: whole months and days, and the granularity of a date so far from another. */
void px_tx_amount_offset(const tx_amount *a, int sign, int32_t *months, int32_t *days, uint8_t *gran);

/* Pattern families; each returns the token after the match, or 0 when none matches at i. */
size_t px_tx_match_date(const tx_ctx *c, size_t i, tx_m *m);  /* times_date.c */
size_t px_tx_match_rel(const tx_ctx *c, size_t i, tx_m *m);   /* times_rel.c */
size_t px_tx_match_dur(const tx_ctx *c, size_t i, tx_m *m);   /* times_dur.c */
size_t px_tx_match_time(const tx_ctx *c, size_t i, tx_m *m);  /* times_date.c: clock times */
/* The best match starting at i with its modifiers and hedges (times.c). */
size_t px_tx_match(const tx_ctx *c, size_t i, tx_m *m);
/* A matcher: the end token of an expression starting at token i (0: none), filling *m. */
typedef size_t (*tx_matcher)(const tx_ctx *c, size_t i, tx_m *m);
/* Runs `n` matchers at token i and keeps the longest match in *m (times.c). */
size_t px_tx_longest(const tx_ctx *c, size_t i, tx_m *m, const tx_matcher *f, size_t n);

/* Tense around token i in its sentence: -1 past, +1 future, 0 unknown, from the nearest
 * marker within `window` tokens (times_tense.c). px_tx_tense() looks up to 15 tokens away. */
int px_tx_tense_near(const tx_ctx *c, size_t i, size_t window);
int px_tx_tense(const tx_ctx *c, size_t i);

/* ---- calendar (times_cal.c) ---- */

typedef struct tx_date {
  int y, m, d; /* m and d 0 when not known (a partial anchor) */
} tx_date;

int64_t px_tx_days(int y, int m, int d);            /* days since 1970-01-01 */
tx_date px_tx_civil(int64_t days);                  /* inverse */
int px_tx_weekday(int64_t days);                    /* 1 = Monday ... 7 = Sunday */
int px_tx_month_len(int y, int m);
void px_tx_iso_week(int64_t days, int *iso_year, int *week);
int64_t px_tx_iso_monday(int iso_year, int week);   /* the Monday of an ISO week */
/* Parses "YYYY-MM-DD", "YYYY-MM" or "YYYY" (false when none of these). */
bool px_tx_parse_date(const char *s, tx_date *d);

/* ---- resolution (times_resolve.c) ---- */

/* What resolution carries from one expression to the next. */
typedef struct tx_state {
  bool have_anchor;
  tx_date anchor;
  bool have_last;  /* the last date the text mentioned (day granularity) */
  tx_date last;
  bool have_any;   /* the last year, month or day mentioned (m, d 0 when not given) */
  tx_date any;
  int32_t last_sent; /* sentence of the last day mentioned */
  int year_ctx;      /* the last explicit year written in sentence year_sent, or 0 */
  int32_t year_sent;
  int dm_order;      /* numeric dates: 1 day-first, 0 month-first (a document-wide vote) */
} tx_state;

/* Writes the TIMEX3 value (and value_max) of m into val/vmax (size >= 32); sets *anchor_used to
 * 0 (none), 1 (the document anchor) or 2 (the event anchor, written into evt[11]). Updates st. */
void px_tx_resolve(const tx_ctx *c, const tx_m *m, tx_state *st, char *val, char *vmax, int *anchor_used,
                   char evt[11]);

/* ---- publication date inference (times_infer.c) ---- */

/* When no anchor is known: a date from the text with its evidence (evidence >= 200 bytes).
 * Returns false when the text gives no support for one. */
bool px_tx_infer(const tx_ctx *c, const tx_m *ms, size_t nm, tx_date *out, char *evidence, size_t evsize);

#endif
