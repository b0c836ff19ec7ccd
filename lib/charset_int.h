/* Internals of the decode stage shared by lib/charset*.c: the table of
 * encodings, the label table and prescan, the plausibility scorer and the
 * mojibake repair. Not installed. */
#ifndef PITH_CHARSET_INT_H
#define PITH_CHARSET_INT_H

#include <iconv.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

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
	const char *pname; /* reported instead of name when alt was not needed */
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

/* The per-context state behind the opaque charset_ctx of charset.h. */
struct cs_rev;
struct charset_ctx {
	void *ud;              /* uchardet_t */
	struct cs_model *model;
	iconv_t *cd, *alt;     /* per cs_encs entry, opened on first use */
	pbuf tmp;              /* trial decodings of the detector */
	pbuf fix[2], bytes;    /* the repair's passes */
	struct cs_rev *rev;    /* the repair's encoders, made on first use */
};

/* Conversion of len bytes with cs_encs[e] into UTF-8 appended to out;
 * returns the count of bytes that became U+FFFD, and sets *alt_used when
 * the alternate decoder was needed. (charset.c) */
size_t cs_convert(struct charset_ctx *cc, int e, const char *in, size_t len, pbuf *out,
		  int *alt_used);
/* Length of the longest valid UTF-8 prefix of s (charset.c). */
size_t cs_valid_prefix(const char *s, size_t len);
/* The encoding detection finds for undeclared bytes (charset.c). */
int cs_detect_bytes(struct charset_ctx *cc, const char *s, size_t len);

/* Mojibake repair of valid UTF-8 text (charset_repair.c): returns 1 with the
 * repaired text in *out (owned by cc, valid until its next use) and a
 * description in what; 0 when there is nothing (safe) to repair. */
int cs_repair(struct charset_ctx *cc, const char *s, size_t len, const char **out,
	      size_t *outlen, char *what, size_t whatlen);

#endif
