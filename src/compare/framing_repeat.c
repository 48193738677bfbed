/* framing_repeat.c - repetition markers: the same phrase said over and over
 * (SemEval-2020 Task 11 "Repetition").
 *
 * A content trigram is three word tokens in a row within one sentence, the
 * first and the last not function words, no number among them, and one
 * content word in lower case outside any name the entities stage found (a
 * repeated name or date, "North Vestria Times", is not a message). Trigrams are keyed
 * by their stems (s->terms), so "rebel-held towns" and "rebel-held town"
 * count as one. A trigram found PX_REPEAT_MIN times or more in the document
 * is repeated; the span runs on while the next trigram (any words) is also
 * repeated, so one longer phrase makes one span,
 * and each such span is a marker whose cue is the phrase (lower-cased, as
 * written where the trigram first repeats). One hash pass to count, one to
 * mark: linear in the tokens. */
#include "compare/framing.h"

#include "core/internal.h"

#include <stdlib.h>
#include <string.h>

#define PX_REPEAT_MIN 3
#define PX_REPEAT_CUE_MAX 120

typedef struct tri {
  uint32_t a, b, c, count;
  const char *cue;
} tri;

typedef struct tritab {
  tri *slot;
  size_t mask;
} tritab;

/* Token i's term, or UINT32_MAX when it is no word. */
static uint32_t term_of(px_story *s, const px_frame_doc *fd, size_t i) {
  if (fd->tok[i].kind != PX_TOK_WORD) return UINT32_MAX;
  return px_terms_lookup(&s->terms, fd->text + fd->tok[i].start, fd->tok[i].end - fd->tok[i].start);
}

/* Flags the tokens inside name and acronym mentions (both lists ordered by start). */
static void mark_names(const px_frame_doc *fd, bool *name) {
  size_t nm = 0, k = 0;
  const px_mention *m = px_doc_mentions(fd->doc, &nm);
  for (size_t i = 0; i < fd->n_tok; i++) {
    while (k < nm && (m[k].end <= fd->tok[i].start || m[k].kind == PX_MENTION_GROUP || m[k].kind == PX_MENTION_PRONOUN))
      k++;
    name[i] = false;
    for (size_t j = k; j < nm && m[j].start <= fd->tok[i].start && !name[i]; j++)
      name[i] = m[j].kind != PX_MENTION_GROUP && m[j].kind != PX_MENTION_PRONOUN && fd->tok[i].end <= m[j].end;
  }
}

/* Any three words in a row within a sentence (counted, so that a repeated span can run on through "of the"). */
static bool trigram(const px_frame_doc *fd, const uint32_t *t, size_t i) {
  return i + 2 < fd->n_tok && t[i] != UINT32_MAX && t[i + 1] != UINT32_MAX && t[i + 2] != UINT32_MAX &&
         fd->tok[i].aux == fd->tok[i + 2].aux;
}

/* Whether a content trigram starts at token i (terms in t). */
static bool content(const px_story *s, const px_frame_doc *fd, const uint32_t *t, const bool *name, size_t i) {
  if (!trigram(fd, t, i)) return false;
  if (s->terms.stop[t[i]] || s->terms.stop[t[i + 2]]) return false;
  for (size_t k = i; k < i + 3; k++)
    if (!name[k] && !s->terms.stop[t[k]] && !px_is_upper((unsigned char)fd->text[fd->tok[k].start])) return true;
  return false;
}

static tri *find(tritab *h, const uint32_t *t, size_t i) {
  uint32_t x = (t[i] * 2654435761u) ^ (t[i + 1] * 40503u) ^ (t[i + 2] * 2246822519u);
  size_t k = (x ^ (x >> 15)) & h->mask;
  while (h->slot[k].count && !(h->slot[k].a == t[i] && h->slot[k].b == t[i + 1] && h->slot[k].c == t[i + 2]))
    k = (k + 1) & h->mask;
  return &h->slot[k];
}

/* Whether a repeated trigram starts at token i: a content one to start a span, any one to go on. */
static bool repeated(const px_story *s, const px_frame_doc *fd, const uint32_t *t, const bool *name, tritab *h,
                     size_t i, bool start) {
  if (!(start ? content(s, fd, t, name, i) : trigram(fd, t, i))) return false;
  return find(h, t, i)->count >= PX_REPEAT_MIN;
}

/* The cue for a span: its text lower-cased, cut at PX_REPEAT_CUE_MAX bytes (at a character start). */
static const char *make_cue(px_story *s, const px_frame_doc *fd, size_t start, size_t end) {
  size_t n = end - start;
  if (n > PX_REPEAT_CUE_MAX) {
    n = PX_REPEAT_CUE_MAX;
    while (n > 0 && ((unsigned char)fd->text[start + n] & 0xC0) == 0x80) n--;
  }
  char buf[PX_REPEAT_CUE_MAX + 1];
  for (size_t k = 0; k < n; k++) buf[k] = (char)px_lower((unsigned char)fd->text[start + k]);
  return px_s_intern(s, buf, n);
}

static int mark(px_story *s, const px_frame_doc *fd, const uint32_t *t, const bool *name, tritab *h) {
  for (size_t i = 0; i + 2 < fd->n_tok;) {
    if (!repeated(s, fd, t, name, h, i, true)) {
      i++;
      continue;
    }
    size_t q = i;
    while (q + 1 < fd->n_tok && fd->tok[q + 1].aux == fd->tok[i].aux && repeated(s, fd, t, name, h, q + 1, false)) q++;
    tri *e = find(h, t, i);
    size_t last = q + 2;
    while (last > i + 2 && s->terms.stop[t[last]]) last--; /* "break the siege on the" ends at "siege" */
    size_t start = fd->tok[i].start, end = fd->tok[last].end;
    if (!e->cue && !(e->cue = make_cue(s, fd, start, end))) return PX_ENOMEM;
    px_marker m = {PX_MARK_REPETITION, fd->d, fd->tok[i].aux, start, end, e->cue};
    if (PX_VEC_PUSH(s->markers, m)) return PX_ENOMEM;
    i = q + 3;
  }
  return PX_OK;
}

int px_frame_repeats(px_story *s, const px_frame_doc *fd) {
  if (fd->n_tok < 3) return PX_OK;
  uint32_t *t = malloc(fd->n_tok * sizeof *t);
  bool *name = malloc(fd->n_tok * sizeof *name);
  size_t size = 16;
  while (size < fd->n_tok * 2) size *= 2;
  tritab h = {calloc(size, sizeof *h.slot), size - 1};
  int rc = t && name && h.slot ? PX_OK : PX_ENOMEM;
  for (size_t i = 0; i < fd->n_tok && rc == PX_OK; i++) t[i] = term_of(s, fd, i);
  if (rc == PX_OK) mark_names(fd, name);
  for (size_t i = 0; i + 2 < fd->n_tok && rc == PX_OK; i++) {
    if (!trigram(fd, t, i)) continue;
    tri *e = find(&h, t, i);
    if (!e->count) e->a = t[i], e->b = t[i + 1], e->c = t[i + 2];
    e->count++;
  }
  if (rc == PX_OK) rc = mark(s, fd, t, name, &h);
  free(t);
  free(name);
  free(h.slot);
  return rc;
}
