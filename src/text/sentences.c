/* sentences.c - sentence boundaries (placeholder: split at . ! ? + space). */
#include "../core/internal.h"

#include <stdlib.h>

int px_split_sentences(const char *text, size_t len, px_span **spans) {
  px_spanvec sv = {0};
  size_t i = 0;
  while (i < len) {
    while (i < len && px_is_space((unsigned char)text[i])) i++;
    if (i >= len) break;
    size_t s = i;
    while (i < len) {
      char c = text[i++];
      if ((c == '.' || c == '!' || c == '?') && (i >= len || px_is_space((unsigned char)text[i]))) break;
      if (c == '\n' && i < len && text[i] == '\n') break;
    }
    size_t e = i;
    while (e > s && px_is_space((unsigned char)text[e - 1])) e--;
    if (px_spanvec_push(&sv, s, e, 0, 0)) {
      px_spanvec_free(&sv);
      return PX_ENOMEM;
    }
  }
  *spans = sv.v;
  return (int)sv.n;
}
