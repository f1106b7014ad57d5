/* trawl.token_tables (lua_toktables.c): table-driven rows, each a Lua
 * expression and the string it must give. The tables must hold what the
 * doc's methods give (word, lower, kind), fill all three at a token's first
 * read, and give nil, storing nothing, out of range. Each failure names its
 * row. */
#include "lua_rows.h"

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


static const lua_row ROWS[] = {
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

LUA_ROWS_MAIN(PRELUDE, ROWS)
