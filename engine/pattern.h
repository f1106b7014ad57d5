/* Token patterns: a rule's table of token tests and quantifiers compiled into
 * a small backtracking program, matched over a doc's tokens with a visited
 * set (no exponential blowup) and a step budget. */
#ifndef TRAWL_PATTERN_H
#define TRAWL_PATTERN_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <lua.h>
#include <pcre2.h>
#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "lexicon.h"

#define PATTERN_MT "trawl.pattern"
#define PAT_MAX_PROG 4096         /* instructions, after {m,n} copies */
#define PAT_MAX_REPEAT 100        /* largest n in {m,n} */
#define PAT_STEP_LIMIT 1000000    /* VM steps per match attempt */
#define PAT_MAX_HITS 64           /* span choices one item can offer at a token */
#define PAT_MAX_FIRSTS 8          /* tests a match can begin with that the start filter folds */
#define PAT_NFA_TESTS 64          /* TESTs the scan can follow as a set (one bit each) */
#define PAT_NFA_STEPS 4           /* tokens after the first it follows them over, then lets the matcher decide */

enum pat_op { OP_TEST, OP_SPLIT, OP_JMP, OP_SAVE_S, OP_SAVE_E, OP_MATCH };

typedef struct {
    uint8_t op;
    int32_t x, y;           /* SPLIT: preferred x, then y; JMP: x; TEST: test; SAVE: capture */
} pat_inst;

/* One item's token tests, all of which must hold. */
typedef struct {
    uint32_t fset, fclear;  /* flags that must be set / clear */
    uint32_t kinds, nkinds; /* kind bits allowed (0 = any) / refused */
    int inside, starts;     /* layer index the token must be inside / start, or -1 */
    int not_inside, not_starts;
    char *shapes;           /* NUL-separated shapes, nshapes of them */
    size_t nshapes, shapeslen;
    pcre2_code *rx;
    uint32_t minlen;        /* fewest bytes the token can have (from the regex) */
    uint8_t *startset;      /* 256 bits: bytes the token may begin with (shape, regex), or NULL */
    int neg;                /* index of a test that must fail, or -1 */
    /* at most one of these chooses how many tokens the item takes */
    int words;              /* inline lexicon of text / lower forms, or -1 */
    int lex;                /* lexicon, or -1 */
    uint8_t *lexok;         /* per entry: passes type/where (NULL = all) */
    size_t nlexok;
    int layer;              /* whole annotation of this layer, or -1 */
    int where;              /* index of the annotation filter in the uservalue, 0 = none */
    int cap;                /* capture that records the entry / annotation, or -1 */
} pat_test;

typedef struct {
    uint32_t gen, pc, pos;
} pat_seen;

typedef struct {
    uint8_t kind;
    int32_t pc, pos, slot, val;
} pat_bt;

/* What the doc index (tokcache_index) can list for a test, or for the first
 * tests taken together: flags all their tokens have, the kinds, first bytes
 * and first forms (hashes) they may have. */
#define PAT_MAX_LISTS 16
typedef struct {
    uint32_t fset;          /* indexed flags every such token has */
    uint32_t kinds;         /* kind bits it may have (~0u: any) */
    int nbytes;             /* first bytes it may have, -1: any */
    uint8_t bytes[PAT_MAX_LISTS];
    int nforms;             /* first forms, -1: any */
    uint64_t forms[PAT_MAX_LISTS];
} pat_source;

/* A walk over the tokens the doc index lists for a source, in ascending
 * order (with repeats where lists overlap), merged from up to PAT_MAX_LISTS
 * lists (offsets into ix->pos); or over every token (all). */
typedef struct {
    int all, n;
    uint32_t at[PAT_MAX_LISTS], end[PAT_MAX_LISTS];
} pat_walk;

/* Where a run of pat_next_start calls over one doc is in the doc index,
 * so each call goes on from the last; open = 0 before the first. */
typedef struct {
    int open;
    size_t pos;             /* the last start looked at: the walks may be past
                             * what a call from before it needs (after an error
                             * in a test, say), so such a call opens them anew */
    pat_walk starts, anchors;
} pat_scan;

typedef struct pattern {
    lua_Alloc alloc;
    void *ud;
    pat_inst *prog;
    size_t nprog, capprog;
    pat_test *tests;
    size_t ntests, captests;
    lexicon *words;         /* inline lexicons, owned */
    size_t nwords;
    lexicon **lex;          /* lexicons (their userdata are kept in the uservalue) */
    size_t nlex;
    char **layers;
    size_t nlayers;
    int ncap;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    /* matcher scratch, reused between calls */
    pat_bt *stack;
    size_t capstack;
    pat_seen *seen;
    size_t capseen, nseen;
    uint32_t gen;
    int seenshift;          /* log2 of the slots a token's states are spread over */
    /* the last attempt found no match within these bounds (its seen states
     * are all dead ends); cleared by pat_reset_memo for a new doc or call */
    int failed;
    size_t fail_limit, fail_maxend;
    int32_t *slots, *best;  /* 3 per capture: first token, end token, entry / annotation */
    int32_t *captest;       /* per capture: the one lexicon/layer test that records it, or -1 */
    const tc_layer **envlayers;   /* per layer, for pat_env */
    int32_t firsts[PAT_MAX_FIRSTS];   /* the TESTs a match can begin with (nfirsts = 0: unknown) */
    int nfirsts;
    /* the program as sets of its TESTs, numbered (nnfa of them; 0: more than
     * PAT_NFA_TESTS): those a match begins with, and per TEST the ones that
     * can come next and whether a match can end after it */
    int nnfa;
    int32_t nfa_pc[PAT_NFA_TESTS];
    uint64_t nfa_first, nfa_fin, nfa_next[PAT_NFA_TESTS];
    uint64_t nfa_one;       /* the TESTs that take exactly one token */
    /* a selective test every match passes, between amin and amax tokens
     * after the start (anchor < 0: none): starts far from one are skipped */
    int32_t anchor;
    uint32_t amin, amax;
    /* what every first token passes, whichever first test it meets: the
     * scan for starts tries these before the tests themselves */
    uint32_t sfset, sfclear, skinds;
    uint8_t *sstart;        /* 256 bits: first bytes, or NULL */
    uint64_t *sbloom;       /* first-token forms of the word/lexicon firsts, or NULL */
    size_t sbmask;          /* bits - 1 */
    /* the tokens the first tests and the anchor may hold at, as the doc
     * index lists them (indexed = 0: nothing it lists narrows them down) */
    pat_source ssrc, asrc;
    int indexed;
    /* where the pat:each loop numbered scan_loop is in the doc index (loops
     * are numbered from nloops) */
    pat_scan scan;
    uint64_t scan_loop, nloops;
    size_t work;            /* matcher steps since lua_pattern.c last looked at the limits */
} pattern;

enum { PAT_OK = 0, PAT_NOMATCH = 1, PAT_ENOMEM = -1, PAT_ESTEPS = -2 };

/* Everything the matcher needs about the doc being matched. */
typedef struct {
    lua_State *L;
    int docidx, uvidx;      /* stack indices of the doc and of the pattern's uservalue table */
    tdoc *d;
    tokcache *c;
    const tc_layer **layers;   /* per pattern layer, refreshed per call (NULL = empty) */
    const tc_index *ix;     /* the doc's token lists, when the pattern uses them (else NULL) */
} pat_env;

/* Matches the pattern anchored at token start, within tokens [start, limit),
 * keeping the longest match that ends at or before maxend. Returns PAT_OK
 * with *end and p->best filled, PAT_NOMATCH, or an error. */
int pat_exec(pattern *p, pat_env *env, size_t start, size_t limit, size_t maxend, size_t *end);

/* Forgets what earlier attempts explored: call before matching a doc. */
static inline void pat_reset_memo(pattern *p) { p->failed = 0; }

/* Works out the first tests, the anchor and the start filter once the
 * program is complete; -1 when out of memory. */
int pat_analyse(pattern *p);

/* The first token in [pos, end) where a match could begin, or end: a
 * conservative scan on the tests a match can begin with (and the few tokens
 * after, followed as a set of tests) and on the anchor, over the shortest of
 * the doc index's lists that hold all such tokens (env->ix), or over every
 * token. Calls with one scan must not go back in pos but right after an error. */
size_t pat_next_start(const pattern *p, const pat_env *env, pat_scan *scan, size_t pos, size_t end);

/* Refreshes env->layers for the doc; returns -1 when out of memory. */
int pat_env_layers(pattern *p, pat_env *env);

void pat_free(pattern *p);

void pattern_register(lua_State *L);
int lt_pattern(lua_State *L);

#endif
