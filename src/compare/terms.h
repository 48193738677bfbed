/* terms.h - the story's term index: every sentence of every document as a
 * sorted list of (term, count) over Porter2 stems, with document and
 * sentence frequencies. Built once by px_terms_build() and shared by the
 * corroboration, framing and timeline stages, so each word of the corpus is
 * stemmed once. */
#ifndef PX_COMPARE_TERMS_H
#define PX_COMPARE_TERMS_H

#include "parallax.h"
#include "core/internal.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One term of a sentence. */
typedef struct px_sterm {
  uint32_t term; /* term id */
  uint32_t tf;   /* occurrences in the sentence */
} px_sterm;

typedef struct px_terms {
  /* vocabulary, by term id */
  size_t n_terms, cap_terms;
  char **stem;        /* the stem (numbers: the digits as written) */
  const char **surface; /* most frequent lower-cased surface form (points into word_keys) */
  uint32_t *df;       /* sentences (all documents) that contain it */
  uint32_t *ddf;      /* documents that contain it */
  uint32_t *cf;       /* occurrences in the corpus */
  bool *stop;         /* a function word (the, of, said...) */
  bool *number;       /* a number token */

  /* sentences, numbered globally: doc d's sentence i is sent_base[d] + i */
  size_t n_docs, n_sent;
  size_t *sent_base;  /* n_docs + 1 */
  size_t *sent_off;   /* n_sent + 1: sentence g's terms are items[sent_off[g] .. sent_off[g+1]) */
  uint32_t *sent_len; /* word and number tokens in sentence g */
  px_sterm *items;    /* sorted by term id within each sentence */
  uint32_t *doc_words; /* word and number tokens per document */

  /* internal: word -> term cache */
  char **word_keys;
  uint32_t *word_term, *word_count;
  size_t n_words, cap_words;
  uint32_t *word_slots; size_t word_mask;
  uint32_t *stem_slots; size_t stem_mask;
  px_stemmer *stemmer;
} px_terms;

/* Builds the index of the (segmented, tokenised) documents of `c`. PX_OK or PX_ENOMEM. */
int px_terms_build(px_terms *t, const px_corpus *c);
void px_terms_free(px_terms *t);

/* The global number of sentence `sentence` of document `doc`. */
static inline size_t px_terms_sent(const px_terms *t, size_t doc, size_t sentence) {
  return t->sent_base[doc] + sentence;
}
/* The terms of global sentence g (*n gets their count). */
static inline const px_sterm *px_terms_of(const px_terms *t, size_t g, size_t *n) {
  *n = t->sent_off[g + 1] - t->sent_off[g];
  return *n ? t->items + t->sent_off[g] : t->items; /* no offset on a NULL array (a corpus without words) */
}
/* The term id of a word (any case), or UINT32_MAX when the corpus lacks it. */
uint32_t px_terms_lookup(px_terms *t, const char *word, size_t len);
/* Inverse sentence frequency, ln(1 + N / df): always positive (see docs/prior-art on BM25 with few documents). */
double px_terms_idf(const px_terms *t, uint32_t term);
/* Is `word` (lower-case ASCII) a function word? */
bool px_is_stopword(const char *word, size_t len);

#endif
