/* quotemarks.c - the regions of text inside double quotation marks.
 *
 * Curly marks pair by direction; a straight mark opens after a space, an
 * opening bracket or the start of a paragraph and closes otherwise. A quote
 * still open at the end of a paragraph continues when the next paragraph
 * opens with a quotation mark (the news convention for quotes that run over
 * paragraphs), or when the next paragraph's first mark is a closing curly
 * one (a block quote whose inner paragraphs carry no marks); otherwise it
 * ends with its paragraph. A region that continues the previous one has
 * kind 1; a region cut at the end of its paragraph has aux 1. */
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

enum { CONT_NONE = 0, CONT_MARK, CONT_BLOCK };

/* How the paragraph [start, end) treats a quote left open before it; *text_at
 * gets where its quoted text starts (after the reopening mark). */
static int continuation(const px_xctx *x, size_t start, size_t end, size_t *text_at) {
  size_t i = start;
  while (i < end) {
    size_t at = i;
    int32_t c = px_utf8_next(x->text, end, &i);
    if (px_cp_is_space(c)) continue;
    if (c == LDQUO || c == '"' || c == LAQUO) {
      *text_at = i;
      return CONT_MARK;
    }
    *text_at = at;
    break;
  }
  while (i < end) {
    int32_t c = px_utf8_next(x->text, end, &i);
    if (c == RDQUO || c == RAQUO) return CONT_BLOCK;
    if (c == LDQUO || c == LAQUO || c == '"') return CONT_NONE;
  }
  return CONT_NONE;
}

int px_x_quotemarks(px_xctx *x) {
  bool open = false;
  size_t qstart = 0, skip_to = 0;
  uint32_t kind = 0;
  for (size_t p = 0; p < x->n_para; p++) {
    size_t start = x->para[p].start, end = x->para[p].end;
    for (size_t i = start < skip_to ? skip_to : start; i < end;) {
      size_t at = i;
      int32_t c = px_utf8_next(x->text, end, &i);
      bool is_open = c == LDQUO || c == LAQUO || (c == '"' && !open && opens_straight(x->text, start, at));
      bool is_close = c == RDQUO || c == RAQUO || (c == '"' && open);
      if (is_open && !open) {
        open = true;
        qstart = i;
        kind = 0;
      } else if (is_close && open) {
        if (at > qstart && px_spanvec_push(&x->qregions, qstart, at, kind, 0)) return PX_ENOMEM;
        open = false;
      }
    }
    if (open) {
      if (end > qstart && px_spanvec_push(&x->qregions, qstart, end, kind, 1)) return PX_ENOMEM;
      int cont = p + 1 < x->n_para ? continuation(x, x->para[p + 1].start, x->para[p + 1].end, &qstart) : CONT_NONE;
      if (cont == CONT_NONE) open = false;
      kind = 1;
      skip_to = qstart; /* the reopening mark is not a new quote */
    }
  }
  return PX_OK;
}
