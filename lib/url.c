/* RFC 3986 reference resolution: split, merge, remove dot segments. */
#include "url.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"

void url_split(const char *s, size_t len, url_parts *p)
{
	memset(p, 0, sizeof *p);
	size_t i = 0;
	/* scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":" */
	if (len && ((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z')) {
		size_t k = 1;
		while (k < len && (((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z') ||
				   (s[k] >= '0' && s[k] <= '9') || s[k] == '+' || s[k] == '-' ||
				   s[k] == '.'))
			k++;
		if (k < len && s[k] == ':') {
			p->scheme = s;
			p->scheme_len = k;
			p->has_scheme = true;
			i = k + 1;
		}
	}
	if (i + 1 < len && s[i] == '/' && s[i + 1] == '/') {
		size_t k = i + 2;
		while (k < len && s[k] != '/' && s[k] != '?' && s[k] != '#')
			k++;
		p->auth = s + i + 2;
		p->auth_len = k - i - 2;
		p->has_auth = true;
		i = k;
	}
	size_t k = i;
	while (k < len && s[k] != '?' && s[k] != '#')
		k++;
	p->path = s + i;
	p->path_len = k - i;
	i = k;
	if (i < len && s[i] == '?') {
		k = i + 1;
		while (k < len && s[k] != '#')
			k++;
		p->query = s + i + 1;
		p->query_len = k - i - 1;
		p->has_query = true;
		i = k;
	}
	if (i < len && s[i] == '#') {
		p->frag = s + i + 1;
		p->frag_len = len - i - 1;
		p->has_frag = true;
	}
}

/* RFC 3986 5.2.4, appending the result to out. */
static void remove_dots(pbuf *out, const char *in, size_t len)
{
	size_t start = out->len;
	size_t i = 0;
	while (i < len) {
		const char *s = in + i;
		size_t n = len - i;
		if (n >= 3 && !memcmp(s, "../", 3)) {
			i += 3;
		} else if (n >= 2 && !memcmp(s, "./", 2)) {
			i += 2;
		} else if ((n >= 3 && !memcmp(s, "/./", 3)) || (n == 2 && !memcmp(s, "/.", 2))) {
			/* "/./x" → "/x", "/." → "/" */
			i += 2;
			if (n == 2) {
				pbuf_addc(out, '/');
				break;
			}
		} else if ((n >= 4 && !memcmp(s, "/../", 4)) || (n == 3 && !memcmp(s, "/..", 3))) {
			/* drop the last segment written */
			size_t k = out->len;
			while (k > start && out->p[k - 1] != '/')
				k--;
			if (k > start)
				k--;
			out->len = k;
			if (out->p)
				out->p[k] = 0;
			i += 3;
			if (n == 3) {
				pbuf_addc(out, '/');
				break;
			}
		} else if ((n == 1 && s[0] == '.') || (n == 2 && !memcmp(s, "..", 2))) {
			break;
		} else {
			/* the first segment, with its leading "/" */
			size_t k = s[0] == '/' ? 1 : 0;
			while (k < n && s[k] != '/')
				k++;
			pbuf_add(out, s, k);
			i += k;
		}
	}
}

static void add_tail(pbuf *o, const url_parts *r)
{
	if (r->has_query) {
		pbuf_addc(o, '?');
		pbuf_add(o, r->query, r->query_len);
	}
	if (r->has_frag) {
		pbuf_addc(o, '#');
		pbuf_add(o, r->frag, r->frag_len);
	}
}

char *url_resolve(const char *base, const char *ref)
{
	if (!ref)
		return NULL;
	/* trim white space (hrefs often carry newlines and spaces) */
	size_t rb = 0, re = strlen(ref);
	while (rb < re && (unsigned char)ref[rb] <= ' ')
		rb++;
	while (re > rb && (unsigned char)ref[re - 1] <= ' ')
		re--;
	if (rb == re)
		return NULL;
	url_parts r, b;
	url_split(ref + rb, re - rb, &r);
	bool have_base = base && *base;
	if (have_base)
		url_split(base, strlen(base), &b);
	/* without an absolute base, a relative ref cannot be resolved */
	if (!r.has_scheme && (!have_base || !b.has_scheme))
		return strndup(ref + rb, re - rb);
	pbuf o = PBUF_INIT;
	if (r.has_scheme) {
		pbuf_add(&o, r.scheme, r.scheme_len);
		pbuf_addc(&o, ':');
		if (r.has_auth) {
			pbuf_adds(&o, "//");
			pbuf_add(&o, r.auth, r.auth_len);
		}
		remove_dots(&o, r.path, r.path_len);
		add_tail(&o, &r);
		return pbuf_take(&o);
	}
	pbuf_add(&o, b.scheme, b.scheme_len);
	pbuf_addc(&o, ':');
	if (r.has_auth) {
		pbuf_adds(&o, "//");
		pbuf_add(&o, r.auth, r.auth_len);
		remove_dots(&o, r.path, r.path_len);
		add_tail(&o, &r);
		return pbuf_take(&o);
	}
	if (b.has_auth) {
		pbuf_adds(&o, "//");
		pbuf_add(&o, b.auth, b.auth_len);
	}
	if (!r.path_len) {
		pbuf_add(&o, b.path, b.path_len);
		if (r.has_query) {
			add_tail(&o, &r);
		} else {
			if (b.has_query) {
				pbuf_addc(&o, '?');
				pbuf_add(&o, b.query, b.query_len);
			}
			if (r.has_frag) {
				pbuf_addc(&o, '#');
				pbuf_add(&o, r.frag, r.frag_len);
			}
		}
		return pbuf_take(&o);
	}
	if (r.path[0] == '/') {
		remove_dots(&o, r.path, r.path_len);
	} else {
		/* merge (5.2.3): the base path up to its last "/", then ref */
		pbuf m = PBUF_INIT;
		if (b.has_auth && !b.path_len) {
			pbuf_addc(&m, '/');
		} else {
			size_t k = b.path_len;
			while (k && b.path[k - 1] != '/')
				k--;
			pbuf_add(&m, b.path, k);
		}
		pbuf_add(&m, r.path, r.path_len);
		remove_dots(&o, m.p ? m.p : "", m.len);
		pbuf_free(&m);
	}
	add_tail(&o, &r);
	if (o.oom) {
		pbuf_free(&o);
		return NULL;
	}
	return pbuf_take(&o);
}

bool url_is_http(const char *s)
{
	return s && (!strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8));
}

bool url_host(const char *s, char *out, size_t n)
{
	if (!s || !n)
		return false;
	url_parts p;
	url_split(s, strlen(s), &p);
	if (!p.has_auth || !p.auth_len)
		return false;
	const char *h = p.auth, *e = p.auth + p.auth_len;
	const char *at = memchr(h, '@', p.auth_len);
	if (at)
		h = at + 1;
	const char *colon = memchr(h, ':', (size_t)(e - h));
	if (colon && h[0] != '[')
		e = colon;
	size_t len = (size_t)(e - h);
	if (!len || len >= n)
		return false;
	for (size_t i = 0; i < len; i++)
		out[i] = (h[i] >= 'A' && h[i] <= 'Z') ? (char)(h[i] + 32) : h[i];
	out[len] = 0;
	return true;
}
