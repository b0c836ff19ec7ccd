/* Metadata of HTML pages: <meta> tags, <title>, <html lang>. */
#include <string.h>
#include <strings.h>

#include "lexicon.h"
#include "meta.h"
#include "textutil.h"

void meta_from_html(pith_ctx *ctx, pith_doc *doc, struct page *pg, meta *m)
{
	(void)doc;
	const dom *d = &pg->dom;
	for (size_t i = 1; i < d->nn; i++) {
		const dnode *x = &d->n[i];
		if (x->tag == TAG_HTML) {
			const char *lang = dom_attr(d, (uint32_t)i, "lang");
			if (lang)
				meta_set(&m->lang, lang, strlen(lang), EV_MARKUP);
			continue;
		}
		if (x->tag != TAG_META)
			continue;
		const char *key = dom_attr(d, (uint32_t)i, "property");
		if (!key)
			key = dom_attr(d, (uint32_t)i, "name");
		const char *v = dom_attr(d, (uint32_t)i, "content");
		if (!key || !v)
			continue;
		size_t vl = strlen(v);
		if (!strcasecmp(key, "og:title"))
			meta_set(&m->title, v, vl, EV_META);
		else if (!strcasecmp(key, "og:site_name"))
			meta_set(&m->site, v, vl, EV_META);
		else if (!strcasecmp(key, "description") || !strcasecmp(key, "og:description"))
			meta_set(&m->description, v, vl, EV_META);
		else if (!strcasecmp(key, "author") || !strcasecmp(key, "article:author"))
			meta_set_authors(m, v, vl, EV_META);
		else if (!strcasecmp(key, "og:url"))
			meta_set(&m->url, v, vl, EV_META);
		else if (!strcasecmp(key, "article:published_time") || !strcasecmp(key, "pubdate") ||
			 !strcasecmp(key, "publishdate") || !strcasecmp(key, "dc.date")) {
			pdate dt;
			if (date_parse(v, vl, ctx->opt.now, &dt))
				meta_set_date(m, &dt, EV_META, false);
		}
	}
	if (d->title && !m->title.value) {
		const char *t = dom_str(d, d->title);
		meta_set(&m->title, t, strlen(t), EV_GUESS);
	}
	/* labelled lines near the article */
	for (size_t i = 0; i < pg->nb; i++) {
		const block *b = &pg->b[i];
		if (b->nchars <= 80 && (b->lex & ((1u << LEX_META_AUTHOR) | (1u << LEX_META_SOURCE) |
				       (1u << LEX_META_EDITOR) | (1u << LEX_META_DATE))))
			meta_read_line(ctx, m, block_text(pg, b), b->len, EV_TEXT);
	}
}
