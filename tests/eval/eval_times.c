/* eval_times.c - measures the times recognizer (px_find_times) against the
 * English date and duration specs of Microsoft Recognizers-Text.
 *
 *   eval_times [-v] DIR
 *
 * Reads DIR/recognizers-text/DateTime/{DateExtractor,DateParser,DurationParser}.json:
 * arrays of {"Input", "Context": {"ReferenceDateTime"}?, "NotSupported"?,
 * "Results": [{"Text", "Start", "Value": {"Timex", "FutureResolution",
 * "PastResolution"}}]}. Cases the reference .NET implementation does not
 * support (NotSupported names "dotnet") are skipped and counted; every other
 * case counts.
 *
 * A case is right when the expressions found (DATE items for the date files,
 * DURATION items for the duration file) are exactly the expected ones: same
 * start (in characters) and the same text ignoring case. For the parsers the
 * value must match too: a date equals the Timex or, where the spec resolves
 * an underspecified Timex ("XXXX-10-02"), its future or past resolution; a
 * duration equals the Timex or states the same length (PT2H30M = PT2.5H,
 * P6M = P0.5Y, P10D = P1W3D, P2DE = P20Y). Extents follow TimeML where the specs differ
 * (no introducing "on"/"in"), so such cases count as failures.
 *
 * Prints each file's score and "dates+durations: N/M (P%)"; exits 1 below
 * PX_EVAL_FLOOR, 77 (skipped) when the data is missing.
 */
#include "parallax.h"

#include <ctype.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The lowest acceptable combined score in percent: what the recognizer
 * reached when last measured (309/340 = 90.9 %), rounded down. Raise it when the score goes up;
 * never lower it to let a regression pass. */
#define PX_EVAL_FLOOR 90.0

static int verbose;

/* Reads a whole file, without a leading UTF-8 BOM. */
static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *b = malloc(cap);
  size_t got;
  while (b && (got = fread(b + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) {
      char *p = realloc(b, cap *= 2);
      if (!p) free(b);
      b = p;
    }
  }
  fclose(f);
  if (!b) return NULL;
  if (n >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0) memmove(b, b + 3, n -= 3);
  *len = n;
  return b;
}

/* A TIMEX3 duration as (months, seconds); false when it is not one ("P1BD", "PXD"). */
static bool dur_parse(const char *s, double *months, double *secs) {
  if (!s || *s != 'P') return false;
  *months = *secs = 0;
  bool time = false;
  for (s++; *s;) {
    if (*s == 'T') {
      time = true, s++;
      continue;
    }
    char *end;
    double v = strtod(s, &end);
    if (end == s || !*end) return false;
    if ((end[0] == 'D' && end[1] == 'E') || (end[0] == 'C' && end[1] == 'E')) { /* decades, centuries */
      *months += (end[0] == 'D' ? 120 : 1200) * v;
      s = end + 2;
      continue;
    }
    switch (*end) {
    case 'Y': *months += 12 * v; break;
    case 'M': if (time) *secs += 60 * v; else *months += v; break;
    case 'W': *secs += 7 * 86400 * v; break;
    case 'D': *secs += 86400 * v; break;
    case 'H': *secs += 3600 * v; break;
    case 'S': *secs += v; break;
    default: return false;
    }
    s = end + 1;
  }
  return true;
}

static bool same_duration(const char *a, const char *b) {
  double ma, sa, mb, sb;
  if (strcmp(a, b) == 0) return true;
  return dur_parse(a, &ma, &sa) && dur_parse(b, &mb, &sb) && fabs(ma - mb) < 1e-6 && fabs(sa - sb) < 1e-3;
}

static const char *jstr(json_t *o, const char *k) {
  json_t *v = json_object_get(o, k);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

static bool date_ok(json_t *value, const char *mine) {
  const char *timex = jstr(value, "Timex");
  if (timex && strcmp(timex, mine) == 0) return true;
  const char *res[2] = {"FutureResolution", "PastResolution"};
  for (int k = 0; k < 2; k++) {
    const char *d = jstr(json_object_get(value, res[k]), "date");
    if (d && strcmp(d, mine) == 0) return true;
  }
  return false;
}

/* Characters (code points) before byte offset b. */
static size_t chars_before(const char *s, size_t b) {
  size_t n = 0;
  for (size_t k = 0; k < b; k++) n += ((unsigned char)s[k] & 0xC0) != 0x80;
  return n;
}

/* Scores one case; 1 right, 0 wrong. */
static int score_case(json_t *c, px_time_type want, bool parser) {
  const char *input = jstr(c, "Input");
  const char *ref = jstr(json_object_get(c, "Context"), "ReferenceDateTime");
  char refd[11] = "2016-11-07"; /* extractor cases give none: any date does */
  if (ref && strlen(ref) >= 10) memcpy(refd, ref, 10);
  px_time *t;
  int n = px_find_times(input, strlen(input), refd, &t);
  if (n < 0) return 0;
  json_t *exp = json_object_get(c, "Results");
  size_t ne = json_array_size(exp), found = 0, right = 0;
  for (int k = 0; k < n; k++) found += t[k].type == want;
  for (size_t e = 0; e < ne && found == ne; e++) {
    json_t *r = json_array_get(exp, e);
    const char *text = jstr(r, "Text");
    size_t start = (size_t)json_integer_value(json_object_get(r, "Start"));
    for (int k = 0; k < n; k++) {
      if (t[k].type != want || chars_before(input, t[k].start) != start || !text) continue;
      if (strlen(text) != t[k].end - t[k].start || strncasecmp(text, input + t[k].start, strlen(text)) != 0) continue;
      json_t *value = json_object_get(r, "Value");
      const char *timex = jstr(value, "Timex");
      if (parser && want == PX_TIME_DURATION && !(timex && same_duration(timex, t[k].value))) continue;
      if (parser && want == PX_TIME_DATE && !date_ok(value, t[k].value)) continue;
      right++;
      break;
    }
  }
  int ok = found == ne && right == ne;
  if (!ok && verbose) {
    printf("  FAIL %s (ref %s)\n    expected:", input, refd);
    for (size_t e = 0; e < ne; e++) {
      json_t *r = json_array_get(exp, e);
      printf(" [%s]@%lld=%s", jstr(r, "Text"), (long long)json_integer_value(json_object_get(r, "Start")),
             jstr(json_object_get(r, "Value"), "Timex") ? jstr(json_object_get(r, "Value"), "Timex") : "");
    }
    printf("\n    got:     ");
    for (int k = 0; k < n; k++)
      printf(" [%.*s]@%zu=%s(%s)", (int)(t[k].end - t[k].start), input + t[k].start, chars_before(input, t[k].start),
             t[k].value, px_time_type_name(t[k].type));
    printf("\n");
  }
  free(t);
  return ok;
}

static bool not_supported(json_t *c) {
  const char *ns = jstr(c, "NotSupported");
  if (!ns) return false;
  for (const char *p = ns; (p = strstr(p, "dotnet")) != NULL; p++) return true;
  return false;
}

int main(int argc, char **argv) {
  const char *dir = NULL;
  for (int a = 1; a < argc; a++) {
    if (strcmp(argv[a], "-v") == 0) verbose = 1;
    else dir = argv[a];
  }
  if (!dir) {
    fprintf(stderr, "usage: eval_times [-v] DIR\n");
    return 2;
  }
  static const struct {
    const char *file;
    px_time_type type;
    bool parser;
  } suites[] = {{"DateExtractor.json", PX_TIME_DATE, false},
                {"DateParser.json", PX_TIME_DATE, true},
                {"DurationParser.json", PX_TIME_DURATION, true}};
  size_t all_right = 0, all_total = 0, all_skipped = 0;
  for (size_t s = 0; s < sizeof suites / sizeof *suites; s++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/recognizers-text/DateTime/%s", dir, suites[s].file);
    size_t len;
    char *data = slurp(path, &len);
    if (!data) {
      printf("skipped: %s not found\n", path);
      return 77;
    }
    json_error_t err;
    json_t *cases = json_loadb(data, len, 0, &err);
    free(data);
    if (!json_is_array(cases)) {
      fprintf(stderr, "%s:%d: %s\n", path, err.line, err.text);
      json_decref(cases);
      return 1;
    }
    size_t right = 0, total = 0, skipped = 0, i;
    json_t *c;
    if (verbose) printf("%s\n", suites[s].file);
    json_array_foreach(cases, i, c) {
      if (not_supported(c)) {
        skipped++;
        continue;
      }
      total++;
      right += (size_t)score_case(c, suites[s].type, suites[s].parser);
    }
    json_decref(cases);
    printf("%s: %zu/%zu (%.1f%%), %zu skipped (not supported by the reference implementation)\n", suites[s].file,
           right, total, total ? 100.0 * (double)right / (double)total : 0.0, skipped);
    all_right += right, all_total += total, all_skipped += skipped;
  }
  double pct = all_total ? 100.0 * (double)all_right / (double)all_total : 0;
  printf("dates+durations: %zu/%zu (%.1f%%), %zu skipped\n", all_right, all_total, pct, all_skipped);
  if (pct < PX_EVAL_FLOOR) {
    printf("FAIL: below the floor of %.1f%%\n", PX_EVAL_FLOOR);
    return 1;
  }
  return 0;
}
