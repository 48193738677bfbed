/* html_dom.c - gumbo's tree copied into a compact arena DOM.
 *
 * gumbo parses into an arena we own (its allocator hook): parsing makes many
 * small allocations, and gumbo frees its tree recursively, which a deep page
 * would turn into a stack overflow. With the arena, the whole tree goes at
 * once. The arena also caps the parser's memory: past PX_HTML_PARSE_MEM the
 * allocator longjmps out of gumbo (which keeps no other resources), and the
 * page is refused as too complex.
 *
 * The copy is iterative (an explicit stack), in document order, so children
 * always follow their parents in dom->n. Text is cleaned on the way in:
 * U+00A0 becomes a space; U+00AD and zero-width characters are dropped.
 */
#include "html.h"

#include <gumbo.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The parser may use at most this much memory: a fixed allowance plus a
 * multiple of the (reduced) input. Ordinary pages need about 8 times their
 * size; far more means a hostile page (e.g. formatting elements reopened in
 * every paragraph). */
#define PX_HTML_PARSE_MEM_BASE ((size_t)128 << 20)
#define PX_HTML_PARSE_MEM_FACTOR 24
/* ... and never more than this: a page needing more is refused rather than
 * left to the kernel's out-of-memory killer. */
#define PX_HTML_PARSE_MEM_MAX ((size_t)2 << 30)
/* Arena chunks: big enough that a page needs few, small enough for tiny pages. */
#define PX_ARENA_CHUNK ((size_t)256 << 10)

#define A(name) {name, sizeof name - 1}
static const struct {
  const char *name;
  size_t len;
} attr_names[PX_HA__COUNT] = {
    A("class"), A("id"), A("itemprop"), A("itemtype"), A("rel"), A("href"), A("role"), A("hidden"), A("style"),
    A("aria-hidden"), A("name"), A("property"), A("content"), A("datetime"), A("type"), A("http-equiv"),
    A("charset"), A("lang"), A("aria-label")};

int px_hattr_lookup(const char *name, size_t n) {
  for (int i = 0; i < PX_HA__COUNT; i++)
    if (attr_names[i].len == n && name[0] == attr_names[i].name[0] && memcmp(attr_names[i].name, name, n) == 0)
      return i;
  return -1;
}

/* ---- the arena -------------------------------------------------------- */

typedef struct chunk {
  struct chunk *prev;
  size_t size, used;
  max_align_t data[];
} chunk;

typedef struct arena {
  chunk *top;
  size_t total, limit;
  jmp_buf *fail;
  int failed; /* PX_ETOOBIG or PX_ENOMEM once the allocator gave up */
} arena;

static void *arena_alloc(void *ud, size_t size) {
  arena *a = ud;
  size = (size + 15) & ~(size_t)15;
  if (!a->top || a->top->size - a->top->used < size) {
    size_t cs = size > PX_ARENA_CHUNK / 4 ? size : PX_ARENA_CHUNK;
    chunk *c = a->total + cs > a->limit ? NULL : malloc(sizeof *c + cs);
    if (!c) {
      a->failed = a->total + cs > a->limit ? PX_ETOOBIG : PX_ENOMEM;
      longjmp(*a->fail, 1);
    }
    c->size = cs;
    c->used = 0;
    a->total += cs;
    if (cs == size && a->top) { /* a big block: keep filling the current chunk */
      c->prev = a->top->prev;
      a->top->prev = c;
      c->used = size;
      return c->data;
    }
    c->prev = a->top;
    a->top = c;
  }
  void *p = (char *)a->top->data + a->top->used;
  a->top->used += size;
  return p;
}

static void arena_free_block(void *ud, void *p) {
  (void)ud;
  (void)p; /* everything goes at once in arena_release */
}

static void arena_release(arena *a) {
  while (a->top) {
    chunk *p = a->top->prev;
    free(a->top);
    a->top = p;
  }
}

/* ---- the copy ----------------------------------------------------------- */

/* Appends cleaned text: U+00A0 -> space; U+00AD, U+200B-U+200D, U+2060, U+FEFF dropped. */
static int put_clean(px_buf *b, const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0, from = 0;
  int rc = PX_OK;
  while (p[i] && !rc) {
    if (p[i] < 0xC2) {
      i++;
      continue;
    }
    size_t drop = 0;
    bool space = false;
    if (p[i] == 0xC2 && (p[i + 1] == 0xA0 || p[i + 1] == 0xAD)) drop = 2, space = p[i + 1] == 0xA0;
    else if (p[i] == 0xE2 && p[i + 1] == 0x80 && p[i + 2] >= 0x8B && p[i + 2] <= 0x8D) drop = 3;
    else if (p[i] == 0xE2 && p[i + 1] == 0x81 && p[i + 2] == 0xA0) drop = 3;
    else if (p[i] == 0xEF && p[i + 1] == 0xBB && p[i + 2] == 0xBF) drop = 3;
    if (!drop) {
      i++;
      continue;
    }
    rc = px_buf_append(b, s + from, i - from);
    if (!rc && space) rc = px_buf_putc(b, ' ');
    i += drop;
    from = i;
  }
  return rc ? rc : px_buf_append(b, s + from, i - from);
}

/* Appends a node as the last child of `parent`; *idx gets its index. */
static int new_node(px_hdom *d, uint32_t parent, uint16_t tag, uint32_t *idx) {
  if (d->count == d->cap) {
    size_t cap = d->cap ? d->cap * 2 : 1024;
    px_hnode *p = cap < UINT32_MAX ? realloc(d->n, cap * sizeof *p) : NULL;
    if (!p) return PX_ENOMEM;
    d->n = p;
    d->cap = cap;
  }
  uint32_t i = *idx = (uint32_t)d->count++;
  d->n[i] = (px_hnode){.parent = parent, .tag = tag};
  if (i) {
    if (d->n[parent].last) d->n[d->n[parent].last].next = i;
    else d->n[parent].first = i;
    d->n[parent].last = i;
  }
  return PX_OK;
}

static bool style_hides(const char *s, size_t n) {
  char buf[256];
  size_t k = 0;
  for (size_t i = 0; i < n && k + 1 < sizeof buf; i++)
    if (!px_is_space((unsigned char)s[i])) buf[k++] = (char)px_lower((unsigned char)s[i]);
  buf[k] = '\0';
  return strstr(buf, "display:none") || strstr(buf, "visibility:hidden");
}

/* Utility classes that hide an element (display: none, or shown to screen
 * readers only: "Opens in a new window", hidden microdata). Whole words only. */
static bool class_hides(const char *v, size_t n) {
  static const char *const hide[] = {"hidden",         "hide",           "d-none",          "sr-only",
                                     "screen-reader-text", "visually-hidden", "visuallyhidden", "screenreader-only",
                                     "is-hidden",      "u-hidden",       "element-invisible"};
  static const char *const show[] = {"d-sm-", "d-md-", "d-lg-", "d-xl-"}; /* "d-none d-md-block": shown on desktops */
  bool hidden = false;
  for (size_t i = 0; i < n;) {
    while (i < n && px_is_space((unsigned char)v[i])) i++;
    size_t st = i;
    while (i < n && !px_is_space((unsigned char)v[i])) i++;
    for (size_t k = 0; k < sizeof hide / sizeof *hide && i > st; k++)
      if (strlen(hide[k]) == i - st && strncasecmp(hide[k], v + st, i - st) == 0) hidden = true;
    for (size_t k = 0; k < sizeof show / sizeof *show; k++)
      if (i - st > 5 && strncasecmp(show[k], v + st, 5) == 0 && strncasecmp(v + i - 4, "none", 4) != 0) return false;
  }
  return hidden;
}

/* Elements whose content is never shown as text. */
static bool dead_tag(unsigned tag) {
  switch (tag) {
  case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
  case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
  case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO:
  case GUMBO_TAG_AUDIO: case GUMBO_TAG_SELECT: case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT:
  case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_MAP: case GUMBO_TAG_NOFRAMES:
  case GUMBO_TAG_NOEMBED: case GUMBO_TAG_TITLE:
    return true;
  default:
    return false;
  }
}

static int copy_attrs(px_hdom *d, uint32_t idx, const GumboElement *e) {
  d->n[idx].attr = (uint32_t)d->n_attrs;
  for (unsigned k = 0; k < e->attributes.length; k++) {
    const GumboAttribute *a = e->attributes.data[k];
    int id = px_hattr_lookup(a->name, strlen(a->name));
    if (id < 0) continue;
    if (d->n_attrs == d->attrs_cap) {
      size_t cap = d->attrs_cap ? d->attrs_cap * 2 : 512;
      px_hattr *p = realloc(d->attrs, cap * sizeof *p);
      if (!p) return PX_ENOMEM;
      d->attrs = p;
      d->attrs_cap = cap;
    }
    size_t off = d->buf.len;
    if (px_buf_puts(&d->buf, a->value)) return PX_ENOMEM;
    d->attrs[d->n_attrs++] = (px_hattr){(uint32_t)id, (uint32_t)off, (uint32_t)(d->buf.len - off)};
    d->n[idx].n_attr++;
  }
  return PX_OK;
}

/* Flags of a new element from its tag, attributes and parent. */
static uint16_t element_flags(const px_hdom *d, uint32_t idx, const GumboElement *e) {
  uint16_t f = d->n[d->n[idx].parent].flags & PX_HN_DEAD;
  size_t n;
  const char *style = px_hdom_attr(d, idx, PX_HA_STYLE, &n);
  if (dead_tag(e->tag) || px_hdom_attr(d, idx, PX_HA_HIDDEN, NULL) || (style && style_hides(style, n)))
    f |= PX_HN_HARD | PX_HN_DEAD;
  const char *cls = px_hdom_attr(d, idx, PX_HA_CLASS, &n);
  if (px_hdom_attr_is(d, idx, PX_HA_ARIA_HIDDEN, "true") || (cls && class_hides(cls, n))) f |= PX_HN_SOFT | PX_HN_DEAD;
  if (e->tag_namespace != GUMBO_NAMESPACE_HTML) f |= PX_HN_SVG | PX_HN_HARD | PX_HN_DEAD;
  const char *t = e->tag == GUMBO_TAG_SCRIPT ? px_hdom_attr(d, idx, PX_HA_TYPE, &n) : NULL;
  for (size_t k = 0; t && k + 7 <= n; k++)
    if (memcmp(t + k, "ld+json", 7) == 0) f |= PX_HN_LDJSON;
  return f;
}

static int copy_text(px_hdom *d, uint32_t parent, const GumboNode *g) {
  uint32_t idx;
  if (new_node(d, parent, PX_HTAG_TEXT, &idx)) return PX_ENOMEM;
  px_hnode *p = &d->n[parent];
  bool raw = p->tag == GUMBO_TAG_SCRIPT || p->tag == GUMBO_TAG_STYLE;
  size_t off = d->buf.len;
  int rc = raw ? px_buf_puts(&d->buf, g->v.text.text) : put_clean(&d->buf, g->v.text.text);
  if (rc) return rc;
  if (d->buf.len > UINT32_MAX) return PX_ETOOBIG;
  d->n[idx].off = (uint32_t)off;
  d->n[idx].len = (uint32_t)(d->buf.len - off);
  d->n[idx].flags = (uint16_t)((d->n[parent].flags & (PX_HN_DEAD | PX_HN_LDJSON)) | (raw ? PX_HN_RAW : 0));
  return PX_OK;
}

typedef struct frame {
  const GumboNode *g;
  unsigned next_child;
  uint32_t idx;
} frame;

static int copy_tree(px_hdom *d, const GumboNode *root) {
  size_t cap = 256, top = 0;
  frame *st = malloc(cap * sizeof *st);
  uint32_t idx;
  if (!st || new_node(d, 0, GUMBO_TAG_UNKNOWN, &idx)) { /* node 0: the document */
    free(st);
    return PX_ENOMEM;
  }
  st[top++] = (frame){root, 0, 0};
  int rc = PX_OK;
  while (top && !rc) {
    frame *f = &st[top - 1];
    const GumboVector *kids = f->g->type == GUMBO_NODE_DOCUMENT ? &f->g->v.document.children
                                                                 : &f->g->v.element.children;
    if (f->next_child >= kids->length) {
      top--;
      continue;
    }
    const GumboNode *c = kids->data[f->next_child++];
    uint32_t parent = f->idx;
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE || c->type == GUMBO_NODE_CDATA) {
      rc = copy_text(d, parent, c);
      continue;
    }
    if (c->type != GUMBO_NODE_ELEMENT && c->type != GUMBO_NODE_TEMPLATE) continue; /* comments */
    if (new_node(d, parent, (uint16_t)c->v.element.tag, &idx) || copy_attrs(d, idx, &c->v.element))
      rc = PX_ENOMEM;
    if (rc) break;
    d->n[idx].flags = element_flags(d, idx, &c->v.element);
    if (top == cap) {
      frame *p = realloc(st, (cap *= 2) * sizeof *p);
      if (!p) {
        rc = PX_ENOMEM;
        break;
      }
      st = p;
    }
    st[top++] = (frame){c, 0, idx};
  }
  free(st);
  if (!rc && (d->count > UINT32_MAX / 2 || d->n_attrs > UINT32_MAX / 2)) rc = PX_ETOOBIG;
  return rc;
}

/* gumbo's parse; NULL when the arena gave up (a->failed says why). Nothing
 * but the parser runs between setjmp and a longjmp out of the allocator. */
static __attribute__((noinline)) GumboOutput *parse_guarded(arena *a, const GumboOptions *opts, const char *html,
                                                            size_t len) {
  jmp_buf fail;
  a->fail = &fail;
  if (setjmp(fail) != 0) return NULL;
  return gumbo_parse_with_options(opts, html, len);
}

int px_hdom_parse(px_hdom *dom, const char *html, size_t len) {
  size_t limit = len > (PX_HTML_PARSE_MEM_MAX - PX_HTML_PARSE_MEM_BASE) / PX_HTML_PARSE_MEM_FACTOR
                     ? PX_HTML_PARSE_MEM_MAX
                     : PX_HTML_PARSE_MEM_BASE + PX_HTML_PARSE_MEM_FACTOR * len;
  arena a = {.limit = limit};
  GumboOptions opts = kGumboDefaultOptions;
  opts.allocator = arena_alloc;
  opts.deallocator = arena_free_block;
  opts.userdata = &a;
  opts.max_errors = 0; /* parse errors are not kept: they only cost memory */
  GumboOutput *out = parse_guarded(&a, &opts, html, len);
  int rc = out ? copy_tree(dom, out->document) : a.failed;
  arena_release(&a);
  return rc;
}

void px_hdom_free(px_hdom *dom) {
  free(dom->n);
  free(dom->attrs);
  px_buf_free(&dom->buf);
  *dom = (px_hdom){0};
}

size_t px_hdom_soft_hiding(px_hdom *dom, bool on) {
  size_t soft = 0;
  for (uint32_t i = 1; i < dom->count; i++) {
    px_hnode *n = &dom->n[i];
    bool dead = (dom->n[n->parent].flags & PX_HN_DEAD) || (n->flags & PX_HN_HARD) || (on && (n->flags & PX_HN_SOFT));
    soft += (n->flags & PX_HN_SOFT) != 0;
    n->flags = (uint16_t)(dead ? n->flags | PX_HN_DEAD : n->flags & ~PX_HN_DEAD);
  }
  return soft;
}

/* ---- access ------------------------------------------------------------- */

const char *px_hdom_attr(const px_hdom *dom, uint32_t node, px_hattr_name name, size_t *len) {
  const px_hnode *n = &dom->n[node];
  for (uint32_t k = 0; k < n->n_attr; k++) {
    const px_hattr *a = &dom->attrs[n->attr + k];
    if (a->name == (uint32_t)name) {
      if (len) *len = a->len;
      return dom->buf.data + a->off;
    }
  }
  return NULL;
}

bool px_hdom_attr_is(const px_hdom *dom, uint32_t node, px_hattr_name name, const char *s) {
  size_t n;
  const char *v = px_hdom_attr(dom, node, name, &n);
  if (!v || strlen(s) != n) return false;
  for (size_t i = 0; i < n; i++)
    if (px_lower((unsigned char)v[i]) != px_lower((unsigned char)s[i])) return false;
  return true;
}

uint32_t px_hdom_next(const px_hdom *dom, uint32_t root, uint32_t i, bool skip_children) {
  if (!skip_children && dom->n[i].first) return dom->n[i].first;
  while (i != root) {
    if (dom->n[i].next) return dom->n[i].next;
    i = dom->n[i].parent;
  }
  return 0;
}

int px_hdom_text(const px_hdom *dom, uint32_t node, px_buf *b) {
  for (uint32_t i = node; i; i = px_hdom_next(dom, node, i, false)) {
    const px_hnode *n = &dom->n[i];
    if (n->tag == PX_HTAG_TEXT && px_buf_append(b, dom->buf.data + n->off, n->len)) return PX_ENOMEM;
  }
  return PX_OK;
}
