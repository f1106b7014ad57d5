/* The engine: one Lua state, its driver and rules, the limits it runs them
 * under, and the analyse call that turns an article into a record. */
#include "engine_priv.h"
#include "blocks.h"
#include "ctx.h"
#include "doc.h"
#include "lua_trawl.h"
#include "strbuf.h"
#include "utf8.h"
#include "watchdog.h"

#include <lauxlib.h>
#include <lualib.h>
#include <stdarg.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef TRAWL_DATADIR
#define TRAWL_DATADIR "/usr/local/share/trawl"
#endif
#ifndef TRAWL_SRCDIR
#define TRAWL_SRCDIR "."
#endif

struct trawl_engine {
    lua_State *L;
    trawl_alloc_fn alloc;
    void *ud;
    int own_blocks;         /* no host allocator: small blocks come from blk */
    blocks blk;
    size_t used;            /* bytes held through alloc */
    size_t cap;             /* refuse growth past this while > 0 */
    int hit_memory;         /* the cap refused an allocation */
    int input_error;        /* the article's metadata was refused */
    int boot_io;            /* the driver file could not be read */
    trawl_ctx *ctx;         /* limits, the step budget, the deadline (in the registry) */
    watchdog wd;            /* stops rule code past the deadline */
    int driver_ref;
    int rules_loaded;
    char *root;
    char err[2048];
};

struct trawl_doc {
    trawl_engine *e;
    int record_ref;         /* the record table, or LUA_NOREF */
    int strings_ref;        /* strings handed to the host, kept alive here */
    char *json;             /* cached rendering */
    size_t json_len;
    int json_flags;
    char *error;            /* the error message, when it failed */
};

/* Front matter is a few lines of metadata; libyaml's costs grow faster
 * than linearly on hostile input, so it is capped well below the article. */
#define FRONT_MATTER_MAX (64 * 1024)

/* ---- memory --------------------------------------------------------------- */

static void *default_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    (void)ud;
    (void)osize;
    if (nsize == 0) { free(ptr); return NULL; }
    return realloc(ptr, nsize);
}

/* Every byte the engine holds goes through here: the Lua state, PCRE2,
 * docs. The cap is only armed while an article is analysed. */
static void *engine_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    trawl_engine *e = ud;
    size_t old = ptr ? osize : 0;
    if (nsize > old && e->cap && e->used + (nsize - old) > e->cap) {
        e->hit_memory = 1;
        return NULL;
    }
    if (nsize == 0) wd_before_free(&e->wd);
    void *p = e->own_blocks ? blocks_realloc(&e->blk, ptr, old, nsize) : e->alloc(e->ud, ptr, old, nsize);
    if (nsize == 0) { e->used -= old; return NULL; }
    if (!p) return NULL;
    e->used = e->used - old + nsize;
    return p;
}

static void *eng_malloc(trawl_engine *e, size_t n) { return engine_alloc(e, NULL, 0, n); }
static void eng_free(trawl_engine *e, void *p, size_t n) { if (p) engine_alloc(e, p, n, 0); }

static char *eng_strdup(trawl_engine *e, const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = eng_malloc(e, n);
    if (p) memcpy(p, s, n);
    return p;
}

static void eng_strfree(trawl_engine *e, char *s) { if (s) eng_free(e, s, strlen(s) + 1); }

static void set_err(trawl_engine *e, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->err, sizeof e->err, fmt, ap);
    va_end(ap);
}

/* ---- limits ----------------------------------------------------------------- */

static const char *const LIMIT_NAMES[TRAWL_LIMIT__COUNT] = {
    "article", "steps", "memory", "match", "depth", "heap", "time"
};

int trawl_limit_by_name(const char *name)
{
    for (int i = 0; i < TRAWL_LIMIT__COUNT; i++)
        if (strcmp(LIMIT_NAMES[i], name) == 0) return i;
    return -1;
}

long long trawl_engine_limit(trawl_engine *e, int which, long long value)
{
    if (!e || which < 0 || which >= TRAWL_LIMIT__COUNT) return -1;
    trawl_ctx *c = e->ctx;
    long long old = c->limits[which];
    if (value >= 0) {
        c->limits[which] = value;
        ctx_apply_limits(c);
    }
    return old;
}

/* The hook behind the limits on rule code, run on the engine's thread.
 * With a step limit it is set on the main state at a count of
 * CTX_HOOK_PERIOD, and charges the budget; with a time limit the watchdog
 * sets it at a count of 1 past the deadline (watchdog.c), and coroutines
 * carry it at CTX_HOOK_PERIOD (lua_coro.c). Once a limit has run out (here
 * or in a bounded C function, lua_bounded.c) it re-arms itself to fire on
 * every instruction of the state, so a rule that catches the error with
 * pcall is stopped again at once: exhaustion is sticky. */
static void limit_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    trawl_engine *e = *(trawl_engine **)lua_getextraspace(L);
    trawl_ctx *c = e->ctx;
    int count = lua_gethookcount(L);
    if (!c->over) c->steps += count;
    if (!ctx_over(c)) {
        /* count 1 and nothing over: left from an earlier article on a coroutine */
        if (count == 1) lua_sethook(L, limit_hook, LUA_MASKCOUNT, CTX_HOOK_PERIOD);
        return;
    }
    if (count != 1) lua_sethook(L, limit_hook, LUA_MASKCOUNT, 1);
    ctx_raise_over(L, c, NULL);
}

/* Arms the per-call limits (steps, time, memory) around rule code:
 * analysing an article, and loading rule files, whose top level is rule
 * code too. */
static void limits_arm(trawl_engine *e)
{
    trawl_ctx *c = e->ctx;
    long long cap = c->limits[TRAWL_LIMIT_LUA_STEPS];
    ctx_arm(c, cap, c->limits[TRAWL_LIMIT_TIME]);
    e->hit_memory = 0;
    e->cap = e->used + (size_t)c->limits[TRAWL_LIMIT_LUA_MEMORY];
    /* No count hook unless a step budget asks for one: while any count
     * hook is set Lua 5.4 sends every instruction through its hook check,
     * about a seventh of the default rules' time. The deadline is the
     * watchdog's; where none can run, the hook reads the clock instead. */
    int hook = cap > 0;
    if (c->deadline && wd_arm(&e->wd, e->L, limit_hook, c->deadline)) hook = 1;
    if (hook) lua_sethook(e->L, limit_hook, LUA_MASKCOUNT, CTX_HOOK_PERIOD);
}

/* Disarms them; returns the limit that ran out (CTX_OVER_*), even if the
 * rule caught the error and went on. */
static int limits_disarm(trawl_engine *e)
{
    trawl_ctx *c = e->ctx;
    wd_disarm(&e->wd);
    int over = c->over;
    lua_sethook(e->L, NULL, 0, 0);
    ctx_disarm(c);
    e->cap = 0;
    return over;
}

/* The message for a limit that ran out, for the record. */
static void over_message(trawl_ctx *c, int over, char *buf, size_t n)
{
    if (over == CTX_OVER_TIME)
        snprintf(buf, n, "time limit hit: more than %lld ms for one article (raise it with --limit time=MS)",
                 c->limits[TRAWL_LIMIT_TIME]);
    else
        snprintf(buf, n, "step limit hit: more than %lld steps for one article (raise it with --limit steps=N)",
                 c->limits[TRAWL_LIMIT_LUA_STEPS]);
}

/* ---- creation ----------------------------------------------------------------- */

lua_State *engine_state(trawl_engine *e) { return e->L; }
const char *engine_root(trawl_engine *e) { return e->root; }

static void open_safe_libs(lua_State *L)
{
    static const luaL_Reg libs[] = {
        {LUA_GNAME, luaopen_base}, {LUA_TABLIBNAME, luaopen_table}, {LUA_STRLIBNAME, luaopen_string},
        {LUA_MATHLIBNAME, luaopen_math}, {LUA_UTF8LIBNAME, luaopen_utf8},
        {LUA_COLIBNAME, luaopen_coroutine}, {NULL, NULL}
    };
    for (const luaL_Reg *l = libs; l->func; l++) {
        luaL_requiref(L, l->name, l->func, 1);
        lua_pop(L, 1);
    }
    /* the driver reads files through trawl.readfile; nothing loads from disk by name */
    lua_pushnil(L);
    lua_setglobal(L, "dofile");
    lua_pushnil(L);
    lua_setglobal(L, "loadfile");
}

static int open_protected(lua_State *L)
{
    open_safe_libs(L);
    bounded_install(L);
    coro_install(L);
    luaL_requiref(L, "trawl", luaopen_trawl, 0);
    lua_pop(L, 1);
    trawl_engine *e = *(trawl_engine **)lua_getextraspace(L);
    e->ctx = ctx_get(L);
    e->ctx->hook = limit_hook;
    /* lock the string metatable: rules share it */
    lua_pushliteral(L, "");
    if (lua_getmetatable(L, -1)) {
        lua_pushliteral(L, "locked");
        lua_setfield(L, -2, "__metatable");
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return 0;
}

/* Small blocks of our own under the C library's allocator, except where a
 * tool watches every allocation (AddressSanitizer, or a build for valgrind
 * with -DTRAWL_NO_BLOCKS): a free list would hide a use after free there. */
#if defined(__SANITIZE_ADDRESS__) || defined(TRAWL_NO_BLOCKS)
#define OWN_BLOCKS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define OWN_BLOCKS 0
#endif
#endif
#ifndef OWN_BLOCKS
#define OWN_BLOCKS 1
#endif

trawl_engine *trawl_engine_new(trawl_alloc_fn alloc, void *ud)
{
    int own_blocks = !alloc && OWN_BLOCKS;
    if (!alloc) alloc = default_alloc;
    trawl_engine *e = alloc(ud, NULL, 0, sizeof *e);
    if (!e) return NULL;
    memset(e, 0, sizeof *e);
    e->alloc = alloc;
    e->ud = ud;
    e->own_blocks = own_blocks;
    e->driver_ref = LUA_NOREF;
    if (wd_init(&e->wd)) { alloc(ud, e, sizeof *e, 0); return NULL; }
    e->L = lua_newstate(engine_alloc, e);
    if (!e->L) goto fail;
    *(trawl_engine **)lua_getextraspace(e->L) = e;
    /* Collect when the heap reaches 1.5x what was live after the last cycle
     * (Lua's default: 2x): the lexicons stay live for the engine's life, so
     * the default let an engine's heap grow by their whole size again
     * before collecting. Measured on the 4,795-article corpus: 44 -> 32 MiB
     * peak, 2.3% more instructions. */
    lua_gc(e->L, LUA_GCINC, 150, 0, 0);
    lua_pushcfunction(e->L, open_protected);
    if (lua_pcall(e->L, 0, 0, 0) != LUA_OK) {
        lua_close(e->L);
        goto fail;
    }
    return e;
fail:
    wd_free(&e->wd);
    blocks_free_all(&e->blk);
    alloc(ud, e, sizeof *e, 0);
    return NULL;
}

void trawl_engine_free(trawl_engine *e)
{
    if (!e) return;
    wd_free(&e->wd);        /* disarmed: it only sleeps; joined before the state goes */
    lua_close(e->L);
    eng_strfree(e, e->root);
    blocks_free_all(&e->blk);
    trawl_alloc_fn alloc = e->alloc;
    void *ud = e->ud;
    alloc(ud, e, sizeof *e, 0);
}

const char *trawl_errmsg(const trawl_engine *e) { return e ? e->err : "no engine"; }

static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static int root_ok(const char *dir)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s/scripts/trawl/driver.lua", dir);
    return file_exists(buf);
}

int trawl_engine_set_path(trawl_engine *e, const char *dir)
{
    if (!root_ok(dir)) {
        set_err(e, "%s is not a trawl data directory (no scripts/trawl/driver.lua in it)", dir);
        return TRAWL_EARG;
    }
    char *r = eng_strdup(e, dir);
    if (!r) { set_err(e, "not enough memory"); return TRAWL_ENOMEM; }
    eng_strfree(e, e->root);
    e->root = r;
    return TRAWL_OK;
}

static int find_root(trawl_engine *e)
{
    if (e->root) return TRAWL_OK;
    const char *cands[] = {getenv("TRAWL_PATH"), TRAWL_DATADIR, TRAWL_SRCDIR};
    for (size_t i = 0; i < sizeof cands / sizeof *cands; i++)
        if (cands[i] && *cands[i] && root_ok(cands[i])) return trawl_engine_set_path(e, cands[i]);
    set_err(e, "cannot find trawl's scripts: set TRAWL_PATH to the directory holding scripts/ and rules/");
    return TRAWL_EIO;
}

/* Message handler: keeps the message and where it happened in rule code. */
static int msgh(lua_State *L)
{
    const char *msg = lua_tostring(L, 1);
    if (!msg) msg = luaL_typename(L, 1);
    lua_createtable(L, 0, 4);
    lua_Debug ar;
    const char *file = NULL;
    int line = -1;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline > 0 && ar.source[0] == '@' && !strstr(ar.source, "scripts/trawl/")) {
            file = ar.source + 1;
            line = ar.currentline;
            break;
        }
    }
    if (file) {
        char pre[1024];
        snprintf(pre, sizeof pre, "%s:%d:", file, line);
        if (strncmp(msg, pre, strlen(pre)) != 0 && !strstr(msg, pre)) {
            lua_pushfstring(L, "%s %s", pre, msg);
            msg = lua_tostring(L, -1);
            lua_setfield(L, -2, "message");
        } else {
            lua_pushstring(L, msg);
            lua_setfield(L, -2, "message");
        }
        lua_pushstring(L, file);
        lua_setfield(L, -2, "file");
        lua_pushinteger(L, line);
        lua_setfield(L, -2, "line");
    } else {
        lua_pushstring(L, msg);
        lua_setfield(L, -2, "message");
    }
    lua_getfield(L, LUA_REGISTRYINDEX, "trawl.rule");
    lua_setfield(L, -2, "rule");
    return 1;
}

/* Runs f with nargs arguments under msgh; on error fills e->err and, when
 * etab is not NULL, leaves the error table on the stack (*etab = 1). */
static int pcall_msgh(trawl_engine *e, int nargs, int nresults)
{
    lua_State *L = e->L;
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, msgh);
    lua_insert(L, base);
    int rc = lua_pcall(L, nargs, nresults, base);
    lua_remove(L, base);
    if (rc != LUA_OK) {
        const char *m = NULL;
        if (lua_istable(L, -1)) {
            lua_getfield(L, -1, "message");
            lua_getfield(L, -2, "rule");
            m = lua_tostring(L, -2);
            const char *rule = lua_tostring(L, -1);
            if (rule) set_err(e, "%s (rule %s)", m ? m : "error", rule);
            else set_err(e, "%s", m ? m : "error");
            lua_pop(L, 2);
        } else {
            m = lua_tostring(L, -1);
            set_err(e, "%s", m ? m : (rc == LUA_ERRMEM ? "not enough memory" : "error"));
        }
    }
    return rc;
}

/* Loads and runs the driver chunk; inside lua_pcall, as every step can
 * raise a memory error, and outside one that would reach Lua's panic. */
static int boot_main(lua_State *L)
{
    trawl_engine *e = *(trawl_engine **)lua_getextraspace(L);
    const char *path = lua_touserdata(L, 1);
    int rc = luaL_loadfilex(L, path, "t");
    if (rc != LUA_OK) {
        e->boot_io = rc == LUA_ERRFILE;
        return lua_error(L);
    }
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    lua_getfield(L, -1, "trawl");
    lua_remove(L, -2);
    lua_pushstring(L, e->root);
    lua_call(L, 2, 1);
    if (!lua_istable(L, -1)) return luaL_error(L, "%s did not return the driver table", path);
    e->driver_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

static int boot_driver(trawl_engine *e)
{
    if (e->driver_ref != LUA_NOREF) return TRAWL_OK;
    int rc = find_root(e);
    if (rc) return rc;
    lua_State *L = e->L;
    char path[4096];
    snprintf(path, sizeof path, "%s/scripts/trawl/driver.lua", e->root);
    e->boot_io = 0;
    lua_pushcfunction(L, boot_main);
    lua_pushlightuserdata(L, path);
    rc = pcall_msgh(e, 1, 0);
    if (rc != LUA_OK) {
        lua_pop(L, 1);
        e->driver_ref = LUA_NOREF;
        return e->boot_io ? TRAWL_EIO : rc == LUA_ERRMEM ? TRAWL_ENOMEM : TRAWL_ERULE;
    }
    return TRAWL_OK;
}

int engine_call_driver(trawl_engine *e, const char *fname, int nargs, int nresults)
{
    lua_State *L = e->L;
    int rc = boot_driver(e);
    if (rc) { lua_pop(L, nargs); return rc; }
    lua_rawgeti(L, LUA_REGISTRYINDEX, e->driver_ref);
    lua_getfield(L, -1, fname);
    lua_remove(L, -2);
    if (!lua_isfunction(L, -1)) {
        lua_pop(L, nargs + 1);
        set_err(e, "the driver has no function '%s'", fname);
        return TRAWL_ERULE;
    }
    lua_insert(L, -(nargs + 1));
    if (pcall_msgh(e, nargs, nresults) != LUA_OK) {
        lua_pop(L, 1);
        return TRAWL_ERULE;
    }
    return TRAWL_OK;
}

/* Runs a driver loading function under the limits: a rule file's top
 * level is rule code and may loop like any rule. */
static int load_limited(trawl_engine *e, const char *fname, int nargs)
{
    limits_arm(e);
    int rc = engine_call_driver(e, fname, nargs, 0);
    int over = limits_disarm(e);
    if (over && rc == TRAWL_OK) {
        if (over == CTX_OVER_TIME)
            set_err(e, "time limit hit while loading rules (raise it with --limit time=MS)");
        else
            set_err(e, "step limit hit while loading rules (raise it with --limit steps=N)");
        rc = TRAWL_ELIMIT;
    }
    if (rc == TRAWL_OK) e->rules_loaded = 1;
    return rc;
}

typedef struct { const char *a, *b; size_t blen; int n; } push_args;

static int push_strings(lua_State *L)
{
    push_args *p = lua_touserdata(L, 1);
    lua_pushstring(L, p->a);
    if (p->n > 1) lua_pushlstring(L, p->b, p->blen);
    return p->n;
}

/* Pushes one or two strings in protected mode: outside a pcall an
 * allocation failure would end in Lua's panic handler. */
static int push_protected(trawl_engine *e, const char *a, const char *b, size_t blen, int n)
{
    push_args p = {a, b, blen, n};
    lua_pushcfunction(e->L, push_strings);
    lua_pushlightuserdata(e->L, &p);
    if (lua_pcall(e->L, 1, n, 0) != LUA_OK) {
        lua_pop(e->L, 1);
        set_err(e, "not enough memory");
        return TRAWL_ENOMEM;
    }
    return TRAWL_OK;
}

int trawl_engine_load_rules(trawl_engine *e, const char *path)
{
    if (!e || !path) return TRAWL_EARG;
    if (push_protected(e, path, NULL, 0, 1)) return TRAWL_ENOMEM;
    return load_limited(e, "load_rules", 1);
}

int trawl_engine_load_string(trawl_engine *e, const char *name, const char *src, size_t len)
{
    if (!e || !name || (!src && len)) return TRAWL_EARG;
    if (push_protected(e, name, src ? src : "", len, 2)) return TRAWL_ENOMEM;
    return load_limited(e, "load_string", 2);
}

int engine_ready(trawl_engine *e)
{
    int rc = boot_driver(e);
    if (rc) return rc;
    if (!e->rules_loaded) {
        char path[4096];
        snprintf(path, sizeof path, "%s/rules", e->root);
        rc = trawl_engine_load_rules(e, path);
    }
    return rc;
}

/* ---- docs ---------------------------------------------------------------------- */

static void json_escape_into(char *out, size_t cap, const char *s)
{
    size_t o = 0;
    for (; *s && o + 8 < cap; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') { out[o++] = '\\'; out[o++] = (char)c; }
        else if (c == '\n') { out[o++] = '\\'; out[o++] = 'n'; }
        else if (c < 0x20) o += (size_t)snprintf(out + o, cap - o, "\\u%04x", c);
        else out[o++] = (char)c;
    }
    out[o] = 0;
}

static trawl_doc *doc_new(trawl_engine *e)
{
    trawl_doc *d = eng_malloc(e, sizeof *d);
    if (!d) return NULL;
    memset(d, 0, sizeof *d);
    d->e = e;
    d->record_ref = LUA_NOREF;
    d->strings_ref = LUA_NOREF;
    return d;
}

/* Turns d into an error record. The id is made valid UTF-8 for JSON. */
static int doc_fail(trawl_doc *d, const char *id, const char *kind, const char *msg, int status)
{
    trawl_engine *e = d->e;
    char eid[1024], emsg[2048];
    /* msg may be e->err itself, which set_err below overwrites */
    char mcopy[sizeof e->err];
    snprintf(mcopy, sizeof mcopy, "%s", msg);
    msg = mcopy;
    char safeid[512];
    size_t n = strlen(id);
    if (n >= sizeof safeid) n = sizeof safeid - 1;
    memcpy(safeid, id, n);
    safeid[n] = 0;
    size_t ok = utf8_validate((const unsigned char *)safeid, n);
    safeid[ok] = 0;
    json_escape_into(eid, sizeof eid, safeid);
    json_escape_into(emsg, sizeof emsg, msg);
    static const char FMT[] =
        "{\"id\":\"%s\",\"error\":{\"kind\":\"%s\",\"message\":\"%s\"},\"actors\":[],\"quotes\":[],\"figures\":[],\"dates\":[]}";
    int need = snprintf(NULL, 0, FMT, eid, kind, emsg);
    d->json = eng_malloc(e, (size_t)need + 1);
    d->error = eng_strdup(e, msg);
    if (d->json) {
        snprintf(d->json, (size_t)need + 1, FMT, eid, kind, emsg);
        d->json_len = (size_t)need;
        d->json_flags = -1;   /* valid for every flag set */
    }
    set_err(e, "%s: %s", safeid, msg);
    return status;
}

trawl_doc *engine_error_doc(trawl_engine *e, const char *id, const char *kind, const char *msg)
{
    trawl_doc *d = doc_new(e);
    if (!d) return NULL;
    doc_fail(d, id, kind, msg, TRAWL_EINPUT);
    return d;
}

typedef struct {
    const char *id, *text, *meta;
    size_t len, meta_len;
    int meta_kind;
} analyse_args;

/* Runs inside lua_pcall: meta, doc, driver.analyse(doc) -> record. */
static int analyse_main(lua_State *L)
{
    analyse_args *a = lua_touserdata(L, 1);
    trawl_engine *e = *(trawl_engine **)lua_getextraspace(L);
    char err[512];
    int meta_idx = 0;
    if (a->meta_kind == META_JSON && a->meta) {
        e->input_error = 1;
        if (json_push_text(L, a->meta, a->meta_len, err, sizeof err)) return luaL_error(L, "metadata: %s", err);
        if (!lua_istable(L, -1)) return luaL_error(L, "metadata must be a JSON object");
        meta_idx = lua_gettop(L);
    } else if (a->meta_kind == META_YAML && a->meta) {
        e->input_error = 1;
        if (a->meta_len > FRONT_MATTER_MAX)
            return luaL_error(L, "front matter is %d bytes, over the %d-byte limit", (int)a->meta_len, FRONT_MATTER_MAX);
        if (yaml_push(L, a->meta, a->meta_len, "front matter", err, sizeof err)) return luaL_error(L, "%s", err);
        if (lua_isnil(L, -1)) { lua_pop(L, 1); lua_newtable(L); }
        if (!lua_istable(L, -1)) return luaL_error(L, "front matter must be a YAML mapping");
        meta_idx = lua_gettop(L);
    }
    e->input_error = 0;
    doc_push(L, a->id, a->text, a->len, meta_idx);
    int docidx = lua_gettop(L);
    lua_rawgeti(L, LUA_REGISTRYINDEX, e->driver_ref);
    lua_getfield(L, -1, "analyse");
    lua_pushvalue(L, docidx);
    lua_call(L, 1, 1);
    /* the record holds plain data; free the doc's arrays now rather than at
     * the next collection, so memory stays flat over a long batch */
    lua_getmetatable(L, docidx);
    lua_getfield(L, -1, "__close");
    lua_pushvalue(L, docidx);
    lua_call(L, 1, 0);
    lua_pop(L, 1);
    return 1;
}

typedef struct {
    char rule[128];         /* the rule that was running, if any */
    int ref;                /* the record, kept in the registry */
    int keep;
} finish_args;

/* After an analysis, in protected mode (both steps can allocate): notes
 * and clears the running rule, and keeps the record. */
static int finish_main(lua_State *L)
{
    finish_args *f = lua_touserdata(L, 1);
    if (lua_getfield(L, LUA_REGISTRYINDEX, "trawl.rule") == LUA_TSTRING)
        snprintf(f->rule, sizeof f->rule, "%s", lua_tostring(L, -1));
    lua_pop(L, 1);
    lua_pushnil(L);
    lua_setfield(L, LUA_REGISTRYINDEX, "trawl.rule");
    if (f->keep) {
        lua_pushvalue(L, 2);
        f->ref = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    return 0;
}

int engine_analyse(trawl_engine *e, const char *id, const char *text, size_t len,
                   int meta_kind, const char *meta, size_t meta_len, trawl_doc **out)
{
    *out = NULL;
    if (!id) id = "";
    trawl_doc *d = doc_new(e);
    if (!d) { set_err(e, "not enough memory"); return TRAWL_ENOMEM; }
    *out = d;
    trawl_ctx *c = ctx_get(e->L);
    char msg[256];
    if (!text) return doc_fail(d, id, "input", "no text", TRAWL_EINPUT);
    if ((long long)len > c->limits[TRAWL_LIMIT_ARTICLE_BYTES]) {
        snprintf(msg, sizeof msg, "article is %zu bytes, over the %lld-byte limit (raise it with --limit article=N)",
                 len, c->limits[TRAWL_LIMIT_ARTICLE_BYTES]);
        return doc_fail(d, id, "input", msg, TRAWL_EINPUT);
    }
    if (len == 0) return doc_fail(d, id, "input", "empty article", TRAWL_EINPUT);
    const char *nul = memchr(text, 0, len);
    if (nul) {
        snprintf(msg, sizeof msg, "NUL byte at byte offset %zu", (size_t)(nul - text));
        return doc_fail(d, id, "input", msg, TRAWL_EINPUT);
    }
    size_t bad = utf8_validate((const unsigned char *)text, len);
    if (bad < len) {
        snprintf(msg, sizeof msg, "invalid UTF-8 at byte offset %zu", bad);
        return doc_fail(d, id, "input", msg, TRAWL_EINPUT);
    }
    int rc = engine_ready(e);
    if (rc) return doc_fail(d, id, "rule", e->err, rc);

    lua_State *L = e->L;
    analyse_args a = {id, text, meta, len, meta_len, meta_kind};
    limits_arm(e);
    e->input_error = 0;
    lua_pushcfunction(L, analyse_main);
    lua_pushlightuserdata(L, &a);
    int prc = pcall_msgh(e, 1, 1);
    int over = limits_disarm(e);
    finish_args fa = {"", LUA_NOREF, prc == LUA_OK && !over};
    lua_pushcfunction(L, finish_main);
    lua_pushlightuserdata(L, &fa);
    lua_rotate(L, -3, 2);                 /* finish_main, &fa, record or error */
    if (lua_pcall(L, 2, 0, 0) != LUA_OK) {
        lua_pop(L, 1);
        if (prc == LUA_OK) {
            prc = LUA_ERRMEM;
            set_err(e, "not enough memory");
        }
    }
    /* the rule at fault: the one running when the limit ran out, or the
     * one running when the error came (memory errors skip msgh) */
    const char *rule = c->over_rule[0] ? c->over_rule : fa.rule;
    char overmsg[256] = "";
    if (over) over_message(c, over, overmsg, sizeof overmsg);
    if (prc == LUA_OK && over) {
        /* a rule caught the limit error and returned: the limit is still spent */
        prc = LUA_ERRRUN;
        set_err(e, "%s", overmsg);
    }
    if (prc != LUA_OK) {
        int memory = e->hit_memory || prc == LUA_ERRMEM;
        int regex = strstr(e->err, "regex limit hit") != NULL;
        const char *kind = over || regex ? "limit" : memory ? "memory" : e->input_error ? "input" : "rule";
        char m[4096];
        if (over && !strstr(e->err, over == CTX_OVER_TIME ? "time limit hit" : "step limit hit"))
            snprintf(m, sizeof m, "%s; then: %s", overmsg, e->err);
        else if (memory && !over)
            snprintf(m, sizeof m, "memory limit hit: more than %lld bytes for one article (raise it with --limit memory=N)%s%s",
                     c->limits[TRAWL_LIMIT_LUA_MEMORY], e->err[0] ? "; " : "", e->err);
        else
            snprintf(m, sizeof m, "%s", e->err);
        if (rule[0] && !strstr(m, "(rule ")) {
            size_t n = strlen(m);
            snprintf(m + n, sizeof m - n, " (rule %s)", rule);
        }
        lua_gc(L, LUA_GCCOLLECT);
        int st = over || regex || memory ? TRAWL_ELIMIT : e->input_error ? TRAWL_EINPUT : TRAWL_ERULE;
        return doc_fail(d, id, kind, m, st);
    }
    d->record_ref = fa.ref;
    return TRAWL_OK;
}

int trawl_analyse(trawl_engine *e, const char *id, const char *text, size_t len,
                  const char *meta_json, trawl_doc **out)
{
    if (!e || !out) return TRAWL_EARG;
    return engine_analyse(e, id, text, len, meta_json ? META_JSON : META_NONE, meta_json,
                          meta_json ? strlen(meta_json) : 0, out);
}

typedef struct { trawl_doc *d; int flags; } render_args;

static int render_main(lua_State *L)
{
    render_args *a = lua_touserdata(L, 1);
    lua_rawgeti(L, LUA_REGISTRYINDEX, a->d->record_ref);
    strbuf *b = sb_push(L);
    b->flags = a->flags;
    json_encode_value(L, -2, b, 0);
    lua_pushlightuserdata(L, b);
    return 2;
}

const char *trawl_doc_json(trawl_doc *d, int flags, size_t *len)
{
    if (!d) return NULL;
    trawl_engine *e = d->e;
    if (d->json && (d->json_flags == flags || d->json_flags == -1)) {
        if (len) *len = d->json_len;
        return d->json;
    }
    if (d->record_ref == LUA_NOREF) return NULL;
    lua_State *L = e->L;
    render_args a = {d, flags};
    lua_pushcfunction(L, render_main);
    lua_pushlightuserdata(L, &a);
    if (pcall_msgh(e, 1, 2) != LUA_OK) {
        lua_pop(L, 1);
        return NULL;
    }
    strbuf *b = lua_touserdata(L, -1);
    eng_free(e, d->json, d->json_len + 1);
    d->json = eng_malloc(e, b->n + 1);
    if (d->json) {
        memcpy(d->json, b->p ? b->p : "", b->n);
        d->json[b->n] = 0;
        d->json_len = b->n;
        d->json_flags = flags;
    }
    sb_free(b);
    lua_pop(L, 2);
    if (len) *len = d->json ? d->json_len : 0;
    return d->json;
}

const char *trawl_doc_error(trawl_doc *d) { return d ? d->error : NULL; }

/* For record.c, which walks a doc's record: the engine, the record table
 * (pushed; 0 and nothing pushed for an error doc) and a per-doc table that
 * keeps what was handed to the host alive until the doc is freed. */
trawl_engine *doc_engine(trawl_doc *d) { return d->e; }

int doc_push_record(trawl_doc *d)
{
    if (d->record_ref == LUA_NOREF) return 0;
    lua_rawgeti(d->e->L, LUA_REGISTRYINDEX, d->record_ref);
    return 1;
}

void doc_push_keep(trawl_doc *d)
{
    lua_State *L = d->e->L;
    if (d->strings_ref == LUA_NOREF) {
        lua_newtable(L);
        lua_pushvalue(L, -1);
        d->strings_ref = luaL_ref(L, LUA_REGISTRYINDEX);
        return;
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, d->strings_ref);
}

void trawl_doc_free(trawl_doc *d)
{
    if (!d) return;
    trawl_engine *e = d->e;
    if (d->record_ref != LUA_NOREF) luaL_unref(e->L, LUA_REGISTRYINDEX, d->record_ref);
    if (d->strings_ref != LUA_NOREF) luaL_unref(e->L, LUA_REGISTRYINDEX, d->strings_ref);
    if (d->json) eng_free(e, d->json, d->json_len + 1);
    eng_strfree(e, d->error);
    eng_free(e, d, sizeof *d);
}
