/* The Lua module "trawl" and the pieces of it defined in other files. */
#ifndef TRAWL_LUA_TRAWL_H
#define TRAWL_LUA_TRAWL_H

#include <lua.h>
#include <lauxlib.h>

int luaopen_trawl(lua_State *L);

/* lua_engine.c: trawl.engine{...}, a whole engine as a Lua object. */
int lt_engine(lua_State *L);

/* lua_numlex.c: trawl.numlex(vocab) -> read, numbers.lua's reader of a lone number token. */
int lt_numlex(lua_State *L);

/* lua_figstarts.c: trawl.figure_starts(spec) -> find, where figures may start in a doc. */
int lt_figure_starts(lua_State *L);

/* lua_toktables.c: trawl.token_tables(doc) -> word, lower, kind, per-token tables filled on first read. */
int lt_token_tables(lua_State *L);

/* lua_regex.c */
int lt_re(lua_State *L);
void regex_register(lua_State *L);

/* json_write.c: appends the JSON form of the value at idx. Keys of objects
 * come in a fixed order (id, name, type, text, start, end, ... then the rest
 * sorted), so output is byte-for-byte reproducible. */
#include "strbuf.h"
void json_encode_value(lua_State *L, int idx, strbuf *b, int depth);
/* The place of a key in that order (lower first; equal ranks sort by name). */
int json_key_rank(const char *k);
int lt_json(lua_State *L);
/* json_read.c: JSON text -> Lua value (jansson). */
int lt_json_decode(lua_State *L);
int json_push_text(lua_State *L, const char *text, size_t len, char *err, size_t errlen);

/* yaml_load.c: YAML text -> Lua value, with depth, alias and size limits. */
int yaml_push(lua_State *L, const char *text, size_t len, const char *name, char *err, size_t errlen);
int lt_yaml(lua_State *L);

/* fs.c: reading rule and data files for the driver (never for rules). */
int lt_readfile(lua_State *L);
int lt_listdir(lua_State *L);
int lt_isdir(lua_State *L);

#endif
