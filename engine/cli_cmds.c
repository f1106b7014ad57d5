/* The rule-authoring subcommands (trawl test|eval|explain|check|repl): an
 * engine, a table of host functions (`sys`), and driver.command(name, args,
 * sys) in Lua, which does the work (scripts/trawl/<name>.lua). */
#define _POSIX_C_SOURCE 200809L
#include "cli_cmds.h"
#include "engine_priv.h"
#include "input.h"
#include "lua_trawl.h"
#include "trawl.h"

#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#ifdef TRAWL_READLINE
#include <readline/history.h>
#include <readline/readline.h>
#endif

static const char *const COMMANDS[] = {"test", "eval", "explain", "check", "repl", "report", NULL};

int is_subcommand(const char *name)
{
    for (int i = 0; COMMANDS[i]; i++)
        if (strcmp(name, COMMANDS[i]) == 0) return 1;
    return 0;
}

static trawl_engine *up_engine(lua_State *L)
{
    return lua_touserdata(L, lua_upvalueindex(1));
}

static int write_to(lua_State *L, FILE *f)
{
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    fwrite(s, 1, n, f);
    if (f == stderr) fflush(stdout);
    return 0;
}

/* sys.write(s) / sys.ewrite(s): to stdout / stderr */
static int sys_write(lua_State *L) { return write_to(L, stdout); }
static int sys_ewrite(lua_State *L)
{
    fflush(stdout);
    return write_to(L, stderr);
}

/* sys.readline(prompt) -> line (without its newline) | nil at end of input.
 * With readline (built in when pkg-config finds it) on a terminal: line
 * editing and history; otherwise plain lines, the prompt only on a terminal. */
static int sys_readline(lua_State *L)
{
    const char *prompt = luaL_optstring(L, 1, "");
    int tty = isatty(0);
#ifdef TRAWL_READLINE
    if (tty) {
        char *line = readline(prompt);
        if (!line) return 0;
        if (*line) add_history(line);
        lua_pushstring(L, line);
        free(line);
        return 1;
    }
#endif
    if (tty) {
        fputs(prompt, stdout);
        fflush(stdout);
    }
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    int c, any = 0;
    while ((c = getchar()) != EOF && c != '\n') {
        luaL_addchar(&b, (char)c);
        any = 1;
    }
    if (c == EOF && !any) return 0;
    luaL_pushresult(&b);
    return 1;
}

/* sys.writefile(path, s) -> true | nil, message  (trawl report -o FILE) */
static int sys_writefile(lua_State *L)
{
    const char *path = luaL_checkstring(L, 1);
    size_t n;
    const char *s = luaL_checklstring(L, 2, &n);
    FILE *f = fopen(path, "wb");
    int ok = f && fwrite(s, 1, n, f) == n;
    if (f && fclose(f) != 0) ok = 0;
    if (!ok) {
        lua_pushnil(L);
        lua_pushfstring(L, "cannot write %s: %s", path, strerror(errno));
        return 2;
    }
    lua_pushboolean(L, 1);
    return 1;
}

/* sys.isatty() -> whether stdout is a terminal */
static int sys_isatty(lua_State *L)
{
    lua_pushboolean(L, isatty(1));
    return 1;
}

/* sys.load_rules(path) -> true | nil, message  -- as --rules does, under the limits */
static int sys_load_rules(lua_State *L)
{
    trawl_engine *e = up_engine(L);
    const char *path = luaL_checkstring(L, 1);
    if (trawl_engine_load_rules(e, path) != TRAWL_OK) {
        lua_pushnil(L);
        lua_pushstring(L, trawl_errmsg(e));
        return 2;
    }
    lua_pushboolean(L, 1);
    return 1;
}

static int push_article(void *ud, article *a)
{
    lua_State *L = ud;
    lua_createtable(L, 0, 5);
    lua_pushstring(L, a->id ? a->id : "");
    lua_setfield(L, -2, "id");
    if (a->error) {
        lua_pushstring(L, a->error);
        lua_setfield(L, -2, "error");
    } else {
        lua_pushlstring(L, a->text ? a->text : "", a->len);
        lua_setfield(L, -2, "text");
    }
    if (a->meta) {
        lua_pushlstring(L, a->meta, a->meta_len);
        lua_setfield(L, -2, "meta");
        lua_pushstring(L, a->meta_kind == META_JSON ? "json" : "yaml");
        lua_setfield(L, -2, "meta_kind");
    }
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    return 0;
}

/* sys.read_articles(path [, jsonl]) -> list of {id, text | error, meta, meta_kind}
 * read as the trawl command reads its inputs (front matter, directories, -). */
static int sys_read_articles(lua_State *L)
{
    const char *path = luaL_checkstring(L, 1);
    int jsonl = lua_toboolean(L, 2);
    lua_settop(L, 2);
    lua_newtable(L);
    input_read(path, jsonl, push_article, L);
    return 1;
}

/* sys.analyse(text, id [, meta, meta_kind]) -> record, error message | nil
 * The record as --explain writes it (with `rule` and `why`), decoded; an
 * article that fails gives its error record and the message. */
static int sys_analyse(lua_State *L)
{
    trawl_engine *e = up_engine(L);
    size_t len, mlen = 0;
    const char *text = luaL_checklstring(L, 1, &len);
    const char *id = luaL_checkstring(L, 2);
    const char *meta = luaL_optlstring(L, 3, NULL, &mlen);
    const char *kind = luaL_optstring(L, 4, "yaml");
    int mk = !meta ? META_NONE : strcmp(kind, "json") == 0 ? META_JSON : META_YAML;
    trawl_doc *d = NULL;
    int rc = engine_analyse(e, id, text, len, mk, meta, mlen, &d);
    if (!d) return luaL_error(L, "not enough memory");
    size_t n;
    const char *json = trawl_doc_json(d, TRAWL_JSON_EXPLAIN, &n);
    char err[256];
    if (!json || json_push_text(L, json, n, err, sizeof err)) {
        trawl_doc_free(d);
        return luaL_error(L, "cannot render the record of '%s'", id);
    }
    trawl_doc_free(d);
    if (rc != TRAWL_OK) {
        lua_pushstring(L, trawl_errmsg(e));
        return 2;
    }
    return 1;
}

static const luaL_Reg SYS[] = {
    {"write", sys_write}, {"ewrite", sys_ewrite}, {"readline", sys_readline},
    {"isatty", sys_isatty}, {"load_rules", sys_load_rules}, {"writefile", sys_writefile},
    {"read_articles", sys_read_articles}, {"analyse", sys_analyse}, {NULL, NULL}
};

typedef struct {
    const char *name;
    char **args;
    int nargs;
    trawl_engine *e;
} cmd_args;

/* Under lua_pcall: pushes name, the argument list and sys. */
static int push_call(lua_State *L)
{
    cmd_args *c = lua_touserdata(L, 1);
    lua_pushstring(L, c->name);
    lua_createtable(L, c->nargs, 0);
    for (int i = 0; i < c->nargs; i++) {
        lua_pushstring(L, c->args[i]);
        lua_rawseti(L, -2, i + 1);
    }
    lua_createtable(L, 0, 8);
    lua_pushlightuserdata(L, c->e);
    luaL_setfuncs(L, SYS, 1);
    return 3;
}

int cmd_main(int argc, char **argv)
{
    /* --path and --limit apply to every subcommand; the rest is the command's */
    char **args = calloc((size_t)argc + 1, sizeof *args);
    const char *path = NULL;
    const char **limits = calloc((size_t)argc + 1, sizeof *limits);
    int nargs = 0, nlimits = 0, status = 2;
    trawl_engine *e = NULL;
    if (!args || !limits) { fprintf(stderr, "trawl: out of memory\n"); goto done; }
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--path") == 0 && i + 1 < argc) path = argv[++i];
        else if (strncmp(argv[i], "--path=", 7) == 0) path = argv[i] + 7;
        else if (strcmp(argv[i], "--limit") == 0 && i + 1 < argc) limits[nlimits++] = argv[++i];
        else if (strncmp(argv[i], "--limit=", 8) == 0) limits[nlimits++] = argv[i] + 8;
        else args[nargs++] = argv[i];
    }
    e = trawl_engine_new(NULL, NULL);
    if (!e) { fprintf(stderr, "trawl: out of memory\n"); goto done; }
    if (path && trawl_engine_set_path(e, path)) { fprintf(stderr, "trawl: %s\n", trawl_errmsg(e)); goto done; }
    for (int i = 0; i < nlimits; i++) {
        const char *eq = strchr(limits[i], '=');
        char name[32];
        size_t n = eq ? (size_t)(eq - limits[i]) : 0;
        int which = -1;
        char *end = NULL;
        long long v = -1;
        if (eq && n < sizeof name) {
            memcpy(name, limits[i], n);
            name[n] = 0;
            which = trawl_limit_by_name(name);
            v = strtoll(eq + 1, &end, 10);
        }
        if (which < 0 || !end || *end || v < 0) {
            fprintf(stderr, "trawl: bad --limit '%s' (NAME=N; names: article, steps, memory, match, depth, heap, time)\n",
                    limits[i]);
            goto done;
        }
        trawl_engine_limit(e, which, v);
    }
    lua_State *L = engine_state(e);
    cmd_args c = {argv[0], args, nargs, e};
    lua_pushcfunction(L, push_call);
    lua_pushlightuserdata(L, &c);
    if (lua_pcall(L, 1, 3, 0) != LUA_OK) { fprintf(stderr, "trawl: out of memory\n"); goto done; }
    if (engine_call_driver(e, "command", 3, 1) != TRAWL_OK) {
        fflush(stdout);
        fprintf(stderr, "trawl %s: %s\n", argv[0], trawl_errmsg(e));
        goto done;
    }
    status = lua_isinteger(L, -1) ? (int)lua_tointeger(L, -1) : 2;
    lua_pop(L, 1);
    if (fflush(stdout) != 0) status = 2;
done:
    trawl_engine_free(e);
    free(args);
    free(limits);
    return status;
}
