/* pith-strip: the article body of each record. */
#include "common.h"

int main(int argc, char **argv)
{
	static const struct tool t = {
		.name = "pith-strip",
		.summary = "Add \"body\", the article text, to each record.",
		.stages = PITH_STAGE_STRIP,
		.keeps_source = true,
		.is_decode = false,
		.is_pith = false,
		.text_format = PITH_FORMAT_TEXT,
	};
	return tool_main(&t, argc, argv);
}
