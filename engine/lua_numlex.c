/* trawl.numlex(vocab) -> read: numbers.lua's reading of a lone number token
 * (digits, or one number word) done in C on the doc's tokens, for the
 * figure rule's every candidate. The vocabulary stays in numbers.lua, which
 * hands it over once; anything the reader is not sure of it leaves to the
 * grammar in Lua (it returns nothing). */
#include "doc.h"
#include "lua_trawl.h"
#include "numlex.h"

#include <math.h>
#include <string.h>

/* the read function's upvalues: the vocabulary tables */
enum { UV_WORDS = 1, UV_CARRY_ON, UV_CARRY_SCALE, UV_CARRY_WORD, UV_SCALES, UV_SCALES_CASED, UV_MONEY, UV__N };
static const char *const VOCAB[] = {
    NULL, "words", "carry_on", "carry_scale", "carry_word", "scales", "scales_cased", "money"
};

/* Longest token the reader lowers on the stack; longer ones are no number
 * words and are left to Lua. */
#define WORD_MAX 256

static void ascii_lower(const char *s, size_t n, char *out)
{
    for (size_t k = 0; k < n; k++) out[k] = (s[k] >= 'A' && s[k] <= 'Z') ? (char)(s[k] + 32) : s[k];
}

/* U+2010 or U+2011 (hyphens numbers.lua rewrites before reading) */
static int has_unicode_hyphen(const char *s, size_t n)
{
    for (size_t k = 0; k + 2 < n; k++)
        if ((unsigned char)s[k] == 0xE2 && (unsigned char)s[k + 1] == 0x80 &&
            ((unsigned char)s[k + 2] == 0x90 || (unsigned char)s[k + 2] == 0x91))
            return 1;
    return 0;
}

static int isdig(char c) { return c >= '0' && c <= '9'; }

/* Value of key s[0 .. n) in the upvalue table uv: pushes it. */
static int get_uv(lua_State *L, int uv, const char *s, size_t n)
{
    lua_pushlstring(L, s, n);
    return lua_rawget(L, lua_upvalueindex(uv));
}

static double scale_of(void *ud, int money, const char *rest, const char *lower, size_t n)
{
    lua_State *L = ud;
    double v = 0;
    if (money) {
        if (get_uv(L, UV_MONEY, lower, n) == LUA_TNUMBER) v = lua_tonumber(L, -1);
        lua_pop(L, 1);
        return v;
    }
    if (get_uv(L, UV_SCALES_CASED, rest, n) == LUA_TNUMBER) v = lua_tonumber(L, -1);
    lua_pop(L, 1);
    if (v != 0) return v;
    if (get_uv(L, UV_SCALES, lower, n) == LUA_TNUMBER) v = lua_tonumber(L, -1);
    lua_pop(L, 1);
    return v;
}

/* Does the word carry a number on into a longer one (numbers.lua's
 * carry_test over the set)? Its first part when hyphenated, lower-cased. */
static int carries(lua_State *L, int set, const char *s, size_t n)
{
    if (has_unicode_hyphen(s, n)) return 1;
    if (n > 2 && memchr(s + 1, '-', n - 1) && s[n - 1] != '-' && !isdig(s[0])) {
        size_t a = 0;
        while (a < n && s[a] == '-') a++;
        size_t b = a;
        while (b < n && s[b] != '-') b++;
        s += a, n = b - a;
    }
    if ((n >= 1 && isdig(s[0])) || (n >= 2 && s[0] == '.' && isdig(s[1]))) return 1;
    if (n > WORD_MAX) return 0;
    char low[WORD_MAX];
    ascii_lower(s, n, low);
    int yes = get_uv(L, set, low, n) == LUA_TBOOLEAN && lua_toboolean(L, -1);
    lua_pop(L, 1);
    return yes;
}

static void push_num(lua_State *L, numlex_num v)
{
    if (v.isint) lua_pushinteger(L, (lua_Integer)v.i);
    else lua_pushnumber(L, (lua_Number)v.d);
}

static void set_true(lua_State *L, const char *k)
{
    lua_pushboolean(L, 1);
    lua_setfield(L, -2, k);
}

static void set_num(lua_State *L, const char *k, numlex_num v)
{
    push_num(L, v);
    lua_setfield(L, -2, k);
}

static numlex_num float_num(double d) { numlex_num v = {0, 0, d}; return v; }
static numlex_num int_num(long long i) { numlex_num v = {1, i, 0}; return v; }

/* read(doc, i [, money]) -> value, j, info | nothing: what numbers.parse
 * gives for token i when it is a lone number (j = i + 1), or nothing when
 * the grammar must decide */
static int nl_read(lua_State *L)
{
    tdoc *d = doc_check(L, 1);
    lua_Integer li = luaL_checkinteger(L, 2);
    int money = lua_toboolean(L, 3);
    if (li < 1 || (lua_Unsigned)li > d->tw.ntok) return 0;
    size_t i = (size_t)li - 1;
    const tw_token *t = &d->tw.tok[i];
    const char *s = d->text + t->s;
    size_t n = t->e - t->s;
    if (n > WORD_MAX || has_unicode_hyphen(s, n)) return 0;
    char low[WORD_MAX];
    ascii_lower(s, n, low);
    const char *nx = NULL;
    size_t nxn = 0;
    if (i + 1 < d->tw.ntok) {
        nx = d->text + d->tw.tok[i + 1].s;
        nxn = d->tw.tok[i + 1].e - d->tw.tok[i + 1].s;
    }

    if (!(isdig(s[0]) || (n >= 2 && s[0] == '.' && isdig(s[1])))) {
        /* a number word alone: "five", "twenty" */
        if (get_uv(L, UV_WORDS, low, n) != LUA_TNUMBER) return 0;
        if (nx && carries(L, UV_CARRY_WORD, nx, nxn)) return 0;
        lua_pushinteger(L, li + 1);
        lua_createtable(L, 0, 2);
        set_true(L, "words");
        lua_pushinteger(L, 1);
        lua_setfield(L, -2, "scale");
        return 3;
    }

    numlex_tok tk;
    if (numlex_token(s, low, n, scale_of, L, &tk) != NUMLEX_OK || tk.ordinal || tk.decade) return 0;
    if (tk.scale != 0) {                                /* "61bn" */
        if (nx && carries(L, UV_CARRY_SCALE, nx, nxn)) return 0;
        push_num(L, numlex_norm(tk.v));
        lua_pushinteger(L, li + 1);
        lua_createtable(L, 0, 2);
        set_true(L, "digits");
        set_num(L, "scale", numlex_norm(float_num(tk.scale)));
        return 3;
    }
    if (!(tk.suffix || tk.slash) && nx && carries(L, UV_CARRY_ON, nx, nxn)) return 0;
    numlex_num v = tk.v, scale = int_num(1);
    int suffix = tk.suffix;
    double maybe = tk.maybe_scale;
    if (maybe != 0 && money) {                          /* "$5m" */
        v = float_num(numlex_float(v) * maybe);
        scale = float_num(maybe);
        suffix = 0, maybe = 0;
    }
    numlex_num value = numlex_norm(v);
    push_num(L, value);
    lua_pushinteger(L, li + 1);
    lua_createtable(L, 0, 6);
    set_true(L, "digits");
    if (tk.slash) {
        set_true(L, "fraction");
        lua_createtable(L, 2, 0);
        lua_pushinteger(L, (lua_Integer)tk.num);
        lua_rawseti(L, -2, 1);
        lua_pushinteger(L, (lua_Integer)tk.den);
        lua_rawseti(L, -2, 2);
        lua_setfield(L, -2, "slash");
    }
    if (suffix) {
        lua_pushlstring(L, low + tk.rest, n - tk.rest);
        lua_setfield(L, -2, "suffix");
    }
    if (tk.suffix) {                                    /* kept as written even when read as a scale */
        lua_pushlstring(L, s + tk.rest, n - tk.rest);
        lua_setfield(L, -2, "raw_suffix");
    }
    if (maybe != 0) set_num(L, "maybe_scale", numlex_norm(float_num(maybe)));
    set_num(L, "scale", numlex_norm(scale));
    /* a bare four-digit integer 1000-2100 (numbers.looks_like_year decides) may be a year */
    if (tk.isint && !tk.slash && scale.isint && scale.i == 1 && !suffix && value.isint &&
        value.i >= 1000 && value.i <= 2100 && n == 4 && isdig(s[0]) && isdig(s[1]) && isdig(s[2]) && isdig(s[3]))
        set_true(L, "year");
    return 3;
}

/* trawl.numlex{words =, carry_on =, carry_scale =, carry_word =, scales =,
 * scales_cased =, money =} -> read */
int lt_numlex(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    for (int k = 1; k < UV__N; k++) {
        if (lua_getfield(L, 1, VOCAB[k]) != LUA_TTABLE)
            return luaL_error(L, "trawl.numlex: '%s' must be a table", VOCAB[k]);
    }
    lua_pushcclosure(L, nl_read, UV__N - 1);
    return 1;
}
