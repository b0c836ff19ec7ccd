/* The one document model of both kinds of page: a sequence of blocks of
 * text with their features, computed once, and the label the classifiers
 * give each block. HTML pages also keep their compact DOM. */
#ifndef PITH_PAGE_H
#define PITH_PAGE_H

#include <stdbool.h>
#include <stdint.h>

#include "dom.h"
#include "internal.h"

enum label {
	LB_NONE = 0,
	LB_BODY,     /* the article */
	LB_TITLE,    /* the headline (and its repeats) */
	LB_META,     /* byline, date, source, editor, views… */
	LB_RELATED,  /* related-list headings and items */
	LB_PREVNEXT, /* previous / next article */
	LB_BOILER,   /* navigation, share prompts, footers, disclaimers */
	LB_SPAM,     /* injected spam */
	LB_COMMENT,  /* reader comments */
};

enum block_flag {
	BF_HEADING = 1 << 0,   /* h1..h6 (level in block.level) */
	BF_LISTITEM = 1 << 1,  /* li / dd / dt, or a bulleted dump line */
	BF_ROW = 1 << 2,       /* a table row: cells joined by '\t' */
	BF_PRE = 1 << 3,       /* preformatted: white space kept */
	BF_QUOTE = 1 << 4,     /* inside blockquote */
	BF_CAPTION = 1 << 5,   /* figcaption / caption */
	BF_BR = 1 << 6,        /* separated from the previous block by <br> only */
	BF_BLANK = 1 << 7,     /* dumps: a blank line precedes this line */
	BF_BULLET = 1 << 8,    /* dumps: starts with a bullet or list number */
	BF_INDENT = 1 << 9,    /* dumps: indented */
	BF_NUMBERED = 1 << 10, /* starts with 1. 一、 （一） (1) … */
	BF_CODE = 1 << 11,     /* code block */
};

typedef struct block {
	uint32_t off, len;   /* text in page.text: UTF-8, white space collapsed */
	uint32_t nchars;     /* code points other than white space */
	uint32_t ncjk;       /* CJK characters */
	uint32_t nwords;     /* runs of non-CJK letters and digits */
	uint32_t ndigits;
	uint32_t npunct;     /* punctuation characters */
	uint32_t nsent;      /* sentence ends (。！？.!?) */
	uint32_t nclause;    /* clause punctuation (，、；,;) */
	uint32_t ncolon;     /* colons (: ：), which titles and labels use too */
	uint32_t nlink;      /* characters inside links */
	uint32_t anchor, nanchors; /* range in page.anchors */
	uint32_t node;       /* HTML: the block's container element */
	uint32_t line;       /* dumps: 1-based line number */
	uint16_t tag;        /* HTML: container tag */
	uint16_t flags;      /* BF_* */
	uint8_t level;       /* heading level, or list depth */
	uint8_t label;       /* enum label */
	uint16_t indent;     /* dumps: leading white space, in columns */
	uint32_t lex;        /* lexicon categories found (1 << cat), list flags kept */
	uint32_t lexwhole;   /* categories that make up the whole text */
	uint64_t hash;       /* of the text, for repetition */
	float score;         /* the classifier's belief that it is article text */
} block;

typedef struct anchor {
	uint32_t block;
	uint32_t off, len;   /* anchor text in page.text */
	uint32_t href;       /* offset of href in dom.str (0 = none) */
	uint32_t node;       /* the <a> element */
} anchor;

struct page {
	enum doc_kind kind;
	dom dom;             /* HTML pages only */
	pbuf text;           /* all block texts, NUL after each */
	block *b;
	size_t nb, bcap;
	anchor *an;
	size_t nan, ancap;
	/* dumps: how the dump marked its links, when it did (page_from_text) */
	enum { LINKS_UNMARKED, LINKS_MARKDOWN, LINKS_LYNX } link_marks;
	/* Filled by the classifier (page_classify), read by every stage. */
	bool classified;
	int32_t title_block;  /* -1 when none */
	uint32_t *elem_flags; /* HTML: per element, EF_* (strip_html.c) */
};

static inline const char *block_text(const struct page *pg, const block *b)
{
	return pg->text.p + b->off;
}

/* Blocks from a text dump: one per non-empty line. */
pith_status page_from_text(struct page *pg, const char *s, size_t len);
/* Blocks from the compact DOM. */
pith_status page_from_dom(struct page *pg);

/* A new zeroed block / anchor at the end of the page's arrays; NULL when
 * out of memory. */
block *block_add(struct page *pg);
anchor *anchor_add(struct page *pg);

/* Labels every block (HTML: strip_html.c; dumps: strip_text.c), once. */
pith_status page_classify(pith_ctx *ctx, pith_doc *doc, struct page *pg);
pith_status classify_html(pith_ctx *ctx, pith_doc *doc, struct page *pg);
pith_status classify_text(pith_ctx *ctx, pith_doc *doc, struct page *pg);

/* Feature counts of s[0..len) into b (nchars, ncjk, nwords, …, hash). */
void block_features(block *b, const char *s, size_t len);

#endif
