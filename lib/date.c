/*
 * Dates as pages write them. One hand-written scanner: date_find walks the
 * text once and stops only at bytes that can begin a date (digits, the
 * lead bytes of 一/二 and of the relative words), so text without dates
 * costs a table lookup per byte. Month names are found by looking back
 * from the day or year digits, never by testing every word. Each attempt
 * reads a fixed number of tokens and each digit run is tried once, so the
 * work is linear in the input whatever it holds.
 */
#include "date.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "utf8.h"

#define NPOS ((size_t)-1)
#define PARSE (1u << 15) /* internal flag: forms only date_parse accepts */
#define MAXSP 4          /* white space allowed between two parts */
#define KEY 48           /* room for a folded word */

enum { AM = 1, PM, NOON };

/* Month names folded as fold() folds text: lower case, Latin letters
 * without diacritics, Greek without tonos and with σ for ς, Cyrillic with
 * е for ё. Full names, the genitives that Slavic, Baltic-Finnic and Greek
 * dates use, and the usual abbreviations; a key is listed once, under the
 * first language that has it. */
static const struct month_name {
	const char *key;
	unsigned char month;
} months[] = {
	/* English */
	{"january", 1}, {"february", 2}, {"march", 3}, {"april", 4},
	{"may", 5}, {"june", 6}, {"july", 7}, {"august", 8},
	{"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
	{"jan", 1}, {"feb", 2}, {"febr", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6},
	{"jul", 7}, {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10},
	{"nov", 11}, {"dec", 12},
	/* German (Austrian Jänner), Danish, Norwegian */
	{"januar", 1}, {"janner", 1}, {"februar", 2}, {"feber", 2},
	{"marz", 3}, {"mai", 5}, {"juni", 6}, {"juli", 7}, {"oktober", 10},
	{"dezember", 12}, {"mrz", 3}, {"okt", 10}, {"dez", 12}, {"marts", 3},
	{"desember", 12},
	/* French */
	{"janvier", 1}, {"fevrier", 2}, {"mars", 3}, {"avril", 4},
	{"juin", 6}, {"juillet", 7}, {"aout", 8}, {"septembre", 9},
	{"octobre", 10}, {"novembre", 11}, {"decembre", 12}, {"janv", 1},
	{"fevr", 2}, {"fev", 2}, {"avr", 4}, {"juil", 7},
	/* Spanish */
	{"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5},
	{"junio", 6}, {"julio", 7}, {"agosto", 8}, {"septiembre", 9},
	{"setiembre", 9}, {"octubre", 10}, {"noviembre", 11},
	{"diciembre", 12}, {"ene", 1}, {"abr", 4}, {"ago", 8}, {"dic", 12},
	/* Italian */
	{"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5},
	{"giugno", 6}, {"luglio", 7}, {"settembre", 9}, {"ottobre", 10},
	{"dicembre", 12}, {"gen", 1}, {"mag", 5}, {"giu", 6}, {"lug", 7},
	{"set", 9}, {"ott", 10},
	/* Portuguese */
	{"janeiro", 1}, {"fevereiro", 2}, {"marco", 3}, {"maio", 5},
	{"junho", 6}, {"julho", 7}, {"setembro", 9}, {"outubro", 10},
	{"novembro", 11}, {"dezembro", 12}, {"out", 10},
	/* Catalan */
	{"gener", 1}, {"febrer", 2}, {"marc", 3}, {"maig", 5}, {"juny", 6},
	{"juliol", 7}, {"agost", 8}, {"setembre", 9}, {"desembre", 12},
	/* Dutch, Swedish, Indonesian */
	{"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5},
	{"augustus", 8}, {"mrt", 3}, {"maj", 5}, {"augusti", 8},
	{"maret", 3}, {"agustus", 8},
	/* Finnish: partitive (6. kesäkuuta) and nominative */
	{"tammikuuta", 1}, {"helmikuuta", 2}, {"maaliskuuta", 3},
	{"huhtikuuta", 4}, {"toukokuuta", 5}, {"kesakuuta", 6},
	{"heinakuuta", 7}, {"elokuuta", 8}, {"syyskuuta", 9},
	{"lokakuuta", 10}, {"marraskuuta", 11}, {"joulukuuta", 12},
	{"tammikuu", 1}, {"helmikuu", 2}, {"maaliskuu", 3}, {"huhtikuu", 4},
	{"toukokuu", 5}, {"kesakuu", 6}, {"heinakuu", 7}, {"elokuu", 8},
	{"syyskuu", 9}, {"lokakuu", 10}, {"marraskuu", 11}, {"joulukuu", 12},
	/* Polish: genitive, nominative, abbreviations */
	{"stycznia", 1}, {"lutego", 2}, {"marca", 3}, {"kwietnia", 4},
	{"maja", 5}, {"czerwca", 6}, {"lipca", 7}, {"sierpnia", 8},
	{"wrzesnia", 9}, {"pazdziernika", 10}, {"listopada", 11},
	{"grudnia", 12}, {"styczen", 1}, {"luty", 2}, {"marzec", 3},
	{"kwiecien", 4}, {"czerwiec", 6}, {"lipiec", 7}, {"sierpien", 8},
	{"wrzesien", 9}, {"pazdziernik", 10}, {"listopad", 11},
	{"grudzien", 12}, {"sty", 1}, {"lut", 2}, {"kwi", 4}, {"cze", 6},
	{"lip", 7}, {"sie", 8}, {"wrz", 9}, {"paz", 10}, {"lis", 11},
	{"gru", 12},
	/* Czech: genitive and nominative */
	{"ledna", 1}, {"unora", 2}, {"brezna", 3}, {"dubna", 4},
	{"kvetna", 5}, {"cervna", 6}, {"cervence", 7}, {"srpna", 8},
	{"zari", 9}, {"rijna", 10}, {"listopadu", 11}, {"prosince", 12},
	{"leden", 1}, {"unor", 2}, {"brezen", 3}, {"duben", 4},
	{"kveten", 5}, {"cerven", 6}, {"cervenec", 7}, {"srpen", 8},
	{"rijen", 10}, {"prosinec", 12},
	/* Slovak genitive */
	{"januara", 1}, {"februara", 2}, {"aprila", 4}, {"juna", 6},
	{"jula", 7}, {"augusta", 8}, {"septembra", 9}, {"oktobra", 10},
	{"novembra", 11}, {"decembra", 12}, {"marec", 3},
	/* Hungarian */
	{"marcius", 3}, {"aprilis", 4}, {"majus", 5}, {"junius", 6},
	{"julius", 7}, {"augusztus", 8}, {"szeptember", 9}, {"szept", 9},
	/* Romanian */
	{"ianuarie", 1}, {"februarie", 2}, {"martie", 3}, {"aprilie", 4},
	{"iunie", 6}, {"iulie", 7}, {"septembrie", 9}, {"octombrie", 10},
	{"noiembrie", 11}, {"decembrie", 12}, {"ian", 1}, {"iun", 6},
	{"iul", 7}, {"noi", 11},
	/* Turkish */
	{"ocak", 1}, {"subat", 2}, {"mart", 3}, {"nisan", 4}, {"mayis", 5},
	{"haziran", 6}, {"temmuz", 7}, {"agustos", 8}, {"eylul", 9},
	{"ekim", 10}, {"kasim", 11}, {"aralik", 12},
	/* Russian: genitive, nominative, abbreviations */
	{"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4},
	{"мая", 5}, {"июня", 6}, {"июля", 7}, {"августа", 8},
	{"сентября", 9}, {"октября", 10}, {"ноября", 11}, {"декабря", 12},
	{"январь", 1}, {"февраль", 2}, {"март", 3}, {"апрель", 4},
	{"май", 5}, {"июнь", 6}, {"июль", 7}, {"август", 8},
	{"сентябрь", 9}, {"октябрь", 10}, {"ноябрь", 11}, {"декабрь", 12},
	{"янв", 1}, {"фев", 2}, {"февр", 2}, {"мар", 3}, {"апр", 4},
	{"июн", 6}, {"июл", 7}, {"авг", 8}, {"сен", 9}, {"сент", 9},
	{"окт", 10}, {"ноя", 11}, {"нояб", 11}, {"дек", 12},
	/* Ukrainian: genitive and nominative */
	{"січня", 1}, {"лютого", 2}, {"березня", 3}, {"квітня", 4},
	{"травня", 5}, {"червня", 6}, {"липня", 7}, {"серпня", 8},
	{"вересня", 9}, {"жовтня", 10}, {"листопада", 11}, {"грудня", 12},
	{"січень", 1}, {"лютий", 2}, {"березень", 3}, {"квітень", 4},
	{"травень", 5}, {"червень", 6}, {"липень", 7}, {"серпень", 8},
	{"вересень", 9}, {"жовтень", 10}, {"листопад", 11}, {"грудень", 12},
	/* Greek: genitive, nominative, abbreviations */
	{"ιανουαριου", 1}, {"φεβρουαριου", 2}, {"μαρτιου", 3},
	{"απριλιου", 4}, {"μαιου", 5}, {"ιουνιου", 6}, {"ιουλιου", 7},
	{"αυγουστου", 8}, {"σεπτεμβριου", 9}, {"οκτωβριου", 10},
	{"νοεμβριου", 11}, {"δεκεμβριου", 12}, {"ιανουαριοσ", 1},
	{"φεβρουαριοσ", 2}, {"μαρτιοσ", 3}, {"απριλιοσ", 4}, {"μαιοσ", 5},
	{"ιουνιοσ", 6}, {"ιουλιοσ", 7}, {"αυγουστοσ", 8},
	{"σεπτεμβριοσ", 9}, {"οκτωβριοσ", 10}, {"νοεμβριοσ", 11},
	{"δεκεμβριοσ", 12}, {"ιαν", 1}, {"φεβ", 2}, {"μαρ", 3}, {"απρ", 4},
	{"μαι", 5}, {"ιουν", 6}, {"ιουλ", 7}, {"αυγ", 8}, {"σεπ", 9},
	{"σεπτ", 9}, {"οκτ", 10}, {"νοε", 11}, {"δεκ", 12},
};

/* Weekday names that may lead a date ("Friday, June 6", "Fri, 06 Jun"):
 * only to put the match's start before them. */
static const char *const weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
	"sat", "sun",
	"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
	"sonnabend", "sonntag",
	"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
	"lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo",
	"lunedi", "martedi", "mercoledi", "giovedi", "venerdi", "domenica",
	"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
	"zondag",
	"mandag", "tisdag", "onsdag", "torsdag", "fredag", "lordag", "sondag",
	"poniedzialek", "wtorek", "sroda", "czwartek", "piatek", "sobota",
	"niedziela",
	"понедельник", "вторник", "среда", "четверг", "пятница", "суббота",
	"воскресенье",
};

/* Zone abbreviations after a time, matched in upper case only (so that
 * French "est" is not Eastern time). CST is US Central and IST is India:
 * the readings of the English-language pages that write them. */
static const struct zone {
	const char *name;
	short minutes;
} zones[] = {
	{"UTC", 0}, {"GMT", 0}, {"UT", 0}, {"WET", 0},
	{"EST", -300}, {"EDT", -240}, {"CST", -360}, {"CDT", -300},
	{"MST", -420}, {"MDT", -360}, {"PST", -480}, {"PDT", -420},
	{"AKST", -540}, {"AKDT", -480}, {"HST", -600}, {"AST", -240},
	{"ADT", -180}, {"BST", 60}, {"IST", 330}, {"CET", 60}, {"CEST", 120},
	{"MEZ", 60}, {"MESZ", 120}, {"WEST", 60}, {"EET", 120},
	{"EEST", 180}, {"MSK", 180}, {"JST", 540}, {"KST", 540}, {"HKT", 480},
	{"SGT", 480}, {"PHT", 480}, {"WIB", 420}, {"AWST", 480},
	{"ACST", 570}, {"AEST", 600}, {"AEDT", 660}, {"NZST", 720},
	{"NZDT", 780},
};

/* US zones named without S or D: standard offsets, an hour more while
 * daylight saving time is in force on the date. */
static const struct zone us_zones[] = {
	{"ET", -300}, {"CT", -360}, {"MT", -420}, {"PT", -480},
};

/* Words between a date and its time: "at 10:30", "à 10h30", "um 10:30",
 * "a las 10:30", "kl. 10.30" … (folded). */
static const char *const time_words[] = {
	"at", "a", "um", "om", "alle", "ore", "as", "las", "la", "kl", "klo",
	"kello", "klockan", "o", "godz", "в", "v", "saat", "στισ",
};

/* What may follow the year: 2025 г., 2025 года, 2025 р., 2025 r. */
static const char *const year_words[] = {"г", "года", "р", "року", "r", "roku"};

/* Chinese, Japanese and Korean words for the half of the day before a
 * time: 下午1:22 is 13:22. */
static const struct meridiem {
	const char *text;
	int kind;
} meridiems[] = {
	{"上午", AM}, {"早上", AM}, {"早晨", AM}, {"凌晨", AM}, {"午前", AM},
	{"오전", AM}, {"中午", NOON}, {"下午", PM}, {"傍晚", PM}, {"晚上", PM},
	{"夜里", PM}, {"夜間", PM}, {"午後", PM}, {"오후", PM},
};

/* "6天前", "3 hours ago": the unit after the number. */
static const struct rel_unit {
	const char *text;
	int seconds; /* a day or more: the result has day precision */
	bool ago;    /* an English word: " ago" must follow */
} rel_units[] = {
	{"天前", 86400, false}, {"日前", 86400, false},
	{"周前", 604800, false}, {"星期前", 604800, false},
	{"个星期前", 604800, false}, {"小时前", 3600, false},
	{"个小时前", 3600, false}, {"小時前", 3600, false},
	{"個小時前", 3600, false}, {"時間前", 3600, false},
	{"分钟前", 60, false}, {"分鐘前", 60, false}, {"分前", 60, false},
	{"秒前", 1, false}, {"秒钟前", 1, false}, {"일 전", 86400, false},
	{"일전", 86400, false}, {"주 전", 604800, false},
	{"시간 전", 3600, false}, {"분 전", 60, false}, {"초 전", 1, false},
	{"day", 86400, true}, {"days", 86400, true}, {"week", 604800, true},
	{"weeks", 604800, true}, {"hour", 3600, true}, {"hours", 3600, true},
	{"hr", 3600, true}, {"hrs", 3600, true}, {"minute", 60, true},
	{"minutes", 60, true}, {"min", 60, true}, {"mins", 60, true},
	{"second", 1, true}, {"seconds", 1, true}, {"sec", 1, true},
	{"secs", 1, true},
};

enum { RW_WORD = 1, RW_NEED_TIME = 2, RW_NOT_AFTER_HAN = 4 };

/* Relative words: days back from now, -1 for "now". 前天 is also the tail
 * of 目前+天气, hence RW_NOT_AFTER_HAN; 今天/today are everywhere in prose
 * and count only with a time. */
static const struct rel_word {
	const char *text;
	int days;
	int flags;
} rel_words[] = {
	{"刚刚", -1, 0}, {"剛剛", -1, 0}, {"刚才", -1, 0}, {"昨天", 1, 0},
	{"昨日", 1, 0}, {"前天", 2, RW_NOT_AFTER_HAN},
	{"今天", 0, RW_NEED_TIME}, {"yesterday", 1, RW_WORD},
	{"today", 0, RW_WORD | RW_NEED_TIME}, {"just now", -1, RW_WORD},
};

/* Bytes where date_find stops: digits, the lead byte of full-width digits,
 * of 一/二 (a year in Chinese numerals) and, with a `now`, of the relative
 * words and the initials of yesterday/today/just now. */
enum { T_DIG = 1, T_FULL = 2, T_CN = 4, T_REL = 8, T_LAT = 16 };
static const unsigned char trig[256] = {
	['0'] = T_DIG, ['1'] = T_DIG, ['2'] = T_DIG, ['3'] = T_DIG,
	['4'] = T_DIG, ['5'] = T_DIG, ['6'] = T_DIG, ['7'] = T_DIG,
	['8'] = T_DIG, ['9'] = T_DIG, [0xEF] = T_FULL, [0xE4] = T_CN | T_REL,
	[0xE5] = T_REL, [0xE6] = T_REL, ['y'] = T_LAT, ['Y'] = T_LAT,
	['t'] = T_LAT, ['T'] = T_LAT, ['j'] = T_LAT, ['J'] = T_LAT,
};

typedef struct scan {
	const unsigned char *s;
	size_t len;
	long long now;
	unsigned flags;
} scan;

/* ---- Reading the text -------------------------------------------------- */

/* The code point at i with full-width forms folded to ASCII (２０２４,
 * ：, （); *adv = 0 at the end. */
static inline uint32_t at(const scan *sc, size_t i, size_t *adv)
{
	if (i >= sc->len) {
		*adv = 0;
		return 0;
	}
	if (sc->s[i] < 0x80) {
		*adv = 1;
		return sc->s[i];
	}
	return uc_fold_width(u8_next((const char *)sc->s + i, sc->len - i, adv));
}

/* The code point that ends at i; *st gets its start. A stray
 * continuation byte reads as U+FFFD one byte back, so walking back over
 * invalid UTF-8 still moves and never leaves the buffer. */
static uint32_t before(const scan *sc, size_t i, size_t *st)
{
	size_t k, adv;
	if (i == 0) {
		*st = 0;
		return 0;
	}
	k = i - 1;
	while (k > 0 && i - k < 4 && (sc->s[k] & 0xC0) == 0x80)
		k--;
	uint32_t c = at(sc, k, &adv);
	if (k + adv != i) {
		*st = i - 1;
		return U8_REPLACEMENT;
	}
	*st = k;
	return c;
}

/* The digit at i (ASCII or full-width), read from the bytes: -1 for
 * none. Runs end on all kinds of text, which need not be decoded. */
static inline int digit(const scan *sc, size_t i, size_t *adv)
{
	const unsigned char *p = sc->s + i;
	if (i < sc->len && p[0] >= '0' && p[0] <= '9') {
		*adv = 1;
		return p[0] - '0';
	}
	if (i + 2 < sc->len && p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99) {
		*adv = 3;
		return p[2] - 0x90;
	}
	return -1;
}

static bool isdig(const scan *sc, size_t i)
{
	size_t adv;
	return digit(sc, i, &adv) >= 0;
}

/* White space inside a date, zero-width ones included (pages paste them
 * in); line breaks count only where nl says so: a time on the next line
 * belongs to something else. */
static bool is_sp(uint32_t c, bool nl)
{
	if (c == '\n' || c == '\r')
		return nl;
	return uc_is_space(c) || (c >= 0x200B && c <= 0x200F) || c == 0xFEFF;
}

/* Skips up to max white space characters; line breaks only when nl. */
static size_t sp(const scan *sc, size_t i, int max, bool nl)
{
	size_t adv;
	while (max-- > 0 && i < sc->len) {
		unsigned b = sc->s[i];
		/* only these lead bytes start a space: NBSP, U+2000.., U+3000, BOM */
		if (b >= 0x80 && b != 0xC2 && b != 0xE2 && b != 0xE3 && b != 0xEF)
			break;
		if (b > ' ' && b < 0x80)
			break;
		if (!is_sp(at(sc, i, &adv), nl))
			break;
		i += adv;
	}
	return i;
}

static size_t sp_back(const scan *sc, size_t i, int max)
{
	size_t st;
	while (max-- > 0 && i > 0 && is_sp(before(sc, i, &st), true))
		i = st;
	return i;
}

/* The digit run at i: value (saturating), count and end. */
static size_t num(const scan *sc, size_t i, int *val, int *nd)
{
	int v = 0, n = 0, g;
	size_t adv;
	while ((g = digit(sc, i, &adv)) >= 0) {
		if (v < 100000000)
			v = v * 10 + g;
		n++;
		i += adv;
	}
	*val = v;
	*nd = n;
	return i;
}

/* w at i (ASCII letters of w match either case); the end or NPOS. */
static size_t lit(const scan *sc, size_t i, const char *w)
{
	size_t k;
	for (k = 0; w[k]; k++) {
		if (i + k >= sc->len)
			return NPOS;
		unsigned a = sc->s[i + k], b = (unsigned char)w[k];
		if (a != b && !(b >= 'a' && b <= 'z' && a == b - 32))
			return NPOS;
	}
	return i + k;
}

/* A letter folded for matching names: lower case, Latin without
 * diacritics, Greek without tonos, ё → е. 0 for a non-letter, 1 for a
 * combining mark (dropped, so decomposed "é" matches too). */
static uint32_t fold(uint32_t c)
{
	static const char lat1[] = "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
				   "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";
	static const char latA[] = "aaaaaaccccccccddddeeeeeeeeeegggg"
				   "gggghhhhiiiiiiiiiiiijjkkklllllll"
				   "lllnnnnnnnnnoooooooorrrrrrssssss"
				   "ssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
	if (c < 0x80) {
		if (c >= 'A' && c <= 'Z')
			return c + 32;
		return c >= 'a' && c <= 'z' ? c : 0;
	}
	if (c >= 0xC0 && c <= 0xFF)
		return (unsigned char)lat1[c - 0xC0];
	if (c >= 0x100 && c <= 0x17F)
		return (unsigned char)latA[c - 0x100];
	if (c >= 0x218 && c <= 0x21B) /* ș ț */
		return c < 0x21A ? 's' : 't';
	if (c >= 0x300 && c <= 0x36F)
		return 1;
	switch (c) {
	case 0x386: case 0x3AC: return 0x3B1;
	case 0x388: case 0x3AD: return 0x3B5;
	case 0x389: case 0x3AE: return 0x3B7;
	case 0x38A: case 0x3AF: case 0x3AA: case 0x3CA: case 0x390: return 0x3B9;
	case 0x38C: case 0x3CC: return 0x3BF;
	case 0x38E: case 0x3CD: case 0x3AB: case 0x3CB: case 0x3B0: return 0x3C5;
	case 0x38F: case 0x3CE: return 0x3C9;
	case 0x3C2: return 0x3C3;
	case 0x401: case 0x451: return 0x435;
	case 0x490: case 0x491: return 0x491;
	}
	if (c >= 0x391 && c <= 0x3A9)
		return c == 0x3A2 ? 0 : c + 0x20;
	if (c >= 0x3B1 && c <= 0x3C9)
		return c;
	if (c >= 0x410 && c <= 0x42F)
		return c + 0x20;
	if (c >= 0x400 && c <= 0x40F)
		return c + 0x50;
	if (c >= 0x430 && c <= 0x45F)
		return c;
	return 0;
}

static bool is_letter(uint32_t c) { return fold(c) != 0; }

/* The word at i folded into key; returns its end (i: no letter there).
 * A word too long for key is no word. */
static size_t word(const scan *sc, size_t i, char *key, size_t cap)
{
	size_t n = 0, adv, j = i;
	for (;;) {
		uint32_t f = fold(at(sc, j, &adv));
		if (!f || !adv)
			break;
		j += adv;
		if (f == 1)
			continue;
		if (n + 5 > cap) {
			key[0] = 0;
			return i;
		}
		n += u8_encode(f, key + n);
	}
	key[n] = 0;
	return j;
}

/* The word that ends at i, folded into key: its start, or NPOS. The walk
 * back stops after 24 letters: no name is longer, and a long run of
 * letters before every number must not cost more than that. */
static size_t word_before(const scan *sc, size_t i, char *key, size_t cap)
{
	size_t k = i, st;
	int n = 0;
	while (k > 0 && n <= 24 && is_letter(before(sc, k, &st))) {
		k = st;
		n++;
	}
	if (k == i || n > 24)
		return NPOS;
	return word(sc, k, key, cap) == i ? k : NPOS;
}

static bool in_list(const char *const *list, size_t n, const char *key)
{
	for (size_t k = 0; k < n; k++)
		if (strcmp(list[k], key) == 0)
			return true;
	return false;
}

#define IN_LIST(list, key) in_list(list, sizeof list / sizeof list[0], key)

/* The month of a folded name, 0 for none. A straight walk: it runs only
 * when a day and a year stand on either side of the word. */
static int month_of(const char *key)
{
	for (size_t k = 0; k < sizeof months / sizeof months[0]; k++)
		if (months[k].key[0] == key[0] && strcmp(months[k].key, key) == 0)
			return months[k].month;
	return 0;
}

/* ---- Calendar ---------------------------------------------------------- */

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int mdays(int y, int m)
{
	static const unsigned char n[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && leap(y) ? 29 : n[m - 1];
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian, y >= 1). */
static long long days_from_civil(int y, int m, int d)
{
	static const short cum[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
	long long p = y - 1; /* whole years before y since 0001-01-01 */
	long long n = 365 * p + p / 4 - p / 100 + p / 400 + cum[m - 1] +
		      (m > 2 && leap(y)) + d - 1;
	return n - 719162; /* 0001-01-01 .. 1970-01-01 */
}

/* The date of day n since 1970-01-01; years 1900..2100 only, which also
 * keeps the year search below to a step or two. */
static bool civil_from_days(long long n, int *y, int *m, int *d)
{
	if (n < days_from_civil(1900, 1, 1) || n > days_from_civil(2100, 12, 31))
		return false;
	int yy = 1970 + (int)(n / 366);
	while (days_from_civil(yy + 1, 1, 1) <= n)
		yy++;
	while (days_from_civil(yy, 1, 1) > n)
		yy--;
	int doy = (int)(n - days_from_civil(yy, 1, 1)), mm = 1;
	while (doy >= mdays(yy, mm)) {
		doy -= mdays(yy, mm);
		mm++;
	}
	*y = yy;
	*m = mm;
	*d = doy + 1;
	return true;
}

static bool set_ymd(pdate *d, int y, int m, int day)
{
	if (y < 1900 || y > 2100 || m < 1 || m > 12 || day < 1 || day > mdays(y, m))
		return false;
	d->year = y;
	d->month = m;
	d->day = day;
	d->prec = DATE_DAY;
	return true;
}

static bool set_ym(pdate *d, int y, int m)
{
	if (y < 1900 || y > 2100 || m < 1 || m > 12)
		return false;
	d->year = y;
	d->month = m;
	d->prec = DATE_MONTH;
	return true;
}

static bool set_y(pdate *d, int y)
{
	if (y < 1900 || y > 2100)
		return false;
	d->year = y;
	d->prec = DATE_YEAR;
	return true;
}

/* Fills d from Unix seconds t, UTC, to precision p. */
static bool set_epoch(pdate *d, long long t, date_prec p)
{
	long long days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
	long long sec = t - days * 86400;
	if (!civil_from_days(days, &d->year, &d->month, &d->day))
		return false;
	d->prec = p;
	if (p >= DATE_MINUTE) {
		d->hour = (int)(sec / 3600);
		d->minute = (int)(sec / 60 % 60);
		d->second = p == DATE_SECOND ? (int)(sec % 60) : 0;
		d->has_tz = true;
		d->tz_minutes = 0;
	}
	return true;
}

/* ---- Times and zones --------------------------------------------------- */

/* Whether US daylight saving time is in force on y-m-d, by the day: from
 * 2007 the second Sunday of March to the first Sunday of November, before
 * that the first Sunday of April to the last Sunday of October. */
static bool us_dst(int y, int m, int d)
{
	bool now_rule = y >= 2007;
	int first = now_rule ? 3 : 4, last = now_rule ? 11 : 10;
	if (m < first || m > last)
		return false;
	if (m > first && m < last)
		return true;
	int wd = (int)(((days_from_civil(y, m, 1) + 4) % 7 + 7) % 7); /* 0: Sunday */
	int sun = 1 + (7 - wd) % 7; /* the month's first Sunday */
	if (m == first)
		return d >= (now_rule ? sun + 7 : sun);
	return d < (now_rule ? sun : (sun + 28 <= 31 ? sun + 28 : sun + 21));
}

/* An offset after its sign: HH:MM or HHMM, HH as well when !strict, and
 * H as well when loose (GMT+8). Returns the end or NPOS. */
static size_t offset(const scan *sc, size_t i, int sign, bool strict, bool loose, int *off)
{
	int h, m = 0, n, n2;
	size_t adv, e = num(sc, i, &h, &n);
	if (n == 4) {
		m = h % 100;
		h /= 100;
	} else if (n == 2 || (n == 1 && loose)) {
		if (at(sc, e, &adv) == ':' && isdig(sc, e + adv)) {
			e = num(sc, e + adv, &m, &n2);
			if (n2 != 2)
				return NPOS;
		} else if (strict) {
			return NPOS;
		}
	} else {
		return NPOS;
	}
	if (h > 14 || m > 59)
		return NPOS;
	*off = sign * (h * 60 + m);
	return e;
}

static int sign_of(uint32_t c)
{
	return c == '+' ? 1 : (c == '-' || c == 0x2212) ? -1 : 0;
}

#define NZONES (sizeof zones / sizeof zones[0])

static bool zone_named(const struct zone *z, size_t n, const unsigned char *name, size_t len,
		       int *off)
{
	for (size_t k = 0; k < n; k++) {
		if (strlen(z[k].name) == len && memcmp(z[k].name, name, len) == 0) {
			*off = z[k].minutes;
			return true;
		}
	}
	return false;
}

/* The zone after a time: Z, +08:00, " +0800", " EDT", " GMT+8",
 * " (UTC)", "北京时间". tight: the time was ISO-like (T or seconds), so
 * a sign right after it is an offset rather than a range "10:00-12:00". */
static size_t tz_part(const scan *sc, size_t i, pdate *d, bool tight)
{
	size_t adv, adv2, k, e = NPOS;
	int off = 0, sg;
	uint32_t c = at(sc, i, &adv);
	if (c == 'Z' && !is_letter(at(sc, i + adv, &adv2))) {
		e = i + adv;
	} else if (tight && (sg = sign_of(c))) {
		e = offset(sc, i + adv, sg, false, false, &off);
	}
	if (e == NPOS) {
		k = sp(sc, i, 2, false);
		if (k == i && at(sc, i, &adv) != '(')
			return i;
		bool paren = at(sc, k, &adv) == '(';
		if (paren)
			k += adv;
		c = at(sc, k, &adv);
		if ((sg = sign_of(c)) && !paren) {
			e = offset(sc, k + adv, sg, true, false, &off);
		} else if (c >= 'A' && c <= 'Z') {
			size_t j = k;
			while (j < sc->len && j - k < 5 && sc->s[j] >= 'A' && sc->s[j] <= 'Z')
				j++;
			bool alone = !is_letter(at(sc, j, &adv));
			if (alone && zone_named(zones, NZONES, sc->s + k, j - k, &off)) {
				e = j;
			} else if (alone && d->prec >= DATE_DAY &&
				   zone_named(us_zones, 4, sc->s + k, j - k, &off)) {
				e = j;
				off += us_dst(d->year, d->month, d->day) ? 60 : 0;
			}
			/* GMT+8, UTC+08:00, GMT-0500 */
			if (e != NPOS && off == 0 && (sg = sign_of(at(sc, e, &adv)))) {
				size_t e2 = offset(sc, e + adv, sg, false, true, &off);
				if (e2 != NPOS)
					e = e2;
			}
		} else {
			e = lit(sc, k, "北京时间");
			off = 480;
		}
		if (e != NPOS && paren) {
			if (at(sc, e, &adv) != ')')
				return i;
			e += adv;
		}
	}
	if (e == NPOS)
		return i;
	d->has_tz = true;
	d->tz_minutes = off;
	return e;
}

/* 星期五, 周五, （周五）, (金), (금) between a CJK date and its time. */
static size_t cjk_weekday(const scan *sc, size_t i)
{
	static const char *const lead[] = {"星期", "礼拜", "禮拜", "周", "週"};
	size_t adv, k = i, e = NPOS;
	if (i >= sc->len || (sc->s[i] != '(' && sc->s[i] < 0xE4))
		return i;
	bool paren = at(sc, k, &adv) == '(';
	if (paren)
		k += adv;
	for (size_t w = 0; w < sizeof lead / sizeof lead[0] && e == NPOS; w++)
		e = lit(sc, k, lead[w]);
	uint32_t c = at(sc, e == NPOS ? k : e, &adv);
	if (e != NPOS) { /* 一 二 三 四 五 六 日 天 */
		if (c != 0x4E00 && c != 0x4E8C && c != 0x4E09 && c != 0x56DB &&
		    c != 0x4E94 && c != 0x516D && c != 0x65E5 && c != 0x5929)
			return i;
	} else if (!paren || !(c == 0x6708 || c == 0x706B || c == 0x6C34 ||
			       c == 0x6728 || c == 0x91D1 || c == 0x571F ||
			       c == 0x65E5 || c == 0xC6D4 || c == 0xD654 ||
			       c == 0xC218 || c == 0xBAA9 || c == 0xAE08 ||
			       c == 0xD1A0 || c == 0xC77C)) { /* (金), (금) */
		return i;
	}
	k = (e == NPOS ? k : e) + adv;
	if (paren) {
		if (at(sc, k, &adv) != ')')
			return i;
		k += adv;
	}
	return sp(sc, k, MAXSP, false);
}

/* am, pm, a.m., p.m. (either case) after a time. */
static size_t meridiem_after(const scan *sc, size_t i, int *kind)
{
	static const char *const words[] = {"a.m.", "p.m.", "am", "pm"};
	size_t k = sp(sc, i, 1, false), adv;
	for (size_t w = 0; w < 4; w++) {
		size_t e = lit(sc, k, words[w]);
		if (e != NPOS && (w < 2 || !is_letter(at(sc, e, &adv)))) {
			*kind = words[w][0] == 'a' ? AM : PM;
			return e;
		}
	}
	*kind = 0;
	return i;
}

/* The time that may follow a date at i: "T10:20:30.123+08:00", " 10:30",
 * ", 10:30 AM EDT", " à 10h30", "下午1:22", "10时30分"… Fills d and
 * returns the end: i when no time follows, NPOS when one follows but is
 * impossible (25:00), which rejects the whole date. cjk: no space needed
 * between the date and the time (2024年3月12日10:30). */
static size_t time_part(const scan *sc, size_t i, pdate *d, bool cjk)
{
	size_t j = i, adv, k, e;
	bool iso = false, word_sep = false;
	uint32_t c = at(sc, j, &adv);
	if (c == 'T' && isdig(sc, j + adv)) {
		iso = true;
		j += adv;
	} else { /* separators: ", ", " | ", " - ", "at", "à", "星期五"… */
		j = sp(sc, j, MAXSP, false);
		c = at(sc, j, &adv);
		if (c == ',' || c == '|' || c == '-' || c == 0x2013 || c == 0x2014 ||
		    c == 0xB7 || c == '@')
			j = sp(sc, j + adv, MAXSP, false);
		for (int w = 0; w < 2; w++) {
			char key[KEY];
			e = word(sc, j, key, sizeof key);
			if (e == j || !IN_LIST(time_words, key))
				break;
			if (at(sc, e, &adv) == '.')
				e += adv;
			k = sp(sc, e, MAXSP, false);
			if (k == e)
				break;
			j = k;
			word_sep = true;
		}
		j = cjk_weekday(sc, j);
		if (j == i && !cjk)
			return i;
	}
	int pre = 0, post = 0;
	bool cjk_byte = j < sc->len && sc->s[j] >= 0xE4; /* 上午…오후 all lead with E4..EC */
	for (size_t w = 0; cjk_byte && !iso && w < sizeof meridiems / sizeof meridiems[0]; w++) {
		e = lit(sc, j, meridiems[w].text);
		if (e != NPOS) {
			pre = meridiems[w].kind;
			j = sp(sc, e, 1, false);
			break;
		}
	}
	/* hour, then the minutes after ":", 时/点/시, ".", or "h" */
	int h, mi = 0, se = 0, n;
	bool minute = false, second = false;
	k = num(sc, j, &h, &n);
	if (n < 1 || n > 2)
		return i;
	c = at(sc, k, &adv);
	if (c == ':') {
		e = num(sc, k + adv, &mi, &n);
		if (n != 2)
			return i;
		k = e;
		minute = true;
		if (at(sc, k, &adv) == ':' && isdig(sc, k + adv)) {
			e = num(sc, k + adv, &se, &n);
			if (n != 2)
				return i;
			k = e;
			second = true;
			c = at(sc, k, &adv);
			int frac;
			if ((c == '.' || c == ',') && isdig(sc, k + adv))
				k = num(sc, k + adv, &frac, &n); /* dropped */
		}
	} else if (c == 0x65F6 || c == 0x70B9 || c == 0x9EDE || c == 0x6642 ||
		   c == 0xC2DC) { /* 时 点 點 時 시 */
		e = num(sc, sp(sc, k + adv, 1, false), &mi, &n);
		if (n < 1 || n > 2)
			return i;
		k = e;
		minute = true;
		e = sp(sc, k, 1, false);
		c = at(sc, e, &adv);
		if (c == 0x5206 || c == 0xBD84) { /* 分 분 */
			k = e + adv;
			e = num(sc, sp(sc, k, 1, false), &se, &n);
			c = at(sc, sp(sc, e, 1, false), &adv);
			if (n >= 1 && n <= 2 && (c == 0x79D2 || c == 0xCD08)) { /* 秒 초 */
				k = sp(sc, e, 1, false) + adv;
				second = true;
			} else {
				se = 0;
			}
		}
	} else if (c == '.' && isdig(sc, k + adv)) {
		/* 10.30 only after "kl.", "alle", "um"… or before "Uhr", am/pm
		 * or a zone (10.30 BST): alone it is as likely a number */
		int mk;
		pdate z = *d;
		e = num(sc, k + adv, &mi, &n);
		if (n != 2 || !(word_sep || lit(sc, sp(sc, e, 1, false), "uhr") != NPOS ||
				meridiem_after(sc, e, &mk) != e || tz_part(sc, e, &z, false) != e))
			return i;
		k = e;
		minute = true;
	} else {
		/* 10h30, 10 h 30 */
		size_t hk = sp(sc, k, 1, false);
		c = at(sc, hk, &adv);
		if ((c == 'h' || c == 'H') && isdig(sc, sp(sc, hk + adv, 1, false))) {
			e = num(sc, sp(sc, hk + adv, 1, false), &mi, &n);
			if (n != 2)
				return i;
			k = e;
			minute = true;
		}
	}
	e = meridiem_after(sc, k, &post);
	if (post && (h < 1 || h > 12))
		post = 0; /* 14:30 am Flughafen: German "am", not a.m. */
	if (!minute && !post)
		return i;
	if (post) {
		h = h % 12 + (post == PM ? 12 : 0);
		k = e;
	} else if (pre == PM && h < 12) {
		h += 12;
	} else if (pre == NOON && h < 11) {
		h += 12;
	} else if (pre == AM && h == 12) {
		h = 0;
	}
	if (h > 24 || mi > 59 || se > 59 || (h == 24 && (mi || se)))
		return NPOS;
	if (h == 24) { /* 24:00 is the next day's midnight */
		long long n2 = days_from_civil(d->year, d->month, d->day) + 1;
		if (!civil_from_days(n2, &d->year, &d->month, &d->day))
			return NPOS;
		h = 0;
	}
	d->hour = h;
	d->minute = mi;
	d->second = se;
	d->prec = second ? DATE_SECOND : DATE_MINUTE;
	e = lit(sc, sp(sc, k, 1, false), "uhr");
	if (e != NPOS && !is_letter(at(sc, e, &adv)))
		k = e;
	return tz_part(sc, k, d, iso || second);
}

/* ---- The forms --------------------------------------------------------- */

/* 2025-06-06-1, 1.2.3.4: the date is part of a longer number. */
static bool glued_after(const scan *sc, size_t i, uint32_t sep)
{
	size_t adv;
	return at(sc, i, &adv) == sep && isdig(sc, i + adv);
}

/* 0731-2025…, 1.2025.06.06: the run continues a number before it. */
static bool glued_before(const scan *sc, size_t i)
{
	size_t t, t2;
	uint32_t c = before(sc, i, &t);
	if (c != '-' && c != '.' && c != '/' && c != ':')
		return false;
	c = before(sc, t, &t2);
	return c >= '0' && c <= '9';
}

/* A year alone after a month name (June 2025): not 2025-06, 2025年. */
static bool year_alone(const scan *sc, size_t i)
{
	size_t adv;
	uint32_t c = at(sc, i, &adv);
	if ((c == '-' || c == '/' || c == '.') && isdig(sc, i + adv))
		return false;
	c = at(sc, sp(sc, i, 1, false), &adv);
	return c != 0x5E74 && c != 0xB144; /* 年 년 */
}

/* After a day number: st nd rd th er re, º ª, or a dot (6. Juni); NPOS
 * when other letters are glued to it (5km). */
static size_t ordinal(const scan *sc, size_t i, bool dot)
{
	static const char *const suffixes[] = {"st", "nd", "rd", "th", "er", "re"};
	char key[KEY];
	size_t adv, e = word(sc, i, key, sizeof key);
	uint32_t c = at(sc, i, &adv);
	if (e != i)
		return IN_LIST(suffixes, key) ? e : NPOS;
	if (c == 0xBA || c == 0xAA || (dot && c == '.'))
		return i + adv;
	if (is_letter(c))
		return NPOS;
	return i;
}

/* A word that may stand between the day and the month name. */
static bool month_art(const char *key)
{
	return !strcmp(key, "de") || !strcmp(key, "del") || !strcmp(key, "of") ||
	       (key[0] == 'd' && !key[1]);
}

/* de, del, of, d' before or after a month name. */
static size_t article(const scan *sc, size_t i)
{
	char key[KEY];
	size_t adv, adv2, e = word(sc, i, key, sizeof key);
	uint32_t c = at(sc, i + 1, &adv);
	if (i < sc->len && (sc->s[i] | 0x20) == 'd' && (c == '\'' || c == 0x2019) &&
	    is_letter(at(sc, i + 1 + adv, &adv2)))
		return i + 1 + adv;
	if (e != i && (!strcmp(key, "de") || !strcmp(key, "del") || !strcmp(key, "of"))) {
		size_t k = sp(sc, e, MAXSP, true);
		if (k != e)
			return k;
	}
	return i;
}

/* Skips the Slavic abbreviation of "year" after it: 2025 г., 2025 r. */
static size_t year_suffix(const scan *sc, size_t i)
{
	char key[KEY];
	size_t adv, k = sp(sc, i, 1, false), e = word(sc, k, key, sizeof key);
	if (e == k || !IN_LIST(year_words, key))
		return i;
	return at(sc, e, &adv) == '.' ? e + adv : e;
}

/* Year first, Hungarian style: 2025. június 6. (after "2025. "). */
static size_t ymd_name(const scan *sc, int y, size_t k, pdate *d)
{
	char key[KEY];
	int day, n;
	size_t adv, e = word(sc, k, key, sizeof key);
	int m = month_of(key);
	if (!m)
		return NPOS;
	if (at(sc, e, &adv) == '.')
		e += adv;
	e = num(sc, sp(sc, e, 1, false), &day, &n);
	if (n < 1 || n > 2 || !set_ymd(d, y, m, day))
		return NPOS;
	if (at(sc, e, &adv) == '.')
		e += adv;
	return time_part(sc, e, d, false);
}

/* CJK after the year: 年3月12日, 년 6월 6일, 年3月 (month precision). */
static size_t ymd_cjk(const scan *sc, int y, size_t j, pdate *d)
{
	int m, day, n;
	size_t adv, k, e;
	k = num(sc, sp(sc, j, 1, false), &m, &n);
	e = sp(sc, k, 1, false);
	uint32_t c = at(sc, e, &adv);
	if (n < 1 || n > 2 || (c != 0x6708 && c != 0xC6D4)) /* 月 월 */
		return (sc->flags & PARSE) && set_y(d, y) ? j : NPOS;
	if (!set_ym(d, y, m))
		return NPOS;
	j = e + adv;
	k = num(sc, sp(sc, j, 1, false), &day, &n);
	if (n < 1 || n > 2)
		return j;
	e = sp(sc, k, 1, false);
	c = at(sc, e, &adv);
	if (c == 0x65E5 || c == 0x53F7 || c == 0x865F || c == 0xC77C) { /* 日 号 號 일 */
		e += adv;
	} else if (c == '-' || c == '~' || c == 0x2013 || c == 0x2014 ||
		   c == 0x81F3 || c == 0x5230) { /* 11—12日, 11至12日: the first day */
		if (!isdig(sc, e + adv))
			return j;
		e = k;
	} else {
		return j;
	}
	if (!set_ymd(d, y, m, day))
		return NPOS;
	return time_part(sc, e, d, true);
}

/* Year first: 2025-06-06, 2025/6/6, 2025.06.06, 2025. 6. 6., 2025.
 * június 6., 2024年3月12日, 2025년 6월 6일; in parse mode also 2025-06,
 * 2025年 and 2025. */
static size_t ymd(const scan *sc, size_t i, pdate *d)
{
	int y, m, day, n;
	size_t adv, k, j = num(sc, i, &y, &n);
	uint32_t sep = at(sc, j, &adv);
	if (sep == '-' || sep == '/' || sep == '.') {
		bool spaced = false;
		k = j + adv;
		if (sep == '.') {
			size_t k2 = sp(sc, k, 1, false);
			spaced = k2 != k;
			k = k2;
			if (spaced && is_letter(at(sc, k, &adv)))
				return ymd_name(sc, y, k, d);
		}
		k = num(sc, k, &m, &n);
		if (n < 1 || n > 2)
			return NPOS;
		if (at(sc, k, &adv) != sep)
			return (sc->flags & PARSE) && !spaced && set_ym(d, y, m) ? k : NPOS;
		k += adv;
		if (spaced)
			k = sp(sc, k, 1, false);
		j = num(sc, k, &day, &n);
		if (n < 1 || n > 2)
			return NPOS;
		if (spaced) { /* Korean 2025. 6. 6. ends with a dot */
			if (at(sc, j, &adv) != '.')
				return NPOS;
			j += adv;
		} else if (glued_after(sc, j, sep)) {
			return NPOS;
		}
		if (!set_ymd(d, y, m, day))
			return NPOS;
		return time_part(sc, j, d, false);
	}
	k = sp(sc, j, 1, false);
	sep = at(sc, k, &adv);
	if (sep == 0x5E74 || sep == 0xB144) /* 年 년 */
		return ymd_cjk(sc, y, k + adv, d);
	return (sc->flags & PARSE) && set_y(d, y) ? j : NPOS;
}

/* Day and month first, all numbers: 06/06/2025, 6.6.2025, 6. 6. 2025,
 * 06-06-2025. Ambiguous orders read mm/dd with slashes (US) unless
 * DATE_DMY, dd.mm with dots and dashes. Two-digit years in parse mode. */
static size_t dmy(const scan *sc, size_t i, pdate *d)
{
	int a, b, y, n, m, day;
	size_t adv, j = num(sc, i, &a, &n), k, e;
	uint32_t sep = at(sc, j, &adv);
	if (n < 1 || n > 2 || (sep != '/' && sep != '.' && sep != '-'))
		return NPOS;
	k = j + adv;
	if (sep == '.')
		k = sp(sc, k, 1, false);
	k = num(sc, k, &b, &n);
	if (n < 1 || n > 2 || at(sc, k, &adv) != sep)
		return NPOS;
	k += adv;
	if (sep == '.')
		k = sp(sc, k, 1, false);
	e = num(sc, k, &y, &n);
	if (n == 2 && (sc->flags & PARSE))
		y += y < 70 ? 2000 : 1900;
	else if (n != 4)
		return NPOS;
	if (glued_after(sc, e, sep))
		return NPOS;
	if (a > 12 || (b <= 12 && (sep != '/' || (sc->flags & DATE_DMY)))) {
		day = a;
		m = b;
	} else {
		m = a;
		day = b;
	}
	if (!set_ymd(d, y, m, day))
		return NPOS;
	return time_part(sc, e, d, false);
}

/* Day first with a month name: 6 June 2025, 6th of June, 2025, 1er juin
 * 2025, 6. Juni 2025, 6 de junio de 2025, 6 июня 2025 г., 06-Jun-2025. */
static size_t day_name(const scan *sc, size_t i, pdate *d)
{
	char key[KEY];
	int day, y, n;
	size_t adv, j = num(sc, i, &day, &n), k, e;
	bool dash = false;
	if (n < 1 || n > 2)
		return NPOS;
	size_t adv2;
	if (at(sc, j, &adv) == '-' && is_letter(at(sc, j + adv, &adv2))) {
		dash = true;
		k = j + adv;
	} else {
		k = ordinal(sc, j, true);
		if (k == NPOS)
			return NPOS;
		e = sp(sc, k, MAXSP, true);
		if (e == j)
			return NPOS;
		k = e;
	}
	e = word(sc, k, key, sizeof key);
	if (!dash && e != k && month_art(key)) { /* 6 de junio, 6th of June */
		k = article(sc, k);
		e = word(sc, k, key, sizeof key);
	}
	if (e == k)
		return NPOS;
	k = e;
	if (at(sc, k, &adv) == '.')
		k += adv;
	if (dash) {
		if (at(sc, k, &adv) != '-')
			return NPOS;
		k += adv;
	} else {
		size_t k2 = sp(sc, k, MAXSP, true);
		uint32_t c = at(sc, k2, &adv);
		if (c == ',')
			k2 = sp(sc, k2 + adv, MAXSP, true);
		else if (c == 'd' || c == 'o')
			k2 = article(sc, k2);
		if (k2 == e)
			return NPOS;
		k = k2;
	}
	e = num(sc, k, &y, &n);
	if (n != 4 || glued_after(sc, e, '.'))
		return NPOS;
	/* the shape fits: only now look the word up */
	int m = month_of(key);
	if (!m || !set_ymd(d, y, m, day))
		return NPOS;
	return time_part(sc, year_suffix(sc, e), d, false);
}

/* Month name first, found by looking back from the digits at i: June 6,
 * 2025, Jun. 6th 2025, Sept. 3, 2024; and a month with a year alone (June
 * 2025, junio de 2025) at month precision. *st gets the name's start. */
static size_t name_first(const scan *sc, size_t i, pdate *d, size_t *st)
{
	char key[KEY];
	int v, n, y = 0, day = 0;
	size_t adv, j = num(sc, i, &v, &n), k, e, t;
	if (n == 4) {
		if (!year_alone(sc, j))
			return NPOS;
		y = v;
		e = j;
	} else if (n >= 1 && n <= 2) {
		day = v;
		k = ordinal(sc, j, false);
		if (k == NPOS)
			return NPOS;
		if (at(sc, k, &adv) == ',')
			k += adv;
		e = sp(sc, k, MAXSP, true);
		if (e == k)
			return NPOS;
		e = num(sc, e, &y, &n);
		if (n != 4 || glued_after(sc, e, '.') || glued_after(sc, e, '-'))
			return NPOS;
	} else {
		return NPOS;
	}
	/* cheap tests passed: now the name before the digits */
	k = sp_back(sc, i, MAXSP);
	if (before(sc, k, &t) == '.')
		k = t;
	else if (k == i)
		return NPOS;
	size_t ws = word_before(sc, k, key, sizeof key);
	if (ws != NPOS && !day && !strcmp(key, "de")) { /* junio de 2025 */
		k = sp_back(sc, ws, MAXSP);
		ws = k == ws ? NPOS : word_before(sc, k, key, sizeof key);
	}
	int m = ws == NPOS ? 0 : month_of(key);
	if (!m)
		return NPOS;
	*st = ws;
	if (!day) {
		/* "a set of 1940", "gen 2020": a short name alone before a year
		 * must be capitalised to count (Jun 2025, Set 2020) */
		size_t chars = 0;
		for (const char *p = key; *p; p++)
			chars += (*p & 0xC0) != 0x80;
		if (chars <= 3 && uc_lower(at(sc, ws, &adv)) == at(sc, ws, &adv))
			return NPOS;
		return set_ym(d, y, m) ? e : NPOS;
	}
	if (!set_ymd(d, y, m, day))
		return NPOS;
	return time_part(sc, e, d, false);
}

/* Now minus secs, to the day (6天前) or as an instant to the minute
 * (3小时前, 刚刚 with secs = 0). */
static bool set_rel(pdate *d, long long now, long long secs, date_prec p)
{
	if (!set_epoch(d, now - secs, p))
		return false;
	d->relative = true;
	return true;
}

/* A number of units back: 6天前, 3 hours ago. The first letter of the unit
 * is tested before any table, since numbers are everywhere. */
static size_t rel_num(const scan *sc, size_t i, pdate *d)
{
	char key[KEY], key2[KEY];
	int v, n;
	size_t j = num(sc, i, &v, &n), k, e, e2 = NPOS;
	if (!sc->now || n < 1 || n > 3)
		return NPOS;
	/* 3月31日前 is "before March 31st", not 31 days ago */
	uint32_t c0 = before(sc, i, &k);
	if (c0 == 0x6708 || c0 == 0x5E74 || c0 == 0xC6D4) /* 月 年 월 */
		return NPOS;
	k = sp(sc, j, 1, false);
	if (k >= sc->len)
		return NPOS;
	bool ascii = sc->s[k] < 0x80;
	if (!ascii) { /* the first letters of the units: 天日周星个個小時分秒 일주시분초 */
		size_t adv;
		switch (at(sc, k, &adv)) {
		case 0x5929: case 0x65E5: case 0x5468: case 0x661F: case 0x4E2A:
		case 0x500B: case 0x5C0F: case 0x6642: case 0x5206: case 0x79D2:
		case 0xC77C: case 0xC8FC: case 0xC2DC: case 0xBD84: case 0xCD08:
			break;
		default:
			return NPOS;
		}
	} else { /* English: the unit, then "ago" */
		e = word(sc, k, key, sizeof key);
		if (e == k || k == j || e - k > 7)
			return NPOS;
		size_t k2 = sp(sc, e, MAXSP, false);
		e2 = word(sc, k2, key2, sizeof key2);
		if (k2 == e || e2 == k2 || strcmp(key2, "ago") != 0)
			return NPOS;
	}
	for (size_t u = 0; u < sizeof rel_units / sizeof rel_units[0]; u++) {
		const struct rel_unit *r = &rel_units[u];
		if (r->ago != ascii)
			continue;
		size_t end = ascii ? (strcmp(key, r->text) ? NPOS : e2) : lit(sc, k, r->text);
		if (end == NPOS)
			continue;
		return set_rel(d, sc->now, (long long)v * r->seconds,
			       r->seconds >= 86400 ? DATE_DAY : DATE_MINUTE) ? end : NPOS;
	}
	return NPOS;
}

/* 刚刚, 昨天, 前天 10:30, yesterday, today at 9:00. */
static size_t rel_word(const scan *sc, size_t i, pdate *d)
{
	size_t adv, st;
	for (size_t w = 0; w < sizeof rel_words / sizeof rel_words[0]; w++) {
		const struct rel_word *r = &rel_words[w];
		size_t e = lit(sc, i, r->text);
		if (e == NPOS)
			continue;
		if ((r->flags & RW_WORD) &&
		    (is_letter(at(sc, e, &adv)) || is_letter(before(sc, i, &st))))
			continue;
		if ((r->flags & RW_NOT_AFTER_HAN) && uc_is_han(before(sc, i, &st)))
			continue;
		memset(d, 0, sizeof *d);
		if (r->days < 0) /* 刚刚: now */
			return set_rel(d, sc->now, 0, DATE_MINUTE) ? e : NPOS;
		if (!set_rel(d, sc->now, (long long)r->days * 86400, DATE_DAY))
			return NPOS;
		size_t t = time_part(sc, e, d, !(r->flags & RW_WORD));
		if (t == NPOS || ((r->flags & RW_NEED_TIME) && t == e))
			return NPOS;
		return t;
	}
	return NPOS;
}

/* A Chinese numeral 0..9 (〇, 零, ○ and a letter O stand for zero). */
static int cn_digit(uint32_t c)
{
	switch (c) {
	case 0x3007: case 0x96F6: case 0x25CB: case 'O': case 'o': return 0;
	case 0x4E00: return 1;
	case 0x4E8C: return 2;
	case 0x4E09: return 3;
	case 0x56DB: return 4;
	case 0x4E94: return 5;
	case 0x516D: return 6;
	case 0x4E03: return 7;
	case 0x516B: return 8;
	case 0x4E5D: return 9;
	}
	return -1;
}

/* A month or day in Chinese numerals: 三, 十, 十二, 二十, 三十一. */
static size_t cn_small(const scan *sc, size_t i, int *v)
{
	size_t adv, adv2;
	uint32_t c = at(sc, i, &adv);
	int a = cn_digit(c), b;
	if (c == 0x5341) { /* 十 */
		b = cn_digit(at(sc, i + adv, &adv2));
		*v = 10 + (b > 0 ? b : 0);
		return i + adv + (b > 0 ? adv2 : 0);
	}
	if (a <= 0)
		return NPOS;
	i += adv;
	if (at(sc, i, &adv) != 0x5341) {
		*v = a;
		return i;
	}
	i += adv;
	b = cn_digit(at(sc, i, &adv2));
	*v = a * 10 + (b > 0 ? b : 0);
	return i + (b > 0 ? adv2 : 0);
}

/* 二〇二四年三月十二日, 二零二四年三月. */
static size_t cn_date(const scan *sc, size_t i, pdate *d)
{
	int y = 0, m, day;
	size_t adv, j = i, e;
	for (int k = 0; k < 4; k++) {
		int g = cn_digit(at(sc, j, &adv));
		if (g < 0 || !adv)
			return NPOS;
		y = y * 10 + g;
		j += adv;
	}
	j = lit(sc, j, "年");
	if (j == NPOS)
		return NPOS;
	e = cn_small(sc, j, &m);
	if (e == NPOS || (e = lit(sc, e, "月")) == NPOS)
		return (sc->flags & PARSE) && set_y(d, y) ? j : NPOS;
	if (!set_ym(d, y, m))
		return NPOS;
	j = e;
	e = cn_small(sc, j, &day);
	if (e == NPOS)
		return j;
	size_t e2 = lit(sc, e, "日");
	if (e2 == NPOS)
		e2 = lit(sc, e, "号");
	if (e2 == NPOS)
		return j;
	if (!set_ymd(d, y, m, day))
		return NPOS;
	return time_part(sc, e2, d, true);
}

/* Every form that can start with the digit run at i, most specific first;
 * each reads ahead a bounded number of tokens. *next is the end of the
 * run: whatever happens, the scan resumes there, so a run is tried once
 * and a long one costs nothing more than reading it. */
static size_t at_digits(const scan *sc, size_t i, pdate *d, size_t *st, size_t *next)
{
	int v, n;
	size_t e = NPOS;
	*next = num(sc, i, &v, &n);
	*st = i;
	if (glued_before(sc, i))
		return NPOS;
	/* a failed form may have filled part of d: each starts from zero */
	if (n == 4) { /* June 2025 before 2025 alone, which parse mode takes */
		e = name_first(sc, i, d, st);
		if (e == NPOS) {
			memset(d, 0, sizeof *d);
			e = ymd(sc, i, d);
		}
	} else if (n <= 2) {
		e = name_first(sc, i, d, st);
		if (e == NPOS) {
			memset(d, 0, sizeof *d);
			e = dmy(sc, i, d);
		}
		if (e == NPOS) {
			memset(d, 0, sizeof *d);
			e = day_name(sc, i, d);
		}
	}
	if (e == NPOS && n <= 3) {
		memset(d, 0, sizeof *d);
		e = rel_num(sc, i, d);
	}
	return e;
}

/* A time before the date it belongs to, as CNN writes it: "Updated 2:08
 * PM ET, Fri June 6, 2025". Returns the new start. */
static size_t time_before(const scan *sc, size_t st, pdate *d)
{
	size_t adv, t;
	for (size_t k = st > 40 ? st - 40 : 0; k < st; k++) {
		if (!isdig(sc, k))
			continue;
		before(sc, k, &t);
		if (k && isdig(sc, t)) /* inside a number */
			continue;
		pdate tmp = *d;
		size_t e = time_part(sc, k, &tmp, true);
		if (e == NPOS || e == k)
			continue;
		e = sp(sc, e, MAXSP, false);
		uint32_t c = at(sc, e, &adv);
		if (c == ',' || c == '|' || c == '-' || c == 0x2013 || c == 0x2014 || c == 0xB7)
			e = sp(sc, e + adv, MAXSP, false);
		if (e == st) {
			*d = tmp;
			return k;
		}
	}
	return st;
}

/* Puts the start before a weekday (Friday, June 6) and 北京时间. */
static size_t extend_start(const scan *sc, size_t st, pdate *d)
{
	char key[KEY];
	size_t t, k = sp_back(sc, st, MAXSP);
	if (before(sc, k, &t) == ',')
		k = sp_back(sc, t, MAXSP);
	size_t ws = k < st ? word_before(sc, k, key, sizeof key) : NPOS;
	if (ws != NPOS && IN_LIST(weekdays, key))
		st = ws;
	k = sp_back(sc, st, MAXSP);
	if (before(sc, k, &t) == ':')
		k = sp_back(sc, t, MAXSP);
	if (k >= 12 && memcmp(sc->s + k - 12, "北京时间", 12) == 0) {
		st = k - 12;
		if (!d->has_tz) {
			d->has_tz = true;
			d->tz_minutes = 480;
		}
	}
	return st;
}

/* The three bytes at p as one number, to test CJK triggers undecoded. */
#define U3(p) ((uint32_t)(p)[0] << 16 | (uint32_t)(p)[1] << 8 | (p)[2])

/* The scan: stop only at trigger bytes, try the forms that can start
 * there, and put the start before a weekday, 北京时间 or a leading time
 * once a date is found. */
static bool find(const scan *sc, pdate *out, size_t *start, size_t *end)
{
	const unsigned char *s = sc->s;
	size_t len = sc->len, i = 0;
	/* relative dates need a `now` within 1900..2100 */
	bool rel = sc->now >= -2208988800LL && sc->now < 4133980800LL && sc->now;
	unsigned mask = rel ? 0xFF : T_DIG | T_FULL | T_CN;
	while (i < len) {
		unsigned t = trig[s[i]] & mask;
		if (!t) {
			i++;
			continue;
		}
		pdate d;
		size_t st = i, next = i + 1, e = NPOS, tmp;
		memset(&d, 0, sizeof d);
		if (t & T_DIG) {
			e = at_digits(sc, i, &d, &st, &next);
		} else if (i + 2 >= len) {
			/* too short for anything but an ASCII digit */
		} else if (t & T_FULL) {
			if (s[i + 1] == 0xBC && s[i + 2] >= 0x90 && s[i + 2] <= 0x99)
				e = at_digits(sc, i, &d, &st, &next);
		} else if (t & T_LAT) { /* today, yesterday, just now */
			unsigned b1 = s[i + 1] | 0x20, b2 = s[i + 2] | 0x20;
			if (((b1 == 'o' && b2 == 'd') || (b1 == 'e' && b2 == 's') ||
			     (b1 == 'u' && b2 == 's')) && !is_letter(before(sc, i, &tmp)))
				e = rel_word(sc, i, &d);
		} else {
			uint32_t v = U3(s + i);
			if (v == 0xE4B880 || v == 0xE4BA8C) /* 一 二 */
				e = cn_date(sc, i, &d);
			else if (rel && (v == 0xE4BB8A || v == 0xE5889A || v == 0xE5899B ||
					 v == 0xE5898D || v == 0xE698A8)) /* 今 刚 剛 前 昨 */
				e = rel_word(sc, i, &d);
		}
		if (e != NPOS) {
			st = extend_start(sc, st, &d);
			if (d.prec == DATE_DAY && !d.relative)
				st = time_before(sc, st, &d);
			if (out)
				*out = d;
			if (start)
				*start = st;
			if (end)
				*end = e;
			return true;
		}
		i = next;
	}
	return false;
}

/* ---- Public ------------------------------------------------------------ */

bool date_find_ex(const char *s, size_t len, long long now, unsigned flags, pdate *d,
		  size_t *start, size_t *end)
{
	if (!s)
		return false;
	scan sc = {(const unsigned char *)s, len, now, flags & DATE_DMY};
	return find(&sc, d, start, end);
}

bool date_find(const char *s, size_t len, long long now, pdate *d, size_t *start,
	       size_t *end)
{
	return date_find_ex(s, len, now, 0, d, start, end);
}

/* The forms of free text, required to cover the whole string, plus the
 * all-digit machine forms that free text would confuse with IDs. */
bool date_parse_ex(const char *s, size_t len, long long now, unsigned flags, pdate *d)
{
	pdate r;
	size_t a = 0, b = len, adv, st, en;
	if (!s)
		return false;
	scan all = {(const unsigned char *)s, len, now, 0};
	/* attributes come with BOMs and zero-width spaces as often as blanks */
	while (a < b && (is_sp(at(&all, a, &adv), true) || uc_is_invisible(at(&all, a, &adv))))
		a += adv;
	while (b > a) {
		uint32_t c = before(&all, b, &st);
		if (!is_sp(c, true) && !uc_is_invisible(c))
			break;
		b = st;
	}
	if (a == b)
		return false;
	memset(&r, 0, sizeof r);
	size_t k = a;
	while (k < b && s[k] >= '0' && s[k] <= '9')
		k++;
	if (k == b && (b - a == 8 || b - a == 10 || b - a == 13)) {
		/* 20250606, Unix seconds, Unix milliseconds */
		long long v = 0;
		for (k = a; k < b; k++)
			v = v * 10 + (s[k] - '0');
		if (b - a == 8) {
			if (!set_ymd(&r, (int)(v / 10000), (int)(v / 100 % 100), (int)(v % 100)))
				return false;
		} else if (!set_epoch(&r, b - a == 13 ? v / 1000 : v, DATE_SECOND)) {
			return false;
		}
	} else {
		scan sc = {(const unsigned char *)s + a, b - a, now, (flags & DATE_DMY) | PARSE};
		if (!find(&sc, &r, &st, &en) || st != 0 || en != b - a)
			return false;
	}
	if (d)
		*d = r;
	return true;
}

bool date_parse(const char *s, size_t len, long long now, pdate *d)
{
	return date_parse_ex(s, len, now, 0, d);
}

/* The digit run at i of a URL: its end and value. */
static size_t url_num(const char *u, size_t i, int *v)
{
	int x = 0;
	size_t k = i;
	while (u[k] >= '0' && u[k] <= '9') {
		if (k - i < 9)
			x = x * 10 + (u[k] - '0');
		k++;
	}
	*v = x;
	return k;
}

static bool url_year(int y) { return y >= 1990 && y <= 2100; }

/* Every digit run of the path is a candidate; the most precise date wins
 * (/202506/t20250606_1.htm is the day, not the month) and the first among
 * equals, which is the one nearest the site's root. */
bool date_from_url(const char *url, pdate *d)
{
	pdate best, r;
	size_t i = 0, k, e, e2;
	int v, m, day;
	if (!url)
		return false;
	memset(&best, 0, sizeof best);
	const char *p = strstr(url, "://");
	if (p) { /* digits in the host name are not dates */
		i = (size_t)(p - url) + 3;
		while (url[i] && url[i] != '/')
			i++;
	}
	while (url[i]) {
		if (url[i] < '0' || url[i] > '9') {
			i++;
			continue;
		}
		char pre = i ? url[i - 1] : '/';
		/* a year glued to letters (v2025, id2025) is an identifier; eight
		 * digits are read even so (t20250606) */
		bool bound = !((pre | 0x20) >= 'a' && (pre | 0x20) <= 'z');
		e = url_num(url, i, &v);
		memset(&r, 0, sizeof r);
		char sep = url[e];
		if (e - i == 8) { /* 20250606, t20250606_1.html */
			if (url_year(v / 10000))
				set_ymd(&r, v / 10000, v / 100 % 100, v % 100);
		} else if (e - i == 6 && pre == '/' && url[e] == '/') { /* /202506/ */
			if (url_year(v / 100))
				set_ym(&r, v / 100, v % 100);
		} else if (e - i == 4 && bound && url_year(v) &&
			   (sep == '/' || sep == '-' || sep == '_')) {
			k = url_num(url, e + 1, &m);
			if (k - e - 1 == 4 && sep == '/') { /* /2025/0606/ */
				set_ymd(&r, v, m / 100, m % 100);
			} else if (k - e - 1 >= 1 && k - e - 1 <= 2) {
				/* /2025/06/06/, 2025-06-06, Xinhua's /2025-06/06/ */
				bool two = url[k] == sep || url[k] == '/';
				if (two && url[k + 1] >= '0' && url[k + 1] <= '9') {
					e2 = url_num(url, k + 1, &day);
					if (e2 - k - 1 <= 2)
						set_ymd(&r, v, m, day);
				}
				if (r.prec == DATE_NONE && sep == '/' && (url[k] == '/' || !url[k]))
					set_ym(&r, v, m);
			}
		}
		if (r.prec > best.prec)
			best = r;
		i = e;
	}
	if (best.prec == DATE_NONE)
		return false;
	if (d)
		*d = best;
	return true;
}

long long date_epoch(const pdate *d)
{
	int m = d->month >= 1 && d->month <= 12 ? d->month : 1;
	int day = d->day >= 1 && d->day <= 31 ? d->day : 1;
	long long t = days_from_civil(d->year, m, day) * 86400LL + d->hour * 3600LL +
		      d->minute * 60LL + d->second;
	return d->has_tz ? t - d->tz_minutes * 60LL : t;
}

bool date_plausible(const pdate *d, long long now)
{
	if (!d || d->prec == DATE_NONE || d->year < 1990)
		return false;
	if (!now)
		now = (long long)time(NULL);
	return date_epoch(d) <= now + 86400;
}

size_t date_format(const pdate *d, char *buf, size_t n)
{
	char tmp[128]; /* room for any ints a caller may have put in d */
	int k = 0;
	switch (d->prec) {
	case DATE_NONE:
		break;
	case DATE_YEAR:
		k = snprintf(tmp, sizeof tmp, "%04d", d->year);
		break;
	case DATE_MONTH:
		k = snprintf(tmp, sizeof tmp, "%04d-%02d", d->year, d->month);
		break;
	case DATE_DAY:
		k = snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", d->year, d->month, d->day);
		break;
	case DATE_MINUTE:
		k = snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%02d:%02d", d->year, d->month,
			     d->day, d->hour, d->minute);
		break;
	case DATE_SECOND:
		k = snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%02d:%02d:%02d", d->year,
			     d->month, d->day, d->hour, d->minute, d->second);
		break;
	}
	if (k > 0 && d->has_tz && d->prec >= DATE_MINUTE) {
		long long off = d->tz_minutes < 0 ? -(long long)d->tz_minutes : d->tz_minutes;
		k += snprintf(tmp + k, sizeof tmp - (size_t)k, "%c%02d:%02d",
			      d->tz_minutes < 0 ? '-' : '+', (int)(off / 60 % 100),
			      (int)(off % 60));
	}
	if (k < 0)
		k = 0;
	if (n) {
		size_t c = (size_t)k < n ? (size_t)k : n - 1;
		memcpy(buf, tmp, c);
		buf[c] = 0;
	}
	return (size_t)k;
}
