/* libFuzzer target: the whole analyse call with the default rules. The
 * first input byte picks the form (plain text, text with the rest split as
 * front matter, or a JSON metadata object); whatever happens, exactly one
 * record comes back and it renders as JSON with the article's id. */
#include "engine_priv.h"
#include "input.h"
#include "trawl.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static trawl_engine *E;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    E = trawl_engine_new(NULL, NULL);
    if (!E || engine_ready(E) != TRAWL_OK) {
        fprintf(stderr, "fuzz_analyse: %s\n", E ? trawl_errmsg(E) : "no engine");
        abort();
    }
    /* small budgets: anything slow must end in a limit record, not a timeout */
    trawl_engine_limit(E, TRAWL_LIMIT_LUA_STEPS, 20000000);
    trawl_engine_limit(E, TRAWL_LIMIT_LUA_MEMORY, 64 << 20);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    int mode = data[0] % 3;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    trawl_doc *d = NULL;
    int rc;
    if (mode == 1) {
        size_t ms, me, bs;
        input_front_matter(text, len, &ms, &me, &bs);
        rc = engine_analyse(E, "fz", text + bs, len - bs, bs ? META_YAML : META_NONE, text + ms, me - ms, &d);
    } else if (mode == 2) {
        /* the first line is the metadata JSON, the rest the article */
        const char *nl = memchr(text, '\n', len);
        size_t ml = nl ? (size_t)(nl - text) : len;
        size_t off = nl ? ml + 1 : len;
        rc = engine_analyse(E, "fz", text + off, len - off, META_JSON, text, ml, &d);
    } else {
        rc = engine_analyse(E, "fz", text, len, META_NONE, NULL, 0, &d);
    }
    if (!d) abort();                                /* only memory may prevent a doc */
    size_t n = 0;
    const char *json = trawl_doc_json(d, mode == 0 ? TRAWL_JSON_EXPLAIN : 0, &n);
    if (!json || strncmp(json, "{\"id\":\"fz\"", 10) != 0) abort();
    if ((rc == TRAWL_OK) != (trawl_doc_error(d) == NULL)) abort();
    trawl_doc_free(d);
    return 0;
}
