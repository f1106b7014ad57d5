/* An engine's watchdog: a thread that stops rule code running past its
 * deadline, so that rules can run with no count hook at all (with one, Lua
 * 5.4 sends every VM instruction through its hook check). watchdog.c says
 * how it stays clear of the running state. Everything is in the struct,
 * which the engine owns: one watchdog, and at most one thread, per engine. */
#ifndef TRAWL_WATCHDOG_H
#define TRAWL_WATCHDOG_H

#include <lua.h>
#include <pthread.h>
#include <stdatomic.h>

typedef struct {
    pthread_mutex_t m;
    pthread_cond_t cv;
    pthread_t thread;
    int state;              /* WD_* in watchdog.c: not started, running, cannot run */
    int barrier;            /* the membarrier command that fences the engine's thread */
    /* under m */
    lua_State *L;           /* the state running rule code, while armed */
    lua_Hook hook;          /* set on L at the deadline; it raises the error */
    int armed;              /* the engine is in rule code under a deadline */
    int idle;               /* the thread waits for an arming, with no deadline */
    int quit;
    long long deadline;     /* CLOCK_MONOTONIC ns, while armed */
    long long sleep_until;  /* the deadline the thread sleeps towards, 0: none */
    /* set while the thread walks L's call chain; the engine's frees wait */
    atomic_int walking;
} watchdog;

/* Before the engine's state exists: no thread yet. 0, or -1 when out of
 * resources. */
int wd_init(watchdog *w);
/* Joins the thread, if one was started. */
void wd_free(watchdog *w);

/* From the engine's thread, before it runs rule code on L (its main state)
 * until deadline (CLOCK_MONOTONIC ns): past it the watchdog sets hook on L,
 * with a count of 1, until wd_disarm. Starts the thread on first use.
 * Returns 0, or -1 when no watchdog can run here: the caller must then
 * watch the clock itself. */
int wd_arm(watchdog *w, lua_State *L, lua_Hook hook, long long deadline);
/* From the engine's thread, when the rule code has returned: from here on
 * the watchdog leaves L alone. */
void wd_disarm(watchdog *w);

void wd_wait_walk(watchdog *w);

/* The engine's allocator calls this before every free: while the watchdog
 * walks L's call chain, no node of it may be freed. One relaxed load. */
static inline void wd_before_free(watchdog *w)
{
    if (atomic_load_explicit(&w->walking, memory_order_relaxed)) wd_wait_walk(w);
}

#endif
