/* A progress line on stderr for long batches (articles, MB, MB/s, errors),
 * shown only when stderr is a terminal. */
#ifndef TRAWL_PROGRESS_H
#define TRAWL_PROGRESS_H

#include <stddef.h>

typedef struct {
    int on;                 /* stderr is a terminal */
    int shown;              /* a line is on screen */
    double start, last;     /* seconds */
    long articles, errors;
    double bytes;
} progress;

void progress_init(progress *p);
/* Counts one article; redraws the line at most a few times a second, and
 * only once the batch has run for a second. */
void progress_add(progress *p, size_t bytes, int failed);
/* Ends the line with the final counts, if one was shown. */
void progress_end(progress *p);

#endif
