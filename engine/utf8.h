/* UTF-8 helpers: validation, decoding, and the small case table trawl needs. */
#ifndef TRAWL_UTF8_H
#define TRAWL_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Returns the offset of the first invalid byte, or len when all is valid.
 * Overlongs, surrogates and code points past U+10FFFF are invalid. */
size_t utf8_validate(const unsigned char *s, size_t len);

/* Decodes the code point at s[0..]; *n gets its byte length (>= 1). The text
 * must already be valid UTF-8. */
static inline uint32_t utf8_decode(const unsigned char *s, size_t avail, int *n)
{
    unsigned c = s[0];
    if (c < 0x80 || avail < 2) { *n = 1; return c; }
    if (c < 0xE0) { *n = 2; return ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu); }
    if (c < 0xF0 || avail < 4) {
        if (avail < 3) { *n = 1; return c; }
        *n = 3;
        return ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    }
    *n = 4;
    return ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
}

/* The byte length of a no-break, narrow no-break or thin space at s[i]
 * (U+00A0, U+202F, U+2009: the spaces that group digits, "40 000"), or 0. */
static inline size_t utf8_fixed_space(const unsigned char *s, size_t n, size_t i)
{
    if (i + 1 < n && s[i] == 0xC2 && s[i + 1] == 0xA0) return 2;
    if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0xAF || s[i + 2] == 0x89))
        return 3;
    return 0;
}

/* Writes cp as UTF-8 into out (room for 4 bytes); returns the byte count. */
int utf8_encode(uint32_t cp, char *out);

int cp_is_upper(uint32_t cp);
int cp_is_lower(uint32_t cp);
uint32_t cp_to_lower(uint32_t cp);
/* Letters outside ASCII: everything that is not space, punctuation or a
 * symbol we know of counts as a letter, so scripts we have no table for
 * still make words. */
int cp_is_letter(uint32_t cp);

#endif
