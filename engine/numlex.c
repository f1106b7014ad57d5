/* Reading one number token, as numbers.lua's lex_token does (see numlex.h):
 * the same branches in the same order, and Lua's number types kept (digits
 * alone are an integer, anything scaled or with a point a float). */
#include "numlex.h"
#include "utf8.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int isdig(char c) { return c >= '0' && c <= '9'; }
static int isalpha_ascii(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

double numlex_float(numlex_num v) { return v.isint ? (double)v.i : v.d; }

static numlex_num num_int(long long i) { numlex_num v = {1, i, 0}; return v; }
static numlex_num num_float(double d) { numlex_num v = {0, 0, d}; return v; }

numlex_num numlex_norm(numlex_num v)
{
    if (v.isint || isnan(v.d) || isinf(v.d)) return v;
    /* a whole value below 10^12 has at most 12 digits: "%.12g" would give
     * it back unchanged (most scaled amounts: 1.13 * 1e9) */
    if (v.d == floor(v.d) && fabs(v.d) < 1e12) return num_int((long long)v.d);
    char buf[64];
    snprintf(buf, sizeof buf, "%.12g", v.d);
    double d = strtod(buf, NULL);
    if (d == floor(d) && d > -9007199254740992.0 && d < 9007199254740992.0) return num_int((long long)d);
    return num_float(d);
}

/* Decimal digits s[0 .. n) as a Lua integer; 0 when they overflow one (Lua
 * would read a float: left to numbers.lua). */
static int digits_int(const char *s, size_t n, long long *out)
{
    unsigned long long a = 0;
    for (size_t k = 0; k < n; k++) {
        unsigned d = (unsigned)(s[k] - '0');
        if (a > (unsigned long long)(LLONG_MAX - d) / 10) return 0;
        a = a * 10 + d;
    }
    *out = (long long)a;
    return 1;
}

/* "3/4", "3/8ths": digits, a slash, digits, letters that may end an ordinal */
static int read_slash(const char *s, const char *lower, size_t n, numlex_tok *t)
{
    size_t a = 0;
    while (a < n && isdig(s[a])) a++;
    if (a == 0 || a >= n || s[a] != '/') return NUMLEX_NONE;
    size_t b = a + 1, c = b;
    while (c < n && isdig(s[c])) c++;
    if (c == b) return NUMLEX_NONE;
    size_t e = c;
    while (e < n && isalpha_ascii(s[e])) e++;
    if (e != n) return NUMLEX_NONE;
    static const char *const TAILS[] = {"", "th", "ths", "s", "nd", "rd", "st", "nds", "rds", NULL};
    int ok = 0;
    for (int k = 0; TAILS[k]; k++)
        if (strlen(TAILS[k]) == n - c && memcmp(TAILS[k], lower + c, n - c) == 0) ok = 1;
    if (!ok) return NUMLEX_NONE;
    long long num, den;
    if (!digits_int(s, a, &num) || !digits_int(s + b, c - b, &den)) return NUMLEX_OTHER;
    if (den == 0 || num >= den) return NUMLEX_NONE;     /* "24/7", "2018/19" */
    t->v = num_float((double)num / (double)den);
    t->slash = 1, t->num = num, t->den = den;
    return NUMLEX_OK;
}

static int is_ordinal_suffix(const char *lr, size_t n)
{
    return n == 2 && (!memcmp(lr, "st", 2) || !memcmp(lr, "nd", 2) || !memcmp(lr, "rd", 2) ||
                      !memcmp(lr, "th", 2));
}

int numlex_token(const char *s, const char *lower, size_t n, numlex_scale_fn scale, void *ud,
                 numlex_tok *t)
{
    memset(t, 0, sizeof *t);
    size_t i;
    if (n >= 1 && isdig(s[0])) {                        /* digits, commas, a point, digits */
        i = 1;
        for (size_t g; i < n; i += g) {                 /* grouped by commas or fixed spaces */
            g = isdig(s[i]) || s[i] == ',' ? 1 : utf8_fixed_space((const unsigned char *)s, n, i);
            if (!g) break;
        }
        if (i < n && s[i] == '.') i++;
        while (i < n && isdig(s[i])) i++;
    } else if (n >= 2 && s[0] == '.' && isdig(s[1])) {  /* ".5" */
        i = 2;
        while (i < n && isdig(s[i])) i++;
    } else {
        return NUMLEX_NONE;
    }
    size_t numlen = i;
    const char *point = memchr(s, '.', numlen);
    const char *comma = memchr(s, ',', numlen);
    if (i < n && s[i] == '/') return read_slash(s, lower, n, t);
    if (i < n && (s[i] == '.' || s[i] == ':' || s[i] == ',')) return NUMLEX_NONE;   /* 192.168.1.2, 10:30 */

    /* the value: the digits without commas (a trailing point reads as ".0") */
    char buf[128];
    size_t nd = 0;
    for (size_t k = 0; k < numlen; k++) {
        if (s[k] != '.' && !isdig(s[k])) continue;      /* commas, fixed spaces */
        if (nd + 2 >= sizeof buf) return NUMLEX_OTHER;
        buf[nd++] = s[k];
    }
    if (s[numlen - 1] == '.') buf[nd++] = '0';
    buf[nd] = 0;
    if (point) {
        t->v = num_float(strtod(buf, NULL));
    } else {
        long long iv;
        if (!digits_int(buf, nd, &iv)) return NUMLEX_OTHER;
        t->v = num_int(iv);
    }
    t->isint = !point;
    t->isshort = t->isint && !comma && numlen <= 3;
    t->rest = numlen;
    if (numlen == n) {
        t->plain = 1;
        return NUMLEX_OK;
    }
    const char *rest = s + numlen, *lr = lower + numlen;
    size_t rn = n - numlen;
    if (lr[0] == 'e' && rn >= 2) {                      /* 1e6, 1.3e6 */
        size_t k = 1;
        while (k < rn && isdig(lr[k])) k++;
        if (k == rn) {
            long long e;
            if (rn > 7 || !digits_int(lr + 1, rn - 1, &e)) return NUMLEX_OTHER;
            t->v = num_float(numlex_float(t->v) * pow(10.0, (double)e));
            t->isint = t->isshort = 0;
            return NUMLEX_OK;
        }
    }
    double sc = scale(ud, 0, rest, lr, rn);
    if (sc != 0) {                                      /* 61bn, 1.2M */
        t->v = num_float(numlex_float(t->v) * sc);
        t->scale = sc;
        t->isint = t->isshort = 0;
        return NUMLEX_OK;
    }
    t->isint = t->isshort = 0;
    if (rn == 1 && lr[0] == 'b' && point) {             /* "1.2b": fractional bits are rare */
        t->v = num_float(numlex_float(t->v) * 1e9);
        t->scale = 1e9;
        return NUMLEX_OK;
    }
    if (is_ordinal_suffix(lr, rn)) {
        t->ordinal = 1;
        return NUMLEX_OK;
    }
    if (rn == 1 && lr[0] == 's' && !point && !comma && t->v.i % 10 == 0 &&
        (t->v.i < 100 || t->v.i >= 1000)) {             /* 1990s, 20s */
        t->decade = 1;
        t->decade_lo = t->v.i;
        return NUMLEX_OK;
    }
    t->suffix = 1;
    t->maybe_scale = scale(ud, 1, rest, lr, rn);
    return NUMLEX_OK;
}
