/* YAML text to Lua values (libyaml events), refusing documents that are too
 * deep, use too many aliases or hold huge scalars: libyaml 0.2.5 has no
 * nesting limit and goes quadratic on deep nesting, so we count ourselves. */
#include "lua_trawl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#define YAML_MAX_DEPTH 64
#define YAML_MAX_ALIASES 256
#define YAML_MAX_SCALAR (16u << 20)

typedef struct {
    yaml_parser_t parser;
    yaml_event_t ev;
    int has_ev;
    int aliases;
    int anchors;          /* stack index of the anchors table */
    const char *name;
} yctx;

static void next_event(lua_State *L, yctx *y)
{
    if (y->has_ev) { yaml_event_delete(&y->ev); y->has_ev = 0; }
    if (!yaml_parser_parse(&y->parser, &y->ev))
        luaL_error(L, "%s:%d:%d: YAML error: %s", y->name, (int)y->parser.problem_mark.line + 1,
                   (int)y->parser.problem_mark.column + 1, y->parser.problem ? y->parser.problem : "?");
    y->has_ev = 1;
}

static int is_null_word(const char *s, size_t n)
{
    return n == 0 || (n == 1 && s[0] == '~') || (n == 4 && (!memcmp(s, "null", 4) || !memcmp(s, "Null", 4) || !memcmp(s, "NULL", 4)));
}

/* Pushes a plain scalar with YAML core-schema typing; returns 0 for null. */
static int push_plain(lua_State *L, const char *s, size_t n)
{
    if (is_null_word(s, n)) return 0;
    if ((n == 4 && (!memcmp(s, "true", 4) || !memcmp(s, "True", 4) || !memcmp(s, "TRUE", 4)))) { lua_pushboolean(L, 1); return 1; }
    if ((n == 5 && (!memcmp(s, "false", 5) || !memcmp(s, "False", 5) || !memcmp(s, "FALSE", 5)))) { lua_pushboolean(L, 0); return 1; }
    if (n < 64 && ((s[0] >= '0' && s[0] <= '9') || s[0] == '-' || s[0] == '+' || s[0] == '.')) {
        char tmp[64], *end;
        memcpy(tmp, s, n);
        tmp[n] = 0;
        errno = 0;
        long long v = strtoll(tmp, &end, 10);
        if (*end == 0 && errno == 0) { lua_pushinteger(L, (lua_Integer)v); return 1; }
        double d = strtod(tmp, &end);
        if (*end == 0 && strpbrk(tmp, "xXpP") == NULL && strcmp(tmp, ".") != 0) { lua_pushnumber(L, d); return 1; }
    }
    lua_pushlstring(L, s, n);
    return 1;
}

static void remember_anchor(lua_State *L, yctx *y, const yaml_char_t *anchor)
{
    if (!anchor) return;
    lua_pushvalue(L, -1);
    lua_setfield(L, y->anchors, (const char *)anchor);
}

/* Parses the node whose start event is current; pushes its value, or
 * returns 0 (nothing pushed) for a null. */
static int parse_node(lua_State *L, yctx *y, int depth)
{
    if (depth > YAML_MAX_DEPTH)
        luaL_error(L, "%s:%d: YAML nested deeper than %d levels", y->name, (int)y->ev.start_mark.line + 1, YAML_MAX_DEPTH);
    luaL_checkstack(L, 6, "YAML nesting");
    yaml_event_t *e = &y->ev;
    switch (e->type) {
    case YAML_SCALAR_EVENT: {
        const char *s = (const char *)e->data.scalar.value;
        size_t n = e->data.scalar.length;
        if (n > YAML_MAX_SCALAR) luaL_error(L, "%s:%d: YAML scalar larger than %u bytes", y->name, (int)e->start_mark.line + 1, YAML_MAX_SCALAR);
        int pushed;
        if (e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !e->data.scalar.tag) pushed = push_plain(L, s, n);
        else { lua_pushlstring(L, s, n); pushed = 1; }
        if (pushed) remember_anchor(L, y, e->data.scalar.anchor);
        return pushed;
    }
    case YAML_ALIAS_EVENT:
        if (++y->aliases > YAML_MAX_ALIASES)
            luaL_error(L, "%s:%d: more than %d YAML aliases (an alias bomb?)", y->name, (int)e->start_mark.line + 1, YAML_MAX_ALIASES);
        if (lua_getfield(L, y->anchors, (const char *)e->data.alias.anchor) == LUA_TNIL)
            luaL_error(L, "%s:%d: unknown YAML alias '%s'", y->name, (int)e->start_mark.line + 1, (const char *)e->data.alias.anchor);
        return 1;
    case YAML_SEQUENCE_START_EVENT: {
        lua_newtable(L);
        remember_anchor(L, y, e->data.sequence_start.anchor);
        lua_Integer i = 0;
        for (;;) {
            next_event(L, y);
            if (y->ev.type == YAML_SEQUENCE_END_EVENT) break;
            if (!parse_node(L, y, depth + 1)) lua_pushlightuserdata(L, NULL);
            lua_rawseti(L, -2, ++i);
        }
        return 1;
    }
    case YAML_MAPPING_START_EVENT: {
        lua_newtable(L);
        remember_anchor(L, y, e->data.mapping_start.anchor);
        for (;;) {
            next_event(L, y);
            if (y->ev.type == YAML_MAPPING_END_EVENT) break;
            if (!parse_node(L, y, depth + 1)) lua_pushliteral(L, "");
            next_event(L, y);
            if (parse_node(L, y, depth + 1)) lua_rawset(L, -3);
            else lua_pop(L, 1);
        }
        return 1;
    }
    default:
        luaL_error(L, "%s: unexpected YAML event", y->name);
        return 0;
    }
}

typedef struct { const char *text; size_t len; const char *name; } yargs;

static int yaml_gc(lua_State *L)
{
    yctx *y = lua_touserdata(L, 1);
    if (y->has_ev) yaml_event_delete(&y->ev);
    y->has_ev = 0;
    yaml_parser_delete(&y->parser);
    return 0;
}

static int yaml_protected(lua_State *L)
{
    yargs *a = lua_touserdata(L, 1);
    yctx *y = lua_newuserdatauv(L, sizeof(yctx), 0);
    memset(y, 0, sizeof *y);
    if (!yaml_parser_initialize(&y->parser)) return luaL_error(L, "not enough memory");
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, yaml_gc);
    lua_setfield(L, -2, "__gc");
    lua_setmetatable(L, -2);
    yaml_parser_set_input_string(&y->parser, (const unsigned char *)a->text, a->len);
    y->name = a->name;
    lua_newtable(L);
    y->anchors = lua_gettop(L);
    next_event(L, y);                   /* stream start */
    next_event(L, y);                   /* document start or stream end */
    int pushed = 0;
    if (y->ev.type == YAML_DOCUMENT_START_EVENT) {
        next_event(L, y);
        pushed = parse_node(L, y, 0);
    }
    if (!pushed) lua_pushnil(L);
    return 1;
}

/* Pushes the value of the first YAML document in text (nil when empty).
 * Returns 0, or -1 with err filled and nothing pushed. */
int yaml_push(lua_State *L, const char *text, size_t len, const char *name, char *err, size_t errlen)
{
    yargs a = {text, len, name ? name : "yaml"};
    lua_pushcfunction(L, yaml_protected);
    lua_pushlightuserdata(L, &a);
    if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
        snprintf(err, errlen, "%s", lua_tostring(L, -1) ? lua_tostring(L, -1) : "YAML error");
        lua_pop(L, 1);
        return -1;
    }
    return 0;
}

/* trawl.yaml(text [, name]) -> value | nil, message */
int lt_yaml(lua_State *L)
{
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    const char *name = luaL_optstring(L, 2, "yaml");
    char err[512];
    if (yaml_push(L, s, n, name, err, sizeof err)) {
        lua_pushnil(L);
        lua_pushstring(L, err);
        return 2;
    }
    return 1;
}
