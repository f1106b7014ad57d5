/* Limits and sandbox: hostile rules and inputs must end in an error record
 * that names the limit (or the refusal), and the engine must keep working
 * for the next article. One row per probe; each gets a fresh engine. Every
 * probe stopped by a step budget is run again with no budget, under a
 * small time limit, and must be stopped by that. */
#include "engine_priv.h"
#include "trawl.h"

#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int pass, fail;

#define CHECK(cond, ...) do { if (cond) pass++; else { fail++; printf("FAIL " __VA_ARGS__); printf("\n"); } } while (0)

/* A probe: the body runs as a rule's run function, except for the article
 * with id "ok", which must then analyse cleanly. */
typedef struct {
    const char *name;
    const char *body;
    int status;              /* expected status for the probe article */
    const char *kind;        /* expected error kind, or NULL when ok */
    const char *msg;         /* substring of the error message */
    long long steps;         /* step limit; 0 for the default (none: the time limit stops it) */
    long long memory;        /* memory limit; 0 for the default */
} probe;


static const probe PROBES[] = {
    /* finding 1: Lua's own pattern functions, called and as methods */
    {"pattern find", "string.find(('a'):rep(250), '.-.-.-.-b$')", TRAWL_ELIMIT, "limit", "Lua pattern", 3000000, 0},
    {"pattern method find", "local s = ('a'):rep(250) s:find('.-.-.-.-b$')", TRAWL_ELIMIT, "limit", "Lua pattern", 3000000, 0},
    {"pattern match", "local s = ('a'):rep(250) local m = s:match('.-.-.-.-b$')", TRAWL_ELIMIT, "limit", "Lua pattern", 3000000, 0},
    {"pattern gmatch", "for x in ('a'):rep(300):gmatch('.-.-.-b') do end", TRAWL_ELIMIT, "limit", "Lua pattern", 3000000, 0},
    {"pattern gsub", "local s = ('a'):rep(300):gsub('(.-)(.-)(.-)b', 'x')", TRAWL_ELIMIT, "limit", "Lua pattern", 3000000, 0},
    {"pattern via getmetatable-free index", "local f = ('').find f(('a'):rep(250), '.-.-.-.-b$')", TRAWL_ELIMIT, "limit", "Lua pattern", 3000000, 0},
    {"pattern under pcall loop", "local s = ('a'):rep(250) while true do pcall(string.find, s, '.-.-.-.-b$') end",
     TRAWL_ELIMIT, "limit", "step limit", 3000000, 0},
    {"pattern caught then return", "local s = ('a'):rep(250) pcall(string.find, s, '.-.-.-.-b$')",
     TRAWL_ELIMIT, "limit", "step limit", 3000000, 0},
    {"plain find quadratic", "local s = ('a'):rep(1000000) local n = ('a'):rep(500000) .. 'b' s:find(n, 1, true)",
     TRAWL_ELIMIT, "limit", "string.find", 3000000, 0},
    {"rep of empty strings", "assert(('').rep('', math.maxinteger) == '') assert(string.rep('', math.maxinteger, '') == '')",
     TRAWL_OK, NULL, NULL, 3000000, 0},
    {"table.move runaway", "table.move({}, 1, 1e15, 2)", TRAWL_ELIMIT, "limit", "table.move", 3000000, 0},
    /* finding 2: PCRE2 limits */
    {"regex a*a*a*\\d", "re([[a*a*a*\\d]]):find(('a'):rep(2000) .. '!')", TRAWL_ELIMIT, "limit", "regex limit hit", 3000000, 0},
    {"regex (a+)+$", "re([[(a+)+$]]):find(('a'):rep(40) .. '!')", TRAWL_ELIMIT, "limit", "regex limit hit", 3000000, 0},
    {"regex on the doc", "re([[(?:a|aa)*\\d]]):find(doc)", TRAWL_OK, NULL, NULL, 0, 0},
    {"regex in a loop", "local r = re([[(?:a|aa)*\\d]]) while true do r:find(doc) end", TRAWL_ELIMIT, "limit", "step limit",
     3000000, 0},
    /* finding 4: shared state cannot be changed (rows below and in tamper_test) */
    {"string table read-only", "string.upper = nil", TRAWL_ERULE, "rule", "read-only", 0, 0},
    {"string metatable locked", "getmetatable('').__index.upper = nil", TRAWL_ERULE, "rule", "attempt to index", 0, 0},
    {"pairs does not leak", "local _, t = pairs(string) t.upper = nil", TRAWL_ERULE, "rule", "read-only", 0, 0},
    {"rawset on the library", "rawset(string, 'upper', print)", TRAWL_ERULE, "rule", "read-only", 0, 0},
    {"stages read-only", "stages[1] = 'resolve'", TRAWL_ERULE, "rule", "read-only", 0, 0},
    {"registry internal", "require('trawl.registry')", TRAWL_ERULE, "rule", "internal to trawl", 0, 0},
    {"registry by another name", "require('trawl..registry')", TRAWL_ERULE, "rule", "bad module name", 0, 0},
    /* finding 5: no __gc for rules */
    {"__gc refused", "setmetatable({}, {__gc = function() while true do end end})", TRAWL_ERULE, "rule", "may not set __gc", 0, 0},
    {"__gc false refused", "setmetatable({}, {__gc = false})", TRAWL_ERULE, "rule", "may not set __gc", 0, 0},
    /* finding 6: pcall cannot swallow the budget */
    {"pcall swallow", "while true do pcall(function() while true do end end) end", TRAWL_ELIMIT, "limit", "step limit", 2000000, 0},
    {"nested pcall swallow", "local function f() for i = 1, 330 do end end while true do pcall(pcall, f) pcall(f) end",
     TRAWL_ELIMIT, "limit", "step limit", 2000000, 0},
    {"xpcall swallow", "while true do xpcall(function() while true do end end, function() return 1 end) end",
     TRAWL_ELIMIT, "limit", "step limit", 2000000, 0},
    {"coroutine loop", "while true do coroutine.resume(coroutine.create(function() while true do end end)) end",
     TRAWL_ELIMIT, "limit", "step limit", 2000000, 0},
    {"coroutine wrap ping-pong", "local g = coroutine.wrap(function() while true do coroutine.yield() end end) while true do pcall(g) end",
     TRAWL_ELIMIT, "limit", "step limit", 2000000, 0},
    {"caught limit then return", "pcall(function() while true do end end)", TRAWL_ELIMIT, "limit", "step limit", 2000000, 0},
    /* sandbox probes */
    {"os.execute", "os.execute('id')", TRAWL_ERULE, "rule", "unknown global 'os'", 0, 0},
    {"io.open", "io.open('/etc/passwd')", TRAWL_ERULE, "rule", "unknown global 'io'", 0, 0},
    {"require C module", "require('trawl')", TRAWL_ERULE, "rule", "no module 'trawl'", 0, 0},
    {"require socket", "require('socket.core')", TRAWL_ERULE, "rule", "no module", 0, 0},
    {"package.loadlib", "package.loadlib('libc.so.6', 'system')", TRAWL_ERULE, "rule", "unknown global 'package'", 0, 0},
    {"load bytecode", "load('\\27Lua')", TRAWL_ERULE, "rule", "unknown global 'load'", 0, 0},
    {"string.dump", "string.dump(print)", TRAWL_ERULE, "rule", "dump", 0, 0},
    {"host module", "host.readfile('/etc/passwd')", TRAWL_ERULE, "rule", "unknown global 'host'", 0, 0},
    {"debug", "debug.sethook()", TRAWL_ERULE, "rule", "unknown global 'debug'", 0, 0},
    {"string.rep memory bomb", "local s = string.rep('x', 1 << 40)", TRAWL_ELIMIT, "memory", "memory limit hit", 0, 64 << 20},
    {"string.rep 1 GiB", "local s = ('x'):rep(1 << 30)", TRAWL_ELIMIT, "memory", "memory limit hit", 0, 64 << 20},
    {"doubling string", "local s = 'x' while true do s = s .. s end", TRAWL_ELIMIT, "memory", "memory limit hit", 0, 64 << 20},
    {"growing table", "local t = {} for i = 1, math.maxinteger do t[i] = i end", TRAWL_ELIMIT, NULL, "limit hit", 0, 64 << 20},
    {"collectgarbage stop", "collectgarbage('stop')", TRAWL_ERULE, "rule", "not available to rules", 0, 0},
    {"collectgarbage collect", "collectgarbage('collect')", TRAWL_ERULE, "rule", "not available to rules", 0, 0},
    {"collectgarbage count", "assert(collectgarbage('count') > 0)", TRAWL_OK, NULL, NULL, 0, 0},
    {"infinite loop", "while true do end", TRAWL_ELIMIT, "limit", "step limit hit", 2000000, 0},
    {"deep recursion", "local function f(n) return 1 + f(n + 1) end f(1)", TRAWL_ERULE, "rule", "stack overflow", 0, 0},
    {"C stack: __index", "local t = setmetatable({}, {__index = function(t, k) return t[k] end}) local x = t.x",
     TRAWL_ERULE, "rule", "stack overflow", 0, 0},
    {"C stack: gsub callback", "local function f(s) return (s:gsub('.', f)) end f('ab')", TRAWL_ERULE, "rule", "stack overflow", 0, 0},
    {"C stack: __tostring", "local t t = setmetatable({}, {__tostring = function() return tostring(t) end}) tostring(t)",
     TRAWL_ERULE, "rule", "stack overflow", 0, 0},
    {"error with a table", "error({code = 1})", TRAWL_ERULE, "rule", "table", 0, 0},
    {"error with nil", "error(nil)", TRAWL_ERULE, "rule", "nil", 0, 0},
    {"error with __tostring raising", "error(setmetatable({}, {__tostring = function() error('x') end}))", TRAWL_ERULE, "rule", "", 0, 0},
};

/* The time limit of the time variants, ms: small, so tests stay fast. */
#define TIME_MS 200

static trawl_engine *engine_with(const char *name, const char *src, long long steps, long long memory)
{
    trawl_engine *e = trawl_engine_new(NULL, NULL);
    if (!e) return NULL;
    if (steps) trawl_engine_limit(e, TRAWL_LIMIT_LUA_STEPS, steps);
    if (memory) trawl_engine_limit(e, TRAWL_LIMIT_LUA_MEMORY, memory);
    int rc = trawl_engine_load_string(e, name, src, strlen(src));
    if (rc != TRAWL_OK) {
        printf("FAIL %s: rule did not load: %s\n", name, trawl_errmsg(e));
        fail++;
        trawl_engine_free(e);
        return NULL;
    }
    return e;
}

static const char ARTICLE[] = "Aaaa said \xe2\x80\x9cno\xe2\x80\x9d on Monday, about 20% of 1,200.";

/* Analyses ARTICLE under the given id and frees its doc: the status only. */
static int analyse_sample(trawl_engine *e, const char *id)
{
    trawl_doc *d = NULL;
    int rc = trawl_analyse(e, id, ARTICLE, sizeof ARTICLE - 1, NULL, &d);
    trawl_doc_free(d);
    return rc;
}

/* time_ms > 0: the probe runs with no step limit and that time limit (set
 * after loading, which is not what is tested), and a step-limit message is
 * expected as a time-limit one. */
static void run_probe(const probe *p, long long time_ms)
{
    char src[4096];
    snprintf(src, sizeof src,
             "rule \"test.probe\" { stage = \"quotes\", run = function(doc)\n"
             "  if doc:id() == \"ok\" then return end\n  %s\nend }\n", p->body);
    trawl_engine *e = engine_with(p->name, src, time_ms ? 0 : p->steps, p->memory);
    if (!e) return;
    if (time_ms) trawl_engine_limit(e, TRAWL_LIMIT_TIME, time_ms);
    const char *want = p->msg && time_ms && strstr(p->msg, "step limit") ? "time limit hit" : p->msg;
    const char *tag = time_ms ? " (time)" : "";
    trawl_doc *d = NULL;
    int rc = trawl_analyse(e, "probe", ARTICLE, sizeof ARTICLE - 1, NULL, &d);
    CHECK(rc == p->status, "%s%s: status %d, want %d (%s)", p->name, tag, rc, p->status, trawl_errmsg(e));
    CHECK(d != NULL, "%s%s: no doc", p->name, tag);
    if (d) {
        const char *json = trawl_doc_json(d, 0, NULL);
        const char *err = trawl_doc_error(d);
        CHECK(json && strncmp(json, "{\"id\":\"probe\"", 13) == 0, "%s%s: record %s", p->name, tag, json ? json : "(none)");
        if (want) CHECK(err && strstr(err, want), "%s%s: message «%s», want «%s»", p->name, tag, err ? err : "(none)", want);
        else CHECK(!err, "%s%s: unexpected error %s", p->name, tag, err);
        if (time_ms) CHECK(err && strstr(err, "time limit hit"), "%s%s: not stopped by the time limit: %s", p->name, tag,
                           err ? err : "(none)");
        if (p->kind) {
            char kind[64];
            snprintf(kind, sizeof kind, "\"kind\":\"%s\"", p->kind);
            CHECK(json && strstr(json, kind), "%s%s: record %s, want %s", p->name, tag, json ? json : "(none)", kind);
        }
        if (p->status != TRAWL_OK && p->status != TRAWL_ERULE)
            CHECK(err && strstr(err, "test.probe"), "%s%s: message does not name the rule: %s", p->name, tag, err ? err : "(none)");
        trawl_doc_free(d);
    }
    /* the engine goes on: the next article analyses cleanly */
    rc = analyse_sample(e, "ok");
    CHECK(rc == TRAWL_OK, "%s%s: engine unusable afterwards: %s", p->name, tag, trawl_errmsg(e));
    trawl_engine_free(e);
}

/* Rule A tampers with everything it can reach; rule B, on this article and
 * the next, finds it all intact. */
static void tamper_test(void)
{
    static const char A[] =
        "local tries = {\n"
        "  function() string.upper = nil end,\n"
        "  function() getmetatable('').__index.upper = nil end,\n"
        "  function() local _, t = pairs(string) t.upper = nil end,\n"
        "  function() for k in pairs(string) do string[k] = nil end end,\n"
        "  function() rawset(string, 'upper', function() return 'pwned' end) end,\n"
        "  function() stages[1] = 'resolve' end,\n"
        "  function() table.insert(stages, 'x') end,\n"
        "  function() trawl.version = 'x' end,\n"
        "  function() setmetatable(string, {}) end,\n"
        "  function() require('trawl.registry').run = function() end end,\n"
        "  function() math.floor = nil end,\n"
        "}\n"
        "rule \"test.tamper\" { stage = \"actors\", run = function()\n"
        "  for i, f in ipairs(tries) do if pcall(f) then error('LEAK: tampering ' .. i .. ' worked') end end\n"
        "end }\n";
    static const char B[] =
        "rule \"test.intact\" { stage = \"quotes\", run = function(doc)\n"
        "  assert(('x'):upper() == 'X' and string.upper('y') == 'Y', 'string.upper broken')\n"
        "  assert(stages[1] == 'lexicon' and #stages == 6, 'stages changed')\n"
        "  assert(math.floor(1.5) == 1 and trawl.version ~= 'x', 'library changed')\n"
        "  doc:add('mention', 0, 4, {type = 'person'})\n"
        "end }\n";
    trawl_engine *e = engine_with("tamper A", A, 0, 0);
    if (!e) return;
    int rc = trawl_engine_load_string(e, "intact B", B, sizeof B - 1);
    CHECK(rc == TRAWL_OK, "tamper: B did not load: %s", trawl_errmsg(e));
    for (int i = 0; i < 2; i++) {
        trawl_doc *d = NULL;
        rc = trawl_analyse(e, "t", ARTICLE, sizeof ARTICLE - 1, NULL, &d);
        CHECK(rc == TRAWL_OK, "tamper article %d: %s", i + 1, trawl_errmsg(e));
        const char *json = d ? trawl_doc_json(d, 0, NULL) : NULL;
        CHECK(json && strstr(json, "\"actors\":[{"), "tamper article %d: rule B did not run: %s", i + 1, json ? json : "");
        trawl_doc_free(d);
    }
    trawl_engine_free(e);
}

/* __gc added to a metatable after setmetatable never runs (Lua marks an
 * object for finalisation only when __gc is there at setmetatable time). */
static void late_gc_test(void)
{
    static const char R[] =
        "local ran = {}\n"
        "rule \"test.late_gc\" { stage = \"quotes\", run = function(doc)\n"
        "  if doc:id() == 'first' then\n"
        "    local mt = {} setmetatable({}, mt) mt.__gc = function() ran[#ran + 1] = 1 end\n"
        "  else assert(#ran == 0, 'a late __gc ran') end\n"
        "end }\n";
    trawl_engine *e = engine_with("late gc", R, 0, 0);
    if (!e) return;
    int rc = analyse_sample(e, "first");
    CHECK(rc == TRAWL_OK, "late gc first: %s", trawl_errmsg(e));
    lua_gc(engine_state(e), LUA_GCCOLLECT);
    rc = analyse_sample(e, "second");
    CHECK(rc == TRAWL_OK, "late gc second: %s", trawl_errmsg(e));
    trawl_engine_free(e);
}

/* The bounded pattern functions agree with Lua's (tests/rules/patterns.lua
 * runs the same checks under a stock lua5.4). */
static void patterns_test(void)
{
    trawl_engine *e = trawl_engine_new(NULL, NULL);
    int rc = trawl_engine_load_rules(e, TRAWL_SRCDIR "/tests/rules/patterns.lua");
    CHECK(rc == TRAWL_OK, "patterns.lua load: %s", trawl_errmsg(e));
    rc = analyse_sample(e, "p");
    CHECK(rc == TRAWL_OK, "patterns.lua: %s", trawl_errmsg(e));
    trawl_engine_free(e);
}

/* Rule files' top level runs under the limits too: a step budget, or a
 * time limit alone. */
static void load_limits_test(void)
{
    static const char LOOP[] = "while true do end\n";
    static const char PAT[] = "string.find(('a'):rep(250), '.-.-.-.-b$')\n";
    static const char SWALLOW[] = "while true do pcall(function() while true do end end) end\n";
    for (int timed = 0; timed < 2; timed++) {
        const char *want = timed ? "time limit hit" : "step limit hit";
        trawl_engine *e = trawl_engine_new(NULL, NULL);
        if (timed) trawl_engine_limit(e, TRAWL_LIMIT_TIME, TIME_MS);
        else trawl_engine_limit(e, TRAWL_LIMIT_LUA_STEPS, 1000000);
        int rc = trawl_engine_load_string(e, "loop.lua", LOOP, sizeof LOOP - 1);
        CHECK(rc != TRAWL_OK && strstr(trawl_errmsg(e), want), "looping rule file: %d %s", rc, trawl_errmsg(e));
        rc = trawl_engine_load_string(e, "pattern.lua", PAT, sizeof PAT - 1);
        CHECK(rc != TRAWL_OK && strstr(trawl_errmsg(e), want), "pattern at load: %d %s", rc, trawl_errmsg(e));
        rc = trawl_engine_load_string(e, "swallow.lua", SWALLOW, sizeof SWALLOW - 1);
        CHECK(rc != TRAWL_OK && strstr(trawl_errmsg(e), want), "swallowing rule file: %d %s", rc, trawl_errmsg(e));
        trawl_engine_free(e);
    }
}

/* Under a time limit alone: a token pattern scanned again and again (C work
 * between the hook's chances), and one engine going from a long limit to a
 * short one (the watchdog, asleep towards the long deadline, must take the
 * short one). */
static void time_limit_test(void)
{
    static const char SRC[] =
        "local p = pattern{ {any = true}, {any = true, op = \"*\"}, {lower = \"zzz\"} }\n"
        "rule \"test.scan\" { stage = \"quotes\", run = function(doc)\n"
        "  if doc:id() == \"ok\" then return end\n"
        "  while true do pcall(p.all, p, doc) end\nend }\n";
    trawl_engine *e = engine_with("scan.lua", SRC, 0, 0);
    if (!e) return;
    int rc = analyse_sample(e, "ok");
    CHECK(rc == TRAWL_OK, "scan: ok article under the default limit: %s", trawl_errmsg(e));
    trawl_engine_limit(e, TRAWL_LIMIT_TIME, TIME_MS);
    for (int i = 0; i < 2; i++) {
        trawl_doc *d = NULL;
        rc = trawl_analyse(e, "scan", ARTICLE, sizeof ARTICLE - 1, NULL, &d);
        const char *err = trawl_doc_error(d);
        CHECK(rc == TRAWL_ELIMIT && err && strstr(err, "time limit hit") && strstr(err, "test.scan"),
              "scan %d: %d %s", i, rc, err ? err : "(none)");
        trawl_doc_free(d);
        rc = analyse_sample(e, "ok");
        CHECK(rc == TRAWL_OK, "scan %d: engine unusable afterwards: %s", i, trawl_errmsg(e));
    }
    trawl_engine_free(e);
}

/* The limit setter returns the old value and refuses unknown limits. */
static void setter_test(void)
{
    trawl_engine *e = trawl_engine_new(NULL, NULL);
    long long old = trawl_engine_limit(e, TRAWL_LIMIT_MATCH, 1234);
    CHECK(old == 1000000, "match limit default %lld", old);
    CHECK(trawl_engine_limit(e, TRAWL_LIMIT_MATCH, -1) == 1234, "match limit read back");
    CHECK(trawl_engine_limit(e, TRAWL_LIMIT__COUNT, 1) == -1, "unknown limit");
    CHECK(trawl_engine_limit(NULL, 0, 1) == -1, "no engine");
    CHECK(trawl_limit_by_name("steps") == TRAWL_LIMIT_LUA_STEPS && trawl_limit_by_name("nope") == -1, "limit names");
    CHECK(trawl_limit_by_name("time") == TRAWL_LIMIT_TIME, "time limit name");
    CHECK(trawl_engine_limit(e, TRAWL_LIMIT_TIME, -1) == 10000, "time limit default");
    CHECK(trawl_engine_limit(e, TRAWL_LIMIT_LUA_STEPS, -1) == 0, "no step limit by default");
    trawl_engine_free(e);
}

/* steps = 0 is no step limit (not a budget of none): a loop finishes,
 * with or without a time limit, and the same loop with a small budget is
 * stopped. */
static void no_step_limit_test(void)
{
    static const char SRC[] =
        "rule \"test.long\" { stage = \"quotes\", run = function(doc)\n"
        "  local x = 0\n  for i = 1, 2e6 do x = x + 1 end\n"
        "  doc:add(\"quote\", 0, 4, {kind = \"direct\"})\nend }\n";
    long long caps[3] = {0, 0, 100000};
    for (int k = 0; k < 3; k++) {
        trawl_engine *e = trawl_engine_new(NULL, NULL);
        trawl_engine_limit(e, TRAWL_LIMIT_LUA_STEPS, caps[k]);
        if (k == 1) trawl_engine_limit(e, TRAWL_LIMIT_TIME, 0);
        CHECK(trawl_engine_load_string(e, "long.lua", SRC, sizeof SRC - 1) == TRAWL_OK, "load: %s", trawl_errmsg(e));
        trawl_doc *d = NULL;
        int rc = trawl_analyse(e, "long", ARTICLE, sizeof ARTICLE - 1, NULL, &d);
        if (caps[k] == 0) CHECK(rc == TRAWL_OK && trawl_doc_count(d, "quotes") == 1, "steps=0: %d %s", rc, trawl_errmsg(e));
        else CHECK(rc == TRAWL_ELIMIT, "steps=%lld: %d", caps[k], rc);
        trawl_doc_free(d);
        trawl_engine_free(e);
    }
}

int main(void)
{
    no_step_limit_test();
    for (size_t i = 0; i < sizeof PROBES / sizeof *PROBES; i++) {
        run_probe(&PROBES[i], 0);
        if (PROBES[i].steps && PROBES[i].status == TRAWL_ELIMIT && !strstr(PROBES[i].msg, "regex"))
            run_probe(&PROBES[i], TIME_MS);
    }
    tamper_test();
    late_gc_test();
    patterns_test();
    load_limits_test();
    time_limit_test();
    setter_test();
    printf("%d passed, %d failed\n", pass, fail);
    return fail != 0;
}
