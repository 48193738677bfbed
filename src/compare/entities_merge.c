/* entities_merge.c - story stage 1: each document's entities merged into
 * story entities (s->entities, s->aliases, s->entity_map).
 *
 * Names are compared on a normalised key (entities_keys.c): casefolded,
 * diacritics stripped, leading honorifics and titles dropped ("President",
 * "Dr"), Arabic-style article particles dropped ("al-", "el-", "ash-",
 * "ad-" ... so "Jaish al-Fateh" and "Jaish el Fateh" both give "jaish
 * fateh"), hyphens, apostrophes and dots as spaces. Two (document, entity) nodes
 * join, by union-find, when of one type class (person; organisation and
 * place together, since documents disagree on which a country is; group):
 *   A. their keys are equal;
 *   B. their consonant skeletons are equal ("fateh", "fatah", "fath" -> "fth";
 *      "mohammed", "muhammad" -> "mhmd"), Jaro-Winkler of the keys >= 0.8
 *      and the shorter key at least 3/4 of the longer ("hadar" is not
 *      "haidarya");
 *   C. within a block of equal last-token skeletons: Jaro-Winkler >= 0.92
 *      (persons also need compatible first names), or a one-word person
 *      name ("Ostrova") is the surname of exactly one full name in the block;
 *   D. an acronym ("UN", or a mention of kind ACRONYM) equals the initials of
 *      exactly one multi-word organisation ("United Nations");
 *   E. an organisation ending in "Front", "Party" or "Movement" joins the
 *      organisation (or, for two words or more, the person: a source may
 *      take a bare movement name for one) named by the rest ("Unity Front"
 *      / "Unity").
 * Rule A also joins a person and an organisation of the same key of two
 * words or more (sources disagree on what "Jaish al-Fateh" is).
 * Every rule works on keys sorted into blocks, so the stage is n log n in
 * entities, never all-pairs; a block with more than BLOCK_MAX spellings only
 * gets the exact rules.
 * Group labels are kept per label: the key is the phrase without leading
 * determiners and with its head lemmatised ("the Vestrian rebels" ->
 * "vestrian rebel"); aligning labels into actors is the labels stage's job.
 * A story entity's name is its most complete name (most words, then
 * longest); for a group, the label key. Aliases are the distinct surface
 * forms (name and acronym mentions; the group phrase) per document with
 * counts. Entities are ordered by documents, then mentions, then name. */
#include "compare/story.h"
#include "compare/entities_keys.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

enum { BLOCK_MAX = 64 };

typedef struct merge {
  px_enode *nodes;
  size_t n;
  uint32_t *parent;
} merge;

static uint32_t find(merge *m, uint32_t i) {
  while (m->parent[i] != i) i = m->parent[i] = m->parent[m->parent[i]];
  return i;
}
static void unite(merge *m, uint32_t a, uint32_t b) {
  a = find(m, a), b = find(m, b);
  if (a == b) return;
  if (a < b) m->parent[b] = a; /* lowest index is the root: deterministic */
  else m->parent[a] = b;
}

/* Sorting by one of a node's keys (class first), ties by node index. */
typedef struct keyed {
  const char *key;
  int cls;
  uint32_t idx;
} keyed;
static int cmp_keyed(const void *pa, const void *pb) {
  const keyed *a = pa, *b = pb;
  if (a->cls != b->cls) return a->cls < b->cls ? -1 : 1;
  int c = strcmp(a->key, b->key);
  return c ? c : (a->idx < b->idx ? -1 : a->idx > b->idx);
}
static void sort_by(keyed *k, const merge *m, const uint32_t *idx, size_t n, size_t off) {
  for (size_t i = 0; i < n; i++) {
    const px_enode *nd = &m->nodes[idx[i]];
    k[i] = (keyed){(const char *)nd + off, nd->cls, idx[i]};
  }
  px_sort(k, n, sizeof *k, cmp_keyed);
}

static bool first_names_agree(const px_enode *a, const px_enode *b) {
  if (a->words < 2 || b->words < 2) return true;
  if (!strcmp(a->first, b->first)) return true;
  return (!a->first[1] || !b->first[1]) && a->first[0] == b->first[0];
}

/* Rules B and C over one block of representatives k[0..n). */
static void merge_block(merge *m, const keyed *k, size_t n, bool by_skeleton) {
  if (n < 2 || n > BLOCK_MAX) return;
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++) {
      const px_enode *a = &m->nodes[k[i].idx], *b = &m->nodes[k[j].idx];
      double jw = px_ekey_jaro_winkler(a->key, b->key);
      if (a->cls == 0 && !first_names_agree(a, b)) continue;
      size_t la = strlen(a->key), lb = strlen(b->key), lo = la < lb ? la : lb, hi = la < lb ? lb : la;
      bool close = jw >= 0.8 && strlen(a->skel) >= 3 && 4 * lo >= 3 * hi;
      if (by_skeleton ? close : jw >= 0.92) unite(m, k[i].idx, k[j].idx);
    }
  if (by_skeleton || k[0].cls != 0) return;
  /* a lone surname joins the one full name of the block that ends with it */
  uint32_t full = UINT32_MAX;
  const char *surname = NULL;
  for (size_t i = 0; i < n; i++) {
    if (m->nodes[k[i].idx].words < 2) continue;
    surname = px_ekey_last_word(m->nodes[k[i].idx].key);
    uint32_t r = find(m, k[i].idx);
    if (full != UINT32_MAX && full != r) return;
    full = r;
  }
  if (full == UINT32_MAX) return;
  for (size_t i = 0; i < n; i++)
    if (m->nodes[k[i].idx].words == 1 && px_ekey_jaro_winkler(m->nodes[k[i].idx].key, surname) >= 0.9)
      unite(m, k[i].idx, full);
}

/* Party-style suffixes a source may leave out ("the Unity Front" / "Unity"). */
static const char *const org_suffix[] = {"front", "party", "movement", NULL};

/* Rule A across person and organisation for names of two words or more (one
 * source takes "Jaish Fateh" for a person), and rule E: an organisation
 * whose key ends in an org_suffix word joins the organisation named by the
 * rest ("al-Unity Front" and "Unity"). */
static void merge_across(merge *m, keyed *k, const uint32_t *reps, size_t nr) {
  size_t n = 0;
  for (size_t i = 0; i < nr; i++) {
    const px_enode *nd = &m->nodes[reps[i]];
    if (nd->cls != 2 && (nd->words >= 2 || nd->cls == 1)) k[n++] = (keyed){nd->key, 0, reps[i]};
  }
  px_sort(k, n, sizeof *k, cmp_keyed);
  for (size_t i = 1; i < n; i++)
    if (!strcmp(k[i].key, k[i - 1].key) && m->nodes[k[i].idx].words >= 2) unite(m, k[i].idx, k[i - 1].idx);
  for (size_t i = 0; i < n; i++) {
    const px_enode *nd = &m->nodes[k[i].idx];
    const char *last = px_ekey_last_word(nd->key);
    bool suffix = false;
    for (const char *const *w = org_suffix; *w && !suffix; w++) suffix = !strcmp(last, *w);
    if (nd->cls != 1 || nd->words < 2 || !suffix) continue;
    size_t bl = (size_t)(last - nd->key) - 1, lo = 0, hi = n;
    while (lo < hi) { /* the first key starting with the base: the base itself if any */
      size_t mid = (lo + hi) / 2;
      if (strncmp(k[mid].key, nd->key, bl) < 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo < n && !strncmp(k[lo].key, nd->key, bl) && k[lo].key[bl] == 0)
      unite(m, k[i].idx, k[lo].idx);
  }
}

/* Runs rules A-C; reps gets one node per distinct key (returns how many). */
static size_t merge_names(merge *m, keyed *k, uint32_t *reps) {
  for (size_t i = 0; i < m->n; i++) reps[i] = (uint32_t)i;
  sort_by(k, m, reps, m->n, offsetof(px_enode, key));
  size_t nr = 0;
  for (size_t i = 0; i < m->n; i++) {
    if (i && k[i].cls == k[i - 1].cls && !strcmp(k[i].key, k[i - 1].key)) unite(m, k[i].idx, k[i - 1].idx);
    else reps[nr++] = k[i].idx;
  }
  merge_across(m, k, reps, nr);
  for (int pass = 0; pass < 2; pass++) {
    sort_by(k, m, reps, nr, pass ? offsetof(px_enode, last) : offsetof(px_enode, skel));
    for (size_t i = 0, j; i < nr; i = j) {
      for (j = i + 1; j < nr && k[j].cls == k[i].cls && !strcmp(k[j].key, k[i].key);) j++;
      if (k[i].cls != 2 && *k[i].key) merge_block(m, k + i, j - i, pass == 0);
    }
  }
  return nr;
}

/* Rule D: an acronym joins the one organisation whose initials (or acronym mention) it is. */
static int merge_acronyms(merge *m, const uint32_t *reps, size_t nr) {
  keyed *k = malloc((nr + m->n + 1) * sizeof *k);
  if (!k) return PX_ENOMEM;
  size_t n = 0;
  for (size_t i = 0; i < nr; i++) {
    const px_enode *nd = &m->nodes[reps[i]];
    if (nd->cls != 1) continue;
    if (nd->abbr[0]) k[n++] = (keyed){nd->abbr, 0, reps[i]};
    if (nd->acr[0]) k[n++] = (keyed){nd->acr, 0, reps[i]};
  }
  for (size_t i = 0; i < m->n; i++)
    if (m->nodes[i].macr[0] && !m->nodes[i].abbr[0] && m->nodes[i].cls == 1) k[n++] = (keyed){m->nodes[i].macr, 0, (uint32_t)i};
  px_sort(k, n, sizeof *k, cmp_keyed);
  for (size_t i = 0, j; i < n; i = j) {
    uint32_t def = UINT32_MAX;
    bool unique = true;
    for (j = i; j < n && !strcmp(k[j].key, k[i].key); j++) {
      if (k[j].key == m->nodes[k[j].idx].abbr) continue; /* a query, not a definer */
      uint32_t r = find(m, k[j].idx);
      if (def != UINT32_MAX && def != r) unique = false;
      def = r;
    }
    if (def == UINT32_MAX || !unique) continue;
    for (size_t q = i; q < j; q++)
      if (k[q].key == m->nodes[k[q].idx].abbr) unite(m, k[q].idx, def);
  }
  free(k);
  return PX_OK;
}

/* One node per non-empty entity of every document; entity_map allocated. */
static int build_nodes(px_story *s, merge *m) {
  size_t total = 0;
  s->entity_map = calloc(s->ndocs ? s->ndocs : 1, sizeof *s->entity_map);
  if (!s->entity_map) return PX_ENOMEM;
  for (size_t d = 0; d < s->ndocs; d++) {
    size_t ne = 0;
    px_doc_entities(px_corpus_doc(s->corpus, d), &ne);
    s->entity_map[d] = malloc((ne ? ne : 1) * sizeof **s->entity_map);
    if (!s->entity_map[d]) return PX_ENOMEM;
    for (size_t e = 0; e < ne; e++) s->entity_map[d][e] = -1;
    total += ne;
  }
  m->nodes = calloc(total ? total : 1, sizeof *m->nodes);
  m->parent = malloc((total ? total : 1) * sizeof *m->parent);
  if (!m->nodes || !m->parent) return PX_ENOMEM;
  for (size_t d = 0; d < s->ndocs; d++) {
    const px_doc *doc = px_corpus_doc(s->corpus, d);
    const char *text = px_doc_text(doc, NULL);
    size_t ne = 0, nm = 0, base = m->n;
    const px_entity *ents = px_doc_entities(doc, &ne);
    const px_mention *ms = px_doc_mentions(doc, &nm);
    for (size_t e = 0; e < ne; e++) {
      px_enode *nd = &m->nodes[m->n];
      nd->doc = (uint32_t)d, nd->ent = (uint32_t)e;
      nd->cls = ents[e].type == PX_ENT_PERSON ? 0 : ents[e].type == PX_ENT_GROUP ? 2 : 1;
      const char *name = ents[e].name ? ents[e].name : "";
      if (nd->cls == 2) px_ekey_group(nd, name, ents[e].head);
      else px_ekey_name(nd, name);
      if (nd->cls != 2) px_ekey_acronym(name, strlen(name), nd->abbr);
      m->parent[m->n] = (uint32_t)m->n;
      m->n++;
    }
    for (size_t i = 0; i < nm; i++)
      if (ms[i].kind == PX_MENTION_ACRONYM && ms[i].entity >= 0 && (size_t)ms[i].entity < ne)
        px_ekey_acronym(text + ms[i].start, ms[i].end - ms[i].start, m->nodes[base + (size_t)ms[i].entity].macr);
  }
  return PX_OK;
}

typedef struct cluster {
  uint32_t docs, mentions, last_doc, best, types[4];
  const char *name;
  size_t name_words, name_len;
} cluster;

static int cmp_cluster(const void *pa, const void *pb) {
  const cluster *a = *(const cluster *const *)pa, *b = *(const cluster *const *)pb;
  if (a->docs != b->docs) return a->docs > b->docs ? -1 : 1;
  if (a->mentions != b->mentions) return a->mentions > b->mentions ? -1 : 1;
  int c = strcmp(a->name, b->name);
  return c ? c : (a->best < b->best ? -1 : a->best > b->best);
}

typedef struct alias_item {
  uint32_t sid, doc, count;
  const char *text;
  size_t len;
} alias_item;

static int cmp_alias(const void *pa, const void *pb) {
  const alias_item *a = pa, *b = pb;
  if (a->sid != b->sid) return a->sid < b->sid ? -1 : 1;
  if (a->doc != b->doc) return a->doc < b->doc ? -1 : 1;
  if (a->count != b->count) return a->count > b->count ? -1 : 1;
  size_t n = a->len < b->len ? a->len : b->len;
  int c = memcmp(a->text, b->text, n);
  return c ? c : (a->len < b->len ? -1 : a->len > b->len);
}

/* Distinct surface forms (name, acronym and group mentions) per document and story entity. */
static int add_aliases(px_story *s) {
  PX_VEC(alias_item) items = {0};
  int rc = PX_OK;
  for (size_t d = 0; d < s->ndocs && rc == PX_OK; d++) {
    const px_doc *doc = px_corpus_doc(s->corpus, d);
    const char *text = px_doc_text(doc, NULL);
    size_t nm = 0, ne = 0;
    const px_mention *ms = px_doc_mentions(doc, &nm);
    px_doc_entities(doc, &ne);
    for (size_t i = 0; i < nm && rc == PX_OK; i++) {
      if (ms[i].kind == PX_MENTION_PRONOUN || ms[i].entity < 0 || (size_t)ms[i].entity >= ne) continue;
      int32_t sid = s->entity_map[d][ms[i].entity];
      if (sid < 0) continue;
      alias_item it = {(uint32_t)sid, (uint32_t)d, 1, text + ms[i].start, ms[i].end - ms[i].start};
      rc = PX_VEC_PUSH(items, it);
    }
  }
  if (rc == PX_OK) px_sort(items.v, items.n, sizeof *items.v, cmp_alias);
  size_t out = 0; /* count equal (sid, doc, text) runs in place */
  for (size_t i = 0; i < items.n; i++) {
    if (out && items.v[out - 1].sid == items.v[i].sid && items.v[out - 1].doc == items.v[i].doc &&
        items.v[out - 1].len == items.v[i].len && !memcmp(items.v[out - 1].text, items.v[i].text, items.v[i].len))
      items.v[out - 1].count++;
    else items.v[out++] = items.v[i];
  }
  items.n = out;
  if (rc == PX_OK) px_sort(items.v, items.n, sizeof *items.v, cmp_alias); /* now by count within doc */
  for (size_t i = 0; i < items.n && rc == PX_OK; i++) {
    px_story_entity *se = &s->entities.v[items.v[i].sid];
    if (se->alias_count == 0) se->first_alias = s->aliases.n;
    px_story_alias a = {px_s_intern(s, items.v[i].text, items.v[i].len), items.v[i].doc, items.v[i].count};
    if (!a.text) rc = PX_ENOMEM;
    else rc = PX_VEC_PUSH(s->aliases, a);
    se->alias_count++;
  }
  free(items.v);
  return rc;
}

/* Story entities from the merged nodes, ordered; entity_map filled. */
static int emit(px_story *s, merge *m) {
  uint32_t *cl_of = malloc((m->n ? m->n : 1) * sizeof *cl_of);
  cluster *cl = calloc(m->n ? m->n : 1, sizeof *cl);
  cluster **order = malloc((m->n ? m->n : 1) * sizeof *order);
  int rc = cl_of && cl && order ? PX_OK : PX_ENOMEM;
  size_t nc = 0;
  for (size_t i = 0; i < m->n && rc == PX_OK; i++) {
    const px_enode *nd = &m->nodes[i];
    uint32_t r = find(m, (uint32_t)i);
    if (r == i) cl[nc] = (cluster){.last_doc = UINT32_MAX, .best = (uint32_t)i}, cl_of[i] = (uint32_t)nc++;
    cluster *c = &cl[cl_of[r]];
    const px_entity *e = &px_doc_entities(px_corpus_doc(s->corpus, nd->doc), NULL)[nd->ent];
    if (c->last_doc != nd->doc) c->docs++, c->last_doc = nd->doc;
    c->mentions += (uint32_t)e->mention_count;
    c->types[e->type & 3]++;
    const char *name = nd->cls == 2 ? nd->key : e->name ? e->name : "";
    size_t len = strlen(name), words = (size_t)nd->words;
    if (!c->name || words > c->name_words || (words == c->name_words && len > c->name_len))
      c->name = name, c->name_words = words, c->name_len = len;
  }
  for (size_t i = 0; i < nc; i++) order[i] = &cl[i];
  if (rc == PX_OK) px_sort(order, nc, sizeof *order, cmp_cluster);
  for (size_t i = 0; i < nc && rc == PX_OK; i++) {
    cluster *c = order[i];
    px_story_entity se = {0};
    for (int t = 1; t < 4; t++)
      if (c->types[t] > c->types[se.type]) se.type = (px_entity_type)t;
    se.name = px_s_intern(s, c->name, c->name_len);
    se.doc_count = c->docs, se.mention_count = c->mentions;
    c->last_doc = (uint32_t)i; /* reused: the story index */
    rc = se.name ? PX_VEC_PUSH(s->entities, se) : PX_ENOMEM;
  }
  for (size_t i = 0; i < m->n && rc == PX_OK; i++)
    s->entity_map[m->nodes[i].doc][m->nodes[i].ent] = (int32_t)cl[cl_of[find(m, (uint32_t)i)]].last_doc;
  free(cl_of), free(cl), free(order);
  return rc;
}

int px_s_entities(px_story *s) {
  merge m = {0};
  int rc = build_nodes(s, &m);
  keyed *k = rc == PX_OK ? calloc(m.n ? m.n : 1, sizeof *k) : NULL;
  uint32_t *reps = rc == PX_OK ? calloc(m.n ? m.n : 1, sizeof *reps) : NULL;
  if (rc == PX_OK && (!k || !reps)) rc = PX_ENOMEM;
  if (rc == PX_OK) rc = merge_acronyms(&m, reps, merge_names(&m, k, reps));
  if (rc == PX_OK) rc = emit(s, &m);
  if (rc == PX_OK) rc = add_aliases(s);
  free(k), free(reps), free(m.nodes), free(m.parent);
  return rc;
}
