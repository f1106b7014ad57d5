/* YAML text to Lua values (libyaml events), refusing documents that are too
 * deep, use too many aliases, expand to too many nodes or hold huge scalars:
 * libyaml 0.2.5 has no nesting limit and goes quadratic on deep nesting, so
 * we count ourselves, on events, and stop early. */
#include "lua_trawl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#define YAML_MAX_DEPTH 64
#define YAML_MAX_ALIASES 256
#define YAML_MAX_SCALAR (1u << 20)
/* Aliases share one Lua value, but whoever walks the result (JSON output,
 * a lexicon loader) sees every copy: count nodes as if expanded, so a
 * "billion laughs" document is refused here rather than downstream. */
#define YAML_MAX_NODES 2000000

typedef struct {
    yaml_parser_t parser;
    yaml_event_t ev;
    int has_ev;
    int inited;           /* the parser needs deleting */
    int aliases;
    long nodes;           /* nodes seen so far, aliases counted expanded */
    int anchors;          /* stack index of the anchors table: name -> value */
    int sizes;            /* stack index: anchor name -> its expanded node count */
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

static void count_nodes(lua_State *L, yctx *y, long n)
{
    y->nodes += n;
    if (y->nodes > YAML_MAX_NODES)
        luaL_error(L, "%s:%d: YAML expands to more than %d nodes (an alias bomb?)", y->name,
                   (int)y->ev.start_mark.line + 1, YAML_MAX_NODES);
}

/* Called once the node is complete, so an alias inside a node cannot name
 * the node itself: that would build a cycle no consumer expects. */
static void remember_anchor(lua_State *L, yctx *y, const char *anchor, long nodes_before)
{
    if (!anchor) return;
    lua_pushvalue(L, -1);
    lua_setfield(L, y->anchors, anchor);
    lua_pushinteger(L, y->nodes - nodes_before);
    lua_setfield(L, y->sizes, anchor);
}

/* The anchor of the current event, copied: the event is gone by the time
 * the node it starts is complete. */
static const char *take_anchor(lua_State *L, const yaml_char_t *anchor)
{
    if (!anchor) return NULL;
    lua_pushstring(L, (const char *)anchor);
    return lua_tostring(L, -1);
}

/* Key-value pairs a mapping keeps on the stack before they go into its
 * table: a bound, so that a huge mapping cannot overflow the stack. */
enum { MAP_BATCH = 32 };

/* Sets the n pairs on top of the stack into the mapping's table at map, or
 * into a new one made with room for them (map 0), left where the first
 * pair was; returns the table's index. */
static int flush_pairs(lua_State *L, int map, int n)
{
    int first = lua_gettop(L) - 2 * n + 1;
    if (!map) {
        lua_createtable(L, 0, n);
        lua_insert(L, first);
        map = first++;
    }
    for (int k = 0; k < n; k++) {
        lua_pushvalue(L, first + 2 * k);
        lua_pushvalue(L, first + 2 * k + 1);
        lua_rawset(L, map);
    }
    lua_settop(L, map);
    return map;
}

/* Parses the node whose start event is current; pushes its value, or
 * returns 0 (nothing pushed) for a null. */
static int parse_node(lua_State *L, yctx *y, int depth)
{
    if (depth > YAML_MAX_DEPTH)
        luaL_error(L, "%s:%d: YAML nested deeper than %d levels", y->name, (int)y->ev.start_mark.line + 1, YAML_MAX_DEPTH);
    luaL_checkstack(L, 8, "YAML nesting");
    yaml_event_t *e = &y->ev;
    long before = y->nodes;
    switch (e->type) {
    case YAML_SCALAR_EVENT: {
        const char *s = (const char *)e->data.scalar.value;
        size_t n = e->data.scalar.length;
        if (n > YAML_MAX_SCALAR) luaL_error(L, "%s:%d: YAML scalar larger than %d bytes", y->name, (int)e->start_mark.line + 1, (int)YAML_MAX_SCALAR);
        count_nodes(L, y, 1);
        int pushed;
        if (e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !e->data.scalar.tag) pushed = push_plain(L, s, n);
        else { lua_pushlstring(L, s, n); pushed = 1; }
        if (pushed) remember_anchor(L, y, (const char *)e->data.scalar.anchor, before);
        return pushed;
    }
    case YAML_ALIAS_EVENT: {
        const char *name = (const char *)e->data.alias.anchor;
        if (++y->aliases > YAML_MAX_ALIASES)
            luaL_error(L, "%s:%d: more than %d YAML aliases (an alias bomb?)", y->name, (int)e->start_mark.line + 1, YAML_MAX_ALIASES);
        lua_getfield(L, y->sizes, name);
        long size = (long)lua_tointeger(L, -1);
        lua_pop(L, 1);
        if (lua_getfield(L, y->anchors, name) == LUA_TNIL)
            luaL_error(L, "%s:%d: unknown YAML alias '%s' (or one inside its own anchor)", y->name,
                       (int)e->start_mark.line + 1, name);
        count_nodes(L, y, size);
        return 1;
    }
    case YAML_SEQUENCE_START_EVENT: {
        count_nodes(L, y, 1);
        const char *anchor = take_anchor(L, e->data.sequence_start.anchor);
        lua_newtable(L);
        lua_Integer i = 0;
        for (;;) {
            next_event(L, y);
            if (y->ev.type == YAML_SEQUENCE_END_EVENT) break;
            if (!parse_node(L, y, depth + 1)) lua_pushlightuserdata(L, NULL);
            lua_rawseti(L, -2, ++i);
        }
        remember_anchor(L, y, anchor, before);
        if (anchor) lua_remove(L, -2);
        return 1;
    }
    case YAML_MAPPING_START_EVENT: {
        count_nodes(L, y, 1);
        const char *anchor = take_anchor(L, e->data.mapping_start.anchor);
        /* the pairs wait on the stack, so that the table is made with room
         * for them all (a lexicon has thousands of small maps, and one
         * grown key by key rehashes at 1, 2 and 4 keys) */
        int map = 0, pending = 0;
        for (;;) {
            next_event(L, y);
            if (y->ev.type == YAML_MAPPING_END_EVENT) break;
            if (!parse_node(L, y, depth + 1)) lua_pushliteral(L, "");
            next_event(L, y);
            if (!parse_node(L, y, depth + 1)) { lua_pop(L, 1); continue; }
            if (++pending == MAP_BATCH) { map = flush_pairs(L, map, pending); pending = 0; }
        }
        flush_pairs(L, map, pending);
        remember_anchor(L, y, anchor, before);
        if (anchor) lua_remove(L, -2);
        return 1;
    }
    default:
        luaL_error(L, "%s: unexpected YAML event", y->name);
        return 0;
    }
}

typedef struct { const char *text; size_t len; const char *name; } yargs;

static void yctx_release(yctx *y)
{
    if (y->has_ev) yaml_event_delete(&y->ev);
    y->has_ev = 0;
    if (y->inited) yaml_parser_delete(&y->parser);
    y->inited = 0;
}

static int yaml_gc(lua_State *L)
{
    yctx_release(lua_touserdata(L, 1));
    return 0;
}

static int yaml_protected(lua_State *L)
{
    yargs *a = lua_touserdata(L, 1);
    /* the userdata gets its __gc before the parser exists, so an allocation
     * error at any point leaves nothing that cannot be freed */
    yctx *y = lua_newuserdatauv(L, sizeof(yctx), 0);
    memset(y, 0, sizeof *y);
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, yaml_gc);
    lua_setfield(L, -2, "__gc");
    lua_setmetatable(L, -2);
    if (!yaml_parser_initialize(&y->parser)) return luaL_error(L, "not enough memory");
    y->inited = 1;
    yaml_parser_set_input_string(&y->parser, (const unsigned char *)a->text, a->len);
    y->name = a->name;
    lua_newtable(L);
    y->anchors = lua_gettop(L);
    lua_newtable(L);
    y->sizes = lua_gettop(L);
    next_event(L, y);                   /* stream start */
    next_event(L, y);                   /* document start or stream end */
    int pushed = 0;
    if (y->ev.type == YAML_DOCUMENT_START_EVENT) {
        next_event(L, y);
        pushed = parse_node(L, y, 0);
    }
    if (!pushed) lua_pushnil(L);
    /* libyaml's buffers are invisible to Lua's collector: free them now */
    yctx_release(y);
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
