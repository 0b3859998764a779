/*
** fuzz_parse.c: the tagger, lemmatizer and parser on arbitrary tokens. The
** input is split into tokens at spaces, tabs and newlines (any other bytes
** kept, invalid UTF-8 included); a newline ends a sentence. Every token must
** get a head in 0..n, one root, and strings for every field.
*/
#include "fuzz_model.h"
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void one(const dyad_model *m, dyad_sentence *s) {
    if (dyad_sentence_len(s) == 0) return;
    if (dyad_parse_sentence(m, s) != DYAD_OK) return;
    int n = dyad_sentence_len(s);
    dyad_token *t = dyad_sentence_tokens(s);
    for (int i = 0; i < n; i++)
        if (t[i].head < 0 || t[i].head > n || !t[i].deprel || !t[i].upos || !t[i].xpos || !t[i].lemma
            || !t[i].feats) abort();
    if (dyad_sentence_check_tree(s) != DYAD_OK) abort();
    dyad_sentence_clear(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const dyad_model *m = fuzz_model();
    if (!m) return 0;
    dyad_sentence *s = dyad_sentence_new();
    if (!s) return 0;
    char w[512];
    size_t i = 0;
    while (i < size) {
        size_t k = 0;
        while (i < size && data[i] != ' ' && data[i] != '\t' && data[i] != '\n') {
            if (data[i] && k + 1 < sizeof w) w[k++] = (char)data[i];
            i++;
        }
        if (k) {
            w[k] = 0;
            dyad_token t = {w, NULL, NULL, NULL, NULL, NULL, NULL, -1, 0, 0};
            if (dyad_sentence_add(s, &t) != DYAD_OK) break;
        }
        if (i < size && data[i] == '\n') one(m, s);
        i++;
    }
    one(m, s);
    dyad_sentence_free(s);
    return 0;
}
