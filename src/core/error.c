/* error.c - status codes and their messages. */
#include "parallax.h"

const char *px_version(void) { return PX_VERSION_STRING; }

const char *px_strerror(int code) {
  switch (code) {
  case PX_OK: return "success";
  case PX_ENOMEM: return "out of memory";
  case PX_EIO: return "input/output error";
  case PX_ENOENT: return "no such file or directory";
  case PX_EBINARY: return "binary data, not text";
  case PX_EUTF8: return "invalid UTF-8";
  case PX_EEMPTY: return "empty input: no text";
  case PX_EJSON: return "malformed JSON";
  case PX_ETOOBIG: return "input too large";
  case PX_EARG: return "invalid argument";
  case PX_ENOINPUT: return "no readable files";
  case PX_EFORMAT: return "unsupported input format";
  case PX_EDATE: return "invalid date (expected YYYY-MM-DD)";
  default: return code > 0 ? "success" : "unknown error";
  }
}
