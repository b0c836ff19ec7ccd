/* Byline parsing and author splitting shared by both kinds of page. */
#include <stdlib.h>

#include "internal.h"
#include "meta.h"
#include "unit.h"

static meta m;

static void authors(const char *s, int strength)
{
	meta_set_authors(&m, s, strlen(s), strength);
}

static void reset(void)
{
	meta_free(&m);
	memset(&m, 0, sizeof m);
}

int main(void)
{
	pith_ctx *ctx = pith_ctx_new(NULL);
	/* Chinese names: separators, roles, names spaced out, affiliations */
	authors("刘湘梅 王睿", EV_TEXT);
	CHECK(m.nauthors == 2);
	CHECK_STR(m.authors[1], "王睿");
	reset();
	authors("本报记者罗科苏盈发自北京", EV_TEXT);
	CHECK(m.nauthors == 1);
	CHECK_STR(m.authors[0], "罗科苏盈");
	reset();
	authors("赵 培：北京物资学院，北京", EV_TEXT);
	CHECK(m.nauthors == 1);
	CHECK_STR(m.authors[0], "赵培");
	reset();
	authors("赵延东、风笑天", EV_TEXT);
	CHECK(m.nauthors == 2);
	reset();
	/* Latin names: "By", "and", job titles and affiliations dropped */
	authors("By Jane Doe and John Roe", EV_TEXT);
	CHECK(m.nauthors == 2);
	CHECK_STR(m.authors[1], "John Roe");
	reset();
	authors("TOM KRISHER, AP Auto Writer", EV_META);
	CHECK(m.nauthors == 1);
	CHECK_STR(m.authors[0], "TOM KRISHER");
	reset();
	authors("By Joon Kim, Reuters", EV_TEXT);
	CHECK(m.nauthors == 1);
	reset();
	authors("jane@example.com", EV_TEXT);
	CHECK(m.nauthors == 0);
	authors("Syrian defense ministries said on Monday", EV_TEXT);
	CHECK(m.nauthors == 0);
	/* a weaker source does not replace a stronger one */
	authors("Ana María López", EV_JSONLD);
	authors("Someone Else", EV_TEXT);
	CHECK_STR(m.authors[0], "Ana María López");
	reset();

	/* surnames */
	CHECK(meta_is_cjk_name("胡平", 6));
	CHECK(meta_is_cjk_name("欧阳修文", 12));
	CHECK(!meta_is_cjk_name("相关阅读", 12));
	CHECK(!meta_is_cjk_name("茉", 3));
	CHECK(!meta_is_cjk_name("Jane", 4));

	/* labelled lines */
	const char *l = "2025/06/06 来自: 医务部 作者: 刘湘梅 王睿 浏览:519";
	CHECK(meta_read_line(ctx, &m, l, strlen(l), EV_TEXT) >= 3);
	CHECK(m.nauthors == 2);
	CHECK_STR(m.source.value, "医务部");
	CHECK(m.views == 519);
	CHECK(m.date.year == 2025 && m.date.month == 6 && m.date.day == 6);
	reset();
	l = "记者 张明 通讯员 李华";
	meta_read_line(ctx, &m, l, strlen(l), EV_TEXT);
	CHECK(m.nauthors == 2);
	reset();
	l = "成文日期： 2022年01月27日";
	meta_read_line(ctx, &m, l, strlen(l), EV_TEXT);
	CHECK(m.date_strength == EV_JSONLD && m.date.day == 27);
	reset();

	/* posters of forum and blog entries */
	l = "本贴由大卫于2005年8月12日16:12:21在〖心灵体操〗发表";
	CHECK(meta_read_poster(&m, l, strlen(l), EV_TEXT));
	CHECK_STR(m.authors[0], "大卫");
	reset();
	l = "由海姑娘张贴 @ 2005-06-14 03:25:55 (370)";
	CHECK(meta_read_poster(&m, l, strlen(l), EV_TEXT));
	CHECK_STR(m.authors[0], "海姑娘");
	reset();
	l = "自由行攻略";
	CHECK(!meta_read_poster(&m, l, strlen(l), EV_TEXT));
	reset();
	pith_ctx_free(ctx);
	UNIT_DONE("meta_test");
}
