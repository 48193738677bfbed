/* quotes.c - stub: the quotes stage (filled in by its own change). */
#include "extract.h"

int px_x_quotes(px_xctx *x) {
  (void)x;
  return PX_OK;
}
