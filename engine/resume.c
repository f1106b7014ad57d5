/* --resume: reading the ids of an earlier run's records into a hash
 * multiset, and repairing a truncated last line. */
#define _POSIX_C_SOURCE 200809L
#include "resume.h"

#include <errno.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    char *id;           /* NULL: empty slot */
    size_t count;       /* copies not yet taken */
} entry;

struct resume_set {
    entry *slots;
    size_t cap, used;   /* cap is a power of two */
    size_t records;
};

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static entry *find(resume_set *s, const char *id)
{
    size_t i = (size_t)hash(id) & (s->cap - 1);
    while (s->slots[i].id && strcmp(s->slots[i].id, id) != 0) i = (i + 1) & (s->cap - 1);
    return &s->slots[i];
}

static int grow(resume_set *s)
{
    size_t ncap = s->cap ? s->cap * 2 : 1024;
    entry *old = s->slots;
    size_t ocap = s->cap;
    s->slots = calloc(ncap, sizeof *s->slots);
    if (!s->slots) { s->slots = old; return -1; }
    s->cap = ncap;
    for (size_t i = 0; i < ocap; i++)
        if (old[i].id) *find(s, old[i].id) = old[i];
    free(old);
    return 0;
}

static int add(resume_set *s, const char *id, size_t n)
{
    if ((s->used + 1) * 4 > s->cap * 3 && grow(s)) return -1;
    char *key = malloc(n + 1);
    if (!key) return -1;
    memcpy(key, id, n);
    key[n] = 0;
    entry *e = find(s, key);
    if (e->id) free(key);
    else { e->id = key; s->used++; }
    e->count++;
    s->records++;
    return 0;
}

/* The id of one record line. trawl writes "id" first, so only that string
 * is decoded; any other line is parsed whole. Returns a jansson string or
 * NULL. */
static json_t *line_id(const char *line, size_t len)
{
    static const char PRE[] = "{\"id\":\"";
    if (len > sizeof PRE && memcmp(line, PRE, sizeof PRE - 1) == 0) {
        size_t i = sizeof PRE - 1;
        while (i < len && line[i] != '"') i += line[i] == '\\' ? 2 : 1;
        if (i < len) return json_loadb(line + 6, i + 1 - 6, JSON_DECODE_ANY, NULL);
    }
    json_t *j = json_loadb(line, len, 0, NULL);
    json_t *id = json_is_object(j) ? json_object_get(j, "id") : NULL;
    if (id) json_incref(id);
    json_decref(j);
    return id;
}

resume_set *resume_load(const char *path, char *err, size_t errlen)
{
    resume_set *s = calloc(1, sizeof *s);
    if (!s || grow(s)) { free(s); snprintf(err, errlen, "out of memory"); return NULL; }
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT) return s;
        snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
        resume_free(s);
        return NULL;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    off_t good = 0;   /* the end of the last complete line */
    int bad = 0;
    while ((n = getline(&line, &cap, f)) > 0) {
        if (line[n - 1] != '\n') break;
        good += n;
        json_t *id = line_id(line, (size_t)n - 1);
        if (json_is_string(id) && add(s, json_string_value(id), json_string_length(id))) bad = 1;
        json_decref(id);
        if (bad) break;
    }
    free(line);
    if (ferror(f)) bad = 2;
    fclose(f);
    if (!bad && n > 0 && truncate(path, good) != 0) bad = 3;
    if (bad) {
        snprintf(err, errlen, bad == 1 ? "out of memory reading %s" : "cannot repair %s: %s", path, strerror(errno));
        resume_free(s);
        return NULL;
    }
    return s;
}

int resume_take(resume_set *s, const char *id)
{
    entry *e = find(s, id);
    if (!e->id || e->count == 0) return 0;
    e->count--;
    return 1;
}

size_t resume_count(const resume_set *s) { return s->records; }

void resume_free(resume_set *s)
{
    if (!s) return;
    for (size_t i = 0; i < s->cap; i++) free(s->slots[i].id);
    free(s->slots);
    free(s);
}
