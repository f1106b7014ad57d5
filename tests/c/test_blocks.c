/* The engine's small-block allocator (blocks.c): a long random run of
 * allocations, reallocations across and within size classes and frees,
 * checked against a shadow of every live block's size and contents (a
 * block handed out twice, or moved without its bytes, shows as a corrupted
 * pattern), plus the rows its contract names: the type tag Lua passes as
 * osize for a new block, shrinking in place, moving to and from large
 * blocks, and reuse of a freed block by the next request of its class. */
#include "blocks.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

static void check(int ok, const char *what)
{
    if (ok) passed++;
    else {
        failed++;
        printf("FAIL %s\n", what);
    }
}

#define NLIVE 4096

typedef struct { unsigned char *p; size_t n; unsigned char tag; } live;

static void fill(live *l) { memset(l->p, l->tag, l->n); }

static int intact(const live *l, size_t upto)
{
    for (size_t k = 0; k < upto && k < l->n; k++)
        if (l->p[k] != l->tag) return 0;
    return 1;
}

/* sizes mostly small, some over BLOCKS_MAX, as a Lua state's are */
static size_t some_size(unsigned *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    unsigned r = (*seed >> 8) % 100;
    if (r < 85) return 1 + (*seed >> 12) % BLOCKS_MAX;
    return BLOCKS_MAX + 1 + (*seed >> 12) % 4000;
}

static void random_run(void)
{
    blocks b;
    memset(&b, 0, sizeof b);
    static live L[NLIVE];
    memset(L, 0, sizeof L);
    unsigned seed = 7;
    int bad_content = 0, bad_align = 0, oom = 0;
    for (int step = 0; step < 400000; step++) {
        seed = seed * 1103515245u + 12345u;
        live *l = &L[(seed >> 10) % NLIVE];
        unsigned op = (seed >> 4) % 3;
        if (!l->p) {
            l->n = some_size(&seed);
            l->tag = (unsigned char)(step & 0xff);
            l->p = blocks_realloc(&b, NULL, 5 /* a Lua type tag */, l->n);
            if (!l->p) { oom++; continue; }
            fill(l);
        } else if (op == 0) {
            if (!intact(l, l->n)) bad_content++;
            blocks_realloc(&b, l->p, l->n, 0);
            l->p = NULL;
        } else {
            if (!intact(l, l->n)) bad_content++;
            size_t n = some_size(&seed);
            unsigned char *q = blocks_realloc(&b, l->p, l->n, n);
            if (!q) { oom++; continue; }
            l->p = q;
            if (!intact(l, n < l->n ? n : l->n)) bad_content++;
            l->n = n;
            l->tag = (unsigned char)(step & 0xff);
            fill(l);
        }
        if (l->p && ((uintptr_t)l->p % BLOCKS_GRAIN)) bad_align++;
    }
    for (int k = 0; k < NLIVE; k++)
        if (L[k].p) {
            if (!intact(&L[k], L[k].n)) bad_content++;
            blocks_realloc(&b, L[k].p, L[k].n, 0);
        }
    check(!bad_content, "random run: every live block keeps its bytes (none handed out twice)");
    check(!bad_align, "random run: blocks are aligned to the grain");
    check(!oom, "random run: no allocation failed");
    blocks_free_all(&b);
    check(b.slabs == NULL && b.bump == NULL, "free_all leaves an empty allocator");
}

static void rows(void)
{
    blocks b;
    memset(&b, 0, sizeof b);
    char *p = blocks_realloc(&b, NULL, 4, 40);
    check(p != NULL, "a new block, with a type tag as osize");
    memcpy(p, "0123456789", 10);
    check(blocks_realloc(&b, p, 40, 33) == p, "shrinking within the class keeps the block");
    char *q = blocks_realloc(&b, p, 33, 100);
    check(q && q != p && !memcmp(q, "0123456789", 10), "growing to another class moves the bytes");
    char *r = blocks_realloc(&b, NULL, 0, 40);
    check(r == p, "the freed block is the next one of its class");
    char *big = blocks_realloc(&b, q, 100, 10000);
    check(big && !memcmp(big, "0123456789", 10), "growing past BLOCKS_MAX moves to the C library");
    char *back = blocks_realloc(&b, big, 10000, 64);
    check(back && !memcmp(back, "0123456789", 10), "shrinking from a large block to a small one");
    check(blocks_realloc(&b, back, 64, 0) == NULL, "a free returns NULL");
    check(blocks_realloc(&b, r, 40, 0) == NULL, "a free returns NULL (2)");
    blocks_free_all(&b);
}

int main(void)
{
    rows();
    random_run();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
