/* entities_alias.c - names joined into entities within one document.
 *
 * Each name gets a key: lower case, dots and apostrophes dropped, Arabic article prefixes
 * dropped ("al-Tarsi" = "Tarsi"), British spellings read as American ("Defence" = "Defense"),
 * a leading demonym kept apart as the name's country ("Vestrian Trade Ministry" = "Vestria's
 * Trade Ministry"). Then, in order:
 *  1. full names: equal keys of compatible type and country are one entity; a name without a
 *     country joins the entity of that key mentioned last ("the Trade Ministry");
 *  2. single unknown words and short person names join the person whose name ends with them
 *     ("Brekke" -> "Tomas Brekke"), the nearest mention winning;
 *  3. acronyms: the name they follow in parentheses ("Port Workers' Union (PWU)") or that
 *     follows them; the name whose initials they spell; the gazetteer's expansion ("UN");
 *     else one entity per acronym ("U.N." = "UN").
 * An entity's name is its longest full form, a country's its everyday name. */
#include "entities.h"

#include <stdlib.h>
#include <string.h>

/* ---- keys ---- */

static const char *const spelling[][2] = {
    {"armour", "armor"},     {"centre", "center"},       {"centres", "centers"},
    {"defence", "defense"},  {"harbour", "harbor"},      {"honour", "honor"},
    {"labour", "labor"},     {"neighbour", "neighbor"},  {"offence", "offense"},
    {"programme", "program"}, {"programmes", "programs"}, {"theatre", "theater"}};

/* Appends the key form of word w[0, n) to b. */
static int key_word(px_buf *b, const char *w, size_t n) {
  static const char *const pre[] = {"al-", "el-", "ad-", "an-", "ar-", "as-", "ash-", "at-", "az-", NULL};
  for (const char *const *p = pre; *p; p++) {
    size_t k = strlen(*p), j = 0;
    while (j < k && px_lower((unsigned char)w[j]) == (unsigned char)(*p)[j]) j++;
    if (j == k && n > k + 1) {
      w += k, n -= k;
      break;
    }
  }
  size_t at = b->len;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)w[i];
    if (c == '.' || c == '\'') continue;
    if (c == 0xE2 && i + 2 < n && (unsigned char)w[i + 1] == 0x80 && (unsigned char)w[i + 2] == 0x99) {
      i += 2;
      continue;
    }
    if (px_buf_putc(b, (char)px_lower(c))) return PX_ENOMEM;
  }
  size_t len = b->len - at;
  for (size_t s = 0; s < sizeof spelling / sizeof *spelling; s++)
    if (strlen(spelling[s][0]) == len && !memcmp(b->data + at, spelling[s][0], len)) {
      b->len = at;
      return px_buf_puts(b, spelling[s][1]);
    }
  /* -isation -> -ization ("Organisation") */
  if (len > 7 && !memcmp(b->data + b->len - 7, "isation", 7)) b->data[b->len - 5] = 'z';
  if (len > 8 && !memcmp(b->data + b->len - 8, "isations", 8)) b->data[b->len - 6] = 'z';
  return PX_OK;
}

/* The key of candidate c into the arena; *off and *len locate it. */
static int cand_key(px_estate *st, const px_ecand *c, size_t *off, size_t *len) {
  px_buf *b = &st->arena;
  *off = b->len;
  const char *country = c->type == PX_ENT_PLACE ? px_gz_country(c->gzlink) : NULL;
  if (country) {
    for (const char *p = country; *p; p++)
      if (px_buf_putc(b, (char)px_lower((unsigned char)*p))) return PX_ENOMEM;
  } else if (c->kind == PX_MENTION_ACRONYM) {
    for (size_t i = c->start; i < c->end; i++)
      if (px_is_alnum((unsigned char)st->x->text[i]) && px_buf_putc(b, st->x->text[i])) return PX_ENOMEM;
  } else {
    for (size_t t = c->t0 + (c->demonym_led ? 1 : 0); t < c->t1; t++) {
      /* "Tarek al Homsi" = "Tarek al-Homsi" = "Tarek Homsi" */
      if (t + 1 < c->t1 && (px_x_tok_is(st->x, t, "al") || px_x_tok_is(st->x, t, "el"))) continue;
      if (st->x->tok[t].kind == PX_TOK_PUNCT) continue;
      if (b->len > *off && px_buf_putc(b, ' ')) return PX_ENOMEM;
      size_t n = t + 1 == c->t1 ? c->end - st->x->tok[t].start : px_x_tok_len(st->x, t);
      if (key_word(b, st->x->text + st->x->tok[t].start, n)) return PX_ENOMEM;
    }
  }
  *len = b->len - *off;
  return px_buf_putc(b, '\0');
}

static const char *K(const px_estate *st, size_t off) { return st->arena.data + off; }

/* ---- a multimap from key hashes to entities ---- */

typedef struct emap {
  uint64_t *slot; /* hash << 32 | (entity + 1) */
  size_t mask, n;
} emap;

static int emap_add(emap *m, uint32_t h, size_t ent) {
  if (2 * (m->n + 1) > m->mask + 1 || !m->slot) {
    size_t size = m->slot ? (m->mask + 1) * 2 : 256;
    uint64_t *s = calloc(size, sizeof *s);
    if (!s) return PX_ENOMEM;
    for (size_t i = 0; m->slot && i <= m->mask; i++)
      if (m->slot[i]) {
        size_t k = (m->slot[i] >> 32) & (size - 1);
        while (s[k]) k = (k + 1) & (size - 1);
        s[k] = m->slot[i];
      }
    free(m->slot);
    m->slot = s, m->mask = size - 1;
  }
  size_t k = h & m->mask;
  while (m->slot[k]) k = (k + 1) & m->mask;
  m->slot[k] = (uint64_t)h << 32 | (uint64_t)(ent + 1);
  m->n++;
  return PX_OK;
}

/* Entities under hash h, through *pos (start at 0); -1 at the end. */
static long emap_next(const emap *m, uint32_t h, size_t *pos) {
  if (!m->slot) return -1;
  for (size_t k = (h + *pos) & m->mask; m->slot[k]; k = (k + 1) & m->mask) {
    (*pos)++;
    if ((uint32_t)(m->slot[k] >> 32) == h) return (long)(m->slot[k] & 0xFFFFFFFFu) - 1;
  }
  return -1;
}

typedef struct actx {
  px_estate *st;
  emap by_key, by_last, by_initials; /* entities */
  emap by_acr;                        /* acronym candidates already joined */
  size_t *koff, *klen; /* per candidate */
} actx;

static bool same_key(const actx *a, size_t e, size_t off, size_t len) {
  const px_eent *E = &a->st->ent[e];
  return E->key_len == len && !memcmp(K(a->st, E->key_off), K(a->st, off), len);
}

/* The last word of a key. */
static const char *last_word(const char *k, size_t len, size_t *n) {
  size_t i = len;
  while (i > 0 && k[i - 1] != ' ') i--;
  *n = len - i;
  return k + i;
}

static int index_entity(actx *a, size_t e) {
  px_eent *E = &a->st->ent[e];
  const char *k = K(a->st, E->key_off);
  if (emap_add(&a->by_key, px_hash(k, E->key_len, false), e)) return PX_ENOMEM;
  if (E->type == PX_ENT_PERSON) {
    size_t n;
    const char *w = last_word(k, E->key_len, &n);
    if (n < E->key_len && emap_add(&a->by_last, px_hash(w, n, false), e)) return PX_ENOMEM;
  }
  if (E->type == PX_ENT_ORGANISATION || E->type == PX_ENT_PLACE) {
    /* Initials with and without the small words: "Port Workers Union" -> PWU. */
    for (int with = 0; with < 2; with++) {
      char ini[16];
      size_t n = 0, words = 0;
      for (size_t i = 0; i < E->key_len && n < sizeof ini; i++)
        if (i == 0 || k[i - 1] == ' ') {
          size_t wl = 0;
          while (i + wl < E->key_len && k[i + wl] != ' ') wl++;
          bool small = (wl <= 3 && (uint32_t)px_lex_classes(k + i, wl) & (PX_LX_CONN | PX_LX_STOP));
          words++;
          if (!small || with) ini[n++] = (char)(px_is_alpha((unsigned char)k[i]) ? k[i] - 32 : k[i]);
        }
      if (words >= 2 && n >= 2 && n < sizeof ini && emap_add(&a->by_initials, px_hash(ini, n, false), e))
        return PX_ENOMEM;
    }
  }
  return PX_OK;
}

static long new_entity(actx *a, const px_ecand *c, size_t ci, px_entity_type type) {
  long e = px_e_new_entity(a->st, type, a->st->x->text + c->start, c->end - c->start);
  if (e < 0) return e;
  px_eent *E = &a->st->ent[e];
  E->key_off = a->koff[ci], E->key_len = a->klen[ci];
  E->country = c->country;
  E->last_pos = c->start;
  return index_entity(a, (size_t)e) ? PX_ENOMEM : e;
}

static void join(actx *a, px_ecand *c, size_t e) {
  c->ent = (int32_t)e;
  px_eent *E = &a->st->ent[e];
  if (c->type < 0) c->type = (int8_t)E->type;
  E->last_pos = c->start;
}

/* 1. Full names: the entity with the same key, type and country. */
static int pass_full(actx *a) {
  px_estate *st = a->st;
  for (size_t ci = 0; ci < st->n_cand; ci++) {
    px_ecand *c = &st->cand[ci];
    if (c->kind == PX_MENTION_ACRONYM || c->type < 0) continue;
    uint32_t h = px_hash(K(st, a->koff[ci]), a->klen[ci], false);
    long best = -1;
    size_t pos = 0;
    for (long e; (e = emap_next(&a->by_key, h, &pos)) >= 0;) {
      const px_eent *E = &st->ent[e];
      if (E->type != (px_entity_type)c->type || !same_key(a, (size_t)e, a->koff[ci], a->klen[ci])) continue;
      if (c->country && E->country && c->country != E->country) continue;
      if (best < 0 || E->last_pos > st->ent[best].last_pos || (c->country && E->country == c->country))
        best = e;
    }
    if (best < 0 && (best = new_entity(a, c, ci, (px_entity_type)c->type)) < 0) return (int)best;
    join(a, c, (size_t)best);
    if (c->country && !st->ent[best].country) st->ent[best].country = c->country;
  }
  return PX_OK;
}

/* 2. Short names: the person whose name ends with this word, nearest first. */
static int pass_short(actx *a) {
  px_estate *st = a->st;
  for (size_t ci = 0; ci < st->n_cand; ci++) {
    px_ecand *c = &st->cand[ci];
    if (c->kind == PX_MENTION_ACRONYM || (c->type >= 0 && c->type != PX_ENT_PERSON)) continue;
    if (c->type == PX_ENT_PERSON && (c->ent < 0 || st->ent[c->ent].key_len != a->klen[ci])) continue;
    size_t n;
    const char *w = last_word(K(st, a->koff[ci]), a->klen[ci], &n);
    if (n != a->klen[ci]) continue; /* one word only */
    long best = -1;
    size_t pos = 0, dist = SIZE_MAX;
    for (long e; (e = emap_next(&a->by_last, px_hash(w, n, false), &pos)) >= 0;) {
      const px_eent *E = &st->ent[e];
      size_t m;
      const char *lw = last_word(K(st, E->key_off), E->key_len, &m);
      if (E->type != PX_ENT_PERSON || m != n || memcmp(lw, w, n) || e == c->ent) continue;
      size_t d = E->last_pos > c->start ? E->last_pos - c->start : c->start - E->last_pos;
      if (d < dist) dist = d, best = e;
    }
    if (best >= 0) {
      c->type = PX_ENT_PERSON;
      join(a, c, (size_t)best);
      continue;
    }
    if (c->ent >= 0) continue;
    /* "the Observatory" after "Vestrian Observatory for Press Freedom": the latest organisation
     * whose name has this word. */
    if (st->tk[c->t0].lex & PX_LX_ORG) {
      for (size_t e = st->n_ent; e-- > 0;) {
        const px_eent *E = &st->ent[e];
        const char *k = K(st, E->key_off), *f;
        if (E->type != PX_ENT_ORGANISATION || E->key_len <= n) continue;
        for (f = strstr(k, w); f; f = strstr(f + 1, w))
          if ((f == k || f[-1] == ' ') && (f[n] == ' ' || f[n] == '\0')) break;
        if (f && (best < 0 || E->last_pos > st->ent[best].last_pos)) best = (long)e;
      }
      if (best >= 0) {
        c->type = PX_ENT_ORGANISATION;
        join(a, c, (size_t)best);
        continue;
      }
    }
    /* Unknown single word: the entity of the same key, else a new one. */
    uint32_t h = px_hash(K(st, a->koff[ci]), a->klen[ci], false);
    pos = 0;
    for (long e; (e = emap_next(&a->by_key, h, &pos)) >= 0;)
      if (same_key(a, (size_t)e, a->koff[ci], a->klen[ci]) && st->ent[e].type != PX_ENT_GROUP) {
        best = e;
        break;
      }
    if (best < 0) {
      px_entity_type t = (c->ev & PX_EV_SPEECH) ? PX_ENT_PERSON : PX_ENT_ORGANISATION;
      if ((best = new_entity(a, c, ci, t)) < 0) return (int)best;
    }
    join(a, c, (size_t)best);
  }
  return PX_OK;
}

/* Whether acronym c could abbreviate name candidate d: same first letter, and every letter of the
 * acronym found in order among the capitals of the name. */
static bool spells(const px_estate *st, const px_ecand *c, const px_ecand *d) {
  const char *t = st->x->text;
  size_t i = c->start, j = d->start;
  while (i < c->end && !px_is_alpha((unsigned char)t[i])) i++;
  if (i >= c->end || px_lower((unsigned char)t[i]) != px_lower((unsigned char)t[j])) return false;
  for (; i < c->end; i++) {
    if (!px_is_alpha((unsigned char)t[i])) continue;
    while (j < d->end && px_lower((unsigned char)t[j]) != px_lower((unsigned char)t[i])) j++;
    if (j++ >= d->end) return false;
  }
  return true;
}

/* The name candidate an acronym is paired with by parentheses: "Long Name (LN)" or "LN (Long Name)". */
static long paired(const px_estate *st, size_t ci) {
  const px_ecand *c = &st->cand[ci];
  const px_xctx *x = st->x;
  if (ci > 0 && c->t0 >= 1 && x->text[x->tok[c->t0 - 1].start] == '(' && st->cand[ci - 1].t1 == c->t0 - 1 &&
      st->cand[ci - 1].kind == PX_MENTION_NAME && spells(st, c, &st->cand[ci - 1]))
    return (long)ci - 1;
  if (ci + 1 < st->n_cand && c->t1 < x->n_tok && x->text[x->tok[c->t1].start] == '(' &&
      st->cand[ci + 1].t0 == c->t1 + 1 && st->cand[ci + 1].kind == PX_MENTION_NAME &&
      spells(st, c, &st->cand[ci + 1]))
    return (long)ci + 1;
  return -1;
}

/* 3. Acronyms. */
static int pass_acronyms(actx *a) {
  px_estate *st = a->st;
  for (size_t ci = 0; ci < st->n_cand; ci++) {
    px_ecand *c = &st->cand[ci];
    if (c->kind != PX_MENTION_ACRONYM) continue;
    const char *k = K(st, a->koff[ci]);
    size_t n = a->klen[ci], pos = 0;
    uint32_t h = px_hash(k, n, false);
    long best = -1, p = paired(st, ci);
    if (p >= 0 && st->cand[p].ent >= 0) best = st->cand[p].ent;
    /* An acronym seen before (which may already have found its expansion). */
    for (long v; best < 0 && (v = emap_next(&a->by_acr, h, &pos)) >= 0;)
      if (a->klen[v] == n && !memcmp(K(st, a->koff[v]), k, n)) best = st->cand[v].ent;
    pos = 0;
    for (long e; best < 0 && (e = emap_next(&a->by_initials, h, &pos)) >= 0;) best = e;
    const char *exp = px_gz_expansion(c->gzlink);
    if (best < 0 && exp) {
      /* The gazetteer's expansion, as a name already in the text or as a new entity. */
      size_t off = st->arena.len, len;
      px_ecand tmp = *c;
      tmp.kind = PX_MENTION_NAME;
      int link = 0;
      unsigned gz = px_gz_classes(exp, strlen(exp), &link);
      if (gz & PX_GZ_COUNTRY) {
        tmp.type = PX_ENT_PLACE, tmp.gzlink = link;
        if (cand_key(st, &tmp, &off, &len)) return PX_ENOMEM;
      } else {
        tmp.type = PX_ENT_ORGANISATION;
        for (const char *q = exp; *q; q++)
          if (*q != '.' && *q != '\'' && px_buf_putc(&st->arena, (char)px_lower((unsigned char)*q)))
            return PX_ENOMEM;
        len = st->arena.len - off;
        if (px_buf_putc(&st->arena, '\0')) return PX_ENOMEM;
      }
      pos = 0;
      for (long e; best < 0 && (e = emap_next(&a->by_key, px_hash(K(st, off), len, false), &pos)) >= 0;)
        if (same_key(a, (size_t)e, off, len)) best = e;
      if (best < 0) {
        const char *name = tmp.type == PX_ENT_PLACE ? px_gz_country(link) : exp;
        if ((best = px_e_new_entity(st, (px_entity_type)tmp.type, name, strlen(name))) < 0) return (int)best;
        st->ent[best].name_static = true;
        st->ent[best].key_off = off, st->ent[best].key_len = len;
        if (index_entity(a, (size_t)best)) return PX_ENOMEM;
      }
    }
    if (best < 0 && (best = new_entity(a, c, ci, c->type >= 0 ? (px_entity_type)c->type : PX_ENT_ORGANISATION)) < 0)
      return (int)best;
    join(a, c, (size_t)best);
    if (emap_add(&a->by_acr, h, ci)) return PX_ENOMEM;
  }
  return PX_OK;
}

/* Names, roles and affiliations of the entities, and the candidates' mentions. */
static int finish(actx *a) {
  px_estate *st = a->st;
  const px_xctx *x = st->x;
  for (size_t ci = 0; ci < st->n_cand; ci++) {
    const px_ecand *c = &st->cand[ci];
    if (c->ent < 0) continue;
    px_eent *E = &st->ent[c->ent];
    /* The longest full form names it; a country keeps its everyday name. */
    const char *country = E->type == PX_ENT_PLACE && c->kind == PX_MENTION_NAME ? px_gz_country(c->gzlink) : NULL;
    if (country && !E->name_static) {
      E->src = country, E->len = strlen(country), E->name_static = true;
    } else if (!E->name_static && c->kind == PX_MENTION_NAME && c->end - c->start > E->len) {
      E->src = x->text + c->start, E->len = c->end - c->start;
    } else if (E->name_static && !country && E->type != PX_ENT_PLACE && c->kind == PX_MENTION_NAME &&
               c->end - c->start > E->len) {
      E->src = x->text + c->start, E->len = c->end - c->start, E->name_static = false;
    }
    if (c->role_end > c->role_start && !E->role) {
      E->role = px_doc_intern(x->doc, x->text + c->role_start, c->role_end - c->role_start);
      if (!E->role) return PX_ENOMEM;
      if (c->aff_cand >= 0) E->aff_ent = st->cand[c->aff_cand].ent;
      if (c->country) E->country = c->country;
    }
    if (!E->country && c->country) E->country = c->country;
    int rc = px_e_push_mention(st, c->start, c->end, c->start, c->end, c->ent, (px_mention_kind)c->kind);
    if (rc) return rc;
  }
  /* Affiliation: the country of the role or the name, or the body the role belongs to. */
  for (size_t e = 0; e < st->n_ent; e++) {
    px_eent *E = &st->ent[e];
    if (E->type == PX_ENT_PLACE) continue;
    if (E->aff_ent >= 0 && (size_t)E->aff_ent != e) {
      const px_eent *A = &st->ent[E->aff_ent];
      E->affiliation = A->name_static ? A->src : px_doc_intern(x->doc, A->src, A->len);
      if (!E->affiliation) return PX_ENOMEM;
    } else if (E->country) {
      E->affiliation = px_gz_country(E->country);
    }
  }
  return PX_OK;
}

int px_e_alias(px_estate *st) {
  actx a = {.st = st};
  int rc = PX_OK;
  a.koff = malloc((st->n_cand + 1) * 2 * sizeof *a.koff);
  if (!a.koff) return PX_ENOMEM;
  a.klen = a.koff + st->n_cand + 1;
  for (size_t ci = 0; ci < st->n_cand && !rc; ci++) rc = cand_key(st, &st->cand[ci], &a.koff[ci], &a.klen[ci]);
  if (!rc) rc = pass_full(&a);
  if (!rc) rc = pass_short(&a);
  if (!rc) rc = pass_acronyms(&a);
  if (!rc) rc = finish(&a);
  free(a.koff);
  free(a.by_key.slot);
  free(a.by_last.slot);
  free(a.by_initials.slot);
  free(a.by_acr.slot);
  return rc;
}
