/* quotes_speaker.c - which entity a speaker phrase names.
 *
 * A phrase resolves to the entity of a mention (from the entities stage) that
 * lies in its head part ("an official" in "an official in the X group"); a
 * name is preferred over a group noun, a person over an organisation, and the
 * last name over an earlier one ("Vestrian U.N. Ambassador Jane Doe").
 * A pronoun takes the most recent speaker of its paragraph, else the most
 * recent person (he/she) or body (it/they) mentioned, else earlier speakers;
 * "the statement" or "the center" takes a recent speaker that fits. When
 * nothing fits, the stage adds an entity of its own ("a rebel fighter"). */
#include "quotes.h"

#include <stdlib.h>
#include <string.h>

#define RECENT 64 /* how many earlier speakers a lookup considers */

static size_t para_at(const px_xctx *x, size_t pos) {
  size_t lo = 0, hi = x->n_para;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (x->para[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

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
    size_t p = para_at(r->x, h->pos);
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

static bool name_part(const px_xctx *x, size_t i);

/* A subject that may be what a pronoun points to: a personal name of two
 * words or more for he/she, a capitalised name for it/they. */
static bool subject_fits(const px_xctx *x, const px_xq_np *np, int want) {
  size_t a = np->first, b = np->head_last;
  while (a < b && px_xq_is_det(x, a)) a++;
  if (a >= b) return false;
  for (size_t k = a; k < b; k++)
    if (!name_part(x, k) && !(want && px_xq_is_prep(x, k))) return false;
  return want || b - a >= 2;
}

/* A name-like subject of a recent sentence, from paragraph p0 on, for a
 * pronoun nothing else explains ("Jane Doe chairs the board. ... she said"). */
static int32_t recent_subject(px_xq_res *r, size_t pos, size_t p0, int want, int *rc, int depth) {
  const px_xctx *x = r->x;
  int32_t s = px_x_sentence_at(x, pos);
  size_t floor = p0 < x->n_para ? x->para[p0].start : 0;
  for (int k = 0; s >= 0 && k < 4 && x->sent[s].start >= floor; k++, s--) {
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

static int push_mention(px_xq_res *r, size_t start, size_t end, int32_t e, px_mention_kind kind, size_t hs,
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
  size_t pos = x->tok[tok].start, p = para_at(x, pos);
  int32_t e = recent_speaker(r, pos, p, p, want);
  if (e < 0) e = recent_mention(r, pos, p, want);
  if (e < 0 && depth == 0) e = recent_subject(r, pos, p, want, rc, depth);
  if (e < 0) e = recent_speaker(r, pos, p > 3 ? p - 3 : 0, p, want);
  if (e < 0) e = recent_mention(r, pos, p > 2 ? p - 2 : 0, want);
  if (e < 0 && depth == 0) e = recent_subject(r, pos, p > 2 ? p - 2 : 0, want, rc, depth);
  if (e >= 0 && *rc == PX_OK)
    *rc = push_mention(r, pos, x->tok[tok].end, e, PX_MENTION_PRONOUN, pos, x->tok[tok].end);
  return e;
}

/* Case-insensitive comparison of a name's word with token text. */
static bool word_eq(const char *a, size_t na, const char *b, size_t nb) {
  if (na != nb) return false;
  for (size_t k = 0; k < na; k++)
    if (px_lower((unsigned char)a[k]) != px_lower((unsigned char)b[k])) return false;
  return true;
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
    if (q > p && (!last_only || !*q) && word_eq(p, (size_t)(q - p), w, wn)) return true;
    p = q;
  }
  return false;
}

/* A mention of the entities stage inside bytes [hb, he): the best-fitting entity, or -1. */
static int32_t mention_in(const px_xq_res *r, size_t hb, size_t he) {
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
  int best_score = -1;
  for (size_t k = lo, steps = 0; k < n && m[k].start < he && steps < 128; k++, steps++) {
    if (m[k].end <= hb || m[k].kind == PX_MENTION_PRONOUN) continue;
    int score = (m[k].kind != PX_MENTION_GROUP ? 2 : 0) + (ent_type(r, m[k].entity) == PX_ENT_PERSON);
    if (score >= best_score) {
      best_score = score;
      best = m[k].entity;
    }
  }
  return best;
}

/* Titles that stand before a person's name ("Ambassador", "Dr"). */
static bool title_word(const px_xctx *x, size_t i) {
  static const char *const w[] = {"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "prof", "prof.",
                                  "sir", "lord", "lady", "secretary-general", "commissioner", "king",
                                  "queen", "prince", "princess", "pope", "emir", "sultan", "sheikh",
                                  "rep.", "sen.", "gen.", "col.", "lt.", "capt.", "maj.", NULL};
  return px_x_tok_in(x, i, w) || px_xq_is_person_noun(x, i);
}

/* Words that make a capitalised phrase a body rather than a person. */
static bool org_word(const px_xctx *x, size_t i) {
  static const char *const w[] = {
      "ministry", "council", "center", "centre", "group", "army", "agency", "organization", "organisation",
      "committee", "observatory", "front", "movement", "party", "union", "news", "times", "post",
      "department", "office", "government", "watch", "international", "institute", "association",
      "foundation", "commission", "bank", "forces", "brigade", "coalition", "network", "television", "tv",
      "radio", "press", "service", "company", "corporation", "university", "court", "parliament",
      "assembly", "police", "embassy", "mission", "administration", "authority", "authorities", "nations",
      "federation", "league", "alliance", "battalion", "division", "corps", "command", "channel", "daily",
      "tribune", "herald", "guardian", "journal", "magazine", "independent", "telegraph", "gazette",
      "review", "monitor", "state", "house", "kremlin", "pentagon", "white", "congress", "senate",
      "cabinet", "staff", "general", "media", "bureau", "board", "fund", "trust",
      "society", "federal", "national", "republic", "kingdom", "states", NULL};
  return px_x_tok_in(x, i, w);
}

static bool possessive(const px_xctx *x, size_t i) {
  size_t n = px_x_tok_len(x, i);
  const char *t = x->text + x->tok[i].end;
  return (n > 2 && t[-2] == '\'' && t[-1] == 's') || (n > 4 && memcmp(t - 4, "\xE2\x80\x99s", 4) == 0);
}

/* Part of a personal name: capitalised, or a particle ("al-Yusef", "bin", "de"). */
static bool name_part(const px_xctx *x, size_t i) {
  static const char *const w[] = {"al", "el", "bin", "ibn", "abu", "de", "van", "von", "der", "la", "le",
                                  "da", "di", "du", NULL};
  if (x->tok[i].kind != PX_TOK_WORD) return false;
  if (px_x_tok_capitalised(x, i) || px_x_tok_in(x, i, w)) return true;
  const char *t = x->text + x->tok[i].start, *e = x->text + x->tok[i].end;
  for (const char *p = t; p + 1 < e; p++)
    if (*p == '-' && px_is_upper((unsigned char)p[1])) return true; /* al-Yusef, ki-Moon */
  return false;
}

/* Start of the trailing run of name words in [a, b); "of", "for", "and" or
 * "the" may join two ("Observatory for Human Rights"); titles stop it. */
static size_t name_run(const px_xctx *x, size_t a, size_t b) {
  static const char *const join[] = {"of", "for", "and", "the", NULL};
  size_t run = b;
  while (run > a && !possessive(x, run - 1) && !title_word(x, run - 1)) {
    if (name_part(x, run - 1)) run--;
    else if (run - 1 > a && run < b && px_x_tok_in(x, run - 1, join) && name_part(x, run - 2)) run--;
    else break;
  }
  return run;
}

static bool has_org(const px_xctx *x, size_t a, size_t b) {
  for (size_t k = a; k < b; k++)
    if (org_word(x, k)) return true;
  return false;
}

static bool all_names(const px_xctx *x, size_t a, size_t b) {
  for (size_t k = a; k < b; k++)
    if (!name_part(x, k)) return false;
  return b > a;
}

/* A new entity (and its mention) for tokens [a, b). */
static int32_t create_entity(px_xq_res *r, size_t a, size_t b, bool indefinite, int *rc) {
  const px_xctx *x = r->x;
  size_t run = name_run(x, a, b);
  bool run_org = false, caps = true;
  for (size_t k = a; k < b; k++) {
    run_org |= k >= run && org_word(x, k);
    caps &= name_part(x, k) || px_xq_is_prep(x, k) || possessive(x, k);
  }
  px_entity_type type;
  size_t na = a;
  if (!run_org && b - run >= 2) { /* "Prophet Jane Doe", "the minister Jane Doe" */
    type = PX_ENT_PERSON;
    na = run;
  } else if (!run_org && run < b && run > a && (title_word(x, run - 1) || possessive(x, run - 1))) {
    type = PX_ENT_PERSON; /* "President Doe", "the agency's Doe" */
    na = run;
  } else if (caps) {
    type = PX_ENT_ORGANISATION; /* "Calder Wire", "the Health Ministry" */
  } else {
    type = px_xq_is_person_noun(x, b - 1) ? PX_ENT_PERSON : PX_ENT_ORGANISATION;
  }
  const char *name = x->text + x->tok[na].start;
  size_t nlen = x->tok[b - 1].end - x->tok[na].start;
  if (!indefinite) /* the same named speaker again: reuse it */
    for (size_t k = r->n_hist, seen = 0; k > 0 && seen < RECENT; k--, seen++) {
      int32_t e = r->hist[k - 1].entity;
      size_t n;
      const px_entity *ents = px_doc_entities(x->doc, &n);
      if ((size_t)e >= r->n_entities_before && ents[e].name && strlen(ents[e].name) == nlen &&
          word_eq(ents[e].name, nlen, name, nlen)) {
        *rc = push_mention(r, x->tok[a].start, x->tok[b - 1].end, e, caps ? PX_MENTION_NAME : PX_MENTION_GROUP,
                           x->tok[b - 1].start, x->tok[b - 1].end);
        return e;
      }
    }
  px_entity ent = {.type = type, .name = px_doc_intern(x->doc, name, nlen)};
  if (!ent.name) {
    *rc = PX_ENOMEM;
    return -1;
  }
  long e = px_doc_push_entity(x->doc, &ent);
  if (e < 0 || e > INT32_MAX) {
    *rc = PX_ENOMEM;
    return -1;
  }
  size_t hs = caps ? x->tok[a].start : x->tok[b - 1].start;
  *rc = push_mention(r, x->tok[a].start, x->tok[b - 1].end, (int32_t)e, caps ? PX_MENTION_NAME : PX_MENTION_GROUP,
                     hs, x->tok[b - 1].end);
  return (int32_t)e;
}

static int32_t resolve_np(px_xq_res *r, const px_xq_np *np, int *rc, int depth) {
  const px_xctx *x = r->x;
  if (np->last == np->first + 1 && px_xq_is_pronoun(x, np->first)) return resolve_pronoun(r, np->first, rc, depth);
  size_t a = np->first, b = np->head_last;
  /* "the head of the staff, General Jane Doe": the apposition names the speaker */
  if (np->last > b + 1 && px_xq_tok_lower(x, px_xq_is_det(x, a) ? a + 1 : a) && all_names(x, b + 1, np->last)) {
    a = b + 1;
    b = np->last;
  }
  /* "member of parliament Jane Doe": the personal name at the end */
  size_t run = name_run(x, a, b);
  if (b - run >= 2 && run > a && !has_org(x, run, b)) a = run;
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
  int32_t e = mention_in(r, x->tok[a].start, x->tok[b - 1].end);
  if (e >= 0) return e;
  size_t pos = x->tok[a].start, p = para_at(x, pos);
  if (definite && b == a + 1) { /* "the statement", "the center" */
    if (px_xq_is_doc_noun(x, a)) {
      e = recent_speaker(r, pos, p > 6 ? p - 6 : 0, p, 1);
      if (e >= 0) return e;
    }
    for (size_t k = r->n_hist, seen = 0; k > 0 && seen < RECENT; k--, seen++)
      if (name_has_word(r, r->hist[k - 1].entity, a, false)) return r->hist[k - 1].entity;
  }
  if (b == a + 1 && px_x_tok_capitalised(x, a)) /* a surname again: "Doe said" */
    for (size_t k = r->n_hist, seen = 0; k > 0 && seen < RECENT; k--, seen++)
      if (ent_type(r, r->hist[k - 1].entity) == PX_ENT_PERSON && name_has_word(r, r->hist[k - 1].entity, a, true))
        return r->hist[k - 1].entity;
  return create_entity(r, a, b, indefinite, rc);
}

int32_t px_xq_resolve(px_xq_res *r, const px_xq_np *np, int *rc) {
  *rc = PX_OK;
  if (np->last <= np->first) return -1;
  return resolve_np(r, np, rc, 0);
}

/* ---- mentions back in order ---- */

typedef struct order {
  px_mention m;
  size_t idx;
} order;

static int cmp_order(const void *pa, const void *pb) {
  const order *a = pa, *b = pb;
  if (a->m.start != b->m.start) return a->m.start < b->m.start ? -1 : 1;
  if (a->m.end != b->m.end) return a->m.end < b->m.end ? -1 : 1;
  return a->idx < b->idx ? -1 : a->idx > b->idx;
}

int px_xq_finish(px_xq_res *r) {
  if (!r->mentions_added) return PX_OK;
  size_t n, ne;
  px_mention *m = px_doc_mentions_mut(r->x->doc, &n);
  px_entity *ents = px_doc_entities_mut(r->x->doc, &ne);
  order *o = malloc((n ? n : 1) * sizeof *o);
  if (!o) return PX_ENOMEM;
  for (size_t i = 0; i < n; i++) o[i] = (order){m[i], i};
  qsort(o, n, sizeof *o, cmp_order);
  for (size_t i = 0; i < n; i++) m[i] = o[i].m;
  free(o);
  for (size_t e = 0; e < ne; e++) ents[e].mention_count = 0;
  for (size_t i = n; i > 0; i--) {
    px_entity *e = &ents[m[i - 1].entity];
    e->first_mention = i - 1;
    e->mention_count++;
  }
  return PX_OK;
}
