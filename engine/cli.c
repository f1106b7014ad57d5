/* The trawl command: articles in, one JSON line (or YAML, or text) out per
 * article, in input order. */
#define _POSIX_C_SOURCE 200809L
#include "engine_priv.h"
#include "input.h"
#include "trawl.h"

#include <errno.h>
#include <lauxlib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char USAGE[] =
    "usage: trawl [options] [FILE|DIR|-]...\n"
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
    "  --format FMT          json (default), yaml or text\n"
    "  --rules DIR|FILE      load rules from here instead of the bundled ones;\n"
    "                        repeat to add more (later wins by rule name)\n"
    "  --explain             add the rule behind each item to the output\n"
    "  --limit NAME=N        set a per-article limit: article (bytes), steps\n"
    "                        (Lua instructions), memory (bytes), match, depth,\n"
    "                        heap (PCRE2)\n"
    "  --path DIR            trawl's data directory (scripts/, rules/)\n"
    "  -h, --help            show this help\n"
    "  -V, --version         show the version\n"
    "\n"
    "Exit status: 0 all articles analysed, 1 some failed (their error records\n"
    "are in the output), 2 usage or rule-loading error.\n";

typedef struct {
    trawl_engine *e;
    FILE *out;
    const char *format;
    int flags;
    long articles, failed;
    int write_failed;
} run;

static void die_write(run *r)
{
    if (errno == EPIPE) exit(r->failed ? 1 : 0);   /* reader went away: end quietly */
    fprintf(stderr, "trawl: cannot write output: %s\n", strerror(errno));
    r->write_failed = 1;
}

static int render_other(run *r, trawl_doc *d, const char *json, size_t len)
{
    (void)d;
    lua_State *L = engine_state(r->e);
    lua_pushlstring(L, json, len);
    lua_pushstring(L, r->format);
    if (engine_call_driver(r->e, "render", 2, 1) != TRAWL_OK) {
        fprintf(stderr, "trawl: %s\n", trawl_errmsg(r->e));
        return -1;
    }
    size_t n;
    const char *s = lua_tolstring(L, -1, &n);
    if (s && fwrite(s, 1, n, r->out) != n) die_write(r);
    lua_pop(L, 1);
    return 0;
}

static int on_article(void *ud, article *a)
{
    run *r = ud;
    trawl_doc *d = NULL;
    int rc;
    if (a->error) {
        d = engine_error_doc(r->e, a->id, "input", a->error);
        rc = TRAWL_EINPUT;
    } else {
        rc = engine_analyse(r->e, a->id, a->text, a->len, a->meta_kind, a->meta, a->meta_len, &d);
    }
    r->articles++;
    if (rc != TRAWL_OK) {
        r->failed++;
        fprintf(stderr, "trawl: %s\n", trawl_errmsg(r->e));
    }
    if (!d) {
        fprintf(stderr, "trawl: out of memory\n");
        exit(2);
    }
    size_t len;
    const char *json = trawl_doc_json(d, r->flags, &len);
    if (!json) {
        fprintf(stderr, "trawl: %s: cannot render: %s\n", a->id, trawl_errmsg(r->e));
        r->failed++;
    } else if (strcmp(r->format, "json") == 0) {
        if (fwrite(json, 1, len, r->out) != len || fputc('\n', r->out) == EOF) die_write(r);
    } else {
        render_other(r, d, json, len);
    }
    trawl_doc_free(d);
    return r->write_failed;
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

int main(int argc, char **argv)
{
    signal(SIGPIPE, SIG_IGN);
    run r = {0};
    r.out = stdout;
    r.format = "json";
    const char *outpath = NULL, *path = NULL;
    int jsonl = 0;
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
        else if (strcmp(a, "--explain") == 0) r.flags |= TRAWL_JSON_EXPLAIN;
        else if (TAKE("-o") || TAKE("--output")) outpath = val;
        else if (TAKE("--format")) r.format = val;
        else if (TAKE("--rules")) rules[nrules++] = val;
        else if (TAKE("--limit")) limits[nlimits++] = val;
        else if (TAKE("--path")) path = val;
        else if (a[0] == '-' && a[1] != 0) {
            fprintf(stderr, "trawl: unknown option '%s' (see trawl --help)\n", a);
            goto done;
        } else inputs[ninputs++] = a;
#undef TAKE
    }
    if (strcmp(r.format, "json") && strcmp(r.format, "yaml") && strcmp(r.format, "text")) {
        fprintf(stderr, "trawl: unknown format '%s' (json, yaml or text)\n", r.format);
        goto done;
    }
    if (ninputs == 0) {
        fputs(USAGE, stderr);
        goto done;
    }
    r.e = trawl_engine_new(NULL, NULL);
    if (!r.e) { fprintf(stderr, "trawl: out of memory\n"); goto done; }
    if (path && trawl_engine_set_path(r.e, path)) { fprintf(stderr, "trawl: %s\n", trawl_errmsg(r.e)); goto done; }
    for (int i = 0; i < nlimits; i++) {
        if (set_limit(r.e, limits[i])) {
            fprintf(stderr, "trawl: bad --limit '%s' (NAME=N; names: article, steps, memory, match, depth, heap)\n", limits[i]);
            goto done;
        }
    }
    for (int i = 0; i < nrules; i++) {
        if (trawl_engine_load_rules(r.e, rules[i])) { fprintf(stderr, "trawl: %s\n", trawl_errmsg(r.e)); goto done; }
    }
    if (engine_ready(r.e)) { fprintf(stderr, "trawl: %s\n", trawl_errmsg(r.e)); goto done; }
    if (outpath) {
        r.out = fopen(outpath, "w");
        if (!r.out) { fprintf(stderr, "trawl: cannot write %s: %s\n", outpath, strerror(errno)); goto done; }
    }
    for (int i = 0; i < ninputs && !r.write_failed; i++) input_read(inputs[i], jsonl, on_article, &r);
    if (fflush(r.out) != 0) die_write(&r);
    if (r.out != stdout && fclose(r.out) != 0) die_write(&r);
    r.out = stdout;
    status = r.write_failed ? 2 : r.failed ? 1 : 0;
done:
    if (r.out && r.out != stdout) fclose(r.out);
    trawl_engine_free(r.e);
    free(rules);
    free(inputs);
    free(limits);
    return status;
}
