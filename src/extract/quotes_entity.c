/* quotes_entity.c - speakers as entities: the name words of a speaker phrase,
 * the entities the quotes stage adds when no mention of the entities stage
 * names a speaker ("a rebel fighter", "Port Authority"), and the mention layer
 * put back in order afterwards. */
#include "quotes.h"

#include <stdlib.h>
#include <string.h>

#define RECENT 64 /* how many earlier speakers a lookup considers */

/* Case-insensitive comparison of a name's word with token text. */
bool px_xq_word_eq(const char *a, size_t na, const char *b, size_t nb) {
  if (na != nb) return false;
  for (size_t k = 0; k < na; k++)
    if (px_lower((unsigned char)a[k]) != px_lower((unsigned char)b[k])) return false;
  return true;
}

/* Titles that stand before a person's name ("Envoy", "Dr"). */
static bool title_word(const px_xctx *x, size_t i) {
  return (px_xq_word(x, i) & PX_W_TITLE) || px_xq_is_person_noun(x, i);
}

/* Words that make a capitalised phrase a body rather than a person. */
static bool org_word(const px_xctx *x, size_t i) { return px_xq_word(x, i) & PX_W_ORG; }

static bool possessive(const px_xctx *x, size_t i) {
  size_t n = px_x_tok_len(x, i);
  const char *t = x->text + x->tok[i].end;
  return (n > 2 && t[-2] == '\'' && t[-1] == 's') || (n > 4 && memcmp(t - 4, "\xE2\x80\x99s", 4) == 0);
}

/* Part of a personal name: capitalised, or a particle ("al-Yusef", "bin", "de"). */
bool px_xq_name_part(const px_xctx *x, size_t i) {
  if (x->tok[i].kind != PX_TOK_WORD) return false;
  if (px_x_tok_capitalised(x, i) || (px_xq_word(x, i) & PX_W_PARTICLE)) return true;
  const char *t = x->text + x->tok[i].start, *e = x->text + x->tok[i].end;
  for (const char *p = t; p + 1 < e; p++)
    if (*p == '-' && px_is_upper((unsigned char)p[1])) return true; /* al-Yusef, ki-Moon */
  return false;
}

/* Start of the trailing run of name words in [a, b); "of", "for", "and" or
 * "the" may join two ("Observatory for Human Rights"); titles stop it. */
size_t px_xq_name_run(const px_xctx *x, size_t a, size_t b) {
  static const char *const join[] = {"of", "for", "and", "the", NULL};
  size_t run = b;
  while (run > a && !possessive(x, run - 1) && !title_word(x, run - 1)) {
    if (px_xq_name_part(x, run - 1)) run--;
    else if (run - 1 > a && run < b && px_x_tok_in(x, run - 1, join) && px_xq_name_part(x, run - 2)) run--;
    else break;
  }
  return run;
}

bool px_xq_has_org(const px_xctx *x, size_t a, size_t b) {
  for (size_t k = a; k < b; k++)
    if (org_word(x, k)) return true;
  return false;
}

bool px_xq_all_names(const px_xctx *x, size_t a, size_t b) {
  for (size_t k = a; k < b; k++)
    if (!px_xq_name_part(x, k)) return false;
  return b > a;
}

/* A new entity (and its mention) for tokens [a, b). */
int32_t px_xq_create_entity(px_xq_res *r, size_t a, size_t b, bool indefinite, int *rc) {
  const px_xctx *x = r->x;
  size_t run = px_xq_name_run(x, a, b);
  bool run_org = false, caps = true;
  for (size_t k = a; k < b; k++) {
    run_org |= k >= run && org_word(x, k);
    caps &= px_xq_name_part(x, k) || px_xq_is_prep(x, k) || possessive(x, k);
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
          px_xq_word_eq(ents[e].name, nlen, name, nlen)) {
        *rc = px_xq_push_mention(r, x->tok[na].start, x->tok[b - 1].end, e, PX_MENTION_NAME, x->tok[na].start,
                           x->tok[b - 1].end);
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
  /* a name mention even for "a rebel fighter": group mentions are the entities stage's labels */
  *rc = px_xq_push_mention(r, x->tok[na].start, x->tok[b - 1].end, (int32_t)e, PX_MENTION_NAME, x->tok[na].start,
                     x->tok[b - 1].end);
  return (int32_t)e;
}

/* ---- mentions back in order ---- */

static int cmp_mention(const void *pa, const void *pb) {
  const px_mention *a = pa, *b = pb;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  if (a->end != b->end) return a->end < b->end ? -1 : 1;
  return a->entity < b->entity ? -1 : a->entity > b->entity;
}

/* The entities stage's mentions are in order; the ones this stage appended are
 * sorted and merged in (the earlier mention first on equal starts). */
int px_xq_finish(px_xq_res *r) {
  if (!r->mentions_added) return PX_OK;
  size_t n, ne, k = r->n_mentions_before;
  px_mention *m = px_doc_mentions_mut(r->x->doc, &n);
  px_entity *ents = px_doc_entities_mut(r->x->doc, &ne);
  if (k > n) k = n;
  qsort(m + k, n - k, sizeof *m, cmp_mention);
  px_mention *out = malloc((n ? n : 1) * sizeof *out);
  if (!out) return PX_ENOMEM;
  size_t i = 0, j = k, o = 0;
  while (i < k || j < n) out[o++] = j >= n || (i < k && m[i].start <= m[j].start) ? m[i++] : m[j++];
  memcpy(m, out, n * sizeof *m);
  free(out);
  for (size_t e = 0; e < ne; e++) ents[e].mention_count = 0;
  for (size_t t = n; t > 0; t--) {
    px_entity *e = &ents[m[t - 1].entity];
    e->first_mention = t - 1;
    e->mention_count++;
  }
  return PX_OK;
}
