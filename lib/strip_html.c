/* HTML pages: find the article container and label the blocks.
 *
 * Every block of running text gives its container a score from its length
 * and punctuation (commas and full stops work for CJK, where words have no
 * spaces), less its link text; half of that goes to the grandparent, as in
 * Readability. Class/id hints and structural tags (<article>, <main>,
 * itemprop=articleBody) add evidence. The best container wins; its blocks
 * are body unless they are link lists, boilerplate by their words or
 * inside a boilerplate-hinted subtree. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "page.h"
#include "textutil.h"
#include "utf8.h"

enum {
	EF_NEG = 1 << 0,  /* class/id/role say boilerplate */
	EF_POS = 1 << 1,  /* class/id/itemprop say article */
	EF_BOILER_TAG = 1 << 2, /* nav, aside, footer, header, form */
};

/* Hint words of an element's class and id (and role/itemprop). */
static uint32_t hints(const dom *d, uint32_t n)
{
	uint32_t f = 0;
	const dnode *x = &d->n[n];
	for (uint32_t i = x->attr; i < x->attr + x->nattr; i++) {
		const char *name = d->str.p + d->a[i].name;
		const char *v = d->str.p + d->a[i].value;
		if (!strcmp(name, "itemprop") && strstr(v, "articleBody"))
			f |= EF_POS;
		if (!strcmp(name, "role")) {
			if (!strcmp(v, "main") || !strcmp(v, "article"))
				f |= EF_POS;
			if (!strcmp(v, "navigation") || !strcmp(v, "banner") ||
			    !strcmp(v, "contentinfo") || !strcmp(v, "complementary") ||
			    !strcmp(v, "search") || !strcmp(v, "dialog"))
				f |= EF_NEG;
		}
		if (strcmp(name, "class") && strcmp(name, "id"))
			continue;
		size_t vl = strlen(v);
		if (vl > 200)
			vl = 200;
		uint32_t m = lex_scan(v, vl);
		if (m & (1u << LEX_HINT_NEG))
			f |= EF_NEG;
		if (m & (1u << LEX_HINT_POS))
			f |= EF_POS;
	}
	switch (x->tag) {
	case TAG_NAV: case TAG_ASIDE: case TAG_FOOTER: case TAG_FORM: case TAG_HEADER:
		f |= EF_BOILER_TAG;
		break;
	case TAG_ARTICLE: case TAG_MAIN:
		f |= EF_POS;
		break;
	}
	/* a positive word wins over a negative one in the same attribute set
	 * ("article-footer" aside) only when no boilerplate word is there */
	if ((f & EF_POS) && (f & EF_NEG))
		f &= ~(uint32_t)EF_POS;
	return f;
}

static float block_weight(const block *b)
{
	uint32_t units = b->ncjk + b->nwords * 3;
	if (units < 10)
		return 0;
	float link = b->nchars ? (float)b->nlink / (float)b->nchars : 0;
	if (link > 0.5f)
		return 0;
	float w = 1.0f + (float)(b->nclause + b->nsent);
	w += (float)(units > 300 ? 300 : units) / 30.0f;
	return w * (1.0f - link);
}

pith_status classify_html(pith_ctx *ctx, pith_doc *doc, struct page *pg)
{
	(void)doc;
	dom *d = &pg->dom;
	size_t nn = d->nn;
	float *score = calloc(nn ? nn : 1, sizeof *score);
	uint32_t *ef = calloc(nn ? nn : 1, sizeof *ef);
	if (!score || !ef) {
		free(score);
		free(ef);
		return ctx_error(ctx, PITH_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 1; i < nn; i++)
		if (d->n[i].tag != TAG_TEXT)
			ef[i] = hints(d, (uint32_t)i);
	/* scores up the tree */
	for (size_t i = 0; i < pg->nb; i++) {
		const block *b = &pg->b[i];
		float w = block_weight(b);
		if (w <= 0)
			continue;
		uint32_t n = b->node;
		/* table rows and list items count for their table / list */
		float share = 1.0f;
		for (int up = 0; n && up < 4; up++) {
			score[n] += w * share;
			share *= up == 0 ? 0.5f : 0.35f;
			n = d->n[n].parent;
		}
	}
	uint32_t best = 0;
	float best_s = 0;
	for (size_t i = 1; i < nn; i++) {
		if (!score[i])
			continue;
		float s = score[i];
		if (ef[i] & EF_POS)
			s *= 1.25f;
		if (ef[i] & (EF_NEG | EF_BOILER_TAG))
			s *= 0.5f;
		if (s > best_s) {
			best_s = s;
			best = (uint32_t)i;
		}
	}
	pg->main_node = best;
	pg->elem_flags = ef;
	/* label: blocks inside the best container are body unless … */
	for (size_t i = 0; i < pg->nb; i++) {
		block *b = &pg->b[i];
		b->label = LB_BOILER;
		if (!best)
			continue;
		uint32_t n = b->node;
		bool inside = false, neg = false;
		for (; n; n = d->n[n].parent) {
			if (n == best) {
				inside = true;
				break;
			}
			if (ef[n] & (EF_NEG | EF_BOILER_TAG))
				neg = true;
		}
		if (!inside || neg)
			continue;
		float link = b->nchars ? (float)b->nlink / (float)b->nchars : 0;
		if (link > 0.6f && b->nchars < 200)
			continue;
		if ((b->lex & ((1u << LEX_SHARE) | (1u << LEX_NAV) | (1u << LEX_FOOTER))) &&
		    b->nchars < 40)
			continue;
		b->label = LB_BODY;
	}
	free(score);
	return PITH_OK;
}
