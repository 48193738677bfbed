/* html.h - internal interface of HTML ingest (not installed).
 *
 * The pipeline, one file per step:
 *   html_decode.c     bytes -> UTF-8 (BOM, <meta charset>, UTF-8 check, windows-1252; iconv)
 *   html_reduce.c     UTF-8 -> smaller UTF-8 for the parser: script/style bodies and comments
 *                     dropped, unknown attributes dropped, nesting depth capped
 *   html_dom.c        gumbo parse (arena allocator) -> compact arena DOM (px_hdom)
 *   html_text.c       DOM -> text blocks (whitespace as a browser renders it, <br>, kinds)
 *   html_hints.c      class/id/role/tag vocabularies: boilerplate or content
 *   html_score.c      extraction steps 1-3: totals, hints, paragraph scores, the best candidate
 *   html_extract.c    extraction steps 4-6: cleaning, selection, retries, the JSON-LD check
 *   html_furniture.c  single blocks that are not prose: captions, bylines, credits, links
 *   html_ldguide.c    blocks the JSON-LD articleBody confirms
 *   html_jsonld.c     JSON-LD objects (jansson): headline, author, dates, articleBody
 *   html_meta.c       metadata with provenance (title, dates, site, url, lang...)
 *   html_byline.c     authors from bylines, dated bylines, the site's name cut from titles
 *   html_date.c       dates in meta values, URLs and bylines
 *   html.c            px_ingest_html(): the whole chain into a px_doc
 * Every walk over the DOM is iterative: nothing recurses over the page's depth.
 */
#ifndef PX_HTML_H
#define PX_HTML_H

#include "ingest.h"

#include <stdint.h>

/* ---- decoding ----------------------------------------------------- */

typedef struct px_html_charset {
  char name[48];    /* the charset the bytes were decoded from, e.g. "UTF-8", "windows-1252" */
  const char *from; /* static: "bom", "meta", "utf-8 check", "fallback" */
  size_t n_invalid; /* byte sequences that could not be decoded (now U+FFFD) */
} px_html_charset;

/* Decodes a page to UTF-8. `*out` (malloc'd, NUL-terminated) is freed by the
 * caller. PX_OK or PX_ENOMEM. */
int px_html_decode(const char *data, size_t len, char **out, size_t *out_len, px_html_charset *cs);

/* Finds a charset label in <meta charset> or <meta http-equiv content> near
 * the start of `data`; writes it lower-cased into `label` (NUL-terminated).
 * Returns true when one was found. */
bool px_html_meta_charset(const char *data, size_t len, char *label, size_t cap);

/* ---- reduction ---------------------------------------------------- */

/* Rewrites UTF-8 HTML into a smaller equivalent for the parser (see
 * html_reduce.c). `*out` is malloc'd; the caller frees it. PX_OK or PX_ENOMEM. */
int px_html_reduce(const char *in, size_t len, char **out, size_t *out_len);

/* ---- DOM ---------------------------------------------------------- */

/* Attributes kept in the DOM (all others are dropped by html_reduce). */
typedef enum px_hattr_name {
  PX_HA_CLASS = 0, PX_HA_ID, PX_HA_ITEMPROP, PX_HA_ITEMTYPE, PX_HA_REL, PX_HA_HREF, PX_HA_ROLE,
  PX_HA_HIDDEN, PX_HA_STYLE, PX_HA_ARIA_HIDDEN, PX_HA_NAME, PX_HA_PROPERTY, PX_HA_CONTENT,
  PX_HA_DATETIME, PX_HA_TYPE, PX_HA_HTTP_EQUIV, PX_HA_CHARSET, PX_HA_LANG, PX_HA_ARIA_LABEL,
  PX_HA__COUNT
} px_hattr_name;

/* The attribute id of a lower-case name, or -1 when it is not kept. */
int px_hattr_lookup(const char *name, size_t n);

/* Tags beyond gumbo's: a text node. Elements use GumboTag values. */
#define PX_HTAG_TEXT 0xFFFFu

/* One node. Nodes are stored in document (pre-)order, so every child has a
 * larger index than its parent and a reverse loop over the array visits
 * children before parents: one post-order pass without recursion. Index 0 is
 * the document root; 0 in `first`/`next` means "none". */
typedef struct px_hnode {
  uint32_t parent, first, last, next;
  uint32_t off, len;    /* text node: its text in dom->buf */
  uint32_t attr, n_attr; /* element: attributes dom->attrs[attr .. attr + n_attr) */
  uint16_t tag;         /* GumboTag, or PX_HTAG_TEXT */
  uint16_t flags;       /* PX_HN_* */
} px_hnode;

enum {
  PX_HN_DEAD = 1u << 0,   /* never rendered: script, style, hidden... (and everything inside) */
  PX_HN_RAW = 1u << 1,    /* text of a script or style element, kept verbatim */
  PX_HN_LDJSON = 1u << 2, /* a <script type="application/ld+json"> */
  PX_HN_SVG = 1u << 3,    /* an element in a foreign (SVG/MathML) namespace */
  PX_HN_HARD = 1u << 4,   /* this element is never shown: a script, style, form control, hidden, display:none */
  PX_HN_SOFT = 1u << 5    /* this element is hidden by aria-hidden or a utility class (sr-only, hidden...):
                             dead too, unless px_hdom_soft_hiding() turns that off */
};

typedef struct px_hattr {
  uint32_t name; /* px_hattr_name */
  uint32_t off, len; /* value in dom->buf */
} px_hattr;

typedef struct px_hdom {
  px_hnode *n;
  size_t count, cap;
  px_hattr *attrs;
  size_t n_attrs, attrs_cap;
  px_buf buf; /* text of text nodes and attribute values */
} px_hdom;

/* Parses UTF-8 HTML into `dom` (zero-initialised by the caller; free with
 * px_hdom_free). PX_OK, PX_ENOMEM, or PX_ETOOBIG when the parser needed more
 * memory than PX_HTML_PARSE_MEM allows for this input. */
int px_hdom_parse(px_hdom *dom, const char *html, size_t len);
void px_hdom_free(px_hdom *dom);

/* Turns hiding by aria-hidden and utility classes (PX_HN_SOFT) on or off,
 * recomputing PX_HN_DEAD over the tree. Returns the number of soft-hidden
 * elements. (A page may hide its whole body that way while a dialog shows.) */
size_t px_hdom_soft_hiding(px_hdom *dom, bool on);
/* An attribute's value (not NUL-terminated: `*len`), or NULL when absent. */
const char *px_hdom_attr(const px_hdom *dom, uint32_t node, px_hattr_name name, size_t *len);
/* True when the attribute's value equals `s` (ASCII case-insensitive). */
bool px_hdom_attr_is(const px_hdom *dom, uint32_t node, px_hattr_name name, const char *s);
/* The next node in document order inside the subtree of `root`, or 0 at its end.
 * With `skip_children`, the children of `i` are skipped. */
uint32_t px_hdom_next(const px_hdom *dom, uint32_t root, uint32_t i, bool skip_children);
/* Appends the text of every text node of the subtree (dead ones too) to `b`. */
int px_hdom_text(const px_hdom *dom, uint32_t node, px_buf *b);
/* True for elements with tag `tag`. */
static inline bool px_hdom_is(const px_hdom *dom, uint32_t i, unsigned tag) { return dom->n[i].tag == tag; }

/* ---- text blocks ---------------------------------------------------- */

/* A run of inline content between block boundaries. Text is whitespace-
 * collapsed UTF-8 in px_hblocks.text[off, off + len), trimmed; a <br> is "\n". */
typedef struct px_hblock {
  uint32_t off, len;
  uint32_t node;      /* the block-level element that holds it */
  uint32_t chars;     /* characters other than white space */
  uint32_t link_chars; /* of those, inside <a href> */
  uint32_t words, commas, stops; /* words; commas; sentence ends (. ! ?) */
  uint32_t links;     /* <a href> elements that start in it */
  uint16_t kind;      /* px_para_kind: TEXT, HEADING, LIST_ITEM */
  uint16_t flags;     /* PX_HB_* */
} px_hblock;

enum {
  PX_HB_PRE = 1u << 0,    /* inside <pre>: white space kept */
  PX_HB_QUOTE = 1u << 1,  /* inside <blockquote> */
  PX_HB_CAPTION = 1u << 2, /* inside <figcaption>, <figure> or <caption> */
  PX_HB_TABLE = 1u << 3   /* inside a table cell */
};

typedef struct px_hblocks {
  px_hblock *v;
  size_t n, cap;
  px_buf text;
} px_hblocks;

/* Collects every visible text block of the page in document order. */
int px_hblocks_build(const px_hdom *dom, px_hblocks *out);
void px_hblocks_free(px_hblocks *b);
/* True for block-level elements (they start and end a text block). */
bool px_html_is_block(unsigned tag);

/* ---- hints ---------------------------------------------------------- */

/* What the class, id, role and tag of an element say about it. */
typedef enum px_hint {
  PX_HINT_NONE = 0,
  PX_HINT_CONTENT,   /* article, story, entry-content, itemprop=articleBody ... */
  PX_HINT_MAYBE,     /* main, content, column, body: not boilerplate even if another word is */
  PX_HINT_BOILER,    /* by tag or role: nav, aside, footer, form, role=navigation... (reason set) */
  PX_HINT_CLASS      /* by class or id words: navigation, comments, share bar, related, ad...
                        (reason set); the extractor spares such an element when it holds much of
                        the page's prose ("content has-sidebar" around the whole article) */
} px_hint;

/* Content scoring weight of one positive or negative class or id value (as
 * in Readability): class and id each add or take this much. */
#define PX_HTML_CLASS_WEIGHT 25

/* Classifies element `i`; for PX_HINT_BOILER `*reason` gets a static reason
 * ("navigation", "comments", "share", "related", "advert", "subscription",
 * "appeal", "credit", "widget"). `*weight` gets the class/id weight for
 * content scoring (positive: content words). */
px_hint px_html_hint(const px_hdom *dom, uint32_t i, const char **reason, int *weight);

/* ---- extraction ----------------------------------------------------- */

/* Why one block of the article region is not article text ("credit",
 * "byline", "related", a px_boilerplate_line reason, "appeal"), or NULL. */
const char *px_html_block_furniture(const char *s, size_t n, const px_hblock *b);

/* One output paragraph: block indices in document order with their kind. */
typedef struct px_hpick {
  uint32_t block;
  uint16_t kind;
} px_hpick;

typedef struct px_hextract {
  px_hpick *v; /* the main text's blocks, in order */
  size_t n;
  struct px_hremoved {
    uint32_t block;
    const char *reason;
  } *removed; /* blocks of the article region dropped as boilerplate */
  size_t n_removed;
  uint32_t root; /* the chosen container */
  uint32_t *held; /* work space: blocks waiting for a decision */
  size_t held_cap;
} px_hextract;

/* Marks in confirmed[] (one byte per block) the blocks whose text the JSON-LD
 * articleBody holds; *chars gets their characters. PX_OK or PX_ENOMEM. */
int px_html_ld_confirm(const char *ld_body, const px_hblocks *b, uint8_t *confirmed, size_t *chars);

/* Finds the article body. `ld_body` is JSON-LD articleBody text or NULL. */
int px_html_extract(const px_hdom *dom, const px_hblocks *b, const char *ld_body, px_hextract *out);
void px_hextract_free(px_hextract *x);

/* ---- metadata ------------------------------------------------------- */

/* A metadata value, where it came from ("json-ld", "og:title", ...) and the
 * rank of that source (lower is better; each field's ranking is in html_meta.c). */
typedef struct px_hmeta_val {
  char *value;      /* malloc'd or NULL */
  const char *from; /* static, or NULL */
  int rank;         /* 0 while unset */
  bool utc;         /* a date taken from a timestamp in UTC (Z, +00:00) */
} px_hmeta_val;

/* Authors kept per page, at most. */
#define PX_HMETA_MAX_AUTHORS 16

typedef struct px_hmeta {
  px_hmeta_val title, published, modified, site, url, lang, description;
  char *authors[PX_HMETA_MAX_AUTHORS];
  size_t n_authors;
  const char *authors_from;
  int authors_rank; /* 0 while there are none */
  char *ld_body;    /* JSON-LD articleBody, or NULL */
} px_hmeta;

/* Offers s[0, n) (white space collapsed and trimmed; entities are already
 * decoded) from `from` with `rank`: it replaces the value when that is unset
 * or from a worse rank. PX_OK or PX_ENOMEM. */
int px_hmeta_offer(px_hmeta_val *v, const char *s, size_t n, const char *from, int rank);
/* Ranks of the sources of a publication date (lower wins; html_meta.c). */
enum {
  PX_RANK_PUB_JSONLD = 1,     /* JSON-LD datePublished */
  PX_RANK_PUB_ARTICLE = 2,    /* article:published_time */
  PX_RANK_PUB_ITEMPROP = 3,   /* itemprop=datePublished */
  PX_RANK_PUB_TIME = 4,       /* <time datetime> inside the article */
  PX_RANK_PUB_META = 5,       /* other <meta> dates */
  PX_RANK_PUB_TIME_PAGE = 6,  /* <time datetime> elsewhere on the page */
  PX_RANK_PUB_URL = 7,        /* a date in the URL */
  PX_RANK_PUB_BYLINE = 8      /* a dated byline */
};

/* Offers the date at the start of s (ISO 8601, see px_html_date_iso). */
int px_hmeta_offer_date(px_hmeta_val *v, const char *s, size_t n, const char *from, int rank);
/* Adds an author name: names from a better rank replace the list, from a worse
 * one are ignored. Empty or overlong names, URLs, and the site's name are
 * skipped. */
int px_hmeta_add_author(px_hmeta *m, const char *s, size_t n, const char *from, int rank);
void px_hmeta_free(px_hmeta *m);

/* JSON-LD: offers what the page's JSON-LD blocks say (see html_jsonld.c). */
int px_html_jsonld(const px_hdom *dom, px_hmeta *m);
/* The rest of the page's metadata: <meta>, <link>, <title>, <h1>, <time>,
 * bylines, the URL. `root` is the article's element (0 if unknown): bylines
 * and <time> inside it are preferred. `page_url` is the URL the caller knows. */
int px_html_meta(const px_hdom *dom, const px_hblocks *b, uint32_t root, const char *page_url, px_hmeta *m);
/* Authors from itemprop=author, rel=author and byline elements, and a date
 * from a dated byline, near `root` (the whole page when 0). */
int px_html_bylines(const px_hdom *dom, const px_hblocks *b, uint32_t root, px_hmeta *m);
/* Drops authors that name the site (the site may be known only at the end). */
void px_hmeta_drop_site_authors(px_hmeta *m);
/* The title with the site's name cut off ("Headline | Site" -> "Headline"). */
void px_html_strip_site(px_hmeta *m);

/* Dates: ISO 8601 at the start of s ("2019-11-18", "2019-11-18T10:00:00Z"),
 * also "2019/11/18"; writes YYYY-MM-DD into out. */
bool px_html_date_iso(const char *s, size_t n, char out[11]);
/* A date in a URL path (/2019/11/18/, /2019-11-18/, /20191118/). */
bool px_html_date_url(const char *url, char out[11]);
/* The day before a YYYY-MM-DD date. */
bool px_html_date_prev_day(const char *date, char out[11]);
/* A date written in English ("November 18, 2019", "18 Nov 2019"). */
bool px_html_date_text(const char *s, size_t n, char out[11]);

/* ---- the entry point ---------------------------------------------------- */

/* Makes a document from the bytes of an HTML page and adds it to `c`.
 * Metadata from `m` and the options win over the page's own. */
int px_ingest_html(px_corpus *c, const char *where, const char *data, size_t len, const px_meta_in *m,
                   const px_ingest_opts *o);

#endif
