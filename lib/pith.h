/*
 * pith.h — libpith: scraped news pages in, clean structured text out.
 *
 * libpith turns a web page (HTML in any charset, or a text dump of one)
 * into a record: the article body, its metadata (title, date, authors,
 * source, site, editor…) and its related-article links. The record is one
 * JSON object (see pith-record(5)); the library reads and writes records
 * in JSON Lines, and reads WARC archives and raw page files.
 *
 * Ownership, once for the whole API:
 *   - Every pith_X_new() has a pith_X_free() that accepts NULL.
 *   - A `char *` returned by a function is the caller's, to be freed with
 *     pith_free(). A `const char *` is borrowed from the handle it came
 *     from and stays valid until that handle is freed or next changed.
 *   - The library never prints and never exits: failures come back as a
 *     pith_status, with detail in pith_ctx_errmsg() or in the record's
 *     "error" field.
 *
 * Threads: distinct pith_ctx handles may be used at the same time from
 * different threads; one handle, and the documents made with it, belong to
 * one thread at a time. The first pith_ctx_new() sets up libxml2's
 * globals, once, in a thread-safe way.
 */
#ifndef PITH_H
#define PITH_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(PITH_BUILDING) && defined(__GNUC__)
#define PITH_API __attribute__((visibility("default")))
#else
#define PITH_API
#endif

/* ---- Versions ---------------------------------------------------------- */

#define PITH_VERSION_MAJOR 0
#define PITH_VERSION_MINOR 1
#define PITH_VERSION_PATCH 0
#define PITH_VERSION_STRING "0.1.0"

/* The library's version at run time, e.g. "0.1.0". */
PITH_API const char *pith_version(void);
/* The versions of the libraries in use, e.g.
 * "libxml2 2.9.14, pcre2 10.42, uchardet 0.0.7, jansson 2.14, zlib 1.2.13". */
PITH_API const char *pith_deps_version(void);

/* ---- Status codes ------------------------------------------------------ */

/* Numbers are stable: a code is never renumbered or reused. */
typedef enum pith_status {
	PITH_OK = 0,
	PITH_ERR_NOMEM = 1,      /* out of memory */
	PITH_ERR_ARG = 2,        /* invalid argument (NULL handle, bad option) */
	PITH_ERR_IO = 3,         /* the input could not be read */
	PITH_ERR_JSON = 4,       /* a JSON Lines line is not a JSON object */
	PITH_ERR_WARC = 5,       /* a malformed WARC record */
	PITH_ERR_GZIP = 6,       /* corrupt or truncated gzip data */
	PITH_ERR_CHARSET = 7,    /* the bytes could not be converted to UTF-8 */
	PITH_ERR_EMPTY = 8,      /* the page is empty */
	PITH_ERR_LIMIT = 9,      /* a limit was hit (size, depth, time) */
	PITH_ERR_HTML = 10,      /* the HTML parser failed */
	PITH_ERR_TRUNCATED = 11, /* the input ends inside a record */
	PITH_ERR_NOPAGE = 12,    /* the record holds no page (no html/text) */
	PITH_ERR_BINARY = 13     /* the page is binary data, not text */
} pith_status;

/* A short English description of the code; never NULL. */
PITH_API const char *pith_strerror(pith_status status);

/* Frees what the library returned as `char *`. */
PITH_API void pith_free(void *p);

/* ---- Options and contexts ---------------------------------------------- */

/* Boolean options, or'ed into pith_options.flags. */
#define PITH_OPT_DEFAULT 0u
#define PITH_OPT_NO_REPAIR (1u << 0)      /* no mojibake repair in decode */
#define PITH_OPT_T2S (1u << 1)            /* traditional → simplified Chinese in clean */
#define PITH_OPT_FOLD_WIDTH (1u << 2)     /* full-width ASCII → ASCII in clean */
#define PITH_OPT_KEEP_SOURCE (1u << 3)    /* keep "html"/"text" in output records */
#define PITH_OPT_NO_SITE_MEMORY (1u << 4) /* batches: no cross-page line memory */
#define PITH_OPT_NO_SPAM (1u << 5)        /* clean: keep injected spam lines */

/* Numeric settings. Fill with pith_options_init(), then change fields;
 * fields are only ever appended, so code built against an older header
 * keeps working. */
typedef struct pith_options {
	unsigned flags;          /* PITH_OPT_* */
	size_t max_page_bytes;   /* pages are cut here, with a warning (default 64 MiB) */
	unsigned max_depth;      /* HTML elements nested deeper are flattened (default 256) */
	unsigned time_budget_ms; /* per page; 0 = none (default 0) */
	long long now;           /* reference time (Unix seconds) for relative
	                            dates like "6天前"; 0 = unknown, such dates are null */
	size_t site_memory;      /* batch line memory, lines per run (default 1<<18) */
} pith_options;

PITH_API void pith_options_init(pith_options *opts);

/* A context holds options and buffers reused from page to page. One per
 * thread. opts may be NULL for the defaults; it is copied. */
typedef struct pith_ctx pith_ctx;
PITH_API pith_ctx *pith_ctx_new(const pith_options *opts);
PITH_API void pith_ctx_free(pith_ctx *ctx);
/* Detail of the last failure on this context ("" when none). */
PITH_API const char *pith_ctx_errmsg(const pith_ctx *ctx);
PITH_API const pith_options *pith_ctx_options(const pith_ctx *ctx);

/* ---- Documents --------------------------------------------------------- */

/* One page and its record. */
typedef struct pith_doc pith_doc;

/* Stages, or'ed into the `stages` argument of pith_doc_run(). */
#define PITH_STAGE_DECODE (1u << 0) /* bytes → UTF-8 html/text, "charset" */
#define PITH_STAGE_META (1u << 1)   /* title, date, authors, source, site… */
#define PITH_STAGE_LINKS (1u << 2)  /* related, prev, next */
#define PITH_STAGE_STRIP (1u << 3)  /* body */
#define PITH_STAGE_CLEAN (1u << 4)  /* normalised body and title */
#define PITH_STAGE_ALL 0x1Fu

/* A document from the raw bytes of one page. content_type is the HTTP
 * Content-Type header when known (its charset is evidence), else NULL;
 * url may be NULL. The bytes are copied. On PITH_OK *out is a new
 * document to free with pith_doc_free(). */
PITH_API pith_status pith_doc_from_bytes(pith_ctx *ctx, const char *buf, size_t len,
					 const char *content_type, const char *url,
					 pith_doc **out);

/* A document from one JSON Lines record (a JSON object, its "html" or
 * "text" the page). Every field is kept and written back out. */
PITH_API pith_status pith_doc_from_json(pith_ctx *ctx, const char *line, size_t len,
					pith_doc **out);

/* Runs the given stages (decode is implied when the page is still bytes).
 * On failure the record gets an "error" field and the status is returned;
 * the document stays valid and can still be written. */
PITH_API pith_status pith_doc_run(pith_ctx *ctx, pith_doc *doc, unsigned stages);

/* All stages on one page held in memory: pith_doc_from_bytes() then
 * pith_doc_run(PITH_STAGE_ALL). base_url resolves relative links. */
PITH_API pith_status pith_extract(pith_ctx *ctx, const char *buf, size_t len,
				  const char *base_url, pith_doc **out);

PITH_API void pith_doc_free(pith_doc *doc);

/* Getters borrow from the document; NULL when the field is absent. */
PITH_API const char *pith_doc_body(const pith_doc *doc);
PITH_API const char *pith_doc_title(const pith_doc *doc);
PITH_API const char *pith_doc_date(const pith_doc *doc);   /* ISO 8601 */
PITH_API const char *pith_doc_url(const pith_doc *doc);
PITH_API const char *pith_doc_error(const pith_doc *doc);   /* the "error" field */
PITH_API const char *pith_doc_warning(const pith_doc *doc); /* the "warning" field */
/* Any string field of the record (e.g. "file", "source"); NULL when absent
 * or not a string. */
PITH_API const char *pith_doc_get(const pith_doc *doc, const char *key);
/* The decoded page (UTF-8) and whether it is HTML (1) or a text dump (0). */
PITH_API const char *pith_doc_source(const pith_doc *doc, size_t *len, int *is_html);
/* Bytes the page holds (undecoded or decoded): what a caller queueing
 * documents counts to bound its memory. */
PITH_API size_t pith_doc_size(const pith_doc *doc);
/* Sets an "error" on the record (e.g. a failure found by the caller). */
PITH_API void pith_doc_set_error(pith_doc *doc, const char *msg);
/* Sets or replaces a string field of the record; value NULL removes it. */
PITH_API pith_status pith_doc_set(pith_doc *doc, const char *key, const char *value);

/* Output formats for pith_doc_format(). */
typedef enum pith_format {
	PITH_FORMAT_JSONL = 0,    /* one line, fixed key order, ends in "\n" */
	PITH_FORMAT_JSON = 1,     /* pretty, indented, ends in "\n" */
	PITH_FORMAT_TEXT = 2,     /* the body (or the decoded page before strip) */
	PITH_FORMAT_MARKDOWN = 3, /* the body with headings, lists, links, tables */
	PITH_FORMAT_SUMMARY = 4,  /* metadata and links, one "field: value" a line */
	PITH_FORMAT_BLOCKS = 5    /* one line per block: label, features, text (for
				     seeing why a page came out as it did) */
} pith_format;

/* The record in the given format; caller frees with pith_free(). */
PITH_API char *pith_doc_format(pith_ctx *ctx, const pith_doc *doc, pith_format fmt,
			       size_t *len);

/* ---- Batches: what many pages of one site teach ------------------------ */

/* A batch memory shared by the contexts of one run: lines that repeat on
 * many pages of the same site (the record's url host, else the site key
 * given to pith_doc_set_seq, e.g. the input directory) are taken as
 * boilerplate. So that output does not depend on thread timing, a page
 * sees only what pages at least PITH_BATCH_LAG places before it taught,
 * and callers must keep at most PITH_BATCH_LAG pages in flight. Size:
 * pith_options.site_memory entries (0 = no memory). Thread-safe. */
#define PITH_BATCH_LAG 32
typedef struct pith_batch pith_batch;
PITH_API pith_batch *pith_batch_new(const pith_options *opts);
PITH_API void pith_batch_free(pith_batch *batch);
/* The context consults batch (not owned; NULL detaches it). */
PITH_API void pith_ctx_set_batch(pith_ctx *ctx, pith_batch *batch);
/* The document's place in input order and its site key when it has no
 * url (may be NULL). */
PITH_API void pith_doc_set_seq(pith_doc *doc, unsigned long long seq, const char *site);
/* Teaches batch the lines of a processed document; call in input order. */
PITH_API void pith_batch_learn(pith_batch *batch, const pith_doc *doc);

/* ---- Readers: records from a stream ------------------------------------ */

/* Reads up to len bytes into buf: returns the count, 0 at the end, -1 on
 * error. */
typedef long (*pith_read_fn)(void *opaque, void *buf, size_t len);

/* A reader turns a byte stream into documents. The kind of input is
 * detected from its first bytes: JSON Lines ('{'), WARC ("WARC/1."),
 * either of them gzip'd, else one raw page (HTML or a text dump). name is
 * used in messages and as the record's "file" for raw pages. */
typedef struct pith_reader pith_reader;
PITH_API pith_reader *pith_reader_new(pith_ctx *ctx, pith_read_fn read, void *opaque,
				      const char *name);
PITH_API void pith_reader_free(pith_reader *r);

/* The next document. On PITH_OK, *out is a new document, or NULL at the
 * end of the input. A bad record (invalid JSON line, broken WARC record)
 * still gives a document, with an "error" field, so that one record in
 * makes one record out. Any other status means the stream itself failed
 * (read error): the reader cannot go on. */
PITH_API pith_status pith_reader_next(pith_reader *r, pith_doc **out);

/* Input kinds, as detected by the reader. */
typedef enum pith_input_kind {
	PITH_INPUT_UNKNOWN = 0,
	PITH_INPUT_RAW = 1,
	PITH_INPUT_JSONL = 2,
	PITH_INPUT_WARC = 3
} pith_input_kind;
PITH_API pith_input_kind pith_reader_kind(const pith_reader *r);
/* Bytes consumed from the stream so far (compressed bytes for gzip). */
PITH_API unsigned long long pith_reader_bytes(const pith_reader *r);

/* ---- Charset detection alone ------------------------------------------- */

/* The charset the decode stage would use for these bytes (WHATWG name in
 * lower case, e.g. "gb18030", "windows-1252", "utf-8"); never NULL. */
PITH_API const char *pith_detect_charset(pith_ctx *ctx, const char *buf, size_t len,
					 const char *content_type);

#ifdef __cplusplus
}
#endif

#endif
