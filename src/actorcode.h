/*
** actorcode.h: the generated table of actor trigrams (actor_tables.c) used
** by actorcode.c to split an actor code into entity, role and attributes.
*/
#ifndef DYAD_ACTORCODE_H
#define DYAD_ACTORCODE_H
#include <stddef.h>

typedef struct actor_trigram {
    const char *code;   /* "GOV" */
    const char *kind;   /* "country", "role_primary", "international", ... */
    const char *name;   /* "Government" */
} actor_trigram;

extern const actor_trigram actor_table[];
extern const size_t actor_table_len;
#endif
