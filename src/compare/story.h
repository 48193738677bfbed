/* story.h - internal model of a story (the comparison of a corpus's
 * documents) shared by the stages in src/compare/. The public view is the
 * px_story_* accessors in parallax.h; this header is what the stages fill.
 *
 * Stages run in this order, each reading what the earlier ones built:
 *   terms (terms.c) -> entities (entities_merge.c) -> labels -> claims -> timeline
 *   -> corroborate -> framing -> summary
 * Each is `int px_s_<stage>(px_story *s)` returning PX_OK or a negative code.
 * Nothing here is global: a story is used by one thread at a time. */
#ifndef PX_COMPARE_STORY_H
#define PX_COMPARE_STORY_H

#include "parallax.h"
#include "compare/terms.h"

#include <stddef.h>
#include <stdint.h>

/* A growable array: PX_VEC(px_claim) claims; push with PX_VEC_PUSH. */
#define PX_VEC(T) \
  struct {        \
    T *v;         \
    size_t n, cap; \
  }

/* Makes room for `need` items of `elem` bytes in the array at *pptr (a T**). */
int px_vec_reserve(void *pptr, size_t *cap, size_t need, size_t elem);
/* Appends `item` (an lvalue of the element type): PX_OK or PX_ENOMEM. */
#define PX_VEC_PUSH(vec, item)                                                   \
  (px_vec_reserve(&(vec).v, &(vec).cap, (vec).n + 1, sizeof *(vec).v) ? PX_ENOMEM \
                                                                    : ((vec).v[(vec).n++] = (item), PX_OK))

struct px_story {
  px_corpus *corpus;
  px_story_opts opts; /* with defaults filled in */
  size_t ndocs;
  px_terms terms;     /* stems per sentence, shared by the stages */

  char **strings;     /* interned strings (px_s_intern) */
  size_t n_strings, cap_strings;

  PX_VEC(px_sref) refs;
  PX_VEC(px_story_entity) entities;
  PX_VEC(px_story_alias) aliases;
  int32_t **entity_map; /* [doc][local entity] -> story entity or -1 */
  PX_VEC(px_actor) actors;
  PX_VEC(px_label) labels;
  PX_VEC(px_claim) claims;
  PX_VEC(px_claim_group) groups;
  PX_VEC(px_claim_pair) pairs;
  PX_VEC(px_support) supports;
  PX_VEC(px_exclusive) exclusives;
  size_t *shared;       /* ndocs * ndocs: shared[a * ndocs + b] */
  PX_VEC(px_event) events;
  PX_VEC(px_event_source) event_sources;
  PX_VEC(px_framing) framing;
  PX_VEC(px_term) terms_out;
  PX_VEC(px_marker) markers;
  PX_VEC(px_quoted) quoted;
  PX_VEC(px_summary_item) summary;
};

/* A story-owned copy of s[0..n) (NUL-terminated); NULL when out of memory. */
const char *px_s_intern(px_story *s, const char *str, size_t n);
/* Appends a sentence reference; PX_OK or PX_ENOMEM. */
int px_s_push_ref(px_story *s, uint32_t doc, uint32_t sentence);

/* The stages. */
int px_s_entities(px_story *s);    /* entities_merge.c: story entities, aliases, entity_map */
int px_s_labels(px_story *s);      /* labels.c: actors and their labels per source */
int px_s_claims(px_story *s);      /* claims.c: claims, claim groups, pairs */
int px_s_timeline(px_story *s);    /* timeline.c: events and their sources */
int px_s_corroborate(px_story *s); /* corroborate.c: supports, exclusives, shared */
int px_s_framing(px_story *s);     /* framing.c: framing, terms_out, markers, quoted */
int px_s_summary(px_story *s);     /* summary.c: summary items */

#endif
