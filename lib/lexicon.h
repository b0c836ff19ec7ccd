/* The word lists of data/ (one file a list), compiled into one Aho–Corasick automaton
 * (built once per process) that finds every listed phrase in a text in a
 * single pass. ASCII letters match case-insensitively; everything else
 * byte for byte, so list both simplified and traditional forms. */
#ifndef PITH_LEXICON_H
#define PITH_LEXICON_H

#include <stddef.h>
#include <stdint.h>

/* One category per data file (data/<name>.txt). */
#define LEXICONS(X)                                                                \
	X(NAV, "nav")               /* site navigation, breadcrumbs, log-in */    \
	X(SHARE, "share")           /* share prompts, QR codes, print/close */    \
	X(FOOTER, "footer")         /* copyright, licence numbers, addresses */   \
	X(FOOTER_STRONG, "footer_strong") /* footer even in a long line */    \
	X(DISCLAIMER, "disclaimer") /* reprint notices and disclaimers */         \
	X(RELATED, "related")       /* headings of related-article lists */       \
	X(PREVNEXT, "prevnext")     /* previous / next article */                 \
	X(SPAM, "spam")             /* themes of injected spam */                 \
	X(HINT_POS, "hint_pos")     /* class/id words of article containers */    \
	X(HINT_NEG, "hint_neg")     /* class/id words of boilerplate */           \
	X(META_AUTHOR, "meta_author") /* labels: 作者 By Author … */              \
	X(META_SOURCE, "meta_source") /* 来源 Source … */                         \
	X(META_EDITOR, "meta_editor") /* 编辑 责编 Editor … */                    \
	X(META_DATE, "meta_date")   /* 发布时间 Published … */                    \
	X(META_VIEWS, "meta_views") /* 浏览 阅读 Views … */                       \
	X(META_OTHER, "meta_other") /* other metadata labels: 字号 打印 … */      \
	X(COMMENT, "comment")       /* comment sections, reader replies */    \
	X(HINT_COMMENT, "hint_comment") /* class/id words of comment sections */ \
	X(HINT_RELATED, "hint_related") /* class/id words of related lists */ \
	X(HINT_HIDDEN, "hint_hidden") /* class/id words of elements not shown */ \
	X(HINT_EMBED, "hint_embed") /* class/id words of embedded posts */ \
	X(CAPTION, "caption")       /* picture captions and credits */

enum lex_cat {
#define X(id, name) LEX_##id,
	LEXICONS(X)
#undef X
	LEX__COUNT
};

typedef struct lex_match {
	uint32_t start, end; /* byte range in the text */
	uint16_t cat;        /* enum lex_cat */
	uint16_t flags;      /* LEXF_* from the list's line */
} lex_match;

/* A list line may end in flags after a tab: "=" the phrase must be the
 * whole (trimmed) text, "^" it must start the text. */
enum { LEXF_WHOLE = 1, LEXF_PREFIX = 2 };

/* Bitmask (1 << cat) of the categories found in s[0..len). */
uint32_t lex_scan(const char *s, size_t len);
/* Every match, up to max; returns the number found (may exceed max). */
size_t lex_find(const char *s, size_t len, lex_match *out, size_t max);
/* Both masks of a line in one pass: *any gets the categories with a match
 * that respects its flags ("=" whole line, "^" at the start), *whole those
 * whose phrase covers all of s (trimmed of spaces and punctuation). */
void lex_line(const char *s, size_t len, uint32_t *any, uint32_t *whole);
/* True when s contains a phrase of cat that respects its flags. */
int lex_has(const char *s, size_t len, enum lex_cat cat);

#endif
