/* The strip stage: the article body from the labelled blocks, as plain
 * text (paragraphs separated by one blank line, list items and table rows
 * one a line) or as Markdown. */
#include <string.h>

#include "page.h"
#include "textutil.h"
#include "utf8.h"

/* Blocks of one list or one table stay on adjacent lines. */
static const char *separator(const struct page *pg, const block *prev, const block *b)
{
	if (pg->kind == KIND_TEXT)
		return "\n\n";
	if ((b->flags & BF_BR) && prev->node == b->node)
		return "\n";
	if ((b->flags & BF_ROW) && (prev->flags & BF_ROW))
		return "\n";
	if ((b->flags & BF_LISTITEM) && (prev->flags & BF_LISTITEM))
		return "\n";
	return "\n\n";
}

static void add_block_text(pbuf *out, const struct page *pg, const block *b)
{
	const char *s = block_text(pg, b);
	if (pg->kind == KIND_TEXT || (b->flags & (BF_PRE | BF_ROW))) {
		size_t lo, hi;
		text_trim(s, b->len, &lo, &hi);
		pbuf_add(out, s + lo, hi - lo);
	} else {
		pbuf_add(out, s, b->len);
	}
}

pith_status stage_strip(pith_ctx *ctx, pith_doc *doc)
{
	struct page *pg;
	pith_status st = doc_page(ctx, doc, &pg);
	if (st != PITH_OK)
		return st;
	if ((st = page_classify(ctx, doc, pg)) != PITH_OK)
		return st;
	pbuf out = PBUF_INIT;
	const block *prev = NULL;
	for (size_t i = 0; i < pg->nb; i++) {
		const block *b = &pg->b[i];
		if (b->label != LB_BODY)
			continue;
		if (prev)
			pbuf_adds(&out, separator(pg, prev, b));
		add_block_text(&out, pg, b);
		prev = b;
	}
	if (out.oom) {
		pbuf_free(&out);
		return ctx_error(ctx, PITH_ERR_NOMEM, "out of memory");
	}
	/* an empty body is a real answer (no article), not an error */
	rec_set(doc, "body", json_stringn(out.p ? out.p : "", out.len));
	pbuf_free(&out);
	return PITH_OK;
}

/* ---- Markdown ---- */

static void md_escape(pbuf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '\\')
			pbuf_addc(out, '\\');
		pbuf_addc(out, c);
	}
}

/* Block text with its links as [text](href). */
static void md_inline(pbuf *out, const struct page *pg, const block *b)
{
	const char *s = block_text(pg, b);
	uint32_t pos = b->off;
	for (uint32_t k = b->anchor; k < b->anchor + b->nanchors; k++) {
		const anchor *a = &pg->an[k];
		if (a->off < pos || !a->href || !a->len)
			continue;
		const char *href = dom_str(&pg->dom, a->href);
		if (!*href || !strncmp(href, "javascript:", 11) || href[0] == '#')
			continue;
		md_escape(out, pg->text.p + pos, a->off - pos);
		pbuf_addc(out, '[');
		md_escape(out, pg->text.p + a->off, a->len);
		pbuf_adds(out, "](");
		for (const char *h = href; *h; h++) {
			if (*h == ' ')
				pbuf_adds(out, "%20");
			else if (*h == ')')
				pbuf_adds(out, "%29");
			else
				pbuf_addc(out, *h);
		}
		pbuf_addc(out, ')');
		pos = a->off + a->len;
	}
	md_escape(out, pg->text.p + pos, b->off + b->len - pos);
	(void)s;
}

static void md_row(pbuf *out, const struct page *pg, const block *b, bool header)
{
	const char *s = block_text(pg, b);
	size_t cells = 1;
	pbuf_adds(out, "| ");
	for (uint32_t i = 0; i < b->len; i++) {
		if (s[i] == '\t') {
			pbuf_adds(out, " | ");
			cells++;
		} else if (s[i] == '|') {
			pbuf_adds(out, "\\|");
		} else {
			pbuf_addc(out, s[i]);
		}
	}
	pbuf_adds(out, " |");
	if (header) {
		pbuf_adds(out, "\n|");
		for (size_t i = 0; i < cells; i++)
			pbuf_adds(out, " --- |");
	}
}

char *doc_markdown(pith_ctx *ctx, const pith_doc *doc, size_t *len)
{
	pbuf out = PBUF_INIT;
	const struct page *pg = doc->page;
	const char *title = rec_get_str(doc, "title");
	if (title)
		pbuf_addf(&out, "# %s\n\n", title);
	if (!pg || pg->kind != KIND_HTML) {
		/* dumps have no markup to keep: the body as it is */
		const char *body = rec_get_str(doc, "body");
		if (body)
			pbuf_adds(&out, body);
	} else {
		const block *prev = NULL;
		for (size_t i = 0; i < pg->nb; i++) {
			const block *b = &pg->b[i];
			if (b->label != LB_BODY)
				continue;
			if (prev)
				pbuf_adds(&out, separator(pg, prev, b));
			if (b->flags & BF_HEADING) {
				for (int k = 0; k < b->level && k < 6; k++)
					pbuf_addc(&out, '#');
				pbuf_addc(&out, ' ');
				md_inline(&out, pg, b);
			} else if (b->flags & BF_ROW) {
				bool first = !prev || !(prev->flags & BF_ROW);
				if (first && prev)
					pbuf_addc(&out, '\n');
				md_row(&out, pg, b, first);
			} else if (b->flags & BF_PRE) {
				pbuf_adds(&out, "```\n");
				pbuf_add(&out, block_text(pg, b), b->len);
				pbuf_adds(&out, "\n```");
			} else {
				if (b->flags & BF_QUOTE)
					pbuf_adds(&out, "> ");
				if (b->flags & BF_LISTITEM) {
					for (int k = 1; k < b->level; k++)
						pbuf_adds(&out, "  ");
					pbuf_adds(&out, b->tag == TAG_DT ? "" : "- ");
				}
				md_inline(&out, pg, b);
			}
			prev = b;
		}
	}
	if (out.len && out.p[out.len - 1] != '\n')
		pbuf_addc(&out, '\n');
	(void)ctx;
	if (len)
		*len = out.len;
	return pbuf_take(&out);
}
