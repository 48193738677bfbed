/* similarity.c - the score of a pair of sentences for corroboration (the
 * formula and its reasons are in corroborate.c): TF-IDF cosine, overlap of
 * the entities they mention and of the values of their quantities. Entity
 * keys and values are gathered once per sentence, sorted, so each pair is a
 * merge. */
#include "compare/corroborate.h"

#include "core/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Both sentences count the same kind of thing and no figure agrees: the score is multiplied by this. */
#define DISJOINT_VALUES 0.8
/* A word of a name counts half in the text part: names have the rarest words
 * of a sentence, and the entity part already counts them. */
#define NAME_WEIGHT 0.5f

void px_corr_feats_free(px_corr_feats *f) {
  free(f->ent_off);
  free(f->ent);
  free(f->val_off);
  free(f->val);
}

static uint32_t name_hash(const char *p) { return p ? px_hash(p, strlen(p), true) : px_hash("", 0, false); }

/* A key for entity e of document d: its story entity, else a hash of its name. */
static uint32_t entity_key(const px_story *s, size_t d, const px_entity *ents, int32_t e) {
  int32_t se = px_story_entity_of(s, d, e);
  if (se >= 0) return (uint32_t)se;
  return 0x80000000u | (name_hash(ents[e].name) & 0x7fffffffu);
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

static int cmp_qval(const void *a, const void *b) {
  double x = ((const qval *)a)->v, y = ((const qval *)b)->v;
  return (x > y) - (x < y);
}

static uint32_t quantity_class(const px_quantity *q) {
  if (q->category != PX_QTY_OTHER) return (uint32_t)q->category;
  return q->unit ? 0x100u | name_hash(q->unit) : 0;
}

/* Counts per sentence into off[g + 1] (pass 0) or writes the keys at the cursors off[g] (pass 1). */
static void feats_pass(const px_story *s, px_corr_feats *f, int pass) {
  const px_terms *t = &s->terms;
  for (size_t d = 0; d < s->ndocs; d++) {
    const px_doc *doc = px_corpus_doc(s->corpus, d);
    size_t nm = 0, ne = 0, nq = 0, base = t->sent_base[d], ns = t->sent_base[d + 1] - base;
    const px_mention *m = px_doc_mentions(doc, &nm);
    const px_entity *ents = px_doc_entities(doc, &ne);
    const px_quantity *q = px_doc_quantities(doc, &nq);
    for (size_t i = 0; i < nm; i++) {
      if (m[i].sentence < 0 || (size_t)m[i].sentence >= ns || m[i].entity < 0 || (size_t)m[i].entity >= ne) continue;
      if (m[i].kind == PX_MENTION_PRONOUN) continue; /* "he said": who it is was resolved, not written */
      size_t g = base + (size_t)m[i].sentence;
      if (pass == 0) f->ent_off[g + 1]++;
      else f->ent[f->ent_off[g]++] = entity_key(s, d, ents, m[i].entity);
    }
    for (size_t i = 0; i < nq; i++) {
      if (q[i].sentence < 0 || (size_t)q[i].sentence >= ns || isnan(q[i].value)) continue;
      size_t g = base + (size_t)q[i].sentence;
      if (pass == 0) f->val_off[g + 1]++;
      else f->val[f->val_off[g]++] = (qval){q[i].value, quantity_class(&q[i])};
    }
  }
}

/* Sorts each sentence's keys; duplicates stay (Dice over multisets is still 0..1). */
int px_corr_feats_build(const px_story *s, px_corr_feats *f) {
  size_t ns = s->terms.n_sent;
  memset(f, 0, sizeof *f);
  f->ent_off = calloc(ns + 2, sizeof *f->ent_off);
  f->val_off = calloc(ns + 2, sizeof *f->val_off);
  if (!f->ent_off || !f->val_off) return PX_ENOMEM;
  feats_pass(s, f, 0);
  for (size_t g = 0; g < ns; g++) f->ent_off[g + 1] += f->ent_off[g], f->val_off[g + 1] += f->val_off[g];
  f->ent = malloc((f->ent_off[ns] + 1) * sizeof *f->ent);
  f->val = malloc((f->val_off[ns] + 1) * sizeof *f->val);
  if (!f->ent || !f->val) return PX_ENOMEM;
  feats_pass(s, f, 1); /* the cursors end at the next sentence's start: shift back */
  memmove(f->ent_off + 1, f->ent_off, ns * sizeof *f->ent_off);
  memmove(f->val_off + 1, f->val_off, ns * sizeof *f->val_off);
  f->ent_off[0] = f->val_off[0] = 0;
  for (size_t g = 0; g < ns; g++) {
    px_sort(f->ent + f->ent_off[g], f->ent_off[g + 1] - f->ent_off[g], sizeof *f->ent, cmp_u32);
    px_sort(f->val + f->val_off[g], f->val_off[g + 1] - f->val_off[g], sizeof *f->val, cmp_qval);
  }
  return PX_OK;
}

/* Dice overlap of two sorted multisets of keys. */
static double dice_u32(const uint32_t *a, size_t na, const uint32_t *b, size_t nb) {
  size_t i = 0, j = 0, common = 0;
  while (i < na && j < nb) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else common++, i++, j++;
  }
  return na + nb ? 2.0 * (double)common / (double)(na + nb) : 0;
}

static bool same_value(double x, double y) { return fabs(x - y) <= 1e-9 * fmax(1.0, fmax(fabs(x), fabs(y))); }

static double dice_values(const qval *a, size_t na, const qval *b, size_t nb) {
  size_t i = 0, j = 0, common = 0;
  while (i < na && j < nb) {
    if (same_value(a[i].v, b[j].v)) common++, i++, j++;
    else if (a[i].v < b[j].v) i++;
    else j++;
  }
  return na + nb ? 2.0 * (double)common / (double)(na + nb) : 0;
}

/* Do two value lists count the same kind of thing somewhere (same category or unit)? */
static bool same_class(const qval *a, size_t na, const qval *b, size_t nb) {
  for (size_t i = 0; i < na; i++)
    for (size_t j = 0; j < nb && a[i].cls; j++)
      if (a[i].cls == b[j].cls) return true;
  return false;
}

double px_corr_pair_score(const px_sindex *ix, const px_corr_feats *f, size_t g, size_t h, double *text) {
  *text = px_sindex_cosine(ix, g, h);
  double num = PX_CORR_W_TEXT * *text, den = PX_CORR_W_TEXT;
  size_t ea = f->ent_off[g + 1] - f->ent_off[g], eb = f->ent_off[h + 1] - f->ent_off[h];
  if (ea && eb) {
    num += PX_CORR_W_ENTITIES * dice_u32(f->ent + f->ent_off[g], ea, f->ent + f->ent_off[h], eb);
    den += PX_CORR_W_ENTITIES;
  }
  size_t va = f->val_off[g + 1] - f->val_off[g], vb = f->val_off[h + 1] - f->val_off[h];
  double vals = 1;
  if (va && vb) {
    vals = dice_values(f->val + f->val_off[g], va, f->val + f->val_off[h], vb);
    num += PX_CORR_W_VALUES * vals;
    den += PX_CORR_W_VALUES;
  }
  /* both count the same kind of thing and no figure agrees: a contested point (claims.c) */
  bool disjoint = va && vb && vals == 0 && same_class(f->val + f->val_off[g], va, f->val + f->val_off[h], vb);
  return disjoint ? DISJOINT_VALUES * num / den : num / den;
}

/* The item of term `id` in global sentence g (a binary search), or SIZE_MAX. */
static size_t item_of(const px_terms *t, size_t g, uint32_t id) {
  size_t lo = t->sent_off[g], hi = t->sent_off[g + 1];
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (t->items[mid].term < id) lo = mid + 1;
    else hi = mid;
  }
  return lo < t->sent_off[g + 1] && t->items[lo].term == id ? lo : SIZE_MAX;
}

/* Halves the weight of the words of the names (and acronyms) mentioned in document d. */
static void scale_names(px_story *s, size_t d, float *scale) {
  const px_doc *doc = px_corpus_doc(s->corpus, d);
  size_t nm = 0, nt = 0, len = 0, ns = s->terms.sent_base[d + 1] - s->terms.sent_base[d];
  const px_mention *m = px_doc_mentions(doc, &nm);
  const px_span *tok = px_doc_layer(doc, PX_LAYER_TOKENS, &nt);
  const char *text = px_doc_text(doc, &len);
  size_t k = 0; /* mentions are ordered by start: one pass over the tokens */
  for (size_t i = 0; i < nm; i++) {
    if (m[i].kind != PX_MENTION_NAME && m[i].kind != PX_MENTION_ACRONYM) continue;
    if (m[i].sentence < 0 || (size_t)m[i].sentence >= ns) continue;
    size_t g = px_terms_sent(&s->terms, d, (size_t)m[i].sentence);
    while (k > 0 && tok[k - 1].end > m[i].start) k--; /* nested or overlapping mentions */
    while (k < nt && tok[k].start < m[i].start) k++;
    for (; k < nt && tok[k].end <= m[i].end; k++) {
      if (tok[k].kind != PX_TOK_WORD) continue;
      uint32_t id = px_terms_lookup(&s->terms, text + tok[k].start, tok[k].end - tok[k].start);
      size_t item = id == UINT32_MAX ? SIZE_MAX : item_of(&s->terms, g, id);
      if (item != SIZE_MAX) scale[item] = NAME_WEIGHT;
    }
  }
}

float *px_corr_name_scale(px_story *s) {
  size_t n = s->terms.sent_off ? s->terms.sent_off[s->terms.n_sent] : 0;
  float *scale = malloc((n + 1) * sizeof *scale);
  if (!scale) return NULL;
  for (size_t i = 0; i < n; i++) scale[i] = 1.0f;
  for (size_t d = 0; d < s->ndocs; d++) scale_names(s, d, scale);
  return scale;
}
