/* crisisnotes._nodecols: MeCab's nodes read in C, written straight into Arrow string buffers.
 *
 * The compiled half of the ingest token path (crisisnotes.nodecols is the Python half).
 * It prints nothing and parses no text output: for each piece of a chunk it either runs
 * MeCab over it (a Japanese run) and appends one row per node -- surface, lemma (feature 7,
 * its UniDic gloss cut: "ロシア-Rossiya" -> "ロシア"; the surface for an unknown word or an
 * empty lemma), POS levels 1-4 (features 0-3) -- or appends it as one rule token (surface,
 * lemma = surface, pos1 = "\x01", the rule mark that crisisnotes.tokenize classifies later).
 *
 * libmecab is not linked at build time: it is the one fugashi's wheel ships, opened with
 * dlopen() from the path crisisnotes.nodecols finds, so the extension builds with no MeCab
 * headers or library installed. The node layout below is MeCab 0.996's public mecab.h;
 * crisisnotes.nodecols checks the output against fugashi's before using it.
 *
 * Feature fields are split as MeCab's own tokenizeCSV splits them for "%f[N]" (blanks before
 * a field skipped; a quoted field may hold commas and "" for a quote), and a "*" field is empty
 * as "%f[N]" prints it, so the rows are the
 * rows of the custom output format "%m\t%f[0]\t%f[1]\t%f[2]\t%f[3]\t%f[7]" the pure-Python
 * path reads.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <dlfcn.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct mecab_t mecab_t;
typedef struct mecab_node_t mecab_node_t;
struct mecab_node_t {
    mecab_node_t *prev;
    mecab_node_t *next;
    mecab_node_t *enext;
    mecab_node_t *bnext;
    void *rpath;
    void *lpath;
    const char *surface;
    const char *feature;
    unsigned int id;
    unsigned short length;
    unsigned short rlength;
    unsigned short rcAttr;
    unsigned short lcAttr;
    unsigned short posid;
    unsigned char char_type;
    unsigned char stat;
    unsigned char isbest;
    float alpha;
    float beta;
    float prob;
    short wcost;
    long cost;
};

enum { NOR_NODE = 0, UNK_NODE = 1, BOS_NODE = 2, EOS_NODE = 3 };

static mecab_t *(*p_new)(int, char **);
static const mecab_node_t *(*p_tonode2)(mecab_t *, const char *, size_t);
static const char *(*p_strerror)(mecab_t *);
static void (*p_destroy)(mecab_t *);

/* ---- growable buffers and Arrow string columns ------------------------------------------ */

typedef struct {
    char *p;
    size_t n, cap;
} Buf;

static int buf_reserve(Buf *b, size_t k) {
    if (b->n + k <= b->cap) return 0;
    size_t c = b->cap ? b->cap : 1 << 16;
    while (c < b->n + k) c *= 2;
    char *q = realloc(b->p, c);
    if (!q) return -1;
    b->p = q;
    b->cap = c;
    return 0;
}

typedef struct {
    Buf data;
    Buf offsets; /* int32, one more than the rows */
} Col;

static int col_init(Col *c) {
    memset(c, 0, sizeof(*c));
    if (buf_reserve(&c->offsets, sizeof(int32_t))) return -1;
    int32_t zero = 0;
    memcpy(c->offsets.p, &zero, sizeof zero);
    c->offsets.n = sizeof zero;
    return 0;
}

static int col_add(Col *c, const char *s, size_t k) {
    if (c->data.n + k > INT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "a token column passed 2 GiB in one chunk");
        return -1;
    }
    if (buf_reserve(&c->data, k) || buf_reserve(&c->offsets, sizeof(int32_t))) {
        PyErr_NoMemory();
        return -1;
    }
    memcpy(c->data.p + c->data.n, s, k);
    c->data.n += k;
    int32_t end = (int32_t)c->data.n;
    memcpy(c->offsets.p + c->offsets.n, &end, sizeof end);
    c->offsets.n += sizeof end;
    return 0;
}

static void col_free(Col *c) {
    free(c->data.p);
    free(c->offsets.p);
}

/* ---- MeCab's CSV fields ----------------------------------------------------------------- */

#define NFIELDS 8

typedef struct {
    const char *start[NFIELDS];
    size_t len[NFIELDS];
    int n;
    char unq[NFIELDS][1024]; /* an unquoted copy of a quoted field */
} Fields;

/* The first NFIELDS fields of a feature string, as MeCab's tokenizeCSV splits them (it stops at
 * the end of the string: the string is read once, with no strlen). */
static void split_fields(const char *str, Fields *f) {
    f->n = 0;
    while (*str && f->n < NFIELDS) {
        while (*str == ' ' || *str == '\t') ++str;
        int i = f->n;
        if (*str == '"') {
            size_t k = 0;
            ++str;
            for (; *str; ++str) {
                if (*str == '"') {
                    ++str;
                    if (*str != '"') break;
                }
                if (k < sizeof f->unq[i]) f->unq[i][k++] = *str;
            }
            while (*str && *str != ',') ++str;
            f->start[i] = f->unq[i];
            f->len[i] = k;
        } else {
            const char *start = str;
            while (*str && *str != ',') ++str;
            f->start[i] = start;
            f->len[i] = (size_t)(str - start);
        }
        if (f->len[i] == 1 && f->start[i][0] == '*') f->len[i] = 0; /* "%f[N]" prints nothing for "*" */
        f->n++;
        if (*str) ++str; /* past the comma */
    }
}

/* Length of a lemma with its UniDic gloss cut: the regex ([^-])-[^-].*$ -> \1 of the Python path. */
static size_t cut_gloss(const char *s, size_t k) {
    for (size_t q = 1; q + 1 < k; ++q)
        if (s[q] == '-' && s[q - 1] != '-' && s[q + 1] != '-') return q;
    return k;
}

/* ---- the tagger capsule ----------------------------------------------------------------- */

static void capsule_free(PyObject *cap) {
    mecab_t *m = (mecab_t *)PyCapsule_GetPointer(cap, "crisisnotes._nodecols.tagger");
    if (m && p_destroy) p_destroy(m);
}

static PyObject *py_load(PyObject *self, PyObject *args) {
    const char *path;
    if (!PyArg_ParseTuple(args, "s", &path)) return NULL;
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        PyErr_Format(PyExc_OSError, "cannot open libmecab %s: %s", path, dlerror());
        return NULL;
    }
    p_new = (mecab_t * (*)(int, char **)) dlsym(h, "mecab_new");
    p_tonode2 = (const mecab_node_t *(*)(mecab_t *, const char *, size_t))dlsym(h, "mecab_sparse_tonode2");
    p_strerror = (const char *(*)(mecab_t *))dlsym(h, "mecab_strerror");
    p_destroy = (void (*)(mecab_t *))dlsym(h, "mecab_destroy");
    if (!p_new || !p_tonode2 || !p_strerror || !p_destroy) {
        p_new = NULL;
        PyErr_Format(PyExc_OSError, "%s lacks the MeCab C API", path);
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *py_new(PyObject *self, PyObject *args) {
    PyObject *argv_list;
    if (!PyArg_ParseTuple(args, "O!", &PyList_Type, &argv_list)) return NULL;
    if (!p_new) {
        PyErr_SetString(PyExc_RuntimeError, "libmecab not loaded (call load first)");
        return NULL;
    }
    Py_ssize_t argc = PyList_GET_SIZE(argv_list);
    char **argv = calloc((size_t)argc + 2, sizeof(char *));
    if (!argv) return PyErr_NoMemory();
    argv[0] = "mecab";
    for (Py_ssize_t i = 0; i < argc; ++i) {
        argv[i + 1] = (char *)PyUnicode_AsUTF8(PyList_GET_ITEM(argv_list, i));
        if (!argv[i + 1]) {
            free(argv);
            return NULL;
        }
    }
    mecab_t *m = p_new((int)argc + 1, argv);
    free(argv);
    if (!m) {
        PyErr_Format(PyExc_RuntimeError, "MeCab could not start: %s", p_strerror(NULL));
        return NULL;
    }
    return PyCapsule_New(m, "crisisnotes._nodecols.tagger", capsule_free);
}

enum { C_SURFACE, C_LEMMA, C_POS1, C_POS2, C_POS3, C_POS4, NCOLS };

/* ---- the rule tokenizer ----------------------------------------------------------------- */
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

static int is_letter_ascii_u(Py_UCS4 c) { return is_alpha_ascii(c); }
static int is_decimal(Py_UCS4 c) { return Py_UNICODE_ISDECIMAL(c); }
static int is_mention_char(Py_UCS4 c) { return is_alpha_ascii(c) || (c >= '0' && c <= '9') || c == '_'; }
static int is_apostrophe(Py_UCS4 c) { return c == '\'' || c == 0x2019; }

static int starts_with(const unsigned char *s, size_t i, size_t n, const char *lit) {
    size_t k = strlen(lit);
    return i + k <= n && memcmp(s + i, lit, k) == 0;
}

/* The end of the rule token starting at i, or 0 where none starts (whitespace). */
static size_t rule_token(const unsigned char *s, size_t i, size_t n) {
    size_t w, w2, j;
    Py_UCS4 c = cp_at(s, i, n, &w);
    /* url */
    const char *heads[] = {"http://", "https://", "pic.twitter.com/"};
    for (int h = 0; h < 3; ++h)
        if (starts_with(s, i, n, heads[h])) {
            j = i + strlen(heads[h]);
            size_t k = j;
            while (k < n && s[k] >= 0x21 && s[k] <= 0x7E) ++k;
            if (k > j) return k;
        }
    /* hashtag, mention */
    if ((c == '#' || c == 0xFF03) && CP_IS(is_w, i + w, w2)) return run_of(s, i + w, n, is_w);
    if ((c == '@' || c == 0xFF20) && CP_IS(is_mention_char, i + w, w2)) return run_of(s, i + w, n, is_mention_char);
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
        j = run_of(s, i, n, is_letter_ascii_u);
        while (j + 1 < n && s[j] == '-' && is_alpha_ascii(s[j + 1])) j = run_of(s, j + 1, n, is_letter_ascii_u);
        while (CP_IS(is_apostrophe, j, w)) {
            size_t a = j + w;
            if (a >= n || !is_alpha_ascii(s[a])) break;
            if ((s[a] == 's' || s[a] == 'S') && !CP_IS(is_w, a + 1, w2)) break; /* the clitic 's */
            j = run_of(s, a, n, is_letter_ascii_u);
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
        if (t[q] >= 0x80) return NULL;
    if (starts_with(t, 0, k, "http://") || starts_with(t, 0, k, "https://") || starts_with(t, 0, k, "pic.twitter.com/"))
        return "url";
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

static int add_rule_token(Col *cols, const unsigned char *t, size_t k, char *low) {
    int lemma;
    const char *cls = ascii_class(t, k, low, &lemma);
    if (col_add(&cols[C_SURFACE], (const char *)t, k)) return -1;
    if (!cls) { /* not ASCII: classified by crisisnotes.tokenize._classify_rule_tokens */
        cls = "\x01";
        lemma = 0;
    }
    const char *lm = lemma == 1 ? "'s" : lemma == 2 ? low : (const char *)t;
    size_t lk = lemma == 1 ? 2 : k;
    return col_add(&cols[C_LEMMA], lm, lk) || col_add(&cols[C_POS1], cls, strlen(cls)) ||
           col_add(&cols[C_POS2], "", 0) || col_add(&cols[C_POS3], "", 0) || col_add(&cols[C_POS4], "", 0);
}

/* ---- the columns of one chunk ----------------------------------------------------------- */

static int add_node(Col *cols, const mecab_node_t *node, Fields *f) {
    const char *s = node->surface;
    size_t k = node->length;
    split_fields(node->feature ? node->feature : "", f);
    if (col_add(&cols[C_SURFACE], s, k)) return -1;
    for (int j = 0; j < 4; ++j) {
        const char *v = j < f->n ? f->start[j] : "";
        size_t vk = j < f->n ? f->len[j] : 0;
        if (col_add(&cols[C_POS1 + j], v, vk)) return -1;
    }
    if (node->stat == UNK_NODE) return col_add(&cols[C_LEMMA], s, cut_gloss(s, k)); /* -U prints %m */
    if (f->n <= 7 || f->len[7] == 0) return col_add(&cols[C_LEMMA], s, k);             /* no lemma */
    return col_add(&cols[C_LEMMA], f->start[7], cut_gloss(f->start[7], f->len[7]));
}

static PyObject *py_columns(PyObject *self, PyObject *args) {
    PyObject *cap, *pieces;
    Py_buffer kinds;
    if (!PyArg_ParseTuple(args, "OO!y*", &cap, &PyList_Type, &pieces, &kinds)) return NULL;
    mecab_t *m = (mecab_t *)PyCapsule_GetPointer(cap, "crisisnotes._nodecols.tagger");
    if (!m) {
        PyBuffer_Release(&kinds);
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(pieces);
    if (kinds.len != n) {
        PyBuffer_Release(&kinds);
        PyErr_SetString(PyExc_ValueError, "pieces and kinds differ in length");
        return NULL;
    }
    const unsigned char *kind = (const unsigned char *)kinds.buf;
    Col cols[NCOLS];
    int ok = 1;
    for (int j = 0; j < NCOLS; ++j) ok &= col_init(&cols[j]) == 0;
    PyObject *counts = PyBytes_FromStringAndSize(NULL, n * (Py_ssize_t)sizeof(int64_t));
    Fields *f = malloc(sizeof *f);
    char *low = NULL;
    size_t low_cap = 0;
    PyObject *result = NULL;
    if (!ok || !counts || !f) {
        if (ok && counts) PyErr_NoMemory();
        goto done;
    }
    int64_t *count = (int64_t *)PyBytes_AS_STRING(counts);
    int64_t rows = 0;
    for (Py_ssize_t i = 0; i < n; ++i) {
        Py_ssize_t k;
        const char *s = PyUnicode_AsUTF8AndSize(PyList_GET_ITEM(pieces, i), &k);
        if (!s) goto done;
        int64_t before = rows;
        if (kind[i]) { /* text for the rule tokenizer */
            if ((size_t)k > low_cap) {
                char *q = realloc(low, (size_t)k);
                if (!q) {
                    PyErr_NoMemory();
                    goto done;
                }
                low = q;
                low_cap = (size_t)k;
            }
            const unsigned char *u = (const unsigned char *)s;
            size_t at = 0, w;
            while (at < (size_t)k) {
                size_t end = rule_token(u, at, (size_t)k);
                if (!end) {
                    cp_at(u, at, (size_t)k, &w);
                    at += w;
                    continue;
                }
                if (add_rule_token(cols, u + at, end - at, low)) goto done;
                rows++;
                at = end;
            }
        } else if (k > 0) {
            const mecab_node_t *node = p_tonode2(m, s, (size_t)k);
            if (!node) {
                PyErr_Format(PyExc_RuntimeError, "MeCab failed on piece %zd: %s", i, p_strerror(m));
                goto done;
            }
            for (; node; node = node->next) {
                if (node->stat == BOS_NODE || node->stat == EOS_NODE) continue;
                if (add_node(cols, node, f)) goto done;
                rows++;
            }
        }
        count[i] = rows - before;
    }
    result = PyTuple_New(2 + 2 * NCOLS);
    if (!result) goto done;
    PyTuple_SET_ITEM(result, 0, PyLong_FromLongLong(rows));
    Py_INCREF(counts);
    PyTuple_SET_ITEM(result, 1, counts);
    for (int j = 0; j < NCOLS; ++j) {
        PyObject *off = PyBytes_FromStringAndSize(cols[j].offsets.p, (Py_ssize_t)cols[j].offsets.n);
        PyObject *dat = PyBytes_FromStringAndSize(cols[j].data.p ? cols[j].data.p : "", (Py_ssize_t)cols[j].data.n);
        if (!off || !dat) {
            Py_XDECREF(off);
            Py_XDECREF(dat);
            Py_CLEAR(result);
            goto done;
        }
        PyTuple_SET_ITEM(result, 2 + 2 * j, off);
        PyTuple_SET_ITEM(result, 3 + 2 * j, dat);
    }
done:
    for (int j = 0; j < NCOLS; ++j) col_free(&cols[j]);
    free(f);
    free(low);
    Py_XDECREF(counts);
    PyBuffer_Release(&kinds);
    return result;
}

static PyMethodDef methods[] = {
    {"load", py_load, METH_VARARGS, "load(libmecab_path): open libmecab and find its C API."},
    {"new", py_new, METH_VARARGS, "new(argv) -> tagger: a MeCab tagger (mecab_new arguments, without the program name)."},
    {"columns", py_columns, METH_VARARGS,
     "columns(tagger, pieces, kinds) -> (rows, counts, surface offsets, surface data, lemma ..., pos1 ..., "
     "pos2 ..., pos3 ..., pos4 ...): Arrow string buffers of the tokens of each piece (kind 0: a Japanese "
     "run for MeCab; 1: text for the rule tokenizer); counts is int64 per piece."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_nodecols", NULL, -1, methods};

PyMODINIT_FUNC PyInit__nodecols(void) { return PyModule_Create(&module); }
