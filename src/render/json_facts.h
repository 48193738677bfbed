/* json_facts.h - the fact layers as JSON (shared by the document renderer and the annotation stream). */
#ifndef PX_JSON_FACTS_H
#define PX_JSON_FACTS_H

#include "jsonw.h"

/* The fact layers, in the order px_doc_analyze() computes their output. */
typedef enum px_fact_layer { PX_FACT_QUANTITIES = 0, PX_FACT_TIMES, PX_FACT_ENTITIES, PX_FACT_QUOTES, PX_FACT__COUNT } px_fact_layer;

/* Layer name as in JSON ("quantities", ...). */
const char *px_fact_layer_name(px_fact_layer l);
/* Number of items in a layer. */
size_t px_fact_count(const px_doc *d, px_fact_layer l);
/* Writes the fields of item i (inside an object the caller opened). */
void px_json_fact_fields(px_jsonw *w, const px_doc *d, px_fact_layer l, size_t i);
/* Writes "source_of_claim": {entity, name} or null for an entity index. */
void px_json_source(px_jsonw *w, const px_doc *d, const char *key, int32_t entity);
/* Writes the document's fact keys (published_inferred and one array per layer); nothing when not analysed. */
void px_json_facts(px_jsonw *w, const px_doc *d);

#endif
