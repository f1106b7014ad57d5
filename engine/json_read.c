/* JSON text to Lua values, parsed by jansson. */
#include "lua_trawl.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

static void push_json(lua_State *L, json_t *j, int depth)
{
    if (depth > 100) luaL_error(L, "json: nesting deeper than 100 levels");
    luaL_checkstack(L, 4, "json nesting");
    switch (json_typeof(j)) {
    case JSON_OBJECT: {
        lua_createtable(L, 0, (int)json_object_size(j));
        const char *k;
        json_t *v;
        json_object_foreach(j, k, v) {
            if (json_is_null(v)) continue;
            push_json(L, v, depth + 1);
            lua_setfield(L, -2, k);
        }
        break;
    }
    case JSON_ARRAY: {
        lua_createtable(L, (int)json_array_size(j), 0);
        size_t i;
        json_t *v;
        json_array_foreach(j, i, v) {
            if (json_is_null(v)) lua_pushboolean(L, 0); else push_json(L, v, depth + 1);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
        break;
    }
    case JSON_STRING: lua_pushlstring(L, json_string_value(j), json_string_length(j)); break;
    case JSON_INTEGER: lua_pushinteger(L, (lua_Integer)json_integer_value(j)); break;
    case JSON_REAL: lua_pushnumber(L, json_real_value(j)); break;
    case JSON_TRUE: lua_pushboolean(L, 1); break;
    case JSON_FALSE: lua_pushboolean(L, 0); break;
    default: lua_pushnil(L); break;
    }
}

typedef struct { lua_State *L; json_t *j; } push_args;

static int push_protected(lua_State *L)
{
    push_args *a = lua_touserdata(L, 1);
    push_json(L, a->j, 0);
    return 1;
}

/* Pushes the Lua value of a JSON text; returns 0, or -1 with err filled
 * (and nothing pushed). Lua errors while building (memory) become -1 too. */
int json_push_text(lua_State *L, const char *text, size_t len, char *err, size_t errlen)
{
    json_error_t je;
    json_t *j = json_loadb(text, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &je);
    if (!j) {
        snprintf(err, errlen, "bad JSON at line %d, column %d: %s", je.line, je.column, je.text);
        return -1;
    }
    push_args a = {L, j};
    lua_pushcfunction(L, push_protected);
    lua_pushlightuserdata(L, &a);
    int rc = lua_pcall(L, 1, 1, 0);
    json_decref(j);
    if (rc != LUA_OK) {
        snprintf(err, errlen, "%s", lua_tostring(L, -1) ? lua_tostring(L, -1) : "error");
        lua_pop(L, 1);
        return -1;
    }
    return 0;
}

/* trawl.json_decode(text) -> value | nil, message */
int lt_json_decode(lua_State *L)
{
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    char err[256];
    if (json_push_text(L, s, n, err, sizeof err)) {
        lua_pushnil(L);
        lua_pushstring(L, err);
        return 2;
    }
    return 1;
}
