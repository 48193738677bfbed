/* stem.c - English (Porter2) stemming with libstemmer. */
#include "../core/internal.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

struct px_stemmer {
  struct sb_stemmer *sb;
  px_buf lower;
};

px_stemmer *px_stemmer_new(void) {
  px_stemmer *st = calloc(1, sizeof *st);
  if (!st) return NULL;
  st->sb = sb_stemmer_new("english", "UTF_8");
  if (!st->sb) {
    free(st);
    return NULL;
  }
  return st;
}

void px_stemmer_free(px_stemmer *st) {
  if (!st) return;
  sb_stemmer_delete(st->sb);
  px_buf_free(&st->lower);
  free(st);
}

int px_stem(px_stemmer *st, const char *word, size_t len, char *buf, size_t bufsize) {
  if (!st || (!word && len)) return PX_EARG;
  st->lower.len = 0;
  size_t i = 0;
  while (i < len) {
    unsigned char c = (unsigned char)word[i];
    if (c < 0x80) {
      if (px_buf_putc(&st->lower, (char)px_lower(c))) return PX_ENOMEM;
      i++;
      continue;
    }
    int32_t cp = px_utf8_next(word, len, &i);
    if (cp == 0x2019) cp = '\''; /* typographic apostrophe: the stemmer knows ' */
    else cp = utf8proc_tolower(cp);
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t n = utf8proc_encode_char(cp, enc);
    if (px_buf_append(&st->lower, (const char *)enc, (size_t)n)) return PX_ENOMEM;
  }
  const sb_symbol *r = sb_stemmer_stem(st->sb, (const sb_symbol *)px_buf_cstr(&st->lower),
                                       (int)st->lower.len);
  if (!r) return PX_ENOMEM;
  size_t n = (size_t)sb_stemmer_length(st->sb);
  if (n < bufsize) {
    memcpy(buf, r, n);
    buf[n] = '\0';
  }
  return (int)n;
}
