/* schema.org JSON-LD in <script type="application/ld+json">: the article
 * node of a page and the fields the meta stage wants from it.
 *
 * A page may carry several scripts, each an object, an array of objects or
 * an object with an "@graph"; jsonld_read() is called once per script and
 * keeps the most article-like node seen (NewsArticle, Article,
 * BlogPosting… before a WebPage that has a date). "@id" references to
 * authors and publishers are followed inside the same script. Text that is
 * not JSON (truncated, templated, HTML comments around it) is repaired
 * when the fault is a common one (raw line breaks in strings, a trailing
 * ";" or comma) and otherwise ignored.
 *
 * Strings are the caller's once read; jsonld_free() frees them. Thread-safe:
 * no global state. */
#ifndef PITH_JSONLD_H
#define PITH_JSONLD_H

#include <stdbool.h>
#include <stddef.h>

#define JSONLD_MAX_AUTHORS 16

typedef struct jsonld {
	int rank;            /* how article-like the node is: 0 = none found */
	char *type;          /* its @type */
	char *headline, *published, *modified, *description, *url, *lang, *section;
	char *publisher;     /* the publisher's name */
	char *authors[JSONLD_MAX_AUTHORS]; /* persons first; organisations only when
					      no person is named */
	int nauthors;
	bool authors_org;    /* the authors are organisations */
} jsonld;

/* Reads one script's text into j. Returns false when the text is not
 * JSON (j is unchanged then). */
bool jsonld_read(jsonld *j, const char *s, size_t len);
void jsonld_free(jsonld *j);

#endif
