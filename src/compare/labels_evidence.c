/* labels_evidence.c - the one-line evidence of an actor (labels.c): which
 * labels were merged and the context features they share most (summed
 * normalised weight over the labels having the feature: story entities,
 * stems shown by their commonest surface form, shared opponents), the
 * organisations named with them, and the strongest opponent kept apart.
 * A lone label says how many sources use it. */
#include "compare/labels_ctx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Appends to a bounded buffer. */
static void put(char *buf, size_t cap, size_t *len, const char *fmt, const char *a, unsigned n) {
  if (*len + 1 >= cap) return;
  int w = snprintf(buf + *len, cap - *len, fmt, a, n);
  if (w > 0) *len += (size_t)w < cap - *len ? (size_t)w : cap - *len - 1;
}

static const char *feat_name(const px_story *s, const px_lctx *c, uint32_t f) {
  if (f >= s->terms.n_terms + s->entities.n) return s->entities.v[c->sid_of[f - s->terms.n_terms - s->entities.n]].name;
  if (f >= s->terms.n_terms) return s->entities.v[f - s->terms.n_terms].name;
  return s->terms.surface[f] ? s->terms.surface[f] : s->terms.stem[f];
}

static int cmp_feat_label(const void *pa, const void *pb) {
  const px_lfeat *a = pa, *b = pb;
  if (a->label != b->label) return a->label < b->label ? -1 : 1;
  return a->feat < b->feat ? -1 : a->feat > b->feat;
}

/* The three features shared by most labels of cluster r, by summed normalised weight. */
static int shared_features(const px_story *s, const px_lctx *c, const uint32_t *root, uint32_t r, uint32_t top[3],
                           size_t *ntop) {
  PX_VEC(px_lfeat) v = {0};
  double score[3] = {0};
  int rc = PX_OK;
  *ntop = 0;
  for (size_t l = 0; l < c->nlab && rc == PX_OK; l++)
    for (size_t i = c->feat_off[l]; root[l] == r && i < c->feat_off[l + 1] && rc == PX_OK; i++) {
      px_lfeat f = {(uint32_t)l, c->feats.v[i].feat, c->feats.v[i].w / c->norm[l]};
      rc = PX_VEC_PUSH(v, f);
    }
  for (size_t i = 0; i < v.n; i++) { /* by feature: swap the fields and sort */
    uint32_t t = v.v[i].label;
    v.v[i].label = v.v[i].feat, v.v[i].feat = t;
  }
  px_sort(v.v, v.n, sizeof *v.v, cmp_feat_label);
  for (size_t i = 0, j; i < v.n; i = j) {
    double sc = 0;
    for (j = i; j < v.n && v.v[j].label == v.v[i].label;) sc += v.v[j++].w;
    if (j - i < 2) continue; /* one label only */
    size_t k = *ntop < 3 ? (*ntop)++ : 3;
    if (k == 3 && sc <= score[2]) continue;
    if (k == 3) k = 2;
    while (k > 0 && score[k - 1] < sc) top[k] = top[k - 1], score[k] = score[k - 1], k--;
    top[k] = v.v[i].label, score[k] = sc;
  }
  (void)s;
  free(v.v);
  return rc;
}

/* One line on why the members of an actor were taken together (cluster r, or a lone label). */
const char *px_s_actor_evidence(px_story *s, const px_lctx *c, const uint32_t *root, uint32_t r,
                                const uint32_t *mem, size_t n, const size_t *off) {
  char buf[512];
  size_t len = 0, nl = 0, ntop = 0, ndocs = 0;
  uint32_t top[3];
  for (size_t i = 0; i < n; i++) nl += s->entities.v[mem[i]].type == PX_ENT_GROUP;
  if (nl >= 2 && r != UINT32_MAX && shared_features(s, c, root, r, top, &ntop) != PX_OK) return NULL;
  if (nl >= 2) {
    for (size_t i = 0, k = 0; i < n; i++) {
      if (s->entities.v[mem[i]].type != PX_ENT_GROUP) continue;
      if (k < 3) put(buf, sizeof buf, &len, k ? ", '%s'%.0u" : "'%s'%.0u", s->entities.v[mem[i]].name, 0);
      k++;
      if (k == nl && nl > 3) put(buf, sizeof buf, &len, " and %s%u more", "", (unsigned)(nl - 3));
    }
    put(buf, sizeof buf, &len, ntop ? " share %s%.0u" : " were merged%s%.0u", "", 0);
    for (size_t i = 0; i < ntop; i++) {
      bool opp = top[i] >= s->terms.n_terms + s->entities.n;
      put(buf, sizeof buf, &len, i ? ", " : "%s%.0u", "", 0);
      put(buf, sizeof buf, &len, opp ? "the opponent '%s'%.0u" : "'%s'%.0u", feat_name(s, c, top[i]), 0);
    }
  } else {
    for (size_t u = n ? off[mem[0]] : 0; n && u < off[mem[0] + 1]; u++) ndocs += u == off[mem[0]] || c->uses.v[u].doc != c->uses.v[u - 1].doc;
    put(buf, sizeof buf, &len, "one label%s, used by %u source(s)", "", (unsigned)ndocs);
  }
  for (size_t i = 0, k = 0; i < n; i++)
    if (s->entities.v[mem[i]].type != PX_ENT_GROUP && k++ < 2)
      put(buf, sizeof buf, &len, k == 1 ? "; named with %s%.0u" : ", %s%.0u", s->entities.v[mem[i]].name, 0);
  uint32_t best = 0, who = UINT32_MAX; /* the strongest opponent outside the actor */
  for (size_t a = 0; r != UINT32_MAX && a < c->nlab; a++)
    for (size_t b = 0; root[a] == r && b < c->nlab; b++)
      if (root[b] != r && c->opp[a * c->nlab + b] > best) best = c->opp[a * c->nlab + b], who = (uint32_t)b;
  if (who != UINT32_MAX) {
    put(buf, sizeof buf, &len, "; kept apart from '%s' (opponents in %u sentence(s))", s->entities.v[c->sid_of[who]].name, best);
  }
  return px_s_intern(s, buf, len);
}

