/* The CLI's worker pool: articles go in on the main thread, are analysed on
 * N worker threads (each with its own engine), and come out in input order. */
#ifndef TRAWL_POOL_H
#define TRAWL_POOL_H

#include "input.h"

#include <stddef.h>

/* What processing one article produced; every field is owned by the pool
 * once the work function returns (buffers from malloc). */
typedef struct {
    char *out;          /* bytes to write, or NULL */
    size_t out_len;
    char *msg;          /* text for stderr, or NULL */
    int failed;         /* the article's record is an error record */
    int fatal;          /* stop the batch (out of memory) */
    size_t in_bytes;    /* the article's size, set by the pool */
} pool_result;

/* Runs on a worker thread with that worker's own state (e.g. an engine). */
typedef void (*pool_work_fn)(void *worker, article *a, pool_result *res);
/* Runs on the main thread, once per article, in input order; a non-zero
 * return stops the batch. */
typedef int (*pool_emit_fn)(void *ud, pool_result *res);

typedef struct pool pool;

/* A pool over nworkers worker states. With one worker no thread is
 * started: pool_submit does the work itself. At most inflight articles are
 * held at once (0: four per worker), so memory does not grow with the input.
 * Returns NULL when threads or memory are short. */
pool *pool_new(void **workers, int nworkers, size_t inflight, pool_work_fn work, pool_emit_fn emit, void *ud);

/* Hands an article to the pool, taking its buffers (*a is left zeroed).
 * May wait for a free slot, emitting finished articles meanwhile. Returns
 * the first non-zero emit value, after which nothing more is emitted. */
int pool_submit(pool *p, article *a);

/* Waits for every submitted article and emits it (or, after a stop, drops
 * the rest); joins the threads and frees the pool. Returns as pool_submit. */
int pool_finish(pool *p);

#endif
