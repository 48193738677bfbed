/* html_hints.c - what an element's class, id, role, itemprop and tag say
 * about it: boilerplate (with a reason), article content, or nothing.
 *
 * Class and id values are split into lower-case words at every character
 * that is not a letter or digit, and at lower-to-upper case changes
 * ("articleBody" -> "article", "body"). Words are matched exactly, or as a
 * prefix for stems marked so ("comment" matches "comments", "commentlist").
 * The vocabularies describe kinds of page furniture in general web-publishing
 * usage (CMS themes, ad and share widgets); none is taken from a single site.
 */
#include "html.h"

#include <gumbo.h>
#include <string.h>

/* Longest class/id value looked at; longer ones are cut. */
#define PX_HINT_VALUE_MAX 512

typedef struct {
  const char *word;
  const char *reason; /* NULL: a content word */
  bool prefix;
} vocab;

static const vocab words[] = {
    /* content */
    {"article", NULL, true}, {"content", NULL, false}, {"entry", NULL, false}, {"post", NULL, false},
    {"story", NULL, false}, {"body", NULL, false}, {"text", NULL, false}, {"main", NULL, false},
    {"blog", NULL, false}, {"hentry", NULL, false}, {"prose", NULL, false}, {"richtext", NULL, false},
    {"articlebody", NULL, false}, {"storybody", NULL, false}, {"postbody", NULL, false},
    /* navigation */
    {"nav", "navigation", true}, {"menu", "navigation", true}, {"breadcrumb", "navigation", true},
    {"pagination", "navigation", false}, {"pager", "navigation", false}, {"masthead", "navigation", false},
    {"topbar", "navigation", false}, {"toolbar", "navigation", false}, {"skip", "navigation", false},
    {"header", "navigation", false}, {"footer", "navigation", true}, {"sitemap", "navigation", false},
    {"jump", "navigation", false}, {"toc", "navigation", false},
    /* comments */
    {"comment", "comments", true}, {"disqus", "comments", true}, {"respond", "comments", false},
    {"replies", "comments", false}, {"reply", "comments", false}, {"discuss", "comments", false},
    /* share and follow */
    {"share", "share", true}, {"sharing", "share", false}, {"social", "share", true}, {"follow", "share", false},
    {"addthis", "share", false}, {"sharethis", "share", false}, {"sharebar", "share", false},
    /* related and recommended */
    {"related", "related", true}, {"recommend", "related", true}, {"recirc", "related", true},
    {"trending", "related", false}, {"popular", "related", false}, {"outbrain", "related", true},
    {"taboola", "related", true}, {"readmore", "related", false}, {"more", "related", false},
    {"teaser", "related", true}, {"upnext", "related", false}, {"next", "related", false},
    {"also", "related", false}, {"promo", "advert", true}, {"headlines", "related", false},
    /* adverts */
    {"ad", "advert", false}, {"ads", "advert", false}, {"advert", "advert", true}, {"adslot", "advert", true},
    {"adunit", "advert", true}, {"adsense", "advert", false}, {"dfp", "advert", false}, {"gpt", "advert", false},
    {"sponsor", "advert", true}, {"banner", "advert", true}, {"commercial", "advert", false},
    {"affiliate", "advert", true}, {"advertisement", "advert", false}, {"adwrapper", "advert", false},
    {"adcontainer", "advert", false}, {"billboard", "advert", false}, {"leaderboard", "advert", false},
    /* subscriptions, notices */
    {"newsletter", "subscription", true}, {"subscribe", "subscription", false},
    {"subscription", "subscription", false}, {"signup", "subscription", false}, {"cookie", "subscription", true},
    {"consent", "subscription", true}, {"gdpr", "subscription", false}, {"login", "subscription", false},
    {"register", "subscription", false}, {"modal", "widget", true}, {"popup", "widget", true},
    {"overlay", "widget", false}, {"donate", "appeal", true}, {"donation", "appeal", true},
    {"membership", "appeal", false}, {"fundrais", "appeal", true}, {"patreon", "appeal", false},
    /* widgets and side matter */
    {"sidebar", "widget", true}, {"widget", "widget", true}, {"rail", "widget", false}, {"aside", "widget", false},
    {"tags", "widget", false}, {"tag", "widget", false}, {"tagcloud", "widget", false}, {"keywords", "widget", false},
    {"print", "widget", false}, {"hidden", "widget", false}, {"sronly", "widget", false},
    {"visually", "widget", false}, {"screenreader", "widget", false}, {"offscreen", "widget", false},
    {"tooltip", "widget", false}, {"byline", "widget", false}, {"author", "widget", true},
    {"dateline", "widget", false}, {"timestamp", "widget", false}, {"meta", "widget", false},
    {"bio", "widget", false}, {"credit", "credit", true}, {"copyright", "credit", false}, {"caption", "credit", true},
    {"disclaimer", "widget", false}, {"search", "navigation", false}, {"extra", "widget", false},
    {"supplemental", "widget", false}, {"rss", "widget", false}, {"community", "comments", false},
    {"contact", "widget", false}, {"legal", "widget", false},
};

/* Words that look like a stem above but are not boilerplate. */
static const char *const exceptions[] = {"commentary", "commentaries", "adjust", "menuitem", "postscript",
                                         "navy", "contentinfo", "authority", "nextgen", "footnote",
                                         "footnotes", "headerless", "shareholder", "shareholders", "admin",
                                         "address", "advice", "advance", "advantage"};

static bool excepted(const char *w, size_t n) {
  for (size_t i = 0; i < sizeof exceptions / sizeof *exceptions; i++)
    if (strlen(exceptions[i]) == n && memcmp(exceptions[i], w, n) == 0) return true;
  return false;
}

/* The vocabulary entry of one lower-case word, or NULL. */
static const vocab *lookup(const char *w, size_t n) {
  if (n == 0 || excepted(w, n)) return NULL;
  for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
    size_t k = strlen(words[i].word);
    if (k == n ? memcmp(words[i].word, w, n) == 0 : (words[i].prefix && k < n && memcmp(words[i].word, w, k) == 0))
      return &words[i];
  }
  return NULL;
}

/* Walks the words of an attribute value; calls back for each known one. */
typedef struct scan {
  int content, boiler;      /* word counts */
  const char *reason;       /* first boilerplate reason */
} scan;

static void scan_value(const char *v, size_t n, scan *s) {
  char w[64];
  size_t k = 0;
  if (n > PX_HINT_VALUE_MAX) n = PX_HINT_VALUE_MAX;
  for (size_t i = 0; i <= n; i++) {
    unsigned char c = i < n ? (unsigned char)v[i] : ' ';
    bool camel = k > 0 && px_is_upper(c) && px_is_lower((unsigned char)v[i - 1]);
    if (!px_is_alnum(c) || camel) {
      const vocab *e = k < sizeof w ? lookup(w, k) : NULL;
      if (e && !e->reason) s->content++;
      else if (e) {
        s->boiler++;
        if (!s->reason) s->reason = e->reason;
      }
      k = 0;
      if (!px_is_alnum(c)) continue;
    }
    if (k < sizeof w) w[k++] = (char)px_lower(c);
  }
}

static const char *role_reason(const px_hdom *dom, uint32_t i) {
  static const char *const roles[][2] = {
      {"navigation", "navigation"}, {"banner", "navigation"}, {"contentinfo", "navigation"},
      {"complementary", "widget"}, {"search", "navigation"}, {"menu", "navigation"},
      {"menubar", "navigation"}, {"toolbar", "widget"}, {"dialog", "widget"}, {"alertdialog", "widget"}};
  for (size_t k = 0; k < sizeof roles / sizeof *roles; k++)
    if (px_hdom_attr_is(dom, i, PX_HA_ROLE, roles[k][0])) return roles[k][1];
  return NULL;
}

static const char *tag_reason(unsigned tag) {
  switch (tag) {
  case GUMBO_TAG_NAV: return "navigation";
  case GUMBO_TAG_ASIDE: return "widget";
  case GUMBO_TAG_FOOTER: return "navigation";
  case GUMBO_TAG_FORM: return "widget";
  default: return NULL;
  }
}

px_hint px_html_hint(const px_hdom *dom, uint32_t i, const char **reason) {
  const px_hnode *n = &dom->n[i];
  if (n->tag == PX_HTAG_TEXT) return PX_HINT_NONE;
  if (px_hdom_attr_is(dom, i, PX_HA_ITEMPROP, "articleBody") || px_hdom_attr_is(dom, i, PX_HA_ITEMPROP, "text"))
    return PX_HINT_CONTENT;
  const char *why = role_reason(dom, i);
  if (!why) why = tag_reason(n->tag);
  if (why) {
    *reason = why;
    return PX_HINT_BOILER;
  }
  if (px_hdom_attr_is(dom, i, PX_HA_ROLE, "main") || n->tag == GUMBO_TAG_MAIN) return PX_HINT_MAYBE;
  scan s = {0};
  size_t len;
  const char *v = px_hdom_attr(dom, i, PX_HA_CLASS, &len);
  if (v) scan_value(v, len, &s);
  v = px_hdom_attr(dom, i, PX_HA_ID, &len);
  if (v) scan_value(v, len, &s);
  if (s.content) return n->tag == GUMBO_TAG_ARTICLE || s.content > s.boiler ? PX_HINT_CONTENT : PX_HINT_MAYBE;
  if (s.boiler) {
    *reason = s.reason;
    return PX_HINT_BOILER;
  }
  return n->tag == GUMBO_TAG_ARTICLE ? PX_HINT_CONTENT : PX_HINT_NONE;
}

int px_html_class_weight(const px_hdom *dom, uint32_t i) {
  scan s = {0};
  size_t len;
  int w = 0;
  const char *v = px_hdom_attr(dom, i, PX_HA_CLASS, &len);
  if (v) scan_value(v, len, &s);
  w += s.content ? PX_HTML_CLASS_WEIGHT : 0;
  w -= s.boiler ? PX_HTML_CLASS_WEIGHT : 0;
  s = (scan){0};
  v = px_hdom_attr(dom, i, PX_HA_ID, &len);
  if (v) scan_value(v, len, &s);
  w += s.content ? PX_HTML_CLASS_WEIGHT : 0;
  w -= s.boiler ? PX_HTML_CLASS_WEIGHT : 0;
  return w;
}
