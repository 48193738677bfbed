/* cli.h - the parallax command line: shared options, exit codes, diagnostics. */
#ifndef PX_CLI_H
#define PX_CLI_H

#include "parallax.h"

#include <stdbool.h>

/* Exit codes (documented in docs/parallax.md, EXIT STATUS). */
typedef enum {
  PX_EXIT_OK = 0,    /* every input processed */
  PX_EXIT_INPUT = 1, /* some input could not be processed; the rest was */
  PX_EXIT_USAGE = 2  /* bad command line, or the output could not be written */
} px_exit;

typedef enum { OUT_AUTO, OUT_JSON, OUT_MD, OUT_TEXT, OUT_HTML } px_out_format;

typedef struct px_cli {
  const char *command;
  px_out_format format;
  const char *output; /* -o FILE, or NULL for stdout */
  px_ingest_opts ingest;
  bool pretty, tokens, quiet;
  unsigned layers; /* --layers: PX_ANNOTATE_* bits, 0 for all */
  int jobs;        /* --jobs: documents analysed in parallel, 0 for the number of cores */
  char **inputs;
  int n_inputs;
  /* run state */
  int errors;       /* inputs that failed */
  double started;   /* monotonic seconds at start */
  bool progress_shown;
} px_cli;

/* Prints "parallax: WHERE: MSG" (warnings unless --quiet); counts nothing. */
void px_cli_diag(void *ud, px_severity sev, int code, const char *where, const char *msg);
/* Prints a usage error and returns PX_EXIT_USAGE. */
int px_cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Progress on stderr when the run has taken over a second and stderr is a terminal. */
double px_cli_now(void);
void px_cli_progress(px_cli *cli, const char *what, size_t done, size_t total);
void px_cli_progress_end(px_cli *cli);

/* Opens the output (-o FILE or stdout); NULL after printing an error. */
FILE *px_cli_open_output(const px_cli *cli);
int px_cli_close_output(const px_cli *cli, FILE *f);

/* Reads the one FILE of a single-input command (standard input when none is
 * given) into a new corpus, which the caller frees; NULL (after a message)
 * when out of memory. *failed gets px_ingest_path's result (0: all read). */
px_corpus *px_cli_read_single(const px_cli *cli, const px_ingest_opts *o, int *failed);

/* Reads every input (standard input when there is none) into a new corpus,
 * counting failures in cli->errors; NULL after a message when out of memory. */
px_corpus *px_cli_read_inputs(px_cli *cli);
/* Runs px_doc_analyze() on every document (cli->jobs threads), reporting failures. */
void px_cli_analyze_all(px_cli *cli, px_corpus *corpus);
/* "quantities,times,..." to PX_ANNOTATE_* bits; 0 when a name is unknown. */
unsigned px_cli_parse_layers(const char *list);
/* The number of online cores (1..64). */
int px_cli_default_jobs(void);

int px_cmd_analyze(px_cli *cli);
int px_cmd_annotate(px_cli *cli);
int px_cmd_sentences(px_cli *cli);
int px_cmd_extract(px_cli *cli);

#endif
