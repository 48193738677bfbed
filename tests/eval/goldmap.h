/* goldmap.h - shared by the evaluation programs: reading a corpus file and
 * mapping document offsets back to the file's bytes. Boilerplate removal
 * drops whole lines, so each line of the document text is found in the raw
 * file, in order. Static functions: each eval program is one file. */
#ifndef PX_EVAL_GOLDMAP_H
#define PX_EVAL_GOLDMAP_H

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct line_map {
  size_t *doc_start, *raw_start, n;
} line_map;

/* First occurrence of needle in hay (memmem is not POSIX). */
static const char *find(const char *hay, size_t hn, const char *needle, size_t nn) {
  for (size_t i = 0; nn && i + nn <= hn; i++) {
    const char *p = memchr(hay + i, needle[0], hn - nn + 1 - i);
    if (!p) return NULL;
    i = (size_t)(p - hay);
    if (memcmp(p, needle, nn) == 0) return p;
  }
  return NULL;
}

/* Finds each line of the document text in the raw file, in order. */
static int map_lines(line_map *m, const char *text, size_t len, const char *raw, size_t raw_len) {
  size_t cap = 16, pos = 0;
  m->n = 0;
  m->doc_start = malloc(cap * sizeof(size_t));
  m->raw_start = malloc(cap * sizeof(size_t));
  if (!m->doc_start || !m->raw_start) return -1;
  for (size_t i = 0; i < len;) {
    const char *nl = memchr(text + i, '\n', len - i);
    size_t end = nl ? (size_t)(nl - text) : len;
    if (end > i) {
      const char *at = find(raw + pos, raw_len - pos, text + i, end - i);
      if (!at) return -1;
      if (m->n == cap) {
        cap *= 2;
        m->doc_start = realloc(m->doc_start, cap * sizeof(size_t));
        m->raw_start = realloc(m->raw_start, cap * sizeof(size_t));
        if (!m->doc_start || !m->raw_start) return -1;
      }
      m->doc_start[m->n] = i;
      m->raw_start[m->n++] = (size_t)(at - raw);
      pos = (size_t)(at - raw) + (end - i);
    }
    i = end + 1;
  }
  return 0;
}

static size_t to_raw(const line_map *m, size_t off) {
  size_t lo = 0, hi = m->n;
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if (m->doc_start[mid] <= off) lo = mid;
    else hi = mid;
  }
  return m->n ? m->raw_start[lo] + (off - m->doc_start[lo]) : off;
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = n >= 0 ? malloc((size_t)n + 1) : NULL;
  if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
    free(b);
    b = NULL;
  }
  fclose(f);
  if (b) b[n] = '\0', *len = (size_t)n;
  return b;
}

/* Parses "[-v] DIR" into *verbose and the evaluation directory; NULL (after
 * the usage line) when DIR is missing. */
static const char *eval_args(int argc, char **argv, const char *name, int *verbose) {
  const char *dir = NULL;
  for (int a = 1; a < argc; a++) {
    if (strcmp(argv[a], "-v") == 0) *verbose = 1;
    else dir = argv[a];
  }
  if (!dir) fprintf(stderr, "usage: %s [-v] DIR\n", name);
  return dir;
}

/* Calls fn(corpus dir, corpus name, gold) for each DIR/../corpus/NAME whose
 * gold.json parses and holds `member`. Returns 77 (skipped) when there is
 * none, else 1 when any call returned nonzero, else 0. */
static int each_gold(const char *dir, const char *member, int (*fn)(const char *, const char *, json_t *)) {
  char root[4096];
  snprintf(root, sizeof root, "%s/../corpus", dir);
  DIR *dh = opendir(root);
  if (!dh) {
    printf("skipped: no reference corpus at %s\n", root);
    return 77;
  }
  int status = 0, found = 0;
  struct dirent *de;
  while ((de = readdir(dh))) {
    if (de->d_name[0] == '.') continue;
    char cdir[4096 + 256], gpath[4096 + 300];
    snprintf(cdir, sizeof cdir, "%s/%s", root, de->d_name);
    snprintf(gpath, sizeof gpath, "%s/gold.json", cdir);
    json_error_t err;
    json_t *gold = json_load_file(gpath, 0, &err);
    if (gold && json_object_get(gold, member)) {
      found++;
      if (fn(cdir, de->d_name, gold)) status = 1;
    }
    json_decref(gold);
  }
  closedir(dh);
  if (!found) {
    printf("skipped: no gold.json with %s under %s\n", member, root);
    return 77;
  }
  return status;
}

#endif
