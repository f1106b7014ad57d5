/* Lua values to JSON text, with a fixed key order for reproducible output. */
#include "lua_trawl.h"
#include "strbuf.h"
#include "utf8.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Keys that come first, in this order; all others follow sorted. */
static const char *const KEY_ORDER[] = {
    "id", "title", "date", "error", "name", "type", "text", "start", "end", "kind", "value", "unit", "approx",
    "op", "of", "speaker", "anonymous", "cue", "via", "roles", "aliases", "mentions", "actor",
    "rule", "message", "file", "line", "actors", "quotes", "figures", "dates", NULL
};

enum { KEY_RANKED = 1000 };   /* the rank of every key not listed */

int json_key_rank(const char *k)
{
    for (int i = 0; KEY_ORDER[i]; i++)
        if (KEY_ORDER[i][0] == k[0] && strcmp(KEY_ORDER[i], k) == 0) return i;
    return KEY_RANKED;
}

/* Bytes that JSON strings cannot hold as they are: control characters,
 * DEL, the quote and the backslash. */
static int needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\' || c == 0x7F; }

/* Does any of eight bytes need escaping? (A byte below 0x20, '"', '\\'
 * or DEL: the zero-byte test on the word and on it xor each byte. It may
 * also say yes for a byte after one that does, never no for one that does.) */
static int word_needs_escape(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    uint64_t q = w ^ (ones * '"'), bs = w ^ (ones * '\\'), del = w ^ (ones * 0x7F);
    uint64_t hit = ((w - ones * 0x20) & ~w) | ((q - ones) & ~q) | ((bs - ones) & ~bs) | ((del - ones) & ~del);
    return (hit & high) != 0;
}

/* Escapes one run of valid UTF-8: the bytes between escapes are copied in
 * one piece (most strings have no escape at all), and eight bytes at a
 * time are passed over when none of them needs one. */
static void put_valid(lua_State *L, strbuf *b, const char *s, size_t n)
{
    size_t from = 0, i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (!word_needs_escape(w)) { i += 8; continue; }
        }
        size_t stop = i + 8 < n ? i + 8 : n;
        for (; i < stop; i++) {
            unsigned char c = (unsigned char)s[i];
            if (!needs_escape(c)) continue;
            const char *esc;
            char tmp[8];
            if (c == '"') esc = "\\\"";
            else if (c == '\\') esc = "\\\\";
            else if (c == '\n') esc = "\\n";
            else if (c == '\r') esc = "\\r";
            else if (c == '\t') esc = "\\t";
            else { snprintf(tmp, sizeof tmp, "\\u%04x", c); esc = tmp; }
            sb_add(L, b, s + from, i - from);
            sb_adds(L, b, esc);
            from = i + 1;
        }
    }
    sb_add(L, b, s + from, n - from);
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

/* A key to write, its rank, and where its value is on the Lua stack. */
typedef struct { const char *k; int rank; int v; } keyent;

static int key_cmp(const keyent *x, const keyent *y)
{
    if (x->rank != y->rank) return x->rank - y->rank;
    return strcmp(x->k, y->k);
}

/* Objects have a handful of keys: insertion sort beats qsort's set-up. */
static void sort_keys(keyent *keys, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        keyent k = keys[i];
        size_t j = i;
        for (; j > 0 && key_cmp(&keys[j - 1], &k) > 0; j--) keys[j] = keys[j - 1];
        keys[j] = k;
    }
}

/* One encoding: the buffer, and the rank of each key string seen so far,
 * by address. The record being encoded holds every key string, so no
 * address is reused for another string while this lives; the same few
 * keys ("start", "end", "text") come back for every item. */
enum { RANK_MEMO = 64 };
typedef struct {
    strbuf *b;
    int rule_rank;        /* "rule" is left out unless explaining */
    keyent memo[RANK_MEMO];
} jwriter;

static int key_rank(jwriter *w, const char *k)
{
    keyent *m = &w->memo[((uintptr_t)k >> 4) % RANK_MEMO];
    if (m->k != k) {
        m->k = k;
        m->rank = json_key_rank(k);
    }
    return m->rank;
}

/* Is the table at idx, whose border n is above 0, an array (keys 1..n)? */
static int is_array(lua_State *L, int idx, lua_Integer n)
{
    lua_Integer count = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        if (!lua_isinteger(L, -1)) { lua_pop(L, 1); return 0; }
        count++;
    }
    return count == n;
}

/* An empty table is an array unless its metatable says __json = "object". */
static int empty_is_array(lua_State *L, int idx)
{
    if (luaL_getmetafield(L, idx, "__json") == LUA_TNIL) return 1;
    int obj = lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "object") == 0;
    lua_pop(L, 1);
    return !obj;
}

static void encode(lua_State *L, int idx, jwriter *w, int depth)
{
    strbuf *b = w->b;
    idx = lua_absindex(L, idx);
    if (depth > 100) luaL_error(L, "json: nesting deeper than 100 levels (a cycle?)");
    switch (lua_type(L, idx)) {
    case LUA_TNIL: sb_add(L, b, "null", 4); return;
    case LUA_TBOOLEAN: if (lua_toboolean(L, idx)) sb_add(L, b, "true", 4); else sb_add(L, b, "false", 5); return;
    case LUA_TNUMBER: put_number(L, idx, b); return;
    case LUA_TSTRING: {
        size_t n;
        const char *s = lua_tolstring(L, idx, &n);
        put_string(L, b, s, n);
        return;
    }
    case LUA_TTABLE: break;
    case LUA_TLIGHTUSERDATA:
        if (lua_touserdata(L, idx) == NULL) { sb_add(L, b, "null", 4); return; }
        /* fall through */
    default:
        luaL_error(L, "json: cannot encode a %s", luaL_typename(L, idx));
        return;
    }
    luaL_checkstack(L, 8, "json nesting");
    /* (a table without a border is no array, or an empty one: no scan of
     * its keys to tell, as most tables written are objects) */
    lua_Integer n = (lua_Integer)lua_rawlen(L, idx);
    if (n > 0 && is_array(L, idx, n)) {
        sb_addc(L, b, '[');
        for (lua_Integer i = 1; i <= n; i++) {
            if (i > 1) sb_addc(L, b, ',');
            lua_rawgeti(L, idx, i);
            encode(L, -1, w, depth + 1);
            lua_pop(L, 1);
        }
        sb_addc(L, b, ']');
        return;
    }
    /* collect string keys with their values, sort them. Each kept value
     * stays on the stack (under a copy of its key, which lua_next goes on
     * from), so none is looked up again by name: lua_getfield per key was
     * a tenth of all encoding. */
    enum { CHUNK = 16 };
    size_t cnt = 0, cap = CHUNK;
    keyent stackkeys[CHUNK];
    keyent *keys = stackkeys;
    lua_pushnil(L);                                    /* slot of a bigger key buffer */
    int bufslot = lua_gettop(L);
    int any = 0;                                       /* the table has a key */
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        any = 1;
        if (lua_type(L, -2) != LUA_TSTRING) { lua_pop(L, 1); continue; }   /* non-string keys are skipped */
        const char *k = lua_tostring(L, -2);
        int rank = k[0] == '_' ? -1 : key_rank(w, k);   /* '_': internal fields */
        if (rank < 0 || (!(b->flags & 1) && (rank == w->rule_rank || (k[0] == 'w' && strcmp(k, "why") == 0)))) {
            lua_pop(L, 1);                             /* provenance only when explaining */
            continue;
        }
        if (cnt == cap) {
            cap *= 2;
            keyent *nk = lua_newuserdatauv(L, cap * sizeof(keyent), 0);
            memcpy(nk, keys, cnt * sizeof(keyent));
            lua_replace(L, bufslot);                   /* the previous buffer is garbage */
            keys = nk;
        }
        if (cnt % CHUNK == 0) luaL_checkstack(L, 2 * CHUNK + 4, "json object keys");
        keys[cnt].k = k;                               /* the table keeps the key string alive */
        keys[cnt].rank = rank;
        keys[cnt].v = lua_gettop(L);
        cnt++;
        lua_pushvalue(L, -2);                          /* the key lua_next goes on from */
    }
    if (!any && empty_is_array(L, idx)) {
        lua_settop(L, bufslot - 1);
        sb_add(L, b, "[]", 2);
        return;
    }
    sort_keys(keys, cnt);
    sb_addc(L, b, '{');
    for (size_t i = 0; i < cnt; i++) {
        if (i) sb_addc(L, b, ',');
        size_t kn = strlen(keys[i].k);
        if (keys[i].rank < KEY_RANKED) {               /* one of ours: plain ASCII, nothing to escape */
            sb_addc(L, b, '"');
            sb_add(L, b, keys[i].k, kn);
            sb_addc(L, b, '"');
        } else {
            put_string(L, b, keys[i].k, kn);
        }
        sb_addc(L, b, ':');
        encode(L, keys[i].v, w, depth + 1);
    }
    sb_addc(L, b, '}');
    lua_settop(L, bufslot - 1);
}

void json_encode_value(lua_State *L, int idx, strbuf *b, int depth)
{
    jwriter w;
    w.b = b;
    w.rule_rank = json_key_rank("rule");
    memset(w.memo, 0, sizeof w.memo);
    encode(L, idx, &w, depth);
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
