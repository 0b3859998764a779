/*
** arena.c: bump allocator (see arena.h). Blocks double in size up to 1 MiB;
** larger requests get a block of their own.
*/
#include "arena.h"
#include "dyad.h"
#include <string.h>

struct arena_block {
    arena_block *next;
    size_t cap;
    _Alignas(16) unsigned char data[];
};

void arena_init(arena *a) { memset(a, 0, sizeof *a); }

void *arena_alloc(arena *a, size_t n) {
    n = (n + 15) & ~(size_t)15;
    if (!a->head || a->used + n > a->cap) {
        size_t cap = a->head ? a->head->cap * 2 : 4096;
        if (cap > (1u << 20)) cap = 1u << 20;
        if (cap < n) cap = n;
        arena_block *b = dyad_malloc(sizeof *b + cap);
        if (!b) return NULL;
        b->cap = cap;
        b->next = a->head;
        a->head = b;
        a->used = 0;
        a->cap = cap;
        a->total += cap;
    }
    void *p = a->head->data + a->used;
    a->used += n;
    return p;
}

void *arena_zalloc(arena *a, size_t n) {
    void *p = arena_alloc(a, n);
    if (p) memset(p, 0, n);
    return p;
}

char *arena_strndup(arena *a, const char *z, size_t n) {
    char *p = arena_alloc(a, n + 1);
    if (!p) return NULL;
    memcpy(p, z, n);
    p[n] = '\0';
    return p;
}

void arena_reset(arena *a) {
    if (!a->head) return;
    arena_block *keep = a->head;
    while (keep->next) {  /* free all but the oldest (smallest) block */
        arena_block *nx = keep->next;
        dyad_free(keep);
        keep = nx;
    }
    a->head = keep;
    a->used = 0;
    a->cap = keep->cap;
    a->total = keep->cap;
}

void arena_free(arena *a) {
    arena_block *b = a->head;
    while (b) {
        arena_block *nx = b->next;
        dyad_free(b);
        b = nx;
    }
    arena_init(a);
}
