/*
** code.h: internals of the event coder shared by its files (code.c: the
** sentence-level driver and the PETRARCH-1 linear coder of formats.md §13).
*/
#ifndef DYAD_CODE_H
#define DYAD_CODE_H
#include "dyad.h"
#include "dict.h"
#include "penn.h"
#include "arena.h"
#include <stdint.h>

/* A legacy pattern prepared for P1 matching (§13.4). */
typedef struct cp_word {
    const char *w;        /* upper-case word, "$", "+", "^", "%", "&SET" */
    char vsep;            /* separator on the verb side: '_' or ' ' */
    const dict_synset *syn; /* &SET: the synset (NULL: literal / undefined) */
    uint64_t sb[2];       /* &SET: filter of its members' first and last words */
} cp_word;

typedef struct cp_pattern {
    cp_word *up, *lo;     /* UPPER in text order, LOWER in text order */
    int nup, nlo;
    int dead;             /* dropped by P1 (brace, undefined synset) */
    int ppfirst;          /* CAMEO 2.0: LOWER starts with a (PP): tried after noun patterns */
    uint64_t need[2];     /* 128-bit filter of its literal words: a sentence lacking
                             one of them cannot match (checked before matching) */
    uint64_t syn[4][2];   /* per &SET word (first 4): its members' words; the
                             sentence must hold at least one of each */
    int nsyn;
    const dict_pattern *src;
} cp_pattern;

/* code_phrase_actor: the actor of a phrase by the coder's own NE rule
** (code_ne, formats.md §13.3: the first actor from the left, then agents),
** for other coders of the same sentence (code_nominal.c). toks: token indices
** of s in text order, matched by their dyad_fold_key forms; date: YYYYMMDD
** (NULL: the last sentence's). *code gets "AZE", "---GOV" or "---", *entry the
** dictionary lines ("file:line+file:line", "" if none); both live until the
** next dyad_code_sentence on c. Returns 0, or -1 on no memory. */
int code_phrase_actor(dyad_coder *c, dyad_sentence *s, const int *toks, int ntok,
                      const char *date, const char **code, const char **entry);

/* code_discard_note: "storydiscard", "sentencediscard" or NULL for a
** sentence's text by the discard dictionary (formats.md §6), for coders that
** do not run dyad_code_sentence (code_news.c). Resets c's scratch memory. */
const char *code_discard_note(dyad_coder *c, const char *text);

#endif
