/*
** fuzz_penn.c: the Penn Treebank reader and head-rule conversion on arbitrary
** bytes; every tree it accepts is then coded (phrase structure, and the tree
** rebuilt from UD) with the PETRARCH validation dictionaries, loaded once from
** $SHARED/data/petrarch (default ../shared); without them only the reader runs.
*/
#include "dyad.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static dyad_coder *coder(void) {
    static int tried;
    static dyad_dicts *d;
    static dyad_coder *c;
    if (tried) return c;
    tried = 1;
    const char *sh = getenv("SHARED");
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/data/petrarch", sh && *sh ? sh : "../shared");
    if (dyad_dicts_open(dir, "validate", DYAD_DICT_LENIENT, &d) != DYAD_OK) {
        dyad_dicts_free(d);
        d = NULL;
        return NULL;
    }
    c = dyad_coder_new(d);
    return c;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    dyad_sentence *s = dyad_sentence_new();
    dyad_phrases *ps = dyad_phrases_new();
    char err[256];
    if (s && ps && dyad_penn_read((const char *)data, size, s, ps, err, sizeof err) == DYAD_OK) {
        int n = dyad_sentence_len(s);
        dyad_token *t = dyad_sentence_tokens(s);
        for (int i = 0; i < n; i++)
            if (!t[i].form || t[i].head < -1 || t[i].head > n) abort();
        dyad_coder *c = coder();
        if (c) {
            dyad_code_opts o;
            dyad_code_opts_default(&o);
            const dyad_event *ev;
            int nev;
            const char *note;
            if (dyad_code_sentence(c, s, ps, "20100615", NULL, &o, &ev, &nev, &note) == DYAD_OK)
                for (int i = 0; i < nev; i++)
                    if (!ev[i].source || !ev[i].target || !ev[i].code) abort();
            o.pronouns = 1;
            o.comma_max = 10;
            (void)dyad_code_sentence(c, s, NULL, "20100615", NULL, &o, &ev, &nev, &note);
        }
    }
    dyad_phrases_free(ps);
    dyad_sentence_free(s);
    return 0;
}
