/* json_story.h - the "story" member of the JSON output. */
#ifndef PX_JSON_STORY_H
#define PX_JSON_STORY_H

#include "render/jsonw.h"

/* Writes the story object (the caller wrote the "story" key). */
void px_json_story(px_jsonw *w, const px_story *s);
/* Its "framing" array and "summary" object (json_summary.c). */
void px_json_story_framing(px_jsonw *w, const px_story *s);
void px_json_story_summary(px_jsonw *w, const px_story *s);
/* The "doc" and "sentence" members of a sentence reference (inside an object the caller opened). */
void px_json_sref_fields(px_jsonw *w, const px_story *s, px_sref r);
/* {"doc": ID, "sentence": INDEX}, with the sentence's text when `text`. */
void px_json_sref(px_jsonw *w, const px_story *s, px_sref r, bool text);
/* The id of document `doc` of the story's corpus ("" when unset). */
const char *px_json_doc_id(const px_story *s, uint32_t doc);

#endif
