/* Table-driven tests of the Lua API, shared by the test programs that use
 * them: rows of a Lua expression and the string it must give ("~x": an
 * error containing x), run in one state with the trawl module after a
 * prelude of helpers; each failure names its row. Header-only: each test
 * program is one .c file. */
#ifndef TRAWL_TEST_LUA_ROWS_H
#define TRAWL_TEST_LUA_ROWS_H

#include "lua_trawl.h"

#include <lauxlib.h>
#include <lualib.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    const char *name;
    const char *expr;       /* a Lua expression */
    const char *want;       /* the string it gives; "~x": an error containing x */
} lua_row;

/* Runs the rows; prints each failure and the counts; 0 when all passed. */
static int lua_rows_run(const char *prelude, const lua_row *rows, size_t n)
{
    int passed = 0, failed = 0;
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    luaL_requiref(L, "trawl", luaopen_trawl, 0);
    lua_pop(L, 1);
    if (luaL_dostring(L, prelude) != LUA_OK) {
        printf("prelude: %s\n0 passed, 1 failed\n", lua_tostring(L, -1));
        lua_close(L);
        return 1;
    }
    for (size_t i = 0; i < n; i++) {
        char buf[4096];
        snprintf(buf, sizeof buf, "return tostring(%s)", rows[i].expr);
        (void)luaL_dostring(L, buf);          /* the value, or the error message */
        const char *got = lua_tostring(L, -1);
        if (!got) got = "(nil)";
        const char *want = rows[i].want;
        int ok = want[0] == '~' ? strstr(got, want + 1) != NULL : strcmp(got, want) == 0;
        if (ok) passed++;
        else {
            failed++;
            printf("FAIL %s\n  want: %s\n  got:  %s\n", rows[i].name, want, got);
        }
        lua_settop(L, 0);
    }
    lua_close(L);
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}

#define LUA_ROWS_MAIN(prelude, rows) \
    int main(void) { return lua_rows_run(prelude, rows, sizeof rows / sizeof rows[0]); }

#endif
