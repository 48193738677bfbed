/* pipeline.c - what analyze and annotate share: read every input, analyse every document. */
#include "cli.h"

#include <stdio.h>

px_corpus *px_cli_read_inputs(px_cli *cli) {
  px_corpus *corpus = px_corpus_new();
  if (!corpus) {
    fputs("parallax: out of memory\n", stderr);
    return NULL;
  }
  static char *const stdin_only[] = {"-"};
  char *const *inputs = cli->n_inputs ? cli->inputs : stdin_only;
  int n = cli->n_inputs ? cli->n_inputs : 1;
  for (int i = 0; i < n; i++) {
    px_cli_progress(cli, "reading input", (size_t)i + 1, (size_t)n);
    int rc = px_ingest_path(corpus, inputs[i], &cli->ingest);
    if (rc != 0) cli->errors += rc > 0 ? rc : 1;
  }
  return corpus;
}

void px_cli_analyze_all(px_cli *cli, px_corpus *corpus) {
  size_t n = px_corpus_count(corpus);
  for (size_t i = 0; i < n; i++) {
    px_cli_progress(cli, "analysing document", i + 1, n);
    px_doc *d = px_corpus_doc(corpus, i);
    int rc = px_doc_analyze(d, NULL);
    if (rc) {
      px_cli_diag(cli, PX_ERROR, rc, px_doc_meta(d, PX_META_PATH), px_strerror(rc));
      cli->errors++;
    }
  }
  px_cli_progress_end(cli);
}
