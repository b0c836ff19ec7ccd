/* Related-article items and previous/next links (the links stage). */
#ifndef PITH_LINKS_H
#define PITH_LINKS_H

#include <jansson.h>

#include "date.h"
#include "page.h"

/* One related item {title, url, date, summary, section}; absent parts
 * are null. Texts are white-space collapsed. */
json_t *link_item(const char *title, size_t tlen, const char *url, const pdate *date,
		  const char *summary, size_t slen, const char *section);

/* HTML pages (links_html.c): appends items to related, sets prev and next
 * to {title, url} objects when found. */
void links_from_html(pith_ctx *ctx, pith_doc *doc, struct page *pg, json_t *related,
		     json_t **prev, json_t **next);

#endif
