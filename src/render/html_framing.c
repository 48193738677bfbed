/* html_framing.c - how each source frames the story, one card per source:
 * its most distinctive words against the other sources (log-odds z-score),
 * its framing markers counted by kind with a few example spans linking to
 * their sentences, and whom it quotes with each speaker's share. */
#include "html.h"

#define MAX_TERMS 15
#define MAX_EXAMPLES 3
#define N_KINDS (PX_MARK_EVENT_NAME + 1)

static void terms(px_html *h, const px_framing *f) {
  px_buf *b = &h->b;
  size_t nt = 0, nrefs = 0;
  const px_term *t = px_story_terms(h->s, &nt);
  const px_sref *refs = px_story_refs(h->s, &nrefs);
  px_buf_puts(b, "<h4>Distinctive words</h4>\n");
  if (f->term_count == 0) {
    px_html_none(h, "None found.");
    return;
  }
  px_buf_puts(b, "<p>");
  for (size_t i = f->first_term, k = 0; i < f->first_term + f->term_count && i < nt && k < MAX_TERMS; i++, k++) {
    px_buf_puts(b, "<span class=\"lab\">");
    bool linked = t[i].ref_count > 0 && t[i].first_ref < nrefs;
    if (linked)
      px_buf_printf(b, "<a href=\"#d%u-s%u\">", (unsigned)refs[t[i].first_ref].doc,
                    (unsigned)refs[t[i].first_ref].sentence);
    px_html_escs(b, t[i].text, "?");
    if (linked) px_buf_puts(b, "</a>");
    px_buf_printf(b, " <small>\xc3\x97%u z=%.1f</small></span>", (unsigned)t[i].count, t[i].zeta);
  }
  px_buf_puts(b, "</p>\n");
}

/* "name_calling" as "name calling". */
static void kind_name(px_buf *b, px_marker_kind k) {
  for (const char *p = px_marker_kind_name(k); p && *p; p++) px_buf_putc(b, *p == '_' ? ' ' : *p);
}

static void markers(px_html *h, const px_framing *f) {
  px_buf *b = &h->b;
  size_t nm = 0;
  const px_marker *m = px_story_markers(h->s, &nm);
  size_t count[N_KINDS] = {0}, ex[N_KINDS][MAX_EXAMPLES];
  size_t end = f->first_marker + f->marker_count;
  for (size_t i = f->first_marker; i < end && i < nm; i++) {
    if ((unsigned)m[i].kind >= N_KINDS) continue;
    if (count[m[i].kind] < MAX_EXAMPLES) ex[m[i].kind][count[m[i].kind]] = i;
    count[m[i].kind]++;
  }
  px_buf_puts(b, "<h4>Framing markers</h4>\n");
  if (f->marker_count == 0) {
    px_html_none(h, "None found.");
    return;
  }
  px_buf_puts(b, "<table>\n");
  for (int k = 0; k < N_KINDS; k++) {
    if (!count[k]) continue;
    px_buf_puts(b, "<tr><td>");
    kind_name(b, (px_marker_kind)k);
    px_buf_printf(b, "</td><td class=\"num\">%zu</td><td>", count[k]);
    for (size_t e = 0; e < count[k] && e < MAX_EXAMPLES; e++) {
      const px_marker *x = &m[ex[k][e]];
      px_buf_printf(b, "<a class=\"mark\" href=\"#d%u-s%u\">", (unsigned)x->doc, (unsigned)x->sentence);
      size_t before = b->len;
      px_html_span_text(h, x->doc, x->start, x->end);
      if (b->len == before) px_html_escs(b, x->cue, "?");
      px_buf_puts(b, "</a> ");
    }
    px_buf_puts(b, "</td></tr>\n");
  }
  px_buf_puts(b, "</table>\n");
}

static void quoted(px_html *h, const px_framing *f) {
  px_buf *b = &h->b;
  size_t nq = 0, ne = 0, na = 0;
  const px_quoted *q = px_story_quoted(h->s, &nq);
  const px_story_entity *ents = px_story_entities(h->s, &ne);
  const px_actor *actors = px_story_actors(h->s, &na);
  px_buf_puts(b, "<h4>Who it quotes</h4>\n");
  if (f->quoted_count == 0) {
    px_html_none(h, "No quoted speakers found.");
    return;
  }
  px_buf_puts(b, "<ul>\n");
  for (size_t i = f->first_quoted; i < f->first_quoted + f->quoted_count && i < nq; i++) {
    px_buf_puts(b, "<li>");
    if (q[i].entity >= 0 && (size_t)q[i].entity < ne) px_html_escs(b, ents[q[i].entity].name, "?");
    else px_buf_puts(b, "<span class=\"mute\">unnamed speakers</span>");
    if (q[i].actor >= 0 && (size_t)q[i].actor < na) {
      px_buf_puts(b, " <small>(");
      px_html_escs(b, actors[q[i].actor].name, "?");
      px_buf_puts(b, ")</small>");
    }
    px_buf_printf(b, ": %u <small>(%.0f%%)</small></li>\n", (unsigned)q[i].count, q[i].share * 100.0);
  }
  px_buf_puts(b, "</ul>\n");
}

void px_html_framing(px_html *h) {
  size_t nf = 0;
  const px_framing *f = h->s ? px_story_framing(h->s, &nf) : NULL;
  px_html_section(h, "framing", "Framing");
  if (nf == 0) px_html_none(h, "No framing found.");
  else px_buf_puts(&h->b, "<div class=\"frames\">\n");
  for (size_t i = 0; i < nf; i++) {
    px_buf_printf(&h->b, "<div class=\"card\" style=\"--c:%s\"><h3>", px_html_doc_colour(f[i].doc));
    px_html_doc_tag(h, f[i].doc);
    px_buf_printf(&h->b, " <small>%u words</small></h3>\n", (unsigned)f[i].words);
    terms(h, &f[i]);
    markers(h, &f[i]);
    quoted(h, &f[i]);
    px_buf_puts(&h->b, "</div>\n");
    if (h->b.len > 1 << 16) px_html_flush(h);
  }
  if (nf) px_buf_puts(&h->b, "</div>\n");
  px_buf_puts(&h->b, "</section>\n");
}
