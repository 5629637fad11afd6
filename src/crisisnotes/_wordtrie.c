/* crisisnotes._wordtrie: leftmost-longest matching of a word list, in C.
 *
 * The compiled half of crisisnotes.trie.WordTrie. It finds what
 * re.compile("(" + trie_pattern(words) + ")").split(text) finds -- scanning from the left, at each
 * point the longest word that starts there, then on from its end -- and returns each match's word
 * id, start and end (code points, as Python's str indexes). Python's re tries the first characters
 * of all words one after another at each point of the text; here one table lookup does it.
 *
 * The trie is one hash table of edges (node, code point) -> child, plus a dense table of the
 * root's edges for the Basic Multilingual Plane.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ROOT_DENSE 0x10000

typedef struct {
    int32_t *root;      /* ROOT_DENSE children of the root (-1: none) */
    uint64_t *keys;     /* (node << 21 | code point) + 1; 0: empty slot */
    int32_t *children;  /* the child of each key */
    size_t cap;         /* slots, a power of two */
    size_t used;
    int64_t *word;      /* id of the word ending at each node (-1: none) */
    size_t nodes, node_cap;
} Trie;

static void trie_free(Trie *t) {
    if (!t) return;
    free(t->root);
    free(t->keys);
    free(t->children);
    free(t->word);
    free(t);
}

static size_t slot_of(uint64_t key, size_t cap) { return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 20) & (cap - 1); }

static int32_t edge_get(const Trie *t, int32_t node, Py_UCS4 ch) {
    if (node == 0 && ch < ROOT_DENSE) return t->root[ch];
    uint64_t key = (((uint64_t)node << 21) | ch) + 1;
    for (size_t i = slot_of(key, t->cap);; i = (i + 1) & (t->cap - 1)) {
        if (t->keys[i] == key) return t->children[i];
        if (!t->keys[i]) return -1;
    }
}

static int edge_put(Trie *t, int32_t node, Py_UCS4 ch, int32_t child) {
    if (node == 0 && ch < ROOT_DENSE) {
        t->root[ch] = child;
        return 0;
    }
    if (2 * (t->used + 1) > t->cap) { /* grow: rehash every key */
        size_t cap = t->cap * 2;
        uint64_t *keys = calloc(cap, sizeof *keys);
        int32_t *children = malloc(cap * sizeof *children);
        if (!keys || !children) {
            free(keys);
            free(children);
            return -1;
        }
        for (size_t i = 0; i < t->cap; ++i)
            if (t->keys[i]) {
                size_t j = slot_of(t->keys[i], cap);
                while (keys[j]) j = (j + 1) & (cap - 1);
                keys[j] = t->keys[i];
                children[j] = t->children[i];
            }
        free(t->keys);
        free(t->children);
        t->keys = keys;
        t->children = children;
        t->cap = cap;
    }
    uint64_t key = (((uint64_t)node << 21) | ch) + 1;
    size_t i = slot_of(key, t->cap);
    while (t->keys[i]) i = (i + 1) & (t->cap - 1);
    t->keys[i] = key;
    t->children[i] = child;
    t->used++;
    return 0;
}

static int32_t new_node(Trie *t) {
    if (t->nodes == t->node_cap) {
        size_t cap = t->node_cap * 2;
        int64_t *word = realloc(t->word, cap * sizeof *word);
        if (!word) return -1;
        t->word = word;
        t->node_cap = cap;
    }
    t->word[t->nodes] = -1;
    return (int32_t)t->nodes++;
}

static void capsule_free(PyObject *cap) { trie_free((Trie *)PyCapsule_GetPointer(cap, "crisisnotes._wordtrie.trie")); }

/* build(words, ids) -> trie: a later duplicate word takes the id (as a dict built from the pairs). */
static PyObject *py_build(PyObject *self, PyObject *args) {
    PyObject *words, *ids;
    if (!PyArg_ParseTuple(args, "O!O!", &PyList_Type, &words, &PyList_Type, &ids)) return NULL;
    if (PyList_GET_SIZE(words) != PyList_GET_SIZE(ids)) {
        PyErr_SetString(PyExc_ValueError, "words and ids differ in length");
        return NULL;
    }
    Trie *t = calloc(1, sizeof *t);
    if (!t) return PyErr_NoMemory();
    t->root = malloc(ROOT_DENSE * sizeof *t->root);
    t->cap = 1 << 12;
    t->keys = calloc(t->cap, sizeof *t->keys);
    t->children = malloc(t->cap * sizeof *t->children);
    t->node_cap = 1 << 10;
    t->word = malloc(t->node_cap * sizeof *t->word);
    if (!t->root || !t->keys || !t->children || !t->word) {
        trie_free(t);
        return PyErr_NoMemory();
    }
    memset(t->root, 0xFF, ROOT_DENSE * sizeof *t->root); /* -1 */
    new_node(t);                                          /* the root, node 0 */
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(words); ++k) {
        PyObject *w = PyList_GET_ITEM(words, k);
        long long id = PyLong_AsLongLong(PyList_GET_ITEM(ids, k));
        if (!PyUnicode_Check(w) || (id == -1 && PyErr_Occurred())) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "words must be str, ids int");
            trie_free(t);
            return NULL;
        }
        int kind = PyUnicode_KIND(w);
        const void *data = PyUnicode_DATA(w);
        Py_ssize_t n = PyUnicode_GET_LENGTH(w);
        if (n == 0) continue; /* trie_pattern skips "" too */
        int32_t node = 0;
        for (Py_ssize_t i = 0; i < n; ++i) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, i);
            int32_t child = edge_get(t, node, ch);
            if (child < 0) {
                child = new_node(t);
                if (child < 0 || edge_put(t, node, ch, child)) {
                    trie_free(t);
                    return PyErr_NoMemory();
                }
            }
            node = child;
        }
        t->word[node] = id;
    }
    PyObject *cap = PyCapsule_New(t, "crisisnotes._wordtrie.trie", capsule_free);
    if (!cap) trie_free(t);
    return cap;
}

/* find(trie, text) -> (ids, starts, ends): int64 bytes, one entry per match. */
static PyObject *py_find(PyObject *self, PyObject *args) {
    PyObject *cap, *text;
    if (!PyArg_ParseTuple(args, "OU", &cap, &text)) return NULL;
    const Trie *t = (const Trie *)PyCapsule_GetPointer(cap, "crisisnotes._wordtrie.trie");
    if (!t) return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    size_t cap_out = 1024, found = 0;
    int64_t *out = malloc(3 * cap_out * sizeof *out);
    if (!out) return PyErr_NoMemory();
    Py_ssize_t i = 0;
    while (i < n) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        int32_t node = edge_get(t, 0, ch);
        if (node < 0) {
            ++i;
            continue;
        }
        Py_ssize_t end = -1;
        int64_t id = -1;
        if (t->word[node] >= 0) {
            end = i + 1;
            id = t->word[node];
        }
        for (Py_ssize_t j = i + 1; j < n; ++j) {
            node = edge_get(t, node, PyUnicode_READ(kind, data, j));
            if (node < 0) break;
            if (t->word[node] >= 0) {
                end = j + 1;
                id = t->word[node];
            }
        }
        if (end < 0) {
            ++i;
            continue;
        }
        if (found == cap_out) {
            int64_t *more = realloc(out, 3 * 2 * cap_out * sizeof *out);
            if (!more) {
                free(out);
                return PyErr_NoMemory();
            }
            out = more;
            cap_out *= 2;
        }
        out[3 * found] = id;
        out[3 * found + 1] = i;
        out[3 * found + 2] = end;
        found++;
        i = end;
    }
    PyObject *result = PyBytes_FromStringAndSize((const char *)out, (Py_ssize_t)(3 * found * sizeof *out));
    free(out);
    return result;
}

static PyMethodDef methods[] = {
    {"build", py_build, METH_VARARGS, "build(words, ids) -> trie"},
    {"find", py_find, METH_VARARGS,
     "find(trie, text) -> bytes: int64 triples (id, start, end) of the leftmost-longest matches"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_wordtrie", NULL, -1, methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__wordtrie(void) { return PyModule_Create(&module); }
