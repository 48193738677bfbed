/* sidecar.c - NAME.meta.json beside NAME.txt / NAME.html. */
#include "ingest.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *str_field(json_t *obj, const char *key, const char *where,
                             const px_ingest_opts *o) {
  json_t *v = json_object_get(obj, key);
  if (!v || json_is_null(v)) return NULL;
  if (!json_is_string(v)) {
    px_diagf(o, PX_WARNING, PX_EJSON, where, "warning: field \"%s\" is not a string; ignored", key);
    return NULL;
  }
  return json_string_value(v);
}

void px_sidecar_load(const char *path, const px_ingest_opts *o, px_meta_in *m, void **json) {
  *json = NULL;
  const char *slash = strrchr(path, '/');
  const char *dot = strrchr(slash ? slash + 1 : path, '.');
  size_t stem = dot ? (size_t)(dot - path) : strlen(path);
  px_buf p = {0};
  if (px_buf_append(&p, path, stem) || px_buf_puts(&p, ".meta.json")) {
    px_buf_free(&p);
    return;
  }
  const char *side = px_buf_cstr(&p);
  if (access(side, F_OK) != 0) {
    px_buf_free(&p);
    return;
  }
  json_error_t err;
  json_t *root = json_load_file(side, JSON_REJECT_DUPLICATES, &err);
  if (!root || !json_is_object(root)) {
    if (root) px_diagf(o, PX_WARNING, PX_EJSON, side, "warning: sidecar is not a JSON object; ignored");
    else px_diagf(o, PX_WARNING, PX_EJSON, side, "warning: malformed JSON at line %d: %s; ignored", err.line, err.text);
    json_decref(root);
    px_buf_free(&p);
    return;
  }
  m->source = str_field(root, "source", side, o);
  m->published = str_field(root, "published", side, o);
  m->url = str_field(root, "url", side, o);
  m->title = str_field(root, "title", side, o);
  *json = root;
  px_buf_free(&p);
}

void px_sidecar_free(void *json) { json_decref((json_t *)json); }
