/* framing.h - internals of the story's framing stage (framing*.c): the
 * distinctive terms, the lexicon and rule markers and the repetition finder
 * each fill their part of one document's px_framing. */
#ifndef PX_COMPARE_FRAMING_H
#define PX_COMPARE_FRAMING_H

#include "compare/story.h"

/* A "none" cue of data/framing.txt: blocks shorter cues, makes no marker. */
#define PX_FRAME_NONE (-1)

/* Cue flags (tools/gen_framing.sh). */
enum {
  PX_FRAME_EXACT = 1, /* no inflections */
  PX_FRAME_LOWER = 2, /* written in lower case only */
  PX_FRAME_NOUN = 4   /* after a determiner or possessive, or before "of" */
};

/* One cue of the generated table (framing_table.h). */
typedef struct px_frame_cue {
  const char *phrase; /* lower-case words separated by single spaces; also the marker's cue */
  int kind;           /* a px_marker_kind or PX_FRAME_NONE */
  int flags;
  int words;
} px_frame_cue;

/* What the per-document passes share: the document and its sorted,
 * merged spans of attributed quotation (direct and partial quotes). */
typedef struct px_frame_doc {
  uint32_t d;
  const px_doc *doc;
  const char *text;
  const px_span *sent, *tok;
  size_t n_sent, n_tok;
  px_span *quoted; /* merged [start, end) of direct and partial quotes, by start */
  size_t n_quoted;
} px_frame_doc;

/* The lexicon's first-word index, built once per story (framing_markers.c). */
typedef struct px_frame_lex {
  uint32_t *slots; /* cue index of a first word's first entry, or UINT32_MAX */
  size_t mask;
} px_frame_lex;

int px_frame_lex_init(px_frame_lex *lx);
void px_frame_lex_free(px_frame_lex *lx);

/* Whether byte `pos` lies inside an attributed quotation of the document. */
bool px_frame_in_quote(const px_frame_doc *fd, size_t pos);

/* Appends the document's distinctive terms to s->terms_out (framing_terms.c).
 * `count` and `mark` are scratch arrays of s->terms.n_terms entries, zero
 * and UINT32_MAX on entry and left so. */
int px_frame_terms(px_story *s, const px_frame_doc *fd, uint32_t *count, uint32_t *mark);
/* Appends the lexicon and sentence-rule markers (framing_markers.c). */
int px_frame_markers(px_story *s, const px_frame_doc *fd, const px_frame_lex *lx);
/* Appends the repetition markers (framing_repeat.c). */
int px_frame_repeats(px_story *s, const px_frame_doc *fd);

#endif
