/* Small text helpers the classifiers share. */
#ifndef PITH_TEXTUTIL_H
#define PITH_TEXTUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "date.h"

struct page;

/* Only white space, punctuation and invisible characters (or empty). */
bool text_is_filler(const char *s, size_t len);
/* First / last character that is not white space (0 when none). */
uint32_t text_first_char(const char *s, size_t len);
uint32_t text_last_char(const char *s, size_t len);
/* s without white space (incl. NBSP, U+3000) and invisible characters at
 * both ends: sets *b and *e. */
void text_trim(const char *s, size_t len, size_t *b, size_t *e);
/* Like text_trim, and punctuation goes too: the core of a line, for
 * "is this phrase the whole line" questions. */
void text_core(const char *s, size_t len, size_t *b, size_t *e);
/* One date (date_find, read with `now`) and only filler around it:
 * "2025-06-06", "（2025年6月6日）". d may be NULL. */
bool text_is_date(const char *s, size_t len, long long now, pdate *d);
/* A dateline: a date to the day with a few words around it at most
 * ("Reuters November 18, 2019 11:03 PM", "Nov 18, 2019 • 2 min read"). */
bool text_is_dateline(const char *s, size_t len, long long now, unsigned flags, pdate *d);
/* "标题:" "標題：" "Title:" alone on a line. */
bool text_is_title_label(const char *s, size_t len);
/* Appends s with runs of white space collapsed to one space and the ends
 * trimmed. */
void text_add_collapsed(pbuf *out, const char *s, size_t len);
/* 64-bit FNV-1a of the text with white space, digits and punctuation
 * removed and letters folded: lines that differ only there are equal. */
uint64_t text_hash(const char *s, size_t len);
/* Display width in columns (CJK and full-width count 2). */
size_t text_width(const char *s, size_t len);

#endif
