/* The per-state context (limits, PCRE2 contexts), kept in the registry. */
#include "ctx.h"

#include <lauxlib.h>
#include <limits.h>
#include <string.h>
#include <time.h>

#define CTX_KEY "trawl.ctx"

static void *pc_malloc(PCRE2_SIZE n, void *ud)
{
    trawl_ctx *c = ud;
    size_t *p = c->alloc(c->ud, NULL, 0, n + sizeof(size_t) * 2);
    if (!p) return NULL;
    p[0] = n;
    return p + 2;
}

static void pc_free(void *ptr, void *ud)
{
    trawl_ctx *c = ud;
    if (!ptr) return;
    size_t *p = (size_t *)ptr - 2;
    c->alloc(c->ud, p, p[0] + sizeof(size_t) * 2, 0);
}

long long ctx_default_limit(int which)
{
    switch (which) {
    case TRAWL_LIMIT_ARTICLE_BYTES: return 16LL << 20;       /* 16 MiB */
    case TRAWL_LIMIT_LUA_STEPS:     return 0;                /* VM instructions per article: none (see
                                                              * trawl.h; the time limit stops loops) */
    case TRAWL_LIMIT_LUA_MEMORY:    return 512LL << 20;      /* bytes held by the state */
    case TRAWL_LIMIT_MATCH:         return 1000000LL;        /* PCRE2 match limit */
    case TRAWL_LIMIT_DEPTH:         return 10000LL;          /* PCRE2 depth limit */
    case TRAWL_LIMIT_HEAP:          return 20000LL;          /* PCRE2 heap limit, KiB */
    case TRAWL_LIMIT_TIME:          return 10000LL;          /* ms per article (see trawl.h) */
    default: return 0;
    }
}

void ctx_apply_limits(trawl_ctx *c)
{
    pcre2_set_match_limit(c->mctx, (uint32_t)c->limits[TRAWL_LIMIT_MATCH]);
    pcre2_set_depth_limit(c->mctx, (uint32_t)c->limits[TRAWL_LIMIT_DEPTH]);
    pcre2_set_heap_limit(c->mctx, (uint32_t)c->limits[TRAWL_LIMIT_HEAP]);
}

long long ctx_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void set_poll_at(trawl_ctx *c)
{
    c->poll_at = c->step_cap;
    if (c->deadline && c->steps < c->step_cap - CTX_POLL_STEPS) c->poll_at = c->steps + CTX_POLL_STEPS;
}

void ctx_arm(trawl_ctx *c, long long cap, long long ms)
{
    c->steps = 0;
    c->step_cap = cap > 0 ? cap : LLONG_MAX;
    c->deadline = ms > 0 ? ctx_now() + ms * 1000000LL : 0;
    c->over = CTX_OVER_NONE;
    c->over_rule[0] = 0;
    set_poll_at(c);
}

void ctx_disarm(trawl_ctx *c)
{
    c->step_cap = LLONG_MAX;
    c->poll_at = LLONG_MAX;
    c->deadline = 0;
    c->over = CTX_OVER_NONE;
}

int ctx_over(trawl_ctx *c)
{
    if (c->over) return c->over;
    if (c->steps > c->step_cap) c->over = CTX_OVER_STEPS;
    else if (c->deadline && ctx_now() >= c->deadline) c->over = CTX_OVER_TIME;
    return c->over;
}

void ctx_note_over(lua_State *L, trawl_ctx *c)
{
    if (c->over_rule[0]) return;
    if (lua_getfield(L, LUA_REGISTRYINDEX, "trawl.rule") == LUA_TSTRING) {
        size_t n;
        const char *s = lua_tolstring(L, -1, &n);
        if (n >= sizeof c->over_rule) n = sizeof c->over_rule - 1;
        memcpy(c->over_rule, s, n);
        c->over_rule[n] = 0;
    } else {
        memcpy(c->over_rule, "?", 2);
    }
    lua_pop(L, 1);
}

int ctx_raise_over(lua_State *L, trawl_ctx *c, const char *what)
{
    ctx_note_over(L, c);
    if (c->over == CTX_OVER_TIME) {
        if (what)
            return luaL_error(L, "time limit hit: %s ran past the limit of %I ms for one article "
                              "(raise it with --limit time=MS)", what, (LUAI_UACINT)c->limits[TRAWL_LIMIT_TIME]);
        return luaL_error(L, "time limit hit: more than %I ms for one article (raise it with --limit time=MS)",
                          (LUAI_UACINT)c->limits[TRAWL_LIMIT_TIME]);
    }
    if (what)
        return luaL_error(L, "step limit hit: %s ran past the budget of %I steps for one article "
                          "(raise it with --limit steps=N)", what, (LUAI_UACINT)c->step_cap);
    return luaL_error(L, "step limit hit: more than %I Lua instructions for one article (raise it with --limit steps=N)",
                      (LUAI_UACINT)c->step_cap);
}

void ctx_poll(lua_State *L, trawl_ctx *c, const char *what)
{
    if (ctx_over(c)) {
        /* sticky: every later unit raises again, and so does the rule code
         * around (the hook is set from this thread, where that is safe) */
        c->poll_at = c->steps;
        if (c->hook) lua_sethook(L, c->hook, LUA_MASKCOUNT, 1);
        ctx_raise_over(L, c, what);
    }
    set_poll_at(c);
}

static int ctx_gc(lua_State *L)
{
    trawl_ctx *c = lua_touserdata(L, 1);
    if (c->jit) pcre2_jit_stack_free(c->jit);
    if (c->mctx) pcre2_match_context_free(c->mctx);
    if (c->cctx) pcre2_compile_context_free(c->cctx);
    if (c->gctx) pcre2_general_context_free(c->gctx);
    /* alloc and ud stay: compiled regexes still free through them */
    c->jit = NULL;
    c->mctx = NULL;
    c->cctx = NULL;
    c->gctx = NULL;
    return 0;
}

trawl_ctx *ctx_push(lua_State *L)
{
    trawl_ctx *c = ctx_get(L);
    lua_getfield(L, LUA_REGISTRYINDEX, CTX_KEY);
    return c;
}

trawl_ctx *ctx_get(lua_State *L)
{
    if (lua_getfield(L, LUA_REGISTRYINDEX, CTX_KEY) == LUA_TUSERDATA) {
        trawl_ctx *c = lua_touserdata(L, -1);
        lua_pop(L, 1);
        return c;
    }
    lua_pop(L, 1);
    trawl_ctx *c = lua_newuserdatauv(L, sizeof(trawl_ctx), 0);
    memset(c, 0, sizeof *c);
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, ctx_gc);
    lua_setfield(L, -2, "__gc");
    lua_setmetatable(L, -2);
    lua_setfield(L, LUA_REGISTRYINDEX, CTX_KEY);
    c->alloc = lua_getallocf(L, &c->ud);
    for (int i = 0; i < TRAWL_LIMIT__COUNT; i++) c->limits[i] = ctx_default_limit(i);
    ctx_disarm(c);
    c->gctx = pcre2_general_context_create(pc_malloc, pc_free, c);
    if (c->gctx) c->cctx = pcre2_compile_context_create(c->gctx);
    if (c->gctx) c->mctx = pcre2_match_context_create(c->gctx);
    if (c->mctx) c->jit = pcre2_jit_stack_create(32 * 1024, 512 * 1024, c->gctx);
    if (!c->gctx || !c->cctx || !c->mctx || !c->jit) luaL_error(L, "not enough memory for PCRE2 contexts");
    pcre2_jit_stack_assign(c->mctx, NULL, c->jit);
    ctx_apply_limits(c);
    return c;
}
