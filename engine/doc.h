/* The document: one article's bytes, its tokens, sentences, paragraphs and
 * the annotation store, as a Lua userdata owned by the engine's state. */
#ifndef TRAWL_DOC_H
#define TRAWL_DOC_H

#include <lua.h>
#include <stddef.h>
#include <stdint.h>

#include "tokenize.h"

#define DOC_MT "trawl.doc"

typedef struct {
    uint32_t s, e;
    int id;              /* index into the doc's fields table (uservalue 1) */
} ann_item;

typedef struct {
    char *name;          /* layer name, owned */
    ann_item *items;
    size_t n, cap;
    int sorted;
    uint32_t version;    /* bumped on every change, for caches */
} ann_layer;

typedef struct tdoc {
    char *text;          /* owned copy, NUL-terminated, len bytes */
    size_t len;
    tw_result tw;
    ann_layer *layers;
    size_t nlayers, caplayers;
    int next_id;
    lua_Alloc alloc;
    void *ud;
    char *scratch;       /* buffer for lower/shape, grown on demand */
    size_t scratch_cap;
    struct tokcache *cache;  /* token forms, hashes, layer coverage (lexicon.c), built lazily */
    const struct tdoc *self; /* its own address: a doc check that needs no metatable (lua_doc.c) */
} tdoc;

/* Pushes a new doc (copying text) with id and meta table at index meta_idx
 * (0 for none). Raises a Lua error on allocation failure. */
tdoc *doc_push(lua_State *L, const char *id, const char *text, size_t len, int meta_idx);
tdoc *doc_check(lua_State *L, int idx);
tdoc *doc_test(lua_State *L, int idx);
/* d, or a Lua error when it was closed. */
tdoc *doc_opened(lua_State *L, tdoc *d);
void doc_register(lua_State *L);

/* Resolves optional (s, e) arguments at idx (or a table with start/end, or
 * a span), defaulting to the whole doc. Raises on out-of-range spans. */
void doc_span_args(lua_State *L, tdoc *d, int idx, uint32_t *s, uint32_t *e);

/* Token index range [t0, t1) of tokens inside [s, e). */
void doc_token_range(const tdoc *d, uint32_t s, uint32_t e, size_t *t0, size_t *t1);

/* The layer by name, or NULL. */
ann_layer *doc_layer(tdoc *d, const char *name);
void doc_layer_sort(ann_layer *l);

/* Lower-case form of token i (0-based) in a buffer owned by the doc, valid
 * until the next call. */
const char *doc_lower(tdoc *d, size_t i, size_t *len);

/* Pushes the fields table of annotation id of the doc at docidx. */
void doc_push_ann(lua_State *L, int docidx, int id);

/* Frees the token cache (lexicon.c). */
void tokcache_free(tdoc *d);

#endif
