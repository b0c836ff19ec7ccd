/* URL reference resolution: the examples of RFC 3986 section 5.4 and the
 * shapes pages use. */
#include <stdlib.h>

#include "unit.h"
#include "url.h"

static void res(const char *base, const char *ref, const char *want)
{
	char *got = url_resolve(base, ref);
	CHECK_STR(got, want);
	if (got && want && strcmp(got, want))
		fprintf(stderr, "  base %s ref %s\n", base, ref);
	free(got);
}

int main(void)
{
	const char *b = "http://a/b/c/d;p?q";
	/* 5.4.1 normal examples */
	res(b, "g:h", "g:h");
	res(b, "g", "http://a/b/c/g");
	res(b, "./g", "http://a/b/c/g");
	res(b, "g/", "http://a/b/c/g/");
	res(b, "/g", "http://a/g");
	res(b, "//g", "http://g");
	res(b, "?y", "http://a/b/c/d;p?y");
	res(b, "g?y", "http://a/b/c/g?y");
	res(b, "#s", "http://a/b/c/d;p?q#s");
	res(b, "g#s", "http://a/b/c/g#s");
	res(b, "g?y#s", "http://a/b/c/g?y#s");
	res(b, ";x", "http://a/b/c/;x");
	res(b, "g;x", "http://a/b/c/g;x");
	res(b, "g;x?y#s", "http://a/b/c/g;x?y#s");
	res(b, "", NULL);
	res(b, ".", "http://a/b/c/");
	res(b, "./", "http://a/b/c/");
	res(b, "..", "http://a/b/");
	res(b, "../", "http://a/b/");
	res(b, "../g", "http://a/b/g");
	res(b, "../..", "http://a/");
	res(b, "../../", "http://a/");
	res(b, "../../g", "http://a/g");
	/* 5.4.2 abnormal examples */
	res(b, "../../../g", "http://a/g");
	res(b, "../../../../g", "http://a/g");
	res(b, "/./g", "http://a/g");
	res(b, "/../g", "http://a/g");
	res(b, "g.", "http://a/b/c/g.");
	res(b, ".g", "http://a/b/c/.g");
	res(b, "g..", "http://a/b/c/g..");
	res(b, "..g", "http://a/b/c/..g");
	res(b, "./../g", "http://a/b/g");
	res(b, "./g/.", "http://a/b/c/g/");
	res(b, "g/./h", "http://a/b/c/g/h");
	res(b, "g/../h", "http://a/b/c/h");
	res(b, "g;x=1/./y", "http://a/b/c/g;x=1/y");
	res(b, "g;x=1/../y", "http://a/b/c/y");
	res(b, "g?y/./x", "http://a/b/c/g?y/./x");
	res(b, "g#s/../x", "http://a/b/c/g#s/../x");
	res(b, "http:g", "http:g");
	/* bases with and without a trailing slash, hosts without a path */
	res("https://news.example.com/world/", "2025/06/a.html",
	    "https://news.example.com/world/2025/06/a.html");
	res("https://news.example.com/world", "2025/06/a.html",
	    "https://news.example.com/2025/06/a.html");
	res("https://news.example.com", "a.html", "https://news.example.com/a.html");
	res("https://news.example.com", "?page=2", "https://news.example.com?page=2");
	res("https://news.example.com/a/b.html?x=1#top", "#c",
	    "https://news.example.com/a/b.html?x=1#c");
	res("https://news.example.com/a/b.html", "//cdn.example.net/x.html",
	    "https://cdn.example.net/x.html");
	res("http://www.example.cn/n/2025/0606/c1.html", "../../0605/c2.html",
	    "http://www.example.cn/n/0605/c2.html");
	res("http://x.cn/a/", "  \n /b/c.html \t", "http://x.cn/b/c.html");
	/* no usable base: a relative ref stays as it is */
	res(NULL, "a/b.html", "a/b.html");
	res("", "/a", "/a");
	res("a/b/", "c", "c");
	res(NULL, "HTTPS://Example.com/a/./b/../c", "HTTPS://Example.com/a/c");
	/* hosts */
	char h[64];
	CHECK(url_host("https://User@News.Example.COM:8080/x", h, sizeof h));
	CHECK_STR(h, "news.example.com");
	CHECK(!url_host("/relative/path", h, sizeof h));
	CHECK(!url_host("mailto:a@b.c", h, sizeof h));
	CHECK(url_is_http("HTTP://a"));
	CHECK(!url_is_http("javascript:void(0)"));
	UNIT_DONE("url_test");
}
