/* The encodings pith decodes, the WHATWG label table, and the prescan of a
 * page's first bytes for a declared charset (HTML Standard, "prescan a
 * byte stream to determine its encoding"). */
#include <stdlib.h>
#include <string.h>

#include "charset_int.h"

/* Decoders. WHATWG's label→encoding rules hold (iso-8859-1 is decoded as
 * windows-1252, gbk as gb18030, euc-kr as cp949…); the encodings after
 * "non-WHATWG" are ones the detector can find in the wild. */
const struct cs_enc cs_encs[] = {
	{"utf-8", NULL, NULL, NULL, CS_UTF8, SC_ANY, NULL},
	{"utf-16le", "UTF-16LE", NULL, NULL, CS_UTF16LE, SC_ANY, NULL},
	{"utf-16be", "UTF-16BE", NULL, NULL, CS_UTF16BE, SC_ANY, NULL},
	{"windows-1252", "WINDOWS-1252", "ISO-8859-1", "windows-1252", CS_SB, SC_LATIN, NULL},
	{"windows-1250", "WINDOWS-1250", "ISO-8859-2", "windows-1250", CS_SB, SC_LATIN, NULL},
	{"windows-1251", "WINDOWS-1251", NULL, NULL, CS_SB, SC_CYR, NULL},
	{"windows-1253", "WINDOWS-1253", NULL, NULL, CS_SB, SC_GREEK, NULL},
	{"windows-1254", "WINDOWS-1254", "ISO-8859-9", "windows-1254", CS_SB, SC_LATIN, NULL},
	{"windows-1255", "WINDOWS-1255", NULL, NULL, CS_SB, SC_HEB, NULL},
	{"windows-1256", "WINDOWS-1256", NULL, NULL, CS_SB, SC_ARAB, NULL},
	{"windows-1257", "WINDOWS-1257", NULL, NULL, CS_SB, SC_LATIN, NULL},
	{"windows-1258", "WINDOWS-1258", NULL, NULL, CS_SB, SC_VIET, NULL},
	/* Thai text that keeps to TIS-620 is reported as such (every decoder
	 * knows that name); windows-874 when it uses the extra bytes */
	{"windows-874", "TIS-620", "WINDOWS-874", "windows-874", CS_SB, SC_THAI, "tis-620"},
	{"iso-8859-2", "ISO-8859-2", NULL, NULL, CS_SB, SC_LATIN, NULL},
	{"iso-8859-3", "ISO-8859-3", NULL, NULL, CS_SB, SC_LATIN, NULL},
	{"iso-8859-4", "ISO-8859-4", NULL, NULL, CS_SB, SC_LATIN, NULL},
	{"iso-8859-5", "ISO-8859-5", NULL, NULL, CS_SB, SC_CYR, NULL},
	{"iso-8859-6", "ISO-8859-6", NULL, NULL, CS_SB, SC_ARAB, NULL},
	{"iso-8859-7", "ISO-8859-7", NULL, NULL, CS_SB, SC_GREEK, NULL},
	{"iso-8859-8", "ISO-8859-8", NULL, NULL, CS_SB, SC_HEB, NULL},
	{"iso-8859-8-i", "ISO-8859-8", NULL, NULL, CS_SB, SC_HEB, NULL},
	{"iso-8859-10", "ISO-8859-10", NULL, NULL, CS_SB, SC_LATIN, NULL},
	{"iso-8859-13", "ISO-8859-13", NULL, NULL, CS_SB, SC_LATIN, NULL},
	{"iso-8859-14", "ISO-8859-14", NULL, NULL, CS_SB, SC_LATIN, NULL},
	{"iso-8859-15", "ISO-8859-15", NULL, NULL, CS_SB, SC_LATIN, NULL},
	{"iso-8859-16", "ISO-8859-16", NULL, NULL, CS_SB, SC_LATIN, NULL},
	{"koi8-r", "KOI8-R", NULL, NULL, CS_SB, SC_CYR, NULL},
	{"koi8-u", "KOI8-U", NULL, NULL, CS_SB, SC_CYR, NULL},
	{"ibm866", "IBM866", NULL, NULL, CS_SB, SC_CYR, NULL},
	{"macintosh", "MACINTOSH", NULL, NULL, CS_SB, SC_LATIN, NULL},
	{"x-mac-cyrillic", "MAC-CYRILLIC", NULL, NULL, CS_SB, SC_CYR, NULL},
	{"gb18030", "GB18030", NULL, NULL, CS_MB, SC_ZHS, NULL},
	{"big5", "BIG5", "BIG5-HKSCS", "big5-hkscs", CS_MB, SC_ZHT, NULL},
	{"euc-jp", "EUC-JP", "EUC-JISX0213", "euc-jisx0213", CS_MB, SC_JA, NULL},
	{"iso-2022-jp", "ISO-2022-JP-2", NULL, NULL, CS_7BIT, SC_JA, NULL},
	{"cp932", "CP932", "SHIFT_JISX0213", "shift_jisx0213", CS_MB, SC_JA, NULL},
	{"cp949", "CP949", NULL, NULL, CS_MB, SC_KO, NULL},
	/* non-WHATWG */
	{"utf-32le", "UTF-32LE", NULL, NULL, CS_UTF32LE, SC_ANY, NULL},
	{"utf-32be", "UTF-32BE", NULL, NULL, CS_UTF32BE, SC_ANY, NULL},
	{"iso-2022-kr", "ISO-2022-KR", NULL, NULL, CS_7BIT, SC_KO, NULL},
	{"iso-2022-cn", "ISO-2022-CN-EXT", NULL, NULL, CS_7BIT, SC_ZHS, NULL},
	{"euc-tw", "EUC-TW", NULL, NULL, CS_MB, SC_ZHT, NULL},
	{"johab", "JOHAB", NULL, NULL, CS_MB, SC_KO, NULL},
	{"ibm855", "IBM855", NULL, NULL, CS_SB, SC_CYR, NULL},
	{"ibm852", "IBM852", NULL, NULL, CS_SB, SC_LATIN, NULL},
	{"ibm437", "IBM437", NULL, NULL, CS_SB, SC_LATIN, NULL},
	{"ibm850", "IBM850", NULL, NULL, CS_SB, SC_LATIN, NULL},
	{"ibm862", "IBM862", NULL, NULL, CS_SB, SC_HEB, NULL},
	{"ibm865", "IBM865", NULL, NULL, CS_SB, SC_LATIN, NULL},
	{"cp737", "CP737", NULL, NULL, CS_SB, SC_GREEK, NULL},
	{"iso-8859-11", "ISO-8859-11", NULL, NULL, CS_SB, SC_THAI, NULL},
	{"iso-8859-9", "ISO-8859-9", NULL, NULL, CS_SB, SC_LATIN, NULL},
	{"iso-8859-1", "ISO-8859-1", NULL, NULL, CS_SB, SC_LATIN, NULL},
	{"mac-centraleurope", "MAC-CENTRALEUROPE", NULL, NULL, CS_SB, SC_LATIN, NULL},
	{"viscii", "VISCII", NULL, NULL, CS_SB, SC_VIET, NULL},
	{"tcvn", "TCVN5712-1", NULL, NULL, CS_SB, SC_VIET, NULL},
	{"georgian-ps", "GEORGIAN-PS", NULL, NULL, CS_SB, SC_GEO, NULL},
	{"georgian-academy", "GEORGIAN-ACADEMY", NULL, NULL, CS_SB, SC_GEO, NULL},
	{"koi8-t", "KOI8-T", NULL, NULL, CS_SB, SC_CYR, NULL},
	{"cp1125", "CP1125", NULL, NULL, CS_SB, SC_CYR, NULL},
	{"pt154", "PT154", NULL, NULL, CS_SB, SC_CYR, NULL},
	{"euc-jisx0213", "EUC-JISX0213", NULL, NULL, CS_MB, SC_JA, NULL},
	{"shift_jisx0213", "SHIFT_JISX0213", NULL, NULL, CS_MB, SC_JA, NULL},
	{"big5-hkscs", "BIG5-HKSCS", NULL, NULL, CS_MB, SC_ZHT, NULL},
	{"hz-gb-2312", "HZ", NULL, NULL, CS_7BIT, SC_ZHS, NULL},
};
const int cs_nencs = (int)(sizeof cs_encs / sizeof cs_encs[0]);

/* Labels, sorted for bsearch: the WHATWG Encoding Standard's table (with
 * the decoders above standing for its encodings), then a few labels
 * iconv and the web use for the non-WHATWG ones. Labels of WHATWG's
 * "replacement" encoding (iso-2022-kr, iso-2022-cn, hz-gb-2312) are
 * decoded for real: pith extracts text, it does not render it. */
struct cs_label {
	const char *label;
	const char *enc;
};

static const struct cs_label labels[] = {
	{"866", "ibm866"},
	{"ansi_x3.4-1968", "windows-1252"},
	{"arabic", "iso-8859-6"},
	{"ascii", "windows-1252"},
	{"asmo-708", "iso-8859-6"},
	{"big5", "big5"},
	{"big5-hkscs", "big5"},
	{"chinese", "gbk"},
	{"cn-big5", "big5"},
	{"cp1125", "cp1125"},
	{"cp1250", "windows-1250"},
	{"cp1251", "windows-1251"},
	{"cp1252", "windows-1252"},
	{"cp1253", "windows-1253"},
	{"cp1254", "windows-1254"},
	{"cp1255", "windows-1255"},
	{"cp1256", "windows-1256"},
	{"cp1257", "windows-1257"},
	{"cp1258", "windows-1258"},
	{"cp437", "ibm437"},
	{"cp737", "cp737"},
	{"cp819", "windows-1252"},
	{"cp850", "ibm850"},
	{"cp852", "ibm852"},
	{"cp855", "ibm855"},
	{"cp862", "ibm862"},
	{"cp865", "ibm865"},
	{"cp866", "ibm866"},
	{"cp874", "windows-874"},
	{"cp932", "cp932"},
	{"cp936", "gbk"},
	{"cp949", "cp949"},
	{"cp950", "big5"},
	{"csbig5", "big5"},
	{"cseuckr", "euc-kr"},
	{"cseucpkdfmtjapanese", "euc-jp"},
	{"csgb2312", "gbk"},
	{"csibm866", "ibm866"},
	{"csiso2022jp", "iso-2022-jp"},
	{"csiso2022kr", "iso-2022-kr"},
	{"csiso58gb231280", "gbk"},
	{"csiso88596e", "iso-8859-6"},
	{"csiso88596i", "iso-8859-6"},
	{"csiso88598e", "iso-8859-8"},
	{"csiso88598i", "iso-8859-8-i"},
	{"csisolatin1", "windows-1252"},
	{"csisolatin2", "iso-8859-2"},
	{"csisolatin3", "iso-8859-3"},
	{"csisolatin4", "iso-8859-4"},
	{"csisolatin5", "windows-1254"},
	{"csisolatin6", "iso-8859-10"},
	{"csisolatin9", "iso-8859-15"},
	{"csisolatinarabic", "iso-8859-6"},
	{"csisolatincyrillic", "iso-8859-5"},
	{"csisolatingreek", "iso-8859-7"},
	{"csisolatinhebrew", "iso-8859-8"},
	{"cskoi8r", "koi8-r"},
	{"csksc56011987", "euc-kr"},
	{"csmacintosh", "macintosh"},
	{"csshiftjis", "shift_jis"},
	{"csunicode", "utf-16le"},
	{"cyrillic", "iso-8859-5"},
	{"dos-874", "windows-874"},
	{"ecma-114", "iso-8859-6"},
	{"ecma-118", "iso-8859-7"},
	{"elot_928", "iso-8859-7"},
	{"euc-jisx0213", "euc-jisx0213"},
	{"euc-jp", "euc-jp"},
	{"euc-kr", "euc-kr"},
	{"euc-tw", "euc-tw"},
	{"gb18030", "gb18030"},
	{"gb2312", "gbk"},
	{"gb_2312", "gbk"},
	{"gb_2312-80", "gbk"},
	{"gbk", "gbk"},
	{"georgian-academy", "georgian-academy"},
	{"georgian-ps", "georgian-ps"},
	{"greek", "iso-8859-7"},
	{"greek8", "iso-8859-7"},
	{"hebrew", "iso-8859-8"},
	{"hz-gb-2312", "hz-gb-2312"},
	{"ibm437", "ibm437"},
	{"ibm819", "windows-1252"},
	{"ibm850", "ibm850"},
	{"ibm852", "ibm852"},
	{"ibm855", "ibm855"},
	{"ibm862", "ibm862"},
	{"ibm865", "ibm865"},
	{"ibm866", "ibm866"},
	{"iso-10646-ucs-2", "utf-16le"},
	{"iso-2022-cn", "iso-2022-cn"},
	{"iso-2022-cn-ext", "iso-2022-cn"},
	{"iso-2022-jp", "iso-2022-jp"},
	{"iso-2022-kr", "iso-2022-kr"},
	{"iso-8859-1", "windows-1252"},
	{"iso-8859-10", "iso-8859-10"},
	{"iso-8859-11", "windows-874"},
	{"iso-8859-13", "iso-8859-13"},
	{"iso-8859-14", "iso-8859-14"},
	{"iso-8859-15", "iso-8859-15"},
	{"iso-8859-16", "iso-8859-16"},
	{"iso-8859-2", "iso-8859-2"},
	{"iso-8859-3", "iso-8859-3"},
	{"iso-8859-4", "iso-8859-4"},
	{"iso-8859-5", "iso-8859-5"},
	{"iso-8859-6", "iso-8859-6"},
	{"iso-8859-6-e", "iso-8859-6"},
	{"iso-8859-6-i", "iso-8859-6"},
	{"iso-8859-7", "iso-8859-7"},
	{"iso-8859-8", "iso-8859-8"},
	{"iso-8859-8-e", "iso-8859-8"},
	{"iso-8859-8-i", "iso-8859-8-i"},
	{"iso-8859-9", "windows-1254"},
	{"iso-ir-100", "windows-1252"},
	{"iso-ir-101", "iso-8859-2"},
	{"iso-ir-109", "iso-8859-3"},
	{"iso-ir-110", "iso-8859-4"},
	{"iso-ir-126", "iso-8859-7"},
	{"iso-ir-127", "iso-8859-6"},
	{"iso-ir-138", "iso-8859-8"},
	{"iso-ir-144", "iso-8859-5"},
	{"iso-ir-148", "windows-1254"},
	{"iso-ir-149", "euc-kr"},
	{"iso-ir-157", "iso-8859-10"},
	{"iso-ir-58", "gbk"},
	{"iso8859-1", "windows-1252"},
	{"iso8859-10", "iso-8859-10"},
	{"iso8859-11", "windows-874"},
	{"iso8859-13", "iso-8859-13"},
	{"iso8859-14", "iso-8859-14"},
	{"iso8859-15", "iso-8859-15"},
	{"iso8859-2", "iso-8859-2"},
	{"iso8859-3", "iso-8859-3"},
	{"iso8859-4", "iso-8859-4"},
	{"iso8859-5", "iso-8859-5"},
	{"iso8859-6", "iso-8859-6"},
	{"iso8859-7", "iso-8859-7"},
	{"iso8859-8", "iso-8859-8"},
	{"iso8859-9", "windows-1254"},
	{"iso88591", "windows-1252"},
	{"iso885910", "iso-8859-10"},
	{"iso885911", "windows-874"},
	{"iso885913", "iso-8859-13"},
	{"iso885914", "iso-8859-14"},
	{"iso885915", "iso-8859-15"},
	{"iso88592", "iso-8859-2"},
	{"iso88593", "iso-8859-3"},
	{"iso88594", "iso-8859-4"},
	{"iso88595", "iso-8859-5"},
	{"iso88596", "iso-8859-6"},
	{"iso88597", "iso-8859-7"},
	{"iso88598", "iso-8859-8"},
	{"iso88599", "windows-1254"},
	{"iso_8859-1", "windows-1252"},
	{"iso_8859-15", "iso-8859-15"},
	{"iso_8859-1:1987", "windows-1252"},
	{"iso_8859-2", "iso-8859-2"},
	{"iso_8859-2:1987", "iso-8859-2"},
	{"iso_8859-3", "iso-8859-3"},
	{"iso_8859-3:1988", "iso-8859-3"},
	{"iso_8859-4", "iso-8859-4"},
	{"iso_8859-4:1988", "iso-8859-4"},
	{"iso_8859-5", "iso-8859-5"},
	{"iso_8859-5:1988", "iso-8859-5"},
	{"iso_8859-6", "iso-8859-6"},
	{"iso_8859-6:1987", "iso-8859-6"},
	{"iso_8859-7", "iso-8859-7"},
	{"iso_8859-7:1987", "iso-8859-7"},
	{"iso_8859-8", "iso-8859-8"},
	{"iso_8859-8:1988", "iso-8859-8"},
	{"iso_8859-9", "windows-1254"},
	{"iso_8859-9:1989", "windows-1254"},
	{"johab", "johab"},
	{"koi", "koi8-r"},
	{"koi8", "koi8-r"},
	{"koi8-r", "koi8-r"},
	{"koi8-ru", "koi8-u"},
	{"koi8-t", "koi8-t"},
	{"koi8-u", "koi8-u"},
	{"koi8_r", "koi8-r"},
	{"korean", "euc-kr"},
	{"ks_c_5601-1987", "euc-kr"},
	{"ks_c_5601-1989", "euc-kr"},
	{"ksc5601", "euc-kr"},
	{"ksc_5601", "euc-kr"},
	{"l1", "windows-1252"},
	{"l2", "iso-8859-2"},
	{"l3", "iso-8859-3"},
	{"l4", "iso-8859-4"},
	{"l5", "windows-1254"},
	{"l6", "iso-8859-10"},
	{"l9", "iso-8859-15"},
	{"latin1", "windows-1252"},
	{"latin2", "iso-8859-2"},
	{"latin3", "iso-8859-3"},
	{"latin4", "iso-8859-4"},
	{"latin5", "windows-1254"},
	{"latin6", "iso-8859-10"},
	{"logical", "iso-8859-8-i"},
	{"mac", "macintosh"},
	{"mac-centraleurope", "mac-centraleurope"},
	{"mac-cyrillic", "x-mac-cyrillic"},
	{"maccyrillic", "x-mac-cyrillic"},
	{"macintosh", "macintosh"},
	{"ms932", "shift_jis"},
	{"ms936", "gbk"},
	{"ms949", "cp949"},
	{"ms_kanji", "shift_jis"},
	{"pt154", "pt154"},
	{"shift-jis", "shift_jis"},
	{"shift_jis", "shift_jis"},
	{"shift_jisx0213", "shift_jisx0213"},
	{"sjis", "shift_jis"},
	{"sun_eu_greek", "iso-8859-7"},
	{"tcvn", "tcvn"},
	{"tis-620", "windows-874"},
	{"ucs-2", "utf-16le"},
	{"uhc", "cp949"},
	{"unicode", "utf-16le"},
	{"unicode-1-1-utf-8", "utf-8"},
	{"unicode11utf8", "utf-8"},
	{"unicode20utf8", "utf-8"},
	{"unicodefeff", "utf-16le"},
	{"unicodefffe", "utf-16be"},
	{"us-ascii", "windows-1252"},
	{"utf-16", "utf-16le"},
	{"utf-16be", "utf-16be"},
	{"utf-16le", "utf-16le"},
	{"utf-32", "utf-32le"},
	{"utf-32be", "utf-32be"},
	{"utf-32le", "utf-32le"},
	{"utf-8", "utf-8"},
	{"utf8", "utf-8"},
	{"viscii", "viscii"},
	{"visual", "iso-8859-8"},
	{"windows-1250", "windows-1250"},
	{"windows-1251", "windows-1251"},
	{"windows-1252", "windows-1252"},
	{"windows-1253", "windows-1253"},
	{"windows-1254", "windows-1254"},
	{"windows-1255", "windows-1255"},
	{"windows-1256", "windows-1256"},
	{"windows-1257", "windows-1257"},
	{"windows-1258", "windows-1258"},
	{"windows-31j", "shift_jis"},
	{"windows-874", "windows-874"},
	{"windows-936", "gbk"},
	{"windows-949", "euc-kr"},
	{"x-cp1250", "windows-1250"},
	{"x-cp1251", "windows-1251"},
	{"x-cp1252", "windows-1252"},
	{"x-cp1253", "windows-1253"},
	{"x-cp1254", "windows-1254"},
	{"x-cp1255", "windows-1255"},
	{"x-cp1256", "windows-1256"},
	{"x-cp1257", "windows-1257"},
	{"x-cp1258", "windows-1258"},
	{"x-euc-jp", "euc-jp"},
	{"x-euc-tw", "euc-tw"},
	{"x-gbk", "gbk"},
	{"x-mac-cyrillic", "x-mac-cyrillic"},
	{"x-mac-roman", "macintosh"},
	{"x-mac-ukrainian", "x-mac-cyrillic"},
	{"x-sjis", "shift_jis"},
	{"x-unicode20utf8", "utf-8"},
	{"x-x-big5", "big5"},
};

/* WHATWG encodings whose decoder here has another name. */
static const struct cs_label decoder_of[] = {
	{"euc-kr", "cp949"},
	{"gbk", "gb18030"},
	{"shift_jis", "cp932"},
};

int cs_enc_index(const char *name)
{
	for (size_t i = 0; i < sizeof decoder_of / sizeof decoder_of[0]; i++)
		if (strcmp(decoder_of[i].label, name) == 0)
			name = decoder_of[i].enc;
	for (int i = 0; i < cs_nencs; i++)
		if (strcmp(cs_encs[i].name, name) == 0)
			return i;
	return -1;
}

static int label_cmp(const void *k, const void *e)
{
	return strcmp(k, ((const struct cs_label *)e)->label);
}

static int is_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

const char *cs_label_name(const char *label, size_t len)
{
	char key[32];
	size_t n = 0;
	while (len && is_ws((unsigned char)*label)) {
		label++;
		len--;
	}
	while (len && is_ws((unsigned char)label[len - 1]))
		len--;
	if (len == 0 || len >= sizeof key)
		return NULL;
	for (; n < len; n++) {
		int c = (unsigned char)label[n];
		key[n] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	key[n] = 0;
	const struct cs_label *l = bsearch(key, labels, sizeof labels / sizeof labels[0],
					   sizeof labels[0], label_cmp);
	return l ? l->enc : NULL;
}

int cs_label_index(const char *label, size_t len)
{
	const char *name = cs_label_name(label, len);
	return name ? cs_enc_index(name) : -1;
}

/* ---- Content-Type and meta content attributes ------------------------- */

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* "algorithm for extracting a character encoding from a meta element":
 * finds charset=, then a quoted or bare value. */
static const char *charset_param(const char *s, size_t len)
{
	size_t i = 0;
	for (;;) {
		for (; i + 7 <= len; i++) {
			if (lower(s[i]) == 'c' && lower(s[i + 1]) == 'h' &&
			    lower(s[i + 2]) == 'a' && lower(s[i + 3]) == 'r' &&
			    lower(s[i + 4]) == 's' && lower(s[i + 5]) == 'e' &&
			    lower(s[i + 6]) == 't')
				break;
		}
		if (i + 7 > len)
			return NULL;
		i += 7;
		while (i < len && is_ws((unsigned char)s[i]))
			i++;
		if (i < len && s[i] == '=')
			break;
		/* "charset" not followed by "=": look for the next one */
	}
	i++;
	while (i < len && is_ws((unsigned char)s[i]))
		i++;
	if (i >= len)
		return NULL;
	if (s[i] == '"' || s[i] == '\'') {
		char q = s[i++];
		size_t b = i;
		while (i < len && s[i] != q)
			i++;
		if (i >= len)
			return NULL; /* unmatched quote: the spec says nothing */
		return cs_label_name(s + b, i - b);
	}
	size_t b = i;
	while (i < len && !is_ws((unsigned char)s[i]) && s[i] != ';')
		i++;
	return cs_label_name(s + b, i - b);
}

const char *cs_content_type(const char *ct)
{
	return ct ? charset_param(ct, strlen(ct)) : NULL;
}

/* ---- Prescan ----------------------------------------------------------- */

/* One attribute as the prescan's "get an attribute" reads it. */
struct attr {
	char name[16];
	const char *val;
	size_t vlen;
};

/* Reads an attribute at *pos; returns 0 at the tag's end ('>' or the end
 * of input). Names longer than fit are truncated, which is harmless: they
 * can only be compared against short ones. */
static int get_attr(const char *s, size_t len, size_t *pos, struct attr *a)
{
	size_t i = *pos, n = 0;
	while (i < len && (is_ws((unsigned char)s[i]) || s[i] == '/'))
		i++;
	if (i >= len || s[i] == '>')
		goto end;
	a->val = s + i;
	a->vlen = 0;
	/* the name: up to '=', white space, '/' or '>' (a first '=' is part of it) */
	for (int first = 1; i < len; i++, first = 0) {
		char c = s[i];
		if (c == '=' && !first)
			break;
		if (is_ws((unsigned char)c) || c == '/' || c == '>')
			break;
		if (n + 1 < sizeof a->name)
			a->name[n++] = (char)lower((unsigned char)c);
	}
	a->name[n] = 0;
	while (i < len && is_ws((unsigned char)s[i]))
		i++;
	if (i >= len || s[i] != '=') {
		a->val = s + i;
		a->vlen = 0;
		*pos = i;
		return 1;
	}
	i++;
	while (i < len && is_ws((unsigned char)s[i]))
		i++;
	if (i < len && (s[i] == '"' || s[i] == '\'')) {
		char q = s[i++];
		a->val = s + i;
		while (i < len && s[i] != q)
			i++;
		a->vlen = (size_t)(s + i - a->val);
		if (i < len)
			i++;
	} else {
		a->val = s + i;
		while (i < len && !is_ws((unsigned char)s[i]) && s[i] != '>')
			i++;
		a->vlen = (size_t)(s + i - a->val);
	}
	*pos = i;
	return 1;
end:
	*pos = i;
	return 0;
}

static int ieq(const char *a, size_t n, const char *lit)
{
	size_t m = strlen(lit);
	if (n != m)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (lower((unsigned char)a[i]) != lit[i])
			return 0;
	return 1;
}

/* A <meta> tag whose attributes start at *pos: the encoding it declares,
 * or -1 (HTML Standard prescan, steps for "<meta"). */
static const char *meta_tag(const char *s, size_t len, size_t *pos)
{
	struct attr a;
	int got_pragma = 0, need_pragma = -1, seen = 0;
	const char *enc = NULL;
	while (get_attr(s, len, pos, &a)) {
		/* a repeated attribute is ignored; bits for the three we read */
		if (strcmp(a.name, "http-equiv") == 0 && !(seen & 1)) {
			seen |= 1;
			if (ieq(a.val, a.vlen, "content-type"))
				got_pragma = 1;
		} else if (strcmp(a.name, "content") == 0 && !(seen & 2)) {
			seen |= 2;
			if (!enc) {
				const char *e = charset_param(a.val, a.vlen);
				if (e) {
					enc = e;
					need_pragma = 1;
				}
			}
		} else if (strcmp(a.name, "charset") == 0 && !(seen & 4)) {
			seen |= 4;
			enc = cs_label_name(a.val, a.vlen);
			need_pragma = 0;
		}
	}
	if (need_pragma < 0 || !enc || (need_pragma == 1 && !got_pragma))
		return NULL;
	/* a page can't be UTF-16 if it was read as ASCII to find this */
	if (strncmp(enc, "utf-16", 6) == 0 || strncmp(enc, "utf-32", 6) == 0)
		enc = "utf-8";
	return enc;
}

/* <?xml version="1.0" encoding="..."?> at the very start. */
static const char *xml_decl(const char *s, size_t len)
{
	if (len < 6 || memcmp(s, "<?xml", 5) != 0 || !is_ws((unsigned char)s[5]))
		return NULL;
	size_t end = 5;
	while (end < len && end < 512 && s[end] != '>')
		end++;
	for (size_t i = 5; i + 8 < end; i++) {
		if (memcmp(s + i, "encoding", 8) != 0)
			continue;
		size_t j = i + 8;
		while (j < end && is_ws((unsigned char)s[j]))
			j++;
		if (j >= end || s[j] != '=')
			continue;
		j++;
		while (j < end && is_ws((unsigned char)s[j]))
			j++;
		if (j >= end || (s[j] != '"' && s[j] != '\''))
			return NULL;
		char q = s[j++];
		size_t b = j;
		while (j < end && s[j] != q)
			j++;
		return j < end ? cs_label_name(s + b, j - b) : NULL;
	}
	return NULL;
}

static int is_alpha(int c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

/* How far the prescan looks: the spec's 1024 bytes are often too few for
 * real pages with long <head> scripts or comments; 4 KB finds those and
 * still stops before body text could fake a declaration. */
#define PRESCAN_MAX 4096

const char *cs_prescan(const char *s, size_t len)
{
	const char *e = xml_decl(s, len);
	if (e)
		return e;
	if (len > PRESCAN_MAX)
		len = PRESCAN_MAX;
	size_t i = 0;
	while (i < len) {
		if (s[i] != '<') {
			i++;
			continue;
		}
		if (i + 4 <= len && memcmp(s + i, "<!--", 4) == 0) {
			/* a comment: skip to "-->" (the two dashes may be those of "<!--") */
			size_t j = i + 2;
			while (j + 3 <= len && memcmp(s + j, "-->", 3) != 0)
				j++;
			i = j + 3;
			continue;
		}
		if (i + 6 <= len && ieq(s + i + 1, 4, "meta") &&
		    (is_ws((unsigned char)s[i + 5]) || s[i + 5] == '/')) {
			size_t pos = i + 6;
			e = meta_tag(s, len, &pos);
			if (e)
				return e;
			i = pos;
			continue;
		}
		if (i + 2 < len && (is_alpha((unsigned char)s[i + 1]) ||
				    (s[i + 1] == '/' && is_alpha((unsigned char)s[i + 2])))) {
			/* another tag: skip its attributes, which may hold '>' in quotes */
			size_t pos = i + 1;
			while (pos < len && !is_ws((unsigned char)s[pos]) && s[pos] != '>')
				pos++;
			/* past the spec's 1024 bytes, a declaration in the body
			 * would more likely be quoted text than the page's own */
			if (i >= 1024 && (ieq(s + i + 1, pos - i - 1, "/head") ||
					  ieq(s + i + 1, pos - i - 1, "body")))
				return NULL;
			struct attr a;
			while (get_attr(s, len, &pos, &a))
				;
			i = pos + 1;
			continue;
		}
		if (i + 1 < len && (s[i + 1] == '!' || s[i + 1] == '/' || s[i + 1] == '?')) {
			/* <!DOCTYPE…>, </…>, <?…>: to the next '>' */
			const char *gt = memchr(s + i, '>', len - i);
			if (!gt)
				break;
			i = (size_t)(gt - s) + 1;
			continue;
		}
		i++;
	}
	return NULL;
}
