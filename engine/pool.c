/* The worker pool: a ring of in-flight articles shared by the main thread
 * (which fills it in input order and empties it in the same order) and the
 * workers (which take the next unclaimed slot and mark it done). */
#define _POSIX_C_SOURCE 200809L
#include "pool.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    article a;
    pool_result r;
    int done;
} job;

struct pool {
    void **workers;
    int nworkers;
    pool_work_fn work;
    pool_emit_fn emit;
    void *ud;
    job *ring;
    size_t cap;
    /* sequence numbers: emitted < head <= claimed < next <= submitted < tail */
    size_t head, next, tail;
    int idle;                 /* workers waiting for a job */
    int closing;              /* no more submissions; workers leave when idle */
    int stopped;              /* an emit said stop: workers take nothing more */
    int rc;                   /* the emit value that stopped the batch */
    pthread_mutex_t mu;
    pthread_cond_t work_cv;   /* a job was queued, or closing */
    pthread_cond_t done_cv;   /* a job was finished */
    pthread_t *threads;
    int nthreads;
};

static void free_article(article *a)
{
    free(a->id);
    free(a->text);
    free(a->meta);
    free(a->error);
    memset(a, 0, sizeof *a);
}

static void free_result(pool_result *r)
{
    free(r->out);
    free(r->msg);
    memset(r, 0, sizeof *r);
}

static void run_job(pool *p, void *worker, job *j)
{
    j->r.in_bytes = j->a.len;
    p->work(worker, &j->a, &j->r);
    free_article(&j->a);
}

static void *worker_main(void *arg)
{
    void **slot = arg;
    pool *p = slot[0];
    void *worker = slot[1];
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->stopped && !p->closing && p->next == p->tail) {
            p->idle++;
            pthread_cond_wait(&p->work_cv, &p->mu);
            p->idle--;
        }
        if (p->stopped || p->next == p->tail) break;
        size_t seq = p->next++;
        job *j = &p->ring[seq % p->cap];
        pthread_mutex_unlock(&p->mu);
        run_job(p, worker, j);
        pthread_mutex_lock(&p->mu);
        j->done = 1;
        /* the main thread only ever waits for the oldest job */
        if (seq == p->head) pthread_cond_signal(&p->done_cv);
    }
    pthread_mutex_unlock(&p->mu);
    free(slot);
    return NULL;
}

pool *pool_new(void **workers, int nworkers, size_t inflight, pool_work_fn work, pool_emit_fn emit, void *ud)
{
    if (nworkers < 1) return NULL;
    pool *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->workers = workers;
    p->nworkers = nworkers;
    p->work = work;
    p->emit = emit;
    p->ud = ud;
    p->cap = inflight ? inflight : 4 * (size_t)nworkers;
    if (nworkers == 1) return p;
    p->ring = calloc(p->cap, sizeof *p->ring);
    p->threads = calloc((size_t)nworkers, sizeof *p->threads);
    if (!p->ring || !p->threads) goto fail;
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->work_cv, NULL);
    pthread_cond_init(&p->done_cv, NULL);
    for (int i = 0; i < nworkers; i++) {
        void **arg = malloc(2 * sizeof *arg);
        if (!arg) break;
        arg[0] = p;
        arg[1] = workers[i];
        if (pthread_create(&p->threads[i], NULL, worker_main, arg) != 0) { free(arg); break; }
        p->nthreads++;
    }
    if (p->nthreads == nworkers) return p;
    pthread_mutex_lock(&p->mu);
    p->closing = 1;
    pthread_cond_broadcast(&p->work_cv);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < p->nthreads; i++) pthread_join(p->threads[i], NULL);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->work_cv);
    pthread_cond_destroy(&p->done_cv);
fail:
    free(p->ring);
    free(p->threads);
    free(p);
    return NULL;
}

/* Emits the oldest job if it is done (or, when wait, once it is). Called
 * with the lock held; emits without it. Returns 1 when a job was emitted. */
static int emit_head(pool *p, int wait)
{
    if (p->head == p->tail) return 0;
    job *j = &p->ring[p->head % p->cap];
    while (!j->done) {
        if (!wait) return 0;
        pthread_cond_wait(&p->done_cv, &p->mu);
    }
    pthread_mutex_unlock(&p->mu);
    if (!p->rc) p->rc = p->emit(p->ud, &j->r);
    free_result(&j->r);
    j->done = 0;
    pthread_mutex_lock(&p->mu);
    p->head++;
    if (p->rc && !p->stopped) {
        p->stopped = 1;
        pthread_cond_broadcast(&p->work_cv);
    }
    return 1;
}

int pool_submit(pool *p, article *a)
{
    if (p->rc) {
        free_article(a);
        return p->rc;
    }
    if (!p->threads) {
        job j = {.a = *a};
        memset(a, 0, sizeof *a);
        run_job(p, p->workers[0], &j);
        p->rc = p->emit(p->ud, &j.r);
        free_result(&j.r);
        return p->rc;
    }
    pthread_mutex_lock(&p->mu);
    while (p->tail - p->head == p->cap && !p->rc) emit_head(p, 1);
    if (!p->rc) {
        job *j = &p->ring[p->tail++ % p->cap];
        j->a = *a;
        memset(a, 0, sizeof *a);
        j->done = 0;
        if (p->idle) pthread_cond_signal(&p->work_cv);
        while (!p->rc && emit_head(p, 0)) {}
    }
    pthread_mutex_unlock(&p->mu);
    free_article(a);
    return p->rc;
}

int pool_finish(pool *p)
{
    int rc = p->rc;
    if (p->threads) {
        pthread_mutex_lock(&p->mu);
        p->closing = 1;
        pthread_cond_broadcast(&p->work_cv);
        while (!p->rc && emit_head(p, 1)) {}
        if (p->rc && !p->stopped) p->stopped = 1;
        pthread_cond_broadcast(&p->work_cv);
        pthread_mutex_unlock(&p->mu);
        for (int i = 0; i < p->nthreads; i++) pthread_join(p->threads[i], NULL);
        /* after a stop: what was queued or finished but not emitted */
        for (size_t s = p->head; s != p->tail; s++) {
            job *j = &p->ring[s % p->cap];
            free_article(&j->a);
            free_result(&j->r);
        }
        rc = p->rc;
        pthread_mutex_destroy(&p->mu);
        pthread_cond_destroy(&p->work_cv);
        pthread_cond_destroy(&p->done_cv);
    }
    free(p->ring);
    free(p->threads);
    free(p);
    return rc;
}
