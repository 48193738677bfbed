/* entities_names.c - names: runs of capitalised words cut into a title or role and a name, and
 * typed as person, organisation or place.
 *
 * A run is capitalised words side by side in one sentence, joined by name particles ("bin",
 * "von", "al") and, inside organisation and place names, by "of", "for", "on" and "the"
 * ("Ministry of Health", "Observatory for Press Freedom"). A possessive ends it ("Vestria's").
 * A capital that starts a sentence or stands in a title-case line is trusted only for a word that
 * is not a common English word, is in the gazetteer, or is seen capitalised inside sentences.
 * Leading demonyms, titles and role words become the role and affiliation ("Vestrian Interior
 * Minister Tomas Brekke" -> person "Tomas Brekke", role "Interior Minister", affiliation
 * Vestria); a role written in lower case before the name or in apposition after it counts too
 * ("union leader X", "X, the foreign minister,"). */
#include "entities.h"

#include <string.h>

#define MAX_RUN 12

static const char *W(const px_estate *st, size_t i) { return st->x->text + st->x->tok[i].start; }

/* The word is trusted as a name although its capital may only mark a sentence start or title case. */
static bool trusted(const px_estate *st, size_t i) {
  const px_etok *t = &st->tk[i];
  if (t->flags & PX_ET_ALLCAP) return true;
  if (t->gz & (PX_GZ_PLACE | PX_GZ_FIRST | PX_GZ_DEMONYM | PX_GZ_ORG)) return true;
  /* A word of the lexicon ("Airstrikes" too, by its singular) is trusted only when seen
   * capitalised inside a sentence. */
  const char *w = W(st, i);
  bool known = t->lex != 0 || (t->wlen > 3 && w[t->wlen - 1] == 's' && px_lex_classes(w, t->wlen - 1));
  return !known || px_e_capseen(st, w, t->wlen);
}

/* A capitalised word that can be part of a name, wherever it stands. */
static bool name_word(const px_estate *st, size_t i) {
  const px_etok *t = &st->tk[i];
  if ((t->flags & (PX_ET_WORD | PX_ET_CAP | PX_ET_SHOUT | PX_ET_HYPH)) != (PX_ET_WORD | PX_ET_CAP))
    return false;
  if (!(t->flags & PX_ET_ALLCAP) && (t->lex & (PX_LX_DET | PX_LX_QUANT | PX_LX_STOP | PX_LX_MONTH)))
    return false;
  if ((t->flags & PX_ET_TITLE) && !trusted(st, i)) return false;
  return true;
}

static bool is_word(const px_estate *st, size_t i, const char *w) {
  return i < st->x->n_tok && px_x_tok_is(st->x, i, w);
}

/* Number of connector tokens at i that lead to a name word (0 when none): particles always,
 * "of/for/on/the" only inside a name that already has an organisation, role or place word. */
static size_t connector(const px_estate *st, size_t i, bool orgish) {
  size_t k = i;
  while (k < st->x->n_tok && k < i + 2 && px_e_adjacent(st, k - 1)) {
    const px_etok *t = &st->tk[k];
    if (st->x->tok[k].kind == PX_TOK_SYMBOL && *W(st, k) == '&' && orgish) {
      k++;
      continue;
    }
    if (!(t->flags & PX_ET_WORD) || !(t->lex & PX_LX_CONN)) return 0;
    if ((t->flags & PX_ET_CAP) && !(t->flags & PX_ET_TITLE)) return 0;
    bool function = is_word(st, k, "of") || is_word(st, k, "for") || is_word(st, k, "on") ||
                    is_word(st, k, "the");
    if (function && !orgish) return 0;
    if (is_word(st, k, "the") && k == i) return 0; /* only "of the", "for the" */
    k++;
    if (k < st->x->n_tok && px_e_adjacent(st, k - 1) && name_word(st, k)) return k - i;
  }
  return 0;
}

/* A mark glued to the word before it: "." of "Gen." or "W.", the "'" of "Workers'". */
static bool glued(const px_estate *st, size_t k, char mark) {
  const px_xctx *x = st->x;
  if (k == 0 || k >= x->n_tok || x->tok[k].kind != PX_TOK_PUNCT || x->tok[k].start != x->tok[k - 1].end)
    return false;
  const char *c = x->text + x->tok[k].start;
  size_t n = px_x_tok_len(x, k);
  if (mark == '\'') return (n == 1 && *c == '\'') || (n == 3 && !memcmp(c, "\xE2\x80\x99", 3));
  return n == 1 && *c == mark;
}

/* Skips the period of an abbreviated title or an initial ("Gen. X", "George W. Bush") and the
 * apostrophe of a plural possessive inside a name ("Dock Workers' Union"): tokens to skip at b. */
static size_t inner_mark(const px_estate *st, size_t b, bool orgish) {
  const px_xctx *x = st->x;
  if (b + 1 >= x->n_tok || !px_e_adjacent(st, b) || !name_word(st, b + 1)) return 0;
  const px_etok *p = &st->tk[b - 1];
  if (glued(st, b, '.') && ((p->lex & PX_LX_HONORIFIC) || px_x_tok_len(x, b - 1) <= 3)) return 1;
  if (glued(st, b, '\'') && x->text[x->tok[b - 1].end - 1] == 's' && (st->tk[b + 1].lex & PX_LX_ORG))
    return 1;
  (void)orgish;
  return 0;
}

/* End (exclusive) of the run of name words starting at i. */
static size_t run_end(const px_estate *st, size_t i) {
  size_t b = i + 1;
  bool orgish = (st->tk[i].lex & (PX_LX_ORG | PX_LX_ROLE | PX_LX_PLACEKIND)) != 0;
  while (b < st->x->n_tok && b - i < MAX_RUN) {
    size_t skip = inner_mark(st, b, orgish);
    if (skip) {
      b += skip;
      continue;
    }
    if ((st->tk[b - 1].flags & PX_ET_POSS) || !px_e_adjacent(st, b - 1)) break;
    if (name_word(st, b)) {
      orgish |= (st->tk[b].lex & (PX_LX_ORG | PX_LX_ROLE | PX_LX_PLACEKIND)) != 0;
      b++;
      continue;
    }
    size_t c = connector(st, b, orgish);
    if (!c) break;
    b += c;
  }
  return b;
}

static bool any_lex(const px_estate *st, size_t a, size_t b, uint32_t cls) {
  for (size_t k = a; k < b; k++)
    if (st->tk[k].lex & cls) return true;
  return false;
}

static bool courtesy(const px_estate *st, size_t i) {
  return is_word(st, i, "mr") || is_word(st, i, "mrs") || is_word(st, i, "ms") ||
         is_word(st, i, "miss") || is_word(st, i, "mx");
}

/* Where the role part of run [a, b) ends: one past its last title or role word, when only
 * demonyms, countries, acronyms ("U.N."), role words and particles come before it; a when
 * there is none. *aff gets the token of a country or acronym the role belongs to, or -1. */
static size_t role_prefix(const px_estate *st, size_t a, size_t b, size_t *role_from, int *country,
                          long *aff) {
  size_t r = a;
  *role_from = a;
  *country = 0;
  *aff = -1;
  for (size_t k = a; k < b; k++) {
    const px_etok *t = &st->tk[k];
    if (t->lex & (PX_LX_ROLE | PX_LX_HONORIFIC)) r = k + 1;
    else if (t->lex & PX_LX_ROLEMOD) continue;
    else if (k == *role_from && (t->gz & PX_GZ_DEMONYM)) {
      px_gz_classes(W(st, k), t->wlen, country);
      (*role_from)++;
    } else if (k == *role_from && *aff < 0 && ((t->flags & PX_ET_ALLCAP) || (t->gz & PX_GZ_COUNTRY))) {
      *aff = (long)k;
      (*role_from)++;
    } else if (glued(st, k, '.') && k > a && (st->tk[k - 1].lex & PX_LX_HONORIFIC)) {
      continue; /* "Gen." */
    } else break;
  }
  if (r == a) *role_from = a, *country = 0, *aff = -1;
  return r;
}

/* A role written in lower case just before token a ("union leader", "the U.N. envoy"):
 * sets the span and affiliation of c; returns whether there is one. */
static bool role_before(px_estate *st, size_t a, px_ecand *c) {
  if (a == 0 || !px_e_adjacent(st, a - 1)) return false;
  size_t r = a - 1;
  const px_etok *t = &st->tk[r];
  if (!(t->flags & PX_ET_WORD) || (t->flags & PX_ET_CAP) || !(t->lex & PX_LX_ROLE)) return false;
  size_t from = r;
  while (from > 0 && a - from < 5 && px_e_adjacent(st, from - 1)) {
    const px_etok *p = &st->tk[from - 1];
    if (!(p->flags & PX_ET_WORD) || (p->lex & (PX_LX_DET | PX_LX_STOP | PX_LX_QUANT))) break;
    if (!(p->lex & (PX_LX_ROLE | PX_LX_ROLEMOD)) && !(p->flags & PX_ET_CAP)) break;
    from--;
    if (p->flags & PX_ET_POSS) break;
  }
  /* Its first words may name whom the role belongs to: a demonym, a country, an earlier name. */
  size_t role0 = from;
  for (size_t k = from; k < r; k++) {
    const px_etok *p = &st->tk[k];
    int link = 0;
    if (p->gz & (PX_GZ_DEMONYM | PX_GZ_COUNTRY)) {
      px_gz_classes(W(st, k), p->wlen, &link);
      if (px_gz_country(link)) c->country = link, role0 = k + 1;
      continue;
    }
    for (size_t q = st->n_cand; q-- > 0 && st->cand[q].t1 > from;)
      if (st->cand[q].t0 <= k && k < st->cand[q].t1) {
        c->aff_cand = (int32_t)q;
        role0 = st->cand[q].t1;
      }
  }
  if (role0 > r) role0 = r;
  c->role_start = st->x->tok[role0].start;
  c->role_end = st->x->tok[r].end;
  c->ev |= PX_EV_TITLE;
  return true;
}

/* The country named by a possessive just before token a ("Vestria's Interior Ministry"). */
static int possessive_country(const px_estate *st, size_t a) {
  if (a == 0 || !px_e_adjacent(st, a - 1) || !(st->tk[a - 1].flags & PX_ET_POSS)) return 0;
  int link = 0;
  if (st->tk[a - 1].gz & PX_GZ_COUNTRY) px_gz_classes(W(st, a - 1), st->tk[a - 1].wlen, &link);
  return px_gz_country(link) ? link : 0;
}

/* A common English word among [a, b) ("North Sea Freight"): people's names rarely have one. */
static bool common_word_in(const px_estate *st, size_t a, size_t b) {
  for (size_t k = a; k < b; k++)
    if ((st->tk[k].lex & PX_LX_COMMON) && !(st->tk[k].gz & PX_GZ_FIRST) && st->tk[k].wlen > 1) return true;
  return false;
}

/* One unknown capitalised word is a place where the words around it say so:
 * "the village of X", "the province of X", "X river", or after "in", "near",
 * "outside", "across" or "throughout" (organisations are rarely "in"; "at" and
 * "from" are left out: "at Pellow Bank", "from Reuters"). */
static bool place_context(const px_estate *st, size_t n0, size_t b) {
  const px_xctx *x = st->x;
  static const char *const preps[] = {"in", "near", "outside", "across", "throughout", NULL};
  if (n0 >= 1 && px_x_tok_in(x, n0 - 1, preps)) return true;
  if (n0 >= 2 && is_word(st, n0 - 1, "of") && (st->tk[n0 - 2].lex & PX_LX_PLACEKIND)) return true;
  return b < x->n_tok && (st->tk[b].lex & PX_LX_PLACEKIND) && !(st->tk[b].flags & PX_ET_CAP);
}

/* The type of name [n0, b) from its words (person evidence from titles is added by the caller). */
static void type_name(px_estate *st, size_t n0, size_t b, px_ecand *c) {
  const px_xctx *x = st->x;
  size_t n = b - n0;
  const px_etok *f = &st->tk[n0], *l = &st->tk[b - 1];
  int link = 0;
  unsigned gz = px_gz_classes(x->text + c->start, c->end - c->start, &link);
  if (!gz && n == 1 && (f->flags & PX_ET_ALLCAP) && c->end - c->start < 24) {
    char plain[24]; /* "U.N." is looked up as "UN" */
    size_t k = 0;
    for (size_t i = c->start; i < c->end; i++)
      if (x->text[i] != '.') plain[k++] = x->text[i];
    gz = px_gz_classes(plain, k, &link);
  }
  if (n == 1 && (f->flags & PX_ET_ALLCAP) && (!(gz & PX_GZ_COUNTRY) || (gz & PX_GZ_ACRONYM)))
    c->kind = PX_MENTION_ACRONYM;
  if (gz & PX_GZ_ACRONYM) c->gzlink = link, link = 0;
  if (any_lex(st, n0, b, PX_LX_ORG) || (n >= 2 && (l->lex & PX_LX_MEDIA)) || (gz & PX_GZ_ORG))
    c->ev |= PX_EV_ORGKEY;
  if (gz & PX_GZ_PLACE) {
    c->ev |= PX_EV_PLACE;
    if ((gz & PX_GZ_COUNTRY) && !(gz & PX_GZ_ACRONYM)) c->gzlink = link;
  } else if (n >= 2 && ((f->lex & PX_LX_PLACEKIND) || (l->lex & PX_LX_PLACEKIND))) {
    c->ev |= PX_EV_PLACE;
  } else if (n >= 2 && (f->lex & PX_LX_COMPASS) &&
             px_gz_classes(x->text + x->tok[n0 + 1].start, c->end - x->tok[n0 + 1].start, NULL) &
                 PX_GZ_PLACE) {
    c->ev |= PX_EV_PLACE;
  }
  if (n >= 2 && (f->gz & PX_GZ_FIRST)) c->ev |= PX_EV_FIRST;
  /* "X said", "X, 45, said" */
  size_t k = b;
  if (k < x->n_tok && x->tok[k].kind == PX_TOK_PUNCT && x->text[x->tok[k].start] == ',' &&
      k + 2 < x->n_tok && x->tok[k + 1].kind == PX_TOK_NUMBER)
    k += 3;
  if (k < x->n_tok && (st->tk[k].lex & PX_LX_SPEECH) && !(st->tk[k].flags & PX_ET_CAP))
    c->ev |= PX_EV_SPEECH;

  if (c->ev & PX_EV_TITLE) c->type = PX_ENT_PERSON;
  else if (c->ev & PX_EV_ORGKEY) c->type = PX_ENT_ORGANISATION;
  else if (c->ev & PX_EV_PLACE) c->type = PX_ENT_PLACE;
  else if (c->ev & PX_EV_FIRST) c->type = PX_ENT_PERSON;
  else if (c->kind == PX_MENTION_ACRONYM)
    c->type = (gz & PX_GZ_COUNTRY) ? PX_ENT_PLACE : PX_ENT_ORGANISATION;
  else if (n >= 2) c->type = common_word_in(st, n0, b) ? PX_ENT_ORGANISATION : PX_ENT_PERSON;
  else if (place_context(st, n0, b)) c->type = PX_ENT_PLACE, c->ev |= PX_EV_PLACE;
  else c->type = -1, c->ev |= PX_EV_WEAK;
}

/* After a person: ", the Vestrian Minister of Trade," or ", a spokesman for": its role. */
static void apposition(px_estate *st, size_t b, px_ecand *c) {
  const px_xctx *x = st->x;
  if (b + 2 >= x->n_tok || x->tok[b].kind != PX_TOK_PUNCT || x->text[x->tok[b].start] != ',')
    return;
  size_t k = b + 1;
  if (is_word(st, k, "the") || is_word(st, k, "a") || is_word(st, k, "an")) k++;
  int country = possessive_country(st, k + 1);
  if (country) k++;
  size_t r0 = k;
  while (k < x->n_tok && k - r0 < 6 && (st->tk[k].flags & PX_ET_WORD) &&
         ((st->tk[k].lex & (PX_LX_ROLEMOD | PX_LX_ROLE)) || (st->tk[k].gz & PX_GZ_DEMONYM))) {
    if ((st->tk[k].gz & PX_GZ_DEMONYM) && k == r0) {
      px_gz_classes(W(st, k), st->tk[k].wlen, &country);
      r0++;
    }
    k++;
    if (k < x->n_tok && !px_e_adjacent(st, k - 1)) break;
  }
  size_t last = k;
  while (last > r0 && !(st->tk[last - 1].lex & PX_LX_ROLE)) last--;
  if (last == r0) return;
  /* "Minister of Foreign Affairs": the capitalised words after "of" belong to the role. */
  size_t end = last;
  if (st->tk[last - 1].flags & PX_ET_CAP) {
    size_t e = run_end(st, r0);
    if (e > end) end = e;
  }
  c->role_start = x->tok[r0].start;
  c->role_end = x->tok[end - 1].start + st->tk[end - 1].wlen;
  if (country && !c->country) c->country = country;
}

/* Cuts run [a, b) into role and name and adds the name as a candidate. */
static int handle_run(px_estate *st, size_t a, size_t b) {
  const px_xctx *x = st->x;
  /* "the U.N. Jana Novak": an acronym before a first name is a name of its own */
  if (b > a + 2 && (st->tk[a].flags & PX_ET_ALLCAP) && (st->tk[a + 1].gz & PX_GZ_FIRST)) {
    int rc = handle_run(st, a, a + 1);
    return rc ? rc : handle_run(st, a + 1, b);
  }
  px_ecand c = {.type = -1, .kind = PX_MENTION_NAME, .aff_cand = -1, .ent = -1};
  size_t role_from;
  long aff;
  size_t n0 = role_prefix(st, a, b, &role_from, &c.country, &aff);
  if (n0 > a && !courtesy(st, n0 - 1)) {
    c.role_start = x->tok[role_from].start;
    c.role_end = x->tok[n0 - 1].end;
    if (st->tk[n0 - 1].wlen < px_x_tok_len(x, n0 - 1)) c.role_end = x->tok[n0 - 1].start + st->tk[n0 - 1].wlen;
  }
  if (n0 > a) c.ev |= PX_EV_TITLE;
  /* Only role words, or "Minister of ...": a role without a name. */
  if (n0 >= b || !name_word(st, n0) || (st->tk[n0].lex & PX_LX_CONN && !(st->tk[n0].flags & PX_ET_CAP)))
    return PX_OK;
  if (aff >= 0) {
    /* The body or country the role belongs to is a name of its own ("U.N." in "U.N. envoy X"). */
    px_ecand o = {.type = -1, .kind = PX_MENTION_NAME, .aff_cand = -1, .ent = -1};
    o.t0 = (uint32_t)aff, o.t1 = (uint32_t)aff + 1;
    o.start = x->tok[aff].start, o.end = o.start + st->tk[aff].wlen;
    type_name(st, (size_t)aff, (size_t)aff + 1, &o);
    int rc = px_e_push_cand(st, &o);
    if (rc) return rc;
    if (o.type == PX_ENT_PLACE && o.gzlink && px_gz_country(o.gzlink)) c.country = o.gzlink;
    else c.aff_cand = (int32_t)(st->n_cand - 1);
  }
  if (!(c.ev & PX_EV_TITLE)) role_before(st, a, &c);
  if (!c.country) c.country = possessive_country(st, a);
  /* A leading demonym stays in an organisation's name ("French Foreign Ministry") and is
   * otherwise the affiliation; capitalised adjectives alone name nothing. */
  bool orgish = any_lex(st, n0, b, PX_LX_ORG) || (st->tk[b - 1].lex & PX_LX_MEDIA);
  size_t adj = n0;
  while (adj < b && (st->tk[adj].gz & (PX_GZ_DEMONYM | PX_GZ_ADJ)) &&
         !(st->tk[adj].lex & (PX_LX_ORG | PX_LX_MEDIA | PX_LX_PLACEKIND)))
    adj++;
  if (adj == b) return PX_OK; /* "Kurdish", "Western Sunni": modifiers only */
  while (n0 < b && (st->tk[n0].gz & PX_GZ_DEMONYM) && !(st->tk[n0].gz & PX_GZ_PLACE)) {
    int link = 0;
    if (st->tk[n0].gz & PX_GZ_DEMONYM) px_gz_classes(W(st, n0), st->tk[n0].wlen, &link);
    if (orgish && n0 + 1 < b) {
      c.demonym_led = link != 0;
      if (link) c.country = link;
      break;
    }
    if (link && !c.country) c.country = link;
    n0++;
  }
  if (n0 >= b) return PX_OK;
  c.t0 = (uint32_t)n0, c.t1 = (uint32_t)b;
  c.start = x->tok[n0].start;
  c.end = x->tok[b - 1].start + st->tk[b - 1].wlen;
  type_name(st, c.demonym_led ? n0 + 1 : n0, b, &c);
  if (c.type == PX_ENT_PERSON && !c.role_end) apposition(st, b, &c);
  return px_e_push_cand(st, &c);
}

int px_e_names(px_estate *st) {
  const px_xctx *x = st->x;
  size_t i = 0;
  while (i < x->n_tok) {
    if (!name_word(st, i)) {
      i++;
      continue;
    }
    size_t b = run_end(st, i);
    /* A sentence's first word is part of a name when it is trusted, or when the run goes on
     * into an organisation, role or place word ("Human Rights Watch", "Interior Minister X"). */
    if ((st->tk[i].flags & PX_ET_START) && !trusted(st, i) &&
        !(b > i + 1 && any_lex(st, i + 1, b, PX_LX_ORG | PX_LX_ROLE | PX_LX_HONORIFIC | PX_LX_PLACEKIND)) &&
        !(st->tk[i].lex & (PX_LX_ROLE | PX_LX_HONORIFIC))) {
      i++;
      continue;
    }
    int rc = handle_run(st, i, b);
    if (rc) return rc;
    i = b;
  }
  return PX_OK;
}
