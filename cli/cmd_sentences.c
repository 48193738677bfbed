/* cmd_sentences.c - parallax sentences: one sentence per line. */
#include "cli.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Output buffer size: sentences are written in large blocks. */
#define PX_SENT_OUTBUF (1 << 18)

/* Writes a sentence on one line: every run of white space becomes one space.
 * Blocks of 8 bytes with no control byte and no two spaces in a row are
 * copied whole; any other byte goes through a branch-free step that always
 * stores the byte (or a space) and only advances over a first white space. */
static size_t put_sentence(char *out, const char *s, size_t n) {
  static const unsigned char ws[256] = {[' '] = 1, ['\n'] = 1, ['\t'] = 1, ['\r'] = 1, ['\f'] = 1, ['\v'] = 1};
  const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull, lows = 0x7F7F7F7F7F7F7F7Full;
  size_t i = 0, k = 0;
  unsigned prev = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t x, t;
      memcpy(&x, s + i, 8);
      t = x ^ (ones * ' ');
      uint64_t spaces = ~(((t & lows) + lows) | t | lows); /* high bit of each byte that is ' ' */
      bool control = ((x - ones * 0x20) & ~x & highs) != 0;
      if (!control && !(spaces & (spaces << 8)) && !(prev && (spaces & 0x80))) {
        memcpy(out + k, s + i, 8);
        k += 8;
        i += 8;
        prev = (unsigned)(spaces >> 63);
        continue;
      }
    }
    size_t stop = i + 8 < n ? i + 8 : n;
    for (; i < stop; i++) {
      unsigned char c = (unsigned char)s[i];
      unsigned w = ws[c];
      out[k] = w ? ' ' : (char)c;
      k += !(w & prev);
      prev = w;
    }
  }
  out[k++] = '\n';
  return k;
}

static int write_sentences(const px_doc *d, FILE *out) {
  size_t ns, len;
  const char *text = px_doc_text(d, &len);
  const px_span *s = px_doc_layer(d, PX_LAYER_SENTENCES, &ns);
  static char buf[PX_SENT_OUTBUF];
  size_t used = 0;
  for (size_t i = 0; i < ns; i++) {
    size_t n = s[i].end - s[i].start;
    if (used + n + 1 > sizeof buf || n + 1 > sizeof buf) {
      if (fwrite(buf, 1, used, out) != used) return -1;
      used = 0;
    }
    if (n + 1 > sizeof buf) { /* a huge sentence: write it in place, white space as is but newlines */
      for (size_t k = s[i].start; k < s[i].end; k++)
        if (putc(text[k] == '\n' ? ' ' : text[k], out) == EOF) return -1;
      if (putc('\n', out) == EOF) return -1;
      continue;
    }
    used += put_sentence(buf + used, text + s[i].start, n);
  }
  return fwrite(buf, 1, used, out) == used ? 0 : -1;
}

int px_cmd_sentences(px_cli *cli) {
  if (cli->n_inputs > 1) return px_cli_usage_error("sentences: one FILE at most (or - for standard input)");
  px_ingest_opts o = cli->ingest;
  o.raw_text = 1;
  if (o.format == PX_FORMAT_AUTO) o.format = PX_FORMAT_TEXT;
  int rc;
  px_corpus *corpus = px_cli_read_single(cli, &o, &rc);
  if (!corpus) return PX_EXIT_INPUT;
  FILE *out = px_cli_open_output(cli);
  if (!out) {
    px_corpus_free(corpus);
    return PX_EXIT_USAGE;
  }
  for (size_t i = 0; i < px_corpus_count(corpus); i++) {
    px_doc *d = px_corpus_doc(corpus, i);
    int src = px_doc_segment(d, 0);
    if (src) {
      px_cli_diag(cli, PX_ERROR, src, px_doc_meta(d, PX_META_PATH), px_strerror(src));
      rc = rc ? rc : 1;
      continue;
    }
    if (write_sentences(d, out)) break;
  }
  int wrc = px_cli_close_output(cli, out);
  px_corpus_free(corpus);
  if (wrc) return wrc;
  return rc ? PX_EXIT_INPUT : PX_EXIT_OK;
}
