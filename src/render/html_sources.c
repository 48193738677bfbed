/* html_sources.c - the sources side by side: one column per document with
 * its outlet, headline, date and link, then its sentences, paragraph by
 * paragraph. Each sentence is <span id="d{doc}-s{sentence}"> so that every
 * item elsewhere in the page can link to it (CSS :target highlights it).
 * A sentence only its source reports is tinted; after a sentence, one dot
 * per supporting sentence of another source (in that source's colour) links
 * to it. Below the columns, how many sentences each pair of sources shares.
 *
 * Supports and exclusives are copied and sorted by (doc, sentence) once, so
 * the walk over the sentences is linear whatever order the story keeps. */
#include "html.h"

#include <stdlib.h>
#include <string.h>

#define MAX_SUPPORT_DOTS 4
#define MAX_MATRIX_DOCS 24 /* above this a sources x sources table is unreadable */

static int cmp_sref(px_sref a, px_sref b) {
  if (a.doc != b.doc) return a.doc < b.doc ? -1 : 1;
  return (a.sentence > b.sentence) - (a.sentence < b.sentence);
}
static int cmp_support(const void *a, const void *b) {
  const px_support *x = a, *y = b;
  int c = cmp_sref(x->from, y->from);
  return c ? c : (x->score < y->score) - (x->score > y->score);
}
static int cmp_excl(const void *a, const void *b) {
  return cmp_sref(((const px_exclusive *)a)->ref, ((const px_exclusive *)b)->ref);
}

/* A span to mark inside a sentence: a claim's number or date, or a framing marker. */
typedef struct mark {
  uint32_t doc;
  size_t start, end;
  const char *cls, *title; /* static strings */
} mark;

static int cmp_mark(const void *a, const void *b) {
  const mark *x = a, *y = b;
  if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  return (x->end < y->end) - (x->end > y->end); /* the longer first: it wins the overlap */
}

typedef struct walk {
  px_support *sup;
  size_t nsup, isup;
  px_exclusive *exc;
  size_t nexc, iexc;
  mark *mk;
  size_t nmk, imk;
} walk;

/* Every claim and marker span, sorted by (doc, start); NULL (no marks) when out of memory. */
static void collect_marks(const px_html *h, walk *w) {
  size_t nc = 0, nm = 0;
  const px_claim *c = h->s ? px_story_claims(h->s, &nc) : NULL;
  const px_marker *m = h->s ? px_story_markers(h->s, &nm) : NULL;
  if (nc + nm == 0 || !(w->mk = malloc((nc + nm) * sizeof *w->mk))) return;
  for (size_t i = 0; i < nc; i++)
    if (c[i].end > c[i].start)
      w->mk[w->nmk++] = (mark){c[i].doc, c[i].start, c[i].end, c[i].kind == PX_CLAIM_DATE ? "cd" : "cq",
                               c[i].kind == PX_CLAIM_DATE ? "date claim" : "quantity claim"};
  for (size_t i = 0; i < nm; i++)
    if (m[i].end > m[i].start)
      w->mk[w->nmk++] = (mark){m[i].doc, m[i].start, m[i].end, "mark", px_marker_kind_name(m[i].kind)};
  /* marker kind names are static identifiers ("name_calling"): safe in an attribute as they are */
  px_sort(w->mk, w->nmk, sizeof *w->mk, cmp_mark);
}

/* The sentence's text with the marks inside it; a mark that overlaps an
 * earlier one or crosses the sentence's end is left out. */
static void marked_text(px_html *h, walk *w, const char *text, const px_span *sp, uint32_t doc) {
  px_buf *b = &h->b;
  size_t at = sp->start;
  while (w->imk < w->nmk && (w->mk[w->imk].doc < doc || (w->mk[w->imk].doc == doc && w->mk[w->imk].start < at)))
    w->imk++;
  for (; w->imk < w->nmk && w->mk[w->imk].doc == doc && w->mk[w->imk].start < sp->end; w->imk++) {
    const mark *k = &w->mk[w->imk];
    if (k->start < at || k->end > sp->end) continue;
    px_html_esc_piece(b, text + at, k->start - at);
    px_buf_printf(b, "<mark class=\"%s\" title=\"%s\">", k->cls, k->title);
    px_html_esc_piece(b, text + k->start, k->end - k->start);
    px_buf_puts(b, "</mark>");
    at = k->end;
  }
  px_html_esc_piece(b, text + at, sp->end - at);
}

static void meta_line(px_html *h, const px_doc *d) {
  px_buf *b = &h->b;
  const char *pub = px_doc_meta(d, PX_META_PUBLISHED);
  const char *url = px_doc_meta(d, PX_META_URL);
  const char *auth = px_doc_meta(d, PX_META_AUTHORS);
  px_buf_puts(b, "<p class=\"meta\">");
  px_html_escs(b, pub, "no date");
  if (auth) {
    px_buf_puts(b, " \xc2\xb7 ");
    px_html_esc(b, auth, strlen(auth));
  }
  /* Only web addresses become links: a javascript: or data: URL stays text. */
  if (url && (strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0)) {
    px_buf_puts(b, " \xc2\xb7 <a rel=\"noreferrer\" href=\"");
    px_html_esc(b, url, strlen(url));
    px_buf_puts(b, "\">link</a>");
  } else if (url) {
    px_buf_puts(b, " \xc2\xb7 ");
    px_html_esc(b, url, strlen(url));
  }
  px_buf_puts(b, "</p>\n");
}

static void sentence(px_html *h, walk *w, const char *text, const px_span *sp, px_sref ref) {
  px_buf *b = &h->b;
  while (w->iexc < w->nexc && cmp_sref(w->exc[w->iexc].ref, ref) < 0) w->iexc++;
  bool excl = w->iexc < w->nexc && cmp_sref(w->exc[w->iexc].ref, ref) == 0;
  px_buf_printf(b, "<span class=\"sent%s\" id=\"d%u-s%u\"><span class=\"n\">%u</span>", excl ? " excl" : "",
                (unsigned)ref.doc, (unsigned)ref.sentence, (unsigned)ref.sentence + 1);
  marked_text(h, w, text, sp, ref.doc);
  while (w->isup < w->nsup && cmp_sref(w->sup[w->isup].from, ref) < 0) w->isup++;
  for (size_t k = 0; w->isup < w->nsup && cmp_sref(w->sup[w->isup].from, ref) == 0; w->isup++, k++) {
    if (k >= MAX_SUPPORT_DOTS) continue;
    px_sref to = w->sup[w->isup].to;
    px_buf_printf(b, "<a class=\"sup\" href=\"#d%u-s%u\" style=\"color:%s\" title=\"", (unsigned)to.doc,
                  (unsigned)to.sentence, px_html_doc_colour(to.doc));
    px_html_escs(b, px_html_doc_name(h, to.doc), NULL);
    px_buf_printf(b, " \xc2\xa7%u (%.2f)\">\xe2\x97\x8f</a>", (unsigned)to.sentence + 1, w->sup[w->isup].score);
  }
  px_buf_puts(b, "</span> ");
}

static void column(px_html *h, walk *w, size_t di) {
  px_buf *b = &h->b;
  const px_doc *d = px_corpus_doc(h->c, di);
  px_buf_printf(b, "<article class=\"doc card\" id=\"doc%zu\" style=\"--c:%s\">\n<h3>", di, px_html_doc_colour(di));
  px_html_doc_tag(h, di);
  px_buf_puts(b, "</h3>\n");
  size_t len, np = 0, ns = 0;
  const char *text = px_doc_text(d, &len);
  const px_span *paras = px_doc_layer(d, PX_LAYER_PARAGRAPHS, &np);
  const px_span *sents = px_doc_layer(d, PX_LAYER_SENTENCES, &ns);
  /* The headline paragraph, when there is one, is shown as the title (with its sentence ids). */
  bool has_headline = sents && ns && paras && sents[0].aux < np && paras[sents[0].aux].kind == PX_PARA_HEADLINE;
  const char *title = has_headline ? NULL : px_doc_meta(d, PX_META_TITLE);
  if (title) {
    px_buf_puts(b, "<p><strong>");
    px_html_esc(b, title, strlen(title));
    px_buf_puts(b, "</strong></p>\n");
  }
  meta_line(h, d);
  if (!sents || ns == 0) px_html_none(h, "No sentences (the document was not analysed or is empty).");
  size_t para = (size_t)-1;
  for (size_t i = 0; i < ns; i++) {
    if (sents[i].end > len || sents[i].start > sents[i].end) continue;
    if (sents[i].aux != para) {
      if (para != (size_t)-1) px_buf_puts(b, "</p>\n");
      para = sents[i].aux;
      bool headline = paras && para < np && paras[para].kind == PX_PARA_HEADLINE;
      px_buf_puts(b, headline ? "<p class=\"hl\">" : "<p>");
    }
    sentence(h, w, text, &sents[i], (px_sref){(uint32_t)di, (uint32_t)i});
    if (b->len > 1 << 16) px_html_flush(h);
  }
  if (para != (size_t)-1) px_buf_puts(b, "</p>\n");
  px_buf_puts(b, "</article>\n");
  px_html_flush(h);
}

static void matrix(px_html *h) {
  px_buf *b = &h->b;
  if (!h->s || h->ndocs < 2) return;
  px_buf_puts(b, "<h3>Shared sentences</h3>\n");
  if (h->ndocs > MAX_MATRIX_DOCS) {
    px_html_none(h, "Too many sources for a table of shared sentences.");
    return;
  }
  px_buf_puts(b, "<p class=\"mute\">Sentences of the row's source that a sentence of the column's source "
                 "supports.</p>\n<table><tr><th></th>");
  for (size_t j = 0; j < h->ndocs; j++) {
    px_buf_puts(b, "<th>");
    px_html_doc_tag(h, j);
    px_buf_puts(b, "</th>");
  }
  px_buf_puts(b, "</tr>\n");
  for (size_t i = 0; i < h->ndocs; i++) {
    px_buf_puts(b, "<tr><th>");
    px_html_doc_tag(h, i);
    px_buf_puts(b, "</th>");
    for (size_t j = 0; j < h->ndocs; j++) {
      if (i == j) px_buf_puts(b, "<td class=\"num mute\">\xe2\x80\x94</td>");
      else px_buf_printf(b, "<td class=\"num\">%zu</td>", px_story_shared(h->s, i, j));
    }
    px_buf_puts(b, "</tr>\n");
  }
  px_buf_puts(b, "</table>\n");
}

void px_html_sources(px_html *h) {
  px_html_section(h, "sources", "Sources side by side");
  walk w = {0};
  const px_support *sup = h->s ? px_story_supports(h->s, &w.nsup) : NULL;
  const px_exclusive *exc = h->s ? px_story_exclusives(h->s, &w.nexc) : NULL;
  /* Without memory for the sorted copies the page still shows the texts, unmarked. */
  if (w.nsup && (w.sup = malloc(w.nsup * sizeof *w.sup))) {
    memcpy(w.sup, sup, w.nsup * sizeof *w.sup);
    px_sort(w.sup, w.nsup, sizeof *w.sup, cmp_support);
  } else w.nsup = 0;
  if (w.nexc && (w.exc = malloc(w.nexc * sizeof *w.exc))) {
    memcpy(w.exc, exc, w.nexc * sizeof *w.exc);
    px_sort(w.exc, w.nexc, sizeof *w.exc, cmp_excl);
  } else w.nexc = 0;
  collect_marks(h, &w);
  px_buf_puts(&h->b, "<p class=\"mute\"><span class=\"sent excl\">Tinted</span>: reported by this source only. "
                     "\xe2\x97\x8f after a sentence: a sentence of another source that supports it. "
                     "<mark class=\"cq\">Numbers</mark> and <mark class=\"cd\">dates</mark> that sources "
                     "compare; <mark class=\"mark\">framing markers</mark>.</p>\n");
  if (h->ndocs == 0) px_html_none(h, "No documents.");
  px_buf_puts(&h->b, "<div class=\"cols\">\n");
  for (size_t d = 0; d < h->ndocs; d++) column(h, &w, d);
  px_buf_puts(&h->b, "</div>\n");
  matrix(h);
  px_buf_puts(&h->b, "</section>\n");
  free(w.sup);
  free(w.exc);
  free(w.mk);
}
