#include "warc.h"

#include <string.h>
#include <strings.h>

void warc_head_free(warc_head *h)
{
	pbuf_free(&h->type);
	pbuf_free(&h->uri);
	pbuf_free(&h->id);
	pbuf_free(&h->ctype);
	pbuf_free(&h->date);
	pbuf_free(&h->truncated);
}

static int is_space(int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

void warc_clean_uri(pbuf *out, const char *s, size_t n)
{
	pbuf_reset(out);
	while (n && is_space((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n && is_space((unsigned char)s[n - 1]))
		n--;
	if (n >= 2 && s[0] == '<' && s[n - 1] == '>') {
		s++;
		n -= 2;
	}
	/* White space inside a URI is never part of it (a folded header or a
	 * writer's bug); drop it rather than keep a broken URL. */
	for (size_t i = 0; i < n; i++)
		if (!is_space((unsigned char)s[i]))
			pbuf_addc(out, s[i]);
}

/* Content-Length: decimal digits only; anything else makes the record
 * unreadable (the block's end is unknown). */
static int parse_length(const char *v, size_t n, unsigned long long *out)
{
	unsigned long long x = 0;
	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i] < '0' || v[i] > '9' || x > (1ull << 60))
			return 0;
		x = x * 10 + (unsigned)(v[i] - '0');
	}
	*out = x;
	return 1;
}

/* The fields kept, by name. */
enum { F_TYPE, F_URI, F_ID, F_CTYPE, F_DATE, F_TRUNC, F_LENGTH, F_N };
static const char *const field_names[F_N] = {
	[F_TYPE] = "WARC-Type",     [F_URI] = "WARC-Target-URI", [F_ID] = "WARC-Record-ID",
	[F_CTYPE] = "Content-Type", [F_DATE] = "WARC-Date",      [F_TRUNC] = "WARC-Truncated",
	[F_LENGTH] = "Content-Length",
};

void warc_head_parse(warc_head *h, const char *p, size_t n)
{
	pbuf *slot[F_N] = {&h->type, &h->uri, &h->id, &h->ctype, &h->date, &h->truncated, NULL};
	int seen[F_N] = {0};
	for (int i = 0; i < F_N; i++)
		if (slot[i])
			pbuf_reset(slot[i]);
	h->length = 0;
	h->has_length = 0;
	const char *end = p + n;
	/* The first line is the version, checked by the caller. */
	const char *line = memchr(p, '\n', n);
	line = line ? line + 1 : end;
	while (line < end) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		const char *eol = nl ? nl : end;
		const char *colon = memchr(line, ':', (size_t)(eol - line));
		if (colon && !is_space((unsigned char)line[0])) {
			size_t kn = (size_t)(colon - line);
			const char *v = colon + 1;
			size_t vn = (size_t)(eol - v);
			while (vn && is_space((unsigned char)*v)) {
				v++;
				vn--;
			}
			while (vn && is_space((unsigned char)v[vn - 1]))
				vn--;
			for (int i = 0; i < F_N; i++) {
				if (seen[i] || strlen(field_names[i]) != kn ||
				    strncasecmp(line, field_names[i], kn))
					continue;
				seen[i] = 1;
				if (i == F_LENGTH)
					h->has_length = parse_length(v, vn, &h->length);
				else if (i == F_URI)
					warc_clean_uri(slot[i], v, vn);
				else
					pbuf_add(slot[i], v, vn);
				break;
			}
		}
		line = eol + 1;
	}
}
