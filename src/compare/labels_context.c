/* labels_context.c - the evidence the actor labels stage clusters on, read
 * from each sentence that uses a group label (see labels.c for the method):
 *   - context features: the content stems (s->terms, no function words or
 *     numbers, idf-weighted) within WINDOW tokens of the label, outside any
 *     other name or label, and the story entities named in the sentence
 *     (twice the weight near the label), weighted ln(1 + sentences / mentions);
 *   - member links: an organisation named inside the label ("Free Harbour
 *     Brigade fighters") or next to it, in apposition ("the Brigade, a rebel
 *     group", "rebels of the Brigade"): a strong feature (LINK_W) and later
 *     a label of the actor;
 *   - opponents: two labels (or a label and an organisation) of one sentence
 *     with a cue of conflict between them ("X fought Y", "X against Y",
 *     "between X and Y"): the two may not join one actor;
 *   - co-occurrence: two labels in one sentence, a milder sign of two actors;
 *   - category word: the label's own contested word ("rebel" in "rebel
 *     group") as features worth LEX_SHARE of its context norm.
 * The opponent cues are verbs of fighting, policing and capture by prefix
 * ("attack", "shell", "arrest", "fire", "charg"...), "against", "versus",
 * and "between X and Y"; a cue followed by clause punctuation before the
 * second label, or a word of alliance ("alongside", "backed"), does not
 * count. */
#include "compare/labels_ctx.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { WINDOW = 8, GAP_MAX = 12, APPOS_MAX = 3 };
static const double LINK_W = 8.0, LEX_SHARE = 0.7;

/* The first token starting at or after byte `off`. */
static size_t tok_at(const px_span *t, size_t n, size_t off) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (t[mid].start < off) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

static bool tok_is(const char *text, const px_span *t, const char *const *list, bool prefix) {
  size_t n = t->end - t->start;
  for (; *list; list++) {
    size_t l = strlen(*list);
    if ((prefix ? n >= l : n == l) && strncasecmp(text + t->start, *list, l) == 0) return true;
  }
  return false;
}

/* Words of conflict between two actors: verbs by prefix (attack, attacked...). */
static const char *const opp_prefix[] = {"against", "versus", "fought", "fight", "clash", "battl", "attack",
                                         "shell", "bomb", "besieg", "repel", "repuls", "ambush", "target",
                                         "kill", "captur", "seiz", "retak", "recaptur", "expel", "oust",
                                         "defeat", "surround", "overr", "drove", "drive", "push", "rout",
                                         "confront", "arrest", "detain", "dispers", "shot", "shoot", "raid",
                                         "storm", "evict", "blockad", "encircl", "strik", "struck", "fire",
                                         "charg", "tear", "threw", "throw", "hurl", "pelt", "beat", "crack",
                                         "clash", NULL};
static const char *const opp_exact[] = {"vs", "vs.", NULL};
/* ... unless the words say they are on one side. */
static const char *const allied[] = {"alongside", "allied", "together", "backed", "backing", "support",
                                     "supported", "joined", "including", NULL};
/* What may stand between a label and a name after it ("rebels of the
 * Brigade", "the rebel group Brigade"), and between a name and a label
 * after a comma and "a" ("the Brigade, a rebel group"). A bare comma, or
 * one with "the", is not enough ("according to the Agency, the army ..."):
 * "the army, the Agency said" names a source, not a member. */
static const char *const after_label[] = {"of", "from", "the", "called", "named", "known", "as", "(", NULL};
static const char *const determiner[] = {"a", "an", NULL};
static const char *const possessive[] = {"'s", "\xe2\x80\x99s", "(", NULL};

/* Are mentions a < b (token ranges [a0,a1) and [b0,b1)) opponents? A cue
 * counts when no clause punctuation follows it before b ("the government's
 * push to retake the city, regime forces captured ..." is not X against Y). */
static bool opponents(const char *text, const px_span *t, size_t a0, size_t a1, size_t b0) {
  static const char *const between[] = {"between", NULL}, *const and_[] = {"and", NULL};
  if (b0 < a1 || b0 - a1 > GAP_MAX) return false;
  static const char *const clause[] = {",", ";", ":", "\xe2\x80\x94", "\xe2\x80\x93", "-", "(", NULL};
  bool cue = false, ally = false, has_and = false;
  for (size_t i = a1; i < b0; i++) {
    if (tok_is(text, &t[i], opp_prefix, true) || tok_is(text, &t[i], opp_exact, false)) cue = true;
    else if (t[i].kind != PX_TOK_WORD && tok_is(text, &t[i], clause, false)) cue = false; /* the cue's clause ended */
    if (tok_is(text, &t[i], and_, false)) has_and = true;
    else if (tok_is(text, &t[i], allied, false)) ally = true;
  }
  bool betw = (a0 >= 1 && tok_is(text, &t[a0 - 1], between, false)) ||
              (a0 >= 2 && tok_is(text, &t[a0 - 2], between, false));
  if (betw && has_and) return true;
  return cue && !ally;
}

/* Is an organisation at tokens [o0,o1) a member named by the label at [g0,g1)? */
static bool member(const char *text, const px_span *t, size_t g0, size_t g1, size_t o0, size_t o1) {
  static const char *const comma[] = {",", NULL};
  if (o0 >= g0 && o1 <= g1) return true;
  if (o1 == g0) return true;
  /* a one-word name that is no acronym ("Calder") is as often a place or a
   * modifier ("from the Calder terminal") as a member: adjacency only */
  bool caps = true;
  for (size_t i = t[o0].start; i < t[o1 - 1].end && caps; i++) caps = !(text[i] >= 'a' && text[i] <= 'z');
  if (o1 - o0 == 1 && !caps) return false;
  if (o1 <= g0) { /* name first: "Brigade fighters", "Brigade's fighters", "Brigade, a rebel group" */
    if (g0 - o1 > APPOS_MAX) return false;
    bool comma_det = g0 - o1 >= 2 && tok_is(text, &t[o1], comma, false);
    for (size_t i = o1 + comma_det; i < g0; i++)
      if (!tok_is(text, &t[i], comma_det ? determiner : possessive, false)) return false;
    return true;
  }
  if (o0 < g1 || o0 - g1 > APPOS_MAX) return false;
  for (size_t i = g1; i < o0; i++)
    if (!tok_is(text, &t[i], after_label, false)) return false;
  return true;
}

typedef struct mref {
  const px_mention *m;
  int32_t sid, label; /* story entity, clustered label or -1 */
  size_t t0, t1;      /* tokens */
  bool group, org;
} mref;

static int push_feat(px_lctx *c, uint32_t label, uint32_t feat, double w) {
  px_lfeat f = {label, feat, w};
  return PX_VEC_PUSH(c->feats, f);
}

/* Context features of the label mention g among the mentions r[0..n) of one sentence. */
static int window(px_story *s, px_lctx *c, const char *text, const px_span *t, const px_span *sent, size_t nt,
                  const mref *r, size_t n, const mref *g) {
  size_t s0 = tok_at(t, nt, sent->start), s1 = tok_at(t, nt, sent->end);
  size_t w0 = g->t0 > s0 + WINDOW ? g->t0 - WINDOW : s0, w1 = g->t1 + WINDOW < s1 ? g->t1 + WINDOW : s1;
  double nsent = (double)(s->terms.n_sent ? s->terms.n_sent : 1);
  int rc = PX_OK;
  for (size_t i = w0; i < w1 && rc == PX_OK; i++) {
    if (i >= g->t0 && i < g->t1) continue;
    if (t[i].kind != PX_TOK_WORD) continue;
    bool inside = false;
    for (size_t k = 0; k < n && !inside; k++) inside = r[k].sid >= 0 && i >= r[k].t0 && i < r[k].t1;
    if (inside) continue;
    uint32_t term = px_terms_lookup(&s->terms, text + t[i].start, t[i].end - t[i].start);
    if (term == UINT32_MAX || s->terms.stop[term] || s->terms.number[term]) continue;
    rc = push_feat(c, (uint32_t)g->label, term, px_terms_idf(&s->terms, term));
  }
  for (size_t k = 0; k < n && rc == PX_OK; k++) {
    if (&r[k] == g || r[k].sid < 0 || r[k].group || r[k].m->kind == PX_MENTION_PRONOUN) continue;
    double w = log(1.0 + nsent / (1.0 + s->entities.v[r[k].sid].mention_count));
    if (r[k].t1 > w0 && r[k].t0 < w1) w *= 2;
    rc = push_feat(c, (uint32_t)g->label, (uint32_t)(s->terms.n_terms + (size_t)r[k].sid), w);
  }
  return rc;
}

static int push_pair(px_lpairs *v, uint32_t a, uint32_t b) {
  px_lpair p = {a, b, 1};
  return PX_VEC_PUSH(*v, p);
}

/* Links, opponents and co-occurrences among the mentions r[0..n) of one sentence. */
static int relate(px_lctx *c, const char *text, const px_span *t, const mref *r, size_t n) {
  int rc = PX_OK;
  for (size_t i = 0; i < n && rc == PX_OK; i++) {
    if (r[i].label < 0) continue;
    uint32_t li = (uint32_t)r[i].label;
    for (size_t j = 0; j < n && rc == PX_OK; j++) {
      if (j == i || r[j].sid < 0) continue;
      const mref *a = i < j ? &r[i] : &r[j], *b = i < j ? &r[j] : &r[i];
      if (r[j].org) {
        if (member(text, t, r[i].t0, r[i].t1, r[j].t0, r[j].t1)) {
          rc = push_pair(&c->links, li, (uint32_t)r[j].sid);
          if (rc == PX_OK) rc = push_feat(c, li, (uint32_t)(c->nterms + (size_t)r[j].sid), LINK_W);
        } else if (opponents(text, t, a->t0, a->t1, b->t0)) rc = push_pair(&c->opp_org, li, (uint32_t)r[j].sid);
      } else if (r[j].label >= 0 && j > i && r[j].label != r[i].label) {
        size_t x = li * c->nlab + (size_t)r[j].label, y = (size_t)r[j].label * c->nlab + li;
        c->cooc[x]++, c->cooc[y]++;
        if (opponents(text, t, a->t0, a->t1, b->t0)) c->opp[x]++, c->opp[y]++;
      }
    }
  }
  return rc;
}

static int cmp_feat(const void *pa, const void *pb) {
  const px_lfeat *a = pa, *b = pb;
  if (a->label != b->label) return a->label < b->label ? -1 : 1;
  return a->feat < b->feat ? -1 : a->feat > b->feat;
}
static int cmp_use(const void *pa, const void *pb) {
  const px_luse *a = pa, *b = pb;
  if (a->sid != b->sid) return a->sid < b->sid ? -1 : 1;
  if (a->doc != b->doc) return a->doc < b->doc ? -1 : 1;
  return a->sentence < b->sentence ? -1 : a->sentence > b->sentence;
}
static int cmp_pair(const void *pa, const void *pb) {
  const px_lpair *a = pa, *b = pb;
  if (a->a != b->a) return a->a < b->a ? -1 : 1;
  return a->b < b->b ? -1 : a->b > b->b;
}

/* Sorts pairs and sums equal ones. */
static void sum_pairs(px_lpairs *v) {
  if (!v->n) return;
  px_sort(v->v, v->n, sizeof *v->v, cmp_pair);
  size_t o = 0;
  for (size_t i = 0; i < v->n; i++) {
    if (o && v->v[o - 1].a == v->v[i].a && v->v[o - 1].b == v->v[i].b) v->v[o - 1].n += v->v[i].n;
    else v->v[o++] = v->v[i];
  }
  v->n = o;
}

void px_s_label_vectors(px_lctx *c) {
  px_sort(c->feats.v, c->feats.n, sizeof *c->feats.v, cmp_feat);
  size_t o = 0;
  for (size_t i = 0; i < c->feats.n; i++) {
    px_lfeat *f = &c->feats.v[i];
    if (o && c->feats.v[o - 1].label == f->label && c->feats.v[o - 1].feat == f->feat) c->feats.v[o - 1].w += f->w;
    else c->feats.v[o++] = *f;
  }
  c->feats.n = o;
  memset(c->feat_off, 0, (c->nlab + 1) * sizeof *c->feat_off);
  for (size_t i = 0; i < o; i++) c->feat_off[c->feats.v[i].label + 1] = i + 1;
  for (size_t l = 1; l <= c->nlab; l++)
    if (c->feat_off[l] < c->feat_off[l - 1]) c->feat_off[l] = c->feat_off[l - 1];
  for (size_t l = 0; l < c->nlab; l++) {
    double sq = 0;
    for (size_t i = c->feat_off[l]; i < c->feat_off[l + 1]; i++) sq += c->feats.v[i].w * c->feats.v[i].w;
    c->norm[l] = sqrt(sq);
  }
}

/* Heads and words any side may carry: not a sign of one actor. */
static const char *const generic[] = {"force", "fighter", "combatant", "soldier", "troop", "army", "military",
                                      "faction", "militia", "militiaman", "coalition", "official", "authority",
                                      "officer", "party", "crowd", "enemy", "gunman", "attacker", "suspect",
                                      "paramilitary", NULL};

size_t px_s_label_category(const char *name, char *out, size_t cap) {
  size_t o = 0;
  if (cap) out[0] = 0;
  for (size_t i = 0, n = strlen(name); i < n;) {
    while (i < n && name[i] == ' ') i++;
    size_t b = i;
    while (i < n && name[i] != ' ') i++;
    if (i == b || px_s_term_tone(name + b, i - b) < 0) continue;
    bool gen = false;
    for (const char *const *g = generic; *g && !gen; g++) gen = strlen(*g) == i - b && !memcmp(*g, name + b, i - b);
    if (gen || i - b + 1 > cap) continue;
    memcpy(out, name + b, i - b); /* the last one wins: the word nearest the head */
    o = i - b;
    out[o] = 0;
  }
  return o;
}

/* A label's own category word ("rebel" in "rebel group", "regime" in "regime
 * force"): a feature shared by the labels that repeat the word, weighted
 * LEX_SHARE of the label's context norm so that it counts as much for a rare
 * label as for a frequent one. */
static int lexical(px_story *s, px_lctx *c) {
  int rc = PX_OK;
  char cat[128];
  for (size_t l = 0; l < c->nlab && rc == PX_OK; l++) {
    double w = LEX_SHARE * (c->norm[l] > 0 ? c->norm[l] : 1.0);
    px_s_label_category(s->entities.v[c->sid_of[l]].name, cat, sizeof cat);
    for (size_t i = 0, n = strlen(cat); i < n && rc == PX_OK;) {
      size_t b = i;
      while (i < n && cat[i] != ' ') i++;
      uint32_t term = px_terms_lookup(&s->terms, cat + b, i - b);
      if (term != UINT32_MAX) rc = push_feat(c, (uint32_t)l, term, w);
      i++;
    }
  }
  return rc;
}

/* One document: its mentions sentence by sentence. */
static int one_doc(px_story *s, px_lctx *c, uint32_t d, mref *r) {
  const px_doc *doc = px_corpus_doc(s->corpus, d);
  const char *text = px_doc_text(doc, NULL);
  size_t nm = 0, ne = 0, nt = 0, ns = 0;
  const px_mention *ms = px_doc_mentions(doc, &nm);
  const px_entity *ents = px_doc_entities(doc, &ne);
  const px_span *t = px_doc_layer(doc, PX_LAYER_TOKENS, &nt);
  const px_span *sents = px_doc_layer(doc, PX_LAYER_SENTENCES, &ns);
  int rc = PX_OK;
  for (size_t i = 0, j; i < nm && rc == PX_OK; i = j) {
    size_t n = 0;
    int32_t sn = ms[i].sentence;
    for (j = i; j < nm && ms[j].sentence == sn; j++) {
      const px_mention *m = &ms[j];
      if (m->entity < 0 || (size_t)m->entity >= ne) continue;
      px_entity_type ty = ents[m->entity].type;
      mref x = {m, s->entity_map[d][m->entity], -1, tok_at(t, nt, m->start), tok_at(t, nt, m->end),
                ty == PX_ENT_GROUP, ty == PX_ENT_ORGANISATION && m->kind != PX_MENTION_PRONOUN};
      if (x.sid >= 0 && x.group) x.label = c->label_of[x.sid];
      r[n++] = x;
      if (x.sid >= 0 && (x.group || x.org) && sn >= 0) {
        px_luse u = {(uint32_t)x.sid, d, (uint32_t)sn};
        rc = PX_VEC_PUSH(c->uses, u);
      }
    }
    if (sn < 0 || (size_t)sn >= ns || rc != PX_OK) continue;
    for (size_t k = 0; k < n && rc == PX_OK; k++) {
      if (r[k].label < 0) continue;
      bool first = true; /* count each sentence once per label */
      for (size_t q = 0; q < k; q++) first = first && r[q].label != r[k].label;
      if (first) c->nsent[r[k].label]++;
      rc = window(s, c, text, t, &sents[sn], nt, r, n, &r[k]);
    }
    if (rc == PX_OK) rc = relate(c, text, t, r, n);
  }
  return rc;
}

int px_s_label_context(px_story *s, px_lctx *c) {
  size_t L = c->nlab, maxm = 1;
  c->nterms = s->terms.n_terms;
  c->cooc = calloc(L * L + 1, sizeof *c->cooc);
  c->opp = calloc(L * L + 1, sizeof *c->opp);
  c->nsent = calloc(L + 1, sizeof *c->nsent);
  c->feat_off = calloc(L + 1, sizeof *c->feat_off);
  c->norm = calloc(L + 1, sizeof *c->norm);
  if (!c->cooc || !c->opp || !c->nsent || !c->feat_off || !c->norm) return PX_ENOMEM;
  for (size_t d = 0; d < s->ndocs; d++) {
    size_t nm = 0;
    px_doc_mentions(px_corpus_doc(s->corpus, d), &nm);
    if (nm > maxm) maxm = nm;
  }
  mref *r = malloc(maxm * sizeof *r);
  int rc = r ? PX_OK : PX_ENOMEM;
  for (size_t d = 0; d < s->ndocs && rc == PX_OK; d++) rc = one_doc(s, c, (uint32_t)d, r);
  free(r);
  if (rc != PX_OK) return rc;
  px_sort(c->uses.v, c->uses.n, sizeof *c->uses.v, cmp_use);
  sum_pairs(&c->links);
  sum_pairs(&c->opp_org);
  px_s_label_vectors(c);
  rc = lexical(s, c);
  if (rc == PX_OK) px_s_label_vectors(c);
  return rc;
}
