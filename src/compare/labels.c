/* labels.c - story stage: not built yet. */
#include "compare/story.h"

int px_s_labels(px_story *s) {
  (void)s;
  return PX_OK;
}
