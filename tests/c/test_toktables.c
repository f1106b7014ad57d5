/* trawl.token_tables (lua_toktables.c): table-driven rows, each a Lua
 * expression and the string it must give. The tables must hold what the
 * doc's methods give (word, lower, kind), fill all three at a token's first
 * read, and give nil, storing nothing, out of range. Each failure names its
 * row. */
#include "lua_trawl.h"

#include <lauxlib.h>
#include <lualib.h>
#include <stdio.h>
#include <string.h>

static int passed, failed;

static const char PRELUDE[] =
    "trawl = require 'trawl'\n"
    "d = trawl.doc('The U.S. paid \\u{2019}twas 5 Bn \\u{2013} Caf\\u{e9}\\u{a0}\\u{c9}T\\u{c9}!')\n"
    "W, L, K = trawl.token_tables(d)\n"
    /* every token, against the doc's own methods */
    "function SAME()\n"
    "  local bad = {}\n"
    "  for i = 1, d:ntok() do\n"
    "    if W[i] ~= d:word(i) or L[i] ~= d:lower(i) or K[i] ~= d:kind(i) then bad[#bad + 1] = i end\n"
    "  end\n"
    "  return #bad == 0 and 'same' or table.concat(bad, ',')\n"
    "end\n"
    "function ERR(f, ...)\n"
    "  local ok, e = pcall(f, ...)\n"
    "  return ok and 'no error' or tostring(e)\n"
    "end\n";

typedef struct { const char *name, *expr, *want; } row;

static const row ROWS[] = {
    /* (before any read: the tables start empty) */
    {"empty until read", "rawget(W, 1) == nil and rawget(L, 2) == nil and rawget(K, 3) == nil", "true"},
    {"a read fills all three at that token", "(function() local _ = L[2]; return rawget(W, 2) .. '|' .. rawget(L, 2) .. '|' .. rawget(K, 2) end)()",
     "U.S.|u.s.|word"},
    {"only that token", "rawget(W, 1) == nil and rawget(W, 3) == nil", "true"},
    {"word", "W[1]", "The"},
    {"lower", "L[1]", "the"},
    {"kind of a number", "K[6]", "number"},
    {"lower folds non-ASCII and curly marks", "L[4] .. L[10]", "'été"},
    {"every token as the doc gives it", "SAME()", "same"},
    {"out of range is nil, not stored", "tostring(W[0]) .. tostring(L[d:ntok() + 1]) .. tostring(K[-3]) .. "
     "tostring(rawget(W, 0)) .. tostring(rawget(L, d:ntok() + 1))", "nilnilnilnilnil"},
    {"not an integer is nil", "tostring(W[1.5]) .. tostring(W.x) .. tostring(W[true])", "nilnilnil"},
    {"an integral float reads its token", "W[1.0]", "The"},
    {"empty doc", "(function() local w, l, k = trawl.token_tables(trawl.doc('')); return tostring(w[1]) .. tostring(l[1]) .. tostring(k[1]) end)()",
     "nilnilnil"},
    {"not a doc", "ERR(trawl.token_tables, {})", "~doc"},
};

static void run_row(lua_State *L, const row *r)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "return tostring(%s)", r->expr);
    const char *got = luaL_dostring(L, buf) == LUA_OK ? lua_tostring(L, -1) : lua_tostring(L, -1);
    if (!got) got = "(nil)";
    int ok = r->want[0] == '~' ? strstr(got, r->want + 1) != NULL : strcmp(got, r->want) == 0;
    if (ok) passed++;
    else {
        failed++;
        printf("FAIL %s\n  want: %s\n  got:  %s\n", r->name, r->want, got);
    }
    lua_settop(L, 0);
}

int main(void)
{
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    luaL_requiref(L, "trawl", luaopen_trawl, 0);
    lua_pop(L, 1);
    if (luaL_dostring(L, PRELUDE) != LUA_OK) {
        printf("prelude: %s\n0 passed, 1 failed\n", lua_tostring(L, -1));
        return 1;
    }
    for (size_t i = 0; i < sizeof ROWS / sizeof ROWS[0]; i++) run_row(L, &ROWS[i]);
    lua_close(L);
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
