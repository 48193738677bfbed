/* quotes_verbs.c - speech cues (data/speech_verbs.txt) and the small word
 * classes the speaker-phrase finder needs. Lookups lower-case the token into
 * a stack buffer and binary-search a sorted table; a two-letter filter rejects
 * most tokens before any search, which keeps the scan of every token cheap. */
#include "quotes.h"

#include <string.h>

#include "quote_words_table.h"
#include "speech_verbs_table.h"

#define NFORMS (sizeof px_speech_table / sizeof *px_speech_table)
#define MAXW 24

/* Lower-cased ASCII copy of token i into buf; false when too long or not a plain word. */
static bool tok_lower(const px_xctx *x, size_t i, char buf[MAXW]) {
  if (i >= x->n_tok || x->tok[i].kind != PX_TOK_WORD) return false;
  size_t n = px_x_tok_len(x, i);
  if (n == 0 || n >= MAXW) return false;
  const char *t = x->text + x->tok[i].start;
  for (size_t k = 0; k < n; k++) {
    unsigned char c = (unsigned char)t[k];
    if (c >= 0x80) return false;
    buf[k] = (char)px_lower(c);
  }
  buf[n] = 0;
  return true;
}

/* First table entry whose form is >= key (a lower-case word). */
static size_t lower_bound(const char *key) {
  size_t lo = px_speech_first[(unsigned char)key[0] - 'a'], hi = px_speech_first[(unsigned char)key[0] - 'a' + 1];
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(px_speech_table[mid].form, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* Whether the words after the first of a multi-word form follow token i. */
static bool rest_matches(const px_xctx *x, size_t i, const char *rest) {
  char buf[MAXW];
  /* most tokens after "in" do not start like "the words of" */
  if (i + 1 >= x->n_tok || px_lower((unsigned char)x->text[x->tok[i + 1].start]) != (unsigned char)rest[0])
    return false;
  while (*rest) {
    const char *sp = strchr(rest, ' ');
    size_t n = sp ? (size_t)(sp - rest) : strlen(rest);
    if (!tok_lower(x, ++i, buf) || strlen(buf) != n || memcmp(buf, rest, n)) return false;
    rest += n + (sp ? 1 : 0);
  }
  return true;
}

/* A determiner or possessive right before makes a form a noun ("the report",
 * "an estimated 300", "its statement"). */
static bool noun_use(const px_xctx *x, size_t i) {
  if (i == 0) return false;
  if (px_xq_word(x, i - 1) & PX_W_NOUNMARK) return true;
  /* "the forces' continued efforts": a possessive apostrophe split off as punctuation */
  if (i > 1 && x->tok[i - 1].kind == PX_TOK_PUNCT && x->tok[i - 1].start == x->tok[i - 2].end &&
      x->tok[i - 2].kind == PX_TOK_WORD && x->text[x->tok[i - 2].end - 1] == 's') {
    const char *a = x->text + x->tok[i - 1].start;
    size_t an = px_x_tok_len(x, i - 1);
    if ((an == 1 && a[0] == '\'') || (an == 3 && memcmp(a, "\xE2\x80\x99", 3) == 0)) return true;
  }
  /* a possessive: "the ministry's statement" */
  size_t s = x->tok[i - 1].start, e = x->tok[i - 1].end;
  if (e - s > 2 && x->tok[i - 1].kind == PX_TOK_WORD) {
    const char *t = x->text + e;
    if ((t[-2] == '\'' && t[-1] == 's') || (t[-2] == 's' && t[-1] == '\'')) return true;
    if (e - s > 4 && (memcmp(t - 4, "\xE2\x80\x99s", 4) == 0 || memcmp(t - 4, "s\xE2\x80\x99", 4) == 0)) return true;
  }
  return false;
}

bool px_xq_cue_at(const px_xctx *x, size_t i, px_xq_cue *cue) {
  char buf[MAXW];
  if (i >= x->n_tok || x->tok[i].kind != PX_TOK_WORD) return false;
  size_t len = px_x_tok_len(x, i);
  if (len < 2 || len > 16) return false;
  /* lower-case copy and the filter's hash in one pass: most words stop here */
  const unsigned char *t = (const unsigned char *)x->text + x->tok[i].start;
  unsigned h = 0;
  for (size_t k = 0; k < len; k++) {
    unsigned char c = px_lower(t[k]);
    if (c >= 0x80) return false;
    buf[k] = (char)c;
    h = (h * 31 + c) % 8192;
  }
  buf[len] = 0;
  if (!(px_speech_filter[h >> 5] >> (h & 31) & 1u) || buf[0] < 'a' || buf[0] > 'z') return false;
  size_t best = NFORMS;
  for (size_t k = lower_bound(buf); k < NFORMS; k++) {
    const char *f = px_speech_table[k].form;
    if (strncmp(f, buf, len) != 0 || (f[len] != 0 && f[len] != ' ')) break;
    if (f[len] == 0 || rest_matches(x, i, f + len + 1))
      if (best == NFORMS || px_speech_table[k].words > px_speech_table[best].words) best = k;
  }
  if (best == NFORMS) return false;
  const px_speech_entry *e = &px_speech_table[best];
  if (e->words == 1 && noun_use(x, i)) return false;
  /* "needless to say", "that is to say": not a report */
  if (strcmp(e->lemma, "say") == 0 && i > 0 && px_x_tok_is(x, i - 1, "to") && i > 1 &&
      (px_x_tok_is(x, i - 2, "needless") || px_x_tok_is(x, i - 2, "is")))
    return false;
  cue->tok = i;
  cue->ntok = (size_t)e->words;
  cue->lemma = e->lemma;
  cue->cls = e->cls;
  return true;
}

static bool past_participle(const px_xctx *x, size_t i) {
  size_t n = px_x_tok_len(x, i);
  const char *t = x->text + x->tok[i].start;
  return (n > 2 && t[n - 2] == 'e' && (t[n - 1] == 'd' || t[n - 1] == 'n')) || px_x_tok_is(x, i, "said") ||
         px_x_tok_is(x, i, "told") || px_x_tok_is(x, i, "wrote");
}

size_t px_xq_agent(const px_xctx *x, const px_xq_cue *cue, size_t hi) {
  size_t b = cue->tok + cue->ntok;
  if (cue->ntok != 1 || !past_participle(x, cue->tok)) return 0;
  if (b < hi && px_xq_is_skip(x, b)) b++;
  if (!(b + 1 < hi && px_x_tok_is(x, b, "by"))) return 0;
  /* "concluded by asserting": a gerund, not an agent */
  size_t n = px_x_tok_len(x, b + 1);
  const char *t = x->text + x->tok[b + 1].start;
  if (n > 4 && px_xq_tok_lower(x, b + 1) && memcmp(t + n - 3, "ing", 3) == 0) return 0;
  return b + 1;
}

bool px_xq_cue_passive(const px_xctx *x, const px_xq_cue *cue) {
  if (!past_participle(x, cue->tok)) return false;
  for (size_t k = cue->tok, steps = 0; k > 0 && steps < 3; k--, steps++) {
    if (px_xq_word(x, k - 1) & PX_W_BE) return true;
    if (!px_xq_is_skip(x, k - 1)) return false;
  }
  return false;
}

/* ---- word classes ---- */

unsigned px_xq_word(const px_xctx *x, size_t i) {
  if (i >= x->n_tok || x->tok[i].kind != PX_TOK_WORD) return 0;
  size_t n = px_x_tok_len(x, i);
  const unsigned char *t = (const unsigned char *)x->text + x->tok[i].start;
  unsigned c = px_lower(t[0]) - 'a';
  if (n > 14 || c >= 26) return 0;
  char buf[16];
  for (size_t k = 0; k < n; k++) {
    if (t[k] >= 0x80) return 0;
    buf[k] = (char)px_lower(t[k]);
  }
  buf[n] = 0;
  size_t lo = px_word_first[c], hi = px_word_first[c + 1];
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int d = strcmp(px_word_table[mid].word, buf);
    if (d == 0) return px_word_table[mid].bits;
    if (d < 0) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

bool px_xq_is_det(const px_xctx *x, size_t i) { return px_xq_word(x, i) & PX_W_DET; }
bool px_xq_is_prep(const px_xctx *x, size_t i) { return px_xq_word(x, i) & PX_W_PREP; }
bool px_xq_is_pronoun(const px_xctx *x, size_t i) { return px_xq_word(x, i) & PX_W_PRONOUN; }
bool px_xq_is_break(const px_xctx *x, size_t i) { return px_xq_word(x, i) & PX_W_BREAK; }
bool px_xq_is_doc_noun(const px_xctx *x, size_t i) { return px_xq_word(x, i) & PX_W_DOC; }

/* An adverb in -ly ("reportedly", "flatly"), not a noun like "family" or "assembly". */
static bool ly_adverb(const px_xctx *x, size_t i) {
  size_t n = px_x_tok_len(x, i);
  const char *t = x->text + x->tok[i].start;
  if (n < 5 || !px_is_lower((unsigned char)t[0]) || t[n - 1] != 'y' || t[n - 2] != 'l') return false;
  char c = t[n - 3];
  return c == 'a' || c == 'e' || c == 't' || c == 'd' || c == 's' || c == 'u' || c == 'r' || c == 'n';
}

bool px_xq_is_skip(const px_xctx *x, size_t i) {
  return (px_xq_word(x, i) & PX_W_SKIP) || (i < x->n_tok && x->tok[i].kind == PX_TOK_WORD && ly_adverb(x, i));
}

bool px_xq_is_person_noun(const px_xctx *x, size_t i) {
  if (px_xq_word(x, i) & PX_W_PERSON) return true;
  /* plurals in -s ("officials", "fighters") */
  size_t n = i < x->n_tok ? px_x_tok_len(x, i) : 0;
  if (n < 4 || n > 15 || x->tok[i].kind != PX_TOK_WORD || x->text[x->tok[i].end - 1] != 's') return false;
  char buf[16];
  const unsigned char *t = (const unsigned char *)x->text + x->tok[i].start;
  for (size_t k = 0; k + 1 < n; k++) {
    if (t[k] >= 0x80) return false;
    buf[k] = (char)px_lower(t[k]);
  }
  buf[n - 1] = 0;
  unsigned c = (unsigned char)buf[0] - 'a';
  if (c >= 26) return false;
  for (size_t k = px_word_first[c]; k < px_word_first[c + 1]; k++)
    if (strcmp(px_word_table[k].word, buf) == 0) return px_word_table[k].bits & PX_W_PERSON;
  return false;
}

bool px_xq_tok_char(const px_xctx *x, size_t i, char c) {
  return i < x->n_tok && x->tok[i].kind == PX_TOK_PUNCT && px_x_tok_len(x, i) == 1 &&
         x->text[x->tok[i].start] == c;
}

bool px_xq_tok_qmark(const px_xctx *x, size_t i) {
  if (i >= x->n_tok || x->tok[i].kind != PX_TOK_PUNCT) return false;
  size_t p = x->tok[i].start;
  int32_t c = px_utf8_next(x->text, x->tok[i].end, &p);
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x00AB || c == 0x00BB;
}

bool px_xq_tok_dash(const px_xctx *x, size_t i) {
  if (i >= x->n_tok || x->tok[i].kind != PX_TOK_PUNCT) return false;
  size_t p = x->tok[i].start;
  int32_t c = px_utf8_next(x->text, x->tok[i].end, &p);
  return c == '-' || c == 0x2013 || c == 0x2014;
}

bool px_xq_tok_lower(const px_xctx *x, size_t i) {
  if (i >= x->n_tok || x->tok[i].kind != PX_TOK_WORD) return false;
  size_t p = x->tok[i].start;
  return px_cp_is_lower(px_utf8_next(x->text, x->tok[i].end, &p));
}
