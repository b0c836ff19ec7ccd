/* Mojibake repair. */
#include "charset.h"
#include "charset_int.h"

int cs_repair(struct charset_ctx *cc, const char *s, size_t len, char **out,
	      size_t *outlen, char *what, size_t whatlen)
{
	return 0;
}
