/*
** dict_bench.c: time loading the production dictionary set.
** usage: dict_bench DIR [N]  -> N lines "load_ms: X" (open + freeze + free).
** Only the public API is used; bench/b_10_dict.sh takes the median.
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
    if (argc < 2) { fprintf(stderr, "usage: dict_bench DIR [N]\n"); return 64; }
    int n = argc > 2 ? atoi(argv[2]) : 5;
    for (int i = 0; i < n; i++) {
        double t0 = now_ms();
        dyad_dicts *d;
        dyad_status st = dyad_dicts_open(argv[1], NULL, 0, &d);
        if (st) { fprintf(stderr, "dict_bench: %s\n", dyad_dicts_errmsg(d)); dyad_dicts_free(d); return 1; }
        double t1 = now_ms();
        dyad_dicts_free(d);
        printf("load_ms: %.2f\n", t1 - t0);
    }
    return 0;
}
