/* markdown_story.c - the story's comparison for people: summary, claim
 * groups, actor labels, timeline and framing. Every line cites its sentences
 * as [SOURCE sN] (N 1-based, as in each document's numbered sentences). */
#include "markdown.h"

#include <math.h>
#include <string.h>

/* The short name of a document: its outlet, else its id. */
static const char *doc_name(const px_story *s, uint32_t doc) {
  const px_doc *d = px_corpus_doc(px_story_corpus(s), doc);
  const char *n = d ? px_doc_meta(d, PX_META_SOURCE) : NULL;
  if (!n && d) n = px_doc_meta(d, PX_META_ID);
  return n ? n : "?";
}

static void cstr(px_buf *b, const char *s) {
  if (s) px_md_text(b, s, strlen(s));
}

static void cite(px_buf *b, const px_story *s, px_sref r) {
  px_buf_puts(b, " [");
  cstr(b, doc_name(s, r.doc));
  px_buf_printf(b, " s%u]", r.sentence + 1);
}

static void sentence(px_buf *b, const px_story *s, px_sref r) {
  size_t len = 0;
  const char *t = px_story_sentence(s, r, &len);
  if (t) px_md_text(b, t, len);
}

static void cite_refs(px_buf *b, const px_story *s, size_t first, size_t count, size_t most) {
  size_t nr = 0;
  const px_sref *r = px_story_refs(s, &nr);
  for (size_t i = first; i < first + count && i < nr && i < first + most; i++) cite(b, s, r[i]);
  if (count > most) px_buf_printf(b, " (+%zu)", count - most);
}

static void summary(px_buf *b, const px_story *s) {
  size_t n = 0;
  const px_summary_item *it = px_story_summary(s, &n);
  static const char *const titles[] = {"What the sources agree on", "Contested", "Reported by one source only"};
  for (int sec = 0; sec < 3; sec++) {
    px_buf_printf(b, "### %s\n\n", titles[sec]);
    const char *topic = NULL;
    size_t shown = 0;
    for (size_t i = 0; i < n; i++) {
      if ((int)it[i].section != sec) continue;
      if (sec == PX_SUMMARY_CONTESTED && it[i].topic != topic) {
        topic = it[i].topic;
        px_buf_puts(b, "- **");
        cstr(b, topic ? topic : "(unnamed)");
        px_buf_puts(b, "**\n");
      }
      px_buf_puts(b, sec == PX_SUMMARY_CONTESTED ? "  - " : "- ");
      if (sec != PX_SUMMARY_AGREED) {
        cstr(b, doc_name(s, it[i].ref.doc));
        px_buf_puts(b, ": ");
      }
      sentence(b, s, it[i].ref);
      cite_refs(b, s, it[i].first_ref, it[i].ref_count, 6);
      px_buf_putc(b, '\n');
      shown++;
    }
    px_buf_puts(b, shown ? "\n" : "- (none found)\n\n");
  }
}

static void claim_line(px_buf *b, const px_story *s, const px_claim *c) {
  const px_doc *d = px_corpus_doc(px_story_corpus(s), c->doc);
  size_t ne = 0;
  const px_story_entity *e = px_story_entities(s, &ne);
  px_buf_puts(b, "  - ");
  px_buf_puts(b, c->as_of ? c->as_of : "(undated)");
  px_buf_puts(b, " · ");
  cstr(b, doc_name(s, c->doc));
  px_buf_puts(b, ": **");
  if (d) px_md_text(b, px_doc_text(d, NULL) + c->start, c->end - c->start);
  px_buf_puts(b, "**");
  if (c->kind == PX_CLAIM_DATE && c->date) px_buf_printf(b, " (%s)", c->date);
  if (c->speaker >= 0 && (size_t)c->speaker < ne) {
    px_buf_puts(b, ", according to ");
    cstr(b, e[c->speaker].name);
  }
  cite(b, s, (px_sref){c->doc, c->sentence});
  px_buf_putc(b, '\n');
}

static void claim_groups(px_buf *b, const px_story *s) {
  size_t ng = 0, nc = 0;
  const px_claim_group *g = px_story_claim_groups(s, &ng);
  const px_claim *c = px_story_claims(s, &nc);
  px_buf_puts(b, "### Figures and dates, by what they measure\n\n");
  size_t shown = 0;
  for (size_t i = 0; i < ng; i++) {
    if (g[i].verdict == PX_VERDICT_SINGLE) continue; /* single-source groups are in the JSON */
    px_buf_puts(b, "- **");
    cstr(b, g[i].measure);
    px_buf_printf(b, "**: %s\n", px_verdict_name(g[i].verdict));
    for (size_t k = g[i].first_claim; k < g[i].first_claim + g[i].claim_count && k < nc; k++) claim_line(b, s, &c[k]);
    shown++;
  }
  px_buf_puts(b, shown ? "\n" : "- (no figure or date reported by two sources)\n\n");
}

static void labels(px_buf *b, const px_story *s) {
  size_t na = 0, nl = 0;
  const px_actor *a = px_story_actors(s, &na);
  const px_label *l = px_story_labels(s, &nl);
  px_buf_puts(b, "### What each source calls each side\n\n");
  for (size_t i = 0; i < na; i++) {
    px_buf_puts(b, "- **");
    cstr(b, a[i].name);
    px_buf_puts(b, "**");
    if (a[i].evidence) {
      px_buf_puts(b, " (");
      cstr(b, a[i].evidence);
      px_buf_putc(b, ')');
    }
    px_buf_putc(b, '\n');
    size_t end = a[i].first_label + a[i].label_count;
    for (size_t k = a[i].first_label; k < end && k < nl;) {
      uint32_t doc = l[k].doc;
      px_buf_puts(b, "  - ");
      cstr(b, doc_name(s, doc));
      px_buf_puts(b, ": ");
      for (bool first = true; k < end && k < nl && l[k].doc == doc; k++, first = false) {
        if (!first) px_buf_puts(b, ", ");
        px_buf_putc(b, '"');
        cstr(b, l[k].text);
        px_buf_printf(b, "\" %u", l[k].count);
        if (l[k].tone != PX_TONE_NEUTRAL) px_buf_printf(b, " (%s)", px_tone_name(l[k].tone));
      }
      px_buf_putc(b, '\n');
    }
  }
  px_buf_puts(b, na ? "\n" : "- (no actor named by a group label)\n\n");
}

static void timeline(px_buf *b, const px_story *s) {
  size_t ne = 0, ns = 0;
  const px_event *e = px_story_events(s, &ne);
  const px_event_source *src = px_story_event_sources(s, &ns);
  px_buf_puts(b, "### Timeline\n\n");
  for (size_t i = 0; i < ne; i++) {
    px_buf_puts(b, "- ");
    cstr(b, e[i].date);
    px_buf_puts(b, e[i].disputed ? " (disputed): " : ": ");
    cstr(b, e[i].event);
    for (size_t k = e[i].first_source; k < e[i].first_source + e[i].source_count && k < ns; k++) {
      cite(b, s, src[k].ref);
      if (e[i].disputed && src[k].date) px_buf_printf(b, " %s", src[k].date);
    }
    px_buf_putc(b, '\n');
  }
  px_buf_puts(b, ne ? "\n" : "- (no dated event)\n\n");
}

static void framing(px_buf *b, const px_story *s) {
  size_t nf = 0, nt = 0, nm = 0;
  const px_framing *f = px_story_framing(s, &nf);
  const px_term *t = px_story_terms(s, &nt);
  const px_marker *m = px_story_markers(s, &nm);
  px_buf_puts(b, "### How each source frames it\n\n");
  for (size_t i = 0; i < nf; i++) {
    px_buf_puts(b, "- **");
    cstr(b, doc_name(s, f[i].doc));
    px_buf_puts(b, "**: distinctive words:");
    for (size_t k = f[i].first_term; k < f[i].first_term + f[i].term_count && k < nt; k++) {
      px_buf_puts(b, k == f[i].first_term ? " " : ", ");
      cstr(b, t[k].text);
      px_buf_printf(b, " (%u)", t[k].count);
    }
    if (!f[i].term_count) px_buf_puts(b, " (none stands out)");
    px_buf_putc(b, '\n');
    unsigned counts[PX_MARK_EVENT_NAME + 1] = {0};
    size_t example[PX_MARK_EVENT_NAME + 1];
    for (size_t k = f[i].first_marker; k < f[i].first_marker + f[i].marker_count && k < nm; k++)
      if ((unsigned)m[k].kind <= PX_MARK_EVENT_NAME && counts[m[k].kind]++ == 0) example[m[k].kind] = k;
    const px_doc *d = px_corpus_doc(px_story_corpus(s), f[i].doc);
    for (unsigned k = 0; k <= PX_MARK_EVENT_NAME; k++) {
      if (!counts[k] || !d) continue;
      const px_marker *x = &m[example[k]];
      px_buf_printf(b, "  - %s %u, e.g. \"", px_marker_kind_name((px_marker_kind)k), counts[k]);
      px_md_text(b, px_doc_text(d, NULL) + x->start, x->end - x->start);
      px_buf_putc(b, '"');
      cite(b, s, (px_sref){x->doc, x->sentence});
      px_buf_putc(b, '\n');
    }
  }
  px_buf_puts(b, nf ? "\n" : "- (nothing to compare)\n\n");
}

void px_md_story(px_buf *b, const px_story *s) {
  size_t n = px_corpus_count(px_story_corpus(s));
  px_buf_printf(b, "# The story across %zu source%s\n\n", n, n == 1 ? "" : "s");
  summary(b, s);
  claim_groups(b, s);
  labels(b, s);
  timeline(b, s);
  framing(b, s);
}
