#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

int pbuf_reserve(pbuf *b, size_t extra)
{
	if (b->oom)
		return -1;
	if (b->len + extra + 1 <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1) {
		if (cap > ((size_t)-1) / 2) {
			b->oom = 1;
			return -1;
		}
		cap *= 2;
	}
	char *p = realloc(b->p, cap);
	if (!p) {
		b->oom = 1;
		return -1;
	}
	b->p = p;
	b->cap = cap;
	return 0;
}

void pbuf_add(pbuf *b, const void *s, size_t n)
{
	if (pbuf_reserve(b, n))
		return;
	if (n)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = 0;
}

void pbuf_adds(pbuf *b, const char *s) { pbuf_add(b, s, strlen(s)); }

void pbuf_addc(pbuf *b, int c)
{
	if (pbuf_reserve(b, 1))
		return;
	b->p[b->len++] = (char)c;
	b->p[b->len] = 0;
}

void pbuf_addf(pbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char tmp[256];
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof tmp) {
		pbuf_add(b, tmp, (size_t)n);
		return;
	}
	if (pbuf_reserve(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void pbuf_addcp(pbuf *b, unsigned cp)
{
	char tmp[4];
	pbuf_add(b, tmp, u8_encode(cp, tmp));
}

size_t pbuf_add_valid(pbuf *b, const char *s, size_t n)
{
	size_t bad = 0;
	while (n) {
		size_t ok = u8_valid_prefix(s, n);
		pbuf_add(b, s, ok);
		s += ok;
		n -= ok;
		if (n) {
			pbuf_addcp(b, U8_REPLACEMENT);
			bad++;
			s++;
			n--;
		}
	}
	return bad;
}

const char *pbuf_cstr(pbuf *b)
{
	return b->p && !b->oom ? b->p : "";
}

char *pbuf_take(pbuf *b)
{
	char *p = b->p;
	if (!p || b->oom) {
		free(p);
		p = b->oom ? NULL : strdup("");
	}
	b->p = NULL;
	b->len = b->cap = 0;
	b->oom = 0;
	return p;
}

void pbuf_reset(pbuf *b)
{
	b->len = 0;
	if (b->p)
		b->p[0] = 0;
}

void pbuf_free(pbuf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
	b->oom = 0;
}
