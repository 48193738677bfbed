/* quantities.c - stub: the quantities stage (filled in by its own change). */
#include "extract.h"

int px_x_quantities(px_xctx *x) {
  (void)x;
  return PX_OK;
}
