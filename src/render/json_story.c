/* json_story.c - the "story" member of the JSON output (docs/schema.md,
 * "Story"): the comparison of the documents, every item citing its
 * sentences as {"doc": ID, "sentence": INDEX}. */
#include "render/json_story.h"

#include <math.h>
#include <string.h>

const char *px_json_doc_id(const px_story *s, uint32_t doc) {
  const px_doc *d = px_corpus_doc(px_story_corpus(s), doc);
  const char *id = d ? px_doc_meta(d, PX_META_ID) : NULL;
  return id ? id : "";
}

static void sentence_text(px_jsonw *w, const px_story *s, px_sref r) {
  size_t len = 0;
  const char *t = px_story_sentence(s, r, &len);
  if (t) px_jw_string(w, t, len);
  else px_jw_null(w);
}

void px_json_sref_fields(px_jsonw *w, const px_story *s, px_sref r) {
  px_jw_key(w, "doc");
  px_jw_cstring(w, px_json_doc_id(s, r.doc));
  px_jw_key(w, "sentence");
  px_jw_uint(w, r.sentence);
}

/* {"doc": ID, "sentence": INDEX} (and the text when `text`). */
void px_json_sref(px_jsonw *w, const px_story *s, px_sref r, bool text) {
  px_jw_begin_object(w);
  px_json_sref_fields(w, s, r);
  if (text) {
    px_jw_key(w, "text");
    sentence_text(w, s, r);
  }
  px_jw_end_object(w);
}

static void refs(px_jsonw *w, const px_story *s, size_t first, size_t count) {
  size_t n = 0;
  const px_sref *all = px_story_refs(s, &n);
  px_jw_begin_array(w);
  for (size_t i = first; i < first + count && i < n; i++) px_json_sref(w, s, all[i], false);
  px_jw_end_array(w);
}

static void entities(px_jsonw *w, const px_story *s) {
  size_t ne = 0, na = 0;
  const px_story_entity *e = px_story_entities(s, &ne);
  const px_story_alias *a = px_story_aliases(s, &na);
  px_jw_begin_array(w);
  for (size_t i = 0; i < ne; i++) {
    px_jw_begin_object(w);
    px_jw_key(w, "id");
    px_jw_uint(w, i);
    px_jw_key(w, "name");
    px_jw_cstring(w, e[i].name);
    px_jw_key(w, "type");
    px_jw_cstring(w, px_entity_type_name(e[i].type));
    px_jw_key(w, "docs");
    px_jw_uint(w, e[i].doc_count);
    px_jw_key(w, "mentions");
    px_jw_uint(w, e[i].mention_count);
    px_jw_key(w, "aliases");
    px_jw_begin_array(w);
    for (size_t k = e[i].first_alias; k < e[i].first_alias + e[i].alias_count && k < na; k++) {
      px_jw_begin_object(w);
      px_jw_key(w, "text");
      px_jw_cstring(w, a[k].text);
      px_jw_key(w, "doc");
      px_jw_cstring(w, px_json_doc_id(s, a[k].doc));
      px_jw_key(w, "count");
      px_jw_uint(w, a[k].count);
      px_jw_end_object(w);
    }
    px_jw_end_array(w);
    px_jw_end_object(w);
  }
  px_jw_end_array(w);
}

static void labels(px_jsonw *w, const px_story *s) {
  size_t na = 0, nl = 0;
  const px_actor *a = px_story_actors(s, &na);
  const px_label *l = px_story_labels(s, &nl);
  px_jw_begin_array(w);
  for (size_t i = 0; i < na; i++) {
    px_jw_begin_object(w);
    px_jw_key(w, "actor");
    px_jw_cstring(w, a[i].name);
    px_jw_key(w, "entity");
    if (a[i].entity >= 0) px_jw_int(w, a[i].entity);
    else px_jw_null(w);
    px_jw_key(w, "evidence");
    px_jw_cstring(w, a[i].evidence);
    px_jw_key(w, "by_source");
    px_jw_begin_object(w);
    size_t end = a[i].first_label + a[i].label_count;
    for (size_t k = a[i].first_label; k < end && k < nl;) {
      uint32_t doc = l[k].doc; /* labels are ordered by doc within an actor */
      px_jw_key(w, px_json_doc_id(s, doc));
      px_jw_begin_array(w);
      for (; k < end && k < nl && l[k].doc == doc; k++) {
        px_jw_begin_object(w);
        px_jw_key(w, "label");
        px_jw_cstring(w, l[k].text);
        px_jw_key(w, "count");
        px_jw_uint(w, l[k].count);
        px_jw_key(w, "tone");
        px_jw_cstring(w, px_tone_name(l[k].tone));
        px_jw_key(w, "sentences");
        refs(w, s, l[k].first_ref, l[k].ref_count);
        px_jw_end_object(w);
      }
      px_jw_end_array(w);
    }
    px_jw_end_object(w);
    px_jw_end_object(w);
  }
  px_jw_end_array(w);
}

static void claim(px_jsonw *w, const px_story *s, const px_claim *c, size_t index) {
  const px_doc *d = px_corpus_doc(px_story_corpus(s), c->doc);
  size_t ns = 0, nse = 0;
  const px_span *sents = d ? px_doc_layer(d, PX_LAYER_SENTENCES, &ns) : NULL;
  const px_story_entity *ents = px_story_entities(s, &nse);
  px_jw_begin_object(w);
  px_jw_key(w, "id");
  px_jw_uint(w, index);
  px_jw_key(w, "doc");
  px_jw_cstring(w, px_json_doc_id(s, c->doc));
  px_jw_key(w, "text");
  px_jw_string(w, d ? px_doc_text(d, NULL) + c->start : "", d ? c->end - c->start : 0);
  px_jw_key(w, "start");
  px_jw_uint(w, c->start);
  px_jw_key(w, "end");
  px_jw_uint(w, c->end);
  if (c->kind == PX_CLAIM_QUANTITY) {
    px_jw_key(w, "value");
    px_jw_double(w, c->value);
    if (!isnan(c->value_max)) {
      px_jw_key(w, "value_max");
      px_jw_double(w, c->value_max);
    }
    px_jw_key(w, "approx");
    px_jw_cstring(w, px_approx_name(c->approx));
    px_jw_key(w, "unit");
    px_jw_cstring(w, c->unit);
  } else {
    px_jw_key(w, "date");
    px_jw_cstring(w, c->date);
  }
  px_jw_key(w, "as_of");
  px_jw_cstring(w, c->as_of);
  px_jw_key(w, "speaker");
  px_jw_cstring(w, c->speaker >= 0 && (size_t)c->speaker < nse ? ents[c->speaker].name : NULL);
  px_jw_key(w, "sentence");
  px_jw_begin_object(w);
  px_jw_key(w, "index");
  px_jw_uint(w, c->sentence);
  if (sents && c->sentence < ns) {
    px_jw_key(w, "start");
    px_jw_uint(w, sents[c->sentence].start);
    px_jw_key(w, "end");
    px_jw_uint(w, sents[c->sentence].end);
  }
  px_jw_end_object(w);
  px_jw_end_object(w);
}

static void claim_groups(px_jsonw *w, const px_story *s) {
  size_t ng = 0, nc = 0, np = 0;
  const px_claim_group *g = px_story_claim_groups(s, &ng);
  const px_claim *c = px_story_claims(s, &nc);
  const px_claim_pair *p = px_story_claim_pairs(s, &np);
  px_jw_begin_array(w);
  for (size_t i = 0; i < ng; i++) {
    px_jw_begin_object(w);
    px_jw_key(w, "measure");
    px_jw_cstring(w, g[i].measure);
    px_jw_key(w, "kind");
    px_jw_cstring(w, px_verdict_name(g[i].verdict));
    px_jw_key(w, "claim_kind");
    px_jw_cstring(w, px_claim_kind_name(g[i].kind));
    px_jw_key(w, "claims");
    px_jw_begin_array(w);
    for (size_t k = g[i].first_claim; k < g[i].first_claim + g[i].claim_count && k < nc; k++) claim(w, s, &c[k], k);
    px_jw_end_array(w);
    px_jw_key(w, "pairs");
    px_jw_begin_array(w);
    for (size_t k = g[i].first_pair; k < g[i].first_pair + g[i].pair_count && k < np; k++) {
      px_jw_begin_object(w);
      px_jw_key(w, "a");
      px_jw_uint(w, p[k].a);
      px_jw_key(w, "b");
      px_jw_uint(w, p[k].b);
      px_jw_key(w, "relation");
      px_jw_cstring(w, px_verdict_name(p[k].relation));
      px_jw_end_object(w);
    }
    px_jw_end_array(w);
    px_jw_end_object(w);
  }
  px_jw_end_array(w);
}

static void corroboration(px_jsonw *w, const px_story *s) {
  size_t n = 0;
  const px_support *sp = px_story_supports(s, &n);
  px_jw_begin_array(w);
  for (size_t i = 0; i < n;) {
    px_sref from = sp[i].from;
    px_jw_begin_object(w);
    px_json_sref_fields(w, s, from);
    px_jw_key(w, "supported_by");
    px_jw_begin_array(w);
    for (; i < n && sp[i].from.doc == from.doc && sp[i].from.sentence == from.sentence; i++) {
      px_jw_begin_object(w);
      px_json_sref_fields(w, s, sp[i].to);
      px_jw_key(w, "score");
      px_jw_double(w, round(sp[i].score * 1000) / 1000);
      px_jw_end_object(w);
    }
    px_jw_end_array(w);
    px_jw_end_object(w);
  }
  px_jw_end_array(w);
}

static void overlap(px_jsonw *w, const px_story *s) {
  size_t nd = px_corpus_count(px_story_corpus(s));
  px_jw_begin_array(w);
  for (size_t a = 0; a < nd; a++)
    for (size_t b = 0; b < nd; b++) {
      size_t k = a == b ? 0 : px_story_shared(s, a, b);
      if (!k) continue;
      px_jw_begin_object(w);
      px_jw_key(w, "doc");
      px_jw_cstring(w, px_json_doc_id(s, (uint32_t)a));
      px_jw_key(w, "with");
      px_jw_cstring(w, px_json_doc_id(s, (uint32_t)b));
      px_jw_key(w, "sentences");
      px_jw_uint(w, k);
      px_jw_end_object(w);
    }
  px_jw_end_array(w);
}

static void exclusives(px_jsonw *w, const px_story *s) {
  size_t n = 0;
  const px_exclusive *x = px_story_exclusives(s, &n);
  px_jw_begin_array(w);
  for (size_t i = 0; i < n; i++) {
    px_jw_begin_object(w);
    px_json_sref_fields(w, s, x[i].ref);
    px_jw_key(w, "salience");
    px_jw_double(w, round(x[i].salience * 1000) / 1000);
    px_jw_key(w, "text");
    sentence_text(w, s, x[i].ref);
    px_jw_end_object(w);
  }
  px_jw_end_array(w);
}

static void timeline(px_jsonw *w, const px_story *s) {
  size_t ne = 0, ns = 0;
  const px_event *e = px_story_events(s, &ne);
  const px_event_source *src = px_story_event_sources(s, &ns);
  px_jw_begin_array(w);
  for (size_t i = 0; i < ne; i++) {
    px_jw_begin_object(w);
    px_jw_key(w, "date");
    px_jw_cstring(w, e[i].date);
    px_jw_key(w, "event");
    px_jw_cstring(w, e[i].event);
    px_jw_key(w, "disputed");
    px_jw_bool(w, e[i].disputed);
    px_jw_key(w, "sources");
    px_jw_begin_array(w);
    for (size_t k = e[i].first_source; k < e[i].first_source + e[i].source_count && k < ns; k++) {
      px_jw_begin_object(w);
      px_json_sref_fields(w, s, src[k].ref);
      px_jw_key(w, "date");
      px_jw_cstring(w, src[k].date);
      if (src[k].end > src[k].start) {
        px_jw_key(w, "start");
        px_jw_uint(w, src[k].start);
        px_jw_key(w, "end");
        px_jw_uint(w, src[k].end);
      }
      px_jw_end_object(w);
    }
    px_jw_end_array(w);
    px_jw_end_object(w);
  }
  px_jw_end_array(w);
}

void px_json_story(px_jsonw *w, const px_story *s) {
  px_jw_begin_object(w);
  px_jw_key(w, "entities");
  entities(w, s);
  px_jw_key(w, "labels");
  labels(w, s);
  px_jw_key(w, "claim_groups");
  claim_groups(w, s);
  px_jw_key(w, "corroboration");
  corroboration(w, s);
  px_jw_key(w, "overlap");
  overlap(w, s);
  px_jw_key(w, "exclusive");
  exclusives(w, s);
  px_jw_key(w, "timeline");
  timeline(w, s);
  px_jw_key(w, "framing");
  px_json_story_framing(w, s);
  px_jw_key(w, "summary");
  px_json_story_summary(w, s);
  px_jw_end_object(w);
}
