/* Growable byte buffer owned by a Lua userdata. */
#include "strbuf.h"

#include <lauxlib.h>
#include <string.h>

static int sb_gc(lua_State *L)
{
    sb_free(lua_touserdata(L, 1));
    return 0;
}

void sb_free(strbuf *b)
{
    if (b->p) b->f(b->ud, b->p, b->cap, 0);
    b->p = NULL;
    b->n = b->cap = 0;
}

strbuf *sb_push(lua_State *L)
{
    strbuf *b = lua_newuserdatauv(L, sizeof(strbuf), 0);
    memset(b, 0, sizeof *b);
    b->f = lua_getallocf(L, &b->ud);
    if (luaL_newmetatable(L, "trawl.strbuf")) {
        lua_pushcfunction(L, sb_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    return b;
}

void sb_grow(lua_State *L, strbuf *b, size_t n)
{
    if (b->n + n + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->n + n + 1) cap *= 2;
    char *p = b->f(b->ud, b->p, b->cap, cap);
    if (!p) luaL_error(L, "not enough memory");
    b->p = p;
    b->cap = cap;
}

void sb_adds(lua_State *L, strbuf *b, const char *s) { sb_add(L, b, s, strlen(s)); }
