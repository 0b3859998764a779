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
/* Rebuild a constituent tree from the UD tree of S (tokens + heads). */
dyad_status pt_from_ud(dyad_phrases *p, const dyad_sentence *s);

#define PT_MAX_INPUT  (1u << 22)  /* bytes of one bracketed tree */
#define PT_MAX_DEPTH  400
#define PT_MAX_TOKENS 20000
#endif
