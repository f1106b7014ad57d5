/* Small blocks for one engine (blocks.h). */
#include "blocks.h"

#include <stdlib.h>
#include <string.h>

/* the class of a block of n bytes, 0 < n <= BLOCKS_MAX */
static inline size_t class_of(size_t n) { return (n - 1) / BLOCKS_GRAIN; }

static void *take(blocks *b, size_t cls)
{
    void *p = b->free[cls];
    if (p) {
        b->free[cls] = *(void **)p;
        return p;
    }
    size_t n = (cls + 1) * BLOCKS_GRAIN;
    if ((size_t)(b->bump_end - b->bump) < n) {
        /* a new slab; the old one's tail (under BLOCKS_MAX bytes) is left */
        char *slab = malloc(BLOCKS_SLAB);
        if (!slab) return NULL;
        *(void **)slab = b->slabs;
        b->slabs = slab;
        b->bump = slab + BLOCKS_GRAIN;      /* the link word, padded to the grain */
        b->bump_end = slab + BLOCKS_SLAB;
    }
    p = b->bump;
    b->bump += n;
    return p;
}

static inline void give(blocks *b, void *p, size_t cls)
{
    *(void **)p = b->free[cls];
    b->free[cls] = p;
}

void *blocks_realloc(blocks *b, void *ptr, size_t osize, size_t nsize)
{
    if (!ptr) osize = 0;                    /* Lua passes a type tag there */
    int osmall = osize > 0 && osize <= BLOCKS_MAX;
    int nsmall = nsize <= BLOCKS_MAX;
    if (nsize == 0) {
        if (osmall) give(b, ptr, class_of(osize));
        else free(ptr);
        return NULL;
    }
    if (!ptr) return nsmall ? take(b, class_of(nsize)) : malloc(nsize);
    if (!osmall && !nsmall) return realloc(ptr, nsize);
    if (osmall && nsmall && class_of(osize) == class_of(nsize)) return ptr;
    void *q = nsmall ? take(b, class_of(nsize)) : malloc(nsize);
    if (!q) return NULL;                    /* ptr is kept, as realloc's contract says */
    memcpy(q, ptr, osize < nsize ? osize : nsize);
    if (osmall) give(b, ptr, class_of(osize));
    else free(ptr);
    return q;
}

void blocks_free_all(blocks *b)
{
    void *s = b->slabs;
    while (s) {
        void *next = *(void **)s;
        free(s);
        s = next;
    }
    memset(b, 0, sizeof *b);
}
