/* trawl.figure_starts(spec) -> find; find(doc) -> {i, ...}: the tokens
 * where a figure may start, found in one pass over a doc's tokens for the
 * figure rule. rules/figures.lua says which words (spec, below); this file
 * how they combine. One C call per doc instead of a dozen token-pattern
 * scans, each of which paid a fixed cost per match found. The word tests
 * are the token patterns' own (lexicons matched on the doc's token cache:
 * lower-case, folded, possessives allowed), so the tokens found are those
 * the patterns found.
 *
 * A figure may start at a token
 *   - with a digit, or a minus sign ("-", "–", "−") glued to a number;
 *   - with a vulgar fraction ("½");
 *   - that is a number word, or begins with one before a hyphen or
 *     apostrophe ("twenty-one");
 *   - "a"/"an" before a scale or fraction word (a_next), a unit that may be
 *     one (one_units), or a period then "and" ("an hour and 45 minutes");
 *   - "between"/"from" before a number, a currency sign or a number word;
 *   - "all"/"whole" ... before a period (whole, whole_units), or those two
 *     joined by a hyphen ("all-day");
 *   - where a hedge or a currency written before its amount begins;
 * and at "a"/"an" after a word of article_prev ("for a decade"). */
#include "doc.h"
#include "lexicon.h"
#include "lua_trawl.h"

#include <string.h>

/* the word lists of the spec, each an inline lexicon */
enum { S_NUMBER, S_ARTICLE, S_A_NEXT, S_RANGE, S_ONE_UNITS, S_PERIODS, S_AND, S_WHOLE, S_WHOLE_UNITS,
       S_ARTICLE_PREV, S__N };
static const char *const SET_NAMES[S__N] = {
    "number_words", "articles", "a_next", "ranges", "one_units", "periods", "and", "whole", "whole_units",
    "article_prev"
};

#define FINDER_MT "trawl.figure_starts"

/* The one-word forms of all sets in one table, by the hash the token cache
 * keeps of each token's lower-case form: one probe gives every set a token
 * is in. Forms of several words (or not all ASCII letters) are matched by
 * the set's lexicon instead (complex bit). */
typedef struct {
    uint64_t h;
    uint32_t off, len;      /* the form in words */
    uint32_t mask;          /* 1 << set for each set it is in */
} word_slot;

typedef struct {
    int nready;             /* sets built so far (freed by __gc) */
    lexicon sets[S__N];
    uint32_t complex;       /* 1 << set for sets with forms the table does not hold */
    word_slot *slots;       /* open addressing, nslots a power of two; len 0 = empty */
    size_t nslots, nused;
    char *words;
    size_t wlen, wcap;
    uint8_t *money_ok;      /* per entry of the currencies lexicon: it counts */
    size_t nmoney;
    /* find's per-token marks and word masks, kept from one doc to the next
     * (grown to the longest): a new userdata per doc cost more in
     * collector work than the scan itself */
    uint8_t *scratch;
    size_t scratch_cap;
    lua_Alloc alloc;
    void *ud;
} finder;

/* the find function's upvalues */
enum { UV_FINDER = 1, UV_HEDGES, UV_CURRENCIES };

static int finder_gc(lua_State *L)
{
    finder *f = luaL_checkudata(L, 1, FINDER_MT);
    for (int k = 0; k < f->nready; k++) lex_free(&f->sets[k]);
    f->nready = 0;
    if (f->money_ok) f->alloc(f->ud, f->money_ok, f->nmoney, 0);
    f->money_ok = NULL;
    if (f->scratch) f->alloc(f->ud, f->scratch, f->scratch_cap, 0);
    f->scratch = NULL;
    f->scratch_cap = 0;
    if (f->slots) f->alloc(f->ud, f->slots, f->nslots * sizeof *f->slots, 0);
    f->slots = NULL;
    if (f->words) f->alloc(f->ud, f->words, f->wcap, 0);
    f->words = NULL;
    return 0;
}

static int isdig(unsigned char c) { return c >= '0' && c <= '9'; }
static int isword(unsigned char c) { return isdig(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

typedef struct {
    const finder *f;
    const lexicon *hedges, *currencies;
    const tdoc *d;
    const tokcache *c;
    size_t n;
    uint32_t *mask;         /* per token: the sets its form is in (word table) */
} scan;

static uint32_t word_mask(const finder *f, uint64_t h, const char *w, size_t n)
{
    if (!f->nslots) return 0;
    size_t mask = f->nslots - 1;
    for (size_t k = (size_t)h & mask; f->slots[k].len; k = (k + 1) & mask) {
        const word_slot *e = &f->slots[k];
        if (e->h == h && e->len == n && memcmp(f->words + e->off, w, n) == 0) return e->mask;
    }
    return 0;
}

/* The sets token i is in by the word table: its lower-case form, or that
 * form without a possessive ("year's"), as lexicons match it. */
static uint32_t token_mask(const finder *f, const tc_tok *t)
{
    uint32_t m = word_mask(f, t->lh, t->low, t->ll);
    if (!m && t->poss) m = word_mask(f, t->plh, t->low, t->ll - t->poss);
    return m;
}

static inline const char *raw(const scan *s, size_t i, size_t *len)
{
    const tw_token *t = &s->d->tw.tok[i];
    *len = t->e - t->s;
    return s->d->text + t->s;
}

static inline int space_before(const scan *s, size_t i) { return (s->d->tw.tok[i].flags & TF_SPACE_BEFORE) != 0; }

/* Token i begins a form of the set (a pattern's `lower` test); *end gets
 * the token after the longest. */
static int in_lexicon(const scan *s, int set, size_t i, uint32_t *end)
{
    uint32_t e;
    if (lex_longest(&s->f->sets[set], s->c, i, s->n, &e) < 0) return 0;
    if (end) *end = e;
    return 1;
}

static inline int in(const scan *s, int set, size_t i, uint32_t *end)
{
    if (i >= s->n) return 0;
    if (s->f->complex & (1u << set)) return in_lexicon(s, set, i, end);
    if (!(s->mask[i] & (1u << set))) return 0;
    if (end) *end = (uint32_t)i + 1;
    return 1;
}

/* The ASCII word w[0 .. n) lower-cased is a one-word form of the set. */
static int word_in(const scan *s, int set, const char *w, size_t n)
{
    char low[64];
    if (n > sizeof low) return 0;
    for (size_t k = 0; k < n; k++) low[k] = (w[k] >= 'A' && w[k] <= 'Z') ? (char)(w[k] + 32) : w[k];
    return (word_mask(s->f, lex_hash(low, n), low, n) & (1u << set)) != 0;
}

/* Token i, hyphenated or with an apostrophe, begins with a word of the set
 * ("twenty-one", "one's"): the ASCII word before the first other byte. */
static int begins_with(const scan *s, int set, size_t i)
{
    if (!(s->d->tw.tok[i].flags & (TF_HYPHEN | TF_APOS))) return 0;
    size_t n, p = 0;
    const char *w = raw(s, i, &n);
    while (p < n && isword((unsigned char)w[p])) p++;
    return p > 0 && word_in(s, set, w, p);
}

static inline int word_or_prefix(const scan *s, int set, size_t i)
{
    return i < s->n && (in(s, set, i, NULL) ||
                        ((s->d->tw.tok[i].flags & (TF_HYPHEN | TF_APOS)) && begins_with(s, set, i)));
}

/* "-" or "–" once folded (U+2010, U+2011 fold to "-", U+2212 to "–") */
static inline int is_dash(const scan *s, size_t i)
{
    const tc_tok *t = &s->c->tok[i];
    return (t->xl == 1 && t->ex[0] == '-') || (t->xl == 3 && memcmp(t->ex, "\xE2\x80\x93", 3) == 0);
}

static int digit_start(const char *w, size_t n)
{
    return (n >= 1 && isdig((unsigned char)w[0])) || (n >= 2 && w[0] == '.' && isdig((unsigned char)w[1]));
}

/* a digit, ".", "$", "€" or "£" */
static int amount_char(const char *w, size_t n)
{
    if (n >= 1 && (isdig((unsigned char)w[0]) || w[0] == '.' || w[0] == '$')) return 1;
    if (n >= 3 && memcmp(w, "\xE2\x82\xAC", 3) == 0) return 1;
    return n >= 2 && memcmp(w, "\xC2\xA3", 2) == 0;
}

/* what may follow "between"/"from" in the token after it: a minus ("-",
 * "−") then an amount character, or an amount character */
static int range_next(const char *w, size_t n)
{
    if (n >= 1 && w[0] == '-' && amount_char(w + 1, n - 1)) return 1;
    if (n >= 3 && memcmp(w, "\xE2\x88\x92", 3) == 0 && amount_char(w + 3, n - 3)) return 1;
    return amount_char(w, n);
}

/* ½ ¼ ¾ ⅓ ⅔ ⅕ ... ⅞ anywhere in the token */
static int has_vulgar(const char *w, size_t n)
{
    for (size_t k = 0; k + 1 < n; k++) {
        unsigned char a = (unsigned char)w[k], b = (unsigned char)w[k + 1];
        if (a == 0xC2 && (b == 0xBC || b == 0xBD || b == 0xBE)) return 1;
        if (a == 0xE2 && b == 0x85 && k + 2 < n && (unsigned char)w[k + 2] >= 0x93 && (unsigned char)w[k + 2] <= 0x9E)
            return 1;
    }
    return 0;
}

/* "all-day", "whole-weeks": a word of whole, "-", a word of whole_units */
static int whole_hyphen(const scan *s, size_t i)
{
    if (!(s->d->tw.tok[i].flags & TF_HYPHEN)) return 0;
    size_t n, p = 0;
    const char *w = raw(s, i, &n);
    while (p < n && isword((unsigned char)w[p])) p++;
    if (p == 0 || p >= n || w[p] != '-' || !word_in(s, S_WHOLE, w, p)) return 0;
    size_t q = p + 1, r = q;
    while (r < n && isword((unsigned char)w[r])) r++;
    return r > q && word_in(s, S_WHOLE_UNITS, w + q, r - q);
}

/* a currency written before its amount begins at token i */
static int currency_at(const scan *s, size_t i)
{
    lex_hit hits[64];
    size_t nh = lex_hits(s->currencies, s->c, i, s->n, hits, 64);
    for (size_t k = 0; k < nh; k++)
        if (hits[k].entry >= 0 && (size_t)hits[k].entry < s->f->nmoney && s->f->money_ok[hits[k].entry]) return 1;
    return 0;
}

static int starts_at(const scan *s, size_t i)
{
    const tw_token *tok = s->d->tw.tok;
    size_t n = s->n, len;
    const char *w = raw(s, i, &len);
    uint32_t end;
    if (tok[i].flags & TF_DIGIT) return 1;
    if (is_dash(s, i) && i + 1 < n && !space_before(s, i + 1)) {
        size_t ln;
        const char *nw = raw(s, i + 1, &ln);
        if (digit_start(nw, ln)) return 1;
    }
    if ((tok[i].flags & TF_NONASCII) && has_vulgar(w, len)) return 1;
    if (word_or_prefix(s, S_NUMBER, i)) return 1;
    if (i + 1 < n && space_before(s, i + 1)) {
        if (in(s, S_ARTICLE, i, NULL)) {
            if (word_or_prefix(s, S_A_NEXT, i + 1) || word_or_prefix(s, S_ONE_UNITS, i + 1)) return 1;
            if (in(s, S_PERIODS, i + 1, &end) && end < n && space_before(s, end) &&
                (tok[end].flags & TF_SPACE_AFTER) && in(s, S_AND, end, NULL))
                return 1;
        }
        if (in(s, S_RANGE, i, NULL)) {
            size_t ln;
            const char *nw = raw(s, i + 1, &ln);
            if (range_next(nw, ln) || word_or_prefix(s, S_NUMBER, i + 1)) return 1;
            if (is_dash(s, i + 1) && i + 2 < n && !space_before(s, i + 2)) {
                nw = raw(s, i + 2, &ln);
                if (amount_char(nw, ln)) return 1;
            }
        }
        if (in(s, S_WHOLE, i, NULL) && in(s, S_WHOLE_UNITS, i + 1, NULL)) return 1;
    }
    if (whole_hyphen(s, i)) return 1;
    /* (the lexicons' first-token filters first: most tokens begin neither) */
    const tc_tok *t = &s->c->tok[i];
    if (lex_may_start(s->hedges, t) && lex_longest(s->hedges, s->c, i, n, &end) >= 0) return 1;
    return lex_may_start(s->currencies, t) && currency_at(s, i);
}

/* find(doc) -> {i, ...}: ascending token indices */
static int find_starts(lua_State *L)
{
    scan s;
    finder *f = luaL_checkudata(L, lua_upvalueindex(UV_FINDER), FINDER_MT);
    s.f = f;
    s.hedges = lexicon_check(L, lua_upvalueindex(UV_HEDGES));
    s.currencies = lexicon_check(L, lua_upvalueindex(UV_CURRENCIES));
    tdoc *d = doc_check(L, 1);
    s.d = d;
    s.n = d->tw.ntok;
    lua_settop(L, 1);
    if (s.n == 0) {
        lua_newtable(L);
        return 1;
    }
    if (!(s.c = tokcache_get(d))) return luaL_error(L, "not enough memory");
    /* a mark and a word mask per token, in the finder's scratch */
    size_t need = s.n * (1 + sizeof *s.mask) + sizeof *s.mask;
    if (need > f->scratch_cap) {
        uint8_t *p = f->alloc(f->ud, f->scratch, f->scratch_cap, need);
        if (!p) return luaL_error(L, "not enough memory");
        f->scratch = p;
        f->scratch_cap = need;
    }
    uint8_t *mark = f->scratch;
    s.mask = (uint32_t *)(void *)(mark + ((s.n + sizeof *s.mask - 1) / sizeof *s.mask) * sizeof *s.mask);
    memset(mark, 0, s.n);
    for (size_t i = 0; i < s.n; i++) s.mask[i] = token_mask(s.f, &s.c->tok[i]);
    size_t count = 0;
    for (size_t i = 0; i < s.n; i++) {
        if (!mark[i] && starts_at(&s, i)) mark[i] = 1;
        if (i + 1 < s.n && space_before(&s, i + 1) && in(&s, S_ARTICLE_PREV, i, NULL) && in(&s, S_ARTICLE, i + 1, NULL))
            mark[i + 1] = 1;                        /* "for a decade": the "a" */
    }
    for (size_t i = 0; i < s.n; i++) count += mark[i];
    lua_createtable(L, (int)count, 0);
    lua_Integer k = 0;
    for (size_t i = 0; i < s.n; i++)
        if (mark[i]) {
            lua_pushinteger(L, (lua_Integer)i + 1);
            lua_rawseti(L, -2, ++k);
        }
    return 1;
}

static int ascii_word(const char *w, size_t n)
{
    if (n == 0 || n > 64) return 0;
    for (size_t k = 0; k < n; k++)
        if (!((w[k] >= 'a' && w[k] <= 'z') || (w[k] >= 'A' && w[k] <= 'Z'))) return 0;
    return 1;
}

/* Adds a one-word form to the table (lower-cased) for set k; -1 when out
 * of memory. */
static int table_add(finder *f, int k, const char *w, size_t n)
{
    char low[64];
    for (size_t j = 0; j < n; j++) low[j] = (w[j] >= 'A' && w[j] <= 'Z') ? (char)(w[j] + 32) : w[j];
    uint64_t h = lex_hash(low, n);
    if ((f->nused + 1) * 2 > f->nslots) {           /* grow: at most half full */
        size_t ns = f->nslots ? f->nslots * 2 : 64;
        word_slot *sl = f->alloc(f->ud, NULL, 0, ns * sizeof *sl);
        if (!sl) return -1;
        memset(sl, 0, ns * sizeof *sl);
        for (size_t j = 0; j < f->nslots; j++) {
            if (!f->slots[j].len) continue;
            size_t x = (size_t)f->slots[j].h & (ns - 1);
            while (sl[x].len) x = (x + 1) & (ns - 1);
            sl[x] = f->slots[j];
        }
        if (f->slots) f->alloc(f->ud, f->slots, f->nslots * sizeof *f->slots, 0);
        f->slots = sl, f->nslots = ns;
    }
    size_t mask = f->nslots - 1, x = (size_t)h & mask;
    for (; f->slots[x].len; x = (x + 1) & mask) {
        word_slot *e = &f->slots[x];
        if (e->h == h && e->len == n && memcmp(f->words + e->off, low, n) == 0) {
            e->mask |= 1u << k;
            return 0;
        }
    }
    if (f->wlen + n > f->wcap) {
        size_t nc = (f->wcap + n) * 2;
        char *nw = f->alloc(f->ud, f->words, f->wcap, nc);
        if (!nw) return -1;
        f->words = nw, f->wcap = nc;
    }
    memcpy(f->words + f->wlen, low, n);
    f->slots[x].h = h, f->slots[x].off = (uint32_t)f->wlen, f->slots[x].len = (uint32_t)n;
    f->slots[x].mask = 1u << k;
    f->wlen += n;
    f->nused++;
    return 0;
}

/* Builds set k from the list spec[SET_NAMES[k]]. */
static void build_set(lua_State *L, finder *f, int k)
{
    if (lex_init(&f->sets[k], f->alloc, f->ud, LEX_INSENSITIVE)) luaL_error(L, "not enough memory");
    f->nready = k + 1;
    if (lua_getfield(L, 1, SET_NAMES[k]) != LUA_TTABLE)
        luaL_error(L, "trawl.figure_starts: '%s' must be a list of words", SET_NAMES[k]);
    tw_result tmp;
    memset(&tmp, 0, sizeof tmp);
    lua_Integer n = luaL_len(L, -1);
    for (lua_Integer j = 1; j <= n; j++) {
        if (lua_rawgeti(L, -1, j) != LUA_TSTRING) {
            tw_free(&tmp);
            luaL_error(L, "trawl.figure_starts: '%s' item %d must be a string", SET_NAMES[k], (int)j);
        }
        size_t len;
        const char *w = lua_tolstring(L, -1, &len);
        int rc = lex_add(&f->sets[k], w, len, (int32_t)j - 1, &tmp);
        if (rc >= 0) {
            if (!ascii_word(w, len)) f->complex |= 1u << k;
            else if (table_add(f, k, w, len)) rc = -1;
        }
        lua_pop(L, 1);
        if (rc < 0) {
            tw_free(&tmp);
            luaL_error(L, "not enough memory");
        }
    }
    tw_free(&tmp);
    lua_pop(L, 1);
    if (lex_seal(&f->sets[k])) luaL_error(L, "not enough memory");
}

/* trawl.figure_starts{number_words =, articles =, a_next =, ranges =,
 * one_units =, periods =, and =, whole =, whole_units =, article_prev = (lists
 * of words), hedges = lexicon, currencies = lexicon, currency_entries = {k,
 * ...} (the currencies' entries that count, 1-based)} -> find */
int lt_figure_starts(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    finder *f = lua_newuserdatauv(L, sizeof *f, 0);     /* index 2: closed until built */
    memset(f, 0, sizeof *f);
    f->alloc = lua_getallocf(L, &f->ud);
    if (luaL_newmetatable(L, FINDER_MT)) {
        lua_pushcfunction(L, finder_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, 2);
    for (int k = 0; k < S__N; k++) build_set(L, f, k);
    lua_getfield(L, 1, "hedges");                         /* 3 */
    lexicon_check(L, 3);
    lua_getfield(L, 1, "currencies");                     /* 4 */
    const lexicon *cur = lexicon_check(L, 4);
    if (lua_getfield(L, 1, "currency_entries") != LUA_TTABLE)
        return luaL_error(L, "trawl.figure_starts: 'currency_entries' must be a list of entry numbers");
    f->money_ok = f->alloc(f->ud, NULL, 0, cur->nentries ? cur->nentries : 1);
    if (!f->money_ok) return luaL_error(L, "not enough memory");
    f->nmoney = cur->nentries ? cur->nentries : 1;
    memset(f->money_ok, 0, f->nmoney);
    lua_Integer n = luaL_len(L, 5);
    for (lua_Integer j = 1; j <= n; j++) {
        lua_rawgeti(L, 5, j);
        lua_Integer e = lua_tointeger(L, -1);
        if (e < 1 || (size_t)e > cur->nentries)
            return luaL_error(L, "trawl.figure_starts: currency entry %d out of range", (int)e);
        f->money_ok[e - 1] = 1;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    lua_pushcclosure(L, find_starts, 3);                  /* the finder and both lexicons */
    return 1;
}
