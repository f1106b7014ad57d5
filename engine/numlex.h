/* Reading one number token ("1,200", "2.5", "61bn", "5km", "3/4", ".5",
 * "1e6", "10th", "1990s"): the lexical half of scripts/trawl/numbers.lua's
 * grammar, in C, so that the common figure (one token of digits) is read
 * without running the grammar in Lua. Pure C, no Lua. */
#ifndef TRAWL_NUMLEX_H
#define TRAWL_NUMLEX_H

#include <stddef.h>

/* A Lua number: an integer or a float, kept apart as Lua keeps them. */
typedef struct {
    int isint;
    long long i;
    double d;
} numlex_num;

double numlex_float(numlex_num v);

/* Rounds away float noise and makes integral values integers, as
 * numbers.lua's norm(): "%.12g", then an integer when whole and below 2^53
 * in magnitude. NaN and infinities stay as they are. */
numlex_num numlex_norm(numlex_num v);

/* The multiplier a suffix glued to digits stands for, looked up by the
 * caller in its vocabulary (the suffix as written and lower-cased, n bytes):
 * with money = 0 a scale ("bn", "M"), with money = 1 a letter that is a
 * scale only for money ("m", "b"); 0 when none. */
typedef double (*numlex_scale_fn)(void *ud, int money, const char *rest, const char *lower, size_t n);

enum numlex_status {
    NUMLEX_NONE = 0,    /* not a number token (numbers.lua's lex_token gives nil) */
    NUMLEX_OK,
    NUMLEX_OTHER        /* beyond this reader (digits past a 64-bit integer, a
                         * long exponent): leave the token to numbers.lua */
};

typedef struct {
    numlex_num v;           /* the value, scale and "e" exponent applied */
    int isint;              /* a plain integer: digits and commas only */
    int isshort;            /* 1-3 digits, no separator: may lead spaced groups */
    int plain;              /* nothing after the digits */
    double scale;           /* the suffix's multiplier, 0 when none */
    int ordinal;            /* "10th" */
    int decade;             /* "1990s", "20s": lo .. lo + 9 */
    long long decade_lo;
    int slash;              /* "3/4": num / den, num < den */
    long long num, den;
    size_t rest;            /* offset of the suffix (the letters after the number) */
    int suffix;             /* an unknown suffix at rest ("km", "G"), kept */
    double maybe_scale;     /* the suffix may be a scale for money: "m" 1e6, "b" 1e9 */
} numlex_tok;

/* Reads the token s[0 .. n) as numbers.lua's lex_token does. lower is the
 * token lower-cased (ASCII letters only, as string.lower), of the same
 * length. Returns an enum numlex_status. */
int numlex_token(const char *s, const char *lower, size_t n, numlex_scale_fn scale, void *ud,
                 numlex_tok *out);

#endif
