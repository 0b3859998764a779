/*
** fuzz_conllu.c: the CoNLL-U / tokenized-text reader on arbitrary bytes
** (first byte: mode), the tree check and the writer on what it accepts.
** A sentence the reader accepts must have its heads in range; one that is
** a tree is coded (validation dictionaries, phrases rebuilt from UD).
*/
#include "fuzz_coder.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static FILE *devnull;
    if (!devnull) devnull = fopen("/dev/null", "w");
    if (size == 0) return 0;
    int mode = data[0] % 3;
    dyad_conllu *r = NULL;
    dyad_sentence *s = dyad_sentence_new();
    if (s && dyad_conllu_open_mem((const char *)data + 1, size - 1, "fuzz", mode, &r) == DYAD_OK) {
        for (int guard = 0; guard < 100000; guard++) {
            int got = 0;
            dyad_status st = dyad_conllu_next(r, s, &got);
            (void)dyad_conllu_errmsg(r);
            if (st == DYAD_NOMEM) break;
            if (st != DYAD_OK) continue;  /* malformed sentence skipped: go on */
            if (!got) break;
            int n = dyad_sentence_len(s);
            dyad_token *t = dyad_sentence_tokens(s);
            for (int i = 0; i < n; i++) {
                if (!t[i].form || !t[i].upos || !t[i].deprel) abort();
                if (t[i].head < -1 || t[i].head > n) abort();  /* the reader checks the range */
            }
            if (n <= 200 && dyad_sentence_check_tree(s) == DYAD_OK)
                fuzz_code_sentence(s, NULL);  /* the coder on the phrases rebuilt from UD */
            if (devnull) (void)dyad_conllu_write(devnull, s);
        }
    }
    dyad_conllu_close(r);
    dyad_sentence_free(s);
    return 0;
}
