/* Text dumps whose links are marked: Markdown (python's html2text and the
 * tools after it) and lynx's references. The marks are taken out so the
 * lines read as w3m's do, and what was a link is counted. */
#ifndef PITH_MARKDOWN_H
#define PITH_MARKDOWN_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* Is s a Markdown dump: links and pictures written [text](url) all over
 * it? */
bool md_is_dump(const char *s, size_t len);

/* s without its Markdown marks, line for line, into out: [text](url) is
 * its text, ![alt](src) a stand-in "[alt]" (nothing when alt is empty),
 * **strong**, _em_ and "# " heading marks and backslash escapes go.
 * Newlines stay where they were. */
void md_unmark(const char *s, size_t len, pbuf *out);

/* The same, and in links one uint32_t a line of out: how many of its
 * characters (not spaces) were a link's text. */
void md_unmark_links(const char *s, size_t len, pbuf *out, pbuf *links);

/* The address of the link whose text is text, in the Markdown dump s:
 * the url of "[text](url)", set as [*ub, *ue) in s. False when there is
 * no such link. */
bool md_link_url(const char *s, size_t len, const char *text, size_t tlen, size_t *ub,
		 size_t *ue);

/* lynx -dump without -nolist marks where each link starts ("[12]Home")
 * and lists the addresses under "References" at the end. */
bool lynx_is_refs(const char *s, size_t len);

/* s without lynx's "[n]" marks, line for line, into out; in links one
 * uint32_t a line of out: how many of its characters (not spaces) follow a
 * mark up to the next one, the end of the line or a column gap. */
void lynx_unmark_links(const char *s, size_t len, pbuf *out, pbuf *links);

/* The address of the link "[n]text" of a lynx dump, from its References
 * list, as [*ub, *ue) in s. */
bool lynx_link_url(const char *s, size_t len, const char *text, size_t tlen, size_t *ub,
		   size_t *ue);

#endif
