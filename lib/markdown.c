/* Markdown dumps: their marks out, their lines kept. */
#include "markdown.h"

#include <stdint.h>
#include <string.h>

bool md_is_dump(const char *s, size_t len)
{
	/* eight links or pictures: a page of prose with a bracket or two
	 * followed by a parenthesis is not enough */
	size_t links = 0;
	const char *p = s, *e = s + len;
	while (p < e && (p = memmem(p, (size_t)(e - p), "](", 2)) != NULL) {
		if (++links >= 8)
			return true;
		p += 2;
	}
	return false;
}

/* The closing bracket of the group opened at s[i], or 0 when it does not
 * close within three lines (a dumper that wraps at a width wraps inside
 * links too) and a few hundred bytes for a link's text, 2 KB for its
 * address (so that a page of brackets takes linear time; a longer link
 * loses its brackets, not its text). Groups nest: "[![](a.png)](b.html)". */
static size_t group_end(const char *s, size_t i, size_t end, char open, char close)
{
	int depth = 0, lines = 0;
	size_t most = open == '[' ? 512 : 2048;
	if (end > i + most)
		end = i + most;
	for (size_t k = i; k < end && (s[k] != '\n' || ++lines < 3); k++) {
		if (s[k] == '\\' && k + 1 < end) {
			k++;
			continue;
		}
		if (s[k] == open)
			depth++;
		else if (s[k] == close && --depth == 0)
			return k;
	}
	return 0;
}

static bool is_word(char c)
{
	return (unsigned char)c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

/* An emphasis mark (_em_, *em*): it opens before a word or closes after
 * one, where a bullet ("* item") and snake_case have words or spaces on
 * both sides. */
static bool emphasis_mark(const char *s, size_t a, size_t b, size_t i)
{
	char prev = i > a ? s[i - 1] : ' ', next = i + 1 < b ? s[i + 1] : ' ';
	bool opens = !is_word(prev) && prev != s[i] && is_word(next);
	bool closes = is_word(prev) && !is_word(next) && next != s[i];
	return opens || closes;
}

static bool is_escapable(char c)
{
	return c && strchr("\\`*_{}[]()#+-.!<>|~", c) != NULL;
}

/* Where the text goes: the output, and the link characters of the line
 * being written (when they are counted). */
struct sink {
	pbuf *out, *links;
	uint32_t line_links;
};

static void put(struct sink *k, char c, bool in_link)
{
	pbuf_addc(k->out, c);
	if (c == '\n') {
		if (k->links)
			pbuf_add(k->links, &k->line_links, sizeof k->line_links);
		k->line_links = 0;
	} else if (in_link && c != ' ' && ((unsigned char)c & 0xC0) != 0x80) {
		k->line_links++;
	}
}

static void unmark_span(const char *s, size_t a, size_t b, struct sink *out, int depth,
			bool in_link)
{
	bool line_start = true;
	size_t i = a;
	while (i < b) {
		char c = s[i];
		if (c == '\n' && depth) {
			put(out, ' ', in_link); /* a link's text wrapped over lines */
			i++;
			continue;
		}
		if (c == '\n') {
			put(out, '\n', false);
			i++;
			line_start = true;
			continue;
		}
		if (line_start) {
			line_start = false;
			/* "## Heading", "> quote": the marks go, the text stays */
			size_t k = i;
			while (k < b && s[k] == ' ')
				k++;
			size_t h = k;
			while (h < b && (s[h] == '#' || s[h] == '>') && h - k < 6)
				h++;
			if (h > k && h < b && s[h] == ' ') {
				for (size_t x = i; x < k; x++)
					put(out, s[x], in_link);
				i = h + 1;
				continue;
			}
		}
		if (c == '\\' && i + 1 < b && is_escapable(s[i + 1])) {
			put(out, s[i + 1], in_link);
			i += 2;
			continue;
		}
		bool img = c == '!' && i + 1 < b && s[i + 1] == '[';
		if ((c == '[' || img) && depth < 4) {
			size_t o = img ? i + 1 : i;
			size_t cb = group_end(s, o, b, '[', ']');
			size_t cp = cb && cb + 1 < b && s[cb + 1] == '(' ?
				group_end(s, cb + 1, b, '(', ')') : 0;
			if (cp) {
				if (!img) {
					unmark_span(s, o + 1, cb, out, depth + 1, true);
				} else if (cb > o + 1) {
					put(out, '[', in_link);
					unmark_span(s, o + 1, cb, out, depth + 1, in_link);
					put(out, ']', in_link);
				}
				i = cp + 1;
				continue;
			}
		}
		/* the head of a link whose tail is far below: "[" alone */
		if (c == '[' && !group_end(s, i, b, '[', ']')) {
			i++;
			continue;
		}
		/* the tail of a link whose head is lines above: "](url)" */
		if (c == ']' && i + 1 < b && s[i + 1] == '(') {
			size_t cp = group_end(s, i + 1, b, '(', ')');
			if (cp) {
				i = cp + 1;
				continue;
			}
		}
		if ((c == '*' || c == '_') && i + 1 < b && s[i + 1] == c) {
			i += 2; /* **strong**, __strong__ */
			continue;
		}
		if ((c == '*' || c == '_') && emphasis_mark(s, a, b, i)) {
			i++;
			continue;
		}
		put(out, c, in_link);
		i++;
	}
}

void md_unmark_links(const char *s, size_t len, pbuf *out, pbuf *links)
{
	struct sink k = {out, links, 0};
	unmark_span(s, 0, len, &k, 0, false);
	if (links) /* the last line, with no newline after it */
		pbuf_add(links, &k.line_links, sizeof k.line_links);
}

void md_unmark(const char *s, size_t len, pbuf *out)
{
	md_unmark_links(s, len, out, NULL);
}

bool md_link_url(const char *s, size_t len, const char *text, size_t tlen, size_t *ub,
		 size_t *ue)
{
	if (!tlen)
		return false;
	const char *p = s, *e = s + len;
	while (p < e && (p = memmem(p, (size_t)(e - p), text, tlen)) != NULL) {
		size_t at = (size_t)(p - s);
		p += tlen;
		/* "[text](", the text whole inside the brackets */
		if (!at || s[at - 1] != '[' || at + tlen + 1 >= len || s[at + tlen] != ']' ||
		    s[at + tlen + 1] != '(')
			continue;
		size_t b = at + tlen + 2, k = b;
		while (k < len && s[k] != ')' && s[k] != ' ' && s[k] != '\n')
			k++;
		if (k == b || k >= len)
			continue;
		*ub = b;
		*ue = k;
		return true;
	}
	return false;
}

/* "[12]" at s[i]: the mark's length, or 0. */
static size_t lynx_mark(const char *s, size_t i, size_t len)
{
	if (s[i] != '[')
		return 0;
	size_t k = i + 1;
	while (k < len && k < i + 6 && s[k] >= '0' && s[k] <= '9')
		k++;
	return k > i + 1 && k < len && s[k] == ']' ? k + 1 - i : 0;
}

bool lynx_is_refs(const char *s, size_t len)
{
	size_t marks = 0;
	for (size_t i = 0; i < len && marks < 8; i++)
		if (s[i] == '[' && lynx_mark(s, i, len))
			marks++;
	if (marks < 8)
		return false;
	/* and the list of addresses: a line "References" */
	const char *p = s, *e = s + len;
	while (p < e && (p = memmem(p, (size_t)(e - p), "References", 10)) != NULL) {
		bool starts = p == s || p[-1] == '\n';
		bool ends = p + 10 == e || p[10] == '\n' || p[10] == '\r';
		if (starts && ends)
			return true;
		p += 10;
	}
	return false;
}

void lynx_unmark_links(const char *s, size_t len, pbuf *out, pbuf *links)
{
	uint32_t n = 0;
	bool in_link = false;
	size_t spaces = 0, words = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		size_t m = lynx_mark(s, i, len);
		if (m) {
			i += m - 1;
			in_link = true;
			words = 0;
			continue;
		}
		/* where the link ends lynx does not say: at the end of the line,
		 * a column gap, punctuation or eight words, whichever is first
		 * (a menu item is short; a link inside a sentence is not the
		 * whole sentence) */
		if (c == '\n') {
			pbuf_add(links, &n, sizeof n);
			n = 0;
			in_link = false;
		} else if (c == ' ') {
			if (++spaces >= 2 || ++words >= 8)
				in_link = false;
		} else {
			spaces = 0;
			if (c == ',' || c == '.' || c == ';' || c == '!' || c == '?')
				in_link = false;
			else if (in_link && ((unsigned char)c & 0xC0) != 0x80)
				n++;
		}
		pbuf_addc(out, c);
	}
	pbuf_add(links, &n, sizeof n);
}

bool lynx_link_url(const char *s, size_t len, const char *text, size_t tlen, size_t *ub,
		   size_t *ue)
{
	if (!tlen)
		return false;
	const char *p = s, *e = s + len;
	while (p < e && (p = memmem(p, (size_t)(e - p), text, tlen)) != NULL) {
		size_t at = (size_t)(p - s);
		p += tlen;
		/* "[12]text": the number before it */
		if (!at || s[at - 1] != ']')
			continue;
		size_t k = at - 1;
		while (k > 0 && s[k - 1] >= '0' && s[k - 1] <= '9' && at - k < 6)
			k--;
		if (k == 0 || k == at - 1 || s[k - 1] != '[')
			continue;
		/* " 12. https://…" in the References list, the last one */
		char key[8];
		size_t kl = at - 1 - k;
		memcpy(key, s + k, kl);
		key[kl] = '.';
		key[kl + 1] = ' ';
		const char *r = NULL, *q = s;
		while (q < e && (q = memmem(q, (size_t)(e - q), key, kl + 2)) != NULL) {
			if (q > s && q[-1] == ' ')
				r = q;
			q += kl + 2;
		}
		if (!r)
			return false;
		size_t b = (size_t)(r - s) + kl + 2, x = b;
		while (x < len && s[x] != '\n' && s[x] != ' ' && s[x] != '\r')
			x++;
		if (x == b)
			return false;
		*ub = b;
		*ue = x;
		return true;
	}
	return false;
}
