/* px_extract.c - the in-process timing of parallax's HTML extraction.
 *
 * Usage: px_extract OUTDIR PAGE.html...
 * Does for each page what `parallax extract PAGE.html > OUTDIR/ID.txt` does,
 * in one process: a new corpus, px_ingest_path() with PX_FORMAT_HTML (read
 * the file, parse, pick the article, clean its text), the text written to
 * OUTDIR/ID.txt (ID: the file name less its extension), the corpus freed.
 * Prints {"tool","pages","bytes","loop_s","extract_s","failed"} as one JSON
 * line on standard error: loop_s is the whole loop, extract_s the sum over
 * pages of px_ingest_path() alone (the counterpart of the peers' read +
 * parse + extract). A page that fails is counted in "failed", named on
 * standard error and gets an empty file.
 * Part of the benchmark harness (bash bench/extract.sh), not of parallax.
 */
#define _POSIX_C_SOURCE 200809L
#include <parallax.h>

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: px_extract OUTDIR PAGE.html...\n");
    return 2;
  }
  const char *out_dir = argv[1];
  double extract = 0, t0 = now();
  size_t bytes = 0, failed = 0;
  for (int i = 2; i < argc; i++) {
    const char *page = argv[i], *base = strrchr(page, '/');
    base = base ? base + 1 : page;
    const char *dot = strrchr(base, '.');
    int id_len = (int)(dot && dot != base ? (size_t)(dot - base) : strlen(base));
    char out_path[4096];
    snprintf(out_path, sizeof out_path, "%s/%.*s.txt", out_dir, id_len, base);
    struct stat st;
    if (stat(page, &st) == 0) bytes += (size_t)st.st_size;

    px_corpus *c = px_corpus_new();
    if (!c) {
      fputs("px_extract: out of memory\n", stderr);
      return 1;
    }
    px_ingest_opts o = {.format = PX_FORMAT_HTML};
    double p0 = now();
    int rc = px_ingest_path(c, page, &o);
    extract += now() - p0;
    if (rc < 0) {
      fprintf(stderr, "px_extract: %s: %s\n", page, px_strerror(rc));
      failed++;
    }
    FILE *out = fopen(out_path, "w");
    if (!out) {
      perror(out_path);
      return 1;
    }
    for (size_t d = 0; d < px_corpus_count(c); d++) /* as `parallax extract` writes it */
      fprintf(out, "%s%s\n", d ? "\n" : "", px_doc_text(px_corpus_doc(c, d), NULL));
    if (fclose(out)) {
      perror(out_path);
      return 1;
    }
    px_corpus_free(c);
  }
  double loop = now() - t0;
  fprintf(stderr,
          "{\"tool\":\"parallax\",\"pages\":%d,\"bytes\":%zu,\"loop_s\":%.6f,\"extract_s\":%.6f,\"failed\":%zu}\n",
          argc - 2, bytes, loop, extract, failed);
  return 0;
}
