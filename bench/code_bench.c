/*
** code_bench.c: coding speed with parses given. Loads the dictionaries the
** validation file names, reads every evaluable record's parse once, then
** codes the sentences round-robin until at least N have been coded; only
** the coding is timed, in CPU time of the coding thread (one core: the
** figure does not drop when other jobs share the machine; wall time is
** printed too). Prints `coding_given_sents_per_s: X` and the count.
** usage: code_bench FILE.xml DICTDIR N [SET]   (SET: a named set of DICTDIR,
** e.g. production, instead of the dictionaries the file's Environment names)
*/
#include "dyad.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int main(int argc, char **argv) {
    if (argc != 4 && argc != 5) { fprintf(stderr, "usage: code_bench FILE.xml DICTDIR N [SET]\n"); return 64; }
    long want = atol(argv[3]);
    char err[1024];
    dyad_valfile *v = NULL;
    if (dyad_valfile_read(argv[1], &v, err, sizeof err)) { fprintf(stderr, "%s\n", err); return 1; }
    dyad_dicts *d = dyad_dicts_new(DYAD_DICT_LENIENT);
    const char *env[] = {"Verbfile", "Actorfile", "Agentfile", "Discardfile"};
    dyad_dict_kind kind[] = {DYAD_DK_VERBS, DYAD_DK_ACTORS, DYAD_DK_AGENTS, DYAD_DK_DISCARDS};
    if (argc == 5 && dyad_dicts_add_dir(d, argv[2], argv[4])) { fprintf(stderr, "%s\n", dyad_dicts_errmsg(d)); return 1; }
    for (int i = 0; i < 4 && argc == 4; i++) {
        const char *name = dyad_valfile_env(v, env[i]);
        if (!name) continue;
        char p[2048];
        snprintf(p, sizeof p, "%s/%s", argv[2], name);
        if (dyad_dicts_add_file(d, p, kind[i])) { fprintf(stderr, "%s\n", dyad_dicts_errmsg(d)); return 1; }
    }
    if (dyad_dicts_freeze(d)) { fprintf(stderr, "%s\n", dyad_dicts_errmsg(d)); return 1; }
    int n = dyad_valfile_count(v), m = 0;
    dyad_sentence **s = calloc((size_t)n, sizeof *s);
    dyad_phrases **p = calloc((size_t)n, sizeof *p);
    const dyad_valrecord **r = calloc((size_t)n, sizeof *r);
    for (int i = 0; i < n; i++) {
        const dyad_valrecord *x = dyad_valfile_record(v, i);
        if (!x->sentence || !x->included) continue;
        s[m] = dyad_sentence_new();
        p[m] = dyad_phrases_new();
        if (dyad_penn_read(x->parse, strlen(x->parse), s[m], p[m], err, sizeof err)) {
            dyad_sentence_free(s[m]); dyad_phrases_free(p[m]);
            continue;
        }
        r[m++] = x;
    }
    if (m == 0) { fprintf(stderr, "no sentences\n"); return 1; }
    dyad_coder *c = dyad_coder_new(d);
    long done = 0, events = 0;
    struct timespec a, b, wa, wb;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a);
    clock_gettime(CLOCK_MONOTONIC, &wa);
    while (done < want) {
        for (int i = 0; i < m && done < want; i++, done++) {
            const dyad_event *ev;
            int nev;
            const char *note;
            if (dyad_code_sentence(c, s[i], p[i], r[i]->date, r[i]->text, &r[i]->opts, &ev, &nev, &note) == DYAD_OK)
                events += nev;
        }
    }
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b);
    clock_gettime(CLOCK_MONOTONIC, &wb);
    double sec = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
    double wall = (double)(wb.tv_sec - wa.tv_sec) + (double)(wb.tv_nsec - wa.tv_nsec) / 1e9;
    printf("coding_given_sents_per_s: %.0f\n", sec > 0 ? (double)done / sec : 0.0);
    printf("# %ld sentences (%d distinct), %ld events, %.3f s CPU, %.3f s wall (%.0f/s wall)\n",
           done, m, events, sec, wall, wall > 0 ? (double)done / wall : 0.0);
    dyad_coder_free(c);
    for (int i = 0; i < m; i++) { dyad_sentence_free(s[i]); dyad_phrases_free(p[i]); }
    free(s); free(p); free(r);
    dyad_dicts_free(d);
    dyad_valfile_free(v);
    return 0;
}
