/* pith-decode: stage 1, raw page bytes to UTF-8 records. */
#include "common.h"

int main(int argc, char **argv)
{
	static const struct tool t = {
		.name = "pith-decode",
		.summary = "Decode pages in any charset to UTF-8 records with \"html\" or \"text\" and \"charset\".",
		.stages = PITH_STAGE_DECODE,
		.keeps_source = true,
		.is_decode = true,
		.is_pith = false,
		.text_format = PITH_FORMAT_TEXT,
	};
	return tool_main(&t, argc, argv);
}
