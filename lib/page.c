/* Pages into blocks: text dumps line by line, HTML from the compact DOM.
 * Every feature the classifiers use is computed here, once. */
#include "page.h"
#include "markdown.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "textutil.h"
#include "utf8.h"

/* Classes of ASCII characters for block_features' fast path. */
enum { AC_SKIP = 1, AC_ALNUM = 2, AC_DIGIT = 4, AC_PUNCT = 8, AC_SENT = 16, AC_COLON = 32,
       AC_CLAUSE = 64 };

static uint8_t ascii_class(uint32_t c)
{
	if (uc_is_space(c) || uc_is_invisible(c))
		return AC_SKIP;
	uint8_t k = 0;
	if (uc_is_alnum(c))
		k |= AC_ALNUM;
	if (uc_is_digit(c))
		k |= AC_DIGIT;
	if (uc_is_punct(c)) {
		k |= AC_PUNCT;
		if (uc_is_sentence_end(c))
			k |= AC_SENT;
		else if (c == ':')
			k |= AC_COLON;
		else if (uc_is_clause_punct(c))
			k |= AC_CLAUSE;
	}
	return k;
}

static uint8_t table[128];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;
static void table_init(void)
{
	for (uint32_t c = 0; c < 128; c++)
		table[c] = ascii_class(c);
}

void block_features(block *b, const char *s, size_t len)
{
	/* ASCII through a table made once (most text of most pages is), the
	 * rest through the full character classes */
	pthread_once(&table_once, table_init);
	bool in_word = false;
	size_t i = 0;
	while (i < len) {
		unsigned char ch = (unsigned char)s[i];
		uint32_t k;
		if (ch < 0x80) {
			i++;
			k = table[ch];
		} else {
			size_t adv;
			uint32_t c = u8_next(s + i, len - i, &adv);
			i += adv;
			if (uc_is_space(c) || uc_is_invisible(c)) {
				in_word = false;
				continue;
			}
			if (uc_is_cjk(c)) {
				b->nchars++;
				b->ncjk++;
				in_word = false;
				continue;
			}
			k = ascii_class(c);
			if (c == 0xFF1A)
				k = (k & ~(uint32_t)AC_CLAUSE) | AC_COLON;
		}
		if (k & AC_SKIP) {
			in_word = false;
			continue;
		}
		b->nchars++;
		if (k & AC_DIGIT)
			b->ndigits++;
		if (k & AC_ALNUM) {
			if (!in_word)
				b->nwords++;
			in_word = true;
			continue;
		}
		in_word = false;
		if (k & AC_PUNCT) {
			b->npunct++;
			if (k & AC_SENT)
				b->nsent++;
			else if (k & AC_COLON)
				b->ncolon++;
			else if (k & AC_CLAUSE)
				b->nclause++;
		}
	}
	b->hash = text_hash(s, len);
	lex_line(s, len, &b->lex, &b->lexwhole);
}

block *block_add(struct page *pg)
{
	if (pg->nb == pg->bcap) {
		size_t cap = pg->bcap ? pg->bcap * 2 : 256;
		block *nb = realloc(pg->b, cap * sizeof *nb);
		if (!nb)
			return NULL;
		pg->b = nb;
		pg->bcap = cap;
	}
	block *b = &pg->b[pg->nb++];
	memset(b, 0, sizeof *b);
	return b;
}

anchor *anchor_add(struct page *pg)
{
	if (pg->nan == pg->ancap) {
		size_t cap = pg->ancap ? pg->ancap * 2 : 256;
		anchor *na = realloc(pg->an, cap * sizeof *na);
		if (!na)
			return NULL;
		pg->an = na;
		pg->ancap = cap;
	}
	anchor *a = &pg->an[pg->nan++];
	memset(a, 0, sizeof *a);
	return a;
}

/* ---- text dumps ---- */

/* Leading bullets of dump lines: "• ", "· ", "- ", "* ", "● "… */
static bool is_bullet(uint32_t c)
{
	switch (c) {
	case 0x2022: case 0xB7: case 0x25CF: case 0x25CB: case 0x25A0: case 0x25A1:
	case 0x25C6: case 0x25C7: case 0x25AA: case 0x25BA: case 0x25B6: case 0x2023:
	case 0x2043: case 0x30FB: case 0x2219: case 0x2605: case 0x2606: case 0x203B:
	case '-': case '*': case '+':
		return true;
	}
	return false;
}

static bool is_cn_numeral(uint32_t c)
{
	switch (c) {
	case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB: case 0x4E94: case 0x516D:
	case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341: case 0x3007: case 0x96F6:
		return true;
	}
	return false;
}

/* "1." "1、" "(1)" "（一）" "一、" "①" "a)" at the start of a line. */
static bool is_numbered(const char *s, size_t len)
{
	size_t i = 0, adv;
	uint32_t c = len ? u8_next(s, len, &adv) : 0;
	bool paren = c == '(' || c == 0xFF08;
	if (paren)
		i += adv;
	if (c >= 0x2460 && c <= 0x2473) /* circled numbers */
		return true;
	size_t digits = 0;
	while (i < len) {
		c = u8_next(s + i, len - i, &adv);
		if (!uc_is_digit(c) && !is_cn_numeral(c))
			break;
		digits++;
		i += adv;
	}
	if (!digits || digits > 3 || i >= len)
		return false;
	c = u8_next(s + i, len - i, &adv);
	if (paren)
		return c == ')' || c == 0xFF09;
	return c == '.' || c == 0x3001 || c == ')' || c == 0xFF09 || c == 0xFF0E;
}

/* One line of a dump, trimmed. */
struct tline {
	const char *s; /* trimmed text */
	uint32_t len;
	uint32_t lineno;
	uint16_t indent, width;
	uint16_t first_word; /* display width of its first word */
	bool blank_before;
	bool tabbed;         /* had a tab, in its indentation too: a table row */
	uint32_t nlink;      /* characters of link text (Markdown dumps) */
};

/* Width of the first word of a line (a CJK character is a word). */
static uint16_t first_word_width(const char *s, size_t len)
{
	size_t i = 0, w = 0;
	while (i < len) {
		size_t adv;
		uint32_t c = u8_next(s + i, len - i, &adv);
		if (uc_is_space(c))
			break;
		if (uc_is_cjk(c))
			return (uint16_t)(w ? w : 2);
		w++;
		i += adv;
	}
	return (uint16_t)(w > 0xFFFF ? 0xFFFF : w);
}

/* The column a dumper wrapped at, or 0 when lines were not wrapped: many
 * lines end just short of the same width (w3m, lynx and html2text wrap
 * paragraphs at 70–100 columns; pages dumped line per paragraph do not). */
static int cmp_u16(const void *x, const void *y)
{
	return (int)*(const uint16_t *)x - (int)*(const uint16_t *)y;
}

static unsigned wrap_width(const struct tline *l, size_t n)
{
	/* the 95th percentile of line widths, not the maximum: a dumper lets
	 * an unbreakable word (a URL) run past its wrap column */
	uint16_t *w = malloc((n ? n : 1) * sizeof *w);
	if (!w)
		return 0;
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (l[i].width >= 20 && l[i].width <= 250)
			w[m++] = l[i].width;
	unsigned wrap = 0;
	if (m >= 3) {
		qsort(w, m, sizeof *w, cmp_u16);
		unsigned p95 = w[m * 95 / 100];
		size_t near = 0;
		for (size_t i = 0; i < m; i++)
			if ((unsigned)w[i] + 15 >= p95 && w[i] <= p95 + 10)
				near++;
		if (p95 >= 40 && near >= 3 && near * 8 >= m)
			wrap = p95;
	}
	free(w);
	return wrap;
}

/* Does line b continue the paragraph that line a ends? It does when a's
 * last word was broken off because b's first word did not fit. */
/* The widest line within six lines of line i, when all of them are short
 * enough to be a dumper's wrapped column (0 otherwise). */
static unsigned local_width(const struct tline *l, size_t n, size_t i)
{
	unsigned w = 0;
	size_t from = i > 6 ? i - 6 : 0, to = i + 7 < n ? i + 7 : n;
	for (size_t k = from; k < to; k++) {
		unsigned lw = (unsigned)l[k].indent + l[k].width;
		if (lw > 250)
			return 0;
		if (lw > w)
			w = lw;
	}
	return w;
}

/* Box-drawing borders or wide gaps: a table laid out in columns, whose
 * lines are rows, not a wrapped paragraph. */
static bool columnar(const struct tline *l)
{
	for (uint32_t i = 0; i + 2 < l->len; i++) {
		unsigned char c = (unsigned char)l->s[i];
		if (c == ' ' && l->s[i + 1] == ' ' && l->s[i + 2] == ' ')
			return true;
		/* U+2500..U+257F: E2 94 80 .. E2 95 BF */
		if (c == 0xE2 && ((unsigned char)l->s[i + 1] == 0x94 || (unsigned char)l->s[i + 1] == 0x95))
			return true;
	}
	return false;
}

static bool continues(const struct tline *a, const struct tline *b, unsigned wrap,
		      unsigned local)
{
	if (b->blank_before || columnar(a) || columnar(b))
		return false;
	/* a column narrower than the page (w3m lays a table cell out at its
	 * own width): the widest line around sets the wrap, when the text
	 * visibly runs on from one line to the next */
	if (local && (unsigned)a->width >= 40 && (!wrap || local < wrap - 8)) {
		size_t adv;
		uint32_t last = text_last_char(a->s, a->len);
		uint32_t first = u8_next(b->s, b->len, &adv);
		bool runs_on = !uc_is_sentence_end(last) && last != ':' && last != 0xFF1A &&
			       ((first >= 'a' && first <= 'z') || (uc_is_cjk(first) && uc_is_cjk(last)));
		if (runs_on && (unsigned)a->indent + a->width + 1 + b->first_word > local &&
		    b->indent <= a->indent + 4)
			return true;
	}
	if (!wrap || (unsigned)a->indent + a->width + 1 + b->first_word <= wrap)
		return false;
	size_t adv;
	uint32_t c = u8_next(b->s, b->len, &adv);
	if (is_bullet(c) && adv < b->len && b->s[adv] == ' ')
		return false;
	return b->indent <= a->indent + 4;
}

static pith_status add_dump_block(struct page *pg, const struct tline *l, size_t from,
				  size_t to)
{
	block *bl = block_add(pg);
	if (!bl)
		return PITH_ERR_NOMEM;
	bl->off = (uint32_t)pg->text.len;
	for (size_t k = from; k < to; k++) {
		if (k > from) {
			/* rejoin a wrapped paragraph: CJK lines without a space */
			size_t pl = pg->text.len - bl->off, adv;
			uint32_t last = text_last_char(pg->text.p + bl->off, pl);
			uint32_t next = u8_next(l[k].s, l[k].len, &adv);
			if (!(uc_is_cjk(last) && uc_is_cjk(next)) && last != '-')
				pbuf_addc(&pg->text, ' ');
		}
		pbuf_add(&pg->text, l[k].s, l[k].len);
	}
	bl->len = (uint32_t)(pg->text.len - bl->off);
	pbuf_addc(&pg->text, 0);
	if (pg->text.oom)
		return PITH_ERR_NOMEM;
	const char *tx = pg->text.p + bl->off;
	size_t tl = bl->len, adv;
	bl->line = l[from].lineno;
	bl->indent = l[from].indent;
	if (l[from].blank_before)
		bl->flags |= BF_BLANK;
	if (l[from].indent)
		bl->flags |= BF_INDENT;
	uint32_t c0 = u8_next(tx, tl, &adv);
	/* lynx marks nested list levels with o, # and @ too */
	bool lynx_bullet = (c0 == 'o' || c0 == '#' || c0 == '@') && l[from].indent >= 2;
	if ((is_bullet(c0) || lynx_bullet) && adv < tl && (tx[adv] == ' ' || tx[adv] == '\t'))
		bl->flags |= BF_BULLET | BF_LISTITEM;
	else if (is_numbered(tx, tl))
		bl->flags |= BF_NUMBERED;
	if (l[from].tabbed)
		bl->flags |= BF_ROW;
	block_features(bl, tx, tl);
	for (size_t k = from; k < to; k++)
		bl->nlink += l[k].nlink;
	return PITH_OK;
}

/* Where the right column starts on line t, when a gap of four or more
 * spaces splits it (display column; 0 when there is none). *gb and *ge get
 * the gap's byte range in t->s. */
static unsigned gap_column(const struct tline *t, size_t *gb, size_t *ge)
{
	unsigned col = t->indent;
	size_t i = 0;
	while (i < t->len) {
		if (t->s[i] == ' ') {
			size_t j = i;
			while (j < t->len && t->s[j] == ' ')
				j++;
			if (j - i >= 4 && j < t->len) {
				*gb = i;
				*ge = j;
				return col + (unsigned)(j - i);
			}
			col += (unsigned)(j - i);
			i = j;
			continue;
		}
		size_t adv;
		uint32_t c = u8_next(t->s + i, t->len - i, &adv);
		col += (uc_is_cjk(c) || (c >= 0xFF01 && c <= 0xFF60) || (c >= 0x3000 && c <= 0x303F)) ? 2 : 1;
		i += adv;
	}
	return 0;
}

static void set_line(struct tline *t, const char *s, size_t len, unsigned indent)
{
	size_t b, e;
	text_trim(s, len, &b, &e);
	t->s = s + b;
	t->len = (uint32_t)(e - b);
	t->indent = (uint16_t)(indent > 0xFFFF ? 0xFFFF : indent);
	size_t w = text_width(t->s, t->len);
	t->width = (uint16_t)(w > 0xFFFF ? 0xFFFF : w);
	t->first_word = first_word_width(t->s, t->len);
}

/* Does line t fit a two-column layout whose right column starts at col?
 * 2: both columns on it, 1: one of them, 0: no. */
static bool has_words(const char *s, size_t len)
{
	size_t words = 0, i = 0;
	while (i < len) {
		size_t adv;
		uint32_t c = u8_next(s + i, len - i, &adv);
		if (uc_is_alnum(c))
			words++;
		i += adv;
	}
	return words >= 2;
}

/* Columns within a few places of each other: dumpers and pith do not
 * agree on the width of every character (ambiguous-width punctuation such
 * as “ ” ● —), so a right column drifts by a column or two. */
static bool col_near(unsigned a, unsigned b)
{
	return a + 4 >= b && b + 4 >= a;
}

static int fits_columns(const struct tline *t, unsigned col)
{
	size_t gb, ge;
	unsigned g = gap_column(t, &gb, &ge);
	if (g && col_near(g, col)) {
		/* one gap, with words on both sides: a data table has more gaps,
		 * a box-drawn frame has no words on its left */
		struct tline rest = *t;
		rest.s += ge;
		rest.len -= (uint32_t)ge;
		rest.indent = (uint16_t)g;
		size_t gb2, ge2;
		if (gap_column(&rest, &gb2, &ge2) || !has_words(t->s, gb) ||
		    !has_words(t->s + ge, t->len - ge))
			return 0;
		return 2;
	}
	if (col_near(t->indent, col) && !g)
		return 1; /* the right column alone */
	if (!g && (unsigned)t->indent + t->width + 2 <= col)
		return 1; /* the left column alone */
	return 0;
}

/* w3m lays out a page's table columns side by side, so a sidebar and the
 * article share lines. Runs of lines that fit one column boundary are cut
 * in two: the left column's lines stay, the right one's go after the page.
 * Returns
 * a new array (and *nout) when something was cut, else NULL. */
static struct tline *split_columns(const struct tline *l, size_t n, size_t *nout)
{
	struct tline *out = NULL, *right = NULL;
	size_t no = 0, nr = 0, done = 0;
	for (size_t i = 0; i < n; i++) {
		size_t gb, ge;
		unsigned col = gap_column(&l[i], &gb, &ge);
		if (!col || col > 250)
			continue;
		size_t a = i, z = i, both = 0;
		while (a > done && fits_columns(&l[a - 1], col))
			a--;
		while (z < n && fits_columns(&l[z], col))
			z++;
		for (size_t k = a; k < z; k++)
			both += fits_columns(&l[k], col) == 2;
		if (z - a < 5 || both < 3) {
			continue;
		}
		if (!out) {
			out = malloc(2 * n * sizeof *out);
			right = malloc(2 * n * sizeof *right);
			if (!out || !right) {
				free(out);
				free(right);
				return NULL;
			}
		}
		for (size_t k = done; k < a; k++)
			out[no++] = l[k];
		/* the left column, then the right one */
		for (int side = 0; side < 2; side++) {
			bool first = true;
			for (size_t k = a; k < z; k++) {
				struct tline t = l[k];
				unsigned g = gap_column(&l[k], &gb, &ge);
				bool right_only = !g && col_near(l[k].indent, col);
				if (g && col_near(g, col))
					set_line(&t, side ? l[k].s + ge : l[k].s, side ? l[k].len - ge : gb,
						 side ? col : l[k].indent);
				else if (right_only != (side == 1))
					continue;
				if (!t.len)
					continue;
				if (side && first)
					t.blank_before = true;
				first = false;
				if (side)
					right[nr++] = t;
				else
					out[no++] = t;
			}
		}
		done = z;
		i = z - 1;
	}
	if (!out)
		return NULL;
	for (size_t k = done; k < n; k++)
		out[no++] = l[k];
	/* the right column, all its pieces together, after the page: each
	 * column then reads on unbroken, whichever holds the article */
	for (size_t k = 0; k < nr; k++)
		out[no++] = right[k];
	free(right);
	*nout = no;
	return out;
}

static pith_status page_from_lines(struct page *pg, const char *s, size_t len,
				   const uint32_t *links, size_t nlinks);

pith_status page_from_text(struct page *pg, const char *s, size_t len)
{
	pg->link_marks = md_is_dump(s, len) ? LINKS_MARKDOWN :
			 lynx_is_refs(s, len) ? LINKS_LYNX : LINKS_UNMARKED;
	if (pg->link_marks == LINKS_UNMARKED)
		return page_from_lines(pg, s, len, NULL, 0);
	/* a dump that marks its links: read without the marks, knowing
	 * which text was a link */
	pbuf plain = PBUF_INIT, links = PBUF_INIT;
	if (pg->link_marks == LINKS_MARKDOWN)
		md_unmark_links(s, len, &plain, &links);
	else
		lynx_unmark_links(s, len, &plain, &links);
	pith_status st = plain.oom || links.oom ? PITH_ERR_NOMEM :
		page_from_lines(pg, pbuf_cstr(&plain), plain.len, (const uint32_t *)(void *)links.p,
				links.len / sizeof(uint32_t));
	pbuf_free(&plain);
	pbuf_free(&links);
	return st;
}

static pith_status page_from_lines(struct page *pg, const char *s, size_t len,
				   const uint32_t *links, size_t nlinks)
{
	pg->kind = KIND_TEXT;
	pbuf_addc(&pg->text, 0);
	struct tline *l = NULL;
	size_t n = 0, cap = 0;
	uint32_t lineno = 0;
	bool blank = false;
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - s) : len;
		const char *ln = s + i;
		size_t ll = e - i;
		i = e + 1;
		lineno++;
		/* indentation in columns, then trim both ends */
		size_t b = 0, col = 0;
		while (b < ll) {
			size_t adv;
			uint32_t c = u8_next(ln + b, ll - b, &adv);
			if (!uc_is_space(c) && !uc_is_invisible(c))
				break;
			col += c == '\t' ? 4 : c == 0x3000 ? 2 : 1;
			b += adv;
		}
		size_t tb, te;
		text_trim(ln + b, ll - b, &tb, &te);
		if (tb == te) {
			blank = true;
			continue;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			struct tline *nl2 = realloc(l, cap * sizeof *nl2);
			if (!nl2) {
				free(l);
				return PITH_ERR_NOMEM;
			}
			l = nl2;
		}
		struct tline *t = &l[n++];
		t->s = ln + b + tb;
		t->len = (uint32_t)(te - tb);
		t->lineno = lineno;
		t->indent = (uint16_t)(col > 0xFFFF ? 0xFFFF : col);
		size_t w = text_width(t->s, t->len);
		t->width = (uint16_t)(w > 0xFFFF ? 0xFFFF : w);
		t->first_word = first_word_width(t->s, t->len);
		t->blank_before = blank;
		t->tabbed = memchr(ln, '\t', ll) != NULL;
		t->nlink = lineno - 1 < nlinks ? links[lineno - 1] : 0;
		blank = false;
	}
	struct tline *cols = split_columns(l, n, &n);
	if (cols) {
		free(l);
		l = cols;
	}
	unsigned wrap = wrap_width(l, n);
	pith_status st = PITH_OK;
	for (size_t i = 0; i < n && st == PITH_OK;) {
		size_t j = i + 1;
		while (j < n && continues(&l[j - 1], &l[j], wrap, local_width(l, n, j - 1)))
			j++;
		st = add_dump_block(pg, l, i, j);
		i = j;
	}
	free(l);
	return st;
}

void page_free(struct page *pg)
{
	if (!pg)
		return;
	dom_free(&pg->dom);
	pbuf_free(&pg->text);
	free(pg->b);
	free(pg->an);
	free(pg->elem_flags);
	free(pg);
}

pith_status doc_page(pith_ctx *ctx, pith_doc *doc, struct page **out)
{
	if (doc->page) {
		*out = doc->page;
		return PITH_OK;
	}
	*out = NULL;
	if (!doc->src)
		return ctx_error(ctx, PITH_ERR_NOPAGE, "record has no html or text");
	struct page *pg = calloc(1, sizeof *pg);
	if (!pg)
		return ctx_error(ctx, PITH_ERR_NOMEM, "out of memory");
	pg->title_block = -1;
	pith_status st;
	if (doc->kind == KIND_HTML) {
		long long deadline = ctx->opt.time_budget_ms
			? mono_ns() + (long long)ctx->opt.time_budget_ms * 1000000LL : 0;
		st = dom_parse(&pg->dom, doc->src, doc->srclen, ctx->opt.max_depth, deadline);
		if (st == PITH_OK)
			st = page_from_dom(pg);
		if (st == PITH_OK && pg->dom.capped)
			rec_set_str(doc, "warning", "page parsed in part: more than 2000000 elements");
		else if (st == PITH_OK && pg->dom.timed_out)
			rec_set_str(doc, "warning", "time budget exceeded: page parsed in part");
	} else {
		st = page_from_text(pg, doc->src, doc->srclen);
	}
	if (st != PITH_OK) {
		page_free(pg);
		return ctx_error(ctx, st, "%s", pith_strerror(st));
	}
	doc->page = pg;
	*out = pg;
	return PITH_OK;
}

pith_status page_classify(pith_ctx *ctx, pith_doc *doc, struct page *pg)
{
	if (pg->classified)
		return PITH_OK;
	pg->classified = true;
	return pg->kind == KIND_HTML ? classify_html(ctx, doc, pg) : classify_text(ctx, doc, pg);
}

char *doc_blocks(const pith_doc *doc, size_t *len)
{
	static const char *const names[] = {"none", "BODY", "title", "meta", "related",
					    "prevnext", "boiler", "spam", "comment"};
	pbuf out = PBUF_INIT;
	const struct page *pg = doc->page;
	for (size_t i = 0; pg && i < pg->nb; i++) {
		const block *b = &pg->b[i];
		pbuf_addf(&out, "%-8s %4u %5.1f %-5s c%u p%u/%u/%u l%u x%x |",
			  names[b->label < 9 ? b->label : 0], pg->kind == KIND_TEXT ? b->line : b->node,
			  (double)b->score, tag_info[b->tag].name, b->nchars, b->nsent, b->nclause,
			  b->ncolon, b->nlink, b->lex);
		size_t n = b->len > 80 ? 80 : b->len;
		while (n < b->len && (pg->text.p[b->off + n] & 0xC0) == 0x80)
			n++;
		for (size_t k = 0; k < n; k++) {
			char c = pg->text.p[b->off + k];
			pbuf_addc(&out, c == '\n' || c == '\t' ? ' ' : c);
		}
		pbuf_addc(&out, '\n');
	}
	if (len)
		*len = out.len;
	return pbuf_take(&out);
}
