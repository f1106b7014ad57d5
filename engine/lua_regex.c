/* The regex userdata: PCRE2 patterns compiled once (with JIT), matched over
 * a doc or a string, returning 0-based byte offsets. */
#include "ctx.h"
#include "doc.h"
#include "lua_trawl.h"

#include <lauxlib.h>
#include <string.h>

#define RX_MT "trawl.regex"

typedef struct {
    pcre2_code *code;
    pcre2_match_data *md;
    uint32_t ncap;
    trawl_ctx *ctx;     /* the state's context (limits, match context), kept
                         * here: looked up by name it cost ~200 instructions a
                         * match; it lives in the registry until lua_close,
                         * after every regex (their memory frees through it) */
} regex;

static int rx_gc(lua_State *L)
{
    regex *r = luaL_checkudata(L, 1, RX_MT);
    if (r->md) pcre2_match_data_free(r->md);
    if (r->code) pcre2_code_free(r->code);
    r->md = NULL;
    r->code = NULL;
    return 0;
}

static int opt_flag(lua_State *L, int idx, const char *name)
{
    lua_getfield(L, idx, name);
    int v = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return v;
}

static const char *const RX_OPTS[] = {"caseless", "multiline", "dotall", "extended", "ucp", "anchored", NULL};

/* trawl.re(pattern [, {caseless=, multiline=, dotall=, extended=, ucp=, anchored=}]) -> regex */
int lt_re(lua_State *L)
{
    size_t plen;
    const char *pat = luaL_checklstring(L, 1, &plen);
    uint32_t opts = PCRE2_UTF;
    if (!lua_isnoneornil(L, 2)) {
        luaL_checktype(L, 2, LUA_TTABLE);
        lua_pushnil(L);
        while (lua_next(L, 2)) {
            lua_pop(L, 1);
            const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
            int known = 0;
            for (int i = 0; k && RX_OPTS[i]; i++) known |= strcmp(k, RX_OPTS[i]) == 0;
            if (!known) return luaL_error(L, "re: unknown option '%s'", k ? k : luaL_typename(L, -1));
        }
        if (opt_flag(L, 2, "caseless")) opts |= PCRE2_CASELESS;
        if (opt_flag(L, 2, "multiline")) opts |= PCRE2_MULTILINE;
        if (opt_flag(L, 2, "dotall")) opts |= PCRE2_DOTALL;
        if (opt_flag(L, 2, "extended")) opts |= PCRE2_EXTENDED;
        if (opt_flag(L, 2, "ucp")) opts |= PCRE2_UCP;
        if (opt_flag(L, 2, "anchored")) opts |= PCRE2_ANCHORED;
    }
    trawl_ctx *c = ctx_get(L);
    regex *r = lua_newuserdatauv(L, sizeof(regex), 0);
    memset(r, 0, sizeof *r);
    luaL_setmetatable(L, RX_MT);
    r->ctx = c;
    int err;
    PCRE2_SIZE off;
    r->code = pcre2_compile((PCRE2_SPTR)pat, plen, opts, &err, &off, c->cctx);
    if (!r->code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(err, msg, sizeof msg);
        return luaL_error(L, "bad regex /%s/ at offset %d: %s", pat, (int)off, (const char *)msg);
    }
    pcre2_jit_compile(r->code, PCRE2_JIT_COMPLETE);   /* falls back to the interpreter if JIT is unavailable */
    pcre2_pattern_info(r->code, PCRE2_INFO_CAPTURECOUNT, &r->ncap);
    r->md = pcre2_match_data_create_from_pattern(r->code, c->gctx);
    if (!r->md) return luaL_error(L, "not enough memory");
    return 1;
}

/* Subject of a match: a doc's text (already validated) or a Lua string. */
typedef struct {
    const char *s;
    size_t len;
    uint32_t from, to;
    uint32_t flags;
} subject;

static void get_subject(lua_State *L, int idx, subject *sj)
{
    tdoc *d = doc_test(L, idx);
    if (d) {
        uint32_t s, e;
        doc_span_args(L, d, idx + 1, &s, &e);
        sj->s = d->text;
        sj->len = e;
        sj->from = s;
        sj->to = e;
        sj->flags = PCRE2_NO_UTF_CHECK;
        return;
    }
    size_t n;
    sj->s = luaL_checklstring(L, idx, &n);
    lua_Integer a = luaL_optinteger(L, idx + 1, 0), b = luaL_optinteger(L, idx + 2, (lua_Integer)n);
    if (a < 0 || b < a || b > (lua_Integer)n) luaL_error(L, "bad span [%d, %d) for a %d-byte string", (int)a, (int)b, (int)n);
    sj->len = (size_t)b;
    sj->from = (uint32_t)a;
    sj->to = (uint32_t)b;
    sj->flags = 0;
}

/* Runs one match from pos; returns the number of pushed values, 0 on no
 * match. Raises when a limit is hit. */
static int do_match(lua_State *L, regex *r, subject *sj, size_t pos, uint32_t extra)
{
    trawl_ctx *c = r->ctx;
    int rc = pcre2_match(r->code, (PCRE2_SPTR)sj->s, sj->len, pos, sj->flags | extra, r->md, c->mctx);
    if (rc == PCRE2_ERROR_NOMATCH) return 0;
    if (rc < 0) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(rc, msg, sizeof msg);
        if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT)
            return luaL_error(L, "regex limit hit: %s (raise it with --limit)", (const char *)msg);
        if (rc == PCRE2_ERROR_BADUTFOFFSET) return luaL_error(L, "regex: start offset is inside a UTF-8 character");
        return luaL_error(L, "regex error: %s", (const char *)msg);
    }
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);
    uint32_t n = r->ncap + 1;
    luaL_checkstack(L, (int)(2 * n), "too many captures");
    for (uint32_t i = 0; i < n; i++) {
        if (ov[2 * i] == PCRE2_UNSET) {
            lua_pushinteger(L, -1);
            lua_pushinteger(L, -1);
        } else {
            lua_pushinteger(L, (lua_Integer)ov[2 * i]);
            lua_pushinteger(L, (lua_Integer)ov[2 * i + 1]);
        }
    }
    return (int)(2 * n);
}

/* rx:find(doc_or_string [, s, e]) -> ms, me, c1s, c1e, ... or nil */
static int rx_find(lua_State *L)
{
    regex *r = luaL_checkudata(L, 1, RX_MT);
    subject sj;
    get_subject(L, 2, &sj);
    int n = do_match(L, r, &sj, sj.from, 0);
    if (!n) { lua_pushnil(L); return 1; }
    return n;
}

/* rx:test(doc_or_string [, s, e]) -> boolean */
static int rx_test(lua_State *L)
{
    regex *r = luaL_checkudata(L, 1, RX_MT);
    subject sj;
    get_subject(L, 2, &sj);
    int n = do_match(L, r, &sj, sj.from, 0);
    lua_pushboolean(L, n > 0);
    return 1;
}

static int each_iter(lua_State *L)
{
    regex *r = luaL_checkudata(L, lua_upvalueindex(1), RX_MT);
    subject sj;
    sj.s = lua_touserdata(L, lua_upvalueindex(3));
    sj.len = (size_t)lua_tointeger(L, lua_upvalueindex(4));
    sj.flags = (uint32_t)lua_tointeger(L, lua_upvalueindex(5));
    lua_Integer pos = lua_tointeger(L, lua_upvalueindex(6));
    if (pos < 0 || (size_t)pos > sj.len) return 0;
    /* keep the subject (doc or string, upvalue 2) alive across calls */
    int n = do_match(L, r, &sj, (size_t)pos, 0);
    if (!n) {
        lua_pushinteger(L, -1);
        lua_replace(L, lua_upvalueindex(6));
        return 0;
    }
    lua_Integer ms = lua_tointeger(L, -n), me = lua_tointeger(L, -n + 1);
    lua_Integer next = me;
    if (me == ms) {
        /* empty match: step one character forward */
        next = me + 1;
        while ((size_t)next < sj.len && (((unsigned char)sj.s[next]) & 0xC0) == 0x80) next++;
    }
    lua_pushinteger(L, next);
    lua_replace(L, lua_upvalueindex(6));
    return n;
}

/* rx:each(doc_or_string [, s, e]) -> iterator of ms, me, c1s, c1e, ... */
static int rx_each(lua_State *L)
{
    luaL_checkudata(L, 1, RX_MT);
    subject sj;
    get_subject(L, 2, &sj);
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    lua_pushlightuserdata(L, (void *)sj.s);
    lua_pushinteger(L, (lua_Integer)sj.len);
    lua_pushinteger(L, sj.flags);
    lua_pushinteger(L, sj.from);
    lua_pushcclosure(L, each_iter, 6);
    return 1;
}

/* rx:group(name) -> number of the named group, or nil */
static int rx_group(lua_State *L)
{
    regex *r = luaL_checkudata(L, 1, RX_MT);
    int n = pcre2_substring_number_from_name(r->code, (PCRE2_SPTR)luaL_checkstring(L, 2));
    if (n < 0) return 0;
    lua_pushinteger(L, n);
    return 1;
}

/* rx:ncap() -> number of capture groups */
static int rx_ncap(lua_State *L)
{
    regex *r = luaL_checkudata(L, 1, RX_MT);
    lua_pushinteger(L, r->ncap);
    return 1;
}

static const luaL_Reg rx_methods[] = {
    {"find", rx_find}, {"test", rx_test}, {"each", rx_each}, {"group", rx_group},
    {"ncap", rx_ncap}, {NULL, NULL}
};

void regex_register(lua_State *L)
{
    if (luaL_newmetatable(L, RX_MT)) {
        lua_pushcfunction(L, rx_gc);
        lua_setfield(L, -2, "__gc");
        luaL_newlib(L, rx_methods);
        lua_setfield(L, -2, "__index");
        lua_pushliteral(L, "locked");
        lua_setfield(L, -2, "__metatable");
    }
    lua_pop(L, 1);
}
