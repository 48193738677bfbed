/* cmd_extract.c - parallax extract: the main text of an HTML page, or its metadata as JSON. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

/* Writes s as a JSON string (NULL: null). Document strings are valid UTF-8. */
static void json_str(FILE *out, const char *s) {
  if (!s) {
    fputs("null", out);
    return;
  }
  putc('"', out);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"' || *p == '\\') fprintf(out, "\\%c", *p);
    else if (*p == '\n') fputs("\\n", out);
    else if (*p == '\t') fputs("\\t", out);
    else if (*p < 0x20) fprintf(out, "\\u%04x", *p);
    else putc(*p, out);
  }
  putc('"', out);
}

/* "key": value, "key_from": value */
static void field(FILE *out, const px_doc *d, const char *key, px_meta_key k, px_meta_key from, bool pretty) {
  fprintf(out, "%s\"%s\": ", pretty ? "  " : "", key);
  json_str(out, px_doc_meta(d, k));
  fprintf(out, ",%s\"%s_from\": ", pretty ? "\n  " : " ", key);
  json_str(out, px_doc_meta(d, from));
  fputs(pretty ? ",\n" : ", ", out);
}

static void write_json(FILE *out, const px_doc *d, bool pretty) {
  fputs(pretty ? "{\n" : "{", out);
  field(out, d, "title", PX_META_TITLE, PX_META_TITLE_FROM, pretty);
  fprintf(out, "%s\"authors\": [", pretty ? "  " : "");
  for (size_t i = 0; i < px_doc_author_count(d); i++) {
    if (i) fputs(", ", out);
    json_str(out, px_doc_author(d, i));
  }
  fprintf(out, "],%s\"authors_from\": ", pretty ? "\n  " : " ");
  json_str(out, px_doc_meta(d, PX_META_AUTHORS_FROM));
  fputs(pretty ? ",\n" : ", ", out);
  field(out, d, "published", PX_META_PUBLISHED, PX_META_PUBLISHED_FROM, pretty);
  field(out, d, "modified", PX_META_MODIFIED, PX_META_MODIFIED_FROM, pretty);
  field(out, d, "site", PX_META_SITE, PX_META_SITE_FROM, pretty);
  field(out, d, "url", PX_META_URL, PX_META_URL_FROM, pretty);
  field(out, d, "lang", PX_META_LANG, PX_META_LANG_FROM, pretty);
  field(out, d, "description", PX_META_DESCRIPTION, PX_META_DESCRIPTION_FROM, pretty);
  fprintf(out, "%s\"text\": ", pretty ? "  " : "");
  json_str(out, px_doc_text(d, NULL));
  fputs(pretty ? "\n}\n" : "}\n", out);
}

int px_cmd_extract(px_cli *cli) {
  if (cli->n_inputs > 1) return px_cli_usage_error("extract: one FILE at most (or - for standard input)");
  if (cli->format == OUT_MD || cli->format == OUT_HTML) return px_cli_usage_error("extract: --format is text or json");
  px_ingest_opts o = cli->ingest;
  if (o.format == PX_FORMAT_AUTO) o.format = PX_FORMAT_HTML; /* extract reads pages, whatever their names */
  int rc;
  px_corpus *corpus = px_cli_read_single(cli, &o, &rc);
  if (!corpus) return PX_EXIT_INPUT;
  FILE *out = px_cli_open_output(cli);
  if (!out) {
    px_corpus_free(corpus);
    return PX_EXIT_USAGE;
  }
  for (size_t i = 0; i < px_corpus_count(corpus); i++) {
    const px_doc *d = px_corpus_doc(corpus, i);
    if (cli->format == OUT_JSON) write_json(out, d, cli->pretty);
    else fprintf(out, "%s%s\n", i ? "\n" : "", px_doc_text(d, NULL));
  }
  int wrc = px_cli_close_output(cli, out);
  px_corpus_free(corpus);
  if (wrc) return wrc;
  return rc ? PX_EXIT_INPUT : PX_EXIT_OK;
}
