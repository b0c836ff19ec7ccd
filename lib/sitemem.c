#include "sitemem.h"

#include <stdlib.h>

struct sitemem {
	size_t entries;
};

struct sitemem *sitemem_new(size_t entries)
{
	struct sitemem *sm = calloc(1, sizeof *sm);
	if (sm)
		sm->entries = entries;
	return sm;
}

void sitemem_free(struct sitemem *sm)
{
	free(sm);
}
