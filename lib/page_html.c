/* HTML pages into blocks: a walk of the compact DOM that starts a block at
 * each block-level element, keeps inline text and links together, joins
 * table cells of data rows with tabs and notes where each block lives.
 * The walk also computes each element's hints (html_hints.h) and leaves
 * out what is not shown. Block text is written straight into page.text,
 * once: the block being built is the tail of that buffer. */
#include <stdlib.h>
#include <string.h>

#include "html_hints.h"
#include "page.h"
#include "utf8.h"

struct walker {
	struct page *pg;
	pbuf *text;         /* pg->text; the open block is text->p[start..len) */
	size_t start;
	uint32_t cur_link;  /* link characters in the open block */
	uint16_t next_flags;/* flags for the next block (BF_BR…) */
	uint16_t in_flags;  /* flags of enclosing elements (pre, quote…) */
	uint32_t container; /* innermost block element */
	uint16_t container_tag;
	uint8_t level;
	uint32_t first_anchor; /* anchors of the open block start here */
	int link_depth;
	uint32_t link_node;
	uint32_t link_href;
	uint32_t link_start; /* offset in the open block of the open link */
	uint8_t *has_block;
	hint_cache hints;
	bool oom;
};

static inline size_t cur_len(const struct walker *w) { return w->text->len - w->start; }
static inline char *cur_p(const struct walker *w) { return w->text->p + w->start; }
static inline char cur_last(const struct walker *w)
{
	return cur_len(w) ? w->text->p[w->text->len - 1] : 0;
}

static void open_anchor(struct walker *w)
{
	w->link_start = (uint32_t)cur_len(w);
}

static void close_anchor(struct walker *w)
{
	uint32_t end = (uint32_t)cur_len(w);
	/* a trailing space is not part of the anchor */
	if (end > w->link_start && cur_p(w)[end - 1] == ' ')
		end--;
	if (end <= w->link_start)
		return;
	anchor *a = anchor_add(w->pg);
	if (!a) {
		w->oom = true;
		return;
	}
	a->off = w->link_start; /* relative to the block until the flush */
	a->len = end - w->link_start;
	a->href = w->link_href;
	a->node = w->link_node;
	a->block = UINT32_MAX;
}

/* Ends the open block: trims it, gives it its features, or drops it
 * when it holds no text. */
static void flush(struct walker *w)
{
	struct page *pg = w->pg;
	if (w->link_depth)
		close_anchor(w);
	size_t n = cur_len(w);
	while (n && cur_p(w)[n - 1] == ' ')
		n--;
	w->text->len = w->start + n;
	if (!n || w->text->oom) {
		pg->nan = w->first_anchor;
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
	b->off = (uint32_t)w->start;
	b->len = (uint32_t)n;
	pbuf_addc(w->text, 0);
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
	block_features(b, w->text->p + b->off, n);
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
	w->start = w->text->len;
	w->cur_link = 0;
	if (w->text->oom)
		w->oom = true;
	if (w->link_depth)
		open_anchor(w);
}

static void add_space(struct walker *w)
{
	char last = cur_last(w);
	if (last && last != ' ' && last != '\n')
		pbuf_addc(w->text, ' ');
}

/* Appends a text node with white space collapsed and invisible
 * characters dropped. ASCII runs are copied whole; only other bytes are
 * decoded. */
static void add_text(struct walker *w, const char *s, size_t len)
{
	pbuf *t = w->text;
	bool pre = w->in_flags & BF_PRE;
	size_t before = t->len;
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c > ' ' && c < 0x7F) {
			size_t j = i + 1;
			while (j < len && (unsigned char)s[j] > ' ' && (unsigned char)s[j] < 0x7F)
				j++;
			pbuf_add(t, s + i, j - i);
			i = j;
			continue;
		}
		size_t adv = 1;
		uint32_t cp = c;
		if (c >= 0x80)
			cp = u8_next(s + i, len - i, &adv);
		if (uc_is_space(cp) || cp == 0xE5E5) {
			/* preformatted text keeps its lines and indentation */
			if (pre && (cp == '\n' || cp == '\t' || cp == ' '))
				pbuf_addc(t, (int)cp);
			else if (pre && cp != '\r')
				pbuf_addc(t, ' ');
			else if (!pre)
				add_space(w);
		} else if (!uc_is_invisible(cp)) {
			if (cp == U8_REPLACEMENT && adv == 1)
				pbuf_addcp(t, cp);
			else
				pbuf_add(t, s + i, adv);
		}
		i += adv;
	}
	/* link characters counted as block_features counts nchars: code
	 * points other than white space (the collapsed spaces are ' ') */
	if (w->link_depth)
		for (size_t k = before; k < t->len; k++) {
			unsigned char ch = (unsigned char)t->p[k];
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

/* A table row whose cells hold only inline content is one block, its
 * cells separated by tabs. */
static void visit_row(struct walker *w, uint32_t n)
{
	const dom *d = &w->pg->dom;
	flush(w);
	uint32_t saved = w->container;
	uint16_t saved_tag = w->container_tag;
	w->container = n;
	w->container_tag = TAG_TR;
	bool first = true;
	for (uint32_t c = d->n[n].first; c; c = d->n[c].next) {
		if (d->n[c].tag != TAG_TD && d->n[c].tag != TAG_TH)
			continue;
		if (!first)
			pbuf_addc(w->text, '\t');
		first = false;
		size_t before = w->text->len;
		visit_children(w, c);
		/* trim the cell */
		pbuf *t = w->text;
		while (t->len > before && t->p[t->len - 1] == ' ')
			t->len--;
		if (t->len > before && t->p[before] == ' ') {
			memmove(t->p + before, t->p + before + 1, t->len - before - 1);
			t->len--;
		}
	}
	/* a row of empty cells leaves only tabs */
	size_t k = 0, len = cur_len(w);
	while (k < len && cur_p(w)[k] == '\t')
		k++;
	if (k == len)
		w->text->len = w->start;
	else
		w->next_flags |= BF_ROW;
	flush(w);
	w->container = saved;
	w->container_tag = saved_tag;
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
	ef[n] = html_hints(d, n, &ef[d->nn + n], &w->hints);
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
		if (x->next && d->n[x->next].tag == TAG_A)
			add_space(w); /* adjacent links are separate words */
		return;
	}
	/* a layout row (cells holding blocks) is walked as containers */
	if (x->tag == TAG_TR && !w->has_block[n]) {
		visit_row(w, n);
		return;
	}
	/* An inline element whose class words say caption, credit, byline…
	 * and that starts a line of its own is a block of its own, so that
	 * the classifier can judge it apart. Inside a sentence it stays. */
	bool own = (tf & TF_INLINE) && (ef[n] & (EF_NEG | EF_COMMENT | EF_RELATED)) &&
		   !cur_len(w);
	if ((tf & (TF_BLOCK | TF_CELL | TF_LISTITEM | TF_HEADING)) || own) {
		flush(w);
		uint32_t saved = w->container;
		uint16_t saved_tag = w->container_tag, saved_in = w->in_flags;
		uint8_t saved_level = w->level;
		w->container = n;
		w->container_tag = x->tag;
		if (x->tag == TAG_PRE) {
			w->in_flags |= BF_PRE;
			/* <pre><code>: a code listing */
			for (uint32_t c = x->first; c; c = d->n[c].next)
				if (d->n[c].tag == TAG_CODE)
					w->in_flags |= BF_CODE;
		}
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
	dom *d = &pg->dom;
	/* the text is at most the page's text nodes plus a separator each:
	 * one reservation, no regrowth on the way */
	if (pbuf_reserve(&pg->text, d->str.len + 16))
		return PITH_ERR_NOMEM;
	pbuf_addc(&pg->text, 0);
	/* the walker holds the hint cache (3 KB): zeroed with it */
	struct walker w = {0};
	w.pg = pg;
	w.text = &pg->text;
	w.start = pg->text.len;
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
	return w.oom || pg->text.oom ? PITH_ERR_NOMEM : PITH_OK;
}
