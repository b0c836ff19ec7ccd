/* Aho–Corasick over the embedded word lists. Built once, read-only after,
 * so threads share it. */
#include "lexicon.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon_data.h"
#include "textutil.h"
#include "utf8.h"

typedef struct edge {
	uint8_t byte;
	uint32_t to;
} edge;

typedef struct state {
	uint32_t edges, nedges; /* range in ac.edges (sorted by byte) */
	uint32_t fail;
	uint32_t out;           /* first pattern ending here (index+1), 0 none */
	uint32_t dict;          /* nearest fail-chain state with output, 0 none */
} state;

/* Internal pattern flags, beside LEXF_WHOLE and LEXF_PREFIX. */
enum {
	PF_LEFT = 1 << 8,  /* starts with an ASCII letter or digit: needs a word start */
	PF_RIGHT = 1 << 9, /* ends with one: needs a word end */
	PF_ATTR = 1 << 10, /* a class/id hint word: not looked for in text */
};

typedef struct pattern {
	uint16_t cat, flags;
	uint32_t len;
	uint32_t next; /* next pattern ending in the same state (index+1) */
} pattern;

static struct {
	state *st;
	size_t nst;
	edge *edges;
	size_t nedges;
	pattern *pat;
	size_t npat;
	uint32_t root_next[256]; /* dense transitions of the root */
	/* The automaton as a DFA over byte classes (bytes no phrase uses share
	 * class 0): one table lookup per text byte, no failure chains. */
	uint8_t cls[256];        /* byte (ASCII case folded) → class */
	unsigned ncls;
	uint16_t *delta;         /* nst × ncls next states */
	uint8_t *hasout;         /* state ends a phrase, itself or by suffix */
	bool ok;
} ac;

static pthread_once_t ac_once = PTHREAD_ONCE_INIT;

static inline uint8_t fold(uint8_t c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }
static inline bool ascii_alnum(uint8_t c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Building uses a temporary trie with linked edges. */
typedef struct tnode {
	uint32_t child, sibling; /* first child, next sibling (0 = none) */
	uint8_t byte;
	uint32_t out;
} tnode;

static int cat_of(const char *name)
{
	static const char *const names[] = {
#define X(id, nm) nm,
		LEXICONS(X)
#undef X
	};
	for (int i = 0; i < LEX__COUNT; i++)
		if (!strcmp(names[i], name))
			return i;
	return -1;
}

static uint32_t trie_child(tnode *t, uint32_t n, uint8_t b)
{
	for (uint32_t c = t[n].child; c; c = t[c].sibling)
		if (t[c].byte == b)
			return c;
	return 0;
}

static void ac_build(void)
{
	size_t cap = 1, total = 0;
	for (unsigned f = 0; f < lexicon_nfiles; f++)
		total += strlen(lexicon_files[f].text);
	cap = total + 2;
	tnode *t = calloc(cap, sizeof *t);
	pattern *pat = calloc(total / 2 + 2, sizeof *pat);
	if (!t || !pat)
		goto fail;
	size_t nt = 1, np = 0;
	for (unsigned f = 0; f < lexicon_nfiles; f++) {
		int cat = cat_of(lexicon_files[f].name);
		if (cat < 0)
			continue;
		const char *s = lexicon_files[f].text;
		while (*s) {
			const char *e = strchr(s, '\n');
			size_t n = e ? (size_t)(e - s) : strlen(s);
			const char *line = s;
			s += n + (e != NULL);
			if (!n || line[0] == '#')
				continue;
			uint16_t flags = 0;
			const char *tab = memchr(line, '\t', n);
			size_t plen = tab ? (size_t)(tab - line) : n;
			for (const char *p = tab; p && p < line + n; p++) {
				if (*p == '=')
					flags |= LEXF_WHOLE;
				if (*p == '^')
					flags |= LEXF_PREFIX;
			}
			while (plen && line[plen - 1] == ' ')
				plen--;
			if (!plen)
				continue;
			uint32_t node = 0;
			for (size_t i = 0; i < plen; i++) {
				uint8_t b = fold((uint8_t)line[i]);
				uint32_t c = trie_child(t, node, b);
				if (!c) {
					c = (uint32_t)nt++;
					t[c].byte = b;
					t[c].sibling = t[node].child;
					t[node].child = c;
				}
				node = c;
			}
			/* Latin phrases match whole words ("Por" is not "Portion");
			 * class/id hint lists match inside identifiers, where the
			 * caller judges the boundaries. */
			if (!strncmp(lexicon_files[f].name, "hint", 4)) {
				flags |= PF_ATTR;
			} else {
				if (ascii_alnum((uint8_t)line[0]))
					flags |= PF_LEFT;
				if (ascii_alnum((uint8_t)line[plen - 1]))
					flags |= PF_RIGHT;
			}
			pat[np] = (pattern){(uint16_t)cat, flags, (uint32_t)plen, t[node].out};
			t[node].out = (uint32_t)++np;
		}
	}
	/* Flatten into states with sorted edge arrays, breadth first. */
	ac.st = calloc(nt, sizeof *ac.st);
	ac.edges = calloc(nt, sizeof *ac.edges);
	uint32_t *queue = calloc(nt, sizeof *queue);
	if (!ac.st || !ac.edges || !queue) {
		free(queue);
		goto fail;
	}
	/* State ids equal trie ids; edges of a node are laid out together. */
	size_t ne = 0;
	for (size_t n = 0; n < nt; n++) {
		ac.st[n].edges = (uint32_t)ne;
		for (uint32_t c = t[n].child; c; c = t[c].sibling)
			ac.edges[ne++] = (edge){t[c].byte, c};
		ac.st[n].nedges = (uint32_t)(ne - ac.st[n].edges);
		/* insertion sort by byte: fan-out is small */
		edge *e = ac.edges + ac.st[n].edges;
		for (uint32_t i = 1; i < ac.st[n].nedges; i++)
			for (uint32_t j = i; j && e[j - 1].byte > e[j].byte; j--) {
				edge x = e[j];
				e[j] = e[j - 1];
				e[j - 1] = x;
			}
		ac.st[n].out = t[n].out;
	}
	ac.nst = nt;
	ac.nedges = ne;
	ac.pat = pat;
	ac.npat = np;
	free(t);
	t = NULL;
	/* Failure links, breadth first. */
	size_t qh = 0, qt = 0;
	for (uint32_t i = 0; i < ac.st[0].nedges; i++) {
		uint32_t c = ac.edges[ac.st[0].edges + i].to;
		ac.root_next[ac.edges[ac.st[0].edges + i].byte] = c;
		ac.st[c].fail = 0;
		queue[qt++] = c;
	}
	while (qh < qt) {
		uint32_t n = queue[qh++];
		for (uint32_t i = 0; i < ac.st[n].nedges; i++) {
			edge e = ac.edges[ac.st[n].edges + i];
			uint32_t f = ac.st[n].fail, to = 0;
			for (;;) {
				const edge *fe = ac.edges + ac.st[f].edges;
				for (uint32_t k = 0; k < ac.st[f].nedges; k++)
					if (fe[k].byte == e.byte) {
						to = fe[k].to;
						break;
					}
				if (to || !f)
					break;
				f = ac.st[f].fail;
			}
			ac.st[e.to].fail = to == e.to ? 0 : to;
			uint32_t fs = ac.st[e.to].fail;
			ac.st[e.to].dict = ac.st[fs].out ? fs : ac.st[fs].dict;
			queue[qt++] = e.to;
		}
	}
	/* byte classes and the full transition table, breadth first so that
	 * a state's failure state is done before it */
	if (ac.nst < 65536) {
		for (size_t e = 0; e < ac.nedges; e++)
			if (!ac.cls[ac.edges[e].byte])
				ac.cls[ac.edges[e].byte] = (uint8_t)++ac.ncls;
		ac.ncls++;
		for (int c = 'A'; c <= 'Z'; c++)
			ac.cls[c] = ac.cls[c + 32];
		ac.delta = calloc(ac.nst * ac.ncls, sizeof *ac.delta);
		ac.hasout = calloc(ac.nst, 1);
	}
	if (ac.delta && ac.hasout) {
		for (unsigned b = 0; b < 256; b++)
			if (ac.cls[b] && b == fold((uint8_t)b))
				ac.delta[ac.cls[b]] = (uint16_t)ac.root_next[b];
		for (size_t qi = 0; qi < qt; qi++) {
			uint32_t n = queue[qi];
			uint16_t *row = ac.delta + (size_t)n * ac.ncls;
			memcpy(row, ac.delta + (size_t)ac.st[n].fail * ac.ncls, ac.ncls * sizeof *row);
			for (uint32_t k = 0; k < ac.st[n].nedges; k++) {
				edge e = ac.edges[ac.st[n].edges + k];
				row[ac.cls[e.byte]] = (uint16_t)e.to;
			}
			ac.hasout[n] = ac.st[n].out || ac.st[n].dict;
		}
	} else {
		free(ac.delta);
		free(ac.hasout);
		ac.delta = NULL;
		ac.hasout = NULL;
	}
	free(queue);
	ac.ok = true;
	return;
fail:
	free(t);
	free(pat);
	ac.ok = false;
}

static inline uint32_t step(uint32_t s, uint8_t b)
{
	for (;;) {
		if (!s)
			return ac.root_next[b];
		const edge *e = ac.edges + ac.st[s].edges;
		uint32_t n = ac.st[s].nedges;
		for (uint32_t i = 0; i < n && e[i].byte <= b; i++)
			if (e[i].byte == b)
				return e[i].to;
		s = ac.st[s].fail;
	}
}

typedef void (*emit_fn)(void *arg, const pattern *p, size_t end);

static void run(const char *s, size_t len, emit_fn emit, void *arg)
{
	pthread_once(&ac_once, ac_build);
	if (!ac.ok)
		return;
	uint32_t st = 0;
	for (size_t i = 0; i < len; i++) {
		if (ac.delta) {
			st = ac.delta[(size_t)st * ac.ncls + ac.cls[(uint8_t)s[i]]];
			if (!ac.hasout[st])
				continue;
		} else {
			st = step(st, fold((uint8_t)s[i]));
		}
		for (uint32_t o = st; o; o = ac.st[o].dict)
			for (uint32_t p = ac.st[o].out; p; p = ac.pat[p - 1].next) {
				const pattern *pt = &ac.pat[p - 1];
				size_t start = i + 1 - pt->len;
				if ((pt->flags & PF_LEFT) && start && ascii_alnum((uint8_t)s[start - 1]))
					continue;
				if ((pt->flags & PF_RIGHT) && i + 1 < len && ascii_alnum((uint8_t)s[i + 1]))
					continue;
				emit(arg, pt, i + 1);
			}
	}
}

static void emit_mask(void *arg, const pattern *p, size_t end)
{
	(void)end;
	*(uint32_t *)arg |= 1u << p->cat;
}

uint32_t lex_scan(const char *s, size_t len)
{
	uint32_t mask = 0;
	run(s, len, emit_mask, &mask);
	return mask;
}

struct find_arg {
	lex_match *out;
	size_t max, n;
};

static void emit_find(void *arg, const pattern *p, size_t end)
{
	struct find_arg *a = arg;
	if (a->n < a->max)
		a->out[a->n] = (lex_match){(uint32_t)(end - p->len), (uint32_t)end, p->cat,
					   (uint16_t)(p->flags & (LEXF_WHOLE | LEXF_PREFIX))};
	a->n++;
}

size_t lex_find(const char *s, size_t len, lex_match *out, size_t max)
{
	struct find_arg a = {out, max, 0};
	run(s, len, emit_find, &a);
	return a.n;
}

struct whole_arg {
	size_t b, e;
	uint32_t any, whole;
};

static void emit_whole(void *arg, const pattern *p, size_t end)
{
	struct whole_arg *a = arg;
	if (p->flags & PF_ATTR)
		return;
	size_t start = end - p->len;
	bool whole = start <= a->b && end >= a->e;
	bool prefix = start <= a->b;
	if (whole)
		a->whole |= 1u << p->cat;
	if ((p->flags & LEXF_WHOLE) && !whole)
		return;
	if ((p->flags & LEXF_PREFIX) && !prefix)
		return;
	a->any |= 1u << p->cat;
}

void lex_line(const char *s, size_t len, uint32_t *any, uint32_t *whole)
{
	struct whole_arg a = {0, 0, 0, 0};
	/* a dump's picture stand-ins before a heading ("[icon.gif]  Top
	 * stories") are not part of the phrase */
	size_t from = 0, b, e;
	text_trim(s, len, &b, &e);
	while (b < e && s[b] == '[') {
		const char *close = memchr(s + b, ']', e - b);
		if (!close)
			break;
		size_t nb, ne, at = (size_t)(close - s) + 1;
		text_trim(s + at, e - at, &nb, &ne);
		if (nb >= ne)
			break;
		from = b = at + nb;
	}
	text_core(s + from, len - from, &a.b, &a.e);
	a.b += from;
	a.e += from;
	if (a.b < a.e)
		run(s, len, emit_whole, &a);
	*any = a.any;
	*whole = a.whole;
}

int lex_has(const char *s, size_t len, enum lex_cat cat)
{
	uint32_t any, whole;
	lex_line(s, len, &any, &whole);
	return (any >> cat) & 1;
}
