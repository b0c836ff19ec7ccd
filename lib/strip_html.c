/* HTML pages: find the article and label every block.
 *
 * Four linear passes over pith's compact tree, no re-parsing:
 *
 * 1. Each block gets a class from its own shallow features (boilerpipe,
 *    jusText): length (CJK characters count double: they carry a word
 *    each), link density, punctuation density (works without spaces, as
 *    in GNE), and the word lists. GOOD and NEAR blocks are prose.
 * 2. Elements whose tag, role or class/id words say navigation, sidebar,
 *    share bar, comments or related list are cut (trafilatura removes
 *    such subtrees first), unless the element holds nearly all the
 *    page's prose: then the word was on a wrapper.
 * 3. Every element sums the values of the blocks below it: prose counts
 *    for, link text and cut prose against (CETD's density sum). The
 *    element with the largest sum, nudged by <article>, <main>,
 *    itemprop=articleBody and class words, holds the article.
 * 4. Inside it, a context pass (jusText) settles short and near-good
 *    blocks by their neighbours, the headline goes to LB_TITLE, and
 *    lists under a "Related" or "Comments" heading are cut off. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "html_hints.h"
#include "html_ldbody.h"
#include "lexicon.h"
#include "page.h"
#include "textutil.h"
#include "utf8.h"

/* cut[] bit of nodes inside a <figure>: image captions and credits, not
 * article text, yet no evidence against their container either. */
#define IN_FIGURE 0x80
#define CUT(h, n) ((h)->cut[n] & 0x7F)

/* Block classes before context. */
enum { C_BAD, C_SHORT, C_NEAR, C_GOOD };

/* ---- block features ---- */

/* Length with CJK characters counted twice: about two English letters
 * per Chinese character carry the same text. */
static inline float wlen(const block *b) { return (float)(b->nchars + b->ncjk); }

static inline float link_density(const block *b)
{
	return b->nchars ? (float)b->nlink / (float)b->nchars : 0;
}

/* Lexicon categories that mark a short line as page furniture. */
#define LEX_FURNITURE ((1u << LEX_NAV) | (1u << LEX_SHARE) | (1u << LEX_FOOTER) | \
		       (1u << LEX_PREVNEXT) | (1u << LEX_DISCLAIMER))
#define LEX_LISTHEAD ((1u << LEX_RELATED) | (1u << LEX_COMMENT))
/* A line that is nothing but a class word of page furniture: "Advertisement",
 * "Share", "Comments", "Related", "Print". */
#define LEX_HINTWORD ((1u << LEX_HINT_NEG) | (1u << LEX_HINT_COMMENT) | \
		      (1u << LEX_HINT_RELATED) | (1u << LEX_HINT_HIDDEN))

/* A short line that is nothing but one of the class words of page
 * furniture: "Advertisement", "Share", "Comments", "Related", "Print". */
static bool hint_word_line(const struct page *pg, const block *b)
{
	if (b->nchars > 24 || b->ncjk)
		return false;
	const char *s = block_text(pg, b);
	size_t lo = 0, hi = b->len;
	while (lo < hi && !((s[lo] | 0x20) >= 'a' && (s[lo] | 0x20) <= 'z'))
		lo++;
	while (hi > lo && !((s[hi - 1] | 0x20) >= 'a' && (s[hi - 1] | 0x20) <= 'z'))
		hi--;
	if (lo == hi)
		return false;
	lex_match m[16];
	size_t n = lex_find(s, b->len, m, 16);
	for (size_t i = 0; i < n && i < 16; i++)
		if (m[i].start <= lo && m[i].end >= hi && (LEX_HINTWORD >> m[i].cat & 1))
			return true;
	return false;
}

static int block_class(const struct page *pg, const block *b)
{
	float w = wlen(b), ld = link_density(b);
	unsigned punct = b->nsent + b->nclause;
	if (ld > 0.5f || (ld > 0.33f && w < 100)) {
		/* a sentence whose names are linked is still a sentence */
		if (ld < 0.8f && b->nsent && (b->nwords >= 6 || b->ncjk >= 12) &&
		    uc_is_sentence_end(text_last_char(block_text(pg, b), b->len)))
			return C_NEAR;
		return C_BAD;
	}
	if ((b->lexwhole & (LEX_FURNITURE | LEX_LISTHEAD)) || hint_word_line(pg, b))
		return C_BAD;
	if ((b->lex & LEX_FURNITURE) && w < 60)
		return C_BAD;
	if (ld < 0.3f && punct && (w >= 140 || (w >= 80 && b->nsent)))
		return C_GOOD;
	/* several sentences with links inside them: a news digest, a
	 * paragraph that cites its sources */
	if (b->nsent >= 2 && w >= 200 && ld <= 0.5f)
		return C_GOOD;
	if (ld < 0.35f && punct && w >= 50)
		return C_NEAR;
	return C_SHORT;
}

/* What a block adds to the score of the elements above it: its text
 * outside links, weighed by how much it reads like prose, less its link
 * text. A link amid plain lines (a source, a shop link under each item)
 * costs half what a link amid links (a menu) does: boilerpipe's point
 * that the neighbours' features tell as much as the block's own. */
static float block_value(const block *b, int cls, float nbr_ld)
{
	float w = wlen(b), ld = link_density(b);
	float plain = w * (1 - ld), linked = w * ld;
	float cost = linked * (0.5f + 0.5f * nbr_ld);
	switch (cls) {
	case C_GOOD:
		return plain - cost;
	case C_NEAR:
		return 0.6f * plain - cost;
	case C_SHORT:
		return 0.2f * plain - cost;
	default:
		return ld > 0.5f ? -cost : -0.3f * w - cost;
	}
}

/* A block that is a link, or opens with a long one: a teaser's headline. */
static bool headline_link(const struct page *pg, const block *b)
{
	if (b->nchars < 10)
		return false;
	if (link_density(b) >= 0.5f)
		return true;
	if (!b->nanchors)
		return false;
	const anchor *a = &pg->an[b->anchor];
	return a->off == b->off && a->len >= 20 && link_density(b) >= 0.1f;
}

/* ---- stated body ---- */

/* Fills ld[i] with the share of block i's text that the page's JSON-LD
 * articleBody holds (-1: no body, or too short a block to tell). The
 * body is trusted as evidence when blocks holding at least 40% of it are
 * on the page: some sites state only a summary, or another story. */
static bool ld_evidence(const struct page *pg, float *ld)
{
	for (size_t i = 0; i < pg->nb; i++)
		ld[i] = -1;
	ldbody lb;
	if (!ldbody_build(&lb, &pg->dom))
		return false;
	size_t seen = 0;
	for (size_t i = 0; i < pg->nb; i++) {
		const block *b = &pg->b[i];
		unsigned tokens;
		float f = ldbody_match(&lb, block_text(pg, b), b->len, &tokens);
		if (tokens < 4)
			continue;
		ld[i] = f;
		if (f >= 0.5f)
			seen += tokens;
	}
	bool trusted = seen >= 0.4 * (double)lb.tokens;
	ldbody_free(&lb);
	return trusted;
}

/* ---- the passes ---- */

struct hc {
	struct page *pg;
	const dom *d;
	size_t nn;
	uint32_t *ef;    /* element flags, kept in pg->elem_flags */
	uint32_t *end;   /* last node of each subtree (nodes are in pre-order) */
	float *prose;    /* prose below each element */
	float *chars;    /* all text below each element (wlen) */
	uint32_t *sig;   /* tag and class hash */
	uint32_t *nhl;   /* headline links below each element */
	float *score;    /* summed block values below each element */
	uint8_t *cut;    /* label of the boilerplate subtree a node is in, or 0;
			  * IN_FIGURE: inside <figure> */
	uint8_t *cls;    /* per block */
};

static inline bool inside(const struct hc *h, uint32_t node, uint32_t top)
{
	return node >= top && node <= h->end[top];
}

/* Which label a cut subtree gives its blocks. */
static uint8_t cut_label(uint32_t f)
{
	if (f & EF_COMMENT)
		return LB_COMMENT;
	if (f & EF_RELATED)
		return LB_RELATED;
	return LB_BOILER;
}

/* Cut boilerplate subtrees, top down. A hinted element that holds nearly
 * all the prose of the page is a wrapper whose word says little
 * (<body class="comments-open">, <form> around an ASP.NET page). */
static void decide_cuts(struct hc *h)
{
	const dom *d = h->d;
	float total = h->prose[0];
	for (size_t i = 1; i < h->nn; i++) {
		uint32_t p = d->n[i].parent;
		h->cut[i] = h->cut[p];
		if (d->n[i].tag == TAG_FIGURE || d->n[i].tag == TAG_FIGCAPTION)
			h->cut[i] |= IN_FIGURE;
		if (CUT(h, i))
			continue;
		uint32_t f = h->ef[i];
		if (f & EF_TEASER) {
			h->ef[i] |= EF_CUT;
			h->cut[i] |= LB_RELATED;
			continue;
		}
		if (!(f & (EF_NEG | EF_COMMENT | EF_RELATED | EF_CHROME | EF_HIDDEN)) ||
		    (f & EF_BODYPROP))
			continue;
		/* <article>/<main> with a boilerplate word: the word is a
		 * modifier ("article has-sidebar"); comments and related
		 * teasers still go */
		if ((f & EF_SECTION) && !(f & (EF_COMMENT | EF_RELATED)))
			continue;
		/* Sidebars, menus and footers hold little prose; one that holds
		 * half the page's is the article's wrapper. A comment thread
		 * may dwarf the article, so it goes unless the rest of the page
		 * has next to no prose. */
		float in = h->prose[i], out = total - in;
		if (f & EF_COMMENT) {
			if (in > 0 && out < 0.25f * in && out < 150)
				continue;
		} else if (in >= 0.5f * total && in > 0) {
			continue;
		}
		h->ef[i] |= EF_CUT;
		h->cut[i] |= cut_label(f);
		/* a heading of a related or comment list, alone in its
		 * element: the containers that follow it are its items, up to
		 * the next paragraph or heading of the article's flow */
		if (!(f & (EF_COMMENT | EF_RELATED)) || (!(f & EF_HEADS) && h->chars[i] > 100))
			continue;
		unsigned left = 256; /* a bound for pages of endless siblings */
		for (uint32_t sb = d->n[i].next; sb && left--; sb = d->n[sb].next) {
			unsigned t = d->n[sb].tag;
			if (t == TAG_TEXT)
				continue;
			if (t == TAG_P || (tag_flags(t) & TF_HEADING))
				break;
			/* items of a related list lead with a link; prose after a
			 * "Read more" button is the rest of the article */
			if ((f & EF_RELATED) && !h->nhl[sb])
				break;
			h->ef[sb] |= f & (EF_COMMENT | EF_RELATED);
		}
	}
}

/* Cards: runs of three or more like siblings (same tag and class), each
 * with a headline link (a block mostly of link text) and not much prose,
 * are teasers of other articles, as on index pages and under related
 * lists. Runs are of consecutive siblings, so this stays linear. */
static bool card_tag(unsigned t)
{
	return t == TAG_DIV || t == TAG_ARTICLE || t == TAG_SECTION || t == TAG_LI;
}

static void mark_run(struct hc *h, uint32_t first, uint32_t last, unsigned k)
{
	const dom *d = h->d;
	unsigned good = 0;
	for (uint32_t c = first;; c = d->n[c].next) {
		if (d->n[c].tag != TAG_TEXT && h->nhl[c] && h->prose[c] <= 800)
			good++;
		if (c == last)
			break;
	}
	if (good < 3 || 3 * good < 2 * k)
		return;
	for (uint32_t c = first;; c = d->n[c].next) {
		/* a list item needs text beside its link: link-only items are
		 * a menu, which link density already handles */
		if (d->n[c].tag != TAG_TEXT && h->nhl[c] && h->prose[c] <= 800 &&
		    (d->n[c].tag != TAG_LI || h->prose[c] > 0))
			h->ef[c] |= EF_TEASER;
		if (c == last)
			break;
	}
}

static void find_cards(struct hc *h)
{
	const dom *d = h->d;
	for (size_t p = 0; p < h->nn; p++) {
		if (d->n[p].tag == TAG_TEXT || !d->n[p].first)
			continue;
		uint32_t first = 0, last = 0;
		unsigned k = 0;
		for (uint32_t c = d->n[p].first;; c = d->n[c].next) {
			/* text, scripts and hidden elements between cards */
			if (c && (d->n[c].tag == TAG_TEXT || (tag_flags(d->n[c].tag) & TF_SKIP) ||
				  (h->ef[c] & EF_INVISIBLE)))
				continue;
			bool same = c && first && h->sig[c] == h->sig[first];
			if (same) {
				last = c;
				k++;
				continue;
			}
			if (k >= 3)
				mark_run(h, first, last, k);
			if (!c)
				break;
			first = last = card_tag(d->n[c].tag) ? c : 0;
			k = first ? 1 : 0;
		}
	}
}

static float bonus(uint32_t f)
{
	float m = 1;
	if (f & EF_BODYPROP)
		m += 0.5f;
	if (f & EF_SECTION)
		m += 0.2f;
	if (f & EF_POS)
		m += 0.15f;
	return m;
}

/* The headline: the heading (or line) before the first paragraph whose
 * text is part of the page's <title>, else the last h1 there. The
 * context pass may have kept it as a heading that opens the text. */
static int32_t find_title(const struct hc *h, size_t first_par)
{
	const struct page *pg = h->pg;
	const char *title = h->d->title ? dom_str(h->d, h->d->title) : NULL;
	size_t tl = title ? strlen(title) : 0;
	int32_t h1 = -1;
	size_t lo = first_par > 40 ? first_par - 40 : 0;
	for (size_t i = first_par; i-- > lo;) {
		const block *b = &pg->b[i];
		bool heading = b->flags & BF_HEADING;
		if (b->label == LB_BODY && !heading)
			continue;
		if (title && b->len >= 4 && b->nchars >= 3 && b->len <= tl &&
		    memmem(title, tl, block_text(pg, b), b->len))
			return (int32_t)i;
		if (h1 < 0 && heading && b->level == 1)
			h1 = (int32_t)i;
	}
	return h1;
}

/* A link line in the article that points to another article: "Read
 * more: <headline>", a headline in capitals, or a long one. Sources,
 * shop links and bare URLs are short. */
static bool teaser_link(const struct page *pg, const block *b)
{
	const char *s = block_text(pg, b);
	if (b->len >= 4 && (!strncmp(s, "http", 4) || !strncmp(s, "www.", 4)))
		return false;
	if (b->nchars > 60)
		return true;
	if (b->nanchors && pg->an[b->anchor].len >= 25) {
		/* a label ending in a colon before a headline-long link */
		uint32_t k = pg->an[b->anchor].off - b->off;
		while (k > 0 && s[k - 1] == ' ')
			k--;
		if (k > 0 && k < b->len && (s[k - 1] == ':' || (k >= 3 && !memcmp(s + k - 3, "\xef\xbc\x9a", 3))))
			return true;
	}
	unsigned up = 0, low = 0;
	for (uint32_t i = 0; i < b->len; i++) {
		up += s[i] >= 'A' && s[i] <= 'Z';
		low += s[i] >= 'a' && s[i] <= 'z';
	}
	return up >= 8 && !low;
}

/* Lexicon categories of metadata lines: bylines, dates, sources. */
#define LEX_METALINE ((1u << LEX_META_AUTHOR) | (1u << LEX_META_DATE) | (1u << LEX_META_SOURCE) | \
		      (1u << LEX_META_EDITOR) | (1u << LEX_META_VIEWS) | (1u << LEX_META_OTHER))

/* A short line that may be article text beside the article's paragraphs:
 * a paragraph or list item, not a link, byline, date or heading. */
static bool flow_line(const block *b)
{
	switch (b->tag) {
	case TAG_P: case TAG_LI: case TAG_DD: case TAG_DT: case TAG_BLOCKQUOTE: case TAG_PRE:
		break;
	default:
		return false;
	}
	if (link_density(b) >= 0.5f || (b->lex & (LEX_METALINE | LEX_FURNITURE | LEX_LISTHEAD)))
		return false;
	/* "November 18, 2019", "2013年04月09日" */
	return !(b->ndigits >= 4 && b->nwords <= 4);
}

/* jusText's context pass over the blocks of the article container: a
 * near-good block is good unless bad blocks surround it; a short one
 * takes its neighbours' class when they agree. The container's edges
 * count as bad. Between the first and the last good block the article
 * is settled: short lines there are its lists, tables and subheads, and
 * a lone link amid them is a source or a product, not navigation. */
static void context_pass(struct hc *h, size_t lo, size_t hi, uint8_t *out)
{
	const struct page *pg = h->pg;
	size_t fg = hi, lg = hi;
	/* prev[i]: class of the nearest non-short block before i */
	int prev = C_BAD;
	for (size_t i = lo; i < hi; i++) {
		out[i] = (uint8_t)prev;
		int c = h->cls[i];
		if (h->cut[pg->b[i].node])
			continue; /* cut and figure text: transparent */
		if (c == C_GOOD) {
			if (fg == hi)
				fg = i;
			lg = i;
		}
		if (c != C_SHORT)
			prev = c == C_NEAR ? C_NEAR : c;
	}
	/* the elements that hold the first and the last good block */
	uint32_t pf = fg < hi ? h->d->n[pg->b[fg].node].parent : 0;
	uint32_t pl = lg < hi ? h->d->n[pg->b[lg].node].parent : 0;
	int next = C_BAD;
	size_t after = hi; /* the next block not cut */
	for (size_t i = hi; i-- > lo;) {
		const block *b = &pg->b[i];
		int c = h->cls[i], p = out[i];
		if (h->cut[b->node]) {
			out[i] = C_BAD;
			continue;
		}
		int res = c;
		if (fg < i && i < lg) {
			if (c == C_NEAR || c == C_SHORT) {
				/* near-good blocks may be linked sentences */
				res = c == C_NEAR || link_density(b) < 0.5f ? C_GOOD : C_BAD;
			} else if (c == C_BAD && (b->flags & BF_ROW) && link_density(b) < 0.9f &&
				   !(b->lex & (LEX_FURNITURE | LEX_LISTHEAD))) {
				/* a data row whose names link somewhere (results,
				 * lists of people): tables are not menus */
				res = C_GOOD;
			} else if (c == C_BAD && link_density(b) > 0.33f &&
				   !(b->lexwhole & (LEX_FURNITURE | LEX_LISTHEAD)) &&
				   !(b->lex & LEX_FURNITURE)) {
				size_t before = i;
				while (before-- > lo && h->cut[pg->b[before].node])
					;
				bool lone = link_density(&pg->b[before]) < 0.5f &&
					    (after >= hi || link_density(&pg->b[after]) < 0.5f);
				res = lone && !teaser_link(pg, b) ? C_GOOD : C_BAD;
			}
		} else if ((c == C_NEAR || c == C_SHORT) && pf &&
			   ((i < fg && inside(h, b->node, pf)) || (i > lg && inside(h, b->node, pl))) &&
			   flow_line(b)) {
			/* lines of the article's own container before its first or
			 * after its last paragraph: a dateline, a list, a sign-off */
			res = C_GOOD;
		} else if (c == C_NEAR) {
			res = (p == C_BAD && next == C_BAD) ? C_BAD : C_GOOD;
		} else if (c == C_SHORT) {
			bool pg_ = p >= C_NEAR, ng = next >= C_NEAR;
			if (pg_ && ng)
				res = C_GOOD;
			else if (!pg_ && !ng)
				res = C_BAD;
			else if (ng && (b->flags & BF_HEADING))
				res = C_GOOD; /* a section heading opens good text */
			else if (pg_ && !(b->flags & BF_HEADING) && link_density(b) < 0.5f)
				res = C_GOOD; /* a closing line: credits, sign-off */
			else
				res = C_BAD;
		}
		out[i] = (uint8_t)res;
		if (c != C_SHORT)
			next = c;
		after = i;
	}
}

/* What lines of one template share: their first few letters (the
 * names and dates after them differ) and their word-list categories. */
static uint32_t line_key(const struct page *pg, const block *b)
{
	const char *s = block_text(pg, b);
	uint32_t h = 2166136261u ^ b->lex;
	unsigned n = 0;
	for (size_t i = 0; i < b->len && n < 6;) {
		size_t adv;
		uint32_t c = u8_next(s + i, b->len - i, &adv);
		if (uc_is_alnum(c) && !uc_is_digit(c)) {
			h = (h ^ c) * 16777619u;
			n++;
		}
		i += adv;
	}
	return h;
}

static bool any_good(const struct hc *h, size_t lo, size_t hi)
{
	for (size_t i = lo; i < hi; i++)
		if (h->cls[i] == C_GOOD && !h->cut[h->pg->b[i].node])
			return true;
	return false;
}

/* Blog archives and some forum pages hold several posts in one
 * container, each with a byline or footer line of one template ("Posted
 * by X on DATE | N comments"). When such a line
 * repeats with article text between, the article ends after the first
 * post. Returns the end of the first post (hi when there is one post). */
static size_t first_post_end(const struct hc *h, size_t lo, size_t hi)
{
	const struct page *pg = h->pg;
	size_t cand[64], nc = 0;
	for (size_t i = lo; i < hi && nc < 64; i++) {
		const block *b = &pg->b[i];
		/* a post's line links to the post or its comments; a live
		 * blog's "Updated 10:32" lines do not, and stay */
		if (h->cut[b->node] || h->cls[i] == C_GOOD || b->nchars > 100 || b->ndigits < 4 ||
		    !b->nanchors || !(b->lex & (LEX_METALINE | (1u << LEX_COMMENT))))
			continue;
		cand[nc++] = i;
	}
	uint32_t key[64];
	for (size_t k = 0; k < nc; k++)
		key[k] = line_key(pg, &pg->b[cand[k]]);
	for (size_t k = 0; k < nc; k++)
		for (size_t j = k + 1; j < nc; j++) {
			if (key[j] != key[k])
				continue;
			if (!any_good(h, cand[k] + 1, cand[j]))
				break;
			/* a footer closes the first post, a header opens the
			 * second; either line is metadata, not article */
			return any_good(h, lo, cand[k]) ? cand[k] : cand[j];
		}
	return hi;
}

/* A heading of a related-articles or comments list. */
static bool list_heading(const block *b)
{
	return (b->lexwhole & LEX_LISTHEAD) || ((b->lex & LEX_LISTHEAD) && b->nchars <= 30 &&
						 (b->flags & BF_HEADING));
}

pith_status classify_html(pith_ctx *ctx, pith_doc *doc, struct page *pg)
{
	(void)doc;
	const dom *d = &pg->dom;
	struct hc h = {0};
	h.pg = pg;
	h.d = d;
	h.nn = d->nn ? d->nn : 1;
	size_t nn = h.nn, nb = pg->nb ? pg->nb : 1;
	if (!pg->elem_flags)
		return ctx_error(ctx, PITH_ERR_NOMEM, "out of memory");
	/* hints and class signatures come from the walker (html_hints.h) */
	h.ef = pg->elem_flags;
	h.sig = pg->elem_flags + d->nn;
	/* one allocation for the other per-node and per-block arrays: the
	 * 4-byte ones first, then the bytes */
	size_t bytes = nn * (2 * sizeof(uint32_t) + 3 * sizeof(float) + 1) +
		       nb * (sizeof(float) + 2);
	char *mem = calloc(1, bytes);
	if (!mem)
		return ctx_error(ctx, PITH_ERR_NOMEM, "out of memory");
	h.end = (uint32_t *)mem;
	h.nhl = h.end + nn;
	h.prose = (float *)(h.nhl + nn);
	h.chars = h.prose + nn;
	h.score = h.chars + nn;
	/* stated body: the share of each block found in JSON-LD articleBody,
	 * -1 unknown; trusted when the page shows most of what it states */
	float *ld = h.score + nn;
	h.cut = (uint8_t *)(ld + nb);
	h.cls = h.cut + nn;
	uint8_t *ctxcls = h.cls + nb;
	bool trusted = ld_evidence(pg, ld);

	/* 1. blocks: class, prose */
	for (size_t i = 0; i < pg->nb; i++) {
		block *b = &pg->b[i];
		int c = block_class(pg, b);
		h.cls[i] = (uint8_t)c;
		if (c >= C_NEAR)
			h.prose[b->node] += wlen(b) * (1 - link_density(b));
		h.chars[b->node] += wlen(b);
		if (headline_link(pg, b))
			h.nhl[b->node]++;
	}
	/* elements: subtree ends and sums, bottom up */
	for (size_t i = 0; i < d->nn; i++)
		h.end[i] = (uint32_t)i;
	for (size_t i = d->nn; i-- > 1;) {
		uint32_t p = d->n[i].parent;
		h.prose[p] += h.prose[i];
		h.chars[p] += h.chars[i];
		h.nhl[p] += h.nhl[i];
		if (h.end[i] > h.end[p])
			h.end[p] = h.end[i];
	}
	/* headings of related and comment lists by their words: the element
	 * that holds the heading alone heads the list */
	for (size_t i = 0; i < pg->nb; i++) {
		const block *b = &pg->b[i];
		if (!list_heading(b) || b->nchars > 40)
			continue;
		uint32_t n = b->node;
		while (n && d->n[n].parent && d->n[d->n[n].parent].first == n &&
		       d->n[d->n[n].parent].last == n)
			n = d->n[n].parent;
		if (n)
			h.ef[n] |= EF_HEADS |
				   ((b->lex | b->lexwhole) & (1u << LEX_COMMENT) ? EF_COMMENT : EF_RELATED);
	}

	find_cards(&h);

	/* 2. boilerplate subtrees */
	decide_cuts(&h);

	/* 3. scores, bottom up; the best element */
	for (size_t i = 0; i < pg->nb; i++) {
		block *b = &pg->b[i];
		float nl = i > 0 ? link_density(b - 1) : 1;
		float nr = i + 1 < pg->nb ? link_density(b + 1) : 1;
		float v = block_value(b, h.cls[i], (nl + nr) / 2);
		if (CUT(&h, b->node) && v > 0)
			v = -0.5f * v;
		else if (h.cut[b->node] & IN_FIGURE)
			v = 0;
		else if (trusted && ld[i] >= 0.5f)
			v = (v > 0 ? v : 0) + wlen(b) * ld[i];
		else if (trusted && ld[i] >= 0 && ld[i] < 0.1f && v > 0)
			v *= 0.25f;
		b->score = v;
		h.score[b->node] += v;
	}
	for (size_t i = d->nn; i-- > 1;)
		h.score[d->n[i].parent] += h.score[i];
	uint32_t best = 0;
	float best_s = 0;
	for (size_t i = 1; i < d->nn; i++) {
		if (d->n[i].tag == TAG_TEXT || CUT(&h, i) || h.score[i] <= 0)
			continue;
		float s = h.score[i] * bonus(h.ef[i]);
		if (s >= best_s) {
			best_s = s;
			best = (uint32_t)i;
		}
	}
	/* too little prose anywhere: an index page, an error page */
	if (best && h.score[best] < 60)
		best = 0;

	/* 4. labels */
	size_t lo = pg->nb, hi = 0;
	for (size_t i = 0; i < pg->nb; i++) {
		block *b = &pg->b[i];
		b->label = CUT(&h, b->node) ? CUT(&h, b->node) : LB_BOILER;
		if (best && inside(&h, b->node, best)) {
			if (lo == pg->nb)
				lo = i;
			hi = i + 1;
		}
	}
	if (lo < hi) {
		/* several posts in the container: the article is the first */
		size_t end = first_post_end(&h, lo, hi);
		for (size_t i = end; i < hi; i++)
			if (!h.cut[pg->b[i].node])
				pg->b[i].label = LB_BOILER;
		hi = end;
		context_pass(&h, lo, hi, ctxcls);
		bool seen_good = false;
		uint8_t tail = 0; /* label of a list under a related/comments heading */
		for (size_t i = lo; i < hi; i++) {
			block *b = &pg->b[i];
			if (h.cut[b->node])
				continue;
			if (list_heading(b) && b->nchars <= 40) {
				tail = (b->lexwhole | b->lex) & (1u << LEX_COMMENT) ? LB_COMMENT
										  : LB_RELATED;
				if (tail == LB_COMMENT && !seen_good)
					tail = 0;
				b->label = LB_BOILER;
				if (tail)
					b->label = tail;
				continue;
			}
			if (tail == LB_RELATED && h.cls[i] == C_GOOD && link_density(b) < 0.2f &&
			    !headline_link(pg, b))
				tail = 0;
			if (tail) {
				b->label = tail;
				continue;
			}
			/* what the stated body holds, unless it is a link or a
			 * heading (some sites state their promos and decks too) */
			if (ctxcls[i] == C_GOOD ||
			    (trusted && ld[i] >= 0.7f && link_density(b) < 0.3f &&
			     !(b->flags & BF_HEADING))) {
				b->label = LB_BODY;
				seen_good = true;
			}
		}
		size_t first = lo;
		while (first < hi && (pg->b[first].label != LB_BODY || (pg->b[first].flags & BF_HEADING)))
			first++;
		if (first < hi) {
			int32_t t = find_title(&h, first);
			pg->title_block = t;
			if (t >= 0)
				pg->b[t].label = LB_TITLE;
		}
	}
	free(mem);
	return PITH_OK;
}
