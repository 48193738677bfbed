/* markdown_facts.c - a document's facts for people: each list item cites its sentence as [sN]. */
#include "markdown.h"

#include <math.h>
#include <string.h>

static void span(px_buf *b, const px_doc *d, size_t start, size_t end) {
  px_md_text(b, px_doc_text(d, NULL) + start, end - start);
}

static void cite(px_buf *b, int32_t sentence) {
  if (sentence >= 0) px_buf_printf(b, " [s%d]", sentence + 1);
  px_buf_putc(b, '\n');
}

static void entity_name(px_buf *b, const px_doc *d, int32_t e) {
  size_t n;
  const px_entity *ents = px_doc_entities(d, &n);
  if (e >= 0 && (size_t)e < n && ents[e].name) px_md_text(b, ents[e].name, strlen(ents[e].name));
  else px_buf_puts(b, "?");
}

static void quantities(px_buf *b, const px_doc *d) {
  size_t n;
  const px_quantity *q = px_doc_quantities(d, &n);
  if (!n) return;
  px_buf_puts(b, "### Quantities\n\n");
  for (size_t i = 0; i < n; i++) {
    px_buf_puts(b, "- **");
    span(b, d, q[i].start, q[i].end);
    px_buf_puts(b, "**");
    if (q[i].unit) px_buf_printf(b, " %s", q[i].unit);
    px_buf_printf(b, " = %g", q[i].value);
    if (!isnan(q[i].value_max)) px_buf_printf(b, "..%g", q[i].value_max);
    px_buf_printf(b, " (%s, %s)", px_approx_name(q[i].approx), px_qty_category_name(q[i].category));
    if (q[i].of_end > q[i].of_start) {
      px_buf_puts(b, " of ");
      span(b, d, q[i].of_start, q[i].of_end);
    }
    if (q[i].source >= 0) {
      px_buf_puts(b, ", according to ");
      entity_name(b, d, q[i].source);
    }
    cite(b, q[i].sentence);
  }
  px_buf_putc(b, '\n');
}

static void times(px_buf *b, const px_doc *d) {
  size_t n;
  const px_time *t = px_doc_times(d, &n);
  if (!n) return;
  px_buf_puts(b, "### Times\n\n");
  for (size_t i = 0; i < n; i++) {
    px_buf_puts(b, "- **");
    span(b, d, t[i].start, t[i].end);
    px_buf_printf(b, "** %s %s", px_time_type_name(t[i].type), t[i].value);
    if (t[i].value_max) px_buf_printf(b, "..%s", t[i].value_max);
    if (px_time_mod_name(t[i].mod)) px_buf_printf(b, " (%s)", px_time_mod_name(t[i].mod));
    cite(b, t[i].sentence);
  }
  px_buf_putc(b, '\n');
}

/* One line per entity type: names with their mention counts. */
static void entities(px_buf *b, const px_doc *d) {
  size_t n;
  const px_entity *e = px_doc_entities(d, &n);
  if (!n) return;
  static const char *const label[] = {"People", "Organisations", "Places", "Group labels"};
  px_buf_puts(b, "### Actors and places\n\n");
  for (int type = PX_ENT_PERSON; type <= PX_ENT_GROUP; type++) {
    bool any = false;
    for (size_t i = 0; i < n; i++) {
      if ((int)e[i].type != type || !e[i].name) continue;
      px_buf_puts(b, any ? ", " : "- ");
      if (!any) px_buf_printf(b, "%s: ", label[type]);
      any = true;
      px_md_text(b, e[i].name, strlen(e[i].name));
      if (e[i].role) {
        px_buf_puts(b, " (");
        px_md_text(b, e[i].role, strlen(e[i].role));
        px_buf_putc(b, ')');
      }
      if (e[i].mention_count > 1) px_buf_printf(b, " ×%zu", e[i].mention_count);
    }
    if (any) px_buf_putc(b, '\n');
  }
  px_buf_putc(b, '\n');
}

static void quotes(px_buf *b, const px_doc *d) {
  size_t n;
  const px_quote *q = px_doc_quotes(d, &n);
  if (!n) return;
  px_buf_puts(b, "### Quotes and attributed statements\n\n");
  for (size_t i = 0; i < n; i++) {
    px_buf_puts(b, "- ");
    if (q[i].speaker >= 0) entity_name(b, d, q[i].speaker);
    else px_buf_puts(b, "(unattributed)");
    px_buf_printf(b, " (%s): ", px_quote_kind_name(q[i].kind));
    px_buf_puts(b, q[i].kind == PX_QUOTE_REPORTED ? "" : "“");
    span(b, d, q[i].start, q[i].end);
    px_buf_puts(b, q[i].kind == PX_QUOTE_REPORTED ? "" : "”");
    cite(b, q[i].sentence);
  }
  px_buf_putc(b, '\n');
}

void px_md_facts(px_buf *b, const px_doc *d) {
  if (!px_doc_is_analyzed(d)) return;
  const char *evidence, *inferred = px_doc_published_inferred(d, &evidence);
  if (inferred) {
    px_buf_printf(b, "Publication date inferred: %s (", inferred);
    px_md_text(b, evidence ? evidence : "", evidence ? strlen(evidence) : 0);
    px_buf_puts(b, ")\n\n");
  }
  quantities(b, d);
  times(b, d);
  entities(b, d);
  quotes(b, d);
}
