/* Line classification of text dumps (lib/strip_text.c): each case is a
 * small dump and the label some of its lines must get. */
#include <string.h>

#include "markdown.h"
#include "page.h"
#include "textutil.h"
#include "unit.h"

static pith_ctx *ctx;

/* The label of the first block whose text starts with `line`. */
static int label_of(const struct page *pg, const char *line)
{
	for (size_t i = 0; i < pg->nb; i++)
		if (!strncmp(block_text(pg, &pg->b[i]), line, strlen(line)))
			return pg->b[i].label;
	return -1;
}

static struct page *run(pith_doc **doc, const char *text)
{
	if (pith_doc_from_bytes(ctx, text, strlen(text), "text/plain", NULL, doc) != PITH_OK)
		return NULL;
	pith_doc_run(ctx, *doc, PITH_STAGE_STRIP);
	return (*doc)->page;
}

static const char news[] =
	"首页 | 新闻 | 专题 | 登录\n\n"
	"当前位置：首页 > 新闻\n\n"
	"市图书馆夜间开放时间延长至晚十点\n\n"
	"发布时间：2025-05-18 09:30  来源：市文化局  作者：林晓\n\n"
	"分享到：微信 微博\n\n"
	"为方便市民读书学习，市图书馆自6月1日起将夜间开放时间延长至晚上十点，周末照常开放。\n\n"
	"图书馆负责人介绍，延时开放期间，自习区、少儿阅览区和报刊阅览区均正常开放，并增加了安保和保洁人员。\n\n"
	"编辑：陈方\n\n"
	"上一篇：市博物馆推出夏季特展\n"
	"下一篇：全民阅读月活动启动\n\n"
	"相关阅读\n"
	"  • 市图书馆新增自助借还设备\n"
	"  • 社区书屋覆盖全部街道\n\n"
	"版权所有 © 市文化局 备案号：某ICP备12345678号\n";

static const char english[] =
	"Skip to main content\n"
	"  • News\n  • Sport\n  • Weather\n  • Business\n\n"
	"Harbour bridge reopens after repairs\n\n"
	"By Ana Lima\n"
	"June 6, 2025\n\n"
	"The harbour bridge reopened on Friday after eight weeks of repairs to its deck,\n"
	"the city said, and traffic was light in the morning.\n\n"
	"Officials said the tolls would stay the same and that the cycle lane would open\n"
	"again next month, once the paint has dried.\n\n"
	"3 Comments\n\n"
	"jo on June 6, 2025 at 9:00 am said:\n"
	"About time, it has been closed for ages and the ferry queue was awful.\n\n"
	"© 2025 Coast Daily. All rights reserved.\n";

static const char notice[] =
	"关于做好端午节假期安全工作的通知\n\n"
	"各单位：\n\n"
	"端午节假期将至，为确保节日期间安全稳定，现就有关事项通知如下：\n\n"
	"一、加强值班值守\n"
	"二、开展安全检查\n"
	"三、做好应急准备\n\n"
	"联系人：王明\n\n"
	"办公室\n\n"
	"2025年5月26日\n";

/* a dateline under the headline; an inline card (headline said twice);
 * cards after the article */
static const char cards[] =
	"Port strike ends after two weeks of talks\n\n"
	"Reuters November 18, 2019 11:03 PM\n\n"
	"Dock workers voted on Tuesday to accept a new contract, ending a strike that had "
	"left dozens of container ships waiting outside the harbour for two weeks.\n\n"
	"The port authority said the first ships would dock on Wednesday morning, and that "
	"it would take about a month to clear the queue at anchor.\n\n"
	"Shipping lines warn of months of delays\n"
	"Shipping lines warn of months of delays\n\n"
	"The deal raises wages by nine percent over three years and limits the use of "
	"automated cranes at the two oldest terminals, the union said in a statement.\n\n"
	"Members approved it by a wide margin, though several speakers at the meeting "
	"said the limits on automation did not go far enough.\n\n"
	"Ferry fares to rise in June\n\n"
	"Ferry fares to rise in June\n\n"
	"TRANSPORT\n\n"
	"The operator says higher fuel costs leave it no choice, and that season tickets "
	"will be frozen for one more year to soften the blow for commuters.\n\n"
	"New cycle path opens along the old railway\n\n"
	"New cycle path opens along the old railway\n\n"
	"LOCAL\n\n"
	"The eight-mile path links three villages and was paid for by a mix of lottery "
	"money, council funds and donations from the people who use it.\n";

/* an article that is a schedule of short data lines, a tags line and
 * a keyword list under it, then a sidebar of teasers */
static const char schedule[] =
	"Regional rail timetable for 2025\n\n"
	"Monday, 6 January 2025 at 09:15\n\n"
	"Share this on WhatsApp\n\n"
	"Stage 1: 10 March – Northgate to Riverside\n"
	"Stage 2: 8 April – Riverside to Old Harbour\n"
	"Stage 3: 22 April – Old Harbour to Millbrook\n"
	"Stage 4: 6 May – Millbrook to Eastfield\n"
	"Stage 5: 20 May – Eastfield to Northgate\n\n"
	"Tags\n\n"
	"rail timetable, regional rail, northgate line, riverside line, harbour line\n\n"
	"Click the picture above to see every timetable for the season, with the times "
	"of the first and the last train of each day.\n\n"
	"Click here and find out how the new ticket prices compare with last year, line "
	"by line and zone by zone, for every kind of pass.\n";

/* an article cut by a box of related headlines, then going on */
static const char boxed[] =
	"Council approves new library\n\n"
	"By Tom Reyes\n\n"
	"The city council approved plans for a new central library on Monday, after "
	"three years of debate over its cost and where it should stand.\n\n"
	"The building will replace the old library on Station Road, which has been "
	"closed since a flood damaged its basement archive last winter.\n\n"
	"More from Local\n"
	"  * Bus lanes extended on the ring road\n"
	"  * School meals to cost more from April\n"
	"  * Market square to close for repairs\n\n"
	"Construction is due to start next spring and take about two years, the "
	"council said, with the archive moving to a temporary home meanwhile.\n\n"
	"Residents will be asked to vote on the library's name in the summer, from a "
	"list of five proposals put forward by local schools.\n";

/* md_unmark on one text; the result as a string. */
static const char *unmark(const char *md)
{
	static pbuf out = PBUF_INIT;
	pbuf_reset(&out);
	md_unmark(md, strlen(md), &out);
	return pbuf_cstr(&out);
}

static void markdown(void)
{
	CHECK_STR(unmark("Read [the report](https://x.org/a_(b)) today."), "Read the report today.");
	CHECK_STR(unmark("![](https://x.org/a.png)"), "");
	CHECK_STR(unmark("![A seal pup](a.png) rests"), "[A seal pup] rests");
	CHECK_STR(unmark("[![](logo.png)](/) Home"), " Home");
	CHECK_STR(unmark("## The plan\n> quoted"), "The plan\nquoted");
	CHECK_STR(unmark("**Bold** and _em_ and snake_case"), "Bold and em and snake_case");
	CHECK_STR(unmark("  * [News](/news)\n  * [Sport](/sport)"), "  * News\n  * Sport");
	CHECK_STR(unmark("1\\. First"), "1. First");
	/* a link wrapped over two lines by the dumper */
	CHECK_STR(unmark("see [the full\nstory](https://x.org/s) now"), "see the full story now");
	CHECK_STR(unmark("a [bracket] (aside) stays"), "a [bracket] (aside) stays");
	size_t ub, ue;
	const char *page = "* [Ferry fares](/ferry \"Ferry\")\n* [New path](https://x.org/p)";
	CHECK(md_link_url(page, strlen(page), "New path", 8, &ub, &ue) &&
	      !strncmp(page + ub, "https://x.org/p", ue - ub) && ue - ub == 15);
	CHECK(md_link_url(page, strlen(page), "Ferry fares", 11, &ub, &ue) && ue - ub == 6);
	CHECK(!md_link_url(page, strlen(page), "Ferry", 5, &ub, &ue));
	/* lynx's references */
	const char *ly = "   * [1]Home [2]News [3]Sport [4]Weather\n"
			 "The council met on [5]Monday, and agreed.\n"
			 "   * [6]Ferry fares rise\n   * [7]New cycle path\n   * [8]Library\n\n"
			 "References\n\n   1. https://x.org/\n   6. https://x.org/ferry\n"
			 "   7. https://x.org/path\n";
	CHECK(lynx_is_refs(ly, strlen(ly)));
	pbuf lo = PBUF_INIT, ll = PBUF_INIT;
	lynx_unmark_links(ly, strlen(ly), &lo, &ll);
	CHECK(!strncmp(pbuf_cstr(&lo), "   * Home News Sport Weather\nThe council met on Monday, and",
		       58));
	const uint32_t *per = (const uint32_t *)(void *)ll.p;
	CHECK(ll.len >= 2 * sizeof *per && per[0] == 20 && per[1] == 6);
	pbuf_free(&lo);
	pbuf_free(&ll);
	CHECK(lynx_link_url(ly, strlen(ly), "Ferry fares rise", 16, &ub, &ue) &&
	      !strncmp(ly + ub, "https://x.org/ferry", ue - ub));
	CHECK(!lynx_link_url(ly, strlen(ly), "Library", 7, &ub, &ue));
	const char *links = "[a](1) [b](2) [c](3) [d](4) [e](5) [f](6) [g](7)";
	CHECK(!md_is_dump(links, strlen(links)));
	const char *more = "[a](1) [b](2) [c](3) [d](4) [e](5) [f](6) [g](7) [h](8)";
	CHECK(md_is_dump(more, strlen(more)));
}

int main(void)
{
	markdown();
	/* datelines: a date to the day with a few words at most */
	pdate d;
	static const char *const datelines[] = {
		"Reuters November 18, 2019 11:03 PM", "Nov 18, 2019 at 9:24 pm ET • 2 min read",
		"By Tess Bonn - 2019-11-19 06:56", "2025年6月6日 来源：本站"};
	for (size_t i = 0; i < sizeof datelines / sizeof *datelines; i++)
		CHECK(text_is_dateline(datelines[i], strlen(datelines[i]), 1, 0, &d));
	static const char *const not_datelines[] = {
		"November 2019", "Dock workers voted on 18 November 2019 to accept a new contract that "
				 "ends a strike of two weeks in the harbour",
		"Harbour seals return"};
	for (size_t i = 0; i < sizeof not_datelines / sizeof *not_datelines; i++)
		CHECK(!text_is_dateline(not_datelines[i], strlen(not_datelines[i]), 1, 0, &d));

	ctx = pith_ctx_new(NULL);
	pith_doc *doc = NULL;
	struct page *pg = run(&doc, news);
	CHECK(pg != NULL);
	if (pg) {
		CHECK(label_of(pg, "首页 | 新闻") == LB_BOILER);
		CHECK(label_of(pg, "市图书馆夜间开放时间") == LB_TITLE);
		CHECK(label_of(pg, "发布时间") == LB_META);
		CHECK(label_of(pg, "分享到") == LB_BOILER);
		CHECK(label_of(pg, "为方便市民读书学习") == LB_BODY);
		CHECK(label_of(pg, "图书馆负责人介绍") == LB_BODY);
		CHECK(label_of(pg, "编辑：陈方") == LB_META);
		CHECK(label_of(pg, "上一篇") == LB_PREVNEXT);
		CHECK(label_of(pg, "下一篇") == LB_PREVNEXT);
		CHECK(label_of(pg, "相关阅读") == LB_RELATED);
		CHECK(label_of(pg, "• 市图书馆新增自助借还设备") == LB_RELATED);
		CHECK(label_of(pg, "版权所有") == LB_BOILER);
	}
	pith_doc_free(doc);

	pg = run(&doc, english);
	CHECK(pg != NULL);
	if (pg) {
		CHECK(label_of(pg, "• News") == LB_BOILER);
		CHECK(label_of(pg, "Harbour bridge reopens") == LB_TITLE);
		CHECK(label_of(pg, "By Ana Lima") == LB_META);
		/* the wrapped paragraph is one block, and it is the article */
		CHECK(label_of(pg, "The harbour bridge reopened") == LB_BODY);
		CHECK(label_of(pg, "Officials said the tolls") == LB_BODY);
		CHECK(label_of(pg, "3 Comments") != LB_BODY);
		CHECK(label_of(pg, "About time, it has been closed") != LB_BODY);
		CHECK(label_of(pg, "© 2025") == LB_BOILER);
		size_t wrapped = 0;
		for (size_t i = 0; i < pg->nb; i++)
			if (strstr(block_text(pg, &pg->b[i]), "deck, the city said"))
				wrapped++;
		CHECK(wrapped == 1);
	}
	pith_doc_free(doc);

	/* an all-body notice: its short parts and signature are body */
	pg = run(&doc, notice);
	CHECK(pg != NULL);
	if (pg) {
		CHECK(label_of(pg, "关于做好端午节") == LB_TITLE);
		CHECK(label_of(pg, "各单位：") == LB_BODY);
		CHECK(label_of(pg, "一、加强值班值守") == LB_BODY);
		CHECK(label_of(pg, "三、做好应急准备") == LB_BODY);
		CHECK(label_of(pg, "2025年5月26日") == LB_BODY);
	}
	pith_doc_free(doc);

	pg = run(&doc, cards);
	CHECK(pg != NULL);
	if (pg) {
		CHECK(label_of(pg, "Port strike ends") == LB_TITLE);
		CHECK(label_of(pg, "Reuters November 18") != LB_BODY);
		CHECK(label_of(pg, "Dock workers voted") == LB_BODY);
		CHECK(label_of(pg, "Shipping lines warn") != LB_BODY);
		CHECK(label_of(pg, "The deal raises wages") == LB_BODY);
		CHECK(label_of(pg, "Members approved it") == LB_BODY);
		CHECK(label_of(pg, "Ferry fares") != LB_BODY);
		CHECK(label_of(pg, "The operator says") != LB_BODY);
		CHECK(label_of(pg, "The eight-mile path") != LB_BODY);
	}
	pith_doc_free(doc);

	pg = run(&doc, schedule);
	CHECK(pg != NULL);
	if (pg) {
		CHECK(label_of(pg, "Regional rail timetable") == LB_TITLE);
		CHECK(label_of(pg, "Stage 1: 10 March") == LB_BODY);
		CHECK(label_of(pg, "Stage 5: 20 May") == LB_BODY);
		CHECK(label_of(pg, "rail timetable, regional rail") != LB_BODY);
		CHECK(label_of(pg, "Click the picture above") != LB_BODY);
	}
	pith_doc_free(doc);

	pg = run(&doc, boxed);
	CHECK(pg != NULL);
	if (pg) {
		CHECK(label_of(pg, "The city council approved") == LB_BODY);
		CHECK(label_of(pg, "More from Local") == LB_RELATED);
		CHECK(label_of(pg, "* Bus lanes extended") == LB_RELATED);
		CHECK(label_of(pg, "Construction is due") == LB_BODY);
		CHECK(label_of(pg, "Residents will be asked") == LB_BODY);
	}
	pith_doc_free(doc);
	pith_ctx_free(ctx);
	UNIT_DONE("dump");
}
