/* exclusives.c - the "blindspot" view of story stage 4: sentences that no
 * other source supports (corroborate.c found none above min_support), ranked
 * by how notable they are.
 *
 * A sentence is an exclusive when it has no support, has at least 4 non-stop
 * words, is not in a byline or dateline paragraph, and carries content: a
 * quantity, a time expression, a named entity (a name or acronym, not a
 * group noun), a quote, or at least 8 non-stop words.
 *
 * salience = rarity                         (0..1: the sentence's idf mass
 *                                            over the largest in its document)
 *          + 1 per quantity (at most 3)     (numbers are what sources dispute)
 *          + 0.5 per named entity (at most 4 mentions)
 *          + 0.5 when it holds a quote
 *          + 0.5 * (1 - i / n)              (news puts the main facts first)
 *          + 1 for the headline
 * Exclusives are ordered by document, then salience, highest first. */
#include "compare/corroborate.h"

#include <stdlib.h>
#include <string.h>

typedef struct sent_facts {
  uint16_t quantities, times, names, quotes;
} sent_facts;

static uint16_t bump(uint16_t v) { return v < UINT16_MAX ? (uint16_t)(v + 1) : v; }

/* Counts the facts of each sentence of document `doc` into f[0..ns). */
static void count_facts(const px_doc *doc, sent_facts *f, size_t ns) {
  memset(f, 0, ns * sizeof *f);
  size_t n = 0, ne = 0;
  const px_quantity *q = px_doc_quantities(doc, &n);
  for (size_t i = 0; i < n; i++)
    if (q[i].sentence >= 0 && (size_t)q[i].sentence < ns) f[q[i].sentence].quantities = bump(f[q[i].sentence].quantities);
  const px_time *t = px_doc_times(doc, &n);
  for (size_t i = 0; i < n; i++)
    if (t[i].sentence >= 0 && (size_t)t[i].sentence < ns) f[t[i].sentence].times = bump(f[t[i].sentence].times);
  const px_entity *e = px_doc_entities(doc, &ne);
  const px_mention *m = px_doc_mentions(doc, &n);
  for (size_t i = 0; i < n; i++) {
    if (m[i].sentence < 0 || (size_t)m[i].sentence >= ns || m[i].entity < 0 || (size_t)m[i].entity >= ne) continue;
    if (e[m[i].entity].type == PX_ENT_GROUP) continue;
    if (m[i].kind != PX_MENTION_NAME && m[i].kind != PX_MENTION_ACRONYM) continue;
    f[m[i].sentence].names = bump(f[m[i].sentence].names);
  }
  const px_quote *qu = px_doc_quotes(doc, &n);
  for (size_t i = 0; i < n; i++)
    if (qu[i].sentence >= 0 && (size_t)qu[i].sentence < ns) f[qu[i].sentence].quotes = bump(f[qu[i].sentence].quotes);
}

/* Sum of idf over the distinct non-stop word terms of global sentence g. */
static double idf_mass(const px_sindex *ix, size_t g) {
  size_t n = 0;
  const px_sterm *it = px_terms_of(ix->terms, g, &n);
  double m = 0;
  for (size_t j = 0; j < n; j++)
    if (!ix->terms->number[it[j].term]) m += ix->idf[it[j].term];
  return m;
}

static double min_d(double a, double b) { return a < b ? a : b; }

static int cmp_exclusive(const void *a, const void *b) {
  const px_exclusive *x = a, *y = b;
  if (x->ref.doc != y->ref.doc) return (x->ref.doc > y->ref.doc) - (x->ref.doc < y->ref.doc);
  if (x->salience != y->salience) return (x->salience < y->salience) - (x->salience > y->salience);
  return (x->ref.sentence > y->ref.sentence) - (x->ref.sentence < y->ref.sentence);
}

/* Appends the exclusives of document d. `supported` is indexed by global sentence. */
static int doc_exclusives(px_story *s, const px_sindex *ix, size_t d, const bool *supported, sent_facts *f) {
  const px_doc *doc = px_corpus_doc(s->corpus, d);
  size_t ns = 0, np = 0, base = s->terms.sent_base[d];
  const px_span *sents = px_doc_layer(doc, PX_LAYER_SENTENCES, &ns);
  const px_span *paras = px_doc_layer(doc, PX_LAYER_PARAGRAPHS, &np);
  if (ns != s->terms.sent_base[d + 1] - base) return PX_OK; /* the index was built from this layer */
  count_facts(doc, f, ns);
  double max_mass = 0;
  for (size_t i = 0; i < ns; i++) {
    double m = idf_mass(ix, base + i);
    if (m > max_mass) max_mass = m;
  }
  for (size_t i = 0; i < ns; i++) {
    size_t g = base + i;
    uint32_t kind = sents[i].aux < np ? paras[sents[i].aux].kind : PX_PARA_TEXT;
    if (supported[g] || kind == PX_PARA_BYLINE || ix->content[g] < PX_CORR_MIN_CONTENT) continue;
    const sent_facts *sf = &f[i];
    if (!sf->quantities && !sf->times && !sf->names && !sf->quotes && ix->content[g] < 8) continue;
    double sal = max_mass > 0 ? idf_mass(ix, g) / max_mass : 0;
    sal += min_d(sf->quantities, 3) + 0.5 * min_d(sf->names, 4) + (sf->quotes ? 0.5 : 0);
    sal += 0.5 * (1.0 - (double)i / (double)ns) + (kind == PX_PARA_HEADLINE ? 1.0 : 0.0);
    px_exclusive ex = {{(uint32_t)d, (uint32_t)i}, sal};
    if (PX_VEC_PUSH(s->exclusives, ex)) return PX_ENOMEM;
  }
  return PX_OK;
}

int px_s_exclusives(px_story *s, const px_sindex *ix) {
  size_t ns = s->terms.n_sent, max_doc = 1;
  for (size_t d = 0; d < s->ndocs; d++) {
    size_t n = s->terms.sent_base[d + 1] - s->terms.sent_base[d];
    if (n > max_doc) max_doc = n;
  }
  bool *supported = calloc(ns + 1, sizeof *supported);
  sent_facts *f = malloc(max_doc * sizeof *f);
  int rc = supported && f ? PX_OK : PX_ENOMEM;
  for (size_t i = 0; i < s->supports.n && rc == PX_OK; i++) {
    px_sref r = s->supports.v[i].from;
    supported[px_terms_sent(&s->terms, r.doc, r.sentence)] = true;
  }
  for (size_t d = 0; d < s->ndocs && rc == PX_OK; d++) rc = doc_exclusives(s, ix, d, supported, f);
  if (rc == PX_OK) px_sort(s->exclusives.v, s->exclusives.n, sizeof *s->exclusives.v, cmp_exclusive);
  free(supported);
  free(f);
  return rc;
}
