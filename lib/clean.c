/* The clean stage: white space and invisible characters, duplicate lines,
 * injected spam lines, and the opt-in width folding and traditional →
 * simplified conversion, on "body" and "title". */
#include <opencc/opencc.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "lexicon.h"
#include "textutil.h"
#include "utf8.h"

typedef struct para {
	size_t off, len; /* in the normalised text */
	uint64_t hash;   /* of the exact bytes: duplicates are byte for byte */
	bool drop;
	bool blank; /* a blank line came before it */
} para;

/* One line: invisible characters out, white space runs → one space,
 * ends trimmed; full-width ASCII folded when asked. Tabs between table
 * cells stay. */
static void norm_line(pbuf *out, const char *s, size_t len, bool fold)
{
	size_t b, e;
	text_trim(s, len, &b, &e);
	bool space = false;
	for (size_t i = b; i < e;) {
		size_t adv;
		uint32_t c = u8_next(s + i, e - i, &adv);
		if (c == '\t') {
			pbuf_addc(out, '\t');
			space = false;
		} else if (uc_is_space(c)) {
			space = true;
		} else if (!uc_is_invisible(c)) {
			if (space && out->len && out->p[out->len - 1] != '\t')
				pbuf_addc(out, ' ');
			space = false;
			uint32_t f = fold ? uc_fold_width(c) : c;
			if (f != c)
				pbuf_addcp(out, f);
			else
				pbuf_add(out, s + i, adv);
		}
		i += adv;
	}
}

/* FNV-1a over the bytes. text_hash() ignores digits and punctuation, so
 * rows of a number table would all collide. */
static uint64_t bytes_hash(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ull;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
	return h;
}

/* Marks each paragraph that repeats the one just before it and, when
 * `later` (text dumps, where a dumper prints a caption or a pull quote
 * twice), each of 12 characters or more ("(一)" repeats legitimately) that
 * repeats an earlier one. In an HTML body the same paragraph again later
 * (an interview's repeated question, a recipe step) is text. A hash set of
 * the first occurrences keeps this linear: pages with 100 000 lines are
 * real. */
static pith_status drop_duplicates(const char *text, para *ps, size_t np, bool later)
{
	size_t cap = 64;
	while (cap < np * 2)
		cap *= 2;
	size_t *set = calloc(cap, sizeof *set); /* paragraph index + 1; 0 empty */
	if (!set)
		return PITH_ERR_NOMEM;
	for (size_t i = 0; i < np; i++) {
		const char *s = text + ps[i].off;
		if (i && ps[i].len == ps[i - 1].len && !memcmp(text + ps[i - 1].off, s, ps[i].len)) {
			ps[i].drop = true;
			continue;
		}
		if (!later || u8_count(s, ps[i].len) < 12)
			continue;
		size_t k = (size_t)ps[i].hash & (cap - 1);
		for (; set[k]; k = (k + 1) & (cap - 1)) {
			const para *q = &ps[set[k] - 1];
			if (q->hash == ps[i].hash && q->len == ps[i].len &&
			    !memcmp(text + q->off, s, ps[i].len)) {
				ps[i].drop = true;
				break;
			}
		}
		if (!ps[i].drop)
			set[k] = i + 1;
	}
	free(set);
	return PITH_OK;
}

/* Does the word/bigram w occur in the text outside [skip_b, skip_e)? */
static bool occurs(const char *text, size_t len, size_t skip_b, size_t skip_e, const char *w,
		   size_t wl)
{
	const char *p = text;
	while ((p = memmem(p, len - (size_t)(p - text), w, wl))) {
		size_t off = (size_t)(p - text);
		if (off < skip_b || off >= skip_e)
			return true;
		p++;
	}
	return false;
}

/* Share of the paragraph's CJK bigrams and longer words found elsewhere. */
static double overlap(const char *text, size_t len, const para *p)
{
	const char *s = text + p->off;
	size_t n = p->len, i = 0, prev = (size_t)-1, prevlen = 0;
	unsigned total = 0, found = 0;
	while (i < n) {
		size_t adv;
		uint32_t c = u8_next(s + i, n - i, &adv);
		if (uc_is_cjk(c)) {
			if (prev != (size_t)-1) {
				total++;
				found += occurs(text, len, p->off, p->off + p->len, s + prev, prevlen + adv);
			}
			prev = i;
			prevlen = adv;
			i += adv;
			continue;
		}
		prev = (size_t)-1;
		if (uc_is_alnum(c)) {
			size_t w = i;
			while (i < n) {
				uint32_t d = u8_next(s + i, n - i, &adv);
				if (!uc_is_alnum(d) || uc_is_cjk(d))
					break;
				i += adv;
			}
			if (i - w >= 4) {
				total++;
				found += occurs(text, len, p->off, p->off + p->len, s + w, i - w);
			}
			continue;
		}
		i += adv;
	}
	return total ? (double)found / total : 1.0;
}

/* An injected spam line: short, sharing nothing with the text around it,
 * and either on a spam theme or dropped into the middle of a sentence
 * (the paragraph before does not end one, the next goes on with a comma). */
static bool is_spam(const char *text, size_t len, const para *ps, size_t np, size_t i)
{
	const para *p = &ps[i];
	const char *s = text + p->off;
	size_t chars = u8_count(s, p->len);
	if (chars > 24 || chars < 2 || np < 3)
		return false;
	bool theme = lex_scan(s, p->len) & (1u << LEX_SPAM);
	bool mid = false;
	if (i > 0 && i + 1 < np) {
		uint32_t last = text_last_char(text + ps[i - 1].off, ps[i - 1].len);
		uint32_t first = text_first_char(text + ps[i + 1].off, ps[i + 1].len);
		mid = !uc_is_sentence_end(last) && uc_is_clause_punct(first);
	}
	if (!theme && !mid)
		return false;
	double shared = overlap(text, len, p);
	return theme ? shared < 0.5 : shared == 0.0;
}

static void *opencc_handle(pith_ctx *ctx)
{
	if (!ctx->opencc) {
		opencc_t od = opencc_open("t2s.json");
		if (od == (opencc_t)-1)
			return NULL;
		ctx->opencc = od;
	}
	return ctx->opencc;
}

void clean_ctx_release(pith_ctx *ctx)
{
	if (ctx->opencc)
		opencc_close((opencc_t)ctx->opencc);
	ctx->opencc = NULL;
}

/* Cleans s into out. body: paragraphs, duplicates and spam are handled. */
static pith_status clean_text(pith_ctx *ctx, const char *s, size_t len, bool body, bool dump,
			      pbuf *out)
{
	bool fold = ctx->opt.flags & PITH_OPT_FOLD_WIDTH;
	pbuf norm = PBUF_INIT;
	para *ps = NULL;
	size_t np = 0, cap = 0;
	/* lines, normalised; blank lines separate paragraphs */
	bool blank = false;
	for (size_t i = 0; i <= len;) {
		const char *nl = i < len ? memchr(s + i, '\n', len - i) : NULL;
		size_t e = nl ? (size_t)(nl - s) : len;
		size_t off = norm.len;
		norm_line(&norm, s + i, e - i, fold);
		if (norm.len > off) {
			if (np == cap) {
				cap = cap ? cap * 2 : 64;
				para *n = realloc(ps, cap * sizeof *n);
				if (!n) {
					free(ps);
					pbuf_free(&norm);
					return PITH_ERR_NOMEM;
				}
				ps = n;
			}
			ps[np++] = (para){off, norm.len - off, bytes_hash(norm.p + off, norm.len - off),
					  false, blank};
			pbuf_addc(&norm, '\n');
			blank = false;
		} else {
			blank = true;
		}
		i = e + 1;
		if (!nl)
			break;
	}
	if (body) {
		if (drop_duplicates(norm.p, ps, np, dump) != PITH_OK) {
			free(ps);
			pbuf_free(&norm);
			return PITH_ERR_NOMEM;
		}
		if (!(ctx->opt.flags & PITH_OPT_NO_SPAM))
			for (size_t i = 0; i < np; i++)
				if (!ps[i].drop && is_spam(norm.p, norm.len, ps, np, i))
					ps[i].drop = true;
	}
	/* paragraphs were separated by blank lines, lines of one paragraph
	 * (list items, table rows) by single newlines: keep that shape */
	pbuf joined = PBUF_INIT;
	bool pending_blank = false;
	for (size_t i = 0; i < np; i++) {
		pending_blank |= ps[i].blank;
		if (ps[i].drop)
			continue;
		if (joined.len)
			pbuf_adds(&joined, pending_blank ? "\n\n" : "\n");
		pbuf_add(&joined, norm.p + ps[i].off, ps[i].len);
		pending_blank = false;
	}
	while (joined.len && joined.p[joined.len - 1] == '\n')
		joined.len--;
	if (joined.p)
		joined.p[joined.len] = 0;
	free(ps);
	pbuf_free(&norm);
	if (joined.oom) {
		pbuf_free(&joined);
		return PITH_ERR_NOMEM;
	}
	if ((ctx->opt.flags & PITH_OPT_T2S) && joined.len) {
		opencc_t od = opencc_handle(ctx);
		if (!od) {
			pbuf_free(&joined);
			return ctx_error(ctx, PITH_ERR_ARG, "--t2s: cannot open OpenCC's t2s.json");
		}
		char *conv = opencc_convert_utf8(od, joined.p, joined.len);
		if (conv) {
			pbuf_adds(out, conv);
			opencc_convert_utf8_free(conv);
			pbuf_free(&joined);
			return PITH_OK;
		}
	}
	pbuf_add(out, joined.p ? joined.p : "", joined.len);
	pbuf_free(&joined);
	return PITH_OK;
}

pith_status stage_clean(pith_ctx *ctx, pith_doc *doc)
{
	static const char *const fields[] = {"body", "title"};
	/* a plain text page with no body yet: the text is the body */
	if (!json_object_get(doc->rec, "body") && doc->kind == KIND_TEXT && doc->src &&
	    !(doc->done & PITH_STAGE_STRIP))
		rec_set(doc, "body", json_stringn(doc->src, doc->srclen));
	for (size_t f = 0; f < sizeof fields / sizeof *fields; f++) {
		json_t *v = json_object_get(doc->rec, fields[f]);
		if (!json_is_string(v))
			continue;
		pbuf out = PBUF_INIT;
		pith_status st = clean_text(ctx, json_string_value(v), json_string_length(v),
					    f == 0, doc->kind == KIND_TEXT, &out);
		if (st != PITH_OK) {
			pbuf_free(&out);
			return st == PITH_ERR_NOMEM ? ctx_error(ctx, st, "out of memory") : st;
		}
		rec_set(doc, fields[f], json_stringn(out.p ? out.p : "", out.len));
		pbuf_free(&out);
	}
	return PITH_OK;
}
