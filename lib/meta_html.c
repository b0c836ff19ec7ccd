/* Metadata of HTML pages. Evidence is gathered strongest first and
 * combined: JSON-LD, <meta> tags (OpenGraph, Twitter, Dublin Core…),
 * itemprop and <time> markup, then the visible byline and date lines near
 * the headline, then the URL. Text is searched only around the headline
 * and the start of the article, where pages print their bylines: date
 * search is the costly part elsewhere. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "jsonld.h"
#include "lexicon.h"
#include "meta.h"
#include "textutil.h"
#include "url.h"
#include "utf8.h"

#define LABEL_MASK                                                               \
	((1u << LEX_META_AUTHOR) | (1u << LEX_META_SOURCE) | (1u << LEX_META_EDITOR) | \
	 (1u << LEX_META_DATE) | (1u << LEX_META_VIEWS))

/* What the DOM scan found besides direct meta fields. */
struct scan {
	const char *title_tag;  /* <title> */
	const char *og_title;
	const char *base;       /* <base href> */
	const char *wrapper_url;/* CleanEval-style <text id="http…" title="…"> */
	const char *wrapper_title;
	uint32_t time_node;     /* first <time datetime> (pubdate first) */
	bool time_pub;
	jsonld ld;
};

/* Text of an element's subtree, white space collapsed, at most max bytes. */
static void elem_text(const dom *d, uint32_t n, pbuf *out, size_t max)
{
	pbuf_reset(out);
	uint32_t c = dom_next(d, n, n);
	while (c && out->len < max) {
		if (d->n[c].tag == TAG_TEXT) {
			if (out->len)
				pbuf_addc(out, ' ');
			text_add_collapsed(out, dom_text(d, c), d->n[c].tlen);
		} else if (tag_flags(d->n[c].tag) & TF_SKIP) {
			c = dom_next_skip(d, c, n);
			continue;
		}
		c = dom_next(d, c, n);
	}
}

static bool ieq(const char *a, const char *b) { return !strcasecmp(a, b); }

static void set_date_str(meta *m, const char *v, int strength, bool modified, long long now)
{
	pdate dt;
	if (v && date_parse_ex(v, strlen(v), now, m->date_flags, &dt) && date_plausible(&dt, now))
		meta_set_date(m, &dt, strength, modified);
}

/* Author values that are no person: a URL (Facebook profile), the site. */
static bool author_ok(const char *v)
{
	return v && *v && !url_is_http(v) && strncmp(v, "www.", 4) && strncmp(v, "//", 2);
}

static void meta_tag(pith_ctx *ctx, meta *m, struct scan *sc, const dom *d, uint32_t i)
{
	const char *key = dom_attr(d, i, "property");
	if (!key)
		key = dom_attr(d, i, "name");
	if (!key)
		key = dom_attr(d, i, "itemprop");
	const char *v = dom_attr(d, i, "content");
	if (!key) {
		const char *he = dom_attr(d, i, "http-equiv");
		if (he && v && ieq(he, "content-language"))
			meta_set(&m->lang, v, strlen(v), EV_META - 1);
		return;
	}
	if (!v || !*v)
		return;
	size_t vl = strlen(v);
	long long now = ctx->opt.now;
	if (ieq(key, "og:title") || ieq(key, "twitter:title") || ieq(key, "articletitle") ||
	    ieq(key, "headline")) {
		if (!sc->og_title)
			sc->og_title = v;
	} else if (ieq(key, "og:site_name") || ieq(key, "application-name") || ieq(key, "sitename")) {
		meta_set(&m->site, v, vl, ieq(key, "og:site_name") ? EV_META : EV_META - 1);
	} else if (ieq(key, "description") || ieq(key, "og:description") ||
		   ieq(key, "twitter:description") || ieq(key, "dc.description")) {
		meta_set(&m->description, v, vl, ieq(key, "description") ? EV_META : EV_META - 1);
	} else if (ieq(key, "author") || ieq(key, "article:author") || ieq(key, "dc.creator") ||
		   ieq(key, "byl") || ieq(key, "sailthru.author") || ieq(key, "parsely-author") ||
		   ieq(key, "twitter:creator") || ieq(key, "dcterms.creator")) {
		if (author_ok(v) && v[0] != '@')
			meta_set_authors(m, v, vl, EV_META);
	} else if (ieq(key, "og:url")) {
		meta_set(&m->url, v, vl, EV_META - 1);
	} else if (ieq(key, "article:published_time") || ieq(key, "pubdate") ||
		   ieq(key, "publishdate") || ieq(key, "publish-date") || ieq(key, "publish_date") ||
		   ieq(key, "dc.date") || ieq(key, "dc.date.issued") || ieq(key, "dcterms.date") ||
		   ieq(key, "dcterms.issued") || ieq(key, "dcterms.created") || ieq(key, "dc.date.created") ||
		   ieq(key, "datepublished") || ieq(key, "sailthru.date") ||
		   ieq(key, "parsely-pub-date") || ieq(key, "og:published_time") ||
		   ieq(key, "article.published") || ieq(key, "og:article:published_time") ||
		   ieq(key, "firstpublishedtime") || ieq(key, "date") || ieq(key, "publication_date") ||
		   ieq(key, "originalpublicationdate") || ieq(key, "citation_publication_date") ||
		   ieq(key, "citation_date") || ieq(key, "release_date") || ieq(key, "published_time")) {
		set_date_str(m, v, EV_META, false, now);
	} else if (ieq(key, "article:modified_time") || ieq(key, "og:updated_time") ||
		   ieq(key, "dc.date.modified") || ieq(key, "dcterms.modified") ||
		   ieq(key, "datemodified") || ieq(key, "lastmod") || ieq(key, "last-modified") ||
		   ieq(key, "lastmodifiedtime") || ieq(key, "article:modified")) {
		set_date_str(m, v, EV_META, true, now);
	} else if (ieq(key, "og:locale") || ieq(key, "language") || ieq(key, "dc.language")) {
		meta_set(&m->lang, v, vl, EV_META - 2);
	} else if (ieq(key, "contentsource") || ieq(key, "source")) {
		meta_set(&m->source, v, vl, EV_META);
	}
}

/* itemprop markup outside <meta>: datePublished, dateModified, author,
 * headline. */
static void itemprop(pith_ctx *ctx, meta *m, struct scan *sc, const dom *d, uint32_t i,
		     const char *ip, pbuf *tmp)
{
	long long now = ctx->opt.now;
	bool pub = strstr(ip, "datePublished") || strstr(ip, "dateCreated");
	bool mod = strstr(ip, "dateModified");
	if (pub || mod) {
		const char *v = dom_attr(d, i, "datetime");
		if (!v)
			v = dom_attr(d, i, "content");
		if (!v) {
			elem_text(d, i, tmp, 120);
			v = pbuf_cstr(tmp);
		}
		set_date_str(m, v, EV_MARKUP, mod && !pub, now);
	} else if (strstr(ip, "author") || strstr(ip, "creator")) {
		/* the name inside a Person, or the element's own text */
		uint32_t name = 0;
		for (uint32_t c = dom_next(d, i, i); c; c = dom_next(d, c, i)) {
			const char *p = d->n[c].tag == TAG_TEXT ? NULL : dom_attr(d, c, "itemprop");
			if (p && !strcmp(p, "name")) {
				name = c;
				break;
			}
		}
		const char *v = dom_attr(d, name ? name : i, "content");
		if (!v) {
			elem_text(d, name ? name : i, tmp, 200);
			v = pbuf_cstr(tmp);
		}
		if (author_ok(v) && strlen(v) < 120)
			meta_set_authors(m, v, strlen(v), EV_MARKUP);
	} else if (!strcmp(ip, "headline") && !sc->og_title) {
		(void)sc;
	}
}

static void scan_dom(pith_ctx *ctx, meta *m, struct scan *sc, const dom *d, pbuf *tmp)
{
	bool in_body = false;
	for (uint32_t i = 1; i < d->nn; i++) {
		const dnode *x = &d->n[i];
		if (x->tag == TAG_TEXT || !x->nattr) {
			if (x->tag == TAG_BODY)
				in_body = true;
			continue;
		}
		switch (x->tag) {
		case TAG_HTML: {
			const char *lang = dom_attr(d, i, "lang");
			if (!lang)
				lang = dom_attr(d, i, "xml:lang");
			if (lang)
				meta_set(&m->lang, lang, strlen(lang), EV_META);
			continue;
		}
		case TAG_META:
			meta_tag(ctx, m, sc, d, i);
			continue;
		case TAG_LINK: {
			const char *rel = dom_attr(d, i, "rel"), *href = dom_attr(d, i, "href");
			if (rel && href && ieq(rel, "canonical") && *href)
				meta_set(&m->url, href, strlen(href), EV_META);
			continue;
		}
		case TAG_BASE:
			if (!sc->base)
				sc->base = dom_attr(d, i, "href");
			continue;
		case TAG_SCRIPT:
			if (x->first && d->n[x->first].tag == TAG_TEXT)
				jsonld_read(&sc->ld, dom_text(d, x->first), d->n[x->first].tlen);
			continue;
		case TAG_BODY:
			in_body = true;
			break;
		case TAG_TIME:
			if (in_body && (!sc->time_node || (!sc->time_pub && dom_attr(d, i, "pubdate"))) &&
			    dom_attr(d, i, "datetime")) {
				sc->time_node = i;
				sc->time_pub = dom_attr(d, i, "pubdate") != NULL;
			}
			break;
		case TAG_OTHER:
			/* a crawl corpus wrapper: <text id="http://…" title=…> */
			if (!sc->wrapper_url && x->depth <= 1) {
				const char *id = dom_attr(d, i, "id");
				if (id && url_is_http(id) && dom_attr(d, i, "encoding")) {
					sc->wrapper_url = id;
					sc->wrapper_title = dom_attr(d, i, "title");
				}
			}
			break;
		default:
			break;
		}
		const char *ip = dom_attr(d, i, "itemprop");
		if (ip && x->tag != TAG_META)
			itemprop(ctx, m, sc, d, i, ip, tmp);
	}
	if (d->title)
		sc->title_tag = dom_str(d, d->title);
	else if (sc->wrapper_title && *sc->wrapper_title)
		sc->title_tag = sc->wrapper_title;
}

/* ---- the headline ---- */

/* s with its collapsed form in out. */
static void collapse(pbuf *out, const char *s)
{
	pbuf_reset(out);
	if (s)
		text_add_collapsed(out, s, strlen(s));
}

static bool is_sep_at(const char *s, size_t len, size_t i, size_t *seplen)
{
	static const char *const seps[] = {" - ", " | ", " – ", " — ", " :: ", " » ", " · ",
					   "_", "｜", " ｜ ", "--", " / ", "－", "—"};
	for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
		size_t n = strlen(seps[k]);
		if (i + n <= len && !memcmp(s + i, seps[k], n)) {
			*seplen = n;
			return true;
		}
	}
	/* a bare "-" between CJK text: "标题-搜狐财经" */
	if (s[i] == '-' && i > 0 && i + 1 < len && ((unsigned char)s[i - 1] >= 0x80 ||
						    (unsigned char)s[i + 1] >= 0x80)) {
		*seplen = 1;
		return true;
	}
	return false;
}

/* The <title> without the site's name: the longest segment between
 * separators when the others are short, else the whole. */
static void strip_suffix(const char *t, size_t len, const char *site, size_t *ob, size_t *oe)
{
	size_t segb[16], sege[16], n = 0, start = 0;
	for (size_t i = 0; i < len && n < 15;) {
		size_t sl;
		if (is_sep_at(t, len, i, &sl)) {
			segb[n] = start;
			sege[n++] = i;
			i += sl;
			start = i;
		} else {
			i++;
		}
	}
	segb[n] = start;
	sege[n++] = len;
	*ob = 0;
	*oe = len;
	if (n == 1)
		return;
	size_t best = 0, bestw = 0, total = 0;
	for (size_t k = 0; k < n; k++) {
		size_t w = text_width(t + segb[k], sege[k] - segb[k]);
		total += w;
		bool is_site = site && *site && sege[k] - segb[k] == strlen(site) &&
			       !memcmp(t + segb[k], site, strlen(site));
		if (!is_site && w > bestw) {
			bestw = w;
			best = k;
		}
	}
	/* the headline is most of the title; a title of equals is kept whole */
	if (bestw * 2 < total && best != 0)
		return;
	if (bestw < 6)
		return;
	size_t b = segb[best], e = sege[best];
	text_trim(t + b, e - b, ob, oe);
	*ob += b;
	*oe += b;
}

/* How well block text s matches the title t (both collapsed): 3 equal,
 * 2 the title starts with it, 1 contained in it, 0 no. */
static int title_match(const char *s, size_t sl, const char *t, size_t tl)
{
	if (!sl || !tl || sl > tl)
		return 0;
	if (sl == tl && !memcmp(s, t, sl))
		return 3;
	/* the title's first or last part ("站名--频道--标题") */
	if ((!memcmp(t, s, sl) || !memcmp(t + tl - sl, s, sl)) && u8_count(s, sl) >= 4)
		return 2;
	if (u8_count(s, sl) >= 6 && memmem(t, tl, s, sl))
		return 1;
	return 0;
}

/* The index of the headline block, or -1. */
static int32_t find_headline(const struct page *pg, const char *title, const char *og,
			     int *score)
{
	pbuf t = PBUF_INIT, o = PBUF_INIT;
	collapse(&t, title);
	collapse(&o, og);
	int32_t best = -1, h1 = -1;
	int best_s = 0;
	for (size_t i = 0; i < pg->nb; i++) {
		const block *b = &pg->b[i];
		if (b->nchars > 150 || b->nchars < 2)
			continue;
		const char *s = block_text(pg, b);
		int sc = 0;
		int a = title_match(s, b->len, t.p ? t.p : "", t.len);
		int c = title_match(s, b->len, o.p ? o.p : "", o.len);
		sc = (a > c ? a : c) * 4;
		/* the title's first part, with more of it than a menu item */
		if (sc && b->nlink * 2 > b->nchars)
			sc -= 6;
		if (b->flags & BF_HEADING)
			sc += b->level == 1 ? 3 : 2;
		if (b->level == 1 && (b->flags & BF_HEADING) && h1 < 0)
			h1 = (int32_t)i;
		if (sc > best_s) {
			best_s = sc;
			best = (int32_t)i;
		}
	}
	pbuf_free(&t);
	pbuf_free(&o);
	*score = best_s;
	if (best_s < 5)
		return h1 >= 0 && pg->b[h1].nlink * 2 <= pg->b[h1].nchars ? h1 : -1;
	return best;
}

static void set_title(meta *m, struct scan *sc, const struct page *pg, int32_t hl)
{
	const char *site = m->site.value ? m->site.value : sc->ld.publisher;
	if (hl >= 0) {
		const block *b = &pg->b[hl];
		meta_set(&m->title, block_text(pg, b), b->len, EV_MARKUP);
		return;
	}
	const char *t = sc->ld.rank >= 3 && sc->ld.headline ? sc->ld.headline : sc->og_title;
	if (!t)
		t = sc->title_tag;
	if (!t)
		return;
	pbuf c = PBUF_INIT;
	collapse(&c, t);
	if (c.len) {
		size_t b, e;
		strip_suffix(c.p, c.len, site, &b, &e);
		meta_set(&m->title, c.p + b, e - b, t == sc->title_tag ? EV_GUESS : EV_META);
	}
	pbuf_free(&c);
}

/* ---- bylines and date lines in the text ---- */

/* Class/id words of an element and its two parents that say what a short
 * block is: 1 date, 2 author. */
static int class_hint(const dom *d, uint32_t n)
{
	for (int up = 0; n && up < 3; up++, n = d->n[n].parent) {
		const dnode *x = &d->n[n];
		for (uint32_t k = x->attr; k < x->attr + x->nattr; k++) {
			const char *name = d->str.p + d->a[k].name;
			if (strcmp(name, "class") && strcmp(name, "id"))
				continue;
			const char *v = d->str.p + d->a[k].value;
			if (strcasestr(v, "comment") || strcasestr(v, "related") || strcasestr(v, "recommend"))
				return 0;
			if (strcasestr(v, "author") || strcasestr(v, "byline") || strcasestr(v, "writer") ||
			    strcasestr(v, "reporter"))
				return 2;
			if (strcasestr(v, "date") || strcasestr(v, "time") || strcasestr(v, "publish") ||
			    strcasestr(v, "posted"))
				return 1;
		}
	}
	return 0;
}

/* Lines that never carry the article's date. */
static bool no_date_line(const struct page *pg, const block *b)
{
	if (b->label == LB_COMMENT || b->label == LB_RELATED || b->label == LB_SPAM)
		return true;
	/* "发表评论" beside a date is a link, a comment heading is the whole line */
	if ((b->lex & (1u << LEX_FOOTER)) || (b->lexwhole & (1u << LEX_COMMENT)))
		return true;
	const char *s = block_text(pg, b);
	/* replies in a thread: "# re: …", "回复" */
	if (b->len > 4 && (!strncasecmp(s, "re:", 3) || !strncasecmp(s, "# re:", 5)))
		return true;
	return false;
}

/* A date line: a labelled date, or a short line mostly made of a date
 * (with the site, the source, a view count beside it). Returns a score,
 * 0 when the block is not one. */
static int date_line(pith_ctx *ctx, meta *m, const struct page *pg, const block *b, bool near,
		     pdate *out)
{
	if (b->ndigits < 4 || b->nchars > 160 || no_date_line(pg, b))
		return 0;
	const char *s = block_text(pg, b);
	size_t ds, de;
	if (!date_find_ex(s, b->len, ctx->opt.now, m->date_flags, out, &ds, &de))
		return 0;
	if (!date_plausible(out, ctx->opt.now) || out->relative)
		return 0;
	bool labelled = (b->lex & (1u << LEX_META_DATE)) != 0;
	size_t rest = u8_count(s, b->len) - u8_count(s + ds, de - ds);
	/* "2005年9月 (1)": a link to an archive, not a date line */
	for (uint32_t k = b->anchor; k < b->anchor + b->nanchors; k++) {
		const anchor *a = &pg->an[k];
		size_t ab = a->off - b->off, ae = ab + a->len;
		if (ab < de && ae > ds)
			return 0;
	}
	int score = 0;
	if (labelled)
		score += 4;
	else if (rest <= 2 && near)
		score += 6; /* a line that is only a date, under the headline */
	else if (out->prec < DATE_DAY)
		return 0;
	else if (rest <= 40 || (b->lex & LABEL_MASK))
		score += 2;
	else
		return 0;
	if (out->prec >= DATE_MINUTE)
		score += 1;
	if (out->prec < DATE_DAY)
		score -= 1;
	if (class_hint(&pg->dom, b->node) == 1)
		score += 1;
	return score > 0 ? score : 0;
}

/* A block that is only a name or names ("茉莉", "赵延东、风笑天"); a pen
 * name without a surname counts when the title starts with it
 * ("茉莉：我是怎样…"). */
static bool names_only(const char *s, size_t len, const char *title)
{
	size_t i = 0, start = 0, n = 0;
	while (i <= len) {
		size_t adv = 1;
		uint32_t c = i < len ? u8_next(s + i, len - i, &adv) : ' ';
		if (i == len || c == 0x3001 || c == ' ' || c == 0x3000 || c == ',' || c == 0xFF0C) {
			if (i > start) {
				bool named = meta_is_cjk_name(s + start, i - start);
				/* a pen name the title starts with: "茉莉：…" */
				if (!named && title && i - start >= 6 && i - start <= 12 &&
				    !strncmp(title, s + start, i - start) &&
				    (!strncmp(title + (i - start), "\xef\xbc\x9a", 3) ||
				     title[i - start] == ':'))
					named = true;
				if (!named)
					return false;
				n++;
			}
			start = i + adv;
		} else if (!uc_is_han(c)) {
			return false;
		}
		i += adv;
	}
	return n > 0;
}

/* "[ 黄宇 ]" in a date line: a bracketed name. */
static void bracketed_name(meta *m, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '[' && memcmp(s + i, "\xe3\x80\x90", 3))
			continue;
		size_t b = i + (s[i] == '[' ? 1 : 3), e = b;
		while (e < len && s[e] != ']' && memcmp(s + e, "\xe3\x80\x91", 3) && e - b < 20)
			e++;
		if (e < len && meta_is_cjk_name(s + b, e - b)) {
			meta_set_authors(m, s + b, e - b, EV_GUESS);
			return;
		}
	}
}

/* "Posted on March 3, 2024 by Helen Carter": a name after " by " at the
 * end of a date line. */
static void posted_by(meta *m, const char *s, size_t len)
{
	const char *by = NULL;
	for (const char *p = s; (p = memmem(p, len - (size_t)(p - s), " by ", 4)); p += 4)
		by = p;
	if (!by)
		return;
	by += 4;
	size_t n = len - (size_t)(by - s);
	/* "by brickfan on 2025-02-14": the name ends before the date */
	static const char *const ends[] = {" on ", " at ", " | ", " \xc2\xb7 ", " - "};
	for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
		const char *e = memmem(by, n, ends[k], strlen(ends[k]));
		if (e)
			n = (size_t)(e - by);
	}
	if (n >= 3 && n <= 60)
		meta_set_authors(m, by, n, EV_TEXT);
}

/* A byline that names the markup's authors and more ("By Grace Hall and
 * Omar Said" beside DC.creator "Grace Hall") completes the list. */
static void byline_superset(meta *m, const char *s, size_t len)
{
	if (!m->nauthors)
		return;
	meta t;
	memset(&t, 0, sizeof t);
	meta_set_authors(&t, s, len, EV_TEXT);
	bool all = t.nauthors > m->nauthors;
	for (int i = 0; all && i < m->nauthors; i++) {
		bool in = false;
		for (int k = 0; k < t.nauthors; k++)
			in |= !strcmp(t.authors[k], m->authors[i]);
		all = in;
	}
	if (all) {
		for (int i = 0; i < m->nauthors; i++)
			free(m->authors[i]);
		memcpy(m->authors, t.authors, sizeof t.authors);
		m->nauthors = t.nauthors;
		t.nauthors = 0;
	}
	meta_free(&t);
}

static void role_and_name(meta *m, const char *s, size_t len)
{
	lex_match lm[4];
	size_t nm = lex_find(s, len, lm, 4);
	for (size_t k = 0; k < nm && k < 4; k++) {
		if (lm[k].cat != LEX_META_AUTHOR ||
		    !(lm[k].start == 0 || (lm[k].start == 6 && !memcmp(s, "\xe6\x9c\xac\xe6\x8a\xa5", 6))))
			continue;
		/* the name runs to 发自/报道 or the end: 2–4 Han characters */
		size_t b = lm[k].end, e = len, n = 0;
		static const char *const ends[] = {"\xe5\x8f\x91\xe8\x87\xaa", "\xe6\x8a\xa5\xe9\x81\x93"};
		for (size_t x = 0; x < 2; x++) {
			const char *f = memmem(s + b, e - b, ends[x], 6);
			if (f)
				e = (size_t)(f - s);
		}
		for (size_t i = b; i < e;) {
			size_t adv;
			if (!uc_is_han(u8_next(s + i, e - i, &adv)))
				return;
			n++;
			i += adv;
		}
		if (n >= 2 && n <= 4)
			meta_set_authors(m, s + b, e - b, EV_TEXT);
		return;
	}
}

static void text_evidence(pith_ctx *ctx, meta *m, struct page *pg, int32_t hl,
			  const char *title)
{
	int32_t nb = (int32_t)pg->nb;
	int32_t first_body = -1, last_body = -1;
	for (int32_t i = 0; i < nb; i++)
		if (pg->b[i].label == LB_BODY) {
			if (first_body < 0)
				first_body = i;
			last_body = i;
		}
	/* the article's start: the headline, else the first body block */
	int32_t start = hl >= 0 ? hl : first_body;
	if (start < 0)
		start = 0;
	int32_t from = start - 4 < 0 ? 0 : start - 4;
	/* up to a few paragraphs into the article */
	int32_t to = start, paras = 0;
	while (to < nb && to < start + 40 && paras < 3) {
		const block *b = &pg->b[to];
		if (b->nchars > 60 && b->nsent + b->nclause >= 2 && to > start)
			paras++;
		to++;
	}
	pdate best = {0};
	int best_s = 0, best_dist = 0;
	for (int32_t i = from; i < to; i++) {
		const block *b = &pg->b[i];
		const char *s = block_text(pg, b);
		int dist = i >= start ? i - start : (start - i) * 2;
		pdate d;
		int sc = date_line(ctx, m, pg, b, i > start && i <= start + 5, &d);
		if (sc && (sc > best_s || (sc == best_s && dist < best_dist))) {
			best = d;
			best_s = sc;
			best_dist = dist;
		}
		bool line = b->nchars <= 100 && b->nsent <= 1 && !no_date_line(pg, b);
		if (line && b->nchars <= 80 && (class_hint(&pg->dom, b->node) == 2 ||
						 !strncasecmp(s, "by ", 3)))
			byline_superset(m, s, b->len);
		if (line && (b->lex & LABEL_MASK)) {
			meta_read_line(ctx, m, s, b->len, EV_TEXT);
			meta_read_poster(m, s, b->len, EV_TEXT);
		} else if (line && b->nchars <= 80 && b->ndigits >= 4) {
			meta_read_poster(m, s, b->len, EV_TEXT);
		}
		if (sc || (line && memmem(s, b->len, " by ", 4))) {
			bracketed_name(m, s, b->len);
			posted_by(m, s, b->len);
		}
		/* a class="author" line without a label */
		if (b->nchars <= 40 && class_hint(&pg->dom, b->node) == 2 && !(b->lex & LABEL_MASK))
			meta_set_authors(m, s, b->len, EV_TEXT);
		/* a line of names beside the headline */
		if (i != start && i >= start - 4 && i <= start + 3 && b->nchars <= 24 && !b->nlink) {
			bool ok = names_only(s, b->len, title);
			for (int32_t k = i - 5; k < i && !ok; k++)
				if (k >= 0 && pg->b[k].nchars <= 60)
					ok = names_only(s, b->len, block_text(pg, &pg->b[k]));
			if (ok)
				meta_set_authors(m, s, b->len, EV_GUESS);
		}
		/* "本报记者罗科苏盈发自北京": a role word and a name, no colon */
		if (line && b->nchars <= 24 && (b->lex & (1u << LEX_META_AUTHOR)) && !b->ndigits)
			role_and_name(m, s, b->len);
	}
	if (best_s)
		meta_set_date(m, &best, EV_TEXT, false);
	/* labelled lines elsewhere: a blog's "发表于 …" under the post, the
	 * 作者/来源/编辑 lines at the article's end */
	for (int32_t i = 0; i < nb; i++) {
		if (i == from)
			i = to;
		if (i >= nb)
			break;
		const block *b = &pg->b[i];
		if (b->nchars > 120 || no_date_line(pg, b))
			continue;
		const char *s = block_text(pg, b);
		if (b->lex & LABEL_MASK) {
			meta_read_line(ctx, m, s, b->len, EV_GUESS);
			meta_read_poster(m, s, b->len, EV_GUESS);
			pdate d;
			if (!m->date.prec && (b->lex & (1u << LEX_META_DATE)) &&
			    date_line(ctx, m, pg, b, false, &d))
				meta_set_date(m, &d, EV_GUESS, false);
		} else if (b->ndigits >= 4 && b->nchars <= 80 && meta_read_poster(m, s, b->len, EV_GUESS)) {
			/* "本贴由大卫于2005年8月12日16:12:21在…": the post's date */
			pdate d;
			size_t ds, de;
			if (date_find_ex(s, b->len, ctx->opt.now, m->date_flags, &d, &ds, &de) &&
			    date_plausible(&d, ctx->opt.now))
				meta_set_date(m, &d, EV_GUESS, false);
		}
	}
	/* bylines at the ends of the article's paragraphs */
	if (first_body >= 0) {
		const block *l = &pg->b[last_body];
		meta_read_byline(ctx, m, block_text(pg, l), l->len, true);
		if (last_body > first_body) {
			const block *l2 = &pg->b[last_body - 1];
			meta_read_byline(ctx, m, block_text(pg, l2), l2->len, true);
		}
		for (int32_t i = first_body; i < first_body + 3 && i <= last_body; i++) {
			const block *b = &pg->b[i];
			if (b->label == LB_BODY)
				meta_read_byline(ctx, m, block_text(pg, b), b->len, false);
		}
	}
	/* no dated header: a short dated line closing the article (a notice's
	 * signature date, "——《某刊》1998年3月号") */
	if (!m->date.prec && first_body >= 0) {
		for (int32_t i = last_body; i >= first_body && i >= last_body - 4; i--) {
			const block *b = &pg->b[i];
			const char *s = block_text(pg, b);
			pdate d;
			size_t ds, de;
			if (b->nchars > 30 || b->ndigits < 4 ||
			    !date_find_ex(s, b->len, ctx->opt.now, m->date_flags, &d, &ds, &de) ||
			    !date_plausible(&d, ctx->opt.now))
				continue;
			bool cited = memmem(s, b->len, "\xe3\x80\x8a", 3) != NULL; /* 《 */
			if ((d.prec >= DATE_DAY && b->nchars - u8_count(s + ds, de - ds) <= 4) ||
			    (cited && d.prec >= DATE_MONTH)) {
				meta_set_date(m, &d, EV_GUESS, false);
				break;
			}
		}
	}
}

/* ---- language ---- */

/* The script of the article's text: "zh", "ja", "ko", "latin" or NULL. */
static const char *text_script(const struct page *pg)
{
	size_t han = 0, kana = 0, hangul = 0, latin = 0, seen = 0;
	for (size_t i = 0; i < pg->nb && seen < 4000; i++) {
		const block *b = &pg->b[i];
		if (b->label != LB_BODY)
			continue;
		const char *s = block_text(pg, b);
		for (size_t k = 0; k < b->len && seen < 4000;) {
			size_t adv;
			uint32_t c = u8_next(s + k, b->len - k, &adv);
			k += adv;
			seen++;
			if (c >= 0x3040 && c <= 0x30FF)
				kana++;
			else if (c >= 0xAC00 && c <= 0xD7AF)
				hangul++;
			else if (uc_is_han(c))
				han++;
			else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
				latin++;
			else if (c >= 0xC0 && c < 0x250)
				latin++;
		}
	}
	size_t cjk = han + kana + hangul;
	if (cjk + latin < 20)
		return NULL;
	if (cjk * 2 > latin) {
		if (kana * 10 > cjk)
			return "ja";
		if (hangul * 2 > cjk)
			return "ko";
		return "zh";
	}
	return latin > cjk * 4 ? "latin" : NULL;
}

/* "zh_CN" → "zh-CN"; checked against the text's script. */
static void settle_lang(meta *m, const struct page *pg)
{
	const char *script = text_script(pg);
	char tag[24] = "";
	if (m->lang.value) {
		size_t n = 0;
		for (const char *p = m->lang.value; *p && n + 1 < sizeof tag; p++) {
			char c = *p == '_' ? '-' : *p;
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
			      (c >= '0' && c <= '9')))
				break;
			tag[n++] = c;
		}
		tag[n] = 0;
		/* language lower case, region upper case */
		char *dash = strchr(tag, '-');
		for (char *p = tag; *p; p++)
			*p = (char)(dash && p > dash && strlen(dash) == 3 ? (*p >= 'a' && *p <= 'z' ? *p - 32 : *p)
							    : (*p >= 'A' && *p <= 'Z' ? *p + 32 : *p));
	}
	bool cjk_tag = (tag[0] == 'z' && tag[1] == 'h') || (tag[0] == 'j' && tag[1] == 'a') ||
		       (tag[0] == 'k' && tag[1] == 'o');
	const char *v = tag[0] && (tag[1] >= 'a') ? tag : NULL;
	if (script && strcmp(script, "latin") && (!v || strncmp(v, script, 2)))
		v = script; /* lang=en over Chinese text */
	else if (script && !strcmp(script, "latin") && v && cjk_tag)
		v = NULL; /* a Chinese label over Latin text: which language is unknown */
	free(m->lang.value);
	m->lang.value = v ? strdup(v) : NULL;
	if (!m->lang.value)
		m->lang.strength = 0;
}

/* Day-first numeric dates everywhere except in US English. */
static unsigned date_flags_for(const meta *m)
{
	const char *l = m->lang.value;
	if (!l || !strncasecmp(l, "en-us", 5) || !strcasecmp(l, "en"))
		return 0;
	return DATE_DMY;
}

/* ---- authors ---- */

static void drop_authors(meta *m)
{
	for (int k = 0; k < m->nauthors; k++)
		free(m->authors[k]);
	m->nauthors = 0;
	m->authors_strength = 0;
}

static bool org_like(const meta *m)
{
	static const char *const words[] = {
		"出版", "期刊", "杂志", "雜誌", "日报", "日報", "晚报", "报社", "網", "网",
		"新闻", "新聞", "公司", "集团", "中心", "委员会", "编辑部", "Publish", "Press",
		"News", "Media", "Magazine", "Staff", "Editors", "Editorial", "Team", "Desk",
		"Inc.", "Ltd", "LLC", "Group", "Newsroom", ".com",
	};
	for (int i = 0; i < m->nauthors; i++)
		for (size_t k = 0; k < sizeof words / sizeof *words; k++)
			if (strstr(m->authors[i], words[k]))
				return true;
	return false;
}

/* "Copyright © 李建忠": a personal blog's owner, when nothing else names
 * an author. */
static void copyright_owner(meta *m, const struct page *pg)
{
	for (size_t i = pg->nb; i-- > 0 && i + 40 > pg->nb;) {
		const block *b = &pg->b[i];
		if (b->nchars > 40 || !(b->lex & (1u << LEX_FOOTER)))
			continue;
		const char *s = block_text(pg, b);
		const char *c = memmem(s, b->len, "\xc2\xa9", 2);
		if (!c)
			continue;
		c += 2;
		const char *e = s + b->len;
		while (c < e && ((unsigned char)*c <= ' ' || (*c >= '0' && *c <= '9') || *c == '-'))
			c++;
		if (meta_is_cjk_name(c, (size_t)(e - c))) {
			meta_set_authors(m, c, (size_t)(e - c), EV_GUESS);
			return;
		}
	}
}

/* ---- the page ---- */

void meta_from_html(pith_ctx *ctx, pith_doc *doc, struct page *pg, meta *m)
{
	const dom *d = &pg->dom;
	long long now = ctx->opt.now;
	struct scan sc;
	memset(&sc, 0, sizeof sc);
	pbuf tmp = PBUF_INIT;
	scan_dom(ctx, m, &sc, d, &tmp);
	settle_lang(m, pg);
	m->date_flags = date_flags_for(m);

	/* JSON-LD, the strongest */
	jsonld *ld = &sc.ld;
	if (ld->rank) {
		set_date_str(m, ld->published, EV_JSONLD, false, now);
		set_date_str(m, ld->modified, EV_JSONLD, true, now);
		if (ld->nauthors && !ld->authors_org) {
			pbuf_reset(&tmp);
			for (int i = 0; i < ld->nauthors; i++) {
				if (!author_ok(ld->authors[i]))
					continue;
				if (tmp.len)
					pbuf_adds(&tmp, ", ");
				pbuf_adds(&tmp, ld->authors[i]);
			}
			if (tmp.len)
				meta_set_authors(m, tmp.p, tmp.len, EV_JSONLD);
		}
		if (ld->publisher)
			meta_set(&m->site, ld->publisher, strlen(ld->publisher), EV_META - 1);
		if (ld->description)
			meta_set(&m->description, ld->description, strlen(ld->description), EV_META - 1);
		if (ld->url && url_is_http(ld->url))
			meta_set(&m->url, ld->url, strlen(ld->url), EV_META - 2);
		if (ld->headline && !sc.og_title)
			sc.og_title = ld->headline;
	}
	if (sc.time_node) {
		const char *v = dom_attr(d, sc.time_node, "datetime");
		set_date_str(m, v, sc.time_pub ? EV_MARKUP : EV_MARKUP - 1, false, now);
	}
	/* a meta author that is an organisation ("汉斯出版社", "News Staff")
	 * yields to a byline in the text */
	if (m->nauthors && m->authors_strength <= EV_META && org_like(m))
		drop_authors(m);
	/* meta author that names the site is no author */
	if (m->nauthors && m->authors_strength == EV_META && m->site.value) {
		for (int i = 0; i < m->nauthors; i++)
			if (strstr(m->site.value, m->authors[i]) || strstr(m->authors[i], m->site.value)) {
				drop_authors(m);
				break;
			}
	}

	/* a block matching the <title> or og:title, else the classifier's
	 * headline, else the first <h1> */
	int hs;
	int32_t hl = find_headline(pg, sc.title_tag, sc.og_title, &hs);
	if (hs < 8 && pg->title_block >= 0)
		hl = pg->title_block;
	set_title(m, &sc, pg, hl);
	text_evidence(ctx, m, pg, hl, m->title.value);

	/* the URL: canonical, og:url, the record's; then a date in it */
	if (sc.wrapper_url)
		meta_set(&m->url, sc.wrapper_url, strlen(sc.wrapper_url), EV_GUESS);
	const char *rec_url = rec_get_str(doc, "url");
	const char *base = rec_url ? rec_url : m->url.value;
	if (m->url.value && !url_is_http(m->url.value) && rec_url) {
		char *abs = url_resolve(rec_url, m->url.value);
		if (abs) {
			free(m->url.value);
			m->url.value = abs;
		}
	}
	(void)base;
	if (!m->date.prec || m->date.prec < DATE_DAY) {
		pdate ud;
		const char *u = rec_url ? rec_url : m->url.value;
		if (u && date_from_url(u, &ud) && date_plausible(&ud, now))
			meta_set_date(m, &ud, EV_GUESS, false);
	}
	/* the site's name from the <title> suffix when nothing named it */
	if (!m->site.value && sc.title_tag && m->title.value) {
		pbuf c = PBUF_INIT;
		collapse(&c, sc.title_tag);
		const char *at = c.len ? memmem(c.p, c.len, m->title.value, strlen(m->title.value)) : NULL;
		if (at) {
			size_t after = (size_t)(at - c.p) + strlen(m->title.value), sl;
			if (after < c.len && is_sep_at(c.p, c.len, after, &sl)) {
				const char *s = c.p + after + sl;
				size_t n = c.len - after - sl, e = 0;
				/* the last segment names the site: "标题_频道_站名" */
				for (size_t i = 0; i < n; i++)
					if (is_sep_at(s, n, i, &sl)) {
						s += i + sl;
						n -= i + sl;
						i = (size_t)-1;
					}
				text_trim(s, n, &e, &n);
				if (n > e && n - e < 60)
					meta_set(&m->site, s + e, n - e, EV_GUESS);
			}
		}
		pbuf_free(&c);
	}
	/* a page that credits no author but an editor or a personal source
	 * ("编辑：苏亮", "来源: 尹娟") names the one person behind the text */
	if (!m->nauthors && m->editor.value)
		meta_set_authors(m, m->editor.value, strlen(m->editor.value), EV_GUESS);
	if (!m->nauthors && m->source.value && meta_is_cjk_name(m->source.value, strlen(m->source.value)))
		meta_set_authors(m, m->source.value, strlen(m->source.value), EV_GUESS);
	if (!m->nauthors)
		copyright_owner(m, pg);
	/* the site's own name is no author */
	if (m->nauthors && m->site.value) {
		int k = 0;
		for (int i = 0; i < m->nauthors; i++) {
			if (!strcmp(m->authors[i], m->site.value)) {
				free(m->authors[i]);
				continue;
			}
			m->authors[k++] = m->authors[i];
		}
		m->nauthors = k;
	}
	jsonld_free(&sc.ld);
	pbuf_free(&tmp);
}
