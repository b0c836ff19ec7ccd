/* What an HTML element's tag and attributes say about its content:
 * class/id words from the word lists (data/hint_*.txt), role, itemprop,
 * and whether it is shown at all. Computed once per element by the block
 * walker (page_html.c) into pg->elem_flags; read by the classifier
 * (strip_html.c), which adds its own decisions (EF_CUT…). */
#ifndef PITH_HTML_HINTS_H
#define PITH_HTML_HINTS_H

#include <stdint.h>

#include "dom.h"

enum {
	EF_NEG = 1 << 0,       /* class/id/role: boilerplate */
	EF_POS = 1 << 1,       /* class/id/role: the article */
	EF_COMMENT = 1 << 2,   /* class/id/itemprop: reader comments */
	EF_RELATED = 1 << 3,   /* class/id: related or popular lists */
	EF_CHROME = 1 << 4,    /* nav, aside, footer, header, form… */
	EF_BODYPROP = 1 << 5,  /* itemprop=articleBody */
	EF_SECTION = 1 << 6,   /* article, main */
	EF_HIDDEN = 1 << 7,    /* class words: not shown (sr-only, tooltip…) */
	EF_INVISIBLE = 1 << 8, /* hidden attribute, aria-hidden, display:none */
	EF_EMBED = 1 << 12,    /* class words: an embedded post (tweet…) */
	/* set by the classifier */
	EF_CUT = 1 << 9,       /* the root of a boilerplate subtree */
	EF_HEADS = 1 << 10,    /* a list's heading: the containers after it
				* are the list's items ("You may also like") */
	EF_TEASER = 1 << 11,   /* one of a run of like cards, each a headline
				* link and a little text: a list of articles */
};

/* Class strings repeat (a menu's hundred items): their words are looked
 * up once per page. Zero it before the first element of a page. */
#define HINT_CACHE 256
typedef struct hint_cache {
	struct {
		uint32_t hash, str, flags; /* str: offset in dom.str, 0 = empty */
	} e[HINT_CACHE];
} hint_cache;

/* Flags of element n; *sig gets a hash of its tag and class, which like
 * siblings (the cards of a list) share. cache may be NULL. */
uint32_t html_hints(const dom *d, uint32_t n, uint32_t *sig, hint_cache *cache);

#endif
