/* test_ingest.c - inputs to documents: plain text, sidecars, directories,
 * JSONL, options, diagnostics and boilerplate removal. Every input is written
 * here, into a fresh directory under /tmp. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parallax.h"

/* ---- a scratch directory --------------------------------------------- */

typedef struct {
  char dir[64];
  char *made[64]; /* files and directories created, removed in reverse order */
  int n_made;
} scratch;

static int scratch_setup(void **state) {
  scratch *s = calloc(1, sizeof *s);
  if (!s) return -1;
  strcpy(s->dir, "/tmp/px_test_ingest_XXXXXX");
  if (!mkdtemp(s->dir)) {
    free(s);
    return -1;
  }
  *state = s;
  return 0;
}

static int scratch_teardown(void **state) {
  scratch *s = *state;
  for (int i = s->n_made - 1; i >= 0; i--) {
    if (remove(s->made[i]) != 0) fprintf(stderr, "could not remove %s\n", s->made[i]);
    free(s->made[i]);
  }
  rmdir(s->dir);
  free(s);
  return 0;
}

/* The full path of `rel` inside the scratch directory (a static buffer per call site is not
 * enough: the result is malloc'd and remembered for removal only by make_file/make_dir). */
static const char *path_in(scratch *s, const char *rel) {
  static char buf[4][512];
  static int k;
  k = (k + 1) % 4;
  snprintf(buf[k], sizeof buf[k], "%s/%s", s->dir, rel);
  return buf[k];
}

static void remember(scratch *s, const char *path) {
  assert_true(s->n_made < (int)(sizeof s->made / sizeof *s->made));
  s->made[s->n_made] = strdup(path);
  assert_non_null(s->made[s->n_made]);
  s->n_made++;
}

static void make_dir(scratch *s, const char *rel) {
  const char *p = path_in(s, rel);
  assert_int_equal(mkdir(p, 0700), 0);
  remember(s, p);
}

static void make_file_n(scratch *s, const char *rel, const char *data, size_t len) {
  const char *p = path_in(s, rel);
  FILE *f = fopen(p, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(data, 1, len, f), len);
  assert_int_equal(fclose(f), 0);
  remember(s, p);
}

static void make_file(scratch *s, const char *rel, const char *data) {
  make_file_n(s, rel, data, strlen(data));
}

/* ---- collected diagnostics ------------------------------------------- */

typedef struct {
  px_severity sev;
  int code;
  char where[256];
  char msg[512];
} diag_entry;

typedef struct {
  diag_entry d[32];
  int n;
} diags;

static void collect(void *ud, px_severity sev, int code, const char *where, const char *msg) {
  diags *g = ud;
  assert_non_null(where);
  assert_non_null(msg);
  assert_null(strchr(msg, '\n')); /* one line */
  if (g->n >= 32) fail_msg("too many diagnostics");
  diag_entry *e = &g->d[g->n++];
  e->sev = sev;
  e->code = code;
  snprintf(e->where, sizeof e->where, "%s", where);
  snprintf(e->msg, sizeof e->msg, "%s", msg);
}

static px_ingest_opts opts_with(diags *g) {
  px_ingest_opts o;
  memset(&o, 0, sizeof o);
  memset(g, 0, sizeof *g);
  o.diag = collect;
  o.diag_userdata = g;
  return o;
}

/* The i-th diagnostic has this severity and code, and names `where` exactly. */
static void expect_diag(const diags *g, int i, px_severity sev, int code, const char *where) {
  if (i >= g->n) fail_msg("no diagnostic #%d (only %d)", i, g->n);
  const diag_entry *e = &g->d[i];
  if (e->sev != sev || e->code != code || strcmp(e->where, where) != 0)
    fail_msg("diagnostic #%d is (%d, %d, \"%s\", \"%s\"), want (%d, %d, \"%s\")", i, (int)e->sev, e->code,
             e->where, e->msg, (int)sev, code, where);
}

/* String equality that reports NULL instead of crashing. */
static void expect_str(const char *got, const char *want) {
  if (!got && !want) return;
  if (!got || !want || strcmp(got, want) != 0)
    fail_msg("got \"%s\", want \"%s\"", got ? got : "(null)", want ? want : "(null)");
}

static bool text_has(const px_doc *d, const char *needle) {
  return strstr(px_doc_text(d, NULL), needle) != NULL;
}

/* ---- plain text ------------------------------------------------------ */

static const char story[] =
    "Tram line to reopen after flood repairs\n"
    "\n"
    "The tram line between Northgate and the harbour will reopen on Monday, three weeks after a flood "
    "damaged its tracks.\n"
    "\n"
    "Engineers replaced 400 metres of rail, the operator said.\n";

static void test_text_headline(void **state) {
  scratch *s = *state;
  diags g;
  px_ingest_opts o = opts_with(&g);
  px_corpus *c = px_corpus_new();
  assert_non_null(c);
  const char *name = path_in(s, "tram-line.txt"); /* no such file: no sidecar either */
  assert_int_equal(px_ingest_buffer(c, name, story, strlen(story), &o), 0);
  assert_int_equal(g.n, 0);
  assert_int_equal(px_corpus_count(c), 1);
  px_doc *d = px_corpus_doc(c, 0);
  expect_str(px_doc_meta(d, PX_META_ID), "tram-line");
  expect_str(px_doc_meta(d, PX_META_TITLE), "Tram line to reopen after flood repairs");
  expect_str(px_doc_meta(d, PX_META_PATH), name);
  expect_str(px_doc_meta(d, PX_META_FORMAT), "text");
  expect_str(px_doc_meta(d, PX_META_SOURCE), NULL);
  expect_str(px_doc_meta(d, PX_META_PUBLISHED), NULL);
  expect_str(px_doc_meta(d, PX_META_URL), NULL);
  /* ingest does not segment */
  assert_null(px_doc_layer(d, PX_LAYER_PARAGRAPHS, NULL));
  assert_int_equal(px_doc_segment(d, 0), PX_OK);
  size_t np;
  const px_span *p = px_doc_layer(d, PX_LAYER_PARAGRAPHS, &np);
  assert_int_equal(np, 3);
  assert_int_equal(p[0].kind, PX_PARA_HEADLINE);
  const char *t = px_doc_text(d, NULL);
  assert_int_equal(p[0].end - p[0].start, strlen("Tram line to reopen after flood repairs"));
  assert_memory_equal(t + p[0].start, "Tram line to reopen after flood repairs", p[0].end - p[0].start);
  assert_int_equal(p[1].kind, PX_PARA_TEXT);
  assert_int_equal(p[2].kind, PX_PARA_TEXT);
  assert_int_equal(px_doc_removed_count(d), 0);
  px_corpus_free(c);
}

static void test_text_headline_after_blank_lines_crlf(void **state) {
  scratch *s = *state;
  diags g;
  px_ingest_opts o = opts_with(&g);
  px_corpus *c = px_corpus_new();
  static const char in[] = "\xEF\xBB\xBF\r\n  \r\n   Storm closes   schools  \r\nAll schools in the valley were closed on Friday.\r\n";
  assert_int_equal(px_ingest_buffer(c, path_in(s, "storm.txt"), in, sizeof in - 1, &o), 0);
  assert_int_equal(g.n, 0);
  px_doc *d = px_corpus_doc(c, 0);
  expect_str(px_doc_meta(d, PX_META_TITLE), "Storm closes   schools");
  assert_false(text_has(d, "\r"));
  assert_int_equal(px_doc_segment(d, 0), PX_OK);
  size_t np;
  const px_span *p = px_doc_layer(d, PX_LAYER_PARAGRAPHS, &np);
  assert_int_equal(np, 2); /* the headline is a paragraph of its own */
  assert_int_equal(p[0].kind, PX_PARA_HEADLINE);
  assert_int_equal(p[0].start, 0);
  px_corpus_free(c);
}

static void test_raw_text(void **state) {
  scratch *s = *state;
  diags g;
  px_ingest_opts o = opts_with(&g);
  o.raw_text = 1;
  px_corpus *c = px_corpus_new();
  static const char in[] = "First line\nShare on Facebook\nLast line.\n";
  assert_int_equal(px_ingest_buffer(c, path_in(s, "raw.txt"), in, sizeof in - 1, &o), 0);
  px_doc *d = px_corpus_doc(c, 0);
  expect_str(px_doc_text(d, NULL), in); /* taken as it is */
  expect_str(px_doc_meta(d, PX_META_TITLE), NULL);
  assert_int_equal(px_doc_removed_count(d), 0);
  px_corpus_free(c);
}

static void test_stdin_name(void **state) {
  (void)state;
  px_corpus *c = px_corpus_new();
  static const char in[] = "Headline\n\nBody.\n";
  assert_int_equal(px_ingest_buffer(c, "<stdin>", in, sizeof in - 1, NULL), 0);
  px_doc *d = px_corpus_doc(c, 0);
  expect_str(px_doc_meta(d, PX_META_ID), "stdin");
  expect_str(px_doc_meta(d, PX_META_PATH), "-");
  px_corpus_free(c);
}

static void test_bad_text_inputs(void **state) {
  scratch *s = *state;
  diags g;
  px_ingest_opts o = opts_with(&g);
  px_corpus *c = px_corpus_new();
  const char *empty = path_in(s, "empty.txt");
  assert_int_equal(px_ingest_buffer(c, empty, "", 0, &o), 1);
  assert_int_equal(g.n, 1);
  expect_diag(&g, 0, PX_ERROR, PX_EEMPTY, empty);

  o = opts_with(&g);
  const char *blank = path_in(s, "blank.txt");
  assert_int_equal(px_ingest_buffer(c, blank, " \n\t\n  ", 6, &o), 1);
  assert_int_equal(g.n, 1);
  expect_diag(&g, 0, PX_ERROR, PX_EEMPTY, blank);

  o = opts_with(&g);
  const char *bin = path_in(s, "image.txt");
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  assert_int_equal(px_ingest_buffer(c, bin, png, sizeof png - 1, &o), 1);
  assert_int_equal(g.n, 1);
  expect_diag(&g, 0, PX_ERROR, PX_EBINARY, bin);

  /* nothing but boilerplate */
  o = opts_with(&g);
  const char *furniture = path_in(s, "furniture.txt");
  static const char only[] = "Share on Facebook Twitter Email\n\nAdd your comment\n";
  assert_int_equal(px_ingest_buffer(c, furniture, only, sizeof only - 1, &o), 1);
  assert_int_equal(g.n, 1);
  expect_diag(&g, 0, PX_ERROR, PX_EEMPTY, furniture);

  /* too large */
  o = opts_with(&g);
  o.max_bytes = 10;
  const char *big = path_in(s, "big.txt");
  assert_int_equal(px_ingest_buffer(c, big, story, strlen(story), &o), 1);
  assert_int_equal(g.n, 1);
  expect_diag(&g, 0, PX_ERROR, PX_ETOOBIG, big);

  assert_int_equal(px_corpus_count(c), 0);
  px_corpus_free(c);
}

static void test_invalid_utf8(void **state) {
  scratch *s = *state;
  diags g;
  px_ingest_opts o = opts_with(&g);
  px_corpus *c = px_corpus_new();
  static const char in[] = "Headline\n\nPrices rose by 5\xFF percent.\n";
  const char *name = path_in(s, "latin1.txt");
  assert_int_equal(px_ingest_buffer(c, name, in, sizeof in - 1, &o), 0);
  assert_int_equal(g.n, 1); /* repaired: a warning naming the offset */
  expect_diag(&g, 0, PX_WARNING, PX_EUTF8, name);
  assert_non_null(strstr(g.d[0].msg, "offset 26"));
  assert_true(text_has(px_corpus_doc(c, 0), "5\xEF\xBF\xBD percent"));

  o = opts_with(&g);
  o.text_flags = PX_TEXT_STRICT;
  assert_int_equal(px_ingest_buffer(c, name, in, sizeof in - 1, &o), 1);
  assert_int_equal(g.n, 1);
  expect_diag(&g, 0, PX_ERROR, PX_EUTF8, name);
  assert_non_null(strstr(g.d[0].msg, "offset 26"));
  assert_int_equal(px_corpus_count(c), 1);
  px_corpus_free(c);
}

/* ---- sidecars -------------------------------------------------------- */

static void test_sidecar(void **state) {
  scratch *s = *state;
  make_file(s, "quay.txt", "Quay wall repaired\n\nThe old quay wall was repaired over the winter.\n");
  make_file(s, "quay.meta.json",
            "{\"source\": \"Harbour Gazette\", \"published\": \"2016-12-14T09:30:00Z\",\n"
            " \"url\": \"https://example.org/quay\", \"title\": \"Quay wall repaired\", \"extra\": [1, 2]}\n");
  diags g;
  px_ingest_opts o = opts_with(&g);
  px_corpus *c = px_corpus_new();
  const char *path = path_in(s, "quay.txt");
  assert_int_equal(px_ingest_path(c, path, &o), 0);
  assert_int_equal(g.n, 0);
  assert_int_equal(px_corpus_count(c), 1);
  px_doc *d = px_corpus_doc(c, 0);
  expect_str(px_doc_meta(d, PX_META_ID), "quay");
  expect_str(px_doc_meta(d, PX_META_SOURCE), "Harbour Gazette");
  expect_str(px_doc_meta(d, PX_META_PUBLISHED), "2016-12-14");
  expect_str(px_doc_meta(d, PX_META_URL), "https://example.org/quay");
  expect_str(px_doc_meta(d, PX_META_TITLE), "Quay wall repaired");
  expect_str(px_doc_meta(d, PX_META_PATH), path);
  /* the title is the first line: a headline */
  assert_int_equal(px_doc_segment(d, 0), PX_OK);
  assert_int_equal(px_doc_layer(d, PX_LAYER_PARAGRAPHS, NULL)[0].kind, PX_PARA_HEADLINE);
  px_corpus_free(c);
}

static void test_sidecar_title_differs(void **state) {
  scratch *s = *state;
  make_file(s, "pier.txt", "Pier closes\n\nThe pier closed for repairs.\n");
  make_file(s, "pier.meta.json", "{\"title\": \"Town pier shut for the season\"}");
  px_corpus *c = px_corpus_new();
  assert_int_equal(px_ingest_path(c, path_in(s, "pier.txt"), NULL), 0);
  px_doc *d = px_corpus_doc(c, 0);
  expect_str(px_doc_meta(d, PX_META_TITLE), "Town pier shut for the season");
  expect_str(px_doc_meta(d, PX_META_SOURCE), NULL);
  assert_int_equal(px_doc_segment(d, 0), PX_OK);
  /* the first line is not the title, so it is not marked as the headline (it reads as a heading) */
  assert_int_equal(px_doc_layer(d, PX_LAYER_PARAGRAPHS, NULL)[0].kind, PX_PARA_HEADING);
  px_corpus_free(c);
}

static void test_sidecar_problems(void **state) {
  scratch *s = *state;
  make_dir(s, "side");
  make_file(s, "side/a.txt", "Alpha\n\nText of a.\n");
  make_file(s, "side/a.meta.json", "{\"source\": 7, \"url\": \"https://example.org/a\"}");
  make_file(s, "side/b.txt", "Beta\n\nText of b.\n");
  make_file(s, "side/b.meta.json", "{\"source\": \"Valley Post\",");
  make_file(s, "side/c.txt", "Gamma\n\nText of c.\n");
  make_file(s, "side/c.meta.json", "{\"source\": \"Valley Post\", \"published\": \"2016-02-30\"}");
  make_file(s, "side/d.txt", "Delta\n\nText of d.\n");
  make_file(s, "side/d.meta.json", "[\"not\", \"an\", \"object\"]");
  diags g;
  px_ingest_opts o = opts_with(&g);
  px_corpus *c = px_corpus_new();
  /* problems in sidecars are warnings: every article is still read */
  assert_int_equal(px_ingest_path(c, path_in(s, "side"), &o), 0);
  assert_int_equal(px_corpus_count(c), 4);
  assert_int_equal(g.n, 4);
  expect_diag(&g, 0, PX_WARNING, PX_EJSON, path_in(s, "side/a.meta.json"));
  assert_non_null(strstr(g.d[0].msg, "source"));
  expect_diag(&g, 1, PX_WARNING, PX_EJSON, path_in(s, "side/b.meta.json"));
  expect_diag(&g, 2, PX_WARNING, PX_EDATE, path_in(s, "side/c.txt"));
  assert_non_null(strstr(g.d[2].msg, "2016-02-30"));
  expect_diag(&g, 3, PX_WARNING, PX_EJSON, path_in(s, "side/d.meta.json"));
  expect_str(px_doc_meta(px_corpus_doc(c, 0), PX_META_SOURCE), NULL);
  expect_str(px_doc_meta(px_corpus_doc(c, 0), PX_META_URL), "https://example.org/a");
  expect_str(px_doc_meta(px_corpus_doc(c, 1), PX_META_SOURCE), NULL);
  expect_str(px_doc_meta(px_corpus_doc(c, 2), PX_META_SOURCE), "Valley Post");
  expect_str(px_doc_meta(px_corpus_doc(c, 2), PX_META_PUBLISHED), NULL);
  px_corpus_free(c);
}

/* ---- directories ----------------------------------------------------- */

static void test_directory(void **state) {
  scratch *s = *state;
  make_dir(s, "story");
  make_file(s, "story/b.txt", "Bravo headline\n\nSecond file.\n");
  make_file(s, "story/a.txt", "Alpha headline\n\nFirst file.\n");
  make_file(s, "story/a.meta.json", "{\"source\": \"North Star\"}");
  make_file(s, "story/notes.json", "{\"not\": \"an article\"}");
  make_file(s, "story/.hidden.txt", "Hidden\n\nNot an article.\n");
  make_dir(s, "story/.cache");
  make_file(s, "story/.cache/x.txt", "Cached\n\nNot an article either.\n");
  make_dir(s, "story/more");
  make_file(s, "story/more/c.txt", "Charlie headline\n\nThird file, one level down.\n");
  make_dir(s, "story/more/deeper");
  make_file(s, "story/more/deeper/d.txt", "Delta headline\n\nFourth file.\n");
  make_file(s, "story/more/a.txt", "Another alpha\n\nThe first of the subdirectory.\n");
  make_file(s, "story/z.jsonl", "{\"id\": \"zulu\", \"text\": \"Zulu headline\\n\\nFrom JSONL.\"}\n");

  diags g;
  px_ingest_opts o = opts_with(&g);
  px_corpus *c = px_corpus_new();
  assert_int_equal(px_ingest_path(c, path_in(s, "story"), &o), 0);
  assert_int_equal(g.n, 0);
  static const char *const ids[] = {"a", "b", "a", "c", "d", "zulu"};
  static const char *const paths[] = {"story/a.txt", "story/b.txt", "story/more/a.txt", "story/more/c.txt",
                                      "story/more/deeper/d.txt", "story/z.jsonl:1"};
  assert_int_equal(px_corpus_count(c), 6);
  for (size_t i = 0; i < 6; i++) {
    const px_doc *d = px_corpus_doc(c, i);
    expect_str(px_doc_meta(d, PX_META_ID), ids[i]);
    expect_str(px_doc_meta(d, PX_META_PATH), path_in(s, paths[i]));
  }
  expect_str(px_doc_meta(px_corpus_doc(c, 0), PX_META_SOURCE), "North Star");
  expect_str(px_doc_meta(px_corpus_doc(c, 1), PX_META_SOURCE), NULL);
  expect_str(px_doc_meta(px_corpus_doc(c, 5), PX_META_FORMAT), "jsonl");
  px_corpus_free(c);

  /* A trailing slash gives the same documents. */
  c = px_corpus_new();
  char slash[600];
  snprintf(slash, sizeof slash, "%s/", path_in(s, "story"));
  assert_int_equal(px_ingest_path(c, slash, NULL), 0);
  assert_int_equal(px_corpus_count(c), 6);
  px_corpus_free(c);
}

static void test_directory_with_bad_files(void **state) {
  scratch *s = *state;
  make_dir(s, "mixed");
  make_file(s, "mixed/1-good.txt", "Good one\n\nReadable text.\n");
  make_file_n(s, "mixed/2-binary.txt", "GIF89a\0\0\x01\x02\0", 11);
  make_file(s, "mixed/3-empty.txt", "");
  make_file(s, "mixed/4-good.txt", "Good two\n\nMore readable text.\n");
  diags g;
  px_ingest_opts o = opts_with(&g);
  px_corpus *c = px_corpus_new();
  /* the number of inputs that failed; the others are read */
  assert_int_equal(px_ingest_path(c, path_in(s, "mixed"), &o), 2);
  assert_int_equal(px_corpus_count(c), 2);
  assert_int_equal(g.n, 2);
  expect_diag(&g, 0, PX_ERROR, PX_EBINARY, path_in(s, "mixed/2-binary.txt"));
  expect_diag(&g, 1, PX_ERROR, PX_EEMPTY, path_in(s, "mixed/3-empty.txt"));
  expect_str(px_doc_meta(px_corpus_doc(c, 1), PX_META_ID), "4-good");
  px_corpus_free(c);
}

static void test_no_input(void **state) {
  scratch *s = *state;
  diags g;
  px_ingest_opts o = opts_with(&g);
  px_corpus *c = px_corpus_new();

  make_dir(s, "nothing");
  make_file(s, "nothing/.hidden", "Hidden\n\ntext\n");
  make_file(s, "nothing/x.meta.json", "{}");
  assert_int_equal(px_ingest_path(c, path_in(s, "nothing"), &o), PX_ENOINPUT);
  assert_int_equal(g.n, 1);
  expect_diag(&g, 0, PX_ERROR, PX_ENOINPUT, path_in(s, "nothing"));

  o = opts_with(&g);
  const char *missing = path_in(s, "no-such-file.txt");
  assert_int_equal(px_ingest_path(c, missing, &o), PX_ENOENT);
  assert_int_equal(g.n, 1);
  expect_diag(&g, 0, PX_ERROR, PX_ENOENT, missing);

  assert_int_equal(px_corpus_count(c), 0);
  assert_int_equal(px_ingest_path(c, NULL, &o), PX_EARG);
  assert_int_equal(px_ingest_path(NULL, missing, &o), PX_EARG);
  assert_int_equal(px_ingest_buffer(c, NULL, "x", 1, &o), PX_EARG);
  assert_int_equal(px_ingest_buffer(c, "x.txt", NULL, 1, &o), PX_EARG);
  px_corpus_free(c);
}

/* ---- JSONL ----------------------------------------------------------- */

static const char feed[] =
    /* 1 */ "{\"id\": \"alpha\", \"source\": \"Harbour Gazette\", \"url\": \"https://example.org/1\", "
    "\"published\": \"2016-12-14\", \"title\": \"Ferry strike ends\", "
    "\"text\": \"Ferry strike ends\\n\\nThe strike ended on Monday after talks.\"}\n"
    /* 2 */ "{\"text\": \"Buses run late\\nThe buses ran late all week.\"}\n"
    /* 3 */ "\n"
    /* 4 */ "{\"id\": 42, \"text\": \"Numbered record\\n\\nIts id is a number.\", \"source\": null}\n"
    /* 5 */ "{\"id\": \"bad-type\", \"title\": 7, \"text\": \"Title of the wrong type\"}\n"
    /* 6 */ "{\"id\": \"cut\", \"text\": \"This line was cut off in the mid\n"
    /* 7 */ "[\"an\", \"array\"]\n"
    /* 8 */ "{\"id\": \"no-text\", \"title\": \"Nothing here\"}\n"
    /* 9 */ "{\"id\": 1.5, \"text\": \"A fractional id\"}\n"
    /* 10 */ "{\"id\": \"last\", \"title\": \"Final record\", \"text\": \"Final record\\n\\nThe end.\"}";

static void test_jsonl(void **state) {
  scratch *s = *state;
  make_file(s, "feed.jsonl", feed);
  diags g;
  px_ingest_opts o = opts_with(&g);
  px_corpus *c = px_corpus_new();
  const char *path = path_in(s, "feed.jsonl");
  assert_int_equal(px_ingest_path(c, path, &o), 5); /* records 5, 6, 7, 8 and 9 failed */
  assert_int_equal(px_corpus_count(c), 4);

  char where[600];
  static const int bad_lines[] = {5, 6, 7, 8, 9};
  assert_int_equal(g.n, 5);
  for (int i = 0; i < 5; i++) {
    snprintf(where, sizeof where, "%s:%d", path, bad_lines[i]);
    expect_diag(&g, i, PX_ERROR, PX_EJSON, where);
  }
  assert_non_null(strstr(g.d[0].msg, "title"));
  assert_non_null(strstr(g.d[3].msg, "text"));
  assert_non_null(strstr(g.d[4].msg, "id"));

  px_doc *d = px_corpus_doc(c, 0);
  expect_str(px_doc_meta(d, PX_META_ID), "alpha");
  expect_str(px_doc_meta(d, PX_META_SOURCE), "Harbour Gazette");
  expect_str(px_doc_meta(d, PX_META_URL), "https://example.org/1");
  expect_str(px_doc_meta(d, PX_META_PUBLISHED), "2016-12-14");
  expect_str(px_doc_meta(d, PX_META_TITLE), "Ferry strike ends");
  expect_str(px_doc_meta(d, PX_META_FORMAT), "jsonl");
  snprintf(where, sizeof where, "%s:1", path);
  expect_str(px_doc_meta(d, PX_META_PATH), where);
  expect_str(px_doc_text(d, NULL), "Ferry strike ends\n\nThe strike ended on Monday after talks.");
  assert_int_equal(px_doc_segment(d, 0), PX_OK);
  assert_int_equal(px_doc_layer(d, PX_LAYER_PARAGRAPHS, NULL)[0].kind, PX_PARA_HEADLINE);

  d = px_corpus_doc(c, 1); /* no id: FILE-ID:LINE */
  expect_str(px_doc_meta(d, PX_META_ID), "feed:2");
  expect_str(px_doc_meta(d, PX_META_TITLE), "Buses run late");
  snprintf(where, sizeof where, "%s:2", path);
  expect_str(px_doc_meta(d, PX_META_PATH), where);

  d = px_corpus_doc(c, 2);
  expect_str(px_doc_meta(d, PX_META_ID), "42");
  expect_str(px_doc_meta(d, PX_META_SOURCE), NULL);

  d = px_corpus_doc(c, 3);
  expect_str(px_doc_meta(d, PX_META_ID), "last");
  expect_str(px_doc_meta(d, PX_META_TITLE), "Final record");
  px_corpus_free(c);
}

static void test_jsonl_forced_and_bad(void **state) {
  scratch *s = *state;
  /* --input-format jsonl on a file named .txt */
  make_file(s, "records.txt", "{\"id\": \"r1\", \"text\": \"Record one\\n\\nBody.\"}\r\n"
                              "{\"id\": \"r2\", \"text\": \"Record two\\n\\nBody.\", \"published\": \"soon\"}\r\n");
  diags g;
  px_ingest_opts o = opts_with(&g);
  o.format = PX_FORMAT_JSONL;
  px_corpus *c = px_corpus_new();
  const char *path = path_in(s, "records.txt");
  assert_int_equal(px_ingest_path(c, path, &o), 0);
  assert_int_equal(px_corpus_count(c), 2);
  expect_str(px_doc_meta(px_corpus_doc(c, 1), PX_META_ID), "r2");
  /* a bad date in a record is a warning and is dropped */
  char where[600];
  snprintf(where, sizeof where, "%s:2", path);
  assert_int_equal(g.n, 1);
  expect_diag(&g, 0, PX_WARNING, PX_EDATE, where);
  expect_str(px_doc_meta(px_corpus_doc(c, 1), PX_META_PUBLISHED), NULL);
  px_corpus_free(c);

  /* a JSONL buffer with a NUL byte is binary: one error for the whole input */
  o = opts_with(&g);
  c = px_corpus_new();
  const char *name = path_in(s, "nul.jsonl");
  assert_true(px_ingest_buffer(c, name, "{\"text\": \"a\"}\n\0\n", 16, &o) > 0);
  assert_int_equal(g.n, 1);
  expect_diag(&g, 0, PX_ERROR, PX_EBINARY, name);
  assert_int_equal(px_corpus_count(c), 0);
  px_corpus_free(c);
}

/* ---- options --------------------------------------------------------- */

static void test_options_fill_in(void **state) {
  scratch *s = *state;
  make_dir(s, "opt");
  make_file(s, "opt/plain.txt", "Plain article\n\nWith no metadata of its own.\n");
  make_file(s, "opt/side.txt", "Side article\n\nWith a sidecar.\n");
  make_file(s, "opt/side.meta.json", "{\"source\": \"Sidecar Source\", \"published\": \"2015-05-05\"}");
  make_file(s, "opt/recs.jsonl", "{\"id\": \"r\", \"source\": \"Record Source\", \"published\": \"2014-04-04\", "
                                 "\"text\": \"Record article\\n\\nFrom a record.\"}\n");
  diags g;
  px_ingest_opts o = opts_with(&g);
  o.source = "Command Line";
  o.published = "2016-12-14T08:00:00Z";
  px_corpus *c = px_corpus_new();
  assert_int_equal(px_ingest_path(c, path_in(s, "opt"), &o), 0);
  assert_int_equal(g.n, 0);
  assert_int_equal(px_corpus_count(c), 3);
  /* The options fill in what an input lacks; a sidecar's or record's own values win. */
  static const char *const want_source[3] = {"Command Line", "Record Source", "Sidecar Source"};
  static const char *const want_published[3] = {"2016-12-14", "2014-04-04", "2015-05-05"};
  for (size_t i = 0; i < 3; i++) {
    expect_str(px_doc_meta(px_corpus_doc(c, i), PX_META_SOURCE), want_source[i]);
    expect_str(px_doc_meta(px_corpus_doc(c, i), PX_META_PUBLISHED), want_published[i]);
  }
  px_corpus_free(c);

  /* An invalid date in the options is reported (per input) and not applied. */
  o = opts_with(&g);
  o.published = "last week";
  c = px_corpus_new();
  const char *path = path_in(s, "opt/plain.txt");
  assert_int_equal(px_ingest_path(c, path, &o), 0);
  assert_int_equal(g.n, 1);
  expect_diag(&g, 0, PX_WARNING, PX_EDATE, path);
  expect_str(px_doc_meta(px_corpus_doc(c, 0), PX_META_PUBLISHED), NULL);
  px_corpus_free(c);
}

/* ---- boilerplate ----------------------------------------------------- */

/* An invented article with page furniture around it. */
static const char article[] =
    "Riverside council approves new footbridge\n"
    "\n"
    "The Riverside town council voted on Tuesday to build a footbridge across the Alder, ending a "
    "debate that has run for six years.\n"
    "\n"
    "The council voted to support the plan, which costs $5 million a year to maintain.\n"
    "Share on Facebook Twitter Email\n"
    "\n"
    "\xE2\x80\x9CWe need your support to finish it,\xE2\x80\x9D the mayor told residents at a meeting on "
    "Wednesday.\n"
    "\n"
    "Residents who live near the old ford said they welcomed the decision. A local charity said "
    "donations had paid for the first survey.\n"
    "\n"
    "Related articles\n"
    "Council delays vote on bus depot\n"
    "New school opens in Riverside\n"
    "\n"
    "Work is expected to start in the spring and to take 18 months, the council said.\n"
    "\n"
    "Add your comment\n"
    "\n"
    "Please support our independent journalism.\n"
    "Every donation, however small, helps us keep reporters in the field. Donate today.\n";

static void test_boilerplate_removed(void **state) {
  scratch *s = *state;
  diags g;
  px_ingest_opts o = opts_with(&g);
  px_corpus *c = px_corpus_new();
  assert_int_equal(px_ingest_buffer(c, path_in(s, "footbridge.txt"), article, sizeof article - 1, &o), 0);
  assert_int_equal(g.n, 0);
  px_doc *d = px_corpus_doc(c, 0);

  static const struct {
    const char *text, *reason;
  } want[] = {
      {"Share on Facebook Twitter Email", "share"},
      {"Related articles", "related"},
      {"Council delays vote on bus depot", "related"},
      {"New school opens in Riverside", "related"},
      {"Add your comment", "comments"},
      {"Please support our independent journalism.", "appeal"},
      {"Every donation, however small, helps us keep reporters in the field. Donate today.", "appeal"},
  };
  size_t n = px_doc_removed_count(d);
  for (size_t i = 0; i < n; i++) {
    const char *reason = NULL;
    const char *t = px_doc_removed(d, i, &reason);
    if (i >= sizeof want / sizeof *want) fail_msg("extra removed line \"%s\" (%s)", t, reason);
    expect_str(t, want[i].text);
    expect_str(reason, want[i].reason);
  }
  assert_int_equal(n, sizeof want / sizeof *want);

  /* The article stays whole: its headline and every paragraph, in order. */
  expect_str(px_doc_text(d, NULL),
             "Riverside council approves new footbridge\n"
             "\n"
             "The Riverside town council voted on Tuesday to build a footbridge across the Alder, ending a "
             "debate that has run for six years.\n"
             "\n"
             "The council voted to support the plan, which costs $5 million a year to maintain.\n"
             "\n"
             "\xE2\x80\x9CWe need your support to finish it,\xE2\x80\x9D the mayor told residents at a meeting on "
             "Wednesday.\n"
             "\n"
             "Residents who live near the old ford said they welcomed the decision. A local charity said "
             "donations had paid for the first survey.\n"
             "\n"
             "Work is expected to start in the spring and to take 18 months, the council said.");
  expect_str(px_doc_meta(d, PX_META_TITLE), "Riverside council approves new footbridge");
  px_corpus_free(c);
}

/* Words that boilerplate rules look for, used in ordinary news sentences, stay. */
/* Short lines above an appeal: the one next to it is its lead-in, but the
 * appeal does not swallow a whole run of short lines one by one. */
static void test_appeal_does_not_chain(void **state) {
  scratch *s = *state;
  static const char in[] =
      "Ferry timetable changes\n"
      "\n"
      "The island ferry moves to its winter timetable on Monday, the operator said.\n"
      "\n"
      "First sailing at 6am\n"
      "\n"
      "Last sailing at 11pm\n"
      "\n"
      "No Sunday service\n"
      "\n"
      "Thanks for reading\n"
      "\n"
      "Please support our independent journalism: donate today.\n";
  diags g;
  px_ingest_opts o = opts_with(&g);
  px_corpus *c = px_corpus_new();
  assert_int_equal(px_ingest_buffer(c, path_in(s, "ferry.txt"), in, sizeof in - 1, &o), 0);
  px_doc *d = px_corpus_doc(c, 0);
  assert_int_equal(px_doc_removed_count(d), 2);
  expect_str(px_doc_removed(d, 0, NULL), "Thanks for reading");
  expect_str(px_doc_removed(d, 1, NULL), "Please support our independent journalism: donate today.");
  assert_non_null(strstr(px_doc_text(d, NULL), "First sailing at 6am"));
  assert_non_null(strstr(px_doc_text(d, NULL), "No Sunday service"));
  px_corpus_free(c);
}

static void test_boilerplate_keeps_news(void **state) {
  scratch *s = *state;
  static const char in[] =
      "Library hours extended\n"
      "\n"
      "Readers can comment on the new opening hours at the library desk until Friday.\n"
      "\n"
      "The related costs, about $20,000, will be shared by the two towns.\n"
      "\n"
      "Share prices of the bus company rose 4% after the announcement.\n"
      "\n"
      "Comments from staff were mostly positive, the librarian said.\n"
      "\n"
      "Members of the friends' association donated 300 books last year, and the library will "
      "subscribe to two more newspapers.\n"
      "\n"
      "The night shelter urged residents to donate blankets, saying donations had fallen by a third "
      "since 2015.\n"
      "\n"
      "Most read titles this year were cookbooks.\n";
  diags g;
  px_ingest_opts o = opts_with(&g);
  px_corpus *c = px_corpus_new();
  assert_int_equal(px_ingest_buffer(c, path_in(s, "library.txt"), in, sizeof in - 1, &o), 0);
  px_doc *d = px_corpus_doc(c, 0);
  if (px_doc_removed_count(d) != 0) fail_msg("removed \"%s\"", px_doc_removed(d, 0, NULL));
  px_corpus_free(c);
}

int main(void) {
#define T(f) cmocka_unit_test_setup_teardown(f, scratch_setup, scratch_teardown)
  const struct CMUnitTest tests[] = {
      T(test_text_headline),
      T(test_text_headline_after_blank_lines_crlf),
      T(test_raw_text),
      T(test_stdin_name),
      T(test_bad_text_inputs),
      T(test_invalid_utf8),
      T(test_sidecar),
      T(test_sidecar_title_differs),
      T(test_sidecar_problems),
      T(test_directory),
      T(test_directory_with_bad_files),
      T(test_no_input),
      T(test_jsonl),
      T(test_jsonl_forced_and_bad),
      T(test_options_fill_in),
      T(test_boilerplate_removed),
      T(test_boilerplate_keeps_news),
      T(test_appeal_does_not_chain),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
