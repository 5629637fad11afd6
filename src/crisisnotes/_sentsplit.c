/* crisisnotes._sentsplit: crisisnotes.sentences.sentence_spans over a list of lines, in C.
 *
 * A line-for-line port of the Python splitter (sentences.py: _split_ja, _split_en, _closing_positions,
 * _quote_ends_sentence and the regexes _URL, _EN_BREAK, _ASCII_END_CONTINUES), on code points, so the
 * spans are str indices. \s and isspace() are Py_UNICODE_ISSPACE, isdigit() Py_UNICODE_ISDIGIT, as in
 * Python. One call per chunk of posts instead of a few Python calls per line; tests/test_sentsplit.py
 * checks it against the Python splitter.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int kind;
    const void *data;
    Py_ssize_t n;
} Line;

static Py_UCS4 at(const Line *l, Py_ssize_t i) { return PyUnicode_READ(l->kind, l->data, i); }

static const Py_UCS4 OPEN[] = {0x300C, 0x300E, 0xFF08, '(', 0x201C, 0x2018, 0x3010, 0x3014, 0xFF3B};  /* 「『（(“‘【〔［ */
static const Py_UCS4 CLOSE[] = {0x300D, 0x300F, 0xFF09, ')', 0x201D, 0x2019, 0x3011, 0x3015, 0xFF3D}; /* 」』）)”’】〕］ */
#define NPAIR 9

static int open_index(Py_UCS4 c) {
    for (int k = 0; k < NPAIR; ++k)
        if (OPEN[k] == c) return k;
    return -1;
}
static int is_close(Py_UCS4 c) {
    for (int k = 0; k < NPAIR; ++k)
        if (CLOSE[k] == c) return 1;
    return 0;
}
static int is_ja_end(Py_UCS4 c) { return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?'; } /* 。！？!? */
static int is_trail(Py_UCS4 c) { return is_close(c) || c == '"' || c == '\''; }
static int is_quote_continues(Py_UCS4 c) {
    static const Py_UCS4 set[] = {0x3068, 0x3063, 0x306A, 0x306E, 0x306F, 0x304C, 0x3092, 0x306B, 0x3082, 0x3067, 0x3084,
                                  0x3060, 0x304B, 0x3078, 0x307E, 0x3088, 0x3001, 0xFF0C, 0x3002, 0xFF01, 0xFF1F, '!',
                                  '?', 0xFF09, ')', 0x300D, 0x300F}; /* とっなのはがをにもでやだかへまよ、，。！？!?）)」』 */
    for (size_t k = 0; k < sizeof set / sizeof *set; ++k)
        if (set[k] == c) return 1;
    return 0;
}
/* Could c be a bracket, a quote or a sentence end? A cheap range test before the exact ones. */
static int maybe_special(Py_UCS4 c) {
    if (c < 0x80) return c == '!' || c == '?' || c == '(' || c == ')' || c == '.' || c == '"' || c == '\'';
    return (c >= 0x2018 && c <= 0x201D) || (c >= 0x3001 && c <= 0x3015) || (c >= 0xFF01 && c <= 0xFF3D);
}
static int is_special(Py_UCS4 c) { return maybe_special(c) && (open_index(c) >= 0 || is_close(c) || is_ja_end(c)); }
static int is_end_quote(Py_UCS4 c) { return c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == ')'; } /* ["'”’)] */
static int is_open_quote(Py_UCS4 c) { return c == '"' || c == '\'' || c == 0x201C || c == 0x2018 || c == '('; } /* ["'“‘(] */
static int is_break_next(Py_UCS4 c) { /* [A-Z0-9] and _CJK of sentences.py */
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || c == 0x300C ||
           c == 0x300E;
}

/* ---- growable int64 arrays ---- */
typedef struct {
    int64_t *p;
    size_t n, cap;
} Vec;

static int push(Vec *v, int64_t x) {
    if (v->n == v->cap) {
        size_t cap = v->cap ? 2 * v->cap : 64;
        int64_t *q = realloc(v->p, cap * sizeof *q);
        if (!q) return -1;
        v->p = q;
        v->cap = cap;
    }
    v->p[v->n++] = x;
    return 0;
}

/* _URL: (?:https?://|pic\.twitter\.com/)[!-~]+ -- every match, as finditer finds them. */
static int lit_at(const Line *l, Py_ssize_t i, const char *s) {
    Py_ssize_t k = (Py_ssize_t)strlen(s);
    if (i + k > l->n) return 0;
    for (Py_ssize_t j = 0; j < k; ++j)
        if (at(l, i + j) != (Py_UCS4)(unsigned char)s[j]) return 0;
    return 1;
}
static int find_urls(const Line *l, Vec *urls) {
    urls->n = 0;
    for (Py_ssize_t i = 0; i < l->n;) {
        Py_UCS4 c = at(l, i);
        if (c != 'h' && c != 'p') {
            ++i;
            continue;
        }
        Py_ssize_t head = lit_at(l, i, "https://") ? 8 : lit_at(l, i, "http://") ? 7 : lit_at(l, i, "pic.twitter.com/") ? 16 : 0;
        Py_ssize_t j = i + head;
        if (head)
            while (j < l->n && at(l, j) >= 0x21 && at(l, j) <= 0x7E) ++j;
        if (head && j > i + head) {
            if (push(urls, i) || push(urls, j)) return -1;
            i = j;
        } else {
            ++i;
        }
    }
    return 0;
}
static int in_url(const Vec *urls, Py_ssize_t i) {
    for (size_t k = 0; k < urls->n; k += 2)
        if (urls->p[k] <= i && i < urls->p[k + 1]) return 1;
    return 0;
}

/* _closing_positions: mark[i] = 1 for each opening bracket closed later on the line. */
static int closing_positions(const Line *l, unsigned char *mark, Vec *stack) {
    stack->n = 0;
    for (Py_ssize_t i = 0; i < l->n; ++i) {
        Py_UCS4 c = at(l, i);
        if (!maybe_special(c)) continue;
        int o = open_index(c);
        if (o >= 0) {
            if (push(stack, o) || push(stack, i)) return -1;
        } else if (is_close(c)) {
            for (Py_ssize_t k = (Py_ssize_t)stack->n - 2; k >= 0; k -= 2)
                if (CLOSE[stack->p[k]] == c) {
                    mark[stack->p[k + 1]] = 1;
                    stack->n = (size_t)k;
                    break;
                }
        }
    }
    return 0;
}

/* _ASCII_END_CONTINUES.match(line, j): ["'”’)]*\s*[a-z,;] ("over?" he asked / Yahoo! news). */
static int ascii_end_continues(const Line *l, Py_ssize_t j) {
    while (j < l->n && is_end_quote(at(l, j))) ++j;
    while (j < l->n && Py_UNICODE_ISSPACE(at(l, j))) ++j;
    if (j >= l->n) return 0;
    Py_UCS4 c = at(l, j);
    return (c >= 'a' && c <= 'z') || c == ',' || c == ';';
}

/* _split_ja: spans (pairs) of one line into out. */
static int split_ja(const Line *l, Vec *out, Vec *urls, Vec *stack, Vec *depth, unsigned char **mark, size_t *mark_cap) {
    Py_ssize_t n = l->n, i;
    out->n = 0;
    if (n <= 0) return 0;
    for (i = 0; i < n && !is_special(at(l, i)); ++i)
        ;
    if (i == n) return push(out, 0) || push(out, n);
    if ((size_t)n > *mark_cap) {
        unsigned char *m = realloc(*mark, (size_t)n);
        if (!m) return -1;
        *mark = m;
        *mark_cap = (size_t)n;
    }
    memset(*mark, 0, (size_t)n);
    if (closing_positions(l, *mark, stack)) return -1;
    int slash = 0;
    for (i = 0; i < n && !slash; ++i) slash = at(l, i) == '/';
    urls->n = 0;
    if (slash && find_urls(l, urls)) return -1;
    depth->n = 0;
    Py_ssize_t start = 0, skip = -1;
    for (i = 0; i < n; ++i) {
        Py_UCS4 ch = at(l, i);
        if (!is_special(ch)) continue;
        if (i < skip || (urls->n && in_url(urls, i))) continue;
        int o = open_index(ch);
        if (o >= 0 && (*mark)[i]) {
            if (push(depth, (int64_t)CLOSE[o])) return -1;
        } else if (depth->n && ch == (Py_UCS4)depth->p[depth->n - 1]) {
            depth->n--;
            /* _quote_ends_sentence */
            if (!depth->n && (ch == 0x300D || ch == 0x300F) && i > 0 && is_ja_end(at(l, i - 1)) && i + 1 < n &&
                !is_quote_continues(at(l, i + 1))) {
                if (push(out, start) || push(out, i + 1)) return -1;
                start = i + 1;
            }
        } else if ((ch == '!' || ch == '?') && ascii_end_continues(l, i + 1)) {
            ;
        } else if (is_ja_end(ch) && !depth->n) {
            Py_ssize_t j = i + 1;
            while (j < n && (is_ja_end(at(l, j)) || is_trail(at(l, j)))) ++j;
            if (push(out, start) || push(out, j)) return -1;
            while (j < n && (at(l, j) == ' ' || at(l, j) == 0x3000)) ++j;
            start = skip = j;
        }
    }
    if (start < n && (push(out, start) || push(out, n))) return -1;
    return 0;
}

static const char *ABBREV[] = {"mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gen", "col", "lt", "gov", "st", "vs", "etc",
                               "inc", "ltd", "co", "corp", "jr", "sr", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                               "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "approx",
                               "dept", "est", "min", "max", "mt", "ft", NULL};
static const char *NUM_ABBREV[] = {"no", "nos", "vol", "fig", "art", "p", "pp", NULL};

static int in_list(const char *w, const char **list) {
    for (; *list; ++list)
        if (!strcmp(w, *list)) return 1;
    return 0;
}

/* Is the word before the dot at `dot` (the trailing run of [A-Za-z.] in [start, dot), lower-cased) an
 * abbreviation that does not end a sentence? `after` is where the break's match ends. */
static int abbreviation(const Line *l, Py_ssize_t start, Py_ssize_t dot, Py_ssize_t after) {
    Py_ssize_t k = dot;
    while (k > start) {
        Py_UCS4 c = at(l, k - 1);
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.')) break;
        --k;
    }
    Py_ssize_t len = dot - k;
    if (len >= 1 && len <= 6) { /* the listed words are at most 6 characters */
        char w[8];
        for (Py_ssize_t q = 0; q < len; ++q) {
            Py_UCS4 c = at(l, k + q);
            w[q] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        w[len] = 0;
        if (in_list(w, ABBREV)) return 1;
        if (in_list(w, NUM_ABBREV) && after < l->n && Py_UNICODE_ISDIGIT(at(l, after))) return 1;
        if (len == 1 && w[0] != '.') return 1;
    }
    if (len >= 3 && len % 2 == 1) { /* (?:[a-z]\.)+[a-z], on the lower-cased word */
        for (Py_ssize_t q = 0; q < len; ++q) {
            Py_UCS4 c = at(l, k + q);
            if (q % 2 ? c != '.' : !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return 0;
        }
        return 1;
    }
    return 0;
}

/* _EN_BREAK = [.!?]["'”’)]*\s+(?=["'“‘(]?[A-Z0-9 CJK「『]) matched at p, the line cut at b (finditer's
 * endpos): the end of the match, or -1. Greedy and exact: the classes never overlap. */
static Py_ssize_t en_break(const Line *l, Py_ssize_t p, Py_ssize_t b) {
    Py_UCS4 c = at(l, p);
    if (c != '.' && c != '!' && c != '?') return -1;
    Py_ssize_t j = p + 1;
    while (j < b && is_end_quote(at(l, j))) ++j;
    Py_ssize_t ws = j;
    while (j < b && Py_UNICODE_ISSPACE(at(l, j))) ++j;
    if (j == ws || j >= b) return -1;
    c = at(l, j);
    if (is_break_next(c) || (is_open_quote(c) && j + 1 < b && is_break_next(at(l, j + 1)))) return j;
    return -1;
}

/* _split_en: the Japanese spans in ja, cut again at English sentence ends, into out. */
static int split_en(const Line *l, const Vec *ja, Vec *out, Vec *urls) {
    Py_ssize_t n = l->n, i;
    out->n = 0;
    for (i = 0; i < n; ++i) {
        Py_UCS4 c = at(l, i);
        if (c == '.' || c == '!' || c == '?') break;
    }
    if (i == n) {
        for (size_t k = 0; k < ja->n; ++k)
            if (push(out, ja->p[k])) return -1;
        return 0;
    }
    if (find_urls(l, urls)) return -1;
    for (size_t k = 0; k < ja->n; k += 2) {
        Py_ssize_t a = ja->p[k], b = ja->p[k + 1], start = a;
        for (Py_ssize_t p = a; p < b;) {
            Py_ssize_t end = en_break(l, p, b);
            if (end < 0) {
                ++p;
                continue;
            }
            Py_ssize_t dot = p;
            p = end; /* finditer goes on from the match's end */
            if (in_url(urls, dot)) continue;
            if (at(l, dot) == '.' && abbreviation(l, start, dot, end)) continue;
            Py_ssize_t e = end;
            while (e > dot && Py_UNICODE_ISSPACE(at(l, e - 1))) --e;
            if (push(out, start) || push(out, e)) return -1;
            start = end;
        }
        if (start < b && (push(out, start) || push(out, b))) return -1;
    }
    return 0;
}

/* spans(lines) -> [[(start, end), ...], ...]: sentence_spans() of each line (whitespace trimmed, empty
 * spans dropped). */
static PyObject *py_spans(PyObject *self, PyObject *args) {
    PyObject *lines;
    if (!PyArg_ParseTuple(args, "O!", &PyList_Type, &lines)) return NULL;
    Py_ssize_t nl = PyList_GET_SIZE(lines);
    Vec ja = {0}, en = {0}, urls = {0}, stack = {0}, depth = {0};
    unsigned char *mark = NULL;
    size_t mark_cap = 0;
    PyObject *result = PyList_New(nl);
    if (!result) goto fail;
    for (Py_ssize_t k = 0; k < nl; ++k) {
        PyObject *s = PyList_GET_ITEM(lines, k);
        if (!PyUnicode_Check(s)) {
            PyErr_SetString(PyExc_TypeError, "lines must be str");
            goto fail;
        }
        Line l = {PyUnicode_KIND(s), PyUnicode_DATA(s), PyUnicode_GET_LENGTH(s)};
        if (split_ja(&l, &ja, &urls, &stack, &depth, &mark, &mark_cap) || split_en(&l, &ja, &en, &urls)) {
            PyErr_NoMemory();
            goto fail;
        }
        PyObject *spans = PyList_New(0);
        if (!spans) goto fail;
        PyList_SET_ITEM(result, k, spans);
        for (size_t q = 0; q < en.n; q += 2) {
            Py_ssize_t a = en.p[q], b = en.p[q + 1];
            while (a < b && Py_UNICODE_ISSPACE(at(&l, a))) ++a;
            while (b > a && Py_UNICODE_ISSPACE(at(&l, b - 1))) --b;
            if (a < b) {
                PyObject *pair = Py_BuildValue("(nn)", a, b);
                if (!pair || PyList_Append(spans, pair)) {
                    Py_XDECREF(pair);
                    goto fail;
                }
                Py_DECREF(pair);
            }
        }
    }
    goto done;
fail:
    Py_CLEAR(result);
done:
    free(ja.p);
    free(en.p);
    free(urls.p);
    free(stack.p);
    free(depth.p);
    free(mark);
    return result;
}

static PyMethodDef methods[] = {
    {"spans", py_spans, METH_VARARGS, "spans(lines) -> list of [(start, end), ...]: the sentences of each line"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_sentsplit", NULL, -1, methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__sentsplit(void) { return PyModule_Create(&module); }
