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

#include "_arrowcols.h"

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
    const char *(*p_version)(void) = (const char *(*)(void))dlsym(h, "mecab_version");
    if (!p_new || !p_tonode2 || !p_strerror || !p_destroy || !p_version) {
        p_new = NULL;
        PyErr_Format(PyExc_OSError, "%s lacks the MeCab C API", path);
        return NULL;
    }
    const char *version = p_version();
    if (strncmp(version, "0.996", 5) != 0) { /* the node layout above is 0.996's */
        p_new = NULL;
        PyErr_Format(PyExc_OSError, "libmecab %s is not MeCab 0.996, whose node layout this module reads", version);
        return NULL;
    }
    return PyUnicode_FromString(version);
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

#include "_ruletok.h"

static int64_t unclassified; /* rule tokens of this call left with the rule mark */

static int add_rule_token(Col *cols, const unsigned char *t, size_t k, char *low) {
    int lemma;
    const char *cls = ascii_class(t, k, low, &lemma);
    if (col_add(&cols[C_SURFACE], (const char *)t, k)) return -1;
    if (!cls) { /* classified by crisisnotes.tokenize._classify_rule_tokens */
        cls = "\x01";
        lemma = 0;
        unclassified++;
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

/* The rule tokens of s[0:k] (its whole text for the rule tokenizer). */
static int add_rule_text(Col *cols, const unsigned char *s, size_t k, char *low, int64_t *rows) {
    size_t end = 0;
    for (size_t at = next_match(rule_token, s, 0, k, &end); at < k; at = next_match(rule_token, s, end, k, &end)) {
        if (add_rule_token(cols, s + at, end - at, low)) return -1;
        (*rows)++;
    }
    return 0;
}

/* MeCab's tokens of the Japanese run s[a:b], blanks at its edges stripped (tokenize._mecab). */
static int add_mecab_run(mecab_t *m, Col *cols, const unsigned char *s, size_t a, size_t b, Fields *f, int64_t *rows) {
    size_t w;
    while (a < b && Py_UNICODE_ISSPACE(cp_at(s, a, b, &w))) a += w;
    while (b > a && space_before(s, b, b, &w)) b -= w;
    if (a >= b) return 0;
    const mecab_node_t *node = p_tonode2(m, (const char *)s + a, b - a);
    if (!node) {
        PyErr_Format(PyExc_RuntimeError, "MeCab failed: %s", p_strerror(m));
        return -1;
    }
    for (; node; node = node->next) {
        if (node->stat == BOS_NODE || node->stat == EOS_NODE) continue;
        if (add_node(cols, node, f)) return -1;
        (*rows)++;
    }
    return 0;
}

static PyObject *py_columns(PyObject *self, PyObject *args) {
    PyObject *cap, *texts;
    Py_buffer langs;
    if (!PyArg_ParseTuple(args, "OO!y*", &cap, &PyList_Type, &texts, &langs)) return NULL;
    mecab_t *m = (mecab_t *)PyCapsule_GetPointer(cap, "crisisnotes._nodecols.tagger");
    if (!m) {
        PyBuffer_Release(&langs);
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(texts);
    if (langs.len != n) {
        PyBuffer_Release(&langs);
        PyErr_SetString(PyExc_ValueError, "texts and langs differ in length");
        return NULL;
    }
    const unsigned char *is_ja = (const unsigned char *)langs.buf;
    Col cols[NCOLS];
    int ok = 1;
    for (int j = 0; j < NCOLS; ++j) ok &= col_init(&cols[j]) == 0;
    PyObject *counts = PyBytes_FromStringAndSize(NULL, n * (Py_ssize_t)sizeof(int64_t));
    Fields *f = malloc(sizeof *f);
    unsigned char *buf = NULL;
    char *low = NULL;
    size_t cap_k = 0;
    PyObject *result = NULL;
    if (!ok || !counts || !f) {
        if (ok && counts) PyErr_NoMemory();
        goto done;
    }
    int64_t *count = (int64_t *)PyBytes_AS_STRING(counts);
    int64_t rows = 0;
    unclassified = 0;
    for (Py_ssize_t i = 0; i < n; ++i) {
        Py_ssize_t sk;
        const char *src = PyUnicode_AsUTF8AndSize(PyList_GET_ITEM(texts, i), &sk);
        if (!src) goto done;
        size_t k = (size_t)sk;
        if (k > cap_k) {
            unsigned char *q = realloc(buf, k);
            char *r = realloc(low, k);
            if (q) buf = q;
            if (r) low = r;
            if (!q || !r) {
                PyErr_NoMemory();
                goto done;
            }
            cap_k = k;
        }
        for (size_t q = 0; q < k; ++q) /* tabs and carriage returns are blanks (tokenize.tokenize_tsv) */
            buf[q] = src[q] == '\t' || src[q] == '\r' ? ' ' : (unsigned char)src[q];
        int64_t before = rows;
        if (!is_ja[i]) {
            if (add_rule_text(cols, buf, k, low, &rows)) goto done;
        } else {
            size_t pos = 0, end = 0; /* pos: where the Japanese run before the next Latin run starts */
            for (size_t at = next_match(latin_run, buf, 0, k, &end); at < k; at = next_match(latin_run, buf, end, k, &end)) {
                if (add_mecab_run(m, cols, buf, pos, at, f, &rows) || add_rule_text(cols, buf + at, end - at, low, &rows))
                    goto done;
                pos = end;
            }
            if (add_mecab_run(m, cols, buf, pos, k, f, &rows)) goto done;
        }
        count[i] = rows - before;
    }
    result = PyTuple_New(3 + 2 * NCOLS);
    if (!result) goto done;
    PyTuple_SET_ITEM(result, 0, PyLong_FromLongLong(rows));
    PyTuple_SET_ITEM(result, 1, PyLong_FromLongLong(unclassified));
    Py_INCREF(counts);
    PyTuple_SET_ITEM(result, 2, counts);
    for (int j = 0; j < NCOLS; ++j) {
        PyObject *off = PyBytes_FromStringAndSize(cols[j].offsets.p, (Py_ssize_t)cols[j].offsets.n);
        PyObject *dat = PyBytes_FromStringAndSize(cols[j].data.p ? cols[j].data.p : "", (Py_ssize_t)cols[j].data.n);
        if (!off || !dat) {
            Py_XDECREF(off);
            Py_XDECREF(dat);
            Py_CLEAR(result);
            goto done;
        }
        PyTuple_SET_ITEM(result, 3 + 2 * j, off);
        PyTuple_SET_ITEM(result, 4 + 2 * j, dat);
    }
done:
    for (int j = 0; j < NCOLS; ++j) col_free(&cols[j]);
    free(f);
    free(buf);
    free(low);
    Py_XDECREF(counts);
    PyBuffer_Release(&langs);
    return result;
}

static PyMethodDef methods[] = {
    {"load", py_load, METH_VARARGS, "load(libmecab_path) -> version: open libmecab (0.996) and find its C API."},
    {"new", py_new, METH_VARARGS, "new(argv) -> tagger: a MeCab tagger (mecab_new arguments, without the program name)."},
    {"columns", py_columns, METH_VARARGS,
     "columns(tagger, texts, is_ja) -> (rows, unclassified, counts, surface offsets, surface data, lemma ..., pos1 ..., "
     "pos2 ..., pos3 ..., pos4 ...): Arrow string buffers of the tokens of each text (is_ja: one byte per "
     "text, 1 for Japanese: MeCab for its runs, the rule tokenizer for its Latin-script runs; 0: the rule "
     "tokenizer for all of it); counts is int64 per text; unclassified counts the rule tokens left with the "
     "rule mark."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_nodecols", NULL, -1, methods};

PyMODINIT_FUNC PyInit__nodecols(void) { return PyModule_Create(&module); }
