/* --resume: the ids an earlier (possibly killed) run already wrote to its
 * JSON Lines output, so the next run can skip them and append the rest. */
#ifndef TRAWL_RESUME_H
#define TRAWL_RESUME_H

#include <stddef.h>

typedef struct resume_set resume_set;

/* Reads the ids of the complete records in path and cuts off a last line
 * that has no newline (a run killed mid-write). A missing file gives an
 * empty set. Returns NULL with a message in err on failure. */
resume_set *resume_load(const char *path, char *err, size_t errlen);

/* When id is in the set, uses up one copy of it and returns 1; else 0.
 * Ids are a multiset: an id written twice is skipped twice. */
int resume_take(resume_set *s, const char *id);

/* The number of records the file held. */
size_t resume_count(const resume_set *s);

void resume_free(resume_set *s);

#endif
