/* Reading articles for the CLI: text and Markdown files (with optional YAML
 * front matter), directories (recursive, sorted), stdin, JSON Lines. */
#ifndef TRAWL_INPUT_H
#define TRAWL_INPUT_H

#include <stddef.h>

typedef struct {
    char *id;
    char *text;            /* the article body (front matter removed) */
    size_t len;
    char *meta;            /* front matter (YAML) or metadata (JSON), or NULL */
    size_t meta_len;
    int meta_kind;         /* enum meta_kind */
    char *error;           /* set when the article could not be read */
} article;

/* Called once per article, in input order; a non-zero return stops. */
typedef int (*article_fn)(void *ud, article *a);

/* Reads path ("-" for stdin) as one article, a directory, or (jsonl) as
 * JSON Lines, calling fn for each. Returns fn's non-zero value, else 0. */
int input_read(const char *path, int jsonl, article_fn fn, void *ud);

/* Splits YAML front matter ("---" line ... "---" line) off a text. */
void input_front_matter(const char *text, size_t len, size_t *meta_s, size_t *meta_e, size_t *body_s);

#endif
