#include "gzstream.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Compressed input is read in blocks of this size; big enough that the
 * read() callback is not the cost per record. */
#define GZS_IN_CAP (128u << 10)

void gzs_init(gzs *s, pith_read_fn read, void *opaque)
{
	memset(s, 0, sizeof *s);
	s->read = read;
	s->opaque = opaque;
}

void gzs_free(gzs *s)
{
	if (s->z_live)
		inflateEnd(&s->z);
	free(s->in);
	s->in = NULL;
	s->z_live = 0;
}

static long fail(gzs *s, pith_status st, const char *msg)
{
	s->err = st;
	snprintf(s->msg, sizeof s->msg, "%s", msg);
	return -1;
}

/* One call of the user's read(); a count beyond len is treated as an error
 * rather than trusted. */
static long raw_read(gzs *s, void *buf, size_t len)
{
	long n = s->read(s->opaque, buf, len);
	if (n < 0 || (size_t)n > len)
		return fail(s, PITH_ERR_IO, "read error");
	if (n == 0)
		s->eof = 1;
	s->consumed += (unsigned long long)n;
	return n;
}

/* Refills the input buffer once it is used up: >0 bytes, 0 end, -1 error. */
static long refill(gzs *s)
{
	if (s->in_pos < s->in_len)
		return (long)(s->in_len - s->in_pos);
	s->in_pos = s->in_len = 0;
	if (s->eof)
		return 0;
	long n = raw_read(s, s->in, s->in_cap);
	if (n > 0)
		s->in_len = (size_t)n;
	return n;
}

/* Looks at the first two bytes to choose the mode; they stay in s->in. */
static int detect(gzs *s)
{
	s->in = malloc(GZS_IN_CAP);
	if (!s->in)
		return (int)fail(s, PITH_ERR_NOMEM, "out of memory");
	s->in_cap = GZS_IN_CAP;
	while (s->in_len < 2 && !s->eof) {
		long n = raw_read(s, s->in + s->in_len, s->in_cap - s->in_len);
		if (n < 0)
			return -1;
		s->in_len += (size_t)n;
	}
	s->mode = s->in_len >= 2 && s->in[0] == 0x1f && s->in[1] == 0x8b ? GZS_GZIP : GZS_PLAIN;
	return 0;
}

static long read_plain(gzs *s, char *buf, size_t len)
{
	if (s->in_pos < s->in_len) {
		size_t n = s->in_len - s->in_pos;
		if (n > len)
			n = len;
		memcpy(buf, s->in + s->in_pos, n);
		s->in_pos += n;
		return (long)n;
	}
	if (s->eof)
		return 0;
	/* Straight into the caller's buffer: no copy for plain input. */
	return raw_read(s, buf, len);
}

static long read_gzip(gzs *s, char *buf, size_t len)
{
	if (!s->z_live) {
		/* 16+: gzip framing only, with its CRC and length checked, so
		 * a damaged member is caught rather than passed on as text. */
		if (inflateInit2(&s->z, 16 + MAX_WBITS) != Z_OK)
			return fail(s, PITH_ERR_NOMEM, "out of memory");
		s->z_live = 1;
	}
	if (len > UINT_MAX)
		len = UINT_MAX;
	s->z.next_out = (Bytef *)buf;
	s->z.avail_out = (uInt)len;
	/* Loop until some output: one member may end and the next begin
	 * inside one call, and a header alone gives no bytes. */
	while (s->z.avail_out == len) {
		long n = refill(s);
		if (n < 0)
			break;
		if (s->member_end) {
			if (n == 0)
				break; /* the clean end: after a whole member */
			/* Some writers pad the file with NULs; gzip(1) ignores them too. */
			if (s->in[s->in_pos] == 0) {
				s->in_pos++;
				continue;
			}
			if (s->in[s->in_pos] != 0x1f) {
				fail(s, PITH_ERR_GZIP, "trailing garbage after gzip data");
				break;
			}
			/* The next member: WARC.gz files hold one per record. */
			inflateReset(&s->z);
			s->member_end = 0;
		}
		if (n == 0) {
			/* The input ended inside a member: a cut download. */
			fail(s, PITH_ERR_GZIP, "unexpected end of gzip data");
			break;
		}
		s->z.next_in = s->in + s->in_pos;
		s->z.avail_in = (uInt)(s->in_len - s->in_pos);
		int ret = inflate(&s->z, Z_NO_FLUSH);
		s->in_pos = s->in_len - s->z.avail_in;
		if (ret == Z_STREAM_END) {
			s->member_end = 1;
		} else if (ret == Z_MEM_ERROR) {
			fail(s, PITH_ERR_NOMEM, "out of memory");
			break;
		} else if (ret != Z_OK && ret != Z_BUF_ERROR) {
			fail(s, PITH_ERR_GZIP, s->z.msg ? s->z.msg : "invalid gzip data");
			break;
		}
	}
	size_t got = len - s->z.avail_out;
	/* Output made before a failure goes out first; the failure is
	 * reported by the next call. */
	if (got)
		return (long)got;
	return s->err ? -1 : 0;
}

long gzs_read(gzs *s, char *buf, size_t len)
{
	if (s->err)
		return -1;
	if (s->mode == GZS_UNKNOWN && detect(s) < 0)
		return -1;
	if (len > LONG_MAX)
		len = LONG_MAX;
	return s->mode == GZS_GZIP ? read_gzip(s, buf, len) : read_plain(s, buf, len);
}
