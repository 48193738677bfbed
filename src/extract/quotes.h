/* quotes.h - internals of the quotes stage, shared by quotes*.c.
 *
 * The stage works on tokens. It finds speech cues and word classes
 * (quotes_verbs.c, tables generated from data/speech_verbs.txt and
 * data/quote_words.txt), the noun phrase that names the speaker next to a cue
 * (quotes_np.c), resolves that phrase to an entity (quotes_speaker.c, adding
 * entities of its own in quotes_entity.c), and ties quotation-mark regions and
 * reported clauses to their cue (quotes_direct.c, quotes_reported.c); quotes.c
 * runs it all. */
#ifndef PX_QUOTES_H
#define PX_QUOTES_H

#include "extract.h"

/* How far a speech cue goes (data/speech_verbs.txt). */
typedef enum px_speech_class {
  PX_SPEECH_R, /* reports speech on its own: "X said the ..." */
  PX_SPEECH_T, /* reports speech with "that" or after the clause only: "..., he added" */
  PX_SPEECH_Q, /* introduces quoted words only: "called it a ..." */
  PX_SPEECH_A  /* the speaker follows: "according to X" */
} px_speech_class;

typedef struct px_speech_entry {
  const char *form;  /* lower case; words separated by one space */
  const char *lemma;
  px_speech_class cls;
  int words;
} px_speech_entry;

/* A speech cue found in the tokens: tokens [tok, tok + ntok). */
typedef struct px_xq_cue {
  size_t tok, ntok;
  const char *lemma;
  px_speech_class cls;
} px_xq_cue;

/* quotes_verbs.c */
/* Whether a speech cue starts at token i (the longest form wins). Forms used
 * as nouns ("the report", "an estimated") are not cues. */
bool px_xq_cue_at(const px_xctx *x, size_t i, px_xq_cue *cue);
/* Whether the cue is a past participle after a form of "be" ("was reported"). */
bool px_xq_cue_passive(const px_xctx *x, const px_xq_cue *cue);
/* The first token after "by" when an agent follows the participle ("as reported
 * by X", "was announced earlier by X"), not reaching hi; else 0. */
size_t px_xq_agent(const px_xctx *x, const px_xq_cue *cue, size_t hi);

/* Word classes (data/quote_words.txt), as bits. */
enum {
  PX_W_DET = 1,
  PX_W_PREP = 2,
  PX_W_PRONOUN = 4,
  PX_W_SKIP = 8,
  PX_W_BREAK = 16,
  PX_W_PERSON = 32,
  PX_W_DOC = 64,
  PX_W_NOUNMARK = 128,
  PX_W_BE = 256,
  PX_W_ORG = 512,
  PX_W_TITLE = 1024,
  PX_W_PARTICLE = 2048
};
typedef struct px_word_class {
  const char *word;
  unsigned short bits;
} px_word_class;
/* The classes of token i (0 for punctuation and unknown words). */
unsigned px_xq_word(const px_xctx *x, size_t i);

/* Word classes used by the phrase finder (lower-case comparison). */
bool px_xq_is_det(const px_xctx *x, size_t i);
bool px_xq_is_prep(const px_xctx *x, size_t i);
bool px_xq_is_pronoun(const px_xctx *x, size_t i);
bool px_xq_is_skip(const px_xctx *x, size_t i);  /* auxiliaries and adverbs between subject and verb */
bool px_xq_is_break(const px_xctx *x, size_t i); /* words no speaker phrase runs across */
bool px_xq_is_person_noun(const px_xctx *x, size_t i);
bool px_xq_is_doc_noun(const px_xctx *x, size_t i); /* statement, report, paper ... */
/* Token i is a punctuation token whose text is `c` (ASCII) or a quotation mark. */
bool px_xq_tok_char(const px_xctx *x, size_t i, char c);
bool px_xq_tok_qmark(const px_xctx *x, size_t i);
bool px_xq_tok_dash(const px_xctx *x, size_t i);
bool px_xq_tok_lower(const px_xctx *x, size_t i); /* a word starting with a lower-case letter */

/* quotes_np.c: speaker phrases, as token ranges [first, last). */
typedef struct px_xq_np {
  size_t first, last; /* the whole phrase, apposition included */
  size_t head_last;   /* end of the part that names the speaker (before an apposition) */
} px_xq_np;

/* What px_xq_np_before() found. */
enum { PX_XQ_NONE = 0, PX_XQ_FOUND, PX_XQ_SUBJECT };
/* The phrase just before cue token `verb` (its subject), not before token `lo`.
 * Auxiliaries and adverbs in between are skipped; "X, the minister, said"
 * gives the name with its apposition; "X, who said" the phrase before "who".
 * Returns PX_XQ_FOUND, PX_XQ_NONE, or PX_XQ_SUBJECT when the verb hangs on
 * the sentence's subject ("made an effort to sum up", "did not deny it and
 * said"): the caller then uses px_xq_subject(). */
int px_xq_np_before(const px_xctx *x, size_t verb, size_t lo, px_xq_np *np);
/* The phrase starting at token `from` (after "said", "according to", "by"),
 * not reaching token `hi`; with `appos`, one apposition after a comma. */
bool px_xq_np_after(const px_xctx *x, size_t from, size_t hi, bool appos, px_xq_np *np);
/* The subject of the sentence whose first token is `first` (an opening clause
 * ending in a comma is skipped), not reaching `hi`. */
bool px_xq_subject(const px_xctx *x, size_t first, size_t hi, px_xq_np *np);
/* quotes_speaker.c: resolution of speaker phrases to entities. */
typedef struct px_xq_hist {
  size_t pos;      /* byte where the speaker phrase starts */
  int32_t entity;
} px_xq_hist;

typedef struct px_xq_res {
  px_xctx *x;
  px_xq_hist *hist; /* speakers resolved so far, in text order */
  size_t n_hist, cap_hist;
  size_t n_entities_before; /* entities from the entities stage */
  size_t n_mentions_before; /* their mentions, ordered by start */
  bool mentions_added;
} px_xq_res;

/* Resolves the phrase to an entity index (pushing an entity and a mention
 * when no mention of the entities stage covers it), or -1 when a pronoun has
 * no antecedent. Negative px_status on ENOMEM is returned as PX_ENOMEM
 * through *rc. */
int32_t px_xq_resolve(px_xq_res *r, const px_xq_np *np, int *rc);
/* Records that `entity` spoke at byte `pos` (for later pronouns). */
int px_xq_remember(px_xq_res *r, size_t pos, int32_t entity);
/* Sorts the mentions by start again and fixes entity first_mention/count. */
int px_xq_finish(px_xq_res *r);
/* Appends a mention of entity e (and counts it on the entity). */
int px_xq_push_mention(px_xq_res *r, size_t start, size_t end, int32_t e, px_mention_kind kind, size_t hs, size_t he);

/* quotes_entity.c: name words and the entities the stage adds. */
bool px_xq_word_eq(const char *a, size_t na, const char *b, size_t nb); /* ASCII case-insensitive */
bool px_xq_name_part(const px_xctx *x, size_t i);           /* capitalised, or "al-", "bin", "van" */
size_t px_xq_name_run(const px_xctx *x, size_t a, size_t b); /* start of the trailing name in [a, b) */
bool px_xq_has_org(const px_xctx *x, size_t a, size_t b);    /* a word like "Ministry" in [a, b) */
bool px_xq_all_names(const px_xctx *x, size_t a, size_t b);
/* A new entity with a mention for tokens [a, b), or an earlier one of the same
 * name (never for an `indefinite` "a resident"); -1 with *rc set on ENOMEM. */
int32_t px_xq_create_entity(px_xq_res *r, size_t a, size_t b, bool indefinite, int *rc);
void px_xq_res_free(px_xq_res *r);

/* ---- quotes found, before their speakers are resolved ---- */
typedef struct px_xq_item {
  size_t start, end; /* quoted words (marks excluded) or reported clause, bytes */
  px_quote_kind kind;
  bool has_np, has_cue;
  bool adjacent;      /* the cue touches the quotation marks: it reports nothing else */
  px_xq_np np;        /* the speaker phrase */
  px_xq_cue cue;
  int32_t inherit;    /* item whose speaker this one takes (a follow-up quote), or -1 */
  bool same_sentence; /* a participle ("adding that"): the speaker of another item of its sentence */
  int32_t sentence;   /* where it starts */
  int32_t speaker;    /* resolved entity, or -1 */
  size_t at;          /* where its speaker phrase (else its words) starts: resolution order */
} px_xq_item;

typedef struct px_xq_items {
  px_xq_item *v;
  size_t n, cap;
} px_xq_items;

int px_xq_items_push(px_xq_items *it, const px_xq_item *item);

/* quotes_direct.c: words in quotation marks and their cue and speaker phrase. */
int px_xq_direct(const px_xctx *x, px_xq_items *out);
/* quotes_reported.c: reported speech ("X said that ...", "according to X, ...").
 * Cues right next to a direct quote of `direct` ("Q," X said) are skipped. */
int px_xq_reported(const px_xctx *x, const px_xq_items *direct, px_xq_items *out);
/* Whether cue token i is a participle opening a clause ("adding that"), not "was saying". */
bool px_xq_participle(const px_xctx *x, const px_xq_cue *cue);

#endif
