/* pith-meta: title, date, authors, source and the other metadata. */
#include "common.h"

int main(int argc, char **argv)
{
	static const struct tool t = {
		.name = "pith-meta",
		.summary = "Add title, date, authors, source, site, editor, lang, url, description to each record.",
		.stages = PITH_STAGE_META,
		.keeps_source = true,
		.is_decode = false,
		.is_pith = false,
		.text_format = PITH_FORMAT_SUMMARY,
	};
	return tool_main(&t, argc, argv);
}
