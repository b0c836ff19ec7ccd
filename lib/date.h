/* Dates as pages write them: parse, check, and print as ISO 8601.
 *
 * Forms read (date_find and date_parse):
 *   ISO 8601 and numeric  2025-06-06, 2025-06-06T10:20:30.123+08:00,
 *                         2025-06-06 10:20:30 +0800, 2025/6/6, 2025.06.06,
 *                         2025. 6. 6., 2025-6-16 19:16, 06/06/2025,
 *                         6.6.2025, 6. 6. 2025, 06-06-2025
 *   CJK                   2024年3月12日, 2024年03月12日 10:30,
 *                         2025年1月22日 下午1:22, 2024年3月 (month),
 *                         二〇二四年三月十二日, ２０２４年３月１２日,
 *                         2025년 6월 6일, 10时30分, 北京时间 (→ +08:00)
 *   month names           June 6, 2025; Jun. 6th, 2025; 6 June 2025;
 *                         Friday, June 6, 2025 10:30 AM EDT; June 2025
 *                         (month); RFC 2822; 6. Juni 2025; 1er juin 2025;
 *                         6 de junio de 2025; 6 czerwca 2025 r.;
 *                         6 июня 2025 г.; 6 Ιουνίου 2025; 2025. június 6.
 *                         — en de fr es it pt ca nl sv da no fi pl cs sk
 *                         hu ro tr ru uk el id, matched without case or
 *                         accents
 *   relative (now != 0)   刚刚, 6天前, 3小时前, 15分钟前, 昨天, 前天 10:30,
 *                         今天 10:30, 2 days ago, 3 hours ago, yesterday,
 *                         today at 9:00, just now
 *   zones                 Z, ±hh:mm, ±hhmm, UTC/GMT±h[:mm], and EST EDT
 *                         CST CDT MST MDT PST PDT BST CET CEST JST KST IST
 *                         AEST HKT SGT …; CST is US Central, IST is India.
 *
 * Decisions on ambiguous text:
 *   - 06/07/2025 (both fields ≤ 12) is June 7 with slashes (US) unless
 *     DATE_DMY is given, and 6 July with dots or dashes. A field > 12
 *     settles the order whatever the separator.
 *   - Two-digit years (06/06/25 → 2025-06-06; 70..99 → 19xx) only in
 *     date_parse, where the whole string is a date; never in free text.
 *   - 20250606, Unix seconds (10 digits) and milliseconds (13) only in
 *     date_parse and URLs; a bare year (2025, 2025年) and a year-month
 *     (2025-06, 2025/06) only in date_parse: in free text they are page
 *     numbers, prices and ranges more often than dates.
 *   - 2025-2026 and 2020-2035年 are year ranges: no match.
 *   - Impossible dates and times (2025-02-30, month 13, 25:00, 10:60) are
 *     no match and date_find goes on to the next candidate; 24:00 is
 *     midnight of the next day. Years outside 1900..2100 are no match.
 *   - A relative date is computed from `now` in UTC: days back give day
 *     precision without a zone; hours or minutes back give the instant to
 *     the minute with has_tz and offset 0. Without a `now` (0) relative
 *     text is no match.
 *
 * All functions are pure: no locale, no TZ, no global state; safe from any
 * thread. */
#ifndef PITH_DATE_H
#define PITH_DATE_H

#include <stdbool.h>
#include <stddef.h>

typedef enum date_prec {
	DATE_NONE = 0,
	DATE_YEAR,
	DATE_MONTH,
	DATE_DAY,
	DATE_MINUTE,
	DATE_SECOND
} date_prec;

typedef struct pdate {
	int year, month, day, hour, minute, second; /* unset parts are 0 */
	int tz_minutes;   /* offset east of UTC, valid when has_tz */
	bool has_tz;
	date_prec prec;
	bool relative;    /* came from "6天前", "yesterday"… */
} pdate;

/* Flags of the _ex functions. DATE_DMY: read an ambiguous 06/07/2025 as
 * day first (pages in languages other than US English). */
#define DATE_DMY (1u << 0)

/* Finds the first date in s[0..len) (any form above). On success fills *d,
 * sets *start and *end to the match's byte range [start, end) and returns
 * true; d, start and end may be NULL. The match starts at a leading
 * weekday ("Friday, June 6") or 北京时间 when there is one, and ends after
 * the last part read (day, 日, time, am/pm or zone), never on white space.
 * Text before the date ("发布时间：") is skipped, not required. */
bool date_find(const char *s, size_t len, long long now, pdate *d, size_t *start,
	       size_t *end);
bool date_find_ex(const char *s, size_t len, long long now, unsigned flags, pdate *d,
		  size_t *start, size_t *end);

/* Parses all of s (surrounding white space allowed) as one date: the
 * machine forms of attributes (ISO 8601 with offset, RFC 2822, 20250606,
 * Unix seconds or milliseconds, a year or year-month alone) and the human
 * forms above. */
bool date_parse(const char *s, size_t len, long long now, pdate *d);
bool date_parse_ex(const char *s, size_t len, long long now, unsigned flags, pdate *d);

/* A date in a URL path (NUL-terminated): /2025/06/06/, /2025-06-06/,
 * /20250606/ (also t20250606_1.html, news-20250606-x), /2025/0606/,
 * Xinhua's /2025-06/06/, and at month precision /2025/06/ and /202506/.
 * The host name is skipped; years must be 1990..2100; the most precise
 * date wins, the first among equals. */
bool date_from_url(const char *url, pdate *d);

/* Plausible as a publication date: year >= 1990 and not later than
 * now + 1 day (now = 0: the current time). A date of lower precision is
 * compared by its first day. */
bool date_plausible(const pdate *d, long long now);

/* ISO 8601 at the date's precision: "2025", "2025-06", "2025-06-06",
 * "2025-06-16T19:16", "2025-06-16T19:16:05". The offset follows only when
 * has_tz and there is a time, always as ±hh:mm ("+08:00", "-04:00", and
 * "+00:00" rather than "Z", so every offset reads the same way). Writes at
 * most n bytes including the NUL (32 is always enough) and returns the
 * length of the whole string, as snprintf does; "" for DATE_NONE. */
size_t date_format(const pdate *d, char *buf, size_t n);

/* Unix seconds of the date (UTC; the offset applied when has_tz). Unset
 * month and day count as 1. */
long long date_epoch(const pdate *d);

#endif
