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
  size_t len;
} vocab;

#define W(word, reason, prefix) {word, reason, prefix, sizeof word - 1}

static const vocab words[] = {
    /* content */
    W("article", NULL, true), W("content", NULL, false), W("entry", NULL, false), W("post", NULL, false),
    W("story", NULL, false), W("body", NULL, false), W("main", NULL, false), W("blog", NULL, false),
    W("text", NULL, false),
    /* navigation */
    W("nav", "navigation", true), W("menu", "navigation", true), W("breadcrumb", "navigation", true),
    W("pagination", "navigation", false), W("pager", "navigation", false), W("masthead", "navigation", false),
    W("topbar", "navigation", false), W("toolbar", "navigation", false), W("skip", "navigation", false),
    W("header", "navigation", false), W("footer", "navigation", true), W("sitemap", "navigation", false),
    W("jump", "navigation", false), W("toc", "navigation", false),
    /* comments */
    W("comment", "comments", true), W("disqus", "comments", true), W("respond", "comments", false),
    W("replies", "comments", false), W("reply", "comments", false), W("discuss", "comments", false),
    /* share and follow */
    W("share", "share", true), W("sharing", "share", false), W("social", "share", true), W("follow", "share", false),
    W("addthis", "share", false), W("sharethis", "share", false), W("sharebar", "share", false),
    /* related and recommended */
    W("related", "related", true), W("recommend", "related", true), W("recirc", "related", true),
    W("trending", "related", false), W("popular", "related", false), W("outbrain", "related", true),
    W("taboola", "related", true), W("readmore", "related", false), W("more", "related", false),
    W("teaser", "related", true), W("upnext", "related", false), W("next", "related", false),
    W("also", "related", false), W("promo", "advert", true), W("headlines", "related", false),
    /* adverts */
    W("ad", "advert", false), W("ads", "advert", false), W("advert", "advert", true), W("adslot", "advert", true),
    W("adunit", "advert", true), W("adsense", "advert", false), W("dfp", "advert", false), W("gpt", "advert", false),
    W("sponsor", "advert", true), W("banner", "advert", true), W("commercial", "advert", false),
    W("affiliate", "advert", true), W("advertisement", "advert", false), W("adwrapper", "advert", false),
    W("adcontainer", "advert", false), W("billboard", "advert", false), W("leaderboard", "advert", false),
    /* subscriptions, notices */
    W("newsletter", "subscription", true), W("subscribe", "subscription", false),
    W("subscription", "subscription", false), W("signup", "subscription", false), W("cookie", "subscription", true),
    W("consent", "subscription", true), W("gdpr", "subscription", false), W("login", "subscription", false),
    W("register", "subscription", false), W("modal", "widget", true), W("popup", "widget", true),
    W("overlay", "widget", false), W("donate", "appeal", true), W("donation", "appeal", true),
    W("membership", "appeal", false), W("fundrais", "appeal", true), W("patreon", "appeal", false),
    W("support", "appeal", false), W("contribute", "appeal", false), W("contribution", "appeal", false),
    W("cta", "subscription", false),
    /* widgets and side matter */
    W("sidebar", "widget", true), W("widget", "widget", true), W("rail", "widget", false), W("aside", "widget", false),
    W("tags", "widget", false), W("tag", "widget", false), W("tagcloud", "widget", false),
    W("keywords", "widget", false),
    W("print", "widget", false), W("hidden", "widget", false), W("sronly", "widget", false),
    W("visually", "widget", false), W("screenreader", "widget", false), W("offscreen", "widget", false),
    W("tooltip", "widget", false), W("byline", "widget", false), W("author", "widget", true),
    W("dateline", "widget", false), W("timestamp", "widget", false), W("meta", "widget", false),
    W("bio", "widget", false), W("credit", "credit", true), W("copyright", "credit", false),
    W("caption", "credit", true),
    W("disclaimer", "widget", false), W("search", "navigation", false), W("extra", "widget", false),
    W("supplemental", "widget", false), W("rss", "widget", false), W("community", "comments", false),
    W("contact", "widget", false), W("legal", "widget", false),
};

/* Words that look like a stem above but are not boilerplate. */
#define X(word) {word, sizeof word - 1}
static const struct {
  const char *word;
  size_t len;
} exceptions[] = {X("commentary"), X("commentaries"), X("adjust"), X("menuitem"), X("postscript"), X("navy"),
                  X("contentinfo"), X("authority"), X("nextgen"), X("footnote"), X("footnotes"), X("headerless"),
                  X("shareholder"), X("shareholders"), X("admin"), X("address"), X("advice"), X("advance"),
                  X("advantage")};

static bool excepted(const char *w, size_t n) {
  for (size_t i = 0; i < sizeof exceptions / sizeof *exceptions; i++)
    if (exceptions[i].len == n && memcmp(exceptions[i].word, w, n) == 0) return true;
  return false;
}

/* The vocabulary entry of one lower-case word, or NULL. */
static const vocab *lookup(const char *w, size_t n) {
  if (n == 0) return NULL;
  const vocab *hit = NULL;
  for (size_t i = 0; i < sizeof words / sizeof *words && !hit; i++) {
    if (words[i].word[0] != w[0]) continue;
    size_t k = words[i].len;
    if (k == n ? memcmp(words[i].word, w, n) == 0 : (words[i].prefix && k < n && memcmp(words[i].word, w, k) == 0))
      hit = &words[i];
  }
  return hit && !excepted(w, n) ? hit : NULL;
}

/* Walks the words of an attribute value; calls back for each known one. */
typedef struct scan {
  int strong, content, boiler; /* counts: strong content classes, content words, boilerplate words */
  const char *reason;          /* first boilerplate reason */
} scan;

/* Whole class names (lower case, letters and digits only, as a prefix) that
 * name the article's body: they win over any other word of the value. */
static const char *const strong[] = {"articlebody", "articlecontent", "articletext", "articlecopy", "storybody",
                                     "storycontent", "storytext", "entrycontent", "entrybody", "entrytext",
                                     "postcontent", "postbody", "posttext", "bodytext", "maincontent",
                                     "contentbody", "richtext", "hentry", "prose", "blogpost", "newsarticle"};

static void strong_class(const char *t, size_t n, scan *s) {
  for (size_t k = 0; k < sizeof strong / sizeof *strong; k++) {
    size_t len = strlen(strong[k]);
    if (n >= len && memcmp(t, strong[k], len) == 0) {
      s->strong++;
      return;
    }
  }
}

static void scan_value(const char *v, size_t n, scan *s) {
  char w[64], t[64]; /* the word, and the whole class name squashed */
  size_t k = 0, tk = 0;
  if (n > PX_HINT_VALUE_MAX) n = PX_HINT_VALUE_MAX;
  for (size_t i = 0; i <= n; i++) {
    unsigned char c = i < n ? (unsigned char)v[i] : ' ';
    if (px_is_space(c)) {
      if (tk) strong_class(t, tk, s);
      tk = 0;
    } else if (px_is_alnum(c) && tk < sizeof t) {
      t[tk++] = (char)px_lower(c);
    }
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

/* Readability's class weight from the scans of class and id: each adds
 * PX_HTML_CLASS_WEIGHT with a content word and takes it with a boilerplate one. */
static int weight_of(const scan *cls, const scan *id) {
  int w = 0;
  w += cls->content || cls->strong ? PX_HTML_CLASS_WEIGHT : 0;
  w -= cls->boiler && !cls->strong ? PX_HTML_CLASS_WEIGHT : 0;
  w += id->content || id->strong ? PX_HTML_CLASS_WEIGHT : 0;
  w -= id->boiler && !id->strong ? PX_HTML_CLASS_WEIGHT : 0;
  return w;
}

px_hint px_html_hint(const px_hdom *dom, uint32_t i, const char **reason, int *weight) {
  const px_hnode *n = &dom->n[i];
  *weight = 0;
  if (n->tag == PX_HTAG_TEXT) return PX_HINT_NONE;
  scan cls = {0}, id = {0};
  size_t len;
  const char *v = px_hdom_attr(dom, i, PX_HA_CLASS, &len);
  if (v) scan_value(v, len, &cls);
  v = px_hdom_attr(dom, i, PX_HA_ID, &len);
  if (v) scan_value(v, len, &id);
  *weight = weight_of(&cls, &id);
  if (px_hdom_attr_is(dom, i, PX_HA_ITEMPROP, "articleBody") || px_hdom_attr_is(dom, i, PX_HA_ITEMPROP, "text"))
    return PX_HINT_CONTENT;
  const char *why = role_reason(dom, i);
  if (!why) why = tag_reason(n->tag);
  if (why) {
    *reason = why;
    /* a <form> may wrap a whole page (ASP.NET): spared like a class hint when it holds the article */
    return n->tag == GUMBO_TAG_FORM ? PX_HINT_CLASS : PX_HINT_BOILER;
  }
  if (px_hdom_attr_is(dom, i, PX_HA_ROLE, "main") || n->tag == GUMBO_TAG_MAIN) return PX_HINT_MAYBE;
  int content = cls.content + id.content;
  if (cls.strong + id.strong) return PX_HINT_CONTENT;
  if (cls.boiler + id.boiler >= content && cls.boiler + id.boiler) { /* "post-author": a tie is boilerplate */
    *reason = cls.reason ? cls.reason : id.reason;
    return PX_HINT_CLASS;
  }
  if (content) return n->tag == GUMBO_TAG_ARTICLE ? PX_HINT_CONTENT : PX_HINT_MAYBE;
  return n->tag == GUMBO_TAG_ARTICLE ? PX_HINT_CONTENT : PX_HINT_NONE;
}
