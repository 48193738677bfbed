/* facts.c - the fact layers of a document: quantities, times, entities,
 * mentions, quotes, per-sentence sources, and the strings they point to. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* One growable array of fixed-size items. */
typedef struct vec {
  void *v;
  size_t n, cap;
} vec;

struct px_facts {
  vec quantities, times, entities, mentions, quotes;
  int32_t *sentence_source;
  size_t n_sentences;
  char **strings; /* interned strings, freed with the store */
  size_t n_strings, cap_strings;
  char *published_inferred, *published_evidence;
  bool analyzed;
};

static struct px_facts *facts(px_doc *doc) {
  struct px_facts **slot = px_doc_facts_slot(doc);
  if (!*slot) *slot = calloc(1, sizeof **slot);
  return *slot;
}

static const struct px_facts *facts_c(const px_doc *doc) {
  return *px_doc_facts_slot((px_doc *)doc);
}

void px_facts_free(struct px_facts *f) {
  if (!f) return;
  free(f->quantities.v);
  free(f->times.v);
  free(f->entities.v);
  free(f->mentions.v);
  free(f->quotes.v);
  free(f->sentence_source);
  for (size_t i = 0; i < f->n_strings; i++) free(f->strings[i]);
  free(f->strings);
  free(f->published_inferred);
  free(f->published_evidence);
  free(f);
}

static long vec_push(vec *v, const void *item, size_t size) {
  if (v->n == v->cap) {
    size_t cap = v->cap ? v->cap * 2 : 16;
    void *p = realloc(v->v, cap * size);
    if (!p) return PX_ENOMEM;
    v->v = p;
    v->cap = cap;
  }
  memcpy((char *)v->v + v->n * size, item, size);
  return (long)v->n++;
}

const char *px_doc_intern(px_doc *doc, const char *s, size_t n) {
  struct px_facts *f = facts(doc);
  if (!f) return NULL;
  if (f->n_strings == f->cap_strings) {
    size_t cap = f->cap_strings ? f->cap_strings * 2 : 32;
    char **p = realloc(f->strings, cap * sizeof *p);
    if (!p) return NULL;
    f->strings = p;
    f->cap_strings = cap;
  }
  char *copy = px_strndup(s, n);
  if (!copy) return NULL;
  f->strings[f->n_strings++] = copy;
  return copy;
}

#define FACT_LAYER(name, names, type)                                                   \
  long px_doc_push_##name(px_doc *doc, const type *item) {                      \
    struct px_facts *f = facts(doc);                                             \
    return f ? vec_push(&f->names, item, sizeof(type)) : PX_ENOMEM;            \
  }                                                                              \
  type *px_doc_##names##_mut(px_doc *doc, size_t *count) {                       \
    struct px_facts *f = *px_doc_facts_slot(doc);                                \
    if (count) *count = f ? f->names.n : 0;                                    \
    return f ? (type *)f->names.v : NULL;                                      \
  }                                                                              \
  const type *px_doc_##names(const px_doc *doc, size_t *count) {               \
    const struct px_facts *f = facts_c(doc);                                     \
    if (count) *count = f ? f->names.n : 0;                                    \
    return f ? (const type *)f->names.v : NULL;                                \
  }

FACT_LAYER(quantity, quantities, px_quantity)
FACT_LAYER(time, times, px_time)
FACT_LAYER(entity, entities, px_entity)
FACT_LAYER(mention, mentions, px_mention)
FACT_LAYER(quote, quotes, px_quote)

int px_doc_init_sentence_sources(px_doc *doc, size_t n) {
  struct px_facts *f = facts(doc);
  if (!f) return PX_ENOMEM;
  int32_t *p = malloc((n ? n : 1) * sizeof *p);
  if (!p) return PX_ENOMEM;
  for (size_t i = 0; i < n; i++) p[i] = -1;
  free(f->sentence_source);
  f->sentence_source = p;
  f->n_sentences = n;
  return PX_OK;
}

int32_t *px_doc_sentence_sources_mut(px_doc *doc, size_t *n) {
  struct px_facts *f = *px_doc_facts_slot(doc);
  if (n) *n = f ? f->n_sentences : 0;
  return f ? f->sentence_source : NULL;
}

int32_t px_doc_sentence_source(const px_doc *doc, size_t sentence) {
  const struct px_facts *f = facts_c(doc);
  return f && sentence < f->n_sentences ? f->sentence_source[sentence] : -1;
}

int px_doc_set_published_inferred(px_doc *doc, const char *date, const char *evidence) {
  struct px_facts *f = facts(doc);
  char *d = f ? px_strdup(date) : NULL, *e = d ? px_strdup(evidence ? evidence : "") : NULL;
  if (!e) {
    free(d);
    return PX_ENOMEM;
  }
  free(f->published_inferred);
  free(f->published_evidence);
  f->published_inferred = d;
  f->published_evidence = e;
  return PX_OK;
}

const char *px_doc_published_inferred(const px_doc *doc, const char **evidence) {
  const struct px_facts *f = facts_c(doc);
  if (evidence) *evidence = f ? f->published_evidence : NULL;
  return f ? f->published_inferred : NULL;
}

bool px_doc_is_analyzed(const px_doc *doc) {
  const struct px_facts *f = facts_c(doc);
  return f && f->analyzed;
}

void px_doc_set_analyzed(px_doc *doc) {
  struct px_facts *f = facts(doc);
  if (f) f->analyzed = true;
}

/* Names as written in JSON. */
static const char *pick(const char *const *names, size_t n, unsigned i) { return i < n ? names[i] : "?"; }
#define PICK(names, i) pick(names, sizeof names / sizeof *names, (unsigned)(i))

const char *px_approx_name(px_approx a) {
  static const char *const n[] = {"exact", "about", "more_than", "less_than", "up_to", "at_least", "range"};
  return PICK(n, a);
}
const char *px_qty_category_name(px_qty_category c) {
  static const char *const n[] = {"other", "people", "territory", "money", "objects", "organisations", "places"};
  return PICK(n, c);
}
const char *px_time_type_name(px_time_type t) {
  static const char *const n[] = {"DATE", "TIME", "DURATION", "SET"};
  return PICK(n, t);
}
const char *px_time_mod_name(px_time_mod m) {
  static const char *const n[] = {NULL, "START", "MID", "END", "APPROX", "MORE_THAN", "LESS_THAN"};
  return (unsigned)m < sizeof n / sizeof *n ? n[m] : NULL;
}
const char *px_entity_type_name(px_entity_type t) {
  static const char *const n[] = {"person", "organisation", "place", "group"};
  return PICK(n, t);
}
const char *px_mention_kind_name(px_mention_kind k) {
  static const char *const n[] = {"name", "acronym", "group", "pronoun"};
  return PICK(n, k);
}
const char *px_quote_kind_name(px_quote_kind k) {
  static const char *const n[] = {"direct", "partial", "reported"};
  return PICK(n, k);
}
