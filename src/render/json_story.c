/* json_story.c - the "story" member of the JSON output: not built yet. */
#include "parallax.h"

int px_render_story_json(const px_corpus *c, const px_story *story, FILE *out, unsigned flags) {
  (void)story;
  return px_render_json(c, out, flags);
}

int px_render_story_markdown(const px_corpus *c, const px_story *story, FILE *out, unsigned flags) {
  (void)story;
  return px_render_markdown(c, out, flags);
}
