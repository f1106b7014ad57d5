/* What the engine's files share beyond the public header. */
#ifndef TRAWL_ENGINE_PRIV_H
#define TRAWL_ENGINE_PRIV_H

#include "trawl.h"

#include <lua.h>

/* Metadata forms accepted internally: JSON (the public API, JSON Lines)
 * and YAML (front matter). */
enum meta_kind { META_NONE = 0, META_JSON, META_YAML };

int engine_analyse(trawl_engine *e, const char *id, const char *text, size_t len,
                   int meta_kind, const char *meta, size_t meta_len, trawl_doc **out);

/* A doc holding only an error record (for input the CLI could not even
 * read, e.g. a malformed JSON line). kind: "input", "rule", "limit", "memory". */
trawl_doc *engine_error_doc(trawl_engine *e, const char *id, const char *kind, const char *msg);

/* The engine's Lua state, for the CLI's subcommands that run driver code. */
lua_State *engine_state(trawl_engine *e);
/* Makes sure the driver and (if none were loaded) the default rules are
 * loaded. Returns a status. */
int engine_ready(trawl_engine *e);
/* Calls driver function `fname` with the arguments on the stack in protected
 * mode; returns a status and leaves nresults results (or sets errmsg). */
int engine_call_driver(trawl_engine *e, const char *fname, int nargs, int nresults);
/* The data directory found (scripts/ and rules/ live there). */
const char *engine_root(trawl_engine *e);

/* For record.c: a doc's engine; pushes its record table (returns 0 and
 * pushes nothing for an error doc); pushes a table that lives as long as
 * the doc, for values handed to the host. */
trawl_engine *doc_engine(trawl_doc *d);
int doc_push_record(trawl_doc *d);
void doc_push_keep(trawl_doc *d);

#endif
