/* annotations.c - the fact layers as a JSONL stream, one record per annotation
 * (`parallax annotate`), for shell pipelines. Entities give one record per mention. */
#include "json_facts.h"

/* One entity mention with the fields of its entity. */
static void mention_record(px_jsonw *w, const px_doc *d, const px_mention *m) {
  size_t ne, len;
  const px_entity *e = px_doc_entities(d, &ne);
  const char *text = px_doc_text(d, &len);
  px_jw_key(w, "start");
  px_jw_uint(w, m->start);
  px_jw_key(w, "end");
  px_jw_uint(w, m->end);
  px_jw_key(w, "text");
  px_jw_string(w, text + m->start, m->end - m->start);
  px_jw_key(w, "kind");
  px_jw_cstring(w, px_mention_kind_name(m->kind));
  px_jw_key(w, "entity");
  px_jw_int(w, m->entity);
  bool ok = m->entity >= 0 && (size_t)m->entity < ne;
  px_jw_key(w, "type");
  px_jw_cstring(w, ok ? px_entity_type_name(e[m->entity].type) : NULL);
  px_jw_key(w, "name");
  px_jw_cstring(w, ok ? e[m->entity].name : NULL);
  px_jw_key(w, "head");
  px_jw_cstring(w, ok ? e[m->entity].head : NULL);
  px_jw_key(w, "sentence");
  px_jw_int(w, m->sentence);
  px_jw_key(w, "in_quote");
  px_jw_bool(w, m->in_quote);
}

static void begin_record(px_jsonw *w, const px_doc *d, px_fact_layer l) {
  px_jw_begin_object(w);
  px_jw_key(w, "doc");
  px_jw_cstring(w, px_doc_meta(d, PX_META_ID));
  px_jw_key(w, "layer");
  px_jw_cstring(w, px_fact_layer_name(l));
}

static void end_record(px_jsonw *w) {
  px_jw_end_object(w);
  px_buf_putc(&w->buf, '\n');
  w->first[0] = true; /* the next record is a new top-level value, not a list item */
}

int px_render_annotations(const px_corpus *c, FILE *out, unsigned layers) {
  px_jsonw w;
  px_jw_init(&w, out, false);
  w.lines = true;
  for (size_t k = 0; k < px_corpus_count(c); k++) {
    const px_doc *d = px_corpus_doc(c, k);
    for (int l = 0; l < PX_FACT__COUNT; l++) {
      if (!(layers & (1u << l))) continue;
      if (l == PX_FACT_ENTITIES) {
        size_t n;
        const px_mention *m = px_doc_mentions(d, &n);
        for (size_t i = 0; i < n; i++) {
          begin_record(&w, d, (px_fact_layer)l);
          mention_record(&w, d, &m[i]);
          end_record(&w);
        }
        continue;
      }
      size_t n = px_fact_count(d, (px_fact_layer)l);
      for (size_t i = 0; i < n; i++) {
        begin_record(&w, d, (px_fact_layer)l);
        px_json_fact_fields(&w, d, (px_fact_layer)l, i);
        end_record(&w);
      }
    }
  }
  return px_jw_finish(&w);
}
