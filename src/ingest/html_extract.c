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
#include "html_score.h"

#include <gumbo.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

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
/* A container with images is a gallery below this many paragraphs per image;
 * with inputs, a form below this many paragraphs per input. List items count
 * against paragraphs only beyond this allowance (Readability's values). */
#define PX_CLEAN_P_PER_IMG 0.5
#define PX_CLEAN_P_PER_INPUT 3
#define PX_CLEAN_LI_ALLOWANCE 100
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
static const char *clean_reason(const hx_ctx *c, uint32_t i, unsigned mode) {
  const px_hdom *d = c->dom;
  const hx_stat *s = &c->s[i];
  unsigned tag = d->n[i].tag;
  if (!cleanable(tag)) return NULL;
  int weight = (mode & M_WEIGHTS) ? s->weight : 0;
  const char *why = s->reason ? s->reason : "widget";
  if (weight + (s->scored ? s->score : 0) < 0) return why;
  if (s->commas >= PX_CLEAN_COMMAS) return NULL;
  double p = s->n_p, img = s->n_img, li = (double)s->n_li - PX_CLEAN_LI_ALLOWANCE, ld = hx_link_density(s);
  bool list = tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL ||
              (s->chars && (double)s->li_chars / s->chars > PX_LIST_TEXT_SHARE);
  bool fig = in_figure(d, i);
  if (img > 1 && p / img < PX_CLEAN_P_PER_IMG && !fig) return "widget";
  if (!list && li > p) return "related";
  if (s->n_input > floor(p / PX_CLEAN_P_PER_INPUT)) return "widget";
  if (!list && s->chars < PX_CLEAN_MIN_CHARS && (img == 0 || img > 2) && !fig) return why;
  if (!list && weight < PX_HTML_CLASS_WEIGHT && ld > PX_CLEAN_LINK_MAX) return "related";
  if (weight >= PX_HTML_CLASS_WEIGHT && ld > PX_CLEAN_LINK_MAX_CONTENT) return "related";
  if ((s->n_embed == 1 && s->chars < PX_CLEAN_EMBED_CHARS) || s->n_embed > 1) return "widget";
  return NULL;
}

/* Marks the removed elements under `root` (c->drop), parents first. */
static void mark_drops(hx_ctx *c, uint32_t root, unsigned mode) {
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

static int by_block_index(const void *a, const void *b) {
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
static int drop_orphan_headings(hx_ctx *c, px_hextract *x, size_t *rcap) {
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
  if (x->n_removed > before) qsort(x->removed, x->n_removed, sizeof *x->removed, by_block_index);
  return PX_OK;
}

/* Collects the blocks of the pick and (with `siblings`) its joining siblings. *chars gets the total kept. */
/* A block the appeal rules flag is an appeal only when no article prose
 * follows it: appeals close an article (or sit in a box its class names);
 * between paragraphs, money talk is the story's (a company's subscription
 * offer). Flagged blocks wait in x->held until the next prose block or the end. */
static int hold(px_hextract *x, size_t *held, uint32_t block) {
  if (*held == x->held_cap) {
    size_t cap = x->held_cap ? x->held_cap * 2 : 8;
    uint32_t *p = realloc(x->held, cap * sizeof *p);
    if (!p) return PX_ENOMEM;
    x->held = p;
    x->held_cap = cap;
  }
  x->held[(*held)++] = block;
  return PX_OK;
}

static int release(px_hextract *x, size_t *held, size_t *cap, const px_hblocks *b, size_t *chars) {
  int rc = PX_OK;
  for (size_t i = 0; i < *held && !rc; i++) {
    rc = push_pick(x, cap, x->held[i], b->v[x->held[i]].kind);
    *chars += b->v[x->held[i]].chars;
  }
  *held = 0;
  return rc;
}

static int collect(hx_ctx *c, uint32_t top, unsigned mode, bool siblings, px_hextract *x, size_t *chars) {
  const px_hdom *d = c->dom;
  uint32_t parent = d->n[top].parent;
  bool body = d->n[top].tag == GUMBO_TAG_BODY || !parent || !siblings;
  uint32_t first = body ? top : d->n[parent].first;
  size_t cap = 0, rcap = 0;
  *chars = 0;
  x->root = top;
  uint32_t *region = calloc(d->count, sizeof *region); /* per node: the root it is under, or 0 */
  if (!region) return PX_ENOMEM;
  for (uint32_t r = first; r; r = body ? 0 : d->n[r].next) {
    if (d->n[r].tag == PX_HTAG_TEXT || (r != top && !px_hx_sibling_joins(c, top, r))) continue;
    mark_drops(c, r, mode);
    for (uint32_t i = r; i < c->s[r].end; i++) region[i] = r;
  }
  int rc = PX_OK;
  size_t held = 0; /* appeals on hold: x->held[0, held) */
  for (size_t k = 0; k < c->b->n && !rc; k++) { /* one pass over the blocks, in document order */
    const px_hblock *b = &c->b->v[k];
    uint32_t r = region[b->node];
    if (!r) continue;
    const char *why = b->node == r ? NULL : c->drop[b->node];
    bool by_block = !why;
    if (!why) why = px_html_block_furniture(c->b->text.data + b->off, b->len, b);
    if (why && by_block && strcmp(why, "appeal") == 0) { /* decided by what follows */
      rc = hold(x, &held, (uint32_t)k);
      continue;
    }
    if (!why && held && px_hx_prose(b)) rc = release(x, &held, &cap, c->b, chars); /* prose after it: article */
    if (!rc) rc = why ? push_removed(x, &rcap, (uint32_t)k, why) : push_pick(x, &cap, (uint32_t)k, b->kind);
    if (!why) *chars += b->chars;
  }
  for (size_t i = 0; i < held && !rc; i++) rc = push_removed(x, &rcap, x->held[i], "appeal"); /* at the end */
  free(region);
  if (!rc && held) qsort(x->removed, x->n_removed, sizeof *x->removed, by_block_index);
  return rc ? rc : drop_orphan_headings(c, x, &rcap);
}

void px_hextract_free(px_hextract *x) {
  free(x->v);
  free(x->removed);
  free(x->held);
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
static int ld_guide(hx_ctx *c, const char *ld_body, px_hextract *best) {
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
    px_hx_score(c, mode);
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
  hx_ctx c = {.dom = dom, .b = b};
  c.s = calloc(dom->count ? dom->count : 1, sizeof *c.s);
  c.drop = calloc(dom->count ? dom->count : 1, sizeof *c.drop);
  int rc = c.s && c.drop ? PX_OK : PX_ENOMEM;
  if (!rc && dom->count > 1) px_hx_prepare(&c);
  static const unsigned modes[] = {M_HINTS | M_WEIGHTS | M_CLEAN, M_WEIGHTS | M_CLEAN, M_CLEAN, 0};
  px_hextract best = {0};
  size_t best_chars = 0;
  for (size_t m = 0; !rc && dom->count > 1 && m < sizeof modes / sizeof *modes; m++) {
    px_hx_score(&c, modes[m]);
    uint32_t top = px_hx_pick(&c, modes[m]);
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
