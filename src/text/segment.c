/* segment.c - a document's text layers: paragraphs, sentences, tokens. */
#include "text.h"

#include <stdlib.h>
#include <string.h>

static int add_paragraphs(px_doc *doc, const char *text, size_t len) {
  if (px_doc_layer(doc, PX_LAYER_PARAGRAPHS, NULL)) return PX_OK;
  /* The first line is the headline when it is the title (plain text: always). */
  const char *title = px_doc_meta(doc, PX_META_TITLE);
  size_t tl = title ? strlen(title) : 0;
  bool headline = tl && tl <= len && memcmp(text, title, tl) == 0 && (tl == len || text[tl] == '\n');
  px_spanvec pv = {0};
  int rc = px_find_paragraphs(text, len, headline, &pv);
  if (!rc) rc = px_doc_add_layer(doc, PX_LAYER_PARAGRAPHS, pv.v, pv.n);
  px_spanvec_free(&pv);
  return rc;
}

static int add_sentences(px_doc *doc, const char *text) {
  if (px_doc_layer(doc, PX_LAYER_SENTENCES, NULL)) return PX_OK;
  size_t np;
  const px_span *paras = px_doc_layer(doc, PX_LAYER_PARAGRAPHS, &np);
  px_spanvec sv = {0};
  int rc = PX_OK;
  for (size_t p = 0; p < np && !rc; p++) {
    px_span *ss = NULL;
    int n = px_split_sentences(text + paras[p].start, paras[p].end - paras[p].start, &ss);
    if (n < 0) {
      rc = n;
      break;
    }
    for (int k = 0; k < n && !rc; k++)
      rc = px_spanvec_push(&sv, paras[p].start + ss[k].start, paras[p].start + ss[k].end, 0,
                           (uint32_t)p);
    free(ss);
  }
  if (!rc) rc = px_doc_add_layer(doc, PX_LAYER_SENTENCES, sv.v, sv.n);
  px_spanvec_free(&sv);
  return rc;
}

static int add_tokens(px_doc *doc, const char *text) {
  if (px_doc_layer(doc, PX_LAYER_TOKENS, NULL)) return PX_OK;
  size_t ns;
  const px_span *sents = px_doc_layer(doc, PX_LAYER_SENTENCES, &ns);
  px_spanvec tv = {0};
  int rc = PX_OK;
  for (size_t s = 0; s < ns && !rc; s++) {
    size_t before = tv.n;
    rc = px_tokenize(text, sents[s].start, sents[s].end, &tv);
    for (size_t k = before; k < tv.n; k++) tv.v[k].aux = (uint32_t)s; /* sentence index */
  }
  if (!rc) rc = px_doc_add_layer(doc, PX_LAYER_TOKENS, tv.v, tv.n);
  px_spanvec_free(&tv);
  return rc;
}

int px_doc_segment(px_doc *doc, unsigned flags) {
  size_t len;
  const char *text = px_doc_text(doc, &len);
  int rc = add_paragraphs(doc, text, len);
  if (!rc) rc = add_sentences(doc, text);
  if (!rc && (flags & PX_SEGMENT_TOKENS)) rc = add_tokens(doc, text);
  return rc;
}
