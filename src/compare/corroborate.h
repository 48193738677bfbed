/* corroborate.h - internal to the corroboration stage: the weights of the
 * similarity (similarity.c) and the exclusives pass (exclusives.c), which
 * runs on the supports corroborate.c found. */
#ifndef PX_COMPARE_CORROBORATE_H
#define PX_COMPARE_CORROBORATE_H

#include "compare/index.h"
#include "compare/story.h"

/* Weights of the three parts of a support's score (see corroborate.c). */
#define PX_CORR_W_TEXT 0.7
#define PX_CORR_W_ENTITIES 0.2
#define PX_CORR_W_VALUES 0.1
/* Fewest non-stop words for a sentence to support, be supported or be an exclusive. */
#define PX_CORR_MIN_CONTENT 4

/* A quantity's value and what it counts: its category, else a hash of its unit, else 0. */
typedef struct qval {
  double v;
  uint32_t cls;
} qval;

/* Per sentence: the sorted keys of its entities and the sorted values of its quantities. */
typedef struct px_corr_feats {
  size_t *ent_off; /* n_sent + 1 */
  uint32_t *ent;
  size_t *val_off; /* n_sent + 1 */
  qval *val;
} px_corr_feats;

/* Weight multipliers for the term index items (beside s->terms.items): 0.5
 * for the words of a name, 1 elsewhere; NULL when out of memory. */
float *px_corr_name_scale(px_story *s);

/* Gathers the entity keys and quantity values of every sentence (similarity.c). PX_OK or PX_ENOMEM. */
int px_corr_feats_build(const px_story *s, px_corr_feats *f);
void px_corr_feats_free(px_corr_feats *f);
/* The score of global sentences g and h, 0..1 (see corroborate.c); *text gets their cosine. */
double px_corr_pair_score(const px_sindex *ix, const px_corr_feats *f, size_t g, size_t h, double *text);

/* Finds the exclusive sentences (s->exclusives) once s->supports is filled. PX_OK or PX_ENOMEM. */
int px_s_exclusives(px_story *s, const px_sindex *ix);

#endif
