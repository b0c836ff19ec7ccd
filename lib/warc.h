/* WARC 1.0/1.1 record headers (ISO 28500): the named fields the reader
 * uses, copied out of the stream's buffer so the buffer can move. */
#ifndef PITH_WARC_H
#define PITH_WARC_H

#include <stddef.h>

#include "buf.h"

typedef struct warc_head {
	pbuf type;      /* WARC-Type, e.g. "response" */
	pbuf uri;       /* WARC-Target-URI, cleaned (see warc_clean_uri) */
	pbuf id;        /* WARC-Record-ID as written, "<urn:uuid:…>" */
	pbuf ctype;     /* Content-Type of the block */
	pbuf date;      /* WARC-Date */
	pbuf truncated; /* WARC-Truncated: why the crawler cut the payload */
	unsigned long long length; /* Content-Length of the block */
	int has_length;            /* Content-Length was present and valid */
} warc_head;

void warc_head_free(warc_head *h);

/* Parses the header lines p[0..n), from the "WARC/1.x" line up to (not
 * including) the blank line. Unknown fields are ignored; a field given
 * twice keeps its first value. */
void warc_head_parse(warc_head *h, const char *p, size_t n);

/* The target URI without white space and without the "<…>" that some
 * WARC 1.0 writers put around it. */
void warc_clean_uri(pbuf *out, const char *s, size_t n);

#endif
