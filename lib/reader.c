/*
 * The record reader: a byte stream in, one pith_doc per record out.
 *
 * Input kinds, told by the first bytes of the (gunzipped) stream:
 *   - JSON Lines ('{' after an optional BOM and white space): a document
 *     per non-blank line; a line that is not a JSON object, or longer than
 *     twice max_page_bytes, gives an error record naming its line number.
 *     Twice: a record holds its page escaped, and a page grows when it is
 *     decoded (GBK to UTF-8: by half), so a page within the limit that
 *     pith-decode wrote must still be read by the next stage.
 *   - WARC ("WARC/1."): a document per archived *page*, not per WARC
 *     record. Pages are `response` records holding a 2xx HTTP response
 *     (204 aside) and `resource`/`conversion` records, whose payload is
 *     HTML or text by its media type, or by sniffing when the type is
 *     missing or application/octet-stream. Everything else (request,
 *     warcinfo, metadata, revisit records, redirects and error pages,
 *     images, PDFs, scripts, JSON) is skipped without a record: those are
 *     not pages, and 3xx/4xx/5xx bodies are server boilerplate.
 *   - Anything else is one raw page: the whole stream is one document,
 *     with "file" = the reader's name as given ("-" for stdin stays "-";
 *     no "file" when the name is NULL).
 *
 * Memory is bounded: the stream is read through one window, which holds at
 * most one page (max_page_bytes) plus a header's worth; a decoded HTTP body
 * takes one more such buffer. Larger pages are cut with a "warning" and
 * the rest is read past, never kept.
 *
 * Damage is reported, not fatal: a WARC record cut short by the end of the
 * input, or whose Content-Length does not end at the "\r\n\r\n" that ends
 * every record, becomes an error record (when it would have been a page)
 * and reading resumes at the next line starting "WARC/1."; a corrupt gzip
 * stream becomes one last error record. Only a failing read() stops the
 * reader with PITH_ERR_IO.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "buf.h"
#include "gzstream.h"
#include "http.h"
#include "internal.h"
#include "pith.h"
#include "warc.h"

#define HEAD_MAX (64u << 10)   /* a WARC or HTTP header block */
#define WIN_INIT (256u << 10)  /* the window's first size, and its size after a big page */
#define SKIP_PEEK (1u << 20)   /* skipped records this small are checked in memory */
#define SHRINK_AT (8u << 20)   /* buffers above this are given back after use */
#define INFLATE_STEP (256u << 10)
#define RAW_SKIP_MAX (1ull << 30) /* the most read past a cut raw page */

/* What a WARC record can give. */
enum rec_kind { K_SKIP = 0, K_HTTP, K_PAYLOAD };

struct pith_reader {
	pith_ctx *ctx;
	char *name;
	gzs src;
	char *win;            /* unread bytes are win[pos..end) */
	size_t cap, pos, end;
	size_t win_max;       /* the window never grows past this */
	size_t limit;         /* max_page_bytes */
	size_t line_limit;    /* JSON Lines: 2 * limit */
	int in_end;           /* the source ended or failed (src.err) */
	int done;             /* every document was given out */
	pith_status failed;   /* a read error: every call returns it */
	pith_input_kind kind;
	unsigned long long line; /* JSON Lines: lines read */
	warc_head wh;         /* the current WARC record's header */
	pbuf page;            /* a decoded (inflated) HTTP body */
	pbuf tmp;             /* messages, the Content-Type string */
	z_stream z;           /* reused for HTTP bodies */
	int z_live;
};

/* ---- the window ---------------------------------------------------------- */

/* Reads once more into the window: the bytes added, 0 when the source is
 * at its end or failed (r->src.err tells). */
static size_t win_more(pith_reader *r)
{
	if (r->in_end)
		return 0;
	if (r->end == r->cap) {
		size_t avail = r->end - r->pos;
		/* Move the unread bytes down when that frees a good part of the
		 * window; grow only when the caller really holds that much. */
		if (r->pos && (r->pos >= r->cap / 4 || r->cap >= r->win_max)) {
			memmove(r->win, r->win + r->pos, avail);
			r->pos = 0;
			r->end = avail;
		} else if (r->cap < r->win_max) {
			size_t ncap = r->cap * 2 < r->win_max ? r->cap * 2 : r->win_max;
			char *w = realloc(r->win, ncap);
			if (!w) {
				r->src.err = PITH_ERR_NOMEM;
				r->in_end = 1;
				return 0;
			}
			r->win = w;
			r->cap = ncap;
		} else {
			return 0; /* cannot happen: callers never ask for more than win_max */
		}
	}
	long n = gzs_read(&r->src, r->win + r->end, r->cap - r->end);
	if (n <= 0) {
		r->in_end = 1;
		return 0;
	}
	r->end += (size_t)n;
	return (size_t)n;
}

/* Reads until n bytes are unread or the input ends; returns the unread
 * count (which may be more than n). */
static size_t win_need(pith_reader *r, size_t n)
{
	while (r->end - r->pos < n && win_more(r))
		;
	return r->end - r->pos;
}

/* Consumes n bytes, reading past those not in the window without keeping
 * them; returns the count consumed (short at the end of the input). */
static unsigned long long win_skip(pith_reader *r, unsigned long long n)
{
	size_t avail = r->end - r->pos;
	if (n <= avail) {
		r->pos += (size_t)n;
		return n;
	}
	unsigned long long done = avail;
	r->pos = r->end = 0;
	while (done < n && !r->in_end) {
		size_t want = n - done < r->cap ? (size_t)(n - done) : r->cap;
		long k = gzs_read(&r->src, r->win, want);
		if (k <= 0)
			r->in_end = 1;
		else
			done += (unsigned long long)k;
	}
	return done;
}

/* After one big page, give the memory back once the window is nearly
 * empty, so that a run over an archive does not keep its largest page. */
static void win_trim(pith_reader *r)
{
	size_t avail = r->end - r->pos;
	if (r->cap <= SHRINK_AT || avail > WIN_INIT / 2)
		return;
	memmove(r->win, r->win + r->pos, avail);
	r->pos = 0;
	r->end = avail;
	char *w = realloc(r->win, WIN_INIT);
	if (w) {
		r->win = w;
		r->cap = WIN_INIT;
	}
}

/* ---- documents ----------------------------------------------------------- */

/* A record for something that could not be read: "{}" plus its "error",
 * and "file" so the failure can be found. */
static pith_status err_doc(pith_reader *r, pith_doc **out, const char *msg)
{
	pith_doc *d;
	pith_status st = pith_doc_from_json(r->ctx, "{}", 2, &d);
	if (st != PITH_OK)
		return st;
	pith_doc_set_error(d, msg);
	if (r->name)
		pith_doc_set(d, "file", r->name);
	*out = d;
	return PITH_OK;
}

/* An error record for the current WARC record, naming it. */
static pith_status err_doc_warc(pith_reader *r, pith_doc **out, const char *msg)
{
	pith_status st = err_doc(r, out, msg);
	if (st != PITH_OK)
		return st;
	if (r->wh.uri.len)
		pith_doc_set(*out, "url", r->wh.uri.p);
	if (r->wh.id.len)
		pith_doc_set(*out, "warc_id", r->wh.id.p);
	return PITH_OK;
}

/* The source failed: a gzip failure becomes one last error record; a read
 * error stops the reader. */
static pith_status src_failed(pith_reader *r, pith_doc **out, int in_warc)
{
	r->done = 1;
	r->pos = r->end;
	if (r->src.err == PITH_ERR_GZIP) {
		pbuf_reset(&r->tmp);
		pbuf_addf(&r->tmp, "%s: %s", pith_strerror(PITH_ERR_GZIP), r->src.msg);
		if (r->tmp.oom)
			return PITH_ERR_NOMEM;
		return in_warc ? err_doc_warc(r, out, r->tmp.p) : err_doc(r, out, r->tmp.p);
	}
	r->failed = r->src.err;
	if (r->failed == PITH_ERR_IO)
		ctx_error(r->ctx, PITH_ERR_IO, "%s: read error", r->name ? r->name : "input");
	return r->failed;
}

/* A page from bytes; failures other than memory become error records. */
static pith_status page_doc(pith_reader *r, pith_doc **out, const char *buf, size_t len,
			    const char *ctype, const char *url)
{
	pith_status st = pith_doc_from_bytes(r->ctx, buf, len, ctype, url, out);
	if (st == PITH_ERR_NOMEM)
		return st;
	if (st != PITH_OK)
		return err_doc(r, out, pith_strerror(st));
	return PITH_OK;
}

static pith_status set_cut_warning(pith_reader *r, pith_doc *d, size_t len)
{
	pbuf_reset(&r->tmp);
	pbuf_addf(&r->tmp, "page cut at %zu bytes", len);
	return pith_doc_set(d, "warning", pbuf_cstr(&r->tmp));
}

/* ---- kind detection ------------------------------------------------------ */

static int is_space(int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

static void detect(pith_reader *r)
{
	for (;;) {
		size_t avail = r->end - r->pos, i = 0;
		const unsigned char *p = (const unsigned char *)r->win + r->pos;
		if (avail >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
			i = 3;
		while (i < avail && is_space(p[i]))
			i++;
		int partial_bom = avail < 3 && avail && p[0] == 0xef;
		/* Decide as soon as the bytes allow: a pipe feeding one JSON line
		 * at a time must not block here. */
		int enough = !partial_bom && i < avail && (p[i] != 'W' || avail - i >= 7);
		if (!enough && avail < 4096 && !r->in_end) {
			win_more(r);
			continue;
		}
		if (i < avail && p[i] == '{') {
			r->kind = PITH_INPUT_JSONL;
		} else if (avail - i >= 7 && !memcmp(p + i, "WARC/1.", 7)) {
			r->kind = PITH_INPUT_WARC;
			r->pos += i; /* a record must start a line: step over a BOM */
		} else {
			r->kind = PITH_INPUT_RAW;
		}
		return;
	}
}

/* ---- raw pages ----------------------------------------------------------- */

static pith_status next_raw(pith_reader *r, pith_doc **out)
{
	size_t avail = win_need(r, r->limit + 1);
	if (avail <= r->limit && r->src.err)
		return src_failed(r, out, 0);
	r->done = 1;
	int cut = avail > r->limit;
	size_t len = cut ? r->limit : avail;
	pith_status st = page_doc(r, out, r->win + r->pos, len, NULL, NULL);
	if (st != PITH_OK)
		return st;
	if (r->name)
		pith_doc_set(*out, "file", r->name);
	if (cut) {
		set_cut_warning(r, *out, len);
		/* Read to the end so that pith_reader_bytes() tells the truth;
		 * a failure in bytes thrown away changes nothing. Not past
		 * RAW_SKIP_MAX, though: /dev/zero, an endless pipe or a gzip
		 * bomb would keep the record from ever being given. */
		win_skip(r, RAW_SKIP_MAX);
	}
	r->pos = r->end;
	return PITH_OK;
}

/* ---- JSON Lines ---------------------------------------------------------- */

static pith_status next_jsonl(pith_reader *r, pith_doc **out)
{
	for (;;) {
		size_t scan = 0, dropped = 0;
		const char *nl = NULL;
		for (;;) {
			size_t avail = r->end - r->pos;
			if (scan < avail && (nl = memchr(r->win + r->pos + scan, '\n', avail - scan)))
				break;
			scan = avail;
			/* Too long to be a record: drop it as it comes in and keep
			 * only the count, so memory stays bounded. */
			if (avail > r->line_limit + 1) {
				dropped += avail;
				r->pos = r->end;
				scan = 0;
			}
			if (!win_more(r))
				break;
		}
		char *line = r->win + r->pos;
		size_t len = nl ? (size_t)(nl - line) : r->end - r->pos;
		if (!nl && r->src.err)
			return src_failed(r, out, 0);
		if (!nl && !len && !dropped) {
			r->done = 1;
			return PITH_OK;
		}
		r->line++;
		r->pos += len + (nl != NULL);
		if (len && line[len - 1] == '\r')
			len--;
		if (dropped || len > r->line_limit) {
			pbuf_reset(&r->tmp);
			pbuf_addf(&r->tmp, "line %llu: longer than the page limit (%zu bytes)", r->line,
				  r->limit);
			return err_doc(r, out, pbuf_cstr(&r->tmp));
		}
		if (r->line == 1 && len >= 3 && !memcmp(line, "\xef\xbb\xbf", 3)) {
			line += 3;
			len -= 3;
		}
		size_t i = 0;
		while (i < len && is_space((unsigned char)line[i]))
			i++;
		if (i == len)
			continue; /* blank lines are no records */
		pith_status st = pith_doc_from_json(r->ctx, line, len, out);
		if (st == PITH_OK || st == PITH_ERR_NOMEM)
			return st;
		const char *why = pith_ctx_errmsg(r->ctx);
		pbuf_reset(&r->tmp);
		if (!strcmp(why, "not a JSON object"))
			pbuf_addf(&r->tmp, "line %llu: not a JSON object", r->line);
		else
			pbuf_addf(&r->tmp, "line %llu: invalid JSON: %s", r->line,
				  *why ? why : pith_strerror(st));
		return err_doc(r, out, pbuf_cstr(&r->tmp));
	}
}

/* ---- WARC ---------------------------------------------------------------- */

/* Moves to the next line starting "WARC/1.", skipping anything else (the
 * blank lines between records, garbage, the rest of a damaged record).
 * The window's first byte counts as a line start. 1 found, 0 at the end. */
static int warc_sync(pith_reader *r)
{
	if (win_need(r, 7) >= 7 && !memcmp(r->win + r->pos, "WARC/1.", 7))
		return 1;
	for (;;) {
		size_t avail = r->end - r->pos;
		const char *q = memmem(r->win + r->pos, avail, "\nWARC/1.", 8);
		if (q) {
			r->pos = (size_t)(q + 1 - r->win);
			return 1;
		}
		/* Keep a tail that may hold the start of a marker cut by the read. */
		if (avail > 7)
			r->pos = r->end - 7;
		if (!win_more(r)) {
			r->pos = r->end;
			return 0;
		}
	}
}

/* Finds the blank line ending the header that starts at r->pos: 1 with
 * *hlen (the header lines' bytes) and *skip (through the blank line), 0
 * when the input ends first, -1 when it is longer than HEAD_MAX. */
static int warc_head_end(pith_reader *r, size_t *hlen, size_t *skip)
{
	size_t scan = 0;
	for (;;) {
		size_t avail = r->end - r->pos;
		const char *p = r->win + r->pos, *nl;
		for (;;) {
			nl = scan < avail ? memchr(p + scan, '\n', avail - scan) : NULL;
			if (!nl) {
				scan = avail;
				break;
			}
			size_t j = (size_t)(nl - p), k = j + 1;
			if (k < avail && p[k] == '\r')
				k++;
			if (k < avail && p[k] == '\n') {
				*hlen = j;
				*skip = k + 1;
				return 1;
			}
			if (k >= avail) {
				scan = j; /* look at this line end again with more bytes */
				break;
			}
			scan = j + 1;
		}
		if (avail >= HEAD_MAX) {
			*hlen = HEAD_MAX;
			return -1;
		}
		if (!win_more(r))
			return 0;
	}
}

static int pbuf_is(const pbuf *b, const char *s)
{
	return b->len == strlen(s) && !strncasecmp(b->p, s, b->len);
}

/* Which records may hold a page, from the WARC header alone. */
static enum rec_kind warc_kind(const warc_head *h)
{
	const char *ct = h->ctype.len ? h->ctype.p : NULL;
	if (pbuf_is(&h->type, "response")) {
		if (!ct)
			return K_HTTP; /* the usual case, unlabelled */
		if (!strncasecmp(ct, "application/http", 16))
			return http_has_token(ct, h->ctype.len, "msgtype=request") ? K_SKIP : K_HTTP;
		/* A response stored without its HTTP head (some writers do):
		 * judge it as a resource. */
	} else if (!pbuf_is(&h->type, "resource") && !pbuf_is(&h->type, "conversion")) {
		return K_SKIP;
	}
	return http_media(ct, h->ctype.len) == MEDIA_OTHER ? K_SKIP : K_PAYLOAD;
}

static int status_is_page(int status) { return status >= 200 && status < 300 && status != 204; }

/* Whether a damaged or cut record would have been a page, from the bytes
 * there are: an error record is only worth giving for those. */
static int might_be_page(enum rec_kind kind, const char *blk, size_t n)
{
	if (kind != K_HTTP)
		return kind == K_PAYLOAD;
	http_head hh;
	if (http_head_parse(&hh, blk, n < HEAD_MAX ? n : HEAD_MAX) <= 0)
		return !hh.status || status_is_page(hh.status);
	return status_is_page(hh.status) && http_media(hh.ctype, hh.ctype_len) != MEDIA_OTHER;
}

/* Inflates an HTTP body into r->page, at most r->limit bytes: 0 when whole,
 * 1 when the input ended inside the stream, 2 when cut at the limit, -1
 * for corrupt data, -2 out of memory. */
static int body_inflate(pith_reader *r, const char *p, size_t n, int wbits)
{
	z_stream *z = &r->z;
	if (!r->z_live) {
		memset(z, 0, sizeof *z);
		if (inflateInit2(z, wbits) != Z_OK)
			return -2;
		r->z_live = 1;
	} else if (inflateReset2(z, wbits) != Z_OK) {
		return -2;
	}
	if (r->page.cap > SHRINK_AT)
		pbuf_free(&r->page);
	pbuf_reset(&r->page);
	z->next_in = (Bytef *)p;
	z->avail_in = 0;
	size_t left = n;
	for (;;) {
		if (!z->avail_in && left) {
			z->avail_in = left < UINT_MAX ? (uInt)left : UINT_MAX;
			left -= z->avail_in;
		}
		size_t room = r->limit - r->page.len;
		if (!room)
			return 2;
		if (room > INFLATE_STEP)
			room = INFLATE_STEP;
		if (pbuf_reserve(&r->page, room))
			return -2;
		z->next_out = (Bytef *)r->page.p + r->page.len;
		z->avail_out = (uInt)room;
		int ret = inflate(z, Z_NO_FLUSH);
		r->page.len += room - z->avail_out;
		if (ret == Z_STREAM_END) {
			/* Concatenated gzip members are one body (rare, legal). */
			if (z->avail_in >= 2 && z->next_in[0] == 0x1f && z->next_in[1] == 0x8b) {
				inflateReset(z);
				continue;
			}
			return 0;
		}
		if (ret == Z_MEM_ERROR)
			return -2;
		if (ret != Z_OK && ret != Z_BUF_ERROR)
			return -1;
		if (!z->avail_in && !left && z->avail_out)
			return 1;
	}
}

/* The page in a record's block blk[0..n) (n < Content-Length when cut):
 * *out gets a document, an error record, or NULL when it is no page. */
static pith_status warc_payload(pith_reader *r, enum rec_kind kind, char *blk, size_t n,
				int cut, pith_doc **out)
{
	warc_head *h = &r->wh;
	const char *body = blk, *ct = h->ctype.len ? h->ctype.p : NULL;
	size_t blen = n, ctn = h->ctype.len;
	const char *incomplete = NULL;
	*out = NULL;
	if (kind == K_HTTP) {
		http_head hh;
		int rc = http_head_parse(&hh, blk, n < HEAD_MAX ? n : HEAD_MAX);
		/* An interim "100 Continue" may be archived ahead of the response. */
		while (rc > 0 && hh.status >= 100 && hh.status < 200 && n - hh.head_len > 5 &&
		       !memcmp(blk + hh.head_len, "HTTP/", 5)) {
			blk += hh.head_len;
			n -= hh.head_len;
			rc = http_head_parse(&hh, blk, n < HEAD_MAX ? n : HEAD_MAX);
		}
		if (hh.status && !status_is_page(hh.status))
			return PITH_OK;
		if (rc <= 0)
			return err_doc_warc(r, out, "malformed HTTP response in WARC record");
		if (http_media(hh.ctype, hh.ctype_len) == MEDIA_OTHER)
			return PITH_OK;
		ct = hh.ctype;
		ctn = hh.ctype_len;
		body = blk + hh.head_len;
		blen = n - hh.head_len;
		if (hh.chunked)
			blen = http_dechunk(blk + hh.head_len, blen);
		enum http_coding coding = hh.cenc ? http_coding(hh.cenc, hh.cenc_len) : HTTP_IDENTITY;
		if (coding == HTTP_UNSUPPORTED) {
			pbuf_reset(&r->tmp);
			pbuf_addf(&r->tmp, "unsupported Content-Encoding: %.*s", (int)hh.cenc_len, hh.cenc);
			return err_doc_warc(r, out, pbuf_cstr(&r->tmp));
		}
		if (coding != HTTP_IDENTITY) {
			/* 15+32: gzip or zlib by the header. "deflate" is zlib by
			 * the RFC but raw deflate from some servers. */
			const unsigned char *u = (const unsigned char *)body;
			int wbits = 15 + 32;
			if (coding == HTTP_DEFLATE && !(blen >= 2 && (u[0] & 0x0f) == 8 &&
							((u[0] << 8) | u[1]) % 31 == 0))
				wbits = -15;
			int rc2 = body_inflate(r, body, blen, wbits);
			if (rc2 == -2)
				return PITH_ERR_NOMEM;
			if (rc2 == -1)
				return err_doc_warc(r, out, coding == HTTP_GZIP ? "corrupt gzip'd HTTP body"
										: "corrupt deflate'd HTTP body");
			if (rc2 == 2)
				cut = 1;
			else if (rc2 == 1 && !cut)
				incomplete = "incomplete compressed HTTP body";
			body = r->page.p ? r->page.p : "";
			blen = r->page.len;
		}
	}
	if (blen > r->limit) {
		blen = r->limit;
		cut = 1;
	}
	if (http_media(ct, ctn) == MEDIA_SNIFF && !http_sniff_text(body, blen))
		return PITH_OK;
	pbuf_reset(&r->tmp);
	if (ct)
		pbuf_add(&r->tmp, ct, ctn);
	pith_status st = page_doc(r, out, body, blen, ct ? pbuf_cstr(&r->tmp) : NULL,
				  h->uri.len ? h->uri.p : NULL);
	if (st != PITH_OK)
		return st;
	if (h->id.len)
		pith_doc_set(*out, "warc_id", h->id.p);
	if (h->date.len)
		pith_doc_set(*out, "warc_date", h->date.p);
	if (cut) {
		set_cut_warning(r, *out, blen);
	} else if (h->truncated.len) {
		pbuf_reset(&r->tmp);
		pbuf_addf(&r->tmp, "page truncated by the crawler (%s)", h->truncated.p);
		pith_doc_set(*out, "warning", pbuf_cstr(&r->tmp));
	} else if (incomplete) {
		pith_doc_set(*out, "warning", incomplete);
	}
	return PITH_OK;
}

/* The bytes after a block: 4 for "\r\n\r\n" (or 2 for the "\n\n" of
 * LF-only writers); at the end of the input, a missing or partial end is
 * let go; -1 when something else is there: the length was wrong. */
static long warc_block_end(pith_reader *r, size_t at)
{
	size_t avail = r->end - r->pos - at;
	const char *p = r->win + r->pos + at;
	if (avail >= 4 && !memcmp(p, "\r\n\r\n", 4))
		return 4;
	if (avail >= 2 && !memcmp(p, "\n\n", 2))
		return 2;
	if (r->in_end && avail < 4) {
		for (size_t i = 0; i < avail; i++)
			if (p[i] != '\r' && p[i] != '\n')
				return -1;
		return (long)avail;
	}
	return -1;
}

static pith_status damaged(pith_reader *r, pith_doc **out)
{
	pbuf_reset(&r->tmp);
	pbuf_addf(&r->tmp, "damaged WARC record: no record end after Content-Length %llu",
		  r->wh.length);
	return err_doc_warc(r, out, pbuf_cstr(&r->tmp));
}

/* Reads the block of the record whose header was just consumed. On
 * PITH_OK, *out NULL and !r->done mean "nothing here, go on". */
static pith_status warc_block(pith_reader *r, enum rec_kind kind, pith_doc **out)
{
	unsigned long long len = r->wh.length;
	/* A big response that its head shows to be no page (video, archive)
	 * is read past like any skipped record, not buffered. */
	if (kind == K_HTTP && len > SKIP_PEEK) {
		size_t head = win_need(r, HEAD_MAX);
		if (!might_be_page(kind, r->win + r->pos, head < len ? head : (size_t)len))
			kind = K_SKIP;
	}
	size_t keep = kind == K_SKIP ? SKIP_PEEK : kind == K_HTTP ? r->limit + HEAD_MAX : r->limit;
	int whole = len <= keep;
	size_t n = whole ? (size_t)len : keep;
	size_t avail = win_need(r, whole ? n + 4 : n);
	char *blk = r->win + r->pos;
	*out = NULL;
	if (avail < n) {
		if (r->src.err)
			return src_failed(r, out, 1);
		r->done = 1;
		r->pos = r->end;
		if (!might_be_page(kind, blk, avail))
			return PITH_OK;
		return err_doc_warc(r, out, "truncated WARC record");
	}
	if (whole) {
		long end = warc_block_end(r, n);
		if (end < 0) {
			/* Leave r->pos at the block: when Content-Length was too
			 * long, the next record starts inside it. */
			if (!might_be_page(kind, blk, n))
				return PITH_OK;
			return damaged(r, out);
		}
		pith_status st = kind == K_SKIP ? PITH_OK : warc_payload(r, kind, blk, n, 0, out);
		r->pos += n + (size_t)end;
		return st;
	}
	/* A block larger than a page: the page is its head, the rest is read
	 * past. The record can only be checked once all of it went by. */
	if (kind != K_SKIP) {
		pith_status st = warc_payload(r, kind, blk, n, 1, out);
		if (st != PITH_OK)
			return st;
	}
	r->pos += n;
	unsigned long long rest = len - n;
	int page = *out != NULL;
	long end = -1;
	if (win_skip(r, rest) == rest) {
		win_need(r, 4);
		end = warc_block_end(r, 0);
	}
	if (end >= 0) {
		r->pos += (size_t)end;
		return PITH_OK;
	}
	pith_doc_free(*out);
	*out = NULL;
	if (r->in_end && r->pos == r->end) {
		if (r->src.err)
			return src_failed(r, out, 1);
		r->done = 1;
		return page ? err_doc_warc(r, out, "truncated WARC record") : PITH_OK;
	}
	return page ? damaged(r, out) : PITH_OK;
}

static pith_status next_warc(pith_reader *r, pith_doc **out)
{
	for (;;) {
		if (!warc_sync(r)) {
			if (r->src.err)
				return src_failed(r, out, 0);
			r->done = 1;
			return PITH_OK;
		}
		size_t hlen = 0, skip = 0;
		int rc = warc_head_end(r, &hlen, &skip);
		if (rc <= 0) {
			warc_head_parse(&r->wh, r->win + r->pos, rc < 0 ? hlen : r->end - r->pos);
			if (rc == 0) {
				if (r->src.err)
					return src_failed(r, out, 1);
				r->done = 1;
				r->pos = r->end;
				return err_doc_warc(r, out, "truncated WARC record");
			}
			r->pos++; /* past the "W": look for the next record */
			return err_doc_warc(r, out, "WARC header longer than 64 KiB");
		}
		warc_head_parse(&r->wh, r->win + r->pos, hlen);
		r->pos += skip;
		enum rec_kind kind = warc_kind(&r->wh);
		if (!r->wh.has_length) {
			/* The block's end is unknown: look for the next record. */
			if (kind == K_SKIP)
				continue;
			return err_doc_warc(r, out, "WARC record without a valid Content-Length");
		}
		pith_status st = warc_block(r, kind, out);
		if (st != PITH_OK || *out || r->done)
			return st;
	}
}

/* ---- the public API ------------------------------------------------------ */

pith_reader *pith_reader_new(pith_ctx *ctx, pith_read_fn read, void *opaque, const char *name)
{
	if (!ctx || !read)
		return NULL;
	pith_reader *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->ctx = ctx;
	gzs_init(&r->src, read, opaque);
	r->win = malloc(WIN_INIT);
	r->name = name ? strdup(name) : NULL;
	if (!r->win || (name && !r->name)) {
		pith_reader_free(r);
		return NULL;
	}
	r->cap = WIN_INIT;
	r->limit = pith_ctx_options(ctx)->max_page_bytes;
	if (!r->limit)
		r->limit = 64u << 20;
	if (r->limit > SIZE_MAX / 4)
		r->limit = SIZE_MAX / 4;
	r->line_limit = r->limit * 2;
	/* Room for the biggest block kept whole (see warc_block) or line, and
	 * a read; the window grows only as far as the input needs. */
	r->win_max = (r->line_limit > SKIP_PEEK ? r->line_limit : SKIP_PEEK) + HEAD_MAX + WIN_INIT;
	return r;
}

void pith_reader_free(pith_reader *r)
{
	if (!r)
		return;
	gzs_free(&r->src);
	if (r->z_live)
		inflateEnd(&r->z);
	warc_head_free(&r->wh);
	pbuf_free(&r->page);
	pbuf_free(&r->tmp);
	free(r->win);
	free(r->name);
	free(r);
}

pith_status pith_reader_next(pith_reader *r, pith_doc **out)
{
	if (!out)
		return PITH_ERR_ARG;
	*out = NULL;
	if (!r)
		return PITH_ERR_ARG;
	if (r->failed)
		return r->failed;
	if (r->done)
		return PITH_OK;
	if (r->kind == PITH_INPUT_UNKNOWN)
		detect(r);
	win_trim(r);
	pith_status st;
	switch (r->kind) {
	case PITH_INPUT_JSONL:
		st = next_jsonl(r, out);
		break;
	case PITH_INPUT_WARC:
		st = next_warc(r, out);
		break;
	default:
		st = next_raw(r, out);
		break;
	}
	/* The document has its own copy of the page: a big window or HTTP
	 * body goes back now, not at the next call, so that it is not held
	 * while the page is processed. */
	win_trim(r);
	if (r->page.cap > SHRINK_AT)
		pbuf_free(&r->page);
	return st;
}

pith_input_kind pith_reader_kind(const pith_reader *r)
{
	return r ? r->kind : PITH_INPUT_UNKNOWN;
}

unsigned long long pith_reader_bytes(const pith_reader *r)
{
	return r ? r->src.consumed : 0;
}
