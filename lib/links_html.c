/* Related lists and previous/next links of HTML pages.
 *
 * A related list is a run of link items (blocks that are mostly one link
 * to another page, its text shaped like a headline) under a heading from
 * data/related.txt, or blocks the classifier labelled related. Teaser
 * cards add a date and a summary line to their link. Navigation menus,
 * tag clouds, share buttons and pagination fail the headline test (short
 * texts, no article URL, numbers). URLs are resolved against <base href>,
 * then the canonical URL, then the record's url. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lexicon.h"
#include "links.h"
#include "textutil.h"
#include "url.h"
#include "utf8.h"

#define MAX_ITEMS 200

struct lctx {
	pith_ctx *ctx;
	struct page *pg;
	const char *base;
	json_t *related;
	size_t nitems;
	pbuf tmp;
};

static const char *attr_of(const dom *d, uint32_t n, const char *name)
{
	return n ? dom_attr(d, n, name) : NULL;
}

/* The page's base for relative links. */
static char *page_base(pith_doc *doc, const dom *d)
{
	const char *rec = rec_get_str(doc, "url");
	const char *base = NULL, *canon = NULL;
	for (uint32_t i = 1; i < d->nn; i++) {
		const dnode *x = &d->n[i];
		if (x->tag == TAG_BODY)
			break;
		if (x->tag == TAG_BASE && !base)
			base = dom_attr(d, i, "href");
		if (x->tag == TAG_LINK && !canon) {
			const char *rel = dom_attr(d, i, "rel");
			if (rel && !strcasecmp(rel, "canonical"))
				canon = dom_attr(d, i, "href");
		}
	}
	const char *abs = rec && url_is_http(rec) ? rec : canon && url_is_http(canon) ? canon : NULL;
	if (base && *base)
		return url_resolve(abs, base);
	return abs ? strdup(abs) : NULL;
}

static bool link_ok(const char *h);

/* The link of a block that makes an item: its longest anchor with an
 * href that leads to a page (not "#", javascript:, mailto:). */
static const anchor *main_anchor(const struct page *pg, const block *b)
{
	const anchor *best = NULL;
	for (uint32_t k = b->anchor; k < b->anchor + b->nanchors; k++) {
		const anchor *a = &pg->an[k];
		if (!a->href)
			continue;
		if (!link_ok(dom_str(&pg->dom, a->href)))
			continue;
		if (!best || a->len > best->len)
			best = a;
	}
	return best;
}

/* Anchor text shaped like a headline: 6+ CJK characters or 3+ words, not
 * a number, not a "more »" link. */
static bool headline_like(const char *s, size_t len)
{
	size_t cjk = 0, words = 0, digits = 0, chars = 0, i = 0;
	bool in_word = false;
	while (i < len) {
		size_t adv;
		uint32_t c = u8_next(s + i, len - i, &adv);
		i += adv;
		if (uc_is_space(c)) {
			in_word = false;
			continue;
		}
		chars++;
		if (uc_is_cjk(c)) {
			cjk++;
			in_word = false;
		} else if (uc_is_alnum(c)) {
			if (uc_is_digit(c))
				digits++;
			if (!in_word)
				words++;
			in_word = true;
		} else {
			in_word = false;
		}
	}
	if (digits * 2 > chars)
		return false;
	if (lex_has(s, len, LEX_NAV) || lex_has(s, len, LEX_SHARE) || lex_has(s, len, LEX_PREVNEXT))
		return false;
	return cjk >= 6 || (cjk >= 4 && words >= 1) || words >= 3;
}

/* An href that leads to a page (not "#", javascript:, mailto:). */
static bool link_ok(const char *h)
{
	while (*h == ' ' || *h == '\n' || *h == '\t')
		h++;
	return *h && *h != '#' && strncasecmp(h, "javascript:", 11) && strncasecmp(h, "mailto:", 7) &&
	       strncasecmp(h, "tel:", 4);
}

/* A short CJK title ("春节通知"): 4+ Han characters. */
static bool short_title(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		size_t adv;
		if (uc_is_han(u8_next(s + i, len - i, &adv)))
			n++;
		i += adv;
	}
	return n >= 4 && !lex_has(s, len, LEX_NAV) && !lex_has(s, len, LEX_PREVNEXT);
}

/* A related-list heading: a short block whose whole text is a phrase of
 * data/related.txt. */
static bool related_heading(const block *b)
{
	/* "=" phrases cover the line; "^" ones start it ("More from News") */
	return b->nchars <= 30 && (b->lex & (1u << LEX_RELATED)) && !b->nlink;
}

static bool date_only(pith_ctx *ctx, const char *s, size_t len, pdate *d)
{
	return len && len <= 60 && text_is_date(s, len, ctx->opt.now, d);
}

/* A teaser's summary: prose without links. */
static bool summary_like(const block *b)
{
	uint32_t units = b->ncjk + b->nwords * 3;
	return !b->nlink && !(b->flags & BF_HEADING) && units >= 20 &&
	       (b->nsent + b->nclause >= 1 || units >= 60);
}

static void add_item(struct lctx *lc, const block *b, const anchor *a, const pdate *date,
		     const block *summary, const char *section)
{
	struct page *pg = lc->pg;
	if (lc->nitems >= MAX_ITEMS)
		return;
	const char *t = pg->text.p + a->off;
	size_t tl = a->len;
	/* a leading bullet or number is no part of the title */
	size_t sb = 0;
	while (sb < tl) {
		size_t adv;
		uint32_t c = u8_next(t + sb, tl - sb, &adv);
		if (!uc_is_punct(c) && !uc_is_space(c) && c != 0x25CF && c != 0x2022 && c != 0xB7)
			break;
		sb += adv;
	}
	char *url = url_resolve(lc->base, dom_str(&pg->dom, a->href));
	/* the same URL twice (image link and title link): one item */
	size_t i;
	json_t *it;
	json_array_foreach(lc->related, i, it) {
		const char *u = json_string_value(json_object_get(it, "url"));
		if (u && url && !strcmp(u, url)) {
			free(url);
			return;
		}
	}
	(void)b;
	json_array_append_new(lc->related,
			      link_item(t + sb, tl - sb, url, date, summary ? block_text(pg, summary) : NULL,
					summary ? summary->len : 0, section));
	lc->nitems++;
	free(url);
}

/* The items of a list starting at block i, under section; returns the
 * index after the list. */
static size_t read_list(struct lctx *lc, size_t i, const char *section, bool labelled)
{
	struct page *pg = lc->pg;
	size_t misses = 0, found = 0;
	for (; i < pg->nb; i++) {
		const block *b = &pg->b[i];
		if (labelled && b->label != LB_RELATED)
			break;
		if (related_heading(b) && found)
			break;
		const anchor *a = main_anchor(pg, b);
		const char *at = a ? pg->text.p + a->off : NULL;
		bool item = a && b->nlink * 10 >= b->nchars * 6 && headline_like(at, a->len);
		/* a card: the title link, then a date and a summary line */
		if (!item && a && headline_like(at, a->len) && a->len * 2 >= b->len)
			item = true;
		if (!item) {
			/* dates and summaries between items belong to the cards */
			pdate d;
			if ((b->ndigits && date_only(lc->ctx, block_text(pg, b), b->len, &d)) ||
			    (found && summary_like(b)) || b->nchars <= 3)
				continue;
			if (++misses > 1 || b->nchars > 200)
				break;
			continue;
		}
		misses = 0;
		/* its date: in the block beside the link, or the next block */
		pdate date = {0};
		const char *s = block_text(pg, b);
		size_t ds, de;
		if (b->ndigits >= 2 && date_find(s, b->len, lc->ctx->opt.now, &date, &ds, &de) &&
		    ds >= a->off - b->off && de <= a->off - b->off + a->len)
			memset(&date, 0, sizeof date); /* the date was in the title */
		const block *summary = NULL;
		for (size_t k = i + 1; k < pg->nb && k <= i + 2; k++) {
			const block *n = &pg->b[k];
			pdate d;
			if (main_anchor(pg, n) && n->nlink * 2 >= n->nchars)
				break;
			if (!date.prec && n->ndigits && date_only(lc->ctx, block_text(pg, n), n->len, &d))
				date = d;
			else if (!summary && summary_like(n))
				summary = n;
			else
				break;
		}
		add_item(lc, b, a, &date, summary, section);
		found++;
	}
	return i;
}

/* "上一篇：标题" blocks, then <a rel=prev|next>. */
static void prev_next(struct lctx *lc, json_t **prev, json_t **next)
{
	struct page *pg = lc->pg;
	for (size_t i = 0; i < pg->nb; i++) {
		const block *b = &pg->b[i];
		if (!(b->lex & (1u << LEX_PREVNEXT)) || b->nchars > 200)
			continue;
		const char *s = block_text(pg, b);
		lex_match m[8];
		size_t nm = lex_find(s, b->len, m, 8);
		for (size_t k = 0; k < nm && k < 8; k++) {
			if (m[k].cat != LEX_PREVNEXT)
				continue;
			bool is_next = !memcmp(s + m[k].start, "\xe4\xb8\x8b", 3) ||
				       !memcmp(s + m[k].start, "\xe5\x90\x8e", 3) ||
				       !strncasecmp(s + m[k].start, "next", 4) ||
				       !strncasecmp(s + m[k].start, "newer", 5);
			json_t **slot = is_next ? next : prev;
			if (*slot)
				continue;
			/* the link after the label, before the next label */
			size_t to = b->len;
			for (size_t j = 0; j < nm && j < 8; j++)
				if (m[j].cat == LEX_PREVNEXT && m[j].start > m[k].start && m[j].start < to)
					to = m[j].start;
			const anchor *a = NULL;
			for (uint32_t x = b->anchor; x < b->anchor + b->nanchors; x++) {
				const anchor *c = &pg->an[x];
				size_t ab = c->off - b->off;
				if (c->href && ab + c->len > m[k].start && ab < to) {
					a = c;
					break;
				}
			}
			if (!a || !link_ok(dom_str(&pg->dom, a->href)))
				continue;
			const char *t = pg->text.p + a->off;
			size_t tl = a->len;
			/* "下一篇：标题" all inside one link: the title follows */
			size_t ab = a->off - b->off;
			if (ab <= m[k].start && ab + tl >= m[k].end) {
				size_t cut = m[k].end - ab;
				t += cut;
				tl -= cut;
			}
			while (tl && (*t == ':' || *t == ' ' || !strncmp(t, "\xef\xbc\x9a", 3 <= tl ? 3 : tl))) {
				size_t step = *t == ':' || *t == ' ' ? 1 : 3;
				t += step;
				tl -= step;
			}
			/* "下一篇：没有了" is no link to follow */
			if (!headline_like(t, tl) && !short_title(t, tl))
				continue;
			char *url = url_resolve(lc->base, dom_str(&pg->dom, a->href));
			json_t *o = json_object();
			pbuf_reset(&lc->tmp);
			text_add_collapsed(&lc->tmp, t, tl);
			json_object_set_new(o, "title", lc->tmp.len ? json_stringn(lc->tmp.p, lc->tmp.len) : json_null());
			json_object_set_new(o, "url", url ? json_string(url) : json_null());
			free(url);
			*slot = o;
		}
	}
	if (*prev && *next)
		return;
	const dom *d = &pg->dom;
	for (size_t i = 0; i < pg->nan; i++) {
		const anchor *a = &pg->an[i];
		const char *rel = attr_of(d, a->node, "rel");
		if (!rel || !a->href)
			continue;
		bool p = !strcasecmp(rel, "prev") || !strcasecmp(rel, "previous");
		bool n = !strcasecmp(rel, "next");
		json_t **slot = p ? prev : n ? next : NULL;
		if (!slot || *slot || !link_ok(dom_str(d, a->href)))
			continue;
		const char *t = pg->text.p + a->off;
		/* pagination ("2", "Next »") is no article */
		if (!headline_like(t, a->len))
			continue;
		char *url = url_resolve(lc->base, dom_str(d, a->href));
		json_t *o = json_object();
		pbuf_reset(&lc->tmp);
		text_add_collapsed(&lc->tmp, t, a->len);
		json_object_set_new(o, "title", json_stringn(lc->tmp.p, lc->tmp.len));
		json_object_set_new(o, "url", url ? json_string(url) : json_null());
		free(url);
		*slot = o;
	}
}

void links_from_html(pith_ctx *ctx, pith_doc *doc, struct page *pg, json_t *related,
		     json_t **prev, json_t **next)
{
	struct lctx lc = {ctx, pg, NULL, related, 0, PBUF_INIT};
	lc.base = page_base(doc, &pg->dom);
	pbuf sec = PBUF_INIT;
	for (size_t i = 0; i < pg->nb;) {
		const block *b = &pg->b[i];
		if (related_heading(b)) {
			pbuf_reset(&sec);
			text_add_collapsed(&sec, block_text(pg, b), b->len);
			size_t end = read_list(&lc, i + 1, pbuf_cstr(&sec), false);
			i = end > i + 1 ? end : i + 1;
			continue;
		}
		if (b->label == LB_RELATED) {
			size_t end = read_list(&lc, i, NULL, true);
			i = end > i ? end : i + 1;
			continue;
		}
		i++;
	}
	prev_next(&lc, prev, next);
	pbuf_free(&sec);
	pbuf_free(&lc.tmp);
	free((char *)lc.base);
}
