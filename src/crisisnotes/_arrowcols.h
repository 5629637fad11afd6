/* Growable buffers and Arrow string columns for crisisnotes._nodecols (included by _nodecols.c;
 * static functions only). A column is Arrow's layout of a string array without nulls: the bytes of
 * all values one after another, and int32 offsets, one more than the values.
 */
#ifndef CRISISNOTES_ARROWCOLS_H
#define CRISISNOTES_ARROWCOLS_H

#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

#endif
