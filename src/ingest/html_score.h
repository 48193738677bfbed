/* html_score.h - the extractor's per-element statistics and candidate
 * scoring (html_score.c), shared with the cleaning and selection steps
 * (html_extract.c). Internal to HTML ingest. */
#ifndef PX_HTML_SCORE_H
#define PX_HTML_SCORE_H

#include "html.h"

/* Passes: class hints on (boilerplate subtrees skipped), class weights in the
 * scores, conditional cleaning on. */
enum { M_HINTS = 1, M_WEIGHTS = 2, M_CLEAN = 4 };

typedef struct hx_stat {
  double score;
  uint32_t chars, links, commas, stops, end; /* end: one past the last node of the subtree */
  uint32_t good, good_hinted; /* characters of prose blocks: outside hinted boilerplate, and all */
  uint32_t n_p, n_img, n_li, n_input, n_embed, li_chars;
  int16_t weight; /* class/id weight */
  uint8_t hint, scored, boiler_in, has_block;
  const char *reason;
} hx_stat;

typedef struct hx_ctx {
  const px_hdom *dom;
  const px_hblocks *b;
  hx_stat *s;
  const char **drop; /* per node: why it was removed in the current pass, or NULL */
} hx_ctx;

static inline double hx_link_density(const hx_stat *s) { return s->chars ? (double)s->links / s->chars : 0; }
static inline bool hx_contains(const hx_ctx *c, uint32_t anc, uint32_t i) { return i >= anc && i < c->s[anc].end; }

/* A block of running prose: long enough, few links, a sentence end. */
bool px_hx_prose(const px_hblock *b);
/* Step 1: subtree totals, hints (with boilerplate subtrees marked) and prose. */
void px_hx_prepare(hx_ctx *c);
/* Step 2: paragraph scores of the candidates for a pass (`mode`). */
void px_hx_score(hx_ctx *c, unsigned mode);
/* Step 3: the best candidate (0 when none scored). */
uint32_t px_hx_pick(hx_ctx *c, unsigned mode);
/* Does sibling `i` of the pick `top` belong to the article? */
bool px_hx_sibling_joins(const hx_ctx *c, uint32_t top, uint32_t i);

#endif
