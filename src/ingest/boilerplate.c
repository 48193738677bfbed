/* boilerplate.c - general rules for lines that are page furniture, not article:
 * comment prompts, share bars, related-article headers, navigation, ads,
 * newsletter prompts, disclaimers, and donation or subscription appeals.
 * Rules look at the words of a line, never at any one site's wording. */
#include "ingest.h"

#include <string.h>

/* Lines longer than this are never furniture by the short-line rules. */
#define PX_FURNITURE_MAX 80
/* A disclaimer paragraph is at most this long. */
#define PX_DISCLAIMER_MAX 300

typedef struct {
  const char *phrase;
  const char *reason;
  bool prefix; /* true: the line starts with it; false: the line is exactly it */
} rule;

/* Compared with the lower-cased line stripped of trailing punctuation and of
 * a leading or trailing count ("12 comments", "comments (3)"). */
static const rule rules[] = {
    {"add your comment", "comments", true}, {"add a comment", "comments", true},
    {"leave a comment", "comments", true}, {"leave a reply", "comments", true},
    {"post a comment", "comments", true}, {"view comments", "comments", true},
    {"show comments", "comments", true}, {"load comments", "comments", true},
    {"read comments", "comments", true}, {"comments", "comments", false},
    {"comment", "comments", false}, {"comments are closed", "comments", true},
    {"join the conversation", "comments", true}, {"join the discussion", "comments", true},
    {"be the first to comment", "comments", true}, {"have your say", "comments", false},
    {"related", "related", false}, {"related articles", "related", true},
    {"related stories", "related", true}, {"related posts", "related", true},
    {"related content", "related", true}, {"related coverage", "related", true},
    {"related news", "related", true}, {"related topics", "related", true},
    {"read more", "related", false}, {"read more:", "related", true}, {"more from", "related", true},
    {"more stories", "related", true}, {"more on this story", "related", true},
    {"see also", "related", false}, {"also read", "related", true}, {"recommended", "related", false},
    {"recommended for you", "related", true}, {"you may also like", "related", true},
    {"you might also like", "related", true}, {"you may be interested in", "related", true},
    {"most read", "related", false}, {"most popular", "related", false}, {"most viewed", "related", false},
    {"trending", "related", false}, {"trending now", "related", false}, {"further reading", "related", true},
    {"top stories", "related", false}, {"latest news", "related", false}, {"what to read next", "related", true},
    {"you are here", "navigation", false}, {"skip to content", "navigation", true},
    {"skip to main content", "navigation", true}, {"menu", "navigation", false},
    {"main menu", "navigation", false}, {"back to top", "navigation", false},
    {"next article", "navigation", false}, {"previous article", "navigation", false},
    {"next post", "navigation", false}, {"previous post", "navigation", false},
    {"toggle navigation", "navigation", false}, {"sign in", "navigation", false},
    {"log in", "navigation", false}, {"search", "navigation", false},
    {"advertisement", "advert", false}, {"advertising", "advert", false}, {"sponsored", "advert", false},
    {"sponsored content", "advert", false}, {"scroll to continue", "advert", true},
    {"continue reading below", "advert", true}, {"story continues below", "advert", true},
    {"subscribe", "subscription", false}, {"subscribe now", "subscription", false},
    {"subscribe to our newsletter", "subscription", true}, {"sign up for our", "subscription", true},
    {"sign up to our", "subscription", true}, {"get our newsletter", "subscription", true},
    {"newsletter", "subscription", false}, {"follow us", "share", false}, {"follow us on", "share", true},
    {"share this", "share", true}, {"share on", "share", true}, {"click to share", "share", true},
    {"image copyright", "credit", true}, {"image caption", "credit", true}, {"image source", "credit", true},
    {"photo credit", "credit", true}, {"all rights reserved", "copyright", true},
    {"copyright", "copyright", true}, {"\xc2\xa9", "copyright", true},
};

/* Words of a share bar. A line made only of these (with at least one network
 * or verb among them) is a share bar. */
static const char *const share_words[] = {
    "share", "shares", "tweet", "twitter", "facebook", "email", "e-mail", "print", "whatsapp",
    "linkedin", "reddit", "pinterest", "telegram", "messenger", "flipboard", "pocket", "copy",
    "link", "this", "article", "story", "on", "x", "save", "follow", "us", "mail", "sms", "google+"};

static bool word_in(const char *w, size_t n, const char *const *set, size_t count) {
  for (size_t i = 0; i < count; i++)
    if (strlen(set[i]) == n && memcmp(set[i], w, n) == 0) return true;
  return false;
}

/* Lower-cases ASCII into buf, turning typographic apostrophes into '. */
static size_t lower_copy(const char *s, size_t n, char *buf, size_t cap) {
  size_t k = 0;
  for (size_t i = 0; i < n && k + 1 < cap; i++) {
    if ((unsigned char)s[i] == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x99) {
      buf[k++] = '\'';
      i += 2;
      continue;
    }
    buf[k++] = (char)px_lower((unsigned char)s[i]);
  }
  buf[k] = '\0';
  return k;
}

static bool share_bar(const char *s, size_t n) {
  size_t i = 0, words = 0, core = 0;
  while (i < n) {
    while (i < n && !px_is_alnum((unsigned char)s[i]) && s[i] != '+') i++;
    size_t st = i;
    while (i < n && (px_is_alnum((unsigned char)s[i]) || s[i] == '-' || s[i] == '+')) i++;
    if (i == st) continue;
    if (!word_in(s + st, i - st, share_words, sizeof share_words / sizeof *share_words)) return false;
    words++;
    if (!word_in(s + st, i - st, share_words + 16, sizeof share_words / sizeof *share_words - 16)) core++;
  }
  return words > 0 && core > 0 && (core > 1 || words <= 3);
}

/* "A A A", "A+ A-": font-size widgets, made only of single letters and signs. */
static bool letter_widget(const char *s, size_t n) {
  size_t letters = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (px_is_alpha(c)) {
      if ((i + 1 < n && px_is_alpha((unsigned char)s[i + 1]))) return false;
      letters++;
    } else if (!px_is_space(c) && !strchr("+-", c)) return false;
  }
  return letters >= 2;
}

const char *px_boilerplate_line(const char *s, size_t n) {
  char buf[PX_DISCLAIMER_MAX + 8];
  if (n <= PX_DISCLAIMER_MAX) {
    size_t k = lower_copy(s, n, buf, sizeof buf);
    if (strstr(buf, "do not necessarily reflect") || strstr(buf, "does not necessarily reflect") ||
        strstr(buf, "views expressed in this") || strstr(buf, "opinions expressed in this"))
      return "disclaimer";
    (void)k;
  }
  if (n > PX_FURNITURE_MAX) return NULL;
  size_t k = lower_copy(s, n, buf, sizeof buf);
  /* Strip trailing punctuation, ellipses, arrows and counts; leading counts and bullets. */
  while (k > 0 && (strchr(" .:;!?>)]|\xbb\xa6\x80\xe2\xc2", buf[k - 1]) || px_is_digit((unsigned char)buf[k - 1]) ||
                   buf[k - 1] == '(' || buf[k - 1] == '['))
    buf[--k] = '\0';
  char *p = buf;
  while (*p && (px_is_digit((unsigned char)*p) || *p == ' ' || *p == '(' || *p == ')')) p++;
  size_t m = strlen(p);
  if (m == 0) return NULL;
  for (size_t r = 0; r < sizeof rules / sizeof *rules; r++) {
    size_t pl = strlen(rules[r].phrase);
    size_t q = pl + (m > pl && p[pl] == 's'); /* plural: "comments" for "comment" */
    if (rules[r].prefix ? (m >= pl && memcmp(p, rules[r].phrase, pl) == 0 &&
                           (m == pl || m == q || !px_is_alnum((unsigned char)p[q])))
                        : (m == pl && memcmp(p, rules[r].phrase, pl) == 0))
      return rules[r].reason;
  }
  if (share_bar(p, m)) return "share";
  if (letter_widget(s, n)) return "widget";
  /* Breadcrumbs: "Home > World > Europe", "Home / News". */
  if (strncmp(p, "home ", 5) == 0 && (strstr(p, " > ") || strstr(p, " / ") || strstr(p, "\xc2\xbb")))
    return "navigation";
  return NULL;
}

/* Appeals name the reader's money or membership. */
static const char *const strong_cues[] = {
    "donate", "donation", "support us", "support our", "please support", "support independent",
    "become a patron", "become a member", "become a supporter", "patreon", "paypal",
    "make a contribution", "contribute now", "a month makes", "click here to support",
    "subscribe to", "subscription", "we need your support", "your support", "one-off",
    "gift aid"};
/* Imperative openings of a short appeal ("Support X", "Click here to ..."). */
static const char *const appeal_openings[] = {"support", "donate", "click", "subscribe", "become",
                                              "please", "help us", "join us"};
/* Weaker cues: the outlet talking about itself and its funding. */
static const char *const weak_cues[] = {
    "journalis", "independent", "request", "readers", "funding", "funded", "fundrais", "money",
    "advertis", "financially", "support", "donor", "sustain", "keep us", "afford", "revenue",
    "website", "media", "publish"};

static size_t count_cues(const char *buf, const char *const *cues, size_t n) {
  size_t hits = 0;
  for (size_t i = 0; i < n; i++)
    if (strstr(buf, cues[i])) hits++;
  return hits;
}

/* Words "we", "our", "us" (the outlet speaking of itself), all words, and in
 * *you the words "you", "your", "you're" (the reader addressed). */
static size_t first_person_plural(const char *buf, size_t *words, size_t *you) {
  size_t fpp = 0, w = 0, y = 0;
  const char *p = buf;
  while (*p) {
    while (*p && !px_is_alpha((unsigned char)*p)) p++;
    const char *st = p;
    while (*p && (px_is_alpha((unsigned char)*p) || *p == '\'')) p++;
    size_t n = (size_t)(p - st);
    if (!n) continue;
    w++;
    if ((n == 2 && (!memcmp(st, "we", 2) || !memcmp(st, "us", 2))) || (n == 3 && !memcmp(st, "our", 3)) ||
        (n == 5 && !memcmp(st, "we're", 5)))
      fpp++;
    if ((n == 3 && !memcmp(st, "you", 3)) || (n == 4 && !memcmp(st, "your", 4)) ||
        (n == 6 && !memcmp(st, "you're", 6)))
      y++;
  }
  *words = w;
  *you = y;
  return fpp;
}

/* Appeals: 2 for a line that asks the reader for money, membership or a
 * subscription (an anchor); 1 for a line where the outlet speaks of itself and
 * its work or funding ("our journalism", "we are independent"), which counts
 * as part of an appeal only next to one; 0 otherwise. */
#define PX_APPEAL_SHORT 160 /* a line this short needs one strong cue and "we"/"our" or an imperative */

/* Blanks out quoted speech ("..." and curly double quotes; an unclosed quote
 * runs to the end of the line): words in a quote are someone else's, so a
 * quoted "We need your support" is news, not the outlet asking for money. */
static void blank_quotes(char *buf) {
  char *q = buf;
  while (*q) {
    bool ascii = *q == '"';
    bool curly = !ascii && (unsigned char)q[0] == 0xE2 && (unsigned char)q[1] == 0x80 &&
                 (unsigned char)q[2] == 0x9C;
    if (!ascii && !curly) {
      q++;
      continue;
    }
    char *end = ascii ? strchr(q + 1, '"') : strstr(q + 3, "\xE2\x80\x9D");
    end = end ? end + (ascii ? 1 : 3) : q + strlen(q);
    memset(q, ' ', (size_t)(end - q));
    q = end;
  }
}

int px_appeal_score(const char *s, size_t n) {
  char stack[2048];
  size_t cap = n + 1 < sizeof stack ? n + 1 : sizeof stack;
  lower_copy(s, n, stack, cap);
  blank_quotes(stack);
  size_t strong = count_cues(stack, strong_cues, sizeof strong_cues / sizeof *strong_cues);
  size_t weak = count_cues(stack, weak_cues, sizeof weak_cues / sizeof *weak_cues);
  size_t words, you, fpp = first_person_plural(stack, &words, &you);
  bool opening = false;
  for (size_t i = 0; i < sizeof appeal_openings / sizeof *appeal_openings; i++)
    if (strncmp(stack, appeal_openings[i], strlen(appeal_openings[i])) == 0) opening = true;
  if (strong && n <= PX_APPEAL_SHORT && (fpp || opening)) return 2;
  /* Two cues make an appeal only in the outlet's or the reader's voice: news
   * about a charity drive ("urged residents to donate; donations fell") is not one. */
  if ((strong >= 2 && (fpp || you || opening)) || (strong && fpp >= 2)) return 2;
  if ((fpp && (weak || strong)) || fpp >= 3) return 1;
  return 0;
}
