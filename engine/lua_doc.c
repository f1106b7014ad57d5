/* The doc userdata: tokens, sentences, paragraphs and annotations, seen from
 * Lua as indices and byte spans (0-based, end exclusive). */
#include "doc.h"
#include "utf8.h"

#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

enum { UV_STORE = 1 };   /* uservalue: {id=, meta=, fields={...}} */
/* Zero bytes after the text's terminator: PCRE2's JIT scans for a first
 * character with vector loads that may reach up to a vector's width past
 * the subject's end (harmless, within the page, but valgrind reports it) */
enum { TEXT_PAD = 64 };

static void *doc_realloc(tdoc *d, void *p, size_t o, size_t n) { return d->alloc(d->ud, p, o, n); }

static void doc_release(tdoc *d)
{
    if (d->text) doc_realloc(d, d->text, d->len + 1 + TEXT_PAD, 0);
    d->text = NULL;
    tw_free(&d->tw);
    for (size_t i = 0; i < d->nlayers; i++) {
        ann_layer *l = &d->layers[i];
        doc_realloc(d, l->name, strlen(l->name) + 1, 0);
        if (l->items) doc_realloc(d, l->items, l->cap * sizeof(ann_item), 0);
    }
    if (d->layers) doc_realloc(d, d->layers, d->caplayers * sizeof(ann_layer), 0);
    d->layers = NULL;
    d->nlayers = d->caplayers = 0;
    if (d->scratch) doc_realloc(d, d->scratch, d->scratch_cap, 0);
    d->scratch = NULL;
    d->scratch_cap = 0;
    tokcache_free(d);
}

static int doc_gc(lua_State *L)
{
    tdoc *d = luaL_checkudata(L, 1, DOC_MT);
    doc_release(d);
    return 0;
}

enum { UP_KINDS = 1, UP_FLAGS };   /* the methods' upvalues */

/* The doc at idx, or NULL. Every doc method checks its doc, so this needs
 * no metatable: a full userdata of a doc's size that holds its own address
 * can only be a doc, as only doc_push writes one (light userdata have no
 * size; luaL_checkudata would hash and compare the type name). */
static tdoc *as_doc(lua_State *L, int idx)
{
    tdoc *d = lua_touserdata(L, idx);
    return d && lua_rawlen(L, idx) == sizeof(tdoc) && d->self == d ? d : NULL;
}

tdoc *doc_opened(lua_State *L, tdoc *d)
{
    if (!d->text) luaL_error(L, "the doc is closed (its analysis has ended)");
    return d;
}

tdoc *doc_check(lua_State *L, int idx)
{
    tdoc *d = as_doc(L, idx);
    if (!d) d = luaL_checkudata(L, idx, DOC_MT);   /* raises, naming the type wanted */
    return doc_opened(L, d);
}
tdoc *doc_test(lua_State *L, int idx)
{
    tdoc *d = as_doc(L, idx);
    return d ? doc_opened(L, d) : NULL;
}

/* The doc a method was called on (argument 1). */
static tdoc *self(lua_State *L) { return doc_check(L, 1); }

tdoc *doc_push(lua_State *L, const char *id, const char *text, size_t len, int meta_idx)
{
    if (meta_idx) meta_idx = lua_absindex(L, meta_idx);
    /* created empty first, so that __gc can always collect what follows */
    tdoc *d = lua_newuserdatauv(L, sizeof(tdoc), 1);
    memset(d, 0, sizeof *d);
    d->self = d;
    d->alloc = lua_getallocf(L, &d->ud);
    d->tw.alloc = d->alloc;
    d->tw.ud = d->ud;
    luaL_setmetatable(L, DOC_MT);
    lua_createtable(L, 0, 3);
    lua_pushstring(L, id ? id : "");
    lua_setfield(L, -2, "id");
    if (meta_idx) lua_pushvalue(L, meta_idx); else lua_newtable(L);
    lua_setfield(L, -2, "meta");
    lua_newtable(L);
    lua_setfield(L, -2, "fields");
    lua_setiuservalue(L, -2, UV_STORE);
    d->text = doc_realloc(d, NULL, 0, len + 1 + TEXT_PAD);
    if (!d->text) luaL_error(L, "not enough memory for a %zu-byte article", len);
    memcpy(d->text, text, len);
    memset(d->text + len, 0, 1 + TEXT_PAD);
    d->len = len;
    if (tw_tokenize(d->text, len, &d->tw)) luaL_error(L, "not enough memory to tokenize");
    return d;
}

/* ---- spans -------------------------------------------------------------- */

void doc_span_args(lua_State *L, tdoc *d, int idx, uint32_t *s, uint32_t *e)
{
    lua_Integer a = 0, b = (lua_Integer)d->len;
    if (lua_istable(L, idx)) {
        lua_getfield(L, idx, "start");
        lua_getfield(L, idx, "end");
        a = luaL_checkinteger(L, -2);
        b = luaL_checkinteger(L, -1);
        lua_pop(L, 2);
    } else if (!lua_isnoneornil(L, idx)) {
        a = luaL_checkinteger(L, idx);
        b = luaL_optinteger(L, idx + 1, (lua_Integer)d->len);
    }
    if (a < 0 || b < a || b > (lua_Integer)d->len)
        luaL_error(L, "bad span [%I, %I) for a %I-byte article", (LUAI_UACINT)a, (LUAI_UACINT)b,
                   (LUAI_UACINT)d->len);
    *s = (uint32_t)a;
    *e = (uint32_t)b;
}

/* first token whose end is > pos */
static size_t tok_lower_bound_end(const tdoc *d, uint32_t pos)
{
    size_t lo = 0, hi = d->tw.ntok;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->tw.tok[mid].e <= pos) lo = mid + 1; else hi = mid;
    }
    return lo;
}

void doc_token_range(const tdoc *d, uint32_t s, uint32_t e, size_t *t0, size_t *t1)
{
    size_t a = tok_lower_bound_end(d, s);
    while (a < d->tw.ntok && d->tw.tok[a].s < s) a++;
    size_t b = a;
    size_t lo = a, hi = d->tw.ntok;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->tw.tok[mid].e <= e) lo = mid + 1; else hi = mid;
    }
    b = lo;
    if (b < a) b = a;
    *t0 = a;
    *t1 = b;
}

static size_t check_tok(lua_State *L, tdoc *d, int idx)
{
    lua_Integer i = luaL_checkinteger(L, idx);
    if (i < 1 || (size_t)i > d->tw.ntok)
        luaL_error(L, "token index %I out of range (1..%I)", (LUAI_UACINT)i, (LUAI_UACINT)d->tw.ntok);
    return (size_t)(i - 1);
}

/* ---- basic accessors ---------------------------------------------------- */

static void push_store(lua_State *L, int idx, const char *field)
{
    lua_getiuservalue(L, idx, UV_STORE);
    lua_getfield(L, -1, field);
    lua_remove(L, -2);
}

/* doc:id() -> string */
static int doc_id(lua_State *L) { self(L); push_store(L, 1, "id"); return 1; }
/* doc:meta() -> table */
static int doc_meta(lua_State *L) { self(L); push_store(L, 1, "meta"); return 1; }
/* #doc -> bytes */
static int doc_len(lua_State *L) { lua_pushinteger(L, (lua_Integer)doc_check(L, 1)->len); return 1; }

/* doc:text([s, e]) -> string */
static int doc_text(lua_State *L)
{
    tdoc *d = self(L);
    uint32_t s, e;
    doc_span_args(L, d, 2, &s, &e);
    lua_pushlstring(L, d->text + s, e - s);
    return 1;
}

/* doc:ntok() -> count */
static int doc_ntok(lua_State *L) { lua_pushinteger(L, (lua_Integer)self(L)->tw.ntok); return 1; }

/* doc:tok(i) -> s, e */
static int doc_tok(lua_State *L)
{
    tdoc *d = self(L);
    tw_token *t = &d->tw.tok[check_tok(L, d, 2)];
    lua_pushinteger(L, t->s);
    lua_pushinteger(L, t->e);
    return 2;
}

/* doc:kind(i) -> "word" | "number" | ... */
static int doc_kind(lua_State *L)
{
    tdoc *d = self(L);
    lua_rawgeti(L, lua_upvalueindex(UP_KINDS), d->tw.tok[check_tok(L, d, 2)].kind);
    return 1;
}

/* doc:is(i, flag) -> boolean */
static int doc_is(lua_State *L)
{
    tdoc *d = self(L);
    size_t i = check_tok(L, d, 2);
    lua_settop(L, 3);
    lua_rawget(L, lua_upvalueindex(UP_FLAGS));   /* flag name -> bit */
    lua_Integer bit = lua_tointeger(L, -1);
    if (!bit) return luaL_error(L, "unknown token flag '%s'", luaL_checkstring(L, 3));
    lua_pushboolean(L, (d->tw.tok[i].flags & (uint32_t)bit) != 0);
    return 1;
}

/* doc:word(i) -> string */
static int doc_word(lua_State *L)
{
    tdoc *d = self(L);
    tw_token *t = &d->tw.tok[check_tok(L, d, 2)];
    lua_pushlstring(L, d->text + t->s, t->e - t->s);
    return 1;
}

static char *scratch(tdoc *d, size_t need)
{
    if (need > d->scratch_cap) {
        size_t cap = need < 256 ? 256 : need * 2;
        char *p = doc_realloc(d, d->scratch, d->scratch_cap, cap);
        if (!p) return NULL;
        d->scratch = p;
        d->scratch_cap = cap;
    }
    return d->scratch;
}

const char *doc_lower(tdoc *d, size_t i, size_t *len)
{
    tw_token *t = &d->tw.tok[i];
    char *buf = scratch(d, 2 * (size_t)(t->e - t->s) + 4);
    if (!buf) return NULL;
    *len = tw_lower(d->text, t, buf);
    return buf;
}

/* doc:lower(i) -> string */
static int doc_lower_l(lua_State *L)
{
    tdoc *d = self(L);
    size_t n;
    const char *s = doc_lower(d, check_tok(L, d, 2), &n);
    if (!s) return luaL_error(L, "not enough memory");
    lua_pushlstring(L, s, n);
    return 1;
}

/* doc:shape(i) -> string */
static int doc_shape(lua_State *L)
{
    tdoc *d = self(L);
    tw_token *t = &d->tw.tok[check_tok(L, d, 2)];
    char *buf = scratch(d, 2 * (size_t)(t->e - t->s) + 4);
    if (!buf) return luaL_error(L, "not enough memory");
    size_t n = tw_shape(d->text, t, buf);
    lua_pushlstring(L, buf, n);
    return 1;
}

/* ---- iterators ------------------------------------------------------------ */

static int tokens_iter(lua_State *L)
{
    tdoc *d = doc_check(L, 1);
    lua_Integer i = lua_tointeger(L, 2);          /* previous 1-based index */
    lua_Integer last = lua_tointeger(L, lua_upvalueindex(1));
    if (i >= last) return 0;
    tw_token *t = &d->tw.tok[i];
    lua_pushinteger(L, i + 1);
    lua_pushinteger(L, t->s);
    lua_pushinteger(L, t->e);
    return 3;
}

/* doc:tokens([s, e]) -> iterator of i, s, e */
static int doc_tokens(lua_State *L)
{
    tdoc *d = self(L);
    uint32_t s, e;
    doc_span_args(L, d, 2, &s, &e);
    size_t t0, t1;
    doc_token_range(d, s, e, &t0, &t1);
    lua_pushinteger(L, (lua_Integer)t1);
    lua_pushcclosure(L, tokens_iter, 1);
    lua_pushvalue(L, 1);
    lua_pushinteger(L, (lua_Integer)t0);
    return 3;
}

/* doc:tokspan(s, e) -> first, last (1-based, inclusive) or nil */
static int doc_tokspan(lua_State *L)
{
    tdoc *d = self(L);
    uint32_t s, e;
    doc_span_args(L, d, 2, &s, &e);
    size_t t0, t1;
    doc_token_range(d, s, e, &t0, &t1);
    if (t1 <= t0) { lua_pushnil(L); return 1; }
    lua_pushinteger(L, (lua_Integer)t0 + 1);
    lua_pushinteger(L, (lua_Integer)t1);
    return 2;
}

/* doc:tokat(pos) -> index of the token containing pos or the next one, or nil */
static int doc_tokat(lua_State *L)
{
    tdoc *d = self(L);
    lua_Integer pos = luaL_checkinteger(L, 2);
    if (pos < 0) pos = 0;
    size_t i = tok_lower_bound_end(d, (uint32_t)(pos > (lua_Integer)d->len ? d->len : (size_t)pos));
    if (i >= d->tw.ntok) { lua_pushnil(L); return 1; }
    lua_pushinteger(L, (lua_Integer)i + 1);
    return 1;
}

static int push_range(lua_State *L, const tw_range *g, size_t k)
{
    lua_pushinteger(L, (lua_Integer)k + 1);
    lua_pushinteger(L, g->s);
    lua_pushinteger(L, g->e);
    lua_pushinteger(L, (lua_Integer)g->t0 + 1);
    lua_pushinteger(L, (lua_Integer)g->t1);
    return 5;
}

static int ranges_iter(lua_State *L)
{
    tdoc *d = doc_check(L, 1);
    lua_Integer k = lua_tointeger(L, 2);
    int which = (int)lua_tointeger(L, lua_upvalueindex(1));
    lua_Integer last = lua_tointeger(L, lua_upvalueindex(2));
    if (k >= last) return 0;
    const tw_range *g = which ? &d->tw.para[k] : &d->tw.sent[k];
    return push_range(L, g, (size_t)k);
}

static int ranges(lua_State *L, int which)
{
    tdoc *d = self(L);
    uint32_t s, e;
    doc_span_args(L, d, 2, &s, &e);
    const tw_range *arr = which ? d->tw.para : d->tw.sent;
    size_t n = which ? d->tw.npara : d->tw.nsent;
    size_t k0 = 0, k1 = 0;
    while (k0 < n && arr[k0].e <= s) k0++;
    k1 = k0;
    while (k1 < n && arr[k1].s < e) k1++;
    if (e == s) k1 = k0;
    lua_pushinteger(L, which);
    lua_pushinteger(L, (lua_Integer)k1);
    lua_pushcclosure(L, ranges_iter, 2);
    lua_pushvalue(L, 1);
    lua_pushinteger(L, (lua_Integer)k0);
    return 3;
}

/* doc:sentences([s, e]) -> iterator of k, s, e, first_tok, last_tok */
static int doc_sentences(lua_State *L) { return ranges(L, 0); }
/* doc:paragraphs([s, e]) -> iterator of k, s, e, first_tok, last_tok */
static int doc_paragraphs(lua_State *L) { return ranges(L, 1); }

/* doc:sentence(i) -> k, s, e, first_tok, last_tok of token i's sentence */
static int doc_sentence(lua_State *L)
{
    tdoc *d = self(L);
    size_t k = d->tw.tok[check_tok(L, d, 2)].sent;
    return push_range(L, &d->tw.sent[k], k);
}

/* doc:paragraph(i) -> k, s, e, first_tok, last_tok of token i's paragraph */
static int doc_paragraph(lua_State *L)
{
    tdoc *d = self(L);
    size_t k = d->tw.tok[check_tok(L, d, 2)].para;
    return push_range(L, &d->tw.para[k], k);
}

/* ---- annotations ---------------------------------------------------------- */

ann_layer *doc_layer(tdoc *d, const char *name)
{
    for (size_t i = 0; i < d->nlayers; i++)
        if (strcmp(d->layers[i].name, name) == 0) return &d->layers[i];
    return NULL;
}

static ann_layer *layer_get_or_add(lua_State *L, tdoc *d, const char *name)
{
    ann_layer *l = doc_layer(d, name);
    if (l) return l;
    if (d->nlayers == d->caplayers) {
        size_t cap = d->caplayers ? d->caplayers * 2 : 8;
        ann_layer *p = doc_realloc(d, d->layers, d->caplayers * sizeof(ann_layer), cap * sizeof(ann_layer));
        if (!p) luaL_error(L, "not enough memory");
        d->layers = p;
        d->caplayers = cap;
    }
    size_t n = strlen(name);
    char *copy = doc_realloc(d, NULL, 0, n + 1);
    if (!copy) luaL_error(L, "not enough memory");
    memcpy(copy, name, n + 1);
    l = &d->layers[d->nlayers++];
    memset(l, 0, sizeof *l);
    l->name = copy;
    l->sorted = 1;
    return l;
}

static int item_cmp(const void *a, const void *b)
{
    const ann_item *x = a, *y = b;
    if (x->s != y->s) return x->s < y->s ? -1 : 1;
    if (x->e != y->e) return x->e > y->e ? -1 : 1;   /* longer first */
    return (x->id > y->id) - (x->id < y->id);
}

void doc_layer_sort(ann_layer *l)
{
    if (!l->sorted) {
        qsort(l->items, l->n, sizeof(ann_item), item_cmp);
        l->sorted = 1;
    }
}

static void push_fields(lua_State *L, int docidx, int id)
{
    lua_getiuservalue(L, docidx, UV_STORE);
    lua_getfield(L, -1, "fields");
    lua_rawgeti(L, -1, id);
    lua_replace(L, -3);
    lua_pop(L, 1);
}

void doc_push_ann(lua_State *L, int docidx, int id) { push_fields(L, lua_absindex(L, docidx), id); }

/* doc:add(layer, s, e [, fields]) -> fields */
static int doc_add(lua_State *L)
{
    tdoc *d = self(L);
    const char *name = luaL_checkstring(L, 2);
    lua_Integer s = luaL_checkinteger(L, 3), e = luaL_checkinteger(L, 4);
    if (s < 0 || e < s || e > (lua_Integer)d->len)
        return luaL_error(L, "doc:add: bad span [%I, %I)", (LUAI_UACINT)s, (LUAI_UACINT)e);
    /* room for the keys set below: a table grown key by key rehashes */
    if (lua_isnoneornil(L, 5)) { lua_settop(L, 4); lua_createtable(L, 0, 4); }
    luaL_checktype(L, 5, LUA_TTABLE);
    lua_settop(L, 5);
    ann_layer *l = layer_get_or_add(L, d, name);
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        ann_item *p = doc_realloc(d, l->items, l->cap * sizeof(ann_item), cap * sizeof(ann_item));
        if (!p) return luaL_error(L, "not enough memory");
        l->items = p;
        l->cap = cap;
    }
    int id = ++d->next_id;
    ann_item *it = &l->items[l->n++];
    it->s = (uint32_t)s;
    it->e = (uint32_t)e;
    it->id = id;
    if (l->n > 1 && item_cmp(&l->items[l->n - 2], it) > 0) l->sorted = 0;
    l->version++;
    lua_pushinteger(L, s);
    lua_setfield(L, 5, "start");
    lua_pushinteger(L, e);
    lua_setfield(L, 5, "end");
    lua_pushvalue(L, 2);
    lua_setfield(L, 5, "layer");
    if (lua_getfield(L, 5, "rule") == LUA_TNIL) {
        lua_getfield(L, LUA_REGISTRYINDEX, "trawl.rule");
        lua_setfield(L, 5, "rule");
    }
    lua_pop(L, 1);
    lua_getiuservalue(L, 1, UV_STORE);
    lua_getfield(L, -1, "fields");
    lua_pushvalue(L, 5);
    lua_rawseti(L, -2, id);
    lua_pop(L, 2);
    return 1;
}

/* doc:remove(ann) -> boolean. The annotation is found by its layer and
 * its table: the table holds no id of its own, as one more key would make
 * most fields tables grow (rehash) once more in doc:add. */
static int doc_remove(lua_State *L)
{
    tdoc *d = self(L);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    lua_getfield(L, 2, "layer");
    const char *name = lua_tostring(L, -1);
    ann_layer *l = name ? doc_layer(d, name) : NULL;
    if (!l) { lua_pushboolean(L, 0); return 1; }
    lua_getiuservalue(L, 1, UV_STORE);
    lua_getfield(L, -1, "fields");                      /* 5: id -> table */
    for (size_t i = 0; i < l->n; i++) {
        int same = lua_rawgeti(L, 5, l->items[i].id) == LUA_TTABLE && lua_rawequal(L, -1, 2);
        lua_pop(L, 1);
        if (same) {
            int id = l->items[i].id;
            memmove(&l->items[i], &l->items[i + 1], (l->n - i - 1) * sizeof(ann_item));
            l->n--;
            l->version++;
            lua_pushnil(L);
            lua_rawseti(L, 5, id);
            lua_pushboolean(L, 1);
            return 1;
        }
    }
    lua_pushboolean(L, 0);
    return 1;
}

static int each_iter(lua_State *L)
{
    tdoc *d = doc_check(L, lua_upvalueindex(1));
    ann_layer *l = doc_layer(d, lua_tostring(L, lua_upvalueindex(2)));
    lua_Integer k = lua_tointeger(L, lua_upvalueindex(3));
    uint32_t s = (uint32_t)lua_tointeger(L, lua_upvalueindex(4));
    uint32_t e = (uint32_t)lua_tointeger(L, lua_upvalueindex(5));
    if (!l) return 0;
    doc_layer_sort(l);
    while ((size_t)k < l->n) {
        ann_item *it = &l->items[k++];
        if (it->s >= e) break;
        if (it->s >= s && it->e <= e) {
            lua_pushinteger(L, k);
            lua_replace(L, lua_upvalueindex(3));
            push_fields(L, lua_upvalueindex(1), it->id);
            return 1;
        }
    }
    lua_pushinteger(L, (lua_Integer)l->n);
    lua_replace(L, lua_upvalueindex(3));
    return 0;
}

/* first item index with s >= pos in a sorted layer */
static size_t layer_lower(const ann_layer *l, uint32_t pos)
{
    size_t lo = 0, hi = l->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (l->items[mid].s < pos) lo = mid + 1; else hi = mid;
    }
    return lo;
}

/* doc:each(layer [, s, e]) -> iterator of annotation tables */
static int doc_each(lua_State *L)
{
    tdoc *d = self(L);
    luaL_checkstring(L, 2);
    uint32_t s, e;
    doc_span_args(L, d, 3, &s, &e);
    ann_layer *l = doc_layer(d, lua_tostring(L, 2));
    size_t k0 = 0;
    if (l) { doc_layer_sort(l); k0 = layer_lower(l, s); }
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    lua_pushinteger(L, (lua_Integer)k0);
    lua_pushinteger(L, s);
    lua_pushinteger(L, e);
    lua_pushcclosure(L, each_iter, 5);
    return 1;
}

/* doc:inside(layer, s, e) -> list of annotations inside [s, e) */
static int doc_inside(lua_State *L)
{
    tdoc *d = self(L);
    ann_layer *l = doc_layer(d, luaL_checkstring(L, 2));
    uint32_t s, e;
    doc_span_args(L, d, 3, &s, &e);
    lua_newtable(L);
    if (!l) return 1;
    doc_layer_sort(l);
    int n = 0;
    for (size_t k = layer_lower(l, s); k < l->n && l->items[k].s < e; k++) {
        if (l->items[k].e <= e) {
            push_fields(L, 1, l->items[k].id);
            lua_rawseti(L, -2, ++n);
        }
    }
    return 1;
}

/* doc:covering(layer, s, e) -> list of annotations covering [s, e) */
static int doc_covering(lua_State *L)
{
    tdoc *d = self(L);
    ann_layer *l = doc_layer(d, luaL_checkstring(L, 2));
    uint32_t s, e;
    doc_span_args(L, d, 3, &s, &e);
    lua_newtable(L);
    if (!l) return 1;
    doc_layer_sort(l);
    int n = 0;
    for (size_t k = 0; k < l->n && l->items[k].s <= s; k++) {
        if (l->items[k].e >= e) {
            push_fields(L, 1, l->items[k].id);
            lua_rawseti(L, -2, ++n);
        }
    }
    return 1;
}

/* doc:covered(layer, s, e) -> how many annotations cover [s, e): the count
 * doc:covering's list would have, with no list made */
static int doc_covered(lua_State *L)
{
    tdoc *d = self(L);
    ann_layer *l = doc_layer(d, luaL_checkstring(L, 2));
    uint32_t s, e;
    doc_span_args(L, d, 3, &s, &e);
    lua_Integer n = 0;
    if (l) {
        doc_layer_sort(l);
        for (size_t k = 0; k < l->n && l->items[k].s <= s; k++)
            if (l->items[k].e >= e) n++;
    }
    lua_pushinteger(L, n);
    return 1;
}

/* doc:before(layer, pos) -> the nearest annotation ending at or before pos */
static int doc_before(lua_State *L)
{
    tdoc *d = self(L);
    ann_layer *l = doc_layer(d, luaL_checkstring(L, 2));
    lua_Integer pos = luaL_checkinteger(L, 3);
    if (!l) return 0;
    doc_layer_sort(l);
    const ann_item *best = NULL;
    for (size_t k = 0; k < l->n && (lua_Integer)l->items[k].s < pos; k++) {
        const ann_item *it = &l->items[k];
        if ((lua_Integer)it->e <= pos && (!best || it->e > best->e || (it->e == best->e && it->s > best->s)))
            best = it;
    }
    if (!best) return 0;
    push_fields(L, 1, best->id);
    return 1;
}

/* doc:after(layer, pos) -> the nearest annotation starting at or after pos */
static int doc_after(lua_State *L)
{
    tdoc *d = self(L);
    ann_layer *l = doc_layer(d, luaL_checkstring(L, 2));
    lua_Integer pos = luaL_checkinteger(L, 3);
    if (!l || pos < 0) return 0;
    doc_layer_sort(l);
    size_t k = layer_lower(l, (uint32_t)pos);
    if (k >= l->n) return 0;
    push_fields(L, 1, l->items[k].id);
    return 1;
}

/* doc:count(layer) -> number of annotations in the layer */
static int doc_count(lua_State *L)
{
    tdoc *d = self(L);
    ann_layer *l = doc_layer(d, luaL_checkstring(L, 2));
    lua_pushinteger(L, l ? (lua_Integer)l->n : 0);
    return 1;
}

static int doc_tostring(lua_State *L)
{
    tdoc *d = doc_check(L, 1);
    push_store(L, 1, "id");
    lua_pushfstring(L, "doc(%s, %d bytes, %d tokens)", lua_tostring(L, -1), (int)d->len, (int)d->tw.ntok);
    return 1;
}

static const luaL_Reg doc_methods[] = {
    {"id", doc_id}, {"meta", doc_meta}, {"text", doc_text}, {"ntok", doc_ntok},
    {"tok", doc_tok}, {"kind", doc_kind}, {"is", doc_is}, {"word", doc_word},
    {"lower", doc_lower_l}, {"shape", doc_shape}, {"tokens", doc_tokens},
    {"tokspan", doc_tokspan}, {"tokat", doc_tokat}, {"sentences", doc_sentences},
    {"paragraphs", doc_paragraphs}, {"sentence", doc_sentence}, {"paragraph", doc_paragraph},
    {"add", doc_add}, {"remove", doc_remove}, {"each", doc_each}, {"inside", doc_inside},
    {"covering", doc_covering}, {"covered", doc_covered}, {"before", doc_before}, {"after", doc_after},
    {"count", doc_count}, {NULL, NULL}
};

static const luaL_Reg doc_meta_fns[] = {
    {"__gc", doc_gc}, {"__close", doc_gc}, {"__len", doc_len}, {"__tostring", doc_tostring},
    {NULL, NULL}
};

void doc_register(lua_State *L)
{
    if (luaL_newmetatable(L, DOC_MT)) {
        luaL_setfuncs(L, doc_meta_fns, 0);
        luaL_newlibtable(L, doc_methods);
        lua_createtable(L, TK__COUNT, 0);
        for (int k = 1; k < TK__COUNT; k++) {
            lua_pushstring(L, tw_kind_name(k));
            lua_rawseti(L, -2, k);
        }
        lua_createtable(L, 0, 20);
        for (uint32_t bit = 1; bit; bit <<= 1) {
            const char *name = tw_flag_name(bit);
            if (!name) continue;
            lua_pushinteger(L, bit);
            lua_setfield(L, -2, name);
        }
        luaL_setfuncs(L, doc_methods, 2);
        lua_setfield(L, -2, "__index");
        lua_pushliteral(L, "locked");
        lua_setfield(L, -2, "__metatable");
    }
    lua_pop(L, 1);
}
