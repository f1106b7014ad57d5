/* trawl: a fast engine that runs Lua rules over news articles to extract
 * actors, quotes and figures.
 *
 * This is the only public header. An engine is one Lua state with its rules
 * loaded; it is not thread-safe, but engines share nothing, so a host runs
 * one engine per thread. There is no global mutable state. A doc belongs to
 * the engine that made it: use it from that engine's thread, free it before
 * the engine. Under a time limit (the default) an engine starts a watchdog
 * thread of its own the first time it runs rules; it only sleeps, and stops
 * a rule that overruns; trawl_engine_free joins it.
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

#define TRAWL_VERSION "0.1.0"   /* of this header; trawl_version() is the library's */

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

/* The library's version ("0.1.0"), to compare with TRAWL_VERSION. */
TRAWL_API const char *trawl_version(void);
/* A status code in words ("not enough memory"); never NULL. */
TRAWL_API const char *trawl_strerror(int status);

enum trawl_limit {
    TRAWL_LIMIT_ARTICLE_BYTES = 0, /* largest article accepted */
    TRAWL_LIMIT_LUA_STEPS,         /* Lua VM instructions per article; 0 (the default):
                                    * no count. A count makes every instruction go
                                    * through Lua's hook check (~14% slower), for a
                                    * budget that is the same on every machine */
    TRAWL_LIMIT_LUA_MEMORY,        /* bytes the Lua state may hold while analysing */
    TRAWL_LIMIT_MATCH,             /* PCRE2 match limit */
    TRAWL_LIMIT_DEPTH,             /* PCRE2 depth limit */
    TRAWL_LIMIT_HEAP,              /* PCRE2 heap limit, KiB */
    TRAWL_LIMIT_TIME,              /* wall-clock ms per article (and per rule file
                                    * load); default 10000; 0: none (a rule stuck in
                                    * a loop then never returns, unless a step limit
                                    * is set) */
    TRAWL_LIMIT__COUNT
};

/* Creates an engine. Every byte the engine and its docs hold (the Lua
 * state, compiled regexes, records) comes from alloc, called with ud; NULL
 * means the C library's realloc/free, with small blocks kept on the
 * engine's own free lists (returned when the engine is freed). When alloc refuses during an analysis,
 * that article gets an error record and the engine stays usable. Returns
 * NULL only when memory is short. */
TRAWL_API trawl_engine *trawl_engine_new(trawl_alloc_fn alloc, void *ud);
/* Frees the engine and its rules (NULL is ignored). Free its docs first. */
TRAWL_API void trawl_engine_free(trawl_engine *e);

/* Sets the data directory (the one holding scripts/ and rules/). Without
 * it, trawl looks at $TRAWL_PATH, the installed data directory, then the
 * source tree it was built from. Call before loading rules. */
TRAWL_API int trawl_engine_set_path(trawl_engine *e, const char *dir);

/* Sets a limit (enum trawl_limit) and returns its previous value; value < 0
 * only reads it. New limits apply from the next analysis; an article over a
 * limit gets an error record (TRAWL_EINPUT for its size, TRAWL_ELIMIT for
 * steps, time and memory). Returns -1 for an unknown limit. */
TRAWL_API long long trawl_engine_limit(trawl_engine *e, int which, long long value);
/* The limit's index from its name ("article", "steps", "memory", "match",
 * "depth", "heap", "time"), or -1. */
TRAWL_API int trawl_limit_by_name(const char *name);

/* Loads rules from a directory (every *.lua in it, sorted) or one file.
 * May be called more than once: later rules replace earlier ones with the
 * same name. Without any call, the bundled default rules are loaded on the
 * first analysis. */
TRAWL_API int trawl_engine_load_rules(trawl_engine *e, const char *path);
/* Loads one rule file from memory; name stands for the file in error
 * messages ("name:line: ..."). Same replacing as trawl_engine_load_rules.
 * Both return TRAWL_ERULE for a rule that does not load. */
TRAWL_API int trawl_engine_load_string(trawl_engine *e, const char *name, const char *src, size_t len);

/* The last error message of the engine ("" when none), valid until the next
 * call on the engine. For a rule at fault it starts with "file:line:"; for
 * an article, it names the article's id. */
TRAWL_API const char *trawl_errmsg(const trawl_engine *e);

/* Analyses one article: id (NULL for "") names it in the record and in
 * errors; text (UTF-8, len bytes) need not be NUL-terminated and is copied;
 * meta_json is a JSON object of metadata (title, date, source, url, ...) or
 * NULL. Rules are the ones loaded, or the bundled ones. On return *out holds
 * a doc whenever memory allowed, even when the status is an error: its
 * record is then an error record ({"id", "error": {"kind", "message"}} with
 * empty layers) naming the problem, so nothing is lost. */
TRAWL_API int trawl_analyse(trawl_engine *e, const char *id, const char *text, size_t len,
                            const char *meta_json, trawl_doc **out);

/* The doc's record as one line of JSON (no newline), its length in *len
 * when len is not NULL; NULL when memory ran out. The string belongs to the
 * doc, valid until it is freed or rendered again with other flags.
 * flags: TRAWL_JSON_EXPLAIN adds the rule behind each item. */
enum { TRAWL_JSON_EXPLAIN = 1 };
TRAWL_API const char *trawl_doc_json(trawl_doc *d, int flags, size_t *len);

/* ---- walking a doc's results as C records, without JSON ----------------
 *
 * A doc's record has layers ("actors", "quotes", "figures", "dates"), each a
 * list of items; an item has fields. A field's value is null, a boolean, a
 * number, a string, a list or an object; fields inside lists and objects are
 * reached by a dotted path: "speaker.name", "mentions.0.start", "roles.1"
 * (list positions count from 0). Item fields in the default rules:
 *   actors:  name, type, roles, aliases, mentions (list of {start, end, text})
 *   quotes:  start, end, text, kind, speaker ({name, anonymous, start, end,
 *            text, actor} or null), cue, cue_span, via
 *   figures: start, end, text, value, unit, kind, approx, op, of
 *   dates:   start, end, text, value
 * and every item has "rule", the rule that made it. An error doc (see
 * trawl_doc_error) has no layers. These calls only read the record; what
 * they hand out is kept in the doc. */

enum trawl_type {
    TRAWL_T_NULL = 0,
    TRAWL_T_BOOL,
    TRAWL_T_INT,        /* an integer (offsets, counts) */
    TRAWL_T_NUMBER,     /* any other number */
    TRAWL_T_STRING,
    TRAWL_T_LIST,
    TRAWL_T_OBJECT
};

/* One field's value. The library owns every trawl_field; members are only
 * ever added at the end, so hosts built against an older header keep working. */
typedef struct trawl_field {
    const char *name;   /* the key ("text", "speaker"), or the position ("0") in a list */
    int type;           /* enum trawl_type */
    const char *text;   /* the value as UTF-8 text, NUL-terminated: strings as they are,
                         * numbers as in JSON, booleans "true"/"false", lists and
                         * objects as JSON; NULL for null */
    size_t len;         /* bytes in text, without the NUL */
    long long integer;  /* TRAWL_T_INT: the value; TRAWL_T_BOOL: 0 or 1; TRAWL_T_NUMBER:
                         * the value truncated */
    double number;      /* TRAWL_T_INT, TRAWL_T_NUMBER: the value */
    size_t count;       /* TRAWL_T_LIST, TRAWL_T_OBJECT: number of elements */
} trawl_field;

/* The name of the doc's k-th layer (0-based, in output order), or NULL past
 * the last. The string belongs to the doc. */
TRAWL_API const char *trawl_doc_layer(trawl_doc *d, size_t k);

/* The number of items in a layer (0 for an unknown layer or an error doc). */
TRAWL_API size_t trawl_doc_count(trawl_doc *d, const char *layer);

/* Item i's span in *start, *end: its "start" and "end" fields or, for an
 * item without them (an actor), those of its first mention. Returns
 * TRAWL_OK, or TRAWL_EARG when there is no such item or span. */
TRAWL_API int trawl_doc_span(trawl_doc *d, const char *layer, size_t i, size_t *start, size_t *end);

/* The field at path of item i, or NULL when the item or the field does not
 * exist (or memory ran out). The pointer and its text stay valid, unchanged,
 * until the doc is freed; asking again for the same field returns the same
 * pointer. */
TRAWL_API const trawl_field *trawl_doc_get(trawl_doc *d, const char *layer, size_t i, const char *path);

/* Shorthand: the text of trawl_doc_get's field, or NULL when absent or null.
 * One exception, for convenience: a quote's "speaker" gives the speaker's
 * name (ask for "speaker.start" etc. for the rest). */
TRAWL_API const char *trawl_doc_field(trawl_doc *d, const char *layer, size_t i, const char *path);

/* Calls fn once per field of item i (path NULL or "") or of the list or
 * object at path inside it: for an object in output order (the order of
 * trawl_doc_json), for a list element by element, named "0", "1", ... The
 * field is valid only during the call. A nonzero return from fn stops the
 * walk and is returned. Returns TRAWL_OK when every field was seen,
 * TRAWL_EARG when there is no such item, list or object, TRAWL_ENOMEM when
 * memory ran out. fn may call the other trawl_doc_* functions of the doc,
 * but must not free it. */
typedef int (*trawl_field_fn)(void *ud, const trawl_field *f);
TRAWL_API int trawl_doc_fields(trawl_doc *d, const char *layer, size_t i, const char *path,
                               trawl_field_fn fn, void *ud);

/* The error message when the analysis failed, else NULL. */
TRAWL_API const char *trawl_doc_error(trawl_doc *d);
/* Frees the doc and everything handed out from it (NULL is ignored). */
TRAWL_API void trawl_doc_free(trawl_doc *d);

#ifdef __cplusplus
}
#endif

#endif
