/* quotemarks.c - the regions of text inside double quotation marks.
 *
 * Curly marks pair by direction; a straight mark opens after a space, an
 * opening bracket or the start of a paragraph and closes otherwise. A quote
 * still open at the end of a paragraph continues when the next paragraph
 * opens with a quotation mark (the news convention for quotes that run over
 * paragraphs); otherwise it ends with its paragraph. */
#include "extract.h"

#define LDQUO 0x201C
#define RDQUO 0x201D
#define LAQUO 0x00AB
#define RAQUO 0x00BB

static bool opens_straight(const char *t, size_t para_start, size_t at) {
  if (at == para_start) return true;
  size_t p;
  int32_t c = px_utf8_prev(t, at, &p);
  return px_cp_is_space(c) || c == '(' || c == '[' || c == '-' || c == 0x2014 || c == 0x2013 || c == ':';
}

/* First quotation mark of a paragraph, if it opens it (after spaces). */
static bool starts_with_quote(const px_xctx *x, size_t start, size_t end) {
  size_t i = start;
  while (i < end) {
    int32_t c = px_utf8_next(x->text, end, &i);
    if (px_cp_is_space(c)) continue;
    return c == LDQUO || c == '"' || c == LAQUO;
  }
  return false;
}

int px_x_quotemarks(px_xctx *x) {
  bool open = false;
  size_t qstart = 0;
  for (size_t p = 0; p < x->n_para; p++) {
    size_t start = x->para[p].start, end = x->para[p].end;
    for (size_t i = start; i < end;) {
      size_t at = i;
      int32_t c = px_utf8_next(x->text, end, &i);
      bool is_open = c == LDQUO || c == LAQUO || (c == '"' && !open && opens_straight(x->text, start, at));
      bool is_close = c == RDQUO || c == RAQUO || (c == '"' && open);
      if (is_open && !open) {
        open = true;
        qstart = i;
      } else if (is_open && open && at == start) {
        qstart = i; /* continuation mark of a quote running over paragraphs */
      } else if (is_close && open) {
        if (at > qstart && px_spanvec_push(&x->qregions, qstart, at, 0, 0)) return PX_ENOMEM;
        open = false;
      }
    }
    if (open) {
      if (end > qstart && px_spanvec_push(&x->qregions, qstart, end, 0, 1)) return PX_ENOMEM;
      bool next_continues = p + 1 < x->n_para && starts_with_quote(x, x->para[p + 1].start, x->para[p + 1].end);
      if (!next_continues) open = false;
      /* else: the next paragraph's opening mark resets qstart */
    }
  }
  return PX_OK;
}
