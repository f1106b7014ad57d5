/* Benchmark: tokenize + sentence split throughput over a JSON Lines corpus
 * (the "text" of each line) or plain files, in one thread. */
#define _POSIX_C_SOURCE 200809L
#include "tokenize.h"
#include "utf8.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void *alloc(void *ud, void *p, size_t o, size_t n)
{
    (void)ud;
    (void)o;
    if (!n) { free(p); return NULL; }
    return realloc(p, n);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 2) { fprintf(stderr, "usage: bench_tokenize CORPUS.jsonl [repeat]\n"); return 2; }
    int repeat = argc > 2 ? atoi(argv[2]) : 3;
    FILE *f = fopen(argv[1], "r");
    if (!f) { perror(argv[1]); return 2; }
    char **texts = NULL;
    size_t *lens = NULL, n = 0, cap = 0, bytes = 0;
    char *line = NULL;
    size_t lcap = 0;
    while (getline(&line, &lcap, f) > 0) {
        json_t *j = json_loads(line, 0, NULL);
        json_t *t = j ? json_object_get(j, "text") : NULL;
        if (json_is_string(t)) {
            if (n == cap) {
                cap = cap ? cap * 2 : 1024;
                texts = realloc(texts, cap * sizeof *texts);
                lens = realloc(lens, cap * sizeof *lens);
            }
            lens[n] = json_string_length(t);
            texts[n] = malloc(lens[n] + 1);
            memcpy(texts[n], json_string_value(t), lens[n] + 1);
            bytes += lens[n];
            n++;
        }
        json_decref(j);
    }
    free(line);
    fclose(f);
    tw_result r;
    memset(&r, 0, sizeof r);
    r.alloc = alloc;
    double best = 1e9;
    size_t ntok = 0, nsent = 0;
    for (int k = 0; k < repeat; k++) {
        double t0 = now();
        ntok = nsent = 0;
        for (size_t i = 0; i < n; i++) {
            utf8_validate((const unsigned char *)texts[i], lens[i]);
            tw_tokenize(texts[i], lens[i], &r);
            ntok += r.ntok;
            nsent += r.nsent;
        }
        double dt = now() - t0;
        if (dt < best) best = dt;
    }
    tw_free(&r);
    printf("tokenize+split: %.1f MB in %zu articles, %zu tokens, %zu sentences: %.0f MB/s, %.0f articles/s, %.1f ns/token\n",
           bytes / 1e6, n, ntok, nsent, bytes / 1e6 / best, n / best, best * 1e9 / (double)(ntok ? ntok : 1));
    printf("# bytes=%zu articles=%zu tokens=%zu\n", bytes, n, ntok);
    for (size_t i = 0; i < n; i++) free(texts[i]);
    free(texts);
    free(lens);
    return 0;
}
