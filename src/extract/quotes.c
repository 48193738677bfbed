/* quotes.c - the quotes stage: direct, partial and reported speech with
 * their speakers (see quotes.h for the parts).
 *
 * Direct quotes and reported clauses are found first, each with the phrase
 * naming its speaker. Phrases are then resolved to entities in text order,
 * so a pronoun sees the speakers before it. Follow-up quotes take the
 * speaker of the quote they follow; a participle cue ("adding that") takes
 * the speaker of another item of its sentence. Reported clauses running on
 * into a second attribution of the same sentence ("X reported that A, and
 * a week later Y announced that B") stop where the second begins. */
#include "quotes.h"

#include <stdlib.h>

typedef struct stage {
  px_xctx *x;
  px_xq_items d, r; /* direct and reported items */
  px_xq_item **all; /* both, in the order of `key` */
  size_t n;
  px_xq_res res;
} stage;

/* Items are resolved in the order their speaker phrases (else their words) appear. */
static int cmp_key(const void *a, const void *b) {
  const px_xq_item *p = *(px_xq_item *const *)a, *q = *(px_xq_item *const *)b;
  if (p->at != q->at) return p->at < q->at ? -1 : 1;
  return p < q ? -1 : p > q;
}

static int cmp_start(const void *a, const void *b) {
  const px_xq_item *p = *(px_xq_item *const *)a, *q = *(px_xq_item *const *)b;
  if (p->sentence != q->sentence) return p->sentence < q->sentence ? -1 : 1;
  if (p->start != q->start) return p->start < q->start ? -1 : 1;
  return p < q ? -1 : p > q;
}

/* Speakers of items with a phrase, in text order. */
static int resolve_phrases(stage *st) {
  for (size_t i = 0; i < st->n; i++) {
    px_xq_item *it = st->all[i];
    int rc;
    if (it->same_sentence) { /* its speaker named earlier in the sentence, else the subject */
      const px_xq_item *pick = NULL;
      for (size_t k = i, steps = 0; k > 0 && !pick && steps < 32; k--, steps++) {
        const px_xq_item *p = st->all[k - 1];
        if (p->sentence == it->sentence && p->speaker >= 0 && p->at < it->at) pick = p;
        if (p->sentence < it->sentence - 1) break;
      }
      if (pick) {
        it->speaker = pick->speaker;
        it->np = pick->np;
        it->has_np = pick->has_np;
        continue;
      }
      const px_span *sent = &st->x->sent[it->sentence];
      size_t f = px_x_token_at(st->x, sent->start), l = px_x_token_at(st->x, sent->end);
      if (!px_xq_subject(st->x, f, it->cue.tok > f ? it->cue.tok : l, &it->np)) continue;
      it->has_np = true;
    }
    if (!it->has_np) continue;
    it->speaker = px_xq_resolve(&st->res, &it->np, &rc);
    if (rc) return rc;
    rc = px_xq_remember(&st->res, st->x->tok[it->np.first].start, it->speaker);
    if (rc) return rc;
  }
  return PX_OK;
}

static void inherit(stage *st) {
  for (size_t i = 0; i < st->d.n; i++) {
    px_xq_item *it = &st->d.v[i];
    if (it->inherit >= 0 && it->speaker < 0) {
      const px_xq_item *from = &st->d.v[it->inherit];
      it->speaker = from->speaker;
      if (from->has_np && from->sentence == it->sentence && !it->has_np) {
        it->np = from->np; /* the same attribution names it */
        it->has_np = true;
      }
    }
  }
}

/* Where a second attribution of the sentence starts a coordinated clause
 * ("..., and a week later Y announced"): the token of the joining word, or 0. */
static size_t joined_at(const px_xctx *x, size_t np_first, size_t floor) {
  static const char *const join[] = {"and", "but", "while", "whilst", "whereas", "meanwhile", NULL};
  for (size_t k = np_first, steps = 0; k > floor && steps < 6; k--, steps++) {
    if (px_xq_tok_char(x, k - 1, ';')) return k - 1;
    /* ", and": a comma makes it two clauses ("the army and its allies said" is one subject) */
    if (px_x_tok_in(x, k - 1, join) && k - 1 > floor && px_xq_tok_char(x, k - 2, ',')) return k - 1;
  }
  return 0;
}

/* "X reported that A, and Y announced that B": A stops before "and"; an
 * attribution inside A that is not coordinated nests in it and cuts nothing
 * ("according to X, Y announced ..."). */
static void cut_clauses(stage *st) {
  const px_xctx *x = st->x;
  for (size_t i = 0; i + 1 < st->n; i++) {
    px_xq_item *a = st->all[i];
    if (a->kind != PX_QUOTE_REPORTED) continue;
    size_t first = px_x_token_at(x, a->start);
    for (size_t k = i + 1; k < st->n && k - i <= 32 && st->all[k]->sentence == a->sentence; k++) {
      const px_xq_item *b = st->all[k];
      if (b->kind != PX_QUOTE_REPORTED || !b->has_np) continue;
      size_t bs = x->tok[b->np.first].start;
      if (bs <= a->start || bs >= a->end) continue;
      size_t j = joined_at(x, b->np.first, first);
      if (!j) continue;
      while (j > first && x->tok[j - 1].kind == PX_TOK_PUNCT) j--;
      if (j > first) a->end = x->tok[j - 1].end;
      break;
    }
  }
}

static int push_quotes(stage *st) {
  for (size_t i = 0; i < st->n; i++) {
    const px_xq_item *it = st->all[i];
    if (it->speaker < 0 && (it->kind == PX_QUOTE_REPORTED || !it->has_np)) continue;
    const px_xctx *x = st->x;
    px_quote q = {.start = it->start, .end = it->end, .kind = it->kind, .speaker = it->speaker,
                  .sentence = px_x_sentence_at(x, it->start)};
    if (it->has_np) {
      q.speaker_start = x->tok[it->np.first].start;
      q.speaker_end = x->tok[it->np.last - 1].end;
    }
    if (it->has_cue) {
      q.verb_start = x->tok[it->cue.tok].start;
      q.verb_end = x->tok[it->cue.tok + it->cue.ntok - 1].end;
      q.verb = it->cue.lemma;
    }
    if (px_doc_push_quote(x->doc, &q) < 0) return PX_ENOMEM;
  }
  return PX_OK;
}

static int run(stage *st) {
  int rc = px_xq_direct(st->x, &st->d);
  if (!rc) rc = px_xq_reported(st->x, &st->d, &st->r);
  if (rc) return rc;
  st->n = st->d.n + st->r.n;
  st->all = malloc((st->n ? st->n : 1) * sizeof *st->all);
  if (!st->all) return PX_ENOMEM;
  for (size_t i = 0; i < st->d.n; i++) st->all[i] = &st->d.v[i];
  for (size_t i = 0; i < st->r.n; i++) st->all[st->d.n + i] = &st->r.v[i];
  for (size_t i = 0; i < st->n; i++) {
    px_xq_item *it = st->all[i];
    it->at = it->has_np ? st->x->tok[it->np.first].start : it->start;
  }
  qsort(st->all, st->n, sizeof *st->all, cmp_key);
  if ((rc = resolve_phrases(st))) return rc;
  inherit(st);
  qsort(st->all, st->n, sizeof *st->all, cmp_start);
  cut_clauses(st);
  if ((rc = push_quotes(st))) return rc;
  return px_xq_finish(&st->res);
}

int px_x_quotes(px_xctx *x) {
  stage st = {.x = x, .res = {.x = x}};
  px_doc_entities(x->doc, &st.res.n_entities_before);
  px_doc_mentions(x->doc, &st.res.n_mentions_before);
  int rc = run(&st);
  free(st.all);
  free(st.d.v);
  free(st.r.v);
  px_xq_res_free(&st.res);
  return rc;
}
