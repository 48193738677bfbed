/* px_story.c - the in-process timing of parallax's story stage.
 *
 * Usage: px_story DOCS.jsonl
 * Reads DOCS.jsonl as `parallax analyze` does (px_ingest_path), analyses
 * every document on this one thread (px_doc_analyze: segmentation and the
 * fact layers), then compares them (px_story_build), each step timed apart.
 * Writes nothing on standard output; prints {"docs", "bytes", "sentences",
 * "ingest_s", "analyze_s", "story_s", counts...} as one JSON line on
 * standard error. Part of the benchmark harness (bash bench/story.sh).
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
  fprintf(stderr, "px_story: %s: %s\n", where ? where : "?", msg);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: px_story DOCS.jsonl\n");
    return 2;
  }
  px_corpus *corpus = px_corpus_new();
  if (!corpus) return 1;
  px_ingest_opts o = {.format = PX_FORMAT_JSONL, .diag = diag};
  double t0 = now();
  int rc = px_ingest_path(corpus, argv[1], &o);
  double t1 = now();
  if (rc != 0) {
    fprintf(stderr, "px_story: %s: %s\n", argv[1], rc < 0 ? px_strerror(rc) : "some records failed");
    px_corpus_free(corpus);
    return 1;
  }
  size_t docs = px_corpus_count(corpus), bytes = 0, sentences = 0;
  for (size_t i = 0; i < docs && rc == PX_OK; i++) rc = px_doc_analyze(px_corpus_doc(corpus, i), NULL);
  double t2 = now();
  px_story *story = NULL;
  if (rc == PX_OK) rc = px_story_build(corpus, NULL, &story);
  double t3 = now();
  if (rc != PX_OK) {
    fprintf(stderr, "px_story: %s\n", px_strerror(rc));
    px_corpus_free(corpus);
    return 1;
  }
  for (size_t i = 0; i < docs; i++) {
    size_t len, ns;
    px_doc_text(px_corpus_doc(corpus, i), &len);
    px_doc_layer(px_corpus_doc(corpus, i), PX_LAYER_SENTENCES, &ns);
    bytes += len;
    sentences += ns;
  }
  size_t ne, ng, nsup, nev;
  px_story_entities(story, &ne);
  px_story_claim_groups(story, &ng);
  px_story_supports(story, &nsup);
  px_story_events(story, &nev);
  fprintf(stderr,
          "{\"docs\":%zu,\"bytes\":%zu,\"sentences\":%zu,\"ingest_s\":%.6f,\"analyze_s\":%.6f,\"story_s\":%.6f,"
          "\"entities\":%zu,\"claim_groups\":%zu,\"supports\":%zu,\"events\":%zu}\n",
          docs, bytes, sentences, t1 - t0, t2 - t1, t3 - t2, ne, ng, nsup, nev);
  px_story_free(story);
  px_corpus_free(corpus);
  return 0;
}
