/* internal.h - helpers shared by every stage of libparallax (not installed). */
#ifndef PX_INTERNAL_H
#define PX_INTERNAL_H

#include "parallax.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>

/* A growable byte buffer. Zero-initialise ({0}) before use; free with px_buf_free. */
typedef struct px_buf {
  char *data; /* NUL-terminated when len > 0 or after px_buf_cstr */
  size_t len;
  size_t cap;
} px_buf;

int px_buf_reserve(px_buf *b, size_t extra);
int px_buf_append(px_buf *b, const char *s, size_t n);
int px_buf_puts(px_buf *b, const char *s);
int px_buf_putc(px_buf *b, char c);
int px_buf_printf(px_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Returns the NUL-terminated contents (never NULL; "" when empty). */
const char *px_buf_cstr(px_buf *b);
/* Hands the data to the caller (who frees it) and empties the buffer. */
char *px_buf_take(px_buf *b, size_t *len);
void px_buf_free(px_buf *b);

/* A growable array of spans. Zero-initialise before use. */
typedef struct px_spanvec {
  px_span *v;
  size_t n;
  size_t cap;
} px_spanvec;

int px_spanvec_push(px_spanvec *sv, size_t start, size_t end, uint32_t kind, uint32_t aux);
void px_spanvec_free(px_spanvec *sv);

char *px_strndup(const char *s, size_t n);
char *px_strdup(const char *s);

/* Reports a diagnostic through the ingest options (printf-style message). */
void px_diagf(const px_ingest_opts *o, px_severity sev, int code, const char *where,
              const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Takes ownership of a malloc'd NUL-terminated text (no copy). NULL on ENOMEM (text is then freed by the caller). */
px_doc *px_doc_adopt(char *text, size_t len);

/* Document id from a path: base name without directory and extension. */
char *px_id_from_path(const char *path);

/* Character classes on ASCII bytes (locale-independent). */
static inline bool px_is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
static inline bool px_is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static inline bool px_is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static inline bool px_is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static inline bool px_is_alpha(unsigned char c) { return px_is_upper(c) || px_is_lower(c); }
static inline bool px_is_alnum(unsigned char c) { return px_is_alpha(c) || px_is_digit(c); }
static inline unsigned char px_lower(unsigned char c) { return px_is_upper(c) ? (unsigned char)(c + 32) : c; }

/* Calendar (calendar.c): day numbers are days since 1970-01-01, proleptic Gregorian. */
int64_t px_days_from_civil(int64_t y, int m, int d);
void px_civil_from_days(int64_t days, int *y, int *m, int *d);
/* Granularity of a date value, coarsest first. */
enum { PX_DATE_YEAR = 0, PX_DATE_MONTH = 1, PX_DATE_WEEK = 2, PX_DATE_DAY = 3 };
/* The days [*lo, *hi] a date value covers: "YYYY-MM-DD" (also with a time
 * after it), "YYYY-Www", "YYYY-MM", "YYYY"; *gran gets its PX_DATE_*. False
 * when `v` is none of these (NULL, "PRESENT_REF", "P3D", "XXXX-12-13"...). */
bool px_date_span(const char *v, int64_t *lo, int64_t *hi, int *gran);

/* qsort() that takes an empty array, which may then be NULL (qsort's base
 * must not be NULL even for no items: UBSan's nonnull-attribute check). */
static inline void px_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *)) {
  if (n > 1) qsort(base, n, size, cmp);
}

/* FNV-1a hash of s[0, n), ASCII letters taken in lower case when `fold`: the
 * hash behind every word-keyed table of the library. */
static inline uint32_t px_hash(const char *s, size_t n, bool fold) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    h = (h ^ (fold ? px_lower(c) : c)) * 16777619u;
  }
  return h;
}

/* Decodes one UTF-8 code point at s[*i] (valid UTF-8 assumed, as in document
 * text), advancing *i. Returns the code point. */
int32_t px_utf8_next(const char *s, size_t len, size_t *i);
/* Decodes the code point that ends just before s[i]; *start gets its first byte. */
int32_t px_utf8_prev(const char *s, size_t i, size_t *start);
/* Unicode-aware classes for document text (utf8proc categories). */
bool px_cp_is_letter(int32_t cp);
bool px_cp_is_upper(int32_t cp);
bool px_cp_is_lower(int32_t cp);
bool px_cp_is_space(int32_t cp); /* includes U+00A0 and other Zs */

/* ---- The fact store (core/facts.c): what src/extract/ writes into a document. ----
 * Push functions copy the struct and return its index, or a negative code.
 * Strings in the structs must come from px_doc_intern() (owned by the doc). */
const char *px_doc_intern(px_doc *doc, const char *s, size_t n); /* NULL when out of memory */
long px_doc_push_quantity(px_doc *doc, const px_quantity *q);
long px_doc_push_time(px_doc *doc, const px_time *t);
long px_doc_push_entity(px_doc *doc, const px_entity *e);
long px_doc_push_mention(px_doc *doc, const px_mention *m);
long px_doc_push_quote(px_doc *doc, const px_quote *q);
/* Writable views, for later stages that fill in fields (speaker, source) or sort. */
px_quantity *px_doc_quantities_mut(px_doc *doc, size_t *count);
px_time *px_doc_times_mut(px_doc *doc, size_t *count);
px_entity *px_doc_entities_mut(px_doc *doc, size_t *count);
px_mention *px_doc_mentions_mut(px_doc *doc, size_t *count);
px_quote *px_doc_quotes_mut(px_doc *doc, size_t *count);
/* Per-sentence source of claim: allocates `n` entries set to -1 (PX_OK / PX_ENOMEM). */
int px_doc_init_sentence_sources(px_doc *doc, size_t n);
int32_t *px_doc_sentence_sources_mut(px_doc *doc, size_t *n);
int px_doc_set_published_inferred(px_doc *doc, const char *date, const char *evidence);
bool px_doc_is_analyzed(const px_doc *doc);
void px_doc_set_analyzed(px_doc *doc);
/* The store itself (created on first use, freed with the document). */
struct px_facts;
struct px_facts **px_doc_facts_slot(px_doc *doc);
void px_facts_free(struct px_facts *f);

#endif
