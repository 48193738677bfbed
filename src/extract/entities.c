/* entities.c - stub: the entities stage (filled in by its own change). */
#include "extract.h"

int px_x_entities(px_xctx *x) {
  (void)x;
  return PX_OK;
}
