#include "utf8.h"

uint32_t u8_next(const char *s, size_t len, size_t *adv)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned c = u[0];
	*adv = 1;
	if (c < 0x80)
		return c;
	size_t n;
	uint32_t cp, min;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2; cp = c & 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3; cp = c & 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4; cp = c & 0x07; min = 0x10000;
	} else {
		return U8_REPLACEMENT;
	}
	if (len < n)
		return U8_REPLACEMENT;
	for (size_t i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return U8_REPLACEMENT;
		cp = (cp << 6) | (u[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return U8_REPLACEMENT;
	*adv = n;
	return cp;
}

size_t u8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = U8_REPLACEMENT;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t u8_valid_prefix(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		/* ASCII fast path, 8 bytes at a time */
		while (i + 8 <= len) {
			uint64_t w;
			__builtin_memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ull)
				break;
			i += 8;
		}
		if (i >= len)
			break;
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t adv;
		if (u8_next(s + i, len - i, &adv) == U8_REPLACEMENT && adv == 1)
			return i;
		i += adv;
	}
	return len;
}

size_t u8_count(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

bool uc_is_han(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	       (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
}

bool uc_is_cjk(uint32_t c)
{
	return uc_is_han(c) || (c >= 0x3040 && c <= 0x30FF) ||
	       (c >= 0xAC00 && c <= 0xD7AF);
}

bool uc_is_space(uint32_t c)
{
	switch (c) {
	case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
	case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
	case 0x202F: case 0x205F: case 0x3000:
		return true;
	}
	return c >= 0x2000 && c <= 0x200A;
}

bool uc_is_invisible(uint32_t c)
{
	switch (c) {
	case 0xAD: case 0x034F: case 0x061C: case 0x115F: case 0x1160:
	case 0x17B4: case 0x17B5: case 0x180E: case 0x200B: case 0x200C:
	case 0x200D: case 0x200E: case 0x200F: case 0x2060: case 0x2061:
	case 0x2062: case 0x2063: case 0x2064: case 0xFEFF: case 0x3164:
	case 0xFFA0: case 0xE5E5: /* GB A3A0, used as indentation */
		return true;
	}
	return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x206F) ||
	       (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c < 0xA0);
}

bool uc_is_digit(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

bool uc_is_alnum(uint32_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
	if (uc_is_cjk(c) || uc_is_digit(c))
		return true;
	if (c >= 0xFF21 && c <= 0xFF5A)
		return (c <= 0xFF3A) || (c >= 0xFF41);
	/* Latin-1 letters, Latin extended, Greek, Cyrillic, Armenian, Hebrew,
	 * Arabic, Indic, Thai…: treat letters of the alphabetic blocks as alnum. */
	if (c == 0xD7 || c == 0xF7)
		return false;
	if (c >= 0xC0 && c <= 0x24F)
		return true;
	if (c >= 0x370 && c <= 0x1FFF)
		return !(c >= 0x2000) && c != 0x37E && c != 0x387 && c != 0x589 &&
		       c != 0x5BE && c != 0x5C0 && c != 0x5C3 && c != 0x60C &&
		       c != 0x61B && c != 0x61F && c != 0x6D4 && c != 0x964 && c != 0x965;
	return false;
}

bool uc_is_sentence_end(uint32_t c)
{
	switch (c) {
	case '.': case '!': case '?': case 0x3002: case 0xFF01: case 0xFF1F:
	case 0xFF0E: case 0x2026: case 0xFF61: case 0x061F: case 0x06D4:
	case 0x0964: case 0x037E:
		return true;
	}
	return false;
}

bool uc_is_clause_punct(uint32_t c)
{
	switch (c) {
	case ',': case ';': case ':': case 0xFF0C: case 0x3001: case 0xFF1B:
	case 0xFF1A: case 0x060C: case 0x061B:
		return true;
	}
	return false;
}

bool uc_is_punct(uint32_t c)
{
	if (c < 0x80)
		return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
		       (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
	return (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) ||
	       (c >= 0x3001 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3011) ||
	       (c >= 0x3014 && c <= 0x301F) || (c >= 0xFF01 && c <= 0xFF0F) ||
	       (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
	       (c >= 0xFF5B && c <= 0xFF65) || c == 0xA1 || c == 0xA7 || c == 0xAB ||
	       c == 0xB6 || c == 0xB7 || c == 0xBB || c == 0xBF || c == 0x30FB ||
	       uc_is_sentence_end(c) || uc_is_clause_punct(c);
}

uint32_t uc_fold_width(uint32_t c)
{
	if (c >= 0xFF01 && c <= 0xFF5E)
		return c - 0xFEE0;
	if (c == 0x3000)
		return ' ';
	return c;
}

uint32_t uc_lower(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'A' && c <= 'Z') ? c + 32 : c;
	if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3AB && c != 0x3A2))
		return c + 32;
	if (c >= 0x410 && c <= 0x42F)
		return c + 32;
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;
	if (c >= 0xFF21 && c <= 0xFF3A)
		return c + 32;
	if (c >= 0x100 && c <= 0x17F && !(c & 1) && c != 0x130 && c != 0x138)
		return c + 1;
	return c;
}
