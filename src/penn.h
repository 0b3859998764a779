/*
** penn.h: phrase structure kept beside a dyad_sentence (internal). A Penn
** Treebank tree read by penn.c, or a constituent tree rebuilt from a UD tree,
** in one flat node array. The coder's P1 linearisation (code_p1.c) walks it.
*/
#ifndef DYAD_PENN_H
#define DYAD_PENN_H
#include "dyad.h"

typedef struct pt_node {
    char label[16];      /* upper-case phrase label or POS tag ("" is ROOT) */
    int tok;             /* leaves: 0-based token index; phrases: -1 */
    int parent;          /* -1 for the root */
    int child, last;     /* first / last child, -1 if none */
    int next;            /* next sibling, -1 if none */
} pt_node;

struct dyad_phrases {
    pt_node *n;
    int nn, cap;
    int root;            /* index of the root node, -1 when empty */
};

/* Append a node under PARENT (-1: none); returns its index or -1 on no memory. */
int pt_add(dyad_phrases *p, int parent, const char *label, size_t nlabel, int tok);
/* Empty the tree, keeping memory. */
void pt_clear(dyad_phrases *p);
/* Is token d (0-based) of t[0..n) a date: a month or weekday name, or a day
** number next to one ("December 22")? Shared with the nominal coder. */
int pt_date_word(const dyad_token *t, int n, int d);
/* Rebuild a constituent tree from the UD tree of S (tokens + heads), after
** the tree repairs below (on a private copy: S is not changed). */
dyad_status pt_from_ud(dyad_phrases *p, const dyad_sentence *s);

/* The tree repairs (docs/penn-to-ud.md, "Repairs"): named passes that mend
** parser slips before the phrases are rebuilt, run in table order. A
** developer switch, not API (as SQLite's SQLITE_TESTCTRL_OPTIMIZATIONS): bit i
** of a mask turns pass i off, to measure what a pass is worth or to see a
** parser's tree unrepaired (`dyad parse --repaired --repairs-off LIST`,
** DYAD_REPAIRS_OFF=LIST for any dyad command). */
typedef struct pt_repair_info {
    const char *zName;      /* "of_object": the pass's function in penn.c */
    const char *zRule;      /* the slip and its repair, one line */
    const char *zExample;   /* a sentence (tokens separated by blanks) it mends */
} pt_repair_info;
/* Number of passes (at most 64), and pass i (NULL when out of range). */
int pt_repair_count(void);
const pt_repair_info *pt_repair_get(int i);
/* Index of the pass named z[0..n), or -1. */
int pt_repair_find(const char *z, size_t n);
/* Names separated by commas or blanks ("all": every pass) to a mask in
** *pMask. Returns 0, or -1 on an unknown name (*pzBad, *pnBad: where it is in
** zList; either may be NULL). */
int pt_repairs_mask(const char *zList, uint64_t *pMask, const char **pzBad, size_t *pnBad);
/* The passes pt_from_ud leaves out (0 at start: all run). Process-wide: set it
** before coding starts, not while other threads code. */
void pt_repairs_set_off(uint64_t mask);
uint64_t pt_repairs_off(void);
/* Run the passes not in OFF on t[0..n), in place (heads, relations, tags;
** the strings are the sentence's or static). DYAD_NOMEM on no memory, with
** t partly repaired. */
dyad_status pt_repair(dyad_token *t, int n, uint64_t off);

#define PT_MAX_INPUT  (1u << 22)  /* bytes of one bracketed tree */
#define PT_MAX_DEPTH  400
#define PT_MAX_TOKENS 20000
#endif
