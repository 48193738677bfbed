/* cmd_annotate.c - parallax annotate: the fact layers as JSON Lines, one record per annotation. */
#include "cli.h"

#include <string.h>

/* Parses "quantities,times,entities,quotes" (or "all") into PX_ANNOTATE_* bits; 0 on a bad name. */
unsigned px_cli_parse_layers(const char *list) {
  static const struct {
    const char *name;
    unsigned bit;
  } names[] = {{"quantities", PX_ANNOTATE_QUANTITIES}, {"times", PX_ANNOTATE_TIMES},
               {"entities", PX_ANNOTATE_ENTITIES},     {"quotes", PX_ANNOTATE_QUOTES},
               {"all", PX_ANNOTATE_ALL}};
  unsigned bits = 0;
  for (const char *p = list; *p;) {
    size_t n = strcspn(p, ",");
    unsigned bit = 0;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
      if (strlen(names[i].name) == n && strncmp(names[i].name, p, n) == 0) bit = names[i].bit;
    if (!bit) return 0;
    bits |= bit;
    p += n + (p[n] == ',');
  }
  return bits;
}

int px_cmd_annotate(px_cli *cli) {
  if (cli->format != OUT_AUTO && cli->format != OUT_JSON)
    return px_cli_usage_error("annotate: the output is JSON Lines (--format json)");
  unsigned layers = cli->layers ? cli->layers : PX_ANNOTATE_ALL;
  px_corpus *corpus = px_cli_read_inputs(cli);
  if (!corpus) return PX_EXIT_INPUT;
  px_cli_analyze_all(cli, corpus);
  FILE *out = px_cli_open_output(cli);
  if (!out) {
    px_corpus_free(corpus);
    return PX_EXIT_USAGE;
  }
  px_render_annotations(corpus, out, layers);
  int wrc = px_cli_close_output(cli, out);
  px_corpus_free(corpus);
  if (wrc) return wrc;
  return cli->errors ? PX_EXIT_INPUT : PX_EXIT_OK;
}
