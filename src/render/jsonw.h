/* jsonw.h - a small streaming JSON writer shared by the renderers. */
#ifndef PX_JSONW_H
#define PX_JSONW_H

#include "../core/internal.h"

typedef struct px_jsonw {
  px_buf buf;       /* pending output, flushed to `out` when large */
  FILE *out;
  bool pretty;
  int depth;
  bool first[64];   /* per nesting level: no value written yet */
  bool after_key;   /* a key was just written: the next value needs no comma */
  bool error;       /* a write failed */
  bool lines;       /* JSON Lines: the caller ends each record; finish adds no newline */
} px_jsonw;

void px_jw_init(px_jsonw *w, FILE *out, bool pretty);
int px_jw_finish(px_jsonw *w); /* flushes; PX_OK or PX_EIO */
void px_jw_begin_object(px_jsonw *w);
void px_jw_end_object(px_jsonw *w);
void px_jw_begin_array(px_jsonw *w);
void px_jw_end_array(px_jsonw *w);
void px_jw_key(px_jsonw *w, const char *key);
void px_jw_string(px_jsonw *w, const char *s, size_t n);
void px_jw_cstring(px_jsonw *w, const char *s); /* NULL writes null */
void px_jw_uint(px_jsonw *w, uint64_t v);
void px_jw_bool(px_jsonw *w, bool v);
void px_jw_double(px_jsonw *w, double v); /* shortest exact-enough form; NaN/inf write null */
void px_jw_int(px_jsonw *w, int64_t v);
void px_jw_null(px_jsonw *w);

/* Appends s[0, n) to b as JSON string contents (no quotes). */
int px_json_escape(px_buf *b, const char *s, size_t n);

#endif
