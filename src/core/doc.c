/* doc.c - the document model: text, metadata and stand-off layers. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

struct px_doc {
  char *text;
  size_t len;
  char *meta[PX_META__COUNT];
  px_span *layers[PX_LAYER__COUNT];
  size_t layer_n[PX_LAYER__COUNT];
  bool layer_set[PX_LAYER__COUNT];
  struct removed {
    char *text;
    const char *reason;
  } *removed;
  size_t n_removed, cap_removed;
  char **authors; /* PX_META_AUTHORS split at "; " */
  size_t n_authors;
  struct px_facts *facts; /* fact layers (core/facts.c) */
};

static const char *const meta_names[PX_META__COUNT] = {
    "id", "source", "url", "published", "title", "path", "format", "authors", "modified", "site", "lang",
    "description", "title_from", "authors_from", "published_from", "modified_from", "site_from", "url_from",
    "lang_from", "description_from"};

static const char *const layer_names[PX_LAYER__COUNT] = {"paragraphs", "sentences", "tokens"};

const char *px_meta_name(px_meta_key key) {
  return (unsigned)key < PX_META__COUNT ? meta_names[key] : "?";
}

const char *px_layer_name(px_layer_id id) {
  return (unsigned)id < PX_LAYER__COUNT ? layer_names[id] : "?";
}

px_doc *px_doc_new(const char *text, size_t len) {
  px_doc *d = calloc(1, sizeof *d);
  if (!d) return NULL;
  d->text = px_strndup(text ? text : "", text ? len : 0);
  if (!d->text) {
    free(d);
    return NULL;
  }
  d->len = text ? len : 0;
  return d;
}

/* Takes ownership of a malloc'd NUL-terminated buffer (used by ingest). */
px_doc *px_doc_adopt(char *text, size_t len) {
  px_doc *d = calloc(1, sizeof *d);
  if (!d) return NULL;
  d->text = text;
  d->len = len;
  return d;
}

void px_doc_free(px_doc *doc) {
  if (!doc) return;
  free(doc->text);
  for (int i = 0; i < PX_META__COUNT; i++) free(doc->meta[i]);
  for (int i = 0; i < PX_LAYER__COUNT; i++) free(doc->layers[i]);
  for (size_t i = 0; i < doc->n_removed; i++) free(doc->removed[i].text);
  free(doc->removed);
  for (size_t i = 0; i < doc->n_authors; i++) free(doc->authors[i]);
  free(doc->authors);
  px_facts_free(doc->facts);
  free(doc);
}

const char *px_doc_text(const px_doc *doc, size_t *len) {
  if (len) *len = doc->len;
  return doc->text;
}

const char *px_doc_meta(const px_doc *doc, px_meta_key key) {
  return (unsigned)key < PX_META__COUNT ? doc->meta[key] : NULL;
}

/* Replaces the author list with `value` split at "; " (NULL: no authors). */
static int split_authors(px_doc *doc, const char *value) {
  size_t n = 0;
  for (const char *p = value; p && *p; n++) {
    const char *sep = strstr(p, "; ");
    p = sep ? sep + 2 : p + strlen(p);
  }
  char **list = n ? calloc(n, sizeof *list) : NULL;
  if (n && !list) return PX_ENOMEM;
  size_t k = 0;
  for (const char *p = value; p && *p && k < n;) {
    const char *sep = strstr(p, "; ");
    size_t len = sep ? (size_t)(sep - p) : strlen(p);
    if (len && !(list[k++] = px_strndup(p, len))) {
      for (size_t j = 0; j < k; j++) free(list[j]);
      free(list);
      return PX_ENOMEM;
    }
    p += len + (sep ? 2 : 0);
  }
  for (size_t i = 0; i < doc->n_authors; i++) free(doc->authors[i]);
  free(doc->authors);
  doc->authors = list;
  doc->n_authors = k;
  return PX_OK;
}

int px_doc_set_meta(px_doc *doc, px_meta_key key, const char *value) {
  if ((unsigned)key >= PX_META__COUNT) return PX_EARG;
  char *copy = NULL;
  if (value && !(copy = px_strdup(value))) return PX_ENOMEM;
  if (key == PX_META_AUTHORS && split_authors(doc, value)) {
    free(copy);
    return PX_ENOMEM;
  }
  free(doc->meta[key]);
  doc->meta[key] = copy;
  return PX_OK;
}

size_t px_doc_author_count(const px_doc *doc) { return doc->n_authors; }

const char *px_doc_author(const px_doc *doc, size_t i) { return i < doc->n_authors ? doc->authors[i] : NULL; }

int px_doc_add_author(px_doc *doc, const char *name) {
  if (!name || !*name) return PX_EARG;
  px_buf b = {0};
  int rc = doc->meta[PX_META_AUTHORS] ? px_buf_printf(&b, "%s; ", doc->meta[PX_META_AUTHORS]) : PX_OK;
  size_t at = b.len;
  if (!rc) rc = px_buf_puts(&b, name);
  for (size_t i = at; !rc && i < b.len; i++)
    if (b.data[i] == ';') b.data[i] = ',';
  if (!rc) rc = px_doc_set_meta(doc, PX_META_AUTHORS, px_buf_cstr(&b));
  px_buf_free(&b);
  return rc;
}

const px_span *px_doc_layer(const px_doc *doc, px_layer_id id, size_t *count) {
  if ((unsigned)id >= PX_LAYER__COUNT || !doc->layer_set[id]) {
    if (count) *count = 0;
    return NULL;
  }
  if (count) *count = doc->layer_n[id];
  /* An empty computed layer is not NULL: point at a static empty array. */
  static const px_span empty[1];
  return doc->layers[id] ? doc->layers[id] : empty;
}

int px_doc_add_layer(px_doc *doc, px_layer_id id, const px_span *spans, size_t count) {
  if ((unsigned)id >= PX_LAYER__COUNT || doc->layer_set[id]) return PX_EARG;
  for (size_t i = 0; i < count; i++) {
    if (spans[i].start > spans[i].end || spans[i].end > doc->len) return PX_EARG;
    if (i && spans[i].start < spans[i - 1].start) return PX_EARG;
  }
  px_span *copy = NULL;
  if (count) {
    copy = malloc(count * sizeof *copy);
    if (!copy) return PX_ENOMEM;
    memcpy(copy, spans, count * sizeof *copy);
  }
  doc->layers[id] = copy;
  doc->layer_n[id] = count;
  doc->layer_set[id] = true;
  return PX_OK;
}

size_t px_doc_removed_count(const px_doc *doc) { return doc->n_removed; }

const char *px_doc_removed(const px_doc *doc, size_t i, const char **reason) {
  if (i >= doc->n_removed) return NULL;
  if (reason) *reason = doc->removed[i].reason;
  return doc->removed[i].text;
}

int px_doc_add_removed(px_doc *doc, const char *text, size_t len, const char *reason) {
  if (doc->n_removed == doc->cap_removed) { /* grow by doubling: 100,000 removed lines are one article */
    size_t cap = doc->cap_removed ? doc->cap_removed * 2 : 8;
    struct removed *p = realloc(doc->removed, cap * sizeof *p);
    if (!p) return PX_ENOMEM;
    doc->removed = p;
    doc->cap_removed = cap;
  }
  char *copy = px_strndup(text, len);
  if (!copy) return PX_ENOMEM;
  doc->removed[doc->n_removed++] = (struct removed){copy, reason};
  return PX_OK;
}

struct px_facts **px_doc_facts_slot(px_doc *doc) { return &doc->facts; }
