/* plaintext.c - a plain-text article: headline, boilerplate removal, metadata. */
#include "ingest.h"

#include <stdlib.h>
#include <string.h>

/* A short line next to an appeal ("As you're here...") belongs to it. */
#define PX_APPEAL_LEAD_MAX 60

/* L_APPEAL_EDGE: joined an appeal only as a short lead-in or a line between two
 * zone lines; it is removed with the appeal but does not spread it further,
 * so a run of short lines above an appeal is not swallowed line by line. */
typedef enum { L_BLANK, L_TEXT, L_FURNITURE, L_APPEAL, L_APPEAL_EDGE } line_class;

typedef struct {
  size_t start, end; /* trimmed bytes of the line */
  line_class cls;
  const char *reason;
} line;

static bool list_item(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && px_is_digit((unsigned char)s[i])) i++;
  if (i > 0 && i < n && (s[i] == '.' || s[i] == ')')) return true;
  return n >= 3 && ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0xA2);
}

static bool ends_sentence(const char *s, size_t n) {
  while (n > 0 && strchr("\"')]", s[n - 1])) n--;
  if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
      ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
    n -= 3; /* closing curly quote */
  return n > 0 && strchr(".!?", s[n - 1]);
}

/* The nearest non-blank line before (dir -1) or after (dir +1) line i, or SIZE_MAX. */
static size_t neighbour(const line *ls, size_t nl, size_t i, int dir) {
  for (size_t k = i + (size_t)dir; k < nl; k += (size_t)dir)
    if (ls[k].cls != L_BLANK) return k;
  return SIZE_MAX;
}

static bool zone(const line *ls, size_t k) {
  return k != SIZE_MAX && (ls[k].cls == L_APPEAL || ls[k].cls == L_APPEAL_EDGE || ls[k].cls == L_FURNITURE);
}

/* A text line joins a neighbouring appeal: it is the outlet speaking of itself
 * next to one, a short lead-in next to one, or a single line between two zone
 * lines next to one. */
/* How line i joins a neighbouring appeal: L_APPEAL when the outlet speaks of
 * itself there, L_APPEAL_EDGE as a short lead-in or a line between two zone
 * lines, L_TEXT when it does not. */
static line_class joins_appeal(const line *ls, size_t nl, size_t i, const unsigned char *self) {
  size_t up = neighbour(ls, nl, i, -1), down = neighbour(ls, nl, i, +1);
  bool near_appeal = (up != SIZE_MAX && ls[up].cls == L_APPEAL) || (down != SIZE_MAX && ls[down].cls == L_APPEAL);
  bool near_edge = (up != SIZE_MAX && ls[up].cls == L_APPEAL_EDGE) || (down != SIZE_MAX && ls[down].cls == L_APPEAL_EDGE);
  if (near_appeal && self && self[i]) return L_APPEAL;
  bool sandwiched = zone(ls, up) && zone(ls, down) && (near_appeal || near_edge);
  bool lead = near_appeal && ls[i].end - ls[i].start <= PX_APPEAL_LEAD_MAX;
  return sandwiched || lead ? L_APPEAL_EDGE : L_TEXT;
}

static int classify(const char *t, line *ls, size_t nl) {
  bool in_related = false;
  unsigned char *self = calloc(nl ? nl : 1, 1); /* px_appeal_score == 1 */
  for (size_t i = 0; i < nl; i++) {
    line *l = &ls[i];
    if (l->cls == L_BLANK) continue;
    const char *s = t + l->start;
    size_t n = l->end - l->start;
    const char *why = px_boilerplate_line(s, n);
    /* The items under a "Related articles" header go with it, until running text. */
    if (in_related && !why && (list_item(s, n) || (n <= 2 * 80 && !ends_sentence(s, n)))) why = "related";
    else if (!why) in_related = false;
    if (why && strcmp(why, "related") == 0) in_related = true;
    int score = why ? 0 : px_appeal_score(s, n);
    if (why) {
      l->cls = L_FURNITURE;
      l->reason = why;
    } else if (score == 2) {
      l->cls = L_APPEAL;
      l->reason = "appeal";
    } else if (self && score == 1) self[i] = 1;
  }
  /* An appeal spreads to its neighbours: lines where the outlet speaks of itself,
   * short lead-ins ("As you're here..."), and single lines between two zone lines. */
  /* The first kept line is the headline: it never joins an appeal by spreading. */
  size_t headline = 0;
  while (headline < nl && ls[headline].cls != L_TEXT) headline++;
  /* To a fixed point, with a work list: a line is looked at again only when a
   * neighbour has joined an appeal, which keeps this linear in the number of
   * lines (a pass over every line per joining line took seconds on 100,000
   * short lines). The rules only ever add lines, so the result is the same. */
  size_t *todo = malloc((nl ? nl : 1) * sizeof *todo), top = 0;
  unsigned char *queued = calloc(nl ? nl : 1, 1);
  if (!todo || !queued) {
    free(todo);
    free(queued);
    free(self);
    return PX_ENOMEM;
  }
  for (size_t i = nl; i-- > 0;)
    if (ls[i].cls == L_TEXT && i != headline) todo[top++] = i, queued[i] = 1;
  while (top) {
    size_t i = todo[--top];
    queued[i] = 0;
    line_class joined = ls[i].cls == L_TEXT ? joins_appeal(ls, nl, i, self) : L_TEXT;
    if (joined == L_TEXT) continue;
    ls[i].cls = joined;
    ls[i].reason = "appeal";
    size_t nb[2] = {neighbour(ls, nl, i, -1), neighbour(ls, nl, i, +1)};
    for (int k = 0; k < 2; k++)
      if (nb[k] != SIZE_MAX && nb[k] != headline && ls[nb[k]].cls == L_TEXT && !queued[nb[k]])
        todo[top++] = nb[k], queued[nb[k]] = 1;
  }
  free(todo);
  free(queued);
  free(self);
  return PX_OK;
}

static int split_lines(const char *t, size_t len, line **out, size_t *nout) {
  size_t cap = 64, n = 0;
  line *ls = malloc(cap * sizeof *ls);
  if (!ls) return PX_ENOMEM;
  size_t i = 0;
  while (i <= len) {
    const char *nl = i < len ? memchr(t + i, '\n', len - i) : NULL;
    size_t e = nl ? (size_t)(nl - t) : len;
    size_t s = i, te = e;
    while (s < te && px_is_space((unsigned char)t[s])) s++;
    while (te > s && px_is_space((unsigned char)t[te - 1])) te--;
    /* U+00A0 on its own counts as blank too */
    bool blank = s == te || (te - s == 2 && (unsigned char)t[s] == 0xC2 && (unsigned char)t[s + 1] == 0xA0);
    if (n == cap) {
      line *p = realloc(ls, (cap *= 2) * sizeof *ls);
      if (!p) {
        free(ls);
        return PX_ENOMEM;
      }
      ls = p;
    }
    ls[n++] = (line){s, te, blank ? L_BLANK : L_TEXT, NULL};
    if (!nl) break;
    i = e + 1;
  }
  *out = ls;
  *nout = n;
  return PX_OK;
}

/* Rebuilds the text from the kept lines: lines of one block joined by "\n",
 * blocks by "\n\n". Dropped lines are recorded in the document. */
static int rebuild(px_doc **out, const char *t, const line *ls, size_t nl) {
  px_buf b = {0};
  bool gap = false;
  int rc = PX_OK;
  for (size_t i = 0; i < nl && !rc; i++) {
    const line *l = &ls[i];
    if (l->cls == L_BLANK || l->cls != L_TEXT) {
      if (l->cls == L_BLANK) gap = true;
      continue;
    }
    if (b.len) rc = px_buf_puts(&b, gap ? "\n\n" : "\n");
    if (!rc) rc = px_buf_append(&b, t + l->start, l->end - l->start);
    gap = false;
  }
  size_t len;
  char *text = rc ? NULL : px_buf_take(&b, &len);
  if (!text) {
    px_buf_free(&b);
    return PX_ENOMEM;
  }
  px_doc *d = px_doc_adopt(text, len);
  if (!d) {
    free(text);
    return PX_ENOMEM;
  }
  for (size_t i = 0; i < nl && !rc; i++)
    if (ls[i].cls == L_FURNITURE || ls[i].cls == L_APPEAL || ls[i].cls == L_APPEAL_EDGE)
      rc = px_doc_add_removed(d, t + ls[i].start, ls[i].end - ls[i].start, ls[i].reason);
  if (rc) {
    px_doc_free(d);
    return rc;
  }
  *out = d;
  return PX_OK;
}

static int set_meta(px_doc *d, const px_meta_in *m, const px_ingest_opts *o, const char *where) {
  /* The input's own metadata (sidecar, record) wins; the options fill what it lacks. */
  const char *source = m->source ? m->source : o->source;
  const char *published = m->published ? m->published : o->published;
  int rc = px_doc_set_meta(d, PX_META_ID, m->id);
  if (!rc && source) rc = px_doc_set_meta(d, PX_META_SOURCE, source);
  if (!rc && m->url) rc = px_doc_set_meta(d, PX_META_URL, m->url);
  if (!rc && m->title) rc = px_doc_set_meta(d, PX_META_TITLE, m->title);
  if (!rc && m->path) rc = px_doc_set_meta(d, PX_META_PATH, m->path);
  if (!rc && published) {
    char date[11];
    if (px_parse_date(published, date) == PX_OK) rc = px_doc_set_meta(d, PX_META_PUBLISHED, date);
    else px_diagf(o, PX_WARNING, PX_EDATE, where, "warning: published date \"%s\" is not YYYY-MM-DD; ignored",
                  published);
  }
  return rc;
}

int px_ingest_text(px_corpus *c, const char *where, const char *data, size_t len, const px_meta_in *m,
                   const px_ingest_opts *o) {
  char msg[160];
  int rc = px_check_bytes(data, len, msg, sizeof msg);
  if (rc) {
    px_diagf(o, PX_ERROR, rc, where, "%s", msg);
    return rc;
  }
  char *clean;
  size_t clen, nbad = 0, first = 0;
  rc = px_text_clean(data, len, o->text_flags, &clean, &clen, &nbad, &first);
  if (rc == PX_EUTF8) {
    px_diagf(o, PX_ERROR, rc, where, "invalid UTF-8 at byte offset %zu", first);
    return rc;
  }
  if (rc) {
    px_diagf(o, PX_ERROR, rc, where, "%s", px_strerror(rc));
    return rc;
  }
  if (nbad)
    px_diagf(o, PX_WARNING, PX_EUTF8, where,
             "warning: invalid UTF-8 at byte offset %zu (%zu sequence%s replaced by U+FFFD)", first, nbad,
             nbad == 1 ? "" : "s");
  line *ls = NULL;
  size_t nl = 0;
  px_doc *d = NULL;
  if (o->raw_text) {
    if (!(d = px_doc_adopt(clean, clen))) {
      free(clean);
      rc = PX_ENOMEM;
    }
  } else {
    rc = split_lines(clean, clen, &ls, &nl);
    if (!rc) rc = classify(clean, ls, nl);
    if (!rc) rc = rebuild(&d, clean, ls, nl);
    free(ls);
    free(clean);
  }
  if (!rc && px_doc_text(d, NULL)[0] == '\0') { /* possible only after removing boilerplate */
    px_diagf(o, PX_ERROR, PX_EEMPTY, where, "no text left after removing boilerplate");
    px_doc_free(d);
    return PX_EEMPTY;
  }
  if (!rc) rc = set_meta(d, m, o, where);
  if (!rc && !o->raw_text && !px_doc_meta(d, PX_META_TITLE)) { /* the first line is the headline */
    const char *t = px_doc_text(d, NULL);
    const char *nlp = strchr(t, '\n');
    char *title = px_strndup(t, nlp ? (size_t)(nlp - t) : strlen(t));
    rc = title ? px_doc_set_meta(d, PX_META_TITLE, title) : PX_ENOMEM;
    free(title);
  }
  if (!rc) rc = px_doc_set_meta(d, PX_META_FORMAT, "text");
  if (rc) {
    px_diagf(o, PX_ERROR, rc, where, "%s", px_strerror(rc));
    px_doc_free(d);
    return rc;
  }
  return px_corpus_add(c, d);
}
