/* fuzz_text.c - the text layer on arbitrary bytes.
 *
 * px_text_clean (lenient and strict), px_split_sentences on the cleaned text,
 * and a document made of it through px_doc_segment(PX_SEGMENT_TOKENS),
 * stemming and both renderers. Invariants (fuzz_common.h) abort on violation.
 */
#include "fuzz_common.h"

/* px_text_clean, lenient: always succeeds with valid NFC UTF-8 without NUL or CR. */
static char *clean_lenient(const char *in, size_t len, size_t *out_len, size_t *nbad, size_t *first) {
  char *out = NULL;
  int rc = px_text_clean(in, len, 0, &out, out_len, nbad, first);
  if (rc == PX_ENOMEM) return NULL;
  FZ_CHECK(rc == PX_OK, "px_text_clean returned %d (%s)", rc, px_strerror(rc));
  FZ_CHECK(out && out[*out_len] == '\0', "cleaned text not NUL-terminated");
  FZ_CHECK(fz_valid_utf8(out, *out_len), "cleaned text is not valid UTF-8");
  FZ_CHECK(!memchr(out, '\r', *out_len), "CR left in cleaned text");
  FZ_CHECK(*nbad == 0 || *first < len, "first invalid offset %zu past the input (%zu)", *first, len);
  FZ_CHECK(*nbad <= len, "%zu invalid sequences in %zu bytes", *nbad, len);
  return out;
}

static void check_text_clean(const char *in, size_t len, const char *out, size_t out_len, size_t nbad,
                             size_t first) {
  /* NFC: normalising again changes nothing. */
  utf8proc_uint8_t *nfc = NULL;
  utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)out, (utf8proc_ssize_t)out_len, &nfc,
                                    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  if (n >= 0) {
    FZ_CHECK((size_t)n == out_len && memcmp(nfc, out, out_len) == 0, "cleaned text is not in NFC");
    free(nfc);
  }

  /* Cleaning is idempotent, but for a second BOM: the first pass drops one
   * leading BOM and keeps the next, which the second pass drops. */
  const char *expect = out;
  size_t expect_len = out_len;
  if (expect_len >= 3 && memcmp(expect, "\xEF\xBB\xBF", 3) == 0) expect += 3, expect_len -= 3;
  char *again;
  size_t alen, abad, afirst;
  again = clean_lenient(out, out_len, &alen, &abad, &afirst);
  if (again) {
    FZ_CHECK(abad == 0, "cleaned text has %zu invalid sequences", abad);
    FZ_CHECK(alen == expect_len && memcmp(again, expect, alen) == 0, "cleaning is not idempotent");
    free(again);
  }

  /* Strict mode agrees with the lenient one. */
  char *strict = NULL;
  size_t slen = 0, sbad = 0, sfirst = 0;
  int rc = px_text_clean(in, len, PX_TEXT_STRICT, &strict, &slen, &sbad, &sfirst);
  if (rc == PX_ENOMEM) return;
  if (nbad) {
    FZ_CHECK(rc == PX_EUTF8, "strict mode accepted input with %zu invalid sequences (rc %d)", nbad, rc);
    FZ_CHECK(sfirst == first, "strict first invalid %zu, lenient %zu", sfirst, first);
    FZ_CHECK(strict == NULL, "strict failure left an output buffer");
  } else {
    FZ_CHECK(rc == PX_OK, "strict mode rejected valid input (rc %d)", rc);
    FZ_CHECK(slen == out_len && memcmp(strict, out, out_len) == 0, "strict and lenient outputs differ");
    free(strict);
  }
}

static void check_split(const char *text, size_t len) {
  px_span *spans = NULL;
  int n = px_split_sentences(text, len, &spans);
  if (n == PX_ENOMEM) return;
  FZ_CHECK(n >= 0, "px_split_sentences returned %d", n);
  fz_check_sentences(text, len, spans, (size_t)n);
  free(spans);
}

static void check_doc(const char *text, size_t len, bool with_title) {
  px_corpus *c = px_corpus_new();
  px_doc *d = px_doc_new(text, len);
  if (!c || !d) {
    px_corpus_free(c);
    px_doc_free(d);
    return;
  }
  if (with_title) { /* the first line as the headline, as plain-text ingest does */
    const char *nl = memchr(text, '\n', len);
    size_t tl = nl ? (size_t)(nl - text) : len;
    char *title = malloc(tl + 1);
    if (title) {
      memcpy(title, text, tl);
      title[tl] = '\0';
      px_doc_set_meta(d, PX_META_TITLE, title);
      free(title);
    }
  }
  if (px_corpus_add(c, d) != PX_OK) {
    px_corpus_free(c);
    return;
  }
  int rc = px_doc_segment(d, PX_SEGMENT_TOKENS);
  if (rc == PX_ENOMEM) {
    px_corpus_free(c);
    return;
  }
  FZ_CHECK(rc == PX_OK, "px_doc_segment returned %d (%s)", rc, px_strerror(rc));
  fz_check_doc(d, true);

  /* Segmenting again keeps the layers as they are. */
  size_t n1, n2;
  const px_span *before = px_doc_layer(d, PX_LAYER_SENTENCES, &n1);
  FZ_CHECK(px_doc_segment(d, PX_SEGMENT_TOKENS) == PX_OK, "second px_doc_segment failed");
  FZ_CHECK(px_doc_layer(d, PX_LAYER_SENTENCES, &n2) == before && n1 == n2, "second segment changed layers");
  FZ_CHECK(px_doc_add_layer(d, PX_LAYER_TOKENS, NULL, 0) == PX_EARG, "a layer was set twice");

  /* Every word token stems without trouble. */
  px_stemmer *st = px_stemmer_new();
  if (st) {
    size_t nt;
    const px_span *t = px_doc_layer(d, PX_LAYER_TOKENS, &nt);
    char buf[64];
    for (size_t i = 0; i < nt; i++) {
      if (t[i].kind != PX_TOK_WORD) continue;
      int k = px_stem(st, text + t[i].start, t[i].end - t[i].start, buf, sizeof buf);
      if (k == PX_ENOMEM) continue;
      FZ_CHECK(k >= 0, "px_stem returned %d", k);
      if ((size_t)k < sizeof buf) FZ_CHECK(strlen(buf) == (size_t)k, "stem length %d but \"%s\"", k, buf);
    }
    px_stemmer_free(st);
  }

  if (with_title) /* once per input: rendering and parsing the JSON back is the slowest part */
    fz_check_render(c, PX_RENDER_TEXT | PX_RENDER_TOKENS | (len & 1 ? PX_RENDER_PRETTY : 0));
  px_corpus_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *in = (const char *)data;
  size_t len, nbad = 0, first = 0;
  char *text = clean_lenient(in, size, &len, &nbad, &first);
  if (!text) return 0;
  check_text_clean(in, size, text, len, nbad, first);
  check_split(text, len);
  check_doc(text, len, true);
  check_doc(text, len, false);
  free(text);
  return 0;
}
