/* json_facts.c - quantities, times, entities and quotes as JSON (docs/schema.md). */
#include "json_facts.h"

#include <math.h>
#include <string.h>

static const char *const layer_names[PX_FACT__COUNT] = {"quantities", "times", "entities", "quotes"};

const char *px_fact_layer_name(px_fact_layer l) { return (unsigned)l < PX_FACT__COUNT ? layer_names[l] : "?"; }

size_t px_fact_count(const px_doc *d, px_fact_layer l) {
  size_t n = 0;
  switch (l) {
  case PX_FACT_QUANTITIES: px_doc_quantities(d, &n); break;
  case PX_FACT_TIMES: px_doc_times(d, &n); break;
  case PX_FACT_ENTITIES: px_doc_entities(d, &n); break;
  case PX_FACT_QUOTES: px_doc_quotes(d, &n); break;
  default: break;
  }
  return n;
}

/* "start", "end" and "text" of a span. */
static void span_fields(px_jsonw *w, const px_doc *d, size_t start, size_t end) {
  size_t len;
  const char *text = px_doc_text(d, &len);
  if (end > len) end = len;
  if (start > end) start = end;
  px_jw_key(w, "start");
  px_jw_uint(w, start);
  px_jw_key(w, "end");
  px_jw_uint(w, end);
  px_jw_key(w, "text");
  px_jw_string(w, text + start, end - start);
}

/* An optional span as {"start", "end", "text"}, or null when empty. */
static void span_object(px_jsonw *w, const px_doc *d, const char *key, size_t start, size_t end) {
  px_jw_key(w, key);
  if (end <= start) {
    px_jw_null(w);
    return;
  }
  px_jw_begin_object(w);
  span_fields(w, d, start, end);
  px_jw_end_object(w);
}

static void sentence_field(px_jsonw *w, int32_t sentence) {
  px_jw_key(w, "sentence");
  if (sentence >= 0) px_jw_uint(w, (uint64_t)sentence);
  else px_jw_null(w);
}

void px_json_source(px_jsonw *w, const px_doc *d, const char *key, int32_t entity) {
  size_t n;
  const px_entity *e = px_doc_entities(d, &n);
  px_jw_key(w, key);
  if (entity < 0 || (size_t)entity >= n) {
    px_jw_null(w);
    return;
  }
  px_jw_begin_object(w);
  px_jw_key(w, "entity");
  px_jw_uint(w, (uint64_t)entity);
  px_jw_key(w, "name");
  px_jw_cstring(w, e[entity].name);
  px_jw_end_object(w);
}

static void quantity(px_jsonw *w, const px_doc *d, const px_quantity *q) {
  span_fields(w, d, q->start, q->end);
  px_jw_key(w, "value");
  px_jw_double(w, q->value);
  px_jw_key(w, "value_max");
  if (isnan(q->value_max)) px_jw_null(w);
  else px_jw_double(w, q->value_max);
  px_jw_key(w, "approx");
  px_jw_cstring(w, px_approx_name(q->approx));
  px_jw_key(w, "unit");
  px_jw_cstring(w, q->unit);
  px_jw_key(w, "category");
  px_jw_cstring(w, px_qty_category_name(q->category));
  span_object(w, d, "of", q->of_start, q->of_end);
  sentence_field(w, q->sentence);
  px_json_source(w, d, "source_of_claim", q->source);
  px_jw_key(w, "in_quote");
  px_jw_bool(w, q->in_quote);
}

static void time_item(px_jsonw *w, const px_doc *d, const px_time *t) {
  span_fields(w, d, t->start, t->end);
  px_jw_key(w, "type");
  px_jw_cstring(w, px_time_type_name(t->type));
  px_jw_key(w, "value");
  px_jw_cstring(w, t->value);
  px_jw_key(w, "value_max");
  px_jw_cstring(w, t->value_max);
  px_jw_key(w, "mod");
  px_jw_cstring(w, px_time_mod_name(t->mod));
  px_jw_key(w, "anchor");
  px_jw_cstring(w, t->anchor);
  sentence_field(w, t->sentence);
  px_jw_key(w, "in_quote");
  px_jw_bool(w, t->in_quote);
}

static void mention(px_jsonw *w, const px_doc *d, const px_mention *m) {
  size_t len;
  const char *text = px_doc_text(d, &len);
  px_jw_begin_object(w);
  span_fields(w, d, m->start, m->end);
  px_jw_key(w, "kind");
  px_jw_cstring(w, px_mention_kind_name(m->kind));
  if (m->kind == PX_MENTION_GROUP && m->head_end > m->head_start && m->head_end <= len) {
    px_jw_key(w, "head");
    px_jw_string(w, text + m->head_start, m->head_end - m->head_start);
    /* The modifiers: everything before the head, as written ("armed opposition"). */
    size_t mend = m->head_start;
    while (mend > m->start && px_is_space((unsigned char)text[mend - 1])) mend--;
    px_jw_key(w, "modifiers");
    if (mend > m->start) px_jw_string(w, text + m->start, mend - m->start);
    else px_jw_null(w);
  }
  sentence_field(w, m->sentence);
  px_jw_key(w, "in_quote");
  px_jw_bool(w, m->in_quote);
  px_jw_end_object(w);
}

static void entity(px_jsonw *w, const px_doc *d, const px_entity *e, size_t index) {
  px_jw_key(w, "id");
  px_jw_uint(w, index);
  px_jw_key(w, "type");
  px_jw_cstring(w, px_entity_type_name(e->type));
  px_jw_key(w, "name");
  px_jw_cstring(w, e->name);
  px_jw_key(w, "role");
  px_jw_cstring(w, e->role);
  px_jw_key(w, "affiliation");
  px_jw_cstring(w, e->affiliation);
  px_jw_key(w, "head");
  px_jw_cstring(w, e->head);
  size_t n;
  const px_mention *m = px_doc_mentions(d, &n);
  px_jw_key(w, "mentions");
  px_jw_begin_array(w);
  for (size_t i = e->first_mention; i < n; i++)
    if (m[i].entity == (int32_t)index) mention(w, d, &m[i]);
  px_jw_end_array(w);
}

static void quote(px_jsonw *w, const px_doc *d, const px_quote *q) {
  span_fields(w, d, q->start, q->end);
  px_jw_key(w, "kind");
  px_jw_cstring(w, px_quote_kind_name(q->kind));
  px_json_source(w, d, "speaker", q->speaker);
  span_object(w, d, "speaker_mention", q->speaker_start, q->speaker_end);
  px_jw_key(w, "verb");
  px_jw_cstring(w, q->verb);
  span_object(w, d, "verb_text", q->verb_start, q->verb_end);
  sentence_field(w, q->sentence);
}

void px_json_fact_fields(px_jsonw *w, const px_doc *d, px_fact_layer l, size_t i) {
  size_t n;
  switch (l) {
  case PX_FACT_QUANTITIES: quantity(w, d, &px_doc_quantities(d, &n)[i]); break;
  case PX_FACT_TIMES: time_item(w, d, &px_doc_times(d, &n)[i]); break;
  case PX_FACT_ENTITIES: entity(w, d, &px_doc_entities(d, &n)[i], i); break;
  case PX_FACT_QUOTES: quote(w, d, &px_doc_quotes(d, &n)[i]); break;
  default: break;
  }
}

void px_json_facts(px_jsonw *w, const px_doc *d) {
  if (!px_doc_is_analyzed(d)) return;
  const char *evidence;
  const char *inferred = px_doc_published_inferred(d, &evidence);
  px_jw_key(w, "published_inferred");
  if (inferred) {
    px_jw_begin_object(w);
    px_jw_key(w, "value");
    px_jw_cstring(w, inferred);
    px_jw_key(w, "evidence");
    px_jw_cstring(w, evidence);
    px_jw_end_object(w);
  } else {
    px_jw_null(w);
  }
  for (int l = 0; l < PX_FACT__COUNT; l++) {
    px_jw_key(w, layer_names[l]);
    px_jw_begin_array(w);
    size_t n = px_fact_count(d, (px_fact_layer)l);
    for (size_t i = 0; i < n; i++) {
      px_jw_begin_object(w);
      px_json_fact_fields(w, d, (px_fact_layer)l, i);
      px_jw_end_object(w);
    }
    px_jw_end_array(w);
  }
}
