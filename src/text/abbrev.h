/* abbrev.h - word lists and list markers shared by the sentence splitter
 * (sentences.c) and the paragraph finder (paragraphs.c). See docs/sentences.md. */
#ifndef PX_ABBREV_H
#define PX_ABBREV_H

#include "../core/internal.h"

/* Classes of abbreviation (data/abbreviations.txt). */
typedef enum px_abbr_class {
  PX_ABBR_NONE = 0,
  PX_ABBR_TITLE,  /* Mr. Dr. Gen.: stands before a name */
  PX_ABBR_NUMBER, /* No. p. Art.: stands before a number */
  PX_ABBR_ABBR,   /* Inc. etc. Jan.: may end a sentence */
  PX_ABBR_CABBR,  /* Mass. Sun.: an abbreviation only when capitalised */
  PX_ABBR_NEVER,  /* e.g. vs.: never ends a sentence */
  PX_ABBR_TIME    /* a.m. p.m. */
} px_abbr_class;

typedef struct px_abbr_entry {
  const char *key; /* lower case, without the final period */
  uint8_t len;
  uint8_t cls; /* px_abbr_class */
} px_abbr_entry;

typedef struct px_word_entry {
  const char *key;
  uint8_t len;
} px_word_entry;

/* The class of the token s[0, n) (no final period; ASCII letters matched
 * case-insensitively). Titles and capital-only abbreviations are reported only
 * when the token starts with a capital; otherwise PX_ABBR_NONE. */
px_abbr_class px_abbrev_class(const char *s, size_t n);

/* True when s[0, n) (exact case) typically starts a sentence: The, He, However... */
bool px_sentence_starter(const char *s, size_t n);

/* True when both tables are strictly sorted (what the binary search needs). */
bool px_abbrev_tables_ok(void);

/* List markers: "•", "-", "1.", "2)", "a.", "b.)", "(iv)", "• 9." ... */
enum {
  PX_MK_DOT = 1,  /* 1.  a. */
  PX_MK_DOTPAREN, /* 1.) a.) */
  PX_MK_PAREN,    /* 1)  a) */
  PX_MK_PARENS,   /* (1) (a) (iv) */
  PX_MK_BULLET    /* a bullet alone */
};
enum { PX_MK_NUM = 1, PX_MK_LOWER, PX_MK_UPPER };

typedef struct px_abbrev_marker {
  uint8_t style;  /* PX_MK_DOT ... PX_MK_BULLET */
  uint8_t kind;   /* PX_MK_NUM, PX_MK_LOWER, PX_MK_UPPER; 0 for a bare bullet */
  int32_t num;    /* the number, or the letter's rank (a = 1); 0 when neither */
  int32_t roman;  /* the value as a roman numeral (i, iv, XII), or 0 */
  int32_t bullet; /* the bullet's code point, or 0 */
} px_abbrev_marker;

/* Length of the list marker at text[i] (a bullet and/or an enumerator, not
 * counting the white space after it), or 0 when there is none. A marker must
 * be followed by white space or the end of the text (a bullet like ⁃ or • may
 * also be glued to an enumerator: "⁃9."). `m` may be NULL. */
size_t px_list_marker(const char *text, size_t len, size_t i, px_abbrev_marker *m);

/* True when `m` may open a list whose next item is recognised in running
 * text (1. 2.; a) b); (i) (ii); • and other bullets; "- 1." by its number),
 * false for a lone dash or asterisk and for capitals with a period other than
 * "A." and "I." (initials). */
bool px_marker_starts_list(const px_abbrev_marker *m);

/* True when `next` continues the list whose last item was `prev`: the next
 * number, letter or roman numeral in the same style, or the same bullet. */
bool px_marker_follows(const px_abbrev_marker *prev, const px_abbrev_marker *next);

#endif
