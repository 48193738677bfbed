/* corpus.c - an ordered list of documents. */
#include "internal.h"

#include <stdlib.h>

struct px_corpus {
  px_doc **docs;
  size_t n;
  size_t cap;
};

px_corpus *px_corpus_new(void) { return calloc(1, sizeof(px_corpus)); }

void px_corpus_free(px_corpus *c) {
  if (!c) return;
  for (size_t i = 0; i < c->n; i++) px_doc_free(c->docs[i]);
  free(c->docs);
  free(c);
}

size_t px_corpus_count(const px_corpus *c) { return c->n; }

px_doc *px_corpus_doc(const px_corpus *c, size_t i) { return i < c->n ? c->docs[i] : NULL; }

int px_corpus_add(px_corpus *c, px_doc *doc) {
  if (!doc) return PX_EARG;
  if (c->n == c->cap) {
    size_t cap = c->cap ? c->cap * 2 : 16;
    px_doc **p = realloc(c->docs, cap * sizeof *p);
    if (!p) {
      px_doc_free(doc);
      return PX_ENOMEM;
    }
    c->docs = p;
    c->cap = cap;
  }
  c->docs[c->n++] = doc;
  return PX_OK;
}
