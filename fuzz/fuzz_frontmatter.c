/* libFuzzer target: front matter split (input_front_matter) and its YAML
 * (yaml_push with trawl's depth, alias and size limits), as the CLI reads a
 * text file. */
#include "input.h"
#include "lua_trawl.h"

#include <lauxlib.h>
#include <lualib.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    size_t ms, me, bs;
    input_front_matter(text, size, &ms, &me, &bs);
    if (bs > size || me < ms || me > bs || (bs && ms == 0)) abort();
    /* with no front matter, the whole input still goes to the YAML loader */
    if (!bs) { ms = 0; me = size; }
    lua_State *L = luaL_newstate();
    if (!L) return 0;
    char err[512];
    int top = lua_gettop(L);
    int rc = yaml_push(L, text + ms, me - ms, "front matter", err, sizeof err);
    if (lua_gettop(L) != top + (rc == 0)) abort();
    lua_close(L);
    return 0;
}
