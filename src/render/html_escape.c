/* html_escape.c - escaping for the HTML report (see html_escape.h).
 *
 * All five characters that can end a text run or an attribute value are
 * replaced, so one function serves both places and a caller cannot pick the
 * wrong one. White space is collapsed because sentences keep their newlines
 * and the page shows them as running text anyway. C0 controls (other than
 * white space) and DEL are dropped: they are parse errors in HTML and have no
 * business in a report. Bytes >= 0x80 pass through: the document texts are
 * valid UTF-8 after ingest, and the page declares UTF-8. */
#include "html_escape.h"

#include <string.h>

static void escape(px_buf *b, const char *s, size_t n, bool trim) {
  if (!s) return;
  /* trim: white space before the first byte or after the last is dropped, else kept as one space */
  bool space = false, started = !trim;
  size_t run = 0; /* start of the pending run of plain bytes */
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    const char *rep = NULL;
    switch (c) {
    case '&': rep = "&amp;"; break;
    case '<': rep = "&lt;"; break;
    case '>': rep = "&gt;"; break;
    case '"': rep = "&quot;"; break;
    case '\'': rep = "&#39;"; break;
    default:
      if (px_is_space(c) || c < 0x20 || c == 0x7f) break;
      if (space && started) px_buf_putc(b, ' ');
      space = false;
      started = true;
      continue; /* a plain byte: stays in the run */
    }
    if (i > run) px_buf_append(b, s + run, i - run);
    run = i + 1;
    if (rep) {
      if (space && started) px_buf_putc(b, ' ');
      space = false;
      started = true;
      px_buf_puts(b, rep);
    } else if (px_is_space(c)) {
      space = true;
    }
  }
  if (n > run) px_buf_append(b, s + run, n - run);
  if (space && !trim) px_buf_putc(b, ' ');
}

void px_html_esc(px_buf *b, const char *s, size_t n) { escape(b, s, n, true); }
void px_html_esc_piece(px_buf *b, const char *s, size_t n) { escape(b, s, n, false); }

void px_html_escs(px_buf *b, const char *s, const char *fallback) {
  if (!s) s = fallback;
  if (s) px_html_esc(b, s, strlen(s));
}
