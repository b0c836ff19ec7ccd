/* A tiny unit-test harness: CHECK() records failures and goes on; each
 * test program ends with UNIT_DONE(), which prints "name: N passed, N failed". */
#ifndef PITH_UNIT_H
#define PITH_UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_pass, unit_fail;

#define CHECK(cond)                                                             \
	do {                                                                    \
		if (cond) {                                                     \
			unit_pass++;                                            \
		} else {                                                        \
			unit_fail++;                                            \
			fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__,  \
				__LINE__, #cond);                               \
		}                                                               \
	} while (0)

#define CHECK_STR(got, want)                                                    \
	do {                                                                    \
		const char *g_ = (got), *w_ = (want);                           \
		if ((g_ == NULL && w_ == NULL) ||                               \
		    (g_ && w_ && strcmp(g_, w_) == 0)) {                        \
			unit_pass++;                                            \
		} else {                                                        \
			unit_fail++;                                            \
			fprintf(stderr, "%s:%d: %s: got \"%s\", want \"%s\"\n", \
				__FILE__, __LINE__, #got, g_ ? g_ : "(null)",   \
				w_ ? w_ : "(null)");                            \
		}                                                               \
	} while (0)

#define UNIT_DONE(name)                                                         \
	do {                                                                    \
		printf("%s: %d passed, %d failed\n", name, unit_pass, unit_fail); \
		return unit_fail ? 1 : 0;                                       \
	} while (0)

#endif
