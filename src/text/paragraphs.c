/* paragraphs.c - blocks of text: paragraphs, headings, list items, bylines.
 *
 * Lines are grouped into blocks separated by blank lines; a blank line always
 * ends a paragraph. Inside a block a new paragraph starts at
 *   - a line that starts with a list marker (•, -, *, 1., a), (iv) ...):
 *     PX_PARA_LIST_ITEM;
 *   - a "By NAME" line: PX_PARA_BYLINE (a paragraph of its own);
 *   - the line after a heading, a byline, or a one-line list item followed by a
 *     capitalised line;
 *   - a line starting with a capital, a digit or an opening quote after a line
 *     that ends a sentence (. ! ? … maybe followed by closing quotes or
 *     brackets), except inside hard-wrapped text where the previous line runs
 *     to the wrap width (a sentence that happens to end at the margin).
 * A short line without final punctuation that starts a paragraph and is
 * followed by a capitalised line is a heading (PX_PARA_HEADING). Everything is
 * linear: each block is read three times (width, wrap test, paragraphs).
 * See docs/sentences.md.
 */
#include "abbrev.h"
#include "text.h"

#include <string.h>

typedef struct line {
  size_t cs, ce; /* content without surrounding blanks */
  size_t indent; /* blank bytes before the content */
  size_t next;   /* start of the following line (len at the end) */
} line;

static bool blank(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

static size_t nbsp(const char *t, size_t n, size_t i) {
  return (i + 1 < n && (unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xA0) ? 2 : 0;
}

static void get_line(const char *t, size_t n, size_t pos, line *L) {
  const char *nl = memchr(t + pos, '\n', n - pos);
  size_t le = nl ? (size_t)(nl - t) : n;
  L->next = nl ? le + 1 : n;
  size_t cs = pos, ce = le, w;
  for (;;) {
    if (cs < le && blank((unsigned char)t[cs])) cs++;
    else if (cs < le && (w = nbsp(t, le, cs)) > 0) cs += w;
    else break;
  }
  for (;;) {
    if (ce > cs && blank((unsigned char)t[ce - 1])) ce--;
    else if (ce >= cs + 2 && nbsp(t, ce, ce - 2)) ce -= 2;
    else break;
  }
  L->cs = cs;
  L->ce = ce;
  L->indent = cs - pos;
}

/* Does the line end a sentence: . ! ? … possibly followed by closing quotes
 * or brackets? */
static bool ends_sentence(const char *t, const line *L) {
  size_t e = L->ce;
  for (int k = 0; k < 4 && e > L->cs; k++) {
    unsigned char c = (unsigned char)t[e - 1];
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      e--;
    } else if (e - L->cs >= 3 && (unsigned char)t[e - 3] == 0xE2 && (unsigned char)t[e - 2] == 0x80 &&
               (c == 0x9D || c == 0x99)) {
      e -= 3; /* ” ’ */
    } else {
      break;
    }
  }
  if (e <= L->cs) return false;
  unsigned char c = (unsigned char)t[e - 1];
  if (c == '.' || c == '!' || c == '?') return true;
  return e - L->cs >= 3 && (unsigned char)t[e - 3] == 0xE2 && (unsigned char)t[e - 2] == 0x80 && c == 0xA6;
}

/* Does the line end with punctuation that rules out a heading (final marks,
 * or marks that announce more: , ; : -)? */
static bool ends_with_punct(const char *t, const line *L) {
  if (ends_sentence(t, L)) return true;
  unsigned char c = (unsigned char)t[L->ce - 1];
  return c == ',' || c == ';' || c == ':' || c == '-' || c == '&' || c == '/';
}

/* Does text[i] start with a capital, a digit or an opening quote? */
static bool starts_capitalised(const char *t, size_t n, size_t i) {
  if (i >= n) return false;
  unsigned char c = (unsigned char)t[i];
  if (px_is_upper(c) || px_is_digit(c) || c == '"' || c == '\'' || c == '(' || c == '[') return true;
  if (c < 0x80) return false;
  if (i + 2 < n && c == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
      ((unsigned char)t[i + 2] == 0x9C || (unsigned char)t[i + 2] == 0x98))
    return true; /* “ ‘ */
  /* a non-ASCII capital: decode only valid two- and three-byte sequences */
  int32_t cp = -1;
  if (c >= 0xC2 && c <= 0xDF && i + 1 < n && ((unsigned char)t[i + 1] & 0xC0) == 0x80)
    cp = ((c & 0x1F) << 6) | ((unsigned char)t[i + 1] & 0x3F);
  else if (c >= 0xE1 && c <= 0xEC && i + 2 < n && ((unsigned char)t[i + 1] & 0xC0) == 0x80 &&
           ((unsigned char)t[i + 2] & 0xC0) == 0x80)
    cp = ((c & 0x0F) << 12) | (((unsigned char)t[i + 1] & 0x3F) << 6) | ((unsigned char)t[i + 2] & 0x3F);
  return cp >= 0 && px_cp_is_upper(cp);
}

static size_t count_words(const char *t, const line *L) {
  size_t w = 0;
  bool in = false;
  for (size_t i = L->cs; i < L->ce; i++) {
    bool b = blank((unsigned char)t[i]);
    if (!b && !in) w++;
    in = !b;
  }
  return w;
}

/* The line's last word is one that cannot end a heading (the, of, and ...). */
static bool ends_with_function_word(const char *t, const line *L) {
  static const char *const fw[] = {"a",   "an",  "the",  "of",   "to",  "in",   "on",  "at",   "by",
                                   "for", "with", "and", "or",   "but", "from", "that", "as",  "is",
                                   "was", "are",  "were", "said", "its", "his",  "her",  "their", NULL};
  size_t e = L->ce, s = e;
  while (s > L->cs && px_is_alpha((unsigned char)t[s - 1])) s--;
  if (s == e || (s > L->cs && !blank((unsigned char)t[s - 1]))) return false;
  for (const char *const *w = fw; *w; w++)
    if (strlen(*w) == e - s && memcmp(*w, t + s, e - s) == 0) return true;
  return false;
}

/* "By Jane Smith", "By JANE SMITH and John Doe", "By the Associated Press". */
static bool is_byline(const char *t, const line *L) {
  size_t len = L->ce - L->cs;
  if (len < 4 || len > 80) return false;
  const char *s = t + L->cs;
  if (!((s[0] == 'B' && (s[1] == 'y' || s[1] == 'Y')) && s[2] == ' ')) return false;
  static const char *const small[] = {"and", "in", "for", "of", "the", "de", "al", "bin", "van", "von",
                                      "da", "di", "le", "la", "du", "el", "&", "with", NULL};
  size_t i = L->cs + 3, words = 0;
  bool capital_seen = false;
  while (i < L->ce) {
    while (i < L->ce && blank((unsigned char)t[i])) i++;
    if (i >= L->ce) break;
    size_t ws = i;
    while (i < L->ce && !blank((unsigned char)t[i])) i++;
    size_t wl = i - ws;
    if (++words > 10) return false;
    unsigned char c = (unsigned char)t[ws];
    while (wl > 0 && t[ws + wl - 1] == ',') wl--;
    bool alnum = false; /* "|", "-", "·" between name and outlet */
    for (size_t k = ws; k < ws + wl && !alnum; k++) alnum = px_is_alnum((unsigned char)t[k]) || (unsigned char)t[k] >= 0xC3;
    if (!alnum) {
      words--;
      continue;
    }
    if (px_is_upper(c) || c >= 0x80 || memchr(t + ws, '@', wl)) {
      capital_seen = true;
      continue;
    }
    bool ok = false;
    for (const char *const *w = small; *w && !ok; w++) ok = strlen(*w) == wl && memcmp(*w, t + ws, wl) == 0;
    if (!ok) return false;
  }
  /* a sentence that starts with "By" ends with a period; a byline does not,
   * unless after an initial (By John Q.) */
  unsigned char last = (unsigned char)t[L->ce - 1];
  if (last == '!' || last == '?') return false;
  if (last == '.' && !(L->ce - L->cs >= 2 && px_is_upper((unsigned char)t[L->ce - 2]))) return false;
  return capital_seen && words >= 1;
}

/* A list marker followed by some text (not a "* * *" separator). */
static bool item_marker(const char *t, size_t n, const line *L) {
  size_t ml = px_list_marker(t, n, L->cs, NULL);
  if (!ml) return false;
  for (size_t i = L->cs + ml; i < L->ce; i++)
    if (px_is_alnum((unsigned char)t[i]) || (unsigned char)t[i] >= 0x80) return true;
  return false;
}

int px_find_paragraphs(const char *text, size_t len, bool first_is_headline, px_spanvec *out) {
  const char *t = text;
  size_t n = len, pos = 0;
  bool first = true;
  while (pos < n) {
    /* the next block: non-blank lines up to a blank line */
    line L;
    get_line(t, n, pos, &L);
    if (L.cs == L.ce) {
      pos = L.next;
      continue;
    }
    size_t bs = pos, be = pos, nlines = 0, width = 0;
    for (size_t p = bs; p < n;) {
      get_line(t, n, p, &L);
      if (L.cs == L.ce) break;
      nlines++;
      if (L.ce - L.cs > width) width = L.ce - L.cs;
      p = be = L.next;
    }
    /* hard-wrapped: most lines run to about the same width, a terminal's */
    bool wrapped = false;
    if (nlines >= 3 && width >= 40 && width <= 120) {
      size_t full = 0;
      for (size_t p = bs; p < be; p = L.next) {
        get_line(t, n, p, &L);
        if ((L.ce - L.cs) * 4 >= width * 3) full++;
      }
      wrapped = full * 2 >= nlines;
    }
    /* the first non-blank byte after the block (for the heading test) */
    size_t after = be, w;
    while (after < n) {
      if (t[after] == '\n' || blank((unsigned char)t[after])) after++;
      else if ((w = nbsp(t, n, after)) > 0) after += w;
      else break;
    }

    bool open = false, prev_closes = false;
    size_t ps = 0, pe = 0;
    uint32_t kind = PX_PARA_TEXT;
    line prev = {0, 0, 0, 0};
    for (size_t p = bs; p < be; p = L.next) {
      get_line(t, n, p, &L);
      size_t llen = L.ce - L.cs;
      size_t next_start = after, next_indent = 0;
      if (L.next < be) {
        line nx;
        get_line(t, n, L.next, &nx);
        next_start = nx.cs;
        next_indent = nx.indent;
      }
      if (first) {
        first = false;
        if (first_is_headline) {
          if (px_spanvec_push(out, L.cs, L.ce, PX_PARA_HEADLINE, 0)) return PX_ENOMEM;
          continue;
        }
      }
      bool marker = item_marker(t, n, &L);
      bool byline = is_byline(t, &L);
      bool starts = !open || marker || byline || prev_closes;
      if (open && !starts && ends_sentence(t, &prev) && starts_capitalised(t, n, L.cs)) {
        bool at_margin = wrapped && prev.ce - prev.cs + 15 >= width && L.indent <= prev.indent;
        starts = !at_margin;
      }
      if (starts && open) {
        if (px_spanvec_push(out, ps, pe, kind, 0)) return PX_ENOMEM;
        open = false;
      }
      if (!open) {
        open = true;
        ps = L.cs;
        kind = marker ? PX_PARA_LIST_ITEM : byline ? PX_PARA_BYLINE : PX_PARA_TEXT;
        if (kind == PX_PARA_TEXT && llen <= 100 && !ends_with_punct(t, &L) &&
            starts_capitalised(t, n, next_start) && count_words(t, &L) <= 12 &&
            !ends_with_function_word(t, &L) && (!wrapped || llen * 10 <= width * 7))
          kind = PX_PARA_HEADING;
      }
      pe = L.ce;
      /* headings and bylines stand alone; so does a one-line list item when a
       * capitalised, unindented line follows */
      prev_closes = kind == PX_PARA_HEADING || kind == PX_PARA_BYLINE ||
                    (kind == PX_PARA_LIST_ITEM && L.next < be && !ends_with_punct(t, &L) &&
                     starts_capitalised(t, n, next_start) && next_indent <= L.indent);
      prev = L;
    }
    if (open && px_spanvec_push(out, ps, pe, kind, 0)) return PX_ENOMEM;
    pos = be;
  }
  return PX_OK;
}
