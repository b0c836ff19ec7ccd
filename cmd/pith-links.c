/* pith-links: related-article lists and previous/next links. */
#include "common.h"

int main(int argc, char **argv)
{
	static const struct tool t = {
		.name = "pith-links",
		.summary = "Add \"related\", \"prev\" and \"next\" to each record.",
		.stages = PITH_STAGE_LINKS,
		.keeps_source = true,
		.is_decode = false,
		.is_pith = false,
		.text_format = PITH_FORMAT_SUMMARY,
	};
	return tool_main(&t, argc, argv);
}
