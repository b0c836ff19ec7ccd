/* Contexts, documents and their records: the public API's skeleton. */
#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/xmlversion.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uchardet/uchardet.h>
#include <zlib.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "internal.h"
#include "utf8.h"
#include "page.h"
#include "sitemem.h"
#include "textutil.h"
#include "url.h"

const char *pith_version(void) { return PITH_VERSION_STRING; }

static char deps_buf[160];

/* Filled once; pcre2 reports its version at run time. */
static void deps_fill(void)
{
	char pcre[32] = "";
	pcre2_config(PCRE2_CONFIG_VERSION, pcre);
	char *sp = strchr(pcre, ' ');
	if (sp)
		*sp = 0;
	snprintf(deps_buf, sizeof deps_buf,
		 "libxml2 %s, pcre2 %s, jansson %s, zlib %s, uchardet %s",
		 LIBXML_DOTTED_VERSION, pcre, jansson_version_str(), zlibVersion(),
#ifdef PITH_UCHARDET_VERSION
		 PITH_UCHARDET_VERSION
#else
		 "?"
#endif
	);
}

const char *pith_deps_version(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, deps_fill);
	return deps_buf;
}

static const char *const status_text[] = {
	[PITH_OK] = "success",
	[PITH_ERR_NOMEM] = "out of memory",
	[PITH_ERR_ARG] = "invalid argument",
	[PITH_ERR_IO] = "read error",
	[PITH_ERR_JSON] = "invalid JSON record",
	[PITH_ERR_WARC] = "malformed WARC record",
	[PITH_ERR_GZIP] = "corrupt or truncated gzip data",
	[PITH_ERR_CHARSET] = "cannot convert to UTF-8",
	[PITH_ERR_EMPTY] = "empty page",
	[PITH_ERR_LIMIT] = "limit exceeded",
	[PITH_ERR_HTML] = "HTML parser failed",
	[PITH_ERR_TRUNCATED] = "truncated input",
	[PITH_ERR_NOPAGE] = "record has no html or text",
	[PITH_ERR_BINARY] = "binary data, not a text page",
};

const char *pith_strerror(pith_status s)
{
	if ((unsigned)s < sizeof status_text / sizeof *status_text && status_text[s])
		return status_text[s];
	return "unknown error";
}

void pith_free(void *p) { free(p); }

void pith_options_init(pith_options *o)
{
	memset(o, 0, sizeof *o);
	o->max_page_bytes = 64u << 20;
	o->max_depth = 256;
	o->site_memory = 1u << 18;
}

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static void global_init(void)
{
	/* libxml2's parser globals must be set up before threads use it. */
	xmlInitParser();
}

pith_ctx *pith_ctx_new(const pith_options *opts)
{
	pthread_once(&init_once, global_init);
	pith_ctx *ctx = calloc(1, sizeof *ctx);
	if (!ctx)
		return NULL;
	if (opts)
		ctx->opt = *opts;
	else
		pith_options_init(&ctx->opt);
	ctx->cs = charset_ctx_new();
	if (!ctx->cs) {
		free(ctx);
		return NULL;
	}
	return ctx;
}

void pith_ctx_free(pith_ctx *ctx)
{
	if (!ctx)
		return;
	charset_ctx_free(ctx->cs);
	clean_ctx_release(ctx);
	free(ctx);
}

const char *pith_ctx_errmsg(const pith_ctx *ctx) { return ctx ? ctx->errmsg : ""; }
const pith_options *pith_ctx_options(const pith_ctx *ctx) { return &ctx->opt; }

pith_status ctx_error(pith_ctx *ctx, pith_status status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ctx->errmsg, sizeof ctx->errmsg, fmt, ap);
	va_end(ap);
	return status;
}

/* ---- record fields ---- */

void rec_set(pith_doc *doc, const char *key, json_t *val)
{
	if (!val || json_is_null(val)) {
		json_object_del(doc->rec, key);
		json_decref(val);
		return;
	}
	json_object_set_new(doc->rec, key, val);
}

void rec_set_strn(pith_doc *doc, const char *key, const char *val, size_t len)
{
	if (!val || !len) {
		rec_set(doc, key, NULL);
		return;
	}
	/* jansson takes valid UTF-8 only; stray bytes (a file name, a header)
	 * become U+FFFD rather than losing the field. */
	if (u8_valid(val, len)) {
		rec_set(doc, key, json_stringn(val, len));
		return;
	}
	pbuf b = PBUF_INIT;
	pbuf_add_valid(&b, val, len);
	rec_set(doc, key, json_stringn(pbuf_cstr(&b), b.len));
	pbuf_free(&b);
}

void rec_set_str(pith_doc *doc, const char *key, const char *val)
{
	rec_set_strn(doc, key, val, val ? strlen(val) : 0);
}

void rec_set_int(pith_doc *doc, const char *key, long long val)
{
	rec_set(doc, key, json_integer(val));
}

const char *rec_get_str(const pith_doc *doc, const char *key)
{
	return json_string_value(json_object_get(doc->rec, key));
}

/* ---- documents ---- */

static pith_doc *doc_new(void)
{
	pith_doc *doc = calloc(1, sizeof *doc);
	if (!doc)
		return NULL;
	doc->rec = json_object();
	if (!doc->rec) {
		free(doc);
		return NULL;
	}
	return doc;
}

pith_status pith_doc_from_bytes(pith_ctx *ctx, const char *buf, size_t len,
				const char *content_type, const char *url, pith_doc **out)
{
	*out = NULL;
	if (!ctx || (!buf && len))
		return PITH_ERR_ARG;
	pith_doc *doc = doc_new();
	if (!doc)
		return ctx_error(ctx, PITH_ERR_NOMEM, "out of memory");
	doc->raw = malloc(len + 1);
	if (!doc->raw) {
		pith_doc_free(doc);
		return ctx_error(ctx, PITH_ERR_NOMEM, "out of memory for a %zu-byte page", len);
	}
	if (len)
		memcpy(doc->raw, buf, len);
	doc->raw[len] = 0;
	doc->rawlen = len;
	if (content_type && *content_type)
		doc->content_type = strdup(content_type);
	if (url && *url)
		rec_set_str(doc, "url", url);
	*out = doc;
	return PITH_OK;
}

pith_status pith_doc_from_json(pith_ctx *ctx, const char *line, size_t len, pith_doc **out)
{
	*out = NULL;
	if (!ctx || !line)
		return PITH_ERR_ARG;
	json_error_t err;
	json_t *v = json_loadb(line, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &err);
	if (!v || !json_is_object(v)) {
		if (v)
			snprintf(err.text, sizeof err.text, "not a JSON object");
		json_decref(v);
		return ctx_error(ctx, PITH_ERR_JSON, "%s", err.text);
	}
	pith_doc *doc = calloc(1, sizeof *doc);
	if (!doc) {
		json_decref(v);
		return PITH_ERR_NOMEM;
	}
	doc->rec = v;
	*out = doc;
	return PITH_OK;
}

void pith_doc_free(pith_doc *doc)
{
	if (!doc)
		return;
	json_decref(doc->rec);
	free(doc->raw);
	free(doc->content_type);
	free(doc->src);
	free(doc->site_key);
	page_free(doc->page);
	free(doc);
}

pith_status pith_doc_run(pith_ctx *ctx, pith_doc *doc, unsigned stages)
{
	if (!ctx || !doc)
		return PITH_ERR_ARG;
	ctx->errmsg[0] = 0;
	pith_status st = PITH_OK;
	/* A record that already failed upstream passes through untouched. */
	if (rec_get_str(doc, "error") && !doc->raw)
		return PITH_OK;
	if (!(doc->done & PITH_STAGE_DECODE)) {
		st = stage_decode(ctx, doc);
		doc->done |= PITH_STAGE_DECODE;
		if (st != PITH_OK)
			goto fail;
	}
	static const struct {
		unsigned bit;
		pith_status (*run)(pith_ctx *, pith_doc *);
	} order[] = {
		/* strip first: meta and links read what it labelled */
		{PITH_STAGE_STRIP, stage_strip},
		{PITH_STAGE_META, stage_meta},
		{PITH_STAGE_LINKS, stage_links},
		{PITH_STAGE_CLEAN, stage_clean},
	};
	for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
		if (!(stages & order[i].bit) || (doc->done & order[i].bit))
			continue;
		st = order[i].run(ctx, doc);
		doc->done |= order[i].bit;
		if (st != PITH_OK)
			goto fail;
	}
	return PITH_OK;
fail:
	rec_set_str(doc, "error", ctx->errmsg[0] ? ctx->errmsg : pith_strerror(st));
	return st;
}

pith_status pith_extract(pith_ctx *ctx, const char *buf, size_t len, const char *base_url,
			 pith_doc **out)
{
	pith_status st = pith_doc_from_bytes(ctx, buf, len, NULL, base_url, out);
	if (st != PITH_OK)
		return st;
	return pith_doc_run(ctx, *out, PITH_STAGE_ALL);
}

const char *pith_doc_body(const pith_doc *d) { return rec_get_str(d, "body"); }
const char *pith_doc_title(const pith_doc *d) { return rec_get_str(d, "title"); }
const char *pith_doc_date(const pith_doc *d) { return rec_get_str(d, "date"); }
const char *pith_doc_url(const pith_doc *d) { return rec_get_str(d, "url"); }
const char *pith_doc_error(const pith_doc *d) { return rec_get_str(d, "error"); }
const char *pith_doc_get(const pith_doc *d, const char *key) { return d && key ? rec_get_str(d, key) : NULL; }
const char *pith_doc_warning(const pith_doc *d) { return rec_get_str(d, "warning"); }

const char *pith_doc_source(const pith_doc *d, size_t *len, int *is_html)
{
	if (len)
		*len = d->srclen;
	if (is_html)
		*is_html = d->kind == KIND_HTML;
	return d->src;
}

size_t pith_doc_size(const pith_doc *d)
{
	return d ? d->rawlen + d->srclen : 0;
}

void pith_doc_set_error(pith_doc *doc, const char *msg)
{
	rec_set_str(doc, "error", msg && *msg ? msg : "error");
}

pith_status pith_doc_set(pith_doc *doc, const char *key, const char *value)
{
	if (!doc || !key)
		return PITH_ERR_ARG;
	rec_set_str(doc, key, value);
	return PITH_OK;
}

/* ---- batches ---- */

pith_batch *pith_batch_new(const pith_options *opts)
{
	pith_options d;
	if (!opts) {
		pith_options_init(&d);
		opts = &d;
	}
	return (pith_batch *)sitemem_new(opts->site_memory);
}

void pith_batch_free(pith_batch *batch) { sitemem_free((struct sitemem *)batch); }

void pith_ctx_set_batch(pith_ctx *ctx, pith_batch *batch)
{
	if (ctx)
		ctx->sites = (ctx->opt.flags & PITH_OPT_NO_SITE_MEMORY) ? NULL
									 : (struct sitemem *)batch;
}

void pith_doc_set_seq(pith_doc *doc, unsigned long long seq, const char *site)
{
	if (!doc)
		return;
	doc->seq = seq;
	doc->has_seq = true;
	free(doc->site_key);
	doc->site_key = site && *site ? strdup(site) : NULL;
}

uint64_t doc_site(const pith_doc *doc)
{
	char host[256];
	const char *url = rec_get_str(doc, "url");
	const char *key = url && url_host(url, host, sizeof host) ? host : doc->site_key;
	return key ? text_hash(key, strlen(key)) | 1 : 0;
}

void pith_batch_learn(pith_batch *batch, const pith_doc *doc)
{
	if (!batch || !doc || !doc->has_seq || !doc->page)
		return;
	uint64_t site = doc_site(doc);
	if (!site)
		return;
	const struct page *pg = doc->page;
	uint64_t buf[512];
	size_t n = 0;
	for (size_t i = 0; i < pg->nb; i++) {
		buf[n++] = pg->b[i].hash;
		if (n == sizeof buf / sizeof *buf || i + 1 == pg->nb) {
			sitemem_learn((struct sitemem *)batch, site, buf, n, doc->seq);
			n = 0;
		}
	}
}

/* ---- output ---- */

/* pith's own fields in their fixed output order; other fields of the input
 * record come first, in their own order. */
static const char *const field_order[] = {
	"url", "warc_id", "warc_date", "file", "title", "date", "modified", "authors", "source",
	"site", "editor", "views", "lang", "description", "body", "related", "prev",
	"next", "charset", "html", "text", "warning", "error",
};
#define NFIELDS (sizeof field_order / sizeof *field_order)

static bool is_own_field(const char *key)
{
	for (size_t i = 0; i < NFIELDS; i++)
		if (!strcmp(key, field_order[i]))
			return true;
	return false;
}

static json_t *ordered(pith_ctx *ctx, const pith_doc *doc)
{
	json_t *o = json_object();
	if (!o)
		return NULL;
	const char *key;
	json_t *v;
	json_object_foreach(doc->rec, key, v)
		if (!is_own_field(key))
			json_object_set(o, key, v);
	bool keep = ctx->opt.flags & PITH_OPT_KEEP_SOURCE;
	for (size_t i = 0; i < NFIELDS; i++) {
		const char *k = field_order[i];
		if (!strcmp(k, "html") || !strcmp(k, "text")) {
			/* the page is kept in doc->src, not in the record */
			bool mine = (k[0] == 'h') == (doc->kind == KIND_HTML);
			if (keep && doc->src && mine)
				json_object_set_new(o, k, json_stringn(doc->src, doc->srclen));
			else if (keep && (v = json_object_get(doc->rec, k)))
				json_object_set(o, k, v); /* the other one, passed through */
			continue;
		}
		if ((v = json_object_get(doc->rec, k)))
			json_object_set(o, k, v);
	}
	return o;
}

static char *summary(const pith_doc *doc, size_t *len)
{
	pbuf b = PBUF_INIT;
	const char *key;
	json_t *v;
	json_object_foreach(doc->rec, key, v) {
		if (!strcmp(key, "html") || !strcmp(key, "text") || !strcmp(key, "body"))
			continue;
		if (json_is_string(v)) {
			pbuf_addf(&b, "%s: %s\n", key, json_string_value(v));
		} else if (!strcmp(key, "related") && json_is_array(v)) {
			size_t i;
			json_t *it;
			json_array_foreach(v, i, it) {
				const char *t = json_string_value(json_object_get(it, "title"));
				const char *u = json_string_value(json_object_get(it, "url"));
				const char *d = json_string_value(json_object_get(it, "date"));
				pbuf_addf(&b, "related: %s%s%s%s%s\n", t ? t : "", d ? "  " : "",
					  d ? d : "", u ? "  " : "", u ? u : "");
			}
		} else {
			char *s = json_dumps(v, JSON_COMPACT);
			if (s)
				pbuf_addf(&b, "%s: %s\n", key, s);
			free(s);
		}
	}
	if (len)
		*len = b.len;
	return pbuf_take(&b);
}

char *pith_doc_format(pith_ctx *ctx, const pith_doc *doc, pith_format fmt, size_t *len)
{
	if (!ctx || !doc)
		return NULL;
	if (fmt == PITH_FORMAT_TEXT) {
		const char *s = rec_get_str(doc, "body");
		size_t n;
		if (s) {
			n = json_string_length(json_object_get(doc->rec, "body"));
		} else if (doc->src) {
			s = doc->src;
			n = doc->srclen;
		} else {
			s = "";
			n = 0;
		}
		pbuf b = PBUF_INIT;
		pbuf_add(&b, s, n);
		if (n && s[n - 1] != '\n')
			pbuf_addc(&b, '\n');
		if (len)
			*len = b.len;
		return pbuf_take(&b);
	}
	if (fmt == PITH_FORMAT_MARKDOWN)
		return doc_markdown(ctx, doc, len);
	if (fmt == PITH_FORMAT_SUMMARY)
		return summary(doc, len);
	if (fmt == PITH_FORMAT_BLOCKS)
		return doc_blocks(doc, len);
	json_t *o = ordered(ctx, doc);
	if (!o)
		return NULL;
	size_t flags = fmt == PITH_FORMAT_JSON ? JSON_INDENT(2) : JSON_COMPACT;
	char *s = json_dumps(o, flags | JSON_PRESERVE_ORDER);
	json_decref(o);
	if (!s)
		return NULL;
	size_t n = strlen(s);
	char *r = realloc(s, n + 2);
	if (!r) {
		free(s);
		return NULL;
	}
	r[n++] = '\n';
	r[n] = 0;
	if (len)
		*len = n;
	return r;
}
