/* framing_markers.c - framing markers from the cue lexicon and from
 * sentence rules.
 *
 * Lexicon (data/framing.txt -> framing_table.h): every word token is
 * lower-cased (ASCII) and reduced to at most eight base forms by a small
 * suffix rule (-s, -es, -ies, -ed, -d, -ied, -ing, doubled consonants); each
 * form is looked up in a hash of the lexicon's first words, and the cues of
 * that first word are tried longest first against the following word tokens.
 * The longest cue wins; a "none" cue blocks the shorter ones ("a total of").
 * A cue with two kinds ("massacre": loaded and event name) makes two markers.
 * Cost: a few hash probes per token, no stemming, no regex.
 *
 * Sentence rules (SemEval-2020 Task 11 cues):
 *   - a sentence whose last character is "!" -> exclamation (cue "!"); with
 *     at most six words also a slogan (cue "short exclamation");
 *   - a sentence whose last character is "?" -> doubt (cue "?"): in the
 *     writer's voice a question is rhetorical;
 *   - three or more words in capitals in a row, one of four letters or more
 *     (acronyms are short) -> slogan (cue "all caps").
 * A sentence ending in a quotation mark ends inside a quote, so these rules
 * see only the writer's own sentences.
 *
 * The writer's voice: every kind except event names is skipped inside an
 * attributed quotation (direct and partial quotes), since there the words
 * are the speaker's. How the event is named counts everywhere: choosing to
 * quote "liberation" is itself a choice of name. */
#include "compare/framing.h"

#include "core/internal.h"

#include <stdlib.h>
#include <string.h>

#include "framing_table.h"

#define NCUES (sizeof px_frame_table / sizeof *px_frame_table)
#define MAXW 40
#define MAXFORMS 8

static size_t first_len(const char *p) {
  const char *sp = strchr(p, ' ');
  return sp ? (size_t)(sp - p) : strlen(p);
}

int px_frame_lex_init(px_frame_lex *lx) {
  size_t size = 1;
  while (size < NCUES * 4) size *= 2;
  lx->slots = malloc(size * sizeof *lx->slots);
  if (!lx->slots) return PX_ENOMEM;
  memset(lx->slots, 0xff, size * sizeof *lx->slots);
  lx->mask = size - 1;
  for (size_t i = 0; i < NCUES; i++) {
    const char *p = px_frame_table[i].phrase;
    size_t n = first_len(p);
    if (i && first_len(px_frame_table[i - 1].phrase) == n && !memcmp(px_frame_table[i - 1].phrase, p, n)) continue;
    size_t h = px_hash(p, n, false) & lx->mask;
    while (lx->slots[h] != UINT32_MAX) h = (h + 1) & lx->mask;
    lx->slots[h] = (uint32_t)i;
  }
  return PX_OK;
}

void px_frame_lex_free(px_frame_lex *lx) {
  free(lx->slots);
  lx->slots = NULL;
}

/* First cue whose first word is w[0..n), or NCUES. */
static size_t lex_find(const px_frame_lex *lx, const char *w, size_t n) {
  size_t h = px_hash(w, n, false) & lx->mask;
  for (; lx->slots[h] != UINT32_MAX; h = (h + 1) & lx->mask) {
    const char *p = px_frame_table[lx->slots[h]].phrase;
    if (first_len(p) == n && !memcmp(p, w, n)) return lx->slots[h];
  }
  return NCUES;
}

/* A token's base forms: the word itself first, then what the suffix rule gives. */
typedef struct forms {
  char w[MAXFORMS][MAXW];
  size_t len[MAXFORMS];
  size_t n;
} forms;

static void add_form(forms *f, const char *w, size_t n, const char *tail) {
  size_t tn = strlen(tail);
  if (f->n == MAXFORMS || n == 0 || n + tn >= MAXW) return;
  memcpy(f->w[f->n], w, n);
  memcpy(f->w[f->n] + n, tail, tn);
  f->len[f->n++] = n + tn;
}

static bool ends(const char *w, size_t n, const char *suf) {
  size_t k = strlen(suf);
  return n > k + 1 && !memcmp(w + n - k, suf, k);
}

/* Lower-cased ASCII word token i into f (forms 1.. are inflection bases); false when it is no such word. */
static bool token_forms(const px_frame_doc *fd, size_t i, forms *f) {
  if (i >= fd->n_tok || fd->tok[i].kind != PX_TOK_WORD) return false;
  size_t n = fd->tok[i].end - fd->tok[i].start;
  const char *t = fd->text + fd->tok[i].start;
  char w[MAXW];
  if (n == 0 || n >= MAXW) return false;
  for (size_t k = 0; k < n; k++) {
    if ((unsigned char)t[k] >= 0x80) return false;
    w[k] = (char)px_lower((unsigned char)t[k]);
  }
  f->n = 0;
  add_form(f, w, n, "");
  if (ends(w, n, "ies") || ends(w, n, "ied")) add_form(f, w, n - 3, "y");
  if (ends(w, n, "s") && !ends(w, n, "ss")) add_form(f, w, n - 1, "");
  if (ends(w, n, "es")) add_form(f, w, n - 2, "");
  if (ends(w, n, "ed") || ends(w, n, "ing")) {
    size_t k = n - (w[n - 1] == 'd' ? 2 : 3);
    add_form(f, w, k, "");
    add_form(f, w, k, "e");
    if (k > 2 && w[k - 1] == w[k - 2]) add_form(f, w, k - 1, "");
  }
  return true;
}

/* Whether token i is one of the cue word p[0..n), inflected unless `exact`. */
static bool word_is(const px_frame_doc *fd, size_t i, const char *p, size_t n, bool exact) {
  forms f;
  if (!token_forms(fd, i, &f)) return false;
  for (size_t k = 0; k < (exact ? 1 : f.n); k++)
    if (f.len[k] == n && !memcmp(f.w[k], p, n)) return true;
  return false;
}

/* A noun use of token i: determiner or possessive before, or "of" after. */
static bool noun_use(const px_frame_doc *fd, size_t i) {
  static const char *const det[] = {"the", "a", "an", "this", "that", "its", "their", "his", "her", "our", "your",
                                    "my", "whose", "whole", "final", "eventual", "imminent"};
  if (i + 1 < fd->n_tok && word_is(fd, i + 1, "of", 2, true)) return true;
  if (i == 0 || fd->tok[i - 1].kind != PX_TOK_WORD) return false;
  const char *t = fd->text + fd->tok[i - 1].start;
  size_t n = fd->tok[i - 1].end - fd->tok[i - 1].start;
  if (n > 2 && t[n - 2] == '\'' && (t[n - 1] == 's' || t[n - 1] == 'S')) return true;
  if (n > 4 && !memcmp(t + n - 4, "\xe2\x80\x99s", 4)) return true;
  for (size_t k = 0; k < sizeof det / sizeof *det; k++)
    if (word_is(fd, i - 1, det[k], strlen(det[k]), true)) return true;
  return false;
}

/* Whether cue c matches at token i (given the first word already matched
 * as form `form` of the token); *last gets its last token. */
static bool cue_at(const px_frame_doc *fd, size_t i, size_t c, size_t form, size_t *last) {
  const px_frame_cue *q = &px_frame_table[c];
  bool exact = q->flags & PX_FRAME_EXACT;
  if (exact && form != 0) return false;
  if ((q->flags & PX_FRAME_LOWER) && px_is_upper((unsigned char)fd->text[fd->tok[i].start])) return false;
  const char *p = q->phrase + first_len(q->phrase);
  size_t j = i;
  while (*p == ' ') {
    p++;
    size_t n = first_len(p);
    if (++j >= fd->n_tok || fd->tok[j].aux != fd->tok[i].aux || !word_is(fd, j, p, n, exact)) return false;
    p += n;
  }
  if ((q->flags & PX_FRAME_NOUN) && !noun_use(fd, i)) return false;
  *last = j;
  return true;
}

static int push(px_story *s, const px_frame_doc *fd, px_marker_kind kind, uint32_t sentence, size_t start, size_t end,
                const char *cue) {
  if (kind != PX_MARK_EVENT_NAME && px_frame_in_quote(fd, start)) return PX_OK;
  px_marker m = {kind, fd->d, sentence, start, end, cue};
  return PX_VEC_PUSH(s->markers, m);
}

/* The longest cue at token i: markers for it; *next gets the token after it. */
static int lex_at(px_story *s, const px_frame_doc *fd, const px_frame_lex *lx, size_t i, size_t *next) {
  forms f;
  *next = i + 1;
  if (!token_forms(fd, i, &f)) return PX_OK;
  size_t best = NCUES, best_last = i, best_form = 0;
  for (size_t k = 0; k < f.n; k++) {
    size_t c = lex_find(lx, f.w[k], f.len[k]), last;
    for (; c < NCUES && first_len(px_frame_table[c].phrase) == f.len[k] &&
           !memcmp(px_frame_table[c].phrase, f.w[k], f.len[k]);
         c++) {
      if (best < NCUES && px_frame_table[c].words <= px_frame_table[best].words) break;
      if (cue_at(fd, i, c, k, &last)) {
        best = c, best_last = last, best_form = k;
        break;
      }
    }
  }
  if (best == NCUES) return PX_OK;
  *next = best_last + 1;
  int rc = PX_OK;
  size_t last;
  for (size_t c = best; c < NCUES && rc == PX_OK && !strcmp(px_frame_table[c].phrase, px_frame_table[best].phrase);
       c++)
    if (px_frame_table[c].kind != PX_FRAME_NONE && cue_at(fd, i, c, best_form, &last))
      rc = push(s, fd, (px_marker_kind)px_frame_table[c].kind, fd->tok[i].aux, fd->tok[i].start,
                fd->tok[best_last].end, px_frame_table[c].phrase);
  return rc;
}

/* A word token written in capitals (two letters or more, no lower case); its letter count or 0. */
static size_t caps_word(const px_frame_doc *fd, size_t i) {
  if (fd->tok[i].kind != PX_TOK_WORD) return 0;
  size_t letters = 0;
  for (size_t k = fd->tok[i].start; k < fd->tok[i].end; k++) {
    unsigned char ch = (unsigned char)fd->text[k];
    if (px_is_lower(ch) || ch >= 0x80) return 0;
    letters += px_is_upper(ch);
  }
  return letters >= 2 ? letters : 0;
}

/* Runs of three or more capitalised words (one of four letters or more) from token i: slogans. */
static int caps_at(px_story *s, const px_frame_doc *fd, size_t i, size_t *next) {
  size_t j = i, words = 0, longest = 0, last = i;
  for (; j < fd->n_tok && fd->tok[j].aux == fd->tok[i].aux; j++) {
    if (fd->tok[j].kind == PX_TOK_PUNCT) continue;
    size_t n = caps_word(fd, j);
    if (!n) break;
    words++, last = j;
    if (n > longest) longest = n;
  }
  *next = j > i ? j : i + 1;
  if (words < 3 || longest < 4) return PX_OK;
  return push(s, fd, PX_MARK_SLOGAN, fd->tok[i].aux, fd->tok[i].start, fd->tok[last].end, "all caps");
}

/* Exclamations, slogans and rhetorical questions by the sentence's last character. */
static int sentence_rules(px_story *s, const px_frame_doc *fd) {
  const px_terms *t = &s->terms;
  int rc = PX_OK;
  for (size_t k = 0; k < fd->n_sent && rc == PX_OK; k++) {
    size_t a = fd->sent[k].start, b = fd->sent[k].end;
    while (b > a && px_is_space((unsigned char)fd->text[b - 1])) b--;
    if (b == a) continue;
    char last = fd->text[b - 1];
    if ((last != '!' && last != '?') || px_frame_in_quote(fd, b - 1)) continue;
    if (last == '!') {
      rc = push(s, fd, PX_MARK_EXCLAMATION, (uint32_t)k, a, b, "!");
      if (rc == PX_OK && t->sent_len[px_terms_sent(t, fd->d, k)] <= 6)
        rc = push(s, fd, PX_MARK_SLOGAN, (uint32_t)k, a, b, "short exclamation");
    } else if (last == '?') {
      rc = push(s, fd, PX_MARK_DOUBT, (uint32_t)k, a, b, "?");
    }
  }
  return rc;
}

int px_frame_markers(px_story *s, const px_frame_doc *fd, const px_frame_lex *lx) {
  int rc = sentence_rules(s, fd);
  for (size_t i = 0, next; i < fd->n_tok && rc == PX_OK; i = next) rc = lex_at(s, fd, lx, i, &next);
  for (size_t i = 0, next; i < fd->n_tok && rc == PX_OK; i = next)
    rc = caps_word(fd, i) ? caps_at(s, fd, i, &next) : (next = i + 1, PX_OK);
  return rc;
}
