/* The rule tokenizer of crisisnotes._nodecols (included by _nodecols.c; static functions only).
 *
 * latin_run() finds crisisnotes.tokenize._LATIN_RUN, rule_token() the alternatives of
 * crisisnotes.tokenize._RULE, ascii_class() the classes and lemmas of
 * crisisnotes.tokenize._classify_rule_tokens for ASCII tokens and one-character punctuation -- each
 * as Python's re or Arrow's
 * compute functions give them, on UTF-8 bytes decoded to code points as they are read.
 */
#ifndef CRISISNOTES_RULETOK_H
#define CRISISNOTES_RULETOK_H

#include <Python.h>
#include <string.h>

/* crisisnotes.tokenize._RULE, alternative by alternative, as Python's re runs it (findall: at each
 * point the first alternative that matches; \w, \s and \d are re's own Unicode classes:
 * Py_UNICODE_ISALNUM or "_", Py_UNICODE_ISSPACE, Py_UNICODE_ISDECIMAL). Offsets are bytes of
 * the UTF-8 text; code points are decoded as they are read. */

static Py_UCS4 cp_at(const unsigned char *s, size_t i, size_t n, size_t *w) {
    unsigned char c = s[i];
    if (c < 0x80 || i + 1 >= n) { *w = 1; return c; }
    if (c < 0xE0) { *w = 2; return ((Py_UCS4)(c & 0x1F) << 6) | (s[i + 1] & 0x3F); }
    if (c < 0xF0 || i + 3 >= n) {
        *w = 3;
        return ((Py_UCS4)(c & 0x0F) << 12) | ((Py_UCS4)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
    }
    *w = 4;
    return ((Py_UCS4)(c & 0x07) << 18) | ((Py_UCS4)(s[i + 1] & 0x3F) << 12) | ((Py_UCS4)(s[i + 2] & 0x3F) << 6) |
           (s[i + 3] & 0x3F);
}

static int is_w(Py_UCS4 c) { return c == '_' || Py_UNICODE_ISALNUM(c); }
static int is_alpha_ascii(Py_UCS4 c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
static int is_digit_ascii(unsigned char c) { return c >= '0' && c <= '9'; }

/* Is there a code point at i, and does it pass test? Sets *w to its width. */
#define CP_IS(test, i, w) ((i) < n && test(cp_at(s, (i), n, &(w))))

static size_t run_of(const unsigned char *s, size_t i, size_t n, int (*test)(Py_UCS4)) {
    size_t w;
    while (i < n && test(cp_at(s, i, n, &w))) i += w;
    return i;
}

static int is_decimal(Py_UCS4 c) { return Py_UNICODE_ISDECIMAL(c); }
static int is_mention_char(Py_UCS4 c) { return is_alpha_ascii(c) || (c >= '0' && c <= '9') || c == '_'; }
static int is_apostrophe(Py_UCS4 c) { return c == '\'' || c == 0x2019; }

static int starts_with(const unsigned char *s, size_t i, size_t n, const char *lit) {
    size_t k = strlen(lit);
    return i + k <= n && memcmp(s + i, lit, k) == 0;
}

static const char *URL_HEADS[] = {"http://", "https://", "pic.twitter.com/"};

/* Does a link head (http://, https://, pic.twitter.com/) start at i? */
static int url_head(const unsigned char *s, size_t i, size_t n) {
    for (int h = 0; h < 3; ++h)
        if (starts_with(s, i, n, URL_HEADS[h])) return 1;
    return 0;
}

/* The first three alternatives _RULE and _LATIN_RUN share, at i (c, of width w, is the code point
 * there): (?:https?://|pic\.twitter\.com/)[!-~]+ | [#＃]\w+ | [@＠][A-Za-z0-9_]+. Their end, or 0. */
static size_t link_tag_mention(const unsigned char *s, size_t i, size_t n, Py_UCS4 c, size_t w) {
    size_t w2;
    for (int h = 0; h < 3 && (c == 'h' || c == 'p'); ++h)
        if (starts_with(s, i, n, URL_HEADS[h])) {
            size_t j = i + strlen(URL_HEADS[h]), k = j;
            while (k < n && s[k] >= 0x21 && s[k] <= 0x7E) ++k;
            if (k > j) return k;
        }
    if ((c == '#' || c == 0xFF03) && CP_IS(is_w, i + w, w2)) return run_of(s, i + w, n, is_w);
    if ((c == '@' || c == 0xFF20) && CP_IS(is_mention_char, i + w, w2)) return run_of(s, i + w, n, is_mention_char);
    return 0;
}

/* The end of the rule token starting at i, or 0 where none starts (whitespace). */
static size_t rule_token(const unsigned char *s, size_t i, size_t n) {
    size_t w, w2, j;
    Py_UCS4 c = cp_at(s, i, n, &w);
    if ((j = link_tag_mention(s, i, n, c, w))) return j;
    /* abbreviation: (?:[A-Za-z]\.){2,} */
    j = i;
    int pairs = 0;
    while (j + 1 < n && is_alpha_ascii(s[j]) && s[j + 1] == '.') {
        j += 2;
        pairs++;
    }
    if (pairs >= 2) return j;
    /* word: [A-Za-z]+(?:-[A-Za-z]+)*(?:['’](?![sS]\b)[A-Za-z]+)* */
    if (is_alpha_ascii(c)) {
        j = run_of(s, i, n, is_alpha_ascii);
        while (j + 1 < n && s[j] == '-' && is_alpha_ascii(s[j + 1])) j = run_of(s, j + 1, n, is_alpha_ascii);
        while (CP_IS(is_apostrophe, j, w)) {
            size_t a = j + w;
            if (a >= n || !is_alpha_ascii(s[a])) break;
            if ((s[a] == 's' || s[a] == 'S') && !CP_IS(is_w, a + 1, w2)) break; /* the clitic 's */
            j = run_of(s, a, n, is_alpha_ascii);
        }
        return j;
    }
    /* clitic: ['’][sS]\b */
    if (is_apostrophe(c) && i + w < n && (s[i + w] == 's' || s[i + w] == 'S') && !CP_IS(is_w, i + w + 1, w2))
        return i + w + 1;
    /* number: \d+(?:[.,:]\d+)* */
    if (Py_UNICODE_ISDECIMAL(c)) {
        j = run_of(s, i, n, is_decimal);
        while (j < n && (s[j] == '.' || s[j] == ',' || s[j] == ':') && CP_IS(is_decimal, j + 1, w2))
            j = run_of(s, j + 1, n, is_decimal);
        return j;
    }
    /* [^\s\w]|_ then \w+ */
    if (c == '_' || (!Py_UNICODE_ISSPACE(c) && !is_w(c))) return i + w;
    if (is_w(c)) return run_of(s, i, n, is_w);
    return 0;
}

/* pos1 and lemma of an ASCII rule token, as crisisnotes.tokenize._classify_rule_tokens gives them
 * (for ASCII, \pL is [A-Za-z], \pN and \p{Nd} are [0-9]). A token with other characters keeps the
 * rule mark for that function to classify. Returns the class; writes a lower-cased lemma to low. */
static const char *ascii_class(const unsigned char *t, size_t k, char *low, int *lemma) {
    /* *lemma: 0 the surface, 1 "'s", 2 the lower-cased surface in low */
    *lemma = 0;
    for (size_t q = 0; q < k; ++q)
        if (t[q] >= 0x80) {
            /* One non-ASCII character that is neither a letter nor a number (’ “ — …) is punctuation.
             * Only where Python's Unicode tables and Arrow's agree for certain: characters assigned
             * long ago (below U+2E00, CJK symbols, full-width forms); any other token is left to
             * tokenize._classify_rule_tokens. */
            size_t w;
            Py_UCS4 c = cp_at(t, 0, k, &w);
            int old = c < 0x2E00 || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF);
            if (w == k && old && !Py_UNICODE_ISALPHA(c) && !Py_UNICODE_ISNUMERIC(c)) return "punct";
            return NULL;
        }
    if (url_head(t, 0, k)) return "url";
    if (k >= 2 && t[0] == '#') return "hashtag";
    if (k >= 2 && t[0] == '@') return "mention";
    size_t q = 0;
    int num = k > 0 && is_digit_ascii(t[0]);
    while (num && q < k) {
        while (q < k && is_digit_ascii(t[q])) ++q;
        if (q == k) break;
        if ((t[q] == '.' || t[q] == ',' || t[q] == ':') && q + 1 < k && is_digit_ascii(t[q + 1])) ++q;
        else num = 0;
    }
    if (num) return "num";
    if (k == 1 && !is_alpha_ascii(t[0]) && !is_digit_ascii(t[0])) return "punct";
    if (k == 2 && t[0] == '\'' && (t[1] == 's' || t[1] == 'S')) {
        *lemma = 1;
        return "word";
    }
    int upper = 0, lower = 0, abbrev = k >= 4;
    for (q = 0; q < k; ++q) {
        upper |= t[q] >= 'A' && t[q] <= 'Z';
        lower |= t[q] >= 'a' && t[q] <= 'z';
        if (q % 2 == 0 ? !is_alpha_ascii(t[q]) : t[q] != '.') abbrev = 0;
    }
    if (k % 2) abbrev = 0;
    if ((is_alpha_ascii(t[0]) && upper && !lower && k > 1) || abbrev) return "word"; /* NATO, U.S. */
    for (q = 0; q < k; ++q) low[q] = (char)(t[q] >= 'A' && t[q] <= 'Z' ? t[q] + 32 : t[q]);
    *lemma = 2;
    return "word";
}

/* Is c one of [A-Za-z0-9.'’&\-] (the body of a Latin run)? */
static int is_latin_body(Py_UCS4 c) {
    return is_alpha_ascii(c) || (c >= '0' && c <= '9') || c == '.' || c == '\'' || c == 0x2019 || c == '&' || c == '-';
}

/* The end of the Latin-script run (tokenize._LATIN_RUN) starting at i, or 0 where none starts:
 * a link, a hashtag, a mention, or [A-Za-z][A-Za-z0-9.'’&\-]*(?:[ ]+[A-Za-z0-9][A-Za-z0-9.'’&\-]*)* */
static size_t latin_run(const unsigned char *s, size_t i, size_t n) {
    size_t w, j;
    unsigned char b0 = s[i]; /* most characters start no run: reject them on their first byte */
    if (b0 >= 0x80 ? b0 != 0xEF : !(is_alpha_ascii(b0) || b0 == '#' || b0 == '@')) return 0;
    Py_UCS4 c = cp_at(s, i, n, &w);
    if ((j = link_tag_mention(s, i, n, c, w))) return j;
    if (!is_alpha_ascii(c)) return 0;
    j = run_of(s, i + 1, n, is_latin_body);
    for (;;) {
        size_t k = j;
        while (k < n && s[k] == ' ') ++k;
        if (k == j || k >= n || !(is_alpha_ascii(s[k]) || (s[k] >= '0' && s[k] <= '9'))) return j;
        j = run_of(s, k + 1, n, is_latin_body);
    }
}

/* The start of the first match of `match` at or after byte `at` of s[0:k] (k where none), its end in
 * *end: findall's scan, one code point on where nothing matches. */
static size_t next_match(size_t (*match)(const unsigned char *, size_t, size_t), const unsigned char *s, size_t at,
                         size_t k, size_t *end) {
    size_t w;
    while (at < k && !(*end = match(s, at, k))) {
        cp_at(s, at, k, &w);
        at += w;
    }
    return at;
}

/* Is the code point that ends just before byte i whitespace (str.strip's test)? Sets *w to its width. */
static int space_before(const unsigned char *s, size_t i, size_t n, size_t *w) {
    size_t k = i - 1;
    while (k > 0 && (s[k] & 0xC0) == 0x80) --k;
    Py_UCS4 c = cp_at(s, k, n, w);
    return Py_UNICODE_ISSPACE(c);
}

#endif
