/* Allocation failure at every site: an engine whose allocator fails from
 * the N-th allocation on, for every N through creating the engine, loading
 * the default rules and analysing a seed article. Each run must end in a
 * clean status (or success), never a crash, and give back every byte;
 * ASan's leak checker covers what does not go through the allocator.
 * TRAWL_ALLOC_STRIDE=K tries every K-th N only (for slow runs: valgrind;
 * ASan builds default to 3). */
#include "trawl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int pass, fail;

#define CHECK(cond, ...) do { if (cond) pass++; else { fail++; printf("FAIL " __VA_ARGS__); printf("\n"); } } while (0)

typedef struct {
    long count;          /* allocations so far */
    long fail_at;        /* fail from this allocation on (0: never) */
    int once;            /* fail only that one */
    int failed;          /* a failure was injected */
    long long bytes;     /* held now */
} faulty;

static void *faulty_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    faulty *f = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        f->bytes -= (long long)old;
        return NULL;
    }
    if (nsize > old) {
        f->count++;
        if (f->fail_at && (f->once ? f->count == f->fail_at : f->count >= f->fail_at)) {
            f->failed = 1;
            return NULL;
        }
    }
    void *p = realloc(ptr, nsize);
    if (p) f->bytes += (long long)nsize - (long long)old;
    return p;
}

static const char SEED[] =
    "Ukrainian President Volodymyr Zelensky said on Monday that about 20% of the "
    "country's energy grid had been damaged. \xe2\x80\x9cWe will rebuild,\xe2\x80\x9d he told "
    "reporters in Kyiv. The World Bank estimates the cost at $411 billion, "
    "according to a report published in March.\n\n"
    "Officials said 1,200 people were evacuated.";
static const char META[] = "{\"title\": \"Grid damage\", \"date\": \"2024-11-20\", \"source\": \"Example\"}";

static const char *rules_dir = "tests/alloc";

static int is_status(int rc)
{
    return rc == TRAWL_OK || rc == TRAWL_ENOMEM || rc == TRAWL_EINPUT || rc == TRAWL_ERULE ||
           rc == TRAWL_ELIMIT || rc == TRAWL_EIO;
}

/* The whole scenario on a fresh engine; returns the record (malloc'd) when
 * everything succeeded, else NULL. */
static char *scenario(faulty *f, long n, int once, int *status)
{
    memset(f, 0, sizeof *f);
    f->fail_at = n;
    f->once = once;
    *status = TRAWL_OK;
    trawl_engine *e = trawl_engine_new(faulty_alloc, f);
    if (!e) { *status = TRAWL_ENOMEM; return NULL; }
    trawl_doc *d = NULL;
    /* the fixture rule set; the bundled rules with their large lexicons make
     * millions of allocations, too many to fail one by one */
    int rc = rules_dir ? trawl_engine_load_rules(e, rules_dir) : TRAWL_OK;
    int loaded = rc == TRAWL_OK;
    if (loaded) rc = trawl_analyse(e, "seed", SEED, sizeof SEED - 1, META, &d);
    *status = rc;
    char *json = NULL;
    if (d) {
        size_t len = 0;
        const char *j = trawl_doc_json(d, TRAWL_JSON_EXPLAIN, &len);
        if (j && rc == TRAWL_OK) json = strdup(j);
        (void)trawl_doc_error(d);
        trawl_doc_free(d);
    }
    CHECK(is_status(rc), "N=%ld: unknown status %d", n, rc);
    CHECK(d || rc == TRAWL_ENOMEM || !loaded, "N=%ld: no doc but status %d", n, rc);
    trawl_engine_free(e);
    return json;
}

/* Every N in a plain build; every 3rd under ASan, which is several times
 * slower. */
static long stride(void)
{
    const char *s = getenv("TRAWL_ALLOC_STRIDE");
#ifdef __SANITIZE_ADDRESS__
    long k = s ? atol(s) : 3;
#else
    long k = s ? atol(s) : 1;
#endif
    return k > 0 ? k : 1;
}

/* Every N from scratch: engine, default rules, analysis. */
static void sweep_fresh(const char *baseline, long total, int once)
{
    long k = stride() * (once ? 7 : 1);
    long runs = 0, failures = 0;
    for (long n = 1; n <= total + 1; n += k) {
        faulty f;
        int status;
        char *json = scenario(&f, n, once, &status);
        runs++;
        CHECK(f.bytes == 0, "N=%ld%s: %lld bytes not given back", n, once ? " (once)" : "", f.bytes);
        if (f.failed) failures++;
        else CHECK(json && strcmp(json, baseline) == 0, "N=%ld: no failure injected, but the record differs", n);
        /* an allocation failure may never pass for a success with a wrong record */
        if (json && strcmp(json, baseline) != 0) CHECK(0, "N=%ld%s: status OK but the record differs:\n%s", n, once ? " (once)" : "", json);
        free(json);
    }
    printf("%s sweep: %ld runs, %ld with a failure injected\n", once ? "fail-once" : "persistent", runs, failures);
}

/* One engine, failures during analysis only: after each, the same engine
 * must analyse the article cleanly and give the baseline record. */
static void sweep_reuse(const char *baseline)
{
    faulty f;
    memset(&f, 0, sizeof f);
    trawl_engine *e = trawl_engine_new(faulty_alloc, &f);
    trawl_doc *d = NULL;
    CHECK(e && trawl_engine_load_rules(e, rules_dir) == TRAWL_OK, "reuse: loading the fixture rules");
    CHECK(e && trawl_analyse(e, "seed", SEED, sizeof SEED - 1, META, &d) == TRAWL_OK, "reuse: warm-up");
    trawl_doc_free(d);
    long n, k = stride();
    for (n = 1; n < 1000000; n += k) {
        f.count = 0;
        f.fail_at = n;
        f.failed = 0;
        d = NULL;
        int rc = trawl_analyse(e, "seed", SEED, sizeof SEED - 1, META, &d);
        if (d) (void)trawl_doc_json(d, TRAWL_JSON_EXPLAIN, NULL);
        int failed = f.failed;
        f.fail_at = 0;
        CHECK(is_status(rc) && (d || rc == TRAWL_ENOMEM), "reuse N=%ld: status %d", n, rc);
        trawl_doc_free(d);
        d = NULL;
        rc = trawl_analyse(e, "seed", SEED, sizeof SEED - 1, META, &d);
        const char *j = d ? trawl_doc_json(d, TRAWL_JSON_EXPLAIN, NULL) : NULL;
        CHECK(rc == TRAWL_OK && j && strcmp(j, baseline) == 0, "reuse N=%ld: the engine is not the same afterwards (%d: %s)",
              n, rc, trawl_errmsg(e));
        trawl_doc_free(d);
        if (!failed) break;
    }
    printf("reuse sweep: %ld analyses with a failure injected\n", n - 1);
    trawl_engine_free(e);
    CHECK(f.bytes == 0, "reuse: %lld bytes not given back", f.bytes);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    faulty f;
    int status;
    char *baseline = scenario(&f, 0, 0, &status);
    CHECK(baseline != NULL, "baseline run failed: status %d", status);
    if (!baseline) { printf("%d passed, %d failed\n", pass, fail); return 1; }
    long total = f.count;
    printf("baseline: %ld allocations\n", total);
    sweep_fresh(baseline, total, 0);
    sweep_fresh(baseline, total, 1);
    sweep_reuse(baseline);
    free(baseline);
    /* the bundled rules: a few failure points spread over loading them */
    rules_dir = NULL;
    baseline = scenario(&f, 0, 0, &status);
    CHECK(baseline != NULL, "default rules baseline failed: status %d", status);
    total = f.count;
    for (int p = 1; baseline && p <= 8; p++) {
        long n = total / 9 * p;
        char *json = scenario(&f, n, 1, &status);
        CHECK(f.bytes == 0, "default rules N=%ld: %lld bytes not given back", n, f.bytes);
        CHECK(is_status(status), "default rules N=%ld: unknown status %d", n, status);
        free(json);
    }
    free(baseline);
    printf("%d passed, %d failed\n", pass, fail);
    return fail != 0;
}
