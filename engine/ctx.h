/* Per-Lua-state context: the limits and PCRE2 contexts one engine's rules
 * run under. It lives in the Lua registry, never in a C global, so every
 * engine (and a stock lua5.4 that loads trawl.so) has its own. */
#ifndef TRAWL_CTX_H
#define TRAWL_CTX_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <limits.h>
#include <lua.h>
#include <pcre2.h>

#include "trawl.h"

typedef struct trawl_ctx {
    pcre2_general_context *gctx;
    pcre2_compile_context *cctx;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit;
    long long limits[TRAWL_LIMIT__COUNT];
    /* What stops runaway rule code, armed around each call into rules
     * (engine.c): a step budget, shared by the count hook (VM instructions)
     * and the C functions that loop where the hook cannot fire
     * (lua_bounded.c), and a deadline on the monotonic clock, which those C
     * functions read every CTX_POLL_STEPS steps (the watchdog stops the VM). */
    long long steps;       /* charged since the limits were armed */
    long long step_cap;    /* allowed while armed; LLONG_MAX when not */
    long long poll_at;     /* charging past this calls ctx_poll: min(step_cap,
                            * the next clock read) */
    long long deadline;    /* CLOCK_MONOTONIC ns; 0: none */
    int over;              /* CTX_OVER_*: sticky until the limits are re-armed */
    char over_rule[128];   /* the rule running when a limit ran out */
    lua_Hook hook;         /* the engine's limit hook, for coroutines (lua_coro.c);
                            * NULL in a stock lua5.4 */
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

enum { CTX_OVER_NONE = 0, CTX_OVER_STEPS, CTX_OVER_TIME };

/* The count of the limit hook when it polls: the step budget is charged
 * in these, and coroutines read the clock this often (engine.c). */
#define CTX_HOOK_PERIOD 1000

/* Steps between two clock reads in C code under a deadline: a bounded
 * matcher step is a few ns, a clock read ~20 ns. */
#define CTX_POLL_STEPS 16384

/* The monotonic clock in ns. */
long long ctx_now(void);
/* Arms the step budget (cap; 0: none) and the deadline (ms from now; 0:
 * none) for one call into rules; ctx_disarm ends it. */
void ctx_arm(trawl_ctx *c, long long cap, long long ms);
void ctx_disarm(trawl_ctx *c);
/* Which limit has run out (CTX_OVER_*), reading the clock when a deadline
 * is armed; once one has, it stays so until the next ctx_arm. */
int ctx_over(trawl_ctx *c);
/* Notes the running rule (registry "trawl.rule") as the one that ran out
 * of a limit, unless one is noted already. Allocates nothing. */
void ctx_note_over(lua_State *L, trawl_ctx *c);
/* Raises the error for the limit that ran out; what names the C function
 * that noticed ("a Lua pattern"), or NULL for rule code itself. */
int ctx_raise_over(lua_State *L, trawl_ctx *c, const char *what);
/* The slow path of ctx_charge: raises when a limit has run out, else sets
 * the next poll_at. */
void ctx_poll(lua_State *L, trawl_ctx *c, const char *what);

/* Charges n units of C work (n >= 0) to the step budget. Inline and cheap
 * (an add and a compare) until poll_at, where the budget and the deadline
 * are checked. */
static inline void ctx_charge(lua_State *L, trawl_ctx *c, long long n, const char *what)
{
    if (n > c->poll_at - c->steps) {
        c->steps = n > LLONG_MAX - c->steps ? LLONG_MAX : c->steps + n;
        ctx_poll(L, c, what);
    } else {
        c->steps += n;
    }
}

/* lua_bounded.c: replaces string.find/match/gmatch/gsub/rep and table.move
 * in the state's libraries with versions charged to the step budget. */
void bounded_install(lua_State *L);
/* lua_coro.c: makes coroutine.create and coroutine.wrap give new coroutines
 * the limit hook while limits are armed. */
void coro_install(lua_State *L);

#endif
