/* pith: every stage in one process, the fast path for batches. */
#include "common.h"

int main(int argc, char **argv)
{
	static const struct tool t = {
		.name = "pith",
		.summary = "Decode, strip, meta, links and clean pages into JSON Lines records.",
		.stages = PITH_STAGE_ALL,
		.keeps_source = false,
		.is_decode = true,
		.is_pith = true,
		.text_format = PITH_FORMAT_TEXT,
	};
	return tool_main(&t, argc, argv);
}
