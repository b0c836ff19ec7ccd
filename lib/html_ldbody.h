/* The article text a page states about itself: schema.org JSON-LD
 * "articleBody" in <script type="application/ld+json">. Kept as a set of
 * hashed three-token shingles, so that the classifier can ask how much of
 * a block's text the stated body holds. Tokens are CJK characters one by
 * one and runs of other letters and digits, case-folded; markup and
 * punctuation inside the JSON string only separate them. */
#ifndef PITH_HTML_LDBODY_H
#define PITH_HTML_LDBODY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dom.h"

typedef struct ldbody {
	uint64_t *set;   /* open addressing; 0 = empty slot */
	size_t mask;
	size_t tokens;   /* tokens in the stated body */
} ldbody;

/* Finds the longest articleBody among the page's JSON-LD scripts (the
 * JSON may be broken elsewhere: only the string is read). Returns false,
 * with lb empty, when there is none worth using or memory runs out. */
bool ldbody_build(ldbody *lb, const dom *d);
/* Share (0..1) of the shingles of s[0..len) found in the stated body;
 * *tokens gets the token count of s. */
float ldbody_match(const ldbody *lb, const char *s, size_t len, unsigned *tokens);
void ldbody_free(ldbody *lb);

#endif
