/* corroborate.h - internal to the corroboration stage: the weights of the
 * similarity (also used by the summary) and the exclusives pass
 * (exclusives.c), which runs on the supports corroborate.c found. */
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

/* Finds the exclusive sentences (s->exclusives) once s->supports is filled. PX_OK or PX_ENOMEM. */
int px_s_exclusives(px_story *s, const px_sindex *ix);

#endif
