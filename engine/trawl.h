/* trawl: a fast engine that runs Lua rules over news articles to extract
 * actors, quotes and figures.
 *
 * This is the only public header. An engine is one Lua state with its rules
 * loaded; it is not thread-safe, but engines share nothing, so a host runs
 * one engine per thread. There is no global mutable state.
 *
 * Every call that can fail returns an int status: TRAWL_OK (0) or a negative
 * TRAWL_E* code; trawl_errmsg() then says what went wrong, naming the rule
 * file and line where a rule is at fault. All offsets are byte offsets into
 * the article's UTF-8 text, end exclusive. */
#ifndef TRAWL_H
#define TRAWL_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(TRAWL_BUILDING) && defined(__GNUC__)
#define TRAWL_API __attribute__((visibility("default")))
#else
#define TRAWL_API
#endif

#define TRAWL_VERSION "0.1.0"

typedef struct trawl_engine trawl_engine;
typedef struct trawl_doc trawl_doc;

/* An allocator in lua_Alloc's form: realloc when nsize > 0, free when
 * nsize == 0 (return NULL). Return NULL to refuse an allocation. */
typedef void *(*trawl_alloc_fn)(void *ud, void *ptr, size_t osize, size_t nsize);

enum trawl_status {
    TRAWL_OK = 0,
    TRAWL_ENOMEM = -1,   /* an allocation failed */
    TRAWL_EINPUT = -2,   /* the article is not acceptable (bad UTF-8, NUL, empty, too big) */
    TRAWL_ERULE = -3,    /* a rule failed to load or raised an error */
    TRAWL_ELIMIT = -4,   /* a per-article limit was hit */
    TRAWL_EIO = -5,      /* a file could not be read */
    TRAWL_EARG = -6      /* a bad argument */
};

enum trawl_limit {
    TRAWL_LIMIT_ARTICLE_BYTES = 0, /* largest article accepted */
    TRAWL_LIMIT_LUA_STEPS,         /* Lua VM instructions per article */
    TRAWL_LIMIT_LUA_MEMORY,        /* bytes the Lua state may hold while analysing */
    TRAWL_LIMIT_MATCH,             /* PCRE2 match limit */
    TRAWL_LIMIT_DEPTH,             /* PCRE2 depth limit */
    TRAWL_LIMIT_HEAP,              /* PCRE2 heap limit, KiB */
    TRAWL_LIMIT__COUNT
};

/* Creates an engine. alloc may be NULL (the C library's realloc/free).
 * Returns NULL only when memory is short. */
TRAWL_API trawl_engine *trawl_engine_new(trawl_alloc_fn alloc, void *ud);
TRAWL_API void trawl_engine_free(trawl_engine *e);

/* Sets the data directory (the one holding scripts/ and rules/). Without
 * it, trawl looks at $TRAWL_PATH, the installed data directory, then the
 * source tree it was built from. Call before loading rules. */
TRAWL_API int trawl_engine_set_path(trawl_engine *e, const char *dir);

/* Sets a limit and returns its previous value; value < 0 only reads it.
 * Returns -1 for an unknown limit. */
TRAWL_API long long trawl_engine_limit(trawl_engine *e, int which, long long value);
/* The limit's index from its name ("steps", "memory", "article", "match",
 * "depth", "heap"), or -1. */
TRAWL_API int trawl_limit_by_name(const char *name);

/* Loads rules from a directory (every *.lua in it, sorted) or one file.
 * May be called more than once: later rules replace earlier ones with the
 * same name. Without any call, the bundled default rules are loaded on the
 * first analysis. */
TRAWL_API int trawl_engine_load_rules(trawl_engine *e, const char *path);
/* Loads one rule file from memory; name is used in error messages. */
TRAWL_API int trawl_engine_load_string(trawl_engine *e, const char *name, const char *src, size_t len);

/* The last error message of the engine ("" when none). */
TRAWL_API const char *trawl_errmsg(const trawl_engine *e);

/* Analyses one article. text need not be NUL-terminated; meta_json is a JSON
 * object of metadata (title, date, source, url, ...) or NULL. On return *out
 * holds a doc whenever memory allowed, even when the status is an error: its
 * record is then an error record naming the problem, so nothing is lost. */
TRAWL_API int trawl_analyse(trawl_engine *e, const char *id, const char *text, size_t len,
                            const char *meta_json, trawl_doc **out);

/* The doc's record as one line of JSON (no newline). The string belongs to
 * the doc. flags: TRAWL_JSON_EXPLAIN adds the rule behind each item. */
enum { TRAWL_JSON_EXPLAIN = 1 };
TRAWL_API const char *trawl_doc_json(trawl_doc *d, int flags, size_t *len);

/* Walking results without JSON. layer is "actors", "quotes", "figures" or
 * "dates". trawl_doc_count returns the number of items; trawl_doc_span gives
 * item i's span (for actors, its first mention); trawl_doc_field renders a
 * field of item i as text ("text", "kind", "speaker", "value", "unit", ...),
 * or NULL when absent. Strings belong to the doc, valid until it is freed. */
TRAWL_API size_t trawl_doc_count(trawl_doc *d, const char *layer);
TRAWL_API int trawl_doc_span(trawl_doc *d, const char *layer, size_t i, size_t *start, size_t *end);
TRAWL_API const char *trawl_doc_field(trawl_doc *d, const char *layer, size_t i, const char *field);
/* The error message when the analysis failed, else NULL. */
TRAWL_API const char *trawl_doc_error(trawl_doc *d);
TRAWL_API void trawl_doc_free(trawl_doc *d);

#ifdef __cplusplus
}
#endif

#endif
