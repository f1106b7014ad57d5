/* A growable byte buffer that lives in a Lua userdata, so a Lua error in
 * the middle of building it cannot leak it, and whose memory comes from the
 * state's allocator (so limits and failure tests see it). */
#ifndef TRAWL_STRBUF_H
#define TRAWL_STRBUF_H

#include <lua.h>
#include <stddef.h>

typedef struct {
    char *p;
    size_t n, cap;
    int flags;          /* for the writer using it (e.g. JSON explain) */
    lua_Alloc f;
    void *ud;
} strbuf;

/* Pushes a new empty buffer userdata and returns it. */
strbuf *sb_push(lua_State *L);
void sb_add(lua_State *L, strbuf *b, const char *s, size_t n);
void sb_addc(lua_State *L, strbuf *b, char c);
void sb_adds(lua_State *L, strbuf *b, const char *s);
void sb_free(strbuf *b);

#endif
