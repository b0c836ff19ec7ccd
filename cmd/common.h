/* What every pith tool shares: options, input walking, the record loop,
 * progress and exit codes. Each cmd/pith-*.c only describes itself. */
#ifndef PITH_CMD_COMMON_H
#define PITH_CMD_COMMON_H

#include <stdbool.h>

#include "pith.h"

/* Exit codes, as DESIGN.md and the man pages state them. */
enum tool_exit {
	TOOL_OK = 0,       /* every record processed */
	TOOL_SOME_ERR = 1, /* some records carry an "error" */
	TOOL_USAGE = 2,    /* usage error, or no input could be read */
};

struct tool {
	const char *name;     /* "pith-decode" */
	const char *summary;  /* one line for --help */
	unsigned stages;      /* PITH_STAGE_* run on each record */
	bool keeps_source;    /* output keeps "html"/"text" unless --drop-source */
	bool is_decode;       /* offers --detect and --no-repair */
	bool is_pith;         /* offers -j and the batch options */
	pith_format text_format; /* what -f text prints */
};

int tool_main(const struct tool *t, int argc, char **argv);

#endif
