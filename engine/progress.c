/* The progress line: redrawn in place with \r while the batch runs, left
 * on screen with the totals when it ends. */
#define _POSIX_C_SOURCE 200809L
#include "progress.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_init(progress *p)
{
    memset(p, 0, sizeof *p);
    p->on = isatty(STDERR_FILENO);
    if (p->on) p->start = p->last = now();
}

static void draw(progress *p, double t)
{
    double dt = t - p->start;
    fprintf(stderr, "\rtrawl: %ld articles, %.1f MB, %.1f MB/s, %ld errors\033[K",
            p->articles, p->bytes / 1e6, dt > 0 ? p->bytes / 1e6 / dt : 0.0, p->errors);
    fflush(stderr);
    p->shown = 1;
    p->last = t;
}

void progress_add(progress *p, size_t bytes, int failed)
{
    p->articles++;
    p->bytes += (double)bytes;
    if (failed) p->errors++;
    if (!p->on || (p->articles & 7) != 0) return;
    double t = now();
    if (t - p->start >= 1.0 && t - p->last >= 0.25) draw(p, t);
}

void progress_end(progress *p)
{
    if (!p->shown) return;
    draw(p, now());
    fputc('\n', stderr);
    p->shown = 0;
}
