/* SAX events from libxml2's HTML parser into pith's compact tree. Skipping
 * libxml2's own tree saves its node allocations; its tokenizer and its
 * implied-end-tag rules still make the events balanced. */
#include "dom.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const struct tag_info tag_info[TAG__COUNT] = {
#define X(id, nm, fl) [TAG_##id] = {nm, fl},
	TAGS(X)
#undef X
};

/* Tag names → ids: an open-addressing table filled once. */
#define TAG_HASH 512
static uint8_t tag_hash[TAG_HASH];
static pthread_once_t tag_once = PTHREAD_ONCE_INIT;

static unsigned name_hash(const char *s)
{
	unsigned h = 5381;
	for (; *s; s++)
		h = h * 33 + (unsigned char)*s;
	return h & (TAG_HASH - 1);
}

static void tag_init(void)
{
	for (unsigned t = TAG_A; t < TAG__COUNT; t++) {
		unsigned h = name_hash(tag_info[t].name);
		while (tag_hash[h])
			h = (h + 1) & (TAG_HASH - 1);
		tag_hash[h] = (uint8_t)t;
	}
}

unsigned tag_lookup(const char *name)
{
	pthread_once(&tag_once, tag_init);
	for (unsigned h = name_hash(name); tag_hash[h]; h = (h + 1) & (TAG_HASH - 1))
		if (!strcmp(tag_info[tag_hash[h]].name, name))
			return tag_hash[h];
	return TAG_OTHER;
}

long long mono_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

struct sax_state {
	dom *d;
	htmlParserCtxtPtr ctxt;
	unsigned events;
};

static uint32_t str_add(dom *d, const char *s, size_t n)
{
	uint32_t off = (uint32_t)d->str.len;
	pbuf_add(&d->str, s, n);
	pbuf_addc(&d->str, 0);
	if (d->str.oom || d->str.len > UINT32_MAX / 2)
		d->oom = true;
	return off;
}

static uint32_t node_add(dom *d, unsigned tag)
{
	if (d->nn == d->ncap) {
		size_t cap = d->ncap ? d->ncap * 2 : 1024;
		dnode *n = realloc(d->n, cap * sizeof *n);
		if (!n || cap > UINT32_MAX) {
			d->oom = true;
			return 0;
		}
		d->n = n;
		d->ncap = cap;
	}
	uint32_t id = (uint32_t)d->nn++;
	dnode *x = &d->n[id];
	memset(x, 0, sizeof *x);
	x->tag = (uint16_t)tag;
	if (id == 0)
		return 0;
	uint32_t parent = d->nstack ? d->stack[d->nstack - 1] : 0;
	x->parent = parent;
	x->depth = (uint16_t)(d->nstack < 0xFFFF ? d->nstack : 0xFFFF);
	dnode *p = &d->n[parent];
	if (p->last)
		d->n[p->last].next = id;
	else
		p->first = id;
	p->last = id;
	return id;
}

static void check_deadline(struct sax_state *st)
{
	if (st->d->nn >= DOM_MAX_NODES && !st->d->capped) {
		st->d->capped = true;
		xmlStopParser(st->ctxt);
		return;
	}
	if (!st->d->deadline_ns || (++st->events & 1023))
		return;
	if (mono_ns() > st->d->deadline_ns) {
		st->d->timed_out = true;
		xmlStopParser(st->ctxt);
	}
}

/* Attributes no stage reads and that can be long: event handlers, data
 * blobs, responsive image lists. Not copied into the arena. */
static bool useless_attr(const char *name)
{
	switch (name[0]) {
	case 'o':
		return name[1] == 'n';
	case 'd':
		return !strncmp(name, "data-", 5) || !name[1];
	case 's':
		return !strcmp(name, "srcset") || !strcmp(name, "sizes");
	}
	return false;
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	struct sax_state *st = ctx;
	dom *d = st->d;
	check_deadline(st);
	if (d->oom)
		return;
	/* Too deep, or inside script/svg/noscript/template…: no node. Their
	 * elements are never page text, and an SVG can hold thousands. */
	if (d->nstack >= d->max_depth || d->in_skip) {
		d->skipped++;
		d->word_break = true;
		return;
	}
	unsigned tag = tag_lookup((const char *)name);
	uint32_t id = node_add(d, tag);
	if (d->oom)
		return;
	d->n[id].attr = (uint32_t)d->na;
	bool ldjson = false;
	for (const xmlChar **a = atts; a && a[0]; a += 2) {
		if (d->na == d->acap) {
			size_t cap = d->acap ? d->acap * 2 : 1024;
			dattr *na = realloc(d->a, cap * sizeof *na);
			if (!na) {
				d->oom = true;
				return;
			}
			d->a = na;
			d->acap = cap;
		}
		const char *v = a[1] ? (const char *)a[1] : "";
		if (useless_attr((const char *)a[0]))
			continue;
		d->a[d->na].name = str_add(d, (const char *)a[0], strlen((const char *)a[0]));
		d->a[d->na].value = str_add(d, v, strlen(v));
		d->na++;
		if (tag == TAG_SCRIPT && !strcmp((const char *)a[0], "type") &&
		    strstr(v, "ld+json"))
			ldjson = true;
	}
	d->n[id].nattr = (uint32_t)(d->na - d->n[id].attr);
	if (d->nstack == d->scap) {
		size_t cap = d->scap ? d->scap * 2 : 64;
		uint32_t *s = realloc(d->stack, cap * sizeof *s);
		if (!s) {
			d->oom = true;
			return;
		}
		d->stack = s;
		d->scap = cap;
	}
	d->stack[d->nstack++] = id;
	if (tag_flags(tag) & TF_SKIP) {
		d->in_skip++;
		d->keep_script = ldjson || tag == TAG_TITLE;
	}
}

static void on_end(void *ctx, const xmlChar *name)
{
	struct sax_state *st = ctx;
	dom *d = st->d;
	(void)name;
	if (d->skipped) {
		d->skipped--;
		d->word_break = true;
		return;
	}
	if (!d->nstack)
		return;
	uint32_t id = d->stack[--d->nstack];
	if (tag_flags(d->n[id].tag) & TF_SKIP) {
		d->in_skip--;
		d->keep_script = false;
		if (d->n[id].tag == TAG_TITLE && !d->title && d->n[id].first &&
		    d->n[d->n[id].first].tag == TAG_TEXT)
			d->title = d->n[d->n[id].first].text;
	}
}

static void on_text(void *ctx, const xmlChar *ch, int len)
{
	struct sax_state *st = ctx;
	dom *d = st->d;
	if (d->oom || len <= 0 || (d->in_skip && !d->keep_script))
		return;
	uint32_t parent = d->nstack ? d->stack[d->nstack - 1] : 0;
	uint32_t last = d->n[parent].last;
	/* libxml2 splits text at entities and buffer ends: merge runs. The
	 * previous text is the arena's tail, so it grows in place. */
	if (last && d->n[last].tag == TAG_TEXT &&
	    d->n[last].text + d->n[last].tlen + 1 == d->str.len) {
		d->str.len--; /* drop the NUL */
		if (d->word_break) {
			pbuf_addc(&d->str, ' ');
			d->n[last].tlen++;
		}
		d->word_break = false;
		pbuf_add(&d->str, ch, (size_t)len);
		pbuf_addc(&d->str, 0);
		d->n[last].tlen += (uint32_t)len;
		if (d->str.oom)
			d->oom = true;
		return;
	}
	d->word_break = false;
	uint32_t id = node_add(d, TAG_TEXT);
	if (d->oom)
		return;
	d->n[id].text = str_add(d, (const char *)ch, (size_t)len);
	d->n[id].tlen = (uint32_t)len;
}

static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* libxml2 checks each attribute of a start tag against all the ones before
 * it, so one tag with 100 000 attributes takes minutes. No real tag is
 * longer than MAX_TAG bytes (a data: URL can come close); a longer one is
 * cut there, in a copy of the page, the rest of it dropped up to its '>'.
 * Returns the copy (the caller frees it) or NULL when nothing needed it. */
#define MAX_TAG (256u << 10)

static char *cut_long_tags(const char *html, size_t *len)
{
	const char *p = html, *end = html + *len;
	pbuf out = PBUF_INIT;
	const char *copied = html;
	while ((p = memchr(p, '<', (size_t)(end - p)))) {
		p++;
		if (p >= end || !(((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')))
			continue;
		size_t room = (size_t)(end - p);
		const char *gt = memchr(p, '>', room < MAX_TAG ? room : MAX_TAG);
		if (gt || room < MAX_TAG) {
			if (gt)
				p = gt;
			continue;
		}
		/* a start tag longer than MAX_TAG: keep its head, close it */
		pbuf_add(&out, copied, (size_t)(p - copied) + MAX_TAG / 2);
		pbuf_addc(&out, '>');
		const char *close = memchr(p + MAX_TAG / 2, '>', (size_t)(end - p) - MAX_TAG / 2);
		copied = p = close ? close + 1 : end;
		if (p >= end)
			break;
	}
	if (!out.len)
		return NULL;
	pbuf_add(&out, copied, (size_t)(end - copied));
	if (out.oom) {
		pbuf_free(&out);
		return NULL;
	}
	*len = out.len;
	return pbuf_take(&out);
}

pith_status dom_parse(dom *d, const char *html, size_t len, unsigned max_depth,
		      long long deadline_ns)
{
	memset(d, 0, sizeof *d);
	d->max_depth = max_depth ? max_depth : 256;
	d->deadline_ns = deadline_ns;
	if (len > INT32_MAX)
		return PITH_ERR_LIMIT;
	pbuf_addc(&d->str, 0); /* offset 0 means "none" */
	node_add(d, TAG_ROOT);
	if (d->oom)
		return PITH_ERR_NOMEM;

	char *copy = cut_long_tags(html, &len);
	if (copy)
		html = copy;
	htmlParserCtxtPtr c = htmlCreateMemoryParserCtxt(html, (int)len);
	if (!c) {
		free(copy);
		return PITH_ERR_NOMEM;
	}
	xmlSAXHandler sax;
	memset(&sax, 0, sizeof sax);
	sax.startElement = on_start;
	sax.endElement = on_end;
	sax.characters = on_text;
	sax.ignorableWhitespace = on_text;
	sax.cdataBlock = on_text;
	sax.error = quiet;
	sax.warning = quiet;
	memcpy(c->sax, &sax, sizeof sax);
	struct sax_state st = {d, c, 0};
	c->userData = &st;
	/* The page is UTF-8 already: a <meta charset> must not switch it. */
	htmlCtxtUseOptions(c, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
			       HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC |
			       HTML_PARSE_NOIMPLIED);
	xmlSwitchEncoding(c, XML_CHAR_ENCODING_UTF8);
	htmlParseDocument(c);
	htmlFreeParserCtxt(c);
	free(copy);
	if (d->oom)
		return PITH_ERR_NOMEM;
	return PITH_OK;
}

void dom_free(dom *d)
{
	free(d->n);
	free(d->a);
	free(d->stack);
	pbuf_free(&d->str);
	memset(d, 0, sizeof *d);
}

const char *dom_attr(const dom *d, uint32_t node, const char *name)
{
	const dnode *x = &d->n[node];
	for (uint32_t i = x->attr; i < x->attr + x->nattr; i++)
		if (!strcmp(d->str.p + d->a[i].name, name))
			return d->str.p + d->a[i].value;
	return NULL;
}

uint32_t dom_next_skip(const dom *d, uint32_t node, uint32_t top)
{
	while (node && node != top) {
		if (d->n[node].next)
			return d->n[node].next;
		node = d->n[node].parent;
	}
	return 0;
}

uint32_t dom_next(const dom *d, uint32_t node, uint32_t top)
{
	if (d->n[node].first)
		return d->n[node].first;
	return dom_next_skip(d, node, top);
}
