/* main.c - parallax: command dispatch and option parsing. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char help_text[] =
#include "help.inc"
    ;

enum { OPT_SOURCE = 256, OPT_PUBLISHED, OPT_INPUT_FORMAT, OPT_STRICT, OPT_MAX_BYTES, OPT_PRETTY, OPT_TOKENS, OPT_LAYERS, OPT_JOBS };

static const struct option long_opts[] = {
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"source", required_argument, NULL, OPT_SOURCE},
    {"published", required_argument, NULL, OPT_PUBLISHED},
    {"input-format", required_argument, NULL, OPT_INPUT_FORMAT},
    {"strict", no_argument, NULL, OPT_STRICT},
    {"max-bytes", required_argument, NULL, OPT_MAX_BYTES},
    {"pretty", no_argument, NULL, OPT_PRETTY},
    {"tokens", no_argument, NULL, OPT_TOKENS},
    {"layers", required_argument, NULL, OPT_LAYERS},
    {"jobs", required_argument, NULL, 'j'},
    {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0}};

static void print_help(void) {
  fputs("parallax - compare news articles about one event, with evidence\n\n", stdout);
  fputs(help_text, stdout);
  fputs("\nThe manual: man parallax (docs/parallax.md).\n", stdout);
}

static int parse_option(px_cli *cli, int c, const char *arg, char *date) {
  switch (c) {
  case 'f':
    if (strcmp(arg, "json") == 0) cli->format = OUT_JSON;
    else if (strcmp(arg, "md") == 0 || strcmp(arg, "markdown") == 0) cli->format = OUT_MD;
    else if (strcmp(arg, "text") == 0) cli->format = OUT_TEXT;
    else if (strcmp(arg, "html") == 0) cli->format = OUT_HTML;
    else return px_cli_usage_error("unknown output format '%s' (json, md, html or text)", arg);
    return 0;
  case 'o': cli->output = arg; return 0;
  case OPT_SOURCE: cli->ingest.source = arg; return 0;
  case OPT_PUBLISHED:
    if (px_parse_date(arg, date) != PX_OK) return px_cli_usage_error("--published: '%s' is not YYYY-MM-DD", arg);
    cli->ingest.published = date;
    return 0;
  case OPT_INPUT_FORMAT:
    if (strcmp(arg, "text") == 0) cli->ingest.format = PX_FORMAT_TEXT;
    else if (strcmp(arg, "jsonl") == 0) cli->ingest.format = PX_FORMAT_JSONL;
    else if (strcmp(arg, "html") == 0) cli->ingest.format = PX_FORMAT_HTML;
    else return px_cli_usage_error("unknown input format '%s' (text, jsonl or html)", arg);
    return 0;
  case OPT_STRICT: cli->ingest.text_flags |= PX_TEXT_STRICT; return 0;
  case OPT_MAX_BYTES: {
    char *end;
    unsigned long long v = strtoull(arg, &end, 10);
    if (*arg == '-' || *end || v == 0) return px_cli_usage_error("--max-bytes: '%s' is not a positive number", arg);
    cli->ingest.max_bytes = (size_t)v;
    return 0;
  }
  case OPT_PRETTY: cli->pretty = true; return 0;
  case OPT_TOKENS: cli->tokens = true; return 0;
  case 'j': {
    char *end;
    long v = strtol(arg, &end, 10);
    if (*end || v < 1 || v > 64) return px_cli_usage_error("--jobs: '%s' is not a number from 1 to 64", arg);
    cli->jobs = (int)v;
    return 0;
  }
  case OPT_LAYERS:
    if (!(cli->layers = px_cli_parse_layers(arg)))
      return px_cli_usage_error("--layers: '%s' is not a list of quantities, times, entities, quotes", arg);
    return 0;
  case 'q': cli->quiet = true; return 0;
  default: return PX_EXIT_USAGE; /* getopt printed the problem */
  }
}

int main(int argc, char **argv) {
  static char date[11];
  px_cli cli = {.format = OUT_AUTO};
  cli.started = px_cli_now();
  cli.ingest.diag = px_cli_diag;
  cli.ingest.diag_userdata = &cli;

  /* The command is the first argument that is not an option; options may come before or after it. */
  int cmd_at = 0;
  for (int i = 1; i < argc && !cmd_at; i++) {
    if (strcmp(argv[i], "--") == 0) break;
    if (argv[i][0] != '-') {
      /* skip the values of options that take one */
      const char *prev = argv[i - 1];
      bool is_value = i > 1 && (!strcmp(prev, "-f") || !strcmp(prev, "-o") || !strcmp(prev, "--format") ||
                                !strcmp(prev, "--output") || !strcmp(prev, "--source") ||
                                !strcmp(prev, "--published") || !strcmp(prev, "--input-format") ||
                                !strcmp(prev, "--max-bytes") || !strcmp(prev, "--layers") ||
                                !strcmp(prev, "-j") || !strcmp(prev, "--jobs"));
      if (!is_value) cmd_at = i;
    }
  }
  if (cmd_at) {
    cli.command = argv[cmd_at];
    memmove(argv + cmd_at, argv + cmd_at + 1, (size_t)(argc - cmd_at) * sizeof *argv);
    argc--;
  }
  /* getopt prints the one-line message ("unrecognized option '--x'", "option
   * requires an argument -- 'o'") prefixed with argv[0]: make that "parallax". */
  static char prog[] = "parallax";
  argv[0] = prog;
  opterr = 1;
  int c;
  while ((c = getopt_long(argc, argv, "f:o:j:qhV", long_opts, NULL)) != -1) {
    if (c == 'h') {
      print_help();
      return PX_EXIT_OK;
    }
    if (c == 'V') {
      printf("parallax %s (schema %s)\n", px_version(), PX_SCHEMA);
      return PX_EXIT_OK;
    }
    if (c == '?' || c == ':') { /* getopt printed the problem: add only the hint */
      fputs("Try 'parallax --help' for more information.\n", stderr);
      return PX_EXIT_USAGE;
    }
    int rc = parse_option(&cli, c, optarg, date);
    if (rc) return rc;
  }
  cli.inputs = argv + optind;
  cli.n_inputs = argc - optind;
  if (!cli.command) return px_cli_usage_error("no command given (analyze, annotate, extract or sentences)");
  if (strcmp(cli.command, "analyze") == 0) return px_cmd_analyze(&cli);
  if (strcmp(cli.command, "annotate") == 0) return px_cmd_annotate(&cli);
  if (strcmp(cli.command, "extract") == 0) return px_cmd_extract(&cli);
  if (strcmp(cli.command, "sentences") == 0) return px_cmd_sentences(&cli);
  return px_cli_usage_error("unknown command '%s' (analyze, annotate, extract or sentences)", cli.command);
}
