/* jsonw.c - a small streaming JSON writer shared by the renderers. */
#include "jsonw.h"

#include <string.h>

#define PX_JW_FLUSH (1 << 16) /* flush the pending output past this many bytes */

void px_jw_init(px_jsonw *w, FILE *out, bool pretty) {
  memset(w, 0, sizeof *w);
  w->out = out;
  w->pretty = pretty;
  w->first[0] = true;
}

static void flush(px_jsonw *w) {
  if (w->buf.len && fwrite(w->buf.data, 1, w->buf.len, w->out) != w->buf.len) w->error = true;
  w->buf.len = 0;
}

int px_jw_finish(px_jsonw *w) {
  if (!w->lines && px_buf_putc(&w->buf, '\n')) w->error = true;
  flush(w);
  if (fflush(w->out) != 0) w->error = true;
  px_buf_free(&w->buf);
  return w->error ? PX_EIO : PX_OK;
}

static void newline(px_jsonw *w) {
  if (!w->pretty) return;
  px_buf_putc(&w->buf, '\n');
  for (int i = 0; i < w->depth; i++) px_buf_puts(&w->buf, "  ");
}

/* Comma and indentation before a value or key. */
static void pre_value(px_jsonw *w) {
  if (w->after_key) {
    w->after_key = false;
    return;
  }
  if (!w->first[w->depth]) px_buf_putc(&w->buf, ',');
  w->first[w->depth] = false;
  if (w->depth > 0) newline(w);
  if (w->buf.len > PX_JW_FLUSH) flush(w);
}

static void jw_open(px_jsonw *w, char c) {
  pre_value(w);
  px_buf_putc(&w->buf, c);
  if (w->depth < 63) w->depth++;
  w->first[w->depth] = true;
}

static void jw_close(px_jsonw *w, char c) {
  bool empty = w->first[w->depth];
  if (w->depth > 0) w->depth--;
  if (!empty) newline(w);
  px_buf_putc(&w->buf, c);
}

void px_jw_begin_object(px_jsonw *w) { jw_open(w, '{'); }
void px_jw_end_object(px_jsonw *w) { jw_close(w, '}'); }
void px_jw_begin_array(px_jsonw *w) { jw_open(w, '['); }
void px_jw_end_array(px_jsonw *w) { jw_close(w, ']'); }

/* Length of the valid UTF-8 sequence at p (2-4 bytes, lead byte >= 0x80), or 0. */
static size_t utf8_seq(const unsigned char *p, size_t left) {
  unsigned char c = p[0];
  size_t k = c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xF0 && c < 0xF5 ? 4 : 0;
  if (!k || left < k) return 0;
  for (size_t i = 1; i < k; i++)
    if ((p[i] & 0xC0) != 0x80) return 0;
  if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] >= 0xA0) || (c == 0xF0 && p[1] < 0x90) ||
      (c == 0xF4 && p[1] >= 0x90))
    return 0; /* overlong, surrogate, above U+10FFFF */
  return k;
}

int px_json_escape(px_buf *b, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  const unsigned char *u = (const unsigned char *)s;
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = u[i];
    if (c >= 0x80) {
      /* Document text is valid UTF-8, but metadata (a file name, an option)
       * need not be: an invalid sequence becomes U+FFFD, as px_text_clean does. */
      size_t k = utf8_seq(u + i, n - i);
      if (k) {
        i += k - 1;
        continue;
      }
      if (px_buf_append(b, s + run, i - run) || px_buf_append(b, "\xEF\xBF\xBD", 3)) return PX_ENOMEM;
      if (c >= 0xC0)
        while (i + 1 < n && (u[i + 1] & 0xC0) == 0x80) i++;
      run = i + 1;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F) continue;
    if (px_buf_append(b, s + run, i - run)) return PX_ENOMEM;
    char esc[7] = {'\\', 0, 0, 0, 0, 0, 0};
    size_t k = 2;
    switch (c) {
    case '"': esc[1] = '"'; break;
    case '\\': esc[1] = '\\'; break;
    case '\n': esc[1] = 'n'; break;
    case '\t': esc[1] = 't'; break;
    case '\r': esc[1] = 'r'; break;
    default:
      esc[1] = 'u', esc[2] = '0', esc[3] = '0', esc[4] = hex[c >> 4], esc[5] = hex[c & 15];
      k = 6;
    }
    if (px_buf_append(b, esc, k)) return PX_ENOMEM;
    run = i + 1;
  }
  return px_buf_append(b, s + run, n - run);
}

void px_jw_key(px_jsonw *w, const char *key) {
  pre_value(w);
  px_buf_putc(&w->buf, '"');
  px_json_escape(&w->buf, key, strlen(key));
  px_buf_puts(&w->buf, w->pretty ? "\": " : "\":");
  w->after_key = true;
}

void px_jw_string(px_jsonw *w, const char *s, size_t n) {
  pre_value(w);
  px_buf_putc(&w->buf, '"');
  if (px_json_escape(&w->buf, s, n)) w->error = true;
  px_buf_putc(&w->buf, '"');
}

void px_jw_cstring(px_jsonw *w, const char *s) {
  if (s) px_jw_string(w, s, strlen(s));
  else px_jw_null(w);
}

void px_jw_uint(px_jsonw *w, uint64_t v) {
  pre_value(w);
  px_buf_printf(&w->buf, "%llu", (unsigned long long)v);
}

void px_jw_int(px_jsonw *w, int64_t v) {
  pre_value(w);
  px_buf_printf(&w->buf, "%lld", (long long)v);
}

void px_jw_double(px_jsonw *w, double v) {
  pre_value(w);
  if (v != v || v > 1e300 || v < -1e300) {
    px_buf_puts(&w->buf, "null");
    return;
  }
  /* Integers print as integers; others with up to 12 significant digits (0.3333, 2.5). */
  if (v < 9e15 && v > -9e15 && v == (double)(long long)v) px_buf_printf(&w->buf, "%lld", (long long)v);
  else px_buf_printf(&w->buf, "%.12g", v);
}

void px_jw_bool(px_jsonw *w, bool v) {
  pre_value(w);
  px_buf_puts(&w->buf, v ? "true" : "false");
}

void px_jw_null(px_jsonw *w) {
  pre_value(w);
  px_buf_puts(&w->buf, "null");
}
