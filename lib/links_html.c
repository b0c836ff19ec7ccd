/* Related lists and previous/next links of HTML pages. */
#include <string.h>

#include "lexicon.h"
#include "links.h"
#include "textutil.h"

void links_from_html(pith_ctx *ctx, pith_doc *doc, struct page *pg, json_t *related,
		     json_t **prev, json_t **next)
{
	(void)ctx;
	(void)doc;
	(void)related;
	(void)prev;
	(void)next;
	(void)pg;
}
