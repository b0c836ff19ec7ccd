/* Mojibake repair: text whose bytes were decoded with the wrong charset
 * and saved as UTF-8 ("dÃ©pend", "Èíòåðíåò", "µÄPico"). The damage is
 * undone by encoding the text back with the charset that misread it and
 * decoding the bytes with the right one, and only where the result is
 * clearly better text: a clean text must come out unchanged. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "charset_int.h"
#include "utf8.h"

/* Encoders for the single-byte charsets that misread text most often:
 * code point → byte, for code points below REV_MAX (0 = not encodable). */
#define REV_MAX 0x2200u
enum { REV_1252, REV_1251, REV_N };

struct cs_rev {
	unsigned char map[REV_N][REV_MAX];
};

static const char *const rev_charset[REV_N] = {"windows-1252", "windows-1251"};

static void rev_build(struct cs_rev *r, int which, const char *iconv_name)
{
	iconv_t cd = iconv_open("UTF-8", iconv_name);
	if (cd == (iconv_t)-1)
		return;
	for (unsigned b = 0x80; b <= 0xFF; b++) {
		char in = (char)b, out[8], *ip = &in, *op = out;
		size_t il = 1, ol = sizeof out, adv;
		iconv(cd, NULL, NULL, NULL, NULL);
		if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1)
			continue;
		uint32_t cp = u8_next(out, (size_t)(op - out), &adv);
		if (cp < REV_MAX)
			r->map[which][cp] = (unsigned char)b;
	}
	iconv_close(cd);
	/* Decoders that leave unmapped bytes as C1 controls (Latin-1, or
	 * "sloppy" windows-125x) are undone the same way. */
	for (unsigned b = 0x80; b < 0xA0; b++)
		if (!r->map[which][b])
			r->map[which][b] = (unsigned char)b;
}

static struct cs_rev *rev_get(struct charset_ctx *cc)
{
	if (!cc->rev) {
		cc->rev = calloc(1, sizeof *cc->rev);
		if (!cc->rev)
			return NULL;
		rev_build(cc->rev, REV_1252, "WINDOWS-1252");
		rev_build(cc->rev, REV_1251, "WINDOWS-1251");
	}
	return cc->rev;
}

/* Characters a repaired sequence may give: letters and punctuation of
 * real scripts, not the IPA, combining marks or controls that decoding
 * clean text as UTF-8 by chance tends to produce. */
static int plausible_cp(uint32_t c)
{
	return (c >= 0xA0 && c <= 0x24F) || (c >= 0x370 && c <= 0x3FF) ||
	       (c >= 0x400 && c <= 0x52F) || (c >= 0x5B0 && c <= 0x5F4) ||
	       (c >= 0x600 && c <= 0x6FF) || (c >= 0xE01 && c <= 0xE5B) ||
	       (c >= 0x10A0 && c <= 0x10FF) || (c >= 0x1E00 && c <= 0x1EFF) ||
	       (c >= 0x2010 && c <= 0x205E) || (c >= 0x20A0 && c <= 0x20BF) ||
	       (c >= 0x2100 && c <= 0x22FF) || (c >= 0x2460 && c <= 0x27BF) ||
	       (c >= 0x3000 && c <= 0x30FF) || (c >= 0x3130 && c <= 0x318F) ||
	       (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3) ||
	       (c >= 0xFE30 && c <= 0xFE6F) || (c >= 0xFF01 && c <= 0xFFEF) ||
	       (c >= 0x1F300 && c <= 0x1FAFF) ||
	       /* what sloppy windows-1252 made of its unmapped bytes: only
		* ever the middle stage of twice-damaged text */
	       (c >= 0x80 && c <= 0x9F);
}

/* ---- Run by run: UTF-8 read as windows-1252 or Latin-1 ---------------- */

/* Each run of characters that windows-1252 encodes as bytes >= 0x80 is
 * encoded back; every valid multi-byte UTF-8 sequence found in the bytes
 * replaces the characters it came from, the rest stays. This handles
 * texts where only some lines were damaged. Returns the count of repaired
 * sequences. */
static size_t repair_runs(const unsigned char *map, const char *s, size_t len, pbuf *out)
{
	size_t fixed = 0, i = 0, adv;
	unsigned char run[64];
	size_t runpos[65];
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			/* copy the ASCII stretch at once */
			size_t j = i + 1;
			while (j < len && (unsigned char)s[j] < 0x80)
				j++;
			pbuf_add(out, s + i, j - i);
			i = j;
			continue;
		}
		/* collect a run of encodable characters (bounded: mojibake of
		 * one character is at most 4 of them) */
		size_t n = 0, j = i;
		while (j < len && n < 64) {
			uint32_t cp = u8_next(s + j, len - j, &adv);
			if (cp < 0x80 || cp >= REV_MAX || !map[cp])
				break;
			run[n] = map[cp];
			runpos[n++] = j;
			j += adv;
		}
		if (n < 2) {
			u8_next(s + i, len - i, &adv);
			pbuf_add(out, s + i, adv);
			i += adv;
			continue;
		}
		runpos[n] = j;
		size_t k = 0;
		while (k < n) {
			size_t m = cs_valid_prefix((const char *)run + k, n - k);
			size_t sl;
			uint32_t cp = m ? u8_next((const char *)run + k, m, &sl) : 0;
			if (m && sl > 1 && plausible_cp(cp)) {
				pbuf_add(out, run + k, sl);
				k += sl;
				fixed++;
			} else {
				pbuf_add(out, s + runpos[k], runpos[k + 1] - runpos[k]);
				k++;
			}
		}
		i = j;
	}
	return fixed;
}

/* ---- The whole text: any charset read as windows-1252 or -1251 -------- */

/* Per non-ASCII character, a plausibility margin a new reading must win
 * by: repair is for texts that are clearly damaged. */
#define WHOLE_MARGIN 0.5
/* Scores read at most this much; a text scoring GOOD_TEXT per non-ASCII
 * character reads as real text already. */
#define SCORE_MAX (32 * 1024)
#define GOOD_TEXT 1.0

/* Encodes s[0..len) with map, appending to b; 0 when a character has no
 * byte. Counts the non-ASCII characters and those that follow another. */
static int encode_sb(const unsigned char *map, const char *s, size_t len, pbuf *b,
		     size_t *nonascii, size_t *adjacent)
{
	size_t i = 0, adv;
	int prev_high = 0;
	if (pbuf_reserve(b, len))
		return 0;
	while (i < len) {
		size_t j = i;
		while (j < len && (unsigned char)s[j] < 0x80)
			j++;
		if (j > i) {
			memcpy(b->p + b->len, s + i, j - i);
			b->len += j - i;
			prev_high = 0;
			i = j;
			continue;
		}
		uint32_t cp = u8_next(s + i, len - i, &adv);
		if (cp >= REV_MAX || !map[cp])
			return 0;
		b->p[b->len++] = (char)map[cp];
		++*nonascii;
		*adjacent += (size_t)prev_high;
		prev_high = 1;
		i += adv;
	}
	b->p[b->len] = 0;
	return 1;
}

/* Non-ASCII letters in s (Latin, Greek, Cyrillic: what single-byte
 * misreadings produce). */
static size_t letters(const char *s, size_t len)
{
	size_t n = 0, adv;
	for (size_t i = 0; i < len; i += adv) {
		if ((unsigned char)s[i] < 0x80) {
			adv = 1;
			continue;
		}
		uint32_t c = u8_next(s + i, len - i, &adv);
		n += (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
		     (c >= 0x386 && c <= 0x3FF) || (c >= 0x400 && c <= 0x4FF);
	}
	return n;
}

static int repair_whole(struct charset_ctx *cc, int which, const char *s, size_t len,
			pbuf *out, char *what, size_t whatlen)
{
	const unsigned char *map = cc->rev->map[which];
	size_t adv, nonascii = 0, adjacent = 0;
	pbuf *b = &cc->bytes;
	pbuf_reset(b);
	/* the checks read a prefix; the rest is encoded only if they pass */
	size_t slen = len < SCORE_MAX ? len : SCORE_MAX;
	while (slen < len && ((unsigned char)s[slen] & 0xC0) == 0x80)
		slen--;
	/* every character must encode, or it was not this misreading */
	if (!encode_sb(map, s, slen, b, &nonascii, &adjacent) || !nonascii)
		return 0;
	int from = cs_enc_index(rev_charset[which]);
	/* Clean text passes cheaply: misread multi-byte or non-Latin text
	 * puts non-ASCII characters side by side, and reads badly. */
	if (adjacent * 2 < nonascii)
		return 0;
	/* and a misreading makes letters: text whose non-ASCII characters
	 * are punctuation (’ “ ” —) is no case for repair */
	if (letters(s, slen) * 4 < nonascii)
		return 0;
	double was = cs_score(cc->model, s, slen, cs_encs[from].script);
	if (was >= GOOD_TEXT * (double)nonascii)
		return 0;
	size_t n2 = 0, a2 = 0;
	if (!encode_sb(map, s + slen, len - slen, b, &n2, &a2) || b->oom)
		return 0;
	int e = cs_detect_bytes(cc, b->p, b->len);
	if (e < 0 || e == from || cs_encs[e].kind == CS_UTF16LE || cs_encs[e].kind == CS_UTF16BE ||
	    cs_encs[e].kind == CS_UTF32LE || cs_encs[e].kind == CS_UTF32BE)
		return 0;
	size_t start = out->len;
	int alt = 0;
	if (cs_convert(cc, e, b->p, b->len, out, &alt) != 0 || out->oom)
		goto no;
	const char *t = out->p + start;
	size_t tlen = out->len - start;
	if (tlen == len && memcmp(t, s, len) == 0)
		goto no;
	if (cs_encs[e].kind == CS_UTF8) {
		/* valid UTF-8 from a misread text is evidence enough, if what it
		 * spells is real text */
		for (size_t j = 0; j < tlen; j += adv) {
			uint32_t cp = u8_next(t + j, tlen - j, &adv);
			if (cp >= 0x80 && !plausible_cp(cp))
				goto no;
		}
	} else {
		/* the same stretch of text in the new reading */
		size_t tl = tlen < SCORE_MAX ? tlen : SCORE_MAX;
		double now = cs_score(cc->model, t, tl, cs_encs[e].script);
		if (now * (double)slen / (double)tl < was + WHOLE_MARGIN * (double)nonascii)
			goto no;
	}
	snprintf(what, whatlen, "%s read as %s", cs_encs[e].name, rev_charset[which]);
	return 1;
no:
	out->len = start;
	if (out->p)
		out->p[start] = 0;
	return 0;
}

/* ---- Entry ------------------------------------------------------------- */

/* Whether s has a character that windows-1252 maps to a UTF-8 lead byte
 * (Â…ô) followed by one it maps to a continuation byte: the signature of
 * UTF-8 read as windows-1252 or Latin-1, found with a byte search. */
static int has_utf8_as_1252(const unsigned char *map, const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	while ((p = memchr(p, 0xC3, (size_t)(end - p))) != NULL) {
		if (p + 2 < end && (unsigned char)p[1] >= 0x82 && (unsigned char)p[1] <= 0xB4) {
			size_t adv;
			uint32_t cp = u8_next(p + 2, (size_t)(end - p - 2), &adv);
			if (cp >= 0x80 && cp < REV_MAX && map[cp] >= 0x80 && map[cp] < 0xC0)
				return 1;
		}
		p++;
	}
	return 0;
}

int cs_repair(struct charset_ctx *cc, const char *s, size_t len, const char **out,
	      size_t *outlen, char *what, size_t whatlen)
{
	size_t k = 0;
	while (k < len && (unsigned char)s[k] < 0x80)
		k++;
	if (k == len || !rev_get(cc))
		return 0;
	const char *cur = s;
	size_t curlen = len;
	int passes = 0, f = 0;
	char first[64] = "";
	/* twice-damaged text needs two passes; a third would be suspicious */
	for (; passes < 3; passes++) {
		pbuf *o = &cc->fix[f];
		pbuf_reset(o);
		char desc[64] = "";
		int done = 0;
		for (int w = 0; w < REV_N && !done; w++)
			done = repair_whole(cc, w, cur, curlen, o, desc, sizeof desc);
		if (!done && has_utf8_as_1252(cc->rev->map[REV_1252], cur, curlen)) {
			if (repair_runs(cc->rev->map[REV_1252], cur, curlen, o) > 0) {
				done = 1;
				snprintf(desc, sizeof desc, "utf-8 read as windows-1252");
			}
		}
		if (!done || o->oom)
			break;
		if (!passes)
			memcpy(first, desc, sizeof first);
		cur = o->p;
		curlen = o->len;
		f ^= 1;
	}
	if (!passes)
		return 0;
	*out = cur;
	*outlen = curlen;
	if (passes > 1)
		snprintf(what, whatlen, "%.50s, %d times", first, passes);
	else
		snprintf(what, whatlen, "%s", first);
	return 1;
}
