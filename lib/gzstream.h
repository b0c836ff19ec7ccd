/* The reader's byte source: a pith_read_fn, gunzipped on the fly when the
 * stream starts with the gzip magic. Concatenated gzip members (a WARC.gz
 * holds one per record) read as one stream. */
#ifndef PITH_GZSTREAM_H
#define PITH_GZSTREAM_H

#include <stddef.h>
#include <zlib.h>

#include "pith.h"

typedef struct gzs {
	pith_read_fn read;
	void *opaque;
	unsigned long long consumed; /* bytes taken from read() */
	unsigned char *in;           /* compressed input, or the peeked bytes */
	size_t in_pos, in_len, in_cap;
	z_stream z;
	int mode;       /* GZS_UNKNOWN until the first bytes are seen */
	int z_live;     /* z was initialised */
	int member_end; /* a member ended; the next must start with the magic */
	int eof;        /* read() returned 0 */
	pith_status err;  /* sticky: PITH_ERR_IO, _GZIP or _NOMEM */
	char msg[96];     /* detail of err */
} gzs;

enum { GZS_UNKNOWN = 0, GZS_PLAIN, GZS_GZIP };

void gzs_init(gzs *s, pith_read_fn read, void *opaque);
void gzs_free(gzs *s);
/* Up to len bytes of the (decompressed) stream into buf: the count, 0 at
 * the end, -1 on failure (s->err and s->msg tell which). Bytes produced
 * before a failure are returned first; the failure comes on the next call. */
long gzs_read(gzs *s, char *buf, size_t len);

#endif
