/* summary.c - story stage 7: an extractive multi-perspective summary. No
 * sentence is written; every line is a sentence of one source with links to
 * the sentences of every source behind it. Three sections, in this order:
 *
 * agreed: sentences that the most distinct sources state (the sentence's
 *   document plus the documents of its supports, corroborate.c). Relevance
 *     rel = sources / most sources of any sentence * (0.8 + 0.2 * mean support score)
 *           * 1 / (1 + 0.25 * framing markers in the sentence)   (neutral wording)
 *           * 0.8 when it holds a quote                          (the outlet's own voice first)
 *           * 0.7 when it holds a claim whose figure sources dispute (shown under contested)
 *   Only sentences ending in a full stop are lines (no headline, caption,
 *   question or exclamation).
 *   Picked greedily by MMR (Carbonell & Goldstein 1998), lambda 0.7:
 *     argmax 0.7 * rel - 0.3 * max cosine to the sentences already picked,
 *   so four sources' versions of one fact give one line. At most
 *   opts.summary_sentences lines; refs = the sentence and its supports.
 *
 * contested: claim groups (claims.c) of two or more documents whose verdict
 *   is conflict, then those that are a progression (a figure that changed
 *   over time), up to opts.summary_sentences groups. One line per document: its
 *   latest claim (by as_of), topic = the group's measure, refs = every
 *   sentence of that document's claims in the group.
 *
 * exclusive: the most salient exclusives (exclusives.c) of all documents,
 *   at most one per document, then a second per document if room is left,
 *   up to opts.summary_sentences, full sentences only as above; refs = the
 *   sentence. */
#include "compare/index.h"
#include "compare/story.h"

#include <stdlib.h>
#include <string.h>

#define MMR_LAMBDA 0.7
#define AGREED_POOL 200 /* candidates MMR looks at: the most relevant ones */

typedef struct agreed {
  size_t first, count; /* its supports: range of s->supports */
  double rel;
} agreed;

static int cmp_rel(const void *a, const void *b) {
  const agreed *x = a, *y = b;
  if (x->rel != y->rel) return (x->rel < y->rel) - (x->rel > y->rel);
  return (x->first > y->first) - (x->first < y->first);
}

/* Distinct documents among supports [first, first + count) plus the sentence's own. */
static size_t distinct_sources(const px_story *s, size_t first, size_t count) {
  size_t n = 1;
  for (size_t i = first; i < first + count; i++) {
    bool seen = false;
    for (size_t j = first; j < i && !seen; j++) seen = s->supports.v[j].to.doc == s->supports.v[i].to.doc;
    n += !seen;
  }
  return n;
}

/* A summary line is a full sentence that states something: it ends with a
 * full stop (before any closing quotes), so headlines, captions, questions
 * and exclamations are left out. */
static bool is_statement(const px_story *s, px_sref r) {
  size_t len = 0;
  const char *t = px_story_sentence(s, r, &len);
  for (;;) { /* closing marks: ' " ) and the UTF-8 right quotes (E2 80 99, E2 80 9D) */
    if (len > 0 && (t[len - 1] == ' ' || t[len - 1] == '"' || t[len - 1] == '\'' || t[len - 1] == ')')) len--;
    else if (len >= 3 && memcmp(t + len - 3, "\xe2\x80", 2) == 0 && (t[len - 1] == '\x99' || t[len - 1] == '\x9d')) len -= 3;
    else break;
  }
  return len > 0 && t[len - 1] == '.';
}

static bool has_quote(const px_story *s, px_sref r) {
  size_t n = 0;
  const px_quote *q = px_doc_quotes(px_corpus_doc(s->corpus, r.doc), &n);
  for (size_t i = 0; i < n; i++)
    if (q[i].sentence == (int32_t)r.sentence && q[i].kind != PX_QUOTE_REPORTED) return true;
  return false;
}

/* Framing markers per global sentence (NULL when there are none). */
static uint32_t *marker_counts(const px_story *s) {
  if (!s->markers.n) return NULL;
  uint32_t *m = calloc(s->terms.n_sent + 1, sizeof *m);
  if (!m) return NULL;
  for (size_t i = 0; i < s->markers.n; i++) {
    const px_marker *k = &s->markers.v[i];
    if (k->doc < s->ndocs && k->sentence < s->terms.sent_base[k->doc + 1] - s->terms.sent_base[k->doc])
      m[px_terms_sent(&s->terms, k->doc, k->sentence)]++;
  }
  return m;
}

/* Sentences holding a claim of a conflict or progression group (NULL when none). */
static bool *disputed_sentences(const px_story *s) {
  bool *d = NULL;
  for (size_t g = 0; g < s->groups.n; g++) {
    const px_claim_group *grp = &s->groups.v[g];
    if (grp->verdict != PX_VERDICT_CONFLICT && grp->verdict != PX_VERDICT_PROGRESSION) continue;
    if (!d && !(d = calloc(s->terms.n_sent + 1, sizeof *d))) return NULL;
    for (size_t i = grp->first_claim; i < grp->first_claim + grp->claim_count && i < s->claims.n; i++) {
      const px_claim *c = &s->claims.v[i];
      if (c->doc < s->ndocs && c->sentence < s->terms.sent_base[c->doc + 1] - s->terms.sent_base[c->doc])
        d[px_terms_sent(&s->terms, c->doc, c->sentence)] = true;
    }
  }
  return d;
}

/* One candidate per sentence with supports, with its relevance. */
static int agreed_candidates(const px_story *s, agreed **out, size_t *n_out) {
  size_t n = 0, cap = 0, best = 1;
  agreed *a = NULL;
  for (size_t i = 0; i < s->supports.n;) {
    size_t j = i;
    while (j < s->supports.n && s->supports.v[j].from.doc == s->supports.v[i].from.doc &&
           s->supports.v[j].from.sentence == s->supports.v[i].from.sentence)
      j++;
    if (!is_statement(s, s->supports.v[i].from)) {
      i = j;
      continue;
    }
    if (px_vec_reserve(&a, &cap, n + 1, sizeof *a)) return free(a), PX_ENOMEM;
    a[n++] = (agreed){i, j - i, 0};
    size_t src = distinct_sources(s, i, j - i);
    if (src > best) best = src;
    i = j;
  }
  uint32_t *marks = marker_counts(s);
  bool *disputed = disputed_sentences(s);
  for (size_t k = 0; k < n; k++) {
    px_sref r = s->supports.v[a[k].first].from;
    double mean = 0;
    for (size_t i = a[k].first; i < a[k].first + a[k].count; i++) mean += s->supports.v[i].score;
    mean /= (double)a[k].count;
    double rel = (double)distinct_sources(s, a[k].first, a[k].count) / (double)best * (0.8 + 0.2 * mean);
    if (marks) rel /= 1.0 + 0.25 * marks[px_terms_sent(&s->terms, r.doc, r.sentence)];
    if (has_quote(s, r)) rel *= 0.8;
    if (disputed && disputed[px_terms_sent(&s->terms, r.doc, r.sentence)]) rel *= 0.7;
    a[k].rel = rel;
  }
  free(marks);
  free(disputed);
  px_sort(a, n, sizeof *a, cmp_rel);
  *out = a;
  *n_out = n < AGREED_POOL ? n : AGREED_POOL;
  return PX_OK;
}

/* Is `r` one of the supports of candidate `c`? */
static bool linked(const px_story *s, const agreed *c, px_sref r) {
  for (size_t i = c->first; i < c->first + c->count; i++)
    if (s->supports.v[i].to.doc == r.doc && s->supports.v[i].to.sentence == r.sentence) return true;
  return false;
}

/* Appends an item whose refs are `ref` and then the `to` of supports [first, first + count). */
static int push_item(px_story *s, px_summary_section sec, px_sref ref, size_t first, size_t count) {
  px_summary_item it = {sec, NULL, ref, -1, s->refs.n, 0};
  int rc = px_s_push_ref(s, ref.doc, ref.sentence);
  for (size_t i = first; i < first + count && rc == PX_OK; i++)
    rc = px_s_push_ref(s, s->supports.v[i].to.doc, s->supports.v[i].to.sentence);
  it.ref_count = s->refs.n - it.first_ref;
  return rc ? rc : PX_VEC_PUSH(s->summary, it);
}

static int summary_agreed(px_story *s) {
  agreed *a = NULL;
  size_t n = 0;
  int rc = agreed_candidates(s, &a, &n);
  size_t *picked = rc == PX_OK ? malloc((s->opts.summary_sentences + 1) * sizeof *picked) : NULL;
  bool *used = rc == PX_OK ? calloc(n + 1, sizeof *used) : NULL;
  if (rc == PX_OK && (!picked || !used)) rc = PX_ENOMEM;
  for (size_t np = 0; rc == PX_OK && np < s->opts.summary_sentences && np < n; np++) {
    size_t best = n;
    double best_v = 0;
    for (size_t k = 0; k < n; k++) {
      if (used[k]) continue;
      px_sref r = s->supports.v[a[k].first].from;
      double sim = 0;
      for (size_t p = 0; p < np && !used[k]; p++) {
        px_sref q = s->supports.v[a[picked[p]].first].from;
        if (linked(s, &a[k], q) || linked(s, &a[picked[p]], r)) used[k] = true; /* that fact is shown */
        double c = px_terms_cosine(&s->terms, px_terms_sent(&s->terms, r.doc, r.sentence),
                                   px_terms_sent(&s->terms, q.doc, q.sentence));
        if (c > sim) sim = c;
      }
      if (used[k]) continue;
      double v = MMR_LAMBDA * a[k].rel - (1 - MMR_LAMBDA) * sim;
      if (best == n || v > best_v) best = k, best_v = v;
    }
    if (best == n) break;
    used[best] = true;
    picked[np] = best;
    rc = push_item(s, PX_SUMMARY_AGREED, s->supports.v[a[best].first].from, a[best].first, a[best].count);
  }
  free(a);
  free(picked);
  free(used);
  return rc;
}

/* A claim of a group as the contested lines sort them: by document, then
 * as_of (unknown first), then position, so each document's last claim is its latest. */
typedef struct claim_key {
  uint32_t doc, sentence;
  const char *as_of;
  size_t index;
} claim_key;

static int cmp_claim_key(const void *a, const void *b) {
  const claim_key *x = a, *y = b;
  if (x->doc != y->doc) return (x->doc > y->doc) - (x->doc < y->doc);
  int c = strcmp(x->as_of ? x->as_of : "", y->as_of ? y->as_of : "");
  if (c) return c;
  return (x->index > y->index) - (x->index < y->index);
}

/* One line per document of claim group gi: its latest claim, with all its claims' sentences as refs. */
static int contested_group(px_story *s, size_t gi, claim_key *keys) {
  const px_claim_group *grp = &s->groups.v[gi];
  size_t n = 0;
  for (size_t i = grp->first_claim; i < grp->first_claim + grp->claim_count && i < s->claims.n; i++) {
    const px_claim *c = &s->claims.v[i];
    keys[n++] = (claim_key){c->doc, c->sentence, c->as_of, i};
  }
  px_sort(keys, n, sizeof *keys, cmp_claim_key);
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && keys[j].doc == keys[i].doc) j++;
    px_summary_item it = {PX_SUMMARY_CONTESTED, grp->measure, {keys[j - 1].doc, keys[j - 1].sentence}, (int32_t)gi,
                          s->refs.n, 0};
    int rc = PX_OK;
    for (size_t k = i; k < j && rc == PX_OK; k++) {
      bool dup = false; /* two claims of one sentence: one ref */
      for (size_t m = i; m < k && !dup; m++) dup = keys[m].sentence == keys[k].sentence;
      if (!dup) rc = px_s_push_ref(s, keys[k].doc, keys[k].sentence);
    }
    it.ref_count = s->refs.n - it.first_ref;
    if (rc == PX_OK) rc = PX_VEC_PUSH(s->summary, it);
    if (rc) return rc;
    i = j;
  }
  return PX_OK;
}

/* Documents with a claim in group g (claims are few per group: a scan each). */
static size_t group_docs(const px_story *s, size_t g) {
  const px_claim_group *grp = &s->groups.v[g];
  size_t n = 0, end = grp->first_claim + grp->claim_count;
  for (size_t i = grp->first_claim; i < end && i < s->claims.n; i++) {
    bool seen = false;
    for (size_t j = grp->first_claim; j < i && !seen; j++) seen = s->claims.v[j].doc == s->claims.v[i].doc;
    n += !seen;
  }
  return n;
}

static int summary_contested(px_story *s) {
  size_t most = 0, topics = 0;
  for (size_t g = 0; g < s->groups.n; g++)
    if (s->groups.v[g].claim_count > most) most = s->groups.v[g].claim_count;
  if (!most) return PX_OK;
  claim_key *keys = malloc(most * sizeof *keys);
  if (!keys) return PX_ENOMEM;
  int rc = PX_OK;
  static const px_verdict order[] = {PX_VERDICT_CONFLICT, PX_VERDICT_PROGRESSION};
  for (size_t v = 0; v < 2 && rc == PX_OK; v++)
    for (size_t g = 0; g < s->groups.n && rc == PX_OK && topics < s->opts.summary_sentences; g++)
      if (s->groups.v[g].verdict == order[v] && group_docs(s, g) >= 2)
        rc = contested_group(s, g, keys), topics++;
  free(keys);
  return rc;
}

static int cmp_salience(const void *a, const void *b) {
  const px_exclusive *x = a, *y = b;
  if (x->salience != y->salience) return (x->salience < y->salience) - (x->salience > y->salience);
  if (x->ref.doc != y->ref.doc) return (x->ref.doc > y->ref.doc) - (x->ref.doc < y->ref.doc);
  return (x->ref.sentence > y->ref.sentence) - (x->ref.sentence < y->ref.sentence);
}

static int summary_exclusive(px_story *s) {
  size_t n = s->exclusives.n, want = s->opts.summary_sentences, got = 0;
  if (!n) return PX_OK;
  px_exclusive *by = malloc(n * sizeof *by);
  uint32_t *per_doc = calloc(s->ndocs + 1, sizeof *per_doc);
  bool *taken = calloc(n, sizeof *taken);
  int rc = by && per_doc && taken ? PX_OK : PX_ENOMEM;
  if (rc == PX_OK) {
    memcpy(by, s->exclusives.v, n * sizeof *by);
    px_sort(by, n, sizeof *by, cmp_salience);
    /* pass 1: the best of each document; pass 2: a second one each */
    for (uint32_t limit = 1; limit <= 2; limit++)
      for (size_t i = 0; i < n && got < want; i++)
        if (!taken[i] && per_doc[by[i].ref.doc] < limit && is_statement(s, by[i].ref))
          taken[i] = true, per_doc[by[i].ref.doc]++, got++;
    for (size_t i = 0; i < n && rc == PX_OK; i++)
      if (taken[i]) rc = push_item(s, PX_SUMMARY_EXCLUSIVE, by[i].ref, 0, 0);
  }
  free(by);
  free(per_doc);
  free(taken);
  return rc;
}

int px_s_summary(px_story *s) {
  int rc = summary_agreed(s);
  if (rc == PX_OK) rc = summary_contested(s);
  if (rc == PX_OK) rc = summary_exclusive(s);
  return rc;
}
