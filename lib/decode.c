/* Stage 1: page bytes → valid UTF-8 "html" or "text", and "charset". */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "utf8.h"

/* Markup, not a text dump: the page opens with a tag, or well-known tags
 * turn up early. */
static bool looks_like_html(const char *s, size_t len)
{
	size_t n = len < 8192 ? len : 8192;
	/* tags (<x, </x, <!x) and lines in the first 8 KB: markup has tags
	 * throughout; a text dump with a stray <img> left at its top (w3m
	 * prints what it cannot render) has a few tags over many lines */
	size_t tags = 0, lines = 1;
	static const char *const known[] = {"html", "head", "body", "div", "p>", "p ", "br",
					    "table", "meta", "title", "span", "a href"};
	unsigned seen = 0;
	for (size_t i = 0; i + 1 < n; i++) {
		if (s[i] == '\n') {
			lines++;
			continue;
		}
		if (s[i] != '<')
			continue;
		char c = s[i + 1];
		if (c == '!' || c == '/' || c == '?' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			tags++;
		for (unsigned t = 0; t < sizeof known / sizeof *known; t++) {
			size_t tl = strlen(known[t]);
			if (i + 1 + tl <= n && !strncasecmp(s + i + 1, known[t], tl))
				seen |= 1u << t;
		}
	}
	/* (a dump that kept a block of markup has some tags, but far fewer
	 * than it has lines) */
	if (tags >= 16 && tags * 2 >= lines)
		return true;
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
		i++;
	bool opens = i + 1 < n && s[i] == '<' &&
		     (s[i + 1] == '!' || s[i + 1] == '?' ||
		      ((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z'));
	/* a page opening with a document-level tag is markup, however long
	 * its first <style> block; stray inline tags are not */
	static const char *const starts[] = {"!doctype", "html", "?xml", "head", "meta", "title",
					     "body", "link", "script", "style", "div", "table",
					     "text ", "!--", "p>", "p "};
	for (unsigned t = 0; opens && t < sizeof starts / sizeof *starts; t++)
		if (!strncasecmp(s + i + 1, starts[t], strlen(starts[t])))
			return true;
	if (tags * 4 < lines)
		return false;
	return opens || __builtin_popcount(seen) >= 2;
}

/* Binary data, not a page: many control characters in the decoded text,
 * or many bytes no decoding could read. U+FFFD already in valid text (a
 * damaged but real page) does not count. */
static bool looks_binary(const char *s, size_t len, size_t invalid)
{
	if (!len)
		return false;
	size_t n = len < 16384 ? len : 16384, ctl = 0, chars = 0, i = 0;
	while (i < n) {
		size_t adv;
		uint32_t c = u8_next(s + i, n - i, &adv);
		chars++;
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
			ctl++;
		i += adv;
	}
	/* invalid is counted over the whole page: scale it to the sample */
	size_t bad = ctl + (size_t)((double)invalid * (double)n / (double)len);
	return bad * 5 > chars;
}

static json_t *str_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

/* NULs carry no text (browsers drop them too), and they do harm: libxml2's
 * HTML parser (2.9.14, htmlParseContentInternal) takes one between
 * elements for the end of the page, and the stages read names and lines
 * as C strings in places (a NUL inside an author's name once made
 * meta.c read past a copy of it). The decoded page has none. */
static void drop_nuls(pith_doc *doc)
{
	char *w = memchr(doc->src, 0, doc->srclen);
	if (!w)
		return;
	for (const char *r = w, *end = doc->src + doc->srclen; r < end; r++)
		if (*r)
			*w++ = *r;
	doc->srclen = (size_t)(w - doc->src);
	doc->src[doc->srclen] = 0;
}

static void set_kind(pith_doc *doc, const char *content_type)
{
	bool plain = content_type && strcasestr(content_type, "text/plain");
	doc->kind = !plain && looks_like_html(doc->src, doc->srclen) ? KIND_HTML : KIND_TEXT;
	drop_nuls(doc);
}

pith_status stage_decode(pith_ctx *ctx, pith_doc *doc)
{
	if (!doc->raw) {
		/* a JSON record: its page is already UTF-8 */
		const char *key = "html";
		json_t *v = json_object_get(doc->rec, key);
		if (!json_is_string(v)) {
			key = "text";
			v = json_object_get(doc->rec, key);
		}
		if (!json_is_string(v))
			return PITH_OK; /* nothing to decode; stages that need a page say so */
		doc->kind = key[0] == 'h' ? KIND_HTML : KIND_TEXT;
		const char *s = json_string_value(v);
		size_t n = json_string_length(v);
		pbuf out = PBUF_INIT;
		char what[64];
		if (!(ctx->opt.flags & PITH_OPT_NO_REPAIR) && !json_object_get(doc->rec, "charset") &&
		    charset_repair(ctx->cs, s, n, &out, what, sizeof what)) {
			json_t *cs = json_pack("{s:n,s:n,s:s,s:s,s:i}", "declared", "detected",
					       "used", "utf-8", "repaired", what, "invalid_bytes", 0);
			rec_set(doc, "charset", cs);
			doc->srclen = out.len;
			doc->src = pbuf_take(&out);
			if (!doc->src)
				return ctx_error(ctx, PITH_ERR_NOMEM, "out of memory");
			json_object_del(doc->rec, key);
			drop_nuls(doc);
			return PITH_OK;
		}
		pbuf_free(&out);
		doc->src = malloc(n + 1);
		if (!doc->src)
			return ctx_error(ctx, PITH_ERR_NOMEM, "out of memory");
		memcpy(doc->src, s, n);
		doc->src[n] = 0;
		doc->srclen = n;
		/* the page lives in doc->src from now on; output writes it back */
		json_object_del(doc->rec, key);
		drop_nuls(doc);
		return PITH_OK;
	}

	size_t len = doc->rawlen;
	if (len > ctx->opt.max_page_bytes) {
		len = ctx->opt.max_page_bytes;
		char msg[96];
		snprintf(msg, sizeof msg, "page cut at %zu bytes (of %zu)", len, doc->rawlen);
		rec_set_str(doc, "warning", msg);
	}
	if (!len) {
		free(doc->raw);
		doc->raw = NULL;
		return ctx_error(ctx, PITH_ERR_EMPTY, "empty page");
	}
	pbuf out = PBUF_INIT;
	charset_info info;
	memset(&info, 0, sizeof info);
	pith_status st = charset_decode(ctx->cs, doc->raw, len, doc->content_type,
					(ctx->opt.flags & PITH_OPT_NO_REPAIR) != 0, &out, &info);
	free(doc->raw);
	doc->raw = NULL;
	if (st != PITH_OK) {
		pbuf_free(&out);
		return ctx_error(ctx, st, "%s", pith_strerror(st));
	}
	doc->srclen = out.len;
	doc->src = pbuf_take(&out);
	if (!doc->src)
		return ctx_error(ctx, PITH_ERR_NOMEM, "out of memory");
	json_t *cs = json_object();
	json_object_set_new(cs, "declared", str_or_null(info.declared));
	json_object_set_new(cs, "detected", str_or_null(info.detected));
	json_object_set_new(cs, "used", str_or_null(info.used));
	json_object_set_new(cs, "repaired", str_or_null(info.repaired));
	json_object_set_new(cs, "invalid_bytes", json_integer((json_int_t)info.invalid_bytes));
	rec_set(doc, "charset", cs);
	if (!doc->srclen) {
		/* a byte-order mark and nothing else: as empty as an empty file */
		free(doc->src);
		doc->src = NULL;
		return ctx_error(ctx, PITH_ERR_EMPTY, "empty page");
	}
	if (looks_binary(doc->src, doc->srclen, info.invalid_bytes)) {
		free(doc->src);
		doc->src = NULL;
		doc->srclen = 0;
		return ctx_error(ctx, PITH_ERR_BINARY, "binary data, not a text page");
	}
	set_kind(doc, doc->content_type);
	return PITH_OK;
}

const char *pith_detect_charset(pith_ctx *ctx, const char *buf, size_t len,
				const char *content_type)
{
	if (!ctx || (!buf && len))
		return "unknown";
	return charset_detect(ctx->cs, buf, len, content_type);
}
