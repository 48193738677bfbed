/* jsonl.c - JSONL input: one article per line,
 * {"id", "source", "url", "published", "title", "text"}, or "html" (a page) instead of "text". */
#include "html.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static const char *const string_fields[] = {"source", "url", "published", "title", "text", "html"};

/* Checks the record's field types; writes a message and returns false when one is wrong. */
static bool check_types(json_t *rec, char *msg, size_t msgsize) {
  for (size_t i = 0; i < sizeof string_fields / sizeof *string_fields; i++) {
    json_t *v = json_object_get(rec, string_fields[i]);
    if (v && !json_is_string(v) && !json_is_null(v)) {
      snprintf(msg, msgsize, "field \"%s\" must be a string", string_fields[i]);
      return false;
    }
  }
  json_t *id = json_object_get(rec, "id");
  if (id && !json_is_string(id) && !json_is_integer(id) && !json_is_null(id)) {
    snprintf(msg, msgsize, "field \"id\" must be a string or an integer");
    return false;
  }
  return true;
}

static const char *get_str(json_t *rec, const char *key) {
  json_t *v = json_object_get(rec, key);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

/* One record (line `lineno` of `where`). Returns PX_OK or a negative code (reported). */
static int one_record(px_corpus *c, const char *where, size_t lineno, const char *s, size_t n,
                      const px_ingest_opts *o) {
  char loc[1024], msg[256], idbuf[64];
  snprintf(loc, sizeof loc, "%s:%zu", where, lineno);
  json_error_t err;
  json_t *rec = json_loadb(s, n, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &err); /* "42": not an object */
  if (!rec) {
    px_diagf(o, PX_ERROR, PX_EJSON, loc, "malformed JSON at column %d: %s", err.column, err.text);
    return PX_EJSON;
  }
  int rc = PX_OK;
  if (!json_is_object(rec)) {
    px_diagf(o, PX_ERROR, PX_EJSON, loc, "record is not a JSON object");
    rc = PX_EJSON;
  } else if (!check_types(rec, msg, sizeof msg)) {
    px_diagf(o, PX_ERROR, PX_EJSON, loc, "%s", msg);
    rc = PX_EJSON;
  } else if (!get_str(rec, "text") && !get_str(rec, "html")) {
    px_diagf(o, PX_ERROR, PX_EJSON, loc, "record has no \"text\"");
    rc = PX_EJSON;
  }
  if (rc) {
    json_decref(rec);
    return rc;
  }
  json_t *idv = json_object_get(rec, "id");
  const char *id = get_str(rec, "id");
  if (json_is_integer(idv)) {
    snprintf(idbuf, sizeof idbuf, "%" JSON_INTEGER_FORMAT, json_integer_value(idv));
    id = idbuf;
  }
  char *fallback = NULL;
  if (!id || !*id) { /* FILE-ID:LINE */
    char *base = px_id_from_path(where);
    px_buf b = {0};
    if (base) px_buf_printf(&b, "%s:%zu", base, lineno);
    free(base);
    id = fallback = px_buf_take(&b, NULL);
  }
  px_meta_in m = {.id = id ? id : "?", .source = get_str(rec, "source"), .url = get_str(rec, "url"),
                  .published = get_str(rec, "published"), .title = get_str(rec, "title"), .path = loc};
  const char *text = get_str(rec, "text");
  if (text) rc = px_ingest_text(c, loc, text, json_string_length(json_object_get(rec, "text")), &m, o);
  else rc = px_ingest_html(c, loc, get_str(rec, "html"), json_string_length(json_object_get(rec, "html")), &m, o);
  if (!rc) rc = px_doc_set_meta(px_corpus_doc(c, px_corpus_count(c) - 1), PX_META_FORMAT, "jsonl");
  free(fallback);
  json_decref(rec);
  return rc;
}

int px_ingest_jsonl(px_corpus *c, const char *where, const char *data, size_t len, const px_ingest_opts *o) {
  char msg[160];
  int rc = px_check_bytes(data, len, msg, sizeof msg);
  if (rc) {
    px_diagf(o, PX_ERROR, rc, where, "%s", msg);
    return rc;
  }
  int failed = 0;
  size_t lineno = 0, i = 0, ok = 0;
  while (i < len) {
    lineno++;
    const char *nl = memchr(data + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - data) : len;
    size_t s = i;
    while (s < e && px_is_space((unsigned char)data[s])) s++;
    if (s < e) {
      if (one_record(c, where, lineno, data + s, e - s, o)) failed++;
      else ok++;
    }
    i = e + 1;
  }
  return failed;
}
