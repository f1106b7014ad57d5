/* Tokenizer and sentence splitter for English news text.
 *
 * One pass over the bytes makes tokens (spans, kind, flags); a second pass
 * over the tokens finds sentence ends. The text is never modified:
 * normalisation (curly quotes, NBSP, soft hyphens) shows up as flags and in
 * tw_lower(), not as changed bytes. */
#include "tokenize.h"
#include "utf8.h"

#include <string.h>

/* ---- character classes ------------------------------------------------ */

/* ASCII classes, one lookup per byte in the hot loops */
enum { AC_LOWER = 1, AC_UPPER = 2, AC_DIGIT = 4, AC_SPACE = 8 };
static const unsigned char ACLASS[256] = {
    ['\t'] = AC_SPACE, ['\n'] = AC_SPACE, ['\v'] = AC_SPACE, ['\f'] = AC_SPACE, ['\r'] = AC_SPACE, [' '] = AC_SPACE,
    ['0'] = AC_DIGIT, ['1'] = AC_DIGIT, ['2'] = AC_DIGIT, ['3'] = AC_DIGIT, ['4'] = AC_DIGIT,
    ['5'] = AC_DIGIT, ['6'] = AC_DIGIT, ['7'] = AC_DIGIT, ['8'] = AC_DIGIT, ['9'] = AC_DIGIT,
    ['A'] = AC_UPPER, ['B'] = AC_UPPER, ['C'] = AC_UPPER, ['D'] = AC_UPPER, ['E'] = AC_UPPER, ['F'] = AC_UPPER,
    ['G'] = AC_UPPER, ['H'] = AC_UPPER, ['I'] = AC_UPPER, ['J'] = AC_UPPER, ['K'] = AC_UPPER, ['L'] = AC_UPPER,
    ['M'] = AC_UPPER, ['N'] = AC_UPPER, ['O'] = AC_UPPER, ['P'] = AC_UPPER, ['Q'] = AC_UPPER, ['R'] = AC_UPPER,
    ['S'] = AC_UPPER, ['T'] = AC_UPPER, ['U'] = AC_UPPER, ['V'] = AC_UPPER, ['W'] = AC_UPPER, ['X'] = AC_UPPER,
    ['Y'] = AC_UPPER, ['Z'] = AC_UPPER,
    ['a'] = AC_LOWER, ['b'] = AC_LOWER, ['c'] = AC_LOWER, ['d'] = AC_LOWER, ['e'] = AC_LOWER, ['f'] = AC_LOWER,
    ['g'] = AC_LOWER, ['h'] = AC_LOWER, ['i'] = AC_LOWER, ['j'] = AC_LOWER, ['k'] = AC_LOWER, ['l'] = AC_LOWER,
    ['m'] = AC_LOWER, ['n'] = AC_LOWER, ['o'] = AC_LOWER, ['p'] = AC_LOWER, ['q'] = AC_LOWER, ['r'] = AC_LOWER,
    ['s'] = AC_LOWER, ['t'] = AC_LOWER, ['u'] = AC_LOWER, ['v'] = AC_LOWER, ['w'] = AC_LOWER, ['x'] = AC_LOWER,
    ['y'] = AC_LOWER, ['z'] = AC_LOWER,
};

static inline int is_space_cp(uint32_t c)
{
    if (c < 0x80) return ACLASS[c] & AC_SPACE;
    return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
           c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF || c == 0x85;
}

static int is_newline_cp(uint32_t c) { return c == '\n' || c == 0x2028 || c == 0x2029 || c == 0x85; }
static int is_apos_cp(uint32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
static int is_hyphen_cp(uint32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }
static int is_digit_cp(uint32_t c) { return c >= '0' && c <= '9'; }
static inline int ascii_alnum(unsigned c) { return (c - '0' < 10u) || ((c | 32) - 'a' < 26u); }
static inline int is_alnum_cp(uint32_t c) { return c < 0x80 ? ascii_alnum(c) : cp_is_letter(c); }

static int is_dash_cp(uint32_t c) { return (c >= 0x2012 && c <= 0x2015) || c == 0x2E3A || c == 0x2E3B || c == 0x2212; }

static int is_currency_cp(uint32_t c)
{
    return c == '$' || c == 0xA2 || c == 0xA3 || c == 0xA5 || (c >= 0x20A0 && c <= 0x20C0);
}

/* 0: not a quote; else 1 open, 2 close, 3 ambiguous (decided by context) */
static int quote_class(uint32_t c)
{
    switch (c) {
    case '"': case '\'': return 3;
    case 0x201C: case 0x201E: case 0x201F: case 0x2018: case 0x201A: case 0x201B:
    case 0xAB: case 0x2039: case 0x300C: case 0x300E: return 1;
    case 0x201D: case 0x2019: case 0xBB: case 0x203A: case 0x300D: case 0x300F: return 2;
    default: return 0;
    }
}

static int is_punct_ascii(uint32_t c)
{
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
           c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}';
}

/* ---- abbreviations ------------------------------------------------------ */

/* Words that keep a following full stop. Titles never end a sentence; the
 * others end one only before a word that typically starts a sentence. */
static const char *const TITLES[] = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt",
    "Cmdr", "Adm", "Maj", "Cpl", "Pvt", "Rev", "Fr", "St", "Mt", "Ft", "Hon", "Pres", "Supt",
    "Insp", "Det", "Atty", "Amb", "Messrs", "Mme", "Gens", "Reps", "Sens", "Lt.Col", NULL
};
static const char *const ABBREVS[] = {
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "Bros", "Dept", "Univ", "Assn", "Ave", "Blvd",
    "vs", "etc", "approx", "est", "al", "cf", "Calif", "Tex", "Fla", "Mass", "Penn", "Wash",
    "Ariz", "Colo", "Conn", "Del", "Ill", "Ind", "Kan", "Md", "Mich", "Minn", "Miss", "Mo",
    "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Va", "Vt", "Wis", "Wyo", "Ga", "Ala",
    "Ark", "Ky", "La", "Fig", "fig", "Vol", "vol", "pp", "Ph", "Govt", "govt", "Nos", "No",
    NULL
};

static int in_list(const char *const *list, const char *s, size_t n)
{
    for (; *list; list++)
        if ((*list)[0] == s[0] && strncmp(*list, s, n) == 0 && (*list)[n] == 0) return 1;
    return 0;
}

/* Lower-case top-level domains that make "word.tld" a domain name. */
static const char *const TLDS[] = {
    "com", "org", "net", "gov", "edu", "mil", "int", "io", "co", "uk", "us", "ru", "ua", "de",
    "fr", "info", "news", "tv", "me", "ly", "ai", "eu", "ca", "au", "in", "cn", "jp", "it",
    "es", "nl", "ch", "se", "no", "pl", "org.uk", "gov.uk", "ac", "biz", "app", "dev", "fyi", "ie",
    "nz", "za", "ng", "ke", "br", "mx", "kr", "il", "sg", "hk", "xyz", "online", "site", NULL
};

/* ---- token building ----------------------------------------------------- */

static int grow(tw_result *r, void **arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return 0;
    size_t ncap = *cap ? *cap * 2 : 256;
    while (ncap < need) ncap *= 2;
    void *p = r->alloc(r->ud, *arr, *cap * elem, ncap * elem);
    if (!p) return -1;
    *arr = p;
    *cap = ncap;
    return 0;
}

typedef struct {
    const unsigned char *s;
    size_t len;
} scan;

static inline uint32_t cp_at(const scan *sc, size_t i, int *n)
{
    if (i >= sc->len) { *n = 0; return 0; }
    if (sc->s[i] < 0x80) { *n = 1; return sc->s[i]; }
    return utf8_decode(sc->s + i, sc->len - i, n);
}

static uint32_t cp_at1(const scan *sc, size_t i)
{
    int n;
    return cp_at(sc, i, &n);
}

/* Case flags of a word-like token. */
static uint32_t case_flags(const scan *sc, size_t b, size_t e)
{
    int any_upper = 0, any_lower = 0, first = 1, title = 0, nonascii = 0, digit = 0;
    size_t i = b;
    /* ASCII fast path: most tokens never leave it. Until the first letter
     * only digits and marks can come, so title is decided by that letter. */
    unsigned acc = 0;
    while (i < e && sc->s[i] < 0x80 && !(ACLASS[sc->s[i]] & (AC_LOWER | AC_UPPER))) acc |= ACLASS[sc->s[i++]];
    if (i < e && sc->s[i] < 0x80) {
        title = (ACLASS[sc->s[i]] & AC_UPPER) != 0;
        first = 0;
        while (i < e && sc->s[i] < 0x80) acc |= ACLASS[sc->s[i++]];
    }
    any_lower = (acc & AC_LOWER) != 0;
    any_upper = (acc & AC_UPPER) != 0;
    digit = (acc & AC_DIGIT) != 0;
    while (i < e) {
        int n;
        uint32_t c = cp_at(sc, i, &n);
        if (c >= 0x80) nonascii = 1;
        if (is_digit_cp(c)) digit = 1;
        if (cp_is_upper(c)) { any_upper = 1; if (first) title = 1; first = 0; }
        else if (cp_is_lower(c)) { any_lower = 1; first = 0; }
        i += (size_t)n;
    }
    uint32_t f = 0;
    if (title) f |= TF_TITLE;
    if (any_upper && !any_lower) f |= TF_UPPER;
    if (any_lower && !any_upper) f |= TF_LOWER;
    if (nonascii) f |= TF_NONASCII;
    if (digit) f |= TF_DIGIT;
    return f;
}

/* case_flags for a word of ASCII letters and digits (plus marks), from the
 * classes scan_word collected and its first byte, a letter */
static inline uint32_t ascii_case_flags(unsigned acc, unsigned char first)
{
    uint32_t f = 0;
    if (ACLASS[first] & AC_UPPER) f |= TF_TITLE;
    if ((acc & (AC_UPPER | AC_LOWER)) == AC_UPPER) f |= TF_UPPER;
    if ((acc & (AC_UPPER | AC_LOWER)) == AC_LOWER) f |= TF_LOWER;
    if (acc & AC_DIGIT) f |= TF_DIGIT;
    return f;
}

static int isdig(unsigned char c) { return c >= '0' && c <= '9'; }

/* Whether exactly three digits start at s[i]. */
static int three_digits(const unsigned char *s, size_t n, size_t i)
{
    return i + 2 < n && isdig(s[i]) && isdig(s[i + 1]) && isdig(s[i + 2]) &&
           !(i + 3 < n && isdig(s[i + 3]));
}

/* The end of Indian grouping at s[i] (",50,000" in "1,50,000", ",00,00,000"
 * in "1,00,00,000"): pairs of digits, then a group of three; or i. */
static size_t lakh_groups(const unsigned char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j + 2 < n && s[j] == ',' && isdig(s[j + 1]) && isdig(s[j + 2]) &&
           !(j + 3 < n && isdig(s[j + 3])))
        j += 3;
    if (j > i && j < n && s[j] == ',' && three_digits(s, n, j + 1)) return j + 4;
    return i;
}

/* Scans a number starting at a digit: 1,200  2.5  10:30  1/2  61bn  1990s. */
static size_t scan_number(const scan *sc, size_t i)
{
    const unsigned char *s = sc->s;
    size_t n = sc->len, start = i;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    int spaced = i - start <= 3;        /* "40 000": one to three digits lead */
    if (i - start <= 2) i = lakh_groups(s, n, i);
    for (;;) {
        if (i >= n) break;
        /* ",ddd" not followed by a fourth digit */
        if (s[i] == ',' && three_digits(s, n, i + 1)) {
            i += 4;
            continue;
        }
        /* "40 000" typeset with a fixed space; an ordinary space never
         * groups ("the sale of 10 737-800 planes") */
        size_t g = utf8_fixed_space(s, n, i);
        if (g && spaced && three_digits(s, n, i + g)) {
            i += g + 3;
            continue;
        }
        if ((s[i] == '.' || s[i] == ':' || s[i] == '/') && i + 1 < n && isdig(s[i + 1])) {
            i += 1;
            spaced = 0;
            while (i < n && isdig(s[i])) i++;
            continue;
        }
        break;
    }
    /* attached letters: 61bn, 2.5m, 10th, 1990s, 4pm, 3D */
    while (i < n) {
        int k;
        uint32_t c = cp_at(sc, i, &k);
        if (!is_alnum_cp(c)) break;
        i += (size_t)k;
    }
    return i;
}

static int is_tld(const unsigned char *s, size_t n)
{
    return in_list(TLDS, (const char *)s, n);
}

/* After "word", a domain continues with ".tld" (lower-case, known TLD),
 * possibly more labels and a path. Returns the new end, or i unchanged. */
static size_t scan_domain(const scan *sc, size_t i)
{
    const unsigned char *s = sc->s;
    size_t n = sc->len, end = i, p = i;
    int found = 0;
    while (p < n && s[p] == '.') {
        size_t q = p + 1;
        while (q < n && ((s[q] >= 'a' && s[q] <= 'z') || (s[q] >= '0' && s[q] <= '9') || s[q] == '-')) q++;
        if (q == p + 1) break;
        int next_letter = q < n && cp_is_letter(cp_at1(sc, q));
        if (next_letter) break;
        if (is_tld(s + p + 1, q - p - 1)) { found = 1; end = q; }
        else if (!found && !(q < n && s[q] == '.')) break;
        p = q;
    }
    if (!found) return i;
    if (end < n && s[end] == '/') {
        while (end < n && s[end] > ' ' && s[end] < 0x80) end++;
        while (end > i && strchr(".,;:!?)]'\"", s[end - 1])) end--;
    }
    return end;
}

static size_t scan_url(const scan *sc, size_t i)
{
    size_t n = sc->len;
    size_t e = i;
    while (e < n) {
        int k;
        uint32_t c = cp_at(sc, e, &k);
        if (is_space_cp(c) || c == 0x201C || c == 0x201D || c == '<' || c == '>') break;
        e += (size_t)k;
    }
    while (e > i && strchr(".,;:!?)]'\"", sc->s[e - 1])) e--;
    return e;
}

static int starts_with(const scan *sc, size_t i, const char *lit)
{
    size_t k = strlen(lit);
    if (i + k > sc->len) return 0;
    for (size_t j = 0; j < k; j++) {
        unsigned char c = sc->s[i + j];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        if (c != (unsigned char)lit[j]) return 0;
    }
    return 1;
}

/* Whether the word s[b, i) before a point is a US party and state as news
 * writes them after a politician's name: D, R or I, a hyphen, a state's
 * abbreviation ("Ky", "Calif", "S", "N"). */
static int party_state(const unsigned char *s, size_t b, size_t i)
{
    if (i - b < 3 || i - b > 8 || (s[b] != 'D' && s[b] != 'R' && s[b] != 'I') || s[b + 1] != '-') return 0;
    if (!(s[b + 2] >= 'A' && s[b + 2] <= 'Z')) return 0;
    for (size_t k = b + 3; k < i; k++)
        if (!(s[k] >= 'a' && s[k] <= 'z')) return 0;
    return 1;
}

/* Scans a word starting at a letter; sets *flags for hyphens, apostrophes,
 * abbreviations; may turn it into a URL or an e-mail (*kind). *acc gets the
 * ASCII classes of its letters and digits, or 0 when some were not ASCII
 * (the caller then works the case flags out the slow way). */
static size_t scan_word(const scan *sc, size_t b, int open_singles, uint32_t *flags, int *kind, unsigned *acc)
{
    const unsigned char *s = sc->s;
    size_t n = sc->len, i = b;
    int letters = 0, simple = 1;
    unsigned cls = 0, k1;
    for (;;) {
        size_t i0 = i;
        while (i < n && (k1 = ACLASS[s[i]] & (AC_LOWER | AC_UPPER | AC_DIGIT))) { cls |= k1; i++; }
        letters += (int)(i - i0);
        int k;
        uint32_t c = cp_at(sc, i, &k);
        if (k == 0) break;
        if (is_alnum_cp(c) || (c >= 0x300 && c <= 0x36F)) { i += (size_t)k; letters++; simple = 0; continue; }
        int k2;
        uint32_t c2 = cp_at(sc, i + (size_t)k, &k2);
        /* a curly apostrophe or a Unicode hyphen makes the word non-ASCII */
        if (is_apos_cp(c) && cp_is_letter(c2)) { *flags |= TF_APOS; i += (size_t)k; simple &= c < 0x80; continue; }
        if ((is_hyphen_cp(c) || c == 0xAD) && is_alnum_cp(c2)) {
            if (c != 0xAD) *flags |= TF_HYPHEN;
            simple &= c < 0x80;
            i += (size_t)k;
            continue;
        }
        if (c == '&' && i > b && cp_is_upper(cp_at1(sc, i - 1)) && cp_is_upper(c2)) { i += (size_t)k; continue; }
        if (c == '@' && is_alnum_cp(c2)) {
            size_t e = i + 1;
            while (e < n && (s[e] == '.' || s[e] == '-' || s[e] == '_' || (s[e] >= '0' && s[e] <= '9') ||
                             ((s[e] | 32) >= 'a' && (s[e] | 32) <= 'z'))) e++;
            while (e > i && s[e - 1] == '.') e--;
            *kind = TK_EMAIL;
            *acc = 0;
            return e;
        }
        /* possessive plural: parents’ — only when no single quote is open */
        if (is_apos_cp(c) && !cp_is_letter(c2) && c2 != '\'' && !open_singles && i > b &&
            (s[i - 1] == 's' || s[i - 1] == 'S') && letters > 1) {
            *flags |= TF_APOS;
            simple &= c < 0x80;
            i += (size_t)k;
            break;
        }
        break;
    }
    if (i < n && s[i] == '.' && party_state(s, b, i)) {
        /* a US party and state: "R-Ky."  "D-Calif."  "R-S.D."  "D-N.Y." */
        size_t p = i + 1;
        while (p + 1 < n && s[p] >= 'A' && s[p] <= 'Z' && s[p + 1] == '.') p += 2;
        *flags |= TF_ABBREV;
        *acc = 0;
        return p;
    }
    if (i < n && s[i] == '.') {
        size_t wlen = i - b;
        /* dotted initialisms: U.S.  U.K.  a.m.  e.g. */
        if (wlen == 1 || (wlen <= 4 && b + wlen <= n)) {
            size_t p = i;
            int pairs = 0;
            int single = (wlen == 1);
            while (single && p + 1 < n && s[p] == '.') {
                int k;
                uint32_t c = cp_at(sc, p + 1, &k);
                if (!cp_is_letter(c)) break;
                uint32_t after = cp_at1(sc, p + 1 + (size_t)k);
                if (cp_is_letter(after)) break;
                p += 1 + (size_t)k;
                pairs++;
            }
            if (pairs > 0) {
                if (p < n && s[p] == '.') p++;
                *flags |= TF_ABBREV;
                *acc = 0;
                return p;
            }
        }
        if (wlen <= 6 && (in_list(TITLES, (const char *)s + b, wlen) || in_list(ABBREVS, (const char *)s + b, wlen))) {
            int ok = 1;
            /* "No." and "Nos." only before a number */
            if ((wlen == 2 && memcmp(s + b, "No", 2) == 0) || (wlen == 3 && memcmp(s + b, "Nos", 3) == 0)) {
                size_t p = i + 1;
                while (p < n && s[p] == ' ') p++;
                ok = p < n && s[p] >= '0' && s[p] <= '9';
            }
            if (ok) { *flags |= TF_ABBREV; *acc = simple ? cls : 0; return i + 1; }
        }
        /* initials: "John F. Kennedy" */
        if (wlen == 1 && cp_is_upper(cp_at1(sc, b)) && i + 2 < n && s[i + 1] == ' ' &&
            cp_is_upper(cp_at1(sc, i + 2))) {
            *flags |= TF_ABBREV | TF_INITIAL;
            *acc = simple ? cls : 0;
            return i + 1;
        }
        /* a stock's exchange code: "AAPL.O", "VOD.L", "RDSa.L" (one word, so
         * that no sentence ends inside "Apple Inc (AAPL.O) said") */
        if (wlen >= 2 && wlen <= 6 && (cls & AC_UPPER) && !(cls & AC_DIGIT)) {
            size_t p = i + 1, u = 0;
            while (p < n && s[p] >= 'A' && s[p] <= 'Z' && u < 3) { p++; u++; }
            int upper_run = 1;
            for (size_t k = b; k < i; k++)
                if (!(s[k] >= 'A' && s[k] <= 'Z') && !(k == i - 1 && s[k] >= 'a' && s[k] <= 'z')) upper_run = 0;
            if (upper_run && u > 0 && (p >= n || !cp_is_letter(cp_at1(sc, p))) && !(p < n && s[p] == '.')) {
                *acc = 0;
                return p;
            }
        }
        size_t d = scan_domain(sc, i);
        if (d != i) { *kind = TK_URL; *acc = 0; return d; }
    }
    *acc = simple ? cls : 0;
    return i;
}

static inline int push_token(tw_result *r, size_t s, size_t e, int kind, uint32_t flags)
{
    if (r->ntok == r->captok && grow(r, (void **)&r->tok, &r->captok, r->ntok + 1, sizeof(tw_token))) return -1;
    tw_token *t = &r->tok[r->ntok++];
    t->s = (uint32_t)s;
    t->e = (uint32_t)e;
    t->kind = (uint16_t)kind;
    t->_pad = 0;
    t->flags = flags;
    t->sent = 0;
    t->para = 0;
    return 0;
}

/* Decides whether an ambiguous straight quote opens or closes, from the
 * characters around it. Quote marks next to it are looked past, so both
 * marks of a nested ending ("... off.'") close and both of a nested
 * beginning ("'If ...) open. */
static uint32_t straight_quote_dir(const scan *sc, size_t b, size_t e)
{
    int before_space = 1, after_space = 1;
    uint32_t before = 0, after = 0;
    size_t p = b;
    while (p > 0) {
        p--;
        while (p > 0 && (sc->s[p] & 0xC0) == 0x80) p--;
        before = cp_at1(sc, p);
        if (quote_class(before) != 3) break;
        before = 0;
    }
    if (before) {
        before_space = is_space_cp(before) || before == '(' || before == '[' || is_dash_cp(before) ||
                       quote_class(before) == 1;
    }
    while (e < sc->len) {
        int k;
        after = cp_at(sc, e, &k);
        if (quote_class(after) != 3) break;
        after = 0;
        e += (size_t)k;
    }
    if (after) {
        after_space = is_space_cp(after) || (after < 0x80 && is_punct_ascii(after) && after != '(') ||
                      is_dash_cp(after) || quote_class(after) == 2;
    }
    if (before_space && !after_space) return TF_OPEN;
    if (!before_space && after_space) return TF_CLOSE;
    /* spaces on both sides, after a clause's comma or full stop and before
     * a lower-case word: a closing mark typed with a space, "... your
     * control, " added Prutton" */
    if (before_space && after_space && before == ' ' && after == ' ' && p > 0 && strchr(",.?!", sc->s[p - 1]) &&
        e + 1 < sc->len && sc->s[e + 1] >= 'a' && sc->s[e + 1] <= 'z')
        return TF_CLOSE;
    return 0;
}

static int tokenize_pass(const scan *sc, tw_result *r)
{
    size_t n = sc->len, i = 0;
    uint32_t pending = TF_PARA_START | TF_NL_BEFORE;   /* flags for the next token */
    int open_singles = 0;
    uint32_t para = 0;
    int para_has_tokens = 0;
    while (i < n) {
        int k;
        uint32_t c = cp_at(sc, i, &k);
        if (is_space_cp(c) || (c == 0xAD)) {
            if (r->ntok) r->tok[r->ntok - 1].flags |= TF_SPACE_AFTER;
            pending |= TF_SPACE_BEFORE;
            if (is_newline_cp(c)) {
                pending |= TF_NL_BEFORE;
                if (para_has_tokens) {
                    pending |= TF_PARA_START;
                    para++;
                    para_has_tokens = 0;
                    open_singles = 0;
                }
            }
            i += (size_t)k;
            continue;
        }
        size_t b = i, e;
        int kind;
        uint32_t flags = pending;
        pending = 0;
        unsigned c2 = i + 3 < n ? sc->s[i + 1] | 32u : 0;
        if ((((c | 32) == 'h' && c2 == 't') || ((c | 32) == 'w' && c2 == 'w')) &&
            (starts_with(sc, i, "http://") || starts_with(sc, i, "https://") || starts_with(sc, i, "www."))) {
            e = scan_url(sc, i);
            kind = TK_URL;
        } else if (is_digit_cp(c) || (c == '.' && is_digit_cp(cp_at1(sc, i + 1)) &&
                                      (i == 0 || is_space_cp(cp_at1(sc, i - 1))))) {
            e = scan_number(sc, c == '.' ? i + 1 : i);
            /* a decade's or a number's 's ("the 1980’s", "in the 90's") is
             * part of it, not a closing quote mark */
            {
                size_t a = (e < n && sc->s[e] == '\'') ? 1 :
                           (e + 2 < n && sc->s[e] == 0xE2 && sc->s[e + 1] == 0x80 && sc->s[e + 2] == 0x99) ? 3 : 0;
                if (a && e > b && sc->s[e - 1] >= '0' && sc->s[e - 1] <= '9' && e + a < n &&
                    (sc->s[e + a] | 32) == 's' && (e + a + 1 >= n || !cp_is_letter(cp_at1(sc, e + a + 1))))
                    e += a + 1;
            }
            kind = TK_NUMBER;
            flags |= case_flags(sc, b, e) | TF_DIGIT;
            flags &= ~(uint32_t)(TF_TITLE | TF_UPPER | TF_LOWER);
        } else if (cp_is_letter(c)) {
            kind = TK_WORD;
            unsigned acc;
            e = scan_word(sc, i, open_singles, &flags, &kind, &acc);
            if (kind == TK_WORD) flags |= acc ? ascii_case_flags(acc, sc->s[b]) : case_flags(sc, b, e);
        } else if (c == '\'' && i + 1 < n && sc->s[i + 1] == '\'') {
            /* '' is a double quote mark (typewriter style, as in the NYT's
             * archive): one token, and no single quote opens or closes */
            e = i + 2;
            kind = TK_QUOTE;
            flags |= straight_quote_dir(sc, b, e);
        } else if (quote_class(c)) {
            e = i + (size_t)k;
            kind = TK_QUOTE;
            int q = quote_class(c);
            if (c == 0x2019) {
                /* ’ is a closing single quote here (apostrophes were eaten by
                 * words), unless it opens a word after a space: an elision
                 * ("’cause", "’em"), which neither opens nor closes */
                q = 2;
                if (i + (size_t)k < n && (i == 0 || is_space_cp(cp_at1(sc, i - 1))) &&
                    cp_is_letter(cp_at1(sc, i + (size_t)k)))
                    q = -1;
            }
            uint32_t dir = q == 1 ? TF_OPEN : q == 2 ? TF_CLOSE : q < 0 ? 0 : straight_quote_dir(sc, b, e);
            if (c == 0x201C || c == 0x201D) {
                /* a double curly mark typed the wrong way round ("... 51 percent.“"
                 * then a line break; " ”like women"): where the spaces around it
                 * say otherwise, they win */
                uint32_t ctx = straight_quote_dir(sc, b, e);
                if (ctx) dir = ctx;
            }
            if (c == '\'' && dir == 0) dir = 0;
            flags |= dir;
            if (c >= 0x80) flags |= TF_CURLY | TF_NONASCII;
            if (c == 0x2018 || (c == '\'' && dir == TF_OPEN)) open_singles++;
            if ((c == 0x2019 || c == '\'') && dir == TF_CLOSE && open_singles > 0) open_singles--;
        } else if (is_dash_cp(c) || (c == '-' && i + 1 < n && sc->s[i + 1] == '-')) {
            e = i + (size_t)k;
            while (e < n && sc->s[e] == '-') e++;
            kind = TK_DASH;
            if (c >= 0x80) flags |= TF_NONASCII;
        } else if (c == '-' && (flags & TF_SPACE_BEFORE) && (i + 1 >= n || sc->s[i + 1] == ' ')) {
            e = i + 1;
            kind = TK_DASH;
        } else if (is_currency_cp(c)) {
            e = i + (size_t)k;
            kind = TK_CURRENCY;
            if (c >= 0x80) flags |= TF_NONASCII;
        } else if (c == '.' && i + 2 < n && sc->s[i + 1] == '.' && sc->s[i + 2] == '.') {
            e = i + 3;
            while (e < n && sc->s[e] == '.') e++;
            kind = TK_PUNCT;
        } else if ((c < 0x80 && is_punct_ascii(c)) || c == 0x2026 || c == 0x2022 || c == 0xBF || c == 0xA1 ||
                   c == 0xB7 || c == '-' || c == 0x3001 || c == 0x3002) {
            e = i + (size_t)k;
            kind = TK_PUNCT;
            if (c == '(' || c == '[' || c == '{') flags |= TF_OPEN;
            if (c == ')' || c == ']' || c == '}') flags |= TF_CLOSE;
            if (c >= 0x80) flags |= TF_NONASCII;
        } else {
            e = i + (size_t)k;
            kind = TK_SYMBOL;
            if (c >= 0x80) flags |= TF_NONASCII;
        }
        if (kind == TK_URL || kind == TK_EMAIL) flags = (flags & (TF_SPACE_BEFORE | TF_NL_BEFORE | TF_PARA_START));
        if (push_token(r, b, e, kind, flags)) return -1;
        r->tok[r->ntok - 1].para = para;
        para_has_tokens = 1;
        i = e;
    }
    return 0;
}

/* ---- sentences ---------------------------------------------------------- */

static const char *const STARTERS[] = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Their", "Its",
    "Our", "This", "That", "These", "Those", "There", "But", "And", "Or", "So", "Yet", "In", "On",
    "At", "As", "If", "When", "While", "After", "Before", "Since", "Although", "Though", "However",
    "Meanwhile", "Still", "Also", "Now", "Then", "Earlier", "Later", "Last", "Next", "Some", "Many",
    "Most", "Other", "Others", "What", "Why", "How", "Who", "Where", "Mr.", "Mrs.", "Ms.", "Dr.",
    "For", "With", "By", "From", "Under", "According", "Asked", "Officials", "Both", NULL
};

static int is_terminal(const scan *sc, const tw_token *t)
{
    if (t->kind != TK_PUNCT) return 0;
    unsigned char c = sc->s[t->s];
    if (c == '.' || c == '!' || c == '?') return 1;
    return t->e - t->s == 3 && sc->s[t->s] == 0xE2 && sc->s[t->s + 1] == 0x80 && sc->s[t->s + 2] == 0xA6;
}

/* Does a sentence end after token i? j is the index of the first token that
 * would start the next sentence (after closing quotes and brackets). */
static int ends_sentence(const scan *sc, const tw_result *r, size_t i, size_t *next)
{
    const tw_token *t = &r->tok[i];
    int abbrev = (t->flags & TF_ABBREV) && t->kind == TK_WORD && sc->s[t->e - 1] == '.';
    if (!is_terminal(sc, t) && !abbrev) return 0;
    size_t j = i + 1;
    while (j < r->ntok && (r->tok[j].flags & TF_CLOSE) && !(r->tok[j].flags & TF_NL_BEFORE) &&
           !(r->tok[j].flags & TF_SPACE_BEFORE && r->tok[j].kind == TK_QUOTE && (r->tok[j].flags & TF_OPEN)))
        j++;
    /* a further terminal (?!) or an ellipsis run belongs to this sentence */
    while (j < r->ntok && is_terminal(sc, &r->tok[j]) && !(r->tok[j].flags & TF_SPACE_BEFORE)) j++;
    *next = j;
    if (j >= r->ntok) return 1;
    const tw_token *u = &r->tok[j];
    if (u->flags & TF_NL_BEFORE) return 1;
    if (abbrev) {
        if (t->flags & TF_INITIAL) return 0;
        size_t wlen = t->e - t->s - 1;
        if (in_list(TITLES, (const char *)sc->s + t->s, wlen)) return 0;
        if (u->kind == TK_QUOTE && (u->flags & TF_OPEN)) return 1;
        /* a party and state ends a clause: a capital after it starts a sentence */
        const unsigned char *dot = memchr(sc->s + t->s, '.', t->e - t->s);
        if (party_state(sc->s, t->s, (size_t)(dot - sc->s))) return (u->flags & TF_TITLE) != 0;
        return u->kind == TK_WORD && in_list(STARTERS, (const char *)sc->s + u->s, u->e - u->s);
    }
    unsigned char c = sc->s[t->s];
    if (u->kind == TK_QUOTE && (u->flags & TF_OPEN)) return 1;
    if (u->flags & TF_LOWER) return 0;
    if (c == '?' || c == '!') return !(u->kind == TK_PUNCT && !(u->flags & TF_OPEN));
    if (u->flags & TF_TITLE) return 1;
    if (u->kind == TK_NUMBER) return (u->flags & TF_SPACE_BEFORE) != 0;
    if (u->kind == TK_CURRENCY || u->kind == TK_DASH) return (u->flags & TF_SPACE_BEFORE) != 0;
    if (u->kind == TK_PUNCT && (u->flags & TF_OPEN)) return 1;
    return 0;
}

static int push_range(tw_result *r, tw_range **arr, size_t *n, size_t *cap, size_t t0, size_t t1)
{
    if (grow(r, (void **)arr, cap, *n + 1, sizeof(tw_range))) return -1;
    tw_range *g = &(*arr)[(*n)++];
    g->t0 = (uint32_t)t0;
    g->t1 = (uint32_t)t1;
    g->s = r->tok[t0].s;
    g->e = r->tok[t1 - 1].e;
    return 0;
}

static int split_pass(const scan *sc, tw_result *r)
{
    size_t start = 0;
    for (size_t i = 0; i < r->ntok; i++) {
        size_t next = i + 1;
        int end = (i + 1 == r->ntok) || (r->tok[i + 1].flags & TF_PARA_START);
        if (!end) end = ends_sentence(sc, r, i, &next);
        if (!end) continue;
        if (next > r->ntok) next = r->ntok;
        /* stop before a token that opens a new paragraph */
        for (size_t j = i + 1; j < next; j++)
            if (r->tok[j].flags & TF_PARA_START) { next = j; break; }
        uint32_t k = (uint32_t)r->nsent;
        if (push_range(r, &r->sent, &r->nsent, &r->capsent, start, next)) return -1;
        for (size_t j = start; j < next; j++) r->tok[j].sent = k;
        r->tok[start].flags |= TF_SENT_START;
        r->tok[next - 1].flags |= TF_SENT_END;
        start = next;
        i = next - 1;
    }
    size_t p0 = 0;
    for (size_t i = 1; i <= r->ntok; i++) {
        if (i == r->ntok || (r->tok[i].flags & TF_PARA_START)) {
            if (push_range(r, &r->para, &r->npara, &r->cappara, p0, i)) return -1;
            p0 = i;
        }
    }
    return 0;
}

int tw_tokenize(const char *text, size_t len, tw_result *r)
{
    scan sc = {(const unsigned char *)text, len};
    r->ntok = r->nsent = r->npara = 0;
    if (tokenize_pass(&sc, r)) return -1;
    if (r->ntok && split_pass(&sc, r)) return -1;
    return 0;
}

void tw_free(tw_result *r)
{
    if (r->tok) r->alloc(r->ud, r->tok, r->captok * sizeof(tw_token), 0);
    if (r->sent) r->alloc(r->ud, r->sent, r->capsent * sizeof(tw_range), 0);
    if (r->para) r->alloc(r->ud, r->para, r->cappara * sizeof(tw_range), 0);
    r->tok = NULL;
    r->sent = r->para = NULL;
    r->ntok = r->captok = r->nsent = r->capsent = r->npara = r->cappara = 0;
}

/* ---- names and normal forms -------------------------------------------- */

static const char *const KIND_NAMES[TK__COUNT] = {
    "?", "word", "number", "punct", "quote", "dash", "symbol", "currency", "url", "email"
};

const char *tw_kind_name(int kind)
{
    return kind > 0 && kind < TK__COUNT ? KIND_NAMES[kind] : "?";
}

static const struct { const char *name; uint32_t bit; } FLAG_NAMES[] = {
    {"title", TF_TITLE}, {"upper", TF_UPPER}, {"lower", TF_LOWER}, {"digit", TF_DIGIT},
    {"sent_start", TF_SENT_START}, {"para_start", TF_PARA_START},
    {"space_before", TF_SPACE_BEFORE}, {"space_after", TF_SPACE_AFTER},
    {"open", TF_OPEN}, {"close", TF_CLOSE}, {"abbrev", TF_ABBREV}, {"hyphen", TF_HYPHEN},
    {"apostrophe", TF_APOS}, {"newline_before", TF_NL_BEFORE}, {"nonascii", TF_NONASCII},
    {"curly", TF_CURLY}, {"sent_end", TF_SENT_END}, {"initial", TF_INITIAL}, {NULL, 0}
};

uint32_t tw_flag_bit(const char *name)
{
    for (int i = 0; FLAG_NAMES[i].name; i++)
        if (strcmp(FLAG_NAMES[i].name, name) == 0) return FLAG_NAMES[i].bit;
    return 0;
}

const char *tw_flag_name(uint32_t bit)
{
    for (int i = 0; FLAG_NAMES[i].name; i++)
        if (FLAG_NAMES[i].bit == bit) return FLAG_NAMES[i].name;
    return NULL;
}

size_t tw_lower(const char *text, const tw_token *t, char *out)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t o = 0;
    if (!(t->flags & TF_NONASCII)) {
        for (size_t i = t->s; i < t->e; i++) {
            unsigned char c = s[i];
            out[o++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
        }
        out[o] = 0;
        return o;
    }
    size_t i = t->s;
    while (i < t->e) {
        int n;
        uint32_t c = utf8_decode(s + i, t->e - i, &n);
        i += (size_t)n;
        if (c == 0xAD || c == 0x200B || c == 0xFEFF) continue;
        if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x201B) c = '\'';
        else if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F) c = '"';
        else if (c == 0x2010 || c == 0x2011) c = '-';
        else if (c == 0x2013 || c == 0x2212) c = 0x2013;
        else if (c == 0xA0 || c == 0x202F) c = ' ';
        c = cp_to_lower(c);
        o += (size_t)utf8_encode(c, out + o);
    }
    out[o] = 0;
    return o;
}

size_t tw_shape(const char *text, const tw_token *t, char *out)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t o = 0, i = t->s;
    char last = 0;
    int run = 0;
    while (i < t->e) {
        int n;
        uint32_t c = utf8_decode(s + i, t->e - i, &n);
        char ch;
        if (is_digit_cp(c)) ch = 'd';
        else if (cp_is_upper(c)) ch = 'X';
        else if (cp_is_letter(c)) ch = 'x';
        else ch = 0;
        if (ch) {
            run = (ch == last) ? run + 1 : 1;
            last = ch;
            if (run <= 4) out[o++] = ch;
        } else {
            memcpy(out + o, s + i, (size_t)n);
            o += (size_t)n;
            last = 0;
            run = 0;
        }
        i += (size_t)n;
    }
    out[o] = 0;
    return o;
}
