/* The record reader over in-memory streams: raw pages, JSON Lines, WARC
 * (plain and gzip'd) and their damaged forms. Every case runs with several
 * read sizes, down to one byte a call, so that no parse depends on where a
 * read() happens to end. */
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "internal.h"
#include "pith.h"
#include "unit.h"

/* ---- streams ----------------------------------------------------------- */

typedef struct mem {
	const char *p;
	size_t len, pos, chunk;
	size_t fail_at; /* read() fails once pos reaches this; 0 = never */
} mem;

static long mem_read(void *opaque, void *buf, size_t len)
{
	mem *m = opaque;
	if (m->fail_at && m->pos >= m->fail_at)
		return -1;
	size_t n = m->len - m->pos;
	if (n > len)
		n = len;
	if (n > m->chunk)
		n = m->chunk;
	memcpy(buf, m->p + m->pos, n);
	m->pos += n;
	return (long)n;
}

#define MAXDOCS 16

typedef struct run {
	pith_doc *doc[MAXDOCS];
	int n;
	pith_status st;            /* the status that ended the run */
	pith_input_kind kind;
	unsigned long long bytes;  /* pith_reader_bytes() at the end */
} run;

static const size_t chunks[] = {1, 3, 4096, 1 << 20};
#define NCHUNKS (sizeof chunks / sizeof *chunks)

static void run_free(run *r)
{
	for (int i = 0; i < r->n; i++)
		pith_doc_free(r->doc[i]);
	memset(r, 0, sizeof *r);
}

static void read_all(pith_ctx *ctx, const char *p, size_t len, size_t chunk, const char *name,
		     run *out)
{
	mem m = {p, len, 0, chunk, 0};
	memset(out, 0, sizeof *out);
	pith_reader *r = pith_reader_new(ctx, mem_read, &m, name);
	for (int guard = 0; guard < 1000; guard++) {
		pith_doc *d = NULL;
		out->st = pith_reader_next(r, &d);
		if (out->st != PITH_OK || !d)
			break;
		if (out->n < MAXDOCS)
			out->doc[out->n++] = d;
		else
			pith_doc_free(d);
	}
	/* After the end, the end again. */
	pith_doc *d = (pith_doc *)1;
	if (out->st == PITH_OK)
		CHECK(pith_reader_next(r, &d) == PITH_OK && d == NULL);
	out->kind = pith_reader_kind(r);
	out->bytes = pith_reader_bytes(r);
	pith_reader_free(r);
}

/* The raw page bytes of a document not yet decoded. */
static int raw_is(const pith_doc *d, const char *want)
{
	return d && d->raw && d->rawlen == strlen(want) && !memcmp(d->raw, want, d->rawlen);
}

static const char *field(const pith_doc *d, const char *key) { return d ? rec_get_str(d, key) : NULL; }

/* One gzip member of s appended to out. */
static void gz_member(pbuf *out, const char *s, size_t n)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
	size_t cap = deflateBound(&z, n);
	pbuf_reserve(out, cap);
	z.next_in = (Bytef *)s;
	z.avail_in = (uInt)n;
	z.next_out = (Bytef *)out->p + out->len;
	z.avail_out = (uInt)cap;
	deflate(&z, Z_FINISH);
	out->len += cap - z.avail_out;
	deflateEnd(&z);
}

/* A zlib or raw deflate stream (wbits 15 or -15) of s. */
static void deflate_to(pbuf *out, const char *s, size_t n, int wbits)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	deflateInit2(&z, 6, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY);
	size_t cap = deflateBound(&z, n);
	pbuf_reserve(out, cap);
	z.next_in = (Bytef *)s;
	z.avail_in = (uInt)n;
	z.next_out = (Bytef *)out->p + out->len;
	z.avail_out = (uInt)cap;
	deflate(&z, Z_FINISH);
	out->len += cap - z.avail_out;
	deflateEnd(&z);
}

/* ---- WARC building ----------------------------------------------------- */

/* One WARC record: header fields (lines without CRLF, NULL-terminated), the
 * block, and Content-Length = strlen(block) + delta (a lying length). */
static void warc_rec(pbuf *out, const char *type, const char *uri, const char *ctype,
		     const char *extra, const char *block, size_t blen, long delta)
{
	static int serial;
	pbuf_addf(out, "WARC/1.1\r\nWARC-Type: %s\r\n", type);
	pbuf_addf(out, "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\n", ++serial);
	pbuf_adds(out, "WARC-Date: 2025-06-06T10:00:00Z\r\n");
	if (uri)
		pbuf_addf(out, "WARC-Target-URI: %s\r\n", uri);
	if (ctype)
		pbuf_addf(out, "Content-Type: %s\r\n", ctype);
	if (extra)
		pbuf_adds(out, extra);
	pbuf_addf(out, "Content-Length: %ld\r\n\r\n", (long)blen + delta);
	pbuf_add(out, block, blen);
	pbuf_adds(out, "\r\n\r\n");
}

static void warc_recs(pbuf *out, const char *type, const char *uri, const char *ctype,
		      const char *block)
{
	warc_rec(out, type, uri, ctype, NULL, block, strlen(block), 0);
}

#define HTML1 "<html><head><title>One</title></head><body><p>First page.</p></body></html>"
#define HTML2 "<html><body><p>Second page, gzip'd and chunked.</p></body></html>"
#define TEXT3 "A text dump.\nSecond line.\n"
#define HTTP_T "application/http; msgtype=response"

/* An HTTP response: head lines (CRLF-joined) and a body. */
static void http_resp(pbuf *out, const char *head, const char *body, size_t blen)
{
	pbuf_reset(out);
	pbuf_adds(out, head);
	pbuf_adds(out, "\r\n\r\n");
	pbuf_add(out, body, blen);
}

/* ---- raw pages --------------------------------------------------------- */

static void test_raw(pith_ctx *ctx)
{
	for (size_t c = 0; c < NCHUNKS; c++) {
		run r;
		read_all(ctx, HTML1, strlen(HTML1), chunks[c], "page.html", &r);
		CHECK(r.st == PITH_OK && r.n == 1);
		CHECK(r.kind == PITH_INPUT_RAW);
		CHECK(raw_is(r.doc[0], HTML1));
		CHECK_STR(field(r.doc[0], "file"), "page.html");
		CHECK(pith_doc_error(r.doc[0]) == NULL && pith_doc_warning(r.doc[0]) == NULL);
		CHECK(r.bytes == strlen(HTML1));
		run_free(&r);

		read_all(ctx, TEXT3, strlen(TEXT3), chunks[c], "-", &r);
		CHECK(r.n == 1 && raw_is(r.doc[0], TEXT3));
		CHECK_STR(field(r.doc[0], "file"), "-");
		run_free(&r);

		read_all(ctx, TEXT3, strlen(TEXT3), chunks[c], NULL, &r);
		CHECK(r.n == 1 && field(r.doc[0], "file") == NULL);
		run_free(&r);

		/* An empty file is still one page (decode calls it empty). */
		read_all(ctx, "", 0, chunks[c], "empty.txt", &r);
		CHECK(r.st == PITH_OK && r.n == 1 && raw_is(r.doc[0], ""));
		run_free(&r);

		/* Starts like WARC but is not; starts with white space. */
		read_all(ctx, "WARC/2 is not a thing", 21, chunks[c], "x", &r);
		CHECK(r.kind == PITH_INPUT_RAW && r.n == 1);
		run_free(&r);
		read_all(ctx, "\n\n  Text.", 9, chunks[c], "x", &r);
		CHECK(r.kind == PITH_INPUT_RAW && r.n == 1 && raw_is(r.doc[0], "\n\n  Text."));
		run_free(&r);
	}
}

static void test_raw_gzip(pith_ctx *ctx)
{
	pbuf g = PBUF_INIT;
	gz_member(&g, HTML1, strlen(HTML1));
	for (size_t c = 0; c < NCHUNKS; c++) {
		run r;
		read_all(ctx, g.p, g.len, chunks[c], "page.html.gz", &r);
		CHECK(r.n == 1 && r.kind == PITH_INPUT_RAW && raw_is(r.doc[0], HTML1));
		CHECK(r.bytes == g.len);
		run_free(&r);
	}
	pbuf_free(&g);
}

static void test_raw_limit(void)
{
	pith_options o;
	pith_options_init(&o);
	o.max_page_bytes = 100;
	pith_ctx *ctx = pith_ctx_new(&o);
	char page[1000];
	for (size_t i = 0; i < sizeof page; i++)
		page[i] = (char)('a' + i % 26);
	for (size_t c = 0; c < NCHUNKS; c++) {
		run r;
		read_all(ctx, page, sizeof page, chunks[c], "big.txt", &r);
		CHECK(r.n == 1 && r.doc[0]->rawlen == 100 && !memcmp(r.doc[0]->raw, page, 100));
		CHECK_STR(pith_doc_warning(r.doc[0]), "page cut at 100 bytes");
		CHECK(r.bytes == sizeof page); /* the rest was read past */
		run_free(&r);
	}
	pith_ctx_free(ctx);
}

/* ---- JSON Lines -------------------------------------------------------- */

static void test_jsonl(pith_ctx *ctx)
{
	const char *in = "\xef\xbb\xbf{\"url\":\"http://a/1\",\"html\":\"<p>a</p>\"}\r\n"
			 "\n"
			 "   \r\n"
			 "{\"url\":\"http://a/2\",\"id\":7}\n"
			 "{\"url\":\"http://a/3\"}"; /* no final newline */
	for (size_t c = 0; c < NCHUNKS; c++) {
		run r;
		read_all(ctx, in, strlen(in), chunks[c], "in.jsonl", &r);
		CHECK(r.st == PITH_OK && r.n == 3 && r.kind == PITH_INPUT_JSONL);
		CHECK_STR(pith_doc_url(r.doc[0]), "http://a/1");
		CHECK_STR(pith_doc_url(r.doc[1]), "http://a/2");
		CHECK_STR(pith_doc_url(r.doc[2]), "http://a/3");
		for (int i = 0; i < r.n; i++)
			CHECK(pith_doc_error(r.doc[i]) == NULL && field(r.doc[i], "file") == NULL);
		run_free(&r);
	}
}

static void test_jsonl_bad(pith_ctx *ctx)
{
	const char *in = "{\"url\":\"u1\"}\n"
			 "{\"url\": oops}\n"
			 "[1,2]\n"
			 "{\"url\":\"\xff\xfe\"}\n"
			 "\n"
			 "{\"url\":\"u6\"}\n";
	for (size_t c = 0; c < NCHUNKS; c++) {
		run r;
		read_all(ctx, in, strlen(in), chunks[c], "bad.jsonl", &r);
		CHECK(r.st == PITH_OK && r.n == 5);
		CHECK_STR(pith_doc_url(r.doc[0]), "u1");
		const char *e = pith_doc_error(r.doc[1]);
		CHECK(e && !strncmp(e, "line 2: invalid JSON: ", 22));
		CHECK_STR(field(r.doc[1], "file"), "bad.jsonl");
		CHECK_STR(pith_doc_error(r.doc[2]), "line 3: not a JSON object");
		e = pith_doc_error(r.doc[3]);
		CHECK(e && !strncmp(e, "line 4: invalid JSON", 20));
		CHECK_STR(pith_doc_url(r.doc[4]), "u6");
		CHECK(pith_doc_error(r.doc[4]) == NULL);
		run_free(&r);
	}
}

static void test_jsonl_long(void)
{
	pith_options o;
	pith_options_init(&o);
	o.max_page_bytes = 64;
	pith_ctx *ctx = pith_ctx_new(&o);
	pbuf in = PBUF_INIT;
	pbuf_adds(&in, "{\"url\":\"short\"}\n{\"html\":\"");
	for (int i = 0; i < 5000; i++)
		pbuf_addc(&in, 'x');
	pbuf_adds(&in, "\"}\n{\"url\":\"after\"}\n");
	for (size_t c = 0; c < NCHUNKS; c++) {
		run r;
		read_all(ctx, in.p, in.len, chunks[c], "long.jsonl", &r);
		CHECK(r.n == 3);
		CHECK_STR(pith_doc_url(r.doc[0]), "short");
		CHECK_STR(pith_doc_error(r.doc[1]), "line 2: longer than the page limit (64 bytes)");
		CHECK_STR(pith_doc_url(r.doc[2]), "after");
		run_free(&r);
	}
	pbuf_free(&in);
	pith_ctx_free(ctx);
}

/* ---- WARC -------------------------------------------------------------- */

/* warcinfo, request, response (chunked + gzip), response (plain), resource
 * (text), revisit, metadata: three pages. */
static void build_basic(pbuf *w)
{
	pbuf http = PBUF_INIT, gz = PBUF_INIT, body = PBUF_INIT;
	warc_recs(w, "warcinfo", NULL, "application/warc-fields", "software: test\r\nformat: WARC\r\n");
	warc_recs(w, "request", "http://example.com/a", "application/http; msgtype=request",
		  "GET /a HTTP/1.1\r\nHost: example.com\r\n\r\n");
	/* chunked over gzip: the gzip bytes cut into two chunks, with an
	 * extension on the first */
	gz_member(&gz, HTML2, strlen(HTML2));
	size_t half = gz.len / 2;
	pbuf_addf(&body, "%zx;ext=1\r\n", half);
	pbuf_add(&body, gz.p, half);
	pbuf_addf(&body, "\r\n%zX\r\n", gz.len - half);
	pbuf_add(&body, gz.p + half, gz.len - half);
	pbuf_adds(&body, "\r\n0\r\nX-Trailer: 1\r\n\r\n");
	http_resp(&http,
		  "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n"
		  "Transfer-Encoding: chunked\r\nContent-Encoding: gzip",
		  body.p, body.len);
	warc_rec(w, "response", "<http://example.com/b>", HTTP_T, NULL, http.p, http.len, 0);
	http_resp(&http, "HTTP/1.0 200 OK\r\ncontent-type: text/html", HTML1, strlen(HTML1));
	warc_rec(w, "response", "  http://example.com/a  ", HTTP_T, NULL, http.p, http.len, 0);
	warc_recs(w, "resource", "file:///dump.txt", "text/plain; charset=gbk", TEXT3);
	warc_recs(w, "revisit", "http://example.com/a", HTTP_T, "HTTP/1.1 200 OK\r\n\r\n");
	warc_recs(w, "metadata", "http://example.com/a", "application/warc-fields", "via: x\r\n");
	pbuf_free(&http);
	pbuf_free(&gz);
	pbuf_free(&body);
}

static void check_basic(const run *r)
{
	CHECK(r->st == PITH_OK && r->n == 3 && r->kind == PITH_INPUT_WARC);
	if (r->n != 3)
		return;
	CHECK(raw_is(r->doc[0], HTML2));
	CHECK_STR(pith_doc_url(r->doc[0]), "http://example.com/b");
	const char *id = field(r->doc[0], "warc_id");
	CHECK(id && !strncmp(id, "<urn:uuid:", 10) && id[strlen(id) - 1] == '>');
	CHECK_STR(field(r->doc[0], "warc_date"), "2025-06-06T10:00:00Z");
	CHECK_STR(r->doc[0]->content_type, "text/html; charset=UTF-8");
	CHECK(pith_doc_error(r->doc[0]) == NULL && pith_doc_warning(r->doc[0]) == NULL);
	CHECK(raw_is(r->doc[1], HTML1));
	CHECK_STR(pith_doc_url(r->doc[1]), "http://example.com/a");
	CHECK_STR(r->doc[1]->content_type, "text/html");
	CHECK(raw_is(r->doc[2], TEXT3));
	CHECK_STR(pith_doc_url(r->doc[2]), "file:///dump.txt");
	CHECK_STR(r->doc[2]->content_type, "text/plain; charset=gbk");
	CHECK(field(r->doc[2], "file") == NULL);
}

static void test_warc_basic(pith_ctx *ctx)
{
	pbuf w = PBUF_INIT;
	build_basic(&w);
	for (size_t c = 0; c < NCHUNKS; c++) {
		run r;
		read_all(ctx, w.p, w.len, chunks[c], "in.warc", &r);
		check_basic(&r);
		CHECK(r.bytes == w.len);
		run_free(&r);
	}
	/* The same archive with LF-only line ends and record ends, and a BOM
	 * and blank lines before the first record. */
	pbuf lf = PBUF_INIT;
	pbuf_adds(&lf, "\xef\xbb\xbf\n");
	pbuf_adds(&lf, "WARC/1.0\nWARC-Type: resource\nWARC-Target-URI: http://lf/\n"
		       "Content-Type: text/html\nContent-Length: 13\n\n<p>Hello</p>\n\n\n");
	pbuf_adds(&lf, "WARC/1.0\nWARC-Type: resource\nContent-Length: 5\n\nplain\n\n");
	for (size_t c = 0; c < NCHUNKS; c++) {
		run r;
		read_all(ctx, lf.p, lf.len, chunks[c], "lf.warc", &r);
		CHECK(r.n == 2 && r.kind == PITH_INPUT_WARC);
		CHECK(raw_is(r.doc[0], "<p>Hello</p>\n"));
		CHECK_STR(pith_doc_url(r.doc[0]), "http://lf/");
		CHECK(raw_is(r.doc[1], "plain")); /* no type: sniffed as text */
		run_free(&r);
	}
	pbuf_free(&lf);
	pbuf_free(&w);
}

/* Responses that are no pages, and encodings. */
static void test_warc_http(pith_ctx *ctx)
{
	pbuf w = PBUF_INIT, http = PBUF_INIT, z = PBUF_INIT;
	http_resp(&http, "HTTP/1.1 404 Not Found\r\nContent-Type: text/html", "<p>gone</p>", 11);
	warc_rec(&w, "response", "http://x/404", HTTP_T, NULL, http.p, http.len, 0);
	http_resp(&http, "HTTP/1.1 301 Moved\r\nLocation: http://x/", "", 0);
	warc_rec(&w, "response", "http://x/301", HTTP_T, NULL, http.p, http.len, 0);
	http_resp(&http, "HTTP/1.1 200 OK\r\nContent-Type: image/png", "\x89PNG\r\n\x1a\n", 8);
	warc_rec(&w, "response", "http://x/img", HTTP_T, NULL, http.p, http.len, 0);
	http_resp(&http, "HTTP/1.1 200 OK\r\nContent-Type: application/json", "{}", 2);
	warc_rec(&w, "response", "http://x/api", HTTP_T, NULL, http.p, http.len, 0);
	/* octet-stream: sniffed; the first is a page, the second a GIF */
	http_resp(&http, "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream", HTML1,
		  strlen(HTML1));
	warc_rec(&w, "response", "http://x/sniff", HTTP_T, NULL, http.p, http.len, 0);
	http_resp(&http, "HTTP/1.1 200 OK", "GIF89a\x01\x00", 8);
	warc_rec(&w, "response", "http://x/gif", HTTP_T, NULL, http.p, http.len, 0);
	/* brotli: cannot be undone here */
	http_resp(&http, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br",
		  "\x1b\x03\x00", 3);
	warc_rec(&w, "response", "http://x/br", HTTP_T, NULL, http.p, http.len, 0);
	/* deflate, zlib-wrapped and raw */
	deflate_to(&z, HTML1, strlen(HTML1), 15);
	http_resp(&http, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: deflate",
		  z.p, z.len);
	warc_rec(&w, "response", "http://x/zlib", HTTP_T, NULL, http.p, http.len, 0);
	pbuf_reset(&z);
	deflate_to(&z, HTML2, strlen(HTML2), -15);
	http_resp(&http, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: deflate",
		  z.p, z.len);
	warc_rec(&w, "response", "http://x/raw", HTTP_T, NULL, http.p, http.len, 0);
	/* a corrupt gzip body */
	http_resp(&http, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip",
		  "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xff\xff\xff\xff", 14);
	warc_rec(&w, "response", "http://x/badgz", HTTP_T, NULL, http.p, http.len, 0);
	/* no HTTP head at all */
	warc_recs(&w, "response", "http://x/nohead", HTTP_T, "<html>no head</html>");
	/* crawler-truncated */
	http_resp(&http, "HTTP/1.1 200 OK\r\nContent-Type: text/html", "<p>part", 7);
	warc_rec(&w, "response", "http://x/trunc", HTTP_T, "WARC-Truncated: length\r\n", http.p,
		 http.len, 0);
	/* an interim 100 response ahead of the real one */
	http_resp(&http, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html",
		  HTML2, strlen(HTML2));
	warc_rec(&w, "response", "http://x/100", HTTP_T, NULL, http.p, http.len, 0);
	/* a resource that is a PDF, skipped by type */
	warc_recs(&w, "resource", "http://x/pdf", "application/pdf", "%PDF-1.4");
	/* a request-typed application/http resource: skipped */
	warc_recs(&w, "response", "http://x/req", "application/http;msgtype=request", "GET /");
	for (size_t c = 0; c < NCHUNKS; c++) {
		run r;
		read_all(ctx, w.p, w.len, chunks[c], "http.warc", &r);
		CHECK(r.st == PITH_OK && r.n == 8);
		if (r.n == 8) {
			CHECK(raw_is(r.doc[0], HTML1));
			CHECK_STR(pith_doc_url(r.doc[0]), "http://x/sniff");
			CHECK(r.doc[0]->content_type && !strcmp(r.doc[0]->content_type,
								 "application/octet-stream"));
			CHECK_STR(pith_doc_error(r.doc[1]), "unsupported Content-Encoding: br");
			CHECK_STR(pith_doc_url(r.doc[1]), "http://x/br");
			CHECK(r.doc[1]->raw == NULL);
			CHECK(raw_is(r.doc[2], HTML1));
			CHECK(raw_is(r.doc[3], HTML2));
			CHECK_STR(pith_doc_error(r.doc[4]), "corrupt gzip'd HTTP body");
			CHECK_STR(pith_doc_error(r.doc[5]), "malformed HTTP response in WARC record");
			CHECK(raw_is(r.doc[6], "<p>part"));
			CHECK_STR(pith_doc_warning(r.doc[6]), "page truncated by the crawler (length)");
			CHECK(raw_is(r.doc[7], HTML2));
			CHECK_STR(pith_doc_url(r.doc[7]), "http://x/100");
		}
		run_free(&r);
	}
	pbuf_free(&w);
	pbuf_free(&http);
	pbuf_free(&z);
}

static void test_warc_damaged(pith_ctx *ctx)
{
	pbuf w = PBUF_INIT;
	/* too short a Content-Length, then a good record */
	warc_rec(&w, "resource", "http://d/short", "text/html", NULL, HTML1, strlen(HTML1), -10);
	warc_recs(&w, "resource", "http://d/ok1", "text/html", HTML2);
	/* too long: the next record's head is inside the claimed block */
	warc_rec(&w, "resource", "http://d/long", "text/html", NULL, HTML1, strlen(HTML1), 40);
	warc_recs(&w, "resource", "http://d/ok2", "text/html", HTML2);
	/* garbage between records, and a request with a wrong length (silent) */
	pbuf_adds(&w, "garbage line\r\nmore WARC/1.0 garbage\r\n");
	warc_rec(&w, "request", "http://d/req", "application/http;msgtype=request", NULL,
		 "GET / HTTP/1.1\r\n\r\n", 18, 7);
	warc_recs(&w, "resource", "http://d/ok3", "text/plain", TEXT3);
	/* no Content-Length */
	pbuf_adds(&w, "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://d/nolen\r\n\r\n"
		      "<p>x</p>\r\n\r\n");
	warc_recs(&w, "resource", "http://d/ok4", "text/plain", TEXT3);
	/* truncated last record */
	warc_rec(&w, "resource", "<http://d/trunc>", "text/html", NULL, HTML1, strlen(HTML1), 0);
	w.len -= 20;
	for (size_t c = 0; c < NCHUNKS; c++) {
		run r;
		read_all(ctx, w.p, w.len, chunks[c], "bad.warc", &r);
		CHECK(r.st == PITH_OK && r.n == 8);
		if (r.n == 8) {
			const char *e = pith_doc_error(r.doc[0]);
			CHECK(e && !strncmp(e, "damaged WARC record", 19));
			CHECK_STR(pith_doc_url(r.doc[0]), "http://d/short");
			CHECK(field(r.doc[0], "warc_id") != NULL);
			CHECK_STR(pith_doc_url(r.doc[1]), "http://d/ok1");
			CHECK(raw_is(r.doc[1], HTML2));
			e = pith_doc_error(r.doc[2]);
			CHECK(e && !strncmp(e, "damaged WARC record", 19));
			CHECK_STR(pith_doc_url(r.doc[2]), "http://d/long");
			CHECK_STR(pith_doc_url(r.doc[3]), "http://d/ok2");
			CHECK(raw_is(r.doc[3], HTML2));
			CHECK_STR(pith_doc_url(r.doc[4]), "http://d/ok3");
			CHECK(raw_is(r.doc[4], TEXT3));
			CHECK_STR(pith_doc_error(r.doc[5]), "WARC record without a valid Content-Length");
			CHECK_STR(pith_doc_url(r.doc[5]), "http://d/nolen");
			CHECK(raw_is(r.doc[6], TEXT3));
			CHECK_STR(pith_doc_error(r.doc[7]), "truncated WARC record");
			CHECK_STR(pith_doc_url(r.doc[7]), "http://d/trunc");
			CHECK_STR(field(r.doc[7], "file"), "bad.warc");
			CHECK(r.doc[7]->raw == NULL);
		}
		run_free(&r);
	}
	/* Truncated inside the header. */
	const char *h = "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://d/h\r\nContent-Le";
	for (size_t c = 0; c < NCHUNKS; c++) {
		run r;
		read_all(ctx, h, strlen(h), chunks[c], "h.warc", &r);
		CHECK(r.n == 1 && pith_doc_error(r.doc[0]) &&
		      !strcmp(pith_doc_error(r.doc[0]), "truncated WARC record"));
		run_free(&r);
	}
	pbuf_free(&w);
}

static void test_warc_gzip(pith_ctx *ctx)
{
	/* One member per record, as WARC.gz writers do. */
	pbuf w = PBUF_INIT, g = PBUF_INIT;
	build_basic(&w);
	const char *p = w.p, *end = w.p + w.len;
	while (p < end) {
		const char *q = memmem(p + 1, (size_t)(end - p - 1), "WARC/1.1\r\n", 10);
		if (!q)
			q = end;
		gz_member(&g, p, (size_t)(q - p));
		p = q;
	}
	for (size_t c = 0; c < NCHUNKS; c++) {
		run r;
		read_all(ctx, g.p, g.len, chunks[c], "in.warc.gz", &r);
		check_basic(&r);
		CHECK(r.bytes == g.len);
		run_free(&r);
	}
	/* Truncated: the pages before the cut, then one error record. */
	for (size_t c = 0; c < NCHUNKS; c++) {
		run r;
		read_all(ctx, g.p, g.len - 30, chunks[c], "cut.warc.gz", &r);
		CHECK(r.st == PITH_OK && r.n == 4);
		if (r.n == 4) {
			CHECK(raw_is(r.doc[2], TEXT3));
			const char *e = pith_doc_error(r.doc[3]);
			CHECK(e && !strncmp(e, "corrupt or truncated gzip data", 30));
			CHECK_STR(field(r.doc[3], "file"), "cut.warc.gz");
		}
		run_free(&r);
	}
	/* Corrupt in the middle: what came before, then the error, then the end. */
	pbuf bad = PBUF_INIT;
	pbuf_add(&bad, g.p, g.len);
	for (size_t i = g.len / 2; i < g.len / 2 + 40; i++)
		bad.p[i] ^= 0x5a;
	for (size_t c = 0; c < NCHUNKS; c++) {
		run r;
		read_all(ctx, bad.p, bad.len, chunks[c], "bad.warc.gz", &r);
		CHECK(r.st == PITH_OK && r.n >= 1);
		const char *e = r.n ? pith_doc_error(r.doc[r.n - 1]) : NULL;
		CHECK(e && !strncmp(e, "corrupt or truncated gzip data", 30));
		run_free(&r);
	}
	/* Trailing NUL padding after the last member is no error. */
	pbuf_add(&g, "\0\0\0\0", 4);
	run r;
	read_all(ctx, g.p, g.len, 5, "pad.warc.gz", &r);
	check_basic(&r);
	run_free(&r);
	pbuf_free(&bad);
	pbuf_free(&w);
	pbuf_free(&g);
}

static void test_warc_limit(void)
{
	pith_options o;
	pith_options_init(&o);
	o.max_page_bytes = 100;
	pith_ctx *ctx = pith_ctx_new(&o);
	pbuf w = PBUF_INIT, page = PBUF_INIT, http = PBUF_INIT, g = PBUF_INIT;
	pbuf_adds(&page, "<html><body>");
	while (page.len < 200000)
		pbuf_adds(&page, "<p>Lorem ipsum dolor sit amet.</p>\n");
	/* kept in memory (< limit + header room), cut at the limit */
	warc_rec(&w, "resource", "http://l/1", "text/html", NULL, page.p, 500, 0);
	/* bigger than anything kept: streamed past */
	warc_rec(&w, "resource", "http://l/2", "text/html", NULL, page.p, page.len, 0);
	/* gzip'd body inflating past the limit */
	gz_member(&g, page.p, page.len);
	http_resp(&http, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip",
		  g.p, g.len);
	warc_rec(&w, "response", "http://l/3", HTTP_T, NULL, http.p, http.len, 0);
	/* a big skipped record, over SKIP_PEEK */
	pbuf img = PBUF_INIT;
	pbuf_adds(&img, "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n");
	while (img.len < (3u << 20))
		pbuf_add(&img, page.p, page.len);
	warc_rec(&w, "response", "http://l/img", HTTP_T, NULL, img.p, img.len, 0);
	warc_recs(&w, "resource", "http://l/4", "text/plain", "small");
	for (size_t c = 1; c < NCHUNKS; c++) {
		run r;
		read_all(ctx, w.p, w.len, chunks[c], "limit.warc", &r);
		CHECK(r.st == PITH_OK && r.n == 4);
		if (r.n == 4) {
			for (int i = 0; i < 3; i++) {
				CHECK(r.doc[i]->rawlen == 100 && !memcmp(r.doc[i]->raw, page.p, 100));
				CHECK_STR(pith_doc_warning(r.doc[i]), "page cut at 100 bytes");
			}
			CHECK_STR(pith_doc_url(r.doc[2]), "http://l/3");
			CHECK(raw_is(r.doc[3], "small"));
			CHECK(pith_doc_warning(r.doc[3]) == NULL);
		}
		run_free(&r);
	}
	/* The big record cut short by the end of the input. */
	pbuf_reset(&w);
	warc_rec(&w, "resource", "http://l/big", "text/html", NULL, page.p, page.len, 0);
	run r;
	read_all(ctx, w.p, w.len - 5000, 4096, "cut.warc", &r);
	CHECK(r.n == 1 && pith_doc_error(r.doc[0]) &&
	      !strcmp(pith_doc_error(r.doc[0]), "truncated WARC record"));
	run_free(&r);
	/* A big record whose length is too short: damaged, the next one read. */
	pbuf_reset(&w);
	warc_rec(&w, "resource", "http://l/big", "text/html", NULL, page.p, page.len, -3);
	warc_recs(&w, "resource", "http://l/5", "text/plain", "after");
	read_all(ctx, w.p, w.len, 4096, "lie.warc", &r);
	CHECK(r.n == 2 && pith_doc_error(r.doc[0]) && raw_is(r.doc[1], "after"));
	run_free(&r);
	pbuf_free(&w);
	pbuf_free(&page);
	pbuf_free(&http);
	pbuf_free(&g);
	pbuf_free(&img);
	pith_ctx_free(ctx);
}

/* ---- the stream failing, and the API's edges ---------------------------- */

static void test_io_error(pith_ctx *ctx)
{
	const char *in = "{\"url\":\"a\"}\n{\"url\":\"b\"}\n{\"url\":\"c\"}\n";
	mem m = {in, strlen(in), 0, 12, 12};
	pith_reader *r = pith_reader_new(ctx, mem_read, &m, "pipe");
	pith_doc *d = NULL;
	CHECK(pith_reader_next(r, &d) == PITH_OK && d);
	CHECK_STR(pith_doc_url(d), "a");
	pith_doc_free(d);
	CHECK(pith_reader_next(r, &d) == PITH_ERR_IO && d == NULL);
	CHECK(strstr(pith_ctx_errmsg(ctx), "pipe") != NULL);
	CHECK(pith_reader_next(r, &d) == PITH_ERR_IO);
	pith_reader_free(r);

	CHECK(pith_reader_new(NULL, mem_read, &m, "x") == NULL);
	CHECK(pith_reader_new(ctx, NULL, &m, "x") == NULL);
	CHECK(pith_reader_next(NULL, &d) == PITH_ERR_ARG);
	CHECK(pith_reader_kind(NULL) == PITH_INPUT_UNKNOWN);
	CHECK(pith_reader_bytes(NULL) == 0);
	pith_reader_free(NULL);
	/* A reader freed before its end. */
	m.pos = 0;
	m.fail_at = 0;
	r = pith_reader_new(ctx, mem_read, &m, NULL);
	CHECK(pith_reader_kind(r) == PITH_INPUT_UNKNOWN);
	CHECK(pith_reader_next(r, &d) == PITH_OK && d);
	CHECK(pith_reader_kind(r) == PITH_INPUT_JSONL);
	pith_doc_free(d);
	pith_reader_free(r);
}

/* Every prefix of a gzip'd WARC: never a crash or a hang, always an end. */
static void test_prefixes(pith_ctx *ctx)
{
	pbuf w = PBUF_INIT, g = PBUF_INIT;
	build_basic(&w);
	gz_member(&g, w.p, w.len);
	int ok = 1;
	for (size_t n = 0; n <= w.len; n += 7) {
		run r;
		read_all(ctx, w.p, n, 4096, "p.warc", &r);
		ok &= r.st == PITH_OK && r.n <= 4;
		run_free(&r);
	}
	for (size_t n = 0; n <= g.len; n += 3) {
		run r;
		read_all(ctx, g.p, n, 4096, "p.warc.gz", &r);
		ok &= r.st == PITH_OK && r.n <= 4;
		run_free(&r);
	}
	CHECK(ok);
	pbuf_free(&w);
	pbuf_free(&g);
}

int main(void)
{
	pith_ctx *ctx = pith_ctx_new(NULL);
	test_raw(ctx);
	test_raw_gzip(ctx);
	test_raw_limit();
	test_jsonl(ctx);
	test_jsonl_bad(ctx);
	test_jsonl_long();
	test_warc_basic(ctx);
	test_warc_http(ctx);
	test_warc_damaged(ctx);
	test_warc_gzip(ctx);
	test_warc_limit();
	test_io_error(ctx);
	test_prefixes(ctx);
	pith_ctx_free(ctx);
	UNIT_DONE("reader");
}
