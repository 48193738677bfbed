/* html_furniture.c - rules for single text blocks inside the article that are
 * not article text: bylines, datelines, photo credits, link-only lines, and
 * the plain-text furniture and appeal rules of boilerplate.c.
 * Each rule looks at the words of one block, never at any one site's wording.
 */
#include "html.h"

#include <string.h>
#include <strings.h>

/* Bylines, datelines and credits are short: longer blocks are prose. */
#define PX_BYLINE_MAX_CHARS 120
#define PX_CREDIT_MAX_CHARS 240
/* A dateline has at most this many words besides its date. */
#define PX_DATELINE_WORDS 8
/* A final "(Agency/Photographer)" credit has at most this many words. */
#define PX_CREDIT_WORDS 6
/* A "Follow us on Twitter" line is at most this long. */
#define PX_FOLLOW_MAX_CHARS 300
/* A "By NAME" line has at most this many words. */
#define PX_BY_WORDS 12
/* A block whose characters are mostly link text is a link, not prose; a
 * sentence with a few links stays unless they are nearly all of it. */
#define PX_LINK_SHARE 0.5
#define PX_LINK_SHARE_SENTENCE 0.9

static bool starts_with(const char *s, size_t n, const char *lit) {
  size_t k = strlen(lit);
  return n >= k && strncasecmp(s, lit, k) == 0;
}

static bool ends_with(const char *s, size_t n, const char *lit) {
  size_t k = strlen(lit);
  return n >= k && strncasecmp(s + n - k, lit, k) == 0;
}

static bool contains(const char *s, size_t n, const char *lit) {
  size_t k = strlen(lit);
  for (size_t i = 0; i + k <= n; i++)
    if (strncasecmp(s + i, lit, k) == 0) return true;
  return false;
}

/* Does the block end a sentence (. ! ? with closing quotes or brackets)? */
static bool ends_sentence(const char *s, size_t n) {
  while (n && (strchr("\"')]", s[n - 1]) || (unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99)) {
    if ((unsigned char)s[n - 1] >= 0x80 && n >= 3) n -= 3; /* ” or ’ */
    else n--;
  }
  return n && strchr(".!?", s[n - 1]);
}

/* "By Jane Doe", "By Jane Doe and John Roe | Reuters". */
static bool by_line(const char *s, size_t n, const px_hblock *b) {
  return b->chars <= PX_BYLINE_MAX_CHARS && b->words <= PX_BY_WORDS && n > 3 &&
         (strncmp(s, "By ", 3) == 0 || strncmp(s, "BY ", 3) == 0) && px_is_upper((unsigned char)s[3]) &&
         !ends_sentence(s, n);
}

/* A date or a time written out: "Nov 19, 2019", "2019-11-19", "10:48". */
static bool has_date(const char *s, size_t n) {
  char date[11];
  if (px_html_date_text(s, n, date)) return true;
  for (size_t i = 0; i + 5 <= n; i++) {
    if (px_html_date_iso(s + i, n - i, date) && (i == 0 || !px_is_digit((unsigned char)s[i - 1]))) return true;
    if (px_is_digit((unsigned char)s[i]) && s[i + 1] == ':' && px_is_digit((unsigned char)s[i + 2]) &&
        px_is_digit((unsigned char)s[i + 3]))
      return true;
  }
  return false;
}

/* "Published 10:48, Nov 19, 2019 | Updated ...", "November 20, 2019 Jane Doe". */
static bool dateline(const char *s, size_t n, const px_hblock *b) {
  if (b->chars > PX_BYLINE_MAX_CHARS || !has_date(s, n)) return false;
  static const char *const leads[] = {"published", "updated", "posted", "last updated", "last modified", "date:",
                                      "first published", "originally published", "modified"};
  for (size_t k = 0; k < sizeof leads / sizeof *leads; k++)
    if (starts_with(s, n, leads[k])) return true;
  return b->words <= PX_DATELINE_WORDS + 4 && !ends_sentence(s, n);
}

/* Photo credits and captions: "(Image: GETTY)", "Photo: Jane Doe", "© Agency". */
static bool credit(const char *s, size_t n, const px_hblock *b) {
  if (b->chars > PX_CREDIT_MAX_CHARS) return false;
  static const char *const leads[] = {"photo:", "photo by", "photos:", "image:", "image credit", "picture:",
                                      "credit:", "photograph:", "photograph by", "source: getty", "pic:",
                                      "illustration:", "\xC2\xA9"};
  for (size_t k = 0; k < sizeof leads / sizeof *leads; k++)
    if (starts_with(s, n, leads[k])) return true;
  static const char *const tails[] = {"getty images", "getty images)", "/ap", "/afp", "/reuters", "(ap)",
                                      "(afp)", "(reuters)", "shutterstock", "shutterstock)"};
  for (size_t k = 0; k < sizeof tails / sizeof *tails; k++)
    if (ends_with(s, n, tails[k])) return true;
  if (n && s[n - 1] == ')') { /* a final "(Image: ...)", "(Photo: ...)", "(Agency/Photographer)" */
    const char *open = NULL;
    for (size_t i = n; i-- > 0 && !open;)
      if (s[i] == '(') open = s + i;
    size_t on = open ? (size_t)(s + n - open) : 0, words = 1;
    for (size_t i = 0; i < on; i++) words += open[i] == ' ';
    if (open && (contains(open, on, "image") || contains(open, on, "photo") || contains(open, on, "picture") ||
                 contains(open, on, "credit") || (memchr(open, '/', on) && words <= PX_CREDIT_WORDS)))
      return true;
  }
  return contains(s, n, "\xC2\xA9") && !ends_sentence(s, n); /* "photos © Agency, 2018" */
}

/* "Follow us on Twitter", "Follow our coverage at https://...": a sentence of
 * the block that starts with "Follow" and names a network or coverage. */
static bool follow_line(const char *s, size_t n, const px_hblock *b) {
  if (b->chars > PX_FOLLOW_MAX_CHARS) return false;
  for (size_t i = 0; i + 7 <= n; i++) {
    if (strncmp(s + i, "Follow ", 7) != 0 || (i > 0 && s[i - 1] != ' ')) continue;
    size_t e = i;
    while (e < n && s[e] != '.' && s[e] != '!') e++;
    static const char *const nets[] = {"twitter", "facebook", "instagram", "linkedin", "coverage", "http"};
    for (size_t k = 0; k < sizeof nets / sizeof *nets; k++)
      if (contains(s + i, e - i, nets[k])) return true;
  }
  return false;
}

const char *px_html_block_furniture(const char *s, size_t n, const px_hblock *b) {
  if (b->flags & PX_HB_CAPTION) return "credit";
  double links = b->chars ? (double)b->link_chars / b->chars : 0;
  if (links > (ends_sentence(s, n) && b->words >= 8 ? PX_LINK_SHARE_SENTENCE : PX_LINK_SHARE)) return "related";
  if (b->kind != PX_PARA_HEADING && !(b->flags & PX_HB_QUOTE)) { /* a quoted post keeps its signature line */
    if (by_line(s, n, b) || dateline(s, n, b)) return "byline";
    if (credit(s, n, b)) return "credit";
  }
  if (follow_line(s, n, b)) return "share";
  const char *why = px_boilerplate_line(s, n);
  if (why) return why;
  if (px_appeal_score(s, n) == 2) return "appeal";
  return NULL;
}
