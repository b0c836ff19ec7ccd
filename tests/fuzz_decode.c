/* libFuzzer harness: the charset decoder (pith_doc_from_bytes, then
 * PITH_STAGE_DECODE), and pith_detect_charset on the same bytes.
 *   byte 0  the HTTP Content-Type given with the page (table below)
 *   byte 1  bit 0: PITH_OPT_NO_REPAIR; bit 1: a JSON record {"html": …}
 *           instead of bytes (the mojibake repair of UTF-8 records);
 *           bit 2: max_page_bytes 100 (the cut page)
 * Checks: the decoded page is valid UTF-8 and NUL-terminated; the record
 * is valid and its "charset" object complete; a failure is in "error";
 * the detected charset is a lower-case name. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Declared charsets, right, wrong, unknown and hostile to iconv. */
static const char *const ctypes[] = {
	NULL,
	"text/html",
	"text/html; charset=utf-8",
	"text/html; charset=gbk",
	"text/html; charset=gb2312",
	"text/html; charset=gb18030",
	"text/html; charset=big5",
	"text/html; charset=shift_jis",
	"text/html; charset=euc-jp",
	"text/html; charset=iso-2022-jp",
	"text/html; charset=euc-kr",
	"text/html; charset=windows-1251",
	"text/html; charset=koi8-r",
	"text/html; charset=iso-8859-1",
	"text/html; charset=windows-1252",
	"text/html; charset=tis-620",
	"text/html; charset=utf-16",
	"text/html; charset=utf-16be",
	"text/html; charset=utf-16le",
	"text/html; charset=utf-32",
	"text/html; charset=utf-7",
	"text/html; charset=hz-gb-2312",
	"text/html; charset=x-user-defined",
	"text/html; charset=replacement",
	"text/html; charset=x-bogus-charset",
	"text/html; charset=\"UTF-8\"",
	"text/html; charset=",
	"text/html; charset",
	"text/html;;;charset==gbk;charset=big5",
	"text/plain",
	"text/plain; charset=gbk",
	"application/octet-stream",
};
#define NCTYPES (sizeof ctypes / sizeof *ctypes)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	const char *ct = ctypes[data[0] % NCTYPES];
	unsigned o = data[1];
	data += 2;
	size -= 2;
	pith_options opt;
	pith_options_init(&opt);
	opt.flags |= PITH_OPT_NO_SITE_MEMORY;
	if (o & 1)
		opt.flags |= PITH_OPT_NO_REPAIR;
	if (o & 4)
		opt.max_page_bytes = 100;
	pith_ctx *ctx = fz_ctx(o & 5, &opt);

	const char *cs = pith_detect_charset(ctx, (const char *)data, size, ct);
	FZ_ASSERT(cs && *cs, "a charset name", NULL, 0);
	for (const char *c = cs; *c; c++)
		FZ_ASSERT(!(*c >= 'A' && *c <= 'Z'), "lower case", cs, strlen(cs));

	pith_doc *doc = NULL;
	pith_status st;
	if (o & 2) {
		json_t *rec = json_object();
		json_object_set_new(rec, "html", fz_json_string(data, size));
		char *line = json_dumps(rec, JSON_COMPACT);
		json_decref(rec);
		st = pith_doc_from_json(ctx, line, strlen(line), &doc);
		free(line);
	} else {
		st = pith_doc_from_bytes(ctx, (const char *)data, size, ct, "http://example.com/a",
					 &doc);
	}
	FZ_ASSERT(st == PITH_OK && doc, "document made", NULL, 0);
	st = pith_doc_run(ctx, doc, PITH_STAGE_DECODE);
	fz_check_status(doc, st);
	char *line;
	size_t len;
	fz_check_doc(ctx, doc, 1, &line, &len);
	json_t *r = json_loadb(line, len, JSON_ALLOW_NUL, NULL);
	json_t *info = json_object_get(r, "charset");
	if (st == PITH_OK && !(o & 2)) {
		/* bytes decoded: every part of the report is there */
		FZ_ASSERT(json_is_object(info), "charset reported", line, len);
		FZ_ASSERT(json_is_string(json_object_get(info, "used")), "charset.used", line, len);
		json_t *bad = json_object_get(info, "invalid_bytes");
		FZ_ASSERT(json_is_integer(bad) && json_integer_value(bad) >= 0 &&
				  (size_t)json_integer_value(bad) <= size,
			  "charset.invalid_bytes", line, len);
		size_t n;
		FZ_ASSERT(pith_doc_source(doc, &n, NULL) != NULL, "a decoded page", line, len);
	}
	json_decref(r);
	free(line);
	pith_doc_free(doc);
	return 0;
}
