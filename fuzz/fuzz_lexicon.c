/* libFuzzer target: lexicon YAML as the lexicon loader reads it, through
 * yaml_push (depth, alias and scalar limits), then walked the way a loader
 * walks entries: every key and value reachable without error. */
#include "lua_trawl.h"

#include <lauxlib.h>
#include <lualib.h>
#include <stdint.h>
#include <stdlib.h>

static void walk(lua_State *L, int depth)
{
    if (depth > 200) abort();   /* the loader caps nesting far below this */
    if (!lua_istable(L, -1)) return;
    luaL_checkstack(L, 4, "walk");
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        if (lua_type(L, -2) != LUA_TSTRING && lua_type(L, -2) != LUA_TNUMBER &&
            lua_type(L, -2) != LUA_TBOOLEAN && lua_type(L, -2) != LUA_TTABLE &&
            lua_type(L, -2) != LUA_TLIGHTUSERDATA) abort();
        walk(L, depth + 1);
        lua_pop(L, 1);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lua_State *L = luaL_newstate();
    if (!L) return 0;
    char err[512];
    if (yaml_push(L, (const char *)data, size, "lexicons/fuzz.yaml", err, sizeof err) == 0) walk(L, 0);
    lua_close(L);
    return 0;
}
