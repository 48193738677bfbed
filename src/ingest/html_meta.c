/* html_meta.c - a page's metadata, each value with where it came from.
 *
 * Sources are ranked per field (lower wins) and the best one present is kept:
 *   title        og:title 1, JSON-LD headline 2, <h1> 3, twitter:title 4, <title> 5
 *   published    JSON-LD 1, article:published_time 2, itemprop=datePublished 3,
 *                <time datetime> in the article 4, other meta tags 5, <time> elsewhere 6,
 *                the URL 7, a dated byline 8 (PX_RANK_PUB_*)
 *   modified     JSON-LD 1, article:modified_time 2, itemprop/og:updated_time 3, other meta 4
 *   authors      JSON-LD 1, meta author 2, itemprop=author 3, rel=author 4, byline 5
 *   site         og:site_name 1, JSON-LD publisher 2, JSON-LD WebSite 3, application-name 4,
 *                the end of <title> 9
 *   url          <link rel=canonical> 1, og:url 2, JSON-LD 3
 *   lang         <html lang> 1, Content-Language 2, og:locale and others 3, JSON-LD 4
 *   description  og:description 1, description 2, twitter:description 3, JSON-LD 4
 * Script text is never read, except JSON-LD (html_jsonld.c).
 */
#include "html.h"

#include <gumbo.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Longest metadata value kept (a description can be long; more is not metadata). */
#define PX_META_VALUE_MAX 2000

typedef enum { F_TITLE, F_PUB, F_MOD, F_SITE, F_URL, F_LANG, F_DESC, F_AUTHOR } field;

#define PUB(key) {key, F_PUB, PX_RANK_PUB_META}
static const struct {
  const char *key; /* <meta name|property|itemprop|http-equiv> */
  field f;
  int rank;
} meta_keys[] = {
    {"og:title", F_TITLE, 1}, {"twitter:title", F_TITLE, 4},
    {"article:published_time", F_PUB, PX_RANK_PUB_ARTICLE}, {"og:published_time", F_PUB, PX_RANK_PUB_ARTICLE},
    {"datepublished", F_PUB, PX_RANK_PUB_ITEMPROP},
    PUB("pubdate"), PUB("publishdate"), PUB("publish-date"), PUB("publish_date"), PUB("date"), PUB("dc.date"),
    PUB("dc.date.issued"), PUB("dcterms.created"), PUB("dcterms.date"), PUB("dcterms.issued"), PUB("sailthru.date"),
    PUB("parsely-pub-date"), PUB("article.published"), PUB("published_time"), PUB("publication_date"),
    PUB("citation_publication_date"), PUB("citation_date"),
    {"article:modified_time", F_MOD, 2}, {"datemodified", F_MOD, 3}, {"og:updated_time", F_MOD, 3},
    {"article:updated_time", F_MOD, 3}, {"last-modified", F_MOD, 4}, {"dcterms.modified", F_MOD, 4},
    {"article.updated", F_MOD, 4}, {"modified_time", F_MOD, 4},
    {"author", F_AUTHOR, 2}, {"article:author", F_AUTHOR, 2}, {"parsely-author", F_AUTHOR, 2},
    {"sailthru.author", F_AUTHOR, 2}, {"dc.creator", F_AUTHOR, 2}, {"byl", F_AUTHOR, 2},
    {"og:site_name", F_SITE, 1}, {"application-name", F_SITE, 4},
    {"og:url", F_URL, 2},
    {"content-language", F_LANG, 2}, {"og:locale", F_LANG, 3}, {"language", F_LANG, 3}, {"dc.language", F_LANG, 3},
    {"og:description", F_DESC, 1}, {"description", F_DESC, 2}, {"twitter:description", F_DESC, 3},
};

int px_hmeta_offer(px_hmeta_val *v, const char *s, size_t n, const char *from, int rank) {
  if (v->value && v->rank <= rank) return PX_OK;
  px_buf b = {0};
  bool space = false;
  for (size_t i = 0; i < n && b.len < PX_META_VALUE_MAX; i++) {
    unsigned char c = (unsigned char)s[i];
    if (px_is_space(c) || c < 0x20) {
      space = b.len > 0;
      continue;
    }
    if (space && px_buf_putc(&b, ' ')) break;
    space = false;
    if (px_buf_putc(&b, (char)c)) break;
  }
  while (b.len && (b.data[b.len - 1] & 0xC0) == 0x80) b.len--; /* a cut character */
  if (b.len && (b.data[b.len - 1] & 0x80)) b.len--;
  if (!b.len) {
    px_buf_free(&b);
    return PX_OK;
  }
  char *val = px_buf_take(&b, NULL);
  if (!val) return PX_ENOMEM;
  free(v->value);
  *v = (px_hmeta_val){.value = val, .from = from, .rank = rank};
  return PX_OK;
}

void px_hmeta_free(px_hmeta *m) {
  px_hmeta_val *vals[] = {&m->title, &m->published, &m->modified, &m->site, &m->url, &m->lang, &m->description};
  for (size_t i = 0; i < sizeof vals / sizeof *vals; i++) free(vals[i]->value);
  for (size_t i = 0; i < m->n_authors; i++) free(m->authors[i]);
  free(m->ld_body);
  *m = (px_hmeta){0};
}

/* A timestamp after a date, in UTC: "...T07:03:25Z", "...T07:03:25+00:00". */
static bool utc_stamp(const char *s, size_t n) {
  while (n && px_is_space((unsigned char)s[n - 1])) n--;
  if (n < 11 || (s[10] != 'T' && s[10] != ' ')) return false;
  if (s[n - 1] == 'Z') return true;
  return (n >= 6 && (memcmp(s + n - 6, "+00:00", 6) == 0 || memcmp(s + n - 6, "-00:00", 6) == 0)) ||
         (n >= 5 && memcmp(s + n - 5, "+0000", 5) == 0);
}

int px_hmeta_offer_date(px_hmeta_val *v, const char *s, size_t n, const char *from, int rank) {
  char date[11];
  if (!px_html_date_iso(s, n, date)) return PX_OK;
  const char *before = v->value;
  int rc = px_hmeta_offer(v, date, strlen(date), from, rank);
  if (!rc && v->value != before) v->utc = utc_stamp(s, n);
  return rc;
}


/* og:locale "en_US" -> "en-US". */
static int offer_lang(px_hmeta_val *v, const char *s, size_t n, const char *from, int rank) {
  char buf[36];
  size_t k = 0;
  for (size_t i = 0; i < n && k + 1 < sizeof buf; i++)
    if (!px_is_space((unsigned char)s[i])) buf[k++] = s[i] == '_' ? '-' : s[i];
  if (k == 0 || k >= sizeof buf - 1 || !px_is_alpha((unsigned char)buf[0])) return PX_OK;
  return px_hmeta_offer(v, buf, k, from, rank);
}

static int meta_tag(const px_hdom *d, uint32_t i, px_hmeta *m) {
  size_t kn, cn;
  const char *content = px_hdom_attr(d, i, PX_HA_CONTENT, &cn);
  if (!content) return PX_OK;
  static const px_hattr_name keys[] = {PX_HA_PROPERTY, PX_HA_NAME, PX_HA_ITEMPROP, PX_HA_HTTP_EQUIV};
  int rc = PX_OK;
  for (size_t a = 0; a < sizeof keys / sizeof *keys && !rc; a++) {
    const char *key = px_hdom_attr(d, i, keys[a], &kn);
    if (!key) continue;
    for (size_t k = 0; k < sizeof meta_keys / sizeof *meta_keys && !rc; k++) {
      const char *mk = meta_keys[k].key;
      if (strlen(mk) != kn || strncasecmp(mk, key, kn) != 0) continue;
      int r = meta_keys[k].rank;
      switch (meta_keys[k].f) {
      case F_TITLE: rc = px_hmeta_offer(&m->title, content, cn, mk, r); break;
      case F_PUB: rc = px_hmeta_offer_date(&m->published, content, cn, mk, r); break;
      case F_MOD: rc = px_hmeta_offer_date(&m->modified, content, cn, mk, r); break;
      case F_SITE: rc = px_hmeta_offer(&m->site, content, cn, mk, r); break;
      case F_URL: rc = px_hmeta_offer(&m->url, content, cn, mk, r); break;
      case F_LANG: rc = offer_lang(&m->lang, content, cn, mk, r); break;
      case F_DESC: rc = px_hmeta_offer(&m->description, content, cn, mk, r); break;
      case F_AUTHOR: rc = px_hmeta_add_author(m, content, cn, "meta", r); break;
      }
    }
  }
  return rc;
}

static int element_text(const px_hdom *d, uint32_t i, px_hmeta_val *v, const char *from, int rank) {
  if (v->value && v->rank <= rank) return PX_OK;
  px_buf b = {0};
  int rc = px_hdom_text(d, i, &b);
  if (!rc) rc = px_hmeta_offer(v, px_buf_cstr(&b), b.len, from, rank);
  px_buf_free(&b);
  return rc;
}

static bool inside(const px_hdom *d, uint32_t anc, uint32_t i) {
  for (; i; i = d->n[i].parent)
    if (i == anc) return true;
  return false;
}

/* One element of the page (meta, link, title, h1, time, html). */
static int element(const px_hdom *d, uint32_t i, uint32_t root, px_hmeta *m) {
  size_t n;
  const char *v;
  bool dead = d->n[i].flags & PX_HN_DEAD;
  switch (d->n[i].tag) {
  case GUMBO_TAG_META: return meta_tag(d, i, m);
  case GUMBO_TAG_HTML:
    v = px_hdom_attr(d, i, PX_HA_LANG, &n);
    return v ? offer_lang(&m->lang, v, n, "html-lang", 1) : PX_OK;
  case GUMBO_TAG_LINK:
    v = px_hdom_attr(d, i, PX_HA_HREF, &n);
    return v && px_hdom_attr_is(d, i, PX_HA_REL, "canonical") ? px_hmeta_offer(&m->url, v, n, "link-canonical", 1)
                                                              : PX_OK;
  case GUMBO_TAG_TITLE:
    return d->n[d->n[i].parent].tag == GUMBO_TAG_HEAD ? element_text(d, i, &m->title, "title", 5) : PX_OK;
  case GUMBO_TAG_H1:
    return dead ? PX_OK : element_text(d, i, &m->title, "h1", root && !inside(d, root, i) ? 4 : 3);
  case GUMBO_TAG_TIME:
    v = px_hdom_attr(d, i, PX_HA_DATETIME, &n);
    if (!v || dead) return PX_OK;
    if (px_hdom_attr_is(d, i, PX_HA_ITEMPROP, "dateModified"))
      return px_hmeta_offer_date(&m->modified, v, n, "itemprop", 3);
    if (px_hdom_attr_is(d, i, PX_HA_ITEMPROP, "datePublished"))
      return px_hmeta_offer_date(&m->published, v, n, "itemprop", PX_RANK_PUB_ITEMPROP);
    return px_hmeta_offer_date(&m->published, v, n, "time",
                               root && inside(d, root, i) ? PX_RANK_PUB_TIME : PX_RANK_PUB_TIME_PAGE);
  default:
    return PX_OK;
  }
}

int px_html_meta(const px_hdom *d, const px_hblocks *b, uint32_t root, const char *page_url, px_hmeta *m) {
  int rc = PX_OK;
  for (uint32_t i = 1; i < d->count && !rc; i++)
    if (d->n[i].tag != PX_HTAG_TEXT) rc = element(d, i, root, m);
  if (!rc) rc = px_html_bylines(d, b, root, m);
  char date[11];
  const char *url = page_url ? page_url : m->url.value;
  bool url_date = px_html_date_url(url, date);
  if (!rc && url_date && (!m->published.value || m->published.rank > PX_RANK_PUB_URL))
    rc = px_hmeta_offer(&m->published, date, strlen(date), "url", PX_RANK_PUB_URL);
  char prev[11];
  if (!rc && url_date && m->published.utc && strlen(date) == 10 && px_html_date_prev_day(m->published.value, prev) &&
      strcmp(prev, date) == 0) { /* a UTC timestamp past midnight: the URL keeps the local day */
    m->published.rank = INT_MAX;
    rc = px_hmeta_offer(&m->published, date, strlen(date), "url", 1);
  }
  if (!rc) px_html_strip_site(m);
  px_hmeta_drop_site_authors(m);
  return rc;
}
