/* Unit tests of lib/date.c: every form, language, rejection and the
 * byte ranges date_find reports. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "unit.h"

#define NOW 1749211200LL /* 2025-06-06T12:00:00Z, a Friday */

static char out[256];

static const char *fmt(const pdate *d)
{
	date_format(d, out, sizeof out);
	return out;
}

/* The date date_find sees in s, formatted; "-" for none. */
static const char *findn(const char *s, long long now)
{
	pdate d;
	size_t st, en;
	if (!date_find(s, strlen(s), now, &d, &st, &en))
		return "-";
	return fmt(&d);
}

static const char *find(const char *s) { return findn(s, 0); }

/* The bytes date_find matched. */
static const char *span(const char *s)
{
	pdate d;
	size_t st, en;
	if (!date_find(s, strlen(s), NOW, &d, &st, &en))
		return "-";
	memcpy(out, s + st, en - st);
	out[en - st] = 0;
	return out;
}

static const char *parsen(const char *s, long long now)
{
	pdate d;
	if (!date_parse(s, strlen(s), now, &d))
		return "-";
	return fmt(&d);
}

static const char *parse(const char *s) { return parsen(s, 0); }

static const char *url(const char *u)
{
	pdate d;
	if (!date_from_url(u, &d))
		return "-";
	return fmt(&d);
}

static void test_iso(void)
{
	CHECK_STR(find("2025-06-06"), "2025-06-06");
	CHECK_STR(find("2025-06-06T10:20"), "2025-06-06T10:20");
	CHECK_STR(find("2025-06-06T10:20:30Z"), "2025-06-06T10:20:30+00:00");
	CHECK_STR(find("2025-06-06T10:20:30.123+08:00"), "2025-06-06T10:20:30+08:00");
	CHECK_STR(find("2025-06-06T10:20:30,5-05:00"), "2025-06-06T10:20:30-05:00");
	CHECK_STR(find("2025-06-06 10:20:30 +0800"), "2025-06-06T10:20:30+08:00");
	CHECK_STR(find("2019-11-20T09:29:08+0000"), "2019-11-20T09:29:08+00:00");
	CHECK_STR(find("2025-06-06T10:20+05:30"), "2025-06-06T10:20+05:30");
	CHECK_STR(find("2025-06-06T10:20:30+08"), "2025-06-06T10:20:30+08:00");
	CHECK_STR(find("2025-06-06 10:20:30 GMT+8"), "2025-06-06T10:20:30+08:00");
	CHECK_STR(find("2025-06-06 10:20 UTC+08:00"), "2025-06-06T10:20+08:00");
	CHECK_STR(find("2025-06-06 10:20 UTC-5"), "2025-06-06T10:20-05:00");
	CHECK_STR(find("2025-06-06 10:20 (UTC)"), "2025-06-06T10:20+00:00");
	/* a time range is not an offset */
	CHECK_STR(find("2025-06-06 10:00-12:00"), "2025-06-06T10:00");
	CHECK_STR(span("2025-06-06 10:00-12:00"), "2025-06-06 10:00");
	/* 20250606 only when the string is all date */
	CHECK_STR(find("编号20250606"), "-");
	CHECK_STR(parse("20250606"), "2025-06-06");
	CHECK_STR(parse("20250230"), "-");
	CHECK_STR(parse("2025-06-06T10:20:30.123+08:00"), "2025-06-06T10:20:30+08:00");
	CHECK_STR(parse("  2025-06-06\n"), "2025-06-06");
	CHECK_STR(parse("2025-06-06 garbage"), "-");
	CHECK_STR(parse("0001-01-01T00:00:00Z"), "-");
}

static void test_numeric(void)
{
	CHECK_STR(find("2025/06/06"), "2025-06-06");
	CHECK_STR(find("2025/6/6"), "2025-06-06");
	CHECK_STR(find("2025.06.06"), "2025-06-06");
	CHECK_STR(find("2025-6-16 19:16"), "2025-06-16T19:16");
	CHECK_STR(find("2025-6-16 19:16:05"), "2025-06-16T19:16:05");
	CHECK_STR(find("2005-5-7 21:23:57"), "2005-05-07T21:23:57");
	CHECK_STR(find("2004-09-17 5:54:13"), "2004-09-17T05:54:13");
	CHECK_STR(find("2025. 6. 6. 10:30"), "2025-06-06T10:30");  /* Korean */
	/* day and month order */
	CHECK_STR(find("16/06/2025"), "2025-06-16");
	CHECK_STR(find("06/16/2025"), "2025-06-16");
	CHECK_STR(find("06/07/2025"), "2025-06-07");  /* US for slashes */
	CHECK_STR(find("06.07.2025"), "2025-07-06");  /* European for dots */
	CHECK_STR(find("06-07-2025"), "2025-07-06");
	CHECK_STR(find("6. 7. 2025"), "2025-07-06");
	CHECK_STR(find("9/17/2004 5:54:13 AM"), "2004-09-17T05:54:13");
	CHECK_STR(find("11/19/2019 03:59 PM EST"), "2019-11-19T15:59-05:00");
	CHECK_STR(find("06.06.2025, 10:30 Uhr"), "2025-06-06T10:30");
	CHECK_STR(find("13/13/2025"), "-");
	pdate d;
	CHECK(date_find_ex("06/07/2025", 10, 0, DATE_DMY, &d, NULL, NULL));
	CHECK_STR(fmt(&d), "2025-07-06");
	CHECK(date_parse_ex("06/07/25", 8, 0, DATE_DMY, &d));
	CHECK_STR(fmt(&d), "2025-07-06");
	/* two-digit years only in date_parse */
	CHECK_STR(find("06/06/25"), "-");
	CHECK_STR(parse("06/06/25"), "2025-06-06");
	CHECK_STR(parse("12/31/99"), "1999-12-31");
	CHECK_STR(parse("6.6.25"), "2025-06-06");
	/* month and year alone only in date_parse */
	CHECK_STR(parse("2025-06"), "2025-06");
	CHECK_STR(parse("2025/06"), "2025-06");
	CHECK_STR(find("2025-06"), "-");
	CHECK_STR(parse("2018"), "2018");
	CHECK_STR(find("2018"), "-");
	CHECK_STR(parse("2025年"), "2025");
	/* Unix time */
	CHECK_STR(parse("1749211200"), "2025-06-06T12:00:00+00:00");
	CHECK_STR(parse("1749211200123"), "2025-06-06T12:00:00+00:00");
	CHECK_STR(parse("1574231937"), "2019-11-20T06:38:57+00:00");
	CHECK_STR(find("id 1749211200"), "-");
	CHECK_STR(parse("9999999999"), "-");
}

static void test_chinese(void)
{
	CHECK_STR(find("2024年3月12日"), "2024-03-12");
	CHECK_STR(find("2024年03月12日 10:30"), "2024-03-12T10:30");
	CHECK_STR(find("2024年3月12日10:30"), "2024-03-12T10:30");
	CHECK_STR(find("2025年1月22日 下午1:22"), "2025-01-22T13:22");
	CHECK_STR(find("2025年1月22日下午1:22"), "2025-01-22T13:22");
	CHECK_STR(find("2025年1月22日 晚上9:05"), "2025-01-22T21:05");
	CHECK_STR(find("2025年1月22日 上午9:05"), "2025-01-22T09:05");
	CHECK_STR(find("2025年1月22日 凌晨2:05"), "2025-01-22T02:05");
	CHECK_STR(find("2025年1月22日 中午12:30"), "2025-01-22T12:30");
	CHECK_STR(find("2025年1月22日 中午1:30"), "2025-01-22T13:30");
	CHECK_STR(find("2025年1月22日 下午 13:22"), "2025-01-22T13:22");
	CHECK_STR(find("2024年3月"), "2024-03");
	CHECK_STR(find("——《北京之春》1998年3月号"), "1998-03");
	CHECK_STR(find("2024年3月12号"), "2024-03-12");
	CHECK_STR(find("一、会议时间：2024年4月11—12日"), "2024-04-11");
	CHECK_STR(find("于2025年8月29日至31日在张家界召开"), "2025-08-29");
	CHECK_STR(find("二〇二四年三月十二日"), "2024-03-12");
	CHECK_STR(find("二零二四年三月十二日"), "2024-03-12");
	CHECK_STR(find("二○二四年十二月三十一日"), "2024-12-31");
	CHECK_STR(find("一九九八年十月一日"), "1998-10-01");
	CHECK_STR(find("二〇二四年二月三十日"), "-");
	CHECK_STR(find("二〇二四年三月"), "2024-03");
	CHECK_STR(find("２０２４年３月１２日"), "2024-03-12");
	CHECK_STR(find("２０２４－０３－１２　１０：３０"), "2024-03-12T10:30");
	CHECK_STR(find("北京时间2025年6月6日 10:30"), "2025-06-06T10:30+08:00");
	CHECK_STR(span("新华社 北京时间 2025年6月6日 10:30 电"), "北京时间 2025年6月6日 10:30");
	CHECK_STR(find("2025年6月6日 10:30（北京时间）"), "2025-06-06T10:30+08:00");
	CHECK_STR(find("2025年6月6日 星期五 10:30"), "2025-06-06T10:30");
	CHECK_STR(find("2025年6月6日（周五）10:30"), "2025-06-06T10:30");
	CHECK_STR(find("2025年6月6日 10时30分"), "2025-06-06T10:30");
	CHECK_STR(find("2025年6月6日 10时30分15秒"), "2025-06-06T10:30:15");
	CHECK_STR(find("2025年6月6日 10点"), "2025-06-06");
	CHECK_STR(find("规划期限为2023年至2035年"), "-");
	CHECK_STR(find("（2023-2035年）"), "-");
	CHECK_STR(find("2025年2月30日"), "-");
	CHECK_STR(find("3月12日"), "-");
	/* Japanese and Korean */
	CHECK_STR(find("2025年6月6日(金) 10:30"), "2025-06-06T10:30");
	CHECK_STR(find("2025年6月6日 午後1時22分"), "2025-06-06T13:22");
	CHECK_STR(find("2025년 6월 6일"), "2025-06-06");
	CHECK_STR(find("2025년 6월 6일 오후 3:05"), "2025-06-06T15:05");
	CHECK_STR(find("2025년 6월 6일 (금) 15:05"), "2025-06-06T15:05");
}

static void test_relative(void)
{
	pdate d;
	CHECK_STR(findn("6天前", NOW), "2025-05-31");
	CHECK(date_find("6天前", strlen("6天前"), NOW, &d, NULL, NULL) && d.relative &&
	      d.prec == DATE_DAY && !d.has_tz);
	CHECK_STR(findn("3小时前", NOW), "2025-06-06T09:00+00:00");
	CHECK(date_find("3小时前", strlen("3小时前"), NOW, &d, NULL, NULL) && d.relative &&
	      d.prec == DATE_MINUTE);
	CHECK_STR(findn("15分钟前", NOW), "2025-06-06T11:45+00:00");
	CHECK_STR(findn("24小时前", NOW), "2025-06-05T12:00+00:00");
	CHECK_STR(findn("30秒前", NOW), "2025-06-06T11:59+00:00");
	CHECK_STR(findn("2周前", NOW), "2025-05-23");
	CHECK_STR(findn("所有参会代表均需于3月31日前在微网站注册", NOW), "-");
	CHECK_STR(findn("3日前", NOW), "2025-06-03");
	CHECK_STR(findn("刚刚", NOW), "2025-06-06T12:00+00:00");
	CHECK_STR(findn("昨天", NOW), "2025-06-05");
	CHECK_STR(findn("前天", NOW), "2025-06-04");
	CHECK_STR(findn("目前天气晴", NOW), "-");
	CHECK_STR(findn("昨天 10:30", NOW), "2025-06-05T10:30");
	CHECK_STR(findn("昨天10:30", NOW), "2025-06-05T10:30");
	CHECK(date_find("昨天 10:30", strlen("昨天 10:30"), NOW, &d, NULL, NULL) &&
	      d.relative && d.prec == DATE_MINUTE && !d.has_tz);
	CHECK_STR(findn("今天 08:15", NOW), "2025-06-06T08:15");
	CHECK_STR(findn("今天天气好", NOW), "-");
	CHECK_STR(findn("2 days ago", NOW), "2025-06-04");
	CHECK_STR(findn("1 day ago", NOW), "2025-06-05");
	CHECK_STR(findn("3 hours ago", NOW), "2025-06-06T09:00+00:00");
	CHECK_STR(findn("5 mins ago", NOW), "2025-06-06T11:55+00:00");
	CHECK_STR(findn("Posted yesterday", NOW), "2025-06-05");
	CHECK_STR(findn("Yesterday at 9:15 PM", NOW), "2025-06-05T21:15");
	CHECK_STR(findn("today at 9:15", NOW), "2025-06-06T09:15");
	CHECK_STR(findn("Today the company said", NOW), "-");
	CHECK_STR(findn("just now", NOW), "2025-06-06T12:00+00:00");
	CHECK_STR(findn("6 days later", NOW), "-");
	CHECK_STR(findn("in 3 hours", NOW), "-");
	CHECK_STR(findn("yesterdays", NOW), "-");
	CHECK_STR(span("评论 6天前 来自"), "6天前");
	CHECK_STR(span("updated 3 hours ago by"), "3 hours ago");
	/* no now, no relative dates */
	CHECK_STR(find("6天前"), "-");
	CHECK_STR(find("昨天 10:30"), "-");
	CHECK_STR(find("2 days ago"), "-");
	CHECK_STR(find("yesterday"), "-");
	CHECK_STR(parsen("3小时前", NOW), "2025-06-06T09:00+00:00");
	CHECK_STR(parse("3小时前"), "-");
	/* relative first, absolute later: the first one wins */
	CHECK_STR(findn("昨天 2025-01-01", NOW), "2025-06-05");
	CHECK_STR(find("昨天 2025-01-01"), "2025-01-01");
}

static void test_english(void)
{
	CHECK_STR(find("June 6, 2025"), "2025-06-06");
	CHECK_STR(find("Jun 6, 2025"), "2025-06-06");
	CHECK_STR(find("Jun. 6, 2025"), "2025-06-06");
	CHECK_STR(find("JUNE 6 2025"), "2025-06-06");
	CHECK_STR(find("6 June 2025"), "2025-06-06");
	CHECK_STR(find("6th June 2025"), "2025-06-06");
	CHECK_STR(find("6th of June, 2025"), "2025-06-06");
	CHECK_STR(find("June 6th, 2025"), "2025-06-06");
	CHECK_STR(find("June 1st, 2025"), "2025-06-01");
	CHECK_STR(find("Sept. 3, 2024"), "2024-09-03");
	CHECK_STR(find("Sep 3, 2024"), "2024-09-03");
	CHECK_STR(find("06-Jun-2025"), "2025-06-06");
	CHECK_STR(find("June 2025"), "2025-06");
	CHECK_STR(find("Friday, June 6, 2025 10:30 AM EDT"), "2025-06-06T10:30-04:00");
	CHECK_STR(span("Posted Friday, June 6, 2025 10:30 AM EDT | News"),
		  "Friday, June 6, 2025 10:30 AM EDT");
	CHECK_STR(find("June 6, 2025 at 10:30 a.m. PDT"), "2025-06-06T10:30-07:00");
	CHECK_STR(find("June 6, 2025, 12:05 AM"), "2025-06-06T00:05");
	CHECK_STR(find("June 6, 2025 12:05 PM"), "2025-06-06T12:05");
	CHECK_STR(find("June 6, 2025 10 am"), "2025-06-06T10:00");
	CHECK_STR(find("June 6, 2025 13:05 PM"), "2025-06-06T13:05");
	CHECK_STR(find("am 6. Juni 2025 um 14:30 am Flughafen"), "2025-06-06T14:30");
	CHECK_STR(find("Fri, 06 Jun 2025 10:00:00 +0800"), "2025-06-06T10:00:00+08:00");
	CHECK_STR(find("Fri, 06 Jun 2025 10:00:00 GMT"), "2025-06-06T10:00:00+00:00");
	CHECK_STR(span("x Fri, 06 Jun 2025 10:00:00 GMT y"), "Fri, 06 Jun 2025 10:00:00 GMT");
	CHECK_STR(parse("Fri, 06 Jun 2025 10:00:00 +0800"), "2025-06-06T10:00:00+08:00");
	CHECK_STR(parse("Friday, June 6, 2025"), "2025-06-06");
	CHECK_STR(parse("20 November 2019"), "2019-11-20");
	CHECK_STR(find("Laura June Topolsky July 10, 2015"), "2015-07-10");
	CHECK_STR(find("Mayor 2025 race"), "-");
	CHECK_STR(find("a set of 1940 photos"), "-");
	CHECK_STR(find("the gen 2020 consoles"), "-");
	CHECK_STR(find("Jun 2025"), "2025-06");
	CHECK_STR(find("Sept. 2025"), "2025-09");
	CHECK_STR(find("June 31, 2025"), "-");
	CHECK_STR(find("Feb 29, 2024"), "2024-02-29");
	CHECK_STR(find("Feb 29, 2023"), "-");
	CHECK_STR(find("Jun 6"), "-");
	/* a time before the date (CNN) */
	CHECK_STR(find("Updated 2:08 PM ET, Fri June 6, 2025"), "2025-06-06T14:08-04:00");
	CHECK_STR(span("Updated 2:08 PM ET, Fri June 6, 2025"), "2:08 PM ET, Fri June 6, 2025");
	CHECK_STR(find("Updated 10:30 AM EST, Fri January 10, 2025"), "2025-01-10T10:30-05:00");
	CHECK_STR(find("10:30 Fri June 6, 2025"), "2025-06-06T10:30");
	CHECK_STR(find("Chapter 12, June 6, 2025"), "2025-06-06");
	CHECK_STR(span("at 25:61 June 6, 2025"), "June 6, 2025");
	/* ET, CT, MT, PT follow US daylight saving time */
	CHECK_STR(find("March 8, 2025 10:00 ET"), "2025-03-08T10:00-05:00");
	CHECK_STR(find("March 9, 2025 10:00 ET"), "2025-03-09T10:00-04:00");
	CHECK_STR(find("November 1, 2025 10:00 PT"), "2025-11-01T10:00-07:00");
	CHECK_STR(find("November 2, 2025 10:00 PT"), "2025-11-02T10:00-08:00");
	CHECK_STR(find("April 2, 2006 10:00 CT"), "2006-04-02T10:00-05:00");
	CHECK_STR(find("April 1, 2006 10:00 CT"), "2006-04-01T10:00-06:00");
	CHECK_STR(find("October 28, 2006 10:00 MT"), "2006-10-28T10:00-06:00");
	CHECK_STR(find("October 29, 2006 10:00 MT"), "2006-10-29T10:00-07:00");
	/* 10.30 as a time needs a connector, Uhr, am/pm or a zone */
	CHECK_STR(find("Fri 6 Jun 2025 10.30 BST"), "2025-06-06T10:30+01:00");
	CHECK_STR(find("Fri 6 Jun 2025 10.30am"), "2025-06-06T10:30");
	CHECK_STR(find("6 Jun 2025 10.30 percent"), "2025-06-06");
	/* zones */
	static const struct {
		const char *in, *want;
	} z[] = {
		{"June 6, 2025 10:30 EST", "2025-06-06T10:30-05:00"},
		{"June 6, 2025 10:30 CST", "2025-06-06T10:30-06:00"},
		{"June 6, 2025 10:30 CDT", "2025-06-06T10:30-05:00"},
		{"June 6, 2025 10:30 MST", "2025-06-06T10:30-07:00"},
		{"June 6, 2025 10:30 MDT", "2025-06-06T10:30-06:00"},
		{"June 6, 2025 10:30 PST", "2025-06-06T10:30-08:00"},
		{"June 6, 2025 10:30 UTC", "2025-06-06T10:30+00:00"},
		{"June 6, 2025 10:30 BST", "2025-06-06T10:30+01:00"},
		{"6 June 2025 10:30 CET", "2025-06-06T10:30+01:00"},
		{"6 June 2025 10:30 CEST", "2025-06-06T10:30+02:00"},
		{"6 June 2025 10:30 JST", "2025-06-06T10:30+09:00"},
		{"6 June 2025 10:30 KST", "2025-06-06T10:30+09:00"},
		{"6 June 2025 10:30 IST", "2025-06-06T10:30+05:30"},
		{"6 June 2025 10:30 AEST", "2025-06-06T10:30+10:00"},
		{"6 June 2025 10:30 HKT", "2025-06-06T10:30+08:00"},
		{"6 June 2025 10:30 SGT", "2025-06-06T10:30+08:00"},
		{"6 June 2025 10:30 GMT+8", "2025-06-06T10:30+08:00"},
		{"6 June 2025 10:30 UTC+08:00", "2025-06-06T10:30+08:00"},
		{"6 June 2025 10:30 GMT-0530", "2025-06-06T10:30-05:30"},
		{"6 June 2025 10:30 ESTONIA", "2025-06-06T10:30"},
		{"6 juin 2025 10:30 est", "2025-06-06T10:30"},
	};
	for (size_t k = 0; k < sizeof z / sizeof z[0]; k++)
		CHECK_STR(find(z[k].in), z[k].want);
}

static void test_european(void)
{
	static const struct {
		const char *in, *want;
	} t[] = {
		/* German */
		{"6. Juni 2025", "2025-06-06"},
		{"6. Jun. 2025", "2025-06-06"},
		{"Freitag, 6. Juni 2025, 10:30 Uhr", "2025-06-06T10:30"},
		{"am 3. März 2025 um 14:05 Uhr", "2025-03-03T14:05"},
		{"1. Jänner 2025", "2025-01-01"},
		{"24. Dez. 2024", "2024-12-24"},
		/* French */
		{"6 juin 2025", "2025-06-06"},
		{"1er juin 2025", "2025-06-01"},
		{"vendredi 6 juin 2025 à 10h30", "2025-06-06T10:30"},
		{"15 août 2024", "2024-08-15"},
		{"3 févr. 2025", "2025-02-03"},
		{"12 DÉCEMBRE 2024", "2024-12-12"},
		/* Spanish, Catalan */
		{"6 de junio de 2025", "2025-06-06"},
		{"6 de junio del 2025", "2025-06-06"},
		{"viernes, 6 de junio de 2025 a las 10:30", "2025-06-06T10:30"},
		{"1 de septiembre de 2024", "2024-09-01"},
		{"6 d'abril de 2025", "2025-04-06"},
		{"6 de juny de 2025", "2025-06-06"},
		{"junio de 2025", "2025-06"},
		/* Italian */
		{"6 giugno 2025", "2025-06-06"},
		{"6 giu 2025 ore 10:30", "2025-06-06T10:30"},
		{"venerdì 6 giugno 2025", "2025-06-06"},
		/* Portuguese */
		{"6 de junho de 2025", "2025-06-06"},
		{"6 de março de 2025 às 10:30", "2025-03-06T10:30"},
		/* Dutch */
		{"6 juni 2025", "2025-06-06"},
		{"6 mrt 2025", "2025-03-06"},
		{"6 maart 2025 om 10:30", "2025-03-06T10:30"},
		/* Polish */
		{"6 czerwca 2025", "2025-06-06"},
		{"6 czerwca 2025 r.", "2025-06-06"},
		{"12 października 2024", "2024-10-12"},
		{"1 września 2024 o 10:30", "2024-09-01T10:30"},
		/* Czech, Slovak */
		{"6. června 2025", "2025-06-06"},
		{"6. července 2025", "2025-07-06"},
		{"28. října 2024", "2024-10-28"},
		{"6. júna 2025", "2025-06-06"},
		/* Swedish, Danish, Norwegian */
		{"6 juni 2025 kl. 10.30", "2025-06-06T10:30"},
		{"6 juni 2025 10.30", "2025-06-06"},
		{"6. Juni 2025, 10.30 Uhr", "2025-06-06T10:30"},
		{"6 giugno 2025 alle 10.30", "2025-06-06T10:30"},
		{"le 6 juin 2025 à 10 h 30", "2025-06-06T10:30"},
		{"6 juin 2025 10 habitants", "2025-06-06"},
		{"6 juni 2025 kl. 10:30", "2025-06-06T10:30"},
		{"6. maj 2025", "2025-05-06"},
		{"6. desember 2024", "2024-12-06"},
		{"6 augusti 2025", "2025-08-06"},
		/* Finnish */
		{"6. kesäkuuta 2025", "2025-06-06"},
		{"6. joulukuuta 2024 klo 10:30", "2024-12-06T10:30"},
		/* Russian, Ukrainian */
		{"6 июня 2025 г.", "2025-06-06"},
		{"6 июня 2025 года, 10:30", "2025-06-06T10:30"},
		{"6 ИЮНЯ 2025", "2025-06-06"},
		{"1 сентября 2024 в 10:30", "2024-09-01T10:30"},
		{"6 червня 2025 р.", "2025-06-06"},
		{"6 листопада 2024", "2024-11-06"},
		/* Greek */
		{"6 Ιουνίου 2025", "2025-06-06"},
		{"6 ΙΟΥΝΙΟΥ 2025", "2025-06-06"},
		{"15 Αυγούστου 2024", "2024-08-15"},
		{"6 Μαΐου 2025", "2025-05-06"},
		/* Turkish */
		{"6 Haziran 2025", "2025-06-06"},
		{"6 Şubat 2025", "2025-02-06"},
		{"6 Ağustos 2025 saat 10:30", "2025-08-06T10:30"},
		{"6 Aralık 2024", "2024-12-06"},
		/* Romanian */
		{"6 iunie 2025", "2025-06-06"},
		{"6 noiembrie 2024", "2024-11-06"},
		/* Hungarian */
		{"2025. június 6.", "2025-06-06"},
		{"2025. jún. 6. 10:30", "2025-06-06T10:30"},
		{"2024. március 15.", "2024-03-15"},
		/* Indonesian */
		{"6 Agustus 2025", "2025-08-06"},
		/* month-year */
		{"Juni 2025", "2025-06"},
		{"czerwiec 2025", "2025-06"},
		/* decomposed accents: e + U+0301 */
		{"6 de\xcc\x81" "cembre 2024", "2024-12-06"},
	};
	for (size_t k = 0; k < sizeof t / sizeof t[0]; k++)
		CHECK_STR(find(t[k].in), t[k].want);
	CHECK_STR(span("am Freitag, 6. Juni 2025, 10:30 Uhr gemeldet"),
		  "Freitag, 6. Juni 2025, 10:30 Uhr");
	CHECK_STR(span("Publié le 1er juin 2025 à 10h30."), "1er juin 2025 à 10h30");
	CHECK_STR(span("Опубликовано 6 июня 2025 г. в 10:30"), "6 июня 2025 г. в 10:30");
	CHECK_STR(span("Kiadva: 2025. június 6., péntek"), "2025. június 6.");
}

/* Every month of one language, day first: "6 <name> 2025" is month k+1. */
static void months_of(const char *const names[12], const char *pat)
{
	for (int k = 0; k < 12; k++) {
		char in[128], want[32];
		snprintf(in, sizeof in, pat, names[k]);
		snprintf(want, sizeof want, "2025-%02d-06", k + 1);
		const char *got = find(in);
		if (strcmp(got, want) != 0)
			fprintf(stderr, "month: %s\n", in);
		CHECK_STR(got, want);
	}
}

static void test_all_months(void)
{
	static const char *const en[12] = {
		"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December"
	};
	static const char *const en3[12] = {
		"Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.",
		"Oct.", "Nov.", "Dec."
	};
	static const char *const de[12] = {
		"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
		"September", "Oktober", "November", "Dezember"
	};
	static const char *const de3[12] = {
		"Jan.", "Feb.", "Mär.", "Apr.", "Mai", "Jun.", "Jul.", "Aug.", "Sep.",
		"Okt.", "Nov.", "Dez."
	};
	static const char *const fr[12] = {
		"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
		"septembre", "octobre", "novembre", "décembre"
	};
	static const char *const fr3[12] = {
		"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
		"oct.", "nov.", "déc."
	};
	static const char *const es[12] = {
		"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
		"septiembre", "octubre", "noviembre", "diciembre"
	};
	static const char *const es3[12] = {
		"ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sep.",
		"oct.", "nov.", "dic."
	};
	static const char *const it[12] = {
		"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
		"agosto", "settembre", "ottobre", "novembre", "dicembre"
	};
	static const char *const it3[12] = {
		"gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov",
		"dic"
	};
	static const char *const pt[12] = {
		"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho",
		"agosto", "setembro", "outubro", "novembro", "dezembro"
	};
	static const char *const pt3[12] = {
		"jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov",
		"dez"
	};
	static const char *const ca[12] = {
		"gener", "febrer", "març", "abril", "maig", "juny", "juliol", "agost",
		"setembre", "octubre", "novembre", "desembre"
	};
	static const char *const nl[12] = {
		"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
		"september", "oktober", "november", "december"
	};
	static const char *const nl3[12] = {
		"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov",
		"dec"
	};
	static const char *const sv[12] = {
		"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
		"september", "oktober", "november", "december"
	};
	static const char *const da[12] = {
		"januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
		"september", "oktober", "november", "december"
	};
	static const char *const no[12] = {
		"januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
		"september", "oktober", "november", "desember"
	};
	static const char *const fi[12] = {
		"tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta",
		"kesäkuuta", "heinäkuuta", "elokuuta", "syyskuuta", "lokakuuta",
		"marraskuuta", "joulukuuta"
	};
	static const char *const pl[12] = {
		"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca",
		"sierpnia", "września", "października", "listopada", "grudnia"
	};
	static const char *const pl3[12] = {
		"sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis",
		"gru"
	};
	static const char *const cs[12] = {
		"ledna", "února", "března", "dubna", "května", "června", "července",
		"srpna", "září", "října", "listopadu", "prosince"
	};
	static const char *const sk[12] = {
		"januára", "februára", "marca", "apríla", "mája", "júna", "júla", "augusta",
		"septembra", "októbra", "novembra", "decembra"
	};
	static const char *const ro[12] = {
		"ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie",
		"august", "septembrie", "octombrie", "noiembrie", "decembrie"
	};
	static const char *const tr[12] = {
		"Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos",
		"Eylül", "Ekim", "Kasım", "Aralık"
	};
	static const char *const ru[12] = {
		"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
		"сентября", "октября", "ноября", "декабря"
	};
	static const char *const ru3[12] = {
		"янв.", "фев.", "мар.", "апр.", "мая", "июн.", "июл.", "авг.", "сент.",
		"окт.", "нояб.", "дек."
	};
	static const char *const uk[12] = {
		"січня", "лютого", "березня", "квітня", "травня", "червня", "липня",
		"серпня", "вересня", "жовтня", "листопада", "грудня"
	};
	static const char *const el[12] = {
		"Ιανουαρίου", "Φεβρουαρίου", "Μαρτίου", "Απριλίου", "Μαΐου", "Ιουνίου",
		"Ιουλίου", "Αυγούστου", "Σεπτεμβρίου", "Οκτωβρίου", "Νοεμβρίου",
		"Δεκεμβρίου"
	};
	static const char *const el3[12] = {
		"Ιαν", "Φεβ", "Μαρ", "Απρ", "Μαΐ", "Ιουν", "Ιουλ", "Αυγ", "Σεπ", "Οκτ",
		"Νοε", "Δεκ"
	};
	static const char *const hu[12] = {
		"január", "február", "március", "április", "május", "június", "július",
		"augusztus", "szeptember", "október", "november", "december"
	};
	static const char *const hu3[12] = {
		"jan.", "febr.", "márc.", "ápr.", "máj.", "jún.", "júl.", "aug.", "szept.",
		"okt.", "nov.", "dec."
	};
	months_of(en, "%s 6, 2025");
	months_of(en3, "%s 6, 2025");
	months_of(en, "6 %s 2025");
	months_of(de, "6. %s 2025");
	months_of(de3, "6. %s 2025");
	months_of(fr, "6 %s 2025");
	months_of(fr3, "6 %s 2025");
	months_of(es, "6 de %s de 2025");
	months_of(es3, "6 %s 2025");
	months_of(it, "6 %s 2025");
	months_of(it3, "6 %s 2025");
	months_of(pt, "6 de %s de 2025");
	months_of(pt3, "6 %s 2025");
	months_of(ca, "6 de %s de 2025");
	months_of(nl, "6 %s 2025");
	months_of(nl3, "6 %s 2025");
	months_of(sv, "6 %s 2025");
	months_of(da, "6. %s 2025");
	months_of(no, "6. %s 2025");
	months_of(fi, "6. %s 2025");
	months_of(pl, "6 %s 2025");
	months_of(pl3, "6 %s 2025");
	months_of(cs, "6. %s 2025");
	months_of(sk, "6. %s 2025");
	months_of(ro, "6 %s 2025");
	months_of(tr, "6 %s 2025");
	months_of(ru, "6 %s 2025 г.");
	months_of(ru3, "6 %s 2025");
	months_of(uk, "6 %s 2025 р.");
	months_of(el, "6 %s 2025");
	months_of(el3, "6 %s 2025");
	months_of(hu, "2025. %s 6.");
	months_of(hu3, "2025. %s 6.");
}

static void test_reject(void)
{
	static const char *const no[] = {
		"2025-02-30", "2023-02-29", "2025-13-01", "2025-00-10", "2025-06-32",
		"2025-06-00", "2025-06-06 24:30", "2025-06-06 25:00", "2025-06-06 10:60",
		"2025-06-06 10:30:60", "1.2.3", "version 1.2.3.4", "192.168.1.1",
		"0731-85356114", "电话：0731-85356114", "010-12345678", "13812345678",
		"湘ICP备19021013号", "京ICP证030173号", "2025-2026", "2020-2035年",
		"CopyRight@2004-2008", "¥2025.06", "$2,025.06", "10:30", "12:30:45",
		"1899-12-31", "2101-01-01", "3.14159", "第2025期", "1/2", "25/12",
		"2025.06.06.1", "2025-06-06-2", "1.2.2025.3", "ISBN 978-7-02-2025-06",
		"", "abc", "June", "年月日", "二〇二四年", "100 days ago",
	};
	for (size_t k = 0; k < sizeof no / sizeof no[0]; k++) {
		const char *got = find(no[k]);
		if (strcmp(got, "-") != 0)
			fprintf(stderr, "reject: %s\n", no[k]);
		CHECK_STR(got, "-");
	}
	/* 24:00 is the next day's midnight */
	CHECK_STR(find("2025-06-30 24:00"), "2025-07-01T00:00");
	CHECK_STR(find("2024-12-31 24:00:00"), "2025-01-01T00:00:00");
	/* an impossible candidate does not hide a later real one */
	CHECK_STR(find("2025-02-30 then 2025-03-01"), "2025-03-01");
	CHECK_STR(find("0731-85356114 2025/06/06"), "2025-06-06");
	CHECK_STR(find("v1.2.3 released 2025-06-06"), "2025-06-06");
	CHECK_STR(find("湘ICP备19021013号 2024年3月12日"), "2024-03-12");
	CHECK_STR(find("2025-2026赛季 2025-06-06"), "2025-06-06");
	/* an impossible time rejects the date, not just the time */
	CHECK_STR(find("2025-06-06 25:00 and 2025-06-07"), "2025-06-07");
}

static void test_glued(void)
{
	CHECK_STR(span("2025/06/06 来自: 医务部    作者: 刘湘梅 王睿 浏览:5"), "2025/06/06");
	CHECK_STR(find("2025/06/06 来自: 医务部"), "2025-06-06");
	CHECK_STR(span("发布时间：2024-03-12 09:00 浏览：519"), "2024-03-12 09:00");
	CHECK_STR(find("发布时间：2024-03-12 09:00 浏览：519"), "2024-03-12T09:00");
	CHECK_STR(span("上一篇 2025年1月22日 下午1:22"), "2025年1月22日 下午1:22");
	CHECK_STR(find("上一篇 2025年1月22日 下午1:22"), "2025-01-22T13:22");
	CHECK_STR(span("时间:2025-6-16 19:16 点击:"), "2025-6-16 19:16");
	CHECK_STR(span("By Jane Doe | June 6, 2025"), "June 6, 2025");
	CHECK_STR(span("Updated: 06/06/2025 03:59 PM EST."), "06/06/2025 03:59 PM EST");
	CHECK_STR(span("日期：2024年3月12日"), "2024年3月12日");
	CHECK_STR(span("2024年3月12日"), "2024年3月12日");
	CHECK_STR(span("x 2025-06-06T10:20:30Z y"), "2025-06-06T10:20:30Z");
	CHECK_STR(span("  2025-06-06  "), "2025-06-06");
	/* start and end byte offsets */
	pdate d;
	size_t st = 99, en = 99;
	const char *s = "发布时间：2024-03-12 09:00 浏览：519";
	CHECK(date_find(s, strlen(s), 0, &d, &st, &en));
	CHECK(st == 15 && en == 31);
	s = "June 6, 2025";
	CHECK(date_find(s, strlen(s), 0, &d, &st, &en) && st == 0 && en == 12);
	/* len limits the search */
	s = "2025-06-06";
	CHECK(!date_find(s, 9, 0, &d, &st, &en));
	CHECK(date_find(s, 10, 0, NULL, NULL, NULL));
	/* the first of several */
	CHECK_STR(find("2025-01-01 and 2025-02-02"), "2025-01-01");
	CHECK_STR(find("Updated June 7, 2025; first published 6 June 2025"), "2025-06-07");
}

static void test_url(void)
{
	CHECK_STR(url("https://example.com/2025/06/06/some-title/"), "2025-06-06");
	CHECK_STR(url("https://example.com/2025/6/6/x.html"), "2025-06-06");
	CHECK_STR(url("https://example.com/news/2025-06-06/x.html"), "2025-06-06");
	CHECK_STR(url("https://example.com/2025-06-06-title"), "2025-06-06");
	CHECK_STR(url("https://example.com/20250606/x.html"), "2025-06-06");
	CHECK_STR(url("https://example.com/news-20250606-xyz.html"), "2025-06-06");
	CHECK_STR(url("http://www.gov.cn/zhengce/202506/t20250606_123456.htm"), "2025-06-06");
	CHECK_STR(url("http://www.news.cn/2025-06/06/c_1130000000.htm"), "2025-06-06");
	CHECK_STR(url("http://politics.people.com.cn/n1/2025/0606/c1001-40000000.html"),
		  "2025-06-06");
	CHECK_STR(url("https://example.com/2025/06/"), "2025-06");
	CHECK_STR(url("https://example.com/2025/06/some-title"), "2025-06");
	CHECK_STR(url("https://example.com/archive/202506/"), "2025-06");
	CHECK_STR(url("https://example.com/article/12345678.html"), "-");
	CHECK_STR(url("https://example.com/a/20251399.html"), "-");
	CHECK_STR(url("https://example.com/1985/06/06/x"), "-");
	CHECK_STR(url("https://example.com/2025/13/06/x"), "-");
	CHECK_STR(url("https://example.com/p/123456789012/x"), "-");
	CHECK_STR(url("https://www.20250606.com/x"), "-");
	CHECK_STR(url("https://example.com/x?id=2025"), "-");
	CHECK_STR(url("/2025/06/06/x"), "2025-06-06");
	CHECK_STR(url("https://www.wsj.com/articles/google-stadia-11574168580"), "-");
	CHECK(!date_from_url(NULL, NULL));
}

static void test_format_epoch(void)
{
	pdate d = {2025, 6, 16, 19, 16, 5, 480, true, DATE_SECOND, false};
	char buf[64];
	CHECK(date_format(&d, buf, sizeof buf) == 25);
	CHECK_STR(buf, "2025-06-16T19:16:05+08:00");
	d.prec = DATE_MINUTE;
	CHECK_STR(fmt(&d), "2025-06-16T19:16+08:00");
	d.tz_minutes = -240;
	CHECK_STR(fmt(&d), "2025-06-16T19:16-04:00");
	d.tz_minutes = 0;
	CHECK_STR(fmt(&d), "2025-06-16T19:16+00:00");
	d.tz_minutes = -210;
	CHECK_STR(fmt(&d), "2025-06-16T19:16-03:30");
	d.prec = DATE_DAY;
	CHECK_STR(fmt(&d), "2025-06-16"); /* no offset without a time */
	d.prec = DATE_MONTH;
	CHECK_STR(fmt(&d), "2025-06");
	d.prec = DATE_YEAR;
	CHECK_STR(fmt(&d), "2025");
	d.prec = DATE_NONE;
	CHECK(date_format(&d, buf, sizeof buf) == 0 && buf[0] == 0);
	d.has_tz = false;
	d.prec = DATE_SECOND;
	CHECK_STR(fmt(&d), "2025-06-16T19:16:05");
	/* truncation as snprintf */
	CHECK(date_format(&d, buf, 5) == 19);
	CHECK_STR(buf, "2025");
	CHECK(date_format(&d, buf, 0) == 19);

	pdate e = {1970, 1, 1, 0, 0, 0, 0, false, DATE_SECOND, false};
	CHECK(date_epoch(&e) == 0);
	e = (pdate){2025, 6, 6, 12, 0, 0, 0, false, DATE_SECOND, false};
	CHECK(date_epoch(&e) == NOW);
	e = (pdate){2025, 6, 6, 20, 0, 0, 480, true, DATE_SECOND, false};
	CHECK(date_epoch(&e) == NOW);
	e = (pdate){2025, 6, 6, 8, 0, 0, -240, true, DATE_MINUTE, false};
	CHECK(date_epoch(&e) == NOW);
	e = (pdate){2000, 3, 1, 0, 0, 0, 0, false, DATE_DAY, false};
	CHECK(date_epoch(&e) == 951868800);
	e = (pdate){1900, 3, 1, 0, 0, 0, 0, false, DATE_DAY, false};
	CHECK(date_epoch(&e) == -2203891200LL);
	e = (pdate){2100, 12, 31, 23, 59, 59, 0, false, DATE_SECOND, false};
	CHECK(date_epoch(&e) == 4133980799LL);
	e = (pdate){2025, 0, 0, 0, 0, 0, 0, false, DATE_YEAR, false};
	CHECK(date_epoch(&e) == 1735689600);
	/* round trip through date_parse of Unix seconds, every ~11 days */
	int bad = 0;
	for (long long t = 1000000000LL; t < 4102444800LL; t += 999983) {
		char s[32];
		pdate r;
		snprintf(s, sizeof s, "%lld", t);
		if (!date_parse(s, strlen(s), 0, &r) || date_epoch(&r) != t)
			bad++;
	}
	CHECK(bad == 0);
	/* and through date_format and date_parse */
	bad = 0;
	for (long long t = 1000000000LL; t < 4102444800LL; t += 7777777) {
		char s[64];
		pdate r, r2;
		snprintf(s, sizeof s, "%lld", t);
		if (!date_parse(s, strlen(s), 0, &r))
			bad++;
		r.tz_minutes = (int)(t % 1441) - 720;
		r.tz_minutes -= r.tz_minutes % 15;
		date_format(&r, s, sizeof s);
		if (!date_parse(s, strlen(s), 0, &r2) || memcmp(&r, &r2, sizeof r) != 0)
			bad++;
	}
	CHECK(bad == 0);
}

static void test_plausible(void)
{
	pdate d;
	CHECK(date_parse("2025-06-06", 10, 0, &d) && date_plausible(&d, NOW));
	CHECK(date_parse("2025-06-07", 10, 0, &d) && date_plausible(&d, NOW));
	CHECK(date_parse("2025-06-08", 10, 0, &d) && !date_plausible(&d, NOW));
	CHECK(date_parse("1990-01-01", 10, 0, &d) && date_plausible(&d, NOW));
	CHECK(date_parse("1989-12-31", 10, 0, &d) && !date_plausible(&d, NOW));
	CHECK(date_parse("2025-06", 7, 0, &d) && date_plausible(&d, NOW));
	CHECK(date_parse("2025-07", 7, 0, &d) && !date_plausible(&d, NOW));
	CHECK(date_parse("2019-11-20", 10, 0, &d) && date_plausible(&d, 0));
	CHECK(date_parse("2099-01-01", 10, 0, &d) && !date_plausible(&d, 0));
	/* an offset moves the instant */
	CHECK(date_parse("2025-06-07T11:01-01:00", 22, 0, &d) && !date_plausible(&d, NOW));
	CHECK(date_parse("2025-06-07T11:00+01:00", 22, 0, &d) && date_plausible(&d, NOW));
	memset(&d, 0, sizeof d);
	CHECK(!date_plausible(&d, NOW));
	CHECK(!date_plausible(NULL, NOW));
}

static void test_precision(void)
{
	pdate d;
	CHECK(date_parse("2025", 4, 0, &d) && d.prec == DATE_YEAR);
	CHECK(date_parse("2025-06", 7, 0, &d) && d.prec == DATE_MONTH && d.day == 0);
	CHECK(date_parse("2025-06-06", 10, 0, &d) && d.prec == DATE_DAY && !d.has_tz);
	CHECK(date_parse("2025-06-06 10:20", 16, 0, &d) && d.prec == DATE_MINUTE);
	CHECK(date_parse("2025-06-06 10:20:30", 19, 0, &d) && d.prec == DATE_SECOND &&
	      d.second == 30);
	CHECK(date_find("2024年3月", strlen("2024年3月"), 0, &d, NULL, NULL) &&
	      d.prec == DATE_MONTH && d.month == 3 && d.day == 0 && d.hour == 0);
	CHECK(date_find("June 2025", 9, 0, &d, NULL, NULL) && d.prec == DATE_MONTH);
	CHECK(date_find("2025-06-06T10:20:30+05:45", 25, 0, &d, NULL, NULL) && d.has_tz &&
	      d.tz_minutes == 345 && !d.relative);
}

/* Deterministic noise: random bytes, and random mixes of date-ish tokens,
 * must neither crash nor read out of bounds (run under ASan), and a match
 * must lie within the input. */
static uint64_t rng = 88172645463325252ull;

static unsigned rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng >> 11);
}

static void test_fuzz(void)
{
	static const char *const tok[] = {
		"2025", "06", "6", "-", "/", ".", " ", "年", "月", "日", "T", ":", "10",
		"30", "+08:00", "Z", "June", "juni", "de", ",", "th", "下午", "天前",
		"ago", "days", "二", "〇", "十", "北京时间", "AM", "GMT", "+", "１", "\xe5",
		"\xe4\xb8", "\xef\xbc", "\xcc\x81", "昨天", "星期", "(", ")", "d'", "г.",
	};
	int bad = 0;
	char buf[200];
	for (int it = 0; it < 60000; it++) {
		size_t n = 0, want = rnd() % sizeof buf;
		if (it & 1) {
			for (n = 0; n < want; n++)
				buf[n] = (char)rnd();
		} else {
			while (n < want) {
				const char *t = tok[rnd() % (sizeof tok / sizeof tok[0])];
				size_t l = strlen(t);
				if (n + l > want)
					break;
				memcpy(buf + n, t, l);
				n += l;
			}
		}
		/* an exact-size heap copy, so ASan sees any overread */
		char *s = malloc(n ? n : 1);
		memcpy(s, buf, n);
		pdate d;
		size_t st, en;
		if (date_find(s, n, it % 3 ? NOW : 0, &d, &st, &en)) {
			char f[64];
			if (st >= en || en > n || date_format(&d, f, sizeof f) >= sizeof f ||
			    d.prec == DATE_NONE || d.year < 1900 || d.year > 2100)
				bad++;
		}
		date_parse(s, n, NOW, &d);
		free(s);
		char u[220];
		memcpy(u, buf, n);
		u[n] = 0;
		date_from_url(u, &d);
	}
	CHECK(bad == 0);
	/* long runs must not be quadratic or overflow */
	size_t big = 1 << 20;
	char *s = malloc(big);
	memset(s, '1', big);
	CHECK(!date_find(s, big, NOW, NULL, NULL, NULL));
	memset(s, ' ', big);
	for (size_t k = 0; k < big; k += 2)
		s[k] = '6';
	CHECK(!date_find(s, big, NOW, NULL, NULL, NULL));
	for (size_t k = 0; k < big; k++)
		s[k] = "2025-06-"[k % 8];
	CHECK(!date_find(s, big, NOW, NULL, NULL, NULL));
	free(s);
}

int main(void)
{
	test_iso();
	test_numeric();
	test_chinese();
	test_relative();
	test_english();
	test_european();
	test_all_months();
	test_reject();
	test_glued();
	test_url();
	test_format_epoch();
	test_plausible();
	test_precision();
	test_fuzz();
	UNIT_DONE("date");
}
