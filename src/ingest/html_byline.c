/* html_byline.c - authors and dated bylines, and the site's name cut from titles.
 *
 * Authors come from itemprop=author, rel=author and elements whose class or
 * id says byline or author; "By A, B and C" is split into names. A name is
 * dropped when it is a URL, a handle, too long to be a name, or the site's
 * own name (an outlet is not an author).
 */
#include "html.h"

#include <gumbo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Longest author name in bytes, and most words in one. */
#define PX_NAME_MAX 60
#define PX_NAME_WORDS 6
/* A byline element or block longer than this is a bio or an article, not a byline. */
#define PX_BYLINE_MAX 160
/* Dated bylines are looked for in this many blocks from the article's start. */
#define PX_BYLINE_BLOCKS 12

/* Lower-case letters and digits only: "The Site.com" -> "thesitecom". */
static size_t squash(const char *s, size_t n, char *out, size_t cap) {
  size_t k = 0;
  for (size_t i = 0; i < n && k + 1 < cap; i++)
    if (px_is_alnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80) out[k++] = (char)px_lower((unsigned char)s[i]);
  out[k] = '\0';
  return k;
}

static bool same_name(const char *a, size_t an, const char *b) {
  char x[128], y[128];
  size_t k = squash(a, an, x, sizeof x);
  return k && squash(b, strlen(b), y, sizeof y) == k && strcmp(x, y) == 0;
}

/* A name that is the site's name, holds it, or is part of it ("Example", "Example
 * staff", "The Example Blog"): an outlet, not a person. */
static bool is_site(const px_hmeta *m, const char *s, size_t n) {
  char x[128], y[128];
  if (!m->site.value) return false;
  size_t a = squash(s, n, x, sizeof x), b = squash(m->site.value, strlen(m->site.value), y, sizeof y);
  if (!a || !b) return false;
  if (a == b) return strcmp(x, y) == 0;
  return a > b ? b >= 3 && strstr(x, y) != NULL : a >= 4 && strstr(y, x) != NULL;
}

/* A title part that names the site: equal to its name, or one holds the other
 * ("Example" and "Example.com", "The Example Times" and "Example Times"). */
static bool site_like(const px_hmeta *m, const char *s, size_t n) {
  char x[128], y[128];
  if (!m->site.value) return false;
  size_t a = squash(s, n, x, sizeof x), b = squash(m->site.value, strlen(m->site.value), y, sizeof y);
  return a >= 3 && b >= 3 && (strstr(x, y) || strstr(y, x));
}

static bool has_word(const char *s, size_t n, const char *w) {
  size_t k = strlen(w);
  for (size_t i = 0; i + k <= n; i++)
    if (strncasecmp(s + i, w, k) == 0 && (i == 0 || !px_is_alpha((unsigned char)s[i - 1])) &&
        (i + k == n || !px_is_alpha((unsigned char)s[i + k])))
      return true;
  return false;
}

/* Words that make a byline part a job title or a placeholder, not a name. */
static const char *const not_names[] = {
    "admin", "staff", "editor", "editors", "administrator", "guest", "unknown", "by", "and", "the", "writer",
    "correspondent", "reporter", "contributor", "contributing", "columnist", "large", "desk", "team", "news",
    "newsroom", "press", "media", "analysis", "opinion", "updated", "published", "posted", "photos", "photo",
    "www", "com", "http", "https"};

static bool plausible_name(const char *s, size_t n) {
  if (n == 0 || n > PX_NAME_MAX) return false;
  size_t words = 1, upper = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == ' ') words++;
    if (px_is_upper(c) || c >= 0x80) upper++;
    if (c == '@' || c == '/' || c == '<' || c == '{' || c == '|' || px_is_digit(c)) return false;
  }
  for (size_t k = 0; k < sizeof not_names / sizeof *not_names; k++)
    if (has_word(s, n, not_names[k])) return false;
  return words <= PX_NAME_WORDS && upper > 0;
}

/* Where the names of a byline end: at a digit or a month's name (its date). */
static size_t names_end(const char *s, size_t n) {
  static const char *const months[] = {"January", "February", "March", "April", "June", "July", "August",
                                       "September", "October", "November", "December", "Jan.", "Feb.",
                                       "Aug.", "Sept.", "Oct.", "Nov.", "Dec."};
  size_t end = n;
  for (size_t i = 0; i < n && end == n; i++)
    if (px_is_digit((unsigned char)s[i])) end = i;
  for (size_t k = 0; k < sizeof months / sizeof *months; k++) {
    size_t ml = strlen(months[k]);
    for (size_t i = 0; i + ml <= end; i++)
      if (memcmp(s + i, months[k], ml) == 0 && (i == 0 || !px_is_alpha((unsigned char)s[i - 1])) &&
          (i + ml == n || !px_is_alpha((unsigned char)s[i + ml]))) {
        end = i;
        break;
      }
  }
  return end;
}

static int add_one(px_hmeta *m, const char *s, size_t n) {
  while (n && (px_is_space((unsigned char)*s) || strchr(",;:|-", *s))) s++, n--;
  while (n && (px_is_space((unsigned char)s[n - 1]) || strchr(",;:|-.", s[n - 1]))) n--;
  for (size_t i = 0; i + 1 < n; i++) /* a label: "Text: Name", "Author: Name" */
    if (s[i] == ':' && s[i + 1] == ' ') {
      s += i + 2, n -= i + 2;
      i = 0;
    }
  for (size_t i = 0; i + 4 <= n && i < 24; i++) /* "By Name", "Analysis by Name", "Words by Name" */
    if ((i == 0 || s[i - 1] == ' ') && strncasecmp(s + i, "by ", 3) == 0) {
      s += i + 3, n -= i + 3;
      break;
    }
  if (!plausible_name(s, n) || is_site(m, s, n) || m->n_authors == PX_HMETA_MAX_AUTHORS) return PX_OK;
  for (size_t i = 0; i < m->n_authors; i++)
    if (same_name(s, n, m->authors[i])) return PX_OK;
  char *copy = px_strndup(s, n);
  if (!copy) return PX_ENOMEM;
  m->authors[m->n_authors++] = copy;
  return PX_OK;
}

/* Splits "A, B and C" (white space already collapsed) into names. */
static int add_names(px_hmeta *m, const char *s, size_t n) {
  size_t start = 0;
  for (size_t i = 0; i <= n; i++) {
    size_t skip = 0;
    if (i == n) skip = 1;
    else if (s[i] == ',' || s[i] == ';' || s[i] == '&' || s[i] == '|' || s[i] == '\n') skip = 1;
    else if (i + 5 <= n && strncasecmp(s + i, " and ", 5) == 0) skip = 5;
    if (!skip) continue;
    int rc = add_one(m, s + start, i - start);
    if (rc) return rc;
    start = i + skip;
    i = start - 1;
  }
  return PX_OK;
}

int px_hmeta_add_author(px_hmeta *m, const char *s, size_t n, const char *from, int rank) {
  if (m->authors_rank && rank > m->authors_rank) return PX_OK;
  if (m->authors_rank && rank < m->authors_rank) { /* a better source: start again */
    for (size_t i = 0; i < m->n_authors; i++) free(m->authors[i]);
    m->n_authors = 0;
  }
  px_hmeta_val tmp = {0}; /* collapses white space */
  int rc = px_hmeta_offer(&tmp, s, n, from, rank);
  if (!rc && tmp.value) {
    size_t before = m->n_authors;
    const char *v = tmp.value;
    rc = add_names(m, v, names_end(v, strlen(v))); /* "Jane Doe November 18, 2019" */
    if (!rc && (m->n_authors > before || !m->authors_rank || rank < m->authors_rank)) {
      m->authors_rank = rank;
      m->authors_from = from;
    }
  }
  free(tmp.value);
  return rc;
}

static bool class_says(const px_hdom *d, uint32_t i, const char *const *words, size_t nw) {
  px_hattr_name names[2] = {PX_HA_CLASS, PX_HA_ID};
  for (int a = 0; a < 2; a++) {
    size_t n;
    const char *v = px_hdom_attr(d, i, names[a], &n);
    for (size_t k = 0; v && k < nw; k++) {
      size_t wl = strlen(words[k]);
      for (size_t j = 0; j + wl <= n; j++)
        if (strncasecmp(v + j, words[k], wl) == 0 && (j == 0 || !px_is_alpha((unsigned char)v[j - 1])) &&
            (j + wl == n || !px_is_alpha((unsigned char)v[j + wl]) || v[j + wl] == 's'))
          return true;
    }
  }
  return false;
}

/* The text of a byline element, a space between its text nodes ("Jane Doe" and
 * a date in the next element must not run together). */
static int text_of(const px_hdom *d, uint32_t i, px_buf *b) {
  b->len = 0;
  for (uint32_t k = i; k; k = px_hdom_next(d, i, k, false)) {
    const px_hnode *n = &d->n[k];
    if (n->tag != PX_HTAG_TEXT || (n->flags & PX_HN_DEAD)) continue;
    if ((b->len && px_buf_putc(b, ' ')) || px_buf_append(b, d->buf.data + n->off, n->len)) return PX_ENOMEM;
  }
  return PX_OK;
}

/* An itemprop=author element: its itemprop=name child, or its own text. */
static uint32_t author_name_node(const px_hdom *d, uint32_t i) {
  for (uint32_t k = px_hdom_next(d, i, i, false); k; k = px_hdom_next(d, i, k, false))
    if (d->n[k].tag != PX_HTAG_TEXT && px_hdom_attr_is(d, k, PX_HA_ITEMPROP, "name")) return k;
  return i;
}

static int byline_element(const px_hdom *d, uint32_t i, px_hmeta *m, px_buf *b) {
  static const char *const words[] = {"byline", "author", "writer", "contributor", "byl"};
  const char *from = NULL;
  int rank = 0;
  uint32_t src = i;
  size_t rl;
  const char *rel = px_hdom_attr(d, i, PX_HA_REL, &rl);
  if (px_hdom_attr_is(d, i, PX_HA_ITEMPROP, "author")) from = "itemprop", rank = 3, src = author_name_node(d, i);
  else if (rel && rl >= 6 && strncasecmp(rel, "author", 6) == 0) from = "rel-author", rank = 4;
  else if (class_says(d, i, words, sizeof words / sizeof *words)) from = "byline", rank = 5;
  if (!from || (m->authors_rank && m->authors_rank < rank) || d->n[i].tag == GUMBO_TAG_META) return PX_OK;
  int rc = text_of(d, src, b);
  if (rc || b->len == 0 || b->len > PX_BYLINE_MAX) return rc;
  return px_hmeta_add_author(m, b->data, b->len, from, rank);
}

/* A date in a short line that reads like a byline or dateline. */
static int dated_byline(const px_hblocks *bl, size_t k, px_hmeta *m) {
  const px_hblock *b = &bl->v[k];
  char date[11];
  if (b->len > PX_BYLINE_MAX || !px_html_date_text(bl->text.data + b->off, b->len, date)) return PX_OK;
  return px_hmeta_offer(&m->published, date, strlen(date), "byline", PX_RANK_PUB_BYLINE);
}

int px_html_bylines(const px_hdom *d, const px_hblocks *bl, uint32_t root, px_hmeta *m) {
  px_buf b = {0};
  int rc = PX_OK;
  uint32_t scope = root && d->n[root].parent ? d->n[root].parent : 0; /* the article and what sits beside it */
  for (uint32_t i = scope ? scope : 1; i && !rc; i = px_hdom_next(d, scope, i, false)) {
    if (d->n[i].tag == PX_HTAG_TEXT || (d->n[i].flags & PX_HN_DEAD)) continue;
    rc = byline_element(d, i, m, &b);
  }
  px_buf_free(&b);
  if (rc || (m->published.value && m->published.rank < PX_RANK_PUB_BYLINE)) return rc;
  size_t seen = 0;
  for (size_t k = 0; k < bl->n && seen < PX_BYLINE_BLOCKS && !rc; k++) {
    bool in = !scope;
    for (uint32_t a = bl->v[k].node; a && !in; a = d->n[a].parent) in = a == scope;
    if (!in) continue;
    seen++;
    rc = dated_byline(bl, k, m);
  }
  return rc;
}

void px_hmeta_drop_site_authors(px_hmeta *m) {
  size_t out = 0;
  for (size_t i = 0; i < m->n_authors; i++) {
    if (is_site(m, m->authors[i], strlen(m->authors[i]))) free(m->authors[i]);
    else m->authors[out++] = m->authors[i];
  }
  m->n_authors = out;
  if (!out) m->authors_rank = 0, m->authors_from = NULL;
}

/* The parts of a title between separators: " | ", " - ", " – ", " — ", " · ", " :: ", " » ". */
static size_t find_sep(const char *t, size_t from, size_t *seplen) {
  static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xB7 ", " :: ",
                                     " \xC2\xBB ", " // "};
  size_t best = SIZE_MAX;
  for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
    const char *p = strstr(t + from, seps[k]);
    if (p && (size_t)(p - t) < best) {
      best = (size_t)(p - t);
      *seplen = strlen(seps[k]);
    }
  }
  return best;
}

static size_t count_words(const char *s, size_t n) {
  size_t w = 0;
  for (size_t i = 0; i < n; i++)
    if (!px_is_space((unsigned char)s[i]) && (i == 0 || px_is_space((unsigned char)s[i - 1]))) w++;
  return w;
}

void px_html_strip_site(px_hmeta *m) {
  char *t = m->title.value;
  if (!t) return;
  size_t sl = 0, first = find_sep(t, 0, &sl);
  if (first == SIZE_MAX) return;
  size_t last = first, ll = sl, k, kl = 0;
  while ((k = find_sep(t, last + ll, &kl)) != SIZE_MAX) last = k, ll = kl;
  size_t len = strlen(t);
  const char *tail = t + last + ll, *head = t;
  if (site_like(m, tail, len - last - ll)) {
    t[last] = '\0'; /* "Headline | Site" */
  } else if (site_like(m, head, first)) {
    memmove(t, t + first + sl, len - first - sl + 1); /* "Site | Headline" */
  } else if (!m->site.value && count_words(tail, len - last - ll) <= 3 && count_words(t, last) >= 3) {
    if (px_hmeta_offer(&m->site, tail, len - last - ll, "title", 9) == PX_OK) t[last] = '\0';
  }
}
