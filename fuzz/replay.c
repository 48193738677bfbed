/* replay.c - main() for a fuzz target built without libFuzzer.
 *
 * Feeds every file named on the command line, and every regular file in every
 * directory named there (not recursively, hidden files skipped, in name order),
 * to LLVMFuzzerTestOneInput once. Prints "replayed N inputs" and exits 0; exits 1
 * when an argument is missing or unreadable, or when nothing was replayed (an
 * empty corpus would make the test pass without testing anything).
 * A crash or a sanitizer report in the target ends the run, as in libFuzzer.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reads a whole file; NULL (after a message) on failure. */
static uint8_t *read_file(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
    return NULL;
  }
  size_t cap = 4096, n = 0;
  uint8_t *buf = malloc(cap);
  while (buf) {
    n += fread(buf + n, 1, cap - n, f);
    if (n < cap) break;
    uint8_t *p = realloc(buf, cap *= 2);
    if (!p) {
      free(buf);
      buf = NULL;
    } else buf = p;
  }
  if (!buf || ferror(f)) {
    fprintf(stderr, "replay: %s: %s\n", path, buf ? "read error" : "out of memory");
    free(buf);
    fclose(f);
    return NULL;
  }
  fclose(f);
  /* Hand the target an exactly sized copy so that ASan sees reads past the end. */
  uint8_t *exact = malloc(n ? n : 1);
  if (exact) memcpy(exact, buf, n);
  free(buf);
  *size = n;
  return exact;
}

static int replay_file(const char *path) {
  size_t size = 0;
  uint8_t *data = read_file(path, &size);
  if (!data) return -1;
  LLVMFuzzerTestOneInput(data, size);
  free(data);
  return 0;
}

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replays the regular files of a directory; returns how many, or -1. */
static long replay_dir(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) {
    fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
    return -1;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    if (n == cap) {
      char **p = realloc(names, (cap = cap ? cap * 2 : 64) * sizeof *p);
      if (!p) break;
      names = p;
    }
    size_t k = strlen(dir) + strlen(e->d_name) + 2;
    if (!(names[n] = malloc(k))) break;
    snprintf(names[n++], k, "%s/%s", dir, e->d_name);
  }
  closedir(d);
  if (n) qsort(names, n, sizeof *names, cmp_names);
  long done = 0;
  for (size_t i = 0; i < n; i++) {
    struct stat st;
    if (done >= 0 && stat(names[i], &st) == 0 && S_ISREG(st.st_mode))
      done = replay_file(names[i]) == 0 ? done + 1 : -1;
    free(names[i]);
  }
  free(names);
  return done;
}

int main(int argc, char **argv) {
  long total = 0;
  if (argc < 2) {
    fprintf(stderr, "usage: %s CORPUS_DIR_OR_FILE...\n", argv[0]);
    return 2;
  }
  for (int i = 1; i < argc; i++) {
    if (argv[i][0] == '-') continue; /* libFuzzer-style flags (-runs=N, ...) are ignored */
    struct stat st;
    if (stat(argv[i], &st) != 0) {
      fprintf(stderr, "replay: %s: %s\n", argv[i], strerror(errno));
      return 1;
    }
    long n;
    if (S_ISDIR(st.st_mode)) {
      n = replay_dir(argv[i]);
      if (n == 0) {
        fprintf(stderr, "replay: %s: no inputs in directory\n", argv[i]);
        return 1;
      }
    } else n = replay_file(argv[i]) == 0 ? 1 : -1;
    if (n < 0) return 1;
    total += n;
  }
  if (total == 0) {
    fprintf(stderr, "replay: no inputs given\n");
    return 1;
  }
  printf("replayed %ld inputs\n", total);
  return 0;
}
