/* The lexicon userdata: built from a YAML text or a Lua table of entries,
 * matched against a doc's tokens in C; entry tables live in its uservalue. */
#include "lexicon.h"
#include "lua_trawl.h"

#include <lauxlib.h>
#include <string.h>

enum { UV_ENTRIES = 1, UV_NAME = 2 };

typedef struct {
    lexicon lx;
    tw_result tmp;          /* scratch for tokenizing forms */
    int ready;
    const void *self;       /* its own address: a check that needs no metatable lookup */
} lexud;

static int lex_gc(lua_State *L)
{
    lexud *u = luaL_checkudata(L, 1, LEXICON_MT);
    lex_free(&u->lx);
    if (u->tmp.alloc) tw_free(&u->tmp);
    u->ready = 0;
    return 0;
}

lexicon *lexicon_check(lua_State *L, int idx)
{
    /* (every lexicon call checks its lexicon: a userdata of this size that
     * points to itself is one, found without luaL_checkudata's registry
     * lookup by name, as doc_check finds a doc) */
    lexud *u = lua_touserdata(L, idx);
    if (!(u && lua_rawlen(L, idx) == sizeof(lexud) && u->self == u)) u = luaL_checkudata(L, idx, LEXICON_MT);
    if (!u->ready) luaL_error(L, "the lexicon was not built");
    return &u->lx;
}

void lexicon_push_entry(lua_State *L, int idx, int32_t k)
{
    lua_getiuservalue(L, idx, UV_ENTRIES);
    lua_rawgeti(L, -1, (lua_Integer)k + 1);
    lua_remove(L, -2);
}

static const char *const TOP_KEYS[] = {
    "lexicon", "type", "case", "entries", "source", "description", "license", "notes", "version", "url", NULL
};

/* A form as a string (numbers are turned into their text); NULL if neither. */
static const char *form_at(lua_State *L, int idx, size_t *n)
{
    int t = lua_type(L, idx);
    if (t == LUA_TSTRING) return lua_tolstring(L, idx, n);
    if (t == LUA_TNUMBER) {
        lua_pushvalue(L, idx);
        const char *s = lua_tolstring(L, -1, n);
        lua_replace(L, idx);
        return s;
    }
    return NULL;
}

static void add_form(lua_State *L, lexud *u, const char *lname, lua_Integer k, const char *what,
                     const char *s, size_t n)
{
    int rc = lex_add(&u->lx, s, n, (int32_t)(k - 1), &u->tmp);
    if (rc == -1) luaL_error(L, "lexicon '%s': not enough memory", lname);
    if (rc == 1) luaL_error(L, "lexicon '%s': entry %d: %s '%s' has no words", lname, (int)k, what, s);
}

/* Builds the lexicon from the table at idx; leaves the userdata on the stack. */
static void build(lua_State *L, int idx, const char *fallback_name)
{
    idx = lua_absindex(L, idx);
    if (lua_rawlen(L, idx) > 0)
        luaL_error(L, "lexicon '%s': not a mapping (expected lexicon, type, case, entries; got a list)", fallback_name);
    for (lua_pushnil(L); lua_next(L, idx); lua_pop(L, 1)) {
        const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
        int known = 0;
        for (int i = 0; k && TOP_KEYS[i]; i++) known |= strcmp(k, TOP_KEYS[i]) == 0;
        if (!known)
            luaL_error(L, "lexicon '%s': unknown key '%s' (expected lexicon, type, case, entries, or "
                       "source/description/license/notes/version/url)", fallback_name,
                       k ? k : luaL_typename(L, -2));
    }
    lua_getfield(L, idx, "lexicon");
    const char *lname = lua_isstring(L, -1) ? lua_tostring(L, -1) : fallback_name;
    int name_idx = lua_gettop(L);
    if (lua_isnil(L, -1)) { lua_pushstring(L, lname); lua_replace(L, name_idx); }
    int mode = LEX_INSENSITIVE;
    lua_getfield(L, idx, "case");
    if (!lua_isnil(L, -1)) {
        const char *c = lua_tostring(L, -1);
        if (c && strcmp(c, "sensitive") == 0) mode = LEX_SENSITIVE;
        else if (c && strcmp(c, "insensitive") == 0) mode = LEX_INSENSITIVE;
        else if (c && strcmp(c, "smart") == 0) mode = LEX_SMART;
        else luaL_error(L, "lexicon '%s': 'case' must be sensitive, insensitive or smart", lname);
    }
    lua_pop(L, 1);
    lua_getfield(L, idx, "type");
    int type_idx = lua_gettop(L);
    if (!lua_isnil(L, -1) && lua_type(L, -1) != LUA_TSTRING)
        luaL_error(L, "lexicon '%s': 'type' must be a string", lname);
    if (lua_getfield(L, idx, "entries") != LUA_TTABLE)
        luaL_error(L, "lexicon '%s': needs 'entries', a list of names or of {name, aliases, type, ...}", lname);
    int src = lua_gettop(L);
    lua_Integer n = (lua_Integer)lua_rawlen(L, src);

    lexud *u = lua_newuserdatauv(L, sizeof(lexud), 2);
    memset(u, 0, sizeof *u);
    u->self = u;
    luaL_setmetatable(L, LEXICON_MT);
    int ud = lua_gettop(L);
    void *aud;
    lua_Alloc af = lua_getallocf(L, &aud);
    u->tmp.alloc = af;
    u->tmp.ud = aud;
    if (lex_init(&u->lx, af, aud, mode)) luaL_error(L, "lexicon '%s': not enough memory", lname);
    lua_createtable(L, (int)n, 0);
    int entries = lua_gettop(L);
    lua_pushvalue(L, entries);
    lua_setiuservalue(L, ud, UV_ENTRIES);
    lua_pushvalue(L, name_idx);
    lua_setiuservalue(L, ud, UV_NAME);

    for (lua_Integer k = 1; k <= n; k++) {
        lua_rawgeti(L, src, k);
        int e = lua_gettop(L);
        size_t len;
        const char *s = form_at(L, e, &len);
        if (s) {
            lua_createtable(L, 0, 2);
            lua_pushvalue(L, e);
            lua_setfield(L, -2, "name");
            if (!lua_isnil(L, type_idx)) { lua_pushvalue(L, type_idx); lua_setfield(L, -2, "type"); }
            add_form(L, u, lname, k, "name", s, len);
        } else if (lua_istable(L, e)) {
            lua_getfield(L, e, "name");
            s = form_at(L, -1, &len);
            if (!s) luaL_error(L, "lexicon '%s': entry %d needs a 'name' (a string)", lname, (int)k);
            lua_setfield(L, e, "name");
            lua_getfield(L, e, "name");
            s = lua_tolstring(L, -1, &len);
            add_form(L, u, lname, k, "name", s, len);
            lua_pop(L, 1);
            if (lua_getfield(L, e, "type") == LUA_TNIL && !lua_isnil(L, type_idx)) {
                lua_pushvalue(L, type_idx);
                lua_setfield(L, e, "type");
            } else if (!lua_isnil(L, -1) && lua_type(L, -1) != LUA_TSTRING) {
                luaL_error(L, "lexicon '%s': entry %d ('%s'): 'type' must be a string", lname, (int)k, s);
            }
            lua_pop(L, 1);
            int at = lua_getfield(L, e, "aliases");
            if (at == LUA_TSTRING || at == LUA_TNUMBER) {
                /* a single alias: kept as a list of one */
                lua_createtable(L, 1, 0);
                lua_pushvalue(L, -2);
                lua_rawseti(L, -2, 1);
                lua_replace(L, -2);
                lua_pushvalue(L, -1);
                lua_setfield(L, e, "aliases");
            } else if (at != LUA_TTABLE && at != LUA_TNIL) {
                luaL_error(L, "lexicon '%s': entry %d: 'aliases' must be a list of strings", lname, (int)k);
            }
            if (lua_istable(L, -1)) {
                int al = lua_gettop(L);
                lua_Integer na = (lua_Integer)lua_rawlen(L, al);
                for (lua_Integer a = 1; a <= na; a++) {
                    lua_rawgeti(L, al, a);
                    const char *as = form_at(L, -1, &len);
                    if (!as) luaL_error(L, "lexicon '%s': entry %d: alias %d must be a string", lname, (int)k, (int)a);
                    add_form(L, u, lname, k, "alias", as, len);
                    lua_pop(L, 1);
                }
            }
            lua_pop(L, 1);
            lua_pushvalue(L, e);
        } else if (lua_isnil(L, e)) {
            luaL_error(L, "lexicon '%s': entry %d is empty", lname, (int)k);
        } else {
            luaL_error(L, "lexicon '%s': entry %d must be a name or a table, not a %s", lname, (int)k,
                       luaL_typename(L, e));
        }
        lua_rawseti(L, entries, k);
        lua_pop(L, 1);
    }
    u->lx.nentries = (size_t)n;
    if (lex_seal(&u->lx)) luaL_error(L, "lexicon '%s': not enough memory", lname);
    u->ready = 1;
    tw_free(&u->tmp);
    lua_pushvalue(L, ud);
}

/* trawl.lexicon(yaml_text_or_table [, name]) -> lexicon */
int lt_lexicon(lua_State *L)
{
    const char *name = luaL_optstring(L, 2, "lexicon");
    lua_settop(L, 2);
    if (lua_type(L, 1) == LUA_TSTRING) {
        size_t n;
        const char *s = lua_tolstring(L, 1, &n);
        char err[512];
        if (yaml_push(L, s, n, name, err, sizeof err)) return luaL_error(L, "%s", err);
        if (!lua_istable(L, -1)) return luaL_error(L, "lexicon '%s': the YAML is not a mapping", name);
        lua_replace(L, 1);
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    build(L, 1, name);
    return 1;
}

/* lex:lookup(str) -> entry or nil */
static int lex_lookup_l(lua_State *L)
{
    lexicon *x = lexicon_check(L, 1);
    lexud *u = (lexud *)x;
    size_t n;
    const char *s = luaL_checklstring(L, 2, &n);
    int32_t k = lex_lookup(x, s, n, &u->tmp);
    tw_free(&u->tmp);
    if (k == -2) return luaL_error(L, "not enough memory");
    if (k < 0) { lua_pushnil(L); return 1; }
    lexicon_push_entry(L, 1, k);
    return 1;
}

static tokcache *cache_of(lua_State *L, tdoc *d)
{
    tokcache *c = tokcache_get(d);
    if (!c) luaL_error(L, "not enough memory");
    return c;
}

/* The longest entry at token i ending by t1, or -1. The first-token filter
 * is tried before lex_longest, which tries it too: nearly every token
 * fails it, and the call and the walk's set-up cost more than the test. */
static int32_t longest_at(const lexicon *x, const tokcache *c, size_t i, size_t t1, uint32_t *end)
{
    if (!lex_may_start(x, &c->tok[i])) return -1;
    return lex_longest(x, c, i, t1, end);
}

/* lex:match(doc, i) -> entry, j (the longest entry starting at token i) or nil */
static int lex_match_l(lua_State *L)
{
    lexicon *x = lexicon_check(L, 1);
    tdoc *d = doc_check(L, 2);
    lua_Integer i = luaL_checkinteger(L, 3);
    if (i < 1 || (size_t)i > d->tw.ntok) { lua_pushnil(L); return 1; }
    uint32_t end;
    int32_t k = longest_at(x, cache_of(L, d), (size_t)i - 1, d->tw.ntok, &end);
    if (k < 0) { lua_pushnil(L); return 1; }
    lexicon_push_entry(L, 1, k);
    lua_pushinteger(L, (lua_Integer)end);
    return 2;
}

/* upvalues: lexicon, doc, next token (0-based), end token */
static int each_iter(lua_State *L)
{
    lexicon *x = lexicon_check(L, lua_upvalueindex(1));
    tdoc *d = doc_check(L, lua_upvalueindex(2));
    size_t i = (size_t)lua_tointeger(L, lua_upvalueindex(3));
    size_t t1 = (size_t)lua_tointeger(L, lua_upvalueindex(4));
    tokcache *c = cache_of(L, d);
    for (; i < t1; i++) {
        uint32_t end;
        int32_t k = longest_at(x, c, i, t1, &end);
        if (k >= 0) {
            lua_pushinteger(L, (lua_Integer)end);
            lua_replace(L, lua_upvalueindex(3));
            lua_pushinteger(L, (lua_Integer)i + 1);
            lua_pushinteger(L, (lua_Integer)end);
            lexicon_push_entry(L, lua_upvalueindex(1), k);
            return 3;
        }
    }
    lua_pushinteger(L, (lua_Integer)t1);
    lua_replace(L, lua_upvalueindex(3));
    return 0;
}

/* The tokens [*t0, *t1) of the span given after the lexicon and the doc. */
static tdoc *span_tokens(lua_State *L, size_t *t0, size_t *t1)
{
    lexicon_check(L, 1);
    tdoc *d = doc_check(L, 2);
    uint32_t s, e;
    doc_span_args(L, d, 3, &s, &e);
    doc_token_range(d, s, e, t0, t1);
    return d;
}

/* lex:each(doc [, s, e]) -> iterator of i, j, entry (longest, non-overlapping) */
static int lex_each(lua_State *L)
{
    size_t t0, t1;
    span_tokens(L, &t0, &t1);
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    lua_pushinteger(L, (lua_Integer)t0);
    lua_pushinteger(L, (lua_Integer)t1);
    lua_pushcclosure(L, each_iter, 4);
    return 1;
}

/* lex:all(doc [, s, e]) -> {i1, j1, entry1, i2, j2, entry2, ...}
 * What lex:each yields, in one flat list: a loop over it costs table reads
 * per match, not an iterator call. */
static int lex_all(lua_State *L)
{
    size_t t0, t1;
    tdoc *d = span_tokens(L, &t0, &t1);
    lexicon *x = lexicon_check(L, 1);
    tokcache *c = cache_of(L, d);
    lua_settop(L, 2);
    lua_newtable(L);
    lua_getiuservalue(L, 1, UV_ENTRIES);
    lua_Integer n = 0;
    for (size_t i = t0; i < t1;) {
        uint32_t end;
        int32_t k = longest_at(x, c, i, t1, &end);
        if (k < 0) { i++; continue; }
        lua_pushinteger(L, (lua_Integer)i + 1);
        lua_rawseti(L, 3, ++n);
        lua_pushinteger(L, (lua_Integer)end);
        lua_rawseti(L, 3, ++n);
        lua_rawgeti(L, 4, (lua_Integer)k + 1);
        lua_rawseti(L, 3, ++n);
        i = end;
    }
    lua_settop(L, 3);
    return 1;
}

/* lex:size() -> number of entries */
static int lex_size(lua_State *L)
{
    lua_pushinteger(L, (lua_Integer)lexicon_check(L, 1)->nentries);
    return 1;
}

/* lex:name() -> the lexicon's name */
static int lex_name(lua_State *L)
{
    lexicon_check(L, 1);
    lua_getiuservalue(L, 1, UV_NAME);
    return 1;
}

/* lex:entry(k) -> entry table k (1-based) or nil */
static int lex_entry(lua_State *L)
{
    lexicon *x = lexicon_check(L, 1);
    lua_Integer k = luaL_checkinteger(L, 2);
    if (k < 1 || (size_t)k > x->nentries) { lua_pushnil(L); return 1; }
    lexicon_push_entry(L, 1, (int32_t)(k - 1));
    return 1;
}

static int lex_tostring(lua_State *L)
{
    lexicon *x = lexicon_check(L, 1);
    lua_getiuservalue(L, 1, UV_NAME);
    lua_pushfstring(L, "lexicon(%s, %d entries)", lua_tostring(L, -1), (int)x->nentries);
    return 1;
}

static const luaL_Reg lex_methods[] = {
    {"lookup", lex_lookup_l}, {"match", lex_match_l}, {"each", lex_each}, {"all", lex_all}, {"size", lex_size},
    {"name", lex_name}, {"entry", lex_entry}, {NULL, NULL}
};

static const luaL_Reg lex_meta[] = {
    {"__gc", lex_gc}, {"__len", lex_size}, {"__tostring", lex_tostring}, {NULL, NULL}
};

void lexicon_register(lua_State *L)
{
    if (luaL_newmetatable(L, LEXICON_MT)) {
        luaL_setfuncs(L, lex_meta, 0);
        luaL_newlib(L, lex_methods);
        lua_setfield(L, -2, "__index");
        lua_pushliteral(L, "locked");
        lua_setfield(L, -2, "__metatable");
    }
    lua_pop(L, 1);
}
