/*
** fuzz_model.h: a parser model for the fuzz targets that need one: $DYAD_MODEL,
** else models/en_ewt.dyadm, else one trained (1 epoch, in a few ms) from
** tests/fuzz/tiny.conllu into a temporary file. Loaded once; NULL if none.
*/
#ifndef DYAD_FUZZ_MODEL_H
#define DYAD_FUZZ_MODEL_H
#include "dyad.h"
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static inline const dyad_model *fuzz_model(void) {
    static int tried;
    static dyad_model *m;
    if (tried) return m;
    tried = 1;
    char err[512];
    const char *p = getenv("DYAD_MODEL");
    if (p && *p && dyad_model_load(p, &m, err, sizeof err) == DYAD_OK) return m;
    if (dyad_model_load("models/en_ewt.dyadm", &m, err, sizeof err) == DYAD_OK) return m;
    char tmp[64];
    snprintf(tmp, sizeof tmp, "/tmp/dyad-fuzz-model-%ld.dyadm", (long)getpid());
    dyad_train_opts o = {1, 1, 2, 0.0f, NULL, NULL};
    const char *tiny = getenv("DYAD_FUZZ_TINY");
    if (dyad_train(tiny && *tiny ? tiny : "tests/fuzz/tiny.conllu", NULL, tmp, &o, err, sizeof err) == DYAD_OK)
        (void)dyad_model_load(tmp, &m, err, sizeof err);
    unlink(tmp);
    return m;
}
#endif
