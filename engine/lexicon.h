/* Lexicons (gazetteers) matched in C: surface forms split into tokens the
 * way article text is, kept in a hash-linked trie of normalised token forms,
 * and the per-doc token cache (normalised forms, hashes, layer coverage)
 * that lexicons and token patterns share. */
#ifndef TRAWL_LEXICON_H
#define TRAWL_LEXICON_H

#include <lua.h>
#include <stddef.h>
#include <stdint.h>

#include "doc.h"

#define LEXICON_MT "trawl.lexicon"

enum lex_case { LEX_INSENSITIVE = 0, LEX_SENSITIVE, LEX_SMART };

/* ---- per-doc token cache ---------------------------------------------------- */

typedef struct {
    const char *low, *ex;   /* lower-cased form; case kept (apostrophes, dashes folded) */
    uint32_t ll, xl;
    uint64_t lh, xh;        /* their hashes */
    /* A possessive ("Russia's", "Reuters'") may end a lexicon match without
     * its suffix: the suffix's length in both forms (0 when none) and the
     * hashes of the forms without it. */
    uint32_t poss;
    uint64_t plh, pxh;
} tc_tok;

/* One annotation layer seen per token; rebuilt when the layer's version moves. */
typedef struct {
    char *name;
    uint32_t version;
    uint8_t *bits;          /* per token: TC_INSIDE | TC_STARTS */
    uint32_t *first;        /* per token + 1: index into spans of the first span starting there */
    struct tc_span { uint32_t t1; int id; } *spans;   /* grouped by first token, longest first */
    size_t nspans;
} tc_layer;

enum { TC_INSIDE = 1, TC_STARTS = 2 };

/* The doc's tokens listed by what the scans for pattern starts look for, so
 * a pattern visits the tokens it may begin at rather than every token: one
 * ascending list per kind and per flag (but words and the flags most tokens
 * have: their lists would be too long to help, and the word kind's is left
 * empty), per first byte, and per bucket of form hashes (a token is in the
 * buckets of its lower and its exact form; a bucket may hold other forms). */
#define TC_NFLAGS 18
#define TC_INDEX_FLAGS (((1u << TC_NFLAGS) - 1) & ~(TF_LOWER | TF_SPACE_BEFORE | TF_SPACE_AFTER))
typedef struct {
    uint32_t *pos;          /* all the lists, one after the other */
    uint32_t *off;          /* list b is pos[off[b] .. off[b + 1]) */
    size_t npos, nlists;
    size_t formmask;        /* form buckets - 1 */
} tc_index;

enum {
    TC_LIST_KIND = 0,
    TC_LIST_FLAG = TK__COUNT,
    TC_LIST_BYTE = TK__COUNT + TC_NFLAGS,
    TC_LIST_FORM = TK__COUNT + TC_NFLAGS + 256
};

static inline size_t tc_list_form(const tc_index *ix, uint64_t h)
{
    return TC_LIST_FORM + ((size_t)(h >> 32) & ix->formmask);
}

typedef struct tokcache {
    size_t size;            /* bytes of the block: this struct, tok, buf */
    size_t ntok;            /* tokens (the arrays are sized for this many) */
    tc_tok *tok;
    char *buf;
    tc_layer *layers;
    size_t nlayers;
    tc_index *index;        /* built on first use, NULL before */
} tokcache;

/* The doc's token cache, built on first use; NULL when out of memory. */
tokcache *tokcache_get(tdoc *d);
/* The coverage of a layer (built or refreshed on demand); NULL when the
 * layer does not exist yet or memory ran out (*oom set). */
const tc_layer *tokcache_layer(tdoc *d, const char *name, int *oom);

/* The doc's token lists (built on first use); NULL when out of memory. */
const tc_index *tokcache_index(tdoc *d);

uint64_t lex_hash(const char *s, size_t n);

/* ---- the lexicon -------------------------------------------------------------- */

typedef struct {
    uint64_t h;             /* edge hash: the form's hash mixed with the parent */
    uint32_t parent;
    uint32_t str, len;      /* the token form, in the string pool */
    int32_t entry;          /* entry index ending here, or -1 */
    uint32_t nchild;
} lex_node;

typedef struct lexicon {
    lua_Alloc alloc;
    void *ud;
    int mode;               /* enum lex_case */
    lex_node *nodes;        /* nodes[0]: root of lower-case forms, nodes[1]: root of exact forms */
    size_t nnodes, capnodes;
    uint32_t *slots;        /* open addressing over node ids, 0 = empty */
    size_t nslots;
    char *pool;
    size_t poollen, poolcap;
    size_t nentries;
    size_t nforms, ndup;
    uint64_t *first;        /* bit set over the hashes of first-token forms (lex_seal), or NULL */
    size_t firstmask;       /* bits - 1 */
} lexicon;

typedef struct {
    uint32_t end;           /* token index one past the match */
    int32_t entry;
} lex_hit;

int lex_init(lexicon *x, lua_Alloc alloc, void *ud, int mode);
void lex_free(lexicon *x);

/* Adds a surface form for entry. Returns 0, 1 when the form has no tokens,
 * 2 when the form was already there (the earlier entry keeps it), -1 when
 * out of memory. tmp is a scratch tokenizer result the caller owns. */
int lex_add(lexicon *x, const char *form, size_t len, int32_t entry, tw_result *tmp);

/* Builds the first-token filter once all forms are in (optional: without it
 * matching is the same, only slower to reject). Returns -1 when out of memory. */
int lex_seal(lexicon *x);

/* Can an entry start at this token? (a quick, conservative test) */
/* Might one of the token's forms (possessive-less too) be in the bloom set? */
static inline int tc_bloom(const uint64_t *bloom, size_t mask, const tc_tok *t)
{
    size_t a = (size_t)(t->lh >> 7) & mask, b = (size_t)(t->xh >> 7) & mask;
    if (((bloom[a >> 6] >> (a & 63)) | (bloom[b >> 6] >> (b & 63))) & 1) return 1;
    if (!t->poss) return 0;
    a = (size_t)(t->plh >> 7) & mask, b = (size_t)(t->pxh >> 7) & mask;
    return ((bloom[a >> 6] >> (a & 63)) | (bloom[b >> 6] >> (b & 63))) & 1;
}

static inline int lex_may_start(const lexicon *x, const tc_tok *t)
{
    if (!x->first) return 1;
    return tc_bloom(x->first, x->firstmask, t);
}

/* Entry whose form is exactly the string, or -1 (-2 when out of memory). */
int32_t lex_lookup(const lexicon *x, const char *s, size_t len, tw_result *tmp);

/* Every entry match starting at token i that ends by token limit, shortest
 * first; returns the count (at most max), ties going to exact-case forms. */
size_t lex_hits(const lexicon *x, const tokcache *c, size_t i, size_t limit, lex_hit *out, size_t max);

/* The longest match at token i, or -1; *end gets its end. */
int32_t lex_longest(const lexicon *x, const tokcache *c, size_t i, size_t limit, uint32_t *end);

/* The lexicon userdata at idx (raises when it is not one). */
lexicon *lexicon_check(lua_State *L, int idx);
/* Pushes the entry table of entry k of the lexicon at idx. */
void lexicon_push_entry(lua_State *L, int idx, int32_t k);
void lexicon_register(lua_State *L);
int lt_lexicon(lua_State *L);

#endif
