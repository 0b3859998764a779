/*
** fuzz_model.h: a parser model for the fuzz targets that need one: $DYAD_MODEL,
** else models/en_ewt.dyadm, else one trained (1 epoch, in a few ms) from
** tests/fuzz/tiny.conllu into a temporary file (removed at exit). Made
** once; fuzz_model_path() gives the file, fuzz_model() the loaded model.
*/
#ifndef DYAD_FUZZ_MODEL_H
#define DYAD_FUZZ_MODEL_H
#include "dyad.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char fuzz_tmp_model[64];
static void fuzz_model_cleanup(void) { if (fuzz_tmp_model[0]) unlink(fuzz_tmp_model); }

static inline const char *fuzz_model_path(void) {
    static int tried;
    static const char *path;
    if (tried) return path;
    tried = 1;
    char err[512];
    const char *cand[] = {getenv("DYAD_MODEL"), "models/en_ewt.dyadm"};
    for (int i = 0; i < 2; i++) {  /* one that loads (a model being rewritten does not) */
        dyad_model *m = NULL;
        if (cand[i] && *cand[i] && dyad_model_load(cand[i], &m, err, sizeof err) == DYAD_OK) {
            dyad_model_free(m);
            return path = cand[i];
        }
    }
    snprintf(fuzz_tmp_model, sizeof fuzz_tmp_model, "/tmp/dyad-fuzz-model-%ld.dyadm", (long)getpid());
    dyad_train_opts o;
    memset(&o, 0, sizeof o);
    o.tag_epochs = 1; o.parse_epochs = 1; o.folds = 2;
    const char *tiny = getenv("DYAD_FUZZ_TINY");
    if (dyad_train(tiny && *tiny ? tiny : "tests/fuzz/tiny.conllu", NULL, fuzz_tmp_model, &o, err, sizeof err)
        != DYAD_OK) {
        fprintf(stderr, "fuzz: no parser model: %s\n", err);
        fuzz_tmp_model[0] = 0;
        return NULL;
    }
    atexit(fuzz_model_cleanup);
    return path = fuzz_tmp_model;
}

static inline const dyad_model *fuzz_model(void) {
    static int tried;
    static dyad_model *m;
    if (tried) return m;
    tried = 1;
    char err[512];
    const char *p = fuzz_model_path();
    if (p && dyad_model_load(p, &m, err, sizeof err) != DYAD_OK) m = NULL;
    return m;
}
#endif
