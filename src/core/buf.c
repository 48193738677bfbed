/* buf.c - growable byte buffers, span vectors and small string helpers. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int px_buf_reserve(px_buf *b, size_t extra) {
  if (extra > SIZE_MAX - b->len - 1) return PX_ENOMEM;
  size_t need = b->len + extra + 1;
  if (need <= b->cap) return PX_OK;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < need) cap = cap > SIZE_MAX / 2 ? need : cap * 2;
  char *p = realloc(b->data, cap);
  if (!p) return PX_ENOMEM;
  b->data = p;
  b->cap = cap;
  return PX_OK;
}

int px_buf_append(px_buf *b, const char *s, size_t n) {
  if (px_buf_reserve(b, n)) return PX_ENOMEM;
  if (n) memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
  return PX_OK;
}

int px_buf_puts(px_buf *b, const char *s) { return px_buf_append(b, s, strlen(s)); }

int px_buf_putc(px_buf *b, char c) { return px_buf_append(b, &c, 1); }

int px_buf_printf(px_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) return PX_EARG;
  if (px_buf_reserve(b, (size_t)n)) return PX_ENOMEM;
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
  return PX_OK;
}

const char *px_buf_cstr(px_buf *b) { return b->data ? b->data : ""; }

char *px_buf_take(px_buf *b, size_t *len) {
  if (!b->data && px_buf_reserve(b, 0)) return NULL;
  b->data[b->len] = '\0';
  char *p = b->data;
  if (len) *len = b->len;
  b->data = NULL;
  b->len = b->cap = 0;
  return p;
}

void px_buf_free(px_buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

int px_spanvec_push(px_spanvec *sv, size_t start, size_t end, uint32_t kind, uint32_t aux) {
  if (sv->n == sv->cap) {
    size_t cap = sv->cap ? sv->cap * 2 : 32;
    px_span *p = realloc(sv->v, cap * sizeof *p);
    if (!p) return PX_ENOMEM;
    sv->v = p;
    sv->cap = cap;
  }
  sv->v[sv->n++] = (px_span){start, end, kind, aux};
  return PX_OK;
}

void px_spanvec_free(px_spanvec *sv) {
  free(sv->v);
  sv->v = NULL;
  sv->n = sv->cap = 0;
}

char *px_strndup(const char *s, size_t n) {
  char *p = malloc(n + 1);
  if (!p) return NULL;
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *px_strdup(const char *s) { return px_strndup(s, strlen(s)); }

/* Length of the valid UTF-8 sequence at s (2-4 bytes, s[0] >= 0x80), or 0. */
static size_t utf8_seq(const unsigned char *s) {
  unsigned char c = s[0];
  size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  for (size_t k = 1; k < n; k++)
    if ((s[k] & 0xC0) != 0x80) return 0; /* also stops at the NUL */
  if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0) || (c == 0xF0 && s[1] < 0x90) ||
      (c == 0xF4 && s[1] >= 0x90))
    return 0; /* overlong, surrogate, > U+10FFFF */
  return n;
}

/* Copies s with control characters and bytes that are not UTF-8 escaped
 * (\n, \r, \t, \xHH), so that a diagnostic stays one line of text whatever the
 * input (a date with a newline in it, a Latin-1 file name, a JSON error quoting
 * half a character). Returns s itself when there is nothing to escape, NULL when
 * out of memory; *copy gets the allocation to free. */
static const char *one_line(const char *s, char **copy) {
  const unsigned char *u = (const unsigned char *)s;
  *copy = NULL;
  size_t n = 0, extra = 0;
  while (u[n]) {
    size_t k = u[n] < 0x80 ? 1 : utf8_seq(u + n);
    if (k == 1 && u[n] >= 0x20 && u[n] != 0x7F) n++;
    else if (k > 1) n += k;
    else extra += 3, n++;
  }
  if (!extra) return s;
  char *p = *copy = malloc(n + extra + 1);
  if (!p) return NULL;
  for (size_t i = 0; i < n;) {
    unsigned char c = u[i];
    size_t k = c < 0x80 ? 1 : utf8_seq(u + i);
    if ((k == 1 && c >= 0x20 && c != 0x7F) || k > 1) {
      memcpy(p, s + i, k);
      p += k, i += k;
      continue;
    }
    if (c == '\n' || c == '\r' || c == '\t') *p++ = '\\', *p++ = c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
    else p += sprintf(p, "\\x%02x", c);
    i++;
  }
  *p = '\0';
  return *copy;
}

void px_diagf(const px_ingest_opts *o, px_severity sev, int code, const char *where,
              const char *fmt, ...) {
  if (!o || !o->diag) return;
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (n >= (int)sizeof msg) { /* cut short: drop a last character cut in half */
    size_t k = sizeof msg - 1;
    while (k > 0 && sizeof msg - k < 4 && ((unsigned char)msg[k - 1] & 0xC0) == 0x80) k--;
    if (k > 0 && (unsigned char)msg[k - 1] >= 0xC0 && !utf8_seq((const unsigned char *)msg + k - 1))
      msg[k - 1] = '\0';
  }
  char *wcopy, *mcopy;
  const char *w = one_line(where ? where : "", &wcopy), *m = one_line(msg, &mcopy);
  o->diag(o->diag_userdata, sev, code, w ? w : "?", m ? m : "out of memory");
  free(wcopy);
  free(mcopy);
}

char *px_id_from_path(const char *path) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  const char *dot = strrchr(base, '.');
  size_t n = (dot && dot != base) ? (size_t)(dot - base) : strlen(base);
  return px_strndup(base, n);
}
