/* framing.c - story stage: how each source frames the event.
 *
 * For every document, in corpus order, one px_framing with three lists:
 *
 *  1. Distinctive terms (framing_terms.c): the stems a source uses more than
 *     the other sources, by the log-odds ratio with an informative Dirichlet
 *     prior (Monroe, Colaresi & Quinn 2008), each with the sentences that use
 *     it.
 *  2. Markers (framing_markers.c, framing_repeat.c): spans that signal a
 *     framing choice: loaded words, name calling, hedges, certainty,
 *     distancing, doubt, exclamations, slogans, flag-waving, appeals to
 *     authority and fear, exaggeration, repetition, and the name given to the
 *     event. Cues come from data/framing.txt (written for this project after
 *     Hyland's hedges and boosters, the SemEval-2020 Task 11 propaganda
 *     techniques and the NPOV bias-word classes) and from sentence rules.
 *     They are evidence spans, not verdicts: a hedge may be good practice.
 *     Only the outlet's own voice counts, except for event names: words
 *     inside attributed quotations are the speaker's. In text order.
 *  3. Whom it quotes (here): the speakers of its direct, partial and
 *     reported quotes, grouped by story entity and actor, with their share
 *     of the document's attributed quotes (quotes whose speaker the text
 *     names, by entity or by a phrase such as "a resident"), most quoted
 *     first. Unnamed speakers share the entity -1, split by actor.
 *
 * Everything is linear in the corpus: per document, only its own tokens,
 * sentence term lists and quotes are visited. */
#include "compare/framing.h"

#include "core/internal.h"

#include <stdlib.h>
#include <string.h>

static int cmp_span(const void *a, const void *b) {
  const px_span *x = a, *y = b;
  return (x->start > y->start) - (x->start < y->start);
}

bool px_frame_in_quote(const px_frame_doc *fd, size_t pos) {
  size_t lo = 0, hi = fd->n_quoted;
  while (lo < hi) { /* first span that ends after pos */
    size_t mid = lo + (hi - lo) / 2;
    if (fd->quoted[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo < fd->n_quoted && fd->quoted[lo].start <= pos;
}

/* The document's direct and partial quotes as sorted, merged spans. */
static int quote_spans(px_frame_doc *fd) {
  size_t nq = 0, n = 0;
  const px_quote *q = px_doc_quotes(fd->doc, &nq);
  fd->quoted = malloc((nq ? nq : 1) * sizeof *fd->quoted);
  if (!fd->quoted) return PX_ENOMEM;
  for (size_t i = 0; i < nq; i++)
    if (q[i].kind != PX_QUOTE_REPORTED && q[i].end > q[i].start)
      fd->quoted[n++] = (px_span){q[i].start, q[i].end, 0, 0};
  px_sort(fd->quoted, n, sizeof *fd->quoted, cmp_span);
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (k && fd->quoted[i].start <= fd->quoted[k - 1].end) {
      if (fd->quoted[i].end > fd->quoted[k - 1].end) fd->quoted[k - 1].end = fd->quoted[i].end;
    } else {
      fd->quoted[k++] = fd->quoted[i];
    }
  }
  fd->n_quoted = k;
  return PX_OK;
}

static int cmp_marker(const void *a, const void *b) {
  const px_marker *x = a, *y = b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  if (x->end != y->end) return x->end < y->end ? -1 : 1;
  return (x->kind > y->kind) - (x->kind < y->kind);
}

static int cmp_quoted(const void *a, const void *b) {
  const px_quoted *x = a, *y = b;
  if (x->count != y->count) return x->count < y->count ? 1 : -1;
  if (x->entity != y->entity) return x->entity < y->entity ? -1 : 1;
  return (x->actor > y->actor) - (x->actor < y->actor);
}

/* Speaker -> actor lookups: story entity -> actor, and each document's
 * labels with their actors (the labels stage runs before this one). */
typedef struct actor_ix {
  int32_t *of_entity;  /* [story entity] -> actor or -1 */
  size_t *label_first; /* [doc .. doc + 1): range of order[] */
  size_t *order;       /* label indexes grouped by doc */
  int32_t *label_actor; /* [label] -> actor */
} actor_ix;

static void actor_ix_free(actor_ix *ix) {
  free(ix->of_entity);
  free(ix->label_first);
  free(ix->order);
  free(ix->label_actor);
}

static int actor_ix_build(const px_story *s, actor_ix *ix) {
  size_t ne = s->entities.n, nl = s->labels.n;
  ix->of_entity = malloc((ne ? ne : 1) * sizeof *ix->of_entity);
  ix->label_first = calloc(s->ndocs + 1, sizeof *ix->label_first);
  ix->order = malloc((nl ? nl : 1) * sizeof *ix->order);
  ix->label_actor = malloc((nl ? nl : 1) * sizeof *ix->label_actor);
  size_t *pos = calloc(s->ndocs + 1, sizeof *pos);
  if (!ix->of_entity || !ix->label_first || !ix->order || !ix->label_actor || !pos) {
    free(pos);
    return PX_ENOMEM;
  }
  for (size_t e = 0; e < ne; e++) ix->of_entity[e] = -1;
  for (size_t l = 0; l < nl; l++) ix->label_actor[l] = -1;
  for (size_t a = 0; a < s->actors.n; a++) {
    const px_actor *ac = &s->actors.v[a];
    if (ac->entity >= 0 && (size_t)ac->entity < ne && ix->of_entity[ac->entity] < 0) ix->of_entity[ac->entity] = (int32_t)a;
    for (size_t l = ac->first_label; l < ac->first_label + ac->label_count && l < nl; l++) ix->label_actor[l] = (int32_t)a;
  }
  /* counting sort of the labels by document */
  for (size_t l = 0; l < nl; l++)
    if (s->labels.v[l].doc < s->ndocs) ix->label_first[s->labels.v[l].doc + 1]++;
  for (size_t d = 0; d < s->ndocs; d++) ix->label_first[d + 1] += ix->label_first[d];
  memcpy(pos, ix->label_first, (s->ndocs + 1) * sizeof *pos);
  for (size_t l = 0; l < nl; l++)
    if (s->labels.v[l].doc < s->ndocs) ix->order[pos[s->labels.v[l].doc]++] = l;
  free(pos);
  return PX_OK;
}

static bool same_ci(const char *a, const char *b) {
  if (!a || !b) return false;
  for (; *a && *b; a++, b++)
    if (px_lower((unsigned char)*a) != px_lower((unsigned char)*b)) return false;
  return *a == *b;
}

/* The actor of local entity `ent` of document d (story entity `se`), or -1:
 * the actor anchored on that story entity, else the one whose label in this
 * document is the entity's head or name ("rebel", "government forces"). */
static int32_t actor_of(const px_story *s, const actor_ix *ix, size_t d, const px_entity *ent, int32_t se) {
  if (se >= 0 && (size_t)se < s->entities.n && ix->of_entity[se] >= 0) return ix->of_entity[se];
  if (!ent) return -1;
  for (size_t k = ix->label_first[d]; k < ix->label_first[d + 1]; k++) {
    const px_label *l = &s->labels.v[ix->order[k]];
    if (ix->label_actor[ix->order[k]] >= 0 && (same_ci(l->text, ent->head) || same_ci(l->text, ent->name)))
      return ix->label_actor[ix->order[k]];
  }
  return -1;
}

/* Who document d quotes: px_quoted rows, most quoted first. */
static int quoted_of(px_story *s, const actor_ix *ix, size_t d) {
  const px_doc *doc = px_corpus_doc(s->corpus, d);
  size_t nq = 0, ne = 0;
  const px_quote *q = px_doc_quotes(doc, &nq);
  const px_entity *ents = px_doc_entities(doc, &ne);
  size_t first = s->quoted.n, total = 0;
  /* a small open-addressing table of (entity, actor) -> row */
  size_t size = 16;
  while (size < nq * 2) size *= 2;
  size_t *slot = malloc(size * sizeof *slot);
  if (!slot) return PX_ENOMEM;
  memset(slot, 0xff, size * sizeof *slot);
  int rc = PX_OK;
  for (size_t i = 0; i < nq && rc == PX_OK; i++) {
    bool named = q[i].speaker >= 0 && (size_t)q[i].speaker < ne;
    if (!named && q[i].speaker_end <= q[i].speaker_start) continue; /* no speaker: not attributed */
    int32_t se = named ? px_story_entity_of(s, d, q[i].speaker) : -1;
    int32_t actor = actor_of(s, ix, d, named ? &ents[q[i].speaker] : NULL, se);
    total++;
    uint32_t hsh = (uint32_t)(se + 1) * 2654435761u ^ (uint32_t)(actor + 1) * 40503u;
    size_t h = (hsh ^ (hsh >> 13)) & (size - 1);
    while (slot[h] != SIZE_MAX && !(s->quoted.v[slot[h]].entity == se && s->quoted.v[slot[h]].actor == actor))
      h = (h + 1) & (size - 1);
    if (slot[h] != SIZE_MAX) {
      s->quoted.v[slot[h]].count++;
      continue;
    }
    px_quoted row = {se, actor, 1, 0};
    slot[h] = s->quoted.n;
    rc = PX_VEC_PUSH(s->quoted, row);
  }
  free(slot);
  for (size_t k = first; k < s->quoted.n; k++) s->quoted.v[k].share = (double)s->quoted.v[k].count / (double)total;
  if (s->quoted.n > first) px_sort(s->quoted.v + first, s->quoted.n - first, sizeof *s->quoted.v, cmp_quoted);
  return rc;
}

/* One document's framing. */
static int frame_doc(px_story *s, const px_frame_lex *lx, const actor_ix *ix, size_t d, uint32_t *count,
                     uint32_t *mark) {
  px_frame_doc fd = {.d = (uint32_t)d, .doc = px_corpus_doc(s->corpus, d)};
  fd.text = px_doc_text(fd.doc, NULL);
  fd.sent = px_doc_layer(fd.doc, PX_LAYER_SENTENCES, &fd.n_sent);
  fd.tok = px_doc_layer(fd.doc, PX_LAYER_TOKENS, &fd.n_tok);
  px_framing f = {.doc = (uint32_t)d, .words = s->terms.doc_words[d]};
  f.first_term = s->terms_out.n;
  f.first_marker = s->markers.n;
  f.first_quoted = s->quoted.n;
  int rc = quote_spans(&fd);
  if (rc == PX_OK && s->ndocs > 1) rc = px_frame_terms(s, &fd, count, mark);
  if (rc == PX_OK) rc = px_frame_markers(s, &fd, lx);
  if (rc == PX_OK) rc = px_frame_repeats(s, &fd);
  if (rc == PX_OK) rc = quoted_of(s, ix, d);
  free(fd.quoted);
  if (rc) return rc;
  f.term_count = s->terms_out.n - f.first_term;
  f.marker_count = s->markers.n - f.first_marker;
  f.quoted_count = s->quoted.n - f.first_quoted;
  if (f.marker_count) px_sort(s->markers.v + f.first_marker, f.marker_count, sizeof *s->markers.v, cmp_marker);
  return PX_VEC_PUSH(s->framing, f);
}

int px_s_framing(px_story *s) {
  /* the stage's own output starts empty, so running it again replaces it */
  s->framing.n = s->terms_out.n = s->markers.n = s->quoted.n = 0;
  size_t nt = s->terms.n_terms ? s->terms.n_terms : 1;
  uint32_t *count = calloc(nt, sizeof *count);
  uint32_t *mark = malloc(nt * sizeof *mark);
  px_frame_lex lx = {0};
  actor_ix ix = {0};
  int rc = count && mark ? px_frame_lex_init(&lx) : PX_ENOMEM;
  if (rc == PX_OK) rc = actor_ix_build(s, &ix);
  if (mark) memset(mark, 0xff, nt * sizeof *mark);
  for (size_t d = 0; d < s->ndocs && rc == PX_OK; d++) rc = frame_doc(s, &lx, &ix, d, count, mark);
  actor_ix_free(&ix);
  px_frame_lex_free(&lx);
  free(count);
  free(mark);
  return rc;
}
