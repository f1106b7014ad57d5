/* Lua values to JSON text, with a fixed key order for reproducible output. */
#include "lua_trawl.h"
#include "strbuf.h"
#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Keys that come first, in this order; all others follow sorted. */
static const char *const KEY_ORDER[] = {
    "id", "title", "date", "error", "name", "type", "text", "start", "end", "kind", "value", "unit", "approx",
    "op", "of", "speaker", "anonymous", "cue", "via", "roles", "aliases", "mentions", "actor",
    "rule", "message", "file", "line", "actors", "quotes", "figures", "dates", NULL
};

int json_key_rank(const char *k)
{
    for (int i = 0; KEY_ORDER[i]; i++)
        if (KEY_ORDER[i][0] == k[0] && strcmp(KEY_ORDER[i], k) == 0) return i;   /* (every key of every item) */
    return 1000;
}

/* Escapes one run of valid UTF-8. */
static void put_valid(lua_State *L, strbuf *b, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        char tmp[8];
        if (c == '"') esc = "\\\"";
        else if (c == '\\') esc = "\\\\";
        else if (c == '\n') esc = "\\n";
        else if (c == '\r') esc = "\\r";
        else if (c == '\t') esc = "\\t";
        else if (c < 0x20 || c == 0x7F) { snprintf(tmp, sizeof tmp, "\\u%04x", c); esc = tmp; }
        if (esc) {
            sb_add(L, b, s + i - run, run);
            run = 0;
            sb_adds(L, b, esc);
        } else {
            run++;
        }
    }
    sb_add(L, b, s + n - run, run);
}

/* A JSON string. Output is always valid UTF-8: a byte that is not (a rule
 * may cut a string inside a character) becomes U+FFFD. */
static void put_string(lua_State *L, strbuf *b, const char *s, size_t n)
{
    sb_addc(L, b, '"');
    for (;;) {
        size_t ok = utf8_validate((const unsigned char *)s, n);
        put_valid(L, b, s, ok);
        if (ok == n) break;
        sb_adds(L, b, "\xEF\xBF\xBD");
        /* one U+FFFD for a cut character: its lead byte and what follows of it */
        size_t skip = 1;
        while (skip < 4 && ok + skip < n && ((unsigned char)s[ok + skip] & 0xC0) == 0x80) skip++;
        s += ok + skip;
        n -= ok + skip;
    }
    sb_addc(L, b, '"');
}

static void put_number(lua_State *L, int idx, strbuf *b)
{
    char tmp[64];
    if (lua_isinteger(L, idx)) {
        /* offsets, the most common numbers of all: digits by hand, not snprintf */
        lua_Integer v = lua_tointeger(L, idx);
        unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
        char *p = tmp + sizeof tmp;
        *--p = 0;
        do { *--p = (char)('0' + u % 10); u /= 10; } while (u);
        if (v < 0) *--p = '-';
        sb_adds(L, b, p);
        return;
    } else {
        double v = lua_tonumber(L, idx);
        if (!isfinite(v)) { sb_adds(L, b, "null"); return; }
        if (v == floor(v) && fabs(v) < 1e15) snprintf(tmp, sizeof tmp, "%.0f", v);
        else {
            snprintf(tmp, sizeof tmp, "%.15g", v);
            if (strtod(tmp, NULL) != v) snprintf(tmp, sizeof tmp, "%.17g", v);
        }
    }
    sb_adds(L, b, tmp);
}

typedef struct { const char *k; int rank; } keyent;

static int key_cmp(const void *a, const void *b)
{
    const keyent *x = a, *y = b;
    if (x->rank != y->rank) return x->rank - y->rank;
    return strcmp(x->k, y->k);
}

/* Is the table at idx an array (keys 1..n) ? Returns n, or -1. Empty
 * tables are arrays unless their metatable says __json = "object". */
static lua_Integer array_len(lua_State *L, int idx)
{
    lua_Integer n = (lua_Integer)lua_rawlen(L, idx);
    lua_Integer count = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        if (!lua_isinteger(L, -1)) { lua_pop(L, 1); return -1; }
        count++;
    }
    if (count != n) return -1;
    if (n == 0 && luaL_getmetafield(L, idx, "__json") != LUA_TNIL) {
        int obj = lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "object") == 0;
        lua_pop(L, 1);
        if (obj) return -1;
    }
    return n;
}

void json_encode_value(lua_State *L, int idx, strbuf *b, int depth)
{
    idx = lua_absindex(L, idx);
    if (depth > 100) luaL_error(L, "json: nesting deeper than 100 levels (a cycle?)");
    switch (lua_type(L, idx)) {
    case LUA_TNIL: sb_adds(L, b, "null"); return;
    case LUA_TBOOLEAN: sb_adds(L, b, lua_toboolean(L, idx) ? "true" : "false"); return;
    case LUA_TNUMBER: put_number(L, idx, b); return;
    case LUA_TSTRING: {
        size_t n;
        const char *s = lua_tolstring(L, idx, &n);
        put_string(L, b, s, n);
        return;
    }
    case LUA_TTABLE: break;
    case LUA_TLIGHTUSERDATA:
        if (lua_touserdata(L, idx) == NULL) { sb_adds(L, b, "null"); return; }
        /* fall through */
    default:
        luaL_error(L, "json: cannot encode a %s", luaL_typename(L, idx));
        return;
    }
    luaL_checkstack(L, 8, "json nesting");
    lua_Integer n = array_len(L, idx);
    if (n >= 0) {
        sb_addc(L, b, '[');
        for (lua_Integer i = 1; i <= n; i++) {
            if (i > 1) sb_addc(L, b, ',');
            lua_rawgeti(L, idx, i);
            json_encode_value(L, -1, b, depth + 1);
            lua_pop(L, 1);
        }
        sb_addc(L, b, ']');
        return;
    }
    /* collect string keys, sort them */
    size_t cnt = 0, cap = 16;
    keyent stackkeys[16];
    keyent *keys = stackkeys;
    void *heap = NULL;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING) continue;   /* non-string keys are skipped */
        const char *k = lua_tostring(L, -1);
        if (k[0] == '_') continue;                      /* internal fields */
        if (!(b->flags & 1) && (strcmp(k, "rule") == 0 || strcmp(k, "why") == 0))
            continue;                                  /* provenance only when explaining */
        if (cnt == cap) {
            cap *= 2;
            keyent *nk = lua_newuserdatauv(L, cap * sizeof(keyent), 0);
            memcpy(nk, keys, cnt * sizeof(keyent));
            if (heap) lua_remove(L, -3);               /* drop the previous buffer */
            lua_insert(L, -2);                         /* keep the buffer below the key */
            heap = nk;
            keys = nk;
        }
        keys[cnt].k = k;                               /* the table keeps the key string alive */
        keys[cnt].rank = json_key_rank(k);
        cnt++;
    }
    qsort(keys, cnt, sizeof(keyent), key_cmp);
    sb_addc(L, b, '{');
    for (size_t i = 0; i < cnt; i++) {
        if (i) sb_addc(L, b, ',');
        put_string(L, b, keys[i].k, strlen(keys[i].k));
        sb_addc(L, b, ':');
        lua_getfield(L, idx, keys[i].k);
        json_encode_value(L, -1, b, depth + 1);
        lua_pop(L, 1);
    }
    sb_addc(L, b, '}');
    if (heap) lua_pop(L, 1);
}

/* trawl.json(value) -> string */
int lt_json(lua_State *L)
{
    luaL_checkany(L, 1);
    lua_settop(L, 1);
    strbuf *b = sb_push(L);
    json_encode_value(L, 1, b, 0);
    lua_pushlstring(L, b->p ? b->p : "", b->n);
    sb_free(b);
    return 1;
}
