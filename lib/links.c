/* The links stage: related-article lists and previous/next links. The
 * classifier has labelled the list blocks; here they become items. */
#include "links.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "lexicon.h"
#include "markdown.h"
#include "textutil.h"
#include "url.h"
#include "utf8.h"

json_t *link_item(const char *title, size_t tlen, const char *url, const pdate *date,
		  const char *summary, size_t slen, const char *section)
{
	json_t *o = json_object();
	pbuf b = PBUF_INIT;
	text_add_collapsed(&b, title, tlen);
	json_object_set_new(o, "title", b.len ? json_stringn(b.p, b.len) : json_null());
	json_object_set_new(o, "url", url && *url ? json_string(url) : json_null());
	if (date && date->prec) {
		char buf[48];
		date_format(date, buf, sizeof buf);
		json_object_set_new(o, "date", json_string(buf));
	} else {
		json_object_set_new(o, "date", json_null());
	}
	pbuf_reset(&b);
	if (summary)
		text_add_collapsed(&b, summary, slen);
	json_object_set_new(o, "summary", b.len ? json_stringn(b.p, b.len) : json_null());
	json_object_set_new(o, "section", section && *section ? json_string(section) : json_null());
	pbuf_free(&b);
	return o;
}

/* A leading bullet and the spaces after it. */
static size_t skip_bullet(const struct page *pg, const block *b)
{
	const char *s = block_text(pg, b);
	if (!(b->flags & BF_BULLET))
		return 0;
	size_t adv;
	u8_next(s, b->len, &adv);
	while (adv < b->len && (s[adv] == ' ' || s[adv] == '\t'))
		adv++;
	return adv;
}

/* Teaser text rather than a headline: long, or a sentence (headlines do
 * not end in a full stop). */
static bool summary_like(const struct page *pg, const block *b)
{
	uint32_t units = b->ncjk + b->nwords * 3;
	uint32_t last = text_last_char(block_text(pg, b), b->len);
	bool stop = last == 0x3002 || last == '.' || last == 0x2026;
	return (units >= 50 && b->nsent + b->nclause >= 1) || units >= 90 || b->nsent >= 2 ||
	       (stop && units >= 15 && b->nclause >= 1);
}

/* The address of a related item in a dump that keeps its links
 * ("[title](url)" in Markdown, "[12]title" and a References list in
 * lynx's), resolved against the page's own URL. */
static char *md_item_url(const char *src, size_t srclen, bool lynx, const char *base,
			 const char *t, size_t tl)
{
	size_t ub, ue;
	if (!src || !(lynx ? lynx_link_url(src, srclen, t, tl, &ub, &ue) :
			     md_link_url(src, srclen, t, tl, &ub, &ue)))
		return NULL;
	char *ref = strndup(src + ub, ue - ub);
	if (!ref)
		return NULL;
	char *u = url_resolve(base, ref);
	free(ref);
	return u;
}

static void links_from_text(pith_ctx *ctx, pith_doc *doc, struct page *pg, json_t *related,
			    json_t **prev, json_t **next)
{
	long long now = ctx->opt.now;
	/* only dumps that mark their links keep the addresses (page_from_text
	 * read the marks from the source) */
	size_t srclen = 0;
	const char *src = pg->link_marks == LINKS_UNMARKED ? NULL :
			  pith_doc_source(doc, &srclen, NULL);
	bool lynx = pg->link_marks == LINKS_LYNX;
	const char *rec_url = rec_get_str(doc, "url");
	const char *base = rec_url && url_is_http(rec_url) ? rec_url : NULL;
	const char *section = NULL;
	pbuf sec = PBUF_INIT;
	/* the item being built */
	int32_t title = -1, summary = -1;
	pdate date = {0};
	size_t tskip = 0, sskip = 0;
#define FLUSH_ITEM()                                                                        \
	do {                                                                                \
		if (title >= 0) {                                                           \
			const block *t_ = &pg->b[title];                                     \
			const block *s_ = summary >= 0 ? &pg->b[summary] : NULL;            \
			char *u_ = md_item_url(src, srclen, lynx, base, block_text(pg, t_) + tskip, \
					       t_->len - tskip);                            \
			json_array_append_new(related,                                      \
				link_item(block_text(pg, t_) + tskip, t_->len - tskip, u_, &date, \
					  s_ ? block_text(pg, s_) + sskip : NULL,          \
					  s_ ? s_->len - sskip : 0, section));              \
			free(u_);                                                           \
		}                                                                           \
		title = summary = -1;                                                       \
		memset(&date, 0, sizeof date);                                              \
	} while (0)
	for (size_t i = 0; i < pg->nb; i++) {
		const block *b = &pg->b[i];
		const char *s = block_text(pg, b);
		if (b->label == LB_PREVNEXT) {
			lex_match m[4];
			size_t nm = lex_find(s, b->len, m, 4);
			for (size_t k = 0; k < nm && k < 4; k++) {
				if (m[k].cat != LEX_PREVNEXT || m[k].start != 0)
					continue;
				/* 下 / Next / » mark the next article */
				bool is_next = !memcmp(s, "\xe4\xb8\x8b", 3) || !memcmp(s, "\xe5\x90\x8e", 3) ||
					       !strncasecmp(s, "next", 4) || !strncasecmp(s, "newer", 5) ||
					       memmem(s, m[k].end, "\xc2\xbb", 2);
				size_t vb = m[k].end, ve = b->len;
				while (vb < ve && (s[vb] == ':' || s[vb] == ' ' ||
						   !memcmp(s + vb, "\xef\xbc\x9a", 3)))
					vb += s[vb] == ':' || s[vb] == ' ' ? 1 : 3;
				const char *t = s + vb;
				size_t tl = ve - vb;
				if (text_is_date(t, tl, now, NULL))
					tl = 0; /* only a date: no title in the dump */
				json_t *o = json_object();
				pbuf tb = PBUF_INIT;
				text_add_collapsed(&tb, t, tl);
				json_object_set_new(o, "title", tb.len ? json_stringn(tb.p, tb.len) : json_null());
				json_object_set_new(o, "url", json_null());
				pbuf_free(&tb);
				json_t **slot = is_next ? next : prev;
				if (!*slot)
					*slot = o;
				else
					json_decref(o);
				break;
			}
			continue;
		}
		if (b->label != LB_RELATED)
			continue;
		if (b->lexwhole & (1u << LEX_RELATED)) {
			FLUSH_ITEM();
			pbuf_reset(&sec);
			text_add_collapsed(&sec, s, b->len);
			section = sec.p;
			continue;
		}
		pdate d;
		if (b->nchars <= 30 && b->ndigits && text_is_date(s, b->len, now ? now : 1, &d)) {
			if (title >= 0 && !date.prec && (now || !d.relative))
				date = d;
			continue;
		}
		if (b->nchars <= 8 && b->ndigits + b->npunct == b->nchars)
			continue; /* counters: "0", "(12)" */
		size_t skip = skip_bullet(pg, b);
		if (summary_like(pg, b) && title >= 0 && summary < 0) {
			summary = (int32_t)i;
			sskip = skip;
			continue;
		}
		FLUSH_ITEM();
		title = (int32_t)i;
		tskip = skip;
	}
	FLUSH_ITEM();
#undef FLUSH_ITEM
	pbuf_free(&sec);
}

pith_status stage_links(pith_ctx *ctx, pith_doc *doc)
{
	struct page *pg;
	pith_status st = doc_page(ctx, doc, &pg);
	if (st != PITH_OK)
		return st;
	if ((st = page_classify(ctx, doc, pg)) != PITH_OK)
		return st;
	json_t *related = json_array(), *prev = NULL, *next = NULL;
	if (!related)
		return ctx_error(ctx, PITH_ERR_NOMEM, "out of memory");
	if (pg->kind == KIND_HTML)
		links_from_html(ctx, doc, pg, related, &prev, &next);
	else
		links_from_text(ctx, doc, pg, related, &prev, &next);
	json_object_set_new(doc->rec, "related", related);
	json_object_set_new(doc->rec, "prev", prev ? prev : json_null());
	json_object_set_new(doc->rec, "next", next ? next : json_null());
	return PITH_OK;
}
