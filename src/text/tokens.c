/* tokens.c - words, numbers, punctuation, URLs and e-mail addresses. */
#include "text.h"

#include <string.h>
#include <utf8proc.h>

static bool ascii_ci_prefix(const char *s, size_t n, const char *p) {
  size_t k = strlen(p);
  if (n < k) return false;
  for (size_t i = 0; i < k; i++)
    if (px_lower((unsigned char)s[i]) != (unsigned char)p[i]) return false;
  return true;
}

/* Characters that may appear inside a URL or e-mail address. */
static bool url_char(unsigned char c) {
  return c > 0x20 && c < 0x7F && !strchr("\"<>`{}|\\^", c);
}

size_t px_url_len(const char *text, size_t len, size_t i) {
  const char *s = text + i;
  size_t n = len - i, k;
  if (ascii_ci_prefix(s, n, "https://")) k = 8;
  else if (ascii_ci_prefix(s, n, "http://")) k = 7;
  else if (ascii_ci_prefix(s, n, "www.")) k = 4;
  else return 0;
  if (i > 0 && px_is_alnum((unsigned char)text[i - 1])) return 0;
  size_t start = k;
  while (k < n && url_char((unsigned char)s[k])) k++;
  /* Trailing punctuation belongs to the sentence, not the URL; a closing
   * parenthesis stays only when it closes one opened inside the URL. */
  while (k > start && strchr(".,;:!?)]'", s[k - 1])) {
    if (s[k - 1] == ')') {
      size_t open = 0, close = 0;
      for (size_t j = start; j < k; j++) open += s[j] == '(', close += s[j] == ')';
      if (close <= open) break;
    }
    k--;
  }
  return k > start ? k : 0;
}

size_t px_email_len(const char *text, size_t len, size_t i) {
  if (i > 0 && (px_is_alnum((unsigned char)text[i - 1]) || strchr("._%+-", text[i - 1]))) return 0;
  size_t k = i;
  while (k < len && (px_is_alnum((unsigned char)text[k]) || strchr("._%+-", text[k]))) k++;
  if (k == i || k >= len || text[k] != '@') return 0;
  size_t at = k++, dot = 0;
  while (k < len && (px_is_alnum((unsigned char)text[k]) || text[k] == '-' || text[k] == '.')) k++;
  while (k > at && text[k - 1] == '.') k--; /* a sentence's period is not part of the domain */
  for (size_t j = at + 1; j < k; j++)
    if (text[j] == '.') dot = j;
  if (!dot || text[at + 1] == '.' || dot >= k - 1) return 0;
  return k - i;
}

static bool is_apostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019; }
static bool is_hyphen(int32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

int px_tokenize(const char *text, size_t start, size_t end, px_spanvec *out) {
  size_t i = start;
  while (i < end) {
    size_t s = i;
    int32_t cp = px_utf8_next(text, end, &i);
    if (px_cp_is_space(cp)) continue;
    size_t n;
    uint32_t kind;
    if ((n = px_url_len(text, end, s)) > 0) {
      i = s + n;
      kind = PX_TOK_URL;
    } else if ((n = px_email_len(text, end, s)) > 0) {
      i = s + n;
      kind = PX_TOK_EMAIL;
    } else if (px_is_digit((unsigned char)cp)) {
      /* 1,324  3.5  10:30  2016-12-13 stays one number only when the separator sits between digits */
      while (i < end) {
        unsigned char c = (unsigned char)text[i];
        if (px_is_digit(c)) i++;
        else if ((c == ',' || c == '.' || c == ':') && i + 1 < end && px_is_digit((unsigned char)text[i + 1])) i++;
        else break;
      }
      kind = PX_TOK_NUMBER;
      /* 5th, 10km, 3D: letters glued to digits make a word */
      if (i < end && px_is_alpha((unsigned char)text[i])) {
        while (i < end && px_is_alnum((unsigned char)text[i])) i++;
        kind = PX_TOK_WORD;
      }
    } else if (px_cp_is_letter(cp)) {
      kind = PX_TOK_WORD;
      while (i < end) {
        size_t j = i;
        int32_t c = px_utf8_next(text, end, &j);
        if (px_cp_is_letter(c) || (c < 0x80 && px_is_digit((unsigned char)c)) ||
            (c >= 0x300 && c < 0x370)) {
          i = j;
          continue;
        }
        /* inner apostrophe, hyphen or abbreviation period: keep going if a letter follows */
        if ((is_apostrophe(c) || is_hyphen(c) || c == '.') && j < end) {
          size_t k = j;
          int32_t nx = px_utf8_next(text, end, &k);
          if (px_cp_is_letter(nx) || (c != '.' && nx < 0x80 && px_is_digit((unsigned char)nx))) {
            i = k;
            continue;
          }
        }
        break;
      }
      /* U.S. / U.N. / a.m.: a final period after single-letter groups belongs to the word */
      if (i < end && text[i] == '.' && i - s >= 3 && text[i - 2] == '.') i++;
    } else if (cp < 0x80 && strchr(".!?-*=_~#", (int)cp)) {
      while (i < end && text[i] == (char)cp) i++; /* runs: ... -- !! */
      kind = PX_TOK_PUNCT;
    } else {
      utf8proc_category_t cat = utf8proc_category(cp);
      kind = (cat >= UTF8PROC_CATEGORY_PC && cat <= UTF8PROC_CATEGORY_PO) ? PX_TOK_PUNCT : PX_TOK_SYMBOL;
      if (cp == 0x2026) kind = PX_TOK_PUNCT;
      if (cp == '%' || cp == '&' || cp == 0x2030) kind = PX_TOK_SYMBOL; /* Po in Unicode, symbols here */
    }
    if (px_spanvec_push(out, s, i, kind, 0)) return PX_ENOMEM;
  }
  return PX_OK;
}
