/* fuzz_facts.c - the fact extractors on arbitrary text.
 *
 * The input's first byte picks the anchor (none, an ordinary date, a leap day,
 * the end of a year); the rest, cleaned as ingest does, becomes a document that
 * px_doc_analyze() turns into quantities, times, entities and quotes. Checks:
 * every span inside the text on character boundaries, every index (sentence,
 * entity, mention) in range, mentions sorted, values well-formed; the JSON and
 * JSON Lines renderings parse. Invariants abort on violation (fuzz_common.h).
 */
#include "fuzz_common.h"

#include <math.h>

static void check_span(const char *what, size_t i, const char *text, size_t len, size_t start, size_t end) {
  FZ_CHECK(start <= end && end <= len, "%s %zu: [%zu, %zu) outside the text (%zu bytes)", what, i, start, end, len);
  FZ_CHECK(fz_boundary(text, len, start) && fz_boundary(text, len, end), "%s %zu: [%zu, %zu) splits a character",
           what, i, start, end);
}

static void check_index(const char *what, size_t i, int32_t v, size_t n, bool may_be_none) {
  FZ_CHECK((may_be_none && v == -1) || (v >= 0 && (size_t)v < n), "%s %zu: index %d of %zu", what, i, (int)v, n);
}

static void check_facts(const px_doc *d) {
  size_t len, ns, nq, nt, ne, nm, nu;
  const char *text = px_doc_text(d, &len);
  px_doc_layer(d, PX_LAYER_SENTENCES, &ns);
  const px_quantity *q = px_doc_quantities(d, &nq);
  const px_time *t = px_doc_times(d, &nt);
  const px_entity *e = px_doc_entities(d, &ne);
  const px_mention *m = px_doc_mentions(d, &nm);
  const px_quote *u = px_doc_quotes(d, &nu);
  for (size_t i = 0; i < nq; i++) {
    check_span("quantity", i, text, len, q[i].start, q[i].end);
    FZ_CHECK(q[i].start < q[i].end, "quantity %zu is empty", i);
    if (q[i].of_end > q[i].of_start) check_span("quantity of", i, text, len, q[i].of_start, q[i].of_end);
    FZ_CHECK(isfinite(q[i].value), "quantity %zu value not finite", i);
    FZ_CHECK(isnan(q[i].value_max) || isfinite(q[i].value_max), "quantity %zu value_max", i);
    FZ_CHECK(q[i].approx <= PX_APPROX_RANGE && q[i].category <= PX_QTY_PLACES, "quantity %zu enums", i);
    check_index("quantity sentence", i, q[i].sentence, ns, true);
    check_index("quantity source", i, q[i].source, ne, true);
  }
  for (size_t i = 0; i < nt; i++) {
    check_span("time", i, text, len, t[i].start, t[i].end);
    FZ_CHECK(t[i].start < t[i].end, "time %zu is empty", i);
    FZ_CHECK(t[i].value && *t[i].value, "time %zu has no value", i);
    FZ_CHECK(t[i].type <= PX_TIME_SET && t[i].mod <= PX_MOD_LESS_THAN, "time %zu enums", i);
    check_index("time sentence", i, t[i].sentence, ns, true);
  }
  for (size_t i = 0; i < ne; i++) {
    FZ_CHECK(e[i].name && fz_valid_utf8(e[i].name, strlen(e[i].name)), "entity %zu name", i);
    FZ_CHECK(e[i].type <= PX_ENT_GROUP, "entity %zu type", i);
  }
  for (size_t i = 0; i < nm; i++) {
    check_span("mention", i, text, len, m[i].start, m[i].end);
    check_index("mention entity", i, m[i].entity, ne, false);
    check_index("mention sentence", i, m[i].sentence, ns, true);
    FZ_CHECK(!i || m[i - 1].start <= m[i].start, "mentions not sorted at %zu", i);
  }
  for (size_t i = 0; i < nu; i++) {
    check_span("quote", i, text, len, u[i].start, u[i].end);
    check_span("quote speaker", i, text, len, u[i].speaker_start, u[i].speaker_end);
    check_span("quote verb", i, text, len, u[i].verb_start, u[i].verb_end);
    check_index("quote speaker", i, u[i].speaker, ne, true);
    check_index("quote sentence", i, u[i].sentence, ns, true);
  }
  for (size_t i = 0; i < ns; i++) check_index("sentence source", i, px_doc_sentence_source(d, i), ne, true);
}

/* Every JSON Lines record parses. */
static void check_annotations(const px_corpus *c) {
  char *buf = NULL;
  size_t size = 0;
  FILE *f = open_memstream(&buf, &size);
  if (!f) return;
  FZ_CHECK(px_render_annotations(c, f, PX_ANNOTATE_ALL) == PX_OK, "px_render_annotations failed");
  fclose(f);
  for (size_t i = 0; i < size;) {
    const char *nl = memchr(buf + i, '\n', size - i);
    size_t end = nl ? (size_t)(nl - buf) : size;
    json_error_t err;
    json_t *rec = json_loadb(buf + i, end - i, 0, &err);
    FZ_CHECK(rec && json_is_string(json_object_get(rec, "layer")), "annotation record does not parse: %s", err.text);
    json_decref(rec);
    i = end + 1;
  }
  free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *const anchors[] = {NULL, "2016-12-14", "2024-02-29", "1999-12-31"};
  if (size == 0) return 0;
  const char *anchor = anchors[data[0] % 4];
  char *text = NULL;
  size_t len, nbad, first;
  if (px_text_clean((const char *)data + 1, size - 1, 0, &text, &len, &nbad, &first) != PX_OK) return 0;
  px_corpus *c = px_corpus_new();
  px_doc *d = px_doc_new(text, len);
  free(text);
  if (!c || !d || px_corpus_add(c, d) != PX_OK) {
    px_corpus_free(c);
    if (!c) px_doc_free(d);
    return 0;
  }
  if (anchor) px_doc_set_meta(d, PX_META_PUBLISHED, anchor);
  int rc = px_doc_analyze(d, NULL);
  if (rc == PX_OK) {
    fz_check_doc(d, true);
    check_facts(d);
    FZ_CHECK(px_doc_analyze(d, NULL) == PX_OK, "second px_doc_analyze failed");
    fz_check_render(c, PX_RENDER_TEXT | (data[0] & 4 ? PX_RENDER_PRETTY : 0));
    check_annotations(c);
  } else {
    FZ_CHECK(rc == PX_ENOMEM, "px_doc_analyze returned %d (%s)", rc, px_strerror(rc));
  }
  px_corpus_free(c);
  return 0;
}
