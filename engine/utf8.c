/* UTF-8 validation and a compact case table (Latin, Greek, Cyrillic). */
#include "utf8.h"

size_t utf8_validate(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        if (c < 0x80) {
            /* fast path over ASCII runs, eight bytes at a time */
            while (i + 8 <= len) {
                uint64_t w;
                __builtin_memcpy(&w, s + i, 8);
                if (w & 0x8080808080808080ull) break;
                i += 8;
            }
            if (i < len && s[i] < 0x80) i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            if (i + 1 >= len || (s[i + 1] & 0xC0) != 0x80) return i;
            i += 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            if (i + 2 >= len || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80) return i;
            if (c == 0xE0 && s[i + 1] < 0xA0) return i;          /* overlong */
            if (c == 0xED && s[i + 1] >= 0xA0) return i;         /* surrogate */
            i += 3;
        } else if (c >= 0xF0 && c <= 0xF4) {
            if (i + 3 >= len || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80 ||
                (s[i + 3] & 0xC0) != 0x80) return i;
            if (c == 0xF0 && s[i + 1] < 0x90) return i;          /* overlong */
            if (c == 0xF4 && s[i + 1] >= 0x90) return i;         /* > U+10FFFF */
            i += 4;
        } else {
            return i;
        }
    }
    return len;
}

int utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int cp_is_upper(uint32_t cp)
{
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
    if (cp >= 0x100 && cp <= 0x17F) return (cp & 1) == (cp >= 0x139 && cp <= 0x148 ? 1u : cp >= 0x179 ? 1u : 0u);
    if (cp >= 0x391 && cp <= 0x3AB) return 1;
    if (cp >= 0x400 && cp <= 0x42F) return 1;
    if (cp >= 0x460 && cp <= 0x4FF) return (cp & 1) == 0;
    return 0;
}

int cp_is_lower(uint32_t cp)
{
    if (cp < 0x80) return cp >= 'a' && cp <= 'z';
    if (cp >= 0xDF && cp <= 0xFF) return cp != 0xF7;
    if (cp >= 0x100 && cp <= 0x17F) return !cp_is_upper(cp) && cp != 0x138 && cp != 0x149;
    if (cp >= 0x3AC && cp <= 0x3CE) return 1;
    if (cp >= 0x430 && cp <= 0x45F) return 1;
    if (cp >= 0x460 && cp <= 0x4FF) return (cp & 1) == 1;
    return 0;
}

uint32_t cp_to_lower(uint32_t cp)
{
    if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    if (!cp_is_upper(cp)) return cp;
    if (cp >= 0xC0 && cp <= 0xDE) return cp + 32;
    if (cp >= 0x100 && cp <= 0x17F) return cp + 1;
    if (cp >= 0x391 && cp <= 0x3AB) return cp + 32;
    if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
    if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
    if (cp >= 0x460 && cp <= 0x4FF) return cp + 1;
    return cp;
}

int cp_is_letter(uint32_t cp)
{
    if (cp < 0x80) return (cp | 32) >= 'a' && (cp | 32) <= 'z';
    if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
    if (cp == 0xD7 || cp == 0xF7) return 0;
    if (cp >= 0x2000 && cp <= 0x2BFF) return 0;   /* punctuation, symbols, arrows */
    if (cp >= 0x3000 && cp <= 0x303F) return 0;   /* CJK punctuation */
    if (cp >= 0xFE30 && cp <= 0xFE4F) return 0;
    if (cp >= 0xFF00 && cp <= 0xFF0F) return 0;
    if (cp >= 0x1F000) return 0;                  /* emoji and pictographs */
    return 1;
}
