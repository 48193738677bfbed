/* json.c - the corpus as JSON (schema parallax/1, docs/schema.md). */
#include "json_facts.h"
#include "json_story.h"

static const char *const para_kinds[] = {"text", "headline", "heading", "list_item", "byline"};
static const char *const token_kinds[] = {"word", "number", "punct", "symbol", "url", "email"};

static const char *kind_name(const char *const *names, size_t n, uint32_t k) {
  return k < n ? names[k] : "other";
}

/* Tokens carry their Porter2 stem (words only). */
static void token_stem(px_jsonw *w, px_stemmer *st, const px_doc *d, const px_span *t) {
  char stem[128];
  const char *text = px_doc_text(d, NULL);
  int n = t->kind == PX_TOK_WORD && st ? px_stem(st, text + t->start, t->end - t->start, stem, sizeof stem) : -1;
  px_jw_key(w, "stem");
  if (n >= 0 && (size_t)n < sizeof stem) px_jw_string(w, stem, (size_t)n);
  else px_jw_null(w);
}

static void spans(px_jsonw *w, const px_doc *d, px_layer_id id, px_stemmer *st) {
  size_t n;
  const px_span *s = px_doc_layer(d, id, &n);
  px_jw_key(w, px_layer_name(id));
  if (!s) {
    px_jw_null(w);
    return;
  }
  bool pretty = w->pretty;
  px_jw_begin_array(w);
  w->pretty = false; /* one span per line at most: keep spans compact */
  for (size_t i = 0; i < n; i++) {
    if (pretty) {
      px_buf_putc(&w->buf, i ? ',' : ' ');
      w->first[w->depth] = true;
    }
    px_jw_begin_object(w);
    px_jw_key(w, "start");
    px_jw_uint(w, s[i].start);
    px_jw_key(w, "end");
    px_jw_uint(w, s[i].end);
    if (id == PX_LAYER_PARAGRAPHS) {
      px_jw_key(w, "kind");
      px_jw_cstring(w, kind_name(para_kinds, sizeof para_kinds / sizeof *para_kinds, s[i].kind));
    } else if (id == PX_LAYER_SENTENCES) {
      px_jw_key(w, "paragraph");
      px_jw_uint(w, s[i].aux);
      if (px_doc_is_analyzed(d)) px_json_source(w, d, "source_of_claim", px_doc_sentence_source(d, i));
    } else if (id == PX_LAYER_TOKENS) {
      px_jw_key(w, "kind");
      px_jw_cstring(w, kind_name(token_kinds, sizeof token_kinds / sizeof *token_kinds, s[i].kind));
      px_jw_key(w, "sentence");
      px_jw_uint(w, s[i].aux);
      token_stem(w, st, d, &s[i]);
    }
    px_jw_end_object(w);
  }
  w->pretty = pretty;
  px_jw_end_array(w);
}

static void document(px_jsonw *w, const px_doc *d, unsigned flags, px_stemmer *st) {
  px_jw_begin_object(w);
  for (int k = 0; k < PX_META__COUNT; k++) {
    px_jw_key(w, px_meta_name((px_meta_key)k));
    if (k == PX_META_AUTHORS) { /* a list, one name per author */
      px_jw_begin_array(w);
      for (size_t i = 0; i < px_doc_author_count(d); i++) px_jw_cstring(w, px_doc_author(d, i));
      px_jw_end_array(w);
    } else {
      px_jw_cstring(w, px_doc_meta(d, (px_meta_key)k));
    }
  }
  size_t len;
  const char *text = px_doc_text(d, &len);
  px_jw_key(w, "length");
  px_jw_uint(w, len);
  if (flags & PX_RENDER_TEXT) {
    px_jw_key(w, "text");
    px_jw_string(w, text, len);
  }
  spans(w, d, PX_LAYER_PARAGRAPHS, st);
  spans(w, d, PX_LAYER_SENTENCES, st);
  if (flags & PX_RENDER_TOKENS) spans(w, d, PX_LAYER_TOKENS, st);
  px_json_facts(w, d);
  px_jw_key(w, "removed");
  px_jw_begin_array(w);
  for (size_t i = 0; i < px_doc_removed_count(d); i++) {
    const char *reason;
    const char *t = px_doc_removed(d, i, &reason);
    px_jw_begin_object(w);
    px_jw_key(w, "text");
    px_jw_cstring(w, t);
    px_jw_key(w, "reason");
    px_jw_cstring(w, reason);
    px_jw_end_object(w);
  }
  px_jw_end_array(w);
  px_jw_end_object(w);
}

int px_render_json(const px_corpus *c, FILE *out, unsigned flags) {
  return px_render_story_json(c, NULL, out, flags);
}

int px_render_story_json(const px_corpus *c, const px_story *story, FILE *out, unsigned flags) {
  px_jsonw w;
  px_jw_init(&w, out, (flags & PX_RENDER_PRETTY) != 0);
  px_jw_begin_object(&w);
  px_jw_key(&w, "schema");
  px_jw_cstring(&w, PX_SCHEMA);
  px_jw_key(&w, "generator");
  px_jw_cstring(&w, "parallax " PX_VERSION_STRING);
  px_jw_key(&w, "documents");
  px_jw_begin_array(&w);
  px_stemmer *st = (flags & PX_RENDER_TOKENS) ? px_stemmer_new() : NULL;
  for (size_t i = 0; i < px_corpus_count(c); i++) document(&w, px_corpus_doc(c, i), flags, st);
  px_stemmer_free(st);
  px_jw_end_array(&w);
  if (story) {
    px_jw_key(&w, "story");
    px_json_story(&w, story);
  }
  px_jw_end_object(&w);
  return px_jw_finish(&w);
}
