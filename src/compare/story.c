/* story.c - px_story_build(): runs the comparison stages over an analysed
 * corpus, and the px_story_* accessors. */
#include "compare/story.h"

#include "core/internal.h"

#include <stdlib.h>
#include <string.h>

int px_vec_reserve(void *pptr, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return PX_OK;
  size_t ncap = *cap ? *cap : 16;
  while (ncap < need) ncap *= 2;
  void *p;
  memcpy(&p, pptr, sizeof p);
  void *np = realloc(p, ncap * elem);
  if (!np) return PX_ENOMEM;
  memcpy(pptr, &np, sizeof np);
  *cap = ncap;
  return PX_OK;
}

const char *px_s_intern(px_story *s, const char *str, size_t n) {
  if (px_vec_reserve(&s->strings, &s->cap_strings, s->n_strings + 1, sizeof *s->strings)) return NULL;
  char *copy = px_strndup(str, n);
  if (!copy) return NULL;
  s->strings[s->n_strings++] = copy;
  return copy;
}

int px_s_push_ref(px_story *s, uint32_t doc, uint32_t sentence) {
  px_sref r = {doc, sentence};
  return PX_VEC_PUSH(s->refs, r);
}

static void fill_defaults(px_story_opts *o) {
  if (o->min_support <= 0) o->min_support = 0.35;
  if (o->max_support == 0) o->max_support = 5;
  if (o->summary_sentences == 0) o->summary_sentences = 6;
  if (o->framing_terms == 0) o->framing_terms = 15;
}

int px_story_build(px_corpus *corpus, const px_story_opts *opts, px_story **out) {
  if (!out) return PX_EARG;
  *out = NULL;
  if (!corpus) return PX_EARG;
  px_story *s = calloc(1, sizeof *s);
  if (!s) return PX_ENOMEM;
  s->corpus = corpus;
  if (opts) s->opts = *opts;
  fill_defaults(&s->opts);
  s->ndocs = px_corpus_count(corpus);
  int rc = PX_OK;
  for (size_t d = 0; d < s->ndocs && rc == PX_OK; d++) rc = px_doc_analyze(px_corpus_doc(corpus, d), NULL);
  static int (*const stages[])(px_story *) = {px_s_entities,    px_s_labels,  px_s_claims, px_s_timeline,
                                              px_s_corroborate, px_s_framing, px_s_summary};
  if (rc == PX_OK) rc = px_terms_build(&s->terms, corpus);
  for (size_t i = 0; i < sizeof stages / sizeof *stages && rc == PX_OK; i++) rc = stages[i](s);
  if (rc != PX_OK) {
    px_story_free(s);
    return rc;
  }
  *out = s;
  return PX_OK;
}

void px_story_free(px_story *s) {
  if (!s) return;
  px_terms_free(&s->terms);
  for (size_t i = 0; i < s->n_strings; i++) free(s->strings[i]);
  free(s->strings);
  if (s->entity_map)
    for (size_t d = 0; d < s->ndocs; d++) free(s->entity_map[d]);
  free(s->entity_map);
  free(s->shared);
  free(s->refs.v);
  free(s->entities.v);
  free(s->aliases.v);
  free(s->actors.v);
  free(s->labels.v);
  free(s->claims.v);
  free(s->groups.v);
  free(s->pairs.v);
  free(s->supports.v);
  free(s->exclusives.v);
  free(s->events.v);
  free(s->event_sources.v);
  free(s->framing.v);
  free(s->terms_out.v);
  free(s->markers.v);
  free(s->quoted.v);
  free(s->summary.v);
  free(s);
}

const px_corpus *px_story_corpus(const px_story *s) { return s->corpus; }

/* The accessors: each returns a flat array and its length. */
#define PX_STORY_ARRAY(fn, type, field)                  \
  const type *fn(const px_story *s, size_t *count) {     \
    if (count) *count = s ? s->field.n : 0;              \
    return s ? s->field.v : NULL;                        \
  }
PX_STORY_ARRAY(px_story_refs, px_sref, refs)
PX_STORY_ARRAY(px_story_entities, px_story_entity, entities)
PX_STORY_ARRAY(px_story_aliases, px_story_alias, aliases)
PX_STORY_ARRAY(px_story_actors, px_actor, actors)
PX_STORY_ARRAY(px_story_labels, px_label, labels)
PX_STORY_ARRAY(px_story_claims, px_claim, claims)
PX_STORY_ARRAY(px_story_claim_groups, px_claim_group, groups)
PX_STORY_ARRAY(px_story_claim_pairs, px_claim_pair, pairs)
PX_STORY_ARRAY(px_story_supports, px_support, supports)
PX_STORY_ARRAY(px_story_exclusives, px_exclusive, exclusives)
PX_STORY_ARRAY(px_story_events, px_event, events)
PX_STORY_ARRAY(px_story_event_sources, px_event_source, event_sources)
PX_STORY_ARRAY(px_story_framing, px_framing, framing)
PX_STORY_ARRAY(px_story_terms, px_term, terms_out)
PX_STORY_ARRAY(px_story_markers, px_marker, markers)
PX_STORY_ARRAY(px_story_quoted, px_quoted, quoted)
PX_STORY_ARRAY(px_story_summary, px_summary_item, summary)

int32_t px_story_entity_of(const px_story *s, size_t doc, int32_t entity) {
  if (!s || !s->entity_map || doc >= s->ndocs || entity < 0) return -1;
  size_t n = 0;
  px_doc_entities(px_corpus_doc(s->corpus, doc), &n);
  return (size_t)entity < n ? s->entity_map[doc][entity] : -1;
}

size_t px_story_shared(const px_story *s, size_t a, size_t b) {
  if (!s || !s->shared || a >= s->ndocs || b >= s->ndocs) return 0;
  return s->shared[a * s->ndocs + b];
}

const char *px_story_sentence(const px_story *s, px_sref ref, size_t *len) {
  if (len) *len = 0;
  const px_doc *doc = s ? px_corpus_doc(s->corpus, ref.doc) : NULL;
  if (!doc) return NULL;
  size_t n = 0;
  const px_span *sents = px_doc_layer(doc, PX_LAYER_SENTENCES, &n);
  if (ref.sentence >= n) return NULL;
  if (len) *len = sents[ref.sentence].end - sents[ref.sentence].start;
  return px_doc_text(doc, NULL) + sents[ref.sentence].start;
}

const char *px_tone_name(px_tone t) {
  static const char *const names[] = {"neutral", "sympathetic", "hostile"};
  return (unsigned)t < 3 ? names[t] : "neutral";
}

const char *px_verdict_name(px_verdict v) {
  static const char *const names[] = {"single", "agree", "progression", "conflict"};
  return (unsigned)v < 4 ? names[v] : "single";
}

const char *px_claim_kind_name(px_claim_kind k) { return k == PX_CLAIM_DATE ? "date" : "quantity"; }

const char *px_marker_kind_name(px_marker_kind k) {
  static const char *const names[] = {"loaded",       "name_calling", "hedge",       "certainty", "distancing",
                                      "exclamation",  "slogan",       "flag_waving", "authority", "doubt",
                                      "exaggeration", "repetition",   "fear",        "event_name"};
  return (unsigned)k < sizeof names / sizeof *names ? names[k] : "loaded";
}

const char *px_summary_section_name(px_summary_section s) {
  static const char *const names[] = {"agreed", "contested", "exclusive"};
  return (unsigned)s < 3 ? names[s] : "agreed";
}
