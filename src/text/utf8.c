/* utf8.c - raw bytes to document text: UTF-8 repair, line ends, NFC. */
#include "../core/internal.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Length of the valid UTF-8 sequence at p (1-4), or 0 when it is invalid
 * (bad lead byte, truncated, overlong, surrogate, > U+10FFFF). NUL is invalid
 * here: document text is a C string. */
static size_t valid_seq(const unsigned char *p, size_t left) {
  unsigned char c = p[0];
  if (c == 0) return 0;
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;
  if (c < 0xE0) return (left >= 2 && (p[1] & 0xC0) == 0x80) ? 2 : 0;
  if (c < 0xF0) {
    if (left < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0; /* overlong */
    if (c == 0xED && p[1] >= 0xA0) return 0; /* surrogate */
    return 3;
  }
  if (c < 0xF5) {
    if (left < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
      return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0; /* overlong */
    if (c == 0xF4 && p[1] >= 0x90) return 0; /* > U+10FFFF */
    return 4;
  }
  return 0;
}

/* Length of the maximal subpart of an ill-formed sequence at p (Unicode's
 * recommended practice, one U+FFFD each): a lead byte with the continuation
 * bytes that could still have made it valid, or a single byte. */
static size_t invalid_len(const unsigned char *p, size_t left) {
  unsigned char c = p[0];
  if (c < 0xC2 || c > 0xF4 || left < 2) return 1;
  size_t need = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
  unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
  if (p[1] < lo || p[1] > hi) return 1;
  size_t k = 2;
  while (k < need && k < left && (p[k] & 0xC0) == 0x80) k++;
  return k;
}

/* True when a code point can neither change nor combine under NFC, so it
 * needs no normalisation whatever surrounds it. Below U+0300 all are. Above,
 * a code point is not inert when it has a combining class, can be the second
 * of a composed pair (utf8proc marks those with comb_index >= 0x8000), is a
 * Hangul vowel or trailing jamo, or is a precomposed character whose NFC is
 * not itself (singletons and composition exclusions, such as U+212B or U+1F71).
 * A starter that can only be the first of a pair (Cyrillic, kana, e) is inert:
 * whatever follows it and combines is itself not inert. */
static bool nfc_inert_uncached(int32_t cp) {
  if (cp < 0x300) return true;
  if ((cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11A8 && cp <= 0x11C2)) return false;
  const utf8proc_property_t *p = utf8proc_get_property(cp);
  if (p->combining_class != 0) return false;
  if (p->comb_index != UINT16_MAX && p->comb_index >= 0x8000) return false;
  if (p->decomp_seqindex == UINT16_MAX || p->decomp_type != 0) return true; /* no canonical decomposition */
  utf8proc_int32_t buf[8];
  int boundclass = UTF8PROC_BOUNDCLASS_START;
  utf8proc_ssize_t n = utf8proc_decompose_char(cp, buf, 8, UTF8PROC_DECOMPOSE, &boundclass);
  if (n < 1 || n > 8) return false;
  n = utf8proc_normalize_utf32(buf, n, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
  return n == 1 && buf[0] == cp;
}

/* A small direct-mapped cache of nfc_inert_uncached, owned by one call. */
typedef struct {
  int32_t cp[64];
  bool inert[64];
} inert_cache;

static bool nfc_inert(inert_cache *c, int32_t cp) {
  if (cp < 0x300) return true;
  unsigned h = (unsigned)cp & 63u;
  if (c->cp[h] != cp) {
    c->cp[h] = cp;
    c->inert[h] = nfc_inert_uncached(cp);
  }
  return c->inert[h];
}

/* NFC, applied only where it can change something. A position between two
 * ASCII bytes is a safe boundary: no canonical composition has an ASCII second
 * element and ASCII never reorders. So each stretch around a code point that
 * is not NFC-inert, from the ASCII byte before it to the next pair of ASCII
 * bytes, is normalised on its own and the rest is copied as it is. */
static int nfc_segments(const char *s, size_t len, size_t from, inert_cache *cache, px_buf *out) {
  size_t i = from, copied = 0;
  while (i < len) {
    if ((unsigned char)s[i] < 0x80) {
      i++;
      continue;
    }
    size_t at = i;
    if (nfc_inert(cache, px_utf8_next(s, len, &i))) continue;
    size_t start = at;
    while (start > copied && (unsigned char)s[start - 1] >= 0x80) start--;
    if (start > copied) start--; /* the ASCII starter a mark may combine with */
    size_t end = i;
    while (end < len && !(end + 1 < len && (unsigned char)s[end] < 0x80 && (unsigned char)s[end + 1] < 0x80)) end++;
    if (end < len) end++; /* keep the first ASCII byte of the pair inside */
    if (px_buf_append(out, s + copied, start - copied)) return PX_ENOMEM;
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s + start, (utf8proc_ssize_t)(end - start), &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n < 0) return n == UTF8PROC_ERROR_NOMEM ? PX_ENOMEM : PX_EUTF8;
    int rc = px_buf_append(out, (const char *)nfc, (size_t)n);
    free(nfc);
    if (rc) return rc;
    copied = i = end;
  }
  if (copied == 0) return 1; /* nothing to change: the caller keeps its buffer */
  return px_buf_append(out, s + copied, len - copied);
}

/* True when the 8 bytes at p are all ASCII from 0x20 up (copied as they are). */
static inline bool printable8(const unsigned char *p) {
  uint64_t x;
  memcpy(&x, p, 8);
  const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  uint64_t below_space = (x - ones * 0x20) & ~x; /* a high bit is set if some byte is < 0x20 */
  return ((x | below_space) & highs) == 0;
}

int px_text_clean(const char *in, size_t len, unsigned flags, char **out, size_t *out_len,
                  size_t *n_invalid, size_t *first_invalid) {
  static const char repl[3] = {(char)0xEF, (char)0xBF, (char)0xBD};
  const unsigned char *p = (const unsigned char *)in;
  size_t i = 0, bad = 0, first_bad = 0;
  *out = NULL;
  while (len - i >= 3 && p[i] == 0xEF && p[i + 1] == 0xBB && p[i + 2] == 0xBF) i += 3; /* BOMs */

  px_buf b = {0};
  if (px_buf_reserve(&b, len - i)) return PX_ENOMEM;
  /* The first code point that NFC might change, as an offset into b (checked
   * here, for code points from U+0300 up, so that text needing no
   * normalisation is read once). */
  size_t first_noninert = SIZE_MAX;
  inert_cache cache;
  memset(cache.cp, 0, sizeof cache.cp); /* cp 0 is below U+0300: never looked up */
  size_t run = i; /* start of the pending run of bytes copied as they are */
  while (i < len) {
    while (i + 8 <= len && printable8(p + i)) i += 8; /* fast path: printable ASCII */
    if (i >= len) break;
    unsigned char c = p[i];
    if (c >= 0x20 && c < 0x80) {
      i++;
      continue;
    }
    if (c == '\n' || c == '\t') {
      i++;
      continue;
    }
    bool control = c < 0x20 && c != 0; /* NUL is invalid: document text is a C string */
    size_t n = control ? 1 : valid_seq(p + i, len - i);
    if (!control && n > 0) {
      if (c >= 0xCC && first_noninert == SIZE_MAX) { /* U+0300 and up */
        size_t k = i;
        if (!nfc_inert(&cache, px_utf8_next(in, len, &k))) first_noninert = b.len + (i - run);
      }
      i += n;
      continue;
    }
    px_buf_append(&b, in + run, i - run);
    if (c == '\r') { /* CR LF and lone CR become LF */
      px_buf_putc(&b, '\n');
      i += (i + 1 < len && p[i + 1] == '\n') ? 2 : 1;
    } else if (control) { /* form feed and vertical tab break lines; other controls go */
      if (c == '\f' || c == '\v') px_buf_putc(&b, '\n');
      i++;
    } else {
      if (!bad) first_bad = i;
      bad++;
      if (flags & PX_TEXT_STRICT) {
        px_buf_free(&b);
        if (first_invalid) *first_invalid = first_bad;
        if (n_invalid) *n_invalid = bad;
        return PX_EUTF8;
      }
      px_buf_append(&b, repl, sizeof repl);
      i += invalid_len(p + i, len - i);
    }
    run = i;
  }
  if (px_buf_append(&b, in + run, i - run)) {
    px_buf_free(&b);
    return PX_ENOMEM;
  }
  if (n_invalid) *n_invalid = bad;
  if (first_invalid) *first_invalid = first_bad;

  if (first_noninert == SIZE_MAX) {
    *out = px_buf_take(&b, out_len);
    return *out ? PX_OK : PX_ENOMEM;
  }
  px_buf nfc = {0};
  int rc = nfc_segments(b.data, b.len, first_noninert, &cache, &nfc);
  if (rc < 0) {
    px_buf_free(&nfc);
    px_buf_free(&b);
    return rc;
  }
  if (rc == PX_OK) { /* something was normalised */
    px_buf_free(&b);
    *out = px_buf_take(&nfc, out_len);
    return *out ? PX_OK : PX_ENOMEM;
  }
  *out = px_buf_take(&b, out_len);
  return *out ? PX_OK : PX_ENOMEM;
}
