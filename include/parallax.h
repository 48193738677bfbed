/*
 * parallax.h - the one public header of libparallax.
 *
 * parallax reads several news articles about one event and shows what they
 * agree on, where their facts diverge and how each one frames it.
 *
 * Naming: types and functions start with `px_`, constants with `PX_`.
 * Handles (px_doc, px_corpus, px_stemmer) are opaque.
 *
 * Errors: every function that can fail returns an `int` status: 0 (PX_OK) or
 * more on success (a count or a size, where documented), a negative PX_E*
 * code on failure. px_strerror() gives the text of a code. Functions that
 * read named inputs also report one-line diagnostics through a px_diag_fn
 * callback, so a caller can print "FILE: what is wrong" and carry on.
 *
 * Ownership: every `px_*_new` / `px_*_read*` result is owned by the caller
 * and freed with the matching `px_*_free`. Pointers returned by accessors
 * (`px_doc_text`, `px_doc_meta`, `px_doc_layer`, ...) point into the object
 * and stay valid until that object is freed or changed; never free them.
 * Passing NULL to any `px_*_free` is a harmless no-op.
 *
 * Data model: a document is its normalised UTF-8 text plus metadata plus
 * stand-off *layers* of spans: byte offsets [start, end) into that text.
 * Each pipeline stage adds layers and never rewrites another stage's layer
 * or the text, so later stages plug in without changing earlier ones.
 *
 * Thread safety: distinct objects may be used from distinct threads at once;
 * one object must not be used from two threads at once.
 */
#ifndef PARALLAX_H
#define PARALLAX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PX_VERSION_MAJOR 0
#define PX_VERSION_MINOR 1
#define PX_VERSION_PATCH 0
#define PX_VERSION_STRING "0.1.0"
/** Version of the JSON output schema (see docs/schema.md). */
#define PX_SCHEMA "parallax/1"

/** The library's version string, e.g. "0.1.0". Static; never free. */
const char *px_version(void);

/* ------------------------------------------------------------------ */
/* Errors                                                              */
/* ------------------------------------------------------------------ */

/** Status codes. PX_OK is 0; every error is negative. */
typedef enum px_status {
  PX_OK = 0,
  PX_ENOMEM = -1,    /**< out of memory */
  PX_EIO = -2,       /**< could not read or write (see errno) */
  PX_ENOENT = -3,    /**< no such file or directory */
  PX_EBINARY = -4,   /**< binary data, not text */
  PX_EUTF8 = -5,     /**< invalid UTF-8 (only in strict mode) */
  PX_EEMPTY = -6,    /**< empty input, or no text in it */
  PX_EJSON = -7,     /**< malformed JSON, or a field of the wrong type */
  PX_ETOOBIG = -8,   /**< input larger than the configured limit */
  PX_EARG = -9,      /**< invalid argument */
  PX_ENOINPUT = -10, /**< a directory with no readable files */
  PX_EFORMAT = -11,  /**< unsupported input format */
  PX_EDATE = -12     /**< a date that is not YYYY-MM-DD (or YYYY-MM, YYYY) */
} px_status;

/** A static English text for a status code; never NULL, never free. */
const char *px_strerror(int code);

/** Severity of a diagnostic. */
typedef enum px_severity {
  PX_WARNING = 1, /**< input processed, but something was repaired or dropped */
  PX_ERROR = 2    /**< this input (file, record) could not be processed */
} px_severity;

/**
 * Diagnostic callback. `where` names the input ("dir/a.txt", "feed.jsonl:12",
 * "<stdin>"); `msg` is one line without a trailing newline. Both strings are
 * only valid during the call. `code` is the px_status behind an error, or 0.
 */
typedef void (*px_diag_fn)(void *userdata, px_severity sev, int code,
                           const char *where, const char *msg);

/* ------------------------------------------------------------------ */
/* Documents and layers                                                */
/* ------------------------------------------------------------------ */

typedef struct px_doc px_doc;

/**
 * Metadata fields of a document. All values are NUL-terminated UTF-8, or
 * unset (NULL). Keys after PX_META_FORMAT are filled from HTML pages; each
 * *_FROM key names where its field came from: "json-ld", a <meta> name such
 * as "og:title" or "article:published_time", "meta" (a <meta name=author>),
 * "itemprop", "rel-author", "byline", "h1", "title", "time", "url",
 * "link-canonical", "html-lang"; or "input" when the sidecar, JSONL record
 * or an option gave it. Later versions add keys before PX_META__COUNT.
 */
typedef enum px_meta_key {
  PX_META_ID = 0,    /**< file name without directory and extension, or JSONL "id" */
  PX_META_SOURCE,    /**< the outlet: sidecar or JSONL "source", else "--source", else the page's site name */
  PX_META_URL,       /**< the article's URL */
  PX_META_PUBLISHED, /**< publication date as YYYY-MM-DD (or YYYY-MM, YYYY) */
  PX_META_TITLE,     /**< the headline */
  PX_META_PATH,      /**< where it was read from: a path, "path:line" or "-" */
  PX_META_FORMAT,    /**< input format: "text", "jsonl", "html" */
  PX_META_AUTHORS,   /**< the authors, "; "-joined (px_doc_author() gives them one by one) */
  PX_META_MODIFIED,  /**< date of the last update, YYYY-MM-DD */
  PX_META_SITE,      /**< the site's own name ("og:site_name", JSON-LD publisher...) */
  PX_META_LANG,      /**< language tag as the page gives it ("en", "en-US") */
  PX_META_DESCRIPTION, /**< the page's summary of the article */
  PX_META_TITLE_FROM,  /**< where PX_META_TITLE came from */
  PX_META_AUTHORS_FROM,
  PX_META_PUBLISHED_FROM,
  PX_META_MODIFIED_FROM,
  PX_META_SITE_FROM,
  PX_META_URL_FROM,
  PX_META_LANG_FROM,
  PX_META_DESCRIPTION_FROM,
  PX_META__COUNT
} px_meta_key;

/** The JSON name of a metadata key ("id", "source", ...). Static. */
const char *px_meta_name(px_meta_key key);

/**
 * Layers. A layer is an array of spans sorted by start offset.
 * Later stages append new layer ids before PX_LAYER__COUNT; ids never change.
 */
typedef enum px_layer_id {
  PX_LAYER_PARAGRAPHS = 0, /**< blocks of text: span.kind is a px_para_kind */
  PX_LAYER_SENTENCES,      /**< sentences; span.kind is 0, span.aux the paragraph index */
  PX_LAYER_TOKENS,         /**< tokens; span.kind is a px_token_kind, span.aux the sentence index */
  PX_LAYER__COUNT
} px_layer_id;

/** The JSON name of a layer ("paragraphs", ...). Static. */
const char *px_layer_name(px_layer_id id);

/** Kinds of paragraph (PX_LAYER_PARAGRAPHS span.kind). */
typedef enum px_para_kind {
  PX_PARA_TEXT = 0,  /**< running text */
  PX_PARA_HEADLINE,  /**< the document's headline */
  PX_PARA_HEADING,   /**< a heading inside the body */
  PX_PARA_LIST_ITEM, /**< a bulleted or numbered item */
  PX_PARA_BYLINE     /**< "By NAME", a dateline or a credit line */
} px_para_kind;

/** Kinds of token (PX_LAYER_TOKENS span.kind). */
typedef enum px_token_kind {
  PX_TOK_WORD = 0, /**< letters, with inner apostrophes, hyphens, periods (U.S.) */
  PX_TOK_NUMBER,   /**< digits with separators: 1,324  3.5  10:30 */
  PX_TOK_PUNCT,    /**< punctuation, one mark or a run of the same mark (...) */
  PX_TOK_SYMBOL,   /**< other symbols: % $ £ & ... */
  PX_TOK_URL,      /**< http://..., www.example.com */
  PX_TOK_EMAIL     /**< name@example.org */
} px_token_kind;

/** One stand-off annotation: bytes [start, end) of the document text. */
typedef struct px_span {
  size_t start;  /**< first byte */
  size_t end;    /**< one past the last byte */
  uint32_t kind; /**< layer-specific kind (px_para_kind, px_token_kind, ...) */
  uint32_t aux;  /**< layer-specific extra value (documented per layer) */
} px_span;

/**
 * A new empty document holding a copy of `text` (`len` bytes) taken as it is:
 * no validation or normalisation (px_doc_prepare_text() does that).
 * Returns NULL when out of memory. Free with px_doc_free().
 */
px_doc *px_doc_new(const char *text, size_t len);

/** Frees the document, its metadata and layers. NULL is a no-op. */
void px_doc_free(px_doc *doc);

/** The document text (NUL-terminated; `*len` gets its length if not NULL). */
const char *px_doc_text(const px_doc *doc, size_t *len);

/** A metadata value or NULL when unset. Points into the document. */
const char *px_doc_meta(const px_doc *doc, px_meta_key key);

/**
 * Sets (a copy of) a metadata value; NULL unsets. Setting PX_META_AUTHORS
 * replaces the author list with the value split at "; ".
 * Returns PX_OK, PX_EARG (no such key) or PX_ENOMEM.
 */
int px_doc_set_meta(px_doc *doc, px_meta_key key, const char *value);

/** Number of authors. */
size_t px_doc_author_count(const px_doc *doc);
/** The i-th author's name, or NULL when out of range. Points into the document. */
const char *px_doc_author(const px_doc *doc, size_t i);
/**
 * Appends an author (a copy; a ";" inside the name becomes ",") and updates
 * PX_META_AUTHORS. Returns PX_OK, PX_EARG (empty name) or PX_ENOMEM.
 */
int px_doc_add_author(px_doc *doc, const char *name);

/**
 * The spans of a layer, or NULL when the layer has not been computed.
 * `*count` gets the number of spans. Points into the document.
 */
const px_span *px_doc_layer(const px_doc *doc, px_layer_id id, size_t *count);

/**
 * Adds a computed layer: copies `count` spans (sorted by start, each inside
 * the text). A layer can be set once; a second call returns PX_EARG, so no
 * stage rewrites another's layer. Returns PX_OK, PX_EARG or PX_ENOMEM.
 */
int px_doc_add_layer(px_doc *doc, px_layer_id id, const px_span *spans, size_t count);

/**
 * Boilerplate removed from the input before it became the document text
 * (comment prompts, share bars, related-article lists, donation appeals...).
 * Returns the number of removed blocks; px_doc_removed() gives the i-th
 * block's text and (in `*reason`, if not NULL) a short static reason such as
 * "comments", "share", "related", "appeal", "navigation". NULL when out of range.
 */
size_t px_doc_removed_count(const px_doc *doc);
const char *px_doc_removed(const px_doc *doc, size_t i, const char **reason);

/** Records a removed block (copied). `reason` must be a static string. PX_OK or PX_ENOMEM. */
int px_doc_add_removed(px_doc *doc, const char *text, size_t len, const char *reason);

/* ------------------------------------------------------------------ */
/* Text layer                                                          */
/* ------------------------------------------------------------------ */

/** Flags for text preparation. */
enum {
  PX_TEXT_STRICT = 1u << 0 /**< invalid UTF-8 is an error (PX_EUTF8), not replaced */
};

/**
 * Cleans raw bytes into document text: invalid UTF-8 sequences become U+FFFD,
 * one per maximal ill-formed subpart, NUL included (or, with PX_TEXT_STRICT,
 * the call fails with PX_EUTF8); CR LF, CR, form feed and vertical tab become
 * LF; other C0 control characters are dropped; leading BOMs are dropped; and
 * the text is put in Unicode NFC.
 * On success `*out` is a new NUL-terminated buffer the caller frees with
 * free(), `*out_len` its length, `*n_invalid` (if not NULL) the number of
 * invalid sequences replaced, and `*first_invalid` (if not NULL) the byte
 * offset in the input of the first one (meaningful when any). In strict mode
 * `*first_invalid` is set on PX_EUTF8 too.
 */
int px_text_clean(const char *in, size_t len, unsigned flags, char **out, size_t *out_len,
                  size_t *n_invalid, size_t *first_invalid);

/**
 * Splits `text` into sentences (byte spans, trimmed of surrounding white
 * space) by the rules described in docs/sentences.md. Paragraph breaks (blank
 * lines) always end a sentence. The result is malloc'd: the caller frees
 * `*spans` with free(). Returns the number of sentences, or a negative error.
 */
int px_split_sentences(const char *text, size_t len, px_span **spans);

/** Flags for px_doc_segment(). */
enum {
  PX_SEGMENT_TOKENS = 1u << 0 /**< also compute the tokens layer */
};

/**
 * Splits a prepared document into layers: paragraphs and sentences, and with
 * PX_SEGMENT_TOKENS tokens, each added if not already present. The first
 * paragraph is marked PX_PARA_HEADLINE when it is the document's title (for
 * plain text, whose first line is taken as the headline, always).
 * Returns PX_OK or PX_ENOMEM.
 */
int px_doc_segment(px_doc *doc, unsigned flags);

/** A Snowball (Porter2) English stemmer. Not thread-safe: one per thread. */
typedef struct px_stemmer px_stemmer;

/** A new stemmer or NULL when out of memory. Free with px_stemmer_free(). */
px_stemmer *px_stemmer_new(void);
void px_stemmer_free(px_stemmer *st);

/**
 * Stems one word (UTF-8, any case: it is lower-cased first). Writes the
 * NUL-terminated stem into `buf` (`bufsize` bytes) when it fits and returns
 * the stem's length without the NUL; when the return value is >= bufsize the
 * buffer was too small and holds nothing useful. Negative on error.
 */
int px_stem(px_stemmer *st, const char *word, size_t len, char *buf, size_t bufsize);

/* ------------------------------------------------------------------ */
/* Facts: quantities, times, entities, quotes (docs/schema.md)          */
/* ------------------------------------------------------------------ */

/*
 * px_doc_analyze() adds four fact layers to a document. They are read with
 * the accessors below; every pointer (struct or string) they return is owned
 * by the document and valid until px_doc_free(). Offsets are byte offsets
 * into px_doc_text(), end exclusive. An entity reference is an index into
 * px_doc_entities(), or -1 for "none" (for a claim: the outlet's own voice).
 */

/** How a quantity is hedged ("about", "more than", ...). */
typedef enum px_approx {
  PX_APPROX_EXACT = 0, /**< no hedge */
  PX_APPROX_ABOUT,     /**< about, around, roughly, some; vague plurals ("dozens") */
  PX_APPROX_MORE_THAN, /**< more than, over */
  PX_APPROX_LESS_THAN, /**< less than, under, nearly, almost */
  PX_APPROX_UP_TO,     /**< up to, as much as */
  PX_APPROX_AT_LEAST,  /**< at least, as little as */
  PX_APPROX_RANGE      /**< "X to Y", "X or Y", "between X and Y": value .. value_max */
} px_approx;

/** Coarse class of what a quantity counts or measures. */
typedef enum px_qty_category {
  PX_QTY_OTHER = 0,
  PX_QTY_PEOPLE,
  PX_QTY_TERRITORY,
  PX_QTY_MONEY,
  PX_QTY_OBJECTS,
  PX_QTY_ORGANISATIONS,
  PX_QTY_PLACES
} px_qty_category;

/** A number that counts or measures something. */
typedef struct px_quantity {
  size_t start, end;        /**< the number with its hedge and unit ("more than 1,000", "40 percent") */
  double value;             /**< the number (a range's low end); a fraction as 0.5 */
  double value_max;         /**< a range's high end, else NAN */
  px_approx approx;
  const char *unit;         /**< "percent", "fraction", "km2", "km", "mile", "usd", "gbp", "eur", ...
                                 or the counted noun's singular ("civilian"); NULL when unknown */
  px_qty_category category;
  size_t of_start, of_end;  /**< what it is a share or part of ("98% of the city" -> "the city"); empty if none */
  int32_t sentence;         /**< index in the sentences layer */
  int32_t source;           /**< entity the article attributes it to (source_of_claim), or -1 */
  bool in_quote;            /**< inside quotation marks */
} px_quantity;

/** TIMEX3 types. */
typedef enum px_time_type { PX_TIME_DATE = 0, PX_TIME_TIME, PX_TIME_DURATION, PX_TIME_SET } px_time_type;

/** TIMEX3 modifiers. */
typedef enum px_time_mod {
  PX_MOD_NONE = 0,
  PX_MOD_START,
  PX_MOD_MID,
  PX_MOD_END,
  PX_MOD_APPROX,
  PX_MOD_MORE_THAN,
  PX_MOD_LESS_THAN
} px_time_mod;

/** A time expression, normalised to a TIMEX3 value. */
typedef struct px_time {
  size_t start, end;        /**< TimeML extent: no introducing preposition ("Monday", not "on Monday") */
  px_time_type type;
  const char *value;        /**< "2016-12-13", "2016-W49", "XXXX-12-13", "P5Y", "PRESENT_REF", ... never NULL */
  const char *value_max;    /**< a range's high end ("P3D" in "two or three days"), else NULL */
  px_time_mod mod;
  const char *anchor;       /**< the date a relative value was resolved against, or NULL */
  int32_t sentence;
  bool in_quote;
} px_time;

/** Entity types. */
typedef enum px_entity_type {
  PX_ENT_PERSON = 0,
  PX_ENT_ORGANISATION, /**< governments, ministries, armies, armed groups, parties, agencies, NGOs, media */
  PX_ENT_PLACE,
  PX_ENT_GROUP         /**< an actor named by a group noun ("rebels", "government forces") */
} px_entity_type;

/** An entity: one actor, place or group label, with all its mentions in the document. */
typedef struct px_entity {
  px_entity_type type;
  const char *name;        /**< canonical name: the longest full form ("Maria al-Ostrova"); for a group, its label ("rebels") */
  const char *role;        /**< a person's title or role as the text gives it ("Foreign Minister"), or NULL */
  const char *affiliation; /**< the country or body a role belongs to ("Russia"), or NULL */
  const char *head;        /**< group: lemma of the head noun ("rebel"); else NULL */
  size_t first_mention;    /**< index of its first mention in px_doc_mentions() */
  size_t mention_count;
} px_entity;

/** How an entity is mentioned. */
typedef enum px_mention_kind {
  PX_MENTION_NAME = 0, /**< its name or a shortened form ("Ostrova") */
  PX_MENTION_ACRONYM,  /**< an acronym ("UN", "U.N.") */
  PX_MENTION_GROUP,    /**< a group noun phrase: modifiers + head ("Vestrian government forces") */
  PX_MENTION_PRONOUN   /**< he, she, they (only where attribution resolves one) */
} px_mention_kind;

/** One mention of an entity. Mentions are ordered by start. */
typedef struct px_mention {
  size_t start, end;
  int32_t entity;          /**< index in px_doc_entities() */
  px_mention_kind kind;
  size_t head_start, head_end; /**< group: the head noun ("forces"); else the same as start, end */
  int32_t sentence;
  bool in_quote;
} px_mention;

/** Kinds of quote. */
typedef enum px_quote_kind {
  PX_QUOTE_DIRECT = 0, /**< words in quotation marks with a speaker */
  PX_QUOTE_PARTIAL,    /**< a fragment quoted inside the writer's own sentence */
  PX_QUOTE_REPORTED    /**< reported speech: "X said that ...", "according to X" */
} px_quote_kind;

/** A quote or a piece of reported speech and who it is attributed to. */
typedef struct px_quote {
  size_t start, end;           /**< the quoted words without the marks, or the reported clause */
  px_quote_kind kind;
  int32_t speaker;             /**< entity index, or -1 when no speaker was found */
  size_t speaker_start, speaker_end; /**< how the text names the speaker there ("he", "a rebel fighter"); empty if none */
  size_t verb_start, verb_end; /**< the attribution verb or phrase as written ("told", "according to") */
  const char *verb;            /**< its lemma ("say", "tell", "according to") */
  int32_t sentence;            /**< sentence where the quote starts */
} px_quote;

/** Options for px_doc_analyze(). Zero-initialise. */
typedef struct px_analyze_opts {
  const char *published; /**< anchor date (YYYY-MM-DD) when the document has no PX_META_PUBLISHED, or NULL */
} px_analyze_opts;

/**
 * Segments the document (paragraphs, sentences, tokens) if not yet done and
 * adds the fact layers. Relative dates resolve against PX_META_PUBLISHED,
 * else opts->published, else a date inferred from the text (see
 * px_doc_published_inferred()), else stay unresolved. Calling it twice is a
 * no-op. Returns PX_OK or PX_ENOMEM. `opts` may be NULL.
 */
int px_doc_analyze(px_doc *doc, const px_analyze_opts *opts);

/** The fact layers (NULL with *count 0 before px_doc_analyze()). */
const px_quantity *px_doc_quantities(const px_doc *doc, size_t *count);
const px_time *px_doc_times(const px_doc *doc, size_t *count);
const px_entity *px_doc_entities(const px_doc *doc, size_t *count);
const px_mention *px_doc_mentions(const px_doc *doc, size_t *count);
const px_quote *px_doc_quotes(const px_doc *doc, size_t *count);

/** The entity a sentence's claims are attributed to (source_of_claim), or -1. */
int32_t px_doc_sentence_source(const px_doc *doc, size_t sentence);

/**
 * The publication date inferred from the text when none was given
 * ("YYYY-MM-DD"), or NULL. `*evidence` (if not NULL) gets a one-line reason.
 */
const char *px_doc_published_inferred(const px_doc *doc, const char **evidence);

/** What px_find_numbers() found besides the value (px_number.flags). */
enum {
  PX_NUM_WORDS = 1u << 0,      /**< spelled out, wholly or partly ("twenty", "3 million") */
  PX_NUM_ORDINAL = 1u << 1,    /**< an ordinal ("13th", "third"): a rank, not an amount */
  PX_NUM_FRACTION = 1u << 2,   /**< a fraction or share ("3/4", "two thirds", "half") */
  PX_NUM_PERCENT = 1u << 3,    /**< a percentage ("98%", "40 per cent"); value is 98, not 0.98 */
  PX_NUM_VAGUE = 1u << 4,      /**< a vague plural ("dozens" 24, "tens of thousands" 20000) */
  PX_NUM_MULTIPLIER = 1u << 5, /**< scaled by a word or suffix ("2 million", "10k", "1.2bn") */
  PX_NUM_ATTACHED = 1u << 6,   /**< digits glued to letters ("29km", "5x"): a measure or a name */
  PX_NUM_CHAINED = 1u << 7,    /**< part of a digit chain or code ("2016-12-13", "10:30", "1.2.3", "F-16") */
  PX_NUM_COMPOUND = 1u << 8,   /**< hyphened to a following word ("five-year", "24-hour") */
  PX_NUM_POINTS = 1u << 9,     /**< a percentage followed by "points" ("3 percentage points") */
  PX_NUM_RANGE = 1u << 10      /**< a range written as one expression ("10-15", "5k-20k") */
};

/** A number found in text by px_find_numbers(). */
typedef struct px_number {
  size_t start, end; /**< byte offsets, end exclusive: sign, digits or words, multiplier, percent
                          sign or word ("-9.2", "1,674.5 million", "40 per cent"); never a currency */
  double value;      /**< the value (a range's low end) */
  double value_max;  /**< a range's high end (PX_NUM_RANGE), else NAN */
  unsigned flags;    /**< PX_NUM_* */
} px_number;

/**
 * Finds the numbers in `len` bytes of UTF-8 text: digits with separators
 * ("1,324", "1 234 567", ".08", "1e10", "10k", "2 million"), numbers in words
 * ("one hundred and three", "a dozen", "two thirds", "minus five point five"),
 * vague plurals ("dozens", "tens of thousands"), fractions ("3/4", "2 1/4",
 * vulgar fractions), percentages and ordinals, in text order and without
 * overlap. Only "one" after a determiner ("the one you mentioned") is left
 * out; deciding whether a number counts something (a year, a day, a code, a
 * pronoun "one") is the caller's job, which px_doc_quantities() does for
 * documents. Linear in `len`.
 * Sets `*out` to a malloc'd array that the CALLER frees with free() (NULL when
 * nothing was found) and returns the count, or PX_ENOMEM (then *out is NULL).
 */
int px_find_numbers(const char *text, size_t len, px_number **out);

/**
 * The times recognizer on a bare string, outside any document: finds the
 * time expressions of `text` (`len` bytes of UTF-8) and resolves them against
 * `reference_date` (YYYY-MM-DD), or, when it is NULL, against a date inferred
 * from the text, else leaves them unresolved. On success `*out` is ONE
 * malloc'd block holding the array and every string its items point to: the
 * caller frees it with a single free(*out) (also when the count is 0). Offsets
 * are bytes into `text`; `sentence` indexes the text's sentences; `in_quote` is
 * always false (no quotation marks are looked for). Returns the number of
 * expressions, or PX_EARG / PX_ENOMEM (then *out is NULL).
 */
int px_find_times(const char *text, size_t len, const char *reference_date, px_time **out);

/** Names of enum values as written in JSON ("more_than", "people", "DATE", "START", "person", "group", "direct"). */
const char *px_approx_name(px_approx a);
const char *px_qty_category_name(px_qty_category c);
const char *px_time_type_name(px_time_type t);
const char *px_time_mod_name(px_time_mod m); /* NULL for PX_MOD_NONE */
const char *px_entity_type_name(px_entity_type t);
const char *px_mention_kind_name(px_mention_kind k);
const char *px_quote_kind_name(px_quote_kind k);

/* ------------------------------------------------------------------ */
/* Story: the documents of one event compared (docs/schema.md "story")  */
/* ------------------------------------------------------------------ */

/*
 * px_story_build() compares the analysed documents of a corpus. Its result
 * is a set of flat arrays read with the accessors below. Nested lists are
 * ranges of another flat array (first_*, *_count), as px_entity's mentions
 * are. Every pointer (struct or string) is owned by the story and valid
 * until px_story_free(); sentence texts are read from the corpus, which must
 * outlive the story. "doc" is an index into the corpus, "sentence" an index
 * into that document's sentences layer.
 */
typedef struct px_story px_story;
typedef struct px_corpus px_corpus; /* see "Corpus and ingest" below */

/** A sentence of one document. */
typedef struct px_sref {
  uint32_t doc;
  uint32_t sentence;
} px_sref;

/** Options for px_story_build(). Zero-initialise: zeros mean the defaults. */
typedef struct px_story_opts {
  double min_support;      /**< lowest similarity for corroboration (default 0.35, on a 0..1 scale) */
  size_t max_support;      /**< most supporting sentences kept per sentence (default 5) */
  size_t summary_sentences;/**< most items per summary section (default 6) */
  size_t framing_terms;    /**< distinctive terms kept per document (default 15) */
} px_story_opts;

/**
 * Compares the documents of `corpus`, analysing (px_doc_analyze) any that are
 * not yet analysed. On success `*out` is a new story the caller frees with
 * px_story_free(). Returns PX_OK, PX_EARG or PX_ENOMEM. The story points
 * into the corpus: free it before the corpus, and do not change the corpus
 * while it lives. Linear in the corpus size apart from the sentence index
 * lookups (see docs/benchmarks.md).
 */
int px_story_build(px_corpus *corpus, const px_story_opts *opts, px_story **out);
/** Frees a story. NULL is a no-op. */
void px_story_free(px_story *story);
/** The corpus the story was built from. */
const px_corpus *px_story_corpus(const px_story *story);

/** The shared array of sentence references that the ranges below point into. */
const px_sref *px_story_refs(const px_story *story, size_t *count);

/* 1. Story entities: each document's entities merged across documents. */

/** An actor, place or group as the whole story knows it. */
typedef struct px_story_entity {
  px_entity_type type;
  const char *name;        /**< the most complete name any document gives */
  size_t first_alias, alias_count; /**< range of px_story_aliases() */
  uint32_t doc_count;      /**< documents that mention it */
  uint32_t mention_count;  /**< mentions in all documents */
} px_story_entity;

/** One name a document uses for a story entity. */
typedef struct px_story_alias {
  const char *text;        /**< the name as that document writes it ("Fatah", "Fateh", "UN") */
  uint32_t doc;
  uint32_t count;          /**< mentions under this name in that document */
} px_story_alias;

const px_story_entity *px_story_entities(const px_story *story, size_t *count);
const px_story_alias *px_story_aliases(const px_story *story, size_t *count);
/** The story entity of entity `entity` of document `doc`, or -1. */
int32_t px_story_entity_of(const px_story *story, size_t doc, int32_t entity);

/* 2. Actor labels: what each source calls each side. */

/** Tone of a label from the lexicon of contested terms (data/tone.txt). */
typedef enum px_tone { PX_TONE_NEUTRAL = 0, PX_TONE_SYMPATHETIC, PX_TONE_HOSTILE } px_tone;

/** An actor that sources name with different labels (an armed side, a party, a crowd). */
typedef struct px_actor {
  const char *name;        /**< a neutral display name: the most used neutral label or a named entity */
  int32_t entity;          /**< its story entity when a named one anchors it, else -1 */
  const char *evidence;    /**< one line: why these labels were taken as one actor */
  size_t first_label, label_count; /**< range of px_story_labels(), ordered by doc then count */
} px_actor;

/** One label one source uses for an actor. */
typedef struct px_label {
  uint32_t doc;
  const char *text;        /**< the label's head lemma or phrase ("rebel", "terrorist", "government force") */
  uint32_t count;
  px_tone tone;
  size_t first_ref, ref_count; /**< the sentences that use it (range of px_story_refs()) */
} px_label;

const px_actor *px_story_actors(const px_story *story, size_t *count);
const px_label *px_story_labels(const px_story *story, size_t *count);

/* 3. Claims: quantities and event dates grouped by what they measure. */

typedef enum px_claim_kind { PX_CLAIM_QUANTITY = 0, PX_CLAIM_DATE } px_claim_kind;

/** Verdict on a claim group, or relation of a pair of claims. */
typedef enum px_verdict {
  PX_VERDICT_SINGLE = 0, /**< one source only */
  PX_VERDICT_AGREE,      /**< values overlap (within their hedges) */
  PX_VERDICT_PROGRESSION,/**< values differ and follow time (later as_of, later value) */
  PX_VERDICT_CONFLICT    /**< different values for the same thing at the same time */
} px_verdict;

/** One claim: a quantity or an event date one source states. */
typedef struct px_claim {
  uint32_t doc;
  uint32_t sentence;
  px_claim_kind kind;
  int32_t fact;            /**< index in px_doc_quantities() or px_doc_times() of that document */
  size_t start, end;       /**< the quantity or time expression */
  double value, value_max; /**< quantity: as px_quantity (value_max NAN unless a range); date: NAN */
  px_approx approx;
  const char *unit;        /**< quantity unit or counted noun, or NULL */
  const char *date;        /**< date claim: the TIMEX3 value the source gives the event; else NULL */
  const char *as_of;       /**< the date the claim refers to (YYYY-MM-DD, YYYY-MM, YYYY-Www), or NULL */
  int32_t speaker;         /**< story entity it is attributed to, or -1 (the outlet's own voice) */
} px_claim;

/** Claims about the same measure across sources, ordered by as_of. */
typedef struct px_claim_group {
  const char *measure;     /**< what is measured ("share of the city under government control", "civilians evacuated") */
  px_claim_kind kind;
  px_verdict verdict;
  size_t first_claim, claim_count; /**< range of px_story_claims() */
  size_t first_pair, pair_count;   /**< range of px_story_claim_pairs(): the pairs that make the verdict */
} px_claim_group;

/** Two claims of a group and how they relate. */
typedef struct px_claim_pair {
  size_t a, b;             /**< indexes in px_story_claims(), a before b in time */
  px_verdict relation;
} px_claim_pair;

const px_claim *px_story_claims(const px_story *story, size_t *count);
const px_claim_group *px_story_claim_groups(const px_story *story, size_t *count);
const px_claim_pair *px_story_claim_pairs(const px_story *story, size_t *count);

/* 4. Corroboration and exclusives. */

/** A sentence of another source that states the same thing. */
typedef struct px_support {
  px_sref from;            /**< the sentence */
  px_sref to;              /**< a sentence of another document that supports it */
  double score;            /**< similarity, 0..1: BM25 over stems plus shared entities and values */
} px_support;

/** A sentence only one source reports, with its salience. */
typedef struct px_exclusive {
  px_sref ref;
  double salience;         /**< higher is more notable (facts, actors, position) */
} px_exclusive;

/** Supports, ordered by from (doc, sentence), then by score, highest first. */
const px_support *px_story_supports(const px_story *story, size_t *count);
/** Exclusive sentences, ordered by doc, then by salience, highest first. */
const px_exclusive *px_story_exclusives(const px_story *story, size_t *count);
/** Number of sentences of document `a` that a sentence of document `b` supports. */
size_t px_story_shared(const px_story *story, size_t a, size_t b);

/* 5. Timeline. */

/** One source's dating of a timeline event. */
typedef struct px_event_source {
  px_sref ref;
  const char *date;        /**< the date this source gives (TIMEX3 value) */
  size_t start, end;       /**< the time expression in that document (empty when dated by publication) */
} px_event_source;

/** One event of the merged timeline. */
typedef struct px_event {
  const char *date;        /**< the date most sources give (ties: the earliest) */
  const char *event;       /**< a short description: the sentence's main clause, trimmed */
  bool disputed;           /**< sources give it different dates */
  size_t first_source, source_count; /**< range of px_story_event_sources() */
} px_event;

/** Events ordered by date. */
const px_event *px_story_events(const px_story *story, size_t *count);
const px_event_source *px_story_event_sources(const px_story *story, size_t *count);

/* 6. Framing. */

/** Kinds of framing marker; each is found by the words that trigger it. */
typedef enum px_marker_kind {
  PX_MARK_LOADED = 0,      /**< loaded or emotive word ("massacre", "slaughter") */
  PX_MARK_NAME_CALLING,    /**< an evaluative label on an actor ("terrorists", "thugs") */
  PX_MARK_HEDGE,           /**< "reportedly", "may", "allegedly" */
  PX_MARK_CERTAINTY,       /**< "clearly", "undoubtedly", "in fact" */
  PX_MARK_DISTANCING,      /**< report verbs that distance ("claimed", "so-called") */
  PX_MARK_EXCLAMATION,     /**< a sentence ending in "!" */
  PX_MARK_SLOGAN,          /**< a short exclamatory or chant-like phrase */
  PX_MARK_FLAG_WAVING,     /**< appeal to national or group pride */
  PX_MARK_AUTHORITY,       /**< appeal to authority ("experts say") */
  PX_MARK_DOUBT,           /**< questioning credibility ("so-called", rhetorical questions) */
  PX_MARK_EXAGGERATION,    /**< superlatives and minimisers ("unprecedented", "mere") */
  PX_MARK_REPETITION,      /**< the same phrase repeated in the document */
  PX_MARK_FEAR,            /**< appeal to fear */
  PX_MARK_EVENT_NAME       /**< how the event is named ("liberation", "fall", "capture") */
} px_marker_kind;

/** A framing marker: a span of a document and what it signals. */
typedef struct px_marker {
  px_marker_kind kind;
  uint32_t doc;
  uint32_t sentence;
  size_t start, end;       /**< the words that triggered it */
  const char *cue;         /**< the lexicon entry that matched (lemma), static or story-owned */
} px_marker;

/** A word or phrase distinctive of one source against the others. */
typedef struct px_term {
  const char *text;        /**< its most frequent surface form */
  uint32_t count;          /**< occurrences in the document */
  double zeta;             /**< log-odds ratio z-score (informative Dirichlet prior) */
  size_t first_ref, ref_count; /**< sentences that use it (range of px_story_refs()) */
} px_term;

/** Who a document quotes. */
typedef struct px_quoted {
  int32_t entity;          /**< story entity, or -1 for unnamed speakers */
  int32_t actor;           /**< the actor (px_story_actors()) the speaker belongs to, or -1 */
  uint32_t count;          /**< quotes and reported statements */
  double share;            /**< count / the document's attributed quotes */
} px_quoted;

/** Framing of one document (px_story_framing() has one per document, in corpus order). */
typedef struct px_framing {
  uint32_t doc;
  size_t first_term, term_count;       /**< range of px_story_terms(), highest zeta first */
  size_t first_marker, marker_count;   /**< range of px_story_markers(), in text order */
  size_t first_quoted, quoted_count;   /**< range of px_story_quoted(), most quoted first */
  uint32_t words;                      /**< word tokens in the document */
} px_framing;

const px_framing *px_story_framing(const px_story *story, size_t *count);
const px_term *px_story_terms(const px_story *story, size_t *count);
const px_marker *px_story_markers(const px_story *story, size_t *count);
const px_quoted *px_story_quoted(const px_story *story, size_t *count);

/* 7. Summary. */

typedef enum px_summary_section {
  PX_SUMMARY_AGREED = 0,   /**< stated by the most sources */
  PX_SUMMARY_CONTESTED,    /**< one item per version; consecutive items share a topic */
  PX_SUMMARY_EXCLUSIVE     /**< notable claims only one source makes */
} px_summary_section;

/** One line of the extractive summary. */
typedef struct px_summary_item {
  px_summary_section section;
  const char *topic;       /**< contested: what is contested (a claim group's measure); else NULL */
  px_sref ref;             /**< the sentence shown */
  int32_t group;           /**< contested: the claim group, else -1 */
  size_t first_ref, ref_count; /**< every sentence behind it, from all sources (range of px_story_refs()) */
} px_summary_item;

const px_summary_item *px_story_summary(const px_story *story, size_t *count);

/** Names as written in JSON ("sympathetic", "progression", "date", "name_calling", "agreed"). */
const char *px_tone_name(px_tone t);
const char *px_verdict_name(px_verdict v);
const char *px_claim_kind_name(px_claim_kind k);
const char *px_marker_kind_name(px_marker_kind k);
const char *px_summary_section_name(px_summary_section s);

/**
 * The text of a sentence of the story's corpus (not NUL-terminated: `*len`
 * gets its length), or NULL when out of range.
 */
const char *px_story_sentence(const px_story *story, px_sref ref, size_t *len);

/* ------------------------------------------------------------------ */
/* Corpus and ingest                                                   */
/* ------------------------------------------------------------------ */

typedef struct px_corpus px_corpus;

/** A new empty corpus (an ordered list of documents); NULL when out of memory. */
px_corpus *px_corpus_new(void);
/** Frees the corpus and every document in it. NULL is a no-op. */
void px_corpus_free(px_corpus *c);
/** Number of documents. */
size_t px_corpus_count(const px_corpus *c);
/** The i-th document (owned by the corpus), or NULL when out of range. */
px_doc *px_corpus_doc(const px_corpus *c, size_t i);
/** Appends `doc`; the corpus takes ownership (also on failure, when it frees it). */
int px_corpus_add(px_corpus *c, px_doc *doc);

/** Input formats. */
typedef enum px_format {
  PX_FORMAT_AUTO = 0, /**< from the file name: .jsonl/.ndjson, .html/.htm, else text */
  PX_FORMAT_TEXT,
  PX_FORMAT_JSONL,
  PX_FORMAT_HTML
} px_format;

/** Options for reading inputs. Zero-initialise, then set what you need. */
typedef struct px_ingest_opts {
  px_format format;       /**< PX_FORMAT_AUTO unless forced */
  const char *source;     /**< outlet of every document that names none of its own, or NULL */
  const char *published;  /**< date (YYYY-MM-DD) of every document that has none of its own, or NULL */
  unsigned text_flags;    /**< PX_TEXT_* flags for px_text_clean() */
  int raw_text;           /**< nonzero: plain text is taken as it is (no boilerplate rules, no headline) */
  size_t max_bytes;       /**< per-input size limit; 0 means PX_DEFAULT_MAX_BYTES */
  px_diag_fn diag;        /**< diagnostics callback, or NULL for silence */
  void *diag_userdata;    /**< passed to `diag` */
} px_ingest_opts;

/** Default per-input size limit: 256 MiB. */
#define PX_DEFAULT_MAX_BYTES ((size_t)256 << 20)

/**
 * Reads one input into `corpus`: a file (text, JSONL; by name or forced
 * format), a directory (recursively, every file in name order, skipping
 * `*.meta.json` sidecars and hidden files), or "-" for standard input.
 * Metadata comes from a sidecar `NAME.meta.json` beside `NAME.txt` or from
 * the JSONL record; the options' source and published fill what those lack. Each document is cleaned
 * (px_text_clean) but not segmented.
 *
 * Problems are reported through opts->diag, one line per input or record;
 * what could be read is still added. Returns the number of inputs or records
 * that failed (0 when all went well), or a negative code when nothing at all
 * could be read from `path` (PX_ENOENT, PX_ENOINPUT, ...).
 */
int px_ingest_path(px_corpus *corpus, const char *path, const px_ingest_opts *opts);

/**
 * Like px_ingest_path() for bytes already in memory; `name` is used for the
 * document id (its base name without extension) and in diagnostics.
 */
int px_ingest_buffer(px_corpus *corpus, const char *name, const char *data, size_t len,
                     const px_ingest_opts *opts);

/**
 * Validates a date: "YYYY-MM-DD", "YYYY-MM" or "YYYY", or the start of an
 * ISO 8601 timestamp ("2016-12-14T10:00:00Z", whose date part is kept).
 * Writes the date part into `out` (at least 11 bytes). PX_OK or PX_EDATE.
 */
int px_parse_date(const char *s, char out[11]);

/* ------------------------------------------------------------------ */
/* Rendering                                                           */
/* ------------------------------------------------------------------ */

/** What to write. */
enum {
  PX_RENDER_TEXT = 1u << 0,   /**< include each document's text */
  PX_RENDER_TOKENS = 1u << 1, /**< include the tokens layer (large) */
  PX_RENDER_PRETTY = 1u << 2  /**< JSON: indent */
};

/**
 * Writes the corpus as JSON ({"schema": PX_SCHEMA, "documents": [...]}, see
 * docs/schema.md). Returns PX_OK, or PX_EIO when writing failed.
 */
int px_render_json(const px_corpus *c, FILE *out, unsigned flags);

/** Fact layers for px_render_annotations(). */
enum {
  PX_ANNOTATE_QUANTITIES = 1u << 0,
  PX_ANNOTATE_TIMES = 1u << 1,
  PX_ANNOTATE_ENTITIES = 1u << 2, /**< one record per mention */
  PX_ANNOTATE_QUOTES = 1u << 3,
  PX_ANNOTATE_ALL = 0xFu
};

/**
 * Writes the chosen fact layers of every analysed document as JSON Lines, one
 * record per annotation: {"doc", "layer", "start", "end", "text", ...the
 * layer's fields as in px_render_json()}. PX_OK or PX_EIO.
 */
int px_render_annotations(const px_corpus *c, FILE *out, unsigned layers);

/** Writes the corpus as Markdown for people. PX_OK or PX_EIO. */
int px_render_markdown(const px_corpus *c, FILE *out, unsigned flags);

/**
 * Like px_render_json(), with the comparison of the documents under "story"
 * when `story` is not NULL. PX_OK or PX_EIO.
 */
int px_render_story_json(const px_corpus *c, const px_story *story, FILE *out, unsigned flags);

/** Like px_render_markdown(), followed by the story's comparison when `story` is not NULL. */
int px_render_story_markdown(const px_corpus *c, const px_story *story, FILE *out, unsigned flags);

/**
 * Writes one self-contained HTML page (no network, no scripts from outside)
 * with the sources side by side and the story's comparison; everything taken
 * from the articles is escaped. PX_OK or PX_EIO.
 */
int px_render_html(const px_corpus *c, const px_story *story, FILE *out, unsigned flags);

#ifdef __cplusplus
}
#endif
#endif /* PARALLAX_H */
