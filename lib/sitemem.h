/* What a batch knows that one page does not: lines that repeat across the
 * pages of one site are navigation, footers and teasers (CCNet's idea).
 *
 * A bounded hash table of (site, line) keys, shared by the contexts of a
 * run. To keep a run's output the same whatever the number of threads, a
 * page only sees what pages at least SITEMEM_LAG places before it taught,
 * and no more than SITEMEM_LAG pages are ever in flight: every page that
 * old has been learned, in whatever order, when a page asks. */
#ifndef PITH_SITEMEM_H
#define PITH_SITEMEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SITEMEM_LAG 32u /* = PITH_BATCH_LAG */
/* A line seen on this many earlier pages of the site is boilerplate. */
#define SITEMEM_PAGES 3u

struct sitemem;
struct sitemem *sitemem_new(size_t entries);
void sitemem_free(struct sitemem *sm);

/* Records that page number seq (input order) of site holds these line
 * hashes (duplicates within the page count once). Thread-safe. */
void sitemem_learn(struct sitemem *sm, uint64_t site, const uint64_t *lines, size_t n,
		   uint64_t seq);
/* True when line was seen on SITEMEM_PAGES pages of site numbered below
 * seq - SITEMEM_LAG. Thread-safe. */
bool sitemem_seen(struct sitemem *sm, uint64_t site, uint64_t line, uint64_t seq);

#endif
