/* fuzz_common.h - invariant checks shared by the fuzz targets (header only).
 *
 * Every check ends in abort() with a short message on stderr, so that both
 * libFuzzer and the plain replay program report the input as a crash.
 */
#ifndef PX_FUZZ_COMMON_H
#define PX_FUZZ_COMMON_H

#include "parallax.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define FZ_CHECK(cond, ...)                                                                        \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      fprintf(stderr, "%s:%d: invariant failed: %s: ", __FILE__, __LINE__, #cond);                \
      fprintf(stderr, __VA_ARGS__);                                                                \
      fputc('\n', stderr);                                                                         \
      abort();                                                                                     \
    }                                                                                              \
  } while (0)

/* Length of the valid UTF-8 sequence at p (1-4) or 0: the same rules as the
 * library (no overlongs, surrogates, > U+10FFFF or NUL), written independently. */
static inline size_t fz_utf8_seq(const unsigned char *p, size_t left) {
  uint32_t cp;
  size_t n;
  if (p[0] == 0) return 0;
  if (p[0] < 0x80) return 1;
  if ((p[0] & 0xE0) == 0xC0) n = 2, cp = p[0] & 0x1F;
  else if ((p[0] & 0xF0) == 0xE0) n = 3, cp = p[0] & 0x0F;
  else if ((p[0] & 0xF8) == 0xF0) n = 4, cp = p[0] & 0x07;
  else return 0;
  if (left < n) return 0;
  for (size_t k = 1; k < n; k++) {
    if ((p[k] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (p[k] & 0x3F);
  }
  static const uint32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < min[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

/* True when s[0, len) is valid UTF-8 without NUL bytes. */
static inline bool fz_valid_utf8(const char *s, size_t len) {
  const unsigned char *p = (const unsigned char *)s;
  for (size_t i = 0; i < len;) {
    size_t n = fz_utf8_seq(p + i, len - i);
    if (!n) return false;
    i += n;
  }
  return true;
}

static inline bool fz_is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* A byte offset on a character boundary of valid UTF-8 text. */
static inline bool fz_boundary(const char *text, size_t len, size_t off) {
  return off == len || ((unsigned char)text[off] & 0xC0) != 0x80;
}

/* Spans of one layer: inside the text, start <= end, sorted by start, not
 * overlapping, on character boundaries. */
static inline void fz_check_spans(const char *what, const char *text, size_t len, const px_span *s,
                                  size_t n) {
  for (size_t i = 0; i < n; i++) {
    FZ_CHECK(s[i].start <= s[i].end, "%s %zu: [%zu, %zu)", what, i, s[i].start, s[i].end);
    FZ_CHECK(s[i].end <= len, "%s %zu: [%zu, %zu) past the text (%zu bytes)", what, i, s[i].start,
             s[i].end, len);
    FZ_CHECK(fz_boundary(text, len, s[i].start) && fz_boundary(text, len, s[i].end),
             "%s %zu: [%zu, %zu) splits a character", what, i, s[i].start, s[i].end);
    if (i) {
      FZ_CHECK(s[i - 1].start <= s[i].start, "%s %zu not sorted: %zu after %zu", what, i, s[i].start,
               s[i - 1].start);
      FZ_CHECK(s[i - 1].end <= s[i].start, "%s %zu: [%zu, %zu) overlaps the previous [%zu, %zu)", what,
               i, s[i].start, s[i].end, s[i - 1].start, s[i - 1].end);
    }
  }
}

/* Sentences from px_split_sentences: the span invariants, and each one trimmed
 * of white space (so not empty). */
static inline void fz_check_sentences(const char *text, size_t len, const px_span *s, size_t n) {
  fz_check_spans("sentence", text, len, s, n);
  for (size_t i = 0; i < n; i++) {
    FZ_CHECK(s[i].start < s[i].end, "sentence %zu is empty at %zu", i, s[i].start);
    FZ_CHECK(!fz_is_space((unsigned char)text[s[i].start]) && !fz_is_space((unsigned char)text[s[i].end - 1]),
             "sentence %zu [%zu, %zu) not trimmed", i, s[i].start, s[i].end);
  }
}

/* A segmented document: every layer present and well-formed; sentences inside
 * the paragraph they name, tokens inside the sentence they name. */
static inline void fz_check_doc(const px_doc *d, bool tokens) {
  size_t len, np, ns, nt;
  const char *text = px_doc_text(d, &len);
  FZ_CHECK(text && text[len] == '\0', "text not NUL-terminated");
  FZ_CHECK(strlen(text) == len, "NUL byte inside the text at %zu", strlen(text));
  FZ_CHECK(fz_valid_utf8(text, len), "document text is not valid UTF-8");
  const px_span *p = px_doc_layer(d, PX_LAYER_PARAGRAPHS, &np);
  const px_span *s = px_doc_layer(d, PX_LAYER_SENTENCES, &ns);
  const px_span *t = px_doc_layer(d, PX_LAYER_TOKENS, &nt);
  FZ_CHECK(p && s, "segmented document without paragraphs or sentences");
  FZ_CHECK(!tokens || t, "no tokens layer after PX_SEGMENT_TOKENS");
  fz_check_spans("paragraph", text, len, p, np);
  fz_check_sentences(text, len, s, ns);
  for (size_t i = 0; i < np; i++) {
    FZ_CHECK(p[i].kind <= PX_PARA_BYLINE, "paragraph %zu has kind %u", i, (unsigned)p[i].kind);
    FZ_CHECK(p[i].kind != PX_PARA_HEADLINE || i == 0, "paragraph %zu is a second headline", i);
  }
  for (size_t i = 0; i < ns; i++) {
    uint32_t a = s[i].aux;
    FZ_CHECK(a < np, "sentence %zu names paragraph %u of %zu", i, (unsigned)a, np);
    FZ_CHECK(p[a].start <= s[i].start && s[i].end <= p[a].end,
             "sentence %zu [%zu, %zu) outside its paragraph [%zu, %zu)", i, s[i].start, s[i].end,
             p[a].start, p[a].end);
    FZ_CHECK(!i || s[i - 1].aux <= a, "sentence %zu goes back to paragraph %u", i, (unsigned)a);
  }
  if (!t) return;
  fz_check_spans("token", text, len, t, nt);
  for (size_t i = 0; i < nt; i++) {
    uint32_t a = t[i].aux;
    FZ_CHECK(t[i].start < t[i].end, "token %zu is empty at %zu", i, t[i].start);
    FZ_CHECK(t[i].kind <= PX_TOK_EMAIL, "token %zu has kind %u", i, (unsigned)t[i].kind);
    FZ_CHECK(a < ns, "token %zu names sentence %u of %zu", i, (unsigned)a, ns);
    FZ_CHECK(s[a].start <= t[i].start && t[i].end <= s[a].end,
             "token %zu [%zu, %zu) outside its sentence [%zu, %zu)", i, t[i].start, t[i].end, s[a].start,
             s[a].end);
  }
}

/* Renders the corpus as JSON and Markdown into memory; the JSON must parse and
 * give back each document's length and text. */
static inline void fz_check_render(const px_corpus *c, unsigned flags) {
  char *buf = NULL;
  size_t size = 0;
  FILE *f = open_memstream(&buf, &size);
  if (!f) return;
  FZ_CHECK(px_render_json(c, f, flags) == PX_OK, "px_render_json failed");
  fclose(f);
  json_error_t err;
  json_t *root = json_loadb(buf, size, 0, &err);
  FZ_CHECK(root, "rendered JSON does not parse: %s at line %d column %d", err.text, err.line, err.column);
  json_t *docs = json_object_get(root, "documents");
  FZ_CHECK(json_is_array(docs) && json_array_size(docs) == px_corpus_count(c), "documents array");
  for (size_t i = 0; i < px_corpus_count(c); i++) {
    size_t len;
    const char *text = px_doc_text(px_corpus_doc(c, i), &len);
    json_t *jd = json_array_get(docs, i);
    json_t *jt = json_object_get(jd, "text");
    FZ_CHECK(json_integer_value(json_object_get(jd, "length")) == (json_int_t)len, "document %zu length", i);
    if (flags & PX_RENDER_TEXT)
      FZ_CHECK(json_is_string(jt) && json_string_length(jt) == len && memcmp(json_string_value(jt), text, len) == 0,
               "document %zu text does not round-trip through JSON", i);
  }
  json_decref(root);
  free(buf);

  buf = NULL;
  size = 0;
  f = open_memstream(&buf, &size);
  if (!f) return;
  FZ_CHECK(px_render_markdown(c, f, flags) == PX_OK, "px_render_markdown failed");
  fclose(f);
  FZ_CHECK(fz_valid_utf8(buf, size), "Markdown output is not valid UTF-8");
  free(buf);
}

#endif
