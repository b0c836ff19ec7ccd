/* HTML pages into blocks: a walk of the compact DOM that starts a block at
 * each block-level element, keeps inline text and links together, joins
 * table cells of data rows with tabs and notes where each block lives. */
#include <stdlib.h>
#include <string.h>

#include "html_hints.h"
#include "page.h"
#include "utf8.h"

struct walker {
	struct page *pg;
	pbuf cur;           /* text of the block being built */
	uint32_t cur_link;  /* link characters in cur */
	uint16_t next_flags;/* flags for the next block (BF_BR…) */
	uint16_t in_flags;  /* flags of enclosing elements (pre, quote…) */
	uint32_t container; /* innermost block element */
	uint16_t container_tag;
	uint8_t level;
	uint32_t first_anchor; /* anchors of cur start here */
	int link_depth;
	uint32_t link_node;
	uint32_t link_href;
	uint32_t link_start; /* offset in cur of the open link */
	uint8_t *has_block;
	bool oom;
};

static void open_anchor(struct walker *w)
{
	w->link_start = (uint32_t)w->cur.len;
}

static void close_anchor(struct walker *w)
{
	uint32_t end = (uint32_t)w->cur.len;
	/* a trailing space is not part of the anchor */
	if (end > w->link_start && w->cur.p[end - 1] == ' ')
		end--;
	if (end <= w->link_start)
		return;
	anchor *a = anchor_add(w->pg);
	if (!a) {
		w->oom = true;
		return;
	}
	a->off = w->link_start; /* relative to cur until the flush */
	a->len = end - w->link_start;
	a->href = w->link_href;
	a->node = w->link_node;
	a->block = UINT32_MAX;
}

static void flush(struct walker *w)
{
	struct page *pg = w->pg;
	if (w->link_depth)
		close_anchor(w);
	size_t n = w->cur.len;
	while (n && w->cur.p[n - 1] == ' ')
		n--;
	if (!n) {
		pg->nan = w->first_anchor;
		pbuf_reset(&w->cur);
		w->cur_link = 0;
		if (w->link_depth)
			open_anchor(w);
		return;
	}
	block *b = block_add(pg);
	if (!b) {
		w->oom = true;
		return;
	}
	b->off = (uint32_t)pg->text.len;
	b->len = (uint32_t)n;
	pbuf_add(&pg->text, w->cur.p, n);
	pbuf_addc(&pg->text, 0);
	b->node = w->container;
	b->tag = w->container_tag;
	b->flags = w->next_flags | w->in_flags;
	b->level = w->level;
	unsigned tf = tag_flags(w->container_tag);
	if (tf & TF_HEADING)
		b->flags |= BF_HEADING;
	if (tf & TF_LISTITEM)
		b->flags |= BF_LISTITEM;
	if (w->container_tag == TAG_FIGCAPTION || w->container_tag == TAG_CAPTION)
		b->flags |= BF_CAPTION;
	block_features(b, w->cur.p, n);
	b->nlink = w->cur_link;
	b->anchor = w->first_anchor;
	b->nanchors = (uint32_t)(pg->nan - w->first_anchor);
	uint32_t bi = (uint32_t)(pg->nb - 1);
	for (size_t i = w->first_anchor; i < pg->nan; i++) {
		anchor *a = &pg->an[i];
		a->block = bi;
		if (a->off + a->len > n)
			a->len = a->off < n ? (uint32_t)n - a->off : 0;
		a->off += b->off;
	}
	w->first_anchor = (uint32_t)pg->nan;
	w->next_flags = 0;
	pbuf_reset(&w->cur);
	w->cur_link = 0;
	if (pg->text.oom)
		w->oom = true;
	if (w->link_depth)
		open_anchor(w);
}

static void add_text(struct walker *w, const char *s, size_t len)
{
	bool pre = w->in_flags & BF_PRE;
	size_t before = w->cur.len;
	size_t i = 0;
	while (i < len) {
		size_t adv;
		uint32_t c = u8_next(s + i, len - i, &adv);
		if (uc_is_space(c) || c == 0xE5E5) {
			if (pre && (c == '\n' || c == '\t')) {
				pbuf_addc(&w->cur, (int)c);
			} else if (w->cur.len && w->cur.p[w->cur.len - 1] != ' ' &&
				   w->cur.p[w->cur.len - 1] != '\n') {
				pbuf_addc(&w->cur, ' ');
			}
		} else if (!uc_is_invisible(c)) {
			if (c == U8_REPLACEMENT && adv == 1)
				pbuf_addcp(&w->cur, c);
			else
				pbuf_add(&w->cur, s + i, adv);
		}
		i += adv;
	}
	/* link characters counted as block_features counts nchars: code
	 * points other than white space (the collapsed spaces are ' ') */
	if (w->link_depth)
		for (size_t k = before; k < w->cur.len; k++) {
			unsigned char ch = (unsigned char)w->cur.p[k];
			w->cur_link += ch != ' ' && ch != '\n' && ch != '\t' && (ch & 0xC0) != 0x80;
		}
}

static void visit(struct walker *w, uint32_t n);

static void visit_children(struct walker *w, uint32_t n)
{
	const dom *d = &w->pg->dom;
	for (uint32_t c = d->n[n].first; c && !w->oom; c = d->n[c].next)
		visit(w, c);
}

static void visit(struct walker *w, uint32_t n)
{
	const dom *d = &w->pg->dom;
	const dnode *x = &d->n[n];
	if (x->tag == TAG_TEXT) {
		add_text(w, dom_text(d, n), x->tlen);
		return;
	}
	unsigned tf = tag_flags(x->tag);
	if (tf & (TF_SKIP | TF_FORM))
		return;
	uint32_t *ef = w->pg->elem_flags;
	ef[n] = html_hints(d, n, &ef[d->nn + n]);
	/* not shown: a hidden attribute or style; class words only for
	 * inline elements (tooltips, screen-reader text), since a hidden
	 * block may be a collapsed part of the article */
	if ((ef[n] & EF_INVISIBLE) || ((ef[n] & EF_HIDDEN) && (tf & TF_INLINE)))
		return;
	if (x->tag == TAG_BR) {
		flush(w);
		w->next_flags |= BF_BR;
		return;
	}
	if (x->tag == TAG_HR) {
		flush(w);
		return;
	}
	if (tf & TF_VOID)
		return;
	if (x->tag == TAG_A) {
		if (w->link_depth++ == 0) {
			const char *href = dom_attr(d, n, "href");
			w->link_href = href ? (uint32_t)(href - d->str.p) : 0;
			w->link_node = n;
			open_anchor(w);
		}
		visit_children(w, n);
		if (--w->link_depth == 0)
			close_anchor(w);
		if (w->cur.len && w->cur.p[w->cur.len - 1] != ' ' && (tf & TF_INLINE) &&
		    d->n[n].next && d->n[d->n[n].next].tag == TAG_A)
			pbuf_addc(&w->cur, ' '); /* adjacent links are separate words */
		return;
	}
	/* A table row whose cells hold only inline content is one block, its
	 * cells separated by tabs; a layout row is walked as containers. */
	if (x->tag == TAG_TR && !w->has_block[n]) {
		flush(w);
		uint32_t saved = w->container;
		uint16_t saved_tag = w->container_tag;
		w->container = n;
		w->container_tag = TAG_TR;
		bool first = true;
		for (uint32_t c = x->first; c; c = d->n[c].next) {
			if (d->n[c].tag != TAG_TD && d->n[c].tag != TAG_TH)
				continue;
			if (!first)
				pbuf_addc(&w->cur, '\t');
			first = false;
			size_t before = w->cur.len;
			visit_children(w, c);
			/* trim the cell */
			while (w->cur.len > before && w->cur.p[w->cur.len - 1] == ' ')
				w->cur.len--;
			if (w->cur.len > before && w->cur.p[before] == ' ')
				memmove(w->cur.p + before, w->cur.p + before + 1, --w->cur.len - before);
			if (w->cur.p)
				w->cur.p[w->cur.len] = 0;
		}
		/* a row of empty cells leaves only tabs */
		size_t k = 0;
		while (k < w->cur.len && w->cur.p[k] == '\t')
			k++;
		if (k == w->cur.len)
			pbuf_reset(&w->cur);
		else
			w->next_flags |= BF_ROW;
		flush(w);
		w->container = saved;
		w->container_tag = saved_tag;
		return;
	}
	if (tf & (TF_BLOCK | TF_CELL | TF_LISTITEM | TF_HEADING)) {
		flush(w);
		uint32_t saved = w->container;
		uint16_t saved_tag = w->container_tag, saved_in = w->in_flags;
		uint8_t saved_level = w->level;
		w->container = n;
		w->container_tag = x->tag;
		if (x->tag == TAG_PRE)
			w->in_flags |= BF_PRE;
		if (x->tag == TAG_BLOCKQUOTE)
			w->in_flags |= BF_QUOTE;
		if (tf & TF_HEADING)
			w->level = (uint8_t)(x->tag - TAG_H1 + 1);
		else if (tf & TF_LIST)
			w->level = (uint8_t)(w->level < 9 ? w->level + 1 : 9);
		visit_children(w, n);
		flush(w);
		w->container = saved;
		w->container_tag = saved_tag;
		w->in_flags = saved_in;
		w->level = saved_level;
		return;
	}
	visit_children(w, n);
}

pith_status page_from_dom(struct page *pg)
{
	pg->kind = KIND_HTML;
	pbuf_addc(&pg->text, 0);
	dom *d = &pg->dom;
	struct walker w = {0};
	w.pg = pg;
	w.container_tag = TAG_ROOT;
	/* has_block[n]: n's subtree holds a block-level element. Children
	 * come after their parent in the array, so one backward pass does. */
	w.has_block = calloc(d->nn ? d->nn : 1, 1);
	/* element hints, then class signatures (html_hints.h) */
	pg->elem_flags = calloc(d->nn ? 2 * d->nn : 2, sizeof *pg->elem_flags);
	if (!w.has_block || !pg->elem_flags) {
		free(w.has_block);
		return PITH_ERR_NOMEM;
	}
	for (size_t i = d->nn; i-- > 1;) {
		unsigned tf = tag_flags(d->n[i].tag);
		if (w.has_block[i] || (tf & (TF_BLOCK | TF_LISTITEM)) || d->n[i].tag == TAG_BR)
			w.has_block[d->n[i].parent] = 1;
	}
	visit(&w, 0);
	flush(&w);
	free(w.has_block);
	pbuf_free(&w.cur);
	return w.oom ? PITH_ERR_NOMEM : PITH_OK;
}

