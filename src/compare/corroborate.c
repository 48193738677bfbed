/* corroborate.c - story stage: not built yet. */
#include "compare/story.h"

int px_s_corroborate(px_story *s) {
  (void)s;
  return PX_OK;
}
