/* html_timeline.c - the merged timeline: each event with the date most
 * sources give, a short description, and per source the date it gives, the
 * words that date it and a link to its sentence. Events whose sources
 * disagree on the date are marked "dates differ". */
#include "html.h"

#include <string.h>

#define MAX_SOURCES 12

static void event(px_html *h, const px_event *e, const px_event_source *es, size_t nes) {
  px_buf *b = &h->b;
  px_buf_puts(b, "<li><strong>");
  px_html_escs(b, e->date, "undated");
  px_buf_puts(b, "</strong> ");
  px_html_escs(b, e->event, "");
  if (e->disputed) px_buf_puts(b, "<span class=\"disputed\">dates differ</span>");
  px_buf_puts(b, "<br>");
  size_t shown = 0;
  for (size_t i = e->first_source; i < e->first_source + e->source_count && i < nes; i++) {
    if (shown++ == MAX_SOURCES) {
      px_buf_printf(b, "<small>+%zu more</small>", e->first_source + e->source_count - i);
      break;
    }
    px_html_ref(h, es[i].ref);
    px_buf_puts(b, "<small>");
    px_html_escs(b, es[i].date, "?");
    if (es[i].end > es[i].start) {
      px_buf_puts(b, " (\xe2\x80\x9c");
      px_html_span_text(h, es[i].ref.doc, es[i].start, es[i].end);
      px_buf_puts(b, "\xe2\x80\x9d)");
    }
    px_buf_puts(b, "</small> ");
  }
  px_buf_puts(b, "</li>\n");
}

void px_html_timeline(px_html *h) {
  size_t n = 0, nes = 0;
  const px_event *ev = h->s ? px_story_events(h->s, &n) : NULL;
  const px_event_source *es = h->s ? px_story_event_sources(h->s, &nes) : NULL;
  px_html_section(h, "timeline", "Timeline");
  if (n == 0) px_html_none(h, "No dated events found.");
  else px_buf_puts(&h->b, "<ol class=\"timeline\">\n");
  for (size_t i = 0; i < n; i++) {
    event(h, &ev[i], es, nes);
    if (h->b.len > 1 << 16) px_html_flush(h);
  }
  if (n) px_buf_puts(&h->b, "</ol>\n");
  px_buf_puts(&h->b, "</section>\n");
}
