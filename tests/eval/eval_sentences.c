/* eval_sentences.c - measures px_split_sentences against a sentence-boundary suite.
 *
 *   eval_sentences [-v] DIR
 *
 * Reads DIR/sentences/pragmatic_segmenter_en_extended.jsonl (one JSON object a
 * line: {"id", "text", "sentences": [...]}), splits each text with
 * px_split_sentences() and compares the list of sentences exactly with the
 * expected one. Each sentence is shown the way `parallax sentences` prints it
 * (display_sentence below): every run of ASCII white space, line ends
 * included, becomes one space, and leading and trailing white space is
 * dropped. Nothing else is normalised: the splitter only chooses boundaries
 * and never rewrites text, so cases whose expected output rewrites the text
 * (removes HTML tags, dot runs or stray characters, turns ` into ') count as
 * failures.
 *
 * Prints "sentences: N/M cases exact (P%)" and, with -v, every failing case
 * (id, expected, got). Exits 1 when the score is below PX_EVAL_FLOOR, 77
 * (skipped) when the data is missing.
 */
#include "parallax.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The lowest acceptable score in percent: what the splitter reached when this
 * was last measured (105/119 = 88.2 %), rounded down. Raise it when the score
 * goes up; never lower it to make a regression pass. */
#define PX_EVAL_FLOOR 88.0

#define SUITE "sentences/pragmatic_segmenter_en_extended.jsonl"

static int is_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/* One sentence as `parallax sentences` prints it: white-space runs collapsed
 * to one space, trimmed. Returns a malloc'd string (NULL when out of memory). */
static char *display_sentence(const char *s, size_t n) {
  char *out = malloc(n + 1);
  if (!out) return NULL;
  size_t k = 0;
  int pending_space = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (is_ws(c)) {
      pending_space = k > 0;
      continue;
    }
    if (pending_space) out[k++] = ' ';
    pending_space = 0;
    out[k++] = (char)c;
  }
  out[k] = '\0';
  return out;
}

static void print_list(const char *label, char **items, size_t n) {
  printf("  %s (%zu):\n", label, n);
  for (size_t i = 0; i < n; i++) printf("    | %s\n", items[i]);
}

static void free_list(char **items, size_t n) {
  for (size_t i = 0; i < n; i++) free(items[i]);
  free(items);
}

int main(int argc, char **argv) {
  int verbose = 0;
  const char *dir = NULL;
  for (int a = 1; a < argc; a++) {
    if (strcmp(argv[a], "-v") == 0) verbose = 1;
    else dir = argv[a];
  }
  if (!dir) {
    fprintf(stderr, "usage: eval_sentences [-v] DIR\n");
    return 2;
  }
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, SUITE);
  FILE *f = fopen(path, "r");
  if (!f) {
    printf("skipped: %s/sentences not found (%s)\n", dir, strerror(errno));
    return 77;
  }

  size_t total = 0, exact = 0, lineno = 0;
  char *line = NULL;
  size_t cap = 0;
  ssize_t got;
  int status = 0;
  while ((got = getline(&line, &cap, f)) > 0) {
    lineno++;
    json_error_t jerr;
    json_t *rec = json_loadb(line, (size_t)got, 0, &jerr);
    if (!rec) {
      if (strspn(line, " \t\r\n") == (size_t)got) continue;
      fprintf(stderr, "%s:%zu: %s\n", path, lineno, jerr.text);
      status = 1;
      continue;
    }
    json_t *jtext = json_object_get(rec, "text"), *jsents = json_object_get(rec, "sentences");
    json_t *jid = json_object_get(rec, "id");
    if (!json_is_string(jtext) || !json_is_array(jsents)) {
      fprintf(stderr, "%s:%zu: needs \"text\" and \"sentences\"\n", path, lineno);
      json_decref(rec);
      status = 1;
      continue;
    }
    const char *text = json_string_value(jtext);
    size_t len = json_string_length(jtext);
    px_span *spans = NULL;
    int n = px_split_sentences(text, len, &spans);
    if (n < 0) {
      fprintf(stderr, "%s:%zu: px_split_sentences: %s\n", path, lineno, px_strerror(n));
      json_decref(rec);
      return 1;
    }
    size_t ne = json_array_size(jsents);
    char **exp = calloc(ne ? ne : 1, sizeof *exp), **mine = calloc(n ? (size_t)n : 1, sizeof *mine);
    if (!exp || !mine) return 1;
    for (size_t k = 0; k < ne; k++) {
      json_t *s = json_array_get(jsents, k);
      const char *v = json_is_string(s) ? json_string_value(s) : "";
      exp[k] = display_sentence(v, strlen(v));
    }
    for (int k = 0; k < n; k++) mine[k] = display_sentence(text + spans[k].start, spans[k].end - spans[k].start);
    int same = ne == (size_t)n;
    for (size_t k = 0; same && k < ne; k++) same = exp[k] && mine[k] && strcmp(exp[k], mine[k]) == 0;
    total++;
    if (same) {
      exact++;
    } else if (verbose) {
      printf("FAIL %s\n", json_is_string(jid) ? json_string_value(jid) : "(no id)");
      print_list("expected", exp, ne);
      print_list("got", mine, (size_t)n);
    }
    free_list(exp, ne);
    free_list(mine, (size_t)n);
    free(spans);
    json_decref(rec);
  }
  free(line);
  fclose(f);
  if (total == 0) {
    printf("skipped: %s has no cases\n", path);
    return 77;
  }
  double pct = 100.0 * (double)exact / (double)total;
  printf("sentences: %zu/%zu cases exact (%.1f%%)\n", exact, total, pct);
  if (pct < PX_EVAL_FLOOR) {
    printf("FAIL: below the floor of %.1f%%\n", PX_EVAL_FLOOR);
    status = 1;
  }
  return status;
}
