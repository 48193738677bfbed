/* html_score.c - steps 1-3 of finding the article body (see html_extract.c):
 * per-element totals and hints, Readability-style paragraph scores, and the
 * choice of the best candidate and of the siblings that join it.
 */
#include "html_score.h"

#include <gumbo.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A block shorter than this (characters) does not score as a paragraph. */
#define PX_PARA_MIN_CHARS 25
/* Each 100 characters of a paragraph add a point, at most this many. */
#define PX_PARA_LENGTH_POINTS 3
/* Scores reach this many ancestors of a paragraph's holder: the first in
 * full, the second half, each further one 1 / (level * PX_SCORE_FAR_DIVISOR). */
#define PX_SCORE_LEVELS 5
#define PX_SCORE_FAR_DIVISOR 3
/* Climbing from the pick stops at a parent scoring under this share of it. */
#define PX_PARENT_SHARE (1.0 / 3)
/* Top candidates compared when looking for a common ancestor. */
#define PX_TOP_N 5
/* Rivals scoring at least this share of the best one ... */
#define PX_RIVAL_SHARE 0.75
/* ... and at least this many of them make their common ancestor the pick. */
#define PX_MIN_RIVALS 3
/* A sibling joins when it scores at least this share of the pick ... */
#define PX_SIBLING_SHARE 0.2
/* ... and at least this much. */
#define PX_SIBLING_MIN_SCORE 10.0
/* A sibling paragraph joins when longer than this with a link density under
 * PX_SIBLING_LINK_MAX, or shorter, link-free and ending a sentence. */
#define PX_SIBLING_PARA_CHARS 80
#define PX_SIBLING_LINK_MAX 0.25
/* Prose blocks (for growing the pick): at least this long, with at most this
 * share of link text, and a sentence end. */
#define PX_PROSE_CHARS 50
#define PX_PROSE_LINK_MAX 0.2
/* The pick grows to an ancestor up to this many levels up that holds at least
 * PX_GROW_MIN_CHARS and PX_GROW_SHARE more prose than it, with a link density
 * under PX_GROW_LINK_MAX. */
#define PX_GROW_LEVELS 3
#define PX_GROW_MIN_CHARS 200
#define PX_GROW_SHARE 0.25
#define PX_GROW_LINK_MAX 0.3
/* An element whose class or id names boilerplate is not boilerplate when it
 * holds this share of the page's prose (a layout wrapper named after its
 * sidebar); comment sections always are. */
#define PX_CLASS_SPARE_SHARE 0.5

/* A block of running prose: long enough, few links, a sentence end. */
bool px_hx_prose(const px_hblock *b) {
  return b->chars >= PX_PROSE_CHARS && b->link_chars <= PX_PROSE_LINK_MAX * b->chars && b->stops > 0 &&
         b->kind != PX_PARA_HEADING && !(b->flags & PX_HB_CAPTION);
}

static void hints(hx_ctx *c) {
  const px_hdom *d = c->dom;
  for (uint32_t i = 1; i < d->count; i++) {
    hx_stat *s = &c->s[i];
    if (d->n[i].tag == PX_HTAG_TEXT) continue;
    const char *why = NULL;
    int weight;
    s->hint = (uint8_t)px_html_hint(d, i, &why, &weight);
    s->weight = (int16_t)weight;
    unsigned t = d->n[i].tag;
    if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML) s->hint = PX_HINT_NONE;
    if (s->hint == PX_HINT_CLASS) /* "content has-sidebar" around the whole article is no sidebar */
      s->hint = s->good_hinted >= PX_CLASS_SPARE_SHARE * c->s[0].good_hinted && strcmp(why, "comments") != 0
                    ? PX_HINT_MAYBE
                    : PX_HINT_BOILER;
    s->reason = why;
    s->boiler_in = c->s[d->n[i].parent].boiler_in || s->hint == PX_HINT_BOILER;
    if (px_html_is_block(t) && t != GUMBO_TAG_BR) c->s[d->n[i].parent].has_block = 1;
  }
}

/* Prose outside hinted boilerplate, per subtree (after hints). */
static void good_totals(hx_ctx *c) {
  for (size_t k = 0; k < c->b->n; k++) {
    const px_hblock *b = &c->b->v[k];
    if (px_hx_prose(b) && !c->s[b->node].boiler_in) c->s[b->node].good += b->chars;
  }
  for (uint32_t i = (uint32_t)c->dom->count; i-- > 1;) c->s[c->dom->n[i].parent].good += c->s[i].good;
}

static void count_tag(hx_stat *s, unsigned tag) {
  switch (tag) {
  case GUMBO_TAG_P: s->n_p++; break;
  case GUMBO_TAG_IMG: case GUMBO_TAG_IMAGE: s->n_img++; break;
  case GUMBO_TAG_LI: s->n_li++; break;
  case GUMBO_TAG_INPUT: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_BUTTON: s->n_input++; break;
  case GUMBO_TAG_EMBED: case GUMBO_TAG_OBJECT: case GUMBO_TAG_IFRAME: case GUMBO_TAG_VIDEO: s->n_embed++; break;
  default: break;
  }
}

/* Subtree totals, children before parents. */
static void totals(hx_ctx *c) {
  const px_hdom *d = c->dom;
  for (size_t k = 0; k < c->b->n; k++) {
    const px_hblock *b = &c->b->v[k];
    hx_stat *s = &c->s[b->node];
    s->chars += b->chars;
    s->links += b->link_chars;
    s->commas += b->commas;
    s->stops += b->stops;
    if (b->kind == PX_PARA_LIST_ITEM) s->li_chars += b->chars;
    if (px_hx_prose(b)) s->good_hinted += b->chars;
  }
  for (uint32_t i = (uint32_t)d->count; i-- > 1;) {
    hx_stat *s = &c->s[i], *p = &c->s[d->n[i].parent];
    if (!s->end) s->end = i + 1;
    if (s->end > p->end) p->end = s->end;
    count_tag(s, d->n[i].tag);
    p->chars += s->chars;
    p->links += s->links;
    p->commas += s->commas;
    p->stops += s->stops;
    p->li_chars += s->li_chars;
    p->good_hinted += s->good_hinted;
    p->n_p += s->n_p;
    p->n_img += s->n_img;
    p->n_li += s->n_li;
    p->n_input += s->n_input;
    p->n_embed += s->n_embed;
  }
  if (c->s[0].end < d->count) c->s[0].end = (uint32_t)d->count;
}


/* Readability's prior for a candidate, by tag. */
static double tag_prior(unsigned tag) {
  switch (tag) {
  case GUMBO_TAG_DIV: return 5;
  case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: return 3;
  case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD:
  case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: return -3;
  case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
  case GUMBO_TAG_H6: case GUMBO_TAG_TH: return -5;
  default: return 0;
  }
}

static void init_candidate(hx_ctx *c, uint32_t i, unsigned mode) {
  hx_stat *s = &c->s[i];
  if (s->scored) return;
  s->scored = 1;
  s->score = tag_prior(c->dom->n[i].tag) + ((mode & M_WEIGHTS) ? s->weight : 0);
}

/* Step 2: paragraph scores into their ancestors. */
void px_hx_score(hx_ctx *c, unsigned mode) {
  const px_hdom *d = c->dom;
  for (size_t i = 0; i < d->count; i++) c->s[i].scored = 0, c->s[i].score = 0;
  for (size_t k = 0; k < c->b->n; k++) {
    const px_hblock *b = &c->b->v[k];
    uint32_t h = b->node;
    if (b->chars < PX_PARA_MIN_CHARS || b->kind == PX_PARA_LIST_ITEM) continue;
    if ((mode & M_HINTS) && c->s[h].boiler_in) continue;
    unsigned t = d->n[h].tag;
    if (t == GUMBO_TAG_H1 || t == GUMBO_TAG_LI) continue;
    double pts = 1 + b->commas + fmin(floor(b->chars / 100.0), PX_PARA_LENGTH_POINTS);
    /* a block inside a container with other blocks is a paragraph of that
     * container, and so is text right in a table cell (old layouts) */
    uint32_t a = c->s[h].has_block || t == GUMBO_TAG_TD ? h : d->n[h].parent;
    for (int level = 0; a && level < PX_SCORE_LEVELS; level++, a = d->n[a].parent) {
      if (d->n[a].tag == GUMBO_TAG_HTML) break;
      init_candidate(c, a, mode);
      c->s[a].score += pts / (level == 0 ? 1 : level == 1 ? 2 : level * PX_SCORE_FAR_DIVISOR);
    }
  }
  for (size_t i = 0; i < d->count; i++)
    if (c->s[i].scored) c->s[i].score *= 1 - hx_link_density(&c->s[i]);
}


/* An article split into chunks that are not siblings (each with its own
 * wrapper, ads between them): the pick grows to an ancestor a few levels up
 * when that holds clearly more prose, without many more links. */
static uint32_t grow(const hx_ctx *c, uint32_t best, unsigned mode) {
  const px_hdom *d = c->dom;
  uint32_t a = d->n[best].parent;
  for (int level = 0; a && level < PX_GROW_LEVELS; level++, a = d->n[a].parent) {
    unsigned t = d->n[a].tag;
    if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML) break;
    const hx_stat *sa = &c->s[a], *sb = &c->s[best];
    uint32_t ga = (mode & M_HINTS) ? sa->good : sa->good_hinted, gb = (mode & M_HINTS) ? sb->good : sb->good_hinted;
    if (ga >= gb + PX_GROW_MIN_CHARS && ga >= gb + PX_GROW_SHARE * gb && hx_link_density(sa) <= PX_GROW_LINK_MAX)
      best = a;
  }
  return best;
}

/* An only child is as good as its parent: climbs through wrappers. */
static uint32_t only_child_up(const px_hdom *d, uint32_t best) {
  while (d->n[best].parent && d->n[d->n[best].parent].tag != GUMBO_TAG_BODY) {
    uint32_t p = d->n[best].parent, elements = 0;
    for (uint32_t k = d->n[p].first; k && elements < 2; k = d->n[k].next)
      if (d->n[k].tag != PX_HTAG_TEXT) elements++;
    if (elements != 1) break;
    best = p;
  }
  return best;
}

/* Step 3: the best candidate, grown to a common ancestor or a good parent. */
uint32_t px_hx_pick(hx_ctx *c, unsigned mode) {
  const px_hdom *d = c->dom;
  uint32_t top[PX_TOP_N] = {0};
  for (uint32_t i = 1; i < d->count; i++) {
    if (!c->s[i].scored) continue;
    for (int k = 0; k < PX_TOP_N; k++) {
      if (top[k] && c->s[top[k]].score >= c->s[i].score) continue;
      memmove(top + k + 1, top + k, (PX_TOP_N - 1 - (size_t)k) * sizeof *top);
      top[k] = i;
      break;
    }
  }
  uint32_t best = top[0];
  if (!best) return 0;
  int rivals = 0;
  for (int k = 1; k < PX_TOP_N; k++)
    if (top[k] && c->s[top[k]].score >= PX_RIVAL_SHARE * c->s[best].score) rivals++;
  if (rivals >= PX_MIN_RIVALS) {
    for (uint32_t a = d->n[best].parent; a && d->n[a].tag != GUMBO_TAG_BODY; a = d->n[a].parent) {
      int in = 0;
      for (int k = 1; k < PX_TOP_N; k++)
        if (top[k] && c->s[top[k]].score >= PX_RIVAL_SHARE * c->s[best].score && hx_contains(c, a, top[k])) in++;
      if (in >= PX_MIN_RIVALS) {
        best = a;
        break;
      }
    }
  }
  init_candidate(c, best, 0);
  double last = c->s[best].score, threshold = last * PX_PARENT_SHARE;
  for (uint32_t a = d->n[best].parent; a && d->n[a].tag != GUMBO_TAG_BODY; a = d->n[a].parent) {
    if (!c->s[a].scored) continue;
    if (c->s[a].score < threshold) break;
    if (c->s[a].score > last) {
      best = a;
      break;
    }
    last = c->s[a].score;
  }
  best = only_child_up(d, best); /* wrappers do not count as levels of growth */
  return only_child_up(d, grow(c, best, mode));
}

/* ---- step 3b: siblings ------------------------------------------------ */

static bool same_class(const px_hdom *d, uint32_t a, uint32_t b) {
  size_t na, nb;
  const char *ca = px_hdom_attr(d, a, PX_HA_CLASS, &na), *cb = px_hdom_attr(d, b, PX_HA_CLASS, &nb);
  return ca && cb && na && na == nb && memcmp(ca, cb, na) == 0;
}

/* Does sibling `i` of the pick `top` belong to the article? */
bool px_hx_sibling_joins(const hx_ctx *c, uint32_t top, uint32_t i) {
  const px_hdom *d = c->dom;
  const hx_stat *s = &c->s[i];
  double need = fmax(PX_SIBLING_MIN_SCORE, c->s[top].score * PX_SIBLING_SHARE);
  double bonus = same_class(d, top, i) ? c->s[top].score * PX_SIBLING_SHARE : 0;
  if (s->scored && s->score + bonus >= need) return true;
  if (d->n[i].tag != GUMBO_TAG_P || !s->chars) return false;
  double ld = hx_link_density(s);
  if (s->chars > PX_SIBLING_PARA_CHARS) return ld < PX_SIBLING_LINK_MAX;
  if (ld > 0) return false;
  return s->stops > 0; /* a short paragraph: does it end a sentence? */
}

void px_hx_prepare(hx_ctx *c) {
  totals(c);
  hints(c);
  good_totals(c);
}
