/* html_escape.h - the one way text reaches the HTML report: every byte taken
 * from an article, its metadata or the story goes through px_html_esc(), in
 * element content and in attribute values alike. */
#ifndef PX_HTML_ESCAPE_H
#define PX_HTML_ESCAPE_H

#include "../core/internal.h"

/* Appends s[0..n) with & < > " ' as character references, white space runs
 * as one space and the control characters HTML forbids dropped. Safe in
 * element content and in double- or single-quoted attribute values. */
void px_html_esc(px_buf *b, const char *s, size_t n);
/* The same for a piece of a longer text: white space at its ends is kept (as
 * one space), so that pieces written one after the other read as the whole. */
void px_html_esc_piece(px_buf *b, const char *s, size_t n);
/* The same for a NUL-terminated string; NULL writes `fallback` (escaped too). */
void px_html_escs(px_buf *b, const char *s, const char *fallback);

#endif
