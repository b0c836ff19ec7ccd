/* The meta stage and what both kinds of page share: evidence strengths,
 * labelled lines ("作者: …", "By …") and author-name splitting. */
#include "meta.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lexicon.h"
#include "textutil.h"
#include "utf8.h"

void meta_set(meta_field *f, const char *s, size_t len, int strength)
{
	if (strength <= f->strength || !s)
		return;
	size_t b, e;
	text_trim(s, len, &b, &e);
	/* a value never ends in an opening bracket or a separator: "办公室 【" */
	while (e > b) {
		size_t k = e - 1, adv;
		while (k > b && ((unsigned char)s[k] & 0xC0) == 0x80)
			k--;
		uint32_t c = u8_next(s + k, e - k, &adv);
		if (!uc_is_space(c) && !strchr("([{|", (int)(c < 0x80 ? c : 1)) &&
		    c != 0x3010 && c != 0xFF08 && c != 0x300A && c != 0x300C && c != 0x300E &&
		    c != 0xFF5C && c != 0x2014 && c != 0xFF1A && c != 0xFF0C && c != 0x3001)
			break;
		e = k;
	}
	if (b >= e)
		return;
	pbuf v = PBUF_INIT;
	text_add_collapsed(&v, s + b, e - b);
	if (!v.len || v.oom) {
		pbuf_free(&v);
		return;
	}
	free(f->value);
	f->value = pbuf_take(&v);
	f->strength = strength;
}

void meta_set_date(meta *m, const pdate *d, int strength, bool modified)
{
	int *cur = modified ? &m->modified_strength : &m->date_strength;
	pdate *dst = modified ? &m->modified : &m->date;
	/* at equal strength a more precise date wins */
	if (strength < *cur || (strength == *cur && d->prec <= dst->prec))
		return;
	*dst = *d;
	*cur = strength;
}

static void authors_clear(meta *m)
{
	for (int i = 0; i < m->nauthors; i++)
		free(m->authors[i]);
	m->nauthors = 0;
}

void meta_free(meta *m)
{
	free(m->title.value);
	free(m->source.value);
	free(m->site.value);
	free(m->editor.value);
	free(m->lang.value);
	free(m->url.value);
	free(m->description.value);
	authors_clear(m);
}

/* Role words glued to names: "记者张三", "本报记者 李四". */
static const char *const roles[] = {
	"本报记者", "本报通讯员", "特约记者", "见习记者", "实习记者", "首席记者",
	"记者", "記者", "通讯员", "通訊員", "实习生", "實習生", "摄影", "攝影",
	"编辑", "編輯", "作者", "文/", "文／", "图/", "图／", "撰文", "撰稿", "执笔人",
	"执笔",
};

/* Words after a name that end it: "记者张三发自北京", "张三报道". */
static const char *const name_ends[] = {
	"发自", "發自", "报道", "報道", "报导", "摄影", "攝影", "整理", "编译", "編譯",
	"综合报道",
};

static bool is_name_sep(uint32_t c)
{
	return c == 0x3001 || c == ',' || c == 0xFF0C || c == ';' || c == 0xFF1B ||
	       c == '/' || c == 0xFF0F || c == '|' || c == 0xFF5C;
}

/* A Latin-script name: a handle ("zboygirl") or up to five words, each
 * capitalised but for particles ("van", "de"); no job title ("AP Auto
 * Writer", "News Bureau") and no sentence. */
static bool latin_name_ok(const char *n, size_t nl)
{
	static const char *const jobs[] = {
		"writer", "editor", "correspondent", "reporter", "staff", "contributor",
		"columnist", "bureau", "news", "press", "desk", "team", "photographer",
		"associated", "agency", "updated", "published", "posted", "minutes", "read",
	};
	static const char *const particles[] = {"van", "von", "de", "der", "den", "da", "del",
						"della", "di", "du", "la", "le", "bin", "al", "y", "e",
						"dos", "das", "ter", "ten"};
	size_t words = 0, i = 0;
	while (i < nl) {
		while (i < nl && n[i] == ' ')
			i++;
		size_t b = i;
		while (i < nl && n[i] != ' ')
			i++;
		if (i == b)
			break;
		words++;
		size_t wl = i - b;
		for (size_t k = 0; k < sizeof jobs / sizeof *jobs; k++)
			if (wl == strlen(jobs[k]) && !strncasecmp(n + b, jobs[k], wl))
				return false;
		if (n[b] >= 'a' && n[b] <= 'z') {
			bool particle = false;
			for (size_t k = 0; k < sizeof particles / sizeof *particles; k++)
				if (wl == strlen(particles[k]) && !strncmp(n + b, particles[k], wl))
					particle = true;
			if (!particle && words > 1)
				return false;
		}
		/* "Cunningham." ends a sentence, not a name */
		if (n[i - 1] == '.' && wl > 2 && i < nl)
			return false;
	}
	return words >= 1 && words <= 5 && !(words > 1 && n[0] >= 'a' && n[0] <= 'z');
}

static void add_author(meta *m, const char *s, size_t len)
{
	size_t b, e;
	text_trim(s, len, &b, &e);
	/* drop roles and enclosing punctuation */
	for (bool again = true; again;) {
		again = false;
		for (size_t r = 0; r < sizeof roles / sizeof *roles; r++) {
			size_t rl = strlen(roles[r]);
			if (e - b > rl && !memcmp(s + b, roles[r], rl)) {
				b += rl;
				again = true;
			}
		}
		while (b < e) {
			size_t adv;
			uint32_t c = u8_next(s + b, e - b, &adv);
			if (!uc_is_space(c) && !uc_is_punct(c))
				break;
			b += adv;
			again = true;
		}
		/* trailing punctuation and spaces, whole characters */
		while (e > b) {
			size_t k = e - 1;
			while (k > b && ((unsigned char)s[k] & 0xC0) == 0x80)
				k--;
			size_t adv;
			uint32_t c = u8_next(s + k, e - k, &adv);
			if (!uc_is_space(c) && !uc_is_punct(c))
				break;
			e = k;
			again = true;
		}
	}
	for (size_t r = 0; r < sizeof name_ends / sizeof *name_ends; r++) {
		const char *x = memmem(s + b, e - b, name_ends[r], strlen(name_ends[r]));
		if (x && x > s + b)
			e = (size_t)(x - s);
	}
	if (b >= e || m->nauthors >= META_MAX_AUTHORS)
		return;
	const char *n = s + b;
	size_t nl = e - b;
	if (memchr(n, '@', nl) || memmem(n, nl, "http", 4) || memmem(n, nl, "www.", 4))
		return;
	size_t cjk = 0, other = 0, digits = 0, i = 0;
	while (i < nl) {
		size_t adv;
		uint32_t c = u8_next(n + i, nl - i, &adv);
		if (uc_is_cjk(c))
			cjk++;
		else if (uc_is_digit(c))
			digits++;
		else if (!uc_is_space(c))
			other++;
		i += adv;
	}
	/* a person's name: 2–5 CJK characters (more with a "·"), or a
	 * Latin name of a few words */
	if (digits || (cjk && (cjk < 2 || cjk > 8)) || (!cjk && (other < 2 || nl > 60)))
		return;
	if (!cjk && !latin_name_ok(n, nl))
		return;
	for (int k = 0; k < m->nauthors; k++)
		if (!strncmp(m->authors[k], n, nl) && !m->authors[k][nl])
			return;
	char *v = strndup(n, nl);
	if (v)
		m->authors[m->nauthors++] = v;
}

/* One CJK character between spaces: a name spaced out for alignment
 * ("赵  培"), to be joined with its neighbours. */
static bool lone_cjk(const char *s, size_t len)
{
	size_t adv;
	return len && uc_is_cjk(u8_next(s, len, &adv)) && adv == len;
}

void meta_set_authors(meta *m, const char *s, size_t len, int strength)
{
	if (strength <= m->authors_strength || !s || !len)
		return;
	meta tmp = {0};
	size_t b, e;
	text_trim(s, len, &b, &e);
	/* "赵培：北京物资学院" — an affiliation after a colon is no name */
	for (size_t i = b; i < e; i++) {
		if (s[i] == ':' || (i + 3 <= e && !memcmp(s + i, "\xef\xbc\x9a", 3))) {
			if (i > b)
				e = i;
			break;
		}
	}
	/* "By Jane Doe and John Roe": Latin names keep their spaces */
	bool latin = true;
	for (size_t i = b; i < e; i++)
		if ((unsigned char)s[i] >= 0xE0)
			latin = false;
	if (latin) {
		if (e - b > 3 && !strncasecmp(s + b, "by ", 3))
			b += 3;
		size_t start = b;
		for (size_t i = b; i <= e; i++) {
			bool sep = i == e || s[i] == ',' || s[i] == ';' || s[i] == '|' ||
				   (i + 5 <= e && !strncmp(s + i, " and ", 5)) ||
				   (i + 3 <= e && !strncmp(s + i, " & ", 3));
			if (!sep)
				continue;
			add_author(&tmp, s + start, i - start);
			if (i < e && s[i] == ' ')
				i += s[i + 1] == '&' ? 2 : 4;
			start = i + 1;
		}
	} else {
		pbuf joined = PBUF_INIT;
		size_t start = b, i = b;
		while (i <= e) {
			size_t adv = 1;
			uint32_t c = i < e ? u8_next(s + i, e - i, &adv) : ' ';
			if (i == e || uc_is_space(c) || is_name_sep(c)) {
				const char *t = s + start;
				size_t tl = i - start;
				if (lone_cjk(t, tl) && (uc_is_space(c) || i == e)) {
					pbuf_add(&joined, t, tl);
				} else {
					if (joined.len) {
						add_author(&tmp, joined.p, joined.len);
						pbuf_reset(&joined);
					}
					add_author(&tmp, t, tl);
				}
				start = i + adv;
			}
			i += adv;
		}
		if (joined.len)
			add_author(&tmp, joined.p, joined.len);
		pbuf_free(&joined);
	}
	/* "By Joon Kim, Reuters": one word after full names is an affiliation */
	if (latin && tmp.nauthors > 1 && strchr(tmp.authors[0], ' ')) {
		int k = 0;
		for (int i = 0; i < tmp.nauthors; i++) {
			if (!strchr(tmp.authors[i], ' ')) {
				free(tmp.authors[i]);
				continue;
			}
			tmp.authors[k++] = tmp.authors[i];
		}
		tmp.nauthors = k;
	}
	if (!tmp.nauthors)
		return;
	authors_clear(m);
	memcpy(m->authors, tmp.authors, sizeof tmp.authors);
	m->nauthors = tmp.nauthors;
	m->authors_strength = strength;
}

/* Common Chinese surnames (the first hundred or so cover most people),
 * then two-character ones. */
static const char surnames[] =
	"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
	"于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江"
	"尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐"
	"易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕"
	"单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆"
	"农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟"
	"邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝伊风阎";
static const char *const surnames2[] = {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫",
					"令狐", "公孙", "慕容", "尉迟", "夏侯", "长孙"};

bool meta_is_cjk_name(const char *s, size_t len)
{
	size_t b, e;
	text_trim(s, len, &b, &e);
	size_t n = 0, i = b;
	while (i < e) {
		size_t adv;
		if (!uc_is_han(u8_next(s + i, e - i, &adv)))
			return false;
		n++;
		i += adv;
	}
	if (n < 2 || n > 4)
		return false;
	for (size_t k = 0; k < sizeof surnames2 / sizeof *surnames2; k++)
		if (!memcmp(s + b, surnames2[k], 6))
			return true;
	if (n == 4)
		return false;
	for (size_t k = 0; k + 3 <= sizeof surnames - 1; k += 3)
		if (!memcmp(s + b, surnames + k, 3))
			return true;
	return false;
}

bool meta_read_poster(meta *m, const char *s, size_t len, int strength)
{
	/* 由 … (于|张贴|發表|发表|发布|在|@) */
	const char *by = memmem(s, len, "\xe7\x94\xb1", 3); /* 由 */
	if (!by)
		return false;
	size_t b = (size_t)(by - s) + 3;
	static const char *const ends[] = {"\xe4\xba\x8e", "\xe5\xbc\xa0\xe8\xb4\xb4",
					   "\xe5\x8f\x91\xe8\xa1\xa8", "\xe7\x99\xbc\xe8\xa1\xa8",
					   "\xe5\x8f\x91\xe5\xb8\x83", "\xe5\x9c\xa8", " @", "@"};
	size_t best = len;
	for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
		const char *x = memmem(s + b, len - b, ends[k], strlen(ends[k]));
		if (x && (size_t)(x - s) < best)
			best = (size_t)(x - s);
	}
	/* a poster's nickname: short, right after 由 */
	if (best == len || best <= b || best - b > 30)
		return false;
	int before = m->nauthors;
	meta_set_authors(m, s + b, best - b, strength);
	return m->nauthors && (before != m->nauthors || m->authors_strength == strength);
}

/* ---- labelled lines ---- */

#define META_MASK                                                                \
	((1u << LEX_META_AUTHOR) | (1u << LEX_META_SOURCE) |                     \
	 (1u << LEX_META_EDITOR) | (1u << LEX_META_DATE) | (1u << LEX_META_VIEWS) | \
	 (1u << LEX_META_OTHER))

static bool is_colon(uint32_t c)
{
	return c == ':' || c == 0xFF1A;
}

/* Labels of s: matches that read as labels, longest first at a place. */
static size_t labels_of(const char *s, size_t len, lex_match *out, size_t max)
{
	lex_match m[32];
	size_t n = lex_find(s, len, m, 32);
	if (n > 32)
		n = 32;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (!((1u << m[i].cat) & META_MASK))
			continue;
		/* inside a longer label? */
		bool inside = false;
		for (size_t j = 0; j < n; j++)
			if (j != i && ((1u << m[j].cat) & META_MASK) && m[j].start <= m[i].start &&
			    m[j].end >= m[i].end && m[j].end - m[j].start > m[i].end - m[i].start)
				inside = true;
		if (inside)
			continue;
		size_t adv = 0;
		uint32_t next = m[i].end < len ? u8_next(s + m[i].end, len - m[i].end, &adv) : 0;
		uint32_t lastc = text_last_char(s + m[i].start, m[i].end - m[i].start);
		bool slash = lastc == '/' || lastc == 0xFF0F || lastc == '|';
		bool colon = is_colon(next) || is_colon(lastc) || slash || next == '/' ||
			     next == 0xFF0F;
		/* "记者 张三" / "By Jane": a role word followed by a space, at the
		 * start of the line or after an opening bracket */
		bool start = m[i].start == 0 || text_is_filler(s, m[i].start);
		bool spaced = next == ' ' || next == 0x3000;
		if (!colon && !((m[i].flags & LEXF_PREFIX) && start && spaced) &&
		    !(m[i].cat == LEX_META_AUTHOR && spaced && m[i].end - m[i].start >= 6) &&
		    !(m[i].cat == LEX_META_VIEWS && m[i].end < len && uc_is_digit(next)))
			continue;
		if (k > 0 && m[i].start < out[k - 1].end)
			continue;
		if (k < max)
			out[k++] = m[i];
	}
	return k;
}

/* The value after a label: skip the colon and spaces; up to the next label,
 * a closing bracket or the end. */
static void value_range(const char *s, size_t len, size_t from, size_t to, size_t *vb,
			size_t *ve)
{
	size_t i = from;
	while (i < to) {
		size_t adv;
		uint32_t c = u8_next(s + i, to - i, &adv);
		if (!is_colon(c) && !uc_is_space(c) && c != '/' && c != 0xFF0F && c != '|')
			break;
		i += adv;
	}
	size_t j = i;
	while (j < to) {
		size_t adv;
		uint32_t c = u8_next(s + j, to - j, &adv);
		if (c == ')' || c == 0xFF09 || c == ']' || c == 0x3011 || c == 0x3009)
			break;
		j += adv;
	}
	(void)len;
	*vb = i;
	*ve = j;
}

/* A label of the date of last change rather than of publication. */
static bool is_update_label(const char *s, size_t len)
{
	static const char *const words[] = {"updated", "last updated", "aktualisiert",
					    "mis à jour", "actualizado", "aggiornato",
					    "atualizado", "bijgewerkt"};
	if (memmem(s, len, "\xe6\x9b\xb4", 3)) /* 更新 */
		return true;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (len >= strlen(words[i]) && !strncasecmp(s, words[i], strlen(words[i])))
			return true;
	return false;
}

static bool is_d(char c) { return c >= '0' && c <= '9'; }

/* The first number in v: "1,208" and "1 208" are one number (a separator
 * followed by exactly three digits); -1 when there is none. */
static long long read_count(const char *v, size_t n)
{
	size_t k = 0;
	while (k < n && !is_d(v[k]))
		k++;
	if (k == n)
		return -1;
	long long x = 0;
	while (k < n) {
		if (is_d(v[k])) {
			x = x * 10 + (v[k++] - '0');
			if (x > 1000000000000LL)
				return -1;
		} else if ((v[k] == ',' || v[k] == ' ') && k + 3 < n && is_d(v[k + 1]) &&
			   is_d(v[k + 2]) && is_d(v[k + 3]) && (k + 4 == n || !is_d(v[k + 4]))) {
			k++;
		} else {
			break;
		}
	}
	return x;
}

int meta_read_line(pith_ctx *ctx, meta *m, const char *s, size_t len, int strength)
{
	lex_match lab[12];
	size_t n = labels_of(s, len, lab, 12);
	int set = 0;
	pbuf authors = PBUF_INIT;
	bool dated = false;
	long long now = ctx->opt.now;
	for (size_t i = 0; i < n; i++) {
		size_t to = i + 1 < n ? lab[i + 1].start : len;
		size_t vb, ve;
		value_range(s, len, lab[i].end, to, &vb, &ve);
		if (vb >= ve)
			continue;
		const char *v = s + vb;
		size_t vl = ve - vb;
		switch (lab[i].cat) {
		case LEX_META_AUTHOR: {
			/* "By Jane Doe 2019-11-18T20:51Z": a date after the name
			 * is the line's date, and ends the name */
			pdate d;
			size_t ds, de;
			if (!dated && date_find_ex(v, vl, now, m->date_flags, &d, &ds, &de) && ds) {
				meta_set_date(m, &d, strength, false);
				dated = true;
				vl = ds;
			}
			/* "记者 张明 通讯员 李华": every labelled name of the line */
			if (authors.len)
				pbuf_adds(&authors, "\xe3\x80\x81");
			pbuf_add(&authors, v, vl);
			set++;
			break;
		}
		case LEX_META_SOURCE:
			meta_set(&m->source, v, vl, strength);
			set++;
			break;
		case LEX_META_EDITOR: {
			/* a reviewer (审核) ranks below the editor */
			bool review = memmem(s + lab[i].start, lab[i].end - lab[i].start, "\xe5\xae\xa1", 3) ||
				      memmem(s + lab[i].start, lab[i].end - lab[i].start, "\xe5\xaf\xa9", 3);
			meta_set(&m->editor, v, vl, review ? strength - 1 : strength);
			set++;
			break;
		}
		case LEX_META_DATE: {
			pdate d;
			size_t ds, de;
			if (date_find_ex(v, vl, now, m->date_flags, &d, &ds, &de)) {
				bool upd = is_update_label(s + lab[i].start, lab[i].end - lab[i].start);
				/* a government document's date of issue (成文日期) is
				 * its date; the portal's 发布日期 and <meta> come later */
				bool issued = memmem(s + lab[i].start, lab[i].end - lab[i].start,
						     "\xe6\x88\x90\xe6\x96\x87", 6) != NULL;
				meta_set_date(m, &d, issued ? EV_JSONLD : strength, upd);
				dated = !upd;
				set++;
			}
			break;
		}
		case LEX_META_VIEWS: {
			long long views = read_count(v, vl);
			if (views >= 0 && strength > m->views_strength) {
				m->views = views;
				m->views_strength = strength;
				set++;
			}
			break;
		}
		default:
			break;
		}
	}
	if (authors.len)
		meta_set_authors(m, authors.p, authors.len, strength);
	pbuf_free(&authors);
	/* a date on the line outside any label ("2025/06/06 来自: …") */
	if (!dated && n) {
		pdate d;
		size_t ds, de;
		size_t to = lab[0].start;
		if (to && date_find_ex(s, to, now, m->date_flags, &d, &ds, &de)) {
			meta_set_date(m, &d, strength, false);
			set++;
		}
	}
	return set;
}

/* "(文/杨佳)" "（记者 张三 通讯员 李四）" at the start or the end of a
 * paragraph. */
void meta_read_byline(pith_ctx *ctx, meta *m, const char *s, size_t len, bool at_end)
{
	if (!(lex_scan(s, len) & ((1u << LEX_META_AUTHOR) | (1u << LEX_META_EDITOR))))
		return;
	size_t open = (size_t)-1, close = (size_t)-1, i = 0;
	while (i < len) {
		size_t adv;
		uint32_t c = u8_next(s + i, len - i, &adv);
		if (c == '(' || c == 0xFF08 || c == 0x3010 || c == '[') {
			if (at_end || open == (size_t)-1)
				open = i + adv;
		} else if ((c == ')' || c == 0xFF09 || c == 0x3011 || c == ']') &&
			   open != (size_t)-1 && (at_end || close == (size_t)-1)) {
			close = i;
		}
		i += adv;
	}
	if (open == (size_t)-1 || close == (size_t)-1 || close <= open || close - open > 120)
		return;
	if (at_end && !text_is_filler(s + close, len - close))
		return;
	/* at the start: the bracket within the first few characters
	 * ("据新华社拉萨电（记者 格桑边觉）") */
	if (!at_end && u8_count(s, open) > 16)
		return;
	meta_read_line(ctx, m, s + open, close - open, EV_GUESS);
}

/* ---- the record ---- */

static void put(pith_doc *doc, const char *key, const meta_field *f)
{
	if (f->value)
		rec_set_str(doc, key, f->value);
}

void meta_to_record(pith_doc *doc, const meta *m)
{
	char buf[48];
	/* title, date and authors are always there (null or []): scripts
	 * can rely on them */
	/* what the input record already says stands when the page says
	 * nothing (a second run, or a caller's own title) */
	if (m->title.value)
		put(doc, "title", &m->title);
	else if (!rec_get_str(doc, "title"))
		json_object_set_new(doc->rec, "title", json_null());
	if (m->date.prec) {
		date_format(&m->date, buf, sizeof buf);
		rec_set_str(doc, "date", buf);
	} else if (!rec_get_str(doc, "date")) {
		json_object_set_new(doc->rec, "date", json_null());
	}
	if (m->modified.prec) {
		date_format(&m->modified, buf, sizeof buf);
		rec_set_str(doc, "modified", buf);
	}
	json_t *old = json_object_get(doc->rec, "authors");
	if (m->nauthors || !json_is_array(old) || !json_array_size(old)) {
		json_t *a = json_array();
		for (int i = 0; i < m->nauthors; i++)
			json_array_append_new(a, json_string(m->authors[i]));
		json_object_set_new(doc->rec, "authors", a);
	}
	put(doc, "source", &m->source);
	put(doc, "site", &m->site);
	put(doc, "editor", &m->editor);
	if (m->views_strength)
		rec_set_int(doc, "views", m->views);
	put(doc, "lang", &m->lang);
	if (!rec_get_str(doc, "url"))
		put(doc, "url", &m->url);
	put(doc, "description", &m->description);
}

pith_status stage_meta(pith_ctx *ctx, pith_doc *doc)
{
	struct page *pg;
	pith_status st = doc_page(ctx, doc, &pg);
	if (st != PITH_OK)
		return st;
	if ((st = page_classify(ctx, doc, pg)) != PITH_OK)
		return st;
	meta m;
	memset(&m, 0, sizeof m);
	if (pg->kind == KIND_HTML)
		meta_from_html(ctx, doc, pg, &m);
	else
		meta_from_text(ctx, doc, pg, &m);
	if (m.date.prec && !date_plausible(&m.date, ctx->opt.now))
		memset(&m.date, 0, sizeof m.date);
	if (m.modified.prec && !date_plausible(&m.modified, ctx->opt.now))
		memset(&m.modified, 0, sizeof m.modified);
	meta_to_record(doc, &m);
	meta_free(&m);
	return PITH_OK;
}
