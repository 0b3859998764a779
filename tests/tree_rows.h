/*
** tests/tree_rows.h: a UD tree written as compact rows, for unit tests of the
** tree code: "FORM XPOS UPOS HEAD REL;FORM XPOS UPOS HEAD REL;..." is read
** as CoNLL-U into the test's sentence S (which the including file defines).
** Returns 0, or -1 on a malformed row or a tree the reader refuses.
*/
#ifndef DYAD_TESTS_TREE_ROWS_H
#define DYAD_TESTS_TREE_ROWS_H
#include <stdio.h>
#include <string.h>
#include "dyad.h"

static int load(const char *rows) {
    char buf[4096];
    size_t at = 0;
    int id = 1;
    const char *r = rows;
    while (*r) {
        char form[64], xpos[16], upos[16], rel[32];
        int head, used = 0;
        if (sscanf(r, " %63s %15s %15s %d %31[^;]%n", form, xpos, upos, &head, rel, &used) != 5) return -1;
        at += (size_t)snprintf(buf + at, sizeof buf - at, "%d\t%s\t_\t%s\t%s\t_\t%d\t%s\t_\t_\n", id++, form, upos,
                               xpos, head, rel);
        r += used;
        if (*r == ';') r++;
    }
    snprintf(buf + at, sizeof buf - at, "\n");
    dyad_conllu *c = NULL;
    int got = 0;
    dyad_status st = dyad_conllu_open_mem(buf, strlen(buf), "t", DYAD_CONLLU_CONLLU, &c);
    if (!st) st = dyad_conllu_next(c, S, &got);
    dyad_conllu_close(c);
    return st || !got ? -1 : 0;
}

#endif
