/* Tokenizer and sentence splitter: table-driven rows of text and the
 * tokens / sentences expected, each failure naming its row. */
#include "tokenize.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

static void *alloc(void *ud, void *p, size_t o, size_t n)
{
    (void)ud;
    (void)o;
    if (!n) { free(p); return NULL; }
    return realloc(p, n);
}

static void tokens_of(const char *text, char *out, size_t cap)
{
    tw_result r;
    memset(&r, 0, sizeof r);
    r.alloc = alloc;
    if (tw_tokenize(text, strlen(text), &r)) { snprintf(out, cap, "<oom>"); return; }
    size_t o = 0;
    out[0] = 0;
    for (size_t i = 0; i < r.ntok && o + 2 < cap; i++) {
        o += (size_t)snprintf(out + o, cap - o, "%s%.*s", i ? "|" : "", (int)(r.tok[i].e - r.tok[i].s), text + r.tok[i].s);
    }
    tw_free(&r);
}

static void sentences_of(const char *text, char *out, size_t cap)
{
    tw_result r;
    memset(&r, 0, sizeof r);
    r.alloc = alloc;
    if (tw_tokenize(text, strlen(text), &r)) { snprintf(out, cap, "<oom>"); return; }
    size_t o = 0;
    out[0] = 0;
    for (size_t i = 0; i < r.nsent && o + 4 < cap; i++)
        o += (size_t)snprintf(out + o, cap - o, "%s%.*s", i ? " || " : "", (int)(r.sent[i].e - r.sent[i].s), text + r.sent[i].s);
    tw_free(&r);
}

static void check(const char *what, const char *row, const char *got, const char *want)
{
    if (strcmp(got, want) == 0) { passed++; return; }
    failed++;
    printf("FAIL %s «%s»\n  want: %s\n  got:  %s\n", what, row, want, got);
}

static const char *const TOKEN_ROWS[][2] = {
    {"Kyiv’s government", "Kyiv’s|government"},
    {"its so-called special operation", "its|so-called|special|operation"},
    {"the president-elect would", "the|president-elect|would"},
    {"a Western-oriented link", "a|Western-oriented|link"},
    {"1,200 sq km and 110,000 troops", "1,200|sq|km|and|110,000|troops"},
    /* Indian grouping; thousands grouped by fixed spaces, never ordinary ones */
    {"Rs 1,50,000 and 1,00,00,000 but 12,34 and 1,234,56", "Rs|1,50,000|and|1,00,00,000|but|12|,|34|and|1,234|,|56"},
    {"40\u00a0000 and 1\u202f200\u2009000 and 10 737-800 and 1234\u00a0567", "40\u00a0000|and|1\u202f200\u2009000|and|10|737|-|800|and|1234|567"},
    {"rose 2.5 points", "rose|2.5|points"},
    {"a 30-day ceasefire", "a|30|-|day|ceasefire"},
    {"around 20% of land", "around|20|%|of|land"},
    {"$61bn and €2.5 million and £300", "$|61bn|and|€|2.5|million|and|£|300"},
    {"“No scenario,” he said.", "“|No|scenario|,|”|he|said|."},
    {"\"It is,\" she said", "\"|It|is|,|\"|she|said"},
    {"‘phony signals’ here", "‘|phony|signals|’|here"},
    {"don't stop", "don't|stop"},
    {"the parents’ view", "the|parents’|view"},
    /* a number's 's is part of it; an elision apostrophe opens a word, not a quote */
    {"in the 1980’s and 90's, Radio 4's show", "in|the|1980’s|and|90's|,|Radio|4's|show"},
    {"on Lester ’cause he", "on|Lester|’|cause|he"},
    /* a straight mark before a curly closing one closes too */
    {"“It is, ‘a debate.'” Then", "“|It|is|,|‘|a|debate|.|'|”|Then"},
    /* '' is one double quote mark, also after a plural ending in s */
    {"he said, ''We won.'' Then", "he|said|,|''|We|won|.|''|Then"},
    {"the ''states'' they", "the|''|states|''|they"},
    {"''It isn't,'' he said", "''|It|isn't|,|''|he|said"},
    {"Ukraine – a move", "Ukraine|–|a|move"},
    {"war — and", "war|—|and"},
    {"the U.S. said", "the|U.S.|said"},
    /* a US party and state after a name is one word */
    {"John Thune, R-S.D., said and Thomas Massie, R-Ky., wrote", "John|Thune|,|R-S.D.|,|said|and|Thomas|Massie|,|R-Ky.|,|wrote"},
    {"Mr. Smith and Sept. 11", "Mr.|Smith|and|Sept.|11"},
    {"see https://example.com/a?b=1, then", "see|https://example.com/a?b=1|,|then"},
    {"write to press@example.org.", "write|to|press@example.org|."},
    {"told Antiwar.com that", "told|Antiwar.com|that"},
    {"the tracking site Layoffs.fyi said", "the|tracking|site|Layoffs.fyi|said"},
    {"in the east.Apple MacBook", "in|the|east|.|Apple|MacBook"},
    {"John F. Kennedy", "John|F.|Kennedy"},
    {"Covid-19 and F-16s", "Covid-19|and|F-16s"},
    {"at 10:30 on 9/11", "at|10:30|on|9/11"},
    {"wait...what", "wait|...|what"},
    {"Zaporizhzhia, Kherson", "Zaporizhzhia|,|Kherson"},
    {"in Kraków (Poland)", "in|Kraków|(|Poland|)"},
    {"non\xc2\xa0" "breaking", "non|breaking"},
    {"soft\xc2\xad" "hyphen word", "soft\xc2\xad" "hyphen|word"},
    {"line one\r\nline two", "line|one|line|two"},
    {"AT&T and S&P 500", "AT&T|and|S&P|500"},
    /* a stock's exchange code is one word; a capital after a missing space is not one */
    {"Apple Inc (AAPL.O) and <LEXL.L> and RDSa.L", "Apple|Inc|(|AAPL.O|)|and|<|LEXL.L|>|and|RDSa.L"},
    {"in the USA.He left", "in|the|USA|.|He|left"},
};

static const char *const SENT_ROWS[][2] = {
    /* a party and state ends a clause, and its sentence before a capital */
    {"“It is bad,” said Sen. Patty Murray, D-Wash. She left. Rep. Jo Bell, D-N.Y., agreed.",
     "“It is bad,” said Sen. Patty Murray, D-Wash. || She left. || Rep. Jo Bell, D-N.Y., agreed."},
    {"He said: “No scenario will suit us.\n“It is important.”",
     "He said: “No scenario will suit us. || “It is important.”"},
    {"It ended.” Then he left.", "It ended.” || Then he left."},
    {"“Why?” he asked. She left.", "“Why?” he asked. || She left."},
    {"U.S. officials said so. They agreed.", "U.S. officials said so. || They agreed."},
    {"He went to the U.S. The talks failed.", "He went to the U.S. || The talks failed."},
    {"Mr. Smith met Dr. Jones. They talked.", "Mr. Smith met Dr. Jones. || They talked."},
    {"in the east.Apple MacBook Air M4, now", "in the east. || Apple MacBook Air M4, now"},
    {"Cautious Russia awaits details\nThe Kremlin said so.", "Cautious Russia awaits details || The Kremlin said so."},
    {"WHAT DOES RUSSIA WANT\nIt wants land.", "WHAT DOES RUSSIA WANT || It wants land."},
    {"It was Sept. 11 when it began.", "It was Sept. 11 when it began."},
    {"Apple Inc (AAPL.O) said so. Shares fell.", "Apple Inc (AAPL.O) said so. || Shares fell."},
    {"John F. Kennedy spoke. Crowds cheered!", "John F. Kennedy spoke. || Crowds cheered!"},
    {"Prices rose 2.5 percent. Wages fell.", "Prices rose 2.5 percent. || Wages fell."},
    {"He left... Then she came.", "He left... || Then she came."},
    {"Is it? Yes.", "Is it? || Yes."},
    {"He said \"stop.\" Then quiet.", "He said \"stop.\" || Then quiet."},
};

/* Each quote mark of the text and where it points: o opens, c closes, - neither. */
static void marks_of(const char *text, char *out, size_t cap)
{
    tw_result r;
    memset(&r, 0, sizeof r);
    r.alloc = alloc;
    tw_tokenize(text, strlen(text), &r);
    size_t o = 0;
    out[0] = 0;
    for (size_t i = 0; i < r.ntok && o + 16 < cap; i++) {
        const tw_token *t = &r.tok[i];
        if (t->kind != TK_QUOTE) continue;
        o += (size_t)snprintf(out + o, cap - o, "%s%.*s%c", o ? " " : "", (int)(t->e - t->s), text + t->s,
                              (t->flags & TF_OPEN) ? 'o' : (t->flags & TF_CLOSE) ? 'c' : '-');
    }
    tw_free(&r);
}

static const char *const MARK_ROWS[][2] = {
    /* a '' pair opens and closes like a double quote mark */
    {"said ''Yes,'' then", "''o ''c"},
    /* nested straight marks: both close at off.'" and both open at "'If */
    {"said, \"'If not, all bets are off.'\" Then", "\"o 'o 'c \"c"},
    /* a double curly mark typed the wrong way round goes as the spaces say */
    {"is 51 percent.\xe2\x80\x9c Then \xe2\x80\x9dlike this", "\xe2\x80\x9c" "c \xe2\x80\x9d" "o"},
    /* a straight mark before a curly closing one closes */
    {"\xe2\x80\x9cIt is, \xe2\x80\x98" "a debate.'\xe2\x80\x9d Then",
     "\xe2\x80\x9c" "o \xe2\x80\x98" "o 'c \xe2\x80\x9d" "c"},
    /* an elision apostrophe neither opens nor closes */
    {"on Lester \xe2\x80\x99" "cause he", "\xe2\x80\x99-"},
};

int main(void)
{
    char got[4096];
    for (size_t i = 0; i < sizeof TOKEN_ROWS / sizeof *TOKEN_ROWS; i++) {
        tokens_of(TOKEN_ROWS[i][0], got, sizeof got);
        check("tokens", TOKEN_ROWS[i][0], got, TOKEN_ROWS[i][1]);
    }
    for (size_t i = 0; i < sizeof SENT_ROWS / sizeof *SENT_ROWS; i++) {
        sentences_of(SENT_ROWS[i][0], got, sizeof got);
        check("sentences", SENT_ROWS[i][0], got, SENT_ROWS[i][1]);
    }
    /* attributes */
    {
        const char *t = "“Kyiv’s” U.S. NATO 1,200";
        tw_result r;
        memset(&r, 0, sizeof r);
        r.alloc = alloc;
        tw_tokenize(t, strlen(t), &r);
        int ok = r.ntok == 6 && r.tok[0].kind == TK_QUOTE && (r.tok[0].flags & TF_OPEN) &&
                 r.tok[2].kind == TK_QUOTE && (r.tok[2].flags & TF_CLOSE) && (r.tok[1].flags & TF_TITLE) &&
                 (r.tok[1].flags & TF_APOS) && (r.tok[3].flags & TF_ABBREV) && (r.tok[4].flags & TF_UPPER) &&
                 r.tok[5].kind == TK_NUMBER && (r.tok[0].flags & TF_SENT_START) && (r.tok[0].flags & TF_PARA_START);
        char lower[64], shape[64];
        tw_lower(t, &r.tok[1], lower);
        tw_shape(t, &r.tok[5], shape);
        check("attributes", t, ok ? "ok" : "bad", "ok");
        check("lower", t, lower, "kyiv's");
        check("shape", t, shape, "d,ddd");
        tw_free(&r);
    }
    for (size_t i = 0; i < sizeof MARK_ROWS / sizeof *MARK_ROWS; i++) {
        marks_of(MARK_ROWS[i][0], got, sizeof got);
        check("quote marks", MARK_ROWS[i][0], got, MARK_ROWS[i][1]);
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
