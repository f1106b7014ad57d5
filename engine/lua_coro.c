/* Coroutines under the time limit. Past the deadline the watchdog sets the
 * limit hook on the engine's main state only (watchdog.c says why), and a
 * coroutine is a state of its own, which that hook never reaches: a rule
 * looping inside one would run on. So coroutine.create and coroutine.wrap
 * give a coroutine made while the limits are armed the engine's limit hook
 * at a count of CTX_HOOK_PERIOD, set on this thread, where that is safe;
 * it reads the clock. Only rules that use coroutines pay for the hook, and
 * only inside them; the bundled rules use none. A coroutine made under a
 * step limit already has the hook: it inherits its creator's. */
#include "ctx.h"

#include <lauxlib.h>
#include <lualib.h>

static void give_hook(lua_State *L, lua_State *co)
{
    trawl_ctx *c = lua_touserdata(L, lua_upvalueindex(2));
    if (co && c->hook && c->deadline && !lua_gethook(co)) lua_sethook(co, c->hook, LUA_MASKCOUNT, CTX_HOOK_PERIOD);
}

/* Calls the stock function (upvalue 1) with this call's arguments. */
static void call_stock(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_settop(L, 1);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, 1, 1);
}

/* coroutine.create(f) */
static int co_create(lua_State *L)
{
    call_stock(L);
    give_hook(L, lua_tothread(L, -1));
    return 1;
}

/* coroutine.wrap(f): the stock function keeps the coroutine as its
 * closure's upvalue 1. */
static int co_wrap(lua_State *L)
{
    call_stock(L);
    if (lua_getupvalue(L, -1, 1)) {
        give_hook(L, lua_tothread(L, -1));
        lua_pop(L, 1);
    }
    return 1;
}

void coro_install(lua_State *L)
{
    static const luaL_Reg fns[] = {{"create", co_create}, {"wrap", co_wrap}, {NULL, NULL}};
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    lua_getfield(L, -1, LUA_COLIBNAME);
    for (const luaL_Reg *f = fns; f->name; f++) {
        lua_getfield(L, -1, f->name);
        ctx_push(L);
        lua_pushcclosure(L, f->func, 2);
        lua_setfield(L, -2, f->name);
    }
    lua_pop(L, 2);
}
