#include "http.h"

#include <string.h>
#include <strings.h>

static int is_ws(int c) { return c == ' ' || c == '\t'; }

static void trim(const char **s, size_t *n)
{
	while (*n && is_ws((unsigned char)**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n && (is_ws((unsigned char)(*s)[*n - 1]) || (*s)[*n - 1] == '\r'))
		(*n)--;
}

static int name_is(const char *p, size_t n, const char *name)
{
	return strlen(name) == n && strncasecmp(p, name, n) == 0;
}

int http_has_token(const char *v, size_t n, const char *tok)
{
	size_t tl = strlen(tok);
	for (size_t i = 0; i + tl <= n; i++) {
		if (strncasecmp(v + i, tok, tl))
			continue;
		int before = i == 0 || memchr(",; \t", v[i - 1], 4);
		int after = i + tl == n || memchr(",; \t", v[i + tl], 4);
		if (before && after)
			return 1;
	}
	return 0;
}

/* Lenient on purpose: archived heads carry LF-only line ends, junk lines
 * and odd versions; only the status line must be right. */
int http_head_parse(http_head *h, const char *p, size_t n)
{
	memset(h, 0, sizeof *h);
	const char *nl = memchr(p, '\n', n);
	if (strncmp(p, "HTTP/", n < 5 ? n : 5))
		return -1;
	if (!nl)
		return n < 1024 ? 0 : -1; /* no status line is that long */
	/* "HTTP/1.1 200 OK", also "HTTP/2 200" from newer crawlers. */
	const char *s = p + 5;
	while (s < nl && !is_ws((unsigned char)*s))
		s++;
	while (s < nl && is_ws((unsigned char)*s))
		s++;
	if (nl - s < 3 || !memchr("0123456789", s[0], 10) || !memchr("0123456789", s[1], 10) ||
	    !memchr("0123456789", s[2], 10))
		return -1;
	h->status = (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
	const char *line = nl + 1, *end = p + n;
	while (line < end) {
		nl = memchr(line, '\n', (size_t)(end - line));
		if (!nl)
			return 0;
		size_t len = (size_t)(nl - line);
		if (len && line[len - 1] == '\r')
			len--;
		if (!len) {
			h->head_len = (size_t)(nl + 1 - p);
			return 1;
		}
		const char *colon = memchr(line, ':', len);
		/* Folded continuation lines and junk lines are skipped: none of
		 * the fields read here is ever folded in practice. */
		if (colon && !is_ws((unsigned char)line[0])) {
			const char *v = colon + 1;
			size_t vn = len - (size_t)(v - line);
			size_t kn = (size_t)(colon - line);
			trim(&v, &vn);
			if (name_is(line, kn, "content-type") && !h->ctype) {
				h->ctype = v;
				h->ctype_len = vn;
			} else if (name_is(line, kn, "content-encoding") && vn) {
				h->cenc = v;
				h->cenc_len = vn;
			} else if (name_is(line, kn, "transfer-encoding") &&
				   http_has_token(v, vn, "chunked")) {
				h->chunked = 1;
			}
		}
		line = nl + 1;
	}
	return 0;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Parses a chunk-size line at p[0..n): the size, with *next after its
 * line end; -1 when malformed, -2 when the line is not complete. */
static long long chunk_line(const char *p, size_t n, size_t *next)
{
	size_t i = 0;
	long long size = 0;
	int v;
	while (i < n && (v = hexval((unsigned char)p[i])) >= 0) {
		if (i >= 15)
			return -1; /* more than 2^60: not a chunk size */
		size = size * 16 + v;
		i++;
	}
	if (i == 0)
		return i < n ? -1 : -2;
	while (i < n && is_ws((unsigned char)p[i]))
		i++;
	/* Only white space, an extension or the line end may follow: a text
	 * body that happens to start with hex letters ("Deface…") is no
	 * chunk line. */
	if (i < n && p[i] != ';' && p[i] != '\r' && p[i] != '\n')
		return -1;
	const char *nl = memchr(p + i, '\n', n - i);
	if (!nl)
		return -2;
	*next = (size_t)(nl + 1 - p);
	return size;
}

size_t http_dechunk(char *p, size_t n)
{
	size_t in = 0, out = 0, next = 0;
	long long size = chunk_line(p, n, &next);
	if (size == -1)
		return n;
	while (size > 0) {
		in = next;
		size_t take = (unsigned long long)size < n - in ? (size_t)size : n - in;
		memmove(p + out, p + in, take);
		out += take;
		in += take;
		/* The CRLF after the data; LF alone is taken too. */
		if (in < n && p[in] == '\r')
			in++;
		if (in < n && p[in] == '\n')
			in++;
		if (in >= n)
			break;
		size = chunk_line(p + in, n - in, &next);
		next += in;
	}
	/* Size 0 is the last chunk; trailer fields after it are dropped. */
	return out;
}

enum http_coding http_coding(const char *v, size_t n)
{
	trim(&v, &n);
	if (!n || name_is(v, n, "identity") || name_is(v, n, "none"))
		return HTTP_IDENTITY;
	if (name_is(v, n, "gzip") || name_is(v, n, "x-gzip"))
		return HTTP_GZIP;
	if (name_is(v, n, "deflate"))
		return HTTP_DEFLATE;
	return HTTP_UNSUPPORTED;
}

/* Media types by class. Types not listed are not pages (images, PDF, JSON,
 * scripts, feeds…). */
static const struct {
	const char *type;
	enum http_media media;
} media_types[] = {
	{"text/html", MEDIA_PAGE},
	{"application/xhtml+xml", MEDIA_PAGE},
	{"text/plain", MEDIA_PAGE},
	{"application/octet-stream", MEDIA_SNIFF},
	{"binary/octet-stream", MEDIA_SNIFF},
	{"application/unknown", MEDIA_SNIFF},
	{"unknown/unknown", MEDIA_SNIFF},
	{"*/*", MEDIA_SNIFF},
};

enum http_media http_media(const char *v, size_t n)
{
	if (!v)
		return MEDIA_SNIFF;
	const char *semi = memchr(v, ';', n);
	if (semi)
		n = (size_t)(semi - v);
	trim(&v, &n);
	if (!n)
		return MEDIA_SNIFF;
	for (size_t i = 0; i < sizeof media_types / sizeof *media_types; i++)
		if (name_is(v, n, media_types[i].type))
			return media_types[i].media;
	/* A value without a slash is no media type: judge the bytes. */
	return memchr(v, '/', n) ? MEDIA_OTHER : MEDIA_SNIFF;
}

/* Leading bytes of common binary formats served without a proper type. */
static const struct {
	const char *magic;
	size_t len;
} binary_magic[] = {
	{"\x89PNG", 4}, {"GIF8", 4}, {"\xff\xd8\xff", 3}, {"%PDF-", 5},
	{"PK\x03\x04", 4}, {"\x1f\x8b", 2}, {"RIFF", 4}, {"OggS", 4},
	{"wOFF", 4}, {"wOF2", 4}, {"\x00\x00\x01\x00", 4}, {"BZh", 3},
	{"7z\xbc\xaf", 4}, {"\xd0\xcf\x11\xe0", 4}, {"ID3", 3}, {"fLaC", 4},
};

int http_sniff_text(const char *p, size_t n)
{
	if (n == 0)
		return 0;
	if (n > 1024)
		n = 1024;
	const unsigned char *u = (const unsigned char *)p;
	/* UTF-16 pages have NULs in them but announce themselves. */
	if (n >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff)))
		return 1;
	for (size_t i = 0; i < sizeof binary_magic / sizeof *binary_magic; i++)
		if (n >= binary_magic[i].len && !memcmp(p, binary_magic[i].magic, binary_magic[i].len))
			return 0;
	if (n >= 8 && !memcmp(p + 4, "ftyp", 4))
		return 0; /* MP4 and friends */
	size_t ctl = 0;
	for (size_t i = 0; i < n; i++) {
		if (u[i] == 0)
			return 0;
		if (u[i] < 0x20 && !memchr("\t\n\r\f\v\x1b", u[i], 6))
			ctl++;
	}
	return ctl * 10 <= n;
}
