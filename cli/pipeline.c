/* pipeline.c - what analyze and annotate share: read every input, analyse every document. */
#include "cli.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

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

/* Documents are analysed by a pool of threads taking the next document from a
 * shared counter; each document is touched by one thread only, and the
 * extractors keep no mutable global state. */
typedef struct pool {
  px_corpus *corpus;
  size_t next, n;
  int *status; /* per document */
  pthread_mutex_t lock;
} pool;

static void *worker(void *arg) {
  pool *p = arg;
  for (;;) {
    pthread_mutex_lock(&p->lock);
    size_t i = p->next++;
    pthread_mutex_unlock(&p->lock);
    if (i >= p->n) return NULL;
    p->status[i] = px_doc_analyze(px_corpus_doc(p->corpus, i), NULL);
  }
}

int px_cli_default_jobs(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

void px_cli_analyze_all(px_cli *cli, px_corpus *corpus) {
  size_t n = px_corpus_count(corpus);
  int jobs = cli->jobs > 0 ? cli->jobs : px_cli_default_jobs();
  if ((size_t)jobs > n) jobs = n ? (int)n : 1;
  pool p = {.corpus = corpus, .n = n, .status = calloc(n ? n : 1, sizeof(int))};
  pthread_t tids[64];
  int started = 0;
  if (p.status && jobs > 1 && pthread_mutex_init(&p.lock, NULL) == 0) {
    for (; started < jobs && started < 64; started++)
      if (pthread_create(&tids[started], NULL, worker, &p) != 0) break;
    for (int k = 0; k < started; k++) pthread_join(tids[k], NULL);
    pthread_mutex_destroy(&p.lock);
  }
  for (size_t i = 0; i < n; i++) {
    px_doc *d = px_corpus_doc(corpus, i);
    int rc = p.status ? p.status[i] : PX_ENOMEM;
    if (!started) { /* one job (or no threads): analyse here, with progress */
      px_cli_progress(cli, "analysing document", i + 1, n);
      rc = px_doc_analyze(d, NULL);
    }
    if (rc) {
      px_cli_diag(cli, PX_ERROR, rc, px_doc_meta(d, PX_META_PATH), px_strerror(rc));
      cli->errors++;
    }
  }
  px_cli_progress_end(cli);
  free(p.status);
}
