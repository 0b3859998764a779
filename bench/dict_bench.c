/*
** dict_bench.c: time loading the production dictionary set.
** usage: dict_bench DIR [N [CACHE]] -> N lines "load_ms: X" (open + freeze +
** free of the files in DIR; with CACHE: compile it once, then time loading
** the compiled cache instead). Public API only; b_10_dict.sh takes medians.
*/
#include "dyad.h"
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: dict_bench DIR [N [CACHE]]\n"); return 64; }
    int n = argc > 2 ? atoi(argv[2]) : 5;
    const char *cache = argc > 3 ? argv[3] : NULL;
    dyad_dicts *d;
    if (cache) {
        dyad_status st = dyad_dicts_open(argv[1], NULL, 0, &d);
        if (!st) st = dyad_dicts_compile(d, cache);
        if (st) { fprintf(stderr, "dict_bench: %s\n", dyad_dicts_errmsg(d)); dyad_dicts_free(d); return 1; }
        dyad_dicts_free(d);
    }
    for (int i = 0; i < n; i++) {
        double t0 = now_ms();
        dyad_status st = cache ? dyad_dicts_open_compiled(cache, &d) : dyad_dicts_open(argv[1], NULL, 0, &d);
        if (st) { fprintf(stderr, "dict_bench: %s\n", dyad_dicts_errmsg(d)); dyad_dicts_free(d); return 1; }
        double t1 = now_ms();
        dyad_dicts_free(d);
        printf("load_ms: %.2f\n", t1 - t0);
    }
    return 0;
}
