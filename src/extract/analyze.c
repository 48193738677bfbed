/* analyze.c - px_doc_analyze(): runs the extractors in order (extract.h). */
#include "extract.h"

int px_doc_analyze(px_doc *doc, const px_analyze_opts *opts) {
  if (!doc) return PX_EARG;
  if (px_doc_is_analyzed(doc)) return PX_OK;
  int rc = px_doc_segment(doc, PX_SEGMENT_TOKENS);
  if (rc) return rc;
  px_xctx x = {.doc = doc};
  x.text = px_doc_text(doc, &x.len);
  x.para = px_doc_layer(doc, PX_LAYER_PARAGRAPHS, &x.n_para);
  x.sent = px_doc_layer(doc, PX_LAYER_SENTENCES, &x.n_sent);
  x.tok = px_doc_layer(doc, PX_LAYER_TOKENS, &x.n_tok);
  const char *pub = px_doc_meta(doc, PX_META_PUBLISHED);
  if (!pub && opts) pub = opts->published;
  if (pub && px_parse_date(pub, x.anchor_buf) == PX_OK) x.anchor = x.anchor_buf;
  int (*const stages[])(px_xctx *) = {px_x_quotemarks, px_x_entities,   px_x_quotes,
                                      px_x_times,      px_x_quantities, px_x_attribution};
  rc = px_doc_init_sentence_sources(doc, x.n_sent);
  for (size_t i = 0; !rc && i < sizeof stages / sizeof *stages; i++) rc = stages[i](&x);
  px_spanvec_free(&x.qregions);
  if (!rc) px_doc_set_analyzed(doc);
  return rc;
}
