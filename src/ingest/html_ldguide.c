/* html_ldguide.c - which text blocks the JSON-LD articleBody confirms.
 *
 * Many pages state their article body in schema.org JSON-LD. It can be cut
 * short (a teaser for a paywall) or carry markup, so it is not used as the
 * text when the page's own blocks can be found; it is a witness instead: a
 * block whose word trigrams mostly occur in it is article text. The extractor
 * (html_extract.c) checks its pick against these confirmed blocks.
 */
#include "html.h"

#include <stdlib.h>
#include <string.h>

/* A block is confirmed when this share of its word trigrams is in the body. */
#define PX_LD_CONFIRM_SHARE 0.5

typedef struct {
  uint64_t *v;
  size_t cap, n;
} hset;

static int hset_add(hset *s, uint64_t h) {
  if (!h) h = 1;
  if (2 * (s->n + 1) > s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 1024;
    uint64_t *v = calloc(cap, sizeof *v);
    if (!v) return PX_ENOMEM;
    for (size_t i = 0; i < s->cap; i++) {
      if (!s->v[i]) continue;
      size_t j = s->v[i] & (cap - 1);
      while (v[j]) j = (j + 1) & (cap - 1);
      v[j] = s->v[i];
    }
    free(s->v);
    s->v = v;
    s->cap = cap;
  }
  size_t j = h & (s->cap - 1);
  while (s->v[j] && s->v[j] != h) j = (j + 1) & (s->cap - 1);
  if (!s->v[j]) s->v[j] = h, s->n++;
  return PX_OK;
}

static bool hset_has(const hset *s, uint64_t h) {
  if (!h) h = 1;
  if (!s->cap) return false;
  size_t j = h & (s->cap - 1);
  while (s->v[j]) {
    if (s->v[j] == h) return true;
    j = (j + 1) & (s->cap - 1);
  }
  return false;
}

/* Calls back with the hash of each word trigram of s (lower-cased words of
 * letters, digits and non-ASCII bytes). */
typedef int (*trigram_fn)(void *ud, uint64_t h);

static int trigrams(const char *s, size_t n, trigram_fn fn, void *ud) {
  uint64_t w[3] = {0};
  size_t words = 0;
  for (size_t i = 0; i < n;) {
    while (i < n && !px_is_alnum((unsigned char)s[i]) && (unsigned char)s[i] < 0x80) i++;
    if (i >= n) break;
    uint64_t h = 1469598103934665603ull;
    while (i < n && (px_is_alnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80))
      h = (h ^ px_lower((unsigned char)s[i++])) * 1099511628211ull;
    w[0] = w[1], w[1] = w[2], w[2] = h;
    if (++words >= 3) {
      int rc = fn(ud, (w[0] * 31 + w[1]) * 0x9E3779B97F4A7C15ull ^ w[2]);
      if (rc) return rc;
    }
  }
  return PX_OK;
}

static int add_cb(void *ud, uint64_t h) { return hset_add(ud, h); }

typedef struct {
  const hset *set;
  size_t all, hit;
} counter;

static int count_cb(void *ud, uint64_t h) {
  counter *c = ud;
  c->all++;
  c->hit += hset_has(c->set, h);
  return PX_OK;
}

int px_html_ld_confirm(const char *ld_body, const px_hblocks *b, uint8_t *confirmed, size_t *chars) {
  hset set = {0};
  *chars = 0;
  int rc = trigrams(ld_body, strlen(ld_body), add_cb, &set);
  for (size_t k = 0; k < b->n && !rc; k++) {
    counter c = {&set, 0, 0};
    trigrams(b->text.data + b->v[k].off, b->v[k].len, count_cb, &c);
    confirmed[k] = c.all > 0 && c.hit >= PX_LD_CONFIRM_SHARE * c.all;
    if (confirmed[k]) *chars += b->v[k].chars;
  }
  free(set.v);
  return rc;
}
