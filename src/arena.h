/*
** arena.h: a bump allocator. Everything allocated from an arena is released
** at once by arena_free (or kept for reuse by arena_reset). Used for
** per-sentence and per-document data, and for immutable loaded resources.
*/
#ifndef DYAD_ARENA_H
#define DYAD_ARENA_H
#include <stddef.h>

typedef struct arena_block arena_block;
typedef struct arena {
    arena_block *head;   /* current block (blocks form a list) */
    size_t used, cap;    /* bytes used / capacity of the current block */
    size_t total;        /* bytes in all blocks */
} arena;

void  arena_init(arena *a);
void *arena_alloc(arena *a, size_t n);          /* 16-byte aligned; NULL on OOM */
void *arena_zalloc(arena *a, size_t n);         /* zeroed */
char *arena_strndup(arena *a, const char *z, size_t n); /* NUL-terminated copy */
void  arena_reset(arena *a);                    /* keep the first block, drop the rest */
void  arena_free(arena *a);
#endif
