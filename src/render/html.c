/* html.c - the self-contained HTML report: page, head, style sheet, shared
 * helpers (links to sentences, source names) and px_render_html().
 *
 * The page loads nothing: no script, font, image or style sheet from
 * anywhere, and a Content-Security-Policy (default-src 'none', inline styles
 * only) makes a browser refuse anything that slipped in. There is no script
 * at all: highlighting a linked sentence is the CSS :target rule. Text from
 * the articles only reaches the page through px_html_esc(). */
#include "html.h"

#include <stdlib.h>
#include <string.h>

/* Colour-blind-safe hues (Okabe-Ito and neighbours), one per source, cycling. */
static const char *const colours[PX_HTML_COLOURS] = {"#0072b2", "#d55e00", "#009e73", "#cc79a7",
                                                     "#b8860b", "#56b4e9", "#8c564b", "#555555"};

static const char style[] =
    ":root{color-scheme:light;--fg:#1d1d1f;--mute:#6b6b73;--line:#dcdce0;--bg:#f6f6f8;--card:#fff}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;padding:0 1.5rem 3rem;background:var(--bg);color:var(--fg);"
    "font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif}\n"
    "header{padding:1.2rem 0 .4rem}h1{font-size:1.5rem;margin:0 0 .3rem}\n"
    "h2{font-size:1.2rem;margin:2rem 0 .6rem;padding-bottom:.2rem;border-bottom:1px solid var(--line)}\n"
    "h3{font-size:1rem;margin:1rem 0 .4rem}h4{font-size:.85rem;margin:.6rem 0 .2rem;color:var(--mute)}\n"
    "nav a{margin-right:1rem}a{color:#0b5cad;text-decoration:none}a:hover{text-decoration:underline}\n"
    ".mute,.none{color:var(--mute)}.none{font-style:italic}small{color:var(--mute)}\n"
    ".src{font-weight:600;border-bottom:3px solid var(--c,#888);white-space:nowrap}\n"
    ".ref{font-size:.8rem;white-space:nowrap;margin-right:.4rem}\n"
    ".card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem}\n"
    /* sources side by side: a row of columns that scrolls sideways, each column scrolls down */
    ".cols{display:flex;gap:.8rem;overflow-x:auto;align-items:flex-start;padding-bottom:.5rem}\n"
    ".doc{flex:0 0 25rem;max-height:80vh;overflow-y:auto;border-top:4px solid var(--c,#888)}\n"
    ".doc h3{margin-top:0}.hl{font-weight:600;font-size:1.05rem}.doc p{margin:.5rem 0}.meta{font-size:.8rem;color:var(--mute);margin:0}\n"
    ".sent{border-radius:3px;scroll-margin:2rem}.sent:target{background:#ffe58a;outline:2px solid #e0a800}\n"
    ".sent.excl{background:#eef5ff}.n{font-size:.7rem;color:var(--mute);margin-right:.15rem;vertical-align:super}\n"
    ".sup{font-size:.7rem;vertical-align:super;margin-left:.1rem}\n"
    "table{border-collapse:collapse;background:var(--card);font-size:.9rem}\n"
    "th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}\n"
    "th{background:#efeff3}.num{text-align:right;font-variant-numeric:tabular-nums}\n"
    ".tone-hostile{color:#b00020;font-weight:600}.tone-sympathetic{color:#1a7f37;font-weight:600}\n"
    ".lab{display:inline-block;margin:0 .5rem .2rem 0}\n"
    ".groups{display:flex;flex-wrap:wrap;gap:.8rem;align-items:flex-start}.group{flex:0 1 27rem}\n"
    ".verdict{font-size:.75rem;padding:0 .35rem;border-radius:3px;background:#e8e8ee;margin-left:.3rem}\n"
    ".v-conflict{background:#ffd6d6}.v-agree{background:#d6f5dd}.v-progression{background:#dbe9ff}\n"
    "svg{display:block;max-width:100%;height:auto}svg text{font:11px system-ui,sans-serif;fill:#555}\n"
    ".legend{display:flex;flex-wrap:wrap;gap:.2rem 1rem;margin:.3rem 0;font-size:.85rem}\n"
    ".summary li,.timeline li{margin:.35rem 0}.disputed{color:#b00020;font-size:.8rem;margin-left:.3rem}\n"
    ".frames{display:flex;gap:.8rem;overflow-x:auto;align-items:flex-start}.frames .card{flex:0 0 22rem}\n"
    "ul{padding-left:1.2rem;margin:.3rem 0}.mark,mark{background:#f1e8ff;color:inherit;border-radius:2px;padding:0 .1rem}\n"
    "mark.cq{background:#e3f0ff;border-bottom:2px solid #0b5cad}mark.cd{background:#e6f6ea;border-bottom:2px solid #1a7f37}\n"
    "mark.mark{border-bottom:2px solid #8a4fd8}\n";

void px_html_flush(px_html *h) {
  if (h->b.len && !h->rc && fwrite(h->b.data, 1, h->b.len, h->out) != h->b.len) h->rc = PX_EIO;
  h->b.len = 0;
}

const char *px_html_doc_colour(size_t doc) { return colours[doc % PX_HTML_COLOURS]; }

const char *px_html_doc_name(const px_html *h, size_t doc) {
  return doc < h->ndocs && h->names && h->names[doc] ? h->names[doc] : "?";
}

void px_html_doc_tag(px_html *h, size_t doc) {
  px_buf_printf(&h->b, "<span class=\"src\" style=\"--c:%s\">", px_html_doc_colour(doc));
  px_html_escs(&h->b, px_html_doc_name(h, doc), NULL);
  px_buf_puts(&h->b, "</span>");
}

void px_html_ref(px_html *h, px_sref ref) {
  px_buf_printf(&h->b, "<a class=\"ref\" href=\"#d%u-s%u\" style=\"color:%s\">", (unsigned)ref.doc,
                (unsigned)ref.sentence, px_html_doc_colour(ref.doc));
  px_html_escs(&h->b, px_html_doc_name(h, ref.doc), NULL);
  px_buf_printf(&h->b, " \xc2\xa7%u</a>", (unsigned)ref.sentence + 1);
}

void px_html_refs(px_html *h, size_t first, size_t count, size_t max) {
  size_t n = 0;
  const px_sref *refs = h->s ? px_story_refs(h->s, &n) : NULL;
  size_t shown = 0;
  for (size_t i = first; i < first + count && i < n; i++) {
    if (shown == max) {
      px_buf_printf(&h->b, "<small>+%zu more</small>", first + count - i);
      break;
    }
    px_html_ref(h, refs[i]);
    shown++;
  }
}

void px_html_sentence_text(px_html *h, px_sref ref) {
  size_t len = 0;
  const char *t = h->s ? px_story_sentence(h->s, ref, &len) : NULL;
  if (t) px_html_esc(&h->b, t, len);
  else px_buf_puts(&h->b, "<span class=\"none\">(missing sentence)</span>");
}

void px_html_span_text(px_html *h, uint32_t doc, size_t start, size_t end) {
  const px_doc *d = px_corpus_doc(h->c, doc);
  size_t len = 0;
  const char *text = d ? px_doc_text(d, &len) : NULL;
  if (!text || start >= end || end > len) return;
  px_html_esc(&h->b, text + start, end - start);
}

void px_html_none(px_html *h, const char *what) {
  px_buf_puts(&h->b, "<p class=\"none\">");
  px_html_escs(&h->b, what, NULL);
  px_buf_puts(&h->b, "</p>\n");
}

void px_html_section(px_html *h, const char *id, const char *title) {
  px_buf_printf(&h->b, "<section id=\"%s\">\n<h2>", id);
  px_html_escs(&h->b, title, NULL);
  px_buf_puts(&h->b, "</h2>\n");
}

/* Display names, made unique: sorting the indexes by name puts equal names
 * side by side, so duplicates are numbered in O(n log n). */
typedef struct name_ix {
  const char *name;
  size_t doc;
} name_ix;

static int cmp_name(const void *a, const void *b) {
  const name_ix *x = a, *y = b;
  int c = strcmp(x->name, y->name);
  return c ? c : (x->doc > y->doc) - (x->doc < y->doc);
}

static int make_names(px_html *h) {
  h->names = calloc(h->ndocs ? h->ndocs : 1, sizeof *h->names);
  name_ix *ix = malloc((h->ndocs ? h->ndocs : 1) * sizeof *ix);
  if (!h->names || !ix) {
    free(ix);
    return PX_ENOMEM;
  }
  for (size_t d = 0; d < h->ndocs; d++) {
    const px_doc *doc = px_corpus_doc(h->c, d);
    const char *n = px_doc_meta(doc, PX_META_SOURCE);
    if (!n || !*n) n = px_doc_meta(doc, PX_META_ID);
    ix[d] = (name_ix){n && *n ? n : "", d};
  }
  px_sort(ix, h->ndocs, sizeof *ix, cmp_name);
  int rc = PX_OK;
  for (size_t i = 0, k = 1; i < h->ndocs && !rc; i++) {
    k = i > 0 && strcmp(ix[i].name, ix[i - 1].name) == 0 ? k + 1 : 1;
    bool dup = k > 1 || (i + 1 < h->ndocs && strcmp(ix[i].name, ix[i + 1].name) == 0);
    px_buf t = {0};
    if (*ix[i].name) px_buf_puts(&t, ix[i].name);
    else px_buf_printf(&t, "doc %zu", ix[i].doc + 1);
    if (dup && *ix[i].name) px_buf_printf(&t, " (%zu)", k);
    h->names[ix[i].doc] = px_buf_take(&t, NULL);
    if (!h->names[ix[i].doc]) rc = PX_ENOMEM;
  }
  free(ix);
  return rc;
}

static void head(px_html *h) {
  px_buf *b = &h->b;
  px_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                 "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                 "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                 "<meta name=\"referrer\" content=\"no-referrer\">\n");
  px_buf_printf(b, "<title>parallax: %zu source%s compared</title>\n", h->ndocs, h->ndocs == 1 ? "" : "s");
  px_buf_printf(b, "<style>\n%s</style>\n</head>\n<body>\n<header>\n", style);
  px_buf_printf(b, "<h1>%zu source%s compared</h1>\n<p class=\"legend\">", h->ndocs, h->ndocs == 1 ? "" : "s");
  for (size_t d = 0; d < h->ndocs; d++) px_html_doc_tag(h, d);
  px_buf_puts(b, "</p>\n<nav><a href=\"#summary\">Summary</a><a href=\"#sources\">Sources</a>"
                 "<a href=\"#claims\">Claims</a><a href=\"#labels\">Labels</a>"
                 "<a href=\"#timeline\">Timeline</a><a href=\"#framing\">Framing</a></nav>\n</header>\n<main>\n");
}

int px_render_html(const px_corpus *c, const px_story *story, FILE *out, unsigned flags) {
  (void)flags;
  if (!c || !out) return PX_EARG;
  px_html h = {.out = out, .c = c, .s = story, .ndocs = px_corpus_count(c)};
  int rc = make_names(&h);
  if (!rc) {
    head(&h);
    void (*const sections[])(px_html *) = {px_html_summary, px_html_sources,  px_html_claims,
                                           px_html_labels,  px_html_timeline, px_html_framing};
    for (size_t i = 0; i < sizeof sections / sizeof *sections; i++) {
      sections[i](&h);
      px_html_flush(&h);
    }
    px_buf_puts(&h.b, "</main>\n<footer><p class=\"mute\">Made by parallax. Every item links to the sentences "
                      "behind it; a linked sentence is highlighted.</p></footer>\n</body>\n</html>\n");
    px_html_flush(&h);
    if (fflush(out) != 0 && !h.rc) h.rc = PX_EIO;
    rc = h.rc;
  }
  for (size_t d = 0; h.names && d < h.ndocs; d++) free(h.names[d]);
  free(h.names);
  px_buf_free(&h.b);
  return rc;
}
