/* html_decode.c - the bytes of a page to UTF-8.
 *
 * The charset comes, in this order, from a byte order mark, from a
 * <meta charset> or <meta http-equiv="Content-Type" content="...; charset=">
 * near the top of the page, from checking that the bytes are valid UTF-8,
 * and otherwise it is windows-1252 (what browsers assume for Western pages).
 * Labels follow the WHATWG Encoding Standard where it differs from iconv:
 * ISO-8859-1 and US-ASCII mean windows-1252, and a UTF-16 label found in a
 * <meta> means UTF-8 (the meta could only be read because the bytes are
 * ASCII-compatible). Conversion uses glibc's iconv; bytes it cannot convert
 * become U+FFFD.
 */
#include "html.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

/* How far into the page a <meta> charset is looked for. The standard's
 * prescan reads 1024 bytes, but browsers also honour a later <meta> in the
 * head by reparsing; pages with long inline scripts first need more. */
#define PX_CHARSET_SCAN 65536
/* Longest charset label kept. */
#define PX_CHARSET_LABEL 40

static bool ieq_prefix(const char *s, size_t n, const char *lit) {
  size_t k = strlen(lit);
  if (n < k) return false;
  for (size_t i = 0; i < k; i++)
    if (px_lower((unsigned char)s[i]) != (unsigned char)lit[i]) return false;
  return true;
}

/* The value after "charset=" in a Content-Type string. */
static bool charset_in_content(const char *v, size_t n, char *label, size_t cap) {
  for (size_t i = 0; i + 7 <= n; i++) {
    if (!ieq_prefix(v + i, n - i, "charset")) continue;
    size_t j = i + 7;
    while (j < n && px_is_space((unsigned char)v[j])) j++;
    if (j >= n || v[j] != '=') continue;
    j++;
    while (j < n && (px_is_space((unsigned char)v[j]) || v[j] == '"' || v[j] == '\'')) j++;
    size_t k = 0;
    while (j < n && k + 1 < cap && !px_is_space((unsigned char)v[j]) && !strchr("\"';", v[j]))
      label[k++] = (char)px_lower((unsigned char)v[j++]);
    label[k] = '\0';
    return k > 0;
  }
  return false;
}

/* Reads one attribute at s[*i] (name lower-cased into name[], raw value span).
 * Returns false at the end of the tag. */
static bool next_attr(const char *s, size_t n, size_t *i, char *name, size_t cap, const char **val,
                      size_t *vlen) {
  size_t j = *i;
  while (j < n && (px_is_space((unsigned char)s[j]) || s[j] == '/')) j++;
  if (j >= n || s[j] == '>') return false;
  size_t k = 0;
  while (j < n && !px_is_space((unsigned char)s[j]) && !strchr("/>=", s[j])) {
    if (k + 1 < cap) name[k++] = (char)px_lower((unsigned char)s[j]);
    j++;
  }
  if (k == 0 && j < n && s[j] == '=') j++; /* a stray '=' */
  name[k] = '\0';
  while (j < n && px_is_space((unsigned char)s[j])) j++;
  *val = NULL;
  *vlen = 0;
  if (j < n && s[j] == '=') {
    j++;
    while (j < n && px_is_space((unsigned char)s[j])) j++;
    if (j < n && (s[j] == '"' || s[j] == '\'')) {
      const char *q = memchr(s + j + 1, s[j], n - j - 1);
      size_t e = q ? (size_t)(q - s) : n;
      *val = s + j + 1;
      *vlen = e - j - 1;
      j = e < n ? e + 1 : n;
    } else {
      size_t st = j;
      while (j < n && !px_is_space((unsigned char)s[j]) && s[j] != '>') j++;
      *val = s + st;
      *vlen = j - st;
    }
  }
  *i = j;
  return true;
}

/* Looks at one <meta ...> tag starting after "<meta". */
static bool meta_tag(const char *s, size_t n, size_t i, char *label, size_t cap) {
  char name[32];
  const char *v;
  size_t vl;
  bool http_equiv_ct = false;
  char content_label[PX_CHARSET_LABEL + 1] = "";
  while (next_attr(s, n, &i, name, sizeof name, &v, &vl)) {
    if (!v) continue;
    if (strcmp(name, "charset") == 0) {
      size_t k = 0;
      while (k < vl && k + 1 < cap && !px_is_space((unsigned char)v[k])) {
        label[k] = (char)px_lower((unsigned char)v[k]);
        k++;
      }
      label[k] = '\0';
      if (k) return true;
    } else if (strcmp(name, "http-equiv") == 0 && vl == 12 && ieq_prefix(v, vl, "content-type")) {
      http_equiv_ct = true;
    } else if (strcmp(name, "content") == 0) {
      charset_in_content(v, vl, content_label, sizeof content_label);
    }
  }
  if (http_equiv_ct && content_label[0]) {
    snprintf(label, cap, "%s", content_label);
    return true;
  }
  return false;
}

bool px_html_meta_charset(const char *data, size_t len, char *label, size_t cap) {
  size_t n = len < PX_CHARSET_SCAN ? len : PX_CHARSET_SCAN;
  for (size_t i = 0; i + 5 < n; i++) {
    if (data[i] != '<') continue;
    if (data[i + 1] == '!' && i + 3 < n && data[i + 2] == '-' && data[i + 3] == '-') {
      const char *e = NULL;
      for (size_t k = i + 4; k + 2 < n && !e; k++)
        if (data[k] == '-' && data[k + 1] == '-' && data[k + 2] == '>') e = data + k;
      if (!e) return false;
      i = (size_t)(e - data) + 2;
      continue;
    }
    if (ieq_prefix(data + i + 1, n - i - 1, "meta") && i + 5 < n &&
        (px_is_space((unsigned char)data[i + 5]) || data[i + 5] == '/') &&
        meta_tag(data, n, i + 5, label, cap))
      return true;
    if (ieq_prefix(data + i + 1, n - i - 1, "body")) break; /* the head is over */
  }
  return false;
}

/* Length of the valid UTF-8 sequence at s[i], or 0. */
static size_t utf8_seq(const unsigned char *p, size_t n, size_t i) {
  unsigned char c = p[i];
  if (c < 0x80) return 1;
  size_t k = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (!k || i + k > n || c == 0xC0 || c == 0xC1 || c > 0xF4) return 0;
  for (size_t j = 1; j < k; j++)
    if ((p[i + j] & 0xC0) != 0x80) return 0;
  if ((c == 0xE0 && p[i + 1] < 0xA0) || (c == 0xED && p[i + 1] >= 0xA0) || (c == 0xF0 && p[i + 1] < 0x90) ||
      (c == 0xF4 && p[i + 1] >= 0x90))
    return 0;
  return k;
}

/* Invalid UTF-8 sequences in s (each bad byte counts once, as the parser replaces it). */
static size_t invalid_utf8(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t bad = 0;
  for (size_t i = 0; i < n;) {
    if (p[i] < 0x80) { /* a run of ASCII, 8 bytes at a time */
      uint64_t w;
      while (i + 8 <= n && (memcpy(&w, p + i, 8), (w & 0x8080808080808080ull) == 0)) i += 8;
      while (i < n && p[i] < 0x80) i++;
      continue;
    }
    size_t k = utf8_seq(p, n, i);
    bad += k == 0;
    i += k ? k : 1;
  }
  return bad;
}

/* The iconv name for a label, or NULL for UTF-8 (no conversion). */
static const char *iconv_name(const char *label) {
  static const char *const utf8[] = {"utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8",
                                     "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2"};
  static const char *const w1252[] = {"windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1",
                                      "latin1", "l1", "iso_8859-1", "us-ascii", "ascii", "ansi_x3.4-1968",
                                      "cp819", "ibm819", "iso-ir-100"};
  for (size_t i = 0; i < sizeof utf8 / sizeof *utf8; i++)
    if (strcmp(label, utf8[i]) == 0) return NULL;
  for (size_t i = 0; i < sizeof w1252 / sizeof *w1252; i++)
    if (strcmp(label, w1252[i]) == 0) return "WINDOWS-1252";
  if (strcmp(label, "gb2312") == 0 || strcmp(label, "gbk") == 0 || strcmp(label, "x-gbk") == 0)
    return "GB18030"; /* WHATWG: the GBK family decodes as gb18030 */
  if (strcmp(label, "iso-8859-9") == 0 || strcmp(label, "latin5") == 0) return "WINDOWS-1254";
  if (strcmp(label, "tis-620") == 0 || strcmp(label, "iso-8859-11") == 0) return "WINDOWS-874";
  return label;
}

/* Converts with iconv; undecodable bytes become U+FFFD. */
static int convert(iconv_t cd, const char *in, size_t len, px_buf *out, size_t *n_invalid) {
  char *src = (char *)in;
  size_t left = len;
  while (left > 0) {
    if (px_buf_reserve(out, left * 3 + 16)) return PX_ENOMEM;
    char *dst = out->data + out->len;
    size_t room = out->cap - out->len - 1;
    size_t r = iconv(cd, &src, &left, &dst, &room);
    out->len = (size_t)(dst - out->data);
    if (r != (size_t)-1) break;
    if (errno == E2BIG) continue;
    /* EILSEQ or EINVAL (a truncated sequence at the end): one byte becomes U+FFFD */
    if (px_buf_append(out, "\xEF\xBF\xBD", 3)) return PX_ENOMEM;
    (*n_invalid)++;
    src++;
    left--;
    iconv(cd, NULL, NULL, NULL, NULL);
  }
  if (px_buf_reserve(out, 0)) return PX_ENOMEM;
  out->data[out->len] = '\0';
  return PX_OK;
}

static void set_cs(px_html_charset *cs, const char *name, const char *from) {
  snprintf(cs->name, sizeof cs->name, "%s", name);
  cs->from = from;
  cs->n_invalid = 0;
}

static int copy_as_is(const char *data, size_t len, char **out, size_t *out_len) {
  *out = px_strndup(data, len);
  *out_len = len;
  return *out ? PX_OK : PX_ENOMEM;
}

/* Tries to convert from `name`; returns 1 when iconv does not know it. */
static int try_iconv(const char *name, const char *data, size_t len, char **out, size_t *out_len,
                     px_html_charset *cs) {
  iconv_t cd = iconv_open("UTF-8", name);
  if (cd == (iconv_t)-1) return 1;
  px_buf b = {0};
  int rc = convert(cd, data, len, &b, &cs->n_invalid);
  iconv_close(cd);
  if (rc) {
    px_buf_free(&b);
    return rc;
  }
  *out = px_buf_take(&b, out_len);
  return *out ? PX_OK : PX_ENOMEM;
}

int px_html_decode(const char *data, size_t len, char **out, size_t *out_len, px_html_charset *cs) {
  const unsigned char *p = (const unsigned char *)data;
  set_cs(cs, "UTF-8", "bom");
  if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
    cs->n_invalid = invalid_utf8(data + 3, len - 3);
    return copy_as_is(data + 3, len - 3, out, out_len);
  }
  if (len >= 2 && ((p[0] == 0xFE && p[1] == 0xFF) || (p[0] == 0xFF && p[1] == 0xFE))) {
    set_cs(cs, p[0] == 0xFE ? "UTF-16BE" : "UTF-16LE", "bom");
    int rc = try_iconv(cs->name, data + 2, len - 2, out, out_len, cs);
    if (rc <= 0) return rc;
  }
  char label[PX_CHARSET_LABEL + 1];
  if (px_html_meta_charset(data, len, label, sizeof label)) {
    const char *name = iconv_name(label);
    if (!name) {
      set_cs(cs, "UTF-8", "meta");
      cs->n_invalid = invalid_utf8(data, len);
      return copy_as_is(data, len, out, out_len);
    }
    set_cs(cs, strcmp(name, "WINDOWS-1252") == 0 ? "windows-1252" : name, "meta");
    int rc = try_iconv(name, data, len, out, out_len, cs);
    if (rc <= 0) return rc; /* else: a label iconv does not know; go on */
  }
  if (invalid_utf8(data, len) == 0) {
    set_cs(cs, "UTF-8", "utf-8 check");
    return copy_as_is(data, len, out, out_len);
  }
  set_cs(cs, "windows-1252", "fallback");
  int rc = try_iconv("WINDOWS-1252", data, len, out, out_len, cs);
  return rc > 0 ? copy_as_is(data, len, out, out_len) : rc;
}
