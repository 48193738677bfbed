/* html.c - the self-contained HTML report: not built yet. */
#include "parallax.h"

int px_render_html(const px_corpus *c, const px_story *story, FILE *out, unsigned flags) {
  (void)story;
  return px_render_markdown(c, out, flags);
}
