/* pith-clean: normalised body and title text. */
#include "common.h"

int main(int argc, char **argv)
{
	static const struct tool t = {
		.name = "pith-clean",
		.summary = "Normalise \"body\" and \"title\": white space, invisible characters, duplicate and spam lines.",
		.stages = PITH_STAGE_CLEAN,
		.keeps_source = true,
		.is_decode = false,
		.is_pith = false,
		.text_format = PITH_FORMAT_TEXT,
	};
	return tool_main(&t, argc, argv);
}
