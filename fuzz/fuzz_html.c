/* fuzz_html.c - HTML ingest of arbitrary bytes: as a page ("x.html"), leniently
 * and in strict mode, and as the "html" of a JSONL record.
 *
 * Checks: diagnostics are one line of UTF-8 each, warnings start with
 * "warning: ", no input gets two errors and the count returned is the number
 * of errors; a page gives one document or one error; every document has an
 * id, a path, format "html" (or "jsonl"), non-empty valid UTF-8 text and
 * metadata, dates that are valid, a "_from" for each field the page gave and
 * none for a field it did not, authors that agree with the "authors" field;
 * the paragraphs layer ingest sets is well-formed, and the document segments
 * into well-formed layers and renders to JSON that parses back.
 */
#include "fuzz_common.h"

typedef struct {
  int errors;
  char last[1100];
} diag_state;

static void diag(void *ud, px_severity sev, int code, const char *where, const char *msg) {
  diag_state *st = ud;
  FZ_CHECK(where && *where && msg && *msg, "diagnostic without a place or a message");
  for (const char *s = msg; *s; s++)
    FZ_CHECK((unsigned char)*s >= 0x20 && *s != 0x7F, "control character in a diagnostic: %s: %s", where, msg);
  FZ_CHECK(fz_valid_utf8(msg, strlen(msg)), "diagnostic is not valid UTF-8: %s: %s", where, msg);
  if (sev == PX_WARNING) {
    FZ_CHECK(strncmp(msg, "warning: ", 9) == 0, "warning without \"warning: \": %s", msg);
    return;
  }
  FZ_CHECK(sev == PX_ERROR && code < 0, "error with severity %d, code %d: %s", (int)sev, code, msg);
  FZ_CHECK(strcmp(st->last, where) != 0, "two errors for %s, the second: %s", where, msg);
  snprintf(st->last, sizeof st->last, "%s", where);
  st->errors++;
}

/* Each field set from the page has its source, and only those. */
static void check_provenance(const px_doc *d) {
  static const px_meta_key pairs[][2] = {
      {PX_META_TITLE, PX_META_TITLE_FROM},       {PX_META_AUTHORS, PX_META_AUTHORS_FROM},
      {PX_META_PUBLISHED, PX_META_PUBLISHED_FROM}, {PX_META_MODIFIED, PX_META_MODIFIED_FROM},
      {PX_META_SITE, PX_META_SITE_FROM},         {PX_META_URL, PX_META_URL_FROM},
      {PX_META_LANG, PX_META_LANG_FROM},         {PX_META_DESCRIPTION, PX_META_DESCRIPTION_FROM}};
  for (size_t k = 0; k < sizeof pairs / sizeof *pairs; k++) {
    bool has = px_doc_meta(d, pairs[k][0]) != NULL, from = px_doc_meta(d, pairs[k][1]) != NULL;
    FZ_CHECK(has == from, "%s is %s but %s is %s", px_meta_name(pairs[k][0]), has ? "set" : "unset",
             px_meta_name(pairs[k][1]), from ? "set" : "unset");
  }
  const char *authors = px_doc_meta(d, PX_META_AUTHORS);
  size_t n = px_doc_author_count(d), joined = 0;
  for (size_t i = 0; i < n; i++) {
    const char *a = px_doc_author(d, i);
    FZ_CHECK(a && *a && !strchr(a, ';'), "author %zu is empty or holds ';'", i);
    joined += strlen(a) + (i ? 2 : 0);
  }
  FZ_CHECK((n == 0) == (authors == NULL) && (!authors || strlen(authors) == joined), "authors and the list differ");
  FZ_CHECK(px_doc_author(d, n) == NULL, "an author past the end");
}

static void check_doc(px_doc *d, const char *fmt) {
  size_t len;
  const char *text = px_doc_text(d, &len);
  FZ_CHECK(len > 0 && fz_valid_utf8(text, len), "document text empty or not UTF-8");
  FZ_CHECK(px_doc_meta(d, PX_META_ID) && px_doc_meta(d, PX_META_PATH), "document without id or path");
  const char *f = px_doc_meta(d, PX_META_FORMAT);
  FZ_CHECK(f && strcmp(f, fmt) == 0, "format %s", f ? f : "(null)");
  for (int k = 0; k < PX_META__COUNT; k++) {
    const char *v = px_doc_meta(d, (px_meta_key)k);
    if (!v) continue;
    FZ_CHECK(*v && fz_valid_utf8(v, strlen(v)), "metadata %s empty or not UTF-8", px_meta_name((px_meta_key)k));
    if (k != PX_META_PATH && k != PX_META_ID)
      for (const char *s = v; *s; s++)
        FZ_CHECK((unsigned char)*s >= 0x20, "control character in %s", px_meta_name((px_meta_key)k));
  }
  char date[11];
  const px_meta_key dates[] = {PX_META_PUBLISHED, PX_META_MODIFIED};
  for (size_t k = 0; k < 2; k++) {
    const char *v = px_doc_meta(d, dates[k]);
    if (v) FZ_CHECK(px_parse_date(v, date) == PX_OK && strcmp(date, v) == 0, "%s \"%s\"", px_meta_name(dates[k]), v);
  }
  check_provenance(d);
  size_t np;
  const px_span *p = px_doc_layer(d, PX_LAYER_PARAGRAPHS, &np);
  if (p) fz_check_spans("paragraph", text, len, p, np);
  int rc = px_doc_segment(d, PX_SEGMENT_TOKENS);
  if (rc == PX_ENOMEM) return;
  FZ_CHECK(rc == PX_OK, "px_doc_segment returned %d", rc);
  fz_check_doc(d, true);
}

static void ingest(const char *name, const char *data, size_t len, unsigned flags) {
  px_corpus *c = px_corpus_new();
  if (!c) return;
  diag_state st = {0};
  px_ingest_opts o = {.diag = diag, .diag_userdata = &st, .text_flags = flags};
  o.format = strstr(name, ".jsonl") ? PX_FORMAT_JSONL : PX_FORMAT_HTML;
  int rc = px_ingest_buffer(c, name, data, len, &o);
  if (rc == PX_ENOMEM) {
    px_corpus_free(c);
    return;
  }
  FZ_CHECK(rc >= 0 && rc == st.errors, "px_ingest_buffer(%s) returned %d after %d errors", name, rc, st.errors);
  if (o.format == PX_FORMAT_HTML)
    FZ_CHECK(px_corpus_count(c) + (size_t)rc == 1, "%zu documents and %d errors from one page", px_corpus_count(c), rc);
  for (size_t i = 0; i < px_corpus_count(c); i++)
    check_doc(px_corpus_doc(c, i), o.format == PX_FORMAT_HTML ? "html" : "jsonl");
  fz_check_render(c, PX_RENDER_TEXT);
  px_corpus_free(c);
}

/* The input as the "html" field of one JSONL record. */
static void as_record(const char *data, size_t len) {
  json_t *rec = json_object();
  json_t *s = json_stringn_nocheck(data, len);
  if (!rec || !s || !fz_valid_utf8(data, len)) {
    json_decref(s);
    json_decref(rec);
    return;
  }
  json_object_set_new(rec, "html", s);
  char *line = json_dumps(rec, JSON_COMPACT);
  json_decref(rec);
  if (line) ingest("feed.jsonl", line, strlen(line), 0);
  free(line);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *in = (const char *)data;
  ingest("x.html", in, size, 0);
  ingest("x.html", in, size, PX_TEXT_STRICT);
  as_record(in, size);
  return 0;
}
