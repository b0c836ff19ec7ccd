/* libFuzzer harness: the date parser (lib/date.h) with a fixed `now`.
 *   byte 0  bit 0: DATE_DMY; bit 1: now = 2025-06-06T12:00:00Z, else 0
 * The rest is the text, in a buffer of its exact size (no NUL after it)
 * so that ASan sees any read past the end.
 * Checks: a match lies inside the text and does not end on white space;
 * every date found is a real one (month, day, time in range, years
 * 1900..2100); date_format output fits, parses back with date_parse and
 * formats the same again; truncated formatting behaves as snprintf; a
 * match found again from its own start is the same date. */
#include <stdbool.h>

#include "date.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NOW 1749211200LL

static int days_in(int y, int m)
{
	static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : d[m - 1];
}

static void check_date(const pdate *d, const char *s, size_t n)
{
	FZ_ASSERT(d->prec >= DATE_YEAR && d->prec <= DATE_SECOND, "a precision", s, n);
	FZ_ASSERT(d->year >= 1900 && d->year <= 2100, "year 1900..2100", s, n);
	if (d->prec >= DATE_MONTH)
		FZ_ASSERT(d->month >= 1 && d->month <= 12, "month", s, n);
	else
		FZ_ASSERT(d->month == 0, "unset month is 0", s, n);
	if (d->prec >= DATE_DAY)
		FZ_ASSERT(d->day >= 1 && d->day <= days_in(d->year, d->month), "day", s, n);
	else
		FZ_ASSERT(d->day == 0, "unset day is 0", s, n);
	if (d->prec >= DATE_MINUTE) {
		FZ_ASSERT(d->hour >= 0 && d->hour <= 23, "hour", s, n);
		FZ_ASSERT(d->minute >= 0 && d->minute <= 59, "minute", s, n);
	} else {
		FZ_ASSERT(!d->hour && !d->minute, "unset time is 0", s, n);
	}
	if (d->prec >= DATE_SECOND)
		FZ_ASSERT(d->second >= 0 && d->second <= 60, "second", s, n);
	else
		FZ_ASSERT(d->second == 0, "unset second is 0", s, n);
	if (d->has_tz)
		FZ_ASSERT(d->tz_minutes >= -24 * 60 && d->tz_minutes <= 24 * 60, "offset", s, n);
	(void)date_epoch(d);
	(void)date_plausible(d, NOW);

	char buf[64];
	size_t len = date_format(d, buf, sizeof buf);
	FZ_ASSERT(len < 32 && len == strlen(buf) && len >= 4, "format fits in 32", buf, len);
	/* snprintf-like: each size writes what fits and a NUL */
	for (size_t k = 0; k <= len + 1; k++) {
		char *small = malloc(k ? k : 1);
		size_t l2 = date_format(d, k ? small : NULL, k);
		FZ_ASSERT(l2 == len, "the whole length whatever the room", buf, len);
		if (k)
			FZ_ASSERT(strlen(small) == (k - 1 < len ? k - 1 : len) &&
					  !memcmp(small, buf, strlen(small)),
				  "a truncated prefix", buf, len);
		free(small);
	}
	/* the ISO form reads back as the same date */
	char *exact = malloc(len);
	memcpy(exact, buf, len);
	pdate d2;
	bool ok = date_parse(exact, len, 0, &d2);
	free(exact);
	FZ_ASSERT(ok, "date_format output parses back", buf, len);
	char buf2[64];
	date_format(&d2, buf2, sizeof buf2);
	FZ_ASSERT(!strcmp(buf, buf2), "and formats the same", buf2, strlen(buf2));
}

static bool is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned o = data[0];
	unsigned flags = o & 1 ? DATE_DMY : 0;
	long long now = o & 2 ? NOW : 0;
	size_t n = size - 1;
	char *s = malloc(n ? n : 1);
	memcpy(s, data + 1, n);

	pdate d;
	size_t start = 0, end = 0;
	if (date_find_ex(s, n, now, flags, &d, &start, &end)) {
		FZ_ASSERT(start < end && end <= n, "the match inside the text", s, n);
		FZ_ASSERT(!is_ws((unsigned char)s[end - 1]), "no white space at the end", s, n);
		check_date(&d, s, n);
		/* from the match's own start the same date is found there */
		pdate d3;
		size_t st3 = 99, en3 = 0;
		bool again = date_find_ex(s + start, n - start, now, flags, &d3, &st3, &en3);
		char a[64], b[64];
		date_format(&d, a, sizeof a);
		if (again)
			date_format(&d3, b, sizeof b);
		FZ_ASSERT(again && st3 == 0 && en3 == end - start && !strcmp(a, b),
			  "the same match from its start", s + start, end - start);
		/* the NULL outputs are allowed */
		(void)date_find_ex(s, n, now, flags, NULL, NULL, NULL);
	}
	if (date_parse_ex(s, n, now, flags, &d))
		check_date(&d, s, n);
	/* URLs are NUL-terminated */
	char *url = malloc(n + 1);
	memcpy(url, s, n);
	url[n] = 0;
	if (date_from_url(url, &d)) {
		check_date(&d, url, strlen(url));
		FZ_ASSERT(d.year >= 1990, "URL years from 1990", url, strlen(url));
	}
	free(url);
	free(s);
	return 0;
}
