/* A host that brings its own rules, as a string, and its own allocator with
 * a memory cap: an article that needs more than the cap allows gets an
 * error record instead of taking the process down.
 * Build: cc capped.c $(pkg-config --cflags --libs trawl); run: ./capped */
#include <trawl.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The allocator: lua_Alloc's form, refusing to grow past cap bytes. */
typedef struct { size_t used, cap, refused; } budget;

static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    budget *b = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        b->used -= old;
        return NULL;
    }
    if (nsize > old && b->used + (nsize - old) > b->cap) {
        b->refused++;
        return NULL;
    }
    void *p = realloc(ptr, nsize);
    if (p) b->used = b->used - old + nsize;
    return p;
}

/* One rule: every word in capitals of two letters or more is an
 * organisation. */
static const char RULES[] =
    "local caps = re([[\\b[A-Z]{2,}\\b]])\n"
    "rule \"actor.acronym\" {\n"
    "  stage = \"actors\",\n"
    "  run = function(doc)\n"
    "    for s, e in caps:each(doc) do doc:add(\"mention\", s, e, {type = \"org\"}) end\n"
    "  end,\n"
    "}\n";

static int analyse(trawl_engine *e, const char *id, const char *text, size_t len)
{
    trawl_doc *d = NULL;
    int rc = trawl_analyse(e, id, text, len, NULL, &d);
    if (!d) {
        printf("%s: %s, and no memory left even for an error record\n", id, trawl_strerror(rc));
        return rc;
    }
    printf("%s: %s\n", id, trawl_strerror(rc));
    puts(trawl_doc_json(d, 0, NULL));
    trawl_doc_free(d);
    return rc;
}

int main(void)
{
    budget b = {0, 4u << 20, 0};   /* 4 MiB for everything the engine holds */
    trawl_engine *e = trawl_engine_new(capped_alloc, &b);
    if (!e) {
        fprintf(stderr, "capped: the cap is too small for an engine\n");
        return 2;
    }
    if (trawl_engine_load_string(e, "acronyms.lua", RULES, strlen(RULES)) != TRAWL_OK) {
        fprintf(stderr, "capped: %s\n", trawl_errmsg(e));
        trawl_engine_free(e);
        return 2;
    }
    static const char SMALL[] = "The UN and NATO met the EU in Brussels.";
    int small = analyse(e, "small", SMALL, strlen(SMALL));

    /* 3 MiB of text: its copy and its tokens do not fit in what is left */
    size_t big_len = 3u << 20;
    char *big = malloc(big_len);
    if (!big) return 2;
    for (size_t i = 0; i < big_len; i++) big[i] = "WHO said so. "[i % 13];
    int large = analyse(e, "large", big, big_len);
    free(big);

    int again = analyse(e, "small-again", SMALL, strlen(SMALL));
    printf("refused allocations: %s\n", b.refused ? "some" : "none");
    trawl_engine_free(e);
    return small == TRAWL_OK && large != TRAWL_OK && again == TRAWL_OK ? 0 : 1;
}
