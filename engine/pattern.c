/* The token-pattern matcher: evaluates an item's tests at a token and runs the
 * compiled program by backtracking, pruning (instruction, token) states it
 * has already explored, so the work is bounded by program size x tokens. */
#include "pattern.h"

#include <lauxlib.h>
#include <string.h>

void pat_free(pattern *p)
{
    for (size_t i = 0; i < p->ntests; i++) {
        pat_test *t = &p->tests[i];
        if (t->shapes) p->alloc(p->ud, t->shapes, t->shapeslen, 0);
        if (t->rx) pcre2_code_free(t->rx);
        if (t->startset) p->alloc(p->ud, t->startset, 32, 0);
        if (t->lexok) p->alloc(p->ud, t->lexok, t->nlexok, 0);
    }
    if (p->tests) p->alloc(p->ud, p->tests, p->captests * sizeof(pat_test), 0);
    for (size_t i = 0; i < p->nwords; i++) lex_free(&p->words[i]);
    if (p->words) p->alloc(p->ud, p->words, p->nwords * sizeof(lexicon), 0);
    if (p->lex) p->alloc(p->ud, p->lex, p->nlex * sizeof(lexicon *), 0);
    for (size_t i = 0; i < p->nlayers; i++) p->alloc(p->ud, p->layers[i], strlen(p->layers[i]) + 1, 0);
    if (p->layers) p->alloc(p->ud, p->layers, p->nlayers * sizeof(char *), 0);
    if (p->prog) p->alloc(p->ud, p->prog, p->capprog * sizeof(pat_inst), 0);
    if (p->md) pcre2_match_data_free(p->md);
    if (p->stack) p->alloc(p->ud, p->stack, p->capstack * sizeof(pat_bt), 0);
    if (p->seen) p->alloc(p->ud, p->seen, p->capseen * sizeof(pat_seen), 0);
    if (p->slots) p->alloc(p->ud, p->slots, (size_t)p->ncap * 3 * sizeof(int32_t), 0);
    if (p->best) p->alloc(p->ud, p->best, (size_t)p->ncap * 3 * sizeof(int32_t), 0);
    if (p->captest) p->alloc(p->ud, p->captest, (size_t)p->ncap * sizeof(int32_t), 0);
    if (p->sstart) p->alloc(p->ud, p->sstart, 32, 0);
    if (p->sbloom) p->alloc(p->ud, p->sbloom, (p->sbmask + 1) / 8, 0);
    if (p->envlayers) p->alloc(p->ud, p->envlayers, p->nlayers * sizeof(tc_layer *), 0);
    memset(p, 0, sizeof *p);
}

int pat_env_layers(pattern *p, pat_env *env)
{
    for (size_t i = 0; i < p->nlayers; i++) {
        int oom;
        env->layers[i] = tokcache_layer(env->d, p->layers[i], &oom);
        if (oom) return -1;
    }
    return 0;
}

/* ---- tests ---------------------------------------------------------------------- */

static int layer_bit(const pat_env *env, int layer, size_t pos, int bit)
{
    const tc_layer *l = env->layers[layer];
    return l && (l->bits[pos] & bit);
}

static int shape_ok(const pat_test *t, const pat_env *env, size_t pos)
{
    const tw_token *tk = &env->d->tw.tok[pos];
    char small[256];
    size_t need = 2 * (size_t)(tk->e - tk->s) + 4;
    if (need > sizeof small) return 0;   /* shapes are written for short tokens */
    size_t n = tw_shape(env->d->text, tk, small);
    const char *s = t->shapes;
    for (size_t k = 0; k < t->nshapes; k++) {
        size_t len = strlen(s);
        if (len == n && memcmp(s, small, n) == 0) return 1;
        s += len + 1;
    }
    return 0;
}

/* The token's length and first byte, against what its shape or regex allows:
 * a cheap test that spares most tokens the shape or the regex itself. */
static inline int bytes_ok(const pat_test *t, const pat_env *env, const tw_token *tk)
{
    if (tk->e - tk->s < t->minlen) return 0;
    if (t->startset) {
        unsigned char b = (unsigned char)env->d->text[tk->s];
        if (!(t->startset[b >> 3] & (1u << (b & 7)))) return 0;
    }
    return 1;
}

/* Does the annotation pass the item's 'where' filter? */
static int where_ok(const pat_env *env, int where, int id)
{
    lua_State *L = env->L;
    int ok = 1;
    lua_rawgeti(L, env->uvidx, where);
    doc_push_ann(L, env->docidx, id);
    lua_pushnil(L);
    while (ok && lua_next(L, -3)) {
        lua_pushvalue(L, -2);
        lua_gettable(L, -4);                 /* the annotation's value */
        if (lua_istable(L, -2)) {
            int any = 0;
            lua_Integer n = (lua_Integer)lua_rawlen(L, -2);
            for (lua_Integer k = 1; k <= n && !any; k++) {
                lua_rawgeti(L, -2, k);
                any = lua_compare(L, -1, -2, LUA_OPEQ);
                lua_pop(L, 1);
            }
            ok = any;
        } else {
            ok = lua_compare(L, -1, -2, LUA_OPEQ);
        }
        lua_pop(L, 2);
    }
    if (!ok) lua_pop(L, 1);                  /* the key left by the interrupted lua_next */
    lua_pop(L, 2);
    return ok;
}

static size_t test_hits(const pattern *p, const pat_test *t, const pat_env *env, size_t pos, size_t limit,
                        lex_hit *out);

/* Tests that look at one token only. */
static int token_ok(const pattern *p, const pat_test *t, const pat_env *env, size_t pos)
{
    const tw_token *tk = &env->d->tw.tok[pos];
    if ((tk->flags & t->fset) != t->fset || (tk->flags & t->fclear)) return 0;
    uint32_t kb = 1u << tk->kind;
    if ((t->kinds && !(t->kinds & kb)) || (t->nkinds & kb)) return 0;
    if (t->inside >= 0 && !layer_bit(env, t->inside, pos, TC_INSIDE)) return 0;
    if (t->starts >= 0 && !layer_bit(env, t->starts, pos, TC_STARTS)) return 0;
    if (t->not_inside >= 0 && layer_bit(env, t->not_inside, pos, TC_INSIDE)) return 0;
    if (t->not_starts >= 0 && layer_bit(env, t->not_starts, pos, TC_STARTS)) return 0;
    if (!bytes_ok(t, env, tk)) return 0;
    if (t->nshapes && !shape_ok(t, env, pos)) return 0;
    if (t->rx) {
        int rc = pcre2_match(t->rx, (PCRE2_SPTR)env->d->text, tk->e, tk->s,
                             PCRE2_NO_UTF_CHECK, p->md, p->mctx);
        if (rc < 0) return 0;
    }
    if (t->neg >= 0) {
        /* 'not': the negated item must not match this one token */
        lex_hit h[PAT_MAX_HITS];
        if (test_hits(p, &p->tests[t->neg], env, pos, pos + 1, h)) return 0;
    }
    return 1;
}

/* The ends (ascending) at which the item can stop when it starts at pos. */
static size_t test_hits(const pattern *p, const pat_test *t, const pat_env *env, size_t pos, size_t limit,
                        lex_hit *out)
{
    if (pos >= limit || !token_ok(p, t, env, pos)) return 0;
    if (t->words >= 0) return lex_hits(&p->words[t->words], env->c, pos, limit, out, PAT_MAX_HITS);
    if (t->lex >= 0) {
        size_t n = lex_hits(p->lex[t->lex], env->c, pos, limit, out, PAT_MAX_HITS);
        if (t->lexok) {
            size_t m = 0;
            for (size_t k = 0; k < n; k++)
                if ((size_t)out[k].entry < t->nlexok && t->lexok[out[k].entry]) out[m++] = out[k];
            n = m;
        }
        return n;
    }
    if (t->layer >= 0) {
        const tc_layer *l = env->layers[t->layer];
        if (!l || !(l->bits[pos] & TC_STARTS)) return 0;
        size_t n = 0;
        /* spans are longest first; hand them back shortest first */
        for (uint32_t k = l->first[pos + 1]; k > l->first[pos] && n < PAT_MAX_HITS; k--) {
            const struct tc_span *sp = &l->spans[k - 1];
            if (sp->t1 > limit) continue;
            if (t->where && !where_ok(env, t->where, sp->id)) continue;
            if (n && out[n - 1].end == sp->t1) continue;
            out[n].end = sp->t1;
            out[n].entry = sp->id;
            n++;
        }
        return n;
    }
    out[0].end = (uint32_t)(pos + 1);
    out[0].entry = -1;
    return 1;
}

/* ---- quick rejection ----------------------------------------------------------------- */

/* The TEST instructions reachable from pc without taking a token, added to
 * out[*n] (each once, at most PAT_MAX_FIRSTS); -1 when a match is reachable
 * so too, or there are more. */
static int tests_from(const pattern *p, int32_t pc, uint8_t *seen_pc, int32_t *out, int *n)
{
    while (pc >= 0 && (size_t)pc < p->nprog) {
        if (seen_pc[pc]) return 0;
        seen_pc[pc] = 1;
        const pat_inst *in = &p->prog[pc];
        switch (in->op) {
        case OP_TEST:
            if (*n == PAT_MAX_FIRSTS) return -1;
            out[(*n)++] = pc;
            return 0;
        case OP_SPLIT:
            if (tests_from(p, in->x, seen_pc, out, n)) return -1;
            pc = in->y;
            break;
        case OP_JMP: pc = in->x; break;
        case OP_MATCH: return -1;
        default: pc++;
        }
    }
    return 0;
}

/* The TESTs (by number, ord[pc]) reachable from pc without taking a token,
 * into *mask; *fin set when a match is too. */
static void nfa_from(const pattern *p, int32_t pc, uint8_t *seen_pc, const int8_t *ord, uint64_t *mask, int *fin)
{
    while (pc >= 0 && (size_t)pc < p->nprog && !seen_pc[pc]) {
        seen_pc[pc] = 1;
        const pat_inst *in = &p->prog[pc];
        switch (in->op) {
        case OP_TEST: *mask |= (uint64_t)1 << ord[pc]; return;
        case OP_SPLIT:
            nfa_from(p, in->x, seen_pc, ord, mask, fin);
            pc = in->y;
            break;
        case OP_JMP: pc = in->x; break;
        case OP_MATCH: *fin = 1; return;
        default: pc++;
        }
    }
}

/* Does the test always take exactly one token? (not an annotation, nor a
 * lexicon with an entry of more than one) */
static int takes_one(const pattern *p, const pat_test *t)
{
    if (t->layer >= 0) return 0;
    const lexicon *x = t->words >= 0 ? &p->words[t->words] : t->lex >= 0 ? p->lex[t->lex] : NULL;
    if (!x) return 1;
    for (size_t id = 2; id < x->nnodes; id++)
        if (x->nodes[id].parent > 1) return 0;   /* a second token */
    return 1;
}

/* Numbers the TESTs and works out the sets the scan follows (nnfa = 0 when
 * there are too many). */
static void nfa_build(pattern *p)
{
    int8_t ord[PAT_MAX_PROG];
    uint8_t seen_pc[PAT_MAX_PROG];
    p->nnfa = 0;
    for (size_t pc = 0; pc < p->nprog; pc++) {
        if (p->prog[pc].op != OP_TEST) continue;
        if (p->nnfa == PAT_NFA_TESTS) { p->nnfa = 0; return; }
        ord[pc] = (int8_t)p->nnfa;
        p->nfa_pc[p->nnfa++] = (int32_t)pc;
    }
    int fin = 0;
    p->nfa_first = p->nfa_fin = p->nfa_one = 0;
    for (int k = 0; k < p->nnfa; k++)
        if (takes_one(p, &p->tests[p->prog[p->nfa_pc[k]].x])) p->nfa_one |= (uint64_t)1 << k;
    memset(seen_pc, 0, p->nprog);
    nfa_from(p, 0, seen_pc, ord, &p->nfa_first, &fin);
    for (int k = 0; k < p->nnfa; k++) {
        fin = 0;
        p->nfa_next[k] = 0;
        memset(seen_pc, 0, p->nprog);
        nfa_from(p, p->nfa_pc[k] + 1, seen_pc, ord, &p->nfa_next[k], &fin);
        if (fin) p->nfa_fin |= (uint64_t)1 << k;
    }
}

static const pat_test *first_test(const pattern *p, int k) { return &p->tests[p->prog[p->firsts[k]].x]; }

/* The program's edges out of pc (at most two); returns how many. */
static int edges(const pattern *p, int32_t pc, int32_t out[2])
{
    const pat_inst *in = &p->prog[pc];
    switch (in->op) {
    case OP_SPLIT: out[0] = in->x; out[1] = in->y; return 2;
    case OP_JMP: out[0] = in->x; return 1;
    case OP_MATCH: return 0;
    default: out[0] = pc + 1; return 1;
    }
}

/* Tokens a TEST instruction takes: one, or (lexicons, layers) one or more. */
#define PAT_FAR 0x100000u
static uint32_t takes_max(const pattern *p, int32_t pc)
{
    const pat_inst *in = &p->prog[pc];
    if (in->op != OP_TEST) return 0;
    const pat_test *t = &p->tests[in->x];
    return (t->words >= 0 || t->lex >= 0 || t->layer >= 0) ? PAT_FAR : 1;
}

/* Does every path from the start to a match pass instruction a? */
static int required(const pattern *p, int32_t a, uint8_t *mark, int32_t *stack)
{
    memset(mark, 0, p->nprog);
    size_t sp = 0;
    stack[sp++] = 0;
    mark[0] = 1;
    while (sp) {
        int32_t pc = stack[--sp], out[2];
        if (pc == a) continue;
        if (p->prog[pc].op == OP_MATCH) return 0;
        int n = edges(p, pc, out);
        for (int k = 0; k < n; k++)
            if (out[k] >= 0 && (size_t)out[k] < p->nprog && !mark[out[k]]) {
                mark[out[k]] = 1;
                stack[sp++] = out[k];
            }
    }
    return 1;
}

/* The fewest and most tokens taken before instruction a is reached (paths
 * that do not pass a first), by relaxing the edges; a loop that takes tokens
 * on the way makes the most PAT_FAR. */
static void distance(const pattern *p, int32_t a, uint32_t *lo, uint32_t *hi, uint32_t *dmin, uint32_t *dmax)
{
    const uint32_t NONE = 0xffffffffu;
    for (size_t i = 0; i < p->nprog; i++) dmin[i] = dmax[i] = NONE;
    dmin[0] = dmax[0] = 0;
    int changed = 1;
    for (size_t round = 0; changed && round <= p->nprog + 1; round++) {
        changed = 0;
        for (int32_t pc = 0; (size_t)pc < p->nprog; pc++) {
            if (dmin[pc] == NONE || pc == a) continue;
            const pat_inst *in = &p->prog[pc];
            uint32_t wlo = in->op == OP_TEST ? 1 : 0, whi = takes_max(p, pc);
            int32_t out[2];
            int n = edges(p, pc, out);
            for (int k = 0; k < n; k++) {
                int32_t v = out[k];
                if (v < 0 || (size_t)v >= p->nprog) continue;
                uint32_t nlo = dmin[pc] + wlo, nhi = dmax[pc] + whi;
                if (nhi > PAT_FAR) nhi = PAT_FAR;
                if (dmin[v] == NONE || nlo < dmin[v]) { dmin[v] = nlo; changed = 1; }
                if (dmax[v] == NONE || nhi > dmax[v]) { dmax[v] = nhi; changed = 1; }
            }
        }
        if (changed && round == p->nprog + 1) dmax[a] = PAT_FAR;   /* still growing: a loop */
    }
    *lo = dmin[a] == NONE ? 0 : dmin[a];
    *hi = dmax[a] == NONE ? PAT_FAR : dmax[a];
}

/* How much a test narrows down where it can hold: 0 (flags only) to 3. */
static int selectivity(const pat_test *t)
{
    if (t->words >= 0 || t->lex >= 0) return 3;
    if (t->startset || t->layer >= 0 || t->starts >= 0) return 2;
    if (t->kinds && !(t->kinds & (1u << TK_WORD))) return 2;
    return 0;
}

/* Picks the anchor: a test every match passes at a bounded distance from
 * its start, more selective than the filter on first tokens (worth a
 * second look at every token only then). */
static void find_anchor(pattern *p, int floor)
{
    p->anchor = -1;
    if (p->nprog > 512) return;          /* analysis cost grows with the square */
    size_t n = p->nprog;
    uint8_t mark[512];
    int32_t stack[1024];
    uint32_t dmin[512], dmax[512];
    int best = floor;
    for (int32_t pc = 0; (size_t)pc < n; pc++) {
        if (p->prog[pc].op != OP_TEST) continue;
        int sel = selectivity(&p->tests[p->prog[pc].x]);
        if (sel <= best) continue;
        uint32_t lo, hi;
        distance(p, pc, &lo, &hi, dmin, dmax);
        if (hi == 0 || hi > 64) continue;
        if (!required(p, pc, mark, stack)) continue;
        best = sel;
        p->anchor = p->prog[pc].x;
        p->amin = lo;
        p->amax = hi;
    }
}

/* The lexicon a test takes its first token from, or NULL. */
static const lexicon *test_lexicon(const pattern *p, const pat_test *t)
{
    if (t->words >= 0) return &p->words[t->words];
    if (t->lex >= 0) return p->lex[t->lex];
    return NULL;
}

static void *zalloc(pattern *p, size_t n)
{
    void *q = p->alloc(p->ud, NULL, 0, n);
    if (q) memset(q, 0, n);
    return q;
}

/* Folds the first tests into one filter: flags all of them need, kinds and
 * first bytes any of them allows, and (when each picks its token from a
 * lexicon) the union of their first-form bit sets, folded to the smallest.
 * Returns the filter's selectivity, -1 when out of memory. */
static int start_filter(pattern *p)
{
    p->sfset = p->sfclear = 0;
    p->skinds = ~0u;
    if (!p->nfirsts) return 0;
    p->sfset = p->sfclear = ~0u;
    p->skinds = 0;
    size_t mask = (size_t)-1;
    int bytes = 1;
    for (int k = 0; k < p->nfirsts; k++) {
        const pat_test *t = first_test(p, k);
        p->sfset &= t->fset;
        p->sfclear &= t->fclear;
        p->skinds = (p->skinds == ~0u || !t->kinds) ? ~0u : (p->skinds | t->kinds);
        const lexicon *x = test_lexicon(p, t);
        if (!x || !x->first) mask = 0;
        else if (x->firstmask < mask) mask = x->firstmask;
        if (!t->startset) bytes = 0;
    }
    int sel = (p->skinds != ~0u && !(p->skinds & (1u << TK_WORD))) ? 2 : 0;
    if (bytes) {
        if (!(p->sstart = zalloc(p, 32))) return -1;
        for (int k = 0; k < p->nfirsts; k++)
            for (int w = 0; w < 32; w++) p->sstart[w] |= first_test(p, k)->startset[w];
        sel = 2;
    }
    if (mask && mask != (size_t)-1) {
        if (!(p->sbloom = zalloc(p, (mask + 1) / 8))) return -1;
        p->sbmask = mask;
        for (int k = 0; k < p->nfirsts; k++) {
            const lexicon *x = test_lexicon(p, first_test(p, k));
            for (size_t w = 0; w <= x->firstmask / 64; w++)
                for (uint64_t bits = x->first[w]; bits; bits &= bits - 1) {
                    size_t b = (w * 64 + (size_t)__builtin_ctzll(bits)) & mask;
                    p->sbloom[b >> 6] |= (uint64_t)1 << (b & 63);
                }
        }
        sel = 3;
    }
    return sel;
}

/* Adds the hashes of the forms the lexicon's entries begin with to s (each
 * once); s->nforms becomes -1 (any form) past PAT_MAX_LISTS of them. */
static void source_forms(pat_source *s, const lexicon *x)
{
    if (s->nforms < 0) return;
    size_t roots = x->nodes[0].nchild + x->nodes[1].nchild;
    if (roots > PAT_MAX_LISTS) { s->nforms = -1; return; }
    for (size_t id = 2; id < x->nnodes && roots; id++) {
        const lex_node *nd = &x->nodes[id];
        if (nd->parent > 1) continue;
        roots--;
        uint64_t h = lex_hash(x->pool + nd->str, nd->len);
        int k = 0;
        while (k < s->nforms && s->forms[k] != h) k++;
        if (k < s->nforms) continue;
        if (s->nforms == PAT_MAX_LISTS) { s->nforms = -1; return; }
        s->forms[s->nforms++] = h;
    }
}

/* The first bytes of a 256-bit set into s (-1: none given, or too many to list). */
static void source_bytes(pat_source *s, const uint8_t *set)
{
    s->nbytes = set ? 0 : -1;
    for (int b = 0; set && b < 256; b++)
        if (set[b >> 3] & (1u << (b & 7))) {
            if (s->nbytes == PAT_MAX_LISTS) { s->nbytes = -1; return; }
            s->bytes[s->nbytes++] = (uint8_t)b;
        }
}

static int listable(const pat_source *s) { return s->fset || s->kinds != ~0u || s->nbytes >= 0 || s->nforms >= 0; }

/* The sources of the first tests (folded as the start filter is) and of the
 * anchor, for the scan over the doc index. */
static void sources(pattern *p)
{
    pat_source *s = &p->ssrc;
    s->fset = p->sfset & TC_INDEX_FLAGS;
    s->kinds = p->skinds;
    source_bytes(s, p->sstart);
    s->nforms = p->nfirsts ? 0 : -1;
    for (int k = 0; k < p->nfirsts; k++) {
        const lexicon *x = test_lexicon(p, first_test(p, k));
        if (x) source_forms(s, x);
        else s->nforms = -1;
    }
    p->indexed = listable(s);
    if (p->anchor < 0) return;
    const pat_test *at = &p->tests[p->anchor];
    const lexicon *x = test_lexicon(p, at);
    s = &p->asrc;
    s->fset = at->fset & TC_INDEX_FLAGS;
    s->kinds = at->kinds ? at->kinds & ~at->nkinds : ~0u;
    source_bytes(s, at->startset);
    s->nforms = x ? 0 : -1;
    if (x) source_forms(s, x);
    p->indexed |= listable(s);
}

int pat_analyse(pattern *p)
{
    uint8_t seen_pc[PAT_MAX_PROG];
    memset(seen_pc, 0, p->nprog);
    p->nfirsts = 0;
    if (tests_from(p, 0, seen_pc, p->firsts, &p->nfirsts)) p->nfirsts = 0;
    nfa_build(p);
    size_t nsplit = 0;
    for (size_t pc = 0; pc < p->nprog; pc++) nsplit += p->prog[pc].op == OP_SPLIT;
    for (p->seenshift = 0; p->seenshift < 6 && ((size_t)1 << p->seenshift) < nsplit; p->seenshift++) {}
    int sel = start_filter(p);
    if (sel < 0) return -1;
    find_anchor(p, sel);
    sources(p);
    return 0;
}

/* The cheap tests of t at pos (flags, kinds, first byte, a lexicon's first
 * forms, annotation bits): what a token must pass, not all it must. */
static inline int quick_ok(const pattern *p, const pat_test *t, const pat_env *env, size_t pos)
{
    const tw_token *tk = &env->d->tw.tok[pos];
    if ((tk->flags & t->fset) != t->fset || (tk->flags & t->fclear)) return 0;
    uint32_t kb = 1u << tk->kind;
    if ((t->kinds && !(t->kinds & kb)) || (t->nkinds & kb)) return 0;
    if (!bytes_ok(t, env, tk)) return 0;
    const lexicon *x = test_lexicon(p, t);
    if (x && x->first && !tc_bloom(x->first, x->firstmask, &env->c->tok[pos])) return 0;
    if (t->layer >= 0 && !layer_bit(env, t->layer, pos, TC_STARTS)) return 0;
    if (t->inside >= 0 && !layer_bit(env, t->inside, pos, TC_INSIDE)) return 0;
    if (t->starts >= 0 && !layer_bit(env, t->starts, pos, TC_STARTS)) return 0;
    return 1;
}

/* The folded filter on first tokens, with its fields held in locals so the
 * scan keeps them in registers: a few loads and masks per token. */
typedef struct {
    uint32_t fset, fclear, kinds;
    const uint8_t *start;
    const uint64_t *bloom;
    size_t mask;
    const tw_token *tok;
    const tc_tok *ct;
    const unsigned char *text;
} start_scan;

static inline int start_ok(const start_scan *f, size_t pos)
{
    const tw_token *tk = &f->tok[pos];
    uint32_t fl = tk->flags;
    if ((fl & f->fset) != f->fset || (fl & f->fclear) || !(f->kinds & (1u << tk->kind))) return 0;
    if (f->start) {
        unsigned char b = f->text[tk->s];
        if (!(f->start[b >> 3] & (1u << (b & 7)))) return 0;
    }
    return !f->bloom || tc_bloom(f->bloom, f->mask, &f->ct[pos]);
}

/* Can a match begin at pos? Follows the program from pos as the set of its
 * live TESTs, a token at a time: the first token with the tests in full,
 * up to PAT_NFA_STEPS more with their cheap part, while each live test
 * takes exactly one token (else the matcher decides). No test left before
 * a match could end: none begins here. */
static int firsts_ok(const pattern *p, const pat_env *env, size_t pos, size_t end)
{
    lex_hit hits[PAT_MAX_HITS];
    if (!p->nnfa) {
        for (int k = 0; k < p->nfirsts; k++)
            if (test_hits(p, first_test(p, k), env, pos, end, hits)) return 1;
        return 0;
    }
    uint64_t live = p->nfa_first, next = 0;
    for (uint64_t b = live; b; b &= b - 1) {
        int k = __builtin_ctzll(b);
        size_t n = test_hits(p, &p->tests[p->prog[p->nfa_pc[k]].x], env, pos, end, hits);
        if (!n) continue;
        if (n > 1 || hits[0].end != pos + 1 || (p->nfa_fin & ((uint64_t)1 << k))) return 1;
        next |= p->nfa_next[k];
    }
    for (int step = 0; step < PAT_NFA_STEPS; step++) {
        if (!next) return 0;
        if (next & ~p->nfa_one) return 1;
        if (++pos >= end) return 0;
        live = next;
        next = 0;
        for (uint64_t b = live; b; b &= b - 1) {
            int k = __builtin_ctzll(b);
            if (!quick_ok(p, &p->tests[p->prog[p->nfa_pc[k]].x], env, pos)) continue;
            if (p->nfa_fin & ((uint64_t)1 << k)) return 1;
            next |= p->nfa_next[k];
        }
    }
    return 1;
}

static size_t list_len(const tc_index *ix, size_t b) { return ix->off[b + 1] - ix->off[b]; }

/* Picks the source's shortest way through the index (its forms, one of its
 * flags, its kinds or its first bytes) and starts each list at token from. */
static void walk_open(pat_walk *w, const pat_source *s, const tc_index *ix, size_t ntok, size_t from)
{
    size_t best[PAT_MAX_LISTS], cand[PAT_MAX_LISTS];
    int nbest = -1;
    size_t cost = ntok / 2;   /* a walk over lists costs more per token than a scan */
    w->all = 1;
    w->n = 0;
    if (!ix) return;
    if (s->nforms >= 0) {
        size_t len = 0;
        for (int k = 0; k < s->nforms; k++) len += list_len(ix, cand[k] = tc_list_form(ix, s->forms[k]));
        if (len <= cost) { cost = len; nbest = s->nforms; memcpy(best, cand, (size_t)nbest * sizeof *best); }
    }
    for (uint32_t f = s->fset; f; f &= f - 1) {
        size_t b = TC_LIST_FLAG + (size_t)__builtin_ctz(f);
        if (list_len(ix, b) <= cost) { cost = list_len(ix, b); nbest = 1; best[0] = b; }
    }
    if (s->kinds != ~0u && !(s->kinds & (1u << TK_WORD))) {   /* words are not listed */
        size_t len = 0;
        int m = 0;
        for (uint32_t k = s->kinds & ((1u << TK__COUNT) - 1); k; k &= k - 1)
            len += list_len(ix, cand[m++] = TC_LIST_KIND + (size_t)__builtin_ctz(k));
        if (len <= cost) { cost = len; nbest = m; memcpy(best, cand, (size_t)m * sizeof *best); }
    }
    if (s->nbytes >= 0) {
        size_t len = 0;
        for (int k = 0; k < s->nbytes; k++) len += list_len(ix, cand[k] = TC_LIST_BYTE + s->bytes[k]);
        if (len <= cost) { cost = len; nbest = s->nbytes; memcpy(best, cand, (size_t)nbest * sizeof *best); }
    }
    if (nbest < 0) return;
    w->all = 0;
    w->n = nbest;
    for (int k = 0; k < nbest; k++) {
        uint32_t a = ix->off[best[k]], e = ix->off[best[k] + 1];
        w->end[k] = e;
        while (a < e) {      /* the first entry >= from */
            uint32_t mid = a + (e - a) / 2;
            if (ix->pos[mid] < from) a = mid + 1; else e = mid;
        }
        w->at[k] = a;
    }
}

/* The first listed token in [from, end), or end; from never goes back. */
static inline size_t walk_next(pat_walk *w, const tc_index *ix, size_t from, size_t end)
{
    if (w->all) return from < end ? from : end;
    size_t next = end;
    for (int k = 0; k < w->n; k++) {
        uint32_t a = w->at[k];
        while (a < w->end[k] && ix->pos[a] < from) a++;
        w->at[k] = a;
        if (a < w->end[k] && ix->pos[a] < next) next = ix->pos[a];
    }
    return next;
}

size_t pat_next_start(const pattern *p, const pat_env *env, pat_scan *scan, size_t pos, size_t end)
{
    if (!p->nfirsts) return pos < end ? pos : end;
    start_scan f = {p->sfset, p->sfclear, p->skinds, p->sstart, p->sbloom, p->sbmask,
                    env->d->tw.tok, env->c->tok, (const unsigned char *)env->d->text};
    const pat_test *at = p->anchor >= 0 ? &p->tests[p->anchor] : NULL;
    start_scan af = f;       /* the anchor's own flags, kinds, bytes and lexicon */
    const tc_index *ix = env->ix;
    if (!scan->open || pos < scan->pos) {
        walk_open(&scan->starts, &p->ssrc, ix, env->d->tw.ntok, pos);
        if (at) walk_open(&scan->anchors, &p->asrc, ix, env->d->tw.ntok, pos + p->amin);
        scan->open = 1;
        scan->pos = pos;
    }
    if (at) {
        const lexicon *x = test_lexicon(p, at);
        af.fset = at->fset;
        af.fclear = at->fclear;
        af.kinds = at->kinds ? at->kinds & ~at->nkinds : ~at->nkinds;
        af.start = at->startset;
        af.bloom = x ? x->first : NULL;
        af.mask = x ? x->firstmask : 0;
    }
    size_t anc = 0;          /* the next token the anchor may hold at */
    int found = 0;
    while ((pos = walk_next(&scan->starts, ix, pos, end)) < end) {
        scan->pos = pos;
        if (at) {
            if (!found || anc < pos + p->amin) {
                anc = walk_next(&scan->anchors, ix, pos + p->amin, end);
                while (anc < end && !start_ok(&af, anc)) anc = walk_next(&scan->anchors, ix, anc + 1, end);
                if (anc >= end) return end;
                found = 1;
            }
            if (anc > pos + p->amax) { pos = anc - p->amax; continue; }
        }
        if (start_ok(&f, pos) && firsts_ok(p, env, pos, end)) return pos;
        pos++;
    }
    return end;
}

/* ---- the backtracking machine ------------------------------------------------------- */

enum { BT_BRANCH, BT_UNDO };

static int push(pattern *p, size_t *sp, uint8_t kind, int32_t pc, int32_t pos, int32_t slot, int32_t val)
{
    if (*sp == p->capstack) {
        size_t cap = p->capstack ? p->capstack * 2 : 64;
        pat_bt *s = p->alloc(p->ud, p->stack, p->capstack * sizeof(pat_bt), cap * sizeof(pat_bt));
        if (!s) return -1;
        p->stack = s;
        p->capstack = cap;
    }
    pat_bt *b = &p->stack[(*sp)++];
    b->kind = kind;
    b->pc = pc;
    b->pos = pos;
    b->slot = slot;
    b->val = val;
    return 0;
}

/* States of one token sit side by side (a block of 2^seenshift slots, the
 * SPLITs spread over it), and the next token's block follows: an attempt
 * walks a few tokens on, so it touches a few cache lines, not one per state. */
static size_t seen_hash(const pattern *p, uint32_t pc, uint32_t pos)
{
    size_t h = (size_t)pos << p->seenshift;
    return p->seenshift ? h + ((pc * 0x9E3779B1u) >> (32 - p->seenshift)) : h;
}

/* Marks (pc, pos) as explored; returns 1 if it already was, -1 when out of memory. */
static int seen(pattern *p, uint32_t pc, uint32_t pos)
{
    if ((p->nseen + 1) * 2 > p->capseen) {
        size_t cap = p->capseen ? p->capseen * 2 : 256;
        pat_seen *s = p->alloc(p->ud, NULL, 0, cap * sizeof(pat_seen));
        if (!s) return -1;
        memset(s, 0, cap * sizeof(pat_seen));
        for (size_t i = 0; i < p->capseen; i++) {
            if (p->seen[i].gen != p->gen) continue;
            size_t h = seen_hash(p, p->seen[i].pc, p->seen[i].pos) & (cap - 1);
            while (s[h].gen == p->gen) h = (h + 1) & (cap - 1);
            s[h] = p->seen[i];
        }
        if (p->seen) p->alloc(p->ud, p->seen, p->capseen * sizeof(pat_seen), 0);
        p->seen = s;
        p->capseen = cap;
    }
    size_t mask = p->capseen - 1, h = seen_hash(p, pc, pos) & mask;
    while (p->seen[h].gen == p->gen) {
        if (p->seen[h].pc == pc && p->seen[h].pos == pos) return 1;
        h = (h + 1) & mask;
    }
    p->seen[h].gen = p->gen;
    p->seen[h].pc = pc;
    p->seen[h].pos = pos;
    p->nseen++;
    return 0;
}

int pat_exec(pattern *p, pat_env *env, size_t start, size_t limit, size_t maxend, size_t *end)
{
    lex_hit hits[PAT_MAX_HITS];
    /* the usual case: the first item fails here, decided before any setup */
    const pat_inst *first = p->prog;
    while (first->op == OP_SAVE_S) first++;
    if (first->op == OP_TEST && !test_hits(p, &p->tests[first->x], env, start, limit, hits))
        return PAT_NOMATCH;
    /* States explored by an attempt that found nothing lead nowhere, whatever
     * the start: keep them marked for the next attempt with the same bounds,
     * so a start inside a run the last attempt walked does not walk it again. */
    if (!(p->failed && limit == p->fail_limit && maxend == p->fail_maxend)) {
        if (++p->gen == 0) {
            if (p->seen) memset(p->seen, 0, p->capseen * sizeof(pat_seen));
            p->gen = 1;
        }
        p->nseen = 0;
    }
    p->failed = 0;
    for (int k = 0; k < 3 * p->ncap; k++) p->slots[k] = -1;
    long best = -1;
    size_t sp = 0, steps = 0;
    if (push(p, &sp, BT_BRANCH, 0, (int32_t)start, -1, 0)) return PAT_ENOMEM;
    while (sp) {
        pat_bt b = p->stack[--sp];
        if (b.kind == BT_UNDO) { p->slots[b.slot] = b.val; continue; }
        int32_t pc = b.pc, pos = b.pos;
        if (b.slot >= 0) {
            if (push(p, &sp, BT_UNDO, 0, 0, b.slot, p->slots[b.slot])) return PAT_ENOMEM;
            p->slots[b.slot] = b.val;
        }
        for (;;) {
            if (++steps > PAT_STEP_LIMIT) return PAT_ESTEPS;
            const pat_inst *in = &p->prog[pc];
            if (in->op == OP_TEST) {
                const pat_test *t = &p->tests[in->x];
                size_t n = test_hits(p, t, env, (size_t)pos, limit, hits);
                if (!n) break;
                for (size_t k = 0; k + 1 < n; k++)
                    if (push(p, &sp, BT_BRANCH, pc + 1, (int32_t)hits[k].end, t->cap >= 0 ? 3 * t->cap + 2 : -1,
                             hits[k].entry)) return PAT_ENOMEM;
                if (t->cap >= 0) {
                    int32_t s = 3 * t->cap + 2;
                    if (push(p, &sp, BT_UNDO, 0, 0, s, p->slots[s])) return PAT_ENOMEM;
                    p->slots[s] = hits[n - 1].entry;
                }
                pos = (int32_t)hits[n - 1].end;
                pc++;
            } else if (in->op == OP_SPLIT) {
                int r = seen(p, (uint32_t)pc, (uint32_t)pos);
                if (r < 0) return PAT_ENOMEM;
                if (r) break;
                if (push(p, &sp, BT_BRANCH, in->y, pos, -1, 0)) return PAT_ENOMEM;
                pc = in->x;
            } else if (in->op == OP_JMP) {
                pc = in->x;
            } else if (in->op == OP_SAVE_S) {
                int32_t s = 3 * in->x;
                if (p->slots[s] < 0) {
                    if (push(p, &sp, BT_UNDO, 0, 0, s, p->slots[s])) return PAT_ENOMEM;
                    p->slots[s] = pos;
                }
                pc++;
            } else if (in->op == OP_SAVE_E) {
                int32_t s = 3 * in->x + 1;
                if (push(p, &sp, BT_UNDO, 0, 0, s, p->slots[s])) return PAT_ENOMEM;
                p->slots[s] = pos;
                pc++;
            } else {   /* OP_MATCH */
                if ((size_t)pos <= maxend && pos > best) {
                    best = pos;
                    if (p->ncap) memcpy(p->best, p->slots, (size_t)p->ncap * 3 * sizeof(int32_t));
                    if ((size_t)pos == maxend) sp = 0;   /* nothing can be longer */
                }
                break;
            }
        }
    }
    p->work += steps;
    if (best < 0) {
        p->failed = 1;
        p->fail_limit = limit;
        p->fail_maxend = maxend;
        return PAT_NOMATCH;
    }
    *end = (size_t)best;
    return PAT_OK;
}
