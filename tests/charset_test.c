/* Unit tests of the decode stage's charset logic: the WHATWG label
 * table, the <meta> prescan, declarations checked against the bytes,
 * BOMs, invalid bytes, detection and mojibake repair. */
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "unit.h"
#include "utf8.h"

/* Sample texts: a few news sentences in each charset (made with iconv). */
static const char GBK_TEXT[] =
	"\xd0\xc2\xbb\xaa\xc9\xe7\xb1\xb1\xbe\xa9\xb5\xe7 \xb9\xfa\xce\xf1"
	"\xd4\xba\xd7\xdc\xc0\xed\xbd\xf1\xcc\xec\xd6\xf7\xb3\xd6\xd5\xd9\xbf"
	"\xaa\xb9\xfa\xce\xf1\xd4\xba\xb3\xa3\xce\xf1\xbb\xe1\xd2\xe9\xa3\xac"
	"\xb2\xbf\xca\xf0\xbd\xf8\xd2\xbb\xb2\xbd\xc0\xa9\xb4\xf3\xb9\xfa\xc4"
	"\xda\xd0\xe8\xc7\xf3\xb5\xc4\xd5\xfe\xb2\xdf\xb4\xeb\xca\xa9\xa1\xa3"
	"\xbb\xe1\xd2\xe9\xd6\xb8\xb3\xf6\xa3\xac\xb5\xb1\xc7\xb0\xbe\xad\xbc"
	"\xc3\xd4\xcb\xd0\xd0\xd7\xdc\xcc\xe5\xc6\xbd\xce\xc8\xa3\xac\xb5\xab"
	"\xc8\xd4\xc3\xe6\xc1\xd9\xb2\xbb\xc9\xd9\xc0\xa7\xc4\xd1\xba\xcd\xcc"
	"\xf4\xd5\xbd\xa1\xa3\xbb\xe1\xd2\xe9\xd2\xaa\xc7\xf3\xb8\xf7\xb5\xd8"
	"\xc7\xf8\xb8\xf7\xb2\xbf\xc3\xc5\xbc\xd3\xc7\xbf\xd0\xad\xb5\xf7\xc5"
	"\xe4\xba\xcf\xa3\xac\xc8\xb7\xb1\xa3\xb8\xf7\xcf\xee\xb4\xeb\xca\xa9"
	"\xc2\xe4\xb5\xbd\xca\xb5\xb4\xa6\xa1\xa3";
static const char BIG5_TEXT[] =
	"\xa4\xa4\xa5\xa1\xaa\xc0\xa5x\xa5_\xb9q \xa6\xe6\xac" "F\xb0|\xa4"
	"\xb5\xa4\xd1\xa5l\xb6}\xb0|\xb7|\xa1" "A\xb3q\xb9L\xa6h\xb6\xb5\xaak"
	"\xae\xd7\xa1" "A\xa5]\xac" "A\xb4\xa3\xb0\xaa\xb0\xf2\xa5\xbb\xa4u"
	"\xb8\xea\xbbP\xa5[\xb1j\xaa\xc0\xb7|\xa6\xed\xa6v\xab\xd8\xb3]\xaa"
	"\xba\xadp\xb5" "e\xa1" "C\xb0|\xaa\xf8\xaa\xed\xa5\xdc\xa1" "A\xac"
	"F\xa9\xb2\xb1N\xab\xf9\xc4\xf2\xb1\xc0\xb0\xca\xb8g\xc0\xd9\xb5o\xae"
	"i\xa1" "A\xa8\xc3\xb7\xd3\xc5U\xaez\xb6\xd5\xb1\xda\xb8s\xaa\xba\xa5"
	"\xcd\xac\xa1\xa1" "C";
static const char CP1251_TEXT[] =
	"\xcf\xf0\xe0\xe2\xe8\xf2\xe5\xeb\xfc\xf1\xf2\xe2\xee \xd0\xee\xf1"
	"\xf1\xe8\xe8 \xf1\xe5\xe3\xee\xe4\xed\xff \xee\xe1\xfa\xff\xe2\xe8"
	"\xeb\xee \xee \xed\xee\xe2\xfb\xf5 \xec\xe5\xf0\xe0\xf5 \xef\xee\xe4"
	"\xe4\xe5\xf0\xe6\xea\xe8 \xec\xe0\xeb\xee\xe3\xee \xe1\xe8\xe7\xed"
	"\xe5\xf1\xe0.";
static const char KOI8_TEXT[] =
	"\xf0\xd2\xc1\xd7\xc9\xd4\xc5\xcc\xd8\xd3\xd4\xd7\xcf \xf2\xcf\xd3"
	"\xd3\xc9\xc9 \xd3\xc5\xc7\xcf\xc4\xce\xd1 \xcf\xc2\xdf\xd1\xd7\xc9"
	"\xcc\xcf \xcf \xce\xcf\xd7\xd9\xc8 \xcd\xc5\xd2\xc1\xc8 \xd0\xcf\xc4"
	"\xc4\xc5\xd2\xd6\xcb\xc9 \xcd\xc1\xcc\xcf\xc7\xcf \xc2\xc9\xda\xce"
	"\xc5\xd3\xc1.";
static const char ZHS_UTF8[] =
	"\xe6\x96\xb0\xe5\x8d\x8e\xe7\xa4\xbe\xe5\x8c\x97\xe4\xba\xac\xe7\x94"
	"\xb5 \xe5\x9b\xbd\xe5\x8a\xa1\xe9\x99\xa2\xe6\x80\xbb\xe7\x90\x86"
	"\xe4\xbb\x8a\xe5\xa4\xa9\xe4\xb8\xbb\xe6\x8c\x81\xe5\x8f\xac\xe5\xbc"
	"\x80\xe5\x9b\xbd\xe5\x8a\xa1\xe9\x99\xa2\xe5\xb8\xb8\xe5\x8a\xa1\xe4"
	"\xbc\x9a\xe8\xae\xae\xef\xbc\x8c\xe9\x83\xa8\xe7\xbd\xb2\xe8\xbf\x9b"
	"\xe4\xb8\x80\xe6\xad\xa5\xe6\x89\xa9\xe5\xa4\xa7\xe5\x9b\xbd\xe5\x86"
	"\x85\xe9\x9c\x80\xe6\xb1\x82\xe7\x9a\x84\xe6\x94\xbf\xe7\xad\x96\xe6"
	"\x8e\xaa\xe6\x96\xbd\xe3\x80\x82\xe4\xbc\x9a\xe8\xae\xae\xe6\x8c\x87"
	"\xe5\x87\xba\xef\xbc\x8c\xe5\xbd\x93\xe5\x89\x8d\xe7\xbb\x8f\xe6\xb5"
	"\x8e\xe8\xbf\x90\xe8\xa1\x8c\xe6\x80\xbb\xe4\xbd\x93\xe5\xb9\xb3\xe7"
	"\xa8\xb3\xef\xbc\x8c\xe4\xbd\x86\xe4\xbb\x8d\xe9\x9d\xa2\xe4\xb8\xb4"
	"\xe4\xb8\x8d\xe5\xb0\x91\xe5\x9b\xb0\xe9\x9a\xbe\xe5\x92\x8c\xe6\x8c"
	"\x91\xe6\x88\x98\xe3\x80\x82\xe4\xbc\x9a\xe8\xae\xae\xe8\xa6\x81\xe6"
	"\xb1\x82\xe5\x90\x84\xe5\x9c\xb0\xe5\x8c\xba\xe5\x90\x84\xe9\x83\xa8"
	"\xe9\x97\xa8\xe5\x8a\xa0\xe5\xbc\xba\xe5\x8d\x8f\xe8\xb0\x83\xe9\x85"
	"\x8d\xe5\x90\x88\xef\xbc\x8c\xe7\xa1\xae\xe4\xbf\x9d\xe5\x90\x84\xe9"
	"\xa1\xb9\xe6\x8e\xaa\xe6\x96\xbd\xe8\x90\xbd\xe5\x88\xb0\xe5\xae\x9e"
	"\xe5\xa4\x84\xe3\x80\x82";
static const char ZHT_UTF8[] =
	"\xe4\xb8\xad\xe5\xa4\xae\xe7\xa4\xbe\xe5\x8f\xb0\xe5\x8c\x97\xe9\x9b"
	"\xbb \xe8\xa1\x8c\xe6\x94\xbf\xe9\x99\xa2\xe4\xbb\x8a\xe5\xa4\xa9"
	"\xe5\x8f\xac\xe9\x96\x8b\xe9\x99\xa2\xe6\x9c\x83\xef\xbc\x8c\xe9\x80"
	"\x9a\xe9\x81\x8e\xe5\xa4\x9a\xe9\xa0\x85\xe6\xb3\x95\xe6\xa1\x88\xef"
	"\xbc\x8c\xe5\x8c\x85\xe6\x8b\xac\xe6\x8f\x90\xe9\xab\x98\xe5\x9f\xba"
	"\xe6\x9c\xac\xe5\xb7\xa5\xe8\xb3\x87\xe8\x88\x87\xe5\x8a\xa0\xe5\xbc"
	"\xb7\xe7\xa4\xbe\xe6\x9c\x83\xe4\xbd\x8f\xe5\xae\x85\xe5\xbb\xba\xe8"
	"\xa8\xad\xe7\x9a\x84\xe8\xa8\x88\xe7\x95\xab\xe3\x80\x82\xe9\x99\xa2"
	"\xe9\x95\xb7\xe8\xa1\xa8\xe7\xa4\xba\xef\xbc\x8c\xe6\x94\xbf\xe5\xba"
	"\x9c\xe5\xb0\x87\xe6\x8c\x81\xe7\xba\x8c\xe6\x8e\xa8\xe5\x8b\x95\xe7"
	"\xb6\x93\xe6\xbf\x9f\xe7\x99\xbc\xe5\xb1\x95\xef\xbc\x8c\xe4\xb8\xa6"
	"\xe7\x85\xa7\xe9\xa1\xa7\xe5\xbc\xb1\xe5\x8b\xa2\xe6\x97\x8f\xe7\xbe"
	"\xa4\xe7\x9a\x84\xe7\x94\x9f\xe6\xb4\xbb\xe3\x80\x82";
static const char RU_UTF8[] =
	"\xd0\x9f\xd1\x80\xd0\xb0\xd0\xb2\xd0\xb8\xd1\x82\xd0\xb5\xd0\xbb\xd1"
	"\x8c\xd1\x81\xd1\x82\xd0\xb2\xd0\xbe \xd0\xa0\xd0\xbe\xd1\x81\xd1"
	"\x81\xd0\xb8\xd0\xb8 \xd1\x81\xd0\xb5\xd0\xb3\xd0\xbe\xd0\xb4\xd0"
	"\xbd\xd1\x8f \xd0\xbe\xd0\xb1\xd1\x8a\xd1\x8f\xd0\xb2\xd0\xb8\xd0"
	"\xbb\xd0\xbe \xd0\xbe \xd0\xbd\xd0\xbe\xd0\xb2\xd1\x8b\xd1\x85 \xd0"
	"\xbc\xd0\xb5\xd1\x80\xd0\xb0\xd1\x85 \xd0\xbf\xd0\xbe\xd0\xb4\xd0"
	"\xb4\xd0\xb5\xd1\x80\xd0\xb6\xd0\xba\xd0\xb8 \xd0\xbc\xd0\xb0\xd0"
	"\xbb\xd0\xbe\xd0\xb3\xd0\xbe \xd0\xb1\xd0\xb8\xd0\xb7\xd0\xbd\xd0"
	"\xb5\xd1\x81\xd0\xb0.";

static charset_ctx *cc;

/* Decodes s (NUL-terminated) and returns the UTF-8 text; info filled. */
static const char *dec(const char *s, size_t len, const char *ct, charset_info *info)
{
	static pbuf out = PBUF_INIT;
	pbuf_reset(&out);
	if (charset_decode(cc, s, len, ct, 0, &out, info) != PITH_OK)
		return NULL;
	CHECK(u8_valid(out.p ? out.p : "", out.len));
	return pbuf_cstr(&out);
}

#define DEC(s, ct, info) dec((s), sizeof(s) - 1, (ct), (info))

static void test_labels(void)
{
	static const char *const cases[][2] = {
		{"utf-8", "utf-8"}, {"UTF8", "utf-8"}, {"unicode-1-1-utf-8", "utf-8"},
		{"  latin1\t", "windows-1252"}, {"ISO-8859-1", "windows-1252"},
		{"us-ascii", "windows-1252"}, {"ascii", "windows-1252"},
		{"iso_8859-1:1987", "windows-1252"}, {"cp819", "windows-1252"},
		{"GB2312", "gbk"}, {"x-gbk", "gbk"}, {"chinese", "gbk"}, {"gb18030", "gb18030"},
		{"big5-hkscs", "big5"}, {"x-x-big5", "big5"},
		{"x-sjis", "shift_jis"}, {"Shift_JIS", "shift_jis"}, {"ms932", "shift_jis"},
		{"windows-31j", "shift_jis"}, {"euc-kr", "euc-kr"}, {"ks_c_5601-1987", "euc-kr"},
		{"korean", "euc-kr"}, {"iso-8859-9", "windows-1254"}, {"latin5", "windows-1254"},
		{"tis-620", "windows-874"}, {"iso-8859-11", "windows-874"},
		{"utf-16", "utf-16le"}, {"unicodefffe", "utf-16be"},
		{"x-mac-ukrainian", "x-mac-cyrillic"}, {"koi", "koi8-r"}, {"koi8-ru", "koi8-u"},
		{"logical", "iso-8859-8-i"}, {"visual", "iso-8859-8"}, {"cp1251", "windows-1251"},
		{"csisolatin2", "iso-8859-2"}, {"l9", "iso-8859-15"}, {"dos-874", "windows-874"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		CHECK_STR(charset_from_label(cases[i][0], strlen(cases[i][0])), cases[i][1]);
	CHECK_STR(charset_from_label("bogus", 5), NULL);
	CHECK_STR(charset_from_label("", 0), NULL);
	CHECK_STR(charset_from_label("utf-8x", 6), NULL);
	/* the length bounds the label */
	CHECK_STR(charset_from_label("gbk; x", 3), "gbk");
}

static void test_prescan(void)
{
	charset_info info;
	DEC("<html><head><meta charset=\"gb2312\"></head></html>", NULL, &info);
	CHECK_STR(info.declared, "gbk");
	CHECK_STR(info.declared_by, "meta");
	DEC("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Big5\">", NULL, &info);
	CHECK_STR(info.declared, "big5");
	/* content before http-equiv, odd spacing and quotes */
	DEC("<META CONTENT='text/html;charset = \"koi8-r\"' HTTP-EQUIV=content-type>", NULL, &info);
	CHECK_STR(info.declared, "koi8-r");
	DEC("<meta charset=shift_jis>", NULL, &info);
	CHECK_STR(info.declared, "shift_jis");
	/* a content charset without the http-equiv pragma does not count */
	DEC("<meta name=x content=\"text/html; charset=gbk\">", NULL, &info);
	CHECK_STR(info.declared, "");
	/* an http-equiv without content does not count, and the next does */
	DEC("<meta http-equiv=content-type><meta charset=euc-kr>", NULL, &info);
	CHECK_STR(info.declared, "euc-kr");
	/* comments are skipped, "<!-->" closes at once */
	DEC("<!-- <meta charset=gbk> --><meta charset=big5>", NULL, &info);
	CHECK_STR(info.declared, "big5");
	DEC("<!--><meta charset=windows-1251>", NULL, &info);
	CHECK_STR(info.declared, "windows-1251");
	/* '>' inside a quoted attribute of another tag */
	DEC("<div title=\"a>b <meta charset=gbk>\"><meta charset=koi8-r>", NULL, &info);
	CHECK_STR(info.declared, "koi8-r");
	/* UTF-16 in a meta means UTF-8 */
	DEC("<meta charset=\"utf-16\">", NULL, &info);
	CHECK_STR(info.declared, "utf-8");
	/* unknown labels are no declaration */
	DEC("<meta charset=\"no-such\">", NULL, &info);
	CHECK_STR(info.declared, "");
	/* the XML declaration */
	DEC("<?xml version=\"1.0\" encoding='windows-1251'?><rss/>", NULL, &info);
	CHECK_STR(info.declared, "windows-1251");
	/* the header wins over the meta */
	DEC("<meta charset=gbk>", "text/html; charset=\"ISO-8859-2\"", &info);
	CHECK_STR(info.declared, "iso-8859-2");
	CHECK_STR(info.declared_by, "header");
	DEC("<meta charset=gbk>", "text/html", &info);
	CHECK_STR(info.declared_by, "meta");

	/* a meta after 1024 bytes (a long script) is still found within the
	 * head; one in the body after that is not */
	char page[3000];
	memset(page, ' ', sizeof page);
	memcpy(page, "<head><script>", 14);
	memcpy(page + 1500, "</script><meta charset=big5></head>", 35);
	dec(page, sizeof page, NULL, &info);
	CHECK_STR(info.declared, "big5");
	memcpy(page + 1500, "</head><body><meta charset=big5>", 32);
	dec(page, sizeof page, NULL, &info);
	CHECK_STR(info.declared, "");
}

static void test_boms(void)
{
	charset_info info;
	CHECK_STR(DEC("\xEF\xBB\xBFna\xC3\xAFve", NULL, &info), "na\xC3\xAFve");
	CHECK_STR(info.used, "utf-8");
	CHECK_STR(info.declared_by, "bom");
	/* the BOM beats a declaration */
	CHECK_STR(DEC("\xFF\xFEh\0i\0", "text/html; charset=gbk", &info), "hi");
	CHECK_STR(info.used, "utf-16le");
	CHECK_STR(DEC("\xFE\xFF\0h\0i\x4E\x2D", NULL, &info), "hi\xE4\xB8\xAD");
	CHECK_STR(info.used, "utf-16be");
	CHECK_STR(DEC("\xFF\xFE\0\0h\0\0\0", NULL, &info), "h");
	CHECK_STR(info.used, "utf-32le");
	/* UTF-16 without a BOM, from where the NULs fall */
	CHECK_STR(DEC("h\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0", NULL, &info), "hello world");
	CHECK_STR(info.used, "utf-16le");
	/* and CJK UTF-16, whose bytes are rarely NUL */
	pbuf u16 = PBUF_INIT;
	for (int i = 0; i < 10; i++)
		pbuf_add(&u16, "\x2d\x4e\xfd\x56\xb0\x65\xfb\x95\x0c\xff\xfd\x56\xa1\x52"
			       "\x62\x96\x1a\x4f\xae\x8b\x02\x30\x0a\x00", 24);
	const char *t = dec(u16.p, u16.len, NULL, &info);
	CHECK_STR(info.used, "utf-16le");
	CHECK(t && strncmp(t, "\xE4\xB8\xAD\xE5\x9B\xBD", 6) == 0);
	pbuf_free(&u16);
}

static void test_invalid(void)
{
	charset_info info;
	/* each undecodable byte becomes one U+FFFD, counted */
	CHECK_STR(DEC("caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9" "e \xFF ok \xC3", NULL, &info),
		  "caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9" "e \xEF\xBF\xBD ok \xEF\xBF\xBD");
	CHECK_STR(info.used, "utf-8");
	CHECK(info.invalid_bytes == 2);
	/* a sequence cut at the end */
	CHECK_STR(DEC("<meta charset=utf-8>\xE4\xB8\xAD\xE6\x96", NULL, &info),
		  "<meta charset=utf-8>\xE4\xB8\xAD\xEF\xBF\xBD\xEF\xBF\xBD");
	CHECK(info.invalid_bytes == 2);
	/* a GBK lead byte at the end */
	const char *t = DEC("<meta charset=gbk>\xD6\xD0\xB9\xFA\xD6", NULL, &info);
	CHECK_STR(t, "<meta charset=gbk>\xE4\xB8\xAD\xE5\x9B\xBD\xEF\xBF\xBD");
	CHECK_STR(info.used, "gb18030");
	CHECK(info.invalid_bytes == 1);
	/* NUL bytes are kept, output stays valid */
	charset_info i2;
	pbuf out = PBUF_INIT;
	CHECK(charset_decode(cc, "a\0b", 3, NULL, 0, &out, &i2) == PITH_OK);
	CHECK(out.len == 3 && out.p[1] == 0);
	pbuf_free(&out);
	/* empty input */
	CHECK_STR(DEC("", NULL, &info), "");
	CHECK(info.invalid_bytes == 0);
}

static void test_declared_checked(void)
{
	charset_info info;
	pbuf page = PBUF_INIT;
	/* declared Latin-1, really UTF-8 */
	CHECK_STR(DEC("<meta charset=iso-8859-1>d\xC3\xA9j\xC3\xA0 vu", NULL, &info),
		  "<meta charset=iso-8859-1>d\xC3\xA9j\xC3\xA0 vu");
	CHECK_STR(info.declared, "windows-1252");
	CHECK_STR(info.used, "utf-8");
	/* declared UTF-8, really GBK */
	pbuf_adds(&page, "<meta charset=\"utf-8\"><p>");
	pbuf_adds(&page, GBK_TEXT);
	dec(page.p, page.len, NULL, &info);
	CHECK_STR(info.declared, "utf-8");
	CHECK_STR(info.used, "gb18030");
	CHECK(info.invalid_bytes == 0);
	/* declared GB2312, really Big5: both decode without error */
	pbuf_reset(&page);
	pbuf_adds(&page, "<meta charset=\"gb2312\"><p>");
	pbuf_adds(&page, BIG5_TEXT);
	const char *t = dec(page.p, page.len, NULL, &info);
	CHECK_STR(info.declared, "gbk");
	CHECK_STR(info.used, "big5");
	CHECK(t && strstr(t, ZHT_UTF8) != NULL);
	/* declared windows-1251, really KOI8-R */
	pbuf_reset(&page);
	pbuf_adds(&page, "<meta charset=windows-1251><p>");
	pbuf_adds(&page, KOI8_TEXT);
	t = dec(page.p, page.len, NULL, &info);
	CHECK_STR(info.used, "koi8-r");
	CHECK(t && strstr(t, RU_UTF8) != NULL);
	/* declared Latin-1, really windows-1251 */
	pbuf_reset(&page);
	pbuf_adds(&page, "<meta charset=latin1><p>");
	pbuf_adds(&page, CP1251_TEXT);
	dec(page.p, page.len, NULL, &info);
	CHECK_STR(info.used, "windows-1251");
	/* right declarations stand */
	pbuf_reset(&page);
	pbuf_adds(&page, "<meta charset=gbk><p>");
	pbuf_adds(&page, GBK_TEXT);
	t = dec(page.p, page.len, NULL, &info);
	CHECK_STR(info.used, "gb18030");
	CHECK(t && strstr(t, ZHS_UTF8) != NULL);
	pbuf_reset(&page);
	pbuf_adds(&page, "<meta charset=big5><p>");
	pbuf_adds(&page, BIG5_TEXT);
	dec(page.p, page.len, NULL, &info);
	CHECK_STR(info.used, "big5");
	/* a French page declared Latin-1 stays windows-1252 */
	DEC("<meta charset=iso-8859-1>Le minist\xE8re a annonc\xE9 une r\xE9"
	    "forme, \x93" "d\xE8s l'\xE9t\xE9\x94.", NULL, &info);
	CHECK_STR(info.used, "windows-1252");
	/* a long ASCII script before the text, declared UTF-8, really GBK */
	pbuf_reset(&page);
	pbuf_adds(&page, "<meta charset=utf-8><script>");
	for (int i = 0; i < 8000; i++)
		pbuf_adds(&page, "var x = 1;\n");
	pbuf_adds(&page, "</script><p>");
	pbuf_adds(&page, GBK_TEXT);
	t = dec(page.p, page.len, NULL, &info);
	CHECK_STR(info.used, "gb18030");
	CHECK(info.invalid_bytes == 0);
	CHECK(t && strstr(t, ZHS_UTF8) != NULL);
	/* ASCII declared anything stays as declared */
	DEC("<meta charset=koi8-r>plain", NULL, &info);
	CHECK_STR(info.used, "koi8-r");
	pbuf_free(&page);
}

static void test_detect(void)
{
	charset_info info;
	const char *t = DEC(GBK_TEXT, NULL, &info);
	CHECK_STR(info.used, "gb18030");
	CHECK_STR(t, ZHS_UTF8);
	CHECK_STR(charset_detect(cc, GBK_TEXT, sizeof GBK_TEXT - 1, NULL), "gb18030");
	t = DEC(BIG5_TEXT, NULL, &info);
	CHECK_STR(t, ZHT_UTF8);
	CHECK_STR(charset_detect(cc, BIG5_TEXT, sizeof BIG5_TEXT - 1, NULL), "big5");
	CHECK_STR(DEC(CP1251_TEXT, NULL, &info), RU_UTF8);
	CHECK_STR(DEC(KOI8_TEXT, NULL, &info), RU_UTF8);
	CHECK_STR(info.used, "koi8-r");
	CHECK_STR(charset_detect(cc, "plain ascii", 11, NULL), "utf-8");
	CHECK_STR(charset_detect(cc, ZHS_UTF8, sizeof ZHS_UTF8 - 1, NULL), "utf-8");
	/* detect gives what decode uses */
	CHECK_STR(charset_detect(cc, KOI8_TEXT, sizeof KOI8_TEXT - 1, NULL), info.used);
}

static void test_repair(void)
{
	pbuf out = PBUF_INIT;
	char what[64];
	static const char dam[] = "Le minist\xC3\x83\xC2\xA8re a annonc\xC3\x83\xC2\xA9 "
				  "une r\xC3\x83\xC2\xA9" "forme d\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2"
				  "ampleur.";
	CHECK(charset_repair(cc, dam, sizeof dam - 1, &out, what, sizeof what) == 1);
	CHECK_STR(pbuf_cstr(&out), "Le minist\xC3\xA8re a annonc\xC3\xA9 une r\xC3\xA9"
		  "forme d\xE2\x80\x99" "ampleur.");
	CHECK_STR(what, "utf-8 read as windows-1252");
	/* twice damaged */
	pbuf_reset(&out);
	static const char twice[] = "caf\xC3\x83\xC6\x92\xC3\x82\xC2\xA9 cr\xC3\x83\xC6\x92"
				    "\xC3\x82\xC2\xA8me br\xC3\x83\xC6\x92\xC3\x82\xC2\xBBl\xC3\x83"
				    "\xC6\x92\xC3\x82\xC2\xA9" "e";
	CHECK(charset_repair(cc, twice, sizeof twice - 1, &out, what, sizeof what) == 1);
	CHECK_STR(pbuf_cstr(&out), "caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9" "e");
	/* GBK read as windows-1252 */
	pbuf_reset(&out);
	pbuf gb = PBUF_INIT;
	for (const unsigned char *p = (const unsigned char *)GBK_TEXT; *p; p++) {
		/* windows-1252 of these bytes: Latin-1 but for 0x80-0x9F */
		if (*p >= 0x80 && *p < 0xA0)
			continue;
		pbuf_addcp(&gb, *p);
	}
	/* (GBK_TEXT has no 0x80-0x9F bytes, so gb holds all of it) */
	CHECK(gb.len > sizeof GBK_TEXT);
	CHECK(charset_repair(cc, gb.p, gb.len, &out, what, sizeof what) == 1);
	CHECK_STR(pbuf_cstr(&out), ZHS_UTF8);
	CHECK_STR(what, "gb18030 read as windows-1252");
	pbuf_free(&gb);
	/* mixed: one damaged run in clean text */
	pbuf_reset(&out);
	static const char mixed[] = "\xE4\xB8\xAD\xE6\x96\x87 d\xC3\x83\xC2\xA9j\xC3\x83\xC2\xA0 "
				    "\xE2\x80\x9Cvu\xE2\x80\x9D";
	CHECK(charset_repair(cc, mixed, sizeof mixed - 1, &out, what, sizeof what) == 1);
	CHECK_STR(pbuf_cstr(&out), "\xE4\xB8\xAD\xE6\x96\x87 d\xC3\xA9j\xC3\xA0 "
		  "\xE2\x80\x9Cvu\xE2\x80\x9D");
	/* clean texts are left alone */
	static const char *const clean[] = {
		"Le minist\xC3\xA8re a annonc\xC3\xA9 une r\xC3\xA9" "forme.",
		"\xC2\xABL'\xC3\x89T\xC3\x89\xC2\xBB, na\xC3\xAFve, \xC3\x86sop, 5\xC2\xB0" "C, \xC2\xA3" "5",
		"Gr\xC3\xBC\xC3\x9F" "e aus M\xC3\xBCnchen \xE2\x80\x93 \xE2\x82\xAC 10",
		ZHS_UTF8, ZHT_UTF8, RU_UTF8, "plain ascii",
		/* punctuation that windows-1251 also encodes */
		"He said \xE2\x80\x9Cyes\xE2\x80\x9D \xE2\x80\x94 it\xE2\x80\x99s done, "
		"\xE2\x80\x98they\xE2\x80\x99re\xE2\x80\x99 \xE2\x80\x94 \xC2\xA9 2024\xE2\x80\xA6",
		"\xCE\x9A\xCE\xB1\xCE\xBB\xCE\xB7\xCE\xBC\xCE\xAD\xCF\x81\xCE\xB1",
	};
	for (size_t i = 0; i < sizeof clean / sizeof clean[0]; i++) {
		pbuf_reset(&out);
		CHECK(charset_repair(cc, clean[i], strlen(clean[i]), &out, what, sizeof what) == 0);
		CHECK(out.len == 0);
	}
	/* decode repairs unless told not to */
	charset_info info;
	CHECK_STR(DEC("d\xC3\x83\xC2\xA9j\xC3\x83\xC2\xA0 vu", NULL, &info), "d\xC3\xA9j\xC3\xA0 vu");
	CHECK_STR(info.repaired, "utf-8 read as windows-1252");
	pbuf_reset(&out);
	CHECK(charset_decode(cc, "d\xC3\x83\xC2\xA9j\xC3\x83\xC2\xA0", 11, NULL, 1, &out, &info) ==
	      PITH_OK);
	CHECK_STR(pbuf_cstr(&out), "d\xC3\x83\xC2\xA9j\xC3\x83\xC2\xA0");
	CHECK_STR(info.repaired, "");
	pbuf_free(&out);
}

/* Whatever the bytes and the declaration, the output is valid UTF-8. */
static void test_garbage(void)
{
	static const char *const cts[] = {NULL, "text/html; charset=gbk", "charset=utf-16",
					  "charset=shift_jis", "charset=iso-2022-jp",
					  "charset=utf-32", "charset=big5"};
	unsigned x = 12345;
	char buf[700];
	int ok = 1;
	for (int round = 0; round < 200; round++) {
		size_t n = (size_t)(round * 7 % 700);
		for (size_t i = 0; i < n; i++) {
			x = x * 1103515245u + 12345u;
			buf[i] = (char)(x >> 16);
		}
		pbuf out = PBUF_INIT;
		charset_info info;
		if (charset_decode(cc, buf, n, cts[round % 7], 0, &out, &info) != PITH_OK ||
		    !u8_valid(out.p ? out.p : "", out.len))
			ok = 0;
		pbuf_free(&out);
	}
	CHECK(ok);
}

int main(void)
{
	cc = charset_ctx_new();
	CHECK(cc != NULL);
	if (!cc)
		UNIT_DONE("charset");
	test_labels();
	test_prescan();
	test_boms();
	test_invalid();
	test_declared_checked();
	test_detect();
	test_repair();
	test_garbage();
	charset_ctx_free(cc);
	charset_ctx_free(NULL);
	UNIT_DONE("charset");
}
