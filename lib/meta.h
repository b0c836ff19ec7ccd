/* Metadata: the fields pith-meta adds, gathered from evidence of both kinds
 * of page, and the helpers that read bylines and label lines. */
#ifndef PITH_META_H
#define PITH_META_H

#include <stdbool.h>

#include "buf.h"
#include "date.h"
#include "page.h"

#define META_MAX_AUTHORS 16

/* Evidence is added with a strength; a field keeps its strongest value
 * (ties: the first). */
typedef struct meta_field {
	char *value;
	int strength;
} meta_field;

typedef struct meta {
	meta_field title, source, site, editor, lang, url, description;
	pdate date, modified;
	int date_strength, modified_strength;
	char *authors[META_MAX_AUTHORS];
	int nauthors, authors_strength;
	long long views;
	int views_strength;
	unsigned date_flags; /* DATE_DMY for pages that write day first */
} meta;

/* Strengths, strongest last. */
enum {
	EV_GUESS = 1,   /* position or shape only */
	EV_TEXT = 2,    /* a labelled line in the page text */
	EV_MARKUP = 3,  /* class/itemprop/time element in the page */
	EV_META = 4,    /* <meta> tags: OpenGraph, Dublin Core… */
	EV_JSONLD = 5,  /* schema.org JSON-LD */
	EV_RECORD = 6,  /* given in the input record */
};

void meta_set(meta_field *f, const char *s, size_t len, int strength);
void meta_set_date(meta *m, const pdate *d, int strength, bool modified);
/* Replaces the author list when strength beats the current one. Names are
 * split ("刘湘梅 王睿", "A and B", "甲、乙"), roles, e-mails and "By" removed. */
void meta_set_authors(meta *m, const char *s, size_t len, int strength);
void meta_free(meta *m);

/* Reads one labelled line ("2025/06/06 来自: 医务部 作者: 刘湘梅 王睿
 * 浏览:519", "(文/杨佳)", "责编:阎秀峰") into m with the given strength.
 * Returns how many fields it set. */
int meta_read_line(pith_ctx *ctx, meta *m, const char *s, size_t len, int strength);

/* A personal name as Chinese pages write them: 2–4 Han characters led by
 * a common surname (or a two-character one). */
bool meta_is_cjk_name(const char *s, size_t len);

/* "由大卫于2005年…" "由海姑娘张贴 @ …" "本贴由X发表": the poster of a
 * forum or blog entry. Sets the authors with strength; true when found. */
bool meta_read_poster(meta *m, const char *s, size_t len, int strength);

/* A byline in brackets at the end (or, at_end false, near the start) of a
 * body paragraph: "(文/杨佳)", "据新华社电（记者 张三 通讯员 李四）". */
void meta_read_byline(pith_ctx *ctx, meta *m, const char *s, size_t len, bool at_end);

/* Writes m into the record (title, date, authors, source, site, editor,
 * views, lang, url, description, modified). */
void meta_to_record(pith_doc *doc, const meta *m);

/* Evidence of each kind of page (meta_text.c, meta_html.c). */
void meta_from_text(pith_ctx *ctx, pith_doc *doc, struct page *pg, meta *m);
void meta_from_html(pith_ctx *ctx, pith_doc *doc, struct page *pg, meta *m);

#endif
