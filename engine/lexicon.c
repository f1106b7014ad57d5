/* Lexicon matching in C: a trie whose edges are normalised token forms,
 * stored in one open-addressing hash table keyed by (parent, form), and the
 * per-doc token cache of normalised forms and hashes it is matched against. */
#include "lexicon.h"
#include "utf8.h"

#include <string.h>

/* ---- hashing ---------------------------------------------------------------- */

/* Tokens are short: hash them eight bytes at a time (a multiply per word and
 * a finaliser) rather than byte by byte; the value only lives in-process. */
static uint64_t mix64(uint64_t h)
{
    h ^= h >> 32;
    h *= 0xd6e8feb86659fd93ULL;
    h ^= h >> 32;
    return h;
}

static inline uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ (uint64_t)n;
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = mix64(h ^ w) * 0x9E3779B97F4A7C15ULL;
        s += 8;
        n -= 8;
    }
    /* the last 0-7 bytes without a variable-length copy (which calls libc):
     * two overlapping 4-byte loads, or up to three single bytes */
    uint64_t w = 0;
    if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        w = ((uint64_t)a << 32) | b;
    } else if (n) {
        const unsigned char *u = (const unsigned char *)s;
        w = ((uint64_t)u[0] << 16) | ((uint64_t)u[n >> 1] << 8) | u[n - 1];
    }
    return mix64(mix64(h ^ w) + 0x632BE59BD9B4E019ULL);
}

uint64_t lex_hash(const char *s, size_t n) { return hash_bytes(s, n); }

static uint64_t edge_hash(uint32_t parent, uint64_t h)
{
    h ^= (uint64_t)(parent + 1) * 0x9E3779B97F4A7C15ULL;
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 29;
    return h;
}

/* The form with its case kept: the same folds as tw_lower (curly apostrophes,
 * dashes, NBSP, soft hyphens), so "Kyiv’s" and "Kyiv's" are one form. */
static size_t fold_keepcase(const char *text, const tw_token *t, char *out)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t o = 0, i = t->s;
    if (!(t->flags & TF_NONASCII)) {
        memcpy(out, text + t->s, t->e - t->s);
        out[t->e - t->s] = 0;
        return t->e - t->s;
    }
    while (i < t->e) {
        int n;
        uint32_t c = utf8_decode(s + i, t->e - i, &n);
        i += (size_t)n;
        if (c == 0xAD || c == 0x200B || c == 0xFEFF) continue;
        if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x201B) c = '\'';
        else if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F) c = '"';
        else if (c == 0x2010 || c == 0x2011) c = '-';
        else if (c == 0x2013 || c == 0x2212) c = 0x2013;
        else if (c == 0xA0 || c == 0x202F) c = ' ';
        o += (size_t)utf8_encode(c, out + o);
    }
    out[o] = 0;
    return o;
}

/* ---- the per-doc token cache ------------------------------------------------ */

/* Might an ASCII token need a lower-cased copy? The tokenizer's flags rule
 * out most tokens without looking at their bytes: all-lower words and
 * punctuation. (Numbers and URLs carry no case flags: 61BN, WWW.X.COM.) */
static int may_need_lower(const tw_token *t)
{
    return !(t->flags & TF_LOWER) && t->kind != TK_PUNCT && t->kind != TK_QUOTE && t->kind != TK_DASH;
}

static int ascii_has_upper(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 'A' && s[i] <= 'Z') return 1;
    return 0;
}

/* The cache, its per-token array and its buffer of forms are one block:
 * one allocation per doc rather than three (large ones make malloc sweep
 * the small chunks Lua frees). */
tokcache *tokcache_get(tdoc *d)
{
    if (d->cache) return d->cache;
    size_t n = d->tw.ntok, need = 0;
    for (size_t i = 0; i < n; i++) {
        const tw_token *t = &d->tw.tok[i];
        size_t w = t->e - t->s;
        if (t->flags & TF_NONASCII) need += 2 * (2 * w + 4);
        else if (may_need_lower(t)) need += w + 1;
    }
    size_t size = sizeof(tokcache) + n * sizeof(tc_tok) + need;
    tokcache *c = d->alloc(d->ud, NULL, 0, size);
    if (!c) return NULL;
    memset(c, 0, sizeof *c);
    c->size = size;
    c->ntok = n;
    c->tok = (tc_tok *)(c + 1);
    c->buf = (char *)(c->tok + n);
    d->cache = c;
    char *o = c->buf;
    for (size_t i = 0; i < n; i++) {
        const tw_token *t = &d->tw.tok[i];
        tc_tok *k = &c->tok[i];
        size_t w = t->e - t->s;
        const char *raw = d->text + t->s;
        if (!(t->flags & TF_NONASCII)) {
            k->ex = raw;
            k->xl = (uint32_t)w;
            if (may_need_lower(t) && ascii_has_upper(raw, w)) {
                k->ll = (uint32_t)tw_lower(d->text, t, o);
                k->low = o;
                o += k->ll + 1;
            } else {
                k->low = raw;
                k->ll = (uint32_t)w;
            }
        } else {
            k->ll = (uint32_t)tw_lower(d->text, t, o);
            k->low = o;
            o += k->ll + 1;
            k->xl = (uint32_t)fold_keepcase(d->text, t, o);
            k->ex = o;
            o += k->xl + 1;
        }
        /* inlined: the cache hashes every token of every doc */
        k->lh = hash_bytes(k->low, k->ll);
        k->xh = (k->ex == k->low) ? k->lh : hash_bytes(k->ex, k->xl);
        k->poss = 0;
        if ((t->flags & TF_APOS) && k->ll >= 3) {
            const char *l = k->low + k->ll;
            if (l[-2] == '\'' && l[-1] == 's') k->poss = 2;
            else if (l[-1] == '\'' && l[-2] == 's') k->poss = 1;
            if (k->poss) {
                k->plh = hash_bytes(k->low, k->ll - k->poss);
                k->pxh = hash_bytes(k->ex, k->xl - k->poss);
            }
        }
    }
    return c;
}

static void layer_free(tdoc *d, tc_layer *l, size_t ntok)
{
    if (l->name) d->alloc(d->ud, l->name, strlen(l->name) + 1, 0);
    if (l->bits) d->alloc(d->ud, l->bits, ntok, 0);
    if (l->first) d->alloc(d->ud, l->first, (ntok + 1) * sizeof(uint32_t), 0);
    if (l->spans) d->alloc(d->ud, l->spans, l->nspans * sizeof(struct tc_span), 0);
    memset(l, 0, sizeof *l);
}

_Static_assert(TF_INITIAL < (1u << TC_NFLAGS), "TC_NFLAGS must cover every token flag");

static void index_free(tdoc *d, tc_index *ix)
{
    if (ix->pos) d->alloc(d->ud, ix->pos, ix->npos * sizeof(uint32_t), 0);
    d->alloc(d->ud, ix, sizeof *ix + (ix->nlists + 2) * sizeof(uint32_t), 0);
}

/* Calls ADD(list) for each list token i belongs to (t its token, k its cache
 * entry, text the doc's text). */
#define EACH_LIST(ix, t, k, text, ADD)                                            \
    do {                                                                          \
        if ((t)->kind != TK_WORD) ADD(TC_LIST_KIND + (size_t)(t)->kind);          \
        for (uint32_t fl_ = (t)->flags & TC_INDEX_FLAGS; fl_; fl_ &= fl_ - 1)     \
            ADD(TC_LIST_FLAG + (size_t)__builtin_ctz(fl_));                       \
        ADD(TC_LIST_BYTE + (size_t)(text)[(t)->s]);                               \
        size_t lb_ = tc_list_form(ix, (k)->lh), xb_ = tc_list_form(ix, (k)->xh);  \
        ADD(lb_);                                                                 \
        if (xb_ != lb_) ADD(xb_);                                                 \
        if ((k)->poss) { /* "Russia's" starts lexicon matches of "Russia" */     \
            size_t pl_ = tc_list_form(ix, (k)->plh), px_ = tc_list_form(ix, (k)->pxh); \
            if (pl_ != lb_ && pl_ != xb_) ADD(pl_);                               \
            if (px_ != pl_ && px_ != lb_ && px_ != xb_) ADD(px_);                 \
        }                                                                         \
    } while (0)

/* A counting sort of the tokens into their lists: count, sum, place in
 * token order (so each list is ascending). */
const tc_index *tokcache_index(tdoc *d)
{
    tokcache *c = tokcache_get(d);
    if (!c) return NULL;
    if (c->index) return c->index;
    size_t n = c->ntok, buckets = 64;
    while (buckets < n) buckets *= 2;   /* fewer forms than tokens: few share a bucket */
    size_t nlists = TC_LIST_FORM + buckets;
    /* the offsets follow the struct, in one block */
    tc_index *ix = d->alloc(d->ud, NULL, 0, sizeof *ix + (nlists + 2) * sizeof(uint32_t));
    if (!ix) return NULL;
    memset(ix, 0, sizeof *ix + (nlists + 2) * sizeof(uint32_t));
    ix->formmask = buckets - 1;
    ix->nlists = nlists;
    /* off[b + 2] counts list b, then off[b + 1] is where it starts, and
     * after placing off[b + 1] is where it ends */
    uint32_t *off = ix->off = (uint32_t *)(ix + 1);
    const tw_token *tok = d->tw.tok;
    const unsigned char *text = (const unsigned char *)d->text;
#define COUNT(b) (off[(b) + 2]++)
    for (size_t i = 0; i < n; i++) EACH_LIST(ix, &tok[i], &c->tok[i], text, COUNT);
#undef COUNT
    for (size_t b = 2; b < ix->nlists + 2; b++) off[b] += off[b - 1];
    ix->npos = off[ix->nlists + 1];
    if (ix->npos && !(ix->pos = d->alloc(d->ud, NULL, 0, ix->npos * sizeof(uint32_t)))) {
        index_free(d, ix);
        return NULL;
    }
#define PLACE(b) (ix->pos[off[(b) + 1]++] = (uint32_t)i)
    for (size_t i = 0; i < n; i++) EACH_LIST(ix, &tok[i], &c->tok[i], text, PLACE);
#undef PLACE
    c->index = ix;
    return ix;
}

void tokcache_free(tdoc *d)
{
    tokcache *c = d->cache;
    if (!c) return;
    size_t n = c->ntok;
    if (c->index) index_free(d, c->index);
    for (size_t i = 0; i < c->nlayers; i++) layer_free(d, &c->layers[i], n);
    if (c->layers) d->alloc(d->ud, c->layers, c->nlayers * sizeof(tc_layer), 0);
    d->alloc(d->ud, c, c->size, 0);
    d->cache = NULL;
}

/* Rebuilds one layer's coverage; returns -1 when out of memory. */
static int layer_build(tdoc *d, tc_layer *tl, ann_layer *l)
{
    size_t n = d->tw.ntok;
    if (tl->spans) d->alloc(d->ud, tl->spans, tl->nspans * sizeof(struct tc_span), 0);
    tl->spans = NULL;
    tl->nspans = 0;
    if (!tl->bits) tl->bits = d->alloc(d->ud, NULL, 0, n ? n : 1);
    if (!tl->first) tl->first = d->alloc(d->ud, NULL, 0, (n + 1) * sizeof(uint32_t));
    if (!tl->bits || !tl->first) return -1;
    memset(tl->bits, 0, n ? n : 1);
    memset(tl->first, 0, (n + 1) * sizeof(uint32_t));
    doc_layer_sort(l);
    /* count spans per first token, then place them */
    size_t count = 0;
    for (size_t k = 0; k < l->n; k++) {
        size_t t0, t1;
        doc_token_range(d, l->items[k].s, l->items[k].e, &t0, &t1);
        if (t1 <= t0) continue;
        for (size_t t = t0; t < t1; t++) tl->bits[t] |= TC_INSIDE;
        tl->bits[t0] |= TC_STARTS;
        tl->first[t0 + 1]++;
        count++;
    }
    for (size_t t = 0; t < n; t++) tl->first[t + 1] += tl->first[t];
    if (count) {
        tl->spans = d->alloc(d->ud, NULL, 0, count * sizeof(struct tc_span));
        if (!tl->spans) return -1;
        memset(tl->spans, 0, count * sizeof(struct tc_span));
    }
    tl->nspans = count;
    for (size_t k = 0; k < l->n; k++) {
        size_t t0, t1;
        doc_token_range(d, l->items[k].s, l->items[k].e, &t0, &t1);
        if (t1 <= t0) continue;
        /* within one first token keep the longest first (insertion, groups are tiny) */
        size_t lo = tl->first[t0], hi = lo;
        while (hi < tl->first[t0 + 1] && tl->spans[hi].id != 0) hi++;
        size_t p = hi;
        while (p > lo && tl->spans[p - 1].t1 < t1) { tl->spans[p] = tl->spans[p - 1]; p--; }
        tl->spans[p].t1 = (uint32_t)t1;
        tl->spans[p].id = l->items[k].id;
    }
    tl->version = l->version;
    return 0;
}

const tc_layer *tokcache_layer(tdoc *d, const char *name, int *oom)
{
    *oom = 0;
    ann_layer *l = doc_layer(d, name);
    if (!l) return NULL;
    tokcache *c = tokcache_get(d);
    if (!c) { *oom = 1; return NULL; }
    tc_layer *tl = NULL;
    for (size_t i = 0; i < c->nlayers; i++)
        if (strcmp(c->layers[i].name, name) == 0) { tl = &c->layers[i]; break; }
    if (tl && tl->version == l->version && tl->bits) return tl;
    if (!tl) {
        tc_layer *p = d->alloc(d->ud, c->layers, c->nlayers * sizeof(tc_layer), (c->nlayers + 1) * sizeof(tc_layer));
        if (!p) { *oom = 1; return NULL; }
        c->layers = p;
        tl = &c->layers[c->nlayers++];
        memset(tl, 0, sizeof *tl);
        size_t len = strlen(name);
        tl->name = d->alloc(d->ud, NULL, 0, len + 1);
        if (!tl->name) { c->nlayers--; *oom = 1; return NULL; }
        memcpy(tl->name, name, len + 1);
    }
    if (layer_build(d, tl, l)) {
        layer_free(d, tl, c->ntok);
        *tl = c->layers[--c->nlayers];
        *oom = 1;
        return NULL;
    }
    return tl;
}

/* ---- the trie ------------------------------------------------------------------ */

int lex_init(lexicon *x, lua_Alloc alloc, void *ud, int mode)
{
    memset(x, 0, sizeof *x);
    x->alloc = alloc;
    x->ud = ud;
    x->mode = mode;
    x->capnodes = 64;
    x->nodes = alloc(ud, NULL, 0, x->capnodes * sizeof(lex_node));
    x->nslots = 128;
    x->slots = alloc(ud, NULL, 0, x->nslots * sizeof(uint32_t));
    if (!x->nodes || !x->slots) return -1;
    memset(x->slots, 0, x->nslots * sizeof(uint32_t));
    memset(x->nodes, 0, 2 * sizeof(lex_node));
    x->nodes[0].entry = x->nodes[1].entry = -1;
    x->nnodes = 2;
    return 0;
}

void lex_free(lexicon *x)
{
    if (x->nodes) x->alloc(x->ud, x->nodes, x->capnodes * sizeof(lex_node), 0);
    if (x->slots) x->alloc(x->ud, x->slots, x->nslots * sizeof(uint32_t), 0);
    if (x->pool) x->alloc(x->ud, x->pool, x->poolcap, 0);
    if (x->first) x->alloc(x->ud, x->first, (x->firstmask + 1) / 8, 0);
    x->first = NULL;
    x->nodes = NULL;
    x->slots = NULL;
    x->pool = NULL;
    x->nnodes = x->capnodes = x->nslots = x->poollen = x->poolcap = 0;
}

static uint32_t find_child(const lexicon *x, uint32_t parent, uint64_t h, const char *s, size_t n)
{
    uint64_t eh = edge_hash(parent, h);
    size_t mask = x->nslots - 1, i = (size_t)eh & mask;
    for (;;) {
        uint32_t id = x->slots[i];
        if (!id) return 0;
        const lex_node *nd = &x->nodes[id];
        if (nd->h == eh && nd->parent == parent && nd->len == n && memcmp(x->pool + nd->str, s, n) == 0) return id;
        i = (i + 1) & mask;
    }
}

static int grow_slots(lexicon *x)
{
    size_t ns = x->nslots * 2;
    uint32_t *s = x->alloc(x->ud, NULL, 0, ns * sizeof(uint32_t));
    if (!s) return -1;
    memset(s, 0, ns * sizeof(uint32_t));
    for (size_t id = 2; id < x->nnodes; id++) {
        size_t i = (size_t)x->nodes[id].h & (ns - 1);
        while (s[i]) i = (i + 1) & (ns - 1);
        s[i] = (uint32_t)id;
    }
    x->alloc(x->ud, x->slots, x->nslots * sizeof(uint32_t), 0);
    x->slots = s;
    x->nslots = ns;
    return 0;
}

static uint32_t add_child(lexicon *x, uint32_t parent, uint64_t h, const char *s, size_t n)
{
    if (x->nnodes == x->capnodes) {
        size_t cap = x->capnodes * 2;
        lex_node *p = x->alloc(x->ud, x->nodes, x->capnodes * sizeof(lex_node), cap * sizeof(lex_node));
        if (!p) return 0;
        x->nodes = p;
        x->capnodes = cap;
    }
    if ((x->nnodes + 1) * 2 > x->nslots && grow_slots(x)) return 0;
    if (x->poollen + n > x->poolcap) {
        size_t cap = x->poolcap ? x->poolcap * 2 : 4096;
        while (cap < x->poollen + n) cap *= 2;
        char *p = x->alloc(x->ud, x->pool, x->poolcap, cap);
        if (!p) return 0;
        x->pool = p;
        x->poolcap = cap;
    }
    memcpy(x->pool + x->poollen, s, n);
    uint32_t id = (uint32_t)x->nnodes++;
    lex_node *nd = &x->nodes[id];
    nd->h = edge_hash(parent, h);
    nd->parent = parent;
    nd->str = (uint32_t)x->poollen;
    nd->len = (uint32_t)n;
    nd->entry = -1;
    nd->nchild = 0;
    x->poollen += n;
    x->nodes[parent].nchild++;
    size_t mask = x->nslots - 1, i = (size_t)nd->h & mask;
    while (x->slots[i]) i = (i + 1) & mask;
    x->slots[i] = id;
    return id;
}

/* Tokenizes a form and writes each token's lower and exact forms into one
 * buffer: off[2k], off[2k+1] are their offsets, len likewise. */
typedef struct {
    char *buf;
    size_t cap;
    size_t ntok;
    int has_upper;
} forms;

static int forms_of(lexicon *x, const char *s, size_t n, tw_result *tmp, forms *f, char *stackbuf, size_t stackcap)
{
    tmp->alloc = x->alloc;
    tmp->ud = x->ud;
    if (tw_tokenize(s, n, tmp)) return -1;
    f->ntok = tmp->ntok;
    f->has_upper = 0;
    size_t need = 0;
    for (size_t i = 0; i < tmp->ntok; i++) need += 2 * (2 * (size_t)(tmp->tok[i].e - tmp->tok[i].s) + 4);
    if (need <= stackcap) { f->buf = stackbuf; f->cap = 0; }
    else {
        f->buf = x->alloc(x->ud, NULL, 0, need);
        if (!f->buf) return -1;
        f->cap = need;
    }
    return 0;
}

static void forms_done(lexicon *x, forms *f)
{
    if (f->cap) x->alloc(x->ud, f->buf, f->cap, 0);
    f->cap = 0;
}

#define FORM_MAX 256

int lex_add(lexicon *x, const char *form, size_t len, int32_t entry, tw_result *tmp)
{
    char stackbuf[1024];
    forms f;
    if (forms_of(x, form, len, tmp, &f, stackbuf, sizeof stackbuf)) return -1;
    if (f.ntok == 0) { forms_done(x, &f); return 1; }
    /* lower and exact form of each token, written one after the other */
    const char *lo[FORM_MAX], *ex[FORM_MAX];
    size_t ll[FORM_MAX], xl[FORM_MAX];
    size_t nt = f.ntok < FORM_MAX ? f.ntok : FORM_MAX;
    char *o = f.buf;
    int upper = 0;
    for (size_t i = 0; i < nt; i++) {
        ll[i] = tw_lower(form, &tmp->tok[i], o);
        lo[i] = o;
        o += ll[i] + 1;
        xl[i] = fold_keepcase(form, &tmp->tok[i], o);
        ex[i] = o;
        o += xl[i] + 1;
        if (ll[i] != xl[i] || memcmp(lo[i], ex[i], ll[i]) != 0) upper = 1;
    }
    int exact = x->mode == LEX_SENSITIVE || (x->mode == LEX_SMART && upper);
    uint32_t node = exact ? 1 : 0;
    int rc = 0;
    for (size_t i = 0; i < nt; i++) {
        const char *s = exact ? ex[i] : lo[i];
        size_t n = exact ? xl[i] : ll[i];
        uint64_t h = lex_hash(s, n);
        uint32_t id = find_child(x, node, h, s, n);
        if (!id) id = add_child(x, node, h, s, n);
        if (!id) { rc = -1; break; }
        node = id;
    }
    forms_done(x, &f);
    if (rc) return rc;
    x->nforms++;
    if (x->nodes[node].entry >= 0) { x->ndup++; return 2; }
    x->nodes[node].entry = entry;
    return 0;
}

int lex_seal(lexicon *x)
{
    size_t roots = x->nodes[0].nchild + x->nodes[1].nchild, bits = 4096;
    while (bits < 16 * roots && bits < ((size_t)1 << 24)) bits *= 2;
    if (x->first) x->alloc(x->ud, x->first, (x->firstmask + 1) / 8, 0);
    x->first = x->alloc(x->ud, NULL, 0, bits / 8);
    if (!x->first) return -1;
    memset(x->first, 0, bits / 8);
    x->firstmask = bits - 1;
    for (size_t id = 2; id < x->nnodes; id++) {
        const lex_node *nd = &x->nodes[id];
        if (nd->parent > 1) continue;
        size_t b = (size_t)(lex_hash(x->pool + nd->str, nd->len) >> 7) & x->firstmask;
        x->first[b >> 6] |= (uint64_t)1 << (b & 63);
    }
    return 0;
}

static int32_t walk_full(const lexicon *x, uint32_t root, int exact, const char *form, const tw_result *tmp, char *o)
{
    uint32_t node = root;
    for (size_t i = 0; i < tmp->ntok; i++) {
        size_t n = exact ? fold_keepcase(form, &tmp->tok[i], o) : tw_lower(form, &tmp->tok[i], o);
        node = find_child(x, node, lex_hash(o, n), o, n);
        if (!node) return -1;
    }
    return x->nodes[node].entry;
}

int32_t lex_lookup(const lexicon *x, const char *s, size_t len, tw_result *tmp)
{
    char stackbuf[1024];
    forms f;
    if (forms_of((lexicon *)x, s, len, tmp, &f, stackbuf, sizeof stackbuf)) return -2;
    int32_t e = -1;
    if (f.ntok) {
        if (x->mode != LEX_INSENSITIVE) e = walk_full(x, 1, 1, s, tmp, f.buf);
        if (e < 0 && x->mode != LEX_SENSITIVE) e = walk_full(x, 0, 0, s, tmp, f.buf);
    }
    forms_done((lexicon *)x, &f);
    return e;
}

static size_t walk(const lexicon *x, uint32_t root, int exact, const tokcache *c, size_t i, size_t limit,
                   lex_hit *out, size_t max)
{
    uint32_t node = root;
    size_t n = 0;
    if (!x->nodes[root].nchild || i >= limit || !lex_may_start(x, &c->tok[i])) return 0;
    for (size_t j = i; j < limit; j++) {
        const tc_tok *t = &c->tok[j];
        uint32_t id = exact ? find_child(x, node, t->xh, t->ex, t->xl) : find_child(x, node, t->lh, t->low, t->ll);
        int32_t entry = id ? x->nodes[id].entry : -1;
        if (entry < 0 && t->poss) {
            /* "Russia's", "Reuters'": the entry without the possessive ends here */
            uint32_t pid = exact ? find_child(x, node, t->pxh, t->ex, t->xl - t->poss)
                                 : find_child(x, node, t->plh, t->low, t->ll - t->poss);
            if (pid) entry = x->nodes[pid].entry;
        }
        if (entry >= 0 && n < max) {
            out[n].end = (uint32_t)(j + 1);
            out[n].entry = entry;
            n++;
        }
        if (!id) break;
        const lex_node *nd = &x->nodes[id];
        if (!nd->nchild) break;
        node = id;
    }
    return n;
}

size_t lex_hits(const lexicon *x, const tokcache *c, size_t i, size_t limit, lex_hit *out, size_t max)
{
    if (limit > c->ntok) limit = c->ntok;
    if (x->mode == LEX_INSENSITIVE) return walk(x, 0, 0, c, i, limit, out, max);
    if (x->mode == LEX_SENSITIVE) return walk(x, 1, 1, c, i, limit, out, max);
    lex_hit a[64], b[64];
    size_t na = walk(x, 1, 1, c, i, limit, a, 64), nb = walk(x, 0, 0, c, i, limit, b, 64);
    size_t ia = 0, ib = 0, n = 0;
    while ((ia < na || ib < nb) && n < max) {
        if (ib >= nb || (ia < na && a[ia].end <= b[ib].end)) {
            if (ib < nb && b[ib].end == a[ia].end) ib++;   /* same end: the exact form wins */
            out[n++] = a[ia++];
        } else {
            out[n++] = b[ib++];
        }
    }
    return n;
}

int32_t lex_longest(const lexicon *x, const tokcache *c, size_t i, size_t limit, uint32_t *end)
{
    lex_hit h[64];
    size_t n = lex_hits(x, c, i, limit, h, 64);
    if (!n) return -1;
    *end = h[n - 1].end;
    return h[n - 1].entry;
}
