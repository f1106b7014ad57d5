/* luaopen_trawl: the module the engine preloads and that also builds as
 * trawl.so for a stock lua5.4. Rules never see this table directly; the
 * driver hands them a sandboxed selection of it. */
#include "lua_trawl.h"
#include "ctx.h"
#include "doc.h"
#include "lexicon.h"   /* issue 3: lexicons */
#include "pattern.h"   /* issue 3: token patterns */
#include "utf8.h"

#include <string.h>

/* trawl.doc(text [, id [, meta]]) -> doc; raises on invalid UTF-8 */
static int lt_doc(lua_State *L)
{
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    const char *id = luaL_optstring(L, 2, "");
    size_t bad = utf8_validate((const unsigned char *)s, n);
    if (bad < n) return luaL_error(L, "invalid UTF-8 at byte %d", (int)bad);
    if (!lua_isnoneornil(L, 3)) luaL_checktype(L, 3, LUA_TTABLE);
    doc_push(L, id, s, n, lua_isnoneornil(L, 3) ? 0 : 3);
    return 1;
}

/* trawl.loadchunk(src, chunkname, env) -> function | nil, message
 * Text only (no bytecode); the chunk's _ENV is env. */
static int lt_loadchunk(lua_State *L)
{
    size_t n;
    const char *src = luaL_checklstring(L, 1, &n);
    const char *name = luaL_checkstring(L, 2);
    luaL_checktype(L, 3, LUA_TTABLE);
    if (luaL_loadbufferx(L, src, n, name, "t") != LUA_OK) {
        lua_pushnil(L);
        lua_insert(L, -2);
        return 2;
    }
    lua_pushvalue(L, 3);
    if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
    return 1;
}

/* trawl.set_rule(name) -- the rule that annotations are credited to */
static int lt_set_rule(lua_State *L)
{
    lua_settop(L, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, "trawl.rule");
    return 0;
}

/* trawl.limit(name [, value]) -> old value */
static int lt_limit(lua_State *L)
{
    int which = trawl_limit_by_name(luaL_checkstring(L, 1));
    if (which < 0) return luaL_error(L, "unknown limit '%s'", lua_tostring(L, 1));
    trawl_ctx *c = ctx_get(L);
    lua_pushinteger(L, (lua_Integer)c->limits[which]);
    if (!lua_isnoneornil(L, 2)) {
        c->limits[which] = (long long)luaL_checkinteger(L, 2);
        ctx_apply_limits(c);
    }
    return 1;
}

/* trawl.where(level) -> source, line of the Lua function at that level */
static int lt_where(lua_State *L)
{
    lua_Debug ar;
    int level = (int)luaL_optinteger(L, 1, 1);
    if (!lua_getstack(L, level, &ar)) return 0;
    lua_getinfo(L, "Sl", &ar);
    lua_pushstring(L, ar.source[0] == '@' ? ar.source + 1 : ar.short_src);
    lua_pushinteger(L, ar.currentline);
    return 2;
}

static const luaL_Reg funcs[] = {
    {"where", lt_where},
    {"re", lt_re},
    {"doc", lt_doc},
    {"json", lt_json},
    {"json_decode", lt_json_decode},
    {"yaml", lt_yaml},
    {"readfile", lt_readfile},
    {"listdir", lt_listdir},
    {"isdir", lt_isdir},
    {"loadchunk", lt_loadchunk},
    {"set_rule", lt_set_rule},
    {"limit", lt_limit},
    {"lexicon", lt_lexicon},      /* issue 3 */
    {"pattern", lt_pattern},      /* issue 3 */
    {"numlex", lt_numlex},
    {"figure_starts", lt_figure_starts},
    {"token_tables", lt_token_tables},
    {"engine", lt_engine},        /* issue 6 */
    {NULL, NULL}
};

TRAWL_API int luaopen_trawl(lua_State *L)
{
    ctx_get(L);
    doc_register(L);
    regex_register(L);
    lexicon_register(L);          /* issue 3 */
    pattern_register(L);          /* issue 3 */
    luaL_newlib(L, funcs);
    lua_pushliteral(L, TRAWL_VERSION);
    lua_setfield(L, -2, "version");
    lua_pushlightuserdata(L, NULL);
    lua_setfield(L, -2, "null");
    return 1;
}
