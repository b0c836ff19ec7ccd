/* The JSON-LD reader: article nodes in objects, arrays and graphs, @id
 * references, authors of every shape, broken scripts. */
#include <stdlib.h>

#include "jsonld.h"
#include "unit.h"

static int rd(jsonld *j, const char *s)
{
	return jsonld_read(j, s, strlen(s));
}

int main(void)
{
	jsonld j = {0};
	/* a plain NewsArticle */
	CHECK(rd(&j, "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
		     "\"headline\":\"Rates rise &amp; fall\",\"datePublished\":\"2025-06-06T08:00:00+08:00\","
		     "\"dateModified\":\"2025-06-07\",\"author\":{\"@type\":\"Person\",\"name\":\"Jane Doe\"},"
		     "\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Daily\"},"
		     "\"mainEntityOfPage\":{\"@id\":\"https://d.example/a\"}}"));
	CHECK(j.rank == 4);
	CHECK_STR(j.headline, "Rates rise & fall");
	CHECK_STR(j.published, "2025-06-06T08:00:00+08:00");
	CHECK_STR(j.modified, "2025-06-07");
	CHECK_STR(j.publisher, "The Daily");
	CHECK_STR(j.url, "https://d.example/a");
	CHECK(j.nauthors == 1);
	CHECK_STR(j.authors[0], "Jane Doe");
	jsonld_free(&j);

	/* @graph with @id references; the WebPage comes first but the article
	 * wins */
	CHECK(rd(&j, "{\"@context\":\"https://schema.org\",\"@graph\":["
		     "{\"@type\":\"WebPage\",\"@id\":\"#page\",\"datePublished\":\"2024-01-01\",\"name\":\"Page\"},"
		     "{\"@type\":[\"Article\",\"BlogPosting\"],\"headline\":\"Post\",\"datePublished\":\"2024-01-02\","
		     "\"author\":[{\"@id\":\"#p1\"},{\"@id\":\"#p2\"}],\"publisher\":{\"@id\":\"#org\"}},"
		     "{\"@type\":\"Person\",\"@id\":\"#p1\",\"name\":\"A One\"},"
		     "{\"@type\":\"Person\",\"@id\":\"#p2\",\"givenName\":\"B\",\"familyName\":\"Two\"},"
		     "{\"@type\":\"Organization\",\"@id\":\"#org\",\"name\":\"Blog Inc\"}]}"));
	CHECK(j.rank == 3);
	CHECK_STR(j.headline, "Post");
	CHECK_STR(j.published, "2024-01-02");
	CHECK(j.nauthors == 2);
	CHECK_STR(j.authors[0], "A One");
	CHECK_STR(j.authors[1], "B Two");
	CHECK_STR(j.publisher, "Blog Inc");
	jsonld_free(&j);

	/* a top-level array; string authors; organisations only when no
	 * person is named */
	CHECK(rd(&j, "[{\"@type\":\"BreadcrumbList\",\"itemListElement\":[]},"
		     "{\"@type\":\"ReportageNewsArticle\",\"headline\":\"H\",\"author\":[\"张三\",\"李四\"]}]"));
	CHECK(j.nauthors == 2);
	CHECK_STR(j.authors[1], "李四");
	jsonld_free(&j);
	CHECK(rd(&j, "{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Organization\",\"name\":\"Reuters\"}}"));
	CHECK(j.nauthors == 1 && j.authors_org);
	jsonld_free(&j);
	CHECK(rd(&j, "{\"@type\":\"NewsArticle\",\"author\":[{\"@type\":\"Organization\",\"name\":\"X\"},"
		     "{\"@type\":\"Person\",\"name\":\"Y Z\"}]}"));
	CHECK(j.nauthors == 1 && !j.authors_org);
	CHECK_STR(j.authors[0], "Y Z");
	jsonld_free(&j);

	/* the best node across several scripts; a WebPage without a date is
	 * no article */
	CHECK(rd(&j, "{\"@type\":\"WebPage\",\"name\":\"Home\"}"));
	CHECK(j.rank == 0);
	CHECK(rd(&j, "{\"@type\":\"WebPage\",\"datePublished\":\"2023-03-03\"}"));
	CHECK(j.rank == 1);
	CHECK(rd(&j, "{\"@type\":\"mainEntity-less\",\"mainEntity\":{\"@type\":\"Article\",\"datePublished\":\"2023-03-04\"}}"));
	CHECK(j.rank == 3);
	CHECK_STR(j.published, "2023-03-04");
	/* a weaker node later does not replace it */
	CHECK(rd(&j, "{\"@type\":\"WebPage\",\"datePublished\":\"2020-01-01\"}"));
	CHECK_STR(j.published, "2023-03-04");
	jsonld_free(&j);

	/* wrappers and common faults */
	CHECK(rd(&j, "<!--\n{\"@type\":\"Article\",\"headline\":\"Line\nbreak\"};\n-->"));
	CHECK_STR(j.headline, "Line break");
	jsonld_free(&j);
	CHECK(rd(&j, "{\"@type\":\"Article\",\"headline\":\"one\"}\n{\"@type\":\"NewsArticle\",\"headline\":\"two\"}"));
	CHECK_STR(j.headline, "two");
	jsonld_free(&j);

	/* broken JSON: ignored, nothing kept, no crash */
	static const char *const broken[] = {
		"", "{", "}", "[", "{\"@type\":\"NewsArticle\",\"headline\":\"x\"",
		"{\"@type\":\"NewsArticle\" \"headline\":1}", "{{{{{{{{{{", "[[[[[[[[]",
		"{\"@type\":\"Article\",\"author\":{\"@id\":\"#nobody\"}}x", "null", "\"str\"",
		"{\"@type\":{\"@type\":[]},\"author\":[[[[[[[[[[[]]]]]]]]]]]}",
		"window.x = {a: 1};", "{\"a\":\"\\ud800\"}",
	};
	for (size_t i = 0; i < sizeof broken / sizeof *broken; i++) {
		rd(&j, broken[i]);
		CHECK(j.headline == NULL);
	}
	jsonld_free(&j);
	/* a deep nesting */
	char deep[4001];
	for (int i = 0; i < 2000; i++) {
		deep[i] = '[';
		deep[2000 + i] = ']';
	}
	deep[4000] = 0;
	rd(&j, deep);
	CHECK(j.rank == 0);
	jsonld_free(&j);
	/* an @id reference to itself */
	CHECK(rd(&j, "{\"@graph\":[{\"@type\":\"Article\",\"@id\":\"#a\",\"author\":{\"@id\":\"#a\"},\"publisher\":{\"@id\":\"#a\"}}]}"));
	CHECK(j.rank == 3);
	jsonld_free(&j);
	UNIT_DONE("jsonld_test");
}
