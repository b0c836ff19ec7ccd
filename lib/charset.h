/* Charset evidence, detection, conversion to UTF-8 and mojibake repair:
 * the decode stage's logic (pith-decode). */
#ifndef PITH_CHARSET_H
#define PITH_CHARSET_H

#include <stddef.h>

#include "buf.h"
#include "pith.h"

/* What decode learned about one page; names are WHATWG encoding names in
 * lower case ("gbk", "windows-1252", "utf-8", "utf-16le"…). `used` names
 * the decoder exactly, as iconv and Python know it: the WHATWG name, but
 * "gb18030" for gbk, "cp932" for shift_jis and "cp949" for euc-kr (what
 * WHATWG's decoders are), "big5-hkscs", "euc-jisx0213" or
 * "shift_jisx0213" when the text needed those extensions, and the iconv
 * name of encodings WHATWG lacks that detection can find ("utf-32le",
 * "ibm855", "johab", "euc-tw"…). */
typedef struct charset_info {
	char declared[40];    /* as declared (BOM, header or meta), mapped; "" when none */
	char declared_by[8];  /* "bom", "header", "meta" or "" */
	char detected[40];    /* the detector's answer when it ran, else "" */
	char used[40];        /* what the bytes were decoded as */
	char repaired[64];    /* e.g. "utf-8 read as windows-1252"; "" when no repair */
	size_t invalid_bytes; /* bytes that became U+FFFD */
} charset_info;

/* Per-context state of the detector (reused buffers, the uchardet handle). */
typedef struct charset_ctx charset_ctx;
charset_ctx *charset_ctx_new(void);
void charset_ctx_free(charset_ctx *cc);

/* Decodes in[0..len) into valid UTF-8 appended to out, following the order
 * of evidence BOM > content_type charset > <meta> prescan > detection, each
 * declaration checked against the bytes. no_repair turns off mojibake
 * repair. Never fails on bad bytes (they become U+FFFD, counted); returns
 * PITH_ERR_NOMEM or PITH_ERR_CHARSET only when it cannot produce output. */
pith_status charset_decode(charset_ctx *cc, const char *in, size_t len,
			   const char *content_type, int no_repair, pbuf *out,
			   charset_info *info);

/* The encoding charset_decode() would use (its info->used), without
 * converting (but for telling big5 from big5-hkscs and the like, which
 * takes a conversion); a static string. */
const char *charset_detect(charset_ctx *cc, const char *in, size_t len,
			   const char *content_type);

/* Mojibake repair of text that is already UTF-8: when s reads as UTF-8 (or
 * GBK, Big5, Shift_JIS, cp1251…) bytes decoded with the wrong single-byte
 * charset and the repair is unambiguous, writes the repaired text to out,
 * a description to what (e.g. "utf-8 read as windows-1252") and returns 1;
 * else returns 0 and leaves out alone. */
int charset_repair(charset_ctx *cc, const char *s, size_t len, pbuf *out,
		   char *what, size_t whatlen);

/* The WHATWG encoding for a label ("GB2312" → "gbk", "latin1" →
 * "windows-1252"), or NULL for an unknown label. */
const char *charset_from_label(const char *label, size_t len);

#endif
