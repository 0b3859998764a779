/*
** fuzz_coder.h: a coder over the PETRARCH validation dictionaries, loaded once
** from $SHARED/data/petrarch (default ../shared); NULL when they are absent.
*/
#ifndef DYAD_FUZZ_CODER_H
#define DYAD_FUZZ_CODER_H
#include "dyad.h"
#include <stdio.h>
#include <stdlib.h>

static inline dyad_coder *fuzz_coder(void) {
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

/* Code s (phrases ps or NULL: rebuilt from the UD tree) with P1's options,
** then with pronouns and comma clauses on; events must be whole. */
static inline void fuzz_code_sentence(dyad_sentence *s, const dyad_phrases *ps) {
    dyad_coder *c = fuzz_coder();
    if (!c) return;
    dyad_code_opts o;
    dyad_code_opts_default(&o);
    for (int round = 0; round < 2; round++) {
        const dyad_event *ev;
        int nev;
        const char *note;
        if (dyad_code_sentence(c, s, ps, "20100615", "text", &o, &ev, &nev, &note) == DYAD_OK)
            for (int i = 0; i < nev; i++)
                if (!ev[i].source || !ev[i].target || !ev[i].code || !ev[i].pattern) abort();
        o.pronouns = 1;
        o.comma_min = 2; o.comma_max = 10; o.comma_bmax = 10; o.comma_emax = 10;
        o.new_actor_length = 3;
        o.require_dyad = 1;
        ps = NULL;
    }
}
#endif
