/* diag.c - diagnostics, progress and output files of the CLI. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* A run shows progress once it has taken this long. */
#define PX_PROGRESS_AFTER 1.0

void px_cli_diag(void *ud, px_severity sev, int code, const char *where, const char *msg) {
  px_cli *cli = ud;
  (void)code;
  if (sev == PX_WARNING && cli && cli->quiet) return;
  px_cli_progress_end(cli);
  fprintf(stderr, "parallax: %s: %s\n", where, msg);
}

int px_cli_usage_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("parallax: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputs("\nTry 'parallax --help' for more information.\n", stderr);
  va_end(ap);
  return PX_EXIT_USAGE;
}

double px_cli_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void px_cli_progress(px_cli *cli, const char *what, size_t done, size_t total) {
  if (!cli || cli->quiet || px_cli_now() - cli->started < PX_PROGRESS_AFTER || !isatty(STDERR_FILENO)) return;
  if (total) fprintf(stderr, "\rparallax: %s %zu/%zu\033[K", what, done, total);
  else fprintf(stderr, "\rparallax: %s %zu\033[K", what, done);
  fflush(stderr);
  cli->progress_shown = true;
}

void px_cli_progress_end(px_cli *cli) {
  if (cli && cli->progress_shown) {
    fputs("\r\033[K", stderr);
    cli->progress_shown = false;
  }
}

FILE *px_cli_open_output(const px_cli *cli) {
  if (!cli->output || strcmp(cli->output, "-") == 0) return stdout;
  FILE *f = fopen(cli->output, "w");
  if (!f) fprintf(stderr, "parallax: %s: cannot write: %s\n", cli->output, strerror(errno));
  return f;
}

int px_cli_close_output(const px_cli *cli, FILE *f) {
  int bad = ferror(f);
  if (f == stdout) bad |= fflush(f) != 0;
  else bad |= fclose(f) != 0;
  if (bad) fprintf(stderr, "parallax: %s: write error\n", cli->output ? cli->output : "<stdout>");
  return bad ? PX_EXIT_USAGE : PX_EXIT_OK;
}

px_corpus *px_cli_read_single(const px_cli *cli, const px_ingest_opts *o, int *failed) {
  px_corpus *corpus = px_corpus_new();
  if (!corpus) {
    fputs("parallax: out of memory\n", stderr);
    return NULL;
  }
  *failed = px_ingest_path(corpus, cli->n_inputs ? cli->inputs[0] : "-", o);
  return corpus;
}
