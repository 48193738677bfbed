/* entities.c - the entities stage: people, organisations, places and group nouns with their
 * mentions (see entities.h for the parts).
 *
 * Steps: classify every token once (word classes, capitals, headline and all-capitals stretches,
 * possessives); collect the words seen capitalised inside sentences of running text (a capital
 * at a sentence start or in a title-case line says little, Mikheev et al. 1999); find names;
 * join them into entities; find group nouns; then write entities in order of first mention and
 * mentions in text order. */
#include "entities.h"

#include <stdlib.h>
#include <string.h>

#define GROW(arr, n, cap)                                                          \
  do {                                                                             \
    if ((n) == (cap)) {                                                            \
      size_t nc_ = (cap) ? (cap) * 2 : 64;                                         \
      void *p_ = realloc((arr), nc_ * sizeof *(arr));                              \
      if (!p_) return PX_ENOMEM;                                                   \
      (arr) = p_;                                                                  \
      (cap) = nc_;                                                                 \
    }                                                                              \
  } while (0)

int px_e_push_cand(px_estate *st, const px_ecand *c) {
  GROW(st->cand, st->n_cand, st->cap_cand);
  st->cand[st->n_cand++] = *c;
  return PX_OK;
}

int px_e_push_mention(px_estate *st, size_t start, size_t end, size_t hs, size_t he, int32_t ent,
                      px_mention_kind kind) {
  GROW(st->men, st->n_men, st->cap_men);
  st->men[st->n_men++] = (px_emention){start, end, hs, he, ent, (uint8_t)kind};
  return PX_OK;
}

long px_e_new_entity(px_estate *st, px_entity_type type, const char *src, size_t n) {
  GROW(st->ent, st->n_ent, st->cap_ent);
  st->ent[st->n_ent] = (px_eent){.type = type, .src = src, .len = n, .aff_ent = -1};
  return (long)st->n_ent++;
}

bool px_e_adjacent(const px_estate *st, size_t i) {
  const px_xctx *x = st->x;
  if (i + 1 >= x->n_tok || x->tok[i].aux != x->tok[i + 1].aux) return false;
  for (size_t p = x->tok[i].end; p < x->tok[i + 1].start; p++) {
    unsigned char c = (unsigned char)x->text[p];
    if (c != ' ' && c != '\t' && c != 0xC2 && c != 0xA0) return false; /* also U+00A0 */
  }
  return true;
}

/* ---- words seen capitalised inside sentences ---- */

static uint64_t hash64(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
  return h | 1; /* 0 marks an empty slot */
}

bool px_e_capseen(const px_estate *st, const char *s, size_t n) {
  if (!st->capseen) return false;
  uint64_t h = hash64(s, n);
  for (size_t i = h & st->capseen_mask;; i = (i + 1) & st->capseen_mask) {
    if (st->capseen[i] == h) return true;
    if (!st->capseen[i]) return false;
  }
}

static int collect_capseen(px_estate *st) {
  const px_xctx *x = st->x;
  size_t n = 0;
  for (size_t i = 0; i < x->n_tok; i++)
    if ((st->tk[i].flags & (PX_ET_CAP | PX_ET_START | PX_ET_TITLE | PX_ET_SHOUT)) == PX_ET_CAP) n++;
  size_t size = 64;
  while (size < n * 2) size *= 2;
  st->capseen = calloc(size, sizeof *st->capseen);
  if (!st->capseen) return PX_ENOMEM;
  st->capseen_mask = size - 1;
  for (size_t i = 0; i < x->n_tok; i++) {
    if ((st->tk[i].flags & (PX_ET_CAP | PX_ET_START | PX_ET_TITLE | PX_ET_SHOUT)) != PX_ET_CAP)
      continue;
    uint64_t h = hash64(x->text + x->tok[i].start, st->tk[i].wlen);
    size_t k = h & st->capseen_mask;
    while (st->capseen[k] && st->capseen[k] != h) k = (k + 1) & st->capseen_mask;
    st->capseen[k] = h;
  }
  return PX_OK;
}

/* ---- token classes ---- */

/* Length of the word without a possessive ending ('s, ’s, s', s’). */
static size_t strip_possessive(const char *w, size_t n, bool *poss) {
  *poss = false;
  if (n > 2 && w[n - 1] == 's' && w[n - 2] == '\'') return *poss = true, n - 2;
  if (n > 4 && w[n - 1] == 's' && (unsigned char)w[n - 2] == 0x99 && (unsigned char)w[n - 3] == 0x80 &&
      (unsigned char)w[n - 4] == 0xE2)
    return *poss = true, n - 4;
  if (n > 2 && w[n - 1] == '\'' && w[n - 2] == 's') return *poss = true, n - 1;
  if (n > 4 && (unsigned char)w[n - 1] == 0x99 && (unsigned char)w[n - 2] == 0x80 &&
      (unsigned char)w[n - 3] == 0xE2 && w[n - 4] == 's')
    return *poss = true, n - 3;
  return n;
}

/* Lower-case name particles that open a name: "al-Homsi", "el-Badri", "bin-X". */
static bool particle_name(const char *w, size_t n) {
  static const char *const parts[] = {"al-", "el-", "ad-", "an-", "as-", "ash-", "at-", "az-", "ar-",
                                      "abu-", "bin-", "ibn-", "d'", NULL};
  if (n < 3 || !strchr("aebid", w[0]) || (w[1] != '-' && w[2] != '-' && w[3 < n ? 3 : 0] != '-' && w[1] != '\''))
    return false;
  for (const char *const *p = parts; *p; p++) {
    size_t k = strlen(*p);
    if (n > k && memcmp(w, *p, k) == 0 && px_is_upper((unsigned char)w[k])) return true;
  }
  return false;
}

static void classify_word(px_estate *st, size_t i) {
  const px_xctx *x = st->x;
  px_etok *t = &st->tk[i];
  const char *w = x->text + x->tok[i].start;
  size_t n = px_x_tok_len(x, i);
  bool poss;
  size_t wl = strip_possessive(w, n, &poss);
  t->flags |= PX_ET_WORD | (poss ? PX_ET_POSS : 0);
  t->wlen = (uint8_t)(wl > 255 ? 255 : wl);
  t->lex = wl <= 40 ? px_lex_classes(w, wl) : 0;
  if (px_x_tok_capitalised(x, i) || particle_name(w, wl)) t->flags |= PX_ET_CAP;
  size_t up = 0, low = 0;
  const char *hy = NULL;
  for (size_t k = 0; k < wl; k++) {
    unsigned char c = (unsigned char)w[k];
    up += px_is_upper(c), low += px_is_lower(c);
    if (c == '-') hy = w + k;
  }
  if (up >= 2 && low == 0) t->flags |= PX_ET_ALLCAP;
  /* "US-backed", "Turkish-led": a modifier, not a name; "al-Homsi", "Guinea-Bissau" are names. */
  if (hy && hy + 1 < w + wl && px_is_lower((unsigned char)hy[1]) && !particle_name(w, wl))
    t->flags |= PX_ET_HYPH;
  if ((t->flags & PX_ET_CAP) && wl <= 120) t->gz = (uint8_t)px_gz_classes(w, wl, NULL);
}

/* Marks set by the token after a word: a glued apostrophe after s ("Workers' ") is a plural
 * possessive; a glued hyphen before a lower-case word ("U.S.-backed") makes a modifier. */
static void mark_glued(px_estate *st) {
  const px_xctx *x = st->x;
  for (size_t i = 0; i + 1 < x->n_tok; i++) {
    if (!(st->tk[i].flags & PX_ET_WORD) || x->tok[i + 1].kind != PX_TOK_PUNCT || x->tok[i + 1].start != x->tok[i].end)
      continue;
    const char *c = x->text + x->tok[i + 1].start;
    size_t n = px_x_tok_len(x, i + 1);
    if ((n == 1 && *c == '\'') || (n == 3 && !memcmp(c, "\xE2\x80\x99", 3))) {
      if (x->text[x->tok[i].end - 1] == 's') st->tk[i].flags |= PX_ET_POSS;
    } else if (n == 1 && *c == '-' && i + 2 < x->n_tok && x->tok[i + 2].start == x->tok[i + 1].end &&
               px_is_lower((unsigned char)x->text[x->tok[i + 2].start])) {
      st->tk[i].flags |= PX_ET_HYPH;
    }
  }
}

/* Marks title-case and all-capitals paragraphs and sentence starts. */
static void classify_paragraphs(px_estate *st) {
  const px_xctx *x = st->x;
  size_t i = 0;
  for (size_t p = 0; p < x->n_para; p++) {
    size_t first = i, words = 0, caps = 0, allcaps = 0;
    for (; i < x->n_tok && x->tok[i].start < x->para[p].end; i++) {
      const px_etok *t = &st->tk[i];
      if (!(t->flags & PX_ET_WORD) || t->wlen < 2) continue;
      if (t->lex & (PX_LX_DET | PX_LX_STOP | PX_LX_CONN | PX_LX_QUANT) && !(t->flags & PX_ET_ALLCAP))
        continue; /* "of", "the", "and" stay lower case in title case */
      words++;
      caps += (t->flags & PX_ET_CAP) != 0;
      allcaps += (t->flags & PX_ET_ALLCAP) != 0;
    }
    /* A short line of capitalised words without a final stop is a heading too. */
    size_t e = x->para[p].end;
    while (e > x->para[p].start && px_is_space((unsigned char)x->text[e - 1])) e--;
    bool stop = e > x->para[p].start && (x->text[e - 1] == '.' || x->text[e - 1] == '!');
    bool title = x->para[p].kind == PX_PARA_HEADLINE || x->para[p].kind == PX_PARA_HEADING ||
                 (!stop && words >= 2 && caps * 10 >= words * 8);
    bool shout = words >= 2 && allcaps * 10 >= words * 6;
    for (size_t k = first; k < i; k++)
      st->tk[k].flags |= (title ? PX_ET_TITLE : 0) | (shout ? PX_ET_SHOUT : 0);
  }
  /* All-capitals runs inside running text ("PORT CALDER, Nov. 16"): two all-capitals words
   * side by side, one of them a common word, are shouting, not acronyms. */
  for (size_t k = 0; k + 1 < x->n_tok; k++) {
    px_etok *a = &st->tk[k], *b = &st->tk[k + 1];
    if ((a->flags & b->flags & PX_ET_ALLCAP) && px_e_adjacent(st, k) &&
        ((a->lex | b->lex) & PX_LX_COMMON) && a->wlen + b->wlen >= 6) {
      a->flags |= PX_ET_SHOUT;
      b->flags |= PX_ET_SHOUT;
    }
  }
  /* Sentence starts: the first word of a sentence, or the first after an opening quotation mark,
   * a colon or a dash that opens a new clause. */
  bool start = true;
  uint32_t sent = UINT32_MAX;
  for (size_t k = 0; k < x->n_tok; k++) {
    if (x->tok[k].aux != sent) start = true, sent = x->tok[k].aux;
    if (st->tk[k].flags & PX_ET_WORD) {
      if (start) st->tk[k].flags |= PX_ET_START;
      start = false;
    } else if (x->tok[k].kind == PX_TOK_PUNCT) {
      const char *c = x->text + x->tok[k].start;
      size_t n = px_x_tok_len(x, k);
      if (*c == ':' || *c == '"' || *c == '(' || (*c == '-' && n == 1 && k > 0 && x->tok[k - 1].end < x->tok[k].start) ||
          (n == 3 && (!memcmp(c, "\xE2\x80\x9C", 3) || !memcmp(c, "\xE2\x80\x98", 3) ||
                      !memcmp(c, "\xE2\x80\x94", 3) || !memcmp(c, "\xE2\x80\x93", 3))) ||
          *c == '\'')
        start = true;
    } else if (x->tok[k].kind == PX_TOK_NUMBER)
      start = false;
  }
}

/* ---- output ---- */

static int cmp_mention(const void *a, const void *b) {
  const px_emention *p = a, *q = b;
  if (p->start != q->start) return p->start < q->start ? -1 : 1;
  if (p->end != q->end) return p->end > q->end ? -1 : 1; /* the longer first */
  return p->kind < q->kind ? -1 : p->kind > q->kind;
}

/* Writes entities in order of first mention and mentions in text order. */
static int emit(px_estate *st) {
  px_xctx *x = st->x;
  if (!st->n_men) return PX_OK;
  qsort(st->men, st->n_men, sizeof *st->men, cmp_mention);
  int32_t *map = malloc((st->n_ent + 1) * 2 * sizeof *map), *order = map + st->n_ent + 1;
  if (!map) return PX_ENOMEM;
  for (size_t e = 0; e < st->n_ent; e++) map[e] = -1;
  int32_t next = 0;
  for (size_t m = 0; m < st->n_men; m++)
    if (map[st->men[m].ent] < 0) order[next] = st->men[m].ent, map[st->men[m].ent] = next++;
  long base = 0;
  size_t n_before = 0;
  px_doc_entities(x->doc, &n_before);
  base = (long)n_before;
  int rc = PX_OK;
  for (int32_t k = 0; k < next && !rc; k++) {
    const px_eent *E = &st->ent[order[k]];
    px_entity out = {.type = E->type, .name = E->name_static ? E->src : px_doc_intern(x->doc, E->src, E->len),
                     .role = E->role, .affiliation = E->affiliation, .head = E->head};
    if (!out.name) rc = PX_ENOMEM;
    else if (px_doc_push_entity(x->doc, &out) < 0) rc = PX_ENOMEM;
  }
  size_t m0 = 0;
  px_doc_mentions(x->doc, &m0);
  for (size_t m = 0; m < st->n_men && !rc; m++) {
    const px_emention *M = &st->men[m];
    px_mention out = {.start = M->start, .end = M->end, .entity = (int32_t)(base + map[M->ent]),
                      .kind = (px_mention_kind)M->kind, .head_start = M->head_start,
                      .head_end = M->head_end, .sentence = px_x_sentence_at(x, M->start),
                      .in_quote = px_x_in_quote(x, M->start)};
    if (px_doc_push_mention(x->doc, &out) < 0) rc = PX_ENOMEM;
  }
  free(map);
  if (rc) return rc;
  size_t ne = 0, nm = 0;
  px_entity *E = px_doc_entities_mut(x->doc, &ne);
  const px_mention *M = px_doc_mentions(x->doc, &nm);
  for (size_t m = nm; m-- > m0;) {
    px_entity *e = &E[M[m].entity];
    e->first_mention = m;
    e->mention_count++;
  }
  return PX_OK;
}

int px_x_entities(px_xctx *x) {
  px_estate st = {.x = x};
  int rc = PX_OK;
  if (x->n_tok == 0) return PX_OK;
  st.tk = calloc(x->n_tok, sizeof *st.tk);
  if (!st.tk) return PX_ENOMEM;
  for (size_t i = 0; i < x->n_tok; i++)
    if (x->tok[i].kind == PX_TOK_WORD) classify_word(&st, i);
  mark_glued(&st);
  classify_paragraphs(&st);
  rc = collect_capseen(&st);
  if (!rc) rc = px_e_names(&st);
  if (!rc) rc = px_e_alias(&st);
  if (!rc) rc = px_e_groups(&st);
  if (!rc) rc = emit(&st);
  free(st.tk);
  free(st.cand);
  free(st.ent);
  free(st.men);
  free(st.capseen);
  px_buf_free(&st.arena);
  return rc;
}
