/* File access for the driver (rule and lexicon loading). Rules never get
 * these functions: the sandbox does not expose them. */
#include "lua_trawl.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* An open file or directory owned by a userdata, created before the
 * resource is opened: a memory error while reading then leaves nothing
 * that the collector cannot close. */
typedef struct { FILE *f; DIR *d; } fs_handle;

static int handle_gc(lua_State *L)
{
    fs_handle *h = lua_touserdata(L, 1);
    if (h->f) fclose(h->f);
    if (h->d) closedir(h->d);
    h->f = NULL;
    h->d = NULL;
    return 0;
}

static fs_handle *handle_new(lua_State *L)
{
    fs_handle *h = lua_newuserdatauv(L, sizeof *h, 0);
    h->f = NULL;
    h->d = NULL;
    if (luaL_newmetatable(L, "trawl.fs_handle")) {
        lua_pushcfunction(L, handle_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    return h;
}

/* trawl.readfile(path) -> string | nil, message */
int lt_readfile(lua_State *L)
{
    const char *path = luaL_checkstring(L, 1);
    fs_handle *h = handle_new(L);
    FILE *f = h->f = fopen(path, "rb");
    if (!f) {
        lua_pushnil(L);
        lua_pushfstring(L, "%s: %s", path, strerror(errno));
        return 2;
    }
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    char tmp[8192];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) luaL_addlstring(&b, tmp, n);
    int bad = ferror(f);
    fclose(f);
    h->f = NULL;
    if (bad) {
        lua_pushnil(L);
        lua_pushfstring(L, "%s: read error", path);
        return 2;
    }
    luaL_pushresult(&b);
    return 1;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* trawl.listdir(path) -> sorted list of entry names | nil, message */
int lt_listdir(lua_State *L)
{
    const char *path = luaL_checkstring(L, 1);
    fs_handle *h = handle_new(L);
    DIR *d = h->d = opendir(path);
    if (!d) {
        lua_pushnil(L);
        lua_pushfstring(L, "%s: %s", path, strerror(errno));
        return 2;
    }
    lua_newtable(L);
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.') continue;
        lua_pushstring(L, de->d_name);
        lua_rawseti(L, -2, ++n);
    }
    closedir(d);
    h->d = NULL;
    /* sort with table.sort semantics but in C: collect, sort, rewrite */
    const char **names = lua_newuserdatauv(L, (size_t)(n ? n : 1) * sizeof(char *), 0);
    for (int i = 0; i < n; i++) {
        lua_rawgeti(L, -2, i + 1);
        names[i] = lua_tostring(L, -1);
        lua_pop(L, 1);   /* the table still holds the string */
    }
    qsort(names, (size_t)n, sizeof(char *), cmp_str);
    lua_newtable(L);
    for (int i = 0; i < n; i++) {
        lua_pushstring(L, names[i]);
        lua_rawseti(L, -2, i + 1);
    }
    return 1;
}

/* trawl.isdir(path) -> boolean */
int lt_isdir(lua_State *L)
{
    struct stat st;
    lua_pushboolean(L, stat(luaL_checkstring(L, 1), &st) == 0 && S_ISDIR(st.st_mode));
    return 1;
}
