/* HTTP/1.x responses as archived in WARC files (RFC 9112): the status line
 * and the header fields the reader needs, chunked bodies, and the media
 * type tests that decide which payloads are pages. */
#ifndef PITH_HTTP_H
#define PITH_HTTP_H

#include <stddef.h>

/* Header fields of interest point into the parsed buffer (not copied). */
typedef struct http_head {
	int status;            /* 200, 404… */
	const char *ctype;     /* Content-Type value, or NULL */
	size_t ctype_len;
	const char *cenc;      /* Content-Encoding value, or NULL */
	size_t cenc_len;
	int chunked;           /* Transfer-Encoding names "chunked" */
	size_t head_len;       /* bytes up to and including the blank line */
} http_head;

/* Parses the head of a response in p[0..n): 1 when whole, 0 when the blank
 * line that ends it is not in p[0..n), -1 when it is not an HTTP response. */
int http_head_parse(http_head *h, const char *p, size_t n);

/* Decodes a chunked body in place and returns its new length. A body whose
 * first chunk line is malformed is returned as is (some crawlers store the
 * body de-chunked but keep the header); a body cut short keeps what came. */
size_t http_dechunk(char *p, size_t n);

/* Content codings the reader can undo. */
enum http_coding { HTTP_IDENTITY = 0, HTTP_GZIP, HTTP_DEFLATE, HTTP_UNSUPPORTED };
enum http_coding http_coding(const char *v, size_t n);

/* What a media type says about a payload: a page (HTML or text), not a
 * page, or unknown (missing, octet-stream): then sniff the bytes. */
enum http_media { MEDIA_PAGE = 0, MEDIA_SNIFF, MEDIA_OTHER };
enum http_media http_media(const char *v, size_t n);

/* Whether bytes of an unknown type look like text or markup rather than an
 * image, PDF, archive or other binary data. */
int http_sniff_text(const char *p, size_t n);

/* Case-insensitive search for tok in v[0..n) as a whole token
 * (delimited by start, end, ',', ';' or white space). */
int http_has_token(const char *v, size_t n, const char *tok);

#endif
