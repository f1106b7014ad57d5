/* Per-Lua-state context: the limits and PCRE2 contexts one engine's rules
 * run under. It lives in the Lua registry, never in a C global, so every
 * engine (and a stock lua5.4 that loads trawl.so) has its own. */
#ifndef TRAWL_CTX_H
#define TRAWL_CTX_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <lua.h>
#include <pcre2.h>

#include "trawl.h"

typedef struct trawl_ctx {
    pcre2_general_context *gctx;
    pcre2_compile_context *cctx;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit;
    long long limits[TRAWL_LIMIT__COUNT];
    /* The step budget, shared by the count hook (VM instructions) and the
     * C functions that loop where the hook cannot fire (lua_bounded.c). */
    long long steps;       /* charged since the budget was armed */
    long long step_cap;    /* allowed while armed; LLONG_MAX when not */
    char over_rule[128];   /* the rule running when the budget ran out */
    lua_Alloc alloc;
    void *ud;
} trawl_ctx;

/* The state's context, created on first use. Raises on allocation failure. */
trawl_ctx *ctx_get(lua_State *L);
/* ctx_get, and the context's userdata pushed: for functions that keep it
 * as an upvalue (a registry lookup by name is ~200 instructions, and the
 * bounded string functions and regex matches ask on every call). */
trawl_ctx *ctx_push(lua_State *L);
/* Re-applies limits to the PCRE2 match context after they changed. */
void ctx_apply_limits(trawl_ctx *c);
/* Default value of each limit. */
long long ctx_default_limit(int which);

/* Notes the running rule (registry "trawl.rule") as the one that spent
 * the budget, unless one is noted already. Allocates nothing. */
void ctx_note_over(lua_State *L, trawl_ctx *c);

/* lua_bounded.c: replaces string.find/match/gmatch/gsub/rep and table.move
 * in the state's libraries with versions charged to the step budget. */
void bounded_install(lua_State *L);

#endif
