/* text.h - internal interface of the text stage (paragraphs, tokens). */
#ifndef PX_TEXT_H
#define PX_TEXT_H

#include "../core/internal.h"

/* Appends the paragraphs of text[0, len) to `out` (kind px_para_kind).
 * `first_is_headline`: the first line is a paragraph of its own, PX_PARA_HEADLINE. */
int px_find_paragraphs(const char *text, size_t len, bool first_is_headline, px_spanvec *out);

/* Appends the tokens of text[start, end) to `out` (kind px_token_kind). */
int px_tokenize(const char *text, size_t start, size_t end, px_spanvec *out);

/* Length of a URL or e-mail address starting at text[i] (0 if none there). */
size_t px_url_len(const char *text, size_t len, size_t i);
size_t px_email_len(const char *text, size_t len, size_t i);

#endif
