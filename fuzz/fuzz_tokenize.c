/* libFuzzer target: the tokenizer and sentence/paragraph splitter over any
 * valid UTF-8 prefix of the input; checks that every span is in bounds,
 * ordered, and starts and ends on UTF-8 character boundaries. */
#include "tokenize.h"
#include "utf8.h"

#include <stdint.h>
#include <stdlib.h>

static void *fz_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    (void)ud;
    (void)osize;
    if (nsize == 0) { free(ptr); return NULL; }
    return realloc(ptr, nsize);
}

static int boundary(const uint8_t *s, size_t len, uint32_t off)
{
    return off == len || (off < len && (s[off] & 0xC0) != 0x80);
}

static void check_ranges(const tw_range *r, size_t n, size_t ntok, const uint8_t *s, size_t len)
{
    uint32_t last_e = 0, last_t1 = 0;
    for (size_t i = 0; i < n; i++) {
        if (r[i].s > r[i].e || r[i].e > len || r[i].s < last_e) abort();
        if (!boundary(s, len, r[i].s) || !boundary(s, len, r[i].e)) abort();
        if (r[i].t0 > r[i].t1 || r[i].t1 > ntok || r[i].t0 < last_t1) abort();
        last_e = r[i].e;
        last_t1 = r[i].t1;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t len = utf8_validate(data, size);
    /* the engine hands the tokenizer a NUL-terminated copy */
    char *text = malloc(len + 1);
    if (!text) return 0;
    for (size_t i = 0; i < len; i++) text[i] = data[i] ? (char)data[i] : ' ';
    text[len] = 0;
    tw_result r = {0};
    r.alloc = fz_alloc;
    if (tw_tokenize(text, len, &r) == 0) {
        uint32_t last = 0;
        for (size_t i = 0; i < r.ntok; i++) {
            const tw_token *t = &r.tok[i];
            if (t->s >= t->e || t->e > len || t->s < last) abort();
            if (!boundary((const uint8_t *)text, len, t->s) || !boundary((const uint8_t *)text, len, t->e)) abort();
            if (t->kind == 0 || t->kind >= TK__COUNT) abort();
            if (t->sent >= r.nsent && r.nsent) abort();
            char buf[2 * (t->e - t->s) + 4];
            (void)tw_lower(text, t, buf);
            (void)tw_shape(text, t, buf);
            last = t->e;
        }
        check_ranges(r.sent, r.nsent, r.ntok, (const uint8_t *)text, len);
        check_ranges(r.para, r.npara, r.ntok, (const uint8_t *)text, len);
    }
    tw_free(&r);
    free(text);
    return 0;
}
