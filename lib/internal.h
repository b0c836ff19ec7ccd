/* libpith internals shared by the stages: the context, the document and
 * its record. Not installed. */
#ifndef PITH_INTERNAL_H
#define PITH_INTERNAL_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "buf.h"
#include "charset.h"
#include "pith.h"

struct page;
struct sitemem;

struct pith_ctx {
	pith_options opt;
	char errmsg[256];
	charset_ctx *cs;
	void *opencc;           /* opencc_t, opened on first --t2s use */
	struct sitemem *sites;  /* batch line memory (not owned); NULL when off */
};

enum doc_kind { KIND_NONE = 0, KIND_HTML, KIND_TEXT };

struct pith_doc {
	json_t *rec;            /* every field of the record, in input order */
	char *raw;              /* page bytes not yet decoded (from_bytes) */
	size_t rawlen;
	char *content_type;     /* HTTP/WARC Content-Type of raw, or NULL */
	char *src;              /* the decoded page, UTF-8, NUL-terminated */
	size_t srclen;
	enum doc_kind kind;
	unsigned done;          /* PITH_STAGE_* already run */
	struct page *page;      /* parsed page and its blocks, built once */
	char *site_key;         /* given with the sequence number (a directory) */
	unsigned long long seq; /* place in the batch's input order */
	bool has_seq;
};

/* The batch memory's key of the document's site: its url host, else its
 * site key; 0 when it has neither. */
uint64_t doc_site(const pith_doc *doc);

/* Sets ctx->errmsg (printf-style) and returns status. */
pith_status ctx_error(pith_ctx *ctx, pith_status status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Record fields. Setters replace; a NULL/empty value removes the field. */
void rec_set_str(pith_doc *doc, const char *key, const char *val);
void rec_set_strn(pith_doc *doc, const char *key, const char *val, size_t len);
void rec_set_int(pith_doc *doc, const char *key, long long val);
void rec_set(pith_doc *doc, const char *key, json_t *val); /* steals val */
const char *rec_get_str(const pith_doc *doc, const char *key);

/* The stages, in lib/<stage>.c; each adds its fields to doc->rec. */
pith_status stage_decode(pith_ctx *ctx, pith_doc *doc);
pith_status stage_strip(pith_ctx *ctx, pith_doc *doc);
pith_status stage_meta(pith_ctx *ctx, pith_doc *doc);
pith_status stage_links(pith_ctx *ctx, pith_doc *doc);
pith_status stage_clean(pith_ctx *ctx, pith_doc *doc);

/* Parses doc->src into doc->page once (page.c). */
pith_status doc_page(pith_ctx *ctx, pith_doc *doc, struct page **out);
void page_free(struct page *pg);

/* Releases what the clean stage keeps in ctx (the OpenCC handle). */
void clean_ctx_release(pith_ctx *ctx);

/* The blocks and their labels, one a line (page.c). */
char *doc_blocks(const pith_doc *doc, size_t *len);

/* Markdown rendering of the body (strip.c). */
char *doc_markdown(pith_ctx *ctx, const pith_doc *doc, size_t *len);

#endif
