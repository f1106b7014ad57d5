/* Prints the quotes of an article with their speakers: a small C host of
 * libtrawl. Build: cc quotes.c $(pkg-config --cflags --libs trawl)
 * Run: ./quotes ARTICLE.txt */
#include <trawl.h>

#include <stdio.h>
#include <stdlib.h>

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = NULL;
    size_t n = 0, cap = 0, got;
    do {
        if (n + 4096 > cap) {
            cap = (n + 4096) * 2;
            char *p = realloc(buf, cap);
            if (!p) { free(buf); fclose(f); return NULL; }
            buf = p;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: quotes ARTICLE\n");
        return 2;
    }
    size_t len;
    char *text = read_file(argv[1], &len);
    if (!text) {
        perror(argv[1]);
        return 2;
    }
    trawl_engine *e = trawl_engine_new(NULL, NULL);
    if (!e) return 2;
    trawl_doc *d = NULL;
    int rc = trawl_analyse(e, argv[1], text, len, NULL, &d);
    if (rc != TRAWL_OK) {
        /* the doc, when there is one, holds an error record saying why */
        fprintf(stderr, "quotes: %s\n", trawl_errmsg(e));
        if (d) puts(trawl_doc_json(d, 0, NULL));
    } else {
        for (size_t i = 0; i < trawl_doc_count(d, "quotes"); i++) {
            size_t s, end;
            trawl_doc_span(d, "quotes", i, &s, &end);
            const trawl_field *who = trawl_doc_get(d, "quotes", i, "speaker.name");
            printf("%zu-%zu %s: \"%s\"\n", s, end, who ? who->text : "(unattributed)",
                   trawl_doc_field(d, "quotes", i, "text"));
        }
    }
    trawl_doc_free(d);
    trawl_engine_free(e);
    free(text);
    return rc == TRAWL_OK ? 0 : 1;
}
