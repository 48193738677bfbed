/* html_summary.c - the extractive summary: what most sources state
 * (agreed), the versions of what they dispute (contested, one item per
 * version, grouped under the topic they share) and notable sentences only one
 * source has (exclusive). Each item is a sentence quoted from a source, with
 * links to every sentence behind it. */
#include "html.h"

#include <string.h>

#define MAX_REFS 8

static void item(px_html *h, const px_summary_item *it) {
  px_buf_puts(&h->b, "<li>");
  px_html_sentence_text(h, it->ref);
  px_buf_puts(&h->b, " ");
  px_html_ref(h, it->ref);
  if (it->ref_count > 1) {
    px_buf_puts(&h->b, "<br><small>Sources:</small> ");
    px_html_refs(h, it->first_ref, it->ref_count, MAX_REFS);
  }
  px_buf_puts(&h->b, "</li>\n");
}

static void part(px_html *h, const px_summary_item *items, size_t n, px_summary_section sec, const char *title,
                 const char *empty) {
  px_buf *b = &h->b;
  px_buf_printf(b, "<h3 id=\"summary-%s\">", px_summary_section_name(sec));
  px_html_escs(b, title, NULL);
  px_buf_puts(b, "</h3>\n");
  size_t shown = 0;
  const char *topic = NULL; /* contested: the open topic's list */
  for (size_t i = 0; i < n; i++) {
    if (items[i].section != sec) continue;
    if (shown++ == 0) px_buf_puts(b, "<ul class=\"summary\">\n");
    if (sec == PX_SUMMARY_CONTESTED) {
      const char *t = items[i].topic ? items[i].topic : "";
      if (!topic || strcmp(topic, t) != 0) {
        if (topic) px_buf_puts(b, "</ul></li>\n");
        px_buf_puts(b, "<li><strong>");
        px_html_escs(b, *t ? t : NULL, "(no topic)");
        px_buf_puts(b, "</strong><ul>\n");
        topic = t;
      }
    }
    item(h, &items[i]);
  }
  if (topic) px_buf_puts(b, "</ul></li>\n");
  if (shown) px_buf_puts(b, "</ul>\n");
  else px_html_none(h, empty);
}

void px_html_summary(px_html *h) {
  size_t n = 0;
  const px_summary_item *items = h->s ? px_story_summary(h->s, &n) : NULL;
  px_html_section(h, "summary", "Summary");
  part(h, items, n, PX_SUMMARY_AGREED, "Agreed by most sources", "Nothing found that most sources agree on.");
  part(h, items, n, PX_SUMMARY_CONTESTED, "Contested", "Nothing found that the sources dispute.");
  part(h, items, n, PX_SUMMARY_EXCLUSIVE, "Only one source", "No notable claim found in one source only.");
  px_buf_puts(&h->b, "</section>\n");
}
