/* The decode stage: which charset the bytes are in (BOM, declarations
 * checked against the bytes, detection), conversion to UTF-8 with iconv,
 * and the call to mojibake repair. */
#include "charset.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <uchardet/uchardet.h>

#include "charset_int.h"
#include "utf8.h"

/* Detection reads at most this much: enough text to decide, and the
 * cost stays flat on megabyte pages. */
#define SAMPLE_MAX (64 * 1024)

#define CD_NONE ((iconv_t)0)
#define CD_FAIL ((iconv_t)-1)

charset_ctx *charset_ctx_new(void)
{
	charset_ctx *cc = calloc(1, sizeof *cc);
	if (!cc)
		return NULL;
	cc->cd = calloc((size_t)cs_nencs, sizeof *cc->cd);
	cc->alt = calloc((size_t)cs_nencs, sizeof *cc->alt);
	cc->ud = uchardet_new();
	cc->model = cs_model_new();
	if (!cc->cd || !cc->alt || !cc->ud || !cc->model) {
		charset_ctx_free(cc);
		return NULL;
	}
	return cc;
}

void charset_ctx_free(charset_ctx *cc)
{
	if (!cc)
		return;
	for (int i = 0; cc->cd && i < cs_nencs; i++)
		if (cc->cd[i] != CD_NONE && cc->cd[i] != CD_FAIL)
			iconv_close(cc->cd[i]);
	for (int i = 0; cc->alt && i < cs_nencs; i++)
		if (cc->alt[i] != CD_NONE && cc->alt[i] != CD_FAIL)
			iconv_close(cc->alt[i]);
	free(cc->cd);
	free(cc->alt);
	if (cc->ud)
		uchardet_delete(cc->ud);
	cs_model_free(cc->model);
	pbuf_free(&cc->tmp);
	pbuf_free(&cc->fix[0]);
	pbuf_free(&cc->fix[1]);
	pbuf_free(&cc->bytes);
	free(cc->rev);
	free(cc);
}

const char *charset_from_label(const char *label, size_t len)
{
	return label ? cs_label_name(label, len) : NULL;
}

/* ---- Conversion -------------------------------------------------------- */

static iconv_t get_cd(iconv_t *slot, const char *name)
{
	if (*slot == CD_NONE)
		*slot = name ? iconv_open("UTF-8", name) : CD_FAIL;
	return *slot;
}

static const char repl[3] = {'\xEF', '\xBF', '\xBD'};

/* Length of the longest valid UTF-8 prefix of s: utf8.c's u8_valid_prefix
 * with the sequence checks inline, since decode spends its time here on
 * UTF-8 pages (CJK text is all multi-byte). */
size_t cs_valid_prefix(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		if (u[i] < 0x80) {
			while (i + 8 <= len) {
				uint64_t w;
				memcpy(&w, u + i, 8);
				if (w & 0x8080808080808080ull)
					break;
				i += 8;
			}
			while (i < len && u[i] < 0x80)
				i++;
			continue;
		}
		unsigned c = u[i];
		if (c >= 0xC2 && c <= 0xDF) {
			if (i + 1 >= len || (u[i + 1] & 0xC0) != 0x80)
				break;
			i += 2;
		} else if (c >= 0xE0 && c <= 0xEF) {
			if (i + 2 >= len || (u[i + 1] & 0xC0) != 0x80 || (u[i + 2] & 0xC0) != 0x80)
				break;
			/* no overlong forms, no surrogates */
			if ((c == 0xE0 && u[i + 1] < 0xA0) || (c == 0xED && u[i + 1] >= 0xA0))
				break;
			i += 3;
		} else if (c >= 0xF0 && c <= 0xF4) {
			if (i + 3 >= len || (u[i + 1] & 0xC0) != 0x80 ||
			    (u[i + 2] & 0xC0) != 0x80 || (u[i + 3] & 0xC0) != 0x80)
				break;
			if ((c == 0xF0 && u[i + 1] < 0x90) || (c == 0xF4 && u[i + 1] >= 0x90))
				break;
			i += 4;
		} else {
			break;
		}
	}
	return i;
}

/* Valid UTF-8 is copied; each byte that starts no valid sequence becomes
 * one U+FFFD. */
static size_t conv_utf8(const char *in, size_t len, pbuf *out)
{
	size_t i = 0, bad = 0;
	while (i < len) {
		size_t n = cs_valid_prefix(in + i, len - i);
		pbuf_add(out, in + i, n);
		i += n;
		if (i < len) {
			pbuf_add(out, repl, 3);
			bad++;
			i++;
		}
	}
	return bad;
}

/* One character of the alternate decoder at in: the bytes it took, or 0. */
static size_t alt_char(iconv_t cd, const char *in, size_t len, pbuf *out)
{
	static const size_t tries[] = {2, 1, 3, 4};
	for (size_t t = 0; t < sizeof tries / sizeof tries[0]; t++) {
		size_t n = tries[t];
		if (n > len)
			continue;
		char buf[32];
		char *ip = (char *)in, *op = buf;
		size_t il = n, ol = sizeof buf;
		iconv(cd, NULL, NULL, NULL, NULL);
		if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 && il == 0 && op > buf) {
			pbuf_add(out, buf, (size_t)(op - buf));
			return n;
		}
	}
	return 0;
}

static size_t convert(charset_ctx *cc, int e, const char *in, size_t len, pbuf *out,
		      int *alt_used, size_t max_bad);

size_t cs_convert(charset_ctx *cc, int e, const char *in, size_t len, pbuf *out,
		  int *alt_used)
{
	return convert(cc, e, in, len, out, alt_used, (size_t)-1);
}

/* cs_convert() that gives up after max_bad undecodable bytes: a trial
 * reading that fails is out at once. */
static size_t convert(charset_ctx *cc, int e, const char *in, size_t len, pbuf *out,
		      int *alt_used, size_t max_bad)
{
	const struct cs_enc *enc = &cs_encs[e];
	if (enc->kind == CS_UTF8)
		return conv_utf8(in, len, out);
	iconv_t cd = get_cd(&cc->cd[e], enc->iconv);
	if (cd == CD_FAIL) {
		/* cannot happen with glibc's converters; keep the text readable */
		return conv_utf8(in, len, out);
	}
	iconv(cd, NULL, NULL, NULL, NULL);
	size_t bad = 0;
	char *ip = (char *)in;
	size_t il = len;
	while (il > 0) {
		if (pbuf_reserve(out, il * 2 + 64))
			return bad;
		char *op = out->p + out->len;
		size_t ol = out->cap - out->len - 1;
		size_t r = iconv(cd, &ip, &il, &op, &ol);
		out->len = (size_t)(op - out->p);
		out->p[out->len] = 0;
		if (r != (size_t)-1 || errno == E2BIG)
			continue;
		/* EILSEQ, or EINVAL for a sequence cut at the end */
		size_t took = 0;
		if (bad >= max_bad)
			return bad + 1;
		if (!il) {
			/* glibc's CP949 (UHC) reports EILSEQ for A2 E8 with both
			 * bytes taken: stepping over one more would run il below
			 * zero and iconv off the end of the input */
			pbuf_add(out, repl, 3);
			bad++;
			break;
		}
		if (enc->alt && errno == EILSEQ) {
			iconv_t ad = get_cd(&cc->alt[e], enc->alt);
			if (ad != CD_FAIL && (took = alt_char(ad, ip, il, out)) > 0)
				*alt_used = 1;
		}
		if (!took) {
			pbuf_add(out, repl, 3);
			bad++;
			took = 1;
			iconv(cd, NULL, NULL, NULL, NULL);
		}
		ip += took;
		il -= took;
	}
	/* flush a stateful decoder */
	if (pbuf_reserve(out, 64) == 0) {
		char *op = out->p + out->len;
		size_t ol = 63;
		iconv(cd, NULL, NULL, &op, &ol);
		out->len = (size_t)(op - out->p);
		out->p[out->len] = 0;
	}
	return bad;
}

/* ---- Evidence ---------------------------------------------------------- */

/* The BOM's encoding and length, or -1. UTF-32LE's BOM starts like
 * UTF-16LE's, so it is tried first. */
static int bom(const char *in, size_t len, size_t *skip)
{
	const unsigned char *u = (const unsigned char *)in;
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		*skip = 3;
		return cs_enc_index("utf-8");
	}
	if (len >= 4 && u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0) {
		*skip = 4;
		return cs_enc_index("utf-32le");
	}
	if (len >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF) {
		*skip = 4;
		return cs_enc_index("utf-32be");
	}
	if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		*skip = 2;
		return cs_enc_index("utf-16le");
	}
	if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		*skip = 2;
		return cs_enc_index("utf-16be");
	}
	*skip = 0;
	return -1;
}

/* What the bytes of the sample look like, counted once. */
struct profile {
	size_t len;       /* sample length */
	size_t high;      /* bytes >= 0x80 */
	size_t u8_seqs;   /* valid UTF-8 multi-byte sequences */
	size_t u8_bad;    /* bytes that start no valid UTF-8 sequence */
	size_t esc;       /* ESC bytes (ISO-2022) */
	size_t ctrl;      /* other C0 controls but NUL: binary data has many */
	size_t nul_even, nul_odd, nul4[4];
	size_t ctl_len;   /* the bytes the last four counts are over */
};

#define CTL_MAX 8192

/* Bits set in w; portable (no popcnt instruction assumed). */
static size_t popcount64(uint64_t w)
{
	w = w - ((w >> 1) & 0x5555555555555555ull);
	w = (w & 0x3333333333333333ull) + ((w >> 2) & 0x3333333333333333ull);
	w = (w + (w >> 4)) & 0x0F0F0F0F0F0F0F0Full;
	return (size_t)((w * 0x0101010101010101ull) >> 56);
}

static void profile(const char *s, size_t len, struct profile *p)
{
	memset(p, 0, sizeof *p);
	p->len = len;
	size_t i = 0;
	while (i < len) {
		size_t n = cs_valid_prefix(s + i, len - i);
		/* count the multi-byte sequences (lead bytes: top bits 11) and
		 * the non-ASCII bytes of the valid run, 8 bytes at a time */
		size_t j = i, end = i + n;
		for (; j + 8 <= end; j += 8) {
			uint64_t w;
			memcpy(&w, s + j, 8);
			uint64_t hi = w & 0x8080808080808080ull;
			if (!hi)
				continue;
			p->high += popcount64(hi);
			p->u8_seqs += popcount64(hi & (w << 1));
		}
		for (; j < end; j++) {
			unsigned char c = (unsigned char)s[j];
			p->u8_seqs += c >= 0xC0;
			p->high += c >= 0x80;
		}
		i = end;
		if (i < len) {
			/* a sequence cut by the end of the sample is not an error */
			size_t rest = len - i;
			unsigned char c = (unsigned char)s[i];
			int need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
			if (need && rest < (size_t)need) {
				size_t k = 1;
				while (k < rest && ((unsigned char)s[i + k] & 0xC0) == 0x80)
					k++;
				if (k == rest) {
					p->high += rest;
					break;
				}
			}
			p->u8_bad++;
			p->high++;
			i++;
		}
	}
	/* controls and NULs: the start tells binary data and UTF-16/32 */
	p->ctl_len = len < CTL_MAX ? len : CTL_MAX;
	for (i = 0; i < p->ctl_len; i++) {
		if (s[i] == 0x1B)
			p->esc++;
		else if (s[i] > 0 && s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' &&
			 s[i] != '\r' && s[i] != '\f')
			p->ctrl++;
		if (s[i] == 0) {
			if (i & 1)
				p->nul_odd++;
			else
				p->nul_even++;
			p->nul4[i & 3]++;
		}
	}
}

static void set_name(char *dst, size_t n, const char *name)
{
	size_t l = strlen(name);
	if (l >= n)
		l = n - 1;
	memcpy(dst, name, l);
	dst[l] = 0;
}

/* UTF-16 or UTF-32 without a BOM, from where the NUL bytes fall. */
static int wide_guess(const struct profile *p)
{
	size_t q = p->ctl_len / 4;
	if (p->ctl_len < 8)
		return -1;
	/* UTF-32: one in four positions is always NUL, and its neighbour mostly */
	if (p->nul4[3] >= q * 9 / 10 && p->nul4[2] >= q / 2 && p->nul4[0] < q / 10)
		return cs_enc_index("utf-32le");
	if (p->nul4[0] >= q * 9 / 10 && p->nul4[1] >= q / 2 && p->nul4[3] < q / 10)
		return cs_enc_index("utf-32be");
	size_t h = p->ctl_len / 2;
	if (p->nul_odd >= h * 2 / 5 && p->nul_even * 20 < h)
		return cs_enc_index("utf-16le");
	if (p->nul_even >= h * 2 / 5 && p->nul_odd * 20 < h)
		return cs_enc_index("utf-16be");
	return -1;
}

/* Whether the sample decoded as e (UTF-16) is nearly all characters of
 * text: letters of living scripts, CJK, punctuation, white space. */
static int wide_text(charset_ctx *cc, const char *s, size_t len, int e)
{
	int alt = 0;
	size_t n = len < 8192 ? len & ~(size_t)1 : 8192, adv, good = 0, all = 0;
	pbuf_reset(&cc->tmp);
	if (convert(cc, e, s, n, &cc->tmp, &alt, 2) > 2 || cc->tmp.oom)
		return 0;
	for (size_t i = 0; i < cc->tmp.len; i += adv) {
		uint32_t c = u8_next(cc->tmp.p + i, cc->tmp.len - i, &adv);
		all++;
		good += (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t' ||
			(c >= 0xA0 && c < 0x2000 && !(c >= 0x250 && c < 0x370)) ||
			(c >= 0x2000 && c < 0x2070) || (c >= 0x3000 && c < 0xA000) ||
			(c >= 0xAC00 && c < 0xD7A4) || (c >= 0xFF00 && c < 0xFFF0);
	}
	return all >= 4 && good * 20 >= all * 19;
}

/* uchardet's answer on the sample, mapped through the label table. */
static int uchardet_guess(charset_ctx *cc, const char *s, size_t len)
{
	uchardet_reset(cc->ud);
	if (uchardet_handle_data(cc->ud, s, len) != 0)
		return -1;
	uchardet_data_end(cc->ud);
	const char *name = uchardet_get_charset(cc->ud);
	if (!name || !*name)
		return -1;
	int e = cs_label_index(name, strlen(name));
	if (e < 0) {
		/* names uchardet gives that are not labels */
		static const char *const extra[][2] = {
			{"ISO-8859-11", "windows-874"}, {"TIS-620", "windows-874"},
			{"MAC-CENTRALEUROPE", "mac-centraleurope"}, {"EUC-TW", "euc-tw"},
			{"VISCII", "viscii"}, {"IBM855", "ibm855"}, {"IBM852", "ibm852"},
			{"IBM865", "ibm865"}, {"IBM862", "ibm862"}, {"CP737", "cp737"},
		};
		for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
			if (strcasecmp(name, extra[i][0]) == 0)
				return cs_enc_index(extra[i][1]);
	}
	return e;
}

struct decision {
	int enc;        /* decoder */
	size_t skip;    /* BOM bytes */
	char declared[40];
	char declared_by[8];
	char detected[40];
};

/* Candidates that are confused with one another: a detector's answer is
 * checked against its family. */
static const char *const fam_cjk[] = {"gb18030", "big5", "cp932", "euc-jp", "cp949", NULL};
static const char *const fam_cyr[] = {"windows-1251", "koi8-r", "ibm866", "x-mac-cyrillic",
				      "iso-8859-5", "ibm855", NULL};
static const char *const fam_latin[] = {"windows-1252", "windows-1250", "iso-8859-2",
					"windows-1254", "windows-1257", "iso-8859-15",
					"macintosh", "ibm850", "ibm865", "ibm852", NULL};
static const char *const fam_greek[] = {"windows-1253", "iso-8859-7", "cp737", NULL};
static const char *const fam_heb[] = {"windows-1255", "iso-8859-8", "ibm862", NULL};
/* When the detector has no answer: one of each script. */
static const char *const fam_any[] = {"gb18030", "big5", "cp932", "euc-jp", "cp949", "johab",
				      "big5-hkscs", "euc-tw", "windows-1251", "koi8-r",
				      "ibm866", "windows-1252", "windows-1250", "ibm850",
				      "windows-1253", "cp737", "windows-1255", "ibm862",
				      "windows-1256", "windows-874", "windows-1258",
				      "georgian-ps", "georgian-academy", NULL};

static const char *const *family(int e)
{
	if (e < 0)
		return fam_any;
	switch (cs_encs[e].script) {
	case SC_ZHS: case SC_ZHT: case SC_JA: case SC_KO:
		return cs_encs[e].kind == CS_MB ? fam_cjk : NULL;
	case SC_CYR:
		return fam_cyr;
	case SC_LATIN:
		return fam_latin;
	case SC_GREEK:
		return fam_greek;
	case SC_HEB:
		return fam_heb;
	default:
		return NULL;
	}
}

/* Trial decodings read this much, from the first non-ASCII byte on (a
 * byte before it cannot be inside a multi-byte character). */
#define TRIAL_MAX (12 * 1024)

struct trial {
	const char *s;
	size_t len, high;
};

static void trial_window(const char *s, size_t len, struct trial *t)
{
	size_t i = 0;
	while (i < len && (unsigned char)s[i] < 0x80)
		i++;
	/* a few ASCII bytes before it give the first word its context */
	i = i > 16 ? i - 16 : 0;
	t->s = s + i;
	t->len = len - i < TRIAL_MAX ? len - i : TRIAL_MAX;
	/* end on an ASCII byte, so that no character is cut */
	size_t end = t->len;
	while (end > 0 && end + 64 > t->len && (unsigned char)t->s[end - 1] >= 0x80)
		end--;
	if (end > 0 && end + 64 > t->len)
		t->len = end;
	t->high = 0;
	for (size_t j = 0; j < t->len; j++)
		t->high += (unsigned char)t->s[j] >= 0x80;
}

/* The plausibility of the trial window decoded as e. */
static double trial_score(charset_ctx *cc, const struct trial *t, int e)
{
	int alt = 0;
	size_t max_bad = 1 + t->high / 50;
	pbuf_reset(&cc->tmp);
	size_t bad = convert(cc, e, t->s, t->len, &cc->tmp, &alt, max_bad);
	/* right readings have no undecodable bytes, bar a cut at the end */
	if (cc->tmp.oom || bad > max_bad)
		return -1e9;
	return cs_score(cc->model, cc->tmp.p, cc->tmp.len, cs_encs[e].script);
}

/* The best of a set of candidates: e0 (the declared or detected one,
 * which keeps its place unless another beats it by margin) against the
 * family of e1. */
static int best_of(charset_ctx *cc, const struct trial *t, int e0, int e1, double margin)
{
	double s0 = trial_score(cc, t, e0), best = s0;
	int be = e0, e1252 = cs_enc_index("windows-1252");
	if (e0 == e1252)
		best += 2;
	/* the candidates: e1, its family, and e0's family when e1 is given */
	int cand[64], n = 0;
	const char *const *fams[2] = {family(e1 >= 0 || e1 == -2 ? e1 : e0),
				      e1 >= 0 ? family(e0) : NULL};
	if (e1 >= 0)
		cand[n++] = e1;
	for (int f = 0; f < 2; f++) {
		for (int k = 0; fams[f] && fams[f][k] && n < 64; k++) {
			int e = cs_enc_index(fams[f][k]), dup = 0;
			for (int j = 0; j < n; j++)
				dup |= cand[j] == e;
			if (e >= 0 && !dup)
				cand[n++] = e;
		}
	}
	for (int k = 0; k < n; k++) {
		int e = cand[k];
		if (e == e0)
			continue;
		double sc = trial_score(cc, t, e) - margin;
		if (e != e1)
			sc -= margin * 0.5; /* the detector's own answer is preferred */
		if (e == e1252)
			sc += 2; /* ties go to the web's commonest legacy charset */
		if (sc > best) {
			best = sc;
			be = e;
		}
	}
	return be;
}

/* Whether the non-ASCII bytes come in runs of even length, as double-byte
 * text does (and single-byte text, with its lone accented letters, does
 * not). */
static int paired(const char *s, size_t len)
{
	size_t runs = 0, even = 0, i = 0;
	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < len && (unsigned char)s[j] >= 0x80)
			j++;
		runs++;
		even += ((j - i) & 1) == 0;
		i = j;
	}
	return runs > 0 && even * 10 >= runs * 9;
}

/* The undeclared case: the encoding the sample reads best in. */
static int detect(charset_ctx *cc, const char *s, size_t len, const struct profile *p)
{
	int w = wide_guess(p);
	if (w >= 0)
		return w;
	if (p->high == 0) {
		if (p->esc) {
			int e = uchardet_guess(cc, s, len);
			if (e >= 0)
				return e;
		}
		return cs_enc_index("utf-8");
	}
	/* UTF-8 with a few broken bytes: legacy text rarely forms valid
	 * UTF-8 sequences by chance */
	if (p->u8_seqs > 0 && p->u8_seqs >= p->u8_bad * 4)
		return cs_enc_index("utf-8");
	/* Binary data is no text in any charset: read as UTF-8, its bytes
	 * become U+FFFD, counted, which tells the caller what it is. But
	 * UTF-16 text without a BOM, and with few ASCII characters (CJK),
	 * has NULs and controls in few places: it reads as text. */
	if (p->ctrl + p->nul_even + p->nul_odd > 8 + p->ctl_len / 50) {
		static const char *const wide[] = {"utf-16le", "utf-16be"};
		for (int k = 0; k < 2; k++)
			if (wide_text(cc, s, len, cs_enc_index(wide[k])))
				return cs_enc_index(wide[k]);
		return cs_enc_index("utf-8");
	}
	int e = uchardet_guess(cc, s, len);
	struct trial t;
	trial_window(s, len, &t);
	if (e < 0) {
		if (wide_text(cc, s, len, cs_enc_index("utf-16le")))
			return cs_enc_index("utf-16le");
		if (wide_text(cc, s, len, cs_enc_index("utf-16be")))
			return cs_enc_index("utf-16be");
		/* the detector gave up: the best reading of all */
		return best_of(cc, &t, cs_enc_index("windows-1252"), -2, 0.0);
	}
	if (cs_encs[e].kind != CS_SB && cs_encs[e].kind != CS_MB)
		return e;
	e = best_of(cc, &t, e, -1, 0.0);
	if (cs_encs[e].kind == CS_SB && paired(t.s, t.len))
		/* short CJK texts fool the detector; their bytes come in pairs */
		e = best_of(cc, &t, e, cs_enc_index("gb18030"), 0.0);
	return e;
}

/* Whether the bytes bear out the declared encoding beyond doubt, so that
 * the detector need not run: valid UTF-8 declared as such, ASCII, or a
 * multi-byte encoding that decodes without error into text that reads
 * well (a wrong multi-byte reading scores near zero or below). */
static int declared_fits(charset_ctx *cc, const char *s, size_t len,
			 const struct profile *p, int de)
{
	if (p->high == 0 && !p->esc)
		return cs_encs[de].kind == CS_UTF8 || cs_encs[de].kind == CS_SB ||
		       cs_encs[de].kind == CS_MB;
	if (cs_encs[de].kind == CS_UTF8)
		return p->u8_bad == 0;
	if (cs_encs[de].kind != CS_MB || p->u8_bad == 0)
		return 0;
	struct trial t;
	trial_window(s, len, &t);
	int alt = 0;
	pbuf_reset(&cc->tmp);
	if (cs_convert(cc, de, t.s, t.len, &cc->tmp, &alt) > 1 || cc->tmp.oom)
		return 0;
	double sc = cs_score(cc->model, cc->tmp.p, cc->tmp.len, cs_encs[de].script);
	return sc >= 0.8 * (double)t.high;
}

/* Whether the bytes bear out a declared (non-UTF) encoding; else the one
 * they are really in. */
static int check_declared(charset_ctx *cc, const char *s, size_t len,
			  const struct profile *p, int de, int det)
{
	int utf8 = cs_enc_index("utf-8");
	if (p->high == 0 || de == det)
		return de;
	if (cs_encs[de].kind == CS_UTF8) {
		/* a few broken bytes in a UTF-8 page do not make it another charset */
		if (p->u8_bad * 50 <= p->u8_seqs)
			return de;
		return det;
	}
	if (p->u8_bad == 0 && p->u8_seqs > 0)
		return utf8;
	if (cs_encs[de].kind != CS_SB && cs_encs[de].kind != CS_MB)
		return de;
	if (cs_encs[det].kind != CS_SB && cs_encs[det].kind != CS_MB)
		return de;
	struct trial t;
	trial_window(s, len, &t);
	/* switching needs clear evidence; two multi-byte readings without
	 * errors need much more (their wrong readings are still Han text) */
	double per = cs_encs[de].kind == CS_MB && cs_encs[det].kind == CS_MB ? 0.5 : 0.05;
	int be = best_of(cc, &t, de, det, per * (double)t.high + 8);
	if (be != de && cs_encs[de].kind == CS_MB && t.high > 0) {
		/* a multi-byte declaration the bytes fit without an error is
		 * only dropped for a reading that looks like real text */
		int alt = 0;
		pbuf_reset(&cc->tmp);
		double chars = (double)t.high / (cs_encs[be].kind == CS_MB ? 2 : 1);
		if (convert(cc, de, t.s, t.len, &cc->tmp, &alt, 1) == 0 &&
		    trial_score(cc, &t, be) < 1.0 * chars)
			return de;
	}
	return be;
}

int cs_detect_bytes(charset_ctx *cc, const char *s, size_t len)
{
	struct profile p;
	if (len > SAMPLE_MAX)
		len = SAMPLE_MAX;
	profile(s, len, &p);
	return detect(cc, s, len, &p);
}

static void decide(charset_ctx *cc, const char *in, size_t len, const char *ct,
		   struct decision *d)
{
	memset(d, 0, sizeof *d);
	int e = bom(in, len, &d->skip);
	if (e >= 0) {
		set_name(d->declared, sizeof d->declared, cs_encs[e].name);
		set_name(d->declared_by, sizeof d->declared_by, "bom");
		d->enc = e;
		return;
	}
	const char *decl = cs_content_type(ct);
	const char *by = "header";
	if (!decl) {
		decl = cs_prescan(in, len);
		by = "meta";
	}
	size_t slen = len < SAMPLE_MAX ? len : SAMPLE_MAX;
	struct profile p;
	profile(in, slen, &p);
	if (p.high == 0 && p.nul_even + p.nul_odd == 0 && len > slen) {
		/* 64 KB of ASCII (scripts, styles) before the text: the
		 * sample is taken where the non-ASCII bytes start */
		size_t i = slen;
		while (i < len && (unsigned char)in[i] < 0x80)
			i++;
		if (i < len) {
			i = (i - 16) & ~(size_t)3;
			in += i;
			len -= i;
			slen = len < SAMPLE_MAX ? len : SAMPLE_MAX;
			profile(in, slen, &p);
		}
	}
	int de = decl ? cs_enc_index(decl) : -1;
	if (de >= 0) {
		set_name(d->declared, sizeof d->declared, decl);
		set_name(d->declared_by, sizeof d->declared_by, by);
	}
	if (de >= 0 && declared_fits(cc, in, slen, &p, de)) {
		d->enc = de;
		return;
	}
	int det = detect(cc, in, slen, &p);
	set_name(d->detected, sizeof d->detected, cs_encs[det].name);
	d->enc = de >= 0 ? check_declared(cc, in, slen, &p, de, det) : det;
}

/* ---- The API ----------------------------------------------------------- */

const char *charset_detect(charset_ctx *cc, const char *in, size_t len,
			   const char *content_type)
{
	struct decision d;
	decide(cc, in, len, content_type, &d);
	const struct cs_enc *enc = &cs_encs[d.enc];
	if (enc->alt) {
		/* the name depends on whether the alternate decoder is needed */
		int alt = 0;
		pbuf_reset(&cc->tmp);
		cs_convert(cc, d.enc, in + d.skip, len - d.skip, &cc->tmp, &alt);
		if (alt)
			return enc->alt_name;
		return enc->pname ? enc->pname : enc->name;
	}
	return enc->name;
}

pith_status charset_decode(charset_ctx *cc, const char *in, size_t len,
			   const char *content_type, int no_repair, pbuf *out,
			   charset_info *info)
{
	struct decision d;
	charset_info dummy;
	if (!info)
		info = &dummy;
	memset(info, 0, sizeof *info);
	decide(cc, in, len, content_type, &d);
	memcpy(info->declared, d.declared, sizeof info->declared);
	memcpy(info->declared_by, d.declared_by, sizeof info->declared_by);
	memcpy(info->detected, d.detected, sizeof info->detected);
	size_t start = out->len;
	int alt_used = 0;
	info->invalid_bytes = cs_convert(cc, d.enc, in + d.skip, len - d.skip, out, &alt_used);
	if (out->oom)
		return PITH_ERR_NOMEM;
	const struct cs_enc *enc = &cs_encs[d.enc];
	set_name(info->used, sizeof info->used,
		 alt_used ? enc->alt_name : enc->pname ? enc->pname : enc->name);
	if (!no_repair && out->len > start) { /* a BOM alone decodes to nothing */
		const char *fixed;
		size_t flen;
		if (cs_repair(cc, out->p + start, out->len - start, &fixed, &flen,
			      info->repaired, sizeof info->repaired)) {
			out->len = start;
			pbuf_add(out, fixed, flen);
			if (out->oom)
				return PITH_ERR_NOMEM;
		}
	}
	return PITH_OK;
}

int charset_repair(charset_ctx *cc, const char *s, size_t len, pbuf *out,
		   char *what, size_t whatlen)
{
	const char *fixed;
	size_t flen;
	char tmp[64];
	if (cs_valid_prefix(s, len) != len ||
	    !cs_repair(cc, s, len, &fixed, &flen, tmp, sizeof tmp))
		return 0;
	pbuf_add(out, fixed, flen);
	if (what && whatlen)
		set_name(what, whatlen, tmp);
	return 1;
}
