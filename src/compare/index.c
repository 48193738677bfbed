/* index.c - inverted index over sentences (see index.h).
 *
 * Building is linear in the number of (sentence, term) items: one pass counts
 * postings per term (the term index already has df, but stop words are left
 * out here), a prefix sum places them, a second pass fills them in sentence
 * order, so every posting list comes out sorted by sentence. */
#include "compare/index.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

void px_sindex_free(px_sindex *ix) {
  if (!ix) return;
  free(ix->post_off);
  free(ix->post);
  free(ix->idf);
  free(ix->item_w);
  free(ix->norm);
  free(ix->content);
  free(ix->doc_of);
  free(ix->dup_lead);
  free(ix->dup_next);
  memset(ix, 0, sizeof *ix);
}

double px_sindex_weight(const px_sindex *ix, uint32_t term, uint32_t tf) {
  if (tf == 0 || term >= ix->terms->n_terms) return 0;
  return (1.0 + log((double)tf)) * ix->idf[term];
}

/* Fills the postings, norms and content counts once post_off holds the per-term counts. */
static void fill(px_sindex *ix, const px_terms *t, const float *scale) {
  size_t *at = ix->post_off; /* used as a cursor, then shifted back */
  for (size_t g = 0; g < t->n_sent; g++) {
    size_t n = 0;
    const px_sterm *it = px_terms_of(t, g, &n);
    double sq = 0;
    uint32_t content = 0;
    for (size_t j = 0; j < n; j++) {
      uint32_t id = it[j].term;
      double w = px_sindex_weight(ix, id, it[j].tf) * (scale ? scale[t->sent_off[g] + j] : 1.0f);
      ix->item_w[t->sent_off[g] + j] = (float)w;
      if (t->stop[id]) continue;
      ix->post[at[id]++] = (px_posting){(uint32_t)g, (float)w};
      sq += (double)(float)w * (float)w;
      if (!t->number[id]) content += it[j].tf;
    }
    ix->norm[g] = sqrt(sq);
    ix->content[g] = content;
  }
  /* at[id] now points at the end of term id's postings, which is where term id+1 starts */
  memmove(ix->post_off + 1, ix->post_off, t->n_terms * sizeof *ix->post_off);
  ix->post_off[0] = 0;
}

/* FNV-1a over a sentence's (term, tf) items. */
static uint64_t sent_hash(const px_terms *t, size_t g) {
  size_t n = 0;
  const px_sterm *it = px_terms_of(t, g, &n);
  uint64_t h = 1469598103934665603ull;
  for (size_t j = 0; j < n; j++) h = (h ^ it[j].term ^ ((uint64_t)it[j].tf << 32)) * 1099511628211ull;
  return h;
}

typedef struct hashed {
  uint64_t h;
  uint32_t g;
} hashed;

static int cmp_hashed(const void *a, const void *b) {
  const hashed *x = a, *y = b;
  if (x->h != y->h) return (x->h > y->h) - (x->h < y->h);
  return (x->g > y->g) - (x->g < y->g);
}

static bool same_terms(const px_terms *t, size_t g, size_t h) {
  size_t na = 0, nb = 0;
  const px_sterm *a = px_terms_of(t, g, &na), *b = px_terms_of(t, h, &nb);
  return na == nb && (na == 0 || memcmp(a, b, na * sizeof *a) == 0);
}

/* Links identical sentences: sorted by hash, each run of equal items after its first member. */
static int link_duplicates(px_sindex *ix, const px_terms *t) {
  size_t ns = t->n_sent;
  hashed *hs = malloc((ns + 1) * sizeof *hs);
  if (!hs) return PX_ENOMEM;
  for (size_t g = 0; g < ns; g++) {
    hs[g] = (hashed){sent_hash(t, g), (uint32_t)g};
    ix->dup_lead[g] = (uint32_t)g;
    ix->dup_next[g] = UINT32_MAX;
  }
  px_sort(hs, ns, sizeof *hs, cmp_hashed);
  for (size_t i = 0; i < ns;) {
    size_t j = i + 1, last = i;
    for (; j < ns && hs[j].h == hs[i].h; j++) {
      if (!same_terms(t, hs[i].g, hs[j].g)) continue; /* a collision: left alone */
      ix->dup_lead[hs[j].g] = hs[i].g;
      ix->dup_next[hs[last].g] = hs[j].g;
      last = j;
    }
    i = j;
  }
  free(hs);
  return PX_OK;
}

int px_sindex_build(px_sindex *ix, const px_terms *t, const float *scale) {
  memset(ix, 0, sizeof *ix);
  ix->terms = t;
  size_t nt = t->n_terms, ns = t->n_sent;
  ix->post_off = calloc(nt + 1, sizeof *ix->post_off);
  ix->idf = calloc(nt + 1, sizeof *ix->idf);
  ix->norm = calloc(ns + 1, sizeof *ix->norm);
  ix->content = calloc(ns + 1, sizeof *ix->content);
  ix->doc_of = calloc(ns + 1, sizeof *ix->doc_of);
  ix->dup_lead = calloc(ns + 1, sizeof *ix->dup_lead);
  ix->dup_next = calloc(ns + 1, sizeof *ix->dup_next);
  if (!ix->post_off || !ix->idf || !ix->norm || !ix->content || !ix->doc_of || !ix->dup_lead || !ix->dup_next)
    goto oom;
  if (link_duplicates(ix, t)) goto oom;
  for (size_t d = 0; d < t->n_docs; d++)
    for (size_t g = t->sent_base[d]; g < t->sent_base[d + 1]; g++) ix->doc_of[g] = (uint32_t)d;
  for (size_t id = 0; id < nt; id++) ix->idf[id] = t->stop[id] ? 0 : px_terms_idf(t, (uint32_t)id);
  size_t total = 0;
  for (size_t id = 0; id < nt; id++) {
    size_t c = t->stop[id] ? 0 : t->df[id];
    ix->post_off[id] = total; /* start of term id: the fill cursor */
    total += c;
  }
  ix->post_off[nt] = total;
  ix->post = malloc((total ? total : 1) * sizeof *ix->post);
  ix->item_w = malloc((t->sent_off[ns] + 1) * sizeof *ix->item_w);
  if (!ix->post || !ix->item_w) goto oom;
  fill(ix, t, scale);
  return PX_OK;
oom:
  px_sindex_free(ix);
  return PX_ENOMEM;
}

double px_sindex_cosine(const px_sindex *ix, size_t g, size_t h) {
  const px_terms *t = ix->terms;
  if (ix->norm[g] <= 0 || ix->norm[h] <= 0) return 0;
  size_t na = 0, nb = 0;
  const px_sterm *a = px_terms_of(t, g, &na), *b = px_terms_of(t, h, &nb);
  const float *wa = ix->item_w + t->sent_off[g], *wb = ix->item_w + t->sent_off[h];
  double dot = 0;
  size_t i = 0, j = 0;
  while (i < na && j < nb) {
    if (a[i].term < b[j].term) i++;
    else if (a[i].term > b[j].term) j++;
    else {
      dot += (double)wa[i] * wb[j];
      i++, j++;
    }
  }
  double c = dot / (ix->norm[g] * ix->norm[h]);
  return c > 1 ? 1 : c;
}

static double plain_weight(const px_terms *t, uint32_t term, uint32_t tf) {
  return t->stop[term] || tf == 0 ? 0 : (1.0 + log((double)tf)) * px_terms_idf(t, term);
}

static double plain_norm(const px_terms *t, const px_sterm *a, size_t n) {
  double sq = 0;
  for (size_t i = 0; i < n; i++) {
    double w = plain_weight(t, a[i].term, a[i].tf);
    sq += w * w;
  }
  return sqrt(sq);
}

double px_terms_cosine(const px_terms *t, size_t g, size_t h) {
  size_t na = 0, nb = 0;
  const px_sterm *a = px_terms_of(t, g, &na), *b = px_terms_of(t, h, &nb);
  double norm = plain_norm(t, a, na) * plain_norm(t, b, nb), dot = 0;
  if (norm <= 0) return 0;
  for (size_t i = 0, j = 0; i < na && j < nb;) {
    if (a[i].term < b[j].term) i++;
    else if (a[i].term > b[j].term) j++;
    else dot += plain_weight(t, a[i].term, a[i].tf) * plain_weight(t, b[j].term, b[j].tf), i++, j++;
  }
  return dot / norm > 1 ? 1 : dot / norm;
}
