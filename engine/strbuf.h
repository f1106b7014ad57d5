/* A growable byte buffer that lives in a Lua userdata, so a Lua error in
 * the middle of building it cannot leak it, and whose memory comes from the
 * state's allocator (so limits and failure tests see it). */
#ifndef TRAWL_STRBUF_H
#define TRAWL_STRBUF_H

#include <lua.h>
#include <stddef.h>
#include <string.h>

typedef struct {
    char *p;
    size_t n, cap;
    int flags;          /* for the writer using it (e.g. JSON explain) */
    lua_Alloc f;
    void *ud;
} strbuf;

/* Pushes a new empty buffer userdata and returns it. */
strbuf *sb_push(lua_State *L);
/* Makes room for n more bytes (and the terminator), or raises. */
void sb_grow(lua_State *L, strbuf *b, size_t n);
void sb_adds(lua_State *L, strbuf *b, const char *s);
void sb_free(strbuf *b);

/* Inline: the JSON writer appends a few bytes at a time, hundreds of
 * thousands of times per batch; the common case is a copy into room. */
static inline void sb_add(lua_State *L, strbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) sb_grow(L, b, n);
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}

static inline void sb_addc(lua_State *L, strbuf *b, char c)
{
    if (b->n + 2 > b->cap) sb_grow(L, b, 1);
    b->p[b->n++] = c;
    b->p[b->n] = 0;
}

#endif
