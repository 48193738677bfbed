/* fuzz_jsonl.c - ingest of arbitrary bytes: as JSONL ("x.jsonl"), as plain text
 * with the boilerplate and headline rules ("x.txt"), and as strict raw text.
 *
 * Checks: diagnostics are one line each, with an input name; the number of
 * errors is the count px_ingest_buffer returns, and no input or record gets
 * more than one; every document has an id, a path and a format, a valid date
 * or none, non-empty text; it segments into well-formed layers and renders to
 * JSON that parses back.
 */
#include "fuzz_common.h"

typedef struct {
  int errors;       /* PX_ERROR diagnostics */
  char last[1100];  /* the `where` of the last error */
} diag_state;

static void diag(void *ud, px_severity sev, int code, const char *where, const char *msg) {
  diag_state *st = ud;
  FZ_CHECK(where && *where && msg && *msg, "diagnostic without a place or a message");
  for (const char *s = where; *s; s++)
    FZ_CHECK((unsigned char)*s >= 0x20 && *s != 0x7F, "control character in a diagnostic's place: %s", where);
  for (const char *s = msg; *s; s++)
    FZ_CHECK((unsigned char)*s >= 0x20 && *s != 0x7F, "control character in a diagnostic: %s: %s", where, msg);
  FZ_CHECK(fz_valid_utf8(msg, strlen(msg)), "diagnostic is not valid UTF-8: %s: %s", where, msg);
  FZ_CHECK(sev == PX_WARNING || sev == PX_ERROR, "severity %d", (int)sev);
  if (sev == PX_WARNING) {
    FZ_CHECK(strncmp(msg, "warning: ", 9) == 0, "warning without \"warning: \": %s", msg);
    return;
  }
  FZ_CHECK(code < 0, "error with code %d: %s", code, msg);
  FZ_CHECK(strcmp(st->last, where) != 0, "two errors for %s, the second: %s", where, msg);
  snprintf(st->last, sizeof st->last, "%s", where);
  st->errors++;
}

static void ingest(const char *name, const char *data, size_t len, unsigned flags, int raw) {
  px_corpus *c = px_corpus_new();
  if (!c) return;
  diag_state st = {0};
  px_ingest_opts o = {0};
  o.diag = diag;
  o.diag_userdata = &st;
  o.text_flags = flags;
  o.raw_text = raw;
  int rc = px_ingest_buffer(c, name, data, len, &o);
  if (rc == PX_ENOMEM) {
    px_corpus_free(c);
    return;
  }
  FZ_CHECK(rc >= 0, "px_ingest_buffer(%s) returned %d", name, rc);
  FZ_CHECK(rc == st.errors, "px_ingest_buffer(%s) returned %d after %d errors", name, rc, st.errors);
  bool jsonl = strstr(name, ".jsonl") != NULL;
  if (!jsonl) FZ_CHECK(px_corpus_count(c) + (size_t)rc == 1, "%zu documents and %d errors from one text", px_corpus_count(c), rc);
  for (size_t i = 0; i < px_corpus_count(c); i++) {
    px_doc *d = px_corpus_doc(c, i);
    size_t tl;
    px_doc_text(d, &tl);
    FZ_CHECK(tl > 0, "document %zu has no text", i);
    FZ_CHECK(px_doc_meta(d, PX_META_ID) && px_doc_meta(d, PX_META_PATH), "document %zu without id or path", i);
    const char *fmt = px_doc_meta(d, PX_META_FORMAT);
    FZ_CHECK(fmt && strcmp(fmt, jsonl ? "jsonl" : "text") == 0, "document %zu has format %s", i, fmt ? fmt : "(null)");
    const char *pub = px_doc_meta(d, PX_META_PUBLISHED);
    char date[11];
    if (pub) FZ_CHECK(px_parse_date(pub, date) == PX_OK && strcmp(date, pub) == 0, "published \"%s\"", pub);
    for (int k = 0; k < PX_META__COUNT; k++) {
      const char *v = px_doc_meta(d, (px_meta_key)k);
      if (v) FZ_CHECK(fz_valid_utf8(v, strlen(v)), "metadata %s is not valid UTF-8", px_meta_name((px_meta_key)k));
    }
    for (size_t k = 0; k < px_doc_removed_count(d); k++) {
      const char *why = NULL;
      const char *t = px_doc_removed(d, k, &why);
      FZ_CHECK(t && why && fz_valid_utf8(t, strlen(t)), "removed block %zu", k);
    }
    int src = px_doc_segment(d, PX_SEGMENT_TOKENS);
    if (src == PX_ENOMEM) continue;
    FZ_CHECK(src == PX_OK, "px_doc_segment returned %d", src);
    fz_check_doc(d, true);
    /* Plain text: the first line is the headline, always. */
    size_t np;
    const px_span *p = px_doc_layer(d, PX_LAYER_PARAGRAPHS, &np);
    if (!jsonl && !raw) FZ_CHECK(np > 0 && p[0].kind == PX_PARA_HEADLINE, "plain text without a headline paragraph");
  }
  fz_check_render(c, PX_RENDER_TEXT | (len & 1 ? PX_RENDER_TOKENS : 0));
  px_corpus_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *in = (const char *)data;
  ingest("x.jsonl", in, size, 0, 0);
  ingest("x.txt", in, size, 0, 0);
  ingest("x.txt", in, size, PX_TEXT_STRICT, 1);
  return 0;
}
