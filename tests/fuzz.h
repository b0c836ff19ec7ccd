/* Shared by the libFuzzer harnesses (tests/fuzz_*.c): the invariants every
 * record pith writes must keep, a memory stream for the readers, and gzip
 * for wrapping inputs. Everything is static: each harness is one program.
 *
 * The checks are written here, not taken from libpith (u8_valid…), so that
 * a bug in the library's own helpers cannot hide itself. */
#ifndef PITH_FUZZ_H
#define PITH_FUZZ_H

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "pith.h"

/* Each harness uses some of these helpers. */
#define FZ_FN static __attribute__((unused))

/* An invariant broke: say which, show the text, and crash so libFuzzer
 * keeps the input. */
#define FZ_ASSERT(cond, what, s, n)                                              \
	do {                                                                     \
		if (!(cond))                                                     \
			fz_fail(__FILE__, __LINE__, #cond, what, s, n);          \
	} while (0)

FZ_FN void fz_fail(const char *file, int line, const char *cond, const char *what,
		    const char *s, size_t n)
{
	fprintf(stderr, "%s:%d: invariant failed: %s (%s)\n", file, line, cond, what);
	if (s) {
		fprintf(stderr, "--- %zu bytes:\n", n);
		fwrite(s, 1, n > 4096 ? 4096 : n, stderr);
		fputs("\n---\n", stderr);
	}
	abort();
}

/* Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing
 * past U+10FFFF. Returns the offset of the first bad byte, or n. */
FZ_FN size_t fz_utf8_bad(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		size_t k;
		uint32_t cp, min;
		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			k = 1, cp = c & 0x1F, min = 0x80;
		} else if ((c & 0xF0) == 0xE0) {
			k = 2, cp = c & 0x0F, min = 0x800;
		} else if ((c & 0xF8) == 0xF0) {
			k = 3, cp = c & 0x07, min = 0x10000;
		} else {
			return i;
		}
		if (n - i <= k)
			return i;
		for (size_t j = 1; j <= k; j++) {
			if ((s[i + j] & 0xC0) != 0x80)
				return i;
			cp = cp << 6 | (s[i + j] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += k + 1;
	}
	return n;
}

/* One JSON Lines record as pith_doc_format(PITH_FORMAT_JSONL) gives it:
 * valid UTF-8, one JSON object, no raw newline but the one that ends it.
 * Returns the parsed object (the caller's), for checks of fields. */
FZ_FN json_t *fz_check_record(const char *s, size_t n)
{
	FZ_ASSERT(s != NULL, "a record was not written", NULL, 0);
	FZ_ASSERT(n == strlen(s), "length as returned", s, n);
	FZ_ASSERT(n >= 3 && s[n - 1] == '\n', "ends in one newline", s, n);
	FZ_ASSERT(memchr(s, '\n', n - 1) == NULL, "no raw newline inside", s, n);
	FZ_ASSERT(memchr(s, '\r', n) == NULL, "no raw carriage return", s, n);
	FZ_ASSERT(fz_utf8_bad(s, n) == n, "valid UTF-8", s, n);
	FZ_ASSERT(s[0] == '{', "an object", s, n);
	json_error_t err;
	json_t *v = json_loadb(s, n - 1, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &err);
	FZ_ASSERT(v != NULL, err.text, s, n);
	FZ_ASSERT(json_is_object(v), "an object", s, n);
	return v;
}

/* Every string in a JSON value, checked again after jansson's decoding
 * (an escaped lone surrogate would pass the byte check above). */
FZ_FN void fz_check_strings(const json_t *v)
{
	if (json_is_string(v)) {
		const char *s = json_string_value(v);
		size_t n = json_string_length(v);
		FZ_ASSERT(fz_utf8_bad(s, n) == n, "string value is valid UTF-8", s, n);
	} else if (json_is_object(v)) {
		const char *k;
		json_t *x;
		json_object_foreach((json_t *)v, k, x) {
			FZ_ASSERT(fz_utf8_bad(k, strlen(k)) == strlen(k), "key is UTF-8", k,
				  strlen(k));
			fz_check_strings(x);
		}
	} else if (json_is_array(v)) {
		size_t i;
		json_t *x;
		json_array_foreach((json_t *)v, i, x)
			fz_check_strings(x);
	}
}

/* The fields pith itself fills must have their documented types; a
 * record pith fails on says why in "error". */
FZ_FN void fz_check_fields(const json_t *o, const char *s, size_t n)
{
	static const char *const strings[] = {"title", "date", "body", "lang", "url",
					      "error", "warning", "description"};
	for (size_t i = 0; i < sizeof strings / sizeof *strings; i++) {
		json_t *f = json_object_get(o, strings[i]);
		FZ_ASSERT(!f || json_is_string(f) || json_is_null(f), strings[i], s, n);
		if (json_is_string(f) && strcmp(strings[i], "body"))
			FZ_ASSERT(json_string_length(f) > 0, "no empty field", s, n);
	}
	json_t *rel = json_object_get(o, "related");
	FZ_ASSERT(!rel || json_is_array(rel), "related is an array", s, n);
	json_t *au = json_object_get(o, "authors");
	FZ_ASSERT(!au || json_is_array(au) || json_is_null(au), "authors is an array", s, n);
}

/* Every output format of a document; JSONL is also returned in *line
 * (caller frees) when line is not NULL. own: the record's fields are all
 * pith's (not passed through from an input record), so their types are
 * checked too. */
FZ_FN void fz_check_doc(pith_ctx *ctx, const pith_doc *doc, int own, char **line,
			 size_t *line_len)
{
	size_t n = 0;
	char *s = pith_doc_format(ctx, doc, PITH_FORMAT_JSONL, &n);
	json_t *o = fz_check_record(s, n);
	fz_check_strings(o);
	if (own)
		fz_check_fields(o, s, n);
	json_decref(o);
	if (line) {
		*line = s;
		*line_len = n;
	} else {
		free(s);
	}
	/* Pretty JSON: the same object, so it must parse too. */
	s = pith_doc_format(ctx, doc, PITH_FORMAT_JSON, &n);
	FZ_ASSERT(s && n == strlen(s) && n && s[n - 1] == '\n', "JSON written", s, n);
	json_error_t err;
	o = json_loadb(s, n, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &err);
	FZ_ASSERT(json_is_object(o), err.text, s, n);
	json_decref(o);
	free(s);
	/* The human formats: text for a terminal, so valid UTF-8. */
	static const pith_format fmts[] = {PITH_FORMAT_TEXT, PITH_FORMAT_MARKDOWN,
					   PITH_FORMAT_SUMMARY, PITH_FORMAT_BLOCKS};
	for (size_t i = 0; i < sizeof fmts / sizeof *fmts; i++) {
		n = 0;
		s = pith_doc_format(ctx, doc, fmts[i], &n);
		if (s)
			FZ_ASSERT(fz_utf8_bad(s, n) == n, "text format is valid UTF-8", s, n);
		free(s);
	}
}

/* After pith_doc_run: a failure is always in the record. */
FZ_FN void fz_check_status(const pith_doc *doc, pith_status st)
{
	if (st != PITH_OK)
		FZ_ASSERT(pith_doc_error(doc) != NULL, pith_strerror(st), NULL, 0);
	size_t n = 0;
	int html = 0;
	const char *src = pith_doc_source(doc, &n, &html);
	if (src) {
		FZ_ASSERT(fz_utf8_bad(src, n) == n, "decoded page is valid UTF-8", src, n);
		FZ_ASSERT(src[n] == 0, "decoded page is NUL-terminated", src, n);
	}
}

/* ---- streams --------------------------------------------------------- */

/* A read() over memory, giving at most `chunk` bytes a call, so that
 * records straddle reads at every offset. */
typedef struct fz_mem {
	const unsigned char *p;
	size_t len, pos, chunk;
} fz_mem;

FZ_FN long fz_mem_read(void *opaque, void *buf, size_t len)
{
	fz_mem *m = opaque;
	size_t n = m->len - m->pos;
	if (n > len)
		n = len;
	if (n > m->chunk)
		n = m->chunk;
	memcpy(buf, m->p + m->pos, n);
	m->pos += n;
	return (long)n;
}

/* gzip of p[0..n) as `members` members (1 or 2, split at `split`); NULL
 * when zlib fails. */
FZ_FN unsigned char *fz_gzip(const unsigned char *p, size_t n, int members, size_t split,
			      size_t *out_len)
{
	size_t cap = n + n / 100 + 256, len = 0;
	unsigned char *out = malloc(cap * 2);
	if (!out)
		return NULL;
	cap *= 2;
	if (split > n)
		split = n;
	size_t parts[2][2] = {{0, members == 2 ? split : n}, {split, n}};
	for (int m = 0; m < members; m++) {
		z_stream z;
		memset(&z, 0, sizeof z);
		if (deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
			free(out);
			return NULL;
		}
		z.next_in = (Bytef *)(p + parts[m][0]);
		z.avail_in = (uInt)(parts[m][1] - parts[m][0]);
		z.next_out = out + len;
		z.avail_out = (uInt)(cap - len);
		int rc = deflate(&z, Z_FINISH);
		len = cap - z.avail_out;
		deflateEnd(&z);
		if (rc != Z_STREAM_END) {
			free(out);
			return NULL;
		}
	}
	*out_len = len;
	return out;
}

typedef struct fz_out {
	char *p;
	size_t len, cap;
} fz_out;

FZ_FN void fz_out_add(fz_out *o, const char *s, size_t n)
{
	if (o->len + n + 1 > o->cap) {
		size_t cap = (o->len + n + 1) * 2;
		char *p = realloc(o->p, cap);
		if (!p)
			abort();
		o->p = p;
		o->cap = cap;
	}
	memcpy(o->p + o->len, s, n);
	o->len += n;
	o->p[o->len] = 0;
}

/* Reads every document of a stream; each is run through `stages` (0:
 * none), checked, and its JSONL line appended to *all. Returns the count. */
FZ_FN size_t fz_read_all(pith_ctx *ctx, const unsigned char *p, size_t n, size_t chunk,
			  unsigned stages, int own, fz_out *all, pith_input_kind *kind)
{
	fz_mem m = {p, n, 0, chunk ? chunk : 1};
	pith_reader *r = pith_reader_new(ctx, fz_mem_read, &m, "fuzz");
	FZ_ASSERT(r != NULL, "reader made", NULL, 0);
	size_t count = 0;
	pith_doc *doc;
	pith_status st;
	while ((st = pith_reader_next(r, &doc)) == PITH_OK && doc) {
		count++;
		FZ_ASSERT(count <= n + 2, "more records than bytes", NULL, 0);
		if (stages) {
			pith_status rs = pith_doc_run(ctx, doc, stages);
			fz_check_status(doc, rs);
		}
		char *line;
		size_t len;
		fz_check_doc(ctx, doc, own, &line, &len);
		fz_out_add(all, line, len);
		free(line);
		pith_doc_free(doc);
	}
	/* A memory stream never fails to read: only memory can stop it. */
	FZ_ASSERT(st == PITH_OK, pith_strerror(st), NULL, 0);
	doc = (pith_doc *)1;
	FZ_ASSERT(pith_reader_next(r, &doc) == PITH_OK && doc == NULL, "the end stays the end",
		  NULL, 0);
	/* A gzip failure stops reading where it is; plain input is read to
	 * its end. */
	if (!(n >= 2 && p[0] == 0x1f && p[1] == 0x8b))
		FZ_ASSERT(pith_reader_bytes(r) == n, "every byte consumed", NULL, 0);
	*kind = pith_reader_kind(r);
	pith_reader_free(r);
	return count;
}

/* Contexts are costly to make (charset tables, OpenCC): one per option
 * set, kept for the whole run. */
#define FZ_NCTX 1024
FZ_FN pith_ctx *fz_ctx(unsigned key, const pith_options *opt)
{
	static pith_ctx *ctxs[FZ_NCTX];
	FZ_ASSERT(key < FZ_NCTX, "context key in range", NULL, 0);
	if (!ctxs[key])
		ctxs[key] = pith_ctx_new(opt);
	FZ_ASSERT(ctxs[key] != NULL, "context made", NULL, 0);
	return ctxs[key];
}

/* Bytes as a JSON string value: invalid UTF-8 becomes U+FFFD, as a
 * crawler writing JSON Lines would have to. */
FZ_FN json_t *fz_json_string(const unsigned char *p, size_t n)
{
	char *buf = malloc(n * 3 + 1);
	size_t len = 0, i = 0;
	if (!buf)
		abort();
	while (i < n) {
		size_t bad = fz_utf8_bad((const char *)p + i, n - i);
		memcpy(buf + len, p + i, bad);
		len += bad;
		i += bad;
		if (i < n) {
			memcpy(buf + len, "\xEF\xBF\xBD", 3);
			len += 3;
			i++;
		}
	}
	json_t *s = json_stringn_nocheck(buf, len);
	free(buf);
	return s;
}


/* ---- the readers ----------------------------------------------------- */

/* Records the reader must give for JSON Lines: one per line that is not
 * blank, a line longer than the line limit included (an error record). */
FZ_FN size_t fz_jsonl_records(const unsigned char *p, size_t n, size_t limit)
{
	size_t count = 0, i = 0, line = 0;
	while (i < n) {
		const unsigned char *nl = memchr(p + i, '\n', n - i);
		size_t len = nl ? (size_t)(nl - (p + i)) : n - i;
		const unsigned char *s = p + i;
		i += len + (nl != NULL);
		line++;
		if (len && s[len - 1] == '\r')
			len--;
		if (len > limit) {
			count++;
			continue;
		}
		if (line == 1 && len >= 3 && !memcmp(s, "\xef\xbb\xbf", 3)) {
			s += 3;
			len -= 3;
		}
		size_t k = 0;
		while (k < len && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r' || s[k] == '\n'))
			k++;
		count += k < len;
	}
	return count;
}

/* Records a WARC stream can give at most: one per record header. */
FZ_FN size_t fz_warc_headers(const unsigned char *p, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; i + 7 <= n; i++)
		if (p[i] == 'W' && !memcmp(p + i, "WARC/1.", 7))
			count++;
	return count;
}

/* One reader case. The first two bytes are options:
 *   o1 bits 0-2  read() size: 1, 2, 3, 7, 64, 4093, 65536 bytes, or all
 *   o1 bit 3     max_page_bytes 64 instead of the default
 *   o1 bit 4     run every stage on each document, not decode alone
 *   o1 bit 5     gzip the input (bit 6: as two members, split by o2)
 *   o1 bit 7     with gzip: cut the last 1..16 bytes of the gzip data
 * Checks: every record is valid; as many records as the input holds (the
 * exact count for JSON Lines and raw pages, at most one per header for
 * WARC); the same records whatever the read size and with or without
 * gzip; a cut gzip stream ends in an error record. */
FZ_FN int fz_reader_case(const uint8_t *data, size_t size, const char *prefix)
{
	if (size < 2)
		return 0;
	unsigned o1 = data[0], o2 = data[1];
	data += 2;
	size -= 2;
	/* The prefix makes the kind likely without stopping the fuzzer from
	 * finding the others. */
	size_t plen = prefix ? strlen(prefix) : 0;
	unsigned char *in = malloc(plen + size + 1);
	if (!in)
		return 0;
	if (plen)
		memcpy(in, prefix, plen);
	memcpy(in + plen, data, size);
	size_t n = plen + size;

	static const size_t chunks[8] = {1, 2, 3, 7, 64, 4093, 65536, (size_t)-1};
	pith_options opt;
	pith_options_init(&opt);
	opt.flags |= PITH_OPT_NO_SITE_MEMORY;
	if (o1 & 0x08)
		opt.max_page_bytes = 64;
	unsigned stages = o1 & 0x10 ? PITH_STAGE_ALL : PITH_STAGE_DECODE;
	pith_ctx *ctx = fz_ctx((o1 >> 3) & 1, &opt);
	size_t limit = 2 * opt.max_page_bytes; /* JSON Lines lines may be twice a page */

	/* The reference: plain input, read whole. */
	fz_out ref = {0}, var = {0};
	pith_input_kind kind, kind2;
	size_t count = fz_read_all(ctx, in, n, (size_t)-1, stages, 1, &ref, &kind);
	int gz_in = n >= 2 && in[0] == 0x1f && in[1] == 0x8b;
	if (!gz_in) {
		if (kind == PITH_INPUT_JSONL)
			FZ_ASSERT(count == fz_jsonl_records(in, n, limit), "one record per line",
				  ref.p, ref.len);
		else if (kind == PITH_INPUT_WARC)
			FZ_ASSERT(count <= fz_warc_headers(in, n), "at most one record per header",
				  ref.p, ref.len);
		else
			FZ_ASSERT(count == 1, "a raw page is one record", ref.p, ref.len);
	}

	/* The variant: gzip'd and/or read in small pieces. */
	const unsigned char *vin = in;
	size_t vn = n;
	unsigned char *gz = NULL;
	int cut = 0;
	if (o1 & 0x20) {
		gz = fz_gzip(in, n, o1 & 0x40 ? 2 : 1, (size_t)o2 * n / 255, &vn);
		if (!gz)
			goto done;
		vin = gz;
		if (o1 & 0x80) {
			size_t drop = (o2 & 15) + 1;
			vn = vn > drop ? vn - drop : 0;
			cut = 1;
		}
	}
	size_t count2 = fz_read_all(ctx, vin, vn, chunks[o1 & 7], stages, 1, &var, &kind2);
	if (!cut && !(gz && gz_in)) {
		FZ_ASSERT(kind == kind2, "the same kind", NULL, 0);
		FZ_ASSERT(count == count2, "the same records whatever the read size or gzip",
			  var.p, var.len);
		FZ_ASSERT(ref.len == var.len && (!ref.len || !memcmp(ref.p, var.p, ref.len)),
			  "the same records whatever the read size or gzip", var.p, var.len);
	} else if (cut && !gz_in) {
		FZ_ASSERT(count2 <= count + 1, "at most one more record for a cut stream", var.p,
			  var.len);
		if (kind2 != PITH_INPUT_RAW && vn > 10) {
			/* the last record says the stream was cut */
			const char *last = var.p ? var.p + var.len - 1 : NULL;
			while (last && last > var.p && last[-1] != '\n')
				last--;
			FZ_ASSERT(last && strstr(last, "\"error\"") && strstr(last, "gzip"),
				  "a cut gzip stream ends in an error record", var.p, var.len);
		}
	}
done:
	free(gz);
	free(ref.p);
	free(var.p);
	free(in);
	return 0;
}

/* ---- the page pipeline ----------------------------------------------- */

#define FZ_NOW 1749211200LL /* 2025-06-06T12:00:00Z */

/* One page through the stages. html: the page is HTML (else a text dump).
 *   byte 0  bit 0 PITH_OPT_T2S, 1 FOLD_WIDTH, 2 NO_SPAM, 3 NO_REPAIR,
 *           4 KEEP_SOURCE, 5 a fixed `now`; bits 6-7 max_depth 256, 1, 4
 *           or 32
 *   byte 1  bit 0: a JSON record {"html"|"text": …} instead of bytes;
 *           bits 1-4: the stages strip, meta, links, clean (none: all);
 *           bit 5: through a pipe, one stage at a time, each record
 *           written and read back as the stage tools do; bit 6: run it
 *           twice on one context, which must give the same record
 * Checks: fz_check_doc on every record; the runs agree; a cleaned body
 * has no run of blank lines. */
FZ_FN int fz_pipeline_case(const uint8_t *data, size_t size, int html)
{
	if (size < 2)
		return 0;
	unsigned o1 = data[0], o2 = data[1];
	data += 2;
	size -= 2;
	static const unsigned depths[4] = {256, 1, 4, 32};
	pith_options opt;
	pith_options_init(&opt);
	static const unsigned flag_bits[5] = {PITH_OPT_T2S, PITH_OPT_FOLD_WIDTH, PITH_OPT_NO_SPAM,
					      PITH_OPT_NO_REPAIR, PITH_OPT_KEEP_SOURCE};
	for (int i = 0; i < 5; i++)
		if (o1 & (1u << i))
			opt.flags |= flag_bits[i];
	opt.flags |= PITH_OPT_NO_SITE_MEMORY;
	opt.now = o1 & 0x20 ? FZ_NOW : 0;
	opt.max_depth = depths[o1 >> 6];
	pith_ctx *ctx = fz_ctx(o1, &opt);
	pith_options kopt = opt;
	kopt.flags |= PITH_OPT_KEEP_SOURCE;
	pith_ctx *kctx = fz_ctx(256 + (o1 | 0x10), &kopt);

	unsigned stages = (o2 >> 1 & 1 ? PITH_STAGE_STRIP : 0) | (o2 >> 2 & 1 ? PITH_STAGE_META : 0) |
			  (o2 >> 3 & 1 ? PITH_STAGE_LINKS : 0) | (o2 >> 4 & 1 ? PITH_STAGE_CLEAN : 0);
	if (!stages)
		stages = PITH_STAGE_ALL;
	stages |= PITH_STAGE_DECODE;
	int pipe = o2 & 0x20, twice = o2 & 0x40;

	char *first = NULL;
	size_t first_len = 0;
	for (int run = 0; run < (twice ? 2 : 1); run++) {
		pith_doc *doc = NULL;
		pith_status st;
		if (o2 & 1) {
			json_t *rec = json_object();
			json_object_set_new(rec, html ? "html" : "text", fz_json_string(data, size));
			json_object_set_new(rec, "url", json_string("http://example.com/news/2025/06/06/a.html"));
			char *line = json_dumps(rec, JSON_COMPACT);
			json_decref(rec);
			st = pith_doc_from_json(ctx, line, strlen(line), &doc);
			free(line);
		} else {
			st = pith_doc_from_bytes(ctx, (const char *)data, size,
						 html ? "text/html" : "text/plain; charset=utf-8",
						 "http://example.com/news/2025/06/06/a.html", &doc);
		}
		FZ_ASSERT(st == PITH_OK && doc, "document made", NULL, 0);
		char *line = NULL;
		size_t len = 0;
		if (pipe) {
			/* decode | strip | meta | links | clean, as the tools do */
			static const unsigned order[] = {PITH_STAGE_DECODE, PITH_STAGE_STRIP,
							 PITH_STAGE_META, PITH_STAGE_LINKS,
							 PITH_STAGE_CLEAN};
			for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
				if (!(stages & order[i]))
					continue;
				if (line) {
					pith_doc_free(doc);
					doc = NULL;
					st = pith_doc_from_json(kctx, line, len, &doc);
					FZ_ASSERT(st == PITH_OK && doc, "a written record reads back",
						  line, len);
					free(line);
				}
				st = pith_doc_run(kctx, doc, order[i]);
				fz_check_status(doc, st);
				fz_check_doc(kctx, doc, 1, &line, &len);
			}
		} else {
			st = pith_doc_run(ctx, doc, stages);
			fz_check_status(doc, st);
			fz_check_doc(ctx, doc, 1, &line, &len);
		}
		const char *body = pith_doc_body(doc);
		if (body && (stages & PITH_STAGE_CLEAN) && !pipe) {
			FZ_ASSERT(!strstr(body, "\n\n\n"), "one blank line between paragraphs",
				  body, strlen(body));
		}
		if (run == 0) {
			first = line;
			first_len = len;
		} else {
			FZ_ASSERT(len == first_len && !memcmp(line, first, len),
				  "the same record from a second run", line, len);
			free(line);
		}
		pith_doc_free(doc);
	}
	free(first);
	return 0;
}

#endif
