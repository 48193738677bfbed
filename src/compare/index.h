/* index.h - an inverted index over the story's sentences (term -> the
 * sentences that contain it) with TF-IDF sentence vectors, so that similar
 * sentences are found by walking the postings of a sentence's terms instead
 * of comparing every pair. Built from the shared term index (terms.h) by the
 * corroboration stage and reused by the summary's redundancy check.
 *
 * Weights: w(t, s) = (1 + ln tf) * idf(t), idf = px_terms_idf (ln(1 + N/df)
 * over sentences, always positive); stop words weigh 0. Cosine of two
 * sentences is the merge of their sorted term lists over the product of
 * their norms. */
#ifndef PX_COMPARE_INDEX_H
#define PX_COMPARE_INDEX_H

#include "compare/terms.h"

#include <stddef.h>
#include <stdint.h>

/* One posting: a sentence (global number) and the term's weight there. */
typedef struct px_posting {
  uint32_t sent;
  float w;
} px_posting;

typedef struct px_sindex {
  const px_terms *terms;
  size_t *post_off;      /* n_terms + 1: term t's postings are post[post_off[t] .. post_off[t+1]) */
  px_posting *post;      /* by term, then by sentence; stop words have none */
  double *idf;           /* n_terms: 0 for stop words */
  float *item_w;         /* beside terms->items: each (sentence, term) item's weight */
  double *norm;          /* n_sent: Euclidean norm of the sentence's vector */
  uint32_t *content;     /* n_sent: occurrences of non-stop word terms (numbers not counted) */
  uint32_t *doc_of;      /* n_sent: the document of each global sentence */
  /* identical sentences (the same terms, the same counts: wire copy reprinted
   * word for word) are linked so that their neighbours are searched once */
  uint32_t *dup_lead;    /* n_sent: the first sentence identical to it (itself when none is earlier) */
  uint32_t *dup_next;    /* n_sent: the next sentence identical to it, or UINT32_MAX */
} px_sindex;

/* Builds the index over `t` (which must outlive it). `scale`, when not NULL,
 * multiplies each item's weight (beside t->items). PX_OK or PX_ENOMEM (then freed). */
int px_sindex_build(px_sindex *ix, const px_terms *t, const float *scale);
void px_sindex_free(px_sindex *ix);

/* The weight of a term occurring tf times. */
double px_sindex_weight(const px_sindex *ix, uint32_t term, uint32_t tf);
/* TF-IDF cosine of global sentences g and h, 0..1 (0 when either has no content). */
double px_sindex_cosine(const px_sindex *ix, size_t g, size_t h);

/* The same cosine straight from the term index, for a few pairs without building an index. */
double px_terms_cosine(const px_terms *t, size_t g, size_t h);

#endif
