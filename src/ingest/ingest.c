/* ingest.c - inputs to documents: files, directories, standard input. */
#include "html.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool has_suffix(const char *s, const char *suf) {
  size_t n = strlen(s), k = strlen(suf);
  if (n < k) return false;
  for (size_t i = 0; i < k; i++)
    if (px_lower((unsigned char)s[n - k + i]) != (unsigned char)suf[i]) return false;
  return true;
}

static px_format format_of(const char *name, const px_ingest_opts *o) {
  if (o->format != PX_FORMAT_AUTO) return o->format;
  if (has_suffix(name, ".jsonl") || has_suffix(name, ".ndjson")) return PX_FORMAT_JSONL;
  if (has_suffix(name, ".html") || has_suffix(name, ".htm")) return PX_FORMAT_HTML;
  return PX_FORMAT_TEXT;
}

int px_ingest_buffer(px_corpus *c, const char *name, const char *data, size_t len,
                     const px_ingest_opts *opts) {
  px_ingest_opts none = {0};
  const px_ingest_opts *o = opts ? opts : &none;
  if (!c || !name || (!data && len)) return PX_EARG;
  size_t max = o->max_bytes ? o->max_bytes : PX_DEFAULT_MAX_BYTES;
  if (len > max) {
    px_diagf(o, PX_ERROR, PX_ETOOBIG, name, "input too large: %zu bytes (limit %zu)", len, max);
    return 1;
  }
  px_format fmt = format_of(name, o);
  switch (fmt) {
  case PX_FORMAT_JSONL: {
    int rc = px_ingest_jsonl(c, name, data ? data : "", len, o);
    return rc < 0 ? 1 : rc;
  }
  default: {
    bool is_stdin = strcmp(name, "<stdin>") == 0;
    char *id = is_stdin ? px_strdup("stdin") : px_id_from_path(name);
    if (!id) return PX_ENOMEM;
    px_meta_in m = {.id = id, .path = is_stdin ? "-" : name};
    void *side = NULL;
    if (!is_stdin) px_sidecar_load(name, o, &m, &side);
    int rc = fmt == PX_FORMAT_HTML ? px_ingest_html(c, name, data ? data : "", len, &m, o)
                                   : px_ingest_text(c, name, data ? data : "", len, &m, o);
    px_sidecar_free(side);
    free(id);
    return rc ? 1 : 0;
  }
  }
}

static int ingest_file(px_corpus *c, const char *path, const px_ingest_opts *o) {
  char *data;
  size_t len;
  int rc = px_read_all(path, o, &data, &len);
  if (rc) return rc;
  rc = px_ingest_buffer(c, strcmp(path, "-") == 0 ? "<stdin>" : path, data, len, o);
  free(data);
  return rc;
}

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sidecars and other JSON data sit beside articles; hidden files are not articles. */
static bool skip_in_walk(const char *name) {
  return name[0] == '.' || has_suffix(name, ".json");
}

/* Directories already walked, by device and inode: symbolic links can make a
 * loop (a -> .), or with two of them a tree of 2^depth paths. */
typedef struct {
  struct { dev_t dev; ino_t ino; } *v;
  size_t n, cap;
} seen_dirs;

/* 1 when st's directory was seen before, 0 after adding it, PX_ENOMEM. */
static int seen_before(seen_dirs *s, const struct stat *st) {
  for (size_t i = 0; i < s->n; i++)
    if (s->v[i].dev == st->st_dev && s->v[i].ino == st->st_ino) return 1;
  if (s->n == s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 16;
    void *p = realloc(s->v, cap * sizeof *s->v);
    if (!p) return PX_ENOMEM;
    s->v = p;
    s->cap = cap;
  }
  s->v[s->n].dev = st->st_dev;
  s->v[s->n++].ino = st->st_ino;
  return 0;
}

/* Walks a directory in name order. *failed counts failed inputs, *read readable ones. */
static int walk(px_corpus *c, const char *dir, const px_ingest_opts *o, int depth, int *failed, int *read,
                seen_dirs *seen) {
  if (depth > 64) {
    px_diagf(o, PX_ERROR, PX_EARG, dir, "directories nested too deeply; skipped");
    (*failed)++;
    return PX_OK;
  }
  DIR *d = opendir(dir);
  if (!d) {
    px_diagf(o, PX_ERROR, PX_EIO, dir, "cannot read directory: %s", strerror(errno));
    (*failed)++;
    return PX_OK;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  int rc = PX_OK;
  while ((e = readdir(d)) && !rc) {
    if (skip_in_walk(e->d_name)) continue;
    if (n == cap) {
      char **p = realloc(names, (cap = cap ? cap * 2 : 32) * sizeof *p);
      if (!p) rc = PX_ENOMEM;
      else names = p;
    }
    if (!rc && !(names[n++] = px_strdup(e->d_name))) rc = PX_ENOMEM;
  }
  closedir(d);
  if (n) qsort(names, n, sizeof *names, cmp_names);
  for (size_t i = 0; i < n; i++) {
    px_buf p = {0};
    if (!rc && px_buf_printf(&p, "%s%s%s", dir, has_suffix(dir, "/") ? "" : "/", names[i])) rc = PX_ENOMEM;
    struct stat st;
    if (!rc && stat(px_buf_cstr(&p), &st) == 0) {
      int again = S_ISDIR(st.st_mode) ? seen_before(seen, &st) : 0;
      if (again < 0) rc = again;
      else if (again)
        px_diagf(o, PX_WARNING, 0, px_buf_cstr(&p), "warning: directory already read (a symbolic link); skipped");
      else if (S_ISDIR(st.st_mode)) rc = walk(c, px_buf_cstr(&p), o, depth + 1, failed, read, seen);
      else if (S_ISREG(st.st_mode)) {
        int r = ingest_file(c, px_buf_cstr(&p), o);
        if (r == PX_ENOMEM) rc = r;
        if (r != 0) (*failed) += r > 0 ? r : 1;
        if (r >= 0 || r == PX_EBINARY || r == PX_EEMPTY || r == PX_EUTF8) (*read)++;
      }
    }
    px_buf_free(&p);
    free(names[i]);
  }
  free(names);
  return rc;
}

int px_ingest_path(px_corpus *c, const char *path, const px_ingest_opts *opts) {
  px_ingest_opts none = {0};
  const px_ingest_opts *o = opts ? opts : &none;
  if (!c || !path) return PX_EARG;
  struct stat st;
  if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
    int failed = 0, read = 0;
    size_t before = px_corpus_count(c);
    seen_dirs seen = {0};
    int rc = seen_before(&seen, &st);
    if (!rc) rc = walk(c, path, o, 0, &failed, &read, &seen);
    free(seen.v);
    if (rc) return rc;
    if (px_corpus_count(c) == before && read == 0) {
      px_diagf(o, PX_ERROR, PX_ENOINPUT, path, "no readable files in directory");
      return PX_ENOINPUT;
    }
    return failed;
  }
  int rc = ingest_file(c, path, o);
  return rc;
}
