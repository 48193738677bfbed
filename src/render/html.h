/* html.h - pieces shared by the HTML report's files (html*.c).
 *
 * The page is built section by section into one buffer that is flushed to
 * the output between sections and between documents, so memory stays
 * bounded by the largest section rather than the whole report. Sentences are
 * addressed by id="d{doc}-s{sentence}" (0-based, as in the JSON output) and
 * every item of the comparison links to the sentences behind it. */
#ifndef PX_HTML_H
#define PX_HTML_H

#include "../core/internal.h"
#include "html_escape.h"

#include <stdio.h>

typedef struct px_html {
  px_buf b;
  FILE *out;
  int rc;                /* PX_OK until a write fails */
  const px_corpus *c;
  const px_story *s;     /* may be NULL: then only the sources are shown */
  size_t ndocs;
  char **names;          /* per document: its display name, unique in the page */
} px_html;

/* Writes what the buffer holds to the output (remembering a failure). */
void px_html_flush(px_html *h);

/* The display name of document `doc`: its outlet, else its id, else "doc N",
 * with " (2)", " (3)"... when several documents share it. Not escaped. */
const char *px_html_doc_name(const px_html *h, size_t doc);
/* <span class="src cN">name</span>: a document's name in its colour. */
void px_html_doc_tag(px_html *h, size_t doc);
/* CSS class "c{n}" colours of the sources cycle through this many. */
#define PX_HTML_COLOURS 8
/* The colour (CSS hex) of document `doc`. */
const char *px_html_doc_colour(size_t doc);

/* <a class="ref" href="#dD-sS">Name §S+1</a>: a link to a sentence. */
void px_html_ref(px_html *h, px_sref ref);
/* The links of a range of px_story_refs() (at most `max`, then "+N more"). */
void px_html_refs(px_html *h, size_t first, size_t count, size_t max);
/* The text of a sentence, escaped; "(missing sentence)" when out of range. */
void px_html_sentence_text(px_html *h, px_sref ref);
/* A document's bytes [start, end), escaped (nothing when out of range). */
void px_html_span_text(px_html *h, uint32_t doc, size_t start, size_t end);
/* <p class="none">what</p>: an empty section still says so. */
void px_html_none(px_html *h, const char *what);
/* Opens <section id="ID"><h2>TITLE</h2> (closed by the caller with </section>). */
void px_html_section(px_html *h, const char *id, const char *title);

/* The sections, in page order. */
void px_html_summary(px_html *h);
void px_html_sources(px_html *h);
void px_html_claims(px_html *h);
void px_html_labels(px_html *h);
void px_html_timeline(px_html *h);
void px_html_framing(px_html *h);

#endif
