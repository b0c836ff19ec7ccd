/* Internals of the decode stage shared by lib/charset*.c: the table of
 * encodings, the label table and prescan, the plausibility scorer and the
 * mojibake repair. Not installed. */
#ifndef PITH_CHARSET_INT_H
#define PITH_CHARSET_INT_H

#include <stddef.h>
#include <stdint.h>

/* How an encoding's bytes are laid out. */
enum cs_kind {
	CS_UTF8,
	CS_UTF16LE,
	CS_UTF16BE,
	CS_UTF32LE,
	CS_UTF32BE,
	CS_SB,       /* single byte, ASCII-compatible */
	CS_MB,       /* multi-byte, ASCII-compatible (GBK, Big5, EUC…) */
	CS_7BIT      /* stateful 7-bit (ISO-2022-*) */
};

/* The script an encoding is made for: what its text should look like. */
enum cs_script {
	SC_ANY, SC_LATIN, SC_CYR, SC_GREEK, SC_HEB, SC_ARAB, SC_THAI, SC_VIET,
	SC_GEO, SC_ZHS, SC_ZHT, SC_JA, SC_KO
};

/* One decoder. name is what info->used reports: the WHATWG name in lower
 * case, except where glibc's decoder of that name differs from the WHATWG
 * one (WHATWG shift_jis and euc-kr are Microsoft's cp932 and cp949). alt
 * is an iconv decoder tried for one character where the primary fails
 * (Big5 → Big5-HKSCS); alt_name is then reported. */
struct cs_enc {
	const char *name;
	const char *iconv;
	const char *alt;
	const char *alt_name;
	unsigned char kind;
	unsigned char script;
};

extern const struct cs_enc cs_encs[];
extern const int cs_nencs;

/* Index into cs_encs of the decoder for an encoding name (as above, or
 * a WHATWG name: "gbk" gives gb18030's), or -1. */
int cs_enc_index(const char *name);
/* The encoding a label names (WHATWG label rules): its WHATWG name
 * ("gbk" for "GB2312"), or our name for the non-WHATWG ones; NULL when
 * unknown. */
const char *cs_label_name(const char *label, size_t len);
/* Index of the decoder for a label, or -1. */
int cs_label_index(const char *label, size_t len);
/* The encoding named by the charset parameter of a Content-Type value
 * (as cs_label_name), or NULL. */
const char *cs_content_type(const char *ct);
/* Prescan of the first bytes for <meta charset>, <meta http-equiv> and
 * <?xml encoding?>: the declared encoding (as cs_label_name), or NULL. */
const char *cs_prescan(const char *s, size_t len);

/* The detector's facts (charset_score.c): built once per context. */
struct cs_model;
struct cs_model *cs_model_new(void);
void cs_model_free(struct cs_model *m);
/* Plausibility of a trial decoding (UTF-8) as text of the given script
 * (enum cs_script): a sum over its non-ASCII characters, about +1.5 for
 * each letter that fits and -3 to -8 for each that does not. */
double cs_score(const struct cs_model *m, const char *s, size_t len, int script);

/* Mojibake repair (charset_repair.c). */
struct charset_ctx;
int cs_repair(struct charset_ctx *cc, const char *s, size_t len, char **out,
	      size_t *outlen, char *what, size_t whatlen);

/* Conversion of len bytes with cs_encs[e] into UTF-8 appended to out (a
 * pbuf); returns the count of bytes that became U+FFFD, and sets *alt_used
 * when the alternate decoder was needed. (charset.c) */
struct pbuf;
size_t cs_convert(struct charset_ctx *cc, int e, const char *in, size_t len,
		  struct pbuf *out, int *alt_used);

/* A per-context scratch buffer (charset.c): valid until the next call. */
struct pbuf *cs_scratch(struct charset_ctx *cc, int which);

#endif
