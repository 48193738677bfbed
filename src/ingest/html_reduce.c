/* html_reduce.c - a smaller, safer equivalent of a page for the HTML parser.
 *
 * A light tokenizer rewrites the page before gumbo sees it:
 *  - the bodies of <script> (except JSON-LD) and <style>, comments and inline
 *    <svg> drawings are dropped: they are most of a modern page's bytes, none
 *    of its text, and the parser's slowest states;
 *  - attributes other than the few the extractor reads are dropped, and each
 *    kept one appears once (the first, as the parser would keep it): gumbo
 *    checks every new attribute against the tag's earlier ones, so 200,000
 *    attributes on one tag would cost it minutes;
 *  - nesting is capped at PX_HTML_MAX_DEPTH: gumbo walks its stack of open
 *    elements for many tags, which is quadratic in the depth, and frees its
 *    tree recursively. Start tags deeper than the cap are dropped with their
 *    end tags; their text stays.
 * The output is what gumbo parses, so parser positions are offsets into it,
 * not into the original bytes (see ARCHITECTURE.md).
 */
#include "html.h"

#include <stdlib.h>
#include <string.h>

/* Deepest element nesting passed to the parser. Real pages stay well under
 * 100 levels; beyond this a page is broken or hostile. */
#define PX_HTML_MAX_DEPTH 400
/* An end tag looks this far down the stack of open elements for its start
 * tag; an end tag without a match that close is stray and left to the parser.
 * Bounds the work per end tag. */
#define PX_HTML_END_SEARCH 48
/* Longest tag name we distinguish (longer names are compared by hash only). */
#define PX_TAGNAME_MAX 16

typedef struct {
  uint32_t hash;
  bool dropped;
} open_el;

typedef struct {
  const char *s;
  size_t n, i;
  px_buf *out;
  open_el *stack;
  size_t depth, cap, kept; /* entries; allocated; entries not dropped */
} reducer;

static bool name_is(const char *name, size_t n, const char *lit) {
  size_t k = strlen(lit);
  if (n != k) return false;
  for (size_t i = 0; i < k; i++)
    if (px_lower((unsigned char)name[i]) != (unsigned char)lit[i]) return false;
  return true;
}

static bool name_in(const char *name, size_t n, const char *const *set, size_t count) {
  for (size_t i = 0; i < count; i++)
    if (name_is(name, n, set[i])) return true;
  return false;
}

/* Elements that never nest or whose end tags are optional: they do not count
 * towards the depth (so that <p> or <li> left open everywhere is not deep). */
static bool uncounted(const char *name, size_t n) {
  static const char *const set[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
      "track", "wbr", "keygen", "html", "head", "body", "p", "li", "dt", "dd", "option", "optgroup",
      "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "colgroup", "rb", "rt", "rp", "rtc", "image"};
  return name_in(name, n, set, sizeof set / sizeof *set);
}

/* Finds "</name" (case-insensitive) followed by a delimiter, from s[from]. */
static size_t find_end_tag(const char *s, size_t n, size_t from, const char *name) {
  size_t k = strlen(name);
  for (size_t i = from; i + 2 + k <= n;) {
    const char *lt = memchr(s + i, '<', n - i);
    if (!lt) return n;
    i = (size_t)(lt - s);
    if (i + 2 + k <= n && s[i + 1] == '/' && name_is(s + i + 2, k, name) &&
        (i + 2 + k == n || px_is_space((unsigned char)s[i + 2 + k]) || s[i + 2 + k] == '>' ||
         s[i + 2 + k] == '/'))
      return i;
    i++;
  }
  return n;
}

static int push(reducer *r, uint32_t hash, bool dropped) {
  if (r->depth == r->cap) {
    size_t cap = r->cap ? r->cap * 2 : 256;
    open_el *p = realloc(r->stack, cap * sizeof *p);
    if (!p) return PX_ENOMEM;
    r->stack = p;
    r->cap = cap;
  }
  r->stack[r->depth++] = (open_el){hash, dropped};
  if (!dropped) r->kept++;
  return PX_OK;
}

/* An end tag: pops to its start tag when that is near the top. Returns true
 * when the end tag should be written. */
static bool pop_to(reducer *r, uint32_t hash) {
  size_t lim = r->depth > PX_HTML_END_SEARCH ? r->depth - PX_HTML_END_SEARCH : 0;
  for (size_t k = r->depth; k > lim; k--) {
    if (r->stack[k - 1].hash != hash) continue;
    bool dropped = r->stack[k - 1].dropped;
    while (r->depth >= k) {
      if (!r->stack[r->depth - 1].dropped) r->kept--;
      r->depth--;
    }
    return !dropped;
  }
  return true;
}

static bool contains(const char *s, size_t n, const char *lit) {
  size_t k = strlen(lit);
  for (size_t i = 0; i + k <= n; i++)
    if (name_is(s + i, k, lit)) return true;
  return false;
}

/* Writes one attribute value in double quotes. */
static int put_value(px_buf *out, const char *v, size_t n) {
  int rc = px_buf_putc(out, '"');
  for (size_t i = 0; i < n && !rc;) {
    const char *q = memchr(v + i, '"', n - i);
    size_t e = q ? (size_t)(q - v) : n;
    rc = px_buf_append(out, v + i, e - i);
    if (!rc && q) rc = px_buf_puts(out, "&quot;");
    i = q ? e + 1 : n;
  }
  return rc ? rc : px_buf_putc(out, '"');
}

/* Reads the attributes of a start tag from r->i to its '>', writing the kept
 * ones. Sets *self_closing and, for <script>, *ldjson. */
static int attributes(reducer *r, bool *self_closing, bool *ldjson) {
  const char *s = r->s;
  size_t n = r->n, i = r->i;
  uint32_t seen = 0;
  int rc = PX_OK;
  *self_closing = false;
  *ldjson = false;
  while (i < n && s[i] != '>' && !rc) {
    if (px_is_space((unsigned char)s[i]) || s[i] == '/') {
      *self_closing = s[i] == '/';
      i++;
      continue;
    }
    *self_closing = false;
    size_t ns = i++; /* the first character may be '=' */
    while (i < n && !px_is_space((unsigned char)s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=') i++;
    size_t ne = i, vs = 0, ve = 0;
    while (i < n && px_is_space((unsigned char)s[i])) i++;
    bool has_value = i < n && s[i] == '=';
    if (has_value) {
      i++;
      while (i < n && px_is_space((unsigned char)s[i])) i++;
      if (i < n && (s[i] == '"' || s[i] == '\'')) {
        const char *q = memchr(s + i + 1, s[i], n - i - 1);
        vs = i + 1;
        ve = q ? (size_t)(q - s) : n;
        i = q ? ve + 1 : n;
      } else {
        vs = i;
        while (i < n && !px_is_space((unsigned char)s[i]) && s[i] != '>') i++;
        ve = i;
      }
    }
    char lname[24];
    size_t ln = ne - ns < sizeof lname ? ne - ns : 0;
    for (size_t k = 0; k < ln; k++) lname[k] = (char)px_lower((unsigned char)s[ns + k]);
    int id = ln ? px_hattr_lookup(lname, ln) : -1;
    if (id < 0 || (seen & (1u << id))) continue;
    seen |= 1u << id;
    if (id == PX_HA_TYPE && contains(s + vs, ve - vs, "ld+json")) *ldjson = true;
    rc = px_buf_putc(r->out, ' ');
    if (!rc) rc = px_buf_append(r->out, lname, ln);
    if (!rc && has_value) rc = px_buf_putc(r->out, '=');
    if (!rc && has_value) rc = put_value(r->out, s + vs, ve - vs);
  }
  r->i = i < n ? i + 1 : n;
  return rc;
}

/* Skips an inline <svg> drawing (nested ones too); r->i is after "<svg". */
static void skip_svg(reducer *r) {
  int level = 1;
  size_t i = r->i;
  while (i < r->n && level > 0) {
    const char *lt = memchr(r->s + i, '<', r->n - i);
    if (!lt) {
      i = r->n;
      break;
    }
    i = (size_t)(lt - r->s) + 1;
    bool end = i < r->n && r->s[i] == '/';
    size_t at = i + end;
    if (at + 3 <= r->n && name_is(r->s + at, 3, "svg") &&
        (at + 3 == r->n || px_is_space((unsigned char)r->s[at + 3]) || strchr("/>", r->s[at + 3]))) {
      level += end ? -1 : 1;
      if (!end) { /* <svg .../> does not open */
        const char *gt = memchr(r->s + at, '>', r->n - at);
        if (gt && gt > r->s + at && gt[-1] == '/') level--;
      }
    }
  }
  const char *gt = i < r->n ? memchr(r->s + i, '>', r->n - i) : NULL;
  r->i = gt ? (size_t)(gt - r->s) + 1 : r->n;
}

/* Raw-text elements: their content is not markup. Script and style bodies
 * are dropped (JSON-LD kept); the others are copied unless `drop`. */
static int raw_body(reducer *r, const char *name, size_t nl, bool ldjson, bool drop) {
  static const char *const raw[] = {"script", "style", "xmp", "iframe", "noembed", "noframes", "textarea",
                                    "title"};
  char lname[PX_TAGNAME_MAX];
  size_t k;
  for (k = 0; k < sizeof raw / sizeof *raw; k++)
    if (name_is(name, nl, raw[k])) break;
  if (k == sizeof raw / sizeof *raw) return PX_OK;
  for (size_t j = 0; j < nl; j++) lname[j] = (char)px_lower((unsigned char)name[j]);
  lname[nl] = '\0';
  size_t e = find_end_tag(r->s, r->n, r->i, lname);
  bool keep = !drop && (k >= 2 || ldjson);
  int rc = keep ? px_buf_append(r->out, r->s + r->i, e - r->i) : PX_OK;
  r->i = e;
  return rc;
}

/* A tag at r->s[r->i] == '<' followed by a letter or "/letter". */
static int tag(reducer *r) {
  const char *s = r->s;
  size_t n = r->n, i = r->i + 1;
  bool end = s[i] == '/';
  i += end;
  size_t ns = i;
  while (i < n && !px_is_space((unsigned char)s[i]) && s[i] != '/' && s[i] != '>') i++;
  const char *name = s + ns;
  size_t nl = i - ns;
  uint32_t h = px_hash(name, nl, true);
  r->i = i;
  if (end) {
    const char *gt = memchr(s + i, '>', n - i); /* attributes of end tags mean nothing */
    r->i = gt ? (size_t)(gt - s) + 1 : n;
    if (!uncounted(name, nl) && !pop_to(r, h)) return PX_OK;
    int rc = px_buf_puts(r->out, "</");
    if (!rc) rc = px_buf_append(r->out, name, nl);
    return rc ? rc : px_buf_putc(r->out, '>');
  }
  if (name_is(name, nl, "svg")) {
    skip_svg(r);
    return PX_OK;
  }
  bool counted = !uncounted(name, nl), drop = counted && r->kept >= PX_HTML_MAX_DEPTH;
  size_t mark = r->out->len;
  bool self_closing = false, ldjson = false;
  int rc = px_buf_putc(r->out, '<');
  if (!rc) rc = px_buf_append(r->out, name, nl);
  if (!rc) rc = attributes(r, &self_closing, &ldjson);
  if (!rc) rc = px_buf_puts(r->out, self_closing ? "/>" : ">");
  if (!rc && drop) r->out->len = mark; /* too deep: the tag goes, its text stays */
  /* "/>" closes nothing in HTML (<div/> opens a div): the depth counts it */
  if (!rc && counted) rc = push(r, h, drop);
  if (!rc && nl < PX_TAGNAME_MAX) rc = raw_body(r, name, nl, ldjson, drop);
  return rc;
}

/* A comment (dropped) or another "<!" / "<?" construct (kept: doctype). */
static int markup_decl(reducer *r) {
  const char *s = r->s;
  size_t n = r->n, i = r->i;
  if (i + 3 < n && s[i + 1] == '!' && s[i + 2] == '-' && s[i + 3] == '-') {
    for (size_t k = i + 4; k + 2 < n; k++)
      if (s[k] == '-' && s[k + 1] == '-' && (s[k + 2] == '>' || (s[k + 2] == '!' && k + 3 < n && s[k + 3] == '>'))) {
        r->i = k + (s[k + 2] == '>' ? 3 : 4);
        return PX_OK;
      }
    r->i = n;
    return PX_OK;
  }
  const char *gt = memchr(s + i, '>', n - i);
  size_t e = gt ? (size_t)(gt - s) + 1 : n;
  int rc = px_buf_append(r->out, s + i, e - i);
  r->i = e;
  return rc;
}

int px_html_reduce(const char *in, size_t len, char **out, size_t *out_len) {
  px_buf b = {0};
  reducer r = {.s = in, .n = len, .out = &b};
  int rc = px_buf_reserve(&b, len / 2 + 64);
  while (!rc && r.i < len) {
    const char *lt = memchr(in + r.i, '<', len - r.i);
    size_t e = lt ? (size_t)(lt - in) : len;
    rc = px_buf_append(&b, in + r.i, e - r.i);
    r.i = e;
    if (rc || e >= len) break;
    unsigned char c = e + 1 < len ? (unsigned char)in[e + 1] : 0;
    unsigned char c2 = e + 2 < len ? (unsigned char)in[e + 2] : 0;
    if (px_is_alpha(c) || (c == '/' && px_is_alpha(c2))) rc = tag(&r);
    else if (c == '!' || c == '?') rc = markup_decl(&r);
    else {
      rc = px_buf_putc(&b, '<');
      r.i++;
    }
  }
  free(r.stack);
  if (rc) {
    px_buf_free(&b);
    return rc;
  }
  *out = px_buf_take(&b, out_len);
  return *out ? PX_OK : PX_ENOMEM;
}
