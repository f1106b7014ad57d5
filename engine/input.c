/* Reading articles from files, directories, stdin and JSON Lines. */
#define _POSIX_C_SOURCE 200809L
#include "input.h"
#include "engine_priv.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char *dup_range(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p) { fprintf(stderr, "trawl: out of memory\n"); exit(2); }
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

static char *dup_str(const char *s) { return dup_range(s, strlen(s)); }

static char *id_from_path(const char *path)
{
    if (strcmp(path, "-") == 0) return dup_str("stdin");
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    return dup_range(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
}

static int read_all(FILE *f, char **out, size_t *len)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    if (!buf) return -1;
    for (;;) {
        if (n == cap) {
            char *p = realloc(buf, cap * 2);
            if (!p) { free(buf); return -1; }
            buf = p;
            cap *= 2;
        }
        size_t k = fread(buf + n, 1, cap - n, f);
        n += k;
        if (k == 0) break;
    }
    if (ferror(f)) { free(buf); return -1; }
    *out = buf;
    *len = n;
    return 0;
}

void input_front_matter(const char *text, size_t len, size_t *meta_s, size_t *meta_e, size_t *body_s)
{
    *meta_s = *meta_e = *body_s = 0;
    size_t first;
    if (len >= 4 && memcmp(text, "---\n", 4) == 0) first = 4;
    else if (len >= 5 && memcmp(text, "---\r\n", 5) == 0) first = 5;
    else return;
    size_t i = first;
    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t line_end = nl ? (size_t)(nl - text) : len;
        size_t l = line_end - i;
        if (l && text[line_end - 1] == '\r') l--;
        if ((l == 3 && (memcmp(text + i, "---", 3) == 0 || memcmp(text + i, "...", 3) == 0))) {
            *meta_s = first;
            *meta_e = i;
            *body_s = nl ? line_end + 1 : len;
            return;
        }
        if (!nl) break;
        i = line_end + 1;
    }
}

static void free_article(article *a)
{
    free(a->id);
    free(a->text);
    free(a->meta);
    free(a->error);
    memset(a, 0, sizeof *a);
}

static int emit_error(article_fn fn, void *ud, char *id, const char *fmt, const char *arg1, const char *arg2)
{
    article a = {0};
    a.id = id;
    char msg[1024];
    snprintf(msg, sizeof msg, fmt, arg1, arg2);
    a.error = dup_str(msg);
    int rc = fn(ud, &a);
    free_article(&a);
    return rc;
}

static int read_text_file(const char *path, article_fn fn, void *ud)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) return emit_error(fn, ud, id_from_path(path), "cannot open %s: %s", path, strerror(errno));
    char *buf;
    size_t len;
    int bad = read_all(f, &buf, &len);
    int saved = errno;
    if (f != stdin) fclose(f);
    if (bad) return emit_error(fn, ud, id_from_path(path), "cannot read %s: %s", path, strerror(saved ? saved : EIO));
    article a = {0};
    a.id = id_from_path(path);
    size_t ms, me, bs;
    input_front_matter(buf, len, &ms, &me, &bs);
    if (bs) {
        a.meta = dup_range(buf + ms, me - ms);
        a.meta_len = me - ms;
        a.meta_kind = META_YAML;
        a.text = dup_range(buf + bs, len - bs);
        a.len = len - bs;
        free(buf);
    } else {
        a.text = buf;
        a.len = len;
    }
    int rc = fn(ud, &a);
    free_article(&a);
    return rc;
}

static int read_jsonl(const char *path, article_fn fn, void *ud)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) return emit_error(fn, ud, id_from_path(path), "cannot open %s: %s", path, strerror(errno));
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    int rc = 0;
    while (!rc && (n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        size_t len = (size_t)n;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) len--;
        if (len == 0) continue;
        char lid[64];
        snprintf(lid, sizeof lid, "line %ld", lineno);
        json_error_t je;
        json_t *j = json_loadb(line, len, 0, &je);
        if (!j || !json_is_object(j)) {
            char where[128];
            snprintf(where, sizeof where, "%s:%ld", path, lineno);
            rc = emit_error(fn, ud, dup_str(lid), "%s: not a JSON object: %s", where, j ? "another JSON value" : je.text);
            if (j) json_decref(j);
            continue;
        }
        json_t *jid = json_object_get(j, "id");
        json_t *jtext = json_object_get(j, "text");
        char *id;
        if (json_is_string(jid)) id = dup_str(json_string_value(jid));
        else if (json_is_integer(jid)) { char t[32]; snprintf(t, sizeof t, "%lld", (long long)json_integer_value(jid)); id = dup_str(t); }
        else id = dup_str(lid);
        if (!json_is_string(jtext)) {
            char where[128];
            snprintf(where, sizeof where, "%s:%ld", path, lineno);
            rc = emit_error(fn, ud, id, "%s: no \"text\" string in the record%s", where, "");
            json_decref(j);
            continue;
        }
        article a = {0};
        a.id = id;
        a.text = dup_range(json_string_value(jtext), json_string_length(jtext));
        a.len = json_string_length(jtext);
        json_object_del(j, "text");
        char *meta = json_dumps(j, JSON_COMPACT | JSON_ENSURE_ASCII);
        if (meta) {
            a.meta = meta;
            a.meta_len = strlen(meta);
            a.meta_kind = META_JSON;
        }
        json_decref(j);
        rc = fn(ud, &a);
        free_article(&a);
    }
    int bad = ferror(f);
    free(line);
    if (f != stdin) fclose(f);
    if (!rc && bad) rc = emit_error(fn, ud, id_from_path(path), "read error on %s%s", path, "");
    return rc;
}

static int cmp_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int wanted(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot && (strcmp(dot, ".txt") == 0 || strcmp(dot, ".md") == 0 || strcmp(dot, ".markdown") == 0);
}

static int read_dir(const char *path, int jsonl, article_fn fn, void *ud)
{
    DIR *d = opendir(path);
    if (!d) return emit_error(fn, ud, id_from_path(path), "cannot open directory %s: %s", path, strerror(errno));
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.') continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **p = realloc(names, cap * sizeof *names);
            if (!p) { fprintf(stderr, "trawl: out of memory\n"); exit(2); }
            names = p;
        }
        names[n++] = dup_str(de->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_names);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        if (!rc) {
            size_t plen = strlen(path) + strlen(names[i]) + 2;
            char *full = malloc(plen);
            if (!full) { fprintf(stderr, "trawl: out of memory\n"); exit(2); }
            snprintf(full, plen, "%s/%s", path, names[i]);
            struct stat st;
            if (stat(full, &st) == 0 && S_ISDIR(st.st_mode)) rc = read_dir(full, jsonl, fn, ud);
            else if (jsonl ? (strstr(names[i], ".jsonl") != NULL) : wanted(names[i]))
                rc = jsonl ? read_jsonl(full, fn, ud) : read_text_file(full, fn, ud);
            free(full);
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

int input_read(const char *path, int jsonl, article_fn fn, void *ud)
{
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) return read_dir(path, jsonl, fn, ud);
    if (strcmp(path, "-") != 0 && stat(path, &st) != 0)
        return emit_error(fn, ud, id_from_path(path), "cannot open %s: %s", path, strerror(errno));
    return jsonl ? read_jsonl(path, fn, ud) : read_text_file(path, fn, ud);
}
