/* pith's own compact HTML tree, built from libxml2's SAX events: one parse
 * per page, no xmlDoc. Nodes live in one array and refer to each other by
 * index; strings live in one arena. */
#ifndef PITH_DOM_H
#define PITH_DOM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "pith.h"

/* Tag properties (tag_info[].flags). */
enum {
	TF_BLOCK = 1 << 0,   /* starts a new block of text */
	TF_SKIP = 1 << 1,    /* content is not page text (script, style…) */
	TF_HEADING = 1 << 2, /* h1..h6 */
	TF_LISTITEM = 1 << 3,
	TF_CELL = 1 << 4,    /* td, th */
	TF_ROW = 1 << 5,     /* tr */
	TF_VOID = 1 << 6,    /* no content (br, img…) */
	TF_LIST = 1 << 7,    /* ul, ol, dl */
	TF_TABLE = 1 << 8,
	TF_FORM = 1 << 9,    /* form controls: never article text */
	TF_SECTION = 1 << 10,/* structural containers (article, main, section…) */
	TF_INLINE = 1 << 11,
};

#define TAGS(X)                                                               \
	X(TEXT, "#text", 0) X(OTHER, "#other", 0) X(ROOT, "#root", TF_BLOCK)  \
	X(A, "a", TF_INLINE) X(ABBR, "abbr", TF_INLINE)                       \
	X(ADDRESS, "address", TF_BLOCK) X(AREA, "area", TF_VOID)              \
	X(ARTICLE, "article", TF_BLOCK | TF_SECTION)                          \
	X(ASIDE, "aside", TF_BLOCK | TF_SECTION) X(AUDIO, "audio", TF_SKIP)   \
	X(B, "b", TF_INLINE) X(BASE, "base", TF_VOID) X(BDI, "bdi", TF_INLINE)\
	X(BIG, "big", TF_INLINE) X(BLOCKQUOTE, "blockquote", TF_BLOCK)        \
	X(BODY, "body", TF_BLOCK | TF_SECTION) X(BR, "br", TF_VOID)           \
	X(BUTTON, "button", TF_FORM) X(CANVAS, "canvas", TF_SKIP)             \
	X(CAPTION, "caption", TF_BLOCK) X(CENTER, "center", TF_BLOCK)         \
	X(CITE, "cite", TF_INLINE) X(CODE, "code", TF_INLINE)                 \
	X(COL, "col", TF_VOID) X(COLGROUP, "colgroup", TF_SKIP)               \
	X(DATA, "data", TF_INLINE) X(DD, "dd", TF_BLOCK | TF_LISTITEM)        \
	X(DEL, "del", TF_INLINE) X(DETAILS, "details", TF_BLOCK)              \
	X(DFN, "dfn", TF_INLINE) X(DIALOG, "dialog", TF_BLOCK)                \
	X(DIR, "dir", TF_BLOCK | TF_LIST) X(DIV, "div", TF_BLOCK)             \
	X(DL, "dl", TF_BLOCK | TF_LIST) X(DT, "dt", TF_BLOCK | TF_LISTITEM)   \
	X(EM, "em", TF_INLINE) X(EMBED, "embed", TF_VOID)                     \
	X(FIELDSET, "fieldset", TF_BLOCK) X(FIGCAPTION, "figcaption", TF_BLOCK)\
	X(FIGURE, "figure", TF_BLOCK) X(FONT, "font", TF_INLINE)              \
	X(FOOTER, "footer", TF_BLOCK | TF_SECTION) X(FORM, "form", TF_BLOCK)  \
	X(FRAME, "frame", TF_VOID) X(FRAMESET, "frameset", TF_BLOCK)          \
	X(H1, "h1", TF_BLOCK | TF_HEADING) X(H2, "h2", TF_BLOCK | TF_HEADING) \
	X(H3, "h3", TF_BLOCK | TF_HEADING) X(H4, "h4", TF_BLOCK | TF_HEADING) \
	X(H5, "h5", TF_BLOCK | TF_HEADING) X(H6, "h6", TF_BLOCK | TF_HEADING) \
	X(HEAD, "head", TF_BLOCK) X(HEADER, "header", TF_BLOCK | TF_SECTION)  \
	X(HGROUP, "hgroup", TF_BLOCK) X(HR, "hr", TF_VOID | TF_BLOCK)         \
	X(HTML, "html", TF_BLOCK) X(I, "i", TF_INLINE)                        \
	X(IFRAME, "iframe", TF_SKIP) X(IMG, "img", TF_VOID)                   \
	X(INPUT, "input", TF_VOID | TF_FORM) X(INS, "ins", TF_INLINE)         \
	X(KBD, "kbd", TF_INLINE) X(LABEL, "label", TF_FORM)                   \
	X(LEGEND, "legend", TF_BLOCK) X(LI, "li", TF_BLOCK | TF_LISTITEM)     \
	X(LINK, "link", TF_VOID) X(MAIN, "main", TF_BLOCK | TF_SECTION)       \
	X(MAP, "map", TF_INLINE) X(MARK, "mark", TF_INLINE)                   \
	X(MENU, "menu", TF_BLOCK | TF_LIST) X(META, "meta", TF_VOID)          \
	X(NAV, "nav", TF_BLOCK | TF_SECTION) X(NOBR, "nobr", TF_INLINE)       \
	X(NOSCRIPT, "noscript", TF_SKIP) X(OBJECT, "object", TF_SKIP)         \
	X(OL, "ol", TF_BLOCK | TF_LIST) X(OPTGROUP, "optgroup", TF_FORM)      \
	X(OPTION, "option", TF_FORM) X(OUTPUT, "output", TF_INLINE)           \
	X(P, "p", TF_BLOCK) X(PARAM, "param", TF_VOID)                        \
	X(PICTURE, "picture", TF_INLINE) X(PRE, "pre", TF_BLOCK)              \
	X(Q, "q", TF_INLINE) X(RP, "rp", TF_INLINE) X(RT, "rt", TF_INLINE)    \
	X(RUBY, "ruby", TF_INLINE) X(S, "s", TF_INLINE)                       \
	X(SAMP, "samp", TF_INLINE) X(SCRIPT, "script", TF_SKIP)               \
	X(SECTION, "section", TF_BLOCK | TF_SECTION)                          \
	X(SELECT, "select", TF_FORM) X(SMALL, "small", TF_INLINE)             \
	X(SOURCE, "source", TF_VOID) X(SPAN, "span", TF_INLINE)               \
	X(STRIKE, "strike", TF_INLINE) X(STRONG, "strong", TF_INLINE)         \
	X(STYLE, "style", TF_SKIP) X(SUB, "sub", TF_INLINE)                   \
	X(SUMMARY, "summary", TF_BLOCK) X(SUP, "sup", TF_INLINE)              \
	X(SVG, "svg", TF_SKIP) X(TABLE, "table", TF_BLOCK | TF_TABLE)         \
	X(TBODY, "tbody", TF_BLOCK) X(TD, "td", TF_CELL)                      \
	X(TEMPLATE, "template", TF_SKIP) X(TEXTAREA, "textarea", TF_FORM)     \
	X(TFOOT, "tfoot", TF_BLOCK) X(TH, "th", TF_CELL)                      \
	X(THEAD, "thead", TF_BLOCK) X(TIME, "time", TF_INLINE)                \
	X(TITLE, "title", TF_SKIP) X(TR, "tr", TF_BLOCK | TF_ROW)             \
	X(TT, "tt", TF_INLINE) X(U, "u", TF_INLINE)                           \
	X(UL, "ul", TF_BLOCK | TF_LIST) X(VAR, "var", TF_INLINE)              \
	X(VIDEO, "video", TF_SKIP) X(WBR, "wbr", TF_VOID)

enum tag {
#define X(id, name, flags) TAG_##id,
	TAGS(X)
#undef X
	TAG__COUNT
};

struct tag_info {
	const char *name;
	unsigned flags;
};
extern const struct tag_info tag_info[TAG__COUNT];
static inline unsigned tag_flags(unsigned tag) { return tag_info[tag].flags; }

typedef struct dnode {
	uint32_t parent, first, last, next; /* 0 = none; node 0 is the root */
	uint32_t attr, nattr;               /* elements: range in dom->attrs */
	uint32_t text, tlen;                /* text nodes: range in dom->str */
	uint16_t tag;
	uint16_t depth;
} dnode;

typedef struct dattr {
	uint32_t name, value; /* offsets of NUL-terminated strings in dom->str */
} dattr;

typedef struct dom {
	dnode *n;
	size_t nn, ncap;
	dattr *a;
	size_t na, acap;
	pbuf str;        /* text and attribute strings */
	uint32_t title;  /* <title> text: offset in str, 0 = none */
	uint32_t *stack; /* open elements while parsing */
	size_t nstack, scap;
	unsigned max_depth, skipped; /* elements not made: too deep, or in script */
	bool word_break; /* an element not made ended or began: its text and
			  * the next are separate words */
	int in_skip;     /* inside script/style…: text kept only for ld+json */
	bool keep_script;
	bool oom;
	/* When the walk may stop: set by the time budget. */
	long long deadline_ns;
	bool timed_out;
	bool capped;     /* stopped at DOM_MAX_NODES */
} dom;

/* Nodes (elements and text) one page may make: real pages have tens of
 * thousands; a page of millions of tiny elements would need gigabytes in
 * the stages after the parse, so the parse stops here, with a warning. */
#define DOM_MAX_NODES 2000000u

/* Parses html[0..len) (UTF-8) into d. max_depth bounds the tree.
 * deadline_ns (CLOCK_MONOTONIC, 0 = none) stops the parse early. */
pith_status dom_parse(dom *d, const char *html, size_t len, unsigned max_depth,
		      long long deadline_ns);
void dom_free(dom *d);

/* An attribute's value, or NULL. */
const char *dom_attr(const dom *d, uint32_t node, const char *name);
static inline const char *dom_str(const dom *d, uint32_t off) { return d->str.p + off; }
/* Text node content (not NUL-terminated: use tlen). */
static inline const char *dom_text(const dom *d, uint32_t node) { return d->str.p + d->n[node].text; }

/* The next node in document order below top (pre-order), 0 at the end. */
uint32_t dom_next(const dom *d, uint32_t node, uint32_t top);
/* Same, skipping node's subtree. */
uint32_t dom_next_skip(const dom *d, uint32_t node, uint32_t top);

unsigned tag_lookup(const char *name);

long long mono_ns(void);

#endif
