/* html.c - an HTML page to a document: decode, reduce, parse, extract, metadata.
 *
 * The document's text is the article body only: its paragraphs (blocks)
 * joined by blank lines, a <br> inside one kept as a line break. The
 * headline is metadata (title), not text: a heading equal to it among the
 * first blocks is dropped. The paragraphs layer is set here, with the kinds HTML knows
 * (headings, list items). Offsets point into this text, like every other
 * document's; positions in the page itself are not kept.
 */
#include "html.h"

#include <gumbo.h>
#include <stdlib.h>
#include <string.h>

/* A JSON-LD articleBody replaces the extracted text when that has fewer
 * characters than this and the articleBody is PX_LD_BODY_FACTOR times longer. */
#define PX_LD_BODY_MIN_CHARS 500
#define PX_LD_BODY_FACTOR 2
/* Hidden text is looked for when the article has fewer characters than
 * this, and taken when there is PX_REVEAL_GAIN times as much of it. */
#define PX_REVEAL_BELOW_CHARS 500
#define PX_REVEAL_GAIN 2
/* The headline is looked for among this many first blocks (a kicker or a
 * section label may come before it). */
#define PX_HEADLINE_WITHIN 3

typedef struct page {
  px_hdom dom;
  px_hblocks blocks;
  px_hextract x;
  px_hmeta meta;
  px_html_charset cs;
} page;

static void page_free(page *p) {
  px_hdom_free(&p->dom);
  px_hblocks_free(&p->blocks);
  px_hextract_free(&p->x);
  px_hmeta_free(&p->meta);
}

/* The letters and digits of a and b match (case, punctuation and white space aside). */
static bool same_words(const char *a, size_t an, const char *b) {
  size_t i = 0, j = 0, bn = strlen(b);
  for (;;) {
    int32_t x = 0, y = 0;
    while (i < an && !(px_cp_is_letter(x = px_utf8_next(a, an, &i)) || (x >= '0' && x <= '9'))) x = 0;
    while (j < bn && !(px_cp_is_letter(y = px_utf8_next(b, bn, &j)) || (y >= '0' && y <= '9'))) y = 0;
    if (!x || !y) return !x && !y;
    if (x != y && !(x < 0x80 && y < 0x80 && px_lower((unsigned char)x) == px_lower((unsigned char)y))) return false;
  }
}

/* The table cell (<td>, <th>) holding a block, or 0. */
static uint32_t cell_of(const px_hdom *d, const px_hblock *b) {
  if (!(b->flags & PX_HB_TABLE)) return 0;
  for (uint32_t a = b->node; a; a = d->n[a].parent) {
    if (d->n[a].tag == GUMBO_TAG_TD || d->n[a].tag == GUMBO_TAG_TH) return a;
    if (d->n[a].tag == GUMBO_TAG_TABLE) break;
  }
  return 0;
}

/* The row of a cell that holds exactly one of the picked blocks (a data
 * table's cell), or 0 (not in a table, or a layout cell with paragraphs). */
static uint32_t data_row(const page *p, size_t k) {
  const px_hdom *d = &p->dom;
  uint32_t cell = cell_of(d, &p->blocks.v[p->x.v[k].block]);
  if (!cell) return 0;
  if (k > 0 && cell_of(d, &p->blocks.v[p->x.v[k - 1].block]) == cell) return 0;
  if (k + 1 < p->x.n && cell_of(d, &p->blocks.v[p->x.v[k + 1].block]) == cell) return 0;
  uint32_t row = d->n[cell].parent;
  return d->n[row].tag == GUMBO_TAG_TR ? row : 0;
}

/* Joins the picked blocks: paragraphs separated by a blank line, the cells of
 * one table row by tabs in one paragraph. kinds[] gets each paragraph's kind. */
static int join_blocks(const page *p, px_buf *text, px_spanvec *kinds) {
  const px_hblocks *b = &p->blocks;
  int rc = PX_OK;
  uint32_t row = 0;
  for (size_t k = 0; k < p->x.n && !rc; k++) {
    const px_hblock *blk = &b->v[p->x.v[k].block];
    const char *s = b->text.data + blk->off;
    if (k < PX_HEADLINE_WITHIN && blk->kind == PX_PARA_HEADING && p->meta.title.value &&
        same_words(s, blk->len, p->meta.title.value))
      continue; /* the headline: it is the title */
    uint32_t r = data_row(p, k);
    bool same_row = r && r == row;
    row = r;
    if (text->len) rc = px_buf_puts(text, same_row ? "\t" : "\n\n");
    size_t start = text->len;
    for (size_t i = 0; i < blk->len && !rc; i++) /* one paragraph: no blank line inside */
      if (s[i] != '\n' || text->data[text->len - 1] != '\n') rc = px_buf_putc(text, s[i]);
    if (rc) break;
    if (same_row) kinds->v[kinds->n - 1].end = text->len;
    else rc = px_spanvec_push(kinds, start, text->len, blk->kind, 0);
  }
  return rc;
}

/* The JSON-LD articleBody as text: its lines become paragraphs (markup in it parsed as HTML). */
static int ld_text(const char *body, px_buf *text, px_spanvec *kinds) {
  page q = {0};
  int rc = PX_OK;
  if (strchr(body, '<')) {
    rc = px_hdom_parse(&q.dom, body, strlen(body));
    if (!rc) rc = px_hblocks_build(&q.dom, &q.blocks);
    for (size_t k = 0; !rc && k < q.blocks.n; k++) {
      const px_hblock *b = &q.blocks.v[k];
      if (text->len) rc = px_buf_puts(text, "\n\n");
      size_t start = text->len;
      if (!rc) rc = px_buf_append(text, q.blocks.text.data + b->off, b->len);
      if (!rc) rc = px_spanvec_push(kinds, start, text->len, b->kind, 0);
    }
    page_free(&q);
    return rc;
  }
  for (const char *s = body; *s && !rc;) {
    size_t n = strcspn(s, "\n");
    size_t a = 0, e = n;
    while (a < e && px_is_space((unsigned char)s[a])) a++;
    while (e > a && px_is_space((unsigned char)s[e - 1])) e--;
    if (e > a) {
      if (text->len) rc = px_buf_puts(text, "\n\n");
      size_t start = text->len;
      if (!rc) rc = px_buf_append(text, s + a, e - a);
      if (!rc) rc = px_spanvec_push(kinds, start, text->len, PX_PARA_TEXT, 0);
    }
    s += n + (s[n] == '\n');
  }
  return rc;
}

static size_t picked_chars(const page *p) {
  size_t n = 0;
  for (size_t k = 0; k < p->x.n; k++) n += p->blocks.v[p->x.v[k].block].chars;
  return n;
}

/* Decoding and parsing: fills p->dom. Reports its own errors. */
static int parse(page *p, const char *where, const char *data, size_t len, const px_ingest_opts *o) {
  char msg[160];
  bool utf16 = len >= 2 && (((unsigned char)data[0] == 0xFE && (unsigned char)data[1] == 0xFF) ||
                            ((unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE));
  int rc = utf16 ? PX_OK : px_check_bytes(data, len, msg, sizeof msg);
  char *utf8 = NULL, *reduced = NULL;
  size_t ulen, rlen;
  if (!rc) rc = px_html_decode(data, len, &utf8, &ulen, &p->cs);
  if (!rc && utf16) rc = px_check_bytes(utf8, ulen, msg, sizeof msg);
  if (rc == PX_EBINARY || rc == PX_EEMPTY) {
    px_diagf(o, PX_ERROR, rc, where, "%s", msg);
    free(utf8);
    return rc;
  }
  if (!rc && p->cs.n_invalid) {
    bool strict = o->text_flags & PX_TEXT_STRICT;
    px_diagf(o, strict ? PX_ERROR : PX_WARNING, PX_EUTF8, where, "%s%zu byte sequence%s invalid in %s%s",
             strict ? "" : "warning: ", p->cs.n_invalid, p->cs.n_invalid == 1 ? "" : "s", p->cs.name,
             strict ? "" : " (replaced by U+FFFD)");
    if (strict) rc = PX_EUTF8;
  }
  if (!rc) rc = px_html_reduce(utf8, ulen, &reduced, &rlen);
  free(utf8);
  if (!rc) rc = px_hdom_parse(&p->dom, reduced, rlen);
  free(reduced);
  if (rc == PX_ETOOBIG) px_diagf(o, PX_ERROR, rc, where, "page too complex to parse (parser memory limit reached)");
  else if (rc && rc != PX_EUTF8) px_diagf(o, PX_ERROR, rc, where, "%s", px_strerror(rc));
  return rc;
}

/* A page whose article is too short may hide it with aria-hidden or a utility
 * class (the page behind a dialog): extraction is tried again with that
 * hiding off, and wins when it finds PX_REVEAL_GAIN times the text. */
static int reveal(page *p) {
  if (picked_chars(p) >= PX_REVEAL_BELOW_CHARS || px_hdom_soft_hiding(&p->dom, false) == 0) return PX_OK;
  px_hblocks blocks = {0};
  px_hextract x = {0};
  int rc = px_hblocks_build(&p->dom, &blocks);
  if (!rc) rc = px_html_extract(&p->dom, &blocks, p->meta.ld_body, &x);
  size_t before = picked_chars(p);
  px_hblocks old_blocks = p->blocks;
  px_hextract old_x = p->x;
  p->blocks = blocks, p->x = x;
  if (!rc && picked_chars(p) >= PX_REVEAL_GAIN * before && picked_chars(p) > 0) {
    px_hblocks_free(&old_blocks);
    px_hextract_free(&old_x);
    return PX_OK;
  }
  px_hblocks_free(&p->blocks);
  px_hextract_free(&p->x);
  p->blocks = old_blocks, p->x = old_x;
  px_hdom_soft_hiding(&p->dom, true);
  return rc;
}

/* Extraction and metadata: fills p->blocks, p->x, p->meta. */
static int analyse(page *p, const px_meta_in *m) {
  int rc = px_html_jsonld(&p->dom, &p->meta);
  if (!rc) rc = px_hblocks_build(&p->dom, &p->blocks);
  if (!rc) rc = px_html_extract(&p->dom, &p->blocks, p->meta.ld_body, &p->x);
  if (!rc) rc = reveal(p);
  if (!rc) rc = px_html_meta(&p->dom, &p->blocks, p->x.root, m->url, &p->meta);
  return rc;
}

/* The paragraphs layer of the cleaned text: one span per blank-line-separated
 * block, with the kinds of the blocks it came from (same count, same order). */
static int add_paragraphs(px_doc *d, const px_spanvec *kinds) {
  size_t len;
  const char *t = px_doc_text(d, &len);
  px_spanvec pv = {0};
  int rc = PX_OK;
  size_t i = 0;
  while (i < len && !rc) {
    size_t e = len; /* the next blank line (memchr: linear, where strstr may rescan the rest) */
    for (size_t k = i; k + 1 < len;) {
      const char *nl = memchr(t + k, '\n', len - k - 1);
      if (!nl) break;
      size_t at = (size_t)(nl - t);
      if (t[at + 1] == '\n') {
        e = at;
        break;
      }
      k = at + 1;
    }
    bool gap = e < len;
    if (pv.n >= kinds->n) break;
    rc = px_spanvec_push(&pv, i, e, kinds->v[pv.n].kind, 0);
    i = gap ? e + 2 : len;
  }
  if (!rc && pv.n == kinds->n) rc = px_doc_add_layer(d, PX_LAYER_PARAGRAPHS, pv.v, pv.n);
  px_spanvec_free(&pv); /* a count that differs: px_doc_segment will find the paragraphs */
  return rc;
}

static int set(px_doc *d, px_meta_key k, const char *v) { return v ? px_doc_set_meta(d, k, v) : PX_OK; }

static int set_val(px_doc *d, px_meta_key k, px_meta_key from, const px_hmeta_val *v) {
  int rc = set(d, k, v->value);
  return rc || !v->value ? rc : set(d, from, v->from);
}

/* Metadata: the input's own (sidecar, record) first, then the page's, then the options. */
static int set_meta(px_doc *d, const page *p, const px_meta_in *m, const px_ingest_opts *o, const char *where) {
  const px_hmeta *h = &p->meta;
  int rc = set(d, PX_META_ID, m->id);
  if (!rc) rc = set(d, PX_META_PATH, m->path);
  if (!rc) rc = set(d, PX_META_FORMAT, "html");
  const char *source = m->source ? m->source : o->source ? o->source : h->site.value;
  if (!rc) rc = set(d, PX_META_SOURCE, source);
  px_hmeta_val title = m->title ? (px_hmeta_val){.value = (char *)m->title, .from = "input"} : h->title;
  px_hmeta_val url = m->url ? (px_hmeta_val){.value = (char *)m->url, .from = "input"} : h->url;
  if (!rc) rc = set_val(d, PX_META_TITLE, PX_META_TITLE_FROM, &title);
  if (!rc) rc = set_val(d, PX_META_URL, PX_META_URL_FROM, &url);
  char date[11];
  const char *pub = m->published;
  if (pub && px_parse_date(pub, date) != PX_OK) {
    px_diagf(o, PX_WARNING, PX_EDATE, where, "warning: published date \"%s\" is not YYYY-MM-DD; ignored", pub);
    pub = NULL;
  }
  px_hmeta_val published = pub ? (px_hmeta_val){.value = date, .from = "input"} : h->published;
  if (!published.value && o->published) published = (px_hmeta_val){.value = (char *)o->published, .from = "input"};
  if (!rc) rc = set_val(d, PX_META_PUBLISHED, PX_META_PUBLISHED_FROM, &published);
  if (!rc) rc = set_val(d, PX_META_MODIFIED, PX_META_MODIFIED_FROM, &h->modified);
  if (!rc) rc = set_val(d, PX_META_SITE, PX_META_SITE_FROM, &h->site);
  if (!rc) rc = set_val(d, PX_META_LANG, PX_META_LANG_FROM, &h->lang);
  if (!rc) rc = set_val(d, PX_META_DESCRIPTION, PX_META_DESCRIPTION_FROM, &h->description);
  for (size_t i = 0; i < h->n_authors && !rc; i++) rc = px_doc_add_author(d, h->authors[i]);
  if (!rc && h->n_authors) rc = set(d, PX_META_AUTHORS_FROM, h->authors_from);
  return rc;
}

/* The document from the extracted page. */
static int make_doc(px_doc **out, const page *p, const char *where, const px_ingest_opts *o) {
  px_buf text = {0};
  px_spanvec kinds = {0};
  int rc = join_blocks(p, &text, &kinds);
  const char *ld = p->meta.ld_body;
  if (!rc && ld && picked_chars(p) < PX_LD_BODY_MIN_CHARS && strlen(ld) > PX_LD_BODY_FACTOR * picked_chars(p)) {
    text.len = 0;
    kinds.n = 0;
    rc = ld_text(ld, &text, &kinds);
  }
  char *clean = NULL;
  size_t clen = 0;
  if (!rc && text.len == 0) {
    px_diagf(o, PX_ERROR, PX_EEMPTY, where, "no article text found in the page");
    rc = PX_EEMPTY;
  } else if (!rc) {
    rc = px_text_clean(text.data, text.len, 0, &clean, &clen, NULL, NULL);
  }
  px_buf_free(&text);
  px_doc *d = NULL;
  if (!rc && !(d = px_doc_adopt(clean, clen))) {
    free(clean);
    rc = PX_ENOMEM;
  }
  if (!rc) rc = add_paragraphs(d, &kinds);
  px_spanvec_free(&kinds);
  for (size_t k = 0; !rc && k < p->x.n_removed; k++) {
    const px_hblock *b = &p->blocks.v[p->x.removed[k].block];
    rc = px_doc_add_removed(d, p->blocks.text.data + b->off, b->len, p->x.removed[k].reason);
  }
  if (rc) px_doc_free(d);
  else *out = d;
  return rc;
}

int px_ingest_html(px_corpus *c, const char *where, const char *data, size_t len, const px_meta_in *m,
                   const px_ingest_opts *o) {
  page p = {0};
  int rc = parse(&p, where, data, len, o);
  if (rc) {
    page_free(&p);
    return rc;
  }
  rc = analyse(&p, m);
  px_doc *d = NULL;
  if (!rc) rc = make_doc(&d, &p, where, o);
  if (!rc) rc = set_meta(d, &p, m, o, where);
  page_free(&p);
  if (rc) {
    if (rc != PX_EEMPTY) px_diagf(o, PX_ERROR, rc, where, "%s", px_strerror(rc));
    px_doc_free(d);
    return rc;
  }
  return px_corpus_add(c, d);
}
