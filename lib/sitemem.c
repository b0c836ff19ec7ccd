/* The batch line memory: open addressing over (site, line) keys. Each key
 * keeps the SITEMEM_PAGES smallest numbers of the pages that held it, which
 * is all a query needs ("seen on N pages before seq - lag?"): the memory
 * per key is fixed, and since every page below seq - lag has been learned
 * when page seq asks, answers do not depend on thread timing or on the
 * order pages were learned in. */
#include "sitemem.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct slot {
	uint64_t key;                  /* 0 = empty */
	uint32_t pages[SITEMEM_PAGES]; /* page numbers + 1, ascending; 0 = none */
};

struct sitemem {
	pthread_mutex_t mu;
	struct slot *t;
	size_t cap, used, limit; /* limit: stop adding keys past it */
};

struct sitemem *sitemem_new(size_t entries)
{
	if (!entries)
		return NULL;
	struct sitemem *sm = calloc(1, sizeof *sm);
	if (!sm)
		return NULL;
	size_t cap = 1024;
	while (cap < entries * 2 && cap < ((size_t)1 << 40))
		cap *= 2;
	sm->t = calloc(cap, sizeof *sm->t);
	if (!sm->t) {
		free(sm);
		return NULL;
	}
	sm->cap = cap;
	sm->limit = entries;
	pthread_mutex_init(&sm->mu, NULL);
	return sm;
}

void sitemem_free(struct sitemem *sm)
{
	if (!sm)
		return;
	pthread_mutex_destroy(&sm->mu);
	free(sm->t);
	free(sm);
}

static uint64_t mix(uint64_t site, uint64_t line)
{
	uint64_t k = site * 0x9E3779B97F4A7C15ull ^ line;
	k ^= k >> 31;
	k *= 0xBF58476D1CE4E5B9ull;
	k ^= k >> 29;
	return k ? k : 1;
}

/* The slot of key, or the empty slot where it would go. */
static struct slot *find(struct sitemem *sm, uint64_t key)
{
	size_t mask = sm->cap - 1, i = (size_t)key & mask;
	while (sm->t[i].key && sm->t[i].key != key)
		i = (i + 1) & mask;
	return &sm->t[i];
}

void sitemem_learn(struct sitemem *sm, uint64_t site, const uint64_t *lines, size_t n,
		   uint64_t seq)
{
	if (!sm)
		return;
	pthread_mutex_lock(&sm->mu);
	for (size_t i = 0; i < n; i++) {
		uint64_t key = mix(site, lines[i]);
		struct slot *s = find(sm, key);
		if (!s->key) {
			if (sm->used >= sm->limit)
				continue;
			s->key = key;
			sm->used++;
		}
		/* page numbers past 2^32 saturate: old enough to count */
		uint32_t p1 = seq + 1 > UINT32_MAX ? UINT32_MAX : (uint32_t)(seq + 1);
		/* keep the SITEMEM_PAGES smallest page numbers, sorted: pages may
		 * be learned out of order, and the answer must not depend on it */
		uint32_t *pg = s->pages;
		bool known = false;
		for (unsigned k = 0; k < SITEMEM_PAGES; k++)
			known |= pg[k] == p1;
		if (known)
			continue;
		for (unsigned k = 0; k < SITEMEM_PAGES; k++) {
			if (pg[k] && pg[k] < p1)
				continue;
			for (unsigned m = SITEMEM_PAGES - 1; m > k; m--)
				pg[m] = pg[m - 1];
			pg[k] = p1;
			break;
		}
	}
	pthread_mutex_unlock(&sm->mu);
}

bool sitemem_seen(struct sitemem *sm, uint64_t site, uint64_t line, uint64_t seq)
{
	if (!sm || seq < SITEMEM_LAG + SITEMEM_PAGES)
		return false;
	uint64_t before = seq - SITEMEM_LAG;
	pthread_mutex_lock(&sm->mu);
	struct slot *s = find(sm, mix(site, line));
	bool seen = s->key && s->pages[SITEMEM_PAGES - 1] &&
		    s->pages[SITEMEM_PAGES - 1] - 1 < before;
	pthread_mutex_unlock(&sm->mu);
	return seen;
}
