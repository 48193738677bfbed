/* quotes_speaker.c - which entity a speaker phrase names.
 *
 * A phrase resolves to the entity of a mention (from the entities stage) that
 * lies in its head part ("an official" in "an official in the X group", the
 * name in "member of parliament Jane Doe"); a person is preferred over a
 * body, a body over a group, a group over a place, then the longer mention
 * ("Vestrian U.N. Envoy Jane Doe" is Jane Doe).
 * A pronoun takes the most recent speaker of its paragraph, else the most
 * recent person (he/she) or body (it/they) mentioned, else earlier speakers;
 * "the statement" or "the center" takes a recent speaker that fits. When
 * nothing fits, the stage adds an entity of its own (quotes_entity.c). */
#include "quotes.h"

#include <stdlib.h>
#include <string.h>

#define RECENT 64 /* how many earlier speakers a lookup considers */


int px_xq_remember(px_xq_res *r, size_t pos, int32_t entity) {
  if (entity < 0) return PX_OK;
  if (r->n_hist == r->cap_hist) {
    size_t cap = r->cap_hist ? r->cap_hist * 2 : 32;
    px_xq_hist *p = realloc(r->hist, cap * sizeof *p);
    if (!p) return PX_ENOMEM;
    r->hist = p;
    r->cap_hist = cap;
  }
  r->hist[r->n_hist++] = (px_xq_hist){pos, entity};
  return PX_OK;
}

void px_xq_res_free(px_xq_res *r) {
  free(r->hist);
  r->hist = NULL;
  r->n_hist = r->cap_hist = 0;
}

static px_entity_type ent_type(const px_xq_res *r, int32_t e) {
  size_t n;
  const px_entity *ents = px_doc_entities(r->x->doc, &n);
  return e >= 0 && (size_t)e < n ? ents[e].type : PX_ENT_PLACE;
}

/* he/she want a person; it a body; they a body or a group. */
static bool fits(px_entity_type t, int want) {
  if (want == 0) return t == PX_ENT_PERSON;
  if (want == 1) return t == PX_ENT_ORGANISATION;
  return t == PX_ENT_ORGANISATION || t == PX_ENT_GROUP;
}

/* The latest remembered speaker of the right kind before pos in paragraphs [p0, p1]. */
static int32_t recent_speaker(const px_xq_res *r, size_t pos, size_t p0, size_t p1, int want) {
  for (size_t k = r->n_hist, seen = 0; k > 0 && seen < RECENT; k--, seen++) {
    const px_xq_hist *h = &r->hist[k - 1];
    if (h->pos >= pos) continue;
    size_t p = px_x_paragraph_at(r->x, h->pos);
    if (p < p0) break;
    if (p <= p1 && fits(ent_type(r, h->entity), want)) return h->entity;
  }
  return -1;
}

/* The latest mention (outside quotes) of the right kind before pos, from paragraph p0 on. */
static int32_t recent_mention(const px_xq_res *r, size_t pos, size_t p0, int want) {
  size_t n;
  const px_mention *m = px_doc_mentions(r->x->doc, &n);
  if (n > r->n_mentions_before) n = r->n_mentions_before; /* the stage's own are not in order yet */
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (m[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  size_t floor = p0 < r->x->n_para ? r->x->para[p0].start : 0;
  for (size_t k = lo, steps = 0; k > 0 && steps < 200; k--, steps++) {
    const px_mention *mm = &m[k - 1];
    if (mm->start < floor) break;
    if (mm->in_quote || mm->kind == PX_MENTION_PRONOUN) continue;
    if (fits(ent_type(r, mm->entity), want)) return mm->entity;
  }
  return -1;
}

static int32_t resolve_np(px_xq_res *r, const px_xq_np *np, int *rc, int depth);

/* A subject that may be what a pronoun points to: a personal name of two
 * words or more for he/she, any phrase but a person noun for it/they. */
static bool subject_fits(const px_xctx *x, const px_xq_np *np, int want) {
  size_t a = np->first, b = np->head_last;
  while (a < b && px_xq_is_det(x, a)) a++;
  if (a >= b) return false;
  if (want) return !px_xq_is_person_noun(x, b - 1);
  for (size_t k = a; k < b; k++)
    if (!px_xq_name_part(x, k)) return false;
  return b - a >= 2;
}

/* A name-like subject of a recent sentence, from paragraph p0 on, for a
 * pronoun nothing else explains ("Jane Doe chairs the board. ... she said"). */
static int32_t recent_subject(px_xq_res *r, size_t pos, size_t p0, int sentences, int want, int *rc, int depth) {
  const px_xctx *x = r->x;
  int32_t s = px_x_sentence_at(x, pos);
  size_t floor = p0 < x->n_para ? x->para[p0].start : 0;
  for (int k = 0; s >= 0 && k < sentences && x->sent[s].start >= floor; k++, s--) {
    size_t first = px_x_token_at(x, x->sent[s].start), hi = px_x_token_at(x, x->sent[s].end);
    if (hi > first + 200) hi = first + 200;
    px_xq_np np;
    if (!px_xq_subject(x, first, hi, &np) || px_xq_is_pronoun(x, np.first) || !subject_fits(x, &np, want))
      continue;
    if (x->tok[np.first].start >= pos) continue;
    int32_t e = resolve_np(r, &np, rc, depth + 1);
    if (e >= 0 && fits(ent_type(r, e), want)) return e;
  }
  return -1;
}

int px_xq_push_mention(px_xq_res *r, size_t start, size_t end, int32_t e, px_mention_kind kind, size_t hs,
                       size_t he) {
  px_mention m = {.start = start, .end = end, .entity = e, .kind = kind, .head_start = hs, .head_end = he,
                  .sentence = px_x_sentence_at(r->x, start), .in_quote = px_x_in_quote(r->x, start)};
  long i = px_doc_push_mention(r->x->doc, &m);
  if (i < 0) return PX_ENOMEM;
  size_t n;
  px_entity *ents = px_doc_entities_mut(r->x->doc, &n);
  ents[e].mention_count++;
  r->mentions_added = true;
  return PX_OK;
}

static int32_t resolve_pronoun(px_xq_res *r, size_t tok, int *rc, int depth) {
  const px_xctx *x = r->x;
  int want = px_x_tok_is(x, tok, "he") || px_x_tok_is(x, tok, "she") ? 0 : px_x_tok_is(x, tok, "it") ? 1 : 2;
  size_t pos = x->tok[tok].start, p = px_x_paragraph_at(x, pos);
  /* the subject of its own sentence ("The ministry denied it, and it said"), the
   * paragraph's last speaker, a mention or subject of the paragraph, then further back */
  int32_t e = depth == 0 ? recent_subject(r, pos, p, 1, want, rc, depth) : -1;
  if (e < 0) e = recent_speaker(r, pos, p, p, want);
  if (e < 0) e = recent_mention(r, pos, p, want);
  if (e < 0 && depth == 0) e = recent_subject(r, pos, p, 4, want, rc, depth);
  if (e < 0) e = recent_speaker(r, pos, p > 3 ? p - 3 : 0, p, want);
  if (e < 0) e = recent_mention(r, pos, p > 2 ? p - 2 : 0, want);
  if (e < 0 && depth == 0) e = recent_subject(r, pos, p > 2 ? p - 2 : 0, 4, want, rc, depth);
  if (e >= 0 && *rc == PX_OK)
    *rc = px_xq_push_mention(r, pos, x->tok[tok].end, e, PX_MENTION_PRONOUN, pos, x->tok[tok].end);
  return e;
}

/* Whether the entity's name has a word equal to token i ("the Center" -> "Reconciliation Center"). */
static bool name_has_word(const px_xq_res *r, int32_t e, size_t i, bool last_only) {
  size_t n;
  const px_entity *ents = px_doc_entities(r->x->doc, &n);
  const char *name = ents[e].name;
  if (!name) return false;
  const char *w = r->x->text + r->x->tok[i].start;
  size_t wn = px_x_tok_len(r->x, i);
  const char *p = name;
  while (*p) {
    while (*p == ' ') p++;
    const char *q = p;
    while (*q && *q != ' ') q++;
    if (q > p && (!last_only || !*q) && px_xq_word_eq(p, (size_t)(q - p), w, wn)) return true;
    p = q;
  }
  return false;
}

/* A mention of the entities stage inside bytes [hb, he): the best-fitting
 * entity, or -1. A person beats a body, a body a group, a group a place
 * ("the Reconciliation Centre in Vestria" is the centre); then a longer
 * mention beats a shorter one. A personal name [rb, he) of two words or more
 * must be covered whole: "Maria Lund" is not the place "Lund". */
static int32_t mention_in(const px_xq_res *r, size_t hb, size_t he, size_t rb) {
  static const int rank[] = {[PX_ENT_PERSON] = 3, [PX_ENT_ORGANISATION] = 2, [PX_ENT_GROUP] = 1, [PX_ENT_PLACE] = 0};
  size_t n;
  const px_mention *m = px_doc_mentions(r->x->doc, &n);
  if (n > r->n_mentions_before) n = r->n_mentions_before;
  size_t lo = 0, hi = n, from = hb > 256 ? hb - 256 : 0;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (m[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  int32_t best = -1;
  size_t best_score = 0;
  for (size_t k = lo, steps = 0; k < n && m[k].start < he && steps < 128; k++, steps++) {
    if (m[k].end <= hb || m[k].kind == PX_MENTION_PRONOUN) continue;
    if (rb < he && m[k].end > rb && (m[k].start > rb || m[k].end < he)) continue;
    px_entity_type t = ent_type(r, m[k].entity);
    size_t score = (size_t)(t <= PX_ENT_GROUP ? rank[t] : 0) << 24 | (m[k].end - m[k].start);
    if (best < 0 || score >= best_score) {
      best_score = score;
      best = m[k].entity;
    }
  }
  return best;
}

static int32_t resolve_np(px_xq_res *r, const px_xq_np *np, int *rc, int depth) {
  const px_xctx *x = r->x;
  if (np->last == np->first + 1 && px_xq_is_pronoun(x, np->first)) return resolve_pronoun(r, np->first, rc, depth);
  size_t a = np->first, b = np->head_last;
  /* "the head of the staff, General Jane Doe": the apposition names the speaker */
  if (np->last > b + 1 && px_xq_tok_lower(x, px_xq_is_det(x, a) ? a + 1 : a) && px_xq_all_names(x, b + 1, np->last)) {
    a = b + 1;
    b = np->last;
  }
  /* "figures released by the ministry", "data from the port office": the body behind them */
  for (size_t k = a + 1; k + 1 < np->last && k < a + 4; k++)
    if (px_xq_is_doc_noun(x, k - 1) && (px_x_tok_is(x, k, "by") || px_x_tok_is(x, k, "from") ||
                                        (px_x_tok_is(x, k + 1, "by") && px_xq_tok_lower(x, k)))) {
      size_t from = px_x_tok_is(x, k, "by") || px_x_tok_is(x, k, "from") ? k + 1 : k + 2;
      if (from < np->last) {
        px_xq_np inner = {from, np->last, np->head_last > from ? np->head_last : np->last};
        return resolve_np(r, &inner, rc, depth + 1);
      }
    }
  /* "member of parliament Jane Doe": the personal name at the end */
  size_t run = px_xq_name_run(x, a, b);
  if (b - run >= 2 && run > a && !px_xq_has_org(x, run, b) && !px_xq_is_prep(x, run - 1)) a = run;
  /* the head part: "an official" of "an official in the X group"; "a fighter" of "a fighter reached by" */
  for (size_t k = a + 1; k < b; k++)
    if ((px_xq_is_prep(x, k) && (px_xq_tok_lower(x, k - 1) || px_xq_is_person_noun(x, k - 1)) &&
         !px_xq_is_det(x, k - 1)) ||
        px_xq_tok_char(x, k, '(') ||
        (px_xq_tok_lower(x, k) && px_x_tok_len(x, k) > 4 && x->text[x->tok[k].end - 1] == 'd' &&
         x->text[x->tok[k].end - 2] == 'e')) {
      b = k;
      break;
    }
  /* "a resident", "another fighter": someone new each time, never merged by name */
  bool definite = px_x_tok_is(x, a, "the"), indefinite = px_xq_is_det(x, a) && !definite;
  while (a < b && px_xq_is_det(x, a)) a++;
  if (a >= b) return -1;
  indefinite = indefinite && px_xq_tok_lower(x, b - 1);
  size_t nr = px_xq_name_run(x, a, b);
  size_t rb = b - nr >= 2 && !px_xq_has_org(x, nr, b) ? x->tok[nr].start : SIZE_MAX;
  int32_t e = mention_in(r, x->tok[a].start, x->tok[b - 1].end, rb);
  /* "the Observatory" after "the Calder Observatory for Press Freedom" spoke: the same body,
   * even where the entities stage keeps the short form apart */
  if (definite && b == a + 1 && px_x_tok_capitalised(x, a))
    for (size_t k = r->n_hist, seen = 0; k > 0 && seen < RECENT; k--, seen++) {
      int32_t h = r->hist[k - 1].entity;
      size_t n;
      const px_entity *ents = px_doc_entities(x->doc, &n);
      if (h != e && ents[h].name && strchr(ents[h].name, ' ') && name_has_word(r, h, a, false)) return h;
    }
  if (e >= 0) return e;
  size_t pos = x->tok[a].start, p = px_x_paragraph_at(x, pos);
  if (definite && b == a + 1) { /* "the statement", "the center" */
    if (px_xq_is_doc_noun(x, a)) { /* its author: a speaker or body of the paragraph, else an earlier speaker */
      e = recent_speaker(r, pos, p, p, 1);
      if (e < 0) e = recent_mention(r, pos, p > 0 ? p - 1 : 0, 1);
      if (e < 0) e = recent_speaker(r, pos, p > 6 ? p - 6 : 0, p, 1);
      if (e >= 0) return e;
    }
    for (size_t k = r->n_hist, seen = 0; k > 0 && seen < RECENT; k--, seen++)
      if (name_has_word(r, r->hist[k - 1].entity, a, false)) return r->hist[k - 1].entity;
  }
  if (b == a + 1 && px_x_tok_capitalised(x, a)) /* a surname again: "Doe said" */
    for (size_t k = r->n_hist, seen = 0; k > 0 && seen < RECENT; k--, seen++)
      if (ent_type(r, r->hist[k - 1].entity) == PX_ENT_PERSON && name_has_word(r, r->hist[k - 1].entity, a, true))
        return r->hist[k - 1].entity;
  return px_xq_create_entity(r, a, b, indefinite, rc);
}

int32_t px_xq_resolve(px_xq_res *r, const px_xq_np *np, int *rc) {
  *rc = PX_OK;
  if (np->last <= np->first) return -1;
  return resolve_np(r, np, rc, 0);
}

