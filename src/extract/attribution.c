/* attribution.c - stub: the attribution stage (filled in by its own change). */
#include "extract.h"

int px_x_attribution(px_xctx *x) {
  (void)x;
  return PX_OK;
}
