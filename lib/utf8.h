/* UTF-8 and the character classes the classifiers count. */
#ifndef PITH_UTF8_H
#define PITH_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define U8_REPLACEMENT 0xFFFDu

/* Decode one code point at s (len > 0 bytes left); *adv gets the bytes used
 * (at least 1). Invalid or truncated sequences give U+FFFD and advance 1. */
uint32_t u8_next(const char *s, size_t len, size_t *adv);
/* Encode cp into out (room for 4); returns the byte count (1..4). */
size_t u8_encode(uint32_t cp, char *out);
/* Length of the longest valid UTF-8 prefix of s. */
size_t u8_valid_prefix(const char *s, size_t len);
static inline bool u8_valid(const char *s, size_t len) { return u8_valid_prefix(s, len) == len; }
/* Code points in s (invalid bytes count one each). */
size_t u8_count(const char *s, size_t len);

/* Han ideographs, kana and hangul: the "CJK characters" that are tokens. */
bool uc_is_cjk(uint32_t c);
bool uc_is_han(uint32_t c);
/* White space, including NBSP, U+3000 and the other Unicode spaces. */
bool uc_is_space(uint32_t c);
/* Zero-width and other invisible format characters (ZWSP, ZWJ, BOM, soft hyphen…). */
bool uc_is_invisible(uint32_t c);
/* Letters and digits of any script (CJK included). */
bool uc_is_alnum(uint32_t c);
bool uc_is_digit(uint32_t c);       /* ASCII and full-width digits */
bool uc_is_punct(uint32_t c);       /* ASCII, general and CJK punctuation */
bool uc_is_sentence_end(uint32_t c);/* . ! ? 。！？… and friends */
bool uc_is_clause_punct(uint32_t c);/* , ; : ，、；： */
/* Full-width ASCII variants (U+FF01..FF5E) and U+3000 folded to ASCII; else c. */
uint32_t uc_fold_width(uint32_t c);
/* Simple lower-casing for ASCII, Latin-1, Greek and Cyrillic. */
uint32_t uc_lower(uint32_t c);

#endif
