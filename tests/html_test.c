/* HTML pages: element hints, the block walker's text and flags, and the
 * labels the classifier gives blocks. */
#include <stdlib.h>

#include "html_hints.h"
#include "internal.h"
#include "page.h"
#include "unit.h"

static pith_ctx *ctx;

/* The page of html after the strip stage; the doc owns it. */
static struct page *strip(const char *html, pith_doc **doc)
{
	*doc = NULL;
	if (pith_doc_from_bytes(ctx, html, strlen(html), "text/html; charset=utf-8", NULL, doc) !=
	    PITH_OK)
		return NULL;
	pith_doc_run(ctx, *doc, PITH_STAGE_STRIP);
	return (*doc)->page;
}

/* The first block whose text starts with prefix, or NULL. */
static const block *find(const struct page *pg, const char *prefix)
{
	for (size_t i = 0; pg && i < pg->nb; i++)
		if (!strncmp(block_text(pg, &pg->b[i]), prefix, strlen(prefix)))
			return &pg->b[i];
	return NULL;
}

static int label_of(const struct page *pg, const char *prefix)
{
	const block *b = find(pg, prefix);
	return b ? b->label : -1;
}

static size_t nbody(const struct page *pg)
{
	size_t n = 0;
	for (size_t i = 0; pg && i < pg->nb; i++)
		n += pg->b[i].label == LB_BODY;
	return n;
}

/* Hints of the element with id="e" in a one-element page. */
static uint32_t hints_of(const char *elem)
{
	char html[512];
	snprintf(html, sizeof html, "<html><body>%s</body></html>", elem);
	dom d;
	uint32_t f = 0, sig;
	if (dom_parse(&d, html, strlen(html), 64, 0) == PITH_OK)
		for (uint32_t i = 1; i < d.nn; i++) {
			const char *id = dom_attr(&d, i, "id");
			if (id && !strcmp(id, "e"))
				f = html_hints(&d, i, &sig, NULL);
		}
	dom_free(&d);
	return f;
}

static void test_hints(void)
{
	/* class words at word starts only */
	CHECK(hints_of("<div id=e class=\"main-nav\"></div>") & EF_NEG);
	CHECK(hints_of("<div id=e class=\"mainNav\"></div>") & EF_NEG);
	CHECK(!(hints_of("<div id=e class=\"canvas-wrap\"></div>") & EF_NEG));
	CHECK(hints_of("<div id=e class=\"ad-slot\"></div>") & EF_NEG);
	CHECK(!(hints_of("<div id=e class=\"adapt\"></div>") & EF_NEG));
	CHECK(!(hints_of("<div id=e class=\"subheader\"></div>") & EF_NEG));
	/* WordPress taxonomy classes say nothing about the element */
	CHECK(!(hints_of("<article id=e class=\"post tag-nav category-footer\"></article>") &
		EF_NEG));
	/* comment and related words; a boilerplate word beats an article one */
	CHECK(hints_of("<div id=e class=\"comments-area\"></div>") & EF_COMMENT);
	CHECK(hints_of("<div id=e class=\"relatedPosts\"></div>") & EF_RELATED);
	uint32_t f = hints_of("<div id=e class=\"article-footer\"></div>");
	CHECK((f & EF_NEG) && !(f & EF_POS));
	CHECK(hints_of("<div id=e class=\"entry-content\"></div>") & EF_POS);
	/* roles, itemprop, tags */
	CHECK(hints_of("<div id=e role=\"navigation\"></div>") & EF_NEG);
	CHECK(hints_of("<div id=e itemprop=\"articleBody\"></div>") & EF_BODYPROP);
	CHECK(hints_of("<aside id=e></aside>") & EF_CHROME);
	CHECK(hints_of("<main id=e></main>") & EF_SECTION);
	/* not shown */
	CHECK(hints_of("<div id=e style=\"display: none\"></div>") & EF_INVISIBLE);
	CHECK(hints_of("<span id=e aria-hidden=\"true\"></span>") & EF_INVISIBLE);
	CHECK(hints_of("<span id=e class=\"sr-only\"></span>") & EF_HIDDEN);
}

static void test_walker(void)
{
	pith_doc *doc;
	struct page *pg = strip(
		"<html><body><div class=story>"
		"<h2>Sub <b>head</b></h2>"
		"<p>One <a href=\"/a\">linked</a> word and <span class=sr-only>unseen</span>more.</p>"
		"<ul><li>first</li><li>second</li></ul>"
		"<table><tr><th>Stop</th><th>Time</th></tr><tr><td> A </td><td>05:40</td></tr></table>"
		"<blockquote><p>quoted</p></blockquote><pre>a  b\n c</pre>"
		"<p>line one<br>line two</p>"
		"</div></body></html>", &doc);
	CHECK(pg != NULL);
	const block *b = find(pg, "Sub head");
	CHECK(b && (b->flags & BF_HEADING) && b->level == 2);
	/* hidden inline text is left out; link characters counted */
	b = find(pg, "One linked word and more.");
	CHECK(b != NULL);
	CHECK(b && b->nlink == 6 && b->nanchors == 1);
	b = find(pg, "second");
	CHECK(b && (b->flags & BF_LISTITEM));
	b = find(pg, "A\t05:40");
	CHECK(b && (b->flags & BF_ROW));
	CHECK(find(pg, "Stop\tTime") != NULL);
	b = find(pg, "quoted");
	CHECK(b && (b->flags & BF_QUOTE));
	b = find(pg, "a  b\n c");
	CHECK(b && (b->flags & BF_PRE) && !(b->flags & BF_CODE));
	b = find(pg, "line two");
	CHECK(b && (b->flags & BF_BR));
	pith_doc_free(doc);
	pg = strip("<html><body><p>Code:</p><pre><code>int x;\n  x = 1;</code></pre></body></html>",
		   &doc);
	b = find(pg, "int x;");
	CHECK(b && (b->flags & BF_CODE) && !strcmp(block_text(pg, b), "int x;\n  x = 1;"));
	pith_doc_free(doc);
}

static const char nav[] =
	"<div class=menu><ul><li><a href=/>Home</a></li><li><a href=/w>World</a></li>"
	"<li><a href=/s>Science</a></li><li><a href=/c>Culture</a></li>"
	"<li><a href=/p>Politics</a></li></ul></div>";

static const char paras[] =
	"<p>The council voted on Tuesday to approve a new budget that increases spending on "
	"public transport by twelve percent, the largest rise in a decade.</p>"
	"<p>Officials said the money would pay for more frequent bus services and repairs to "
	"ageing tram lines, and for a pilot scheme offering free travel to students.</p>"
	"<p>Critics argued the plan relied on optimistic revenue forecasts.</p>";

static void test_article(void)
{
	char html[4096];
	snprintf(html, sizeof html,
		 "<html><head><title>Council approves budget - Gazette</title></head><body>%s"
		 "<div class=story><h1>Council approves budget</h1>%s"
		 "<h3>Related articles</h3><ul><li><a href=/1>Museum reopens after refit</a></li>"
		 "<li><a href=/2>Ferry fares to rise in June</a></li></ul></div>"
		 "<div id=comments><h3>2 comments</h3><div class=comment><p>I think this budget "
		 "is far too generous to the tram operator, which has missed every target for "
		 "years and still gets more money.</p></div></div>"
		 "<div class=footer>Copyright 2025 Gazette</div></body></html>",
		 nav, paras);
	pith_doc *doc;
	struct page *pg = strip(html, &doc);
	CHECK(label_of(pg, "Home") == LB_BOILER);
	CHECK(label_of(pg, "The council voted") == LB_BODY);
	/* the last, short paragraph is kept with the others */
	CHECK(label_of(pg, "Critics argued") == LB_BODY);
	/* the headline is the title, not body */
	CHECK(label_of(pg, "Council approves budget") == LB_TITLE);
	CHECK(pg && pg->title_block >= 0);
	CHECK(label_of(pg, "Related articles") == LB_RELATED);
	CHECK(label_of(pg, "Museum reopens") == LB_RELATED);
	CHECK(label_of(pg, "I think this budget") == LB_COMMENT);
	CHECK(label_of(pg, "Copyright") != LB_BODY);
	CHECK(nbody(pg) == 3);
	pith_doc_free(doc);
}

static void test_no_article(void)
{
	/* teaser cards: an index page has no article */
	char html[4096] = "<html><body>";
	strcat(html, nav);
	for (int i = 0; i < 4; i++)
		strcat(html, "<div class=card><h2><a href=/x>A headline that links to a story</a>"
			     "</h2><p>One sentence of summary, as index pages show under each "
			     "headline.</p></div>");
	strcat(html, "</body></html>");
	pith_doc *doc;
	struct page *pg = strip(html, &doc);
	CHECK(pg != NULL);
	CHECK(nbody(pg) == 0);
	CHECK(label_of(pg, "One sentence of summary") == LB_RELATED);
	pith_doc_free(doc);
	/* navigation only */
	snprintf(html, sizeof html, "<html><body>%s<p>Page not found.</p></body></html>", nav);
	pg = strip(html, &doc);
	CHECK(nbody(pg) == 0);
	pith_doc_free(doc);
}

static void test_inline_caption(void)
{
	/* a caption span on a line of its own is judged apart; inside a
	 * sentence a boilerplate word does not split the paragraph */
	char html[4096];
	snprintf(html, sizeof html,
		 "<html><body>%s<div class=story>%s<div class=photo><img src=x.jpg>"
		 "<span class=newsCaption>Crowds at the station (Image: Agency)</span></div>"
		 "<p>Said <span class=author>Ana</span>, who waited an hour for a bus that never "
		 "came, and then walked the whole way home in the rain.</p></div></body></html>",
		 nav, paras);
	pith_doc *doc;
	struct page *pg = strip(html, &doc);
	CHECK(label_of(pg, "Crowds at the station") != LB_BODY);
	CHECK(label_of(pg, "Said Ana, who waited") == LB_BODY);
	pith_doc_free(doc);
}

static void test_cjk(void)
{
	/* punctuation density carries Chinese text, which has no spaces */
	pith_doc *doc;
	struct page *pg = strip(
		"<html><body><div class=nav><a href=/>首页</a> <a href=/n>新闻</a> "
		"<a href=/v>视频</a> <a href=/b>论坛</a></div>"
		"<div class=txt><p>记者从市防汛办获悉，受连续强降雨影响，我市主要河流水位持续上涨，"
		"市防汛指挥部于昨日下午启动防汛四级应急响应。</p>"
		"<p>据介绍，各区县已组织力量对重点堤段开展巡查，转移低洼地区群众一千二百余人。</p>"
		"</div><div class=foot>版权所有 示范新闻网</div></body></html>", &doc);
	CHECK(label_of(pg, "记者从市防汛办获悉") == LB_BODY);
	CHECK(label_of(pg, "据介绍") == LB_BODY);
	CHECK(label_of(pg, "首页") != LB_BODY);
	CHECK(label_of(pg, "版权所有") != LB_BODY);
	pith_doc_free(doc);
}

static void test_wrapper_words(void)
{
	/* a boilerplate word on the article's wrapper does not cut it */
	char html[4096];
	snprintf(html, sizeof html,
		 "<html><body>%s<div class=\"content has-sidebar\"><div>%s</div>"
		 "<aside class=sidebar><p>Sign up for our newsletter.</p></aside></div>"
		 "</body></html>", nav, paras);
	pith_doc *doc;
	struct page *pg = strip(html, &doc);
	CHECK(label_of(pg, "The council voted") == LB_BODY);
	CHECK(label_of(pg, "Sign up") != LB_BODY);
	pith_doc_free(doc);
}

int main(void)
{
	ctx = pith_ctx_new(NULL);
	test_hints();
	test_walker();
	test_article();
	test_no_article();
	test_inline_caption();
	test_cjk();
	test_wrapper_words();
	pith_ctx_free(ctx);
	UNIT_DONE("html");
}
