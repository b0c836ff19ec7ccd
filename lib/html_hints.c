/* Element hints: class/id words, role, itemprop, visibility. One pass
 * over each element's attributes; the words are matched by the lexicon's
 * automaton and kept only at word starts. */
#include "html_hints.h"

#include <stdbool.h>
#include <string.h>

#include "lexicon.h"

static bool is_low(char c) { return c >= 'a' && c <= 'z'; }
static bool is_up(char c) { return c >= 'A' && c <= 'Z'; }

/* A class word counts at the start of a name part ("main-nav", "mainNav",
 * "nav_top"), not inside another word ("canvas"); a short word must also
 * end its part (an "s" may follow), long ones may go on ("comments"). */
static bool word_at(const char *v, size_t len, size_t s, size_t e)
{
	if (s > 0 && (is_low(v[s - 1]) || is_up(v[s - 1])) &&
	    !(is_low(v[s - 1]) && is_up(v[s])))
		return false;
	if (e - s >= 5 || e == len)
		return true;
	if (v[e] == 's' || v[e] == 'S')
		e++;
	return e == len || !is_low(v[e]);
}

/* Class names that carry a taxonomy slug, not a role: WordPress marks
 * every post with "tag-<slug>" and "category-<slug>". No word of such a
 * name counts (at is the match's offset in v). */
static bool slug_class(const char *v, size_t len, size_t at)
{
	static const char *const prefixes[] = {"tag-", "category-"};
	size_t s = at;
	while (s > 0 && v[s - 1] != ' ')
		s--;
	for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++) {
		size_t pl = strlen(prefixes[k]);
		if (len - s > pl && !memcmp(v + s, prefixes[k], pl))
			return true;
	}
	return false;
}

static uint32_t attr_words(const char *v, size_t len)
{
	lex_match m[32];
	if (len > 256)
		len = 256;
	size_t n = lex_find(v, len, m, 32);
	uint32_t f = 0;
	for (size_t i = 0; i < n && i < 32; i++) {
		uint32_t bit;
		switch (m[i].cat) {
		case LEX_HINT_POS: bit = EF_POS; break;
		case LEX_HINT_NEG: bit = EF_NEG; break;
		case LEX_HINT_COMMENT: bit = EF_COMMENT; break;
		case LEX_HINT_RELATED: bit = EF_RELATED; break;
		case LEX_HINT_HIDDEN: bit = EF_HIDDEN; break;
		case LEX_HINT_EMBED: bit = EF_EMBED; break;
		default: continue;
		}
		if (!(f & bit) && word_at(v, len, m[i].start, m[i].end) &&
		    !slug_class(v, len, m[i].start))
			f |= bit;
	}
	return f;
}

static bool streq_ci(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if ((*a | 0x20) != (*b | 0x20))
			return false;
	return !*a && !*b;
}

/* Landmark roles of page furniture. */
static bool chrome_role(const char *v)
{
	static const char *const roles[] = {
		"navigation", "banner", "contentinfo", "complementary", "search",
		"dialog", "alertdialog", "menu", "menubar", "toolbar", "tooltip",
	};
	for (size_t k = 0; k < sizeof roles / sizeof *roles; k++)
		if (streq_ci(v, roles[k]))
			return true;
	return false;
}

static bool style_hides(const char *v)
{
	return strstr(v, "display:none") || strstr(v, "display: none") ||
	       strstr(v, "visibility:hidden") || strstr(v, "visibility: hidden");
}

/* The words of a class string, from the cache when the same string was
 * seen before on this page. */
static uint32_t class_words(const dom *d, const char *v, hint_cache *cache)
{
	size_t len = strlen(v);
	if (!cache)
		return attr_words(v, len);
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)v[i]) * 16777619u;
	unsigned slot = (h ^ (h >> 16)) & (HINT_CACHE - 1);
	if (cache->e[slot].str && cache->e[slot].hash == h &&
	    !strcmp(d->str.p + cache->e[slot].str, v))
		return cache->e[slot].flags;
	uint32_t f = attr_words(v, len);
	cache->e[slot].hash = h;
	cache->e[slot].str = (uint32_t)(v - d->str.p);
	cache->e[slot].flags = f;
	return f;
}

uint32_t html_hints(const dom *d, uint32_t n, uint32_t *sig, hint_cache *cache)
{
	const dnode *x = &d->n[n];
	uint32_t f = 0, h = 2166136261u ^ x->tag;
	for (uint32_t i = x->attr; i < x->attr + x->nattr; i++) {
		const char *name = d->str.p + d->a[i].name;
		const char *v = d->str.p + d->a[i].value;
		switch (name[0]) {
		case 'c':
			if (strcmp(name, "class") || !*v)
				break;
			f |= class_words(d, v, cache);
			for (const char *c = v; *c; c++)
				h = (h ^ (unsigned char)*c) * 16777619u;
			break;
		case 'i':
			if (!strcmp(name, "id") && *v) {
				f |= attr_words(v, strlen(v));
			} else if (!strcmp(name, "itemprop")) {
				if (strstr(v, "articleBody") || strstr(v, "reviewBody"))
					f |= EF_BODYPROP;
				else if (strstr(v, "comment"))
					f |= EF_COMMENT;
			} else if (!strcmp(name, "itemtype") && strstr(v, "Comment")) {
				f |= EF_COMMENT;
			}
			break;
		case 'r':
			if (strcmp(name, "role"))
				break;
			if (streq_ci(v, "main") || streq_ci(v, "article"))
				f |= EF_POS;
			else if (chrome_role(v))
				f |= EF_NEG;
			break;
		case 'h':
			if (!strcmp(name, "hidden"))
				f |= EF_INVISIBLE;
			break;
		case 'a':
			if (!strcmp(name, "aria-hidden") && !strcmp(v, "true"))
				f |= EF_INVISIBLE;
			break;
		case 's':
			if (!strcmp(name, "style") && style_hides(v))
				f |= EF_INVISIBLE;
			break;
		}
	}
	switch (x->tag) {
	case TAG_NAV: case TAG_ASIDE: case TAG_FOOTER: case TAG_HEADER: case TAG_FORM:
	case TAG_MENU: case TAG_DIALOG:
		f |= EF_CHROME;
		break;
	case TAG_ARTICLE: case TAG_MAIN:
		f |= EF_SECTION;
		break;
	}
	/* an embedded post is article content whatever its wrapper's words */
	if (f & EF_EMBED)
		f &= ~(uint32_t)(EF_NEG | EF_CHROME);
	/* "article-footer", "comment-body": the boilerplate word wins */
	if (f & (EF_NEG | EF_COMMENT | EF_RELATED | EF_HIDDEN))
		f &= ~(uint32_t)EF_POS;
	*sig = h;
	return f;
}
