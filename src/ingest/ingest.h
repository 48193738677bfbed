/* ingest.h - internal interface of the ingest stage. */
#ifndef PX_INGEST_H
#define PX_INGEST_H

#include "../core/internal.h"

/* Per-document metadata gathered before the text is read. Strings are borrowed. */
typedef struct px_meta_in {
  const char *id, *source, *url, *published, *title, *path;
} px_meta_in;

/* Reads a whole file ("-" = stdin) into a new buffer (*data, freed by the caller).
 * Reports its own errors. Returns PX_OK or a negative code. */
int px_read_all(const char *path, const px_ingest_opts *o, char **data, size_t *len);

/* Checks raw bytes before decoding: PX_EBINARY (NUL bytes, control characters)
 * or PX_EEMPTY (nothing but white space), with a message in `msg`. */
int px_check_bytes(const char *data, size_t len, char *msg, size_t msgsize);

/* Fills `m` from the sidecar NAME.meta.json beside `path`, if there is one.
 * `*json` receives the parsed object (a json_t *, to release with px_sidecar_free)
 * that the strings in `m` point into. Problems are warnings. */
void px_sidecar_load(const char *path, const px_ingest_opts *o, px_meta_in *m, void **json);
void px_sidecar_free(void *json);

/* Makes a document from raw bytes of plain text: cleans them, drops boilerplate
 * lines, finds the headline; sets metadata from `m` and the options. Adds it to
 * `c`. Returns PX_OK or a negative code (already reported). */
int px_ingest_text(px_corpus *c, const char *where, const char *data, size_t len,
                   const px_meta_in *m, const px_ingest_opts *o);

/* Reads JSONL records (one article per line). Returns the number of records that
 * failed (reported), or a negative code when the whole input failed. */
int px_ingest_jsonl(px_corpus *c, const char *where, const char *data, size_t len,
                    const px_ingest_opts *o);

/* Boilerplate classification of one trimmed line: a static reason or NULL. */
const char *px_boilerplate_line(const char *s, size_t n);
/* 2: the line asks for money, membership or a subscription; 1: the outlet
 * speaks of itself and its funding (an appeal only next to one); 0: neither. */
int px_appeal_score(const char *s, size_t n);

#endif
