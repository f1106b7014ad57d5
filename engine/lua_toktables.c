/* trawl.token_tables(doc) -> word, lower, kind: three tables indexed by
 * token (1-based) holding what doc:word(i), doc:lower(i) and doc:kind(i)
 * give, filled on first read. The figure rule reads a few tokens around
 * each candidate, many of them several times; its Lua caches paid a Lua
 * metamethod call and a doc method call per first read of each table.
 * Here one C __index fills all three tables at token i at once (a rule that
 * reads a token's word mostly reads its lower form and kind too), and a
 * later read is a plain table read. Out of range (or not an integer) is
 * nil, and nothing is stored. */
#include "doc.h"
#include "lua_trawl.h"

#include <lauxlib.h>
#include <string.h>

/* the __index closure's upvalues: the doc, the three tables, which one this is */
enum { UV_DOC = 1, UV_WORD, UV_LOWER, UV_KIND, UV_WHICH };

static int tt_index(lua_State *L)
{
    tdoc *d = doc_check(L, lua_upvalueindex(UV_DOC));
    int isint;
    lua_Integer k = lua_tointegerx(L, 2, &isint);
    if (!isint || k < 1 || (lua_Unsigned)k > d->tw.ntok) return 0;
    const tw_token *t = &d->tw.tok[k - 1];
    size_t n, wn = t->e - t->s;
    const char *w = d->text + t->s;
    const char *low = doc_lower(d, (size_t)(k - 1), &n);
    if (!low) return luaL_error(L, "not enough memory");
    lua_pushlstring(L, low, n);
    /* (most tokens are lower-case already: then the word is the same string) */
    if (n == wn && memcmp(low, w, n) == 0) lua_pushvalue(L, -1);
    else lua_pushlstring(L, w, wn);
    lua_rawseti(L, lua_upvalueindex(UV_WORD), k);
    lua_rawseti(L, lua_upvalueindex(UV_LOWER), k);
    lua_pushstring(L, tw_kind_name(t->kind));
    lua_rawseti(L, lua_upvalueindex(UV_KIND), k);
    lua_rawgeti(L, lua_upvalueindex((int)lua_tointeger(L, lua_upvalueindex(UV_WHICH))), k);
    return 1;
}

/* token_tables(doc) -> word, lower, kind */
int lt_token_tables(lua_State *L)
{
    tdoc *d = doc_check(L, 1);
    lua_settop(L, 1);
    /* (sized for every token: the reads come in no order, and a table
     * whose integer keys arrive scattered would be rehashed as it grows) */
    int ntok = d->tw.ntok < (size_t)1 << 24 ? (int)d->tw.ntok : 1 << 24;
    for (int k = 0; k < 3; k++) lua_createtable(L, ntok, 0);   /* 2, 3, 4: word, lower, kind */
    for (int which = UV_WORD; which <= UV_KIND; which++) {
        lua_createtable(L, 0, 1);                       /* its metatable */
        lua_pushvalue(L, 1);
        lua_pushvalue(L, 2);
        lua_pushvalue(L, 3);
        lua_pushvalue(L, 4);
        lua_pushinteger(L, which);
        lua_pushcclosure(L, tt_index, 5);
        lua_setfield(L, -2, "__index");
        lua_setmetatable(L, which);                     /* table at index 2, 3, 4 */
    }
    return 3;
}
