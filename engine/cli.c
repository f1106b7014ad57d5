/* The trawl command: articles in, one JSON line (or YAML, or text) out per
 * article, in input order. */
#define _POSIX_C_SOURCE 200809L
#include "cli_cmds.h"
#include "engine_priv.h"
#include "input.h"
#include "pool.h"
#include "progress.h"
#include "resume.h"
#include "trawl.h"

#include <errno.h>
#include <lauxlib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char USAGE[] =
    "usage: trawl [options] [FILE|DIR|-]...\n"
    "       trawl test|eval|explain|check|repl [options] ...   (trawl CMD --help)\n"
    "\n"
    "Extracts actors, quotes, figures and dates from news articles and writes\n"
    "one JSON object per article (JSON Lines), in input order.\n"
    "\n"
    "Inputs: .txt/.md files (optional YAML front matter), directories (read\n"
    "recursively, sorted), - for stdin, or JSON Lines with --jsonl.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE     write to FILE instead of stdout\n"
    "  --jsonl               inputs are JSON Lines: {\"id\", \"text\", ...metadata}\n"
    "  --format FMT          json (default), yaml, text, or html (one page, all articles)\n"
    "  --rules DIR|FILE      load rules from here instead of the bundled ones;\n"
    "                        repeat to add more (later wins by rule name);\n"
    "                        --rules +DIR loads the bundled rules, then DIR\n"
    "  --explain             add the rule behind each item (and, for quotes, the\n"
    "                        steps that chose the speaker: \"why\") to the output\n"
    "  --limit NAME=N        set a per-article limit: time (ms of wall clock;\n"
    "                        default 10000, 0: none), steps (Lua instructions;\n"
    "                        default 0: none; a count is the same on every\n"
    "                        machine but makes the rules ~14% slower),\n"
    "                        article (bytes), memory (bytes), match, depth,\n"
    "                        heap (PCRE2)\n"
    "  --path DIR            trawl's data directory (scripts/, rules/)\n"
    "  -h, --help            show this help\n"
    "  -V, --version         show the version\n"
    "\n"
    "Exit status: 0 all articles analysed, 1 some failed (their error records\n"
    "are in the output), 2 usage or rule-loading error.\n"
    "\n"
    "Rule authoring (rules/README.md):\n"
    "  trawl test [RULES_DIR...]    run the rules' examples and rules/tests/*.yaml\n"
    "  trawl eval --gold DIR|FILE [ARTICLES...]   precision, recall, F1 per layer\n"
    "  trawl explain FILE           each annotation with the rule that made it\n"
    "  trawl check [RULES_DIR...]   load and validate rules and lexicons\n"
    "  trawl repl [FILE]            a Lua prompt with the article as `doc`\n";

/* How every engine of the run is set up: one per worker thread. */
typedef struct {
    const char *path;
    const char **rules, **limits;
    int nrules, nlimits;
} engine_cfg;

/* One worker: its engine and what to render. */
typedef struct {
    trawl_engine *e;
    const char *format;
    int flags;
} worker;

/* The main thread's side: output, counts, progress, ids to skip. */
typedef struct {
    FILE *out;
    long articles, failed;
    int write_failed, pipe_closed, fatal;
    resume_set *skip;
    long skipped;
    pool *pool;
    progress prog;
} run;

static void add_msg(pool_result *res, const char *fmt, const char *a, const char *b)
{
    char line[4096];
    int n = snprintf(line, sizeof line, fmt, a, b);
    if (n < 0) return;
    if (n >= (int)sizeof line) n = (int)sizeof line - 1;
    size_t old = res->msg ? strlen(res->msg) : 0;
    char *p = realloc(res->msg, old + (size_t)n + 1);
    if (!p) return;
    memcpy(p + old, line, (size_t)n + 1);
    res->msg = p;
}

static void take_output(pool_result *res, const char *s, size_t n, int newline)
{
    res->out = malloc(n + 1);
    if (!res->out) { add_msg(res, "trawl: %s%s\n", "out of memory", ""); res->fatal = 1; return; }
    memcpy(res->out, s, n);
    if (newline) res->out[n++] = '\n';
    res->out_len = n;
}

static void render_other(worker *w, const char *json, size_t len, const article *a, pool_result *res)
{
    lua_State *L = engine_state(w->e);
    lua_pushlstring(L, json, len);
    lua_pushstring(L, w->format);
    if (a->text) lua_pushlstring(L, a->text, a->len); else lua_pushliteral(L, "");
    if (engine_call_driver(w->e, "render", 3, 1) != TRAWL_OK) {
        add_msg(res, "trawl: %s%s\n", trawl_errmsg(w->e), "");
        return;
    }
    size_t n;
    const char *s = lua_tolstring(L, -1, &n);
    if (s) take_output(res, s, n, 0);
    lua_pop(L, 1);
}

/* A worker's job: one article in, its rendered record and messages out. */
static void analyse_one(void *ud, article *a, pool_result *res)
{
    worker *w = ud;
    trawl_doc *d = NULL;
    int rc;
    if (a->error) {
        d = engine_error_doc(w->e, a->id, "input", a->error);
        rc = TRAWL_EINPUT;
    } else {
        rc = engine_analyse(w->e, a->id, a->text, a->len, a->meta_kind, a->meta, a->meta_len, &d);
    }
    if (rc != TRAWL_OK) {
        res->failed++;
        add_msg(res, "trawl: %s%s\n", trawl_errmsg(w->e), "");
    }
    if (!d) {
        add_msg(res, "trawl: %s%s\n", "out of memory", "");
        res->fatal = 1;
        return;
    }
    size_t len;
    const char *json = trawl_doc_json(d, w->flags, &len);
    if (!json) {
        add_msg(res, "trawl: %s: cannot render: %s\n", a->id, trawl_errmsg(w->e));
        res->failed++;
    } else if (strcmp(w->format, "json") == 0) {
        take_output(res, json, len, 1);
    } else {
        render_other(w, json, len, a, res);
    }
    trawl_doc_free(d);
}

/* What the format writes before the first record or after the last (the
 * HTML page's head and tail), on the main thread while no worker runs. */
static int write_frame(trawl_engine *e, const char *format, const char *part, FILE *out)
{
    if (strcmp(format, "html") != 0) return 0;
    lua_State *L = engine_state(e);
    lua_pushstring(L, format);
    lua_pushstring(L, part);
    if (engine_call_driver(e, "render_frame", 2, 1) != TRAWL_OK) {
        fprintf(stderr, "trawl: %s\n", trawl_errmsg(e));
        return 1;
    }
    size_t n;
    const char *s = lua_tolstring(L, -1, &n);
    int bad = s && fwrite(s, 1, n, out) != n;
    lua_pop(L, 1);
    if (bad) fprintf(stderr, "trawl: cannot write output: %s\n", strerror(errno));
    return bad;
}

/* On the main thread, in input order: writes one record. Non-zero stops. */
static int write_one(void *ud, pool_result *res)
{
    run *r = ud;
    r->articles++;
    r->failed += res->failed;
    if (res->msg) {
        if (r->prog.shown) fputs("\r\033[K", stderr);
        fputs(res->msg, stderr);
    }
    if (res->fatal) { r->fatal = 1; return 1; }
    if (res->out && fwrite(res->out, 1, res->out_len, r->out) != res->out_len) {
        if (errno == EPIPE) r->pipe_closed = 1;   /* reader went away: end quietly */
        else { fprintf(stderr, "trawl: cannot write output: %s\n", strerror(errno)); r->write_failed = 1; }
        return 1;
    }
    progress_add(&r->prog, res->in_bytes, res->failed != 0);
    return 0;
}

/* The input reader's callback: skips what --resume found, queues the rest. */
static int on_article(void *ud, article *a)
{
    run *r = ud;
    if (r->skip && a->id && resume_take(r->skip, a->id)) {
        r->skipped++;
        return 0;
    }
    return pool_submit(r->pool, a);
}

static int set_limit(trawl_engine *e, const char *arg)
{
    const char *eq = strchr(arg, '=');
    if (!eq) return -1;
    char name[32];
    size_t n = (size_t)(eq - arg);
    if (n >= sizeof name) return -1;
    memcpy(name, arg, n);
    name[n] = 0;
    int which = trawl_limit_by_name(name);
    char *end;
    long long v = strtoll(eq + 1, &end, 10);
    if (which < 0 || *end || v < 0) return -1;
    trawl_engine_limit(e, which, v);
    return 0;
}

/* lua_close runs finalizers with hooks off, so no limit can stop a
 * runaway one. Rules cannot set __gc (sandbox.lua); this alarm is the
 * backstop that still ends the process once the output is complete.
 * TRAWL_CLOSE_TIMEOUT (seconds, default 10) is there for tests. */
static void close_timeout(int sig)
{
    (void)sig;
    static const char msg[] = "trawl: the rule engine did not shut down in time (a runaway finalizer?)\n";
    if (write(2, msg, sizeof msg - 1) < 0) _exit(2);
    _exit(2);
}

static void close_watchdog(int arm)
{
    if (!arm) { alarm(0); return; }
    const char *t = getenv("TRAWL_CLOSE_TIMEOUT");
    unsigned secs = t && atoi(t) > 0 ? (unsigned)atoi(t) : 10;
    signal(SIGALRM, close_timeout);
    alarm(secs);
}

/* An engine set up as the options say; NULL (message printed) on error. */
static trawl_engine *new_engine(const engine_cfg *c)
{
    trawl_engine *e = trawl_engine_new(NULL, NULL);
    if (!e) { fprintf(stderr, "trawl: out of memory\n"); return NULL; }
    if (c->path && trawl_engine_set_path(e, c->path)) goto fail;
    for (int i = 0; i < c->nlimits; i++) {
        if (set_limit(e, c->limits[i])) {
            fprintf(stderr, "trawl: bad --limit '%s' (NAME=N; names: article, steps, memory, match, depth, heap, time)\n",
                    c->limits[i]);
            trawl_engine_free(e);
            return NULL;
        }
    }
    for (int i = 0; i < c->nrules; i++)
        if (trawl_engine_load_rules(e, c->rules[i])) goto fail;
    if (engine_ready(e)) goto fail;
    return e;
fail:
    fprintf(stderr, "trawl: %s\n", trawl_errmsg(e));
    trawl_engine_free(e);
    return NULL;
}

/* Runs the batch: inputs read on this thread, analysed on jobs workers,
 * written in input order. Returns the exit status. */
static int run_batch(const engine_cfg *cfg, int jobs, const char *format, int flags, int jsonl,
                     const char **inputs, int ninputs, const char *outpath, const char *resume)
{
    run r = {0};
    int status = 2;
    worker *w = calloc((size_t)jobs, sizeof *w);
    void **ws = calloc((size_t)jobs, sizeof *ws);
    if (!w || !ws) { fprintf(stderr, "trawl: out of memory\n"); goto done; }
    for (int i = 0; i < jobs; i++) {
        w[i].e = new_engine(cfg);
        if (!w[i].e) goto done;
        w[i].format = format;
        w[i].flags = flags;
        ws[i] = &w[i];
    }
    r.out = stdout;
    if (resume) {
        char err[1024];
        r.skip = resume_load(resume, err, sizeof err);
        if (!r.skip) { fprintf(stderr, "trawl: --resume: %s\n", err); goto done; }
        outpath = resume;
    }
    if (outpath) {
        r.out = fopen(outpath, resume ? "a" : "w");
        if (!r.out) { fprintf(stderr, "trawl: cannot write %s: %s\n", outpath, strerror(errno)); goto done; }
    }
    if (write_frame(w[0].e, format, "head", r.out)) goto done;
    r.pool = pool_new(ws, jobs, 0, analyse_one, write_one, &r);
    if (!r.pool) { fprintf(stderr, "trawl: cannot start %d worker threads\n", jobs); goto done; }
    progress_init(&r.prog);
    int stop = 0;
    for (int i = 0; i < ninputs && !stop; i++) stop = input_read(inputs[i], jsonl, on_article, &r);
    pool_finish(r.pool);
    progress_end(&r.prog);
    if (!r.pipe_closed && !r.write_failed && !r.fatal && write_frame(w[0].e, format, "tail", r.out)) r.write_failed = 1;
    if (!r.pipe_closed && !r.write_failed && fflush(r.out) != 0) {
        if (errno == EPIPE) r.pipe_closed = 1;
        else { fprintf(stderr, "trawl: cannot write output: %s\n", strerror(errno)); r.write_failed = 1; }
    }
    if (r.out != stdout && fclose(r.out) != 0 && !r.write_failed) {
        fprintf(stderr, "trawl: cannot write output: %s\n", strerror(errno));
        r.write_failed = 1;
    }
    r.out = stdout;
    if (resume) fprintf(stderr, "trawl: resumed: %ld records were already in %s, %ld appended\n",
                        r.skipped, resume, r.articles);
    status = r.fatal || r.write_failed ? 2 : r.failed ? 1 : 0;
done:
    if (r.out && r.out != stdout) fclose(r.out);
    resume_free(r.skip);
    close_watchdog(1);
    for (int i = 0; w && i < jobs; i++) trawl_engine_free(w[i].e);
    close_watchdog(0);
    free(w);
    free(ws);
    return status;
}

int main(int argc, char **argv)
{
    signal(SIGPIPE, SIG_IGN);
    if (argc > 1 && is_subcommand(argv[1])) return cmd_main(argc - 1, argv + 1);
    const char *format = "json", *outpath = NULL, *resume = NULL;
    int jsonl = 0, flags = 0, jobs = 1;
    engine_cfg cfg = {0};
    const char **rules = calloc((size_t)argc + 1, sizeof *rules);
    const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
    const char **limits = calloc((size_t)argc + 1, sizeof *limits);
    int nrules = 0, ninputs = 0, nlimits = 0, status = 2;
    if (!rules || !inputs || !limits) { fprintf(stderr, "trawl: out of memory\n"); return 2; }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
#define TAKE(opt) ((strcmp(a, opt) == 0 && i + 1 < argc) ? (val = argv[++i]) : \
                   (strncmp(a, opt "=", sizeof(opt)) == 0 ? (val = a + sizeof(opt)) : NULL))
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) { fputs(USAGE, stdout); status = 0; goto done; }
        else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) { printf("trawl %s\n", TRAWL_VERSION); status = 0; goto done; }
        else if (strcmp(a, "--jsonl") == 0) jsonl = 1;
        else if (strcmp(a, "--explain") == 0) flags |= TRAWL_JSON_EXPLAIN;
        else if (TAKE("-o") || TAKE("--output")) outpath = val;
        else if (TAKE("--format")) format = val;
        else if (TAKE("--rules")) rules[nrules++] = val;
        else if (TAKE("--limit")) limits[nlimits++] = val;
        else if (TAKE("--path")) cfg.path = val;
        else if (TAKE("--resume")) resume = val;
        else if (TAKE("-j") || TAKE("--jobs") || (strncmp(a, "-j", 2) == 0 && a[2] && (val = a + 2))) {
            char *end;
            long n = strtol(val, &end, 10);
            if (*end || n < 0 || n > 1024) {
                fprintf(stderr, "trawl: bad -j '%s' (a number of threads; 0: one per core)\n", val);
                goto done;
            }
            jobs = n ? (int)n : (int)sysconf(_SC_NPROCESSORS_ONLN);
            if (jobs < 1) jobs = 1;
        } else if (a[0] == '-' && a[1] != 0) {
            fprintf(stderr, "trawl: unknown option '%s' (see trawl --help)\n", a);
            goto done;
        } else inputs[ninputs++] = a;
#undef TAKE
    }
    if (strcmp(format, "json") && strcmp(format, "yaml") && strcmp(format, "text") && strcmp(format, "html")) {
        fprintf(stderr, "trawl: unknown format '%s' (json, yaml, text or html)\n", format);
        goto done;
    }
    /* the page shows which rule made each annotation */
    if (strcmp(format, "html") == 0) flags |= TRAWL_JSON_EXPLAIN;
    if (resume && (strcmp(format, "json") != 0 || (outpath && strcmp(outpath, resume) != 0))) {
        fprintf(stderr, "trawl: --resume appends JSON Lines to its file: no --format or other -o with it\n");
        goto done;
    }
    if (ninputs == 0) {
        fputs(USAGE, stderr);
        goto done;
    }
    cfg.rules = rules;
    cfg.nrules = nrules;
    cfg.limits = limits;
    cfg.nlimits = nlimits;
    status = run_batch(&cfg, jobs, format, flags, jsonl, inputs, ninputs, outpath, resume);
done:
    free(rules);
    free(inputs);
    free(limits);
    return status;
}
