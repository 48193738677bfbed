/* labels_ctx.h - what the actor labels stage (labels.c) gathers from the
 * documents (labels_context.c) before it clusters labels into actors, and
 * the tone lexicon (tone.c). Internal to src/compare. */
#ifndef PX_COMPARE_LABELS_CTX_H
#define PX_COMPARE_LABELS_CTX_H

#include "compare/story.h"

/* One context feature of a label: a term id (< n_terms) or n_terms + story entity. */
typedef struct px_lfeat {
  uint32_t label, feat;
  double w;
} px_lfeat;

/* One mention of a group label or an organisation, in a sentence. */
typedef struct px_luse {
  uint32_t sid, doc, sentence;
} px_luse;

/* A pair: label and label, or label and organisation (story entity), with a count. */
typedef struct px_lpair {
  uint32_t a, b, n;
} px_lpair;

typedef PX_VEC(px_lpair) px_lpairs;

typedef struct px_lctx {
  size_t nlab;          /* labels that are clustered (the most used group entities) */
  size_t nterms;        /* s->terms.n_terms: entity features start there */
  int32_t *label_of;    /* story entity -> label, or -1 */
  uint32_t *sid_of;     /* label -> story entity */
  PX_VEC(px_lfeat) feats; /* after px_s_label_context: sorted by (label, feat), summed */
  size_t *feat_off;     /* label l's features: feats.v[feat_off[l] .. feat_off[l + 1]) */
  double *norm;         /* Euclidean norm of each label's features */
  uint32_t *nsent;      /* sentences using each label */
  uint32_t *cooc;       /* nlab * nlab: sentences where both labels occur */
  uint32_t *opp;        /* nlab * nlab: sentences where they are opponents ("X fought Y") */
  PX_VEC(px_luse) uses; /* every mention of a group label or an organisation, sorted */
  px_lpairs links;       /* (label, organisation): apposition or modifier, sorted */
  px_lpairs opp_org;     /* (label, organisation): opponents in a sentence, sorted */
} px_lctx;

/* Fills everything but nlab/label_of/sid_of (set by the caller). PX_OK or PX_ENOMEM. */
int px_s_label_context(px_story *s, px_lctx *c);

/* Sorts and sums c->feats, sets feat_off and norm (again after features are added). */
void px_s_label_vectors(px_lctx *c);

/* The category word of a label: the last of its words listed in
 * data/tone.txt but for the heads any side may carry (force, fighter,
 * army...), so "rebel" for "vestrian rebel group", "regime" for "regime
 * force", "demonstrator" for "peaceful demonstrator"; written to out,
 * returns its length (0: none). */
size_t px_s_label_category(const char *name, char *out, size_t cap);

/* The tone of one listed term (a word or "freedom fighter"), or -1 when data/tone.txt lacks it. */
int px_s_term_tone(const char *term, size_t len);

/* The evidence line of an actor: cluster r (UINT32_MAX for a lone label
 * outside the clustering), members mem[0..n) as story entities, uses
 * ranges off[] by story entity. Story-owned; NULL when out of memory. */
const char *px_s_actor_evidence(px_story *s, const px_lctx *c, const uint32_t *root, uint32_t r,
                                const uint32_t *mem, size_t n, const size_t *off);

/* The tone of every story entity as a label (labels_tone.c): out has
 * s->entities.n items. PX_OK or PX_ENOMEM. */
int px_s_label_tones(const px_story *s, px_tone *out);

/* The tone of a label (lower-case words separated by spaces) from data/tone.txt. */
px_tone px_s_label_tone(const char *label);

#endif
