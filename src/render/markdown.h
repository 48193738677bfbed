/* markdown.h - pieces shared by the Markdown renderer's files. */
#ifndef PX_MARKDOWN_H
#define PX_MARKDOWN_H

#include "../core/internal.h"

/* Text with Markdown's special characters escaped, white space runs as one space. */
void px_md_text(px_buf *b, const char *s, size_t n);
/* The document's facts (quantities, times, actors, quotes) as lists; nothing when not analysed. */
void px_md_facts(px_buf *b, const px_doc *d);

/* The story's comparison (markdown_story.c). */
void px_md_story(px_buf *b, const px_story *s);

#endif
