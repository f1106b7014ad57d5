/* Several engines on several threads at once: each thread owns one engine,
 * analyses every example article several times, and must produce exactly
 * the records a single engine produces serially. Run under ThreadSanitizer
 * by `make test-tsan`. */
#include "trawl.h"

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NTHREADS 4
#define ROUNDS 2
#define MAXART 32

static int passed, failed;

#define CHECK(cond, ...) do { \
    if (cond) passed++; \
    else { failed++; printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } \
} while (0)

typedef struct { char id[256]; char *text; size_t len; } article;

static article arts[MAXART];
static size_t nart;

static int by_name(const void *a, const void *b) { return strcmp(((const article *)a)->id, ((const article *)b)->id); }

static int read_articles(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return -1;
    struct dirent *de;
    while ((de = readdir(d)) && nart < MAXART) {
        size_t n = strlen(de->d_name);
        if (n < 5 || strcmp(de->d_name + n - 4, ".txt") != 0 || n - 4 >= sizeof arts[0].id) continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        FILE *f = fopen(path, "rb");
        if (!f) continue;
        fseek(f, 0, SEEK_END);
        long len = ftell(f);
        fseek(f, 0, SEEK_SET);
        article *a = &arts[nart];
        a->text = malloc((size_t)len + 1);
        if (a->text && fread(a->text, 1, (size_t)len, f) == (size_t)len) {
            a->len = (size_t)len;
            memcpy(a->id, de->d_name, n - 4);
            a->id[n - 4] = 0;
            nart++;
        } else {
            free(a->text);
        }
        fclose(f);
    }
    closedir(d);
    qsort(arts, nart, sizeof *arts, by_name);
    return 0;
}

/* One engine's run over every article: the records joined, one per line,
 * plus a line per article made by walking the doc in C. */
static char *run_all(void)
{
    trawl_engine *e = trawl_engine_new(NULL, NULL);
    if (!e) return NULL;
    /* no wall-clock limit: what this compares must not depend on the
     * machine's load (valgrind runs the threads one at a time, and loading
     * the rules there takes seconds per engine) */
    trawl_engine_limit(e, TRAWL_LIMIT_TIME, 0);
    char *out = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < nart; i++) {
        trawl_doc *d = NULL;
        trawl_analyse(e, arts[i].id, arts[i].text, arts[i].len, "{\"source\": \"test\"}", &d);
        const char *j = trawl_doc_json(d, TRAWL_JSON_EXPLAIN, NULL);
        char walk[256];
        int wn = snprintf(walk, sizeof walk, "%zu actors %zu quotes %zu figures %zu dates, first quote %s",
                          trawl_doc_count(d, "actors"), trawl_doc_count(d, "quotes"), trawl_doc_count(d, "figures"),
                          trawl_doc_count(d, "dates"), trawl_doc_count(d, "quotes") ? trawl_doc_field(d, "quotes", 0, "start") : "-");
        size_t jn = j ? strlen(j) : 4;
        if (n + jn + (size_t)wn + 3 > cap) {
            cap = (n + jn + (size_t)wn + 3) * 2;
            char *p = realloc(out, cap);
            if (!p) { free(out); out = NULL; trawl_doc_free(d); break; }
            out = p;
        }
        memcpy(out + n, j ? j : "null", jn);
        n += jn;
        out[n++] = '\n';
        memcpy(out + n, walk, (size_t)wn);
        n += (size_t)wn;
        out[n++] = '\n';
        out[n] = 0;
        trawl_doc_free(d);
    }
    trawl_engine_free(e);
    return out;
}

typedef struct { char *results[ROUNDS]; } job;

static void *worker(void *arg)
{
    job *j = arg;
    for (int r = 0; r < ROUNDS; r++) j->results[r] = run_all();
    return NULL;
}

int main(void)
{
    if (read_articles("examples/articles") || nart == 0) {
        printf("FAIL no articles in examples/articles (run from the source tree)\n0 passed, 1 failed\n");
        return 1;
    }
    char *serial = run_all();
    CHECK(serial != NULL && strstr(serial, "\"quotes\":[{"), "serial run produced records");
    if (!serial) { printf("%d passed, %d failed\n", passed, failed); return 1; }

    pthread_t th[NTHREADS];
    job jobs[NTHREADS];
    memset(jobs, 0, sizeof jobs);
    int started = 0;
    for (int t = 0; t < NTHREADS; t++) {
        int rc = pthread_create(&th[t], NULL, worker, &jobs[t]);
        CHECK(rc == 0, "pthread_create %d: %d", t, rc);
        if (rc == 0) started++;
    }
    for (int t = 0; t < started; t++) pthread_join(th[t], NULL);
    for (int t = 0; t < started; t++) {
        for (int r = 0; r < ROUNDS; r++) {
            const char *got = jobs[t].results[r];
            CHECK(got && strcmp(got, serial) == 0, "thread %d round %d differs from the serial run", t, r);
            if (got && strcmp(got, serial) != 0) {
                size_t k = 0;
                while (got[k] && got[k] == serial[k]) k++;
                printf("  first difference at byte %zu: «%.60s» vs «%.60s»\n", k, got + k, serial + k);
            }
            free(jobs[t].results[r]);
        }
    }
    free(serial);
    for (size_t i = 0; i < nart; i++) free(arts[i].text);
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
