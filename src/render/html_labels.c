/* html_labels.c - the actor label table: what each source calls each side.
 * One row per actor (its neutral name and why its labels were taken as one
 * actor), one column per source; a cell lists that source's labels for the
 * actor with their counts, coloured by tone (hostile, sympathetic, neutral),
 * each linking to the sentences that use it. With many sources the columns
 * would not fit: each actor's labels are then listed source by source. */
#include "html.h"

#define MAX_TABLE_DOCS 12
#define MAX_LABEL_REFS 4

static void label(px_html *h, const px_label *l) {
  px_buf *b = &h->b;
  size_t nrefs = 0;
  const px_sref *refs = px_story_refs(h->s, &nrefs);
  px_buf_printf(b, "<span class=\"lab tone-%s\" title=\"%s\">", px_tone_name(l->tone), px_tone_name(l->tone));
  bool linked = l->ref_count > 0 && l->first_ref < nrefs;
  if (linked) {
    px_sref r = refs[l->first_ref];
    px_buf_printf(b, "<a class=\"tone-%s\" href=\"#d%u-s%u\">", px_tone_name(l->tone), (unsigned)r.doc,
                  (unsigned)r.sentence);
  }
  px_html_escs(b, l->text, "?");
  if (linked) px_buf_puts(b, "</a>");
  px_buf_printf(b, " <small>\xc3\x97%u", (unsigned)l->count);
  for (size_t i = 1; i < l->ref_count && i < MAX_LABEL_REFS && l->first_ref + i < nrefs; i++) {
    px_sref r = refs[l->first_ref + i];
    px_buf_printf(b, " <a href=\"#d%u-s%u\">\xc2\xa7%u</a>", (unsigned)r.doc, (unsigned)r.sentence,
                  (unsigned)r.sentence + 1);
  }
  px_buf_puts(b, "</small></span>");
}

static void actor_head(px_html *h, const px_actor *a) {
  px_buf *b = &h->b;
  px_buf_puts(b, "<strong>");
  px_html_escs(b, a->name, "(unnamed actor)");
  px_buf_puts(b, "</strong>");
  size_t ne = 0;
  const px_story_entity *ents = px_story_entities(h->s, &ne);
  if (a->entity >= 0 && (size_t)a->entity < ne && ents[a->entity].name) {
    px_buf_puts(b, "<br><small>entity: ");
    px_html_escs(b, ents[a->entity].name, NULL);
    px_buf_puts(b, "</small>");
  }
  if (a->evidence) {
    px_buf_puts(b, "<br><small>");
    px_html_escs(b, a->evidence, NULL);
    px_buf_puts(b, "</small>");
  }
}

static void table(px_html *h, const px_actor *actors, size_t na, const px_label *labels, size_t nl) {
  px_buf *b = &h->b;
  px_buf_puts(b, "<div style=\"overflow-x:auto\"><table class=\"labels\">\n<tr><th>Actor</th>");
  for (size_t d = 0; d < h->ndocs; d++) {
    px_buf_puts(b, "<th>");
    px_html_doc_tag(h, d);
    px_buf_puts(b, "</th>");
  }
  px_buf_puts(b, "</tr>\n");
  for (size_t a = 0; a < na; a++) {
    px_buf_puts(b, "<tr><td>");
    actor_head(h, &actors[a]);
    px_buf_puts(b, "</td>");
    size_t end = actors[a].first_label + actors[a].label_count;
    for (size_t d = 0; d < h->ndocs; d++) {
      px_buf_puts(b, "<td>");
      size_t k = 0;
      for (size_t i = actors[a].first_label; i < end && i < nl; i++)
        if (labels[i].doc == d) {
          label(h, &labels[i]);
          k++;
        }
      if (!k) px_buf_puts(b, "<span class=\"mute\">\xe2\x80\x94</span>");
      px_buf_puts(b, "</td>");
    }
    px_buf_puts(b, "</tr>\n");
  }
  px_buf_puts(b, "</table></div>\n");
}

static void lists(px_html *h, const px_actor *actors, size_t na, const px_label *labels, size_t nl) {
  px_buf *b = &h->b;
  for (size_t a = 0; a < na; a++) {
    px_buf_puts(b, "<div class=\"card\" style=\"margin:.5rem 0\">");
    actor_head(h, &actors[a]);
    px_buf_puts(b, "<ul>\n");
    size_t end = actors[a].first_label + actors[a].label_count;
    uint32_t doc = UINT32_MAX;
    for (size_t i = actors[a].first_label; i < end && i < nl; i++) {
      if (labels[i].doc != doc) {
        if (doc != UINT32_MAX) px_buf_puts(b, "</li>\n");
        doc = labels[i].doc;
        px_buf_puts(b, "<li>");
        px_html_doc_tag(h, doc);
        px_buf_puts(b, ": ");
      }
      label(h, &labels[i]);
    }
    if (doc != UINT32_MAX) px_buf_puts(b, "</li>\n");
    px_buf_puts(b, "</ul></div>\n");
    if (b->len > 1 << 16) px_html_flush(h);
  }
}

void px_html_labels(px_html *h) {
  size_t na = 0, nl = 0;
  const px_actor *actors = h->s ? px_story_actors(h->s, &na) : NULL;
  const px_label *labels = h->s ? px_story_labels(h->s, &nl) : NULL;
  px_html_section(h, "labels", "What each source calls each side");
  if (na == 0) px_html_none(h, "No actors with labels found.");
  else {
    px_buf_puts(&h->b, "<p class=\"legend\"><span class=\"tone-hostile\">hostile</span>"
                       "<span class=\"tone-sympathetic\">sympathetic</span><span>neutral</span>"
                       "<small>\xc3\x97: uses; \xc2\xa7: more sentences</small></p>\n");
    if (h->ndocs <= MAX_TABLE_DOCS) table(h, actors, na, labels, nl);
    else lists(h, actors, na, labels, nl);
  }
  px_buf_puts(&h->b, "</section>\n");
}
