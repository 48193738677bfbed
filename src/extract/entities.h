/* entities.h - internal interface of the entities stage (entities*.c).
 *
 * entities.c       the stage: token classes, then names, aliases and groups, then output
 * entities_lex.c   the word tables (lexicon_table.h, gazetteer_table.h, tools/gen_gazetteer.py)
 * entities_names.c capitalised runs cut into names, titles and roles, typed
 * entities_alias.c names joined into entities within the document (surnames, spellings, acronyms)
 * entities_groups.c group nouns ("rebels", "government forces") as group mentions
 */
#ifndef PX_ENTITIES_H
#define PX_ENTITIES_H

#include "extract.h"

/* ---- word tables (entities_lex.c) ---- */

/* Classes of a lower-case word (lexicon_table.h; bit order of LEX_BITS in the generator). */
enum {
  PX_LX_COMMON = 1u << 0,     /* a common English word (SCOWL size 35) */
  PX_LX_NOUN = 1u << 1,       /* WordNet classes, inflected forms included */
  PX_LX_VERB = 1u << 2,
  PX_LX_ADJ = 1u << 3,
  PX_LX_ADV = 1u << 4,
  PX_LX_PLURAL = 1u << 5,     /* a noun's plural form */
  PX_LX_DET = 1u << 6,        /* data/function_words.txt */
  PX_LX_QUANT = 1u << 7,
  PX_LX_STOP = 1u << 8,
  PX_LX_CONN = 1u << 9,
  PX_LX_SPEECH = 1u << 10,
  PX_LX_MONTH = 1u << 11,
  PX_LX_HONORIFIC = 1u << 12, /* data/titles.txt */
  PX_LX_ROLE = 1u << 13,
  PX_LX_ROLEMOD = 1u << 14,
  PX_LX_ORG = 1u << 15,       /* data/org_words.txt */
  PX_LX_MEDIA = 1u << 16,
  PX_LX_PLACEKIND = 1u << 17, /* data/place_words.txt */
  PX_LX_COMPASS = 1u << 18,
  PX_LX_GROUP = 1u << 19      /* data/group_nouns.txt */
};

/* Classes of a proper name (gazetteer_table.h; GZ_BITS in the generator). */
enum {
  PX_GZ_COUNTRY = 1u << 0,
  PX_GZ_REGION = 1u << 1,
  PX_GZ_CITY = 1u << 2,
  PX_GZ_FIRST = 1u << 3,   /* a first name */
  PX_GZ_DEMONYM = 1u << 4, /* "French": link to its country */
  PX_GZ_ACRONYM = 1u << 5, /* "UN": link to its expansion */
  PX_GZ_ORG = 1u << 6,     /* an international body named in data/acronyms.txt */
  PX_GZ_ADJ = 1u << 7      /* an adjective written with a capital ("Kurdish", "Western") */
};
#define PX_GZ_PLACE (PX_GZ_COUNTRY | PX_GZ_REGION | PX_GZ_CITY)

/* Classes of group nouns (data/group_nouns.txt). */
enum { PX_GN_PLAIN = 0, PX_GN_NEEDMOD, PX_GN_SIDE, PX_GN_ACTORMOD };
typedef struct px_group_noun {
  const char *form, *lemma;
  uint8_t cls;    /* PX_GN_* */
  uint8_t plural; /* 1: a plural form; 2: a collective without a singular ("police") */
} px_group_noun;

typedef struct px_gz_link {
  uint16_t key, aux;
} px_gz_link;

/* Classes of the word s[0, n) looked up in lower case (ASCII letters folded); 0 when unknown. */
uint32_t px_lex_classes(const char *s, size_t n);
/* The group noun s[0, n) (case folded), or NULL. */
const px_group_noun *px_lex_group(const char *s, size_t n);
/* Classes of the proper name s[0, n) (exact case, ’ read as '); 0 when unknown. `*link` (may be
 * NULL) gets 1 + the index of its country (px_gz_country) or expansion (px_gz_expansion), or 0. */
unsigned px_gz_classes(const char *s, size_t n, int *link);
const char *px_gz_country(int link);   /* canonical country name of a link, or NULL */
const char *px_gz_expansion(int link); /* expansion of an acronym's link, or NULL */
/* True when both pools are strictly sorted and every key is found through the hash. */
bool px_lex_tables_ok(void);

/* ---- the stage's working state (entities.c) ---- */

/* Per-token flags. */
enum {
  PX_ET_WORD = 1u << 0,   /* a WORD token */
  PX_ET_CAP = 1u << 1,    /* starts with a capital (or a name particle: al-X) */
  PX_ET_ALLCAP = 1u << 2, /* two or more letters, all capitals (an acronym) */
  PX_ET_START = 1u << 3,  /* first word of its sentence (or after an opening quote or colon) */
  PX_ET_TITLE = 1u << 4,  /* in a headline or a title-case paragraph: capitals say little */
  PX_ET_SHOUT = 1u << 5,  /* in an all-capitals stretch: not an acronym */
  PX_ET_POSS = 1u << 6,   /* ends with a possessive 's or s' */
  PX_ET_NAME = 1u << 7,   /* part of a name that became an entity */
  PX_ET_HYPH = 1u << 8    /* a hyphenated compound ending in a lower-case part ("US-backed") */
};

typedef struct px_etok {
  uint32_t lex;   /* px_lex_classes of the word (possessive removed) */
  uint16_t flags; /* PX_ET_* */
  uint8_t gz;     /* px_gz_classes of the single word, capitalised words only */
  uint8_t wlen;   /* length without a possessive ending (capped at 255) */
} px_etok;

/* A name found in the text (one capitalised run), before aliases are joined. */
enum { PX_EV_TITLE = 1, PX_EV_FIRST = 2, PX_EV_SPEECH = 4, PX_EV_ORGKEY = 8, PX_EV_PLACE = 16,
       PX_EV_WEAK = 32 /* one unknown word: type by aliases */ };
typedef struct px_ecand {
  size_t start, end;     /* the name's span (no title, no possessive) */
  uint32_t t0, t1;       /* its tokens [t0, t1) */
  int8_t type;           /* px_entity_type, or -1 while unknown */
  uint8_t kind;          /* PX_MENTION_NAME or PX_MENTION_ACRONYM */
  uint8_t ev;            /* PX_EV_* */
  bool demonym_led;      /* the name opens with a demonym ("French Foreign Ministry") */
  int country;           /* gazetteer link of the country it belongs to (demonym, "X's"), or 0 */
  int gzlink;            /* the name's own gazetteer link (a country, an acronym), or 0 */
  size_t role_start, role_end; /* the role as written ("Foreign Minister"), empty if none */
  int32_t aff_cand;      /* a candidate the role belongs to ("U.N. envoy"), or -1 */
  int32_t ent;           /* entity, after aliases; -1 when none */
} px_ecand;

typedef struct px_eent {
  px_entity_type type;
  const char *src;  /* name: in the text, or a static string when name_static */
  size_t len;
  bool name_static;
  size_t key_off, key_len; /* normalised key in the stage's arena */
  int country;      /* gazetteer link of its country qualifier, 0 if none */
  int32_t aff_ent;  /* entity its role belongs to, or -1 */
  size_t last_pos;  /* start of its latest mention so far */
  const char *role, *affiliation, *head; /* interned or static */
} px_eent;

typedef struct px_emention {
  size_t start, end, head_start, head_end;
  int32_t ent;
  uint8_t kind;
} px_emention;

typedef struct px_estate {
  px_xctx *x;
  px_etok *tk; /* one per token */
  px_ecand *cand;
  size_t n_cand, cap_cand;
  px_eent *ent;
  size_t n_ent, cap_ent;
  px_emention *men;
  size_t n_men, cap_men;
  px_buf arena;      /* keys, as offsets (the buffer moves while it grows) */
  uint64_t *capseen; /* hash set of words seen capitalised inside sentences of running text */
  size_t capseen_mask;
} px_estate;

/* entities.c */
int px_e_push_cand(px_estate *st, const px_ecand *c);
int px_e_push_mention(px_estate *st, size_t start, size_t end, size_t hs, size_t he, int32_t ent,
                      px_mention_kind kind);
/* A new entity named src[0, n) (text or static string); its index or a negative code. */
long px_e_new_entity(px_estate *st, px_entity_type type, const char *src, size_t n);
bool px_e_capseen(const px_estate *st, const char *s, size_t n);
/* Whether tokens i and i+1 are in the same sentence with only spaces between them. */
bool px_e_adjacent(const px_estate *st, size_t i);

/* entities_names.c: fills st->cand. */
int px_e_names(px_estate *st);
/* entities_alias.c: joins st->cand into st->ent and adds their mentions. */
int px_e_alias(px_estate *st);
/* entities_groups.c: adds group entities and mentions. */
int px_e_groups(px_estate *st);

#endif
