/* trawl.engine{...}: a whole trawl engine (its own Lua state, driver, rules
 * and limits) as an object of the module, so a stock lua5.4 can load rules
 * and analyse text; records come back as plain Lua tables. */
#include "engine_priv.h"
#include "lua_trawl.h"
#include "strbuf.h"

#include <string.h>

#define ENGINE_MT "trawl.engine"

/* The userdata is created "closed" (e == NULL) before the engine exists, so
 * an error midway leaves something __gc can collect. A doc being copied out
 * is kept here too: if the host state raises while copying, the next call
 * or __gc frees it. */
typedef struct {
    trawl_engine *e;
    trawl_doc *pending;
} engine_box;

static void drop_pending(engine_box *b)
{
    if (!b->pending) return;
    trawl_doc_free(b->pending);
    b->pending = NULL;
    /* a copy cut short by an error may have left values on the stack */
    lua_settop(engine_state(b->e), 0);
}

static engine_box *check_engine(lua_State *L)
{
    engine_box *b = luaL_checkudata(L, 1, ENGINE_MT);
    if (!b->e) luaL_error(L, "the engine is closed");
    drop_pending(b);
    return b;
}

static int raise_status(lua_State *L, engine_box *b, int rc)
{
    const char *m = trawl_errmsg(b->e);
    return luaL_error(L, "%s", *m ? m : trawl_strerror(rc));
}

static void load(lua_State *L, engine_box *b, const char *path)
{
    int rc = trawl_engine_load_rules(b->e, path);
    if (rc) raise_status(L, b, rc);
}

/* eng:load(path) -> eng  -- a rules directory or one rule file */
static int eng_load(lua_State *L)
{
    engine_box *b = check_engine(L);
    load(L, b, luaL_checkstring(L, 2));
    lua_settop(L, 1);
    return 1;
}

/* eng:load_string(name, source) -> eng */
static int eng_load_string(lua_State *L)
{
    engine_box *b = check_engine(L);
    const char *name = luaL_checkstring(L, 2);
    size_t n;
    const char *src = luaL_checklstring(L, 3, &n);
    int rc = trawl_engine_load_string(b->e, name, src, n);
    if (rc) raise_status(L, b, rc);
    lua_settop(L, 1);
    return 1;
}

/* eng:limit(name [, value]) -> old value */
static int eng_limit(lua_State *L)
{
    engine_box *b = check_engine(L);
    const char *name = luaL_checkstring(L, 2);
    int which = trawl_limit_by_name(name);
    if (which < 0) return luaL_error(L, "unknown limit '%s' (article, steps, memory, match, depth, heap, time)", name);
    lua_Integer v = luaL_optinteger(L, 3, -1);
    if (!lua_isnoneornil(L, 3) && v < 0) return luaL_argerror(L, 3, "a limit is not negative");
    lua_pushinteger(L, (lua_Integer)trawl_engine_limit(b->e, which, (long long)v));
    return 1;
}

/* Copies the plain value at index idx of the engine's state S into L:
 * tables of strings, numbers, booleans and trawl.null. Nothing here can
 * raise in S; L may raise (memory), which drop_pending cleans up after. */
static void copy_value(lua_State *S, int idx, lua_State *L, int depth)
{
    idx = lua_absindex(S, idx);
    switch (lua_type(S, idx)) {
    case LUA_TSTRING: {
        size_t n;
        const char *s = lua_tolstring(S, idx, &n);
        lua_pushlstring(L, s, n);
        return;
    }
    case LUA_TNUMBER:
        if (lua_isinteger(S, idx)) lua_pushinteger(L, lua_tointeger(S, idx));
        else lua_pushnumber(L, lua_tonumber(S, idx));
        return;
    case LUA_TBOOLEAN: lua_pushboolean(L, lua_toboolean(S, idx)); return;
    case LUA_TTABLE: break;
    case LUA_TLIGHTUSERDATA:
        if (!lua_touserdata(S, idx)) { lua_pushlightuserdata(L, NULL); return; }   /* trawl.null */
        /* fall through */
    default: lua_pushnil(L); return;
    }
    if (depth > 50) luaL_error(L, "record nested too deeply");
    if (!lua_checkstack(S, 4)) luaL_error(L, "not enough memory");
    luaL_checkstack(L, 4, "record nesting");
    lua_newtable(L);
    lua_pushnil(S);
    while (lua_next(S, idx)) {
        int kt = lua_type(S, -2);
        int skip = kt == LUA_TSTRING ? lua_tostring(S, -2)[0] == '_' : kt != LUA_TNUMBER;
        if (!skip) {
            copy_value(S, -2, L, depth + 1);
            copy_value(S, -1, L, depth + 1);
            lua_rawset(L, -3);
        }
        lua_pop(S, 1);
    }
}

/* Runs one analysis for analyse/json: text and the options table at 3
 * ({id =, meta = {...}}); leaves the doc in b->pending. */
static trawl_doc *run_analysis(lua_State *L, engine_box *b)
{
    size_t n;
    const char *text = luaL_checklstring(L, 2, &n);
    const char *id = "";
    const char *meta = NULL;
    if (!lua_isnoneornil(L, 3)) {
        luaL_checktype(L, 3, LUA_TTABLE);
        if (lua_getfield(L, 3, "id") != LUA_TNIL) id = luaL_checkstring(L, -1);
        if (lua_getfield(L, 3, "meta") != LUA_TNIL) {
            luaL_argexpected(L, lua_istable(L, -1), 3, "options with meta as a table");
            strbuf *sb = sb_push(L);
            json_encode_value(L, -2, sb, 0);
            lua_pushlstring(L, sb->p ? sb->p : "{}", sb->p ? sb->n : 2);
            sb_free(sb);
            meta = lua_tostring(L, -1);
        }
    }
    trawl_doc *d = NULL;
    trawl_analyse(b->e, id, text, n, meta, &d);
    if (!d) luaL_error(L, "not enough memory to analyse '%s'", id);
    b->pending = d;
    return d;
}

/* eng:analyse(text [, {id = "a1", meta = {title = ..., date = ...}}]) -> record
 * The record is {id, actors, quotes, figures, dates}, each item with the
 * rule that made it; an article that could not be analysed gives a record
 * with error = {kind, message} and empty layers, never a Lua error. */
static int eng_analyse(lua_State *L)
{
    engine_box *b = check_engine(L);
    trawl_doc *d = run_analysis(L, b);
    lua_State *S = engine_state(b->e);
    if (doc_push_record(d)) {
        copy_value(S, -1, L, 0);
        lua_pop(S, 1);
    } else {
        size_t n;
        const char *j = trawl_doc_json(d, 0, &n);
        char err[256];
        if (!j || json_push_text(L, j, n, err, sizeof err)) return luaL_error(L, "not enough memory");
    }
    drop_pending(b);
    return 1;
}

/* eng:json(text [, options]) -> string  -- the record as one line of JSON;
 * options as for analyse, plus explain = true to name each item's rule */
static int eng_json(lua_State *L)
{
    engine_box *b = check_engine(L);
    int flags = 0;
    if (lua_istable(L, 3)) {
        lua_getfield(L, 3, "explain");
        if (lua_toboolean(L, -1)) flags |= TRAWL_JSON_EXPLAIN;
        lua_pop(L, 1);
    }
    trawl_doc *d = run_analysis(L, b);
    size_t n;
    const char *j = trawl_doc_json(d, flags, &n);
    if (!j) return luaL_error(L, "cannot render: %s", trawl_errmsg(b->e));
    lua_pushlstring(L, j, n);
    drop_pending(b);
    return 1;
}

/* eng:close() -- frees the engine now; also done by __gc and __close */
static int eng_close(lua_State *L)
{
    engine_box *b = luaL_checkudata(L, 1, ENGINE_MT);
    if (b->e) {
        drop_pending(b);
        trawl_engine_free(b->e);
        b->e = NULL;
    }
    return 0;
}

static int eng_tostring(lua_State *L)
{
    engine_box *b = luaL_checkudata(L, 1, ENGINE_MT);
    lua_pushfstring(L, "trawl.engine (%s)", b->e ? engine_root(b->e) ? engine_root(b->e) : "no rules yet" : "closed");
    return 1;
}

static const luaL_Reg methods[] = {
    {"load", eng_load},
    {"load_string", eng_load_string},
    {"limit", eng_limit},
    {"analyse", eng_analyse},
    {"json", eng_json},
    {"close", eng_close},
    {NULL, NULL}
};

static const luaL_Reg metamethods[] = {
    {"__gc", eng_close},
    {"__close", eng_close},
    {"__tostring", eng_tostring},
    {"__index", NULL},
    {NULL, NULL}
};

/* trawl.engine([{path = DIR, rules = PATH | {PATH, ...}, limits = {steps = N, ...}}]) -> engine
 * Without rules, the bundled ones are loaded on the first analysis. path is
 * the data directory (scripts/, rules/); without it the engine looks where
 * the C library does: $TRAWL_PATH, the installed data directory, the source
 * tree. */
int lt_engine(lua_State *L)
{
    if (!lua_isnoneornil(L, 1)) luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    engine_box *b = lua_newuserdatauv(L, sizeof *b, 0);
    b->e = NULL;
    b->pending = NULL;
    if (luaL_newmetatable(L, ENGINE_MT)) {
        luaL_setfuncs(L, metamethods, 0);
        luaL_newlib(L, methods);
        lua_setfield(L, -2, "__index");
    }
    lua_setmetatable(L, -2);
    b->e = trawl_engine_new(NULL, NULL);
    if (!b->e) return luaL_error(L, "not enough memory for an engine");
    if (lua_isnil(L, 1)) return 1;
    if (lua_getfield(L, 1, "path") != LUA_TNIL) {
        int rc = trawl_engine_set_path(b->e, luaL_checkstring(L, -1));
        if (rc) raise_status(L, b, rc);
    }
    lua_pop(L, 1);
    if (lua_getfield(L, 1, "limits") != LUA_TNIL) {
        luaL_argexpected(L, lua_istable(L, -1), 1, "limits as a table");
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            const char *name = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
            int which = trawl_limit_by_name(name);
            if (which < 0) return luaL_error(L, "unknown limit '%s' (article, steps, memory, match, depth, heap, time)", name);
            lua_Integer v = luaL_checkinteger(L, -1);
            if (v < 0) return luaL_error(L, "limit '%s' is negative", name);
            trawl_engine_limit(b->e, which, (long long)v);
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    int t = lua_getfield(L, 1, "rules");
    if (t == LUA_TSTRING) {
        load(L, b, lua_tostring(L, -1));
    } else if (t == LUA_TTABLE) {
        for (lua_Integer i = 1; lua_rawgeti(L, -1, i) != LUA_TNIL; i++) {
            load(L, b, luaL_checkstring(L, -1));
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    } else if (t != LUA_TNIL) {
        return luaL_error(L, "rules must be a path or a list of paths");
    }
    lua_pop(L, 1);
    return 1;
}
