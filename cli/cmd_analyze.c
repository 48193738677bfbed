/* cmd_analyze.c - parallax analyze: inputs to documents with their layers and facts. */
#include "cli.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* -o story.html means the HTML report unless --format says otherwise. */
static bool has_html_suffix(const char *path) {
  size_t n = strlen(path);
  return (n > 5 && strcmp(path + n - 5, ".html") == 0) || (n > 4 && strcmp(path + n - 4, ".htm") == 0);
}

int px_cmd_analyze(px_cli *cli) {
  if (cli->n_inputs == 0) return px_cli_usage_error("analyze: no INPUT given (a file, a directory or -)");
  if (cli->format == OUT_TEXT) return px_cli_usage_error("analyze: --format is json, md or html");
  px_corpus *corpus = px_cli_read_inputs(cli);
  if (!corpus) return PX_EXIT_INPUT;
  px_cli_analyze_all(cli, corpus);
  px_story *story = NULL;
  int src = px_story_build(corpus, NULL, &story);
  if (src != PX_OK) fprintf(stderr, "parallax: analyze: comparing the documents: %s\n", px_strerror(src));
  FILE *out = px_cli_open_output(cli);
  if (!out) {
    px_story_free(story);
    px_corpus_free(corpus);
    return PX_EXIT_USAGE;
  }
  px_out_format fmt = cli->format;
  if (fmt == OUT_AUTO && cli->output && has_html_suffix(cli->output)) fmt = OUT_HTML;
  if (fmt == OUT_AUTO) fmt = (!cli->output && isatty(STDOUT_FILENO)) ? OUT_MD : OUT_JSON;
  unsigned flags = PX_RENDER_TEXT | (cli->pretty ? PX_RENDER_PRETTY : 0) | (cli->tokens ? PX_RENDER_TOKENS : 0);
  if (fmt == OUT_HTML) px_render_html(corpus, story, out, flags);
  else if (fmt == OUT_MD) px_render_story_markdown(corpus, story, out, flags);
  else px_render_story_json(corpus, story, out, flags);
  int wrc = px_cli_close_output(cli, out);
  px_story_free(story);
  px_corpus_free(corpus);
  if (wrc) return wrc;
  return cli->errors ? PX_EXIT_INPUT : PX_EXIT_OK;
}
