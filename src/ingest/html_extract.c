/* html_extract.c - the article body of a page.
 *
 * 1. Every element gets a hint from its tag, class, id and role (html_hints.c)
 *    and totals over its subtree: characters, link characters, commas,
 *    paragraphs, images, list items, inputs, embeds (one reverse pass: nodes
 *    are in document order, so children come after their parents).
 * 2. Paragraph scoring as in Readability: every text block of 25 characters
 *    or more scores 1 + commas + min(length / 100, 3); the element holding it
 *    gets the score in full, the next ancestor half, further ones a third of it
 *    per level. Candidates start from a prior by tag and class/id words.
 *    A candidate's final score is its score times (1 - link density).
 * 3. The best candidate grows to the common ancestor of near-equal rivals and
 *    to parents that score about as well; its siblings join when they score
 *    well or read like article paragraphs.
 * 4. Inside the chosen subtrees, boilerplate goes: elements hinted as
 *    navigation, comments, share bars and so on; containers that look like
 *    link lists, forms or image galleries (Readability's conditional
 *    cleaning); single blocks that are captions, bylines, credits, links or
 *    furniture (html_furniture.c); and headings left with nothing under them.
 * 5. When the result is short, the passes are retried without the class
 *    hints, then without the conditional cleaning; a retry wins when it finds
 *    far more text.
 * 6. A JSON-LD articleBody, when the page has one, checks the pick: if most
 *    of the text it confirms is missing, the pick moves to the element that
 *    holds that text (html_ldguide.c).
 */
#include "html.h"

#include <gumbo.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A block shorter than this (characters) does not score as a paragraph. */
#define PX_PARA_MIN_CHARS 25
/* Each 100 characters of a paragraph add a point, at most this many. */
#define PX_PARA_LENGTH_POINTS 3
/* Scores reach this many ancestors of a paragraph's holder. */
#define PX_SCORE_LEVELS 5
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
/* Fewer characters than this in the result: retry with fewer rules. */
#define PX_MIN_ARTICLE_CHARS 500
/* A retry with fewer rules replaces the result only when it has this many
 * times its characters: a little more text from dropping the rules is
 * usually the boilerplate they removed (comments under a short story). */
#define PX_RETRY_GAIN 2.0
/* Conditional cleaning spares containers with this many commas (real prose). */
#define PX_CLEAN_COMMAS 10
/* Link density limits of conditional cleaning: for containers with ordinary
 * class words and with content class words. */
#define PX_CLEAN_LINK_MAX 0.2
#define PX_CLEAN_LINK_MAX_CONTENT 0.5
/* A container with less text than this and no single image is furniture. */
#define PX_CLEAN_MIN_CHARS 25
/* A single embed with less text than this is a video box. */
#define PX_CLEAN_EMBED_CHARS 75
/* A list counts as content when its items hold this share of its text. */
#define PX_LIST_TEXT_SHARE 0.9

/* A JSON-LD articleBody this long is a witness of the article text; when the
 * pick holds less than PX_LD_COVERED of the text it confirms, the pick moves to
 * the deepest element holding PX_LD_HOLD of it. */
#define PX_LD_GUIDE_CHARS 1000
#define PX_LD_COVERED 0.7
#define PX_LD_HOLD 0.9
/* A label over a list ("Don't miss", "More on this"): this short, no sentence end. */
#define PX_LABEL_WORDS 4
#define PX_LABEL_CHARS 40
/* ... over a dropped block with at least this many links (a list of them). */
#define PX_LABEL_LIST_LINKS 2

enum { M_HINTS = 1, M_WEIGHTS = 2, M_CLEAN = 4 };

typedef struct nstat {
  double score;
  uint32_t chars, links, commas, end; /* end: one past the last node of the subtree */
  uint32_t good, good_hinted; /* characters of prose blocks: outside hinted boilerplate, and all */
  uint32_t n_p, n_img, n_li, n_input, n_embed, li_chars;
  int16_t weight; /* class/id weight */
  uint8_t hint, scored, boiler_in, has_block;
  const char *reason;
} nstat;

typedef struct ctx {
  const px_hdom *dom;
  const px_hblocks *b;
  nstat *s;
  const char **drop; /* per node: why it was removed in the current pass, or NULL */
} ctx;

/* A block of running prose: long enough, few links, a sentence end. */
static bool prose(const px_hblock *b) {
  return b->chars >= PX_PROSE_CHARS && b->link_chars <= PX_PROSE_LINK_MAX * b->chars && b->stops > 0 &&
         b->kind != PX_PARA_HEADING && !(b->flags & PX_HB_CAPTION);
}

static void hints(ctx *c) {
  const px_hdom *d = c->dom;
  for (uint32_t i = 1; i < d->count; i++) {
    nstat *s = &c->s[i];
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
static void good_totals(ctx *c) {
  for (size_t k = 0; k < c->b->n; k++) {
    const px_hblock *b = &c->b->v[k];
    if (prose(b) && !c->s[b->node].boiler_in) c->s[b->node].good += b->chars;
  }
  for (uint32_t i = (uint32_t)c->dom->count; i-- > 1;) c->s[c->dom->n[i].parent].good += c->s[i].good;
}

static void count_tag(nstat *s, unsigned tag) {
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
static void totals(ctx *c) {
  const px_hdom *d = c->dom;
  for (size_t k = 0; k < c->b->n; k++) {
    const px_hblock *b = &c->b->v[k];
    nstat *s = &c->s[b->node];
    s->chars += b->chars;
    s->links += b->link_chars;
    s->commas += b->commas;
    if (b->kind == PX_PARA_LIST_ITEM) s->li_chars += b->chars;
    if (prose(b)) s->good_hinted += b->chars;
  }
  for (uint32_t i = (uint32_t)d->count; i-- > 1;) {
    nstat *s = &c->s[i], *p = &c->s[d->n[i].parent];
    if (!s->end) s->end = i + 1;
    if (s->end > p->end) p->end = s->end;
    count_tag(s, d->n[i].tag);
    p->chars += s->chars;
    p->links += s->links;
    p->commas += s->commas;
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

static double link_density(const nstat *s) { return s->chars ? (double)s->links / s->chars : 0; }

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

static void init_candidate(ctx *c, uint32_t i, unsigned mode) {
  nstat *s = &c->s[i];
  if (s->scored) return;
  s->scored = 1;
  s->score = tag_prior(c->dom->n[i].tag) + ((mode & M_WEIGHTS) ? s->weight : 0);
}

/* Step 2: paragraph scores into their ancestors. */
static void score_paragraphs(ctx *c, unsigned mode) {
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
      c->s[a].score += pts / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
    }
  }
  for (size_t i = 0; i < d->count; i++)
    if (c->s[i].scored) c->s[i].score *= 1 - link_density(&c->s[i]);
}

static bool contains(const ctx *c, uint32_t anc, uint32_t i) { return i >= anc && i < c->s[anc].end; }

/* An article split into chunks that are not siblings (each with its own
 * wrapper, ads between them): the pick grows to an ancestor a few levels up
 * when that holds clearly more prose, without many more links. */
static uint32_t grow(const ctx *c, uint32_t best, unsigned mode) {
  const px_hdom *d = c->dom;
  uint32_t a = d->n[best].parent;
  for (int level = 0; a && level < PX_GROW_LEVELS; level++, a = d->n[a].parent) {
    unsigned t = d->n[a].tag;
    if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML) break;
    const nstat *sa = &c->s[a], *sb = &c->s[best];
    uint32_t ga = (mode & M_HINTS) ? sa->good : sa->good_hinted, gb = (mode & M_HINTS) ? sb->good : sb->good_hinted;
    if (ga >= gb + PX_GROW_MIN_CHARS && ga >= gb + PX_GROW_SHARE * gb && link_density(sa) <= PX_GROW_LINK_MAX)
      best = a;
  }
  return best;
}

/* Step 3: the best candidate, grown to a common ancestor or a good parent. */
static uint32_t pick_top(ctx *c, unsigned mode) {
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
        if (top[k] && c->s[top[k]].score >= PX_RIVAL_SHARE * c->s[best].score && contains(c, a, top[k])) in++;
      if (in >= PX_MIN_RIVALS) {
        best = a;
        break;
      }
    }
  }
  init_candidate(c, best, 0);
  double last = c->s[best].score, threshold = last / 3;
  for (uint32_t a = d->n[best].parent; a && d->n[a].tag != GUMBO_TAG_BODY; a = d->n[a].parent) {
    if (!c->s[a].scored) continue;
    if (c->s[a].score < threshold) break;
    if (c->s[a].score > last) {
      best = a;
      break;
    }
    last = c->s[a].score;
  }
  best = grow(c, best, mode);
  /* an only child is as good as its parent */
  while (d->n[best].parent && d->n[d->n[best].parent].tag != GUMBO_TAG_BODY) {
    uint32_t p = d->n[best].parent, elements = 0;
    for (uint32_t k = d->n[p].first; k; k = d->n[k].next)
      if (d->n[k].tag != PX_HTAG_TEXT) elements++;
    if (elements != 1) break;
    best = p;
  }
  return best;
}

/* ---- step 3b: siblings ------------------------------------------------ */

static bool same_class(const px_hdom *d, uint32_t a, uint32_t b) {
  size_t na, nb;
  const char *ca = px_hdom_attr(d, a, PX_HA_CLASS, &na), *cb = px_hdom_attr(d, b, PX_HA_CLASS, &nb);
  return ca && cb && na && na == nb && memcmp(ca, cb, na) == 0;
}

/* Does sibling `i` of the pick `top` belong to the article? */
static bool sibling_joins(const ctx *c, uint32_t top, uint32_t i) {
  const px_hdom *d = c->dom;
  const nstat *s = &c->s[i];
  double need = fmax(PX_SIBLING_MIN_SCORE, c->s[top].score * PX_SIBLING_SHARE);
  double bonus = same_class(d, top, i) ? c->s[top].score * PX_SIBLING_SHARE : 0;
  if (s->scored && s->score + bonus >= need) return true;
  if (d->n[i].tag != GUMBO_TAG_P || !s->chars) return false;
  double ld = link_density(s);
  if (s->chars > PX_SIBLING_PARA_CHARS) return ld < PX_SIBLING_LINK_MAX;
  if (ld > 0) return false;
  for (size_t k = 0; k < c->b->n; k++) /* a short paragraph: does it end a sentence? */
    if (c->b->v[k].node == i) return c->b->v[k].stops > 0;
  return false;
}

/* ---- step 4: cleaning --------------------------------------------------- */

static bool cleanable(unsigned tag) {
  return tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL ||
         tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_FORM || tag == GUMBO_TAG_FIELDSET || tag == GUMBO_TAG_DL ||
         tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_HEADER || tag == GUMBO_TAG_FOOTER;
}

static bool in_figure(const px_hdom *d, uint32_t i) {
  for (uint32_t a = d->n[i].parent; a; a = d->n[a].parent)
    if (d->n[a].tag == GUMBO_TAG_FIGURE) return true;
  return false;
}

/* Readability's conditional cleaning: why container i is furniture, or NULL. */
static const char *clean_reason(const ctx *c, uint32_t i, unsigned mode) {
  const px_hdom *d = c->dom;
  const nstat *s = &c->s[i];
  unsigned tag = d->n[i].tag;
  if (!cleanable(tag)) return NULL;
  int weight = (mode & M_WEIGHTS) ? s->weight : 0;
  const char *why = s->reason ? s->reason : "widget";
  if (weight + (s->scored ? s->score : 0) < 0) return why;
  if (s->commas >= PX_CLEAN_COMMAS) return NULL;
  double p = s->n_p, img = s->n_img, li = (double)s->n_li - 100, ld = link_density(s);
  bool list = tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL ||
              (s->chars && (double)s->li_chars / s->chars > PX_LIST_TEXT_SHARE);
  bool fig = in_figure(d, i);
  if (img > 1 && p / img < 0.5 && !fig) return "widget";
  if (!list && li > p) return "related";
  if (s->n_input > floor(p / 3)) return "widget";
  if (!list && s->chars < PX_CLEAN_MIN_CHARS && (img == 0 || img > 2) && !fig) return why;
  if (!list && weight < PX_HTML_CLASS_WEIGHT && ld > PX_CLEAN_LINK_MAX) return "related";
  if (weight >= PX_HTML_CLASS_WEIGHT && ld > PX_CLEAN_LINK_MAX_CONTENT) return "related";
  if ((s->n_embed == 1 && s->chars < PX_CLEAN_EMBED_CHARS) || s->n_embed > 1) return "widget";
  return NULL;
}

/* Marks the removed elements under `root` (c->drop), parents first. */
static void mark_drops(ctx *c, uint32_t root, unsigned mode) {
  const px_hdom *d = c->dom;
  c->drop[root] = NULL;
  for (uint32_t i = root + 1; i < c->s[root].end; i++) {
    if (d->n[i].tag == PX_HTAG_TEXT) continue;
    uint32_t p = d->n[i].parent;
    const char *why = p == root ? NULL : c->drop[p];
    if (!why && (mode & M_HINTS) && c->s[i].hint == PX_HINT_BOILER) why = c->s[i].reason;
    if (!why && (mode & M_CLEAN)) why = clean_reason(c, i, mode);
    c->drop[i] = why;
  }
}

static int push_pick(px_hextract *x, size_t *cap, uint32_t block, uint16_t kind) {
  if (x->n == *cap) {
    size_t nc = *cap ? *cap * 2 : 64;
    px_hpick *p = realloc(x->v, nc * sizeof *p);
    if (!p) return PX_ENOMEM;
    x->v = p;
    *cap = nc;
  }
  x->v[x->n++] = (px_hpick){block, kind};
  return PX_OK;
}

static int push_removed(px_hextract *x, size_t *cap, uint32_t block, const char *why) {
  if (x->n_removed == *cap) {
    size_t nc = *cap ? *cap * 2 : 64;
    struct px_hremoved *p = realloc(x->removed, nc * sizeof *p);
    if (!p) return PX_ENOMEM;
    x->removed = p;
    *cap = nc;
  }
  x->removed[x->n_removed++] = (struct px_hremoved){block, why};
  return PX_OK;
}

static int by_block(const void *a, const void *b) {
  uint32_t x = ((const struct px_hremoved *)a)->block, y = ((const struct px_hremoved *)b)->block;
  return x < y ? -1 : x > y;
}

/* A label over a list: a short line without a sentence end ("Don't miss"). */
static bool label_block(const px_hblock *b) {
  return b->words <= PX_LABEL_WORDS && b->stops == 0 && b->chars <= PX_LABEL_CHARS;
}

/* Reasons that take the label above them along. */
static bool takes_label(const char *why) {
  static const char *const r[] = {"related", "share", "subscription", "advert", "appeal", "comments", "navigation"};
  for (size_t k = 0; k < sizeof r / sizeof *r; k++)
    if (strcmp(why, r[k]) == 0) return true;
  return false;
}

/* A heading followed by removed blocks and then by another heading or the
 * end ("Related stories" over a dropped list) goes with them; so does a short
 * label right above a dropped link list or share bar. */
static int drop_orphan_headings(ctx *c, px_hextract *x, size_t *rcap) {
  size_t r = 0, out = 0, before = x->n_removed;
  for (size_t i = 0; i < x->n; i++) {
    px_hpick p = x->v[i];
    uint32_t next = i + 1 < x->n ? x->v[i + 1].block : UINT32_MAX;
    while (r < before && x->removed[r].block < p.block) r++;
    bool dropped_next = r < before && x->removed[r].block < next;
    bool orphan = p.kind == PX_PARA_HEADING && (i + 1 == x->n || x->v[i + 1].kind == PX_PARA_HEADING);
    bool label = dropped_next && x->removed[r].block == p.block + 1 && takes_label(x->removed[r].reason) &&
                 label_block(&c->b->v[p.block]) && c->b->v[p.block + 1].links >= PX_LABEL_LIST_LINKS;
    if (dropped_next && (orphan || label)) {
      int rc = push_removed(x, rcap, p.block, x->removed[r].reason);
      if (rc) return rc;
      continue;
    }
    x->v[out++] = p;
  }
  x->n = out;
  if (x->n_removed > before) qsort(x->removed, x->n_removed, sizeof *x->removed, by_block);
  return PX_OK;
}

/* Collects the blocks of the pick and (with `siblings`) its joining siblings. *chars gets the total kept. */
static int collect(ctx *c, uint32_t top, unsigned mode, bool siblings, px_hextract *x, size_t *chars) {
  const px_hdom *d = c->dom;
  uint32_t parent = d->n[top].parent;
  bool body = d->n[top].tag == GUMBO_TAG_BODY || !parent || !siblings;
  uint32_t first = body ? top : d->n[parent].first;
  size_t cap = 0, rcap = 0;
  *chars = 0;
  x->root = top;
  for (uint32_t r = first; r; r = body ? 0 : d->n[r].next) {
    if (d->n[r].tag == PX_HTAG_TEXT || (r != top && !sibling_joins(c, top, r))) continue;
    mark_drops(c, r, mode);
    for (size_t k = 0; k < c->b->n; k++) { /* TODO: binary search for the first block */
      const px_hblock *b = &c->b->v[k];
      if (!contains(c, r, b->node)) continue;
      const char *why = b->node == r ? NULL : c->drop[b->node];
      if (!why) why = px_html_block_furniture(c->b->text.data + b->off, b->len, b);
      int rc = why ? push_removed(x, &rcap, (uint32_t)k, why) : push_pick(x, &cap, (uint32_t)k, b->kind);
      if (rc) return rc;
      if (!why) *chars += b->chars;
    }
  }
  return drop_orphan_headings(c, x, &rcap);
}

void px_hextract_free(px_hextract *x) {
  free(x->v);
  free(x->removed);
  *x = (px_hextract){0};
}

/* Characters of the picked blocks that are confirmed. */
static size_t confirmed_picks(const px_hextract *x, const px_hblocks *b, const uint8_t *conf) {
  size_t n = 0;
  for (size_t k = 0; k < x->n; k++)
    if (conf[x->v[k].block]) n += b->v[x->v[k].block].chars;
  return n;
}

/* Step 6: when the JSON-LD articleBody confirms text the pick misses, the
 * pick moves to the deepest element holding nearly all of the confirmed text. */
static int ld_guide(ctx *c, const char *ld_body, px_hextract *best) {
  const px_hdom *d = c->dom;
  if (!ld_body || strlen(ld_body) < PX_LD_GUIDE_CHARS) return PX_OK;
  uint8_t *conf = calloc(c->b->n ? c->b->n : 1, 1);
  uint32_t *cc = calloc(d->count, sizeof *cc);
  size_t total = 0;
  int rc = conf && cc ? px_html_ld_confirm(ld_body, c->b, conf, &total) : PX_ENOMEM;
  size_t got = rc ? 0 : confirmed_picks(best, c->b, conf);
  if (!rc && total >= PX_LD_GUIDE_CHARS / 2 && got < PX_LD_COVERED * total) {
    for (size_t k = 0; k < c->b->n; k++)
      if (conf[k]) cc[c->b->v[k].node] += c->b->v[k].chars;
    for (uint32_t i = (uint32_t)d->count; i-- > 1;) cc[d->n[i].parent] += cc[i];
    uint32_t node = 0;
    for (bool deeper = true; deeper;) { /* down while one child holds nearly all of it */
      deeper = false;
      for (uint32_t k = d->n[node].first; k && !deeper; k = d->n[k].next)
        if (cc[k] >= PX_LD_HOLD * total) node = k, deeper = true;
    }
    px_hextract x = {0};
    size_t chars;
    unsigned mode = M_HINTS | M_WEIGHTS | M_CLEAN;
    score_paragraphs(c, mode);
    rc = node ? collect(c, node, mode, false, &x, &chars) : PX_OK;
    if (!rc && node && confirmed_picks(&x, c->b, conf) > got) {
      px_hextract_free(best);
      *best = x;
    } else px_hextract_free(&x);
  }
  free(conf);
  free(cc);
  return rc;
}

int px_html_extract(const px_hdom *dom, const px_hblocks *b, const char *ld_body, px_hextract *out) {
  ctx c = {.dom = dom, .b = b};
  c.s = calloc(dom->count ? dom->count : 1, sizeof *c.s);
  c.drop = calloc(dom->count ? dom->count : 1, sizeof *c.drop);
  int rc = c.s && c.drop ? PX_OK : PX_ENOMEM;
  if (!rc && dom->count > 1) {
    totals(&c);
    hints(&c);
    good_totals(&c);
  }
  static const unsigned modes[] = {M_HINTS | M_WEIGHTS | M_CLEAN, M_WEIGHTS | M_CLEAN, M_CLEAN, 0};
  px_hextract best = {0};
  size_t best_chars = 0;
  for (size_t m = 0; !rc && dom->count > 1 && m < sizeof modes / sizeof *modes; m++) {
    score_paragraphs(&c, modes[m]);
    uint32_t top = pick_top(&c, modes[m]);
    if (!top) top = 1;
    px_hextract x = {0};
    size_t chars;
    rc = collect(&c, top, modes[m], true, &x, &chars);
    if (!rc && (!best.root || chars >= PX_RETRY_GAIN * best_chars)) {
      px_hextract_free(&best);
      best = x;
      best_chars = chars;
    } else px_hextract_free(&x);
    if (best_chars >= PX_MIN_ARTICLE_CHARS) break;
  }
  if (!rc && dom->count > 1) rc = ld_guide(&c, ld_body, &best);
  free(c.s);
  free(c.drop);
  if (rc) px_hextract_free(&best);
  *out = best;
  return rc;
}
