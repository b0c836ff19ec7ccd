/* JSON-LD: parse with jansson, find the article node, read its fields. */
#include "jsonld.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

/* How article-like a @type is. */
static int type_rank(const char *t)
{
	if (!t)
		return 0;
	const char *colon = strrchr(t, '/'); /* "http://schema.org/NewsArticle" */
	if (colon)
		t = colon + 1;
	size_t n = strlen(t);
	if (strstr(t, "NewsArticle") || !strcmp(t, "Report"))
		return 4;
	if ((n >= 7 && !strcmp(t + n - 7, "Article")) || (n >= 7 && !strcmp(t + n - 7, "Posting")) ||
	    !strcmp(t, "BlogPosting"))
		return 3;
	if (strstr(t, "WebPage") || !strcmp(t, "CreativeWork") || !strcmp(t, "VideoObject"))
		return 1;
	return 0;
}

static int node_rank(json_t *o, const char **type)
{
	json_t *t = json_object_get(o, "@type");
	int best = 0;
	*type = NULL;
	if (json_is_string(t)) {
		best = type_rank(json_string_value(t));
		*type = json_string_value(t);
	} else if (json_is_array(t)) {
		size_t i;
		json_t *v;
		json_array_foreach(t, i, v) {
			int r = type_rank(json_string_value(v));
			if (r > best) {
				best = r;
				*type = json_string_value(v);
			}
		}
	}
	/* a page node counts only when it carries an article's fields */
	if (best == 1 && !json_object_get(o, "datePublished") && !json_object_get(o, "headline"))
		best = 0;
	return best;
}

/* &amp; &#39; &#x27; … in a string (sites escape HTML twice). */
static char *unescape(const char *s)
{
	if (!strchr(s, '&'))
		return strdup(s);
	static const struct {
		const char *name;
		unsigned cp;
	} ents[] = {{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''},
		    {"nbsp", 0xA0}, {"ndash", 0x2013}, {"mdash", 0x2014}, {"rsquo", 0x2019},
		    {"lsquo", 0x2018}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"hellip", 0x2026}};
	pbuf b = PBUF_INIT;
	for (const char *p = s; *p;) {
		if (*p != '&') {
			pbuf_addc(&b, *p++);
			continue;
		}
		const char *semi = strchr(p, ';');
		if (semi && semi - p <= 10) {
			unsigned cp = 0;
			if (p[1] == '#') {
				char *end;
				unsigned long v = p[2] == 'x' || p[2] == 'X' ? strtoul(p + 3, &end, 16)
									      : strtoul(p + 2, &end, 10);
				if (end == semi && v && v < 0x110000)
					cp = (unsigned)v;
			} else {
				for (size_t i = 0; i < sizeof ents / sizeof *ents; i++)
					if ((size_t)(semi - p - 1) == strlen(ents[i].name) &&
					    !memcmp(p + 1, ents[i].name, (size_t)(semi - p - 1)))
						cp = ents[i].cp;
			}
			if (cp) {
				pbuf_addcp(&b, cp);
				p = semi + 1;
				continue;
			}
		}
		pbuf_addc(&b, *p++);
	}
	return b.oom ? NULL : pbuf_take(&b);
}

static void set_str(char **dst, json_t *v)
{
	if (json_is_array(v) && json_array_size(v))
		v = json_array_get(v, 0);
	const char *s = json_string_value(v);
	if (!s || !*s || *dst)
		return;
	*dst = unescape(s);
}

/* Nodes by @id, for references in a script. */
typedef struct idmap {
	json_t **node;
	size_t n, cap;
} idmap;

static void index_ids(idmap *m, json_t *v, int depth)
{
	if (depth > 8)
		return;
	if (json_is_array(v)) {
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x)
			index_ids(m, x, depth + 1);
		return;
	}
	if (!json_is_object(v))
		return;
	if (json_is_string(json_object_get(v, "@id")) && json_object_size(v) > 1) {
		if (m->n == m->cap) {
			size_t cap = m->cap ? m->cap * 2 : 16;
			json_t **nn = realloc(m->node, cap * sizeof *nn);
			if (!nn)
				return;
			m->node = nn;
			m->cap = cap;
		}
		m->node[m->n++] = v;
	}
	json_t *g = json_object_get(v, "@graph");
	if (g)
		index_ids(m, g, depth + 1);
}

/* {"@id": x} alone → the node with that @id. */
static json_t *deref(const idmap *m, json_t *v)
{
	if (!json_is_object(v) || json_object_size(v) != 1)
		return v;
	const char *id = json_string_value(json_object_get(v, "@id"));
	if (!id)
		return v;
	for (size_t i = 0; i < m->n; i++)
		if (!strcmp(json_string_value(json_object_get(m->node[i], "@id")), id))
			return m->node[i];
	return v;
}

static const char *name_of(json_t *o, pbuf *tmp)
{
	json_t *n = json_object_get(o, "name");
	if (json_is_array(n))
		n = json_array_get(n, 0);
	if (json_is_string(n) && *json_string_value(n))
		return json_string_value(n);
	const char *g = json_string_value(json_object_get(o, "givenName"));
	const char *f = json_string_value(json_object_get(o, "familyName"));
	if (g && f) {
		pbuf_reset(tmp);
		pbuf_addf(tmp, "%s %s", g, f);
		return pbuf_cstr(tmp);
	}
	return NULL;
}

static bool is_org(json_t *o)
{
	const char *t = json_string_value(json_object_get(o, "@type"));
	return t && (strstr(t, "Organization") || strstr(t, "Organisation") ||
		     !strcmp(t, "NewsMediaOrganization") || strstr(t, "Corporation"));
}

static void add_author(jsonld *j, const char *name, char **orgs, int *norgs, bool org)
{
	if (!name || !*name)
		return;
	char **list = org ? orgs : j->authors;
	int *n = org ? norgs : &j->nauthors;
	if (*n >= JSONLD_MAX_AUTHORS)
		return;
	for (int i = 0; i < *n; i++)
		if (!strcmp(list[i], name))
			return;
	char *v = unescape(name);
	if (v)
		list[(*n)++] = v;
}

static void read_authors(jsonld *j, const idmap *m, json_t *v, char **orgs, int *norgs,
			 int depth)
{
	pbuf tmp = PBUF_INIT;
	if (depth > 3)
		return;
	if (json_is_array(v)) {
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x)
			read_authors(j, m, x, orgs, norgs, depth + 1);
	} else if (json_is_string(v)) {
		add_author(j, json_string_value(v), orgs, norgs, false);
	} else if (json_is_object(v)) {
		v = deref(m, v);
		add_author(j, name_of(v, &tmp), orgs, norgs, is_org(v));
	}
	pbuf_free(&tmp);
}

static void clear(jsonld *j)
{
	free(j->type);
	free(j->headline);
	free(j->published);
	free(j->modified);
	free(j->description);
	free(j->url);
	free(j->lang);
	free(j->section);
	free(j->publisher);
	for (int i = 0; i < j->nauthors; i++)
		free(j->authors[i]);
	memset(j, 0, sizeof *j);
}

static void take(jsonld *j, const idmap *m, json_t *o, int rank, const char *type)
{
	clear(j);
	j->rank = rank;
	j->type = type ? strdup(type) : NULL;
	set_str(&j->headline, json_object_get(o, "headline"));
	if (rank >= 3)
		set_str(&j->headline, json_object_get(o, "name"));
	set_str(&j->published, json_object_get(o, "datePublished"));
	set_str(&j->published, json_object_get(o, "dateCreated"));
	set_str(&j->modified, json_object_get(o, "dateModified"));
	set_str(&j->description, json_object_get(o, "description"));
	set_str(&j->lang, json_object_get(o, "inLanguage"));
	set_str(&j->section, json_object_get(o, "articleSection"));
	json_t *u = json_object_get(o, "url");
	set_str(&j->url, u);
	json_t *me = json_object_get(o, "mainEntityOfPage");
	if (json_is_object(me))
		set_str(&j->url, json_object_get(me, "@id"));
	else
		set_str(&j->url, me);
	json_t *pub = deref(m, json_object_get(o, "publisher"));
	if (json_is_array(pub))
		pub = deref(m, json_array_get(pub, 0));
	pbuf tmp = PBUF_INIT;
	if (json_is_object(pub)) {
		const char *n = name_of(pub, &tmp);
		if (n)
			j->publisher = unescape(n);
	} else if (json_is_string(pub)) {
		j->publisher = unescape(json_string_value(pub));
	}
	pbuf_free(&tmp);
	char *orgs[JSONLD_MAX_AUTHORS];
	int norgs = 0;
	read_authors(j, m, json_object_get(o, "author"), orgs, &norgs, 0);
	if (!j->nauthors)
		read_authors(j, m, json_object_get(o, "creator"), orgs, &norgs, 0);
	if (!j->nauthors && norgs) {
		memcpy(j->authors, orgs, (size_t)norgs * sizeof *orgs);
		j->nauthors = norgs;
		j->authors_org = true;
	} else {
		for (int i = 0; i < norgs; i++)
			free(orgs[i]);
	}
}

/* Every node that may be the article: top-level arrays, @graph, and a
 * page's mainEntity. */
static void visit(jsonld *j, const idmap *m, json_t *v, int depth)
{
	if (depth > 6)
		return;
	if (json_is_array(v)) {
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x)
			visit(j, m, x, depth + 1);
		return;
	}
	if (!json_is_object(v))
		return;
	const char *type;
	int r = node_rank(v, &type);
	/* the first of equals wins: pages list the main article first */
	if (r > j->rank)
		take(j, m, v, r, type);
	json_t *g = json_object_get(v, "@graph");
	if (g)
		visit(j, m, g, depth + 1);
	json_t *me = json_object_get(v, "mainEntity");
	if (me)
		visit(j, m, me, depth + 1);
}

/* Raw control characters inside strings (line breaks pasted into a
 * description) are the most common fault: make them spaces. */
static char *repair(const char *s, size_t len)
{
	char *o = malloc(len + 1);
	if (!o)
		return NULL;
	bool in = false, esc = false;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (in) {
			if (esc)
				esc = false;
			else if (c == '\\')
				esc = true;
			else if (c == '"')
				in = false;
			else if ((unsigned char)c < 0x20)
				c = ' ';
		} else if (c == '"') {
			in = true;
		}
		o[i] = c;
	}
	/* a trailing ";" or "," after the value */
	size_t n = len;
	while (n && ((unsigned char)o[n - 1] <= ' ' || o[n - 1] == ';' || o[n - 1] == ','))
		n--;
	o[n] = 0;
	return o;
}

/* Visits each JSON value in t[0..n): scripts sometimes hold several
 * objects one after the other. Returns how many parsed. */
static int read_values(jsonld *j, const char *t, size_t n)
{
	int got = 0;
	size_t at = 0;
	while (at < n) {
		json_error_t err;
		json_t *root = json_loadb(t + at, n - at,
					  JSON_DECODE_ANY | JSON_ALLOW_NUL | JSON_DISABLE_EOF_CHECK, &err);
		if (!root)
			break;
		idmap m = {0};
		index_ids(&m, root, 0);
		visit(j, &m, root, 0);
		free(m.node);
		json_decref(root);
		got++;
		if (!err.position)
			break;
		at += (size_t)err.position;
		while (at < n && ((unsigned char)t[at] <= ' ' || t[at] == ',' || t[at] == ';'))
			at++;
	}
	return got;
}

bool jsonld_read(jsonld *j, const char *s, size_t len)
{
	/* "<!--" … "-->" and CDATA wrappers around the JSON */
	size_t b = 0, e = len;
	while (b < e && (s[b] != '{' && s[b] != '['))
		b++;
	while (e > b && s[e - 1] != '}' && s[e - 1] != ']')
		e--;
	if (b >= e)
		return false;
	/* nodes are visited only once a whole value parsed: a broken script
	 * leaves nothing behind */
	if (read_values(j, s + b, e - b))
		return true;
	char *fixed = repair(s + b, e - b);
	int ok = fixed ? read_values(j, fixed, strlen(fixed)) : 0;
	free(fixed);
	return ok > 0;
}

void jsonld_free(jsonld *j)
{
	clear(j);
}
