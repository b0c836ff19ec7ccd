/* URLs: reference resolution (RFC 3986, section 5) and the few parts the
 * link and metadata stages need. Pure functions; thread-safe. */
#ifndef PITH_URL_H
#define PITH_URL_H

#include <stdbool.h>
#include <stddef.h>

/* The components of a URI reference, as byte ranges of the string
 * (RFC 3986, appendix B). A missing component has has_* false; an empty
 * one has it true with length 0. */
typedef struct url_parts {
	const char *scheme, *auth, *path, *query, *frag;
	size_t scheme_len, auth_len, path_len, query_len, frag_len;
	bool has_scheme, has_auth, has_query, has_frag;
} url_parts;

void url_split(const char *s, size_t len, url_parts *p);

/* ref resolved against base (RFC 3986 5.2.2, "strict": a ref with a
 * scheme keeps its own path), white space around ref trimmed, dot
 * segments removed. base may be NULL or relative: then a relative ref
 * stays relative. Returns a new string (the caller frees it), or NULL
 * for an empty ref or when out of memory. */
char *url_resolve(const char *base, const char *ref);

/* True for http: and https: URLs (case-insensitive scheme). */
bool url_is_http(const char *s);

/* The host of an absolute URL, lower-cased, without port or user info,
 * into out (NUL-terminated, at most n bytes); false when there is none. */
bool url_host(const char *s, char *out, size_t n);

#endif
