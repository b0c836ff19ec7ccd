#include "textutil.h"

#include <string.h>

#include "page.h"
#include "utf8.h"

static bool filler(uint32_t c)
{
	return uc_is_space(c) || uc_is_punct(c) || uc_is_invisible(c);
}

bool text_is_filler(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		size_t adv;
		if (!filler(u8_next(s + i, len - i, &adv)))
			return false;
		i += adv;
	}
	return true;
}

bool text_is_date(const char *s, size_t len, long long now, pdate *d)
{
	size_t ds, de;
	return date_find(s, len, now, d, &ds, &de) && text_is_filler(s, ds) &&
	       text_is_filler(s + de, len - de);
}

bool text_is_dateline(const char *s, size_t len, long long now, unsigned flags, pdate *d)
{
	size_t ds, de;
	if (text_is_date(s, len, now, d))
		return d->prec >= DATE_DAY;
	return len <= 320 && date_find_ex(s, len, now, flags, d, &ds, &de) &&
	       d->prec >= DATE_DAY && u8_count(s, ds) + u8_count(s + de, len - de) <= 40;
}

/* The range of s without leading and trailing characters that `skip`
 * says are padding. */
static void trim_by(const char *s, size_t len, bool (*skip)(uint32_t), size_t *b, size_t *e)
{
	size_t i = 0, j = len;
	while (i < j) {
		size_t adv;
		uint32_t c = u8_next(s + i, j - i, &adv);
		if (!skip(c))
			break;
		i += adv;
	}
	while (j > i) {
		size_t k = j - 1;
		while (k > i && ((unsigned char)s[k] & 0xC0) == 0x80)
			k--;
		size_t adv;
		uint32_t c = u8_next(s + k, j - k, &adv);
		if (!skip(c))
			break;
		j = k;
	}
	*b = i;
	*e = j;
}

static bool blank_char(uint32_t c) { return uc_is_space(c) || uc_is_invisible(c); }

void text_trim(const char *s, size_t len, size_t *b, size_t *e)
{
	trim_by(s, len, blank_char, b, e);
}

void text_core(const char *s, size_t len, size_t *b, size_t *e)
{
	trim_by(s, len, filler, b, e);
}

uint32_t text_first_char(const char *s, size_t len)
{
	size_t b, e, adv;
	text_trim(s, len, &b, &e);
	return b < e ? u8_next(s + b, e - b, &adv) : 0;
}

uint32_t text_last_char(const char *s, size_t len)
{
	size_t b, e, adv;
	text_trim(s, len, &b, &e);
	if (b >= e)
		return 0;
	size_t k = e - 1;
	while (k > b && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	return u8_next(s + k, e - k, &adv);
}

bool text_is_title_label(const char *s, size_t len)
{
	static const char *const labels[] = {"标题", "標題", "题目", "主题", "主題", "Title", "title"};
	size_t b, e;
	text_trim(s, len, &b, &e);
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
		size_t n = strlen(labels[i]);
		if (e - b >= n && !memcmp(s + b, labels[i], n) && text_is_filler(s + b + n, e - b - n))
			return true;
	}
	return false;
}

void text_add_collapsed(pbuf *out, const char *s, size_t len)
{
	size_t b, e;
	text_trim(s, len, &b, &e);
	bool space = false;
	size_t i = b;
	while (i < e) {
		size_t adv;
		uint32_t c = u8_next(s + i, e - i, &adv);
		if (uc_is_space(c)) {
			space = true;
		} else if (!uc_is_invisible(c)) {
			if (space)
				pbuf_addc(out, ' ');
			space = false;
			pbuf_add(out, s + i, adv);
		}
		i += adv;
	}
}

size_t text_width(const char *s, size_t len)
{
	size_t w = 0, i = 0;
	while (i < len) {
		size_t adv;
		uint32_t c = u8_next(s + i, len - i, &adv);
		w += (uc_is_cjk(c) || (c >= 0xFF01 && c <= 0xFF60) || (c >= 0x3000 && c <= 0x303F)) ? 2 : 1;
		i += adv;
	}
	return w;
}

uint64_t text_hash(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ull;
	size_t i = 0;
	while (i < len) {
		size_t adv;
		uint32_t c = u8_next(s + i, len - i, &adv);
		i += adv;
		if (!uc_is_alnum(c) || uc_is_digit(c))
			continue;
		c = uc_lower(c);
		h = (h ^ c) * 0x100000001b3ull;
	}
	return h;
}
