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

static int firsts_from(pattern *p, int32_t pc, uint8_t *seen_pc)
{
    while (pc >= 0 && (size_t)pc < p->nprog) {
        if (seen_pc[pc]) return 0;
        seen_pc[pc] = 1;
        const pat_inst *in = &p->prog[pc];
        switch (in->op) {
        case OP_TEST:
            for (int k = 0; k < p->nfirsts; k++)
                if (p->firsts[k] == in->x) return 0;
            if (p->nfirsts == 8) return -1;
            p->firsts[p->nfirsts++] = in->x;
            return 0;
        case OP_SPLIT:
            if (firsts_from(p, in->x, seen_pc)) return -1;
            pc = in->y;
            break;
        case OP_JMP: pc = in->x; break;
        case OP_MATCH: return -1;
        default: pc++;
        }
    }
    return 0;
}

void pat_find_firsts(pattern *p)
{
    uint8_t seen_pc[PAT_MAX_PROG];
    memset(seen_pc, 0, p->nprog);
    p->nfirsts = 0;
    if (firsts_from(p, 0, seen_pc)) p->nfirsts = 0;
}

static int quick_ok(const pattern *p, const pat_test *t, const pat_env *env, size_t pos)
{
    const tw_token *tk = &env->d->tw.tok[pos];
    if ((tk->flags & t->fset) != t->fset || (tk->flags & t->fclear)) return 0;
    uint32_t kb = 1u << tk->kind;
    if ((t->kinds && !(t->kinds & kb)) || (t->nkinds & kb)) return 0;
    if (t->words >= 0 && !lex_may_start(&p->words[t->words], &env->c->tok[pos])) return 0;
    if (t->lex >= 0 && !lex_may_start(p->lex[t->lex], &env->c->tok[pos])) return 0;
    if (t->layer >= 0 && !layer_bit(env, t->layer, pos, TC_STARTS)) return 0;
    if (t->inside >= 0 && !layer_bit(env, t->inside, pos, TC_INSIDE)) return 0;
    if (t->starts >= 0 && !layer_bit(env, t->starts, pos, TC_STARTS)) return 0;
    return 1;
}

int pat_may_start(const pattern *p, const pat_env *env, size_t pos)
{
    if (!p->nfirsts) return 1;
    for (int k = 0; k < p->nfirsts; k++)
        if (quick_ok(p, &p->tests[p->firsts[k]], env, pos)) return 1;
    return 0;
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

static size_t seen_hash(uint32_t pc, uint32_t pos) { return (size_t)((pc * 0x9E3779B1u) ^ (pos * 0x85EBCA77u)); }

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
            size_t h = seen_hash(p->seen[i].pc, p->seen[i].pos) & (cap - 1);
            while (s[h].gen == p->gen) h = (h + 1) & (cap - 1);
            s[h] = p->seen[i];
        }
        if (p->seen) p->alloc(p->ud, p->seen, p->capseen * sizeof(pat_seen), 0);
        p->seen = s;
        p->capseen = cap;
    }
    size_t mask = p->capseen - 1, h = seen_hash(pc, pos) & mask;
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
    if (++p->gen == 0) {
        if (p->seen) memset(p->seen, 0, p->capseen * sizeof(pat_seen));
        p->gen = 1;
    }
    p->nseen = 0;
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
    if (best < 0) return PAT_NOMATCH;
    *end = (size_t)best;
    return PAT_OK;
}
