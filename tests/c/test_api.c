/* The public API (trawl.h) as a host sees it: every function, the error
 * paths (rule errors with file:line, bad input, limits) and allocation
 * failure at every step of walking a record. Only trawl.h is included. */
#include "trawl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

#define CHECK(cond, ...) do { \
    if (cond) passed++; \
    else { failed++; printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } \
} while (0)

static int has(const char *s, const char *sub) { return s && strstr(s, sub) != NULL; }

/* Rules given as a string: a quote per “...” with a fixed speaker, a
 * figure per percentage, a mention of the first word, and the article's
 * title (from metadata) as a date's value when there is one. */
static const char RULES[] =
    "local q = re([[“([^”]*)”]])\n"
    "rule \"t.quote\" {\n"
    "  stage = \"quotes\",\n"
    "  run = function(doc)\n"
    "    local n = 0\n"
    "    for ms, me, s, e in q:each(doc) do\n"
    "      n = n + 1\n"
    "      local sp = n == 1 and {name = \"Ana Lima\", anonymous = false, start = 0, [\"end\"] = 3} or nil\n"
    "      doc:add(\"quote\", s, e, {kind = \"direct\", speaker = sp, via = {\"one\", \"two\"}})\n"
    "    end\n"
    "  end,\n"
    "}\n"
    "rule \"t.percent\" { stage = \"figures\", regex = [[\\d+(?:\\.\\d+)?%]], layer = \"figure\",\n"
    "  fields = {unit = \"%\", value = 2.5, approx = true} }\n"
    "rule \"t.first\" {\n"
    "  stage = \"actors\",\n"
    "  run = function(doc)\n"
    "    local s, e = doc:tok(1)\n"
    "    doc:add(\"mention\", s, e, {type = \"person\"})\n"
    "    local t = doc:meta().title\n"
    "    if t then doc:add(\"date\", s, e, {value = t}) end\n"
    "  end,\n"
    "}\n";

static const char TEXT[] = "Ana said “we will win” and “maybe 2.5% more” today.";

static trawl_engine *fresh(void)
{
    trawl_engine *e = trawl_engine_new(NULL, NULL);
    if (e && trawl_engine_set_path(e, TRAWL_SRCDIR) != TRAWL_OK) {
        trawl_engine_free(e);
        return NULL;
    }
    return e;
}

static void test_version_status(void)
{
    CHECK(strcmp(trawl_version(), TRAWL_VERSION) == 0, "trawl_version() = %s", trawl_version());
    const int codes[] = {TRAWL_OK, TRAWL_ENOMEM, TRAWL_EINPUT, TRAWL_ERULE, TRAWL_ELIMIT, TRAWL_EIO, TRAWL_EARG};
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++) {
        for (size_t j = 0; j < i; j++)
            CHECK(strcmp(trawl_strerror(codes[i]), trawl_strerror(codes[j])) != 0, "strerror(%d) == strerror(%d)", codes[i], codes[j]);
        CHECK(strcmp(trawl_strerror(codes[i]), "unknown status") != 0, "strerror(%d) unknown", codes[i]);
    }
    CHECK(strcmp(trawl_strerror(-99), "unknown status") == 0, "strerror(-99)");
    CHECK(strcmp(trawl_strerror(TRAWL_ENOMEM), "not enough memory") == 0, "strerror(ENOMEM)");
}

static void test_engine_and_path(void)
{
    trawl_engine *e = trawl_engine_new(NULL, NULL);
    CHECK(e != NULL, "trawl_engine_new");
    if (!e) return;
    CHECK(strcmp(trawl_errmsg(e), "") == 0, "fresh errmsg is empty: %s", trawl_errmsg(e));
    CHECK(trawl_errmsg(NULL) != NULL, "errmsg(NULL) is a string");
    int rc = trawl_engine_set_path(e, "/nonexistent/trawl");
    CHECK(rc == TRAWL_EARG, "set_path on a bad dir: %d", rc);
    CHECK(has(trawl_errmsg(e), "/nonexistent/trawl"), "set_path message names the dir: %s", trawl_errmsg(e));
    CHECK(trawl_engine_set_path(e, TRAWL_SRCDIR) == TRAWL_OK, "set_path on the source tree: %s", trawl_errmsg(e));
    trawl_engine_free(e);
    trawl_engine_free(NULL);
}

static void test_limits(void)
{
    static const char *const names[] = {"article", "steps", "memory", "match", "depth", "heap", "time"};
    static const int which[] = {TRAWL_LIMIT_ARTICLE_BYTES, TRAWL_LIMIT_LUA_STEPS, TRAWL_LIMIT_LUA_MEMORY,
                                TRAWL_LIMIT_MATCH, TRAWL_LIMIT_DEPTH, TRAWL_LIMIT_HEAP, TRAWL_LIMIT_TIME};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        CHECK(trawl_limit_by_name(names[i]) == which[i], "limit_by_name(%s)", names[i]);
    CHECK(trawl_limit_by_name("speed") == -1, "limit_by_name(speed) = -1");
    trawl_engine *e = fresh();
    if (!e) { CHECK(0, "engine"); return; }
    CHECK(trawl_engine_limit(e, TRAWL_LIMIT_TIME, -1) > 0, "a time limit by default");
    long long def = trawl_engine_limit(e, TRAWL_LIMIT_LUA_STEPS, -1);
    CHECK(def == 0, "no steps limit by default: %lld", def);
    CHECK(trawl_engine_limit(e, TRAWL_LIMIT_LUA_STEPS, 12345) == def, "set returns the old value");
    CHECK(trawl_engine_limit(e, TRAWL_LIMIT_LUA_STEPS, -1) == 12345, "read back");
    CHECK(trawl_engine_limit(e, TRAWL_LIMIT__COUNT, 1) == -1, "unknown limit -> -1");
    CHECK(trawl_engine_limit(e, -1, 1) == -1, "negative limit -> -1");
    CHECK(trawl_engine_limit(NULL, 0, 1) == -1, "no engine -> -1");
    trawl_engine_free(e);
}

/* Rule files that fail to load: status and "name:line" in the message. */
static void test_rule_errors(void)
{
    static const struct { const char *name, *src, *want; } rows[] = {
        {"syntax.lua", "rule \"a\" {\n  stage = \"quotes\",\n  run = function(doc) if end,\n}\n", "syntax.lua:3:"},
        {"stage.lua", "\n\nrule \"a.b\" { stage = \"nope\", run = function() end }\n", "stage.lua:3:"},
        {"field.lua", "rule \"a.b\" {\n  stage = \"quotes\", colour = 1,\n  run = function() end }\n", "unknown field 'colour'"},
        {"global.lua", "local x = 1\nlocal y = undefined_thing\n", "global.lua:2:"},
        {"io.lua", "io.open(\"/etc/passwd\")\n", "io.lua:1:"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        trawl_engine *e = fresh();
        if (!e) { CHECK(0, "engine"); return; }
        int rc = trawl_engine_load_string(e, rows[i].name, rows[i].src, strlen(rows[i].src));
        CHECK(rc == TRAWL_ERULE, "%s: status %d, want TRAWL_ERULE", rows[i].name, rc);
        CHECK(has(trawl_errmsg(e), rows[i].want), "%s: «%s» not in «%s»", rows[i].name, rows[i].want, trawl_errmsg(e));
        trawl_engine_free(e);
    }
    trawl_engine *e = fresh();
    if (!e) return;
    int rc = trawl_engine_load_rules(e, "tests/no/such/rules");
    CHECK(rc != TRAWL_OK, "load_rules on a missing path fails");
    CHECK(has(trawl_errmsg(e), "tests/no/such/rules"), "message names the path: %s", trawl_errmsg(e));
    CHECK(trawl_engine_load_rules(e, "tests/rules/raises.lua") == TRAWL_OK, "load_rules on a file: %s", trawl_errmsg(e));
    trawl_engine_free(e);
}

typedef struct { char names[512]; int n, stop_at; } seen;

static int collect(void *ud, const trawl_field *f)
{
    seen *s = ud;
    size_t o = strlen(s->names);
    snprintf(s->names + o, sizeof s->names - o, "%s%s", o ? "," : "", f->name);
    s->n++;
    return s->stop_at && s->n == s->stop_at ? 42 : 0;
}

static void test_walk(void)
{
    trawl_engine *e = fresh();
    if (!e) { CHECK(0, "engine"); return; }
    CHECK(trawl_engine_load_string(e, "t.lua", RULES, strlen(RULES)) == TRAWL_OK, "load_string: %s", trawl_errmsg(e));
    trawl_doc *d = NULL;
    int rc = trawl_analyse(e, "a1", TEXT, strlen(TEXT), "{\"title\": \"T one\"}", &d);
    CHECK(rc == TRAWL_OK && d, "analyse: %d %s", rc, trawl_errmsg(e));
    if (!d) { trawl_engine_free(e); return; }
    CHECK(trawl_doc_error(d) == NULL, "no error");

    /* layers, in output order */
    const char *want_layers[] = {"actors", "quotes", "figures", "dates", NULL};
    for (size_t k = 0; k < 5; k++) {
        const char *l = trawl_doc_layer(d, k);
        CHECK(want_layers[k] ? l && strcmp(l, want_layers[k]) == 0 : l == NULL, "layer %zu: %s", k, l ? l : "NULL");
    }
    CHECK(trawl_doc_count(d, "quotes") == 2, "2 quotes, got %zu", trawl_doc_count(d, "quotes"));
    CHECK(trawl_doc_count(d, "figures") == 1, "1 figure");
    CHECK(trawl_doc_count(d, "actors") == 1, "1 actor");
    CHECK(trawl_doc_count(d, "dates") == 1, "1 date");
    CHECK(trawl_doc_count(d, "nope") == 0, "unknown layer: 0");
    CHECK(trawl_doc_count(d, NULL) == 0, "NULL layer: 0");

    /* spans: quote 0 is the text inside the first “...” */
    size_t s = 0, en = 0;
    const char *open = strstr(TEXT, "we will");
    CHECK(trawl_doc_span(d, "quotes", 0, &s, &en) == TRAWL_OK, "span quote 0");
    CHECK(s == (size_t)(open - TEXT) && en == s + strlen("we will win"), "quote 0 span %zu-%zu", s, en);
    CHECK(trawl_doc_span(d, "actors", 0, &s, &en) == TRAWL_OK && s == 0 && en == 3, "actor span is its first mention: %zu-%zu", s, en);
    CHECK(trawl_doc_span(d, "quotes", 2, &s, &en) == TRAWL_EARG, "span past the end");
    CHECK(trawl_doc_span(d, "quotes", 0, NULL, &en) == TRAWL_EARG, "span NULL out");

    /* fields as text */
    CHECK(has(trawl_doc_field(d, "quotes", 0, "text"), "we will win"), "quote text");
    const char *sp = trawl_doc_field(d, "quotes", 0, "speaker");
    CHECK(sp && strcmp(sp, "Ana Lima") == 0, "speaker shorthand gives the name: %s", sp ? sp : "NULL");
    CHECK(trawl_doc_field(d, "quotes", 1, "speaker") == NULL, "null speaker -> NULL");
    CHECK(trawl_doc_field(d, "quotes", 0, "colour") == NULL, "absent field -> NULL");
    CHECK(trawl_doc_field(d, "quotes", 5, "text") == NULL, "absent item -> NULL");
    const char *v = trawl_doc_field(d, "quotes", 0, "via.1");
    CHECK(v && strcmp(v, "two") == 0, "list position path: %s", v ? v : "NULL");
    const char *dv = trawl_doc_field(d, "dates", 0, "value");
    CHECK(dv && strcmp(dv, "T one") == 0, "metadata reached the rules: %s", dv ? dv : "NULL");

    /* typed fields */
    const trawl_field *f = trawl_doc_get(d, "quotes", 0, "speaker.end");
    CHECK(f && f->type == TRAWL_T_INT && f->integer == 3 && f->number == 3.0 && strcmp(f->text, "3") == 0,
          "speaker.end is the integer 3");
    CHECK(f && strcmp(f->name, "end") == 0, "name is the last path part: %s", f ? f->name : "NULL");
    CHECK(trawl_doc_get(d, "quotes", 0, "speaker.end") == f, "same field, same pointer");
    f = trawl_doc_get(d, "quotes", 0, "speaker");
    CHECK(f && f->type == TRAWL_T_OBJECT && f->count >= 4 && has(f->text, "\"name\":\"Ana Lima\""), "speaker object as JSON: %s",
          f ? f->text : "NULL");
    f = trawl_doc_get(d, "quotes", 1, "speaker");
    CHECK(f && f->type == TRAWL_T_NULL && f->text == NULL, "null speaker is TRAWL_T_NULL");
    f = trawl_doc_get(d, "quotes", 0, "via");
    CHECK(f && f->type == TRAWL_T_LIST && f->count == 2 && strcmp(f->text, "[\"one\",\"two\"]") == 0, "list: %s", f ? f->text : "NULL");
    f = trawl_doc_get(d, "figures", 0, "value");
    CHECK(f && f->type == TRAWL_T_NUMBER && f->number == 2.5 && strcmp(f->text, "2.5") == 0 && f->integer == 2, "number 2.5");
    f = trawl_doc_get(d, "figures", 0, "approx");
    CHECK(f && f->type == TRAWL_T_BOOL && f->integer == 1 && strcmp(f->text, "true") == 0, "boolean");
    f = trawl_doc_get(d, "figures", 0, "unit");
    CHECK(f && f->type == TRAWL_T_STRING && f->len == 1 && strcmp(f->text, "%") == 0, "string");
    f = trawl_doc_get(d, "figures", 0, "rule");
    CHECK(f && strcmp(f->text, "t.percent") == 0, "items carry their rule");
    CHECK(trawl_doc_get(d, "quotes", 0, "via.2") == NULL, "list position past the end");
    CHECK(trawl_doc_get(d, "quotes", 0, "via.x") == NULL, "word into a list");
    CHECK(trawl_doc_get(d, "quotes", 0, "text.0") == NULL, "path into a string");
    CHECK(trawl_doc_get(d, "quotes", 0, "speaker..name") == NULL, "empty path part");

    /* walking fields: output order, nested, stopping */
    seen sn = {{0}, 0, 0};
    rc = trawl_doc_fields(d, "quotes", 0, NULL, collect, &sn);
    CHECK(rc == TRAWL_OK && strcmp(sn.names, "text,start,end,kind,speaker,via,rule") == 0, "quote fields in order: %s", sn.names);
    memset(&sn, 0, sizeof sn);
    rc = trawl_doc_fields(d, "quotes", 0, "speaker", collect, &sn);
    CHECK(rc == TRAWL_OK && strcmp(sn.names, "name,text,start,end,anonymous") == 0, "speaker fields: %s", sn.names);
    memset(&sn, 0, sizeof sn);
    rc = trawl_doc_fields(d, "actors", 0, "mentions", collect, &sn);
    CHECK(rc == TRAWL_OK && strcmp(sn.names, "0") == 0, "list elements named by position: %s", sn.names);
    memset(&sn, 0, sizeof sn);
    sn.stop_at = 2;
    rc = trawl_doc_fields(d, "quotes", 0, "", collect, &sn);
    CHECK(rc == 42 && sn.n == 2, "callback's nonzero stops the walk: %d after %d", rc, sn.n);
    CHECK(trawl_doc_fields(d, "quotes", 0, "text", collect, &sn) == TRAWL_EARG, "fields of a string");
    CHECK(trawl_doc_fields(d, "quotes", 9, NULL, collect, &sn) == TRAWL_EARG, "fields of no item");
    CHECK(trawl_doc_fields(d, "quotes", 0, NULL, NULL, NULL) == TRAWL_EARG, "NULL callback");

    /* JSON: one line, rules only when explaining */
    size_t len = 0;
    const char *j = trawl_doc_json(d, 0, &len);
    CHECK(j && len == strlen(j) && !strchr(j, '\n'), "json is one line");
    CHECK(has(j, "{\"id\":\"a1\"") && has(j, "\"text\":\"we will win\"") && !has(j, "\"rule\""), "json: %s", j ? j : "NULL");
    j = trawl_doc_json(d, TRAWL_JSON_EXPLAIN, NULL);
    CHECK(has(j, "\"rule\":\"t.quote\""), "explained json names the rule");
    trawl_doc_free(d);

    /* a later rule string replaces a rule of the same name */
    static const char ONE[] = "rule \"t.quote\" { stage = \"quotes\", run = function() end }\n";
    CHECK(trawl_engine_load_string(e, "one.lua", ONE, strlen(ONE)) == TRAWL_OK, "load_string again");
    rc = trawl_analyse(e, "a2", TEXT, strlen(TEXT), NULL, &d);
    CHECK(rc == TRAWL_OK && trawl_doc_count(d, "quotes") == 0 && trawl_doc_count(d, "figures") == 1, "rule replaced by name");
    trawl_doc_free(d);
    trawl_engine_free(e);
}

/* Articles that cannot be analysed still give a doc with an error record. */
static void test_bad_input(void)
{
    trawl_engine *e = fresh();
    if (!e) { CHECK(0, "engine"); return; }
    CHECK(trawl_engine_load_string(e, "t.lua", RULES, strlen(RULES)) == TRAWL_OK, "load_string");
    static const struct { const char *id, *text; size_t len; const char *meta; int status; const char *kind, *msg; } rows[] = {
        {"utf8", "ab\xff\xfe", 4, NULL, TRAWL_EINPUT, "input", "invalid UTF-8 at byte offset 2"},
        {"nul", "ab\0cd", 5, NULL, TRAWL_EINPUT, "input", "NUL byte at byte offset 2"},
        {"empty", "", 0, NULL, TRAWL_EINPUT, "input", "empty article"},
        {"null", NULL, 3, NULL, TRAWL_EINPUT, "input", "no text"},
        {"meta", "Fine text.", 10, "{not json", TRAWL_EINPUT, "input", "metadata"},
        {"bad\xffid", "ab\xff", 3, NULL, TRAWL_EINPUT, "input", "invalid UTF-8"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        trawl_doc *d = NULL;
        int rc = trawl_analyse(e, rows[i].id, rows[i].text, rows[i].len, rows[i].meta, &d);
        CHECK(rc == rows[i].status, "%zu: status %d, want %d", i, rc, rows[i].status);
        CHECK(d != NULL, "%zu: a doc even on error", i);
        if (!d) continue;
        CHECK(has(trawl_doc_error(d), rows[i].msg), "%zu: doc error «%s»", i, trawl_doc_error(d) ? trawl_doc_error(d) : "NULL");
        CHECK(has(trawl_errmsg(e), rows[i].msg), "%zu: errmsg «%s»", i, trawl_errmsg(e));
        const char *j = trawl_doc_json(d, 0, NULL);
        char want[64];
        snprintf(want, sizeof want, "\"error\":{\"kind\":\"%s", rows[i].kind);
        CHECK(has(j, want) && has(j, "\"quotes\":[]"), "%zu: error record: %s", i, j ? j : "NULL");
        CHECK(trawl_doc_count(d, "quotes") == 0 && trawl_doc_layer(d, 0) == NULL, "%zu: an error doc has no items", i);
        CHECK(trawl_doc_get(d, "quotes", 0, "text") == NULL, "%zu: get on an error doc", i);
        trawl_doc_free(d);
    }
    trawl_doc *d = (trawl_doc *)1;
    CHECK(trawl_analyse(NULL, "x", "a", 1, NULL, &d) == TRAWL_EARG, "no engine");
    CHECK(trawl_analyse(e, "x", "a", 1, NULL, NULL) == TRAWL_EARG, "no out");
    CHECK(trawl_doc_json(NULL, 0, NULL) == NULL && trawl_doc_error(NULL) == NULL && trawl_doc_count(NULL, "quotes") == 0,
          "NULL doc is harmless");
    trawl_doc_free(NULL);

    /* the article size limit */
    trawl_engine_limit(e, TRAWL_LIMIT_ARTICLE_BYTES, 8);
    int rc = trawl_analyse(e, "big", TEXT, strlen(TEXT), NULL, &d);
    CHECK(rc == TRAWL_EINPUT && has(trawl_doc_error(d), "8-byte limit"), "article limit: %s", trawl_doc_error(d) ? trawl_doc_error(d) : "NULL");
    trawl_doc_free(d);
    trawl_engine_free(e);
}

/* A rule that raises while analysing: the message has file, line and id. */
static void test_runtime_errors(void)
{
    trawl_engine *e = fresh();
    if (!e) { CHECK(0, "engine"); return; }
    CHECK(trawl_engine_load_rules(e, "tests/rules/raises.lua") == TRAWL_OK, "load raises.lua");
    trawl_doc *d = NULL;
    int rc = trawl_analyse(e, "fine", "Some text here.", 15, NULL, &d);
    CHECK(rc == TRAWL_ERULE, "rule error status %d", rc);
    CHECK(has(trawl_errmsg(e), "tests/rules/raises.lua:9:") && has(trawl_errmsg(e), "fine"), "errmsg: %s", trawl_errmsg(e));
    CHECK(has(trawl_doc_json(d, 0, NULL), "\"kind\":\"rule\""), "rule error record");
    trawl_doc_free(d);
    rc = trawl_analyse(e, "other", "Some text here.", 15, NULL, &d);
    CHECK(rc == TRAWL_OK && trawl_doc_count(d, "actors") == 1, "the next article is fine: %d", rc);
    trawl_doc_free(d);
    trawl_engine_free(e);

    e = fresh();
    if (!e) return;
    CHECK(trawl_engine_load_rules(e, "tests/rules/loops.lua") == TRAWL_OK, "load loops.lua");
    trawl_engine_limit(e, TRAWL_LIMIT_LUA_STEPS, 100000);
    rc = trawl_analyse(e, "loop", "Some text.", 10, NULL, &d);
    CHECK(rc == TRAWL_ELIMIT && has(trawl_doc_json(d, 0, NULL), "\"kind\":\"limit\""), "steps limit: %d %s", rc, trawl_errmsg(e));
    trawl_doc_free(d);
    trawl_engine_free(e);

    static const char HOG[] =
        "rule \"t.hog\" { stage = \"quotes\", run = function() local t = {} for i = 1, 1e7 do t[i] = {i} end end }\n";
    e = fresh();
    if (!e) return;
    CHECK(trawl_engine_load_string(e, "hog.lua", HOG, strlen(HOG)) == TRAWL_OK, "load hog");
    trawl_engine_limit(e, TRAWL_LIMIT_LUA_MEMORY, 1 << 20);
    rc = trawl_analyse(e, "hog", "Some text.", 10, NULL, &d);
    CHECK(rc == TRAWL_ELIMIT && has(trawl_doc_json(d, 0, NULL), "\"kind\":\"memory\""), "memory limit: %d %s", rc, trawl_errmsg(e));
    trawl_doc_free(d);
    trawl_engine_limit(e, TRAWL_LIMIT_LUA_MEMORY, 512 << 20);
    trawl_engine_free(e);
}

/* The bundled rules, found without set_path when run from the source tree. */
static void test_default_rules(void)
{
    trawl_engine *e = trawl_engine_new(NULL, NULL);
    if (!e) { CHECK(0, "engine"); return; }
    static const char T[] = "Peskov told reporters: “No scenario of freezing the conflict will suit us.”";
    trawl_doc *d = NULL;
    int rc = trawl_analyse(e, "p", T, strlen(T), NULL, &d);
    CHECK(rc == TRAWL_OK, "default rules: %s", trawl_errmsg(e));
    CHECK(trawl_doc_count(d, "quotes") == 1, "one quote with the default rules");
    CHECK(has(trawl_doc_field(d, "quotes", 0, "text"), "No scenario"), "the quote's text");
    trawl_doc_free(d);
    trawl_engine_free(e);
}

/* ---- allocation failure ---------------------------------------------------- */

typedef struct { long count, fail_at; } failer;

static void *failing_alloc(void *ud, void *p, size_t o, size_t n)
{
    failer *f = ud;
    (void)o;
    if (n == 0) { free(p); return NULL; }
    if (f->fail_at && ++f->count == f->fail_at) return NULL;
    return realloc(p, n);
}

static int count_fields(void *ud, const trawl_field *f)
{
    (void)f;
    ++*(int *)ud;
    return 0;
}

/* Everything a host does after analysing, with the N-th allocation
 * refused, for every N until a run needs no refusal: never a crash or a
 * leak, and every call either works or says so. */
static void walk_all(trawl_doc *d, int *n)
{
    for (size_t k = 0; trawl_doc_layer(d, k); k++) {
        const char *l = trawl_doc_layer(d, k);
        for (size_t i = 0; i < trawl_doc_count(d, l); i++) {
            size_t s, e;
            trawl_doc_span(d, l, i, &s, &e);
            trawl_doc_fields(d, l, i, NULL, count_fields, n);
            trawl_doc_fields(d, l, i, "speaker", count_fields, n);
            if (trawl_doc_get(d, l, i, "text")) ++*n;
            if (trawl_doc_field(d, l, i, "speaker")) ++*n;
        }
    }
    if (trawl_doc_json(d, TRAWL_JSON_EXPLAIN, NULL)) ++*n;
}

static void test_alloc_failure_walk(void)
{
    failer f = {0, 0};
    trawl_engine *e = trawl_engine_new(failing_alloc, &f);
    if (!e || trawl_engine_set_path(e, TRAWL_SRCDIR) || trawl_engine_load_string(e, "t.lua", RULES, strlen(RULES))) {
        CHECK(0, "engine with a failing allocator");
        trawl_engine_free(e);
        return;
    }
    int full = 0;
    trawl_doc *d = NULL;
    CHECK(trawl_analyse(e, "a", TEXT, strlen(TEXT), NULL, &d) == TRAWL_OK, "analyse");
    walk_all(d, &full);
    trawl_doc_free(d);
    int runs = 0, complete = 0;
    for (long n = 1; n < 100000 && !complete; n++) {
        d = NULL;
        if (trawl_analyse(e, "a", TEXT, strlen(TEXT), NULL, &d) != TRAWL_OK) { CHECK(0, "analyse"); trawl_doc_free(d); break; }
        f.count = 0;
        f.fail_at = n;
        int got = 0;
        walk_all(d, &got);
        complete = f.count < n;   /* nothing was refused */
        f.fail_at = 0;
        if (complete) CHECK(got == full, "unrefused walk sees everything: %d of %d", got, full);
        trawl_doc_free(d);
        runs++;
    }
    CHECK(complete && runs > 10, "walked with every allocation refused in turn (%d runs)", runs);
    trawl_engine_free(e);
}

/* Creating an engine, loading rules and analysing with the N-th allocation
 * refused: each N gives a clean status (or NULL engine), never a crash or a
 * leak. Every N up to 400, then every 97th, to keep the run short. */
static void test_alloc_failure_run(void)
{
    int completed = 0, runs = 0;
    for (long n = 1; n < 200000; n += n < 400 ? 1 : 97) {
        failer f = {0, n};
        trawl_engine *e = trawl_engine_new(failing_alloc, &f);
        runs++;
        if (!e) continue;
        int rc = trawl_engine_set_path(e, TRAWL_SRCDIR);
        if (!rc) rc = trawl_engine_load_string(e, "t.lua", RULES, strlen(RULES));
        trawl_doc *d = NULL;
        if (!rc) {
            rc = trawl_analyse(e, "a", TEXT, strlen(TEXT), NULL, &d);
            if (d) CHECK(rc != TRAWL_OK || trawl_doc_count(d, "quotes") == 2 || f.count >= n, "n=%ld: ok but wrong", n);
            if (d && rc != TRAWL_OK && !trawl_doc_json(d, 0, NULL)) CHECK(f.count >= n, "n=%ld: error doc without json", n);
        }
        trawl_doc_free(d);
        trawl_engine_free(e);
        if (f.count < n) { completed = 1; break; }
    }
    CHECK(completed && runs > 400, "a run finished without a refusal after %d runs", runs);
}

int main(void)
{
    test_version_status();
    test_engine_and_path();
    test_limits();
    test_rule_errors();
    test_walk();
    test_bad_input();
    test_runtime_errors();
    test_default_rules();
    test_alloc_failure_walk();
    test_alloc_failure_run();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
