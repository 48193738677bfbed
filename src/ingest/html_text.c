/* html_text.c - the DOM as text blocks, the way a browser lays text out.
 *
 * A block is the inline content between two block boundaries (the start or
 * end of a block-level element). White space is collapsed as CSS `normal`
 * does: a run of spaces, tabs and newlines is one space, none at the start or
 * end of a block; inside <pre> it is kept. One <br> is a line break inside the
 * block; two or more in a row end the block (they are how old pages separate
 * paragraphs). Each block remembers the element that holds it, its kind
 * (heading, list item or text) and counts the extractor scores it by.
 */
#include "html.h"

#include <gumbo.h>
#include <stdlib.h>
#include <string.h>

bool px_html_is_block(unsigned tag) {
  switch (tag) {
  case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
  case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
  case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
  case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
  case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
  case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR:
  case GUMBO_TAG_HTML: case GUMBO_TAG_LEGEND: case GUMBO_TAG_LI: case GUMBO_TAG_LISTING:
  case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P:
  case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY:
  case GUMBO_TAG_TABLE: case GUMBO_TAG_CAPTION: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD:
  case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_UL:
  case GUMBO_TAG_XMP: case GUMBO_TAG_OPTION: case GUMBO_TAG_OPTGROUP: case GUMBO_TAG_FRAMESET:
    return true;
  default:
    return false;
  }
}

static bool is_heading(unsigned tag) { return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6; }

/* Walk state. Depth counters go up on entering an element and down on leaving it. */
typedef struct walker {
  const px_hdom *dom;
  px_hblocks *out;
  uint32_t holder;         /* innermost open block element */
  size_t start;            /* where the current block's text starts in out->text */
  uint32_t chars, link_chars, links;
  bool space;              /* white space seen since the last character */
  int brs;                 /* <br> seen in a row */
  int in_link, in_pre, in_quote, in_caption, in_cell;
} walker;

/* The block kind from the holder and its ancestors. */
static uint16_t block_kind(const px_hdom *dom, uint32_t holder) {
  for (uint32_t i = holder; i; i = dom->n[i].parent) {
    unsigned t = dom->n[i].tag;
    if (is_heading(t)) return PX_PARA_HEADING;
    if (t == GUMBO_TAG_LI || t == GUMBO_TAG_DT || t == GUMBO_TAG_DD) return PX_PARA_LIST_ITEM;
    if (t == GUMBO_TAG_P || t == GUMBO_TAG_UL || t == GUMBO_TAG_OL || t == GUMBO_TAG_ARTICLE ||
        t == GUMBO_TAG_SECTION || t == GUMBO_TAG_BODY)
      break;
  }
  return PX_PARA_TEXT;
}

/* Full-width punctuation of CJK text: the ideographic comma and full stop,
 * and the full-width comma, full stop, exclamation and question marks. */
static int cjk_mark(const unsigned char *p, size_t left) {
  if (left < 3) return 0;
  if (p[0] == 0xE3 && p[1] == 0x80 && (p[2] == 0x81 || p[2] == 0x82)) return p[2] == 0x81 ? ',' : '.';
  if (p[0] == 0xEF && p[1] == 0xBC && (p[2] == 0x8C || p[2] == 0x8E || p[2] == 0x81 || p[2] == 0x9F))
    return p[2] == 0x8C ? ',' : '.';
  return 0;
}

static void count_words(const char *s, size_t n, px_hblock *b) {
  bool in_word = false;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    int mark = c >= 0xE3 ? cjk_mark((const unsigned char *)s + i, n - i) : 0;
    bool w = (px_is_alnum(c) || c >= 0x80) && !mark;
    if (w && !in_word) b->words++;
    in_word = w || (in_word && (c == '\'' || c == '-'));
    if (c == ',' || mark == ',') b->commas++;
    else if (mark == '.') b->stops++;
    else if ((c == '.' || c == '!' || c == '?') && (i + 1 == n || px_is_space((unsigned char)s[i + 1]) ||
                                                   s[i + 1] == '"' || s[i + 1] == ')'))
      b->stops++;
    else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x9D &&
             i > 0 && strchr(".!?", s[i - 1]))
      b->stops++; /* ." in curly quotes counts once, at the period */
    if (mark) i += 2;
  }
}

/* Ends the current block: trims it and records it if anything is left. */
static int flush(walker *w) {
  px_buf *t = &w->out->text;
  while (t->len > w->start && px_is_space((unsigned char)t->data[t->len - 1])) t->len--;
  size_t lead = w->start; /* <pre> keeps white space, but not around the block */
  while (lead < t->len && px_is_space((unsigned char)t->data[lead])) lead++;
  if (lead > w->start) {
    memmove(t->data + w->start, t->data + lead, t->len - lead);
    t->len -= lead - w->start;
  }
  w->space = false;
  w->brs = 0;
  if (t->len == w->start || w->chars == 0) {
    t->len = w->start;
    w->chars = w->link_chars = w->links = 0;
    return PX_OK;
  }
  px_hblocks *o = w->out;
  if (o->n == o->cap) {
    size_t cap = o->cap ? o->cap * 2 : 256;
    px_hblock *p = realloc(o->v, cap * sizeof *p);
    if (!p) return PX_ENOMEM;
    o->v = p;
    o->cap = cap;
  }
  if (t->len > UINT32_MAX) return PX_ETOOBIG;
  px_hblock *b = &o->v[o->n++];
  *b = (px_hblock){.off = (uint32_t)w->start, .len = (uint32_t)(t->len - w->start), .node = w->holder,
                   .chars = w->chars, .link_chars = w->link_chars, .links = w->links};
  b->kind = block_kind(w->dom, w->holder);
  b->flags = (uint16_t)((w->in_pre ? PX_HB_PRE : 0) | (w->in_quote ? PX_HB_QUOTE : 0) |
                        (w->in_caption ? PX_HB_CAPTION : 0) | (w->in_cell ? PX_HB_TABLE : 0));
  count_words(t->data + b->off, b->len, b);
  w->start = t->len;
  w->chars = w->link_chars = w->links = 0;
  if (px_buf_reserve(t, 0)) return PX_ENOMEM;
  t->data[t->len] = '\0';
  return PX_OK;
}

/* Appends a text node's text, collapsing white space (outside <pre>). */
static int put_text(walker *w, const char *s, size_t n) {
  px_buf *t = &w->out->text;
  if (px_buf_reserve(t, n + 1)) return PX_ENOMEM;
  uint32_t chars = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (px_is_space(c) && !w->in_pre) {
      w->space = true;
      continue;
    }
    if (c == '\r') continue;
    if (w->space && t->len > w->start && t->data[t->len - 1] != '\n') t->data[t->len++] = ' ';
    w->space = false;
    if (w->brs) w->brs = 0;
    t->data[t->len++] = (char)c;
    if (!px_is_space(c) && (c & 0xC0) != 0x80) chars++;
  }
  t->data[t->len] = '\0';
  w->chars += chars;
  if (w->in_link) w->link_chars += chars;
  return PX_OK;
}

static int line_break(walker *w) {
  px_buf *t = &w->out->text;
  if (++w->brs >= 2) return flush(w);
  while (t->len > w->start && t->data[t->len - 1] == ' ') t->len--;
  w->space = false;
  return t->len > w->start ? px_buf_putc(t, '\n') : PX_OK;
}

static void count(walker *w, unsigned tag, uint32_t i, int d) {
  if (tag == GUMBO_TAG_A && px_hdom_attr(w->dom, i, PX_HA_HREF, NULL)) {
    w->in_link += d;
    w->links += d > 0;
  }
  else if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING || tag == GUMBO_TAG_PLAINTEXT) w->in_pre += d;
  else if (tag == GUMBO_TAG_BLOCKQUOTE) w->in_quote += d;
  else if (tag == GUMBO_TAG_FIGCAPTION || tag == GUMBO_TAG_FIGURE || tag == GUMBO_TAG_CAPTION) w->in_caption += d;
  else if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) w->in_cell += d;
}

/* Entering element i (not dead). */
static int enter(walker *w, uint32_t i) {
  unsigned tag = w->dom->n[i].tag;
  int rc = PX_OK;
  if (tag == GUMBO_TAG_BR) return line_break(w);
  if (px_html_is_block(tag)) {
    rc = flush(w);
    w->holder = i;
  }
  count(w, tag, i, +1);
  return rc;
}

/* Leaving element i (not dead). */
static int leave(walker *w, uint32_t i) {
  const px_hdom *d = w->dom;
  unsigned tag = d->n[i].tag;
  if (tag == GUMBO_TAG_BR) return PX_OK;
  if (!px_html_is_block(tag)) {
    count(w, tag, i, -1);
    return PX_OK;
  }
  int rc = flush(w); /* the block ends inside the element: flags still counted */
  count(w, tag, i, -1);
  uint32_t h = d->n[i].parent;
  while (h && !px_html_is_block(d->n[h].tag)) h = d->n[h].parent;
  w->holder = h;
  return rc;
}

int px_hblocks_build(const px_hdom *dom, px_hblocks *out) {
  walker w = {.dom = dom, .out = out};
  int rc = px_buf_reserve(&out->text, 4096);
  uint32_t i = dom->count > 1 ? 1 : 0;
  while (i && !rc) {
    const px_hnode *n = &dom->n[i];
    bool dead = n->flags & PX_HN_DEAD;
    bool descend = false;
    if (n->tag == PX_HTAG_TEXT) {
      if (!dead) rc = put_text(&w, dom->buf.data + n->off, n->len);
    } else if (!dead) {
      rc = enter(&w, i);
      descend = n->first != 0;
    }
    if (descend) {
      i = n->first;
      continue;
    }
    if (n->tag != PX_HTAG_TEXT && !dead && !rc) rc = leave(&w, i);
    while (i && !dom->n[i].next && !rc) { /* climb out of finished elements */
      i = dom->n[i].parent;
      if (i) rc = leave(&w, i);
    }
    if (i) i = dom->n[i].next;
  }
  return rc ? rc : flush(&w);
}

void px_hblocks_free(px_hblocks *b) {
  free(b->v);
  px_buf_free(&b->text);
  *b = (px_hblocks){0};
}
