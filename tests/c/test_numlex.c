/* The number token reader (numlex.c) and its binding (lua_numlex.c):
 * table-driven rows of a token and what numlex_token makes of it, rows of
 * numlex_norm, and rows of texts on which numbers.read, in C, must give for
 * every token exactly what numbers.parse gives in Lua whenever it reads one
 * (run from the repository root, for scripts/trawl/numbers.lua). */
#include "lua_trawl.h"
#include "numlex.h"

#include <lauxlib.h>
#include <lualib.h>
#include <stdio.h>
#include <string.h>

static int passed, failed;

static void check(int ok, const char *row, const char *want, const char *got)
{
    if (ok) passed++;
    else {
        failed++;
        printf("FAIL %s\n  want: %s\n  got:  %s\n", row, want, got);
    }
}

/* ---- numlex_token ------------------------------------------------------------ */

/* a small vocabulary of scales, as numbers.lua hands over */
static double scale_of(void *ud, int money, const char *rest, const char *lower, size_t n)
{
    (void)ud;
    if (money) return (n == 1 && lower[0] == 'm') ? 1e6 : (n == 1 && lower[0] == 'b') ? 1e9 : 0;
    if (n == 1 && rest[0] == 'M') return 1e6;
    if (n == 2 && !memcmp(lower, "bn", 2)) return 1e9;
    if (n == 1 && lower[0] == 'k') return 1e3;
    return 0;
}

/* What the reader made of a token, in one line: status, value (i: integer,
 * f: float), then the flags set. */
static void describe(const char *tok, char *out, size_t cap)
{
    char low[64];
    size_t n = strlen(tok);
    for (size_t k = 0; k <= n; k++) low[k] = (tok[k] >= 'A' && tok[k] <= 'Z') ? (char)(tok[k] + 32) : tok[k];
    numlex_tok t;
    int st = numlex_token(tok, low, n, scale_of, NULL, &t);
    if (st != NUMLEX_OK) {
        snprintf(out, cap, "%s", st == NUMLEX_NONE ? "none" : "other");
        return;
    }
    int k = t.v.isint ? snprintf(out, cap, "i%lld", t.v.i) : snprintf(out, cap, "f%.17g", t.v.d);
    if (t.isint) k += snprintf(out + k, cap - (size_t)k, " int");
    if (t.isshort) k += snprintf(out + k, cap - (size_t)k, " short");
    if (t.plain) k += snprintf(out + k, cap - (size_t)k, " plain");
    if (t.scale != 0) k += snprintf(out + k, cap - (size_t)k, " scale=%g", t.scale);
    if (t.ordinal) k += snprintf(out + k, cap - (size_t)k, " ordinal");
    if (t.decade) k += snprintf(out + k, cap - (size_t)k, " decade=%lld", t.decade_lo);
    if (t.slash) k += snprintf(out + k, cap - (size_t)k, " slash=%lld/%lld", t.num, t.den);
    if (t.suffix) k += snprintf(out + k, cap - (size_t)k, " suffix=%s", tok + t.rest);
    if (t.maybe_scale != 0) snprintf(out + k, cap - (size_t)k, " maybe=%g", t.maybe_scale);
}

static const struct { const char *tok, *want; } TOKENS[] = {
    {"76", "i76 int short plain"},
    {"1,200", "i1200 int plain"},
    {"1,50,000", "i150000 int plain"},
    {"40\u00a0000", "i40000 int plain"},
    {"1\u202f200\u2009000", "i1200000 int plain"},
    {"1,", "i1 int plain"},
    {"2.5", "f2.5 plain"},
    {"5.", "f5 plain"},
    {".5", "f0.5 plain"},
    {"007", "i7 int short plain"},
    {"1e6", "f1000000"},
    {"1.3E2", "f130"},
    {"61bn", "f61000000000 scale=1e+09"},
    {"1.2M", "f1200000 scale=1e+06"},
    {"1.2m", "f1.2 suffix=m maybe=1e+06"},
    {"5km", "i5 suffix=km"},
    {"5G", "i5 suffix=G"},
    {"1.2b", "f1200000000 scale=1e+09"},
    {"2b", "i2 suffix=b maybe=1e+09"},
    {"10th", "i10 ordinal"},
    {"1990s", "i1990 decade=1990"},
    {"20s", "i20 decade=20"},
    {"500s", "i500 suffix=s"},
    {"3/4", "f0.75 slash=3/4"},
    {"3/8ths", "f0.375 slash=3/8"},
    {"24/7", "none"},
    {"5/17/2018", "none"},
    {"3/4x", "none"},
    {"0/0", "none"},
    {"192.168.1.2", "none"},
    {"10:30", "none"},
    {"1.5,000", "none"},
    {"abc", "none"},
    {".", "none"},
    {"99999999999999999999", "other"},
    {"1e99999999", "other"},
};

/* ---- numlex_norm ---------------------------------------------------------------- */

static const struct { double in; const char *want; } NORMS[] = {
    {2.2 * 1e6, "i2200000"},
    {1.13 * 1e9, "i1130000000"},
    {0.1 + 0.2, "f0.29999999999999999"},      /* 0.3 once rounded to 12 digits */
    {-0.0, "i0"},
    {1e300, "f1.0000000000000001e+300"},
    {9007199254740992.0, "i9007199254740000"},  /* 2^53, once rounded to 12 digits */
    {1e17, "f1e+17"},                           /* past 2^53: a float */
    {-2.5, "f-2.5"},
};

static void norm_rows(void)
{
    for (size_t r = 0; r < sizeof NORMS / sizeof NORMS[0]; r++) {
        numlex_num v = {0, 0, NORMS[r].in};
        numlex_num o = numlex_norm(v);
        char got[64], row[64];
        if (o.isint) snprintf(got, sizeof got, "i%lld", o.i);
        else snprintf(got, sizeof got, "f%.17g", o.d);
        snprintf(row, sizeof row, "norm %zu", r + 1);
        check(strcmp(got, NORMS[r].want) == 0, row, NORMS[r].want, got);
    }
    numlex_num i = {1, 42, 0};
    check(numlex_norm(i).isint && numlex_norm(i).i == 42, "norm of an integer", "i42", "other");
}

/* ---- numbers.read against numbers.parse -------------------------------------- */

/* Both readers over every token of a text, with and without money: a
 * mismatch names the token. SAME(text) gives "ok n" (n tokens read in C) or
 * the first difference. */
static const char PRELUDE[] =
    "trawl = require 'trawl'\n"
    "host = trawl\n"
    "local N = dofile('scripts/trawl/numbers.lua')\n"
    "local function dump(v, seen)\n"
    "  if type(v) ~= 'table' then return math.type(v) and (math.type(v) .. ':' .. tostring(v)) or tostring(v) end\n"
    "  local keys = {}\n"
    "  for k in pairs(v) do keys[#keys + 1] = tostring(k) end\n"
    "  table.sort(keys)\n"
    "  local out = {}\n"
    "  for _, k in ipairs(keys) do out[#out + 1] = k .. '=' .. dump(v[k] == nil and v[tonumber(k)] or v[k]) end\n"
    "  return '{' .. table.concat(out, ',') .. '}'\n"
    "end\n"
    "function SAME(text)\n"
    "  local d = trawl.doc(text)\n"
    "  local words = {}\n"
    "  for i = 1, d:ntok() do words[i] = d:word(i) end\n"
    "  local n = 0\n"
    "  for i = 1, d:ntok() do\n"
    "    for _, money in ipairs({false, true}) do\n"
    "      local v, j, info = N.read(d, i, money)\n"
    "      if v ~= nil then\n"
    "        n = n + 1\n"
    "        local a = dump({v, j, info})\n"
    "        local b = dump({N.parse(words, i, {money = money})})\n"
    "        if a ~= b then return words[i] .. (money and ' (money)' or '') .. ': C ' .. a .. ' Lua ' .. b end\n"
    "      end\n"
    "    end\n"
    "  end\n"
    "  return 'ok ' .. n\n"
    "end\n";

static const struct { const char *text, *want; } TEXTS[] = {
    {"Profits jumped 76% to $1.13bn (£600m) in 2004.", "ok 8"},
    {"Five people and twenty-one cats; 1,200 and 2.5 and .5 and 3/4 of 5km.", "ok 6"},
    {"It cost 5m euros, 1.2M, 2b, 1.2b, 1e6 and 1,999 in the 1990s and 10th.", "ok 10"},
    {"twenty one, five million, 3 1/2, 4 thousand, 1990 was, 2100 and 2101.", "ok 8"},
    {"ninety nine bottles, one hundred and two, seven-day, 61bn two", "ok 6"},
};

static void read_rows(void)
{
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    luaL_requiref(L, "trawl", luaopen_trawl, 0);
    lua_pop(L, 1);
    if (luaL_dostring(L, PRELUDE) != LUA_OK) {
        check(0, "prelude", "loads", lua_tostring(L, -1));
        lua_close(L);
        return;
    }
    for (size_t r = 0; r < sizeof TEXTS / sizeof TEXTS[0]; r++) {
        lua_getglobal(L, "SAME");
        lua_pushstring(L, TEXTS[r].text);
        const char *got = lua_pcall(L, 1, 1, 0) == LUA_OK ? lua_tostring(L, -1) : lua_tostring(L, -1);
        check(got && strcmp(got, TEXTS[r].want) == 0, TEXTS[r].text, TEXTS[r].want, got ? got : "(nil)");
        lua_settop(L, 0);
    }
    /* a vocabulary that is not one is an error, said at once */
    int bad = luaL_dostring(L, "trawl.numlex{words = {}}") != LUA_OK &&
              strstr(lua_tostring(L, -1), "'carry_on' must be a table") != NULL;
    check(bad, "numlex without carry_on", "an error naming carry_on", bad ? "" : lua_tostring(L, -1));
    lua_close(L);
}

int main(void)
{
    char got[128];
    for (size_t r = 0; r < sizeof TOKENS / sizeof TOKENS[0]; r++) {
        describe(TOKENS[r].tok, got, sizeof got);
        check(strcmp(got, TOKENS[r].want) == 0, TOKENS[r].tok, TOKENS[r].want, got);
    }
    norm_rows();
    read_rows();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
