/* numbers.h - the number recognizer's pieces (numbers_lex.c, numbers_words.c, numbers.c).
 *
 * px_find_numbers() reads text as a stream of atoms: a digit number with its
 * separators and suffix ("1,674.5", "10k", "13th"), a vulgar fraction, a word
 * of the number lexicon ("twenty", "hundreds", "thirds", "and", "percent"),
 * any other word, or one symbol. The parser (numbers.c) combines atoms into
 * numbers. Atoms never cross a line break, so no number spans two lines. */
#ifndef PX_NUMBERS_H
#define PX_NUMBERS_H

#include "core/internal.h"

/* Classes of lexicon words (numbers_words.c). */
typedef enum px_nw_class {
  PX_NW_ZERO,     /* zero, nought, naught */
  PX_NW_UNIT,     /* one .. nine */
  PX_NW_TEEN,     /* ten .. nineteen */
  PX_NW_TENS,     /* twenty .. ninety */
  PX_NW_HUNDRED,  /* hundred(s) */
  PX_NW_SCALE,    /* thousand, million, billion, trillion, lakh, crore (and plurals) */
  PX_NW_DOZEN,    /* dozen(s), doz, dzs */
  PX_NW_ORD,      /* first .. ninetieth, hundredth .. trillionth (and plurals) */
  PX_NW_HALF,     /* half, halves: denominator 2 */
  PX_NW_QUARTER,  /* quarter(s): denominator 4 */
  PX_NW_A,        /* a, an */
  PX_NW_AND,
  PX_NW_POINT,    /* the decimal point read out */
  PX_NW_MINUS,    /* minus, negative */
  PX_NW_PERCENT,  /* percent, percents, percentage, pct */
  PX_NW_PER,      /* "per" of "per cent" */
  PX_NW_CENT,
  PX_NW_OF,
  PX_NW_OVER,     /* "one over three" */
  PX_NW_OUT,      /* "one out of three" */
  PX_NW_IN,       /* "one in five" */
  PX_NW_TENS_PL,  /* "tens" of "tens of thousands" */
  PX_NW_POINTS    /* "points" of "percentage points" */
} px_nw_class;

typedef struct px_nword {
  const char *word; /* lower case */
  unsigned char len;
  unsigned char cls;    /* px_nw_class */
  unsigned char plural; /* "hundreds", "thirds" */
  double value;         /* 7, 1000, the ordinal's rank */
} px_nword;

/* The lexicon entry for `n` bytes of ASCII letters (any case), or NULL. */
const px_nword *px_nw_lookup(const char *s, size_t n);
/* Whether the lexicon is sorted and every entry is found (for the unit tests). */
bool px_nw_selfcheck(void);

/* Atom kinds. */
typedef enum px_na_kind { PX_NA_END = 0, PX_NA_DIGITS, PX_NA_VULGAR, PX_NA_WORD, PX_NA_OTHER, PX_NA_SYM } px_na_kind;

/* Facts about a digit atom. */
enum {
  PX_ND_DECIMAL = 1u << 0,  /* has a decimal point or comma */
  PX_ND_GROUPED = 1u << 1,  /* thousands separators ("1,324", "40 000") */
  PX_ND_ORDINAL = 1u << 2,  /* st/nd/rd/th suffix */
  PX_ND_ATTACHED = 1u << 3, /* other letters glued on ("29km"): end stops before them */
  PX_ND_SUFFIX = 1u << 4,   /* multiplier suffix ("10k", "1.2bn") */
  PX_ND_EXP = 1u << 5,      /* exponent ("1e10", "1.1^23", "1.3x10^6") */
  PX_ND_DOTTED = 1u << 6,   /* part of a dotted chain ("192.168.1.2"): integer digits only */
  PX_ND_HUGE = 1u << 7      /* more integer digits than a double holds meaningfully */
};

typedef struct px_natom {
  px_na_kind kind;
  size_t start, end;
  bool spaced;          /* white space (not a line break) before it */
  double value;         /* digits, vulgar fraction; a word's lexicon value */
  unsigned dflags;      /* PX_ND_* */
  unsigned int_digits;  /* digits before the decimal point */
  const px_nword *w;    /* PX_NA_WORD */
  int32_t cp;           /* PX_NA_SYM: the code point */
} px_natom;

/* Reading context. */
typedef struct px_nlex {
  const char *s;
  size_t len;
} px_nlex;

/* Reads the atom at or after `pos` (horizontal white space skipped). A line
 * break or the end of the text gives PX_NA_END. */
void px_na_read(const px_nlex *lx, size_t pos, px_natom *a);
/* Reads the digit atom starting at `pos` (a digit, or '.' before a digit). */
void px_na_digits(const px_nlex *lx, size_t pos, px_natom *a);
/* Length of horizontal white space at `pos` (ASCII blanks, U+00A0, U+2000-U+200A, U+202F). */
size_t px_na_blank(const char *s, size_t len, size_t pos);
/* Whether the code point ending just before `pos` is a letter or digit. */
bool px_na_alnum_before(const char *s, size_t pos);
/* Length of the letter run at `pos` (ASCII and non-ASCII letters). */
size_t px_na_word_len(const char *s, size_t len, size_t pos);

/* A number the parser read: its span, value(s) and PX_NUM_* flags. */
typedef struct px_nparse {
  size_t start, end;
  double value, vmax;
  unsigned flags;
} px_nparse;

/* Parses the number that begins with atom `a`: a lexicon word, or a plain
 * digit atom that words may continue ("3 hundred and 21", "2 million").
 * Fills `r` and returns true, or returns false when no number starts there. */
bool px_nc_parse(const px_nlex *lx, const px_natom *a, px_nparse *r);
/* The cardinal reader (numbers_card.c). Element classes: */
enum {
  PX_NL_NONE,
  PX_NL_A,       /* "a", "an" */
  PX_NL_ZERO,
  PX_NL_UNIT,    /* one .. nine */
  PX_NL_TEEN,    /* ten .. nineteen */
  PX_NL_TENS,    /* twenty .. ninety */
  PX_NL_HUNDRED,
  PX_NL_SCALE,   /* thousand, million ... */
  PX_NL_DIGIT,   /* a digit number ("3 hundred") */
  PX_NL_DOZEN
};

/* A cardinal being read: an accumulator and what the last element was. */
typedef struct px_ncard {
  double total, group, low; /* finished scale groups; group below a thousand; its part below a hundred */
  double min_scale;         /* scales must decrease: the last one used */
  int last;                 /* PX_NL_* of the last element */
  bool has_hundred, words, digits, started_a;
  int n;                    /* elements taken */
  size_t start, end;
  double before_tens; /* value before a trailing tens word ("one hundred | thirty fifths") */
  bool tens_split;    /* that tens word followed a hundred or scale without "and" */
  bool has_and;       /* the last element(s) came after "and" */
  double and_before;  /* value before that "and" */
  int and_n;          /* element count right after the element following "and" */
  int and_cls;        /* class of the element right after "and" */
} px_ncard;

/* Its value so far. */
double px_nc_value(const px_ncard *c);
/* A digit atom with nothing glued on (words may continue it). */
bool px_nc_plain_digits(const px_natom *a);
/* Reads a whole cardinal from `a` on; false when `a` cannot start one or it is "a" alone. */
bool px_nc_run(const px_nlex *lx, const px_natom *a, px_ncard *c);

/* Whether atom `a` is the word class `cls`. */
static inline bool px_na_is(const px_natom *a, px_nw_class cls) {
  return a->kind == PX_NA_WORD && a->w->cls == cls;
}
/* Whether atom `a` is the symbol `cp`. */
static inline bool px_na_sym(const px_natom *a, int32_t cp) { return a->kind == PX_NA_SYM && a->cp == cp; }

#endif
