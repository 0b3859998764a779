/*
** fuzz_penn.c: the Penn Treebank reader and head-rule conversion on arbitrary
** bytes; every tree it accepts is then coded (phrase structure, and the tree
** rebuilt from UD) with the PETRARCH validation dictionaries, loaded once from
** $SHARED/data/petrarch (default ../shared); without them only the reader runs.
*/
#include "fuzz_coder.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    dyad_sentence *s = dyad_sentence_new();
    dyad_phrases *ps = dyad_phrases_new();
    char err[256];
    if (s && ps && dyad_penn_read((const char *)data, size, s, ps, err, sizeof err) == DYAD_OK) {
        int n = dyad_sentence_len(s);
        dyad_token *t = dyad_sentence_tokens(s);
        for (int i = 0; i < n; i++)
            if (!t[i].form || t[i].head < -1 || t[i].head > n) abort();
        fuzz_code_sentence(s, ps);  /* the phrase structure, then the tree rebuilt from UD */
    }
    dyad_phrases_free(ps);
    dyad_sentence_free(s);
    return 0;
}
