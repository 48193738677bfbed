/* px_split.c - the in-process timing of parallax's sentence splitting.
 *
 * Usage: px_split FILE > OUT
 * Does what `parallax sentences FILE` does: reads FILE, cleans it
 * (px_text_clean: UTF-8 check, line ends, NFC), segments it (px_doc_segment:
 * paragraphs, then sentences) and writes one sentence per line with white
 * space runs made one space. Prints {"tool","clean_s","split_s","sentences"}
 * as one JSON line on standard error, where split_s is the time of
 * px_doc_segment() alone (the counterpart of the peers' split call) and
 * clean_s that of px_text_clean().
 * Part of the benchmark harness (bash bench/run.sh), not of parallax.
 */
#define _POSIX_C_SOURCE 200809L
#include <parallax.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 20, n = 0;
  char *buf = malloc(cap);
  for (;;) {
    if (!buf) break;
    n += fread(buf + n, 1, cap - n, f);
    if (n < cap) break;
    char *nb = realloc(buf, cap *= 2);
    if (!nb) {
      free(buf);
      buf = NULL;
    } else {
      buf = nb;
    }
  }
  if (buf && ferror(f)) {
    free(buf);
    buf = NULL;
  }
  fclose(f);
  *len = n;
  return buf;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: px_split FILE\n");
    return 2;
  }
  size_t len;
  char *raw = read_file(argv[1], &len);
  if (!raw) {
    perror(argv[1]);
    return 1;
  }
  double t0 = now();
  char *text;
  size_t tlen;
  int rc = px_text_clean(raw, len, 0, &text, &tlen, NULL, NULL);
  double t1 = now();
  free(raw);
  if (rc < 0) {
    fprintf(stderr, "px_split: %s\n", px_strerror(rc));
    return 1;
  }
  px_doc *doc = px_doc_new(text, tlen);
  free(text);
  if (!doc) return 1;
  double t2 = now();
  rc = px_doc_segment(doc, 0);
  double t3 = now();
  if (rc < 0) {
    fprintf(stderr, "px_split: %s\n", px_strerror(rc));
    return 1;
  }
  size_t ns;
  const char *s = px_doc_text(doc, NULL);
  const px_span *sp = px_doc_layer(doc, PX_LAYER_SENTENCES, &ns);
  size_t written = 0;
  static char line[1 << 16];
  for (size_t i = 0; i < ns; i++) {
    size_t k = 0;
    int space = 0, started = 0;
    for (size_t j = sp[i].start; j < sp[i].end; j++) {
      unsigned char c = (unsigned char)s[j];
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        space = 1;
        continue;
      }
      if (space && started) line[k++] = ' ';
      space = 0;
      started = 1;
      line[k++] = (char)c;
      if (k >= sizeof line - 2) { /* a very long sentence: flush a piece */
        fwrite(line, 1, k, stdout);
        k = 0;
      }
    }
    line[k++] = '\n';
    fwrite(line, 1, k, stdout);
    written++;
  }
  px_doc_free(doc);
  if (fflush(stdout)) return 1;
  fprintf(stderr, "{\"tool\":\"parallax\",\"clean_s\":%.6f,\"split_s\":%.6f,\"sentences\":%zu}\n", t1 - t0,
          t3 - t2, written);
  return 0;
}
