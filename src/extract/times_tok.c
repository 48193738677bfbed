/* times_tok.c - the times stage's token stream (see times_lex.c for the word table).
 *
 * Document tokens are copied one for one, except where one token holds
 * several pieces a date pattern needs apart: hyphenated words ("five-year",
 * "mid-November", "Jan-1", "friday-jun-15"), a number glued to a word ("3h",
 * "3.5years", "22april", "10am") and a month glued to a number ("april22").
 * Ordinals ("13th") and decades ("1990s") stay one token. Pieces after the
 * first are `glued`, as is any token that touches the one before it.
 */
#include "times.h"

#include <stdlib.h>
#include <string.h>

typedef struct tokvec {
  tx_tok *v;
  size_t n, cap;
} tokvec;

static tx_tok *push(tokvec *tv, size_t s, size_t e, int32_t sent, uint8_t kind) {
  if (tv->n == tv->cap) {
    size_t cap = tv->cap ? tv->cap * 2 : 256;
    tx_tok *p = realloc(tv->v, (cap + TX_PAD) * sizeof *p);
    if (!p) return NULL;
    tv->v = p;
    tv->cap = cap;
  }
  tx_tok *t = &tv->v[tv->n++];
  memset(t, 0, sizeof *t);
  t->s = s, t->e = e, t->sent = sent, t->kind = kind;
  return t;
}

/* Looks a word up (ASCII letters, any case; a possessive 's is set aside). */
static void classify_word(tx_tok *t, const char *s, size_t n) {
  if (n > 2 && s[n - 2] == '\'' && (s[n - 1] == 's' || s[n - 1] == 'S')) n -= 2, t->tf |= TT_POSS;
  else if (n > 4 && memcmp(s + n - 4, "\xE2\x80\x99", 3) == 0 && (s[n - 1] == 's' || s[n - 1] == 'S'))
    n -= 4, t->tf |= TT_POSS;
  if (n > 0 && px_is_upper((unsigned char)s[0])) t->tf |= TT_CAP;
  char buf[16];
  if (n == 0 || n > 13) return; /* the longest word in the table has 13 letters */
  for (size_t k = 0; k < n; k++) {
    unsigned char c = (unsigned char)s[k];
    if (c >= 0x80) return;
    buf[k] = (char)px_lower(c);
  }
  const tx_word *w = px_tx_lookup(buf, n);
  if (!w) return;
  t->cls = w->cls, t->val = w->val, t->cls2 = w->cls2, t->val2 = w->val2, t->lf = w->flags;
}

/* The first run of digits of a number: its value (capped), length and the character after it. */
static void parse_number(tx_tok *t, const char *s, size_t n) {
  size_t k = 0;
  int32_t v = 0;
  while (k < n && px_is_digit((unsigned char)s[k])) {
    if (v < 100000000) v = v * 10 + (s[k] - '0');
    k++;
  }
  t->num = v;
  t->nd = k > 255 ? 255 : (uint8_t)k;
  t->sep = k < n ? s[k] : 0;
}

/* Length of a leading number "3" or "3.5" in s[0, n). */
static size_t number_prefix(const char *s, size_t n) {
  size_t k = 0;
  while (k < n && px_is_digit((unsigned char)s[k])) k++;
  if (k + 1 < n && s[k] == '.' && px_is_digit((unsigned char)s[k + 1])) {
    k++;
    while (k < n && px_is_digit((unsigned char)s[k])) k++;
  }
  return k;
}

static bool lower_is(const char *s, size_t n, const char *w) {
  if (strlen(w) != n) return false;
  for (size_t k = 0; k < n; k++)
    if (px_lower((unsigned char)s[k]) != (unsigned char)w[k]) return false;
  return true;
}

/* One piece of a word token: bytes [a, b) of the text. */
static int piece(tokvec *tv, const char *text, size_t a, size_t b, int32_t sent, bool glued) {
  const char *s = text + a;
  size_t n = b - a;
  tx_tok *t;
  if (px_is_digit((unsigned char)s[0])) {
    size_t p = number_prefix(s, n);
    const char *suf = s + p;
    size_t sn = n - p;
    bool plain = p == strspn(s, "0123456789");
    if (plain && (lower_is(suf, sn, "st") || lower_is(suf, sn, "nd") || lower_is(suf, sn, "rd") ||
                  lower_is(suf, sn, "th"))) {
      if (!(t = push(tv, a, b, sent, PX_TOK_WORD))) return PX_ENOMEM;
      parse_number(t, s, p);
      t->cls = TW_ORD;
      t->val = t->num > 255 ? 255 : (uint8_t)t->num;
      t->glued = glued;
      return PX_OK;
    }
    if (!(t = push(tv, a, a + p, sent, PX_TOK_NUMBER))) return PX_ENOMEM;
    parse_number(t, s, p);
    t->glued = glued;
    if (plain && (p == 4 || p == 2) && lower_is(suf, sn, "s")) {
      t->e = b, t->tf |= TT_DECADE;
      return PX_OK;
    }
    if (sn == 0) return PX_OK;
    if (!(t = push(tv, a + p, b, sent, PX_TOK_WORD))) return PX_ENOMEM;
    t->glued = 1;
    classify_word(t, suf, sn);
    return PX_OK;
  }
  size_t q = 0;
  while (q < n && !px_is_digit((unsigned char)s[q])) q++;
  if (q < n && q > 0) { /* letters then digits: split only a month ("april22") */
    tx_tok probe = {0};
    classify_word(&probe, s, q);
    if (probe.cls == TW_MONTH && number_prefix(s + q, n - q) == n - q) {
      if (!(t = push(tv, a, a + q, sent, PX_TOK_WORD))) return PX_ENOMEM;
      classify_word(t, s, q);
      t->glued = glued;
      if (!(t = push(tv, a + q, b, sent, PX_TOK_NUMBER))) return PX_ENOMEM;
      parse_number(t, s + q, n - q);
      t->glued = 1;
      return PX_OK;
    }
  }
  if (!(t = push(tv, a, b, sent, PX_TOK_WORD))) return PX_ENOMEM;
  classify_word(t, s, n);
  t->glued = glued;
  return PX_OK;
}

/* Length of a hyphen at s (ASCII or U+2010/U+2011), or 0. */
static size_t hyphen_at(const char *s, size_t n) {
  if (n >= 1 && s[0] == '-') return 1;
  if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
      ((unsigned char)s[2] == 0x90 || (unsigned char)s[2] == 0x91))
    return 3;
  return 0;
}

static int word_token(tokvec *tv, const char *text, const px_span *sp, bool glued) {
  int32_t sent = (int32_t)sp->aux;
  size_t a = sp->start;
  bool plain = true; /* no hyphen, no digit: the common case, one lookup */
  for (size_t i = sp->start; i < sp->end && plain; i++) {
    unsigned char ch = (unsigned char)text[i];
    plain = !(ch == '-' || ch == 0xE2 || px_is_digit(ch));
  }
  if (plain) {
    tx_tok *t = push(tv, sp->start, sp->end, sent, PX_TOK_WORD);
    if (!t) return PX_ENOMEM;
    t->glued = glued;
    classify_word(t, text + sp->start, sp->end - sp->start);
    return PX_OK;
  }
  for (size_t i = sp->start; i < sp->end;) {
    size_t h = hyphen_at(text + i, sp->end - i);
    if (!h) {
      i++;
      continue;
    }
    if (i > a) {
      int rc = piece(tv, text, a, i, sent, glued || a > sp->start);
      if (rc) return rc;
    }
    tx_tok *t = push(tv, i, i + h, sent, PX_TOK_PUNCT);
    if (!t) return PX_ENOMEM;
    t->cp = '-', t->glued = 1;
    i += h;
    a = i;
  }
  return a < sp->end ? piece(tv, text, a, sp->end, sent, glued || a > sp->start) : PX_OK;
}

/* Marks the tokens inside names the entities stage found. */
static void mark_names(const px_xctx *x, tx_tok *t, size_t n) {
  size_t nm;
  const px_mention *mn = px_doc_mentions(x->doc, &nm);
  for (size_t k = 0; k < nm; k++) {
    if (mn[k].kind != PX_MENTION_NAME) continue;
    size_t lo = 0, hi = n;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (t[mid].s < mn[k].start) lo = mid + 1;
      else hi = mid;
    }
    for (; lo < n && t[lo].e <= mn[k].end; lo++) t[lo].tf |= TT_NAME;
  }
}

int px_tx_tokens(const px_xctx *x, tx_tok **out, size_t *n) {
  tokvec tv = {0};
  tv.cap = x->n_tok + x->n_tok / 8 + 16; /* hyphenated words split: a little more than the document's tokens */
  if (!(tv.v = malloc((tv.cap + TX_PAD) * sizeof *tv.v))) return PX_ENOMEM;
  for (size_t i = 0; i < x->n_tok; i++) {
    const px_span *sp = &x->tok[i];
    bool glued = i > 0 && x->tok[i - 1].end == sp->start;
    int rc = PX_OK;
    if (sp->kind == PX_TOK_WORD) rc = word_token(&tv, x->text, sp, glued);
    else {
      tx_tok *t = push(&tv, sp->start, sp->end, (int32_t)sp->aux, (uint8_t)sp->kind);
      if (!t) rc = PX_ENOMEM;
      else {
        t->glued = glued;
        if (sp->kind == PX_TOK_NUMBER) parse_number(t, x->text + sp->start, sp->end - sp->start);
        else if (sp->kind == PX_TOK_PUNCT || sp->kind == PX_TOK_SYMBOL) {
          size_t p = sp->start;
          unsigned char b0 = (unsigned char)x->text[p];
          t->cp = b0 < 0x80 ? b0 : px_utf8_next(x->text, x->len, &p);
        }
      }
    }
    if (rc) {
      free(tv.v);
      return rc;
    }
  }
  for (size_t k = 0; k < TX_PAD; k++) {
    tx_tok *t = &tv.v[tv.n + k];
    memset(t, 0, sizeof *t);
    t->s = t->e = x->len, t->sent = -2, t->kind = PX_TOK_PUNCT;
  }
  mark_names(x, tv.v, tv.n);
  *out = tv.v;
  *n = tv.n;
  return PX_OK;
}
