/* The pattern userdata: compiles a rule author's table of token tests into
 * the matcher's program (errors name the item and the field), and matches it
 * over a doc, a span, or sentence by sentence. */
#include "ctx.h"
#include "lua_trawl.h"
#include "pattern.h"

#include <lauxlib.h>
#include <stdio.h>
#include <string.h>

/* uservalue: { [k] = where-filter tables, lexicons = {udata...}, caps = {names}, capidx = {name = slot} } */
enum { UV_TABLE = 1 };

typedef struct {
    lua_State *L;
    pattern *p;
    int uv;                 /* the uservalue table */
    int resolve;            /* the lexicon resolver (function or table), or 0 */
    int nwhere;
    int in_not;
} comp;

static int pat_gc(lua_State *L)
{
    pattern *p = luaL_checkudata(L, 1, PATTERN_MT);
    if (p->alloc) pat_free(p);
    return 0;
}

static pattern *pat_check(lua_State *L, int idx)
{
    pattern *p = luaL_checkudata(L, idx, PATTERN_MT);
    if (!p->prog || !p->nprog) luaL_error(L, "the pattern was not compiled");
    return p;
}

static void *grow(comp *c, void *ptr, size_t *cap, size_t n, size_t size)
{
    if (n < *cap) return ptr;
    size_t nc = *cap ? *cap * 2 : 16;
    void *q = c->p->alloc(c->p->ud, ptr, *cap * size, nc * size);
    if (!q) luaL_error(c->L, "not enough memory");
    *cap = nc;
    return q;
}

static int emit(comp *c, int op, int32_t x, int32_t y)
{
    pattern *p = c->p;
    if (p->nprog >= PAT_MAX_PROG)
        luaL_error(c->L, "pattern too large (more than %d steps once {m,n} copies are made)", PAT_MAX_PROG);
    p->prog = grow(c, p->prog, &p->capprog, p->nprog, sizeof(pat_inst));
    pat_inst *in = &p->prog[p->nprog];
    in->op = (uint8_t)op;
    in->x = x;
    in->y = y;
    return (int)p->nprog++;
}

static int layer_index(comp *c, const char *name)
{
    pattern *p = c->p;
    for (size_t i = 0; i < p->nlayers; i++)
        if (strcmp(p->layers[i], name) == 0) return (int)i;
    char **l = p->alloc(p->ud, p->layers, p->nlayers * sizeof(char *), (p->nlayers + 1) * sizeof(char *));
    if (!l) luaL_error(c->L, "not enough memory");
    p->layers = l;
    size_t n = strlen(name);
    char *copy = p->alloc(p->ud, NULL, 0, n + 1);
    if (!copy) luaL_error(c->L, "not enough memory");
    memcpy(copy, name, n + 1);
    p->layers[p->nlayers] = copy;
    return (int)p->nlayers++;
}

/* The capture slot of a name, made on first use. */
static int cap_slot(comp *c, const char *name, const char *path)
{
    lua_State *L = c->L;
    const char *q = name;
    if (!*q) luaL_error(L, "pattern item %s: 'capture' must be a name", path);
    for (; *q; q++)
        if (!((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9') || *q == '_'))
            luaL_error(L, "pattern item %s: capture name '%s' must be letters, digits and '_'", path, name);
    lua_getfield(L, c->uv, "capidx");
    if (lua_getfield(L, -1, name) != LUA_TNIL) {
        int k = (int)lua_tointeger(L, -1);
        lua_pop(L, 2);
        return k;
    }
    lua_pop(L, 1);
    int k = c->p->ncap++;
    lua_pushinteger(L, k);
    lua_setfield(L, -2, name);
    lua_pop(L, 1);
    lua_getfield(L, c->uv, "caps");
    lua_pushstring(L, name);
    lua_rawseti(L, -2, k + 1);
    lua_getfield(L, c->uv, "captest");
    lua_pushinteger(L, -1);
    lua_rawseti(L, -2, k + 1);
    lua_pop(L, 2);
    return k;
}

/* ---- token tests -------------------------------------------------------------- */

static const char *const KINDS[] = {"word", "number", "punct", "quote", "dash", "symbol", "currency", "url", "email", NULL};

static int kind_of(const char *s)
{
    for (int i = 0; KINDS[i]; i++)
        if (strcmp(s, KINDS[i]) == 0) return i + 1;
    return 0;
}

static const char *const ITEM_KEYS[] = {
    "op", "capture", "alt", "seq", "not", "any", "text", "lower", "shape", "kind", "regex",
    "lexicon", "type", "where", "layer", "inside", "starts", NULL
};

static int is_item_key(const char *k)
{
    for (int i = 0; ITEM_KEYS[i]; i++)
        if (strcmp(k, ITEM_KEYS[i]) == 0) return 1;
    return tw_flag_bit(k) != 0 || kind_of(k) != 0;
}

/* Calls fn(c, value_idx, k) for a string or each string of a list at idx. */
static void each_string(comp *c, int idx, const char *path, const char *field,
                        void (*fn)(comp *, int, void *), void *arg)
{
    lua_State *L = c->L;
    idx = lua_absindex(L, idx);
    if (lua_type(L, idx) == LUA_TSTRING) { fn(c, idx, arg); return; }
    if (!lua_istable(L, idx)) luaL_error(L, "pattern item %s: '%s' must be a string or a list of strings", path, field);
    lua_Integer n = (lua_Integer)lua_rawlen(L, idx);
    if (n == 0) luaL_error(L, "pattern item %s: '%s' is an empty list", path, field);
    for (lua_Integer k = 1; k <= n; k++) {
        if (lua_rawgeti(L, idx, k) != LUA_TSTRING)
            luaL_error(L, "pattern item %s: '%s' entry %d must be a string", path, field, (int)k);
        fn(c, lua_gettop(L), arg);
        lua_pop(L, 1);
    }
}

typedef struct { lexicon *x; const char *path; const char *field; } words_arg;

static void add_word(comp *c, int idx, void *arg)
{
    words_arg *w = arg;
    size_t n;
    const char *s = lua_tolstring(c->L, idx, &n);
    tw_result tmp;
    memset(&tmp, 0, sizeof tmp);
    int rc = lex_add(w->x, s, n, 0, &tmp);
    tw_free(&tmp);
    if (rc < 0) luaL_error(c->L, "not enough memory");
    if (rc == 1) luaL_error(c->L, "pattern item %s: '%s' word '%s' has no tokens", w->path, w->field, s);
}

static void add_kind(comp *c, int idx, void *arg)
{
    const char *s = lua_tostring(c->L, idx);
    int k = kind_of(s);
    if (!k) luaL_error(c->L, "pattern item %s: unknown kind '%s' (word, number, punct, quote, dash, symbol, currency, url, email)",
                       (const char *)((void **)arg)[1], s);
    *(uint32_t *)((void **)arg)[0] |= 1u << k;
}

/* Narrows the test's start set to the bytes in set (the tests all hold:
 * a shape and a regex on one item intersect). */
static void narrow_start(comp *c, pat_test *t, const uint8_t set[32])
{
    pattern *p = c->p;
    if (!t->startset) {
        t->startset = p->alloc(p->ud, NULL, 0, 32);
        if (!t->startset) luaL_error(c->L, "not enough memory");
        memset(t->startset, 0xff, 32);
    }
    for (int k = 0; k < 32; k++) t->startset[k] &= set[k];
}

static void set_range(uint8_t set[32], int lo, int hi)
{
    for (int b = lo; b <= hi; b++) set[b >> 3] |= (uint8_t)(1u << (b & 7));
}

/* The bytes a token of this shape can begin with: its first letter, digit
 * or literal character (non-ASCII letters begin with a lead byte; a shape's
 * digits are ASCII ones only, as tw_shape has them). */
static void shape_start(const char *shape, uint8_t set[32])
{
    unsigned char f = (unsigned char)shape[0];
    if (f == 'd') {
        set_range(set, '0', '9');
    } else if (f == 'X' || f == 'x') {
        if (f == 'X') set_range(set, 'A', 'Z');
        if (f == 'x') set_range(set, 'a', 'z');
        set_range(set, 0xC2, 0xF4);
    } else {
        set_range(set, f, f);
    }
}

/* What PCRE2 knows of how a match of the regex begins: its fewest
 * characters, and the first bytes (studied on an unanchored copy, since
 * PCRE2 only works the start set out for those). */
static void regex_start(comp *c, pat_test *t, const char *rx, size_t n)
{
    uint32_t minlen = 0;
    if (pcre2_pattern_info(t->rx, PCRE2_INFO_MINLENGTH, &minlen) == 0) t->minlen = minlen;
    trawl_ctx *x = ctx_get(c->L);
    int err;
    PCRE2_SIZE off;
    pcre2_code *free_code = pcre2_compile((PCRE2_SPTR)rx, n, PCRE2_UTF, &err, &off, x->cctx);
    if (!free_code) return;
    uint32_t type = 0, unit = 0;
    const uint8_t *bitmap = NULL;
    uint8_t set[32] = {0};
    int known = 0;
    pcre2_pattern_info(free_code, PCRE2_INFO_FIRSTCODETYPE, &type);
    if (type == 1 && pcre2_pattern_info(free_code, PCRE2_INFO_FIRSTCODEUNIT, &unit) == 0 && unit < 0x80) {
        set_range(set, (int)unit, (int)unit);
        /* a caseless first letter: PCRE2 reports one case, and in UTF mode
         * k and s also match the Kelvin and long-s signs */
        int letter = (unit | 32) >= 'a' && (unit | 32) <= 'z';
        if (letter) {
            set_range(set, (int)(unit | 32), (int)(unit | 32));
            set_range(set, (int)(unit & ~32u), (int)(unit & ~32u));
            set_range(set, 0xC2, 0xF4);
        }
        known = 1;
    } else if (type == 0 && pcre2_pattern_info(free_code, PCRE2_INFO_FIRSTBITMAP, &bitmap) == 0 && bitmap) {
        memcpy(set, bitmap, 32);
        known = 1;
    }
    pcre2_code_free(free_code);
    if (known) narrow_start(c, t, set);
}

static void add_shape(comp *c, int idx, void *arg)
{
    pat_test *t = arg;
    pattern *p = c->p;
    size_t n;
    const char *s = lua_tolstring(c->L, idx, &n);
    char *q = p->alloc(p->ud, t->shapes, t->shapeslen, t->shapeslen + n + 1);
    if (!q) luaL_error(c->L, "not enough memory");
    memcpy(q + t->shapeslen, s, n + 1);
    t->shapes = q;
    t->shapeslen += n + 1;
    t->nshapes++;
}

/* Does the table at obj pass the filter table at f (key = value or list of values)? */
static int filter_ok(lua_State *L, int f, int obj)
{
    int ok = 1;
    f = lua_absindex(L, f);
    obj = lua_absindex(L, obj);
    lua_pushnil(L);
    while (ok && lua_next(L, f)) {
        lua_pushvalue(L, -2);
        lua_gettable(L, obj);
        if (lua_istable(L, -2)) {
            int any = 0;
            lua_Integer n = (lua_Integer)lua_rawlen(L, -2);
            for (lua_Integer k = 1; k <= n && !any; k++) {
                lua_rawgeti(L, -2, k);
                any = lua_compare(L, -1, -2, LUA_OPEQ);
                lua_pop(L, 1);
            }
            ok = any;
        } else {
            ok = lua_compare(L, -1, -2, LUA_OPEQ);
        }
        lua_pop(L, 2);
    }
    if (!ok) lua_pop(L, 1);
    return ok;
}

static int new_test(comp *c)
{
    pattern *p = c->p;
    p->tests = grow(c, p->tests, &p->captests, p->ntests, sizeof(pat_test));
    pat_test *t = &p->tests[p->ntests];
    memset(t, 0, sizeof *t);
    t->inside = t->starts = t->not_inside = t->not_starts = -1;
    t->neg = t->words = t->lex = t->layer = t->cap = -1;
    return (int)p->ntests++;
}

static int new_words(comp *c, int mode)
{
    pattern *p = c->p;
    lexicon *w = p->alloc(p->ud, p->words, p->nwords * sizeof(lexicon), (p->nwords + 1) * sizeof(lexicon));
    if (!w) luaL_error(c->L, "not enough memory");
    p->words = w;
    /* counted at once: an error below must leave the array freed with its real size */
    lexicon *x = &p->words[p->nwords++];
    if (lex_init(x, p->alloc, p->ud, mode)) {
        lex_free(x);
        luaL_error(c->L, "not enough memory");
    }
    return (int)p->nwords - 1;
}

/* The lexicon named by the value at idx: a lexicon, or a name the resolver knows. */
static int lexicon_arg(comp *c, int idx, const char *path)
{
    lua_State *L = c->L;
    idx = lua_absindex(L, idx);
    if (lua_type(L, idx) == LUA_TSTRING) {
        if (!c->resolve)
            luaL_error(L, "pattern item %s: lexicon '%s': pass a lexicon (lexicon \"%s\"), or give "
                       "pattern{} a {lexicon = function(name) ... end} resolver", path, lua_tostring(L, idx),
                       lua_tostring(L, idx));
        if (lua_isfunction(L, c->resolve)) {
            lua_pushvalue(L, c->resolve);
            lua_pushvalue(L, idx);
            if (lua_pcall(L, 1, 1, 0) != LUA_OK)
                luaL_error(L, "pattern item %s: lexicon '%s': %s", path, lua_tostring(L, idx), lua_tostring(L, -1));
        } else {
            lua_pushvalue(L, idx);
            lua_gettable(L, c->resolve);
        }
        if (!luaL_testudata(L, -1, LEXICON_MT))
            luaL_error(L, "pattern item %s: no lexicon '%s'", path, lua_tostring(L, idx));
        lua_replace(L, idx);
    }
    if (!luaL_testudata(L, idx, LEXICON_MT))
        luaL_error(L, "pattern item %s: 'lexicon' must be a lexicon or its name", path);
    pattern *p = c->p;
    lexicon *x = lexicon_check(L, idx);
    for (size_t i = 0; i < p->nlex; i++)
        if (p->lex[i] == x) return (int)i;
    lexicon **l = p->alloc(p->ud, p->lex, p->nlex * sizeof(lexicon *), (p->nlex + 1) * sizeof(lexicon *));
    if (!l) luaL_error(L, "not enough memory");
    p->lex = l;
    p->lex[p->nlex++] = x;   /* counted at once, as in new_words */
    lua_getfield(L, c->uv, "lexicons");
    lua_pushvalue(L, idx);
    lua_rawseti(L, -2, (lua_Integer)p->nlex);
    lua_pop(L, 1);
    return (int)p->nlex - 1;
}

/* Compiles the token tests of the item at idx into a new test; returns its index. */
static int compile_test(comp *c, int idx, const char *path)
{
    lua_State *L = c->L;
    idx = lua_absindex(L, idx);
    int ti = new_test(c);
    int choosers = 0;
    int filter = 0;          /* stack index of the type/where filter table */
    /* flags and kind names */
    for (lua_pushnil(L); lua_next(L, idx); lua_pop(L, 1)) {
        if (lua_type(L, -2) != LUA_TSTRING) continue;
        const char *k = lua_tostring(L, -2);
        uint32_t bit = tw_flag_bit(k);
        int kind = kind_of(k);
        if (bit && !(strcmp(k, "lower") == 0 && lua_type(L, -1) != LUA_TBOOLEAN)) {
            if (lua_type(L, -1) != LUA_TBOOLEAN) luaL_error(L, "pattern item %s: '%s' must be true or false", path, k);
            pat_test *t = &c->p->tests[ti];
            if (lua_toboolean(L, -1)) t->fset |= bit; else t->fclear |= bit;
        } else if (kind) {
            if (lua_type(L, -1) != LUA_TBOOLEAN) luaL_error(L, "pattern item %s: '%s' must be true or false", path, k);
            pat_test *t = &c->p->tests[ti];
            if (lua_toboolean(L, -1)) t->kinds |= 1u << kind; else t->nkinds |= 1u << kind;
        }
    }
    if (lua_getfield(L, idx, "kind") != LUA_TNIL) {
        uint32_t kinds = 0;
        void *arg[2] = {&kinds, (void *)path};
        each_string(c, -1, path, "kind", add_kind, arg);
        c->p->tests[ti].kinds |= kinds;
    }
    lua_pop(L, 1);
    if (lua_getfield(L, idx, "any") != LUA_TNIL && lua_toboolean(L, -1) != 1)
        luaL_error(L, "pattern item %s: 'any' must be true", path);
    lua_pop(L, 1);
    static const char *const WORD_FIELDS[] = {"text", "lower"};
    for (int f = 0; f < 2; f++) {
        int ty = lua_getfield(L, idx, WORD_FIELDS[f]);
        if (ty == LUA_TSTRING || ty == LUA_TTABLE) {
            choosers++;
            int w = new_words(c, f == 0 ? LEX_SENSITIVE : LEX_INSENSITIVE);
            c->p->tests[ti].words = w;
            words_arg a = {&c->p->words[w], path, WORD_FIELDS[f]};
            each_string(c, -1, path, WORD_FIELDS[f], add_word, &a);
            if (lex_seal(&c->p->words[w])) luaL_error(L, "not enough memory");
        } else if (ty != LUA_TNIL && !(f == 1 && ty == LUA_TBOOLEAN)) {
            luaL_error(L, "pattern item %s: '%s' must be a string or a list of strings", path, WORD_FIELDS[f]);
        }
        lua_pop(L, 1);
    }
    if (lua_getfield(L, idx, "shape") != LUA_TNIL) {
        pat_test *t = &c->p->tests[ti];
        each_string(c, -1, path, "shape", add_shape, t);
        uint8_t set[32] = {0};
        for (const char *sh = t->shapes; sh < t->shapes + t->shapeslen; sh += strlen(sh) + 1) shape_start(sh, set);
        narrow_start(c, t, set);
    }
    lua_pop(L, 1);
    if (lua_getfield(L, idx, "regex") != LUA_TNIL) {
        size_t n;
        const char *rx = lua_tolstring(L, -1, &n);
        if (lua_type(L, -1) != LUA_TSTRING) luaL_error(L, "pattern item %s: 'regex' must be a string", path);
        trawl_ctx *x = ctx_get(L);
        int err;
        PCRE2_SIZE off;
        pcre2_code *code = pcre2_compile((PCRE2_SPTR)rx, n, PCRE2_UTF | PCRE2_ANCHORED | PCRE2_ENDANCHORED,
                                         &err, &off, x->cctx);
        if (!code) {
            PCRE2_UCHAR msg[256];
            pcre2_get_error_message(err, msg, sizeof msg);
            luaL_error(L, "pattern item %s: regex /%s/ at offset %d: %s", path, rx, (int)off, (const char *)msg);
        }
        pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
        c->p->tests[ti].rx = code;
        regex_start(c, &c->p->tests[ti], rx, n);
    }
    lua_pop(L, 1);
    static const char *const LAYER_FIELDS[] = {"inside", "starts", "layer"};
    for (int f = 0; f < 3; f++) {
        int ty = lua_getfield(L, idx, LAYER_FIELDS[f]);
        if (ty != LUA_TNIL) {
            if (ty != LUA_TSTRING) luaL_error(L, "pattern item %s: '%s' must be a layer name", path, LAYER_FIELDS[f]);
            int li = layer_index(c, lua_tostring(L, -1));
            pat_test *t = &c->p->tests[ti];
            if (f == 0) t->inside = li; else if (f == 1) t->starts = li; else { t->layer = li; choosers++; }
        }
        lua_pop(L, 1);
    }
    if (lua_getfield(L, idx, "lexicon") != LUA_TNIL) {
        choosers++;
        c->p->tests[ti].lex = lexicon_arg(c, -1, path);
    }
    int lexidx = lua_gettop(L);
    /* type / where: a filter on lexicon entries or annotations */
    int tyty = lua_getfield(L, idx, "type");
    int whty = lua_getfield(L, idx, "where");
    if (tyty != LUA_TNIL || whty != LUA_TNIL) {
        pat_test *t = &c->p->tests[ti];
        if (t->lex < 0 && t->layer < 0)
            luaL_error(L, "pattern item %s: '%s' needs 'lexicon' or 'layer' in the same item", path,
                       tyty != LUA_TNIL ? "type" : "where");
        if (tyty != LUA_TNIL && tyty != LUA_TSTRING && tyty != LUA_TTABLE)
            luaL_error(L, "pattern item %s: 'type' must be a string or a list of strings", path);
        if (whty != LUA_TNIL && whty != LUA_TTABLE)
            luaL_error(L, "pattern item %s: 'where' must be a table of field = value", path);
        lua_newtable(L);
        filter = lua_gettop(L);
        if (whty == LUA_TTABLE)
            for (lua_pushnil(L); lua_next(L, filter - 1); lua_pop(L, 1)) {
                lua_pushvalue(L, -2);
                lua_pushvalue(L, -2);
                lua_settable(L, filter);
            }
        if (tyty != LUA_TNIL) { lua_pushvalue(L, filter - 2); lua_setfield(L, filter, "type"); }
    }
    if (filter && c->p->tests[ti].lex >= 0) {
        lexicon *x = c->p->lex[c->p->tests[ti].lex];
        pattern *p = c->p;
        uint8_t *ok = p->alloc(p->ud, NULL, 0, x->nentries ? x->nentries : 1);
        if (!ok) luaL_error(L, "not enough memory");
        p->tests[ti].lexok = ok;
        p->tests[ti].nlexok = x->nentries ? x->nentries : 1;
        for (size_t k = 0; k < x->nentries; k++) {
            lexicon_push_entry(L, lexidx, (int32_t)k);
            ok[k] = (uint8_t)filter_ok(L, filter, -1);
            lua_pop(L, 1);
        }
    } else if (filter) {
        lua_pushvalue(L, filter);
        lua_rawseti(L, c->uv, ++c->nwhere);
        c->p->tests[ti].where = c->nwhere;
    }
    lua_settop(L, lexidx - 1);
    if (choosers > 1)
        luaL_error(L, "pattern item %s: only one of 'text', 'lower', 'lexicon' and 'layer' can decide how many "
                   "tokens an item takes; split it into two items", path);
    if (lua_getfield(L, idx, "not") != LUA_TNIL) {
        if (!lua_istable(L, -1)) luaL_error(L, "pattern item %s: 'not' must be a table of token tests", path);
        for (lua_pushnil(L); lua_next(L, -2); lua_pop(L, 1)) {
            const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
            if (!is_item_key(k) || !strcmp(k, "op") || !strcmp(k, "capture") || !strcmp(k, "alt") ||
                !strcmp(k, "seq") || !strcmp(k, "not"))
                luaL_error(L, "pattern item %s: 'not' takes token tests only, not '%s'", path, k);
        }
        int neg = compile_test(c, -1, path);
        c->p->tests[ti].neg = neg;
    }
    lua_pop(L, 1);
    return ti;
}

/* ---- items, sequences, alternatives ------------------------------------------------ */

static int compile_seq(comp *c, int idx, const char *path);

static int has_array(lua_State *L, int idx)
{
    int t = lua_rawgeti(L, idx, 1);
    lua_pop(L, 1);
    return t == LUA_TTABLE;
}

static void parse_op(lua_State *L, int idx, const char *path, int *min, int *max)
{
    *min = *max = 1;
    int t = lua_getfield(L, idx, "op");
    if (t != LUA_TNIL) {
        const char *op = lua_tostring(L, -1);
        int a, b, n = 0;
        char close;
        if (t != LUA_TSTRING) op = "";
        if (!strcmp(op, "?")) { *min = 0; *max = 1; }
        else if (!strcmp(op, "*")) { *min = 0; *max = -1; }
        else if (!strcmp(op, "+")) { *min = 1; *max = -1; }
        else if (sscanf(op, "{%d,%d%c%n", &a, &b, &close, &n) == 3 && close == '}' && op[n] == 0) { *min = a; *max = b; }
        else if (sscanf(op, "{%d,%c%n", &a, &close, &n) == 2 && close == '}' && op[n] == 0) { *min = a; *max = -1; }
        else if (sscanf(op, "{%d%c%n", &a, &close, &n) == 2 && close == '}' && op[n] == 0) { *min = a; *max = a; }
        else luaL_error(L, "pattern item %s: 'op' must be '?', '*', '+', '{m}', '{m,}' or '{m,n}' (got '%s')", path,
                        t == LUA_TSTRING ? lua_tostring(L, -1) : luaL_typename(L, -1));
        if (*min < 0 || (*max >= 0 && *max < *min) || *min > PAT_MAX_REPEAT || *max > PAT_MAX_REPEAT)
            luaL_error(L, "pattern item %s: bad repeat '%s' (0 <= m <= n <= %d)", path, op, PAT_MAX_REPEAT);
        if (*max == 0) luaL_error(L, "pattern item %s: '%s' matches nothing", path, op);
    }
    lua_pop(L, 1);
}

/* Emits the item's body once; returns whether it can match no tokens. */
static int emit_body(comp *c, int idx, const char *path, int test)
{
    lua_State *L = c->L;
    if (test >= 0) { emit(c, OP_TEST, test, 0); return 0; }
    char sub[160];
    if (lua_getfield(L, idx, "seq") != LUA_TNIL) {
        snprintf(sub, sizeof sub, "%s.seq", path);
        int nl = compile_seq(c, lua_gettop(L), sub);
        lua_pop(L, 1);
        return nl;
    }
    lua_pop(L, 1);
    lua_getfield(L, idx, "alt");
    int alt = lua_gettop(L);
    if (!lua_istable(L, alt)) luaL_error(L, "pattern item %s: 'alt' must be a list of alternatives", path);
    lua_Integer n = (lua_Integer)lua_rawlen(L, alt);
    if (n == 0) luaL_error(L, "pattern item %s: 'alt' has no alternatives", path);
    int jumps[64], nj = 0, nullable = 0;
    if (n > 64) luaL_error(L, "pattern item %s: more than 64 alternatives (use a word list or a lexicon)", path);
    for (lua_Integer k = 1; k <= n; k++) {
        int split = -1;
        if (k < n) split = emit(c, OP_SPLIT, 0, 0);
        if (split >= 0) c->p->prog[split].x = (int32_t)c->p->nprog;
        if (lua_rawgeti(L, alt, k) != LUA_TTABLE)
            luaL_error(L, "pattern item %s: alternative %d must be a table", path, (int)k);
        snprintf(sub, sizeof sub, "%s.alt%d", path, (int)k);
        int nl = has_array(L, -1) ? compile_seq(c, lua_gettop(L), sub) : compile_seq(c, 0, sub);
        nullable |= nl;
        lua_pop(L, 1);
        if (k < n) {
            jumps[nj++] = emit(c, OP_JMP, 0, 0);
            c->p->prog[split].y = (int32_t)c->p->nprog;
        }
    }
    for (int j = 0; j < nj; j++) c->p->prog[jumps[j]].x = (int32_t)c->p->nprog;
    lua_pop(L, 1);
    return nullable;
}

static int compile_item(comp *c, int idx, const char *path)
{
    lua_State *L = c->L;
    idx = lua_absindex(L, idx);
    if (!lua_istable(L, idx)) luaL_error(L, "pattern item %s: must be a table of token tests", path);
    int tests = 0, group = 0;
    for (lua_pushnil(L); lua_next(L, idx); lua_pop(L, 1)) {
        if (lua_type(L, -2) != LUA_TSTRING)
            luaL_error(L, "pattern item %s: unexpected list entry (a sequence goes in 'seq = {...}')", path);
        const char *k = lua_tostring(L, -2);
        if (!is_item_key(k)) luaL_error(L, "pattern item %s: unknown test '%s'", path, k);
        if (!strcmp(k, "alt") || !strcmp(k, "seq")) group++;
        else if (strcmp(k, "op") && strcmp(k, "capture")) tests++;
    }
    if (group > 1) luaL_error(L, "pattern item %s: use either 'alt' or 'seq', not both", path);
    if (group && tests) luaL_error(L, "pattern item %s: 'alt' and 'seq' cannot be mixed with token tests", path);
    int min, max;
    parse_op(L, idx, path, &min, &max);
    int slot = -1;
    if (lua_getfield(L, idx, "capture") != LUA_TNIL) {
        if (lua_type(L, -1) != LUA_TSTRING) luaL_error(L, "pattern item %s: 'capture' must be a name", path);
        slot = cap_slot(c, lua_tostring(L, -1), path);
    }
    lua_pop(L, 1);
    int test = group ? -1 : compile_test(c, idx, path);
    if (slot >= 0 && test >= 0) {
        pat_test *t = &c->p->tests[test];
        if (t->lex >= 0 || t->layer >= 0) {
            t->cap = slot;
            lua_getfield(L, c->uv, "captest");
            lua_rawgeti(L, -1, slot + 1);
            lua_Integer prev = lua_tointeger(L, -1);
            lua_pop(L, 1);
            lua_pushinteger(L, prev == -1 ? test : -2);
            lua_rawseti(L, -2, slot + 1);
            lua_pop(L, 1);
        }
    }
    if (slot >= 0) emit(c, OP_SAVE_S, slot, 0);
    int body_nullable = 0;
    for (int k = 0; k < min - (max < 0 && min > 0 ? 1 : 0); k++) body_nullable = emit_body(c, idx, path, test);
    if (max < 0) {
        int top = (int)c->p->nprog;
        if (min > 0) {
            body_nullable = emit_body(c, idx, path, test);
            if (body_nullable) luaL_error(L, "pattern item %s: the item under '+' may match no tokens, so the loop never ends", path);
            emit(c, OP_SPLIT, top, (int32_t)c->p->nprog + 1);
        } else {
            int split = emit(c, OP_SPLIT, top + 1, 0);
            body_nullable = emit_body(c, idx, path, test);
            if (body_nullable) luaL_error(L, "pattern item %s: the item under '*' may match no tokens, so the loop never ends", path);
            emit(c, OP_JMP, top, 0);
            c->p->prog[split].y = (int32_t)c->p->nprog;
        }
    } else if (max > min) {
        int splits[PAT_MAX_REPEAT], ns = 0;
        for (int k = min; k < max; k++) {
            splits[ns] = emit(c, OP_SPLIT, (int32_t)c->p->nprog + 1, 0);
            ns++;
            body_nullable = emit_body(c, idx, path, test);
        }
        for (int k = 0; k < ns; k++) c->p->prog[splits[k]].y = (int32_t)c->p->nprog;
    }
    if (slot >= 0) emit(c, OP_SAVE_E, slot, 0);
    return min == 0 || body_nullable;
}

/* Compiles a sequence of items (idx = 0: the single item on top of the stack). */
static int compile_seq(comp *c, int idx, const char *path)
{
    lua_State *L = c->L;
    if (idx == 0) return compile_item(c, -1, path);
    idx = lua_absindex(L, idx);
    if (!lua_istable(L, idx)) luaL_error(L, "pattern item %s: must be a list of items", path);
    lua_Integer n = (lua_Integer)lua_rawlen(L, idx);
    if (n == 0) luaL_error(L, "pattern item %s: empty sequence", path);
    int nullable = 1;
    char sub[160];
    for (lua_Integer k = 1; k <= n; k++) {
        lua_rawgeti(L, idx, k);
        if (*path) snprintf(sub, sizeof sub, "%s.%d", path, (int)k);
        else snprintf(sub, sizeof sub, "%d", (int)k);
        nullable &= compile_item(c, -1, sub);
        lua_pop(L, 1);
    }
    return nullable;
}

/* trawl.pattern(spec [, {lexicon = resolver}]) -> pattern */
int lt_pattern(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    comp c;
    memset(&c, 0, sizeof c);
    c.L = L;
    if (!lua_isnil(L, 2)) {
        luaL_checktype(L, 2, LUA_TTABLE);
        for (lua_pushnil(L); lua_next(L, 2); lua_pop(L, 1))
            if (lua_type(L, -2) != LUA_TSTRING || strcmp(lua_tostring(L, -2), "lexicon"))
                luaL_error(L, "pattern: unknown option '%s'", lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?");
        lua_getfield(L, 2, "lexicon");
        if (!lua_isnil(L, -1)) {
            if (!lua_isfunction(L, -1) && !lua_istable(L, -1))
                luaL_error(L, "pattern: option 'lexicon' must be a function or a table");
            c.resolve = lua_gettop(L);
        }
    }
    pattern *p = lua_newuserdatauv(L, sizeof(pattern), 1);
    memset(p, 0, sizeof *p);
    luaL_setmetatable(L, PATTERN_MT);
    int ud = lua_gettop(L);
    p->alloc = lua_getallocf(L, &p->ud);
    c.p = p;
    lua_createtable(L, 0, 4);
    c.uv = lua_gettop(L);
    lua_newtable(L); lua_setfield(L, c.uv, "lexicons");
    lua_newtable(L); lua_setfield(L, c.uv, "caps");
    lua_newtable(L); lua_setfield(L, c.uv, "capidx");
    lua_newtable(L); lua_setfield(L, c.uv, "captest");
    lua_pushvalue(L, c.uv);
    lua_setiuservalue(L, ud, UV_TABLE);
    int nullable;
    lua_pushnil(L);
    if (!lua_next(L, 1)) luaL_error(L, "pattern: empty (give a list of items)");
    lua_pop(L, 2);
    if (has_array(L, 1)) {
        for (lua_pushnil(L); lua_next(L, 1); lua_pop(L, 1))
            if (lua_type(L, -2) != LUA_TNUMBER)
                luaL_error(L, "pattern: unexpected key '%s' beside the list of items", lua_tostring(L, -2));
        nullable = compile_seq(&c, 1, "");
    } else {
        lua_pushvalue(L, 1);
        nullable = compile_seq(&c, 0, "1");
        lua_pop(L, 1);
    }
    if (nullable) luaL_error(L, "pattern may match no tokens (make at least one item required)");
    emit(&c, OP_MATCH, 0, 0);
    if (pat_analyse(p)) luaL_error(L, "not enough memory");
    trawl_ctx *x = ctx_get(L);
    p->mctx = x->mctx;
    p->md = pcre2_match_data_create(1, x->gctx);
    if (!p->md) luaL_error(L, "not enough memory");
    size_t ns = (size_t)p->ncap * 3 * sizeof(int32_t);
    if (p->ncap) {
        p->slots = p->alloc(p->ud, NULL, 0, ns);
        p->best = p->alloc(p->ud, NULL, 0, ns);
        p->captest = p->alloc(p->ud, NULL, 0, (size_t)p->ncap * sizeof(int32_t));
        if (!p->slots || !p->best || !p->captest) {
            /* keep pat_free's sizes right: all three or none */
            if (p->slots) p->alloc(p->ud, p->slots, ns, 0);
            if (p->best) p->alloc(p->ud, p->best, ns, 0);
            if (p->captest) p->alloc(p->ud, p->captest, (size_t)p->ncap * sizeof(int32_t), 0);
            p->slots = p->best = p->captest = NULL;
            luaL_error(L, "not enough memory");
        }
        lua_getfield(L, c.uv, "captest");
        for (int k = 0; k < p->ncap; k++) {
            lua_rawgeti(L, -1, k + 1);
            p->captest[k] = (int32_t)lua_tointeger(L, -1);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    if (p->nlayers) {
        p->envlayers = p->alloc(p->ud, NULL, 0, p->nlayers * sizeof(tc_layer *));
        if (!p->envlayers) luaL_error(L, "not enough memory");
    }
    lua_settop(L, ud);
    return 1;
}

/* ---- matching ------------------------------------------------------------------- */

/* d: the doc at docidx, checked by the caller. */
static void env_init(lua_State *L, pattern *p, int patidx, int docidx, tdoc *d, pat_env *env)
{
    env->L = L;
    env->d = d;
    env->docidx = lua_absindex(L, docidx);
    lua_getiuservalue(L, patidx, UV_TABLE);
    env->uvidx = lua_gettop(L);
    env->c = tokcache_get(env->d);
    env->layers = p->envlayers;
    env->ix = NULL;
    pat_reset_memo(p);
    if (!env->c || pat_env_layers(p, env)) luaL_error(L, "not enough memory");
    if (p->indexed && !(env->ix = tokcache_index(env->d))) luaL_error(L, "not enough memory");
}

static int run(lua_State *L, pattern *p, pat_env *env, size_t i, size_t limit, size_t maxend, size_t *end)
{
    int rc = pat_exec(p, env, i, limit, maxend, end);
    if (rc == PAT_ESTEPS)
        return luaL_error(L, "pattern: more than %d steps matching at token %d (the pattern backtracks too much)",
                          PAT_STEP_LIMIT, (int)i + 1);
    if (rc == PAT_ENOMEM) return luaL_error(L, "not enough memory");
    return rc == PAT_OK;
}

/* Pushes the captures of the last match (nil when the pattern has none). */
static void push_caps(lua_State *L, pattern *p, pat_env *env, int patidx)
{
    if (!p->ncap) { lua_pushnil(L); return; }
    lua_createtable(L, 0, p->ncap);
    int t = lua_gettop(L);
    lua_getfield(L, env->uvidx, "caps");
    for (int k = 0; k < p->ncap; k++) {
        int32_t a = p->best[3 * k], b = p->best[3 * k + 1];
        if (a < 0 || b <= a) continue;
        const tw_token *tk = env->d->tw.tok;
        lua_createtable(L, 0, 5);
        lua_pushinteger(L, tk[a].s);
        lua_setfield(L, -2, "start");
        lua_pushinteger(L, tk[b - 1].e);
        lua_setfield(L, -2, "end");
        lua_pushinteger(L, a + 1);
        lua_setfield(L, -2, "first");
        lua_pushinteger(L, b);
        lua_setfield(L, -2, "last");
        int32_t info = p->best[3 * k + 2], test = p->captest[k];
        if (info >= 0 && test >= 0) {
            const pat_test *pt = &p->tests[test];
            if (pt->lex >= 0) {
                lua_getfield(L, env->uvidx, "lexicons");
                lua_rawgeti(L, -1, pt->lex + 1);
                lexicon_push_entry(L, lua_gettop(L), info);
                lua_setfield(L, -4, "entry");
                lua_pop(L, 2);
            } else if (pt->layer >= 0) {
                doc_push_ann(L, env->docidx, info);
                lua_setfield(L, -2, "ann");
            }
        }
        lua_rawgeti(L, -2, k + 1);
        lua_insert(L, -2);
        lua_settable(L, t);
    }
    lua_pop(L, 1);
    (void)patidx;
}

/* pat:match(doc, i) -> j, caps (the longest match starting at token i) or nil */
static int pat_match(lua_State *L)
{
    pattern *p = pat_check(L, 1);
    pat_env env;
    env_init(L, p, 1, 2, doc_check(L, 2), &env);
    lua_Integer i = luaL_checkinteger(L, 3);
    size_t n = env.d->tw.ntok;
    if (i < 1 || (size_t)i > n) { lua_pushnil(L); return 1; }
    size_t end;
    if (!run(L, p, &env, (size_t)i - 1, n, n, &end)) { lua_pushnil(L); return 1; }
    lua_pushinteger(L, (lua_Integer)end);
    push_caps(L, p, &env, 1);
    return 2;
}

enum { WITHIN_ALL, WITHIN_SENT, WITHIN_PARA };

static size_t limit_at(const tdoc *d, size_t i, size_t t1, int within)
{
    size_t lim = t1;
    if (within == WITHIN_SENT) lim = d->tw.sent[d->tw.tok[i].sent].t1;
    else if (within == WITHIN_PARA) lim = d->tw.para[d->tw.tok[i].para].t1;
    return lim < t1 ? lim : t1;
}

/* The state of a pat:each() loop, upvalue 3 of its iterator (upvalues 1 and
 * 2, the pattern and the doc, are checked once by pat:each). Small, as one
 * is made per loop: the scan's place is kept in the pattern, for the loop
 * that used it last. */
typedef struct {
    size_t i, t1;           /* the next token to try, the end token */
    lua_Integer maxend;     /* all matches: the next match at i ends before this (-1: any end) */
    int longest, within;
    uint64_t loop;          /* this loop's number, for the pattern's scan */
} each_state;

/* Matcher steps between two looks at the limits in a scan: a scan of a long
 * doc is C work no hook sees, up to PAT_STEP_LIMIT steps per start. */
#define SCAN_POLL_STEPS 65536

/* The next match of a scan from st->i (advanced past it): 1 with *i (0-based
 * start) and *end set, or 0 when the scan is done. env is set up for d.
 * Raises when a limit on the rules has run out (ctx.h). */
static int next_match(lua_State *L, pattern *p, pat_env *env, pat_scan *scan, each_state *st, size_t *i_out,
                      size_t *end_out)
{
    const tdoc *d = env->d;
    size_t i = st->i, t1 = st->t1;
    lua_Integer maxend = st->maxend;
    if (t1 > d->tw.ntok) t1 = d->tw.ntok;
    for (; i < t1; i++, maxend = -1) {
        if (++p->work > SCAN_POLL_STEPS) {
            p->work = 0;
            ctx_poll(L, ctx_get(L), "a token pattern");
        }
        size_t next = pat_next_start(p, env, scan, i, t1);
        if (next != i) { i = next; maxend = -1; if (i >= t1) break; }
        size_t lim = limit_at(d, i, t1, st->within), end;
        size_t cap = maxend < 0 ? lim : (size_t)maxend;
        if (cap <= i) continue;
        if (!run(L, p, env, i, lim, cap, &end)) continue;
        if (st->longest) {
            st->i = end;
            st->maxend = -1;
        } else {
            st->i = i;
            st->maxend = (lua_Integer)end - 1;
        }
        *i_out = i;
        *end_out = end;
        return 1;
    }
    st->i = t1;
    return 0;
}

static int each_iter(lua_State *L)
{
    pattern *p = lua_touserdata(L, lua_upvalueindex(1));
    tdoc *d = doc_opened(L, lua_touserdata(L, lua_upvalueindex(2)));
    each_state *st = lua_touserdata(L, lua_upvalueindex(3));
    pat_env env;
    env_init(L, p, lua_upvalueindex(1), lua_upvalueindex(2), d, &env);
    if (p->scan_loop != st->loop) {   /* another loop used the pattern since: start afresh */
        p->scan_loop = st->loop;
        p->scan.open = 0;
    }
    size_t i, end;
    if (!next_match(L, p, &env, &p->scan, st, &i, &end)) return 0;
    lua_pushinteger(L, (lua_Integer)i + 1);
    lua_pushinteger(L, (lua_Integer)end);
    push_caps(L, p, &env, lua_upvalueindex(1));
    return 3;
}

/* Reads pat:each's and pat:all's arguments after the pattern and the doc
 * ([s, e] or a span table, then the options) into st. */
static void scan_args(lua_State *L, const char *fn, tdoc *d, each_state *st)
{
    int opts = 0, span = 3;
    if (lua_istable(L, 3)) {
        if (lua_getfield(L, 3, "start") == LUA_TNIL) { opts = 3; span = 0; } else opts = 4;
        lua_pop(L, 1);
    } else if (lua_isnumber(L, 3)) {
        opts = 5;
    } else {
        span = 0;
        opts = 4;
    }
    uint32_t s = 0, e = (uint32_t)d->len;
    if (span) doc_span_args(L, d, span, &s, &e);
    int longest = 1, within = WITHIN_ALL;
    if (!lua_isnoneornil(L, opts)) {
        luaL_checktype(L, opts, LUA_TTABLE);
        for (lua_pushnil(L); lua_next(L, opts); lua_pop(L, 1)) {
            const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
            if (strcmp(k, "longest") && strcmp(k, "within")) luaL_error(L, "pat:%s: unknown option '%s'", fn, k);
        }
        lua_getfield(L, opts, "longest");
        if (!lua_isnil(L, -1)) longest = lua_toboolean(L, -1);
        lua_getfield(L, opts, "within");
        if (!lua_isnil(L, -1)) {
            const char *w = lua_tostring(L, -1);
            if (w && !strcmp(w, "sentence")) within = WITHIN_SENT;
            else if (w && !strcmp(w, "paragraph")) within = WITHIN_PARA;
            else luaL_error(L, "pat:%s: 'within' must be \"sentence\" or \"paragraph\"", fn);
        }
        lua_pop(L, 2);
    }
    size_t t0 = 0, t1 = d->tw.ntok;    /* the whole doc: every token */
    if (span) doc_token_range(d, s, e, &t0, &t1);
    memset(st, 0, sizeof *st);
    st->i = t0;
    st->t1 = t1;
    st->maxend = -1;
    st->longest = longest;
    st->within = within;
}

/* pat:each(doc [, s, e] [, {longest = true, within = "sentence" | "paragraph"}]) -> iterator of i, j, caps */
static int pat_each(lua_State *L)
{
    pattern *p = pat_check(L, 1);
    tdoc *d = doc_check(L, 2);
    each_state args;
    scan_args(L, "each", d, &args);
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    each_state *st = lua_newuserdatauv(L, sizeof *st, 0);
    *st = args;
    st->loop = ++p->nloops;
    lua_pushcclosure(L, each_iter, 3);
    return 1;
}

/* pat:all(doc [, s, e] [, opts]) -> {i1, j1, i2, j2, ...}
 * The matches pat:each would yield, without captures, in one flat list:
 * a loop over it costs a table read per match, not an iterator call. */
static int pat_all(lua_State *L)
{
    pattern *p = pat_check(L, 1);
    tdoc *d = doc_check(L, 2);
    each_state st;
    scan_args(L, "all", d, &st);
    lua_settop(L, 2);
    lua_newtable(L);
    pat_env env;
    env_init(L, p, 1, 2, d, &env);
    pat_scan scan = {0};   /* its own scan: a pat:each loop on the pattern keeps its place */
    lua_Integer n = 0;
    size_t i, end;
    while (next_match(L, p, &env, &scan, &st, &i, &end)) {
        lua_pushinteger(L, (lua_Integer)i + 1);
        lua_rawseti(L, 3, ++n);
        lua_pushinteger(L, (lua_Integer)end);
        lua_rawseti(L, 3, ++n);
    }
    lua_settop(L, 3);
    return 1;
}

/* pat:captures() -> list of capture names */
static int pat_captures(lua_State *L)
{
    pat_check(L, 1);
    lua_getiuservalue(L, 1, UV_TABLE);
    lua_getfield(L, -1, "caps");
    lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
    lua_createtable(L, (int)n, 0);
    for (lua_Integer k = 1; k <= n; k++) {
        lua_rawgeti(L, -2, k);
        lua_rawseti(L, -2, k);
    }
    return 1;
}

static int pat_tostring(lua_State *L)
{
    pattern *p = pat_check(L, 1);
    lua_pushfstring(L, "pattern(%d steps, %d captures)", (int)p->nprog, p->ncap);
    return 1;
}

static const luaL_Reg pat_methods[] = {
    {"match", pat_match}, {"each", pat_each}, {"all", pat_all}, {"captures", pat_captures}, {NULL, NULL}
};

void pattern_register(lua_State *L)
{
    if (luaL_newmetatable(L, PATTERN_MT)) {
        lua_pushcfunction(L, pat_gc);
        lua_setfield(L, -2, "__gc");
        lua_pushcfunction(L, pat_tostring);
        lua_setfield(L, -2, "__tostring");
        luaL_newlib(L, pat_methods);
        lua_setfield(L, -2, "__index");
        lua_pushliteral(L, "locked");
        lua_setfield(L, -2, "__metatable");
    }
    lua_pop(L, 1);
}
