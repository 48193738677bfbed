/* html_claims.c - claim groups: what the sources say a measure is, and when.
 *
 * A quantity group is drawn as a small inline SVG chart: the value (a range
 * as a vertical bar) against the date it refers to (the claim's as_of, else
 * the source's publication date, else all in one column), one colour and
 * marker shape per source, each point a link to its sentence with a tooltip;
 * a legend names the sources drawn. A date group is a list of the dates each
 * source gives. Under each: the claims as written and the pairs that make
 * the verdict (agree, progression, conflict). No script: the chart is static
 * markup, scaled by the browser. */
#include "html.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define W 420.0
#define H 170.0
#define ML 56.0 /* left margin: y labels */
#define MR 14.0
#define MT 10.0
#define MB 26.0 /* bottom margin: x labels */
#define MAX_LISTED 10
#define MAX_PAIRS 6
#define N_SHAPES 5
#define MAX_LEGEND 12

/* A date ("YYYY-MM-DD", "YYYY-MM", "YYYY-Www", "YYYY") as the day number it starts on; false when it is none. */
static bool day_of(const char *s, double *out) {
  int64_t lo, hi;
  int gran;
  if (!px_date_span(s, &lo, &hi, &gran)) return false;
  *out = (double)lo;
  return true;
}

/* The marker of source `doc` centred on (x, y), in its colour. */
static void shape(px_buf *b, size_t doc, double x, double y) {
  const char *c = px_html_doc_colour(doc);
  switch (doc % N_SHAPES) {
  case 0: px_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\"/>", x, y, c); break;
  case 1: px_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"9\" height=\"9\" fill=\"%s\"/>", x - 4.5, y - 4.5, c); break;
  case 2:
    px_buf_printf(b, "<path d=\"M%.1f %.1fl5.5 9.5h-11z\" fill=\"%s\"/>", x, y - 6, c);
    break;
  case 3: px_buf_printf(b, "<path d=\"M%.1f %.1fl6 6l-6 6l-6 -6z\" fill=\"%s\"/>", x, y - 6, c); break;
  default: px_buf_printf(b, "<path d=\"M%.1f %.1fl5.5 -9.5h-11z\" fill=\"%s\"/>", x, y + 6, c); break;
  }
}

/* The x of each claim (a day number), NAN when undated. */
static double claim_day(const px_html *h, const px_claim *cl) {
  double d;
  if (day_of(cl->as_of, &d)) return d;
  if (day_of(px_doc_meta(px_corpus_doc(h->c, cl->doc), PX_META_PUBLISHED), &d)) return d;
  return NAN;
}

static void axis_labels(px_buf *b, double lo, double hi, double dlo, double dhi, bool dated) {
  for (int i = 0; i <= 2; i++) {
    double v = lo + (hi - lo) * i / 2.0, y = H - MB - (H - MT - MB) * i / 2.0;
    px_buf_printf(b, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">%.4g</text>", ML - 6, y + 4, v);
    px_buf_printf(b, "<line x1=\"%.0f\" x2=\"%.0f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e4e4ea\"/>", ML, W - MR, y, y);
  }
  if (!dated) return;
  for (int i = 0; i < 2; i++) {
    if (i == 1 && dhi == dlo) break;
    int y, m, d;
    px_civil_from_days((int64_t)(i ? dhi : dlo), &y, &m, &d);
    double x = dhi == dlo ? (ML + W - MR) / 2 : (i ? W - MR : ML);
    px_buf_printf(b, "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"%s\">%04d-%02d-%02d</text>", x, H - 8,
                  dhi == dlo ? "middle" : (i ? "end" : "start"), y, m, d);
  }
}

static void chart(px_html *h, const px_claim_group *g, const px_claim *cl, size_t nc) {
  px_buf *b = &h->b;
  size_t end = g->first_claim + g->claim_count;
  double lo = INFINITY, hi = -INFINITY, dlo = INFINITY, dhi = -INFINITY;
  for (size_t i = g->first_claim; i < end && i < nc; i++) {
    if (!isfinite(cl[i].value)) continue;
    double top = isfinite(cl[i].value_max) ? fmax(cl[i].value, cl[i].value_max) : cl[i].value;
    lo = fmin(lo, cl[i].value);
    hi = fmax(hi, top);
    double d = claim_day(h, &cl[i]);
    if (isfinite(d)) dlo = fmin(dlo, d), dhi = fmax(dhi, d);
  }
  if (!isfinite(lo)) {
    px_html_none(h, "No values to draw.");
    return;
  }
  if (lo > 0) lo = 0; /* counts and shares read best from zero */
  if (hi <= lo) hi = lo + 1;
  bool dated = isfinite(dlo);
  px_buf_printf(b, "<svg viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\" aria-label=\"", W, H, W, H);
  px_html_escs(b, g->measure, "values");
  px_buf_puts(b, " by date and source\">");
  axis_labels(b, lo, hi, dlo, dhi, dated);
  for (size_t i = g->first_claim; i < end && i < nc; i++) {
    if (!isfinite(cl[i].value)) continue;
    double d = claim_day(h, &cl[i]);
    double x = !dated || !isfinite(d) || dhi == dlo ? (ML + W - MR) / 2 : ML + 8 + (W - MR - ML - 16) * (d - dlo) / (dhi - dlo);
    x += ((double)(cl[i].doc % N_SHAPES) - 2.0) * 3.0; /* same date, same value: side by side, not on top */
    double y = H - MB - (H - MT - MB) * (cl[i].value - lo) / (hi - lo);
    px_buf_printf(b, "<a href=\"#d%u-s%u\"><title>", (unsigned)cl[i].doc, (unsigned)cl[i].sentence);
    px_html_escs(b, px_html_doc_name(h, cl[i].doc), NULL);
    px_buf_printf(b, ": %.6g", cl[i].value);
    if (isfinite(cl[i].value_max)) px_buf_printf(b, "\xe2\x80\x93%.6g", cl[i].value_max);
    if (cl[i].unit) px_buf_putc(b, ' '), px_html_escs(b, cl[i].unit, NULL);
    if (cl[i].as_of) px_buf_puts(b, ", as of "), px_html_escs(b, cl[i].as_of, NULL);
    px_buf_printf(b, " (sentence %u)</title>", (unsigned)cl[i].sentence + 1);
    if (isfinite(cl[i].value_max) && cl[i].value_max != cl[i].value) {
      double y2 = H - MB - (H - MT - MB) * (cl[i].value_max - lo) / (hi - lo);
      px_buf_printf(b, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"3\"/>", x, x,
                    y, y2, px_html_doc_colour(cl[i].doc));
    }
    shape(b, cl[i].doc, x, y);
    px_buf_puts(b, "</a>");
  }
  px_buf_puts(b, "</svg>\n");
}

/* The sources drawn, each with its marker (at most MAX_LEGEND, in claim order). */
static void legend(px_html *h, const px_claim_group *g, const px_claim *cl, size_t nc) {
  px_buf *b = &h->b;
  uint32_t docs[MAX_LEGEND];
  size_t n = 0, end = g->first_claim + g->claim_count;
  bool more = false;
  for (size_t i = g->first_claim; i < end && i < nc; i++) {
    size_t k = 0;
    while (k < n && docs[k] != cl[i].doc) k++;
    if (k < n) continue;
    if (n == MAX_LEGEND) {
      more = true;
      break;
    }
    docs[n++] = cl[i].doc;
  }
  px_buf_puts(b, "<div class=\"legend\">");
  for (size_t k = 0; k < n; k++) {
    px_buf_puts(b, "<span><svg width=\"14\" height=\"14\" viewBox=\"0 0 14 14\" style=\"display:inline;vertical-align:middle\">");
    shape(b, docs[k], 7, 7);
    px_buf_puts(b, "</svg> ");
    px_html_escs(b, px_html_doc_name(h, docs[k]), NULL);
    px_buf_puts(b, "</span>");
  }
  if (more) px_buf_puts(b, "<small>and more</small>");
  px_buf_puts(b, "</div>\n");
}

static void claim_line(px_html *h, const px_claim *c) {
  px_buf *b = &h->b;
  size_t ne = 0;
  const px_story_entity *ents = px_story_entities(h->s, &ne);
  px_buf_puts(b, "<li>");
  px_html_ref(h, (px_sref){c->doc, c->sentence});
  px_buf_puts(b, "\xe2\x80\x9c");
  size_t before = b->len;
  px_html_span_text(h, c->doc, c->start, c->end);
  if (b->len == before) {
    if (c->date) px_html_escs(b, c->date, NULL);
    else if (isfinite(c->value)) px_buf_printf(b, "%.6g", c->value);
  }
  px_buf_puts(b, "\xe2\x80\x9d");
  if (c->kind == PX_CLAIM_DATE && c->date) px_buf_puts(b, " = "), px_html_escs(b, c->date, NULL);
  if (c->as_of) px_buf_puts(b, " <small>as of "), px_html_escs(b, c->as_of, NULL), px_buf_puts(b, "</small>");
  if (c->speaker >= 0 && (size_t)c->speaker < ne)
    px_buf_puts(b, " <small>says "), px_html_escs(b, ents[c->speaker].name, "?"), px_buf_puts(b, "</small>");
  px_buf_puts(b, "</li>\n");
}

static void pairs(px_html *h, const px_claim_group *g, const px_claim *cl, size_t nc) {
  px_buf *b = &h->b;
  size_t np = 0;
  const px_claim_pair *p = px_story_claim_pairs(h->s, &np);
  if (g->pair_count == 0) return;
  px_buf_puts(b, "<h4>Why</h4><ul>\n");
  for (size_t i = g->first_pair, k = 0; i < g->first_pair + g->pair_count && i < np; i++, k++) {
    if (k == MAX_PAIRS) {
      px_buf_printf(b, "<li><small>+%zu more pairs</small></li>\n", g->first_pair + g->pair_count - i);
      break;
    }
    if (p[i].a >= nc || p[i].b >= nc) continue;
    px_buf_puts(b, "<li>");
    px_html_ref(h, (px_sref){cl[p[i].a].doc, cl[p[i].a].sentence});
    px_buf_printf(b, "<span class=\"verdict v-%s\">%s</span> ", px_verdict_name(p[i].relation),
                  px_verdict_name(p[i].relation));
    px_html_ref(h, (px_sref){cl[p[i].b].doc, cl[p[i].b].sentence});
    px_buf_puts(b, "</li>\n");
  }
  px_buf_puts(b, "</ul>\n");
}

static void group(px_html *h, const px_claim_group *g, const px_claim *cl, size_t nc) {
  px_buf *b = &h->b;
  px_buf_puts(b, "<div class=\"card group\"><h3>");
  px_html_escs(b, g->measure, "(unnamed measure)");
  px_buf_printf(b, "<span class=\"verdict v-%s\">%s</span></h3>\n", px_verdict_name(g->verdict),
                px_verdict_name(g->verdict));
  if (g->kind == PX_CLAIM_QUANTITY) {
    chart(h, g, cl, nc);
    legend(h, g, cl, nc);
  }
  px_buf_puts(b, "<ul>\n");
  size_t end = g->first_claim + g->claim_count;
  for (size_t i = g->first_claim; i < end && i < nc; i++) {
    if (i - g->first_claim == MAX_LISTED) {
      px_buf_printf(b, "<li><small>+%zu more claims</small></li>\n", end - i);
      break;
    }
    claim_line(h, &cl[i]);
  }
  px_buf_puts(b, "</ul>\n");
  pairs(h, g, cl, nc);
  px_buf_puts(b, "</div>\n");
}

void px_html_claims(px_html *h) {
  size_t ng = 0, nc = 0;
  const px_claim_group *g = h->s ? px_story_claim_groups(h->s, &ng) : NULL;
  const px_claim *cl = h->s ? px_story_claims(h->s, &nc) : NULL;
  px_html_section(h, "claims", "Claims: numbers and dates by source");
  if (ng == 0) px_html_none(h, "No claims found that several sources make.");
  else px_buf_puts(&h->b, "<div class=\"groups\">\n");
  for (size_t i = 0; i < ng; i++) {
    group(h, &g[i], cl, nc);
    if (h->b.len > 1 << 16) px_html_flush(h);
  }
  if (ng) px_buf_puts(&h->b, "</div>\n");
  px_buf_puts(&h->b, "</section>\n");
}
