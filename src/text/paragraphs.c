/* paragraphs.c - blocks of text separated by blank lines (placeholder). */
#include "text.h"

int px_find_paragraphs(const char *text, size_t len, bool first_is_headline, px_spanvec *out) {
  size_t i = 0;
  bool first = true;
  while (i < len) {
    while (i < len && px_is_space((unsigned char)text[i])) i++;
    if (i >= len) break;
    size_t s = i, e = i;
    while (i < len) {
      size_t ls = i;
      while (i < len && text[i] != '\n') i++;
      size_t le = i;
      bool blank = true;
      for (size_t k = ls; k < le; k++)
        if (!px_is_space((unsigned char)text[k])) blank = false;
      if (blank) break;
      e = le;
      if (i < len) i++;
      if (first && first_is_headline) break;
    }
    while (e > s && px_is_space((unsigned char)text[e - 1])) e--;
    uint32_t kind = (first && first_is_headline) ? PX_PARA_HEADLINE : PX_PARA_TEXT;
    if (px_spanvec_push(out, s, e, kind, 0)) return PX_ENOMEM;
    first = false;
  }
  return PX_OK;
}
