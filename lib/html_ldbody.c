/* JSON-LD articleBody as a shingle set (html_ldbody.h). The string is
 * read straight from the script text rather than through a JSON parser:
 * pages often break their JSON-LD elsewhere (templated values, trailing
 * commas) while the body string itself is intact. */
#include "html_ldbody.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

/* Bodies shorter than this say too little to steer the classifier. */
#define MIN_BODY 200
#define MAX_BODY (1u << 20)

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
		return (c | 0x20) - 'a' + 10;
	return -1;
}

static long hex4(const char *s, const char *e)
{
	if (e - s < 4)
		return -1;
	long v = 0;
	for (int i = 0; i < 4; i++) {
		int h = hexval(s[i]);
		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

/* Decodes the JSON string starting after the opening quote at s into
 * out, leaving out markup; stops at the closing quote or at e. */
static void json_string(const char *s, const char *e, pbuf *out)
{
	bool in_tag = false;
	while (s < e && *s != '"' && out->len < MAX_BODY) {
		uint32_t c = (unsigned char)*s++;
		bool esc = c == '\\' && s < e;
		if (esc) {
			char x = *s++;
			switch (x) {
			case 'n': case 'r': case 't': case 'b': case 'f':
				c = ' ';
				break;
			case 'u': {
				long v = hex4(s, e);
				if (v < 0) {
					c = ' ';
					break;
				}
				s += 4;
				c = (uint32_t)v;
				if (c >= 0xD800 && c < 0xDC00 && e - s >= 6 && s[0] == '\\' && s[1] == 'u') {
					long lo = hex4(s + 2, e);
					if (lo >= 0xDC00 && lo < 0xE000) {
						c = 0x10000 + ((c - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
						s += 6;
					}
				}
				break;
			}
			default:
				c = (unsigned char)x;
			}
		}
		/* an HTML body: tags are no text */
		if (c == '<' && s < e && (*s == '/' || ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z'))) {
			in_tag = true;
			pbuf_addc(out, ' ');
			continue;
		}
		if (in_tag) {
			in_tag = c != '>';
			continue;
		}
		/* raw bytes of the page's UTF-8 pass as they are */
		if (esc && c >= 0x80)
			pbuf_addcp(out, c);
		else
			pbuf_addc(out, (int)c);
	}
}

/* The longest "articleBody" string of one script's text. */
static void find_bodies(const char *s, size_t len, pbuf *best, pbuf *tmp)
{
	static const char key[] = "\"articleBody\"";
	const char *e = s + len, *p = s;
	while ((p = memmem(p, (size_t)(e - p), key, sizeof key - 1)) != NULL) {
		p += sizeof key - 1;
		while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
			p++;
		if (p >= e || *p != ':')
			continue;
		p++;
		while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
			p++;
		if (p >= e || *p != '"')
			continue;
		pbuf_reset(tmp);
		json_string(p + 1, e, tmp);
		if (tmp->len > best->len) {
			pbuf_reset(best);
			pbuf_add(best, tmp->p, tmp->len);
		}
	}
}

/* Tokens: a CJK character, or a run of other letters and digits; the
 * hash of the next one from *i, 0 at the end. */
static uint64_t next_token(const char *s, size_t len, size_t *i)
{
	uint64_t h = 0;
	while (*i < len) {
		size_t adv;
		uint32_t c = (unsigned char)s[*i];
		if (c >= 0x80)
			c = u8_next(s + *i, len - *i, &adv);
		else
			adv = 1;
		bool cjk = c >= 0x80 && uc_is_cjk(c);
		bool word = !cjk && (c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
						      (c >= '0' && c <= '9')
					      : uc_is_alnum(c));
		if (!word && h) /* the word ends here */
			return h;
		*i += adv;
		if (cjk)
			return (14695981039346656037ull ^ c) * 1099511628211ull;
		if (word) {
			c = c < 0x80 ? (c | (c >= 'A' && c <= 'Z' ? 0x20 : 0)) : uc_lower(c);
			h = ((h ? h : 14695981039346656037ull) ^ c) * 1099511628211ull;
		}
	}
	return h;
}

static inline uint64_t shingle(uint64_t a, uint64_t b, uint64_t c)
{
	uint64_t h = a * 0x9E3779B97F4A7C15ull ^ b * 0xC2B2AE3D27D4EB4Full ^ c;
	h ^= h >> 29;
	return h ? h : 1;
}

/* Calls fn on every shingle of s (one of all tokens when there are
 * fewer than three); returns the token count. */
static unsigned shingles(const char *s, size_t len, void (*fn)(void *, uint64_t), void *arg)
{
	uint64_t t[3] = {0, 0, 0};
	unsigned n = 0;
	size_t i = 0;
	uint64_t h;
	while ((h = next_token(s, len, &i)) != 0) {
		t[0] = t[1];
		t[1] = t[2];
		t[2] = h;
		if (++n >= 3)
			fn(arg, shingle(t[0], t[1], t[2]));
	}
	if (n && n < 3)
		fn(arg, shingle(n > 1 ? t[1] : 0, 0, t[2]));
	return n;
}

static void set_add(void *arg, uint64_t h)
{
	ldbody *lb = arg;
	size_t k = (size_t)h & lb->mask;
	while (lb->set[k] && lb->set[k] != h)
		k = (k + 1) & lb->mask;
	lb->set[k] = h;
}

static void count_only(void *arg, uint64_t h)
{
	(void)h;
	(*(size_t *)arg)++;
}

bool ldbody_build(ldbody *lb, const dom *d)
{
	memset(lb, 0, sizeof *lb);
	pbuf body = PBUF_INIT, tmp = PBUF_INIT;
	for (size_t i = 1; i < d->nn; i++) {
		const dnode *x = &d->n[i];
		if (x->tag != TAG_SCRIPT || !x->first || d->n[x->first].tag != TAG_TEXT)
			continue;
		const dnode *t = &d->n[x->first];
		find_bodies(d->str.p + t->text, t->tlen, &body, &tmp);
	}
	pbuf_free(&tmp);
	size_t n = 0;
	if (body.len >= MIN_BODY && !body.oom)
		lb->tokens = shingles(body.p, body.len, count_only, &n);
	if (lb->tokens < 20) {
		pbuf_free(&body);
		memset(lb, 0, sizeof *lb);
		return false;
	}
	size_t cap = 64;
	while (cap < 2 * n)
		cap *= 2;
	lb->set = calloc(cap, sizeof *lb->set);
	if (!lb->set) {
		pbuf_free(&body);
		memset(lb, 0, sizeof *lb);
		return false;
	}
	lb->mask = cap - 1;
	shingles(body.p, body.len, set_add, lb);
	pbuf_free(&body);
	return true;
}

struct match_arg {
	const ldbody *lb;
	unsigned hit, all;
};

static void match_one(void *arg, uint64_t h)
{
	struct match_arg *m = arg;
	const ldbody *lb = m->lb;
	m->all++;
	for (size_t k = (size_t)h & lb->mask; lb->set[k]; k = (k + 1) & lb->mask)
		if (lb->set[k] == h) {
			m->hit++;
			return;
		}
}

float ldbody_match(const ldbody *lb, const char *s, size_t len, unsigned *tokens)
{
	struct match_arg m = {lb, 0, 0};
	*tokens = lb->set ? shingles(s, len, match_one, &m) : 0;
	return m.all ? (float)m.hit / (float)m.all : 0;
}

void ldbody_free(ldbody *lb)
{
	free(lb->set);
	memset(lb, 0, sizeof *lb);
}
