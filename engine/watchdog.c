/* The watchdog thread: sleeps until the deadline of the rule code its
 * engine runs, and if that code is still running then, sets a count hook
 * of 1 on the engine's main state, as Lua's own lua.c does from its SIGINT
 * handler. The hook runs on the engine's thread at the next instruction and
 * raises the limit error (engine.c); it re-arms itself there, so a rule
 * that catches the error is stopped again at once.
 *
 * Calling lua_sethook from another thread. ldebug.c allows it "during a
 * signal": it stores the hook, the count and the mask (a pointer, ints and
 * a byte: a stale or torn value costs at most one hook call too many or too
 * few), then settraps walks the call chain from L->ci through ->previous
 * and sets each Lua frame's trap, the flag the VM reads at every jump and
 * call. A signal handler runs on the interrupted thread, so the chain holds
 * still while it is walked. From here it does not, and three things can
 * happen while the walk goes on:
 *
 * 1. The engine's thread returns from frames and a garbage collection step
 *    frees spare CallInfo nodes (luaE_shrinkCI), perhaps the one being
 *    walked: a read of freed memory, and a write of the trap into it. So
 *    the walk is fenced off from frees: the engine's allocator checks
 *    `walking` before every free (wd_before_free) and, when it is set,
 *    waits on the mutex that this thread holds for the whole walk. A relaxed
 *    load there suffices because this side pays for the ordering: `walking`
 *    is set, then membarrier() makes every thread of the process execute a
 *    full memory barrier, and only then is L->ci read. A free that saw
 *    `walking` clear came before that barrier, and so did the return that
 *    moved L->ci below the freed node; the L->ci read here is at least that
 *    new, and walking ->previous from it only meets nodes still in the
 *    list, which nothing frees until the walk ends (shrinkCI relinks
 *    ->previous only after a free returns).
 * 2. A node being walked is reused for a C function's frame: the trap is
 *    then written into that frame's u.c.old_errfunc. On the main state C
 *    frames never use u.c (lua_callk and lua_pcallk save a continuation
 *    there only when the state can yield, and the main state never can),
 *    which is why the hook is only ever set on the engine's main state.
 *    Coroutines are states of their own, where u.c is live: they get the
 *    hook at creation instead, on the engine's thread (lua_coro.c).
 * 3. A trap is set just as the engine's thread clears it (luaG_traceexec
 *    clears a frame's trap when no hook was set when it looked): the
 *    interrupt is lost. So while the engine stays in the same rule code
 *    past its deadline, the hook is set again every REFIRE_MS.
 *
 * And the hook is never set outside that rule code: wd_arm and wd_disarm
 * take the mutex that the walk holds, so the engine cannot leave the rule
 * code (clear the hook, run its own driver code, close the state, start the
 * next article) while the walk is under way, and once disarmed the thread
 * only sleeps.
 *
 * The thread is cheap: it sleeps on a condition variable, towards the
 * deadline. A new article is only signalled when the thread is idle or
 * sleeps towards a later deadline; otherwise it wakes at the old deadline,
 * finds the new one and sleeps again: one wake-up per limit, not per
 * article. */
#include "watchdog.h"

#include <signal.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <linux/membarrier.h>
#include <sys/syscall.h>
#endif

enum { WD_OFF = 0, WD_ON, WD_BROKEN };

/* After the first interrupt, how often to repeat it (case 3 above). */
#define REFIRE_MS 100

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int wd_init(watchdog *w)
{
    pthread_condattr_t ca;
    w->state = WD_OFF;
    w->L = NULL;
    w->hook = NULL;
    w->armed = w->idle = w->quit = 0;
    w->deadline = w->sleep_until = 0;
    atomic_init(&w->walking, 0);
    if (pthread_mutex_init(&w->m, NULL)) return -1;
    if (pthread_condattr_init(&ca)) goto fail;
    int rc = pthread_condattr_setclock(&ca, CLOCK_MONOTONIC) || pthread_cond_init(&w->cv, &ca);
    pthread_condattr_destroy(&ca);
    if (rc) goto fail;
    return 0;
fail:
    pthread_mutex_destroy(&w->m);
    return -1;
}

/* The barrier of case 1: PRIVATE_EXPEDITED (registered once per process,
 * which changes nothing for anyone else), or GLOBAL on kernels without it.
 * Returns the command, or -1 when there is none: no watchdog then. */
static int barrier_command(void)
{
#if defined(__linux__) && defined(SYS_membarrier)
    long cmds = syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);
    if (cmds < 0) return -1;
    if ((cmds & MEMBARRIER_CMD_PRIVATE_EXPEDITED) &&
        syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0) == 0)
        return MEMBARRIER_CMD_PRIVATE_EXPEDITED;
    if (cmds & MEMBARRIER_CMD_GLOBAL) return MEMBARRIER_CMD_GLOBAL;
#endif
    return -1;
}

static int barrier(int cmd)
{
#if defined(__linux__) && defined(SYS_membarrier)
    return syscall(SYS_membarrier, cmd, 0, 0) == 0 ? 0 : -1;
#else
    (void)cmd;
    return -1;
#endif
}

/* Under m, past the deadline: the hook on L, fenced from frees (case 1). */
static void interrupt(watchdog *w)
{
    atomic_store_explicit(&w->walking, 1, memory_order_relaxed);
    if (barrier(w->barrier) == 0) lua_sethook(w->L, w->hook, LUA_MASKCOUNT, 1);
    atomic_store_explicit(&w->walking, 0, memory_order_release);
}

static void *wd_main(void *arg)
{
    watchdog *w = arg;
    pthread_mutex_lock(&w->m);
    while (!w->quit) {
        if (!w->armed) {
            w->idle = 1;
            pthread_cond_wait(&w->cv, &w->m);
            w->idle = 0;
            continue;
        }
        long long now = now_ns();
        if (now < w->deadline) {
            struct timespec ts = {(time_t)(w->deadline / 1000000000LL), (long)(w->deadline % 1000000000LL)};
            w->sleep_until = w->deadline;
            pthread_cond_timedwait(&w->cv, &w->m, &ts);
            w->sleep_until = 0;
            continue;
        }
        interrupt(w);
        w->deadline = now + REFIRE_MS * 1000000LL;
    }
    pthread_mutex_unlock(&w->m);
    return NULL;
}

/* The thread blocks every signal: the host's signals go to its own threads. */
static int start(watchdog *w)
{
    sigset_t all, old;
    w->barrier = barrier_command();
    sigfillset(&all);
    int rc = w->barrier < 0 || pthread_sigmask(SIG_SETMASK, &all, &old);
    if (!rc) {
        rc = pthread_create(&w->thread, NULL, wd_main, w);
        pthread_sigmask(SIG_SETMASK, &old, NULL);
    }
    w->state = rc ? WD_BROKEN : WD_ON;
    return rc ? -1 : 0;
}

int wd_arm(watchdog *w, lua_State *L, lua_Hook hook, long long deadline)
{
    if (w->state == WD_BROKEN || (w->state == WD_OFF && start(w))) return -1;
    pthread_mutex_lock(&w->m);
    w->L = L;
    w->hook = hook;
    w->deadline = deadline;
    w->armed = 1;
    if (w->idle || (w->sleep_until && deadline < w->sleep_until)) pthread_cond_signal(&w->cv);
    pthread_mutex_unlock(&w->m);
    return 0;
}

void wd_disarm(watchdog *w)
{
    if (w->state != WD_ON) return;
    pthread_mutex_lock(&w->m);
    w->armed = 0;
    pthread_mutex_unlock(&w->m);
}

/* A free while the thread walks: the walk holds m to its end. */
void wd_wait_walk(watchdog *w)
{
    pthread_mutex_lock(&w->m);
    pthread_mutex_unlock(&w->m);
}

void wd_free(watchdog *w)
{
    if (w->state == WD_ON) {
        pthread_mutex_lock(&w->m);
        w->quit = 1;
        pthread_cond_signal(&w->cv);
        pthread_mutex_unlock(&w->m);
        pthread_join(w->thread, NULL);
    }
    pthread_cond_destroy(&w->cv);
    pthread_mutex_destroy(&w->m);
}
