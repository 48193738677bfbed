/* terms.c - the story's term index (see terms.h).
 *
 * Each distinct lower-cased word is stemmed once: a word table maps it to its
 * term, a stem table maps stems to term ids. Both are open-addressing hash
 * tables of indexes (FNV-1a), grown at half load, so building is linear in
 * the number of tokens. */
#include "compare/terms.h"

#include "core/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Function words: frequent everywhere, they carry no claim. Sorted for bsearch. */
static const char *const STOPWORDS[] = {
    "a", "about", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do",
    "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have",
    "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in",
    "into", "is", "it", "it's", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor",
    "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out",
    "over", "own", "said", "same", "says", "she", "should", "so", "some", "such", "than", "that", "the",
    "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through",
    "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which",
    "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours"};

static int cmp_word(const void *key, const void *elem) {
  return strcmp((const char *)key, *(const char *const *)elem);
}

bool px_is_stopword(const char *word, size_t len) {
  char buf[16];
  if (len == 0 || len >= sizeof buf) return false;
  memcpy(buf, word, len);
  buf[len] = '\0';
  return bsearch(buf, STOPWORDS, sizeof STOPWORDS / sizeof *STOPWORDS, sizeof *STOPWORDS, cmp_word) != NULL;
}

/* Grows a slot table (UINT32_MAX = empty) to twice its size, rehashing keys. */
static int rehash(uint32_t **slots, size_t *mask, char **keys, size_t count) {
  size_t size = *mask ? (*mask + 1) * 2 : 1024;
  if (count * 2 < (*mask + 1) && *slots) return PX_OK;
  uint32_t *ns = malloc(size * sizeof *ns);
  if (!ns) return PX_ENOMEM;
  memset(ns, 0xff, size * sizeof *ns);
  for (size_t i = 0; i < count; i++) {
    size_t h = px_hash(keys[i], strlen(keys[i]), false) & (size - 1);
    while (ns[h] != UINT32_MAX) h = (h + 1) & (size - 1);
    ns[h] = (uint32_t)i;
  }
  free(*slots);
  *slots = ns;
  *mask = size - 1;
  return PX_OK;
}

/* The slot of key s[0..n) in a table: holds its index, or UINT32_MAX where it would go. */
static uint32_t *find_slot(uint32_t *slots, size_t mask, char **keys, const char *s, size_t n) {
  size_t h = px_hash(s, n, false) & mask;
  while (slots[h] != UINT32_MAX) {
    const char *k = keys[slots[h]];
    if (strncmp(k, s, n) == 0 && k[n] == '\0') break;
    h = (h + 1) & mask;
  }
  return &slots[h];
}

static int grow(void *pptr, size_t elem, size_t n) {
  void *p;
  memcpy(&p, pptr, sizeof p);
  void *np = realloc(p, n * elem);
  if (!np) return PX_ENOMEM;
  memcpy(pptr, &np, sizeof np);
  return PX_OK;
}

/* Adds a term for `stem` (or finds it). Returns the id or UINT32_MAX when out of memory. */
static uint32_t term_for_stem(px_terms *t, const char *stem, size_t n, bool number) {
  if (rehash(&t->stem_slots, &t->stem_mask, t->stem, t->n_terms)) return UINT32_MAX;
  uint32_t *slot = find_slot(t->stem_slots, t->stem_mask, t->stem, stem, n);
  if (*slot != UINT32_MAX) return *slot;
  size_t id = t->n_terms;
  if (id == t->cap_terms) {
    size_t cap = id ? id * 2 : 256;
    if (grow(&t->stem, sizeof *t->stem, cap) || grow(&t->surface, sizeof *t->surface, cap) ||
        grow(&t->df, sizeof *t->df, cap) || grow(&t->ddf, sizeof *t->ddf, cap) ||
        grow(&t->cf, sizeof *t->cf, cap) || grow(&t->stop, sizeof *t->stop, cap) ||
        grow(&t->number, sizeof *t->number, cap))
      return UINT32_MAX;
    t->cap_terms = cap;
  }
  char *copy = px_strndup(stem, n);
  if (!copy) return UINT32_MAX;
  t->stem[id] = copy;
  t->surface[id] = NULL;
  t->df[id] = t->ddf[id] = t->cf[id] = 0;
  t->stop[id] = false;
  t->number[id] = number;
  t->n_terms++;
  *slot = (uint32_t)id;
  return (uint32_t)id;
}

/* Lower-cases ASCII letters of a token into buf; returns its length or 0 when too long. */
static size_t lower_key(const char *w, size_t n, char *buf, size_t size) {
  if (n == 0 || n >= size) return 0;
  for (size_t i = 0; i < n; i++) buf[i] = (char)px_lower((unsigned char)w[i]);
  buf[n] = '\0';
  return n;
}

/* The term of a word token, adding it when `add`. UINT32_MAX: none (or out of memory when adding). */
static uint32_t word_term(px_terms *t, const char *w, size_t n, bool number, bool add) {
  char key[64];
  if (!lower_key(w, n, key, sizeof key)) return UINT32_MAX;
  if (add && rehash(&t->word_slots, &t->word_mask, t->word_keys, t->n_words)) return UINT32_MAX;
  if (!t->word_slots) return UINT32_MAX;
  uint32_t *slot = find_slot(t->word_slots, t->word_mask, t->word_keys, key, n);
  if (*slot != UINT32_MAX) {
    if (add) t->word_count[*slot]++;
    return t->word_term[*slot];
  }
  char stem[64];
  const char *s = key;
  size_t sn = n;
  if (!number) {
    int r = px_stem(t->stemmer, key, n, stem, sizeof stem);
    if (r > 0 && (size_t)r < sizeof stem) s = stem, sn = (size_t)r;
  }
  if (!add) {
    if (!t->stem_slots) return UINT32_MAX;
    return *find_slot(t->stem_slots, t->stem_mask, t->stem, s, sn);
  }
  uint32_t id = term_for_stem(t, s, sn, number);
  if (id == UINT32_MAX) return id;
  if (px_is_stopword(key, n)) t->stop[id] = true;
  if (t->n_words == t->cap_words) {
    size_t cap = t->cap_words ? t->cap_words * 2 : 1024;
    if (grow(&t->word_keys, sizeof *t->word_keys, cap) || grow(&t->word_term, sizeof *t->word_term, cap) ||
        grow(&t->word_count, sizeof *t->word_count, cap))
      return UINT32_MAX;
    t->cap_words = cap;
  }
  char *copy = px_strndup(key, n);
  if (!copy) return UINT32_MAX;
  t->word_keys[t->n_words] = copy;
  t->word_term[t->n_words] = id;
  t->word_count[t->n_words] = 1;
  *slot = (uint32_t)t->n_words++;
  return id;
}

uint32_t px_terms_lookup(px_terms *t, const char *word, size_t len) {
  bool number = len > 0 && px_is_digit((unsigned char)word[0]);
  return word_term(t, word, len, number, false);
}

double px_terms_idf(const px_terms *t, uint32_t term) {
  double df = term < t->n_terms ? t->df[term] : 0;
  return log(1.0 + (double)t->n_sent / (df + 1.0));
}

static int cmp_sterm(const void *a, const void *b) {
  const px_sterm *x = a, *y = b;
  return (x->term > y->term) - (x->term < y->term);
}

/* Sorts a sentence's raw term list and merges repeats; returns the new count. */
static size_t merge_sentence(px_sterm *it, size_t n) {
  if (n < 2) return n;
  px_sort(it, n, sizeof *it, cmp_sterm);
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (k && it[k - 1].term == it[i].term) it[k - 1].tf += it[i].tf;
    else it[k++] = it[i];
  }
  return k;
}

/* Adds one document's sentences: their sorted term lists, df and cf. */
static int add_doc(px_terms *t, const px_doc *doc, size_t d, size_t *cap_items) {
  size_t ns = 0, nt = 0, len = 0;
  const px_span *sents = px_doc_layer(doc, PX_LAYER_SENTENCES, &ns);
  const px_span *toks = px_doc_layer(doc, PX_LAYER_TOKENS, &nt);
  const char *text = px_doc_text(doc, &len);
  (void)len;
  size_t k = 0;
  for (size_t i = 0; i < ns; i++) {
    size_t g = t->sent_base[d] + i, first = t->sent_off[g];
    size_t pos = first;
    uint32_t words = 0;
    for (; k < nt && toks[k].start < sents[i].end; k++) {
      if (toks[k].start < sents[i].start) continue;
      if (toks[k].kind != PX_TOK_WORD && toks[k].kind != PX_TOK_NUMBER) continue;
      uint32_t id = word_term(t, text + toks[k].start, toks[k].end - toks[k].start, toks[k].kind == PX_TOK_NUMBER,
                              true);
      if (id == UINT32_MAX) continue; /* longer than any word (a run of letters), or no memory: left out of the index */
      words++;
      if (pos == *cap_items) {
        *cap_items = *cap_items ? *cap_items * 2 : 4096;
        if (grow(&t->items, sizeof *t->items, *cap_items)) return PX_ENOMEM;
      }
      t->items[pos++] = (px_sterm){id, 1};
    }
    size_t n = pos > first ? merge_sentence(t->items + first, pos - first) : 0; /* items may still be NULL */
    t->sent_off[g + 1] = first + n;
    t->sent_len[g] = words;
    t->doc_words[d] += words;
    for (size_t j = first; j < first + n; j++) {
      uint32_t id = t->items[j].term;
      t->df[id]++;
      t->cf[id] += t->items[j].tf;
    }
  }
  return PX_OK;
}

/* Marks per document which terms occur (ddf) and picks each term's most frequent surface form. */
static int finish(px_terms *t) {
  uint32_t *best = calloc(t->n_terms ? t->n_terms : 1, sizeof *best);
  uint32_t *seen = malloc((t->n_terms ? t->n_terms : 1) * sizeof *seen);
  if (!best || !seen) {
    free(best);
    free(seen);
    return PX_ENOMEM;
  }
  memset(seen, 0xff, (t->n_terms ? t->n_terms : 1) * sizeof *seen);
  for (size_t d = 0; d < t->n_docs; d++)
    for (size_t g = t->sent_base[d]; g < t->sent_base[d + 1]; g++)
      for (size_t j = t->sent_off[g]; j < t->sent_off[g + 1]; j++) {
        uint32_t id = t->items[j].term;
        if (seen[id] != d) seen[id] = (uint32_t)d, t->ddf[id]++;
      }
  for (size_t w = 0; w < t->n_words; w++) {
    uint32_t id = t->word_term[w];
    if (!t->surface[id] || t->word_count[w] > best[id]) t->surface[id] = t->word_keys[w], best[id] = t->word_count[w];
  }
  free(best);
  free(seen);
  return PX_OK;
}

int px_terms_build(px_terms *t, const px_corpus *c) {
  memset(t, 0, sizeof *t);
  t->stemmer = px_stemmer_new();
  t->n_docs = px_corpus_count(c);
  t->sent_base = calloc(t->n_docs + 1, sizeof *t->sent_base);
  t->doc_words = calloc(t->n_docs + 1, sizeof *t->doc_words);
  if (!t->stemmer || !t->sent_base || !t->doc_words) return PX_ENOMEM;
  for (size_t d = 0; d < t->n_docs; d++) {
    size_t ns = 0;
    px_doc_layer(px_corpus_doc(c, d), PX_LAYER_SENTENCES, &ns);
    t->sent_base[d + 1] = t->sent_base[d] + ns;
  }
  t->n_sent = t->sent_base[t->n_docs];
  t->sent_off = calloc(t->n_sent + 1, sizeof *t->sent_off);
  t->sent_len = calloc(t->n_sent + 1, sizeof *t->sent_len);
  if (!t->sent_off || !t->sent_len) return PX_ENOMEM;
  size_t cap_items = 0;
  int rc = PX_OK;
  for (size_t d = 0; d < t->n_docs && rc == PX_OK; d++) rc = add_doc(t, px_corpus_doc(c, d), d, &cap_items);
  if (rc == PX_OK) rc = finish(t);
  return rc;
}

void px_terms_free(px_terms *t) {
  if (!t) return;
  for (size_t i = 0; i < t->n_terms; i++) free(t->stem[i]);
  for (size_t i = 0; i < t->n_words; i++) free(t->word_keys[i]);
  free(t->stem);
  free(t->surface);
  free(t->df);
  free(t->ddf);
  free(t->cf);
  free(t->stop);
  free(t->number);
  free(t->sent_base);
  free(t->sent_off);
  free(t->sent_len);
  free(t->items);
  free(t->doc_words);
  free(t->word_keys);
  free(t->word_term);
  free(t->word_count);
  free(t->word_slots);
  free(t->stem_slots);
  px_stemmer_free(t->stemmer);
  memset(t, 0, sizeof *t);
}
