/* A doc's record walked from C: layers, items, spans and fields as
 * trawl_field structs, without going through JSON. Everything that touches
 * the Lua state runs under lua_pcall, so a refused allocation (a host
 * allocator may refuse at any time) becomes a status, never an abort. */
#include "engine_priv.h"
#include "lua_trawl.h"
#include "strbuf.h"

#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One request, passed through lua_pcall as a light userdata. */
typedef struct {
    trawl_doc *d;
    const char *layer, *path;
    size_t i;
    int status;                 /* TRAWL_OK or TRAWL_EARG, set by the callee */
    size_t n;                   /* count, layer index */
    size_t start, end;          /* span */
    const char *name;           /* layer name */
    const trawl_field *field;   /* get */
    trawl_field_fn fn;          /* fields */
    void *ud;
} req;

static int run(req *r, lua_CFunction f)
{
    lua_State *L = engine_state(doc_engine(r->d));
    int top = lua_gettop(L);
    if (!lua_checkstack(L, 4)) return TRAWL_ENOMEM;
    lua_pushcfunction(L, f);
    lua_pushlightuserdata(L, r);
    int rc = lua_pcall(L, 1, 0, 0);
    lua_settop(L, top);
    if (rc == LUA_OK) return r->status;
    return rc == LUA_ERRMEM ? TRAWL_ENOMEM : TRAWL_EARG;
}

/* Pushes item i of the layer; returns 0 when there is none (stack left for
 * the caller's lua_settop). */
static int push_item(lua_State *L, req *r)
{
    if (!r->layer || !doc_push_record(r->d)) return 0;
    if (lua_getfield(L, -1, r->layer) != LUA_TTABLE) return 0;
    return lua_rawgeti(L, -1, (lua_Integer)r->i + 1) == LUA_TTABLE;
}

/* Is the table at idx a list? Same test as the JSON writer: keys 1..n, and
 * an empty table is a list unless its metatable says __json = "object". */
static int is_list(lua_State *L, int idx, size_t *count)
{
    lua_Integer n = (lua_Integer)lua_rawlen(L, idx), keys = 0, visible = 0;
    int all_int = 1;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        keys++;
        if (!lua_isinteger(L, -1)) all_int = 0;
        if (lua_type(L, -1) == LUA_TSTRING && lua_tostring(L, -1)[0] != '_') visible++;
    }
    if (all_int && keys == n) {
        if (n == 0 && luaL_getmetafield(L, idx, "__json") != LUA_TNIL) {
            int obj = lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "object") == 0;
            lua_pop(L, 1);
            if (obj) { *count = 0; return 0; }
        }
        *count = (size_t)n;
        return 1;
    }
    *count = (size_t)visible;
    return 0;
}

/* Numbers as the JSON writer prints them. */
static void push_number_text(lua_State *L, int idx)
{
    char tmp[64];
    if (lua_isinteger(L, idx)) {
        snprintf(tmp, sizeof tmp, "%lld", (long long)lua_tointeger(L, idx));
    } else {
        double v = lua_tonumber(L, idx);
        if (!isfinite(v)) snprintf(tmp, sizeof tmp, "null");
        else if (v == floor(v) && fabs(v) < 1e15) snprintf(tmp, sizeof tmp, "%.0f", v);
        else {
            snprintf(tmp, sizeof tmp, "%.15g", v);
            if (strtod(tmp, NULL) != v) snprintf(tmp, sizeof tmp, "%.17g", v);
        }
    }
    lua_pushstring(L, tmp);
}

/* Fills f from the value at idx and pushes the string f->text points to
 * (or nil): the caller keeps it alive as long as f is in use. */
static void fill(lua_State *L, int idx, trawl_field *f)
{
    idx = lua_absindex(L, idx);
    memset(f, 0, sizeof *f);
    switch (lua_type(L, idx)) {
    case LUA_TBOOLEAN:
        f->type = TRAWL_T_BOOL;
        f->integer = lua_toboolean(L, idx);
        lua_pushstring(L, f->integer ? "true" : "false");
        break;
    case LUA_TNUMBER:
        f->type = lua_isinteger(L, idx) ? TRAWL_T_INT : TRAWL_T_NUMBER;
        f->number = lua_tonumber(L, idx);
        f->integer = lua_isinteger(L, idx) ? (long long)lua_tointeger(L, idx)
                   : isfinite(f->number) && fabs(f->number) < 9e18 ? (long long)f->number : 0;
        push_number_text(L, idx);
        break;
    case LUA_TSTRING:
        f->type = TRAWL_T_STRING;
        lua_pushvalue(L, idx);
        break;
    case LUA_TTABLE: {
        f->type = is_list(L, idx, &f->count) ? TRAWL_T_LIST : TRAWL_T_OBJECT;
        strbuf *b = sb_push(L);
        json_encode_value(L, idx, b, 0);
        lua_pushlstring(L, b->p ? b->p : "", b->n);
        sb_free(b);
        lua_remove(L, -2);
        break;
    }
    default:   /* nil, trawl.null */
        f->type = TRAWL_T_NULL;
        lua_pushnil(L);
        return;
    }
    f->text = lua_tolstring(L, -1, &f->len);
}

/* Replaces the table at the top by its element at path; returns 0 when
 * there is none. A path is keys and 0-based list positions joined by dots;
 * keys starting with '_' are internal and never found. */
static int walk_path(lua_State *L, const char *path)
{
    while (path && *path) {
        const char *dot = strchr(path, '.');
        size_t n = dot ? (size_t)(dot - path) : strlen(path);
        if (!lua_istable(L, -1) || n == 0 || path[0] == '_') return 0;
        int t = LUA_TNIL;
        if (path[0] >= '0' && path[0] <= '9' && n < 18) {
            lua_Integer k = 0;
            size_t j = 0;
            while (j < n && path[j] >= '0' && path[j] <= '9') k = k * 10 + (path[j++] - '0');
            if (j == n) t = lua_rawgeti(L, -1, k + 1);
            else lua_pushnil(L);
        } else {
            lua_pushnil(L);
        }
        if (t == LUA_TNIL) {
            lua_pop(L, 1);
            lua_pushlstring(L, path, n);
            t = lua_rawget(L, -2);
        }
        lua_remove(L, -2);
        if (t == LUA_TNIL) return 0;
        path = dot ? dot + 1 : path + n;
    }
    return 1;
}

typedef struct { const char *k; int rank; } keyent;

static int key_cmp(const void *a, const void *b)
{
    const keyent *x = a, *y = b;
    if (x->rank != y->rank) return x->rank - y->rank;
    return strcmp(x->k, y->k);
}

/* Pushes a userdata array of the visible string keys of the table at idx,
 * in output order; *n gets their number. The table keeps the strings alive. */
static keyent *sorted_keys(lua_State *L, int idx, size_t *n)
{
    size_t cnt = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING && lua_tostring(L, -1)[0] != '_') cnt++;
    }
    keyent *keys = lua_newuserdatauv(L, (cnt ? cnt : 1) * sizeof *keys, 0);
    size_t k = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING || k == cnt) continue;
        const char *s = lua_tostring(L, -1);
        if (s[0] == '_') continue;
        keys[k].k = s;
        keys[k].rank = json_key_rank(s);
        k++;
    }
    qsort(keys, k, sizeof *keys, key_cmp);
    *n = k;
    return keys;
}

/* ---- the calls -------------------------------------------------------------- */

static int layer_main(lua_State *L)
{
    req *r = lua_touserdata(L, 1);
    r->status = TRAWL_EARG;
    if (!doc_push_record(r->d)) return 0;
    int rec = lua_gettop(L);
    size_t n;
    keyent *keys = sorted_keys(L, rec, &n);
    size_t k = 0;
    for (size_t j = 0; j < n; j++) {
        if (lua_getfield(L, rec, keys[j].k) == LUA_TTABLE && k++ == r->n) {
            r->name = keys[j].k;   /* the record keeps its keys alive */
            r->status = TRAWL_OK;
            return 0;
        }
        lua_pop(L, 1);
    }
    return 0;
}

const char *trawl_doc_layer(trawl_doc *d, size_t k)
{
    if (!d) return NULL;
    req r = {.d = d, .n = k};
    return run(&r, layer_main) == TRAWL_OK ? r.name : NULL;
}

static int count_main(lua_State *L)
{
    req *r = lua_touserdata(L, 1);
    r->status = TRAWL_OK;
    r->n = 0;
    if (r->layer && doc_push_record(r->d) && lua_getfield(L, -1, r->layer) == LUA_TTABLE)
        r->n = (size_t)lua_rawlen(L, -1);
    return 0;
}

size_t trawl_doc_count(trawl_doc *d, const char *layer)
{
    if (!d) return 0;
    req r = {.d = d, .layer = layer};
    return run(&r, count_main) == TRAWL_OK ? r.n : 0;
}

static int span_main(lua_State *L)
{
    req *r = lua_touserdata(L, 1);
    r->status = TRAWL_EARG;
    if (!push_item(L, r)) return 0;
    int item = lua_gettop(L);
    if (lua_getfield(L, item, "start") != LUA_TNUMBER) {
        lua_pushvalue(L, item);
        if (!walk_path(L, "mentions.0") || !lua_istable(L, -1)) return 0;
        item = lua_gettop(L);
        lua_getfield(L, item, "start");
    }
    lua_getfield(L, item, "end");
    int ok_s, ok_e;
    lua_Integer s = lua_tointegerx(L, -2, &ok_s), e = lua_tointegerx(L, -1, &ok_e);
    if (!ok_s || !ok_e || s < 0 || e < s) return 0;
    r->start = (size_t)s;
    r->end = (size_t)e;
    r->status = TRAWL_OK;
    return 0;
}

int trawl_doc_span(trawl_doc *d, const char *layer, size_t i, size_t *start, size_t *end)
{
    if (!d || !start || !end) return TRAWL_EARG;
    req r = {.d = d, .layer = layer, .i = i};
    int rc = run(&r, span_main);
    if (rc == TRAWL_OK) {
        *start = r.start;
        *end = r.end;
    }
    return rc;
}

/* A field handed out by trawl_doc_get lives in a userdata whose user values
 * hold its name and text; the doc's keep table holds the userdata under
 * "layer\1i\1path", so asking twice gives the same pointer. */
static int get_main(lua_State *L)
{
    req *r = lua_touserdata(L, 1);
    r->status = TRAWL_EARG;
    const char *path = r->path ? r->path : "";
    doc_push_keep(r->d);
    int keep = lua_gettop(L);
    lua_pushfstring(L, "%s\1%I\1%s", r->layer ? r->layer : "", (LUAI_UACINT)r->i, path);
    int key = lua_gettop(L);
    lua_pushvalue(L, key);
    if (lua_rawget(L, keep) == LUA_TUSERDATA) {
        r->field = lua_touserdata(L, -1);
        r->status = TRAWL_OK;
        return 0;
    }
    lua_pop(L, 1);
    if (!push_item(L, r) || !walk_path(L, path)) return 0;
    int val = lua_gettop(L);
    trawl_field *f = lua_newuserdatauv(L, sizeof *f, 2);
    int box = lua_gettop(L);
    fill(L, val, f);
    lua_setiuservalue(L, box, 1);
    const char *dot = strrchr(path, '.');
    lua_pushstring(L, dot ? dot + 1 : path);
    f->name = lua_tostring(L, -1);
    lua_setiuservalue(L, box, 2);
    lua_pushvalue(L, key);
    lua_pushvalue(L, box);
    lua_rawset(L, keep);
    r->field = f;
    r->status = TRAWL_OK;
    return 0;
}

const trawl_field *trawl_doc_get(trawl_doc *d, const char *layer, size_t i, const char *path)
{
    if (!d) return NULL;
    req r = {.d = d, .layer = layer, .i = i, .path = path};
    return run(&r, get_main) == TRAWL_OK ? r.field : NULL;
}

const char *trawl_doc_field(trawl_doc *d, const char *layer, size_t i, const char *path)
{
    const trawl_field *f = trawl_doc_get(d, layer, i, path);
    if (f && f->type == TRAWL_T_OBJECT && path && strcmp(path, "speaker") == 0)
        f = trawl_doc_get(d, layer, i, "speaker.name");
    return f ? f->text : NULL;
}

static int fields_main(lua_State *L)
{
    req *r = lua_touserdata(L, 1);
    r->status = TRAWL_EARG;
    if (!push_item(L, r) || !walk_path(L, r->path) || !lua_istable(L, -1)) return 0;
    int t = lua_gettop(L);
    size_t n;
    trawl_field f;
    r->status = TRAWL_OK;
    if (is_list(L, t, &n)) {
        char name[32];
        for (size_t k = 0; k < n; k++) {
            lua_rawgeti(L, t, (lua_Integer)k + 1);
            fill(L, -1, &f);
            snprintf(name, sizeof name, "%zu", k);
            f.name = name;
            int rc = r->fn(r->ud, &f);
            lua_pop(L, 2);
            if (rc) { r->status = rc; return 0; }
        }
        return 0;
    }
    keyent *keys = sorted_keys(L, t, &n);
    for (size_t k = 0; k < n; k++) {
        lua_getfield(L, t, keys[k].k);
        fill(L, -1, &f);
        f.name = keys[k].k;
        int rc = r->fn(r->ud, &f);
        lua_pop(L, 2);
        if (rc) { r->status = rc; return 0; }
    }
    return 0;
}

int trawl_doc_fields(trawl_doc *d, const char *layer, size_t i, const char *path,
                     trawl_field_fn fn, void *ud)
{
    if (!d || !fn) return TRAWL_EARG;
    req r = {.d = d, .layer = layer, .i = i, .path = path, .fn = fn, .ud = ud};
    return run(&r, fields_main);
}
