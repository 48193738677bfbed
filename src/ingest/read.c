/* read.c - reading whole inputs and checking that they are text. */
#include "ingest.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Share of control characters (other than white space and ESC) in the first
 * block above which a file is taken as binary. Text never has them; one or two
 * stray ones (PX_BINARY_CONTROL_STRAY) do not make a short text binary. */
#define PX_BINARY_SAMPLE 8192
#define PX_BINARY_CONTROL_SHARE 0.05
#define PX_BINARY_CONTROL_STRAY 2

int px_check_bytes(const char *data, size_t len, char *msg, size_t msgsize) {
  const char *nul = memchr(data, '\0', len);
  if (nul) {
    snprintf(msg, msgsize, "binary data, not text (NUL byte at offset %zu)", (size_t)(nul - data));
    return PX_EBINARY;
  }
  size_t sample = len < PX_BINARY_SAMPLE ? len : PX_BINARY_SAMPLE, ctl = 0;
  for (size_t i = 0; i < sample; i++) {
    unsigned char c = (unsigned char)data[i];
    if ((c < 0x20 && !px_is_space(c) && c != 0x1b) || c == 0x7F) ctl++;
  }
  if (ctl > PX_BINARY_CONTROL_STRAY && (double)ctl / (double)sample > PX_BINARY_CONTROL_SHARE) {
    snprintf(msg, msgsize, "binary data, not text (%zu control bytes in the first %zu)", ctl, sample);
    return PX_EBINARY;
  }
  for (size_t i = 0; i < len; i++)
    if (!px_is_space((unsigned char)data[i])) return PX_OK;
  snprintf(msg, msgsize, len ? "no text: only white space" : "empty file");
  return PX_EEMPTY;
}

int px_read_all(const char *path, const px_ingest_opts *o, char **data, size_t *len) {
  size_t max = o->max_bytes ? o->max_bytes : PX_DEFAULT_MAX_BYTES;
  bool is_stdin = strcmp(path, "-") == 0;
  const char *where = is_stdin ? "<stdin>" : path;
  FILE *f = is_stdin ? stdin : fopen(path, "rb");
  if (!f) {
    int code = errno == ENOENT ? PX_ENOENT : PX_EIO;
    px_diagf(o, PX_ERROR, code, where, "cannot open: %s", strerror(errno));
    return code;
  }
  px_buf b = {0};
  struct stat st;
  if (!is_stdin && fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size > max) {
    px_diagf(o, PX_ERROR, PX_ETOOBIG, where, "input too large: %lld bytes (limit %zu, see --max-bytes)",
             (long long)st.st_size, max);
    fclose(f);
    return PX_ETOOBIG;
  }
  int rc = PX_OK;
  /* A regular file is read into one buffer of its size (no regrowth). */
  if (!is_stdin && fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && px_buf_reserve(&b, (size_t)st.st_size + 1))
    rc = PX_ENOMEM;
  while (!rc) {
    if (b.cap - b.len < 2 && px_buf_reserve(&b, 1 << 16)) {
      rc = PX_ENOMEM;
      break;
    }
    size_t n = fread(b.data + b.len, 1, b.cap - b.len - 1, f);
    b.len += n;
    if (b.len > max) {
      px_diagf(o, PX_ERROR, PX_ETOOBIG, where, "input too large: over %zu bytes (see --max-bytes)", max);
      rc = PX_ETOOBIG;
      break;
    }
    if (n == 0) {
      if (ferror(f)) {
        px_diagf(o, PX_ERROR, PX_EIO, where, "read error: %s", strerror(errno));
        rc = PX_EIO;
      }
      break;
    }
  }
  if (!is_stdin) fclose(f);
  if (rc) {
    if (rc == PX_ENOMEM) px_diagf(o, PX_ERROR, rc, where, "out of memory");
    px_buf_free(&b);
    return rc;
  }
  *data = px_buf_take(&b, len);
  return *data ? PX_OK : PX_ENOMEM;
}
