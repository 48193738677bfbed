/* extract.h - the fact extractors (src/extract/), run in order by px_doc_analyze():
 *   quotemarks -> entities -> quotes -> times -> quantities -> attribution
 * Each stage reads the text, the segment layers and what earlier stages
 * stored in the document (core/facts.c), and adds its own layer. */
#ifndef PX_EXTRACT_H
#define PX_EXTRACT_H

#include "core/internal.h"

/* What every extractor sees: the text and its segments, shared helpers. */
typedef struct px_xctx {
  px_doc *doc;
  const char *text;
  size_t len;
  const px_span *para, *sent, *tok;
  size_t n_para, n_sent, n_tok;
  px_spanvec qregions; /* text inside quotation marks (marks excluded), ordered */
  const char *anchor;  /* YYYY-MM-DD relative dates resolve against, or NULL (times may set it) */
  char anchor_buf[11];
} px_xctx;

/* Helpers (xctx.c). */
/* Index of the first token that ends after `pos` (n_tok when none). */
size_t px_x_token_at(const px_xctx *x, size_t pos);
/* Index of the first paragraph that ends after `pos` (n_para when none). */
size_t px_x_paragraph_at(const px_xctx *x, size_t pos);
/* Index of the sentence containing `pos`, or -1. */
int32_t px_x_sentence_at(const px_xctx *x, size_t pos);
/* Whether `pos` lies inside quotation marks. */
bool px_x_in_quote(const px_xctx *x, size_t pos);
/* Token `i` equals `word` (ASCII lower case) ignoring case. */
bool px_x_tok_is(const px_xctx *x, size_t i, const char *word);
/* Token `i` is one of the NULL-terminated list of lower-case words. */
bool px_x_tok_in(const px_xctx *x, size_t i, const char *const *words);
/* Token `i` starts with an upper-case letter. */
bool px_x_tok_capitalised(const px_xctx *x, size_t i);
/* Length of token i in bytes. */
static inline size_t px_x_tok_len(const px_xctx *x, size_t i) { return x->tok[i].end - x->tok[i].start; }

/* The stages, each returning PX_OK or a negative code. */
int px_x_quotemarks(px_xctx *x);  /* quotemarks.c: fills x->qregions */
int px_x_entities(px_xctx *x);    /* entities*.c: entities + mentions (names, acronyms, group nouns) */
int px_x_quotes(px_xctx *x);      /* quotes.c: direct, partial and reported speech with speakers */
int px_x_times(px_xctx *x);       /* times*.c: TIMEX3; may infer the publication date into x->anchor */
int px_x_quantities(px_xctx *x);  /* quantities*.c */
int px_x_attribution(px_xctx *x); /* attribution.c: source of claim for sentences and quantities */

#endif
