/* entities_keys.h - the name keys the story entities stage compares
 * (entities_merge.c): normalised names, consonant skeletons, acronyms,
 * group label keys, and Jaro-Winkler similarity. Internal to src/compare. */
#ifndef PX_COMPARE_ENTITIES_KEYS_H
#define PX_COMPARE_ENTITIES_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { PX_KEY_MAX = 160 };

/* One (document, entity) and its keys. */
typedef struct px_enode {
  uint32_t doc, ent;
  int cls;            /* 0 person, 1 organisation/place, 2 group */
  char key[PX_KEY_MAX];  /* normalised name */
  char skel[PX_KEY_MAX]; /* consonant skeleton of the key */
  char last[PX_KEY_MAX]; /* skeleton of the last word */
  char first[PX_KEY_MAX];/* skeleton of the first word */
  char acr[8];        /* initials of a multi-word organisation, or "" */
  char abbr[8];       /* the name as an acronym, lower-cased ("un"), or "" */
  char macr[8];       /* an acronym mention of the entity ("fhb"), or "" */
  int words;
} px_enode;

/* Fills nd->key (casefolded, no diacritics, titles or particles) and the keys derived from it. */
void px_ekey_name(px_enode *nd, const char *name);
/* Fills nd->key for a group label: casefolded, determiners dropped, head lemmatised. */
void px_ekey_group(px_enode *nd, const char *name, const char *head);
/* "UN", "U.N.": 2-6 capitals with optional dots; out (8 bytes) gets them lower-cased. */
bool px_ekey_acronym(const char *t, size_t n, char *out);
/* The last word of a key. */
const char *px_ekey_last_word(const char *key);
/* Jaro-Winkler similarity of two keys (each shorter than PX_KEY_MAX). */
double px_ekey_jaro_winkler(const char *a, const char *b);

#endif
