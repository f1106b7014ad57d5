/* The tokenizer and sentence splitter: bytes in, token/sentence/paragraph
 * arrays out, all as byte spans into the unchanged text. */
#ifndef TRAWL_TOKENIZE_H
#define TRAWL_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>

enum tw_kind {
    TK_WORD = 1, TK_NUMBER, TK_PUNCT, TK_QUOTE, TK_DASH, TK_SYMBOL,
    TK_CURRENCY, TK_URL, TK_EMAIL, TK__COUNT
};

enum tw_flag {
    TF_TITLE        = 1u << 0,   /* first letter upper case */
    TF_UPPER        = 1u << 1,   /* has letters, none lower case */
    TF_LOWER        = 1u << 2,   /* has letters, none upper case */
    TF_DIGIT        = 1u << 3,   /* contains a digit */
    TF_SENT_START   = 1u << 4,
    TF_PARA_START   = 1u << 5,
    TF_SPACE_BEFORE = 1u << 6,
    TF_SPACE_AFTER  = 1u << 7,
    TF_OPEN         = 1u << 8,   /* opening quote mark or bracket */
    TF_CLOSE        = 1u << 9,   /* closing quote mark or bracket */
    TF_ABBREV       = 1u << 10,  /* keeps its final full stop: U.S., Mr., Sept. */
    TF_HYPHEN       = 1u << 11,  /* word with an inner hyphen */
    TF_APOS         = 1u << 12,  /* word with an inner apostrophe */
    TF_NL_BEFORE    = 1u << 13,  /* a line break before it */
    TF_NONASCII     = 1u << 14,  /* needs normalising before comparison */
    TF_CURLY        = 1u << 15,  /* a typographic (curly) quote mark */
    TF_SENT_END     = 1u << 16,  /* last token of its sentence */
    TF_INITIAL      = 1u << 17   /* a single capital with a full stop: J. */
};

typedef struct {
    uint32_t s, e;       /* byte span, end exclusive */
    uint32_t flags;      /* enum tw_flag bits */
    uint16_t kind;       /* enum tw_kind */
    uint16_t _pad;
    uint32_t sent;       /* 0-based sentence index */
    uint32_t para;       /* 0-based paragraph index */
} tw_token;

typedef struct {
    uint32_t s, e;       /* byte span of the text it covers */
    uint32_t t0, t1;     /* tokens [t0, t1) */
} tw_range;

/* The realloc the arrays grow with: lua_Alloc's shape, so the engine's
 * (possibly capped) allocator is used for everything. */
typedef void *(*tw_alloc)(void *ud, void *ptr, size_t osize, size_t nsize);

typedef struct {
    tw_alloc alloc;
    void *ud;
    tw_token *tok;  size_t ntok,  captok;
    tw_range *sent; size_t nsent, capsent;
    tw_range *para; size_t npara, cappara;
} tw_result;

/* Tokenizes valid UTF-8 text and splits it into paragraphs and sentences.
 * Returns 0, or -1 when an allocation failed (the arrays stay freeable). */
int tw_tokenize(const char *text, size_t len, tw_result *r);
void tw_free(tw_result *r);

const char *tw_kind_name(int kind);
/* Parses a flag name ("title", "sent_start", ...); 0 when unknown. */
uint32_t tw_flag_bit(const char *name);
const char *tw_flag_name(uint32_t bit);

/* Writes the token's lower-cased, normalised form (curly apostrophes and
 * dashes folded, NBSP to space, soft hyphens dropped) into out; returns its
 * length. out needs room for 2 * (e - s) + 4 bytes. */
size_t tw_lower(const char *text, const tw_token *t, char *out);
/* Writes the shape (Xxxx, dd,ddd, X.X.) into out (room for 2 * (e - s) + 4). */
size_t tw_shape(const char *text, const tw_token *t, char *out);

#endif
