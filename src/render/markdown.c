/* markdown.c - the corpus as Markdown for people: per document its metadata and
 * its sentences, numbered as in the JSON output (1-based), one paragraph a block. */
#include "markdown.h"

#include <string.h>

/* Writes text with Markdown's special characters escaped and white space runs
 * (newlines included) collapsed to one space. */
void px_md_text(px_buf *b, const char *s, size_t n) {
  bool space = false;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (px_is_space(c)) {
      space = true;
      continue;
    }
    if (space && b->len && b->data[b->len - 1] != ' ') px_buf_putc(b, ' ');
    space = false;
    if (strchr("\\`*_[]<>#|", c)) px_buf_putc(b, '\\');
    px_buf_putc(b, (char)c);
  }
}

static void meta_line(px_buf *b, const char *label, const char *value) {
  if (!value) return;
  px_buf_printf(b, "- %s: ", label);
  px_md_text(b, value, strlen(value));
  px_buf_putc(b, '\n');
}

static void document(px_buf *b, const px_doc *d, size_t index) {
  const char *title = px_doc_meta(d, PX_META_TITLE);
  px_buf_printf(b, "## %zu. ", index + 1);
  if (title) px_md_text(b, title, strlen(title));
  else px_buf_puts(b, "(untitled)");
  px_buf_puts(b, "\n\n");
  meta_line(b, "id", px_doc_meta(d, PX_META_ID));
  meta_line(b, "source", px_doc_meta(d, PX_META_SOURCE));
  meta_line(b, "published", px_doc_meta(d, PX_META_PUBLISHED));
  meta_line(b, "url", px_doc_meta(d, PX_META_URL));
  meta_line(b, "read from", px_doc_meta(d, PX_META_PATH));
  size_t np, ns, len;
  const char *text = px_doc_text(d, &len);
  const px_span *paras = px_doc_layer(d, PX_LAYER_PARAGRAPHS, &np);
  const px_span *sents = px_doc_layer(d, PX_LAYER_SENTENCES, &ns);
  px_buf_printf(b, "- %zu bytes, %zu paragraphs, %zu sentences", len, np, ns);
  if (px_doc_removed_count(d)) px_buf_printf(b, ", %zu boilerplate lines removed", px_doc_removed_count(d));
  px_buf_puts(b, "\n\n");
  size_t para = (size_t)-1;
  for (size_t i = 0; i < ns; i++) {
    /* The headline is already the section title. */
    if (paras && sents[i].aux < np && paras[sents[i].aux].kind == PX_PARA_HEADLINE) continue;
    if (sents[i].aux != para) {
      if (para != (size_t)-1) px_buf_putc(b, '\n');
      para = sents[i].aux;
    }
    px_buf_printf(b, "%zu. ", i + 1);
    px_md_text(b, text + sents[i].start, sents[i].end - sents[i].start);
    px_buf_putc(b, '\n');
  }
  px_buf_putc(b, '\n');
  px_md_facts(b, d);
}

int px_render_markdown(const px_corpus *c, FILE *out, unsigned flags) {
  return px_render_story_markdown(c, NULL, out, flags);
}

int px_render_story_markdown(const px_corpus *c, const px_story *story, FILE *out, unsigned flags) {
  (void)flags;
  px_buf b = {0};
  size_t n = px_corpus_count(c);
  if (story) px_md_story(&b, story);
  px_buf_printf(&b, "# %zu document%s\n\n", n, n == 1 ? "" : "s");
  int rc = PX_OK;
  for (size_t i = 0; i < n && !rc; i++) {
    document(&b, px_corpus_doc(c, i), i);
    if (fwrite(b.data, 1, b.len, out) != b.len) rc = PX_EIO;
    b.len = 0;
  }
  if (!rc && b.len && fwrite(b.data, 1, b.len, out) != b.len) rc = PX_EIO;
  if (fflush(out) != 0) rc = PX_EIO;
  px_buf_free(&b);
  return rc;
}
