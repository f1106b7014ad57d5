/* YAML limits (front matter, lexicons): alias bombs, alias cycles, deep
 * nesting and huge scalars are refused with a message that says which;
 * ordinary anchors and aliases still work. Includes the fuzz_lexicon
 * crash input (an alias inside its own anchor made a cyclic table). */
#include "lua_trawl.h"

#include <lauxlib.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int pass, fail;

#define CHECK(cond, ...) do { if (cond) pass++; else { fail++; printf("FAIL " __VA_ARGS__); printf("\n"); } } while (0)

/* Runs yaml_push; returns 0 or -1 and leaves the message in err. */
static int load(lua_State *L, const char *text, size_t len, char *err, size_t errlen)
{
    err[0] = 0;
    int top = lua_gettop(L);
    int rc = yaml_push(L, text, len, "t.yaml", err, errlen);
    CHECK(lua_gettop(L) == top + (rc == 0), "stack balance after yaml_push");
    return rc;
}

static char *repeat(const char *unit, size_t n, const char *pre, const char *post)
{
    size_t u = strlen(unit), a = strlen(pre), b = strlen(post);
    char *s = malloc(a + u * n + b + 1);
    memcpy(s, pre, a);
    for (size_t i = 0; i < n; i++) memcpy(s + a + i * u, unit, u);
    memcpy(s + a + u * n, post, b + 1);
    return s;
}

static void refused(lua_State *L, const char *name, const char *text, size_t len, const char *want)
{
    char err[512];
    int rc = load(L, text, len, err, sizeof err);
    CHECK(rc != 0 && strstr(err, want), "%s: %s, want «%s»", name, rc ? err : "accepted", want);
}

int main(void)
{
    lua_State *L = luaL_newstate();
    char err[512];

    /* the fuzz_lexicon crash (minimised by hand): the alias names the node it is in */
    static const char CYCLE[] =
        "# lexico: surface forms to elias: ~, [WHO]\nbase: &base {type:`9: *base, rolece forms to}\n";
    refused(L, "fuzz crash: alias in its own anchor", CYCLE, sizeof CYCLE - 1, "unknown YAML alias 'base'");
    refused(L, "sequence containing itself", "a: &a [1, *a]\n", 14, "unknown YAML alias 'a'");

    /* a map bigger than the pairs yaml_load holds on the stack at once
     * (MAP_BATCH, 32): every key kept, a null value drops its key, a
     * repeated key keeps the later value, an anchored map is the same
     * table where its alias is */
    {
        char text[4096];
        size_t n = 0;
        n += (size_t)snprintf(text + n, sizeof text - n, "m: &m\n");
        for (int k = 1; k <= 70; k++) n += (size_t)snprintf(text + n, sizeof text - n, "  k%d: %d\n", k, k);
        n += (size_t)snprintf(text + n, sizeof text - n, "  k71: ~\n  k7: again\nn: *m\n");
        int rc = load(L, text, n, err, sizeof err);
        CHECK(rc == 0, "big map loads: %s", err);
        if (rc == 0) {
            lua_getfield(L, -1, "m");
            int count = 0;
            lua_pushnil(L);
            while (lua_next(L, -2)) { lua_pop(L, 1); count++; }
            CHECK(count == 70, "big map: 70 keys, not the null one, got %d", count);
            lua_getfield(L, -1, "k70");
            CHECK(lua_tointeger(L, -1) == 70, "big map: last key of the last batch");
            lua_getfield(L, -2, "k33");
            CHECK(lua_tointeger(L, -1) == 33, "big map: first key of the second batch");
            lua_getfield(L, -3, "k7");
            CHECK(lua_isstring(L, -1) && strcmp(lua_tostring(L, -1), "again") == 0, "big map: a repeated key keeps the later value");
            lua_getfield(L, -4, "k71");
            CHECK(lua_isnil(L, -1), "big map: a null value drops its key");
            lua_pop(L, 4);
            lua_getfield(L, -2, "n");
            CHECK(lua_rawequal(L, -1, -2), "big map: the alias is the anchored table");
            lua_pop(L, 3);
        }
    }

    /* billion laughs: 9 levels of 10 aliases; shared in Lua, 10^9 nodes for whoever walks it */
    {
        char buf[4096];
        size_t n = (size_t)snprintf(buf, sizeof buf, "a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        const char *prev = "a";
        static const char *names[] = {"b", "c", "d", "e", "f", "g", "h", "i"};
        for (int l = 0; l < 8; l++) {
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s: &%s [", names[l], names[l]);
            for (int k = 0; k < 10; k++) n += (size_t)snprintf(buf + n, sizeof buf - n, "%s*%s", k ? ", " : "", prev);
            n += (size_t)snprintf(buf + n, sizeof buf - n, "]\n");
            prev = names[l];
        }
        refused(L, "billion laughs", buf, n, "expands to more than");
    }
    /* many aliases of one scalar (O(anchors x aliases) in libyaml's loader) */
    {
        char *s = repeat("- *x\n", 40000, "- &x v\n", "");
        refused(L, "40,000 aliases", s, strlen(s), "more than 256 YAML aliases");
        free(s);
    }
    /* deep nesting: flow and block; refused at depth 64, long before libyaml's quadratic costs */
    {
        char *s = repeat("[", 1000000, "", "");
        refused(L, "1,000,000 [", s, strlen(s), "nested deeper than 64 levels");
        free(s);
        s = repeat("{a: ", 100000, "", "");
        refused(L, "100,000 {a:", s, strlen(s), "nested deeper than 64 levels");
        free(s);
        size_t n = 200, len = 0;
        s = malloc(n * (n + 4) + 1);
        for (size_t i = 0; i < n; i++) {
            memset(s + len, ' ', i);
            memcpy(s + len + i, "a:\n", 3);
            len += i + 3;
        }
        s[len] = 0;
        refused(L, "block nesting", s, len, "nested deeper than 64 levels");
        free(s);
    }
    /* huge scalars, plain and quoted */
    {
        char *s = repeat("x", 2u << 20, "big: ", "\n");
        refused(L, "2 MiB plain scalar", s, strlen(s), "YAML scalar larger than 1048576 bytes");
        free(s);
        s = repeat("x", 2u << 20, "big: \"", "\"\n");
        refused(L, "2 MiB quoted scalar", s, strlen(s), "YAML scalar larger than 1048576 bytes");
        free(s);
    }
    /* malformed YAML names the line */
    refused(L, "unclosed flow", "a: [1, 2\nb: 3\n", 14, "t.yaml:2:");
    refused(L, "unknown alias", "a: *nope\n", 9, "unknown YAML alias 'nope'");

    /* what must still work: anchors and aliases used after their node ends */
    static const char OK[] = "base: &b {type: org}\nun: *b\nwho: *b\nlist: &l [1, 2]\nagain: *l\n";
    CHECK(load(L, OK, sizeof OK - 1, err, sizeof err) == 0, "aliases: %s", err);
    if (lua_istable(L, -1)) {
        lua_getfield(L, -1, "un");
        lua_getfield(L, -1, "type");
        CHECK(lua_isstring(L, -1) && strcmp(lua_tostring(L, -1), "org") == 0, "alias value");
        lua_pop(L, 2);
        lua_getfield(L, -1, "again");
        CHECK(lua_istable(L, -1) && lua_rawlen(L, -1) == 2, "sequence alias");
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    /* 63 levels are fine */
    {
        char *s = repeat("[", 63, "", "");
        char *t = repeat("]", 63, s, "\n");
        CHECK(load(L, t, strlen(t), err, sizeof err) == 0, "63 levels: %s", err);
        lua_pop(L, 1);
        free(s);
        free(t);
    }
    CHECK(load(L, "", 0, err, sizeof err) == 0 && lua_isnil(L, -1), "empty document is nil");
    lua_pop(L, 1);
    lua_close(L);
    printf("%d passed, %d failed\n", pass, fail);
    return fail != 0;
}
