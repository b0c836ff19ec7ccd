/* Growable byte buffers: the one string builder used across libpith. */
#ifndef PITH_BUF_H
#define PITH_BUF_H

#include <stdarg.h>
#include <stddef.h>

/* p is always NUL-terminated once anything was added (or after pbuf_cstr). */
typedef struct pbuf {
	char *p;
	size_t len, cap;
	int oom; /* set once an allocation failed; later adds are no-ops */
} pbuf;

#define PBUF_INIT {NULL, 0, 0, 0}

int pbuf_reserve(pbuf *b, size_t extra);
void pbuf_add(pbuf *b, const void *s, size_t n);
void pbuf_adds(pbuf *b, const char *s);
void pbuf_addc(pbuf *b, int c);
void pbuf_addf(pbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void pbuf_addcp(pbuf *b, unsigned cp); /* one code point as UTF-8 */
/* Adds s as UTF-8, each invalid byte replaced by U+FFFD; returns their count. */
size_t pbuf_add_valid(pbuf *b, const char *s, size_t n);
const char *pbuf_cstr(pbuf *b);      /* "" for an empty buffer */
char *pbuf_take(pbuf *b);            /* caller owns the string; b is reset */
void pbuf_reset(pbuf *b);            /* len = 0, keeps the memory */
void pbuf_free(pbuf *b);

#endif
