/* cmd_analyze.c - parallax analyze: inputs to documents with their layers. */
#include "cli.h"

#include <stdio.h>
#include <unistd.h>

int px_cmd_analyze(px_cli *cli) {
  if (cli->n_inputs == 0) return px_cli_usage_error("analyze: no INPUT given (a file, a directory or -)");
  if (cli->format == OUT_TEXT) return px_cli_usage_error("analyze: --format is json or md");
  px_corpus *corpus = px_corpus_new();
  if (!corpus) {
    fputs("parallax: out of memory\n", stderr);
    return PX_EXIT_INPUT;
  }
  for (int i = 0; i < cli->n_inputs; i++) {
    px_cli_progress(cli, "reading input", (size_t)i + 1, (size_t)cli->n_inputs);
    int rc = px_ingest_path(corpus, cli->inputs[i], &cli->ingest);
    if (rc != 0) cli->errors += rc > 0 ? rc : 1;
  }
  size_t n = px_corpus_count(corpus);
  for (size_t i = 0; i < n; i++) {
    px_cli_progress(cli, "segmenting document", i + 1, n);
    px_doc *d = px_corpus_doc(corpus, i);
    int rc = px_doc_segment(d, cli->tokens ? PX_SEGMENT_TOKENS : 0);
    if (rc) {
      px_cli_diag(cli, PX_ERROR, rc, px_doc_meta(d, PX_META_PATH), px_strerror(rc));
      cli->errors++;
    }
  }
  px_cli_progress_end(cli);
  FILE *out = px_cli_open_output(cli);
  if (!out) {
    px_corpus_free(corpus);
    return PX_EXIT_USAGE;
  }
  px_out_format fmt = cli->format;
  if (fmt == OUT_AUTO) fmt = (!cli->output && isatty(STDOUT_FILENO)) ? OUT_MD : OUT_JSON;
  unsigned flags = PX_RENDER_TEXT | (cli->pretty ? PX_RENDER_PRETTY : 0) | (cli->tokens ? PX_RENDER_TOKENS : 0);
  if (fmt == OUT_MD) px_render_markdown(corpus, out, flags);
  else px_render_json(corpus, out, flags);
  int wrc = px_cli_close_output(cli, out);
  px_corpus_free(corpus);
  if (wrc) return wrc;
  return cli->errors ? PX_EXIT_INPUT : PX_EXIT_OK;
}
