/* Text dumps: label each line as article, title, metadata, related list,
 * boilerplate or spam.
 *
 * The article is found as the segment of lines with the largest sum of
 * "prose" scores (long lines with sentence punctuation score up, short
 * link-like lines down), where boilerplate lines, related-list headings
 * and metadata lines are barriers no segment crosses. The segment is then
 * grown over neighbouring lines until a barrier: an all-body page (a
 * notice of tables and short list lines) comes out whole. Lines before it
 * hold the title and metadata; lines after it the related lists, the
 * previous/next links and the footer. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "lexicon.h"
#include "page.h"
#include "sitemem.h"
#include "textutil.h"
#include "utf8.h"

#define BOILER_CATS                                                              \
	((1u << LEX_NAV) | (1u << LEX_SHARE) | (1u << LEX_FOOTER) |              \
	 (1u << LEX_DISCLAIMER) | (1u << LEX_COMMENT))
#define META_CATS                                                                \
	((1u << LEX_META_AUTHOR) | (1u << LEX_META_SOURCE) |                     \
	 (1u << LEX_META_EDITOR) | (1u << LEX_META_DATE) | (1u << LEX_META_VIEWS) | \
	 (1u << LEX_META_OTHER))

/* Kinds of lines, decided from the line alone. */
enum lkind {
	LK_TEXT = 0,  /* anything else */
	LK_BOILER,    /* navigation, share, footer, disclaimer */
	LK_RELHEAD,   /* heading of a related list */
	LK_PREVNEXT,  /* 上一篇 / Next article */
	LK_META,      /* byline, date, source… line */
	LK_LABEL,     /* a metadata label alone ("作者:"), its value follows */
	LK_DATE,      /* a date and nothing else */
	LK_NUMBER,    /* a bare number (counters) */
	LK_COMMENT,   /* a comment section's heading or a comment's header */
	LK_RELITEM,   /* a line of a related list (title, teaser, date) */
};

/* How close two copies of a line are for a card's headline said twice. */
#define NEAR_DUP 6

struct line_info {
	uint8_t kind;
	bool repeated; /* the same line is elsewhere on the page */
	bool near_dup; /* ... within a few lines: a card's headline or caption
			* printed twice, which running text never does */
	bool site_repeat; /* other pages of the site carry it too */
	bool prose;  /* reads as running text */
	bool dateline; /* a date with a few words ("Reuters Nov 18, 2019") */
	bool aside;  /* a caption or an inline link inside the article: not
		      * body, though the article goes on across it */
	float score; /* segment score */
};

/* A line that is mostly a metadata label followed by a short value, or
 * several label:value pairs ("2025/06/06 来自: 医务部 作者: 刘湘梅"). */
static bool meta_line(const struct page *pg, const block *b)
{
	if (!(b->lex & META_CATS))
		return false;
	const char *s = block_text(pg, b);
	/* labels are followed by a colon, or are a known prefix ("文/") */
	lex_match m[16];
	size_t n = lex_find(s, b->len, m, 16);
	int labels = 0;
	for (size_t i = 0; i < n && i < 16; i++) {
		if (!((1u << m[i].cat) & META_CATS))
			continue;
		const char *after = s + m[i].end;
		size_t left = b->len - m[i].end;
		size_t adv = 0;
		uint32_t c = left ? u8_next(after, left, &adv) : 0;
		bool colon = c == ':' || c == 0xFF1A || c == '/' || c == 0xFF0F || c == '|';
		bool at_start = m[i].start == 0;
		bool ends_colon = m[i].end >= 1 && (s[m[i].end - 1] == ':' ||
			(m[i].end >= 3 && !memcmp(s + m[i].end - 3, "\xef\xbc\x9a", 3)));
		if (colon || ends_colon || (at_start && (m[i].flags & LEXF_PREFIX)))
			labels++;
	}
	if (!labels)
		return false;
	/* running text mentioning a 记者 is not a byline; a dated one is,
	 * whatever its dots ("a.m.", "Jr.") */
	if (b->nchars > 80)
		return false;
	if (b->nsent >= 2 && b->nchars > 40) {
		pdate d;
		size_t ds, de;
		return date_find(s, b->len, 0, &d, &ds, &de);
	}
	return true;
}

static bool label_only(const struct page *pg, const block *b)
{
	if (!(b->lexwhole & META_CATS))
		return false;
	(void)pg;
	return b->nchars <= 8;
}

/* The rest of a date range: a connector, then only digits, date
 * characters (年月日号时分), month names' letters, spaces and punctuation. */
static bool date_range_tail(const char *s, size_t len)
{
	static const char *const joins[] = {"至", "到", "-", "–", "—", "~", "～", "to "};
	size_t i = 0;
	while (i < len && s[i] == ' ')
		i++;
	size_t j = 0;
	for (size_t k = 0; k < sizeof joins / sizeof *joins && !j; k++)
		if (!strncmp(s + i, joins[k], strlen(joins[k])))
			j = i + strlen(joins[k]);
	if (!j)
		return false;
	bool digit = false;
	for (size_t k = j; k < len;) {
		size_t adv;
		uint32_t c = u8_next(s + k, len - k, &adv);
		k += adv;
		if (uc_is_digit(c))
			digit = true;
		else if (!(c == 0x5E74 || c == 0x6708 || c == 0x65E5 || c == 0x53F7 || c == 0x65F6 ||
			   c == 0x5206 || uc_is_space(c) || uc_is_punct(c) ||
			   (c < 0x80 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))))
			return false;
	}
	return digit;
}

static bool date_only(const struct page *pg, const block *b, long long now)
{
	if (b->nchars > 40 || !b->ndigits)
		return false;
	const char *s = block_text(pg, b);
	pdate d;
	size_t st, en;
	if (!date_find(s, b->len, now ? now : 1, &d, &st, &en))
		return false;
	/* only white space and punctuation around the date, or a range:
	 * "2025年6月1日至8月31日", "June 1 – August 31, 2025" */
	if (!text_is_filler(s, st))
		return false;
	if (text_is_filler(s + en, b->len - en))
		return true;
	return date_range_tail(s + en, b->len - en);
}

static bool is_prose(const block *b);

/* A date with a few words: "Reuters November 18, 2019 11:03 PM". */
static bool dateline(const struct page *pg, const block *b, long long now)
{
	pdate d;
	const char *s = block_text(pg, b);
	/* a sentence with a date in it ends as sentences do */
	if (b->nchars > 80 || b->ndigits < 4 || (b->flags & BF_NUMBERED) ||
	    (is_prose(b) && uc_is_sentence_end(text_last_char(s, b->len))))
		return false;
	return text_is_dateline(s, b->len, now ? now : 1, 0, &d);
}

static bool number_only(const struct page *pg, const block *b)
{
	return b->nchars && b->nchars <= 8 && b->ndigits + b->npunct == b->nchars;
}

/* Running text: long enough, with clause or sentence punctuation, and
 * not a list of terms ("stock car 2018, stock car brasil, cascavel"). */
static bool is_prose(const block *b)
{
	if (!b->nsent && b->nclause >= 4 && b->nwords <= 3 * (b->nclause + 1) &&
	    b->ncjk * 2 < b->nchars)
		return false;
	uint32_t p = b->nsent + b->nclause + (b->ncolon && b->nchars >= 60);
	if (b->ncjk * 2 >= b->nchars)
		return b->nchars >= 20 && p >= 1;
	return b->nwords >= 10 && p >= 1;
}

static float prose_score(const block *b)
{
	uint32_t units = b->ncjk + b->nwords * 3; /* a Latin word ≈ 3 CJK chars */
	if (is_prose(b))
		return 1.0f + (float)(units > 300 ? 300 : units) / 30.0f;
	if (b->flags & BF_ROW)
		return 0.2f;
	if (units >= 40)
		return 0.1f; /* long but no sentence: a headline, a keyword list */
	/* "一、活动时间", "(1) …", "各单位：": the parts of a notice, not a menu */
	if (b->flags & BF_NUMBERED)
		return 0.0f;
	return -0.6f;
}

/* "12 Comments", "Leave a Reply", "Jane on May 3, 2019 at 4:47 pm said:" */
static bool comment_line(const struct page *pg, const block *b)
{
	if (b->nchars > 100)
		return false;
	if ((b->lex & (1u << LEX_COMMENT)) && b->nchars <= 40)
		return true;
	const char *s = block_text(pg, b);
	/* "Top Rated Comments", "[ 167 comments ]" (Chinese headings are in the
	 * word list: 评论人 is a discussant, not a comment) */
	if (b->nchars <= 30 && memmem(s, b->len, "omments", 7))
		return true;
	static const char *const ends[] = {"said:", "says:", "wrote:", "replied:"};
	for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
		size_t el = strlen(ends[k]);
		if (b->len > el && !memcmp(s + b->len - el, ends[k], el) && b->ndigits)
			return true;
	}
	/* "re: TITLE 2004-12-28 9:45 NAME", "回复：…" over a date: a reply */
	size_t i = 0, adv;
	while (i < b->len && !uc_is_alnum(u8_next(s + i, b->len - i, &adv)))
		i += adv;
	static const char *const starts[] = {"re:", "Re:", "RE:", "回复", "回覆", "Reply"};
	for (size_t k = 0; k < sizeof starts / sizeof *starts; k++)
		if (!strncmp(s + i, starts[k], strlen(starts[k])) && b->ndigits >= 4 &&
		    b->nchars <= 80)
			return true;
	return false;
}

/* A copyright or licence phrase near the start of a line, or in a short
 * line, makes a footer; deep inside a long paragraph it is a sentence
 * about copyright. */
static bool strong_footer(const struct page *pg, const block *b)
{
	if (b->nchars <= 80 || !is_prose(b))
		return true;
	lex_match m[16];
	size_t nm = lex_find(block_text(pg, b), b->len, m, 16);
	for (size_t i = 0; i < nm && i < 16; i++)
		if (m[i].cat == LEX_FOOTER_STRONG && m[i].start * 5 <= b->len)
			return true;
	return false;
}

/* A line made of navigation and share words only ("Share  Tweet  Email",
 * "首页 | 新闻 | 登录"): their matches cover nearly all its letters. */
static bool widget_line(const struct page *pg, const block *b)
{
	if (b->nchars > 60)
		return false;
	const char *s = block_text(pg, b);
	lex_match m[24];
	size_t nm = lex_find(s, b->len, m, 24);
	if (!nm || nm > 24)
		return false;
	size_t covered = 0, end = 0;
	for (size_t i = 0; i < nm; i++) {
		if (m[i].cat != LEX_SHARE && m[i].cat != LEX_NAV)
			continue;
		size_t from = m[i].start > end ? m[i].start : end;
		if (m[i].end > from)
			covered += m[i].end - from;
		if (m[i].end > end)
			end = m[i].end;
	}
	size_t letters = 0;
	for (uint32_t i = 0; i < b->len; i++)
		if (s[i] != ' ' && s[i] != '|' && s[i] != '\t')
			letters++;
	return covered * 4 >= letters * 3;
}

/* A horizontal rule drawn with characters: ━━━, -----, _____, =====. */
static bool rule_char(uint32_t c)
{
	return c == '-' || c == '_' || c == '=' || c == '*' || c == '~' || c == 0x2014 ||
	       c == 0x2015 || c == 0x2500 || c == 0x2501 || c == 0x2550 || c == 0xFF3F ||
	       c == 0xFF1D || c == 0x30FC;
}

static bool rule_line(const struct page *pg, const block *b)
{
	if (b->nchars < 5)
		return false;
	const char *s = block_text(pg, b);
	size_t adv, rule = 0;
	for (size_t i = 0; i < b->len; i += adv) {
		uint32_t c = u8_next(s + i, b->len - i, &adv);
		if (rule_char(c))
			rule++;
		else if (!uc_is_space(c))
			return false;
	}
	return rule >= 5;
}

/* Mostly a URL: "[https://…/x.jpg]", "IFRAME: https://…", "www.x.com". */
static bool url_line(const struct page *pg, const block *b)
{
	const char *s = block_text(pg, b);
	const char *u = memmem(s, b->len, "http", 4);
	if (!u)
		u = memmem(s, b->len, "www.", 4);
	if (!u) { /* file:///…, ftp://… */
		u = memmem(s, b->len, "://", 3);
		while (u && u > s && uc_is_alnum((unsigned char)u[-1]))
			u--;
	}
	if (!u)
		return false;
	size_t at = (size_t)(u - s), e = at;
	while (e < b->len && (unsigned char)s[e] > ' ' && s[e] != ']')
		e++;
	return (e - at) * 2 >= b->len;
}

/* Only bracketed names: the dumper's stand-ins for pictures, frames and
 * ads ("[ashaw1]", "[INS::INS] [logo]"). Not text, though the article
 * runs on across them. */
static bool placeholder_line(const struct page *pg, const block *b)
{
	const char *s = block_text(pg, b);
	if (b->len > 7 && !memcmp(s, "IFRAME:", 7))
		return true; /* lynx's and w3m's frame stand-in */
	int depth = 0;
	bool any = false;
	for (uint32_t i = 0; i < b->len; i++) {
		if (s[i] == '[') {
			depth++;
			any = true;
		} else if (s[i] == ']') {
			depth--;
		} else if (!depth && s[i] != ' ' && s[i] != '\t') {
			return false;
		}
	}
	return any && depth == 0;
}

/* A picture's caption or credit ("… (Image: Getty)"), or a link to
 * another story set in the article ("Read more: Tencent profit falls"). */
static bool aside_line(const struct page *pg, const block *b)
{
	if ((b->lex & (1u << LEX_CAPTION)) && b->nchars <= 400 && b->nsent <= 4)
		return true;
	if (!(b->lex & (1u << LEX_RELATED)) || b->nsent || b->nchars > 150)
		return false;
	/* the related phrase opens the line, and a colon follows it */
	const char *s = block_text(pg, b);
	const char *colon = memchr(s, ':', b->len < 24 ? b->len : 24);
	return colon && colon > s && (size_t)(colon - s) + 2 < b->len;
}

/* A table row a dumper laid out with runs of spaces between columns. */
static bool aligned_row(const struct page *pg, const block *b)
{
	const char *s = block_text(pg, b);
	unsigned gaps = 0;
	for (uint32_t i = 0; i + 1 < b->len; i++)
		if (s[i] == ' ' && s[i + 1] == ' ') {
			gaps++;
			while (i + 1 < b->len && s[i + 1] == ' ')
				i++;
		}
	return gaps >= 2;
}

/* A line of a menu: short, no sentence, no punctuation but a bullet. */
static bool aligned_row(const struct page *pg, const block *b);

static bool menu_line(const struct page *pg, const block *b, const struct line_info *l)
{
	/* a menu item is a few words: 40 letters, or 16 CJK characters */
	unsigned most = b->ncjk * 2 >= b->nchars ? 16 : 40;
	if (b->nchars >= most || l->prose || (b->flags & (BF_NUMBERED | BF_ROW)) ||
	    aligned_row(pg, b))
		return false;
	if (b->npunct == b->nchars)
		return true; /* a bullet or a bar alone */
	uint32_t punct = b->npunct - ((b->flags & BF_BULLET) && b->npunct ? 1 : 0);
	return punct == 0;
}

/* A short line of figures and punctuation that is no sentence: an entry
 * of a schedule, a table or a recipe. */
static bool data_line(const block *b, const struct line_info *l)
{
	return l->kind == LK_TEXT && !l->prose && !l->repeated && !l->near_dup &&
	       !(b->flags & BF_BULLET) && b->ndigits && b->npunct >= 1 && b->nchars >= 12 &&
	       b->nchars <= 80 && l->score > -1.0f;
}

/* A run of short lines with no punctuation at all: a menu or a list of
 * links, where growing the body must stop. */
static bool nav_run(const struct page *pg, const struct line_info *li, size_t i, size_t n)
{
	size_t k = i;
	while (k < n && k < i + 3) {
		if (li[k].kind != LK_TEXT || !menu_line(pg, &pg->b[k], &li[k]))
			break;
		k++;
	}
	return k == i + 3;
}

/* A headline in a list: short, not a sentence. */
static bool headline_like(const struct page *pg, const block *b)
{
	if (b->nchars > 100 || b->nchars < 4)
		return false;
	uint32_t last = text_last_char(block_text(pg, b), b->len);
	return !(uc_is_sentence_end(last) && last != '?' && last != '!' && last != 0x2026) ||
	       b->nchars <= 30;
}

/* The lines of the related list under heading h: items of a headline,
 * at most one teaser line, and dates or counters. Two running-text lines
 * in a row end it: that is an article, not a teaser. Returns the end. */
static size_t related_extent(const struct page *pg, struct line_info *li, size_t h, size_t n)
{
	size_t j = h + 1, end = h + 1;
	size_t last_head = 0; /* the last headline, 0 none */
	size_t bare = 0;      /* headlines with no teaser under them */
	size_t teasers = 0;   /* headlines with one */
	bool teaser_ok = false, dated = false;
	while (j < n) {
		uint8_t k = li[j].kind;
		const block *b = &pg->b[j];
		if (k == LK_DATE || k == LK_NUMBER || k == LK_META) {
			dated |= k != LK_NUMBER;
			j++;
			end = j;
			continue;
		}
		if (k != LK_TEXT)
			break;
		/* a paragraph is too long for a teaser, unless the list has
		 * shown its items have such long ones, or the line over it is
		 * a template every item repeats */
		if (li[j].prose && !headline_like(pg, b) && teaser_ok && !teasers &&
		    !(last_head && li[last_head].repeated) &&
		    b->nchars > (b->ncjk * 2 >= b->nchars ? 400u : 220u))
			break;
		if (li[j].prose && !headline_like(pg, b)) {
			/* in a list of bare headlines, running text is the
			 * article going on after the box, not a teaser */
			if (!teaser_ok || bare >= 2) {
				/* a headline, its dateline and the running text after
				 * them: the article, which starts where the list ends */
				if (last_head && dated)
					end = last_head;
				break;
			}
			teaser_ok = false;
			teasers++;
		} else {
			if (teaser_ok && !li[j].near_dup && !(dated && li[j - 1].kind != LK_TEXT))
				bare++;
			teaser_ok = true; /* a headline: its teaser may follow */
			/* a line right under a dateline ("Filed under: …") is
			 * still the same item's */
			if (!(dated && li[j - 1].kind != LK_TEXT)) {
				last_head = j;
				dated = false;
			}
		}
		j++;
		end = j;
	}
	for (size_t i = h + 1; i < end; i++)
		li[i].kind = LK_RELITEM;
	return end;
}

static void set_label(struct page *pg, size_t i, enum label l)
{
	pg->b[i].label = (uint8_t)l;
}

/* The title among the lines before the article: repeated lines, lines
 * after a "标题:" label and lines next to the metadata win. */
static int32_t find_title(struct page *pg, const struct line_info *li, size_t body)
{
	int32_t best = -1;
	float best_score = 0;
	size_t from = body > 40 ? body - 40 : 0;
	for (size_t i = from; i < body; i++) {
		const block *b = &pg->b[i];
		if ((li[i].kind != LK_TEXT && !li[i].site_repeat) || b->nchars < 4 || b->nchars > 100 ||
		    (b->flags & BF_BULLET) || li[i].score <= -3.0f || placeholder_line(pg, b))
			continue;
		float s = 1.0f;
		const char *t = block_text(pg, b);
		uint32_t last = text_last_char(t, b->len);
		if (uc_is_sentence_end(last) && last != '?' && last != '!' && last != 0xFF1F &&
		    last != 0xFF01)
			s -= 1.5f;
		if (b->nchars >= 8 && b->nchars <= 60)
			s += 1.0f;
		if (b->nanchors || b->lex)
			s -= 1.0f;
		if (b->flags & BF_NUMBERED)
			s -= 1.5f; /* "2. Astronomy & Space": a breadcrumb's step */
		if (last == ':' || last == 0xFF1A) /* a lead-in: "各相关单位：" */
			s -= 1.5f;
		if (li[i].dateline)
			s -= 1.5f; /* "Reuters November 18, 2019 11:03 PM" */
		/* repeated: the same line elsewhere before the body */
		for (size_t j = from; j < body + 3 && j < pg->nb; j++)
			if (j != i && pg->b[j].hash == b->hash && pg->b[j].len == b->len) {
				s += 2.0f;
				break;
			}
		/* after a title label line ("标题:" "Title:") */
		if (i > 0 && li[i - 1].kind == LK_LABEL)
			s -= 2.0f; /* a value of some other label */
		if (i > 0 && text_is_title_label(block_text(pg, &pg->b[i - 1]), pg->b[i - 1].len))
			s += 3.0f;
		/* closeness to the body, skipping metadata lines */
		size_t gap = 0;
		for (size_t j = i + 1; j < body; j++)
			if (li[j].kind == LK_TEXT && !(pg->b[j].hash == b->hash))
				gap++;
		s += 2.0f / (1.0f + (float)gap);
		if (s > best_score) {
			best_score = s;
			best = (int32_t)i;
		}
	}
	return best_score >= 1.5f ? best : -1;
}

/* Lines a body segment may hold: metadata-like lines inside running text
 * ("会议时间：…") are text that costs, as they do at its edges. */
static bool in_region(uint8_t k)
{
	return k == LK_TEXT || k == LK_NUMBER || k == LK_DATE || k == LK_META;
}

static float line_score(const struct line_info *l)
{
	if (l->kind == LK_DATE)
		return -1.0f;
	if (l->kind == LK_META)
		return -2.0f;
	return l->score;
}

/* Where the article goes on after an interruption that starts at i: up to
 * 8 lines of share buttons, an inline related box, dates, followed by
 * enough running text. Returns i when there is no such place. */
/* A line the article does not run past, in either direction: comments,
 * prev/next links, a byline block, a footer or a disclaimer. */
static bool article_boundary(const struct page *pg, const struct line_info *li, size_t i)
{
	uint8_t k = li[i].kind;
	return k == LK_COMMENT || k == LK_PREVNEXT || k == LK_META || k == LK_LABEL ||
	       (pg->b[i].lex & ((1u << LEX_FOOTER) | (1u << LEX_FOOTER_STRONG) |
				(1u << LEX_DISCLAIMER)));
}

/* A short line with a weak footer word and nothing stronger ("Image
 * copyright Getty Images"): a picture's credit inside an article as
 * often as a page footer. The article may run on across it. */
static bool weak_footer(const struct page *pg, const struct line_info *li, size_t i)
{
	const block *b = &pg->b[i];
	return li[i].kind == LK_BOILER && (b->nchars <= 60 || (b->nchars <= 160 && !b->nsent)) &&
	       (b->lex & (1u << LEX_FOOTER)) &&
	       !(b->lex & ~((1u << LEX_FOOTER) | (1u << LEX_SHARE) | (1u << LEX_NAV)));
}

static size_t interruption_end(const struct page *pg, const struct line_info *li, size_t i,
			       size_t n)
{
	/* a recognised related box may run longer than other breaks */
	size_t limit = i < n && li[i].kind == LK_RELHEAD ? 14 : 8;
	/* a gallery's captions, each said twice, do not count against it:
	 * but the text after one must weigh more than a card's teaser */
	size_t j = i, from = i, counted = 0, dups = 0;
	bool credit = false;
	/* a recognised related box is crossed whole, however long: but a
	 * long one needs the article to weigh after it */
	if (i < n && li[i].kind == LK_RELHEAD) {
		j = i + 1;
		while (j < n && j < i + 40 && li[j].kind == LK_RELITEM)
			j++;
		if (j - i > limit)
			credit = true;
		limit = 3; /* and the article resumes right under it */
		from = j;
	}
	while (j < n && counted < limit && j < from + 5 * limit) {
		const block *b = &pg->b[j];
		if (li[j].kind == LK_TEXT && li[j].prose)
			break;
		if (weak_footer(pg, li, j))
			credit = true;
		else if (article_boundary(pg, li, j) || rule_line(pg, b) ||
			 (b->lex & (1u << LEX_COMMENT)) || (li[j].kind == LK_RELHEAD && j > i))
			return i; /* (one box inside an article; two are its end) */
		if (li[j].near_dup)
			dups++;
		else
			counted++;
		j++;
	}
	if (j == i || j >= n || counted >= limit || j >= from + 5 * limit)
		return i;
	/* list items after the break are a teaser list, not more article */
	float mass = 0;
	size_t k = j;
	for (; k < n && li[k].kind == LK_TEXT && !li[k].near_dup; k++)
		if (li[k].score > 0 && !(pg->b[k].flags & (BF_NUMBERED | BF_BULLET)) &&
		    !headline_like(pg, &pg->b[k]))
			mass += li[k].score;
	/* after a card (a headline said twice), a teaser, then the next card */
	if (dups && k < n && li[k].near_dup && mass < 8.0f)
		return i;
	return mass >= (credit ? 8.0f : 3.0f) ? j : i;
}

/* Prose that starts right after a byline or dateline, itself under a
 * headline-like line, is very likely the article. */
static float header_bonus(const struct page *pg, const struct line_info *li, size_t at)
{
	bool byline = false;
	size_t seen = 0;
	for (size_t i = at; i-- > 0 && seen < 6;) {
		uint8_t k = li[i].kind;
		if (k == LK_META || k == LK_DATE || k == LK_LABEL || li[i].dateline) {
			byline = true;
			continue;
		}
		if (k == LK_BOILER && pg->b[i].nchars <= 40)
			continue; /* share buttons between byline and text */
		seen++;
		if (k == LK_TEXT && (!li[i].prose || headline_like(pg, &pg->b[i])) &&
		    pg->b[i].nchars >= 4 && byline)
			return 4.0f;
		if (k != LK_TEXT)
			break;
	}
	return byline ? 1.5f : 0.0f;
}

/* Marks the lines said twice (same hash and length) where one of the
 * two is short (100 characters at most): a line repeats an earlier short
 * one, or is short and said again later. One hash table of the lines,
 * with each one's first short index and last index, makes it linear: a
 * dump of a million distinct short lines must not take n² steps. */
static bool mark_repeated(const struct page *pg, struct line_info *li)
{
	struct rep {
		uint64_t hash;
		uint32_t len;
		size_t first_short; /* index + 1; 0 none */
		size_t last;
		bool used;
	};
	size_t n = pg->nb, cap = 64;
	while (cap < n * 2)
		cap *= 2;
	struct rep *t = calloc(cap, sizeof *t);
	if (!t)
		return false;
	size_t *slot = malloc(n * sizeof *slot);
	if (!slot) {
		free(t);
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		const block *b = &pg->b[i];
		size_t k = (size_t)b->hash & (cap - 1);
		while (t[k].used && !(t[k].hash == b->hash && t[k].len == b->len))
			k = (k + 1) & (cap - 1);
		if (!t[k].used) {
			t[k].used = true;
			t[k].hash = b->hash;
			t[k].len = b->len;
		}
		t[k].last = i;
		if (b->nchars <= 100 && !t[k].first_short)
			t[k].first_short = i + 1;
		slot[i] = k;
	}
	for (size_t i = 0; i < n; i++) {
		const struct rep *r = &t[slot[i]];
		if ((r->first_short && r->first_short - 1 < i) ||
		    (pg->b[i].nchars <= 100 && r->last > i))
			li[i].repeated = true;
	}
	free(slot);
	free(t);
	return true;
}

/* The shape of a line, for finding repeated patterns: running text, a
 * line said twice, a date or other short line. */
static char line_shape(const struct line_info *l, const block *b)
{
	if (l->near_dup)
		return 'D';
	if (l->kind == LK_DATE || l->kind == LK_META || l->kind == LK_NUMBER)
		return 'T';
	if (l->kind != LK_TEXT)
		return 0;
	if (l->prose && l->score > 0)
		return 'P';
	return b->nchars <= 40 ? 's' : 'S';
}

/* A list of cards (a picture or a headline said twice, a kicker, a teaser;
 * then the next card the same) is a pattern of line shapes that repeats
 * with a short period. Running text has no such period, and a list in an
 * article is all one shape. The teasers in such a run count for little.
 * run[p][i] is how far line i on agrees with the line p below it, so the
 * whole search is linear. */
enum { CARD_MIN_P = 2, CARD_MAX_P = 5 };

static bool mark_cards(const struct page *pg, struct line_info *li, size_t n)
{
	char *shape = malloc(n ? n : 1);
	uint32_t *run = malloc((CARD_MAX_P - CARD_MIN_P + 1) * (n + 1) * sizeof *run);
	if (!shape || !run) {
		free(shape);
		free(run);
		return false;
	}
	for (size_t i = 0; i < n; i++)
		shape[i] = line_shape(&li[i], &pg->b[i]);
	for (size_t p = CARD_MIN_P; p <= CARD_MAX_P; p++) {
		uint32_t *r = run + (p - CARD_MIN_P) * (n + 1);
		r[n] = 0;
		for (size_t i = n; i-- > 0;)
			r[i] = i + p < n && shape[i] && shape[i] == shape[i + p] ? r[i + 1] + 1 : 0;
	}
	for (size_t i = 0; i < n;) {
		size_t best_end = i;
		for (size_t p = CARD_MIN_P; p <= CARD_MAX_P; p++) {
			size_t e = i + run[(p - CARD_MIN_P) * (n + 1) + i];
			/* three full periods, each with a teaser and a marker */
			if (e - i < 2 * p || e + p <= best_end)
				continue;
			bool has_p = false, has_mark = false;
			for (size_t k = i; k < i + p; k++) {
				has_p |= shape[k] == 'P';
				has_mark |= shape[k] == 'D' || shape[k] == 'T';
			}
			if (has_p && has_mark)
				best_end = e + p;
		}
		if (best_end == i) {
			i++;
			continue;
		}
		for (size_t k = i; k < best_end; k++)
			if (li[k].score > 0)
				li[k].score *= 0.3f;
		i = best_end;
	}
	free(shape);
	free(run);
	return true;
}

pith_status classify_text(pith_ctx *ctx, pith_doc *doc, struct page *pg)
{
	size_t n = pg->nb;
	if (!n)
		return PITH_OK;
	struct line_info *li = calloc(n, sizeof *li);
	if (!li)
		return ctx_error(ctx, PITH_ERR_NOMEM, "out of memory");
	long long now = ctx->opt.now;

	/* 1. what each line is, alone */
	for (size_t i = 0; i < n; i++) {
		block *b = &pg->b[i];
		uint8_t k = LK_TEXT;
		if ((b->lexwhole & (1u << LEX_RELATED)) ||
		    ((b->lex & (1u << LEX_RELATED)) && b->nchars <= 40 && !is_prose(b)))
			k = LK_RELHEAD;
		else if (rule_line(pg, b))
			k = LK_BOILER; /* a rule: what follows is another part */
		else if (widget_line(pg, b))
			k = LK_BOILER;
		else if ((b->lex & (1u << LEX_PREVNEXT)) && !(is_prose(b) && b->nchars > 60))
			k = LK_PREVNEXT; /* not "Next steps will be…", a sentence */
		else if (label_only(pg, b))
			k = LK_LABEL;
		else if (meta_line(pg, b))
			k = LK_META;
		else if (date_only(pg, b, now))
			k = LK_DATE;

		else if (comment_line(pg, b))
			k = LK_COMMENT;
		else if (number_only(pg, b))
			k = LK_NUMBER;
		else if (((b->lex & (1u << LEX_FOOTER_STRONG)) && strong_footer(pg, b)) ||
			 ((b->lex & BOILER_CATS) && !(is_prose(b) && b->nchars > 60 &&
						      !(b->lex & (1u << LEX_DISCLAIMER)))))
			k = LK_BOILER;
		li[i].kind = k;
		li[i].dateline = k == LK_TEXT && dateline(pg, b, now);
		li[i].aside = k == LK_TEXT && aside_line(pg, b);
		li[i].prose = is_prose(b);
		li[i].score = prose_score(b);
		if (!li[i].prose && aligned_row(pg, b))
			li[i].score = 0.2f;
		/* an image, an iframe or a link printed as its URL is not text,
		 * nor is a caption, nor a line that is all a link's text (where
		 * the dump says which text was a link: Markdown) */
		if (url_line(pg, b) || li[i].aside || b->nlink * 5 >= b->nchars * 4 + 1) {
			li[i].prose = false;
			li[i].score = -1.0f;
		}
		/* bulleted running text is as often a teaser list as a list in an
		 * article: it counts for half */
		if ((b->flags & BF_BULLET) && li[i].score > 0)
			li[i].score *= 0.5f;
		/* a bulleted line with a date is a list entry (a post, a teaser) */
		if ((b->flags & (BF_BULLET | BF_NUMBERED)) && b->ndigits >= 4 && b->nchars <= 100 &&
		    li[i].score > -0.5f)
			li[i].score = -0.5f;
	}
	/* in a batch, a line that other pages of the site carry too is
	 * navigation, a footer or a teaser (kept as a title candidate: a
	 * headline is quoted in the lists of other pages) */
	if (ctx->sites && doc->has_seq) {
		uint64_t site = doc_site(doc);
		/* running text is left out: a wire story syndicated on other
		 * pages of a batch is still each page's article */
		for (size_t i = 0; site && i < n; i++)
			if (li[i].kind == LK_TEXT && !li[i].prose &&
			    sitemem_seen(ctx->sites, site, pg->b[i].hash, doc->seq)) {
				/* it costs, and is never body, but does not cut the
				 * page into regions the way a known barrier does */
				li[i].score = -3.0f;
				li[i].site_repeat = true;
			}
	}
	/* a short line said twice is a title, a menu or a teaser, not prose */
	if (!mark_repeated(pg, li)) {
		free(li);
		return ctx_error(ctx, PITH_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < n; i++)
		if (li[i].repeated) {
			li[i].prose = false;
			li[i].score = -1.0f;
		}
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n && j <= i + NEAR_DUP; j++)
			if (pg->b[j].hash == pg->b[i].hash && pg->b[j].len == pg->b[i].len &&
			    pg->b[i].nchars >= 4 && pg->b[i].nwords + pg->b[i].ncjk >= 2 &&
			    li[i].kind == LK_TEXT && !(pg->b[i].flags & BF_ROW) &&
			    !aligned_row(pg, &pg->b[i]) &&
			    !memcmp(block_text(pg, &pg->b[i]), block_text(pg, &pg->b[j]),
				    pg->b[i].len))
				li[i].near_dup = li[j].near_dup = true;
	for (size_t i = 0; i < n; i++)
		if (li[i].near_dup) {
			li[i].prose = false;
			li[i].score = -2.0f;
		}

	/* a run of four or more data lines ("3a etapa: 22 de abril – Velopark",
	 * "Portion: 1 cup, 2 eggs"): a list the article is made of, where a
	 * menu has neither figures nor punctuation */
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && data_line(&pg->b[j], &li[j]))
			j++;
		if (j - i >= 4)
			for (size_t k = i; k < j; k++)
				li[k].score = 0.5f;
		i = j > i ? j : i + 1;
	}
	/* runs of three or more short lines without sentences (menus, tag
	 * lists, bullets alone) cost more: the article is not found across them */
	for (size_t i = 0; i < n;) {
		size_t j = i;
		/* a blank line then a line of another shape (a headline under a
		 * bulleted menu) ends the run */
		while (j < n && li[j].kind == LK_TEXT && menu_line(pg, &pg->b[j], &li[j]) &&
		       !(j > i && (pg->b[j].flags & BF_BLANK) &&
			 ((pg->b[j].flags ^ pg->b[j - 1].flags) & BF_BULLET)))
			j++;
		if (j - i >= 3)
			for (size_t k = i; k < j; k++)
				li[k].score = -3.0f;
		i = j > i ? j : i + 1;
	}
	if (!mark_cards(pg, li, n)) {
		free(li);
		return ctx_error(ctx, PITH_ERR_NOMEM, "out of memory");
	}
	/* related lists are found before the article, which they may precede */
	for (size_t i = 0; i < n; i++)
		if (li[i].kind == LK_RELHEAD)
			i = related_extent(pg, li, i, n) - 1;

	/* 2. the best segment of prose in each region between barriers,
	 * weighed by where it stands: right after a title and a byline is
	 * where articles start; after a related-list or comment heading, or
	 * just before a footer, is where teasers, comments and site blurbs
	 * are. */
	float best = 0;
	size_t bs = 0, be = 0;
	bool after_list = false;
	/* the first segment under a title and a byline, when it weighs */
	float first_w = 0;
	size_t first_s = 0, first_e = 0;
	bool first_set = false;
	for (size_t r0 = 0; r0 < n;) {
		size_t r1 = r0;
		while (r1 < n && in_region(li[r1].kind))
			r1++;
		float cur = 0, rbest = 0;
		size_t cs = r0, rs = r0, re = r0;
		for (size_t i = r0; i < r1; i++) {
			float sc = line_score(&li[i]);
			if (cur <= 0) {
				cur = 0;
				cs = i;
			}
			cur += sc;
			if (cur > rbest) {
				rbest = cur;
				rs = cs;
				re = i + 1;
			}
		}
		if (rbest > 0) {
			float w = rbest;
			if (after_list)
				w *= 0.3f;
			float bonus = header_bonus(pg, li, rs);
			/* a dateline or byline in the segment's first lines */
			bool dated_top = false;
			for (size_t k = rs; k < re && k < rs + 3; k++)
				dated_top |= li[k].kind == LK_DATE || li[k].kind == LK_META;
			/* or the headline and its dateline open the segment */
			if (dated_top && li[rs].kind == LK_TEXT && headline_like(pg, &pg->b[rs]))
				bonus = 4.0f;
			w += bonus;
			if (bonus >= 4.0f && !first_set && !after_list) {
				first_set = true;
				first_w = w;
				first_s = rs;
				first_e = re;
			}
			/* the last quarter of a page is footer country */
			float pos = (float)rs / (float)n;
			if (pos > 0.75f)
				w *= 1.0f - 2.0f * (pos - 0.75f);
			/* ... unless it is under a headline and a dateline: a
			 * wire story ends with its agency's copyright */
			bool headed = bonus >= 4.0f || dated_top;
			/* (a blurb is short: a long text over a copyright line is
			 * the story the line is about) */
			if (r1 < n && r1 <= re + 2 && (pg->b[r1].lex & (1u << LEX_FOOTER)) && !headed &&
			    rbest < 20.0f)
				w *= 0.5f;
			if (w > best) {
				best = w;
				bs = rs;
				be = re;
			}
		}
		/* a comment heading after the article starts the comments; one
		 * above any prose is a "Leave a comment" link in the byline */
		if (r1 < n && li[r1].kind == LK_COMMENT && best >= 5.0f)
			after_list = true;
		r0 = r1 + 1;
	}
	/* a page of several posts, each under its title and byline (a blog's
	 * front page, a thread): the first is the page's article, unless a
	 * later one dwarfs it */
	if (first_set && first_s < bs && first_w * 2.0f >= best) {
		bs = first_s;
		be = first_e;
	}
	if (best <= 0) {
		/* no prose at all: nothing is article */
		for (size_t i = 0; i < n; i++)
			set_label(pg, i, li[i].kind == LK_META ? LB_META : LB_BOILER);
		free(li);
		return PITH_OK;
	}
	/* a byline just inside the segment's top (a title line scored as prose
	 * above it) marks where the article really starts */
	for (size_t i = bs, top = bs; i < be && i < top + 6; i++) {
		if (li[i].kind == LK_TEXT && li[i].score >= 3.0f)
			break; /* real text above it: the line is inside the article */
		if ((li[i].kind == LK_META || li[i].kind == LK_LABEL || li[i].dateline) &&
		    !(pg->b[i].flags & BF_NUMBERED))
			bs = i + 1;
	}
	/* 3. grow over neighbouring text lines up to a barrier or a menu-like
	 * run of short lines; and over a short interruption (a share line, an
	 * inline "Related" box) when the article's prose goes on after it */
	bool *skip = calloc(n, sizeof *skip);
	if (!skip) {
		free(li);
		return ctx_error(ctx, PITH_ERR_NOMEM, "out of memory");
	}
	for (;;) {
		while (be < n && li[be].kind == LK_TEXT && !li[be].site_repeat &&
		       !li[be].near_dup && !nav_run(pg, li, be, n))
			be++;
		size_t j = interruption_end(pg, li, be, n);
		if (j == be)
			break;
		for (size_t k = be; k < j; k++)
			skip[k] = true;
		/* running text the related box took as its teaser, right before
		 * the article resumes, is the article's */
		for (size_t k = j; k-- > be && li[k].kind == LK_RELITEM && li[k].prose &&
				   !headline_like(pg, &pg->b[k]);)
			skip[k] = false;
		be = j;
	}
	/* an official notice ends with contacts, attachments, the issuer and
	 * the date it was signed: short lines, then a date, then the end */
	{
		size_t k = be;
		while (k < n && k < be + 8) {
			uint8_t kk = li[k].kind;
			const block *b = &pg->b[k];
			if (kk == LK_DATE) {
				if (k + 1 == n || li[k + 1].kind == LK_BOILER) {
					for (size_t x = be; x <= k; x++)
						skip[x] = false;
					be = k + 1;
				}
				break;
			}
			bool weak_footer = kk == LK_BOILER && b->nchars <= 60 &&
				!(b->lex & ~((1u << LEX_FOOTER) | (1u << LEX_META_OTHER) |
					     (1u << LEX_META_AUTHOR) | (1u << LEX_META_SOURCE)));
			if (!(kk == LK_TEXT && b->nchars <= 60 && li[k].score > -3.0f) && !weak_footer)
				break;
			k++;
		}
	}
	/* the same upwards: prose above a break just before the body start */
	for (;;) {
		/* a gallery's captions, each said twice, widen the break it may
		 * cross (see interruption_end) */
		size_t k = bs, gap = 0, dups = 0;
		bool credit = false;
		while (k > 0 && gap < 8 + 2 * dups && bs - k < 40 &&
		       !(li[k - 1].kind == LK_TEXT && li[k - 1].prose)) {
			uint8_t kk = li[k - 1].kind;
			if (weak_footer(pg, li, k - 1))
				credit = true;
			else if (article_boundary(pg, li, k - 1) || kk == LK_DATE || kk == LK_LABEL)
				break;
			k--;
			/* a related box is crossed whole */
			bool boxed = li[k].kind == LK_RELITEM || li[k].kind == LK_RELHEAD;
			if (li[k].near_dup)
				dups++;
			else if (!boxed)
				gap++;
		}
		if (k == bs || k == 0 || !(li[k - 1].kind == LK_TEXT && li[k - 1].prose))
			break;
		/* the prose run above must weigh, and not be a headline's teaser */
		size_t top = k;
		float mass = 0;
		while (top > 0 && li[top - 1].kind == LK_TEXT && !li[top - 1].near_dup &&
		       !(pg->b[top - 1].flags & (BF_BULLET | BF_NUMBERED))) {
			if (li[top - 1].score > 0)
				mass += li[top - 1].score;
			top--;
		}
		while (top < k && !li[top].prose)
			top++;
		if (mass < (credit ? 8.0f : 6.0f))
			break;
		for (size_t x = k; x < bs; x++)
			skip[x] = li[x].kind != LK_TEXT || !li[x].prose;
		bs = top;
	}
	/* 4. title, before the body */
	int32_t title = find_title(pg, li, bs);
	/* a few text lines between the title (and the metadata after it) and
	 * the body belong to the body: "各相关单位：", a lead paragraph */
	if (title >= 0) {
		size_t i = (size_t)title + 1;
		while (i < bs && (li[i].kind != LK_TEXT || li[i].repeated || li[i].dateline))
			i++;
		bool clean = bs - i <= 3;
		for (size_t j = i; j < bs; j++)
			if (li[j].kind != LK_TEXT || li[j].repeated || li[j].score <= -3.0f ||
			    (pg->b[j].flags & BF_BULLET))
				clean = false;
		if (clean)
			bs = i;
	}

	/* a byline under a standfirst, inside the body's first lines, is
	 * metadata all the same (and the comment counter next to it) */
	for (size_t i = bs; i < be && i < bs + 10; i++) {
		bool by_prev = i > bs && (li[i - 1].kind == LK_META || li[i - 1].dateline);
		bool by_next = i + 1 < be && (li[i + 1].kind == LK_META || li[i + 1].dateline);
		/* (a reporter's question, "记者：…，…？", is the interview) */
		const block *b = &pg->b[i];
		bool asks = b->ncjk * 2 >= b->nchars ? b->nsent + b->nclause > 0 : b->nsent > 0;
		if (((li[i].kind == LK_META && !asks) || li[i].dateline ||
		     (li[i].kind == LK_NUMBER && by_prev) ||
		     (li[i].kind == LK_DATE && (by_prev || by_next))) &&
		    !(pg->b[i].flags & BF_NUMBERED))
			skip[i] = true;
	}
	/* the line scores stay on the blocks: -f blocks shows them */
	for (size_t i = 0; i < n; i++)
		pg->b[i].score = li[i].kind == LK_TEXT ? li[i].score : -10.0f - li[i].kind;
	/* 5. labels */
	for (size_t i = 0; i < n; i++) {
		uint8_t k = li[i].kind;
		enum label l;
		if (i >= bs && i < be && !skip[i] && !li[i].site_repeat && !li[i].near_dup &&
		    !li[i].aside && !placeholder_line(pg, &pg->b[i]))
			l = LB_BODY;
		else if (k == LK_META || k == LK_LABEL)
			l = LB_META;
		else if (k == LK_RELHEAD)
			l = LB_RELATED;
		else if (k == LK_PREVNEXT)
			l = LB_PREVNEXT;
		else
			l = LB_BOILER;
		set_label(pg, i, l);
	}
	/* a repeat of the title at the top of the body is not body */
	if (title >= 0) {
		set_label(pg, (size_t)title, LB_TITLE);
		for (size_t i = 0; i < n; i++)
			if (i != (size_t)title && pg->b[i].hash == pg->b[title].hash &&
			    pg->b[i].len == pg->b[title].len && i < be)
				set_label(pg, i, LB_TITLE);
		pg->title_block = title;
		/* a picture's caption behind its alt text, which is the
		 * headline: "Hibernating astronauts … Once the preserve of" */
		const block *t = &pg->b[title];
		const char *ts = block_text(pg, t);
		for (size_t i = bs; i < be && t->nchars >= 20; i++) {
			const block *b = &pg->b[i];
			const char *s = block_text(pg, b);
			size_t at = 0;
			while (at < b->len && (s[at] == '*' || s[at] == ' ' || s[at] == '+'))
				at++; /* a dumper's bullet */
			if (pg->b[i].label == LB_BODY && b->len > at + t->len &&
			    !memcmp(s + at, ts, t->len))
				set_label(pg, i, LB_BOILER);
		}
	}
	/* values after a label line ("作者:" / "admin") are metadata */
	for (size_t i = 0; i + 1 < n; i++)
		if (li[i].kind == LK_LABEL && pg->b[i + 1].label != LB_TITLE &&
		    pg->b[i + 1].nchars <= 40 && i + 1 < bs)
			set_label(pg, i + 1, LB_META);
	/* 6. the related lists */
	for (size_t i = 0; i < n; i++)
		if (li[i].kind == LK_RELITEM && pg->b[i].label != LB_BODY)
			set_label(pg, i, LB_RELATED);
	free(skip);
	free(li);
	return PITH_OK;
}
