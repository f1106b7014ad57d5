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
    lua_Alloc alloc;
    void *ud;
} trawl_ctx;

/* The state's context, created on first use. Raises on allocation failure. */
trawl_ctx *ctx_get(lua_State *L);
/* Re-applies limits to the PCRE2 match context after they changed. */
void ctx_apply_limits(trawl_ctx *c);
/* Default value of each limit. */
long long ctx_default_limit(int which);

#endif
