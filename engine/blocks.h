/* Small blocks for one engine: size-class free lists over large slabs.
 *
 * The Lua state allocates and frees millions of small blocks per batch
 * (tables, strings, closures, annotation records). Through the C library's
 * malloc that was about a sixth of the default rules' time; a free list per
 * size class makes each allocation a pointer pop. Each engine has its own
 * (no locks, nothing global); blocks go back to their list, never to the
 * system, until the engine is freed, so memory is bounded by the largest
 * article's working set, not by the batch. Frees must give the block's
 * size, as lua_Alloc's do. */
#ifndef TRAWL_BLOCKS_H
#define TRAWL_BLOCKS_H

#include <stddef.h>

#define BLOCKS_GRAIN   16                    /* size classes step by this (and align to it) */
#define BLOCKS_MAX     512                   /* larger blocks go to the C library */
#define BLOCKS_CLASSES (BLOCKS_MAX / BLOCKS_GRAIN)
#define BLOCKS_SLAB    (64 * 1024)

typedef struct blocks {
    void *free[BLOCKS_CLASSES];   /* per class, linked through each free block's first word */
    char *bump, *bump_end;        /* the rest of the newest slab */
    void *slabs;                  /* every slab, linked through its first word */
} blocks;

/* lua_Alloc's contract, over b (zeroed before first use): realloc when
 * nsize > 0, free when nsize == 0; osize is ptr's size when ptr is set. */
void *blocks_realloc(blocks *b, void *ptr, size_t osize, size_t nsize);
/* Returns every slab to the C library. */
void blocks_free_all(blocks *b);

#endif
