/* entities_groups.c - group nouns: actors named without a name ("rebels", "government forces",
 * "foreign and local militias", "the regime"), as group mentions.
 *
 * A head noun from data/group_nouns.txt is a label when it stands as a noun: not as a modifier
 * of the next noun ("rebel positions", "regime warplanes"), not as a verb ("it forces"), a
 * singular count noun only with a determiner or a modifier ("a rebel fighter", not "militant
 * held"), a side noun ("regime", "government", "opposition") only with "the", a possessive or a
 * modifier that names a side. The span is the head with its pre-modifiers (adjectives, nouns,
 * names, "X-backed" compounds, "A and B" pairs of adjectives), without determiners, possessors,
 * quantifiers, numbers or post-modifiers. Some heads need a modifier that makes them actors
 * ("armed groups", "rebel units"; not "human rights groups"). Names that contain the head
 * ("Vestrian Army", "Special Forces") are organisations, found by the names step. One group
 * entity stands for each label (modifiers and head lemma, in lower case). */
#include "entities.h"

#include <stdlib.h>
#include <string.h>

#define MAX_MODS 5

static const char *W(const px_estate *st, size_t i) { return st->x->text + st->x->tok[i].start; }

static bool word_is(const px_estate *st, size_t i, const char *w) { return px_x_tok_is(st->x, i, w); }

/* The next word reads as a noun the head modifies ("regime warplanes", "government control"). */
static bool nounish(const px_estate *st, size_t i) {
  const px_etok *t = &st->tk[i];
  if (!(t->flags & PX_ET_WORD) || (t->flags & (PX_ET_CAP | PX_ET_HYPH))) return false;
  if (t->lex & (PX_LX_DET | PX_LX_QUANT | PX_LX_STOP | PX_LX_CONN | PX_LX_SPEECH)) return false;
  if (t->lex & PX_LX_GROUP) return true;
  if (!t->lex) return !(t->wlen > 2 && !memcmp(W(st, i) + t->wlen - 2, "ed", 2)); /* unknown: a noun */
  if (!(t->lex & PX_LX_NOUN)) return false;
  if (!(t->lex & PX_LX_VERB)) return true;
  /* noun or verb: "controls", "fired", "advancing" read as verbs after a subject */
  const char *w = W(st, i);
  return !(w[t->wlen - 1] == 's' || (t->wlen > 2 && !memcmp(w + t->wlen - 2, "ed", 2)) ||
           (t->wlen > 4 && !memcmp(w + t->wlen - 3, "ing", 3)));
}

static bool ing_verb(const px_estate *st, size_t i) {
  const px_etok *t = &st->tk[i];
  return (t->lex & PX_LX_VERB) && !(t->lex & PX_LX_ADJ) && t->wlen > 4 && !memcmp(W(st, i) + t->wlen - 3, "ing", 3);
}

/* A word that may stand before the head as its modifier. */
static bool modifier(const px_estate *st, size_t i) {
  const px_etok *t = &st->tk[i];
  if (!(t->flags & PX_ET_WORD) || (t->flags & PX_ET_POSS)) return false;
  if (t->lex & (PX_LX_DET | PX_LX_QUANT | PX_LX_STOP | PX_LX_CONN | PX_LX_SPEECH | PX_LX_MONTH)) {
    if (!(t->flags & PX_ET_ALLCAP)) return false; /* "US" is not "us" */
  }
  /* A capital at a sentence start says nothing: judge the word as in lower case ("Later"). */
  if ((t->flags & (PX_ET_START | PX_ET_ALLCAP)) == PX_ET_START && t->lex && !(t->flags & PX_ET_NAME) &&
      !(t->gz & (PX_GZ_DEMONYM | PX_GZ_ADJ)))
    return !(t->lex & PX_LX_ADV) && (t->lex & (PX_LX_ADJ | PX_LX_NOUN | PX_LX_GROUP)) &&
           (!(t->lex & PX_LX_PLURAL) || (t->lex & PX_LX_ADJ));
  if (t->flags & (PX_ET_HYPH | PX_ET_CAP)) return !(t->flags & PX_ET_SHOUT) || (t->flags & PX_ET_TITLE);
  if (t->lex & PX_LX_GROUP) return true;
  if (t->lex & PX_LX_ADJ) return true;
  if ((t->lex & PX_LX_NOUN) && !(t->lex & PX_LX_PLURAL)) return true;
  if (!t->lex) {
    /* An unknown word: an adjective by its ending ("heterogenous", "imperialist"). */
    static const char *const ends[] = {"ist", "al", "ic", "ive", "ous", "an", "ary", "ish", "ite", "ed", NULL};
    const char *w = W(st, i);
    for (const char *const *e = ends; *e; e++) {
      size_t k = strlen(*e);
      if (t->wlen > k + 2 && !memcmp(w + t->wlen - k, *e, k)) return true;
    }
  }
  return false;
}

/* An adjective-like word that can stand in an "A and B" pair of modifiers. */
static bool coord_adj(const px_estate *st, size_t i) {
  const px_etok *t = &st->tk[i];
  if (!modifier(st, i)) return false;
  if ((t->flags & PX_ET_CAP) && (t->gz & (PX_GZ_DEMONYM | PX_GZ_ADJ))) return true;
  if ((t->flags & PX_ET_CAP) && !(t->flags & (PX_ET_START | PX_ET_TITLE))) return false;
  return (t->lex & PX_LX_ADJ) && !(t->lex & PX_LX_PLURAL) && !(t->lex & PX_LX_GROUP);
}

/* Token k is a hyphen glued to the words on both sides. */
static bool glued_hyphen(const px_estate *st, size_t k) {
  const px_xctx *x = st->x;
  return x->tok[k].kind == PX_TOK_PUNCT && px_x_tok_len(x, k) == 1 && x->text[x->tok[k].start] == '-' &&
         x->tok[k - 1].end == x->tok[k].start && k + 1 < x->n_tok && x->tok[k].end == x->tok[k + 1].start;
}

/* First token of the modifiers before head h (h when none). */
static size_t modifiers(const px_estate *st, size_t h) {
  size_t m = h;
  while (m > 0 && h - m < MAX_MODS) {
    size_t k = m - 1;
    /* "U.S.-backed": a compound the tokenizer cut at the hyphen */
    if (k >= 2 && m < h + 1 && glued_hyphen(st, k) && (st->tk[k - 1].flags & PX_ET_WORD) &&
        (st->tk[m].lex & PX_LX_VERB) && m + 1 <= h) {
      m = k - 1;
      continue;
    }
    if (!px_e_adjacent(st, k)) break;
    if (ing_verb(st, k) ? k + 1 == h && !(st->tk[k].flags & PX_ET_CAP) : modifier(st, k)) {
      m = k;
      continue;
    }
    /* An adverb only before an adjective ("mutually hostile"). */
    if ((st->tk[k].lex & PX_LX_ADV) && !(st->tk[k].lex & (PX_LX_STOP | PX_LX_QUANT | PX_LX_DET)) && m < h &&
        modifier(st, m) && !(st->tk[m].lex & (PX_LX_GROUP | PX_LX_PLURAL)) && !(st->tk[m].flags & PX_ET_CAP)) {
      m = k;
      continue;
    }
    /* "foreign and local", "Vestrian and Tarsan", "hostile and mutually suspicious" */
    size_t r = m < h && (st->tk[m].lex & PX_LX_ADV) && !(st->tk[m].lex & PX_LX_ADJ) ? m + 1 : m;
    if ((word_is(st, k, "and") || word_is(st, k, "or")) && k > 0 && r < h && coord_adj(st, r) &&
        px_e_adjacent(st, k - 1) && coord_adj(st, k - 1)) {
      m = k - 1;
      continue;
    }
    break;
  }
  /* The modifiers never start inside a name: take the whole name. */
  if (m < h) {
    /* candidates are in text order: the last one starting at or before m */
    size_t lo = 0, hi = st->n_cand;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (st->cand[mid].t0 <= m) lo = mid + 1;
      else hi = mid;
    }
    for (size_t c = lo; c-- > 0 && lo - c <= 2;) {
      const px_ecand *p = &st->cand[c];
      if (p->t0 < m && m < p->t1 && p->ent >= 0) m = p->t0;
    }
  }
  /* A sentence's first word with a capital is a modifier only if it is one in lower case. */
  while (m < h && (st->tk[m].flags & PX_ET_START) && !(st->tk[m].flags & PX_ET_ALLCAP) &&
         (st->tk[m].lex & (PX_LX_DET | PX_LX_QUANT | PX_LX_STOP)))
    m++;
  return m;
}

/* Whether a modifier in [m, h) makes a needmod head an actor. */
static bool actor_modifier(const px_estate *st, size_t m, size_t h) {
  for (size_t k = m; k < h; k++) {
    const px_etok *t = &st->tk[k];
    if (t->lex & PX_LX_GROUP) return true;
    if (k > m && glued_hyphen(st, k - 1) &&
        (word_is(st, k, "backed") || word_is(st, k, "led") || word_is(st, k, "linked") || word_is(st, k, "aligned")))
      return true;
    if (t->flags & PX_ET_HYPH) {
      const char *w = W(st, k), *d = memchr(w, '-', t->wlen);
      if (d && (strstr(w, "-backed") == d || strstr(w, "-led") == d || strstr(w, "-linked") == d ||
                strstr(w, "-affiliated") == d || strstr(w, "-aligned") == d || strstr(w, "-allied") == d))
        return true;
    }
  }
  return false;
}

/* The head is used as a verb: "it forces", "to police", "will rebel". */
static bool verb_use(const px_estate *st, size_t h) {
  if (!(st->tk[h].lex & PX_LX_VERB) || h == 0 || !px_e_adjacent(st, h - 1)) return false;
  static const char *const before[] = {"to", "he", "she", "it", "they", "we", "i", "you", "who", "will",
                                       "would", "can", "could", "should", "must", "may", "might",
                                       "did", "does", "do", "not", NULL};
  return px_x_tok_in(st->x, h - 1, before);
}

/* Group entities by label: hash << 32 | (entity + 1). */
typedef struct gmap {
  uint64_t *slot;
  size_t mask, n;
} gmap;

/* Adds the mention of label [m, h] to the entity of its normalised label. */
static int add_label(px_estate *st, gmap *gm, size_t m, size_t h, const px_group_noun *g) {
  const px_xctx *x = st->x;
  px_buf *b = &st->arena;
  size_t off = b->len;
  for (size_t k = m; k < h; k++) {
    const char *w = W(st, k);
    for (size_t j = 0; j < px_x_tok_len(x, k); j++)
      if (px_buf_putc(b, (char)px_lower((unsigned char)w[j]))) return PX_ENOMEM;
    if (px_buf_putc(b, ' ')) return PX_ENOMEM;
  }
  if (px_buf_puts(b, g->lemma)) return PX_ENOMEM;
  size_t len = b->len - off;
  uint32_t hash = px_hash(b->data + off, len, false);
  if (2 * (gm->n + 1) > gm->mask + 1 || !gm->slot) {
    size_t size = gm->slot ? (gm->mask + 1) * 2 : 64;
    uint64_t *s = calloc(size, sizeof *s);
    if (!s) return PX_ENOMEM;
    for (size_t i = 0; gm->slot && i <= gm->mask; i++)
      if (gm->slot[i]) {
        size_t k = (gm->slot[i] >> 32) & (size - 1);
        while (s[k]) k = (k + 1) & (size - 1);
        s[k] = gm->slot[i];
      }
    free(gm->slot);
    gm->slot = s, gm->mask = size - 1;
  }
  long e = -1;
  size_t k = hash & gm->mask;
  for (; gm->slot[k]; k = (k + 1) & gm->mask) {
    if ((uint32_t)(gm->slot[k] >> 32) != hash) continue;
    const px_eent *E = &st->ent[(gm->slot[k] & 0xFFFFFFFFu) - 1];
    if (E->key_len == len && !memcmp(b->data + E->key_off, b->data + off, len)) {
      e = (long)(gm->slot[k] & 0xFFFFFFFFu) - 1;
      break;
    }
  }
  size_t start = x->tok[m].start, hs = x->tok[h].start, he = hs + st->tk[h].wlen;
  if (e < 0) {
    if ((e = px_e_new_entity(st, PX_ENT_GROUP, x->text + start, he - start)) < 0) return (int)e;
    st->ent[e].key_off = off, st->ent[e].key_len = len, st->ent[e].head = g->lemma;
    gm->slot[k] = (uint64_t)hash << 32 | (uint64_t)(e + 1);
    gm->n++;
  } else {
    b->len = off;
  }
  return px_e_push_mention(st, start, he, hs, he, (int32_t)e, PX_MENTION_GROUP);
}

/* Adds the label with head h if it is one. */
static int group_at(px_estate *st, gmap *gm, size_t h, const px_group_noun *g) {
  const px_xctx *x = st->x;
  const px_etok *t = &st->tk[h];
  if (g->cls == PX_GN_ACTORMOD || (t->flags & (PX_ET_NAME | PX_ET_HYPH))) return PX_OK;
  bool poss = (t->flags & PX_ET_POSS) != 0;
  if (!poss && h + 1 < x->n_tok && px_e_adjacent(st, h) && (g->plural != 1 || (st->tk[h + 1].lex & PX_LX_GROUP)) &&
      nounish(st, h + 1))
    return PX_OK;
  if (verb_use(st, h)) return PX_OK;
  size_t m = modifiers(st, h);
  bool det = m > 0 && px_e_adjacent(st, m - 1) &&
             ((st->tk[m - 1].lex & (PX_LX_DET | PX_LX_QUANT)) || (st->tk[m - 1].flags & PX_ET_POSS));
  bool capmod = false;
  for (size_t k = m; k < h; k++) capmod |= (st->tk[k].flags & (PX_ET_CAP | PX_ET_HYPH)) != 0;
  if (g->cls == PX_GN_NEEDMOD && !actor_modifier(st, m, h)) return PX_OK;
  /* "several military mistakes": a quantifier of plurals before a singular head */
  static const char *const plural_q[] = {"several", "many", "few", "both", "various", "numerous", "two",
                                         "three", "four", "five", "six", "seven", "eight", "nine", "ten", NULL};
  if (!g->plural && m > 0 && px_e_adjacent(st, m - 1) && px_x_tok_in(x, m - 1, plural_q)) return PX_OK;
  /* "the military and organisational": the head is an adjective in a pair */
  if (!g->plural && h + 2 < x->n_tok && px_e_adjacent(st, h) && (word_is(st, h + 1, "and") || word_is(st, h + 1, "or")) &&
      coord_adj(st, h + 2))
    return PX_OK;
  /* "a war against regime": a side noun alone after a preposition */
  static const char *const preps[] = {"for", "against", "with", "by", "from", NULL};
  bool prep = m == h && h > 0 && px_e_adjacent(st, h - 1) && px_x_tok_in(x, h - 1, preps);
  if (g->cls == PX_GN_SIDE && !det && !capmod && !prep && !actor_modifier(st, m, h) && !(t->flags & PX_ET_START))
    return PX_OK;
  if (!g->plural && g->cls != PX_GN_SIDE && m == h && !det && !(t->flags & PX_ET_START)) return PX_OK;
  return add_label(st, gm, m, h, g);
}

int px_e_groups(px_estate *st) {
  const px_xctx *x = st->x;
  gmap gm = {0};
  int rc = PX_OK;
  for (size_t c = 0; c < st->n_cand; c++)
    if (st->cand[c].ent >= 0)
      for (size_t k = st->cand[c].t0; k < st->cand[c].t1; k++) st->tk[k].flags |= PX_ET_NAME;
  for (size_t i = 0; i < x->n_tok && !rc; i++) {
    if (!(st->tk[i].lex & PX_LX_GROUP)) continue;
    const px_group_noun *g = px_lex_group(W(st, i), st->tk[i].wlen);
    if (g) rc = group_at(st, &gm, i, g);
  }
  free(gm.slot);
  return rc;
}
