/* html_jsonld.c - metadata from schema.org JSON-LD (<script type="application/ld+json">).
 *
 * Each block is parsed with jansson; top-level arrays and "@graph" lists are
 * searched for the article object (an @type naming an article, a blog post
 * or a report), which gives the headline, authors, dates, publisher,
 * description, language, URL and articleBody. A WebSite or publisher
 * object gives the site's name. Blocks that are not strict JSON (raw
 * newlines in strings, CDATA or comment wrappers) are repaired first.
 */
#include "html.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Objects visited per page, at most: a bound on hostile or giant graphs. */
#define PX_JSONLD_MAX_OBJECTS 2000

/* Metadata ranks (lower wins) of JSON-LD values: see html_meta.c. */
#define RANK_TITLE 2
#define RANK_DATE PX_RANK_PUB_JSONLD
#define RANK_SITE 2
#define RANK_URL 3
#define RANK_LANG 4
#define RANK_DESCRIPTION 4
#define RANK_AUTHORS 1

static bool type_is_article(json_t *type) {
  static const char *const kinds[] = {"Article", "NewsArticle", "BlogPosting", "Report", "LiveBlogPosting",
                                      "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
                                      "BackgroundNewsArticle", "ReviewNewsArticle", "TechArticle",
                                      "ScholarlyArticle", "SocialMediaPosting", "Blog", "Posting"};
  if (json_is_array(type)) {
    size_t i;
    json_t *v;
    json_array_foreach(type, i, v) if (type_is_article(v)) return true;
    return false;
  }
  const char *t = json_string_value(type);
  if (!t) return false;
  const char *slash = strrchr(t, '/'); /* "http://schema.org/NewsArticle" */
  if (slash) t = slash + 1;
  for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
    if (strcmp(t, kinds[i]) == 0) return true;
  return false;
}

static bool type_is(json_t *obj, const char *kind) {
  json_t *t = json_object_get(obj, "@type");
  const char *s = json_string_value(t);
  return s && strcmp(s, kind) == 0;
}

static const char *str(json_t *obj, const char *key) { return json_string_value(json_object_get(obj, key)); }

static int offer(px_hmeta_val *v, const char *s, const char *from, int rank) {
  return s ? px_hmeta_offer(v, s, strlen(s), from, rank) : PX_OK;
}

/* The name of a person or organisation value: "Name", {"name"}, or a list of those. */
static int authors(px_hmeta *m, json_t *a) {
  int rc = PX_OK;
  if (json_is_array(a)) {
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v) if (!rc) rc = authors(m, v);
    return rc;
  }
  const char *name = json_is_string(a) ? json_string_value(a) : str(a, "name");
  if (json_is_object(a) && type_is(a, "Organization") && m->site.value && name &&
      strcasecmp(name, m->site.value) == 0)
    return PX_OK;
  return name ? px_hmeta_add_author(m, name, strlen(name), "json-ld", RANK_AUTHORS) : PX_OK;
}

static const char *url_of(json_t *v) {
  if (json_is_string(v)) return json_string_value(v);
  return str(v, "@id") ? str(v, "@id") : str(v, "url");
}

static int article(px_hmeta *m, json_t *o) {
  json_t *pub = json_object_get(o, "publisher");
  int rc = offer(&m->site, json_is_object(pub) ? str(pub, "name") : NULL, "json-ld", RANK_SITE);
  const char *title = str(o, "headline") ? str(o, "headline") : str(o, "name");
  if (!rc) rc = offer(&m->title, title, "json-ld", RANK_TITLE);
  const char *d = str(o, "datePublished");
  if (!rc && d) rc = px_hmeta_offer_date(&m->published, d, strlen(d), "json-ld", RANK_DATE);
  d = str(o, "dateModified");
  if (!rc && d) rc = px_hmeta_offer_date(&m->modified, d, strlen(d), "json-ld", RANK_DATE);
  if (!rc) rc = offer(&m->description, str(o, "description"), "json-ld", RANK_DESCRIPTION);
  if (!rc) rc = offer(&m->lang, json_is_string(json_object_get(o, "inLanguage")) ? str(o, "inLanguage") : NULL,
                      "json-ld", RANK_LANG);
  const char *url = str(o, "url") ? str(o, "url") : url_of(json_object_get(o, "mainEntityOfPage"));
  if (!rc && url && (strncmp(url, "http://", 7) == 0 || strncmp(url, "https://", 8) == 0))
    rc = offer(&m->url, url, "json-ld", RANK_URL);
  json_t *a = json_object_get(o, "author");
  if (!rc && a) rc = authors(m, a);
  const char *body = str(o, "articleBody");
  if (!rc && body && (!m->ld_body || strlen(body) > strlen(m->ld_body))) {
    free(m->ld_body);
    rc = (m->ld_body = px_strdup(body)) ? PX_OK : PX_ENOMEM;
  }
  return rc;
}

/* Visits objects breadth-first through arrays and @graph. */
static int visit(px_hmeta *m, json_t *root, int *budget) {
  json_t *queue = json_array();
  if (!queue) return PX_ENOMEM;
  json_array_append(queue, root);
  int rc = PX_OK;
  for (size_t q = 0; q < json_array_size(queue) && !rc && (*budget)-- > 0; q++) {
    json_t *v = json_array_get(queue, q);
    if (json_is_array(v)) {
      size_t i;
      json_t *x;
      json_array_foreach(v, i, x) json_array_append(queue, x);
      continue;
    }
    if (!json_is_object(v)) continue;
    json_t *graph = json_object_get(v, "@graph");
    if (graph) json_array_append(queue, graph);
    if (type_is_article(json_object_get(v, "@type"))) rc = article(m, v);
    else if (type_is(v, "WebSite")) rc = offer(&m->site, str(v, "name"), "json-ld", RANK_SITE + 1);
    json_t *ent = json_object_get(v, "mainEntity");
    if (json_is_object(ent)) json_array_append(queue, ent);
  }
  json_decref(queue);
  return rc;
}

/* A copy of a script's text that jansson can read: wrappers cut, control
 * characters (raw newlines inside strings, the commonest error) made spaces. */
static char *repaired(const char *s, size_t n) {
  static const char *const heads[] = {"<!--", "//<![CDATA[", "/*<![CDATA[*/", "<![CDATA["};
  static const char *const tails[] = {"-->", "//]]>", "/*]]>*/", "]]>", ";"};
  for (bool again = true; again;) {
    again = false;
    while (n && px_is_space((unsigned char)*s)) s++, n--;
    while (n && px_is_space((unsigned char)s[n - 1])) n--;
    for (size_t k = 0; k < sizeof heads / sizeof *heads; k++)
      if (n >= strlen(heads[k]) && memcmp(s, heads[k], strlen(heads[k])) == 0) {
        s += strlen(heads[k]);
        n -= strlen(heads[k]);
        again = true;
      }
    for (size_t k = 0; k < sizeof tails / sizeof *tails; k++)
      if (n >= strlen(tails[k]) && memcmp(s + n - strlen(tails[k]), tails[k], strlen(tails[k])) == 0) {
        n -= strlen(tails[k]);
        again = true;
      }
  }
  char *c = px_strndup(s, n);
  if (!c) return NULL;
  for (char *p = c; *p; p++)
    if ((unsigned char)*p < 0x20) *p = ' ';
  return c;
}

int px_html_jsonld(const px_hdom *dom, px_hmeta *m) {
  int rc = PX_OK, budget = PX_JSONLD_MAX_OBJECTS;
  for (uint32_t i = 1; i < dom->count && !rc; i++) {
    if (dom->n[i].tag == PX_HTAG_TEXT || !(dom->n[i].flags & PX_HN_LDJSON)) continue;
    px_buf b = {0};
    if (px_hdom_text(dom, i, &b)) return PX_ENOMEM;
    char *text = repaired(px_buf_cstr(&b), b.len);
    px_buf_free(&b);
    if (!text) return PX_ENOMEM;
    json_t *root = json_loads(text, JSON_DECODE_ANY, NULL);
    free(text);
    if (root) rc = visit(m, root, &budget);
    json_decref(root);
  }
  return rc;
}
