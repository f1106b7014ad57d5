/* libFuzzer target: JSON Lines reading (engine/input.c) through a memfd, so
 * the real file path is exercised; every non-empty line must give exactly
 * one article or error, in order, and its metadata must load as JSON. */
#define _GNU_SOURCE
#include "engine_priv.h"
#include "input.h"
#include "lua_trawl.h"

#include <lauxlib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

typedef struct { size_t n; lua_State *L; } counter;

static int on_article(void *ud, article *a)
{
    counter *c = ud;
    c->n++;
    if (!a->id) abort();
    if (!a->error && !a->text) abort();
    if (a->meta_kind == META_JSON && a->meta) {
        char err[256];
        if (json_push_text(c->L, a->meta, a->meta_len, err, sizeof err) == 0) lua_pop(c->L, 1);
    }
    return 0;
}

/* Lines the reader must report: non-empty after stripping \r and \n. */
static size_t expected(const uint8_t *d, size_t n)
{
    size_t count = 0, i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && d[j] != '\n') j++;
        size_t e = j;
        while (e > i && (d[e - 1] == '\r' || d[e - 1] == '\n')) e--;
        if (e > i) count++;
        i = j + 1;
    }
    return count;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int fd = memfd_create("jsonl", 0);
    if (fd < 0) return 0;
    if (size && write(fd, data, size) != (ssize_t)size) { close(fd); return 0; }
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    counter c = {0, luaL_newstate()};
    if (!c.L) { close(fd); return 0; }
    input_read(path, 1, on_article, &c);
    if (c.n != expected(data, size)) abort();
    lua_close(c.L);
    close(fd);
    return 0;
}
