/* json_summary.c - the story's "framing" array and "summary" object in JSON. */
#include "render/json_story.h"

#include <math.h>

static void term_list(px_jsonw *w, const px_story *s, const px_framing *f) {
  size_t n = 0, nr = 0;
  const px_term *t = px_story_terms(s, &n);
  const px_sref *r = px_story_refs(s, &nr);
  px_jw_begin_array(w);
  for (size_t k = f->first_term; k < f->first_term + f->term_count && k < n; k++) {
    px_jw_begin_object(w);
    px_jw_key(w, "term");
    px_jw_cstring(w, t[k].text);
    px_jw_key(w, "count");
    px_jw_uint(w, t[k].count);
    px_jw_key(w, "zeta");
    px_jw_double(w, round(t[k].zeta * 100) / 100);
    px_jw_key(w, "sentences");
    px_jw_begin_array(w);
    for (size_t i = t[k].first_ref; i < t[k].first_ref + t[k].ref_count && i < nr; i++) px_jw_uint(w, r[i].sentence);
    px_jw_end_array(w);
    px_jw_end_object(w);
  }
  px_jw_end_array(w);
}

static void marker_list(px_jsonw *w, const px_story *s, const px_framing *f) {
  size_t n = 0;
  const px_marker *m = px_story_markers(s, &n);
  const px_doc *d = px_corpus_doc(px_story_corpus(s), f->doc);
  const char *text = d ? px_doc_text(d, NULL) : "";
  px_jw_begin_array(w);
  for (size_t k = f->first_marker; k < f->first_marker + f->marker_count && k < n; k++) {
    px_jw_begin_object(w);
    px_jw_key(w, "kind");
    px_jw_cstring(w, px_marker_kind_name(m[k].kind));
    px_jw_key(w, "text");
    px_jw_string(w, text + m[k].start, m[k].end - m[k].start);
    px_jw_key(w, "cue");
    px_jw_cstring(w, m[k].cue);
    px_jw_key(w, "start");
    px_jw_uint(w, m[k].start);
    px_jw_key(w, "end");
    px_jw_uint(w, m[k].end);
    px_jw_key(w, "sentence");
    px_jw_uint(w, m[k].sentence);
    px_jw_end_object(w);
  }
  px_jw_end_array(w);
}

static void quoted_list(px_jsonw *w, const px_story *s, const px_framing *f) {
  size_t n = 0, ne = 0, na = 0;
  const px_quoted *q = px_story_quoted(s, &n);
  const px_story_entity *e = px_story_entities(s, &ne);
  const px_actor *a = px_story_actors(s, &na);
  px_jw_begin_array(w);
  for (size_t k = f->first_quoted; k < f->first_quoted + f->quoted_count && k < n; k++) {
    px_jw_begin_object(w);
    px_jw_key(w, "speaker");
    px_jw_cstring(w, q[k].entity >= 0 && (size_t)q[k].entity < ne ? e[q[k].entity].name : NULL);
    px_jw_key(w, "entity");
    if (q[k].entity >= 0) px_jw_int(w, q[k].entity);
    else px_jw_null(w);
    px_jw_key(w, "actor");
    px_jw_cstring(w, q[k].actor >= 0 && (size_t)q[k].actor < na ? a[q[k].actor].name : NULL);
    px_jw_key(w, "count");
    px_jw_uint(w, q[k].count);
    px_jw_key(w, "share");
    px_jw_double(w, round(q[k].share * 1000) / 1000);
    px_jw_end_object(w);
  }
  px_jw_end_array(w);
}

void px_json_story_framing(px_jsonw *w, const px_story *s) {
  size_t n = 0;
  const px_framing *f = px_story_framing(s, &n);
  px_jw_begin_array(w);
  for (size_t i = 0; i < n; i++) {
    px_jw_begin_object(w);
    px_jw_key(w, "doc");
    px_jw_cstring(w, px_json_doc_id(s, f[i].doc));
    px_jw_key(w, "words");
    px_jw_uint(w, f[i].words);
    px_jw_key(w, "distinctive_terms");
    term_list(w, s, &f[i]);
    px_jw_key(w, "markers");
    marker_list(w, s, &f[i]);
    px_jw_key(w, "quoted_speakers");
    quoted_list(w, s, &f[i]);
    px_jw_end_object(w);
  }
  px_jw_end_array(w);
}

/* The documents behind a summary item: its refs, each document once, in ref order. */
static void sources(px_jsonw *w, const px_story *s, const px_summary_item *it) {
  size_t nr = 0;
  const px_sref *r = px_story_refs(s, &nr);
  px_jw_begin_array(w);
  for (size_t i = it->first_ref; i < it->first_ref + it->ref_count && i < nr; i++) {
    bool seen = false;
    for (size_t j = it->first_ref; j < i && !seen; j++) seen = r[j].doc == r[i].doc;
    if (!seen) px_jw_cstring(w, px_json_doc_id(s, r[i].doc));
  }
  px_jw_end_array(w);
}

static void item(px_jsonw *w, const px_story *s, const px_summary_item *it) {
  size_t nr = 0;
  const px_sref *r = px_story_refs(s, &nr);
  px_jw_begin_object(w);
  px_jw_key(w, "text");
  size_t len = 0;
  const char *t = px_story_sentence(s, it->ref, &len);
  if (t) px_jw_string(w, t, len);
  else px_jw_null(w);
  px_json_sref_fields(w, s, it->ref);
  px_jw_key(w, "sources");
  sources(w, s, it);
  px_jw_key(w, "sentences");
  px_jw_begin_array(w);
  for (size_t i = it->first_ref; i < it->first_ref + it->ref_count && i < nr; i++) px_json_sref(w, s, r[i], false);
  px_jw_end_array(w);
  px_jw_end_object(w);
}

void px_json_story_summary(px_jsonw *w, const px_story *s) {
  size_t n = 0;
  const px_summary_item *it = px_story_summary(s, &n);
  px_jw_begin_object(w);
  px_jw_key(w, "agreed");
  px_jw_begin_array(w);
  for (size_t i = 0; i < n; i++)
    if (it[i].section == PX_SUMMARY_AGREED) item(w, s, &it[i]);
  px_jw_end_array(w);
  px_jw_key(w, "contested");
  px_jw_begin_array(w);
  for (size_t i = 0; i < n;) {
    if (it[i].section != PX_SUMMARY_CONTESTED) {
      i++;
      continue;
    }
    const char *topic = it[i].topic;
    px_jw_begin_object(w);
    px_jw_key(w, "topic");
    px_jw_cstring(w, topic);
    px_jw_key(w, "group");
    if (it[i].group >= 0) px_jw_int(w, it[i].group);
    else px_jw_null(w);
    px_jw_key(w, "versions");
    px_jw_begin_array(w);
    int32_t group = it[i].group;
    for (; i < n && it[i].section == PX_SUMMARY_CONTESTED && it[i].group == group && it[i].topic == topic; i++)
      item(w, s, &it[i]);
    px_jw_end_array(w);
    px_jw_end_object(w);
  }
  px_jw_end_array(w);
  px_jw_key(w, "exclusive");
  px_jw_begin_array(w);
  for (size_t i = 0; i < n; i++)
    if (it[i].section == PX_SUMMARY_EXCLUSIVE) item(w, s, &it[i]);
  px_jw_end_array(w);
  px_jw_end_object(w);
}
