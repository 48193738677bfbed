/* labels_tone.c - the tone of every label of a story (labels.c).
 *
 * A group label takes the tone of its words in the lexicon of contested
 * terms (tone.c, data/tone.txt). One more rule needs the story: a state's
 * forces named after a person ("Velkov's troops", "al-Velkov forces") are
 * hostile whatever the lexicon says of the head, since personalising an
 * army casts it as one man's instrument rather than a state's (the corpus
 * guidelines' tone rule). The person is any story person whose surname key
 * (entities_keys.c: casefolded, particles dropped) is a modifier of a label
 * with a head of STATE_HEADS. An organisation named with an actor takes
 * the lexicon tone of its lower-cased name ("Vestrian Terror Network"). */
#include "compare/entities_keys.h"
#include "compare/labels_ctx.h"

#include <stdlib.h>
#include <string.h>

enum { SURNAME_MAX = 48 };

static const char *const state_heads[] = {"force", "troop", "army", "soldier", "military", "loyalist", NULL};

static int cmp_name(const void *a, const void *b) { return strcmp(a, b); }

/* Does a modifier of `label` name one of the persons (sorted surnames)? */
static bool personalised(const char *label, const char (*surnames)[SURNAME_MAX], size_t np) {
  const char *head = strrchr(label, ' ');
  if (!head || !np) return false;
  bool state = false;
  for (const char *const *h = state_heads; *h && !state; h++) state = !strcmp(head + 1, *h);
  if (!state) return false;
  for (const char *p = label; p < head;) {
    const char *sp = memchr(p, ' ', (size_t)(head - p));
    size_t n = sp ? (size_t)(sp - p) : (size_t)(head - p);
    char word[SURNAME_MAX];
    if (n < sizeof word) {
      memcpy(word, p, n);
      word[n] = 0;
      px_enode nd;
      px_ekey_name(&nd, word);
      if (nd.key[0] && strlen(nd.key) < SURNAME_MAX &&
          bsearch(nd.key, surnames, np, sizeof *surnames, cmp_name))
        return true;
    }
    p += n + 1;
  }
  return false;
}

int px_s_label_tones(const px_story *s, px_tone *out) {
  size_t ne = s->entities.n, np = 0;
  char(*surnames)[SURNAME_MAX] = malloc((ne + 1) * sizeof *surnames);
  if (!surnames) return PX_ENOMEM;
  for (size_t i = 0; i < ne; i++) {
    if (s->entities.v[i].type != PX_ENT_PERSON) continue;
    px_enode nd;
    px_ekey_name(&nd, s->entities.v[i].name);
    const char *last = px_ekey_last_word(nd.key);
    if (nd.words >= 2 && strlen(last) >= 3 && strlen(last) < SURNAME_MAX) strcpy(surnames[np++], last);
  }
  px_sort(surnames, np, sizeof *surnames, cmp_name);
  for (size_t i = 0; i < ne; i++) {
    const px_story_entity *e = &s->entities.v[i];
    out[i] = PX_TONE_NEUTRAL;
    if (e->type == PX_ENT_GROUP) {
      out[i] = px_s_label_tone(e->name);
      if (out[i] != PX_TONE_HOSTILE && personalised(e->name, (const char(*)[SURNAME_MAX])surnames, np))
        out[i] = PX_TONE_HOSTILE;
    } else if (e->type == PX_ENT_ORGANISATION) {
      char low[160];
      size_t n = 0;
      for (const char *p = e->name; *p && n + 1 < sizeof low; p++)
        low[n++] = (*p >= 'A' && *p <= 'Z') ? (char)(*p + 32) : *p;
      low[n] = 0;
      out[i] = px_s_label_tone(low);
    }
  }
  free(surnames);
  return PX_OK;
}
