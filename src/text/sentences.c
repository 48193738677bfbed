/* sentences.c - sentence boundaries in one pass over the bytes.
 *
 * The scanner walks the text once. Most bytes are skipped through a 256-entry
 * table; it stops only at candidate terminators (. ! ? … and fullwidth ones),
 * line ends, quotes and brackets, and a few bullets. Each candidate terminator
 * is decided from a small rule table over (the token before it, the next
 * characters after it); see docs/sentences.md for the rules.
 *
 * Quotes and brackets: boundaries found inside a quotation or parenthesis are
 * tentative. When the quotation closes they are withdrawn (the quoted
 * sentences stay inside the sentence that quotes them, as in the Golden
 * Rules); when it never closes (end of text, blank line) or runs longer than
 * QUOTE_MAX bytes, they stand. Spans are
 * pushed as they are found and withdrawn by truncating the span vector, so
 * this costs nothing per byte.
 *
 * Bytes >= 0x80 are decoded with a validating decoder: invalid UTF-8 is just
 * "another symbol", never a letter, and never read past the end.
 */
#include "abbrev.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* ---- characters ------------------------------------------------------ */

/* Decodes the UTF-8 sequence at t[i] (i < n): the code point, or -1 when it is
 * invalid or truncated; *len gets its length (1 when invalid). */
static int32_t dec(const char *t, size_t n, size_t i, size_t *len) {
  unsigned char c = (unsigned char)t[i];
  *len = 1;
  if (c < 0x80) return c;
  size_t k;
  int32_t cp, min;
  if (c >= 0xC2 && c <= 0xDF) {
    k = 1, cp = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    k = 2, cp = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    k = 3, cp = c & 0x07, min = 0x10000;
  } else {
    return -1;
  }
  if (n - i <= k) return -1;
  for (size_t j = 1; j <= k; j++) {
    unsigned char b = (unsigned char)t[i + j];
    if ((b & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
  *len = k + 1;
  return cp;
}

/* The code point that ends just before t[i] (lo < i), -1 when invalid. */
static int32_t dec_prev(const char *t, size_t lo, size_t i) {
  size_t s = i - 1;
  while (s > lo && i - s < 4 && ((unsigned char)t[s] & 0xC0) == 0x80) s--;
  size_t l;
  int32_t cp = dec(t, i, s, &l);
  return (cp >= 0 && s + l == i) ? cp : -1;
}

/* Length of a white-space character at t[i] (i < n), 0 if none: ASCII blanks
 * and line ends, NBSP, U+2000-200A, U+202F, U+205F, U+3000. */
static size_t ws_len(const char *t, size_t n, size_t i) {
  unsigned char c = (unsigned char)t[i];
  if (c < 0x80) return px_is_space(c) ? 1 : 0;
  if (c == 0xC2) return (i + 1 < n && (unsigned char)t[i + 1] == 0xA0) ? 2 : 0;
  if (i + 2 >= n) return 0;
  unsigned char b1 = (unsigned char)t[i + 1], b2 = (unsigned char)t[i + 2];
  if (c == 0xE2 && b1 == 0x80 && ((b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xAF)) return 3;
  if (c == 0xE2 && b1 == 0x81 && b2 == 0x9F) return 3;
  if (c == 0xE3 && b1 == 0x80 && b2 == 0x80) return 3;
  return 0;
}

/* Length of a white-space character ending just before t[i] (lo < i), 0 if none. */
static size_t ws_before(const char *t, size_t lo, size_t i) {
  unsigned char c = (unsigned char)t[i - 1];
  if (c < 0x80) return px_is_space(c) ? 1 : 0;
  if (i - lo >= 2 && (unsigned char)t[i - 2] == 0xC2 && c == 0xA0) return 2;
  if (i - lo >= 3 && ws_len(t, i, i - 3) == 3) return 3;
  return 0;
}

static size_t skip_ws(const char *t, size_t n, size_t i) {
  size_t w;
  while (i < n && (w = ws_len(t, n, i)) > 0) i += w;
  return i;
}

/* Three-byte sequence E2 80 xx at t[i]? */
static bool e280(const char *t, size_t n, size_t i, unsigned char x) {
  return i + 2 < n && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
         (unsigned char)t[i + 2] == x;
}

/* An opening quote, bracket or dash at t[i]: its length, else 0. */
static size_t opener_len(const char *t, size_t n, size_t i) {
  unsigned char c = (unsigned char)t[i];
  if (c < 0x80) return strchr("\"'([{`-_*", c) && c ? 1 : 0;
  if (e280(t, n, i, 0x9C) || e280(t, n, i, 0x98) || e280(t, n, i, 0x9E) || e280(t, n, i, 0x93) ||
      e280(t, n, i, 0x94))
    return 3; /* “ ‘ „ – — */
  if (c == 0xC2 && i + 1 < n && ((unsigned char)t[i + 1] == 0xAB || (unsigned char)t[i + 1] == 0xBF ||
                                 (unsigned char)t[i + 1] == 0xA1))
    return 2; /* « ¿ ¡ */
  return 0;
}

/* True when the byte before t[i] lets a quote at t[i] open: start of text,
 * white space, an opening bracket, quote or dash, a slash or colon. */
static bool open_context(const char *t, size_t i) {
  if (i == 0 || ws_before(t, 0, i)) return true;
  unsigned char c = (unsigned char)t[i - 1];
  if (c < 0x80) return strchr("([{\"'`-/:", c) && c;
  if (i >= 3 && (unsigned char)t[i - 3] == 0xE2 && (unsigned char)t[i - 2] == 0x80)
    return c == 0x9C || c == 0x98 || c == 0x93 || c == 0x94;
  return i >= 2 && (unsigned char)t[i - 2] == 0xC2 && c == 0xAB;
}

/* Letters for the apostrophe test: ASCII letters or any non-ASCII byte. */
static bool letterish(unsigned char c) { return px_is_alpha(c) || c >= 0x80; }

/* Terminator characters. */
enum { T_DOT = 1, T_BANG, T_ELL, T_FULL };

static size_t term_at(const char *t, size_t n, size_t i, int *kind) {
  unsigned char c = (unsigned char)t[i];
  if (c == '.') return *kind = T_DOT, 1;
  if (c == '!' || c == '?') return *kind = T_BANG, 1;
  if (c < 0xE2 || i + 2 >= n) return 0;
  unsigned char b1 = (unsigned char)t[i + 1], b2 = (unsigned char)t[i + 2];
  if (c == 0xE2 && b1 == 0x80 && b2 == 0xA6) return *kind = T_ELL, 3;                 /* … */
  if (c == 0xE2 && b1 == 0x80 && b2 == 0xBC) return *kind = T_BANG, 3;                /* ‼ */
  if (c == 0xE2 && b1 == 0x81 && b2 >= 0x87 && b2 <= 0x89) return *kind = T_BANG, 3;  /* ⁇⁈⁉ */
  if (c == 0xE3 && b1 == 0x80 && b2 == 0x82) return *kind = T_FULL, 3;                /* 。 */
  if (c == 0xEF && b1 == 0xBC && (b2 == 0x8E || b2 == 0x81 || b2 == 0x9F)) return *kind = T_FULL, 3;
  if (c == 0xEF && b1 == 0xBD && b2 == 0xA1) return *kind = T_FULL, 3;                /* ｡ */
  return 0;
}

/* ---- quotes and brackets -------------------------------------------- */

enum { Q_PAREN = 1, Q_BRACKET, Q_BRACE, Q_DQ, Q_SQ, Q_DQC, Q_SQC, Q_GUIL };
static bool is_quote(int q) { return q >= Q_DQ; }

/* A closing quote or bracket at t[i]: its type, *len its length; 0 if none. */
static int closer_at(const char *t, size_t n, size_t i, size_t *len) {
  unsigned char c = (unsigned char)t[i];
  *len = 1;
  switch (c) {
  case ')': return Q_PAREN;
  case ']': return Q_BRACKET;
  case '}': return Q_BRACE;
  case '"': return Q_DQ;
  case '\'': return Q_SQ;
  default: break;
  }
  if (e280(t, n, i, 0x99)) return *len = 3, Q_SQC; /* ’ */
  if (e280(t, n, i, 0x9D)) return *len = 3, Q_DQC; /* ” */
  if (c == 0xC2 && i + 1 < n && (unsigned char)t[i + 1] == 0xBB) return *len = 2, Q_GUIL; /* » */
  return 0;
}

enum { QMAX = 16 };

typedef struct qent {
  int type;
  size_t pos;       /* where it opened */
  size_t mark;      /* number of sentences when it opened */
  size_t saved_cur; /* start of the sentence it opened in */
  bool at_start;    /* it opened the sentence */
} qent;

/* ---- the scanner ------------------------------------------------------ */

typedef struct scan {
  const char *t;
  size_t n;
  px_spanvec out;
  size_t cur;        /* first byte of the current sentence */
  size_t marker_end; /* a list marker ends here: no candidates before it */
  size_t term_end;   /* end of the last terminator (with its closing quotes) */
  size_t line_first; /* first non-blank byte of the current line */
  bool in_item;      /* the current sentence starts with a list marker */
  px_abbrev_marker list;    /* the last list item's marker (style 0: none) */
  qent q[QMAX];
  size_t nq;
  int err;
} scan;

static void push_sentence(scan *sc, size_t s, size_t e) {
  const char *t = sc->t;
  size_t w;
  if (sc->out.n && s < sc->out.v[sc->out.n - 1].end) s = sc->out.v[sc->out.n - 1].end;
  while (s < e && (w = ws_len(t, e, s)) > 0) s += w;
  while (e > s && (w = ws_before(t, s, e)) > 0) e -= w;
  if (s >= e || sc->err) return;
  if (px_spanvec_push(&sc->out, s, e, 0, 0)) sc->err = PX_ENOMEM;
}

static void start_sentence(scan *sc, size_t pos) {
  sc->cur = pos;
  px_abbrev_marker m;
  size_t ml = pos < sc->n ? px_list_marker(sc->t, sc->n, pos, &m) : 0;
  if (ml) {
    sc->marker_end = pos + ml;
    sc->in_item = true;
    if (px_marker_starts_list(&m) || (sc->list.style && px_marker_follows(&sc->list, &m))) sc->list = m;
    else memset(&sc->list, 0, sizeof sc->list);
  } else {
    sc->in_item = false;
    memset(&sc->list, 0, sizeof sc->list);
  }
}

/* Ends the current sentence at `end`; the next one starts at `next`. */
static void boundary(scan *sc, size_t end, size_t next) {
  push_sentence(sc, sc->cur, end);
  start_sentence(sc, next);
}

static void push_quote(scan *sc, int type, size_t pos) {
  if (sc->nq >= QMAX) return; /* deeper nesting is ignored (linear time) */
  size_t s = sc->cur, ol;
  while (s < pos && pos - s <= 12 && (ol = opener_len(sc->t, sc->n, s)) > 0) s += ol;
  sc->q[sc->nq++] = (qent){type, pos, sc->out.n, sc->cur, s == pos};
}

static int find_quote(const scan *sc, int type) {
  for (size_t k = sc->nq; k-- > 0;) {
    int qt = sc->q[k].type;
    if (qt == type || (type == Q_DQC && qt == Q_DQ) || (type == Q_DQ && qt == Q_DQC)) return (int)k;
  }
  return -1;
}

/* Longest quotation or parenthesis (bytes) whose inner boundaries are
 * withdrawn when it closes: longer ones are passages, not quoted phrases. */
enum { QUOTE_MAX = 500 };

/* Closes q[idx] (at t[pos]) and everything opened after it. When that empties
 * the stack, the boundaries found inside are withdrawn. Returns the entry. */
static qent pop_quote(scan *sc, int idx, size_t pos) {
  qent e = sc->q[idx];
  sc->nq = (size_t)idx;
  if (idx == 0 && sc->out.n > e.mark && pos - e.pos <= QUOTE_MAX) {
    sc->out.n = e.mark;
    sc->cur = e.saved_cur;
  }
  return e;
}

/* ---- looking ahead ----------------------------------------------------- */

enum { NX_END = 0, NX_UPPER, NX_LOWER, NX_DIGIT, NX_OTHER, NX_MARKER };

typedef struct nxt {
  int kind;
  size_t start;   /* first non-blank byte: where the next sentence would start */
  size_t k;       /* first byte after opening quotes, brackets and dashes */
  int first_open; /* the first of those (ASCII, or 'q' for a curly quote), or 0 */
  int mkind;      /* NX_MARKER: the marker's kind (PX_MK_NUM ...) */
} nxt;

static int char_class(const char *t, size_t n, size_t k) {
  if (k >= n) return NX_END;
  unsigned char c = (unsigned char)t[k];
  if (px_is_upper(c)) return NX_UPPER;
  if (px_is_lower(c)) return NX_LOWER;
  if (px_is_digit(c)) return NX_DIGIT;
  if (c < 0x80) return NX_OTHER;
  size_t l;
  int32_t cp = dec(t, n, k, &l);
  if (cp < 0) return NX_OTHER;
  if (px_cp_is_upper(cp)) return NX_UPPER;
  if (px_cp_is_lower(cp)) return NX_LOWER;
  return NX_OTHER;
}

/* What follows position r (white space, then maybe a list marker or opening
 * quotes, then a letter, digit or symbol). */
static nxt look(const scan *sc, size_t r, bool markers) {
  const char *t = sc->t;
  size_t n = sc->n;
  nxt x = {NX_END, 0, 0, 0, 0};
  size_t j = skip_ws(t, n, r);
  x.start = x.k = j;
  if (j >= n) return x;
  px_abbrev_marker m;
  if (markers && px_list_marker(t, n, j, &m) && !(m.kind == PX_MK_UPPER && m.style == PX_MK_DOT) &&
      !(m.style == PX_MK_BULLET && (m.bullet == '-' || m.bullet == 0x2013 || m.bullet == 0x2014))) {
    x.kind = NX_MARKER;
    x.mkind = m.kind;
    return x;
  }
  size_t k = j, l;
  for (int steps = 0; k < n && steps < 16; steps++) {
    if ((l = opener_len(t, n, k)) > 0) {
      if (!x.first_open) x.first_open = l == 1 ? (unsigned char)t[k] : 'q';
      k += l;
    } else if ((l = ws_len(t, n, k)) > 0 && t[k] != '\n') {
      k += l;
    } else {
      break;
    }
  }
  x.k = k;
  x.kind = char_class(t, n, k);
  if (x.kind == NX_END) x.kind = NX_OTHER;
  return x;
}

/* The ASCII word at t[k]: its length, 0 when it is not a whole ASCII word. */
static size_t ascii_word(const char *t, size_t n, size_t k) {
  size_t e = k;
  while (e < n && px_is_alpha((unsigned char)t[e])) e++;
  if (e < n && (unsigned char)t[e] >= 0x80) return 0; /* continues with a non-ASCII letter? */
  if (e - k == 1 && e < n && t[e] == '.') return 0;   /* an initial, not the word "I" or "A" */
  return e - k;
}

static bool word_in(const char *w, size_t n, const char *const *list) {
  for (; *list; list++)
    if (strlen(*list) == n && memcmp(*list, w, n) == 0) return true;
  return false;
}

static bool next_is_starter(const scan *sc, const nxt *x) {
  size_t wl = ascii_word(sc->t, sc->n, x->k);
  return wl && px_sentence_starter(sc->t + x->k, wl);
}

/* A title with its period (Mr. Dr. Prof.): after Inc. or Co. it starts a sentence. */
static bool next_is_title(const scan *sc, const nxt *x) {
  size_t wl = ascii_word(sc->t, sc->n, x->k);
  return wl && x->k + wl < sc->n && sc->t[x->k + wl] == '.' && px_abbrev_class(sc->t + x->k, wl) == PX_ABBR_TITLE;
}

static bool next_is_title_starter(const scan *sc, const nxt *x) {
  static const char *const w[] = {"The", "He", "She", "It", "They", "We", NULL};
  size_t wl = ascii_word(sc->t, sc->n, x->k);
  return wl && word_in(sc->t + x->k, wl, w);
}

/* After a.m./p.m.: words that continue the time (5 p.m. Monday, 5 p.m. EST). */
static bool next_continues_time(const scan *sc, const nxt *x) {
  static const char *const w[] = {
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
      "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December", "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT",
      "PST", "PDT", "GMT", "UTC", "BST", "CET", "CEST", "EET", "IST", "JST", "AEST", "AEDT", NULL};
  size_t wl = ascii_word(sc->t, sc->n, x->k);
  return wl && word_in(sc->t + x->k, wl, w);
}

/* Uppercase roman numeral as a whole word (Vol. II, Art. IV). */
static bool next_is_roman(const scan *sc, const nxt *x) {
  size_t wl = ascii_word(sc->t, sc->n, x->k);
  if (!wl || wl > 6) return false;
  for (size_t i = 0; i < wl; i++)
    if (!strchr("IVXLC", sc->t[x->k + i])) return false;
  return true;
}

/* "At 5 a.m." as the whole sentence so far: a time phrase, not a sentence. */
static bool time_fragment(const scan *sc, size_t tok) {
  static const char *const w[] = {"At", "By", "Before", "After", "Until", "Till", "From", "Around",
                                  "About", "Since", "Near", "Circa", NULL};
  const char *t = sc->t;
  size_t s = sc->cur, l;
  while (s < tok && (l = opener_len(t, sc->n, s)) > 0) s += l;
  size_t e = s;
  while (e < tok && px_is_alpha((unsigned char)t[e])) e++;
  if (!word_in(t + s, e - s, w)) return false;
  s = e;
  while (s < tok && t[s] == ' ') s++;
  if (s == e) return false;
  e = s;
  while (e < tok && (px_is_digit((unsigned char)t[e]) || t[e] == ':' || t[e] == '.') && e - s < 8) e++;
  if (e == s || !px_is_digit((unsigned char)t[s])) return false;
  s = e;
  while (s < tok && t[s] == ' ') s++;
  return s > e && s == tok;
}

/* ---- the token before a period -------------------------------------- */

enum {
  TK_EMPTY,
  TK_WORD,
  TK_NUMBER,
  TK_UPPER1, /* a single capital: an initial */
  TK_LOWER1, /* a single small letter */
  TK_MULTI,  /* U.S  J.C  Ph.D */
  TK_TITLE,
  TK_NUMABBR,
  TK_ABBR,
  TK_NEVER,
  TK_TIME
};

typedef struct tok {
  size_t s, e; /* the token, without leading quotes and brackets */
  int cls;
} tok;

static bool multi_period(const char *w, size_t n) {
  size_t piece = 0, pieces = 1;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)w[i];
    if (c == '.') {
      if (piece == 0) return false;
      piece = 0;
      pieces++;
    } else if (px_is_alpha(c)) {
      if (++piece > 2) return false;
    } else {
      return false;
    }
  }
  return pieces >= 2 && piece > 0;
}

static bool number_like(const char *w, size_t n) {
  size_t i = 0;
  if (i < n && strchr("$%#+~-", w[i]) && w[i]) i++;
  else if (n >= 3 && (unsigned char)w[0] == 0xE2 && (unsigned char)w[1] == 0x82) i = 3; /* € etc. */
  else if (n >= 2 && (unsigned char)w[0] == 0xC2 && ((unsigned char)w[1] == 0xA3 || (unsigned char)w[1] == 0xA5)) i = 2;
  if (i >= n || !px_is_digit((unsigned char)w[i])) return false;
  for (; i < n; i++)
    if (!px_is_digit((unsigned char)w[i]) && !strchr(".,:/-%", w[i])) return false;
  return true;
}

/* The token that ends at the period t[p]. */
static tok token_before(const scan *sc, size_t p) {
  const char *t = sc->t;
  size_t lo = sc->cur < p ? sc->cur : p, s = p, l;
  tok k = {p, p, TK_EMPTY};
  if (p > lo) {
    unsigned char c = (unsigned char)t[p - 1];
    if (strchr(")]}\"'", c) && c) {
      k.cls = TK_WORD; /* (Smith 55). "...". : the period follows a closed phrase */
      k.s = p - 1;
      return k;
    }
    if (p - lo >= 3 && (unsigned char)t[p - 3] == 0xE2 && (unsigned char)t[p - 2] == 0x80 &&
        (c == 0x99 || c == 0x9D)) {
      k.cls = TK_WORD;
      k.s = p - 3;
      return k;
    }
  }
  while (s > lo && !ws_before(t, lo, s) && p - s < 40) s--;
  if (s > lo && !ws_before(t, lo, s)) {
    k.s = s;
    k.cls = TK_WORD; /* very long token */
    return k;
  }
  while (s < p && (l = opener_len(t, p, s)) > 0) s += l;
  k.s = s;
  size_t n = p - s;
  const char *w = t + s;
  if (n == 0) return k;
  /* a capital letter alone is an initial (C. S. Lewis), whatever c. p. v. mean */
  switch (n == 1 && px_is_upper((unsigned char)w[0]) ? PX_ABBR_NONE : px_abbrev_class(w, n)) {
  case PX_ABBR_TITLE: k.cls = TK_TITLE; return k;
  case PX_ABBR_NUMBER: k.cls = TK_NUMABBR; return k;
  case PX_ABBR_ABBR:
  case PX_ABBR_CABBR: k.cls = TK_ABBR; return k;
  case PX_ABBR_NEVER: k.cls = TK_NEVER; return k;
  case PX_ABBR_TIME: k.cls = TK_TIME; return k;
  case PX_ABBR_NONE: break;
  }
  if (n == 1 && px_is_alpha((unsigned char)w[0])) {
    k.cls = px_is_upper((unsigned char)w[0]) ? TK_UPPER1 : TK_LOWER1;
  } else if (multi_period(w, n)) {
    k.cls = TK_MULTI;
  } else if (number_like(w, n)) {
    k.cls = TK_NUMBER;
  } else {
    k.cls = TK_WORD;
  }
  return k;
}

/* Does the period after token `k` end the sentence, given what follows? */
static bool period_ends(const scan *sc, const tok *k, const nxt *x) {
  int kind = x->kind == NX_MARKER && x->mkind == PX_MK_NUM ? NX_DIGIT : x->kind; /* p. 55. */
  switch (kind) {
  case NX_LOWER: return false;
  case NX_MARKER: return k->cls != TK_TITLE && k->cls != TK_NEVER && k->cls != TK_UPPER1;
  case NX_DIGIT: return k->cls == TK_WORD || k->cls == TK_NUMBER || k->cls == TK_EMPTY;
  case NX_OTHER:
    return k->cls == TK_WORD || k->cls == TK_NUMBER || k->cls == TK_EMPTY || k->cls == TK_LOWER1 ||
           k->cls == TK_NUMABBR || k->cls == TK_TIME;
  case NX_UPPER:
    switch (k->cls) {
    case TK_NUMABBR: return !next_is_roman(sc, x);
    case TK_UPPER1: return k->s > sc->cur && next_is_starter(sc, x);
    case TK_MULTI: return next_is_starter(sc, x); /* not before a title: U.S. Rep. Smith */
    case TK_ABBR: return next_is_starter(sc, x) || next_is_title(sc, x);
    case TK_TITLE: return next_is_title_starter(sc, x);
    case TK_NEVER: return false;
    case TK_TIME: return !time_fragment(sc, k->s) && !next_continues_time(sc, x);
    default: return true;
    }
  default: return false;
  }
}

/* ---- handlers ---------------------------------------------------------- */

enum { CL_PERIOD, CL_GLUED_SPACED, CL_ELLIPSIS, CL_SPACED3, CL_SPACED4, CL_BANG, CL_FULL };

static bool spaced_dots(const char *t, size_t n, size_t q, int count) {
  for (int d = 0; d < count; d++, q += 2)
    if (q + 1 >= n || t[q] != ' ' || t[q + 1] != '.') return false;
  return true;
}

/* Footnote references after a terminator: "[1]", "[7][8]" at t[r]. Returns the end. */
static size_t bracket_notes(const char *t, size_t n, size_t r) {
  size_t end = r;
  for (int g = 0; g < 8 && end < n && t[end] == '['; g++) {
    size_t k = end + 1, d = 0;
    while (k < n && k - end <= 8 && (px_is_digit((unsigned char)t[k]) || t[k] == ',' || t[k] == '-')) {
      d += px_is_digit((unsigned char)t[k]);
      k++;
    }
    if (e280(t, n, k, 0x93)) { /* [2–11] */
      k += 3;
      while (k < n && px_is_digit((unsigned char)t[k]) && k - end <= 12) k++;
    }
    if (!d || k >= n || t[k] != ']') break;
    end = k + 1;
  }
  return end;
}

/* Glued footnote numbers: "consultation.11 12 Take", "(1987).1 According".
 * t[r] is a digit right after the period. Returns the end, or r if none. */
static size_t glued_notes(const char *t, size_t n, size_t r) {
  size_t k = r, e = r;
  for (int g = 0; g < 8; g++) {
    size_t d = k;
    while (d < n && px_is_digit((unsigned char)t[d]) && d - k < 4) d++;
    if (d - k == 0 || d - k > 3) break;
    if (d < n && !px_is_space((unsigned char)t[d]) && t[d] != ',') break;
    e = d;
    size_t s = d; /* separator: " ", "," or ", " before the next number */
    if (s < n && t[s] == ',') s++;
    if (s < n && t[s] == ' ') s++;
    if (s == d || s >= n || !px_is_digit((unsigned char)t[s])) break;
    k = s;
  }
  return (e > r && (e >= n || px_is_space((unsigned char)t[e]))) ? e : r;
}

/* "end.The next": a period glued between a small-letter word and a capitalised
 * word (not in a URL, a file name or an e-mail address). */
static bool glued_sentence(const scan *sc, size_t p) {
  const char *t = sc->t;
  size_t n = sc->n;
  if (p < 2 || p + 2 >= n || !px_is_upper((unsigned char)t[p + 1]) || !px_is_lower((unsigned char)t[p + 2]))
    return false;
  bool number = px_is_digit((unsigned char)t[p - 1]); /* "bought 1,000.That" */
  if (!number && (!px_is_lower((unsigned char)t[p - 1]) || !px_is_alpha((unsigned char)t[p - 2]))) return false;
  size_t e = p + 1;
  while (e < n && px_is_alpha((unsigned char)t[e])) e++;
  if (e < n) {
    unsigned char c = (unsigned char)t[e];
    if (c == '.' && e + 1 < n && !px_is_space((unsigned char)t[e + 1])) return false; /* a domain */
    if (!px_is_space(c) && !strchr(",;:!?.)\"'", c)) return false;
  }
  size_t s = p - 1;
  while (s > sc->cur && !px_is_space((unsigned char)t[s - 1]) && p - s < 40) {
    unsigned char c = (unsigned char)t[s - 1];
    if (number ? !px_is_digit(c) && c != ',' : !px_is_alpha(c) && c != '-' && c != '\'')
      return false; /* www.x, a/b, x@y, v2, 1.5 */
    s--;
  }
  if (p - s >= 40) return false;
  tok k = token_before(sc, p);
  return k.cls == (number ? TK_NUMBER : TK_WORD);
}

/* Does the current list item hold some text before t[s]? ("A. B. Smith" is
 * a name, not two empty items.) */
static bool item_has_text(const scan *sc, size_t s) {
  return sc->in_item && skip_ws(sc->t, s, sc->marker_end) < s;
}

/* Where the next list item starts when its enumerator is at t[s]: at the
 * list's bullet when one stands before it ("- 1. one - 2. two"), else at s. */
static size_t bullet_before(const scan *sc, size_t s) {
  const char *t = sc->t;
  int32_t b = sc->list.bullet;
  if (!b || s == 0 || t[s - 1] != ' ') return s;
  size_t k = s - 1;
  while (k > sc->cur && t[k - 1] == ' ') k--;
  size_t bl = b < 0x80 ? 1 : 3;
  if (k < sc->cur + bl) return s;
  size_t l, at = k - bl;
  if (dec(t, sc->n, at, &l) != b || l != bl) return s;
  return (at == 0 || ws_before(t, 0, at)) && at > sc->cur ? at : s;
}

/* A terminator at t[i]. Returns where to go on. */
static size_t on_term(scan *sc, size_t i) {
  const char *t = sc->t;
  size_t n = sc->n, p = i, q = i, l;
  int kind, cl;
  bool bang = false, full = false;
  size_t dots = 0, ells = 0;

  bool after_blank = p == 0 || ws_before(t, 0, p) > 0;
  if (t[p] == '.' && after_blank && spaced_dots(t, n, p + 1, 2)) {
    /* ". . ." (an ellipsis), ". . . ." (an ellipsis and a period) */
    int m = 1;
    q = p + 1;
    while (spaced_dots(t, n, q, 1)) q += 2, m++;
    cl = m == 3 ? CL_SPACED3 : CL_SPACED4;
  } else {
    while (q < n && (l = term_at(t, n, q, &kind)) > 0) {
      if (kind == T_DOT) dots++;
      else if (kind == T_BANG) bang = true;
      else if (kind == T_ELL) ells++;
      else full = true;
      q += l;
    }
    if (full) cl = CL_FULL;
    else if (bang) cl = CL_BANG;
    else if (ells || dots >= 2) cl = CL_ELLIPSIS;
    else if (spaced_dots(t, n, q, 3)) cl = CL_GLUED_SPACED; /* "end. . . . Next" */
    else if (spaced_dots(t, n, q, 2)) {
      cl = CL_SPACED3; /* "word. . . more": a three-dot ellipsis */
      q += 4;
    } else cl = CL_PERIOD;
  }

  if (cl == CL_GLUED_SPACED) {
    /* The glued period ends the sentence; the spaced ellipsis starts the next. */
    size_t e = q + 6;
    while (e < n && closer_at(t, n, e, &l)) e += l;
    sc->term_end = q;
    if (e < n && !ws_len(t, n, e)) return q;
    nxt x = look(sc, e, true);
    if (x.kind == NX_END) return q;
    tok k = token_before(sc, p);
    if (period_ends(sc, &k, &x)) boundary(sc, q, skip_ws(t, n, q));
    return q;
  }

  /* closing quotes and brackets */
  size_t r = q;
  bool closed_quote = false, closed_at_start = false;
  while (r < n) {
    int qt = closer_at(t, n, r, &l);
    if (!qt) break;
    if (qt == Q_SQ && r + 1 < n && letterish((unsigned char)t[r + 1])) break; /* Jr.'s */
    int idx = find_quote(sc, qt);
    if (idx >= 0) {
      if (!is_quote(qt) && sc->q[idx].pos + 1 == p) {
        /* "[...]", "(!)", "[?]": a bracketed mark, not a terminator */
        pop_quote(sc, idx, r);
        sc->term_end = r + l;
        return r + l;
      }
      qent e = pop_quote(sc, idx, r);
      if (is_quote(qt) && sc->nq == 0) {
        closed_quote = true;
        closed_at_start = e.at_start;
      }
    }
    r += l;
  }

  /* footnote references */
  bool glued_note = false;
  if (cl != CL_FULL && r < n && t[r] == '[') r = bracket_notes(t, n, r);
  else if (cl == CL_PERIOD && r == q && r < n && px_is_digit((unsigned char)t[r]) && p > 0 &&
           (px_is_lower((unsigned char)t[p - 1]) || t[p - 1] == ')')) {
    size_t e = glued_notes(t, n, r);
    if (e > r) {
      glued_note = true;
      r = e;
    }
  }
  sc->term_end = r;

  if (cl == CL_FULL) {
    if (r < n) boundary(sc, r, skip_ws(t, n, r));
    return r;
  }
  if (r < n && !ws_len(t, n, r)) {
    if (cl == CL_PERIOD && r == q && glued_sentence(sc, p)) boundary(sc, q, q);
    return r;
  }

  nxt x = look(sc, r, true);
  if (x.kind == NX_END) return r;
  bool b = false;
  switch (cl) {
  case CL_BANG: b = x.kind == NX_UPPER || x.kind == NX_MARKER || x.kind == NX_OTHER; break;
  case CL_ELLIPSIS: b = x.kind == NX_UPPER || x.kind == NX_MARKER; break;
  case CL_SPACED3: b = false; break;
  case CL_SPACED4: {
    tok k = {p, p, TK_EMPTY};
    b = period_ends(sc, &k, &x);
    break;
  }
  default: { /* CL_PERIOD */
    if (glued_note) {
      b = x.kind == NX_UPPER;
      break;
    }
    tok k = token_before(sc, p);
    /* the next item of a list: "1. The first item 2. The second item" */
    if (sc->list.style && k.s > sc->cur && k.s > 0 && ws_before(t, 0, k.s)) {
      px_abbrev_marker m;
      size_t ml = px_list_marker(t, n, k.s, &m);
      if (ml && k.s + ml == r && px_marker_follows(&sc->list, &m) && item_has_text(sc, k.s)) {
        size_t at = bullet_before(sc, k.s);
        boundary(sc, at, at);
        return r;
      }
    }
    b = period_ends(sc, &k, &x);
    break;
  }
  }
  if (b && closed_quote && !closed_at_start && x.first_open == '(') b = false;
  if (b) boundary(sc, r, x.start);
  return r;
}

/* A line end at t[i]: blank lines always end the sentence, a single line end
 * only by the rules in docs/sentences.md. */
static bool line_break_ends(scan *sc, size_t nl, size_t next) {
  const char *t = sc->t;
  size_t n = sc->n, lf = sc->line_first, e = nl, w;
  bool trailing = false;
  while (e > lf && (w = ws_before(t, lf, e)) > 0) e -= w, trailing = true;
  if (e <= lf || next >= n) return false;
  px_abbrev_marker m;
  if (px_list_marker(t, n, next, &m) && /* a list item starts a line; "Mr.\nA. Smith" is a name */
      !(m.kind == PX_MK_UPPER && m.style == PX_MK_DOT && !m.bullet && t[e - 1] == '.'))
    return true;
  if (e <= sc->term_end) return false;                /* the terminator rules decided */
  size_t line_len = e - lf;
  unsigned char last = (unsigned char)t[e - 1];
  bool cont = (last < 0x80 && strchr(",;:&/(-", last) && last) ||
              (e - lf >= 3 && (unsigned char)t[e - 3] == 0xE2 && (unsigned char)t[e - 2] == 0x80 &&
               (last == 0x93 || last == 0x94));
  bool last_lower = px_is_lower(last) || px_is_digit(last);
  if (last >= 0x80) {
    int32_t cp = dec_prev(t, lf, e);
    last_lower = cp >= 0 && px_cp_is_lower(cp);
  }
  nxt x = look(sc, next, false);
  if (x.kind == NX_LOWER || (t[next] == '(' && trailing)) {
    /* a lower-case continuation: wrapped text, unless the line is a short
     * item of one or two words (a menu, a list of tags) */
    if (trailing || cont || line_len >= 30) return false;
    size_t words = 0;
    for (size_t k = lf; k < e && words < 3; k++)
      if (!px_is_space((unsigned char)t[k]) && (k == lf || px_is_space((unsigned char)t[k - 1]))) words++;
    return words < 3;
  }
  if (sc->in_item) return true;
  /* a capital after a long line that stops mid-phrase: a wrapped line */
  return !(line_len >= 50 && (last_lower || cont));
}

static size_t on_newline(scan *sc, size_t i) {
  const char *t = sc->t;
  size_t n = sc->n, j = i, w;
  int breaks = 0;
  while (j < n) {
    if (t[j] == '\n') {
      breaks++;
      j++;
    } else if (t[j] == '\r') {
      breaks++;
      j++;
      if (j < n && t[j] == '\n') j++;
    } else if ((w = ws_len(t, n, j)) > 0) {
      j += w;
    } else {
      break;
    }
  }
  bool open = sc->cur < i;
  if (breaks >= 2 || (open && line_break_ends(sc, i, j))) {
    sc->nq = 0; /* quotes and brackets do not cross a line break that ends a sentence */
    if (open) boundary(sc, i, j);
  }
  sc->line_first = j;
  return j;
}

/* Straight quotes ' " ` at t[i]. */
static size_t on_straight_quote(scan *sc, size_t i) {
  const char *t = sc->t;
  size_t n = sc->n;
  unsigned char c = (unsigned char)t[i];
  unsigned char prev = i ? (unsigned char)t[i - 1] : 0, next = i + 1 < n ? (unsigned char)t[i + 1] : 0;
  bool next_blank = i + 1 >= n || ws_len(t, n, i + 1);
  if (c == '\'' && i > 0 && (px_is_alnum(prev) || prev >= 0x80) && letterish(next)) return i + 1; /* it's */
  /* after a blank it opens; after anything else it closes a quote that is
   * open, or opens after a bracket, dash or slash */
  int idx = -1;
  bool opening = i == 0 || ws_before(t, 0, i);
  if (!opening && c != '`') {
    idx = find_quote(sc, c == '"' ? Q_DQ : Q_SQ);
    if (idx < 0 || (c == '\'' && letterish(next))) {
      idx = -1;
      opening = open_context(t, i);
    }
  }
  if (opening || c == '`') {
    if (next_blank || !opening) return i + 1;
    if (c == '"' || c == '`' || letterish(next) || strchr("\"(", next)) push_quote(sc, c == '"' ? Q_DQ : Q_SQ, i);
    return i + 1;
  }
  if (idx < 0) return i + 1;
  qent e = pop_quote(sc, idx, i);
  /* "...to--" At this moment": a quotation broken off by a dash ends the sentence */
  if (sc->nq == 0 && is_quote(e.type) &&
      (prev == '-' || (i >= 3 && (unsigned char)t[i - 3] == 0xE2 && (unsigned char)t[i - 2] == 0x80 &&
                       (prev == 0x93 || prev == 0x94)))) {
    size_t r = i + 1;
    if (r < n && ws_len(t, n, r)) {
      nxt x = look(sc, r, true);
      if (x.kind == NX_UPPER) boundary(sc, r, x.start);
    }
  }
  return i + 1;
}

/* A three-byte character starting with 0xE2 at t[i]: curly quotes, …, bullets. */
static size_t on_e2(scan *sc, size_t i) {
  const char *t = sc->t;
  size_t n = sc->n, l;
  int32_t cp = dec(t, n, i, &l);
  int kind;
  if (cp < 0) return i + 1;
  if (term_at(t, n, i, &kind)) return on_term(sc, i);
  size_t after = i + l;
  bool next_blank = after >= n || ws_len(t, n, after);
  switch (cp) {
  case 0x201C: /* “ */
    if (!next_blank) push_quote(sc, Q_DQC, i);
    break;
  case 0x2018: /* ‘ */
    if (!next_blank && !(after < n && px_is_digit((unsigned char)t[after]))) push_quote(sc, Q_SQC, i);
    break;
  case 0x201D: /* ” */
  case 0x2019: { /* ’ */
    int type = cp == 0x201D ? Q_DQC : Q_SQC;
    if (cp == 0x2019 && i > 0 && letterish((unsigned char)t[i - 1]) && after < n && letterish((unsigned char)t[after]))
      break; /* an apostrophe: dragon’s */
    if (cp == 0x2019 && (i == 0 || ws_before(t, 0, i))) break; /* ’nineties */
    int idx = find_quote(sc, type);
    if (idx >= 0) pop_quote(sc, idx, i);
    break;
  }
  default:
    /* a bullet repeating the one that opened this list item: a new item */
    if (sc->list.bullet == cp && i > sc->cur && ws_before(t, 0, i)) boundary(sc, i, i);
    break;
  }
  return after;
}

static size_t on_close_bracket(scan *sc, size_t i) {
  const char *t = sc->t;
  size_t l;
  int idx = find_quote(sc, closer_at(t, sc->n, i, &l));
  if (idx >= 0) pop_quote(sc, idx, i);
  /* "a) the first item b) the second item" */
  if (t[i] == ')' && (sc->list.style == PX_MK_PAREN || sc->list.style == PX_MK_PARENS)) {
    size_t s = i;
    while (s > 0 && px_is_alnum((unsigned char)t[s - 1]) && i - s < 5) s--;
    if (s < i && s > 0 && t[s - 1] == '(') s--;
    if (s > sc->cur && ws_before(t, 0, s)) {
      px_abbrev_marker m;
      size_t ml = px_list_marker(t, sc->n, s, &m);
      if (ml == i + 1 - s && px_marker_follows(&sc->list, &m) && item_has_text(sc, s)) {
        size_t at = bullet_before(sc, s);
        boundary(sc, at, at);
      }
    }
  }
  return i + 1;
}

/* Bytes that need a look: 1 terminator, 2 line end, 3 straight quote,
 * 4 opening bracket, 5 closing bracket, 6 C2 (« »), 7 E2, 8 E3/EF (fullwidth). */
static const uint8_t interesting[256] = {
    ['.'] = 1,  ['!'] = 1,  ['?'] = 1,  ['\n'] = 2, ['\r'] = 2, ['"'] = 3,  ['\''] = 3, ['`'] = 3,
    ['('] = 4,  ['['] = 4,  ['{'] = 4,  [')'] = 5,  [']'] = 5,  ['}'] = 5,  [0xC2] = 6, [0xE2] = 7,
    [0xE3] = 8, [0xEF] = 8,
};

int px_split_sentences(const char *text, size_t len, px_span **spans) {
  if (!spans || (!text && len)) return PX_EARG;
  *spans = NULL;
  scan sc = {0};
  sc.t = text;
  sc.n = len;
  size_t i = skip_ws(text, len, 0);
  sc.line_first = i;
  start_sentence(&sc, i);
  while (i < len && !sc.err) {
    unsigned char c = (unsigned char)text[i];
    uint8_t what = interesting[c];
    if (!what) {
      i++;
      continue;
    }
    if (i < sc.marker_end) {
      i = sc.marker_end;
      continue;
    }
    switch (what) {
    case 1: i = on_term(&sc, i); break;
    case 2: i = on_newline(&sc, i); break;
    case 3: i = on_straight_quote(&sc, i); break;
    case 4:
      push_quote(&sc, c == '(' ? Q_PAREN : c == '[' ? Q_BRACKET : Q_BRACE, i);
      i++;
      break;
    case 5: i = on_close_bracket(&sc, i); break;
    case 6:
      if (i + 1 < len && (unsigned char)text[i + 1] == 0xAB) {
        push_quote(&sc, Q_GUIL, i);
      } else if (i + 1 < len && (unsigned char)text[i + 1] == 0xBB) {
        int idx = find_quote(&sc, Q_GUIL);
        if (idx >= 0) pop_quote(&sc, idx, i);
      }
      i++;
      break;
    case 7: i = on_e2(&sc, i); break;
    default: {
      int kind;
      i = term_at(text, len, i, &kind) ? on_term(&sc, i) : i + 1;
      break;
    }
    }
  }
  if (!sc.err) push_sentence(&sc, sc.cur, len);
  if (sc.err || sc.out.n > (size_t)INT32_MAX) {
    px_spanvec_free(&sc.out);
    return sc.err ? sc.err : PX_ETOOBIG;
  }
  *spans = sc.out.v;
  return (int)sc.out.n;
}
