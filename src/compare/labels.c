/* labels.c - story stage 2: the actor label table. For each actor the story
 * talks about (an armed side, a party, a crowd, the police), every label each
 * source gives it, with counts, tone and the sentences behind each label.
 *
 * Labels are the group story entities of stage 1 ("rebel", "government
 * force", "protester"), one per normalised phrase across all sources. Two
 * sources may call one actor "rebels" and "terrorists": the strings share
 * nothing, so the alignment comes from the texts (labels_context.c):
 *   1. each label gets a context vector: the content stems near its mentions
 *      and the story entities of its sentences (idf-weighted), plus a strong
 *      feature for an organisation named with it ("the Brigade, a rebel
 *      group", "Brigade fighters");
 *   2. similarity is the cosine of two vectors, lowered by up to half when
 *      the two labels share sentences (two labels in one sentence are
 *      usually two actors), and by a third when one of them is used in a
 *      single sentence (THIN_SENT: too little context to align on); labels that meet as opponents ("X fought Y",
 *      "between X and Y", "X against Y", also through an organisation
 *      linked to one of them) may never join (cannot-link);
 *   3. labels with the same category word (the last word listed in
 *      data/tone.txt but for heads any side carries: "rebel" in "rebel",
 *      "rebel group", "vestrian rebel"; "demonstrator" in "peaceful
 *      demonstrator") start as one cluster unless opponents; then
 *      average-linkage agglomerative clustering with the constraints merges
 *      while the best pair is >= MERGE_MIN;
 *   4. sides: each label then gets a feature "opposes cluster X" for the
 *      clusters it meets as an opponent (OPP_SHARE of its norm), and the
 *      clustering runs again (at most SIDE_PASSES times, until it settles), so "army" (fights "terrorists" in one source)
 *      and "government troops" (fight "rebels" in another) meet once
 *      "terrorists" and "rebels" are one actor.
 * Only the LABEL_MAX most used labels are clustered (O(LABEL_MAX^3) at
 * worst); the rest stay one actor each.
 * Organisations linked to the labels of an actor join it as labels (tone
 * from the lexicon, usually neutral), and the most linked one anchors it
 * (px_actor.entity). Tone comes from data/tone.txt (tone.c, labels_tone.c). The actor's
 * name is its most used neutral label, else its anchor, else its most used
 * label; the evidence line names the context the labels share, the
 * organisations named with them and the label kept apart as an opponent.
 * Actors are ordered by mentions, labels within one by doc, then count. */
#include "compare/labels_ctx.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { LABEL_MAX = 300, THIN_SENT = 2, SIDE_PASSES = 3 };
static const double MERGE_MIN = 0.2, OPP_SHARE = 0.5;
#define FORBID (-1e9)

/* Cosine of labels a and b (sorted sparse vectors). */
static double cosine(const px_lctx *c, size_t a, size_t b) {
  if (c->norm[a] <= 0 || c->norm[b] <= 0) return 0;
  size_t i = c->feat_off[a], j = c->feat_off[b], ie = c->feat_off[a + 1], je = c->feat_off[b + 1];
  double dot = 0;
  while (i < ie && j < je) {
    if (c->feats.v[i].feat < c->feats.v[j].feat) i++;
    else if (c->feats.v[i].feat > c->feats.v[j].feat) j++;
    else dot += c->feats.v[i++].w * c->feats.v[j++].w;
  }
  return dot / (c->norm[a] * c->norm[b]);
}

static int cmp_pair(const void *pa, const void *pb) {
  const px_lpair *a = pa, *b = pb;
  if (a->a != b->a) return a->a < b->a ? -1 : 1;
  return a->b < b->b ? -1 : a->b > b->b;
}

/* The links as (organisation, label, n) sorted by organisation; NULL when out of memory. */
static px_lpair *links_by_org(const px_lctx *c) {
  px_lpair *v = malloc((c->links.n + 1) * sizeof *v);
  if (!v) return NULL;
  for (size_t i = 0; i < c->links.n; i++) v[i] = (px_lpair){c->links.v[i].b, c->links.v[i].a, c->links.v[i].n};
  px_sort(v, c->links.n, sizeof *v, cmp_pair);
  return v;
}

/* Opponents through an organisation: a opposes org o, and o is linked to b. */
static void opp_via_orgs(px_lctx *c, const px_lpair *by_org) {
  for (size_t i = 0; i < c->opp_org.n; i++) {
    const px_lpair *o = &c->opp_org.v[i];
    size_t lo = 0, hi = c->links.n;
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (by_org[mid].a < o->b) lo = mid + 1;
      else hi = mid;
    }
    for (size_t j = lo; j < c->links.n && by_org[j].a == o->b; j++) {
      if (by_org[j].b == o->a) continue;
      c->opp[(size_t)o->a * c->nlab + by_org[j].b] += o->n;
      c->opp[(size_t)by_org[j].b * c->nlab + o->a] += o->n;
    }
  }
}

/* Joins cluster bj into bi: average linkage (Lance-Williams); a cannot-link spreads. */
static void join(double *sim, size_t *size, uint32_t *root, size_t L, size_t bi, size_t bj) {
  for (size_t k = 0; k < L; k++) {
    if (root[k] != k || k == bi || k == bj) continue;
    double x = sim[bi * L + k], y = sim[bj * L + k];
    double v = x <= FORBID / 2 || y <= FORBID / 2 ? FORBID : (x * size[bi] + y * size[bj]) / (size[bi] + size[bj]);
    sim[bi * L + k] = sim[k * L + bi] = v;
  }
  size[bi] += size[bj];
  for (size_t k = 0; k < L; k++)
    if (root[k] == bj) root[k] = (uint32_t)bi;
}

/* Labels with the same category word ("rebel", "vestrian rebel", "rebel
 * group") start as one cluster, unless they meet as opponents. */
static int same_category(const px_story *s, const px_lctx *c, double *sim, size_t *size, uint32_t *root) {
  size_t L = c->nlab;
  char(*cat)[64] = malloc((L + 1) * sizeof *cat);
  if (!cat) return PX_ENOMEM;
  for (size_t l = 0; l < L; l++) px_s_label_category(s->entities.v[c->sid_of[l]].name, cat[l], sizeof cat[l]);
  for (size_t a = 0; a < L; a++)
    for (size_t b = a + 1; b < L && cat[a][0] && root[a] == a; b++)
      if (root[b] == b && !strcmp(cat[a], cat[b]) && sim[a * L + b] > FORBID / 2) join(sim, size, root, L, a, b);
  free(cat);
  return PX_OK;
}

/* Average-linkage clustering; root[l] gets the cluster (lowest label) of l. */
static int cluster(const px_story *s, px_lctx *c, const px_lpair *by_org, uint32_t *root) {
  size_t L = c->nlab;
  double *sim = malloc((L * L + 1) * sizeof *sim);
  size_t *size = malloc((L + 1) * sizeof *size);
  if (!sim || !size) return free(sim), free(size), PX_ENOMEM;
  if (by_org) opp_via_orgs(c, by_org);
  for (size_t a = 0; a < L; a++) {
    root[a] = (uint32_t)a, size[a] = 1;
    for (size_t b = 0; b < L; b++) {
      double v = a == b ? 0 : cosine(c, a, b);
      uint32_t na = c->nsent[a], nb = c->nsent[b], lo = na < nb ? na : nb;
      double share = lo ? (double)c->cooc[a * L + b] / lo : 0;
      double thin = lo >= THIN_SENT ? 1.0 : (lo + 1.0) / (THIN_SENT + 1.0); /* one sentence is thin evidence */
      sim[a * L + b] = c->opp[a * L + b] ? FORBID : v * thin * (1 - 0.5 * (share < 1 ? share : 1));
    }
  }
  int rc = same_category(s, c, sim, size, root);
  for (;;) {
    size_t bi = 0, bj = 0;
    double best = MERGE_MIN - 1e-12;
    for (size_t i = 0; i < L; i++)
      if (root[i] == i)
        for (size_t j = i + 1; j < L; j++)
          if (root[j] == j && sim[i * L + j] > best) best = sim[i * L + j], bi = i, bj = j;
    if (bi == bj || rc != PX_OK) break;
    join(sim, size, root, L, bi, bj);
  }
  free(sim), free(size);
  return rc;
}

/* Sides: labels that fight the same actor are likely one side. After a first
 * clustering, each label gets a feature "opposes cluster X" (OPP_SHARE of
 * its norm) for the clusters it meets as an opponent; clustering then runs
 * again on the extended vectors. */
static int side_features(const px_story *s, px_lctx *c, const uint32_t *root) {
  uint32_t base = (uint32_t)(s->terms.n_terms + s->entities.n);
  int rc = PX_OK;
  bool any = false;
  size_t o = 0; /* drop the previous pass's side features */
  for (size_t i = 0; i < c->feats.n; i++)
    if (c->feats.v[i].feat < base) c->feats.v[o++] = c->feats.v[i];
  any = o != c->feats.n;
  c->feats.n = o;
  if (any) px_s_label_vectors(c);
  for (size_t a = 0; a < c->nlab && rc == PX_OK; a++)
    for (size_t b = 0; b < c->nlab && rc == PX_OK; b++)
      if (c->opp[a * c->nlab + b]) {
        px_lfeat f = {(uint32_t)a, base + root[b], OPP_SHARE * (c->norm[a] > 0 ? c->norm[a] : 1.0)};
        rc = PX_VEC_PUSH(c->feats, f);
        any = true;
      }
  if (rc == PX_OK && any) px_s_label_vectors(c);
  return rc;
}

/* One actor while it is built: its member story entities. */
typedef struct actor_b {
  uint32_t first, n;   /* range of the members array */
  uint32_t mentions, label; /* total mentions; the clustered label it came from, or UINT32_MAX */
  int32_t anchor;      /* most linked organisation, or -1 */
  const char *name;
} actor_b;

/* One label entry (a member story entity in one document). */
typedef struct entry {
  uint32_t doc, sid, count;
  size_t u0, u1; /* its uses */
} entry;

static int cmp_entry(const void *pa, const void *pb) {
  const entry *a = pa, *b = pb;
  if (a->doc != b->doc) return a->doc < b->doc ? -1 : 1;
  if (a->count != b->count) return a->count > b->count ? -1 : 1;
  return a->sid < b->sid ? -1 : a->sid > b->sid;
}

/* The uses of story entity sid: c->uses.v[off[sid] .. off[sid + 1]). */
static size_t *use_offsets(const px_story *s, const px_lctx *c) {
  size_t *off = calloc(s->entities.n + 2, sizeof *off);
  if (!off) return NULL;
  for (size_t i = 0; i < c->uses.n; i++) off[c->uses.v[i].sid + 1] = i + 1;
  for (size_t k = 1; k <= s->entities.n; k++)
    if (off[k] < off[k - 1]) off[k] = off[k - 1];
  return off;
}

/* Each linked organisation joins the cluster its labels' links point to most:
 * org_root[org] = cluster or UINT32_MAX, org_links[org] = those links. */
static void assign_orgs(const px_story *s, const px_lctx *c, const px_lpair *by_org, const uint32_t *root,
                        uint32_t *org_root, uint32_t *org_links) {
  for (size_t k = 0; k < s->entities.n; k++) org_root[k] = UINT32_MAX, org_links[k] = 0;
  for (size_t i = 0, j; i < c->links.n; i = j) { /* one organisation at a time */
    for (j = i; j < c->links.n && by_org[j].a == by_org[i].a; j++) {
      uint32_t r = root[by_org[j].b], n = 0;
      for (size_t k = i; k < c->links.n && by_org[k].a == by_org[i].a; k++)
        if (root[by_org[k].b] == r) n += by_org[k].n;
      uint32_t org = by_org[i].a;
      if (n > org_links[org] || (n == org_links[org] && r < org_root[org])) org_links[org] = n, org_root[org] = r;
    }
  }
}

/* The display name: the most used neutral group label, else the anchor, else the most used label. */
static const char *actor_name(const px_story *s, const uint32_t *mem, size_t n, int32_t anchor, const size_t *off,
                              const px_tone *tones) {
  const char *best = NULL, *any = NULL;
  size_t bn = 0, an = 0;
  for (size_t i = 0; i < n; i++) {
    const px_story_entity *e = &s->entities.v[mem[i]];
    size_t uses = off[mem[i] + 1] - off[mem[i]];
    if (uses > an) any = e->name, an = uses;
    if (e->type == PX_ENT_GROUP && uses > bn && tones[mem[i]] == PX_TONE_NEUTRAL) best = e->name, bn = uses;
  }
  return best ? best : anchor >= 0 ? s->entities.v[anchor].name : any ? any : "";
}

static int cmp_actor(const void *pa, const void *pb) {
  const actor_b *a = pa, *b = pb;
  if (a->mentions != b->mentions) return a->mentions > b->mentions ? -1 : 1;
  int c = strcmp(a->name, b->name);
  return c ? c : (a->first < b->first ? -1 : a->first > b->first);
}

/* Pushes the labels of one actor (each member in each document) with their sentences. */
static int emit_labels(px_story *s, const px_lctx *c, const uint32_t *mem, size_t n, const size_t *off,
                       const px_tone *tones, px_actor *a) {
  PX_VEC(entry) es = {0};
  int rc = PX_OK;
  for (size_t i = 0; i < n && rc == PX_OK; i++)
    for (size_t u = off[mem[i]], v; u < off[mem[i] + 1] && rc == PX_OK; u = v) {
      for (v = u; v < off[mem[i] + 1] && c->uses.v[v].doc == c->uses.v[u].doc;) v++;
      entry e = {c->uses.v[u].doc, mem[i], (uint32_t)(v - u), u, v};
      rc = PX_VEC_PUSH(es, e);
    }
  px_sort(es.v, es.n, sizeof *es.v, cmp_entry);
  a->first_label = s->labels.n;
  for (size_t i = 0; i < es.n && rc == PX_OK; i++) {
    const entry *e = &es.v[i];
    px_label l = {e->doc, s->entities.v[e->sid].name, e->count, tones[e->sid], s->refs.n, 0};
    for (size_t u = e->u0; u < e->u1 && rc == PX_OK; u++) {
      if (u > e->u0 && c->uses.v[u].sentence == c->uses.v[u - 1].sentence) continue;
      rc = px_s_push_ref(s, e->doc, c->uses.v[u].sentence);
      l.ref_count++;
    }
    if (rc == PX_OK) rc = PX_VEC_PUSH(s->labels, l);
  }
  a->label_count = s->labels.n - a->first_label;
  free(es.v);
  return rc;
}

/* Actors from the clusters and the lone labels, ordered, then emitted. */
static int build_actors(px_story *s, const px_lctx *c, const px_lpair *by_org, const uint32_t *root,
                        const uint32_t *org_root, const uint32_t *org_links, const size_t *off) {
  size_t ne = s->entities.n;
  uint32_t *mem = malloc((ne + 1) * sizeof *mem);
  actor_b *ab = malloc((ne + 1) * sizeof *ab);
  px_tone *tones = malloc((ne + 1) * sizeof *tones);
  int rc = mem && ab && tones ? px_s_label_tones(s, tones) : PX_ENOMEM;
  size_t nm = 0, na = 0;
  for (size_t sid = 0; sid < ne && rc == PX_OK; sid++) {
    if (s->entities.v[sid].type != PX_ENT_GROUP) continue;
    int32_t l = c->label_of[sid];
    if (l >= 0 && root[l] != (uint32_t)l) continue; /* not the first label of its cluster */
    actor_b a = {(uint32_t)nm, 0, 0, l >= 0 ? (uint32_t)l : UINT32_MAX, -1, NULL};
    uint32_t best = 0;
    for (size_t k = 0; k < c->nlab && l >= 0; k++)
      if (root[k] == (uint32_t)l) mem[nm++] = c->sid_of[k];
    if (l < 0) mem[nm++] = (uint32_t)sid;
    for (size_t i = 0; i < c->links.n && l >= 0; i++) { /* the organisations it took (by_org order) */
      uint32_t o = by_org[i].a;
      if (org_root[o] != (uint32_t)l || (i && by_org[i - 1].a == o)) continue;
      mem[nm++] = o;
      if (org_links[o] > best) best = org_links[o], a.anchor = (int32_t)o;
    }
    a.n = (uint32_t)nm - a.first;
    for (size_t i = a.first; i < nm; i++) a.mentions += (uint32_t)(off[mem[i] + 1] - off[mem[i]]);
    a.name = actor_name(s, mem + a.first, a.n, a.anchor, off, tones);
    ab[na++] = a;
  }
  if (rc == PX_OK) px_sort(ab, na, sizeof *ab, cmp_actor);
  for (size_t i = 0; i < na && rc == PX_OK; i++) {
    px_actor a = {ab[i].name, ab[i].anchor, NULL, 0, 0};
    a.evidence = px_s_actor_evidence(s, c, root, ab[i].label, mem + ab[i].first, ab[i].n, off);
    if (!a.evidence) rc = PX_ENOMEM;
    if (rc == PX_OK) rc = emit_labels(s, c, mem + ab[i].first, ab[i].n, off, tones, &a);
    if (rc == PX_OK && a.label_count) rc = PX_VEC_PUSH(s->actors, a);
  }
  free(mem), free(ab), free(tones);
  return rc;
}

int px_s_labels(px_story *s) {
  px_lctx c = {0};
  size_t ne = s->entities.n;
  c.label_of = malloc((ne + 1) * sizeof *c.label_of);
  c.sid_of = malloc(LABEL_MAX * sizeof *c.sid_of);
  uint32_t *root = malloc(LABEL_MAX * sizeof *root), *org_root = malloc((ne + 1) * sizeof *org_root);
  uint32_t *prev = malloc(LABEL_MAX * sizeof *prev);
  uint32_t *org_links = malloc((ne + 1) * sizeof *org_links);
  int rc = c.label_of && c.sid_of && root && prev && org_root && org_links ? PX_OK : PX_ENOMEM;
  for (size_t sid = 0; sid < ne && rc == PX_OK; sid++) {
    c.label_of[sid] = -1;
    if (s->entities.v[sid].type == PX_ENT_GROUP && c.nlab < LABEL_MAX)
      c.sid_of[c.nlab] = (uint32_t)sid, c.label_of[sid] = (int32_t)c.nlab++;
  }
  if (rc == PX_OK) rc = px_s_label_context(s, &c);
  px_lpair *by_org = rc == PX_OK ? links_by_org(&c) : NULL;
  size_t *off = rc == PX_OK ? use_offsets(s, &c) : NULL;
  if (rc == PX_OK && (!by_org || !off)) rc = PX_ENOMEM;
  if (rc == PX_OK) rc = cluster(s, &c, by_org, root);
  for (int pass = 0; pass < SIDE_PASSES && rc == PX_OK; pass++) { /* until the sides settle */
    memcpy(prev, root, c.nlab * sizeof *root);
    rc = side_features(s, &c, root);
    if (rc == PX_OK) rc = cluster(s, &c, NULL, root);
    if (!memcmp(prev, root, c.nlab * sizeof *root)) break;
  }
  if (rc == PX_OK) assign_orgs(s, &c, by_org, root, org_root, org_links);
  if (rc == PX_OK) rc = build_actors(s, &c, by_org, root, org_root, org_links, off);
  free(by_org), free(off), free(root), free(prev), free(org_root), free(org_links);
  free(c.label_of), free(c.sid_of), free(c.feats.v), free(c.feat_off), free(c.norm), free(c.nsent);
  free(c.cooc), free(c.opp), free(c.uses.v), free(c.links.v), free(c.opp_org.v);
  return rc;
}
