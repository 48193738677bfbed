/* px_facts.c - the in-process timing of parallax's fact analysis.
 *
 * Usage: px_facts DOCS.jsonl
 * Reads DOCS.jsonl ({"id", "published", "text"} a line) as `parallax
 * analyze` does (px_ingest_path: JSON, UTF-8 check, NFC), then analyses
 * each document: px_doc_segment() with tokens, then px_doc_analyze() (all
 * the fact layers: entities, quotes, times, quantities, attribution), each
 * timed apart. Writes nothing on standard output; prints {"tool", "docs",
 * "bytes", "ingest_s", "segment_s", "facts_s", "analyze_s", counts...} as
 * one JSON line on standard error, where analyze_s = segment_s + facts_s,
 * the counterpart of the peers' in-process time (their own tokenising
 * included). The counts: quantities, times, quotes, entities, and the
 * mentions by name or acronym of people, places and organisations (the
 * peers report mentions, not distinct entities) and of groups.
 * Part of the benchmark harness (bash bench/facts.sh), not of parallax.
 */
#define _POSIX_C_SOURCE 200809L
#include <parallax.h>

#include <stdio.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void diag(void *userdata, px_severity sev, int code, const char *where, const char *msg) {
  (void)userdata;
  (void)sev;
  (void)code;
  fprintf(stderr, "px_facts: %s: %s\n", where ? where : "?", msg);
}

typedef struct {
  size_t quantities, times, quotes, entities;
  size_t by_type[4]; /* mentions by name or acronym, indexed by px_entity_type */
} counts;

static void count_doc(const px_doc *d, counts *c) {
  size_t n, ne, nm;
  px_doc_quantities(d, &n);
  c->quantities += n;
  px_doc_times(d, &n);
  c->times += n;
  px_doc_quotes(d, &n);
  c->quotes += n;
  const px_entity *e = px_doc_entities(d, &ne);
  const px_mention *m = px_doc_mentions(d, &nm);
  c->entities += ne;
  for (size_t i = 0; i < nm; i++) {
    if (m[i].entity < 0 || (size_t)m[i].entity >= ne) continue;
    if (m[i].kind == PX_MENTION_PRONOUN) continue;
    px_entity_type t = e[m[i].entity].type;
    if ((unsigned)t < 4) c->by_type[t]++;
  }
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: px_facts DOCS.jsonl\n");
    return 2;
  }
  px_corpus *corpus = px_corpus_new();
  if (!corpus) return 1;
  px_ingest_opts o = {.format = PX_FORMAT_JSONL, .diag = diag};
  double t0 = now();
  int rc = px_ingest_path(corpus, argv[1], &o);
  double ingest = now() - t0;
  if (rc != 0) {
    fprintf(stderr, "px_facts: %s: %s\n", argv[1], rc < 0 ? px_strerror(rc) : "some records failed");
    px_corpus_free(corpus);
    return 1;
  }
  double segment = 0, facts = 0;
  size_t bytes = 0, docs = px_corpus_count(corpus);
  counts c = {0};
  for (size_t i = 0; i < docs; i++) {
    px_doc *d = px_corpus_doc(corpus, i);
    size_t len;
    px_doc_text(d, &len);
    bytes += len;
    double s0 = now();
    rc = px_doc_segment(d, PX_SEGMENT_TOKENS);
    double s1 = now();
    if (rc == PX_OK) rc = px_doc_analyze(d, NULL);
    double s2 = now();
    if (rc != PX_OK) {
      fprintf(stderr, "px_facts: %s: %s\n", px_doc_meta(d, PX_META_ID), px_strerror(rc));
      px_corpus_free(corpus);
      return 1;
    }
    segment += s1 - s0;
    facts += s2 - s1;
    count_doc(d, &c);
  }
  px_corpus_free(corpus);
  fprintf(stderr,
          "{\"tool\":\"parallax\",\"docs\":%zu,\"bytes\":%zu,\"ingest_s\":%.6f,\"segment_s\":%.6f,"
          "\"facts_s\":%.6f,\"analyze_s\":%.6f,\"quantities\":%zu,\"times\":%zu,\"quotes\":%zu,"
          "\"entities\":%zu,\"people\":%zu,\"places\":%zu,\"organisations\":%zu,\"groups\":%zu}\n",
          docs, bytes, ingest, segment, facts, segment + facts, c.quantities, c.times, c.quotes, c.entities,
          c.by_type[PX_ENT_PERSON], c.by_type[PX_ENT_PLACE], c.by_type[PX_ENT_ORGANISATION],
          c.by_type[PX_ENT_GROUP]);
  return 0;
}
