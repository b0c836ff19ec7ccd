/* What a batch knows that one page does not: lines that repeat across the
 * pages of one site are navigation, footers and teasers (CCNet's idea).
 * A bounded memory of line hashes per site, shared by a run. */
#ifndef PITH_SITEMEM_H
#define PITH_SITEMEM_H

#include <stddef.h>
#include <stdint.h>

struct sitemem;
struct sitemem *sitemem_new(size_t entries);
void sitemem_free(struct sitemem *sm);

#endif
