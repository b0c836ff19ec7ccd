/* Metadata of text dumps: the labelled lines around the title, bylines at
 * the ends of the body, and the few facts footers give away. */
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "meta.h"
#include "textutil.h"
#include "utf8.h"

/* "…出处:https://…" "原文链接：https://…" in a footer or disclaimer. */
static void url_in(meta *m, const char *s, size_t len)
{
	static const char *const cues[] = {"出处", "出處", "链接", "鏈接", "原文", "来源"};
	const char *h = memmem(s, len, "http", 4);
	if (!h || (h[4] != ':' && h[4] != 's'))
		return;
	size_t at = (size_t)(h - s);
	bool cued = false;
	for (size_t i = 0; i < sizeof cues / sizeof *cues; i++) {
		const char *c = memmem(s, at, cues[i], strlen(cues[i]));
		if (c && at - (size_t)(c - s) <= 16)
			cued = true;
	}
	if (!cued)
		return;
	size_t e = at;
	while (e < len && (unsigned char)s[e] > ' ' && (unsigned char)s[e] < 0x80 &&
	       s[e] != '"' && s[e] != '<' && s[e] != ')')
		e++;
	while (e > at && (s[e - 1] == '.' || s[e - 1] == ','))
		e--;
	meta_set(&m->url, s + at, e - at, EV_GUESS);
}

/* "欢迎光临 站名 (http://…)" in a footer names the site. */
static void site_in(meta *m, const char *s, size_t len)
{
	static const char *const cues[] = {"欢迎光临", "歡迎光臨", "欢迎访问", "歡迎訪問"};
	for (size_t i = 0; i < sizeof cues / sizeof *cues; i++) {
		size_t cl = strlen(cues[i]);
		const char *c = memmem(s, len, cues[i], cl);
		if (!c)
			continue;
		size_t b = (size_t)(c - s) + cl, e = b;
		while (e < len && s[e] != '(' && memcmp(s + e, "\xef\xbc\x88", 3) && s[e] != '!' &&
		       memcmp(s + e, "\xef\xbc\x81", 3))
			e++;
		meta_set(&m->site, s + b, e - b, EV_GUESS);
		return;
	}
}

void meta_from_text(pith_ctx *ctx, pith_doc *doc, struct page *pg, meta *m)
{
	(void)doc;
	if (pg->title_block >= 0) {
		const block *t = &pg->b[pg->title_block];
		meta_set(&m->title, block_text(pg, t), t->len, EV_TEXT);
	}
	pbuf pair = PBUF_INIT;
	int32_t first_body = -1, last_body = -1;
	for (size_t i = 0; i < pg->nb; i++) {
		const block *b = &pg->b[i];
		const char *s = block_text(pg, b);
		if (b->label == LB_BODY) {
			if (first_body < 0)
				first_body = (int32_t)i;
			last_body = (int32_t)i;
		}
		if (b->label == LB_META) {
			/* a label alone on its line takes the next line as value */
			if ((b->lexwhole & ~((1u << LEX_NAV) | (1u << LEX_SHARE))) && b->nchars <= 8 &&
			    i + 1 < pg->nb && pg->b[i + 1].label == LB_META) {
				const block *v = &pg->b[i + 1];
				pbuf_reset(&pair);
				pbuf_add(&pair, s, b->len);
				pbuf_addc(&pair, ' ');
				pbuf_add(&pair, block_text(pg, v), v->len);
				meta_read_line(ctx, m, pair.p, pair.len, EV_TEXT);
				i++;
				continue;
			}
			meta_read_line(ctx, m, s, b->len, EV_TEXT);
		}
		if (b->label == LB_BOILER) {
			url_in(m, s, b->len);
			site_in(m, s, b->len);
		}
	}
	pbuf_free(&pair);
	/* no labelled date: the dateline of the header nearest the body, a
	 * date alone ("May 2, 2024") or with a few words around it ("Reuters
	 * November 18, 2019 11:03 PM", "Nov 18, 2019 • 2 min read") */
	if (!m->date.prec && first_body > 0) {
		for (int32_t i = first_body - 1; i >= 0 && i >= first_body - 12; i--) {
			const block *b = &pg->b[i];
			const char *t = block_text(pg, b);
			pdate d;
			if (b->label == LB_BODY || b->nchars > 80 || b->ndigits < 4 || b->nsent > 1)
				continue;
			if (text_is_dateline(t, b->len, ctx->opt.now, m->date_flags, &d)) {
				meta_set_date(m, &d, EV_GUESS, false);
				break;
			}
		}
	}
	if (first_body >= 0) {
		const block *f = &pg->b[first_body], *l = &pg->b[last_body];
		meta_read_byline(ctx, m, block_text(pg, l), l->len, true);
		if (last_body > first_body) {
			const block *l2 = &pg->b[last_body - 1];
			meta_read_byline(ctx, m, block_text(pg, l2), l2->len, true);
		}
		meta_read_byline(ctx, m, block_text(pg, f), f->len, false);
	}
	/* no dated header: a date alone on a line of the body (the date under
	 * a notice's signature) */
	if (!m->date.prec && first_body >= 0) {
		for (int32_t i = first_body; i <= last_body; i++) {
			const block *b = &pg->b[i];
			pdate d;
			if (b->label == LB_BODY && b->nchars <= 20 && b->ndigits &&
			    text_is_date(block_text(pg, b), b->len, ctx->opt.now, &d) &&
			    d.prec >= DATE_DAY) {
				meta_set_date(m, &d, EV_GUESS, false);
				break;
			}
		}
	}
}
